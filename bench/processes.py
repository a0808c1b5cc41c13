"""Measurements 1 (start-up) and 4 (case list memory): each run is a fresh process.

The child is ``bench.ui_child``; the time of a start-up is from just before the process is
started to the end of its main window's first paint (``time.monotonic()`` is system-wide, so
the child's reading and the parent's can be subtracted).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STARTUP_TARGET_RATIO = 3.0  # issue 20: the keychain path (no prompt), main window painted
CASE_LIST_TARGET_MB = 300.0


def _child(
    mode: str, data_dir: Path | None, passphrase: str
) -> tuple[float, float, dict[str, Any]]:
    """(wall seconds from start to the child's report, child CPU seconds, its JSON line)."""
    args = [sys.executable, "-m", "bench.ui_child", mode]
    if data_dir is not None:
        args.append(str(data_dir))
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        # Window geometry and column widths the app saves go here, not to the user's settings.
        "XDG_CONFIG_HOME": str(Path(tempfile.gettempdir()) / "clinic-bench-config"),
    }
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    done = subprocess.run(
        args,
        input=passphrase + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
        timeout=1800,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"bench.ui_child {mode} failed: {done.stderr.strip()[-2000:]}")
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    wall = report["painted"] - started if "painted" in report else time.monotonic() - started
    return wall, cpu, report


def _summary(values: list[float]) -> dict[str, float]:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "runs": len(values),
    }


def measure_startup(data_dir: Path, passphrase: str, clients: int, repeats: int) -> dict[str, Any]:
    """The app (``clinic.app.main`` up to the first painted main window, store unlocked with the
    passphrase as if typed) against a bare PySide6 QMainWindow, interleaved run by run.

    The window is painted with the Today page saying "Loading…" and the list is read just
    after: ``app_to_today_filled_s`` is the time until the list is shown (a second figure, not
    the target's). The app's CPU time runs to that point too (the child ends there)."""
    app_s, bare_s, app_cpu, bare_cpu, ratio, filled_s = [], [], [], [], [], []
    lines = 0
    rss = 0.0
    _child("bare", None, "")  # warm the file cache for both
    _child("app", data_dir, passphrase)
    for _ in range(repeats):
        wall, cpu, _report = _child("bare", None, "")
        bare_s.append(wall)
        bare_cpu.append(cpu)
        wall, cpu, report = _child("app", data_dir, passphrase)
        app_s.append(wall)
        app_cpu.append(cpu)
        filled_s.append(wall + float(report["today_filled"]) - float(report["painted"]))
        lines = int(report["today_lines"])
        rss = max(rss, float(report["peak_rss_mb"]))
        ratio.append(app_s[-1] / bare_s[-1])
    cpu_ratio = statistics.median(app_cpu) / statistics.median(bare_cpu)
    return {
        "clients": clients,
        "app_to_first_paint_s": _summary(app_s),
        "app_to_today_filled_s": _summary(filled_s),
        "today_lines": lines,
        "bare_pyside6_window_s": _summary(bare_s),
        "ratio": _summary(ratio),
        "app_cpu_s": _summary(app_cpu),
        "bare_cpu_s": _summary(bare_cpu),
        "cpu_ratio": cpu_ratio,
        "app_peak_rss_mb": rss,
        "today_filled_ratio": _summary([f / b for f, b in zip(filled_s, bare_s, strict=True)]),
        "target": f"keychain path: main window <= {STARTUP_TARGET_RATIO:g}x, Today filled <= "
        f"{TODAY_TARGET_RATIO:g}x the bare window",
        "met": statistics.median(ratio) <= STARTUP_TARGET_RATIO
        and statistics.median(filled_s) / statistics.median(bare_s) <= TODAY_TARGET_RATIO,
    }


PROMPT_TARGET_RATIO = 2.0  # the first window (the unlock prompt) against a bare window
AFTER_PASSPHRASE_TARGET_RATIO = 3.0  # main window after the passphrase, scrypt not counted
TODAY_TARGET_RATIO = 5.0


def measure_prompt_startup(
    data_dir: Path, passphrase: str, clients: int, repeats: int
) -> dict[str, Any]:
    """Issue 20 #1, the passphrase path: the first window a person sees (the unlock prompt)
    against a bare PySide6 window's process, interleaved run by run; then, from the moment
    the typed passphrase is accepted, the main window painted and Today filled, without the
    deliberate scrypt (measured inside the child, reported apart). The child waits
    ``bench.ui_child.TYPING_S`` before typing: the main window's modules load meanwhile."""
    prompt_s, bare_s, after_s, today_s, scrypt_s, prompt_ratio, after_ratio, today_ratio = (
        [] for _ in range(8)
    )
    rss = 0.0
    lines = 0
    _child("bare", None, "")
    _child("prompt", data_dir, passphrase)
    for _ in range(repeats):
        bare, _cpu, _report = _child("bare", None, "")
        bare_s.append(bare)
        started = time.monotonic()
        _wall, _cpu, report = _child("prompt", data_dir, passphrase)
        first = float(report["prompt_painted"]) - started
        scrypt = float(report["scrypt_s"])
        after = float(report["painted"]) - float(report["accepted"]) - scrypt
        today = float(report["today_filled"]) - float(report["accepted"]) - scrypt
        prompt_s.append(first)
        after_s.append(after)
        today_s.append(today)
        scrypt_s.append(scrypt)
        prompt_ratio.append(first / bare)
        after_ratio.append(after / bare)
        today_ratio.append(today / bare)
        rss = max(rss, float(report["peak_rss_mb"]))
        lines = int(report["today_lines"])
    return {
        "clients": clients,
        "first_window_prompt_s": _summary(prompt_s),
        "bare_pyside6_window_s": _summary(bare_s),
        "ratio": _summary(prompt_ratio),
        "main_window_after_passphrase_s": _summary(after_s),
        "main_window_after_passphrase_ratio": _summary(after_ratio),
        "today_filled_after_passphrase_s": _summary(today_s),
        "today_filled_after_passphrase_ratio": _summary(today_ratio),
        "today_lines": lines,
        "scrypt_not_counted_s": _summary(scrypt_s),
        "peak_rss_mb": rss,
        "target": f"prompt <= {PROMPT_TARGET_RATIO:g}x, main window after the passphrase <= "
        f"{AFTER_PASSPHRASE_TARGET_RATIO:g}x, Today <= {TODAY_TARGET_RATIO:g}x the bare window",
        "met": statistics.median(prompt_ratio) <= PROMPT_TARGET_RATIO
        and statistics.median(after_ratio) <= AFTER_PASSPHRASE_TARGET_RATIO
        and statistics.median(today_ratio) <= TODAY_TARGET_RATIO,
    }


def measure_case_list(
    data_dir: Path, passphrase: str, clients: int, repeats: int
) -> dict[str, Any]:
    """Main window, then Cases (first page), then Page Down to the last case; the child's peak
    resident memory against a bare PySide6 window's."""
    peaks, opens, scrolls, bare_peaks = [], [], [], []
    report: dict[str, Any] = {}
    for _ in range(repeats):
        _wall, _cpu, bare = _child("bare", None, "")
        bare_peaks.append(float(bare["peak_rss_mb"]))
        _wall, _cpu, report = _child("cases", data_dir, passphrase)
        peaks.append(float(report["peak_rss_mb"]))
        opens.append(float(report["open_cases_s"]) * 1000)
        scrolls.append(float(report["scroll_to_end_s"]))
    ratio = [p / b for p, b in zip(peaks, bare_peaks, strict=True)]
    return {
        "clients": clients,
        "rows_loaded": report["rows_loaded"],
        "count_shown": report["count_label"],
        "open_cases_first_page_ms": _summary(opens),
        "scroll_to_end_s": _summary(scrolls),
        "scroll_steps": report["scroll_steps"],
        "rss_main_window_mb": report["rss_main_window_mb"],
        "peak_rss_mb": _summary(peaks),
        "bare_window_peak_rss_mb": _summary(bare_peaks),
        "ratio": _summary(ratio),
        "target": f"peak <= {CASE_LIST_TARGET_MB:g} MB",
        "met": statistics.median(peaks) <= CASE_LIST_TARGET_MB and report["rows_loaded"] == clients,
    }
