"""Plain-words text for validation codes, saying what to do, in English or Spanish.

The English texts below are marked for the gettext catalogue (``N_``); their Spanish lives in
resources/locale/es/LC_MESSAGES/clinic.po (see clinic/domain/i18n.py). The UI may still wrap the
English in its own translation layer; pass ``lang`` to get the catalogue's translation.
"""

from __future__ import annotations

from clinic.domain.i18n import N_, gettext
from clinic.domain.validation import FieldProblem, Problem

_TEXT: dict[Problem, str] = {
    Problem.REQUIRED: N_("This field is required."),
    Problem.TOO_LONG: N_("This is too long; shorten it."),
    Problem.CONTROL_CHARACTERS: N_(
        "Remove the invisible control characters (often pasted from another program)."
    ),
    Problem.A_NUMBER_HAS_LETTERS: N_(
        "An A-number has only digits after the leading A; check for a letter O typed for zero."
    ),
    Problem.A_NUMBER_WRONG_LENGTH: N_("An A-number has 8 or 9 digits, e.g. A-123-456-789."),
    Problem.A_NUMBER_ALL_ZEROS: N_(
        "An A-number cannot be all zeros; leave it empty if the client has none."
    ),
    Problem.DATE_IN_FUTURE: N_("This date is in the future; check the year."),
    Problem.DATE_TOO_OLD: N_("This date is before 1900; check the year."),
    Problem.ARRIVAL_BEFORE_BIRTH: N_(
        "The last arrival is before the date of birth; check both dates."
    ),
    Problem.UNKNOWN_COUNTRY: N_("Use a two-letter ISO country code, e.g. HN for Honduras."),
    Problem.UNKNOWN_LANGUAGE: N_(
        "Use an ISO language code, e.g. es for Spanish or quc for K'iche'."
    ),
    Problem.BAD_EMAIL: N_("This does not look like an e-mail address (name@example.org)."),
    Problem.BAD_PHONE: N_("Use digits, spaces, dashes or brackets, with an optional leading +."),
    Problem.FACILITY_REQUIRED: N_("Name the detention facility for a detained client."),
    Problem.ADDRESS_PLACE_REQUIRED: N_(
        "Type at least the city or the street of this address, or leave the address empty."
    ),
    Problem.RELIEF_REQUIRED: N_("Choose at least one form of relief (asylum, withholding, CAT)."),
    Problem.PSG_DEFINITION_REQUIRED: N_("Write the particular social group's definition."),
    Problem.FORUM_MISMATCH: N_(
        "Affirmative cases go to an asylum office, defensive ones to an immigration court."
    ),
    Problem.BAD_RECEIPT_NUMBER: N_(
        "A USCIS receipt number is three letters and ten digits, e.g. ZLA2512345678."
    ),
    Problem.HEARING_BEFORE_CASE_OPENED: N_(
        "The date is before the case was opened; check the date."
    ),
    Problem.HEARING_KIND_MISMATCH: N_(
        "This kind of appointment does not belong to this kind of case."
    ),
    Problem.UNKNOWN_TIMEZONE: N_("Use a time-zone name such as America/Chicago."),
    Problem.DUPLICATE_A_NUMBER: N_(
        "Another client already has this A-number; run the conflict check."
    ),
    Problem.STAGE_NOT_ALLOWED: N_("A case cannot move from its current stage to that one."),
    Problem.STAGE_UNCHANGED: N_("The case is already at that stage."),
    Problem.OUTCOME_REQUIRED: N_("Say how the case ended before closing it."),
    Problem.OUTCOME_NOT_EXPECTED: N_(
        "An outcome is recorded only with a decision or when closing."
    ),
    Problem.REFERRAL_NEEDS_AFFIRMATIVE: N_("Only an affirmative case can be referred to court."),
    Problem.REFERRAL_NEEDS_FILED: N_("Only a filed affirmative case can be referred to court."),
    Problem.CLAIM_TYPE_CHANGE: N_(
        "An affirmative case becomes defensive only by recording a referral to court."
    ),
    Problem.UNKNOWN_STAFF: N_("Choose a staff member from the list."),
    Problem.RULE_DEADLINES_ARE_COMPUTED: N_(
        "Rule deadlines are computed from the case's dates; record the date they count from, or add a manual or judge-ordered deadline."
    ),
    Problem.NUMBER_OUT_OF_RANGE: N_("Enter a number of days between 0 and 3650."),
    Problem.RULE_SETTING_INVALID: N_(
        "That number of days is outside what the rule file allows; see the rule's limits."
    ),
    Problem.FOIA_REQUEST_REQUIRED: N_(
        "Choose the FOIA request this belongs to; record the request's sending or receipt first."
    ),
    Problem.FOIA_AGENCY_REQUIRED: N_("Choose the agency the FOIA request went to."),
    Problem.FOIA_DATE_BEFORE_REQUEST: N_(
        "This date is before the FOIA request was sent or received; check the date."
    ),
    Problem.END_BEFORE_START: N_("This end date is before the start date; check both dates."),
    Problem.NOT_THIS_CLIENTS: N_(
        "That family member or entry belongs to another client; choose one of this client's."
    ),
    Problem.LAST_ARRIVAL_ENTRY: N_(
        "This entry is the client's last arrival, which the one-year deadline counts from, and "
        "no other entry of theirs is recorded to take its place: correct the last arrival in "
        "the client's details first."
    ),
    Problem.BAD_STATE: N_("Type the state's two-letter code, e.g. IL."),
    Problem.BAD_ZIP: N_("A ZIP code has five digits (60601, or 60601-1234)."),
    Problem.BAD_US_PHONE: N_(
        "A U.S. telephone number has 10 digits with its area code, e.g. (312) 555-0142."
    ),
    Problem.BAD_SSN: N_(
        "A U.S. Social Security number has 9 digits (123-45-6789); leave it empty if the "
        "client has none."
    ),
    Problem.BAD_USCIS_ACCOUNT: N_(
        "A USCIS online account number has 12 digits; leave it empty if the client has none."
    ),
    Problem.EXPLANATION_REQUIRED: N_(
        "The answer is Yes: the form asks for an explanation; type it here (in English)."
    ),
}

_FIELD_LABELS: dict[str, str] = {
    "a_number": N_("A-number"),
    "date_of_birth": N_("Date of birth"),
    "last_arrival_on": N_("Last arrival"),
    "psg_definition": N_("Particular social group"),
    "on": N_("Date"),
    # the applicant's I-589 details (clinic/domain/applicant.py)
    "middle_name": N_("Middle name"),
    "ssn": N_("U.S. Social Security number"),
    "uscis_account": N_("USCIS online account number"),
    "birth_city": N_("City of birth"),
    "birth_country": N_("Country of birth"),
    "nationality_at_birth": N_("Nationality at birth"),
    "ethnic_group": N_("Race, ethnic or tribal group"),
    "religion": N_("Religion"),
    "left_country_on": N_("Date the client left their country"),
    "passport_country": N_("Country that issued the passport or travel document"),
    "passport_number": N_("Passport number"),
    "travel_document_number": N_("Travel document number"),
    "passport_expires_on": N_("Passport or travel document expires"),
    "marital_status": N_("Marital status"),
    "fluent_in_english": N_("Fluent in English"),
    # the I-589's Parts B and C (clinic/domain/claim_answers.py)
    "part_b1a": N_("Part B 1.A: harm, mistreatment or threats in the past"),
    "part_b1a_explanation": N_("Part B 1.A: explanation"),
    "part_b1b": N_("Part B 1.B: fear of harm on return"),
    "part_b1b_explanation": N_("Part B 1.B: explanation"),
    "part_b2": N_("Part B 2: accused, arrested or detained in another country"),
    "part_b2_explanation": N_("Part B 2: explanation"),
    "part_b3a": N_("Part B 3.A: organizations or groups in the home country"),
    "part_b3a_explanation": N_("Part B 3.A: explanation"),
    "part_b3b": N_("Part B 3.B: still taking part in them"),
    "part_b3b_explanation": N_("Part B 3.B: explanation"),
    "part_b4": N_("Part B 4: fear of torture"),
    "part_b4_explanation": N_("Part B 4: explanation"),
    "part_c1": N_("Part C 1: applied for refugee status, asylum or withholding before"),
    "part_c1_explanation": N_("Part C 1: explanation"),
    "part_c2a": N_("Part C 2.A: travelled through or lived in another country"),
    "part_c2b": N_("Part C 2.B: lawful status in another country"),
    "part_c2_explanation": N_("Part C 2.A and 2.B: explanation"),
    "part_c3": N_("Part C 3: caused harm or suffering to anyone"),
    "part_c3_explanation": N_("Part C 3: explanation"),
    "part_c4": N_("Part C 4: returned to the country of feared harm"),
    "part_c4_explanation": N_("Part C 4: explanation"),
    "part_c5": N_("Part C 5: filing more than 1 year after the last arrival"),
    "part_c5_explanation": N_("Part C 5: explanation"),
    "part_c6": N_("Part C 6: crimes, arrests or convictions"),
    "part_c6_explanation": N_("Part C 6: explanation"),
}


def describe(problem: Problem, lang: str = "en") -> str:
    return gettext(_TEXT[problem], lang)


def known_field_label(field: str, lang: str = "en") -> str | None:
    """The field's label in ``lang`` when the catalogue has one (None otherwise)."""
    label = _FIELD_LABELS.get(field)
    return None if label is None else gettext(label, lang)


def field_label(field: str, lang: str = "en") -> str:
    label = _FIELD_LABELS.get(field)
    if label is None:
        return field.replace("_", " ").capitalize()
    return gettext(label, lang)


def describe_all(problems: tuple[FieldProblem, ...], lang: str = "en") -> list[str]:
    return [f"{field_label(p.field, lang)}: {describe(p.code, lang)}" for p in problems]
