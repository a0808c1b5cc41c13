"""The life of a case as a state machine, including the USCIS referral to court.

Affirmative:  intake → preparing → filed → interview → decision → closed
Defensive:    intake → preparing → filed → hearings → decision → appeal → closed
              decision → circuit_court (a petition for review) → appeal (remand) or closed
              closed → reopening (a motion to reopen) → hearings or appeal (granted), closed
A referral moves an affirmative case (filed, interview or decision) into defensive
``hearings``: the forum becomes the immigration court and the history is kept.
Each stage may also step back one place, so a mistaken click can be corrected, and a
closed case may be reopened into ``preparing``.
"""

from __future__ import annotations

from enum import StrEnum

from clinic.domain.enums import ClaimType, Outcome, Stage

_FORWARD: dict[ClaimType, dict[Stage, frozenset[Stage]]] = {
    ClaimType.AFFIRMATIVE: {
        Stage.INTAKE: frozenset({Stage.PREPARING}),
        Stage.PREPARING: frozenset({Stage.FILED}),
        Stage.FILED: frozenset({Stage.INTERVIEW, Stage.DECISION}),
        Stage.INTERVIEW: frozenset({Stage.DECISION}),
        Stage.DECISION: frozenset(),
        Stage.CLOSED: frozenset({Stage.PREPARING}),
    },
    ClaimType.DEFENSIVE: {
        Stage.INTAKE: frozenset({Stage.PREPARING}),
        Stage.PREPARING: frozenset({Stage.FILED, Stage.HEARINGS}),
        Stage.FILED: frozenset({Stage.HEARINGS, Stage.DECISION}),
        Stage.HEARINGS: frozenset({Stage.DECISION}),
        Stage.DECISION: frozenset({Stage.APPEAL, Stage.CIRCUIT_COURT}),
        Stage.APPEAL: frozenset({Stage.DECISION, Stage.HEARINGS}),  # BIA decision or remand
        # petition granted: remand to the BIA; or one step back to the decision
        Stage.CIRCUIT_COURT: frozenset({Stage.APPEAL, Stage.DECISION}),
        Stage.CLOSED: frozenset({Stage.PREPARING, Stage.REOPENING}),
        Stage.REOPENING: frozenset({Stage.HEARINGS, Stage.APPEAL}),  # motion granted
    },
}
# Stages after an administratively final order (a closed case, a petition for review in a court
# of appeals, a motion to reopen pending): only the rules its closing starts apply.
FINAL_ORDER_STAGES = frozenset({Stage.CLOSED, Stage.CIRCUIT_COURT, Stage.REOPENING})

_ORDER: dict[ClaimType, tuple[Stage, ...]] = {
    ClaimType.AFFIRMATIVE: (
        Stage.INTAKE,
        Stage.PREPARING,
        Stage.FILED,
        Stage.INTERVIEW,
        Stage.DECISION,
    ),
    ClaimType.DEFENSIVE: (
        Stage.INTAKE,
        Stage.PREPARING,
        Stage.FILED,
        Stage.HEARINGS,
        Stage.DECISION,
        Stage.APPEAL,
    ),
}

REFERABLE_STAGES = frozenset({Stage.FILED, Stage.INTERVIEW, Stage.DECISION})


class StageProblem(StrEnum):
    NOT_ALLOWED = "stage_not_allowed"
    OUTCOME_REQUIRED = "outcome_required"
    OUTCOME_NOT_EXPECTED = "outcome_not_expected"
    NOT_AFFIRMATIVE = "referral_needs_affirmative_case"
    NOT_REFERABLE_STAGE = "referral_needs_filed_case"
    UNCHANGED = "stage_unchanged"


def allowed_stages(claim_type: ClaimType, current: Stage) -> frozenset[Stage]:
    """Stages a user may move the case to from ``current`` (closing is always allowed)."""
    allowed = set(_FORWARD[claim_type].get(current, frozenset()))
    order = _ORDER[claim_type]
    if current in order:
        index = order.index(current)
        if index > 0:
            allowed.add(order[index - 1])
    if current is not Stage.CLOSED:
        allowed.add(Stage.CLOSED)
    return frozenset(allowed)


def check_stage_change(
    claim_type: ClaimType, current: Stage, target: Stage, outcome: Outcome | None
) -> StageProblem | None:
    if target is current:
        return StageProblem.UNCHANGED
    if target not in allowed_stages(claim_type, current):
        return StageProblem.NOT_ALLOWED
    if target is Stage.CLOSED and outcome is None:
        return StageProblem.OUTCOME_REQUIRED
    if target is not Stage.CLOSED and target is not Stage.DECISION and outcome is not None:
        return StageProblem.OUTCOME_NOT_EXPECTED
    return None


def check_referral(claim_type: ClaimType, current: Stage) -> StageProblem | None:
    if claim_type is not ClaimType.AFFIRMATIVE:
        return StageProblem.NOT_AFFIRMATIVE
    if current not in REFERABLE_STAGES:
        return StageProblem.NOT_REFERABLE_STAGE
    return None
