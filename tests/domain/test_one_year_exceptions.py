"""The one-year bar's exceptions recorded as their kind and dates (issue 18 § 2; asylum-rules.md
§ 1.7, § 8.2): changed circumstances (INA 208(a)(2)(D); 8 CFR 208.4(a)(4)) and extraordinary
circumstances (8 CFR 208.4(a)(5)), each with the date it arose or began, the date it ended, and the
"reasonable period" warnings (Matter of T-M-H- & S-W-C-, 25 I&N Dec. 193 (BIA 2010)). Every date
was counted by hand on a calendar.
"""

from __future__ import annotations

from datetime import date

import pytest

from clinic.domain.deadlines import BusinessCalendar, CaseFacts, ComputedDeadline, DeadlineMemo
from clinic.domain.deadlines import deadlines_for_case as for_case
from clinic.domain.deadlines.rules import RuleBook
from clinic.domain.deadlines.shipped import load_shipped_calendar, load_shipped_rulebook
from clinic.domain.deadlines.wording import explanation_in
from clinic.domain.enums import ClaimType, ForumKind, Relief, Stage

CHANGED = "changed-circumstances-reasonable-period"
ENDED = "exception-reasonable-period-warning"
ONE_YEAR = "one-year-filing"


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
        "last_arrival": date(2024, 3, 14),  # Thu; the one-year deadline is Fri 2025-03-14
    }
    values.update(facts)
    return CaseFacts(**values)  # type: ignore[arg-type]


def rows(
    facts: CaseFacts, book: RuleBook, cal: BusinessCalendar, rule_id: str
) -> list[ComputedDeadline]:
    return [d for d in for_case(facts, book, cal) if d.rule_id == rule_id]


def test_the_one_year_deadline_is_the_anniversary_of_the_last_arrival(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    (row,) = rows(case(), book, cal, ONE_YEAR)
    assert row.due == date(2025, 3, 14)


@pytest.mark.parametrize(
    ("arose", "due", "why"),
    [
        # Fri 2025-03-14 + 6 months = Sun 2025-09-14: a warning date is not rolled
        (("2025-03-14",), "2025-09-14", "a warning on a Sunday stays on the Sunday"),
        # the latest change counts: Tue 2025-05-20 + 6 months = Thu 2025-11-20
        (("2025-01-10", "2025-05-20"), "2025-11-20", "the latest of two changes"),
        # Fri 2025-08-29 + 6 months: no 29 February in 2026, so the month's last day, Sat 2026-02-28
        (("2025-08-29",), "2026-02-28", "month end, the earlier date"),
        # Wed 2025-12-31 + 6 months = Tue 2026-06-30 (no 31 June: the 30th)
        (("2025-12-31",), "2026-06-30", "no 31 June"),
    ],
)
def test_changed_circumstances_reasonable_period_warning_8_cfr_208_4_a_4_ii_worked_examples(
    book: RuleBook, cal: BusinessCalendar, arose: tuple[str, ...], due: str, why: str
) -> None:
    facts = case(changed_circumstances=tuple(date.fromisoformat(d) for d in arose))
    (row,) = rows(facts, book, cal, CHANGED)
    assert row.due == date.fromisoformat(due), (why, row.explanation)
    assert row.explanation.startswith("Changed circumstances arose")
    assert row.kind == "warning" and row.confidence == "unverified"
    assert "208.4(a)(4)(ii)" in row.source and "T-M-H-" in row.source
    assert "fact sheet" not in row.source.lower()


def test_no_changed_circumstance_recorded_gives_no_warning(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    assert rows(case(), book, cal, CHANGED) == []
    assert rows(case(), book, cal, ENDED) == []


def test_the_warnings_close_once_the_i589_is_received_8_cfr_208_4_a_4_a_5(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = case(
        changed_circumstances=(date(2025, 5, 20),),
        exception_event_end=date(2025, 6, 30),  # Mon + 6 months = Tue 2025-12-30
        i589_received=date(2025, 10, 1),  # Wed
    )
    (changed,) = rows(facts, book, cal, CHANGED)
    (ended,) = rows(facts, book, cal, ENDED)
    assert ended.due == date(2025, 12, 30)
    for row in (changed, ended):
        assert row.settled == "met" and row.settled_on == date(2025, 10, 1)
        assert "I-589 received Wed 2025-10-01: filed, so this warning no longer applies" in (
            row.explanation
        )


def test_late_one_year_deadline_names_the_recorded_changed_circumstance_8_cfr_208_4_a_4(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = case(changed_circumstances=(date(2025, 5, 20),), i589_received=date(2025, 10, 1))
    (row,) = rows(facts, book, cal, ONE_YEAR)
    assert row.settled == ""
    assert "late_after:i589_received" in row.flags
    assert "one_year_exception:changed" in row.flags
    assert "one_year_exception:extraordinary" not in row.flags
    assert (
        "One-year exception recorded: changed circumstances Tue 2025-05-20; the I-589 must "
        "still be filed within a reasonable period (8 CFR 208.4(a)(4)-(5)); the attorney "
        "decides whether the exception applies"
    ) in row.explanation


def test_extraordinary_circumstance_with_its_end_8_cfr_208_4_a_5(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    # a serious illness from Fri 2025-01-10 to Mon 2025-06-30; not filed yet
    facts = case(
        extraordinary_circumstances=(date(2025, 1, 10),), exception_event_end=date(2025, 6, 30)
    )
    (row,) = rows(facts, book, cal, ONE_YEAR)
    assert "one_year_exception:extraordinary" in row.flags
    assert "one_year_exception:changed" not in row.flags
    assert (
        "One-year exception recorded: extraordinary circumstances Fri 2025-01-10, circumstance "
        "ended Mon 2025-06-30;"
    ) in row.explanation
    (warning,) = rows(facts, book, cal, ENDED)
    assert warning.due == date(2025, 12, 30) and warning.settled == ""
    assert rows(facts, book, cal, CHANGED) == []


def test_both_kinds_recorded_are_both_named(book: RuleBook, cal: BusinessCalendar) -> None:
    facts = case(
        changed_circumstances=(date(2025, 5, 20),),
        extraordinary_circumstances=(date(2025, 1, 10),),
    )
    (row,) = rows(facts, book, cal, ONE_YEAR)
    assert row.flags[-2:] == ("one_year_exception:changed", "one_year_exception:extraordinary")
    assert "changed circumstances Tue 2025-05-20, extraordinary circumstances Fri 2025-01-10" in (
        row.explanation
    )


def test_an_end_date_recorded_without_its_kind_says_the_kind_is_not_recorded(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    (row,) = rows(case(exception_event_end=date(2025, 6, 30)), book, cal, ONE_YEAR)
    assert "one_year_exception:kind_not_recorded" in row.flags
    assert "circumstance ended Mon 2025-06-30" in row.explanation


def test_a_timely_filing_needs_no_exception_and_names_none_8_cfr_208_4_a_2(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = case(changed_circumstances=(date(2025, 1, 10),), i589_received=date(2025, 3, 14))
    (row,) = rows(facts, book, cal, ONE_YEAR)
    assert row.settled == "met"
    assert not any(flag.startswith("one_year_exception") for flag in row.flags)
    assert "One-year exception" not in row.explanation


def test_the_memo_does_not_reuse_a_note_across_cases(book: RuleBook, cal: BusinessCalendar) -> None:
    """Two cases alike but for the exception recorded: each gets its own words (the results
    are memoised by what they read)."""
    memo = DeadlineMemo(book, cal)
    plain = [d for d in memo.deadlines_for_case(case()) if d.rule_id == ONE_YEAR]
    claimed = [
        d
        for d in memo.deadlines_for_case(case(changed_circumstances=(date(2025, 5, 20),)))
        if d.rule_id == ONE_YEAR
    ]
    assert "One-year exception" not in plain[0].explanation
    assert "One-year exception" in claimed[0].explanation


def test_unaccompanied_child_has_no_one_year_deadline_nor_exception_warning_ina_208_a_2_e(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = case(unaccompanied_child=True, changed_circumstances=(date(2025, 5, 20),))
    assert rows(facts, book, cal, ONE_YEAR) == []
    assert rows(facts, book, cal, CHANGED) == []


def test_the_words_read_in_spanish(book: RuleBook, cal: BusinessCalendar) -> None:
    facts = case(
        changed_circumstances=(date(2025, 5, 20),),
        extraordinary_circumstances=(date(2025, 1, 10),),
        exception_event_end=date(2025, 6, 30),
    )
    (row,) = rows(facts, book, cal, ONE_YEAR)
    (warning,) = rows(facts, book, cal, CHANGED)
    for english in (row.explanation, warning.explanation):
        spanish = explanation_in(english, "es")
        for phrase in (
            "One-year exception recorded",
            "changed circumstances",
            "extraordinary circumstances",
            "circumstance ended",
            "reasonable period",
            "Changed circumstances arose",
        ):
            assert phrase not in spanish, (phrase, spanish)
        assert "2025-05-20" in spanish
