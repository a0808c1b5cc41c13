"""The one date field and time field (issue 15): typed keys stay as typed, are read whole, and
refused with a message that says what to type."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QLineEdit, QVBoxLayout, QWidget

from clinic.domain.typed_dates import LIFETIME
from clinic.ui.date_input import DateInput, OptionalDateInput, check_inputs
from clinic.ui.date_text import date_pattern, date_text, long_date_text, time_text
from clinic.ui.time_input import DateTimeInput, TimeInput
from clinic.ui.translations import Translations

TODAY = date(2026, 12, 1)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    translations = Translations(qapp)
    translations.apply("es")
    yield
    translations.remove()
    QLocale.setDefault(before)


def form(qtbot, *fields: QWidget) -> tuple[QWidget, QLineEdit]:  # type: ignore[no-untyped-def]
    """The fields in a window, followed by a plain text box to move the focus to."""
    window = QWidget()
    layout = QVBoxLayout(window)
    for field in fields:
        layout.addWidget(field)
    after = QLineEdit()
    layout.addWidget(after)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window, after


def type_into(qtbot, field: DateInput | TimeInput, text: str, after: QWidget) -> None:  # type: ignore[no-untyped-def]
    field.edit.setFocus()
    qtbot.waitUntil(field.edit.hasFocus)
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(field.edit, text)
    after.setFocus()  # the focus leaves, as with Tab
    qtbot.waitUntil(lambda: not field.edit.hasFocus())


@pytest.mark.parametrize("text", ["1/15/27", "01/15/2027", "2027-01-15", "1.15.27"])
def test_typed_in_english_and_shown_with_four_digits(english, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    field = DateInput(today=lambda: TODAY)
    _, after = form(qtbot, field)
    type_into(qtbot, field, text, after)
    assert field.value() == date(2027, 1, 15)
    assert field.edit.text() == "1/15/2027"
    assert field.is_valid() and field.problem() == ""
    assert field.edit.toolTip() == "Friday, January 15, 2027"
    assert field.edit.accessibleDescription() == "Friday, January 15, 2027"


@pytest.mark.parametrize("text", ["15/1/27", "15/01/2027", "2027-01-15"])
def test_typed_in_spanish_day_first(spanish, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    field = DateInput(today=lambda: TODAY)
    _, after = form(qtbot, field)
    type_into(qtbot, field, text, after)
    assert field.value() == date(2027, 1, 15)
    assert field.edit.text() == "15/1/2027"
    assert field.edit.placeholderText() == "día/mes/año"


def test_refusal_keeps_the_text_and_says_what_to_type(english, qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateInput(today=lambda: TODAY)
    field.name_parts("dueOn", "Due on")
    _, after = form(qtbot, field)
    type_into(qtbot, field, "1/15/45", after)
    assert field.edit.text() == "1/15/45"  # nothing typed is lost
    assert field.value() is None and not field.is_valid()
    expected = (
        "Type the year in full: 1/15/2045. (Here a two-digit year means 12/1/2025 to 12/1/2036.)"
    )
    assert field.problem() == expected
    assert field.message.isVisible() and field.message.text() == expected
    assert field.edit.accessibleDescription() == expected
    # fixing it removes the message as soon as the text reads as a date
    field.edit.setFocus()
    field.edit.end(False)
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field.edit, "2045")
    assert field.value() == date(2045, 1, 15) and not field.message.isVisible()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2/30/2027", "February 2027 has only 28 days."),
        ("4/31/27", "April has at most 30 days."),
        ("13/1/2027", "There is no such month. Type month/day/year, e.g. 1/15/2026."),
        ("1/15", "Add the year: month/day/year, e.g. 1/15/2026."),
        ("soon", "This is not a date. Type month/day/year, e.g. 1/15/2026."),
        ("1/15/1850", "Type a year from 1900 to 2199."),
    ],
)
def test_refusal_words(english, qtbot, text: str, words: str) -> None:  # type: ignore[no-untyped-def]
    field = DateInput(today=lambda: TODAY)
    field.edit.setText(text)
    assert field.problem() == words


def test_ambiguous_birth_year(english, qtbot) -> None:  # type: ignore[no-untyped-def]
    field = OptionalDateInput(window=LIFETIME, today=lambda: TODAY)
    field.edit.setText("3/14/20")
    assert field.problem() == "Which century? Type the year in full: 3/14/2020 or 3/14/1920."
    field.edit.setText("3/14/90")
    assert field.value() == date(1990, 3, 14)
    field.edit.setText("")
    assert field.is_valid() and field.value() is None  # optional: empty is "not known"


def test_required_date_refuses_empty(english, qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateInput(today=lambda: TODAY)
    assert field.value() is None
    assert field.problem() == "Type the date as month/day/year, e.g. 1/15/2026."


def test_arrows_move_a_day_and_pages_a_month(english, qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateInput(date(2027, 1, 31), today=lambda: TODAY)
    _window = form(qtbot, field)
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)
    assert field.value() == date(2027, 2, 1)
    qtbot.keyClick(field.edit, Qt.Key.Key_Down)
    qtbot.keyClick(field.edit, Qt.Key.Key_PageUp)
    assert field.value() == date(2027, 2, 28)
    field.edit.setText("2/31/2027")
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)  # never steps away from what was typed
    assert field.edit.text() == "2/31/2027" and field.message.isVisible()
    empty = DateInput(today=lambda: TODAY)
    _other = form(qtbot, empty)
    empty.edit.setFocus()
    qtbot.keyClick(empty.edit, Qt.Key.Key_Up)
    assert empty.value() == date(2026, 12, 2)


def test_calendar_popup_picks_a_date(english, qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateInput(date(2027, 1, 15), today=lambda: TODAY)
    field.name_parts("hearingOn", "Date")
    _window = form(qtbot, field)
    assert field.calendar_button.accessibleName() == "Date: pick on a calendar"
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = field.window().findChild(QCalendarWidget)
    assert popup is not None and popup.isVisible()
    assert popup.selectedDate().toPython() == date(2027, 1, 15)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)  # Escape closes it, nothing changes
    assert not popup.isVisible() and field.value() == date(2027, 1, 15)
    qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)
    assert popup.isVisible()
    popup.setSelectedDate(popup.selectedDate().addDays(3))
    popup.activated.emit(popup.selectedDate())
    assert not popup.isVisible()
    assert field.value() == date(2027, 1, 18) and field.edit.text() == "1/18/2027"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9", time(9)),
        ("9:30", time(9, 30)),
        ("9:30 am", time(9, 30)),
        ("0930", time(9, 30)),
        ("14:05", time(14, 5)),
        ("2 pm", time(14)),
        ("2:05PM", time(14, 5)),
    ],
)
def test_time_typed_in_english(english, qtbot, text: str, expected: time) -> None:  # type: ignore[no-untyped-def]
    field = TimeInput()
    _, after = form(qtbot, field)
    type_into(qtbot, field, text, after)
    assert field.value() == expected
    assert field.edit.text() == time_text(expected)


def test_time_refusals_in_english(english, qtbot) -> None:  # type: ignore[no-untyped-def]
    field = TimeInput(required=False)
    _, after = form(qtbot, field)
    type_into(qtbot, field, "2:30", after)
    assert field.value() is None and field.edit.text() == "2:30"
    assert field.message.text() == "Afternoon or night? Type 2:30\u202fPM or 2:30\u202fAM."
    type_into(qtbot, field, "25:00", after)
    assert field.message.text() == "Hours go from 0 to 23. Type e.g. 2:30\u202fPM."
    type_into(qtbot, field, "", after)
    assert field.is_valid() and field.value() is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("14:05", time(14, 5)), ("9:30 a. m.", time(9, 30)), ("2 p. m.", time(14)), ("9", time(9))],
)
def test_time_typed_in_spanish(spanish, qtbot, text: str, expected: time) -> None:  # type: ignore[no-untyped-def]
    field = TimeInput()
    _, after = form(qtbot, field)
    type_into(qtbot, field, text, after)
    assert field.value() == expected


def test_time_arrows_step_a_quarter_hour(english, qtbot) -> None:  # type: ignore[no-untyped-def]
    field = TimeInput(time(9, 10))
    _window = form(qtbot, field)
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)
    assert field.value() == time(9, 15)
    qtbot.keyClick(field.edit, Qt.Key.Key_Down)
    assert field.value() == time(9, 0)
    qtbot.keyClick(field.edit, Qt.Key.Key_PageDown)
    assert field.value() == time(8, 0)


def test_check_inputs_shows_every_problem_and_focuses_the_first(english, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = DateInput(today=lambda: TODAY)
    second = TimeInput()
    hidden = DateInput(today=lambda: TODAY)
    window, _ = form(qtbot, first, second, hidden)
    hidden.hide()
    first.edit.setText("2/30/2027")
    assert not check_inputs(window)
    assert first.message.isVisible() and second.message.isVisible()
    qtbot.waitUntil(first.edit.hasFocus)
    first.edit.setText("2/28/2027")
    second.edit.setText("10")
    assert check_inputs(window)  # the hidden field does not count


def test_date_time_input(english, qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateTimeInput(datetime(2026, 3, 5, 10, 0), today=lambda: TODAY)
    field.set_names("appointmentAt", "Appointment")
    _, after = form(qtbot, field)
    assert field.date_input.edit.objectName() == "appointmentAtDateText"
    assert field.time_input.edit.accessibleName() == "Appointment: time"
    type_into(qtbot, field.date_input, "3/6/27", after)
    type_into(qtbot, field.time_input, "2:30 pm", after)
    assert field.value() == datetime(2027, 3, 6, 14, 30)


def test_shown_dates_have_four_digit_years(qapp: QApplication) -> None:
    day = date(2027, 1, 5)
    assert date_text(day, QLocale("en_US")) == "1/5/2027"
    assert date_text(day, QLocale("es_US")) == "5/1/2027"
    assert date_text(day, QLocale("es_MX")) == "05/01/2027"
    assert date_text(day, QLocale("de_DE")) == "05.01.2027"
    assert date_pattern(QLocale("en_US")) == "M/d/yyyy"
    assert long_date_text(day, QLocale("en_US")) == "Tuesday, January 5, 2027"
    assert date_text(None) == ""
