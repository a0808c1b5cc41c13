"""Case document version 4 (issue 23): the I-589's Part A.III lists and the case's preparer and
interpreter travel with the case; a version-3 document, without them, still imports (empty
lists, nothing recorded)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from clinic.domain.drafts import StaffDraft
from clinic.domain.enums import StaffRole
from clinic.domain.ids import CaseId, ClientId
from clinic.services import background, lifecycle, staff
from clinic.services.exports.bundle_import import DamagedBundle, import_cases
from clinic.services.exports.case_bundle import export_cases
from clinic.services.i589_people import I589People, i589_people, set_i589_people
from clinic.storage.models import Case, Staff
from clinic.storage.store import Store
from tests.services.i589_case import make_case


def _client_of(store: Store, case_id: int) -> ClientId:
    with store.unit_of_work() as session:
        return ClientId(session.get_one(Case, case_id).client_id)


def _unnumbered(rows: tuple[object, ...]) -> list[object]:
    return [replace(row, ref=None) for row in rows]  # type: ignore[type-var]


def _new_store(tmp_path: Path, name: str, passphrase: str) -> Store:
    return lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(tmp_path / name), passphrase=passphrase, actor="b"
    )


def test_version_4_carries_the_lists_preparer_and_interpreter_and_version_3_still_imports(
    store: Store, tmp_path: Path, passphrase: str
) -> None:
    case_id = make_case(store)
    laura = staff.add_staff(
        store=store, staff=StaffDraft("Laura Méndez", StaffRole.PARALEGAL)
    ).unwrap()
    people = I589People(laura, "Juana Mamani", "qu")
    set_i589_people(store=store, case_id=case_id, people=people).unwrap()
    out = tmp_path / "v4.json"
    export_cases(store=store, destination=out, case_ids=[case_id], passphrase=None).unwrap()
    document = json.loads(out.read_text("utf-8"))
    assert document["version"] == 4
    entry = document["clients"][0]
    assert len(entry["background"]["addresses"]) == 8 and "id" not in entry["background"]["jobs"][0]
    case = entry["cases"][0]
    assert (
        case["i589_preparer"]["name"] == "Laura Méndez" and "i589_preparer_id" not in case["case"]
    )

    target = _new_store(tmp_path, "laptop2", passphrase)
    try:
        (moved,) = import_cases(store=target, source=out, passphrase=None).unwrap().case_ids
        here = background.background_of(store=target, client_id=_client_of(target, moved))
        there = background.background_of(store=store, client_id=_client_of(store, case_id))
        for name in ("addresses", "schools", "jobs", "relatives"):
            assert _unnumbered(getattr(here, name)) == _unnumbered(getattr(there, name)), name
        got = i589_people(store=target, case_id=CaseId(moved))
        with target.unit_of_work() as session:
            assert got.preparer_id is not None
            assert session.get_one(Staff, got.preparer_id).name == "Laura Méndez"
        assert (got.interpreter_name, got.interpreter_language) == ("Juana Mamani", "qu")
    finally:
        target.lock()

    for item in document["clients"]:
        del item["background"]
        for planned in item["cases"]:
            del planned["i589_preparer"]
            del planned["case"]["i589_interpreter_name"]
            del planned["case"]["i589_interpreter_language"]
    document["version"] = 3
    old = tmp_path / "v3.json"
    old.write_text(json.dumps(document), "utf-8")
    other = _new_store(tmp_path, "laptop3", passphrase)
    try:
        (case3,) = import_cases(store=other, source=old, passphrase=None).unwrap().case_ids
        empty = background.background_of(store=other, client_id=_client_of(other, case3))
        assert empty == background.Background()
        assert i589_people(store=other, case_id=CaseId(case3)) == I589People()
    finally:
        other.lock()


def test_a_document_with_an_unknown_list_is_refused(
    store: Store, tmp_path: Path, passphrase: str
) -> None:
    case_id = make_case(store)
    out = tmp_path / "v4.json"
    export_cases(store=store, destination=out, case_ids=[case_id], passphrase=None).unwrap()
    document = json.loads(out.read_text("utf-8"))
    document["clients"][0]["background"]["pets"] = []
    out.write_text(json.dumps(document), "utf-8")
    target = _new_store(tmp_path, "laptop2", passphrase)
    try:
        with pytest.raises(DamagedBundle, match="pets"):
            import_cases(store=target, source=out, passphrase=None)
    finally:
        target.lock()
