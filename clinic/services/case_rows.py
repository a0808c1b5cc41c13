"""The Cases list's row: its columns (read in one statement, next hearing and next deadline
computed in SQL) and how a stored row becomes a :class:`CaseSummary`, a value Clinic would not
accept marked, never a crash (issue 16 § 5)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, String, bindparam, func, select, type_coerce

from clinic.domain.enums import ClaimType, DeadlineStatus, Stage
from clinic.domain.ids import CaseId, ClientId
from clinic.services.dto import CaseSummary, display_name
from clinic.storage.models import Case, Client, Deadline, Hearing, Staff

_E = TypeVar("_E", ClaimType, Stage)


def summary_query(today: date | None = None) -> Select[*tuple[Any, ...]]:
    """The Cases list's columns; without ``today`` the day is the bound parameter ``today``."""
    on_or_after: Any = bindparam("today", type_=Hearing.on.type) if today is None else today
    next_hearing = (
        select(func.min(Hearing.on))
        .where(Hearing.case_id == Case.id, Hearing.on >= on_or_after)
        .correlate(Case)
        .scalar_subquery()
    )
    next_deadline = (
        select(func.min(func.coalesce(Deadline.safe_due_on, Deadline.due_on)))
        .where(
            Deadline.case_id == Case.id,
            Deadline.status == DeadlineStatus.OPEN,
            Deadline.kind != "earliest_date",
            Deadline.court_sets_date.is_(False),
        )
        .correlate(Case)
        .scalar_subquery()
    )
    return (
        select(
            Case.id,
            Case.client_id,
            Client.family_name,
            Client.given_name,
            Client.a_number,
            # read as text: a value Clinic does not know is marked, not a crash (issue 16 § 5)
            type_coerce(Case.claim_type, String).label("claim_type"),
            type_coerce(Case.stage, String).label("stage"),
            Case.detained,
            Staff.name.label("paralegal"),
            type_coerce(next_hearing, String).label("next_hearing"),
            type_coerce(next_deadline, String).label("next_deadline"),
        )
        .join(Client, Client.id == Case.client_id)
        .outerjoin(Staff, Staff.id == Case.paralegal_id)
    )


def case_summaries(rows: Any) -> list[CaseSummary]:
    return [_summary(*r) for r in rows]


def _summary(  # noqa: PLR0917 - one parameter per column of summary_query, in order
    case_id: int,
    client_id: int,
    family_name: str,
    given_name: str,
    a_number: str | None,
    claim_type_text: Any,
    stage_text: Any,
    detained: bool,
    paralegal: str | None,
    next_hearing_text: Any,
    next_deadline_text: Any,
) -> CaseSummary:
    """One row; a stored value Clinic would not accept is named in ``not_valid``."""
    claim_type = _CLAIM_TYPES.get(claim_type_text)
    stage = _STAGES.get(stage_text)
    next_hearing = _stored_date(next_hearing_text)
    next_deadline = _stored_date(next_deadline_text)
    not_valid: list[str] = []
    stored: list[str] = []
    if a_number and not _stored_a_number(a_number):
        not_valid.append("a_number")
        stored.append(str(a_number))
    if claim_type is None:
        not_valid.append("claim_type")
        stored.append(str(claim_type_text))
    if stage is None:
        not_valid.append("stage")
        stored.append(str(stage_text))
    for field, text, value in (
        ("next_hearing", next_hearing_text, next_hearing),
        ("next_deadline", next_deadline_text, next_deadline),
    ):
        if text is not None and value is None:
            not_valid.append(field)
            stored.append(str(text))
    return CaseSummary(
        CaseId(case_id),
        ClientId(client_id),
        display_name(family_name, given_name),
        a_number,
        claim_type or ClaimType.DEFENSIVE,
        stage or Stage.INTAKE,
        detained,
        paralegal or "",
        next_hearing,
        next_deadline,
        tuple(not_valid),
        tuple(stored),
    )


# What format_a_number accepts (the stored form: nine ASCII digits), checked per row.
_STORED_A_NUMBER = re.compile(r"[0-9]{9}")


def _stored_a_number(value: str) -> bool:
    return _STORED_A_NUMBER.fullmatch(value) is not None


def _stored_date(value: object) -> date | None:
    """A date read as text: ``None`` when it is no calendar date ('2026-02-30')."""
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _by_value(kind: type[_E]) -> dict[str, _E]:
    return {member.value: member for member in kind}


# Stored text -> member; a text Clinic does not know is absent (and marked not valid).
_CLAIM_TYPES = _by_value(ClaimType)
_STAGES = _by_value(Stage)
