"""Clients, their family members and addresses, adverse parties, and staff."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clinic.domain.enums import (
    ArrivalManner,
    DetentionStatus,
    Relationship,
    Sex,
    StaffRole,
)
from clinic.storage.models.base import Base, UtcDateTime, enum_type, utcnow

if TYPE_CHECKING:
    from clinic.storage.models.cases import Case


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[StaffRole] = mapped_column(enum_type(StaffRole))
    email: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(default=True)


class Client(Base):
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


class ClientAddress(Base):
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


class FamilyMember(Base):
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

    client: Mapped[Client] = relationship(back_populates="family")


class AdverseParty(Base):
    """People whose interests oppose a client's (e.g. an abuser), checked at intake for conflicts."""

    __tablename__ = "adverse_party"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(Text, default="")
