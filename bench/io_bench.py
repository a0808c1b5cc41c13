"""Measurements 5 (checklist PDF) and 8 (backup): documents and bytes.

5. The attorney checklist PDF of a case, built in memory by the same service the Checklist tab
   and ``clinic checklist --pdf`` use, against a minimal one-page reportlab document.
8. A backup (``clinic.services.backup.backup_to``: archive, verify, move into place) of the
   store with its encrypted evidence vault, and a restore of that backup into a new folder
   (``clinic.storage.backup.restore_backup``: extract, check, make durable, move into place),
   each in a process of its own (``bench.backup_child``: its time and peak memory), against
   copying the same bytes (database and vault files, each flushed to disk) with
   ``shutil.copyfile``, interleaved run by run. Throughput is reported as a share of the copy's
   (issue 20: at least 25 %), and the children's peak resident memory (at most 200 MB).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from clinic.domain.drafts import EvidenceDraft
from clinic.domain.enums import EvidenceCategory, EvidenceStatus, TranslationStatus
from clinic.domain.ids import CaseId
from clinic.services import checklists, evidence
from clinic.storage.store import Store

CHECKLIST_TARGET_MS = 150.0
MIB = 1024 * 1024
BACKUP_TARGET_SHARE = 0.25  # of the copy+fsync throughput of the same bytes
BACKUP_TARGET_PEAK_MB = 200.0
ROOT = Path(__file__).resolve().parents[1]


def _summary(values: list[float]) -> dict[str, float]:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "runs": len(values),
    }


# --- 5. checklist PDF -------------------------------------------------------------------------


def minimal_pdf() -> bytes:
    """The floor: one page, one paragraph, same library, in memory."""
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=letter).build(
        [Paragraph("Checklist", getSampleStyleSheet()["Normal"])]
    )
    return out.getvalue()


def measure_checklist_pdf(
    store: Store, case_ids: list[int], today: date, repeats: int
) -> dict[str, Any]:
    """Median per case over ``case_ids`` (one PDF each per run), against the minimal PDF built
    the same number of times, interleaved."""
    checklists.checklist_pdf(store=store, case_id=CaseId(case_ids[0]), today=today)  # warm
    minimal_pdf()
    per_case: list[float] = []
    floor: list[float] = []
    sizes: list[int] = []
    for _ in range(repeats):
        for case_id in case_ids:
            started = time.perf_counter()
            pdf = checklists.checklist_pdf(store=store, case_id=CaseId(case_id), today=today)
            per_case.append((time.perf_counter() - started) * 1000)
            sizes.append(len(pdf))
            started = time.perf_counter()
            minimal_pdf()
            floor.append((time.perf_counter() - started) * 1000)
    median = statistics.median(per_case)
    ordered = sorted(per_case)
    return {
        "cases": len(case_ids),
        "pdfs_built": len(per_case),
        "checklist_pdf_ms": _summary(per_case),
        "checklist_pdf_p95_ms": ordered[round(0.95 * (len(ordered) - 1))],
        "minimal_reportlab_pdf_ms": _summary(floor),
        "ratio": median / statistics.median(floor),
        "median_pdf_kb": statistics.median(sizes) / 1024,
        "target": f"median <= {CHECKLIST_TARGET_MS:g} ms per case",
        "met": median <= CHECKLIST_TARGET_MS,
    }


# --- 8. backup ----------------------------------------------------------------------------------


def add_evidence_bytes(
    store: Store, case_ids: list[int], total_bytes: int, files: int, today: date
) -> int:
    """``files`` evidence files of random (incompressible, like photos and scans) bytes,
    ``total_bytes`` in all, encrypted into the vault through the evidence service."""
    each = max(1, total_bytes // files)
    for number in range(files):
        case_id = CaseId(case_ids[number % len(case_ids)])
        item = evidence.add_evidence(
            store=store,
            case_id=case_id,
            evidence=EvidenceDraft(
                title=f"Synthetic scan {number + 1}",
                category=EvidenceCategory.CORROBORATION,
                language="en",
                translation=TranslationStatus.NOT_NEEDED,
                status=EvidenceStatus.RECEIVED,
            ),
            today=today,
        ).unwrap()
        evidence.attach_file(
            store=store,
            evidence_id=item,
            source=io.BytesIO(os.urandom(each)),
            original_name=f"scan-{number + 1}.pdf",
        ).unwrap()
    return each * files


def _store_files(store: Store) -> list[Path]:
    found = [store.datadir.database]
    found += sorted(p for p in store.datadir.vault.rglob("*") if p.is_file())
    return found


def _copy_same_bytes(store: Store, target: Path) -> int:
    """The floor: copy the database and every vault file, each flushed to disk."""
    target.mkdir()
    copied = 0
    for number, path in enumerate(_store_files(store)):
        destination = target / f"{number}"
        shutil.copyfile(path, destination)
        with destination.open("rb+") as handle:
            os.fsync(handle.fileno())
        copied += destination.stat().st_size
    return copied


def _child(args: list[str], passphrase: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.backup_child", *args],
        input=passphrase + "\n",
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        check=False,
        timeout=3600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"bench.backup_child {args[0]} failed: {done.stderr.strip()[-2000:]}")
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def measure_backup(
    store: Store,
    work: Path,
    *,
    evidence_bytes: int,
    clients: int,
    repeats: int,
    passphrase: str,
) -> dict[str, Any]:
    store_bytes = sum(p.stat().st_size for p in _store_files(store))
    backup_s, restore_s, copy_s, backup_cpu, restore_cpu = [], [], [], [], []
    backup_share, restore_share, backup_peak, restore_peak, before = [], [], [], [], []
    size = 0
    data_dir = str(store.datadir.root)
    for run in range(repeats):
        target = work / f"run-{run}"
        target.mkdir(parents=True)
        started = time.perf_counter()
        _copy_same_bytes(store, target / "copy")
        copy_s.append(time.perf_counter() - started)
        made = target / "clinic.backup"
        report = _child(["backup", data_dir, str(made)], passphrase)
        backup_s.append(report["seconds"])
        backup_cpu.append(report["cpu_s"])
        backup_peak.append(report["peak_rss_mb"])
        before.append(report["rss_before_mb"])
        size = int(report["bytes"])
        report = _child(["restore", data_dir, str(made), str(target / "restored")], passphrase)
        restore_s.append(report["seconds"])
        restore_cpu.append(report["cpu_s"])
        restore_peak.append(report["peak_rss_mb"])
        backup_share.append(copy_s[-1] / backup_s[-1])
        restore_share.append(copy_s[-1] / restore_s[-1])
        shutil.rmtree(target)
    share = statistics.median(backup_share)
    back_share = statistics.median(restore_share)
    peak = max(backup_peak + restore_peak)
    return {
        "clients": clients,
        "evidence_mb": evidence_bytes / MIB,
        "store_and_vault_mb": store_bytes / MIB,
        "backup_file_mb": size / MIB,
        "backup_s": _summary(backup_s),
        "backup_cpu_s": _summary(backup_cpu),
        "restore_s": _summary(restore_s),
        "restore_cpu_s": _summary(restore_cpu),
        "copy_same_bytes_s": _summary(copy_s),
        "backup_mb_per_s": store_bytes / MIB / statistics.median(backup_s),
        "restore_mb_per_s": store_bytes / MIB / statistics.median(restore_s),
        "copy_mb_per_s": store_bytes / MIB / statistics.median(copy_s),
        "backup_share_of_copy_throughput": _summary(backup_share),
        "restore_share_of_copy_throughput": _summary(restore_share),
        "ratio": _summary([b / c for b, c in zip(backup_s, copy_s, strict=True)]),
        "backup_peak_rss_mb": _summary(backup_peak),
        "restore_peak_rss_mb": _summary(restore_peak),
        "rss_before_backup_mb": _summary(before),
        "target": f"backup and restore >= {BACKUP_TARGET_SHARE:.0%} of the copy+fsync "
        f"throughput of the same bytes; peak memory <= {BACKUP_TARGET_PEAK_MB:g} MB",
        "met": share >= BACKUP_TARGET_SHARE
        and back_share >= BACKUP_TARGET_SHARE
        and peak <= BACKUP_TARGET_PEAK_MB,
    }
