"""The handout languages: one file each in resources/handouts/ (and in the folders named by
``CLINIC_HANDOUT_DIRS``), the choices they make ("es", "en+es" …), the choice a client's
recorded languages pick, each kind's texts in a language, and dates and times as the
language's file writes them. Read once; an unusable file raises :class:`HandoutFileError`
saying which file and what to fix."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date, time
from functools import cache
from pathlib import Path

from babel.dates import format_date

from clinic.domain.handout_text import (
    HANDOUT_KINDS,
    SOURCE_LANGUAGE,
    HandoutFileError,
    HandoutLanguage,
    HandoutText,
    check_against_source,
    parse_language,
)
from clinic.reports.pdf_words import language_name as pdf_language_name
from clinic.resource_files import resource_path

KINDS = HANDOUT_KINDS
EXTRA_FOLDERS_VARIABLE = "CLINIC_HANDOUT_DIRS"


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


def when_key(value: time, lang: str) -> str:
    """ "when_value_one" when the hour reads as one (Spanish "a la 1:00", not "a las 1:00")."""
    return "when_value_one" if language(lang).dates.spoken_hour(value) == 1 else "when_value"


def language_name(handout_language: HandoutLanguage, staff: str) -> str:
    """A handout language's name in the staff's language ("Haitian Creole", "criollo haitiano");
    the file's English name when the locale database does not know the language."""
    name = pdf_language_name(staff, handout_language.code)
    return handout_language.english_name if name == handout_language.code else name
