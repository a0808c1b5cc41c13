"""2025-26 events (issue 18 § 2, asylum-rules.md § 8.2): alien registration (G-325R; INA 262,
90 FR 11793), re-registration within 30 days after turning 14 (INA 262(b)), responses to DHS
motions to pretermit (EOIR PM 25-28) or to dismiss, by default 10 days after receipt until the
judge sets a date (ICPM 5.12, 3.1(c)), and an I-589 rejected for an unpaid annual fee
(8 U.S.C. 1808; 8 CFR 208.7(a)(1)(iii)). Every date was counted by hand on a calendar.
"""

from __future__ import annotations

from datetime import date

import pytest

from clinic.domain.deadlines import BusinessCalendar, CaseFacts, anchor_for, compute
from clinic.domain.deadlines import deadlines_for_case as for_case
from clinic.domain.deadlines.rules import RuleBook
from clinic.domain.deadlines.shipped import load_shipped_calendar, load_shipped_rulebook
from clinic.domain.enums import ArrivalManner, ClaimType, ForumKind, Outcome, Stage


@pytest.fixture(scope="module")
def book() -> RuleBook:
    return load_shipped_rulebook()


@pytest.fixture(scope="module")
def cal() -> BusinessCalendar:
    return load_shipped_calendar()


@pytest.mark.parametrize(
    ("rule_id", "on", "due", "why"),
    [
        # an arrival before Mar 12, 2025 counts from then: Apr 11, 2025 (a Friday)
        ("alien-registration", "2019-08-01", "2025-04-11", "registration enforced from Apr 11"),
        # arrival Fri Sep 5, 2025 + 30 = Sun Oct 5: kept (not rolled, conservative)
        ("alien-registration", "2025-09-05", "2025-10-05", "Sunday kept"),
        # DHS motion received Fri Jun 5 + 10 = Mon Jun 15
        ("dhs-pretermit-response", "2026-06-05", "2026-06-15", "10 days"),
        # received Thu Jun 25 + 10 = Sun Jul 5 -> Mon Jul 6 (Fri Jul 3 was the observed holiday)
        ("dhs-dismiss-response", "2026-06-25", "2026-07-06", "Sunday rolled"),
        # the judge set Sat Jul 4 -> Sun 5 -> Mon Jul 6
        ("dhs-motion-response-set", "2026-07-04", "2026-07-06", "a set date rolls"),
        # a rejected I-589: refile the same day
        ("refile-after-rejection", "2026-02-10", "2026-02-10", "at once"),
    ],
)
def test_2025_worked_example(
    book: RuleBook, cal: BusinessCalendar, rule_id: str, on: str, due: str, why: str
) -> None:
    rule = book.get(rule_id)
    result = compute(rule, anchor_for(rule, date.fromisoformat(on)), cal)
    assert result.due == date.fromisoformat(due), (why, result.explanation)


def person(**facts: object) -> CaseFacts:
    return CaseFacts(
        claim_type=ClaimType.DEFENSIVE,
        forum=ForumKind.IMMIGRATION_COURT,
        stage=Stage.HEARINGS,
        detained=False,
        **facts,  # type: ignore[arg-type]
    )


def dates(facts: CaseFacts, book: RuleBook, cal: BusinessCalendar, rule_id: str) -> list[object]:
    return [
        (r.anchor.on, r.due, r.settled) for r in for_case(facts, book, cal) if r.rule_id == rule_id
    ]


def test_re_registration_counts_from_the_14th_birthday_in_the_united_states(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    """Born Fri Jan 20, 2012, here since 2016: 14 on Tue Jan 20, 2026, due Thu Feb 19. A
    registration before the birthday does not close it; one after does."""
    here = dict(birth_date=date(2012, 1, 20), last_arrival=date(2016, 5, 1))
    rid = "re-registration-at-14"
    assert dates(person(**here), book, cal, rid) == [(date(2026, 1, 20), date(2026, 2, 19), "")]
    before = person(**here, alien_registered=(date(2025, 6, 1),))
    assert dates(before, book, cal, rid) == [(date(2026, 1, 20), date(2026, 2, 19), "")]
    after = person(**here, alien_registered=(date(2025, 6, 1), date(2026, 2, 2)))
    assert dates(after, book, cal, rid) == [(date(2026, 1, 20), date(2026, 2, 19), "met")]
    # arrived after turning 14: no 14th birthday in the United States
    abroad = person(birth_date=date(2012, 1, 20), last_arrival=date(2026, 3, 1))
    assert dates(abroad, book, cal, rid) == []


def test_a_leap_day_child_turns_14_on_february_28(book: RuleBook, cal: BusinessCalendar) -> None:
    """Born Feb 29, 2012: Feb 28, 2026 (the earlier day) + 30 = Mon Mar 30."""
    facts = person(birth_date=date(2012, 2, 29), last_arrival=date(2014, 1, 1))
    assert dates(facts, book, cal, "re-registration-at-14") == [
        (date(2026, 2, 28), date(2026, 3, 30), "")
    ]


def test_a_registration_closes_the_registration_deadline(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    ewi = ArrivalManner.WITHOUT_INSPECTION
    facts = person(
        last_arrival=date(2025, 9, 5), arrival_manner=ewi, alien_registered=(date(2025, 12, 1),)
    )
    [found] = [r for r in for_case(facts, book, cal) if r.rule_id == "alien-registration"]
    assert found.settled == "met"
    # an inspected or paroled arrival (I-94) is registered; an unknown manner is not asked
    for manner in (ArrivalManner.INSPECTED, ArrivalManner.PAROLED, ArrivalManner.UNKNOWN, None):
        other = person(last_arrival=date(2025, 9, 5), arrival_manner=manner)
        assert dates(other, book, cal, "alien-registration") == [], manner
    assert found.explanation.endswith(
        "Alien registration Mon 2025-12-01: recorded, so this is done"
    )


def test_the_judges_date_replaces_the_10_day_default(book: RuleBook, cal: BusinessCalendar) -> None:
    """Pretermit motion received Fri Jun 5: default Mon Jun 15, until the judge sets Tue Jun 30."""
    motion = person(dhs_pretermit=(date(2026, 6, 5),))
    assert dates(motion, book, cal, "dhs-pretermit-response") == [
        (date(2026, 6, 5), date(2026, 6, 15), "")
    ]
    set_ = person(dhs_pretermit=(date(2026, 6, 5),), dhs_response_due=(date(2026, 6, 30),))
    assert dates(set_, book, cal, "dhs-pretermit-response") == [
        (date(2026, 6, 5), date(2026, 6, 15), "met")
    ]
    assert dates(set_, book, cal, "dhs-motion-response-set") == [
        (date(2026, 6, 30), date(2026, 6, 30), "")
    ]
    # detained: the court sets the date, none is computed
    detained = CaseFacts(**{**motion.__dict__, "detained": True})
    [court] = [r for r in for_case(detained, book, cal) if r.rule_id == "dhs-pretermit-response"]
    assert court.due is None and "court_set_when_detained" in court.flags


def test_a_rejected_i589_ends_the_work_permit_dates(book: RuleBook, cal: BusinessCalendar) -> None:
    """I-589 received Mon Jan 5, 2026, rejected Tue Feb 10 for the unpaid annual fee: the EAD
    dates close as not applicable (8 CFR 208.7(a)(1)(iii)); refile at once."""
    facts = CaseFacts(
        claim_type=ClaimType.AFFIRMATIVE,
        forum=ForumKind.ASYLUM_OFFICE,
        stage=Stage.FILED,
        i589_received=date(2026, 1, 5),
        i589_rejected=date(2026, 2, 10),
    )
    found = {r.rule_id: r for r in for_case(facts, book, cal)}
    assert found["ead-earliest-filing"].settled == "not_applicable"
    assert "I-589 rejected Tue 2026-02-10: on or before this date" in (
        found["ead-earliest-filing"].explanation
    )
    assert found["refile-after-rejection"].due == date(2026, 2, 10)
    assert Outcome.REJECTED_UNPAID_FEE.value == "rejected_unpaid_fee"
