"""Listing and finding cases and clients: accent-, case- and script-insensitive."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    false,
    func,
    literal_column,
    or_,
    select,
)

from clinic.domain.anumber import a_number_digits_for_search
from clinic.domain.enums import ClaimType, Stage
from clinic.domain.ids import ClientId
from clinic.domain.names import fold
from clinic.services.case_rows import case_summaries, summary_query
from clinic.services.dto import CaseSummary, display_name
from clinic.storage.models import Case, Client
from clinic.storage.store import Store

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


@dataclass(frozen=True)
class _Text:
    """What a search text is matched on. Its shape (how many name tokens; whether it is also an
    A-number fragment, a receipt number) decides the SQL, its values are the parameters: one
    statement per shape is built and compiled once (building a statement cost more than running
    it for a page of 200)."""

    tokens: tuple[str, ...] = ()
    digits: str | None = None
    receipt: str | None = None

    @classmethod
    def of(cls, text: str) -> _Text | None:
        """None for an empty search (every case)."""
        if not text.strip():
            return None
        receipt = None
        if _RECEIPT_QUERY.match(text.strip()):
            receipt = text.strip().replace("-", "").replace(" ", "").upper()
        return cls(tuple(fold(text).split()), a_number_digits_for_search(text) or None, receipt)

    @property
    def shape(self) -> tuple[int, bool, bool]:
        return (len(self.tokens), self.digits is not None, self.receipt is not None)

    def params(self) -> dict[str, str]:
        values = {f"token{i}": token for i, token in enumerate(self.tokens)}
        if self.digits is not None:
            values["digits"] = self.digits
        if self.receipt is not None:
            values["receipt"] = self.receipt
        return values


def _text_condition(shape: tuple[int, bool, bool]) -> ColumnElement[bool]:
    tokens, digits, receipt = shape
    conditions: list[ColumnElement[bool]] = []
    if tokens:
        conditions.append(
            and_(*(Client.search_key.contains(bindparam(f"token{i}")) for i in range(tokens)))
        )
    if digits:
        conditions.append(Client.a_number.contains(bindparam("digits")))
    if receipt:
        conditions.append(Case.receipt_number.contains(bindparam("receipt")))
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
    # Empty values last, either way. NULLS LAST, not "column IS NULL" first: PostgreSQL (office
    # mode) takes an output column's name in ORDER BY only bare, never inside an expression.
    return [ordered.nulls_last(), Client.search_key, Case.id]


_COMPUTED = (SortKey.NEXT_HEARING, SortKey.NEXT_DEADLINE)
_Shape = tuple[int, bool, bool] | None  # a search text's shape (see _Text); None: no text


@functools.lru_cache(maxsize=256)
def _list_statement(
    sort: SortKey, descending: bool, case_filter: CaseFilter, shape: _Shape, limited: bool
) -> Select[*tuple[Any, ...]]:
    """list_cases' statement, built once per order, filter and text shape; its parameters are
    ``today``, ``offset``, ``limit`` (when ``limited``) and the text's."""
    order = _order(sort, descending)
    query = summary_query()
    if sort in _COMPUTED:
        # Ordered by a computed column: it must be computed for every matching case anyway.
        query = _matching(query, shape, case_filter).order_by(*order)
        query = query.offset(bindparam("offset"))
        return query.limit(bindparam("limit")) if limited else query
    # Choose the page's case ids first, then compute next hearing and deadline for those rows
    # only: SQLite evaluates correlated subqueries in the select list for every row it sorts,
    # which made each keystroke cost two subqueries per matching case.
    page = _matching(_client_first(select(Case.id.label("page_id"))), shape, case_filter)
    page = page.order_by(*order).offset(bindparam("offset"))
    if limited:
        page = page.limit(bindparam("limit"))
    ids = page.subquery("page")
    return query.join(ids, ids.c.page_id == Case.id).order_by(*order)


@functools.lru_cache(maxsize=256)
def _ids_statement(
    sort: SortKey, descending: bool, case_filter: CaseFilter, shape: _Shape
) -> Select[*tuple[Any, ...]]:
    """The matching case ids in order, up to the parameter ``limit``."""
    matching = _matching(_client_first(select(Case.id)), shape, case_filter)
    return matching.order_by(*_order(sort, descending)).limit(bindparam("limit"))


@functools.lru_cache(maxsize=32)
def _rows_statement(sort: SortKey, descending: bool) -> Select[*tuple[Any, ...]]:
    """The list's rows for the case ids in the parameter ``ids``, in order."""
    chosen = Case.id.in_(bindparam("ids", expanding=True))
    return summary_query().where(chosen).order_by(*_order(sort, descending))


@functools.lru_cache(maxsize=256)
def _count_statement(
    case_filter: CaseFilter, shape: _Shape, capped: bool
) -> Select[*tuple[Any, ...]]:
    # Every filter is on the case: without text the count needs no join (a join made SQLite
    # look up each case's client, ~80 ms for 100,000 cases).
    if capped:
        matching = select(Case.id)
        if shape is not None:
            matching = _client_first(matching)
        matching = _matching(matching, shape, case_filter).limit(bindparam("at_most"))
        return select(func.count()).select_from(matching.subquery("capped"))
    # count(*), not count(id): only the former lets SQLite count the b-tree's entries without
    # reading every (wide, encrypted) case row (4 ms -> under 1 ms for 100,000).
    counted = select(func.count())
    counted = _client_first(counted) if shape is not None else counted.select_from(Case)
    return _matching(counted, shape, case_filter)


def _shape_and_params(text: str) -> tuple[_Shape, dict[str, Any]]:
    searched = _Text.of(text)
    return (None, {}) if searched is None else (searched.shape, searched.params())


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
    shape, params = _shape_and_params(text)
    query = _list_statement(sort, descending, case_filter or CaseFilter(), shape, limit is not None)
    params.update(today=today, offset=offset, limit=limit)
    with store.unit_of_work() as session:
        return case_summaries(session.execute(query, params))


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
    """What the Cases page needs per keystroke, in one pass over the matches and one
    transaction.

    The matching case ids are read in order, stopping after ``count_limit`` + 1: the first
    ``limit`` of them are the page (next hearing and deadline computed for those only) and their
    number is the count. A search that matches few clients reads the index once, not twice
    (page, then count); one that matches many stops early either way.
    """
    flt = case_filter or CaseFilter()
    shape, params = _shape_and_params(text)
    with store.unit_of_work() as session:
        if sort in _COMPUTED or shape is None:
            # Computed orders must compute every match anyway; with no text the exact count is
            # a cheap count of cases (no join), so both keep their own queries.
            page_query = _list_statement(sort, descending, flt, shape, True)
            rows = case_summaries(
                session.execute(page_query, {**params, "today": today, "offset": 0, "limit": limit})
            )
            total = len(rows)
            if total >= limit:
                total = int(session.scalar(_count_statement(flt, shape, False), params) or 0)
            return FirstPage(rows, total, exact=True)
        ids_query = _ids_statement(sort, descending, flt, shape)
        ids = list(session.scalars(ids_query, {**params, "limit": count_limit + 1}))
        page = ids[:limit]
        rows = []
        if page:
            rows_query = _rows_statement(sort, descending)
            rows = case_summaries(session.execute(rows_query, {"today": today, "ids": page}))
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
    query: Select[*tuple[Any, ...]], shape: _Shape, case_filter: CaseFilter | None
) -> Select[*tuple[Any, ...]]:
    query = _apply_filter(query, case_filter or CaseFilter())
    if shape is not None:
        query = query.where(_text_condition(shape))
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
    shape, params = _shape_and_params(text)
    query = _count_statement(case_filter or CaseFilter(), shape, at_most is not None)
    if at_most is not None:
        params["at_most"] = at_most
    with store.unit_of_work() as session:
        return int(session.scalar(query, params) or 0)


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
