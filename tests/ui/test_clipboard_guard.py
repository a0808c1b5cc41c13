"""Issue 16 § 6: text copied from the app is marked sensitive and cleared on lock.

Before, a client's name or A-number copied from a field stayed on the clipboard (and in the
desktop's clipboard history) after the store locked.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication, QLineEdit

from clinic.ui import clipboard_guard
from clinic.ui.idle_lock import IdleLock


def test_copy_is_marked_and_cleared_on_lock(qapp: QApplication) -> None:
    idle = IdleLock(10 * 60 * 1000)
    idle.start()
    field = QLineEdit("MARTÍNEZ DOMÍNGUEZ, Darwin A-201-923-364")
    field.selectAll()
    field.copy()  # what Ctrl+C does in any field
    qapp.processEvents()
    data = qapp.clipboard().mimeData()
    assert data.text() == field.text()
    assert bytes(data.data(clipboard_guard.KDE_HINT).data()) == b"secret"
    assert data.hasFormat(clipboard_guard.WINDOWS_EXCLUDE)
    assert bytes(data.data(clipboard_guard.WINDOWS_NO_HISTORY).data()) == b"\0\0\0\0"
    idle.stop()  # the store locks
    assert qapp.clipboard().text() == ""


def test_text_copied_elsewhere_after_ours_is_left_alone(qapp: QApplication) -> None:
    idle = IdleLock(10 * 60 * 1000)
    idle.start()
    qapp.clipboard().setText("A-201-923-364")
    qapp.processEvents()
    other = QMimeData()
    other.setText("a recipe")
    other.setData(clipboard_guard.KDE_HINT, b"secret")  # even marked, it is not our text
    qapp.clipboard().setMimeData(other)
    qapp.processEvents()
    idle.stop()
    assert qapp.clipboard().text() == "a recipe"


def test_quitting_with_copied_text_on_the_clipboard_exits_cleanly(tmp_path: Path) -> None:
    """The marked copy is Qt-owned data made in Python: left on the clipboard at exit, Qt's exit
    handlers destroyed it after the interpreter was gone (SIGSEGV, exit 139)."""
    script = tmp_path / "copy_and_quit.py"
    script.write_text(
        textwrap.dedent(
            """
            from PySide6.QtCore import QTimer
            from PySide6.QtWidgets import QApplication, QLineEdit
            from clinic.ui.idle_lock import IdleLock

            app = QApplication([])
            idle = IdleLock(60_000)
            idle.start()
            field = QLineEdit("MARTÍNEZ DOMÍNGUEZ, Darwin")
            field.selectAll()
            field.copy()
            QTimer.singleShot(0, app.quit)
            app.exec()
            print("quit")
            """
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(script)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout.strip() == "quit"
    assert done.returncode == 0, done.stderr


def test_a_second_guard_alive_in_the_process_does_not_keep_the_copy(qapp: QApplication) -> None:
    """A guard of an earlier window not yet deleted marks the copy first; the current one still
    clears it at lock (failed in the full run, 2026-12-08, when an earlier test's guard lived on)."""
    earlier = IdleLock(10 * 60 * 1000)
    earlier.start()
    idle = IdleLock(10 * 60 * 1000)
    idle.start()
    field = QLineEdit("MARTÍNEZ DOMÍNGUEZ, Darwin A-201-923-364")
    field.selectAll()
    field.copy()
    qapp.processEvents()
    idle.stop()
    assert qapp.clipboard().text() == ""
    earlier.stop()
