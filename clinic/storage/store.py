"""Creating, opening and locking a store: the one place that decides "first run" versus "error".

Fail closed: a database that exists without its key is an error, never a first run; no new key
is ever made while a database exists; a wrong key and a damaged file are told apart by checking
the key against ``store.json`` before the database is touched, and neither modifies any file.

The unlocked store itself is :mod:`clinic.storage.store_handle`, the comparison of the database
with the chain heads kept outside it :mod:`clinic.storage.copy_check`, and the encrypted copies
(the safety copy before a migration) :mod:`clinic.storage.encrypted_copy`; their public names
are importable from here as before.
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

from clinic.domain.audit_chain import GENESIS, ChainHead
from clinic.domain.i18n import N_
from clinic.storage import anchors, keys, migrate
from clinic.storage.audit_log import append_entry
from clinic.storage.copy_check import (
    compare_with_database,
    read_store_anchors,
    record_missing_anchors,
    verify_audit_trail,
)
from clinic.storage.datadir import DataDir, write_private_file
from clinic.storage.encrypted_copy import SAFETY_COPIES_KEPT, export_encrypted_copy, safety_copy
from clinic.storage.engine import DAMAGED_ON_OPEN
from clinic.storage.errors import (
    UPGRADE_NOTE,
    CannotUnlock,
    DamagedStore,
    DiskFull,
    KeyNotFound,
    ReadOnlyStore,
    StoreExists,
)
from clinic.storage.keys import KeySource
from clinic.storage.store_files import (  # the files' checks, read before unlocking
    META_FORMAT,
    StoreMeta,
    _refuse_gone_store,
    check_store_files,
    needs_passphrase,
    read_meta,
    store_expected,
)
from clinic.storage.store_handle import Store, count_rows, derive_subkey

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
    "record_restore",
    "store_expected",
    "verify_audit_trail",
]

_log = logging.getLogger(__name__)

# errno values that mean "this folder cannot be written".
NOT_WRITABLE = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


class PassphraseRequired(CannotUnlock):
    def __init__(self) -> None:
        super().__init__(N_("This store is protected by a passphrase; enter it to unlock."))


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
    outside = read_store_anchors(datadir, meta)
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
            store.copy_check = compare_with_database(connection, outside)
        store.read_only = store.copy_check.older_copy
        store.engine.dispose()  # connections from here on are query-only when read-only
        if migrate.pending(store.engine):
            if store.read_only:
                raise store.older_copy_error()
            copy = safety_copy(store)
            migrate.upgrade(store.engine)
            if copy.exists():
                store.upgrade_note = UPGRADE_NOTE.format(copy=copy)
                store.upgrade_copy = copy
        if not store.read_only:
            record_missing_anchors(store)
    except BaseException:
        store.lock()
        raise
    _remember(store)
    return store


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


def _tighten_permissions(datadir: DataDir) -> None:
    for path in [datadir.database, *datadir.sidecars()]:
        if path.exists():
            path.chmod(0o600)


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
