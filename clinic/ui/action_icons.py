"""The icons of the main window's actions: on the menus, the pages of the Go menu, and New intake
and Lock in the sidebar."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from clinic.ui.icons import Glyph, icon
from clinic.ui.page import Page
from clinic.ui.sidebar import Sidebar

ACTION_GLYPHS = {
    "newIntakeAction": Glyph.NEW_INTAKE,
    "importSpreadsheetAction": Glyph.IMPORT_SPREADSHEET,
    "lockAction": Glyph.LOCK,
    "backupAction": Glyph.BACK_UP,
    "restoreAction": Glyph.RESTORE,
    "recoveryKitAction": Glyph.RECOVERY_KIT,
    "printDocketAction": Glyph.DOCKET,
    "exportCalendarAction": Glyph.EXPORT_CALENDAR,
    "funderReportAction": Glyph.FUNDER_REPORT,
    "exportCaseAction": Glyph.EXPORT_CASE,
    "importCaseAction": Glyph.IMPORT_CASE,
    "quitAction": Glyph.QUIT,
    "findAction": Glyph.FIND,
    "backAction": Glyph.BACK,
}


def add_icons(window: QWidget, nav: Sidebar, pages: list[tuple[Page, Glyph]]) -> None:
    """Icons on the menus' actions and the pages of the Go menu; New intake at the top of
    the sidebar and Lock at its foot."""
    named = {action.objectName(): action for action in window.actions()}
    for name, glyph in ACTION_GLYPHS.items():
        if name in named:
            named[name].setIcon(icon(glyph))
    for page, glyph in pages:
        go = named.get(f"go{page.title}Action")
        if go is not None:
            go.setIcon(icon(glyph))
    if "newIntakeAction" in named:
        nav.add_action(named["newIntakeAction"])
    if "lockAction" in named:
        nav.add_action(named["lockAction"], bottom=True)
