"""Moving a case to another store: export → import into a NEW store reproduces the case (and,
with --with-files, each file's SHA-256); bad passphrases and cut files store nothing."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from clinic.domain.enums import CaseFactKind, ChecklistState, FoiaAgency
from clinic.domain.ids import CaseId, ClientId
from clinic.services import cases, checklists, deadlines, evidence, lifecycle, notes
from clinic.services.demo import fill_demo_data
from clinic.services.exports import case_bundle
from clinic.services.exports.case_bundle import (
    DamagedBundle,
    DuplicateClient,
    WrongBundlePassphrase,
    export_cases,
    import_cases,
)
from clinic.services.exports.case_document import _columns, _field_name
from clinic.storage import models as all_models
from clinic.storage.models import AdverseParty, Case, CaseFact, ChecklistItemState, Client, Note
from clinic.storage.store import Store

BUNDLE_PASSPHRASE = "lantern orbit cactus pillow"
IDS = {"id", "case_id", "client_id", "case_ids"}


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in IDS}
    if isinstance(value, list | tuple):
        return [_strip(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(map(str, value))
    return value


def _richest_case(store: Store) -> CaseId:
    with store.unit_of_work() as session:
        ids = list(session.scalars(select(Case.id)))
    views = [cases.get_case(store=store, case_id=CaseId(i)) for i in ids]
    best = max(
        views,
        key=lambda v: (
            sum(len(e.files) for e in v.evidence),
            len(v.hearings) + len(v.deadlines) + len(v.history),
        ),
    )
    assert any(e.files for e in best.evidence), "the demo should give a case with files"
    return best.id


@pytest.fixture
def source(store: Store, today: date) -> tuple[Store, CaseId]:
    fill_demo_data(store=store, clients=2, seed=2, today=today)
    case_id = _richest_case(store)
    view = cases.get_case(store=store, case_id=case_id)
    checklist = checklists.case_checklist(store=store, case_id=case_id, today=today)
    item = checklist.checklist.template.items[0]
    checklists.set_item_state(
        store=store,
        case_id=case_id,
        template_id=checklist.checklist.template.id,
        item_id=item.id,
        state=ChecklistState.NOT_APPLICABLE,
        reason="Filed by prior counsel",
    ).unwrap()
    notes.add_note(store=store, client_id=view.client.id, body="Prefers calls after 5 pm").unwrap()
    with store.unit_of_work() as session:
        session.add(
            AdverseParty(client_id=view.client.id, name="Comandante Ruiz", search_key="ruiz")
        )
    return store, case_id


@pytest.fixture
def target(tmp_path: Path, passphrase: str) -> Any:
    other = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(tmp_path / "laptop2"), passphrase=passphrase, actor="b"
    )
    yield other
    other.lock()


def _extras(store: Store, case_id: int) -> dict[str, Any]:
    with store.unit_of_work() as session:
        client_id = session.get_one(Case, case_id).client_id
        return {
            "checklist": sorted(
                (r.template_id, r.item_id, r.state, r.reason)
                for r in session.scalars(
                    select(ChecklistItemState).where(ChecklistItemState.case_id == case_id)
                )
            ),
            "adverse": sorted(
                session.scalars(
                    select(AdverseParty.name).where(AdverseParty.client_id == client_id)
                )
            ),
            "client_notes": sorted(
                session.scalars(
                    select(Note.body).where(Note.client_id == client_id, Note.case_id.is_(None))
                )
            ),
        }


def test_export_then_import_into_a_new_store_reproduces_the_case_and_its_files(
    source: tuple[Store, CaseId], target: Store, tmp_path: Path
) -> None:
    store, case_id = source
    out = tmp_path / f"case{case_bundle.SUFFIX}"
    summary = export_cases(
        store=store,
        destination=out,
        case_ids=[case_id],
        passphrase=BUNDLE_PASSPHRASE,
        with_files=True,
    ).unwrap()
    assert summary.files >= 1 and summary.encrypted
    raw = out.read_bytes()
    before = cases.get_case(store=store, case_id=case_id)
    for secret in (before.client.family_name, before.client.given_name, before.client.a_number):
        if secret:  # a client with no A-number has nothing to find (a "-" is in any header)
            assert secret.encode() not in raw  # nothing readable in the bundle

    result = import_cases(store=target, source=out, passphrase=BUNDLE_PASSPHRASE)
    imported = result.unwrap()
    assert imported.files == summary.files
    after = cases.get_case(store=target, case_id=imported.case_ids[0])
    assert _strip(asdict(after)) == _strip(asdict(before))
    assert _extras(target, after.id) == _extras(store, case_id)
    for item in after.evidence:
        for f in item.files:
            data = evidence.read_evidence_file(store=target, file_id=f.id)
            assert hashlib.sha256(data).hexdigest() == f.sha256
    assert {f.sha256 for e in after.evidence for f in e.files} == {
        f.sha256 for e in before.evidence for f in e.files
    }


def test_without_files_the_bundle_carries_no_file_and_import_says_so(
    source: tuple[Store, CaseId], target: Store, tmp_path: Path
) -> None:
    store, case_id = source
    out = tmp_path / "nofiles.cliniccase"
    export_cases(
        store=store, destination=out, case_ids=[case_id], passphrase=BUNDLE_PASSPHRASE
    ).unwrap()
    with zipfile.ZipFile(out) as archive:
        assert archive.namelist() == ["bundle.json", "export.json.enc"]
    imported = import_cases(store=target, source=out, passphrase=BUNDLE_PASSPHRASE).unwrap()
    assert imported.files == 0 and imported.files_not_included >= 1
    assert not any(
        e.files for e in cases.get_case(store=target, case_id=imported.case_ids[0]).evidence
    )


def _counts(store: Store) -> tuple[int, int, int]:
    with store.unit_of_work() as session:
        return (
            int(session.scalar(select(func.count(Client.id))) or 0),
            int(session.scalar(select(func.count(Case.id))) or 0),
            len(store.vault.names()),
        )


def test_wrong_passphrase_and_cut_file_give_clear_errors_and_store_nothing(
    source: tuple[Store, CaseId], target: Store, tmp_path: Path
) -> None:
    store, case_id = source
    out = tmp_path / "case.cliniccase"
    export_cases(
        store=store,
        destination=out,
        case_ids=[case_id],
        passphrase=BUNDLE_PASSPHRASE,
        with_files=True,
    ).unwrap()
    with pytest.raises(WrongBundlePassphrase, match="passphrase does not open"):
        import_cases(store=target, source=out, passphrase="not the right one at all")
    cut = tmp_path / "cut.cliniccase"
    cut.write_bytes(out.read_bytes()[: len(out.read_bytes()) - 300])
    with pytest.raises(DamagedBundle, match="not a complete Clinic case export"):
        import_cases(store=target, source=cut, passphrase=BUNDLE_PASSPHRASE)
    # A file member changed inside an otherwise intact archive: caught by the file's own check.
    tampered = tmp_path / "tampered.cliniccase"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("files/"):
                data = data[:-1] + bytes([data[-1] ^ 1])
            dst.writestr(info, data)
    with pytest.raises(DamagedBundle):
        import_cases(store=target, source=tampered, passphrase=BUNDLE_PASSPHRASE)
    assert _counts(target) == (0, 0, 0)


def test_a_likely_duplicate_client_is_refused_unless_merged(
    source: tuple[Store, CaseId], tmp_path: Path
) -> None:
    store, case_id = source
    out = tmp_path / "again.cliniccase"
    export_cases(
        store=store, destination=out, case_ids=[case_id], passphrase=BUNDLE_PASSPHRASE
    ).unwrap()
    before = _counts(store)
    with pytest.raises(DuplicateClient, match="merge-into"):
        import_cases(store=store, source=out, passphrase=BUNDLE_PASSPHRASE)
    with pytest.raises(DuplicateClient):  # same A-number: cannot be a second client
        import_cases(store=store, source=out, passphrase=BUNDLE_PASSPHRASE, as_new_client=True)
    assert _counts(store) == before
    client_id = cases.get_case(store=store, case_id=case_id).client.id
    merged = import_cases(
        store=store, source=out, passphrase=BUNDLE_PASSPHRASE, merge_into=ClientId(client_id)
    ).unwrap()
    assert merged.client_ids == (client_id,)
    assert _counts(store)[:2] == (before[0], before[1] + 1)


def test_plain_export_is_json_of_the_documented_format_and_imports(
    source: tuple[Store, CaseId], target: Store, tmp_path: Path
) -> None:
    store, case_id = source
    out = tmp_path / "case.json"
    export_cases(store=store, destination=out, case_ids=[case_id], passphrase=None).unwrap()
    document = json.loads(out.read_text("utf-8"))
    assert (document["format"], document["version"]) == ("clinic-case-export", 1)
    entry = document["clients"][0]
    assert set(entry) == {"client", "family", "addresses", "adverse_parties", "notes", "cases"}
    assert "key" not in json.dumps(entry["cases"][0]["evidence"])
    imported = import_cases(store=target, source=out, passphrase=None).unwrap()
    assert len(imported.case_ids) == 1
    with pytest.raises(case_bundle.BundleError, match="encrypted"):
        export_cases(
            store=store,
            destination=tmp_path / "x.json",
            case_ids=[case_id],
            passphrase=None,
            with_files=True,
        )


def test_every_exported_field_is_documented() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "export-format.md").read_text("utf-8")
    models = (Client, Case, AdverseParty, ChecklistItemState, Note)
    extra = (
        all_models.FamilyMember,
        all_models.ClientAddress,
        all_models.CaseFact,
        all_models.StageEvent,
        all_models.Hearing,
        all_models.Deadline,
        all_models.EvidenceItem,
        all_models.EvidenceFile,
    )
    missing = [
        f"{m.__name__}.{_field_name(k)}"
        for m in (*models, *extra)
        for k, _ in _columns(m)
        if f"`{_field_name(k)}`" not in doc
    ]
    assert missing == []


def test_a_foia_response_keeps_its_request_in_another_store(
    source: tuple[Store, CaseId], target: Store, tmp_path: Path
) -> None:
    """Row ids mean nothing in another store: a fact about an earlier fact travels by place."""
    store, case_id = source
    # Another store's ids would differ: a throwaway fact in the target shifts them.
    sent = deadlines.record_case_fact(
        store=store,
        case_id=case_id,
        kind=CaseFactKind.FOIA_SENT,
        on=date(2026, 10, 1),
        agency=FoiaAgency.USCIS,
    ).unwrap()
    deadlines.record_case_fact(
        store=store,
        case_id=case_id,
        kind=CaseFactKind.FOIA_RESPONSE,
        on=date(2026, 11, 2),
        about_id=sent,
    ).unwrap()
    out = tmp_path / f"foia{case_bundle.SUFFIX}"
    export_cases(store=store, destination=out, case_ids=[case_id], passphrase=BUNDLE_PASSPHRASE)
    imported = import_cases(store=target, source=out, passphrase=BUNDLE_PASSPHRASE).unwrap()
    with target.unit_of_work() as session:
        facts = {
            f.kind: f
            for f in session.scalars(
                select(CaseFact).where(CaseFact.case_id == imported.case_ids[0])
            )
        }
        request, response = facts[CaseFactKind.FOIA_SENT], facts[CaseFactKind.FOIA_RESPONSE]
        assert response.about_id == request.id
        assert request.agency == FoiaAgency.USCIS.value
