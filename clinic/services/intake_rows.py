"""The rows intake writes, shared by every way a client or case comes in (issue 19 § 6).

The intake dialogs (services/clients.py, services/cases.py), the spreadsheet import
(services/importing.py) and the case bundle import build rows from drafts with the same values
and search keys, and check new people against the same known parties, through these functions.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic.domain.anumber import parse_a_number
from clinic.domain.conflicts import KnownParty, PartyKind
from clinic.domain.drafts import CaseDraft, ClientDraft, FamilyMemberDraft
from clinic.domain.names import search_key
from clinic.domain.validation import expected_forum
from clinic.services.auditing import record_created
from clinic.services.dto import display_name
from clinic.services.results import Entity
from clinic.storage.models import AdverseParty, Client, FamilyMember


def a_number_or_none(raw: str) -> str | None:
    return parse_a_number(raw) if raw.strip() else None


def client_values(draft: ClientDraft) -> dict[str, object]:
    values = asdict(draft)
    values["other_names"] = [n.strip() for n in draft.other_names if n.strip()]
    values["nationalities"] = [c.upper() for c in draft.nationalities]
    values["languages"] = [c.lower() for c in draft.languages]
    values["a_number"] = a_number_or_none(draft.a_number)
    values["family_name"] = draft.family_name.strip()
    values["given_name"] = draft.given_name.strip()
    return values


def client_search_key(draft_values: dict[str, object]) -> str:
    others = draft_values.get("other_names") or []
    assert isinstance(others, list)
    return search_key(
        str(draft_values["family_name"]), str(draft_values["given_name"]), *map(str, others)
    )


def case_values(draft: CaseDraft, today: date) -> dict[str, Any]:
    return {
        "claim_type": draft.claim_type,
        "relief": sorted(r.value for r in draft.relief),
        "grounds": sorted(g.value for g in draft.grounds),
        "psg_definition": draft.psg_definition.strip(),
        "forum_kind": draft.forum_kind or expected_forum(draft.claim_type),
        "forum_name": draft.forum_name.strip(),
        "judge": draft.judge.strip(),
        "paralegal_id": draft.paralegal_id,
        "attorney_id": draft.attorney_id,
        "opened_on": draft.opened_on or today,
        "filed_on": draft.filed_on,
        "receipt_number": draft.receipt_number.strip().replace("-", "").upper(),
        "detained": draft.detained,
        "agency_hold": draft.agency_hold,
    }


def add_family(session: Session, actor: str, client: Client, draft: FamilyMemberDraft) -> int:
    values = asdict(draft)
    values["a_number"] = a_number_or_none(draft.a_number)
    relationship = values.pop("relationship")
    member = FamilyMember(
        client_id=client.id,
        relationship_=relationship,
        **values,
        search_key=search_key(draft.family_name, draft.given_name),
    )
    session.add(member)
    session.flush()
    record_created(
        session,
        actor=actor,
        entity=Entity.FAMILY_MEMBER,
        entity_id=member.id,
        values={**values, "relationship": relationship, "client_id": client.id},
    )
    return member.id


def known_parties(session: Session, exclude_client: int | None) -> list[KnownParty]:
    parties: list[KnownParty] = []
    for c in session.execute(
        select(
            Client.id,
            Client.family_name,
            Client.given_name,
            Client.other_names,
            Client.a_number,
            Client.date_of_birth,
        )
    ):
        if c.id == exclude_client:
            continue
        full = f"{c.given_name} {c.family_name}".strip()
        parties.append(
            KnownParty(
                PartyKind.CLIENT,
                c.id,
                c.id,
                display_name(c.family_name, c.given_name),
                (full, *c.other_names),
                c.a_number,
                c.date_of_birth,
            )
        )
    for f in session.execute(
        select(
            FamilyMember.id,
            FamilyMember.client_id,
            FamilyMember.family_name,
            FamilyMember.given_name,
            FamilyMember.a_number,
            FamilyMember.date_of_birth,
        )
    ):
        if f.client_id == exclude_client:
            continue
        parties.append(
            KnownParty(
                PartyKind.FAMILY_MEMBER,
                f.id,
                f.client_id,
                display_name(f.family_name, f.given_name),
                (f"{f.given_name} {f.family_name}".strip(),),
                f.a_number,
                f.date_of_birth,
            )
        )
    for a in session.execute(select(AdverseParty.id, AdverseParty.client_id, AdverseParty.name)):
        if a.client_id == exclude_client:
            continue
        parties.append(
            KnownParty(PartyKind.ADVERSE_PARTY, a.id, a.client_id, a.name, (a.name,), None, None)
        )
    return parties
