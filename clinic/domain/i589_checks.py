"""Cross-checks before the I-589 is printed (issue 23): what in the case file contradicts itself
or is missing, each finding naming the question it concerns. A finding is shown, never fixed:
the paralegal corrects the record (or the form) and checks again.

A **blocking** finding means the form would be wrong or incomplete as printed (``clinic i589
--check`` exits 1); a note is worth a look but may be right (an applicant who left their country
long before entering the United States).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clinic.domain.entries import entries_for_i589
from clinic.domain.enums import MaritalStatus
from clinic.domain.i18n import N_, translate
from clinic.domain.i589_questions import Interview, Question, progress
from clinic.domain.i589_values import I589Facts
from clinic.domain.problem_text import field_label, known_field_label

# Each finding's words (a translatable template) by its code.
WORDS: dict[str, str] = {
    "unanswered": N_("Not answered yet: {question}."),
    "unexplained": N_("Answered Yes but not explained: {question}."),
    "arrival_not_last_entry": N_(
        "The last arrival on the client's record ({arrival}) is not the most recent entry "
        "listed ({entry}); the one-year deadline counts from the last arrival."
    ),
    "no_entry": N_(
        "No entry into the United States is recorded; Part A.I 19 lists the applicant's entries."
    ),
    "born_after_entry": N_(
        "The date of birth ({born}) is after an entry into the United States ({entry})."
    ),
    "born_after_leaving": N_(
        "The date of birth ({born}) is after the date the applicant left their country ({left})."
    ),
    "left_after_last_entry": N_(
        "The applicant left their country ({left}) after their most recent entry into the "
        "United States ({entry})."
    ),
    "married_no_spouse": N_(
        "The marital status is married, but no spouse is recorded in the family (Part A.II)."
    ),
    "spouse_not_married": N_("A spouse ({name}) is recorded, but the marital status is {status}."),
    "no_preparer": N_(
        "Who prepared the form is not recorded (Part E): choose the staff member in the I-589 tab."
    ),
    "no_preparer_address": N_(
        "The clinic's address and daytime telephone (the preparer's, Part E) are not in "
        "Settings: record them once under Settings, The clinic's address and telephone."
    ),
    "no_interpreter": N_(
        "The client needs an interpreter, but no interpreter is recorded for this form "
        "(Part D): record their name and language in the I-589 tab."
    ),
}


MARITAL_WORDS: dict[str, str] = {
    MaritalStatus.SINGLE.value: N_("single"),
    MaritalStatus.MARRIED.value: N_("married"),
    MaritalStatus.DIVORCED.value: N_("divorced"),
    MaritalStatus.WIDOWED.value: N_("widowed"),
}


@dataclass(frozen=True)
class Finding:
    code: str  # a key of WORDS
    question: str  # the form's numbering it concerns ("Part A.I 19")
    blocks: bool
    values: dict[str, str] = field(default_factory=dict)


def _day(value: object) -> str:
    """A date in a finding: ISO (2024-02-01), which no reader takes for another day — the form's
    mm/dd/yyyy read as 2 January in the Spanish window (seen in a walk in Spanish)."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def question_words(question: Question, lang: str) -> str:
    """A question named in a list: Parts B and C's by their number and subject, in ``lang``
    (their own words run to several lines); Part A.I's in the form's words (short) in English,
    and in another language by the detail's label in that language when there is one (a Spanish
    reader's list read "Marital Status; City of Birth" before, 2026-12-07)."""
    if question.part in ("B", "C"):
        return field_label(question.key, lang)
    if lang != "en" and (label := known_field_label(question.key, lang)) is not None:
        return label
    return question.en


def _answers(facts: I589Facts, interview: Interview) -> list[Finding]:
    answers = {name: getattr(facts.details, name) for name in facts.details.__dataclass_fields__}

    def named(q: Question) -> dict[str, str]:
        if q.part not in ("B", "C"):
            return {"question": q.en}
        # an explanation missing: named by the question answered Yes
        key = next((k for k in q.explains if answers.get(k) is True), q.key)
        return {"question": q.en, "key": key}

    return [
        Finding(
            "unexplained" if q.explains else "unanswered", f"Part {q.part} {q.item}", True, named(q)
        )
        for part in progress(interview, answers)
        for q in part.missing
    ]


def _dates(facts: I589Facts) -> list[Finding]:
    found: list[Finding] = []
    own = entries_for_i589(facts.entries)
    born, left = facts.date_of_birth, facts.details.left_country_on
    if not own:
        found.append(Finding("no_entry", "Part A.I 19", True))
    else:
        latest = own[0].on
        arrival = facts.last_arrival_on
        if arrival is not None and arrival != latest:
            values = {"arrival": _day(arrival), "entry": _day(latest)}
            found.append(Finding("arrival_not_last_entry", "Part A.I 19.B", True, values))
        earliest = own[-1].on
        if born is not None and born > earliest:
            values = {"born": _day(born), "entry": _day(earliest)}
            found.append(Finding("born_after_entry", "Part A.I 8", True, values))
        if left is not None and left > latest:
            values = {"left": _day(left), "entry": _day(latest)}
            found.append(Finding("left_after_last_entry", "Part A.I 19.A", False, values))
    if born is not None and left is not None and born > left:
        values = {"born": _day(born), "left": _day(left)}
        found.append(Finding("born_after_leaving", "Part A.I 19.A", True, values))
    return found


def describe(finding: Finding, lang: str) -> str:
    """The finding in words, in ``lang``."""
    values = dict(finding.values)
    if "key" in values:  # Parts B and C: by number and subject, in ``lang``
        values["question"] = field_label(values.pop("key"), lang)
    if "status" in values:
        values["status"] = translate(MARITAL_WORDS.get(values["status"], values["status"]), lang)
    return translate(WORDS[finding.code], lang, **values)


def _family(facts: I589Facts) -> list[Finding]:
    found: list[Finding] = []
    status = facts.details.marital_status
    if status is MaritalStatus.MARRIED and not facts.spouses:
        found.append(Finding("married_no_spouse", "Part A.I 11", True))
    if facts.spouses and status is not None and status is not MaritalStatus.MARRIED:
        values = {"name": facts.spouses[0].name, "status": status.value}
        found.append(Finding("spouse_not_married", "Part A.I 11", True, values))
    return found


def _people(facts: I589Facts) -> list[Finding]:
    """Parts D and E: the clinic prepares the form, so its preparer is always asked; an
    interpreter is asked when the client needs one."""
    found: list[Finding] = []
    if not facts.preparer_name:
        found.append(Finding("no_preparer", "Part E", True))
    elif facts.preparer_office.is_empty():
        found.append(Finding("no_preparer_address", "Part E", False))
    if facts.interpreter_needed and not facts.interpreter_name:
        found.append(Finding("no_interpreter", "Part D", True))
    return found


def cross_checks(facts: I589Facts, interview: Interview) -> tuple[Finding, ...]:
    """Every finding, blocking ones first, in the form's order within each group."""
    found = [
        *_answers(facts, interview),
        *_dates(facts),
        *_family(facts),
        *_people(facts),
    ]
    return tuple(sorted(found, key=lambda f: not f.blocks))
