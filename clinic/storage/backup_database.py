"""Checking a copy of the database without the ORM: what it says (schema revision, audit head,
counts, evidence files), and the slow checks (both integrity checks, the audit chain rehashed),
each on its own read-only connection and thread. Used on backups being checked and written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from clinic.domain.audit_chain import GENESIS, AuditRecord, ChainBreak, ChainHead, verify_chain
from clinic.domain.i18n import N_
from clinic.storage.background import in_background
from clinic.storage.backup_format import Manifest
from clinic.storage.engine import connect_read_only
from clinic.storage.errors import StoreError
from clinic.storage.models import AuditEntry, Case, Client, EvidenceFile

_COUNTED = (("clients", Client), ("cases", Case), ("files", EvidenceFile), ("audit", AuditEntry))
_COUNT_SQL = {  # table names are the models' constants, not input
    name: f'SELECT count(*) FROM "{model.__tablename__}"'  # noqa: S608
    for name, model in _COUNTED
}


@dataclass(frozen=True)
class Facts:
    revision: str | None
    head: ChainHead
    counts: dict[str, int]
    files: tuple[tuple[int, str, bytes, str], ...]  # id, vault name, file key, sha256


def database_facts(database: Path, key: bytearray) -> Facts:
    """Schema revision, audit head, counts and evidence files of a copy: quick queries on a
    read-only connection (the copy's bytes never change while they are read or archived)."""
    connection = connect_read_only(database, key)
    try:
        files = tuple(
            (int(r[0]), str(r[1]), bytes(r[2]), str(r[3]))
            for r in connection.execute(
                "SELECT id, vault_name, file_key, sha256 FROM evidence_file ORDER BY id"
            )
        )
        counts = {
            name: int(connection.execute(_COUNT_SQL[name]).fetchone()[0]) for name, _m in _COUNTED
        }
        last = connection.execute(
            "SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        head = ChainHead(int(last[0]), str(last[1])) if last else ChainHead(0, GENESIS)
        return Facts(_revision(connection), head, counts, files)
    finally:
        connection.close()


def _revision(connection: Any) -> str | None:
    """What ``alembic_version`` says (as Alembic reads it); ``None`` for a store without it."""
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlcipher3.OperationalError:
        return None
    if len(rows) > 1:
        raise sqlcipher3.DatabaseError("alembic_version holds more than one revision")
    return str(rows[0][0]) if rows else None


def database_problems(database: Path, key: bytearray, *, thorough: bool = True) -> list[str]:
    """The slow checks of a database copy, each on its own read-only connection and thread
    (SQLite releases the GIL): the structure check (``integrity_check``, or with
    ``thorough=False`` ``quick_check``: the same b-tree and record checks without comparing
    every index with its table), ``cipher_integrity_check`` (every page's HMAC), and the
    audit chain, every entry rehashed. [] when all is well."""
    structure = "PRAGMA integrity_check" if thorough else "PRAGMA quick_check"
    with (
        in_background(lambda: _on_copy(database, key, _pragma_rows, structure)) as plain,
        in_background(
            lambda: _on_copy(database, key, _pragma_rows, "PRAGMA cipher_integrity_check")
        ) as cipher,
    ):
        chain = _on_copy(database, key, _chain_rows, "")
    return plain.result() + cipher.result() + chain


def _on_copy(
    database: Path, key: bytearray, check: Callable[[Any, str], list[str]], what: str
) -> list[str]:
    try:
        connection = connect_read_only(database, key)
    except StoreError:
        return ["clinic.db cannot be opened with the key: it is damaged"]
    try:
        return check(connection, what)
    except (sqlcipher3.Error, StoreError) as exc:
        return [f"clinic.db cannot be read: {type(exc).__name__}"]
    finally:
        connection.close()


def _pragma_rows(connection: Any, pragma: str) -> list[str]:
    """Every row of an integrity pragma that is not "ok" (``cipher_integrity_check`` gives
    rows only for problems)."""
    name = pragma.removeprefix("PRAGMA ")
    rows = [str(r[0]) for r in connection.execute(pragma)]
    return [f"clinic.db {name}: {row}" for row in rows if row != "ok"]


def _chain_rows(connection: Any, _what: str) -> list[str]:
    return [f"audit entry {b.seq}: {b.reason}" for b in chain_breaks(connection)]


_CHAIN_SQL = (
    "SELECT seq, at_text, actor, action, entity, entity_id, changes, prev_hash, hash "
    "FROM audit_entry ORDER BY seq"
)


def chain_breaks(connection: Any) -> list[ChainBreak]:
    """The audit chain's breaks, read row by row with plain SQL (the rows the ORM would
    give: ``changes`` is the JSON column's text) and checked by the domain's rule."""
    cursor = connection.execute(_CHAIN_SQL)

    def pairs() -> Iterator[tuple[AuditRecord, str]]:
        while rows := cursor.fetchmany(4096):
            for seq, at, actor, action, entity, entity_id, changes, prev, stored in rows:
                try:
                    body = json.loads(changes)
                except (TypeError, ValueError):
                    body = {"unreadable": str(changes)}  # cannot hash as written: a break
                record = AuditRecord(seq, at, actor, action, entity, entity_id, body, prev)
                yield record, stored

    return list(verify_chain(pairs()))


def check_database(
    database: Path, key: bytearray, manifest: Manifest
) -> tuple[Facts | None, list[str]]:
    """The quick part: the copy opens with the key and says what the manifest says."""
    try:
        facts = database_facts(database, key)
    except StoreError:
        return None, ["clinic.db cannot be opened with the key: it is damaged"]
    except sqlcipher3.Error as exc:
        return None, [f"clinic.db cannot be read: {type(exc).__name__}"]
    problems = []
    if facts.head != manifest.audit_head:
        problems.append(N_("clinic.db's audit chain head differs from the manifest"))
    if facts.counts != manifest.counts or facts.revision != manifest.schema_revision:
        problems.append(N_("clinic.db's counts or schema revision differ from the manifest"))
    return facts, problems
