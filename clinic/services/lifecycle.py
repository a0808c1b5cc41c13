"""Creating, unlocking, checking and locking the store: the intentions behind start-up."""

from __future__ import annotations

import getpass
import platform
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import clinic
from clinic.services import backup as backups
from clinic.services.settings import get_settings
from clinic.storage import keys, migrate
from clinic.storage.audit_log import AuditReport
from clinic.storage.audit_log import verify as verify_chain
from clinic.storage.datadir import DataDir, default_data_dir
from clinic.storage.errors import StoreError
from clinic.storage.keys import KeySource
from clinic.storage.models import Case, Client, EvidenceFile
from clinic.storage.store import Store, create_store, needs_passphrase, open_store


class WeakPassphrase(StoreError):
    exit_code = 2


def resolve_data_dir(path: Path | None) -> DataDir:
    return DataDir((path or default_data_dir()).expanduser().resolve())


def default_actor() -> str:
    """Who is acting, for the audit trail: the OS login name until staff sign-in exists."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def store_exists(data_dir: DataDir) -> bool:
    return data_dir.has_database()


def passphrase_needed(data_dir: DataDir) -> bool:
    return needs_passphrase(data_dir)


def keychain_available() -> bool:
    return keys.keychain_available()


def init_store(*, data_dir: DataDir, passphrase: str | None, actor: str) -> Store:
    """Create the store; ``passphrase=None`` keeps the key in the OS keychain."""
    if passphrase is not None:
        problem = keys.passphrase_problem(passphrase)
        if problem is not None:
            raise WeakPassphrase(problem)
    return create_store(data_dir, passphrase=passphrase, actor=actor)


def unlock_store(
    *, data_dir: DataDir, passphrase: str | None, actor: str, key: bytearray | None = None
) -> Store:
    return open_store(data_dir, passphrase=passphrase, actor=actor, key=key)


def change_passphrase(*, store: Store, new_passphrase: str) -> None:
    problem = keys.passphrase_problem(new_passphrase)
    if problem is not None:
        raise WeakPassphrase(problem)
    store.wrap_with_passphrase(new_passphrase)


@dataclass(frozen=True)
class DoctorReport:
    clinic_version: str
    python_version: str
    sqlcipher_version: str
    sqlite_version: str
    data_dir: Path
    store_id: str
    key_source: KeySource
    schema_revision: str | None
    schema_head: str
    integrity: tuple[str, ...]  # "ok" or every problem row
    cipher_integrity: tuple[str, ...]  # empty when every page's HMAC checks out
    clients: int
    cases: int
    files: int
    files_missing: tuple[str, ...]
    files_orphaned: int
    backup_folder: Path | None = None  # from Settings; None when none is set
    last_backup: datetime | None = None  # UTC: the newest readable backup of this store there
    backup_old: bool = False  # no backup there, or the last one is older than OLD_AFTER_DAYS

    @property
    def ok(self) -> bool:
        """Whether the store is healthy. An old or missing backup is a warning, not a failure."""
        return (
            self.integrity == ("ok",)
            and not self.cipher_integrity
            and not self.files_missing
            and self.schema_revision == self.schema_head
        )


def doctor(*, store: Store, now: datetime | None = None) -> DoctorReport:
    """Versions, key source, full integrity checks on a fresh connection, and the age of the
    last backup in the configured backup folder."""
    connection = store.raw_connection()
    try:
        cipher_version = connection.execute("PRAGMA cipher_version").fetchone()[0]
        integrity = tuple(str(r[0]) for r in connection.execute("PRAGMA integrity_check"))
        cipher = tuple(str(r[0]) for r in connection.execute("PRAGMA cipher_integrity_check"))
    finally:
        connection.close()
    with store.unit_of_work() as session:
        names = set(session.scalars(select(EvidenceFile.vault_name)))
        counts = _counts(session)
        with store.engine.connect() as conn:
            revision = migrate.current_revision(conn)
    present = store.vault.names()
    folder = backups.configured_folder(get_settings(store=store))
    last = None
    if folder is not None:
        last = backups.last_backup_time(folder, store_id=store.meta.store_id)
    return DoctorReport(
        clinic_version=clinic.__version__,
        python_version=platform.python_version(),
        sqlcipher_version=str(cipher_version),
        sqlite_version=sqlcipher3.sqlite_version,
        data_dir=store.datadir.root,
        store_id=store.meta.store_id,
        key_source=store.meta.key_source,
        schema_revision=revision,
        schema_head=migrate.head_revision(),
        integrity=integrity,
        cipher_integrity=cipher,
        clients=counts[0],
        cases=counts[1],
        files=len(names),
        files_missing=tuple(sorted(names - present)),
        files_orphaned=len(present - names),
        backup_folder=folder,
        last_backup=last,
        backup_old=backups.is_backup_old(last, now=now or datetime.now(UTC)),
    )


def _counts(session: Session) -> tuple[int, int]:
    clients = session.scalar(select(func.count(Client.id))) or 0
    cases = session.scalar(select(func.count(Case.id))) or 0
    return int(clients), int(cases)


def verify_audit(*, store: Store) -> AuditReport:
    with store.unit_of_work() as session:
        return verify_chain(session, store.datadir.audit_head)
