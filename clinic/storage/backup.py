"""Backups of a store: writing one (atomically, verified before it gets its name) and
restoring one (checked in full beside the target first, then moved into place).

The format is described in :mod:`clinic.storage.backup_format`; checking a backup without
restoring it is in :mod:`clinic.storage.backup_check`. The public names of both are also
importable from here.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import shutil
import zipfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import sqlcipher3

import clinic
from clinic.storage import keys, migrate
from clinic.storage.audit_log import save_external_head
from clinic.storage.backup_check import check_archive, database_facts, verify_backup, verify_in
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
from clinic.storage.datadir import DataDir, fsync_dir, make_private_dir
from clinic.storage.errors import CannotUnlock
from clinic.storage.store import Store, export_encrypted_copy
from clinic.storage.vault import Vault

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


def write_backup(store: Store, destination: Path, *, now: datetime) -> Manifest:
    """Write a verified backup of ``store`` to ``destination``; an existing file is never touched."""
    destination = _free_destination(Path(destination).absolute(), store)
    partial = destination.with_name(f".{destination.name}.partial")
    sweep_scratch(store.datadir.root)  # what a killed backup left behind
    key = store.key_copy()  # to open and check the copies made below
    owned = False  # a .partial we did not create (O_EXCL failed) is not ours to remove
    try:
        with workdir(store.datadir.root, "backup") as work:
            with create_private(partial) as handle:
                owned = True
                manifest = _write_archive(store, handle, work, key, now)
            report = verify_in(partial, key, work)
        if not report.ok:
            raise BackupCheckFailed(report.problems)
        _link_into_place(partial, destination)
    except OSError as exc:
        raise BackupError(os_words(exc, f"write the backup to {destination.parent}")) from None
    except sqlcipher3.Error as exc:
        raise BackupError(
            f"The database could not be copied ({exc}); nothing was written."
        ) from None
    finally:
        keys.wipe(key)
        if owned:
            partial.unlink(missing_ok=True)
    return manifest


def _free_destination(destination: Path, store: Store) -> Path:
    if store.locked:
        raise CannotUnlock("The store is locked; unlock it, then make the backup.")
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


def _write_archive(
    store: Store, handle: IO[bytes], work: Path, key: bytearray, now: datetime
) -> Manifest:
    copy = work / DATABASE
    export_encrypted_copy(store, copy)  # one read transaction: a consistent snapshot
    facts = database_facts(copy, key)
    sources = [(DATABASE, copy), (META, store.datadir.meta)]
    if store.datadir.wrapped_key.exists():
        sources.append((WRAPPED_KEY, store.datadir.wrapped_key))
    vault = Vault(store.datadir.vault)
    sources += [
        (f"vault/{n[:2]}/{n}", vault.path_of(n)) for n in sorted({f[1] for f in facts.files})
    ]
    stamp = now.astimezone(UTC)
    manifest = Manifest(
        store_id=store.meta.store_id,
        created_at=stamp.isoformat(timespec="seconds").replace("+00:00", "Z"),
        app_version=clinic.__version__,
        schema_revision=facts.revision,
        key_source=store.meta.key_source,
        key_check=store.meta.key_check,
        audit_head=facts.head,
        counts=facts.counts,
    )
    when = stamp.timetuple()[:6]
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        members = tuple(_add_member(archive, name, path, when) for name, path in sources)
        manifest = replace(manifest, members=members)
        data = manifest.to_json()
        archive.writestr(_zip_info(MANIFEST, when, len(data)), data)
        mac = manifest_mac(store.derive_key(MAC_INFO), data)
        archive.writestr(_zip_info(MANIFEST_MAC, when, len(mac)), mac.encode())
    handle.flush()
    os.fsync(handle.fileno())
    return manifest


def _zip_info(name: str, when: tuple[int, ...], size: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(when[0], when[1], when[2], when[3], when[4], when[5]))
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o100600 << 16
    info.file_size = size  # lets zipfile choose ZIP64 up front for big members
    return info


def _add_member(archive: zipfile.ZipFile, name: str, path: Path, when: tuple[int, ...]) -> Member:
    try:
        source = path.open("rb")
    except FileNotFoundError:
        raise BackupError(
            f"{name} disappeared while the backup was made (was a file removed?). Try again."
        ) from None
    digest, size = hashlib.sha256(), 0
    with source, archive.open(_zip_info(name, when, os.fstat(source.fileno()).st_size), "w") as out:
        while chunk := source.read(BUFFER):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
    return Member(name, size, digest.hexdigest())


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


# ----------------------------------------------------------------------------- restoring


def restore_backup(
    path: Path, target: DataDir, key: bytearray, *, move_aside_to: Path | None = None
) -> Manifest:
    """Restore into ``target`` (absent or empty), or over it after moving it to ``move_aside_to``.

    Everything is extracted into a private sibling folder and checked there first; a damaged
    backup or a wrong key leaves every existing file as it was and creates nothing.
    """
    root = Path(target.root).absolute()
    if move_aside_to is None and root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise BackupError(
            f"{root} is not empty. Restore into a new folder, or over the current store "
            "(which keeps a safety copy of it)."
        )
    check_key(read_manifest(path), key)
    created = _missing_parents(root.parent)
    staging = root.parent / f".{root.name}.restoring-{secrets.token_hex(6)}"
    try:
        for folder in created:
            make_private_dir(folder)
        manifest = _stage(Path(path), key, staging)
        _swap_in(staging, root, move_aside_to)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        if isinstance(exc, OSError):
            raise BackupError(
                os_words(exc, f"restore into {root}") + " Nothing was changed."
            ) from None
        raise
    return manifest


def _stage(path: Path, key: bytearray, staging: Path) -> Manifest:
    """Extract and check everything in ``staging``; add the audit head; make it durable."""
    make_private_dir(staging)
    report = check_archive(path, key, staging, keep=True)
    if not report.ok or report.manifest is None:
        raise DamagedBackup(path, report.problems)
    _require_known_schema(report.manifest)
    save_external_head(DataDir(staging).audit_head, report.manifest.audit_head)
    for folder, _dirs, _files in os.walk(staging, topdown=False):
        fsync_dir(Path(folder))
    return report.manifest


def _swap_in(staging: Path, root: Path, move_aside_to: Path | None) -> None:
    if move_aside_to is not None and root.exists():
        if os.path.lexists(move_aside_to):
            raise BackupError(f"{move_aside_to} already exists; nothing was changed.")
        os.rename(root, move_aside_to)
        try:
            os.rename(staging, root)
        except BaseException:
            os.rename(move_aside_to, root)
            raise
    else:
        os.replace(staging, root)  # replaces only an empty folder
    fsync_dir(root.parent)


def _require_known_schema(manifest: Manifest) -> None:
    from alembic.script import ScriptDirectory  # noqa: PLC0415 - Alembic loads only when needed

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    known = {s.revision for s in scripts.walk_revisions()}
    if manifest.schema_revision is not None and manifest.schema_revision not in known:
        raise BackupError(
            "This backup was made by a newer version of Clinic; install it, then restore."
        )


def _missing_parents(folder: Path) -> list[Path]:
    missing: list[Path] = []
    while not folder.exists():
        missing.insert(0, folder)
        folder = folder.parent
    return missing
