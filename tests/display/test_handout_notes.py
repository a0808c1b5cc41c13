"""Real-display test of the handout dialog's notes before printing (issue 24, Spanish review H5):
a Haitian Creole client's handout, a letterhead written only in English: the dialog, opened with a
real click, says the draft translation and that the English letterhead will print; choosing
"English only" hides both. Screenshot of the dialog."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from harness import focus_window, settle, shot, wait_until, xdotool_click_at
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from clinic.domain.drafts import CaseDraft, ClientDraft
from clinic.domain.enums import ClaimType
from clinic.services import cases, clients, settings
from clinic.ui.handout_dialog import HandoutDialog

TODAY = date(2026, 12, 7)


def later(action: Callable[[], None], delay_ms: int = 300) -> None:
    QTimer.singleShot(delay_ms, action)


def test_the_dialog_warns_of_the_english_letterhead(window, store) -> None:  # type: ignore[no-untyped-def]
    current = settings.get_settings(store=store)
    settings.update_settings(
        store=store, settings=replace(current, letterhead="12 Main St · Mon–Fri 9 AM–5 PM")
    ).unwrap()
    client = clients.intake_client(
        store=store, client=ClientDraft("Joseph", "Mirlande", languages=("ht",)), today=TODAY
    ).unwrap()
    case_id = cases.open_case(
        store=store, client_id=client, case=CaseDraft(ClaimType.AFFIRMATIVE), today=TODAY
    ).unwrap()
    window.show_case(case_id)
    page = window.case_page
    wait_until(page.isVisible, message="the case page")
    focus_window(window)
    seen: dict[str, object] = {}

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, HandoutDialog):
            later(inspect, 100)
            return
        settle(0.3)
        seen["choice"] = dialog.language.currentData()
        seen["letterhead"] = dialog.letterhead_note.isVisible() and dialog.letterhead_note.text()
        seen["draft"] = dialog.review_note.isVisible()
        shot("handout-dialog-notes")
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        settle(0.2)
        seen["english_only"] = (dialog.letterhead_note.isVisible(), dialog.review_note.isVisible())
        dialog.reject()

    later(inspect)
    xdotool_click_at(page.handout_export.button)
    wait_until(lambda: "english_only" in seen, timeout=15, message="the handout dialog")
    assert seen["choice"] == "en+ht"
    assert seen["draft"] is True
    text = str(seen["letterhead"])
    assert "Haitian Creole" in text and "English letterhead" in text
    assert seen["english_only"] == (False, False)
