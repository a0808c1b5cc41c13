"""The deadline facts about people, not cases: lawful status / TPS / parole periods, family
members who file an I-589 of their own (with their own entries), and the kind of proceeding.

Read for one case (:func:`person_facts`, from loaded rows) and for a chunk of cases at once
(:func:`person_facts_between`, plain SQL, for the bulk refresh); both give the same CaseFacts
fields, so a case recomputes the same either way.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from clinic.domain.entries import FamilyFiler, StatusPeriod
from clinic.domain.enums import ProceedingKind, Relationship, StatusKind
from clinic.storage.models import Case

__all__ = ["person_facts", "person_facts_between"]

# (id, member id, kind, start, end, entry id)
StatusRow = tuple[int, int | None, StatusKind, date | None, date | None, int | None]
# (member id, relationship, own filing received) of members filing their own I-589
FilerRow = tuple[int, Relationship, date | None]


def _fields(
    proceeding: ProceedingKind,
    statuses: Iterable[StatusRow],
    filers: Iterable[FilerRow],
    arrivals: dict[int, date],
) -> dict[str, Any]:
    periods = tuple(
        StatusPeriod(ref, kind, start=start, end=end, member_id=member, entry_id=entry)
        for ref, member, kind, start, end, entry in sorted(statuses, key=lambda r: r[0])
    )
    own = tuple(p for p in periods if p.member_id is None)
    family = tuple(
        FamilyFiler(
            ref=member,
            relationship=relationship,
            last_arrival=arrivals.get(member),
            i589_received=received,
            statuses=tuple(p for p in periods if p.member_id == member),
        )
        for member, relationship, received in sorted(filers, key=lambda r: r[0])
    )
    return {"proceeding": proceeding, "status_periods": own, "family_filers": family}


def person_facts(case: Case) -> dict[str, Any]:
    """The CaseFacts fields of this module for one loaded case."""
    client = case.client
    filers = [
        (m.id, Relationship(m.relationship_), m.own_i589_received_on)
        for m in client.family
        if m.files_own_i589
    ]
    arrivals: dict[int, date] = {}
    for entry in client.entries:
        member = entry.family_member_id
        if member is not None and entry.entered_on > arrivals.get(member, date.min):
            arrivals[member] = entry.entered_on
    statuses = [
        (s.id, s.family_member_id, StatusKind(s.kind), s.from_on, s.until_on, s.entry_id)
        for s in client.statuses
    ]
    return _fields(ProceedingKind(case.proceeding), statuses, filers, arrivals)


_PROCEEDING_SQL = "SELECT id, proceeding FROM asylum_case WHERE id BETWEEN ? AND ?"
_STATUS_SQL = (
    "SELECT c.id, s.id, s.family_member_id, s.kind, s.from_on, s.until_on, s.entry_id "
    "FROM lawful_status s JOIN asylum_case c ON c.client_id = s.client_id "
    "WHERE c.id BETWEEN ? AND ?"
)
_FILER_SQL = (
    "SELECT c.id, m.id, m.relationship, m.own_i589_received_on, "
    "(SELECT MAX(e.entered_on) FROM entry e WHERE e.family_member_id = m.id) "
    "FROM family_member m JOIN asylum_case c ON c.client_id = m.client_id "
    "WHERE m.files_own_i589 AND c.id BETWEEN ? AND ?"
)


def _day(value: str | date | None) -> date | None:
    """A stored date: ISO text from SQLite, a date from PostgreSQL (the office engine)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def dbapi_sql(cursor: Any, text: str) -> str:
    """``?`` placeholders, or ``%s`` for psycopg's cursor (the office engine)."""
    return text.replace("?", "%s") if "psycopg" in type(cursor).__module__ else text


def person_facts_between(cursor: Any, first: int, last: int) -> dict[int, dict[str, Any]]:
    """The same fields for every case with an id in ``first..last``, read with three queries
    on a DB-API cursor (the bulk refresh's)."""
    bounds = (first, last)
    proceedings = {
        case_id: ProceedingKind(kind or ProceedingKind.REMOVAL.value)
        for case_id, kind in cursor.execute(dbapi_sql(cursor, _PROCEEDING_SQL), bounds).fetchall()
    }
    statuses: dict[int, list[StatusRow]] = {}
    for case_id, ref, member, kind, start, end, entry in cursor.execute(
        dbapi_sql(cursor, _STATUS_SQL), bounds
    ).fetchall():
        statuses.setdefault(case_id, []).append(
            (ref, member, StatusKind(kind), _day(start), _day(end), entry)
        )
    filers: dict[int, list[FilerRow]] = {}
    arrivals: dict[int, dict[int, date]] = {}
    for case_id, member, relationship, received, arrived in cursor.execute(
        dbapi_sql(cursor, _FILER_SQL), bounds
    ).fetchall():
        filers.setdefault(case_id, []).append((member, Relationship(relationship), _day(received)))
        if (arrived_on := _day(arrived)) is not None:
            arrivals.setdefault(case_id, {})[member] = arrived_on
    return {
        case_id: _fields(
            proceeding,
            statuses.get(case_id, ()),
            filers.get(case_id, ()),
            arrivals.get(case_id, {}),
        )
        for case_id, proceeding in proceedings.items()
    }
