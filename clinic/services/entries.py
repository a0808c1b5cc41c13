"""Recording entries into the United States, lawful status / TPS / parole, a family member's own
I-589, and the kind of proceeding (issue 18 § 2). Reading them back (:func:`people_facts`, for
the window, the command line and the I-589) is :mod:`clinic.services.people_facts_read`, whose
names are importable from here too.

Every change is audited on the client (or the case) and recomputes the deadlines of the
client's cases: a family member's own one-year deadline, the lawful-status warning and the
one-year deadline's reasoning all count from these facts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from clinic.domain.entries import (
    EntryFact,
    StatusPeriod,
    validate_entry,
    validate_status,
)
from clinic.domain.enums import (
    ArrivalManner,
    AuditAction,
    ProceedingKind,
)
from clinic.domain.ids import CaseId, ClientId
from clinic.domain.validation import FieldProblem, Problem
from clinic.services.auditing import record, record_created
from clinic.services.deadline_refresh import client_case_ids, refresh_cases
from clinic.services.errors import NotFound, Thing

# Reading them back: their own module, the names kept here for the callers.
from clinic.services.people_facts_read import (
    FamilyFilingView,
    PeopleFacts,
    StatusView,
    case_proceeding,
    client_row,
    intake_arrival,
    people_facts,
)
from clinic.services.results import Changes, Entity, Result, rejected
from clinic.storage.models import Case, Client, Entry, LawfulStatus
from clinic.storage.store import Store

__all__ = [
    "FamilyFilingView",
    "PeopleFacts",
    "StatusView",
    "case_proceeding",
    "people_facts",
    "record_entry",
    "record_status",
    "remove_entry",
    "set_own_filing",
    "set_proceeding",
]


def _member_problem(client: Client, member_id: int | None) -> FieldProblem | None:
    if member_id is None or any(m.id == member_id for m in client.family):
        return None
    return FieldProblem("member", Problem.NOT_THIS_CLIENTS)


def _refreshed(session: Session, store: Store, client: Client) -> Changes:
    return Changes.of((Entity.CLIENT, client.id)) | refresh_cases(
        session, client_case_ids(session, client.id), store.actor
    )


def _add_to_client(
    session: Session, store: Store, client: Client, row: Entry | LawfulStatus
) -> None:
    """Add an entry or a status period to the client's, flush (the row gets its id) and audit
    it as created on the client."""
    if isinstance(row, Entry):
        client.entries.append(row)
    else:
        client.statuses.append(row)
    session.flush()
    record_created(
        session,
        actor=store.actor,
        entity=Entity.CLIENT,
        entity_id=client.id,
        values=_created_values(row),
    )


def _created_values(row: Entry | LawfulStatus) -> dict[str, Any]:
    """What the audit trail keeps of a new entry or status period, its id first."""
    if isinstance(row, Entry):
        return {
            "entry": row.id,
            "family_member": row.family_member_id,
            "entered_on": row.entered_on,
            "place": row.place,
            "manner": row.manner,
            "status": row.status,
            "status_expires_on": row.status_expires_on,
        }
    return {
        "lawful_status": row.id,
        "family_member": row.family_member_id,
        "kind": row.kind,
        "detail": row.detail,
        "from_on": row.from_on,
        "until_on": row.until_on,
        "entry": row.entry_id,
    }


def record_entry(
    *, store: Store, client_id: ClientId, entry: EntryFact, today: date, notes: str = ""
) -> Result[int]:
    """One entry into the United States, the client's or a family member's (``member_id``).

    The client's most recent entry is also their last arrival (Matter of F-P-R-), which the
    one-year deadline and registration count from: an entry later than the recorded last
    arrival (or the first one) becomes it, with its place and manner."""
    problems = validate_entry(entry, today=today)
    if problems:
        return rejected(problems)
    with store.unit_of_work() as session:
        client = client_row(session, client_id)
        problem = _member_problem(client, entry.member_id)
        if problem is not None:
            return rejected((problem,))
        if entry.member_id is None:
            _keep_intake_arrival(session, store, client, entry)
        row = Entry(
            client_id=client.id,
            family_member_id=entry.member_id,
            entered_on=entry.on,
            place=entry.place.strip(),
            manner=entry.manner,
            status=entry.status.strip(),
            status_expires_on=entry.status_expires,
            i94_number=entry.i94_number.strip(),
            notes=notes.strip(),
        )
        _add_to_client(session, store, client, row)
        if entry.member_id is None:
            _update_last_arrival(session, store, client, entry)
        return Result(row.id, changes=_refreshed(session, store, client))


def remove_entry(*, store: Store, client_id: ClientId, ref: int) -> Result[int]:
    """Remove one of the client's recorded entries; what it held stays in the audit trail, and a
    status period that began on it keeps its dates (only its link to the entry goes).

    The client's own entry that is their last arrival (the one-year deadline counts from it)
    gives its place to their most recent remaining entry, as recording a later entry moves the
    last arrival forward; with no other entry of theirs recorded it is refused
    (``last_arrival_entry``): the last arrival is then corrected in the client's details."""
    with store.unit_of_work() as session:
        client = client_row(session, client_id)
        row = next((e for e in client.entries if e.id == ref), None)
        if row is None:
            return rejected((FieldProblem("row", Problem.NOT_THIS_CLIENTS),))
        own = row.family_member_id is None
        was_last = own and row.entered_on == client.last_arrival_on
        others = sorted(
            (e for e in client.entries if e.family_member_id is None and e.id != row.id),
            key=lambda e: (e.entered_on, e.id),
        )
        if was_last and not any(e.entered_on == row.entered_on for e in others):
            if not others:
                return rejected((FieldProblem("row", Problem.LAST_ARRIVAL_ENTRY),))
            _move_last_arrival_back(session, store, client, others[-1])
        values = _created_values(row)
        for status in client.statuses:
            if status.entry_id == row.id:
                status.entry_id = None
        client.entries.remove(row)
        session.delete(row)
        record(
            session,
            actor=store.actor,
            action=AuditAction.DELETE,
            entity=Entity.CLIENT,
            entity_id=client.id,
            changes={k: [v, None] for k, v in values.items() if v not in (None, "")},
        )
        return Result(ref, changes=_refreshed(session, store, client))


def _move_last_arrival_back(session: Session, store: Store, client: Client, entry: Entry) -> None:
    """The client's last arrival becomes ``entry`` (their most recent remaining one), audited."""
    _set_last_arrival(
        session, store, client, (entry.entered_on, entry.place, ArrivalManner(entry.manner))
    )


def _set_last_arrival(
    session: Session, store: Store, client: Client, after: tuple[date, str, ArrivalManner]
) -> None:
    """The client's last arrival (date, place, manner) set to ``after``; the fields that
    change are audited on the client (nothing when none changes)."""
    before = (client.last_arrival_on, client.last_arrival_place, client.last_arrival_manner)
    names = ("last_arrival_on", "last_arrival_place", "last_arrival_manner")
    changed = {n: [b, a] for n, b, a in zip(names, before, after, strict=True) if b != a}
    if not changed:
        return
    client.last_arrival_on, client.last_arrival_place, client.last_arrival_manner = after
    record(
        session,
        actor=store.actor,
        action=AuditAction.UPDATE,
        entity=Entity.CLIENT,
        entity_id=client.id,
        changes=changed,
    )


def _keep_intake_arrival(session: Session, store: Store, client: Client, entry: EntryFact) -> None:
    """A later entry replaces the last arrival: the one typed at intake becomes an entry row
    first, so it is not lost from the list of entries."""
    kept = intake_arrival(client)
    if kept is None or entry.on <= kept.on:
        return
    row = Entry(client_id=client.id, entered_on=kept.on, place=kept.place, manner=kept.manner)
    _add_to_client(session, store, client, row)


def _update_last_arrival(session: Session, store: Store, client: Client, entry: EntryFact) -> None:
    last = client.last_arrival_on
    if last is not None and entry.on < last:
        return
    place = entry.place.strip() or client.last_arrival_place
    manner = (
        entry.manner if entry.manner is not ArrivalManner.UNKNOWN else client.last_arrival_manner
    )
    _set_last_arrival(session, store, client, (entry.on, place, manner))


def record_status(
    *, store: Store, client_id: ClientId, status: StatusPeriod, today: date, notes: str = ""
) -> Result[int]:
    """A period of lawful status, TPS or parole (8 CFR 208.4(a)(5)(iv)). ``status.ref`` is
    ignored (the store gives the id); ``entry_id`` names the entry it began on, if any."""
    problems = validate_status(status, today=today)
    if problems:
        return rejected(problems)
    with store.unit_of_work() as session:
        client = client_row(session, client_id)
        problem = _member_problem(client, status.member_id)
        known_entry = status.entry_id is None or any(
            e.id == status.entry_id for e in client.entries
        )
        if problem is None and not known_entry:
            problem = FieldProblem("entry", Problem.NOT_THIS_CLIENTS)
        if problem is not None:
            return rejected((problem,))
        row = LawfulStatus(
            client_id=client.id,
            family_member_id=status.member_id,
            entry_id=status.entry_id,
            kind=status.kind,
            detail=status.detail.strip(),
            from_on=status.start,
            until_on=status.end,
            notes=notes.strip(),
        )
        _add_to_client(session, store, client, row)
        return Result(row.id, changes=_refreshed(session, store, client))


def set_own_filing(
    *,
    store: Store,
    client_id: ClientId,
    member_id: int,
    files_own: bool,
    received_on: date | None,
    today: date,
) -> Result[int]:
    """Whether a family member files an I-589 of their own, and the date it was received."""
    if received_on is not None and received_on > today:
        return rejected((FieldProblem("received_on", Problem.DATE_IN_FUTURE),))
    with store.unit_of_work() as session:
        client = client_row(session, client_id)
        member = next((m for m in client.family if m.id == member_id), None)
        if member is None:
            return rejected((FieldProblem("member", Problem.NOT_THIS_CLIENTS),))
        received = received_on if files_own else None
        before = (member.files_own_i589, member.own_i589_received_on)
        if before != (files_own, received):
            member.files_own_i589 = files_own
            member.own_i589_received_on = received
            record(
                session,
                actor=store.actor,
                action=AuditAction.UPDATE,
                entity=Entity.FAMILY_MEMBER,
                entity_id=member.id,
                changes={
                    "files_own_i589": [before[0], files_own],
                    "own_i589_received_on": [before[1], received],
                },
            )
        changes = _refreshed(session, store, client) | Changes.of((Entity.FAMILY_MEMBER, member.id))
        return Result(member.id, changes=changes)


def set_proceeding(*, store: Store, case_id: CaseId, proceeding: ProceedingKind) -> Result[int]:
    """Removal, asylum-only or withholding-only proceedings (8 CFR 1208.2(c))."""
    with store.unit_of_work() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(Thing.CASE, case_id)
        before = ProceedingKind(case.proceeding)
        if before is not proceeding:
            case.proceeding = proceeding
            record(
                session,
                actor=store.actor,
                action=AuditAction.UPDATE,
                entity=Entity.CASE,
                entity_id=case.id,
                changes={"proceeding": [before, proceeding]},
            )
        refreshed = refresh_cases(session, {case.id}, store.actor)
        return Result(case.id, changes=Changes.of((Entity.CASE, case.id)) | refreshed)
