"""Which column holds which field: header synonyms (data), automatic mapping, mapping files.

A mapping gives each column of the sheet a field, or None to ignore it. Common header names
(English and Spanish, in ``resources/import/headers.toml``) map themselves; the user confirms
or changes the mapping, and may keep it in a small JSON or TOML file:

    {"columns": {"Apellido(s)": "family_name", "Caso #": null}, "date_order": "dmy"}

Keys of ``columns`` are header texts as they appear in the file; values are field names (see
`ImportField`) or null/"ignore" to skip the column. Columns the file does not mention keep
their automatic mapping.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from clinic.domain.importing.dates import DateOrder
from clinic.domain.importing.sheet import ImportFileError
from clinic.domain.names import fold
from clinic.resource_files import resource_path

IGNORE = "ignore"


class ImportField(StrEnum):
    FAMILY_NAME = "family_name"
    GIVEN_NAME = "given_name"
    OTHER_NAMES = "other_names"
    A_NUMBER = "a_number"
    DATE_OF_BIRTH = "date_of_birth"
    SEX = "sex"
    NATIONALITY = "nationality"
    LANGUAGES = "languages"
    INTERPRETER_NEEDED = "interpreter_needed"
    PHONE = "phone"
    EMAIL = "email"
    ARRIVAL_DATE = "arrival_date"
    ARRIVAL_PLACE = "arrival_place"
    ARRIVAL_MANNER = "arrival_manner"
    DETENTION_FACILITY = "detention_facility"
    NOTES = "notes"
    RELATIONSHIP = "relationship"
    HOUSEHOLD = "household"
    PRINCIPAL_A_NUMBER = "principal_a_number"
    DERIVATIVE = "derivative"
    IN_US = "in_us"
    CLAIM_TYPE = "claim_type"
    FORUM_NAME = "forum_name"
    JUDGE = "judge"
    OPENED_ON = "opened_on"
    FILED_ON = "filed_on"
    RECEIPT_NUMBER = "receipt_number"
    HEARING_DATE = "hearing_date"
    HEARING_TIME = "hearing_time"
    HEARING_KIND = "hearing_kind"
    HEARING_LOCATION = "hearing_location"


DATE_FIELDS = frozenset(
    {
        ImportField.DATE_OF_BIRTH,
        ImportField.ARRIVAL_DATE,
        ImportField.OPENED_ON,
        ImportField.FILED_ON,
        ImportField.HEARING_DATE,
    }
)

ColumnMapping = tuple[ImportField | None, ...]  # one entry per column of the header


@dataclass(frozen=True)
class FieldInfo:
    field: ImportField
    label: str
    group: str  # client, family, case or hearing
    headers: tuple[str, ...]  # folded synonyms


@dataclass(frozen=True)
class HeaderTable:
    fields: tuple[FieldInfo, ...]

    def by_header(self) -> dict[str, ImportField]:
        return {synonym: info.field for info in self.fields for synonym in info.headers}

    def find(self, header: str) -> ImportField | None:
        """The field a header names; "D.O.B." and "A-Number" match "dob" and "anumber" too."""
        folded = fold(header)
        known = self.by_header()
        if folded in known:
            return known[folded]
        compact = {k.replace(" ", ""): f for k, f in reversed(list(known.items()))}
        return compact.get(folded.replace(" ", ""))

    def label(self, field: ImportField) -> str:
        return next(info.label for info in self.fields if info.field is field)


def parse_header_table(text: str, *, source_name: str = "headers.toml") -> HeaderTable:
    """Read the synonyms file; every field must appear once, every synonym only once."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{source_name}: {exc}") from None
    raw_fields = document.get("fields")
    if not isinstance(raw_fields, dict):
        raise ValueError(f"{source_name}: no [fields.*] tables")
    seen: dict[str, str] = {}
    infos: list[FieldInfo] = []
    for key, body in raw_fields.items():
        try:
            field = ImportField(key)
        except ValueError:
            raise ValueError(f"{source_name}: unknown field {key!r}") from None
        synonyms = tuple(fold(h) for h in body.get("headers", ()))
        for synonym in synonyms:
            if synonym in seen:
                raise ValueError(
                    f"{source_name}: header {synonym!r} is listed for both {seen[synonym]} and {key}"
                )
            seen[synonym] = key
        infos.append(
            FieldInfo(field, str(body.get("label", key)), str(body.get("group")), synonyms)
        )
    missing = set(ImportField) - {info.field for info in infos}
    if missing:
        raise ValueError(f"{source_name}: no entry for {', '.join(sorted(missing))}")
    return HeaderTable(tuple(infos))


@cache
def shipped_header_table() -> HeaderTable:
    path = resource_path("import", "headers.toml")
    return parse_header_table(path.read_text(encoding="utf-8"), source_name=path.name)


def automatic_mapping(header: Sequence[str], table: HeaderTable) -> ColumnMapping:
    """Map each header that matches a known synonym; a field is given to its first column only."""
    taken: set[ImportField] = set()
    mapping: list[ImportField | None] = []
    for name in header:
        field = table.find(name)
        if field is not None and field not in taken:
            taken.add(field)
            mapping.append(field)
        else:
            mapping.append(None)
    return tuple(mapping)


def header_signature(header: Sequence[str]) -> str:
    """A short fingerprint of the header row, to find the mapping saved for files like it."""
    joined = "\x1f".join(fold(name) for name in header)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class MappingFile:
    columns: dict[str, ImportField | None]  # folded header -> field (None = ignore)
    date_order: DateOrder | None = None


def parse_mapping_file(text: str, *, name: str = "") -> MappingFile:
    """Read a mapping the user wrote (JSON, or TOML when the name ends in .toml)."""
    try:
        if name.lower().endswith(".toml"):
            document: Any = tomllib.loads(text)
        else:
            document = json.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ImportFileError(f"The mapping file cannot be read: {exc}") from None
    if not isinstance(document, dict) or not isinstance(document.get("columns", {}), dict):
        raise ImportFileError(
            'The mapping file must hold {"columns": {"Header": "field", ...}}; see '
            "docs/import-format.md."
        )
    return MappingFile(
        _mapping_columns(document.get("columns", {})), _date_order(document.get("date_order"))
    )


def _mapping_columns(raw: Mapping[str, Any]) -> dict[str, ImportField | None]:
    columns: dict[str, ImportField | None] = {}
    for header, value in raw.items():
        if value is None or value in (IGNORE, ""):
            columns[fold(str(header))] = None
            continue
        try:
            columns[fold(str(header))] = ImportField(str(value))
        except ValueError:
            names = ", ".join(f.value for f in ImportField)
            raise ImportFileError(
                f"The mapping file maps {header!r} to {value!r}, which is not a field. "
                f"Use one of: {names}, or 'ignore'."
            ) from None
    return columns


def _date_order(raw: Any) -> DateOrder | None:
    if raw is None:
        return None
    try:
        return DateOrder(str(raw).lower())
    except ValueError:
        raise ImportFileError(
            f"The mapping file's date_order is {raw!r}; use 'mdy' or 'dmy'."
        ) from None


def apply_mapping_file(
    header: Sequence[str], automatic: ColumnMapping, mapping: MappingFile
) -> ColumnMapping:
    result: list[ImportField | None] = []
    for name, auto in zip(header, automatic, strict=True):
        key = fold(name)
        result.append(mapping.columns.get(key, auto))
    # a field the file gave to one column is taken away from an automatically mapped one
    chosen = {f for name, f in zip(header, result, strict=True) if fold(name) in mapping.columns}
    return tuple(
        None if f in chosen and fold(name) not in mapping.columns else f
        for name, f in zip(header, result, strict=True)
    )


def mapping_to_document(header: Sequence[str], mapping: ColumnMapping) -> dict[str, Any]:
    """The mapping as a mapping file's document (what is saved for next time)."""
    return {
        "columns": {
            name: (field.value if field is not None else None)
            for name, field in zip(header, mapping, strict=True)
            if name
        }
    }


class NoFamilyNameColumn(ImportFileError):
    """No column is mapped to the family name (the message names the command line's option;
    the window words it for its own column list)."""


def check_mapping(header: Sequence[str], mapping: ColumnMapping) -> None:
    """Raise `ImportFileError` unless the mapping can be imported from."""
    if len(mapping) != len(header):
        raise ImportFileError("The mapping does not match the file's columns.")
    seen: dict[ImportField, str] = {}
    for name, field in zip(header, mapping, strict=True):
        if field is None:
            continue
        if field in seen:
            raise ImportFileError(
                f"Both columns {seen[field]!r} and {name!r} are mapped to {field.value}; "
                "map one of them to something else or ignore it."
            )
        seen[field] = name
    if ImportField.FAMILY_NAME not in seen:
        raise NoFamilyNameColumn(
            "No column is mapped to the family name (e.g. a column headed 'Family name', "
            "'Last name' or 'Apellido'). Rename the header or pass --mapping FILE."
        )
