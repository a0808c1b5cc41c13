"""The audit trail of one case, in words: who changed what, and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from clinic.domain.ids import CaseId
from clinic.services.errors import NotFound, Thing
from clinic.services.results import Entity
from clinic.storage.models import (
    AuditEntry,
    Case,
    Deadline,
    EvidenceFile,
    EvidenceItem,
    Hearing,
    Note,
)
from clinic.storage.store import Store

_ACTIONS = {
    "create": "added",
    "update": "changed",
    "delete": "removed",
    "export": "exported",
    "stage": "moved",
    "refer": "referred",
    "not_same_person": "confirmed a different person from a matched",
}
# Events of the whole store that concern every case (changes lost or taken back): each case's
# history shows them, with the figures that say what happened (issue 16 § 2).
STORE_EVENTS = ("accept_older_copy", "restore_from_backup", "anchor_missing")
_STORE_DETAILS = ("entries_missing", "backup_made", "places")
MAX_VALUE_CHARS = 60


@dataclass(frozen=True)
class FieldChange:
    """One audited field as stored: its key and its value before and after (JSON values:
    text, numbers, booleans, lists, dicts or None; dates and enums as their stored text)."""

    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class TrailEntry:
    seq: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    summary: str  # English, for logs and the CLI; the UI words ``changes`` itself
    changes: tuple[FieldChange, ...] = ()


def _short(value: Any) -> str:
    text = "—" if value in (None, "", [], {}) else str(value)
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


def _changes(entry: AuditEntry) -> tuple[FieldChange, ...]:
    """The entry's field changes, sorted by field, as stored (``{field: [before, after]}``);
    a store event's figures (how many entries were lost, when the backup was made) as values
    recorded with nothing before."""
    if entry.entity == "store" and entry.action in STORE_EVENTS:
        return tuple(
            FieldChange(field, None, entry.changes[field])
            for field in _STORE_DETAILS
            if field in entry.changes
        )
    return tuple(
        FieldChange(field, change[0], change[1])
        for field, change in sorted(entry.changes.items())
        if isinstance(change, list) and len(change) == 2
    )


def _store_summary(entry: AuditEntry) -> str:
    facts = entry.changes
    if entry.action == "accept_older_copy":
        return (
            "accepted an older copy of the records as current "
            f"({facts.get('entries_missing', '?')} entries made after it were lost)"
        )
    if entry.action == "restore_from_backup":
        return f"restored the records from the backup made {facts.get('backup_made', '?')}"
    places = ", ".join(str(p) for p in facts.get("places", ()))
    return f"the record of the last save kept outside the data folder was missing ({places})"


def _summary(entry: AuditEntry) -> str:
    if entry.entity == "store" and entry.action in STORE_EVENTS:
        return _store_summary(entry)
    verb = _ACTIONS.get(entry.action, entry.action)
    what = entry.entity.replace("_", " ")
    if entry.action == "create":
        return f"{verb} {what}"
    parts = []
    for field, change in sorted(entry.changes.items()):
        if isinstance(change, list) and len(change) == 2:
            before, after = change
            parts.append(f"{field.replace('_', ' ')}: {_short(before)} → {_short(after)}")
    return f"{verb} {what}" + (f" ({'; '.join(parts)})" if parts else "")


def _ids(session: Session, query: Any) -> list[int]:
    return list(session.scalars(query))


def case_trail(*, store: Store, case_id: CaseId, limit: int = 500) -> list[TrailEntry]:
    """Newest first: every audited change to the case, its client, hearings, deadlines,
    evidence, files and notes."""
    with store.unit_of_work() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(Thing.CASE, case_id)
        evidence = _ids(session, select(EvidenceItem.id).where(EvidenceItem.case_id == case_id))
        owned: dict[Entity, list[int]] = {
            Entity.CASE: [case_id],
            Entity.CLIENT: [case.client_id],
            Entity.HEARING: _ids(session, select(Hearing.id).where(Hearing.case_id == case_id)),
            Entity.DEADLINE: _ids(session, select(Deadline.id).where(Deadline.case_id == case_id)),
            Entity.EVIDENCE: evidence,
            Entity.EVIDENCE_FILE: _ids(
                session, select(EvidenceFile.id).where(EvidenceFile.evidence_id.in_(evidence))
            ),
            Entity.NOTE: _ids(session, select(Note.id).where(Note.case_id == case_id)),
        }
        condition = or_(
            *(
                and_(AuditEntry.entity == entity.value, AuditEntry.entity_id.in_(ids))
                for entity, ids in owned.items()
                if ids
            ),
            and_(AuditEntry.entity == "store", AuditEntry.action.in_(STORE_EVENTS)),
        )
        rows = session.scalars(
            select(AuditEntry).where(condition).order_by(AuditEntry.seq.desc()).limit(limit)
        )
        return [
            TrailEntry(
                e.seq, e.at, e.actor, e.action, e.entity, e.entity_id, _summary(e), _changes(e)
            )
            for e in rows
        ]
