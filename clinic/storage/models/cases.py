"""Cases, their stage history, hearings and deadlines."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clinic.domain.enums import (
    AttendanceMode,
    CaseFactKind,
    ClaimType,
    DeadlineOrigin,
    DeadlineStatus,
    ForumKind,
    HearingKind,
    Outcome,
    ProceedingKind,
    Stage,
)
from clinic.storage.models.base import Base, UtcDateTime, Versioned, enum_type, utcnow

if TYPE_CHECKING:
    from clinic.storage.models.evidence import EvidenceItem
    from clinic.storage.models.people import Client, Staff
    from clinic.storage.models.work import Note


class Case(Versioned, Base):
    __tablename__ = "asylum_case"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="RESTRICT"), index=True)
    claim_type: Mapped[ClaimType] = mapped_column(enum_type(ClaimType))
    relief: Mapped[list[str]] = mapped_column(JSON, default=list)
    grounds: Mapped[list[str]] = mapped_column(JSON, default=list)
    psg_definition: Mapped[str] = mapped_column(Text, default="")
    forum_kind: Mapped[ForumKind] = mapped_column(enum_type(ForumKind))
    forum_name: Mapped[str] = mapped_column(String(200), default="")
    # Removal, asylum-only or withholding-only proceedings (8 CFR 1208.2(c)); migration 0006.
    proceeding: Mapped[ProceedingKind] = mapped_column(
        enum_type(ProceedingKind), default=ProceedingKind.REMOVAL, server_default="removal"
    )
    judge: Mapped[str] = mapped_column(String(200), default="")
    paralegal_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    attorney_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    # The I-589's Parts D and E (migration 0011): who prepared the form (a staff member) and
    # the interpreter (name; language as an ISO code). The signatures stay for ink.
    i589_preparer_id: Mapped[int | None] = mapped_column()  # a staff id (never deleted)
    i589_interpreter_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    i589_interpreter_language: Mapped[str] = mapped_column(String(3), default="", server_default="")
    opened_on: Mapped[date] = mapped_column(Date)
    filed_on: Mapped[date | None] = mapped_column(Date)
    receipt_number: Mapped[str] = mapped_column(String(20), default="", index=True)
    detained: Mapped[bool] = mapped_column(default=False)
    agency_hold: Mapped[bool] = mapped_column(default=False)
    stage: Mapped[Stage] = mapped_column(enum_type(Stage), default=Stage.INTAKE, index=True)
    outcome: Mapped[Outcome | None] = mapped_column(enum_type(Outcome))
    referred_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)

    client: Mapped[Client] = relationship(back_populates="cases")
    paralegal: Mapped[Staff | None] = relationship(foreign_keys=[paralegal_id])
    attorney: Mapped[Staff | None] = relationship(foreign_keys=[attorney_id])
    hearings: Mapped[list[Hearing]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Hearing.on"
    )
    deadlines: Mapped[list[Deadline]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Deadline.due_on"
    )
    stage_events: Mapped[list[StageEvent]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="StageEvent.id"
    )
    notes: Mapped[list[Note]] = relationship(order_by="Note.created_at", viewonly=True)
    facts: Mapped[list[CaseFact]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseFact.id"
    )
    evidence: Mapped[list[EvidenceItem]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="EvidenceItem.id"
    )


class StageEvent(Base):
    """One row per stage change or referral: the case's history is never rewritten."""

    __tablename__ = "stage_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("asylum_case.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    on: Mapped[date] = mapped_column(Date)
    from_stage: Mapped[Stage | None] = mapped_column(enum_type(Stage))
    to_stage: Mapped[Stage] = mapped_column(enum_type(Stage))
    claim_type: Mapped[ClaimType] = mapped_column(enum_type(ClaimType))
    outcome: Mapped[Outcome | None] = mapped_column(enum_type(Outcome))
    is_referral: Mapped[bool] = mapped_column(default=False)
    actor: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship(back_populates="stage_events")


class Hearing(Versioned, Base):
    __tablename__ = "hearing"
    __table_args__ = (
        Index("ix_hearing_on", "on"),
        # A case's next hearing (Cases list, sort by next hearing) from the index alone.
        Index("ix_hearing_case_on", "case_id", "on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("asylum_case.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[HearingKind] = mapped_column(enum_type(HearingKind))
    on: Mapped[date] = mapped_column(Date)
    at: Mapped[time | None] = mapped_column(Time)
    timezone: Mapped[str] = mapped_column(String(64), default="America/New_York")
    # The zone staff confirmed as right although the court's differs (resources/courts): such a
    # hearing is no longer listed for review until its zone changes (migration 0004).
    timezone_confirmed: Mapped[str] = mapped_column(String(64), default="", server_default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    judge: Mapped[str] = mapped_column(String(200), default="")
    mode: Mapped[AttendanceMode] = mapped_column(
        enum_type(AttendanceMode), default=AttendanceMode.IN_PERSON
    )
    outcome: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    case: Mapped[Case] = relationship(back_populates="hearings")


class Deadline(Versioned, Base):
    __tablename__ = "deadline"
    __table_args__ = (
        Index("ix_deadline_due_status", "due_on", "status"),
        # A case's next open deadline (Cases list, sort by next deadline) from the index alone,
        # without reading the wide rows (explanation, source).
        Index(
            "ix_deadline_case_next",
            "case_id",
            "status",
            "court_sets_date",
            "kind",
            "safe_due_on",
            "due_on",
        ),
        # Which cases a settings change can touch (clinic.services.deadline_recompute): a
        # rule's deadlines, and deadlines whose counting window crosses a day (migration 0008).
        Index("ix_deadline_rule_case", "rule_id", "case_id"),
        Index("ix_deadline_window_forward", "due_on", "anchor_on", "case_id"),
        Index(
            "ix_deadline_window_back", "anchor_on", "safe_due_on", "due_on", "rule_id", "case_id"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("asylum_case.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date] = mapped_column(Date)
    origin: Mapped[DeadlineOrigin] = mapped_column(enum_type(DeadlineOrigin))
    rule_id: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[DeadlineStatus] = mapped_column(
        enum_type(DeadlineStatus), default=DeadlineStatus.OPEN
    )
    status_reason: Mapped[str] = mapped_column(Text, default="")
    completed_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # Provenance of rule-computed deadlines (empty for manual ones): what it counts from and how.
    anchor_field: Mapped[str] = mapped_column(String(40), default="")
    anchor_on: Mapped[date | None] = mapped_column(Date)
    safe_due_on: Mapped[date | None] = mapped_column(Date)
    explanation: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    as_of: Mapped[date | None] = mapped_column(Date)
    confidence: Mapped[str] = mapped_column(String(20), default="")
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    court_sets_date: Mapped[bool] = mapped_column(default=False)

    case: Mapped[Case] = relationship(back_populates="deadlines")


class CaseFact(Versioned, Base):
    """A dated event of a case that deadline rules count from (decision, BIA decision, …)."""

    __tablename__ = "case_fact"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("asylum_case.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[CaseFactKind] = mapped_column(enum_type(CaseFactKind))
    on: Mapped[date | None] = mapped_column(Date)
    number: Mapped[int | None] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # Who it concerns (a FOIA request's agency: FoiaAgency value), and the earlier fact it
    # belongs to (a FOIA receipt, extension or response names its request). Migration 0005.
    agency: Mapped[str] = mapped_column(String(40), default="", server_default="")
    about_id: Mapped[int | None] = mapped_column()

    case: Mapped[Case] = relationship(back_populates="facts")
