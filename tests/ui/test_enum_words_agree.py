"""The window and the staff PDFs use the same word for every enum value, in English and Spanish
(issue 19 § 3): the real Qt catalogue (the compiled ``.qm``, through the window's translators)
against the real gettext catalogue (``clinic.po``, through the PDFs' words). Both translate the
one table of clinic/domain/enum_words.py; this catches the two catalogues drifting apart, as they
had in 13 words ("Presentada"/"Presentado", "Hijo(a)"/"Hijo/a") before there was one table.

The deadline rules' names (resources/rules/deadlines.toml) are checked the same way: the window
reads them from Qt's catalogue, the PDFs and the command line from gettext's, both under the
context ``DeadlineRules``."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from clinic.cli import words as cli_words
from clinic.domain.deadlines.shipped import load_shipped_rulebook
from clinic.domain.enum_words import WORDS, english
from clinic.domain.enums import CaseFactKind, ChecklistState, EvidenceStatus, Relationship, Stage
from clinic.reports.checklist_words import MARKS, state_mark
from clinic.reports.pdf_words import enum_word, rule_name
from clinic.services import language as cli_language
from clinic.ui.case_view.case_words import word
from clinic.ui.case_view.history_words import value_words
from clinic.ui.intake.choice_text import choice_text
from clinic.ui.labels import label
from clinic.ui.rule_words import rule_text
from clinic.ui.translations import Translations

EVERY_VALUE: list[StrEnum] = [member for kind in WORDS for member in kind]
RULE_NAMES = sorted({rule.name for rule in load_shipped_rulebook().rules})


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = QLocale()
    translations = Translations(qapp)
    translations.apply(request.param)
    yield str(request.param)
    translations.remove()
    QLocale.setDefault(before)


def test_the_window_and_the_pdfs_agree_on_every_enum_word(language: str) -> None:
    differ = [
        f"{type(member).__name__}.{member.value}: window {word(member)!r}, "
        f"PDF {enum_word(language, member)!r}"
        for member in EVERY_VALUE
        if not word(member) == label(member) == choice_text(member) == enum_word(language, member)
    ]
    assert not differ, "\n".join(differ)


@pytest.mark.parametrize("language", ["es"], indirect=True)
def test_every_enum_word_is_translated_in_spanish(language: str) -> None:
    """Both catalogues have every word (an English word in the Spanish window and PDF would
    otherwise pass the comparison above)."""
    untranslated = [
        f"{type(member).__name__}.{member.value}: {english(member)!r}"
        for member in EVERY_VALUE
        if word(member) == english(member) and english(member) not in SAME_IN_SPANISH
    ]
    assert not untranslated, "\n".join(untranslated)


# Words Spanish writes as English does
SAME_IN_SPANISH = {"ICE", "Video", "Manual"}


def test_words_of_values_shared_by_two_enums_stay_apart(language: str) -> None:
    """Stage.decision and CaseFactKind.decision are both "decision": the window once showed the
    case fact's long words as the stage's (a table keyed by value)."""
    assert word(Stage.DECISION) != word(CaseFactKind.DECISION)
    if language == "es":
        assert word(Stage.DECISION) == enum_word("es", Stage.DECISION) == "Decisión"
        assert word(EvidenceStatus.FILED) == enum_word("es", EvidenceStatus.FILED) == "Presentado"
        assert word(Relationship.CHILD) == enum_word("es", Relationship.CHILD) == "Hijo(a)"


def test_the_window_the_pdfs_and_the_command_line_agree_on_every_rule_name(language: str) -> None:
    cli_language.override_language(language)
    try:
        differ = [
            f"{name!r}: window {rule_text(name)!r}, PDF {rule_name(language, name)!r}, "
            f"command line {cli_words.rule_name(name)!r}"
            for name in RULE_NAMES
            if not rule_text(name) == rule_name(language, name) == cli_words.rule_name(name)
        ]
    finally:
        cli_language.override_language(None)
    assert not differ, "\n".join(differ)


@pytest.mark.parametrize("language", ["es"], indirect=True)
def test_every_rule_name_is_translated_in_spanish(language: str) -> None:
    assert len(RULE_NAMES) > 50  # the shipped rule file, not an empty list
    untranslated = [name for name in RULE_NAMES if rule_name("es", name) == name]
    assert not untranslated, "\n".join(untranslated)
    assert rule_name("es", "One-year asylum filing deadline") == "Plazo de un año para pedir asilo"
    # a deadline typed by staff is printed as typed, in both
    assert rule_text("Call the client back") == rule_name("es", "Call the client back")


def test_the_command_line_says_every_enum_word_as_the_pdfs_do(language: str) -> None:
    cli_language.override_language(language)
    try:
        differ = [
            f"{type(member).__name__}.{member.value}: command line "
            f"{cli_words.value_word(member)!r}, PDF {enum_word(language, member)!r}"
            for member in EVERY_VALUE
            if cli_words.value_word(member) != enum_word(language, member)
        ]
    finally:
        cli_language.override_language(None)
    assert not differ, "\n".join(differ)


def test_a_checklist_items_state_reads_alike_in_the_table_the_history_and_the_pdf(
    language: str,
) -> None:
    """The checklist PDF's marks ("☑ Done", "— Not applicable") and the case history
    ("Missing → Done") use the window's state words (once "— N/A" and "not applicable")."""
    for state in ChecklistState:
        assert state_mark(language, state) == f"{MARKS[state]} {word(state)}"
        assert value_words("checklist_item", "state", state.value) == word(state)
    if language == "es":
        assert state_mark("es", ChecklistState.NOT_APPLICABLE) == "— No corresponde"
