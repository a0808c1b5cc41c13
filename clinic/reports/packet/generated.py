"""The pages Clinic writes itself: cover, index of exhibits, tab dividers, translation
certificates and the certificate of service (reportlab, in memory, US Letter).

Every generated page keeps its bottom inch blank: the page number is stamped there afterwards.
User text goes through :func:`esc` (reportlab Paragraphs are markup) and prints in the embedded
DejaVu font, so names in any script print.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from clinic.reports.fonts import SANS, SANS_BOLD, register_fonts
from clinic.reports.packet.model import CoverData, ServiceData
from clinic.reports.pdf_common import HEADER_FILL, LIGHT_RULE, build_pdf, esc

PAGE_W, PAGE_H = LETTER
SIDE = 0.75 * inch
TOP = 0.75 * inch
BOTTOM = 1.0 * inch  # the stamped number lives in the lowest half inch
BODY_W = PAGE_W - 2 * SIDE

CERTIFICATE_RULE = (
    "8 CFR 1003.33 and Immigration Court Practice Manual 3.3(a): a document in a foreign "
    "language must be accompanied by an English translation and a certificate signed by the "
    "translator stating that the translator is competent to translate the language and that the "
    "translation is true and accurate to the best of the translator's abilities, with the "
    "translator's address and telephone number."
)


@dataclass(frozen=True)
class IndexRow:
    label: str
    description: str
    pages: str
    parts: str = ""


@dataclass(frozen=True)
class TabPage:
    label: str
    title: str


@dataclass(frozen=True)
class CertificatePage:
    label: str
    title: str
    language: str  # "Spanish"


class _Styles:
    def __init__(self) -> None:
        register_fonts()
        base = ParagraphStyle("pbody", fontName=SANS, fontSize=11, leading=15)
        self.body = base
        self.small = ParagraphStyle("psmall", parent=base, fontSize=8.5, leading=11)
        self.cell = ParagraphStyle("pcell", parent=base, fontSize=10, leading=13)
        self.head = ParagraphStyle("phead", parent=self.cell, fontName=SANS_BOLD)
        self.center = ParagraphStyle("pcenter", parent=base, alignment=TA_CENTER)
        self.court = ParagraphStyle(
            "pcourt", parent=base, fontName=SANS_BOLD, alignment=TA_CENTER, fontSize=12
        )
        self.title = ParagraphStyle(
            "ptitle",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=15,
            leading=20,
            alignment=TA_CENTER,
            spaceBefore=12,
            spaceAfter=12,
        )
        self.tab = ParagraphStyle(
            "ptab", parent=base, fontName=SANS_BOLD, fontSize=44, leading=52, alignment=TA_CENTER
        )
        self.tab_title = ParagraphStyle(
            "ptabtitle", parent=base, fontSize=14, leading=19, alignment=TA_CENTER
        )
        self.status = ParagraphStyle(
            "pstatus", parent=base, fontName=SANS_BOLD, fontSize=12, alignment=TA_CENTER
        )


def _document(story: list[object]) -> bytes:
    return build_pdf(story, margins=(SIDE, TOP, BOTTOM), title="", author="", invariant=True)


def _blank(text: str, width: int = 40) -> str:
    return esc(text) if text.strip() else "_" * width


_COURT_LINES = (
    "UNITED STATES DEPARTMENT OF JUSTICE",
    "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW",
    "IMMIGRATION COURT",
)
_OFFICE_LINES = (
    "U.S. DEPARTMENT OF HOMELAND SECURITY",
    "U.S. CITIZENSHIP AND IMMIGRATION SERVICES",
    "ASYLUM OFFICE",
)


def _court_party(cover: CoverData) -> str:
    return (
        f"In the Matter of:<br/><br/><b>{esc(cover.respondent)}</b>,<br/>"
        "Respondent.<br/><br/>In removal proceedings."
    )


def _court_file(cover: CoverData) -> str:
    return (
        f"File No.: <b>{_blank(cover.a_number, 14)}</b><br/><br/>"
        f"Immigration Judge: {_blank(cover.judge, 20)}<br/><br/>"
        f"Next hearing: {_blank(cover.next_hearing, 20)}"
    )


def _office_party(cover: CoverData) -> str:
    """An affirmative application before the asylum office (8 CFR 208.2(a), 208.9): the
    applicant is not a respondent and there are no removal proceedings."""
    return (
        f"In the Matter of:<br/><br/><b>{esc(cover.respondent)}</b>,<br/>"
        "Applicant.<br/><br/>Affirmative application for asylum (Form I-589)."
    )


def _office_file(cover: CoverData) -> str:
    return (
        f"A-Number: <b>{_blank(cover.a_number, 14)}</b><br/><br/>"
        f"Asylum interview: {_blank(cover.next_hearing, 20)}"
    )


def render_cover(cover: CoverData) -> bytes:
    s = _Styles()
    preparer = [esc(line) for line in (cover.preparer, cover.clinic_name) if line.strip()]
    preparer += [esc(line) for line in cover.letterhead.splitlines() if line.strip()]
    office = cover.forum == "asylum_office"
    detention = "DETAINED" if cover.detained else "NON-DETAINED"
    status = "AFFIRMATIVE ASYLUM" if office else detention
    top = Table(
        [[Paragraph("<br/>".join(preparer) or "&nbsp;", s.cell), Paragraph(status, s.status)]],
        colWidths=[BODY_W - 2 * inch, 2 * inch],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (1, 0), (1, 0), 1, colors.black),
                ("TOPPADDING", (1, 0), (1, 0), 8),
                ("BOTTOMPADDING", (1, 0), (1, 0), 8),
            ]
        ),
    )
    court_lines = list(_OFFICE_LINES if office else _COURT_LINES)
    if cover.court.strip():
        court_lines.append(esc(cover.court.strip().upper()))
    caption = Table(
        [
            [
                Paragraph(_office_party(cover) if office else _court_party(cover), s.body),
                Paragraph(_office_file(cover) if office else _court_file(cover), s.body),
            ]
        ],
        colWidths=[BODY_W / 2, BODY_W / 2],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEAFTER", (0, 0), (0, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 0), (0, 0), 0.8, colors.black),
                ("LEFTPADDING", (1, 0), (1, 0), 14),
            ]
        ),
    )
    story: list[object] = [
        top,
        Spacer(1, 0.5 * inch),
        Paragraph("<br/>".join(court_lines), s.court),
        Spacer(1, 0.4 * inch),
        caption,
        Spacer(1, 0.8 * inch),
        Paragraph(esc(cover.title.upper()), s.title),
    ]
    return _document(story)


def _ends(row: IndexRow) -> list[str]:
    """The first and last page labels of a row's range (one label for a single page)."""
    return row.pages.split("–")


def render_index(
    rows: list[IndexRow], *, respondent: str, a_number: str, with_parts: bool
) -> bytes:
    """The index of exhibits; its header row repeats on every page."""
    s = _Styles()
    # the Pages column is as wide as its widest page label (long Bates numbers), so a number is
    # never broken across lines; a range too wide for one line breaks after its dash
    padding = 12.0
    widest = max(
        (stringWidth(label, s.cell.fontName, s.cell.fontSize) for r in rows for label in _ends(r)),
        default=0.0,
    )
    pages_w = min(max(1.7 * inch, widest + stringWidth("–", SANS, 10) + padding), 2.9 * inch)
    widths = [0.6 * inch, 5.6 * inch - pages_w, pages_w, 0.8 * inch]
    header = ["Tab", "Description", "Pages", "Part" if with_parts else ""]
    data: list[list[object]] = [[Paragraph(h, s.head) for h in header]]
    for row in rows:
        one_line = stringWidth(row.pages, s.cell.fontName, s.cell.fontSize) + padding <= pages_w
        pages = esc(row.pages) if one_line else "–<br/>".join(esc(e) for e in _ends(row))
        data.append(
            [
                Paragraph(esc(row.label), s.head),
                Paragraph(esc(row.description), s.cell),
                Paragraph(pages, s.cell),
                Paragraph(esc(row.parts) if with_parts else "", s.cell),
            ]
        )
    table = Table(
        data,
        colWidths=widths,
        repeatRows=1,
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, LIGHT_RULE),
            ]
        ),
    )
    who = esc(respondent) + (f", {esc(a_number)}" if a_number else "")
    story: list[object] = [
        Paragraph("INDEX OF EXHIBITS", s.title),
        Paragraph(who, s.center),
        Spacer(1, 0.2 * inch),
        table,
    ]
    return _document(story)


def render_tabs_and_certificates(tabs: list[TabPage], certificates: list[CertificatePage]) -> bytes:
    """One tab divider page per exhibit, then one certificate page per generated certificate,
    all in one document (so they share one embedded font)."""
    s = _Styles()
    story: list[object] = []
    for tab in tabs:
        story += [
            Spacer(1, 2.6 * inch),
            Paragraph(f"EXHIBIT {esc(tab.label)}", s.tab),
            Spacer(1, 0.3 * inch),
            Paragraph(esc(tab.title), s.tab_title),
            PageBreak(),
        ]
    for cert in certificates:
        story += _certificate(cert, s)
        story.append(PageBreak())
    if story:
        story.pop()  # no blank page at the end
    return _document(story)


def _certificate(cert: CertificatePage, s: _Styles) -> list[object]:
    line = "_" * 46
    return [
        Paragraph("CERTIFICATE OF TRANSLATION", s.title),
        Paragraph(f"Exhibit {esc(cert.label)}: {esc(cert.title)}", s.center),
        Spacer(1, 0.35 * inch),
        Paragraph(
            f"I, {line}, certify that I am competent to translate from "
            f"<b>{esc(cert.language)}</b> into English, and that the attached English translation "
            f"of the document “{esc(cert.title)}” (Exhibit {esc(cert.label)}) is true and "
            "accurate to the best of my abilities.",
            s.body,
        ),
        Spacer(1, 0.45 * inch),
        Table(
            [
                [Paragraph("Signature", s.cell), Paragraph(line, s.cell)],
                [Paragraph("Date", s.cell), Paragraph("_" * 20, s.cell)],
                [Paragraph("Printed name", s.cell), Paragraph(line, s.cell)],
                [Paragraph("Address", s.cell), Paragraph(line, s.cell)],
                [Paragraph("", s.cell), Paragraph(line, s.cell)],
                [Paragraph("Telephone", s.cell), Paragraph("_" * 28, s.cell)],
            ],
            colWidths=[1.4 * inch, BODY_W - 1.4 * inch],
            style=TableStyle([("BOTTOMPADDING", (0, 0), (-1, -1), 10)]),
        ),
        Spacer(1, 0.5 * inch),
        Paragraph(esc(CERTIFICATE_RULE), s.small),
    ]


def render_service(service: ServiceData) -> bytes:
    s = _Styles()
    line = "_" * 30
    address = (
        esc(service.dhs_address.strip())
        if service.dhs_address.strip()
        else ("<br/>".join(["_" * 50] * 3))
    )
    who = esc(service.signer) if service.signer.strip() else line
    method = esc(service.method) if service.method.strip() else line
    story: list[object] = [
        Paragraph("CERTIFICATE OF SERVICE", s.title),
        Paragraph(
            f"In the Matter of {esc(service.respondent)}"
            + (f", {esc(service.a_number)}" if service.a_number else ""),
            s.center,
        ),
        Spacer(1, 0.35 * inch),
        Paragraph(
            f"On {'_' * 18} (date), I, {who}, served a copy of “{esc(service.title)}” and all "
            "attached exhibits on the Department of Homeland Security, U.S. Immigration and "
            "Customs Enforcement, Office of the Principal Legal Advisor (Office of Chief Counsel), "
            "at the following address:",
            s.body,
        ),
        Spacer(1, 0.2 * inch),
        Paragraph(address, s.body),
        Spacer(1, 0.2 * inch),
        Paragraph(f"by {method}.", s.body),
        Spacer(1, 0.6 * inch),
        Table(
            [
                [Paragraph("Signature", s.cell), Paragraph(line + "_" * 10, s.cell)],
                [Paragraph("Printed name", s.cell), Paragraph(who, s.cell)],
                [Paragraph("Date", s.cell), Paragraph("_" * 20, s.cell)],
            ],
            colWidths=[1.4 * inch, BODY_W - 1.4 * inch],
            style=TableStyle([("BOTTOMPADDING", (0, 0), (-1, -1), 10)]),
        ),
    ]
    return _document(story)
