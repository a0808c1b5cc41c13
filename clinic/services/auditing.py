"""Audit helpers: every create, update and delete is recorded in the same transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from clinic.domain.enums import AuditAction
from clinic.services.results import Entity
from clinic.storage.audit_log import append_entry


def snapshot(row: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in fields}


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """``{field: [before, after]}`` for fields whose value changed."""
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


def record(
    session: Session,
    *,
    actor: str,
    action: AuditAction,
    entity: Entity,
    entity_id: int | None,
    changes: dict[str, Any],
) -> None:
    append_entry(
        session,
        actor=actor,
        action=action.value,
        entity=entity.value,
        entity_id=entity_id,
        changes=changes,
    )


VERSION_KEY = "_version"
"""An UPDATE entry's record of the version the row reached (a number beside the field pairs;
the history shows only the pairs): clinic.services.versions reads what changed after a version."""


def record_update(
    session: Session,
    *,
    actor: str,
    entity: Entity,
    row: Any,
    changes: dict[str, Any],
    action: AuditAction = AuditAction.UPDATE,
) -> None:
    """Record a change of ``row`` (already set; an UPDATE, or a stage move or referral) with the
    version it reaches: the row is
    flushed first, so its version is the new one (and a row changed under this save is
    refused here, as ``StaleDataError``). Rows without a version are recorded as they are."""
    version = None
    if hasattr(row, "version"):
        session.flush()
        version = row.version
    record(
        session,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=row.id,
        changes=changes if version is None else {**changes, VERSION_KEY: version},
    )


def record_created(
    session: Session, *, actor: str, entity: Entity, entity_id: int, values: dict[str, Any]
) -> None:
    record(
        session,
        actor=actor,
        action=AuditAction.CREATE,
        entity=entity,
        entity_id=entity_id,
        changes={k: [None, v] for k, v in values.items() if v not in (None, "", [], ())},
    )


def update_audited(
    session: Session, *, actor: str, entity: Entity, row: Any, values: dict[str, Any]
) -> dict[str, Any]:
    """Set ``values`` on ``row`` and record the fields that changed (one UPDATE entry); the
    changes, ``{}`` when nothing changed (then nothing is set or recorded)."""
    changes = field_changes(snapshot(row, tuple(values)), values)
    if changes:
        for name, value in values.items():
            setattr(row, name, value)
        record_update(session, actor=actor, entity=entity, row=row, changes=changes)
    return changes
