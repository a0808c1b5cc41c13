"""Creating, opening and locking a store: the one place that decides "first run" versus "error".

Fail closed: a database that exists without its key is an error, never a first run; no new key
is ever made while a database exists; a wrong key and a damaged file are told apart by checking
the key against ``store.json`` before the database is touched, and neither modifies any file.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, event, func, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from clinic.domain.audit_chain import GENESIS
from clinic.domain.i18n import N_
from clinic.storage import anchors, crypto, keys, migrate
from clinic.storage.audit_log import (
    AUDITED,
    AuditReport,
    ChainHead,
    append_entry,
    read_head,
    verify_entries,
)
from clinic.storage.datadir import DataDir, write_private_file
from clinic.storage.engine import (
    DAMAGED_ON_OPEN,
    connect_raw,
    create_store_engine,
    store_error_for,
)
from clinic.storage.errors import (
    CannotUnlock,
    DamagedStore,
    DiskFull,
    KeyNotFound,
    OlderCopy,
    ReadOnlyStore,
    StoreExists,
)
from clinic.storage.keys import KeySource
from clinic.storage.models import AuditEntry
from clinic.storage.store_files import (  # the files' checks, read before unlocking
    META_FORMAT,
    StoreMeta,
    _refuse_gone_store,
    check_store_files,
    needs_passphrase,
    read_meta,
    store_expected,
)
from clinic.storage.vault import Vault

SAFETY_COPIES_KEPT = 3


__all__ = [  # DiskFull and ReadOnlyStore live in errors; importable from here as before
    "META_FORMAT",
    "SAFETY_COPIES_KEPT",
    "DiskFull",
    "PassphraseRequired",
    "ReadOnlyStore",
    "Store",
    "StoreMeta",
    "count_rows",
    "create_store",
    "derive_subkey",
    "export_encrypted_copy",
    "load_key",
    "needs_passphrase",
    "open_store",
    "read_meta",
    "store_expected",
]

_log = logging.getLogger(__name__)

# errno values that mean "this folder cannot be written".
NOT_WRITABLE = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


class PassphraseRequired(CannotUnlock):
    def __init__(self) -> None:
        super().__init__(N_("This store is protected by a passphrase; enter it to unlock."))


class Store:
    """An unlocked store. Hand it to services; call :meth:`lock` to drop the key."""

    def __init__(self, datadir: DataDir, meta: StoreMeta, key: bytearray, actor: str) -> None:
        self.datadir = datadir
        self.meta = meta
        self.actor = actor
        self._key = key
        self._engine: Engine | None = create_store_engine(datadir.database, key)
        self.vault = Vault(datadir.vault)
        # Set when opening migrated the schema: what the user should be told, once.
        self.upgrade_note: str | None = None
        # The database's last entry against the heads kept outside it, as found at opening.
        self.copy_check: anchors.CopyCheck | None = None
        # An older copy (behind an anchor) opens read-only until restored or accepted.
        self.read_only = False
        event.listen(self._engine, "connect", self._query_only_when_read_only)

    def _query_only_when_read_only(self, dbapi_connection: Any, _record: Any) -> None:
        if self.read_only:
            dbapi_connection.execute("PRAGMA query_only = ON")

    def older_copy_error(self) -> OlderCopy:
        check = self.copy_check
        assert check is not None
        if check.behind:
            return OlderCopy(
                N_(
                    "This is an older copy of the records: they end at audit entry {last}, but "
                    "entry {newest} was saved before (recorded {places}), so changes made after "
                    "this copy are missing (entries missing: {missing}). It is open read-only: "
                    "nothing can be saved. Restore the right backup (clinic restore), or accept "
                    "this copy as current (clinic accept-copy), which is recorded in the audit "
                    "trail."
                ),
                last=check.last_entry,
                newest=check.newest_anchor,
                places=", ".join(_place_words(a.place) for a in check.behind),
                missing=check.missing_changes,
            )
        return OlderCopy(
            N_(
                "These records differ from the ones this computer saw last (audit entry "
                "{newest}, recorded {places}): another copy of the store was changed separately, "
                "or an older copy was put back and changed. It is open read-only: nothing can "
                "be saved. Restore the right backup (clinic restore), or accept this copy as "
                "current (clinic accept-copy), which is recorded in the audit trail."
            ),
            newest=check.newest_anchor,
            places=", ".join(_place_words(a.place) for a in check.diverged),
        )

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise CannotUnlock(N_("The store is locked; unlock it again."))
        return self._engine

    @property
    def locked(self) -> bool:
        return self._engine is None

    @contextlib.contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One user action: commit on success, roll back on any error, keep the chain head."""
        session = Session(self.engine, expire_on_commit=False, autoflush=True)
        try:
            yield session
            audited = bool(session.info.get(AUDITED))
            if self.read_only and (audited or session.new or session.dirty or session.deleted):
                raise self.older_copy_error()
            session.commit()
        except DBAPIError as exc:
            _rollback_quietly(session)
            explained = None if exc.orig is None else store_error_for(exc.orig)
            if isinstance(explained, ReadOnlyStore) and self.read_only:
                explained = self.older_copy_error()
            if explained is not None:
                raise explained from None
            raise
        except ReadOnlyStore:
            _rollback_quietly(session)
            if self.read_only:
                raise self.older_copy_error() from None
            raise
        except BaseException:
            _rollback_quietly(session)
            raise
        finally:
            session.close()
        if audited:
            self._save_head()

    def _save_head(self) -> None:
        """Copy the chain head outside the database, after the commit.

        The change is committed by now, so a failure here must not be reported as "nothing was
        saved" (the user would enter it again). A head left one commit behind is what a crash
        between commit and this write leaves too; :func:`audit_log.verify` accepts it (only a
        head *ahead* of the database means an older copy was put back), and the next save
        writes the head again.
        """
        with Session(self.engine) as reader:
            head = read_head(reader)
        self._advance_anchors(head)

    def _advance_anchors(self, head: ChainHead) -> None:
        try:
            failed = anchors.advance_all(
                self.datadir,
                self.meta.store_id,
                self.meta.key_source is KeySource.KEYCHAIN,
                head.seq,
                head.hash,
            )
        except OSError as exc:
            failed = [f"{anchors.STATE} ({errno.errorcode.get(exc.errno or 0, 'error')})"]
        if failed:
            _log.warning(
                "The audit chain head (entry %d) could not be kept in: %s; the next save "
                "writes it again.",
                head.seq,
                ", ".join(failed),
            )

    def accept_as_current(self, *, reason: str) -> int:
        """Accept an older copy as current: an audit entry records what was lost, then every
        anchor is moved to it (backwards, on purpose). The caller has asked for the passphrase
        or keychain again. Returns the new entry's number."""
        check = self.copy_check
        if check is None or not check.older_copy:
            raise OlderCopy(N_("This copy is not behind any record kept outside it."))
        self.read_only = False
        self.engine.dispose()  # no connection stays query-only
        try:
            with self.unit_of_work() as session:
                append_entry(
                    session,
                    actor=self.actor,
                    action="accept_older_copy",
                    entity="store",
                    entity_id=None,
                    changes={
                        "last_entry_of_copy": check.last_entry,
                        "newest_entry_seen": check.newest_anchor,
                        "entries_missing": check.missing_changes,
                        "behind": {a.place: a.seq for a in check.behind},
                        "diverged": {a.place: a.seq for a in check.diverged},
                        "reason": reason,
                    },
                )
                session.info[AUDITED] = False  # anchors are set below, backwards on purpose
            with Session(self.engine) as reader:
                head = read_head(reader)
            anchors.set_all(
                self.datadir, self.meta.store_id, self.meta.key_source.value, head.seq, head.hash
            )
        except BaseException:
            self.read_only = True
            self.engine.dispose()
            raise
        self.copy_check = anchors.CopyCheck(last_entry=head.seq)
        return head.seq

    def raw_connection(self) -> Any:
        """A fresh keyed DB-API connection (integrity checks, backups); caller closes it."""
        if self._engine is None:
            raise CannotUnlock(N_("The store is locked; unlock it again."))
        return connect_raw(self.datadir.database, self._key)

    def key_hex_for_recovery_kit(self) -> str:
        """Only for printing the recovery kit the user asked for."""
        return bytes(self._unlocked_key()).hex()

    def key_copy(self) -> bytearray:
        """A copy of the key for opening a copy of this database (backups); wipe it after use
        with :func:`keys.wipe`."""
        return bytearray(self._unlocked_key())

    def derive_key(self, info: bytes) -> bytes:
        """A 32-byte key for one purpose (``info``), derived from the database key by
        HKDF-SHA256; it reveals nothing about the database key."""
        return derive_subkey(self._unlocked_key(), info)

    def _unlocked_key(self) -> bytearray:
        # A locked store's key is all zeros: never hand that out as if it were the key.
        if self._engine is None or not any(self._key):
            raise CannotUnlock(N_("The store is locked; unlock it again."))
        return self._key

    def lock(self) -> None:
        """Close every connection and overwrite the key held in memory."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        keys.wipe(self._key)

    def wrap_with_passphrase(self, passphrase: str) -> None:
        """Change (or set) the passphrase: re-wraps the key; the database is not re-encrypted."""
        write_private_file(
            self.datadir.wrapped_key, keys.wrap_key(self._key, passphrase, self.meta.store_id)
        )
        if self.meta.key_source is not KeySource.PASSPHRASE:
            self.meta = StoreMeta(
                store_id=self.meta.store_id,
                key_source=KeySource.PASSPHRASE,
                key_check=self.meta.key_check,
                created_at=self.meta.created_at,
            )
            write_private_file(self.datadir.meta, self.meta.to_json())

    def move_key_to_keychain(self) -> None:
        """Keep the key in this computer's keychain from now on (e.g. after a recovery)."""
        keys.store_in_keychain(self._key, self.meta.store_id)
        self.meta = StoreMeta(
            store_id=self.meta.store_id,
            key_source=KeySource.KEYCHAIN,
            key_check=self.meta.key_check,
            created_at=self.meta.created_at,
        )
        write_private_file(self.datadir.meta, self.meta.to_json())
        self.datadir.wrapped_key.unlink(missing_ok=True)


def derive_subkey(key: bytearray, info: bytes) -> bytes:
    """HKDF-SHA256 (no salt) of ``key`` for the purpose ``info``: see :meth:`Store.derive_key`."""
    return crypto.hkdf_sha256(bytes(key), info)


def _rollback_quietly(session: Session) -> None:
    # SQLITE_FULL has already rolled back; a second ROLLBACK fails with "no transaction is active".
    with contextlib.suppress(OperationalError, sqlcipher3.OperationalError):
        session.rollback()


def _writable(path: Path) -> bool:
    # access() answers for the real user and also says no on a read-only mount (EROFS).
    return os.access(path, os.W_OK)


def _check_writable(datadir: DataDir) -> None:
    """Refuse, before anything is opened, a store that cannot be written: SQLite would fail
    later with "unable to open database file", which reads like damage."""
    if not _writable(datadir.root):
        raise ReadOnlyStore(N_("The data folder"), path=datadir.root)
    for path in [datadir.database, *datadir.sidecars(), datadir.vault]:
        if path.exists() and not _writable(path):
            raise ReadOnlyStore(N_("A file in the data folder"), path=path)


def create_store(
    datadir: DataDir, *, passphrase: str | None, actor: str, start_afresh: bool = False
) -> Store:
    """Make a new store: a new random key, kept in the keychain or wrapped by ``passphrase``.

    Only in an empty or absent folder. When this computer remembers a store in that folder
    (it was emptied or deleted), only with ``start_afresh``, which also forgets that store and
    removes its key from the keychain. ``store.json`` is written last, once the database has
    its schema: an interrupted creation leaves a folder that is reported, never half a store
    that opens."""
    if not datadir.is_empty_or_absent():
        raise StoreExists(
            N_(
                "{folder} is not empty, so no new store is made there (a store, or what is "
                "left of one, may be in it). Open it, restore a backup into it, or choose an "
                "empty folder with --data-dir."
            ),
            folder=datadir.root,
        )
    known = anchors.known_in_folder(datadir.root)
    if known is not None and not start_afresh:
        _refuse_gone_store(datadir)
    try:
        datadir.ensure_root()
    except OSError as exc:
        if exc.errno in NOT_WRITABLE:
            raise ReadOnlyStore(N_("The folder"), path=datadir.root.parent) from None
        raise
    if not _writable(datadir.root):
        raise ReadOnlyStore(N_("The data folder"), path=datadir.root)
    key = keys.new_key()
    store_id = uuid.uuid4().hex
    if passphrase is None:
        keys.store_in_keychain(key, store_id)
        source = KeySource.KEYCHAIN
    else:
        write_private_file(datadir.wrapped_key, keys.wrap_key(key, passphrase, store_id))
        source = KeySource.PASSPHRASE
    meta = StoreMeta(
        store_id=store_id,
        key_source=source,
        key_check=keys.key_check(key, store_id),
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    store = Store(datadir, meta, key, actor)
    migrate.upgrade(store.engine)
    write_private_file(datadir.meta, meta.to_json())
    _tighten_permissions(datadir)
    if known is not None:
        _forget(known)
    _remember(store)
    # Heads from the start (entry 0): a missing head later means it was removed, never that a
    # writer has not written its first one yet (a check beside that writer would say so).
    try:
        anchors.set_all(datadir, store_id, source.value, 0, GENESIS)
    except OSError as exc:
        _log.warning("The audit chain head could not be kept outside (%s).", exc.strerror)
    return store


def _forget(known: anchors.KnownStore) -> None:
    """Starting afresh: the old store's key leaves the keychain and this computer forgets it."""
    if known.key_source == KeySource.KEYCHAIN.value:
        keys.remove_from_keychain(known.store_id)
        keys.remove_head_from_keychain(known.store_id)
    anchors.forget_store(known.store_id)


def load_key(datadir: DataDir, meta: StoreMeta, passphrase: str | None) -> bytearray:
    if meta.key_source is KeySource.KEYCHAIN:
        key = keys.load_from_keychain(meta.store_id)
        if key is None:
            raise KeyNotFound(
                N_(
                    "This computer's keychain has no key for this store (was the system "
                    "reinstalled or the store copied from another laptop?). Open it with the "
                    "recovery key from the printed recovery kit: clinic unlock --recovery-key. "
                    "Nothing was changed."
                )
            )
    else:
        if passphrase is None:
            raise PassphraseRequired()
        try:
            wrapped = datadir.wrapped_key.read_bytes()
        except FileNotFoundError:
            raise KeyNotFound(
                N_(
                    "The key file key.json is missing from {folder}. Restore it from a backup "
                    "or use the recovery key. Nothing was changed."
                ),
                folder=datadir.root,
            ) from None
        if keys.wrapped_store_id(wrapped) != meta.store_id:
            raise DamagedStore(
                N_(
                    "store.json and key.json in {folder} belong to different stores (one of "
                    "them was replaced). Nothing was changed. Restore the latest backup, or open "
                    "the store with the recovery key (clinic unlock --recovery-key)."
                ),
                folder=datadir.root,
            )
        key = keys.unwrap_key(wrapped, passphrase, meta.store_id)
    if keys.key_check(key, meta.store_id) != meta.key_check:
        keys.wipe(key)
        raise KeyNotFound(
            N_(
                "The key found does not belong to this store. Use the recovery key from the "
                "printed recovery kit. Nothing was changed."
            )
        )
    return key


def open_store(
    datadir: DataDir, *, passphrase: str | None = None, actor: str, key: bytearray | None = None
) -> Store:
    """Unlock an existing store and bring its schema to head (after a safety copy)."""
    check_store_files(datadir)
    _check_writable(datadir)
    meta = read_meta(datadir)
    if key is None:
        key = load_key(datadir, meta, passphrase)
    elif keys.key_check(key, meta.store_id) != meta.key_check:
        raise KeyNotFound(
            N_("That recovery key does not belong to this store. Nothing was changed.")
        )
    # The anchors are read before the database: a concurrent writer commits first and moves
    # them after, so what is read here can only be behind the database, never ahead of it.
    outside = _read_anchors(datadir, meta)
    store = Store(datadir, meta, key, actor)
    try:
        with _naming_the_file(datadir), store.engine.connect() as connection:
            # The connect hook reads the file: damage shows here, before any write. A store
            # always has its schema (store.json is written after it): no tables is damage.
            if migrate.current_revision(connection) is None:
                raise DamagedStore(
                    N_(
                        "The database file {path} holds no Clinic records at all (it may have "
                        "been emptied or replaced). Nothing was changed. Restore the latest "
                        "backup (clinic restore --over-current FILE)."
                    ),
                    path=datadir.database,
                )
            store.copy_check = _compare_with_database(connection, outside)
        store.read_only = store.copy_check.older_copy
        store.engine.dispose()  # connections from here on are query-only when read-only
        if migrate.pending(store.engine):
            if store.read_only:
                raise store.older_copy_error()
            copy = _safety_copy(store)
            migrate.upgrade(store.engine)
            if copy.exists():
                store.upgrade_note = (
                    "Clinic was updated, so the records were brought up to date. A copy from "
                    f"before the update is kept (encrypted) in {copy}."
                )
        if not store.read_only:
            _record_missing_anchors(store)
    except BaseException:
        store.lock()
        raise
    _remember(store)
    return store


_PLACES = {
    anchors.FOLDER: N_("in audit-head.json in the data folder"),
    anchors.STATE: N_("in this computer's state file"),
    anchors.KEYCHAIN: N_("in this computer's keychain"),
}


def _place_words(place: str) -> str:
    return _PLACES.get(place, place)


def _read_anchors(datadir: DataDir, meta: StoreMeta) -> list[anchors.Anchor]:
    return anchors.read_anchors(
        datadir, meta.store_id, keychain=meta.key_source is KeySource.KEYCHAIN
    )


def _compare_with_database(connection: Any, outside: list[anchors.Anchor]) -> anchors.CopyCheck:
    last = connection.execute(select(func.max(AuditEntry.seq))).scalar() or 0
    wanted = sorted({a.seq for a in outside if a.seq is not None and 0 < a.seq <= last})
    hashes: dict[int, str] = {}
    if wanted:
        rows = connection.execute(
            select(AuditEntry.seq, AuditEntry.hash).where(AuditEntry.seq.in_(wanted))
        )
        hashes = {int(r[0]): str(r[1]) for r in rows}
    return anchors.compare(outside, int(last), hashes)


def _record_missing_anchors(store: Store) -> None:
    """A missing anchor while the database has entries is a warning that is recorded (an
    audit entry naming the places), not "fine"; then every anchor is brought up to date."""
    check = store.copy_check
    if check is None:
        return
    if check.missing:
        with store.unit_of_work() as session:
            append_entry(
                session,
                actor=store.actor,
                action="anchor_missing",
                entity="store",
                entity_id=None,
                changes={
                    "places": sorted(a.place for a in check.missing),
                    "unreadable": sorted(a.place for a in check.missing if a.seq is not None),
                    "last_entry": check.last_entry,
                },
            )
    elif check.last_entry > 0:
        with Session(store.engine) as reader:
            store._advance_anchors(read_head(reader))  # a head left behind by a crash


@contextlib.contextmanager
def _naming_the_file(datadir: DataDir) -> Iterator[None]:
    try:
        yield
    except DamagedStore as exc:
        if exc.template != DAMAGED_ON_OPEN:
            raise
        raise DamagedStore(
            N_(
                "The database file {path} is damaged or belongs to another store, so it cannot "
                "be opened with this store's key. Nothing was changed. Restore the latest "
                "backup (clinic restore --over-current FILE), or run 'clinic doctor'."
            ),
            path=datadir.database,
        ) from None


def _remember(store: Store) -> None:
    """This computer's record of where the store lives (so an emptied folder is no first
    run); a state folder that cannot be written is logged, not fatal."""
    try:
        anchors.remember_store(store.meta.store_id, store.datadir.root, store.meta.key_source)
    except OSError as exc:
        _log.warning("The per-user state file could not be written (%s).", exc.strerror)


def _safety_copy(store: Store) -> Path:
    """An encrypted copy (same key) of the database before a migration changes it."""
    folder = store.datadir.safety_copies
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"pre-migration-{stamp}.db"
    export_encrypted_copy(store, target)
    copies = sorted(folder.glob("pre-migration-*.db"))
    for old in copies[:-SAFETY_COPIES_KEPT]:
        old.unlink()
    return target


def export_encrypted_copy(store: Store, target: Path) -> None:
    """A consistent copy under the same key via ``sqlcipher_export`` (not a file copy).

    The copy is made inside one explicit read transaction, so it is one snapshot even while
    other connections write; the attached copy takes the key from the connection (no copy of
    the key is made here). ``target`` must not exist; on any failure it is removed again.
    """
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    os.close(fd)  # ours alone from here on, owner-only from the start (SQLite opens it empty)
    try:
        connection = store.raw_connection()
        try:
            quoted = str(target).replace("'", "''")
            connection.execute(f"ATTACH DATABASE '{quoted}' AS safety")  # same key as main
            connection.execute("BEGIN")
            connection.execute("SELECT count(*) FROM main.sqlite_master").fetchone()  # snapshot
            connection.execute("SELECT sqlcipher_export('safety')")
            connection.execute("COMMIT")
            connection.execute("DETACH DATABASE safety")
        finally:
            connection.close()
        target.chmod(0o600)
    except BaseException:
        for path in (target, Path(f"{target}-journal"), Path(f"{target}-wal")):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        raise


def _tighten_permissions(datadir: DataDir) -> None:
    for path in [datadir.database, *datadir.sidecars()]:
        if path.exists():
            path.chmod(0o600)


def count_rows(store: Store, model: type[Any]) -> int:
    with store.unit_of_work() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def verify_audit_trail(store: Store) -> AuditReport:
    """The hash chain, and its last entry against every head kept outside the database.

    The heads are read first and the whole chain afterwards in one statement: a writer
    commits before it moves a head, and heads never move back, so a check running beside a
    writer can only find the heads behind the database, which is fine, never ahead of it."""
    outside = _read_anchors(store.datadir, store.meta)
    with store.unit_of_work() as session:
        count, breaks, hashes = verify_entries(session)
    last = max(hashes, default=0)
    check = anchors.compare(outside, last, hashes)
    problems = []
    if check.behind:
        problems.append(
            f"the database ends at entry {last} but entry {check.newest_anchor} was recorded "
            f"earlier ({', '.join(a.place for a in check.behind)}): an older copy of the "
            f"database may have been put back; {check.missing_changes} entries are missing"
        )
    for anchor in check.diverged:
        problems.append(
            f"entry {anchor.seq} differs from the one recorded outside the database "
            f"({anchor.place}): another copy was changed separately"
        )
    at_open = store.copy_check
    recorded = at_open.missing if at_open is not None else ()
    for anchor in check.missing or recorded:
        state = "unreadable" if anchor.seq == anchors.UNREADABLE else "missing"
        if anchor.seq == anchors.FOREIGN:
            state = "another store's"
        problems.append(
            f"the chain head kept outside the database ({anchor.place}) was {state} while the "
            "database has entries (recorded in the audit trail as anchor_missing)"
        )
    return AuditReport(
        entries=count, breaks=breaks, head_problem="; ".join(problems) if problems else None
    )


def record_restore(
    datadir: DataDir, key: bytearray, *, actor: str, backup_made: str, head: ChainHead
) -> int:
    """After a restore: move every head kept outside the database to the backup's (backwards
    on purpose), then record the restore in the audit trail. Returns that entry's number (0
    when the store still lives in another folder, which stays the current one)."""
    meta = read_meta(datadir)
    before = anchors.known_store(meta.store_id)
    if (
        before is not None
        and Path(before.folder) != Path(datadir.root).absolute()
        and DataDir(Path(before.folder)).has_database()
    ):
        # Restored beside the store it came from, which is still in use in its own folder:
        # that one stays current, and this copy opens as an older copy (accept it to switch).
        return 0
    anchors.set_all(datadir, meta.store_id, meta.key_source.value, head.seq, head.hash)
    store = open_store(datadir, key=bytearray(key), actor=actor)
    try:
        with store.unit_of_work() as session:
            entry = append_entry(
                session,
                actor=actor,
                action="restore_from_backup",
                entity="store",
                entity_id=None,
                changes={
                    "backup_made": backup_made,
                    "backup_last_entry": head.seq,
                    "newest_entry_seen_before": None if before is None else before.seq,
                },
            )
            seq = entry.seq
    finally:
        store.lock()
    return seq
