"""Step 4: store the rows in one transaction (in the background) and say what happened."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget, QWizardPage

from clinic.services import importing
from clinic.services.errors import ErrorKind
from clinic.services.importing import ImportOutcome, ImportPlan
from clinic.ui.operation import Operation, Progress
from clinic.ui.problems import Problem
from clinic.ui.session import UiSession


class DonePage(QWizardPage):
    def __init__(
        self,
        session: UiSession,
        plan_of: Callable[[], tuple[ImportPlan | None, bool]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDonePage")
        self.setTitle(self.tr("Import"))
        self.session = session
        self._plan_of = plan_of
        self.outcome: ImportOutcome | None = None
        self.finished_work = False
        self.job: Operation[ImportOutcome] | None = None
        self.message = QLabel()
        self.message.setObjectName("importDoneMessage")
        self.message.setAccessibleName(self.tr("Result of the import"))
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setAccessibleName(self.tr("Import progress"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def initializePage(self) -> None:
        plan, skip_invalid = self._plan_of()
        if plan is None:
            return
        self.finished_work = False
        self.message.setText(self.tr("Storing the rows…"))
        self.progress.setRange(0, max(1, len(plan.result.clients)))
        self.progress.setValue(0)
        store = self.session.store

        def work(ticks: Progress) -> ImportOutcome:
            return importing.commit_import(
                store=store, plan=plan, skip_invalid=skip_invalid, progress=ticks.report
            )

        # the runner publishes the outcome's changes to every page (and a lock waits for it)
        operation = Operation(self, work, session=self.session)
        operation.success(self._stored).failure(self._failed).progress(self._progressed)
        self.job = operation.ended_with(self._ended).run()

    def _ended(self) -> None:
        self.job = None

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _stored(self, outcome: ImportOutcome) -> None:
        self.job = None
        self.outcome = outcome
        self.finished_work = True
        if outcome.stored:
            self.progress.setValue(self.progress.maximum())
            self.message.setText(
                self.tr(
                    "Imported {rows} rows: {clients} clients, {family} family members, "
                    "{cases} cases, {hearings} hearings. The import is recorded in the audit "
                    "trail as one import."
                ).format(
                    rows=outcome.imported_rows,
                    clients=outcome.clients,
                    family=outcome.family_members,
                    cases=outcome.cases,
                    hearings=outcome.hearings,
                )
            )
        else:
            self.message.setText(outcome.reason + " " + self.tr("Nothing was stored."))
        self.completeChanged.emit()

    def _failed(self, problem: Problem) -> None:
        self.job = None
        self.finished_work = True
        # in the interface language; a fault only by its name, never a row's contents
        failed = problem.kind is ErrorKind.FAILED
        reason = type(problem.error).__name__ if failed else problem.text
        self.message.setText(
            self.tr("The import failed and nothing was stored: {reason}").format(reason=reason)
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.finished_work
