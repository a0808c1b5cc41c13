"""The bulk path of ``clinic server import-store``: a laptop store's rows and evidence files
copied into the office database inside the caller's one transaction (issue 20 § 5).

Rows are read from one read snapshot of the laptop's database in primary-key order and written
with batched inserts (SQLAlchemy core executemany; psycopg's multi-row VALUES), through the
models' own tables so every value is converted as the app converts it. The audit trail's rows are
checked link by link while they are copied (the same hash as ``clinic.domain.audit_chain``), so
what reaches the office database is exactly a chain that verifies. Evidence files are copied as
the ciphertext they are (the same AES-256-GCM format and per-file key as the office vault), each
one decrypted on the way and checked against its recorded SHA-256 and size, in rows of about
1 MiB; no whole file is ever held in memory.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, select, text

from clinic.domain.audit_chain import GENESIS, AuditRecord, ChainHead, entry_hash
from clinic.domain.i18n import N_
from clinic.storage.errors import StoreError
from clinic.storage.models import AuditEntry, EvidenceFile
from clinic.storage.postgres_vault import COPY_CHUNK
from clinic.storage.vault import Vault, VaultError

ROW_BATCH = 1000  # rows per executemany
BLOB_BATCH_BYTES = 16 * 1024 * 1024  # ciphertext buffered before it is written
# Rows fetched a batch at a time (given per statement: Connection.execution_options would set
# it for every later statement of the connection, inserts included).
STREAM = {"yield_per": ROW_BATCH}


class AuditChainBroken(StoreError):
    """The laptop store's audit trail does not verify: nothing is moved (never fail open)."""

    exit_code = 4


class EvidenceUnreadable(StoreError):
    """An evidence file of the laptop store is missing or damaged: nothing is moved."""

    exit_code = 4


class ChainCheck:
    """The audit chain checked one row at a time, as it is copied."""

    def __init__(self) -> None:
        self.head = ChainHead(0, GENESIS)

    def add(self, row: dict[str, Any]) -> None:
        record = AuditRecord(
            seq=row["seq"],
            at=row["at_text"],
            actor=row["actor"],
            action=row["action"],
            entity=row["entity"],
            entity_id=row["entity_id"],
            changes=dict(row["changes"]),
            prev_hash=row["prev_hash"],
        )
        if record.seq != self.head.seq + 1:
            self._broken(record.seq, N_("entries are missing before it"))
        if record.prev_hash != self.head.hash:
            self._broken(record.seq, N_("its link to the previous entry does not match"))
        if entry_hash(record) != row["hash"]:
            self._broken(record.seq, N_("its content was changed after it was written"))
        self.head = ChainHead(record.seq, row["hash"])

    @staticmethod
    def _broken(seq: int, why: str) -> None:
        raise AuditChainBroken(
            N_(
                "The laptop store's audit trail does not verify at entry {seq} ({why}), so "
                "nothing was moved into the office database. Keep the laptop as it is and tell "
                "your attorney; 'clinic verify-audit' on the laptop shows every break."
            ),
            seq=seq,
            why=why,
        )


def copy_table(source: Connection, office: Connection, table: Table) -> tuple[int, ChainHead]:
    """Every row of ``table`` from the laptop into the office database, in batches; the audit
    table's chain is checked row by row. Returns the rows copied and the chain's head."""
    check = ChainCheck() if table.name == AuditEntry.__tablename__ else None
    order = list(table.primary_key.columns)
    result = source.execute(select(table).order_by(*order), execution_options=STREAM)
    copied = 0
    for batch in result.mappings().partitions(ROW_BATCH):
        rows = [dict(row) for row in batch]
        if check is not None:
            for row in rows:
                check.add(row)
        office.execute(table.insert(), rows)
        copied += len(rows)
    return copied, check.head if check is not None else ChainHead(0, GENESIS)


def advance_sequence(office: Connection, table: Table) -> None:
    """An integer key's sequence moved past the copied ids, so the office's next row does not
    collide with an imported one."""
    keys = list(table.primary_key.columns)
    if len(keys) != 1 or not keys[0].autoincrement or keys[0].type.python_type is not int:
        return
    sequence = office.execute(
        text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": keys[0].name}
    ).scalar()
    if sequence is None:
        return
    column, name = keys[0].name, table.name  # the models' own names, not input
    statement = f'SELECT setval(:s, coalesce(max("{column}"), 1), max("{column}") IS NOT NULL) '
    office.execute(text(statement + f'FROM "{name}"'), {"s": sequence})


class _Tee(io.RawIOBase):
    """A file read for decryption whose bytes are also kept, to be stored as read."""

    def __init__(self, handle: io.BufferedReader) -> None:
        super().__init__()
        self._handle = handle
        self.taken = bytearray()

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        data = self._handle.read(len(target))
        target[: len(data)] = data
        self.taken += data
        return len(data)


@dataclass
class BlobCopy:
    """Evidence files' ciphertext on its way into ``office_blob`` and ``office_blob_chunk``."""

    office: Connection
    files: int = 0
    plaintext_bytes: int = 0
    stored_bytes: int = 0
    _blobs: list[dict[str, Any]] = field(default_factory=list)
    _chunks: list[dict[str, Any]] = field(default_factory=list)
    _pending: int = 0

    def copy_all(self, source: Connection, vault: Vault) -> None:
        query = select(
            EvidenceFile.id,
            EvidenceFile.vault_name,
            EvidenceFile.file_key,
            EvidenceFile.sha256,
            EvidenceFile.size,
        ).order_by(EvidenceFile.id)
        for row in source.execute(query, execution_options=STREAM):
            self.copy_one(vault.path_of(row.vault_name), row)
        self.flush()

    def copy_one(self, path: Path, row: Any) -> None:
        """One file: decrypted on the way (its SHA-256 and size checked), its ciphertext kept
        in rows of about 1 MiB under the same name."""
        self._blobs.append({"name": row.vault_name})
        index, size = 0, 0
        try:
            with path.open("rb") as handle:
                tee = _Tee(handle)
                reader = io.BufferedReader(tee, COPY_CHUNK)
                for plain in Vault.decrypt_from(reader, row.file_key, expected_sha256=row.sha256):
                    size += len(plain)
                    index = self._take(row.vault_name, index, tee.taken, whole=False)
                index = self._take(row.vault_name, index, tee.taken, whole=True)
        except FileNotFoundError:
            self._unreadable(row.id, N_("its encrypted file is missing from the vault"))
        except (VaultError, OSError):
            self._unreadable(row.id, N_("its encrypted file is damaged or cannot be read"))
        if size != row.size:
            self._unreadable(row.id, N_("its size differs from the one recorded"))
        self.files += 1
        self.plaintext_bytes += size

    def _take(self, name: str, index: int, taken: bytearray, *, whole: bool) -> int:
        while len(taken) >= COPY_CHUNK or (whole and taken):
            data = bytes(taken[:COPY_CHUNK])
            del taken[:COPY_CHUNK]
            self._chunks.append({"n": name, "i": index, "d": data})
            self._pending += len(data)
            self.stored_bytes += len(data)
            index += 1
            if self._pending >= BLOB_BATCH_BYTES:
                self.flush()
        return index

    def flush(self) -> None:
        if self._blobs:
            self.office.execute(text("INSERT INTO office_blob (name) VALUES (:name)"), self._blobs)
            self._blobs = []
        if self._chunks:
            self.office.execute(
                text("INSERT INTO office_blob_chunk (name, idx, data) VALUES (:n, :i, :d)"),
                self._chunks,
            )
            self._chunks = []
        self._pending = 0

    @staticmethod
    def _unreadable(file_id: int, why: str) -> None:
        raise EvidenceUnreadable(
            N_(
                "Evidence file {id} of the laptop store cannot be moved: {why}. Nothing was "
                "moved into the office database. Run 'clinic doctor' on the laptop to see "
                "which case it belongs to, and restore it from a backup."
            ),
            id=file_id,
            why=why,
        )
