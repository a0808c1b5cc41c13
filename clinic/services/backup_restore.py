"""Restoring a backup: into an empty folder, or over the current store (kept as a safety copy);
the key is found first (:mod:`clinic.services.backup_keys`) and the restore is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from clinic.services import computer_user
from clinic.services.backup_keys import key_for, save_to_keychain
from clinic.storage import keys
from clinic.storage.backup import restore_backup
from clinic.storage.backup_format import (
    Manifest,
)
from clinic.storage.datadir import DataDir
from clinic.storage.store import record_restore


@dataclass(frozen=True)
class RestoreResult:
    data_dir: DataDir
    manifest: Manifest
    key_saved_to_keychain: bool
    safety_copy: Path | None = None  # restore_over_current: where the previous store now is


def restore(
    *,
    backup: Path,
    data_dir: DataDir,
    passphrase: str | None = None,
    recovery_key_hex: str | None = None,
    keychain: bool,
) -> RestoreResult:
    """Restore into a data folder that does not exist or is empty.

    The key: the recovery key if given; else the passphrase, which unwraps the backup's own
    key.json; else, if ``keychain``, this computer's keychain entry for the backup's store.
    With ``keychain``, a store kept in the keychain gets its key saved there, so it opens.
    """
    key = key_for(backup, None, passphrase, recovery_key_hex, keychain=keychain)
    try:
        manifest = restore_backup(backup, data_dir, key)
        saved = keychain and save_to_keychain(manifest, key)
        _record_restore(data_dir, manifest, key)
    finally:
        keys.wipe(key)
    return RestoreResult(data_dir=data_dir, manifest=manifest, key_saved_to_keychain=saved)


def restore_over_current(
    *,
    backup: Path,
    data_dir: DataDir,
    passphrase: str | None = None,
    recovery_key_hex: str | None = None,
    keychain: bool,
    now: datetime,
) -> RestoreResult:
    """Replace the store in ``data_dir`` (lock it first), keeping it as a safety copy.

    The backup is extracted and checked beside the data folder first; only then is the
    current folder renamed to ``<folder>.before-restore-<stamp>`` and the restored one put in
    its place. A damaged backup or a wrong key changes nothing; a failure while swapping puts
    the current folder back.
    """
    root = data_dir.root
    safety = root.with_name(f"{root.name}.before-restore-{now:%Y%m%d-%H%M%S}")
    key = key_for(backup, None, passphrase, recovery_key_hex, keychain=keychain)
    try:
        manifest = restore_backup(backup, data_dir, key, move_aside_to=safety)
        saved = keychain and save_to_keychain(manifest, key)
        _record_restore(data_dir, manifest, key)
    finally:
        keys.wipe(key)
    return RestoreResult(
        data_dir=data_dir,
        manifest=manifest,
        key_saved_to_keychain=saved,
        safety_copy=safety if safety.exists() else None,
    )


def _record_restore(data_dir: DataDir, manifest: Manifest, key: bytearray) -> None:
    """A restore takes the store back on purpose: the heads kept outside the database follow
    it (backwards), and the audit trail records the restore, so it is not an older copy."""
    record_restore(
        data_dir,
        key,
        actor=computer_user.UNCHOSEN_ACTOR,
        backup_made=manifest.created_at,
        head=manifest.audit_head,
    )
