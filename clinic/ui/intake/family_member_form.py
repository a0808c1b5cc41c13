"""One family member on the family step: relationship, names, birth, A-number, derivative."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.drafts import FamilyMemberDraft
from clinic.domain.enums import Relationship
from clinic.domain.typed_dates import LIFETIME
from clinic.ui.intake.a_number_edit import ANumberEdit
from clinic.ui.intake.choice_combo import ChoiceCombo
from clinic.ui.intake.choice_text import choice_text, problem_message
from clinic.ui.intake.date_field import DateField
from clinic.ui.intake.field_messages import FieldMessages

# Only a spouse or an unmarried child under 21 can be included in an asylum application.
DERIVATIVE_RELATIONSHIPS = frozenset({Relationship.SPOUSE, Relationship.CHILD})


class FamilyMemberForm(QGroupBox):
    edited = Signal()
    remove_requested = Signal(object)  # this form

    def __init__(self, serial: int, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        prefix = f"familyMember{serial}"
        self.setObjectName(prefix)
        self.messages = FieldMessages()
        self.relationship = ChoiceCombo([(choice_text(r), r) for r in Relationship])
        self.family_name = QLineEdit()
        self.family_name.setPlaceholderText(self.tr("Required"))
        self.given_name = QLineEdit()
        self.date_of_birth = DateField(
            object_name=f"{prefix}DateOfBirth", accessible_name="", window=LIFETIME, today=today
        )
        self.a_number = ANumberEdit()
        self.a_number.setPlaceholderText(self.tr("e.g. A-123-456-789"))
        self.in_us = QCheckBox(self.tr("In the US"))
        self.derivative = QCheckBox(self.tr("Derivative"))
        self.derivative.setToolTip(self.tr("Included in the client's asylum application"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAutoDefault(False)
        self._widgets: dict[str, QWidget] = {
            "relationship": self.relationship,
            "family_name": self.family_name,
            "given_name": self.given_name,
            "date_of_birth": self.date_of_birth.edit,
            "a_number": self.a_number,
            "in_us": self.in_us,
            "derivative": self.derivative,
            "remove": self.remove_button,
        }
        for key, widget in self._widgets.items():
            widget.setObjectName(f"{prefix}{_pascal(key)}")
        self._labels: dict[str, QLabel] = {}
        self._lay_out()
        self.set_number(serial)
        self._connect()
        self._sync_derivative()

    def _lay_out(self) -> None:
        """Labels above fields in three equal columns, so a row fits a narrow window."""
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(12)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        cells = [
            (0, 0, "relationship", self.tr("Relationship"), self.relationship),
            (0, 1, "family_name", self.tr("Family name(s)"), self.family_name),
            (0, 2, "given_name", self.tr("Given name(s)"), self.given_name),
            (1, 0, "date_of_birth", self.tr("Date of birth"), self.date_of_birth),
            (1, 1, "a_number", self.tr("A-number"), self.a_number),
        ]
        for row, column, key, text, widget in cells:
            label = QLabel(text)
            label.setBuddy(widget)
            self._labels[key] = label
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(label)
            cell.addWidget(
                self.messages.attach(key, widget, object_name=f"{self.objectName()}{_pascal(key)}")
            )
            cell.addStretch(1)
            grid.addLayout(cell, row, column)
        flags = QHBoxLayout()
        flags.addWidget(self.in_us)
        flags.addWidget(self.derivative)
        flags.addStretch(1)
        grid.addLayout(flags, 1, 2, Qt.AlignmentFlag.AlignBottom)
        grid.addWidget(self.remove_button, 0, 3, Qt.AlignmentFlag.AlignBottom)
        self.relationship.setSizeAdjustPolicy(
            ChoiceCombo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.relationship.setMinimumContentsLength(8)

    def _connect(self) -> None:
        self.relationship.currentIndexChanged.connect(self._sync_derivative)
        self.relationship.currentIndexChanged.connect(self.edited)
        self.family_name.textChanged.connect(self.edited)
        self.given_name.textChanged.connect(self.edited)
        self.date_of_birth.changed.connect(self.edited)
        self.a_number.textChanged.connect(self.edited)
        self.a_number.checked.connect(self._a_number_checked)
        self.in_us.toggled.connect(self.edited)
        self.derivative.toggled.connect(self.edited)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    def set_number(self, number: int) -> None:
        """Title and accessible names say which member this is ("Family member 2: A-number")."""
        title = self.tr("Family member {number}").format(number=number)
        self.setTitle(title)
        for key, widget in self._widgets.items():
            if key in self._labels:
                text = self._labels[key].text()
            elif key == "remove":
                text = self.tr("Remove this family member")
            else:
                text = widget.text()  # type: ignore[attr-defined]
            widget.setAccessibleName(f"{title}: {text}")
        self.date_of_birth.calendar_button.setAccessibleName(
            self.tr("{member}: pick the date of birth on a calendar").format(member=title)
        )

    def draft(self) -> FamilyMemberDraft:
        return FamilyMemberDraft(
            family_name=self.family_name.text(),
            given_name=self.given_name.text(),
            relationship=self.relationship.value(),
            date_of_birth=self.date_of_birth.value(),
            a_number=self.a_number.text(),
            in_us=self.in_us.isChecked(),
            derivative=self.derivative.isChecked() and self.derivative.isEnabled(),
        )

    def full_name(self) -> str:
        return f"{self.given_name.text().strip()} {self.family_name.text().strip()}".strip()

    def _sync_derivative(self) -> None:
        can_be = self.relationship.value() in DERIVATIVE_RELATIONSHIPS
        self.derivative.setEnabled(can_be)
        if not can_be:
            self.derivative.setChecked(False)

    def _a_number_checked(self, problem: object) -> None:
        self.messages.set("a_number", problem_message(problem) if problem is not None else "")  # type: ignore[arg-type]


def _pascal(key: str) -> str:
    head, *rest = key.split("_")
    return head.capitalize() + "".join(part.capitalize() for part in rest)
