"""Worked deadline examples, each checked by hand against a calendar (fact sheet sections 2, 4, 6).

Holidays used below (5 U.S.C. 6103 with observed dates): 2026-07-03 Fri = Independence Day observed
(July 4 is a Saturday); 2027-06-18 Fri = Juneteenth observed; 2027-12-24 Fri = Christmas observed;
2027-12-31 Fri = New Year's Day 2028 observed; 2028-11-10 Fri = Veterans Day observed; 2022-12-26 Mon
= Christmas observed; 2029-11-12 Mon = Veterans Day observed. Closures: 2025-12-24 and 2025-12-26
(executive order; policy "warn": flagged, never extended).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clinic.domain.deadlines import (
    Anchor,
    BusinessCalendar,
    CaseFacts,
    HearingFact,
    OneYearStatus,
    anchor_for,
    compute,
    deadlines_for_case,
    one_year_status,
)
from clinic.domain.deadlines.rules import ClosurePolicy, RuleBook
from clinic.domain.deadlines.shipped import load_shipped_rulebook
from clinic.domain.enums import ClaimType, ForumKind, HearingKind, Relief

EVE = "EO closure Christmas Eve 2025"
AFTER = "EO closure Dec 26, 2025"
CLOSURES = {date(2025, 12, 24): EVE, date(2025, 12, 26): AFTER}
UNVERIFIED = "unverified_rule"


@pytest.fixture(scope="module")
def book() -> RuleBook:
    return load_shipped_rulebook()


@pytest.fixture(scope="module")
def cal() -> BusinessCalendar:
    return BusinessCalendar(CLOSURES)


def ex(
    rule: str,
    anchor: str,
    due: str,
    *,
    safe: str | None = None,
    unrolled: str | None = None,
    days: int | None = None,
    extra: int = 0,
    flags: tuple[str, ...] = (),
    why: str,
) -> object:
    return pytest.param(rule, anchor, due, safe, unrolled, days, extra, flags, id=f"{rule}: {why}")


# fmt: off
EXAMPLES = [
    # --- R1 one-year deadline: anniversary of last arrival, rolled forward -------------------------
    ex("one-year-filing", "2025-03-14", "2026-03-16", unrolled="2026-03-14", why="fact sheet Fri arrival, Sat anniversary"),
    ex("one-year-filing", "2025-07-04", "2026-07-06", unrolled="2026-07-04", why="fact sheet lands Sat July 4 2026"),
    ex("one-year-filing", "2025-07-03", "2026-07-06", unrolled="2026-07-03", why="fact sheet lands Fri July 3 2026 observed"),
    ex("one-year-filing", "2025-06-10", "2026-06-10", unrolled="2026-06-10", why="plain weekday, no roll"),
    ex("one-year-filing", "2024-02-29", "2025-02-28", flags=("leap_day_arrival",), why="Feb 29 2024 -> Feb 28 2025"),
    ex("one-year-filing", "2028-02-29", "2029-02-28", flags=("leap_day_arrival",), why="Feb 29 2028 -> Wed Feb 28 2029"),
    ex("one-year-filing", "2027-02-28", "2028-02-28", why="Feb 28 into a leap year stays Feb 28"),
    ex("one-year-filing", "2023-02-28", "2024-02-28", why="Feb 28 2023 -> Wed Feb 28 2024, not Feb 29"),
    ex("one-year-filing", "2024-12-31", "2025-12-31", why="year end on a Wednesday"),
    ex("one-year-filing", "2021-12-31", "2023-01-03", why="Sat Dec 31 2022, Sun Jan 1, Mon Jan 2 observed"),
    ex("one-year-filing", "2026-12-31", "2028-01-03", unrolled="2027-12-31", why="Fri 2027-12-31 is New Year 2028 observed"),
    ex("one-year-filing", "2027-01-01", "2028-01-03", why="Sat Jan 1 2028 New Year's Day"),
    ex("one-year-filing", "2025-01-19", "2026-01-20", why="MLK Day Mon 2026-01-19"),
    ex("one-year-filing", "2025-02-16", "2026-02-17", why="Presidents' Day Mon 2026-02-16"),
    ex("one-year-filing", "2025-05-25", "2026-05-26", why="Memorial Day Mon 2026-05-25"),
    ex("one-year-filing", "2025-06-19", "2026-06-22", why="Juneteenth Fri 2026-06-19 then weekend"),
    ex("one-year-filing", "2026-06-18", "2027-06-21", why="Juneteenth 2027 observed Fri June 18"),
    ex("one-year-filing", "2026-06-19", "2027-06-21", why="Juneteenth Sat 2027-06-19"),
    ex("one-year-filing", "2025-09-07", "2026-09-08", why="Labor Day Mon 2026-09-07"),
    ex("one-year-filing", "2025-10-12", "2026-10-13", why="Columbus Day Mon 2026-10-12"),
    ex("one-year-filing", "2027-11-10", "2028-11-13", why="Veterans Day 2028 observed Fri Nov 10"),
    ex("one-year-filing", "2027-11-11", "2028-11-13", why="Veterans Day Sat 2028-11-11"),
    ex("one-year-filing", "2028-11-11", "2029-11-13", why="Veterans Day Sun 2029, observed Mon Nov 12"),
    ex("one-year-filing", "2025-11-26", "2026-11-27", why="Thanksgiving Thu -> Fri is a business day"),
    ex("one-year-filing", "2026-12-24", "2027-12-27", why="Christmas 2027 observed Fri Dec 24"),
    ex("one-year-filing", "2026-12-25", "2027-12-27", why="Christmas Sat 2027-12-25"),
    ex("one-year-filing", "2021-12-25", "2022-12-27", why="Christmas Sun 2022, observed Mon Dec 26"),
    ex("one-year-filing", "2021-12-26", "2022-12-27", why="lands on Mon 2022-12-26 observed"),
    ex("one-year-filing", "2032-01-20", "2033-01-20", why="Inauguration Day is not a holiday here"),
    ex("one-year-filing", "1995-06-03", "1998-04-01", why="arrival before April 1 1997 counts from then"),
    # --- R4/R5 back-counted pre-hearing filings: ICPM date and safe preceding business day ---------
    ex("individual-hearing-filing", "2026-07-20", "2026-07-06", safe="2026-07-02", unrolled="2026-07-05", why="Sun, then July 3/4 holiday"),
    ex("individual-hearing-filing", "2026-03-27", "2026-03-12", safe="2026-03-12", why="weekday needs no roll"),
    ex("individual-hearing-filing", "2026-03-30", "2026-03-16", safe="2026-03-13", unrolled="2026-03-15", why="lands on Sunday"),
    ex("individual-hearing-filing", "2026-02-03", "2026-01-20", safe="2026-01-16", why="lands on MLK Day"),
    ex("individual-hearing-filing", "2026-12-11", "2026-11-27", safe="2026-11-25", why="lands on Thanksgiving"),
    ex("individual-hearing-filing", "2028-01-10", "2027-12-27", safe="2027-12-23", why="Sun Dec 26 after Christmas observed Fri"),
    ex("individual-hearing-filing", "2026-06-09", "2026-05-26", safe="2026-05-22", why="lands on Memorial Day"),
    ex("individual-hearing-filing", "2026-09-22", "2026-09-08", safe="2026-09-04", why="lands on Labor Day"),
    ex("individual-hearing-filing", "2026-10-27", "2026-10-13", safe="2026-10-09", why="lands on Columbus Day"),
    ex("individual-hearing-filing", "2026-03-03", "2026-02-17", safe="2026-02-13", why="lands on Presidents' Day"),
    ex("individual-hearing-filing", "2027-07-19", "2027-06-21", safe="2027-06-17", days=30, why="30 days: Sat Juneteenth 2027"),
    ex("individual-hearing-filing", "2026-03-30", "2026-03-02", safe="2026-02-27", days=30, why="30 days: Sat Feb 28"),
    ex("individual-hearing-filing", "2028-01-18", "2028-01-03", safe="2027-12-30", days=18, why="18 days: New Year 2028 observed"),
    ex("individual-hearing-filing", "2028-11-30", "2028-11-13", safe="2028-11-09", days=20, why="20 days: Veterans Day observed"),
    ex(
        "individual-hearing-filing", "2026-07-06", "2026-07-02", safe="2026-07-02", unrolled="2026-07-04", days=2,
        flags=("roll_capped_before_anchor",), why="2 days: ICPM roll would reach the hearing, safe date used",
    ),
    ex("master-calendar-filing", "2026-07-17", "2026-07-02", safe="2026-07-02", why="Thu before the observed holiday"),
    ex("master-calendar-filing", "2026-07-20", "2026-07-06", safe="2026-07-02", why="same dates as individual rule"),
    ex("master-calendar-filing", "2023-01-10", "2022-12-27", safe="2022-12-23", why="lands on Christmas observed Mon"),
    ex("master-calendar-filing", "2027-02-02", "2027-01-19", safe="2027-01-15", why="lands on MLK Day 2027"),
    ex(
        "master-calendar-filing", "2026-01-09", "2025-12-26", safe="2025-12-23",
        flags=(f"closure_not_extended:{AFTER}",), why="Christmas then EO closure, safe skips closures",
    ),
    # --- R6 responses, R7 judge-ordered --------------------------------------------------------------
    ex("response-to-filing", "2026-06-24", "2026-07-06", why="Sat July 4 2026"),
    ex("response-to-filing", "2026-11-17", "2026-11-27", why="Fri after Thanksgiving is open"),
    ex("response-to-filing", "2026-11-16", "2026-11-27", why="lands on Thanksgiving"),
    ex("judge-ordered", "2026-07-04", "2026-07-06", why="IJ set Sat July 4 2026"),
    ex("judge-ordered", "2026-07-03", "2026-07-06", why="IJ set Fri July 3 2026 observed"),
    ex("judge-ordered", "2027-06-18", "2027-06-21", why="IJ set Juneteenth observed 2027"),
    ex("judge-ordered", "2026-11-26", "2026-11-27", why="IJ set Thanksgiving"),
    ex("judge-ordered", "2028-01-17", "2028-01-18", why="IJ set MLK Day 2028"),
    ex("judge-ordered", "2026-03-12", "2026-03-12", why="IJ set a business day"),
    ex("judge-ordered", "2025-12-24", "2025-12-24", flags=(f"closure_not_extended:{EVE}",), why="EO closure not extended"),
    # --- R8-R12 post-decision --------------------------------------------------------------------
    ex("bia-appeal", "2025-12-02", "2026-01-02", why="lands on New Year's Day 2026"),
    ex("bia-appeal", "2026-05-29", "2026-06-29", why="lands on Sunday"),
    ex("bia-appeal", "2026-05-20", "2026-06-22", why="lands on Juneteenth Fri 2026"),
    ex("bia-appeal", "2025-11-24", "2025-12-24", flags=(f"closure_not_extended:{EVE}",), why="lands on EO closure"),
    ex("motion-to-reconsider", "2026-06-05", "2026-07-06", why="Sun July 5 2026"),
    ex("motion-to-reconsider", "2026-01-30", "2026-03-02", unrolled="2026-03-01", why="no Feb 29 in 2026"),
    ex("motion-to-reconsider", "2024-01-30", "2024-02-29", why="leap day 2024 is a Thursday"),
    ex("motion-to-reopen", "2025-10-06", "2026-01-05", why="90 days to Sun Jan 4 2026"),
    ex("motion-to-reopen", "2024-12-03", "2025-03-03", why="90 days across short February"),
    ex("in-absentia-motion-to-reopen", "2026-01-05", "2026-07-06", why="180 days to Sat July 4 2026"),
    ex("petition-for-review", "2026-10-27", "2026-11-27", why="lands on Thanksgiving"),
    ex("petition-for-review", "2027-11-25", "2027-12-27", why="Sat Christmas 2027"),
    # --- R13 voluntary departure ------------------------------------------------------------------
    ex("voluntary-departure", "2026-05-05", "2026-07-06", days=60, why="60 days to Sat July 4 (Monsalvo)"),
    ex("voluntary-departure", "2026-03-06", "2026-07-06", days=120, why="120 days to Sat July 4"),
    ex("voluntary-departure", "2026-05-29", "2026-06-29", days=30, why="30 days to Sunday"),
    ex("voluntary-departure-bond", "2026-07-02", "2026-07-10", why="5 business days skip July 3 observed"),
    ex("voluntary-departure-bond", "2026-11-25", "2026-12-03", why="5 business days skip Thanksgiving"),
    ex("voluntary-departure-bond", "2027-12-17", "2027-12-27", why="5 business days skip Christmas observed"),
    ex(
        "voluntary-departure-bond", "2025-12-19", "2025-12-29",
        flags=(f"closure_not_extended:{EVE}", f"closure_not_extended:{AFTER}"), why="EO closures counted",
    ),
    # --- earliest dates, reminders and warnings are never rolled ----------------------------------
    ex("nta-first-hearing-minimum", "2026-06-24", "2026-07-04", why="earliest date on Sat July 4 stays"),
    ex("ead-earliest-filing", "2025-01-06", "2025-06-05", why="150 days"),
    ex("ead-earliest-filing", "2025-01-06", "2025-06-17", extra=12, why="150 + 12 stopped-clock days"),
    ex("ead-earliest-filing", "2026-02-04", "2026-07-04", why="150 days on Sat July 4, not rolled"),
    ex("ead-earliest-grant", "2025-01-06", "2025-07-05", why="180 days on a Saturday, not rolled"),
    ex("ead-earliest-grant", "2025-01-06", "2025-07-25", extra=20, why="180 + 20 stopped-clock days"),
    ex("ead-renewal-reminder", "2026-12-31", "2026-07-04", why="180 days before expiry, not rolled"),
    ex("ead-termination-after-denial", "2026-06-04", "2026-07-04", why="30 days after IJ denial, not rolled"),
    ex("annual-asylum-fee", "2025-03-14", "2026-03-14", why="filing anniversary, not rolled"),
    ex("aaf-payment", "2026-06-04", "2026-07-04", why="pay-by not rolled (conservative)"),
    ex("biometrics-warning", "2026-08-03", "2026-07-04", why="30 days before merits hearing"),
    ex("uscis-completeness", "2025-11-24", "2025-12-24", flags=(UNVERIFIED,), why="reminder on closure day"),
    ex("interview-lifo-window", "2026-06-01", "2026-06-22", why="21 days"),
    ex("exception-reasonable-period-warning", "2025-03-15", "2025-09-15", flags=(UNVERIFIED,), why="6 months"),
    ex(
        "exception-reasonable-period-warning", "2025-08-31", "2026-02-28",
        flags=("month_end_clamped", UNVERIFIED), why="Aug 31 + 6 months -> Feb 28",
    ),
    # --- address changes, post-grant --------------------------------------------------------------
    ex("eoir-33-address-change", "2026-06-29", "2026-07-06", why="5 days to Sat July 4"),
    ex("eoir-33-address-change", "2025-12-31", "2026-01-05", why="5 days across New Year"),
    ex("ar-11-address-change", "2026-11-16", "2026-11-27", why="10 days to Thanksgiving"),
    ex("ar-11-address-change", "2027-12-15", "2027-12-27", why="10 days to Sat Christmas 2027"),
    # 8 CFR 208.21(d) confirmed (review of Dec 2026, C10): no "verify" flag any more
    ex("i-730-follow-to-join", "2025-07-04", "2027-07-06", why="Sun July 4 2027, Mon observed"),
    ex(
        "i-730-follow-to-join", "2024-02-29", "2026-03-02", unrolled="2026-02-28",
        flags=("leap_day_anchor",), why="Feb 29 grant + 2 years",
    ),
    ex("asylee-adjustment", "2025-07-04", "2026-07-04", why="earliest date not rolled"),
    ex("asylee-adjustment", "2024-02-29", "2025-02-28", flags=("leap_day_anchor",), why="Feb 29 grant"),
]
# fmt: on


@pytest.mark.parametrize(
    ("rule_id", "anchor", "due", "safe", "unrolled", "days", "extra", "flags"), EXAMPLES
)
def test_worked_example(
    book: RuleBook,
    cal: BusinessCalendar,
    rule_id: str,
    anchor: str,
    due: str,
    safe: str | None,
    unrolled: str | None,
    days: int | None,
    extra: int,
    flags: tuple[str, ...],
) -> None:
    rule = book.get(rule_id)
    result = compute(
        rule,
        Anchor(rule.trigger, "Anchor", date.fromisoformat(anchor)),
        cal,
        days=days,
        extra_days=extra,
    )
    assert result.due == date.fromisoformat(due), result.explanation
    if rule.direction == "back" and rule.roll == "next_business_day":
        assert result.safe_due == date.fromisoformat(safe or due), result.explanation
    else:
        assert safe is None
        assert result.safe_due is None
    if unrolled is not None:
        assert result.unrolled == date.fromisoformat(unrolled)
    assert result.flags == flags


def test_there_are_at_least_seventy_examples() -> None:
    assert len(EXAMPLES) >= 70


# --- explanations -----------------------------------------------------------------------------------


def test_explanation_matches_the_fact_sheet_wording(book: RuleBook, cal: BusinessCalendar) -> None:
    anchor = Anchor("last_arrival", "Last arrival", date(2025, 3, 14))
    assert anchor_for(book.get("one-year-filing"), date(2025, 3, 14)) == anchor
    result = compute(book.get("one-year-filing"), anchor, cal)
    assert result.explanation == (
        "Last arrival Fri 2025-03-14 + 1 year = Sat 2026-03-14 → next business day Mon 2026-03-16"
    )
    assert result.anchor == anchor
    assert result.source.startswith("INA 208(a)(2)(B)")
    assert result.confidence == "confirmed"
    assert result.kind == "deadline"


def test_explanation_names_the_holiday_and_its_observed_day(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    anchor = Anchor("last_arrival", "Last arrival", date(2025, 7, 4))
    text = compute(book.get("one-year-filing"), anchor, cal).explanation
    assert text.startswith(
        "Last arrival Fri 2025-07-04 + 1 year = Sat 2026-07-04 → next business day Mon 2026-07-06"
    )
    assert "Sat 2026-07-04 is Independence Day (observed Fri 2026-07-03)" in text


def test_back_counted_explanation_shows_icpm_and_safe_dates(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    anchor = Anchor("hearing", "Individual hearing", date(2026, 7, 20))
    text = compute(book.get("individual-hearing-filing"), anchor, cal).explanation
    assert text.startswith(
        "Individual hearing Mon 2026-07-20 - 15 days = Sun 2026-07-05 → ICPM: next business day "
        "Mon 2026-07-06; safe date: preceding business day Thu 2026-07-02"
    )
    assert "Fri 2026-07-03 is Independence Day (observed)" in text


def test_explanation_of_leap_day_stopped_clock_and_no_roll(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    leap = compute(
        book.get("one-year-filing"), Anchor("last_arrival", "Last arrival", date(2024, 2, 29)), cal
    )
    assert "no Feb 29 in 2025" in leap.explanation and "attorney review" in leap.explanation
    ead = compute(
        book.get("ead-earliest-filing"),
        Anchor("i589_received", "I-589 received", date(2025, 1, 6)),
        cal,
        extra_days=12,
    )
    assert (
        ead.explanation
        == "I-589 received Mon 2025-01-06 + 150 days + 12 stopped-clock days = Tue 2025-06-17"
    )
    grant = compute(
        book.get("ead-earliest-grant"),
        Anchor("i589_received", "I-589 received", date(2025, 1, 6)),
        cal,
    )
    assert grant.explanation.endswith("= Sat 2025-07-05 (an earliest date is not rolled)")


def test_closure_warning_is_explained(book: RuleBook, cal: BusinessCalendar) -> None:
    result = compute(
        book.get("bia-appeal"), Anchor("decision", "IJ decision", date(2025, 11, 24)), cal
    )
    assert (
        "Wed 2025-12-24 is a closure day (EO closure Christmas Eve 2025): not extended"
        in result.explanation
    )


def test_closure_policy_extend_treats_closures_as_holidays(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    rule = replace(book.get("bia-appeal"), closure_policy=ClosurePolicy.EXTEND)
    result = compute(rule, Anchor("decision", "IJ decision", date(2025, 11, 24)), cal)
    assert result.due == date(
        2025, 12, 29
    )  # Wed 24 closed, Thu 25 Christmas, Fri 26 closed, weekend
    assert result.flags == ()


# --- the calendar itself -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "name"),
    [
        ("2026-07-03", "Independence Day (observed)"),
        ("2026-07-04", "Independence Day"),
        ("2027-06-18", "Juneteenth National Independence Day (observed)"),
        ("2027-12-24", "Christmas Day (observed)"),
        ("2022-12-26", "Christmas Day (observed)"),
        ("2027-12-31", "New Year's Day (observed)"),
        ("2028-11-10", "Veterans Day (observed)"),
        ("2026-11-26", "Thanksgiving Day"),
        ("2025-01-20", "Martin Luther King Jr. Day"),  # also Inauguration Day 2025: not named
        ("2033-01-20", None),  # Inauguration Day (Thursday): a business day outside D.C.
        ("2021-01-20", None),
        ("2026-11-27", None),  # day after Thanksgiving is not a federal holiday
    ],
)
def test_holiday_names(day: str, name: str | None) -> None:
    assert BusinessCalendar().holiday_name(date.fromisoformat(day)) == name


def test_business_day_helpers(cal: BusinessCalendar) -> None:
    assert cal.next_business_day(date(2026, 7, 2)) == date(2026, 7, 6)
    assert cal.previous_business_day(date(2026, 7, 6)) == date(2026, 7, 2)
    assert cal.next_business_day(date(2025, 12, 23)) == date(2025, 12, 29)
    assert cal.next_business_day(date(2025, 12, 23), honor_closures=False) == date(2025, 12, 24)
    assert cal.closure_reason(date(2025, 12, 26)) == AFTER
    assert not cal.is_business_day(date(2025, 12, 24))
    assert cal.is_business_day(date(2025, 12, 24), honor_closures=False)
    days = dict(cal.non_business_days(2025))
    assert days[date(2025, 12, 24)] == EVE and days[date(2025, 12, 25)] == "Christmas Day"


# --- whole cases ----------------------------------------------------------------------------------


def _defensive(**changes: object) -> CaseFacts:
    base = CaseFacts(
        claim_type=ClaimType.DEFENSIVE,
        forum=ForumKind.IMMIGRATION_COURT,
        detained=False,
        relief=frozenset({Relief.ASYLUM, Relief.WITHHOLDING, Relief.CAT}),
        unaccompanied_child=False,
        last_arrival=date(2025, 3, 14),
        hearings=(
            HearingFact(HearingKind.MASTER_CALENDAR, date(2026, 1, 9)),
            HearingFact(HearingKind.INDIVIDUAL, date(2026, 7, 20)),
        ),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_case_deadlines_per_hearing_sorted(book: RuleBook, cal: BusinessCalendar) -> None:
    results = deadlines_for_case(_defensive(), book, cal)
    summary = [(r.rule_id, r.due) for r in results]
    assert summary == [
        ("master-calendar-filing", date(2025, 12, 26)),
        ("one-year-filing", date(2026, 3, 16)),
        ("biometrics-warning", date(2026, 6, 20)),
        ("individual-hearing-filing", date(2026, 7, 6)),
    ]
    assert all(not r.flags or r.flags[0].startswith("closure") for r in results)


def test_detained_case_gets_no_computed_pre_hearing_date(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    results = deadlines_for_case(_defensive(detained=True), book, cal)
    court = [r for r in results if "court_set_when_detained" in r.flags]
    assert {r.rule_id for r in court} == {"master-calendar-filing", "individual-hearing-filing"}
    assert all(r.due is None and r.safe_due is None for r in court)
    assert results[-1].due is None  # undated entries sort last
    single = compute(
        book.get("individual-hearing-filing"),
        Anchor("hearing", "Individual hearing", date(2026, 7, 20)),
        cal,
        detained=True,
    )
    assert single.due is None and "court sets" in single.explanation


def test_uac_has_no_one_year_deadline(book: RuleBook, cal: BusinessCalendar) -> None:
    ids = {r.rule_id for r in deadlines_for_case(_defensive(unaccompanied_child=True), book, cal)}
    assert "one-year-filing" not in ids
    status = one_year_status(date(2025, 3, 14), None, cal, book, unaccompanied_child=True)
    assert status is OneYearStatus.NOT_APPLICABLE
    assert status.value == "not_applicable"


@pytest.mark.parametrize(
    ("arrival", "filed", "status"),
    [
        ("2025-03-14", "2026-03-16", "timely"),  # rolled deadline Mon 2026-03-16
        ("2025-03-14", "2026-03-17", "late_needs_exception"),
        ("2025-03-14", None, "not_filed"),
        ("2024-02-29", "2025-02-28", "timely"),
        ("2024-02-29", "2025-03-01", "late_needs_exception"),  # conservative Feb 28 reading
    ],
)
def test_one_year_status(
    book: RuleBook, cal: BusinessCalendar, arrival: str, filed: str | None, status: str
) -> None:
    filed_on = date.fromisoformat(filed) if filed else None
    assert one_year_status(date.fromisoformat(arrival), filed_on, cal, book) == status


def test_withholding_only_case_has_no_one_year_deadline(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = _defensive(relief=frozenset({Relief.WITHHOLDING, Relief.CAT}))
    assert "one-year-filing" not in {r.rule_id for r in deadlines_for_case(facts, book, cal)}


def test_unknown_facts_still_apply_with_a_flag(book: RuleBook, cal: BusinessCalendar) -> None:
    facts = CaseFacts(hearings=(HearingFact(HearingKind.INDIVIDUAL, date(2026, 7, 20)),))
    (filing,) = [
        r for r in deadlines_for_case(facts, book, cal) if r.rule_id == "individual-hearing-filing"
    ]
    assert filing.due == date(2026, 7, 6)
    assert {"condition_unknown:claim_type", "condition_unknown:detained"} <= set(filing.flags)


def test_case_numbers_vd_days_and_stopped_clock(book: RuleBook, cal: BusinessCalendar) -> None:
    facts = _defensive(
        vd_order=date(2026, 5, 5), vd_days=60, i589_received=date(2025, 1, 6), ead_stopped_days=12
    )
    due = {r.rule_id: r.due for r in deadlines_for_case(facts, book, cal)}
    assert due["voluntary-departure"] == date(2026, 7, 6)
    assert due["voluntary-departure-bond"] == date(2026, 5, 12)
    assert due["ead-earliest-filing"] == date(2025, 6, 17)
    missing = deadlines_for_case(replace(facts, vd_days=None), book, cal)
    (vd,) = [r for r in missing if r.rule_id == "voluntary-departure"]
    assert vd.due is None and "missing_input:vd_days" in vd.flags
    wild = deadlines_for_case(replace(facts, vd_days=400), book, cal)
    (vd,) = [r for r in wild if r.rule_id == "voluntary-departure"]
    assert vd.due is None and "invalid_input:vd_days" in vd.flags


def test_multiple_anchors_and_hearing_cutoff(book: RuleBook, cal: BusinessCalendar) -> None:
    facts = _defensive(address_changes=(date(2026, 6, 29), date(2026, 1, 2)))
    eoir = [
        r.due for r in deadlines_for_case(facts, book, cal) if r.rule_id == "eoir-33-address-change"
    ]
    assert eoir == [date(2026, 1, 7), date(2026, 7, 6)]
    later = deadlines_for_case(facts, book, cal, hearings_from=date(2026, 2, 1))
    assert "master-calendar-filing" not in {r.rule_id for r in later}


def test_affirmative_case_rules(book: RuleBook, cal: BusinessCalendar) -> None:
    facts = CaseFacts(
        claim_type=ClaimType.AFFIRMATIVE,
        forum=ForumKind.ASYLUM_OFFICE,
        relief=frozenset({Relief.ASYLUM}),
        unaccompanied_child=False,
        i589_received=date(2026, 6, 1),
        address_changes=(date(2026, 11, 16),),
    )
    ids = {r.rule_id for r in deadlines_for_case(facts, book, cal)}
    assert {"ar-11-address-change", "interview-lifo-window", "ead-earliest-filing"} <= ids
    assert "eoir-33-address-change" not in ids and "bia-appeal" not in ids
