"""Client & family: who the client is (read-only, with Edit…), where they live, their family."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QVBoxLayout, QWidget

from clinic.services.dto import AddressView, CaseView, ClientView
from clinic.ui.case_view.case_tab import CaseTab, action_button, hint_label, table_view
from clinic.ui.case_view.case_words import (
    a_number_shown,
    country_name,
    language_name,
    short_date,
    word,
)
from clinic.ui.case_view.client_dialogs import (
    AddFamilyMemberDialog,
    EditClientDialog,
    RecordMoveDialog,
)
from clinic.ui.case_view.family_table_model import Column, FamilyTableModel
from clinic.ui.session import UiSession


def address_text(address: AddressView) -> str:
    place = " ".join(x for x in (address.state, address.postal_code) if x)
    lines = [address.line1, address.line2, ", ".join(x for x in (address.city, place) if x)]
    if address.country and address.country != "US":
        lines.append(country_name(address.country))
    return "\n".join(line for line in lines if line)


class ClientTab(CaseTab):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("clientTab")
        self.family_model = self.own_model(FamilyTableModel(self))
        # The name keeps a readable width (a stretched name column is squeezed to "…" when the
        # other headings, longer in Spanish, fill the pane); the last column takes what is left.
        self.family_table = table_view(self.family_model, "familyTable", self.tr("Family members"))
        self.family_table.setColumnWidth(Column.NAME, 180)
        for column in (Column.RELATIONSHIP, Column.DATE_OF_BIRTH, Column.IN_US, Column.DERIVATIVE):
            self.family_table.setColumnWidth(column, 90)
        self.edit_button = action_button(self.tr("Edit…"), "editClientButton")
        self.edit_button.clicked.connect(self.open_edit)
        self.move_button = action_button(self.tr("Record a move…"), "recordMoveButton")
        self.move_button.clicked.connect(self.open_move)
        self.add_family_button = action_button(self.tr("Add family member…"), "addFamilyButton")
        self.add_family_button.clicked.connect(self.open_add_family)
        layout = QHBoxLayout(self)
        layout.addWidget(self._client_box(), 1)
        layout.addWidget(self._family_box(), 1)

    def _client_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Client"))
        column = QVBoxLayout(box)
        form = QFormLayout()
        row = self.add_value_row
        self.name = row(form, self.tr("Name"), "clientName")
        self.other_names = row(form, self.tr("Other names"), "clientOtherNames")
        self.a_number = row(form, self.tr("A-number"), "clientANumber")
        self.born = row(form, self.tr("Born · sex"), "clientBorn")
        self.nationality = row(form, self.tr("Nationality"), "clientNationality")
        self.languages = row(form, self.tr("Languages"), "clientLanguages")
        self.contact = row(form, self.tr("Phone · e-mail"), "clientContact")
        self.arrival = row(form, self.tr("Last arrival"), "clientArrival")
        self.detention = row(form, self.tr("Detention"), "clientDetention")
        self.address = row(form, self.tr("Address"), "clientAddress")
        self.notes = row(form, self.tr("Notes"), "clientNotes")
        column.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.move_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(1)
        return box

    def _family_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Family"))
        column = QVBoxLayout(box)
        column.addWidget(self.family_table, 1)
        self.family_hint = hint_label("", "familyEmptyState")
        column.addWidget(self.family_hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_family_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        return box

    def display_case(self, case: CaseView, today: date) -> None:
        super().display_case(case, today)
        client = case.client
        self.name.setText(client.display_name)
        self.other_names.setText("; ".join(client.other_names) or "—")
        self.a_number.setText(a_number_shown(client.a_number))
        born = short_date(client.date_of_birth) or self.tr("date of birth not recorded")
        self.born.setText(" · ".join(x for x in (born, word(client.sex)) if x))
        self.nationality.setText(", ".join(map(country_name, client.nationalities)) or "—")
        self.languages.setText(self._languages_text(client))
        self.contact.setText(" · ".join(x for x in (client.phone, client.email) if x) or "—")
        self.arrival.setText(self._arrival_text(client))
        self.detention.setText(self._detention_text(client))
        self.address.setText(address_text(client.addresses[-1]) if client.addresses else "—")
        self.notes.setText(client.notes or "—")
        self.family_model.set_rows(client.family)
        self.family_hint.setText(
            "" if client.family else self.tr("No family members recorded yet.")
        )

    def _languages_text(self, client: ClientView) -> str:
        text = ", ".join(map(language_name, client.languages)) or "—"
        if client.interpreter_needed:
            text += self.tr(" · needs an interpreter")
        return text

    def _arrival_text(self, client: ClientView) -> str:
        parts = [
            short_date(client.last_arrival_on) or self.tr("date not recorded"),
            client.last_arrival_place,
            word(client.last_arrival_manner),
        ]
        if client.unaccompanied_child:
            parts.append(self.tr("unaccompanied child"))
        return " · ".join(x for x in parts if x)

    def _detention_text(self, client: ClientView) -> str:
        return " · ".join(x for x in (word(client.detention), client.detention_facility) if x)

    def open_edit(self) -> None:
        if self.case is not None:
            self.open_dialog(EditClientDialog(self.session, self.case.client, self))

    def open_move(self) -> None:
        if self.case is not None:
            self.open_dialog(RecordMoveDialog(self.session, self.case.client.id, self))

    def open_add_family(self) -> None:
        if self.case is not None:
            self.open_dialog(AddFamilyMemberDialog(self.session, self.case.client.id, self))

    def clear(self) -> None:
        super().clear()
        self.family_hint.clear()
