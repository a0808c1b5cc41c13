"""Step 2: which column holds which field, with a preview of the first rows, and the date order
when the file's dates could be read either way."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from clinic.domain.importing.dates import DateOrder, DateOrderNeeded, settle_date_order
from clinic.domain.importing.headers import (
    ColumnMapping,
    ImportField,
    NoFamilyNameColumn,
    check_mapping,
)
from clinic.domain.importing.plan import date_cells
from clinic.domain.importing.sheet import Cell, ImportFileError
from clinic.services import importing
from clinic.ui.import_wizard.file_page import LoadedFile
from clinic.ui.palette import Role, tint

PREVIEW_ROWS = 3
COLUMN, FIELD, EXAMPLES = range(3)


def _cell_text(cell: Cell) -> str:
    text = cell if isinstance(cell, str) else cell.isoformat()
    return " ".join(text.split())


class MappingPage(QWizardPage):
    def __init__(
        self, loaded_of: Callable[[], LoadedFile | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importMappingPage")
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr(
                "Choose the Clinic field each column holds, or leave it ignored. Columns with "
                "common names are matched already; your choice is remembered for files like this."
            )
        )
        self._loaded_of = loaded_of
        self.combos: list[QComboBox] = []
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("importMappingTable")
        self.table.setAccessibleName(self.tr("Columns of the file and the fields they hold"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Clinic field"), self.tr("First values")]
        )
        self.table.horizontalHeader().setSectionResizeMode(EXAMPLES, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.order_label = QLabel(self.tr("Dates like 03/04/1990 mean:"))
        self.order_combo = QComboBox()
        self.order_combo.setObjectName("importDateOrderCombo")
        self.order_combo.setAccessibleName(self.tr("Date order"))
        self.order_combo.addItem(self.tr("Decide from the dates in the file"), None)
        self.order_combo.addItem(self.tr("Month first: 03/25/1990 (US)"), DateOrder.MDY.value)
        self.order_combo.addItem(self.tr("Day first: 25/03/1990"), DateOrder.DMY.value)
        self.order_label.setBuddy(self.order_combo)
        self.order_combo.currentIndexChanged.connect(self._recheck)
        self.problem = QLabel()
        self.problem.setObjectName("importMappingProblem")
        self.problem.setAccessibleName(self.tr("What to fix before going on"))
        self.problem.setWordWrap(True)
        tint(self.problem, Role.DANGER)
        order_row = QHBoxLayout()
        order_row.addWidget(self.order_label)
        order_row.addWidget(self.order_combo, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(order_row)
        layout.addWidget(self.problem)
        self._complete = False

    def initializePage(self) -> None:
        loaded = self._loaded_of()
        if loaded is None:
            return
        sheet = loaded.sheet
        labels = {info.field: info.label for info in importing.header_table().fields}
        self.table.setRowCount(len(sheet.header))
        self.combos = []
        for index, name in enumerate(sheet.header):
            item = QTableWidgetItem(name or self.tr("(no header)"))
            self.table.setItem(index, COLUMN, item)
            combo = QComboBox()
            combo.setObjectName(f"importFieldCombo{index}")
            combo.setAccessibleName(self.tr("Field for column {name}").format(name=name))
            combo.addItem(self.tr("(ignore this column)"), None)
            for field in ImportField:
                combo.addItem(QCoreApplication.translate("ImportField", labels[field]), field.value)
            chosen = loaded.mapping[index]
            combo.setCurrentIndex(0 if chosen is None else combo.findData(chosen.value))
            combo.currentIndexChanged.connect(self._recheck)
            self.table.setCellWidget(index, FIELD, combo)
            self.combos.append(combo)
            examples = [_cell_text(r.cells[index]) for r in sheet.preview(PREVIEW_ROWS)]
            self.table.setItem(index, EXAMPLES, QTableWidgetItem(" | ".join(examples)))
        self.table.resizeColumnToContents(COLUMN)
        self.table.setColumnWidth(FIELD, 320)
        order = loaded.date_order
        self.order_combo.setCurrentIndex(
            0 if order is None else self.order_combo.findData(order.value)
        )
        self._recheck()

    def mapping(self) -> ColumnMapping:
        # Qt hands back the plain string stored as item data
        return tuple(
            ImportField(value) if (value := combo.currentData()) else None for combo in self.combos
        )

    def date_order(self) -> DateOrder | None:
        value = self.order_combo.currentData()
        return DateOrder(value) if value else None

    def choose(self, column: int, field: ImportField | None) -> None:
        """Pick a field for a column (what the combo does; used by keyboard users and tests)."""
        combo = self.combos[column]
        combo.setCurrentIndex(0 if field is None else combo.findData(field.value))

    def _recheck(self) -> None:
        loaded = self._loaded_of()
        problem = ""
        if loaded is not None and self.combos:
            try:
                check_mapping(loaded.sheet.header, self.mapping())
                settle_date_order(date_cells(loaded.sheet, self.mapping()), self.date_order())
            except DateOrderNeeded as exc:
                problem = self._date_order_words(exc)
            except NoFamilyNameColumn:
                problem = self.tr(
                    "No column is mapped to the family name (e.g. a column headed 'Family "
                    "name', 'Last name' or 'Apellido'). Choose it in the list above, or rename "
                    "the header."
                )
            except ImportFileError as exc:
                problem = str(exc)
        self.problem.setText(problem)
        self._complete = loaded is not None and not problem
        self.completeChanged.emit()

    def _date_order_words(self, exc: DateOrderNeeded) -> str:
        """Why the date order must be chosen, in the window's words (the list below, not the
        command line's ``--date-order``)."""
        if exc.mixed:
            return self.tr(
                "The file mixes day-first dates (e.g. {0}) and month-first dates (e.g. {1}). "
                "Choose the order most of the file uses (day first or month first); the other "
                "dates are then reported by row."
            ).format(*exc.examples[:2])
        return self.tr(
            "Dates such as {0} can be read day-first or month-first, and no date in the file "
            "settles it. Choose the date order below: month first (03/25/1990) or day first "
            "(25/03/1990)."
        ).format(exc.examples[0])

    def isComplete(self) -> bool:
        return self._complete
