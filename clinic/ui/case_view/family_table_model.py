"""The Client & family tab's table of family members (possible derivatives)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from clinic.services.dto import FamilyMemberView, display_name
from clinic.ui.case_view.case_words import a_number_text, short_date, word, yes_no
from clinic.ui.case_view.row_table_model import FIRST_MODEL_ROLE, RowRole, RowTableModel


class Column(IntEnum):
    NAME = 0
    RELATIONSHIP = 1
    DATE_OF_BIRTH = 2
    A_NUMBER = 3
    IN_US = 4
    DERIVATIVE = 5


class Role(IntEnum):
    DERIVATIVE = FIRST_MODEL_ROLE  # bool: included in the client's application


HEADERS = {
    Column.NAME: QT_TRANSLATE_NOOP("CaseView", "Name"),
    Column.RELATIONSHIP: QT_TRANSLATE_NOOP("CaseView", "Relationship"),
    Column.DATE_OF_BIRTH: QT_TRANSLATE_NOOP("CaseView", "Date of birth"),
    Column.A_NUMBER: QT_TRANSLATE_NOOP("CaseView", "A-number"),
    Column.IN_US: QT_TRANSLATE_NOOP("CaseView", "In the US"),
    Column.DERIVATIVE: QT_TRANSLATE_NOOP("CaseView", "Derivative"),
}


class FamilyTableModel(RowTableModel):
    columns = Column
    headers = HEADERS
    extra_roles: ClassVar[Mapping[int, bytes]] = {Role.DERIVATIVE: b"derivative"}

    def cell(self, item: FamilyMemberView, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(item, column)
        if role == RowRole.SORT:
            if column is Column.DATE_OF_BIRTH:
                return item.date_of_birth.isoformat() if item.date_of_birth else ""
            return _display(item, column).casefold()
        if role == Role.DERIVATIVE:
            return item.derivative
        return None


def _display(item: FamilyMemberView, column: Column) -> str:
    match column:
        case Column.NAME:
            return display_name(item.family_name, item.given_name)
        case Column.RELATIONSHIP:
            return word(item.relationship)
        case Column.DATE_OF_BIRTH:
            return short_date(item.date_of_birth)
        case Column.A_NUMBER:
            return a_number_text(item.a_number) if item.a_number else ""
        case Column.IN_US:
            return yes_no(item.in_us)
        case Column.DERIVATIVE:
            return yes_no(item.derivative)
