"""The values the deadline engine takes and gives: anchors, case facts and computed deadlines.

They carry no behaviour so services, CLI and UI can build and show them without the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from clinic.domain.entries import FamilyFiler, StatusPeriod
from clinic.domain.enums import (
    ArrivalManner,
    ClaimType,
    ForumKind,
    HearingKind,
    ProceedingKind,
    Relief,
    Stage,
)

if TYPE_CHECKING:
    from clinic.domain.deadlines.ead_clock import Stop

__all__ = ["Anchor", "CaseFacts", "ComputedDeadline", "FoiaRequest", "HearingFact"]


@dataclass(frozen=True)
class Anchor:
    """The case date a rule counts from: ``Anchor("last_arrival", "Last arrival", date(2025, 3, 14))``."""

    field: str
    label: str
    on: date


@dataclass(frozen=True)
class ComputedDeadline:
    """One computed date with its provenance, so staff can check the arithmetic and the source.

    ``due`` is the date to act by (None when the court sets it or an input is missing). ``unrolled`` is
    where counting landed before any weekend/holiday roll. ``safe_due`` is set only for deadlines
    counted back from a hearing: the preceding open day when the counted date is not one (else the
    same date); alert on it. ``flags`` are stable codes such as ``leap_day_arrival``,
    ``unverified_rule``, ``court_set_when_detained``, ``closure_not_extended:<reason>``,
    ``missing_input:<field>``, ``invalid_input:<field>``, ``condition_unknown:<field>``,
    ``met_by:<field>`` / ``late_after:<field>`` (a deadline met, or missed, by that case date),
    ``ended_by:<field>`` (that case date ended the rule, e.g. a denial before an EAD date),
    ``brought_forward:<field>`` (an earliest date moved to that case date).
    ``settled`` is "met" or "not_applicable" when a case date settled the deadline (the stored
    row is then closed with ``settled_reason``), else "".
    Time-dependent states such as "overdue" are the caller's business.
    """

    rule_id: str
    name: str
    kind: str
    due: date | None
    safe_due: date | None
    unrolled: date | None
    anchor: Anchor
    explanation: str
    source: str
    as_of: date
    confidence: str
    flags: tuple[str, ...] = ()
    settled: str = ""
    settled_reason: str = ""
    settled_on: date | None = None  # the case date that settled it


@dataclass(frozen=True)
class HearingFact:
    kind: HearingKind
    on: date


@dataclass(frozen=True)
class FoiaRequest:
    """One FOIA request to one agency with its dates (asylum-rules.md § 8.2).

    ``ref`` is the id of the case fact that started it, so two requests on the same day (to two
    agencies, or two to one agency) stay two requests with their own deadlines. ``agency`` is a
    FoiaAgency value ("" when not recorded). ``extended`` is the date of the agency's written
    notice of unusual circumstances (5 U.S.C. 552(a)(6)(B)(i)). ``responses`` are (fact id, date)
    of each determination, interim releases included.
    """

    ref: int
    agency: str = ""
    sent: date | None = None
    received: date | None = None
    extended: date | None = None
    responses: tuple[tuple[int, date], ...] = ()


@dataclass(frozen=True)
class CaseFacts:
    """Everything the rules need about one case. Unknown facts stay None/empty.

    A rule whose condition depends on an unknown fact still applies (a missed deadline costs more than
    an extra one) and its result carries ``condition_unknown:<field>``.
    """

    claim_type: ClaimType | None = None
    forum: ForumKind | None = None
    detained: bool | None = None
    stage: Stage | None = None
    relief: frozenset[Relief] = frozenset()
    unaccompanied_child: bool | None = None
    last_arrival: date | None = None
    i589_received: date | None = None
    hearings: tuple[HearingFact, ...] = ()
    decision: date | None = None
    final_order: date | None = None
    bia_decision: date | None = None
    in_absentia_order: date | None = None
    vd_order: date | None = None
    vd_days: int | None = None
    nta_served: date | None = None
    ead_expires: date | None = None
    ij_denial: date | None = None
    address_changes: tuple[date, ...] = ()
    asylum_granted: date | None = None
    aaf_notice: date | None = None
    exception_event_end: date | None = None
    # one-year bar exceptions (8 CFR 208.4(a)(4)-(5)): when each changed circumstance arose and
    # each extraordinary circumstance began, in order (exceptions.py)
    changed_circumstances: tuple[date, ...] = ()
    extraordinary_circumstances: tuple[date, ...] = ()
    ead_stopped_days: int = 0
    opposing_filing_received: tuple[date, ...] = ()
    judge_set_dates: tuple[date, ...] = ()
    bia_appeal_filed: date | None = None
    pfr_filed: date | None = None
    asylum_office_denial: date | None = None
    recommended_approval: date | None = None
    foia_requests: tuple[FoiaRequest, ...] = ()  # each FOIA request, per agency
    interview_notice: date | None = None
    interview_missed: tuple[date, ...] = ()
    interview_rescheduled: tuple[date, ...] = ()
    biometrics_missed: tuple[date, ...] = ()
    biometrics_rescheduled: tuple[date, ...] = ()
    noid_served: date | None = None
    # the asylum EAD clock's stops, read from its log of stops and restarts (ead_clock.stops_of)
    ead_clock: tuple[Stop, ...] = ()
    bond_decisions: tuple[date, ...] = ()
    bond_stays: tuple[date, ...] = ()
    negative_credible_fear: date | None = None
    negative_reasonable_fear: date | None = None
    briefing_schedule: date | None = None
    brief_extended: date | None = None
    stay_requested: date | None = None  # the first motion for a stay of removal
    circuit_record_filed: date | None = None
    birth_date: date | None = None
    arrival_manner: ArrivalManner | None = None
    alien_registered: tuple[date, ...] = ()
    dhs_pretermit: tuple[date, ...] = ()
    dhs_dismiss: tuple[date, ...] = ()
    dhs_response_due: tuple[date, ...] = ()
    i589_rejected: date | None = None
    # people, not the case (clinic/domain/entries.py): removal, asylum-only or withholding-only
    # proceedings (None: removal); the client's lawful status / TPS / parole periods; family
    # members who file an I-589 of their own
    proceeding: ProceedingKind | None = None
    reinstated_order: date | None = None  # a reinstated or administrative removal order
    limited_referral: date | None = None  # the I-863 referral to asylum- or withholding-only
    status_periods: tuple[StatusPeriod, ...] = ()
    family_filers: tuple[FamilyFiler, ...] = ()
