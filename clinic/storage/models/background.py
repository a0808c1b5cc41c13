"""The applicant's background lists of the I-589's Part A.III (migration 0011;
clinic/domain/background.py): addresses, education, employment, parents and siblings. Each row
belongs to the client; dates are the first day of their month (the form asks months)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from clinic.domain.background import AddressKind, Relation
from clinic.storage.models.base import Base, UtcDateTime, Versioned, enum_type, utcnow


class BackgroundAddress(Versioned, Base):
    """Part A.III 1 (the last address before the U.S.; the last in the feared country) and 2
    (the residences of the past five years)."""

    __tablename__ = "background_address"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    kind: Mapped[AddressKind] = mapped_column(enum_type(AddressKind))
    street: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    province: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    from_on: Mapped[date | None] = mapped_column(Date)
    to_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class BackgroundSchool(Versioned, Base):
    """Part A.III 3: a school attended, most recent first on the form."""

    __tablename__ = "background_school"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    school: Mapped[str] = mapped_column(String(200))
    school_type: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    from_on: Mapped[date | None] = mapped_column(Date)
    to_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class BackgroundJob(Versioned, Base):
    """Part A.III 4: employment of the past five years, present first."""

    __tablename__ = "background_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    employer: Mapped[str] = mapped_column(String(200))
    occupation: Mapped[str] = mapped_column(String(200), default="")
    from_on: Mapped[date | None] = mapped_column(Date)
    to_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class BackgroundRelative(Versioned, Base):
    """Part A.III 5: the mother, the father, each sibling."""

    __tablename__ = "background_relative"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    relation: Mapped[Relation] = mapped_column(enum_type(Relation))
    full_name: Mapped[str] = mapped_column(String(200))
    birthplace: Mapped[str] = mapped_column(String(200), default="")
    deceased: Mapped[bool] = mapped_column(default=False)
    location: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
