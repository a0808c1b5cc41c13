"""Words shown to people for the domain's enum values (translations hook in here later)."""

from __future__ import annotations

from enum import StrEnum

from clinic.domain.enums import ClaimType, HearingKind, Outcome, Relief, Stage

_LABELS: dict[StrEnum, str] = {
    ClaimType.AFFIRMATIVE: "Affirmative",
    ClaimType.DEFENSIVE: "Defensive",
    Stage.INTAKE: "Intake",
    Stage.PREPARING: "Preparing",
    Stage.FILED: "Filed",
    Stage.INTERVIEW: "Interview",
    Stage.HEARINGS: "Hearings",
    Stage.DECISION: "Decision",
    Stage.APPEAL: "Appeal",
    Stage.CLOSED: "Closed",
    HearingKind.MASTER_CALENDAR: "Master calendar hearing",
    HearingKind.INDIVIDUAL: "Individual hearing",
    HearingKind.ASYLUM_INTERVIEW: "Asylum interview",
    HearingKind.BIOMETRICS: "Biometrics",
    HearingKind.ICE_CHECK_IN: "ICE check-in",
    Outcome.REFERRED: "Referred to court",
    Relief.ASYLUM: "asylum",
    Relief.WITHHOLDING: "withholding of removal",
    Relief.CAT: "CAT",
}


def label(value: StrEnum) -> str:
    """The display word for an enum value; falls back to a tidy form of the stored value."""
    return _LABELS.get(value, value.value.replace("_", " ").capitalize())
