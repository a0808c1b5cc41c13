"""Step 4: store the rows in one transaction (in the background) and say what happened."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget, QWizardPage

from clinic.services import importing
from clinic.services.importing import ImportOutcome, ImportPlan
from clinic.storage.public import Store, StoreError
from clinic.ui.translations import error_text
from clinic.ui.worker import Job, start_job


class DonePage(QWizardPage):
    def __init__(
        self,
        store_of: Callable[[], Store],
        plan_of: Callable[[], tuple[ImportPlan | None, bool]],
        on_stored: Callable[[ImportOutcome], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDonePage")
        self.setTitle(self.tr("Import"))
        self._store_of = store_of
        self._plan_of = plan_of
        self._on_stored = on_stored
        self.outcome: ImportOutcome | None = None
        self.finished_work = False
        self.job: Job | None = None
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
        store = self._store_of()

        def work(
            progress: Callable[[int, int], None], cancelled: Callable[[], bool]
        ) -> ImportOutcome:
            return importing.commit_import(
                store=store, plan=plan, skip_invalid=skip_invalid, progress=progress
            )

        self.job = start_job(
            work, on_done=self._stored, on_error=self._failed, on_progress=self._progressed
        )

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
            self._on_stored(outcome)
        else:
            self.message.setText(outcome.reason + " " + self.tr("Nothing was stored."))
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        self.finished_work = True
        if isinstance(exc, StoreError):
            reason = error_text(exc)  # in the interface language
        elif isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
        else:
            reason = type(exc).__name__
        self.message.setText(
            self.tr("The import failed and nothing was stored: {reason}").format(reason=reason)
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.finished_work
