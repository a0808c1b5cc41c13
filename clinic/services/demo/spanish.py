"""Spanish wording of the demo data, for Spanish screenshots and Spanish-speaking trainings.

``fill_demo_data(..., language="es")`` writes these texts instead of the English ones: titles of
manual deadlines and evidence, notes, reasons and stage notes. The generator draws the same random
numbers in both languages; only the words written differ. A text missing here stays English.

The words are data, ``resources/demo/es.toml`` (English on the left, Spanish on the right), like
every other text in another language (issue 19 § 3: no hand-written word tables in code).
Proper names stay as they are: courts, asylum offices, detention centres, agencies, forms,
organisations and foreign document names ("Houston Immigration Court", "DNI (Documento Nacional
de Identificación)"), because that is how they appear on the letters and buildings clients and
staff see (docs/glossary-es.md, "Official names"). Wording follows the glossary.
"""

from __future__ import annotations

import tomllib
from functools import cache

from clinic.resource_files import resource_path

WORDS_FILE = ("demo", "es.toml")


@cache
def _tables() -> dict[str, dict[str, str]]:
    """The four tables of the words file: words, countries, templates, outcomes."""
    with resource_path(*WORDS_FILE).open("rb") as handle:
        data = tomllib.load(handle)
    return {
        name: dict(data.get(name, {})) for name in ("words", "countries", "templates", "outcomes")
    }


def spanish_words() -> dict[str, str]:
    """The words table (English text -> Spanish), for checks of the demo's Spanish."""
    return dict(_tables()["words"])


def words(language: str, text: str) -> str:
    """``text`` in ``language`` ("en" or "es"); English when the table has no entry."""
    if language != "es" or not text:
        return text
    return _tables()["words"].get(text, text)


def fill(language: str, template: str, /, **values: str | int) -> str:
    """A template of the words file in ``language``, with countries and outcomes in it too."""
    if language == "es":
        tables = _tables()
        template = tables["templates"].get(template, template)
        for key, table in (("country", tables["countries"]), ("outcome", tables["outcomes"])):
            value = values.get(key)
            if isinstance(value, str):
                values[key] = table.get(value, value)
    return template.format(**values)
