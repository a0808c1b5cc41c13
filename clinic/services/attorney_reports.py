"""PDFs for the attorney: the case summary of one case, and the hearing docket of a date range
(:mod:`clinic.services.docket`, whose names are importable from here too).

The data is gathered in a unit of work into plain dataclasses (clinic.reports.summary_pdf /
docket_pdf), rendered in memory, and written only where the user chose — never over an existing
file — and every save is audited. The PDFs are NOT encrypted: callers warn the user.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

from sqlalchemy.orm import Session

from clinic.domain.anumber import display_a_number
from clinic.domain.enums import AuditAction, DeadlineStatus
from clinic.domain.ids import CaseId
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
from clinic.services.auditing import record
from clinic.services.deadline_refresh import rule_context
from clinic.services.docket import (
    DOCKET_KINDS,
    BadDateRange,
    UnknownStaff,
    docket_data,
    docket_pdf,
    export_docket_pdf,
)
from clinic.services.dto import AddressView, CaseView, DeadlineView, HearingView, display_name
from clinic.services.errors import NotFound, Thing
from clinic.services.export_file import save_export
from clinic.services.results import Entity, Result
from clinic.services.settings_schema import settings_in
from clinic.services.views import case_view
from clinic.storage.models import Case
from clinic.storage.store import Store

__all__ = [
    "DOCKET_KINDS",
    "RECENT_NOTES",
    "BadDateRange",
    "UnknownStaff",
    "case_summary_data",
    "case_summary_pdf",
    "docket_data",
    "docket_pdf",
    "export_case_summary_pdf",
    "export_docket_pdf",
]

RECENT_NOTES = 10


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


def _upcoming(view: CaseView, today: date) -> tuple[HearingLine, ...]:
    """Hearings from today on, soonest first."""
    return tuple(
        _hearing_line(h)
        for h in sorted((h for h in view.hearings if h.on >= today), key=_hearing_order)
    )


def _past(view: CaseView, today: date) -> tuple[HearingLine, ...]:
    """Hearings before today, latest first."""
    return tuple(
        _hearing_line(h)
        for h in sorted(
            (h for h in view.hearings if h.on < today), key=_hearing_order, reverse=True
        )
    )


def _rules_as_of(session: Session) -> date:
    book = rule_context(settings_in(session)).book
    return max(rule.as_of for rule in book.rules)


def _family_lines(view: CaseView) -> tuple[FamilyLine, ...]:
    return tuple(
        FamilyLine(
            name=display_name(f.family_name, f.given_name),
            relationship=f.relationship,
            date_of_birth=f.date_of_birth,
            a_number=_a_number(f.a_number),
            in_us=f.in_us,
            derivative=f.derivative,
        )
        for f in view.client.family
    )


def _summary_deadline(d: DeadlineView, today: date) -> SummaryDeadline:
    return SummaryDeadline(
        title=d.title,
        due_on=None if d.court_sets_date else d.due_on,
        act_by=None if d.court_sets_date else d.act_by,
        origin=d.origin,
        source=d.source,
        as_of=d.as_of,
        overdue=not d.court_sets_date and d.act_by < today,
        needs_attorney_check=d.needs_attorney_check,
    )


def _evidence_lines(view: CaseView) -> tuple[EvidenceLine, ...]:
    """Evidence in exhibit order (no order last), then by title."""
    return tuple(
        EvidenceLine(e.title, e.category, e.language, e.translation, e.status, len(e.files))
        for e in sorted(
            view.evidence,
            key=lambda e: (e.exhibit_order is None, e.exhibit_order or 0, e.title.casefold()),
        )
    )


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
        family=_family_lines(view),
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
        upcoming=_upcoming(view, today),
        past=_past(view, today),
        deadlines=tuple(_summary_deadline(d, today) for d in open_deadlines),
        closed_deadlines=len(view.deadlines) - len(open_deadlines),
        evidence=_evidence_lines(view),
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
