"""An A-number field: accepts any way of writing it and shows it as A-123-456-789."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit

from clinic.domain.anumber import ANumberProblem, InvalidANumber, format_a_number, parse_a_number
from clinic.domain.validation import Problem

_CODES = {
    ANumberProblem.HAS_LETTERS: Problem.A_NUMBER_HAS_LETTERS,
    ANumberProblem.WRONG_LENGTH: Problem.A_NUMBER_WRONG_LENGTH,
    ANumberProblem.ALL_ZEROS: Problem.A_NUMBER_ALL_ZEROS,
}


class ANumberEdit(QLineEdit):
    """Normalises the typed A-number when the user leaves the field and says what is wrong."""

    checked = Signal(object)  # Problem | None

    def __init__(self) -> None:
        super().__init__()
        self.setPlaceholderText(self.tr("e.g. A-123-456-789 (leave empty if none)"))
        self.setMaxLength(40)
        self.editingFinished.connect(self.normalise)

    def normalise(self) -> None:
        raw = self.text()
        if not raw.strip():
            self.checked.emit(None)
            return
        try:
            shown = format_a_number(parse_a_number(raw))
        except InvalidANumber as error:
            self.checked.emit(_CODES.get(error.problem))
            return
        if shown != raw:
            self.setText(shown)
        self.checked.emit(None)
