"""Rows already in a store that intake would refuse (issue 16 § 5), for ``clinic doctor``.

Such rows may come from an older Clinic's import or from hand editing. The lists and the case
table show them marked instead of crashing (see :func:`clinic.services.search.list_cases`); this
check names each one by record and field — never by its value, so the report holds no client
data — so that someone can correct it.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from clinic.domain.enums import ClaimType, Stage


def _quoted(values: list[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


# (table, what a person calls the record, field, SQL condition true for a value intake refuses)
_CHECKS = (
    (
        "client",
        "client",
        "a_number",
        "a_number IS NOT NULL AND NOT (length(a_number) = 9 AND a_number NOT GLOB '*[^0-9]*')",
    ),
    ("client", "client", "family_name", "trim(coalesce(family_name, '')) = ''"),
    (
        "family_member",
        "family member",
        "a_number",
        "a_number IS NOT NULL AND a_number != '' "
        "AND NOT (length(a_number) = 9 AND a_number NOT GLOB '*[^0-9]*')",
    ),
    (
        "asylum_case",
        "case",
        "claim_type",
        f"claim_type NOT IN ({_quoted([c.value for c in ClaimType])})",
    ),
    ("asylum_case", "case", "stage", f"stage NOT IN ({_quoted([s.value for s in Stage])})"),
)
MAX_LISTED = 50


def invalid_records(session: Session) -> tuple[str, ...]:
    """``"client 7: a_number"`` for each stored value intake would refuse (at most 50 listed,
    then how many more)."""
    found: list[str] = []
    for table, name, field, condition in _CHECKS:
        ids = session.execute(
            text(f"SELECT id FROM {table} WHERE {condition} ORDER BY id")  # noqa: S608 - constants
        ).scalars()
        found += [f"{name} {row_id}: {field}" for row_id in ids]
    if len(found) > MAX_LISTED:
        return (*found[:MAX_LISTED], f"… and {len(found) - MAX_LISTED} more")
    return tuple(found)
