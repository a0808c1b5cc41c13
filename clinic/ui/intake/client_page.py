"""Step 1: who the client is, how to reach them, when and how they last arrived."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.drafts import AddressDraft, ClientDraft
from clinic.domain.enums import ArrivalManner, DetentionStatus, Sex
from clinic.domain.typed_dates import CASE_EVENTS, LIFETIME
from clinic.domain.validation import FieldProblem, validate_address, validate_client
from clinic.ui.intake.a_number_edit import ANumberEdit
from clinic.ui.intake.choice_text import choice_text, problem_message
from clinic.ui.intake.code_picker import CodePicker
from clinic.ui.intake.conflict_check import Subject, SubjectRole
from clinic.ui.intake.date_field import DateField
from clinic.ui.intake.intake_page import IntakePage, enum_choices, new_form
from clinic.ui.intake.iso_choices import country_choices, language_choices
from clinic.ui.intake.name_list_editor import NameListEditor
from clinic.ui.translations import current_language


class ClientPage(IntakePage):
    def __init__(self, today: Callable[[], date]) -> None:
        super().__init__(today, object_name="clientPage")
        intro = QLabel(
            self.tr(
                "Only the family name is required. Leave what you do not know empty; "
                "dates stay “not set” until you type one."
            )
        )
        intro.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self._name_group())
        left.addWidget(self._identity_group())
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._contact_group())
        right.addWidget(self._arrival_group())
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(intro)
        body_layout.addWidget(self.banner)
        body_layout.addLayout(columns)
        scroll = QScrollArea()
        scroll.setObjectName("clientPageScroll")
        scroll.setAccessibleName(self.tr("Client details"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.detention.currentIndexChanged.connect(self._sync_facility)
        self._sync_facility()
        self.mark_pristine()

    def title(self) -> str:
        return self.tr("Client")

    def focus_first_field(self) -> None:
        self.family_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _name_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Name"))
        form = new_form()
        self.family_name = self.line_edit(placeholder=self.tr("Required"))
        self.given_name = self.line_edit()
        self.other_names = NameListEditor(
            object_name="otherNames",
            accessible_name=self.tr("Other names and aliases"),
            placeholder=self.tr("Alias or other spelling"),
            add_text=self.tr("Add"),
        )
        self.other_names.changed.connect(self.edited)
        self.add_row(
            form,
            self.tr("&Family name(s)"),
            "family_name",
            self.family_name,
            object_name="familyName",
        )
        self.add_row(
            form, self.tr("&Given name(s)"), "given_name", self.given_name, object_name="givenName"
        )
        self.add_row(
            form, self.tr("Other names"), "other_names", self.other_names, object_name="otherNames"
        )
        group.setLayout(form)
        return group

    def _identity_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Identity and language"))
        form = new_form()
        self.a_number = ANumberEdit()
        self.a_number.textChanged.connect(self.edited)
        self.a_number.checked.connect(self._a_number_checked)
        self.date_of_birth = DateField(
            object_name="dateOfBirth",
            accessible_name=self.tr("Date of birth"),
            window=LIFETIME,
            today=self.today,
        )
        self.date_of_birth.changed.connect(self.edited)
        sexes = [(self.tr("Not recorded"), None), *enum_choices(list(Sex), choice_text)]
        self.sex = self.combo(sexes)
        self.nationalities = CodePicker(
            country_choices(current_language()),
            object_name="nationalities",
            accessible_name=self.tr("Nationalities"),
            placeholder=self.tr("Country name or code"),
        )
        self.nationalities.changed.connect(self.edited)
        self.languages = CodePicker(
            language_choices(current_language()),
            object_name="languages",
            accessible_name=self.tr("Languages"),
            placeholder=self.tr("Language name or code"),
        )
        self.languages.changed.connect(self.edited)
        self.interpreter_needed = self.check_box(self.tr("Interpreter needed"), "interpreterNeeded")
        self.add_row(form, self.tr("&A-number"), "a_number", self.a_number, object_name="aNumber")
        self.add_row(
            form,
            self.tr("Date of bi&rth"),
            "date_of_birth",
            self.date_of_birth,
            object_name="dateOfBirth",
        )
        self.add_row(form, self.tr("Sex"), "sex", self.sex, object_name="sex")
        self.add_row(
            form,
            self.tr("Nationalit&ies"),
            "nationalities",
            self.nationalities,
            object_name="nationalities",
        )
        self.add_row(
            form, self.tr("&Languages"), "languages", self.languages, object_name="languages"
        )
        form.addRow("", self.interpreter_needed)
        group.setLayout(form)
        return group

    def _contact_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Contact and address"))
        form = new_form()
        self.phone = self.line_edit(max_length=40)
        self.email = self.line_edit(max_length=200)
        self.line1 = self.line_edit(placeholder=self.tr("Street and number, apartment"))
        self.city = self.line_edit()
        self.state = self.line_edit(max_length=40)
        self.postal_code = self.line_edit(max_length=20)
        self.moved_in_on = DateField(
            object_name="movedInOn",
            accessible_name=self.tr("Moved in on"),
            window=CASE_EVENTS,
            today=self.today,
        )
        self.moved_in_on.changed.connect(self.edited)
        self.add_row(form, self.tr("&Phone"), "phone", self.phone, object_name="phone")
        self.add_row(form, self.tr("E-mail"), "email", self.email, object_name="email")
        self.add_row(
            form,
            self.tr("&Street address"),
            "address.line1",
            self.line1,
            object_name="addressLine1",
        )
        self.add_row(form, self.tr("&City"), "address.city", self.city, object_name="addressCity")
        self.add_row(
            form, self.tr("State"), "address.state", self.state, object_name="addressState"
        )
        self.add_row(
            form,
            self.tr("ZIP code"),
            "address.postal_code",
            self.postal_code,
            object_name="addressPostalCode",
        )
        self.add_row(
            form,
            self.tr("Moved in on"),
            "address.moved_in_on",
            self.moved_in_on,
            object_name="movedInOn",
        )
        group.setLayout(form)
        return group

    def _make_arrival_fields(self) -> None:
        """Last arrival (date, place, manner), detention and facility, unaccompanied child."""
        self.last_arrival_on = DateField(
            object_name="lastArrivalOn",
            accessible_name=self.tr("Last arrival date"),
            window=LIFETIME,
            today=self.today,
        )
        self.last_arrival_on.changed.connect(self.edited)
        self.last_arrival_place = self.line_edit(placeholder=self.tr("e.g. Hidalgo, TX"))
        self.last_arrival_manner = self.combo(
            enum_choices(
                [
                    ArrivalManner.UNKNOWN,
                    ArrivalManner.INSPECTED,
                    ArrivalManner.PAROLED,
                    ArrivalManner.WITHOUT_INSPECTION,
                ],
                choice_text,
            )
        )
        self.detention = self.combo(enum_choices(list(DetentionStatus), choice_text))
        self.detention_facility = self.line_edit()
        self.unaccompanied_child = self.check_box(
            self.tr("Arrived as an unaccompanied child"), "unaccompaniedChild"
        )

    def _arrival_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Arrival and custody"))
        form = new_form()
        self._make_arrival_fields()
        self.add_row(
            form,
            self.tr("Last arri&val"),
            "last_arrival_on",
            self.last_arrival_on,
            object_name="lastArrivalOn",
        )
        self.add_row(
            form,
            self.tr("Arrival place"),
            "last_arrival_place",
            self.last_arrival_place,
            object_name="lastArrivalPlace",
        )
        self.add_row(
            form,
            self.tr("How they entered"),
            "last_arrival_manner",
            self.last_arrival_manner,
            object_name="lastArrivalManner",
        )
        self.add_row(
            form, self.tr("&Detention"), "detention", self.detention, object_name="detention"
        )
        self.add_row(
            form,
            self.tr("Facility"),
            "detention_facility",
            self.detention_facility,
            object_name="detentionFacility",
        )
        form.addRow("", self.unaccompanied_child)
        group.setLayout(form)
        return group

    # State ------------------------------------------------------------------------------------
    def client_draft(self) -> ClientDraft:
        return ClientDraft(
            family_name=self.family_name.text(),
            given_name=self.given_name.text(),
            other_names=self.other_names.names(),
            a_number=self.a_number.text(),
            date_of_birth=self.date_of_birth.value(),
            sex=self.sex.value(),
            nationalities=self.nationalities.codes(),
            languages=self.languages.codes(),
            interpreter_needed=self.interpreter_needed.isChecked(),
            phone=self.phone.text(),
            email=self.email.text(),
            last_arrival_on=self.last_arrival_on.value(),
            last_arrival_place=self.last_arrival_place.text(),
            last_arrival_manner=self.last_arrival_manner.value(),
            detention=self.detention.value(),
            detention_facility=self.detention_facility.text() if self._facility_applies() else "",
            unaccompanied_child=self.unaccompanied_child.isChecked(),
        )

    def address_draft(self) -> AddressDraft | None:
        """The address, or None when no part of it was typed."""
        parts = (self.line1, self.city, self.state, self.postal_code)
        if not any(p.text().strip() for p in parts) and self.moved_in_on.value() is None:
            return None
        return AddressDraft(
            line1=self.line1.text(),
            city=self.city.text(),
            state=self.state.text(),
            postal_code=self.postal_code.text(),
            moved_in_on=self.moved_in_on.value(),
        )

    def search_names(self) -> list[str]:
        """The client's names as the conflict check takes them: full name, then aliases."""
        full = f"{self.given_name.text().strip()} {self.family_name.text().strip()}".strip()
        return [full, *self.other_names.names()]

    def conflict_subject(self) -> Subject:
        names = tuple(n for n in self.search_names() if n)
        return Subject(
            SubjectRole.CLIENT,
            names[0] if names else "",
            names,
            self.a_number.text(),
            self.date_of_birth.value(),
        )

    def snapshot(self) -> object:
        return (self.client_draft(), self.address_draft())

    def problems(self) -> list[FieldProblem]:
        today = self.today()
        problems = list(validate_client(self.client_draft(), today=today))
        address = self.address_draft()
        if address is not None:
            problems += [
                FieldProblem(f"address.{p.field}", p.code)
                for p in validate_address(address, today=today)
            ]
        return problems

    def _a_number_checked(self, problem: object) -> None:
        self.messages.set("a_number", problem_message(problem) if problem is not None else "")  # type: ignore[arg-type]

    def _facility_applies(self) -> bool:
        return self.detention.value() is not DetentionStatus.NOT_DETAINED

    def _sync_facility(self) -> None:
        self.detention_facility.setEnabled(self._facility_applies())
