"""On a real display (issue 15, problem 3): dates and times typed key by key into Add deadline,
Schedule hearing and the intake are read whole, shown back with four-digit years, refused with
a message when a two-digit year cannot be placed, and saved as typed. On the first day "1/15/27"
became 12/15/27 and "2/10/2027" became 12/10/20 (pictures 46 and 36c).

QTest types into the real xcb window; one flow (the hearing) is typed through the X server with
xdotool, as a keyboard does. Screenshots: build/test-display/<test>/.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time

import pytest
from harness import focus_window, settle, shot, wait_until, xdotool_key, xdotool_type
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCalendarWidget, QWidget

from clinic.domain.enums import DeadlineOrigin, HearingKind
from clinic.services import cases, clients, deadlines, search
from clinic.ui.case_view.deadline_dialogs import AddDeadlineDialog
from clinic.ui.case_view.hearing_dialogs import ScheduleHearingDialog
from clinic.ui.intake import IntakeDialog
from clinic.ui.translations import Translations

DEFENSIVE_CASE = 2  # demo data, 12 clients, seed 7: a defensive case before a court


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
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.UnitedStates))
    yield
    translations.remove()
    QLocale.setDefault(before)


def focus(widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    wait_until(widget.hasFocus, message=f"focus in {widget.objectName()}")


def qtest_type(widget: QWidget, text: str) -> None:
    """Key by key into the real window (QTest), after selecting what the field held."""
    focus(widget)
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    QTest.keyClicks(widget, text)
    settle(0.1)


def manual_deadlines(store, case_id: int) -> list[tuple[str, date]]:  # type: ignore[no-untyped-def]
    return [
        (d.title, d.due_on)
        for d in deadlines.case_deadlines(store=store, case_id=case_id)
        if d.origin is DeadlineOrigin.MANUAL
    ]


def open_dialog(dialog: QWidget) -> None:
    dialog.open()
    focus_window(dialog)
    settle(0.2)


def test_add_deadline_typed_in_english(english, window, store) -> None:  # type: ignore[no-untyped-def]
    case = cases.get_case(store=store, case_id=DEFENSIVE_CASE)
    dialog = AddDeadlineDialog(window.session, case, window)
    open_dialog(dialog)
    dialog.origin.set_value(DeadlineOrigin.MANUAL)
    qtest_type(dialog.title, "gather country-conditions evidence")
    qtest_type(dialog.due_on.edit, "1/15/45")  # two-digit year more than ten years ahead
    QTest.keyClick(dialog.due_on.edit, Qt.Key.Key_Tab)
    wait_until(dialog.due_on.message.isVisible, message="the refusal under the date")
    assert dialog.due_on.edit.text() == "1/15/45"
    assert "Type the year in full: 1/15/2045." in dialog.due_on.message.text()
    shot("01-two-digit-year-refused")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(0.2)
    assert dialog.isVisible() and manual_deadlines(store, DEFENSIVE_CASE) == []

    qtest_type(dialog.due_on.edit, "1/15/27")  # what was typed on the first day
    QTest.keyClick(dialog.due_on.edit, Qt.Key.Key_Tab)
    wait_until(lambda: dialog.due_on.edit.text() == "1/15/2027", message="the date shown in full")
    assert not dialog.due_on.message.isVisible()
    assert dialog.due_on.edit.toolTip() == "Friday, January 15, 2027"
    shot("02-typed-1-15-27-shown-1-15-2027")
    focus(dialog.due_on.edit)
    xdotool_key("alt+Down")  # the calendar, on the typed date
    popup = dialog.findChild(QCalendarWidget)
    wait_until(lambda: popup is not None and popup.isVisible(), message="the calendar")
    assert popup.selectedDate() == QDate(2027, 1, 15)
    shot("03-calendar-on-the-typed-date")
    xdotool_key("Escape")
    wait_until(lambda: not popup.isVisible(), message="the calendar to close")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: bool(manual_deadlines(store, DEFENSIVE_CASE)), message="the deadline")
    assert manual_deadlines(store, DEFENSIVE_CASE) == [
        ("gather country-conditions evidence", date(2027, 1, 15))
    ]


def test_add_deadline_typed_in_spanish(spanish, window, store) -> None:  # type: ignore[no-untyped-def]
    case = cases.get_case(store=store, case_id=DEFENSIVE_CASE)
    dialog = AddDeadlineDialog(window.session, case, window)
    open_dialog(dialog)
    dialog.origin.set_value(DeadlineOrigin.MANUAL)
    qtest_type(dialog.title, "informe de derechos humanos")
    qtest_type(dialog.due_on.edit, "1/15/27")  # English order: there is no month 15
    QTest.keyClick(dialog.due_on.edit, Qt.Key.Key_Tab)
    wait_until(dialog.due_on.message.isVisible, message="the refusal under the date")
    assert "día/mes/año" in dialog.due_on.message.text()
    shot("01-month-first-refused-in-spanish")
    qtest_type(dialog.due_on.edit, "15/1/27")
    QTest.keyClick(dialog.due_on.edit, Qt.Key.Key_Tab)
    wait_until(lambda: dialog.due_on.edit.text() == "15/1/2027", message="the date shown in full")
    shot("02-typed-15-1-27-shown-15-1-2027")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: bool(manual_deadlines(store, DEFENSIVE_CASE)), message="the deadline")
    assert manual_deadlines(store, DEFENSIVE_CASE) == [
        ("informe de derechos humanos", date(2027, 1, 15))
    ]


def test_schedule_hearing_typed_with_the_keyboard(english, window, store) -> None:  # type: ignore[no-untyped-def]
    """Typed through the X server (xdotool): '2/10/2027' and '9:30 am', then Tab and Enter."""
    case = cases.get_case(store=store, case_id=DEFENSIVE_CASE)
    before = len(case.hearings)
    dialog = ScheduleHearingDialog(window.session, case, window)
    open_dialog(dialog)
    dialog.kind.set_value(HearingKind.INDIVIDUAL)
    focus(dialog.on.edit)
    xdotool_key("ctrl+a")
    xdotool_type("2/10/2027")
    xdotool_key("Tab")  # the natural tab order: date, then time
    wait_until(dialog.at.edit.hasFocus, message="Tab to move from the date to the time")
    assert dialog.on.edit.text() == "2/10/2027"
    xdotool_key("ctrl+a")
    xdotool_type("2:30")  # afternoon or night? asked, not guessed
    xdotool_key("Tab")
    wait_until(dialog.at.message.isVisible, message="the time refusal")
    assert "2:30\u202fPM or 2:30\u202fAM" in dialog.at.message.text()
    shot("01-time-am-or-pm-asked")
    focus(dialog.at.edit)
    xdotool_key("ctrl+a")
    xdotool_type("9:30 am")
    xdotool_key("Tab")
    wait_until(lambda: not dialog.at.message.isVisible(), message="the time to read")
    shot("02-date-and-time-typed")
    focus(dialog.at.edit)
    xdotool_key("Return")  # Enter saves the dialog (its default button)
    wait_until(
        lambda: len(cases.get_case(store=store, case_id=DEFENSIVE_CASE).hearings) > before,
        message="the hearing to be saved",
    )
    saved = [
        h
        for h in cases.get_case(store=store, case_id=DEFENSIVE_CASE).hearings
        if h.on == date(2027, 2, 10)
    ]
    assert [(h.kind, h.at) for h in saved] == [(HearingKind.INDIVIDUAL, time(9, 30))]


def test_intake_dates_typed(english, window, store) -> None:  # type: ignore[no-untyped-def]
    dialog = IntakeDialog(window.session, window)
    open_dialog(dialog)
    page = dialog.client_page
    qtest_type(page.family_name, "Condori")
    qtest_type(page.given_name, "Amaru")
    qtest_type(page.date_of_birth.edit, "3/14/20")  # 1920 or 2020?
    QTest.keyClick(page.date_of_birth.edit, Qt.Key.Key_Tab)
    wait_until(page.date_of_birth.message.isVisible, message="the birth-date refusal")
    assert "3/14/2020 or 3/14/1920" in page.date_of_birth.message.text()
    QTest.keyClick(page.family_name, Qt.Key.Key_Return)  # Next: refused, focus on the date
    settle(0.2)
    assert dialog.current_step() == 0 and page.date_of_birth.edit.hasFocus()
    shot("01-birth-century-asked")
    qtest_type(page.date_of_birth.edit, "3/14/90")
    qtest_type(page.last_arrival_on.edit, "2019-06-01")
    QTest.keyClick(page.last_arrival_on.edit, Qt.Key.Key_Tab)
    wait_until(lambda: page.date_of_birth.edit.text() == "3/14/1990", message="birth in full")
    assert page.last_arrival_on.edit.text() == "6/1/2019"
    page.date_of_birth.edit.setFocus()
    settle(0.2)
    shot("02-birth-and-arrival-shown-in-full")
    QTest.keyClick(page.family_name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    case_page = dialog.case_page
    wait_until(lambda: dialog.current_step() > 0, message="the next step")
    case_page.claim_radios[next(iter(case_page.claim_radios))].setChecked(True)
    qtest_type(case_page.forum_name, "Houston Asylum Office")
    QTest.keyClick(case_page.forum_name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: dialog.conflict_page.ready, timeout=15, message="the conflict check")
    settle(0.3)
    if dialog.save_button.isEnabled():
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.created_case_id is not None, message="the intake to be saved")
    hit = search.search_clients(store=store, text="condori amaru")[0]
    saved = clients.get_client(store=store, client_id=hit.id)
    assert (saved.date_of_birth, saved.last_arrival_on) == (date(1990, 3, 14), date(2019, 6, 1))
