"""Words shown to people for the domain's enum values, through Qt's translator."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from clinic.domain.enums import ClaimType, HearingKind, Outcome, Relief, StaffRole, Stage

_LABELS: dict[StrEnum, object] = {  # QT_TRANSLATE_NOOP marks text for lupdate; it returns it
    StaffRole.ATTORNEY: QT_TRANSLATE_NOOP("Labels", "Attorney"),
    StaffRole.PARALEGAL: QT_TRANSLATE_NOOP("Labels", "Paralegal"),
    StaffRole.VOLUNTEER: QT_TRANSLATE_NOOP("Labels", "Volunteer"),
    ClaimType.AFFIRMATIVE: QT_TRANSLATE_NOOP("Labels", "Affirmative"),
    ClaimType.DEFENSIVE: QT_TRANSLATE_NOOP("Labels", "Defensive"),
    Stage.INTAKE: QT_TRANSLATE_NOOP("Labels", "Intake"),
    Stage.PREPARING: QT_TRANSLATE_NOOP("Labels", "Preparing"),
    Stage.FILED: QT_TRANSLATE_NOOP("Labels", "Filed"),
    Stage.INTERVIEW: QT_TRANSLATE_NOOP("Labels", "Interview"),
    Stage.HEARINGS: QT_TRANSLATE_NOOP("Labels", "Hearings"),
    Stage.DECISION: QT_TRANSLATE_NOOP("Labels", "Decision"),
    Stage.APPEAL: QT_TRANSLATE_NOOP("Labels", "Appeal"),
    Stage.CIRCUIT_COURT: QT_TRANSLATE_NOOP("Labels", "Court of appeals"),
    Stage.REOPENING: QT_TRANSLATE_NOOP("Labels", "Motion to reopen"),
    Stage.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
    HearingKind.MASTER_CALENDAR: QT_TRANSLATE_NOOP("Labels", "Master calendar hearing"),
    HearingKind.INDIVIDUAL: QT_TRANSLATE_NOOP("Labels", "Individual hearing"),
    HearingKind.ASYLUM_INTERVIEW: QT_TRANSLATE_NOOP("Labels", "Asylum interview"),
    HearingKind.BIOMETRICS: QT_TRANSLATE_NOOP("Labels", "Biometrics"),
    HearingKind.ICE_CHECK_IN: QT_TRANSLATE_NOOP("Labels", "ICE check-in"),
    HearingKind.BOND: QT_TRANSLATE_NOOP("Labels", "Bond hearing"),
    HearingKind.FEAR_REVIEW: QT_TRANSLATE_NOOP("Labels", "Fear review"),
    Outcome.REFERRED: QT_TRANSLATE_NOOP("Labels", "Referred to court"),
    Relief.ASYLUM: QT_TRANSLATE_NOOP("Labels", "asylum"),
    Relief.WITHHOLDING: QT_TRANSLATE_NOOP("Labels", "withholding of removal"),
    Relief.CAT: QT_TRANSLATE_NOOP("Labels", "CAT"),
}


def label(value: StrEnum) -> str:
    """The display word for an enum value (translated); falls back to a tidy stored value."""
    text = str(_LABELS.get(value, value.value.replace("_", " ").capitalize()))
    return QCoreApplication.translate("Labels", text)
