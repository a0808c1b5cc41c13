"""What a user types in, before it is validated and stored.

Drafts are plain frozen dataclasses with raw-ish values (the A-number as typed, lists of
enum values). Validation (``clinic.domain.validation``) turns problems into field codes; the
services store only drafts that validated cleanly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from clinic.domain.enums import (
    ArrivalManner,
    AttendanceMode,
    ClaimType,
    DeadlineOrigin,
    DetentionStatus,
    EvidenceCategory,
    EvidenceStatus,
    ForumKind,
    HearingKind,
    ProtectedGround,
    Relationship,
    Relief,
    Sex,
    StaffRole,
    TranslationStatus,
)
from clinic.domain.ids import StaffId


@dataclass(frozen=True)
class AddressDraft:
    line1: str
    city: str
    state: str = ""
    postal_code: str = ""
    country: str = "US"  # ISO 3166-1 alpha-2
    line2: str = ""
    moved_in_on: date | None = None


@dataclass(frozen=True)
class ClientDraft:
    family_name: str
    given_name: str
    other_names: tuple[str, ...] = ()
    a_number: str = ""
    date_of_birth: date | None = None
    sex: Sex | None = None
    nationalities: tuple[str, ...] = ()  # ISO 3166-1 alpha-2 codes
    languages: tuple[str, ...] = ()  # ISO 639 codes (alpha-2 or alpha-3)
    interpreter_needed: bool = False
    phone: str = ""
    email: str = ""
    last_arrival_on: date | None = None
    last_arrival_place: str = ""
    last_arrival_manner: ArrivalManner = ArrivalManner.UNKNOWN
    detention: DetentionStatus = DetentionStatus.NOT_DETAINED
    detention_facility: str = ""
    unaccompanied_child: bool = False
    notes: str = ""


@dataclass(frozen=True)
class FamilyMemberDraft:
    family_name: str
    given_name: str
    relationship: Relationship
    date_of_birth: date | None = None
    a_number: str = ""
    in_us: bool = False
    derivative: bool = False


@dataclass(frozen=True)
class CaseDraft:
    claim_type: ClaimType
    relief: frozenset[Relief] = frozenset({Relief.ASYLUM, Relief.WITHHOLDING, Relief.CAT})
    grounds: frozenset[ProtectedGround] = frozenset()
    psg_definition: str = ""
    forum_kind: ForumKind | None = None  # derived from the claim type when left empty
    forum_name: str = ""  # asylum office or immigration court
    judge: str = ""
    paralegal_id: StaffId | None = None
    attorney_id: StaffId | None = None
    opened_on: date | None = None  # defaults to today
    filed_on: date | None = None
    receipt_number: str = ""
    detained: bool = False
    agency_hold: bool = False


@dataclass(frozen=True)
class HearingDraft:
    kind: HearingKind
    on: date
    at: time | None = None
    timezone: str = "America/New_York"  # the court's or office's IANA zone
    location: str = ""
    address: str = ""
    judge: str = ""
    mode: AttendanceMode = AttendanceMode.IN_PERSON
    notes: str = ""


@dataclass(frozen=True)
class EvidenceDraft:
    title: str
    category: EvidenceCategory
    language: str = "en"  # ISO 639
    translation: TranslationStatus = TranslationStatus.NOT_NEEDED
    obtained_on: date | None = None
    source: str = ""
    status: EvidenceStatus = EvidenceStatus.REQUESTED
    notes: str = ""


@dataclass(frozen=True)
class DeadlineDraft:
    kind: str
    title: str
    due_on: date
    origin: DeadlineOrigin = DeadlineOrigin.MANUAL
    rule_id: str = ""
    notes: str = ""


@dataclass(frozen=True)
class StaffDraft:
    name: str
    role: StaffRole
    email: str = ""
    active: bool = True
