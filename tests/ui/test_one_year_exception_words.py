"""The one-year exception's words in the window (issue 18 § 2): the kinds of case date and the
deadline flags read in English and in Spanish (the compiled Qt catalogue, no mocks)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from clinic.domain.enums import CaseFactKind
from clinic.ui.case_view.case_words import word
from clinic.ui.case_view.deadline_words import flag_words
from clinic.ui.translations import Translations

FLAGS = (
    "one_year_exception:changed",
    "one_year_exception:extraordinary",
    "one_year_exception:kind_not_recorded",
)
KINDS = (CaseFactKind.CHANGED_CIRCUMSTANCES, CaseFactKind.EXTRAORDINARY_CIRCUMSTANCES)


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    translations = Translations(qapp)
    translations.apply("es")
    yield
    translations.remove()
    QLocale.setDefault(before)


def test_english_words(qapp: QApplication) -> None:
    assert flag_words(FLAGS[0]).startswith(
        "Changed circumstances recorded as the one-year exception"
    )
    assert flag_words(FLAGS[1]).startswith("Extraordinary circumstances recorded")
    assert "not recorded" in flag_words(FLAGS[2])
    assert word(KINDS[0]) == "One-year exception: changed circumstances arose"
    assert word(KINDS[1]) == "One-year exception: extraordinary circumstances began"


def test_spanish_words(spanish: None) -> None:
    texts = [flag_words(flag) for flag in FLAGS] + [word(kind) for kind in KINDS]
    assert texts[0].startswith("El cambio de circunstancias: registrado como excepción")
    assert texts[1].startswith("Las circunstancias extraordinarias: registrado")
    for text in texts:
        assert "circumstance" not in text and "recorded" not in text, text
        assert "excepción" in text.lower() or "circunstancia" in text.lower(), text
