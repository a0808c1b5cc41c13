"""Parts D and E of the I-589 (issue 23): the case's preparer (a staff member) and interpreter,
recorded and audited on the case, checked, placed on the form and cross-checked."""

from __future__ import annotations

from sqlalchemy import select

from clinic.domain.drafts import StaffDraft
from clinic.domain.enums import StaffRole
from clinic.domain.ids import CaseId
from clinic.domain.validation import Problem
from clinic.services import i589_facts, staff
from clinic.services.i589_people import I589People, i589_people, set_i589_people
from clinic.storage.models import AuditEntry, Staff
from clinic.storage.store import Store
from tests.services.i589_case import make_case


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
