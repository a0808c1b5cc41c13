"""Backups and restores as the user sees them: names, keys, safety copies, daily rotation."""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from clinic.domain.drafts import CaseDraft, ClientDraft, EvidenceDraft
from clinic.domain.enums import ClaimType, EvidenceCategory
from clinic.domain.ids import EvidenceFileId
from clinic.services import backup as backups
from clinic.services import cases, clients, evidence, lifecycle, search
from clinic.services.results import Entity
from clinic.services.settings import ClinicSettings, get_settings, update_settings
from clinic.storage import anchors
from clinic.storage import backup as storage_backup
from clinic.storage.backup_format import BackupError, DamagedBackup, WrongBackupKey, read_manifest
from clinic.storage.errors import WrongPassphrase
from clinic.storage.models import AuditEntry, EvidenceFile
from clinic.storage.store import Store

# Office mode has none of this yet (docs/office.md, "Not built yet"): backups of an office database (pg_dump) are a later part of issue 21.
pytestmark = pytest.mark.laptop_only("backups of a laptop store's data folder and key")

CANARY = "Zyxwvutsrq"
MORNING = datetime(2026, 11, 28, 8, 15, 0)


def tree(root: Path) -> dict[str, str]:
    if not root.exists():
        return {}
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "/"
        for p in sorted(root.rglob("*"))
    }


def fill(store: Store, today: date, family_name: str = CANARY) -> None:
    client = clients.intake_client(
        store=store, client=ClientDraft(family_name, "Ana"), today=today
    ).unwrap()
    case = cases.open_case(
        store=store,
        client_id=client,
        case=CaseDraft(ClaimType.DEFENSIVE, opened_on=today),
        today=today,
    ).unwrap()
    item = evidence.add_evidence(
        store=store,
        case_id=case,
        evidence=EvidenceDraft("Birth certificate", EvidenceCategory.IDENTITY),
        today=today,
    ).unwrap()
    evidence.attach_file(
        store=store,
        evidence_id=item,
        source=io.BytesIO(f"{family_name} was born in ...".encode() * 5000),
        original_name=f"{family_name}-birth.pdf",
    )


@pytest.fixture
def filled(store: Store, today: date) -> Store:
    fill(store, today)
    return store


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "usb"
    path.mkdir()
    return path


def file_digests(store: Store) -> dict[str, str]:
    """Decrypted SHA-256 of every evidence file, read back through the service."""
    with store.unit_of_work() as session:
        rows = session.execute(select(EvidenceFile.id, EvidenceFile.vault_name)).all()
    return {
        name: hashlib.sha256(
            evidence.read_evidence_file(store=store, file_id=EvidenceFileId(fid))
        ).hexdigest()
        for fid, name in rows
    }


def test_backup_restore_round_trip(
    filled: Store, folder: Path, tmp_path: Path, passphrase: str, today: date
) -> None:
    made = backups.make_backup(store=filled, folder=folder, now=MORNING)
    assert made.path.name == "Clinic-backup-20261128-081500.clinicbackup"
    assert backups.verify_backup_file(path=made.path, store=filled).ok
    expected_cases = search.list_cases(store=filled, today=today)
    expected_files = file_digests(filled)
    target = lifecycle.resolve_data_dir(tmp_path / "elsewhere")
    # On another computer (its own state file): beside the live store on this one, the copy
    # would rightly open as an older copy of it (tests/cli/test_replay.py).
    (tmp_path / "other-computer").mkdir()
    with anchors.isolated_state(tmp_path / "other-computer"):
        result = backups.restore(
            backup=made.path, data_dir=target, passphrase=passphrase, keychain=False
        )
        assert result.manifest.store_id == filled.meta.store_id
        restored = lifecycle.unlock_store(data_dir=target, passphrase=passphrase, actor="t")
        try:
            assert search.list_cases(store=restored, today=today) == expected_cases
            assert file_digests(restored) == expected_files
            assert tree(target.vault) == tree(filled.datadir.vault)
            assert lifecycle.verify_audit(store=restored).ok
        finally:
            restored.lock()


def test_backup_is_audited_as_an_export_after_it_succeeded(filled: Store, folder: Path) -> None:
    made = backups.make_backup(store=filled, folder=folder, now=MORNING)
    with filled.unit_of_work() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert (last.action, last.entity) == ("export", Entity.BACKUP.value)
    assert last.seq == made.manifest.audit_head.seq + 1
    assert lifecycle.verify_audit(store=filled).ok
    seq = last.seq
    with pytest.raises(BackupError):
        backups.make_backup(store=filled, folder=folder / "absent", now=MORNING)
    with filled.unit_of_work() as session:
        assert session.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc())) == seq


def test_two_backups_in_one_second_get_two_names(filled: Store, folder: Path) -> None:
    first = backups.make_backup(store=filled, folder=folder, now=MORNING)
    before = first.path.read_bytes()
    second = backups.make_backup(store=filled, folder=folder, now=MORNING)
    assert second.path.name == "Clinic-backup-20261128-081500-2.clinicbackup"
    assert first.path.read_bytes() == before


def test_no_client_data_and_no_leftovers_anywhere(
    filled: Store, folder: Path, tmp_path: Path
) -> None:
    made = backups.make_backup(store=filled, folder=folder, now=MORNING)
    assert [p.name for p in folder.iterdir()] == [made.path.name]
    for path in [*folder.rglob("*"), *filled.datadir.root.rglob("*")]:
        assert not path.name.startswith((".clinic-", ".Clinic-")), path
        if path.is_file():
            data = path.read_bytes()
            assert CANARY.encode() not in data and CANARY.upper().encode() not in data, path
            assert CANARY.lower().encode() not in data, path


def test_restore_with_the_recovery_key(filled: Store, folder: Path, tmp_path: Path) -> None:
    made = backups.make_backup(store=filled, folder=folder, now=MORNING)
    recovery = filled.key_hex_for_recovery_kit()
    spaced = " ".join(recovery[i : i + 4] for i in range(0, 64, 4)).upper()
    target = lifecycle.resolve_data_dir(tmp_path / "new")
    key = backups.parse_recovery_key(spaced)
    assert bytes(key).hex() == recovery
    today = MORNING.date()
    expected_cases = search.list_cases(store=filled, today=today)
    (tmp_path / "other-computer").mkdir()  # where the recovery key is needed: a new computer
    with anchors.isolated_state(tmp_path / "other-computer"):
        result = backups.restore(
            backup=made.path, data_dir=target, recovery_key_hex=spaced, keychain=False
        )
        assert result.manifest.store_id == filled.meta.store_id
        restored = lifecycle.unlock_store(data_dir=target, passphrase=None, actor="t", key=key)
        try:
            assert restored.meta.store_id == filled.meta.store_id
            cases_there = search.list_cases(store=restored, today=today)
            assert cases_there == expected_cases
            assert [c.client_name for c in cases_there] == [f"{CANARY.upper()}, Ana"]
            assert tree(target.vault) == tree(filled.datadir.vault) != {}
            assert lifecycle.verify_audit(store=restored).ok
        finally:
            restored.lock()


def test_wrong_keys_change_nothing(filled: Store, folder: Path, tmp_path: Path) -> None:
    made = backups.make_backup(store=filled, folder=folder, now=MORNING)
    target = lifecycle.resolve_data_dir(tmp_path / "new")
    with pytest.raises(WrongPassphrase, match="passphrase the store had when the backup"):
        backups.restore(
            backup=made.path, data_dir=target, passphrase="not the passphrase", keychain=False
        )
    with pytest.raises(WrongBackupKey, match="does not belong"):
        backups.restore(
            backup=made.path, data_dir=target, recovery_key_hex="ab" * 32, keychain=False
        )
    with pytest.raises(backups.BackupKeyNeeded, match="64"):
        backups.restore(backup=made.path, data_dir=target, recovery_key_hex="abc", keychain=False)
    with pytest.raises(backups.BackupKeyNeeded, match="passphrase or the recovery key"):
        backups.restore(backup=made.path, data_dir=target, keychain=False)
    assert not target.root.exists()


@pytest.fixture
def keychain_store(tmp_path: Path, memory_keyring, today: date) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    opened = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(tmp_path / "kc"), passphrase=None, actor="t"
    )
    fill(opened, today)
    yield opened
    opened.lock()


def test_keychain_store_restores_on_this_computer_and_on_a_new_one(
    keychain_store: Store,
    folder: Path,
    tmp_path: Path,
    memory_keyring,  # type: ignore[no-untyped-def]
) -> None:
    made = backups.make_backup(store=keychain_store, folder=folder, now=MORNING)
    same_computer = lifecycle.resolve_data_dir(tmp_path / "same")
    result = backups.restore(backup=made.path, data_dir=same_computer, keychain=True)
    assert result.key_saved_to_keychain
    lifecycle.unlock_store(data_dir=same_computer, passphrase=None, actor="t").lock()

    recovery = keychain_store.key_hex_for_recovery_kit()
    memory_keyring.secrets.clear()  # a new laptop: its keychain has never seen this store
    new_laptop = lifecycle.resolve_data_dir(tmp_path / "laptop")
    with pytest.raises(backups.BackupKeyNeeded, match="recovery key"):
        backups.restore(backup=made.path, data_dir=new_laptop, keychain=True)
    assert not new_laptop.root.exists()
    backups.restore(backup=made.path, data_dir=new_laptop, recovery_key_hex=recovery, keychain=True)
    lifecycle.unlock_store(data_dir=new_laptop, passphrase=None, actor="t").lock()


def test_restore_over_current_keeps_a_safety_copy(
    filled: Store, folder: Path, passphrase: str, today: date
) -> None:
    made = backups.make_backup(store=filled, folder=folder, now=MORNING)
    fill(filled, today, family_name="Later Added")  # a change made after the backup
    data_dir = filled.datadir
    filled.lock()
    before = tree(data_dir.root)
    result = backups.restore_over_current(
        backup=made.path, data_dir=data_dir, passphrase=passphrase, keychain=False, now=MORNING
    )
    assert result.safety_copy == data_dir.root.with_name("data.before-restore-20261128-081500")
    assert tree(result.safety_copy) == before
    restored = lifecycle.unlock_store(data_dir=data_dir, passphrase=passphrase, actor="t")
    try:
        names = [c.client_name for c in search.list_cases(store=restored, today=today)]
        assert names == [f"{CANARY.upper()}, Ana"]
    finally:
        restored.lock()


def test_restore_over_current_puts_the_store_back_on_failure(
    filled: Store, folder: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = backups.make_backup(store=filled, folder=folder, now=MORNING)
    data_dir = filled.datadir
    filled.lock()
    parent = data_dir.root.parent
    before, siblings = tree(data_dir.root), sorted(os.listdir(parent))
    real_rename = os.rename
    calls: list[tuple[str, str]] = []

    def rename(src, dst):  # type: ignore[no-untyped-def]
        calls.append((str(src), str(dst)))
        if len(calls) == 2:  # the restored folder into place: fail, as a full disk might
            raise OSError(28, "No space left on device")
        real_rename(src, dst)

    monkeypatch.setattr(storage_backup.os, "rename", rename)
    with pytest.raises(BackupError, match="Nothing was changed"):
        backups.restore_over_current(
            backup=made.path, data_dir=data_dir, passphrase=passphrase, keychain=False, now=MORNING
        )
    monkeypatch.undo()
    assert len(calls) == 3  # aside, (failed) into place, back
    assert tree(data_dir.root) == before
    assert sorted(os.listdir(parent)) == siblings


def test_restore_over_current_with_a_damaged_backup_changes_nothing(
    filled: Store, folder: Path, passphrase: str
) -> None:
    made = backups.make_backup(store=filled, folder=folder, now=MORNING)
    data = bytearray(made.path.read_bytes())
    data[len(data) // 3] ^= 0xFF
    made.path.write_bytes(bytes(data))
    data_dir = filled.datadir
    filled.lock()
    parent = data_dir.root.parent
    before, siblings = tree(data_dir.root), sorted(os.listdir(parent))
    with pytest.raises(DamagedBackup):
        backups.restore_over_current(
            backup=made.path, data_dir=data_dir, passphrase=passphrase, keychain=False, now=MORNING
        )
    assert tree(data_dir.root) == before
    assert sorted(os.listdir(parent)) == siblings


def test_auto_backup_once_a_day_with_rotation(filled: Store, folder: Path) -> None:
    settings = ClinicSettings(backup_folder=str(folder), backups_kept=3)
    unrelated = ["notes.txt", "Clinic-backup-old.clinicbackup", "Clinic-backup-20200101-000000.zip"]
    for name in unrelated:
        (folder / name).write_text("keep me")
    made = []
    for day in range(5):
        now = MORNING + timedelta(days=day)
        result = backups.auto_backup_if_due(store=filled, now=now, settings=settings)
        assert result is not None
        made.append(result.path.name)
        again = now + timedelta(hours=3)
        assert backups.auto_backup_if_due(store=filled, now=again, settings=settings) is None
        check = backups.auto_backup_due(settings=settings, now=again)
        assert not check.due and "already" in check.reason
    kept = sorted(p.name for p in backups.backup_files(folder))
    assert kept == made[-3:]
    assert all((folder / name).read_text() == "keep me" for name in unrelated)


def test_another_stores_backups_are_neither_counted_nor_rotated(
    filled: Store, folder: Path, tmp_path: Path, passphrase: str
) -> None:
    other = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(tmp_path / "other"), passphrase=passphrase, actor="t"
    )
    try:
        theirs = backups.make_backup(store=other, folder=folder, now=MORNING).path
    finally:
        other.lock()
    settings = ClinicSettings(backup_folder=str(folder), backups_kept=1)
    ours = []
    for day in range(3):
        result = backups.auto_backup_if_due(
            store=filled, now=MORNING + timedelta(days=day), settings=settings
        )
        assert result is not None
        ours.append(result.path)
    assert theirs.exists()
    assert sorted(backups.backup_files(folder)) == sorted([theirs, ours[-1]])
    mine = backups.last_backup_time(folder, store_id=filled.meta.store_id)
    assert mine == read_manifest(ours[-1]).created


def test_auto_backup_skips_an_absent_or_unset_folder(filled: Store, tmp_path: Path) -> None:
    absent = ClinicSettings(backup_folder=str(tmp_path / "unplugged-usb"))
    assert backups.auto_backup_if_due(store=filled, now=MORNING, settings=absent) is None
    assert "not there" in backups.auto_backup_due(settings=absent, now=MORNING).reason
    assert not (tmp_path / "unplugged-usb").exists()
    unset = ClinicSettings()
    assert backups.auto_backup_if_due(store=filled, now=MORNING, settings=unset) is None
    assert "No backup folder" in backups.auto_backup_due(settings=unset, now=MORNING).reason


def test_backup_folder_defaults_to_settings(filled: Store, folder: Path) -> None:
    update_settings(
        store=filled, settings=replace(get_settings(store=filled), backup_folder=str(folder))
    )
    made = backups.make_backup(store=filled, now=MORNING)
    assert made.path.parent == folder


def test_last_backup_time_and_age(filled: Store, folder: Path) -> None:
    assert backups.last_backup_time(folder) is None
    assert backups.last_backup_time(folder / "absent") is None
    now = datetime(2026, 11, 28, 8, 15, tzinfo=UTC)
    backups.make_backup(store=filled, folder=folder, now=now - timedelta(days=2))
    backups.make_backup(store=filled, folder=folder, now=now)
    last = backups.last_backup_time(folder)
    assert last == now
    assert not backups.is_backup_old(last, now=now + timedelta(days=6))
    assert backups.is_backup_old(last, now=now + timedelta(days=8))
    assert backups.is_backup_old(None, now=now)


def test_what_a_backup_needs_is_told_before_asking(
    filled: Store,
    keychain_store: Store,
    folder: Path,
    memory_keyring,  # type: ignore[no-untyped-def]
) -> None:
    with_passphrase = backups.make_backup(store=filled, folder=folder, now=MORNING).path
    in_keychain = backups.make_backup(store=keychain_store, folder=folder, now=MORNING).path
    assert backups.has_passphrase(with_passphrase) and not backups.key_in_keychain(with_passphrase)
    assert backups.key_in_keychain(in_keychain) and not backups.has_passphrase(in_keychain)
    assert backups.describe(in_keychain).store_id == keychain_store.meta.store_id
    report = backups.verify_backup_file(path=in_keychain, keychain=True)
    assert report.ok, report.problems
    memory_keyring.secrets.clear()
    assert not backups.key_in_keychain(in_keychain)


def test_doctor_reports_the_last_backup_and_warns_when_it_is_old(
    filled: Store, folder: Path
) -> None:
    unset = lifecycle.doctor(store=filled)
    assert unset.backup_folder is None and unset.last_backup is None and unset.backup_old
    assert unset.ok  # an old or missing backup is a warning, never a failed check
    update_settings(
        store=filled, settings=replace(get_settings(store=filled), backup_folder=str(folder))
    )
    made_at = datetime(2026, 11, 20, 8, 15, tzinfo=UTC)
    backups.make_backup(store=filled, now=made_at)
    fresh = lifecycle.doctor(store=filled, now=made_at + timedelta(days=3))
    assert (fresh.backup_folder, fresh.last_backup, fresh.backup_old) == (folder, made_at, False)
    old = lifecycle.doctor(store=filled, now=made_at + timedelta(days=8))
    assert old.backup_old and old.ok


def test_why_no_backup_was_made_reads_in_spanish_too(tmp_path: Path) -> None:
    absent = tmp_path / "unplugged-usb"
    check = backups.auto_backup_due(settings=ClinicSettings(backup_folder=str(absent)), now=MORNING)
    assert check.reason_in("en") == check.reason
    assert check.reason_in("es") == (
        f"La carpeta de copias {absent} no está disponible (¿está conectada la memoria USB?)."
    )
    unset = backups.auto_backup_due(settings=ClinicSettings(), now=MORNING)
    assert unset.reason == "No backup folder is set in Settings."
    assert unset.reason_in("es") == "No hay carpeta de copias de seguridad en Configuración."
    tmp_path.joinpath("empty").mkdir()
    due = backups.auto_backup_due(
        settings=ClinicSettings(backup_folder=str(tmp_path / "empty")), now=MORNING
    )
    assert due.due and due.reason_in("es").startswith("Toca hacer una copia de seguridad en ")
