"""`clinic backup`, `clinic backup --verify` and `clinic restore`, run as a user would: the real
command in a subprocess, passphrase mode (no keychain), a demo store of 20 clients."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

PASSPHRASE = "correct horse battery staple"
DEMO_CLIENTS = 20

pytestmark = pytest.mark.slow


def clinic(
    data_dir: Path, *args: str, stdin: str | None = PASSPHRASE
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLINIC_")}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # passphrase mode
    flags = ["--passphrase-stdin"] if stdin is not None else []
    return subprocess.run(
        [sys.executable, "-m", "clinic", "--data-dir", str(data_dir), *flags, *args],
        input=(stdin + "\n") if stdin is not None else "",
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


def fingerprint(root: Path) -> dict[str, str]:
    """Every file under ``root`` (and every folder) with its SHA-256: "nothing changed"."""
    if not root.exists():
        return {}
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "/"
        for p in sorted(root.rglob("*"))
    }


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A demo store and one backup of it: (data folder, backup file)."""
    root = tmp_path_factory.mktemp("backup-cli")
    data_dir = root / "data"
    ok(clinic(data_dir, "init"))
    ok(clinic(data_dir, "demo", "--clients", str(DEMO_CLIENTS), "--seed", "3"))
    backup = root / "usb" / "clinic.clinicbackup"
    backup.parent.mkdir()
    made = ok(clinic(data_dir, "backup", "--to", str(backup)))
    assert str(backup) in made and "passed its check" in made
    assert f"{DEMO_CLIENTS} clients" in made
    return data_dir, backup


def flip_byte_in(backup: Path, member: str, into: Path) -> None:
    """A copy of ``backup`` with one bit flipped in the middle of ``member``'s stored bytes."""
    shutil.copyfile(backup, into)
    with zipfile.ZipFile(into) as archive:
        info = archive.getinfo(member)
    with into.open("r+b") as handle:
        handle.seek(info.header_offset + 26)
        name_len = int.from_bytes(handle.read(2), "little")
        extra_len = int.from_bytes(handle.read(2), "little")
        spot = info.header_offset + 30 + name_len + extra_len + info.compress_size // 2
        handle.seek(spot)
        byte = handle.read(1)[0]
        handle.seek(spot)
        handle.write(bytes([byte ^ 0x01]))


def vault_member(backup: Path) -> str:
    with zipfile.ZipFile(backup) as archive:
        return sorted(n for n in archive.namelist() if n.startswith("vault/"))[0]


def test_round_trip_gives_the_same_cases_and_the_same_vault_files(
    demo: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir, backup = demo
    before = json.loads(ok(clinic(data_dir, "cases", "--json")))
    # Another laptop: its own per-user state (a restore beside the live store on the same
    # computer would be an older copy of it, opened read-only).
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "new-laptop-state"))
    target = tmp_path / "new-laptop" / "data"
    restored = ok(clinic(target, "restore", str(backup)))
    assert f"into {target}" in restored and "passphrase" in restored

    after = json.loads(ok(clinic(target, "cases", "--json")))
    assert len(before) >= DEMO_CLIENTS
    assert after == before

    original_vault, restored_vault = fingerprint(data_dir / "vault"), fingerprint(target / "vault")
    assert len([v for v in original_vault.values() if v != "/"]) > 0
    assert restored_vault == original_vault  # every vault file's SHA-256, and no other file

    assert "All checks passed." in ok(clinic(target, "doctor"))
    assert "intact" in ok(clinic(target, "verify-audit"))
    assert not [p for p in target.parent.iterdir() if p.name != "data"]  # no staging left


def test_verify_reports_an_intact_backup(demo: tuple[Path, Path]) -> None:
    data_dir, backup = demo
    before = fingerprint(backup.parent)
    checked = ok(clinic(data_dir, "backup", "--verify", str(backup)))
    assert "is intact" in checked and f"{DEMO_CLIENTS} clients" in checked
    assert fingerprint(backup.parent) == before
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".clinic-")]


@pytest.mark.parametrize("which", ["vault", "clinic.db"])
def test_verify_names_the_member_with_a_flipped_byte_and_exits_4(
    demo: tuple[Path, Path], tmp_path: Path, which: str
) -> None:
    data_dir, backup = demo
    member = vault_member(backup) if which == "vault" else which
    damaged = tmp_path / "damaged.clinicbackup"
    flip_byte_in(backup, member, damaged)
    result = clinic(data_dir, "backup", "--verify", str(damaged))
    assert result.returncode == 4, result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if line.startswith("problem: ")]
    assert any(member in line for line in problems), result.stdout
    assert "do not rely on it" in result.stdout

    target = tmp_path / "restored"
    refused = clinic(target, "restore", str(damaged))
    assert refused.returncode == 4, refused.stderr
    assert member in refused.stderr and "nothing was changed" in refused.stderr
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.clinicbackup"]


def test_a_file_that_is_no_backup_exits_4(demo: tuple[Path, Path], tmp_path: Path) -> None:
    data_dir, backup = demo
    truncated = tmp_path / "truncated.clinicbackup"
    truncated.write_bytes(backup.read_bytes()[:1000])
    result = clinic(data_dir, "backup", "--verify", str(truncated))
    assert result.returncode == 4
    assert "problem: it is not a Clinic backup" in result.stdout


def test_a_wrong_passphrase_exits_3_and_creates_nothing(
    demo: tuple[Path, Path], tmp_path: Path
) -> None:
    data_dir, backup = demo
    checked = clinic(data_dir, "backup", "--verify", str(backup), stdin="not the passphrase")
    assert checked.returncode == 3, checked.stdout + checked.stderr
    assert "does not open this backup" in checked.stderr
    target = tmp_path / "restored"
    restored = clinic(target, "restore", str(backup), stdin="not the passphrase")
    assert restored.returncode == 3, restored.stdout + restored.stderr
    assert "Nothing was changed" in restored.stderr
    assert list(tmp_path.iterdir()) == []


def test_restore_into_a_folder_that_is_not_empty_is_refused(
    demo: tuple[Path, Path], tmp_path: Path
) -> None:
    data_dir, backup = demo
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine")
    before_busy, before_store = fingerprint(busy), fingerprint(data_dir)
    for folder in (busy, data_dir):  # any non-empty folder, and the current store itself
        result = clinic(folder, "restore", str(backup))
        assert result.returncode == 1, result.stdout + result.stderr
        assert "not empty" in result.stderr and "--over-current" in result.stderr
    assert fingerprint(busy) == before_busy
    assert fingerprint(data_dir) == before_store
    assert sorted(p.name for p in tmp_path.iterdir()) == ["busy"]


def test_restore_over_current_keeps_a_safety_copy_and_says_where(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    ok(clinic(data_dir, "init"))
    ok(clinic(data_dir, "demo", "--clients", "2", "--seed", "5"))
    backup = tmp_path / "b.clinicbackup"
    ok(clinic(data_dir, "backup", "--to", str(backup)))
    expected = ok(clinic(data_dir, "cases", "--json"))
    ok(clinic(data_dir, "demo", "--clients", "1", "--seed", "6"))  # work done after the backup
    before = fingerprint(data_dir)

    result = ok(clinic(tmp_path / "data", "restore", "--over-current", str(backup)))
    safety = next(p for p in tmp_path.iterdir() if p.name.startswith("data.before-restore-"))
    assert f"safety copy in {safety}" in result
    assert fingerprint(safety) == before
    assert ok(clinic(data_dir, "cases", "--json")) == expected


def test_backup_into_a_folder_and_doctor_warns_without_failing(
    demo: tuple[Path, Path], tmp_path: Path
) -> None:
    data_dir, _backup = demo
    made = ok(clinic(data_dir, "backup", "--to-folder", str(tmp_path)))
    [written] = list(tmp_path.iterdir())
    assert written.name.startswith("Clinic-backup-") and written.suffix == ".clinicbackup"
    assert str(written) in made
    again = clinic(data_dir, "backup", "--to", str(written))
    assert again.returncode == 1 and "never overwrite" in again.stderr
    nowhere = clinic(data_dir, "backup")
    assert nowhere.returncode == 2 and "--to-folder" in nowhere.stderr

    doctor = clinic(data_dir, "doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "backup folder: none set" in doctor.stdout and "WARNING" in doctor.stdout
    assert "All checks passed." in doctor.stdout


@pytest.mark.requires_tool("pdftotext", "poppler-utils")
def test_restore_and_verify_with_the_printed_recovery_key(
    demo: tuple[Path, Path], tmp_path: Path
) -> None:
    data_dir, backup = demo
    kit = tmp_path / "kit.pdf"
    ok(clinic(data_dir, "recovery-kit", "--out", str(kit)))
    text = subprocess.run(
        ["pdftotext", str(kit), "-"], capture_output=True, text=True, check=True
    ).stdout
    printed_key = " ".join(text.split("Recovery key", 1)[1].split()[:8])
    checked = clinic(
        data_dir, "backup", "--verify", str(backup), "--recovery-key", stdin=printed_key
    )
    assert "is intact" in ok(checked)
    target = tmp_path / "restored"
    ok(clinic(target, "restore", "--recovery-key", str(backup), stdin=printed_key))
    assert ok(clinic(target, "cases", "--json")) == ok(clinic(data_dir, "cases", "--json"))
    wrong = clinic(tmp_path / "other", "restore", "--recovery-key", str(backup), stdin="ab" * 32)
    assert wrong.returncode == 3 and "does not belong" in wrong.stderr
