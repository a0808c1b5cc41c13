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
does nothing and the idle timer remains.

On Windows the same watcher registers a hidden window for session notifications
(``WTSRegisterSessionNotification``) and reads, through a native event filter,
``WM_WTSSESSION_CHANGE`` / ``WTS_SESSION_LOCK`` and ``WM_POWERBROADCAST`` / ``PBT_APMSUSPEND``
(:func:`windows_lock_reason` is the dispatch, unit-tested on every platform; the registration is
type-checked with ``mypy --platform win32``). macOS workspace notifications
(``NSWorkspaceWillSleepNotification``, ``com.apple.screenIsLocked``) need PyObjC, which Clinic does
not ship: there the idle timer and the clock check remain.
"""

from __future__ import annotations

import ctypes
import os
import sys
from typing import Any

from PySide6.QtCore import (
    SLOT,
    QAbstractNativeEventFilter,
    QByteArray,
    QCoreApplication,
    QObject,
    Signal,
    Slot,
)
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtGui import QWindow

LOGIND = "org.freedesktop.login1"
MANAGER_PATH = "/org/freedesktop/login1"
MANAGER = "org.freedesktop.login1.Manager"
SESSION = "org.freedesktop.login1.Session"
_TIMEOUT_MS = 2000
# Windows messages (winuser.h, wtsapi32.h)
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x4
NOTIFY_FOR_THIS_SESSION = 0


def windows_lock_reason(message: int, wparam: int) -> str | None:
    """Why a Windows message means "lock now", or None: the session locked, or it is suspending."""
    if message == WM_WTSSESSION_CHANGE and wparam == WTS_SESSION_LOCK:
        return "session-locked"
    if message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND:
        return "going-to-sleep"
    return None


class WindowsMessages(QAbstractNativeEventFilter):
    """Reads each native Windows message (``MSG``) the application receives."""

    def __init__(self, emit: Any) -> None:
        super().__init__()
        self._emit = emit

    def nativeEventFilter(
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> Any:
        kind = event_type.data() if isinstance(event_type, QByteArray) else bytes(event_type)
        if kind == b"windows_generic_MSG":
            from ctypes import wintypes  # noqa: PLC0415 - only where Windows messages arrive

            msg = wintypes.MSG.from_address(int(message))
            reason = windows_lock_reason(int(msg.message), int(msg.wParam or 0))
            if reason is not None:
                self._emit(reason)
        return False, 0


class SessionLockWatcher(QObject):
    """Emits ``lock_now`` when logind locks this session or the computer prepares to sleep."""

    lock_now = Signal(str)  # "session-locked" or "going-to-sleep"
    ready = Signal()  # the session's Lock signal is connected

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listening: list[str] = []  # what is connected, for tests and doctor-style reports
        self._bus: QDBusConnection | None = None
        if sys.platform == "win32":
            self._watch_windows()
        else:
            self._watch_logind()

    def _watch_logind(self) -> None:
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

    def _watch_windows(self) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        self._messages = WindowsMessages(self.lock_now.emit)
        app.installNativeEventFilter(self._messages)
        self.listening.append("WM_POWERBROADCAST")
        self._window = QWindow()  # hidden: session notifications go to a window
        self._window.create()
        if _register_session_notification(int(self._window.winId())):
            self.listening.append("WM_WTSSESSION_CHANGE")

    @Slot(QDBusMessage)
    def _got_session(self, reply: QDBusMessage) -> None:
        if not reply.arguments():
            return
        value = reply.arguments()[0]
        path = str(value.path()) if hasattr(value, "path") else str(value)
        if (
            path
            and self._bus is not None
            and self._bus.connect(LOGIND, path, SESSION, "Lock", self, _slot("_session_lock()"))
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


if sys.platform == "win32":

    def _register_session_notification(hwnd: int) -> bool:
        """WTSRegisterSessionNotification: WM_WTSSESSION_CHANGE for this session to ``hwnd``."""
        return bool(
            ctypes.windll.wtsapi32.WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION)
        )

else:

    def _register_session_notification(hwnd: int) -> bool:
        return False


def _slot(signature: str) -> Any:
    """A Qt slot signature for QtDBus (the binding takes ``SLOT()``'s text, its stubs say bytes)."""
    return SLOT(signature)
