"""Parts D and E of the I-589 (issue 23): the case's preparer (a staff member) and interpreter,
recorded and audited on the case, checked, placed on the form and cross-checked."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from clinic.domain.drafts import StaffDraft
from clinic.domain.enums import StaffRole
from clinic.domain.ids import CaseId
from clinic.domain.validation import Problem
from clinic.services import i589, i589_facts, staff
from clinic.services.i589_people import I589People, i589_people, set_i589_people
from clinic.services.settings import get_settings, update_settings
from clinic.storage.models import AuditEntry, Staff
from clinic.storage.store import Store
from tests.services.i589_case import make_case
from tests.services.test_i589 import BLANK, page_texts, placed_text


def test_the_preparer_and_interpreter_are_recorded_audited_and_checked(store: Store) -> None:
    case_id: CaseId = make_case(store)
    findings = {f.code for f in i589_facts.check_i589(store=store, case_id=case_id)}
    assert "no_preparer" in findings
    laura = staff.add_staff(
        store=store, staff=StaffDraft("Laura Méndez", StaffRole.PARALEGAL)
    ).unwrap()
    people = I589People(laura, "Juana Mamani", "QU")
    assert set_i589_people(store=store, case_id=case_id, people=people).ok
    assert i589_people(store=store, case_id=case_id) == I589People(laura, "Juana Mamani", "qu")
    with store.unit_of_work() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "case").order_by(AuditEntry.seq.desc())
        ).first()
        assert entry is not None
        assert entry.changes["i589_preparer_id"] == [None, laura]
        assert entry.changes["i589_interpreter_name"] == ["", "Juana Mamani"]
        facts = i589_facts.case_facts(session, case_id)
    assert facts.preparer_name == "Laura Méndez" and facts.interpreter_language == "qu"
    findings = {f.code for f in i589_facts.check_i589(store=store, case_id=case_id)}
    assert not findings & {"no_preparer", "no_interpreter"}


def test_a_bad_preparer_or_interpreter_is_refused(store: Store) -> None:
    case_id = make_case(store)
    with store.unit_of_work() as session:
        gone = Staff(name="Ex Volunteer", role=StaffRole.VOLUNTEER, active=False)
        session.add(gone)
        session.flush()
        gone_id = gone.id
    cases = (
        (I589People(gone_id), [("preparer", Problem.UNKNOWN_STAFF)]),
        (I589People(9999), [("preparer", Problem.UNKNOWN_STAFF)]),
        (I589People(None, "Juana"), [("interpreter_language", Problem.REQUIRED)]),
        (I589People(None, "", "es"), [("interpreter_name", Problem.REQUIRED)]),
        (I589People(None, "Juana", "zz9"), [("interpreter_language", Problem.UNKNOWN_LANGUAGE)]),
    )
    for people, expected in cases:
        result = set_i589_people(store=store, case_id=case_id, people=people)
        assert [(p.field, p.code) for p in result.problems] == expected, people
    assert i589_people(store=store, case_id=case_id) == I589People()


def test_a_preparer_made_inactive_later_stays_recorded(store: Store) -> None:
    case_id = make_case(store)
    laura = staff.add_staff(
        store=store, staff=StaffDraft("Laura Méndez", StaffRole.PARALEGAL)
    ).unwrap()
    set_i589_people(store=store, case_id=case_id, people=I589People(laura)).unwrap()
    with store.unit_of_work() as session:
        session.get_one(Staff, laura).active = False
    again = I589People(laura, "Juana Mamani", "qu")  # saved again with the interpreter
    assert set_i589_people(store=store, case_id=case_id, people=again).ok
    assert i589_people(store=store, case_id=case_id) == again


def test_part_e_takes_the_clinics_address_and_telephone_from_settings(
    store: Store, tmp_path: Path
) -> None:
    """Recorded once in Settings, the clinic's address and daytime telephone fill Part E's
    address and telephone of every form its staff prepare (read back from the filled fields and
    from page 9's printed text); a wrong ZIP code, state or telephone is refused when saving
    the settings, in words, nothing saved."""
    refused = update_settings(
        store=store,
        settings=replace(
            get_settings(store=store),
            office_zip_code="6060",
            office_state="Ill.",
            office_phone="555",
        ),
    )
    assert [(p.field, p.code) for p in refused.problems] == [
        ("office_state", Problem.BAD_STATE),
        ("office_zip_code", Problem.BAD_ZIP),
        ("office_phone", Problem.BAD_US_PHONE),
    ]
    assert get_settings(store=store).office_zip_code == ""
    office = replace(
        get_settings(store=store),
        office_street=" 1200 W Lawrence Ave ",
        office_suite="Suite 210",
        office_city="Chicago",
        office_state="il",
        office_zip_code="60640-1234",
        office_phone="(773) 555-0188",
    )
    saved = update_settings(store=store, settings=office).unwrap()
    assert (saved.office_street, saved.office_state) == ("1200 W Lawrence Ave", "IL")
    case_id = make_case(store)
    laura = staff.add_staff(
        store=store, staff=StaffDraft("Laura Méndez", StaffRole.PARALEGAL)
    ).unwrap()
    set_i589_people(store=store, case_id=case_id, people=I589People(laura)).unwrap()
    out = tmp_path / "i589.pdf"
    filled = i589.export_i589(
        store=store, case_id=case_id, form=BLANK, destination=out, flatten=True
    ).filled
    values = placed_text(filled)
    assert [
        values[f"preparer.{k}"]
        for k in ("street", "apartment", "city", "state", "zip", "phone_area", "phone_number")
    ] == ["1200 W Lawrence Ave", "210", "Chicago", "IL", "60640", "773", "555-0188"]
    page9 = page_texts(out)[8]
    for text in ("Laura Méndez", "1200 W Lawrence Ave", "Chicago", "60640", "555-0188"):
        assert text in page9, text
