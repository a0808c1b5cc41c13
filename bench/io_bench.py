"""Measurements 5 (checklist PDF) and 8 (backup): documents and bytes.

5. The attorney checklist PDF of a case, built in memory by the same service the Checklist tab
   and ``clinic checklist --pdf`` use, against a minimal one-page reportlab document.
8. A backup (``clinic.services.backup.backup_to``: archive, verify, move into place) of the
   store with its encrypted evidence vault, against copying the same bytes (database and vault
   files, each flushed to disk) with ``shutil.copyfile``.
"""

from __future__ import annotations

import io
import os
import shutil
import statistics
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from clinic.domain.drafts import EvidenceDraft
from clinic.domain.enums import EvidenceCategory, EvidenceStatus, TranslationStatus
from clinic.domain.ids import CaseId
from clinic.services import backup, checklists, evidence
from clinic.storage.store import Store

CHECKLIST_TARGET_MS = 150.0
MIB = 1024 * 1024


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


def measure_backup(
    store: Store, work: Path, *, evidence_bytes: int, clients: int, repeats: int
) -> dict[str, Any]:
    store_bytes = sum(p.stat().st_size for p in _store_files(store))
    backup_s, copy_s, ratio = [], [], []
    size = 0
    for run in range(repeats):
        target = work / f"run-{run}"
        target.mkdir(parents=True)
        started = time.perf_counter()
        _copy_same_bytes(store, target / "copy")
        copy_s.append(time.perf_counter() - started)
        started = time.perf_counter()
        result = backup.backup_to(store=store, path=target / "clinic.backup", now=datetime.now(UTC))
        backup_s.append(time.perf_counter() - started)
        size = result.size
        ratio.append(backup_s[-1] / copy_s[-1])
        shutil.rmtree(target)
    median_backup = statistics.median(backup_s)
    median_copy = statistics.median(copy_s)
    return {
        "clients": clients,
        "evidence_mb": evidence_bytes / MIB,
        "store_and_vault_mb": store_bytes / MIB,
        "backup_file_mb": size / MIB,
        "backup_s": _summary(backup_s),
        "copy_same_bytes_s": _summary(copy_s),
        "backup_mb_per_s": store_bytes / MIB / median_backup,
        "copy_mb_per_s": store_bytes / MIB / median_copy,
        "ratio": _summary(ratio),
        "target": "throughput against copying the same bytes (reported, no fixed target)",
        "met": True,
    }
