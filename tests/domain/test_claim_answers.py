"""The I-589's Parts B and C (issue 23): a "Yes" needs its explanation, as the form says; an
explanation keeps its lines; Part C 2.A and 2.B share one explanation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from clinic.domain.applicant import ApplicantDetails, normalised, validate_applicant_details
from clinic.domain.claim_answers import EXPLAINS, MAX_EXPLANATION, QUESTIONS
from clinic.domain.validation import FieldProblem, Problem

TODAY = date(2026, 12, 7)


def problems(**answers: object) -> list[FieldProblem]:
    details = replace(ApplicantDetails(), **answers)  # type: ignore[arg-type]
    return list(validate_applicant_details(details, today=TODAY))


def test_the_form_s_thirteen_questions_and_twelve_explanations() -> None:
    assert len(QUESTIONS) == 13 and len(EXPLAINS) == 12
    assert EXPLAINS["part_c2_explanation"] == ("part_c2a", "part_c2b")


def test_a_yes_without_its_explanation_is_refused_a_no_is_not() -> None:
    assert problems(part_b1a=True) == [
        FieldProblem("part_b1a_explanation", Problem.EXPLANATION_REQUIRED)
    ]
    assert problems(part_b1a=True, part_b1a_explanation="  \n ") == [
        FieldProblem("part_b1a_explanation", Problem.EXPLANATION_REQUIRED)
    ]
    assert problems(part_b1a=False) == []
    assert problems(part_b1a=True, part_b1a_explanation="They beat me.") == []
    assert problems(part_c2b=True) == [
        FieldProblem("part_c2_explanation", Problem.EXPLANATION_REQUIRED)
    ]
    assert problems(part_c2a=False, part_c2b=True, part_c2_explanation="Mexico, 3 months") == []


def test_an_explanation_keeps_its_lines_and_refuses_control_characters() -> None:
    typed = replace(ApplicantDetails(), part_b4=True, part_b4_explanation=" One.\r\n\tTwo.\n")
    assert problems(part_b4=True, part_b4_explanation=" One.\r\n\tTwo.\n") == []
    assert normalised(typed).part_b4_explanation == "One.\n\tTwo."
    assert problems(part_b4=True, part_b4_explanation="a\x07b") == [
        FieldProblem("part_b4_explanation", Problem.CONTROL_CHARACTERS)
    ]
    assert problems(part_b4_explanation="x" * (MAX_EXPLANATION + 1)) == [
        FieldProblem("part_b4_explanation", Problem.TOO_LONG)
    ]
