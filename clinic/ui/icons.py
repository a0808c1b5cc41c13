"""The program's icon, crisp at every scale: drawn from the SVG where Qt's SVG icon engine is
available, else from the rendered PNG sizes (16 … 512 px, written by installer/render_icons.py),
so that at 200 % a 32-pixel icon comes from the 64-pixel image, never a blown-up 32-pixel one."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap

from clinic.resource_files import resource_path

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
