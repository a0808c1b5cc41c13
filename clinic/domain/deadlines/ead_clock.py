"""The asylum EAD clock as a log of stops and restarts (issue 18 § 2, asylum-rules.md § 2.5).

Applicant-caused delays do not count toward the 150/180 days (8 CFR 208.7(a)(2)): a request to
reschedule the interview or biometrics, a missed interview or biometrics appointment, a
continuance the applicant asked for in court, another delay staff record with its reason. Each is
a case event that STOPS the clock; staff record when it RESTARTS (the rescheduled appointment
attended, the next hearing held). The days the clock stood still are counted from the log, and
only those before the count reaches its end: a delay after the earliest date has passed does
not move it. A stop with no restart yet leaves the date uncomputed (it moves later every day).
Days typed by hand before the log existed (``ead_stopped_days``) are added as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clinic.domain.deadlines.calendar import day_label
from clinic.domain.enums import CaseFactKind

__all__ = [
    "CLOCK_FACTS",
    "RESTART",
    "STOP_REASONS",
    "ClockCount",
    "ClockEvent",
    "Stop",
    "count_clock",
    "stops_of",
]

# Why the clock stopped, as the explanation names it (wording._PHRASES has each).
STOP_REASONS = {
    CaseFactKind.INTERVIEW_RESCHEDULED: "asylum interview rescheduled at the applicant's request",
    CaseFactKind.BIOMETRICS_RESCHEDULED: "biometrics rescheduled at the applicant's request",
    CaseFactKind.INTERVIEW_MISSED: "asylum interview missed",
    CaseFactKind.BIOMETRICS_MISSED: "biometrics appointment missed",
    CaseFactKind.CONTINUANCE_REQUESTED: "continuance requested by the applicant",
    CaseFactKind.EAD_CLOCK_STOPPED: "other applicant-caused delay",
}
RESTART = CaseFactKind.EAD_CLOCK_RESTARTED
CLOCK_FACTS = frozenset({*STOP_REASONS, RESTART})


@dataclass(frozen=True)
class ClockEvent:
    on: date
    kind: CaseFactKind  # a stop reason (STOP_REASONS) or RESTART


@dataclass(frozen=True)
class Stop:
    """One stretch the clock stood still: from ``start`` to ``end`` (None: still stopped)."""

    start: date
    end: date | None
    reasons: tuple[CaseFactKind, ...]


def stops_of(events: tuple[ClockEvent, ...]) -> tuple[Stop, ...]:
    """The log read in date order (a restart before a stop recorded the same day). A stop while
    stopped adds its reason to the running stop; a restart while running changes nothing."""
    stops: list[Stop] = []
    current: Stop | None = None
    for event in sorted(events, key=lambda e: (e.on, e.kind is not RESTART)):
        if event.kind is RESTART:
            if current is not None:
                stops.append(Stop(current.start, event.on, current.reasons))
                current = None
        elif current is None:
            current = Stop(event.on, None, (event.kind,))
        elif event.kind not in current.reasons:
            current = Stop(current.start, None, (*current.reasons, event.kind))
    if current is not None:
        stops.append(current)
    return tuple(stops)


@dataclass(frozen=True)
class ClockCount:
    """The stopped days that count for one period, the stops that made them, and the stop
    still open when the count reached it (then ``days`` is None)."""

    days: int | None
    counted: tuple[Stop, ...] = ()
    open_stop: Stop | None = None

    def words(self) -> str:
        """The log in the explanation's words, e.g. "Asylum clock stopped Fri 2026-03-06
        (asylum interview rescheduled at the applicant's request), restarted Mon 2026-03-16
        (10 days)"."""
        parts = []
        for stop in self.counted:
            why = "; ".join(STOP_REASONS[r] for r in stop.reasons)
            end = stop.end or stop.start
            length = (end - stop.start).days
            unit = "day" if length == 1 else "days"
            parts.append(
                f"Asylum clock stopped {day_label(stop.start)} ({why}), restarted"
                f" {day_label(end)} ({length} {unit})"
            )
        return "; ".join(parts)

    def open_words(self) -> str:
        stop = self.open_stop
        if stop is None:
            return ""
        why = "; ".join(STOP_REASONS[r] for r in stop.reasons)
        return (
            f"the asylum clock is stopped since {day_label(stop.start)} ({why});"
            " record its restart to compute this date"
        )


def count_clock(start: date, amount: int, stops: tuple[Stop, ...]) -> ClockCount:
    """Run the clock from ``start`` for ``amount`` days, standing still during each stop that
    begins before the running count is done (a stop that began before ``start`` counts from
    ``start``)."""
    at, left, stopped = start, amount, 0
    counted: list[Stop] = []
    for stop in stops:
        begin = max(stop.start, start)
        if stop.end is not None and stop.end <= start:
            continue
        if (begin - at).days >= left:
            break
        left -= (begin - at).days
        if stop.end is None:
            return ClockCount(None, tuple(counted), Stop(begin, None, stop.reasons))
        stopped += (stop.end - begin).days
        counted.append(Stop(begin, stop.end, stop.reasons))
        at = stop.end
    return ClockCount(stopped, tuple(counted))
