"""Refreshing every case's rule deadlines at once, set-based, inside the caller's unit of work.

Each chunk of cases is planned by :func:`clinic.services.deadline_bulk_plan.plan_chunk` and
written with executemany statements, followed by its audit entries chained on from a single read
of the chain head (:func:`append_audit`), exactly as one entry per case would have been.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from clinic.domain.audit_chain import AuditRecord, ChainHead, entry_hash
from clinic.domain.deadlines import DeadlineMemo
from clinic.domain.enums import AuditAction
from clinic.services.deadline_bulk_plan import StoredForms, plan_chunk
from clinic.services.results import Changes, Entity
from clinic.services.rule_deadlines import Recomputed, rule_context
from clinic.services.settings_schema import ClinicSettings
from clinic.storage.audit_log import AUDITED, read_head
from clinic.storage.models import AuditEntry, Case

_BULK_CHUNK = 5_000


class RecomputeCancelled(Exception):
    """Raised out of :func:`refresh_all_cases` when it was asked to stop: the caller's unit of
    work rolls back, so nothing of the recompute (or of what triggered it) is saved."""


def refresh_all_cases(
    session: Session,
    *,
    settings: ClinicSettings,
    actor: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Changes:
    """After a rule or closure setting changed: every case, in chunks, set-based.

    The same rows and audit entries (same order, same chain) as refreshing each case with
    :func:`~clinic.services.deadline_refresh.refresh_case`, without loading a single ORM object: each chunk of cases is read with
    five narrow queries, recomputed with a :class:`DeadlineMemo` (cases share rule fits and
    results), compared with the stored rows in Python, and only what differs is written
    (executemany updates, inserts and one delete), followed by the chunk's audit entries
    chained from a single read of the chain head.

    ``progress(done, total)`` is called after each chunk; ``cancelled()`` is checked before
    each chunk and raises :class:`RecomputeCancelled` when it answers True.
    """
    session.flush()
    context = rule_context(settings)
    memo = DeadlineMemo(context.book, context.calendar)
    ids = list(session.scalars(select(Case.id).order_by(Case.id)))
    touched: set[tuple[Entity, int]] = set()
    head = read_head(session)
    stored = StoredForms()
    for start in range(0, len(ids), _BULK_CHUNK):
        if cancelled is not None and cancelled():
            raise RecomputeCancelled
        chunk = ids[start : start + _BULK_CHUNK]
        plan = plan_chunk(session, chunk[0], chunk[-1], memo, stored)
        plan.write(session)
        head = append_audit(session, head, plan.audited, actor)
        touched.update((Entity.CASE, case_id) for case_id, _ in plan.audited)
        if progress is not None:
            progress(start + len(chunk), len(ids))
    session.expire_all()  # rows changed behind the identity map's back
    return Changes(frozenset(touched))


def append_audit(
    session: Session, head: ChainHead, audited: list[tuple[int, Recomputed]], actor: str
) -> ChainHead:
    """One audit entry per changed case, chained on from ``head`` exactly as
    :func:`clinic.storage.audit_log.append_entry` chains them, inserted in one executemany."""
    if not audited:
        return head
    seq, prev = head.seq, head.hash
    rows: list[dict[str, Any]] = []
    for case_id, changes in audited:
        seq += 1
        now = datetime.now(UTC)
        changed = {"deadlines_recomputed": [None, changes]}
        record_ = AuditRecord(
            seq=seq,
            at=now.isoformat(timespec="microseconds"),
            actor=actor,
            action=AuditAction.UPDATE.value,
            entity=Entity.CASE.value,
            entity_id=case_id,
            changes=changed,
            prev_hash=prev,
        )
        digest = entry_hash(record_)
        rows.append(
            {
                "seq": seq,
                "at": now,
                "at_text": record_.at,
                "actor": actor,
                "action": record_.action,
                "entity": record_.entity,
                "entity_id": case_id,
                "changes": changed,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    session.execute(insert(AuditEntry), rows)
    session.info[AUDITED] = True  # the unit of work saves the head outside after commit
    return ChainHead(seq, prev)
