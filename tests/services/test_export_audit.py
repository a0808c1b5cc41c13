"""Issue 16 § 6: an export and its audit entry agree; a crashed export's partial file is removed.

The review's attack: an older copy put back opens read-only, so the audit entry of an export
cannot be written — yet the attorney PDF was already on disk ("not saved", but an unaudited
plaintext PDF left behind). And a plaintext ``.tmp`` from an export killed mid-write stayed in
the user's folder for good.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from clinic.services import attorney_reports, checklists, evidence, lifecycle, packet, recovery
from clinic.services.demo import fill_demo_data
from clinic.services.export_file import ExportNotSaved
from clinic.services.exports import case_bundle, case_list, funder
from clinic.storage.datadir import DataDir
from clinic.storage.errors import StoreError
from clinic.storage.models import AuditEntry, Case, EvidenceFile
from clinic.storage.store import Store

PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 11, 2)


def _older_copy(tmp_path: Path) -> Store:
    """A store folder put back from before its last change: it opens read-only."""
    data = tmp_path / "data"
    store = lifecycle.init_store(data_dir=DataDir(data), passphrase=PASSPHRASE, actor="t")
    try:
        fill_demo_data(store=store, clients=3, seed=4, today=TODAY)  # one with a scanned file
    finally:
        store.lock()
    copy = tmp_path / "copy"
    shutil.copytree(data, copy)
    store = lifecycle.unlock_store(data_dir=DataDir(data), passphrase=PASSPHRASE, actor="t")
    try:
        fill_demo_data(store=store, clients=1, seed=9, today=TODAY)
    finally:
        store.lock()
    shutil.rmtree(data)
    shutil.copytree(copy, data)
    older = lifecycle.unlock_store(data_dir=DataDir(data), passphrase=PASSPHRASE, actor="t")
    assert older.read_only
    return older


def _first_case(store: Store) -> int:
    with store.unit_of_work() as session:
        return int(session.scalars(select(Case.id).order_by(Case.id)).first() or 0)


def _first_file(store: Store) -> Any:
    with store.unit_of_work() as session:
        return session.scalars(select(EvidenceFile.id).order_by(EvidenceFile.id)).first()


def _case_of_file(store: Store) -> Any:
    with store.unit_of_work() as session:
        item = session.get_one(EvidenceFile, _first_file(store)).evidence
        return item.case_id


EXPORTS: dict[str, Callable[[Store, Path], Any]] = {
    "checklist-pdf": lambda s, p: checklists.export_checklist_pdf(
        store=s, case_id=_first_case(s), destination=p, today=TODAY
    ),
    "case-summary-pdf": lambda s, p: attorney_reports.export_case_summary_pdf(
        store=s, case_id=_first_case(s), destination=p, today=TODAY
    ),
    "case-list-csv": lambda s, p: case_list.export_case_list(
        store=s, destination=p, query=case_list.ListQuery(), today=TODAY
    ),
    "case-export-json": lambda s, p: case_bundle.export_cases(
        store=s, destination=p, case_ids=None, passphrase=None
    ),
    "case-bundle": lambda s, p: case_bundle.export_cases(
        store=s, destination=p, case_ids=None, passphrase="lantern orbit cactus pillow"
    ),
    "funder-csv": lambda s, p: funder.export_funder_report(
        store=s, destination=p, year=2026, today=TODAY
    ),
    "recovery-kit": lambda s, p: recovery.save_recovery_kit(store=s, destination=p),
    "evidence-file-copy": lambda s, p: evidence.export_evidence_file(
        store=s, file_id=_first_file(s), destination=p
    ),
    "evidence-packet": lambda s, p: packet.build_packet(
        store=s,
        case_id=_case_of_file(s),
        folder=p.parent,
        options=packet.PacketOptions(),
        today=TODAY,
        skip_bad=True,
        verify=False,
    ),
}
NAMES = {
    "checklist-pdf": "checklist.pdf",
    "case-summary-pdf": "summary.pdf",
    "case-list-csv": "cases.csv",
    "case-export-json": "cases.json",
    "case-bundle": "cases.cliniccase",
    "funder-csv": "funder.csv",
    "recovery-kit": "kit.pdf",
    "evidence-file-copy": "scan.pdf",
    "evidence-packet": "(the folder)",
}


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_an_export_that_cannot_be_audited_leaves_no_file(tmp_path: Path, kind: str) -> None:
    store = _older_copy(tmp_path)
    out = tmp_path / "exports"
    out.mkdir()
    try:
        with store.unit_of_work() as session:
            entries = session.scalar(select(func.count()).select_from(AuditEntry))
        # The store refuses to write (OlderCopy), or the export helper says why nothing was
        # saved (ExportNotSaved, a service error since the services' own errors, 3f8f230).
        with pytest.raises((StoreError, ExportNotSaved)) as refused:
            EXPORTS[kind](store, out / NAMES[kind])
        with store.unit_of_work() as session:
            assert session.scalar(select(func.count()).select_from(AuditEntry)) == entries
    finally:
        store.lock()
    assert "Nothing was saved" in str(refused.value) or "older copy" in str(refused.value)
    assert list(out.iterdir()) == [], "an unaudited plaintext file was left behind"


CRASHING_EXPORT = textwrap.dedent(
    """
    import os, sys
    from datetime import date
    from pathlib import Path
    from clinic.services import lifecycle
    from clinic.services.exports import case_list
    from clinic.storage import keys
    from clinic.storage.datadir import DataDir
    keys.SCRYPT_N = 2**12
    store = lifecycle.unlock_store(data_dir=DataDir(Path(sys.argv[1])), passphrase=sys.argv[3],
                                   actor="t")
    os.fsync = lambda fd: os._exit(9)  # the power goes out as the file is being flushed
    case_list.export_case_list(store=store, destination=Path(sys.argv[2]),
                               query=case_list.ListQuery(), today=date(2026, 11, 2))
    """
)


@pytest.mark.laptop_only("reopens the data folder in a child process that is killed mid-export")
def test_a_crashed_exports_partial_file_is_removed_at_the_next_start(
    store: Store, data_dir: DataDir, tmp_path: Path
) -> None:
    fill_demo_data(store=store, clients=2, seed=3, today=TODAY)
    store.lock()
    out = tmp_path / "exports"
    out.mkdir()
    mine = out / "someone-elses.tmp"
    mine.write_bytes(b"not Clinic's")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            CRASHING_EXPORT,
            str(data_dir.root),
            str(out / "cases.csv"),
            PASSPHRASE,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 9, done.stderr
    left = sorted(p.name for p in out.iterdir())
    assert len(left) == 2, left  # the partial plaintext file is there after the crash
    lifecycle.unlock_store(data_dir=data_dir, passphrase=PASSPHRASE, actor="t").lock()
    assert sorted(p.name for p in out.iterdir()) == ["someone-elses.tmp"]
