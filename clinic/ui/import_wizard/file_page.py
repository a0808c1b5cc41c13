"""Step 1: choose the spreadsheet; it is read in the background (nothing is stored)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from clinic.services import importing
from clinic.services.importing import ImportFileError
from clinic.storage.public import Store
from clinic.ui.file_dialogs import open_file_name
from clinic.ui.operation import Operation, Progress
from clinic.ui.problems import Problem


@dataclass(frozen=True)
class LoadedFile:
    """What the file page hands to the next steps (held in memory only)."""

    path: Path
    data: bytes
    sheet: importing.Sheet
    mapping: importing.ColumnMapping
    source: str
    date_order: importing.DateOrder | None


class FilePage(QWizardPage):
    def __init__(self, store_of: Callable[[], Store], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importFilePage")
        self.setTitle(self.tr("Choose the spreadsheet"))
        self.setSubTitle(
            self.tr(
                "A .csv or .xlsx file with one row per person (see the import format guide). "
                "Nothing is stored until the last step."
            )
        )
        self._store_of = store_of
        self.loaded: LoadedFile | None = None
        self.job: Operation[LoadedFile] | None = None
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importFilePath")
        self.path_edit.setAccessibleName(self.tr("Spreadsheet file"))
        self.path_edit.setReadOnly(True)
        self.choose_button = QPushButton(self.tr("&Choose file…"))
        self.choose_button.setObjectName("importChooseFileButton")
        self.choose_button.setAccessibleName(self.tr("Choose the spreadsheet file"))
        self.choose_button.clicked.connect(self.choose)
        self.status = QLabel()
        self.status.setObjectName("importFileStatus")
        self.status.setAccessibleName(self.tr("What was read from the file"))
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def choose(self) -> None:
        name = open_file_name(
            self,
            self.tr("Import spreadsheet"),
            self.tr("Spreadsheets (*.csv *.tsv *.txt *.xlsx);;All files (*)"),
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read the file off the GUI thread; the page completes when it has been read."""
        self.loaded = None
        self.path_edit.setText(str(path))
        self.status.setText(self.tr("Reading the file…"))
        self.choose_button.setEnabled(False)
        self.completeChanged.emit()
        store = self._store_of()

        def work(_progress: Progress) -> LoadedFile:
            data = path.read_bytes()
            sheet = importing.read_spreadsheet(data=data, file_name=path.name)
            mapping, source, order = importing.suggest_mapping(store=store, sheet=sheet)
            return LoadedFile(path, data, sheet, mapping, source, order)

        self.job = Operation(self, work).success(self._loaded).failure(self._failed).run()

    def _loaded(self, loaded: LoadedFile) -> None:
        self.job = None
        self.choose_button.setEnabled(True)
        self.loaded = loaded
        sheet = loaded.sheet
        self.status.setText(
            self.tr("Read {rows} rows and {columns} columns (header on row {line}).").format(
                rows=len(sheet.rows), columns=len(sheet.header), line=sheet.header_line
            )
        )
        self.completeChanged.emit()

    def _failed(self, problem: Problem) -> None:
        self.job = None
        self.choose_button.setEnabled(True)
        if isinstance(problem.error, ImportFileError):
            message = problem.text
        elif isinstance(problem.error, OSError):
            message = self.tr("The file cannot be read: {reason}").format(reason=problem.text)
        else:
            message = self.tr("The file cannot be read.")
        self.status.setText(message + " " + self.tr("Nothing was imported."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.loaded is not None
