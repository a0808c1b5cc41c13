"""The case list (CSV/XLSX) from the Cases page: the list as shown, announced as unencrypted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QWidget,
)

from clinic.services.exports import case_list
from clinic.ui.file_saver import FileSaver
from clinic.ui.session import UiSession


class CaseListExporter(QObject):
    """ "Export list…" on the Cases page: the list as shown (search, filters, order)."""

    def __init__(self, session: UiSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("caseListExporter")
        self.session = session
        self.saver = FileSaver(parent)

    def start(self, query: case_list.ListQuery) -> bool:
        if not self.session.is_open:
            return False
        store, today = self.session.store, self.session.today()

        def work(
            destination: Path, report: Callable[[int, int], None], cancelled: Callable[[], bool]
        ) -> Any:
            return case_list.export_case_list(
                store=store,
                destination=destination,
                query=query,
                today=today,
                overwrite=True,  # the save dialog asked before replacing
                progress=report,
                cancelled=cancelled,
            )

        return self.saver.save(
            warning=self.tr(
                "The case list is NOT encrypted: it holds client names and A-numbers. Save it "
                "only on an encrypted drive and delete stray copies. The export is recorded in "
                "the audit log."
            ),
            caption=self.tr("Export the case list"),
            suggested_name=f"cases-{self.session.today().isoformat()}.csv",
            filters=self.tr("CSV, for any spreadsheet (*.csv);;Excel workbook (*.xlsx)"),
            work=work,
            done_text=lambda path, result: self.tr(
                "Saved %n case(s) to {0}.", "", result.value
            ).format(path),
        )
