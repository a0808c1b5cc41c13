"""Clients, their family members and addresses, adverse parties, and staff."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clinic.domain.enums import (
    ArrivalManner,
    DetentionStatus,
    MaritalStatus,
    Relationship,
    Sex,
    StaffRole,
    StatusKind,
)
from clinic.storage.models.base import Base, UtcDateTime, Versioned, enum_type, utcnow

if TYPE_CHECKING:
    from clinic.storage.models.cases import Case


class Staff(Versioned, Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[StaffRole] = mapped_column(enum_type(StaffRole))
    email: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(default=True)


class Client(Versioned, Base):
    __tablename__ = "client"
    # Search as you type: the Cases page reads clients in search_key order and matches text in
    # search_key or a_number; this narrow index serves both without reading the wide rows.
    __table_args__ = (Index("ix_client_search_key", "search_key", "id", "a_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    family_name: Mapped[str] = mapped_column(String(200))
    given_name: Mapped[str] = mapped_column(String(200), default="")
    other_names: Mapped[list[str]] = mapped_column(JSON, default=list)
    a_number: Mapped[str | None] = mapped_column(String(9), unique=True)
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[Sex | None] = mapped_column(enum_type(Sex))
    nationalities: Mapped[list[str]] = mapped_column(JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    interpreter_needed: Mapped[bool] = mapped_column(default=False)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    last_arrival_on: Mapped[date | None] = mapped_column(Date)
    last_arrival_place: Mapped[str] = mapped_column(String(200), default="")
    last_arrival_manner: Mapped[ArrivalManner] = mapped_column(
        enum_type(ArrivalManner), default=ArrivalManner.UNKNOWN
    )
    detention: Mapped[DetentionStatus] = mapped_column(
        enum_type(DetentionStatus), default=DetentionStatus.NOT_DETAINED
    )
    detention_facility: Mapped[str] = mapped_column(String(200), default="")
    unaccompanied_child: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    # The I-589's questions intake does not ask (migration 0009; clinic/domain/applicant.py).
    # The Social Security and USCIS account numbers are sensitive like the A-number.
    middle_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    ssn: Mapped[str] = mapped_column(String(9), default="", server_default="")
    uscis_account: Mapped[str] = mapped_column(String(12), default="", server_default="")
    marital_status: Mapped[MaritalStatus | None] = mapped_column(enum_type(MaritalStatus))
    birth_city: Mapped[str] = mapped_column(String(100), default="", server_default="")
    birth_country: Mapped[str] = mapped_column(String(2), default="", server_default="")
    nationality_at_birth: Mapped[str] = mapped_column(String(2), default="", server_default="")
    ethnic_group: Mapped[str] = mapped_column(String(100), default="", server_default="")
    religion: Mapped[str] = mapped_column(String(100), default="", server_default="")
    left_country_on: Mapped[date | None] = mapped_column(Date)
    passport_country: Mapped[str] = mapped_column(String(2), default="", server_default="")
    passport_number: Mapped[str] = mapped_column(String(40), default="", server_default="")
    travel_document_number: Mapped[str] = mapped_column(String(40), default="", server_default="")
    passport_expires_on: Mapped[date | None] = mapped_column(Date)
    fluent_in_english: Mapped[bool | None] = mapped_column()
    # The I-589's Parts B and C, each yes/no (None: not asked) and its explanation (migration
    # 0010; clinic/domain/claim_answers.py).
    part_b1a: Mapped[bool | None] = mapped_column()
    part_b1a_explanation: Mapped[str] = mapped_column(Text, default="", server_default="")
    part_b1b: Mapped[bool | None] = mapped_column()
    part_b1b_explanation: Mapped[str] = mapped_column(Text, default="", server_default="")
    part_b2: Mapped[bool | None] = mapped_column()
    part_b2_explanation: Mapped[str] = mapped_column(Text, default="", server_default="")
    part_b3a: Mapped[bool | None] = mapped_column()
    part_b3a_explanation: Mapped[str] = mapped_column(Text, default="", server_default="")
    part_b3b: Mapped[bool | None] = mapped_column()
    part_b3b_explanation: Mapped[str] = mapped_column(Text, default="", server_default="")
    part_b4: Mapped[bool | None] = mapped_column()
    part_b4_explanation: Mapped[str] = mapped_column(Text, default="", server_default="")
    part_c1: Mapped[bool | None] = mapped_column()
    part_c1_explanation: Mapped[str] = mapped_column(Text, default="", server_default="")
    part_c2a: Mapped[bool | None] = mapped_column()
    part_c2b: Mapped[bool | None] = mapped_column()
    part_c2_explanation: Mapped[str] = mapped_column(Text, default="", server_default="")
    part_c3: Mapped[bool | None] = mapped_column()
    part_c3_explanation: Mapped[str] = mapped_column(Text, default="", server_default="")
    part_c4: Mapped[bool | None] = mapped_column()
    part_c4_explanation: Mapped[str] = mapped_column(Text, default="", server_default="")
    part_c5: Mapped[bool | None] = mapped_column()
    part_c5_explanation: Mapped[str] = mapped_column(Text, default="", server_default="")
    part_c6: Mapped[bool | None] = mapped_column()
    part_c6_explanation: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Folded names and aliases (accent-, case- and script-insensitive) for search as you type.
    search_key: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)

    family: Mapped[list[FamilyMember]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="FamilyMember.id"
    )
    addresses: Mapped[list[ClientAddress]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="ClientAddress.id"
    )
    cases: Mapped[list[Case]] = relationship(back_populates="client", order_by="Case.id")
    # Every entry into the United States (the I-589's list) and every lawful status, TPS or
    # parole, the client's and each family member's (migration 0006).
    entries: Mapped[list[Entry]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="Entry.entered_on"
    )
    statuses: Mapped[list[LawfulStatus]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="LawfulStatus.id"
    )


class ClientAddress(Versioned, Base):
    """Address history: every move is kept, for the EOIR-33 / AR-11 change-of-address clocks."""

    __tablename__ = "client_address"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    line1: Mapped[str] = mapped_column(String(200))
    line2: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(100), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    country: Mapped[str] = mapped_column(String(2), default="US")
    moved_in_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    client: Mapped[Client] = relationship(back_populates="addresses")


class FamilyMember(Versioned, Base):
    __tablename__ = "family_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    family_name: Mapped[str] = mapped_column(String(200))
    given_name: Mapped[str] = mapped_column(String(200), default="")
    relationship_: Mapped[Relationship] = mapped_column("relationship", enum_type(Relationship))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    a_number: Mapped[str | None] = mapped_column(String(9), index=True)
    in_us: Mapped[bool] = mapped_column(default=False)
    derivative: Mapped[bool] = mapped_column(default=False)
    search_key: Mapped[str] = mapped_column(Text, default="")
    # A member who files an I-589 of their own (not, or not only, a derivative) has a one-year
    # deadline of their own, counted from their own last entry; the date their I-589 was
    # received closes it (migration 0006; clinic/domain/entries.py).
    files_own_i589: Mapped[bool] = mapped_column(default=False, server_default="0")
    own_i589_received_on: Mapped[date | None] = mapped_column(Date)

    client: Mapped[Client] = relationship(back_populates="family")


class Entry(Versioned, Base):
    """One entry into the United States (I-589 Part A.I: date, place, status, status expiry),
    the client's (``family_member_id`` empty) or a family member's (migration 0006)."""

    __tablename__ = "entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    family_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("family_member.id", ondelete="CASCADE"), index=True
    )
    entered_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")  # port of entry, or where
    manner: Mapped[ArrivalManner] = mapped_column(
        enum_type(ArrivalManner), default=ArrivalManner.UNKNOWN
    )
    status: Mapped[str] = mapped_column(String(60), default="")  # class of admission: B-2, EWI
    status_expires_on: Mapped[date | None] = mapped_column(Date)  # the I-94's "admit until"
    i94_number: Mapped[str] = mapped_column(String(20), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    client: Mapped[Client] = relationship(back_populates="entries")


class LawfulStatus(Versioned, Base):
    """A period of lawful status, TPS or parole (8 CFR 208.4(a)(5)(iv)), the client's or a
    family member's, with the entry it began on when there was one (migration 0006)."""

    __tablename__ = "lawful_status"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    family_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("family_member.id", ondelete="CASCADE"), index=True
    )
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("entry.id", ondelete="SET NULL"))
    kind: Mapped[StatusKind] = mapped_column(enum_type(StatusKind))
    detail: Mapped[str] = mapped_column(String(100), default="")  # F-1, TPS Honduras, CHNV
    from_on: Mapped[date | None] = mapped_column(Date)
    until_on: Mapped[date | None] = mapped_column(Date)  # empty: still held, or end unknown
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    client: Mapped[Client] = relationship(back_populates="statuses")


class AdverseParty(Versioned, Base):
    """People whose interests oppose a client's (e.g. an abuser), checked at intake for conflicts."""

    __tablename__ = "adverse_party"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(Text, default="")
