"""Every file and folder dialog of the window goes through here (tests/ui/test_file_dialogs.py
checks it), so that each one:

- starts in the user's documents folder (or a folder the clinic chose, such as the backup
  folder), never in the program's folder or the current working directory, which is where Qt
  starts when it is given no folder or one that does not exist;
- leaves no trace of the folders visited: Qt's own file dialog keeps its history and last
  folder in the "QtProject" settings file, and a folder there may carry a client's name
  ("…/Documents/Garcia Jose/"); both keys are removed after each dialog, and the file is kept
  owner-only (0600). GTK's dialog (Qt's "gtk3" platform theme) would add the chosen file or
  folder to ``~/.local/share/recently-used.xbel``: GTK's recent-files setting is switched off in
  this process before each dialog, and as GTK then rewrites that file empty, the file is put
  back as it was before the dialog (the desktop's other recent files are kept). A dialog run by another process (the XDG desktop portal,
  used in Flatpak or Snap sandboxes or with QT_QPA_PLATFORMTHEME=xdgdesktopportal) cannot be
  kept from recording, so Qt's own dialog is used there.

tests/display/test_file_dialog_traces.py drives the real dialogs (Qt's own and GTK's) on a real
X display to a client-named folder and searches the per-user folders afterwards.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from clinic.ui.private_settings import keep_owner_only

# Where Qt's widget-based file dialog saves what it remembers (qfiledialog.cpp, saveSettings).
QT_DIALOG_ORGANIZATION = "QtProject"
QT_DIALOG_GROUP = "FileDialog"
REMEMBERED_FOLDERS = ("history", "lastVisited")
# Platform themes whose "native" dialog runs in another process (the XDG desktop portal).
PORTAL_THEMES = ("xdgdesktopportal", "flatpak", "snap")
GTK_WRITE_DELAY_S = 0.6


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
    with _leaving_no_trace():
        return QFileDialog.getSaveFileName(
            parent, caption, str(suggested), file_filter, "", _options()
        )


def open_file_name(
    parent: QWidget | None,
    caption: str,
    file_filter: str = "",
    *,
    folder: Path | str | None = None,
) -> str:
    """One existing file to read, or "" when cancelled."""
    with _leaving_no_trace():
        chosen, _ = QFileDialog.getOpenFileName(
            parent, caption, str(start_folder(folder)), file_filter, "", _options()
        )
    return chosen


def open_file_names(
    parent: QWidget | None,
    caption: str,
    file_filter: str = "",
    *,
    folder: Path | str | None = None,
) -> list[str]:
    """Existing files to read (none when cancelled)."""
    with _leaving_no_trace():
        chosen, _ = QFileDialog.getOpenFileNames(
            parent, caption, str(start_folder(folder)), file_filter, "", _options()
        )
    return list(chosen)


def existing_folder(
    parent: QWidget | None, caption: str, *, folder: Path | str | None = None
) -> str:
    """An existing folder, or "" when cancelled."""
    with _leaving_no_trace():
        return QFileDialog.getExistingDirectory(
            parent,
            caption,
            str(start_folder(folder)),
            QFileDialog.Option.ShowDirsOnly | _options(),
        )


def forget_visited_folders() -> None:
    """Remove the folders Qt's file dialog remembers between runs (its history, last folder)
    and keep its settings file owner-only."""
    settings = QSettings(QSettings.Scope.UserScope, QT_DIALOG_ORGANIZATION)
    settings.beginGroup(QT_DIALOG_GROUP)
    for key in REMEMBERED_FOLDERS:
        settings.remove(key)
    settings.endGroup()
    settings.sync()
    keep_owner_only(Path(settings.fileName()))


@contextlib.contextmanager
def _leaving_no_trace() -> Iterator[None]:
    """Around one dialog: GTK's recent-files list is put back as it was, and the folders Qt's
    dialog remembers are removed (also when the dialog raises)."""
    recent = _recent_files_list()
    before = _read_or_none(recent)
    try:
        yield
    finally:
        forget_visited_folders()
        if _keep_gtk_from_recording():
            _let_gtk_write()
        if _read_or_none(recent) != before:
            _put_back(recent, before)


def _let_gtk_write() -> None:
    """GTK writes its recent-files list from a timer (250 ms) after a change; Qt runs GLib's
    main loop on Linux, so processing events a little longer lets that write happen before
    the file is put back."""
    end = time.monotonic() + GTK_WRITE_DELAY_S
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents, 50)
        time.sleep(0.02)


def _recent_files_list() -> Path:
    """GTK's list of recently used files (``g_get_user_data_dir()/recently-used.xbel``)."""
    data_home = os.environ.get("XDG_DATA_HOME", "")
    base = Path(data_home) if os.path.isabs(data_home) else Path.home() / ".local" / "share"
    return base / "recently-used.xbel"


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _put_back(path: Path, content: bytes | None) -> None:
    """Restore ``path`` to ``content`` (remove it when it did not exist), atomically."""
    with contextlib.suppress(OSError):
        if content is None:
            path.unlink(missing_ok=True)
            return
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o600
        temporary = path.with_name(f".{path.name}.clinic-{os.getpid()}")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        os.replace(temporary, path)


def _options() -> QFileDialog.Option:
    """Qt's own dialog where the native one would run in another process (the portal), which
    keeps its own list of recent files; otherwise the platform's dialog, kept from recording."""
    _keep_gtk_from_recording()
    theme = os.environ.get("QT_QPA_PLATFORMTHEME", "").lower()
    sandboxed = Path("/.flatpak-info").exists() or bool(os.environ.get("SNAP"))
    if sandboxed or theme.startswith(PORTAL_THEMES):
        return QFileDialog.Option.DontUseNativeDialog
    return QFileDialog.Option(0)


def _keep_gtk_from_recording() -> bool:
    """When Qt's gtk3 platform theme has loaded GTK into this process, switch off GTK's
    recent-files list (``gtk-recent-files-enabled``: "if false, the list will always be
    empty"), so that GTK's file dialog adds nothing to ``recently-used.xbel``. Set at the
    application level, it outranks the desktop's setting. Nothing is loaded that is not
    already loaded. Whether GTK is in this process."""
    if not sys.platform.startswith("linux"):
        return False
    no_load = getattr(os, "RTLD_NOLOAD", 0) | getattr(os, "RTLD_LAZY", 0)
    try:
        gtk = ctypes.CDLL("libgtk-3.so.0", mode=no_load)
        gobject = ctypes.CDLL("libgobject-2.0.so.0", mode=no_load)
    except OSError:
        return False  # GTK is not in this process: its dialog is not the one used
    gtk.gtk_settings_get_default.restype = ctypes.c_void_p
    gtk.gtk_settings_get_default.argtypes = []
    with contextlib.suppress(AttributeError):
        settings = gtk.gtk_settings_get_default()
        if settings:  # None until GTK is initialised (the theme initialises it at start)
            gobject.g_object_set(
                ctypes.c_void_p(settings),
                b"gtk-recent-files-enabled",
                ctypes.c_int(0),
                ctypes.c_void_p(None),
            )
    return True
