"""The services' bulk path: many user actions written as one transaction.

``bulk_writes(store)`` opens one unit of work and yields a :class:`BulkStore`: a store whose
``unit_of_work`` hands every service the same session, so the services (intake, opening a case,
a stage change, a hearing, ...) run exactly as a user's actions run them, with their checks,
rows and audit entries, but without a commit, a chain-head write and a deadline recompute per
action. Instead:

- the audit entries are chained in memory from the head read once (``AuditBatch`` in
  :mod:`clinic.storage.audit_log`) and inserted together (one executemany) before the commit:
  the same entries, order and hashes as one by one (on PostgreSQL the server's trigger chains
  them as it always does);
- a deadline recompute a service asks for is noted (``DEFERRED`` in
  :mod:`clinic.services.deadline_refresh`) and done once per case, by :meth:`BulkStore.refresh`
  (before the caller reads a case's deadlines) or at the end. Each case then gets one
  ``deadlines_recomputed`` entry for the deadlines it ended up with, where one by one it got
  one per change along the way; the deadline rows are the same.

Everything is committed at the end, or nothing (any exception rolls the whole batch back; a
service's refusal is the caller's to turn into one). Works on both engines: nothing here is
SQL-dialect specific.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy.orm import Session

from clinic.domain.deadlines import DeadlineMemo
from clinic.services.deadline_bulk import append_audit
from clinic.services.deadline_bulk_plan import StoredForms, plan_chunk
from clinic.services.deadline_refresh import DEFERRED, refresh_with, set_based
from clinic.services.results import Changes, Entity
from clinic.services.rule_deadlines import RuleContext, rule_context
from clinic.services.settings_schema import settings_in
from clinic.storage.audit_log import BATCH, AuditBatch, read_head

if TYPE_CHECKING:
    from clinic.storage.store import Store


class BulkStore:
    """A store (for the services) whose units of work all share one open session.

    Everything else (``actor``, ``vault``, ...) is the real store's."""

    def __init__(self, store: Store, session: Session) -> None:
        self._store = store
        self.session = session
        self._recompute = Recompute(store.actor)
        self.refreshed = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    @property
    def as_store(self) -> Store:
        """This object typed as the services expect (it has what they use of a store)."""
        return cast("Store", self)

    @contextlib.contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """The shared session; afterwards its rows are written and let go, so the next action
        reads them afresh, as from a session of its own (a collection loaded earlier would not
        show rows added since by their foreign key)."""
        yield self.session
        self.session.flush()
        self.session.expunge_all()

    def refresh(self) -> None:
        """Recompute the deadlines of every case a service asked for since the last call (once
        each), with the rule settings read once per batch; audited as one by one would be."""
        pending = self.session.info.get(DEFERRED)
        if not pending:
            return
        ids = set(pending)
        pending.clear()
        self.session.flush()
        self._recompute.cases(self.session, ids)
        self.session.expunge_all()
        self.refreshed += len(ids)


class Recompute:
    """Recomputing given cases' rule deadlines inside a bulk write, with the rule settings read
    once. On a laptop's store set-based (the planner of
    :mod:`clinic.services.deadline_bulk`, restricted to these cases, with one memo of rule
    results for the whole batch); on an office database case by case through the ORM. The same
    rows and audit entries either way, as that module's tests check."""

    def __init__(self, actor: str) -> None:
        self.actor = actor
        self._context: RuleContext | None = None
        self._memo: DeadlineMemo | None = None
        self._stored = StoredForms()

    def cases(self, session: Session, case_ids: set[int]) -> None:
        """Recompute ``case_ids`` (the caller flushed), audited in ascending id order."""
        if self._context is None:
            self._context = rule_context(settings_in(session))
        if not set_based(session):
            refresh_with(session, case_ids, self._context, self.actor)
            session.flush()
            return
        if self._memo is None:
            self._memo = DeadlineMemo(self._context.book, self._context.calendar)
        batch = session.info.get(BATCH)
        head = None
        if isinstance(batch, AuditBatch):
            batch.write(session)  # the entries so far first, in order
            head = batch.head
        head = head or read_head(session)
        ids = sorted(case_ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            plan = plan_chunk(session, chunk[0], chunk[-1], self._memo, self._stored, only=chunk)
            plan.write(session)
            head = append_audit(session, head, plan.audited, self.actor)
        if isinstance(batch, AuditBatch):
            batch.head = head
        session.expire_all()  # rows changed behind the identity map's back


_CHUNK = 5_000


def recompute_cases(session: Session, case_ids: set[int], actor: str) -> Changes:
    """Recompute the given cases once each (see :class:`Recompute`), inside the caller's
    transaction; the cases touched."""
    if not case_ids:
        return Changes()
    session.flush()
    Recompute(actor).cases(session, case_ids)
    return Changes(frozenset((Entity.CASE, i) for i in case_ids))


def refresh_pending(store: Store) -> None:
    """Before reading deadlines in a bulk write: the cases' pending recomputes (no-op on a
    plain store, where each action recomputed already)."""
    bulk = cast("object", store)
    if isinstance(bulk, BulkStore):
        bulk.refresh()


@contextlib.contextmanager
def bulk_writes(store: Store, *, defer_deadlines: bool = True) -> Iterator[BulkStore]:
    """One transaction for everything written through the yielded store (see the module).
    ``defer_deadlines=False``: recomputes run when asked (a caller that asks once already)."""
    with store.unit_of_work() as session:
        batch = AuditBatch()
        session.info[BATCH] = batch
        session.info[DEFERRED] = set() if defer_deadlines else None
        bulk = BulkStore(store, session)
        yield bulk
        bulk.refresh()
        session.flush()
        batch.write(session)
        del session.info[BATCH], session.info[DEFERRED]
