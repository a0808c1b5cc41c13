"""How a demo clinic's staff worked its deadlines: most past ones done on a plausible day, some
waived with a reason (a case closed, a motion declined, an exception argued), a few recent ones
left open and overdue. The random draws follow a stable order of the deadlines.
"""

from __future__ import annotations

from datetime import date

from clinic.domain.deadlines.vocabulary import Kind, Trigger
from clinic.domain.enums import CaseFactKind as F
from clinic.domain.enums import (
    DeadlineStatus,
    Stage,
)
from clinic.services.demo.dice import between, chance, days, pick
from clinic.services.demo.plans import GRANTS
from clinic.services.demo.spanish import words
from clinic.services.demo.story import Demo, Story
from clinic.services.dto import DeadlineView
from clinic.services.schedule import close_deadline

Settled = tuple[DeadlineStatus, date, str]

RECENT_DAYS = 45  # overdue deadlines older than this have been dealt with
_OPEN_SHARE, _DONE_SHARE = 0.35, 0.92
# Facts whose deadlines run after a case is closed (motions, appeals, follow-to-join ...)
_AFTER_DECISION = frozenset(
    {F.DECISION, F.FINAL_ORDER, F.BIA_DECISION, F.VD_ORDER, F.IJ_DENIAL, F.ASYLUM_GRANTED}
)
_DECLINED = {
    Trigger.FINAL_ORDER: "Reviewed with the client: no new evidence for a motion",
    Trigger.BIA_DECISION: "Client decided not to petition the court of appeals",
}
_WAIVE_REASONS = (
    "Attorney reviewed: not needed for this client",
    "Covered by an earlier filing",
    "Client chose not to pursue after consultation",
)


def _order(row: DeadlineView) -> tuple[date, str, str, date, str]:
    """A stable order that does not depend on database ids (the random draws follow it)."""
    return row.due_on, row.rule_id, row.kind, row.anchor_on or row.due_on, row.title


def settle(demo: Demo, story: Story, rows: list[DeadlineView]) -> None:
    """Mark the case's deadlines as its staff would have; count them all."""
    rows = sorted(rows, key=_order)
    demo.counts.deadlines += len(rows)
    for row in rows:
        settled = _settled(demo, story, row) if row.status is DeadlineStatus.OPEN else None
        if settled is not None:
            status, on, reason = settled
            close_deadline(
                store=demo.store,
                deadline_id=row.id,
                status=status,
                on=on,
                reason=words(demo.language, reason),
            ).unwrap()


def _settled(demo: Demo, story: Story, row: DeadlineView) -> Settled | None:
    """(status, day, reason) for a deadline, or None to leave it open."""
    closed = story.closed_on
    if closed is not None and row.due_on > closed and row.anchor_field not in _AFTER_DECISION:
        return DeadlineStatus.WAIVED, closed, "Case closed"
    if row.act_by >= demo.today:
        return None
    if row.anchor_field == Trigger.LAST_ARRIVAL:
        return _one_year(demo, story, row)
    return _past_due(demo, story, row)


def _past_due(demo: Demo, story: Story, row: DeadlineView) -> Settled | None:
    if row.act_by < story.opened_on:
        return DeadlineStatus.WAIVED, story.opened_on, "Passed before the clinic took the case"
    if row.anchor_field == Trigger.DECISION:
        return _appeal(story, row)
    petitioned = story.first(Stage.CIRCUIT_COURT)
    if row.anchor_field == Trigger.BIA_DECISION and petitioned is not None:
        return DeadlineStatus.DONE, petitioned, ""
    if row.anchor_field in _DECLINED and chance(demo.rng, 0.7):
        return DeadlineStatus.WAIVED, row.due_on, _DECLINED[Trigger(row.anchor_field)]
    return _usual(demo, story, row)


def _one_year(demo: Demo, story: Story, row: DeadlineView) -> Settled | None:
    filed, closed = story.filed_on, story.closed_on
    if filed is not None and filed <= row.due_on:
        return DeadlineStatus.DONE, filed, ""
    if filed is not None:
        return DeadlineStatus.WAIVED, filed, "Filed late; changed-circumstances exception argued"
    if closed is not None:
        return DeadlineStatus.WAIVED, closed, "Case closed before filing"
    if row.due_on < story.opened_on:
        return (
            DeadlineStatus.WAIVED,
            story.opened_on,
            "Past the year at intake; pursuing withholding and CAT",
        )
    if (demo.today - row.act_by).days <= RECENT_DAYS:
        return None  # missed, and the attorney must act now
    return DeadlineStatus.WAIVED, row.due_on, "Extraordinary circumstances (illness) to be argued"


def _appeal(story: Story, row: DeadlineView) -> Settled:
    appealed = story.first(Stage.APPEAL)
    if appealed is not None:
        return DeadlineStatus.DONE, min(appealed, row.act_by), ""
    if any(outcome in GRANTS for outcome, _ in story.decisions()):
        return DeadlineStatus.WAIVED, row.due_on, "Relief granted; neither side appealed"
    return DeadlineStatus.WAIVED, row.due_on, "Client decided not to appeal after consultation"


def _usual(demo: Demo, story: Story, row: DeadlineView) -> Settled | None:
    rng, today = demo.rng, demo.today
    roll = rng.random()
    recent = (today - row.act_by).days <= RECENT_DAYS
    if story.closed_on is None and recent and roll < _OPEN_SHARE:
        return None  # overdue: on the Today page
    if roll < _DONE_SHARE:
        return DeadlineStatus.DONE, _done_on(demo, story, row), ""
    return DeadlineStatus.WAIVED, row.act_by, pick(rng, _WAIVE_REASONS)


def _done_on(demo: Demo, story: Story, row: DeadlineView) -> date:
    """A plausible day the work was done: shortly before the deadline (an earliest date: after)."""
    rng, today = demo.rng, demo.today
    if row.kind == Kind.EARLIEST_DATE:
        return between(rng, row.due_on, min(row.due_on + days(RECENT_DAYS), today))
    low = max(row.act_by - days(10), story.opened_on)
    if row.anchor_on is not None and row.anchor_on <= row.act_by:
        low = max(low, row.anchor_on)
    return between(rng, low, row.act_by)
