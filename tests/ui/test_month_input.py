"""The month field (issue 23; the I-589's Part A.III asks "Mo/Yr"): typed mm/yyyy, shown
mm/yyyy, and refused in words (English and Spanish) when the text is not a month; the digits
typed are never moved to another part ("1/15/27" is not cut to a month, "5/19" not guessed)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from clinic.ui.month_input import MonthInput
from tests.ui.test_date_input import english as english  # noqa: PLC0414 (fixtures)
from tests.ui.test_date_input import form
from tests.ui.test_date_input import spanish as spanish  # noqa: PLC0414

TODAY = date(2026, 12, 1)


def type_month(qtbot, field: MonthInput, text: str, after) -> None:  # type: ignore[no-untyped-def]
    field.edit.setFocus()
    qtbot.waitUntil(field.edit.hasFocus)
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(field.edit, text)
    after.setFocus()  # the focus leaves: the text is tidied or its problem shown
    qtbot.waitUntil(after.hasFocus)


@pytest.mark.parametrize(
    ("text", "shown", "value"),
    [
        ("3/2019", "03/2019", date(2019, 3, 1)),
        ("11-2024", "11/2024", date(2024, 11, 1)),
        ("2019-03", "03/2019", date(2019, 3, 1)),
        ("", "", None),
    ],
)
def test_a_month_typed_is_kept_and_shown_as_mm_yyyy(  # type: ignore[no-untyped-def]
    english, qtbot, text: str, shown: str, value: date | None
) -> None:
    field = MonthInput(today=lambda: TODAY)
    _window, after = form(qtbot, field)
    assert field.edit.placeholderText() == "mm/yyyy, or leave empty"
    type_month(qtbot, field, text, after)
    assert (field.edit.text(), field.value()) == (shown, value)
    assert field.check() and field.message.isHidden()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1/15/27", "keeps only the month and the year"),
        ("5/19", "four digits"),
        ("13/2019", "from 1 to 12"),
        ("marzo", "not a month"),
    ],
)
def test_what_is_not_a_month_stays_as_typed_with_what_to_type(  # type: ignore[no-untyped-def]
    english, qtbot, text: str, words: str
) -> None:
    field = MonthInput(today=lambda: TODAY)
    _window, after = form(qtbot, field)
    type_month(qtbot, field, text, after)
    assert field.edit.text() == text  # never rewritten
    assert field.value() is None and not field.message.isHidden()
    assert words in field.message.text() and "mm/yyyy, e.g. 03/2025" in field.message.text()
    assert not field.check()


def test_up_and_page_down_move_a_month_and_a_year(english, qtbot) -> None:  # type: ignore[no-untyped-def]
    field = MonthInput(today=lambda: TODAY)
    _window, after = form(qtbot, field)
    type_month(qtbot, field, "12/2019", after)
    field.edit.setFocus()
    qtbot.waitUntil(field.edit.hasFocus)
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)
    assert field.edit.text() == "01/2020"
    qtbot.keyClick(field.edit, Qt.Key.Key_PageDown)
    assert field.edit.text() == "01/2019"


def test_the_month_field_in_spanish(spanish, qtbot) -> None:  # type: ignore[no-untyped-def]
    field = MonthInput(today=lambda: TODAY)
    _window, after = form(qtbot, field)
    assert field.edit.placeholderText() == "mm/aaaa, o déjelo vacío"
    type_month(qtbot, field, "1/15/27", after)
    assert field.message.text() == (
        "Este campo guarda solo el mes y el año: escriba mm/aaaa, p. ej., 03/2025."
    )
