"""Creating, unlocking, checking and locking the store: the intentions behind start-up."""

from __future__ import annotations

import contextlib
import platform
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import sqlcipher3
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import clinic
from clinic.domain.i18n import N_
from clinic.services import computer_user, export_file
from clinic.services.errors import ServiceError
from clinic.storage import keys, migrate
from clinic.storage.audit_log import AuditReport
from clinic.storage.datadir import DataDir, default_data_dir
from clinic.storage.errors import DamagedStore, StoreError, WrongPassphrase
from clinic.storage.keys import KeySource
from clinic.storage.models import Case, Client, EvidenceFile
from clinic.storage.store import (
    Store,
    create_store,
    load_key,
    needs_passphrase,
    open_store,
    store_expected,
    verify_audit_trail,
)
from clinic.storage.vault import VaultError

T = TypeVar("T")


class WeakPassphrase(ServiceError):
    """A new passphrase too easy to guess; ``code`` says why (``too_short``, ``too_plain``)."""

    exit_code = 2

    def __init__(self, passphrase: str) -> None:
        if len(passphrase) < keys.MIN_PASSPHRASE_LENGTH:
            self.code = "too_short"
            super().__init__(
                N_("Use at least {minimum} characters; a few unrelated words work well."),
                minimum=keys.MIN_PASSPHRASE_LENGTH,
            )
        else:
            self.code = "too_plain"
            super().__init__(
                N_("Use more different characters; repeated letters are easy to guess.")
            )


def check_new_passphrase(passphrase: str) -> None:
    """Raise :class:`WeakPassphrase` when ``passphrase`` is too weak to protect the store."""
    if keys.passphrase_problem(passphrase) is not None:
        raise WeakPassphrase(passphrase)


def resolve_data_dir(path: Path | None) -> DataDir:
    return DataDir((path or default_data_dir()).expanduser().resolve())


def default_actor() -> str:
    """Who is acting before this computer's user is known (never the OS login): the store
    acts as the staff member chosen for this computer as soon as it is open
    (:mod:`clinic.services.computer_user`)."""
    return computer_user.UNCHOSEN_ACTOR


def store_exists(data_dir: DataDir) -> bool:
    """Whether to open (never create): a first run is an empty or absent folder that this
    computer has never kept a store in."""
    return store_expected(data_dir)


def passphrase_needed(data_dir: DataDir) -> bool:
    return needs_passphrase(data_dir)


def keychain_available() -> bool:
    return keys.keychain_available()


def init_store(
    *, data_dir: DataDir, passphrase: str | None, actor: str, start_afresh: bool = False
) -> Store:
    """Create the store; ``passphrase=None`` keeps the key in the OS keychain.
    ``start_afresh``: the folder once held a store that is gone; forget it (and its key)."""
    if passphrase is not None:
        check_new_passphrase(passphrase)
    store = create_store(data_dir, passphrase=passphrase, actor=actor, start_afresh=start_afresh)
    # A new store holds no deadlines yet: it is current with this version's rules, so opening
    # it never recomputes for an upgrade (clinic.services.rules_upgrade).
    from clinic.services.rules_upgrade import record_rules_version  # noqa: PLC0415 (start-up)

    with store.unit_of_work() as session:
        record_rules_version(session)
    return store


def unlock_store(
    *, data_dir: DataDir, passphrase: str | None, actor: str, key: bytearray | None = None
) -> Store:
    store = open_store(data_dir, passphrase=passphrase, actor=actor, key=key)
    computer_user.act_as_computer_user(store)
    # A crashed export's hidden plaintext file (recorded in the store before it was written) is
    # removed now; a failure here never stops the store from opening (issue 16 § 6).
    with contextlib.suppress(StoreError, OSError):
        export_file.sweep_partial_exports(store)
    return store


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
    clients: int | None  # None: could not be counted (damaged)
    cases: int | None
    files: int | None
    files_missing: tuple[str, ...]
    files_orphaned: int
    # Tables whose rows (or indexes) cannot be read, and from which row on: "which record".
    damaged_records: tuple[str, ...] = ()
    # Evidence file ids whose encrypted copy fails a full decryption and checksum check.
    files_damaged: tuple[int, ...] = ()
    backup_folder: Path | None = None  # from Settings; None when none is set
    last_backup: datetime | None = None  # UTC: the newest readable backup of this store there
    backup_old: bool = False  # no backup there, or the last one is older than OLD_AFTER_DAYS
    # The audit chain against the heads kept outside the database (older copy, missing head).
    audit_heads: str | None = None
    # Stored values intake would refuse, by record and field (never the value): issue 16 § 5.
    invalid_records: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the store is healthy. An old or missing backup is a warning, not a failure."""
        return (
            self.integrity == ("ok",)
            and not self.cipher_integrity
            and not self.damaged_records
            and not self.files_missing
            and not self.files_damaged
            and None not in (self.clients, self.cases, self.files)
            and self.schema_revision == self.schema_head
            and self.audit_heads is None
            and not self.invalid_records
        )


def doctor(*, store: Store, now: datetime | None = None) -> DoctorReport:
    """Versions, key source, full integrity checks on a fresh connection (naming the damaged
    pages, tables and rows), a full check of every evidence file, and the age of the last
    backup in the configured backup folder. A damaged database is reported, not raised."""
    # Imported here, not by every command that opens a store (settings pull in the rules).
    from clinic.services import backup as backups  # noqa: PLC0415
    from clinic.services import record_checks  # noqa: PLC0415
    from clinic.services.settings import get_settings  # noqa: PLC0415

    # A page that fails its HMAC leaves the connection that read it in an error state, so each
    # check (and each table looked at below) gets a fresh connection.
    with _fresh(store) as connection:
        cipher_version = connection.execute("PRAGMA cipher_version").fetchone()[0]
        cipher = tuple(str(r[0]) for r in connection.execute("PRAGMA cipher_integrity_check"))
    integrity = _integrity_rows(store, "PRAGMA integrity_check")
    damaged = _damaged_tables(store) if cipher or integrity != ("ok",) else ()
    counts = _in_session(store, _counts)
    files = _in_session(store, _file_rows)
    revision = _in_session(store, lambda session: migrate.current_revision(session.connection()))
    present = store.vault.names()
    names = {f[1] for f in files or ()}
    settings = _unless_damaged(lambda: get_settings(store=store))
    folder = backups.configured_folder(settings) if settings is not None else None
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
        clients=counts[0] if counts else None,
        cases=counts[1] if counts else None,
        files=len(names) if files is not None else None,
        files_missing=tuple(sorted(names - present)),
        files_orphaned=len(present - names) if files is not None else 0,
        damaged_records=damaged,
        files_damaged=_damaged_files(store, files or (), present),
        backup_folder=folder,
        last_backup=last,
        backup_old=backups.is_backup_old(last, now=now or datetime.now(UTC)),
        audit_heads=_unless_damaged(lambda: verify_audit_trail(store).head_problem),
        invalid_records=_in_session(store, record_checks.invalid_records) or (),
    )


def _unless_damaged(read: Callable[[], T]) -> T | None:
    """``read()``, or ``None`` when the database is too damaged for it."""
    try:
        return read()
    except DamagedStore:
        return None


def _in_session(store: Store, read: Callable[[Session], T]) -> T | None:
    def in_own_unit() -> T:
        with store.unit_of_work() as session:
            return read(session)

    return _unless_damaged(in_own_unit)


@contextlib.contextmanager
def _fresh(store: Store) -> Iterator[Any]:
    connection = store.raw_connection()
    try:
        yield connection
    finally:
        connection.close()


def _integrity_rows(store: Store, pragma: str) -> tuple[str, ...]:
    # On some damage (a page whose HMAC fails) integrity_check stops with an error, not rows.
    with _fresh(store) as connection:
        try:
            return tuple(str(r[0]) for r in connection.execute(pragma))
        except sqlcipher3.DatabaseError as exc:
            return (f"the check stopped: {exc}",)


def _damaged_tables(store: Store) -> tuple[str, ...]:
    """Which tables (with their indexes) hold damage, and the last row of each still readable."""
    with _fresh(store) as connection:
        tables = [
            str(r[0])
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
    found = []
    for table in tables:
        quoted = table.replace('"', '""')
        if _integrity_rows(store, f'PRAGMA integrity_check("{quoted}")') != ("ok",):
            found.append(f"{table}: {_where_rows_stop(store, quoted)}")
    return tuple(found)


def _where_rows_stop(store: Store, quoted: str) -> str:
    last = None
    with _fresh(store) as connection:
        try:
            # Every column of every row, in row id order, from the table itself (not an index).
            query = f'SELECT rowid, * FROM "{quoted}" NOT INDEXED'  # noqa: S608 - a quoted name
            for row in connection.execute(query):
                last = row[0]
        except sqlcipher3.DatabaseError:
            return "no row can be read" if last is None else f"rows after id {last} cannot be read"
    return "an index is damaged (the rows themselves read back; rebuilding it can fix that)"


def _file_rows(session: Session) -> list[tuple[int, str, bytes, str]]:
    rows = session.execute(
        select(EvidenceFile.id, EvidenceFile.vault_name, EvidenceFile.file_key, EvidenceFile.sha256)
    )
    return [(int(r[0]), str(r[1]), bytes(r[2]), str(r[3])) for r in rows]


def _damaged_files(
    store: Store, files: Iterable[tuple[int, str, bytes, str]], present: set[str]
) -> tuple[int, ...]:
    """Decrypt every present evidence file in full (streamed, nothing kept) and check its
    checksum; missing ones are reported as missing, not here."""
    damaged = []
    for file_id, name, key, digest in files:
        if name not in present:
            continue
        try:
            store.vault.check(name, key, expected_sha256=digest)
        except VaultError:
            damaged.append(file_id)
    return tuple(sorted(damaged))


def _counts(session: Session) -> tuple[int, int]:
    clients = session.scalar(select(func.count(Client.id))) or 0
    cases = session.scalar(select(func.count(Case.id))) or 0
    return int(clients), int(cases)


def verify_audit(*, store: Store) -> AuditReport:
    """The hash chain and every head kept outside the database (see
    :func:`clinic.storage.store.verify_audit_trail`: a concurrent writer is never tampering).
    An office database checks the chain its server wrote (OfficeStore.verify_server_chain)."""
    office_check = getattr(store, "verify_server_chain", None)
    if office_check is not None:
        report: AuditReport = office_check()
        return report
    return verify_audit_trail(store)


@dataclass(frozen=True)
class CopyState:
    """What the window's banner says about an older copy opened read-only."""

    read_only: bool
    last_entry: int
    newest_entry_seen: int
    changes_missing: int
    diverged: bool
    message: str  # the store's message in English; ``error`` translates it

    error: StoreError | None = None


def copy_state(*, store: Store) -> CopyState:
    """Whether this store opened as an older copy (read-only), and how far behind it is."""
    check = store.copy_check
    if check is None or not store.read_only:
        return CopyState(False, check.last_entry if check else 0, 0, 0, False, "")
    error = store.older_copy_error()
    return CopyState(
        read_only=True,
        last_entry=check.last_entry,
        newest_entry_seen=check.newest_anchor,
        changes_missing=check.missing_changes,
        diverged=bool(check.diverged) and not check.behind,
        message=str(error),
        error=error,
    )


def accept_older_copy(*, store: Store, passphrase: str | None, reason: str = "") -> int:
    """Accept the older copy as current, after asking for the passphrase (or reading the
    keychain) again: an audit entry records it and what was lost; every head kept outside
    the database moves to it. Returns the new audit entry's number."""
    key = load_key(store.datadir, store.meta, passphrase)
    try:
        if keys.key_check(key, store.meta.store_id) != store.meta.key_check:
            raise WrongPassphrase()
    finally:
        keys.wipe(key)
    return store.accept_as_current(reason=reason)
