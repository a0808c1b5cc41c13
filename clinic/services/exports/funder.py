"""The funder report: how many cases, by claim type, stage, outcome, relief, nationality and the
years they were opened and closed, for one year, with small cells suppressed. Counts only: no
row of this report can name, number or date a client. PDF or CSV."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from clinic.domain.enum_words import english
from clinic.domain.enums import AuditAction, ClaimType, Outcome, Relief, Stage
from clinic.domain.i18n import N_
from clinic.domain.reference_codes import country_name
from clinic.domain.suppression import suppress_counts, suppress_overlapping
from clinic.reports.funder_pdf import FunderReportData, FunderTable, definitions, render_funder_pdf
from clinic.services.auditing import record
from clinic.services.errors import Rejected
from clinic.services.export_file import save_export
from clinic.services.results import Entity, Result
from clinic.services.settings_schema import settings_in
from clinic.storage.models import Case, Client, StageEvent
from clinic.storage.store import Store

FIRST_YEAR = 2000
# The tables' category words are the window's English (clinic/domain/enum_words.py): the
# funder report is in English only.
_CLAIM = {c: english(c) for c in ClaimType}
_RELIEF = {r: english(r) for r in Relief}


class ReportFormat(StrEnum):
    PDF = "pdf"
    CSV = "csv"

    @staticmethod
    def for_path(path: Path) -> ReportFormat:
        try:
            return ReportFormat(path.suffix.lower().lstrip("."))
        except ValueError:
            raise Rejected(
                "report_format",
                N_("choose a .pdf or .csv file name, not {name!r}"),
                name=path.name,
            ) from None


@dataclass(frozen=True)
class _CaseFacts:
    claim_type: ClaimType
    stage: Stage
    outcome: Outcome | None
    relief: tuple[str, ...]
    nationality: str
    opened: int
    closed: int | None


def year_problem(year: int, today: date) -> str | None:
    if not FIRST_YEAR <= year <= today.year:
        return f"Choose a year from {FIRST_YEAR} to {today.year}."
    return None


def _facts(store: Store, start: date, end: date) -> list[_CaseFacts]:
    query = (
        select(
            Case.id,
            Case.claim_type,
            Case.relief,
            Case.opened_on,
            Case.closed_on,
            Case.stage,
            Case.outcome,
            Client.nationalities,
        )
        .join(Client, Client.id == Case.client_id)
        .where(Case.opened_on <= end, or_(Case.closed_on.is_(None), Case.closed_on >= start))
    )
    events = (
        select(StageEvent.case_id, StageEvent.to_stage, StageEvent.outcome)
        .join(Case, Case.id == StageEvent.case_id)
        .where(StageEvent.on <= end, Case.opened_on <= end)
        .order_by(StageEvent.case_id, StageEvent.on, StageEvent.id)
    )
    with store.unit_of_work() as session:
        rows = list(session.execute(query))
        as_of: dict[int, tuple[Stage, Outcome | None]] = {}
        for case_id, stage, outcome in session.execute(events):
            previous = as_of.get(case_id, (stage, None))[1]
            as_of[case_id] = (stage, outcome if outcome is not None else previous)
    facts = []
    for r in rows:
        stage, outcome = as_of.get(r.id, (r.stage, r.outcome))
        closed = r.closed_on.year if r.closed_on is not None and r.closed_on <= end else None
        facts.append(
            _CaseFacts(
                claim_type=r.claim_type,
                stage=stage,
                outcome=outcome,
                relief=tuple(r.relief),
                nationality=r.nationalities[0] if r.nationalities else "",
                opened=r.opened_on.year,
                closed=closed,
            )
        )
    return facts


def _table(title: str, note: str, counts: list[tuple[str, int]]) -> FunderTable:
    cells, total = suppress_counts([n for _, n in counts])
    return FunderTable(title, note, tuple(zip([k for k, _ in counts], cells, strict=True)), total)


def _tables(facts: list[_CaseFacts]) -> tuple[FunderTable, ...]:
    def by(values: list[Any], labels: Mapping[Any, str]) -> list[tuple[str, int]]:
        counted = Counter(values)
        return [(label, counted.get(key, 0)) for key, label in labels.items()]

    outcomes: dict[object, str] = {None: "No outcome yet"}
    outcomes.update({o: english(o) for o in Outcome})
    nations = Counter(f.nationality for f in facts)
    nation_rows = sorted(
        ((country_name(code) if code else "Not recorded", n) for code, n in nations.items()),
        key=lambda item: item[0],
    )
    opened = Counter(f.opened for f in facts)
    closed = Counter(f.closed for f in facts)
    relief = Counter(r for f in facts for r in f.relief)
    relief_cells = suppress_overlapping([relief.get(r.value, 0) for r in Relief])
    return (
        _table("Claim type", "", by([f.claim_type for f in facts], _CLAIM)),
        _table("Stage", "", by([f.stage for f in facts], {s: english(s) for s in Stage})),
        _table("Outcome", "", by([f.outcome for f in facts], outcomes)),
        FunderTable(
            "Relief sought",
            "A case may seek several kinds of relief, so these do not add up to the cases "
            "counted and no total is shown.",
            tuple(zip([_RELIEF[r] for r in Relief], relief_cells, strict=True)),
            None,
        ),
        _table("Nationality", "First nationality recorded for the client.", nation_rows),
        _table("Year opened", "", [(str(y), opened[y]) for y in sorted(opened)]),
        _table(
            "Year closed",
            "",
            [(str(y), closed[y]) for y in sorted(y for y in closed if y is not None)]
            + [("Not closed", closed.get(None, 0))],
        ),
    )


def funder_report(
    *, store: Store, year: int, today: date, now: datetime | None = None
) -> FunderReportData:
    """The report's (already suppressed) data for ``year``; up to ``today`` for this year."""
    problem = year_problem(year, today)
    if problem is not None:
        raise ValueError(problem)
    start, end = date(year, 1, 1), min(date(year, 12, 31), today)
    with store.unit_of_work() as session:
        settings = settings_in(session)
    return FunderReportData(
        clinic_name=settings.clinic_name,
        letterhead=settings.letterhead,
        year=year,
        period_start=start,
        period_end=end,
        tables=_tables(_facts(store, start, end)),
        generated_at=now or datetime.now(UTC),
    )


def render_funder_csv(data: FunderReportData) -> bytes:
    """table,category,count rows (UTF-8 with BOM), then the notes."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(["table", "category", "count"])
    for table in data.tables:
        for label, cell in table.rows:
            writer.writerow([table.title, label, cell.text()])
        if table.total is not None:
            writer.writerow([table.title, "Total", table.total.text()])
    for number, note in enumerate(definitions(data), start=1):
        writer.writerow(["note", str(number), note])
    return "\ufeff".encode() + text.getvalue().encode("utf-8")


def export_funder_report(
    *,
    store: Store,
    year: int,
    destination: Path,
    today: date,
    fmt: ReportFormat | None = None,
    overwrite: bool = False,
    now: datetime | None = None,
) -> Result[Path]:
    """Write the report where the user chose (PDF or CSV by the file name); audited."""
    fmt = fmt or ReportFormat.for_path(destination)
    data = funder_report(store=store, year=year, today=today, now=now)
    body = render_funder_pdf(data) if fmt is ReportFormat.PDF else render_funder_csv(data)

    def audit(session: Session) -> None:
        record(
            session,
            actor=store.actor,
            action=AuditAction.EXPORT,
            entity=Entity.STORE,
            entity_id=None,
            changes={
                "funder_report_saved_to": [None, str(destination)],
                "year": [None, year],
                "format": [None, fmt.value],
            },
        )

    save_export(store, destination, body, audit=audit, overwrite=overwrite)
    return Result(destination)
