"""The gettext catalogue of the non-Qt texts (domain problems, store errors, command line).

    python tools/messages.py update   # extract marked texts; add new ones (empty) to the .po,
                                      # keep translations, drop texts no longer in the code
    python tools/messages.py check    # fail when a text lacks a translation, or the .po is stale

Marked texts are the first argument of ``_()``, ``N_()``, ``tr()``, ``gettext()`` and
``translate()`` (both arguments of the counted ``N_n()``, ``ngettext()``, ``translate_n()``) in
clinic/domain, clinic/storage, clinic/services, clinic/reports and clinic/cli (the Qt interface
has its own .ts catalogue: tools/translations.py). Two sets of words come from data, not code:
the enum words of clinic/domain/enum_words.py, each with its enum's context (``msgctxt
"enum.Stage"``), and every deadline rule's ``name`` in resources/rules/deadlines.toml (``msgctxt
"DeadlineRules"``). The window's .ts has both under the same contexts, and
tests/ui/test_enum_words_agree.py checks both catalogues agree. The .po has no source locations,
so moving code does not rewrite it. See docs/decisions/0010-gettext-catalogue.md.
"""

from __future__ import annotations

import argparse
import io
import string
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("domain", "storage", "services", "reports", "cli")
LANGUAGES = ("es",)
RULES = ROOT / "resources" / "rules" / "deadlines.toml"
RULE_CONTEXT = "DeadlineRules"  # clinic.domain.deadlines.wording.RULE_CONTEXT
KEYWORDS: dict[str, object] = {
    "_": None,
    "N_": None,
    "tr": None,
    "gettext": None,
    "translate": None,
    # counted texts: (singular, plural) become one entry with msgid_plural and plural forms
    "tr_n": (1, 2),
    "N_n": (1, 2),
    "ngettext": (1, 2),
    "translate_n": (1, 2),
}


class InContext(NamedTuple):
    """A msgid under a msgctxt (an enum word: ``InContext("enum.Stage", "Filed")``)."""

    context: str
    text: str


# a msgid, (singular, plural), or a msgid with its context
Key = str | tuple[str, str] | InContext


def po_path(lang: str) -> Path:
    return ROOT / "resources" / "locale" / lang / "LC_MESSAGES" / "clinic.po"


def extract() -> dict[Key, list[str]]:
    """Every marked text (msgid, or (singular, plural)) with where it was found."""
    found: dict[Key, list[str]] = {}
    for package in PACKAGES:
        folder = ROOT / "clinic" / package
        for filename, lineno, message, _comments, _context in extract_from_dir(
            folder,
            method_map=[("**.py", "python")],
            keywords=KEYWORDS,
            comment_tags=(),
            strip_comment_tags=True,
        ):
            text: Key = message if isinstance(message, str) else message[0]
            if isinstance(message, tuple) and len(message) == 2 and message[1]:
                text = (message[0], message[1])
            if not text:
                continue
            found.setdefault(text, []).append(f"clinic/{package}/{filename}:{lineno}")
    from clinic.domain.enum_words import entries  # noqa: PLC0415 - the project's own table

    for context, text in entries():
        found.setdefault(InContext(context, text), []).append("clinic/domain/enum_words.py")
    for name in rule_names():
        found.setdefault(InContext(RULE_CONTEXT, name), []).append("resources/rules/deadlines.toml")
    return found


def rule_names() -> list[str]:
    """Every deadline rule's ``name`` (printed for staff) from the rule file."""
    with RULES.open("rb") as handle:
        rules = tomllib.load(handle).get("rule", [])
    return sorted({str(rule["name"]) for rule in rules if rule.get("name")})


def read_catalogue(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.is_file():
        return Catalog(locale=lang, domain="clinic", project="Clinic")
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


@dataclass(frozen=True)
class Problems:
    missing: list[str]  # in the code, not in the .po
    untranslated: list[str]  # in the .po with an empty translation
    fuzzy: list[str]  # marked fuzzy (needs review)
    stale: list[str]  # in the .po, no longer in the code
    placeholders: list[str]  # translation's {names} differ from the source's

    def ok(self) -> bool:
        return not (
            self.missing or self.untranslated or self.fuzzy or self.stale or self.placeholders
        )


def _names(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def _key(message_id: object, context: str | None = None) -> Key:
    if context:
        return InContext(context, str(message_id))
    if isinstance(message_id, (tuple, list)):
        return (str(message_id[0]), str(message_id[1]))
    return str(message_id)


def _shown(key: Key) -> str:
    if isinstance(key, InContext):
        return f"[{key.context}] {key.text}"
    return key if isinstance(key, str) else f"{key[0]} | {key[1]}"


def _translated(string_: object) -> bool:
    if isinstance(string_, (tuple, list)):  # plural forms: every one written
        return bool(string_) and all(string_)
    return bool(string_)


def _placeholders_differ(key: Key, string_: object) -> bool:
    source = key if isinstance(key, str) else key[1]  # an InContext's [1] is its text
    forms = list(string_) if isinstance(string_, (tuple, list)) else [string_]
    return any(isinstance(f, str) and f and _names(source) != _names(f) for f in forms)


def check(lang: str, found: dict[Key, list[str]] | None = None) -> Problems:
    found = extract() if found is None else found
    catalog = read_catalogue(lang)
    entries = {_key(m.id, m.context): m for m in catalog if m.id}
    missing = sorted(_shown(t) for t in found if t not in entries)
    untranslated = sorted(
        _shown(t) for t, m in entries.items() if t in found and not _translated(m.string)
    )
    fuzzy = sorted(_shown(t) for t, m in entries.items() if m.fuzzy)
    stale = sorted(_shown(t) for t in entries if t not in found)
    placeholders = sorted(
        _shown(t) for t, m in entries.items() if _placeholders_differ(t, m.string)
    )
    return Problems(missing, untranslated, fuzzy, stale, placeholders)


def update(lang: str) -> tuple[int, int]:
    """Bring the .po in line with the code; returns (added, dropped)."""
    found = extract()
    old = read_catalogue(lang)
    old_entries = {_key(m.id, m.context): m for m in old if m.id}
    new = Catalog(
        locale=lang,
        domain="clinic",
        project="Clinic",
        fuzzy=False,
        # keep the header's dates, so an update without text changes leaves the file as it was
        creation_date=old.creation_date if po_path(lang).is_file() else None,
        revision_date=old.revision_date if po_path(lang).is_file() else None,
        header_comment="# Spanish texts of Clinic's domain, store and command-line messages.\n"
        "# Terms: docs/glossary-es.md. Update with: python tools/messages.py update",
    )
    for text in sorted(found, key=_shown):
        previous = old_entries.get(text)
        plural = isinstance(text, tuple) and not isinstance(text, InContext)
        empty: str | tuple[str, ...] = ("",) * new.num_plurals if plural else ""
        new.add(
            text.text if isinstance(text, InContext) else text,
            previous.string if previous is not None else empty,
            flags=previous.flags if previous is not None else (),
            context=text.context if isinstance(text, InContext) else None,
        )
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, new, width=100, no_location=True, omit_header=False, sort_output=True)
    path.write_bytes(buffer.getvalue())
    added = sum(1 for t in found if t not in old_entries)
    dropped = sum(1 for t in old_entries if t not in found)
    return added, dropped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("update", "check"))
    args = parser.parse_args(argv)
    failed = False
    for lang in LANGUAGES:
        if args.action == "update":
            added, dropped = update(lang)
            print(f"{po_path(lang).relative_to(ROOT)}: {added} new, {dropped} dropped")
        problems = check(lang)
        for label, texts in (
            ("no entry", problems.missing),
            ("not translated", problems.untranslated),
            ("fuzzy", problems.fuzzy),
            ("no longer in the code", problems.stale),
            ("placeholders differ", problems.placeholders),
        ):
            for text in texts:
                print(f"{lang}: {label}: {text!r}")
        failed = failed or not problems.ok()
    return 1 if failed and args.action == "check" else 0


if __name__ == "__main__":
    sys.exit(main())
