"""The checklist's items: state, section, what to file, how the state is known, and the rule."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from clinic.domain.checklists import EvaluatedItem
from clinic.domain.enums import ChecklistState
from clinic.ui.case_view.case_words import short_date, tr, word
from clinic.ui.case_view.row_table_model import ALERT_COLOR, MUTED_COLOR, RowRole, RowTableModel
from clinic.ui.translations import current_language


class Column(IntEnum):
    STATE = 0
    SECTION = 1
    ITEM = 2
    BASIS = 3
    DETAIL = 4
    CITATION = 5


@dataclass(frozen=True)
class ChecklistRow:
    id: int  # position in the template: rows have no database id of their own
    entry: EvaluatedItem


BASIS_WORDS = {
    "staff": QT_TRANSLATE_NOOP("CaseView", "Ticked by staff"),
    "check": QT_TRANSLATE_NOOP("CaseView", "From case data"),
    "open": QT_TRANSLATE_NOOP("CaseView", "Not ticked"),
}


def detail_text(entry: EvaluatedItem) -> str:
    parts = []
    if entry.manual is not None and entry.source == "staff":
        who = entry.manual.updated_by or tr("staff")
        parts.append(f"{who}: {entry.manual.reason}" if entry.manual.reason else who)
    if entry.auto is not None and entry.auto.detail:
        parts.append(entry.auto.detail_in(current_language(), short_date))
    if entry.disagrees:
        parts.append(tr("Ticked done, but the case data says missing"))
    return " · ".join(parts)


class ChecklistTableModel(RowTableModel):
    columns = Column
    headers: ClassVar[dict[Column, object]] = {
        Column.STATE: QT_TRANSLATE_NOOP("CaseView", "State"),
        Column.SECTION: QT_TRANSLATE_NOOP("CaseView", "Section"),
        Column.ITEM: QT_TRANSLATE_NOOP("CaseView", "Item"),
        Column.BASIS: QT_TRANSLATE_NOOP("CaseView", "Known from"),
        Column.DETAIL: QT_TRANSLATE_NOOP("CaseView", "Details"),
        Column.CITATION: QT_TRANSLATE_NOOP("CaseView", "Rule"),
    }

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sections: dict[str, str] = {}  # English section name → the one shown

    def set_items(
        self, items: tuple[EvaluatedItem, ...], sections: dict[str, str] | None = None
    ) -> None:
        self._sections = dict(sections or {})
        self.set_rows(ChecklistRow(n, e) for n, e in enumerate(items))

    def cell(self, item: ChecklistRow, column: Column, role: int) -> Any:
        entry = item.entry
        if role in (Qt.ItemDataRole.DisplayRole, RowRole.SORT):
            return self._text(entry, column, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (Column.ITEM, Column.DETAIL):
                lang = current_language()
                texts = (entry.item.text_in(lang), detail_text(entry), entry.item.note_in(lang))
                return "\n".join(t for t in texts if t)
            return self._text(entry, column, Qt.ItemDataRole.DisplayRole) or None
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.STATE:
            if entry.state is ChecklistState.MISSING or entry.disagrees:
                return ALERT_COLOR
            if entry.state is ChecklistState.NOT_APPLICABLE:
                return MUTED_COLOR
        return None

    def _text(self, entry: EvaluatedItem, column: Column, role: int) -> str | int:
        if role == RowRole.SORT and column is Column.STATE:
            return list(ChecklistState).index(entry.state)
        texts = {
            Column.STATE: lambda: word(entry.state),
            Column.SECTION: lambda: self._sections.get(entry.item.section, entry.item.section),
            Column.ITEM: lambda: entry.item.text_in(current_language()),
            Column.BASIS: lambda: tr(BASIS_WORDS[entry.source]),
            Column.DETAIL: lambda: detail_text(entry),
            Column.CITATION: lambda: entry.item.citation_in(current_language()),
        }
        return texts[column]()
