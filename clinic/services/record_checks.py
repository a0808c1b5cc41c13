"""Rows already in a store that intake would refuse (issue 16 § 5), for ``clinic doctor``.

Such rows may come from an older Clinic's import or from hand editing. The lists and the case
table show them marked instead of crashing (see :func:`clinic.services.search.list_cases`); this
check names each one by record and field — never by its value, so the report holds no client
data — so that someone can correct it.
"""

from __future__ import annotations

from sqlalchemy import Date, Enum, Table, text
from sqlalchemy.orm import Session

from clinic.storage.models import Base
from clinic.storage.store import Store


def _quoted(values: list[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


# (table, what a person calls the record, field, SQL condition true for a value intake refuses)
_CHECKS: tuple[tuple[str, str, str, str], ...] = (
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
)
MAX_LISTED = 50
# What a person calls a table's record (the rest: the table's name in words).
_RECORD_NAMES = {"asylum_case": "case", "evidence_item": "evidence"}
_NOT_CHECKED = frozenset({"audit_entry"})  # its own hash chain checks it (verify-audit)


def _typed_checks() -> list[tuple[str, str, str, str]]:
    """Every stored date that is no calendar date (SQLite's ``date()`` gives it back unchanged
    only for a real one: '2026-02-30' and '1990-13-45' are caught) and every stored choice
    (claim type, stage, status…) that is not one of its enum's values, in every table."""
    found = []
    for table in Base.metadata.sorted_tables:
        if table.name in _NOT_CHECKED or "id" not in table.c:
            continue
        name = _RECORD_NAMES.get(table.name, table.name.replace("_", " "))
        for column in table.c:
            quoted = '"' + column.name.replace('"', '""') + '"'
            if isinstance(column.type, Date):
                condition = f"{quoted} IS NOT NULL AND coalesce(date({quoted}), '') != {quoted}"
            elif isinstance(column.type, Enum) and column.type.enums:
                allowed = _quoted(list(column.type.enums))
                condition = f"{quoted} IS NOT NULL AND {quoted} NOT IN ({allowed})"
            else:
                continue
            found.append((table.name, name, column.name, condition))
    return found


_CHECKS = (*_CHECKS, *_typed_checks())


def _of_case(table: Table) -> str | None:
    """The SQL condition picking ``table``'s rows that belong to one case (``:case``)."""
    client = "(SELECT client_id FROM asylum_case WHERE id = :case)"
    if table.name == "asylum_case":
        return "id = :case"
    if table.name == "client":
        return f"id = {client}"
    if "case_id" in table.c:
        return "case_id = :case"
    if "client_id" in table.c:
        return f"client_id = {client}"
    if table.name == "evidence_file":
        return "evidence_id IN (SELECT id FROM evidence_item WHERE case_id = :case)"
    return None


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


def invalid_in_case(session: Session, case_id: int) -> tuple[str, ...]:
    """``"client 7: date_of_birth"`` for each stored value of one case (its client, family,
    hearings, deadlines, evidence…) that intake would refuse or Clinic cannot read."""
    tables = Base.metadata.tables
    found: list[str] = []
    for table, name, field, condition in _CHECKS:
        belongs = _of_case(tables[table])
        if belongs is None:
            continue
        query = f"SELECT id FROM {table} WHERE ({condition}) AND ({belongs}) ORDER BY id"  # noqa: S608 - constants
        ids = session.execute(text(query), {"case": case_id}).scalars()
        found += [f"{name} {row_id}: {field}" for row_id in ids]
    return tuple(found)


def case_problems(*, store: Store, case_id: int) -> tuple[str, ...] | None:
    """What :func:`invalid_in_case` finds for one case, or ``None`` when there is no such case
    (the case view asks this when the case cannot be read)."""
    with store.unit_of_work() as session:
        exists = session.execute(
            text("SELECT count(*) FROM asylum_case WHERE id = :case"), {"case": case_id}
        ).scalar()
        if not exists:
            return None
        return invalid_in_case(session, case_id)
