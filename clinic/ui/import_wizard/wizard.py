"""The spreadsheet import wizard: file → columns (and date order) → dry run → import → done.

The same steps as ``clinic import``: reading and checking run in the background worker, nothing
is stored before the user presses "Import n rows", and then everything is stored in one
transaction or nothing is.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget, QWizard

from clinic.services.importing import ColumnMapping, DateOrder, ImportPlan
from clinic.storage.public import Store
from clinic.ui.import_wizard.done_page import DonePage
from clinic.ui.import_wizard.file_page import FilePage, LoadedFile
from clinic.ui.import_wizard.mapping_page import MappingPage
from clinic.ui.import_wizard.report_page import ReportPage
from clinic.ui.session import UiSession

FILE_STEP, MAPPING_STEP, REPORT_STEP, DONE_STEP = range(4)


class ImportWizard(QWizard):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import spreadsheet"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self._store)
        self.mapping_page = MappingPage(self._loaded)
        self.report_page = ReportPage(self._store, session.today, self._loaded, self._choices)
        self.done_page = DonePage(session, self._plan)
        for step, page in (
            (FILE_STEP, self.file_page),
            (MAPPING_STEP, self.mapping_page),
            (REPORT_STEP, self.report_page),
            (DONE_STEP, self.done_page),
        ):
            self.setPage(step, page)
        for button, name in (
            (QWizard.WizardButton.NextButton, "importNextButton"),
            (QWizard.WizardButton.BackButton, "importBackButton"),
            (QWizard.WizardButton.CommitButton, "importCommitButton"),
            (QWizard.WizardButton.FinishButton, "importFinishButton"),
            (QWizard.WizardButton.CancelButton, "importCancelButton"),
        ):
            self.button(button).setObjectName(name)
            self.button(button).setAccessibleName(self.button(button).text().replace("&", ""))
        self.resize(980, 640)
        session.locked.connect(self._forget_on_lock)

    def _store(self) -> Store:
        return self.session.store

    def _loaded(self) -> LoadedFile | None:
        return self.file_page.loaded

    def _choices(self) -> tuple[ColumnMapping, DateOrder | None]:
        return self.mapping_page.mapping(), self.mapping_page.date_order()

    def _plan(self) -> tuple[ImportPlan | None, bool]:
        return self.report_page.plan, self.report_page.skip_invalid

    def reject(self) -> None:
        """Cancel, Escape or closing the window; not while rows are being stored (the
        transaction finishes or rolls back on its own, and the result must be shown)."""
        if self.done_page.job is not None:
            return
        super().reject()

    def _forget_on_lock(self) -> None:
        """Locking drops the file's rows from memory with the wizard."""
        self.file_page.loaded = None
        self.report_page.plan = None
        super().reject()
