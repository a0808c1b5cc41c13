"""Baselines written by hand: the same page and count as the Cases page, in plain SQL on a raw
keyed DB-API connection; and reading every row a deadline recomputation reads."""

from __future__ import annotations

from typing import Any

from clinic.domain.anumber import a_number_digits_for_search
from clinic.domain.names import fold
from clinic.storage.store import Store

PAGE = 200

_PAGE_SQL = """
WITH page AS (
    SELECT c.id, c.client_id, cl.family_name, cl.given_name, cl.a_number, c.claim_type,
           c.stage, c.detained, c.paralegal_id, cl.search_key
    FROM client cl CROSS JOIN asylum_case c ON c.client_id = cl.id
    WHERE {where}
    ORDER BY cl.search_key, c.id
    LIMIT {limit}
)
SELECT p.id, p.client_id, p.family_name, p.given_name, p.a_number, p.claim_type, p.stage,
       p.detained, s.name,
       (SELECT min(h."on") FROM hearing h WHERE h.case_id = p.id AND h."on" >= ?),
       (SELECT min(coalesce(d.safe_due_on, d.due_on)) FROM deadline d
         WHERE d.case_id = p.id AND d.status = 'open' AND d.kind != 'earliest_date'
           AND d.court_sets_date = 0)
FROM page p LEFT JOIN staff s ON s.id = p.paralegal_id
ORDER BY p.search_key, p.id
"""

_COUNT_SQL = """
SELECT count(*) FROM client cl CROSS JOIN asylum_case c ON c.client_id = cl.id WHERE {where}
"""
_COUNT_ALL_SQL = "SELECT count(*) FROM asylum_case"

# CROSS JOIN is SQLite's way of fixing the join order: clients first (what the text matches and
# sorts on), each client's cases by the case index. The best plan a person would write.


def _condition(text: str) -> tuple[str, list[Any]]:
    if not text.strip():
        return "1", []
    parts: list[str] = []
    params: list[Any] = []
    tokens = fold(text).split()
    if tokens:
        parts.append("(" + " AND ".join("cl.search_key LIKE ?" for _ in tokens) + ")")
        params += [f"%{t}%" for t in tokens]
    digits = a_number_digits_for_search(text)
    if digits:
        parts.append("cl.a_number LIKE ?")
        params.append(f"%{digits}%")
    return ("(" + " OR ".join(parts) + ")" if parts else "0"), params


class RawSearch:
    """One keystroke: the first page (with next hearing and deadline) and the count."""

    def __init__(self, store: Store) -> None:
        self.connection = store.raw_connection()

    def keystroke(self, text: str, today: str = "2026-11-28") -> tuple[list[Any], int]:
        where, params = _condition(text)
        rows = self.connection.execute(
            _PAGE_SQL.format(where=where, limit=PAGE), [*params, today]
        ).fetchall()
        count_sql = _COUNT_SQL.format(where=where) if text.strip() else _COUNT_ALL_SQL
        total = self.connection.execute(count_sql, params).fetchone()[0]
        return rows, int(total)

    def close(self) -> None:
        self.connection.close()


_INPUT_SQL = (
    "SELECT c.id, c.client_id, c.claim_type, c.forum_kind, c.detained, c.stage, c.relief, "
    "c.filed_on, k.unaccompanied_child, k.last_arrival_on FROM asylum_case c "
    "JOIN client k ON k.id = c.client_id WHERE c.id BETWEEN ? AND ?",
    "SELECT client_id, moved_in_on FROM client_address WHERE client_id IN "
    "(SELECT client_id FROM asylum_case WHERE id BETWEEN ? AND ?)",
    'SELECT case_id, kind, "on" FROM hearing WHERE case_id BETWEEN ? AND ?',
    'SELECT case_id, kind, "on", number FROM case_fact WHERE case_id BETWEEN ? AND ?',
    "SELECT * FROM deadline WHERE case_id BETWEEN ? AND ?",
)


def read_deadline_inputs(store: Store, chunk: int = 5_000) -> int:
    """The floor of a recomputation: reading, on a raw keyed connection, every row it needs
    (each case with its client, addresses, hearings, facts and stored deadlines), a chunk of
    cases at a time, computing nothing. Returns the number of rows read."""
    connection = store.raw_connection()
    try:
        last = connection.execute("SELECT max(id) FROM asylum_case").fetchone()[0] or 0
        rows = 0
        for first in range(1, last + 1, chunk):
            for sql in _INPUT_SQL:
                rows += len(connection.execute(sql, (first, first + chunk - 1)).fetchall())
        return rows
    finally:
        connection.close()
