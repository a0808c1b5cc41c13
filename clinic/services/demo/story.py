"""The generator's shared state, and what it decided about one case (its "story")."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from clinic.domain.anumber import format_a_number
from clinic.domain.enums import ClaimType, DetentionStatus, Outcome, Relief, Sex, StaffRole, Stage
from clinic.domain.ids import CaseId, ClientId, StaffId
from clinic.services.demo.people import Person
from clinic.services.demo.places import City, Facility
from clinic.services.demo.plans import Plan, Step
from clinic.services.demo.profiles import Profile
from clinic.storage.store import Store

_UNSAVED_CASE, _UNSAVED_CLIENT = CaseId(0), ClientId(0)


@dataclass
class Counts:
    clients: int = 0
    cases: int = 0
    hearings: int = 0
    deadlines: int = 0
    evidence_items: int = 0
    files: int = 0
    family_members: int = 0
    staff: int = 0


@dataclass
class Demo:
    """One run of the generator: where it writes, its one source of randomness, its tallies."""

    store: Store
    rng: random.Random
    today: date
    counts: Counts = field(default_factory=Counts)
    a_numbers: set[str] = field(default_factory=set)
    staff: dict[StaffRole, list[StaffId]] = field(default_factory=dict)
    judge_orders: int = 0
    foia_extensions: int = 0  # the first FOIA request always shows a written extension
    dhs_motions: int = 0  # the first case waiting in court always shows a DHS motion
    children: int = 0  # unaccompanied children so far
    # the last client is an unaccompanied child when none came by chance (issue 18: the demo
    # shows one; builder.CHILD_FROM clients or more); only that client's draws change, so
    # every earlier one stays as it was
    child_wanted: bool = False
    language: str = "en"  # the language of the texts written ("en" or "es")

    def a_number(self) -> str:
        while True:
            digits = str(self.rng.randint(200_000_000, 249_999_999))
            if digits not in self.a_numbers:
                self.a_numbers.add(digits)
                return format_a_number(digits)


@dataclass
class Story:
    """One client's case as planned: who, where, and the dated steps it goes through."""

    plan: Plan
    profile: Profile
    person: Person
    sex: Sex
    female: bool
    birth: date
    child: bool
    opened_on: date
    arrived_on: date | None
    city: City
    facility: Facility | None
    detention: DetentionStatus
    steps: list[tuple[Step, date]]
    relief: frozenset[Relief] = frozenset()
    case_id: CaseId = _UNSAVED_CASE
    client_id: ClientId = _UNSAVED_CLIENT
    next_individual: date | None = None  # the individual hearing set ahead, if any
    bond_hearing: date | None = None  # a detained client's past bond hearing (a court day)

    def first(self, stage: Stage) -> date | None:
        return next((on for step, on in self.steps if step.stage is stage), None)

    def after(self, first: Stage, then: Stage) -> tuple[Step, date] | None:
        """The first ``then`` step after the first ``first`` step (referral: the court part)."""
        seen = False
        for step, on in self.steps:
            if step.stage is first:
                seen = True
            elif seen and step.stage is then:
                return step, on
        return None

    @property
    def filed_on(self) -> date | None:
        """I-589 received: filed, or (defensive) lodged at the first hearing after all."""
        filed = self.first(Stage.FILED)
        if filed is None and self.plan.claim is ClaimType.DEFENSIVE:
            return self.first(Stage.HEARINGS)
        return filed

    @property
    def closed_on(self) -> date | None:
        return self.first(Stage.CLOSED)

    @property
    def in_court(self) -> bool:
        return self.plan.claim is ClaimType.DEFENSIVE or self.plan.referral

    @property
    def court_decided_on(self) -> date | None:
        """The day the judge first decided (or heard the case and reserved the decision)."""
        found = self.after(Stage.HEARINGS, Stage.DECISION)
        return found[1] if found else None

    def decisions(self) -> list[tuple[Outcome, date]]:
        """Every decision with an outcome, in order (USCIS, judge, BIA)."""
        return [
            (step.outcome, on)
            for step, on in self.steps
            if step.stage is Stage.DECISION and step.outcome is not None
        ]
