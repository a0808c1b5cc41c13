"""Auto-lock: after idle minutes, at once when the desktop session locks or the computer is
about to sleep (logind, :mod:`clinic.ui.session_lock`), and after the machine slept or its clock
jumped.

Idle timers may not advance across suspend, so a 15-second heartbeat also compares wall-clock
time with the monotonic clock; a gap larger than the idle limit locks at once (the fallback
where logind does not tell us).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from clinic.ui.clipboard_guard import SensitiveClipboard
from clinic.ui.session_lock import SessionLockWatcher

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
HEARTBEAT_MS = 15_000


class IdleLock(QObject):
    """Install on the QApplication; emits ``idle_timeout`` once per idle period."""

    idle_timeout = Signal()

    def __init__(self, idle_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._idle_ms = idle_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle_timeout.emit)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(min(HEARTBEAT_MS, max(idle_ms // 2, 50)))
        self._heartbeat.timeout.connect(self._check_clock_jump)
        self._last_wall = time.time()
        self._last_mono = time.monotonic()
        self._active = False
        self.session = SessionLockWatcher(self)
        self.session.lock_now.connect(self._lock_at_once)
        self.clipboard = SensitiveClipboard(self)

    def set_idle_ms(self, idle_ms: int) -> None:
        self._idle_ms = idle_ms
        if self._active:
            self._timer.start(idle_ms)

    def start(self) -> None:
        self._active = True
        self._timer.start(self._idle_ms)
        self._mark_clocks()
        self._heartbeat.start()

    def stop(self) -> None:
        """The store is locking (or the app is closing): also clears the app's clipboard."""
        self.clipboard.clear_if_ours()
        self._active = False
        self._timer.stop()
        self._heartbeat.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._active and event.type() in _INPUT_EVENTS:
            self._timer.start(self._idle_ms)
        return False

    def _lock_at_once(self, _why: str) -> None:
        if self._active:
            self._timer.stop()
            self.idle_timeout.emit()

    def _mark_clocks(self) -> None:
        self._last_wall, self._last_mono = time.time(), time.monotonic()

    def _check_clock_jump(self) -> None:
        wall_gap = time.time() - self._last_wall
        mono_gap = time.monotonic() - self._last_mono
        self._mark_clocks()
        if self._active and abs(wall_gap - mono_gap) * 1000 > self._idle_ms:
            self.idle_timeout.emit()  # slept, hibernated, or the clock was moved
