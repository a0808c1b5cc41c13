"""Step 2: family members who may be derivatives, and the people the client is up against."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.drafts import FamilyMemberDraft
from clinic.domain.problem_text import field_label
from clinic.domain.validation import FieldProblem, validate_family_member
from clinic.ui.date_input import first_wrong_input
from clinic.ui.intake.choice_text import problem_message
from clinic.ui.intake.conflict_check import Subject, SubjectRole
from clinic.ui.intake.family_member_form import FamilyMemberForm
from clinic.ui.intake.intake_page import IntakePage
from clinic.ui.intake.name_list_editor import NameListEditor
from clinic.ui.translations import current_language

_FAMILY_FIELD = re.compile(r"^family\[(\d+)\]\.(.+)$")


class FamilyPage(IntakePage):
    def __init__(self, today: Callable[[], date]) -> None:
        super().__init__(today, object_name="familyPage")
        self.members: list[FamilyMemberForm] = []
        self._serial = 0
        intro = QLabel(
            self.tr(
                "A spouse and unmarried children under 21 can be derivatives on the "
                "asylum application. Everyone listed here is also checked for conflicts."
            )
        )
        intro.setWordWrap(True)
        self.add_member_button = QPushButton(self.tr("&Add family member"))
        self.add_member_button.setObjectName("addFamilyMember")
        self.add_member_button.setAccessibleName(self.tr("Add family member"))
        self.add_member_button.setAutoDefault(False)
        self.add_member_button.clicked.connect(self.add_member)
        self.empty_state = QLabel(self.tr("No family members yet."))
        self.empty_state.setObjectName("familyEmptyState")
        self._rows = QVBoxLayout()
        self._rows.setSpacing(8)
        header = QHBoxLayout()
        header.addWidget(self.add_member_button)
        header.addStretch(1)
        family_group = QGroupBox(self.tr("Family members"))
        family_layout = QVBoxLayout(family_group)
        family_layout.addWidget(intro)
        family_layout.addWidget(self.empty_state)
        family_layout.addLayout(self._rows)
        family_layout.addLayout(header)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.banner)
        body_layout.addWidget(family_group)
        body_layout.addWidget(self._adverse_group())
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("familyPageScroll")
        scroll.setAccessibleName(self.tr("Family and adverse parties"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        self._scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.mark_pristine()

    def title(self) -> str:
        return self.tr("Family")

    def focus_first_field(self) -> None:
        first = self.members[0].relationship if self.members else self.add_member_button
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _adverse_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Adverse parties"))
        layout = QVBoxLayout(group)
        hint = QLabel(
            self.tr(
                "People or groups the client fears or opposes (for example the persecutor "
                "or an abusive former partner). The clinic must not also represent them."
            )
        )
        hint.setWordWrap(True)
        self.adverse_parties = NameListEditor(
            object_name="adverseParties",
            accessible_name=self.tr("Adverse parties"),
            placeholder=self.tr("Name of a person or group"),
            add_text=self.tr("Add"),
        )
        self.adverse_parties.changed.connect(self.edited)
        layout.addWidget(hint)
        layout.addWidget(self.adverse_parties)
        return group

    # Members ----------------------------------------------------------------------------------
    def add_member(self) -> FamilyMemberForm:
        self._serial += 1
        form = FamilyMemberForm(self._serial, self.today)
        form.edited.connect(self.edited)
        form.remove_requested.connect(self.remove_member)
        self.members.append(form)
        self._rows.addWidget(form)
        self._renumber()
        form.relationship.setFocus(Qt.FocusReason.OtherFocusReason)
        self._scroll.ensureWidgetVisible(form)
        self.edited.emit()
        return form

    def remove_member(self, form: FamilyMemberForm) -> None:
        self.members.remove(form)
        self._rows.removeWidget(form)
        form.deleteLater()
        self._renumber()
        self.add_member_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.edited.emit()

    def _renumber(self) -> None:
        for number, form in enumerate(self.members, start=1):
            form.set_number(number)
        self.empty_state.setVisible(not self.members)
        self.add_member_button.setText(
            self.tr("&Add another family member") if self.members else self.tr("&Add family member")
        )

    # State ------------------------------------------------------------------------------------
    def family_drafts(self) -> tuple[FamilyMemberDraft, ...]:
        return tuple(form.draft() for form in self.members)

    def adverse_party_names(self) -> tuple[str, ...]:
        return self.adverse_parties.names()

    def conflict_subjects(self) -> list[Subject]:
        """Each family member and adverse party, checked like the client."""
        members = [
            Subject(
                SubjectRole.FAMILY_MEMBER,
                form.full_name(),
                (form.full_name(),),
                form.a_number.text(),
                form.date_of_birth.value(),
            )
            for form in self.members
        ]
        adverse = [
            Subject(SubjectRole.ADVERSE_PARTY, name, (name,)) for name in self.adverse_party_names()
        ]
        return members + adverse

    def snapshot(self) -> object:
        return (self.family_drafts(), self.adverse_party_names())

    def problems(self) -> list[FieldProblem]:
        today = self.today()
        return [
            FieldProblem(f"family[{index}].{p.field}", p.code)
            for index, form in enumerate(self.members)
            for p in validate_family_member(form.draft(), today=today)
        ]

    def show_problems(self, problems: Sequence[FieldProblem]) -> None:
        """Route ``family[i].field`` to member i; anything else goes to the banner."""
        per_member: dict[int, list[tuple[str, str]]] = {}
        unplaced: list[str] = []
        for problem in problems:
            match = _FAMILY_FIELD.match(problem.field)
            if match and int(match.group(1)) < len(self.members):
                per_member.setdefault(int(match.group(1)), []).append(
                    (match.group(2), problem_message(problem.code))
                )
            else:
                label = field_label(problem.field, current_language())
                unplaced.append(f"{label}: {problem_message(problem.code)}")
        for index, form in enumerate(self.members):
            for key, text in form.messages.show(per_member.get(index, [])):
                unplaced.append(f"{form.title()} — {field_label(key, current_language())}: {text}")
        self.show_banner(unplaced)
        self._live = self._live or bool(problems)

    def focus_first_problem(self) -> None:
        for form in self.members:
            widget = first_wrong_input(form) or form.messages.first_with_message()
            if widget is not None:
                self._scroll.ensureWidgetVisible(widget)
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
