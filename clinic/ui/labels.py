"""Words shown to people for the domain's enum values, through Qt's translator.

The English words are :mod:`clinic.domain.enum_words`'s, the one table the window and the PDFs
share; the Spanish is in the window's catalogue under the enum's context ("enum.Stage"), where
``tools/translations.py`` writes it."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from clinic.domain import enum_words


def label(value: StrEnum) -> str:
    """The display word for an enum value (translated); a value the table lacks reads as its
    stored value, tidied."""
    return QCoreApplication.translate(enum_words.context(type(value)), enum_words.english(value))
