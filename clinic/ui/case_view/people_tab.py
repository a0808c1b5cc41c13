"""Entries, lawful status and family filings: every entry into the United States (the I-589's
list), lawful status / TPS / parole periods, which family members file an I-589 of their own, and
the kind of proceeding (issue 18 § 2). The deadlines counted from them are on the Deadlines tab
with their reasoning; nothing here decides whether an exception applies.

The tables' models are in :mod:`~clinic.ui.case_view.people_models`, the dialogs in
:mod:`~clinic.ui.case_view.people_dialogs`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.enums import ProceedingKind
from clinic.services import entries
from clinic.services.dto import CaseView
from clinic.services.entries import FamilyFilingView, PeopleFacts
from clinic.ui.case_view.case_tab import (
    CaseTab,
    action_button,
    hint_label,
    selected_id,
    table_view,
)
from clinic.ui.case_view.case_words import word
from clinic.ui.case_view.people_dialogs import (
    EntryDialog,
    OwnFilingDialog,
    ProceedingDialog,
    StatusDialog,
)
from clinic.ui.case_view.people_models import (
    EntryColumn,
    EntryModel,
    EntryRow,
    FamilyColumn,
    FamilyModel,
    FamilyRow,
    StatusColumn,
    StatusModel,
    StatusRow,
    whose,
)
from clinic.ui.session import UiSession

__all__ = [
    "EntryColumn",
    "EntryDialog",
    "FamilyColumn",
    "OwnFilingDialog",
    "PeopleTab",
    "ProceedingDialog",
    "StatusDialog",
]


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
        self._lay_out()

    def _lay_out(self) -> None:
        """The proceeding on top, then a box a table (its button above it), then the hint."""
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
            EntryRow(e.ref or 0, e, whose(e.member_id, facts))
            for e in sorted(facts.entries, key=lambda e: e.on, reverse=True)
        )
        self.status_model.set_rows(
            StatusRow(s.ref, s, whose(s.member_id, facts)) for s in facts.statuses
        )
        self.family_model.set_rows(FamilyRow(m.member_id, m) for m in facts.family)
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
