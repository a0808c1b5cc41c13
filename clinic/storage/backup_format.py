"""The backup file's format: its members, the manifest and its MAC, the errors, and the few
filesystem helpers that writing, checking and restoring share.

Format 1 is a ZIP archive (members STORED, uncompressed: ciphertext does not compress):

    clinic.db            a consistent copy of the database made with ``sqlcipher_export`` under
                         the store's own key (never a file copy of the live WAL database)
    vault/<aa>/<name>    every vault file an evidence row refers to, byte for byte as stored
                         (AES-256-GCM under its own key, which exists only inside clinic.db)
    store.json           store id, key source and key check (no secret)
    key.json             the passphrase-wrapped key, when the store has one
    manifest.json        format, store id, time (UTC), app version, schema revision, audit chain
                         head, counts, and the size and SHA-256 of every other member
    manifest.mac         hex HMAC-SHA256 of manifest.json under HKDF-SHA256(database key,
                         info=b"clinic-backup-manifest"): whoever holds the key can tell whether
                         anything was changed, and the file gives away no secret

The manifest holds no client data: vault names are random and counts are only numbers.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import json
import os
import re
import secrets
import shutil
import time
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from clinic.domain.audit_chain import ChainHead
from clinic.domain.i18n import N_
from clinic.storage import crypto, keys
from clinic.storage.errors import CannotUnlock, StoreError
from clinic.storage.keys import KeySource

FORMAT = 1
SUFFIX = ".clinicbackup"
DATABASE, META, WRAPPED_KEY = "clinic.db", "store.json", "key.json"
MANIFEST, MANIFEST_MAC = "manifest.json", "manifest.mac"
MAC_INFO = b"clinic-backup-manifest"
VAULT_MEMBER = re.compile(r"vault/([0-9a-f]{2})/(\1[0-9a-f]{30})")
BUFFER = 1024 * 1024
MAX_SMALL = 16 * 1024 * 1024  # manifest, store.json, key.json: never this big
# What reading an altered zip raises: a flipped header byte can also show as "encrypted member",
# an unknown compression method or an impossible offset (EINVAL). Only caught around reads.
ZIP_DAMAGE = (zipfile.BadZipFile, EOFError, NotImplementedError, ValueError, RuntimeError, OSError)
SCRATCH_MAX_AGE_S = 24 * 3600
_SCRATCH = re.compile(r"\.clinic-(?:backup|verify)-[0-9a-f]{12}")


class BackupError(StoreError):
    exit_code = 1


class DamagedBackup(BackupError):
    exit_code = 4

    def __init__(self, path: Path, problems: tuple[str, ...]) -> None:
        super().__init__(
            f"The backup {path.name} is damaged or was changed, so it was not used and nothing "
            f"was changed ({listed(problems)}). Use another backup, e.g. an older one or a copy "
            "kept elsewhere."
        )
        self.problems = problems


class BackupCheckFailed(BackupError):
    """The new backup did not pass its own check (the store itself is damaged): not kept."""

    exit_code = 4

    def __init__(self, problems: tuple[str, ...]) -> None:
        super().__init__(
            f"The new backup failed its check and was not kept ({listed(problems)}). The store "
            "itself may be damaged: run 'clinic doctor', and keep your older backups."
        )
        self.problems = problems


class WrongBackupKey(BackupError, CannotUnlock):
    exit_code = 3


def listed(problems: tuple[str, ...]) -> str:
    more = f"; and {len(problems) - 5} more" if problems[5:] else ""
    return "; ".join(problems[:5]) + more


@dataclass(frozen=True)
class Member:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    store_id: str
    created_at: str  # ISO 8601, UTC
    app_version: str
    schema_revision: str | None
    key_source: KeySource
    key_check: str
    audit_head: ChainHead
    counts: dict[str, int]
    members: tuple[Member, ...] = ()
    format: int = FORMAT

    @property
    def created(self) -> datetime:
        return datetime.fromisoformat(self.created_at)

    def to_json(self) -> bytes:
        return json.dumps(
            {"kind": "clinic-backup", **asdict(self)}, indent=1, sort_keys=True
        ).encode()

    @staticmethod
    def from_json(data: bytes) -> Manifest:
        doc: Any = json.loads(data)
        if doc["kind"] != "clinic-backup":
            raise ValueError("not a Clinic backup manifest")
        revision = doc["schema_revision"]
        return Manifest(
            store_id=str(doc["store_id"]),
            created_at=str(doc["created_at"]),
            app_version=str(doc["app_version"]),
            schema_revision=None if revision is None else str(revision),
            key_source=KeySource(doc["key_source"]),
            key_check=str(doc["key_check"]),
            audit_head=ChainHead(int(doc["audit_head"]["seq"]), str(doc["audit_head"]["hash"])),
            counts={str(k): int(v) for k, v in doc["counts"].items()},
            members=tuple(
                Member(str(m["name"]), int(m["size"]), str(m["sha256"])) for m in doc["members"]
            ),
            format=int(doc["format"]),
        )


@dataclass(frozen=True)
class BackupReport:
    ok: bool
    problems: tuple[str, ...]
    manifest: Manifest | None = field(default=None)


def mac_key_of(key: bytearray) -> bytes:
    """The manifest's MAC key for a database key (what ``Store.derive_key(MAC_INFO)`` gives)."""
    return crypto.hkdf_sha256(bytes(key), MAC_INFO)  # as Store.derive_key (store_handle)


def manifest_mac(mac_key: bytes, manifest_bytes: bytes) -> str:
    return hmac.new(mac_key, manifest_bytes, hashlib.sha256).hexdigest()


# ------------------------------------------------------------------------------- reading


def read_manifest(path: Path) -> Manifest:
    """Which store, when and what a backup holds. Not authenticated: verify before trusting."""
    try:
        with zipfile.ZipFile(path) as archive:
            return Manifest.from_json(read_small(archive, MANIFEST))
    except FileNotFoundError:
        raise BackupError(f"There is no file {path}.") from None
    except (zipfile.BadZipFile, ValueError, KeyError, TypeError, OSError):
        raise DamagedBackup(
            Path(path), (N_("it is not a Clinic backup, or its manifest is unreadable"),)
        ) from None


def read_wrapped_key(path: Path) -> bytes | None:
    """The passphrase-wrapped key (key.json) inside a backup, if the store had one."""
    try:
        with zipfile.ZipFile(path) as archive:
            if WRAPPED_KEY not in archive.namelist():
                return None
            return read_small(archive, WRAPPED_KEY)
    except ZIP_DAMAGE:
        raise DamagedBackup(Path(path), (N_("key.json cannot be read"),)) from None


def check_key(manifest: Manifest, key: bytearray) -> None:
    if keys.key_check(key, manifest.store_id) != manifest.key_check:
        raise WrongBackupKey(
            "That key does not belong to the store this backup was made from. Use the passphrase "
            "or the recovery key of that store. Nothing was changed."
        )


def read_small(archive: zipfile.ZipFile, name: str) -> bytes:
    if archive.getinfo(name).file_size > MAX_SMALL:
        raise ValueError(f"{name} is too large")
    return archive.read(name)


# --------------------------------------------------------------------------- filesystem


def create_private(path: Path) -> IO[bytes]:
    """A new file only we can read; fails if anything is already at ``path``."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    return os.fdopen(fd, "wb")


@contextlib.contextmanager
def workdir(parent: Path, purpose: str) -> Iterator[Path]:
    """A private (0700) scratch folder inside ``parent``, removed afterwards whatever happens."""
    path = Path(parent) / f".clinic-{purpose}-{secrets.token_hex(6)}"
    path.mkdir(mode=0o700)
    try:
        path.chmod(0o700)
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def sweep_scratch(parent: Path, *, max_age_s: float = SCRATCH_MAX_AGE_S) -> list[Path]:
    """Remove scratch folders (``.clinic-backup-*``, ``.clinic-verify-*``) that a killed
    backup or check left in ``parent`` more than ``max_age_s`` ago; younger ones may be in use."""
    cutoff = time.time() - max_age_s
    removed: list[Path] = []
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return removed
    for entry in entries:
        if not _SCRATCH.fullmatch(entry.name):
            continue
        try:
            old = (
                entry.is_dir(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_mtime < cutoff
            )
        except OSError:
            continue
        if old:
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    return removed


def os_words(exc: OSError, doing: str) -> str:
    reason = {
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the disk is read-only",
        errno.EACCES: "permission was denied",
        errno.EEXIST: "a file of that name is already there",
    }.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    return f"Could not {doing}: {reason}. Free some space or choose another folder, then try again."
