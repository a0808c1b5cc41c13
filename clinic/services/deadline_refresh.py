"""Keeping a case's rule-computed deadlines in step with its dates, inside the caller's unit of work.

Computed deadlines are stored (so lists, the Today page and "next deadline" are plain SQL) and
keyed by (rule, anchor field, anchor date). A refresh updates rows whose key still applies,
adds new ones, deletes open rows whose key no longer applies (e.g. a hearing was moved), and keeps
done or waived rows as history. A judge-ordered deadline of the same kind supersedes the rule's
default for hearings after the ordered date.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session, selectinload

from clinic.domain.audit_chain import AuditRecord, entry_hash
from clinic.domain.deadlines import (
    BusinessCalendar,
    CaseFacts,
    ComputedDeadline,
    DeadlineMemo,
    HearingFact,
    RuleBook,
    deadlines_for_case,
)
from clinic.domain.deadlines.ead_clock import CLOCK_FACTS, ClockEvent, stops_of
from clinic.domain.deadlines.foia import FoiaFact, foia_requests
from clinic.domain.deadlines.shipped import load_shipped_closures, load_shipped_rulebook
from clinic.domain.enums import (
    FOIA_FACTS,
    ArrivalManner,
    AuditAction,
    CaseFactKind,
    ClaimType,
    DeadlineOrigin,
    DeadlineStatus,
    ForumKind,
    HearingKind,
    Relief,
    Stage,
)
from clinic.services.auditing import record
from clinic.services.person_facts import person_facts, person_facts_between
from clinic.services.results import Changes, Entity
from clinic.services.settings_schema import ClinicSettings, settings_in
from clinic.storage.audit_log import AUDITED, ChainHead, read_head
from clinic.storage.models import (
    AuditEntry,
    Case,
    Client,
    Deadline,
)

Key = tuple[str, str, date | None]
StoredKey = tuple[str, str, str | None]  # the same, with the date as stored (ISO text)
_LIVE = (DeadlineStatus.OPEN, DeadlineStatus.SUPERSEDED)


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
    rows = [(f.id, f.kind, f.on, f.number, f.agency, f.about_id) for f in case.facts]
    return CaseFacts(
        claim_type=case.claim_type,
        forum=ForumKind(case.forum_kind),
        detained=case.detained,
        stage=case.stage,
        relief=frozenset(Relief(r) for r in case.relief),
        unaccompanied_child=client.unaccompanied_child,
        last_arrival=client.last_arrival_on,
        birth_date=client.date_of_birth,
        arrival_manner=client.last_arrival_manner,
        i589_received=case.filed_on,
        hearings=tuple(HearingFact(h.kind, h.on) for h in case.hearings),
        address_changes=tuple(moves),
        **_fact_fields(rows),
        **person_facts(case),
    )


FactRow = tuple[int, CaseFactKind, date | None, int | None, str, int | None]


def _fact_fields(rows: list[FactRow]) -> dict[str, Any]:
    """The CaseFacts fields read from a case's recorded facts (id, kind, date, number, agency,
    request), for :func:`case_facts` and the bulk refresh alike: a single fact's latest date,
    every date of a repeatable one, the numbers, and the FOIA requests."""
    single: dict[CaseFactKind, date] = {}
    numbers: dict[CaseFactKind, int] = {}
    repeated: dict[CaseFactKind, list[date]] = {}
    foia: list[FoiaFact] = []
    clock: list[ClockEvent] = []
    for fact_id, kind, on, number, agency, about in rows:
        if number is not None:
            numbers[kind] = number
        elif on is not None:
            single[kind] = max(on, single.get(kind, on))
            repeated.setdefault(kind, []).append(on)
            if kind in FOIA_FACTS:
                foia.append(FoiaFact(fact_id, kind, on, agency or "", about))
            if kind in CLOCK_FACTS:
                clock.append(ClockEvent(on, kind))
    return {
        "decision": single.get(CaseFactKind.DECISION),
        "final_order": single.get(CaseFactKind.FINAL_ORDER),
        "bia_decision": single.get(CaseFactKind.BIA_DECISION),
        "in_absentia_order": single.get(CaseFactKind.IN_ABSENTIA_ORDER),
        "vd_order": single.get(CaseFactKind.VD_ORDER),
        "vd_days": numbers.get(CaseFactKind.VD_DAYS),
        "nta_served": single.get(CaseFactKind.NTA_SERVED),
        "ead_expires": single.get(CaseFactKind.EAD_EXPIRES),
        "ij_denial": single.get(CaseFactKind.IJ_DENIAL),
        "asylum_granted": single.get(CaseFactKind.ASYLUM_GRANTED),
        "aaf_notice": single.get(CaseFactKind.AAF_NOTICE),
        "exception_event_end": single.get(CaseFactKind.EXCEPTION_EVENT_END),
        "ead_stopped_days": numbers.get(CaseFactKind.EAD_STOPPED_DAYS, 0),
        "opposing_filing_received": tuple(
            sorted(repeated.get(CaseFactKind.OPPOSING_FILING_RECEIVED, []))
        ),
        "judge_set_dates": tuple(sorted(repeated.get(CaseFactKind.JUDGE_SET_DATE, []))),
        "foia_requests": foia_requests(foia),
        "interview_notice": single.get(CaseFactKind.INTERVIEW_NOTICE),
        "interview_missed": tuple(sorted(repeated.get(CaseFactKind.INTERVIEW_MISSED, []))),
        "interview_rescheduled": tuple(
            sorted(repeated.get(CaseFactKind.INTERVIEW_RESCHEDULED, []))
        ),
        "biometrics_missed": tuple(sorted(repeated.get(CaseFactKind.BIOMETRICS_MISSED, []))),
        "biometrics_rescheduled": tuple(
            sorted(repeated.get(CaseFactKind.BIOMETRICS_RESCHEDULED, []))
        ),
        "noid_served": single.get(CaseFactKind.NOID_SERVED),
        "ead_clock": stops_of(tuple(clock)),
        "bond_decisions": tuple(sorted(repeated.get(CaseFactKind.BOND_DECISION, []))),
        "bond_stays": tuple(sorted(repeated.get(CaseFactKind.BOND_STAY_INVOKED, []))),
        "negative_credible_fear": single.get(CaseFactKind.NEGATIVE_CREDIBLE_FEAR),
        "negative_reasonable_fear": single.get(CaseFactKind.NEGATIVE_REASONABLE_FEAR),
        "briefing_schedule": single.get(CaseFactKind.BIA_BRIEFING_SCHEDULE),
        "brief_extended": single.get(CaseFactKind.BIA_BRIEF_EXTENDED),
        "stay_requested": min(repeated.get(CaseFactKind.STAY_REQUESTED, []), default=None),
        "circuit_record_filed": single.get(CaseFactKind.CIRCUIT_RECORD_FILED),
        "alien_registered": tuple(sorted(repeated.get(CaseFactKind.ALIEN_REGISTERED, []))),
        "dhs_pretermit": tuple(sorted(repeated.get(CaseFactKind.DHS_MOTION_PRETERMIT, []))),
        "dhs_dismiss": tuple(sorted(repeated.get(CaseFactKind.DHS_MOTION_DISMISS, []))),
        "dhs_response_due": tuple(sorted(repeated.get(CaseFactKind.DHS_MOTION_RESPONSE_DUE, []))),
        "i589_rejected": single.get(CaseFactKind.I589_REJECTED),
        "reinstated_order": single.get(CaseFactKind.REINSTATED_ORDER),
        "limited_referral": single.get(CaseFactKind.LIMITED_REFERRAL),
        "bia_appeal_filed": single.get(CaseFactKind.BIA_APPEAL_FILED),
        "pfr_filed": single.get(CaseFactKind.PFR_FILED),
        "asylum_office_denial": single.get(CaseFactKind.ASYLUM_OFFICE_DENIAL),
        "recommended_approval": single.get(CaseFactKind.RECOMMENDED_APPROVAL),
    }


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


# A rule deadline closed by the case's own dates (met by a timely filing, ended by a denial)
# carries one of these flags, so the refresh reopens it when those dates change. Its status
# reason is written in the engine's explanation words (wording.explanation_in reads it in Spanish).
SETTLED_FLAGS = ("met_by:", "ended_by:", "answered_by:")
_SETTLED_STATUS = {"met": DeadlineStatus.DONE, "not_applicable": DeadlineStatus.WAIVED}


def _settled_by_rule(flags: Any) -> bool:
    return any(str(flag).startswith(SETTLED_FLAGS) for flag in flags)


def _rule_status(
    computed: ComputedDeadline, superseded: bool
) -> tuple[DeadlineStatus, str, date | None]:
    """(status, status reason, completed on) of a live or rule-settled row."""
    if computed.settled:
        status = _SETTLED_STATUS[computed.settled]
        return status, computed.settled_reason, computed.settled_on
    return (DeadlineStatus.SUPERSEDED if superseded else DeadlineStatus.OPEN), "", None


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
        was_settled = _settled_by_rule(row.flags or ())
        _apply(row, computed)
        if row.status in _LIVE or was_settled:
            superseded = _superseded(case, computed.rule_id, computed.anchor.on)
            status, reason, on = _rule_status(computed, superseded)
            if (row.status, row.status_reason, row.completed_on) != (status, reason, on):
                row.status, row.status_reason, row.completed_on = status, reason, on
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
    :func:`refresh_case`, without loading a single ORM object: each chunk of cases is read with
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
    stored = _Stored()
    for start in range(0, len(ids), _BULK_CHUNK):
        if cancelled is not None and cancelled():
            raise RecomputeCancelled
        chunk = ids[start : start + _BULK_CHUNK]
        plan = _plan_chunk(session, chunk[0], chunk[-1], memo, stored)
        plan.write(session)
        head = _append_audit(session, head, plan.audited, actor)
        touched.update((Entity.CASE, case_id) for case_id, _ in plan.audited)
        if progress is not None:
            progress(start + len(chunk), len(ids))
    session.expire_all()  # rows changed behind the identity map's back
    return Changes(frozenset(touched))


_BULK_CHUNK = 5_000
# The computed columns of a rule deadline, in the order _apply assigns them.
_COMPUTED = (
    "title",
    "kind",
    "due_on",
    "safe_due_on",
    "court_sets_date",
    "explanation",
    "source",
    "as_of",
    "confidence",
    "flags",
)


def _computed_values(computed: ComputedDeadline) -> tuple[Any, ...]:
    return (
        computed.name,
        computed.kind,
        computed.due or computed.anchor.on,
        computed.safe_due,
        computed.due is None,
        computed.explanation,
        computed.source,
        computed.as_of,
        computed.confidence,
        list(computed.flags),
    )


@dataclass
class _ChunkPlan:
    updates: list[dict[str, Any]] = field(default_factory=list)
    inserts: list[dict[str, Any]] = field(default_factory=list)
    deletes: list[int] = field(default_factory=list)
    audited: list[tuple[int, Recomputed]] = field(default_factory=list)

    def write(self, session: Session) -> None:
        if self.updates:
            # Executemany needs the same columns in every row: rows changed in any computed
            # column get all of them (the same values an ORM flush would have written).
            table = cast(Table, Deadline.__table__)
            statement = update(table).where(table.c.id == bindparam("b_id"))
            session.execute(statement, self.updates)
        if self.inserts:
            session.execute(insert(cast(Table, Deadline.__table__)), self.inserts)
        if self.deletes:
            for start in range(0, len(self.deletes), 500):
                ids = self.deletes[start : start + 500]
                session.execute(
                    delete(Deadline).where(Deadline.id.in_(ids)),
                    execution_options={"synchronize_session": False},
                )


# Plain SQL for the bulk read: SQLAlchemy's per-row type processing was a third of a refresh
# that changed nothing. Values stay in their stored form (ISO dates, enum values, JSON text)
# and computed deadlines are compared in that form too (see _Stored).
# ``{only}`` is empty for every case of the range, or limits it to the cases listed in a JSON
# array (see _ONLY); ``{rules}`` likewise limits the stored deadlines read to some rules' (and
# the judge-ordered ones that can supersede them).
_CASES_SQL = (
    "SELECT c.id, c.client_id, c.claim_type, c.forum_kind, c.detained, c.stage, c.relief, "
    "c.filed_on, k.unaccompanied_child, k.last_arrival_on, k.date_of_birth, "
    "k.last_arrival_manner FROM asylum_case c "
    "JOIN client k ON k.id = c.client_id WHERE c.id BETWEEN ? AND ?{only} ORDER BY c.id"
)
_ADDRESSES_SQL = (
    "SELECT client_id, moved_in_on FROM client_address WHERE client_id IN "
    "(SELECT client_id FROM asylum_case c WHERE c.id BETWEEN ? AND ?{only}) "
    "ORDER BY client_id, id"
)
_HEARINGS_SQL = (
    'SELECT case_id, kind, "on" FROM hearing c WHERE c.case_id BETWEEN ? AND ?{only} '
    'ORDER BY case_id, "on", id'
)
_FACTS_SQL = (
    'SELECT case_id, id, kind, "on", number, agency, about_id FROM case_fact c '
    "WHERE c.case_id BETWEEN ? AND ?{only} ORDER BY case_id, id"
)
_DEADLINES_SQL = (
    "SELECT case_id, id, origin, rule_id, anchor_field, anchor_on, status, due_on, "
    "title, kind, due_on, safe_due_on, court_sets_date, explanation, source, as_of, "
    "confidence, flags, status_reason, completed_on FROM deadline c "
    "WHERE c.case_id BETWEEN ? AND ?{only}{rules}"
)
_ONLY = {
    "c.id": " AND c.id IN (SELECT value FROM json_each(?))",
    "c.case_id": " AND c.case_id IN (SELECT value FROM json_each(?))",
}
_RULES = " AND (c.rule_id IN (SELECT value FROM json_each(?)) OR c.origin = 'judge_ordered')"
assert DeadlineOrigin.JUDGE_ORDERED.value == "judge_ordered"


class _Stored:
    """Turns stored text into values once per distinct text, and computed deadlines into
    their stored form (the text SQLAlchemy writes) once per distinct result."""

    def __init__(self) -> None:
        self._days: dict[str, date] = {}
        self._forms: dict[int, tuple[ComputedDeadline, tuple[Any, ...]]] = {}

    def day(self, text: str | None) -> date | None:
        if text is None:
            return None
        found = self._days.get(text)
        if found is None:
            found = self._days[text] = date.fromisoformat(text)
        return found

    def form(self, computed: ComputedDeadline) -> tuple[Any, ...]:
        # Keyed by identity: the memo hands out the same object for the same result, and
        # keeps it alive (the object is kept here too, so its id cannot be reused).
        found = self._forms.get(id(computed))
        if found is None:
            found = self._forms[id(computed)] = (computed, _stored_form(computed))
        return found[1]


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _stored_form(computed: ComputedDeadline) -> tuple[Any, ...]:
    """The computed columns as SQLite holds them (Date -> ISO text, bool -> 0/1, JSON text)."""
    return (
        computed.name,
        computed.kind,
        _iso(computed.due or computed.anchor.on),
        _iso(computed.safe_due),
        int(computed.due is None),
        computed.explanation,
        computed.source,
        _iso(computed.as_of),
        computed.confidence,
        _flags_text(computed.flags),
    )


@lru_cache(maxsize=1024)
def _flags_text(flags: tuple[str, ...]) -> str:
    return json.dumps(list(flags))


def _grouped(rows: Any) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(row)
    return grouped


def _plan_chunk(
    session: Session,
    first: int,
    last: int,
    memo: DeadlineMemo,
    stored: _Stored,
    *,
    only: list[int] | None = None,
    rules: frozenset[str] | None = None,
) -> _ChunkPlan:
    """Plan the refresh of the cases with ids in ``first..last`` (only those in ``only``, when
    given). With ``rules``, ``memo`` must compute those rules alone: only their stored rows are
    read and compared (the case's other deadlines are left as they are)."""
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        listed = () if only is None else (json.dumps(only),)
        bounds = (first, last, *listed)

        def sql(template: str, column: str = "c.case_id", **extra: str) -> str:
            return template.format(only=_ONLY[column] if listed else "", **extra)

        cases = cursor.execute(sql(_CASES_SQL, "c.id"), bounds).fetchall()
        addresses = _grouped(cursor.execute(sql(_ADDRESSES_SQL, "c.id"), bounds))
        hearings = _grouped(cursor.execute(sql(_HEARINGS_SQL), bounds))
        facts = _grouped(cursor.execute(sql(_FACTS_SQL), bounds))
        deadline_sql = sql(_DEADLINES_SQL, rules="" if rules is None else _RULES)
        deadline_args = bounds if rules is None else (*bounds, json.dumps(sorted(rules)))
        deadlines = _grouped(cursor.execute(deadline_sql, deadline_args))
        people = person_facts_between(cursor, first, last)
    finally:
        cursor.close()
    day = stored.day
    plan = _ChunkPlan()
    for (
        case_id,
        client_id,
        claim,
        forum,
        detained,
        stage,
        relief,
        filed,
        child,
        arrival,
        born,
        manner,
    ) in cases:
        moves = sorted(
            d for row in addresses.get(client_id, [])[1:] if (d := day(row[1])) is not None
        )
        facts_of_case = _facts_of(
            {
                "claim_type": ClaimType(claim),
                "forum": ForumKind(forum),
                "detained": bool(detained),
                "stage": Stage(stage),
                "relief": frozenset(Relief(r) for r in json.loads(relief)),
                "unaccompanied_child": bool(child),
                "last_arrival": day(arrival),
                "birth_date": day(born),
                "arrival_manner": ArrivalManner(manner) if manner else None,
                "i589_received": day(filed),
                "hearings": tuple(
                    HearingFact(HearingKind(kind), day(on))  # type: ignore[arg-type]
                    for _, kind, on in hearings.get(case_id, [])
                ),
                "address_changes": tuple(moves),
                **people.get(case_id, {}),
            },
            [
                (fact_id, CaseFactKind(kind), day(on), number, agency, about)
                for _, fact_id, kind, on, number, agency, about in facts.get(case_id, [])
            ],
        )
        rows = sorted(deadlines.get(case_id, []), key=_deadline_order)
        changes = _plan_case(plan, case_id, memo.deadlines_for_case(facts_of_case), rows, stored)
        if changes is not None:
            plan.audited.append((case_id, changes))
    return plan


def _deadline_order(row: Any) -> tuple[str, int]:
    return (row[7], row[1])  # due_on, id: the order of Case.deadlines


def _facts_of(values: dict[str, Any], rows: list[FactRow]) -> CaseFacts:
    """``values`` and the case facts' fields, exactly as :func:`case_facts` reads them (built
    once: ``dataclasses.replace`` cost as much as the rest of this)."""
    if not rows:
        return CaseFacts(**values)
    return CaseFacts(**values, **_fact_fields(rows))


def _plan_case(
    plan: _ChunkPlan,
    case_id: int,
    computed_list: list[ComputedDeadline],
    rows: list[Any],
    stored: _Stored,
) -> Recomputed | None:
    """What :func:`_recompute` would change for one case, added to ``plan`` as plain rows.

    ``rows`` are the case's stored deadlines (see _DEADLINES_SQL) in ``Case.deadlines`` order.
    """
    rule, judge = DeadlineOrigin.RULE.value, DeadlineOrigin.JUDGE_ORDERED.value
    existing: dict[StoredKey, Any] = {(r[3], r[4], r[5]): r for r in rows if r[2] == rule}
    judge_ordered = [r for r in rows if r[2] == judge and r[6] != DeadlineStatus.WAIVED.value]
    added, moved, removed = [], [], []
    seen: set[StoredKey] = set()
    for computed in computed_list:
        anchor_on = _iso(computed.anchor.on)
        key = (computed.rule_id, computed.anchor.field, anchor_on)
        seen.add(key)
        form = stored.form(computed)
        superseded = any(
            r[9] == computed.rule_id and (anchor_on is None or anchor_on >= r[7])
            for r in judge_ordered
        )
        status, reason, done_on = _rule_status(computed, superseded)
        row = existing.get(key)
        if row is None:
            plan.inserts.append(
                {
                    "case_id": case_id,
                    "origin": DeadlineOrigin.RULE,
                    "rule_id": computed.rule_id,
                    "anchor_field": computed.anchor.field,
                    "anchor_on": computed.anchor.on,
                    "status": status,
                    "status_reason": reason,
                    "completed_on": done_on,
                    **dict(zip(_COMPUTED, _computed_values(computed), strict=True)),
                }
            )
            added.append(computed.rule_id)
            continue
        if row[7] != form[2]:
            moved.append(computed.rule_id)
        if row[6] in _LIVE_VALUES or _settled_by_rule(json.loads(row[17] or "[]")):
            after = (status.value, reason, _iso(done_on))
        else:
            after = (row[6], row[18], row[19])
        if tuple(row[8:18]) != form or after != (row[6], row[18], row[19]):
            plan.updates.append(
                {
                    "b_id": row[1],
                    "status": DeadlineStatus(after[0]),
                    "status_reason": after[1],
                    "completed_on": stored.day(after[2]),
                    **dict(zip(_COMPUTED, _computed_values(computed), strict=True)),
                }
            )
    for old_key, row in existing.items():
        if old_key not in seen and row[6] in _LIVE_VALUES:
            plan.deletes.append(row[1])
            removed.append(old_key[0])
    if not (added or moved or removed):
        return None
    return {"added": added, "moved": moved, "removed": removed}


_LIVE_VALUES = (DeadlineStatus.OPEN.value, DeadlineStatus.SUPERSEDED.value)


def _append_audit(
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
