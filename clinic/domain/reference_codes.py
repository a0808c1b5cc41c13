"""ISO country (3166-1) and language (639) codes, checked against pycountry's bundled data."""

from __future__ import annotations

from functools import cache

import pycountry


@cache
def is_country_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code such as ``HN`` or ``VE``."""
    return len(code) == 2 and pycountry.countries.get(alpha_2=code.upper()) is not None


@cache
def is_language_code(code: str) -> bool:
    """True for an ISO 639-1 (``es``) or ISO 639-3 (``quc`` for K'iche') code."""
    lowered = code.lower()
    if len(lowered) == 2:
        return pycountry.languages.get(alpha_2=lowered) is not None
    if len(lowered) == 3:
        return pycountry.languages.get(alpha_3=lowered) is not None
    return False


@cache
def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code.upper())
    return str(country.name) if country is not None else code


@cache
def language_name(code: str) -> str:
    lowered = code.lower()
    key = "alpha_2" if len(lowered) == 2 else "alpha_3"
    language = pycountry.languages.get(**{key: lowered})
    return str(language.name) if language is not None else code
