"""The case summary an attorney reads before a meeting or hearing: letterhead, client, family,
claim, stage history, hearings, open deadlines (with rule source and as-of date, overdue
marked), evidence with translation status, and the most recent notes.

Built from plain data (:class:`CaseSummaryData`), in memory. Fixed words come from
:mod:`clinic.reports.pdf_words` in the language asked for; user text is escaped and printed in
the embedded DejaVu font (diacritics, Greek, Cyrillic, Arabic letters).
"""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import (
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from clinic.domain.enums import (
    ForumKind,
    Outcome,
    TranslationStatus,
)
from clinic.reports import pdf_words
from clinic.reports.fonts import register_fonts
from clinic.reports.page_canvas import PageDecorator, numbered_canvas
from clinic.reports.pdf_common import (
    LIGHT_RULE,
    MISSING_FILL,
    build_pdf,
    esc,
    footer_decorator,
    letterhead,
)
from clinic.reports.pdf_words import clock, day, enum_word, hearing_time, w
from clinic.reports.summary_blocks import BODY_WIDTH, MARGIN, PAGE_WIDTH, SummaryBlocks
from clinic.reports.summary_data import (
    CaseSummaryData,
    EvidenceLine,
    FamilyLine,
    HearingLine,
    NoteLine,
    StageLine,
    SummaryDeadline,
)

# The data classes are re-exported: the service and the tests build a summary from here.
__all__ = [
    "CaseSummaryData",
    "EvidenceLine",
    "FamilyLine",
    "HearingLine",
    "NoteLine",
    "StageLine",
    "SummaryDeadline",
    "render_case_summary_pdf",
]


class _Summary(SummaryBlocks):
    """One rendering's sections, in the order of the story (blocks: SummaryBlocks)."""

    # --- sections --------------------------------------------------------------------------

    def client(self) -> list[object]:
        d, lang = self.data, self.lang
        nationality = ", ".join(pdf_words.country(lang, c) for c in d.nationalities)
        spoken = ", ".join(pdf_words.language_name(lang, c) for c in d.languages)
        if d.interpreter_needed:
            spoken = (
                f"{spoken} ({self.w('interpreter_needed')})"
                if spoken
                else self.w("interpreter_needed")
            )
        detention = enum_word(lang, d.detention)
        if d.detention_facility:
            detention = f"{detention} — {d.detention_facility}"
        return [
            *self.heading("client"),
            self.facts(
                [
                    ("name", d.client_name, "a_number", d.a_number or self.w("no_a_number")),
                    (
                        "other_names",
                        "; ".join(d.other_names),
                        "date_of_birth",
                        day(lang, d.date_of_birth),
                    ),
                    ("nationality", nationality, "languages", spoken),
                    ("address", d.address, "phone", d.phone),
                    ("detention", detention, "", ""),
                    ("email", d.email, "", ""),
                ]
            ),
        ]

    def family(self) -> list[object]:
        story = self.heading("family")
        if not self.data.family:
            return [*story, self.p(self.w("no_family"))]
        yes, no = self.w("yes"), self.w("no")
        rows: list[list[object]] = [
            [
                self.p(f.name),
                self.p(enum_word(self.lang, f.relationship)),
                self.p(day(self.lang, f.date_of_birth)),
                self.p(f.a_number),
                self.p(yes if f.in_us else no),
                Paragraph(f"<b>{esc(yes)}</b>" if f.derivative else esc(no), self.s.body),
            ]
            for f in self.data.family
        ]
        widths = [1.8 * inch, 1.05 * inch, 1.2 * inch, 1.2 * inch, 0.75 * inch]
        widths.append(BODY_WIDTH - sum(widths))
        header = ("name", "relationship", "date_of_birth", "a_number", "in_us", "derivative")
        return [*story, self.table(header, rows, widths)]

    def claim(self) -> list[object]:
        d, lang = self.data, self.lang
        forum_key = "asylum_office" if d.forum_kind is ForumKind.ASYLUM_OFFICE else "forum"
        forum = d.forum_name or enum_word(lang, d.forum_kind)
        stage = enum_word(lang, d.stage)
        if d.outcome is not None:
            stage = f"{stage} · {enum_word(lang, d.outcome)}"
        grounds = ", ".join(enum_word(lang, g) for g in d.grounds)
        pairs = [
            ("claim_type", enum_word(lang, d.claim_type), "case", f"#{d.case_id}"),
            (forum_key, forum, "judge", d.judge),
            ("grounds", grounds, "relief", ", ".join(enum_word(lang, r) for r in d.relief)),
        ]
        if d.psg_definition:
            pairs.append(("psg", d.psg_definition, "", ""))
        pairs += [
            ("stage", stage, "opened_on", day(lang, d.opened_on)),
            (
                "filed_on",
                day(lang, d.filed_on) if d.filed_on else self.w("not_filed"),
                "receipt",
                d.receipt_number,
            ),
            ("attorney", d.attorney, "paralegal", d.paralegal),
        ]
        table = self.facts(pairs)
        return [*self.heading("claim"), table]

    def history(self) -> list[object]:
        story = self.heading("history")
        if not self.data.history:
            return [*story, self.p(self.w("no_history"))]
        rows: list[list[object]] = []
        for e in self.data.history:
            change = enum_word(self.lang, e.to_stage)
            if e.from_stage is not None:
                change = f"{enum_word(self.lang, e.from_stage)} → {change}"
            if e.outcome is not None:
                change = f"{change} · {enum_word(self.lang, e.outcome)}"
            if e.is_referral and e.outcome is not Outcome.REFERRED:
                change = f"{change} ({self.w('referred')})"
            rows.append(
                [
                    self.p(day(self.lang, e.on)),
                    self.p(change),
                    self.p(e.actor),
                    self.p(e.note, self.s.small),
                ]
            )
        widths = [1.1 * inch, 2.5 * inch, 1.0 * inch]
        widths.append(BODY_WIDTH - sum(widths))
        return [*story, self.table(("date", "change", "by", "note"), rows, widths)]

    def _hearing_rows(self, hearings: tuple[HearingLine, ...]) -> list[list[object]]:
        rows: list[list[object]] = []
        for h in hearings:
            when = day(self.lang, h.on)
            if h.at is not None:
                when = f"{when}\n{hearing_time(self.lang, h.on, h.at, h.timezone)}"
            where = h.location
            if h.judge:
                where = (
                    f"{where}\n{self.w('judge')}: {h.judge}"
                    if where
                    else f"{self.w('judge')}: {h.judge}"
                )
            rows.append(
                [
                    self.p(when),
                    self.p(enum_word(self.lang, h.kind)),
                    self.p(where),
                    self.p(enum_word(self.lang, h.mode)),
                    self.p(h.outcome, self.s.small),
                ]
            )
        return rows

    def hearings(self) -> list[object]:
        story = self.heading("hearings")
        d = self.data
        if not d.upcoming and not d.past:
            return [*story, self.p(self.w("no_hearings"))]
        widths = [1.2 * inch, 1.35 * inch, 2.05 * inch, 1.0 * inch]
        widths.append(BODY_WIDTH - sum(widths))
        header = ("when", "kind", "where", "mode", "outcome")
        for key, hearings, empty in (
            ("upcoming_hearings", d.upcoming, "no_upcoming"),
            ("past_hearings", d.past, "no_past"),
        ):
            story.append(Paragraph(f"<b>{esc(self.w(key))}</b>", self.s.body))
            if hearings:
                story.append(self.table(header, self._hearing_rows(hearings), widths))
            else:
                story.append(self.p(self.w(empty), self.s.small))
            story.append(Spacer(1, 4))
        return story

    def deadlines(self) -> list[object]:
        story = self.heading("deadlines")
        d = self.data
        if not d.deadlines:
            story.append(self.p(self.w("no_deadlines")))
        else:
            rows: list[list[object]] = []
            extra: list[tuple[object, ...]] = []
            for number, item in enumerate(d.deadlines, start=1):
                title = esc(pdf_words.rule_name(self.lang, item.title))
                if item.overdue:
                    title = f"<font color='#a50e0e'><b>{esc(self.w('overdue'))}</b></font> {title}"
                    extra.append(("BACKGROUND", (0, number), (-1, number), MISSING_FILL))
                title_cell: list[Paragraph] = [Paragraph(title, self.s.body)]
                if item.needs_attorney_check:
                    check = f"<font color='#a50e0e'>⚠ {esc(self.w('attorney_check'))}</font>"
                    title_cell.append(Paragraph(check, self.s.small))
                source = item.source or enum_word(self.lang, item.origin)
                if item.as_of is not None:
                    source = f"{source} ({day(self.lang, item.as_of)})"
                court = self.w("court_sets")
                rows.append(
                    [
                        title_cell,
                        self.p(day(self.lang, item.due_on) if item.due_on else court),
                        self.p(day(self.lang, item.act_by) if item.act_by else self.w("none")),
                        self.p(source, self.s.small),
                    ]
                )
            widths = [2.0 * inch, 1.35 * inch, 1.2 * inch]
            widths.append(BODY_WIDTH - sum(widths))
            story.append(self.table(("deadline", "due", "act_by", "source"), rows, widths, extra))
        if d.closed_deadlines:
            story.append(self.p(self.w("closed_deadlines", n=d.closed_deadlines), self.s.small))
        return story

    def evidence(self) -> list[object]:
        story = self.heading("evidence")
        d = self.data
        if not d.evidence:
            return [*story, self.p(self.w("no_evidence"))]
        rows: list[list[object]] = []
        extra: list[tuple[object, ...]] = []
        for number, e in enumerate(d.evidence, start=1):
            translation = esc(enum_word(self.lang, e.translation))
            if e.translation is TranslationStatus.NEEDED:
                translation = f"<font color='#a50e0e'>{translation}</font>"
                extra.append(("BACKGROUND", (0, number), (-1, number), MISSING_FILL))
            attached = self.w("file_attached", n=e.files) if e.files else self.w("no_file")
            rows.append(
                [
                    self.p(e.title),
                    self.p(enum_word(self.lang, e.category)),
                    self.p(pdf_words.language_name(self.lang, e.language) if e.language else ""),
                    Paragraph(translation, self.s.body),
                    self.p(enum_word(self.lang, e.status)),
                    self.p(attached),
                ]
            )
        widths = [1.55 * inch, 1.2 * inch, 0.85 * inch, 1.45 * inch, 0.95 * inch]
        widths.append(BODY_WIDTH - sum(widths))
        header = ("item", "category", "language", "translation", "status", "file")
        story.append(self.table(header, rows, widths, extra))
        needed = sum(1 for e in d.evidence if e.translation is TranslationStatus.NEEDED)
        if needed:
            line = esc(self.w("untranslated_summary", n=needed))
            story.append(Paragraph(f"<font color='#a50e0e'>{line}</font>", self.s.body))
        return story

    def notes(self) -> list[object]:
        story = self.heading("notes")
        d = self.data
        if not d.notes:
            return [*story, self.p(self.w("no_notes"))]
        if len(d.notes) < d.notes_total:
            shown = self.w("notes_shown", shown=len(d.notes), total=d.notes_total)
        else:
            shown = self.w("notes_all", n=d.notes_total)
        story.append(self.p(shown, self.s.small))
        rows: list[list[object]] = []
        for n in d.notes:
            when = f"{clock(self.lang, n.at.timetz())} {n.at.strftime('%Z')}".strip()
            rows.append(
                [
                    [
                        self.p(day(self.lang, n.at.date())),
                        self.p(f"{when} · {n.author}" if n.author else when, self.s.small),
                    ],
                    self.p(n.body),
                ]
            )
        table = Table(rows, colWidths=[1.45 * inch, BODY_WIDTH - 1.45 * inch])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, LIGHT_RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return [*story, table]

    def footer(self) -> PageDecorator:
        d, lang = self.data, self.lang
        left = " · ".join(
            (
                self.w("summary_footer", case_id=d.case_id),
                self.w("generated", when=pdf_words.moment(lang, d.generated_at)),
                self.w("rules_as_of", date=day(lang, d.rules_as_of)),
            )
        )
        confidential = self.w("confidential")

        return footer_decorator(
            left,
            confidential,
            lambda page, total: w(lang, "page_of", page=page, total=total),
            page_width=PAGE_WIDTH,
            margin=MARGIN,
        )

    def story(self) -> list[object]:
        d = self.data
        intro = self.w(
            "summary_intro",
            who=d.generated_by or self.w("staff"),
            when=pdf_words.moment(self.lang, d.generated_at),
            as_of=day(self.lang, d.rules_as_of),
        )
        return [
            *letterhead(d.clinic_name, d.letterhead, self.s),
            Paragraph(f"{esc(self.w('summary_title'))} — {esc(d.client_name)}", self.s.title),
            self.p(intro, self.s.small),
            *self.client(),
            *self.family(),
            *self.claim(),
            *self.history(),
            *self.hearings(),
            *self.deadlines(),
            *self.evidence(),
            *self.notes(),
        ]


def render_case_summary_pdf(data: CaseSummaryData, lang: str = "en") -> bytes:
    """The case summary PDF, in memory."""
    register_fonts()  # before the story's styles name the fonts
    summary = _Summary(data, lang)
    return build_pdf(
        summary.story(),
        margins=(MARGIN, 0.7 * inch, 0.85 * inch),
        canvasmaker=numbered_canvas(summary.footer()),
        title=f"{w(lang, 'summary_title')}: #{data.case_id}",
        author=data.clinic_name or "Clinic",
        subject=f"Case #{data.case_id}",
    )
