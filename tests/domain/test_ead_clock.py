"""The asylum EAD clock as a log (issue 18 § 2; 8 CFR 208.7(a)(2), asylum-rules.md § 2.5):
applicant-caused delays stop the clock, staff record when it restarts, and the earliest EAD
dates are computed from the log — counting only the stops that begin before each period has run.
Dates counted by hand: I-589 received Mon 2026-01-05; 150 days -> Thu 2026-06-04 (Jan 31 is day
26, Feb 28 day 54, Mar 31 day 85, Apr 30 day 115, May 31 day 146); 180 days -> Sat 2026-07-04.
Earliest dates are never rolled (a Sunday and Independence Day are kept below).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clinic.domain.deadlines import BusinessCalendar, CaseFacts, deadlines_for_case
from clinic.domain.deadlines.ead_clock import ClockEvent, Stop, count_clock, stops_of
from clinic.domain.deadlines.rules import RuleBook
from clinic.domain.deadlines.shipped import load_shipped_calendar, load_shipped_rulebook
from clinic.domain.enums import CaseFactKind as F
from clinic.domain.enums import ClaimType, ForumKind, Stage

FILED = date(2026, 1, 5)
EAD = ("ead-earliest-filing", "ead-earliest-grant")


@pytest.fixture(scope="module")
def book() -> RuleBook:
    return load_shipped_rulebook()


@pytest.fixture(scope="module")
def cal() -> BusinessCalendar:
    return load_shipped_calendar()


def ead_dates(book: RuleBook, cal: BusinessCalendar, *events: tuple[F, date], manual: int = 0):  # type: ignore[no-untyped-def]
    facts = CaseFacts(
        claim_type=ClaimType.AFFIRMATIVE,
        forum=ForumKind.ASYLUM_OFFICE,
        stage=Stage.INTERVIEW,
        i589_received=FILED,
        ead_stopped_days=manual,
        ead_clock=stops_of(tuple(ClockEvent(on, kind) for kind, on in events)),
    )
    found = {r.rule_id: r for r in deadlines_for_case(facts, book, cal) if r.rule_id in EAD}
    return found["ead-earliest-filing"], found["ead-earliest-grant"]


def test_no_log_no_change(book: RuleBook, cal: BusinessCalendar) -> None:
    filing, grant = ead_dates(book, cal)
    assert (filing.due, grant.due) == (date(2026, 6, 4), date(2026, 7, 4))


def test_a_reschedule_request_stops_the_clock_until_the_restart(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    """Interview rescheduled at the client's request Fri Mar 6, attended Mon Mar 16: 10 days.
    Jun 4 + 10 = Sun Jun 14 (kept: an earliest date); Jul 4 + 10 = Tue Jul 14."""
    filing, grant = ead_dates(
        book,
        cal,
        (F.INTERVIEW_RESCHEDULED, date(2026, 3, 6)),
        (F.EAD_CLOCK_RESTARTED, date(2026, 3, 16)),
    )
    assert (filing.due, grant.due) == (date(2026, 6, 14), date(2026, 7, 14))
    assert filing.explanation == (
        "I-589 received Mon 2026-01-05 + 150 days + 10 stopped-clock days = Sun 2026-06-14"
        " (an earliest date is not rolled). Asylum clock stopped Fri 2026-03-06 (asylum interview"
        " rescheduled at the applicant's request), restarted Mon 2026-03-16 (10 days)"
    )


def test_a_stop_after_a_period_has_run_does_not_move_it(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    """A second stop, biometrics missed Mon Jun 15 to Mon Jun 29 (14 days), begins after the
    150-day count ended (Jun 14): the filing date stays Jun 14. The 180-day count had 29 days
    left then (Jan 5-Mar 6 is 60 days, Mar 16-Jun 15 is 91): Jul 4 + 10 + 14 = Tue Jul 28."""
    filing, grant = ead_dates(
        book,
        cal,
        (F.INTERVIEW_RESCHEDULED, date(2026, 3, 6)),
        (F.EAD_CLOCK_RESTARTED, date(2026, 3, 16)),
        (F.BIOMETRICS_MISSED, date(2026, 6, 15)),
        (F.EAD_CLOCK_RESTARTED, date(2026, 6, 29)),
    )
    assert (filing.due, grant.due) == (date(2026, 6, 14), date(2026, 7, 28))
    assert "+ 24 stopped-clock days" in grant.explanation


def test_a_clock_still_stopped_gives_no_date_and_says_why(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    """A continuance the applicant asked for on Tue Apr 7, no restart yet: each day moves the
    dates later, so none is computed."""
    filing, grant = ead_dates(book, cal, (F.CONTINUANCE_REQUESTED, date(2026, 4, 7)))
    assert filing.due is None and grant.due is None
    assert "clock_stopped" in filing.flags
    assert filing.explanation == (
        "I-589 received Mon 2026-01-05: the asylum clock is stopped since Tue 2026-04-07"
        " (continuance requested by the applicant); record its restart to compute this date"
    )


def test_overlapping_stops_are_one_stretch_with_both_reasons(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    """Interview rescheduled Mar 6, biometrics missed Mar 10 while stopped, restart Mar 16:
    still 10 days, both reasons named; 5 days typed by hand before the log are added."""
    filing, _ = ead_dates(
        book,
        cal,
        (F.INTERVIEW_RESCHEDULED, date(2026, 3, 6)),
        (F.BIOMETRICS_MISSED, date(2026, 3, 10)),
        (F.EAD_CLOCK_RESTARTED, date(2026, 3, 16)),
        manual=5,
    )
    assert filing.due == date(2026, 6, 19)  # Jun 4 + 10 + 5
    assert "(asylum interview rescheduled at the applicant's request; biometrics appointment" in (
        filing.explanation
    )


def test_a_stop_before_filing_counts_from_the_filing() -> None:
    """Stopped Fri Jan 2, restarted Fri Jan 9; the clock started Mon Jan 5: 4 days."""
    stops = stops_of(
        (
            ClockEvent(date(2026, 1, 2), F.EAD_CLOCK_STOPPED),
            ClockEvent(date(2026, 1, 9), F.EAD_CLOCK_RESTARTED),
        )
    )
    assert count_clock(FILED, 150, stops).days == 4


def test_a_restart_while_running_changes_nothing() -> None:
    stops = stops_of(
        (
            ClockEvent(date(2026, 2, 1), F.EAD_CLOCK_RESTARTED),
            ClockEvent(date(2026, 3, 6), F.INTERVIEW_MISSED),
            ClockEvent(date(2026, 3, 16), F.EAD_CLOCK_RESTARTED),
            ClockEvent(date(2026, 3, 20), F.EAD_CLOCK_RESTARTED),
        )
    )
    assert stops == (Stop(date(2026, 3, 6), date(2026, 3, 16), (F.INTERVIEW_MISSED,)),)


STOPS = [k for k in F if k.name.endswith(("MISSED", "RESCHEDULED", "REQUESTED", "STOPPED"))]


@settings(deadline=None)
@given(
    events=st.lists(
        st.tuples(
            st.sampled_from([*STOPS, F.EAD_CLOCK_RESTARTED]),
            st.integers(min_value=-30, max_value=400),
        ),
        max_size=8,
    ),
    amount=st.sampled_from([150, 180]),
)
def test_the_log_never_brings_a_date_forward(events: list[tuple[F, int]], amount: int) -> None:
    """Whatever the log, the counted stopped days are >= 0, at most the days the clock stood
    still after the filing, and the date is never before filing + the period."""
    log = tuple(ClockEvent(FILED + timedelta(days=n), kind) for kind, n in events)
    stops = stops_of(log)
    counted = count_clock(FILED, amount, stops)
    closed = sum(
        (s.end - max(s.start, FILED)).days for s in stops if s.end is not None and s.end > FILED
    )
    if counted.days is None:
        assert counted.open_stop is not None
    else:
        assert 0 <= counted.days <= closed
        assert all(s.end is not None for s in counted.counted)
