"""The main window's menus: File (intake, import, lock, backups, exports, quit) and Go (the
pages, find, back). Help is HelpMenu's. Words are translated in the window's context
("MainWindow"), where they have always been."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from clinic.ui.main_window import MainWindow

CONTEXT = "MainWindow"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def window_action(
    window: MainWindow,
    text: str,
    name: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str,
    slot: object,
) -> QAction:
    """An action of the window (its shortcut works wherever focus is in it)."""
    action = QAction(_tr(text), window)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def add_file_and_go_menus(window: MainWindow) -> None:
    """The File menu, then the Go menu, on the window's menu bar."""
    file_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    _add_store_actions(window, file_menu)
    file_menu.addSeparator()
    _add_export_actions(window, file_menu)
    file_menu.addSeparator()
    file_menu.addAction(
        window_action(
            window,
            QCoreApplication.translate("MainWindow", "Quit"),
            "quitAction",
            QKeySequence.StandardKey.Quit,
            window.close,
        )
    )
    _add_go_menu(window)


def _add_store_actions(window: MainWindow, menu: QMenu) -> None:
    """File menu: new intake, import, lock; back up, restore, recovery kit."""
    store_actions = window.store_actions
    menu.addAction(
        window_action(
            window,
            QCoreApplication.translate("MainWindow", "New intake…"),
            "newIntakeAction",
            "Ctrl+N",
            window.new_intake,
        )
    )
    menu.addAction(
        window_action(
            window,
            QCoreApplication.translate("MainWindow", "Import spreadsheet…"),
            "importSpreadsheetAction",
            "Ctrl+Shift+I",
            window.import_spreadsheet,
        )
    )
    menu.addAction(
        window_action(
            window,
            QCoreApplication.translate("MainWindow", "Lock"),
            "lockAction",
            "Ctrl+L",
            window.lock_requested.emit,
        )
    )
    menu.addSeparator()
    menu.addAction(
        window_action(
            window,
            QCoreApplication.translate("MainWindow", "Back up now…"),
            "backupAction",
            "Ctrl+Shift+B",
            store_actions.back_up_now,
        )
    )
    menu.addAction(
        window_action(
            window,
            QCoreApplication.translate("MainWindow", "Restore from backup…"),
            "restoreAction",
            "",
            lambda: store_actions.restore(window.unlock_requested.emit),
        )
    )
    menu.addAction(
        window_action(
            window,
            QCoreApplication.translate("MainWindow", "Save recovery kit…"),
            "recoveryKitAction",
            "",
            store_actions.save_recovery_kit,
        )
    )


def _add_export_actions(window: MainWindow, menu: QMenu) -> None:
    """File menu: the docket, the calendar file, the funder report, case files out and in."""
    menu.addAction(
        window_action(
            window,
            QCoreApplication.translate("MainWindow", "Print hearing docket…"),
            "printDocketAction",
            "Ctrl+Shift+D",
            window.calendar_page.docket.start,
        )
    )
    menu.addAction(
        window_action(
            window,
            QCoreApplication.translate("MainWindow", "Export calendar (.ics)…"),
            "exportCalendarAction",
            "",
            window.calendar_exporter.start,
        )
    )
    menu.addAction(
        window_action(
            window,
            QCoreApplication.translate("MainWindow", "Funder report…"),
            "funderReportAction",
            "",
            window.funder_exporter.start,
        )
    )
    menu.addAction(
        window_action(
            window,
            QCoreApplication.translate("MainWindow", "Export case for another computer…"),
            "exportCaseAction",
            "",
            window.case_bundles.export_case,
        )
    )
    menu.addAction(
        window_action(
            window,
            QCoreApplication.translate("MainWindow", "Import case file…"),
            "importCaseAction",
            "",
            window.case_bundles.import_case,
        )
    )


def _add_go_menu(window: MainWindow) -> None:
    go_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Go"))
    for index, page in enumerate(window.nav_pages, start=1):
        go_menu.addAction(
            window_action(
                window,
                page.title,
                f"go{page.title}Action",
                f"Ctrl+{index}",
                lambda _=False, i=index - 1: window.navigator.go_page(i),
            )
        )
    go_menu.addAction(
        window_action(
            window,
            QCoreApplication.translate("MainWindow", "Find case"),
            "findAction",
            QKeySequence.StandardKey.Find,
            window.find_case,
        )
    )
    go_menu.addAction(
        window_action(
            window,
            QCoreApplication.translate("MainWindow", "Back"),
            "backAction",
            "Alt+Left",
            window.back,
        )
    )
