"""The worker thread's job: one piece of work off the GUI thread (see clinic.ui.operation,
the one way the window runs operations).

The work gets a ``progress(done, total)`` callback and a ``cancelled()`` check; its result or
error comes back on the GUI thread by signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class JobSignals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)  # the exception


class Job(QRunnable):
    def __init__(
        self, work: Callable[[Callable[[int, int], None], Callable[[], bool]], Any]
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Operation keeps it, and asks it whether it ended
        self.signals = JobSignals()
        self._work = work
        self._cancelled = False
        self._ended = threading.Event()

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)

    def cancel(self) -> None:
        self._cancelled = True

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work has returned or raised (True), or ``timeout`` seconds passed.
        Before locking, a job that writes is cancelled and waited for: the store must not be
        locked (key wiped, connections closed) under a transaction."""
        return self._ended.wait(timeout)

    def run(self) -> None:
        try:
            result = self._work(self.signals.progressed.emit, lambda: self._cancelled)
        except BaseException as exc:  # every failure must reach the window, never a dead thread
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        finally:
            self._ended.set()


def start_job(
    work: Callable[[Callable[[int, int], None], Callable[[], bool]], Any],
    *,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None] | None = None,
) -> Job:
    job = Job(work)
    job.signals.finished.connect(on_done)
    job.signals.failed.connect(on_error)
    if on_progress is not None:
        job.signals.progressed.connect(on_progress)
    job.start()
    return job
