"""Reading a range of cases' rows for the set-based deadline refresh, with plain SQL.

Values stay in their stored form (ISO dates, enum values, JSON text): the planner
(:mod:`clinic.services.deadline_bulk_plan`) compares computed deadlines in that form too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from clinic.domain.enums import DeadlineOrigin
from clinic.services.person_facts import person_facts_between

# Plain SQL for the bulk read: SQLAlchemy's per-row type processing was a third of a refresh
# that changed nothing. Values stay in their stored form (ISO dates, enum values, JSON text)
# and computed deadlines are compared in that form too (see deadline_bulk_plan.StoredForms).
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


def _grouped(rows: Any) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(row)
    return grouped


@dataclass(frozen=True)
class ChunkRows:
    """A chunk's rows as stored, grouped by case (or client, for the addresses)."""

    cases: list[Any]
    addresses: dict[int, list[Any]]
    hearings: dict[int, list[Any]]
    facts: dict[int, list[Any]]
    deadlines: dict[int, list[Any]]
    people: dict[int, dict[str, Any]]


def read_chunk(
    session: Session,
    first: int,
    last: int,
    only: list[int] | None,
    rules: frozenset[str] | None,
) -> ChunkRows:
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
    return ChunkRows(cases, addresses, hearings, facts, deadlines, people)
