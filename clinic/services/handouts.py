"""Client handouts: a hearing reminder, a document request and an appointment slip, in any
language that has a file in resources/handouts/ (English, Spanish, Haitian Creole, Portuguese,
French …), alone or beside another (side by side or one after the other), built in memory and
written only where the user chose (never over an existing file), audited.

The words come from resources/handouts/<language>.toml (one file per language, with sources and
as-of dates, and the language's month and day names where the locale database has none); the
case supplies the facts. Adding a language is a data file (and a glossary), no code: folders
named in the ``CLINIC_HANDOUT_DIRS`` environment variable (separated like PATH) are read after
the shipped one. Each language's review by a certified translator is recorded by the clinic
(:func:`record_language_review`); until then the handout is a draft and staff are told so.
Only the client's own data is printed: name, A-number, hearing, the documents the clinic asked
for. Nothing about other clients, adverse parties or staff notes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any

from babel.dates import format_date
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
    SOURCE_LANGUAGE,
    HandoutFileError,
    HandoutLanguage,
    HandoutText,
    check_against_source,
    parse_language,
)
from clinic.domain.i18n import N_, translate
from clinic.domain.ids import CaseId
from clinic.reports.handout_pdf import LAYOUTS, HandoutPdfData, HandoutSection, render_handout_pdf
from clinic.reports.pdf_words import language_name as pdf_language_name
from clinic.reports.pdf_words import zone_abbreviation
from clinic.resource_files import resource_path
from clinic.services import checklists
from clinic.services.auditing import record
from clinic.services.dto import CaseView, HearingView
from clinic.services.export_file import save_export
from clinic.services.results import Changes, Entity, Result
from clinic.services.settings_schema import ClinicSettings, settings_in
from clinic.services.views import case_view
from clinic.storage.models import Case, Setting
from clinic.storage.store import Store

KINDS = HANDOUT_KINDS
DEFAULT_LAYOUT = "side-by-side"
COURT_HEARINGS = (HearingKind.MASTER_CALENDAR, HearingKind.INDIVIDUAL)
EXTRA_FOLDERS_VARIABLE = "CLINIC_HANDOUT_DIRS"
LANGUAGES_SETTING_KEY = "handout_languages"  # the clinic's reviews and letterheads per language


def _folders() -> tuple[Path, ...]:
    extra = os.environ.get(EXTRA_FOLDERS_VARIABLE, "")
    return (resource_path("handouts"), *(Path(p) for p in extra.split(os.pathsep) if p))


@cache
def _languages(folders: tuple[Path, ...]) -> dict[str, HandoutLanguage]:
    found: dict[str, HandoutLanguage] = {}
    for folder in folders:
        for path in sorted(folder.glob("*.toml")):
            language = parse_language(path.read_text(encoding="utf-8"), source_name=path.name)
            found.setdefault(language.code, language)  # the shipped file wins over a copy
    if SOURCE_LANGUAGE not in found:
        raise HandoutFileError(f"{SOURCE_LANGUAGE}.toml: the English handout file is missing.")
    for language in found.values():
        if language.code != SOURCE_LANGUAGE:
            check_against_source(language, found[SOURCE_LANGUAGE])
    source = found.pop(SOURCE_LANGUAGE)
    return {SOURCE_LANGUAGE: source, **dict(sorted(found.items()))}


def handout_languages() -> dict[str, HandoutLanguage]:
    """Every handout language, English first, then by code. Raises :class:`HandoutFileError`
    (saying which file and what to fix) when a file is unusable."""
    return _languages(_folders())


def language(code: str) -> HandoutLanguage:
    try:
        return handout_languages()[code]
    except KeyError:
        raise ValueError(
            f"unknown handout language {code!r}; use one of {', '.join(handout_languages())}"
        ) from None


def language_choices() -> tuple[str, ...]:
    """ "en", then each other language alone and beside English ("es", "en+es", "ht" …)."""
    others = [code for code in handout_languages() if code != SOURCE_LANGUAGE]
    return (SOURCE_LANGUAGE, *(c for code in others for c in (code, f"en+{code}")))


def languages_of(choice: str) -> tuple[str, ...]:
    """ "en" → ("en",); "en+ht" → ("en", "ht"). Raises ValueError for anything else."""
    codes = tuple(choice.strip().split("+"))
    known = handout_languages()
    if (
        not 1 <= len(codes) <= 2
        or len(set(codes)) != len(codes)
        or any(c not in known for c in codes)
    ):
        raise ValueError(
            f"unknown handout language {choice!r}; use a language code ({', '.join(known)}) "
            "or two joined by + (e.g. en+ht)"
        )
    return codes


def default_choice(client_languages: Iterable[str]) -> str:
    """The handout language a client's recorded languages pick: the first one with a handout,
    beside English ("en+ht"); "en" when the client speaks English only (or no language has a
    handout); "en+es" when nothing is recorded."""
    recorded = [code.strip().lower() for code in client_languages if code.strip()]
    if not recorded:
        return "en+es" if "es" in handout_languages() else SOURCE_LANGUAGE
    for code in recorded:
        for language in handout_languages().values():
            if code in language.client_languages or code == language.code:
                return language.code if language.code == SOURCE_LANGUAGE else f"en+{language.code}"
    return SOURCE_LANGUAGE


@cache
def handout_text(kind: str, lang: str = SOURCE_LANGUAGE) -> HandoutText:
    """The texts of one handout kind (or "common") in one language."""
    if kind not in (*KINDS, "common"):
        raise ValueError(f"unknown handout kind {kind!r}; use one of {', '.join(KINDS)}")
    return language(lang).kind(kind)


def long_date(value: date, lang: str) -> str:
    """ "Tuesday, March 2, 2027" / "martes, 2 de marzo de 2027" / "madi 2 mas 2027" (the
    locale database's words, or the language file's where it has none)."""
    words = language(lang).dates
    if words.locale and not words.weekdays:
        return str(format_date(value, format="full", locale=words.locale))
    return words.written_long(value)


def written_date(value: date, lang: str) -> str:
    """A date without its weekday ("June 20, 2026" / "20 jen 2026")."""
    words = language(lang).dates
    if words.locale and not words.months:
        return str(format_date(value, format="long", locale=words.locale))
    return words.written(value)


def clock(value: time, lang: str) -> str:
    """ "8:30 AM" / "8:30 a. m." / "13h00" / "13 h 00", as the language file says."""
    return language(lang).dates.clock(value)


def _when_key(value: time, lang: str) -> str:
    """ "when_value_one" when the hour reads as one (Spanish "a la 1:00", not "a las 1:00")."""
    return "when_value_one" if language(lang).dates.spoken_hour(value) == 1 else "when_value"


@dataclass(frozen=True)
class LanguageReview:
    """A language's review by a certified translator, as the clinic recorded it."""

    code: str
    reviewed: bool
    by: str = ""
    on: date | None = None


def _stored(session: Session) -> dict[str, Any]:
    row = session.get(Setting, LANGUAGES_SETTING_KEY)
    return dict(row.value) if row is not None and isinstance(row.value, dict) else {}


def _reviews_in(session: Session) -> dict[str, LanguageReview]:
    stored = _stored(session).get("reviews", {})
    found = {}
    for code in handout_languages():
        entry = stored.get(code) if isinstance(stored, dict) else None
        if code == SOURCE_LANGUAGE:
            found[code] = LanguageReview(code, True)
        elif isinstance(entry, dict) and entry.get("by") and entry.get("on"):
            try:
                on = date.fromisoformat(str(entry["on"]))
            except ValueError:
                on = None
            found[code] = LanguageReview(code, on is not None, str(entry["by"]), on)
        else:
            found[code] = LanguageReview(code, False)
    return found


def language_reviews(*, store: Store) -> dict[str, LanguageReview]:
    """Every handout language's review (English, the source, counts as reviewed)."""
    with store.unit_of_work() as session:
        return _reviews_in(session)


def letterheads(*, store: Store) -> dict[str, str]:
    """The letterhead lines the clinic wrote in each handout language (the clinic's own
    letterhead, from the settings, is used for a language without one)."""
    with store.unit_of_work() as session:
        stored = _stored(session).get("letterheads", {})
    return {k: str(v) for k, v in stored.items()} if isinstance(stored, dict) else {}


def _save(session: Session, store: Store, key: str, code: str, value: object) -> None:
    document = _stored(session)
    before = document.get(key, {}) if isinstance(document.get(key), dict) else {}
    section = dict(before)
    if value in (None, ""):
        section.pop(code, None)
    else:
        section[code] = value
    if section == before:
        return
    document[key] = section
    row = session.get(Setting, LANGUAGES_SETTING_KEY)
    if row is None:
        session.add(Setting(key=LANGUAGES_SETTING_KEY, value=document, version=1))
    else:
        row.value = document
    record(
        session,
        actor=store.actor,
        action=AuditAction.UPDATE,
        entity=Entity.SETTINGS,
        entity_id=None,
        changes={f"handout_{key}.{code}": [before.get(code), value or None]},
    )


def record_language_review(
    *, store: Store, code: str, reviewed: bool, by: str = "", on: date | None = None
) -> Result[LanguageReview]:
    """Record (or withdraw) a certified translator's review of one handout language; audited.
    A review needs who reviewed it and when; raises ValueError saying what is missing."""
    language(code)
    if code == SOURCE_LANGUAGE:
        raise ValueError("English is the source text; it has no translation to review.")
    by = " ".join(by.split())
    if reviewed and (not by or on is None):
        raise ValueError("Say who reviewed the translation (name, certification) and on what day.")
    value = {"by": by, "on": on.isoformat()} if reviewed and on is not None else None
    with store.unit_of_work() as session:
        _save(session, store, "reviews", code, value)
    review = LanguageReview(code, reviewed, by if reviewed else "", on if reviewed else None)
    return Result(review, changes=Changes.of((Entity.SETTINGS, 0)))


def set_letterhead(*, store: Store, code: str, text: str) -> Result[str]:
    """The letterhead lines (address, phone, office hours) in one handout language; "" removes
    it (the clinic's letterhead from the settings is printed instead); audited."""
    language(code)
    text = "\n".join(line.rstrip() for line in text.strip().splitlines())
    with store.unit_of_work() as session:
        _save(session, store, "letterheads", code, text)
    return Result(text, changes=Changes.of((Entity.SETTINGS, 0)))


def language_name(handout_language: HandoutLanguage, staff: str) -> str:
    """A handout language's name in the staff's language ("Haitian Creole", "criollo haitiano");
    the file's English name when the locale database does not know the language."""
    name = pdf_language_name(staff, handout_language.code)
    return handout_language.english_name if name == handout_language.code else name


def unreviewed(languages: tuple[str, ...], *, store: Store) -> tuple[HandoutLanguage, ...]:
    """The languages among ``languages`` no certified translator has reviewed yet."""
    reviews = language_reviews(store=store)
    return tuple(language(c) for c in languages if not reviews[c].reviewed)


def without_letterhead(languages: tuple[str, ...], *, store: Store) -> tuple[HandoutLanguage, ...]:
    """The languages among ``languages`` (English aside) for which the clinic has written no
    letterhead of their own, so that the clinic's letterhead from the settings, written in
    English (its office hours, "Monday–Friday 9 AM–5 PM"), prints in their place (Spanish
    review H5: the handout points the client to the phone and address "above")."""
    with store.unit_of_work() as session:
        settings = settings_in(session)
        written = _stored(session).get("letterheads", {})
    if not settings.letterhead.strip():
        return ()
    own = written if isinstance(written, Mapping) else {}
    return tuple(
        language(c) for c in languages if c != SOURCE_LANGUAGE and not str(own.get(c) or "").strip()
    )


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


def _texts(kind: str, langs: tuple[str, ...]) -> dict[str, HandoutText]:
    return {lang: handout_text(kind, lang) for lang in langs}


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
    a_number = _a_number(view)
    lines: dict[str, tuple[str, ...]] = {}
    for lang, common in _texts("common", langs).items():
        number = (
            common.label("a_number", a_number=a_number) if a_number else common.label("no_a_number")
        )
        lines[lang] = (
            common.label("for_client", name=_client_name(view)),
            number,
            common.label("case_ref", case_id=view.id),
            common.label("prepared", date=long_date(today, lang)),
        )
    return lines


def _blocks(kind: str, langs: tuple[str, ...], skip: set[str]) -> list[HandoutSection]:
    texts = _texts(kind, langs)
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


def _sources(kind: str, langs: tuple[str, ...], skip: set[str]) -> dict[str, str]:
    found = {}
    for lang, text in _texts(kind, langs).items():
        blocks = [b for b in text.blocks if b.id not in skip]
        if not blocks:
            return {}
        common = handout_text("common", lang)
        cited = [
            f"{b.source} ({common.label('as_of', day=written_date(b.as_of, lang))})" for b in blocks
        ]
        found[lang] = common.label("sources", sources="; ".join(cited))
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
    facts: dict[str, tuple[tuple[str, str], ...]] = {}
    notes: dict[str, tuple[str, ...]] = {}
    intro: dict[str, tuple[str, ...]] = {}
    for lang, text in _texts("hearing-reminder", langs).items():
        day = long_date(hearing.on, lang)
        when = (
            text.label(
                _when_key(hearing.at, lang),
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
        *_blocks("hearing-reminder", langs, set()),
    ], set()


def _document_sections(
    store: Store, view: CaseView, langs: tuple[str, ...], today: date
) -> tuple[list[HandoutSection], set[str]]:
    texts = _texts("document-request", langs)
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
    return [*sections, *_blocks("document-request", langs, skip)], skip


def _appointment_sections(
    appointment: Appointment | None, langs: tuple[str, ...]
) -> tuple[list[HandoutSection], set[str]]:
    if appointment is None:
        raise HandoutUnavailable(
            N_("An appointment slip needs the appointment's date and time, with whom and where.")
        )
    facts: dict[str, tuple[tuple[str, str], ...]] = {}
    notes: dict[str, tuple[str, ...]] = {}
    at = appointment.at.time()
    for lang, text in _texts("appointment-slip", langs).items():
        when = text.label(
            _when_key(at, lang),
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
    return [top, *_blocks("appointment-slip", langs, set())], set()


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
    languages = languages_of("+".join(languages)) if languages else languages_of("")
    with store.unit_of_work() as session:
        row = session.get(Case, case_id)
        if row is None:
            raise HandoutUnavailable(N_("Case {case} does not exist."), case=case_id)
        view = case_view(row)
        settings = settings_in(session)
        written = _stored(session).get("letterheads", {})
    if kind == "hearing-reminder":
        sections, skip = _hearing_sections(view, languages, today)
    elif kind == "document-request":
        sections, skip = _document_sections(store, view, languages, today)
    else:
        sections, skip = _appointment_sections(appointment, languages)
    texts = _texts(kind, languages)
    commons = _texts("common", languages)
    data = HandoutPdfData(
        clinic_name=settings.clinic_name,
        letterhead={
            lang: str(written.get(lang) or settings.letterhead)
            if isinstance(written, Mapping)
            else settings.letterhead
            for lang in languages
        },
        languages=languages,
        layout=_layout(layout, settings),
        title={lang: t.title for lang, t in texts.items()},
        header=_header(view, languages, today),
        sections=tuple(sections),
        closing={lang: c.label("questions") for lang, c in commons.items()},
        sources=_sources(kind, languages, skip),
        page_label={lang: c.label("page") for lang, c in commons.items()},
        column_label={lang: language(lang).name for lang in languages},
        document_title=" / ".join(texts[lang].title for lang in languages),
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


def case_default_choice(*, store: Store, case_id: CaseId) -> str:
    """The handout language the case's client's recorded languages pick (see
    :func:`default_choice`); "en+es" when the case does not exist (the caller reports that)."""
    with store.unit_of_work() as session:
        row = session.get(Case, case_id)
        if row is None:
            return default_choice(())
        return default_choice(case_view(row).client.languages)
