"""Client handouts: a hearing reminder, a document request and an appointment slip, in English,
Spanish or both (side by side or one after the other), built in memory and written only where
the user chose (never over an existing file), audited.

The words come from resources/handouts/*.toml (bilingual, with sources and as-of dates); the
case supplies the facts. Only the client's own data is printed: name, A-number, hearing, the
documents the clinic asked for. Nothing about other clients, adverse parties or staff notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from pathlib import Path

from babel.dates import format_date, format_time
from sqlalchemy.orm import Session

from clinic.domain.anumber import InvalidANumber, format_a_number
from clinic.domain.enums import (
    AttendanceMode,
    AuditAction,
    ChecklistState,
    EvidenceStatus,
    HearingKind,
    TranslationStatus,
)
from clinic.domain.handout_text import (
    HANDOUT_KINDS,
    HandoutText,
    Text,
    parse_handout,
)
from clinic.domain.i18n import N_, translate
from clinic.domain.ids import CaseId
from clinic.reports.handout_pdf import LAYOUTS, HandoutPdfData, HandoutSection, render_handout_pdf
from clinic.reports.pdf_words import day as short_day
from clinic.reports.pdf_words import zone_abbreviation
from clinic.resource_files import resource_path
from clinic.services import checklists
from clinic.services.auditing import record
from clinic.services.dto import CaseView, HearingView
from clinic.services.export_file import save_export
from clinic.services.results import Entity, Result
from clinic.services.settings_schema import ClinicSettings, settings_in
from clinic.services.views import case_view
from clinic.storage.models import Case
from clinic.storage.store import Store

KINDS = HANDOUT_KINDS
LANGUAGE_CHOICES = ("en", "es", "en+es")
DEFAULT_LAYOUT = "side-by-side"
COURT_HEARINGS = (HearingKind.MASTER_CALENDAR, HearingKind.INDIVIDUAL)
_LOCALES = {"en": "en_US", "es": "es_US"}


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


def languages_of(choice: str) -> tuple[str, ...]:
    """ "en" → ("en",); "en+es" → ("en", "es"). Raises ValueError for anything else."""
    if choice not in LANGUAGE_CHOICES:
        raise ValueError(f"unknown handout language {choice!r}; use en, es or en+es")
    return tuple(choice.split("+"))


@cache
def handout_text(kind: str) -> HandoutText:
    """The shipped texts of one handout kind (or "common")."""
    if kind not in (*KINDS, "common"):
        raise ValueError(f"unknown handout kind {kind!r}; use one of {', '.join(KINDS)}")
    path = resource_path("handouts", f"{kind}.toml")
    return parse_handout(path.read_text(encoding="utf-8"), source_name=path.name)


def long_date(value: date, lang: str) -> str:
    """ "Tuesday, March 2, 2027" / "martes, 2 de marzo de 2027"."""
    return str(format_date(value, format="full", locale=_LOCALES[lang]))


def clock(value: time, lang: str) -> str:
    """ "8:30 AM" / "8:30 a. m." (plain spaces: CLDR's narrow ones print as gaps; Spanish
    writes "a. m." and "p. m." with a space, as the RAE's Ortografía does)."""
    text = str(format_time(value, format="short", locale=_LOCALES[lang]))
    text = text.replace("\u202f", " ").replace("\xa0", " ")
    if lang == "es":
        text = text.replace("a.m.", "a. m.").replace("p.m.", "p. m.")
    return text


def _when_key(value: time) -> str:
    """ "when_value_one" for one o'clock (Spanish "a la 1:00", not "a las 1:00")."""
    return "when_value_one" if value.hour % 12 == 1 else "when_value"


def next_court_hearing(view: CaseView, today: date) -> HearingView | None:
    """The first master-calendar or individual hearing on or after ``today``."""
    upcoming = sorted(
        (h for h in view.hearings if h.kind in COURT_HEARINGS and h.on >= today),
        key=lambda h: (h.on, h.at or time.min),
    )
    return upcoming[0] if upcoming else None


def _each(langs: tuple[str, ...], text: Text, **values: object) -> dict[str, str]:
    return {lang: text.fill(lang, **values) for lang in langs}


def _client_name(view: CaseView) -> str:
    client = view.client
    return " ".join(part for part in (client.given_name, client.family_name) if part)


def _a_number(view: CaseView) -> str | None:
    digits = view.client.a_number
    if not digits:
        return None
    try:
        return format_a_number(digits)
    except InvalidANumber:
        return digits


def _header(view: CaseView, langs: tuple[str, ...], today: date) -> dict[str, tuple[str, ...]]:
    common = handout_text("common")
    a_number = _a_number(view)
    lines: dict[str, tuple[str, ...]] = {}
    for lang in langs:
        number = (
            common.label("a_number").fill(lang, a_number=a_number)
            if a_number
            else common.label("no_a_number").in_(lang)
        )
        lines[lang] = (
            common.label("for_client").fill(lang, name=_client_name(view)),
            number,
            common.label("case_ref").fill(lang, case_id=view.id),
            common.label("prepared").fill(lang, date=long_date(today, lang)),
        )
    return lines


def _blocks(text: HandoutText, langs: tuple[str, ...], skip: set[str]) -> list[HandoutSection]:
    sections = []
    for block in text.blocks:
        if block.id in skip:
            continue
        sections.append(
            HandoutSection(
                heading=_each(langs, block.heading),
                paragraphs={lang: (block.text.in_(lang),) if block.text else () for lang in langs},
                items={lang: tuple(i.in_(lang) for i in block.items) for lang in langs},
            )
        )
    return sections


_AS_OF = {"en": "as of {day}", "es": "vigente al {day}"}


def _sources(text: HandoutText, langs: tuple[str, ...], skip: set[str]) -> dict[str, str]:
    blocks = [b for b in text.blocks if b.id not in skip]
    if not blocks:
        return {}
    label = handout_text("common").label("sources")
    found = {}
    for lang in langs:
        cited = [
            f"{b.source} ({_AS_OF[lang].format(day=short_day(lang, b.as_of))})"
            if b.as_of
            else b.source
            for b in blocks
        ]
        found[lang] = label.fill(lang, sources="; ".join(cited))
    return found


def _hearing_sections(
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
    text = handout_text("hearing-reminder")
    facts: dict[str, tuple[tuple[str, str], ...]] = {}
    notes: dict[str, tuple[str, ...]] = {}
    for lang in langs:
        day = long_date(hearing.on, lang)
        when = (
            text.label(_when_key(hearing.at)).fill(
                lang,
                date=day,
                time=f"{clock(hearing.at, lang)} "
                f"{zone_abbreviation(hearing.on, hearing.at, hearing.timezone)}",
            )
            if hearing.at is not None
            else text.label("when_no_time").fill(lang, date=day)
        )
        kind_key = "individual" if hearing.kind is HearingKind.INDIVIDUAL else "master_calendar"
        rows = [
            (text.label("when").in_(lang), when),
            (text.label("kind").in_(lang), text.label(kind_key).in_(lang)),
            (text.label("court").in_(lang), hearing.location or view.forum_name or "—"),
            (
                text.label("address").in_(lang),
                hearing.address.strip() or text.label("no_address").in_(lang),
            ),
        ]
        judge = hearing.judge or view.judge
        if judge:
            rows.append((text.label("judge").in_(lang), judge))
        facts[lang] = tuple(rows)
        extra = []
        if hearing.mode is AttendanceMode.IN_PERSON:  # no security check at home (review H1)
            extra.append(text.label("arrive_early").in_(lang))
        elif hearing.mode is AttendanceMode.VIDEO:
            extra.append(text.label("video").in_(lang))
        elif hearing.mode is AttendanceMode.TELEPHONIC:
            extra.append(text.label("telephonic").in_(lang))
        notes[lang] = tuple(extra)
    intro = HandoutSection(paragraphs={lang: (text.label("intro").in_(lang),) for lang in langs})
    box = HandoutSection(facts=facts, paragraphs=notes, boxed=True)
    return [intro, box, *_blocks(text, langs, set())], set()


def _document_sections(
    store: Store, view: CaseView, langs: tuple[str, ...], today: date
) -> tuple[list[HandoutSection], set[str]]:
    text = handout_text("document-request")
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
    wanted: list[Text] = []
    try:
        checklist = checklists.case_checklist(store=store, case_id=view.id, today=today)
    except checklists.UnknownTemplate:
        checklist = None
    if checklist is not None:
        for entry in checklist.checklist.items:
            client_item = text.client_items.get(entry.item.id)
            missing = entry.state is ChecklistState.MISSING
            if missing and client_item is not None and client_item not in wanted:
                wanted.append(client_item)
    sections = [
        HandoutSection(paragraphs={lang: (text.label("intro").in_(lang),) for lang in langs})
    ]
    if requested:
        sections.append(
            HandoutSection(
                heading=_each(langs, text.label("requested")), items=dict.fromkeys(langs, requested)
            )
        )
    if wanted:
        sections.append(
            HandoutSection(
                heading=_each(langs, text.label("checklist")),
                items={lang: tuple(t.in_(lang) for t in wanted) for lang in langs},
            )
        )
    if to_translate:
        sections.append(
            HandoutSection(
                heading=_each(langs, text.label("translation")),
                items=dict.fromkeys(langs, to_translate),
            )
        )
    skip = set() if to_translate else {"translations"}
    if not (requested or wanted or to_translate):
        sections = [  # no "we need the papers below" when there are none
            HandoutSection(paragraphs={lang: (text.label("nothing").in_(lang),) for lang in langs})
        ]
        skip = {b.id for b in text.blocks}
    return [*sections, *_blocks(text, langs, skip)], skip


def _appointment_sections(
    appointment: Appointment | None, langs: tuple[str, ...]
) -> tuple[list[HandoutSection], set[str]]:
    if appointment is None:
        raise HandoutUnavailable(
            N_("An appointment slip needs the appointment's date and time, with whom and where.")
        )
    text = handout_text("appointment-slip")
    facts: dict[str, tuple[tuple[str, str], ...]] = {}
    for lang in langs:
        when = text.label(_when_key(appointment.at.time())).fill(
            lang,
            date=long_date(appointment.at.date(), lang),
            time=clock(appointment.at.time(), lang),
        )
        rows = [(text.label("when").in_(lang), when)]
        if appointment.with_whom.strip():
            rows.append((text.label("with").in_(lang), appointment.with_whom.strip()))
        if appointment.where.strip():
            rows.append((text.label("where").in_(lang), appointment.where.strip()))
        facts[lang] = tuple(rows)
    top = HandoutSection(
        facts=facts,
        paragraphs={lang: (text.label("reschedule").in_(lang),) for lang in langs},
        boxed=True,
    )
    return [top, *_blocks(text, langs, set())], set()


def _layout(layout: str | None, settings: ClinicSettings) -> str:
    chosen = layout or settings.handout_layout
    return chosen if chosen in LAYOUTS else DEFAULT_LAYOUT


def handout_pdf(
    *,
    store: Store,
    case_id: CaseId,
    kind: str,
    languages: tuple[str, ...],
    today: date,
    layout: str | None = None,
    appointment: Appointment | None = None,
) -> bytes:
    """The handout in memory (nothing written, nothing audited).

    ``layout`` None means the clinic's setting (``handout_layout``). Raises
    :class:`HandoutUnavailable` when the case lacks what the handout needs."""
    if kind not in KINDS:
        raise ValueError(f"unknown handout kind {kind!r}; use one of {', '.join(KINDS)}")
    if not languages or any(lang not in _LOCALES for lang in languages):
        raise ValueError(f"unknown handout languages {languages!r}; use en and/or es")
    with store.unit_of_work() as session:
        row = session.get(Case, case_id)
        if row is None:
            raise HandoutUnavailable(N_("Case {case} does not exist."), case=case_id)
        view = case_view(row)
        settings = settings_in(session)
    if kind == "hearing-reminder":
        sections, skip = _hearing_sections(view, languages, today)
    elif kind == "document-request":
        sections, skip = _document_sections(store, view, languages, today)
    else:
        sections, skip = _appointment_sections(appointment, languages)
    text = handout_text(kind)
    common = handout_text("common")
    data = HandoutPdfData(
        clinic_name=settings.clinic_name,
        letterhead=settings.letterhead,
        languages=languages,
        layout=_layout(layout, settings),
        title=_each(languages, text.title),
        header=_header(view, languages, today),
        sections=tuple(sections),
        closing=_each(languages, common.label("questions")),
        sources=_sources(text, languages, skip),
        page_label=_each(languages, common.label("page")),
        column_label={"en": common.label("english").en, "es": common.label("spanish").es},
        document_title=" / ".join(text.title.in_(lang) for lang in languages),
    )
    return render_handout_pdf(data)


def export_handout_pdf(
    *,
    store: Store,
    case_id: CaseId,
    kind: str,
    languages: tuple[str, ...],
    destination: Path,
    today: date,
    layout: str | None = None,
    appointment: Appointment | None = None,
    pdf: bytes | None = None,
) -> Result[Path]:
    """Write the handout where the user chose; never over an existing file; audited.
    ``pdf``: the bytes already made by :func:`handout_pdf` (and previewed), saved as they are.
    The PDF is NOT encrypted (it is for the client to take home)."""
    if pdf is None:
        pdf = handout_pdf(
            store=store,
            case_id=case_id,
            kind=kind,
            languages=languages,
            today=today,
            layout=layout,
            appointment=appointment,
        )

    def audit(session: Session) -> None:
        record(
            session,
            actor=store.actor,
            action=AuditAction.EXPORT,
            entity=Entity.CASE,
            entity_id=case_id,
            changes={
                "handout_pdf_saved_to": [None, str(destination)],
                "handout": [None, kind],
                "languages": [None, "+".join(languages)],
            },
        )

    save_export(store, destination, pdf, audit=audit, overwrite=False)
    return Result(destination)
