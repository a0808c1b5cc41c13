"""Counted words in the window are real plurals in English and Spanish ("1 case", "2 cases";
"1 caso", "2 casos"): Qt's plural forms, English ones from clinic_en.ts, never "case(s)"."""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from clinic.ui.translations import Translations

ROOT = Path(__file__).resolve().parents[2]
LABELS = {"Family name(s)", "&Family name(s)", "Given name(s)", "&Given name(s)"}  # not counts


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations_tool", ROOT / "tools" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


TOOL = load_tool()


@pytest.fixture
def speak(qapp: QApplication) -> Iterator[Translations]:
    before = QLocale()
    translations = Translations(qapp)
    yield translations
    translations.remove()
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [("en", "1 case", "2 cases"), ("es", "1 caso", "2 casos")],
)
def test_counts_read_as_plurals(speak: Translations, lang: str, one: str, two: str) -> None:
    speak.apply(lang)
    assert QCoreApplication.translate("CasesPage", "%n case(s)", "", 1) == one
    assert QCoreApplication.translate("CasesPage", "%n case(s)", "", 2) == two
    files = [QCoreApplication.translate("ExhibitListModel", "%n file(s)", "", n) for n in (1, 3)]
    assert files == (["1 file", "3 files"] if lang == "en" else ["1 archivo", "3 archivos"])


def test_every_counted_text_has_plural_forms_in_both_languages() -> None:
    for language in ("es", "en"):
        root = ET.parse(TOOL.catalogue(language)).getroot()
        for message in root.iter("message"):
            source = message.findtext("source") or ""
            forms = [f.text or "" for f in message.iter("numerusform")]
            if "(s)" in source and source not in LABELS:
                assert message.get("numerus") == "yes", f"{source!r} is counted: use %n"
                assert len(forms) == 2 and all(forms), (language, source)
            for form in forms:
                assert "(s)" not in form and "(es)" not in form, (language, source, form)


def test_the_english_plural_catalogue_is_current() -> None:
    assert TOOL.english_problems() == []
