"""Validation messages shown right under the field they are about.

Services and validators name fields by their draft attribute (``a_number``,
``address.city``); a page registers each widget under that key, and the messages follow.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from clinic.ui.palette import Role, tint


def style_as_error(label: QLabel) -> None:
    """Red text that stays readable on light and dark palettes (and after a switch)."""
    tint(label, Role.DANGER)


class FieldMessages:
    """Keeps one message label per field key; unknown keys come back to the caller."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def attach(self, key: str, widget: QWidget, *, object_name: str) -> QWidget:
        """Return ``widget`` stacked over its (hidden) message label, ready for a layout."""
        message = QLabel()
        message.setObjectName(f"{object_name}Message")
        message.setWordWrap(True)
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.hide()
        style_as_error(message)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(message)
        box.setFocusProxy(widget)
        self._fields[key] = (widget, message)
        return box

    def keys(self) -> list[str]:
        return list(self._fields)

    def show(self, messages: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        """Replace every message with ``messages``; return those with no field here."""
        texts: dict[str, list[str]] = {}
        unplaced: list[tuple[str, str]] = []
        for key, text in messages:
            if key in self._fields:
                texts.setdefault(key, [])
                if text not in texts[key]:
                    texts[key].append(text)
            else:
                unplaced.append((key, text))
        for key in self._fields:
            self.set(key, " ".join(texts.get(key, [])))
        return unplaced

    def set(self, key: str, text: str) -> None:
        """Show ``text`` under the field ``key`` (empty text hides the message)."""
        widget, message = self._fields[key]
        message.setText(text)
        message.setVisible(bool(text))
        # Screen readers announce the description when the field takes focus.
        (widget.focusProxy() or widget).setAccessibleDescription(text)

    def message(self, key: str) -> str:
        return self._fields[key][1].text()

    def first_with_message(self) -> QWidget | None:
        """The first field (in registration order, which is the visual order) to fix."""
        for widget, message in self._fields.values():
            if message.text():
                return widget.focusProxy() or widget
        return None

    def clear(self) -> None:
        for key in self._fields:
            self.set(key, "")
