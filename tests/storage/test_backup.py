"""Backup files: consistent, verified, atomic; damage is refused and nothing is left behind."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import shutil
import time
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from clinic.domain.drafts import CaseDraft, ClientDraft, EvidenceDraft
from clinic.domain.enums import ClaimType, EvidenceCategory
from clinic.services import cases, clients, evidence, lifecycle, search
from clinic.storage import backup, backup_check
from clinic.storage.backup import restore_backup, write_backup
from clinic.storage.backup_check import verify_backup
from clinic.storage.backup_format import (
    MAC_INFO,
    MANIFEST,
    MANIFEST_MAC,
    BackupCheckFailed,
    BackupError,
    DamagedBackup,
    Manifest,
    WrongBackupKey,
    manifest_mac,
    read_manifest,
)
from clinic.storage.datadir import DataDir
from clinic.storage.engine import connect_raw
from clinic.storage.store import Store, create_store, open_store

PASSPHRASE = "correct horse battery staple"
CANARY = "Zyxwvutsrq"
TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)


def tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` with its SHA-256 (and every folder), for "nothing changed"."""
    if not root.exists():
        return {}
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "/"
        for p in sorted(root.rglob("*"))
    }


def key_of(store: Store) -> bytearray:
    return store.key_copy()


def fill(store: Store) -> None:
    """A client named with the canary, a case, and two files (one of several vault chunks)."""
    client = clients.intake_client(
        store=store, client=ClientDraft(CANARY, "Ana María"), today=TODAY
    ).unwrap()
    case = cases.open_case(
        store=store,
        client_id=client,
        case=CaseDraft(ClaimType.AFFIRMATIVE, opened_on=TODAY),
        today=TODAY,
    ).unwrap()
    item = evidence.add_evidence(
        store=store,
        case_id=case,
        evidence=EvidenceDraft(f"{CANARY} statement", EvidenceCategory.IDENTITY),
        today=TODAY,
    ).unwrap()
    for name, size in ((f"{CANARY}.txt", 3000), ("scan.pdf", 2_500_000)):
        body = (CANARY.encode() + b" declaration ") * (size // 23)
        evidence.attach_file(
            store=store, evidence_id=item, source=io.BytesIO(body), original_name=name
        )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = create_store(DataDir(tmp_path / "data"), passphrase=PASSPHRASE, actor="tester")
    fill(opened)
    yield opened
    opened.lock()


@pytest.fixture
def made(store: Store, tmp_path: Path) -> Path:
    folder = tmp_path / "backups"
    folder.mkdir()
    path = folder / "b.clinicbackup"
    write_backup(store, path, now=NOW)
    return path


def leftovers(*folders: Path) -> list[str]:
    return [
        p.name
        for folder in folders
        if folder.exists()
        for p in folder.iterdir()
        if p.name.startswith(".")
        and (p.name.endswith(".partial") or ".clinic-" in p.name or "restoring" in p.name)
    ]


def test_round_trip_restores_the_same_cases_files_and_audit_chain(
    store: Store, made: Path, tmp_path: Path
) -> None:
    target = DataDir(tmp_path / "restored")
    manifest = restore_backup(made, target, key_of(store))
    restored = open_store(target, passphrase=PASSPHRASE, actor="tester")
    try:
        assert search.list_cases(store=restored, today=TODAY) == search.list_cases(
            store=store, today=TODAY
        )
        assert tree(target.vault) == tree(store.datadir.vault)
        assert lifecycle.verify_audit(store=restored).ok
        assert lifecycle.doctor(store=restored).ok
        with restored.unit_of_work() as session:
            head = session.execute(text("SELECT max(seq) FROM audit_entry")).scalar()
        assert head == manifest.audit_head.seq
    finally:
        restored.lock()
    for path in target.root.rglob("*"):
        assert path.stat().st_mode & 0o777 == (0o700 if path.is_dir() else 0o600), path
    assert target.root.stat().st_mode & 0o777 == 0o700
    assert leftovers(tmp_path, made.parent, store.datadir.root) == []


def test_manifest_is_readable_without_the_key_and_holds_no_client_data(
    store: Store, made: Path
) -> None:
    manifest = read_manifest(made)
    assert Manifest.from_json(manifest.to_json()) == manifest
    assert manifest.store_id == store.meta.store_id
    assert manifest.created_at == "2026-11-28T09:30:00Z"
    assert manifest.counts == {"clients": 1, "cases": 1, "files": 2, "audit": 5}
    assert manifest.schema_revision
    names = {m.name for m in manifest.members}
    assert {"clinic.db", "store.json", "key.json"} <= names
    assert len([n for n in names if n.startswith("vault/")]) == 2
    raw = made.read_bytes()
    for form in (CANARY, CANARY.upper(), CANARY.lower(), "Ana María"):
        assert form.encode() not in raw
        assert form.encode("utf-16-le") not in raw
    assert store.key_hex_for_recovery_kit().encode() not in raw
    assert made.stat().st_mode & 0o777 == 0o600
    with zipfile.ZipFile(made) as archive:
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_STORED}


def test_backup_holds_commits_still_in_the_wal_and_skips_uncommitted_ones(
    store: Store, tmp_path: Path
) -> None:
    writer = store.raw_connection()
    blocker = store.raw_connection()
    try:
        writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # older data in the main file...
        writer.execute("PRAGMA wal_autocheckpoint = 0")  # ...and these commits only in the WAL
        writer.execute("BEGIN")
        for n in range(50):
            writer.execute(
                "INSERT INTO staff (name, role, email, active) VALUES (?, 'paralegal', '', 1)",
                (f"committed {n}",),
            )
        writer.execute("COMMIT")
        blocker.execute("BEGIN IMMEDIATE")  # another writer holds the lock during the backup
        blocker.execute(
            "INSERT INTO staff (name, role, email, active) VALUES ('uncommitted', 'paralegal', '', 1)"
        )
        wal = store.datadir.sidecars()[0]
        assert wal.stat().st_size > 0
        # The trap: a file copy of clinic.db alone lacks the commits that are only in the WAL.
        naive = DataDir(tmp_path / "naive")
        naive.ensure_root()
        shutil.copyfile(store.datadir.database, naive.database)
        copied = connect_raw(naive.database, key_of(store))
        assert copied.execute("SELECT count(*) FROM staff").fetchone()[0] == 0
        copied.close()
        path = tmp_path / "during-write.clinicbackup"
        write_backup(store, path, now=NOW)
        assert wal.stat().st_size > 0  # nothing was checkpointed by the backup
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        writer.close()
    target = DataDir(tmp_path / "restored")
    restore_backup(path, target, key_of(store))
    restored = connect_raw(target.database, key_of(store))
    names = {r[0] for r in restored.execute("SELECT name FROM staff")}
    restored.close()
    assert names == {f"committed {n}" for n in range(50)}


def _flip_in_member(name_of: Callable[[list[str]], str]) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(name_of(archive.namelist()))
        with path.open("r+b") as handle:
            handle.seek(info.header_offset + 26)
            name_len = int.from_bytes(handle.read(2), "little")
            extra_len = int.from_bytes(handle.read(2), "little")
            spot = info.header_offset + 30 + name_len + extra_len + info.compress_size // 2
            handle.seek(spot)
            byte = handle.read(1)[0]
            handle.seek(spot)
            handle.write(bytes([byte ^ 0x01]))

    return damage


def _without_member(name_of: Callable[[list[str]], str]) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        rebuilt = path.with_name("rebuilt.zip")
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(rebuilt, "w") as out:
            dropped = name_of(source.namelist())
            for info in source.infolist():
                if info.filename != dropped:
                    out.writestr(info, source.read(info.filename))
        rebuilt.replace(path)

    return damage


def _vault(names: list[str]) -> str:
    return next(n for n in names if n.startswith("vault/"))


def _truncate(keep: Callable[[int], int]) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        data = path.read_bytes()
        path.write_bytes(data[: keep(len(data))])

    return damage


DAMAGES = {
    **{
        f"flip-{label}": _flip_in_member(pick)
        for label, pick in {
            "db": lambda _: "clinic.db",
            "store-json": lambda _: "store.json",
            "key-json": lambda _: "key.json",
            "vault": _vault,
            "manifest": lambda _: "manifest.json",
            "mac": lambda _: "manifest.mac",
        }.items()
    },
    "missing-vault-file": _without_member(_vault),
    "missing-db": _without_member(lambda _: "clinic.db"),
    "missing-mac": _without_member(lambda _: "manifest.mac"),
    "truncated-half": _truncate(lambda n: n // 2),
    "truncated-end": _truncate(lambda n: n - 10),
    "empty": _truncate(lambda n: 0),
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_damaged_backup_is_refused_and_nothing_is_created(
    store: Store, made: Path, tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    damage(made)
    report = verify_backup(made, key_of(store), work_dir=store.datadir.root)
    assert not report.ok and report.problems
    before = tree(tmp_path)
    target = DataDir(tmp_path / "new" / "restored")
    with pytest.raises(DamagedBackup) as raised:
        restore_backup(made, target, key_of(store))
    assert raised.value.exit_code == 4
    assert "nothing was changed" in str(raised.value)
    assert tree(tmp_path) == before
    assert not (tmp_path / "new").exists()


def test_problems_name_the_damaged_member(store: Store, made: Path) -> None:
    _flip_in_member(_vault)(made)
    report = verify_backup(made, key_of(store), work_dir=store.datadir.root)
    vault_name = _vault([m.name for m in read_manifest(made).members])
    assert any(vault_name in problem for problem in report.problems), report.problems


def test_wrong_key_is_refused_as_a_key_problem(store: Store, made: Path, tmp_path: Path) -> None:
    wrong = bytearray(32)
    report = verify_backup(made, wrong, work_dir=store.datadir.root)
    assert not report.ok and "key" in report.problems[0]
    target = DataDir(tmp_path / "restored")
    with pytest.raises(WrongBackupKey) as raised:
        restore_backup(made, target, wrong)
    assert raised.value.exit_code == 3
    assert not target.root.exists()


def test_a_damaged_vault_file_is_never_backed_up(store: Store, tmp_path: Path) -> None:
    blob = next(p for p in store.datadir.vault.rglob("*") if p.is_file())
    data = bytearray(blob.read_bytes())
    data[100] ^= 0x01
    blob.write_bytes(bytes(data))
    path = tmp_path / "x.clinicbackup"
    with pytest.raises(BackupCheckFailed, match="cannot be decrypted") as raised:
        write_backup(store, path, now=NOW)
    assert raised.value.exit_code == 4 and "clinic doctor" in str(raised.value)
    assert not path.exists()
    assert leftovers(tmp_path, store.datadir.root) == []


def test_never_overwrites_an_existing_backup(store: Store, made: Path) -> None:
    before = made.read_bytes()
    with pytest.raises(BackupError, match="never overwrite"):
        write_backup(store, made, now=NOW)
    assert made.read_bytes() == before
    assert leftovers(made.parent, store.datadir.root) == []


def test_someone_elses_partial_file_is_left_alone(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "b.clinicbackup"
    other = tmp_path / ".b.clinicbackup.partial"
    other.write_bytes(b"another writer's file")
    with pytest.raises(BackupError, match="already there"):
        write_backup(store, path, now=NOW)
    assert other.read_bytes() == b"another writer's file"
    assert not path.exists()
    assert not any(p.name.startswith(".clinic-") for p in store.datadir.root.iterdir())


def test_restore_needs_an_empty_or_absent_target(store: Store, made: Path, tmp_path: Path) -> None:
    busy = DataDir(tmp_path / "busy")
    busy.ensure_root()
    (busy.root / "notes.txt").write_text("mine")
    with pytest.raises(BackupError, match="not empty"):
        restore_backup(made, busy, key_of(store))
    assert tree(busy.root) == {"notes.txt": hashlib.sha256(b"mine").hexdigest()}
    empty = DataDir(tmp_path / "empty")
    empty.ensure_root()
    restore_backup(made, empty, key_of(store))
    assert empty.database.exists()


def test_a_failure_while_writing_leaves_no_partial_file_or_temp_folder(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = backup._add_member
    calls = []

    def fail_on_vault(archive, name, path, when, *rest):  # type: ignore[no-untyped-def]
        calls.append(name)
        if name.startswith("vault/"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(archive, name, path, when, *rest)

    monkeypatch.setattr(backup, "_add_member", fail_on_vault)
    path = tmp_path / "full.clinicbackup"
    with pytest.raises(BackupError, match="disk is full"):
        write_backup(store, path, now=NOW)
    assert calls and not path.exists()
    assert leftovers(tmp_path, store.datadir.root) == []


def test_a_missing_folder_is_reported(store: Store, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="not there"):
        write_backup(store, tmp_path / "usb" / "b.clinicbackup", now=NOW)
    assert not (tmp_path / "usb").exists()


def test_the_manifest_mac_uses_a_key_derived_for_that_purpose(store: Store, made: Path) -> None:
    with zipfile.ZipFile(made) as archive:
        data, mac = archive.read(MANIFEST), archive.read(MANIFEST_MAC).decode()
    assert mac == manifest_mac(store.derive_key(MAC_INFO), data)
    assert mac != manifest_mac(bytes(key_of(store)), data)  # never the database key itself


def test_every_problem_is_reported_not_only_the_first(store: Store, made: Path) -> None:
    vault_name = _vault([m.name for m in read_manifest(made).members])
    _without_member(lambda _: "store.json")(made)
    _flip_in_member(lambda _: "clinic.db")(made)
    _flip_in_member(lambda _: vault_name)(made)
    report = verify_backup(made, key_of(store), work_dir=store.datadir.root)
    text = "\n".join(report.problems)
    assert "clinic.db" in text and vault_name in text and "store.json" in text, text


def test_old_scratch_folders_of_killed_backups_are_removed(store: Store, tmp_path: Path) -> None:
    root = store.datadir.root
    old, fresh = root / ".clinic-backup-0123456789ab", root / ".clinic-verify-ba9876543210"
    lookalike = root / ".clinic-backup-keep"
    for folder in (old, fresh, lookalike):
        folder.mkdir()
        (folder / "clinic.db").write_bytes(b"an encrypted copy")
    two_days_ago = time.time() - 2 * 24 * 3600
    for folder in (old, lookalike):
        os.utime(folder, (two_days_ago, two_days_ago))
    write_backup(store, tmp_path / "b.clinicbackup", now=NOW)
    assert not old.exists()
    assert fresh.exists() and lookalike.exists()  # maybe in use; not ours by name


# --- streaming (issue 20 #4): checked as written, read back once ------------------------------


def test_a_broken_audit_chain_is_never_backed_up(store: Store, tmp_path: Path) -> None:
    connection = store.raw_connection()
    try:
        connection.execute("DROP TRIGGER audit_entry_no_update")  # what a tamperer would do
        connection.execute("UPDATE audit_entry SET actor = 'someone else' WHERE seq = 2")
    finally:
        connection.close()
    path = tmp_path / "x.clinicbackup"
    with pytest.raises(BackupCheckFailed, match="audit entry 2: entry content was changed"):
        write_backup(store, path, now=NOW)
    assert not path.exists()
    assert leftovers(tmp_path, store.datadir.root) == []


def test_the_chain_read_with_plain_sql_finds_what_the_orm_check_finds(
    store: Store, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.db"
    backup.copy_database(store, copy, key_of(store))
    raw = connect_raw(copy, key_of(store))
    try:
        for trigger in ("audit_entry_no_update", "audit_entry_no_delete"):
            raw.execute(f"DROP TRIGGER {trigger}")
        raw.execute("UPDATE audit_entry SET changes = '{\"x\": [1, 2]}' WHERE seq = 3")
        raw.execute("DELETE FROM audit_entry WHERE seq = 4")
        assert [(b.seq, b.reason) for b in backup_check.chain_breaks(raw)] == [
            (3, "entry content was changed after it was written"),
            (5, "expected entry 4: entries missing"),
            (5, "link to the previous entry does not match"),
        ]
    finally:
        raw.close()


def test_the_database_copy_is_left_unchanged_by_its_checks(store: Store, tmp_path: Path) -> None:
    (tmp_path / "work").mkdir()
    copy = tmp_path / "work" / "copy.db"
    backup.copy_database(store, copy, key_of(store))
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    facts = backup_check.database_facts(copy, key_of(store))
    assert backup_check.database_problems(copy, key_of(store)) == []
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before
    assert [p.name for p in copy.parent.iterdir()] == ["copy.db"]  # no journal, WAL or shm
    assert facts.counts == {"clients": 1, "cases": 1, "files": 2, "audit": 5}
    assert facts.head.seq == 5 and len(facts.files) == 2


def test_reading_back_finds_a_member_changed_after_it_was_written(store: Store, made: Path) -> None:
    manifest = read_manifest(made)
    assert backup_check.read_back(made, key_of(store), manifest) == []
    vault_name = _vault([m.name for m in manifest.members])
    _flip_in_member(lambda _: vault_name)(made)
    _flip_in_member(lambda _: "clinic.db")(made)
    problems = backup_check.read_back(made, key_of(store), manifest)
    assert len(problems) == 2 and any(vault_name in p for p in problems), problems
    assert any("clinic.db" in p for p in problems), problems


def test_reading_back_refuses_a_manifest_other_than_the_one_written(
    store: Store, made: Path
) -> None:
    manifest = read_manifest(made)
    other = Manifest(**{**manifest.__dict__, "counts": {**manifest.counts, "clients": 2}})
    assert backup_check.read_back(made, key_of(store), other) == [
        "manifest.json is not the manifest that was written"
    ]
