"""Hearings and appointments: biometrics, the asylum interview, master calendar and individual
hearings, ICE check-ins; past ones with what happened, future ones still to come."""

from __future__ import annotations

from datetime import date, time
from functools import cache

from clinic.domain.deadlines import BusinessCalendar
from clinic.domain.deadlines.shipped import load_shipped_calendar
from clinic.domain.drafts import HearingDraft
from clinic.domain.enums import AttendanceMode, ClaimType, DetentionStatus, HearingKind, Outcome
from clinic.domain.enums import Stage as S
from clinic.services.demo.dice import between, chance, days, pick
from clinic.services.demo.places import STREETS
from clinic.services.demo.spanish import fill, words
from clinic.services.demo.story import Demo, Story
from clinic.services.schedule import record_hearing_outcome, schedule_hearing

PAST_HEARING_DAYS = 400  # hearings are spread from 400 days ago ...
FUTURE_HEARING_DAYS = 300  # ... to 300 days ahead of ``today``

Planned = tuple[HearingKind, date, str]  # kind, day, outcome to record once it has passed

_TIMES = {
    HearingKind.MASTER_CALENDAR: (time(8, 30), time(9, 0), time(13, 0)),
    HearingKind.INDIVIDUAL: (time(9, 0), time(13, 0)),
    HearingKind.ASYLUM_INTERVIEW: (time(8, 0), time(9, 30), time(12, 30)),
    HearingKind.BIOMETRICS: (time(10, 0), time(14, 0), time(15, 30)),
    HearingKind.ICE_CHECK_IN: (time(9, 0), time(11, 0)),
    HearingKind.BOND: (time(8, 30), time(13, 30)),
    HearingKind.FEAR_REVIEW: (time(9, 0), time(14, 0)),
}
_MASTER_OUTCOMES = (
    "Pleadings taken; I-589 due at next hearing",
    "Reset for attorney preparation",
    "Client appeared by video; pleadings taken",
)
_CLOSING_TEXT = {
    Outcome.TERMINATED: "DHS motion granted; proceedings terminated",
    Outcome.DISMISSED: "Proceedings dismissed without prejudice",
    Outcome.ADMINISTRATIVELY_CLOSED: "Case administratively closed",
    Outcome.TRANSFERRED: "Motion to withdraw as counsel granted",
    Outcome.WITHDRAWN: "Application withdrawn; client to depart",
}


def plan_hearings(demo: Demo, story: Story) -> tuple[list[Planned], list[Planned]]:
    """(kind, day, outcome) before any referral, and in court after it."""
    pre: list[Planned] = []
    court: list[Planned] = []
    end = story.closed_on or demo.today + days(FUTURE_HEARING_DAYS)
    filed = story.filed_on
    if filed is not None and (biometrics := filed + days(demo.rng.randint(14, 45))) <= end:
        target = pre if story.plan.claim is ClaimType.AFFIRMATIVE else court
        target.append(
            (HearingKind.BIOMETRICS, biometrics, "Attended; fingerprints and photo taken")
        )
    if story.plan.claim is ClaimType.AFFIRMATIVE:
        pre += _interview(demo, story)
    if story.in_court:
        court += _court_hearings(demo, story) + _bond_hearing(demo, story)
    return pre, court


def _bond_hearing(demo: Demo, story: Story) -> list[Planned]:
    """The bond track beside the main one: a detained client's custody redetermination soon
    after the case reached the court."""
    rng, today = demo.rng, demo.today
    start = (story.first(S.HEARINGS) if story.plan.referral else None) or story.opened_on
    span = (min(today, story.closed_on or today) - start).days
    if story.detention is not DetentionStatus.DETAINED or span < 5:
        return []
    bond = court_day(start + days(rng.randint(2, min(40, span - 2))))
    if bond >= today:
        return []
    story.bond_hearing = bond
    return [(HearingKind.BOND, bond, "Bond hearing held; decision announced")]


def _interview(demo: Demo, story: Story) -> list[Planned]:
    rng, today, steps = demo.rng, demo.today, story.steps
    index = next((i for i, (s, _) in enumerate(steps) if s.stage is S.INTERVIEW), None)
    if index is None:
        return []
    kind, noticed = HearingKind.ASYLUM_INTERVIEW, steps[index][1]
    if index + 1 < len(steps):  # held before whatever came next
        return [(kind, between(rng, noticed, steps[index + 1][1]), "Interview held")]
    if noticed >= today or chance(rng, 0.5):
        return [(kind, today + days(rng.randint(10, 250)), "")]
    return [(kind, between(rng, noticed, today), "Interview held; decision pending")]


def _court_hearings(demo: Demo, story: Story) -> list[Planned]:
    rng, today = demo.rng, demo.today
    start = (story.first(S.HEARINGS) if story.plan.referral else None) or story.opened_on
    decided, closed = story.court_decided_on, story.closed_on
    master, individual = HearingKind.MASTER_CALENDAR, HearingKind.INDIVIDUAL
    if decided is None and closed is None:
        return _pending_in_court(demo, story, start)
    last = decided or closed or today
    out: list[Planned] = []
    if (last - start).days > 20:
        taken = "Pleadings taken; individual hearing set"
        out.append((master, between(rng, start, last - days(10)), taken))
    if decided is not None:
        out.append((individual, decided, _decision_text(story)))
    else:
        closing = _CLOSING_TEXT.get(story.plan.outcome or Outcome.WITHDRAWN, "Hearing held")
        out.append((master, last, closing))
    return out


def _pending_in_court(demo: Demo, story: Story, start: date) -> list[Planned]:
    """Still before the judge: some past masters, the next setting, maybe ICE check-ins."""
    rng, today = demo.rng, demo.today
    out: list[Planned] = []
    if today > start and chance(rng, 0.7):
        past = between(rng, start, today - days(1))
        out.append((HearingKind.MASTER_CALENDAR, past, pick(rng, _MASTER_OUTCOMES)))
    ahead = today + days(rng.randint(14, FUTURE_HEARING_DAYS))
    individual = story.first(S.HEARINGS) is not None and chance(rng, 0.8)
    out.append((HearingKind.INDIVIDUAL if individual else HearingKind.MASTER_CALENDAR, ahead, ""))
    if individual:
        story.next_individual = ahead
    if story.detention is not DetentionStatus.DETAINED and chance(rng, 0.3):
        out.append((HearingKind.ICE_CHECK_IN, today + days(rng.randint(7, 180)), ""))
        if story.detention is DetentionStatus.RELEASED and chance(rng, 0.6):
            reported = "Reported; next check-in set"
            out.append((HearingKind.ICE_CHECK_IN, between(rng, start, today), reported))
    return out


def _decision_text(story: Story) -> str:
    found = story.after(S.HEARINGS, S.DECISION)
    if found is None or found[0].outcome is None:
        return "Testimony completed; decision reserved"
    return fill("en", "Oral decision: {outcome}", outcome=found[0].outcome.value.replace("_", " "))


@cache
def _calendar() -> BusinessCalendar:
    return load_shipped_calendar()


def court_day(on: date) -> date:
    """``on``, or the next day a court or asylum office sits: never a weekend, a federal holiday
    (observed dates included) or a closure day."""
    return _calendar().roll_forward(on, honor_closures=True)


def schedule(demo: Demo, story: Story, planned: list[Planned]) -> None:
    """Schedule what falls in the demo's window, each on a court day; record some outcomes of
    those that passed."""
    rng, today = demo.rng, demo.today
    low = max(story.opened_on, today - days(PAST_HEARING_DAYS))
    high = today + days(FUTURE_HEARING_DAYS)
    for kind, planned_on, outcome in planned:
        if not low <= planned_on <= high:
            continue
        on = court_day(planned_on)
        hearing_id = schedule_hearing(
            store=demo.store, case_id=story.case_id, hearing=_draft(demo, story, kind, on)
        ).unwrap()
        demo.counts.hearings += 1
        if outcome and on < today and chance(rng, 0.6):
            record_hearing_outcome(
                store=demo.store, hearing_id=hearing_id, outcome=_outcome_text(demo, outcome)
            ).unwrap()


def _draft(demo: Demo, story: Story, kind: HearingKind, on: date) -> HearingDraft:
    rng, city = demo.rng, story.city
    street = f"{rng.randint(100, 2999)} {pick(rng, STREETS)}, {city.name}, {city.state}"
    mode, timezone = AttendanceMode.IN_PERSON, city.timezone
    if kind is HearingKind.BIOMETRICS:
        location = f"USCIS Application Support Center - {city.name}"
    elif kind is HearingKind.ICE_CHECK_IN:
        location = f"ICE ERO {city.name} Field Office"
    elif kind is HearingKind.ASYLUM_INTERVIEW:
        location = city.asylum_office
    elif story.facility is not None:
        location, street = story.facility.court, story.facility.name
        mode, timezone = AttendanceMode.VIDEO, story.facility.timezone
    else:
        location = city.court
        if kind is HearingKind.MASTER_CALENDAR and chance(rng, 0.3):
            mode = AttendanceMode.VIDEO
    interview = kind is HearingKind.ASYLUM_INTERVIEW
    return HearingDraft(
        kind=kind,
        on=on,
        at=pick(rng, _TIMES[kind]),
        timezone=timezone,
        location=location,
        address=street,
        mode=mode,
        notes=words(demo.language, "Bring passport and all original documents")
        if interview
        else "",
    )


def _outcome_text(demo: Demo, outcome: str) -> str:
    """A recorded hearing outcome in the demo's language."""
    prefix = "Oral decision: "
    if outcome.startswith(prefix):
        return fill(demo.language, "Oral decision: {outcome}", outcome=outcome.removeprefix(prefix))
    return words(demo.language, outcome)
