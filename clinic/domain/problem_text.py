"""Plain-words English text for validation codes, saying what to do.

The UI wraps these in its translation layer; the command line prints them as they are.
"""

from __future__ import annotations

from clinic.domain.validation import FieldProblem, Problem

_TEXT: dict[Problem, str] = {
    Problem.REQUIRED: "This field is required.",
    Problem.TOO_LONG: "This is too long; shorten it.",
    Problem.CONTROL_CHARACTERS: "Remove the invisible control characters (often pasted from another program).",
    Problem.A_NUMBER_HAS_LETTERS: "An A-number has only digits after the leading A; check for a letter O typed for zero.",
    Problem.A_NUMBER_WRONG_LENGTH: "An A-number has 8 or 9 digits, e.g. A-123-456-789.",
    Problem.A_NUMBER_ALL_ZEROS: "An A-number cannot be all zeros; leave it empty if the client has none.",
    Problem.DATE_IN_FUTURE: "This date is in the future; check the year.",
    Problem.DATE_TOO_OLD: "This date is before 1900; check the year.",
    Problem.ARRIVAL_BEFORE_BIRTH: "The last arrival is before the date of birth; check both dates.",
    Problem.UNKNOWN_COUNTRY: "Use a two-letter ISO country code, e.g. HN for Honduras.",
    Problem.UNKNOWN_LANGUAGE: "Use an ISO language code, e.g. es for Spanish or quc for K'iche'.",
    Problem.BAD_EMAIL: "This does not look like an e-mail address (name@example.org).",
    Problem.BAD_PHONE: "Use digits, spaces, dashes or brackets, with an optional leading +.",
    Problem.FACILITY_REQUIRED: "Name the detention facility for a detained client.",
    Problem.RELIEF_REQUIRED: "Choose at least one form of relief (asylum, withholding, CAT).",
    Problem.PSG_DEFINITION_REQUIRED: "Write the particular social group's definition.",
    Problem.FORUM_MISMATCH: "Affirmative cases go to an asylum office, defensive ones to an immigration court.",
    Problem.BAD_RECEIPT_NUMBER: "A USCIS receipt number is three letters and ten digits, e.g. ZLA2512345678.",
    Problem.HEARING_BEFORE_CASE_OPENED: "The date is before the case was opened; check the date.",
    Problem.HEARING_KIND_MISMATCH: "This kind of appointment does not belong to this kind of case.",
    Problem.UNKNOWN_TIMEZONE: "Use a time-zone name such as America/Chicago.",
    Problem.DUPLICATE_A_NUMBER: "Another client already has this A-number; run the conflict check.",
    Problem.STAGE_NOT_ALLOWED: "A case cannot move from its current stage to that one.",
    Problem.STAGE_UNCHANGED: "The case is already at that stage.",
    Problem.OUTCOME_REQUIRED: "Say how the case ended before closing it.",
    Problem.OUTCOME_NOT_EXPECTED: "An outcome is recorded only with a decision or when closing.",
    Problem.REFERRAL_NEEDS_AFFIRMATIVE: "Only an affirmative case can be referred to court.",
    Problem.REFERRAL_NEEDS_FILED: "Only a filed affirmative case can be referred to court.",
    Problem.CLAIM_TYPE_CHANGE: "An affirmative case becomes defensive only by recording a referral to court.",
    Problem.UNKNOWN_STAFF: "Choose a staff member from the list.",
    Problem.RULE_DEADLINES_ARE_COMPUTED: "Rule deadlines are computed from the case's dates; record the date they count from, or add a manual or judge-ordered deadline.",
    Problem.NUMBER_OUT_OF_RANGE: "Enter a number of days between 0 and 3650.",
    Problem.RULE_SETTING_INVALID: "That number of days is outside what the rule file allows; see the rule's limits.",
}

_FIELD_LABELS: dict[str, str] = {
    "a_number": "A-number",
    "date_of_birth": "Date of birth",
    "last_arrival_on": "Last arrival",
    "psg_definition": "Particular social group",
    "on": "Date",
}


def describe(problem: Problem) -> str:
    return _TEXT[problem]


def field_label(field: str) -> str:
    return _FIELD_LABELS.get(field, field.replace("_", " ").capitalize())


def describe_all(problems: tuple[FieldProblem, ...]) -> list[str]:
    return [f"{field_label(p.field)}: {describe(p.code)}" for p in problems]
