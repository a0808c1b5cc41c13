"""Reading and checking a backup file without restoring it.

A check authenticates the manifest with the key first, then compares every member's size and
SHA-256 with it, runs ``integrity_check``, ``cipher_integrity_check`` and the audit chain on the
database copy, and decrypts every evidence file in full. Vault files are decrypted straight
from the archive (no scratch copy); only the database is extracted, to a private folder.

The archive is read once. The database's slow checks (both integrity checks and the audit
chain, read with plain SQL) run on a second thread while the vault files are read and
decrypted on the first, so both cores work; SQLite, hashing and AES-GCM release the GIL.
:func:`read_back` is the cheaper check of a backup just written, whose members were checked
as they were written (see :mod:`clinic.storage.backup`).

The database checks are :mod:`clinic.storage.backup_database` and the second thread
:mod:`clinic.storage.background`; their names are importable from here as before.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import shutil
import threading
import zipfile
from pathlib import Path
from typing import IO, Any

from clinic.domain.i18n import N_
from clinic.storage import keys
from clinic.storage.background import SWITCH_INTERVAL_S, Running, in_background
from clinic.storage.backup_database import (
    Facts,
    chain_breaks,
    check_database,
    database_facts,
    database_problems,
)
from clinic.storage.backup_format import (
    BUFFER,
    DATABASE,
    FORMAT,
    MANIFEST,
    MANIFEST_MAC,
    META,
    VAULT_MEMBER,
    WRAPPED_KEY,
    ZIP_DAMAGE,
    BackupError,
    BackupReport,
    Manifest,
    Member,
    create_private,
    mac_key_of,
    manifest_mac,
    os_words,
    read_small,
    workdir,
)
from clinic.storage.datadir import make_private_dir
from clinic.storage.vault import Vault, VaultError

_SMALL = (DATABASE, META, WRAPPED_KEY)

__all__ = [
    "SWITCH_INTERVAL_S",
    "Facts",
    "Running",
    "chain_breaks",
    "check_archive",
    "database_facts",
    "database_problems",
    "in_background",
    "read_back",
    "verify_backup",
    "verify_in",
]


# ------------------------------------------------------------------------------ checking


def verify_backup(path: Path, key: bytearray, *, work_dir: Path | None = None) -> BackupReport:
    """Check everything without restoring. ``work_dir`` (default: the backup's folder) gets a
    private scratch folder for the encrypted database copy while it is checked."""
    path = Path(path).absolute()
    if not path.is_file():
        raise BackupError(f"There is no file {path}.")
    try:
        with workdir(work_dir or path.parent, "verify") as work:
            return verify_in(path, key, work)
    except OSError as exc:
        raise BackupError(os_words(exc, f"check the backup {path.name}")) from None


def verify_in(path: Path, key: bytearray, work: Path) -> BackupReport:
    """Check ``path`` using a new private folder inside ``work``, removed afterwards."""
    scratch = work / f"check-{secrets.token_hex(4)}"
    make_private_dir(scratch)
    try:
        return check_archive(path, key, scratch, keep=False)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


class _Refused(Exception):
    pass


class _MemberDamaged(Exception):
    pass


def check_archive(path: Path, key: bytearray, dest: Path, *, keep: bool) -> BackupReport:
    """Check ``path``, extracting the database, store.json and key.json into ``dest``; with
    ``keep`` the vault files are written there too and everything is made durable."""
    manifest: Manifest | None = None
    try:
        try:
            archive = zipfile.ZipFile(path)
        except ZIP_DAMAGE as exc:
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
        data = read_small(archive, MANIFEST)
        mac = read_small(archive, MANIFEST_MAC).decode("ascii").strip()
        manifest = Manifest.from_json(data)
    except (KeyError, TypeError, *ZIP_DAMAGE) as exc:
        raise _Refused(f"manifest.json or manifest.mac is damaged ({exc})") from None
    if keys.key_check(key, manifest.store_id) != manifest.key_check:
        raise _Refused("the key given does not belong to the store this backup was made from")
    if not hmac.compare_digest(mac, manifest_mac(mac_key_of(key), data)):
        raise _Refused("manifest.json does not match manifest.mac: it was changed or damaged")
    if manifest.format > FORMAT:
        raise _Refused("the backup was made by a newer version of Clinic; install it")
    return manifest


def _check_members(
    archive: zipfile.ZipFile, manifest: Manifest, key: bytearray, dest: Path, *, keep: bool
) -> list[str]:
    """Every problem that can be found, not only the first: a damaged database still lets
    the vault files be checked against the manifest (though not decrypted)."""
    present = set(archive.namelist())
    problems = _member_list_problems(archive.namelist(), manifest)
    extracted: set[str] = set()
    for member in manifest.members:
        if member.name in _SMALL and member.name in present:
            found = _copy_member(archive, member, dest / member.name, durable=keep)
            problems += found
            extracted.update([] if found else [member.name])
    if META in extracted:
        problems += _meta_problems(dest / META, manifest)
    facts = None
    if DATABASE in extracted:
        facts, db_problems = check_database(dest / DATABASE, key, manifest)
        problems += db_problems
    files = {name: (fid, fkey, digest) for fid, name, fkey, digest in facts.files} if facts else {}
    vault_root = dest / "vault" if keep else None
    if facts is None:
        return problems + _check_vault(archive, manifest, files, vault_root)
    with in_background(lambda: database_problems(dest / DATABASE, key)) as deep:
        vault_problems = _check_vault(archive, manifest, files, vault_root)
    return problems + deep.result() + vault_problems


def _member_list_problems(names: list[str], manifest: Manifest) -> list[str]:
    listed = [m.name for m in manifest.members]
    missing = sorted(set(listed) - set(names))
    extra = sorted(set(names) - set(listed) - {MANIFEST, MANIFEST_MAC})
    problems = [f"{n} is listed in the manifest but missing from the file" for n in missing]
    problems += [f"{n} is in the file but not in the manifest" for n in extra]
    if len(names) != len(set(names)) or len(listed) != len(set(listed)):
        problems.append(N_("the file holds the same member twice"))
    for needed in (DATABASE, META):
        if needed not in listed:
            problems.append(f"{needed} is not listed in the manifest")
    unexpected = [n for n in listed if n not in _SMALL and not VAULT_MEMBER.fullmatch(n)]
    return problems + [f"the manifest lists an unexpected member {n!r}" for n in unexpected]


class _Reading:
    """Reads a member, hashing (and with a sink, copying) every byte; read errors of the
    archive become :class:`_MemberDamaged`, while write errors of the sink stay OSErrors."""

    def __init__(self, source: IO[bytes], sink: IO[bytes] | None) -> None:
        self._source, self._sink = source, sink
        self.digest, self.size = hashlib.sha256(), 0

    def read(self, size: int = -1, /) -> bytes:
        try:
            chunk = self._source.read(size)
        except ZIP_DAMAGE as exc:
            raise _MemberDamaged(str(exc)) from None
        self.digest.update(chunk)
        self.size += len(chunk)
        if self._sink is not None:
            self._sink.write(chunk)
        return chunk

    def drain(self) -> None:
        while self.read(BUFFER):
            pass

    def matches(self, member: Member) -> bool:
        return self.size == member.size and hmac.compare_digest(
            self.digest.hexdigest(), member.sha256
        )


def _copy_member(
    archive: zipfile.ZipFile,
    member: Member,
    target: Path | None,
    *,
    durable: bool,
    row: tuple[int, bytes, str] | None = None,
) -> list[str]:
    """Read one member to its end, copying it to ``target`` if given (fsynced if ``durable``);
    decrypt it as an evidence file if ``row`` (id, file key, plaintext SHA-256) is given; and
    compare its size and SHA-256 with the manifest."""
    sink = create_private(target) if target is not None else None
    undecryptable: list[str] = []
    try:
        try:
            reading = _Reading(archive.open(member.name), sink)
        except ZIP_DAMAGE as exc:
            return [_damaged(member, str(exc))]
        if row is not None:
            try:
                Vault.check_from(reading, row[1], expected_sha256=row[2])
            except VaultError as exc:
                undecryptable = [
                    f"evidence file #{row[0]} ({member.name}) cannot be decrypted: {exc}"
                ]
        reading.drain()
        if sink is not None and durable:
            sink.flush()
            os.fsync(sink.fileno())
    except _MemberDamaged as exc:
        return [_damaged(member, str(exc))]
    finally:
        if sink is not None:
            sink.close()
    if not reading.matches(member):
        return [f"{member.name} does not match its size and SHA-256 in the manifest"]
    return undecryptable


def _damaged(member: Member, reason: str) -> str:
    if "CRC" in reason:
        reason = "its bytes were changed (CRC-32 mismatch)"
    return f"{member.name} is damaged: {reason.replace(repr(member.name), 'the member')}"


def _check_vault(
    archive: zipfile.ZipFile,
    manifest: Manifest,
    files: dict[str, tuple[int, bytes, str]],
    vault_root: Path | None,
) -> list[str]:
    """Decrypt every vault member straight from the archive; with ``vault_root``, also write
    it there (a restore)."""
    present = set(archive.namelist())
    problems: list[str] = []
    stored: set[str] = set()
    if vault_root is not None:
        make_private_dir(vault_root)
    for member in manifest.members:
        match = VAULT_MEMBER.fullmatch(member.name)
        if match is None or member.name not in present:
            continue
        stored.add(match[2])
        target = None
        if vault_root is not None:
            make_private_dir(vault_root / match[1])
            target = vault_root / match[1] / match[2]
        problems += _copy_member(
            archive, member, target, durable=target is not None, row=files.get(match[2])
        )
    missing = sorted(fid for name, (fid, _k, _d) in files.items() if name not in stored)
    return problems + [
        f"evidence file #{fid}: its encrypted file is not in the backup" for fid in missing
    ]


def _meta_problems(meta_path: Path, manifest: Manifest) -> list[str]:
    try:
        meta: Any = json.loads(meta_path.read_bytes())
        same = meta["store_id"] == manifest.store_id and meta["key_check"] == manifest.key_check
    except (ValueError, KeyError, TypeError):
        return ["store.json is damaged"]
    return [] if same else ["store.json belongs to another store than the manifest says"]


# ----------------------------------------------------------------------------- reading back


def read_back(path: Path, key: bytearray, manifest: Manifest) -> list[str]:
    """A backup just written, read back once from the file: the manifest authenticated and
    the same as the one written, the member list complete, and every member's size, SHA-256
    (and the zip's CRC-32) equal to the manifest's. Two threads hash the members."""
    try:
        with zipfile.ZipFile(path) as archive:
            written = _authentic_manifest(archive, key)
            names = archive.namelist()
            problems = _member_list_problems(names, written)
    except _Refused as refused:
        return [str(refused)]
    except ZIP_DAMAGE as exc:
        return [f"the file cannot be read back ({exc})"]
    if written != manifest:
        problems.append(N_("manifest.json is not the manifest that was written"))
    present = set(names)
    queue = sorted(  # the big ones first, shared out between the two threads
        (m for m in written.members if m.name in present), key=lambda m: -m.size
    )
    lock = threading.Lock()

    def hash_some() -> list[str]:
        found: list[str] = []
        with zipfile.ZipFile(path) as archive:
            while True:
                with lock:
                    if not queue:
                        return found
                    member = queue.pop(0)
                found += _copy_member(archive, member, None, durable=False)

    with in_background(hash_some) as other:
        mine = hash_some()
    return problems + mine + other.result()
