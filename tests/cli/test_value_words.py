"""The command line prints stored values with the window's words (clinic/domain/enum_words.py,
gettext under the enum's context; issue 19 § 3): capitalised in table cells as in the window,
lower-cased inside a line, a value Clinic would not accept as stored."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from clinic.cli import case_commands, words
from clinic.domain.enums import (
    ClaimType,
    DeadlineStatus,
    EvidenceCategory,
    Stage,
    TranslationStatus,
)
from clinic.services import language


@pytest.fixture
def spanish() -> Iterator[None]:
    language.override_language("es")
    yield
    language.override_language(None)


def test_english_words_are_the_windows() -> None:
    language.override_language("en")
    try:
        assert words.value_word(Stage.CIRCUIT_COURT) == "Court of appeals"
        assert words.value_word(DeadlineStatus.SUPERSEDED) == "Replaced by a judge's order"
        assert words.in_line(words.value_word(TranslationStatus.NOT_NEEDED)) == (
            "no translation needed"
        )
    finally:
        language.override_language(None)


@pytest.mark.usefixtures("spanish")
def test_spanish_words_are_the_windows() -> None:
    assert words.value_word(ClaimType.DEFENSIVE) == "Defensivo"
    assert words.value_word(Stage.CIRCUIT_COURT) == "Tribunal de apelaciones"
    assert words.in_line(words.value_word(EvidenceCategory.MEDICAL)) == (
        "evaluación médica o psicológica"
    )
    assert words.in_line(words.value_word(TranslationStatus.NOT_NEEDED)) == (
        "no se necesita traducción"
    )


def test_in_line_keeps_acronyms_and_empty_words() -> None:
    assert words.in_line("ICE") == "ICE"
    assert words.in_line("USCIS (A-file)") == "USCIS (A-file)"
    assert words.in_line("Other") == "other"
    assert words.in_line("") == ""


@pytest.mark.usefixtures("spanish")
def test_the_case_table_words_its_values_and_keeps_a_bad_one_as_stored() -> None:
    row = {
        "id": 1,
        "client_name": "Pérez, Ana",
        "a_number": None,
        "claim_type": "defensive",
        "stage": "circuit_court",
        "next_hearing": None,
        "next_deadline": None,
    }
    bad = {**row, "id": 2, "claim_type": "bogus (not valid)", "stage": "nonsense (not valid)"}
    out = io.StringIO()
    case_commands._print_cases([row, bad], out)
    lines = out.getvalue().splitlines()
    assert "Defensivo" in lines[1] and "Tribunal de apelaciones" in lines[1]
    assert "bogus (not valid)" in lines[2] and "nonsense (not valid)" in lines[2]
    assert words.stored_word(Stage, "closed") == "Cerrado"
    assert words.stored_word(Stage, "bogus") == "bogus"
