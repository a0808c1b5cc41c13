"""Reading back a client's entries into the United States, lawful status periods, family
members' own filings and the kind of proceeding, for the window, the command line and the
I-589 (issue 18 § 2; issue 23 reads :func:`people_facts`). Recording them is
:mod:`clinic.services.entries`, which re-exports these names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from clinic.domain.entries import (
    EntryFact,
    derivative_notes,
    entries_for_i589,
)
from clinic.domain.enums import (
    ArrivalManner,
    ProceedingKind,
    Relationship,
    StatusKind,
)
from clinic.domain.ids import CaseId, ClientId
from clinic.services.errors import NotFound, Thing
from clinic.storage.models import Case, Client, FamilyMember
from clinic.storage.store import Store


def client_row(session: Session, client_id: int) -> Client:
    """The client row, or NotFound."""
    client = session.get(Client, client_id)
    if client is None:
        raise NotFound(Thing.CLIENT, client_id)
    return client


def intake_arrival(client: Client) -> EntryFact | None:
    """The last arrival typed at intake when no recorded entry of the client's has its date
    (an entry nobody recorded separately is still an entry, for the I-589's list too)."""
    last = client.last_arrival_on
    if last is None or any(
        e.family_member_id is None and e.entered_on == last for e in client.entries
    ):
        return None
    return EntryFact(on=last, place=client.last_arrival_place, manner=client.last_arrival_manner)


@dataclass(frozen=True)
class StatusView:
    ref: int
    kind: StatusKind
    detail: str
    start: date | None
    end: date | None
    member_id: int | None
    entry_id: int | None


@dataclass(frozen=True)
class FamilyFilingView:
    """A family member as the one-year rules and the I-589 see them."""

    member_id: int
    name: str
    relationship: Relationship
    birth: date | None
    in_us: bool
    derivative: bool
    files_own_i589: bool
    own_i589_received: date | None
    last_arrival: date | None
    notes: tuple[str, ...]  # entries.derivative_notes codes


@dataclass(frozen=True)
class PeopleFacts:
    """A client's entries (each person's most recent first), statuses and family filings."""

    client_id: int
    entries: tuple[EntryFact, ...]
    statuses: tuple[StatusView, ...]
    family: tuple[FamilyFilingView, ...]

    def entries_of(self, member_id: int | None = None) -> list[EntryFact]:
        return entries_for_i589(self.entries, member_id)


def people_facts(*, store: Store, client_id: ClientId, today: date) -> PeopleFacts:
    """Everything recorded about the client's and family's entries, statuses and filings."""
    with store.unit_of_work() as session:
        client = client_row(session, client_id)
        principal = min((c.filed_on for c in client.cases if c.filed_on), default=None)
        entries = tuple(
            EntryFact(
                on=e.entered_on,
                place=e.place,
                manner=ArrivalManner(e.manner),
                status=e.status,
                status_expires=e.status_expires_on,
                i94_number=e.i94_number,
                member_id=e.family_member_id,
                ref=e.id,
            )
            for e in client.entries
        )
        intake = intake_arrival(client)
        if intake is not None:
            entries = (intake, *entries)
        statuses = tuple(
            StatusView(
                s.id,
                StatusKind(s.kind),
                s.detail,
                s.from_on,
                s.until_on,
                s.family_member_id,
                s.entry_id,
            )
            for s in client.statuses
        )
        family = tuple(_family_view(m, entries, principal, today) for m in client.family)
        return PeopleFacts(client.id, entries, statuses, family)


def _family_view(
    member: FamilyMember, entries: tuple[EntryFact, ...], principal: date | None, today: date
) -> FamilyFilingView:
    relationship = Relationship(member.relationship_)
    own = entries_for_i589(entries, member.id)
    return FamilyFilingView(
        member_id=member.id,
        name=" ".join(p for p in (member.given_name, member.family_name) if p),
        relationship=relationship,
        birth=member.date_of_birth,
        in_us=member.in_us,
        derivative=member.derivative,
        files_own_i589=member.files_own_i589,
        own_i589_received=member.own_i589_received_on,
        last_arrival=own[0].on if own else None,
        notes=derivative_notes(
            relationship,
            derivative=member.derivative,
            files_own=member.files_own_i589,
            birth=member.date_of_birth,
            principal_filed=principal,
            today=today,
        ),
    )


def case_proceeding(*, store: Store, case_id: CaseId) -> ProceedingKind:
    with store.unit_of_work() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(Thing.CASE, case_id)
        return ProceedingKind(case.proceeding)
