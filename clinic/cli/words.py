"""The command line's words for stored values (claim types, stages, deadline statuses, a rule's
confidence) and for what the rule files name (deadline names, explanations), in the command
line's language. JSON output keeps the stored values; only what is printed for a person is
worded. A value's word is the one the window and the PDFs show (clinic/domain/enum_words.py,
translated through gettext under the enum's context), lower-cased by :func:`in_line` where it
stands inside a line of text. The Spanish follows docs/glossary-es.md."""

from __future__ import annotations

from enum import StrEnum

from clinic.domain import enum_words
from clinic.domain.deadlines.vocabulary import Confidence
from clinic.domain.deadlines.wording import explanation_in, rule_name_in
from clinic.services import language


def value_word(value: StrEnum) -> str:
    """A stored value as a person reads it, the window's word ("Defensive" → "Defensivo")."""
    return enum_words.translated(value, language.ui_language())


def stored_word(kind: type[StrEnum], stored: str) -> str:
    """A value read back as text (a row's) in words; text that is no value of ``kind`` (a row
    Clinic would not accept) is printed as stored."""
    try:
        return value_word(kind(stored))
    except ValueError:
        return stored


def in_line(word: str) -> str:
    """``word`` inside a line of text: its first letter lower-cased ("Needs translation" →
    "needs translation", "Evaluación médica …" → "evaluación médica …"), an acronym kept
    ("ICE", "USCIS (A-file)")."""
    if len(word) > 1 and word[0].isupper() and word[1].islower():
        return word[0].lower() + word[1:]
    return word


def confidence_word(confidence: str) -> str:
    """How sure a rule is, inside a line: the window's words from the one enum table
    ("confirmed against the primary source")."""
    return in_line(stored_word(Confidence, confidence))


def rule_name(name: str) -> str:
    """A deadline or rule name from the rule file, in the command line's language (gettext's
    catalogue, context ``DeadlineRules``); a name typed by staff is printed as it is."""
    return rule_name_in(name, language.ui_language())


def explanation(text: str) -> str:
    """A stored (English) explanation of how a date was counted, in the command line's language."""
    return explanation_in(text, language.ui_language())
