"""Timing the services' bulk path (issue 20 § 5): ``clinic demo`` and a spreadsheet import.

    python -m bench.bulk_paths demo 1000      # demo clients into a fresh store
    python -m bench.bulk_paths import 10000   # a generated sheet of that many clients

Each run uses a fresh store in a temporary folder (cheap key wrapping: the passphrase's
scrypt is not what is measured) and prints wall and CPU seconds for each phase and the load
average, one JSON line. A demo run also reports the SQL statements executed per client (the
floor of a path that writes row by row) and its CPU seconds extrapolated to 100,000 clients,
as a ratio to the 5-minute target (issue 20 § 5). Not part of ``make bench``: the figures are
in bench/notes.md (sixth pass on). The sheet is invented (names, A-numbers, dates), with a
child on about 30 % of rows.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event

from clinic.services import importing, lifecycle
from clinic.services.demo import fill_demo_data
from clinic.storage import keys
from clinic.storage.store import Store

TODAY = date(2026, 12, 7)
_FAMILY = ("García", "Núñez", "Hernández", "López", "Nguyễn", "Ivanov", "Haile", "Okafor")
_GIVEN = ("José", "María", "Ana", "Minh", "Olga", "Abebe", "Ama", "Ayşe", "Zahra", "Omar")
HEADER = "Family name,Given name,A#,Date of birth,Country,Arrival,Claim type,Court,Hearing date"


def sheet(clients: int, seed: int = 7) -> bytes:
    """A CSV of ``clients`` distinct clients (numbered names, distinct A-numbers), half in
    court with a hearing, and a child listed under about 30 % of them."""
    rng = random.Random(seed)
    lines = [HEADER + ",Relationship"]
    numbers = rng.sample(range(200_000_000, 250_000_000), clients)
    for i, number in enumerate(numbers):
        family, given = f"{rng.choice(_FAMILY)} {i}", rng.choice(_GIVEN)
        born = f"19{rng.randint(60, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        arrived = f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        court = rng.random() < 0.5
        claim, where = ("defensive", "San Antonio") if court else ("affirmative", "")
        hearing = f"2027-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}" if court else ""
        row = [family, given, f"A{number}", born, "Honduras", arrived, claim, where, hearing, ""]
        lines.append(",".join(row))
        if rng.random() < 0.3:
            lines.append(f"{family},{rng.choice(_GIVEN)},,2015-06-01,,,,,,child")
    return ("\n".join(lines) + "\n").encode()


FULL_SIZE = 100_000  # clients of the benchmark's fixture
TARGET_S = 300.0  # issue 20 § 5: 100,000 demo clients in at most five minutes


class _Statements:
    """Counts the SQL statements (an executemany counts once) run on the store's engine."""

    def __init__(self, store: Store) -> None:
        self.count = 0
        self._engine = store.engine
        event.listen(self._engine, "before_cursor_execute", self._seen)

    def _seen(self, *_: Any) -> None:
        self.count += 1

    def stop(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._seen)


def _timed(what: Callable[[], Any]) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = what()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str]) -> dict[str, Any]:
    kind, count = argv[0], int(argv[1])
    keys.SCRYPT_N = 2**12
    report: dict[str, Any] = {"kind": kind, "count": count, "load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="clinic-bulk-") as root:
        store = lifecycle.init_store(
            data_dir=lifecycle.resolve_data_dir(Path(root) / "data"),
            passphrase="bench only",
            actor="b",
        )
        try:
            report |= _run(store, kind, count)
        finally:
            store.lock()
    report["load_after"] = os.getloadavg()
    return report


def _run(store: Store, kind: str, count: int) -> dict[str, Any]:
    report: dict[str, Any] = {}
    if kind == "demo":
        statements = _Statements(store)
        summary, report["wall_s"], report["cpu_s"] = _timed(
            lambda: fill_demo_data(store=store, clients=count, today=TODAY)
        )
        statements.stop()
        per_client = report["cpu_s"] / max(count, 1)
        report |= {
            "files": summary.files,
            "statements": statements.count,
            "statements_per_client": statements.count / max(count, 1),
            "cpu_ms_per_client": per_client * 1000,
            "cpu_s_100k": per_client * FULL_SIZE,
            "ratio_to_target": per_client * FULL_SIZE / TARGET_S,
        }
        return report
    data = sheet(count)
    plan, report["plan_wall_s"], report["plan_cpu_s"] = _timed(
        lambda: importing.plan_import(store=store, data=data, file_name="bench.csv", today=TODAY)
    )
    outcome, report["commit_wall_s"], report["commit_cpu_s"] = _timed(
        lambda: importing.commit_import(store=store, plan=plan, skip_invalid=True)
    )
    report["clients"] = outcome.clients
    return report


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
