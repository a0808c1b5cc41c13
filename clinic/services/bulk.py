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
  one per change along the way; the deadline rows are the same. Its entries join the
  batch's, chained on in the same order;
- the rows an action read or wrote stay loaded for the next one (their relationships are
  expired after each action, so collections are read afresh; at each recompute all but the
  staff and the recomputed cases are let go), so a service's ``get`` of the case the previous
  action read needs no query.

Everything is committed at the end, or nothing (any exception rolls the whole batch back; a
service's refusal is the caller's to turn into one). Works on both engines: nothing here is
SQL-dialect specific.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import event
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Mapper, Session

from clinic.domain.audit_chain import ChainHead
from clinic.domain.deadlines import DeadlineMemo
from clinic.domain.enums import AuditAction
from clinic.services.deadline_bulk import append_audit
from clinic.services.deadline_bulk_plan import StoredForms, plan_chunk
from clinic.services.deadline_refresh import DEFERRED, refresh_with, set_based
from clinic.services.results import Changes, Entity
from clinic.services.rule_deadlines import RuleContext, rule_context
from clinic.services.settings_schema import settings_in
from clinic.storage.audit_log import BATCH, AuditBatch, read_head
from clinic.storage.models import Case, Deadline, Staff

if TYPE_CHECKING:
    from clinic.storage.store import Store


class BulkStore:
    """A store (for the services) whose units of work all share one open session.

    Everything else (``actor``, ``vault``, ...) is the real store's."""

    def __init__(self, store: Store, session: Session) -> None:
        self._store = store
        self.session = session
        self._recompute = Recompute(store.actor)
        # the identity map holds rows weakly: every row read or written is kept here until the
        # next refresh lets them all go, so that the next action finds it without a query
        self._held: list[object] = []
        event.listen(session, "loaded_as_persistent", self._hold)
        event.listen(session, "pending_to_persistent", self._hold)
        self.refreshed = 0

    def _hold(self, _session: Session, instance: object) -> None:
        self._held.append(instance)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    @property
    def as_store(self) -> Store:
        """This object typed as the services expect (it has what they use of a store)."""
        return cast("Store", self)

    @contextlib.contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """The shared session; afterwards its rows are written and their relationships
        forgotten, so the next action reads collections afresh, as from a session of its own
        (a collection loaded earlier would not show rows added since by their foreign key).
        The rows themselves stay in the identity map: only this session wrote them since they
        were read (a set-based recompute, which writes behind its back, expires them all), so
        the next action's ``get`` of the same case needs no query."""
        yield self.session
        self.session.flush()
        forget_relationships(self.session)

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
        # let go of the rows read so far, but for the staff and the cases just recomputed (the
        # next action is most often a stage change of one of them): what is held stays small
        kept = [o for o in self._held if _kept_across_refresh(o, ids)]
        self.session.expunge_all()
        self._held = []
        for obj in kept:
            self.session.add(obj)
            self._held.append(obj)
        self.refreshed += len(ids)


_RELATIONSHIPS: dict[type, list[str]] = {}


def _relationships(cls: type) -> list[str]:
    found = _RELATIONSHIPS.get(cls)
    if found is None:
        mapper: Mapper[Any] = sa_inspect(cls)
        found = _RELATIONSHIPS[cls] = [r.key for r in mapper.relationships]
    return found


def forget_relationships(session: Session) -> None:
    """Expire every loaded row's relationships (collections and the rows they point to), so
    that they are read again on first use; the rows' own columns stay loaded."""
    for obj in list(session.identity_map.values()):
        loaded = obj.__dict__  # an attribute loaded (or set) is in the instance's dict
        names = [name for name in _relationships(type(obj)) if name in loaded]
        if names:
            session.expire(obj, names)


def _kept_across_refresh(obj: object, case_ids: set[int]) -> bool:
    if isinstance(obj, Staff):
        return True
    identity = sa_inspect(obj).identity
    return isinstance(obj, Case) and identity is not None and identity[0] in case_ids


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
        head: ChainHead | None = None
        ids = sorted(case_ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            plan = plan_chunk(session, chunk[0], chunk[-1], self._memo, self._stored, only=chunk)
            plan.write(session)
            if not isinstance(batch, AuditBatch):
                head = append_audit(session, head or read_head(session), plan.audited, self.actor)
                continue
            for case_id, changes in plan.audited:  # chained on in the batch, as append_audit
                batch.append(
                    session,
                    actor=self.actor,
                    action=AuditAction.UPDATE.value,
                    entity=Entity.CASE.value,
                    entity_id=case_id,
                    changes={"deadlines_recomputed": [None, changes]},
                )
        # deadline rows changed behind the identity map's back (and only they: the plan
        # writes that table alone), and with them the collections that hold them
        for obj in list(session.identity_map.values()):
            if isinstance(obj, Deadline):
                session.expire(obj)
        forget_relationships(session)


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
