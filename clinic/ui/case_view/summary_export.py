"""The case page's "Export case summary…" button and shortcut (Ctrl+Shift+E): the attorney's
summary PDF of the case on screen, saved where the user chooses, built in the background."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

from clinic.services.dto import CaseView
from clinic.ui.pdf_export import PdfSaver
from clinic.ui.session import UiSession

SHORTCUT = "Ctrl+Shift+E"


class SummaryExport(QObject):
    def __init__(
        self, session: UiSession, current_case: Callable[[], CaseView | None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("summaryExport")
        self.session = session
        self._current_case = current_case
        self.saver = PdfSaver(parent)
        session.locked.connect(self.saver.forget)
        self.action = QAction(self.tr("Export case summary…"), parent)
        self.action.setObjectName("exportCaseSummaryAction")
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action.triggered.connect(self.export)
        parent.addAction(self.action)
        self.button = QPushButton(self.tr("Export case summary…"))
        self.button.setObjectName("exportCaseSummaryButton")
        self.button.setAccessibleName(self.tr("Export the case summary as a PDF"))
        self.button.setToolTip(
            self.tr("A PDF of the whole case for the attorney (%1)").replace("%1", SHORTCUT)
        )
        self.button.clicked.connect(self.export)
        self.saver.busy_changed.connect(lambda busy: self.button.setEnabled(not busy))

    def export(self) -> bool:
        case = self._current_case()
        if case is None or not self.session.is_open or self.saver.busy:
            return False
        store, today, case_id = self.session.store, self.session.today(), case.id

        def render(lang: str) -> bytes:
            from clinic.services import attorney_reports  # noqa: PLC0415 - reportlab on first use

            return attorney_reports.case_summary_pdf(
                store=store, case_id=case_id, today=today, lang=lang
            )

        def write(destination: Path, pdf: bytes) -> Any:
            from clinic.services import attorney_reports  # noqa: PLC0415 - reportlab on first use

            return attorney_reports.export_case_summary_pdf(
                store=store,
                case_id=case_id,
                destination=destination,
                today=today,
                overwrite=True,  # the save dialog asked before replacing
                pdf=pdf,  # the PDF the user saw
            )

        return self.saver.save(
            warning=self.tr(
                "The case summary PDF is NOT encrypted: it holds the client's personal details, "
                "family, hearings, evidence and notes. Save it only on an encrypted drive or print "
                "it, and delete stray copies. The export is recorded in the audit log."
            ),
            caption=self.tr("Save the case summary PDF"),
            # never the client's name in a file name: file names show in recent-file lists
            suggested_name=f"case-summary-{case_id}.pdf",
            render=render,
            write=write,
            prepared_in=self.session,
        )
