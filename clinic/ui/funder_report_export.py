"""The funder report (PDF/CSV) from the File menu: which year, then where."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clinic.ui.export_setup import DialogExport, name_dialog, ok_cancel
from clinic.ui.file_saver import FileSaver
from clinic.ui.session import UiSession


class FunderReportDialog(QDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        from clinic.services.exports import funder  # noqa: PLC0415 - reportlab on first use

        super().__init__(parent)
        name_dialog(self, "funderReportDialog", self.tr("Funder report"))
        self.year = QSpinBox()
        self.year.setObjectName("funderYear")
        self.year.setAccessibleName(self.tr("Year"))
        self.year.setRange(funder.FIRST_YEAR, today.year)
        self.year.setValue(today.year - 1 if today.month < 3 else today.year)
        explanation = QLabel(
            self.tr(
                "Counts of the cases open during the year, by claim type, stage, outcome, "
                "relief, nationality and year opened and closed. No names or A-numbers; counts "
                "under 5 are hidden."
            )
        )
        explanation.setWordWrap(True)
        buttons = ok_cancel(self, "funderButtons")
        form = QFormLayout()
        form.addRow(self.tr("&Year:"), self.year)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)


class FunderReportExporter(DialogExport[FunderReportDialog]):
    def __init__(self, session: UiSession, parent: QWidget) -> None:
        super().__init__(session, parent, "funderReportExporter")
        self.saver = FileSaver(parent)

    def ask(self) -> FunderReportDialog:
        return FunderReportDialog(self.session.today(), self._parent)

    def save_chosen(self, dialog: FunderReportDialog) -> None:
        self.save(dialog.year.value())

    def save(self, year: int) -> bool:
        from clinic.services.exports import funder  # noqa: PLC0415 - reportlab on first use

        store, today = self.session.store, self.session.today()

        def work(
            destination: Path, _report: Callable[[int, int], None], _cancelled: Callable[[], bool]
        ) -> Any:
            return funder.export_funder_report(
                store=store, year=year, destination=destination, today=today, overwrite=True
            )

        return self.saver.save(
            caption=self.tr("Save the funder report"),
            suggested_name=f"funder-report-{year}.pdf",
            filters=self.tr("PDF (*.pdf);;CSV, for any spreadsheet (*.csv)"),
            work=work,
            done_text=lambda path, _result: self.tr("Saved the funder report to {0}.").format(path),
        )
