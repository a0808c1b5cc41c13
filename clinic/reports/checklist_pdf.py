"""The filing checklist an attorney signs off: letterhead, case header, the computed deadlines,
items by section with status boxes, what is missing, and a sign-off block.

Every piece of user text goes through :func:`_esc` before it reaches a Paragraph (reportlab
parses Paragraph text as markup). Names print in the embedded DejaVu font (Latin with diacritics,
Greek, Cyrillic, Arabic letters …; see resources/fonts/README.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from clinic.domain.checklists import EvaluatedChecklist, EvaluatedItem
from clinic.domain.enums import ChecklistState
from clinic.domain.i18n import LANGUAGES
from clinic.reports import pdf_words
from clinic.reports.checklist_words import checklist_word as _t
from clinic.reports.checklist_words import state_mark
from clinic.reports.fonts import register_fonts
from clinic.reports.page_canvas import PageDecorator, numbered_canvas
from clinic.reports.pdf_common import (
    HEADER_FILL,
    MISSING_FILL,
    MISSING_INK,
    RULE_GREY,
    Styles,
    build_pdf,
    esc,
    footer_decorator,
    letterhead,
)

PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN = 0.75 * inch
BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN
MARK_WIDTH = 1.45 * inch  # the items' state column


def _day(lang: str, value: date) -> str:
    """The staff PDFs' short date (see :mod:`clinic.reports.pdf_words`): "Jan 15, 2027"."""
    return pdf_words.day(lang, value)


@dataclass(frozen=True)
class DeadlineLine:
    title: str
    due_on: date | None  # None: the court sets the date
    act_by: date | None
    source: str
    # an unverified rule, or a count that needs judgement (leap day, closure, unknown fact)
    needs_attorney_check: bool = False


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
    lang: str = "en"  # "en" or "es": the fixed words, item texts and dates


_esc = esc
_Styles = Styles


def _letterhead(data: ChecklistPdfData, s: _Styles) -> list[Paragraph]:
    return letterhead(data.clinic_name, data.letterhead, s)


def _header_table(data: ChecklistPdfData, s: _Styles) -> Table:
    def cell(text: str) -> Paragraph:
        return Paragraph(_esc(text) or "—", s.body)

    lang = data.lang
    forum = data.forum + (_t(lang, "judge", judge=data.judge) if data.judge else "")
    rows = [
        [_t(lang, "client"), cell(data.client_name), _t(lang, "a_number"), cell(data.a_number)],
        [_t(lang, "case"), cell(f"#{data.case_id}"), _t(lang, "claim"), cell(data.claim_type)],
        [_t(lang, "forum"), cell(forum), _t(lang, "relief"), cell(data.relief)],
        [_t(lang, "attorney"), cell(data.attorney), _t(lang, "paralegal"), cell(data.paralegal)],
        [_t(lang, "next_hearing"), cell(data.next_hearing), "", ""],
    ]
    rows = [[Paragraph(r[0], s.label), r[1], Paragraph(r[2], s.label), r[3]] for r in rows]
    # Spanish labels are longer ("Asistente legal"); the English widths stay as they were
    widths = (1.1, 2.6, 0.85) if lang == "en" else (1.3, 2.3, 1.2)
    table = Table(
        rows,
        colWidths=[w * inch for w in widths] + [BODY_WIDTH - sum(widths) * inch],
    )
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
    lang = data.lang
    if not data.deadlines:
        return [
            Paragraph(_t(lang, "deadlines"), s.h2),
            Paragraph(_t(lang, "no_deadlines"), s.body),
        ]
    rows: list[list[object]] = [
        [Paragraph(_t(lang, k), s.label) for k in ("deadline", "due", "act_by", "source")]
    ]
    for d in data.deadlines:
        due = _day(lang, d.due_on) if d.due_on else _t(lang, "court_sets")
        act_by = _day(lang, d.act_by) if d.act_by else "—"
        title: list[Paragraph] = [Paragraph(_esc(pdf_words.rule_name(lang, d.title)), s.body)]
        if d.needs_attorney_check:
            warning = f"<font color='#a50e0e'>{_esc(_t(lang, 'attorney_check'))}</font>"
            title.append(Paragraph(warning, s.small))
        rows.append(
            [
                title,
                Paragraph(due, s.body),
                Paragraph(act_by, s.body),
                Paragraph(_esc(d.source), s.small),
            ]
        )
    table = Table(
        rows,
        # the date columns hold "Nov 28, 2026" / "28 nov 2026" on one line
        colWidths=[2.15 * inch, 1.05 * inch, 1.05 * inch, BODY_WIDTH - 4.25 * inch],
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
    return [Paragraph(_t(lang, "deadlines"), s.h2), table]


def _summary(checklist: EvaluatedChecklist, s: _Styles, lang: str = "en") -> list[object]:
    done = checklist.count(ChecklistState.DONE)
    na = checklist.count(ChecklistState.NOT_APPLICABLE)
    missing = checklist.missing
    line = (
        _t(lang, "summary", n=len(checklist.items), done=done, na=na)
        + f"<font color='#a50e0e'><b>{_t(lang, 'summary_missing', n=len(missing))}</b></font>."
    )
    story: list[object] = [Paragraph(line, s.body)]
    if missing:
        rows = [
            [Paragraph("☐", s.missing_mark), Paragraph(f"{_esc(i.item.text_in(lang))}", s.body)]
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
        story += [Paragraph(_t(lang, "what_missing"), s.h2), box]
    return story


def _item_cell(entry: EvaluatedItem, s: _Styles, lang: str = "en") -> list[Paragraph]:
    parts = [Paragraph(_esc(entry.item.text_in(lang)), s.body)]
    notes: list[str] = []
    if entry.auto is not None and entry.auto.detail:
        detail = entry.auto.detail_in(lang, lambda d: _day(lang, d))
        notes.append(_t(lang, "case_data", detail=_esc(detail)))
    if entry.manual is not None and entry.source == "staff":
        who = _esc(entry.manual.updated_by) or _t(lang, "staff")
        when = _day(lang, entry.manual.updated_at.date()) if entry.manual.updated_at else ""
        why = f" — {_esc(entry.manual.reason)}" if entry.manual.reason else ""
        notes.append(_t(lang, "marked_by", who=who, when=when, why=why))
    if entry.disagrees:
        notes.append(f"<font color='#a50e0e'>{_t(lang, 'disagrees')}</font>")
    if entry.item.note_in(lang):
        notes.append(_esc(entry.item.note_in(lang)))
    notes.append(_t(lang, "rule", citation=_esc(entry.item.citation_in(lang))))
    parts += [Paragraph(n, s.small) for n in notes]
    return parts


def _sections(checklist: EvaluatedChecklist, s: _Styles, lang: str = "en") -> list[object]:
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
            mark = state_mark(lang, entry.state)
            rows.append([Paragraph(mark, mark_style), _item_cell(entry, s, lang)])
            if entry.state is ChecklistState.MISSING:
                style.append(("BACKGROUND", (0, row), (-1, row), MISSING_FILL))
        # wide enough for the longest state on one line ("— No corresponde")
        table = Table(rows, colWidths=[MARK_WIDTH, BODY_WIDTH - MARK_WIDTH])
        table.setStyle(TableStyle(style))
        title = checklist.template.section_in(section, lang)
        story += [CondPageBreak(1.2 * inch), Paragraph(_esc(title), s.h2), table]
    return story


def _sign_off(s: _Styles, lang: str = "en") -> KeepTogether:
    line = "_" * 44
    rows = [
        [Paragraph(_t(lang, "reviewed_by"), s.label), Paragraph(line, s.body)],
        [Paragraph(_t(lang, "signature"), s.label), Paragraph(line, s.body)],
        [Paragraph(_t(lang, "date"), s.label), Paragraph("_" * 20, s.body)],
        [Paragraph(_t(lang, "notes"), s.label), Paragraph(line, s.body)],
        ["", Paragraph(line, s.body)],
    ]
    table = Table(rows, colWidths=[2.0 * inch, BODY_WIDTH - 2.0 * inch])
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 0), (-1, -1), 12)])
    )
    return KeepTogether([Paragraph(_t(lang, "sign_off"), s.h2), table])


def _footer(data: ChecklistPdfData) -> PageDecorator:
    lang = data.lang
    generated = pdf_words.moment(lang, data.generated_at)
    left = _t(
        lang,
        "footer",
        case_id=data.case_id,
        generated=generated,
        as_of=_day(lang, data.checklist.template.as_of),
    )

    return footer_decorator(
        left,
        _t(lang, "confidential"),
        lambda page, total: _t(lang, "page", page=page, total=total),
        page_width=PAGE_WIDTH,
        margin=MARGIN,
    )


def render_checklist_pdf(data: ChecklistPdfData) -> bytes:
    register_fonts()  # before the styles name the fonts
    s = _Styles()
    template = data.checklist.template
    lang = data.lang if data.lang in LANGUAGES else "en"
    story: list[object] = [
        *_letterhead(data, s),
        Paragraph(_t(lang, "title", title=_esc(template.title_in(lang))), s.title),
        Paragraph(
            _t(
                lang,
                "sources",
                source=_esc(template.source),
                as_of=_day(lang, template.as_of),
                who=_esc(data.generated_by) or _t(lang, "staff"),
            ),
            s.small,
        ),
        Spacer(1, 6),
        _header_table(data, s),
        *_deadline_table(data, s),
        Spacer(1, 8),
        *_summary(data.checklist, s, lang),
        *_sections(data.checklist, s, lang),
        Spacer(1, 6),
        _sign_off(s, lang),
    ]
    return build_pdf(
        story,
        margins=(MARGIN, 0.7 * inch, 0.85 * inch),
        canvasmaker=numbered_canvas(_footer(data)),
        title=_t(data.lang, "doc_title", title=template.title_in(data.lang)),
        author=data.clinic_name or "Clinic",
        subject=f"Case #{data.case_id}; checklist {template.id}; rules as of {template.as_of}",
        keywords=["filing checklist", template.id],
    )
