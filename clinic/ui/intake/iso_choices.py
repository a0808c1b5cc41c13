"""The ISO country and language lists offered by the pickers (pycountry's bundled data)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pycountry

from clinic.domain.names import fold


@dataclass(frozen=True)
class CodeChoice:
    code: str  # what is stored: ISO 3166-1 alpha-2, or ISO 639-1 / 639-3
    name: str  # what is shown
    search_text: str  # what typing matches: names (as written and folded) and the code


def _choice(code: str, *names: str) -> CodeChoice:
    unique = list(dict.fromkeys(n for n in names if n))
    searchable = " ".join([*unique, *(fold(n) for n in unique), code])
    return CodeChoice(code, unique[0], searchable)


@cache
def country_choices() -> tuple[CodeChoice, ...]:
    """Every country, by its common name ("Venezuela", not "…, Bolivarian Republic of")."""
    choices = [
        _choice(
            c.alpha_2,
            getattr(c, "common_name", "") or c.name,
            c.name,
            getattr(c, "official_name", ""),
        )
        for c in pycountry.countries
    ]
    return tuple(sorted(choices, key=lambda c: fold(c.name)))


@cache
def language_choices() -> tuple[CodeChoice, ...]:
    """Languages with a two-letter code, and every living language (K'iche', Mam, Q'anjob'al …)."""
    choices = []
    for language in pycountry.languages:
        alpha_2 = getattr(language, "alpha_2", "")
        living = language.type == "L" and language.scope in ("I", "M")
        if alpha_2 or living:
            choices.append(_choice(alpha_2 or language.alpha_3, language.name))
    return tuple(sorted(choices, key=lambda c: fold(c.name)))
