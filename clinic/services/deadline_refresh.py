"""Keeping a case's rule-computed deadlines in step with its dates, inside the caller's unit of work.

Computed deadlines are stored (so lists, the Today page and "next deadline" are plain SQL) and
keyed by (rule, anchor field, anchor date). A refresh updates rows whose key still applies,
adds new ones, deletes open rows whose key no longer applies (e.g. a hearing was moved), and keeps
done or waived rows as history. A judge-ordered deadline of the same kind supersedes the rule's
default for hearings after the ordered date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from clinic.domain.deadlines import (
    BusinessCalendar,
    CaseFacts,
    ComputedDeadline,
    HearingFact,
    RuleBook,
    deadlines_for_case,
)
from clinic.domain.deadlines.shipped import load_shipped_closures, load_shipped_rulebook
from clinic.domain.enums import (
    AuditAction,
    CaseFactKind,
    DeadlineOrigin,
    DeadlineStatus,
    ForumKind,
    Relief,
)
from clinic.services.auditing import record
from clinic.services.results import Changes, Entity
from clinic.services.settings_schema import ClinicSettings, settings_in
from clinic.storage.models import Case, Client, Deadline

Key = tuple[str, str, date | None]
_LIVE = (DeadlineStatus.OPEN, DeadlineStatus.SUPERSEDED)
_CHUNK = 500


@dataclass(frozen=True)
class RuleContext:
    book: RuleBook
    calendar: BusinessCalendar


@lru_cache(maxsize=4)
def _context(
    rule_days: tuple[tuple[str, int], ...], closure_days: tuple[tuple[str, str], ...]
) -> RuleContext:
    book = load_shipped_rulebook().with_settings(dict(rule_days))
    closures = {**load_shipped_closures(), **{date.fromisoformat(d): r for d, r in closure_days}}
    return RuleContext(book, BusinessCalendar(closures))


def rule_context(settings: ClinicSettings) -> RuleContext:
    """The rule book with the clinic's amounts and the calendar with its closures (cached)."""
    return _context(*settings.rule_inputs())


def case_facts(case: Case) -> CaseFacts:
    client: Client = case.client
    moves = sorted(a.moved_in_on for a in client.addresses[1:] if a.moved_in_on is not None)
    single: dict[CaseFactKind, date] = {}
    numbers: dict[CaseFactKind, int] = {}
    repeated: dict[CaseFactKind, list[date]] = {}
    for fact in case.facts:
        if fact.number is not None:
            numbers[fact.kind] = fact.number
        elif fact.on is not None:
            single[fact.kind] = max(fact.on, single.get(fact.kind, fact.on))
            repeated.setdefault(fact.kind, []).append(fact.on)
    return CaseFacts(
        claim_type=case.claim_type,
        forum=ForumKind(case.forum_kind),
        detained=case.detained,
        stage=case.stage,
        relief=frozenset(Relief(r) for r in case.relief),
        unaccompanied_child=client.unaccompanied_child,
        last_arrival=client.last_arrival_on,
        i589_received=case.filed_on,
        hearings=tuple(HearingFact(h.kind, h.on) for h in case.hearings),
        decision=single.get(CaseFactKind.DECISION),
        final_order=single.get(CaseFactKind.FINAL_ORDER),
        bia_decision=single.get(CaseFactKind.BIA_DECISION),
        in_absentia_order=single.get(CaseFactKind.IN_ABSENTIA_ORDER),
        vd_order=single.get(CaseFactKind.VD_ORDER),
        vd_days=numbers.get(CaseFactKind.VD_DAYS),
        nta_served=single.get(CaseFactKind.NTA_SERVED),
        ead_expires=single.get(CaseFactKind.EAD_EXPIRES),
        ij_denial=single.get(CaseFactKind.IJ_DENIAL),
        address_changes=tuple(moves),
        asylum_granted=single.get(CaseFactKind.ASYLUM_GRANTED),
        aaf_notice=single.get(CaseFactKind.AAF_NOTICE),
        exception_event_end=single.get(CaseFactKind.EXCEPTION_EVENT_END),
        ead_stopped_days=numbers.get(CaseFactKind.EAD_STOPPED_DAYS, 0),
        opposing_filing_received=tuple(
            sorted(repeated.get(CaseFactKind.OPPOSING_FILING_RECEIVED, []))
        ),
        judge_set_dates=tuple(sorted(repeated.get(CaseFactKind.JUDGE_SET_DATE, []))),
    )


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


Recomputed = dict[str, list[str]]


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
        _apply(row, computed)
        if row.status in _LIVE:
            superseded = _superseded(case, computed.rule_id, computed.anchor.on)
            status = DeadlineStatus.SUPERSEDED if superseded else DeadlineStatus.OPEN
            if row.status is not status:
                row.status = status
    for old_key, row in existing.items():
        if old_key not in seen and row.status in _LIVE:
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


def refresh_cases(session: Session, case_ids: set[int], actor: str) -> Changes:
    """Refresh the given cases with the clinic's current rule settings."""
    if not case_ids:
        return Changes()
    session.flush()
    context = rule_context(settings_in(session))
    touched: set[tuple[Entity, int]] = set()
    for case in _load(session, case_ids):
        if refresh_case(session, case, context, actor):
            touched.add((Entity.CASE, case.id))
    return Changes(frozenset(touched))


def refresh_all_cases(session: Session, *, settings: ClinicSettings, actor: str) -> Changes:
    """After a rule or closure setting changed: every case, a chunk at a time (bounded memory)."""
    ids = sorted(session.scalars(select(Case.id)))
    touched: set[tuple[Entity, int]] = set()
    context = rule_context(settings)
    for start in range(0, len(ids), _CHUNK):
        changed: list[tuple[int, Recomputed]] = []
        # No autoflush while recomputing: auditing each case on its own made every case's
        # audit entry (which reads the chain head) flush that case's deadline rows first, one
        # round of SQL per case; 80% of the time when most cases change. Audit entries are
        # written after the chunk's single flush, in case order, exactly as before.
        with session.no_autoflush:
            for case in _load(session, set(ids[start : start + _CHUNK])):
                recomputed = _recompute(session, case, context)
                if recomputed is not None:
                    changed.append((case.id, recomputed))
        session.flush()
        for case_id, recomputed in changed:
            _audit(session, case_id, recomputed, actor)
            touched.add((Entity.CASE, case_id))
        session.flush()
        session.expunge_all()
    return Changes(frozenset(touched))


def _load(session: Session, case_ids: set[int]) -> list[Case]:
    query = (
        select(Case)
        .execution_options(populate_existing=True)  # callers flushed: the database is current
        .where(Case.id.in_(case_ids))
        .options(
            selectinload(Case.client).selectinload(Client.addresses),
            selectinload(Case.hearings),
            selectinload(Case.facts),
            selectinload(Case.deadlines),
        )
    )
    return list(session.scalars(query))


def client_case_ids(session: Session, client_id: int) -> set[int]:
    return set(session.scalars(select(Case.id).where(Case.client_id == client_id)))
