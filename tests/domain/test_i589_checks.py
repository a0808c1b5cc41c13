"""The I-589's cross-checks before printing (issue 23): each contradiction or gap named with the
question it concerns, never fixed; blocking ones first."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from clinic.domain.applicant import ApplicantDetails
from clinic.domain.claim_answers import QUESTIONS
from clinic.domain.entries import EntryFact
from clinic.domain.enums import MaritalStatus
from clinic.domain.i589_checks import cross_checks, describe, question_words
from clinic.domain.i589_questions import parse_questions
from clinic.domain.i589_values import I589Facts, Relative
from clinic.domain.office_address import OfficeAddress
from clinic.resource_files import resource_path

INTERVIEW = parse_questions(
    resource_path("forms", "i-589", "questions.toml").read_text("utf-8"), "questions.toml"
)
ANSWERED = ApplicantDetails(
    marital_status=MaritalStatus.SINGLE,
    birth_city="Cusco",
    birth_country="PE",
    nationality_at_birth="PE",
    ethnic_group="Quechua",
    religion="Catholic",
    left_country_on=date(2023, 5, 1),
    passport_country="PE",
    passport_expires_on=date(2030, 1, 1),
    fluent_in_english=False,
    **dict.fromkeys(QUESTIONS, False),  # Parts B and C: every question answered No
)


def facts(**changes: object) -> I589Facts:
    base: dict[str, object] = {
        "family_name": "Quispe",
        "given_name": "Rosa",
        "other_names": (),
        "a_number": None,
        "date_of_birth": date(1990, 1, 1),
        "sex": None,
        "nationalities": ("PE",),
        "languages": ("qu",),
        "phone": "",
        "address": None,
        "entries": (EntryFact(date(2023, 6, 18), "Hidalgo, TX"),),
        "spouses": (),
        "children": (),
        "in_court_now": False,
        "grounds": frozenset(),
        "relief": frozenset({"asylum"}),
        "details": ANSWERED,
        "last_arrival_on": date(2023, 6, 18),
        "preparer_name": "Laura Paralegal",
        "preparer_office": OfficeAddress("1200 W Lawrence Ave", "", "Chicago", "IL", "60640"),
    }
    return I589Facts(**{**base, **changes})  # type: ignore[arg-type]


def codes(found: object) -> list[str]:
    return [f.code for f in found]  # type: ignore[attr-defined]


def test_a_consistent_answered_record_with_its_preparer_has_no_findings() -> None:
    assert cross_checks(facts(), INTERVIEW) == ()


def test_the_preparer_and_an_interpreter_the_client_needs_must_be_recorded() -> None:
    found = cross_checks(facts(preparer_name="", interpreter_needed=True), INTERVIEW)
    assert [(f.code, f.question, f.blocks) for f in found] == [
        ("no_preparer", "Part E", True),
        ("no_interpreter", "Part D", True),
    ]
    assert "Parte E" in describe(found[0], "es") and "intérprete" in describe(found[1], "es")
    recorded = facts(interpreter_needed=True, interpreter_name="Juana Mamani")
    assert cross_checks(recorded, INTERVIEW) == ()


def test_the_clinics_address_for_part_e_missing_from_settings_is_a_note() -> None:
    found = cross_checks(facts(preparer_office=OfficeAddress()), INTERVIEW)
    assert [(f.code, f.question, f.blocks) for f in found] == [
        ("no_preparer_address", "Part E", False)
    ]
    assert "Settings" in describe(found[0], "en")
    assert "Configuración" in describe(found[0], "es")


def test_parts_b_and_c_unanswered_or_unexplained_block_named_by_number() -> None:
    details = replace(ANSWERED, part_b1a=True, part_b2=None, part_c2b=True)
    found = [f for f in cross_checks(facts(details=details), INTERVIEW) if f.blocks]
    assert [(f.code, f.question) for f in found] == [
        ("unexplained", "Part B 1.A"),
        ("unanswered", "Part B 2"),
        ("unexplained", "Part C 2"),  # 2.A and 2.B share one explanation
    ]
    assert describe(found[0], "en") == (
        "Answered Yes but not explained: Part B 1.A: harm, mistreatment or threats in the past."
    )
    assert describe(found[1], "es").startswith("Sin responder todavía: Parte B 2")


def test_each_contradiction_is_named_with_its_question() -> None:
    spouse = Relative(7, "Quispe", "Juan", None, None, True, True)
    found = cross_checks(
        facts(
            date_of_birth=date(2024, 1, 1),  # after the entry and after leaving
            last_arrival_on=date(2023, 7, 1),  # not the latest entry
            details=replace(ANSWERED, left_country_on=date(2023, 9, 1)),  # after the entry
            spouses=(spouse,),  # but "single"
        ),
        INTERVIEW,
    )
    assert codes(found) == [
        "arrival_not_last_entry",
        "born_after_entry",
        "born_after_leaving",
        "spouse_not_married",
        "left_after_last_entry",  # a note: may be right
    ]
    by_code = {f.code: f for f in found}
    assert by_code["arrival_not_last_entry"].question == "Part A.I 19.B"
    assert describe(by_code["spouse_not_married"], "en") == (
        "A spouse (Juan Quispe) is recorded, but the marital status is single."
    )
    assert "soltero" in describe(by_code["spouse_not_married"], "es")


def test_unanswered_questions_and_overflow_block() -> None:
    children = tuple(
        Relative(i, "Quispe", f"Hijo {i}", None, date(2010 + i, 1, 1), True, True) for i in range(5)
    )
    found = cross_checks(
        facts(
            details=replace(ANSWERED, religion="", marital_status=MaritalStatus.MARRIED),
            children=children,
            entries=(),
            last_arrival_on=None,
        ),
        INTERVIEW,
    )
    blocking = [(f.code, f.question) for f in found if f.blocks]
    assert ("unanswered", "Part A.I 17") in blocking
    assert ("no_entry", "Part A.I 19") in blocking
    assert ("married_no_spouse", "Part A.I 11") in blocking
    assert not any(code.startswith("more_") for code, _q in blocking)  # the supplements take them


def test_dates_in_findings_read_the_same_in_both_languages() -> None:
    found = cross_checks(
        facts(details=replace(ANSWERED, left_country_on=date(2023, 7, 2))), INTERVIEW
    )
    late = next(f for f in found if f.code == "left_after_last_entry")
    assert "(2023-07-02)" in describe(late, "es") and "(2023-06-18)" in describe(late, "es")


def test_questions_still_to_ask_are_named_in_the_readers_language() -> None:
    """Part A.I's questions in a Spanish list read in Spanish (they read "Marital Status; City
    of Birth" in the Spanish window before, 2026-12-07); in English, the form's own words."""
    path = resource_path("forms", "i-589", "questions.toml")
    interview = parse_questions(path.read_text(encoding="utf-8"), str(path))
    first = {q.key: q for q in interview.questions if q.part == "A.I"}
    assert question_words(first["marital_status"], "es") == "Estado civil"
    assert question_words(first["birth_city"], "es") == "Ciudad de nacimiento"
    assert question_words(first["marital_status"], "en") == first["marital_status"].en
    for question in interview.questions:
        spanish = question_words(question, "es")
        assert spanish and spanish != question.en, question.key
