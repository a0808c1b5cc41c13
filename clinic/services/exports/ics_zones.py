"""VTIMEZONE components that every calendar reader reads the same way.

icalendar's ``Timezone.from_tzid`` describes a zone as a list of RDATE onsets. Outlook and
Google Calendar write, and every reader understands, the RRULE form instead ("second Sunday of
March at 02:00"); dateutil-based readers (vobject among them) misread RDATE lists and put hearings
an hour off for part of the year. So a zone whose changes in the years needed follow one yearly
rule per observance is written in the RRULE form, derived here from the zoneinfo database; a zone
without changes, or with irregular ones, falls back to icalendar's form.
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class _Change:
    onset: datetime  # local wall time just before the change (in the offset changed from)
    offset_from: timedelta
    offset_to: timedelta
    is_dst: bool
    name: str


def _offset(zone: ZoneInfo, instant: datetime) -> timedelta:
    return instant.astimezone(zone).utcoffset() or timedelta(0)


def _changes(zone: ZoneInfo, first: date, last: date) -> list[_Change]:
    """Every offset change between ``first`` and ``last`` (found day by day, then by the minute)."""
    found: list[_Change] = []
    day = datetime(first.year, first.month, first.day, tzinfo=UTC)
    end = datetime(last.year, last.month, last.day, tzinfo=UTC)
    before = _offset(zone, day)
    while day < end:
        after_instant = day + timedelta(days=1)
        after = _offset(zone, after_instant)
        if after != before:
            low, high = day, after_instant  # offset(low) == before, offset(high) == after
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                if _offset(zone, middle) == before:
                    low = middle
                else:
                    high = middle
            local = high.astimezone(zone)
            found.append(
                _Change(
                    onset=(high + before).replace(tzinfo=None, second=0, microsecond=0),
                    offset_from=before,
                    offset_to=after,
                    is_dst=bool(local.dst()),
                    name=local.tzname() or "",
                )
            )
            before = after
        day = after_instant
    return found


def _byday(onset: datetime) -> str:
    weekday = _WEEKDAYS[onset.weekday()]
    days_in_month = _calendar.monthrange(onset.year, onset.month)[1]
    if onset.day + 7 > days_in_month:
        return f"-1{weekday}"
    return f"{(onset.day - 1) // 7 + 1}{weekday}"


def _rule_key(change: _Change) -> tuple[object, ...]:
    return (
        change.onset.month,
        change.onset.time(),
        change.offset_from,
        change.offset_to,
        change.name,
    )


def _yearly_rule(changes: list[_Change], years: range) -> str | None:
    """ "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU" when every change fits it, else None."""
    if len({_rule_key(c) for c in changes}) != 1:
        return None
    if sorted(c.onset.year for c in changes) != list(years):
        return None  # not exactly one change a year (e.g. summer time abolished): no rule
    bydays = {_byday(c.onset) for c in changes}
    if len(bydays) != 1:
        # "the last Sunday" may also be "the 4th Sunday" in a short month: prefer -1 when it fits all
        weekday = _WEEKDAYS[changes[0].onset.weekday()]
        days = [
            (c.onset.day, _calendar.monthrange(c.onset.year, c.onset.month)[1]) for c in changes
        ]
        if all(d + 7 > n for d, n in days):
            bydays = {f"-1{weekday}"}
        else:
            return None
    return f"FREQ=YEARLY;BYMONTH={changes[0].onset.month};BYDAY={bydays.pop()}"


def vtimezone(name: str, first: date, last: date) -> Timezone:
    """A VTIMEZONE for ``name`` valid from ``first`` to ``last``."""
    zone = ZoneInfo(name)
    # from a year earlier: the first onset of each observance must come before ``first``
    # (in the southern hemisphere January is already summer time)
    scanned = date(first.year - 1, 1, 1)
    changes = _changes(zone, scanned, last)
    groups: dict[bool, list[_Change]] = {}
    for change in changes:
        groups.setdefault(change.is_dst, []).append(change)
    years = range(scanned.year, last.year + (1 if last > date(last.year, 1, 1) else 0))
    rules = {is_dst: _yearly_rule(group, years) for is_dst, group in groups.items()}
    if set(groups) != {True, False} or any(rule is None for rule in rules.values()):
        return Timezone.from_tzid(name, first_date=first, last_date=last)
    component = Timezone()
    component.add("tzid", name)
    for is_dst in (False, True):
        group = groups[is_dst]
        observance = TimezoneDaylight() if is_dst else TimezoneStandard()
        observance.add("dtstart", group[0].onset)
        observance.add("rrule", _rrule_dict(str(rules[is_dst])))
        observance.add("tzoffsetfrom", group[0].offset_from)
        observance.add("tzoffsetto", group[0].offset_to)
        if group[0].name:
            observance.add("tzname", group[0].name)
        component.add_component(observance)
    return component


def _rrule_dict(rule: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in rule.split(";"))
