"""Restoring a backup: checked in full beside the target first, then moved into place (the
restoring half of :mod:`clinic.storage.backup`, which re-exports :func:`restore_backup`)."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from pathlib import Path

from clinic.storage import migrate
from clinic.storage.audit_log import save_external_head
from clinic.storage.backup_check import check_archive
from clinic.storage.backup_format import (
    BackupError,
    DamagedBackup,
    Manifest,
    check_key,
    os_words,
    read_manifest,
)
from clinic.storage.datadir import DataDir, fsync_dir, make_private_dir


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
