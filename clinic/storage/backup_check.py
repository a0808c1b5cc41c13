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
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import shutil
import sys
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

import sqlcipher3

from clinic.domain.audit_chain import GENESIS, AuditRecord, ChainBreak, verify_chain
from clinic.storage import keys
from clinic.storage.audit_log import ChainHead
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
from clinic.storage.engine import connect_read_only
from clinic.storage.errors import StoreError
from clinic.storage.models import AuditEntry, Case, Client, EvidenceFile
from clinic.storage.vault import Vault, VaultError

_COUNTED = (("clients", Client), ("cases", Case), ("files", EvidenceFile), ("audit", AuditEntry))
_COUNT_SQL = {  # table names are the models' constants, not input
    name: f'SELECT count(*) FROM "{model.__tablename__}"'  # noqa: S608
    for name, model in _COUNTED
}
_SMALL = (DATABASE, META, WRAPPED_KEY)
_T = TypeVar("_T")


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
        facts, db_problems = _check_database(dest / DATABASE, key, manifest)
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
        problems.append("the file holds the same member twice")
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


# ---------------------------------------------------------------------------- database


@dataclass(frozen=True)
class Facts:
    revision: str | None
    head: ChainHead
    counts: dict[str, int]
    files: tuple[tuple[int, str, bytes, str], ...]  # id, vault name, file key, sha256


def database_facts(database: Path, key: bytearray) -> Facts:
    """Schema revision, audit head, counts and evidence files of a copy: quick queries on a
    read-only connection (the copy's bytes never change while they are read or archived)."""
    connection = connect_read_only(database, key)
    try:
        files = tuple(
            (int(r[0]), str(r[1]), bytes(r[2]), str(r[3]))
            for r in connection.execute(
                "SELECT id, vault_name, file_key, sha256 FROM evidence_file ORDER BY id"
            )
        )
        counts = {
            name: int(connection.execute(_COUNT_SQL[name]).fetchone()[0]) for name, _m in _COUNTED
        }
        last = connection.execute(
            "SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        head = ChainHead(int(last[0]), str(last[1])) if last else ChainHead(0, GENESIS)
        return Facts(_revision(connection), head, counts, files)
    finally:
        connection.close()


def _revision(connection: Any) -> str | None:
    """What ``alembic_version`` says (as Alembic reads it); ``None`` for a store without it."""
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlcipher3.OperationalError:
        return None
    if len(rows) > 1:
        raise sqlcipher3.DatabaseError("alembic_version holds more than one revision")
    return str(rows[0][0]) if rows else None


def database_problems(database: Path, key: bytearray, *, thorough: bool = True) -> list[str]:
    """The slow checks of a database copy, each on its own read-only connection and thread
    (SQLite releases the GIL): the structure check (``integrity_check``, or with
    ``thorough=False`` ``quick_check``: the same b-tree and record checks without comparing
    every index with its table), ``cipher_integrity_check`` (every page's HMAC), and the
    audit chain, every entry rehashed. [] when all is well."""
    structure = "PRAGMA integrity_check" if thorough else "PRAGMA quick_check"
    with (
        in_background(lambda: _on_copy(database, key, _pragma_rows, structure)) as plain,
        in_background(
            lambda: _on_copy(database, key, _pragma_rows, "PRAGMA cipher_integrity_check")
        ) as cipher,
    ):
        chain = _on_copy(database, key, _chain_rows, "")
    return plain.result() + cipher.result() + chain


def _on_copy(
    database: Path, key: bytearray, check: Callable[[Any, str], list[str]], what: str
) -> list[str]:
    try:
        connection = connect_read_only(database, key)
    except StoreError:
        return ["clinic.db cannot be opened with the key: it is damaged"]
    try:
        return check(connection, what)
    except (sqlcipher3.Error, StoreError) as exc:
        return [f"clinic.db cannot be read: {type(exc).__name__}"]
    finally:
        connection.close()


def _pragma_rows(connection: Any, pragma: str) -> list[str]:
    """Every row of an integrity pragma that is not "ok" (``cipher_integrity_check`` gives
    rows only for problems)."""
    name = pragma.removeprefix("PRAGMA ")
    rows = [str(r[0]) for r in connection.execute(pragma)]
    return [f"clinic.db {name}: {row}" for row in rows if row != "ok"]


def _chain_rows(connection: Any, _what: str) -> list[str]:
    return [f"audit entry {b.seq}: {b.reason}" for b in chain_breaks(connection)]


_CHAIN_SQL = (
    "SELECT seq, at_text, actor, action, entity, entity_id, changes, prev_hash, hash "
    "FROM audit_entry ORDER BY seq"
)


def chain_breaks(connection: Any) -> list[ChainBreak]:
    """The audit chain's breaks, read row by row with plain SQL (the rows the ORM would
    give: ``changes`` is the JSON column's text) and checked by the domain's rule."""
    cursor = connection.execute(_CHAIN_SQL)

    def pairs() -> Iterator[tuple[AuditRecord, str]]:
        while rows := cursor.fetchmany(4096):
            for seq, at, actor, action, entity, entity_id, changes, prev, stored in rows:
                try:
                    body = json.loads(changes)
                except (TypeError, ValueError):
                    body = {"unreadable": str(changes)}  # cannot hash as written: a break
                record = AuditRecord(seq, at, actor, action, entity, entity_id, body, prev)
                yield record, stored

    return list(verify_chain(pairs()))


def _check_database(
    database: Path, key: bytearray, manifest: Manifest
) -> tuple[Facts | None, list[str]]:
    """The quick part: the copy opens with the key and says what the manifest says."""
    try:
        facts = database_facts(database, key)
    except StoreError:
        return None, ["clinic.db cannot be opened with the key: it is damaged"]
    except sqlcipher3.Error as exc:
        return None, [f"clinic.db cannot be read: {type(exc).__name__}"]
    problems = []
    if facts.head != manifest.audit_head:
        problems.append("clinic.db's audit chain head differs from the manifest")
    if facts.counts != manifest.counts or facts.revision != manifest.schema_revision:
        problems.append("clinic.db's counts or schema revision differ from the manifest")
    return facts, problems


# ------------------------------------------------------------------------------ threads


class Running(Generic[_T]):
    """Work running on a second thread; :meth:`result` waits for it (and re-raises)."""

    def __init__(self, work: Callable[[], _T]) -> None:
        self._work = work
        self._value: list[_T] = []
        self._error: list[BaseException] = []
        self._thread = threading.Thread(target=self._run, name="clinic-backup-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value.append(self._work())
        except BaseException as exc:  # handed to the thread that waits for it
            self._error.append(exc)

    def join(self) -> None:
        self._thread.join()

    def result(self) -> _T:
        self._thread.join()
        if self._error:
            raise self._error[0]
        return self._value[0]


# While two threads share the work, the one holding the GIL (e.g. rehashing the audit chain
# in Python) gives it up after this long to the one that only needs it between two big
# GIL-free calls (reading, hashing, decrypting, writing a megabyte). Python's default, 5 ms,
# would make that thread wait up to 5 ms per call: a few times slower than either alone.
SWITCH_INTERVAL_S = 0.0002


@contextlib.contextmanager
def in_background(work: Callable[[], _T]) -> Iterator[Running[_T]]:
    """Run ``work`` on a second thread while the block runs; the block's end always waits
    for it (nothing it reads is removed under it)."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, SWITCH_INTERVAL_S))
    running = Running(work)
    try:
        yield running
    finally:
        running.join()
        sys.setswitchinterval(previous)


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
        problems.append("manifest.json is not the manifest that was written")
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
