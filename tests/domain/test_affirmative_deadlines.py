"""The affirmative process (issue 18 § 2, asylum-rules.md §§ 2.6-2.7 and 8.2): the interpreter
the applicant must bring to the interview (8 CFR 208.9(g)), the 45 days to show good cause after
a missed interview (USCIS good-cause page; Affirmative Asylum Procedures Manual III.I), a missed
biometrics appointment (8 CFR 208.10), the reply to a Notice of Intent to Deny (manual: 16 days,
unverified) and the interview notice that settles the LIFO warning. Every date was counted by
hand on a calendar; none of these rules rolls off a weekend or holiday (conservative: the office
acts on the counted day), and the examples show a Saturday, Independence Day and Juneteenth kept.
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


@pytest.fixture(scope="module")
def book() -> RuleBook:
    return load_shipped_rulebook()


@pytest.fixture(scope="module")
def cal() -> BusinessCalendar:
    return load_shipped_calendar()


def affirmative(**facts: object) -> CaseFacts:
    return CaseFacts(
        claim_type=ClaimType.AFFIRMATIVE,
        forum=ForumKind.ASYLUM_OFFICE,
        stage=Stage.INTERVIEW,
        **facts,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("rule_id", "on", "due", "why"),
    [
        # interview Tue Jan 19: Jan 12 is 7 days before, a Tuesday
        ("interview-interpreter", "2027-01-19", "2027-01-12", "7 days back"),
        # missed Mon Mar 2: Mar 31 is day 29, Apr 16 day 45 (a Thursday)
        ("interview-missed-good-cause", "2026-03-02", "2026-04-16", "45 days"),
        # missed Tue Oct 13: Oct 31 day 18, Nov 27 day 45 (the Friday after Thanksgiving: open)
        ("interview-missed-good-cause", "2026-10-13", "2026-11-27", "45 days over November"),
        # missed Wed May 20: May 31 day 11, Jun 30 day 41, Jul 4 day 45 — a Saturday and
        # Independence Day, kept: the office refers the case on day 46 whatever the weekday
        ("interview-missed-good-cause", "2026-05-20", "2026-07-04", "Saturday holiday kept"),
        # NOID Mon Jun 1: Jun 17 (Wednesday)
        ("noid-reply", "2026-06-01", "2026-06-17", "16 days"),
        # NOID Wed Jun 3: Fri Jun 19, Juneteenth, kept (conservative; the notice's own date rules)
        ("noid-reply", "2026-06-03", "2026-06-19", "Juneteenth kept"),
        # a missed biometrics appointment: act the same day
        ("biometrics-missed", "2026-09-08", "2026-09-08", "at once"),
    ],
)
def test_affirmative_worked_example(
    book: RuleBook, cal: BusinessCalendar, rule_id: str, on: str, due: str, why: str
) -> None:
    rule = book.get(rule_id)
    result = compute(rule, anchor_for(rule, date.fromisoformat(on)), cal)
    assert result.due == date.fromisoformat(due), (why, result.explanation)
    assert result.due >= date.fromisoformat(on) or rule.direction == "back"


def test_the_interpreter_reminder_counts_back_from_the_interview_only(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    """8 CFR 208.9(g): one reminder per asylum interview, none for the biometrics appointment.
    A reminder that lands on a weekend is not rolled: Tue Dec 29 - 10 days = Sat Dec 19."""
    facts = affirmative(
        hearings=(
            HearingFact(HearingKind.BIOMETRICS, date(2026, 11, 2)),
            HearingFact(HearingKind.ASYLUM_INTERVIEW, date(2026, 12, 29)),
        )
    )
    found = [r for r in for_case(facts, book.with_settings({"interview-interpreter": 10}), cal)]
    [reminder] = [r for r in found if r.rule_id == "interview-interpreter"]
    assert reminder.due == date(2026, 12, 19)
    assert reminder.explanation == (
        "Asylum interview Tue 2026-12-29 - 10 days = Sat 2026-12-19 (a reminder date is not rolled)"
    )
    assert reminder.source == "8 CFR 208.9(g)"


def test_each_missed_interview_gets_its_own_good_cause_window(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = affirmative(interview_missed=(date(2026, 3, 2), date(2026, 5, 20)))
    found = [
        (r.anchor.on, r.due)
        for r in for_case(facts, book, cal)
        if r.rule_id == "interview-missed-good-cause"
    ]
    assert found == [(date(2026, 3, 2), date(2026, 4, 16)), (date(2026, 5, 20), date(2026, 7, 4))]


def test_the_noid_reply_is_flagged_for_the_attorney(book: RuleBook, cal: BusinessCalendar) -> None:
    """The 16 days come from the manual, not a regulation: verify with the attorney."""
    [reply] = [
        r
        for r in for_case(affirmative(noid_served=date(2026, 6, 1)), book, cal)
        if r.rule_id == "noid-reply"
    ]
    assert "unverified_rule" in reply.flags
    assert reply.due == date(2026, 6, 17)


def test_an_interview_notice_settles_the_lifo_warning(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    """I-589 received Mon Feb 2 -> LIFO warning Mon Feb 23; a notice (even a late one, Mar 10)
    closes it."""
    facts = affirmative(i589_received=date(2026, 2, 2), interview_notice=date(2026, 3, 10))
    [warning] = [r for r in for_case(facts, book, cal) if r.rule_id == "interview-lifo-window"]
    assert warning.due == date(2026, 2, 23)
    assert warning.settled == "met"
    assert warning.explanation.endswith(
        "Interview notice Tue 2026-03-10: received, so this warning no longer applies"
    )
    [open_warning] = [
        r
        for r in for_case(affirmative(i589_received=date(2026, 2, 2)), book, cal)
        if r.rule_id == "interview-lifo-window"
    ]
    assert open_warning.settled == ""


def test_these_rules_stay_with_the_asylum_office(book: RuleBook, cal: BusinessCalendar) -> None:
    """A defensive case records no interview or NOID: none of these rules applies to it."""
    facts = CaseFacts(
        claim_type=ClaimType.DEFENSIVE,
        forum=ForumKind.IMMIGRATION_COURT,
        stage=Stage.HEARINGS,
        interview_missed=(date(2026, 3, 2),),
        biometrics_missed=(date(2026, 3, 2),),
        noid_served=date(2026, 3, 2),
    )
    ids = {r.rule_id for r in for_case(facts, book, cal)}
    assert not ids & {"interview-missed-good-cause", "biometrics-missed", "noid-reply"}
