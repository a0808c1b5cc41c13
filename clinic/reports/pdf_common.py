"""What every attorney PDF shares: colours, paragraph styles, the letterhead, markup escaping
and the document set-up (:func:`build_pdf`).

Paragraph text is markup for reportlab: every piece of user text goes through :func:`esc`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from clinic.reports.fonts import SANS, SANS_BOLD, fallback_markup, register_fonts
from clinic.reports.page_canvas import PageDecorator

MISSING_FILL = colors.HexColor("#fdecea")
MISSING_INK = colors.HexColor("#a50e0e")
RULE_GREY = colors.HexColor("#9aa0a6")
SOFT_GREY = colors.HexColor("#5f6368")
HEADER_FILL = colors.HexColor("#f1f3f4")
LIGHT_RULE = colors.HexColor("#dadce0")


def esc(text: str) -> str:
    """User text made safe for a Paragraph; newlines become line breaks; Chinese and Japanese
    characters print in the fallback font."""
    return fallback_markup(escape(text).replace("\n", "<br/>"))


def footer_decorator(
    left: str,
    confidential: str,
    page_label: Callable[[int, int], str],
    *,
    page_width: float,
    margin: float,
    heights: tuple[float, float, float] = (0.62 * inch, 0.45 * inch, 0.3 * inch),
) -> PageDecorator:
    """The footer every staff PDF prints: a rule, ``left`` and "page x of y" on one line, the
    confidentiality line below. ``heights``: the rule's, the first line's and the second's."""
    rule_y, line_y, note_y = heights

    def decorate(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(SANS, 7.5)
        canvas.setFillColor(SOFT_GREY)
        canvas.setStrokeColor(RULE_GREY)
        canvas.line(margin, rule_y, page_width - margin, rule_y)
        canvas.drawString(margin, line_y, left)
        canvas.drawRightString(page_width - margin, line_y, page_label(page, total))
        canvas.drawString(margin, note_y, confidential)
        canvas.restoreState()

    return decorate


class Styles:
    def __init__(self) -> None:
        base = ParagraphStyle("body", fontName=SANS, fontSize=9.5, leading=12.5)
        self.body = base
        self.small = ParagraphStyle(
            "small", parent=base, fontSize=8, leading=10, textColor=SOFT_GREY
        )
        self.clinic = ParagraphStyle(
            "clinic", parent=base, fontName=SANS_BOLD, fontSize=14, leading=17
        )
        self.letterhead = ParagraphStyle(
            "lh", parent=base, fontSize=8.5, leading=11, textColor=SOFT_GREY
        )
        self.title = ParagraphStyle(
            "title", parent=base, fontName=SANS_BOLD, fontSize=15, leading=19, spaceBefore=10
        )
        self.h2 = ParagraphStyle(
            "h2",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=10,
            spaceAfter=4,
        )
        self.label = ParagraphStyle(
            "label", parent=base, fontName=SANS_BOLD, fontSize=8.5, leading=11
        )
        self.mark = ParagraphStyle("mark", parent=base, fontName=SANS_BOLD, fontSize=9, leading=12)
        self.missing_mark = ParagraphStyle("missing", parent=self.mark, textColor=MISSING_INK)


def letterhead(clinic_name: str, address_lines: str, s: Styles) -> list[Paragraph]:
    """The clinic's name and its address/phone lines (from settings), as on every PDF."""
    name = esc(clinic_name.strip()) or "Clinic"
    lines = [Paragraph(name, s.clinic)]
    if address_lines.strip():
        lines.append(Paragraph(esc(address_lines.strip()), s.letterhead))
    return lines


def build_pdf(
    story: list[Any],
    *,
    title: str,
    author: str = "Clinic",
    margins: tuple[float, float, float] = (0.75 * inch, 0.7 * inch, 0.85 * inch),
    pagesize: tuple[float, float] = LETTER,
    canvasmaker: Any = None,
    **metadata: Any,
) -> bytes:
    """One PDF built in memory from ``story``, set up as every Clinic PDF is: the fonts
    registered, ``margins`` as (sides, top, bottom), Clinic as the creator and the metadata given
    (title, author, subject, keywords, lang …). The metadata is readable without opening the
    document: never put a client's name in it."""
    register_fonts()
    buffer = io.BytesIO()
    side, top, bottom = margins
    document = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=side,
        rightMargin=side,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author=author,
        creator="Clinic",
        **metadata,
    )
    if canvasmaker is None:
        document.build(story)
    else:
        document.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue()
