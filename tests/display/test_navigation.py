"""Opening a case from Cases on a real display: only the case page is painted, and neither Tab
nor a dialog closing nor a click back into the window takes the person elsewhere."""

from __future__ import annotations

from harness import (
    assert_only_painted,
    focus_window,
    settle,
    shot,
    wait_until,
    xdotool_click_at,
    xdotool_key,
)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QTabWidget, QWidget


def all_pages(window) -> list[QWidget]:  # type: ignore[no-untyped-def]
    return [*window.nav_pages, window.case_page]


def go_to_cases(window) -> None:  # type: ignore[no-untyped-def]
    xdotool_key("ctrl+2")
    wait_until(window.cases_page.isVisible, message="the Cases page")
    wait_until(lambda: window.cases_page.model.rowCount() > 0, message="cases listed")


def assert_on_case(window) -> None:  # type: ignore[no-untyped-def]
    assert window.stack.currentWidget() is window.case_page
    assert window.navigator.current is not None and window.navigator.current.is_case
    assert_only_painted(window.case_page, all_pages(window))


def test_open_a_case_with_enter_then_tab_through_every_tab(window) -> None:  # type: ignore[no-untyped-def]
    go_to_cases(window)
    assert_only_painted(window.cases_page, all_pages(window))
    table = window.cases_page.table
    table.setFocus()
    table.setCurrentIndex(window.cases_page.model.index(0, 0))
    xdotool_key("Return")
    wait_until(window.case_page.isVisible, message="the case page")
    shot("01-case-opened-by-enter")
    assert_on_case(window)
    tabs = window.case_page.findChild(QTabWidget)
    assert tabs is not None
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle(0.2)
        # A person's Tab key, many times: focus walks the whole window, sidebar included.
        for _ in range(12):
            xdotool_key("Tab")
            assert window.stack.currentWidget() is window.case_page, (
                f"Tab on tab {tabs.tabText(index)!r} left the case"
            )
        shot(f"02-tab-{index}-{tabs.tabText(index).replace('&', '')}")
        assert_on_case(window)


def test_open_a_case_by_double_click(window) -> None:  # type: ignore[no-untyped-def]
    go_to_cases(window)
    table = window.cases_page.table
    row_rect = table.visualRect(window.cases_page.model.index(0, 1))
    xdotool_click_at(table.viewport(), double=True, at=row_rect.center())
    wait_until(window.case_page.isVisible, message="the case page")
    shot("01-case-opened-by-double-click")
    assert_on_case(window)


def test_a_dialog_closing_and_a_click_back_keep_the_case(window) -> None:  # type: ignore[no-untyped-def]
    go_to_cases(window)
    window.show_case(window.cases_page.model.case_at(0).id)
    wait_until(window.case_page.isVisible, message="the case page")

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.accept()
        else:
            QTimer.singleShot(100, close_box)

    QTimer.singleShot(300, close_box)
    QMessageBox.information(window, "Clinic", "A dialog over the case")
    settle(0.3)
    assert_on_case(window)
    # Focus on the sidebar, then a click back into the case page.
    window.nav.setFocus()
    settle(0.2)
    assert window.stack.currentWidget() is window.case_page
    xdotool_click_at(window.case_page)
    focus_window(window)
    shot("03-after-dialog-and-click")
    assert_on_case(window)


def test_back_returns_to_cases_and_sidebar_mirrors_the_place(window) -> None:  # type: ignore[no-untyped-def]
    go_to_cases(window)
    window.show_case(window.cases_page.model.case_at(0).id)
    wait_until(window.case_page.isVisible, message="the case page")
    assert window.nav.currentRow() == -1
    xdotool_key("alt+Left")
    wait_until(window.cases_page.isVisible, message="Cases again")
    assert window.nav.currentRow() == window.nav_pages.index(window.cases_page)
    assert_only_painted(window.cases_page, all_pages(window))
    for row, page in enumerate(window.nav_pages):
        xdotool_key(f"ctrl+{row + 1}")
        wait_until(lambda page=page: page.isVisible(), message=f"page {row + 1}")
        assert window.nav.currentRow() == row
        assert_only_painted(page, all_pages(window))
        shot(f"04-page-{row + 1}")
