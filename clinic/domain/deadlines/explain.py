"""The arithmetic of a computed deadline in words, step by step, with weekdays and holiday names.

An attorney must be able to check a date without trusting the program:
"Last arrival Fri 2025-03-14 + 1 year = Sat 2026-03-14 → next business day Mon 2026-03-16".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from clinic.domain.deadlines.calendar import BusinessCalendar, day_label
from clinic.domain.deadlines.rules import ClosurePolicy, Direction, Kind, OffsetUnit, Roll, Rule
from clinic.domain.deadlines.values import Anchor

__all__ = ["Counted", "explain", "unextended_closures"]

_UNIT_WORDS = {
    OffsetUnit.DAYS: ("day", "days"),
    OffsetUnit.MONTHS: ("month", "months"),
    OffsetUnit.YEARS: ("year", "years"),
    OffsetUnit.BUSINESS_DAYS: ("business day", "business days"),
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PLUS_WORDS = {"ead_stopped_days": "stopped-clock"}
_NOT_ROLLED = {
    Kind.EARLIEST_DATE: "an earliest date is not rolled",
    Kind.WARNING: "a warning date is not rolled",
    Kind.REMINDER: "a reminder date is not rolled",
    Kind.DEADLINE: "this rule does not roll (conservative)",
}


@dataclass(frozen=True)
class Counted:
    """Every intermediate date of one computation, so the words and the flags tell the same story."""

    start: date
    amount: int
    extra_days: int
    unrolled: date
    clamped: bool
    due: date
    safe: date | None
    capped: bool = False  # back-counted roll would reach the anchor, so due = safe


def _plural(count: int, words: tuple[str, str]) -> str:
    return f"{count} {words[0] if count == 1 else words[1]}"


def _arithmetic(rule: Rule, anchor: Anchor, counted: Counted) -> str:
    text = f"{anchor.label} {day_label(anchor.on)}"
    if counted.start != anchor.on:
        text += f" (before {day_label(counted.start)}, so counted from {day_label(counted.start)})"
    if counted.amount == 0 and counted.extra_days == 0:
        return text
    sign = "+" if rule.direction is Direction.FORWARD else "-"
    text += f" {sign} {_plural(counted.amount, _UNIT_WORDS[rule.offset.unit])}"
    if counted.extra_days and rule.plus_case_days:
        words = _PLUS_WORDS.get(rule.plus_case_days, rule.plus_case_days)
        text += f" {sign} {_plural(counted.extra_days, (f'{words} day', f'{words} days'))}"
    text += f" = {day_label(counted.unrolled)}"
    if counted.clamped:
        text += (
            f" (no {_MONTHS[counted.start.month - 1]} {counted.start.day} in {counted.unrolled.year}:"
            " the month's last day, the earlier date, is used; attorney review)"
        )
    return text


def _roll_words(rule: Rule, counted: Counted, calendar: BusinessCalendar) -> str:
    if counted.safe is not None:
        text = ""
        if counted.capped:
            return (
                f" → the next business day is not before {day_label(counted.start)}, so the deadline"
                f" is the preceding business day {day_label(counted.safe)}"
            )
        if counted.due != counted.unrolled:
            text += f" → ICPM: next business day {day_label(counted.due)}"
        if counted.safe != counted.unrolled:
            text += f"; safe date: preceding business day {day_label(counted.safe)}"
        return text
    if counted.due != counted.unrolled:
        return f" → next business day {day_label(counted.due)}"
    if rule.roll is Roll.NONE and not calendar.is_business_day(
        counted.unrolled, honor_closures=False
    ):
        return f" ({_NOT_ROLLED[rule.kind]})"
    return ""


def _span(rule: Rule, counted: Counted) -> tuple[date, date]:
    """The days whose holidays or closures shaped the result, for naming them."""
    if rule.offset.unit is OffsetUnit.BUSINESS_DAYS:
        return counted.start + timedelta(days=1), counted.due
    low = min(counted.unrolled, counted.safe or counted.unrolled)
    return low, max(counted.due, counted.unrolled)


def _day_notes(rule: Rule, counted: Counted, calendar: BusinessCalendar) -> list[str]:
    low, high = _span(rule, counted)
    not_extended = set(unextended_closures(rule, counted, calendar))
    notes: list[str] = []
    day = low
    while day <= high:
        reason = calendar.day_off_reason(day)
        if reason is not None:
            note = f"{day_label(day)} is {reason}"
            if day in not_extended:
                note += ": not extended under this rule's closure policy; confirm with an attorney"
            notes.append(note)
        day += timedelta(days=1)
    return notes


def unextended_closures(rule: Rule, counted: Counted, calendar: BusinessCalendar) -> list[date]:
    """Closure days a "warn" deadline treated as open: the due day, or days counted as business days."""
    if rule.kind is not Kind.DEADLINE or rule.closure_policy is not ClosurePolicy.WARN:
        return []
    days = [counted.due]
    if rule.offset.unit is OffsetUnit.BUSINESS_DAYS:
        days = [
            counted.start + timedelta(days=n)
            for n in range(1, (counted.due - counted.start).days + 1)
        ]
    return [
        day
        for day in days
        if calendar.closure_reason(day) is not None
        and calendar.is_business_day(day, honor_closures=False)
    ]


def explain(rule: Rule, anchor: Anchor, counted: Counted, calendar: BusinessCalendar) -> str:
    """Arithmetic, then the roll, then one sentence per holiday or closure day involved."""
    text = _arithmetic(rule, anchor, counted) + _roll_words(rule, counted, calendar)
    notes = _day_notes(rule, counted, calendar)
    return ". ".join([text, *notes]) if notes else text
