"""Issue 16 § 2: an older copy put back is detected by heads kept outside the data folder.

The review's attack: copy the store, add one client, then put the copy (or parts of it) back.
Before, `verify-audit` and `doctor` said "intact" / exit 0 for a whole folder put back, after
one ordinary save, and with `audit-head.json` deleted. Now the chain head is also kept in this
computer's state file and (keychain stores) beside the key; an older copy opens read-only with
a message saying how many changes are missing, saving is refused, `doctor` and `verify-audit`
fail, and only an audited restore or acceptance moves the heads back.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from clinic import cli
from clinic.services import lifecycle
from clinic.services.demo import fill_demo_data
from clinic.storage import anchors
from clinic.storage.datadir import DataDir
from clinic.storage.models import AuditEntry

PASSPHRASE = "correct horse battery staple"


def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data: Path, *args: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO((PASSPHRASE + "\n") * 3))
    capsys.readouterr()
    code = cli.run(cli.parse(["--data-dir", str(data), "--passphrase-stdin", *args]))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(params=["passphrase", "keychain"])
def mode(request: pytest.FixtureRequest, memory_keyring) -> str:  # type: ignore[no-untyped-def]
    return str(request.param)


@pytest.fixture
def replay(tmp_path: Path, mode: str) -> tuple[Path, Path]:
    """A store with 3 clients copied aside, then one more client added: (data, copy)."""
    data = tmp_path / "data"
    passphrase = PASSPHRASE if mode == "passphrase" else None
    store = lifecycle.init_store(data_dir=DataDir(data), passphrase=passphrase, actor="t")
    try:
        fill_demo_data(store=store, clients=3, seed=3, today=date(2026, 11, 2))
    finally:
        store.lock()
    copy = tmp_path / "copy"
    shutil.copytree(data, copy)
    store = lifecycle.unlock_store(data_dir=DataDir(data), passphrase=passphrase, actor="t")
    try:
        fill_demo_data(store=store, clients=1, seed=9, today=date(2026, 11, 2))
    finally:
        store.lock()
    return data, copy


def put_back_whole_folder(data: Path, copy: Path) -> None:
    shutil.rmtree(data)
    shutil.copytree(copy, data)


def put_back_database(data: Path, copy: Path) -> None:
    shutil.copyfile(copy / "clinic.db", data / "clinic.db")


def put_back_database_delete_head(data: Path, copy: Path) -> None:
    put_back_database(data, copy)
    (data / "audit-head.json").unlink()


def assert_older_copy_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    code, out, err = run(monkeypatch, capsys, data, "verify-audit")
    assert code != 0 and "intact" not in out, (out, err)
    assert "older copy" in out, out
    code, out, err = run(monkeypatch, capsys, data, "doctor")
    assert code == 4 and "All checks passed" not in out, (out, err)
    code, out, err = run(monkeypatch, capsys, data, "cases")
    assert code == 0, err  # reading still works: keep working read-only
    assert "older copy" in err and "read-only" in err and "clinic restore" in err, err
    before = digest(data / "clinic.db")
    code, out, err = run(monkeypatch, capsys, data, "demo", "--clients", "1", "--seed", "11")
    assert code == 4 and "older copy" in err, (out, err)  # an ordinary save is refused
    assert digest(data / "clinic.db") == before


@pytest.mark.parametrize(
    "put_back",
    [put_back_whole_folder, put_back_database, put_back_database_delete_head],
    ids=["whole-folder", "database-only", "database-and-head-deleted"],
)
def test_older_copy_put_back_opens_read_only_and_checks_fail(
    replay: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    put_back,  # type: ignore[no-untyped-def]
) -> None:
    data, copy = replay
    put_back(data, copy)
    assert_older_copy_refused(monkeypatch, capsys, data)
    # after the refused save (the review's second scenario) the evidence is still there
    assert_older_copy_refused(monkeypatch, capsys, data)


@pytest.mark.parametrize("mode", ["keychain"])
def test_only_the_keychain_head_is_left(
    memory_keyring,  # type: ignore[no-untyped-def]
    replay: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Whole folder put back and this computer's state file lost: the head beside the key
    in the keychain still tells (keychain stores)."""
    data, copy = replay
    put_back_whole_folder(data, copy)
    anchors.state_file().unlink()
    assert_older_copy_refused(monkeypatch, capsys, data)


def test_accepting_the_copy_is_audited_and_moves_the_heads(
    replay: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data, copy = replay
    put_back_whole_folder(data, copy)
    code, out, err = run(monkeypatch, capsys, data, "accept-copy")
    assert code == 0, (out, err)
    assert "audit trail" in out
    code, out, err = run(monkeypatch, capsys, data, "verify-audit")
    assert code == 0 and "intact" in out, (out, err)
    code, out, err = run(monkeypatch, capsys, data, "doctor")
    assert code == 0, (out, err)
    code, out, err = run(monkeypatch, capsys, data, "demo", "--clients", "1", "--seed", "12")
    assert code == 0, err
    store = lifecycle.unlock_store(data_dir=DataDir(data), passphrase=PASSPHRASE, actor="t")
    try:
        with store.unit_of_work() as session:
            entry = session.scalars(
                select(AuditEntry).where(AuditEntry.action == "accept_older_copy")
            ).one()
        assert entry.changes["entries_missing"] > 0
        assert entry.changes["last_entry_of_copy"] < entry.changes["newest_entry_seen"]
    finally:
        store.lock()


def test_restoring_a_backup_moves_the_heads_on_purpose(
    replay: tuple[Path, Path],
    tmp_path: Path,
    mode: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data, _copy = replay
    # A backup, then more work, then that backup restored over the current store through
    # Clinic's own restore: legitimate, though it takes the store back.
    backup = tmp_path / "older.clinicbackup"
    code, out, err = run(monkeypatch, capsys, data, "backup", "--to", str(backup))
    assert code == 0, (out, err)
    code, out, err = run(monkeypatch, capsys, data, "demo", "--clients", "1", "--seed", "14")
    assert code == 0, err
    args = ["restore", str(backup), "--over-current"]
    code, out, err = run(monkeypatch, capsys, data, *args)
    assert code == 0, (out, err)
    code, out, err = run(monkeypatch, capsys, data, "verify-audit")
    assert code == 0 and "intact" in out, (out, err)
    code, out, err = run(monkeypatch, capsys, data, "doctor")
    assert code == 0, (out, err)
    code, out, err = run(monkeypatch, capsys, data, "demo", "--clients", "1", "--seed", "13")
    assert code == 0, err
    store = lifecycle.unlock_store(data_dir=DataDir(data), passphrase=PASSPHRASE, actor="t")
    try:
        with store.unit_of_work() as session:
            actions = list(session.scalars(select(AuditEntry.action)))
        assert "restore_from_backup" in actions
    finally:
        store.lock()


def test_a_missing_head_is_a_recorded_warning_not_fine(
    replay: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data, _copy = replay
    state = json.loads(anchors.state_file().read_text())
    for record in state["stores"].values():
        record["seq"] = -1
        record["hash"] = ""
    anchors.state_file().write_text(json.dumps(state))
    code, out, err = run(monkeypatch, capsys, data, "doctor")
    assert code == 4 and "state" in out and "missing" in out, (out, err)
    code, out, err = run(monkeypatch, capsys, data, "doctor")
    assert code == 0, (out, err)  # recorded once, and the head is kept again
    store = lifecycle.unlock_store(data_dir=DataDir(data), passphrase=PASSPHRASE, actor="t")
    try:
        with store.unit_of_work() as session:
            entry = session.scalars(
                select(AuditEntry).where(AuditEntry.action == "anchor_missing")
            ).one()
        assert entry.changes["places"] == ["state"]
    finally:
        store.lock()
