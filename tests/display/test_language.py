"""Switching the interface language on a real display: picked with the keyboard in Settings, the
window rebuilds itself in Spanish on the Settings page (and only that page is painted), then back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from harness import assert_only_painted, focus_window, settle, shot, wait_until, xdotool_key
from PySide6.QtWidgets import QApplication


@pytest.fixture
def clinic_app(session, monkeypatch, tmp_path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from clinic.services import language  # noqa: PLC0415
    from clinic.ui.application import ClinicApp  # noqa: PLC0415
    from clinic.ui.translations import Translations  # noqa: PLC0415

    monkeypatch.setenv("CLINIC_CONFIG_DIR", str(tmp_path / "config"))
    language.set_language_setting("en")
    app = object.__new__(ClinicApp)  # the window handling only: no unlock, no idle lock
    app.app = QApplication.instance()
    app.translations = Translations(app.app)
    app.translations.apply("en")
    app.session = session
    app.window = app._make_window()
    app.window.resize(1280, 720)
    app.window.move(20, 20)
    app.window.show()
    focus_window(app.window)
    yield app
    app.window.close()
    app.translations.apply("en")
    app.translations.remove()


def pages(window) -> list[object]:  # type: ignore[no-untyped-def]
    return [*window.nav_pages, window.case_page]


def test_switch_to_spanish_and_back_with_the_keyboard(clinic_app) -> None:  # type: ignore[no-untyped-def]
    window = clinic_app.window
    xdotool_key("ctrl+4")
    wait_until(window.settings_page.isVisible, message="Settings")
    combo = window.settings_page.language_box.combo
    combo.setFocus()
    wait_until(combo.hasFocus, message="the language box to have focus")
    assert combo.currentData() == "en"
    shot("01-settings-english")
    xdotool_key("Down")  # English → Español
    wait_until(lambda: clinic_app.window is not window, message="the window to rebuild")
    spanish = clinic_app.window
    wait_until(spanish.settings_page.isVisible, message="Settings in Spanish")
    focus_window(spanish)
    settle(0.5)
    shot("02-settings-spanish")
    assert not shiboken6.isValid(window) or not window.isVisible()  # the old one is gone
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [spanish]
    assert spanish.menuBar().actions()[0].text() == "&Archivo"
    assert spanish.stack.currentWidget() is spanish.settings_page
    assert_only_painted(spanish.settings_page, pages(spanish))
    xdotool_key("ctrl+1")
    wait_until(spanish.today_page.isVisible, message="Hoy")
    shot("03-today-spanish")
    assert_only_painted(spanish.today_page, pages(spanish))
    xdotool_key("ctrl+4")
    wait_until(spanish.settings_page.isVisible, message="Settings again")
    combo = spanish.settings_page.language_box.combo
    combo.setFocus()
    wait_until(combo.hasFocus, message="the language box to have focus")
    xdotool_key("Up")  # Español → English
    wait_until(lambda: clinic_app.window is not spanish, message="the window to rebuild")
    english = clinic_app.window
    wait_until(english.settings_page.isVisible, message="Settings in English")
    focus_window(english)
    shot("04-settings-english-again")
    assert english.menuBar().actions()[0].text() == "&File"
    assert_only_painted(english.settings_page, pages(english))
