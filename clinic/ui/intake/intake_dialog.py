"""New client intake as one flow: client, family, case, then the conflict check and save."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.conflicts import DistinctPerson
from clinic.domain.enums import DetentionStatus
from clinic.domain.ids import ClientId
from clinic.services import staff
from clinic.ui.fonts import Step, scaled
from clinic.ui.intake.case_page import CasePage
from clinic.ui.intake.client_page import ClientPage
from clinic.ui.intake.conflict_check import ReviewedMatch, Subject, SubjectMatches
from clinic.ui.intake.conflict_check_runner import ConflictCheckRunner
from clinic.ui.intake.conflict_page import ConflictPage
from clinic.ui.intake.discard_question import confirm_discard
from clinic.ui.intake.family_page import FamilyPage
from clinic.ui.intake.intake_layout import fitting_width, keys_hint, step_list
from clinic.ui.intake.intake_submission import IntakeDrafts, SubmissionOutcome, submit_intake
from clinic.ui.intake.open_existing_question import confirm_open_existing
from clinic.ui.operation import Operation
from clinic.ui.problems import Problem
from clinic.ui.session import UiSession

CLIENT_STEP, FAMILY_STEP, CASE_STEP, CONFLICT_STEP = range(4)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class IntakeDialog(QDialog):
    """Nothing is stored until the user has seen the conflict check and chosen to save."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.created_case_id: int | None = None
        self._saved_client_id: ClientId | None = None
        self._closing = False
        self.setObjectName("intakeDialog")
        self.setWindowTitle(self.tr("New client intake"))  # never a client's name
        self.client_page = ClientPage(session.today)
        self.family_page = FamilyPage(session.today)
        self.case_page = CasePage(session.today)
        self.conflict_page = ConflictPage()
        self.case_page.set_staff(staff.list_staff(store=session.store))
        self.checker = ConflictCheckRunner(self)
        self.checker.checked.connect(self._conflict_check_done)
        self.checker.failed.connect(self._conflict_check_failed)
        self.pages: list[Any] = [
            self.client_page,
            self.family_page,
            self.case_page,
            self.conflict_page,
        ]
        self._build()
        self._connect()
        self._show_step(CLIENT_STEP)
        self.resize(fitting_width(self.pages, self.steps, self.layout()), 740)
        session.locked.connect(self._forget_on_lock)

    # Layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.stack = QStackedWidget()
        self.stack.setObjectName("intakePages")
        for page in self.pages:
            self.stack.addWidget(page)
        self.heading = QLabel()
        self.heading.setObjectName("intakeStepHeading")
        self.heading.setFont(scaled(self.heading.font(), Step.SUBTITLE, bold=True))
        self.cancel_button = self._button(
            self.tr("Cancel"), "intakeCancel", self.tr("Cancel the intake")
        )
        self.back_button = self._button(self.tr("&Back"), "intakeBack", self.tr("Back"))
        self.next_button = self._button(self.tr("&Next"), "intakeNext", self.tr("Next step"))
        self.next_button.setToolTip(self.tr("Enter"))
        self.save_button = self._button(
            self.tr("No conflict — &save"), "intakeSave", self.tr("No conflict: save the intake")
        )
        self.save_button.setToolTip(self.tr("Ctrl+Enter"))
        self.steps = step_list([page.title for page in self.pages])
        self.keys_hint = keys_hint()
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.stack, 1)
        side = QVBoxLayout()
        side.addWidget(self.steps, 1)
        side.addWidget(self.keys_hint)
        body = QHBoxLayout()
        body.addLayout(side)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

    def _button(self, text: str, name: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        return button

    def _connect(self) -> None:
        self.cancel_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(lambda: self.go_to(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(self.advance)
        self.save_button.clicked.connect(self.save)
        self.steps.currentRowChanged.connect(self._step_clicked)
        self.conflict_page.retry_button.clicked.connect(self._start_conflict_check)
        self.conflict_page.open_requested.connect(self.open_existing)
        self.conflict_page.confirmations_changed.connect(self._sync_save)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self._finish_shortcut)

    # Navigation --------------------------------------------------------------------------------
    def current_step(self) -> int:
        return self.stack.currentIndex()

    def advance(self) -> None:
        self.go_to(self.current_step() + 1)

    def go_to(self, step: int) -> None:
        """Move to ``step``; going forward checks each page passed and stops at the first problem."""
        step = max(CLIENT_STEP, min(step, CONFLICT_STEP))
        for passed in range(self.current_step(), step):
            page = self.pages[passed]
            if page.isEnabled() and not page.check():
                self._show_step(passed)
                page.focus_first_problem()
                return
        self._show_step(step)

    def _step_clicked(self, row: int) -> None:
        if row >= 0 and row != self.current_step():
            self.go_to(row)

    def _show_step(self, step: int) -> None:
        entering_check = step == CONFLICT_STEP and self.current_step() != CONFLICT_STEP
        self.stack.setCurrentIndex(step)
        self.steps.blockSignals(True)
        self.steps.setCurrentRow(step)
        self.steps.blockSignals(False)
        page = self.pages[step]
        self.heading.setText(
            self.tr("Step {number} of {total}: {title}").format(
                number=step + 1, total=len(self.pages), title=page.title()
            )
        )
        last = step == CONFLICT_STEP
        self.back_button.setEnabled(step > CLIENT_STEP)
        self.next_button.setVisible(not last)
        self.save_button.setVisible(last)
        if step == CASE_STEP:
            detention = self.client_page.detention.value()
            self.case_page.suggest_detained(detention is DetentionStatus.DETAINED)
        if last:
            self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)  # until the check is done
            if entering_check or self.step_needs_check():
                self._start_conflict_check()
        else:
            page.focus_first_field()
        self._sync_save()

    def step_needs_check(self) -> bool:
        return not self.conflict_page.ready and not self.checker.running

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter moves to the next step; it never saves — that is an explicit choice. On a
        strong match with an existing client, Enter opens that client's case."""
        if event.key() in _ENTER_KEYS and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            if self.current_step() != CONFLICT_STEP:
                self.advance()
            elif (button := self.conflict_page.default_open_button()) is not None:
                button.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def _finish_shortcut(self) -> None:
        """Ctrl+Enter: save on the last step; elsewhere go (checking each page) to the last step."""
        if self.current_step() == CONFLICT_STEP:
            if self.save_button.isEnabled():
                self.save()
        else:
            self.go_to(CONFLICT_STEP)

    # Conflict check ----------------------------------------------------------------------------
    def subjects(self) -> list[Subject]:
        """The people being entered, the client first."""
        return [self.client_page.conflict_subject(), *self.family_page.conflict_subjects()]

    def _start_conflict_check(self) -> None:
        subjects = self.subjects()
        self.conflict_page.show_checking(subjects)
        self.checker.start(self.session.store, subjects)
        self._sync_save()

    def _conflict_check_done(self, results: list[SubjectMatches]) -> None:
        if self._closing:
            return
        self.conflict_page.show_results(results)
        self._sync_save()
        if self.current_step() == CONFLICT_STEP:
            target = self.conflict_page.default_open_button()
            if target is None:
                target = self.back_button if self.conflict_page.blocking else self.save_button
            if not target.isEnabled():
                target = self.back_button
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _conflict_check_failed(self, reason: str) -> None:
        if not self._closing:
            self.conflict_page.show_failure(reason)
            self._sync_save()

    def _sync_save(self) -> None:
        page = self.conflict_page
        self.save_button.setEnabled(
            self.current_step() == CONFLICT_STEP
            and page.ready
            and page.blocking is None
            and page.distinct_confirmed()
        )
        if page.ready and page.strong:
            self.save_button.setText(self.tr("Different person — &save"))
            self.save_button.setAccessibleName(
                self.tr("A different person from the matched client: save the intake")
            )
        else:
            self.save_button.setText(self.tr("No conflict — &save"))
            self.save_button.setAccessibleName(self.tr("No conflict: save the intake"))

    # Opening the existing client ---------------------------------------------------------------
    def open_existing(self, reviewed: ReviewedMatch) -> None:
        """The person is already a client: close the intake (asking first, since what was typed
        is not saved) and show the existing client's case."""
        if reviewed.case_to_open is None or not confirm_open_existing(
            self, reviewed.match.party.display_name
        ):
            return
        self._closing = True
        self.checker.cancel()
        QDialog.reject(self)
        self.session.open_case(reviewed.case_to_open)

    # Saving ------------------------------------------------------------------------------------
    def drafts(self) -> IntakeDrafts | None:
        case = self.case_page.case_draft()
        if case is None:
            return None
        return IntakeDrafts(
            client=self.client_page.client_draft(),
            family=self.family_page.family_drafts(),
            address=self.client_page.address_draft(),
            adverse_parties=self.family_page.adverse_party_names(),
            case=case,
        )

    def save(self) -> None:
        """ "No conflict — save" (or, on a strong match, "Different person — save" once the box is
        ticked): store the client, then the case; show any problem in place."""
        if not self.save_button.isEnabled():
            return
        drafts = self.drafts()
        if drafts is None:
            self.go_to(CASE_STEP)
            self.case_page.check()
            return
        submit = partial(
            submit_intake,
            store=self.session.store,
            today=self.session.today(),
            drafts=drafts,
            saved_client_id=self._saved_client_id,
            conflict_note=self.conflict_page.review_note(),
            distinct_from=tuple(
                DistinctPerson.of(reviewed.match)
                for reviewed in self.conflict_page.confirmed_distinct()
            ),
        )
        answers: list[SubmissionOutcome] = []  # the runner publishes what was saved first
        Operation(self, lambda _: submit(), session=self.session).success(answers.append).failure(
            self._not_saved
        ).run_and_wait()
        if answers:
            self._answered(answers[0])

    def _not_saved(self, problem: Problem) -> None:
        QMessageBox.warning(
            self,
            self.tr("Nothing was saved"),
            problem.text
            + "\n\n"
            + self.tr(
                "What you typed is still in the form; save again when the problem is solved."
            ),
        )

    def _answered(self, outcome: SubmissionOutcome) -> None:
        if outcome.client_id is not None:
            self._keep_saved_client(outcome.client_id)
        if not outcome.ok:
            self._show_outcome_problems(outcome)
            return
        self.created_case_id = outcome.case_id
        self._closing = True
        self.accept()
        if outcome.case_id is not None:
            self.session.open_case(outcome.case_id)

    def _show_outcome_problems(self, outcome: SubmissionOutcome) -> None:
        """Each problem beside its field, on its page; the first page with one is shown."""
        in_family = [p for p in outcome.client_problems if p.field.startswith("family[")]
        on_pages = (
            (self.client_page, [p for p in outcome.client_problems if p not in in_family]),
            (self.family_page, in_family),
            (self.case_page, list(outcome.case_problems)),
        )
        for page, problems in on_pages:
            if problems:
                page.show_problems(problems)
        first = next(page for page, problems in on_pages if problems)
        self._show_step(self.pages.index(first))
        first.focus_first_problem()

    def _keep_saved_client(self, client_id: ClientId) -> None:
        """The client is stored; only the case is left. Their pages can no longer change."""
        if self._saved_client_id is not None:
            return
        self._saved_client_id = client_id
        for page in (self.client_page, self.family_page):
            page.setEnabled(False)
        self.case_page.show_banner(
            [self.tr("The client and family are saved. Correct the case below and save again.")]
        )

    # Closing -----------------------------------------------------------------------------------
    def has_input(self) -> bool:
        return self._saved_client_id is not None or any(p.has_input() for p in self.pages)

    def reject(self) -> None:
        """Cancel, Escape or the window's close button: ask before anything typed is lost."""
        if self._closing or not self.has_input() or self._user_discards():
            self._closing = True
            self.checker.cancel()
            super().reject()

    def _user_discards(self) -> bool:
        return confirm_discard(self, client_saved=self._saved_client_id is not None)

    def discard(self) -> None:
        """Close at once without asking, forgetting what was typed."""
        self._closing = True
        self.checker.cancel()
        super().reject()

    def _forget_on_lock(self) -> None:
        """The store locked: no client data may stay on screen or in memory."""
        self.discard()
        self.deleteLater()
