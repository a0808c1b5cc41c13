"""Reading client-handout texts (resources/handouts/<language>.toml) into domain values.

One file per language holds the words of every handout kind in that language, each legal statement
with its source and as-of date, and how that language writes dates and times (month and day names
where the locale database has none). English (``en.toml``) is the source every other language
translates: a language must have the same labels and blocks, with the same sources. Errors name
the file, the table and the field, and say what to fix. See resources/handouts/README.md.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import Any

HANDOUT_KINDS = ("hearing-reminder", "document-request", "appointment-slip")
SOURCE_LANGUAGE = "en"
REVIEW_STATES = ("source", "draft", "reviewed")
_FILE_KEYS = {"language", "dates", "common", *HANDOUT_KINDS}
_LANGUAGE_KEYS = {"code", "name", "english_name", "client_languages", "status", "as_of", "note"}
_DATES_KEYS = {"locale", "months", "weekdays", "long_date", "date", "time", "periods", "first_day"}
_KIND_KEYS = {"title", "as_of", "labels", "blocks", "client_items"}
_BLOCK_KEYS = {"id", "heading", "text", "items", "source", "as_of"}
_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
_TIME_FIELDS = {"h", "hh", "H", "HH", "mm", "period"}
_DATE_FIELDS = {"weekday", "day", "month", "year"}


class HandoutFileError(ValueError):
    """A handout file that cannot be used; the message says where and what to fix."""


@dataclass(frozen=True)
class DateWords:
    """How a language writes dates and times on a handout.

    ``locale``: a CLDR locale (through Babel) for the long date, or "" when the locale database
    has none for this language; then ``months`` (January first), ``weekdays`` (Monday first) and
    ``long_date`` ("{weekday} {day} {month} {year}") / ``date`` (no weekday) say how.
    ``time``: "{h}:{mm} {period}" (12-hour, ``periods`` = (morning, afternoon)) or "{H}h{mm}"."""

    locale: str
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    long_date: str
    short_date: str
    time_pattern: str
    periods: tuple[str, ...]  # before noon, after noon[, from 6 p.m.]
    first_day: str  # how day 1 is written ("1er" in French); "" = "1"

    def twelve_hour(self) -> bool:
        return "{h}" in self.time_pattern or "{hh}" in self.time_pattern

    def spoken_hour(self, value: time) -> int:
        """The hour as the reader reads it (1 for 1:00 PM on a 12-hour clock, 13 on a 24-hour one)."""
        if self.twelve_hour():
            return value.hour % 12 or 12
        return value.hour

    def clock(self, value: time) -> str:
        hour = self.spoken_hour(value)
        return self.time_pattern.format(
            h=hour,
            hh=f"{hour:02d}",
            H=value.hour,
            HH=f"{value.hour:02d}",
            mm=f"{value.minute:02d}",
            period=self.periods[0 if value.hour < 12 else 1 if value.hour < 18 else -1],
        ).strip()

    def _fill(self, pattern: str, value: date) -> str:
        day = self.first_day if value.day == 1 and self.first_day else str(value.day)
        return pattern.format(
            weekday=self.weekdays[value.weekday()],
            day=day,
            month=self.months[value.month - 1],
            year=value.year,
        )

    def written_long(self, value: date) -> str:
        """The date with its weekday, from this file's names (callers use Babel when ``locale``)."""
        return self._fill(self.long_date, value)

    def written(self, value: date) -> str:
        return self._fill(self.short_date, value)


@dataclass(frozen=True)
class HandoutBlock:
    id: str
    heading: str
    text: str | None
    items: tuple[str, ...]
    source: str
    as_of: date


@dataclass(frozen=True)
class HandoutText:
    """One handout kind (or "common") in one language."""

    lang: str
    kind: str
    as_of: date | None
    title: str
    labels: Mapping[str, str]
    blocks: tuple[HandoutBlock, ...]
    client_items: Mapping[str, str]

    def label(self, key: str, **values: object) -> str:
        try:
            text = self.labels[key]
        except KeyError:
            raise HandoutFileError(
                f"{self.lang}.toml: [{self.kind}.labels] has no {key!r}; add it."
            ) from None
        return text.format(**values) if values else text


@dataclass(frozen=True)
class HandoutLanguage:
    """Everything one language file holds."""

    code: str
    name: str  # in its own language ("Kreyòl ayisyen"): column heads and pickers
    english_name: str
    client_languages: tuple[str, ...]  # recorded client language codes that pick this one
    status: str  # "source" (English), "draft" or "reviewed" as shipped
    as_of: date
    note: str
    dates: DateWords
    kinds: Mapping[str, HandoutText]  # "common" and every handout kind

    def kind(self, kind: str) -> HandoutText:
        return self.kinds[kind]


def _str(value: Any, where: str, *, empty: bool = False) -> str:
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise HandoutFileError(f'{where}: write a text in quotes, e.g. "…".')
    return value.strip()


def _date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    raise HandoutFileError(f"{where}: as_of must be a date such as 2026-06-20 (no quotes).")


def _strings(value: Any, where: str, count: int | None = None) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise HandoutFileError(f'{where}: write a list of texts, e.g. ["…", "…"].')
    if count is not None and len(value) != count:
        raise HandoutFileError(f"{where}: give exactly {count} names (found {len(value)}).")
    return tuple(v.strip() for v in value)


def _fields(pattern: str, allowed: set[str], where: str) -> None:
    used = set(re.findall(r"{(\w*)}", pattern))
    unknown = used - allowed
    if unknown:
        raise HandoutFileError(
            f"{where}: unknown place holder(s) {sorted(unknown)}; use {sorted(allowed)}."
        )


def _dates(raw: Any, where: str) -> DateWords:
    if not isinstance(raw, dict):
        raise HandoutFileError(f"{where}: add a [dates] table (locale, time …).")
    unknown = set(raw) - _DATES_KEYS
    if unknown:
        raise HandoutFileError(f"{where}: unknown field(s) {sorted(unknown)}.")
    locale = raw.get("locale", "")
    if not isinstance(locale, str):
        raise HandoutFileError(f'{where} locale: write a locale such as "pt_BR", or "".')
    if locale:
        months = _strings(raw["months"], f"{where} months", 12) if "months" in raw else ()
        weekdays = _strings(raw["weekdays"], f"{where} weekdays", 7) if "weekdays" in raw else ()
    else:  # the locale database has no names for this language: the file gives them
        if "months" not in raw or "weekdays" not in raw or "long_date" not in raw:
            raise HandoutFileError(
                f"{where}: without a locale, give months (12 names), weekdays (7, Monday first), "
                "long_date and date."
            )
        months = _strings(raw["months"], f"{where} months", 12)
        weekdays = _strings(raw["weekdays"], f"{where} weekdays", 7)
    long_date = _str(raw.get("long_date", "{weekday} {day} {month} {year}"), f"{where} long_date")
    short = _str(raw.get("date", "{day} {month} {year}"), f"{where} date")
    _fields(long_date, _DATE_FIELDS, f"{where} long_date")
    _fields(short, _DATE_FIELDS, f"{where} date")
    pattern = _str(raw.get("time"), f"{where} time")
    _fields(pattern, _TIME_FIELDS, f"{where} time")
    periods = _strings(raw.get("periods", ["AM", "PM"]), f"{where} periods")
    if len(periods) not in (2, 3):
        raise HandoutFileError(
            f"{where} periods: give 2 words (morning, afternoon) or 3 (… and evening, from 6 p.m.)."
        )
    return DateWords(
        locale=locale,
        months=months,
        weekdays=weekdays,
        long_date=long_date,
        short_date=short,
        time_pattern=pattern,
        periods=periods,
        first_day=_str(raw.get("first_day", ""), f"{where} first_day", empty=True),
    )


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
    text = _str(raw["text"], f"{where} text") if "text" in raw else None
    items = _strings(raw.get("items", []), f"{where} items") if "items" in raw else ()
    if text is None and not items:
        raise HandoutFileError(f"{where}: give a text or items.")
    source = raw.get("source", "")
    if not isinstance(source, str) or not source.strip():
        raise HandoutFileError(f"{where}: say where the statement comes from (source).")
    if "as_of" not in raw:
        raise HandoutFileError(f"{where}: give the date the source was checked (as_of).")
    return HandoutBlock(
        id=block_id,
        heading=_str(raw.get("heading"), f"{where} heading"),
        text=text,
        items=items,
        source=source.strip(),
        as_of=_date(raw["as_of"], where),
    )


def _kind(lang: str, kind: str, raw: Any, where: str) -> HandoutText:
    if not isinstance(raw, dict):
        raise HandoutFileError(f"{where}: add a [{kind}] table.")
    unknown = set(raw) - _KIND_KEYS
    if unknown:
        raise HandoutFileError(f"{where}: unknown field(s) {sorted(unknown)}.")
    labels = raw.get("labels", {})
    items = raw.get("client_items", {})
    blocks_raw = raw.get("blocks", [])
    if not isinstance(labels, dict) or not isinstance(items, dict):
        raise HandoutFileError(f"{where}: labels and client_items must be tables.")
    if not isinstance(blocks_raw, list):
        raise HandoutFileError(f"{where}: blocks must be [[{kind}.blocks]] tables.")
    blocks = tuple(_block(b, f"{where} block {n}") for n, b in enumerate(blocks_raw, 1))
    ids = [b.id for b in blocks]
    if len(set(ids)) != len(ids):
        raise HandoutFileError(f"{where}: two blocks share an id.")
    return HandoutText(
        lang=lang,
        kind=kind,
        as_of=_date(raw["as_of"], where) if "as_of" in raw else None,
        title=_str(raw.get("title"), f"{where} title"),
        labels={k: _str(v, f"{where} label {k}") for k, v in labels.items()},
        blocks=blocks,
        client_items={k: _str(v, f"{where} client item {k}") for k, v in items.items()},
    )


def parse_language(content: str, *, source_name: str) -> HandoutLanguage:
    """One language file; raises :class:`HandoutFileError` saying what to fix."""
    try:
        raw = tomllib.loads(content)
    except tomllib.TOMLDecodeError as exc:
        raise HandoutFileError(f"{source_name}: not valid TOML ({exc}).") from None
    unknown = set(raw) - _FILE_KEYS
    if unknown:
        raise HandoutFileError(f"{source_name}: unknown table(s) {sorted(unknown)}.")
    meta = raw.get("language")
    if not isinstance(meta, dict):
        raise HandoutFileError(f"{source_name}: add a [language] table (code, name, status …).")
    unknown = set(meta) - _LANGUAGE_KEYS
    if unknown:
        raise HandoutFileError(f"{source_name} [language]: unknown field(s) {sorted(unknown)}.")
    code = _str(meta.get("code"), f"{source_name} [language] code")
    if not _CODE.match(code) or f"{code}.toml" != source_name.rsplit("/", 1)[-1]:
        raise HandoutFileError(
            f"{source_name}: code {code!r} must be an ISO 639 code (two or three small letters) "
            "and the file must be named after it (e.g. ht.toml)."
        )
    status = _str(meta.get("status"), f"{source_name} [language] status")
    if status not in REVIEW_STATES:
        raise HandoutFileError(f"{source_name} [language] status: use one of {REVIEW_STATES}.")
    kinds = {
        kind: _kind(code, kind, raw.get(kind), f"{source_name} [{kind}]")
        for kind in ("common", *HANDOUT_KINDS)
    }
    return HandoutLanguage(
        code=code,
        name=_str(meta.get("name"), f"{source_name} [language] name"),
        english_name=_str(meta.get("english_name"), f"{source_name} [language] english_name"),
        client_languages=_strings(
            meta.get("client_languages", [code]), f"{source_name} [language] client_languages"
        ),
        status=status,
        as_of=_date(meta.get("as_of"), f"{source_name} [language]"),
        note=_str(meta.get("note", ""), f"{source_name} [language] note", empty=True),
        dates=_dates(raw.get("dates"), f"{source_name} [dates]"),
        kinds=kinds,
    )


def check_against_source(language: HandoutLanguage, source: HandoutLanguage) -> None:
    """A translation says the same things as the English: the same labels (with the same place
    holders), the same blocks in the same order with the same sources, the same client items."""
    where = f"{language.code}.toml"
    for kind, english in source.kinds.items():
        text = language.kinds[kind]
        missing = set(english.labels) - set(text.labels)
        extra = set(text.labels) - set(english.labels)
        if missing or extra:
            raise HandoutFileError(
                f"{where} [{kind}.labels]: missing {sorted(missing)}, not in English "
                f"{sorted(extra)}; translate exactly the English labels."
            )
        for key, words in english.labels.items():
            wanted = set(re.findall(r"{(\w+)}", words))
            if set(re.findall(r"{(\w+)}", text.labels[key])) != wanted:
                raise HandoutFileError(
                    f"{where} [{kind}.labels] {key}: keep the place holders {sorted(wanted)}."
                )
        if [b.id for b in text.blocks] != [b.id for b in english.blocks]:
            raise HandoutFileError(
                f"{where} [{kind}]: the blocks must be {[b.id for b in english.blocks]}, in order."
            )
        for ours, theirs in zip(text.blocks, english.blocks, strict=True):
            if ours.source != theirs.source or ours.as_of != theirs.as_of:
                raise HandoutFileError(
                    f"{where} [{kind}] block {ours.id}: source and as_of must be the English "
                    "block's (the statement is the same)."
                )
            if len(ours.items) != len(theirs.items) or (ours.text is None) != (theirs.text is None):
                raise HandoutFileError(
                    f"{where} [{kind}] block {ours.id}: translate the same text and items."
                )
        if set(text.client_items) != set(english.client_items):
            raise HandoutFileError(
                f"{where} [{kind}.client_items]: give exactly {sorted(english.client_items)}."
            )
