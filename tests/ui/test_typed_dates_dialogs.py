"""Every dialog that takes a date or a time, typed into key by key as a person would (issue 15,
problem 3): "1/15/27" became December 15 in Add deadline and "2/10/2027" became 2020 in the
hearing date. Each test types into the field, saves, and reads what was stored.

English (month first) and Spanish (day first, es_US); two-digit years outside a field's window
are refused with a message and nothing is saved.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from clinic.domain.drafts import CaseDraft, ClientDraft, DeadlineDraft, HearingDraft
from clinic.domain.enums import ClaimType, DeadlineOrigin, HearingKind
from clinic.domain.ids import CaseId
from clinic.services import cases, clients, deadlines, lifecycle, schedule, search, settings
from clinic.storage.models import CaseFact
from clinic.storage.store import Store
from clinic.ui.case_view.case_view_page import CaseViewPage
from clinic.ui.case_view.client_dialogs import EditClientDialog
from clinic.ui.case_view.deadline_dialogs import AddDeadlineDialog, CaseFactDialog
from clinic.ui.case_view.hearing_dialogs import ScheduleHearingDialog
from clinic.ui.cases_page import CasesPage
from clinic.ui.docket_dialog import DocketDialog
from clinic.ui.export_dialogs import CalendarExportDialog
from clinic.ui.handout_dialog import HandoutDialog
from clinic.ui.intake import IntakeDialog
from clinic.ui.intake.intake_dialog import CONFLICT_STEP
from clinic.ui.session import UiSession
from clinic.ui.settings_page import SettingsPage
from clinic.ui.today_page import TodayPage
from clinic.ui.translations import Translations

TODAY = date(2026, 12, 7)
JAN_15_2027 = date(2027, 1, 15)
ENGLISH_TYPED = ("1/15/27", "01/15/2027", "2027-01-15")
SPANISH_TYPED = ("15/1/27", "15/01/2027", "2027-01-15")


# -- fixtures -------------------------------------------------------------------------------


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = QLocale()
    translations = Translations(qapp)
    translations.apply(request.param)
    if request.param == "en":  # the computer's own English may write dates day first
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.UnitedStates))
    yield request.param
    translations.remove()
    QLocale.setDefault(before)


def typed_forms(language: str) -> tuple[str, ...]:
    return ENGLISH_TYPED if language == "en" else SPANISH_TYPED


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "d")
    opened = lifecycle.init_store(data_dir=data_dir, passphrase="correct horse battery", actor="t")
    yield opened
    opened.lock()


@pytest.fixture
def session(store: Store) -> UiSession:
    return UiSession(store, today=lambda: TODAY)


def new_case(store: Store) -> CaseId:
    client_id = clients.intake_client(
        store=store, client=ClientDraft("Quispe", "Rosalía"), today=TODAY
    ).unwrap()
    return cases.open_case(
        store=store,
        client_id=client_id,
        case=CaseDraft(ClaimType.DEFENSIVE, forum_name="Houston Immigration Court"),
        today=TODAY,
    ).unwrap()


@pytest.fixture
def host(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    """The case dialogs' parent: they delete themselves on close, the host at teardown."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def shown(qtbot, dialog: QWidget, *, own: bool = True) -> QWidget:  # type: ignore[no-untyped-def]
    if own:
        qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def type_into(qtbot, field: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Click into the field, select what it holds and type ``text`` key by key."""
    target = getattr(field, "edit", field)  # the date field's text box
    target.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(target.hasFocus)
    if isinstance(target, QLineEdit):
        target.selectAll()
        qtbot.keyClick(target, Qt.Key.Key_Delete)
    qtbot.keyClicks(target, text)


def tab_away(qtbot, field: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(getattr(field, "edit", field), Qt.Key.Key_Tab)


def click_save(qtbot, dialog) -> bool:  # type: ignore[no-untyped-def]
    """Click Save; True when the dialog accepted (saved and closed)."""
    accepted: list[bool] = []
    dialog.accepted.connect(lambda: accepted.append(True))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return bool(accepted)


# -- case view dialogs ----------------------------------------------------------------------


@pytest.mark.parametrize("form", range(3))
def test_add_deadline_typed_due_date(qtbot, language, session, store, host, form: int) -> None:  # type: ignore[no-untyped-def]
    text = typed_forms(language)[form]
    case_id = new_case(store)
    dialog = shown(
        qtbot,
        AddDeadlineDialog(session, cases.get_case(store=store, case_id=case_id), host),
        own=False,
    )
    dialog.origin.set_value(DeadlineOrigin.MANUAL)
    qtbot.keyClicks(dialog.title, "Country-conditions evidence")
    type_into(qtbot, dialog.due_on, text)
    tab_away(qtbot, dialog.due_on)
    assert dialog.due_on.edit.text() == ("1/15/2027" if language == "en" else "15/1/2027")
    assert click_save(qtbot, dialog)
    manual = [
        d
        for d in deadlines.case_deadlines(store=store, case_id=case_id)
        if d.origin is DeadlineOrigin.MANUAL
    ]
    assert [(d.title, d.due_on) for d in manual] == [("Country-conditions evidence", JAN_15_2027)]


def test_add_deadline_refuses_a_year_outside_the_window(
    qtbot, language, session, store, host
) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    dialog = shown(
        qtbot,
        AddDeadlineDialog(session, cases.get_case(store=store, case_id=case_id), host),
        own=False,
    )
    dialog.origin.set_value(DeadlineOrigin.MANUAL)
    qtbot.keyClicks(dialog.title, "Brief")
    typed = "1/15/45" if language == "en" else "15/1/45"
    type_into(qtbot, dialog.due_on, typed)
    assert not click_save(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.due_on.edit.text() == typed  # nothing typed is lost
    full = "1/15/2045" if language == "en" else "15/1/2045"
    assert full in dialog.due_on.message.text() and dialog.due_on.message.isVisible()
    assert dialog.due_on.edit.hasFocus()
    assert not [
        d
        for d in deadlines.case_deadlines(store=store, case_id=case_id)
        if d.origin is DeadlineOrigin.MANUAL
    ]
    type_into(qtbot, dialog.due_on, full)  # typed in full, it is taken as typed
    assert click_save(qtbot, dialog)


def test_add_deadline_refuses_an_impossible_day(qtbot, language, session, store, host) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    dialog = shown(
        qtbot,
        AddDeadlineDialog(session, cases.get_case(store=store, case_id=case_id), host),
        own=False,
    )
    qtbot.keyClicks(dialog.title, "Brief")
    type_into(qtbot, dialog.due_on, "2/30/2027" if language == "en" else "30/2/2027")
    assert not click_save(qtbot, dialog)
    assert dialog.isVisible()
    words = "February 2027 has only 28 days." if language == "en" else "febrero de 2027"
    assert words in dialog.due_on.message.text()


@pytest.mark.parametrize("form", range(3))
def test_schedule_hearing_typed_date_and_time(
    qtbot, language, session, store, host, form: int
) -> None:  # type: ignore[no-untyped-def]
    text = typed_forms(language)[form]
    at_text = (
        ("9:30 am", "2:05PM", "14:05")[form]
        if language == "en"
        else (
            "9:30 a. m.",
            "2:05 p. m.",
            "14:05",
        )[form]
    )
    case_id = new_case(store)
    dialog = shown(
        qtbot,
        ScheduleHearingDialog(session, cases.get_case(store=store, case_id=case_id), host),
        own=False,
    )
    dialog.kind.set_value(HearingKind.MASTER_CALENDAR)
    type_into(qtbot, dialog.on, text)
    type_into(qtbot, dialog.at, at_text)
    tab_away(qtbot, dialog.at)
    assert click_save(qtbot, dialog)
    hearing = cases.get_case(store=store, case_id=case_id).hearings[0]
    assert hearing.on == JAN_15_2027
    assert hearing.at == (time(9, 30), time(14, 5), time(14, 5))[form]


def test_the_first_days_hearing_date(qtbot, language, session, store, host) -> None:  # type: ignore[no-untyped-def]
    """'2/10/2027' typed into the hearing date became 12/10/20 (picture 36c)."""
    case_id = new_case(store)
    dialog = shown(
        qtbot,
        ScheduleHearingDialog(session, cases.get_case(store=store, case_id=case_id), host),
        own=False,
    )
    type_into(qtbot, dialog.on, "2/10/2027" if language == "en" else "10/2/2027")
    assert click_save(qtbot, dialog)
    assert cases.get_case(store=store, case_id=case_id).hearings[0].on == date(2027, 2, 10)


def test_schedule_hearing_refuses_a_time_it_cannot_read(
    qtbot, language, session, store, host
) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    dialog = shown(
        qtbot,
        ScheduleHearingDialog(session, cases.get_case(store=store, case_id=case_id), host),
        own=False,
    )
    type_into(qtbot, dialog.at, "9:75")
    assert not click_save(qtbot, dialog)
    assert dialog.isVisible() and dialog.at.message.isVisible()
    assert cases.get_case(store=store, case_id=case_id).hearings == ()
    type_into(qtbot, dialog.at, "")  # a hearing's time may stay unknown
    assert click_save(qtbot, dialog)
    assert cases.get_case(store=store, case_id=case_id).hearings[0].at is None


def test_case_fact_typed_date(qtbot, language, session, store, host) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    dialog = shown(
        qtbot,
        CaseFactDialog(session, cases.get_case(store=store, case_id=case_id), host),
        own=False,
    )
    type_into(qtbot, dialog.on, "6/1/26" if language == "en" else "1/6/26")
    assert click_save(qtbot, dialog)
    with store.unit_of_work() as s:
        assert [fact.on for fact in s.query(CaseFact)] == [date(2026, 6, 1)]


def test_edit_client_typed_birth_and_arrival(qtbot, language, session, store, host) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    client_id = cases.get_case(store=store, case_id=case_id).client.id
    dialog = shown(
        qtbot,
        EditClientDialog(session, clients.get_client(store=store, client_id=client_id), host),
        own=False,
    )
    type_into(qtbot, dialog.date_of_birth, "3/14/90" if language == "en" else "14/3/90")
    type_into(qtbot, dialog.last_arrival_on, "2019-06-01")
    assert click_save(qtbot, dialog)
    saved = clients.get_client(store=store, client_id=client_id)
    assert (saved.date_of_birth, saved.last_arrival_on) == (date(1990, 3, 14), date(2019, 6, 1))


def test_edit_client_refuses_a_century_it_cannot_tell(
    qtbot, language, session, store, host
) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    client_id = cases.get_case(store=store, case_id=case_id).client.id
    dialog = shown(
        qtbot,
        EditClientDialog(session, clients.get_client(store=store, client_id=client_id), host),
        own=False,
    )
    type_into(qtbot, dialog.date_of_birth, "3/14/20" if language == "en" else "14/3/20")
    assert not click_save(qtbot, dialog)
    assert dialog.isVisible()
    both = ("3/14/2020", "3/14/1920") if language == "en" else ("14/3/2020", "14/3/1920")
    assert all(year in dialog.date_of_birth.message.text() for year in both)
    assert clients.get_client(store=store, client_id=client_id).date_of_birth is None
    type_into(qtbot, dialog.date_of_birth, "")  # an unknown birth date stays unknown
    assert click_save(qtbot, dialog)


# -- dialogs of the pages -------------------------------------------------------------------


@pytest.mark.parametrize("form", range(3))
def test_closure_day_typed(qtbot, language, session, store, form: int) -> None:  # type: ignore[no-untyped-def]
    page = SettingsPage(session)
    page.resize(1280, 800)
    page.reload()
    shown(qtbot, page)
    editor = page.closures
    type_into(qtbot, editor.date_edit, typed_forms(language)[form])
    qtbot.keyClicks(editor.reason, "Snow")
    qtbot.keyClick(editor.reason, Qt.Key.Key_Return)
    assert editor.model.as_settings() == {"2027-01-15": "Snow"}
    with qtbot.waitSignal(page.background.saved, timeout=10000):  # closures: recompute
        assert page.save()
    assert settings.get_settings(store=store).closure_days == {"2027-01-15": "Snow"}


def test_closure_day_refused(qtbot, language, session) -> None:  # type: ignore[no-untyped-def]
    page = SettingsPage(session)
    page.reload()
    shown(qtbot, page)
    editor = page.closures
    type_into(qtbot, editor.date_edit, "1/15/45" if language == "en" else "15/1/45")
    qtbot.keyClicks(editor.reason, "Snow")
    qtbot.keyClick(editor.reason, Qt.Key.Key_Return)
    assert editor.model.as_settings() == {}
    full = "1/15/2045" if language == "en" else "15/1/2045"
    assert not editor.date_edit.message.isHidden() and full in editor.date_edit.message.text()


@pytest.mark.parametrize("form", range(3))
def test_docket_range_typed(qtbot, language, session, form: int) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(qtbot, DocketDialog(TODAY, TODAY, [], today=session.today))
    type_into(qtbot, dialog.end_edit, typed_forms(language)[form])
    type_into(qtbot, dialog.start_edit, "12/8/26" if language == "en" else "8/12/26")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.start, dialog.end) == (date(2026, 12, 8), JAN_15_2027)


def test_docket_range_refused(qtbot, language, session) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(qtbot, DocketDialog(TODAY, TODAY, [], today=session.today))
    type_into(qtbot, dialog.end_edit, "1/15/45" if language == "en" else "15/1/45")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.end_edit.message.isVisible()


@pytest.mark.parametrize("form", range(3))
def test_calendar_export_range_typed(qtbot, language, form: int) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(qtbot, CalendarExportDialog(TODAY, []))
    type_into(qtbot, dialog.end_edit, typed_forms(language)[form])
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    calendar = dialog.calendar_filter()
    assert (calendar.start, calendar.end) == (TODAY, JAN_15_2027)


def test_calendar_export_range_refused(qtbot, language) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(qtbot, CalendarExportDialog(TODAY, []))
    type_into(qtbot, dialog.start_edit, "13/13/27")
    dialog.accept()
    assert dialog.isVisible() and dialog.start_edit.message.isVisible()


@pytest.mark.parametrize("form", range(3))
def test_handout_appointment_typed(qtbot, language, form: int) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(qtbot, HandoutDialog(today=lambda: TODAY))
    dialog.kind.setCurrentIndex(dialog.kind.findData("appointment-slip"))
    type_into(qtbot, dialog.at.date_input, typed_forms(language)[form])
    type_into(qtbot, dialog.at.time_input, "2 pm" if language == "en" else "14:00")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    appointment = dialog.choice()[3]
    assert appointment is not None and appointment.at == datetime(2027, 1, 15, 14, 0)


def test_handout_appointment_refused(qtbot, language) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(qtbot, HandoutDialog(today=lambda: TODAY))
    dialog.kind.setCurrentIndex(dialog.kind.findData("appointment-slip"))
    type_into(qtbot, dialog.at.time_input, "2:30")
    dialog.accept()
    assert dialog.isVisible() and dialog.at.time_input.message.isVisible()
    if language == "en":  # a 12-hour clock asks which half of the day
        assert "PM" in dialog.at.time_input.message.text()


# -- intake ---------------------------------------------------------------------------------


def click_choice(qtbot, button: QAbstractButton) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


@pytest.mark.parametrize(
    ("born", "arrived", "filed"),
    [
        (("3/14/90", "14/3/90"), ("2019-06-01", "2019-06-01"), ("1/15/26", "15/1/26")),
        (("03/14/1990", "14/03/1990"), ("6/1/2019", "1/6/2019"), ("01/15/2026", "15/01/2026")),
        (("1990-03-14", "1990-03-14"), ("06/01/2019", "01/06/2019"), ("2026-01-15", "2026-01-15")),
    ],
)
def test_intake_typed_dates(qtbot, language, session, store, born, arrived, filed) -> None:  # type: ignore[no-untyped-def]
    pick = 0 if language == "en" else 1
    dialog = IntakeDialog(session)
    qtbot.addWidget(dialog, before_close_func=lambda widget: widget.discard())
    shown(qtbot, dialog, own=False)
    page = dialog.client_page
    qtbot.keyClicks(page.family_name, "Mamani")
    type_into(qtbot, page.date_of_birth, born[pick])
    type_into(qtbot, page.last_arrival_on, arrived[pick])
    qtbot.keyClick(
        page.last_arrival_on.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    case_page = dialog.case_page
    click_choice(qtbot, case_page.claim_radios[ClaimType.AFFIRMATIVE])
    qtbot.keyClicks(case_page.forum_name, "Houston Asylum Office")
    type_into(qtbot, case_page.filed_on, filed[pick])
    dialog.go_to(CONFLICT_STEP)
    assert dialog.current_step() == CONFLICT_STEP
    qtbot.waitUntil(lambda: dialog.conflict_page.ready, timeout=10_000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.created_case_id is not None
    hit = search.search_clients(store=store, text="mamani")[0]
    saved = clients.get_client(store=store, client_id=hit.id)
    assert (saved.date_of_birth, saved.last_arrival_on) == (date(1990, 3, 14), date(2019, 6, 1))
    assert cases.get_case(store=store, case_id=dialog.created_case_id).filed_on == date(2026, 1, 15)


def test_intake_refuses_a_birth_year_it_cannot_place(qtbot, language, session, store) -> None:  # type: ignore[no-untyped-def]
    dialog = IntakeDialog(session)
    qtbot.addWidget(dialog, before_close_func=lambda widget: widget.discard())
    shown(qtbot, dialog, own=False)
    page = dialog.client_page
    qtbot.keyClicks(page.family_name, "Mamani")
    typed = "1/15/20" if language == "en" else "15/1/20"
    type_into(qtbot, page.date_of_birth, typed)
    qtbot.keyClick(page.family_name, Qt.Key.Key_Return)  # Next
    assert dialog.current_step() == 0  # the step does not move on
    assert page.date_of_birth.edit.text() == typed
    assert page.date_of_birth.message.isVisible()
    assert page.date_of_birth.edit.hasFocus()
    assert dialog.client_page.has_input()
    # family member's birth date: the same field, the same window
    type_into(qtbot, page.date_of_birth, "1/15/1920" if language == "en" else "15/1/1920")
    qtbot.keyClick(page.family_name, Qt.Key.Key_Return)
    assert dialog.current_step() == 1
    family = dialog.family_page
    qtbot.mouseClick(family.add_member_button, Qt.MouseButton.LeftButton)
    member = family.members[0]
    qtbot.waitUntil(member.isVisible)
    qtbot.keyClicks(member.family_name, "Mamani")
    type_into(qtbot, member.date_of_birth, "2/30/2010" if language == "en" else "30/2/2010")
    qtbot.keyClick(member.family_name, Qt.Key.Key_Return)
    assert dialog.current_step() == 1 and member.date_of_birth.message.isVisible()
    type_into(qtbot, member.date_of_birth, "2/3/10" if language == "en" else "3/2/10")
    assert member.date_of_birth.value() == date(2010, 2, 3)


# -- dates shown: four-digit years everywhere -------------------------------------------------

TWO_DIGIT_YEAR = re.compile(r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-]\d{2}(?![\d/.-])")
QT_UI = Path(__file__).resolve().parents[2] / "clinic" / "ui"


def texts_of(widget: QWidget) -> list[str]:
    """Every label, and every cell of every table, under ``widget``."""
    found = [label.text() for label in widget.findChildren(QLabel)]
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                value = model.index(row, column).data()
                if isinstance(value, str):
                    found.append(value)
    return found


def test_tables_and_labels_show_four_digit_years(qtbot, language, session, store) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)
    schedule.schedule_hearing(
        store=store,
        case_id=case_id,
        hearing=HearingDraft(HearingKind.MASTER_CALENDAR, JAN_15_2027, time(9, 0)),
    ).unwrap()
    schedule.record_deadline(
        store=store,
        case_id=case_id,
        deadline=DeadlineDraft("manual", "Brief", date(2026, 12, 1), DeadlineOrigin.MANUAL),
    ).unwrap()
    page = CaseViewPage(session)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.show_case(case_id)
    cases_page = CasesPage(session)
    qtbot.addWidget(cases_page)
    cases_page.reload()
    today = TodayPage(session)
    qtbot.addWidget(today)
    today.reload()
    shown_texts = texts_of(page) + texts_of(cases_page) + texts_of(today)
    jan_15 = "1/15/2027" if language == "en" else "15/1/2027"
    assert any(jan_15 in text for text in shown_texts)
    assert [t for t in shown_texts if TWO_DIGIT_YEAR.search(t)] == []


def test_no_short_date_format_left_in_the_window_code() -> None:
    """Qt's short date format has a two-digit year: dates go through clinic.ui.date_text."""
    offenders = []
    for path in sorted(QT_UI.rglob("*.py")):
        if path.name == "date_text.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "ShortFormat" in line and re.search(r"[Dd]ate|dateFormat", line):
                offenders.append(f"{path.relative_to(QT_UI)}:{number}: {line.strip()}")
    assert offenders == []
