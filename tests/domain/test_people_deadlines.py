"""A family member's own one-year deadline, lawful status / TPS / parole and the "reasonable
period", limited (asylum-only, withholding-only) proceedings and the travel warning after a grant
(issue 18 § 2; asylum-rules.md §§ 1.7, 2.1, 8.2). Every date was counted by hand on a calendar.
"""

from __future__ import annotations

from datetime import date

import pytest

from clinic.domain.deadlines import BusinessCalendar, CaseFacts, DeadlineMemo
from clinic.domain.deadlines import deadlines_for_case as for_case
from clinic.domain.deadlines.rules import RuleBook
from clinic.domain.deadlines.shipped import load_shipped_calendar, load_shipped_rulebook
from clinic.domain.deadlines.wording import explanation_in
from clinic.domain.entries import FamilyFiler, StatusPeriod, derivative_notes
from clinic.domain.enums import (
    ClaimType,
    ForumKind,
    ProceedingKind,
    Relationship,
    Relief,
    Stage,
    StatusKind,
)


@pytest.fixture(scope="module")
def book() -> RuleBook:
    return load_shipped_rulebook()


@pytest.fixture(scope="module")
def cal() -> BusinessCalendar:
    return load_shipped_calendar()


def case(**facts: object) -> CaseFacts:
    values: dict[str, object] = {
        "claim_type": ClaimType.DEFENSIVE,
        "forum": ForumKind.IMMIGRATION_COURT,
        "stage": Stage.HEARINGS,
        "detained": False,
        "unaccompanied_child": False,
        "relief": frozenset({Relief.ASYLUM, Relief.WITHHOLDING, Relief.CAT}),
        "last_arrival": date(2025, 3, 14),
    }
    values.update(facts)
    return CaseFacts(**values)  # type: ignore[arg-type]


def rows(facts: CaseFacts, book: RuleBook, cal: BusinessCalendar, rule_id: str) -> list:  # type: ignore[type-arg]
    return [d for d in for_case(facts, book, cal) if d.rule_id == rule_id]


@pytest.mark.parametrize(
    ("arrival", "due", "why"),
    [
        # Fri 2025-07-04 + 1 year = Sat 2026-07-04 -> Mon 2026-07-06 (Fri Jul 3 is the observed holiday)
        ("2025-07-04", "2026-07-06", "weekend and holiday rolled"),
        # Tue 2025-11-11 + 1 year = Wed 2026-11-11, Veterans Day -> Thu 2026-11-12
        ("2025-11-11", "2026-11-12", "Veterans Day rolled"),
        # Thu 2025-12-25 + 1 year = Fri 2026-12-25, Christmas -> Mon 2026-12-28
        ("2025-12-25", "2026-12-28", "Christmas then a weekend"),
        # Wed 2025-04-16 + 1 year = Thu 2026-04-16, a business day: kept
        ("2025-04-16", "2026-04-16", "kept"),
    ],
)
def test_family_member_own_one_year_deadline_ina_208_a_2_b_worked_examples(
    book: RuleBook, cal: BusinessCalendar, arrival: str, due: str, why: str
) -> None:
    spouse = FamilyFiler(7, Relationship.SPOUSE, last_arrival=date.fromisoformat(arrival))
    (row,) = rows(case(family_filers=(spouse,)), book, cal, "family-one-year-filing")
    assert row.due == date.fromisoformat(due), (why, row.explanation)
    assert row.anchor.field == "member_last_arrival#7"
    assert row.explanation.startswith("Spouse's last arrival")
    assert "208(a)(2)(B)" in row.source and row.confidence == "confirmed"


def test_family_member_deadline_met_or_late_by_their_own_i589_8_cfr_208_4_a_2(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    arrived = date(2025, 7, 4)  # due Mon 2026-07-06
    on_time = FamilyFiler(3, Relationship.CHILD, arrived, i589_received=date(2026, 7, 6))
    late = FamilyFiler(4, Relationship.CHILD, arrived, i589_received=date(2026, 7, 7))
    # the principal's own filing does not meet a member's own deadline
    facts = case(family_filers=(on_time, late), i589_received=date(2025, 5, 1))
    met, missed = sorted(
        rows(facts, book, cal, "family-one-year-filing"), key=lambda r: r.anchor.field
    )
    assert met.settled == "met" and met.settled_on == date(2026, 7, 6)
    assert missed.settled == "" and "late_after:own_i589_received" in missed.flags
    assert "after this date, so late; an exception is needed" in missed.explanation


def test_derivatives_get_no_deadline_of_their_own_ina_208_b_3_a(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    assert rows(case(), book, cal, "family-one-year-filing") == []
    # a member filing their own I-589 with no entry recorded: no date can be counted yet
    unknown = FamilyFiler(5, Relationship.SPOUSE)
    assert rows(case(family_filers=(unknown,)), book, cal, "family-one-year-filing") == []


def test_derivative_notes_ina_208_b_3_a_and_b() -> None:
    today = date(2026, 12, 1)
    assert derivative_notes(
        Relationship.PARENT, derivative=True, files_own=False, birth=None,
        principal_filed=None, today=today,
    ) == ("not_spouse_or_child", "derivative_asylum_only")  # fmt: skip
    # 21 when the principal filed: INA 208(b)(3)(B) does not keep them a child
    assert derivative_notes(
        Relationship.CHILD, derivative=True, files_own=False, birth=date(2004, 1, 10),
        principal_filed=date(2025, 2, 1), today=today,
    ) == ("child_21_at_filing", "derivative_asylum_only")  # fmt: skip
    # under 21 on the day the principal's I-589 was received: protected, even if 21 now
    assert derivative_notes(
        Relationship.CHILD, derivative=True, files_own=True, birth=date(2004, 6, 10),
        principal_filed=date(2025, 2, 1), today=today,
    ) == ()  # fmt: skip
    assert derivative_notes(
        Relationship.SIBLING, derivative=False, files_own=False, birth=None,
        principal_filed=None, today=today,
    ) == ("no_own_filing",)  # fmt: skip


def test_status_held_on_the_anniversary_and_ended_after_it_gives_the_warning_8_cfr_208_4_a_5_iv(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    # arrival Tue 2024-08-20 (anniversary Wed 2025-08-20); F-1 until Fri 2026-05-15
    student = StatusPeriod(11, StatusKind.NONIMMIGRANT, "F-1", date(2024, 8, 20), date(2026, 5, 15))
    facts = case(last_arrival=date(2024, 8, 20), status_periods=(student,))
    (row,) = rows(facts, book, cal, "lawful-status-reasonable-period")
    # 2026-05-15 + 6 months = Sun 2026-11-15: a warning is never rolled
    assert row.due == date(2026, 11, 15)
    assert row.kind == "warning" and row.confidence == "unverified"
    assert "unverified_rule" in row.flags
    assert row.explanation.startswith("Nonimmigrant status ended Fri 2026-05-15")
    # filed: the warning is answered
    (answered,) = rows(
        case(
            last_arrival=date(2024, 8, 20),
            status_periods=(student,),
            i589_received=date(2026, 9, 1),
        ),
        book,
        cal,
        "lawful-status-reasonable-period",
    )
    assert answered.settled == "met"


def test_status_that_ended_before_the_anniversary_or_has_no_end_gives_no_warning(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    ended_early = StatusPeriod(1, StatusKind.PAROLE, start=date(2024, 8, 20), end=date(2025, 6, 1))
    still_held = StatusPeriod(2, StatusKind.TPS, start=date(2024, 8, 20))
    facts = case(last_arrival=date(2024, 8, 20), status_periods=(ended_early, still_held))
    assert rows(facts, book, cal, "lawful-status-reasonable-period") == []


def test_one_year_deadline_names_the_status_held_on_its_date_and_decides_nothing(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    tps = StatusPeriod(9, StatusKind.TPS, "Honduras", date(2024, 1, 1), date(2027, 1, 31))
    (row,) = rows(case(status_periods=(tps,)), book, cal, "one-year-filing")
    assert row.due == date(2026, 3, 16)  # arrival Fri 2025-03-14, the fact sheet's example
    assert "lawful_status_held:tps" in row.flags
    assert "TPS until Sun 2027-01-31: held on this date" in row.explanation
    assert "the attorney decides" in row.explanation
    assert row.settled == ""  # still open: no exception is assumed
    spanish = explanation_in(row.explanation, "es")
    assert "hasta dom 2027-01-31: vigente en esta fecha" in spanish
    # filed on time: the status does not matter and is not mentioned
    (met,) = rows(
        case(status_periods=(tps,), i589_received=date(2026, 3, 1)), book, cal, "one-year-filing"
    )
    assert met.settled == "met" and "lawful_status_held:tps" not in met.flags


def test_family_member_status_warning_counts_from_their_own_arrival_and_filing(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    parole = StatusPeriod(
        21, StatusKind.PAROLE, start=date(2023, 5, 2), end=date(2025, 5, 2), member_id=6
    )
    child = FamilyFiler(6, Relationship.CHILD, date(2023, 5, 2), statuses=(parole,))
    (row,) = rows(case(family_filers=(child,)), book, cal, "family-lawful-status-reasonable-period")
    assert row.due == date(2025, 11, 2)  # Sun, not rolled
    assert row.explanation.startswith("Parole ended (child) Fri 2025-05-02")
    (one_year,) = rows(case(family_filers=(child,)), book, cal, "family-one-year-filing")
    assert one_year.due == date(2024, 5, 2)  # Thu 2024-05-02
    assert "lawful_status_held:parole" in one_year.flags


def test_withholding_only_has_no_one_year_deadline_and_a_protective_petition_8_cfr_1208_2_c(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = case(
        proceeding=ProceedingKind.WITHHOLDING_ONLY,
        relief=frozenset({Relief.WITHHOLDING, Relief.CAT, Relief.ASYLUM}),
        reinstated_order=date(2026, 6, 4),
        limited_referral=date(2026, 6, 20),
        vd_order=date(2026, 6, 20),
        vd_days=60,
    )
    ids = {d.rule_id for d in for_case(facts, book, cal)}
    assert "one-year-filing" not in ids  # withholding and CAT only: no asylum, no one-year bar
    assert "voluntary-departure" not in ids  # 1208.2(c)(3)(i): no other relief
    (pfr,) = rows(facts, book, cal, "withholding-only-protective-pfr")
    # Thu 2026-06-04 + 30 = Sat 2026-07-04 -> Mon 2026-07-06 (Riley v. Bondi, 2025)
    assert pfr.due == date(2026, 7, 6)
    assert "Riley v. Bondi" in pfr.source
    (scope,) = rows(facts, book, cal, "limited-proceedings-scope")
    assert scope.due == date(2026, 6, 20) and "1208.2(c)" in scope.source


def test_asylum_only_keeps_the_one_year_deadline_but_not_voluntary_departure(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = case(
        proceeding=ProceedingKind.ASYLUM_ONLY,
        reinstated_order=date(2026, 6, 4),
        vd_order=date(2026, 6, 20),
        vd_days=60,
    )
    ids = {d.rule_id for d in for_case(facts, book, cal)}
    assert "one-year-filing" in ids
    assert "voluntary-departure" not in ids
    assert "withholding-only-protective-pfr" not in ids
    removal = case(vd_order=date(2026, 6, 20), vd_days=60)
    assert "voluntary-departure" in {d.rule_id for d in for_case(removal, book, cal)}


def test_post_grant_travel_warning_8_cfr_223_and_208_24_even_after_closing(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = case(stage=Stage.CLOSED, asylum_granted=date(2026, 9, 8))
    (row,) = rows(facts, book, cal, "post-grant-travel-warning")
    assert row.due == date(2026, 9, 8) and row.kind == "warning"
    assert "223.1(b)" in row.source and "208.24" in row.source
    assert "asylum-rules" not in row.source.lower()  # a primary source, never the fact sheet
    cat_only = case(asylum_granted=date(2026, 9, 8), relief=frozenset({Relief.CAT}))
    assert rows(cat_only, book, cal, "post-grant-travel-warning") == []


def test_memo_gives_the_same_results_with_people_facts(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    memo = DeadlineMemo(book, cal)
    tps = StatusPeriod(9, StatusKind.TPS, start=date(2024, 1, 1), end=date(2027, 1, 31))
    child = FamilyFiler(6, Relationship.CHILD, date(2025, 7, 4), date(2026, 7, 7))
    plain = case()
    rich = case(status_periods=(tps,), family_filers=(child,))
    for facts in (plain, rich, plain, rich):
        assert memo.deadlines_for_case(facts) == for_case(facts, book, cal)
