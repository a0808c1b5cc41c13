"""What a recompute of the stored deadlines covers: its scope, what a settings change can touch,
and which cases that is (see :mod:`clinic.services.deadline_recompute` for why those alone).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from clinic.services.person_facts import dbapi_sql
from clinic.services.settings_schema import ClinicSettings


@dataclass(frozen=True)
class RecomputeScope:
    """What to recompute: every case, the deadlines of some rules, the deadlines whose
    counting window crosses some days, and/or some cases."""

    every_case: bool = False
    rule_ids: frozenset[str] = frozenset()
    closure_days: frozenset[date] = frozenset()
    case_ids: frozenset[int] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.every_case or self.rule_ids or self.closure_days or self.case_ids)

    def __or__(self, other: RecomputeScope) -> RecomputeScope:
        return RecomputeScope(
            self.every_case or other.every_case,
            self.rule_ids | other.rule_ids,
            self.closure_days | other.closure_days,
            self.case_ids | other.case_ids,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "every_case": self.every_case,
            "rule_ids": sorted(self.rule_ids),
            "closure_days": sorted(d.isoformat() for d in self.closure_days),
            "case_ids": sorted(self.case_ids),
        }

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> RecomputeScope:
        return cls(
            bool(document.get("every_case", False)),
            frozenset(str(r) for r in document.get("rule_ids", ())),
            frozenset(date.fromisoformat(str(d)) for d in document.get("closure_days", ())),
            frozenset(int(i) for i in document.get("case_ids", ())),
        )


def scope_of_change(before: ClinicSettings, after: ClinicSettings) -> RecomputeScope:
    """What a settings change can touch: the rules whose amount changed, and the closure days
    added, removed or renamed (a closure's name is in the reasoning of dates it moved)."""
    rules = {
        rule_id
        for rule_id in before.rule_days.keys() | after.rule_days.keys()
        if before.rule_days.get(rule_id) != after.rule_days.get(rule_id)
    }
    days = {
        date.fromisoformat(day)
        for day in before.closure_days.keys() | after.closure_days.keys()
        if before.closure_days.get(day) != after.closure_days.get(day)
    }
    return RecomputeScope(rule_ids=frozenset(rules), closure_days=frozenset(days))


def cases_in_scope(session: Session, scope: RecomputeScope) -> list[int]:
    """The ids of the cases ``scope`` can touch, ascending."""
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        if scope.every_case:
            return [row[0] for row in cursor.execute("SELECT id FROM asylum_case ORDER BY id")]
        found: set[int] = set(scope.case_ids)
        if scope.rule_ids:
            found.update(
                row[0]
                for rule_id in sorted(scope.rule_ids)
                for row in cursor.execute(dbapi_sql(cursor, _BY_RULE_SQL), (rule_id,))
            )
        crossing = dbapi_sql(cursor, _CROSSING_SQL)
        for day in sorted(scope.closure_days):
            text = day.isoformat()  # ISO text: SQLite's stored form, cast to a date by PostgreSQL
            found.update(row[0] for row in cursor.execute(crossing, (text,) * 4))
        return sorted(found)
    finally:
        cursor.close()


# Served by ix_deadline_rule_case and, for a day, ix_deadline_window_forward (counted forward
# from the anchor: anchor <= day <= due) and ix_deadline_window_back (counted back from it:
# safe date or due <= day <= anchor, or no anchor date at all), so a typical change reads only
# those indexes' entries around the day (migration 0008).
_BY_RULE_SQL = "SELECT DISTINCT case_id FROM deadline WHERE rule_id = ?"
_CROSSING_SQL = (
    "SELECT case_id FROM deadline WHERE due_on >= ? AND anchor_on <= ? "
    "AND rule_id IS NOT NULL "
    "UNION SELECT case_id FROM deadline WHERE anchor_on >= ? "
    "AND coalesce(safe_due_on, due_on) <= ? AND rule_id IS NOT NULL "
    "UNION SELECT case_id FROM deadline WHERE anchor_on IS NULL AND rule_id IS NOT NULL"
)
