"""Frozen data handed to the UI and the command line; nothing here lazy-loads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from clinic.domain.enums import (
    ArrivalManner,
    AttendanceMode,
    ClaimType,
    DeadlineOrigin,
    DeadlineStatus,
    DetentionStatus,
    EvidenceCategory,
    EvidenceStatus,
    ForumKind,
    HearingKind,
    Outcome,
    ProtectedGround,
    Relationship,
    Relief,
    Sex,
    StaffRole,
    Stage,
    TranslationStatus,
)
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


@dataclass(frozen=True)
class StaffView:
    id: StaffId
    name: str
    role: StaffRole
    email: str
    active: bool


@dataclass(frozen=True)
class FamilyMemberView:
    id: FamilyMemberId
    family_name: str
    given_name: str
    relationship: Relationship
    date_of_birth: date | None
    a_number: str | None
    in_us: bool
    derivative: bool
    version: int = 1  # the row's version when read: a save passes it as expected_version


@dataclass(frozen=True)
class AddressView:
    line1: str
    line2: str
    city: str
    state: str
    postal_code: str
    country: str
    moved_in_on: date | None


@dataclass(frozen=True)
class ClientView:
    id: ClientId
    family_name: str
    given_name: str
    other_names: tuple[str, ...]
    a_number: str | None
    date_of_birth: date | None
    sex: Sex | None
    nationalities: tuple[str, ...]
    languages: tuple[str, ...]
    interpreter_needed: bool
    phone: str
    email: str
    last_arrival_on: date | None
    last_arrival_place: str
    last_arrival_manner: ArrivalManner
    detention: DetentionStatus
    detention_facility: str
    unaccompanied_child: bool
    notes: str
    family: tuple[FamilyMemberView, ...]
    addresses: tuple[AddressView, ...]
    case_ids: tuple[CaseId, ...]
    version: int = 1  # the row's version when read: a save passes it as expected_version

    @property
    def display_name(self) -> str:
        return display_name(self.family_name, self.given_name)


def display_name(family_name: str, given_name: str) -> str:
    """ "FAMILY, Given" as immigration forms and court dockets list people."""
    return f"{family_name.upper()}, {given_name}" if given_name else family_name.upper()


@dataclass(frozen=True)
class HearingView:
    id: HearingId
    case_id: CaseId
    kind: HearingKind
    on: date
    at: time | None
    timezone: str
    location: str
    address: str
    judge: str
    mode: AttendanceMode
    outcome: str
    notes: str
    version: int = 1  # the row's version when read: a save passes it as expected_version


@dataclass(frozen=True)
class DeadlineView:
    id: DeadlineId
    case_id: CaseId
    kind: str
    title: str
    due_on: date
    origin: DeadlineOrigin
    rule_id: str
    status: DeadlineStatus
    status_reason: str
    notes: str
    completed_on: date | None = None
    # Provenance (rule-computed and judge-ordered deadlines): what it counts from and how.
    anchor_field: str = ""
    anchor_on: date | None = None
    safe_due_on: date | None = None
    explanation: str = ""
    source: str = ""
    as_of: date | None = None
    confidence: str = ""
    flags: tuple[str, ...] = ()
    court_sets_date: bool = False
    version: int = 1  # the row's version when read: a save passes it as expected_version

    @property
    def act_by(self) -> date:
        """The date to act on: the safe date when one exists (counted back from a hearing)."""
        return self.safe_due_on or self.due_on

    @property
    def needs_attorney_check(self) -> bool:
        return self.confidence == "unverified" or any(
            f.startswith(("leap_day", "month_end", "condition_unknown", "closure_not_extended"))
            for f in self.flags
        )


@dataclass(frozen=True)
class EvidenceFileView:
    id: EvidenceFileId
    original_name: str
    media_type: str
    size: int
    sha256: str
    added_at: datetime


@dataclass(frozen=True)
class EvidenceView:
    id: EvidenceId
    case_id: CaseId
    title: str
    category: EvidenceCategory
    language: str
    translation: TranslationStatus
    obtained_on: date | None
    source: str
    status: EvidenceStatus
    exhibit_order: int | None
    notes: str
    files: tuple[EvidenceFileView, ...]
    version: int = 1  # the row's version when read: a save passes it as expected_version


@dataclass(frozen=True)
class StageEventView:
    at: datetime
    on: date
    from_stage: Stage | None
    to_stage: Stage
    claim_type: ClaimType
    outcome: Outcome | None
    is_referral: bool
    actor: str
    note: str


@dataclass(frozen=True)
class NoteView:
    id: int
    at: datetime
    author: str
    body: str


@dataclass(frozen=True)
class CaseSummary:
    """One row of the cases table and of ``clinic cases``/``clinic search``."""

    id: CaseId
    client_id: ClientId
    client_name: str
    a_number: str | None
    claim_type: ClaimType
    stage: Stage
    detained: bool
    paralegal: str
    next_hearing: date | None
    next_deadline: date | None
    # Fields whose stored value Clinic would not accept (issue 16 § 5): shown marked, never
    # crashing the list; a_number then holds the stored text, claim_type/stage a stand-in.
    not_valid: tuple[str, ...] = ()
    stored: tuple[str, ...] = ()  # the stored text of each field in not_valid, in that order


@dataclass(frozen=True)
class CaseView:
    id: CaseId
    client: ClientView
    claim_type: ClaimType
    relief: frozenset[Relief]
    grounds: frozenset[ProtectedGround]
    psg_definition: str
    forum_kind: ForumKind
    forum_name: str
    judge: str
    paralegal: StaffView | None
    attorney: StaffView | None
    opened_on: date
    filed_on: date | None
    receipt_number: str
    detained: bool
    agency_hold: bool
    stage: Stage
    outcome: Outcome | None
    referred_on: date | None
    closed_on: date | None
    hearings: tuple[HearingView, ...]
    deadlines: tuple[DeadlineView, ...]
    evidence: tuple[EvidenceView, ...]
    history: tuple[StageEventView, ...]
    notes: tuple[NoteView, ...] = ()
    version: int = 1  # the row's version when read: a save passes it as expected_version
