"""Evidence items and the encrypted files attached to them."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clinic.domain.enums import EvidenceCategory, EvidenceStatus, TranslationStatus
from clinic.storage.models.base import Base, UtcDateTime, Versioned, enum_type, utcnow

if TYPE_CHECKING:
    from clinic.storage.models.cases import Case


class EvidenceItem(Versioned, Base):
    __tablename__ = "evidence_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("asylum_case.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[EvidenceCategory] = mapped_column(enum_type(EvidenceCategory))
    language: Mapped[str] = mapped_column(String(3), default="en")
    translation: Mapped[TranslationStatus] = mapped_column(
        enum_type(TranslationStatus), default=TranslationStatus.NOT_NEEDED
    )
    obtained_on: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[EvidenceStatus] = mapped_column(
        enum_type(EvidenceStatus), default=EvidenceStatus.REQUESTED
    )
    exhibit_order: Mapped[int | None] = mapped_column()
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)

    case: Mapped[Case] = relationship(back_populates="evidence")
    files: Mapped[list[EvidenceFile]] = relationship(
        back_populates="evidence", cascade="all, delete-orphan", order_by="EvidenceFile.id"
    )


class EvidenceFile(Versioned, Base):
    """A file in the vault. Its per-file key lives only here, inside the encrypted database."""

    __tablename__ = "evidence_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_item.id", ondelete="CASCADE"), index=True
    )
    vault_name: Mapped[str] = mapped_column(String(64), unique=True)
    file_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    original_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column()
    sha256: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    evidence: Mapped[EvidenceItem] = relationship(back_populates="files")
