"""Settings → Save when deadline rule amounts or closure days changed: every case's deadlines
are recomputed (tens of seconds with 100,000 cases), so that save runs in the background worker
with a progress bar while the rest of the window stays usable.

Locking during it is safe: the session's ``locking`` signal cancels the job and waits for it
before the store is locked; the recompute checks for that between chunks of cases and its unit
of work rolls back, so nothing of it (nor the settings) is saved and the user is told to save
again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressBar, QWidget
from shiboken6 import isValid

from clinic.services.settings import ClinicSettings, update_settings
from clinic.storage.public import Store
from clinic.ui.session import UiSession
from clinic.ui.worker import Job, start_job


class BackgroundSave(QObject):
    """One background settings save at a time, with its progress bar."""

    saved = Signal(object, object)  # Result[ClinicSettings], the ClinicSettings that were saved
    failed = Signal(object)  # the exception (RecomputeCancelled when a lock stopped it)

    def __init__(self, session: UiSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.job: Job | None = None
        self.progress = QProgressBar(parent)
        self.progress.setObjectName("settingsRecomputeProgress")
        self.progress.setAccessibleName(self.tr("Recomputing every case's deadlines"))
        self.progress.setFormat(self.tr("Recomputing deadlines: %v of %m cases"))
        self.progress.hide()
        session.locking.connect(self.stop_and_wait)

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, store: Store, settings: ClinicSettings) -> None:
        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            return update_settings(
                store=store, settings=settings, progress=progress, cancelled=cancelled
            )

        self.progress.setRange(0, 0)  # busy until the first chunk reports
        self.progress.show()
        self.job = start_job(
            work,
            on_done=lambda result: self._ended(lambda: self.saved.emit(result, settings)),
            on_error=lambda exc: self._ended(lambda: self.failed.emit(exc)),
            on_progress=self._progressed,
        )

    def stop_and_wait(self) -> None:
        """Before the store locks: stop the recompute (between two chunks) and wait for it."""
        if self.job is not None:
            self.job.cancel()
            self.job.wait()

    def _progressed(self, done: int, total: int) -> None:
        if self.job is not None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    def _ended(self, report: Callable[[], None]) -> None:
        if not isValid(self) or not isValid(self.progress):
            return  # the page was closed (the window went away) while the job ran
        self.job = None
        self.progress.hide()
        report()
