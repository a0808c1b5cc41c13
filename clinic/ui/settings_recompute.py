"""Settings → Save when deadline rule amounts or closure days changed: the settings are saved,
then the deadlines the change can touch are recomputed (only those rules' deadlines, or those
whose counting crosses the closure days: clinic.services.deadline_recompute) in the background,
with a progress bar, while the rest of the window stays usable. The recompute writes in short
chunks of their own, so a colleague's save meanwhile waits a fraction of a second at most.

It runs through the operation runner (clinic.ui.operation). Locking during it is safe: the
runner cancels the work and waits for it before the store is locked; the recompute stops
between two chunks. The settings and the chunks done stay saved (``interrupted``); what is left
is kept pending in the store and recomputed here in the background as soon as the window is
unlocked again, or opened the next time (:meth:`BackgroundSave.resume_pending`).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QProgressBar, QWidget
from shiboken6 import isValid

from clinic.services.deadline_recompute import run_pending
from clinic.services.settings import ClinicSettings, update_settings
from clinic.storage.public import Store
from clinic.ui.operation import Operation, Progress
from clinic.ui.problems import Problem
from clinic.ui.session import UiSession

_log = logging.getLogger(__name__)


class BackgroundSave(QObject):
    """One background settings save at a time, with its progress bar."""

    saved = Signal(object, object)  # Result[ClinicSettings], the ClinicSettings that were saved
    failed = Signal(object)  # the Problem (clinic.ui.problems), in the interface language
    interrupted = Signal()  # the store was locked while recomputing: the rest is pending
    resumed = Signal(object)  # Changes: an interrupted recompute was finished

    def __init__(self, session: UiSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self._parent = parent
        self.operation: Operation[Any] | None = None  # a save
        self.resuming: Operation[Any] | None = None  # the rest of an interrupted recompute
        self.progress = QProgressBar(parent)
        self.progress.setObjectName("settingsRecomputeProgress")
        self.progress.setAccessibleName(self.tr("Recomputing deadlines"))
        self.progress.setFormat(self.tr("Recomputing deadlines: %v of %m cases"))
        self.progress.hide()
        session.unlocked.connect(self.resume_pending)
        QTimer.singleShot(0, self.resume_pending)  # once the window is built

    @property
    def running(self) -> bool:
        return self.operation is not None

    def start(self, store: Store, settings: ClinicSettings) -> None:
        def work(progress: Progress) -> Any:
            return update_settings(
                store=store,
                settings=settings,
                progress=progress.report,
                cancelled=progress.cancelled,
            )

        self.progress.setRange(0, 0)  # busy until the first chunk reports
        self.progress.show()
        self.operation = (
            Operation(self._parent, work, session=self.session)
            .progress(self._progressed)
            .success(lambda result: self.saved.emit(result, settings))
            .failure(self._failed)
            .when_locked(self.interrupted.emit)
            .ended_with(self._ended)
        )
        self.operation.run()

    def resume_pending(self) -> None:
        """The rest of a recompute a lock (or a crash, or a kill) interrupted, if any, in the
        background; nothing is shown when nothing is pending. A save started meanwhile runs
        beside it (each chunk is its own transaction; the save's recompute covers both)."""
        if not isValid(self) or self.resuming is not None or not self.session.is_open:
            return
        store = self.session.store

        def work(progress: Progress) -> Any:
            return run_pending(store=store, progress=progress.report, cancelled=progress.cancelled)

        def ended() -> None:
            self.resuming = None
            if self.operation is None and isValid(self) and isValid(self.progress):
                self.progress.hide()

        self.resuming = (
            Operation(self._parent, work, session=self.session)
            .progress(self._progressed)
            .success(lambda report: self.resumed.emit(report.changes))
            .failure(self._pending_failed)
            .when_locked(lambda: None)  # still pending: resumed at the next unlock
            .ended_with(ended)
        )
        self.resuming.run()

    @staticmethod
    def _pending_failed(problem: Problem) -> None:
        # Still pending in the store: tried again at the next unlock or settings save.
        _log.warning("The interrupted deadline recompute failed again: %s", problem.text)

    def _failed(self, problem: Problem) -> None:
        self.failed.emit(problem)

    def _progressed(self, done: int, total: int) -> None:
        if (self.operation or self.resuming) is not None and isValid(self.progress):
            self.progress.show()
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    def _ended(self) -> None:
        self.operation = None
        if isValid(self) and isValid(self.progress):  # else the window went away meanwhile
            self.progress.hide()
