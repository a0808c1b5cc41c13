"""Confidential at rest: after a scripted session, a canary from the client data appears in no
file the app wrote (the user exported nothing): not in the data folder, the temp folder, the
home folder (config, settings, cache) or the backup. Checked as UTF-8 (any case, as search keys
fold it) and UTF-16, in contents and in file names, both while unlocked and after locking.
"""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from clinic.domain.drafts import (
    AddressDraft,
    CaseDraft,
    ClientDraft,
    EvidenceDraft,
    FamilyMemberDraft,
    HearingDraft,
)
from clinic.domain.enums import ClaimType, EvidenceCategory, HearingKind, Relationship
from clinic.domain.ids import EvidenceFileId
from clinic.services import backup, cases, clients, evidence, lifecycle, recovery, schedule, search
from clinic.storage.store import Store

CANARY = "Qzxcanaryvbn"
PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 11, 28)


def needles() -> list[bytes]:
    forms = {CANARY, CANARY.lower(), CANARY.upper()}
    found = []
    for form in forms:
        found += [form.encode("utf-8"), form.encode("utf-16-le"), form.encode("utf-16-be")]
    return found


@dataclass(frozen=True)
class Sandbox:
    root: Path
    temp: Path
    home: Path
    data: Path
    backups: Path


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    """Temp, home and XDG folders of our own, so whatever the app writes there can be read."""
    box = Sandbox(
        root=tmp_path,
        temp=tmp_path / "tmp",
        home=tmp_path / "home",
        data=tmp_path / "data",
        backups=tmp_path / "backups",
    )
    for folder in (box.temp, box.home, box.backups, tmp_path / "run"):
        folder.mkdir(mode=0o700)
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(box.temp))
    monkeypatch.setenv("HOME", str(box.home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(box.home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(box.home / ".cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(box.home / ".local" / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(box.home / ".local" / "state"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    monkeypatch.delenv("CLINIC_DATA_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", None)  # Python caches the temp folder: re-read it
    assert tempfile.gettempdir() == str(box.temp)
    return box


def scripted_session(store: Store) -> EvidenceFileId:
    client_id = clients.intake_client(
        store=store,
        client=ClientDraft(
            family_name=CANARY,
            given_name=f"Ana {CANARY}",
            other_names=(f"Alias{CANARY}",),
            phone="+1 555 123 4567",
            notes=f"Fled after threats from {CANARY} cousins.",
        ),
        today=TODAY,
        family=[FamilyMemberDraft(CANARY, "Luis", Relationship.CHILD)],
        address=AddressDraft(f"12 {CANARY} Street", "Houston", "TX", "77002"),
        adverse_parties=[f"Comandante {CANARY}"],
    ).unwrap()
    case_id = cases.open_case(
        store=store,
        client_id=client_id,
        case=CaseDraft(
            claim_type=ClaimType.AFFIRMATIVE,
            psg_definition=f"Women of the {CANARY} family",
            opened_on=TODAY,
        ),
        today=TODAY,
    ).unwrap()
    schedule.schedule_hearing(
        store=store,
        case_id=case_id,
        hearing=HearingDraft(
            HearingKind.ASYLUM_INTERVIEW, date(2027, 1, 12), notes=f"Bring {CANARY}'s passport"
        ),
    ).unwrap()
    item_id = evidence.add_evidence(
        store=store,
        case_id=case_id,
        evidence=EvidenceDraft(f"Declaration of {CANARY}", EvidenceCategory.DECLARATION),
        today=TODAY,
    ).unwrap()
    declaration = (f"I, Ana {CANARY}, declare:\n" * 400).encode()
    declaration += f"UTF-16 copy: {CANARY}".encode("utf-16-le")
    attached = evidence.attach_file(
        store=store,
        evidence_id=item_id,
        source=io.BytesIO(declaration),
        original_name=f"{CANARY}-declaration.txt",
    ).unwrap()
    # Reads that build things in memory: search, the case list, a preview, the recovery kit.
    assert [hit.id for hit in search.search_clients(store=store, text=CANARY)] == [client_id]
    assert search.list_cases(store=store, today=TODAY)
    file_id = EvidenceFileId(attached.id)
    assert evidence.read_evidence_file(store=store, file_id=file_id) == declaration
    assert recovery.recovery_kit_pdf(store=store).startswith(b"%PDF")
    return file_id


def leaks(root: Path) -> list[str]:
    """Every file under ``root`` whose name or content holds the canary, in any form."""
    patterns = needles()
    found = []
    for path in sorted(root.rglob("*")):
        if CANARY.lower() in str(path.relative_to(root)).lower():
            found.append(f"{path} (its name)")
        if path.is_file() and not path.is_symlink():
            content = path.read_bytes()
            if any(pattern in content for pattern in patterns):
                found.append(str(path))
    return found


def test_the_canary_is_in_no_file_the_app_wrote(sandbox: Sandbox) -> None:
    store = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(sandbox.data), passphrase=PASSPHRASE, actor="tester"
    )
    try:
        scripted_session(store)
        made = backup.make_backup(
            store=store, folder=sandbox.backups, now=datetime(2026, 11, 28, 9)
        )
        assert made.path.parent == sandbox.backups and made.path.stat().st_size > 0
        assert leaks(sandbox.root) == []  # while unlocked: -wal and -shm included
    finally:
        store.lock()
    assert leaks(sandbox.root) == []
    written = {p.relative_to(sandbox.root).parts[0] for p in sandbox.root.rglob("*") if p.is_file()}
    assert {"data", "backups"} <= written  # the scan looked at what the session wrote
