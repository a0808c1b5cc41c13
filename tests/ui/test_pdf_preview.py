"""The PDF preview draws a real staff PDF's pages from its bytes in memory (PDFium), says which
page is shown, zooms, and writes nothing anywhere."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage

from clinic.domain.drafts import CaseDraft, ClientDraft
from clinic.domain.enums import ClaimType
from clinic.services import cases, checklists, clients, lifecycle
from clinic.storage.store import Store
from clinic.ui.pdf_preview import PdfPreviewDialog

TODAY = date(2026, 3, 2)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "d")
    store = lifecycle.init_store(data_dir=data_dir, passphrase="correct horse battery", actor="t")
    yield store
    store.lock()


@pytest.fixture
def checklist(store: Store) -> bytes:
    client = clients.intake_client(
        store=store, client=ClientDraft("Quispe Mamani", "Rosalía"), today=TODAY
    ).unwrap()
    case_id = cases.open_case(
        store=store, client_id=client, case=CaseDraft(ClaimType.AFFIRMATIVE), today=TODAY
    ).unwrap()
    return checklists.checklist_pdf(store=store, case_id=case_id, today=TODAY)


def ink(image: QImage) -> int:
    """Pixels that are not white (text, rules, the letterhead), sampled every 2nd pixel."""
    white = QColor("white").rgb()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixel(x, y) != white
    )


def test_page_one_of_a_real_checklist_is_drawn_from_memory(
    qtbot, checklist: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    def no_disk(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a preview must not write a file")

    for name in ("mkstemp", "NamedTemporaryFile", "TemporaryFile", "mkdtemp"):
        monkeypatch.setattr(tempfile, name, no_disk)
    pages = len(PdfReader(io.BytesIO(checklist)).pages)
    dialog = PdfPreviewDialog(checklist, title="Checklist")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.page_count == pages
    assert dialog.page_number.text() == f"Page 1 of {pages}"
    image = dialog.page_image(0, zoom=100)
    assert (image.width(), image.height()) == (612, 792)  # US Letter at 72 dpi
    drawn = ink(image)
    assert drawn > 2000  # the letterhead, the title, the items: far from a blank page
    assert drawn < image.width() * image.height() / 4 * 0.5  # and not a black page either
    shown = dialog.page_labels[0].pixmap()
    assert not shown.isNull() and shown.width() > 0


def test_zoom_and_scrolling_change_what_is_shown(qtbot, checklist: bytes) -> None:  # type: ignore[no-untyped-def]
    dialog = PdfPreviewDialog(checklist, title="Checklist")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.page_labels[0].pixmap().width()
    dialog.zoom_in()
    assert dialog.zoom == 150
    assert dialog.page_labels[0].pixmap().width() > before
    assert dialog.zoom_label.text() == "150 %"
    for _ in range(10):
        dialog.zoom_out()
    assert dialog.zoom == 50 and not dialog.zoom_out_button.isEnabled()
    dialog.zoom_in()
    dialog.zoom_in()
    dialog.zoom_in()  # 125: several pages, taller than the view
    bar = dialog.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    assert dialog.page_number.text() == f"Page {dialog.page_count} of {dialog.page_count}"


def test_save_accepts_and_cancel_rejects(qtbot, checklist: bytes) -> None:  # type: ignore[no-untyped-def]
    for button, expected in (("save_button", 1), ("cancel_button", 0)):
        dialog = PdfPreviewDialog(checklist, title="Checklist")
        qtbot.addWidget(dialog)
        dialog.show()
        getattr(dialog, button).click()
        assert dialog.result() == expected
        assert not dialog.isVisible()
