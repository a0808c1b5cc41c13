"""Importing the main window's modules while the unlock window waits for the passphrase.

The unlock window needs little (Qt, the dialog, the store's files); the main window needs every
page, SQLAlchemy's models, the deadline rules and more (about a second at start-up). Those are
imported on a background thread once the unlock window is on screen, so by the time the
passphrase is typed they are loaded; no widget is made there (Qt allows that only on the
main thread). An import that fails there is simply tried again, and reported, on the main
thread when the window is built.
"""

from __future__ import annotations

import contextlib
import importlib
import threading

# What building the main window and its first page imports (clinic.ui.application imports
# them lazily, in ClinicApp).
WINDOW_MODULES = (
    "clinic.services.lifecycle",  # opening the store: SQLAlchemy, the models, SQLCipher
    "clinic.ui.session",
    "clinic.services.settings",
    "clinic.services.backup",
    "clinic.ui.main_window",
)
# How long after the unlock window starts waiting before the imports begin: its first paint
# comes first (a background import holds the GIL much of the time).
DELAY_MS = 150

_started = threading.Event()
_threads: list[threading.Thread] = []  # the one warm-up thread, once started


def start_importing() -> None:
    """Start the background imports once per run (later calls do nothing)."""
    if _started.is_set():
        return
    _started.set()
    thread = threading.Thread(target=_import_all, name="clinic-warm-up", daemon=True)
    _threads.append(thread)
    thread.start()


def wait() -> None:
    """Let the background imports finish before the main thread imports any of those modules:
    two threads importing the same modules at once can see each other's half-loaded modules
    (Python breaks an import-lock cycle between threads by handing one of them a partly
    initialised module). Returns at once when nothing was started or it is done; a warm-up
    not started by then never starts (its timer may still fire)."""
    _started.set()
    for thread in _threads:
        if thread is not threading.current_thread():
            thread.join()


def _import_all() -> None:
    for name in WINDOW_MODULES:
        with contextlib.suppress(Exception):  # the main thread imports it again and reports
            importlib.import_module(name)
