"""Opening a case, editing it, moving it through its stages and referring it to court."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from clinic.domain.drafts import CaseDraft
from clinic.domain.enums import AuditAction, ClaimType, ForumKind, Outcome, Stage
from clinic.domain.ids import CaseId, ClientId
from clinic.domain.stages import StageProblem, check_referral, check_stage_change
from clinic.domain.validation import FieldProblem, Problem, validate_case
from clinic.services.auditing import (
    field_changes,
    record_created,
    record_update,
    snapshot,
)
from clinic.services.deadline_refresh import refresh_cases
from clinic.services.dto import CaseView
from clinic.services.errors import NotFound, Thing
from clinic.services.intake_rows import case_values
from clinic.services.results import Changes, Entity, Result, rejected
from clinic.services.versions import update_versioned
from clinic.services.views import case_view
from clinic.storage.models import Case, Client, Staff, StageEvent
from clinic.storage.store import Store


def _staff_problems(session: Session, draft: CaseDraft) -> list[FieldProblem]:
    problems = []
    for field in ("paralegal_id", "attorney_id"):
        staff_id = getattr(draft, field)
        if staff_id is not None and session.get(Staff, staff_id) is None:
            problems.append(FieldProblem(field, Problem.UNKNOWN_STAFF))
    return problems


def open_case(*, store: Store, client_id: ClientId, case: CaseDraft, today: date) -> Result[CaseId]:
    problems = validate_case(case, today=today)
    if problems:
        return rejected(problems)
    values = case_values(case, today)
    with store.unit_of_work() as session:
        if session.get(Client, client_id) is None:
            raise NotFound(Thing.CLIENT, client_id)
        staff_problems = _staff_problems(session, case)
        if staff_problems:
            return rejected(tuple(staff_problems))
        row = Case(client_id=client_id, stage=Stage.INTAKE, **values)
        session.add(row)
        session.flush()
        session.add(
            StageEvent(
                case_id=row.id,
                on=values["opened_on"],
                from_stage=None,
                to_stage=Stage.INTAKE,
                claim_type=case.claim_type,
                actor=store.actor,
                note="Case opened",
            )
        )
        record_created(
            session,
            actor=store.actor,
            entity=Entity.CASE,
            entity_id=row.id,
            values={**values, "client_id": client_id, "stage": Stage.INTAKE},
        )
        refreshed = refresh_cases(session, {row.id}, store.actor)
        return Result(
            CaseId(row.id),
            changes=Changes.of((Entity.CASE, row.id), (Entity.CLIENT, client_id)) | refreshed,
        )


def update_case(
    *,
    store: Store,
    case_id: CaseId,
    case: CaseDraft,
    today: date,
    expected_version: int | None = None,
    save_over: int | None = None,
) -> Result[CaseId]:
    """Save the case form. The claim type changes only through a referral. ``expected_version``
    and ``save_over``: as for clients.update_client (clinic.services.versions)."""
    problems = validate_case(case, today=today)
    if problems:
        return rejected(problems)
    with store.unit_of_work() as session:
        row = _get(session, case_id)
        if case.claim_type is not row.claim_type:
            return rejected((FieldProblem("claim_type", Problem.CLAIM_TYPE_CHANGE),))
        staff_problems = _staff_problems(session, case)
        if staff_problems:
            return rejected(tuple(staff_problems))
        values = case_values(case, row.opened_on)
        values["opened_on"] = case.opened_on or row.opened_on
        changes = update_versioned(
            session,
            row,
            actor=store.actor,
            thing=Thing.CASE,
            entity=Entity.CASE,
            values=values,
            expected_version=expected_version,
            save_over=save_over,
        )
        if not changes:
            return Result(case_id)
        refreshed = refresh_cases(session, {row.id}, store.actor)
        return Result(case_id, changes=Changes.of((Entity.CASE, row.id)) | refreshed)


def change_stage(
    *,
    store: Store,
    case_id: CaseId,
    stage: Stage,
    on: date,
    outcome: Outcome | None = None,
    note: str = "",
) -> Result[CaseId]:
    with store.unit_of_work() as session:
        row = _get(session, case_id)
        problem = check_stage_change(row.claim_type, row.stage, stage, outcome)
        if problem is not None:
            return rejected((FieldProblem("stage", _as_problem(problem)),))
        if on < row.opened_on:
            return rejected((FieldProblem("on", Problem.HEARING_BEFORE_CASE_OPENED),))
        before = {"stage": row.stage, "outcome": row.outcome, "closed_on": row.closed_on}
        session.add(
            StageEvent(
                case_id=row.id,
                on=on,
                from_stage=row.stage,
                to_stage=stage,
                claim_type=row.claim_type,
                outcome=outcome,
                actor=store.actor,
                note=note.strip(),
            )
        )
        row.stage = stage
        if outcome is not None:
            row.outcome = outcome
        row.closed_on = on if stage is Stage.CLOSED else None
        if stage not in (Stage.CLOSED, Stage.DECISION) and outcome is None:
            row.outcome = None  # reopened, stepped back or appealed: no outcome stands yet
        after = {"stage": row.stage, "outcome": row.outcome, "closed_on": row.closed_on}
        record_update(
            session,
            actor=store.actor,
            action=AuditAction.STAGE,
            entity=Entity.CASE,
            row=row,
            changes=field_changes(before, after) | ({"note": [None, note]} if note else {}),
        )
        refreshed = refresh_cases(session, {row.id}, store.actor)
        return Result(case_id, changes=Changes.of((Entity.CASE, row.id)) | refreshed)


def refer_to_court(
    *,
    store: Store,
    case_id: CaseId,
    on: date,
    court: str,
    judge: str = "",
    note: str = "",
) -> Result[CaseId]:
    """USCIS referred the affirmative case to immigration court (an NTA was filed).

    The same case becomes defensive: forum, stage and claim type change; its hearings,
    evidence, deadlines and stage history stay with it.
    """
    with store.unit_of_work() as session:
        row = _get(session, case_id)
        problem = check_referral(row.claim_type, row.stage)
        if problem is not None:
            return rejected((FieldProblem("stage", _as_problem(problem)),))
        if on < row.opened_on:
            return rejected((FieldProblem("on", Problem.HEARING_BEFORE_CASE_OPENED),))
        if not court.strip():
            return rejected((FieldProblem("forum_name", Problem.REQUIRED),))
        fields = ("claim_type", "forum_kind", "forum_name", "judge", "stage", "referred_on")
        before = snapshot(row, fields)
        session.add(
            StageEvent(
                case_id=row.id,
                on=on,
                from_stage=row.stage,
                to_stage=Stage.HEARINGS,
                claim_type=ClaimType.DEFENSIVE,
                outcome=Outcome.REFERRED,
                is_referral=True,
                actor=store.actor,
                note=note.strip(),
            )
        )
        row.claim_type = ClaimType.DEFENSIVE
        row.forum_kind = ForumKind.IMMIGRATION_COURT
        row.forum_name = court.strip()
        row.judge = judge.strip()
        row.stage = Stage.HEARINGS
        row.referred_on = on
        row.outcome = None
        record_update(
            session,
            actor=store.actor,
            action=AuditAction.REFER,
            entity=Entity.CASE,
            row=row,
            changes=field_changes(before, snapshot(row, fields)),
        )
        refreshed = refresh_cases(session, {row.id}, store.actor)
        return Result(case_id, changes=Changes.of((Entity.CASE, row.id)) | refreshed)


def get_case(*, store: Store, case_id: CaseId) -> CaseView:
    with store.unit_of_work() as session:
        return case_view(_get(session, case_id))


def _get(session: Session, case_id: int) -> Case:
    row = session.get(Case, case_id)
    if row is None:
        raise NotFound(Thing.CASE, case_id)
    return row


_STAGE_PROBLEMS = {
    StageProblem.NOT_ALLOWED: Problem.STAGE_NOT_ALLOWED,
    StageProblem.OUTCOME_REQUIRED: Problem.OUTCOME_REQUIRED,
    StageProblem.OUTCOME_NOT_EXPECTED: Problem.OUTCOME_NOT_EXPECTED,
    StageProblem.NOT_AFFIRMATIVE: Problem.REFERRAL_NEEDS_AFFIRMATIVE,
    StageProblem.NOT_REFERABLE_STAGE: Problem.REFERRAL_NEEDS_FILED,
    StageProblem.UNCHANGED: Problem.STAGE_UNCHANGED,
}


def _as_problem(problem: StageProblem) -> Problem:
    return _STAGE_PROBLEMS[problem]
