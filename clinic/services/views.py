"""ORM rows to frozen DTOs, inside the unit of work (so nothing lazy-loads later)."""

from __future__ import annotations

from clinic.domain.enums import ProtectedGround, Relief
from clinic.domain.ids import (
    CaseId,
    ClientId,
    DeadlineId,
    EvidenceFileId,
    EvidenceId,
    FamilyMemberId,
    HearingId,
    StaffId,
)
from clinic.services.dto import (
    AddressView,
    CaseView,
    ClientView,
    DeadlineView,
    EvidenceFileView,
    EvidenceView,
    FamilyMemberView,
    HearingView,
    NoteView,
    StaffView,
    StageEventView,
)
from clinic.storage.models import (
    Case,
    Client,
    Deadline,
    EvidenceFile,
    EvidenceItem,
    FamilyMember,
    Hearing,
    Staff,
    StageEvent,
)


def staff_view(row: Staff) -> StaffView:
    return StaffView(StaffId(row.id), row.name, row.role, row.email, row.active)


def family_view(row: FamilyMember) -> FamilyMemberView:
    return FamilyMemberView(
        id=FamilyMemberId(row.id),
        family_name=row.family_name,
        given_name=row.given_name,
        relationship=row.relationship_,
        date_of_birth=row.date_of_birth,
        a_number=row.a_number,
        in_us=row.in_us,
        derivative=row.derivative,
        version=row.version,
    )


def client_view(row: Client) -> ClientView:
    return ClientView(
        id=ClientId(row.id),
        family_name=row.family_name,
        given_name=row.given_name,
        other_names=tuple(row.other_names),
        a_number=row.a_number,
        date_of_birth=row.date_of_birth,
        sex=row.sex,
        nationalities=tuple(row.nationalities),
        languages=tuple(row.languages),
        interpreter_needed=row.interpreter_needed,
        phone=row.phone,
        email=row.email,
        last_arrival_on=row.last_arrival_on,
        last_arrival_place=row.last_arrival_place,
        last_arrival_manner=row.last_arrival_manner,
        detention=row.detention,
        detention_facility=row.detention_facility,
        unaccompanied_child=row.unaccompanied_child,
        notes=row.notes,
        family=tuple(family_view(f) for f in row.family),
        addresses=tuple(
            AddressView(a.line1, a.line2, a.city, a.state, a.postal_code, a.country, a.moved_in_on)
            for a in row.addresses
        ),
        case_ids=tuple(CaseId(c.id) for c in row.cases),
        version=row.version,
    )


def hearing_view(row: Hearing) -> HearingView:
    return HearingView(
        id=HearingId(row.id),
        case_id=CaseId(row.case_id),
        kind=row.kind,
        on=row.on,
        at=row.at,
        timezone=row.timezone,
        location=row.location,
        address=row.address,
        judge=row.judge,
        mode=row.mode,
        outcome=row.outcome,
        notes=row.notes,
        version=row.version,
    )


def deadline_view(row: Deadline) -> DeadlineView:
    return DeadlineView(
        id=DeadlineId(row.id),
        case_id=CaseId(row.case_id),
        kind=row.kind,
        title=row.title,
        due_on=row.due_on,
        origin=row.origin,
        rule_id=row.rule_id,
        status=row.status,
        status_reason=row.status_reason,
        notes=row.notes,
        completed_on=row.completed_on,
        anchor_field=row.anchor_field,
        anchor_on=row.anchor_on,
        safe_due_on=row.safe_due_on,
        explanation=row.explanation,
        source=row.source,
        as_of=row.as_of,
        confidence=row.confidence,
        flags=tuple(row.flags),
        court_sets_date=row.court_sets_date,
        version=row.version,
    )


def file_view(row: EvidenceFile) -> EvidenceFileView:
    return EvidenceFileView(
        id=EvidenceFileId(row.id),
        original_name=row.original_name,
        media_type=row.media_type,
        size=row.size,
        sha256=row.sha256,
        added_at=row.added_at,
    )


def evidence_view(row: EvidenceItem) -> EvidenceView:
    return EvidenceView(
        id=EvidenceId(row.id),
        case_id=CaseId(row.case_id),
        title=row.title,
        category=row.category,
        language=row.language,
        translation=row.translation,
        obtained_on=row.obtained_on,
        source=row.source,
        status=row.status,
        exhibit_order=row.exhibit_order,
        notes=row.notes,
        files=tuple(file_view(f) for f in row.files),
        version=row.version,
    )


def stage_event_view(row: StageEvent) -> StageEventView:
    return StageEventView(
        at=row.at,
        on=row.on,
        from_stage=row.from_stage,
        to_stage=row.to_stage,
        claim_type=row.claim_type,
        outcome=row.outcome,
        is_referral=row.is_referral,
        actor=row.actor,
        note=row.note,
    )


def case_view(row: Case) -> CaseView:
    return CaseView(
        id=CaseId(row.id),
        client=client_view(row.client),
        claim_type=row.claim_type,
        relief=frozenset(Relief(r) for r in row.relief),
        grounds=frozenset(ProtectedGround(g) for g in row.grounds),
        psg_definition=row.psg_definition,
        forum_kind=row.forum_kind,
        forum_name=row.forum_name,
        judge=row.judge,
        paralegal=staff_view(row.paralegal) if row.paralegal else None,
        attorney=staff_view(row.attorney) if row.attorney else None,
        opened_on=row.opened_on,
        filed_on=row.filed_on,
        receipt_number=row.receipt_number,
        detained=row.detained,
        agency_hold=row.agency_hold,
        stage=row.stage,
        outcome=row.outcome,
        referred_on=row.referred_on,
        closed_on=row.closed_on,
        hearings=tuple(hearing_view(h) for h in row.hearings),
        deadlines=tuple(deadline_view(d) for d in row.deadlines),
        evidence=tuple(evidence_view(e) for e in row.evidence),
        history=tuple(stage_event_view(s) for s in row.stage_events),
        notes=tuple(NoteView(n.id, n.created_at, n.author, n.body) for n in row.notes),
        version=row.version,
    )
