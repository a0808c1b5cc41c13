"""Recording the I-589's Part A.III lists (addresses, education, employment, parents and
siblings; clinic/domain/background.py) and reading them back for the I-589 tab, the form and the
case bundle. Every row added or removed is audited on the client, with the row's id and what it
held (a removed row's values stay in the trail)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic.domain.background import (
    AddressKind,
    AddressRow,
    Background,
    BackgroundRow,
    Relation,
    RelativeRow,
    SchoolRow,
    WorkRow,
    month_of,
    validate_row,
)
from clinic.domain.enums import AuditAction
from clinic.domain.ids import ClientId
from clinic.domain.validation import FieldProblem, Problem
from clinic.services.auditing import record, record_created
from clinic.services.errors import NotFound, Thing
from clinic.services.results import Changes, Entity, Result, rejected
from clinic.storage.models import (
    BackgroundAddress,
    BackgroundJob,
    BackgroundRelative,
    BackgroundSchool,
    Client,
)
from clinic.storage.store import Store

__all__ = ["Background", "add_row", "background_of", "read_background", "remove_row"]

StoredRow = BackgroundAddress | BackgroundSchool | BackgroundJob | BackgroundRelative

# What the audit trail names each list's rows by (the row's id under this key).
_AUDIT_NAMES: dict[type[Any], str] = {
    BackgroundAddress: "background_address",
    BackgroundSchool: "background_school",
    BackgroundJob: "background_job",
    BackgroundRelative: "background_relative",
}
_MODELS: dict[type[Any], type[Any]] = {
    AddressRow: BackgroundAddress,
    SchoolRow: BackgroundSchool,
    WorkRow: BackgroundJob,
    RelativeRow: BackgroundRelative,
}


def _recent_first(row: AddressRow | SchoolRow | WorkRow) -> tuple[date, date, int]:
    """Present rows (no end) first, then by end and start, latest first."""
    return (row.end or date.max, row.start or date.min, row.ref or 0)


_RELATION_ORDER = {Relation.MOTHER: 0, Relation.FATHER: 1, Relation.SIBLING: 2}


def _stored(model: type[Any], row: BackgroundRow, client_id: int) -> StoredRow:
    values: dict[str, Any] = {"client_id": client_id}
    if isinstance(row, RelativeRow):
        values |= {
            "relation": row.relation,
            "full_name": row.full_name.strip(),
            "birthplace": row.birthplace.strip(),
            "deceased": row.deceased,
            "location": row.location.strip(),
        }
    else:
        values |= {
            "from_on": month_of(row.start) if row.start else None,
            "to_on": month_of(row.end) if row.end else None,
        }
    if isinstance(row, AddressRow):
        values |= {
            "kind": row.kind,
            "street": row.street.strip(),
            "city": row.city.strip(),
            "province": row.province.strip(),
            "country": row.country.strip().upper(),
        }
    elif isinstance(row, SchoolRow):
        values |= {
            "school": row.school.strip(),
            "school_type": row.school_type.strip(),
            "location": row.location.strip(),
        }
    elif isinstance(row, WorkRow):
        values |= {"employer": row.employer.strip(), "occupation": row.occupation.strip()}
    stored: StoredRow = model(**values)
    return stored


def _audit_values(stored: StoredRow) -> dict[str, Any]:
    names = [
        c.name for c in stored.__table__.columns if c.name not in ("id", "client_id", "version")
    ]
    values = {name: getattr(stored, name) for name in names if name != "created_at"}
    return {_AUDIT_NAMES[type(stored)]: stored.id, **values}


def _client(session: Session, client_id: int) -> Client:
    client = session.get(Client, client_id)
    if client is None:
        raise NotFound(Thing.CLIENT, client_id)
    return client


def add_row(*, store: Store, client_id: ClientId, row: BackgroundRow, today: date) -> Result[int]:
    """Add one row to one of the client's lists (``row.ref`` is ignored), audited."""
    problems = validate_row(row, today=today)
    if problems:
        return rejected(problems)
    with store.unit_of_work() as session:
        client = _client(session, client_id)
        stored = _stored(_MODELS[type(row)], row, client.id)
        session.add(stored)
        session.flush()
        record_created(
            session,
            actor=store.actor,
            entity=Entity.CLIENT,
            entity_id=client.id,
            values=_audit_values(stored),
        )
        return Result(stored.id, changes=Changes.of((Entity.CLIENT, client.id)))


def remove_row(
    *, store: Store, client_id: ClientId, kind: type[BackgroundRow], ref: int
) -> Result[int]:
    """Remove the client's row ``ref`` of the list holding ``kind`` rows; what it held stays
    in the audit trail. A row of another client's is refused."""
    model = _MODELS[kind]
    with store.unit_of_work() as session:
        client = _client(session, client_id)
        stored = session.get(model, ref)
        if stored is None or stored.client_id != client.id:
            return rejected((FieldProblem("row", Problem.NOT_THIS_CLIENTS),))
        values = _audit_values(stored)
        session.delete(stored)
        record(
            session,
            actor=store.actor,
            action=AuditAction.DELETE,
            entity=Entity.CLIENT,
            entity_id=client.id,
            changes={k: [v, None] for k, v in values.items() if v not in (None, "")},
        )
        return Result(ref, changes=Changes.of((Entity.CLIENT, client.id)))


def _rows(session: Session, model: type[Any], client_id: int) -> list[Any]:
    return list(session.scalars(select(model).where(model.client_id == client_id)))


def read_background(session: Session, client_id: int) -> Background:
    """The client's lists as domain rows, in the form's order."""
    addresses = [
        AddressRow(
            AddressKind(a.kind), a.street, a.city, a.province, a.country, a.from_on, a.to_on, a.id
        )
        for a in _rows(session, BackgroundAddress, client_id)
    ]
    schools = [
        SchoolRow(s.school, s.school_type, s.location, s.from_on, s.to_on, s.id)
        for s in _rows(session, BackgroundSchool, client_id)
    ]
    jobs = [
        WorkRow(j.employer, j.occupation, j.from_on, j.to_on, j.id)
        for j in _rows(session, BackgroundJob, client_id)
    ]
    relatives = [
        RelativeRow(Relation(r.relation), r.full_name, r.birthplace, r.deceased, r.location, r.id)
        for r in _rows(session, BackgroundRelative, client_id)
    ]
    return Background(
        tuple(sorted(addresses, key=_recent_first, reverse=True)),
        tuple(sorted(schools, key=_recent_first, reverse=True)),
        tuple(sorted(jobs, key=_recent_first, reverse=True)),
        tuple(sorted(relatives, key=lambda r: (_RELATION_ORDER[r.relation], r.ref or 0))),
    )


def background_of(*, store: Store, client_id: ClientId) -> Background:
    with store.unit_of_work() as session:
        client = _client(session, client_id)
        return read_background(session, client.id)
