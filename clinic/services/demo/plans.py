"""What each case goes through: where it ends up, the stage steps that take it there, and when.

Durations are typical clinic experience (the asylum-office backlog, the detained docket moving
about three times as fast), not legal deadlines: those are computed by the deadline engine.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from clinic.domain.enums import ClaimType, Outcome, Stage
from clinic.services.demo.dice import chance, days, pick, weighted

AFFIRMATIVE_SHARE = 0.4
DETAINED_PACE = 0.35

_A, _D = ClaimType.AFFIRMATIVE, ClaimType.DEFENSIVE


@dataclass(frozen=True)
class Plan:
    claim: ClaimType  # at opening; a referral makes it defensive
    final: Stage
    referral: bool = False
    outcome: Outcome | None = None


@dataclass(frozen=True)
class Step:
    stage: Stage  # HEARINGS for a referral
    outcome: Outcome | None = None
    refer: bool = False
    note: str = ""


# Every claim type in every stage, a closed case of each and two referrals (one still in court,
# one decided): handed out first, so small data sets show them all.
_REQUIRED = {
    _A: (
        *(Plan(_A, s) for s in (Stage.INTAKE, Stage.PREPARING, Stage.FILED, Stage.INTERVIEW)),
        Plan(_A, Stage.DECISION),
        Plan(_A, Stage.CLOSED, outcome=Outcome.GRANTED),
        Plan(_A, Stage.HEARINGS, referral=True),
        Plan(_A, Stage.CLOSED, referral=True, outcome=Outcome.GRANTED),
    ),
    _D: (
        *(Plan(_D, s) for s in (Stage.INTAKE, Stage.PREPARING, Stage.FILED, Stage.HEARINGS)),
        Plan(_D, Stage.DECISION),
        Plan(_D, Stage.APPEAL),
        Plan(_D, Stage.CLOSED, outcome=Outcome.REMOVAL_ORDERED),
        Plan(_D, Stage.CIRCUIT_COURT),
        Plan(_D, Stage.REOPENING),
    ),
}
_FINAL = {
    _A: (
        (Stage.INTAKE, 6), (Stage.PREPARING, 14), (Stage.FILED, 20), (Stage.INTERVIEW, 18),
        (Stage.DECISION, 8), (Stage.CLOSED, 16), (Stage.HEARINGS, 10),  # HEARINGS = referred
    ),
    _D: (
        (Stage.INTAKE, 5), (Stage.PREPARING, 14), (Stage.FILED, 14), (Stage.HEARINGS, 32),
        (Stage.DECISION, 8), (Stage.APPEAL, 7), (Stage.CLOSED, 20), (Stage.CIRCUIT_COURT, 2),
        (Stage.REOPENING, 2),
    ),
}  # fmt: skip
_CLOSED_OUTCOMES = {
    _A: (
        (Outcome.GRANTED, 55), (Outcome.WITHDRAWN, 15), (Outcome.TRANSFERRED, 10),
        (Outcome.DISMISSED, 10), (Outcome.DENIED, 10),
    ),
    _D: (
        (Outcome.GRANTED, 30), (Outcome.WITHHOLDING_GRANTED, 10), (Outcome.CAT_GRANTED, 5),
        (Outcome.REMOVAL_ORDERED, 15), (Outcome.VOLUNTARY_DEPARTURE, 5), (Outcome.TERMINATED, 8),
        (Outcome.DISMISSED, 7), (Outcome.ADMINISTRATIVELY_CLOSED, 8), (Outcome.TRANSFERRED, 7),
        (Outcome.WITHDRAWN, 5),
    ),
}  # fmt: skip
_REFERRED_FINAL = ((Stage.HEARINGS, 7), (Stage.DECISION, 1), (Stage.CLOSED, 2))
_REFERRED_OUTCOMES = (Outcome.GRANTED, Outcome.TERMINATED, Outcome.REMOVAL_ORDERED)
GRANTS = frozenset({Outcome.GRANTED, Outcome.WITHHOLDING_GRANTED, Outcome.CAT_GRANTED})
DENIALS = frozenset({Outcome.DENIED, Outcome.REMOVAL_ORDERED, Outcome.VOLUNTARY_DEPARTURE})


def _random_plan(rng: random.Random, claim: ClaimType) -> Plan:
    final = weighted(rng, _FINAL[claim])
    if final is Stage.HEARINGS and claim is _A:  # referred to court
        final = weighted(rng, _REFERRED_FINAL)
        outcome = pick(rng, _REFERRED_OUTCOMES) if final is Stage.CLOSED else None
        return Plan(claim, final, referral=True, outcome=outcome)
    outcome = weighted(rng, _CLOSED_OUTCOMES[claim]) if final is Stage.CLOSED else None
    return Plan(claim, final, outcome=outcome)


def make_plans(rng: random.Random, count: int) -> list[Plan]:
    affirmative = round(count * AFFIRMATIVE_SHARE)
    plans = []
    for claim, wanted in ((_A, affirmative), (_D, count - affirmative)):
        chosen = list(_REQUIRED[claim][:wanted])
        plans += chosen + [_random_plan(rng, claim) for _ in range(wanted - len(chosen))]
    rng.shuffle(plans)
    return plans


def _closing(outcome: Outcome) -> Step:
    return Step(Stage.CLOSED, outcome, note=f"Closed: {outcome.value.replace('_', ' ')}")


_PREP = Step(Stage.PREPARING, note="Retainer signed; declaration started")
_FILED = Step(Stage.FILED, note="I-589 mailed to USCIS; receipt notice received")
_INTERVIEW = Step(Stage.INTERVIEW, note="Interview notice received")


def _referral_steps(rng: random.Random, plan: Plan) -> list[Step]:
    steps = [_PREP, _FILED, _INTERVIEW]
    if chance(rng, 0.3):
        steps.append(Step(Stage.DECISION, note="Referral notice issued by the asylum office"))
    steps.append(Step(Stage.HEARINGS, Outcome.REFERRED, refer=True, note="NTA filed"))
    if plan.final is Stage.DECISION:
        steps.append(Step(Stage.DECISION, note="Individual hearing held; decision reserved"))
    elif plan.final is Stage.CLOSED and plan.outcome is not None:
        if plan.outcome is not Outcome.TERMINATED:
            steps.append(Step(Stage.DECISION, plan.outcome, note="Decision announced"))
        steps.append(_closing(plan.outcome))
    return steps


def _affirmative_steps(rng: random.Random, plan: Plan) -> list[Step]:
    if plan.referral:
        return _referral_steps(rng, plan)
    ladder = [_PREP, _FILED, _INTERVIEW]
    if plan.final is Stage.DECISION:
        granted = Outcome.GRANTED if chance(rng, 0.4) else None
        return [*ladder, Step(Stage.DECISION, granted, note="Decision")]
    if plan.final is not Stage.CLOSED:
        return ladder[: [Stage.INTAKE, *(s.stage for s in ladder)].index(plan.final)]
    outcome = plan.outcome or Outcome.WITHDRAWN
    if outcome in (Outcome.GRANTED, Outcome.DENIED):
        decision = Step(Stage.DECISION, outcome, note="Decision received from the asylum office")
        return [*ladder, decision, _closing(outcome)]
    if outcome is Outcome.DISMISSED:
        return [*ladder, _closing(outcome)]
    return [*ladder[: rng.randint(1, 2)], _closing(outcome)]


_BIA_DENIAL = Step(Stage.DECISION, Outcome.DENIED, note="BIA dismissed the appeal")
_PETITION = Step(Stage.CIRCUIT_COURT, note="Petition for review filed in the court of appeals")
_REOPEN = Step(Stage.REOPENING, note="Motion to reopen filed: changed country conditions")


def _defensive_steps(rng: random.Random, plan: Plan) -> list[Step]:
    prep = Step(Stage.PREPARING, note="Retainer signed; EOIR-28 filed")
    filed = Step(Stage.FILED, note="I-589 lodged with the immigration court")
    head = [prep, filed] if chance(rng, 0.7) else [prep]  # or lodged at the first hearing
    hearings = [*head, Step(Stage.HEARINGS, note="Individual hearing set")]
    denial = Step(Stage.DECISION, Outcome.REMOVAL_ORDERED, note="Relief denied; removal ordered")
    appeal = Step(Stage.APPEAL, note="EOIR-26 notice of appeal filed with the BIA")
    if plan.final is not Stage.CLOSED:
        ruled = pick(rng, (None, Outcome.GRANTED, Outcome.DENIED, Outcome.REMOVAL_ORDERED))
        return {
            Stage.INTAKE: [],
            Stage.PREPARING: [prep],
            Stage.FILED: [prep, filed],
            Stage.HEARINGS: hearings,
            Stage.DECISION: [*hearings, Step(Stage.DECISION, ruled, note="Oral decision")],
            Stage.APPEAL: [*hearings, denial, appeal],
            Stage.CIRCUIT_COURT: [*hearings, denial, appeal, _BIA_DENIAL, _PETITION],
            Stage.REOPENING: [*hearings, denial, _closing(Outcome.REMOVAL_ORDERED), _REOPEN],
        }[plan.final]
    outcome = plan.outcome or Outcome.WITHDRAWN
    if outcome is Outcome.REMOVAL_ORDERED and chance(rng, 0.4):
        bia = Step(Stage.DECISION, Outcome.DENIED, note="BIA dismissed the appeal")
        return [*hearings, denial, appeal, bia, _closing(outcome)]
    if outcome in GRANTS | {Outcome.REMOVAL_ORDERED, Outcome.VOLUNTARY_DEPARTURE}:
        decision = Step(Stage.DECISION, outcome, note="Oral decision at individual hearing")
        return [*hearings, decision, _closing(outcome)]
    if outcome in (Outcome.TERMINATED, Outcome.DISMISSED, Outcome.ADMINISTRATIVELY_CLOSED):
        return [*hearings, _closing(outcome)]
    return [*head, _closing(outcome)]


def make_steps(rng: random.Random, plan: Plan) -> list[Step]:
    maker = _affirmative_steps if plan.claim is ClaimType.AFFIRMATIVE else _defensive_steps
    return maker(rng, plan)


# Typical days from one step to the next, and days spent so far in the stage a case is in.
_STEP_DAYS = {
    Stage.PREPARING: (2, 45),
    Stage.FILED: (20, 150),
    Stage.INTERVIEW: (60, 600),  # the asylum-office backlog
    Stage.HEARINGS: (30, 400),
    Stage.DECISION: (14, 200),
    Stage.APPEAL: (5, 29),  # appeals are filed within weeks of the decision
    Stage.CIRCUIT_COURT: (5, 29),  # so are petitions for review
    Stage.CLOSED: (1, 40),
    Stage.REOPENING: (60, 500),  # new evidence of changed country conditions
}
_REFERRAL_DAYS = (14, 120)
_BIA_DAYS = (120, 400)
_EARLY_CLOSING_DAYS = (20, 300)
_DWELL_DAYS = {
    Stage.INTAKE: (0, 25),
    Stage.PREPARING: (0, 120),
    Stage.FILED: (0, 400),
    Stage.INTERVIEW: (0, 200),
    Stage.HEARINGS: (0, 500),
    Stage.DECISION: (0, 120),
    Stage.APPEAL: (0, 300),
    Stage.CLOSED: (0, 700),
    Stage.CIRCUIT_COURT: (0, 300),
    Stage.REOPENING: (0, 120),
}


def _gap(rng: random.Random, previous: Step | None, step: Step, pace: float) -> int:
    if step.refer:
        low, high = _REFERRAL_DAYS
    elif previous is not None and previous.stage is Stage.APPEAL:
        low, high = _BIA_DAYS
    elif step.stage is Stage.CLOSED and (previous is None or previous.stage is not Stage.DECISION):
        low, high = _EARLY_CLOSING_DAYS
    else:
        low, high = _STEP_DAYS[step.stage]
    return max(1, round(rng.randint(low, high) * pace))


def timeline(
    rng: random.Random, steps: Sequence[Step], today: date, *, pace: float
) -> tuple[date, list[tuple[Step, date]]]:
    """The opening day and each step's day: typical durations, then time in the last stage."""
    gaps = [_gap(rng, steps[i - 1] if i else None, step, pace) for i, step in enumerate(steps)]
    low, high = _DWELL_DAYS[steps[-1].stage if steps else Stage.INTAKE]
    on = opened_on = today - days(sum(gaps) + round(rng.randint(low, high) * pace))
    dated = []
    for step, gap in zip(steps, gaps, strict=True):
        on += days(gap)
        dated.append((step, on))
    return opened_on, dated
