"""The foundation's acceptance checks, run as a user would: the real `clinic` command."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from clinic.services import lifecycle, staff

PASSPHRASE = "correct horse battery staple"
DEMO_CLIENTS = 200

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
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("acceptance") / "data"
    created = clinic(data_dir, "init")
    assert created.returncode == 0, created.stderr
    filled = clinic(data_dir, "demo", "--clients", str(DEMO_CLIENTS), "--seed", "7")
    assert filled.returncode == 0, filled.stderr
    assert f"Added {DEMO_CLIENTS} clients" in filled.stdout
    return data_dir


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "clinic", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("clinic ")


def test_database_is_unreadable_without_the_key(demo_store: Path) -> None:
    database = demo_store / "clinic.db"
    assert database.read_bytes()[:16] != b"SQLite format 3\x00"
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(database).execute("SELECT name FROM sqlite_master").fetchall()


def test_no_client_name_appears_in_plaintext_anywhere(demo_store: Path) -> None:
    listed = clinic(demo_store, "cases", "--json")
    assert listed.returncode == 0, listed.stderr
    cases = json.loads(listed.stdout)
    assert len(cases) >= DEMO_CLIENTS
    found = clinic(demo_store, "search", cases[0]["client_name"].split(",")[0], "--json")
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["cases"], "searching a listed family name finds it"
    names: set[str] = set()
    for case in cases:
        family, _, given = case["client_name"].partition(", ")
        names.update(n for n in (family, family.title(), given) if len(n) >= 4)
        if case["a_number"]:
            names.add(case["a_number"].replace("A-", "").replace("-", ""))
    needles = {n.encode("utf-8") for n in names} | {n.encode("utf-16-le") for n in names}
    files = [p for p in demo_store.rglob("*") if p.is_file()]
    assert any(p.name == "clinic.db" for p in files)
    assert any("vault" in p.parts for p in files), "demo data includes encrypted evidence files"
    for path in files:
        content = path.read_bytes()
        leaked = [n for n in needles if n in content]
        assert not leaked, f"{path.name} holds {leaked[:3]} in plaintext"


def test_doctor_and_audit_report_a_healthy_store(demo_store: Path) -> None:
    doctor = clinic(demo_store, "doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "All checks passed." in doctor.stdout
    assert "cipher integrity: none" in doctor.stdout
    audit = clinic(demo_store, "verify-audit")
    assert audit.returncode == 0, audit.stdout + audit.stderr
    assert "intact" in audit.stdout


def test_wrong_passphrase_exits_3_and_changes_no_byte(demo_store: Path) -> None:
    before = fingerprint(demo_store)
    result = clinic(demo_store, "cases", stdin="not the passphrase")
    assert result.returncode == 3
    assert "passphrase is not correct" in result.stderr
    assert fingerprint(demo_store) == before


def test_no_passphrase_without_a_terminal_exits_3_with_advice(demo_store: Path) -> None:
    result = clinic(demo_store, "cases", stdin=None)
    assert result.returncode == 3
    assert "passphrase" in result.stderr


@pytest.mark.parametrize("damage", ["truncate", "garbage"])
def test_damaged_database_exits_4_and_is_left_unchanged(tmp_path: Path, damage: str) -> None:
    data_dir = tmp_path / "data"
    assert clinic(data_dir, "init").returncode == 0
    assert clinic(data_dir, "demo", "--clients", "5").returncode == 0
    for sidecar in ("clinic.db-wal", "clinic.db-shm"):
        (data_dir / sidecar).unlink(missing_ok=True)
    database = data_dir / "clinic.db"
    content = database.read_bytes()
    database.write_bytes(
        content[: len(content) // 3] if damage == "truncate" else os.urandom(len(content))
    )
    before = fingerprint(data_dir)
    result = clinic(data_dir, "cases")
    assert result.returncode == 4, result.stderr
    assert "damaged" in result.stderr
    assert fingerprint(data_dir) == before


def test_init_refuses_to_overwrite_an_existing_store(demo_store: Path) -> None:
    before = fingerprint(demo_store)
    result = clinic(demo_store, "init")
    assert result.returncode == 1
    assert "no new store is made there" in result.stderr  # the folder holds a store
    assert fingerprint(demo_store) == before


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    result = clinic(tmp_path, "frobnicate", stdin=None)
    assert result.returncode == 2


def test_recovery_kit_then_unlock_with_the_printed_key(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert clinic(data_dir, "init").returncode == 0
    kit = tmp_path / "kit.pdf"
    saved = clinic(data_dir, "recovery-kit", "--out", str(kit))
    assert saved.returncode == 0, saved.stderr
    assert clinic(data_dir, "recovery-kit", "--out", str(kit)).returncode == 2  # never overwrites
    text = subprocess.run(
        ["pdftotext", str(kit), "-"], capture_output=True, text=True, check=True
    ).stdout
    printed_key = " ".join(text.split("Recovery key", 1)[1].split()[:8])
    unlocked = clinic(
        data_dir,
        "unlock",
        "--recovery-key",
        "--new-passphrase",
        stdin=f"{printed_key}\nanother long passphrase\n",
    )
    assert unlocked.returncode == 0, unlocked.stderr
    assert clinic(data_dir, "cases").returncode == 3  # the old passphrase no longer opens it
    assert clinic(data_dir, "cases", stdin="another long passphrase").returncode == 0


def _independent_sqlcipher4() -> str | None:
    tool = shutil.which("sqlcipher")
    if tool is None:
        return None
    version = subprocess.run([tool, "-version"], capture_output=True, text=True, check=False).stdout
    return tool if "SQLCipher 4" in version else None


def test_printed_recovery_key_opens_the_database_without_clinic(
    demo_store: Path, tmp_path: Path
) -> None:
    tool = _independent_sqlcipher4()
    if tool is None:
        pytest.skip("no SQLCipher 4 command-line client (make system-deps installs one as root)")
    kit = tmp_path / "kit.pdf"
    assert clinic(demo_store, "recovery-kit", "--out", str(kit)).returncode == 0
    text = subprocess.run(
        ["pdftotext", str(kit), "-"], capture_output=True, text=True, check=True
    ).stdout
    key = "".join(text.split("Recovery key", 1)[1].split()[:8]).lower()
    copy = tmp_path / "copy"
    shutil.copytree(demo_store, copy)  # the store is closed: no live WAL to race with
    script = f"PRAGMA key = \"x'{key}'\";\nSELECT count(*) FROM client;\n"
    result = subprocess.run(
        [tool, str(copy / "clinic.db")], input=script, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(DEMO_CLIENTS)


def test_checklist_pdf_for_a_case(demo_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "checklist.pdf"
    store = lifecycle.unlock_store(
        data_dir=lifecycle.resolve_data_dir(demo_store), passphrase=PASSPHRASE, actor="t"
    )
    try:
        me = staff.list_staff(store=store)[0].name
    finally:
        store.lock()
    made = clinic(demo_store, "checklist", "1", "--out", str(out), "--prepared-by", me)
    assert made.returncode == 0, made.stderr
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Page 1 of" in text
    assert f"Prepared by {me}" in " ".join(text.split())
    again = clinic(demo_store, "checklist", "1", "--out", str(out))
    assert again.returncode != 0 and "exists" in again.stderr
