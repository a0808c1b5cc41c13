"""The main window: navigation between Today, Cases, Calendar and Settings, the case view,
new intake, and lock. Pages talk to services; the window only routes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clinic.services import office_mode
from clinic.services.first_steps import Step
from clinic.services.results import Changes
from clinic.ui.action_icons import add_icons
from clinic.ui.calendar_page import CalendarPage
from clinic.ui.case_view import CaseViewPage
from clinic.ui.cases_page import CasesPage
from clinic.ui.computer_user_dialog import WhoAreYouDialog
from clinic.ui.export_dialogs import CalendarExporter, CaseBundleActions, FunderReportExporter
from clinic.ui.help_menu import HelpMenu
from clinic.ui.icons import Glyph
from clinic.ui.import_wizard import ImportWizard
from clinic.ui.intake import IntakeDialog
from clinic.ui.navigation import Navigator, Place
from clinic.ui.older_copy_banner import OlderCopyBanner, refuse_if_read_only
from clinic.ui.page import Page
from clinic.ui.rules_upgrade import RulesUpgrade
from clinic.ui.session import UiSession
from clinic.ui.settings_page import SettingsPage
from clinic.ui.sidebar import NavEntry, Sidebar, today_counts
from clinic.ui.store_actions import StoreActions
from clinic.ui.today_page import TodayPage
from clinic.ui.window_geometry import GEOMETRY_KEY, fit_to_screen, restore_geometry
from clinic.ui.window_menus import add_file_and_go_menus

# The sidebar's pages, in the order of nav_pages (the navigator's page indexes).
NAV_KEYS = ("today", "cases", "calendar", "settings")
NAV_GLYPHS = (Glyph.TODAY, Glyph.CASES, Glyph.CALENDAR, Glyph.SETTINGS)
COUNTED = ("today", "calendar")  # overdue deadlines; hearings today
# File → back up, restore, recovery kit; Help → data folder: a laptop store's only.
LAPTOP_ONLY_ACTIONS = ("backupAction", "restoreAction", "recoveryKitAction", "dataFolderAction")


class MainWindow(QMainWindow):
    lock_requested = Signal()
    unlock_requested = Signal()  # after a restore replaced the store
    language_changed = Signal(str)  # the interface language setting was saved in Settings

    def __init__(self, session: UiSession, *, today_after_paint: bool = False) -> None:
        """``today_after_paint``: the first Today page is read just after the window's first
        paint (start-up), not before it is shown."""
        super().__init__()
        self.session = session
        self._today_after_paint = today_after_paint
        self.setWindowTitle("Clinic")  # never a client's name: titles show in task switchers
        self.setObjectName("mainWindow")
        self._make_pages(session)
        self.nav = self._make_nav()
        # An older copy of the store (read-only) is said at the top, above every page.
        self.older_copy_banner = OlderCopyBanner(session)
        self.setCentralWidget(self._make_central())
        self.status = QLabel()
        self.status.setObjectName("statusText")
        self.statusBar().addPermanentWidget(self.status)
        # deadlines computed by an older version's rules are recomputed in the background
        self.rules_upgrade = RulesUpgrade(session, self)
        self.store_actions = StoreActions(session, self)
        self.older_copy_banner.restore_requested.connect(
            lambda: self.store_actions.restore(self.unlock_requested.emit)
        )
        self.calendar_exporter = CalendarExporter(session, self)
        self.funder_exporter = FunderReportExporter(session, self)
        self.case_bundles = CaseBundleActions(
            session,
            self,
            lambda: (
                self.case_page.case_id
                if self.stack.currentWidget() is self.case_page
                else self.cases_page.selected_case_id()
            ),
        )
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backupStatus")
        self.statusBar().addWidget(self.backup_label)
        self._add_actions()
        self.office = office_mode.is_office(session.store)
        if self.office:
            self._leave_out_laptop_parts()
        add_icons(self, self.nav, list(zip(self.nav_pages, NAV_GLYPHS, strict=True)))
        self.today_page.loaded.connect(self._show_counts)
        session.locked.connect(self.nav.clear_counts)  # no figures left on a locked window
        self.today_page.start_list.step_chosen.connect(self.start_step)
        session.case_requested.connect(self.show_case)
        session.changed.connect(self._changed)
        session.unlocked.connect(self._reload_current)
        restore_geometry(self)
        self.navigator.go_page(0)
        self.backup_label.setText(self.store_actions.backup_status())

    def _leave_out_laptop_parts(self) -> None:
        """An office database has no data folder, key or recovery kit of its own, its backups
        are the server's and who is signed in is the server's word: the window offers none of
        what only makes sense for a laptop store (Today's start list leaves its steps out)."""
        for name in LAPTOP_ONLY_ACTIONS:
            action = self.findChild(QAction, name)
            if action is not None:
                action.setVisible(False)
                action.setEnabled(False)  # its shortcut does nothing either
        self.backup_label.hide()
        self.settings_page.leave_out_laptop_parts()

    def _make_pages(self, session: UiSession) -> None:
        """The pages, their stack and the navigator that switches them."""
        self.today_page = TodayPage(session)
        self.cases_page = CasesPage(session)
        self.calendar_page = CalendarPage(session)
        self.settings_page = SettingsPage(session)
        self.settings_page.language_changed.connect(self.language_changed)
        self.case_page = CaseViewPage(session)
        self.nav_pages: list[Page] = [
            self.today_page,
            self.cases_page,
            self.calendar_page,
            self.settings_page,
        ]
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        for page in [*self.nav_pages, self.case_page]:
            self.stack.addWidget(page)
        self.navigator = Navigator(
            self.stack,
            list(self.nav_pages),
            self.case_page,
            show_case=self.case_page.show_case,
            may_leave=self._may_leave,
        )
        self.navigator.arrived.connect(self._arrived)

    def _make_central(self) -> QWidget:
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.older_copy_banner)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)  # the sidebar runs to the window's edges
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        column.addLayout(layout, 1)
        return central

    def _make_nav(self) -> Sidebar:
        """The sidebar asks for pages (page_requested); only the navigator switches them, and
        _arrived marks the page shown (focus reaching the sidebar selects nothing)."""
        entries = [
            NavEntry(key, self.tr(page.title), glyph, f"Ctrl+{index}", counted=key in COUNTED)
            for index, (key, page, glyph) in enumerate(
                zip(NAV_KEYS, self.nav_pages, NAV_GLYPHS, strict=True), start=1
            )
        ]
        nav = Sidebar(entries)
        nav.page_requested.connect(self._nav_requested)
        return nav

    def _add_actions(self) -> None:
        add_file_and_go_menus(self)
        self.help_menu = HelpMenu(self, self.session)
        self.help_menu.build()

    def _may_leave(self, page: QWidget) -> bool:
        """Settings with unsaved edits ask before another page replaces them."""
        if page is self.settings_page:
            return bool(self.settings_page.confirm_leave())
        return True

    def _nav_requested(self, key: str) -> None:
        """A click, arrow key or Enter in the sidebar (focus alone never requests a page)."""
        self.navigator.go_page(NAV_KEYS.index(key))

    def _arrived(self, place: Place) -> None:
        """The navigator showed ``place``: mirror it in the sidebar, then fill the page."""
        self.nav.set_current(None if place.page is None else NAV_KEYS[place.page])
        if place.is_case or not self.session.is_open:
            return
        page = self.nav_pages[place.page or 0]
        if page is self.today_page and self._today_after_paint:
            self._today_after_paint = False
            self.today_page.reload_after_paint()
        else:
            page.reload()

    def show_page(self, page: Page) -> bool:
        """Go to one of the navigation pages (the sidebar, Ctrl+1…4, "Find case")."""
        return self.navigator.go_page(self.nav_pages.index(page))

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _reload_current(self) -> None:
        self.backup_label.setText(self.store_actions.backup_status())
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.reload()
        if page is not self.today_page and self.session.is_open:
            self.today_page.reload()  # the sidebar's counts come from Today's figures

    def _show_counts(self) -> None:
        """Overdue deadlines on Today and today's hearings on Calendar, in the sidebar: the
        figures of the Today page just read (no query of their own)."""
        agenda = self.today_page.agenda
        if agenda is None or not self.session.is_open:
            self.nav.clear_counts()
            return
        self.nav.show_today_counts(today_counts(agenda, self.session.today()))

    def find_case(self) -> None:
        """Cases, with the cursor in its search box (Ctrl+F)."""
        if self.show_page(self.cases_page):
            self.cases_page.focus_search()

    def show_case(self, case_id: int) -> None:
        self.navigator.open_case(case_id)

    def back(self) -> None:
        self.navigator.back()

    def start_step(self, step: Step) -> None:
        """A button of Today's start list: take the person where that step is done."""
        if step is Step.RECOVERY_KIT:
            self.store_actions.save_recovery_kit()
        elif step is Step.FIRST_INTAKE:
            self.new_intake()
        elif step is Step.STAFF:
            WhoAreYouDialog(self.session, self).exec()  # its save ticks the start list
        elif self.show_page(self.settings_page):
            self.settings_page.focus_step(step)

    def new_intake(self) -> None:
        if refuse_if_read_only(self.session, self):
            return
        dialog = IntakeDialog(self.session, self)
        dialog.exec()

    def import_spreadsheet(self) -> None:
        if refuse_if_read_only(self.session, self):
            return
        wizard = ImportWizard(self.session, self)
        wizard.exec()

    def _changed(self, changes: Changes) -> None:
        if self.session.from_colleagues:
            return  # a colleague's change, refreshed on the pages: nothing was saved here
        self.status.setText(self.tr("Saved."))
        self.backup_label.setText(self.store_actions.backup_status())

    def show_server_state(self, reachable: bool) -> None:
        """Office mode: the server could not be reached (an action failed or the listener lost
        its connection), or it is back."""
        if reachable:
            self.status.setText(self.tr("Connected to the office server again."))
        else:
            self.status.setText(
                self.tr(
                    "The office server cannot be reached; Clinic keeps trying. Nothing is saved "
                    "until it is back."
                )
            )

    def show_backup_state(self) -> None:
        """The backup state, in its one place: the status bar's backup label (never a
        temporary message, which Qt would draw over it)."""
        if not self.office:
            self.backup_label.setText(self.store_actions.backup_status())

    def clear_client_data(self) -> None:
        """After lock: every page has already dropped its data (session.locked)."""
        self.navigator.forget()
        self.nav.clear_counts()
        self.status.clear()
        self.backup_label.clear()

    def fit_to_screen(self) -> None:
        """Never larger than the screen's free area, and on it (see window_geometry)."""
        fit_to_screen(self)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Light/dark switched: Today's summary is rich text with its colours written in.
        switched = event.type() == QEvent.Type.ApplicationPaletteChange
        if switched and self.session.is_open and self.stack.currentWidget() is self.today_page:
            self.today_page.reload()

    def has_unsaved_work(self) -> bool:
        return bool(self.settings_page.has_unsaved_changes())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.is_open and self.has_unsaved_work():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved settings"),
                self.tr("Settings have unsaved changes. Quit and discard them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        event.accept()
