"""Parts D and E of the I-589 in its tab (issue 23): who prepared the form (a staff member,
chosen from Staff) and the interpreter (name and language), recorded per case; **Save preparer
and interpreter** stores them, audited. Part E's address and daytime telephone are the clinic's,
recorded once in Settings: shown here as they will be filled in. The signatures stay for ink."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from clinic.domain.ids import CaseId
from clinic.services import staff
from clinic.services.i589_people import MAX_NAME, I589People, i589_people, set_i589_people
from clinic.services.results import Result
from clinic.services.settings import get_settings
from clinic.ui.case_view.case_tab import action_button
from clinic.ui.case_view.case_words import problem_words
from clinic.ui.intake.choice_combo import ChoiceCombo
from clinic.ui.intake.iso_choices import language_choices
from clinic.ui.operation import Operation
from clinic.ui.palette import Role, tint
from clinic.ui.session import UiSession
from clinic.ui.translations import current_language


class PeopleBox(QGroupBox):
    changed = Signal()

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Parts D and E — Interpreter and preparer"), parent)
        self.setObjectName("i589People")
        self.session = session
        self.case_id: CaseId | None = None
        self.preparer = ChoiceCombo()
        self.preparer.setObjectName("i589Preparer")
        self.preparer.setAccessibleName(self.tr("Prepared by"))
        self.office = QLabel()  # Part E's address and telephone: the clinic's, from Settings
        self.office.setObjectName("i589PreparerOffice")
        self.office.setWordWrap(True)
        self.office.setTextFormat(Qt.TextFormat.PlainText)
        self.interpreter = QLineEdit()
        self.interpreter.setObjectName("i589InterpreterName")
        self.interpreter.setAccessibleName(self.tr("Interpreter's name"))
        self.interpreter.setMaxLength(MAX_NAME)
        self.interpreter.returnPressed.connect(self.save)
        empty = self.tr("— none —")
        self.language = ChoiceCombo(
            [(empty, ""), *((c.name, c.code) for c in language_choices(current_language()))]
        )
        self.language.setObjectName("i589InterpreterLanguage")
        self.language.setAccessibleName(self.tr("Interpreter's language"))
        self.problem = QLabel()
        self.problem.setObjectName("i589PeopleProblem")
        self.problem.setWordWrap(True)
        tint(self.problem, Role.DANGER)
        self.save_button = action_button(self.tr("Save preparer and interpreter"), "i589PeopleSave")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setObjectName("i589PeopleStatus")
        form = QFormLayout(self)
        form.addRow(self.tr("Prepared by (Part E):"), self.preparer)
        form.addRow(self.tr("Preparer's address and telephone:"), self.office)
        form.addRow(self.tr("Interpreter's name (Part D):"), self.interpreter)
        form.addRow(self.tr("Interpreter's language:"), self.language)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        form.addRow(self.problem)
        form.addRow(buttons)

    def show_case(self, case_id: CaseId | None) -> None:
        if case_id != self.case_id:
            self.status.clear()
            self.problem.clear()
        self.case_id = case_id
        self.preparer.clear()
        self.preparer._values.clear()  # refilled with the current staff
        self.preparer.add_choice(self.tr("— not recorded —"), None)
        people = I589People()
        if case_id is not None:  # none: cleared (at lock too, when the store cannot be read)
            people = i589_people(store=self.session.store, case_id=case_id)
            for person in staff.list_staff(store=self.session.store, active_only=False):
                if person.active or person.id == people.preparer_id:  # who it was stays shown
                    self.preparer.add_choice(person.name, int(person.id))
        self.preparer.set_value(people.preparer_id)
        self.office.setText(self._office_words() if case_id is not None else "")
        self.interpreter.setText(people.interpreter_name)
        self.language.set_value(people.interpreter_language)
        self.setEnabled(case_id is not None)

    def _office_words(self) -> str:
        office = get_settings(store=self.session.store).office_address()
        if office.is_empty():
            return self.tr(
                "Not recorded yet: record the clinic's address and telephone once in Settings "
                "(The clinic's address and telephone); every form is then filled from there."
            )
        place = " ".join(p for p in (office.state, office.zip_code) if p)
        lines = [office.street, office.suite, office.city, place]
        address = ", ".join(p for p in lines if p)
        shown = " · ".join(p for p in (address, office.phone) if p)
        return self.tr("{0} (the clinic's, from Settings)").format(shown)

    def typed(self) -> I589People:
        return I589People(self.preparer.value(), self.interpreter.text(), self.language.value())

    def save(self) -> None:
        if self.case_id is None:
            return
        store, case_id, people = self.session.store, self.case_id, self.typed()
        Operation(
            self,
            lambda _: set_i589_people(store=store, case_id=case_id, people=people),
            session=self.session,
        ).success(self._saved).failure(
            lambda problem: self.problem.setText(self.tr("Not saved: {0}").format(problem.text))
        ).run_and_wait()

    def _saved(self, result: Result[int]) -> None:
        if result.problems:
            self.problem.setText("; ".join(problem_words(p.code) for p in result.problems))
            self.status.clear()
            return
        self.problem.clear()
        self.status.setText(self.tr("Preparer and interpreter saved."))
        self.changed.emit()
