"""The ISO country and language lists offered by the pickers (pycountry's bundled data), with
names in the interface language from CLDR (Babel) where it has them; the English names stay
searchable."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pycountry
from babel import Locale

from clinic.domain.names import fold


@dataclass(frozen=True)
class CodeChoice:
    code: str  # what is stored: ISO 3166-1 alpha-2, or ISO 639-1 / 639-3
    name: str  # what is shown
    search_text: str  # what typing matches: names (as written and folded) and the code


@cache
def _cldr(language: str) -> Locale:
    return Locale.parse(language)


def local_country_name(code: str, language: str) -> str | None:
    """CLDR's name for a country in ``language`` ("México"), None when English is wanted."""
    if language == "en":
        return None
    found = _cldr(language).territories.get(code.upper())
    return str(found) if found else None


def local_language_name(code: str, language: str) -> str | None:
    """CLDR's name for a language in ``language`` ("Quiché"), None when it has none."""
    if language == "en":
        return None
    found = _cldr(language).languages.get(code.lower())
    return str(found)[:1].upper() + str(found)[1:] if found else None


def _choice(code: str, *names: str | None) -> CodeChoice:
    unique = list(dict.fromkeys(n for n in names if n))
    searchable = " ".join([*unique, *(fold(n) for n in unique), code])
    return CodeChoice(code, unique[0], searchable)


# Names are also found in these interface languages whatever the chosen one, so "español" or
# "México" typed in the English interface finds Spanish or Mexico.
ALSO_SEARCHED = ("en", "es")


@cache
def country_choices(language: str = "en") -> tuple[CodeChoice, ...]:
    """Every country, by its common name ("Venezuela", not "…, Bolivarian Republic of")."""
    choices = [
        _choice(
            c.alpha_2,
            local_country_name(c.alpha_2, language),
            getattr(c, "common_name", "") or c.name,
            c.name,
            getattr(c, "official_name", ""),
            *(local_country_name(c.alpha_2, other) for other in ALSO_SEARCHED),
        )
        for c in pycountry.countries
    ]
    return tuple(sorted(choices, key=lambda c: fold(c.name)))


@cache
def language_choices(language: str = "en") -> tuple[CodeChoice, ...]:
    """Languages with a two-letter code, and every living language (K'iche', Mam, Q'anjob'al …)."""
    choices = []
    for entry in pycountry.languages:
        alpha_2 = getattr(entry, "alpha_2", "")
        living = entry.type == "L" and entry.scope in ("I", "M")
        if alpha_2 or living:
            code = alpha_2 or entry.alpha_3
            others = (local_language_name(code, other) for other in ALSO_SEARCHED)
            choices.append(_choice(code, local_language_name(code, language), entry.name, *others))
    return tuple(sorted(choices, key=lambda c: fold(c.name)))
