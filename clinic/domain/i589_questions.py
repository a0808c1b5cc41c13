"""The I-589 interview's questions as data (``resources/forms/i-589/questions.toml``; issue 23).

Each question records one applicant detail (:class:`clinic.domain.applicant.ApplicantDetails`:
Part A.I's details and the yes/no questions of Parts B and C with their explanations), in the
form's order, with the form's English words and the question as asked in each interview
language, and whether that translation has been reviewed. Parsing refuses a file that names a
detail Clinic does not record, leaves one out, or lacks a language's text: a question silently
missing from the interview would be a question never asked.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from clinic.domain.applicant import FIELD_NAMES


class AnswerKind(StrEnum):
    TEXT = "text"
    NUMBER = "number"  # digits, typed with or without dashes
    MARITAL = "marital"
    COUNTRY = "country"
    DATE = "date"  # in the past
    FUTURE_DATE = "future_date"  # may be after today (a passport's expiry)
    YES_NO = "yes_no"
    EXPLANATION = "explanation"  # several lines, asked when a question it explains is "Yes"


class Review(StrEnum):
    UNREVIEWED = "unreviewed"
    REVIEWED = "reviewed"


class QuestionsError(ValueError):
    """The questions file is not usable (what is wrong, in words)."""


@dataclass(frozen=True)
class Question:
    key: str
    part: str
    item: str
    kind: AnswerKind
    en: str
    asked: dict[str, str]  # language -> the question as asked
    review: dict[str, Review]  # language -> whether that text was reviewed
    if_any: bool = False  # an empty answer is not missing (many applicants have none)
    explains: tuple[str, ...] = ()  # an explanation's yes/no questions (Parts B and C)

    def counts(self, answers: dict[str, object]) -> bool:
        """Whether this question is to be answered: an explanation when a question it explains
        is "Yes"; an "if any" question when answered; every other question always."""
        if self.explains:
            return any(answers.get(key) is True for key in self.explains)
        return not self.if_any or is_answered(answers.get(self.key))


@dataclass(frozen=True)
class Interview:
    form: str
    edition: str
    source: str
    as_of: str
    languages: tuple[str, ...]
    questions: tuple[Question, ...]

    def parts(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q.part for q in self.questions))


def _text(table: dict[str, Any], name: str, where: str) -> str:
    value = table.get(name)
    if not isinstance(value, str) or not value.strip():
        raise QuestionsError(f"{where}: '{name}' must be a non-empty text")
    return value


def _question(raw: Any, languages: tuple[str, ...], where: str) -> Question:
    if not isinstance(raw, dict):
        raise QuestionsError(f"{where} must be a table")
    key = _text(raw, "key", where)
    if key not in FIELD_NAMES:
        raise QuestionsError(f"{where}: '{key}' is not a detail Clinic records")
    try:
        kind = AnswerKind(_text(raw, "kind", where))
        review = {lang: Review(_text(raw, f"{lang}_review", where)) for lang in languages}
    except ValueError as exc:
        raise QuestionsError(f"{where}: {exc}") from None
    return Question(
        key=key,
        part=_text(raw, "part", where),
        item=_text(raw, "item", where),
        kind=kind,
        en=_text(raw, "en", where),
        asked={lang: _text(raw, lang, where) for lang in languages},
        review=review,
        if_any=_flag(raw, "if_any", where),
        explains=_explains(raw, kind, where),
    )


def _explains(raw: dict[str, Any], kind: AnswerKind, where: str) -> tuple[str, ...]:
    value = raw.get("explains", [])
    if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
        raise QuestionsError(f"{where}: 'explains' must be a list of question keys")
    if (kind is AnswerKind.EXPLANATION) != bool(value):
        raise QuestionsError(f"{where}: an explanation (and only one) names what it 'explains'")
    return tuple(value)


def _flag(table: dict[str, Any], name: str, where: str) -> bool:
    value = table.get(name, False)
    if not isinstance(value, bool):
        raise QuestionsError(f"{where}: '{name}' must be true or false")
    return value


def is_answered(value: object) -> bool:
    return value is not None and value != ""


@dataclass(frozen=True)
class Progress:
    """How far a part is: answered of the questions that count, and which are still to ask."""

    part: str
    answered: int
    total: int
    missing: tuple[Question, ...]


def progress(interview: Interview, answers: dict[str, object]) -> tuple[Progress, ...]:
    """Per part: an answer counts when given; an empty "if any" question is not missing."""
    out = []
    for part in interview.parts():
        asked = [q for q in interview.questions if q.part == part]
        counted = [q for q in asked if q.counts(answers)]
        missing = tuple(q for q in counted if not is_answered(answers.get(q.key)))
        out.append(Progress(part, len(counted) - len(missing), len(counted), missing))
    return tuple(out)


def parse_questions(text: str, where: str) -> Interview:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise QuestionsError(f"{where}: {exc}") from None
    meta = data.get("meta")
    if not isinstance(meta, dict):
        raise QuestionsError(f"{where}: no [meta] table")
    languages = meta.get("languages")
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise QuestionsError(f"{where}: meta.languages must be a list of language codes")
    raw = data.get("question")
    if not isinstance(raw, list):
        raise QuestionsError(f"{where}: no [[question]] tables")
    questions = tuple(
        _question(item, tuple(languages), f"{where}: question {n}") for n, item in enumerate(raw, 1)
    )
    keys = [q.key for q in questions]
    if len(set(keys)) != len(keys):
        raise QuestionsError(f"{where}: a detail is asked twice")
    missing = [name for name in FIELD_NAMES if name not in keys]
    if missing:
        raise QuestionsError(f"{where}: no question records {', '.join(missing)}")
    yes_no = {q.key for q in questions if q.kind is AnswerKind.YES_NO}
    for question in questions:
        if not set(question.explains) <= yes_no:
            raise QuestionsError(f"{where}: {question.key} explains no yes/no question of the file")
    return Interview(
        form=_text(meta, "form", where),
        edition=_text(meta, "edition", where),
        source=_text(meta, "source", where),
        as_of=_text(meta, "as_of", where),
        languages=tuple(languages),
        questions=questions,
    )
