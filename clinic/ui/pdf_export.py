"""Saving a staff PDF from the window: warn that it is not encrypted, build it in memory in the
background worker, show it (clinic/ui/pdf_preview.py), ask where in a save dialog, save exactly
those bytes in the worker, then say where it went (or plainly why not)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QWidget
from shiboken6 import isValid

from clinic.services import language
from clinic.ui.computer_user_dialog import ensure_computer_user
from clinic.ui.file_dialogs import save_file_name
from clinic.ui.operation import Operation, Progress
from clinic.ui.problems import Problem
from clinic.ui.session import UiSession

STATUS_MILLISECONDS = 20000

# language -> the PDF's bytes, built in memory (nothing written); runs on the worker thread
PdfRender = Callable[[str], bytes]
# (destination, the previewed bytes) -> the saved path, audited; runs on the worker thread
PdfWrite = Callable[[Path, bytes], Any]


def pdf_language() -> str:
    """The language the staff work in (the PDFs' fixed words follow it; English fallback)."""
    return language.ui_language()


class PdfSaver(QObject):
    """One kind of PDF export; ``saved``/``failed`` carry the text the window shows."""

    saved = Signal(str)  # message naming the path
    failed = Signal(str)  # plain reason
    busy_changed = Signal(bool)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("pdfSaver")
        self._parent = parent
        self.jobs: set[Operation[Any]] = set()
        self.last_message = ""
        self.preview_dialog: QDialog | None = None

    @property
    def busy(self) -> bool:
        return bool(self.jobs) or self.preview_dialog is not None

    def save(
        self,
        *,
        warning: str,
        caption: str,
        suggested_name: str,
        render: PdfRender,
        write: PdfWrite,
        prepared_in: UiSession | None = None,
    ) -> bool:
        """Warn, then build the PDF in the background; once built it is shown, and Save… asks
        where and saves it (see :meth:`_built`). False when the user stopped at the warning.
        A staff PDF (``prepared_in`` its session) first asks who is preparing it, once."""
        if prepared_in is not None and not ensure_computer_user(prepared_in, self._parent):
            return False
        answer = QMessageBox.warning(
            self._parent,
            self.tr("Save an unencrypted PDF?"),
            warning,
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Ok:
            return False
        lang = pdf_language()

        def build(_progress: Progress) -> bytes:
            return render(lang)

        def built(pdf: bytes) -> None:
            self._built(pdf, caption=caption, suggested_name=suggested_name, write=write)

        self._show(self.tr("Preparing the PDF…"))
        self._start(build, built)
        return True

    def _built(self, pdf: bytes, *, caption: str, suggested_name: str, write: PdfWrite) -> None:
        """The PDF is ready: show it; Save… asks where, then writes these very bytes."""
        self._clear_status()  # "Preparing the PDF…" is over
        if not self.preview(pdf, caption):
            self._not_saved()
            return
        chosen, _ = save_file_name(self._parent, caption, suggested_name, self.tr("PDF (*.pdf)"))
        if not chosen:
            self._not_saved()
            return
        destination = Path(chosen)

        def save_it(_progress: Progress) -> Any:
            return write(destination, pdf)

        self._show(self.tr("Saving the PDF…"))
        self._start(save_it, self._done)

    def preview(self, pdf: bytes, caption: str) -> bool:
        """Show the pages; True when the user chose Save…."""
        from clinic.ui.pdf_preview import PdfPreviewDialog  # noqa: PLC0415 - PDFium on first use

        dialog = PdfPreviewDialog(pdf, title=caption, parent=self._parent)
        self.preview_dialog = dialog
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.preview_dialog = None
            dialog.deleteLater()
            self.busy_changed.emit(self.busy)

    def _start(self, work: Callable[[Progress], Any], on_done: Callable[[Any], None]) -> None:
        operation: Operation[Any] = Operation(self._parent, work)
        operation.success(on_done).failure(self._error)
        operation.ended_with(lambda: self._forget_job(operation))
        self.jobs.add(operation)
        operation.run()
        self.busy_changed.emit(True)

    def _not_saved(self) -> None:
        self.last_message = ""
        self._show(self.tr("The PDF was not saved."))

    def _done(self, result: Any) -> None:
        path = getattr(result, "value", result)
        text = self.tr("Saved an unencrypted PDF to {0}.").format(path)
        self.last_message = text
        self._show(text)
        self.saved.emit(text)

    def _error(self, problem: Problem) -> None:
        if isinstance(problem.error, FileExistsError):
            text = self.tr("A file with that name already exists; choose another.")
        elif isinstance(problem.error, LookupError):
            text = self.tr("The PDF was not saved: {0}.").format(problem.text)
        else:
            text = self.tr("The PDF was not saved: {0}").format(problem.text)
        self.last_message = text
        self._show(text)
        self.failed.emit(text)
        QMessageBox.warning(self._parent, self.tr("The PDF was not saved"), text)

    def _show(self, text: str) -> None:
        window = self._parent.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_MILLISECONDS)

    def forget(self) -> None:
        """After lock: the message may name a chosen file (and so, a client), and an open
        preview shows the client's PDF; drop both."""
        if self.preview_dialog is not None:
            self.preview_dialog.reject()
        self.last_message = ""
        self._clear_status()

    def _clear_status(self) -> None:
        window = self._parent.window()
        if isinstance(window, QMainWindow):
            window.statusBar().clearMessage()

    def _forget_job(self, operation: Operation[Any]) -> None:
        self.jobs.discard(operation)
        if isValid(self):
            self.busy_changed.emit(self.busy)
