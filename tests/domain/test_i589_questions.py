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
    items = [q.item for q in interview.questions]
    numbers = [float(i.split(".")[0]) for i in items]
    assert numbers == sorted(numbers)  # the form's order


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
    (part,) = progress(interview, {})
    assert (part.answered, part.total) == (0, 10)
    assert "ssn" not in {q.key for q in part.missing}
    (part,) = progress(interview, {"ssn": "123456789", "religion": "x", "fluent_in_english": False})
    assert (part.answered, part.total) == (3, 11)
