"""The main window's size and place on the screen: restored from the last session, never larger
than the screen's free area, and saved when the window closes."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

GEOMETRY_KEY = "mainWindow/geometry"
PREFERRED_SIZE = QSize(1280, 800)
# Room for the window manager's title bar and borders when sizing before the first show.
FRAME_ALLOWANCE = QSize(16, 48)


def restore_geometry(window: QMainWindow) -> None:
    """The size and place the window had when it was last closed, or the preferred size; then
    fitted to the screen."""
    settings = QSettings()
    geometry = settings.value(GEOMETRY_KEY)
    if geometry is None or not window.restoreGeometry(geometry):
        window.resize(PREFERRED_SIZE)
    fit_to_screen(window)


def fit_to_screen(window: QMainWindow) -> None:
    """Never larger than the screen's free area (a 1366×768 laptop, a taskbar, or a size
    saved on a bigger monitor), and moved back onto it."""
    free = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    shown = window.isVisible() and window.frameGeometry().height() > window.height()
    frame = (
        QSize(
            window.frameGeometry().width() - window.width(),
            window.frameGeometry().height() - window.height(),
        )
        if shown
        else FRAME_ALLOWANCE
    )
    room = QSize(free.width() - frame.width(), free.height() - frame.height())
    if window.width() > room.width() or window.height() > room.height():
        window.resize(min(window.width(), room.width()), min(window.height(), room.height()))
    frame_rect = window.frameGeometry()
    if not free.contains(frame_rect.topLeft()) or not free.contains(frame_rect.bottomRight()):
        window.move(
            max(free.left(), min(frame_rect.left(), free.right() - frame_rect.width() + 1)),
            max(free.top(), min(frame_rect.top(), free.bottom() - frame_rect.height() + 1)),
        )
