"""The per-user settings files Qt writes for the window are owner-only (0600).

Qt writes a settings file through QSaveFile, which gives the new file the permissions of the one
it replaces; so a file made owner-only before the first write stays owner-only. ``prepare()``
runs at start (before any window or dialog): it makes Clinic's own settings file (window
geometry, the Cases table's layout) and Qt's file-dialog settings file ("QtProject") owner-only,
creating them empty when absent; ``keep_owner_only`` is applied again after each file dialog.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QSettings

OWNER_ONLY = 0o600


def keep_owner_only(path: Path) -> None:
    """Make ``path`` owner-only (0600) when it exists; a failure is not worth stopping for."""
    with contextlib.suppress(OSError):
        if path.is_file() and (path.stat().st_mode & 0o777) != OWNER_ONLY:
            os.chmod(path, OWNER_ONLY)


def settings_files() -> list[Path]:
    """Clinic's own settings file and Qt's file-dialog settings file, for this user."""
    return [
        Path(QSettings().fileName()),
        Path(QSettings(QSettings.Scope.UserScope, "QtProject").fileName()),
    ]


def prepare() -> None:
    """Create each settings file owner-only if absent, or make it owner-only."""
    for path in settings_files():
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, OWNER_ONLY)
            os.close(descriptor)
        keep_owner_only(path)
