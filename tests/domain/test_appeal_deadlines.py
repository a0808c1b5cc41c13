"""Appeals (issue 18 § 2, asylum-rules.md §§ 2.4 and 8.2): the BIA brief 21 days from the
briefing schedule and 42 with the one extension (8 CFR 1003.3(c)(1); BIA Practice Manual 4.7),
the stay of removal a petition for review does not give (INA 242(b)(3)(B)), the opening brief in
the court of appeals (FRAP 31(a)(1)), and the two stages that grew because real proceedings need
them: circuit_court and reopening. Every date was counted by hand on a calendar.
"""

from __future__ import annotations

from datetime import date

import pytest

from clinic.domain.deadlines import BusinessCalendar, CaseFacts, anchor_for, compute
from clinic.domain.deadlines import deadlines_for_case as for_case
from clinic.domain.deadlines.rules import RuleBook
from clinic.domain.deadlines.shipped import load_shipped_calendar, load_shipped_rulebook
from clinic.domain.deadlines.values import FoiaRequest
from clinic.domain.enums import ClaimType, ForumKind, Outcome, Stage
from clinic.domain.stages import allowed_stages, check_stage_change


@pytest.fixture(scope="module")
def book() -> RuleBook:
    return load_shipped_rulebook()


@pytest.fixture(scope="module")
def cal() -> BusinessCalendar:
    return load_shipped_calendar()


@pytest.mark.parametrize(
    ("rule_id", "on", "due", "why"),
    [
        # Mon Jun 1 + 21 = Mon Jun 22
        ("bia-brief", "2026-06-01", "2026-06-22", "21 days"),
        # Fri Jun 12 + 21 = Fri Jul 3, Independence Day observed -> Mon Jul 6
        ("bia-brief", "2026-06-12", "2026-07-06", "observed holiday rolled"),
        # Fri Jun 12 + 42 = Fri Jul 24
        ("bia-brief-extended", "2026-06-12", "2026-07-24", "one 21-day extension"),
        # Fri Nov 13 + 42 = Fri Dec 25, Christmas -> Mon Dec 28
        ("bia-brief-extended", "2026-11-13", "2026-12-28", "Christmas rolled over the weekend"),
        # record filed Tue Sep 15 + 40 = Sun Oct 25 -> Mon Oct 26
        ("circuit-opening-brief", "2026-09-15", "2026-10-26", "Sunday rolled"),
        # record filed Fri Oct 2 + 40 = Wed Nov 11, Veterans Day -> Thu Nov 12
        ("circuit-opening-brief", "2026-10-02", "2026-11-12", "Veterans Day rolled"),
        # a petition for review filed: ask for the stay the same day
        ("pfr-stay-of-removal", "2026-03-09", "2026-03-09", "at once"),
    ],
)
def test_appeal_worked_example(
    book: RuleBook, cal: BusinessCalendar, rule_id: str, on: str, due: str, why: str
) -> None:
    rule = book.get(rule_id)
    result = compute(rule, anchor_for(rule, date.fromisoformat(on)), cal)
    assert result.due == date.fromisoformat(due), (why, result.explanation)


def at_the_bia(**facts: object) -> CaseFacts:
    return CaseFacts(
        claim_type=ClaimType.DEFENSIVE,
        forum=ForumKind.IMMIGRATION_COURT,
        stage=Stage.APPEAL,
        **facts,  # type: ignore[arg-type]
    )


def test_the_one_extension_replaces_the_brief_date(book: RuleBook, cal: BusinessCalendar) -> None:
    def briefs(facts: CaseFacts) -> list[tuple[str, date | None]]:
        return [(r.rule_id, r.due) for r in for_case(facts, book, cal) if "brief" in r.rule_id]

    schedule = date(2026, 6, 12)
    assert briefs(at_the_bia(briefing_schedule=schedule)) == [("bia-brief", date(2026, 7, 6))]
    extended = at_the_bia(briefing_schedule=schedule, brief_extended=date(2026, 6, 30))
    assert briefs(extended) == [("bia-brief-extended", date(2026, 7, 24))]
    [result] = [r for r in for_case(extended, book, cal) if r.rule_id == "bia-brief-extended"]
    assert result.explanation.startswith(
        "BIA briefing schedule, extended once Fri 2026-06-12 + 42 days = Fri 2026-07-24"
    )


def in_the_circuit(**facts: object) -> CaseFacts:
    return CaseFacts(
        claim_type=ClaimType.DEFENSIVE,
        forum=ForumKind.IMMIGRATION_COURT,
        stage=Stage.CIRCUIT_COURT,
        **facts,  # type: ignore[arg-type]
    )


def test_the_stay_reminder_closes_once_a_stay_is_asked(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    filed = date(2026, 3, 9)
    [open_] = [
        r
        for r in for_case(in_the_circuit(pfr_filed=filed), book, cal)
        if r.rule_id == "pfr-stay-of-removal"
    ]
    assert open_.settled == ""
    asked = in_the_circuit(pfr_filed=filed, stay_requested=date(2026, 3, 10))
    [done] = [r for r in for_case(asked, book, cal) if r.rule_id == "pfr-stay-of-removal"]
    assert done.settled == "met"
    assert done.explanation.endswith(
        "Motion for a stay of removal Tue 2026-03-10: filed, so no follow-up is due"
    )


def test_past_the_final_order_only_what_the_order_starts_applies(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    """In the court of appeals or with a motion to reopen pending, the BIA's order stands:
    the annual asylum fee and other pending-case rules stop; the petition, motions, stay
    reminder and FOIA requests (often for the motion) stay."""
    facts = dict(
        i589_received=date(2025, 9, 2),
        bia_decision=date(2026, 3, 2),
        final_order=date(2026, 3, 2),
        pfr_filed=date(2026, 3, 9),
        foia_requests=(FoiaRequest(1, "uscis", received=date(2026, 3, 16)),),
    )
    for stage in (Stage.CIRCUIT_COURT, Stage.REOPENING):
        ids = {
            r.rule_id
            for r in for_case(
                CaseFacts(**{**in_the_circuit(**facts).__dict__, "stage": stage}), book, cal
            )
        }
        assert "annual-asylum-fee" not in ids, stage
        assert {"petition-for-review", "motion-to-reopen", "pfr-stay-of-removal"} <= ids, stage
        assert "foia-response-due" in ids, stage
    at_bia = {r.rule_id for r in for_case(at_the_bia(**facts), book, cal)}
    assert "annual-asylum-fee" in at_bia


def test_the_stage_model_grew_two_stages_for_real_proceedings() -> None:
    defensive = ClaimType.DEFENSIVE
    assert Stage.CIRCUIT_COURT in allowed_stages(defensive, Stage.DECISION)
    assert Stage.APPEAL in allowed_stages(defensive, Stage.CIRCUIT_COURT)  # remand
    assert Stage.REOPENING in allowed_stages(defensive, Stage.CLOSED)
    assert {Stage.HEARINGS, Stage.APPEAL, Stage.CLOSED} <= allowed_stages(
        defensive, Stage.REOPENING
    )
    # a denied motion closes the case again, with its outcome
    assert check_stage_change(defensive, Stage.REOPENING, Stage.CLOSED, None) is not None
    assert check_stage_change(defensive, Stage.REOPENING, Stage.CLOSED, Outcome.DENIED) is None
    assert Stage.REOPENING not in allowed_stages(ClaimType.AFFIRMATIVE, Stage.CLOSED)
