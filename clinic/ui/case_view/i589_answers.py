"""One answer field of the I-589 interview per kind of question (text, number, marital status,
country, date, yes/no, a several-line explanation), each giving back the value
:class:`ApplicantDetails` stores."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from clinic.domain import applicant
from clinic.domain.enums import MaritalStatus
from clinic.domain.i589_questions import AnswerKind, Question
from clinic.domain.typed_dates import CASE_FACTS, LIFETIME
from clinic.ui.case_view.case_words import word
from clinic.ui.date_input import OptionalDateInput
from clinic.ui.intake.choice_combo import ChoiceCombo
from clinic.ui.intake.iso_choices import country_choices
from clinic.ui.translations import current_language

_LIMITS = {
    "middle_name": applicant.MAX_NAME,
    "birth_city": applicant.MAX_PLACE,
    "ethnic_group": applicant.MAX_GROUP,
    "religion": applicant.MAX_GROUP,
    "passport_number": applicant.MAX_DOCUMENT,
    "travel_document_number": applicant.MAX_DOCUMENT,
    "ssn": 11,  # 123-45-6789
    "uscis_account": 14,  # typed in groups
}


class Answer(QWidget):
    """A question's input: ``value()`` / ``set_value()`` in the stored form, ``edited`` when
    the user changes it."""

    edited = Signal()

    def __init__(self, question: Question, today: Callable[[], date]) -> None:
        super().__init__()
        self.question = question
        self.setObjectName(f"i589_{question.key}")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.input = self._make(question, today)
        row.addWidget(self.input, 1)
        self.setFocusProxy(self.input)

    def _make(self, question: Question, today: Callable[[], date]) -> QWidget:
        kind, name = question.kind, question.en
        if kind in (AnswerKind.DATE, AnswerKind.FUTURE_DATE):
            window = LIFETIME if kind is AnswerKind.DATE else CASE_FACTS
            field = OptionalDateInput(window=window, today=today)
            field.set_names(f"i589_{question.key}_input", name)
            field.changed.connect(self.edited)
            return field
        if kind in (AnswerKind.MARITAL, AnswerKind.YES_NO, AnswerKind.COUNTRY):
            combo = ChoiceCombo(self._choices(kind))
            combo.setObjectName(f"i589_{question.key}_input")
            combo.setAccessibleName(name)
            combo.activated.connect(self.edited)
            return combo
        if kind is AnswerKind.EXPLANATION:
            return self._explanation(question)
        edit = QLineEdit()
        edit.setObjectName(f"i589_{question.key}_input")
        edit.setAccessibleName(name)
        edit.setMaxLength(_LIMITS.get(question.key, applicant.MAX_NAME))
        if question.key == "ssn":
            edit.setPlaceholderText(self.tr("9 digits, e.g. 123-45-6789"))
        elif question.key == "uscis_account":
            edit.setPlaceholderText(self.tr("12 digits"))
        edit.textEdited.connect(self.edited)
        return edit

    def _explanation(self, question: Question) -> QPlainTextEdit:
        """Several lines, typed in English; Tab moves on (keyboard-first, like intake)."""
        box = QPlainTextEdit()
        box.setObjectName(f"i589_{question.key}_input")
        box.setAccessibleName(question.en)
        box.setTabChangesFocus(True)
        box.setPlaceholderText(self.tr("If the answer is Yes: explain here, in English"))
        box.setFixedHeight(box.fontMetrics().lineSpacing() * 5 + 12)
        box.textChanged.connect(self.edited)
        return box

    def _choices(self, kind: AnswerKind) -> list[tuple[str, Any]]:
        empty = self.tr("— not answered —")
        if kind is AnswerKind.MARITAL:
            return [(empty, None), *((word(m), m) for m in MaritalStatus)]
        if kind is AnswerKind.YES_NO:
            return [(empty, None), (self.tr("Yes"), True), (self.tr("No"), False)]
        countries = country_choices(current_language())
        return [(empty, ""), *((c.name, c.code) for c in countries)]

    def value(self) -> Any:
        field = self.input
        if isinstance(field, OptionalDateInput | ChoiceCombo):
            return field.value()
        if isinstance(field, QPlainTextEdit):
            return field.toPlainText()
        assert isinstance(field, QLineEdit)
        return field.text()

    def set_value(self, value: Any) -> None:
        field = self.input
        if isinstance(field, OptionalDateInput | ChoiceCombo):
            field.set_value(value)
        elif isinstance(field, QPlainTextEdit):
            if field.toPlainText() != (value or ""):
                field.setPlainText(value or "")
        else:
            assert isinstance(field, QLineEdit)
            field.setText(value or "")

    def date_problem(self) -> bool:
        """True (and the problem shown) when a date field's text is not a date."""
        field = self.input
        return isinstance(field, OptionalDateInput) and not field.check()
