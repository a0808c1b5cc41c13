"""See a PDF before saving it: its pages drawn from the PDF's bytes in memory by PDFium
(pypdfium2, decision 0012), scrollable, with zoom and "Page x of y"; Save… or Cancel.

Nothing is written anywhere to show it: no temporary file, no outside viewer (the PDF names a
client, and an outside viewer keeps recent-file lists and caches).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPalette, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    import pypdfium2

POINTS_PER_INCH = 72
ZOOM_STEPS = (50, 75, 100, 125, 150, 200, 300)  # percent of the printed size
DEFAULT_ZOOM = 125
PAGE_GAP = 12


def render_page(document: pypdfium2.PdfDocument, index: int, scale: float) -> QImage:
    """Page ``index`` (from 0) at ``scale`` pixels per PDF point, white background."""
    page = document[index]
    try:
        bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
        try:
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGBX8888
                if bitmap.n_channels == 4
                else QImage.Format.Format_RGB888,
            ).copy()  # the bitmap's memory is PDFium's: keep a copy of our own
        finally:
            bitmap.close()
    finally:
        page.close()
    return image


class PdfPreviewDialog(QDialog):
    """The pages of ``pdf`` (bytes) one under the other; accepted means "Save…"."""

    def __init__(self, pdf: bytes, *, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pypdfium2  # noqa: PLC0415 - PDFium loads only when a preview is shown

        self.setObjectName("pdfPreviewDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._pdf = pdf  # PDFium reads from this buffer for as long as the document is open
        self.document = pypdfium2.PdfDocument(pdf)
        self.page_count = len(self.document)
        self.zoom = DEFAULT_ZOOM
        self.finished.connect(self._close_document)
        layout = QVBoxLayout(self)
        layout.addLayout(self._tools())
        layout.addWidget(self._page_column(), 1)
        layout.addWidget(self._buttons())
        self._add_shortcuts()
        self._size_to_screen()
        self._render_pages()
        self.save_button.setFocus()

    def _page_column(self) -> QScrollArea:
        self.pages = QWidget()
        self.pages.setObjectName("pdfPreviewPages")
        column = QVBoxLayout(self.pages)
        column.setSpacing(PAGE_GAP)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        for number in range(1, self.page_count + 1):
            label = QLabel()
            label.setObjectName(f"pdfPreviewPage{number}")
            label.setAccessibleName(
                self.tr("Page %1 of %2")
                .replace("%1", str(number))
                .replace("%2", str(self.page_count))
            )
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setFrameShape(QLabel.Shape.Box)
            column.addWidget(label)
            self.page_labels.append(label)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("pdfPreviewScroll")
        self.scroll_area.setAccessibleName(self.tr("Pages of the PDF"))
        self.scroll_area.setWidget(self.pages)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.setBackgroundRole(QPalette.ColorRole.Dark)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._update_page_number)
        return self.scroll_area

    def _tools(self) -> QHBoxLayout:
        self.zoom_out_button = QPushButton(self.tr("Zoom out"))
        self.zoom_out_button.setObjectName("zoomOutButton")
        self.zoom_out_button.setAccessibleName(self.tr("Zoom out"))
        self.zoom_out_button.setToolTip(QKeySequence(QKeySequence.StandardKey.ZoomOut).toString())
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_in_button = QPushButton(self.tr("Zoom in"))
        self.zoom_in_button.setObjectName("zoomInButton")
        self.zoom_in_button.setAccessibleName(self.tr("Zoom in"))
        self.zoom_in_button.setToolTip(QKeySequence(QKeySequence.StandardKey.ZoomIn).toString())
        self.zoom_in_button.clicked.connect(self.zoom_in)
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setAutoDefault(False)
        self.page_number = QLabel()
        self.page_number.setObjectName("pageNumber")
        tools = QHBoxLayout()
        tools.addWidget(self.zoom_out_button)
        tools.addWidget(self.zoom_label)
        tools.addWidget(self.zoom_in_button)
        tools.addStretch(1)
        tools.addWidget(self.page_number)
        return tools

    def _buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Save…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("previewSaveButton")
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("previewCancelButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    def _add_shortcuts(self) -> None:
        zoom_in_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn)
        if QKeySequence("Ctrl+=") not in zoom_in_keys:  # Ctrl and = without Shift, as browsers
            zoom_in_keys.append(QKeySequence("Ctrl+="))
        for keys, slot in (
            (zoom_in_keys, self.zoom_in),
            (QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut), self.zoom_out),
        ):
            for key in keys:
                shortcut = QShortcut(key, self)
                shortcut.activated.connect(slot)

    # --- pages --------------------------------------------------------------------------------

    def page_image(self, index: int, zoom: int | None = None) -> QImage:
        """Page ``index`` (from 0) as drawn at ``zoom`` percent (default: the current zoom)."""
        percent = self.zoom if zoom is None else zoom
        ratio = self.devicePixelRatioF()
        image = render_page(self.document, index, percent / 100 * ratio)
        image.setDevicePixelRatio(ratio)
        return image

    def _render_pages(self) -> None:
        for index, label in enumerate(self.page_labels):
            label.setPixmap(QPixmap.fromImage(self.page_image(index)))
        self.zoom_label.setText(self.tr("%1 %").replace("%1", str(self.zoom)))
        self.zoom_out_button.setEnabled(self.zoom > ZOOM_STEPS[0])
        self.zoom_in_button.setEnabled(self.zoom < ZOOM_STEPS[-1])
        self._update_page_number()

    def zoom_in(self) -> None:
        bigger = [step for step in ZOOM_STEPS if step > self.zoom]
        if bigger:
            self._set_zoom(bigger[0])

    def zoom_out(self) -> None:
        smaller = [step for step in ZOOM_STEPS if step < self.zoom]
        if smaller:
            self._set_zoom(smaller[-1])

    def _set_zoom(self, percent: int) -> None:
        bar = self.scroll_area.verticalScrollBar()
        where = bar.value() / max(1, bar.maximum())  # keep the same place in the document
        self.zoom = percent
        self._render_pages()
        self.pages.adjustSize()
        bar.setValue(round(where * bar.maximum()))

    def current_page(self) -> int:
        """The page (from 1) at the top of the view."""
        top = self.scroll_area.verticalScrollBar().value() + PAGE_GAP
        for number, label in enumerate(self.page_labels, start=1):
            if label.geometry().bottom() >= top:
                return number
        return self.page_count

    def _update_page_number(self, *_args: object) -> None:
        self.page_number.setText(
            self.tr("Page %1 of %2")
            .replace("%1", str(self.current_page()))
            .replace("%2", str(self.page_count))
        )

    def _size_to_screen(self) -> None:
        first = self.document[0]
        try:
            width_points, height_points = first.get_size()
        finally:
            first.close()
        width = round(width_points * DEFAULT_ZOOM / 100) + 80
        height = round(height_points * DEFAULT_ZOOM / 100) + 140
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            width = min(width, screen.width() - 40)
            height = min(height, screen.height() - 40)
        self.resize(width, height)

    def _close_document(self) -> None:
        self.document.close()
