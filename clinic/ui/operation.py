"""The one way the window runs an operation (a service call), as Anki's ``CollectionOp`` does.

    Operation(self, lambda _: notes.add_note(store=store, ...), session=self.session)
        .success(self._note_saved)
        .failure(lambda problem: self.note_problem.setText(problem.text))
        .run_and_wait()

- The work runs in the worker thread (:mod:`clinic.ui.worker`), never on the GUI thread: a
  database that is busy for seconds does not freeze the window. Read everything the work needs
  from the widgets *before* (the closure captures values, not widgets).
- :meth:`Operation.run` returns at once (long jobs: PDFs, imports, packets; progress and
  Cancel through :class:`Progress`); :meth:`Operation.run_and_wait` returns once the outcome
  has been handled (a dialog's Save, which must know whether to close). While it waits the
  window keeps painting and its timers run, but the user's clicks and keys wait until the save
  is over (no second Save, nothing typed into a form being saved).
- On success the ``success`` callback runs, then the result's ``changes`` are published to
  every page (``session.publish``) — unless the store was locked meanwhile.
- On failure the error becomes a :class:`~clinic.ui.problems.Problem` in the interface language
  and goes to the handler registered for its kind (:meth:`Operation.on`), else to ``failure``,
  else to a message box. The runner never touches the widgets, so whatever the user typed
  stays where it is: a dialog stays open with it.
- Locking waits for a running operation first (the store is never locked under a write).

Office mode adds kinds (a version conflict shown side by side, a lost connection): each is one
more ``ErrorKind`` with its words in :mod:`clinic.ui.problems` and, where it needs more than a
line of text, its own presentation registered with :meth:`Operation.on` (the dialog keeps the
input, the handler shows the rest). A lost connection (``CONNECTION_LOST``) is shown as any
problem, the input kept for the same Save once the server is back, and also told to the
session (``connection_lost``): the status bar says the server cannot be reached until the
window's listener (:mod:`clinic.ui.colleague_changes`) finds it again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid

from clinic.services.errors import ErrorKind
from clinic.services.results import Changes
from clinic.ui.problems import Problem, describe
from clinic.ui.session import UiSession
from clinic.ui.worker import Job

T = TypeVar("T")

LOCK_WAIT_SECONDS = 30.0  # a write holds the database for seconds at most (busy timeout: 5 s)


@dataclass(frozen=True)
class Progress:
    """What long work receives: ``report(done, total)`` and ``cancelled()`` (Cancel pressed)."""

    report: Callable[[int, int], None]
    cancelled: Callable[[], bool]


def show_problem_box(parent: QWidget | None, title: str, problem: Problem) -> None:
    """The presentation when the caller has no place of its own for the message."""
    QMessageBox.warning(parent, title, problem.text)


def _changes_of(result: object) -> Changes | None:
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else None


class Operation(Generic[T]):
    """One service call from the window; see the module's documentation."""

    def __init__(
        self,
        parent: QObject,
        work: Callable[[Progress], T],
        *,
        session: UiSession | None = None,
        changes: Callable[[T], Changes | None] = _changes_of,
        title: str = "",
    ) -> None:
        self.parent = parent
        self.session = session
        self._work = work
        self._changes = changes
        self._title = title
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[Problem], None] | None = None
        self._on_kind: dict[ErrorKind, Callable[[Problem], None]] = {}
        self._on_progress: Callable[[int, int], None] | None = None
        self._on_end: list[Callable[[], None]] = []
        self._on_locked: Callable[[], None] | None = None
        self.job: Job | None = None
        self.ended = False
        self.succeeded = False

    # --- building ---------------------------------------------------------------------------

    def success(self, handler: Callable[[T], None]) -> Operation[T]:
        self._on_success = handler
        return self

    def failure(self, handler: Callable[[Problem], None]) -> Operation[T]:
        self._on_failure = handler
        return self

    def on(self, kind: ErrorKind, handler: Callable[[Problem], None]) -> Operation[T]:
        """Present failures of ``kind`` with ``handler`` instead of the ``failure`` handler."""
        self._on_kind[kind] = handler
        return self

    def progress(self, handler: Callable[[int, int], None]) -> Operation[T]:
        self._on_progress = handler
        return self

    def when_locked(self, handler: Callable[[], None]) -> Operation[T]:
        """Call ``handler`` (instead of the others) when the store was locked while the work
        ran: its outcome is dropped, as every page forgot its client data."""
        self._on_locked = handler
        return self

    def ended_with(self, handler: Callable[[], None]) -> Operation[T]:
        """Also call ``handler`` once the outcome was handled (either way)."""
        self._on_end.append(handler)
        return self

    # --- running ----------------------------------------------------------------------------

    def run(self) -> Operation[T]:
        """Start the work in the worker thread and return at once."""
        job = Job(lambda report, cancelled: self._work(Progress(report, cancelled)))
        self.job = job
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        if self._on_progress is not None:
            job.signals.progressed.connect(self._on_progress)
        if self.session is not None:
            self.session.locking.connect(self._before_lock)
        _RUNNING.add(self)  # kept alive until it ends, whatever the caller keeps
        job.start()
        return self

    def run_and_wait(self) -> bool:
        """Run, and return once the outcome was handled: True when the work succeeded."""
        loop = QEventLoop()
        self._on_end.append(loop.quit)
        self.run()
        if not self.ended:
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        return self.succeeded

    @property
    def running(self) -> bool:
        return self.job is not None and not self.ended

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work returned or raised (the outcome is handled later, by events)."""
        return self.job is None or self.job.wait(timeout)

    # --- outcome (on the GUI thread) --------------------------------------------------------

    def _before_lock(self) -> None:
        if self.job is not None:
            self.job.cancel()  # long work stops between two steps; a save simply completes
            self.job.wait(LOCK_WAIT_SECONDS)

    def _can_deliver(self) -> bool:
        if not isValid(self.parent):
            return False  # the widget went away (the window closed) while the work ran
        if self.session is None or self.session.is_open:
            return True
        if self._on_locked is not None:  # locked: client data is gone, say only that
            self._on_locked()
        return False

    def _finished(self, result: Any) -> None:
        try:
            if not self._can_deliver():
                return
            self.succeeded = True
            if self._on_success is not None:
                self._on_success(result)
            changes = self._changes(result)
            if changes is not None and self.session is not None and self.session.is_open:
                self.session.publish(changes)
        finally:
            self._end()

    def _failed(self, error: BaseException) -> None:
        try:
            if not self._can_deliver():
                return
            problem = describe(error)
            if problem.kind is ErrorKind.CONNECTION_LOST and self.session is not None:
                self.session.connection_lost.emit()  # the status bar says so until it is back
            self.present(problem)
        finally:
            self._end()

    def present(self, problem: Problem) -> None:
        """Show ``problem`` as this operation's handlers say."""
        handler = self._on_kind.get(problem.kind)
        if handler is not None:
            handler(problem)
            return
        if self._on_failure is not None:
            self._on_failure(problem)
        else:
            window = self.parent if isinstance(self.parent, QWidget) else None
            show_problem_box(window, self._title or _nothing_saved(), problem)

    def _end(self) -> None:
        self.ended = True
        if self.session is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # the session went away
                self.session.locking.disconnect(self._before_lock)
        _RUNNING.discard(self)
        for handler in self._on_end:
            handler()


def _nothing_saved() -> str:
    return QCoreApplication.translate("Operation", "Nothing was saved")


_RUNNING: set[Operation[Any]] = set()
