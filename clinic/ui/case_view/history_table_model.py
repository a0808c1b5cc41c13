"""The Notes & history tab's table: what happened to the case, when and by whom.

Rows are :class:`HistoryEntry` values so that stage events today, and notes and audit entries
once a service lists them, share one readable table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from clinic.services.dto import CaseView, StageEventView
from clinic.services.history import TrailEntry
from clinic.ui.case_view.case_words import short_date, word
from clinic.ui.case_view.history_words import note_words, trail_text
from clinic.ui.case_view.row_table_model import FIRST_MODEL_ROLE, RowRole, RowTableModel


@dataclass(frozen=True)
class HistoryEntry:
    id: int  # position in the history, newest first
    on: date
    at: datetime
    change: str
    actor: str
    note: str
    is_referral: bool = False


_SHOWN = frozenset({"stage", "refer"})
__all__ = ["HistoryEntry", "HistoryTableModel", "full_history", "trail_text"]


def full_history(
    case: CaseView, trail: Iterable[TrailEntry], staff: Mapping[int, str] | None = None
) -> list[HistoryEntry]:
    """Notes, stage changes and the audit trail as one list, newest first; ``staff`` names
    the staff members the trail refers to by id."""
    rows: list[tuple[datetime, str, str, str, bool]] = [
        (n.at, QCoreApplication.translate("CaseView", "Note"), n.author, n.body, False)
        for n in case.notes
    ]
    rows += [(e.at, _change(e), e.actor, note_words(e.note), e.is_referral) for e in case.history]
    # Stage moves and referrals already appear as stage events above, with their notes.
    rows += [
        (t.at, trail_text(t, staff), t.actor, "", False) for t in trail if t.action not in _SHOWN
    ]
    rows.sort(key=lambda r: r[0], reverse=True)
    return [
        HistoryEntry(number, at.date(), at, change, actor, note, referral)
        for number, (at, change, actor, note, referral) in enumerate(rows, start=1)
    ]


def _change(event: StageEventView) -> str:
    to_stage = word(event.to_stage)
    if event.from_stage is None:
        text = QCoreApplication.translate("CaseView", "Opened at {0} ({1})").format(
            to_stage, word(event.claim_type)
        )
    else:
        text = f"{word(event.from_stage)} → {to_stage}"
    if event.is_referral:
        return QCoreApplication.translate("CaseView", "⚖ Referred to court: {0}, now {1}").format(
            text, word(event.claim_type).lower()
        )
    if event.outcome is not None:
        return f"{text} · {word(event.outcome)}"
    return text


class Column(IntEnum):
    DATE = 0
    CHANGE = 1
    BY = 2
    NOTE = 3


class Role(IntEnum):
    REFERRAL = FIRST_MODEL_ROLE  # bool: the USCIS referral to court


HEADERS = {
    Column.DATE: QT_TRANSLATE_NOOP("CaseView", "Date"),
    Column.CHANGE: QT_TRANSLATE_NOOP("CaseView", "What happened"),
    Column.BY: QT_TRANSLATE_NOOP("CaseView", "By"),
    Column.NOTE: QT_TRANSLATE_NOOP("CaseView", "Note"),
}


class HistoryTableModel(RowTableModel):
    columns = Column
    headers = HEADERS
    extra_roles: ClassVar[Mapping[int, bytes]] = {Role.REFERRAL: b"referral"}

    def cell(self, item: HistoryEntry, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(item, column)
        if role == RowRole.SORT:
            if column is Column.DATE:
                return f"{item.on.isoformat()} {item.at.isoformat()}"
            return _display(item, column).casefold()
        return self._style(item, column, role)

    def _style(self, item: HistoryEntry, column: Column, role: int) -> Any:
        if role == Role.REFERRAL:
            return item.is_referral
        if role == Qt.ItemDataRole.FontRole and item.is_referral:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.NOTE and item.note:
            return item.note
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.CHANGE:
            return item.change  # long changes are cut off in the column
        return None


def _display(item: HistoryEntry, column: Column) -> str:
    match column:
        case Column.DATE:
            return short_date(item.on)
        case Column.CHANGE:
            return item.change
        case Column.BY:
            return item.actor
        case Column.NOTE:
            return item.note
