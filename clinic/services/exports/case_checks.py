"""An imported case export passes the same checks as intake (issue 16 § 5).

A case bundle or plain export is untrusted: its rows are decoded to the right types by
:mod:`clinic.services.exports.case_document`, and here each client, family member, address,
entry into the United States, status period, case,
hearing, evidence item and typed deadline goes through the domain's own validation
(:mod:`clinic.domain.validation`: A-number, names, dates, codes) before anything is written. Any
problem refuses the whole file, each reason naming the record; A-numbers are stored in intake's
form (nine digits).
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from datetime import date, timedelta
from typing import Any

from clinic.domain import drafts, validation
from clinic.domain.anumber import check_a_number, parse_a_number
from clinic.domain.entries import EntryFact, StatusPeriod, validate_entry, validate_status
from clinic.domain.enums import ArrivalManner, DeadlineOrigin
from clinic.domain.problem_text import describe_all
from clinic.storage.models import Case, Client

# Dates "in the future" are judged with a day's grace: the file may come from a laptop whose
# day has already begun.
_GRACE = timedelta(days=1)
_REQUIRED = validation.Problem.REQUIRED


def _draft(kind: type[Any], row: Any, **given: Any) -> Any:
    """The domain draft for a decoded row (the same fields under the same names)."""
    values: dict[str, Any] = {}
    for field in fields(kind):
        value = given[field.name] if field.name in given else getattr(row, field.name, None)
        default = field.default
        if value is None and field.name not in given:
            value = "" if default is MISSING else default
        if isinstance(value, list | tuple | set | frozenset):
            value = frozenset(value) if isinstance(default, frozenset) else tuple(value)
        values[field.name] = value
    return kind(**values)


def _a_number(value: str | None) -> str | None:
    """Intake's stored form of an A-number the checks accepted (nine digits), or None."""
    if not value or not value.strip():
        return None
    return parse_a_number(value) if check_a_number(value) is None else value


def problems_of(
    clients: list[tuple[Client, list[Case]]], *, today: date, lang: str = "en"
) -> list[str]:
    """Plain-words reasons, each naming its record; empty when every record passes."""
    until = today + _GRACE
    found: list[str] = []

    def note(where: str, problems: validation.Problems) -> None:
        found.extend(f"{where}: {text}" for text in describe_all(problems, lang))

    for number, (client, cases) in enumerate(clients, start=1):
        who = f"client {number}"
        note(who, validation.validate_client(_draft(drafts.ClientDraft, client), today=until))
        client.a_number = _a_number(client.a_number)
        for index, member in enumerate(client.family, start=1):
            draft = _draft(drafts.FamilyMemberDraft, member)
            note(f"{who}, family {index}", validation.validate_family_member(draft, today=until))
            member.a_number = _a_number(member.a_number)
        for index, address in enumerate(client.addresses, start=1):
            draft = _draft(drafts.AddressDraft, address)
            note(f"{who}, address {index}", validation.validate_address(draft, today=until))
        _check_people_facts(client, who, until, note)
        for index, case in enumerate(cases, start=1):
            _check_case(case, f"{who}, case {index}", until, note)
    return found


def _check_people_facts(client: Client, who: str, until: date, note: Any) -> None:
    """Entries and status periods, as the Entries section checks them when typed."""
    for index, entry in enumerate(client.entries, start=1):
        on: Any = entry.entered_on  # a decoded row: a missing field is None
        if on is None:
            note(f"{who}, entry {index}", (validation.FieldProblem("on", _REQUIRED),))
            continue
        fact = EntryFact(
            on=on,
            place=entry.place or "",
            manner=entry.manner or ArrivalManner.UNKNOWN,
            status=entry.status or "",
            status_expires=entry.status_expires_on,
            i94_number=entry.i94_number or "",
        )
        note(f"{who}, entry {index}", validate_entry(fact, today=until))
    for index, status in enumerate(client.statuses, start=1):
        kind: Any = status.kind
        if kind is None:
            note(f"{who}, status {index}", (validation.FieldProblem("kind", _REQUIRED),))
            continue
        period = StatusPeriod(
            ref=0,
            kind=kind,
            detail=status.detail or "",
            start=status.from_on,
            end=status.until_on,
        )
        note(f"{who}, status {index}", validate_status(period, today=until))


def _check_case(case: Case, where: str, until: date, note: Any) -> None:
    draft = _draft(drafts.CaseDraft, case, paralegal_id=None, attorney_id=None)
    note(where, validation.validate_case(draft, today=until))
    opened = case.opened_on or until
    for index, hearing in enumerate(case.hearings, start=1):
        on: Any = hearing.on
        if on is None:
            note(f"{where}, hearing {index}", (validation.FieldProblem("on", _REQUIRED),))
            continue
        problems = validation.validate_hearing(
            _draft(drafts.HearingDraft, hearing), claim_type=case.claim_type, case_opened_on=opened
        )
        note(f"{where}, hearing {index}", problems)
    for index, item in enumerate(case.evidence, start=1):
        problems = validation.validate_evidence(_draft(drafts.EvidenceDraft, item), today=until)
        note(f"{where}, evidence {index}", problems)
    for index, deadline in enumerate(case.deadlines, start=1):
        if deadline.origin is DeadlineOrigin.RULE:
            continue  # computed again from the receiving store's rules
        problems = validation.validate_deadline(_draft(drafts.DeadlineDraft, deadline))
        note(f"{where}, deadline {index}", problems)
