"""Words for the choices offered during intake, marked for translation.

The tables hold untranslated source text (``QT_TRANSLATE_NOOP`` lets ``pyside6-lupdate``
extract it); each function translates at the moment it is called, so a language loaded
after start-up still applies.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from clinic.domain.conflicts import MatchReason, PartyKind
from clinic.domain.enums import (
    ArrivalManner,
    ClaimType,
    DetentionStatus,
    ProtectedGround,
    Relationship,
    Relief,
    Sex,
)
from clinic.domain.problem_text import describe
from clinic.domain.validation import Problem
from clinic.ui.translations import current_language

CONTEXT = "IntakeChoices"

_TEXT: dict[StrEnum, object] = {  # QT_TRANSLATE_NOOP gives back the text itself
    Sex.FEMALE: QT_TRANSLATE_NOOP("IntakeChoices", "Female"),
    Sex.MALE: QT_TRANSLATE_NOOP("IntakeChoices", "Male"),
    Sex.NONBINARY: QT_TRANSLATE_NOOP("IntakeChoices", "Non-binary"),
    Sex.UNDISCLOSED: QT_TRANSLATE_NOOP("IntakeChoices", "Prefers not to say"),
    ArrivalManner.UNKNOWN: QT_TRANSLATE_NOOP("IntakeChoices", "Not known"),
    ArrivalManner.INSPECTED: QT_TRANSLATE_NOOP("IntakeChoices", "Inspected at a port of entry"),
    ArrivalManner.PAROLED: QT_TRANSLATE_NOOP("IntakeChoices", "Paroled"),
    ArrivalManner.WITHOUT_INSPECTION: QT_TRANSLATE_NOOP(
        "IntakeChoices", "Entered without inspection"
    ),
    DetentionStatus.NOT_DETAINED: QT_TRANSLATE_NOOP("IntakeChoices", "Not detained"),
    DetentionStatus.DETAINED: QT_TRANSLATE_NOOP("IntakeChoices", "Detained"),
    DetentionStatus.RELEASED: QT_TRANSLATE_NOOP("IntakeChoices", "Released (bond, parole or ATD)"),
    Relationship.SPOUSE: QT_TRANSLATE_NOOP("IntakeChoices", "Spouse"),
    Relationship.CHILD: QT_TRANSLATE_NOOP("IntakeChoices", "Child"),
    Relationship.PARENT: QT_TRANSLATE_NOOP("IntakeChoices", "Parent"),
    Relationship.SIBLING: QT_TRANSLATE_NOOP("IntakeChoices", "Sibling"),
    Relationship.OTHER: QT_TRANSLATE_NOOP("IntakeChoices", "Other relative"),
    ClaimType.AFFIRMATIVE: QT_TRANSLATE_NOOP("IntakeChoices", "Affirmative"),
    ClaimType.DEFENSIVE: QT_TRANSLATE_NOOP("IntakeChoices", "Defensive"),
    Relief.ASYLUM: QT_TRANSLATE_NOOP("IntakeChoices", "Asylum"),
    Relief.WITHHOLDING: QT_TRANSLATE_NOOP("IntakeChoices", "Withholding of removal"),
    Relief.CAT: QT_TRANSLATE_NOOP(
        "IntakeChoices", "Protection under the Convention Against Torture"
    ),
    ProtectedGround.RACE: QT_TRANSLATE_NOOP("IntakeChoices", "Race"),
    ProtectedGround.RELIGION: QT_TRANSLATE_NOOP("IntakeChoices", "Religion"),
    ProtectedGround.NATIONALITY: QT_TRANSLATE_NOOP("IntakeChoices", "Nationality"),
    ProtectedGround.POLITICAL_OPINION: QT_TRANSLATE_NOOP("IntakeChoices", "Political opinion"),
    ProtectedGround.PARTICULAR_SOCIAL_GROUP: QT_TRANSLATE_NOOP(
        "IntakeChoices", "Particular social group"
    ),
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
    """The translated words for one enum value offered as a choice."""
    return QCoreApplication.translate(CONTEXT, str(_TEXT[value]))


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
