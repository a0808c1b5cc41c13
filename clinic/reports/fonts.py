"""Embedded Unicode fonts for every PDF (the standard 14 PDF fonts cannot print Cyrillic etc.)."""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from clinic.resource_files import resource_path

SANS = "ClinicSans"
SANS_BOLD = "ClinicSans-Bold"
MONO = "ClinicMono"
# Chinese and Japanese characters that DejaVu lacks (see resources/fonts/README.md).
FALLBACK = "ClinicFallback"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    MONO: "DejaVuSansMono.ttf",
    FALLBACK: "DroidSansFallbackFull.ttf",
}


@cache
def register_fonts() -> None:
    """Register the shipped fonts once per process; raises if a font file is missing."""
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD
    )


@cache
def _coverage() -> tuple[frozenset[int], frozenset[int]]:
    """The code points the main font and the fallback font can draw."""
    register_fonts()
    main = pdfmetrics.getFont(SANS)
    fallback = pdfmetrics.getFont(FALLBACK)
    return frozenset(main.face.charToGlyph), frozenset(fallback.face.charToGlyph)


def fallback_markup(markup: str) -> str:
    """Paragraph markup with every run of characters that DejaVu cannot draw, but the fallback
    font can, wrapped in a ``<font>`` tag — so a name like 刘芳 prints instead of empty boxes.

    Safe on escaped text: the markup's own characters (``<``, ``&`` …) are all in DejaVu.
    """
    if markup.isascii():
        return markup
    main, fallback = _coverage()
    out: list[str] = []
    run: list[str] = []
    for char in markup:
        code = ord(char)
        if code not in main and code in fallback:
            run.append(char)
            continue
        if run:
            out.append(f'<font face="{FALLBACK}">{"".join(run)}</font>')
            run.clear()
        out.append(char)
    if run:
        out.append(f'<font face="{FALLBACK}">{"".join(run)}</font>')
    return "".join(out)
