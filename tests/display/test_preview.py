"""The PDF preview on a real display: Export PDF… on a case's Checklist tab shows the checklist's
pages (drawn by PDFium from memory) in a window of its own; zoom and Page Down work from the
keyboard; Escape saves nothing; Enter is Save… and goes on to the save dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import (
    focus_window,
    global_rect,
    screen_image,
    settle,
    shot,
    wait_until,
    xdotool_click_at,
    xdotool_key,
)
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMessageBox


def ink(image) -> float:  # type: ignore[no-untyped-def]
    """The share of sampled pixels that are not white or near white."""
    total = drawn = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            total += 1
            if QColor(image.pixel(x, y)).lightness() < 200:
                drawn += 1
    return drawn / max(1, total)


@pytest.fixture
def checklist_tab(window, store, monkeypatch):  # type: ignore[no-untyped-def]
    """Case 1's Checklist tab; the unencrypted-PDF warning answered OK (not what is tested)."""
    from clinic.services import computer_user, staff  # noqa: PLC0415

    computer_user.choose(store, staff.list_staff(store=store)[0].id)
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda *_a: QMessageBox.StandardButton.Ok)
    )
    window.show_case(1)
    page = window.case_page
    wait_until(page.isVisible, message="the case page")
    page.tabs.setCurrentWidget(page.checklist)
    wait_until(page.checklist.export_button.isEnabled, message="Export PDF… to be enabled")
    return page.checklist


def preview_shown():  # type: ignore[no-untyped-def]
    from clinic.ui.pdf_preview import PdfPreviewDialog  # noqa: PLC0415

    dialog = QApplication.activeModalWidget()
    return dialog if isinstance(dialog, PdfPreviewDialog) and dialog.isVisible() else None


def when_preview_opens(act) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Run ``act(dialog)`` once the preview is up (it runs inside the dialog's own event loop)."""
    seen: dict[str, object] = {}

    def poll() -> None:
        dialog = preview_shown()
        if dialog is None:
            QTimer.singleShot(50, poll)
            return
        focus_window(dialog)
        settle(0.5)
        act(dialog, seen)
        seen["done"] = True

    QTimer.singleShot(0, poll)
    return seen


def test_the_checklist_is_seen_before_it_is_saved(
    checklist_tab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from clinic.ui import file_dialogs  # noqa: PLC0415

    asked_where: list[str] = []
    destination = tmp_path / "checklist.pdf"
    monkeypatch.setattr(
        file_dialogs.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a, **_k: asked_where.append("asked") or (str(destination), "")),
    )

    def look_then_escape(dialog, seen) -> None:  # type: ignore[no-untyped-def]
        seen["title"] = dialog.windowTitle()
        seen["first"] = dialog.page_number.text()
        seen["ink"] = ink(screen_image(global_rect(dialog.page_labels[0])))
        seen["width"] = dialog.page_labels[0].pixmap().width()
        shot("01-preview-page-1")
        xdotool_key("ctrl+plus")
        settle(0.3)
        seen["zoomed"] = (dialog.zoom, dialog.page_labels[0].pixmap().width())
        shot("02-zoomed-in")
        dialog.scroll_area.setFocus()
        for _ in range(12):
            xdotool_key("Next")  # Page Down
        settle(0.3)
        seen["last"] = dialog.page_number.text()
        shot("03-last-page")
        xdotool_key("Escape")

    seen = when_preview_opens(look_then_escape)
    xdotool_click_at(checklist_tab.export_button)
    wait_until(lambda: seen.get("done") and not checklist_tab.saver.busy, timeout=30)
    pages = int(str(seen["first"]).rsplit(" ", 1)[-1])
    assert seen["first"] == f"Page 1 of {pages}" and pages >= 2
    assert seen["title"] == "Save the checklist PDF"
    assert 0.01 < float(seen["ink"]) < 0.5  # text on a white page, as the X server shows it
    assert seen["zoomed"][0] == 150 and seen["zoomed"][1] > seen["width"]  # type: ignore[index]
    assert seen["last"] == f"Page {pages} of {pages}"
    assert asked_where == [] and not destination.exists()  # Escape: nothing asked, nothing saved

    def save(dialog, seen) -> None:  # type: ignore[no-untyped-def]
        xdotool_key("Return")  # Save… is the default button

    seen = when_preview_opens(save)
    xdotool_click_at(checklist_tab.export_button)
    wait_until(lambda: seen.get("done") and destination.exists(), timeout=30)
    wait_until(lambda: "Saved" in checklist_tab.status.text(), message="the saved message")
    assert asked_where == ["asked"]
    assert destination.read_bytes().startswith(b"%PDF")
    shot("04-saved")
