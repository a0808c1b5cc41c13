"""The I-589 interview's questions as data: every recorded detail asked once, in each interview
language, with its review status; a file that would leave a question out is refused."""

from __future__ import annotations

import pytest

from clinic.domain.applicant import FIELD_NAMES
from clinic.domain.i589_questions import QuestionsError, Review, parse_questions, progress
from clinic.resource_files import resource_path

SHIPPED = resource_path("forms", "i-589", "questions.toml")


def test_the_shipped_questions_ask_every_detail_once_in_spanish() -> None:
    interview = parse_questions(SHIPPED.read_text("utf-8"), "questions.toml")
    assert sorted(q.key for q in interview.questions) == sorted(FIELD_NAMES)
    assert interview.languages == ("es",) and interview.as_of and "uscis.gov" in interview.source
    for question in interview.questions:
        assert question.asked["es"].strip() and question.review["es"] in set(Review)
    assert interview.parts() == ("A.I", "B", "C")
    for part in interview.parts():
        items = [q.item for q in interview.questions if q.part == part]
        numbers = [float(i.split(".")[0]) for i in items]
        assert numbers == sorted(numbers)  # the form's order
    explained = [q for q in interview.questions if q.explains]
    assert [q.key for q in explained] == [
        f"{k}_explanation"
        for k in (
            "part_b1a",
            "part_b1b",
            "part_b2",
            "part_b3a",
            "part_b3b",
            "part_b4",
            "part_c1",
            "part_c2",
            "part_c3",
            "part_c4",
            "part_c5",
            "part_c6",
        )
    ]


def test_a_missing_or_unknown_question_is_refused() -> None:
    text = SHIPPED.read_text("utf-8")
    head, _sep, _rest = text.partition('[[question]]\nkey = "uscis_account"')
    with pytest.raises(QuestionsError, match="no question records"):
        parse_questions(head, "cut.toml")
    with pytest.raises(QuestionsError, match="not a detail Clinic records"):
        parse_questions(text.replace('key = "religion"', 'key = "faith"'), "renamed.toml")
    with pytest.raises(QuestionsError, match="'es'"):
        parse_questions(text.replace('es = "¿Cuál es su religión?"\n', ""), "no-es.toml")


def test_progress_counts_if_any_questions_only_when_answered() -> None:
    interview = parse_questions(SHIPPED.read_text("utf-8"), "questions.toml")
    part, _b, _c = progress(interview, {})
    assert (part.answered, part.total) == (0, 10)
    assert "ssn" not in {q.key for q in part.missing}
    part, _b, _c = progress(
        interview, {"ssn": "123456789", "religion": "x", "fluent_in_english": False}
    )
    assert (part.answered, part.total) == (3, 11)


def test_an_explanation_is_asked_only_when_its_question_is_answered_yes() -> None:
    interview = parse_questions(SHIPPED.read_text("utf-8"), "questions.toml")
    _a, part_b, part_c = progress(interview, {})
    assert (part_b.answered, part_b.total, part_c.total) == (0, 6, 7)  # the yes/no questions
    answers: dict[str, object] = {"part_b1a": True, "part_b2": False, "part_c2b": True}
    _a, part_b, part_c = progress(interview, answers)
    assert (part_b.answered, part_b.total) == (2, 7)
    assert "part_b1a_explanation" in {q.key for q in part_b.missing}
    assert "part_c2_explanation" in {q.key for q in part_c.missing}
    answers["part_b1a_explanation"] = "What happened."
    _a, part_b, _c = progress(interview, answers)
    assert (part_b.answered, part_b.total) == (3, 7)


def test_an_explanation_must_name_the_questions_it_explains() -> None:
    text = SHIPPED.read_text("utf-8")
    with pytest.raises(QuestionsError, match="explains no yes/no question"):
        parse_questions(text.replace('explains = ["part_b4"]', 'explains = ["religion"]'), "x")
    with pytest.raises(QuestionsError, match="names what it 'explains'"):
        parse_questions(text.replace('explains = ["part_b4"]\n', ""), "x")
