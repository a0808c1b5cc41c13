"""Filing checklists: the shipped templates, a case's evaluated checklist, staff ticks (audited)
and the checklist PDF (rendered in memory, written only where the user chose, audited)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic.domain.anumber import display_a_number
from clinic.domain.checklist_evaluation import default_template, evaluate
from clinic.domain.checklist_file import parse_template
from clinic.domain.checklists import (
    ChecklistFacts,
    ChecklistTemplate,
    EvaluatedChecklist,
    EvidenceFact,
    ManualState,
)
from clinic.domain.deadlines import anchor_for, compute, one_year_status
from clinic.domain.deadlines.one_year import ONE_YEAR_RULE
from clinic.domain.enums import (
    ONE_YEAR_EXCEPTION_FACTS,
    AuditAction,
    ChecklistState,
    DeadlineStatus,
    HearingKind,
)
from clinic.domain.ids import CaseId
from clinic.domain.validation import FieldProblem, Problem
from clinic.reports import pdf_words
from clinic.reports.checklist_pdf import ChecklistPdfData, DeadlineLine, render_checklist_pdf
from clinic.resource_files import resource_path
from clinic.services.auditing import record
from clinic.services.deadline_refresh import rule_context
from clinic.services.dto import CaseView, HearingView
from clinic.services.errors import NotFound, Thing
from clinic.services.export_file import save_export
from clinic.services.results import Changes, Entity, Result, rejected
from clinic.services.settings_schema import ClinicSettings, settings_in
from clinic.services.views import case_view
from clinic.storage.models import Case, CaseFact, ChecklistItemState
from clinic.storage.store import Store

MAX_REASON = 1000


class UnknownTemplate(LookupError):
    pass


@dataclass(frozen=True)
class CaseChecklist:
    """What the Checklist tab and the command line show for one case and one template."""

    case_id: CaseId
    checklist: EvaluatedChecklist
    templates: tuple[ChecklistTemplate, ...]  # the ones offered for this case
    default_template_id: str | None


@cache
def list_templates() -> tuple[ChecklistTemplate, ...]:
    """Every shipped template (resources/checklists/*.toml), by title."""
    folder = resource_path("checklists")
    found = [
        parse_template(path.read_text(encoding="utf-8"), source_name=path.name)
        for path in sorted(folder.glob("*.toml"))
    ]
    return tuple(sorted(found, key=lambda t: t.title))


def get_template(template_id: str) -> ChecklistTemplate:
    for template in list_templates():
        if template.id == template_id:
            return template
    raise UnknownTemplate(f"there is no checklist template {template_id!r}")


def _facts(session: Session, case: Case, view: CaseView, today: date) -> ChecklistFacts:
    settings = settings_in(session)
    client = view.client
    one_year = due = None
    if client.last_arrival_on is not None:
        context = rule_context(settings)
        one_year = one_year_status(
            client.last_arrival_on,
            view.filed_on,
            context.calendar,
            context.book,
            unaccompanied_child=client.unaccompanied_child,
        )
        rule = context.book.get(ONE_YEAR_RULE)
        due = compute(rule, anchor_for(rule, client.last_arrival_on), context.calendar).due
    exception = session.scalar(
        select(CaseFact.id)
        .where(CaseFact.case_id == case.id, CaseFact.kind.in_(ONE_YEAR_EXCEPTION_FACTS))
        .limit(1)
    )
    return ChecklistFacts(
        claim_type=view.claim_type,
        forum=view.forum_kind,
        stage=view.stage,
        relief=view.relief,
        represented=view.attorney is not None,
        derivatives=any(f.derivative for f in client.family),
        detained=view.detained,
        filed_on=view.filed_on,
        evidence=tuple(
            EvidenceFact(e.title, e.category, e.language, e.translation, e.status)
            for e in view.evidence
        ),
        biometrics=tuple(
            (h.on, h.outcome) for h in view.hearings if h.kind is HearingKind.BIOMETRICS
        ),
        one_year=one_year,
        one_year_due=due,
        exception_documented=exception is not None,
        today=today,
        unaccompanied_child=client.unaccompanied_child,
        referred=view.referred_on is not None,
    )


def _manual(session: Session, case_id: int, template_id: str) -> dict[str, ManualState]:
    rows = session.scalars(
        select(ChecklistItemState).where(
            ChecklistItemState.case_id == case_id, ChecklistItemState.template_id == template_id
        )
    )
    return {r.item_id: ManualState(r.state, r.reason, r.updated_by, r.updated_at) for r in rows}


def _load(session: Session, case_id: int) -> Case:
    row = session.get(Case, case_id)
    if row is None:
        raise NotFound(Thing.CASE, case_id)
    return row


def _evaluate(
    session: Session, case_id: CaseId, template_id: str | None, today: date
) -> tuple[CaseChecklist, CaseView, ClinicSettings]:
    row = _load(session, case_id)
    view = case_view(row)
    facts = _facts(session, row, view, today)
    offered = tuple(t for t in list_templates() if t.applies_to.hold_for(facts))
    default = default_template(offered, facts)
    if template_id is None:
        if default is None:
            raise UnknownTemplate("no checklist template applies to this case")
        template = default
    else:
        template = get_template(template_id)
    checklist = evaluate(template, facts, _manual(session, case_id, template.id))
    result = CaseChecklist(case_id, checklist, offered, default.id if default else None)
    return result, view, settings_in(session)


def case_checklist(
    *, store: Store, case_id: CaseId, today: date, template_id: str | None = None
) -> CaseChecklist:
    """The case's checklist for ``template_id`` (default: the one for its claim type and stage)."""
    with store.unit_of_work() as session:
        return _evaluate(session, case_id, template_id, today)[0]


def set_item_state(
    *,
    store: Store,
    case_id: CaseId,
    template_id: str,
    item_id: str,
    state: ChecklistState,
    reason: str = "",
) -> Result[ChecklistState]:
    """Staff tick an item done, not applicable (a reason is required) or back to missing."""
    template = get_template(template_id)
    if template.item(item_id) is None:
        raise UnknownTemplate(f"template {template_id!r} has no item {item_id!r}")
    reason = reason.strip()
    if state is ChecklistState.NOT_APPLICABLE and not reason:
        return rejected((FieldProblem("reason", Problem.REQUIRED),))
    if len(reason) > MAX_REASON:
        return rejected((FieldProblem("reason", Problem.TOO_LONG),))
    with store.unit_of_work() as session:
        _load(session, case_id)
        row = session.scalar(
            select(ChecklistItemState).where(
                ChecklistItemState.case_id == case_id,
                ChecklistItemState.template_id == template_id,
                ChecklistItemState.item_id == item_id,
            )
        )
        before = (row.state, row.reason) if row is not None else (None, "")
        if before == (state, reason):
            return Result(state)
        if row is None:
            row = ChecklistItemState(case_id=case_id, template_id=template_id, item_id=item_id)
            session.add(row)
        row.state, row.reason, row.updated_by = state, reason, store.actor
        session.flush()
        record(
            session,
            actor=store.actor,
            action=AuditAction.UPDATE if before[0] is not None else AuditAction.CREATE,
            entity=Entity.CHECKLIST_ITEM,
            entity_id=row.id,
            changes={
                "case_id": [None, case_id],
                "template": [None, template_id],
                "item": [None, item_id],
                "state": [before[0], state],
                "reason": [before[1], reason],
            },
        )
        return Result(
            state, changes=Changes.of((Entity.CASE, case_id), (Entity.CHECKLIST_ITEM, row.id))
        )


def _next_hearing(view: CaseView, today: date, lang: str = "en") -> str:
    upcoming: list[HearingView] = sorted(
        (h for h in view.hearings if h.on >= today and h.kind is not HearingKind.BIOMETRICS),
        key=lambda h: (h.on, h.at or datetime.min.time()),
    )
    if not upcoming:
        return "none scheduled" if lang == "en" else "ninguna programada"
    h = upcoming[0]
    at = f" {pdf_words.hearing_time(lang, h.on, h.at, h.timezone)}" if h.at else ""
    where = f", {h.location}" if h.location else ""
    return f"{pdf_words.day(lang, h.on)}{at} — {pdf_words.enum_word(lang, h.kind)}{where}"


def _pdf_data(
    checklist: CaseChecklist,
    view: CaseView,
    settings: ClinicSettings,
    now: datetime,
    today: date,
    *,
    lang: str = "en",
) -> ChecklistPdfData:
    deadlines = tuple(
        DeadlineLine(
            title=d.title,
            due_on=None if d.court_sets_date else d.due_on,
            act_by=None if d.court_sets_date else d.act_by,
            source=d.source or d.origin.value.replace("_", " "),
            needs_attorney_check=d.needs_attorney_check,
        )
        for d in sorted(view.deadlines, key=lambda d: d.due_on)
        if d.status is DeadlineStatus.OPEN
    )
    return ChecklistPdfData(
        clinic_name=settings.clinic_name,
        letterhead=settings.letterhead,
        case_id=view.id,
        client_name=view.client.display_name,
        a_number=display_a_number(view.client.a_number),
        claim_type=pdf_words.enum_word(lang, view.claim_type),
        relief=", ".join(sorted(pdf_words.enum_word(lang, r) for r in view.relief)),
        forum=view.forum_name or pdf_words.enum_word(lang, view.forum_kind),
        judge=view.judge,
        attorney=view.attorney.name if view.attorney else "",
        paralegal=view.paralegal.name if view.paralegal else "",
        next_hearing=_next_hearing(view, today, lang),
        deadlines=deadlines,
        checklist=checklist.checklist,
        generated_at=now,
        generated_by="",
        lang=lang,
    )


def checklist_pdf(
    *,
    store: Store,
    case_id: CaseId,
    today: date,
    template_id: str | None = None,
    now: datetime | None = None,
    lang: str = "en",
) -> bytes:
    """The checklist PDF in memory (nothing written, nothing audited); ``lang`` "en" or "es"."""
    with store.unit_of_work() as session:
        checklist, view, settings = _evaluate(session, case_id, template_id, today)
    data = _pdf_data(checklist, view, settings, now or datetime.now(UTC), today, lang=lang)
    return render_checklist_pdf(ChecklistPdfData(**{**data.__dict__, "generated_by": store.actor}))


def export_checklist_pdf(
    *,
    store: Store,
    case_id: CaseId,
    destination: Path,
    today: date,
    template_id: str | None = None,
    now: datetime | None = None,
    lang: str = "en",
    pdf: bytes | None = None,
) -> Result[Path]:
    """Write the checklist PDF where the user chose; never over an existing file; audited.
    ``pdf``: the bytes already made by :func:`checklist_pdf` (and previewed), saved as they are.
    The PDF is NOT encrypted: the caller warns the user."""
    if template_id is None:
        template_id = case_checklist(
            store=store, case_id=case_id, today=today
        ).checklist.template.id
    if pdf is None:
        pdf = checklist_pdf(
            store=store, case_id=case_id, today=today, template_id=template_id, now=now, lang=lang
        )

    def audit(session: Session) -> None:
        record(
            session,
            actor=store.actor,
            action=AuditAction.EXPORT,
            entity=Entity.CASE,
            entity_id=case_id,
            changes={
                "checklist_pdf_saved_to": [None, str(destination)],
                "template": [None, template_id],
            },
        )

    save_export(store, destination, pdf, audit=audit, overwrite=False)
    return Result(destination)
