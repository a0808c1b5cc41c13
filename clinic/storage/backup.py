"""Backups of a store: one file in which every member is already encrypted or not secret.

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
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import sqlcipher3
from alembic.script import ScriptDirectory
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

import clinic
from clinic.storage import keys, migrate
from clinic.storage.audit_log import ChainHead, read_head, save_external_head
from clinic.storage.audit_log import verify as verify_chain
from clinic.storage.datadir import DataDir, fsync_dir, make_private_dir
from clinic.storage.engine import connect_raw, create_store_engine
from clinic.storage.errors import CannotUnlock, StoreError
from clinic.storage.keys import KeySource
from clinic.storage.models import AuditEntry, Case, Client, EvidenceFile
from clinic.storage.store import Store, export_encrypted_copy
from clinic.storage.vault import Vault, VaultError

FORMAT = 1
SUFFIX = ".clinicbackup"
DATABASE, META, WRAPPED_KEY = "clinic.db", "store.json", "key.json"
MANIFEST, MANIFEST_MAC = "manifest.json", "manifest.mac"
_VAULT_MEMBER = re.compile(r"vault/([0-9a-f]{2})/(\1[0-9a-f]{30})")
_BUFFER = 1024 * 1024
_MAX_SMALL = 16 * 1024 * 1024  # manifest, store.json, key.json: never this big
# What reading an altered zip raises: a flipped header byte can also show as "encrypted member",
# an unknown compression method or an impossible offset (EINVAL). Only caught around reads.
_ZIP_DAMAGE = (zipfile.BadZipFile, EOFError, NotImplementedError, ValueError, RuntimeError, OSError)
_COUNTED = (("clients", Client), ("cases", Case), ("files", EvidenceFile), ("audit", AuditEntry))


class BackupError(StoreError):
    exit_code = 1


class DamagedBackup(BackupError):
    exit_code = 4

    def __init__(self, path: Path, problems: tuple[str, ...]) -> None:
        super().__init__(
            f"The backup {path.name} is damaged or was changed, so it was not used and nothing "
            f"was changed ({_listed(problems)}). Use another backup, e.g. an older one or a copy "
            "kept elsewhere."
        )
        self.problems = problems


class BackupCheckFailed(BackupError):
    """The new backup did not pass its own check (the store itself is damaged): not kept."""

    exit_code = 4

    def __init__(self, problems: tuple[str, ...]) -> None:
        super().__init__(
            f"The new backup failed its check and was not kept ({_listed(problems)}). The store "
            "itself may be damaged: run 'clinic doctor', and keep your older backups."
        )
        self.problems = problems


def _listed(problems: tuple[str, ...]) -> str:
    more = f"; and {len(problems) - 5} more" if problems[5:] else ""
    return "; ".join(problems[:5]) + more


class WrongBackupKey(BackupError, CannotUnlock):
    exit_code = 3


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


def manifest_mac(key: bytearray, manifest_bytes: bytes) -> str:
    mac_key = HKDF(hashes.SHA256(), 32, salt=None, info=b"clinic-backup-manifest").derive(
        bytes(key)
    )
    return hmac.new(mac_key, manifest_bytes, hashlib.sha256).hexdigest()


# ------------------------------------------------------------------------------- writing


def write_backup(store: Store, destination: Path, *, now: datetime) -> Manifest:
    """Write a verified backup of ``store`` to ``destination``; an existing file is never touched."""
    destination = _free_destination(Path(destination).absolute(), store)
    partial = destination.with_name(f".{destination.name}.partial")
    key = bytearray.fromhex(store.key_hex_for_recovery_kit())
    owned = False  # a .partial we did not create (O_EXCL failed) is not ours to remove
    try:
        with _workdir(store.datadir.root, "backup") as work:
            with _create_private(partial) as handle:
                owned = True
                manifest = _write_archive(store, handle, work, key, now)
            report = _verify_archive(partial, key, work)
        if not report.ok:
            raise BackupCheckFailed(report.problems)
        _link_into_place(partial, destination)
    except OSError as exc:
        raise BackupError(_os_words(exc, f"write the backup to {destination.parent}")) from None
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
    facts = _database_facts(copy, key)
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
        archive.writestr(_zip_info(MANIFEST_MAC, when, 64), manifest_mac(key, data).encode())
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
        while chunk := source.read(_BUFFER):
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


# ------------------------------------------------------------------------------- reading


def read_manifest(path: Path) -> Manifest:
    """Which store, when and what a backup holds. Not authenticated: verify before trusting."""
    try:
        with zipfile.ZipFile(path) as archive:
            return Manifest.from_json(_read_small(archive, MANIFEST))
    except FileNotFoundError:
        raise BackupError(f"There is no file {path}.") from None
    except (zipfile.BadZipFile, ValueError, KeyError, TypeError, OSError):
        raise DamagedBackup(
            Path(path), ("it is not a Clinic backup, or its manifest is unreadable",)
        ) from None


def read_wrapped_key(path: Path) -> bytes | None:
    """The passphrase-wrapped key (key.json) inside a backup, if the store had one."""
    try:
        with zipfile.ZipFile(path) as archive:
            if WRAPPED_KEY not in archive.namelist():
                return None
            return _read_small(archive, WRAPPED_KEY)
    except _ZIP_DAMAGE:
        raise DamagedBackup(Path(path), ("key.json cannot be read",)) from None


def check_key(manifest: Manifest, key: bytearray) -> None:
    if keys.key_check(key, manifest.store_id) != manifest.key_check:
        raise WrongBackupKey(
            "That key does not belong to the store this backup was made from. Use the passphrase "
            "or the recovery key of that store. Nothing was changed."
        )


def _read_small(archive: zipfile.ZipFile, name: str) -> bytes:
    if archive.getinfo(name).file_size > _MAX_SMALL:
        raise ValueError(f"{name} is too large")
    return archive.read(name)


# ------------------------------------------------------------------------------ checking


def verify_backup(path: Path, key: bytearray, *, work_dir: Path | None = None) -> BackupReport:
    """Check everything without restoring. ``work_dir`` (default: the backup's folder) gets a
    private scratch folder for the encrypted database copy while it is checked."""
    path = Path(path).absolute()
    if not path.is_file():
        raise BackupError(f"There is no file {path}.")
    try:
        with _workdir(work_dir or path.parent, "verify") as work:
            return _verify_archive(path, key, work)
    except OSError as exc:
        raise BackupError(_os_words(exc, f"check the backup {path.name}")) from None


def _verify_archive(path: Path, key: bytearray, work: Path) -> BackupReport:
    scratch = work / f"check-{secrets.token_hex(4)}"
    make_private_dir(scratch)
    try:
        return _check_into(path, key, scratch, keep=False)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


class _Refused(Exception):
    pass


def _check_into(path: Path, key: bytearray, dest: Path, *, keep: bool) -> BackupReport:
    """Check ``path`` by extracting it into ``dest``; vault files stay there only if ``keep``."""
    manifest: Manifest | None = None
    try:
        try:
            archive = zipfile.ZipFile(path)
        except _ZIP_DAMAGE as exc:
            raise _Refused(
                f"the file is not a readable Clinic backup (truncated or altered: {exc})"
            ) from None
        with archive:
            manifest = _authentic_manifest(archive, key)
            problems = _check_members(archive, manifest, key, dest, keep=keep)
    except _Refused as refused:
        problems = [str(refused)]
    return BackupReport(ok=not problems, problems=tuple(problems), manifest=manifest)


def _authentic_manifest(archive: zipfile.ZipFile, key: bytearray) -> Manifest:
    names = archive.namelist()
    for needed in (MANIFEST, MANIFEST_MAC):
        if needed not in names:
            raise _Refused(f"{needed} is missing")
    try:
        data = _read_small(archive, MANIFEST)
        mac = _read_small(archive, MANIFEST_MAC).decode("ascii").strip()
        manifest = Manifest.from_json(data)
    except (KeyError, TypeError, *_ZIP_DAMAGE) as exc:
        raise _Refused(f"manifest.json or manifest.mac is damaged ({exc})") from None
    if keys.key_check(key, manifest.store_id) != manifest.key_check:
        raise _Refused("the key given does not belong to the store this backup was made from")
    if not hmac.compare_digest(mac, manifest_mac(key, data)):
        raise _Refused("manifest.json does not match manifest.mac: it was changed or damaged")
    if manifest.format > FORMAT:
        raise _Refused("the backup was made by a newer version of Clinic; install it")
    return manifest


def _check_members(
    archive: zipfile.ZipFile, manifest: Manifest, key: bytearray, dest: Path, *, keep: bool
) -> list[str]:
    present = set(archive.namelist())
    problems = _member_list_problems(archive.namelist(), manifest)
    for member in manifest.members:
        if member.name in (DATABASE, META, WRAPPED_KEY) and member.name in present:
            problems += _extract(archive, member, dest / member.name, durable=keep)
    if problems:
        return problems
    problems += _meta_problems(dest / META, manifest)
    facts, db_problems = _check_database(dest / DATABASE, key, manifest)
    files = {name: (fid, fkey, digest) for fid, name, fkey, digest in facts.files} if facts else {}
    return problems + db_problems + _check_vault(archive, manifest, files, dest, keep=keep)


def _check_vault(
    archive: zipfile.ZipFile,
    manifest: Manifest,
    files: dict[str, tuple[int, bytes, str]],
    dest: Path,
    *,
    keep: bool,
) -> list[str]:
    """Extract each vault member (one at a time unless ``keep``) and decrypt it fully."""
    vault_root = dest / "vault"
    make_private_dir(vault_root)
    vault = Vault(vault_root)
    problems: list[str] = []
    stored: set[str] = set()
    for member in manifest.members:
        match = _VAULT_MEMBER.fullmatch(member.name)
        if match is None:
            continue
        stored.add(match[2])
        make_private_dir(vault_root / match[1])
        found = _extract(archive, member, vault.path_of(match[2]), durable=keep)
        if not found and match[2] in files:
            found = _blob_problems(vault, match[2], *files[match[2]])
        problems += found
        if not keep:
            vault.path_of(match[2]).unlink(missing_ok=True)
    missing = sorted(fid for name, (fid, _k, _d) in files.items() if name not in stored)
    return problems + [
        f"evidence file #{fid}: its encrypted file is not in the backup" for fid in missing
    ]


def _member_list_problems(names: list[str], manifest: Manifest) -> list[str]:
    listed = [m.name for m in manifest.members]
    missing = sorted(set(listed) - set(names))
    extra = sorted(set(names) - set(listed) - {MANIFEST, MANIFEST_MAC})
    problems = [f"{n} is listed in the manifest but missing from the file" for n in missing]
    problems += [f"{n} is in the file but not in the manifest" for n in extra]
    if len(names) != len(set(names)) or len(listed) != len(set(listed)):
        problems.append("the file holds the same member twice")
    for needed in (DATABASE, META):
        if needed not in listed:
            problems.append(f"{needed} is not listed in the manifest")
    unexpected = [
        n
        for n in listed
        if n not in (DATABASE, META, WRAPPED_KEY) and not _VAULT_MEMBER.fullmatch(n)
    ]
    return problems + [f"the manifest lists an unexpected member {n!r}" for n in unexpected]


def _extract(archive: zipfile.ZipFile, member: Member, target: Path, *, durable: bool) -> list[str]:
    """Copy one member out, checking its size and SHA-256 against the manifest."""
    digest, size = hashlib.sha256(), 0
    with _create_private(target) as out:
        try:
            source = archive.open(member.name)
        except _ZIP_DAMAGE as exc:
            return [f"{member.name} is damaged ({exc})"]
        with source:
            while True:
                try:
                    chunk = source.read(_BUFFER)
                except _ZIP_DAMAGE as exc:  # reading only: write errors are not damage
                    return [f"{member.name} is damaged ({exc})"]
                if not chunk:
                    break
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
        if durable:
            out.flush()
            os.fsync(out.fileno())
    if size != member.size or not hmac.compare_digest(digest.hexdigest(), member.sha256):
        return [f"{member.name} does not match its size and SHA-256 in the manifest"]
    return []


def _meta_problems(meta_path: Path, manifest: Manifest) -> list[str]:
    try:
        meta: Any = json.loads(meta_path.read_bytes())
        same = meta["store_id"] == manifest.store_id and meta["key_check"] == manifest.key_check
    except (ValueError, KeyError, TypeError):
        return ["store.json is damaged"]
    return [] if same else ["store.json belongs to another store than the manifest says"]


def _blob_problems(vault: Vault, name: str, file_id: int, key: bytes, digest: str) -> list[str]:
    try:
        for _chunk in vault.open_stream(name, key, expected_sha256=digest):
            pass
    except VaultError as exc:
        return [f"evidence file #{file_id} (vault/{name[:2]}/{name}) cannot be decrypted: {exc}"]
    return []


# ---------------------------------------------------------------------------- database


@dataclass(frozen=True)
class _Facts:
    revision: str | None
    head: ChainHead
    counts: dict[str, int]
    files: tuple[tuple[int, str, bytes, str], ...]  # id, vault name, file key, sha256
    chain: tuple[str, ...]


def _database_facts(database: Path, key: bytearray) -> _Facts:
    engine = create_store_engine(database, key)
    try:
        with Session(engine) as session:
            rows = session.execute(
                select(
                    EvidenceFile.id,
                    EvidenceFile.vault_name,
                    EvidenceFile.file_key,
                    EvidenceFile.sha256,
                )
            )
            files = tuple((int(r[0]), str(r[1]), bytes(r[2]), str(r[3])) for r in rows)
            counts = {
                n: int(session.scalar(select(func.count()).select_from(m)) or 0)
                for n, m in _COUNTED
            }
            audit = verify_chain(session, database.with_name(".no-head"))
            breaks = tuple(f"audit entry {b.seq}: {b.reason}" for b in audit.breaks)
            revision = migrate.current_revision(session.connection())
            return _Facts(revision, read_head(session), counts, files, breaks)
    finally:
        engine.dispose()


def _check_database(
    database: Path, key: bytearray, manifest: Manifest
) -> tuple[_Facts | None, list[str]]:
    try:
        problems = _integrity_rows(database, key)
        facts = _database_facts(database, key)
    except StoreError:
        return None, ["clinic.db cannot be opened with the key: it is damaged"]
    except (sqlcipher3.Error, SQLAlchemyError) as exc:
        return None, [f"clinic.db cannot be read: {type(exc).__name__}"]
    problems += list(facts.chain)
    if facts.head != manifest.audit_head:
        problems.append("clinic.db's audit chain head differs from the manifest")
    if facts.counts != manifest.counts or facts.revision != manifest.schema_revision:
        problems.append("clinic.db's counts or schema revision differ from the manifest")
    return facts, problems


def _integrity_rows(database: Path, key: bytearray) -> list[str]:
    """``integrity_check`` and ``cipher_integrity_check`` on a fresh connection, every row."""
    connection = connect_raw(database, key)
    try:
        plain = [str(r[0]) for r in connection.execute("PRAGMA integrity_check")]
        cipher = [str(r[0]) for r in connection.execute("PRAGMA cipher_integrity_check")]
    finally:
        connection.close()
    problems = [f"clinic.db integrity_check: {row}" for row in plain if row != "ok"]
    return problems + [f"clinic.db cipher_integrity_check: {row}" for row in cipher]


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
                _os_words(exc, f"restore into {root}") + " Nothing was changed."
            ) from None
        raise
    return manifest


def _stage(path: Path, key: bytearray, staging: Path) -> Manifest:
    """Extract and check everything in ``staging``; add the audit head; make it durable."""
    make_private_dir(staging)
    report = _check_into(path, key, staging, keep=True)
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


# --------------------------------------------------------------------------- filesystem


def _create_private(path: Path) -> IO[bytes]:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    return os.fdopen(fd, "wb")


@contextlib.contextmanager
def _workdir(parent: Path, purpose: str) -> Iterator[Path]:
    """A private (0700) scratch folder inside ``parent``, removed afterwards whatever happens."""
    path = Path(parent) / f".clinic-{purpose}-{secrets.token_hex(6)}"
    path.mkdir(mode=0o700)
    try:
        path.chmod(0o700)
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _os_words(exc: OSError, doing: str) -> str:
    reason = {
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the disk is read-only",
        errno.EACCES: "permission was denied",
        errno.EEXIST: "a file of that name is already there",
    }.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    return f"Could not {doing}: {reason}. Free some space or choose another folder, then try again."
