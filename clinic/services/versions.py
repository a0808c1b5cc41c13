"""Row versions: a save started from an older version of a record is never a silent overwrite.

Every editable row carries ``version`` (migration 0012; SQLAlchemy's ``version_id_col`` adds one
at every UPDATE). The window reads it with the record (the DTOs' ``version``) and passes it back
as ``expected_version`` when it saves. When someone else saved the record in between:

- the audit trail says what they changed: every UPDATE entry written through
  :func:`~clinic.services.auditing.record_update` (``update_audited`` included) records the version the row reached
  (``_version``, a number beside the ``{field: [before, after]}`` pairs: the history shows only
  the pairs), so the entries after ``expected_version`` are exactly their changes, with who
  (in office mode the staff member's name for the login the server recorded) and when;
- a field they changed that the user left as it was keeps their value (the user's save only
  writes the fields the user changed): both edits stand;
- a field both changed, to different values, refuses the save: :class:`EditConflict`, with
  their change and the user's value for every field, and nothing saved;
- the user who has seen their change and still wants theirs replaced saves again with
  ``save_over`` = the version the conflict named: the user's changed fields are written over
  theirs (audited as any save), their other changes stay. If the record moved on again
  meanwhile, that is a new conflict.

A version that moved on with no entry recording it (a change written before versions were
recorded, or by a path that does not record them) is a conflict with no fields named: the
window says someone else saved the record and offers the same two choices.

``expected_version`` None (the command line, bulk work, anything that reads and writes in one
transaction) checks nothing here; the row's own version check still refuses an UPDATE that
finds the row changed under it (``ChangedMeanwhile``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic.services.auditing import VERSION_KEY, field_changes, record_update, snapshot
from clinic.services.errors import EditConflict, TheirChange, Thing
from clinic.services.results import Entity
from clinic.storage.audit_log import jsonable
from clinic.storage.models import AuditEntry
from clinic.storage.postgres_identity import staff_names


def their_changes(
    session: Session, *, entity: Entity, entity_id: int, since: int
) -> dict[str, TheirChange]:
    """The fields changed after version ``since``, from the audit trail: per field, the value
    at ``since`` (the first later entry's before), the latest value, and who saved it when."""
    entries = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == entity.value, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.seq)
    )
    found: dict[str, TheirChange] = {}
    for entry in entries:
        version = entry.changes.get(VERSION_KEY)
        if not isinstance(version, int) or version <= since:
            continue
        for field, change in entry.changes.items():
            if not isinstance(change, list) or len(change) != 2:
                continue
            first = found.get(field)
            before = change[0] if first is None else first.before
            found[field] = TheirChange(field, before, change[1], entry.actor, entry.at)
    names = staff_names(session, (c.who for c in found.values()))  # office logins: names
    return {f: replace(c, who=names.get(c.who, c.who)) for f, c in found.items()}


def settle(
    session: Session,
    row: Any,
    *,
    thing: Thing,
    entity: Entity,
    values: Mapping[str, Any],
    expected_version: int | None,
    save_over: int | None = None,
) -> dict[str, Any]:
    """The values this save writes, or :class:`EditConflict` (see the module's documentation).
    ``values`` are the user's whole form, as the service would store them."""
    wanted = dict(values)
    current = int(row.version)
    if expected_version is None or expected_version == current:
        return wanted
    theirs = their_changes(session, entity=entity, entity_id=row.id, since=expected_version)
    settled = dict(wanted)
    clashes: dict[str, TheirChange] = {}
    for field, change in theirs.items():
        if field not in wanted:
            continue  # a field this form does not hold: theirs stands, no clash
        mine = jsonable(wanted[field])
        if mine in (change.before, change.theirs):
            del settled[field]  # the user left it (or made the same change): theirs stays
        else:
            clashes[field] = change
    if save_over == current and (clashes or not theirs):
        for field in clashes:  # seen side by side and chosen: the user's value goes over
            settled[field] = wanted[field]
        return settled
    if clashes or not theirs:
        shown = tuple(
            TheirChange(
                c.field,
                c.before,
                c.theirs,
                c.who,
                c.at,
                yours=jsonable(wanted[c.field]) if c.field in wanted else None,
                attempted=c.field in clashes,
            )
            for c in theirs.values()
        )
        raise EditConflict(
            thing,
            row.id,
            expected_version=expected_version,
            current_version=current,
            changes=shown,
            attempted={k: jsonable(v) for k, v in wanted.items()},
        )
    return settled


def update_versioned(
    session: Session,
    row: Any,
    *,
    actor: str,
    thing: Thing,
    entity: Entity,
    values: Mapping[str, Any],
    expected_version: int | None,
    save_over: int | None = None,
) -> dict[str, Any]:
    """:func:`settle`, then set the settled values on ``row`` and record the fields that
    changed with the version reached (one UPDATE entry); the changes (``{}``: nothing set)."""
    settled = settle(
        session,
        row,
        thing=thing,
        entity=entity,
        values=values,
        expected_version=expected_version,
        save_over=save_over,
    )
    changes = field_changes(snapshot(row, tuple(settled)), settled)
    if changes:
        for name, value in settled.items():
            setattr(row, name, value)
        record_update(session, actor=actor, entity=entity, row=row, changes=changes)
    return changes
