"""Lock at once when the desktop session locks or the computer is about to sleep (issue 16 § 6).

Without this, the store stayed unlocked until the idle timer or the 15-second clock check
noticed (:mod:`clinic.ui.idle_lock`). On Linux, systemd-logind says both on the system bus:

- ``org.freedesktop.login1.Manager.PrepareForSleep(true)`` on ``/org/freedesktop/login1``, just
  before suspend or hibernation;
- ``org.freedesktop.login1.Session.Lock()`` on this session's object (``loginctl lock-session``,
  the screen locker, a lid close), found with ``Manager.GetSession(XDG_SESSION_ID)`` (an empty
  id asks for the caller's own session).

:class:`SessionLockWatcher` listens through QtDBus (no extra dependency) and emits
``lock_now``. Where there is no system bus or no logind (a container, another OS) it quietly
does nothing and the idle timer remains. Windows session notifications
(``WTSRegisterSessionNotification``) and macOS workspace notifications are not wired yet.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage

LOGIND = "org.freedesktop.login1"
MANAGER_PATH = "/org/freedesktop/login1"
MANAGER = "org.freedesktop.login1.Manager"
SESSION = "org.freedesktop.login1.Session"
_TIMEOUT_MS = 2000


class SessionLockWatcher(QObject):
    """Emits ``lock_now`` when logind locks this session or the computer prepares to sleep."""

    lock_now = Signal(str)  # "session-locked" or "going-to-sleep"
    ready = Signal()  # the session's Lock signal is connected

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listening: list[str] = []  # what is connected, for tests and doctor-style reports
        if not os.environ.get("DBUS_SYSTEM_BUS_ADDRESS") and not os.path.exists(
            "/run/dbus/system_bus_socket"
        ):
            return  # no system bus here (Windows, macOS, a container): nothing to watch
        bus = QDBusConnection.systemBus()
        if not bus.isConnected():
            return
        if bus.connect(
            LOGIND,
            MANAGER_PATH,
            MANAGER,
            "PrepareForSleep",
            self,
            _slot("_prepare_for_sleep(bool)"),
        ):
            self.listening.append("PrepareForSleep")
        # The session's path is asked for without waiting (start-up is not held up by D-Bus).
        call = QDBusMessage.createMethodCall(LOGIND, MANAGER_PATH, MANAGER, "GetSession")
        call.setArguments([os.environ.get("XDG_SESSION_ID", "")])
        self._bus = bus
        bus.callWithCallback(
            call, self, _slot("_got_session(QDBusMessage)"), _slot("_no_session()"), _TIMEOUT_MS
        )

    @Slot(QDBusMessage)
    def _got_session(self, reply: QDBusMessage) -> None:
        if not reply.arguments():
            return
        value = reply.arguments()[0]
        path = str(value.path()) if hasattr(value, "path") else str(value)
        if path and self._bus.connect(
            LOGIND, path, SESSION, "Lock", self, _slot("_session_lock()")
        ):
            self.listening.append(f"Lock {path}")
            self.ready.emit()

    @Slot()
    def _no_session(self) -> None:
        """No logind, or not in a logind session: the idle timer remains."""

    @Slot(bool)
    def _prepare_for_sleep(self, starting: bool) -> None:
        if starting:
            self.lock_now.emit("going-to-sleep")

    @Slot()
    def _session_lock(self) -> None:
        self.lock_now.emit("session-locked")


def _slot(signature: str) -> Any:
    """A Qt slot signature for QtDBus (the binding takes ``SLOT()``'s text, its stubs say bytes)."""
    return SLOT(signature)
