"""The program's icon stays sharp on high-DPI screens (issue 3): at 200 % scaling a 32-pixel
icon comes from a 64-pixel image (the SVG, or the PNG twice the size), not from the 32-pixel
one blown up."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from clinic.ui.icons import PNG_SIZES, app_icon, png_icon


def looks_upscaled(icon: QIcon, logical: int) -> bool:
    """Too few device pixels (Qt would stretch it when painting), or a 1x image blown up to
    2x: 2x2 blocks of one colour each."""
    pixmap = icon.pixmap(QSize(logical, logical), 2.0)
    if pixmap.width() < 2 * logical:
        return True
    image = pixmap.toImage()
    return all(
        len({image.pixel(x + dx, y + dy) for dx in (0, 1) for dy in (0, 1)}) == 1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )


@pytest.mark.parametrize("make", [app_icon, png_icon], ids=["svg", "png"])
def test_icon_is_drawn_at_device_pixels_at_200_percent(qapp, make) -> None:  # type: ignore[no-untyped-def]
    icon = make()
    assert not icon.isNull()
    for logical in (16, 24, 32, 48):
        assert not looks_upscaled(icon, logical), f"{logical}px at 200 % is blurry"


def test_the_png_fallback_has_every_rendered_size(qapp) -> None:  # type: ignore[no-untyped-def]
    available = {size.width() for size in png_icon().availableSizes()}
    assert set(PNG_SIZES) <= available


def test_the_check_sees_a_blown_up_icon(qapp) -> None:  # type: ignore[no-untyped-def]
    small = QIcon(png_icon().pixmap(QSize(16, 16), 1.0))  # only a 16-pixel image
    assert looks_upscaled(small, 16)
