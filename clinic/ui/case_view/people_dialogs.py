"""The People tab's dialogs: record an entry into the United States or a lawful status, TPS or
parole period; mark a family member's own I-589; change the kind of proceeding."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from clinic.domain.entries import EntryFact, StatusPeriod
from clinic.domain.enums import ArrivalManner, ProceedingKind, StatusKind
from clinic.domain.ids import CaseId, ClientId
from clinic.domain.typed_dates import CASE_EVENTS, CASE_FACTS
from clinic.services import entries
from clinic.services.entries import FamilyFilingView, PeopleFacts
from clinic.ui.case_view.case_words import word
from clinic.ui.case_view.form_dialog import (
    EnumComboBox,
    FormDialog,
    Save,
    date_edit,
    optional_date,
    qdate_value,
)
from clinic.ui.case_view.people_models import whose
from clinic.ui.session import UiSession


def _person_choice(box: QComboBox, facts: PeopleFacts | None, current: int | None = None) -> None:
    box.addItem(whose(None, facts), None)
    for member in facts.family if facts else ():
        box.addItem(whose(member.member_id, facts), member.member_id)
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
