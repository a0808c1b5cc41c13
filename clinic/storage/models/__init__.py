"""Typed SQLAlchemy models. Only storage and services see these; the UI gets DTOs."""

from clinic.storage.models.audit import AuditEntry
from clinic.storage.models.background import (
    BackgroundAddress,
    BackgroundJob,
    BackgroundRelative,
    BackgroundSchool,
)
from clinic.storage.models.base import Base
from clinic.storage.models.cases import Case, CaseFact, Deadline, Hearing, StageEvent
from clinic.storage.models.evidence import EvidenceFile, EvidenceItem
from clinic.storage.models.people import (
    AdverseParty,
    Client,
    ClientAddress,
    Entry,
    FamilyMember,
    LawfulStatus,
    Staff,
)
from clinic.storage.models.work import ChecklistItemState, Note, Setting

__all__ = [
    "AdverseParty",
    "AuditEntry",
    "BackgroundAddress",
    "BackgroundJob",
    "BackgroundRelative",
    "BackgroundSchool",
    "Base",
    "Case",
    "CaseFact",
    "ChecklistItemState",
    "Client",
    "ClientAddress",
    "Deadline",
    "Entry",
    "EvidenceFile",
    "EvidenceItem",
    "FamilyMember",
    "Hearing",
    "LawfulStatus",
    "Note",
    "Setting",
    "Staff",
    "StageEvent",
]
