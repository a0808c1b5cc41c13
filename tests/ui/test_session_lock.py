"""Issue 16 § 6: lock at once when the session locks or the computer is about to sleep.

Before, nothing listened to logind: the store stayed unlocked until the idle timer, or until
the 15-second clock check noticed a suspend after waking. The test runs a private D-Bus daemon
as the system bus (``DBUS_SYSTEM_BUS_ADDRESS``), a stand-in logind on it (tests/ui/
fake_logind.py), and the idle lock in a child process (QtDBus keeps one system bus per process).
"""

from __future__ import annotations

import importlib.util
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

FAKE = Path(__file__).with_name("fake_logind.py")
CHILD = r"""
import sys, time
from PySide6.QtCore import QCoreApplication, QTimer
app = QCoreApplication([])
from clinic.ui.idle_lock import IdleLock
idle = IdleLock(10 * 60 * 1000)  # ten minutes: only logind can lock within this test
idle.start()
idle.idle_timeout.connect(lambda: print("locked", flush=True))
idle.session.ready.connect(lambda: print("watching", " ".join(idle.session.listening), flush=True))
QTimer.singleShot(15_000, app.quit)
app.exec()
"""

pytestmark = pytest.mark.skipif(
    shutil.which("dbus-daemon") is None or importlib.util.find_spec("jeepney") is None,
    reason="needs dbus-daemon and jeepney (the stand-in logind)",
)


def _lines(process: subprocess.Popen[str]) -> queue.Queue[str]:
    found: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            found.put(line.strip())

    threading.Thread(target=read, daemon=True).start()
    return found


@pytest.fixture
def system_bus() -> Iterator[str]:
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        yield daemon.stdout.readline().strip()
    finally:
        daemon.kill()
        daemon.wait()


def test_session_lock_and_sleep_lock_at_once(system_bus: str) -> None:
    env = {**os.environ, "DBUS_SYSTEM_BUS_ADDRESS": system_bus, "QT_QPA_PLATFORM": "offscreen"}
    logind = subprocess.Popen(
        [sys.executable, "-u", str(FAKE), system_bus],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    child = subprocess.Popen(
        [sys.executable, "-u", "-c", CHILD], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        said, told = _lines(logind), _lines(child)
        assert said.get(timeout=10) == "ready"
        watching = told.get(timeout=10)
        assert watching.startswith("watching PrepareForSleep Lock /org/freedesktop/login1/"), (
            watching
        )
        assert logind.stdin is not None
        for word, locks in (("wake", False), ("lock", True), ("sleep", True)):
            started = time.monotonic()
            logind.stdin.write(word + "\n")
            logind.stdin.flush()
            assert said.get(timeout=5) == f"sent {word}"
            if locks:
                assert told.get(timeout=3) == "locked", word
                assert time.monotonic() - started < 3, word
            else:
                with pytest.raises(queue.Empty):
                    told.get(timeout=0.7)  # waking up is no reason to lock
    finally:
        child.kill()
        logind.kill()
        child.wait()
        logind.wait()


def test_windows_messages_dispatch() -> None:
    """The Windows half: which messages lock, read from a real MSG structure as Qt hands it."""
    from ctypes import addressof, wintypes  # noqa: PLC0415

    from clinic.ui import session_lock as sl  # noqa: PLC0415

    assert sl.windows_lock_reason(sl.WM_WTSSESSION_CHANGE, sl.WTS_SESSION_LOCK) == "session-locked"
    assert sl.windows_lock_reason(sl.WM_WTSSESSION_CHANGE, 0x8) is None  # WTS_SESSION_UNLOCK
    assert sl.windows_lock_reason(sl.WM_POWERBROADCAST, sl.PBT_APMSUSPEND) == "going-to-sleep"
    assert sl.windows_lock_reason(sl.WM_POWERBROADCAST, 0x12) is None  # PBT_APMRESUMEAUTOMATIC
    heard: list[str] = []
    messages = sl.WindowsMessages(heard.append)
    for message, wparam in ((sl.WM_POWERBROADCAST, sl.PBT_APMSUSPEND), (0x0200, 0)):
        msg = wintypes.MSG()
        msg.message, msg.wParam = message, wparam
        assert messages.nativeEventFilter(b"windows_generic_MSG", addressof(msg)) == (False, 0)
    lock = wintypes.MSG()
    lock.message, lock.wParam = sl.WM_WTSSESSION_CHANGE, sl.WTS_SESSION_LOCK
    messages.nativeEventFilter(b"xcb_generic_event_t", addressof(lock))  # not a Windows message
    assert heard == ["going-to-sleep"]
