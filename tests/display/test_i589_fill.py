"""Real-display test of filling the official I-589 (issue 23): the paralegal adds the blank form
downloaded from uscis.gov in Settings → Forms ("Add a form file…", clicked), sees its edition
listed, then on a case's I-589 tab ticks Flatten and presses Fill the I-589… (Alt+T, Alt+I, as
typed), looks at the pages, saves them, and reads what was placed under the button. The file
dialogs answer with the chosen paths (their own test is test_file_dialog_traces.py) and the
unencrypted-PDF warning with OK; everything else is clicked and typed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from harness import focus_window, settle, shot, wait_until, xdotool_click_at, xdotool_key
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox, QScrollArea
from test_preview import when_preview_opens

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.services.i589_case import BLANK  # noqa: E402

pytestmark = pytest.mark.skipif(not BLANK.is_file(), reason=f"the blank form {BLANK} is missing")


def test_the_form_added_in_settings_is_filled_from_the_tab(  # type: ignore[no-untyped-def]
    window, store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clinic.services import computer_user, staff  # noqa: PLC0415
    from clinic.ui import file_dialogs  # noqa: PLC0415

    computer_user.choose(store, staff.list_staff(store=store)[0].id)
    destination = tmp_path / "i589-filled.pdf"
    monkeypatch.setattr(
        file_dialogs.QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *_a, **_k: (str(BLANK), "")),
    )
    monkeypatch.setattr(
        file_dialogs.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a, **_k: (str(destination), "")),
    )
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda *_a: QMessageBox.StandardButton.Ok)
    )

    # Settings → Forms → Add a form file…
    settings = window.settings_page
    assert window.show_page(settings)
    box = settings.forms_box
    settings.findChild(QScrollArea).ensureWidgetVisible(box.add_button)
    focus_window(window)
    settle(0.3)
    assert box.list.item(0).text() == "No form stored yet."
    xdotool_click_at(box.add_button)
    wait_until(lambda: box.message.text().startswith("Added"), timeout=30, message="added")
    assert box.message.text() == (
        "Added Form I-589 (Rev. 08/25/20), an edition Clinic knows: every mapped question is "
        "placed."
    )
    assert box.list.count() == 1
    listed = box.list.item(0).text()
    assert listed.startswith("Form I-589 (Rev. 08/25/20), an edition Clinic knows; added ")
    settle(0.3)
    shot("i589-form-added-in-settings")

    # The case's I-589 tab: Flatten (Alt+T), Fill the I-589… (Alt+I)
    window.show_case(1)
    page = window.case_page
    wait_until(page.isVisible, message="the case page")
    focus_window(window)
    xdotool_key("alt+9")
    wait_until(lambda: page.tabs.currentWidget() is page.i589, message="the I-589 tab")
    filler = page.i589.filler
    xdotool_key("alt+t")
    wait_until(filler.flatten.isChecked, message="Flatten ticked")
    seen: dict[str, object] = {}

    def look_then_save(dialog, seen) -> None:  # type: ignore[no-untyped-def]
        seen["title"] = dialog.windowTitle()
        seen["pages"] = dialog.page_number.text()
        shot("i589-filled-preview")
        xdotool_key("Return")  # Save… is the default button

    seen = when_preview_opens(look_then_save)
    xdotool_key("alt+i")
    wait_until(lambda: seen.get("done") and destination.exists(), timeout=60, message="saved")
    wait_until(filler.report.isVisible, timeout=30, message="the report under the button")
    assert seen["title"] == "Save the filled I-589"
    assert str(seen["pages"]).startswith("Page 1 of ")
    report = filler.report.toPlainText()
    assert report.startswith("Form: Form I-589 (Rev. 08/25/20), an edition Clinic knows.")
    assert "Answers placed from the case file:" in report
    assert not (PdfReader(destination).get_fields() or {})  # flattened: no field left
    client = page.case.client
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(destination), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert client.a_number and client.a_number in text  # nine digits, as the form asks
    if any(ord(c) > 0xFF for c in client.family_name):  # the demo's 'Şahin': WinAnsi lacks Ş
        assert "Part A.I, 4: not written: Şahin" in report  # said, never cut or guessed
    settle(0.3)
    shot("i589-filled-report")
