"""The hearing docket for a date range: hearings grouped by day, then by court (or asylum
office) and time, each with the client, A-number, case, kind of hearing, judge, paralegal and
how ready the case looks (explained in a legend at the end).

Built from plain data (:class:`DocketData`), in memory, landscape so a row reads on one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import groupby

from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.units import inch
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from clinic.domain.enums import AttendanceMode, ClaimType, HearingKind
from clinic.reports import pdf_words
from clinic.reports.fonts import register_fonts
from clinic.reports.page_canvas import PageDecorator, numbered_canvas
from clinic.reports.pdf_common import (
    HEADER_FILL,
    LIGHT_RULE,
    RULE_GREY,
    Styles,
    build_pdf,
    esc,
    footer_decorator,
    letterhead,
)
from clinic.reports.pdf_words import day, enum_word, hearing_time, w

PAGE_SIZE = landscape(LETTER)
PAGE_WIDTH, PAGE_HEIGHT = PAGE_SIZE
MARGIN = 0.6 * inch
BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN
READY_INK = "#137333"


@dataclass(frozen=True)
class Readiness:
    """What still stands between the case and the hearing, counted from the case data."""

    checklist_missing: int | None  # None: no filing checklist applies to the case
    untranslated: int  # evidence marked as needing a translation
    open_deadlines: int  # open deadlines to act on by the hearing date
    overdue_deadlines: int  # of those, already past today

    @property
    def ready(self) -> bool:
        return not (self.checklist_missing or self.untranslated or self.open_deadlines)


@dataclass(frozen=True)
class DocketEntry:
    on: date
    at: time | None
    court: str  # court / asylum office / location as recorded
    kind: HearingKind
    mode: AttendanceMode
    case_id: int
    client_name: str
    a_number: str  # formatted, "" when none
    claim_type: ClaimType
    judge: str
    paralegal: str
    attorney: str
    detained: bool
    interpreter_languages: tuple[str, ...]  # language codes when an interpreter is needed
    readiness: Readiness
    timezone: str = ""  # IANA zone of the place; the time prints with its abbreviation


@dataclass(frozen=True)
class DocketData:
    clinic_name: str
    letterhead: str
    start: date
    end: date
    paralegal_filter: str  # "" when every case is shown
    entries: tuple[DocketEntry, ...]
    today: date
    generated_at: datetime
    generated_by: str


def _sort_key(e: DocketEntry) -> tuple[date, str, time, str, int]:
    return (e.on, e.court.casefold(), e.at or time.max, e.client_name.casefold(), e.case_id)


class _Docket:
    def __init__(self, data: DocketData, lang: str) -> None:
        self.data, self.lang, self.s = data, lang, Styles()

    def w(self, key: str, **values: object) -> str:
        return w(self.lang, key, **values)

    def p(self, text: str, style: object | None = None) -> Paragraph:
        return Paragraph(esc(text) or self.w("none"), style or self.s.body)

    def readiness(self, r: Readiness) -> Paragraph:
        if r.ready:
            text = f"<font color='{READY_INK}'><b>✓ {esc(self.w('ready'))}</b></font>"
            if r.checklist_missing is None:
                text += f"<br/><font color='#5f6368'>{esc(self.w('no_checklist'))}</font>"
            return Paragraph(text, self.s.body)
        lines: list[str] = []
        if r.checklist_missing is None:
            lines.append(esc(self.w("no_checklist")))
        elif r.checklist_missing:
            lines.append(esc(self.w("checklist_missing", n=r.checklist_missing)))
        if r.untranslated:
            lines.append(esc(self.w("untranslated", n=r.untranslated)))
        if r.open_deadlines:
            line = esc(self.w("deadlines_before", n=r.open_deadlines))
            if r.overdue_deadlines:
                line += f" — <b>{esc(self.w('deadlines_overdue', n=r.overdue_deadlines))}</b>"
            lines.append(line)
        return Paragraph(
            "<br/>".join(f"<font color='#a50e0e'>• {line}</font>" for line in lines), self.s.body
        )

    def row(self, e: DocketEntry) -> list[object]:
        when = hearing_time(self.lang, e.on, e.at, e.timezone) if e.at else self.w("no_time")
        client = [Paragraph(f"<b>{esc(e.client_name)}</b>", self.s.body)]
        details = [e.a_number, f"#{e.case_id}"]
        client.append(self.p(" · ".join(x for x in details if x), self.s.small))
        if e.detained:
            client.append(Paragraph(f"<b>{esc(self.w('detained'))}</b>", self.s.missing_mark))
        if e.interpreter_languages:
            names = ", ".join(
                pdf_words.language_name(self.lang, c) for c in e.interpreter_languages
            )
            client.append(self.p(self.w("interpreter", languages=names), self.s.small))
        hearing = [
            self.p(enum_word(self.lang, e.kind)),
            self.p(
                f"{enum_word(self.lang, e.mode)} · {enum_word(self.lang, e.claim_type)}",
                self.s.small,
            ),
        ]
        people = [
            self.p(f"{self.w('judge')}: {e.judge}" if e.judge else self.w("none")),
            self.p(f"{self.w('paralegal')}: {e.paralegal or self.w('none')}", self.s.small),
        ]
        if e.attorney:
            people.append(self.p(f"{self.w('attorney')}: {e.attorney}", self.s.small))
        return [self.p(when), client, hearing, people, self.readiness(e.readiness)]

    WIDTHS = (1.0 * inch, 2.3 * inch, 1.75 * inch, 2.35 * inch)  # "12:30 p. m." on one line

    def court_table(self, entries: list[DocketEntry]) -> Table:
        header = [
            Paragraph(esc(self.w(k)), self.s.label)
            for k in ("time", "client_case", "hearing", "judge_paralegal", "readiness")
        ]
        widths = [*self.WIDTHS, BODY_WIDTH - sum(self.WIDTHS)]
        table = Table([header, *(self.row(e) for e in entries)], colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE_GREY),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, LIGHT_RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return table

    def days(self) -> list[object]:
        story: list[object] = []
        entries = sorted(self.data.entries, key=_sort_key)
        for on, of_day in groupby(entries, key=lambda e: e.on):
            day_band = Table(
                [[Paragraph(esc(pdf_words.weekday_day(self.lang, on)), self.s.h2)]],
                colWidths=[BODY_WIDTH],
            )
            day_band.setStyle(
                TableStyle(
                    [
                        ("BACKGROUND", (0, 0), (-1, -1), HEADER_FILL),
                        ("LINEBELOW", (0, 0), (-1, -1), 0.8, RULE_GREY),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ]
                )
            )
            story.append(CondPageBreak(1.6 * inch))
            # the day's band travels with its first court's first rows: never alone at the
            # foot of a page
            heading: list[object] = [Spacer(1, 6), day_band]
            for _court, at_court in groupby(of_day, key=lambda e: e.court.casefold()):
                group = list(at_court)
                name = group[0].court or self.w("no_location")
                story.append(
                    KeepTogether(
                        [
                            *heading,
                            Spacer(1, 4),
                            Paragraph(f"<b>{esc(name)}</b>", self.s.body),
                            self.court_table(group[:2]),
                        ]
                    )
                )
                heading = []
                if len(group) > 2:
                    story.append(self.court_table(group[2:]))
        return story

    def legend(self) -> KeepTogether:
        return KeepTogether(
            [
                Spacer(1, 10),
                Paragraph(esc(self.w("legend_title")), self.s.h2),
                Paragraph(esc(self.w("legend")), self.s.small),
            ]
        )

    def footer(self) -> PageDecorator:
        d, lang = self.data, self.lang
        left = " · ".join(
            (
                self.w("docket_footer", start=day(lang, d.start), end=day(lang, d.end)),
                self.w("generated", when=pdf_words.moment(lang, d.generated_at)),
            )
        )
        confidential = self.w("confidential")

        return footer_decorator(
            left,
            confidential,
            lambda page, total: w(lang, "page_of", page=page, total=total),
            page_width=PAGE_WIDTH,
            margin=MARGIN,
            heights=(0.55 * inch, 0.4 * inch, 0.26 * inch),
        )

    def story(self) -> list[object]:
        d, lang = self.data, self.lang
        title = f"{self.w('docket_title')}: " + self.w(
            "docket_range", start=day(lang, d.start), end=day(lang, d.end)
        )
        intro = self.w(
            "docket_intro",
            who=d.generated_by or self.w("staff"),
            when=pdf_words.moment(lang, d.generated_at),
            today=day(lang, d.today),
        )
        story: list[object] = [
            *letterhead(d.clinic_name, d.letterhead, self.s),
            Paragraph(esc(title), self.s.title),
            self.p(intro, self.s.small),
        ]
        if d.paralegal_filter:
            story.append(self.p(self.w("docket_paralegal", name=d.paralegal_filter), self.s.small))
        if not d.entries:
            empty = self.w("docket_empty", start=day(lang, d.start), end=day(lang, d.end))
            return [*story, Spacer(1, 18), Paragraph(f"<b>{esc(empty)}</b>", self.s.body)]
        story.append(self.p(self.w("docket_count", n=len(d.entries))))
        return [*story, *self.days(), self.legend()]


def render_docket_pdf(data: DocketData, lang: str = "en") -> bytes:
    """The hearing docket PDF, in memory (one clear line when the range has no hearings)."""
    register_fonts()  # before the story's styles name the fonts
    docket = _Docket(data, lang)
    return build_pdf(
        docket.story(),
        pagesize=PAGE_SIZE,
        margins=(MARGIN, 0.55 * inch, 0.75 * inch),
        canvasmaker=numbered_canvas(docket.footer()),
        title=f"{w(lang, 'docket_title')}: {data.start.isoformat()} – {data.end.isoformat()}",
        author=data.clinic_name or "Clinic",
        subject=w(lang, "docket_title"),
    )
