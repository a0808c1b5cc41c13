"""Hearings and open deadlines as an iCalendar file (RFC 5545) for Outlook or Google Calendar.

* Hearings are timed events in their court's time zone (the hearing's ``timezone``; the clinic's
  default zone when it is missing or unknown), with a VTIMEZONE built by icalendar from the
  zoneinfo database, and a reminder one day before. A hearing without a time is an all-day event.
* Open deadlines are all-day events on the day to act by (the safe date counted back from a
  hearing when there is one, else the due date), with a reminder at 09:00 that day.
* UIDs are stable hashes (see :mod:`clinic.domain.calendar_labels`): re-importing an updated file
  updates the entries. DTSTAMP and LAST-MODIFIED are when the entry, its case or its client last
  changed (from the audit trail) and SEQUENCE is that audit entry's number, which only grows, so
  the same data always gives the same file and a changed entry always wins over the old copy.
* Privacy by default: titles carry initials, the kind and the case number; no full names,
  A-numbers or notes unless ``full_names`` is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Alarm, Calendar, Event, Timezone
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clinic.domain.anumber import format_a_number
from clinic.domain.calendar_labels import entry_title, event_uid, initials
from clinic.domain.enums import AuditAction, DeadlineOrigin, DeadlineStatus, HearingKind
from clinic.services.auditing import record
from clinic.services.dto import display_name
from clinic.services.export_file import save_export
from clinic.services.exports.ics_zones import vtimezone
from clinic.services.results import Entity, Result
from clinic.services.settings_schema import settings_in
from clinic.storage.models import AuditEntry, Case, Client, Deadline, Hearing, Staff
from clinic.storage.store import Store

PRODID = "-//Clinic//Clinic case tracker//EN"
HEARING_REMINDER = timedelta(days=-1)
DEADLINE_REMINDER = timedelta(hours=9)  # 09:00 on the all-day event's day
# How long a calendar slot to block; courts do not say, these are the usual lengths.
HEARING_LENGTH = {
    HearingKind.MASTER_CALENDAR: timedelta(hours=2),
    HearingKind.INDIVIDUAL: timedelta(hours=4),
    HearingKind.ASYLUM_INTERVIEW: timedelta(hours=4),
    HearingKind.BIOMETRICS: timedelta(hours=1),
    HearingKind.ICE_CHECK_IN: timedelta(hours=1),
    HearingKind.BOND: timedelta(hours=1),
    HearingKind.FEAR_REVIEW: timedelta(hours=1),
}
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
_CHUNK = 500


class UnknownParalegal(LookupError):
    """--paralegal names nobody: an empty calendar would look like a quiet week."""


@dataclass(frozen=True)
class CalendarFilter:
    start: date | None = None  # hearings on / deadlines to act by, from this day
    end: date | None = None  # … up to and including this day
    paralegal: str = ""  # a paralegal's name (case-insensitive); empty: everyone


@dataclass(frozen=True)
class CalendarExport:
    ics: bytes
    hearings: int
    deadlines: int


def _zone(name: str, fallback: str) -> ZoneInfo:
    for candidate in (name, fallback, "America/New_York"):
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    raise AssertionError("tzdata is missing")  # pragma: no cover - tzdata is a dependency


def _kind_words(kind: HearingKind) -> str:
    return kind.value.replace("_", " ").replace("ice ", "ICE ") + (
        " hearing" if kind in (HearingKind.MASTER_CALENDAR, HearingKind.INDIVIDUAL) else ""
    )


class _Revisions:
    """The last audit entry (number and time) of each entity, for SEQUENCE and LAST-MODIFIED."""

    def __init__(self, session: Session, wanted: dict[str, set[int]]) -> None:
        self._last: dict[tuple[str, int], tuple[int, datetime]] = {}
        for entity, ids in wanted.items():
            ordered = sorted(ids)
            for start in range(0, len(ordered), _CHUNK):  # bounded SQL parameter lists
                self._read(session, entity, ordered[start : start + _CHUNK])

    def _read(self, session: Session, entity: str, ids: list[int]) -> None:
        query = (
            select(AuditEntry.entity_id, func.max(AuditEntry.seq))
            .where(AuditEntry.entity == entity, AuditEntry.entity_id.in_(ids))
            .group_by(AuditEntry.entity_id)
        )
        seqs = {int(i or 0): int(s or 0) for i, s in session.execute(query)}
        times: dict[int, datetime] = {
            int(seq): at
            for seq, at in session.execute(
                select(AuditEntry.seq, AuditEntry.at).where(AuditEntry.seq.in_(seqs.values()))
            )
        }
        for entity_id, seq in seqs.items():
            self._last[(entity, entity_id)] = (seq, times[seq])

    def latest(self, *keys: tuple[str, int]) -> tuple[int, datetime]:
        found = [self._last[k] for k in keys if k in self._last]
        return max(found, default=(0, _EPOCH))


def _staff_name(session: Session, name: str) -> str:
    """The name as stored, matched regardless of case (SQLite's lower() folds ASCII only, so
    "ángela ruiz" would miss "Ángela Ruiz"); `UnknownParalegal` when nobody has it."""
    wanted = name.strip().casefold()
    for stored in session.scalars(select(Staff.name)):
        if stored.casefold() == wanted:
            return stored
    raise UnknownParalegal(f"no staff member is named {name.strip()!r}")


def _rows(session: Session, flt: CalendarFilter) -> tuple[list[Any], list[Any]]:
    hearings = (
        select(Hearing, Case.client_id, Client.family_name, Client.given_name, Client.a_number)
        .join(Case, Case.id == Hearing.case_id)
        .join(Client, Client.id == Case.client_id)
        .outerjoin(Staff, Staff.id == Case.paralegal_id)
    )
    act_by = func.coalesce(Deadline.safe_due_on, Deadline.due_on)
    deadlines = (
        select(Deadline, Case.client_id, Client.family_name, Client.given_name, Client.a_number)
        .join(Case, Case.id == Deadline.case_id)
        .join(Client, Client.id == Case.client_id)
        .outerjoin(Staff, Staff.id == Case.paralegal_id)
        .where(
            Deadline.status == DeadlineStatus.OPEN,
            Deadline.kind != "earliest_date",
            Deadline.court_sets_date.is_(False),
        )
    )
    if flt.start is not None:
        hearings = hearings.where(Hearing.on >= flt.start)
        deadlines = deadlines.where(act_by >= flt.start)
    if flt.end is not None:
        hearings = hearings.where(Hearing.on <= flt.end)
        deadlines = deadlines.where(act_by <= flt.end)
    if flt.paralegal.strip():
        wanted = _staff_name(session, flt.paralegal)
        hearings = hearings.where(Staff.name == wanted)
        deadlines = deadlines.where(Staff.name == wanted)
    hearings = hearings.order_by(Hearing.on, Hearing.at, Hearing.id)
    deadlines = deadlines.order_by(act_by, Deadline.id)
    return list(session.execute(hearings)), list(session.execute(deadlines))


def _who(family: str, given: str, full_names: bool) -> str:
    return display_name(family, given) if full_names else initials(given, family)


def _alarm(trigger: timedelta, text: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", trigger)
    return alarm


def _stamp(event: Event, uid: str, revision: tuple[int, datetime]) -> None:
    event.add("uid", uid)
    event.add("dtstamp", revision[1])
    event.add("last-modified", revision[1])
    event.add("sequence", revision[0])


def _hearing_event(
    row: Any, store_id: str, revisions: _Revisions, fallback_zone: str, full_names: bool
) -> Event:
    hearing: Hearing = row[0]
    _, client_id, family, given, a_number = row
    title = entry_title(_who(family, given, full_names), _kind_words(hearing.kind), hearing.case_id)
    event = Event()
    _stamp(
        event,
        event_uid(store_id, "hearing", hearing.id),
        revisions.latest(("hearing", hearing.id), ("case", hearing.case_id), ("client", client_id)),
    )
    event.add("summary", title)
    if hearing.at is None:
        event.add("dtstart", hearing.on)
        event.add("dtend", hearing.on + timedelta(days=1))
    else:
        start = datetime.combine(hearing.on, hearing.at, _zone(hearing.timezone, fallback_zone))
        event.add("dtstart", start)
        event.add("dtend", start + HEARING_LENGTH.get(hearing.kind, timedelta(hours=2)))
    where = ", ".join(part for part in (hearing.location, hearing.address) if part.strip())
    if where:
        event.add("location", where)
    lines = [
        f"Attendance: {hearing.mode.value.replace('_', ' ')}",
        *([f"Judge: {hearing.judge}"] if hearing.judge else []),
        *([f"A-number: {format_a_number(a_number)}"] if full_names and a_number else []),
    ]
    event.add("description", "\n".join(lines))
    event.add("categories", ["Hearing"])
    event.add("transp", "OPAQUE")
    event.add_component(_alarm(HEARING_REMINDER, f"Tomorrow: {title}"))
    return event


def _deadline_event(row: Any, store_id: str, revisions: _Revisions, full_names: bool) -> Event:
    deadline: Deadline = row[0]
    _, client_id, family, given, a_number = row
    act_by = deadline.safe_due_on or deadline.due_on
    # A rule's title is fixed wording; a title typed by staff may hold a client's name, so with
    # privacy on the calendar says only who set the date.
    if full_names or deadline.origin is DeadlineOrigin.RULE:
        what = f"act by: {deadline.title}"
    elif deadline.origin is DeadlineOrigin.JUDGE_ORDERED:
        what = "act by: deadline set by the judge"
    else:
        what = "act by: deadline entered by staff"
    title = entry_title(_who(family, given, full_names), what, deadline.case_id)
    event = Event()
    _stamp(
        event,
        event_uid(store_id, "deadline", deadline.id),
        revisions.latest(
            ("deadline", deadline.id), ("case", deadline.case_id), ("client", client_id)
        ),
    )
    event.add("summary", title)
    event.add("dtstart", act_by)
    event.add("dtend", act_by + timedelta(days=1))
    lines = [f"Due: {deadline.due_on.isoformat()}", f"Act by: {act_by.isoformat()}"]
    if deadline.source:
        lines.append(f"Source: {deadline.source}")
    if full_names and a_number:
        lines.append(f"A-number: {format_a_number(a_number)}")
    event.add("description", "\n".join(lines))
    event.add("categories", ["Deadline"])
    event.add("transp", "TRANSPARENT")
    event.add_component(_alarm(DEADLINE_REMINDER, f"Today: {title}"))
    return event


def _zones(events: list[Event]) -> list[Timezone]:
    """A VTIMEZONE for each zone the events use, covering the years they fall in.

    Written with yearly RRULEs where the zone follows one (see :mod:`.ics_zones`): the RDATE
    lists icalendar writes are misread by dateutil-based readers (vobject among them), which then
    put hearings an hour off for part of the year.
    """
    years: dict[str, list[int]] = {}
    for event in events:
        start = event.decoded("dtstart")
        if isinstance(start, datetime) and start.tzinfo is not None:
            years.setdefault(str(start.tzinfo), []).append(start.year)
    return [
        vtimezone(name, date(min(found) - 1, 1, 1), date(max(found) + 2, 1, 1))
        for name, found in sorted(years.items())
    ]


def build_calendar(
    *, store: Store, calendar_filter: CalendarFilter | None = None, full_names: bool = False
) -> CalendarExport:
    """The .ics bytes in memory (nothing written, nothing audited)."""
    flt = calendar_filter or CalendarFilter()
    with store.unit_of_work() as session:
        fallback = settings_in(session).default_timezone
        hearings, deadlines = _rows(session, flt)
        case_ids = {r[0].case_id for r in hearings} | {r[0].case_id for r in deadlines}
        revisions = _Revisions(
            session,
            {
                "hearing": {r[0].id for r in hearings},
                "deadline": {r[0].id for r in deadlines},
                "case": case_ids,
                "client": {int(r[1]) for r in hearings} | {int(r[1]) for r in deadlines},
            },
        )
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", "Clinic hearings and deadlines")
        store_id = store.meta.store_id
        events = [
            _hearing_event(row, store_id, revisions, fallback, full_names) for row in hearings
        ]
        events += [_deadline_event(row, store_id, revisions, full_names) for row in deadlines]
    for zone in _zones(events):
        calendar.add_component(zone)
    for event in events:
        calendar.add_component(event)
    return CalendarExport(calendar.to_ical(), len(hearings), len(deadlines))


def export_calendar(
    *,
    store: Store,
    destination: Path,
    calendar_filter: CalendarFilter | None = None,
    full_names: bool = False,
    overwrite: bool = False,
) -> Result[CalendarExport]:
    """Write the .ics where the user chose (never over an existing file unless ``overwrite``:
    the user confirmed it in a save dialog); audited. The file is NOT encrypted."""
    built = build_calendar(store=store, calendar_filter=calendar_filter, full_names=full_names)
    flt = calendar_filter or CalendarFilter()

    def audit(session: Session) -> None:
        record(
            session,
            actor=store.actor,
            action=AuditAction.EXPORT,
            entity=Entity.STORE,
            entity_id=None,
            changes={
                "calendar_saved_to": [None, str(destination)],
                "hearings": [None, built.hearings],
                "deadlines": [None, built.deadlines],
                "from": [None, flt.start.isoformat() if flt.start else None],
                "to": [None, flt.end.isoformat() if flt.end else None],
                "paralegal": [None, flt.paralegal or None],
                "full_names": [None, full_names],
            },
        )

    save_export(store, destination, built.ics, audit=audit, overwrite=overwrite)
    return Result(built)
