"""Alien registration numbers (A-numbers): parsing, validation, display and search.

An A-number is the one identifier DHS, USCIS and the immigration court all share, so
it is the strongest conflict-check signal the clinic has. People write it in many ways
("A-123-456-789", "a 123 456 789", "A# 123.456.789", "12345678"); the database stores
exactly nine digits, old eight-digit numbers padded with a leading zero, and the
screens show the canonical ``A-123-456-789``.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

STORED_LENGTH = 9
ACCEPTED_LENGTHS = frozenset({8, 9})
MIN_SEARCH_DIGITS = 3

# One optional leading "A" (forms print "A#"), then digits with dashes, spaces or dots.
_PREFIX = re.compile(r"^[Aa]\s*#?")
_SEPARATORS = re.compile(r"[-.\s]+")
_DIGITS = re.compile(r"[0-9]+")
_SEARCH_QUERY = re.compile(r"^(?:[Aa]\s*#?)?[-.\s]*[0-9](?:[-.\s]*[0-9])*[-.\s]*$")


class ANumberProblem(StrEnum):
    """Why a typed A-number was refused; the UI turns each code into a message."""

    EMPTY = "empty"  # blank: nothing but whitespace ("A-" alone is WRONG_LENGTH)
    HAS_LETTERS = "has_letters"  # letters (or other symbols) besides the leading A
    WRONG_LENGTH = "wrong_length"
    ALL_ZEROS = "all_zeros"


class InvalidANumber(ValueError):
    """Raised for an unusable A-number; ``problem`` says which rule it broke."""

    def __init__(self, problem: ANumberProblem) -> None:
        super().__init__(f"invalid A-number: {problem.value}")
        self.problem = problem


def _ascii_digits(raw: str) -> str:
    """Map every Unicode decimal digit (full-width, Arabic-Indic, ...) to ASCII.

    Clients sometimes paste numbers typed on an Arabic or Persian keyboard; those
    digits mean the same number and must not be reported as letters.
    """
    return "".join(
        str(unicodedata.decimal(ch)) if unicodedata.decimal(ch, None) is not None else ch
        for ch in raw
    )


def _strip_decoration(raw: str) -> str:
    """Remove surrounding space, the optional leading A (or A#) and all separators."""
    text = _PREFIX.sub("", _ascii_digits(raw).strip(), count=1)
    return _SEPARATORS.sub("", text)


def parse_a_number(raw: str) -> str:
    """Return the nine stored digits of ``raw`` or raise `InvalidANumber`.

    Checks run from the most to the least basic, so the reported problem is the one
    a person should fix first.
    """
    if not raw.strip():
        raise InvalidANumber(ANumberProblem.EMPTY)
    digits = _strip_decoration(raw)
    if digits and not _DIGITS.fullmatch(digits):
        raise InvalidANumber(ANumberProblem.HAS_LETTERS)
    if len(digits) not in ACCEPTED_LENGTHS:
        raise InvalidANumber(ANumberProblem.WRONG_LENGTH)
    if digits.strip("0") == "":
        raise InvalidANumber(ANumberProblem.ALL_ZEROS)
    return digits.zfill(STORED_LENGTH)


def check_a_number(raw: str) -> ANumberProblem | None:
    """Return the problem with ``raw``, or None when it is a valid A-number."""
    try:
        parse_a_number(raw)
    except InvalidANumber as error:
        return error.problem
    return None


def format_a_number(digits9: str) -> str:
    """Show stored digits as ``A-123-456-789``, the form on USCIS and EOIR documents.

    Only the stored form is accepted: formatting anything else would hide a bug
    that let an unparsed value into the database.
    """
    if not digits9:
        raise InvalidANumber(ANumberProblem.EMPTY)
    if not _DIGITS.fullmatch(digits9):
        raise InvalidANumber(ANumberProblem.HAS_LETTERS)
    if len(digits9) != STORED_LENGTH:
        raise InvalidANumber(ANumberProblem.WRONG_LENGTH)
    return f"A-{digits9[0:3]}-{digits9[3:6]}-{digits9[6:9]}"


def display_a_number(digits: str | None) -> str:
    """The one printed form, ``A-123-456-789``, for every PDF and screen ("" when none); a
    stored value that is somehow not nine digits prints as it is rather than not at all."""
    if not digits:
        return ""
    try:
        return format_a_number(digits)
    except InvalidANumber:
        return digits


def a_number_digits_for_search(text: str) -> str | None:
    """Return the digits of a (possibly partial) A-number query, else None.

    The search box takes names and A-numbers alike; a query of at least three digits,
    optionally prefixed with A and broken by dashes, dots or spaces, is an A-number
    fragment to match against the stored digits with ``LIKE '%digits%'``. Nothing is
    padded: "12345678" still finds the stored "012345678" as a substring.
    """
    normalized = _ascii_digits(text).strip()
    if not _SEARCH_QUERY.fullmatch(normalized):
        return None
    digits = "".join(_DIGITS.findall(normalized))
    if not MIN_SEARCH_DIGITS <= len(digits) <= STORED_LENGTH:
        return None
    return digits
