"""FOIA requests (issue 18 § 2, asylum-rules.md § 8.2): the agency's response is due 20 days
excepting Saturdays, Sundays and legal public holidays after it receives the request
(5 U.S.C. 552(a)(6)(A)(i)); an adverse determination may be appealed for at least 90 days
(552(a)(6)(A)(i)(III)(aa)); a written notice of unusual circumstances adds at most 10 working
days (552(a)(6)(B)(i)). Every example below was counted by hand on a calendar.

Holidays used: Fri 2026-06-19 Juneteenth; Thu 2026-11-26 Thanksgiving; Thu 2025-12-25 Christmas;
Thu 2026-01-01 and Fri 2027-01-01 New Year's Day; Mon 2027-01-18 Martin Luther King Jr. Day.
Closures Wed 2025-12-24 and Fri 2025-12-26 (executive order) are not legal public holidays
(5 U.S.C. 6103), so they count as working days.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clinic.domain.deadlines import (
    BusinessCalendar,
    CaseFacts,
    anchor_for,
    compute,
    deadlines_for_case,
)
from clinic.domain.deadlines.foia import FoiaFact, foia_requests
from clinic.domain.deadlines.rules import Rule, RuleBook
from clinic.domain.deadlines.shipped import load_shipped_calendar, load_shipped_rulebook
from clinic.domain.deadlines.values import FoiaRequest
from clinic.domain.enums import CaseFactKind, ClaimType, ForumKind, Stage


@pytest.fixture(scope="module")
def book() -> RuleBook:
    return load_shipped_rulebook()


@pytest.fixture(scope="module")
def cal() -> BusinessCalendar:
    return load_shipped_calendar()


@pytest.mark.parametrize(
    ("rule_id", "on", "due", "why"),
    [
        # Jun 2-5 (4), 8-12 (9), 15-18 (13; Fri 19 Juneteenth), 22-26 (18), 29 (19), 30 (20)
        ("foia-response-due", "2026-06-01", "2026-06-30", "Juneteenth skipped"),
        # Nov 16-20 (5), 23-25 (8; Thu 26 Thanksgiving), 27 (9), Nov 30-Dec 4 (14), 7-11 (19), 14
        ("foia-response-due", "2026-11-13", "2026-12-14", "Thanksgiving skipped"),
        # Dec 11-12 (2), 15-19 (7), 22-24 (10; the 24th is a closure, counted), Christmas skipped,
        # 26 (11; closure, counted), 29-31 (14), Jan 1 skipped, Jan 2 (15), Jan 5-9 (20)
        ("foia-response-due", "2025-12-10", "2026-01-09", "EO closures count, holidays do not"),
        # Jan 1 skipped, Jan 4-8 (5), 11-15 (10), Mon 18 MLK skipped, 19-22 (14), 25-29 (19), Feb 1
        ("foia-response-due", "2026-12-31", "2027-02-01", "New Year and MLK Day skipped"),
        # a request received on a Saturday: counting starts with Monday as day 1
        (
            "foia-response-due",
            "2026-06-06",
            "2026-07-07",
            "Sat receipt; Juneteenth, Jul 3 observed",
        ),
        # Mar 6 + 25 = Mar 31, + 30 = Apr 30 (55), + 31 = May 31 (86), + 4 = Thu Jun 4
        ("foia-appeal-due", "2026-03-06", "2026-06-04", "90 calendar days"),
        # Mar 9 + 90 = Sun Jun 7: not rolled (conservative; the agency's rules decide)
        ("foia-appeal-due", "2026-03-09", "2026-06-07", "Sunday kept, not rolled"),
    ],
)
def test_foia_worked_example(
    book: RuleBook, cal: BusinessCalendar, rule_id: str, on: str, due: str, why: str
) -> None:
    rule = book.get(rule_id)
    result = compute(rule, anchor_for(rule, date.fromisoformat(on)), cal)
    assert result.due == date.fromisoformat(due), (why, result.explanation)
    assert "552(a)(6)(A)(i)" in result.source


def test_foia_response_explanation_names_the_skipped_holiday(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    rule = book.get("foia-response-due")
    result = compute(rule, anchor_for(rule, date(2026, 6, 1)), cal)
    assert result.explanation == (
        "FOIA request received by the agency Mon 2026-06-01 + 20 business days = Tue 2026-06-30."
        " Fri 2026-06-19 is Juneteenth National Independence Day"
    )


def _requests(*requests: FoiaRequest) -> CaseFacts:
    return CaseFacts(
        claim_type=ClaimType.DEFENSIVE,
        forum=ForumKind.IMMIGRATION_COURT,
        stage=Stage.HEARINGS,
        foia_requests=requests,
    )


def _foia(facts: CaseFacts, book: RuleBook, cal: BusinessCalendar) -> list[tuple[object, ...]]:
    return [
        (r.rule_id, r.anchor.field, r.anchor.on, r.due, r.settled)
        for r in deadlines_for_case(facts, book, cal)
        if r.rule_id.startswith("foia")
    ]


def test_each_foia_request_and_response_gets_its_own_dates(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    """One request per agency (USCIS, CBP, OBIM, EOIR, ICE): each receipt and each response is
    its own dated row, keyed by the request."""
    facts = _requests(
        FoiaRequest(1, "uscis", received=date(2026, 6, 1)),
        FoiaRequest(2, "cbp", received=date(2026, 11, 13)),
        FoiaRequest(3, "obim", responses=((3, date(2026, 3, 6)),)),
    )
    assert _foia(facts, book, cal) == [
        ("foia-appeal-due", "foia_response#3", date(2026, 3, 6), date(2026, 6, 4), ""),
        ("foia-response-due", "foia_received#1", date(2026, 6, 1), date(2026, 6, 30), ""),
        ("foia-response-due", "foia_received#2", date(2026, 11, 13), date(2026, 12, 14), ""),
    ]


def test_two_requests_received_the_same_day_stay_two_deadlines(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    """USCIS and CBP both received a request on Mon 2026-06-01 (and a second USCIS request for a
    family member the same day): three reminders, each naming its agency."""
    facts = _requests(
        FoiaRequest(1, "uscis", sent=date(2026, 5, 28), received=date(2026, 6, 1)),
        FoiaRequest(2, "cbp", received=date(2026, 6, 1)),
        FoiaRequest(3, "uscis", received=date(2026, 6, 1)),
    )
    results = [r for r in deadlines_for_case(facts, book, cal) if r.rule_id.startswith("foia")]
    assert [(r.anchor.field, r.due) for r in results] == [
        ("foia_received#1", date(2026, 6, 30)),
        ("foia_received#2", date(2026, 6, 30)),
        ("foia_received#3", date(2026, 6, 30)),
    ]
    assert results[1].explanation.startswith(
        "FOIA request received by the agency (CBP) Mon 2026-06-01 + 20 business days"
    )


@pytest.mark.parametrize(
    ("received", "due", "why"),
    [
        # 20 business days to Tue Jun 30 (Juneteenth skipped), then Jul 1 (21), 2 (22),
        # Fri Jul 3 Independence Day observed skipped, Jul 6-10 (27), 13, 14, 15 (30)
        (date(2026, 6, 1), date(2026, 7, 15), "Juneteenth and Jul 3 observed skipped"),
        # 20 to Mon Dec 14 (Thanksgiving skipped), Dec 15-18 (24), 21-24 (28), Fri 25 Christmas
        # skipped, Mon 28 (29), Tue 29 (30)
        (date(2026, 11, 13), date(2026, 12, 29), "Thanksgiving and Christmas skipped"),
    ],
)
def test_the_written_extension_adds_ten_working_days(
    book: RuleBook, cal: BusinessCalendar, received: date, due: date, why: str
) -> None:
    """5 U.S.C. 552(a)(6)(B)(i): unusual circumstances, written notice, at most 10 more working
    days. The 20-day reminder gives way to the extended one, counted from the same receipt."""
    facts = _requests(FoiaRequest(7, "uscis", received=received, extended=received))
    assert _foia(facts, book, cal) == [
        ("foia-response-due-extended", "foia_extended#7", received, due, "")
    ], why
    [result] = [r for r in deadlines_for_case(facts, book, cal) if r.rule_id.startswith("foia")]
    assert "(a)(6)(B)(i)" in result.source
    assert "extended in writing (USCIS)" in result.explanation


def test_the_response_closes_its_own_request_only(book: RuleBook, cal: BusinessCalendar) -> None:
    """A response answers its request (the reminder is done, even when late) and starts its
    90-day appeal period; the other agency's reminder stays open."""
    facts = _requests(
        FoiaRequest(1, "uscis", received=date(2026, 6, 1), responses=((9, date(2026, 7, 20)),)),
        FoiaRequest(2, "cbp", received=date(2026, 6, 1)),
    )
    # Jul 20 + 90: Jul 31 (11), Aug 31 (42), Sep 30 (72), Oct 18 (90), a Sunday: not rolled
    assert _foia(facts, book, cal) == [
        ("foia-response-due", "foia_received#1", date(2026, 6, 1), date(2026, 6, 30), "met"),
        ("foia-response-due", "foia_received#2", date(2026, 6, 1), date(2026, 6, 30), ""),
        ("foia-appeal-due", "foia_response#9", date(2026, 7, 20), date(2026, 10, 18), ""),
    ]
    answered = next(r for r in deadlines_for_case(facts, book, cal) if r.settled == "met")
    assert "answered_by:foia_response" in answered.flags
    assert answered.explanation.endswith(
        "FOIA response Mon 2026-07-20: answered, so no follow-up is due"
    )


def test_requests_are_built_from_linked_facts() -> None:
    """Sent, received, extended and responses recorded one by one come together per request;
    an older unlinked receipt or response stands alone."""
    received, sent, ext, response = (
        CaseFactKind.FOIA_RECEIVED,
        CaseFactKind.FOIA_SENT,
        CaseFactKind.FOIA_EXTENDED,
        CaseFactKind.FOIA_RESPONSE,
    )
    facts = [
        FoiaFact(4, sent, date(2026, 5, 28), "uscis"),
        FoiaFact(5, sent, date(2026, 5, 28), "cbp"),
        FoiaFact(6, received, date(2026, 6, 1), "", about=4),
        FoiaFact(7, ext, date(2026, 6, 20), "", about=4),
        FoiaFact(8, response, date(2026, 7, 20), "", about=4),
        FoiaFact(2, received, date(2026, 1, 5)),  # recorded before requests were linked
        FoiaFact(9, response, date(2026, 7, 21), "", about=99),  # its request was deleted
    ]
    assert foia_requests(facts) == (
        FoiaRequest(2, "", received=date(2026, 1, 5)),
        FoiaRequest(
            4,
            "uscis",
            sent=date(2026, 5, 28),
            received=date(2026, 6, 1),
            extended=date(2026, 6, 20),
            responses=((8, date(2026, 7, 20)),),
        ),
        FoiaRequest(5, "cbp", sent=date(2026, 5, 28)),
    )


BUSINESS_DAY_RULES = [r for r in load_shipped_rulebook().rules if r.offset.unit == "business_days"]


@settings(deadline=None)
@given(
    rule=st.sampled_from(BUSINESS_DAY_RULES),
    on=st.dates(min_value=date(1998, 1, 1), max_value=date(2045, 12, 31)),
)
def test_business_day_counts_end_on_a_business_day_after_the_trigger(rule: Rule, on: date) -> None:
    plain = BusinessCalendar()
    result = compute(rule, anchor_for(rule, on), plain)
    assert result.due is not None and result.due > on
    assert plain.is_business_day(result.due)
    counted = sum(
        plain.is_business_day(on + timedelta(days=n)) for n in range(1, (result.due - on).days + 1)
    )
    assert counted == rule.offset.amount
