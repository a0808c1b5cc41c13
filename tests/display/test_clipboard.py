"""Issue 16 § 6 on a real X display: another program (a clipboard manager) sees the app's copy
marked sensitive, the copy is gone after the store locks, and text another program copied
afterwards is left alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from harness import wait_until
from PySide6.QtWidgets import QApplication, QLineEdit

from clinic.ui.clipboard_guard import KDE_HINT
from clinic.ui.idle_lock import IdleLock

OTHER_PROGRAM = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
clipboard = app.clipboard()
if sys.argv[1] == "read":
    data = clipboard.mimeData()
    print("formats:", " ".join(data.formats()), flush=True)
    print("text:", data.text(), flush=True)
else:  # own TEXT: copy TEXT and keep the selection for a few seconds
    clipboard.setText(sys.argv[2])
    print("set", flush=True)
    QTimer.singleShot(4000, app.quit)
    app.exec()
"""


def _other(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", OTHER_PROGRAM, *args], stdout=subprocess.PIPE, text=True
    )


def _read_clipboard() -> str:
    """What another process reads (our event loop serves the X selection meanwhile)."""
    reader = _other("read")
    wait_until(lambda: reader.poll() is not None, timeout=10, message="the reader")
    assert reader.stdout is not None
    return reader.stdout.read()


def test_copy_marked_for_other_programs_and_cleared_on_lock(qapp: QApplication) -> None:
    idle = IdleLock(10 * 60 * 1000)
    idle.start()
    field = QLineEdit("MARTÍNEZ DOMÍNGUEZ, Darwin A-201-923-364")
    field.selectAll()
    field.copy()
    wait_until(lambda: qapp.clipboard().mimeData().hasFormat(KDE_HINT), message="the mark")
    seen = _read_clipboard()
    assert KDE_HINT in seen and "text: MARTÍNEZ DOMÍNGUEZ, Darwin A-201-923-364" in seen, seen
    idle.stop()  # the store locks
    after = _read_clipboard()
    assert "A-201-923-364" not in after, after


def test_another_programs_copy_survives_the_lock(qapp: QApplication, tmp_path: Path) -> None:
    idle = IdleLock(10 * 60 * 1000)
    idle.start()
    qapp.clipboard().setText("A-201-923-364")
    wait_until(lambda: qapp.clipboard().mimeData().hasFormat(KDE_HINT), message="the mark")
    owner = _other("own", "a recipe")
    assert owner.stdout is not None
    assert owner.stdout.readline().strip() == "set"
    wait_until(lambda: qapp.clipboard().text() == "a recipe", message="the other copy")
    idle.stop()
    assert "text: a recipe" in _read_clipboard()
    owner.kill()
    owner.wait()
