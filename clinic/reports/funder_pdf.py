"""The funder report: counts only, small cells suppressed before they reach this module.

No names, A-numbers or dates of birth are ever passed in: the data holds category labels and
already-suppressed cells (:mod:`clinic.domain.suppression`). Labels still go through ``esc``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from clinic.domain.suppression import THRESHOLD, Cell
from clinic.reports.fonts import SANS, register_fonts
from clinic.reports.page_canvas import PageDecorator, numbered_canvas
from clinic.reports.pdf_common import (
    HEADER_FILL,
    LIGHT_RULE,
    RULE_GREY,
    SOFT_GREY,
    Styles,
    build_pdf,
    esc,
    letterhead,
)
from clinic.reports.pdf_words import day

PAGE_WIDTH, _ = LETTER
MARGIN = 0.75 * inch
BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN


@dataclass(frozen=True)
class FunderTable:
    title: str
    note: str
    rows: tuple[tuple[str, Cell], ...]
    total: Cell | None  # None: categories overlap, no total is published


@dataclass(frozen=True)
class FunderReportData:
    clinic_name: str
    letterhead: str
    year: int
    period_start: date
    period_end: date
    tables: tuple[FunderTable, ...]
    generated_at: datetime


def definitions(data: FunderReportData) -> list[str]:
    """The footnotes printed under the tables (also written into the CSV)."""
    return [
        f"Cases counted: every case open at any point from {day('en', data.period_start)} to "
        f"{day('en', data.period_end)}, that is, opened on or before the last day and not closed "
        "before the first day. Stage and outcome are as recorded on the last day of that period.",
        f"Counts from 1 to {THRESHOLD - 1} are shown as \u201c<{THRESHOLD}\u201d so that no client "
        "can be singled out. Where a total would let a hidden count be worked out, the next "
        "smallest count in that table is hidden as well and shown as \u201c*\u201d. Zero is shown "
        "as 0.",
        "No names, A-numbers, dates of birth or other identifiers are in this report.",
    ]


def _table(table: FunderTable, s: Styles) -> list[object]:
    number = ParagraphStyle("number", parent=s.body, alignment=TA_RIGHT)
    bold_number = ParagraphStyle("total", parent=s.label, alignment=TA_RIGHT)
    rows: list[list[object]] = [
        [Paragraph(esc(label), s.body), Paragraph(esc(cell.text()), number)]
        for label, cell in table.rows
    ]
    if not rows:
        rows.append([Paragraph("No cases.", s.body), Paragraph("0", number)])
    style: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, LIGHT_RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if table.total is not None:
        rows.append([Paragraph("Total", s.label), Paragraph(esc(table.total.text()), bold_number)])
        style += [
            ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), HEADER_FILL),
            ("LINEABOVE", (0, len(rows) - 1), (-1, len(rows) - 1), 0.6, RULE_GREY),
        ]
    grid = Table(rows, colWidths=[BODY_WIDTH - 1.3 * inch, 1.3 * inch], hAlign="LEFT")
    grid.setStyle(TableStyle(style))
    story: list[object] = [CondPageBreak(1.5 * inch), Paragraph(esc(table.title), s.h2)]
    if table.note:
        story.append(Paragraph(esc(table.note), s.small))
    return [*story, grid]


def _footer(data: FunderReportData) -> PageDecorator:
    left = (
        f"Funder report {data.year} · counts only, small cells suppressed · generated "
        f"{day('en', data.generated_at.date())}"
    )

    def decorate(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(SANS, 7.5)
        canvas.setFillColor(SOFT_GREY)
        canvas.setStrokeColor(RULE_GREY)
        canvas.line(MARGIN, 0.62 * inch, PAGE_WIDTH - MARGIN, 0.62 * inch)
        canvas.drawString(MARGIN, 0.45 * inch, left)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, 0.45 * inch, f"Page {page} of {total}")
        canvas.restoreState()

    return decorate


def render_funder_pdf(data: FunderReportData) -> bytes:
    register_fonts()  # before the styles name the fonts
    s = Styles()
    story: list[object] = [
        *letterhead(data.clinic_name, data.letterhead, s),
        Paragraph(f"Funder report — {data.year}", s.title),
        Paragraph(
            f"Cases open between {day('en', data.period_start)} and "
            f"{day('en', data.period_end)}. Counts only.",
            s.small,
        ),
        Spacer(1, 4),
    ]
    for table in data.tables:
        story += _table(table, s)
    story += [Spacer(1, 10), Paragraph("Notes", s.h2)]
    story += [
        Paragraph(f"{n}. {esc(text)}", s.small) for n, text in enumerate(definitions(data), 1)
    ]
    return build_pdf(
        story,
        margins=(MARGIN, 0.7 * inch, 0.85 * inch),
        canvasmaker=numbered_canvas(_footer(data)),
        title=f"Funder report {data.year}",
        author=data.clinic_name or "Clinic",
        subject="Case counts by category; small cells suppressed",
    )
