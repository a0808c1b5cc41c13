"""Measurement 11 (issue 20 § 2): recomputing deadlines after a settings change.

Every figure against a baseline measured in the same run on the same store: reading, on a raw
keyed connection and computing nothing, every row a recompute of every case must look at
(``bench.raw_sql.read_deadline_inputs``).

- worst case: a rule change whose recompute covers every case (the pending scope widened to
  every case, then ``run_pending``, as the app runs it after a save) -- target <= 1.5x the raw
  read; and every case with nothing to change;
- typical changes through ``update_settings`` (the Settings page's save): one rule's amount
  (individual-hearing-filing 15 <-> 30 days) and one closure day added or removed -- target
  <= 1 s each;
- the write lock: during a worst-case recompute a colleague saves every ``WRITER_EVERY_S`` on
  another connection (``BEGIN IMMEDIATE``, one case's row changed, ``COMMIT``); the longest of
  those saves (its wait for the lock included) and the longest the recompute held the lock
  in one chunk are reported -- target <= 0.5 s each.
"""

from __future__ import annotations

import contextlib
import statistics
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from bench.raw_sql import read_deadline_inputs
from clinic.services import deadline_recompute
from clinic.services import settings as settings_service
from clinic.services.deadline_recompute import (
    PENDING_KEY,
    RecomputeCancelled,
    RecomputeReport,
    RecomputeScope,
)
from clinic.services.results import Entity
from clinic.services.settings_schema import ClinicSettings
from clinic.storage.models import Setting
from clinic.storage.store import Store

RULE = "individual-hearing-filing"
WORST_LIMIT, TYPICAL_LIMIT_S, LOCK_LIMIT_S = 1.5, 1.0, 0.5
WRITER_EVERY_S = 0.25


def _summary(values: list[float]) -> dict[str, float]:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "runs": len(values),
    }


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def _save_without_recompute(store: Store, settings: ClinicSettings) -> None:
    """Save ``settings`` as the Settings page does, stopped before its first chunk, then widen
    what is pending to every case (the worst case: a change every case's deadlines cross)."""
    with contextlib.suppress(RecomputeCancelled):
        settings_service.update_settings(store=store, settings=settings, cancelled=lambda: True)
    with store.unit_of_work() as session:
        row = session.get(Setting, PENDING_KEY)
        if row is not None:
            session.delete(row)
            session.flush()
        deadline_recompute.mark_pending(session, RecomputeScope(every_case=True))


class ConcurrentWriter:
    """A colleague saving on another connection while a recompute runs: one short write
    transaction every ``every`` seconds; each save's duration (its wait for the lock included)."""

    def __init__(self, store: Store, every: float = WRITER_EVERY_S) -> None:
        self.store = store
        self.every = every
        self.waits: list[float] = []
        self.failures: list[str] = []
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> ConcurrentWriter:
        # The colleague's connection is open before the recompute starts, and their first save
        # races with its start: a small store recomputes in less than ``every`` seconds, and a
        # writer that only saved after its first pause would never have met the recompute at all.
        self._thread.start()
        self._ready.wait()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        try:
            connection = self.store.raw_connection()
        except Exception as exc:  # reported, never hidden; the recompute is not left waiting
            self.failures.append(str(exc))
            self._ready.set()
            return
        try:
            last = connection.execute("SELECT max(id) FROM asylum_case").fetchone()[0] or 1
            n = 0
            self._ready.set()
            while n == 0 or not self._stop.wait(self.every):
                n += 1
                started = time.perf_counter()
                try:
                    connection.execute("BEGIN IMMEDIATE")
                    connection.execute(
                        "UPDATE asylum_case SET forum_name = forum_name || '.' WHERE id = ?",
                        (1 + (n * 7919) % last,),
                    )
                    connection.execute("COMMIT")
                except Exception as exc:  # reported, never hidden
                    self.failures.append(str(exc))
                    connection.execute("ROLLBACK") if connection.in_transaction else None
                self.waits.append(time.perf_counter() - started)
        finally:
            connection.close()


def _closure_day(store: Store, today: date) -> str:
    """A weekday about three weeks ahead on which some deadline falls due (a typical closure:
    the clinic closes next month for a storm or an outage)."""
    connection = store.raw_connection()
    try:
        start = today + timedelta(days=21)
        row = connection.execute(
            "SELECT due_on FROM deadline WHERE rule_id IS NOT NULL AND due_on >= ? "
            "ORDER BY due_on LIMIT 1",
            (start.isoformat(),),
        ).fetchone()
    finally:
        connection.close()
    return str(row[0]) if row else start.isoformat()


def measure_recompute(store: Store, clients: int, repeats: int, today: date) -> dict[str, Any]:
    repeats = max(2, repeats)
    reads: list[float] = []
    worst: list[float] = []
    worst_cases: list[int] = []
    worst_changed: list[int] = []
    steady: list[float] = []
    rule: list[float] = []
    rule_cases: list[int] = []
    closure: list[float] = []
    closure_cases: list[int] = []
    holds: list[float] = []
    retries: list[int] = []
    writer_waits: list[float] = []
    writer_failures: list[str] = []
    day = _closure_day(store, today)
    for run in range(repeats):
        reads.append(_timed(lambda: read_deadline_inputs(store))[0])
        # Worst case: a rule change recomputed over every case, a colleague saving meanwhile.
        amounts = {RULE: 30} if run % 2 == 0 else {}
        _save_without_recompute(store, ClinicSettings(rule_days=amounts))
        with ConcurrentWriter(store) as writer:
            seconds, report = _timed(lambda: deadline_recompute.run_pending(store=store))
        assert isinstance(report, RecomputeReport)
        worst.append(seconds)
        worst_cases.append(report.cases)
        worst_changed.append(len(report.changes.ids(Entity.CASE)))
        holds.append(report.longest_write_s)
        retries.append(report.retries)
        writer_waits.extend(writer.waits)
        writer_failures.extend(writer.failures)
        # Every case, nothing to change.
        seconds, report = _timed(lambda: deadline_recompute.recompute_every_case(store=store))
        steady.append(seconds)
        holds.append(report.longest_write_s)
        # Typical: one rule's amount back (or forth), through the Settings page's save.
        back = {} if run % 2 == 0 else {RULE: 30}
        seconds, result = _timed(
            lambda b=back: settings_service.update_settings(  # type: ignore[misc]
                store=store, settings=ClinicSettings(rule_days=b)
            )
        )
        rule.append(seconds)
        rule_cases.append(len(result.changes.ids(Entity.CASE)))
        # Typical: one closure day added, then removed again.
        for closures in ({day: "clinic closed (storm)"}, {}):
            seconds, result = _timed(
                lambda c=closures, b=back: settings_service.update_settings(  # type: ignore[misc]
                    store=store, settings=ClinicSettings(rule_days=b, closure_days=c)
                )
            )
            closure.append(seconds)
            closure_cases.append(len(result.changes.ids(Entity.CASE)))
    if repeats % 2:  # leave the store with the rules' default amounts
        settings_service.update_settings(store=store, settings=ClinicSettings())
    ratio = [w / r for w, r in zip(worst, reads, strict=True)]
    longest_wait = max(writer_waits, default=0.0)
    longest_hold = max(holds, default=0.0)
    typical = max(statistics.median(rule), statistics.median(closure))
    worst_met = statistics.median(ratio) <= WORST_LIMIT
    typical_met = typical <= TYPICAL_LIMIT_S
    lock_met = longest_wait <= LOCK_LIMIT_S and longest_hold <= LOCK_LIMIT_S and not writer_failures
    return {
        "cases": clients,
        "baseline_raw_read_s": _summary(reads),
        "worst_case_every_case_s": _summary(worst),
        "worst_case_cases": statistics.median(worst_cases),
        "worst_case_cases_changed": statistics.median(worst_changed),
        "ratio": _summary(ratio),
        "every_case_nothing_to_change_s": _summary(steady),
        "every_case_nothing_to_change_ratio": statistics.median(steady) / statistics.median(reads),
        "typical_rule_change_s": _summary(rule),
        "typical_rule_change_cases_changed": statistics.median(rule_cases),
        "typical_rule_change": f"{RULE} 15 <-> 30 days",
        "typical_closure_day_s": _summary(closure),
        "typical_closure_day": f"{day} added, then removed",
        "typical_closure_day_cases_audited": statistics.median(closure_cases),
        "concurrent_writer_saves": len(writer_waits),
        "concurrent_writer_every_s": WRITER_EVERY_S,
        "concurrent_writer_longest_wait_s": longest_wait,
        "concurrent_writer_p95_wait_s": sorted(writer_waits)[int(0.95 * (len(writer_waits) - 1))]
        if writer_waits
        else 0.0,
        "concurrent_writer_failures": len(writer_failures),
        "longest_write_lock_held_s": longest_hold,
        "chunks_read_again": statistics.median(retries),
        "worst_case_met": worst_met,
        "typical_met": typical_met,
        "write_lock_met": lock_met,
        "target": f"worst case (every case) <= {WORST_LIMIT}x raw read; one rule or one "
        f"closure day <= {TYPICAL_LIMIT_S:g} s; no write lock held > {LOCK_LIMIT_S} s "
        "(longest wait of a concurrent writer)",
        "met": worst_met and typical_met and lock_met,
    }
