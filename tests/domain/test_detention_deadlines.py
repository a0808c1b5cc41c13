"""Detention (issue 18 § 2, asylum-rules.md § 8.2): the bond track beside the main one — the
30-day bond appeal (8 CFR 1003.38(b), 1236.1(d)(3)(i)), rolled to the next business day; DHS's
10 business days to appeal after invoking the automatic stay (8 CFR 1003.6(c)(1)) — and the
judge's review of a negative credible-fear (7 days, 8 CFR 1003.42(e)) or reasonable-fear finding
(10 days, 8 CFR 1208.31(g)). Every date was counted by hand on a calendar.
"""

from __future__ import annotations

from datetime import date

import pytest

from clinic.domain.deadlines import BusinessCalendar, CaseFacts, anchor_for, compute
from clinic.domain.deadlines import deadlines_for_case as for_case
from clinic.domain.deadlines.rules import RuleBook
from clinic.domain.deadlines.shipped import load_shipped_calendar, load_shipped_rulebook
from clinic.domain.deadlines.values import HearingFact
from clinic.domain.enums import ClaimType, ForumKind, HearingKind, Stage
from clinic.domain.stages import allowed_stages


@pytest.fixture(scope="module")
def book() -> RuleBook:
    return load_shipped_rulebook()


@pytest.fixture(scope="module")
def cal() -> BusinessCalendar:
    return load_shipped_calendar()


@pytest.mark.parametrize(
    ("rule_id", "on", "due", "why"),
    [
        # Mon Jun 1 + 30 = Wed Jul 1
        ("bond-appeal", "2026-06-01", "2026-07-01", "30 days"),
        # Thu Jun 4 + 30 = Sat Jul 4 (Independence Day, observed Fri Jul 3), Sun Jul 5 -> Mon Jul 6
        ("bond-appeal", "2026-06-04", "2026-07-06", "Saturday holiday rolled to Monday"),
        # Tue Oct 27 + 30 = Thu Nov 26, Thanksgiving -> Fri Nov 27
        ("bond-appeal", "2026-10-27", "2026-11-27", "Thanksgiving rolled"),
        # EOIR-43 Mon Jun 15: Jun 16-18 (3), Fri 19 Juneteenth skipped, 22-26 (8), 29, 30 (10)
        ("dhs-bond-stay-appeal", "2026-06-15", "2026-06-30", "business days, Juneteenth"),
        # EOIR-43 Wed Dec 23: Dec 24 (1, a closure counts), Christmas skipped, Dec 28-31 (5),
        # Jan 1 skipped, Jan 4-8 (10)
        ("dhs-bond-stay-appeal", "2026-12-23", "2027-01-08", "Christmas and New Year skipped"),
        # negative credible fear approved Fri Jul 3: Fri Jul 10
        ("credible-fear-review", "2026-07-03", "2026-07-10", "7 calendar days"),
        # referral filed Mon Dec 21: Thu Dec 31 (Christmas counted: calendar days)
        ("reasonable-fear-review", "2026-12-21", "2026-12-31", "10 calendar days"),
        # referral filed Sat Dec 26: Tue Jan 5 (New Year's Day counted)
        ("reasonable-fear-review", "2026-12-26", "2027-01-05", "holidays count"),
    ],
)
def test_detention_worked_example(
    book: RuleBook, cal: BusinessCalendar, rule_id: str, on: str, due: str, why: str
) -> None:
    rule = book.get(rule_id)
    result = compute(rule, anchor_for(rule, date.fromisoformat(on)), cal)
    assert result.due == date.fromisoformat(due), (why, result.explanation)


def test_the_bond_appeal_explains_the_roll(book: RuleBook, cal: BusinessCalendar) -> None:
    rule = book.get("bond-appeal")
    result = compute(rule, anchor_for(rule, date(2026, 6, 4)), cal)
    assert result.explanation.startswith(
        "Bond decision Thu 2026-06-04 + 30 days = Sat 2026-07-04 → next business day Mon 2026-07-06"
    )


def test_the_bond_track_runs_beside_the_main_one(book: RuleBook, cal: BusinessCalendar) -> None:
    """A detained client at the hearings stage: two bond decisions (a redetermination after a
    material change) each get their own appeal date, while the case stays at its stage and its
    main-track deadlines (filing before the individual hearing) are unchanged."""
    base = CaseFacts(
        claim_type=ClaimType.DEFENSIVE,
        forum=ForumKind.IMMIGRATION_COURT,
        stage=Stage.HEARINGS,
        detained=True,
        hearings=(HearingFact(HearingKind.INDIVIDUAL, date(2026, 9, 14)),),
    )
    with_bond = CaseFacts(
        **{**base.__dict__, "bond_decisions": (date(2026, 6, 1), date(2026, 8, 3))}
    )
    bond = [
        (r.anchor.on, r.due) for r in for_case(with_bond, book, cal) if r.rule_id == "bond-appeal"
    ]
    # Mon Aug 3 + 30 = Wed Sep 2
    assert bond == [(date(2026, 6, 1), date(2026, 7, 1)), (date(2026, 8, 3), date(2026, 9, 2))]
    main = [r for r in for_case(base, book, cal)]
    assert [r for r in for_case(with_bond, book, cal) if r.rule_id != "bond-appeal"] == main


def test_bond_and_fear_reviews_are_hearings_not_stages() -> None:
    """The stage model did not grow: no stage names a bond or a fear review."""
    assert all("bond" not in s.value and "fear" not in s.value for s in Stage)
    assert {HearingKind.BOND, HearingKind.FEAR_REVIEW} <= set(HearingKind)
    assert allowed_stages(ClaimType.DEFENSIVE, Stage.HEARINGS)
