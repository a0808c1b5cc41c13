"""Measurement 13 (issue 21): office mode under load.

``workers`` simulated staff members, one process each with their own login, run a scripted day
(bench/office_load_child.py: search, open a case, edit it, add a note, schedule a hearing,
attach a 1 MB file, print the checklist; about one second of think time between operations)
for ``seconds`` against an office database on a throwaway local PostgreSQL server (the tests'
own cluster: TLS, SCRAM), holding the demo clinic built through the services' bulk path
(``clinic demo``'s code) and moved in with ``import-store``. The baseline, in the same run: one
process running the same day on the laptop store the office database was moved from.

Reported per operation: p50/p95 in office mode (every worker's samples), on the laptop, and the
ratio; targets ≤ 2× the laptop and ≤ 150 ms for the operations that are not PDF rendering.
Afterwards every write a service acknowledged is looked for in the office database (0 lost);
conflicts (a save over a colleague's newer change, refused and shown side by side in the window)
and saves refused because a colleague saved the same row at the same moment (ChangedMeanwhile:
the window keeps the input and says to save again) are counted; any other error is listed (0
deadlock or serialisation errors is the target).
"""

from __future__ import annotations

import json
import os
import secrets
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import psycopg

from clinic.services import lifecycle, office, office_import
from clinic.services.demo import fill_demo_data
from clinic.storage import postgres_server
from tests.office import pg_cluster

TODAY = date(2026, 11, 28)
PASSPHRASE = "load benchmark passphrase, synthetic data only"
DATABASE = "clinic_load"
PDF_OPERATIONS = {"checklist_pdf"}
HERE = Path(__file__).resolve().parent


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _child(
    connection: dict[str, Any], *, seconds: float, think: float, seed: int
) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bench.office_load_child",
            "--seconds",
            str(seconds),
            "--think",
            str(think),
            "--seed",
            str(seed),
        ],
        cwd=HERE.parent,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert process.stdin is not None
    process.stdin.write(json.dumps(connection) + "\n")
    process.stdin.close()
    process.stdin = None  # communicate() would flush the closed pipe
    return process


def _collect(processes: list[subprocess.Popen[str]], timeout: float) -> list[dict[str, Any]]:
    results = []
    for process in processes:
        out, err = process.communicate(timeout=timeout)
        if process.returncode != 0:
            raise RuntimeError(f"a load worker failed ({process.returncode}):\n{err[-3000:]}")
        results.append(json.loads(out))
    return results


def _lost_writes(cluster: pg_cluster.Cluster, acknowledged: list[dict[str, Any]]) -> list[str]:
    """Every acknowledged write looked for in the office database: what is missing."""
    lost: list[str] = []
    with psycopg.connect(cluster.conninfo(DATABASE)) as connection:
        for write in acknowledged:
            kind = write["kind"]
            if kind == "note":
                row = connection.execute(
                    "SELECT body FROM note WHERE id = %s", (write["id"],)
                ).fetchone()
                found = row is not None and row[0] == write["body"]
            elif kind == "hearing":
                found = (
                    connection.execute(
                        "SELECT 1 FROM hearing WHERE id = %s", (write["id"],)
                    ).fetchone()
                    is not None
                )
            elif kind == "file":
                row = connection.execute(
                    "SELECT f.sha256, (SELECT count(*) FROM office_blob_chunk c "
                    "WHERE c.name = f.vault_name) FROM evidence_file f WHERE f.id = %s",
                    (write["id"],),
                ).fetchone()
                found = row is not None and row[0] == write["sha256"] and row[1] > 0
            else:  # an edit: the audit trail holds the change to that value
                found = (
                    connection.execute(
                        "SELECT 1 FROM audit_entry WHERE entity = 'case' AND entity_id = %s "
                        "AND changes::jsonb -> 'judge' ->> 1 = %s LIMIT 1",
                        (write["case_id"], write["judge"]),
                    ).fetchone()
                    is not None
                )
            if not found:
                lost.append(json.dumps(write))
    return lost


def _logins(cluster: pg_cluster.Cluster, workers: int) -> list[tuple[str, str]]:
    target = pg_cluster.superuser_target(cluster, DATABASE)
    made = []
    for n in range(workers):
        login = f"load{n:02d}"
        postgres_server.add_staff(
            target, cluster.superuser_password, login=login, role="paralegal", full_name=f"Load {n}"
        )
        password = secrets.token_urlsafe(15)
        with psycopg.connect(cluster.conninfo(DATABASE), autocommit=True) as connection:
            connection.execute(
                f"ALTER ROLE \"{login}\" PASSWORD '{password}' VALID UNTIL 'infinity'".encode()
            )
        made.append((login, password))
    return made


def measure_office_load(
    root: Path, *, clients: int, workers: int, seconds: float, think: float = 1.0
) -> dict[str, Any]:
    try:
        cluster = pg_cluster.start_cluster()
    except pg_cluster.ServerMissing as exc:
        return {"available": False, "reason": str(exc)}
    try:
        data_dir = lifecycle.resolve_data_dir(root / "load-laptop")
        store = lifecycle.init_store(data_dir=data_dir, passphrase=PASSPHRASE, actor="bench")
        started = time.perf_counter()
        try:
            fill_demo_data(store=store, clients=clients, today=TODAY)
        finally:
            store.lock()
        fill_s = time.perf_counter() - started
        pg_cluster.create_database(cluster, DATABASE)
        superuser = pg_cluster.superuser_target(cluster, DATABASE)
        office.init_server(target=superuser, password=cluster.superuser_password)
        started = time.perf_counter()
        office_import.import_laptop_store(
            target=superuser,
            password=cluster.superuser_password,
            data_dir=data_dir,
            passphrase=PASSPHRASE,
        )
        import_s = time.perf_counter() - started

        # The baseline: the same day, alone, on the laptop store.
        laptop = _collect(
            [
                _child(
                    {
                        "mode": "laptop",
                        "data_dir": str(data_dir.root),
                        "passphrase": PASSPHRASE,
                        "actor": "laptop",
                    },
                    seconds=seconds,
                    think=think,
                    seed=1000,
                )
            ],
            timeout=seconds + 300,
        )[0]

        logins = _logins(cluster, workers)
        load_before = os.getloadavg()
        staff = [
            _child(
                {
                    "mode": "office",
                    "host": "localhost",
                    "port": cluster.port,
                    "database": DATABASE,
                    "user": login,
                    "password": password,
                    "ca_file": str(cluster.ca_file),
                },
                seconds=seconds,
                think=think,
                seed=n,
            )
            for n, (login, password) in enumerate(logins)
        ]
        results = _collect(staff, timeout=seconds + 600)
        load_after = os.getloadavg()
        acknowledged = [w for r in results for w in r["acknowledged"]]
        lost = _lost_writes(cluster, acknowledged)
    finally:
        cluster.stop()
    return _report(
        laptop,
        results,
        lost=lost,
        acknowledged=len(acknowledged),
        clients=clients,
        workers=workers,
        seconds=seconds,
        fill_s=fill_s,
        import_s=import_s,
        load=(load_before, load_after),
    )


def _report(
    laptop: dict[str, Any],
    results: list[dict[str, Any]],
    *,
    lost: list[str],
    acknowledged: int,
    clients: int,
    workers: int,
    seconds: float,
    fill_s: float,
    import_s: float,
    load: tuple[Any, Any],
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "clients": clients,
        "workers": workers,
        "seconds": seconds,
        "fixture_fill_s": round(fill_s, 1),
        "import_store_s": round(import_s, 1),
        "load_average_before_after": [list(load[0]), list(load[1])],
    }
    errors = [e for r in results for e in r["errors"]]
    met = True
    for op, laptop_times in laptop["times_ms"].items():
        office_times = [t for r in results for t in r["times_ms"][op]]
        if not office_times or not laptop_times:
            out[op] = {"samples": len(office_times), "met": False}
            met = False
            continue
        p95, base = _pct(office_times, 0.95), _pct(laptop_times, 0.95)
        ok = p95 / base <= 2 and (op in PDF_OPERATIONS or p95 <= 150)
        met = met and ok
        out[op] = {
            "office_p50_ms": round(statistics.median(office_times), 1),
            "office_p95_ms": round(p95, 1),
            "office_samples": len(office_times),
            "laptop_p95_ms": round(base, 1),
            "laptop_samples": len(laptop_times),
            "ratio_p95": round(p95 / base, 2),
            "met": ok,
        }
    out["acknowledged_writes"] = acknowledged
    out["lost_acknowledged_writes"] = len(lost)
    out["lost_examples"] = lost[:5]
    out["conflicts_shown"] = sum(r["conflicts"] for r in results)
    out["saved_at_the_same_moment_shown"] = sum(r["changed_meanwhile"] for r in results)
    out["other_errors"] = len(errors)
    out["error_examples"] = errors[:5]
    out["target"] = (
        "p95 per operation <= 2x the laptop's and <= 150 ms (not PDF); 0 lost acknowledged "
        "writes; 0 unhandled errors"
    )
    out["met"] = met and not lost and not errors
    return out
