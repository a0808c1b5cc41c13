"""Name folding: one ASCII search key for names written in any script or spelling.

Clients' names arrive as "José Núñez", "JOSE NUNEZ", "Núñez-José", "Алексей" or "王小明".
Staff must find a person whichever way they type the name, and the conflict check must
see two spellings of one person as the same person. Both rely on `fold`.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

# Russian, Ukrainian and Belarusian passports romanise "й" as "i" (ICAO Doc 9303), so
# "Алексей" must fold like the "Aleksei" printed in the client's passport. anyascii
# alone would give "aleksey"; every other character is left to anyascii.
_PASSPORT_ROMANISATION = {"й": "i", "Й": "I"}

# After transliteration and casefolding every character is ASCII; anything that is not a
# letter or a digit (hyphens, apostrophes, commas, dots, whitespace) separates words.
_SEPARATORS = re.compile(r"[^a-z0-9]+")


def _fold_char(char: str) -> str:
    """Transliterate and casefold one character; separators become a space."""
    ascii_text = _PASSPORT_ROMANISATION.get(char) or anyascii(char)
    return _SEPARATORS.sub(" ", ascii_text.casefold())


class _FoldTable(dict[int, str]):
    """A `str.translate` table from code point to folded text, filled on first use.

    anyascii works one character at a time, so folding each character once and letting
    `str.translate` apply the table in C gives exactly anyascii's result, about twice as
    fast; the conflict check folds every known name (~100,000) when it first runs.
    """

    def __missing__(self, codepoint: int) -> str:
        folded = _fold_char(chr(codepoint))
        self[codepoint] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Return the search key of a name: ASCII, lower case, words separated by one space.

    Accents, case, script and punctuation differ between two spellings of one name far
    more often than the letters do, so all of them are erased: NFKC, then anyascii
    transliteration, casefold, punctuation to spaces, whitespace collapsed. Pure and
    idempotent: the result contains only ``[a-z0-9 ]`` and folds to itself.
    """
    if not text.isascii():  # ASCII is already NFKC
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.translate(_FOLD_TABLE).split())


def name_tokens(text: str) -> tuple[str, ...]:
    """Return the distinct folded words of a name, sorted.

    Word order carries no identity ("Garcia Lopez, Maria" is "Maria Garcia Lopez";
    "Nguyen Van An" is "An Van Nguyen"), so comparisons use the sorted set of words.
    """
    return tuple(sorted(set(fold(text).split())))


def search_key(*parts: str) -> str:
    """Return the folded parts joined by one space, for a stored normalised column.

    The database keeps this next to the raw name so that a plain SQL ``LIKE '%q%'`` on
    ``fold(q)`` is accent-, case- and script-insensitive. Empty parts are skipped so the
    key never holds doubled spaces.
    """
    return " ".join(folded for folded in map(fold, parts) if folded)
