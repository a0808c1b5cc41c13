"""Settings → Save when deadline rule amounts or closure days changed: every case's deadlines
are recomputed (tens of seconds with 100,000 cases), so that save runs in the background worker
with a progress bar while the rest of the window stays usable.

It runs through the operation runner (clinic.ui.operation). Locking during it is safe: the
runner cancels the work and waits for it before the store is locked; the recompute checks for
that between chunks of cases and its unit of work rolls back, so nothing of it (nor the
settings) is saved and the user is told to save again (``interrupted``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressBar, QWidget
from shiboken6 import isValid

from clinic.services.settings import ClinicSettings, update_settings
from clinic.storage.public import Store
from clinic.ui.operation import Operation, Progress
from clinic.ui.problems import Problem
from clinic.ui.session import UiSession


class BackgroundSave(QObject):
    """One background settings save at a time, with its progress bar."""

    saved = Signal(object, object)  # Result[ClinicSettings], the ClinicSettings that were saved
    failed = Signal(object)  # the Problem (clinic.ui.problems), in the interface language
    interrupted = Signal()  # the store was locked while saving: nothing was saved

    def __init__(self, session: UiSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self._parent = parent
        self.operation: Operation[Any] | None = None
        self.progress = QProgressBar(parent)
        self.progress.setObjectName("settingsRecomputeProgress")
        self.progress.setAccessibleName(self.tr("Recomputing every case's deadlines"))
        self.progress.setFormat(self.tr("Recomputing deadlines: %v of %m cases"))
        self.progress.hide()

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

    def _failed(self, problem: Problem) -> None:
        self.failed.emit(problem)

    def _progressed(self, done: int, total: int) -> None:
        if self.operation is not None and isValid(self.progress):
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    def _ended(self) -> None:
        self.operation = None
        if isValid(self) and isValid(self.progress):  # else the window went away meanwhile
            self.progress.hide()
