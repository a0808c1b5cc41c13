"""PDFs for the attorney: the case summary of one case, and the hearing docket of a date range.

The data is gathered in a unit of work into plain dataclasses (clinic.reports.summary_pdf /
docket_pdf), rendered in memory, and written only where the user chose — never over an existing
file — and every save is audited. The PDFs are NOT encrypted: callers warn the user.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from clinic.domain.anumber import display_a_number
from clinic.domain.enums import AuditAction, DeadlineStatus, HearingKind, TranslationStatus
from clinic.domain.ids import CaseId
from clinic.reports.docket_pdf import DocketData, DocketEntry, Readiness, render_docket_pdf
from clinic.reports.summary_pdf import (
    CaseSummaryData,
    EvidenceLine,
    FamilyLine,
    HearingLine,
    NoteLine,
    StageLine,
    SummaryDeadline,
    render_case_summary_pdf,
)
from clinic.services import checklists
from clinic.services.auditing import record
from clinic.services.deadline_refresh import rule_context
from clinic.services.dto import AddressView, CaseView, DeadlineView, HearingView, display_name
from clinic.services.errors import NotFound, Thing
from clinic.services.export_file import save_export
from clinic.services.results import Entity, Result
from clinic.services.settings_schema import settings_in
from clinic.services.views import case_view
from clinic.storage.models import Case, Client, Hearing, Staff
from clinic.storage.store import Store

RECENT_NOTES = 10
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


def _a_number(digits: str | None) -> str:
    return display_a_number(digits)


def _address(addresses: tuple[AddressView, ...]) -> str:
    if not addresses:
        return ""
    a = addresses[-1]  # the current one: every move is kept, in order
    city = " ".join(x for x in (f"{a.city}," if a.city else "", a.state, a.postal_code) if x)
    lines = (a.line1, a.line2, city.rstrip(","), a.country if a.country not in ("", "US") else "")
    return "\n".join(x for x in lines if x)


def _hearing_line(h: HearingView) -> HearingLine:
    return HearingLine(h.on, h.at, h.timezone, h.kind, h.location, h.judge, h.mode, h.outcome)


def _hearing_order(h: HearingView) -> tuple[date, time]:
    return (h.on, h.at or time.min)


def _actionable(deadlines: Iterable[DeadlineView]) -> list[DeadlineView]:
    """Open deadlines with a date to act by (not "earliest date" notices, not court-set)."""
    return [
        d
        for d in deadlines
        if d.status is DeadlineStatus.OPEN and not d.court_sets_date and d.kind != "earliest_date"
    ]


def _rules_as_of(session: Session) -> date:
    book = rule_context(settings_in(session)).book
    return max(rule.as_of for rule in book.rules)


def _summary_data(
    view: CaseView, session: Session, today: date, now: datetime, actor: str
) -> CaseSummaryData:
    settings = settings_in(session)
    client = view.client
    open_deadlines = sorted(
        (d for d in view.deadlines if d.status is DeadlineStatus.OPEN),
        key=lambda d: (d.court_sets_date, d.act_by, d.id),
    )
    notes = sorted(view.notes, key=lambda n: (n.at, n.id), reverse=True)
    return CaseSummaryData(
        clinic_name=settings.clinic_name,
        letterhead=settings.letterhead,
        case_id=view.id,
        client_name=client.display_name,
        other_names=client.other_names,
        a_number=_a_number(client.a_number),
        date_of_birth=client.date_of_birth,
        nationalities=client.nationalities,
        languages=client.languages,
        interpreter_needed=client.interpreter_needed,
        address=_address(client.addresses),
        phone=client.phone,
        email=client.email,
        detention=client.detention,
        detention_facility=client.detention_facility,
        family=tuple(
            FamilyLine(
                name=display_name(f.family_name, f.given_name),
                relationship=f.relationship,
                date_of_birth=f.date_of_birth,
                a_number=_a_number(f.a_number),
                in_us=f.in_us,
                derivative=f.derivative,
            )
            for f in client.family
        ),
        claim_type=view.claim_type,
        forum_kind=view.forum_kind,
        forum_name=view.forum_name,
        judge=view.judge,
        grounds=tuple(sorted(view.grounds)),
        psg_definition=view.psg_definition,
        relief=tuple(sorted(view.relief)),
        stage=view.stage,
        outcome=view.outcome,
        opened_on=view.opened_on,
        filed_on=view.filed_on,
        receipt_number=view.receipt_number,
        attorney=view.attorney.name if view.attorney else "",
        paralegal=view.paralegal.name if view.paralegal else "",
        history=tuple(
            StageLine(e.on, e.from_stage, e.to_stage, e.outcome, e.is_referral, e.actor, e.note)
            for e in sorted(view.history, key=lambda e: e.at)
        ),
        upcoming=tuple(
            _hearing_line(h)
            for h in sorted((h for h in view.hearings if h.on >= today), key=_hearing_order)
        ),
        past=tuple(
            _hearing_line(h)
            for h in sorted(
                (h for h in view.hearings if h.on < today), key=_hearing_order, reverse=True
            )
        ),
        deadlines=tuple(
            SummaryDeadline(
                title=d.title,
                due_on=None if d.court_sets_date else d.due_on,
                act_by=None if d.court_sets_date else d.act_by,
                origin=d.origin,
                source=d.source,
                as_of=d.as_of,
                overdue=not d.court_sets_date and d.act_by < today,
                needs_attorney_check=d.needs_attorney_check,
            )
            for d in open_deadlines
        ),
        closed_deadlines=len(view.deadlines) - len(open_deadlines),
        evidence=tuple(
            EvidenceLine(e.title, e.category, e.language, e.translation, e.status, len(e.files))
            for e in sorted(
                view.evidence,
                key=lambda e: (e.exhibit_order is None, e.exhibit_order or 0, e.title.casefold()),
            )
        ),
        notes=tuple(NoteLine(n.at, n.author, n.body) for n in notes[:RECENT_NOTES]),
        notes_total=len(notes),
        rules_as_of=_rules_as_of(session),
        today=today,
        generated_at=now,
        generated_by=actor,
    )


def case_summary_data(
    *, store: Store, case_id: CaseId, today: date, now: datetime | None = None
) -> CaseSummaryData:
    """Everything the case summary prints (raises LookupError for an unknown case)."""
    with store.unit_of_work() as session:
        row = session.get(Case, case_id)
        if row is None:
            raise NotFound(Thing.CASE, case_id)
        return _summary_data(case_view(row), session, today, now or datetime.now(UTC), store.actor)


def case_summary_pdf(
    *, store: Store, case_id: CaseId, today: date, now: datetime | None = None, lang: str = "en"
) -> bytes:
    """The case summary PDF in memory (nothing written, nothing audited)."""
    data = case_summary_data(store=store, case_id=case_id, today=today, now=now)
    return render_case_summary_pdf(data, lang=lang)


def export_case_summary_pdf(
    *,
    store: Store,
    case_id: CaseId,
    destination: Path,
    today: date,
    now: datetime | None = None,
    lang: str = "en",
    overwrite: bool = False,
    pdf: bytes | None = None,
) -> Result[Path]:
    """Write the case summary where the user chose, audited; never over an existing file
    unless ``overwrite`` (the user confirmed replacing it in a save dialog). ``pdf``: the bytes
    already made by :func:`case_summary_pdf` (and previewed), saved as they are."""
    if pdf is None:
        pdf = case_summary_pdf(store=store, case_id=case_id, today=today, now=now, lang=lang)

    def audit(session: Session) -> None:
        record(
            session,
            actor=store.actor,
            action=AuditAction.EXPORT,
            entity=Entity.CASE,
            entity_id=case_id,
            changes={"case_summary_pdf_saved_to": [None, str(destination)]},
        )

    save_export(store, destination, pdf, audit=audit, overwrite=overwrite)
    return Result(destination)


# --- the docket ----------------------------------------------------------------------------


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
        client = view.client
        entries.append(
            DocketEntry(
                on=h.on,
                at=h.at,
                timezone=h.timezone,
                court=h.location or view.forum_name,
                kind=h.kind,
                mode=h.mode,
                case_id=view.id,
                client_name=client.display_name,
                a_number=_a_number(client.a_number),
                claim_type=view.claim_type,
                judge=h.judge or view.judge,
                paralegal=_paralegal(view),
                attorney=view.attorney.name if view.attorney else "",
                detained=view.detained,
                interpreter_languages=client.languages if client.interpreter_needed else (),
                readiness=_readiness(view, h.on, today, missing[case_id]),
            )
        )
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
