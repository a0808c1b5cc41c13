"""The filing checklist an attorney signs off: letterhead, case header, the computed deadlines,
items by section with status boxes, what is missing, and a sign-off block.

Every piece of user text goes through :func:`_esc` before it reaches a Paragraph (reportlab
parses Paragraph text as markup). Names print in the embedded DejaVu font (Latin with diacritics,
Greek, Cyrillic, Arabic letters …; see resources/fonts/README.md).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from clinic.domain.checklists import EvaluatedChecklist, EvaluatedItem
from clinic.domain.enums import ChecklistState
from clinic.reports.fonts import SANS, SANS_BOLD, register_fonts
from clinic.reports.page_canvas import PageDecorator, numbered_canvas

PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN = 0.75 * inch
BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN
MISSING_FILL = colors.HexColor("#fdecea")
MISSING_INK = colors.HexColor("#a50e0e")
RULE_GREY = colors.HexColor("#9aa0a6")
SOFT_GREY = colors.HexColor("#5f6368")
HEADER_FILL = colors.HexColor("#f1f3f4")

MARKS = {
    ChecklistState.DONE: "☑ Done",
    ChecklistState.NOT_APPLICABLE: "— N/A",
    ChecklistState.MISSING: "☐ Missing",
}


@dataclass(frozen=True)
class DeadlineLine:
    title: str
    due_on: date | None  # None: the court sets the date
    act_by: date | None
    source: str


@dataclass(frozen=True)
class ChecklistPdfData:
    clinic_name: str
    letterhead: str  # address / phone lines, newline-separated
    case_id: int
    client_name: str
    a_number: str
    claim_type: str
    relief: str
    forum: str
    judge: str
    attorney: str
    paralegal: str
    next_hearing: str
    deadlines: tuple[DeadlineLine, ...]
    checklist: EvaluatedChecklist
    generated_at: datetime
    generated_by: str


def _esc(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


class _Styles:
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


def _letterhead(data: ChecklistPdfData, s: _Styles) -> list[object]:
    name = _esc(data.clinic_name.strip()) or "Clinic"
    lines = [Paragraph(name, s.clinic)]
    if data.letterhead.strip():
        lines.append(Paragraph(_esc(data.letterhead.strip()), s.letterhead))
    return lines


def _header_table(data: ChecklistPdfData, s: _Styles) -> Table:
    def cell(text: str) -> Paragraph:
        return Paragraph(_esc(text) or "—", s.body)

    forum = data.forum + (f" — Judge {data.judge}" if data.judge else "")
    rows = [
        ["Client", cell(data.client_name), "A-number", cell(data.a_number)],
        ["Case", cell(f"#{data.case_id}"), "Claim", cell(data.claim_type)],
        ["Forum", cell(forum), "Relief", cell(data.relief)],
        ["Attorney", cell(data.attorney), "Paralegal", cell(data.paralegal)],
        ["Next hearing", cell(data.next_hearing), "", ""],
    ]
    rows = [[Paragraph(r[0], s.label), r[1], Paragraph(r[2], s.label), r[3]] for r in rows]
    table = Table(rows, colWidths=[1.1 * inch, 2.6 * inch, 0.85 * inch, BODY_WIDTH - 4.55 * inch])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("SPAN", (1, 4), (3, 4)),
                ("BACKGROUND", (0, 0), (-1, -1), HEADER_FILL),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE_GREY),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _deadline_table(data: ChecklistPdfData, s: _Styles) -> list[object]:
    if not data.deadlines:
        return [Paragraph("Computed deadlines", s.h2), Paragraph("No open deadlines.", s.body)]
    rows: list[list[object]] = [
        [Paragraph(t, s.label) for t in ("Deadline", "Due", "Act by", "Source")]
    ]
    for d in data.deadlines:
        due = d.due_on.isoformat() if d.due_on else "set by the court"
        act_by = d.act_by.isoformat() if d.act_by else "—"
        rows.append(
            [
                Paragraph(_esc(d.title), s.body),
                Paragraph(due, s.body),
                Paragraph(act_by, s.body),
                Paragraph(_esc(d.source), s.small),
            ]
        )
    table = Table(
        rows,
        colWidths=[2.3 * inch, 0.95 * inch, 0.95 * inch, BODY_WIDTH - 4.2 * inch],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE_GREY),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#dadce0")),
            ]
        )
    )
    return [Paragraph("Computed deadlines", s.h2), table]


def _summary(checklist: EvaluatedChecklist, s: _Styles) -> list[object]:
    done = checklist.count(ChecklistState.DONE)
    na = checklist.count(ChecklistState.NOT_APPLICABLE)
    missing = checklist.missing
    line = (
        f"{len(checklist.items)} items apply to this case: {done} done, {na} not applicable, "
        f"<font color='#a50e0e'><b>{len(missing)} missing</b></font>."
    )
    story: list[object] = [Paragraph(line, s.body)]
    if missing:
        rows = [
            [Paragraph("☐", s.missing_mark), Paragraph(f"{_esc(i.item.text)}", s.body)]
            for i in missing
        ]
        box = Table(rows, colWidths=[0.3 * inch, BODY_WIDTH - 0.3 * inch])
        box.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), MISSING_FILL),
                    ("BOX", (0, 0), (-1, -1), 0.6, MISSING_INK),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        story += [Paragraph("What is missing", s.h2), box]
    return story


def _item_cell(entry: EvaluatedItem, s: _Styles) -> list[Paragraph]:
    parts = [Paragraph(_esc(entry.item.text), s.body)]
    notes: list[str] = []
    if entry.auto is not None and entry.auto.detail:
        notes.append(f"Case data: {_esc(entry.auto.detail)}")
    if entry.manual is not None and entry.source == "staff":
        who = _esc(entry.manual.updated_by) or "staff"
        when = entry.manual.updated_at.strftime("%Y-%m-%d") if entry.manual.updated_at else ""
        why = f" — {_esc(entry.manual.reason)}" if entry.manual.reason else ""
        notes.append(f"Marked by {who} {when}{why}")
    if entry.disagrees:
        notes.append(
            "<font color='#a50e0e'>Marked done, but the case data says missing: check.</font>"
        )
    if entry.item.note:
        notes.append(_esc(entry.item.note))
    notes.append(f"Rule: {_esc(entry.item.citation)}")
    parts += [Paragraph(n, s.small) for n in notes]
    return parts


def _sections(checklist: EvaluatedChecklist, s: _Styles) -> list[object]:
    story: list[object] = []
    for section, entries in checklist.by_section():
        rows: list[list[object]] = []
        style: list[tuple[object, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#dadce0")),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        for row, entry in enumerate(entries):
            mark_style = s.missing_mark if entry.state is ChecklistState.MISSING else s.mark
            rows.append([Paragraph(MARKS[entry.state], mark_style), _item_cell(entry, s)])
            if entry.state is ChecklistState.MISSING:
                style.append(("BACKGROUND", (0, row), (-1, row), MISSING_FILL))
        table = Table(rows, colWidths=[0.95 * inch, BODY_WIDTH - 0.95 * inch])
        table.setStyle(TableStyle(style))
        story += [CondPageBreak(1.2 * inch), Paragraph(_esc(section), s.h2), table]
    return story


def _sign_off(s: _Styles) -> KeepTogether:
    line = "_" * 44
    rows = [
        [Paragraph("Reviewed by (attorney)", s.label), Paragraph(line, s.body)],
        [Paragraph("Signature", s.label), Paragraph(line, s.body)],
        [Paragraph("Date", s.label), Paragraph("_" * 20, s.body)],
        [Paragraph("Notes", s.label), Paragraph(line, s.body)],
        ["", Paragraph(line, s.body)],
    ]
    table = Table(rows, colWidths=[2.0 * inch, BODY_WIDTH - 2.0 * inch])
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 0), (-1, -1), 12)])
    )
    return KeepTogether([Paragraph("Attorney sign-off", s.h2), table])


def _footer(data: ChecklistPdfData) -> PageDecorator:
    generated = data.generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    left = (
        f"Filing checklist · case #{data.case_id} · generated {generated}"
        f" · rules as of {data.checklist.template.as_of.isoformat()}"
    )

    def decorate(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(SANS, 7.5)
        canvas.setFillColor(SOFT_GREY)
        canvas.setStrokeColor(RULE_GREY)
        canvas.line(MARGIN, 0.62 * inch, PAGE_WIDTH - MARGIN, 0.62 * inch)
        canvas.drawString(MARGIN, 0.45 * inch, left)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, 0.45 * inch, f"Page {page} of {total}")
        canvas.drawString(MARGIN, 0.3 * inch, "Confidential: attorney work product.")
        canvas.restoreState()

    return decorate


def render_checklist_pdf(data: ChecklistPdfData) -> bytes:
    register_fonts()
    s = _Styles()
    template = data.checklist.template
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=0.7 * inch,
        bottomMargin=0.85 * inch,
        # Metadata is readable without opening the document: no client names in it.
        title=f"Filing checklist: {template.title}",
        author=data.clinic_name or "Clinic",
        subject=f"Case #{data.case_id}; checklist {template.id}; rules as of {template.as_of}",
        creator="Clinic",
        keywords=["filing checklist", template.id],
    )
    story: list[object] = [
        *_letterhead(data, s),
        Paragraph(f"Filing checklist — {_esc(template.title)}", s.title),
        Paragraph(
            f"Sources: {_esc(template.source)}. Rules as of {template.as_of.isoformat()}. "
            f"Prepared by {_esc(data.generated_by) or 'staff'}.",
            s.small,
        ),
        Spacer(1, 6),
        _header_table(data, s),
        *_deadline_table(data, s),
        Spacer(1, 8),
        *_summary(data.checklist, s),
        *_sections(data.checklist, s),
        Spacer(1, 6),
        _sign_off(s),
    ]
    document.build(story, canvasmaker=numbered_canvas(_footer(data)))
    return buffer.getvalue()
