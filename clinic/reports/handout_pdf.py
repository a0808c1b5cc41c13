"""Client handouts as PDF: large type, the clinic's letterhead in the handout's language(s), one
language or two side by side (two columns) or one after the other. Built in memory from plain
data; the service decides the words (from resources/handouts/<language>.toml) and this module
only lays them out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from clinic.reports.fonts import SANS, SANS_BOLD, register_fonts
from clinic.reports.page_canvas import PageDecorator, numbered_canvas
from clinic.reports.pdf_common import LIGHT_RULE, RULE_GREY, SOFT_GREY, build_pdf, esc

PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN = 0.6 * inch
BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN
GUTTER = 0.25 * inch
FACTS_FILL = colors.HexColor("#eef3fb")
FACTS_INK = colors.HexColor("#1a3d7c")
LAYOUTS = ("side-by-side", "sequential")
BODY_SIZE = 12.5


@dataclass(frozen=True)
class HandoutSection:
    """One part of a handout, in every language printed (keys are language codes)."""

    heading: Mapping[str, str] = field(default_factory=dict)
    facts: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    paragraphs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    items: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    boxed: bool = False  # the key facts (date, place): shaded and larger


@dataclass(frozen=True)
class HandoutPdfData:
    clinic_name: str
    letterhead: Mapping[str, str]  # address and phone lines, in each language printed
    languages: tuple[str, ...]  # one language code, or two ("en", "ht")
    layout: str  # "side-by-side" or "sequential"
    title: Mapping[str, str]
    header: Mapping[
        str, tuple[str, ...]
    ]  # "For: …", "Your A-number: …", "Case #…", "Prepared on …"
    sections: tuple[HandoutSection, ...]
    closing: Mapping[str, str]
    sources: Mapping[str, str]
    page_label: Mapping[str, str]  # "Page {page} of {total}"
    column_label: Mapping[str, str]  # "English" / "Kreyòl ayisyen" above the columns
    document_title: str  # PDF metadata: never a client's name


class _Styles:
    def __init__(self, scale: float = 1.0) -> None:
        size = BODY_SIZE * scale
        self.body = ParagraphStyle(
            "hbody", fontName=SANS, fontSize=size, leading=size * 1.25, spaceAfter=3
        )
        self.item = ParagraphStyle(  # the bullet in the embedded font (not Helvetica, unembedded)
            "hitem",
            parent=self.body,
            leftIndent=16,
            bulletIndent=2,
            spaceAfter=2,
            bulletFontName=SANS,
        )
        self.heading = ParagraphStyle(
            "hhead",
            parent=self.body,
            fontName=SANS_BOLD,
            fontSize=size * 1.12,
            leading=size * 1.35,
            spaceBefore=6,
            spaceAfter=2,
        )
        self.title = ParagraphStyle(
            "htitle", parent=self.body, fontName=SANS_BOLD, fontSize=19, leading=24, spaceAfter=4
        )
        self.header = ParagraphStyle("hhdr", parent=self.body, spaceAfter=1)
        self.fact_label = ParagraphStyle(
            "hfl", parent=self.body, fontName=SANS_BOLD, textColor=FACTS_INK, spaceAfter=0
        )
        self.fact_value = ParagraphStyle(
            "hfv", parent=self.body, fontName=SANS_BOLD, fontSize=size * 1.08, spaceAfter=5
        )
        self.clinic = ParagraphStyle(
            "hclinic", parent=self.body, fontName=SANS_BOLD, fontSize=16, leading=20
        )
        self.letterhead = ParagraphStyle(
            "hlh", parent=self.body, fontSize=11, leading=14, textColor=SOFT_GREY
        )
        self.column = ParagraphStyle(
            "hcol", parent=self.body, fontName=SANS_BOLD, fontSize=10, textColor=SOFT_GREY
        )
        self.small = ParagraphStyle(
            "hsmall", parent=self.body, fontSize=8, leading=10, textColor=SOFT_GREY
        )


def _letterhead(data: HandoutPdfData, s: _Styles, langs: tuple[str, ...]) -> list[Flowable]:
    """The clinic's name, then its letterhead lines in ``langs`` (two different ones side by
    side, in the columns of the text below them)."""
    name = esc(data.clinic_name.strip() or "Clinic")
    story: list[Flowable] = [Paragraph(name, s.clinic)]
    lines = [data.letterhead.get(lang, "").strip() for lang in langs]
    if len(lines) == 2 and lines[0] != lines[1] and all(lines):
        column = (BODY_WIDTH - GUTTER) / 2
        table = Table(
            [[Paragraph(esc(lines[0]), s.letterhead), Paragraph(esc(lines[1]), s.letterhead)]],
            colWidths=[column + GUTTER / 2, column + GUTTER / 2],
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        story.append(table)
    elif any(lines):
        story.append(Paragraph(esc(next(line for line in lines if line)), s.letterhead))
    rule = Table([[""]], colWidths=[BODY_WIDTH], rowHeights=[4])
    rule.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 1, RULE_GREY)]))
    return [*story, rule, Spacer(1, 6)]


def _facts_box(rows: tuple[tuple[str, str], ...], width: float, s: _Styles) -> Table:
    cells = [[[p for label, value in rows for p in _fact(label, value, s)]]]
    box = Table(cells, colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), FACTS_FILL),
                ("BOX", (0, 0), (-1, -1), 1, FACTS_INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return box


def _fact(label: str, value: str, s: _Styles) -> list[Paragraph]:
    if not label:
        return [Paragraph(esc(value), s.body)]
    return [Paragraph(esc(label), s.fact_label), Paragraph(esc(value), s.fact_value)]


def _section(section: HandoutSection, lang: str, width: float, s: _Styles) -> list[Flowable]:
    story: list[Flowable] = []
    heading = section.heading.get(lang, "")
    if heading:
        story.append(Paragraph(esc(heading), s.heading))
    facts = section.facts.get(lang, ())
    if facts:
        story.append(_facts_box(facts, width, s))
        story.append(Spacer(1, 4))
    story += [Paragraph(esc(text), s.body) for text in section.paragraphs.get(lang, ())]
    story += [Paragraph(esc(text), s.item, bulletText="•") for text in section.items.get(lang, ())]
    return story


def _top(data: HandoutPdfData, lang: str, s: _Styles) -> list[Flowable]:
    return [
        Paragraph(esc(data.title.get(lang, "")), s.title),
        *[Paragraph(esc(line), s.header) for line in data.header.get(lang, ())],
        Spacer(1, 4),
    ]


def _end(data: HandoutPdfData, lang: str, s: _Styles) -> list[Flowable]:
    story: list[Flowable] = [Spacer(1, 8)]
    if data.closing.get(lang):
        story.append(Paragraph(f"<b>{esc(data.closing[lang])}</b>", s.body))
    return story


def _sources(data: HandoutPdfData, s: _Styles) -> list[Flowable]:
    lines = [data.sources[lang] for lang in data.languages if data.sources.get(lang)]
    if not lines:
        return []
    return [Spacer(1, 10), *[Paragraph(esc(line), s.small) for line in lines[:1]]]


def _sequential(data: HandoutPdfData) -> list[Flowable]:
    s = _Styles()
    story: list[Flowable] = []
    for number, lang in enumerate(data.languages):
        if number:
            story.append(PageBreak())
        story += _letterhead(data, s, (lang,))
        story += _top(data, lang, s)
        for section in data.sections:
            story.append(KeepTogether(_section(section, lang, BODY_WIDTH, s)))
        story += _end(data, lang, s)
    return story + _sources(data, s)


def _two_columns(data: HandoutPdfData) -> list[Flowable]:
    s = _Styles(scale=0.96)  # 12 pt in a column of about 3.4 inches
    column = (BODY_WIDTH - GUTTER) / 2
    left, right = data.languages[0], data.languages[1]
    table_style = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LINEAFTER", (0, 0), (0, -1), 0.5, LIGHT_RULE),
        ]
    )
    widths = [column + GUTTER / 2, column + GUTTER / 2]

    def pair(a: list[Flowable], b: list[Flowable]) -> Table:
        # the right column starts a little in from the dividing rule
        table = Table([[a, [_Indent(GUTTER / 2, f) for f in b]]], colWidths=widths, splitInRow=1)
        table.setStyle(table_style)
        return table

    story: list[Flowable] = _letterhead(data, s, (left, right))
    story.append(
        pair(
            [Paragraph(esc(data.column_label.get(left, left)), s.column)],
            [Paragraph(esc(data.column_label.get(right, right)), s.column)],
        )
    )
    story.append(pair(_top(data, left, s), _top(data, right, s)))
    for section in data.sections:
        story.append(CondPageBreak(0.9 * inch))
        story.append(pair(_section(section, left, column, s), _section(section, right, column, s)))
    story.append(pair(_end(data, left, s), _end(data, right, s)))
    return story + _sources(data, s)


class _Indent(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A flowable drawn ``left`` points to the right (the second column's inner margin)."""

    def __init__(self, left: float, inner: Flowable) -> None:
        super().__init__()
        self.left = left
        self.inner = inner

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        width, height = self.inner.wrap(available_width - self.left, available_height)
        self.width, self.height = width + self.left, height
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.inner.getSpaceAfter())

    def draw(self) -> None:
        self.inner.drawOn(self.canv, self.left, 0)


def _footer(data: HandoutPdfData) -> PageDecorator:
    def decorate(canvas: Canvas, page: int, total: int) -> None:
        labels = [
            data.page_label[lang].format(page=page, total=total)
            for lang in data.languages
            if lang in data.page_label
        ]
        canvas.saveState()
        canvas.setFont(SANS, 9)
        canvas.setFillColor(SOFT_GREY)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, 0.45 * inch, " · ".join(dict.fromkeys(labels)))
        canvas.restoreState()

    return decorate


def render_handout_pdf(data: HandoutPdfData) -> bytes:
    """The handout as PDF bytes (nothing is written anywhere)."""
    if data.layout not in LAYOUTS:
        raise ValueError(f"unknown layout {data.layout!r}; use one of {', '.join(LAYOUTS)}")
    if not data.languages:
        raise ValueError("a handout needs at least one language")
    register_fonts()  # before the story's styles name the fonts
    two_columns = data.layout == "side-by-side" and len(data.languages) == 2
    story = _two_columns(data) if two_columns else _sequential(data)
    return build_pdf(
        story,
        margins=(MARGIN, 0.5 * inch, 0.75 * inch),
        canvasmaker=numbered_canvas(_footer(data)),
        title=data.document_title,
        author=data.clinic_name or "Clinic",
        lang=data.languages[0],
    )
