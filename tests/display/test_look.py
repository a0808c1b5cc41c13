"""The look on a real X display (issue 15): the window opens within a 1366×768 laptop screen, every
page and the menus' dialogs fit it in English and Spanish, the sidebar shows its icons and
counts, and switching to dark repaints the whole screen in the dark palette (screenshots in
light and dark in build/test-display/)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from harness import focus_window, global_rect, screen_image, settle, shot, wait_until
from PySide6.QtCore import QLocale, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QDialog, QWidget

LAPTOP = QSize(1366, 768)


@pytest.fixture
def appearance(qapp) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from clinic.ui import look  # noqa: PLC0415

    installed = look.install(qapp)
    installed.force(Qt.ColorScheme.Light)
    yield installed
    installed.force(Qt.ColorScheme.Light)
    installed.force(None)


@pytest.fixture(params=["en", "es"])
def lang(request, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    from clinic.ui.translations import Translations  # noqa: PLC0415

    before = QLocale()
    translations = Translations(qapp)
    translations.apply(request.param)
    yield request.param
    translations.remove()
    QLocale.setDefault(before)


@pytest.fixture
def opened(appearance, session, qtbot) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The main window as a person first opens it: no saved size, placed by the window
    manager, at the size Clinic picks for this screen."""
    from clinic.ui.main_window import GEOMETRY_KEY, MainWindow  # noqa: PLC0415

    QSettings().remove(GEOMETRY_KEY)
    main = MainWindow(session)
    qtbot.addWidget(main)
    main.show()
    focus_window(main)
    wait_until(lambda: main.today_page.agenda is not None, message="Today filled")
    settle(0.3)
    yield main
    main.hide()


def free_area() -> QRect:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def test_the_screen_is_a_laptop_screen(qapp) -> None:  # type: ignore[no-untyped-def]
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    assert screen.geometry().size() == LAPTOP, "run with tools/with-display.sh (1366x768)"


def test_the_window_opens_inside_the_screen(opened) -> None:  # type: ignore[no-untyped-def]
    frame = opened.frameGeometry()
    assert free_area().contains(frame), f"window {frame} outside the screen {free_area()}"
    assert opened.width() >= 1000 and opened.height() >= 600, "and uses the room it has"
    shot("01-first-open")


def test_a_size_saved_on_a_bigger_monitor_is_fitted(appearance, session, qtbot) -> None:  # type: ignore[no-untyped-def]
    from clinic.ui.main_window import MainWindow  # noqa: PLC0415

    big = MainWindow(session)
    qtbot.addWidget(big)
    big.resize(1900, 1150)
    big.move(300, 200)
    big.show()
    settle(0.3)
    big.fit_to_screen()
    settle(0.3)
    assert free_area().contains(big.frameGeometry()), big.frameGeometry()
    shot("02-fitted")
    big.hide()


def pages_of(window) -> list[QWidget]:  # type: ignore[no-untyped-def]
    return [*window.nav_pages, window.case_page]


def test_every_page_fits_a_laptop_in_both_languages(lang, opened, store) -> None:  # type: ignore[no-untyped-def]
    """No page, case tab or the window itself needs more room than the screen gives it."""
    from clinic.services import search  # noqa: PLC0415

    window = opened
    room = free_area().size()
    frame = QSize(
        window.frameGeometry().width() - window.width(),
        window.frameGeometry().height() - window.height(),
    )
    too_big = []
    for page in window.nav_pages:
        window.show_page(page)
        settle(0.2)
        hint = window.minimumSizeHint()
        if (
            hint.width() + frame.width() > room.width()
            or hint.height() + frame.height() > room.height()
        ):
            too_big.append(f"{type(page).__name__}: window needs {hint}")
    first = search.list_cases(store=store, today=window.session.today())[0]
    window.show_case(first.id)
    tabs = window.case_page.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle(0.1)
        hint = window.minimumSizeHint()
        if (
            hint.width() + frame.width() > room.width()
            or hint.height() + frame.height() > room.height()
        ):
            too_big.append(f"tab {tabs.tabText(index)}: window needs {hint}")
    shot(f"03-case-{lang}")
    assert too_big == [], too_big
    assert free_area().contains(window.frameGeometry())


def open_dialog_and_measure(trigger, found: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Run ``trigger`` (which opens a modal dialog), measure the dialog the person sees, close
    it (and any message box over it)."""

    def measure() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(100, measure)
            return
        room = free_area()
        frame = dialog.frameGeometry()
        if not room.contains(frame) or dialog.minimumSizeHint().height() > room.height():
            found.append(f"{dialog.objectName() or type(dialog).__name__}: {frame} in {room}")
        shot(f"dialog-{dialog.objectName() or type(dialog).__name__}")
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()

    QTimer.singleShot(300, measure)
    trigger()
    settle(0.2)
    while (left := QApplication.activeModalWidget()) is not None:  # a message box after it
        left.close()
        settle(0.1)


def test_the_menus_dialogs_fit_a_laptop(lang, opened) -> None:  # type: ignore[no-untyped-def]
    window = opened
    found: list[str] = []
    for name in ("newIntakeAction", "importSpreadsheetAction", "printDocketAction",
                 "exportCalendarAction", "funderReportAction"):  # fmt: skip
        action = next(a for a in window.actions() if a.objectName() == name)
        open_dialog_and_measure(action.trigger, found)
    assert found == [], found


def pixels(image: QImage, rect: QRect) -> set[str]:
    return {
        image.pixelColor(x, y).name()
        for y in range(rect.top(), rect.bottom() + 1, 2)
        for x in range(rect.left(), rect.right() + 1, 2)
    }


def test_sidebar_icons_counts_and_dark_mode_on_screen(opened, appearance) -> None:  # type: ignore[no-untyped-def]
    from clinic.ui import palette  # noqa: PLC0415
    from clinic.ui.sidebar import today_counts  # noqa: PLC0415

    window = opened
    sidebar = window.nav
    counts = today_counts(window.today_page.agenda, window.session.today())
    assert sidebar.count_text("today") == (str(counts.overdue) if counts.overdue else "")
    today_row = sidebar.list.visualRect(sidebar.model.index(0, 0))
    row_rect = QRect(
        global_rect(sidebar.list.viewport()).topLeft() + today_row.topLeft(), today_row.size()
    )
    cases_row = sidebar.list.visualRect(sidebar.model.index(1, 0))
    cases_rect = QRect(
        global_rect(sidebar.list.viewport()).topLeft() + cases_row.topLeft(), cases_row.size()
    )

    light = screen_image()
    shot("04-light")
    assert palette.LIGHT.highlight in pixels(light, row_rect), "Today marked as the current page"
    icon_area = QRect(cases_rect.left() + 8, cases_rect.top() + 6, 24, cases_rect.height() - 12)
    ink = {QColor(c).lightness() for c in pixels(light, icon_area)}
    assert min(ink) < 100, "the Cases icon is drawn (dark lines on the light sidebar)"
    assert palette.LIGHT.sidebar in pixels(light, global_rect(sidebar))

    appearance.force(Qt.ColorScheme.Dark)
    settle(0.6)
    dark = screen_image()
    shot("05-dark")
    assert palette.DARK.sidebar in pixels(dark, global_rect(sidebar))
    assert palette.DARK.window in pixels(dark, global_rect(window.today_page))
    ink = {QColor(c).lightness() for c in pixels(dark, icon_area)}
    assert max(ink) > 170, "the Cases icon is redrawn light on the dark sidebar"
    heading = global_rect(window.today_page.heading)
    assert max(QColor(c).lightness() for c in pixels(dark, heading)) > 200, "light text"
    if counts.overdue:
        assert palette.DARK.danger in pixels(dark, row_rect) or palette.LIGHT.danger in pixels(
            dark, row_rect
        ), "the overdue count is drawn in the danger colour"
    window.show_page(window.cases_page)
    settle(0.4)
    shot("06-dark-cases")
    appearance.force(Qt.ColorScheme.Light)
    settle(0.6)
    assert palette.LIGHT.sidebar in pixels(screen_image(), global_rect(sidebar))
    shot("07-light-again")
