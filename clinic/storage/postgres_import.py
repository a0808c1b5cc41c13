"""``clinic server import-store``: a laptop store moved into the office database, all or nothing.

Run with the server administrator's account (a PostgreSQL superuser, as ``server init``), after
``server init`` and before anything else is entered there. In **one** transaction:

1. The audit table is locked (no staff save can interleave) and the office database is checked:
   it must hold no records yet; or it holds this very store, imported before, and then nothing
   is done and the caller is told so (a second run changes nothing).
2. Every table is copied from one read snapshot of the laptop's database, ids kept (audit
   entries name rows by id), with batched inserts (:mod:`clinic.storage.postgres_import_rows`).
   The audit entries are written exactly as the laptop wrote them — same numbers, times, authors
   and hashes — so the laptop's chain head is, hash for hash, an entry of the office chain: the
   server's chaining trigger is off for this transaction alone (``ALTER TABLE … DISABLE
   TRIGGER`` is transactional and holds the table locked); the rows are checked link by link as
   they are copied, so only a chain that verifies gets in (never fail open).
3. Evidence files: their ciphertext, decrypted on the way and checked against each recorded
   SHA-256, under the same names and keys.
4. The sequences are moved past the copied ids, the chain is verified again as the office
   database now holds it, the row counts are compared, and the trigger, on again, chains one
   more entry after the laptop's last: ``import`` of ``store``, naming the laptop store, its
   head and the counts (that is how a second run knows it was done).

Any failure rolls back everything: nothing is left in the office database, and the command can
simply be run again. The laptop store is only read.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import sqlcipher3
from sqlalchemy import Connection, Engine, create_engine, delete, func, inspect, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool

from clinic.domain.audit_chain import ChainHead
from clinic.domain.i18n import N_
from clinic.storage import keys, migrate
from clinic.storage.engine import connect_read_only
from clinic.storage.errors import StoreBusy, StoreError
from clinic.storage.models import AuditEntry, Base, Setting
from clinic.storage.postgres import OfficeError, OfficeTarget, connect_once, read_store_id
from clinic.storage.postgres_import_rows import (
    STREAM,
    AuditChainBroken,
    BlobCopy,
    ChainCheck,
    EvidenceUnreadable,
    advance_sequence,
    copy_table,
)
from clinic.storage.postgres_roles import require_superuser
from clinic.storage.store_handle import Store

__all__ = [
    "AuditChainBroken",
    "EvidenceUnreadable",
    "ImportFailed",
    "ImportRefused",
    "ImportReport",
    "import_store",
]

CHAIN_TRIGGER = "audit_entry_chain"
# How long the import waits for a lock (the audit table, held by a staff member's save) before
# it gives up and says so; a save holds it for milliseconds.
LOCK_WAIT = "10s"
# Tables of the office database that are not the models' own but hold records.
OFFICE_RECORD_TABLES = ("office_blob",)


class ImportRefused(StoreError):
    """The office database cannot take this laptop store; nothing was changed."""

    exit_code = 1


class ImportFailed(StoreError):
    """The office database stopped the import part way (its transaction rolled back)."""

    exit_code = 1

    def __init__(self, sqlstate: str) -> None:
        # Only the error's code: PostgreSQL's own text may quote a record's values.
        super().__init__(
            N_(
                "The office database stopped the import part way (PostgreSQL error {code}), so "
                "nothing was changed there. Run the command again; if it stops again, the "
                "server's log says why."
            ),
            code=sqlstate,
        )


@dataclass(frozen=True)
class ImportReport:
    laptop_store: str  # the laptop store's id
    rows: dict[str, int]  # per table, as copied (or as found, when already imported)
    files: int
    file_bytes: int  # the evidence files' plaintext size
    head: ChainHead  # the laptop's last audit entry, now an entry of the office chain
    already: bool  # imported before: nothing was changed
    seconds: float
    # This computer's chain heads that were missing at opening (the folder was copied here).
    heads_missing_here: tuple[str, ...] = ()

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def _tables() -> list[Any]:
    """The models' tables, parents first; the audit trail first of all (a chain that does not
    verify stops the import before anything else is copied)."""
    tables = [t for t in Base.metadata.sorted_tables if t.name != AuditEntry.__tablename__]
    return [AuditEntry.__table__, *tables]


@contextlib.contextmanager
def _laptop_snapshot(source: Store) -> Iterator[Connection]:
    """One read-only connection to the laptop's database in one read transaction: every table
    is read as of the same moment, even if the app saves meanwhile; nothing can be written."""
    key = source.key_copy()
    try:
        raw = connect_read_only(source.datadir.database, key)
    finally:
        keys.wipe(key)
    engine = create_engine(
        "sqlite://", module=sqlcipher3.dbapi2, creator=lambda: raw, poolclass=StaticPool
    )
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("BEGIN")
            try:
                yield connection
            finally:
                connection.exec_driver_sql("ROLLBACK")
    finally:
        engine.dispose()
        raw.close()


def _check_laptop_tables(laptop: Connection) -> None:
    known = {t.name for t in Base.metadata.sorted_tables} | {"alembic_version"}
    unknown = sorted(set(inspect(laptop).get_table_names()) - known)
    if unknown:
        raise ImportRefused(
            N_(
                "The laptop store has tables this version of Clinic does not know ({tables}): "
                "it was written by a newer Clinic. Update Clinic here first; nothing was moved."
            ),
            tables=", ".join(unknown),
        )


def _check_office(engine: Engine) -> None:
    with engine.begin() as connection:
        require_superuser(connection)
    if read_store_id(engine) is None:
        raise OfficeError(
            N_("This database is not set up for Clinic yet: run 'clinic server init'.")
        )
    if migrate.pending(engine):
        raise OfficeError(
            N_(
                "The office database is at an older version of Clinic's records: run "
                "'clinic server init' first (it upgrades an existing Clinic database)."
            )
        )


def _imported_before(office: Connection, store_id: str) -> tuple[int, str, str] | None:
    """(entry, head seq, head hash) of this laptop store's earlier import, if there was one."""
    row = office.execute(
        text(
            "SELECT seq, changes::jsonb -> 'head_entry' ->> 1, changes::jsonb -> 'head_hash' ->> 1 "
            "FROM audit_entry WHERE action = 'import' AND entity = 'store' "
            "AND changes::jsonb -> 'laptop_store' ->> 1 = :id ORDER BY seq LIMIT 1"
        ),
        {"id": store_id},
    ).first()
    return None if row is None else (int(row[0]), str(row[1]), str(row[2]))


def _counts(connection: Connection) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table in _tables():
        counts[table.name] = int(
            connection.execute(select(func.count()).select_from(table)).scalar() or 0
        )
    return counts


def _refuse_if_not_empty(office: Connection) -> None:
    # The settings 'clinic server init' starts a database with (its deadline rules' version)
    # are not records: the laptop's settings replace them (_copy_everything).
    held = {name: n for name, n in _counts(office).items() if n and name != Setting.__tablename__}
    for name in OFFICE_RECORD_TABLES:
        n = int(office.execute(text(f"SELECT count(*) FROM {name}")).scalar() or 0)  # noqa: S608
        if n:
            held[name] = n
    if held:
        raise ImportRefused(
            N_(
                "The office database already holds records ({tables}), so the laptop store "
                "would collide with them: import-store moves a laptop store only into an office "
                "database that holds none yet, right after 'clinic server init' and before "
                "'clinic server add-staff'. Nothing was changed."
            ),
            tables=", ".join(f"{name} {n}" for name, n in sorted(held.items())),
        )


def _already(office: Connection, store_id: str, laptop_head: ChainHead) -> ImportReport | None:
    """The report of an earlier import of this store, if its head is still the laptop's; a
    refusal if the laptop went on after it."""
    before = _imported_before(office, store_id)
    if before is None:
        return None
    entry, seq, digest = before
    same = seq == str(laptop_head.seq) and digest == laptop_head.hash
    if same or _holds_entry(office, laptop_head):
        counts = _counts(office)
        files = int(office.execute(text("SELECT count(*) FROM office_blob")).scalar() or 0)
        return ImportReport(store_id, counts, files, 0, laptop_head, True, 0.0)
    raise ImportRefused(
        N_(
            "This laptop store was moved into the office database before (office audit entry "
            "{entry}, when the laptop's trail ended at entry {seq}); the laptop's trail now "
            "ends at entry {now}. Changes made on the laptop after the move are not moved by "
            "import-store; enter them in office mode. Nothing was changed."
        ),
        entry=entry,
        seq=seq,
        now=laptop_head.seq,
    )


def _holds_entry(office: Connection, head: ChainHead) -> bool:
    """Whether the office chain has the laptop's last entry, hash for hash: the laptop's whole
    trail is in it (the copy imported may have gone one entry further, e.g. the anchor_missing
    entry of opening a copied folder on the server)."""
    if head.seq == 0:
        return False
    stored = office.execute(select(AuditEntry.hash).where(AuditEntry.seq == head.seq)).scalar()
    return stored == head.hash


def _laptop_head(laptop: Connection) -> ChainHead:
    last = laptop.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    return ChainHead(0, "0" * 64) if last is None else ChainHead(int(last[0]), str(last[1]))


def import_store(
    source: Store, target: OfficeTarget, password: str | None, *, clock: Any = time.monotonic
) -> ImportReport:
    """Move ``source`` (an unlocked laptop store, only read) into the office database at
    ``target`` (the administrator's superuser login): see the module's description."""
    started = clock()
    engine = connect_once(target, password)
    try:
        _check_office(engine)
        with _laptop_snapshot(source) as laptop:
            _check_laptop_tables(laptop)
            try:
                with engine.begin() as office:
                    office.execute(text(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'"))
                    office.execute(text("LOCK TABLE audit_entry IN ACCESS EXCLUSIVE MODE"))
                    done = _already(office, source.meta.store_id, _laptop_head(laptop))
                    if done is not None:
                        return replace(done, seconds=clock() - started)
                    _refuse_if_not_empty(office)
                    report = _copy_everything(laptop, office, source)
            except DBAPIError as exc:
                raise ImportFailed(str(getattr(exc.orig, "sqlstate", None) or "?")) from None
            except StoreBusy:
                raise ImportRefused(
                    N_(
                        "The office database is in use (someone is saving, or another import "
                        "is running), so the import could not go ahead; nothing was changed. "
                        "Run it again when nobody is working in office mode."
                    )
                ) from None
        return ImportReport(
            source.meta.store_id,
            report.rows,
            report.files,
            report.file_bytes,
            report.head,
            False,
            clock() - started,
        )
    finally:
        engine.dispose()


def _copy_everything(laptop: Connection, office: Connection, source: Store) -> ImportReport:
    office.execute(text(f"ALTER TABLE audit_entry DISABLE TRIGGER {CHAIN_TRIGGER}"))
    # The laptop's settings, not the ones 'server init' started with: its deadlines were
    # computed with its own rules' version (or none recorded: the window then recomputes).
    office.execute(delete(Setting))
    rows: dict[str, int] = {}
    head = ChainHead(0, "0" * 64)
    for table in _tables():
        copied, chain_head = copy_table(laptop, office, table)
        rows[table.name] = copied
        if table.name == AuditEntry.__tablename__:
            head = chain_head
    blobs = BlobCopy(office)
    blobs.copy_all(laptop, source.vault)
    for table in _tables():
        advance_sequence(office, table)
    office.execute(text(f"ALTER TABLE audit_entry ENABLE TRIGGER {CHAIN_TRIGGER}"))
    _check_copied(office, rows, head, blobs.files)
    _record_import(office, source.meta.store_id, head, rows, blobs.files)
    return ImportReport(
        source.meta.store_id, rows, blobs.files, blobs.plaintext_bytes, head, False, 0
    )


def _check_copied(office: Connection, rows: dict[str, int], head: ChainHead, files: int) -> None:
    """What the office database now holds, read back in the same transaction: the same counts,
    a chain that verifies with the laptop's head as its last entry, a blob for every file."""
    problems: list[str] = []
    if _counts(office) != rows:
        problems.append(N_("the row counts differ"))
    if _office_head(office) != head:
        problems.append(N_("the copied audit trail does not verify"))
    missing = office.execute(
        text(
            "SELECT count(*) FROM evidence_file f LEFT JOIN office_blob b ON b.name = f.vault_name "
            "WHERE b.name IS NULL"
        )
    ).scalar()
    stored = office.execute(text("SELECT count(*) FROM office_blob")).scalar()
    if missing or stored != files:
        problems.append(N_("evidence files are missing"))
    if problems:
        raise ImportRefused(
            N_(
                "The office database did not hold the laptop store as copied ({problem}); "
                "nothing was changed. Run the command again; if it happens again, keep both "
                "as they are and ask for help."
            ),
            problem=problems[0],
        )


def _office_head(office: Connection) -> ChainHead | None:
    """The office chain's head, every entry checked as the laptop's were (streamed, with the
    same hash), or ``None`` if it does not verify."""
    check = ChainCheck()
    table = AuditEntry.__table__
    query = select(table).order_by(table.c.seq)
    try:
        for batch in office.execute(query, execution_options=STREAM).mappings().partitions():
            for row in batch:
                check.add(dict(row))
    except AuditChainBroken:
        return None
    return check.head


def _record_import(
    office: Connection, store_id: str, head: ChainHead, rows: dict[str, int], files: int
) -> None:
    """The import's own entry, chained by the server after the laptop's last (its number, time,
    author and hash are the trigger's)."""
    import json  # noqa: PLC0415

    changes = {
        "laptop_store": [None, store_id],
        "head_entry": [None, head.seq],
        "head_hash": [None, head.hash],
        "rows": [None, sum(rows.values())],
        "clients": [None, rows.get("client", 0)],
        "cases": [None, rows.get("asylum_case", 0)],
        "files": [None, files],
    }
    office.execute(
        text(
            "INSERT INTO audit_entry (seq, at, at_text, actor, action, entity, entity_id, "
            "changes, prev_hash, hash) VALUES (0, now(), '', '', 'import', 'store', NULL, "
            "CAST(:changes AS json), '', '')"
        ),
        {"changes": json.dumps(changes, sort_keys=True)},
    )
