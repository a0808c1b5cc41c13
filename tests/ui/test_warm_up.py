"""The unlock window comes before the main window's modules (issue 20 #1): importing the app's
start-up does not import the main window; the warm-up imports it on a background thread."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(code: str) -> dict[str, bool]:
    probe = (
        "import json, os, sys, threading\n"
        "os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')\n"
        f"{code}\n"
        "names = ('clinic.ui.main_window', 'clinic.services.settings', "
        "'clinic.ui.passphrase_dialogs', 'clinic.services.lifecycle', 'sqlalchemy')\n"
        "print(json.dumps({n: n in sys.modules for n in names}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    result: dict[str, bool] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_start_up_module_does_not_import_the_main_window() -> None:
    loaded = run("import clinic.ui.application")
    assert loaded["clinic.ui.passphrase_dialogs"]
    assert not loaded["clinic.ui.main_window"] and not loaded["clinic.services.settings"]
    # which window comes first is decided from the store's files: no SQLAlchemy before it
    assert not loaded["clinic.services.lifecycle"] and not loaded["sqlalchemy"]


def test_the_warm_up_imports_the_window_modules_on_another_thread() -> None:
    loaded = run(
        "from clinic.ui import warm_up\n"
        "warm_up.start_importing()\n"
        "warm_up.start_importing()  # once per run\n"
        "threads = [t for t in threading.enumerate() if t.name == 'clinic-warm-up']\n"
        "assert len(threads) == 1\n"
        "threads[0].join(120)"
    )
    assert loaded["clinic.ui.main_window"] and loaded["clinic.services.settings"]
    assert loaded["clinic.services.lifecycle"]


def test_waiting_for_the_warm_up_returns_when_its_imports_are_done() -> None:
    loaded = run(
        "from clinic.ui import warm_up\n"
        "warm_up.start_importing()\n"
        "warm_up.wait()\n"
        "assert not any(t.is_alive() for t in threading.enumerate() if t.name == 'clinic-warm-up')\n"
        "warm_up.start_importing()  # after waiting, never again\n"
        "assert not any(t.is_alive() for t in threading.enumerate() if t.name == 'clinic-warm-up')"
    )
    assert loaded["clinic.ui.main_window"] and loaded["clinic.services.lifecycle"]
