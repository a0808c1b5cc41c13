"""The clinic's own record of each handout language: its review by a certified translator
(until then the handout is a draft, and staff are told so) and the letterhead lines written in
it. Kept in one setting; every change is audited."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from clinic.domain.enums import AuditAction
from clinic.domain.handout_text import SOURCE_LANGUAGE, HandoutLanguage
from clinic.services.auditing import record
from clinic.services.handout_languages import handout_languages, language
from clinic.services.results import Changes, Entity, Result
from clinic.services.settings_schema import settings_in
from clinic.storage.models import Setting
from clinic.storage.store import Store

LANGUAGES_SETTING_KEY = "handout_languages"  # the clinic's reviews and letterheads per language


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


def letterheads_in(session: Session) -> Any:
    """The letterhead lines stored by language code (a mapping, unless the setting is damaged)."""
    return _stored(session).get("letterheads", {})


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
        stored = letterheads_in(session)
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
        written = letterheads_in(session)
    if not settings.letterhead.strip():
        return ()
    own = written if isinstance(written, Mapping) else {}
    return tuple(
        language(c) for c in languages if c != SOURCE_LANGUAGE and not str(own.get(c) or "").strip()
    )
