"""Icons: the program's own icon, and the interface's icons from one free set.

The program's icon is crisp at every scale: drawn from the SVG where Qt's SVG icon engine is
available, else from the rendered PNG sizes (16 … 512 px, written by installer/render_icons.py),
so that at 200 % a 32-pixel icon comes from the 64-pixel image, never a blown-up 32-pixel one.

The interface's icons are Lucide's (ISC licence, ``resources/icons/lucide/``, decision 0013):
line drawings in ``currentColor``, recoloured when painted from the palette of
:mod:`clinic.ui.palette`, so they follow light and dark mode, and drawn at the device's pixel
size. QtSvg is loaded on the first icon painted, not at import.
"""

from __future__ import annotations

from enum import Enum
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap

from clinic.resource_files import resource_path
from clinic.ui import palette as colours

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    svg = QIcon(str(resource_path("icons", "clinic.svg")))
    if not svg.isNull() and not svg.pixmap(QSize(16, 16)).isNull():
        return svg
    return png_icon()


def png_icon() -> QIcon:
    """Each rendered size at 1x, and the one twice as large as its @2x (Qt picks a bitmap by
    its device pixel ratio, so a plain 64-pixel image would not serve 32 px at 200 %)."""
    icon = QIcon()
    for size in PNG_SIZES:
        png = resource_path("icons", f"clinic-{size}.png")
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
        double = resource_path("icons", f"clinic-{size * 2}.png")
        if double.is_file():
            pixmap = QPixmap(str(double))
            pixmap.setDevicePixelRatio(2.0)
            icon.addPixmap(pixmap)
    return icon


class Glyph(Enum):
    """Every interface icon, by what it stands for; the value is the Lucide file's name."""

    TODAY = "sun"
    CASES = "briefcase"
    CALENDAR = "calendar-days"
    SETTINGS = "settings"
    NEW_INTAKE = "user-plus"
    LOCK = "lock"
    FIND = "search"
    BACK = "arrow-left"
    BACK_UP = "hard-drive-download"
    RESTORE = "archive-restore"
    IMPORT_SPREADSHEET = "file-spreadsheet"
    DOCKET = "gavel"
    EXPORT_CALENDAR = "calendar-arrow-down"
    FUNDER_REPORT = "chart-column"
    EXPORT_CASE = "package"
    IMPORT_CASE = "package-open"
    RECOVERY_KIT = "key-round"
    QUIT = "log-out"
    OVERDUE = "circle-alert"
    DUE_SOON = "clock"
    DONE = "circle-check"
    INFO = "info"
    WARNING = "triangle-alert"


def glyph_path(glyph: Glyph) -> str:
    return str(resource_path("icons", "lucide", f"{glyph.value}.svg"))


@cache
def _svg_text(glyph: Glyph) -> str:
    with open(glyph_path(glyph), encoding="utf-8") as handle:
        return handle.read()


@lru_cache(maxsize=256)
def _renderer(glyph: Glyph, colour: str) -> QSvgRenderer:
    from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415 - loaded on the first icon painted

    data = _svg_text(glyph).replace("currentColor", colour)
    return QSvgRenderer(QByteArray(data.encode("utf-8")))


def _colour_for(role: colours.Role | None, mode: QIcon.Mode) -> str:
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText).name()
    if role is None:
        return palette.color(QPalette.ColorRole.WindowText).name()
    return colours.css(role, palette)


class _TintedSvgEngine(QIconEngine):
    """Draws a Lucide SVG in the palette's colour of the moment, at device pixels."""

    def __init__(self, glyph: Glyph, role: colours.Role | None) -> None:
        super().__init__()
        self._glyph = glyph
        self._role = role

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        _renderer(self._glyph, _colour_for(self._role, mode)).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        side = max(1, round(min(size.width(), size.height()) * scale))
        pixmap = QPixmap(side, side)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _renderer(self._glyph, _colour_for(self._role, mode)).render(
            painter, QRectF(0, 0, side, side)
        )
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def clone(self) -> QIconEngine:
        return _TintedSvgEngine(self._glyph, self._role)

    def key(self) -> str:
        return "clinic-tinted-svg"

    def iconName(self) -> str:
        return self._glyph.value

    def isNull(self) -> bool:
        return False


def icon(glyph: Glyph, role: colours.Role | None = None) -> QIcon:
    """``glyph`` in the text colour (or ``role``'s), following light and dark mode."""
    return QIcon(_TintedSvgEngine(glyph, role))
