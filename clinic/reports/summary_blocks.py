"""The case summary's building blocks: its words in the language asked for, escaped user text,
section headings, ruled tables and the grey label/value panel. The sections are
:class:`clinic.reports.summary_pdf._Summary`'s."""

from __future__ import annotations

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Paragraph, Table, TableStyle

from clinic.reports.pdf_common import HEADER_FILL, LIGHT_RULE, RULE_GREY, Styles, esc
from clinic.reports.pdf_words import w
from clinic.reports.summary_data import CaseSummaryData

PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN = 0.75 * inch
BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN


class SummaryBlocks:
    """One rendering's language, styles and data, and the blocks its sections are made of."""

    def __init__(self, data: CaseSummaryData, lang: str) -> None:
        self.data, self.lang, self.s = data, lang, Styles()

    def w(self, key: str, **values: object) -> str:
        return w(self.lang, key, **values)

    def p(self, text: str, style: object | None = None) -> Paragraph:
        """A paragraph of user text (escaped); "—" when empty."""
        return Paragraph(esc(text) or self.w("none"), style or self.s.body)

    def label(self, key: str) -> Paragraph:
        return Paragraph(esc(self.w(key)), self.s.label)

    def heading(self, key: str) -> list[object]:
        return [CondPageBreak(1.0 * inch), Paragraph(esc(self.w(key)), self.s.h2)]

    def table(
        self,
        header: tuple[str, ...],
        rows: list[list[object]],
        widths: list[float],
        extra: list[tuple[object, ...]] | None = None,
    ) -> Table:
        head = [self.label(k) for k in header]
        table = Table([head, *rows], colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE_GREY),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, LIGHT_RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    *(extra or []),
                ]
            )
        )
        return table

    def facts(self, pairs: list[tuple[str, str, str, str]]) -> Table:
        """Label/value pairs, two to a row, on a grey panel; a pair without a second label
        gets the whole row."""
        rows = [
            [self.label(k1), self.p(v1), self.label(k2) if k2 else "", self.p(v2) if k2 else ""]
            for k1, v1, k2, v2 in pairs
        ]
        table = Table(
            rows, colWidths=[1.15 * inch, 2.35 * inch, 1.3 * inch, BODY_WIDTH - 4.8 * inch]
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, -1), HEADER_FILL),
                    ("BOX", (0, 0), (-1, -1), 0.5, RULE_GREY),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    *(
                        ("SPAN", (1, row), (3, row))
                        for row, pair in enumerate(pairs)
                        if not pair[2]
                    ),
                ]
            )
        )
        return table
