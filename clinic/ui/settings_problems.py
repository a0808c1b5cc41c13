"""Validation messages shown beside the field they are about (codes in, translated words out)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from clinic.domain.problem_text import describe
from clinic.domain.validation import FieldProblem
from clinic.ui.palette import Role, tint
from clinic.ui.translations import current_language


def problem_text(problem: FieldProblem) -> str:
    return describe(problem.code, current_language())


class ProblemLabels:
    """One hidden message label per field, plus a general one for problems about no shown field."""

    def __init__(self, owner: QWidget, *, prefix: str) -> None:
        self._owner = owner
        self._prefix = prefix
        self._labels: dict[str, QLabel] = {}
        self.general = self._make("general")

    def _make(self, field: str) -> QLabel:
        message = QLabel()
        message.setObjectName(f"{self._prefix}_{field}_problem")
        message.setAccessibleName(
            QCoreApplication.translate("ProblemLabels", "Problem with %1").replace("%1", field)
        )
        message.setWordWrap(True)
        tint(message, Role.DANGER)
        message.hide()
        return message

    def label_for(self, field: str) -> QLabel:
        if field not in self._labels:
            self._labels[field] = self._make(field)
        return self._labels[field]

    def beside(self, field: str, widget: QWidget) -> QWidget:
        """``widget`` with its message label right under it."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if widget.sizePolicy().horizontalPolicy() is QSizePolicy.Policy.Fixed:
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            layout.addWidget(widget)
        layout.addWidget(self.label_for(field))
        box.setFocusProxy(widget)  # the form label's mnemonic reaches the field
        return box

    def clear(self) -> None:
        for message in (*self._labels.values(), self.general):
            message.clear()
            message.hide()

    def show(self, problems: Iterable[FieldProblem]) -> None:
        self.clear()
        for problem in problems:
            message = self._labels.get(problem.field, self.general)
            text = problem_text(problem)
            message.setText(f"{message.text()}\n{text}" if message.text() else text)
            message.show()

    def visible_messages(self) -> dict[str, str]:
        shown = {f: m.text() for f, m in self._labels.items() if m.text()}
        if self.general.text():
            shown["general"] = self.general.text()
        return shown
