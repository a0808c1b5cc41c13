"""Runs the conflict check off the GUI thread; only the latest run's answer is reported."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from clinic.storage.public import Store
from clinic.ui.intake.conflict_check import Subject, run_conflict_check
from clinic.ui.operation import Operation
from clinic.ui.problems import Problem


class ConflictCheckRunner(QObject):
    """Checking ~100,000 known names takes a moment: the window stays responsive meanwhile."""

    checked = Signal(object)  # list[SubjectMatches]
    failed = Signal(str)  # the kind of error, for the message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._operation: Operation[object] | None = None

    @property
    def running(self) -> bool:
        return self._operation is not None

    def start(self, store: Store, subjects: Sequence[Subject]) -> None:
        """Check ``subjects``; a run still going is cancelled and its answer ignored."""
        self.cancel()
        people = tuple(subjects)
        operation: Operation[object] = Operation(
            self,
            lambda ticks: run_conflict_check(store, people, ticks.report, ticks.cancelled),
        )
        operation.success(lambda results: self._finished(operation, results))
        operation.failure(lambda problem: self._failed(operation, problem))
        self._operation = operation.run()

    def cancel(self) -> None:
        if self._operation is not None:
            self._operation.cancel()
            self._operation = None

    def _finished(self, operation: Operation[object], results: object) -> None:
        if operation is self._operation:  # only the latest run's answer
            self._operation = None
            self.checked.emit(results)

    def _failed(self, operation: Operation[object], problem: Problem) -> None:
        if operation is self._operation:
            self._operation = None
            self.failed.emit(type(problem.error).__name__)
