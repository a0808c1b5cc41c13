"""Properties of a whole case's deadlines (issue 18 acceptance: "Hypothesis properties still
hold"): whatever the case's facts, every rule of the shipped book as the engine applies it to a
case (anchors per hearing, per FOIA request, per family member, per status period; yearly
repeats; met, late and ended rows) gives no date before the fact it counts from, no date on or
after the hearing it counts back from, and, where the rule rolls (8 CFR 1.2 / 1001.1(h),
1003.38(b); ICPM 3.1(c)), no weekend or federal holiday. test_deadline_properties.py checks one
rule on one anchor; this checks what a case actually lists, the rules of § 8.2 included."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clinic.domain.deadlines import BusinessCalendar, CaseFacts, deadlines_for_case
from clinic.domain.deadlines.ead_clock import Stop
from clinic.domain.deadlines.shipped import load_shipped_rulebook
from clinic.domain.deadlines.values import FoiaRequest, HearingFact
from clinic.domain.entries import FamilyFiler, StatusPeriod
from clinic.domain.enums import (
    ArrivalManner,
    CaseFactKind,
    ClaimType,
    ForumKind,
    HearingKind,
    ProceedingKind,
    Relationship,
    Relief,
    Stage,
    StatusKind,
)

BOOK = load_shipped_rulebook()
PLAIN = BusinessCalendar()
DAYS = st.dates(min_value=date(1995, 1, 1), max_value=date(2040, 12, 31))
SOME_DAY = st.none() | DAYS
A_FEW_DAYS = st.lists(DAYS, max_size=3).map(tuple)


@st.composite
def statuses(draw: st.DrawFn, member_id: int | None = None) -> tuple[StatusPeriod, ...]:
    periods = []
    for ref in range(draw(st.integers(0, 2))):
        start = draw(SOME_DAY)
        end = draw(st.none() | st.integers(0, 2000).map(lambda n, s=start: (s or date(2020, 1, 1)) + timedelta(days=n)))  # fmt: skip
        kind = draw(st.sampled_from(StatusKind))
        periods.append(StatusPeriod(ref + 1, kind, "", start, end, member_id))
    return tuple(periods)


@st.composite
def foia(draw: st.DrawFn) -> tuple[FoiaRequest, ...]:
    requests = []
    for ref in range(draw(st.integers(0, 2))):
        sent = draw(DAYS)
        received = sent + timedelta(days=draw(st.integers(0, 20)))
        extended = draw(st.none() | st.just(received + timedelta(days=draw(st.integers(1, 25)))))
        responses = tuple(
            (ref * 10 + n, received + timedelta(days=draw(st.integers(1, 200))))
            for n in range(draw(st.integers(0, 2)))
        )
        requests.append(FoiaRequest(ref + 1, "uscis", sent, received, extended, responses))
    return tuple(requests)


@st.composite
def clock(draw: st.DrawFn) -> tuple[Stop, ...]:
    stops = []
    day = draw(DAYS)
    for _ in range(draw(st.integers(0, 3))):
        start = day + timedelta(days=draw(st.integers(1, 90)))
        end = draw(st.none() | st.just(start + timedelta(days=draw(st.integers(1, 90)))))
        stops.append(Stop(start, end, (CaseFactKind.EAD_CLOCK_STOPPED,)))
        if end is None:
            break
        day = end
    return tuple(stops)


@st.composite
def case_facts(draw: st.DrawFn) -> CaseFacts:
    i589 = draw(SOME_DAY)
    approval = (
        i589 + timedelta(days=draw(st.integers(0, 400)))
        if i589 is not None and draw(st.booleans())
        else None
    )
    family = tuple(
        FamilyFiler(
            100 + n,
            draw(st.sampled_from(Relationship)),
            draw(SOME_DAY),
            draw(SOME_DAY),
            draw(statuses(100 + n)),
        )
        for n in range(draw(st.integers(0, 2)))
    )
    return CaseFacts(
        claim_type=draw(st.none() | st.sampled_from(ClaimType)),
        forum=draw(st.none() | st.sampled_from(ForumKind)),
        detained=draw(st.none() | st.booleans()),
        stage=draw(st.none() | st.sampled_from(Stage)),
        relief=frozenset(draw(st.sets(st.sampled_from(Relief)))),
        unaccompanied_child=draw(st.none() | st.booleans()),
        last_arrival=draw(SOME_DAY),
        i589_received=i589,
        hearings=tuple(
            HearingFact(draw(st.sampled_from(HearingKind)), draw(DAYS))
            for _ in range(draw(st.integers(0, 3)))
        ),
        decision=draw(SOME_DAY),
        final_order=draw(SOME_DAY),
        bia_decision=draw(SOME_DAY),
        in_absentia_order=draw(SOME_DAY),
        vd_order=draw(SOME_DAY),
        vd_days=draw(st.none() | st.integers(1, 120)),
        nta_served=draw(SOME_DAY),
        ead_expires=draw(SOME_DAY),
        ij_denial=draw(SOME_DAY),
        address_changes=draw(A_FEW_DAYS),
        asylum_granted=draw(SOME_DAY),
        aaf_notice=draw(SOME_DAY),
        exception_event_end=draw(SOME_DAY),
        opposing_filing_received=draw(A_FEW_DAYS),
        judge_set_dates=draw(A_FEW_DAYS),
        bia_appeal_filed=draw(SOME_DAY),
        pfr_filed=draw(SOME_DAY),
        asylum_office_denial=draw(SOME_DAY),
        recommended_approval=approval,
        foia_requests=draw(foia()),
        interview_notice=draw(SOME_DAY),
        interview_missed=draw(A_FEW_DAYS),
        biometrics_missed=draw(A_FEW_DAYS),
        noid_served=draw(SOME_DAY),
        ead_clock=draw(clock()),
        bond_decisions=draw(A_FEW_DAYS),
        bond_stays=draw(A_FEW_DAYS),
        negative_credible_fear=draw(SOME_DAY),
        negative_reasonable_fear=draw(SOME_DAY),
        briefing_schedule=draw(SOME_DAY),
        brief_extended=draw(SOME_DAY),
        stay_requested=draw(SOME_DAY),
        circuit_record_filed=draw(SOME_DAY),
        birth_date=draw(SOME_DAY),
        arrival_manner=draw(st.none() | st.sampled_from(ArrivalManner)),
        alien_registered=draw(A_FEW_DAYS),
        changed_circumstances=tuple(sorted(draw(A_FEW_DAYS))),
        extraordinary_circumstances=tuple(sorted(draw(A_FEW_DAYS))),
        dhs_pretermit=draw(A_FEW_DAYS),
        dhs_dismiss=draw(A_FEW_DAYS),
        dhs_response_due=draw(A_FEW_DAYS),
        i589_rejected=draw(SOME_DAY),
        proceeding=draw(st.none() | st.sampled_from(ProceedingKind)),
        reinstated_order=draw(SOME_DAY),
        limited_referral=draw(SOME_DAY),
        status_periods=draw(statuses()),
        family_filers=family,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts=case_facts())
def test_no_case_deadline_before_its_trigger_and_rolled_dates_are_business_days(
    facts: CaseFacts,
) -> None:
    for result in deadlines_for_case(facts, BOOK, PLAIN):
        if result.due is None:  # set by the court, or a fact missing
            continue
        rule = BOOK.get(result.rule_id)
        where = f"{rule.id} from {result.anchor.label} {result.anchor.on}: {result.explanation}"
        if rule.direction == "back":
            assert result.due < result.anchor.on, where
        else:
            assert result.due >= result.anchor.on, where
        if result.safe_due is not None:
            assert result.safe_due <= result.due, where
            assert PLAIN.is_business_day(result.safe_due), where
        if rule.roll == "next_business_day":
            assert PLAIN.is_business_day(result.due), where
        else:
            assert result.due == result.unrolled or "brought_forward:" in " ".join(result.flags), (
                where
            )
