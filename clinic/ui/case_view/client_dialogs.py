"""Editing the client, adding a family member, and recording a move."""

from __future__ import annotations

import re
from functools import partial

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from clinic.domain.drafts import AddressDraft, ClientDraft, FamilyMemberDraft
from clinic.domain.enums import ArrivalManner, DetentionStatus, Relationship, Sex
from clinic.domain.ids import ClientId
from clinic.domain.typed_dates import CASE_EVENTS, LIFETIME
from clinic.services import clients
from clinic.services.dto import ClientView
from clinic.ui.case_view.case_words import a_number_text
from clinic.ui.case_view.form_dialog import EnumComboBox, FormDialog, Save, optional_date
from clinic.ui.operation import Operation
from clinic.ui.session import UiSession

_LIST_SEPARATORS = re.compile(r"[,;]")


def split_list(text: str, separators: re.Pattern[str] = _LIST_SEPARATORS) -> tuple[str, ...]:
    return tuple(part.strip() for part in separators.split(text) if part.strip())


class EditClientDialog(FormDialog):
    def __init__(self, session: UiSession, client: ClientView, parent: QWidget | None = None):
        super().__init__(
            session, title=self.tr("Edit client"), object_name="editClientDialog", parent=parent
        )
        self.client_id = client.id
        self._add_person_fields(session, client)
        self.new_column()
        self._add_arrival_fields(session, client)
        self.expected_version = client.version

    def fill(self, client: ClientView) -> None:
        """Show ``client`` as it is now (Keep theirs after a conflict) and edit its version."""
        a_number = a_number_text(client.a_number) if client.a_number else ""
        for edit, text in (
            (self.family_name, client.family_name),
            (self.given_name, client.given_name),
            (self.other_names, "; ".join(client.other_names)),
            (self.a_number, a_number),
            (self.nationalities, ", ".join(client.nationalities)),
            (self.languages, ", ".join(client.languages)),
            (self.phone, client.phone),
            (self.email, client.email),
            (self.last_arrival_place, client.last_arrival_place),
            (self.detention_facility, client.detention_facility),
        ):
            edit.setText(text)
        self.date_of_birth.set_value(client.date_of_birth)
        self.last_arrival_on.set_value(client.last_arrival_on)
        self.sex.set_value(client.sex)
        self.last_arrival_manner.set_value(client.last_arrival_manner)
        self.detention.set_value(client.detention)
        self.interpreter.setChecked(client.interpreter_needed)
        self.unaccompanied.setChecked(client.unaccompanied_child)
        self.notes.setPlainText(client.notes)
        self.expected_version = client.version
        self.save_over = None
        self.start_tracking()

    def reload_current(self) -> None:
        client_id = self.client_id
        Operation(
            self,
            lambda _: clients.get_client(store=self.session.store, client_id=client_id),
            session=self.session,
        ).success(self.fill).failure(lambda problem: self.show_message(problem.text)).run()

    def _add_person_fields(self, session: UiSession, client: ClientView) -> None:
        """First column: names, A-number, birth, nationality and language, contact."""
        add = self.add_field
        self.family_name = add("family_name", self.tr("Family name"), QLineEdit(client.family_name))
        self.given_name = add("given_name", self.tr("Given name"), QLineEdit(client.given_name))
        self.other_names = add(
            "other_names", self.tr("Other names, aliases"), QLineEdit("; ".join(client.other_names))
        )
        self.other_names.setPlaceholderText(self.tr("Separate names with ;"))
        a_number = a_number_text(client.a_number) if client.a_number else ""
        self.a_number = add("a_number", self.tr("A-number"), QLineEdit(a_number))
        self.date_of_birth = add(
            "date_of_birth",
            self.tr("Date of birth"),
            optional_date(client.date_of_birth, session=session, window=LIFETIME),
        )
        self.sex = add(
            "sex", self.tr("Sex"), EnumComboBox(Sex, client.sex, none_text=self.tr("Not recorded"))
        )
        self.nationalities = add(
            "nationalities", self.tr("Nationalities"), QLineEdit(", ".join(client.nationalities))
        )
        self.nationalities.setPlaceholderText(self.tr("Country codes, e.g. HN, GT"))
        self.languages = add(
            "languages", self.tr("Languages"), QLineEdit(", ".join(client.languages))
        )
        self.languages.setPlaceholderText(self.tr("Language codes, e.g. es, quc"))
        self.interpreter = add(
            "interpreter_needed", self.tr("Interpreter"), QCheckBox(self.tr("Needs an interpreter"))
        )
        self.interpreter.setChecked(client.interpreter_needed)
        self.phone = add("phone", self.tr("Phone"), QLineEdit(client.phone))
        self.email = add("email", self.tr("E-mail"), QLineEdit(client.email))

    def _add_arrival_fields(self, session: UiSession, client: ClientView) -> None:
        """Second column: arrival, detention, unaccompanied child, notes."""
        add = self.add_field
        self.last_arrival_on = add(
            "last_arrival_on",
            self.tr("Last arrival"),
            optional_date(client.last_arrival_on, session=session, window=LIFETIME),
        )
        self.last_arrival_place = add(
            "last_arrival_place", self.tr("Place of arrival"), QLineEdit(client.last_arrival_place)
        )
        self.last_arrival_manner = add(
            "last_arrival_manner",
            self.tr("Manner of arrival"),
            EnumComboBox(ArrivalManner, client.last_arrival_manner),
        )
        self.detention = add(
            "detention", self.tr("Detention"), EnumComboBox(DetentionStatus, client.detention)
        )
        self.detention_facility = add(
            "detention_facility",
            self.tr("Detention facility"),
            QLineEdit(client.detention_facility),
        )
        self.unaccompanied = add(
            "unaccompanied_child",
            self.tr("Unaccompanied child"),
            QCheckBox(self.tr("Arrived as an unaccompanied child")),
        )
        self.unaccompanied.setChecked(client.unaccompanied_child)
        self.notes = add("notes", self.tr("Notes"), QPlainTextEdit(client.notes))
        self.notes.setMaximumHeight(90)

    def draft(self) -> ClientDraft:
        return ClientDraft(
            family_name=self.family_name.text(),
            given_name=self.given_name.text(),
            other_names=split_list(self.other_names.text(), re.compile(";")),
            a_number=self.a_number.text(),
            date_of_birth=self.date_of_birth.value(),
            sex=self.sex.value(),
            nationalities=split_list(self.nationalities.text()),
            languages=split_list(self.languages.text()),
            interpreter_needed=self.interpreter.isChecked(),
            phone=self.phone.text(),
            email=self.email.text(),
            last_arrival_on=self.last_arrival_on.value(),
            last_arrival_place=self.last_arrival_place.text(),
            last_arrival_manner=self.last_arrival_manner.value(),
            detention=self.detention.value(),
            detention_facility=self.detention_facility.text(),
            unaccompanied_child=self.unaccompanied.isChecked(),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> Save:
        return partial(
            clients.update_client,
            client_id=self.client_id,
            client=self.draft(),
            today=self.session.today(),
            expected_version=self.expected_version,
            save_over=self.save_over,
        )


class AddFamilyMemberDialog(FormDialog):
    def __init__(self, session: UiSession, client_id: ClientId, parent: QWidget | None = None):
        super().__init__(
            session,
            title=self.tr("Add family member"),
            object_name="addFamilyMemberDialog",
            save_text=self.tr("Add"),
            parent=parent,
        )
        self.client_id = client_id
        add = self.add_field
        self.family_name = add("family_name", self.tr("Family name"), QLineEdit())
        self.given_name = add("given_name", self.tr("Given name"), QLineEdit())
        self.relationship = add(
            "relationship", self.tr("Relationship"), EnumComboBox(Relationship, Relationship.CHILD)
        )
        self.date_of_birth = add(
            "date_of_birth",
            self.tr("Date of birth"),
            optional_date(None, session=session, window=LIFETIME),
        )
        self.a_number = add("a_number", self.tr("A-number"), QLineEdit())
        self.in_us = add("in_us", self.tr("Where"), QCheckBox(self.tr("Is in the United States")))
        self.derivative = add(
            "derivative",
            self.tr("Derivative"),
            QCheckBox(self.tr("Included in the client's application")),
        )
        self.setMinimumWidth(440)

    def save(self) -> Save:
        member = FamilyMemberDraft(
            family_name=self.family_name.text(),
            given_name=self.given_name.text(),
            relationship=self.relationship.value(),
            date_of_birth=self.date_of_birth.value(),
            a_number=self.a_number.text(),
            in_us=self.in_us.isChecked(),
            derivative=self.derivative.isChecked(),
        )
        return partial(
            clients.add_family_member,
            client_id=self.client_id,
            member=member,
            today=self.session.today(),
        )


class RecordMoveDialog(FormDialog):
    """A new address; the change-of-address deadlines (AR-11, EOIR-33) count from its date."""

    def __init__(self, session: UiSession, client_id: ClientId, parent: QWidget | None = None):
        super().__init__(
            session,
            title=self.tr("Record a move"),
            object_name="recordMoveDialog",
            parent=parent,
        )
        self.client_id = client_id
        add = self.add_field
        self.line1 = add("line1", self.tr("Street address"), QLineEdit())
        self.line2 = add("line2", self.tr("Apartment, unit"), QLineEdit())
        self.city = add("city", self.tr("City"), QLineEdit())
        self.state = add("state", self.tr("State"), QLineEdit())
        self.postal_code = add("postal_code", self.tr("ZIP code"), QLineEdit())
        self.country = add("country", self.tr("Country code"), QLineEdit("US"))
        self.moved_in_on = add(
            "moved_in_on",
            self.tr("Moved in on"),
            optional_date(session.today(), session=session, window=CASE_EVENTS),
        )
        self.setMinimumWidth(440)

    def save(self) -> Save:
        address = AddressDraft(
            line1=self.line1.text(),
            line2=self.line2.text(),
            city=self.city.text(),
            state=self.state.text(),
            postal_code=self.postal_code.text(),
            country=self.country.text().strip(),
            moved_in_on=self.moved_in_on.value(),
        )
        return partial(
            clients.record_move,
            client_id=self.client_id,
            address=address,
            today=self.session.today(),
        )
