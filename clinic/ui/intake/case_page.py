"""Step 3: the first case — claim type, relief, grounds, forum, team and filing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.drafts import CaseDraft
from clinic.domain.enums import ClaimType, ProtectedGround, Relief, StaffRole
from clinic.domain.typed_dates import CASE_EVENTS
from clinic.domain.validation import FieldProblem, Problem, validate_case
from clinic.services.dto import StaffView
from clinic.ui.intake.choice_text import choice_text, claim_explanation
from clinic.ui.intake.date_field import DateField
from clinic.ui.intake.intake_page import IntakePage, new_form

GROUND_ORDER = (
    ProtectedGround.RACE,
    ProtectedGround.RELIGION,
    ProtectedGround.NATIONALITY,
    ProtectedGround.POLITICAL_OPINION,
    ProtectedGround.PARTICULAR_SOCIAL_GROUP,
)


class CasePage(IntakePage):
    def __init__(self, today: Callable[[], date]) -> None:
        super().__init__(today, object_name="casePage")
        self._detained_touched = False
        left = QVBoxLayout()
        left.addWidget(self._claim_group())
        left.addWidget(self._relief_group())
        left.addWidget(self._grounds_group())
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._forum_group())
        right.addWidget(self._status_group())
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.banner)
        body_layout.addLayout(columns)
        scroll = QScrollArea()
        scroll.setObjectName("casePageScroll")
        scroll.setAccessibleName(self.tr("Case details"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._sync_claim()
        self._sync_psg()
        self.mark_pristine()

    def title(self) -> str:
        return self.tr("Case")

    def focus_first_field(self) -> None:
        claim = self.claim_type()
        radio = self.claim_radios[claim or ClaimType.AFFIRMATIVE]
        radio.setFocus(Qt.FocusReason.OtherFocusReason)

    def _claim_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Claim"))
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 0, 0)
        self.claim_buttons = QButtonGroup(self)
        self.claim_radios: dict[ClaimType, QRadioButton] = {}
        for claim_type in ClaimType:
            radio = QRadioButton(choice_text(claim_type))
            radio.setObjectName(f"claim{claim_type.value.capitalize()}")
            radio.setAccessibleName(choice_text(claim_type))
            radio.setAccessibleDescription(claim_explanation(claim_type))
            radio.toggled.connect(self._sync_claim)
            radio.toggled.connect(self.edited)
            explanation = QLabel(claim_explanation(claim_type))
            explanation.setWordWrap(True)
            explanation.setIndent(24)
            self.claim_buttons.addButton(radio)
            self.claim_radios[claim_type] = radio
            layout.addWidget(radio)
            layout.addWidget(explanation)
        group_layout = QVBoxLayout(group)
        group_layout.addWidget(self.messages.attach("claim_type", inner, object_name="claimType"))
        return group

    def _relief_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Relief sought"))
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 0, 0)
        self.relief_boxes: dict[Relief, QCheckBox] = {}
        for relief in Relief:
            box = self.check_box(choice_text(relief), f"relief{relief.value.capitalize()}")
            box.setChecked(True)
            self.relief_boxes[relief] = box
            layout.addWidget(box)
        group_layout = QVBoxLayout(group)
        group_layout.addWidget(self.messages.attach("relief", inner, object_name="relief"))
        return group

    def _grounds_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Protected grounds"))
        layout = QVBoxLayout(group)
        self.ground_boxes: dict[ProtectedGround, QCheckBox] = {}
        for ground in GROUND_ORDER:
            name = "".join(part.capitalize() for part in ground.value.split("_"))
            box = self.check_box(choice_text(ground), f"ground{name}")
            self.ground_boxes[ground] = box
            layout.addWidget(box)
        self.ground_boxes[ProtectedGround.PARTICULAR_SOCIAL_GROUP].toggled.connect(self._sync_psg)
        self.psg_label = QLabel(self.tr("Definition of the &particular social group"))
        self.psg_definition = QPlainTextEdit()
        self.psg_definition.setObjectName("psgDefinition")
        self.psg_definition.setAccessibleName(self.tr("Definition of the particular social group"))
        self.psg_definition.setPlaceholderText(
            self.tr("e.g. Honduran women who have left a domestic relationship")
        )
        self.psg_definition.setTabChangesFocus(True)
        self.psg_definition.setFixedHeight(self.psg_definition.fontMetrics().height() * 4 + 12)
        self.psg_definition.textChanged.connect(self.edited)
        self.psg_label.setBuddy(self.psg_definition)
        layout.addWidget(self.psg_label)
        self.psg_box = self.messages.attach(
            "psg_definition", self.psg_definition, object_name="psgDefinition"
        )
        layout.addWidget(self.psg_box)
        return group

    def _forum_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Forum and team"))
        form = new_form()
        self.forum_label = QLabel()
        self.forum_name = self.line_edit()
        self.judge = self.line_edit(placeholder=self.tr("Immigration judge, if known"))
        self.paralegal = self.combo([(self.tr("Not assigned"), None)])
        self.attorney = self.combo([(self.tr("Not assigned"), None)])
        self.forum_name.setObjectName("forumName")
        self.forum_label.setBuddy(self.forum_name)
        form.addRow(
            self.forum_label,
            self.messages.attach("forum_name", self.forum_name, object_name="forumName"),
        )
        self.add_row(form, self.tr("&Judge"), "judge", self.judge, object_name="judge")
        self.add_row(
            form, self.tr("Pa&ralegal"), "paralegal_id", self.paralegal, object_name="paralegal"
        )
        self.add_row(
            form, self.tr("A&ttorney"), "attorney_id", self.attorney, object_name="attorney"
        )
        group.setLayout(form)
        return group

    def _status_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Status"))
        form = new_form()
        self.detained = self.check_box(self.tr("The client is &detained"), "caseDetained")
        self.detained.clicked.connect(self._detained_clicked)
        self.filed_on = DateField(
            object_name="filedOn",
            accessible_name=self.tr("Filed on"),
            window=CASE_EVENTS,
            today=self.today,
        )
        self.filed_on.changed.connect(self.edited)
        self.receipt_number = self.line_edit(
            max_length=20, placeholder=self.tr("e.g. ZLA2512345678")
        )
        form.addRow("", self.detained)
        self.add_row(form, self.tr("&Filed on"), "filed_on", self.filed_on, object_name="filedOn")
        self.add_row(
            form,
            self.tr("Receipt n&umber"),
            "receipt_number",
            self.receipt_number,
            object_name="receiptNumber",
        )
        group.setLayout(form)
        return group

    # Behaviour ------------------------------------------------------------------------------
    def set_staff(self, staff: Sequence[StaffView]) -> None:
        for combo, role in (
            (self.paralegal, StaffRole.PARALEGAL),
            (self.attorney, StaffRole.ATTORNEY),
        ):
            people = [person for person in staff if person.role is role]
            for person in people:
                combo.add_choice(person.name, person.id)
            if not people:  # an empty list says what to do
                combo.setItemText(0, self._nobody_text(role))
                combo.setToolTip(self.tr("Add staff in Settings → Staff; assign them later."))
        self.mark_pristine()

    def _nobody_text(self, role: StaffRole) -> str:
        if role is StaffRole.ATTORNEY:
            return self.tr("No attorneys yet (Settings → Staff)")
        return self.tr("No paralegals yet (Settings → Staff)")

    def suggest_detained(self, detained: bool) -> None:
        """Follow the client's detention status until the user sets the box themselves."""
        if not self._detained_touched and self.detained.isChecked() != detained:
            self.detained.setChecked(detained)
            self.mark_pristine()  # a suggestion is not something the user typed

    def _detained_clicked(self) -> None:
        self._detained_touched = True

    def claim_type(self) -> ClaimType | None:
        for claim_type, radio in self.claim_radios.items():
            if radio.isChecked():
                return claim_type
        return None

    def _sync_claim(self) -> None:
        claim = self.claim_type()
        if claim is ClaimType.DEFENSIVE:
            self.forum_label.setText(self.tr("Immigration &court"))
            self.forum_name.setPlaceholderText(self.tr("e.g. Houston Immigration Court"))
        else:
            self.forum_label.setText(self.tr("Asylum &office"))
            self.forum_name.setPlaceholderText(self.tr("e.g. Houston Asylum Office"))
        self.forum_name.setAccessibleName(self.forum_label.text().replace("&", ""))
        self.judge.setEnabled(claim is not ClaimType.AFFIRMATIVE)

    def _sync_psg(self) -> None:
        shown = self.ground_boxes[ProtectedGround.PARTICULAR_SOCIAL_GROUP].isChecked()
        self.psg_label.setVisible(shown)
        self.psg_box.setVisible(shown)

    def case_draft(self) -> CaseDraft | None:
        """The case as typed, or None until a claim type is chosen."""
        claim = self.claim_type()
        if claim is None:
            return None
        return self._draft(claim)

    def _draft(self, claim: ClaimType) -> CaseDraft:
        grounds = frozenset(g for g, box in self.ground_boxes.items() if box.isChecked())
        psg = ProtectedGround.PARTICULAR_SOCIAL_GROUP in grounds
        return CaseDraft(
            claim_type=claim,
            relief=frozenset(r for r, box in self.relief_boxes.items() if box.isChecked()),
            grounds=grounds,
            psg_definition=self.psg_definition.toPlainText() if psg else "",
            forum_name=self.forum_name.text(),
            judge=self.judge.text() if self.judge.isEnabled() else "",
            paralegal_id=self.paralegal.value(),
            attorney_id=self.attorney.value(),
            filed_on=self.filed_on.value(),
            receipt_number=self.receipt_number.text(),
            detained=self.detained.isChecked(),
        )

    def snapshot(self) -> object:
        return (self.claim_type(), self._draft(ClaimType.AFFIRMATIVE), self.judge.text())

    def show_problems(self, problems: Sequence[FieldProblem]) -> None:
        super().show_problems(problems)
        if any(p.field == "claim_type" for p in problems):
            self.messages.set("claim_type", self.tr("Choose affirmative or defensive."))

    def problems(self) -> list[FieldProblem]:
        claim = self.claim_type()
        problems = list(
            validate_case(self._draft(claim or ClaimType.AFFIRMATIVE), today=self.today())
        )
        if claim is None:
            problems.insert(0, FieldProblem("claim_type", Problem.REQUIRED))
        return problems
