"""Saving a file from the window: ask where (save dialog), build it in the background worker
with a progress dialog, then say where it went or plainly why not. Every export dialog uses it,
and the case import runs through it too (nothing is written then).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from clinic.services.exports import case_list
from clinic.ui.file_dialogs import save_file_name
from clinic.ui.operation import Operation, Progress
from clinic.ui.problems import Problem
from clinic.ui.session import UiSession

STATUS_MILLISECONDS = 20000
# (destination, progress, cancelled) -> a message-worthy result; runs on the worker thread
FileWork = Callable[[Path, Callable[[int, int], None], Callable[[], bool]], Any]


class FileSaver(QObject):
    """Ask where (save dialog), run ``work`` in the worker with a progress dialog, report."""

    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QWidget, *, session: UiSession | None = None) -> None:
        """``session``: publish what the work changed (imports), through the runner."""
        super().__init__(parent)
        self.setObjectName("exportFileSaver")
        self._parent = parent
        self.session = session
        self.jobs: set[Operation[Any]] = set()
        self.last_message = ""
        self.last_destination: Path | None = None

    def save(
        self,
        *,
        caption: str,
        suggested_name: str,
        filters: str,
        work: FileWork,
        done_text: Callable[[Path, Any], str],
        warning: str = "",
    ) -> bool:
        if warning:
            answer = QMessageBox.warning(
                self._parent,
                self.tr("Save an unencrypted file?"),
                warning,
                QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Ok:
                return False
        chosen, chosen_filter = save_file_name(self._parent, caption, suggested_name, filters)
        if not chosen:
            return False
        destination = _with_suffix(Path(chosen), chosen_filter)
        self.start(destination, work, done_text)
        return True

    def run(
        self,
        work: FileWork,
        *,
        done_text: Callable[[Path, Any], str],
        on_error: Callable[[Problem], bool] | None = None,
    ) -> bool:
        """Run ``work`` in the worker without a save dialog (imports: nothing is written)."""
        self.start(Path(), work, done_text, on_error)
        return True

    def start(
        self,
        destination: Path,
        work: FileWork,
        done_text: Callable[[Path, Any], str],
        on_error: Callable[[Problem], bool] | None = None,
    ) -> None:
        progress = QProgressDialog(self.tr("Working…"), self.tr("Cancel"), 0, 0, self._parent)
        progress.setObjectName("exportProgress")
        progress.setAccessibleName(self.tr("Progress"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def run(ticks: Progress) -> Any:
            return work(destination, ticks.report, ticks.cancelled)

        def failed(problem: Problem) -> None:
            progress.reset()
            if on_error is None or not on_error(problem):
                self._error(problem)

        operation: Operation[Any] = Operation(self._parent, run, session=self.session)
        operation.success(
            lambda result: self._done(progress, destination, done_text(destination, result))
        ).failure(failed).progress(lambda done, total: _advance(progress, done, total))
        operation.ended_with(lambda: self.jobs.discard(operation))
        progress.canceled.connect(operation.cancel)
        self.jobs.add(operation)
        operation.run()

    def _done(self, progress: QProgressDialog, destination: Path, text: str) -> None:
        progress.reset()
        self.last_message, self.last_destination = text, destination
        self._show(text)
        self.saved.emit(text)

    def _error(self, problem: Problem) -> None:
        cancelled = isinstance(problem.error, case_list.ExportCancelled)
        if cancelled:
            text = self.tr("Cancelled; nothing was saved.")
        else:
            text = self.tr("The file was not saved: {0}").format(problem.text)
        self.last_message = text
        self._show(text)
        self.failed.emit(text)
        if not cancelled:
            QMessageBox.warning(self._parent, self.tr("The file was not saved"), text)

    def _show(self, text: str) -> None:
        window = self._parent.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_MILLISECONDS)


def _advance(progress: QProgressDialog, done: int, total: int) -> None:
    progress.setMaximum(total)
    progress.setValue(done)


def _with_suffix(path: Path, chosen_filter: str) -> Path:
    """Add the extension of the chosen filter when the user typed a name without one."""
    if path.suffix:
        return path
    for suffix in (".csv", ".xlsx", ".pdf", ".ics"):
        if f"*{suffix}" in chosen_filter:
            return path.with_suffix(suffix)
    return path
