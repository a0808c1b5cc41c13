"""Every file and folder dialog of the window goes through here (tests/ui/test_file_dialogs.py
checks it), so that each one:

- starts in the user's documents folder (or a folder the clinic chose, such as the backup
  folder), never in the program's folder or the current working directory, which is where Qt
  starts when it is given no folder or one that does not exist;
- leaves no trace of the folders visited: Qt's own file dialog keeps its history and last
  folder in the "QtProject" settings file, and a folder there may carry a client's name
  ("…/Documents/Garcia Jose/"); both keys are removed after each dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

# Where Qt's widget-based file dialog saves what it remembers (qfiledialog.cpp, saveSettings).
QT_DIALOG_ORGANIZATION = "QtProject"
QT_DIALOG_GROUP = "FileDialog"
REMEMBERED_FOLDERS = ("history", "lastVisited")


def documents_folder() -> Path:
    """The user's documents folder; their home folder where there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_folder(preferred: Path | str | None = None) -> Path:
    """``preferred`` when it is an existing folder (e.g. the backup folder), else documents."""
    if preferred:
        folder = Path(preferred).expanduser()
        if folder.is_absolute() and folder.is_dir():
            return folder
    return documents_folder()


def save_file_name(
    parent: QWidget | None,
    caption: str,
    suggested_name: str,
    file_filter: str = "",
    *,
    folder: Path | str | None = None,
) -> tuple[str, str]:
    """Ask where to save; ``suggested_name`` is a file name only (no folder). Returns the chosen
    path ("" when cancelled) and the chosen filter, as Qt does."""
    suggested = start_folder(folder) / Path(suggested_name).name
    try:
        return QFileDialog.getSaveFileName(parent, caption, str(suggested), file_filter)
    finally:
        forget_visited_folders()


def open_file_name(
    parent: QWidget | None,
    caption: str,
    file_filter: str = "",
    *,
    folder: Path | str | None = None,
) -> str:
    """One existing file to read, or "" when cancelled."""
    try:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, caption, str(start_folder(folder)), file_filter
        )
    finally:
        forget_visited_folders()
    return chosen


def open_file_names(
    parent: QWidget | None,
    caption: str,
    file_filter: str = "",
    *,
    folder: Path | str | None = None,
) -> list[str]:
    """Existing files to read (none when cancelled)."""
    try:
        chosen, _ = QFileDialog.getOpenFileNames(
            parent, caption, str(start_folder(folder)), file_filter
        )
    finally:
        forget_visited_folders()
    return list(chosen)


def existing_folder(
    parent: QWidget | None, caption: str, *, folder: Path | str | None = None
) -> str:
    """An existing folder, or "" when cancelled."""
    try:
        return QFileDialog.getExistingDirectory(parent, caption, str(start_folder(folder)))
    finally:
        forget_visited_folders()


def forget_visited_folders() -> None:
    """Remove the folders Qt's file dialog remembers between runs (its history, last folder)."""
    settings = QSettings(QSettings.Scope.UserScope, QT_DIALOG_ORGANIZATION)
    settings.beginGroup(QT_DIALOG_GROUP)
    for key in REMEMBERED_FOLDERS:
        settings.remove(key)
    settings.endGroup()
    settings.sync()
