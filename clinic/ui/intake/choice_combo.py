"""A drop-down that gives back the Python value of the chosen item.

Qt stores item data as QVariant, which turns a StrEnum into a plain str; keeping the values
on the Python side returns the enum member itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox


class ChoiceCombo(QComboBox):
    def __init__(self, choices: Sequence[tuple[str, Any]] = ()) -> None:
        super().__init__()
        self._values: list[Any] = []
        for text, value in choices:
            self.add_choice(text, value)
        # The wheel turned over a long form (the I-589 tab) scrolls the form: it never changes
        # an answer the pointer happens to pass over, nor takes the focus. Once chosen (a click
        # or Tab), the wheel turns the choice as before.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # to the scroll area around it

    def add_choice(self, text: str, value: Any) -> None:
        self.addItem(text)
        self._values.append(value)

    def value(self) -> Any:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def set_value(self, value: Any) -> None:
        if value in self._values:
            self.setCurrentIndex(self._values.index(value))
