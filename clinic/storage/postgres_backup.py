"""``clinic server backup``: the office database written as the same encrypted, verified backup
file a laptop makes (issue 21, backups in office mode).

Run with the server administrator's account (a PostgreSQL superuser, as ``server init`` and
``import-store``: row-level security would hide a volunteer's view of the cases, the superuser
reads them all). In one ``REPEATABLE READ, READ ONLY`` transaction (one snapshot: staff keep
working, and nothing they save meanwhile is half in the backup):

1. every table of the models is copied, rows as they are, into a new SQLCipher database under a
   new random key, in a private scratch folder beside the backup file (the copy is encrypted
   from its first page); the audit trail is checked link by link as it is copied (the same
   hash as ``clinic verify-audit``), so a trail that does not verify is not backed up as if it
   did (never fail open);
2. every evidence file's ciphertext is streamed from ``office_blob_chunk`` into the scratch
   vault under its own name, decrypted on the way with the key in its row and checked against
   its recorded SHA-256 and size (no whole file in memory);
3. the key is wrapped by the backup passphrase the administrator chose (scrypt + AES-GCM, as a
   laptop's passphrase wraps its key) and the archive is written and read back by the laptop's
   own backup code (:func:`clinic.storage.backup.write_verified`): a file that does not read
   back exactly never gets its name.

The file is a laptop backup in every respect (format, manifest, MAC, members), whose store id
is the office database's: ``clinic restore FILE --data-dir FOLDER`` makes a laptop store of it,
and ``clinic server restore`` moves it into an empty office database (restored beside, then
``import-store``). The scratch folder holds only ciphertext and is removed whatever happens.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import sqlcipher3
from sqlalchemy import Connection, Engine, create_engine, select, text
from sqlalchemy.pool import StaticPool

from clinic.domain.i18n import N_
from clinic.storage import keys, migrate
from clinic.storage.backup import (
    ArchiveParts,
    check_destination,
    write_archive,
    write_verified,
)
from clinic.storage.backup_format import DATABASE, MAC_INFO, META, WRAPPED_KEY, Manifest
from clinic.storage.crypto import hkdf_sha256
from clinic.storage.datadir import write_private_file
from clinic.storage.engine import connect_new_copy
from clinic.storage.errors import StoreError
from clinic.storage.keys import KeySource
from clinic.storage.models import Base, EvidenceFile
from clinic.storage.postgres import OfficeError, OfficeTarget, connect_once, read_store_id
from clinic.storage.postgres_import_rows import AuditChainBroken, copy_table
from clinic.storage.postgres_roles import require_superuser
from clinic.storage.store_files import StoreMeta
from clinic.storage.vault import Vault

__all__ = ["OfficeBackupFailed", "OfficeBackupReport", "write_office_backup"]


class OfficeBackupFailed(StoreError):
    """The office database could not be backed up as it is: nothing was written."""

    exit_code = 4


@dataclass(frozen=True)
class OfficeBackupReport:
    manifest: Manifest
    rows: int
    files: int


def _check_office(engine: Engine) -> str:
    with engine.connect() as connection:
        require_superuser(connection)
        current = migrate.current_revision(connection)
    store_id = read_store_id(engine)
    if store_id is None:
        raise OfficeError(
            N_("This database is not set up for Clinic yet: run 'clinic server init'.")
        )
    if current != migrate.head_revision():
        raise OfficeError(
            N_(
                "The office database is at another version of Clinic's records than this "
                "program: run 'clinic server init' with this version first (it brings the "
                "database up to date), then the backup."
            )
        )
    return store_id


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """One read-only transaction that sees the database as of one moment."""
    with engine.connect() as connection:
        connection.execute(text("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"))
        try:
            yield connection
        finally:
            connection.execute(text("ROLLBACK"))


@contextmanager
def _new_database(path: Path, key: bytearray) -> Iterator[Connection]:
    """The backup's database: a new SQLCipher file under ``key``, at this version's schema."""
    raw = connect_new_copy(path, key)
    raw.execute("PRAGMA journal_mode = DELETE").fetchone()
    engine = create_engine(
        "sqlite://", module=sqlcipher3.dbapi2, creator=lambda: raw, poolclass=StaticPool
    )
    try:
        migrate.upgrade(engine)
        with engine.begin() as connection:
            yield connection
    finally:
        engine.dispose()
        raw.close()


def _copy_rows(office: Connection, laptop: Connection) -> int:
    """Every table of the models, parents first; the audit trail checked link by link."""
    copied = 0
    for table in Base.metadata.sorted_tables:
        try:
            n, _head = copy_table(office, laptop, table)
        except AuditChainBroken as exc:
            raise OfficeBackupFailed(
                N_(
                    "The office database's audit trail does not verify at entry {seq}, so no "
                    "backup was written (it would pass the break on as if it were sound). "
                    "'clinic verify-audit' on the server shows every break; tell your attorney."
                ),
                seq=exc.values.get("seq"),
            ) from None
        copied += n
    return copied


def _copy_files(office: Connection, vault: Vault) -> int:
    """Every evidence file's ciphertext into ``vault`` under its name, one chunk in memory at a
    time. Each is decrypted and checked against its row's SHA-256 as it goes into the archive
    (:func:`clinic.storage.backup.write_archive`), as a laptop's are."""
    names = office.execute(
        select(EvidenceFile.id, EvidenceFile.vault_name).order_by(EvidenceFile.id)
    ).all()
    for file_id, name in names:
        path = vault.path_of(name)
        path.parent.mkdir(mode=0o700, exist_ok=True)
        with path.open("xb") as out:
            written = 0
            chunks = office.execute(
                text("SELECT data FROM office_blob_chunk WHERE name = :n ORDER BY idx"),
                {"n": name},
                execution_options={"yield_per": 4},
            )
            for (data,) in chunks:
                written += out.write(bytes(data))
        if not written:
            raise OfficeBackupFailed(
                N_(
                    "Evidence file #{id}'s encrypted file is missing from the office database, "
                    "so the backup was not written (a backup must hold every file). 'clinic "
                    "server status' and the server's logs may say more."
                ),
                id=file_id,
            )
    return len(names)


def write_office_backup(
    target: OfficeTarget,
    password: str | None,
    destination: Path,
    *,
    passphrase: str,
    now: datetime | None = None,
) -> OfficeBackupReport:
    """Back up the office database at ``target`` (the server administrator's login) into
    ``destination``, a laptop backup file whose key ``passphrase`` wraps; see the module."""
    now = now or datetime.now(UTC)
    destination = check_destination(Path(destination).absolute())
    engine = connect_once(target, password)
    key = keys.new_key()
    counted: dict[str, int] = {}
    try:
        store_id = _check_office(engine)

        def build(handle: IO[bytes], work: Path) -> tuple[Manifest, list[str]]:
            meta = StoreMeta(
                store_id=store_id,
                key_source=KeySource.PASSPHRASE,
                key_check=keys.key_check(key, store_id),
                created_at=now.astimezone(UTC).isoformat(timespec="seconds"),
            )
            write_private_file(work / META, meta.to_json())
            write_private_file(work / WRAPPED_KEY, keys.wrap_key(key, passphrase, store_id))
            vault = Vault(work / "vault")
            with _snapshot(engine) as office:
                with _new_database(work / DATABASE, key) as laptop:
                    counted["rows"] = _copy_rows(office, laptop)
                counted["files"] = _copy_files(office, vault)
            parts = ArchiveParts(
                database=work / DATABASE,
                meta=work / META,
                wrapped_key=work / WRAPPED_KEY,
                vault=vault,
                store_meta=meta,
                mac_key=hkdf_sha256(bytes(key), MAC_INFO),
            )
            return write_archive(parts, handle, key, now)

        manifest = write_verified(destination, key, destination.parent, build)
    finally:
        keys.wipe(key)
        engine.dispose()
    return OfficeBackupReport(manifest=manifest, rows=counted["rows"], files=counted["files"])
