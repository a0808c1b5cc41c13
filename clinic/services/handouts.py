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

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from clinic.domain.anumber import InvalidANumber, format_a_number
from clinic.domain.enums import AuditAction
from clinic.domain.i18n import N_
from clinic.domain.ids import CaseId
from clinic.reports.handout_pdf import LAYOUTS, HandoutPdfData, render_handout_pdf
from clinic.services.auditing import record
from clinic.services.dto import CaseView
from clinic.services.export_file import save_export
from clinic.services.handout_languages import (
    EXTRA_FOLDERS_VARIABLE,
    KINDS,
    default_choice,
    handout_languages,
    handout_text,
    language,
    language_choices,
    language_name,
    languages_of,
    long_date,
    written_date,
)
from clinic.services.handout_reviews import (
    LanguageReview,
    language_reviews,
    letterheads,
    letterheads_in,
    record_language_review,
    set_letterhead,
    unreviewed,
    without_letterhead,
)
from clinic.services.handout_sections import (
    Appointment,
    HandoutUnavailable,
    appointment_sections,
    document_sections,
    hearing_sections,
    kind_texts,
    next_court_hearing,
)
from clinic.services.results import Entity, Result
from clinic.services.settings_schema import ClinicSettings, settings_in
from clinic.services.views import case_view
from clinic.storage.models import Case
from clinic.storage.store import Store

# The handout service is one module to its callers (the window, the command line, the tests):
# the languages, the clinic's reviews and letterheads, and the sections are re-exported.
__all__ = [
    "EXTRA_FOLDERS_VARIABLE",
    "KINDS",
    "Appointment",
    "HandoutUnavailable",
    "LanguageReview",
    "case_default_choice",
    "default_choice",
    "export_handout_pdf",
    "handout_languages",
    "handout_pdf",
    "handout_text",
    "language",
    "language_choices",
    "language_name",
    "language_reviews",
    "languages_of",
    "letterheads",
    "next_court_hearing",
    "record_language_review",
    "set_letterhead",
    "unreviewed",
    "without_letterhead",
]

DEFAULT_LAYOUT = "side-by-side"


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
    for lang, common in kind_texts("common", langs).items():
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


def _sources(kind: str, langs: tuple[str, ...], skip: set[str]) -> dict[str, str]:
    found = {}
    for lang, text in kind_texts(kind, langs).items():
        blocks = [b for b in text.blocks if b.id not in skip]
        if not blocks:
            return {}
        common = handout_text("common", lang)
        cited = [
            f"{b.source} ({common.label('as_of', day=written_date(b.as_of, lang))})" for b in blocks
        ]
        found[lang] = common.label("sources", sources="; ".join(cited))
    return found


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
        written = letterheads_in(session)
    if kind == "hearing-reminder":
        sections, skip = hearing_sections(view, languages, today)
    elif kind == "document-request":
        sections, skip = document_sections(store, view, languages, today)
    else:
        sections, skip = appointment_sections(appointment, languages)
    texts = kind_texts(kind, languages)
    commons = kind_texts("common", languages)
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
