"""Words in cells → Clinic's values: yes/no, relationships, sex, claim and hearing kinds,
manner of arrival, countries and languages. The words are data (resources/import/values.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar

import pycountry

from clinic.domain.enums import ArrivalManner, ClaimType, HearingKind, Relationship, Sex
from clinic.domain.names import fold
from clinic.domain.reference_codes import is_country_code, is_language_code
from clinic.resource_files import resource_path

E = TypeVar("E", bound=StrEnum)
CLIENT_ROW = "client"  # the relationship word table's key for "this row is a client"


@dataclass(frozen=True)
class Vocabulary:
    words: dict[str, dict[str, str]]  # table -> folded word -> stored value
    countries: dict[str, str]  # folded name -> alpha-2
    languages: dict[str, str]  # folded name -> ISO 639 code


def parse_vocabulary(text: str, *, source_name: str = "values.toml") -> Vocabulary:
    try:
        document: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{source_name}: {exc}") from None
    words: dict[str, dict[str, str]] = {}
    for table in ("yes_no", "relationship", "sex", "claim_type", "hearing_kind", "arrival_manner"):
        entries: dict[str, str] = {}
        for value, spellings in document.get(table, {}).items():
            for spelling in spellings:
                key = fold(str(spelling))
                if key in entries and entries[key] != value:
                    raise ValueError(f"{source_name}: [{table}] lists {spelling!r} twice")
                entries[key] = str(value)
        words[table] = entries
    countries = {fold(k): str(v).upper() for k, v in document.get("countries", {}).items()}
    languages = {fold(k): str(v).lower() for k, v in document.get("languages", {}).items()}
    for code in countries.values():
        if not is_country_code(code):
            raise ValueError(f"{source_name}: {code!r} is not an ISO country code")
    for code in languages.values():
        if not is_language_code(code):
            raise ValueError(f"{source_name}: {code!r} is not an ISO language code")
    return Vocabulary(words, countries, languages)


@cache
def shipped_vocabulary() -> Vocabulary:
    path = resource_path("import", "values.toml")
    return parse_vocabulary(path.read_text(encoding="utf-8"), source_name=path.name)


def _word(vocabulary: Vocabulary, table: str, text: str) -> str | None:
    return vocabulary.words[table].get(fold(text))


def _choices(vocabulary: Vocabulary, table: str) -> str:
    return ", ".join(sorted(set(vocabulary.words[table].values())))


def read_yes_no(vocabulary: Vocabulary, text: str, what: str) -> tuple[bool, str]:
    if not text.strip():
        return False, ""
    value = _word(vocabulary, "yes_no", text)
    if value is None:
        return False, f"{what} '{text.strip()}' is neither yes nor no"
    return value == "yes", ""


def read_choice(
    vocabulary: Vocabulary, table: str, enum: type[E], text: str, what: str
) -> tuple[E | None, str]:
    """An enum value from a word, None for an empty cell, or a reason naming the choices."""
    if not text.strip():
        return None, ""
    value = _word(vocabulary, table, text)
    if value is None:
        try:
            return enum(text.strip().lower()), ""  # the stored value itself, e.g. master_calendar
        except ValueError:
            return None, (
                f"{what} '{text.strip()}' is not one Clinic knows; use one of: "
                f"{_choices(vocabulary, table)}"
            )
    return enum(value), ""


def read_relationship(vocabulary: Vocabulary, text: str) -> tuple[Relationship | None, str]:
    """None (and no reason) means the row is a client."""
    if not text.strip() or _word(vocabulary, "relationship", text) == CLIENT_ROW:
        return None, ""
    return read_choice(vocabulary, "relationship", Relationship, text, "relationship")


def read_sex(vocabulary: Vocabulary, text: str) -> tuple[Sex | None, str]:
    return read_choice(vocabulary, "sex", Sex, text, "sex")


def read_claim_type(vocabulary: Vocabulary, text: str) -> tuple[ClaimType | None, str]:
    return read_choice(vocabulary, "claim_type", ClaimType, text, "claim type")


def read_hearing_kind(vocabulary: Vocabulary, text: str) -> tuple[HearingKind | None, str]:
    return read_choice(vocabulary, "hearing_kind", HearingKind, text, "hearing kind")


def read_arrival_manner(vocabulary: Vocabulary, text: str) -> tuple[ArrivalManner, str]:
    value, reason = read_choice(
        vocabulary, "arrival_manner", ArrivalManner, text, "manner of arrival"
    )
    return value or ArrivalManner.UNKNOWN, reason


def split_list(text: str) -> list[str]:
    """A cell holding several values: separated by ';', '/', '|' or ',' (quoted in CSV)."""
    for separator in ("|", "/", ","):
        text = text.replace(separator, ";")
    return [part.strip() for part in text.split(";") if part.strip()]


def country_code(vocabulary: Vocabulary, text: str) -> str | None:
    """ISO alpha-2 for a code (HN, HND) or a name in English or Spanish (Honduras, México)."""
    cleaned = text.strip()
    if is_country_code(cleaned):
        return cleaned.upper()
    known = vocabulary.countries.get(fold(cleaned))
    if known is not None:
        return known
    try:
        country = pycountry.countries.lookup(cleaned)
    except LookupError:
        return None
    return str(country.alpha_2)


def language_code(vocabulary: Vocabulary, text: str) -> str | None:
    """ISO 639 code for a code (es, spa, quc) or a name (Spanish, español, K'iche')."""
    cleaned = text.strip()
    if len(cleaned) in (2, 3) and is_language_code(cleaned):
        return _short_language(cleaned.lower())
    known = vocabulary.languages.get(fold(cleaned))
    if known is not None:
        return known
    try:
        language = pycountry.languages.lookup(cleaned)
    except LookupError:
        return None
    return str(getattr(language, "alpha_2", None) or language.alpha_3)


def _short_language(code: str) -> str:
    """Store 'spa' as 'es' like the intake form does; three-letter codes without a two-letter
    form (quc for K'iche') stay as they are."""
    if len(code) == 3:
        language = pycountry.languages.get(alpha_3=code)
        short = getattr(language, "alpha_2", None) if language is not None else None
        if short:
            return str(short)
    return code
