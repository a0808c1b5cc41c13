"""Hearings, appointments and deadlines of a case."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from sqlalchemy.orm import Session

from clinic.domain.deadlines import anchor_for, compute
from clinic.domain.drafts import DeadlineDraft, HearingDraft
from clinic.domain.enums import DeadlineOrigin, DeadlineStatus
from clinic.domain.ids import CaseId, DeadlineId, HearingId
from clinic.domain.validation import (
    FieldProblem,
    Problem,
    validate_deadline,
    validate_hearing,
)
from clinic.services.auditing import field_changes, record_created, record_update, snapshot
from clinic.services.deadline_refresh import refresh_cases, rule_context
from clinic.services.errors import NotFound, Thing
from clinic.services.results import Changes, Entity, Result, rejected
from clinic.services.settings_schema import settings_in
from clinic.services.versions import settle, update_versioned
from clinic.storage.models import Case, Deadline, Hearing
from clinic.storage.store import Store


def _case(session: Session, case_id: int) -> Case:
    row = session.get(Case, case_id)
    if row is None:
        raise NotFound(Thing.CASE, case_id)
    return row


def schedule_hearing(*, store: Store, case_id: CaseId, hearing: HearingDraft) -> Result[HearingId]:
    with store.unit_of_work() as session:
        case = _case(session, case_id)
        problems = validate_hearing(
            hearing, claim_type=case.claim_type, case_opened_on=case.opened_on
        )
        if problems:
            return rejected(problems)
        values = asdict(hearing)
        values["judge"] = hearing.judge.strip() or case.judge
        row = Hearing(case_id=case.id, **values)
        session.add(row)
        session.flush()
        record_created(
            session,
            actor=store.actor,
            entity=Entity.HEARING,
            entity_id=row.id,
            values={**values, "case_id": case.id},
        )
        refreshed = refresh_cases(session, {case.id}, store.actor)
        return Result(
            HearingId(row.id),
            changes=Changes.of((Entity.HEARING, row.id), (Entity.CASE, case.id)) | refreshed,
        )


def change_hearing(
    *,
    store: Store,
    hearing_id: HearingId,
    hearing: HearingDraft,
    expected_version: int | None = None,
    save_over: int | None = None,
) -> Result[HearingId]:
    """Change a hearing's kind, date, time, place, judge, attendance or notes (a continuance,
    a new courtroom); the case's deadlines counted from it follow. ``expected_version`` /
    ``save_over``: as for record_hearing_outcome (clinic.services.versions): a colleague's
    change of the same hearing since is named, never silently overwritten."""
    with store.unit_of_work() as session:
        row = session.get(Hearing, hearing_id)
        if row is None:
            raise NotFound(Thing.HEARING, hearing_id)
        case = row.case
        problems = validate_hearing(
            hearing, claim_type=case.claim_type, case_opened_on=case.opened_on
        )
        if problems:
            return rejected(problems)
        values = asdict(hearing)
        values["judge"] = hearing.judge.strip() or case.judge
        changes = update_versioned(
            session,
            row,
            actor=store.actor,
            thing=Thing.HEARING,
            entity=Entity.HEARING,
            values=values,
            expected_version=expected_version,
            save_over=save_over,
        )
        if not changes:
            return Result(hearing_id)
        refreshed = refresh_cases(session, {case.id}, store.actor)
        return Result(
            hearing_id,
            changes=Changes.of((Entity.HEARING, row.id), (Entity.CASE, case.id)) | refreshed,
        )


def record_hearing_outcome(
    *,
    store: Store,
    hearing_id: HearingId,
    outcome: str,
    expected_version: int | None = None,
    save_over: int | None = None,
) -> Result[HearingId]:
    """Record what happened at the hearing. ``expected_version``/``save_over``: the version
    the dialog showed, and the one whose change the user chose to save over
    (clinic.services.versions)."""
    if not outcome.strip():
        return rejected((FieldProblem("outcome", Problem.REQUIRED),))
    with store.unit_of_work() as session:
        row = session.get(Hearing, hearing_id)
        if row is None:
            raise NotFound(Thing.HEARING, hearing_id)
        update_versioned(
            session,
            row,
            actor=store.actor,
            thing=Thing.HEARING,
            entity=Entity.HEARING,
            values={"outcome": outcome.strip()},
            expected_version=expected_version,
            save_over=save_over,
        )
        return Result(
            hearing_id, changes=Changes.of((Entity.HEARING, row.id), (Entity.CASE, row.case_id))
        )


def record_deadline(
    *, store: Store, case_id: CaseId, deadline: DeadlineDraft
) -> Result[DeadlineId]:
    problems = validate_deadline(deadline)
    if problems:
        return rejected(problems)
    with store.unit_of_work() as session:
        case = _case(session, case_id)
        values = asdict(deadline)
        row = Deadline(case_id=case.id, status=DeadlineStatus.OPEN, **values)
        if deadline.origin is DeadlineOrigin.JUDGE_ORDERED:
            _roll_judge_ordered(session, row)
        session.add(row)
        session.flush()
        record_created(
            session,
            actor=store.actor,
            entity=Entity.DEADLINE,
            entity_id=row.id,
            values={**values, "case_id": case.id},
        )
        refreshed = refresh_cases(session, {case.id}, store.actor)
        return Result(
            DeadlineId(row.id),
            changes=Changes.of((Entity.DEADLINE, row.id), (Entity.CASE, case.id)) | refreshed,
        )


JUDGE_ORDERED_RULE = "judge-ordered"


def _roll_judge_ordered(session: Session, row: Deadline) -> None:
    """A date the judge set that falls on a weekend or holiday moves to the next business day
    (ICPM 3.1(c), 8 CFR 1003.31(c)); the row keeps the arithmetic and source like a rule's."""
    context = rule_context(settings_in(session))
    rule = context.book.get(JUDGE_ORDERED_RULE)
    computed = compute(rule, anchor_for(rule, row.due_on), context.calendar)
    row.anchor_field = computed.anchor.field
    row.anchor_on = computed.anchor.on
    row.due_on = computed.due or row.due_on
    row.explanation = computed.explanation
    row.source = computed.source
    row.as_of = computed.as_of
    row.confidence = computed.confidence
    row.flags = list(computed.flags)


def close_deadline(
    *,
    store: Store,
    deadline_id: DeadlineId,
    status: DeadlineStatus,
    on: date,
    reason: str = "",
    expected_version: int | None = None,
    save_over: int | None = None,
) -> Result[DeadlineId]:
    """Mark a deadline done, waive it (a reason is required) or reopen it. ``expected_version``
    /``save_over``: the version the tab showed, and the one whose change the user chose to
    save over (clinic.services.versions): a colleague who marked it done or waived it meanwhile
    is named, never silently overwritten."""
    if status is DeadlineStatus.WAIVED and not reason.strip():
        return rejected((FieldProblem("status_reason", Problem.REQUIRED),))
    with store.unit_of_work() as session:
        row = session.get(Deadline, deadline_id)
        if row is None:
            raise NotFound(Thing.DEADLINE, deadline_id)
        settle(
            session,
            row,
            thing=Thing.DEADLINE,
            entity=Entity.DEADLINE,
            values=_status_values(status, on, reason),
            expected_version=expected_version,
            save_over=save_over,
        )
        set_deadline_status(session, row, status=status, on=on, reason=reason, actor=store.actor)
        return Result(
            deadline_id, changes=Changes.of((Entity.DEADLINE, row.id), (Entity.CASE, row.case_id))
        )


_STATUS_FIELDS = ("status", "status_reason", "completed_on")


def set_deadline_status(
    session: Session, row: Deadline, *, status: DeadlineStatus, on: date, reason: str, actor: str
) -> None:
    """Change a deadline's status (done on ``on``, waived with a reason, reopened), audited."""
    before = snapshot(row, _STATUS_FIELDS)
    for name, value in _status_values(status, on, reason).items():
        setattr(row, name, value)
    record_update(
        session,
        actor=actor,
        entity=Entity.DEADLINE,
        row=row,
        changes=field_changes(before, snapshot(row, _STATUS_FIELDS)),
    )


def _status_values(status: DeadlineStatus, on: date, reason: str) -> dict[str, object]:
    return {
        "status": status,
        "status_reason": reason.strip(),
        "completed_on": on if status is DeadlineStatus.DONE else None,
    }
