"""The I-589 tab's "Fill the I-589…" (issue 23): the case's official form filled from the blank
stored in Settings → Forms, fillable or flattened, with the shared flow of every staff PDF
(clinic/ui/pdf_export.py): the plaintext warning, built in the background, shown, then a save
dialog; never written over an existing file, audited. What could not be placed, and what must be
typed by hand, is listed under the button, as the command prints it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPlainTextEdit, QWidget

from clinic.services import i589_forms
from clinic.services.dto import CaseView
from clinic.ui.case_view.case_tab import action_button
from clinic.ui.pdf_export import PdfSaver
from clinic.ui.session import UiSession

if TYPE_CHECKING:
    from clinic.services.i589 import I589Result

REPORT_LINES = 6


class I589Fill(QObject):
    """The button, the flatten choice and the report of the last fill."""

    def __init__(
        self, session: UiSession, current_case: Callable[[], CaseView | None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("i589Fill")
        self.session = session
        self._current_case = current_case
        self.saver = PdfSaver(parent)
        self.button = action_button(self.tr("F&ill the I-589…"), "i589FillButton")
        self.button.setToolTip(
            self.tr("The official form filled from this case, from the blank in Settings, Forms")
        )
        self.button.clicked.connect(self.fill)
        self.flatten = QCheckBox(self.tr("Fla&tten (answers drawn into the pages)"))
        self.flatten.setObjectName("i589Flatten")
        self.flatten.setAccessibleName(self.flatten.text().replace("&", ""))
        self.flatten.setToolTip(
            self.tr("Unticked: the form stays fillable, its answers can still be typed over")
        )
        # What was placed: a few lines high, scrolled, so the questions keep their room
        self.report = QPlainTextEdit()
        self.report.setObjectName("i589FillReport")
        self.report.setAccessibleName(self.tr("What filling the I-589 placed and what to type"))
        self.report.setReadOnly(True)
        self.report.setTabChangesFocus(True)
        self.report.setFixedHeight(self.report.fontMetrics().lineSpacing() * REPORT_LINES + 12)
        self.report.hide()
        self._result: I589Result | None = None
        self._read_ahead: str | None = None  # the digest of the blank read ahead
        self.saver.busy_changed.connect(self._busy)
        session.locked.connect(self.forget)

    def place(self, row: QHBoxLayout) -> None:
        row.addWidget(self.flatten)
        row.addWidget(self.button)

    def read_ahead(self) -> None:
        """The stored blank read on a background thread, once per blank, so that the first
        fill finds it read (the tab calls this when it is first shown). pypdf holds the GIL
        while it parses: the window stays responsive, a little slower, for about a second."""
        if not self.session.is_open:
            return
        stored = i589_forms.current_form(self.session.store)
        if stored is None or stored.digest == self._read_ahead:
            return
        self._read_ahead = stored.digest
        threading.Thread(
            target=i589_forms.read_ahead, args=(stored,), name="i589-read-ahead", daemon=True
        ).start()

    def fill(self) -> bool:
        case = self._current_case()
        if case is None or not self.session.is_open or self.saver.busy:
            return False
        store, case_id, flatten = self.session.store, case.id, self.flatten.isChecked()
        stored = i589_forms.current_form(store)
        if stored is None:
            self._show(
                self.tr(
                    "No blank I-589 is stored: download it from uscis.gov/i-589 and add it in "
                    "Settings, Forms (Add a form file…)."
                )
            )
            return False
        self._result = None

        def render(_lang: str) -> bytes:
            from clinic.services import i589  # noqa: PLC0415 - pypdf on first use

            self._result = i589.fill_i589(
                store=store, case_id=case_id, form=stored.path, flatten=flatten
            )
            return self._result.filled.pdf

        def write(destination: Path, pdf: bytes) -> Any:
            from clinic.services import i589  # noqa: PLC0415 - pypdf on first use

            result = self._result
            assert result is not None and result.filled.pdf is pdf  # the PDF the user saw
            return i589.save_i589(
                store=store, case_id=case_id, result=result, destination=destination
            )

        return self.saver.save(
            warning=self.tr(
                "The filled I-589 is NOT encrypted: it holds the client's personal details, "
                "family and account of persecution. Save it only on an encrypted drive or print "
                "it, and delete stray copies. The export is recorded in the audit log."
            ),
            caption=self.tr("Save the filled I-589"),
            # never the client's name in a file name: file names show in recent-file lists
            suggested_name=f"i589-case-{case_id}.pdf",
            render=render,
            write=write,
            prepared_in=self.session,
        )

    def _busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)
        if not busy and self._result is not None:
            from clinic.services.i589_report import report_lines  # noqa: PLC0415

            self._show("\n".join(report_lines(self._result)))

    def _show(self, text: str) -> None:
        self.report.setPlainText(text)
        self.report.setVisible(bool(text))

    def case_changed(self) -> None:
        """Another case on screen: the last fill's report was about the previous one."""
        if not self.saver.busy:
            self._result = None
            self._show("")

    def forget(self) -> None:
        """After lock (or another case): the report names the client's answers; drop it."""
        self._result = None
        self.saver.forget()
        self._show("")
