"""Keeping a case's rule-computed deadlines in step with its dates, inside the caller's unit of work.

Computed deadlines are stored (so lists, the Today page and "next deadline" are plain SQL) and
keyed by (rule, anchor field, anchor date). A refresh updates rows whose key still applies,
adds new ones, deletes open rows whose key no longer applies (e.g. a hearing was moved), and keeps
done or waived rows as history. A judge-ordered deadline of the same kind supersedes the rule's
default for hearings after the ordered date.

The set-based refresh of every case is :mod:`clinic.services.deadline_bulk` (its plans:
:mod:`clinic.services.deadline_bulk_plan`); what the engine reads about a case is
:mod:`clinic.services.deadline_facts`, and the rule book, calendar and status rules both share
:mod:`clinic.services.rule_deadlines`. The public names stay importable from here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from clinic.domain.deadlines import ComputedDeadline, deadlines_for_case
from clinic.domain.enums import AuditAction, DeadlineOrigin, DeadlineStatus
from clinic.services.auditing import record
from clinic.services.deadline_bulk import RecomputeCancelled
from clinic.services.deadline_bulk import refresh_all_cases as _refresh_all_set_based
from clinic.services.deadline_facts import case_facts
from clinic.services.results import Changes, Entity
from clinic.services.rule_deadlines import (
    LIVE,
    SETTLED_FLAGS,
    Key,
    Recomputed,
    RuleContext,
    rule_context,
    rule_status,
    settled_by_rule,
)
from clinic.services.settings_schema import ClinicSettings, settings_in
from clinic.storage.models import Case, Client, Deadline

__all__ = [
    "SETTLED_FLAGS",
    "RecomputeCancelled",
    "RuleContext",
    "case_facts",
    "client_case_ids",
    "refresh_all_cases",
    "refresh_case",
    "refresh_cases",
    "rule_context",
]


def _apply(row: Deadline, computed: ComputedDeadline) -> None:
    values = {
        "title": computed.name,
        "kind": computed.kind,
        "due_on": computed.due or computed.anchor.on,
        "safe_due_on": computed.safe_due,
        "court_sets_date": computed.due is None,
        "explanation": computed.explanation,
        "source": computed.source,
        "as_of": computed.as_of,
        "confidence": computed.confidence,
        "flags": list(computed.flags),
    }
    for name, value in values.items():
        # Only what differs: an unchanged row then stays clean, and the flush after a refresh
        # that changed nothing has nothing to compare (it was a third of a no-op refresh).
        if getattr(row, name) != value:
            setattr(row, name, value)


def _superseded(case: Case, rule_id: str, anchor_on: date | None) -> bool:
    return any(
        d.origin is DeadlineOrigin.JUDGE_ORDERED
        and d.kind == rule_id
        and d.status is not DeadlineStatus.WAIVED
        and (anchor_on is None or anchor_on >= d.due_on)
        for d in case.deadlines
    )


def refresh_case(session: Session, case: Case, context: RuleContext, actor: str) -> bool:
    """Recompute one case's rule deadlines; True when anything changed (and was audited)."""
    changes = _recompute(session, case, context)
    if changes is None:
        return False
    _audit(session, case.id, changes, actor)
    return True


def _recompute(session: Session, case: Case, context: RuleContext) -> Recomputed | None:
    """Bring one case's rule deadlines up to date; what was added, moved and removed, or
    ``None`` when nothing changed. Issues no SQL (the caller flushes)."""
    existing: dict[Key, Deadline] = {
        (d.rule_id, d.anchor_field, d.anchor_on): d
        for d in case.deadlines
        if d.origin is DeadlineOrigin.RULE
    }
    added, moved, removed = [], [], []
    seen: set[Key] = set()
    for computed in deadlines_for_case(case_facts(case), context.book, context.calendar):
        key = (computed.rule_id, computed.anchor.field, computed.anchor.on)
        seen.add(key)
        row = existing.get(key)
        if row is None:
            row = Deadline(
                origin=DeadlineOrigin.RULE,
                rule_id=computed.rule_id,
                anchor_field=computed.anchor.field,
                anchor_on=computed.anchor.on,
                status=DeadlineStatus.OPEN,
            )
            case.deadlines.append(row)
            added.append(computed.rule_id)
        elif row.due_on != (computed.due or computed.anchor.on):
            moved.append(computed.rule_id)
        was_settled = settled_by_rule(row.flags or ())
        _apply(row, computed)
        if row.status in LIVE or was_settled:
            superseded = _superseded(case, computed.rule_id, computed.anchor.on)
            status, reason, on = rule_status(computed, superseded)
            if (row.status, row.status_reason, row.completed_on) != (status, reason, on):
                row.status, row.status_reason, row.completed_on = status, reason, on
    for old_key, row in existing.items():
        if old_key not in seen and row.status in LIVE:
            case.deadlines.remove(row)
            session.delete(row)
            removed.append(old_key[0])
    if not (added or moved or removed):
        return None
    return {"added": added, "moved": moved, "removed": removed}


def _audit(session: Session, case_id: int, changes: Recomputed, actor: str) -> None:
    record(
        session,
        actor=actor,
        action=AuditAction.UPDATE,
        entity=Entity.CASE,
        entity_id=case_id,
        changes={"deadlines_recomputed": [None, changes]},
    )


DEFERRED = "clinic.deferred_refresh"  # session.info: case ids a bulk write refreshes later


def refresh_cases(session: Session, case_ids: set[int], actor: str) -> Changes:
    """Refresh the given cases with the clinic's current rule settings. In a bulk write
    (:mod:`clinic.services.bulk`) the ids are noted and the cases refreshed once, later."""
    if not case_ids:
        return Changes()
    deferred = session.info.get(DEFERRED)
    if isinstance(deferred, set):
        deferred.update(case_ids)
        return Changes(frozenset((Entity.CASE, i) for i in case_ids))
    session.flush()
    context = rule_context(settings_in(session))
    return Changes(
        frozenset((Entity.CASE, i) for i in refresh_with(session, case_ids, context, actor))
    )


def refresh_with(
    session: Session, case_ids: set[int], context: RuleContext, actor: str
) -> list[int]:
    """Refresh the given cases under ``context``, one by one through the ORM; the ids of those
    that changed (each audited), ascending. The caller has flushed."""
    changed = [
        case.id for case in _load(session, case_ids) if refresh_case(session, case, context, actor)
    ]
    return sorted(changed)


def set_based(session: Session) -> bool:
    """Whether the set-based bulk path applies: it reads and compares rows in SQLite's stored
    forms (ISO text dates, 0/1 flags, JSON text) with plain SQL. An office (PostgreSQL)
    database is refreshed case by case through the ORM instead, in chunks, with the same rows
    and audit entries as a result."""
    return session.get_bind().dialect.name == "sqlite"


_ORM_CHUNK = 500


def refresh_all_cases(
    session: Session,
    *,
    settings: ClinicSettings,
    actor: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Changes:
    """After a rule or closure setting changed, or new rules were installed: every case, inside
    the caller's unit of work (set-based on a laptop's store, see
    :func:`clinic.services.deadline_bulk.refresh_all_cases`). ``progress(done, total)`` after
    each chunk; ``cancelled()`` before each, raising :class:`RecomputeCancelled`."""
    if set_based(session):
        return _refresh_all_set_based(
            session, settings=settings, actor=actor, progress=progress, cancelled=cancelled
        )
    session.flush()
    context = rule_context(settings)
    ids = list(session.scalars(select(Case.id).order_by(Case.id)))
    touched: set[tuple[Entity, int]] = set()
    for start in range(0, len(ids), _ORM_CHUNK):
        if cancelled is not None and cancelled():
            raise RecomputeCancelled
        chunk = ids[start : start + _ORM_CHUNK]
        touched.update((Entity.CASE, i) for i in refresh_with(session, set(chunk), context, actor))
        session.flush()  # clean rows are held weakly: a chunk's cases can be let go
        if progress is not None:
            progress(start + len(chunk), len(ids))
    return Changes(frozenset(touched))


def _load(session: Session, case_ids: set[int]) -> list[Case]:
    query = (
        select(Case)
        .execution_options(populate_existing=True)  # callers flushed: the database is current
        .where(Case.id.in_(case_ids))
        .options(
            selectinload(Case.client).selectinload(Client.addresses),
            selectinload(Case.client).selectinload(Client.family),
            selectinload(Case.client).selectinload(Client.entries),
            selectinload(Case.client).selectinload(Client.statuses),
            selectinload(Case.hearings),
            selectinload(Case.facts),
            selectinload(Case.deadlines),
        )
    )
    return list(session.scalars(query))


def client_case_ids(session: Session, client_id: int) -> set[int]:
    return set(session.scalars(select(Case.id).where(Case.client_id == client_id)))
