"""Reading checklist templates (resources/checklists/*.toml) into domain values, with errors
that name the template, item and field and say what to fix."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from clinic.domain.checklists import (
    CheckKind,
    ChecklistFileError,
    ChecklistItem,
    ChecklistTemplate,
    Conditions,
    ItemCheck,
)
from clinic.domain.enums import ClaimType, ForumKind, Relief, Stage

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_TEMPLATE_KEYS = {
    "id",
    "title",
    "description",
    "source",
    "as_of",
    "sections",
    "applies_to",
    "default_for",
    "items",
    "title_es",
    "description_es",
    "sections_es",
}
_ITEM_KEYS = {"id", "section", "text", "citation", "when", "check", "note", "text_es", "note_es"}
_WHEN_KEYS = {
    "claim_types",
    "forums",
    "relief",
    "represented",
    "derivatives",
    "foreign_language",
    "detained",
    "unaccompanied_child",
    "referred",
}


@dataclass
class _Reader:
    source_name: str
    where: str = ""

    def fail(self, message: str) -> ChecklistFileError:
        return ChecklistFileError(f"{self.source_name}{self.where}: {message}")

    def text(self, table: Mapping[str, Any], key: str, *, required: bool = True) -> str:
        value = table.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(f"'{key}' must be {'non-empty ' if required else ''}text")
        return value.strip()

    def only(self, table: Mapping[str, Any], allowed: set[str]) -> None:
        unknown = sorted(set(table) - allowed)
        if unknown:
            raise self.fail(f"unknown field(s) {', '.join(unknown)}")


def _enum_set(reader: _Reader, values: Any, enum: type[StrEnum], key: str) -> frozenset[Any]:
    if not isinstance(values, list):
        raise reader.fail(f"'{key}' must be a list")
    try:
        return frozenset(enum(v) for v in values)
    except ValueError as exc:
        raise reader.fail(f"'{key}': {exc}") from None


def _conditions(reader: _Reader, table: Any) -> Conditions:
    if table is None:
        return Conditions()
    if not isinstance(table, dict):
        raise reader.fail("'when' must be a table")
    reader.only(table, _WHEN_KEYS)
    flags: dict[str, bool | None] = {}
    for key in (
        "represented",
        "derivatives",
        "foreign_language",
        "detained",
        "unaccompanied_child",
        "referred",
    ):
        value = table.get(key)
        if value is not None and not isinstance(value, bool):
            raise reader.fail(f"'{key}' must be true or false")
        flags[key] = value
    return Conditions(
        claim_types=_enum_set(reader, table.get("claim_types", []), ClaimType, "claim_types"),
        forums=_enum_set(reader, table.get("forums", []), ForumKind, "forums"),
        relief=_enum_set(reader, table.get("relief", []), Relief, "relief"),
        **flags,
    )


def _check(reader: _Reader, table: Any) -> ItemCheck | None:
    if table is None:
        return None
    if not isinstance(table, dict):
        raise reader.fail("'check' must be a table")
    reader.only(table, {"kind", "forms", "phrases"})
    try:
        kind = CheckKind(str(table.get("kind")))
    except ValueError:
        raise reader.fail(f"unknown check kind {table.get('kind')!r}") from None
    forms, phrases = table.get("forms", []), table.get("phrases", [])
    if not all(isinstance(v, str) and v.strip() for v in (*forms, *phrases)):
        raise reader.fail("'forms' and 'phrases' must be lists of text")
    if kind is CheckKind.DOCUMENT and not (forms or phrases):
        raise reader.fail("a document check needs 'forms' or 'phrases'")
    return ItemCheck(kind, tuple(forms), tuple(phrases))


def _item(reader: _Reader, table: Any, sections: tuple[str, ...]) -> ChecklistItem:
    if not isinstance(table, dict):
        raise reader.fail("each [[items]] entry must be a table")
    reader.where = f" item {table.get('id', '?')!r}"
    reader.only(table, _ITEM_KEYS)
    item_id = reader.text(table, "id")
    if not _ID.match(item_id) or len(item_id) > 60:
        raise reader.fail("ids are kebab-case, at most 60 characters")
    section = reader.text(table, "section")
    if section not in sections:
        raise reader.fail(f"section {section!r} is not listed in 'sections'")
    return ChecklistItem(
        id=item_id,
        section=section,
        text=reader.text(table, "text"),
        citation=reader.text(table, "citation"),
        conditions=_conditions(reader, table.get("when")),
        check=_check(reader, table.get("check")),
        note=reader.text(table, "note", required=False),
        text_es=reader.text(table, "text_es", required=False),
        note_es=reader.text(table, "note_es", required=False),
    )


def parse_template(text: str, *, source_name: str = "checklist") -> ChecklistTemplate:
    reader = _Reader(source_name)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise reader.fail(str(exc)) from None
    reader.only(data, _TEMPLATE_KEYS)
    template_id = reader.text(data, "id")
    if not _ID.match(template_id) or len(template_id) > 60:
        raise reader.fail("the template id is kebab-case, at most 60 characters")
    as_of = data.get("as_of")
    if not isinstance(as_of, date) or isinstance(as_of, datetime):
        raise reader.fail("'as_of' must be a date (YYYY-MM-DD, unquoted)")
    sections = data.get("sections")
    if (
        not isinstance(sections, list)
        or not sections
        or not all(isinstance(s, str) and s.strip() for s in sections)
    ):
        raise reader.fail("'sections' must be a non-empty list of text")
    sections_es = data.get("sections_es", [])
    if not isinstance(sections_es, list) or not all(
        isinstance(s, str) and s.strip() for s in sections_es
    ):
        raise reader.fail("'sections_es' must be a list of text")
    if sections_es and len(sections_es) != len(sections):
        raise reader.fail("'sections_es' must name every section of 'sections', in the same order")
    default_for = data.get("default_for", {})
    if not isinstance(default_for, dict):
        raise reader.fail("'default_for' must be a table")
    reader.only(default_for, {"claim_types", "stages"})
    template = ChecklistTemplate(
        id=template_id,
        title=reader.text(data, "title"),
        description=reader.text(data, "description", required=False),
        source=reader.text(data, "source"),
        as_of=as_of,
        sections=tuple(sections),
        items=(),
        applies_to=_conditions(reader, data.get("applies_to")),
        default_claim_types=_enum_set(
            reader, default_for.get("claim_types", []), ClaimType, "claim_types"
        ),
        default_stages=_enum_set(reader, default_for.get("stages", []), Stage, "stages"),
        title_es=reader.text(data, "title_es", required=False),
        description_es=reader.text(data, "description_es", required=False),
        sections_es=tuple(s.strip() for s in sections_es),
    )
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise reader.fail("a template needs at least one [[items]] entry")
    items = tuple(_item(reader, t, template.sections) for t in raw_items)
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ChecklistFileError(f"{source_name}: item id {item.id!r} is used twice")
        seen.add(item.id)
    return replace(template, items=items)
