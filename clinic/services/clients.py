"""Intake and upkeep of clients, their family, addresses and adverse parties; conflict checks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic.domain.anumber import parse_a_number
from clinic.domain.conflicts import (
    Candidate,
    ConflictMatch,
    DistinctPerson,
    find_conflicts,
)
from clinic.domain.drafts import AddressDraft, ClientDraft, FamilyMemberDraft
from clinic.domain.enums import AuditAction, Stage
from clinic.domain.ids import CaseId, ClientId, FamilyMemberId
from clinic.domain.names import search_key
from clinic.domain.validation import (
    FieldProblem,
    Problem,
    validate_address,
    validate_client,
    validate_family_member,
)
from clinic.services.auditing import record, record_created
from clinic.services.deadline_refresh import client_case_ids, refresh_cases
from clinic.services.dto import ClientView
from clinic.services.errors import NotFound, Thing
from clinic.services.intake_rows import (
    add_family,
    client_search_key,
    client_values,
    known_parties,
)
from clinic.services.results import Changes, Entity, Result, rejected
from clinic.services.versions import update_versioned
from clinic.services.views import client_view
from clinic.storage.models import AdverseParty, Case, Client, ClientAddress
from clinic.storage.store import Store

CLIENT_FIELDS = tuple(f for f in ClientDraft.__dataclass_fields__)


def intake_client(
    *,
    store: Store,
    client: ClientDraft,
    today: date,
    family: Sequence[FamilyMemberDraft] = (),
    address: AddressDraft | None = None,
    adverse_parties: Sequence[str] = (),
    distinct_from: Sequence[DistinctPerson] = (),
) -> Result[ClientId]:
    """Record a new client with family, first address and adverse parties in one transaction.

    ``distinct_from``: the existing clients the conflict check found as strong matches and that
    staff confirmed are someone else; each confirmation is audited on the new client, with the
    matched client's id, the score and the reasons (no name: it is another client's identity).
    """
    problems = list(validate_client(client, today=today))
    for index, member in enumerate(family):
        problems += [
            FieldProblem(f"family[{index}].{p.field}", p.code)
            for p in validate_family_member(member, today=today)
        ]
    if address is not None:
        problems += [
            FieldProblem(f"address.{p.field}", p.code)
            for p in validate_address(address, today=today)
        ]
    if problems:
        return rejected(tuple(problems))
    values = client_values(client)
    with store.unit_of_work() as session:
        if values["a_number"] and _a_number_taken(session, str(values["a_number"]), None):
            return rejected((FieldProblem("a_number", Problem.DUPLICATE_A_NUMBER),))
        row = Client(**values, search_key=client_search_key(values))
        session.add(row)
        session.flush()
        record_created(
            session, actor=store.actor, entity=Entity.CLIENT, entity_id=row.id, values=values
        )
        touched = {(Entity.CLIENT, row.id)}
        for member in family:
            touched.add((Entity.FAMILY_MEMBER, add_family(session, store.actor, row, member)))
        if address is not None:
            _add_address(session, store.actor, row, address)
        for name in adverse_parties:
            if name.strip():
                _add_adverse(session, store.actor, row, name.strip())
        for confirmed in distinct_from:
            _record_distinct(session, store.actor, row, confirmed)
        return Result(ClientId(row.id), changes=Changes(frozenset(touched)))


def _record_distinct(
    session: Session, actor: str, client: Client, confirmed: DistinctPerson
) -> None:
    if session.get(Client, confirmed.matched_client_id) is None:
        raise NotFound(Thing.CLIENT, confirmed.matched_client_id)
    record(
        session,
        actor=actor,
        action=AuditAction.NOT_SAME_PERSON,
        entity=Entity.CLIENT,
        entity_id=client.id,
        changes={
            "not_same_as_client": [None, confirmed.matched_client_id],
            "match_score": [None, round(confirmed.score, 1)],
            "match_reasons": [None, [reason.value for reason in confirmed.reasons]],
        },
    )


def _a_number_taken(session: Session, a_number: str, except_id: int | None) -> bool:
    existing = session.scalar(select(Client.id).where(Client.a_number == a_number))
    return existing is not None and existing != except_id


def _add_address(session: Session, actor: str, client: Client, draft: AddressDraft) -> int:
    values = asdict(draft)
    values["country"] = draft.country.upper()
    row = ClientAddress(client_id=client.id, **values)
    session.add(row)
    session.flush()
    record_created(
        session,
        actor=actor,
        entity=Entity.ADDRESS,
        entity_id=row.id,
        values={**values, "client_id": client.id},
    )
    return row.id


def _add_adverse(session: Session, actor: str, client: Client, name: str) -> int:
    row = AdverseParty(client_id=client.id, name=name, search_key=search_key(name))
    session.add(row)
    session.flush()
    record_created(
        session,
        actor=actor,
        entity=Entity.ADVERSE_PARTY,
        entity_id=row.id,
        values={"name": name, "client_id": client.id},
    )
    return row.id


def update_client(
    *,
    store: Store,
    client_id: ClientId,
    client: ClientDraft,
    today: date,
    expected_version: int | None = None,
    save_over: int | None = None,
) -> Result[ClientId]:
    """Save the client form. ``expected_version``: the version the form was filled from (a
    newer one saved meanwhile: clinic.services.versions, EditConflict); ``save_over``: the
    version whose conflicting changes the user saw and chose to save over."""
    problems = validate_client(client, today=today)
    if problems:
        return rejected(problems)
    values = client_values(client)
    with store.unit_of_work() as session:
        row = session.get(Client, client_id)
        if row is None:
            raise NotFound(Thing.CLIENT, client_id)
        if values["a_number"] and _a_number_taken(session, str(values["a_number"]), row.id):
            return rejected((FieldProblem("a_number", Problem.DUPLICATE_A_NUMBER),))
        changes = update_versioned(
            session,
            row,
            actor=store.actor,
            thing=Thing.CLIENT,
            entity=Entity.CLIENT,
            values=values,
            expected_version=expected_version,
            save_over=save_over,
        )
        if not changes:
            return Result(client_id)
        row.search_key = client_search_key(
            {name: getattr(row, name) for name in ("family_name", "given_name", "other_names")}
        )
        refreshed = refresh_cases(session, client_case_ids(session, row.id), store.actor)
        return Result(client_id, changes=Changes.of((Entity.CLIENT, row.id)) | refreshed)


def add_family_member(
    *, store: Store, client_id: ClientId, member: FamilyMemberDraft, today: date
) -> Result[FamilyMemberId]:
    problems = validate_family_member(member, today=today)
    if problems:
        return rejected(problems)
    with store.unit_of_work() as session:
        row = session.get(Client, client_id)
        if row is None:
            raise NotFound(Thing.CLIENT, client_id)
        member_id = add_family(session, store.actor, row, member)
        return Result(
            FamilyMemberId(member_id),
            changes=Changes.of((Entity.CLIENT, row.id), (Entity.FAMILY_MEMBER, member_id)),
        )


def record_move(
    *, store: Store, client_id: ClientId, address: AddressDraft, today: date
) -> Result[int]:
    """A new address; earlier ones are kept for the change-of-address deadlines."""
    problems = validate_address(address, today=today)
    if problems:
        return rejected(problems)
    with store.unit_of_work() as session:
        row = session.get(Client, client_id)
        if row is None:
            raise NotFound(Thing.CLIENT, client_id)
        address_id = _add_address(session, store.actor, row, address)
        refreshed = refresh_cases(session, client_case_ids(session, row.id), store.actor)
        return Result(address_id, changes=Changes.of((Entity.CLIENT, row.id)) | refreshed)


def get_client(*, store: Store, client_id: ClientId) -> ClientView:
    with store.unit_of_work() as session:
        row = session.get(Client, client_id)
        if row is None:
            raise NotFound(Thing.CLIENT, client_id)
        return client_view(row)


def case_to_open(*, store: Store, client_id: ClientId) -> CaseId | None:
    """The case to show for a client: the newest one still open, else the newest; None when the
    client has no case."""
    with store.unit_of_work() as session:
        rows = session.execute(
            select(Case.id, Case.stage).where(Case.client_id == client_id).order_by(Case.id.desc())
        ).all()
    open_ones = [row.id for row in rows if row.stage is not Stage.CLOSED]
    newest = open_ones or [row.id for row in rows]
    return CaseId(newest[0]) if newest else None


def check_conflicts(
    *,
    store: Store,
    names: Sequence[str],
    a_number: str = "",
    date_of_birth: date | None = None,
    exclude_client: ClientId | None = None,
) -> list[ConflictMatch]:
    """People already known to the clinic who may be the person being entered."""
    digits = None
    if a_number.strip():
        try:
            digits = parse_a_number(a_number)
        except ValueError:
            digits = None
    candidate = Candidate(
        names=tuple(n for n in names if n.strip()), a_number=digits, date_of_birth=date_of_birth
    )
    with store.unit_of_work() as session:
        known = list(known_parties(session, exclude_client))
    return find_conflicts(candidate, known)
