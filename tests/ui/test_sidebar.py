"""The navigation sidebar (issue 15): clicks, arrows and Enter *request* a page and never switch
it; focus reaching the list requests nothing; the counts are the Today services' figures."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from clinic.domain.drafts import HearingDraft
from clinic.domain.enums import ClaimType, HearingKind
from clinic.services import deadlines, lifecycle, schedule, search
from clinic.services.demo import fill_demo_data
from clinic.services.dto import CaseSummary
from clinic.storage.store import Store
from clinic.ui.icons import Glyph
from clinic.ui.palette import Role
from clinic.ui.sidebar import (
    BADGE_ROLE,
    NavEntry,
    Sidebar,
    TodayCounts,
    badge_text,
    today_counts,
)

TODAY = date(2026, 12, 7)
ENTRIES = [
    NavEntry("today", "Today", Glyph.TODAY, "Ctrl+1", counted=True),
    NavEntry("cases", "Cases", Glyph.CASES, "Ctrl+2"),
    NavEntry("calendar", "Calendar", Glyph.CALENDAR, "Ctrl+3", counted=True),
    NavEntry("settings", "Settings", Glyph.SETTINGS, "Ctrl+4"),
]


@pytest.fixture
def bar(qtbot) -> Iterator[tuple[QWidget, Sidebar, list[str]]]:  # type: ignore[no-untyped-def]
    """A sidebar next to a text field (somewhere else for focus to be), recording requests."""
    host = QWidget()
    layout = QVBoxLayout(host)
    field = QLineEdit()
    field.setObjectName("elsewhere")
    sidebar = Sidebar(ENTRIES)
    layout.addWidget(field)
    layout.addWidget(sidebar)
    requested: list[str] = []
    sidebar.page_requested.connect(requested.append)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    yield host, sidebar, requested


def row_centre(sidebar: Sidebar, row: int) -> QPoint:
    return sidebar.list.visualRect(sidebar.model.index(row, 0)).center()


def test_a_click_requests_the_page_and_leaves_the_marking_to_the_window(bar, qtbot) -> None:  # type: ignore[no-untyped-def]
    _host, sidebar, requested = bar
    sidebar.set_current("today")
    qtbot.mouseClick(sidebar.list.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(sidebar, 2))
    assert requested == ["calendar"]
    assert sidebar.current() == "today", "only the window says which page shows"
    assert [i.row() for i in sidebar.list.selectionModel().selectedRows()] == [0]
    sidebar.set_current("calendar")
    assert [i.row() for i in sidebar.list.selectionModel().selectedRows()] == [2]
    assert requested == ["calendar"], "marking the page is not a request"


def test_arrows_home_end_and_enter_request_pages(bar, qtbot) -> None:  # type: ignore[no-untyped-def]
    _host, sidebar, requested = bar
    sidebar.set_current("cases")
    sidebar.list.setFocus()
    qtbot.keyClick(sidebar.list, Qt.Key.Key_Down)
    assert requested == ["calendar"]
    sidebar.set_current("calendar")
    qtbot.keyClick(sidebar.list, Qt.Key.Key_Up)
    qtbot.keyClick(sidebar.list, Qt.Key.Key_End)
    qtbot.keyClick(sidebar.list, Qt.Key.Key_Home)
    assert requested == ["calendar", "cases", "settings", "today"]
    qtbot.keyClick(sidebar.list, Qt.Key.Key_Return)
    qtbot.keyClick(sidebar.list, Qt.Key.Key_Space)
    assert requested[-2:] == ["today", "today"]


def test_a_refused_switch_leaves_the_old_page_marked(bar, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Settings with unsaved edits refuses to be left: the window does not call set_current,
    and the sidebar still marks Settings."""
    _host, sidebar, requested = bar
    sidebar.set_current("settings")
    sidebar.list.setFocus()
    qtbot.keyClick(sidebar.list, Qt.Key.Key_Up)
    assert requested == ["calendar"]
    assert sidebar.current() == "settings"
    assert [i.row() for i in sidebar.list.selectionModel().selectedRows()] == [3]


@pytest.mark.parametrize("reason", [Qt.FocusReason.TabFocusReason, Qt.FocusReason.OtherFocusReason])
def test_focus_reaching_the_sidebar_requests_nothing(bar, qtbot, reason) -> None:  # type: ignore[no-untyped-def]
    """On a case page no row is marked; focus falling to the list (Tab, a hidden page) must not
    pick its first row, as the old list did (the first-day bug: Today under a case)."""
    host, sidebar, requested = bar
    sidebar.set_current(None)
    host.findChild(QLineEdit, "elsewhere").setFocus()
    sidebar.list.setFocus(reason)
    qtbot.waitUntil(sidebar.list.hasFocus)
    host.findChild(QLineEdit, "elsewhere").setFocus()
    sidebar.list.setFocus(reason)
    assert requested == []
    assert sidebar.current() is None
    assert sidebar.list.selectionModel().selectedRows() == []


def test_counts_show_as_badges_with_words_for_screen_readers(bar) -> None:  # type: ignore[no-untyped-def]
    _host, sidebar, _requested = bar
    sidebar.show_today_counts(TodayCounts(overdue=8, hearings_today=1))
    assert sidebar.count_text("today") == "8"
    assert sidebar.count_text("calendar") == "1"
    assert sidebar.count_text("cases") == ""
    today = sidebar.model.item(0)
    assert today.data(BADGE_ROLE) == ("8", Role.DANGER)
    assert today.data(Qt.ItemDataRole.AccessibleTextRole) == "Today, overdue deadlines: 8"
    calendar = sidebar.model.item(2)
    assert calendar.data(Qt.ItemDataRole.AccessibleTextRole) == "Calendar, hearings today: 1"
    sidebar.show_today_counts(TodayCounts(overdue=0, hearings_today=0))
    assert sidebar.count_text("today") == ""
    assert today.data(Qt.ItemDataRole.AccessibleTextRole) == "Today"
    sidebar.show_today_counts(TodayCounts(overdue=12345, hearings_today=0))
    assert sidebar.count_text("today") == badge_text(12345) == "99+"
    assert QLocale().toString(12345) in sidebar.model.item(0).toolTip()
    sidebar.clear_counts()
    assert sidebar.count_text("today") == ""


def test_the_current_page_is_named_for_screen_readers(bar) -> None:  # type: ignore[no-untyped-def]
    _host, sidebar, _requested = bar
    sidebar.set_current("cases")
    description = Qt.ItemDataRole.AccessibleDescriptionRole
    assert sidebar.model.item(1).data(description) == "current page"
    assert sidebar.model.item(0).data(description) == ""
    assert sidebar.accessibleName() == "Navigation"


def test_action_buttons_use_the_action(bar, qtbot) -> None:  # type: ignore[no-untyped-def]
    host, sidebar, _requested = bar
    triggered: list[bool] = []
    action = QAction("New intake…", host)
    action.setShortcut("Ctrl+N")
    action.triggered.connect(lambda: triggered.append(True))
    button = sidebar.add_action(action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert triggered == [True]
    assert "Ctrl+N" in button.toolTip()


def test_the_sidebar_is_wide_enough_for_its_longest_name_and_never_jumps(qtbot) -> None:  # type: ignore[no-untyped-def]
    long_name = NavEntry("settings", "Configuración y copias de seguridad", Glyph.SETTINGS)
    sidebar = Sidebar([ENTRIES[0], long_name])
    qtbot.addWidget(sidebar)
    metrics = sidebar.list.fontMetrics()
    assert sidebar.width() > metrics.horizontalAdvance(long_name.title) + 20 + 16
    width = sidebar.width()
    sidebar.show_today_counts(TodayCounts(overdue=120_000, hearings_today=0))
    assert sidebar.width() == width, "a count appearing moves the pages"


# -- the counts are the services' figures ----------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "data")
    opened = lifecycle.init_store(data_dir=data_dir, passphrase="sidebar test", actor="ui-test")
    fill_demo_data(store=opened, clients=30, seed=5, today=TODAY)
    yield opened
    opened.lock()


def defensive_cases(store: Store) -> list[CaseSummary]:
    """Cases that can have a master calendar hearing (in immigration court)."""
    listed = search.list_cases(store=store, today=TODAY)
    return [c for c in listed if c.claim_type is ClaimType.DEFENSIVE and c.stage.value != "closed"]


def test_today_counts_are_the_services_figures(store: Store) -> None:
    listed = defensive_cases(store)
    for case, at in zip(listed[:2], (time(9, 0), time(13, 30)), strict=True):
        schedule.schedule_hearing(
            store=store,
            case_id=case.id,
            hearing=HearingDraft(HearingKind.MASTER_CALENDAR, on=TODAY, at=at, location="Court"),
        ).unwrap()
    agenda = deadlines.today_agenda(store=store, today=TODAY, days=14)
    counts = today_counts(agenda, TODAY)
    everything = deadlines.agenda(store=store, today=TODAY, days=14)
    assert counts.overdue == sum(1 for i in everything if i.overdue) > 0
    on_the_day = deadlines.agenda_between(store=store, start=TODAY, end=TODAY, today=TODAY)
    assert counts.hearings_today == sum(1 for i in on_the_day if i.is_hearing) >= 2
    capped = deadlines.today_agenda(store=store, today=TODAY, days=14, overdue_limit=1)
    assert today_counts(capped, TODAY).overdue == counts.overdue, "not only the listed ones"


# -- wired into the main window --------------------------------------------------------------


@pytest.fixture
def window(store: Store, qtbot):  # type: ignore[no-untyped-def]
    from clinic.ui.main_window import MainWindow  # noqa: PLC0415
    from clinic.ui.session import UiSession  # noqa: PLC0415

    schedule.schedule_hearing(
        store=store,
        case_id=defensive_cases(store)[0].id,
        hearing=HearingDraft(HearingKind.MASTER_CALENDAR, on=TODAY, at=time(9), location="Court"),
    ).unwrap()
    main = MainWindow(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_the_window_shows_the_services_counts_in_the_sidebar(window, store: Store) -> None:  # type: ignore[no-untyped-def]
    agenda = deadlines.today_agenda(store=store, today=TODAY, days=14)
    expected = today_counts(agenda, TODAY)
    assert expected.overdue > 0 and expected.hearings_today > 0
    assert window.nav.count_text("today") == str(expected.overdue)
    assert window.nav.count_text("calendar") == str(expected.hearings_today)
    window.session.close()
    assert window.nav.count_text("today") == ""
    assert window.nav.count_text("calendar") == ""


def test_clicks_and_arrows_in_the_sidebar_switch_pages_through_the_navigator(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    sidebar = window.nav
    qtbot.mouseClick(sidebar.list.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(sidebar, 1))
    assert window.stack.currentWidget() is window.cases_page
    assert sidebar.current() == "cases"
    sidebar.list.setFocus()
    qtbot.keyClick(sidebar.list, Qt.Key.Key_Down)
    assert window.stack.currentWidget() is window.calendar_page
    assert sidebar.current() == "calendar"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.today_page
    assert sidebar.current() == "today"


def test_on_a_case_focus_in_the_sidebar_keeps_the_case(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    case_id = search.list_cases(store=window.session.store, today=TODAY)[0].id
    window.show_case(case_id)
    assert window.stack.currentWidget() is window.case_page
    assert window.nav.current() is None
    window.case_page.tabs.setFocus()
    qtbot.waitUntil(window.case_page.tabs.hasFocus)
    window.nav.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(window.nav.list.hasFocus)
    assert window.stack.currentWidget() is window.case_page
    assert window.nav.list.currentIndex().row() == 0, "the cursor starts on the first row"
    qtbot.keyClick(window.nav.list, Qt.Key.Key_Return)  # now a request: the row under focus
    assert window.stack.currentWidget() is window.today_page


def test_the_focus_ring_shows_for_the_keyboard_only(bar, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Like :focus-visible: Tab into the list or an arrow key shows the ring on the row under
    the cursor; a click or focus arriving otherwise does not (it would look like a second
    current page), and a page outside the sidebar leaves no cursor row."""
    host, sidebar, _requested = bar
    sidebar.set_current("cases")
    sidebar.list.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(sidebar.list.hasFocus)
    assert sidebar.list.keyboard_focus
    qtbot.mouseClick(sidebar.list.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(sidebar, 1))
    assert not sidebar.list.keyboard_focus
    qtbot.keyClick(sidebar.list, Qt.Key.Key_Down)
    assert sidebar.list.keyboard_focus
    host.findChild(QLineEdit, "elsewhere").setFocus()
    assert not sidebar.list.keyboard_focus
    sidebar.set_current(None)
    assert not sidebar.list.currentIndex().isValid()
