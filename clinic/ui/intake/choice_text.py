"""Words for the choices offered during intake, marked for translation.

Enum values of the domain read as :mod:`clinic.domain.enum_words` has them (one table for the
window and the PDFs). The tables here hold untranslated source text (``QT_TRANSLATE_NOOP`` lets
``pyside6-lupdate`` extract it); each function translates at the moment it is called, so a
language loaded after start-up still applies.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from clinic.domain.conflicts import MatchReason, PartyKind
from clinic.domain.enums import ClaimType
from clinic.domain.problem_text import describe
from clinic.domain.validation import Problem
from clinic.ui.labels import label
from clinic.ui.translations import current_language

CONTEXT = "IntakeChoices"

# Intake's own words: who a known party is, why a record matched (templates with a name in them)
_TEXT: dict[PartyKind | MatchReason, object] = {  # QT_TRANSLATE_NOOP gives back the text itself
    PartyKind.CLIENT: QT_TRANSLATE_NOOP("IntakeChoices", "Client"),
    PartyKind.FAMILY_MEMBER: QT_TRANSLATE_NOOP("IntakeChoices", "Family member of {client}"),
    PartyKind.ADVERSE_PARTY: QT_TRANSLATE_NOOP("IntakeChoices", "Adverse party of {client}"),
    MatchReason.SAME_A_NUMBER: QT_TRANSLATE_NOOP("IntakeChoices", "same A-number"),
    MatchReason.SAME_NAME: QT_TRANSLATE_NOOP("IntakeChoices", "same name (“{name}”)"),
    MatchReason.SIMILAR_NAME: QT_TRANSLATE_NOOP("IntakeChoices", "similar name (“{name}”)"),
    MatchReason.SAME_BIRTH_DATE: QT_TRANSLATE_NOOP("IntakeChoices", "same date of birth"),
}

_CLAIM_EXPLANATIONS = {
    ClaimType.AFFIRMATIVE: QT_TRANSLATE_NOOP(
        "IntakeChoices",
        "Not in removal proceedings: filed with USCIS, decided after an asylum-office interview.",
    ),
    ClaimType.DEFENSIVE: QT_TRANSLATE_NOOP(
        "IntakeChoices",
        "In removal proceedings: asked of an immigration judge, at master calendar "
        "then individual hearings.",
    ),
}


def choice_text(value: StrEnum) -> str:
    """The translated words for one enum value offered as a choice: a domain enum's are the
    words the case view and the PDFs show (:func:`clinic.ui.labels.label`)."""
    if isinstance(value, (PartyKind, MatchReason)):  # by type: a StrEnum equals its value
        return QCoreApplication.translate(CONTEXT, str(_TEXT[value]))
    return label(value)


def claim_explanation(claim_type: ClaimType) -> str:
    return QCoreApplication.translate(CONTEXT, str(_CLAIM_EXPLANATIONS[claim_type]))


def party_text(kind: PartyKind, client_name: str) -> str:
    """Who a known party is: "Client", "Family member of X" or "Adverse party of X"."""
    return choice_text(kind).format(client=client_name)


def reason_text(reason: MatchReason, matched_name: str) -> str:
    return choice_text(reason).format(name=matched_name)


def problem_message(code: Problem) -> str:
    """A validation code in words; the English source lives in ``problem_text``."""
    return describe(code, current_language())
