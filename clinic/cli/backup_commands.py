"""Backups from the command line: make one, check one without restoring it, restore one.

The key of a backup to check or restore: with ``--recovery-key`` the recovery key (standard
input with ``--passphrase-stdin``, else a prompt); else this computer's keychain when it holds
the key of the backup's store; else the backup's passphrase (the one the store had when the
backup was made), from standard input or a prompt.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from clinic.cli.common import (
    EXIT_DAMAGED,
    EXIT_OK,
    UsageError,
    data_dir_of,
    open_for_command,
    read_passphrase,
)
from clinic.domain.i18n import N_
from clinic.services import backup as backups
from clinic.services.language import tr as _
from clinic.services.language import tr_n
from clinic.services.settings import get_settings
from clinic.storage.public import BackupError, DamagedBackup, KeySource, Manifest


def add_parsers(commands: Any) -> None:
    backup = commands.add_parser(
        "backup",
        help="write one encrypted backup file (database and evidence files), or check one",
        description="Write a backup file: the encrypted database and evidence files with a "
        "manifest of checksums, checked before it gets its name; an existing file is never "
        "overwritten. With --verify, check a backup file without restoring it.",
    )
    where = backup.add_mutually_exclusive_group()
    where.add_argument("--to", type=Path, metavar="FILE", help="write the backup to this new file")
    where.add_argument(
        "--to-folder",
        type=Path,
        metavar="DIR",
        help="write a new dated backup file into this folder "
        "(default: the backup folder set in Settings)",
    )
    where.add_argument(
        "--verify",
        type=Path,
        metavar="FILE",
        help="check this backup file without restoring it: exit 0 intact, 4 damaged, "
        "3 wrong or missing key",
    )
    backup.add_argument(
        "--recovery-key",
        action="store_true",
        help="with --verify: open the backup with the recovery key instead of its passphrase",
    )
    restore = commands.add_parser(
        "restore",
        help="restore a backup file into a new data folder (or over the current store)",
        description="Restore a backup into the data folder (--data-dir), which must be absent "
        "or empty. Everything is checked before anything is put in place: a damaged backup or "
        "a wrong key changes nothing. Close the Clinic app first.",
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup file")
    restore.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="the folder to restore into (the same as the global --data-dir)",
    )
    restore.add_argument(
        "--over-current",
        action="store_true",
        help="replace the store in the data folder; it is first moved aside as a safety copy",
    )
    restore.add_argument(
        "--recovery-key",
        action="store_true",
        help="open the backup with the recovery key instead of its passphrase",
    )


# ---------------------------------------------------------------------------------- backup


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    if args.verify is not None:
        return _verify(args, out, args.verify.expanduser().absolute())
    if args.recovery_key:
        raise UsageError(
            _("--recovery-key is for --verify (and restore), not for making a backup.")
        )
    target: Path | None = args.to.expanduser().absolute() if args.to is not None else None
    if target is not None and target.is_dir():
        raise UsageError(
            _("{path} is a folder; use --to-folder {path}, or name a new file.", path=target)
        )
    store = open_for_command(
        args,
        laptop_only=_(
            "In office mode the records are on the office server: its administrator backs them "
            "up with 'clinic server backup'. For a laptop store: --data-dir FOLDER."
        ),
    )
    try:
        now = datetime.now().astimezone()
        if target is not None:
            result = backups.backup_to(store=store, path=target, now=now)
        else:
            folder = args.to_folder or backups.configured_folder(get_settings(store=store))
            if folder is None:
                raise UsageError(
                    _("No backup folder is set in Settings: give --to FILE or --to-folder DIR.")
                )
            result = backups.make_backup(store=store, folder=folder.expanduser(), now=now)
    finally:
        store.lock()
    print(
        _(
            "Wrote the backup {path} ({size}).",
            path=result.path.absolute(),
            size=_size(result.size),
        ),
        file=out,
    )
    print(_("It holds {counts}, and passed its check.", counts=_counts(result.manifest)), file=out)
    print(
        _(
            "It is encrypted with the store's key: keep it away from this laptop, e.g. on a USB "
            "stick in a locked drawer."
        ),
        file=out,
    )
    return EXIT_OK


def _verify(args: argparse.Namespace, out: TextIO, path: Path) -> int:
    try:
        backups.describe(path)  # a file that is no backup at all: say so before asking for a key
        key = _key_for(args, path)
        data_dir = data_dir_of(args)
        report = backups.verify_backup_file(
            path=path,
            passphrase=key.passphrase,
            recovery_key_hex=key.recovery_key_hex,
            keychain=True,
            work_dir=data_dir.root if data_dir.root.is_dir() else None,
        )
    except DamagedBackup as exc:
        problems = exc.problems
    else:
        if report.ok and report.manifest is not None:
            manifest = report.manifest
            print(_("The backup {path} is intact.", path=path), file=out)
            print(
                _(
                    "Made {when} by Clinic {version}.",
                    when=_when(manifest),
                    version=manifest.app_version,
                ),
                file=out,
            )
            print(
                _(
                    "It holds {counts}; all {n} files in it match the manifest, the database "
                    "passed its integrity checks and every evidence file decrypted.",
                    counts=_counts(manifest),
                    n=len(manifest.members),
                ),
                file=out,
            )
            return EXIT_OK
        problems = report.problems
    for problem in problems:
        print(_("problem: {problem}", problem=_(problem)), file=out)  # a marked one worded
    damaged = (
        _(
            "The backup {path} is damaged or was changed (1 problem): do not rely on it. Use "
            "another backup and make a new one.",
            path=path,
        )
        if len(problems) == 1
        else _(
            "The backup {path} is damaged or was changed ({n} problems): do not rely on it. "
            "Use another backup and make a new one.",
            path=path,
            n=len(problems),
        )
    )
    print(damaged, file=out)
    return EXIT_DAMAGED


# --------------------------------------------------------------------------------- restore


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    path: Path = args.file.expanduser().absolute()
    data_dir = data_dir_of(args)
    root = data_dir.root
    occupied = root.exists() and (not root.is_dir() or any(root.iterdir()))
    if occupied and not args.over_current:
        raise BackupError(
            N_(
                "{folder} is not empty, so nothing was restored and nothing was changed. "
                "Restore into a new folder (--data-dir NEW_FOLDER), or replace the store there "
                "with --over-current, which first moves it aside as a safety copy."
            ),
            folder=root,
        )
    backups.describe(path)  # a file that is no backup at all: say so before asking for a key
    key = _key_for(args, path)
    if occupied:
        result = backups.restore_over_current(
            backup=path,
            data_dir=data_dir,
            passphrase=key.passphrase,
            recovery_key_hex=key.recovery_key_hex,
            keychain=True,
            now=datetime.now(),
        )
    else:
        result = backups.restore(
            backup=path,
            data_dir=data_dir,
            passphrase=key.passphrase,
            recovery_key_hex=key.recovery_key_hex,
            keychain=True,
        )
    manifest = result.manifest
    print(
        _("Restored the backup made {when} into {folder}.", when=_when(manifest), folder=root),
        file=out,
    )
    print(
        _("It holds {counts}; everything was checked first.", counts=_counts(manifest)),
        file=out,
    )
    if result.safety_copy is not None:
        print(
            _(
                "The store that was there is kept as a safety copy in {folder}. Delete it once "
                "you have checked the restored store.",
                folder=result.safety_copy,
            ),
            file=out,
        )
    print(_how_to_open(manifest, result.key_saved_to_keychain, root), file=out)
    return EXIT_OK


def _how_to_open(manifest: Manifest, in_keychain: bool, root: Path) -> str:
    if manifest.key_source is KeySource.PASSPHRASE:
        return _("Open it with the passphrase the store had when the backup was made.")
    if in_keychain:
        return _("Its key is kept in this computer's keychain.")
    return _(
        "This computer's keychain does not hold its key: open it once with "
        "'clinic --data-dir {folder} unlock --recovery-key' and keep the key in the keychain "
        "or under a new passphrase.",
        folder=root,
    )


# ------------------------------------------------------------------------------------ keys


@dataclass(frozen=True)
class _Key:
    passphrase: str | None = None
    recovery_key_hex: str | None = None


def _key_for(args: argparse.Namespace, path: Path) -> _Key:
    """Which secret to use for the backup at ``path`` (None of both: the keychain)."""
    if args.recovery_key:
        return _Key(recovery_key_hex=_read_recovery_key(args))
    if backups.key_in_keychain(path):
        return _Key()
    if backups.has_passphrase(path):
        prompt = _("The backup's passphrase: ")
        return _Key(passphrase=read_passphrase(args, prompt=prompt, confirm=False))
    raise backups.BackupKeyNeeded(
        N_(
            "This computer's keychain does not hold this backup's key and the backup has no "
            "passphrase: give the recovery key from the printed recovery kit with "
            "--recovery-key. Nothing was changed."
        )
    )


def _read_recovery_key(args: argparse.Namespace) -> str:
    if args.passphrase_stdin:
        line = sys.stdin.readline()
        if not line:
            raise UsageError(_("--passphrase-stdin was given but standard input is empty."))
        return line.strip()
    if sys.stdin.isatty():
        return getpass.getpass(_("Recovery key (64 characters): "))
    raise UsageError(_("Give the recovery key on standard input with --passphrase-stdin."))


# ---------------------------------------------------------------------------------- words


def _counts(manifest: Manifest) -> str:
    counts = manifest.counts
    clients, cases = counts.get("clients", 0), counts.get("cases", 0)
    files, audit = counts.get("files", 0), counts.get("audit", 0)
    return _(
        "{clients}, {cases}, {files} and {audit}",
        clients=tr_n("{n} client", "{n} clients", clients),
        cases=tr_n("{n} case", "{n} cases", cases),
        files=tr_n("{n} evidence file", "{n} evidence files", files),
        audit=tr_n("{n} audit entry", "{n} audit entries", audit),
    )


def _when(manifest: Manifest) -> str:
    try:
        created = manifest.created.astimezone(UTC)
    except ValueError:
        return manifest.created_at
    return f"{created:%Y-%m-%d %H:%M} UTC"


def _size(size: int) -> str:
    if size < 1000:
        return f"{size} bytes"
    value, unit = size / 1000, "KB"
    for larger in ("MB", "GB"):
        if value < 1000:
            break
        value, unit = value / 1000, larger
    return f"{value:.1f} {unit}"
