"""Issue 16 § 6: orphan encrypted vault blobs are reported by ``doctor`` and swept by
``doctor --repair`` (only those over an hour old: a younger one may be a file being added)."""

from __future__ import annotations

import io
import os
import secrets
import shutil
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from clinic import cli
from clinic.services import lifecycle
from clinic.services.demo import fill_demo_data
from clinic.storage.datadir import DataDir
from clinic.storage.models import AuditEntry

PASSPHRASE = "correct horse battery staple"


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str]:
    old = sys.stdin
    sys.stdin = io.StringIO(f"{PASSPHRASE}\n")
    try:
        capsys.readouterr()
        code = cli.run(cli.parse(["--data-dir", str(data), "--passphrase-stdin", *args]))
    finally:
        sys.stdin = old
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _orphan(vault: Path, source: Path, age: float) -> Path:
    name = secrets.token_hex(16)
    target = vault / name[:2] / name
    target.parent.mkdir(exist_ok=True)
    shutil.copyfile(source, target)
    os.utime(target, (time.time() - age, time.time() - age))
    return target


def test_doctor_reports_orphans_and_repair_sweeps_the_old_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    store = lifecycle.init_store(data_dir=DataDir(data), passphrase=PASSPHRASE, actor="t")
    try:
        fill_demo_data(store=store, clients=3, seed=4, today=date(2026, 11, 2))
    finally:
        store.lock()
    blobs = [p for p in (data / "vault").rglob("*") if p.is_file()]
    assert blobs, "the demo should give a scanned file"
    old = _orphan(data / "vault", blobs[0], age=2 * 3600)
    young = _orphan(data / "vault", blobs[0], age=60)
    code, report = run(capsys, data, "doctor")
    assert "files orphaned: 2" in report, report
    code, report = run(capsys, data, "doctor", "--repair")
    assert code == 0, report
    assert "orphan vault files removed: 1" in report, report
    assert "under an hour old): 1" in report, report
    assert "files orphaned: 1" in report and "files damaged: none" in report, report
    assert not old.exists() and young.exists()
    assert all(b.exists() for b in blobs)
    store = lifecycle.unlock_store(data_dir=DataDir(data), passphrase=PASSPHRASE, actor="t")
    try:
        with store.unit_of_work() as session:
            last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    finally:
        store.lock()
    assert last is not None and "orphan_vault_files_removed" in str(last.changes)
