"""Writing ``results.json`` and a readable ``results.md`` from one benchmark run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

NOTES_FILE = "notes.md"  # hand-written profiles and before/after figures, appended verbatim


def _fmt(stat: Any, unit: str = "") -> str:
    if isinstance(stat, dict) and "median" in stat:
        return (
            f"{stat['median']:.3g}{unit} (min {stat['min']:.3g}, max {stat['max']:.3g}, "
            f"{stat['runs']} runs)"
        )
    if isinstance(stat, float):
        return f"{stat:.3g}{unit}"
    return str(stat)


def _load(values: Any) -> str:
    if not values:
        return "unknown"
    return " / ".join(f"{v:.2f}" for v in values) + " (1 / 5 / 15 min)"


def _met(flag: Any) -> str:
    return "met" if flag else "**MISSED**"


def _search(section: dict[str, Any]) -> list[str]:
    lines = [
        f"Over {section['clients']:,} clients. One sample per keystroke: the Cases page's reload "
        "(first page of 200 into the CaseTableModel, plus the count), against hand-written SQL "
        "returning the same page (with next hearing and deadline) and count on a raw keyed "
        "connection. Per run: p50/p95 over the keystrokes; shown: median (min, max) over runs.",
        "",
        "| query | keystrokes | app p50 ms | app p95 ms | raw SQL p95 ms | ratio p95 | "
        "count shown | target |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for kind, row in section.items():
        if not isinstance(row, dict):
            continue
        lines.append(
            f"| {kind} | {' → '.join(row['keystrokes'])} | {_fmt(row['app_p50_ms'])} | "
            f"{_fmt(row['app_p95_ms'])} | {_fmt(row['raw_sql_p95_ms'])} | "
            f"{_fmt(row['ratio_p95'], '×')} | {row.get('count_shown', '')} | "
            f"{_met(row['met'])} |"
        )
    lines += [
        "",
        "Row *open*: opening the Cases page (first page of 200 and the total count, no search "
        "text), repeated; its p50 and p95 are the median over those runs.",
    ]
    return lines


def _generic(section: dict[str, Any]) -> list[str]:
    lines = ["| figure | value |", "|---|---|"]
    for key, value in section.items():
        if key == "met":
            continue
        unit = "×" if key.startswith(("ratio", "cpu_ratio")) else ""
        lines.append(f"| {key} | {_fmt(value, unit)} |")
    lines.append(f"| **target** | {section.get('target', '')}: {_met(section.get('met'))} |")
    return lines


def _office_load(section: dict[str, Any]) -> list[str]:
    """Measurement 13: one row per operation, then the figures about the run."""
    lines = [
        "| operation | office p50 ms | office p95 ms (samples) | laptop p95 ms (samples) | "
        "ratio p95 | target |",
        "|---|---|---|---|---|---|",
    ]
    rest: dict[str, Any] = {}
    for key, value in section.items():
        if isinstance(value, dict) and "ratio_p95" in value:
            lines.append(
                f"| {key} | {value['office_p50_ms']} | {value['office_p95_ms']} "
                f"({value['office_samples']}) | {value['laptop_p95_ms']} "
                f"({value['laptop_samples']}) | {value['ratio_p95']}× | {_met(value['met'])} |"
            )
        else:
            rest[key] = value
    return [*lines, "", *_generic(rest)]


TITLES = {
    "1_start_up": "1. Start-up, keychain path (no prompt): first painted main window and Today "
    "vs a bare PySide6 window",
    "1p_start_up_prompt": "1 (passphrase). Start-up to the unlock window, and to the main "
    "window and Today after the passphrase, vs a bare PySide6 window",
    "2_search_as_you_type": "2. Search as you type, and opening Cases",
    "3_encryption_cost": "3. Encryption cost (read workload, SQLCipher vs plain SQLite)",
    "4_case_list": "4. Case list: open Cases and scroll to the last case (peak memory)",
    "5_checklist_pdf": "5. Checklist PDF per case vs a minimal one-page reportlab document",
    "6_evidence_packet": "6. Evidence packet (1,000 and 2,000 pages)",
    "7_deadline_recomputation": "7. Deadline recomputation of every case",
    "11_deadline_recompute": "11. Recompute after a settings change: worst case, typical "
    "changes, and the write lock against a concurrent writer",
    "13_office_load": "13. Office mode under load: simulated staff, one process each, "
    "against a local PostgreSQL server vs the same day on a laptop store",
    "12_i589_fill": "12. Filling and cross-checking one case's I-589 vs opening the same blank "
    "with pypdf",
    "8_backup": "8. Backup and restore of the store with its evidence vault vs copying the same "
    "bytes",
    "9_lock": "9. Lock with every case loaded in the Cases model",
    "10_command_line": "10. The command line: --version, evidence add of 1 MB and of a big file",
    "2r_search_as_you_type": "2 (re-run). Search as you type, and opening Cases, with all of "
    "migration 0003's indexes",
    "3r_encryption_cost": "3 (re-run). Encryption cost, with all of migration 0003's indexes",
    "7r_deadline_recomputation": "7 (re-run). Deadline recomputation, with all of migration "
    "0003's indexes",
}


def _targets(section: dict[str, Any]) -> tuple[str, str]:
    if "target" in section:
        return str(section["target"]), _met(section.get("met"))
    rows = [row for row in section.values() if isinstance(row, dict) and "met" in row]
    missed = [
        kind for kind, row in section.items() if isinstance(row, dict) and not row.get("met", True)
    ]
    target = rows[0]["target"] if rows else ""
    return target, _met(not missed) + (f" ({', '.join(missed)})" if missed else "")


def write_results(results: dict[str, Any], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    machine = results["machine"]
    lines = [
        "# Clinic benchmarks",
        "",
        f"Mode: **{results['mode']}**, run {results['started']} – {results['finished']}, "
        f"{results['repeats']} repeated runs per measurement. Generated by `python -m bench`; "
        "every figure has a baseline measured in the same run (ratios, not absolute times, are "
        "what carry over between machines).",
        "",
        f"Machine: {machine['cpus']} CPUs ({machine['processor']}), {machine['platform']}, "
        f"Python {machine['python']}, SQLite {machine['sqlite']}, SQLCipher {machine['sqlcipher']}.",
        "",
        "**Shared machine**: this two-core machine was shared with other work while the "
        "benchmarks ran (load average at the start "
        f"{_load(results.get('load_average_start'))}, at the end "
        f"{_load(results.get('load_average_end'))}). Wall times are noisy and can be well above "
        "the CPU time they used; compare ratios (each against a baseline measured in the same "
        "run), and the CPU times where they are given.",
        "",
    ]
    rerun = results.get("rerun")
    if rerun:
        lines += [
            f"Re-run ({rerun['only']}, marked *re-run* below): {rerun['started']} – "
            f"{rerun['finished']} on a fresh fixture of the same size, load average "
            f"{_load(rerun.get('load_average_start'))} at the start and "
            f"{_load(rerun.get('load_average_end'))} at the end. {rerun['why']}",
            "",
        ]
    fixture = results.get("fixture")
    if fixture:
        lines += [
            f"Fixture: {fixture['clients']:,} synthetic clients (one case each, with addresses, "
            "hearings, case facts, deadlines and a hash-chained audit trail) written in batched "
            f"transactions by `bench/datagen.py` in {fixture['fill_s']:.1f} s.",
            "",
        ]
    lines += ["## Summary", "", "| measurement | target | result |", "|---|---|---|"]
    for key, section in results["measurements"].items():
        if section.get("available") is False:
            lines.append(f"| {TITLES.get(key, key)} | | not available yet |")
            continue
        targets = _targets(section)
        lines.append(f"| {TITLES.get(key, key)} | {targets[0]} | {targets[1]} |")
    lines.append("")
    for key, section in results["measurements"].items():
        lines += [f"## {TITLES.get(key, key)}", ""]
        if section.get("available") is False:
            lines.append(f"**Not available yet**: {section['reason']}.")
        elif key.startswith("2"):
            lines += _search(section)
        elif key.startswith("13"):
            lines += _office_load(section)
        else:
            lines += _generic(section)
        lines.append("")
    notes = out / NOTES_FILE
    if notes.exists():
        lines += [notes.read_text().rstrip(), ""]
    (out / "results.md").write_text("\n".join(lines))
