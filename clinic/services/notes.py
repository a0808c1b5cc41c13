"""Free-text notes on a client or a case."""

from __future__ import annotations

from clinic.domain.ids import CaseId, ClientId, NoteId
from clinic.domain.validation import MAX_TEXT, FieldProblem, Problem
from clinic.services.auditing import record_created
from clinic.services.results import Changes, Entity, Result, rejected
from clinic.storage.models import Note
from clinic.storage.store import Store


def add_note(
    *, store: Store, client_id: ClientId, body: str, case_id: CaseId | None = None
) -> Result[NoteId]:
    if not body.strip():
        return rejected((FieldProblem("body", Problem.REQUIRED),))
    if len(body) > MAX_TEXT:
        return rejected((FieldProblem("body", Problem.TOO_LONG),))
    with store.unit_of_work() as session:
        row = Note(client_id=client_id, case_id=case_id, body=body.strip(), author=store.actor)
        session.add(row)
        session.flush()
        record_created(
            session,
            actor=store.actor,
            entity=Entity.NOTE,
            entity_id=row.id,
            values={"client_id": client_id, "case_id": case_id, "body": row.body},
        )
        touched = {(Entity.NOTE, row.id), (Entity.CLIENT, client_id)}
        if case_id is not None:
            touched.add((Entity.CASE, case_id))
        return Result(NoteId(row.id), changes=Changes(frozenset(touched)))
