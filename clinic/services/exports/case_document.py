"""A case (with its client) as a JSON document and back: format "clinic-case-export", version 4.

Field names are the stored columns' names (documented in docs/export-format.md); dates are ISO
8601, times "HH:MM:SS", moments ISO 8601 in UTC, enums their stored value. Row ids are not
exported (importing gives new ids); a row's link to another row of the same document is its
place in that list (a fact's ``about``, an entry's ``family_member``, a status's ``entry``); staff
are named, not numbered. Evidence file keys appear only
inside an encrypted bundle (see :mod:`clinic.services.exports.case_bundle`).
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import Enum as PyEnum
from typing import Any

from sqlalchemy import JSON, Date, Enum, Time, inspect
from sqlalchemy.orm import Session

from clinic.domain.names import search_key
from clinic.storage.models import (
    AdverseParty,
    Case,
    CaseFact,
    ChecklistItemState,
    Client,
    ClientAddress,
    Deadline,
    Entry,
    EvidenceFile,
    EvidenceItem,
    FamilyMember,
    Hearing,
    LawfulStatus,
    Note,
    Staff,
    StageEvent,
)
from clinic.storage.models.base import UtcDateTime

FORMAT = "clinic-case-export"
# 2: the client's entries into the United States and lawful status periods (migration 0006).
# 3: the client's answers to the I-589's Parts B and C (migration 0010).
# 4: the I-589's Part A.III lists (``background``, case_background.py) and the case's I-589
#    preparer (a staff member, named as ``i589_preparer``) and interpreter (migration 0011).
# A version-1 to 3 document (without them) still imports; an older Clinic refuses a newer one
# rather than import the client without them.
VERSION = 4

# Columns that are not exported: ids and links (re-made on import), folded search keys (derived),
# vault names and file keys (a bundle carries the file itself; see case_bundle).
_SKIP = {
    "id",
    "about_id",  # a fact's link to an earlier fact of the case: exported as its position
    "client_id",
    "family_member_id",  # an entry's or status's family member: exported as its place
    "entry_id",  # a status's entry: exported as its place
    "case_id",
    "evidence_id",
    "paralegal_id",
    "attorney_id",
    "i589_preparer_id",  # exported as the staff member's name, like the paralegal
    "search_key",
    "vault_name",
    "file_key",
}


class DocumentError(ValueError):
    """The document is not a case export this version understands (what is wrong, in words)."""


def _columns(model: type[Any]) -> list[tuple[str, Any]]:
    return [
        (attr.key, attr.columns[0].type)
        for attr in inspect(model).column_attrs
        if attr.key not in _SKIP
    ]


def _field_name(key: str) -> str:
    return key.rstrip("_")  # FamilyMember.relationship_ is "relationship"


def encode_row(row: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, _ in _columns(type(row)):
        value = getattr(row, key)
        if isinstance(value, PyEnum):
            value = value.value
        elif isinstance(value, datetime | date | time):
            value = value.isoformat()
        elif isinstance(value, list):
            value = list(value)
        out[_field_name(key)] = value
    return out


def _decode_value(kind: Any, value: Any, name: str) -> Any:
    if value is None:
        return None
    if isinstance(kind, UtcDateTime):
        return _moment(value, name)
    for column_type, parse in ((Date, date.fromisoformat), (Time, time.fromisoformat)):
        if isinstance(kind, column_type):
            return parse(_text(value, name))
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return kind.enum_class(value)
    if isinstance(kind, JSON):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DocumentError(f"{name} must be a list of text")
        return list(value)
    return _plain(kind.python_type, value, name)


def _moment(value: Any, name: str) -> datetime:
    moment = datetime.fromisoformat(_text(value, name))
    if moment.tzinfo is None:
        raise DocumentError(f"{name} has no time zone")
    return moment


def _plain(python: type[Any], value: Any, name: str) -> Any:
    if (python is int and isinstance(value, bool)) or not isinstance(value, python):
        raise DocumentError(f"{name} must be {python.__name__}")
    return value


def _text(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise DocumentError(f"{name} must be text")
    return value


def decode_row(model: type[Any], data: Any, where: str) -> Any:
    """A new (unsaved) row of ``model`` from its exported fields; missing optional fields take
    their defaults, unknown fields are refused (a newer format)."""
    if not isinstance(data, dict):
        raise DocumentError(f"{where} must be an object")
    columns = dict(_columns(model))
    names = {_field_name(key): key for key in columns}
    unknown = set(data) - set(names)
    if unknown:
        raise DocumentError(f"{where} has fields this version does not know: {sorted(unknown)}")
    values: dict[str, Any] = {}
    for name, raw in data.items():
        key = names[name]
        try:
            values[key] = _decode_value(columns[key], raw, f"{where}.{name}")
        except (ValueError, TypeError) as exc:
            raise DocumentError(
                str(exc) if isinstance(exc, DocumentError) else f"{where}.{name}: {exc}"
            ) from None
    return model(**values)


def _staff(row: Staff | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"name": row.name, "role": row.role.value, "email": row.email}


def encode_case(
    session: Session, case: Case, file_refs: dict[int, dict[str, Any]]
) -> dict[str, Any]:
    """One case with everything that belongs to it (not its client)."""
    checklist = (
        session.query(ChecklistItemState).filter_by(case_id=case.id).order_by(ChecklistItemState.id)
    )
    notes = session.query(Note).filter_by(case_id=case.id).order_by(Note.created_at, Note.id)
    return {
        "case": encode_row(case),
        "paralegal": _staff(case.paralegal),
        "attorney": _staff(case.attorney),
        "i589_preparer": _staff(
            session.get(Staff, case.i589_preparer_id) if case.i589_preparer_id else None
        ),
        "facts": _encode_facts(case),
        "stage_events": [encode_row(e) for e in case.stage_events],
        "hearings": [encode_row(h) for h in case.hearings],
        "deadlines": [encode_row(d) for d in case.deadlines],
        "evidence": [
            {
                **encode_row(item),
                "files": [{**encode_row(f), **file_refs.get(f.id, {})} for f in item.files],
            }
            for item in case.evidence
        ],
        "checklist": [encode_row(c) for c in checklist],
        "notes": [encode_row(n) for n in notes],
    }


def encode_client(session: Session, client: Client) -> dict[str, Any]:
    """The client's own details (not their cases)."""
    adverse = session.query(AdverseParty).filter_by(client_id=client.id).order_by(AdverseParty.id)
    notes = (
        session.query(Note)
        .filter(Note.client_id == client.id, Note.case_id.is_(None))
        .order_by(Note.created_at, Note.id)
    )
    return {
        "client": encode_row(client),
        "family": [encode_row(f) for f in client.family],
        "addresses": [encode_row(a) for a in client.addresses],
        "adverse_parties": [encode_row(a) for a in adverse],
        "notes": [encode_row(n) for n in notes],
        **_encode_people_facts(client),
    }


def _encode_people_facts(client: Client) -> dict[str, list[dict[str, Any]]]:
    """Entries and status periods; whose they are (``family_member``: a place in ``family``,
    null for the client's own) and a status's entry (``entry``: a place in ``entries``)."""
    member = {row.id: index for index, row in enumerate(client.family)}
    entry = {row.id: index for index, row in enumerate(client.entries)}

    def place(index: dict[int, int], row_id: int | None) -> int | None:
        return None if row_id is None else index[row_id]

    return {
        "entries": [
            {**encode_row(e), "family_member": place(member, e.family_member_id)}
            for e in client.entries
        ],
        "statuses": [
            {
                **encode_row(s),
                "family_member": place(member, s.family_member_id),
                "entry": place(entry, s.entry_id),
            }
            for s in client.statuses
        ],
    }


def new_client(data: dict[str, Any], where: str) -> Client:
    client: Client = decode_row(Client, data.get("client"), f"{where}.client")
    client.search_key = search_key(client.family_name, client.given_name, *client.other_names)
    for index, member in enumerate(_list(data, "family", where)):
        row: FamilyMember = decode_row(FamilyMember, member, f"{where}.family[{index}]")
        row.search_key = search_key(row.family_name, row.given_name)
        client.family.append(row)
    for index, address in enumerate(_list(data, "addresses", where)):
        client.addresses.append(decode_row(ClientAddress, address, f"{where}.addresses[{index}]"))
    _new_people_facts(client, data, where)
    return client


_LINKS = ("family_member", "entry")


def _new_people_facts(client: Client, data: dict[str, Any], where: str) -> None:
    """The client's entries and statuses, each keeping its links as places (``link_people``
    turns them into ids once the rows have them)."""
    entries = _list(data, "entries", where)
    sizes = {"family_member": len(client.family), "entry": len(entries)}
    for name, model, target in (
        ("entries", Entry, client.entries),
        ("statuses", LawfulStatus, client.statuses),
    ):
        for index, item in enumerate(_list(data, name, where)):
            here = f"{where}.{name}[{index}]"
            if not isinstance(item, dict):
                raise DocumentError(f"{here} must be an object")
            links = {k: item[k] for k in _LINKS if k in item}
            if "entry" in links and model is Entry:
                raise DocumentError(f"{here} has fields this version does not know: ['entry']")
            row = decode_row(model, {k: v for k, v in item.items() if k not in _LINKS}, here)
            for link, value in links.items():
                if value is not None and (
                    isinstance(value, bool)
                    or not isinstance(value, int)
                    or not 0 <= value < sizes[link]
                ):
                    raise DocumentError(f"{here}.{link} names no {link.replace('_', ' ')} here")
            row.link_places = links  # set to ids by link_people
            target.append(row)


def link_people(client: Client) -> None:
    """After the client's family and entries have ids: point each entry's and status's
    ``family_member`` and ``entry`` places at those rows."""
    for entry in client.entries:
        member = getattr(entry, "link_places", {}).get("family_member")
        if member is not None:
            entry.family_member_id = client.family[member].id
    for status in client.statuses:
        places = getattr(status, "link_places", {})
        if places.get("family_member") is not None:
            status.family_member_id = client.family[places["family_member"]].id
        if places.get("entry") is not None:
            status.entry_id = client.entries[places["entry"]].id


def new_adverse_parties(data: dict[str, Any], where: str) -> list[AdverseParty]:
    rows = []
    for index, party in enumerate(_list(data, "adverse_parties", where)):
        row: AdverseParty = decode_row(AdverseParty, party, f"{where}.adverse_parties[{index}]")
        row.search_key = search_key(row.name)
        rows.append(row)
    return rows


def _encode_facts(case: Case) -> list[dict[str, Any]]:
    """The case's facts; a fact about an earlier one (a FOIA response about its request) names
    it by its place in this list (``about``), since row ids mean nothing in another store."""
    place = {fact.id: index for index, fact in enumerate(case.facts)}
    out = []
    for fact in case.facts:
        row = encode_row(fact)
        row["about"] = place.get(fact.about_id) if fact.about_id is not None else None
        out.append(row)
    return out


def link_facts(case: Case) -> None:
    """After the case's facts have ids: point each fact's ``about`` place at that fact's row."""
    for fact in case.facts:
        place = getattr(fact, "about_place", None)
        if place is not None:
            fact.about_id = case.facts[place].id


def new_notes(data: dict[str, Any], where: str) -> list[Note]:
    return [
        decode_row(Note, n, f"{where}.notes[{i}]")
        for i, n in enumerate(_list(data, "notes", where))
    ]


def new_case(
    data: dict[str, Any], where: str
) -> tuple[Case, list[tuple[EvidenceFile, dict[str, Any]]]]:
    """The case and its rows, unsaved; plus each evidence file row with its exported fields
    (the caller fills in the vault name and key, or drops files a plain export lacks)."""
    case: Case = decode_row(Case, data.get("case"), f"{where}.case")
    raw_facts = _list(data, "facts", where)
    for index, item in enumerate(raw_facts):
        here = f"{where}.facts[{index}]"
        fields = {k: v for k, v in item.items() if k != "about"} if isinstance(item, dict) else item
        fact: CaseFact = decode_row(CaseFact, fields, here)
        about = item.get("about") if isinstance(item, dict) else None
        if about is not None and (
            isinstance(about, bool)
            or not isinstance(about, int)
            or not 0 <= about < len(raw_facts)
            or about == index
        ):
            raise DocumentError(f"{here}.about names no other fact of the case")
        fact.about_place = about  # type: ignore[attr-defined]  # set to an id by link_facts
        case.facts.append(fact)
    for name, model, target in (
        ("stage_events", StageEvent, case.stage_events),
        ("hearings", Hearing, case.hearings),
        ("deadlines", Deadline, case.deadlines),
    ):
        for index, item in enumerate(_list(data, name, where)):
            target.append(decode_row(model, item, f"{where}.{name}[{index}]"))
    files: list[tuple[EvidenceFile, dict[str, Any]]] = []
    for index, item in enumerate(_list(data, "evidence", where)):
        here = f"{where}.evidence[{index}]"
        if not isinstance(item, dict):
            raise DocumentError(f"{here} must be an object")
        fields = {k: v for k, v in item.items() if k != "files"}
        evidence: EvidenceItem = decode_row(EvidenceItem, fields, here)
        case.evidence.append(evidence)
        for number, entry in enumerate(_list(item, "files", here)):
            if not isinstance(entry, dict):
                raise DocumentError(f"{here}.files[{number}] must be an object")
            plain = {k: v for k, v in entry.items() if k not in ("member", "key")}
            row: EvidenceFile = decode_row(EvidenceFile, plain, f"{here}.files[{number}]")
            row.evidence = evidence
            files.append((row, entry))
    return case, files


def new_checklist(data: dict[str, Any], where: str) -> list[ChecklistItemState]:
    return [
        decode_row(ChecklistItemState, c, f"{where}.checklist[{i}]")
        for i, c in enumerate(_list(data, "checklist", where))
    ]


def _list(data: dict[str, Any], name: str, where: str) -> list[Any]:
    value = data.get(name, [])
    if not isinstance(value, list):
        raise DocumentError(f"{where}.{name} must be a list")
    return value
