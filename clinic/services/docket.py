"""The hearing docket for the attorney: the hearings and interviews of a date range (one
paralegal's cases, or all), each with its case's readiness; rendered in memory and written only
where the user chose, audited. The PDF is NOT encrypted: callers warn the user.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from clinic.domain.anumber import display_a_number
from clinic.domain.enums import AuditAction, DeadlineStatus, HearingKind, TranslationStatus
from clinic.domain.ids import CaseId
from clinic.reports.docket_pdf import DocketData, DocketEntry, Readiness, render_docket_pdf
from clinic.services import checklists
from clinic.services.auditing import record
from clinic.services.dto import CaseView, DeadlineView, HearingView
from clinic.services.export_file import save_export
from clinic.services.results import Entity, Result
from clinic.services.settings_schema import settings_in
from clinic.services.views import case_view
from clinic.storage.models import Case, Client, Hearing, Staff
from clinic.storage.store import Store

# What the docket lists: hearings and interviews an attorney attends (not biometrics/check-ins).
DOCKET_KINDS = (
    HearingKind.MASTER_CALENDAR,
    HearingKind.INDIVIDUAL,
    HearingKind.ASYLUM_INTERVIEW,
    HearingKind.BOND,
    HearingKind.FEAR_REVIEW,
)


class BadDateRange(ValueError):
    pass


class UnknownStaff(LookupError):
    pass


def _actionable(deadlines: Iterable[DeadlineView]) -> list[DeadlineView]:
    """Open deadlines with a date to act by (not "earliest date" notices, not court-set)."""
    return [
        d
        for d in deadlines
        if d.status is DeadlineStatus.OPEN and not d.court_sets_date and d.kind != "earliest_date"
    ]


def _check_range(start: date, end: date) -> None:
    if start > end:
        raise BadDateRange(
            f"the start date {start.isoformat()} is after the end date {end.isoformat()}; swap them"
        )


def _staff_name(session: Session, name: str) -> str:
    """The staff member's name as stored, matched without regard to case; UnknownStaff if none."""
    wanted = name.strip().casefold()
    for staff_name in session.scalars(select(Staff.name)):
        if staff_name.casefold() == wanted:
            return staff_name
    raise UnknownStaff(f"no staff member is named {name.strip()!r}")


def _paralegal(view: CaseView) -> str:
    return view.paralegal.name if view.paralegal else ""


def _readiness(
    view: CaseView, hearing_on: date, today: date, checklist_missing: int | None
) -> Readiness:
    before = [d for d in _actionable(view.deadlines) if d.act_by <= hearing_on]
    return Readiness(
        checklist_missing=checklist_missing,
        untranslated=sum(1 for e in view.evidence if e.translation is TranslationStatus.NEEDED),
        open_deadlines=len(before),
        overdue_deadlines=sum(1 for d in before if d.act_by < today),
    )


def _missing_items(store: Store, case_id: CaseId, today: date) -> int | None:
    """Missing items of the case's default filing checklist (None: no template applies)."""
    try:
        shown = checklists.case_checklist(store=store, case_id=case_id, today=today)
    except checklists.UnknownTemplate:
        return None
    return len(shown.checklist.missing)


def _docket_entry(view: CaseView, h: HearingView, readiness: Readiness) -> DocketEntry:
    client = view.client
    return DocketEntry(
        on=h.on,
        at=h.at,
        timezone=h.timezone,
        court=h.location or view.forum_name,
        kind=h.kind,
        mode=h.mode,
        case_id=view.id,
        client_name=client.display_name,
        a_number=display_a_number(client.a_number),
        claim_type=view.claim_type,
        judge=h.judge or view.judge,
        paralegal=_paralegal(view),
        attorney=view.attorney.name if view.attorney else "",
        detained=view.detained,
        interpreter_languages=client.languages if client.interpreter_needed else (),
        readiness=readiness,
    )


def docket_data(
    *,
    store: Store,
    start: date,
    end: date,
    today: date,
    paralegal: str | None = None,
    now: datetime | None = None,
) -> DocketData:
    """The hearings (master calendar, individual, asylum-office interview) dated start..end,
    optionally only the cases of one paralegal, each with its case's readiness."""
    _check_range(start, end)
    with store.unit_of_work() as session:
        settings = settings_in(session)
        wanted = _staff_name(session, paralegal) if paralegal and paralegal.strip() else ""
        query = (
            select(Hearing)
            .join(Case, Case.id == Hearing.case_id)
            .join(Client, Client.id == Case.client_id)
            .where(Hearing.on >= start, Hearing.on <= end, Hearing.kind.in_(DOCKET_KINDS))
            .options(selectinload(Hearing.case))
        )
        hearings = list(session.scalars(query))
        views: dict[int, CaseView] = {}
        for hearing in hearings:
            if hearing.case_id not in views:
                views[hearing.case_id] = case_view(hearing.case)
        chosen = [
            (hearing.id, hearing.case_id)
            for hearing in hearings
            if not wanted or _paralegal(views[hearing.case_id]) == wanted
        ]
    missing = {case_id: _missing_items(store, CaseId(case_id), today) for _, case_id in chosen}
    entries = []
    for hearing_id, case_id in chosen:
        view = views[case_id]
        h = next(x for x in view.hearings if x.id == hearing_id)
        entries.append(_docket_entry(view, h, _readiness(view, h.on, today, missing[case_id])))
    return DocketData(
        clinic_name=settings.clinic_name,
        letterhead=settings.letterhead,
        start=start,
        end=end,
        paralegal_filter=wanted,
        entries=tuple(entries),
        today=today,
        generated_at=now or datetime.now(UTC),
        generated_by=store.actor,
    )


def docket_pdf(
    *,
    store: Store,
    start: date,
    end: date,
    today: date,
    paralegal: str | None = None,
    now: datetime | None = None,
    lang: str = "en",
) -> bytes:
    """The hearing docket PDF in memory (nothing written, nothing audited)."""
    data = docket_data(store=store, start=start, end=end, today=today, paralegal=paralegal, now=now)
    return render_docket_pdf(data, lang=lang)


def export_docket_pdf(
    *,
    store: Store,
    start: date,
    end: date,
    destination: Path,
    today: date,
    paralegal: str | None = None,
    now: datetime | None = None,
    lang: str = "en",
    overwrite: bool = False,
    pdf: bytes | None = None,
) -> Result[Path]:
    """Write the hearing docket where the user chose, audited; never over an existing file
    unless ``overwrite`` (the user confirmed replacing it in a save dialog). ``pdf``: the bytes
    already made by :func:`docket_pdf` (and previewed), saved as they are."""
    data = docket_data(store=store, start=start, end=end, today=today, paralegal=paralegal, now=now)
    if pdf is None:
        pdf = render_docket_pdf(data, lang=lang)

    def audit(session: Session) -> None:
        record(
            session,
            actor=store.actor,
            action=AuditAction.EXPORT,
            entity=Entity.HEARING,
            entity_id=None,
            changes={
                "hearing_docket_saved_to": [None, str(destination)],
                "from": [None, start.isoformat()],
                "to": [None, end.isoformat()],
                "paralegal": [None, data.paralegal_filter],
                "hearings": [None, len(data.entries)],
            },
        )

    save_export(store, destination, pdf, audit=audit, overwrite=overwrite)
    return Result(destination)
