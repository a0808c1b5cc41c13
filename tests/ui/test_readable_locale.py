"""Dates a person can read on a machine left in the C locale (issue 15's first day: containers
and minimal installs set LANG=C.UTF-8). Each case is a fresh process: Qt reads the system
locale once, at start."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

SCRIPT = """
from datetime import date
from PySide6.QtWidgets import QApplication
app = QApplication([])
from clinic.ui.application import use_readable_locale
from clinic.ui.translations import Translations
use_readable_locale()
Translations(app).apply("en")  # as the window starts: the interface language's locale
from clinic.ui.date_text import date_text
print(date_text(date(2027, 8, 17)))
"""


@pytest.mark.parametrize(
    ("environment", "shown"),
    [
        ({"LANG": "C.UTF-8", "LANGUAGE": ""}, "8/17/2027"),
        # Only the language says English: Qt names the locale en_US yet formats as C does
        # ("17 08 2027" in the Cases list of the office window's screenshot, 2026-12-07).
        ({"LANG": "C.UTF-8", "LANGUAGE": "en"}, "8/17/2027"),
        ({"LANG": "POSIX", "LANGUAGE": ""}, "8/17/2027"),
    ],
)
def test_a_c_locale_shows_us_english_dates(environment: dict[str, str], shown: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(environment, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == shown
