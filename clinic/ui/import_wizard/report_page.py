"""Step 3: the dry run. Every row that cannot be imported, with its row number and the reason,
possible conflicts, and what the import would store. Nothing is written here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from clinic.services import importing
from clinic.services.errors import ServiceError
from clinic.services.importing import ImportFileError, ImportPlan
from clinic.storage.public import Store
from clinic.ui.import_wizard.file_page import LoadedFile
from clinic.ui.operation import Operation, Progress
from clinic.ui.problems import Problem

ROW, KIND, PROBLEM = range(3)


class ReportPage(QWizardPage):
    def __init__(
        self,
        store_of: Callable[[], Store],
        today_of: Callable[[], object],
        loaded_of: Callable[[], LoadedFile | None],
        choices_of: Callable[[], tuple[importing.ColumnMapping, importing.DateOrder | None]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importReportPage")
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(self.tr("A dry run: nothing has been stored yet."))
        self.setCommitPage(True)
        self._store_of = store_of
        self._today_of = today_of
        self._loaded_of = loaded_of
        self._choices_of = choices_of
        self.plan: ImportPlan | None = None
        self.job: Operation[ImportPlan] | None = None
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setAccessibleName(self.tr("What the import would do"))
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("importCheckProgress")
        self.progress.setAccessibleName(self.tr("Checking the rows"))
        self.progress.setRange(0, 0)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("importProblemsTable")
        self.table.setAccessibleName(self.tr("Rows that cannot be imported, and notes"))
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Kind"), self.tr("Problem")])
        self.table.horizontalHeader().setSectionResizeMode(PROBLEM, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.skip_box = QCheckBox(self.tr("&Import the valid rows and skip the ones listed"))
        self.skip_box.setObjectName("importSkipInvalid")
        self.skip_box.setAccessibleName(self.tr("Import the valid rows and skip the others"))
        self.skip_box.toggled.connect(self._update_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skip_box)

    def initializePage(self) -> None:
        loaded = self._loaded_of()
        if loaded is None:
            return
        self.plan = None
        self.table.setRowCount(0)
        self.skip_box.setChecked(False)
        self.skip_box.setVisible(False)
        self.progress.setVisible(True)
        self.summary.setText(self.tr("Checking every row…"))
        self.completeChanged.emit()
        mapping, order = self._choices_of()
        store, today, data, name = self._store_of(), self._today_of(), loaded.data, loaded.path.name

        def work(_progress: Progress) -> ImportPlan:
            return importing.plan_import(
                store=store,
                data=data,
                file_name=name,
                today=today,  # type: ignore[arg-type]
                mapping=mapping,
                date_order=order,
            )

        self.job = Operation(self, work).success(self._planned).failure(self._failed).run()

    def _planned(self, plan: ImportPlan) -> None:
        self.job = None
        self.plan = plan
        self.progress.setVisible(False)
        result = plan.result
        text = self.tr(
            "{rows} rows can be imported: {clients} clients, {family} family members, "
            "{cases} cases, {hearings} hearings."
        ).format(
            rows=plan.valid_rows,
            clients=len(result.clients),
            family=result.family_count,
            cases=result.case_count,
            hearings=result.hearing_count,
        )
        if plan.rejected:
            text += " " + self.tr(
                "{n} rows cannot be imported (listed below). Fix them in the spreadsheet and "
                "start again, or import the valid rows and skip these."
            ).format(n=len(plan.rejected))
        self.summary.setText(text)
        entries = [(r.line, self.tr("Cannot import"), r.reason) for r in plan.rejected]
        entries += [(n.line, self.tr("Note"), n.text) for n in plan.notes]
        entries.sort(key=lambda e: e[0])
        self.table.setRowCount(len(entries))
        for index, (line, kind, text_) in enumerate(entries):
            self.table.setItem(index, ROW, QTableWidgetItem(str(line)))
            self.table.setItem(index, KIND, QTableWidgetItem(kind))
            self.table.setItem(index, PROBLEM, QTableWidgetItem(text_))
        self.table.resizeRowsToContents()
        self.skip_box.setVisible(bool(plan.rejected) and plan.valid_rows > 0)
        self._update_button()

    def _failed(self, problem: Problem) -> None:
        self.job = None
        self.progress.setVisible(False)
        if isinstance(problem.error, ImportFileError | ServiceError | OSError):
            reason = problem.text
        else:
            reason = self.tr("Checking failed.")
        self.summary.setText(reason + " " + self.tr("Nothing was imported; go back to change it."))
        self.completeChanged.emit()

    def _update_button(self) -> None:
        if self.plan is not None:
            self.wizard().setButtonText(
                QWizard.WizardButton.CommitButton,
                self.tr("Import {n} rows").format(n=self.plan.valid_rows),
            )
        self.completeChanged.emit()

    @property
    def skip_invalid(self) -> bool:
        return self.skip_box.isChecked()

    def isComplete(self) -> bool:
        plan = self.plan
        if plan is None or plan.valid_rows == 0:
            return False
        return not plan.rejected or self.skip_invalid
