"""Saving an attorney PDF from the window: warn that it is not encrypted, ask where in a save
dialog, build it in the background worker, then say where it went (or plainly why not)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from clinic.services import language
from clinic.ui.computer_user_dialog import ensure_computer_user
from clinic.ui.session import UiSession
from clinic.ui.worker import Job, start_job

STATUS_MILLISECONDS = 20000

# (destination, language) -> the saved path; runs on the worker thread
PdfWork = Callable[[Path, str], Any]


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


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
        self.jobs: set[Job] = set()
        self.last_message = ""

    @property
    def busy(self) -> bool:
        return bool(self.jobs)

    def save(
        self,
        *,
        warning: str,
        caption: str,
        suggested_name: str,
        work: PdfWork,
        prepared_in: UiSession | None = None,
    ) -> bool:
        """Warn, ask where, and start the job; False when the user stopped at either step.
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
        suggested = documents_folder() / suggested_name
        chosen, _ = QFileDialog.getSaveFileName(
            self._parent, caption, str(suggested), self.tr("PDF (*.pdf)")
        )
        if not chosen:
            return False
        destination, lang = Path(chosen), pdf_language()

        def run(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Any:
            return work(destination, lang)

        self._show(self.tr("Saving the PDF…"))
        job = start_job(run, on_done=self._done, on_error=self._error)
        job.signals.finished.connect(self._forget_job)
        job.signals.failed.connect(self._forget_job)
        self.jobs.add(job)
        self.busy_changed.emit(True)
        return True

    def _done(self, result: Any) -> None:
        path = getattr(result, "value", result)
        text = self.tr("Saved an unencrypted PDF to {0}.").format(path)
        self.last_message = text
        self._show(text)
        self.saved.emit(text)

    def _error(self, exc: BaseException) -> None:
        if isinstance(exc, FileExistsError):
            text = self.tr("A file with that name already exists; choose another.")
        elif isinstance(exc, LookupError):
            text = self.tr("The PDF was not saved: {0}.").format(exc)
        elif isinstance(exc, OSError):
            text = self.tr("The PDF was not saved: {0}").format(exc.strerror or exc)
        else:
            text = self.tr("The PDF was not saved: {0}").format(exc)
        self.last_message = text
        self._show(text)
        self.failed.emit(text)
        QMessageBox.warning(self._parent, self.tr("The PDF was not saved"), text)

    def _show(self, text: str) -> None:
        window = self._parent.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_MILLISECONDS)

    def forget(self) -> None:
        """After lock: the message may name a chosen file (and so, a client); drop it."""
        self.last_message = ""
        window = self._parent.window()
        if isinstance(window, QMainWindow):
            window.statusBar().clearMessage()

    def _forget_job(self, *_args: object) -> None:
        signals = self.sender()
        self.jobs = {job for job in self.jobs if job.signals is not signals}
        self.busy_changed.emit(self.busy)
