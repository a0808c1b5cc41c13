"""The Help menu: keyboard shortcuts (read from the window's own actions, so never out of
date), where the data lives, and About with the versions a support request needs."""

from __future__ import annotations

from html import escape

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic.services.about import about
from clinic.ui.page import Page
from clinic.ui.session import UiSession


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) for every action of the window that has a shortcut, in menu wording."""
    rows = []
    for action in window.findChildren(QAction):
        keys = action.shortcut()
        if keys.isEmpty() or not action.text():
            continue
        what = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        what = what.rstrip("…").rstrip(".")
        area = _page_of(action)
        if area:  # an action of one page only (the calendar's "Today"): say which
            what = f"{area}: {what}"
        rows.append((what, keys.toString(QKeySequence.SequenceFormat.NativeText)))
    return sorted(set(rows), key=lambda row: row[0].casefold())


def _page_of(action: QAction) -> str:
    """The translated title of the page that owns ``action``, or "" for the window's own."""
    owner = action.parent()
    while owner is not None:
        if isinstance(owner, Page) and owner.title:
            return QCoreApplication.translate("MainWindow", owner.title)
        if isinstance(owner, QMainWindow):
            return ""
        owner = owner.parent()
    return ""


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        table = QTableWidget(len(rows), 2)
        table.setObjectName("shortcutsTable")
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, (what, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(what))
            table.setItem(row, 1, QTableWidgetItem(keys))
        note = QLabel(
            self.tr(
                "In lists and tables, Enter opens the selected case. Tab moves between fields; "
                "Alt and an underlined letter jumps to a field or tab."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, 560)


class DataFolderDialog(QDialog):
    def __init__(self, session: UiSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("dataFolderDialog")
        self.setWindowTitle(self.tr("Data folder"))
        folder = about(store=session.store if session.is_open else None).data_dir
        text = QLabel(
            self.tr(
                "Every record and evidence file is kept encrypted in this folder. Copy it only "
                "through Back up now; a copied folder cannot be opened without the key."
            )
        )
        text.setWordWrap(True)
        path = QLabel(str(folder) if folder else self.tr("(locked)"))
        path.setObjectName("dataFolderPath")
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if folder is not None:
            copy = QPushButton(self.tr("Copy path"))
            copy.setObjectName("copyDataFolder")
            copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(str(folder)))
            show = QPushButton(self.tr("Show in file manager"))
            show.setObjectName("showDataFolder")
            show.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
            buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
            buttons.addButton(show, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(path)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)


def about_html(session: UiSession) -> str:
    info = about(store=session.store if session.is_open else None)
    rows = [("Qt", qVersion()), ("PySide6", PySide6.__version__), *info.components]
    table = "".join(
        f"<tr><td>{escape(name)}</td><td>&nbsp;&nbsp;{escape(version)}</td></tr>"
        for name, version in rows
    )
    title = QCoreApplication.translate("HelpMenu", "Clinic %1").replace("%1", info.clinic_version)
    blurb = QCoreApplication.translate(
        "HelpMenu",
        "An offline, encrypted case tracker for immigration legal clinics. Nothing is sent "
        "anywhere; the records stay encrypted on this computer.",
    )
    return f"<h3>{escape(title)}</h3><p>{escape(blurb)}</p><table>{table}</table>"


class HelpMenu(QObject):
    """Builds the window's Help menu; keeps its dialogs' parent and session."""

    def __init__(self, window: QMainWindow, session: UiSession) -> None:
        super().__init__(window)
        self.window = window
        self.session = session

    def build(self) -> QMenu:
        menu = self.window.menuBar().addMenu(self.tr("&Help"))
        menu.setObjectName("helpMenu")
        shortcuts = QAction(self.tr("Keyboard shortcuts"), self.window)
        shortcuts.setObjectName("shortcutsAction")
        shortcuts.setShortcut(QKeySequence("F1"))
        shortcuts.triggered.connect(self.show_shortcuts)
        self.window.addAction(shortcuts)
        folder = QAction(self.tr("Data folder…"), self.window)
        folder.setObjectName("dataFolderAction")
        folder.triggered.connect(self.show_data_folder)
        about_action = QAction(self.tr("About Clinic"), self.window)
        about_action.setObjectName("aboutAction")
        about_action.setMenuRole(QAction.MenuRole.AboutRole)
        about_action.triggered.connect(self.show_about)
        for action in (shortcuts, folder, about_action):
            menu.addAction(action)
        return menu

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.window).exec()

    def show_data_folder(self) -> None:
        DataFolderDialog(self.session, self.window).exec()

    def show_about(self) -> None:
        box = QMessageBox(self.window)
        box.setObjectName("aboutDialog")
        box.setWindowTitle(self.tr("About Clinic"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(about_html(self.session))
        box.setIconPixmap(self.window.windowIcon().pixmap(64, 64))
        box.exec()
