"""Per-case checklist state, notes and clinic-wide settings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from clinic.domain.enums import ChecklistState
from clinic.storage.models.base import Base, UtcDateTime, Versioned, enum_type, utcnow


class ChecklistItemState(Versioned, Base):
    __tablename__ = "checklist_item_state"
    __table_args__ = (UniqueConstraint("case_id", "template_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("asylum_case.id", ondelete="CASCADE"), index=True
    )
    template_id: Mapped[str] = mapped_column(String(60))
    item_id: Mapped[str] = mapped_column(String(60))
    state: Mapped[ChecklistState] = mapped_column(enum_type(ChecklistState))
    reason: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class Note(Versioned, Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("asylum_case.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Setting(Base):
    """One clinic-wide settings document per key, with the schema version it was written in."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(default=1)
