"""Text not cut off, on a real X display, in English and Spanish: "Why this date" with a long
source, the checklist tab, the first-start dialog with its passphrase error, and the status bar
at start without a backup folder (one backup message, not two drawn over each other)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from harness import focus_window, settle, shot, wait_until, xdotool_key, xdotool_type
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel


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
def shown_window(lang, session, qtbot):  # type: ignore[no-untyped-def]
    """The main window in ``lang`` at the laptop's size (1366 x 768 less the panel)."""
    from clinic.ui.main_window import MainWindow  # noqa: PLC0415

    main = MainWindow(session)
    qtbot.addWidget(main)
    main.resize(1366, 740)
    main.move(0, 0)
    main.show()
    focus_window(main)
    wait_until(main.today_page.isVisible, message="Today to be shown")
    yield main
    main.hide()


def one_year_case(store) -> int:  # type: ignore[no-untyped-def]
    """A demo case whose deadlines include the one-year filing rule (the longest source)."""
    from clinic.services import cases, search  # noqa: PLC0415

    for summary in search.list_cases(store=store, today=store_today()):
        view = cases.get_case(store=store, case_id=summary.id)
        if any("Minasyan" in d.source for d in view.deadlines):
            return int(summary.id)
    raise AssertionError("no demo case with the one-year deadline")


def store_today():  # type: ignore[no-untyped-def]
    from conftest import TODAY  # noqa: PLC0415

    return TODAY


def test_why_this_date_and_checklist_fit(lang, shown_window, store) -> None:  # type: ignore[no-untyped-def]
    from clinic.ui.case_view.row_table_model import RowRole  # noqa: PLC0415
    from clinic.ui.fit_check import unfit_texts  # noqa: PLC0415

    window = shown_window
    window.show_case(one_year_case(store))
    page = window.case_page
    wait_until(page.isVisible, message="the case page")
    page.tabs.setCurrentWidget(page.deadlines)
    table = page.deadlines.table
    row = next(
        r
        for r in range(table.model().rowCount())
        if "Minasyan" in table.model().index(r, 0).data(RowRole.ROW).source
    )
    table.selectRow(row)
    wait_until(page.deadlines.provenance.details.isVisible, message="the reasoning panel")
    settle(0.5)
    shot(f"{lang}-01-why-this-date")
    assert unfit_texts(window) == []
    assert "F-P-R-" in page.deadlines.provenance.source.text()

    page.tabs.setCurrentWidget(page.checklist)
    wait_until(lambda: page.checklist.model.rowCount() > 0, message="the checklist")
    settle(0.5)
    shot(f"{lang}-02-checklist")
    assert unfit_texts(window) == []


def test_first_run_dialog_with_an_error_fits(lang, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox  # noqa: PLC0415

    from clinic.ui.fit_check import unfit_texts  # noqa: PLC0415
    from clinic.ui.passphrase_dialogs import FirstRunDialog  # noqa: PLC0415

    dialog = FirstRunDialog(keychain_available=False)
    qtbot.addWidget(dialog)
    dialog.move(40, 40)
    dialog.show()
    focus_window(dialog)
    dialog.passphrase.setFocus()
    wait_until(dialog.passphrase.hasFocus, message="the passphrase field")
    xdotool_type("short")
    xdotool_key("Tab")
    xdotool_type("short")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    wait_until(lambda: bool(dialog.message.text()), message="the passphrase error")
    settle(0.5)
    shot(f"{lang}-03-first-run-error")
    assert unfit_texts(dialog) == []
    dialog.close()


def test_status_bar_says_the_backup_state_once(lang, session, store, qtbot) -> None:  # type: ignore[no-untyped-def]
    from clinic.ui.application import ClinicApp, StoreGate  # noqa: PLC0415
    from clinic.ui.fit_check import unfit_texts  # noqa: PLC0415

    app = ClinicApp(QApplication.instance(), StoreGate(store.datadir), store)  # type: ignore[arg-type]
    qtbot.addWidget(app.window)
    app.window.resize(1366, 740)
    app.window.move(0, 0)
    app.window.show()
    focus_window(app.window)
    settle(0.8)
    shot(f"{lang}-04-status-bar")
    bar = app.window.statusBar()
    assert bar.currentMessage() == ""
    assert unfit_texts(bar) == []
    texts = [w.text() for w in bar.findChildren(QLabel) if w.isVisible() and w.text()]
    assert len([t for t in texts if "⚠" in t]) == 1, texts
    app.shutdown()
    app.window.hide()
