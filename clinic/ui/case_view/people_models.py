"""The People tab's three tables: entries into the United States, lawful status / TPS / parole
periods, and which family members file an I-589 of their own, with the notes on a family
member's coverage (words in the case view's context, "CaseView")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from clinic.domain.entries import EntryFact
from clinic.services.entries import FamilyFilingView, PeopleFacts, StatusView
from clinic.ui.case_view.case_words import CONTEXT, short_date, word
from clinic.ui.case_view.row_table_model import RowRole, RowTableModel

_NOTES: dict[str, object] = {
    "not_spouse_or_child": QT_TRANSLATE_NOOP(
        "CaseView", "Marked derivative, but only a spouse or child can be one (INA 208(b)(3)(A))"
    ),
    "child_21_at_filing": QT_TRANSLATE_NOOP(
        "CaseView",
        "Was 21 or older when the principal's I-589 was received: not covered as a child "
        "(INA 208(b)(3)(B))",
    ),
    "child_turns_21": QT_TRANSLATE_NOOP(
        "CaseView",
        "21 or older today and the principal's I-589 is not filed: may not be covered as a child",
    ),
    "derivative_asylum_only": QT_TRANSLATE_NOOP(
        "CaseView", "A derivative is covered for asylum only; withholding and CAT need their own"
    ),
    "no_own_filing": QT_TRANSLATE_NOOP(
        "CaseView", "Neither a derivative nor filing their own I-589"
    ),
}


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def note_words(code: str) -> str:
    text = _NOTES.get(code)
    return _tr(text) if text else code


def whose(member_id: int | None, facts: PeopleFacts | None) -> str:
    if member_id is None or facts is None:
        return _tr(QT_TRANSLATE_NOOP("CaseView", "Client"))
    member = next((m for m in facts.family if m.member_id == member_id), None)
    if member is None:
        return ""
    return f"{member.name} ({word(member.relationship)})"


@dataclass(frozen=True)
class EntryRow:
    id: int
    entry: EntryFact
    whose: str


@dataclass(frozen=True)
class StatusRow:
    id: int
    status: StatusView
    whose: str


@dataclass(frozen=True)
class FamilyRow:
    id: int
    member: FamilyFilingView


def _sort(value: date | None) -> str:
    return value.isoformat() if value else ""


class EntryColumn(IntEnum):
    WHOSE = 0
    DATE = 1
    PLACE = 2
    MANNER = 3
    STATUS = 4
    EXPIRES = 5
    I94 = 6


class EntryModel(RowTableModel):
    columns = EntryColumn
    headers: ClassVar[dict[Any, Any]] = {
        EntryColumn.WHOSE: QT_TRANSLATE_NOOP("CaseView", "Who"),
        EntryColumn.DATE: QT_TRANSLATE_NOOP("CaseView", "Entered"),
        EntryColumn.PLACE: QT_TRANSLATE_NOOP("CaseView", "Place or port"),
        EntryColumn.MANNER: QT_TRANSLATE_NOOP("CaseView", "How"),
        EntryColumn.STATUS: QT_TRANSLATE_NOOP("CaseView", "Status at entry"),
        EntryColumn.EXPIRES: QT_TRANSLATE_NOOP("CaseView", "Status expires"),
        EntryColumn.I94: QT_TRANSLATE_NOOP("CaseView", "I-94"),
    }

    def cell(self, item: EntryRow, column: Any, role: int) -> Any:
        entry = item.entry
        if role == RowRole.SORT:
            if column is EntryColumn.DATE:
                return _sort(entry.on)
            if column is EntryColumn.EXPIRES:
                return _sort(entry.status_expires)
        if role not in (Qt.ItemDataRole.DisplayRole, RowRole.SORT):
            return None
        values = {
            EntryColumn.WHOSE: item.whose,
            EntryColumn.DATE: short_date(entry.on),
            EntryColumn.PLACE: entry.place,
            EntryColumn.MANNER: word(entry.manner),
            EntryColumn.STATUS: entry.status,
            EntryColumn.EXPIRES: short_date(entry.status_expires),
            EntryColumn.I94: entry.i94_number,
        }
        return values[column]


class StatusColumn(IntEnum):
    WHOSE = 0
    KIND = 1
    DETAIL = 2
    FROM = 3
    UNTIL = 4


class StatusModel(RowTableModel):
    columns = StatusColumn
    headers: ClassVar[dict[Any, Any]] = {
        StatusColumn.WHOSE: QT_TRANSLATE_NOOP("CaseView", "Who"),
        StatusColumn.KIND: QT_TRANSLATE_NOOP("CaseView", "Kind of status"),
        StatusColumn.DETAIL: QT_TRANSLATE_NOOP("CaseView", "Class or country"),
        StatusColumn.FROM: QT_TRANSLATE_NOOP("CaseView", "From"),
        StatusColumn.UNTIL: QT_TRANSLATE_NOOP("CaseView", "Until"),
    }

    def cell(self, item: StatusRow, column: Any, role: int) -> Any:
        status = item.status
        if role == RowRole.SORT and column in (StatusColumn.FROM, StatusColumn.UNTIL):
            return _sort(status.start if column is StatusColumn.FROM else status.end)
        if role not in (Qt.ItemDataRole.DisplayRole, RowRole.SORT):
            return None
        until = (
            short_date(status.end)
            if status.end
            else _tr(QT_TRANSLATE_NOOP("CaseView", "still held (no end recorded)"))
        )
        values = {
            StatusColumn.WHOSE: item.whose,
            StatusColumn.KIND: word(status.kind),
            StatusColumn.DETAIL: status.detail,
            StatusColumn.FROM: short_date(status.start),
            StatusColumn.UNTIL: until,
        }
        return values[column]


class FamilyColumn(IntEnum):
    NAME = 0
    RELATIONSHIP = 1
    COVERED = 2
    RECEIVED = 3
    LAST_ENTRY = 4
    NOTES = 5


class FamilyModel(RowTableModel):
    columns = FamilyColumn
    headers: ClassVar[dict[Any, Any]] = {
        FamilyColumn.NAME: QT_TRANSLATE_NOOP("CaseView", "Family member"),
        FamilyColumn.RELATIONSHIP: QT_TRANSLATE_NOOP("CaseView", "Relationship"),
        FamilyColumn.COVERED: QT_TRANSLATE_NOOP("CaseView", "Application"),
        FamilyColumn.RECEIVED: QT_TRANSLATE_NOOP("CaseView", "Own I-589 received"),
        FamilyColumn.LAST_ENTRY: QT_TRANSLATE_NOOP("CaseView", "Last entry"),
        FamilyColumn.NOTES: QT_TRANSLATE_NOOP("CaseView", "To look at"),
    }

    def cell(self, item: FamilyRow, column: Any, role: int) -> Any:
        member = item.member
        if role == Qt.ItemDataRole.ToolTipRole and column is FamilyColumn.NOTES:
            return "\n".join(note_words(n) for n in member.notes) or None
        if role not in (Qt.ItemDataRole.DisplayRole, RowRole.SORT):
            return None
        if member.files_own_i589 and member.derivative:
            covered = QT_TRANSLATE_NOOP("CaseView", "Own I-589 and derivative")
        elif member.files_own_i589:
            covered = QT_TRANSLATE_NOOP("CaseView", "Own I-589")
        elif member.derivative:
            covered = QT_TRANSLATE_NOOP("CaseView", "Derivative")
        else:
            covered = QT_TRANSLATE_NOOP("CaseView", "Neither")
        values = {
            FamilyColumn.NAME: member.name,
            FamilyColumn.RELATIONSHIP: word(member.relationship),
            FamilyColumn.COVERED: _tr(covered),
            FamilyColumn.RECEIVED: short_date(member.own_i589_received),
            FamilyColumn.LAST_ENTRY: short_date(member.last_arrival),
            FamilyColumn.NOTES: "; ".join(note_words(n) for n in member.notes),
        }
        return values[column]
