"""Issue 16 § 3: a check running while another process writes never reports tampering.

The review saw `verify-audit` say "The audit trail was altered" 4 times out of 6 beside a
writer: it read the database, then a newer head file. Here another process fills the demo clinic
through the services, a transaction per action, while this process runs `verify_audit` and `doctor` (and the command line's `verify-audit`) in a
loop. ``CLINIC_RACE_SECONDS`` sets how long (default 6 s in `make test`; `make test-faults`
runs it for minutes).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clinic import cli
from clinic.services import lifecycle
from clinic.storage.datadir import DataDir

PASSPHRASE = "correct horse battery staple"
SECONDS = float(os.environ.get("CLINIC_RACE_SECONDS", "6"))


# The writer: another process filling the demo clinic through the services, one transaction per
# action as a person's saves are (``clinic demo`` now writes 500 clients per transaction, so a
# check loop of a few minutes saw only three states of the store: too few to race against).
WRITER = """
import sys
from datetime import date
from pathlib import Path
from clinic.services import lifecycle
from clinic.services.demo import fill_demo_data
from clinic.storage.datadir import DataDir
store = lifecycle.unlock_store(
    data_dir=DataDir(Path(sys.argv[1])), passphrase=sys.stdin.readline().rstrip("\\n"), actor="writer"
)
try:
    fill_demo_data(store=store, clients=int(sys.argv[2]), seed=5, today=date.today(), one_by_one=True)
finally:
    store.lock()
"""


def start_writer(data: Path, clients: int) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data), str(clients)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_checks_beside_a_live_writer_never_cry_tamper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = DataDir(tmp_path / "data")
    lifecycle.init_store(data_dir=data, passphrase=PASSPHRASE, actor="t").lock()
    writer = start_writer(data.root, 3000)
    assert writer.stdin is not None
    writer.stdin.write(PASSPHRASE + "\n")
    writer.stdin.close()
    store = lifecycle.unlock_store(data_dir=data, passphrase=PASSPHRASE, actor="checker")
    checks, seen_entries, problems = 0, set(), []
    try:
        started = time.monotonic()  # the writer imports Clinic first: wait for its first save
        while lifecycle.verify_audit(store=store).entries == 0 and writer.poll() is None:
            assert time.monotonic() - started < 120, "the writer never wrote"
            time.sleep(0.05)
        deadline = time.monotonic() + SECONDS
        while time.monotonic() < deadline and writer.poll() is None:
            report = lifecycle.verify_audit(store=store)
            checks += 1
            seen_entries.add(report.entries)
            if not report.ok:
                problems.append((report.entries, report.head_problem, report.breaks))
            if checks % 10 == 0:
                doctor = lifecycle.doctor(store=store)
                if doctor.audit_heads is not None or doctor.integrity != ("ok",):
                    problems.append(("doctor", doctor.audit_heads, doctor.integrity))
            if checks % 15 == 0:
                monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
                out = io.StringIO()
                argv = ["--data-dir", str(data.root), "--passphrase-stdin", "verify-audit"]
                code = cli.run(cli.parse(argv), out)
                if code != 0:
                    problems.append(("cli", code, out.getvalue()))
    finally:
        store.lock()
        writer.kill()
        writer.wait(timeout=30)
    assert len(seen_entries) > 3, "the writer did not write while the checks ran"
    assert problems == [], problems[:3]
