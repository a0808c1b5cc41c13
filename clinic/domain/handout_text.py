"""Reading client-handout texts (resources/handouts/*.toml) into domain values.

Every text is bilingual (English and Spanish); legal statements carry a source and an as-of date.
Errors name the file, the block and the field, and say what to fix. See resources/handouts/README.md.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

HANDOUT_LANGUAGES = ("en", "es")
HANDOUT_KINDS = ("hearing-reminder", "document-request", "appointment-slip")
_FILE_KEYS = {"kind", "as_of", "title", "labels", "blocks", "client_items"}
_BLOCK_KEYS = {"id", "heading", "text", "items", "source", "as_of"}


class HandoutFileError(ValueError):
    """A handout file that cannot be used; the message says where and what to fix."""


@dataclass(frozen=True)
class Text:
    """One text in each handout language."""

    en: str
    es: str

    def in_(self, lang: str) -> str:
        return self.es if lang == "es" else self.en

    def fill(self, lang: str, **values: object) -> str:
        return self.in_(lang).format(**values) if values else self.in_(lang)


@dataclass(frozen=True)
class HandoutBlock:
    id: str
    heading: Text
    text: Text | None
    items: tuple[Text, ...]
    source: str
    as_of: date | None


@dataclass(frozen=True)
class HandoutText:
    kind: str
    as_of: date
    title: Text
    labels: Mapping[str, Text]
    blocks: tuple[HandoutBlock, ...]
    client_items: Mapping[str, Text]

    def label(self, key: str) -> Text:
        try:
            return self.labels[key]
        except KeyError:
            raise HandoutFileError(
                f"{self.kind}: the [labels] table has no {key!r}; add it with en and es texts."
            ) from None


def _text(value: Any, where: str) -> Text:
    if not isinstance(value, dict):
        raise HandoutFileError(f'{where}: write it as {{ en = "...", es = "..." }}.')
    unknown = set(value) - set(HANDOUT_LANGUAGES)
    if unknown:
        raise HandoutFileError(f"{where}: unknown language {sorted(unknown)}; use en and es.")
    texts: dict[str, str] = {}
    for lang in HANDOUT_LANGUAGES:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise HandoutFileError(f"{where}: the {lang!r} text is missing or empty.")
        texts[lang] = text.strip()
    return Text(en=texts["en"], es=texts["es"])


def _date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    raise HandoutFileError(f"{where}: as_of must be a date such as 2026-06-20 (no quotes).")


def _block(raw: Any, where: str) -> HandoutBlock:
    if not isinstance(raw, dict):
        raise HandoutFileError(f"{where}: each [[blocks]] entry must be a table.")
    unknown = set(raw) - _BLOCK_KEYS
    if unknown:
        raise HandoutFileError(f"{where}: unknown field(s) {sorted(unknown)}.")
    block_id = raw.get("id")
    if not isinstance(block_id, str) or not block_id:
        raise HandoutFileError(f"{where}: the block needs an id.")
    where = f"{where} ({block_id})"
    text = _text(raw["text"], f"{where} text") if "text" in raw else None
    items_raw = raw.get("items", [])
    if not isinstance(items_raw, list):
        raise HandoutFileError(f"{where}: items must be a list of {{ en, es }} texts.")
    items = tuple(_text(item, f"{where} item {n}") for n, item in enumerate(items_raw, start=1))
    if text is None and not items:
        raise HandoutFileError(f"{where}: give a text or items.")
    source = raw.get("source", "")
    if not isinstance(source, str) or not source.strip():
        raise HandoutFileError(f"{where}: say where the statement comes from (source).")
    if "as_of" not in raw:
        raise HandoutFileError(f"{where}: give the date the source was checked (as_of).")
    return HandoutBlock(
        id=block_id,
        heading=_text(raw.get("heading"), f"{where} heading"),
        text=text,
        items=items,
        source=source.strip(),
        as_of=_date(raw["as_of"], where),
    )


def parse_handout(content: str, *, source_name: str) -> HandoutText:
    """One handout file's texts; raises :class:`HandoutFileError` saying what to fix."""
    try:
        raw = tomllib.loads(content)
    except tomllib.TOMLDecodeError as exc:
        raise HandoutFileError(f"{source_name}: not valid TOML ({exc}).") from None
    unknown = set(raw) - _FILE_KEYS
    if unknown:
        raise HandoutFileError(f"{source_name}: unknown field(s) {sorted(unknown)}.")
    kind = raw.get("kind")
    if not isinstance(kind, str) or not kind:
        raise HandoutFileError(f"{source_name}: give the handout kind.")
    labels_raw = raw.get("labels", {})
    if not isinstance(labels_raw, dict):
        raise HandoutFileError(f"{source_name}: [labels] must be a table.")
    items_raw = raw.get("client_items", {})
    if not isinstance(items_raw, dict):
        raise HandoutFileError(f"{source_name}: [client_items] must be a table.")
    blocks_raw = raw.get("blocks", [])
    if not isinstance(blocks_raw, list):
        raise HandoutFileError(f"{source_name}: blocks must be [[blocks]] tables.")
    blocks = tuple(_block(b, f"{source_name} block {n}") for n, b in enumerate(blocks_raw, 1))
    ids = [b.id for b in blocks]
    if len(set(ids)) != len(ids):
        raise HandoutFileError(f"{source_name}: two blocks share an id.")
    return HandoutText(
        kind=kind,
        as_of=_date(raw.get("as_of"), source_name),
        title=_text(raw.get("title"), f"{source_name} title"),
        labels={k: _text(v, f"{source_name} label {k}") for k, v in labels_raw.items()},
        blocks=blocks,
        client_items={k: _text(v, f"{source_name} client item {k}") for k, v in items_raw.items()},
    )
