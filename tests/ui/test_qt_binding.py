"""Guards the PySide6 pin: a binding that leaks references to None would crash a long session."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLineEdit


def test_calling_qt_setters_does_not_leak_references_to_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = QLineEdit()
    qtbot.addWidget(field)
    before = sys.getrefcount(None)
    for _ in range(500):
        field.setText("a")
        field.setEnabled(True)
    assert sys.getrefcount(None) - before > -100  # 6.12.0 gives -1000 here
