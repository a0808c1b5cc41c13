"""Translations of the non-Qt texts (validation problems, store errors, command-line messages).

The catalogue is gettext's: English source texts in the code, marked with :func:`N_` (a marker
that returns its argument) or passed to a ``_()`` translator; Spanish in
``resources/locale/es/LC_MESSAGES/clinic.po``, read with Babel when first needed (no compiled
``.mo`` is committed or needed). ``tools/messages.py`` extracts the marked texts and updates the
``.po``; tests/domain/test_message_catalogue.py fails when a marked text lacks a translation.
See docs/decisions/0010-gettext-catalogue.md.

A word that reads differently by what it names carries a context (gettext's ``msgctxt``, read
with :func:`pgettext`): the enum words of :mod:`clinic.domain.enum_words` use their enum's name
("enum.EvidenceStatus": "Filed" → "Presentado"), so two enums' "Other" can differ in Spanish.

Texts with values use ``str.format`` names (``"Saved {path}."``): translate the template, then
fill it in, so the values never pass through the catalogue. A counted text has a singular and a
plural (:func:`ngettext`, :func:`translate_n`: ``"{n} row"`` / ``"{n} rows"``), never "row(s)";
the language's plural rule (the ``.po``'s Plural-Forms) picks the form.
"""

from __future__ import annotations

import gettext as gnu
import io
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clinic.resource_files import resource_path

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

# Babel (a few tenths of a second to import) is loaded only when a catalogue is first read:
# English, the source language, never needs it.

SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "es")
DOMAIN = "clinic"


def N_(text: str) -> str:
    """Mark ``text`` for the catalogue without translating it now (it is translated when shown)."""
    return text


def N_n(singular: str, plural: str) -> tuple[str, str]:
    """Mark a counted text (singular, plural) for the catalogue; :func:`translate_n` shows it."""
    return singular, plural


def catalogue_path(lang: str) -> Path:
    return resource_path("locale", lang, "LC_MESSAGES", f"{DOMAIN}.po")


@lru_cache(maxsize=4)
def _catalogue(lang: str) -> dict[tuple[str, str], str]:
    """(context, text) → translation; the context is "" for a text that has none."""
    path = catalogue_path(lang)
    if not path.is_file():
        return {}
    catalog = _read_po(path, lang)
    table: dict[tuple[str, str], str] = {}
    for message in catalog:
        if not message.id or message.fuzzy or not isinstance(message.id, str):
            continue
        if isinstance(message.string, str) and message.string:
            table[(message.context or "", message.id)] = message.string
    return table


def _read_po(path: Path, lang: str) -> Catalog:
    from babel.messages.pofile import read_po  # noqa: PLC0415 - see the note at the top

    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def gettext(text: str, lang: str) -> str:
    """``text`` in ``lang``; the English text itself when it has no translation."""
    return pgettext("", text, lang)


def pgettext(context: str, text: str, lang: str) -> str:
    """``text`` in ``lang`` as the catalogue has it under ``context``; the English text itself
    when it has no translation there."""
    if lang == SOURCE_LANGUAGE or not text:
        return text
    return _catalogue(lang).get((context, text), text)


def translate(template: str, lang: str, /, **values: Any) -> str:
    """Translate a ``str.format`` template, then fill in ``values``."""
    text = gettext(template, lang)
    return text.format(**values) if values else text


@lru_cache(maxsize=4)
def _plural_catalogue(lang: str) -> gnu.NullTranslations:
    """The catalogue as gettext reads it (compiled in memory), for its plural rule."""
    path = catalogue_path(lang)
    if lang == SOURCE_LANGUAGE or not path.is_file():
        return gnu.NullTranslations()
    from babel.messages.mofile import write_mo  # noqa: PLC0415 - see the note at the top

    catalog = _read_po(path, lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gnu.GNUTranslations(buffer)


def ngettext(singular: str, plural: str, n: int, lang: str) -> str:
    """The form of a counted text for ``n`` in ``lang`` (English: singular for 1)."""
    return _plural_catalogue(lang).ngettext(singular, plural, n)


def translate_n(singular: str, plural: str, n: int, lang: str, /, **values: Any) -> str:
    """:func:`ngettext`, then fill in ``n`` and ``values`` (``str.format`` names)."""
    return ngettext(singular, plural, n, lang).format(n=n, **values)


class Translator:
    """A ``_()`` bound to one language: ``_ = Translator("es")``; ``_("Saved.")``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else SOURCE_LANGUAGE

    def __call__(self, template: str, /, **values: Any) -> str:
        return translate(template, self.lang, **values)
