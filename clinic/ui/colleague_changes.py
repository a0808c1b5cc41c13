"""Office mode: the window hears what colleagues commit and refreshes, and says in the status
bar when the office server cannot be reached and when it is back (docs/office.md).

The listening runs in a thread of the services (:func:`clinic.services.colleagues.listen`);
its callbacks only emit this object's signals, which Qt delivers on the GUI thread. Changes
arriving within :data:`GATHER_MS` are published together (a colleague's save of a case, its
deadlines and its history is one refresh), through
:meth:`clinic.ui.session.UiSession.publish_colleagues`: Today, Cases and the open case refresh
as after the window's own saves. The listener is started with the store (and again after an
unlock) and stopped before the store locks; a laptop store has none.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from clinic.services.results import Changes
from clinic.ui.session import UiSession

if TYPE_CHECKING:
    from clinic.services.colleagues import Listening

GATHER_MS = 250


class ColleagueChanges(QObject):
    """Starts and stops the listener with the session; ``reachable`` says the server's state
    when it changes (True: listening again after it was lost)."""

    reachable = Signal(bool)
    _heard = Signal(object)  # Changes, emitted in the listening thread
    _state = Signal(bool)  # emitted in the listening thread

    def __init__(self, session: UiSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.listening: Listening | None = None
        self.server_reachable = True
        self._pending = Changes()
        self._gather = QTimer(self)
        self._gather.setSingleShot(True)
        self._gather.setInterval(GATHER_MS)
        self._gather.timeout.connect(self._publish)
        self._heard.connect(self._gathered)
        self._state.connect(self._state_changed)
        session.unlocked.connect(self.start)
        session.locking.connect(self.stop)
        session.connection_lost.connect(self._lost_by_an_action)

    def start(self) -> None:
        """Listen on the session's store (office mode only)."""
        from clinic.services import colleagues  # noqa: PLC0415 - office mode only

        self.stop()
        if self.session.is_open:
            self.listening = colleagues.listen(
                self.session.store, self._heard.emit, self._state.emit
            )

    def stop(self) -> None:
        """Before the store locks: close the listener's connection, forget what was heard."""
        self._gather.stop()
        self._pending = Changes()
        listening, self.listening = self.listening, None
        if listening is not None:
            listening.stop()

    def _gathered(self, changes: Changes) -> None:
        if self.listening is None:
            return  # heard just before it stopped (a lock): dropped with the rest
        self._pending = self._pending | changes
        if not self._gather.isActive():
            self._gather.start()

    def _publish(self) -> None:
        changes, self._pending = self._pending, Changes()
        if self.session.is_open:
            self.session.publish_colleagues(changes)

    def _state_changed(self, reachable: bool) -> None:
        if self.listening is None or reachable == self.server_reachable:
            return
        self.server_reachable = reachable
        self.reachable.emit(reachable)
        if reachable and self.session.is_open:
            # What colleagues committed while this window could not hear is not announced
            # again: every page reads afresh once.
            from clinic.services.results import Entity  # noqa: PLC0415

            self.session.publish_colleagues(Changes.of((Entity.STORE, 0)))

    def _lost_by_an_action(self) -> None:
        """An action could not reach the server: say so now and let the listener check (it
        says when the server is back)."""
        if self.listening is None:
            return
        if self.server_reachable:
            self.server_reachable = False
            self.reachable.emit(False)
        with contextlib.suppress(RuntimeError):
            self.listening.probe()
