"""Backups of a store: writing one (atomically, verified before it gets its name) and
restoring one (checked in full beside the target first, then moved into place).

Writing streams every byte once: the database is copied page by page (SQLite's backup API,
one read transaction), then every member is read once, hashed, written into the archive and
(a vault file) decrypted from those same bytes, while a second thread runs the database copy's
integrity checks and audit chain. The archive is then read back once and every member's
SHA-256 compared with the manifest: the file holds exactly the bytes that were checked.
Memory stays a few megabytes of buffers, whatever the size of the store.

The format is described in :mod:`clinic.storage.backup_format`; checking a backup without
restoring it is in :mod:`clinic.storage.backup_check`. The public names of both are also
importable from here.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import sqlcipher3

import clinic
from clinic.storage import keys
from clinic.storage.backup_check import (
    database_facts,
    database_problems,
    in_background,
    read_back,
    verify_backup,
)
from clinic.storage.backup_format import (
    BUFFER,
    DATABASE,
    FORMAT,
    MAC_INFO,
    MANIFEST,
    MANIFEST_MAC,
    META,
    SUFFIX,
    WRAPPED_KEY,
    BackupCheckFailed,
    BackupError,
    BackupReport,
    DamagedBackup,
    Manifest,
    Member,
    WrongBackupKey,
    check_key,
    create_private,
    manifest_mac,
    os_words,
    read_manifest,
    read_wrapped_key,
    sweep_scratch,
    workdir,
)
from clinic.storage.backup_restoring import restore_backup
from clinic.storage.datadir import fsync_dir
from clinic.storage.engine import SCAN_CACHE_KIB, connect_new_copy
from clinic.storage.errors import CannotUnlock
from clinic.storage.store import Store
from clinic.storage.store_files import StoreMeta
from clinic.storage.vault import Vault, VaultError

__all__ = [
    "FORMAT",
    "SUFFIX",
    "BackupCheckFailed",
    "BackupError",
    "BackupReport",
    "DamagedBackup",
    "Manifest",
    "Member",
    "WrongBackupKey",
    "check_key",
    "read_manifest",
    "read_wrapped_key",
    "restore_backup",
    "verify_backup",
    "write_backup",
]


# ------------------------------------------------------------------------------- writing


@dataclass(frozen=True)
class ArchiveParts:
    """What a backup file is made of, whichever store it comes from (a laptop's, or a snapshot
    of an office database written as one: clinic.storage.postgres_backup)."""

    database: Path  # a consistent copy keyed by the store's key, journal mode DELETE
    meta: Path  # store.json
    wrapped_key: Path | None  # key.json when the key is wrapped by a passphrase
    vault: Vault  # where the copy's evidence files are, by name
    store_meta: StoreMeta
    mac_key: bytes  # derive_subkey(key, MAC_INFO)


def write_backup(store: Store, destination: Path, *, now: datetime) -> Manifest:
    """Write a verified backup of ``store`` to ``destination``; an existing file is never touched."""
    if store.locked:
        raise CannotUnlock("The store is locked; unlock it, then make the backup.")
    sweep_scratch(store.datadir.root)  # what a killed backup left behind
    key = store.key_copy()  # to open and check the copies made below
    try:

        def build(handle: IO[bytes], work: Path) -> tuple[Manifest, list[str]]:
            copy = work / DATABASE
            copy_database(store, copy, key)
            wrapped = store.datadir.wrapped_key
            parts = ArchiveParts(
                database=copy,
                meta=store.datadir.meta,
                wrapped_key=wrapped if wrapped.exists() else None,
                vault=Vault(store.datadir.vault),
                store_meta=store.meta,
                mac_key=store.derive_key(MAC_INFO),
            )
            return write_archive(parts, handle, key, now)

        return write_verified(destination, key, store.datadir.root, build)
    finally:
        keys.wipe(key)


def write_verified(
    destination: Path,
    key: bytearray,
    scratch_parent: Path,
    build: Callable[[IO[bytes], Path], tuple[Manifest, list[str]]],
) -> Manifest:
    """Write a backup file with ``build(handle, scratch folder)`` into a private ``.partial``
    file beside ``destination``, read it back and compare every member with the manifest, and
    only then give it its name (never over an existing file). Nothing is left on failure."""
    destination = check_destination(Path(destination).absolute())
    partial = destination.with_name(f".{destination.name}.partial")
    owned = False  # a .partial we did not create (O_EXCL failed) is not ours to remove
    try:
        with workdir(scratch_parent, "backup") as work, create_private(partial) as handle:
            owned = True
            manifest, problems = build(handle, work)
        if not problems:
            problems = read_back(partial, key, manifest)
        if problems:
            raise BackupCheckFailed(tuple(problems))
        _link_into_place(partial, destination)
    except OSError as exc:
        raise BackupError(os_words(exc, f"write the backup to {destination.parent}")) from None
    except sqlcipher3.Error as exc:
        raise BackupError(
            f"The database could not be copied ({exc}); nothing was written."
        ) from None
    finally:
        if owned:
            partial.unlink(missing_ok=True)
    return manifest


def check_destination(destination: Path) -> Path:
    """``destination`` if a backup may be written there: its folder exists, the name is free."""
    if not destination.parent.is_dir():
        raise BackupError(
            f"The folder {destination.parent} is not there (is the USB stick plugged in?). "
            "Choose another folder; nothing was written."
        )
    if os.path.lexists(destination):
        raise BackupError(
            f"{destination} already exists and backups never overwrite; choose another name."
        )
    return destination


def write_archive(
    parts: ArchiveParts, handle: IO[bytes], key: bytearray, now: datetime
) -> tuple[Manifest, list[str]]:
    """Write every member (checking each as it goes by) and the manifest; the problems found."""
    copy = parts.database
    facts = database_facts(copy, key)
    rows = {name: (fid, fkey, digest) for fid, name, fkey, digest in facts.files}
    sources: list[tuple[str, Path, tuple[int, bytes, str] | None]] = [
        (DATABASE, copy, None),
        (META, parts.meta, None),
    ]
    if parts.wrapped_key is not None:
        sources.append((WRAPPED_KEY, parts.wrapped_key, None))
    vault = parts.vault
    sources += [(f"vault/{n[:2]}/{n}", vault.path_of(n), rows[n]) for n in sorted(rows)]
    stamp = now.astimezone(UTC)
    meta = parts.store_meta
    manifest = Manifest(
        store_id=meta.store_id,
        created_at=stamp.isoformat(timespec="seconds").replace("+00:00", "Z"),
        app_version=clinic.__version__,
        schema_revision=facts.revision,
        key_source=meta.key_source,
        key_check=meta.key_check,
        audit_head=facts.head,
        counts=facts.counts,
    )
    when = stamp.timetuple()[:6]
    problems: list[str] = []
    # The copy's slow checks run beside the archiving; the copy is only read by both. It is a
    # page copy of the store, so comparing every index with its table (integrity_check, which
    # costs as much as everything else together at 100,000 clients) would check the store, not
    # the copy: that is 'clinic doctor'. Every page's HMAC and the b-trees are checked here.
    with (
        in_background(lambda: database_problems(copy, key, thorough=False)) as deep,
        zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED, allowZip64=True) as archive,
    ):
        members = []
        for name, path, row in sources:
            member, found = _add_member(archive, name, path, when, row)
            members.append(member)
            problems += found
        manifest = replace(manifest, members=tuple(members))
        data = manifest.to_json()
        archive.writestr(_zip_info(MANIFEST, when, len(data)), data)
        mac = manifest_mac(parts.mac_key, data)
        archive.writestr(_zip_info(MANIFEST_MAC, when, len(mac)), mac.encode())
    handle.flush()
    os.fsync(handle.fileno())
    return manifest, deep.result() + problems


def copy_database(store: Store, target: Path, key: bytearray) -> None:
    """A consistent copy of the store's database under the same key: SQLite's backup API
    copies it page by page in one read transaction (one snapshot, with the commits still in
    the WAL, none made meanwhile by other connections; nothing is checkpointed). The copy is
    left as a plain (rollback-journal) file, so opening it read-only to check it writes
    nothing. ``target`` must not exist; on any failure it is removed again."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    os.close(fd)  # ours alone from here on, owner-only from the start
    try:
        source = store.raw_connection()
        try:
            source.execute(f"PRAGMA cache_size = -{SCAN_CACHE_KIB}")  # every page read once
            copy = connect_new_copy(target, key)
            try:
                source.backup(copy)  # all pages in one step: one read transaction
                copy.execute("PRAGMA journal_mode = DELETE").fetchone()
            finally:
                copy.close()
        finally:
            source.close()
    except BaseException:
        for path in (target, Path(f"{target}-journal"), Path(f"{target}-wal")):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        raise


def _zip_info(name: str, when: tuple[int, ...], size: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(when[0], when[1], when[2], when[3], when[4], when[5]))
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o100600 << 16
    info.file_size = size  # lets zipfile choose ZIP64 up front for big members
    return info


class _Copying:
    """Reads a source, hashing every byte and writing it to the archive member as it goes."""

    def __init__(self, source: IO[bytes], sink: IO[bytes]) -> None:
        self._source, self._sink = source, sink
        self.digest, self.size = hashlib.sha256(), 0

    def read(self, size: int = -1, /) -> bytes:
        chunk = self._source.read(size)
        self.digest.update(chunk)
        self._sink.write(chunk)
        self.size += len(chunk)
        return chunk

    def drain(self) -> None:
        while self.read(BUFFER):
            pass


def _add_member(
    archive: zipfile.ZipFile,
    name: str,
    path: Path,
    when: tuple[int, ...],
    row: tuple[int, bytes, str] | None = None,
) -> tuple[Member, list[str]]:
    """Copy one file into the archive, hashing it; a vault file (``row``: id, file key,
    plaintext SHA-256) is decrypted from the same bytes as they are written."""
    try:
        source = path.open("rb")
    except FileNotFoundError:
        raise BackupError(
            f"{name} disappeared while the backup was made (was a file removed?). Try again."
        ) from None
    problems: list[str] = []
    with source, archive.open(_zip_info(name, when, os.fstat(source.fileno()).st_size), "w") as out:
        copying = _Copying(source, out)
        if row is not None:
            try:
                Vault.check_from(copying, row[1], expected_sha256=row[2])
            except VaultError as exc:
                problems.append(f"evidence file #{row[0]} ({name}) cannot be decrypted: {exc}")
        copying.drain()
    return Member(name, copying.size, copying.digest.hexdigest()), problems


def _link_into_place(partial: Path, destination: Path) -> None:
    """Give the finished file its final name without ever replacing an existing file."""
    try:
        os.link(partial, destination)
    except FileExistsError:
        raise BackupError(f"{destination} appeared meanwhile; nothing was overwritten.") from None
    except OSError:  # no hard links (FAT on USB sticks): re-check, then rename
        if os.path.lexists(destination):
            raise BackupError(
                f"{destination} appeared meanwhile; nothing was overwritten."
            ) from None
        os.rename(partial, destination)
    fsync_dir(destination.parent)
