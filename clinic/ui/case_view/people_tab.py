"""Entries, lawful status and family filings: every entry into the United States (the I-589's
list), lawful status / TPS / parole periods, which family members file an I-589 of their own, and
the kind of proceeding (issue 18 § 2). The deadlines counted from them are on the Deadlines tab
with their reasoning; nothing here decides whether an exception applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from functools import partial
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.entries import EntryFact, StatusPeriod
from clinic.domain.enums import ArrivalManner, ProceedingKind, StatusKind
from clinic.domain.ids import CaseId, ClientId
from clinic.domain.typed_dates import CASE_EVENTS, CASE_FACTS
from clinic.services import entries
from clinic.services.dto import CaseView
from clinic.services.entries import FamilyFilingView, PeopleFacts, StatusView
from clinic.ui.case_view.case_tab import (
    CaseTab,
    action_button,
    hint_label,
    selected_id,
    table_view,
)
from clinic.ui.case_view.case_words import CONTEXT, short_date, word
from clinic.ui.case_view.form_dialog import (
    EnumComboBox,
    FormDialog,
    Save,
    date_edit,
    optional_date,
    qdate_value,
)
from clinic.ui.case_view.row_table_model import RowRole, RowTableModel
from clinic.ui.session import UiSession

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


def _whose(member_id: int | None, facts: PeopleFacts | None) -> str:
    if member_id is None or facts is None:
        return _tr(QT_TRANSLATE_NOOP("CaseView", "Client"))
    member = next((m for m in facts.family if m.member_id == member_id), None)
    if member is None:
        return ""
    return f"{member.name} ({word(member.relationship)})"


@dataclass(frozen=True)
class _EntryRow:
    id: int
    entry: EntryFact
    whose: str


@dataclass(frozen=True)
class _StatusRow:
    id: int
    status: StatusView
    whose: str


@dataclass(frozen=True)
class _FamilyRow:
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

    def cell(self, item: _EntryRow, column: Any, role: int) -> Any:
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

    def cell(self, item: _StatusRow, column: Any, role: int) -> Any:
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

    def cell(self, item: _FamilyRow, column: Any, role: int) -> Any:
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


def _person_choice(box: QComboBox, facts: PeopleFacts | None, current: int | None = None) -> None:
    box.addItem(_whose(None, facts), None)
    for member in facts.family if facts else ():
        box.addItem(_whose(member.member_id, facts), member.member_id)
    index = box.findData(current)
    box.setCurrentIndex(max(index, 0))


class EntryDialog(FormDialog):
    """Record an entry into the United States (I-589: date, place, status, status expiry)."""

    def __init__(
        self, session: UiSession, client_id: int, facts: PeopleFacts | None, parent: QWidget
    ) -> None:
        super().__init__(
            session,
            title=self.tr("Record an entry into the United States"),
            object_name="entryDialog",
            parent=parent,
        )
        self.client_id = client_id
        add = self.add_field
        self.member = add("member", self.tr("Who"), QComboBox())
        _person_choice(self.member, facts)
        self.on = add(
            "on", self.tr("Date of entry"), date_edit(None, session=session, window=CASE_EVENTS)
        )
        self.place = add("place", self.tr("Place or port of entry"), QLineEdit())
        self.manner = add(
            "manner", self.tr("How"), EnumComboBox(ArrivalManner, ArrivalManner.UNKNOWN)
        )
        self.status = add(
            "status", self.tr("Status at entry (e.g. B-2, F-1, parole, EWI)"), QLineEdit()
        )
        self.expires = add(
            "status_expires",
            self.tr("Date that status expires"),
            optional_date(None, session=session, window=CASE_FACTS),
        )
        self.i94 = add("i94_number", self.tr("I-94 number"), QLineEdit())
        self.setMinimumWidth(480)

    def save(self) -> Save:
        entry = EntryFact(
            on=qdate_value(self.on),
            place=self.place.text(),
            manner=self.manner.value(),
            status=self.status.text(),
            status_expires=self.expires.value(),
            i94_number=self.i94.text(),
            member_id=self.member.currentData(),
        )
        return partial(
            entries.record_entry,
            client_id=ClientId(self.client_id),
            entry=entry,
            today=self.session.today(),
        )


class StatusDialog(FormDialog):
    """Record a lawful status, TPS or parole (8 CFR 208.4(a)(5)(iv))."""

    def __init__(
        self, session: UiSession, client_id: int, facts: PeopleFacts | None, parent: QWidget
    ) -> None:
        super().__init__(
            session,
            title=self.tr("Record a lawful status, TPS or parole"),
            object_name="statusDialog",
            parent=parent,
        )
        self.client_id = client_id
        add = self.add_field
        self.member = add("member", self.tr("Who"), QComboBox())
        _person_choice(self.member, facts)
        self.kind = add("kind", self.tr("Status"), EnumComboBox(StatusKind))
        self.detail = add(
            "detail", self.tr("Class or country (e.g. F-1, TPS Honduras)"), QLineEdit()
        )
        self.start = add(
            "start", self.tr("From"), optional_date(None, session=session, window=CASE_EVENTS)
        )
        self.end = add(
            "end",
            self.tr("Until (empty while it lasts)"),
            optional_date(None, session=session, window=CASE_FACTS),
        )
        self.setMinimumWidth(480)

    def save(self) -> Save:
        status = StatusPeriod(
            0,
            self.kind.value(),
            self.detail.text(),
            self.start.value(),
            self.end.value(),
            self.member.currentData(),
        )
        return partial(
            entries.record_status,
            client_id=ClientId(self.client_id),
            status=status,
            today=self.session.today(),
        )


class OwnFilingDialog(FormDialog):
    """Whether a family member files an I-589 of their own, and when it was received."""

    def __init__(
        self, session: UiSession, client_id: int, member: FamilyFilingView, parent: QWidget
    ) -> None:
        super().__init__(
            session,
            title=self.tr("Family member's own I-589"),
            object_name="ownFilingDialog",
            parent=parent,
        )
        self.client_id = client_id
        self.member_id = member.member_id
        add = self.add_field
        name = QLabel(f"{member.name} ({word(member.relationship)})")
        name.setTextFormat(Qt.TextFormat.PlainText)
        add("member", self.tr("Family member"), name)
        self.files_own = add("files_own", self.tr("Files an I-589 of their own"), QCheckBox())
        self.files_own.setChecked(member.files_own_i589)
        self.received = add(
            "received_on",
            self.tr("Their I-589 received"),
            optional_date(member.own_i589_received, session=session, window=CASE_EVENTS),
        )
        self.setMinimumWidth(440)

    def save(self) -> Save:
        return partial(
            entries.set_own_filing,
            client_id=ClientId(self.client_id),
            member_id=self.member_id,
            files_own=self.files_own.isChecked(),
            received_on=self.received.value(),
            today=self.session.today(),
        )


class ProceedingDialog(FormDialog):
    """Removal, asylum-only or withholding-only proceedings (8 CFR 1208.2(c))."""

    def __init__(
        self, session: UiSession, case_id: int, current: ProceedingKind, parent: QWidget
    ) -> None:
        super().__init__(
            session,
            title=self.tr("Kind of proceeding"),
            object_name="proceedingDialog",
            parent=parent,
        )
        self.case_id = case_id
        self.proceeding = self.add_field(
            "proceeding", self.tr("Proceeding"), EnumComboBox(ProceedingKind, current)
        )
        self.setMinimumWidth(420)

    def save(self) -> Save:
        return partial(
            entries.set_proceeding, case_id=CaseId(self.case_id), proceeding=self.proceeding.value()
        )


def _fit_to_contents(table: QTableView) -> None:
    """Every column but the stretching one as wide as its longest text and heading (a few rows
    per person: measuring them is cheap), so a name or 'Entered without inspection' is never cut;
    the stretching column takes what is left."""
    header = table.horizontalHeader()
    for column in range(header.count()):
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


class PeopleTab(CaseTab):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("peopleTab")
        self.facts: PeopleFacts | None = None
        self.proceeding_kind = ProceedingKind.REMOVAL
        self.proceeding = self.value_label("proceedingText", self.tr("Kind of proceeding"))
        self.proceeding_button = action_button(self.tr("Change proceeding…"), "proceedingButton")
        self.proceeding_button.clicked.connect(self.open_proceeding)
        self.entry_model = self.own_model(EntryModel(self))
        self.entry_table = table_view(
            self.entry_model, "entryTable", self.tr("Entries into the United States"),
            stretch=EntryColumn.PLACE,
        )  # fmt: skip
        self.entry_button = action_button(self.tr("Record an entry…"), "recordEntryButton")
        self.entry_button.clicked.connect(self.open_entry)
        self.status_model = self.own_model(StatusModel(self))
        self.status_table = table_view(
            self.status_model, "statusTable", self.tr("Lawful status, TPS and parole"),
            stretch=StatusColumn.DETAIL,
        )  # fmt: skip
        self.status_button = action_button(self.tr("Record a status…"), "recordStatusButton")
        self.status_button.clicked.connect(self.open_status)
        self.family_model = self.own_model(FamilyModel(self))
        self.family_table = table_view(
            self.family_model, "familyFilingTable", self.tr("Family members' applications"),
            stretch=FamilyColumn.NOTES,
        )  # fmt: skip
        self.family_table.selectionModel().selectionChanged.connect(self._family_selected)
        self.family_table.doubleClicked.connect(self.open_own_filing)
        self.own_button = action_button(self.tr("Own I-589…"), "ownFilingButton")
        self.own_button.clicked.connect(self.open_own_filing)
        self.own_button.setEnabled(False)
        self.hint = hint_label(
            self.tr(
                "A lawful status, TPS or parole held when the one-year deadline passes may support "
                "the extraordinary-circumstances exception if the I-589 is filed within a "
                "reasonable period after it ends (8 CFR 208.4(a)(5)(iv)). A family member who "
                "files an I-589 of their own has a one-year deadline of their own; a derivative "
                "is covered for asylum only (INA 208(b)(3)(A)). The Deadlines tab shows the dates "
                "and their reasoning; the attorney decides."
            ),
            "peopleHint",
        )
        top = QHBoxLayout()
        top.addWidget(self.proceeding, 1)
        top.addWidget(self.proceeding_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        # entries are the longest list (every trip, the family's too): they get the most room
        for title, table, button, share in (
            (self.tr("Entries into the United States"), self.entry_table, self.entry_button, 3),
            (self.tr("Lawful status, TPS and parole"), self.status_table, self.status_button, 2),
            (self.tr("Family members' applications"), self.family_table, self.own_button, 2),
        ):
            _fit_to_contents(table)
            box = QGroupBox(title)
            column = QVBoxLayout(box)
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            column.addLayout(row)
            column.addWidget(table, 1)
            layout.addWidget(box, share)
        layout.addWidget(self.hint)

    def display_case(self, case: CaseView, today: date) -> None:
        super().display_case(case, today)
        store = self.session.store
        self.facts = entries.people_facts(store=store, client_id=case.client.id, today=today)
        self.proceeding_kind = entries.case_proceeding(store=store, case_id=case.id)
        self.proceeding.setText(self.tr("Proceeding: %1").replace("%1", word(self.proceeding_kind)))
        facts = self.facts
        self.entry_model.set_rows(
            _EntryRow(e.ref or 0, e, _whose(e.member_id, facts))
            for e in sorted(facts.entries, key=lambda e: e.on, reverse=True)
        )
        self.status_model.set_rows(
            _StatusRow(s.ref, s, _whose(s.member_id, facts)) for s in facts.statuses
        )
        self.family_model.set_rows(_FamilyRow(m.member_id, m) for m in facts.family)
        self._family_selected()

    def clear(self) -> None:
        super().clear()
        self.facts = None

    def _family_selected(self, *_args: object) -> None:
        self.own_button.setEnabled(selected_id(self.family_table) is not None)

    def _selected_member(self) -> FamilyFilingView | None:
        member_id = selected_id(self.family_table)
        if member_id is None or self.facts is None:
            return None
        return next((m for m in self.facts.family if m.member_id == member_id), None)

    def open_entry(self) -> None:
        if self.case is not None:
            self.open_dialog(EntryDialog(self.session, self.case.client.id, self.facts, self))

    def open_status(self) -> None:
        if self.case is not None:
            self.open_dialog(StatusDialog(self.session, self.case.client.id, self.facts, self))

    def open_own_filing(self, *_args: object) -> None:
        member = self._selected_member()
        if self.case is not None and member is not None:
            self.open_dialog(OwnFilingDialog(self.session, self.case.client.id, member, self))

    def open_proceeding(self) -> None:
        if self.case is not None:
            self.open_dialog(
                ProceedingDialog(self.session, self.case.id, self.proceeding_kind, self)
            )
