"""The case summary's data: plain frozen lines a service gathers in one unit of work and
:mod:`clinic.reports.summary_pdf` prints (stored values, not words: the PDF words them in the
language asked for)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from clinic.domain.enums import (
    AttendanceMode,
    ClaimType,
    DeadlineOrigin,
    DetentionStatus,
    EvidenceCategory,
    EvidenceStatus,
    ForumKind,
    HearingKind,
    Outcome,
    ProtectedGround,
    Relationship,
    Relief,
    Stage,
    TranslationStatus,
)


@dataclass(frozen=True)
class FamilyLine:
    name: str
    relationship: Relationship
    date_of_birth: date | None
    a_number: str
    in_us: bool
    derivative: bool


@dataclass(frozen=True)
class StageLine:
    on: date
    from_stage: Stage | None
    to_stage: Stage
    outcome: Outcome | None
    is_referral: bool
    actor: str
    note: str


@dataclass(frozen=True)
class HearingLine:
    on: date
    at: time | None
    timezone: str
    kind: HearingKind
    location: str
    judge: str
    mode: AttendanceMode
    outcome: str


@dataclass(frozen=True)
class SummaryDeadline:
    title: str
    due_on: date | None  # None: the court sets the date
    act_by: date | None
    origin: DeadlineOrigin
    source: str
    as_of: date | None
    overdue: bool
    needs_attorney_check: bool


@dataclass(frozen=True)
class EvidenceLine:
    title: str
    category: EvidenceCategory
    language: str
    translation: TranslationStatus
    status: EvidenceStatus
    files: int


@dataclass(frozen=True)
class NoteLine:
    at: datetime
    author: str
    body: str


@dataclass(frozen=True)
class CaseSummaryData:
    clinic_name: str
    letterhead: str
    case_id: int
    # client
    client_name: str
    other_names: tuple[str, ...]
    a_number: str  # formatted, "" when none
    date_of_birth: date | None
    nationalities: tuple[str, ...]  # ISO country codes
    languages: tuple[str, ...]  # language codes
    interpreter_needed: bool
    address: str  # newline-separated
    phone: str
    email: str
    detention: DetentionStatus
    detention_facility: str
    family: tuple[FamilyLine, ...]
    # claim
    claim_type: ClaimType
    forum_kind: ForumKind
    forum_name: str
    judge: str
    grounds: tuple[ProtectedGround, ...]
    psg_definition: str
    relief: tuple[Relief, ...]
    stage: Stage
    outcome: Outcome | None
    opened_on: date
    filed_on: date | None
    receipt_number: str
    attorney: str
    paralegal: str
    # the rest
    history: tuple[StageLine, ...]  # oldest first
    upcoming: tuple[HearingLine, ...]  # soonest first
    past: tuple[HearingLine, ...]  # most recent first
    deadlines: tuple[SummaryDeadline, ...]  # open ones, by act-by date
    closed_deadlines: int
    evidence: tuple[EvidenceLine, ...]
    notes: tuple[NoteLine, ...]  # newest first, already cut to the most recent
    notes_total: int
    rules_as_of: date
    today: date
    generated_at: datetime
    generated_by: str
