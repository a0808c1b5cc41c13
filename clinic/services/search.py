"""Listing and finding cases and clients: accent-, case- and script-insensitive."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    false,
    func,
    literal_column,
    or_,
    select,
    type_coerce,
)

from clinic.domain.anumber import a_number_digits_for_search, format_a_number
from clinic.domain.enums import ClaimType, DeadlineStatus, Stage
from clinic.domain.ids import CaseId, ClientId
from clinic.domain.names import fold
from clinic.services.dto import CaseSummary, display_name
from clinic.storage.models import Case, Client, Deadline, Hearing, Staff
from clinic.storage.store import Store

_E = TypeVar("_E", ClaimType, Stage)
_RECEIPT_QUERY = re.compile(r"^[A-Za-z]{3}[0-9\-]{3,}$")


@dataclass(frozen=True)
class CaseFilter:
    claim_type: ClaimType | None = None
    stage: Stage | None = None
    paralegal_id: int | None = None
    detained: bool | None = None
    include_closed: bool = True


@dataclass(frozen=True)
class ClientHit:
    id: ClientId
    name: str
    a_number: str | None
    case_count: int


def _summary_query(today: date) -> Select[*tuple[Any, ...]]:
    next_hearing = (
        select(func.min(Hearing.on))
        .where(Hearing.case_id == Case.id, Hearing.on >= today)
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


def _text_condition(text: str) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = []
    tokens = fold(text).split()
    if tokens:
        conditions.append(and_(*(Client.search_key.contains(token) for token in tokens)))
    digits = a_number_digits_for_search(text)
    if digits:
        conditions.append(Client.a_number.contains(digits))
    compact = text.strip().replace("-", "").replace(" ", "")
    if _RECEIPT_QUERY.match(text.strip()):
        conditions.append(Case.receipt_number.contains(compact.upper()))
    return or_(*conditions) if conditions else false()


def _apply_filter(query: Select[*tuple[Any, ...]], flt: CaseFilter) -> Select[*tuple[Any, ...]]:
    if flt.claim_type is not None:
        query = query.where(Case.claim_type == flt.claim_type)
    if flt.stage is not None:
        query = query.where(Case.stage == flt.stage)
    if flt.paralegal_id is not None:
        query = query.where(Case.paralegal_id == flt.paralegal_id)
    if flt.detained is not None:
        query = query.where(Case.detained == flt.detained)
    if not flt.include_closed:
        query = query.where(Case.stage != Stage.CLOSED)
    return query


def _summaries(rows: Any) -> list[CaseSummary]:
    return [_summary(r) for r in rows]


def _summary(r: Any) -> CaseSummary:
    """One row; a stored value Clinic would not accept is named in ``not_valid``."""
    not_valid: list[str] = []
    stored: list[str] = []
    if r.a_number and not _stored_a_number(r.a_number):
        not_valid.append("a_number")
        stored.append(str(r.a_number))
    claim_type = _member(ClaimType, r.claim_type)
    if claim_type is None:
        not_valid.append("claim_type")
        stored.append(str(r.claim_type))
    stage = _member(Stage, r.stage)
    if stage is None:
        not_valid.append("stage")
        stored.append(str(r.stage))
    dates: dict[str, date | None] = {}
    for field in ("next_hearing", "next_deadline"):
        value = getattr(r, field)
        dates[field] = _stored_date(value)
        if value is not None and dates[field] is None:
            not_valid.append(field)
            stored.append(str(value))
    return CaseSummary(
        id=CaseId(r.id),
        client_id=ClientId(r.client_id),
        client_name=display_name(r.family_name, r.given_name),
        a_number=r.a_number,
        claim_type=claim_type or ClaimType.DEFENSIVE,
        stage=stage or Stage.INTAKE,
        detained=r.detained,
        paralegal=r.paralegal or "",
        next_hearing=dates["next_hearing"],
        next_deadline=dates["next_deadline"],
        not_valid=tuple(not_valid),
        stored=tuple(stored),
    )


def _stored_a_number(value: str) -> bool:
    try:
        format_a_number(value)
    except ValueError:
        return False
    return True


def _stored_date(value: object) -> date | None:
    """A date read as text: ``None`` when it is no calendar date ('2026-02-30')."""
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _member(kind: type[_E], value: object) -> _E | None:
    try:
        return kind(str(value))
    except ValueError:
        return None


class SortKey(StrEnum):
    CLIENT = "client"
    A_NUMBER = "a_number"
    STAGE = "stage"
    NEXT_HEARING = "next_hearing"
    NEXT_DEADLINE = "next_deadline"


def _order(key: SortKey, descending: bool) -> list[Any]:
    # search_key starts with the folded family and given names: accent- and case-blind order.
    column: Any = {
        SortKey.CLIENT: Client.search_key,
        SortKey.A_NUMBER: Client.a_number,
        SortKey.STAGE: Case.stage,
        SortKey.NEXT_HEARING: literal_column("next_hearing"),
        SortKey.NEXT_DEADLINE: literal_column("next_deadline"),
    }[key]
    ordered = column.desc() if descending else column.asc()
    if key is SortKey.CLIENT:
        # search_key is NOT NULL: no "empty last" term, so an index on it can give the order.
        return [ordered, Case.id]
    return [column.is_(None), ordered, Client.search_key, Case.id]  # empty dates last


def list_cases(
    *,
    store: Store,
    today: date,
    text: str = "",
    case_filter: CaseFilter | None = None,
    offset: int = 0,
    limit: int | None = None,
    sort: SortKey = SortKey.CLIENT,
    descending: bool = False,
) -> list[CaseSummary]:
    """One page of cases matching ``text`` and a filter, in the order asked for."""
    order = _order(sort, descending)
    query = _summary_query(today)
    if sort in (SortKey.NEXT_HEARING, SortKey.NEXT_DEADLINE):
        # Ordered by a computed column: it must be computed for every matching case anyway.
        query = _matching(query, text, case_filter).order_by(*order).offset(offset)
        if limit is not None:
            query = query.limit(limit)
    else:
        # Choose the page's case ids first, then compute next hearing and deadline for those
        # rows only: SQLite evaluates correlated subqueries in the select list for every row it
        # sorts, which made each keystroke cost two subqueries per matching case.
        page = _matching(_client_first(select(Case.id.label("page_id"))), text, case_filter)
        page = page.order_by(*order).offset(offset)
        if limit is not None:
            page = page.limit(limit)
        ids = page.subquery("page")
        query = query.join(ids, ids.c.page_id == Case.id).order_by(*order)
    with store.unit_of_work() as session:
        return _summaries(session.execute(query))


@dataclass(frozen=True)
class FirstPage:
    """The first page of a search and how many cases match, counted up to ``count_limit``:
    ``total`` is exact when ``exact``, else there are more than ``total`` matches."""

    rows: list[CaseSummary]
    total: int
    exact: bool


def first_page(
    *,
    store: Store,
    today: date,
    text: str,
    case_filter: CaseFilter | None = None,
    limit: int,
    count_limit: int,
    sort: SortKey = SortKey.CLIENT,
    descending: bool = False,
) -> FirstPage:
    """What the Cases page needs per keystroke, in one pass over the matches.

    The matching case ids are read in order, stopping after ``count_limit`` + 1: the first
    ``limit`` of them are the page (next hearing and deadline computed for those only) and their
    number is the count. A search that matches few clients reads the index once, not twice
    (page, then count); one that matches many stops early either way.
    """
    if sort in (SortKey.NEXT_HEARING, SortKey.NEXT_DEADLINE) or not text.strip():
        # Computed orders must compute every match anyway; with no text the exact count is a
        # cheap count of cases (no join), so both keep their own queries.
        rows = list_cases(
            store=store,
            today=today,
            text=text,
            case_filter=case_filter,
            limit=limit,
            sort=sort,
            descending=descending,
        )
        total = len(rows)
        if total >= limit:
            total = count_cases(store=store, text=text, case_filter=case_filter)
        return FirstPage(rows, total, exact=True)
    order = _order(sort, descending)
    matching = _matching(_client_first(select(Case.id)), text, case_filter)
    with store.unit_of_work() as session:
        ids = list(session.scalars(matching.order_by(*order).limit(count_limit + 1)))
        page = ids[:limit]
        rows = []
        if page:
            query = _summary_query(today).where(Case.id.in_(page)).order_by(*order)
            rows = _summaries(session.execute(query))
    exact = len(ids) <= count_limit
    return FirstPage(rows, min(len(ids), count_limit), exact)


def _client_first(query: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
    """Join clients to their cases so that SQLite reads clients first (their ``search_key`` is
    what text matches and sorts on) and finds each client's cases by the case index.

    ``client.id + 0`` keeps SQLite from doing it the other way round (every case, then its
    client by primary key: 100,000 look-ups per keystroke), which it prefers without table
    statistics and whenever an index covers the case table better than the client table.
    """
    return query.select_from(Client).join(Case, (Client.id + 0) == Case.client_id)


def _matching(
    query: Select[*tuple[Any, ...]], text: str, case_filter: CaseFilter | None
) -> Select[*tuple[Any, ...]]:
    query = _apply_filter(query, case_filter or CaseFilter())
    if text.strip():
        query = query.where(_text_condition(text))
    return query


def count_cases(
    *,
    store: Store,
    text: str = "",
    case_filter: CaseFilter | None = None,
    at_most: int | None = None,
) -> int:
    """How many cases match; with ``at_most``, counting stops there (the result is then
    ``min(matches, at_most)``), so a one-letter search over 100,000 clients need not read
    every match just to say "more than 1,000"."""
    # Every filter is on the case: without text the count needs no join (a join made SQLite
    # look up each case's client, ~80 ms for 100,000 cases).
    if at_most is not None:
        matching = select(Case.id)
        if text.strip():
            matching = _client_first(matching)
        capped = _matching(matching, text, case_filter).limit(at_most).subquery("capped")
        query = select(func.count()).select_from(capped)
    else:
        # count(*), not count(id): only the former lets SQLite count the b-tree's entries
        # without reading every (wide, encrypted) case row (4 ms -> under 1 ms for 100,000).
        counted = select(func.count())
        counted = _client_first(counted) if text.strip() else counted.select_from(Case)
        query = _matching(counted, text, case_filter)
    with store.unit_of_work() as session:
        return int(session.scalar(query) or 0)


def search_clients(*, store: Store, text: str, limit: int = 200) -> list[ClientHit]:
    """Clients matching ``text`` by name, alias or A-number (with or without their cases)."""
    if not text.strip():
        return []
    tokens = fold(text).split()
    conditions: list[ColumnElement[bool]] = []
    if tokens:
        conditions.append(and_(*(Client.search_key.contains(t) for t in tokens)))
    digits = a_number_digits_for_search(text)
    if digits:
        conditions.append(Client.a_number.contains(digits))
    if not conditions:
        return []
    count = select(func.count(Case.id)).where(Case.client_id == Client.id).correlate(Client)
    query = (
        select(
            Client.id,
            Client.family_name,
            Client.given_name,
            Client.a_number,
            count.scalar_subquery().label("case_count"),
        )
        .where(or_(*conditions))
        .order_by(Client.search_key, Client.id)
        .limit(limit)
    )
    with store.unit_of_work() as session:
        return [
            ClientHit(
                ClientId(r.id),
                display_name(r.family_name, r.given_name),
                r.a_number,
                int(r.case_count),
            )
            for r in session.execute(query)
        ]
