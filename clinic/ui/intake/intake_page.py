"""What the intake steps share: labelled fields, messages beside them, and "anything typed?"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from clinic.domain.problem_text import field_label
from clinic.domain.validation import FieldProblem
from clinic.ui.date_input import check_inputs, first_wrong_input, typed_texts
from clinic.ui.intake.choice_combo import ChoiceCombo
from clinic.ui.intake.choice_text import problem_message
from clinic.ui.intake.field_messages import FieldMessages, style_as_error
from clinic.ui.translations import current_language


class IntakePage(QWidget):
    """One step. Subclasses say what was typed (``snapshot``) and what is wrong (``problems``)."""

    edited = Signal()

    def __init__(self, today: Callable[[], date], *, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.today = today
        self.messages = FieldMessages()
        self.banner = QLabel()
        self.banner.setObjectName(f"{object_name}Problems")
        self.banner.setWordWrap(True)
        self.banner.hide()
        style_as_error(self.banner)
        self._pristine: object = None
        self._live = False
        self.edited.connect(self._recheck_if_live)

    # What subclasses provide -------------------------------------------------------------
    def title(self) -> str:
        raise NotImplementedError

    def snapshot(self) -> object:
        """Everything typed on the page, comparable with ``==``."""
        raise NotImplementedError

    def problems(self) -> list[FieldProblem]:
        """Problems with what is typed, keyed like the services key them."""
        raise NotImplementedError

    # Shared behaviour ----------------------------------------------------------------------
    def mark_pristine(self) -> None:
        self._pristine = (self.snapshot(), typed_texts(self))

    def has_input(self) -> bool:
        # a date typed but not (yet) read as one is input too: it must not be lost unasked
        return (self.snapshot(), typed_texts(self)) != self._pristine

    def check(self) -> bool:
        """Show the page's problems beside their fields; True when there are none.

        After a failed check every edit re-checks, so messages go away as they are fixed.
        """
        problems = self.problems()
        self.show_problems(problems)
        dates_read = check_inputs(self, focus=False)  # a date that does not read, under it
        self._live = bool(problems) or not dates_read
        return not problems and dates_read

    def show_problems(self, problems: Sequence[FieldProblem]) -> None:
        unplaced = self.messages.show((p.field, problem_message(p.code)) for p in problems)
        self.show_banner(
            [f"{field_label(key, current_language())}: {text}" for key, text in unplaced]
        )
        self._live = self._live or bool(problems)

    def show_banner(self, lines: Sequence[str]) -> None:
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))

    def focus_first_problem(self) -> None:
        widget = first_wrong_input(self) or self.messages.first_with_message()
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _recheck_if_live(self) -> None:
        if self._live:
            self.check()

    # Field builders ------------------------------------------------------------------------
    def add_row(
        self, form: QFormLayout, text: str, key: str, widget: QWidget, *, object_name: str
    ) -> None:
        """A labelled row; ``text`` may carry an &mnemonic that focuses the field."""
        widget.setObjectName(widget.objectName() or object_name)
        if not widget.accessibleName():
            widget.setAccessibleName(text.replace("&", ""))
        label = QLabel(text)
        label.setBuddy(widget)
        form.addRow(label, self.messages.attach(key, widget, object_name=object_name))

    def line_edit(self, *, max_length: int = 200, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(max_length)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self.edited)
        return edit

    def check_box(self, text: str, object_name: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(object_name)
        box.setAccessibleName(text.replace("&", ""))
        box.toggled.connect(self.edited)
        return box

    def combo(self, choices: Sequence[tuple[str, object]]) -> ChoiceCombo:
        """A drop-down of (shown text, value) pairs."""
        combo = ChoiceCombo(choices)
        combo.currentIndexChanged.connect(self.edited)
        return combo


def enum_choices(
    values: Sequence[StrEnum], text: Callable[[StrEnum], str]
) -> list[tuple[str, object]]:
    return [(text(value), value) for value in values]


def new_form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return form
