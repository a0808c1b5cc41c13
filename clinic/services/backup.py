"""Backups and restores as the user sees them: named files in a folder, daily automatic
backups with rotation, and restores that find the right key or ask for it.

A backup's name carries only its time (``Clinic-backup-YYYYMMDD-HHMMSS.clinicbackup``), never
a client's name. Pass ``now`` as local time: it names the file and decides "today".

Restoring is :mod:`clinic.services.backup_restore` and finding a backup's key
:mod:`clinic.services.backup_keys`; their names are importable from here as before.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from clinic.domain.enums import AuditAction
from clinic.domain.i18n import N_, translate
from clinic.services.auditing import record
from clinic.services.backup_keys import (
    BackupKeyNeeded,
    WrongBackupPassphrase,
    from_keychain,
    key_for,
    parse_recovery_key,
)
from clinic.services.backup_restore import RestoreResult, restore, restore_over_current
from clinic.services.results import Entity
from clinic.services.settings import ClinicSettings, get_settings
from clinic.storage import keys
from clinic.storage.backup import write_backup
from clinic.storage.backup_check import verify_backup
from clinic.storage.backup_format import (
    SUFFIX,
    BackupError,
    BackupReport,
    Manifest,
    read_manifest,
    read_wrapped_key,
)
from clinic.storage.store import Store

PREFIX = "Clinic-backup-"
_NAME = re.compile(r"Clinic-backup-(\d{8})-(\d{6})(?:-(\d+))?" + re.escape(SUFFIX))
OLD_AFTER_DAYS = 7

__all__ = [
    "OLD_AFTER_DAYS",
    "PREFIX",
    "AutoBackupCheck",
    "BackupKeyNeeded",
    "BackupResult",
    "RestoreResult",
    "WrongBackupPassphrase",
    "auto_backup_due",
    "auto_backup_if_due",
    "backup_file_name",
    "backup_files",
    "backup_to",
    "configured_folder",
    "describe",
    "has_passphrase",
    "is_backup_old",
    "key_in_keychain",
    "last_backup_time",
    "make_backup",
    "parse_recovery_key",
    "restore",
    "restore_over_current",
    "rotate_backups",
    "verify_backup_file",
]


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest
    size: int


@dataclass(frozen=True)
class AutoBackupCheck:
    due: bool
    reason: str  # plain words, for the status line, also when a backup is due
    folder: Path | None
    # The English template (marked for the gettext catalogue) and its values, for reason_in().
    template: str = ""
    values: tuple[tuple[str, str], ...] = ()

    def reason_in(self, lang: str) -> str:
        """``reason`` in ``lang`` (the interface's language at start-up)."""
        if not self.template:
            return self.reason
        return translate(self.template, lang, **dict(self.values))


def _check(due: bool, at: Path | None, template: str, /, **values: str) -> AutoBackupCheck:
    reason = template.format(**values)
    return AutoBackupCheck(due, reason, at, template, tuple(values.items()))


# --------------------------------------------------------------------------------- making


def backup_file_name(now: datetime, attempt: int = 1) -> str:
    suffix = "" if attempt == 1 else f"-{attempt}"
    return f"{PREFIX}{now:%Y%m%d-%H%M%S}{suffix}{SUFFIX}"


def make_backup(*, store: Store, folder: Path | None = None, now: datetime) -> BackupResult:
    """A new backup file in ``folder`` (default: the backup folder in Settings)."""
    if folder is None:
        folder = configured_folder(get_settings(store=store))
        if folder is None:
            raise BackupError("No backup folder is set. Choose one in Settings, or give a file.")
    attempt = 1
    while (Path(folder) / backup_file_name(now, attempt)).exists():
        attempt += 1  # two backups in one second: a new name, never an overwrite
    return backup_to(store=store, path=Path(folder) / backup_file_name(now, attempt), now=now)


def backup_to(*, store: Store, path: Path, now: datetime) -> BackupResult:
    """A backup at exactly ``path`` (never overwritten), audited once it is verified."""
    manifest = write_backup(store, path, now=now)
    with store.unit_of_work() as session:
        record(
            session,
            actor=store.actor,
            action=AuditAction.EXPORT,
            entity=Entity.BACKUP,
            entity_id=None,
            changes={
                "backup_file": [None, str(path)],
                "audit_seq": [None, manifest.audit_head.seq],
            },
        )
    return BackupResult(path=path, manifest=manifest, size=path.stat().st_size)


def configured_folder(settings: ClinicSettings) -> Path | None:
    text = settings.backup_folder.strip()
    return Path(text).expanduser() if text else None


# ------------------------------------------------------------------------------- checking


def verify_backup_file(
    *,
    path: Path,
    store: Store | None = None,
    passphrase: str | None = None,
    recovery_key_hex: str | None = None,
    keychain: bool = False,
    work_dir: Path | None = None,
) -> BackupReport:
    """Check a backup without restoring it. The key comes from ``store`` when the backup is of
    that store, else from the recovery key, the passphrase or (if allowed) the keychain.

    The encrypted database copy is checked in a private scratch folder inside ``work_dir``
    (default: the store's data folder, else the backup's folder), removed afterwards.
    """
    key = key_for(path, store, passphrase, recovery_key_hex, keychain=keychain)
    if work_dir is None and store is not None:
        work_dir = store.datadir.root
    try:
        return verify_backup(path, key, work_dir=work_dir)
    finally:
        keys.wipe(key)


def describe(path: Path) -> Manifest:
    """What a backup says about itself (store, time, counts), before any key is given.
    Not authenticated: :func:`verify_backup_file` is what proves it."""
    return read_manifest(path)


def has_passphrase(path: Path) -> bool:
    """Whether the backup holds a passphrase-wrapped key (so its passphrase can open it)."""
    return read_wrapped_key(path) is not None


def key_in_keychain(path: Path) -> bool:
    """Whether this computer's keychain holds the key of the backup's store."""
    found = from_keychain(read_manifest(path))
    if found is None:
        return False
    keys.wipe(found)
    return True


# ------------------------------------------------------------------------ daily, rotation


def auto_backup_due(
    *, settings: ClinicSettings, now: datetime, store_id: str | None = None
) -> AutoBackupCheck:
    """Whether the daily backup (of ``store_id``'s store, if given) is due, and why not."""
    folder = configured_folder(settings)
    if folder is None:
        return _check(False, None, N_("No backup folder is set in Settings."))
    if not folder.is_dir():
        missing = N_("The backup folder {folder} is not there (is the USB stick plugged in?).")
        return _check(False, None, missing, folder=str(folder))
    today = f"{now:%Y%m%d}"
    made = [p for p in backup_files(folder, store_id=store_id) if _stamp_of(p)[0] == today]
    if made:
        done = N_("Today's backup is already made: {name}.")
        return _check(False, folder, done, name=made[-1].name)
    return _check(True, folder, N_("A backup to {folder} is due."), folder=str(folder))


def auto_backup_if_due(
    *, store: Store, now: datetime, settings: ClinicSettings
) -> BackupResult | None:
    """On the first open of each day: back up to the configured folder and rotate.

    Returns None when no backup was due (no folder set, folder absent, already made today);
    :func:`auto_backup_due` says why, in plain words.
    """
    store_id = store.meta.store_id
    check = auto_backup_due(settings=settings, now=now, store_id=store_id)
    if not check.due or check.folder is None:
        return None
    result = make_backup(store=store, folder=check.folder, now=now)
    rotate_backups(check.folder, keep=settings.backups_kept, store_id=store_id)
    return result


def backup_files(folder: Path, *, store_id: str | None = None) -> list[Path]:
    """Backup files in ``folder`` by their exact name pattern, oldest first. With ``store_id``
    only that store's (read from each manifest; unreadable files are left out)."""
    try:
        found = [p for p in folder.iterdir() if _NAME.fullmatch(p.name) and p.is_file()]
    except OSError:
        return []
    if store_id is not None:
        found = [p for p in found if _manifest_or_none(p, store_id) is not None]
    return sorted(found, key=_stamp_of)


def _manifest_or_none(path: Path, store_id: str | None) -> Manifest | None:
    try:
        manifest = read_manifest(path)
    except BackupError:
        return None
    return manifest if store_id in (None, manifest.store_id) else None


def rotate_backups(folder: Path, *, keep: int, store_id: str | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` (at least 1) backup files (of ``store_id``'s store,
    if given); files not named like a backup, or of another store, are never touched."""
    files = backup_files(folder, store_id=store_id)
    removed = files[: max(0, len(files) - max(1, keep))]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _stamp_of(path: Path) -> tuple[str, str, int]:
    match = _NAME.fullmatch(path.name)
    if match is None:
        return ("", "", 0)
    return (match[1], match[2], int(match[3] or 1))


def last_backup_time(folder: Path, *, store_id: str | None = None) -> datetime | None:
    """When the newest readable backup in ``folder`` (of ``store_id``) was made, in UTC."""
    for path in reversed(backup_files(folder)):
        manifest = _manifest_or_none(path, store_id)
        with contextlib.suppress(ValueError):
            if manifest is not None:
                return manifest.created.astimezone(UTC)
    return None


def is_backup_old(last: datetime | None, *, now: datetime, days: int = OLD_AFTER_DAYS) -> bool:
    """True when there is no backup or the last one is more than ``days`` days old."""
    if last is None:
        return True
    return now.astimezone(UTC) - last.astimezone(UTC) > timedelta(days=days)
