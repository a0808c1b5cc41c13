"""Deadline intentions: record the dates rules count from, list a case's deadlines with their
provenance, the Today agenda, and the rule calculator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clinic.domain.deadlines import ComputedDeadline, Rule, anchor_for, compute
from clinic.domain.enums import (
    FOIA_FACTS,
    FOIA_STARTS,
    NUMERIC_CASE_FACTS,
    REPEATABLE_CASE_FACTS,
    CaseFactKind,
    DeadlineStatus,
    FoiaAgency,
    HearingKind,
)
from clinic.domain.ids import CaseId, ClientId
from clinic.domain.validation import FieldProblem, Problem
from clinic.services.auditing import record_created
from clinic.services.deadline_refresh import refresh_cases, rule_context
from clinic.services.dto import DeadlineView, display_name
from clinic.services.errors import NotFound, Thing
from clinic.services.results import Changes, Entity, Result, rejected
from clinic.services.settings_schema import ClinicSettings
from clinic.services.views import deadline_view
from clinic.storage.models import Case, CaseFact, Client, Deadline, Hearing
from clinic.storage.store import Store

MAX_FACT_NUMBER = 3650


def record_case_fact(
    *,
    store: Store,
    case_id: CaseId,
    kind: CaseFactKind,
    on: date | None = None,
    number: int | None = None,
    note: str = "",
    agency: FoiaAgency | None = None,
    about_id: int | None = None,
) -> Result[int]:
    """A decision, order, notice … date (or a number of days) that deadlines count from.

    FOIA facts (asylum-rules.md § 8.2): a request's sending, or its receipt when the sending was
    not recorded, names the ``agency``; its receipt, the agency's written extension and each
    response name their request (``about_id``, the fact that started it; see
    :func:`foia_requests`)."""
    problem = _fact_problem(kind, on, number)
    if problem is not None:
        return rejected((problem,))
    with store.unit_of_work() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(Thing.CASE, case_id)
        foia_problem = _foia_problem(case, kind, on, agency, about_id)
        if foia_problem is not None:
            return rejected((foia_problem,))
        if kind not in REPEATABLE_CASE_FACTS:
            for old in [f for f in case.facts if f.kind is kind]:
                session.delete(old)
        request = _request_fact(case, about_id)
        row = CaseFact(
            case_id=case_id,
            kind=kind,
            on=on,
            number=number,
            note=note.strip(),
            agency=(agency.value if agency else "") if request is None else request.agency,
            about_id=None if request is None else request.id,
        )
        session.add(row)
        session.flush()
        values: dict[str, object] = {"fact": kind, "on": on, "number": number}
        if kind in FOIA_FACTS:
            values |= {"agency": row.agency, "about_id": row.about_id}
        record_created(
            session, actor=store.actor, entity=Entity.CASE, entity_id=case_id, values=values
        )
        refreshed = refresh_cases(session, {case_id}, store.actor)
        return Result(row.id, changes=Changes.of((Entity.CASE, case_id)) | refreshed)


def _fact_problem(kind: CaseFactKind, on: date | None, number: int | None) -> FieldProblem | None:
    if kind in NUMERIC_CASE_FACTS:
        if number is None:
            return FieldProblem("number", Problem.REQUIRED)
        if not 0 <= number <= MAX_FACT_NUMBER:
            return FieldProblem("number", Problem.NUMBER_OUT_OF_RANGE)
        return None
    return FieldProblem("on", Problem.REQUIRED) if on is None else None


def _request_fact(case: Case, about_id: int | None) -> CaseFact | None:
    """The fact that started the FOIA request ``about_id`` names, if it is one of this case's."""
    if about_id is None:
        return None
    return next(
        (
            f
            for f in case.facts
            if f.id == about_id and f.kind in FOIA_STARTS and f.about_id is None
        ),
        None,
    )


def _foia_problem(
    case: Case,
    kind: CaseFactKind,
    on: date | None,
    agency: FoiaAgency | None,
    about_id: int | None,
) -> FieldProblem | None:
    if kind not in FOIA_FACTS:
        return None
    request = _request_fact(case, about_id)
    wrong_link = about_id is not None and (request is None or kind is CaseFactKind.FOIA_SENT)
    if wrong_link:
        return FieldProblem("about_id", Problem.FOIA_REQUEST_REQUIRED)
    if request is None:
        if kind in (CaseFactKind.FOIA_EXTENDED, CaseFactKind.FOIA_RESPONSE):
            return FieldProblem("about_id", Problem.FOIA_REQUEST_REQUIRED)
        return None if agency is not None else FieldProblem("agency", Problem.FOIA_AGENCY_REQUIRED)
    if on is not None and request.on is not None and on < request.on:
        return FieldProblem("on", Problem.FOIA_DATE_BEFORE_REQUEST)
    return None


@dataclass(frozen=True)
class FoiaRequestChoice:
    """A case's FOIA request, for choosing which one a receipt, extension or response is about."""

    id: int  # the fact that started it
    agency: FoiaAgency | None
    sent_on: date | None
    received_on: date | None
    note: str


def foia_requests(*, store: Store, case_id: CaseId) -> list[FoiaRequestChoice]:
    """The case's FOIA requests in the order they were recorded."""
    with store.unit_of_work() as session:
        facts = list(
            session.scalars(
                select(CaseFact).where(CaseFact.case_id == case_id).order_by(CaseFact.id)
            )
        )
    choices: list[FoiaRequestChoice] = []
    for start in facts:
        if start.kind not in FOIA_STARTS or start.about_id is not None:
            continue
        received = [
            f.on
            for f in facts
            if f.kind is CaseFactKind.FOIA_RECEIVED and (f.about_id == start.id or f is start)
        ]
        choices.append(
            FoiaRequestChoice(
                id=start.id,
                agency=FoiaAgency(start.agency) if start.agency in _AGENCIES else None,
                sent_on=start.on if start.kind is CaseFactKind.FOIA_SENT else None,
                received_on=max((d for d in received if d is not None), default=None),
                note=start.note,
            )
        )
    return choices


_AGENCIES = frozenset(a.value for a in FoiaAgency)


def case_deadlines(*, store: Store, case_id: CaseId) -> list[DeadlineView]:
    with store.unit_of_work() as session:
        rows = session.scalars(
            select(Deadline).where(Deadline.case_id == case_id).order_by(Deadline.due_on)
        )
        return [deadline_view(row) for row in rows]


def recompute(*, store: Store, case_ids: set[int] | None = None) -> Changes:
    """Recompute rule deadlines (every case when none are named)."""
    with store.unit_of_work() as session:
        ids = case_ids if case_ids is not None else set(session.scalars(select(Case.id)))
        return refresh_cases(session, ids, store.actor)


@dataclass(frozen=True)
class AgendaItem:
    """One line of the Today page: a hearing or a deadline, with its case."""

    on: date
    at: time | None
    what: str
    case_id: CaseId
    client_id: ClientId
    client_name: str
    is_hearing: bool
    overdue: bool
    deadline: DeadlineView | None = None
    hearing_kind: HearingKind | None = None
    timezone: str = ""  # a hearing's IANA zone: its time is shown with the abbreviation


# The Today page shows at most this many overdue deadlines (the oldest first) and says how many
# more there are: a clinic far behind (thousands overdue) would otherwise wait at every start-up.
TODAY_OVERDUE_LIMIT = 100


@dataclass(frozen=True)
class Agenda:
    """The Today page's list, with how many overdue deadlines there are in all."""

    items: list[AgendaItem]
    overdue_total: int

    @property
    def overdue_shown(self) -> int:
        return sum(1 for i in self.items if i.overdue)

    @property
    def overdue_hidden(self) -> int:
        """Overdue deadlines left out of ``items`` (the list ends with "and N more overdue")."""
        return self.overdue_total - self.overdue_shown


def agenda(*, store: Store, today: date, days: int = 14) -> list[AgendaItem]:
    """Hearings and open deadlines from today to ``days`` ahead, overdue deadlines first."""
    return today_agenda(store=store, today=today, days=days, overdue_limit=None).items


def today_agenda(
    *, store: Store, today: date, days: int = 14, overdue_limit: int | None = TODAY_OVERDUE_LIMIT
) -> Agenda:
    """Like :func:`agenda`, but with at most ``overdue_limit`` overdue deadlines (the oldest;
    ``None``: all of them) and the count of all overdue ones. The next ``days`` are complete."""
    until = today + timedelta(days=days)
    with store.unit_of_work() as session:
        selection = _OpenDeadlines(None, until)
        dated = session.execute(select(Deadline.id, selection.act_by).where(*selection.conditions))
        overdue: list[tuple[date, int]] = []
        upcoming: list[int] = []
        for deadline_id, act_by in dated:
            if act_by < today:
                overdue.append((act_by, deadline_id))
            else:
                upcoming.append(deadline_id)
        overdue.sort()  # the oldest first: what is most overdue is never the part left out
        shown = overdue if overdue_limit is None else overdue[:overdue_limit]
        ids = [deadline_id for _, deadline_id in shown] + upcoming
        items = _deadline_items_by_id(session, today, ids) + _hearing_items(session, today, until)
    items.sort(key=lambda i: (not i.overdue, i.on, i.at or time.min, i.client_name))
    return Agenda(items=items, overdue_total=len(overdue))


def agenda_between(*, store: Store, start: date, end: date, today: date) -> list[AgendaItem]:
    """Hearings and open deadlines dated ``start``..``end`` (the calendar); overdue vs ``today``."""
    with store.unit_of_work() as session:
        items = _deadline_items(session, today, start, end) + _hearing_items(session, start, end)
    return sorted(items, key=lambda i: (i.on, i.at or time.min, i.client_name))


class _OpenDeadlines:
    """The agenda's deadline filter (open, dated by the clinic, acted on by ``until``)."""

    def __init__(self, start: date | None, until: date) -> None:
        self.act_by = func.coalesce(Deadline.safe_due_on, Deadline.due_on)
        in_window = self.act_by <= until if start is None else self.act_by.between(start, until)
        self.conditions = (
            Deadline.status == DeadlineStatus.OPEN,
            Deadline.kind != "earliest_date",
            Deadline.court_sets_date.is_(False),
            in_window,
        )


def _deadline_items(
    session: Session, today: date, start: date | None, until: date
) -> list[AgendaItem]:
    selection = _OpenDeadlines(start, until)
    ids = list(session.scalars(select(Deadline.id).where(*selection.conditions)))
    return _deadline_items_by_id(session, today, ids)


# Ids per query when reading deadlines by id (well under SQLite's limit on bound parameters).
_ID_CHUNK = 5_000


def _deadline_items_by_id(session: Session, today: date, ids: list[int]) -> list[AgendaItem]:
    """The agenda lines of these deadlines. The filter runs first on the covering index
    ``ix_deadline_case_next`` (ids and dates only); reading just the rows it found by id avoids
    scanning the wide deadline table (explanations, sources): at 100,000 cases 0.4 s instead of
    1.3 s for the Today page's 5,000 deadlines, out of 700,000."""
    items: list[AgendaItem] = []
    for first in range(0, len(ids), _ID_CHUNK):
        query = (
            select(Deadline, Case.client_id, Client.family_name, Client.given_name)
            .join(Case, Case.id == Deadline.case_id)
            .join(Client, Client.id == Case.client_id)
            .where(Deadline.id.in_(ids[first : first + _ID_CHUNK]))
        )
        items.extend(_deadline_item(today, *row) for row in session.execute(query))
    return items


def _deadline_item(
    today: date, row: Deadline, client_id: int, family: str, given: str
) -> AgendaItem:
    view = deadline_view(row)
    return AgendaItem(
        on=view.act_by,
        at=None,
        what=view.title,
        case_id=CaseId(row.case_id),
        client_id=ClientId(client_id),
        client_name=display_name(family, given),
        is_hearing=False,
        overdue=view.act_by < today,
        deadline=view,
    )


def _hearing_items(session: Session, today: date, until: date) -> list[AgendaItem]:
    query = (
        select(Hearing, Case.client_id, Client.family_name, Client.given_name)
        .join(Case, Case.id == Hearing.case_id)
        .join(Client, Client.id == Case.client_id)
        .where(Hearing.on >= today, Hearing.on <= until)
    )
    return [
        AgendaItem(
            on=h.on,
            at=h.at,
            what=h.location or h.kind.value,
            case_id=CaseId(h.case_id),
            client_id=ClientId(client_id),
            client_name=display_name(family, given),
            is_hearing=True,
            overdue=False,
            hearing_kind=h.kind,
            timezone=h.timezone,
        )
        for h, client_id, family, given in session.execute(query)
    ]


def rules_in_force(*, settings: ClinicSettings | None = None) -> list[Rule]:
    return list(rule_context(settings or ClinicSettings()).book.rules)


def calculate(
    *,
    rule_id: str,
    from_date: date,
    detained: bool = False,
    days: int | None = None,
    settings: ClinicSettings | None = None,
) -> ComputedDeadline:
    """The calculator: one rule from one date, explained (raises KeyError for an unknown rule)."""
    context = rule_context(settings or ClinicSettings())
    rule = context.book.get(rule_id)
    return compute(
        rule, anchor_for(rule, from_date), context.calendar, days=days, detained=detained
    )
