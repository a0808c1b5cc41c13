"""How much text an I-589 box takes, measured exactly: the form's fields are set in Courier, whose
every glyph is 600/1000 of the type size wide.

A one-line box takes its text at the field's own size, or smaller down to :data:`MIN_SIZE`. A
box of several lines (Parts B and C's explanations, Supplement B's page) takes the text wrapped
at word boundaries by Clinic itself — the value written holds the line breaks, so every viewer,
the appearance streams pypdf writes and PDFium's flattening show the same lines — at the field's
size or smaller down to :data:`MIN_LINES_SIZE` (a long account stays readable; what does not fit
goes on Supplement B).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from pypdf.generic import DictionaryObject, NameObject, TextStringObject

CHAR_WIDTH = 0.6  # Courier: every glyph is 600/1000 of the type size wide
AUTO_SIZE = 9.0  # the size a field asking for "auto" (0 Tf) is measured at
MIN_SIZE = 6.0  # smaller is not legible when printed
MIN_LINES_SIZE = 8.0  # an account of several lines is read, not glanced at
PADDING = 4.0  # the text's inset inside the box, 2 points each side
# From one line to the next, in type sizes: pypdf's appearance streams and PDFium's flattening
# both set lines the height of the font's bounding box apart (the form's Courier New Bold:
# ascent 1221, descent -710 in 1/1000 of the size), seen in PDFium's rendering.
LEADING = 1.95
MULTILINE = 1 << 12  # the text field flag (PDF 32000-1, table 228)
_DA_SIZE = re.compile(r"/(\S+)\s+([\d.]+)\s+Tf")


def _appearance(widget: DictionaryObject) -> tuple[str, float]:
    match = _DA_SIZE.search(str(widget.get("/DA", "")))
    size = float(match.group(2)) if match else 0.0
    return (match.group(1) if match else ""), (size if size > 0 else AUTO_SIZE)


def _box(widget: DictionaryObject) -> tuple[float, float]:
    rect = [float(x) for x in widget["/Rect"]]  # type: ignore[attr-defined]
    return abs(rect[2] - rect[0]) - PADDING, abs(rect[3] - rect[1]) - PADDING


def is_multiline(widget: DictionaryObject) -> bool:
    flags: Any = widget.get("/Ff")
    if flags is None and "/Parent" in widget:
        parent: Any = widget["/Parent"].get_object()
        flags = parent.get("/Ff")
    return bool(int(flags or 0) & MULTILINE)


def font_size(widget: DictionaryObject, text: str) -> float | None:
    """The type size at which ``text`` fits the one-line box: the field's own, or smaller down to
    :data:`MIN_SIZE`; None when even that is too large. A field in another font than Courier
    keeps its own size."""
    font, size = _appearance(widget)
    if "courier" not in font.lower():
        return size
    room = _box(widget)[0]
    needed = max(len(text), 1) * CHAR_WIDTH
    if needed * size <= room:
        return size
    fitted = math.floor(room / needed * 10) / 10
    return fitted if fitted >= MIN_SIZE else None


def wrap(text: str, columns: int) -> list[str]:
    """``text`` in lines of at most ``columns`` characters, broken between words (a word longer
    than a line is cut across lines); its own line breaks and blank lines kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for whole in paragraph.split():
            word = whole
            while len(word) > columns:
                if line:
                    lines.append(line)
                    line = ""
                lines.append(word[:columns])
                word = word[columns:]
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= columns:
                line = f"{line} {word}"
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


@dataclass(frozen=True)
class Capacity:
    size: float
    columns: int  # characters per line
    rows: int  # lines in the box


def capacity(widget: DictionaryObject, size: float) -> Capacity:
    width, height = _box(widget)
    rows = max(int(height // (size * LEADING)), 1)
    return Capacity(size, int(width // (size * CHAR_WIDTH)), rows)


def sizes(widget: DictionaryObject) -> list[float]:
    """The sizes a box of several lines is tried at, largest first."""
    _font, own = _appearance(widget)
    steps = round((own - MIN_LINES_SIZE) / 0.5)
    return [own - 0.5 * n for n in range(max(steps, 0) + 1)]


def fit_lines(widget: DictionaryObject, text: str) -> tuple[float, list[str]] | None:
    """``text`` wrapped to fill the box of several lines, at the largest size it fits at (not
    below :data:`MIN_LINES_SIZE`); None when it does not fit."""
    for size in sizes(widget):
        room = capacity(widget, size)
        lines = wrap(text, room.columns)
        if len(lines) <= room.rows:
            return size, lines
    return None


def resize(widget: DictionaryObject, size: float) -> None:
    """The widget's default appearance set in ``size`` (viewers that regenerate appearances,
    and PDFium when flattening, draw from it)."""
    appearance = str(widget.get("/DA", ""))
    match = _DA_SIZE.search(appearance)
    if match and float(match.group(2)) != size:
        resized = f"{appearance[: match.start()]}/{match.group(1)} {size:g} Tf"
        widget[NameObject("/DA")] = TextStringObject(resized + appearance[match.end() :])
