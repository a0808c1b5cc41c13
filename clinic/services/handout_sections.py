"""What each kind of client handout says about the case: the sections of a hearing reminder
(the next court hearing), a document request (what the clinic asked for, the checklist's
missing items, what needs translating) and an appointment slip, in each language asked for;
and the error saying what the case lacks for one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from clinic.domain.enums import (
    AttendanceMode,
    ChecklistState,
    EvidenceStatus,
    HearingKind,
    TranslationStatus,
)
from clinic.domain.handout_text import HandoutText
from clinic.domain.i18n import N_, translate
from clinic.reports.handout_pdf import HandoutSection
from clinic.reports.pdf_words import zone_abbreviation
from clinic.services import checklists
from clinic.services.dto import CaseView, HearingView
from clinic.services.handout_languages import clock, handout_text, long_date, when_key
from clinic.storage.store import Store

COURT_HEARINGS = (HearingKind.MASTER_CALENDAR, HearingKind.INDIVIDUAL)


class HandoutUnavailable(LookupError):
    """The case lacks what the handout needs (no upcoming hearing, no such case …).

    ``message_in(lang)`` gives the message in the staff's language."""

    def __init__(self, template: str, /, **values: object) -> None:
        self.template = template
        self.values = values
        super().__init__(template.format(**values) if values else template)

    def message_in(self, lang: str) -> str:
        return translate(self.template, lang, **self.values)


@dataclass(frozen=True)
class Appointment:
    """An appointment slip's facts, typed by staff."""

    at: datetime
    with_whom: str
    where: str


def next_court_hearing(view: CaseView, today: date) -> HearingView | None:
    """The first master-calendar or individual hearing on or after ``today``."""
    upcoming = sorted(
        (h for h in view.hearings if h.kind in COURT_HEARINGS and h.on >= today),
        key=lambda h: (h.on, h.at or time.min),
    )
    return upcoming[0] if upcoming else None


def kind_texts(kind: str, langs: tuple[str, ...]) -> dict[str, HandoutText]:
    return {lang: handout_text(kind, lang) for lang in langs}


def kind_blocks(kind: str, langs: tuple[str, ...], skip: set[str]) -> list[HandoutSection]:
    texts = kind_texts(kind, langs)
    first = texts[langs[0]]
    sections = []
    for number, block in enumerate(first.blocks):
        if block.id in skip:
            continue
        each = {lang: texts[lang].blocks[number] for lang in langs}
        sections.append(
            HandoutSection(
                heading={lang: b.heading for lang, b in each.items()},
                paragraphs={lang: (b.text,) if b.text else () for lang, b in each.items()},
                items={lang: b.items for lang, b in each.items()},
            )
        )
    return sections


def hearing_sections(
    view: CaseView, langs: tuple[str, ...], today: date
) -> tuple[list[HandoutSection], set[str]]:
    hearing = next_court_hearing(view, today)
    if hearing is None:
        raise HandoutUnavailable(
            N_(
                "Case {case} has no upcoming master calendar or individual hearing. Record the "
                "hearing in the case first (Hearings tab)."
            ),
            case=view.id,
        )
    facts: dict[str, tuple[tuple[str, str], ...]] = {}
    notes: dict[str, tuple[str, ...]] = {}
    intro: dict[str, tuple[str, ...]] = {}
    for lang, text in kind_texts("hearing-reminder", langs).items():
        day = long_date(hearing.on, lang)
        when = (
            text.label(
                when_key(hearing.at, lang),
                date=day,
                time=f"{clock(hearing.at, lang)} "
                f"{zone_abbreviation(hearing.on, hearing.at, hearing.timezone)}",
            )
            if hearing.at is not None
            else text.label("when_no_time", date=day)
        )
        kind_key = "individual" if hearing.kind is HearingKind.INDIVIDUAL else "master_calendar"
        rows = [
            (text.label("when"), when),
            (text.label("kind"), text.label(kind_key)),
            (text.label("court"), hearing.location or view.forum_name or "—"),
            (text.label("address"), hearing.address.strip() or text.label("no_address")),
        ]
        judge = hearing.judge or view.judge
        if judge:
            rows.append((text.label("judge"), judge))
        facts[lang] = tuple(rows)
        extra = []
        if hearing.mode is AttendanceMode.IN_PERSON:  # no security check at home (review H1)
            extra.append(text.label("arrive_early"))
        elif hearing.mode is AttendanceMode.VIDEO:
            extra.append(text.label("video"))
        elif hearing.mode is AttendanceMode.TELEPHONIC:
            extra.append(text.label("telephonic"))
        notes[lang] = tuple(extra)
        intro[lang] = (text.label("intro"),)
    box = HandoutSection(facts=facts, paragraphs=notes, boxed=True)
    return [
        HandoutSection(paragraphs=intro),
        box,
        *kind_blocks("hearing-reminder", langs, set()),
    ], set()


def document_sections(
    store: Store, view: CaseView, langs: tuple[str, ...], today: date
) -> tuple[list[HandoutSection], set[str]]:
    texts = kind_texts("document-request", langs)
    requested = tuple(
        e.title for e in view.evidence if e.status is EvidenceStatus.REQUESTED and e.title.strip()
    )
    to_translate = tuple(
        e.title
        for e in view.evidence
        if e.translation is TranslationStatus.NEEDED
        and e.status is not EvidenceStatus.FILED
        and e.title.strip()
    )
    wanted: list[str] = []  # checklist item ids, in checklist order
    try:
        checklist = checklists.case_checklist(store=store, case_id=view.id, today=today)
    except checklists.UnknownTemplate:
        checklist = None
    if checklist is not None:
        items = texts[langs[0]].client_items
        for entry in checklist.checklist.items:
            missing = entry.state is ChecklistState.MISSING
            if missing and entry.item.id in items and entry.item.id not in wanted:
                wanted.append(entry.item.id)

    def each(key: str) -> dict[str, str]:
        return {lang: t.label(key) for lang, t in texts.items()}

    sections = [HandoutSection(paragraphs={lang: (t,) for lang, t in each("intro").items()})]
    if requested:
        sections.append(
            HandoutSection(heading=each("requested"), items=dict.fromkeys(langs, requested))
        )
    if wanted:
        sections.append(
            HandoutSection(
                heading=each("checklist"),
                items={lang: tuple(t.client_items[i] for i in wanted) for lang, t in texts.items()},
            )
        )
    if to_translate:
        sections.append(
            HandoutSection(heading=each("translation"), items=dict.fromkeys(langs, to_translate))
        )
    skip = set() if to_translate else {"translations"}
    if not (requested or wanted or to_translate):
        sections = [  # no "we need the papers below" when there are none
            HandoutSection(paragraphs={lang: (t,) for lang, t in each("nothing").items()})
        ]
        skip = {b.id for b in texts[langs[0]].blocks}
    return [*sections, *kind_blocks("document-request", langs, skip)], skip


def appointment_sections(
    appointment: Appointment | None, langs: tuple[str, ...]
) -> tuple[list[HandoutSection], set[str]]:
    if appointment is None:
        raise HandoutUnavailable(
            N_("An appointment slip needs the appointment's date and time, with whom and where.")
        )
    facts: dict[str, tuple[tuple[str, str], ...]] = {}
    notes: dict[str, tuple[str, ...]] = {}
    at = appointment.at.time()
    for lang, text in kind_texts("appointment-slip", langs).items():
        when = text.label(
            when_key(at, lang),
            date=long_date(appointment.at.date(), lang),
            time=clock(at, lang),
        )
        rows = [(text.label("when"), when)]
        if appointment.with_whom.strip():
            rows.append((text.label("with"), appointment.with_whom.strip()))
        if appointment.where.strip():
            rows.append((text.label("where"), appointment.where.strip()))
        facts[lang] = tuple(rows)
        notes[lang] = (text.label("reschedule"),)
    top = HandoutSection(facts=facts, paragraphs=notes, boxed=True)
    return [top, *kind_blocks("appointment-slip", langs, set())], set()
