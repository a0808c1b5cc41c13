"""Moving a case to another store: export → import into a NEW store reproduces the case (and,
with --with-files, each file's SHA-256); bad passphrases and cut files store nothing."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from clinic.domain.drafts import FamilyMemberDraft
from clinic.domain.entries import EntryFact, StatusPeriod
from clinic.domain.enums import (
    CaseFactKind,
    ChecklistState,
    FoiaAgency,
    Relationship,
    StatusKind,
)
from clinic.domain.ids import CaseId, ClientId
from clinic.services import (
    applicant,
    cases,
    checklists,
    clients,
    deadlines,
    entries,
    evidence,
    lifecycle,
    notes,
)
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
# ids, and row versions (an imported row starts again at 1: how often the source was saved is
# not part of the case)
IDS = {"id", "case_id", "client_id", "case_ids", "version"}


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
    assert (document["format"], document["version"]) == ("clinic-case-export", 4)
    entry = document["clients"][0]
    assert set(entry) == {
        "client",
        "family",
        "addresses",
        "adverse_parties",
        "notes",
        "entries",
        "statuses",
        "background",
        "cases",
    }
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
        all_models.Entry,
        all_models.LawfulStatus,
        all_models.BackgroundAddress,
        all_models.BackgroundSchool,
        all_models.BackgroundJob,
        all_models.BackgroundRelative,
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


def _people(store: Store, client_id: ClientId, today: date) -> dict[str, Any]:
    """Entries, statuses and family filings with member and entry ids replaced by what they
    name (ids differ between stores)."""
    facts = entries.people_facts(store=store, client_id=client_id, today=today)
    view = clients.get_client(store=store, client_id=client_id)
    names = {m.id: m.given_name for m in view.family}
    when = {e.ref: (e.on, e.place) for e in facts.entries}

    def whose(member_id: int | None) -> str:
        return "(the client)" if member_id is None else names[member_id]

    return {
        "entries": sorted(
            (whose(e.member_id), e.on, e.place, e.manner, e.status, e.status_expires, e.i94_number)
            for e in facts.entries
        ),
        "statuses": sorted(
            (whose(s.member_id), s.kind, s.detail, s.start, s.end, when.get(s.entry_id, ()))
            for s in facts.statuses
        ),
        "filers": sorted(
            (f.name, f.files_own_i589, f.own_i589_received, f.last_arrival)
            for f in facts.family
            if f.files_own_i589
        ),
    }


def test_entries_and_statuses_travel_with_their_family_member_and_entry(
    source: tuple[Store, CaseId], target: Store, tmp_path: Path, today: date
) -> None:
    """Issue 18 § 2 / issue 23: every entry into the United States and every lawful status
    period (8 CFR 208.4(a)(5)(iv)), the client's and a family member's, reach the other store,
    each still naming its person and the entry it began on; the member's own one-year
    deadline (INA 208(a)(2)(B)) is the same there. Before version 2 they were left behind."""
    store, case_id = source
    client_id = cases.get_case(store=store, case_id=case_id).client.id
    son = clients.add_family_member(
        store=store,
        client_id=client_id,
        member=FamilyMemberDraft("Quispe", "Mateo", Relationship.CHILD, date(2010, 3, 4)),
        today=today,
    ).unwrap()
    entries.set_own_filing(
        store=store,
        client_id=client_id,
        member_id=son,
        files_own=True,
        received_on=None,
        today=today,
    ).unwrap()
    entries.record_entry(
        store=store,
        client_id=client_id,
        entry=EntryFact(
            on=date(2019, 6, 2),
            place="Miami, FL",
            status="B-2",
            status_expires=date(2019, 12, 1),
            i94_number="12345678901",
        ),
        today=today,
    ).unwrap()
    son_entry = entries.record_entry(
        store=store,
        client_id=client_id,
        entry=EntryFact(on=date(2025, 8, 14), place="San Ysidro, CA", member_id=son),
        today=today,
    ).unwrap()
    entries.record_status(
        store=store,
        client_id=client_id,
        status=StatusPeriod(
            ref=0,
            kind=StatusKind.PAROLE,
            detail="humanitarian parole",
            start=date(2025, 8, 14),
            end=date(2026, 8, 13),
            member_id=son,
            entry_id=son_entry,
        ),
        today=today,
    ).unwrap()
    out = tmp_path / f"people{case_bundle.SUFFIX}"
    export_cases(store=store, destination=out, case_ids=[case_id], passphrase=BUNDLE_PASSPHRASE)
    imported = import_cases(store=target, source=out, passphrase=BUNDLE_PASSPHRASE).unwrap()
    new_client = imported.client_ids[0]
    before, after = _people(store, client_id, today), _people(target, new_client, today)
    assert after == before
    assert (
        "Mateo",
        StatusKind.PAROLE,
        "humanitarian parole",
        date(2025, 8, 14),
        date(2026, 8, 13),
        (date(2025, 8, 14), "San Ysidro, CA"),
    ) in after["statuses"]
    assert [f[0] for f in after["filers"]] == ["Mateo Quispe"]

    def due(where: Store, case: int) -> list[tuple[str, str, date, str]]:
        view = cases.get_case(store=where, case_id=CaseId(case))
        return sorted((d.rule_id, d.title, d.due_on, str(d.anchor_on)) for d in view.deadlines)

    assert due(target, imported.case_ids[0]) == due(store, case_id)


def test_an_entry_that_names_no_family_member_is_refused(
    source: tuple[Store, CaseId], target: Store, tmp_path: Path
) -> None:
    """A link out of range is a damaged or forged document: nothing is imported."""
    store, case_id = source
    out = tmp_path / "people.json"
    export_cases(store=store, destination=out, case_ids=[case_id], passphrase=None)
    document = json.loads(out.read_text("utf-8"))
    document["clients"][0]["entries"] = [{"entered_on": "2019-06-02", "family_member": 7}]
    out.write_text(json.dumps(document), "utf-8")
    with pytest.raises(case_bundle.DamagedBundle, match="names no family member"):
        import_cases(store=target, source=out, passphrase=None)
    assert _counts(target) == (0, 0, 0)


def test_a_version_1_document_without_entries_still_imports(
    source: tuple[Store, CaseId], target: Store, tmp_path: Path
) -> None:
    store, case_id = source
    out = tmp_path / "old.json"
    export_cases(store=store, destination=out, case_ids=[case_id], passphrase=None)
    document = json.loads(out.read_text("utf-8"))
    assert document["version"] == 4
    document["version"] = 1
    for client in document["clients"]:
        for name in [k for k in client["client"] if k.startswith("part_")]:
            del client["client"][name]
    for client in document["clients"]:
        client.pop("entries"), client.pop("statuses")
    out.write_text(json.dumps(document), "utf-8")
    assert import_cases(store=target, source=out, passphrase=None).unwrap().case_ids


def test_an_entry_in_the_future_is_refused_as_intake_would(
    source: tuple[Store, CaseId], target: Store, tmp_path: Path
) -> None:
    """An imported entry passes the Entries section's own check (validate_entry)."""
    store, case_id = source
    out = tmp_path / "future.json"
    export_cases(store=store, destination=out, case_ids=[case_id], passphrase=None)
    document = json.loads(out.read_text("utf-8"))
    document["clients"][0]["entries"] = [{"entered_on": "2999-01-01", "family_member": None}]
    out.write_text(json.dumps(document), "utf-8")
    with pytest.raises(case_bundle.InvalidRecords, match="entry 1"):
        import_cases(store=target, source=out, passphrase=None)
    assert _counts(target) == (0, 0, 0)


def test_the_part_b_and_c_answers_travel_and_a_version_2_document_still_imports(
    source: tuple[Store, CaseId], target: Store, tmp_path: Path, today: date, passphrase: str
) -> None:
    """Version 3 carries the client's Part B and C answers (migration 0010); a version-2
    document, without them, imports with every question not asked yet."""
    store, case_id = source
    client_id = ClientId(store_client_of(store, case_id))
    details = applicant.applicant_details(store=store, client_id=client_id)
    answered = replace(
        details,
        part_b1a=True,
        part_b1a_explanation="Threatened twice.\nBeaten once.",
        part_c2a=False,
        part_c2b=True,
        part_c2_explanation="Lived in Mexico for 3 months.",
    )
    applicant.set_applicant_details(
        store=store, client_id=client_id, details=answered, today=today
    ).unwrap()
    out = tmp_path / "v3.json"
    export_cases(store=store, destination=out, case_ids=[case_id], passphrase=None).unwrap()
    document = json.loads(out.read_text("utf-8"))
    client = document["clients"][0]["client"]
    assert (client["part_b1a"], client["part_c2b"], client["part_b2"]) == (True, True, None)
    assert client["part_b1a_explanation"] == "Threatened twice.\nBeaten once."
    (new_case,) = import_cases(store=target, source=out, passphrase=None).unwrap().case_ids
    moved = applicant.applicant_details(store=target, client_id=store_client_of(target, new_case))
    assert moved == applicant.applicant_details(store=store, client_id=client_id)

    for entry in document["clients"]:
        for name in [k for k in entry["client"] if k.startswith("part_")]:
            del entry["client"][name]
    document["version"] = 2
    old = tmp_path / "v2.json"
    old.write_text(json.dumps(document), "utf-8")
    other = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(tmp_path / "laptop3"), passphrase=passphrase, actor="c"
    )
    try:
        (case2,) = import_cases(store=other, source=old, passphrase=None).unwrap().case_ids
        plain = applicant.applicant_details(store=other, client_id=store_client_of(other, case2))
        assert plain.part_b1a is None and plain.part_c2_explanation == ""
    finally:
        other.lock()


def store_client_of(store: Store, case_id: int) -> ClientId:
    with store.unit_of_work() as session:
        row = session.get(Case, case_id)
        assert row is not None
        return ClientId(row.client_id)
