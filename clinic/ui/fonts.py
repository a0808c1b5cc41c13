"""Fonts of the window: names in every script the PDFs print are drawn on screen too.

The PDFs embed DejaVu Sans and Droid Sans Fallback (``resources/fonts/``, decision 0011). A
desktop without a Chinese or Japanese font (a minimal Linux install, or the bundle on a fresh
laptop) drew 刘芳 as empty boxes. At start-up the same files are registered with Qt and put
after the system's interface font in the application font's family list, so Qt takes a glyph
from them when the interface font has none, and the system's own fonts still draw everything
else in the style the user knows.

The type scale (:func:`scaled`) keeps headings and small print in fixed steps of the user's
interface font size instead of sizes picked page by page.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from clinic.resource_files import resource_path

# Registered in this order; their families follow the interface font in the fallback list.
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DroidSansFallbackFull.ttf")
FALLBACK_FAMILIES = ("DejaVu Sans", "Droid Sans Fallback")


class Step(Enum):
    """The type scale: factors of the interface font's size."""

    SMALL = 0.9  # captions, hints, counts in badges
    BODY = 1.0
    SUBTITLE = 1.15  # section titles, the sidebar's labels stay BODY
    TITLE = 1.4  # a page's heading (Today's date)


def register_bundled_fonts() -> list[str]:
    """Register the shipped fonts with Qt; the families that loaded (files missing from a
    damaged install are skipped: the system's fonts then draw what they can)."""
    families: list[str] = []
    for name in FONT_FILES:
        path = resource_path("fonts", name)
        if not path.is_file():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return families


def with_fallbacks(font: QFont, available: list[str] | None = None) -> QFont:
    """``font`` with the bundled families after its own (each family once)."""
    fallbacks = [f for f in FALLBACK_FAMILIES if available is None or f in available]
    families = [f for f in font.families() or [font.family()] if f]
    for family in fallbacks:
        if family not in families:
            families.append(family)
    result = QFont(font)
    result.setFamilies(families)
    return result


def install_fonts(app: QApplication) -> list[str]:
    """At start-up: register the bundled fonts and make them the application font's fallbacks.
    Returns the family list the window now uses."""
    available = register_bundled_fonts()
    font = with_fallbacks(app.font(), available)
    app.setFont(font)
    return font.families()


def scaled(font: QFont, step: Step, *, bold: bool | None = None) -> QFont:
    """``font`` at ``step`` of the type scale (and bold or not, when given)."""
    result = QFont(font)
    size = font.pointSizeF()
    if size > 0:
        result.setPointSizeF(size * step.value)
    else:
        result.setPixelSize(max(1, round(font.pixelSize() * step.value)))
    if bold is not None:
        result.setBold(bold)
    return result
