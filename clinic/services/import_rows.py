"""Writing an import's planned clients in batches (the services' bulk path, issue 20 § 5).

Each batch of rows is inserted in three flushes (clients; their family and cases; the cases'
stage events and hearings) instead of three to five per row, then audited row by row in the
file's order: the rows, their ids and the audit entries are those of storing one row after
the other as intake stores it (every table numbers its rows in insertion order, and each
table's rows are inserted in the file's order either way).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from clinic.domain.enums import Stage
from clinic.domain.importing.plan import PlannedClient
from clinic.domain.names import search_key
from clinic.services.auditing import record_created
from clinic.services.intake_rows import a_number_or_none, case_values, client_search_key
from clinic.services.intake_rows import client_values as values_of_client
from clinic.services.results import Entity
from clinic.storage.models import Case, Client, FamilyMember, Hearing, StageEvent

BATCH = 500
IMPORTED_NOTE = "Case opened (imported from a spreadsheet)"


@dataclass
class _Row:
    """One planned client's new rows, and the values each one's ``create`` entry records."""

    client: Client
    client_values: dict[str, Any]
    family: list[tuple[FamilyMember, dict[str, Any]]] = field(default_factory=list)
    case: Case | None = None
    case_values: dict[str, Any] = field(default_factory=dict)
    hearing: Hearing | None = None
    hearing_values: dict[str, Any] = field(default_factory=dict)


def store_clients(
    session: Session, actor: str, planned: list[PlannedClient], today: date
) -> list[tuple[int, int | None, int | None]]:
    """Store one batch of planned clients; (client id, case id, hearing id) for each."""
    rows = [_client_row(p) for p in planned]
    session.add_all([r.client for r in rows])
    session.flush()
    for row, plan in zip(rows, planned, strict=True):
        _family_and_case(row, plan, today)
        session.add_all([member for member, _ in row.family])
        if row.case is not None:
            session.add(row.case)
    session.flush()
    for row, plan in zip(rows, planned, strict=True):
        _event_and_hearing(session, actor, row, plan)
    session.flush()
    for row in rows:
        _audit(session, actor, row)
    return [
        (
            r.client.id,
            None if r.case is None else r.case.id,
            None if r.hearing is None else r.hearing.id,
        )
        for r in rows
    ]


def _client_row(planned: PlannedClient) -> _Row:
    values = values_of_client(planned.row.client)
    return _Row(Client(**values, search_key=client_search_key(values)), values)


def _family_and_case(row: _Row, planned: PlannedClient, today: date) -> None:
    client_id = row.client.id
    for member in planned.family:
        draft = member.member
        values = asdict(draft)
        values["a_number"] = a_number_or_none(draft.a_number)
        relationship = values.pop("relationship")
        made = FamilyMember(
            client_id=client_id,
            relationship_=relationship,
            **values,
            search_key=search_key(draft.family_name, draft.given_name),
        )
        row.family.append((made, {**values, "relationship": relationship, "client_id": client_id}))
    if planned.row.case is not None:
        row.case_values = case_values(planned.row.case, today)
        row.case = Case(client_id=client_id, stage=Stage.INTAKE, **row.case_values)


def _event_and_hearing(session: Session, actor: str, row: _Row, planned: PlannedClient) -> None:
    case = row.case
    if case is None:
        return
    session.add(
        StageEvent(
            case_id=case.id,
            on=row.case_values["opened_on"],
            from_stage=None,
            to_stage=Stage.INTAKE,
            claim_type=case.claim_type,
            actor=actor,
            note=IMPORTED_NOTE,
        )
    )
    if planned.row.hearing is None:
        return
    values = asdict(planned.row.hearing)
    values["judge"] = planned.row.hearing.judge.strip() or case.judge
    row.hearing = Hearing(case_id=case.id, **values)
    row.hearing_values = values
    session.add(row.hearing)


def _audit(session: Session, actor: str, row: _Row) -> None:
    """The row's ``create`` entries, in the order intake writes them."""
    client = row.client
    record_created(
        session, actor=actor, entity=Entity.CLIENT, entity_id=client.id, values=row.client_values
    )
    for member, values in row.family:
        record_created(
            session, actor=actor, entity=Entity.FAMILY_MEMBER, entity_id=member.id, values=values
        )
    if row.case is None:
        return
    record_created(
        session,
        actor=actor,
        entity=Entity.CASE,
        entity_id=row.case.id,
        values={**row.case_values, "client_id": client.id, "stage": Stage.INTAKE},
    )
    if row.hearing is not None:
        record_created(
            session,
            actor=actor,
            entity=Entity.HEARING,
            entity_id=row.hearing.id,
            values={**row.hearing_values, "case_id": row.case.id},
        )
