"""What the deadline engine reads about a case: its :class:`CaseFacts`, from the ORM objects
(:func:`case_facts`) or from the plain rows of the set-based refresh (:func:`facts_of`), through
one reading of the recorded facts (:func:`fact_fields`) so both give the same facts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from clinic.domain.deadlines import CaseFacts, HearingFact
from clinic.domain.deadlines.ead_clock import CLOCK_FACTS, ClockEvent, stops_of
from clinic.domain.deadlines.foia import FoiaFact, foia_requests
from clinic.domain.enums import FOIA_FACTS, CaseFactKind, ForumKind, Relief
from clinic.services.person_facts import person_facts
from clinic.storage.models import Case, Client

# A recorded fact: id, kind, date, number, agency, the request it answers.
FactRow = tuple[int, CaseFactKind, date | None, int | None, str, int | None]

# CaseFacts fields that take the latest date of one kind of fact.
_LATEST: dict[str, CaseFactKind] = {
    "decision": CaseFactKind.DECISION,
    "final_order": CaseFactKind.FINAL_ORDER,
    "bia_decision": CaseFactKind.BIA_DECISION,
    "in_absentia_order": CaseFactKind.IN_ABSENTIA_ORDER,
    "vd_order": CaseFactKind.VD_ORDER,
    "nta_served": CaseFactKind.NTA_SERVED,
    "ead_expires": CaseFactKind.EAD_EXPIRES,
    "ij_denial": CaseFactKind.IJ_DENIAL,
    "asylum_granted": CaseFactKind.ASYLUM_GRANTED,
    "aaf_notice": CaseFactKind.AAF_NOTICE,
    "exception_event_end": CaseFactKind.EXCEPTION_EVENT_END,
    "interview_notice": CaseFactKind.INTERVIEW_NOTICE,
    "noid_served": CaseFactKind.NOID_SERVED,
    "negative_credible_fear": CaseFactKind.NEGATIVE_CREDIBLE_FEAR,
    "negative_reasonable_fear": CaseFactKind.NEGATIVE_REASONABLE_FEAR,
    "briefing_schedule": CaseFactKind.BIA_BRIEFING_SCHEDULE,
    "brief_extended": CaseFactKind.BIA_BRIEF_EXTENDED,
    "circuit_record_filed": CaseFactKind.CIRCUIT_RECORD_FILED,
    "i589_rejected": CaseFactKind.I589_REJECTED,
    "reinstated_order": CaseFactKind.REINSTATED_ORDER,
    "limited_referral": CaseFactKind.LIMITED_REFERRAL,
    "bia_appeal_filed": CaseFactKind.BIA_APPEAL_FILED,
    "pfr_filed": CaseFactKind.PFR_FILED,
    "asylum_office_denial": CaseFactKind.ASYLUM_OFFICE_DENIAL,
    "recommended_approval": CaseFactKind.RECOMMENDED_APPROVAL,
}
# CaseFacts fields that take every date of a repeatable kind of fact, in order.
_EVERY: dict[str, CaseFactKind] = {
    "opposing_filing_received": CaseFactKind.OPPOSING_FILING_RECEIVED,
    "judge_set_dates": CaseFactKind.JUDGE_SET_DATE,
    "interview_missed": CaseFactKind.INTERVIEW_MISSED,
    "interview_rescheduled": CaseFactKind.INTERVIEW_RESCHEDULED,
    "biometrics_missed": CaseFactKind.BIOMETRICS_MISSED,
    "biometrics_rescheduled": CaseFactKind.BIOMETRICS_RESCHEDULED,
    "bond_decisions": CaseFactKind.BOND_DECISION,
    "bond_stays": CaseFactKind.BOND_STAY_INVOKED,
    "alien_registered": CaseFactKind.ALIEN_REGISTERED,
    "dhs_pretermit": CaseFactKind.DHS_MOTION_PRETERMIT,
    "dhs_dismiss": CaseFactKind.DHS_MOTION_DISMISS,
    "dhs_response_due": CaseFactKind.DHS_MOTION_RESPONSE_DUE,
    "changed_circumstances": CaseFactKind.CHANGED_CIRCUMSTANCES,
    "extraordinary_circumstances": CaseFactKind.EXTRAORDINARY_CIRCUMSTANCES,
}


def case_facts(case: Case) -> CaseFacts:
    client: Client = case.client
    moves = sorted(a.moved_in_on for a in client.addresses[1:] if a.moved_in_on is not None)
    rows = [(f.id, f.kind, f.on, f.number, f.agency, f.about_id) for f in case.facts]
    return CaseFacts(
        claim_type=case.claim_type,
        forum=ForumKind(case.forum_kind),
        detained=case.detained,
        stage=case.stage,
        relief=frozenset(Relief(r) for r in case.relief),
        unaccompanied_child=client.unaccompanied_child,
        last_arrival=client.last_arrival_on,
        birth_date=client.date_of_birth,
        arrival_manner=client.last_arrival_manner,
        i589_received=case.filed_on,
        hearings=tuple(HearingFact(h.kind, h.on) for h in case.hearings),
        address_changes=tuple(moves),
        **fact_fields(rows),
        **person_facts(case),
    )


def fact_fields(rows: list[FactRow]) -> dict[str, Any]:
    """The CaseFacts fields read from a case's recorded facts (id, kind, date, number, agency,
    request), for :func:`case_facts` and the bulk refresh alike: a single fact's latest date,
    every date of a repeatable one, the numbers, the FOIA requests and the EAD clock."""
    single: dict[CaseFactKind, date] = {}
    numbers: dict[CaseFactKind, int] = {}
    repeated: dict[CaseFactKind, list[date]] = {}
    foia: list[FoiaFact] = []
    clock: list[ClockEvent] = []
    for fact_id, kind, on, number, agency, about in rows:
        if number is not None:
            numbers[kind] = number
        elif on is not None:
            single[kind] = max(on, single.get(kind, on))
            repeated.setdefault(kind, []).append(on)
            if kind in FOIA_FACTS:
                foia.append(FoiaFact(fact_id, kind, on, agency or "", about))
            if kind in CLOCK_FACTS:
                clock.append(ClockEvent(on, kind))
    return {
        **{name: single.get(kind) for name, kind in _LATEST.items()},
        **{name: tuple(sorted(repeated.get(kind, []))) for name, kind in _EVERY.items()},
        "vd_days": numbers.get(CaseFactKind.VD_DAYS),
        "ead_stopped_days": numbers.get(CaseFactKind.EAD_STOPPED_DAYS, 0),
        "stay_requested": min(repeated.get(CaseFactKind.STAY_REQUESTED, []), default=None),
        "foia_requests": foia_requests(foia),
        "ead_clock": stops_of(tuple(clock)),
    }


def facts_of(values: dict[str, Any], rows: list[FactRow]) -> CaseFacts:
    """``values`` and the case facts' fields, exactly as :func:`case_facts` reads them (built
    once: ``dataclasses.replace`` cost as much as the rest of this)."""
    if not rows:
        return CaseFacts(**values)
    return CaseFacts(**values, **fact_fields(rows))
