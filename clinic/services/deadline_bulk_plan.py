"""Planning the set-based refresh of a range of cases: read with plain SQL, recompute, compare
in the stored form, and collect only what differs as plain rows (:class:`ChunkPlan`).

What it plans is what the per-case refresh (:func:`clinic.services.deadline_refresh.refresh_case`)
would write for each case; :mod:`clinic.services.deadline_bulk` and
:mod:`clinic.services.deadline_recompute` write the plans and their audit entries.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, insert, update
from sqlalchemy.orm import Session

from clinic.domain.deadlines import CaseFacts, ComputedDeadline, DeadlineMemo, HearingFact
from clinic.domain.enums import (
    ArrivalManner,
    CaseFactKind,
    ClaimType,
    DeadlineOrigin,
    DeadlineStatus,
    ForumKind,
    HearingKind,
    Relief,
    Stage,
)
from clinic.services.deadline_bulk_read import ChunkRows, read_chunk
from clinic.services.deadline_facts import facts_of
from clinic.services.rule_deadlines import (
    LIVE_VALUES,
    Recomputed,
    StoredKey,
    rule_status,
    settled_by_rule,
)
from clinic.storage.models import Deadline

# The computed columns of a rule deadline, in the order deadline_refresh._apply assigns them.
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
class ChunkPlan:
    """What a chunk's refresh writes: executemany updates and inserts, deletes, and the
    changes of each case to audit."""

    updates: list[dict[str, Any]] = field(default_factory=list)
    inserts: list[dict[str, Any]] = field(default_factory=list)
    deletes: list[int] = field(default_factory=list)
    audited: list[tuple[int, Recomputed]] = field(default_factory=list)

    def write(self, session: Session) -> None:
        if self.updates:
            # Executemany needs the same columns in every row: rows changed in any computed
            # column get all of them (the same values an ORM flush would have written).
            table = cast(Table, Deadline.__table__)
            statement = (
                update(table)
                .where(table.c.id == bindparam("b_id"))
                .values(version=table.c.version + 1)  # as an ORM flush's version_id_col does
            )
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


class StoredForms:
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


def plan_chunk(
    session: Session,
    first: int,
    last: int,
    memo: DeadlineMemo,
    stored: StoredForms,
    *,
    only: list[int] | None = None,
    rules: frozenset[str] | None = None,
) -> ChunkPlan:
    """Plan the refresh of the cases with ids in ``first..last`` (only those in ``only``, when
    given). With ``rules``, ``memo`` must compute those rules alone: only their stored rows are
    read and compared (the case's other deadlines are left as they are)."""
    rows = read_chunk(session, first, last, only, rules)
    plan = ChunkPlan()
    for case in rows.cases:
        case_id = case[0]
        facts_of_case = _facts_of_row(case, rows, stored.day)
        deadlines = sorted(rows.deadlines.get(case_id, []), key=_deadline_order)
        changes = plan_case(
            plan, case_id, memo.deadlines_for_case(facts_of_case), deadlines, stored
        )
        if changes is not None:
            plan.audited.append((case_id, changes))
    return plan


def _facts_of_row(
    case: Any, rows: ChunkRows, day: Callable[[str | None], date | None]
) -> CaseFacts:
    """One case's facts from its stored row (see deadline_bulk_read) and the chunk's other rows."""
    (
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
    ) = case
    moves = sorted(
        d for row in rows.addresses.get(client_id, [])[1:] if (d := day(row[1])) is not None
    )
    return facts_of(
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
                for _, kind, on in rows.hearings.get(case_id, [])
            ),
            "address_changes": tuple(moves),
            **rows.people.get(case_id, {}),
        },
        [
            (fact_id, CaseFactKind(kind), day(on), number, agency, about)
            for _, fact_id, kind, on, number, agency, about in rows.facts.get(case_id, [])
        ],
    )


def _deadline_order(row: Any) -> tuple[str, int]:
    return (row[7], row[1])  # due_on, id: the order of Case.deadlines


def plan_case(
    plan: ChunkPlan,
    case_id: int,
    computed_list: list[ComputedDeadline],
    rows: list[Any],
    stored: StoredForms,
) -> Recomputed | None:
    """What the per-case refresh would change for one case, added to ``plan`` as plain rows.

    ``rows`` are the case's stored deadlines (see deadline_bulk_read) in ``Case.deadlines`` order.
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
        status, reason, done_on = rule_status(computed, superseded)
        row = existing.get(key)
        if row is None:
            plan.inserts.append(_inserted(case_id, computed, status, reason, done_on))
            added.append(computed.rule_id)
            continue
        if row[7] != form[2]:
            moved.append(computed.rule_id)
        wanted = (status.value, reason, _iso(done_on))
        updated = _updated(row, form, computed, wanted, stored)
        if updated is not None:
            plan.updates.append(updated)
    for old_key, row in existing.items():
        if old_key not in seen and row[6] in LIVE_VALUES:
            plan.deletes.append(row[1])
            removed.append(old_key[0])
    if not (added or moved or removed):
        return None
    return {"added": added, "moved": moved, "removed": removed}


def _inserted(
    case_id: int,
    computed: ComputedDeadline,
    status: DeadlineStatus,
    reason: str,
    done_on: date | None,
) -> dict[str, Any]:
    """A new rule deadline's row."""
    return {
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


def _updated(
    row: Any,
    form: tuple[Any, ...],
    computed: ComputedDeadline,
    wanted: tuple[str, str, str | None],
    stored: StoredForms,
) -> dict[str, Any] | None:
    """The update of a stored row to ``computed`` (its stored ``form``), or ``None`` when it is
    as computed. A live or rule-settled row takes the ``wanted`` (status, reason, completed on,
    as stored); a row closed by hand keeps its own."""
    if row[6] in LIVE_VALUES or settled_by_rule(json.loads(row[17] or "[]")):
        after = wanted
    else:
        after = (row[6], row[18], row[19])
    if tuple(row[8:18]) == form and after == (row[6], row[18], row[19]):
        return None
    return {
        "b_id": row[1],
        "status": DeadlineStatus(after[0]),
        "status_reason": after[1],
        "completed_on": stored.day(after[2]),
        **dict(zip(_COMPUTED, _computed_values(computed), strict=True)),
    }
