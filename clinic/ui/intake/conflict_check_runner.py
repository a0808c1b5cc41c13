"""Runs the conflict check off the GUI thread; only the latest run's answer is reported."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from clinic.storage.public import Store
from clinic.ui.intake.conflict_check import Subject, run_conflict_check
from clinic.ui.worker import Job, start_job


class ConflictCheckRunner(QObject):
    """Checking ~100,000 known names takes a moment: the window stays responsive meanwhile."""

    checked = Signal(object)  # list[SubjectMatches]
    failed = Signal(str)  # the kind of error, for the message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job: Job | None = None

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self, store: Store, subjects: Sequence[Subject]) -> None:
        """Check ``subjects``; a run still going is cancelled and its answer ignored."""
        self.cancel()
        people = tuple(subjects)
        self._job = start_job(
            lambda progress, cancelled: run_conflict_check(store, people, progress, cancelled),
            on_done=self._job_finished,
            on_error=self._job_failed,
        )

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None

    def _is_current(self) -> bool:
        return self._job is not None and self.sender() is self._job.signals

    def _job_finished(self, results: object) -> None:
        if self._is_current():
            self._job = None
            self.checked.emit(results)

    def _job_failed(self, error: BaseException) -> None:
        if self._is_current():
            self._job = None
            self.failed.emit(type(error).__name__)
