"""What the case file says for the I-589 (:class:`I589Facts`), read from the store, and the
cross-checks before printing. Kept apart from the filling (:mod:`clinic.services.i589`, which
needs pypdf and PDFium) so that the window's I-589 tab can check without loading them."""

from __future__ import annotations

from sqlalchemy.orm import Session

from clinic.domain.entries import EntryFact
from clinic.domain.enums import ClaimType, Relationship
from clinic.domain.i589_checks import Finding, cross_checks
from clinic.domain.i589_values import Address, I589Facts, Relative
from clinic.domain.ids import CaseId
from clinic.services.applicant import details_of, interview_questions
from clinic.services.background import read_background
from clinic.services.errors import NotFound, Thing
from clinic.services.people_facts_read import intake_arrival
from clinic.services.settings_schema import settings_in
from clinic.storage.models import Case, Client, FamilyMember, Staff
from clinic.storage.store import Store


def _address(client: Client) -> Address | None:
    us = [a for a in client.addresses if a.country.upper() == "US"]
    if not us:
        return None
    latest = max(us, key=lambda a: (a.moved_in_on is not None, a.moved_in_on, a.id))
    return Address(latest.line1, latest.line2, latest.city, latest.state, latest.postal_code, "US")


def _relative(member: FamilyMember) -> Relative:
    return Relative(
        ref=member.id,
        family_name=member.family_name,
        given_name=member.given_name,
        a_number=member.a_number,
        date_of_birth=member.date_of_birth,
        in_us=member.in_us,
        derivative=member.derivative,
    )


def _entries(client: Client) -> tuple[EntryFact, ...]:
    """The client's and the family's entries; the arrival typed at intake counts as the
    client's entry when no recorded entry has its date (as the Entries section lists it)."""
    recorded = tuple(
        EntryFact(
            on=e.entered_on,
            place=e.place,
            manner=e.manner,
            status=e.status,
            status_expires=e.status_expires_on,
            i94_number=e.i94_number,
            member_id=e.family_member_id,
            ref=e.id,
        )
        for e in client.entries
    )
    typed = intake_arrival(client)
    return recorded if typed is None else (typed, *recorded)


def _facts(session: Session, case: Case) -> I589Facts:
    client = case.client
    family = list(client.family)
    return I589Facts(
        family_name=client.family_name,
        given_name=client.given_name,
        other_names=tuple(client.other_names or ()),
        a_number=client.a_number,
        date_of_birth=client.date_of_birth,
        sex=client.sex,
        nationalities=tuple(client.nationalities or ()),
        languages=tuple(client.languages or ()),
        phone=client.phone,
        address=_address(client),
        entries=_entries(client),
        spouses=tuple(_relative(m) for m in family if m.relationship_ is Relationship.SPOUSE),
        children=tuple(_relative(m) for m in family if m.relationship_ is Relationship.CHILD),
        in_court_now=case.claim_type is ClaimType.DEFENSIVE and case.closed_on is None,
        grounds=frozenset(case.grounds or ()),
        relief=frozenset(case.relief or ()),
        details=details_of(client),
        last_arrival_on=client.last_arrival_on,
        background=read_background(session, client.id),
        preparer_name=_preparer(session, case),
        preparer_office=settings_in(session).office_address(),
        interpreter_needed=client.interpreter_needed,
        interpreter_name=case.i589_interpreter_name,
        interpreter_language=case.i589_interpreter_language,
    )


def _preparer(session: Session, case: Case) -> str:
    staff = session.get(Staff, case.i589_preparer_id) if case.i589_preparer_id else None
    return staff.name if staff is not None else ""


def case_facts(session: Session, case_id: CaseId) -> I589Facts:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(Thing.CASE, case_id)
    return _facts(session, case)


def check_i589(*, store: Store, case_id: CaseId) -> tuple[Finding, ...]:
    """The cross-checks before printing (``clinic i589 --check``, the I-589 tab)."""
    with store.unit_of_work() as session:
        facts = case_facts(session, case_id)
    return cross_checks(facts, interview_questions())
