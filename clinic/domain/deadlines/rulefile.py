"""Typed reading of one TOML table with error messages an attorney can act on.

The rule and closure files are edited by hand. Each reader method either returns a value the engine
can use or raises :class:`RuleFileError` naming the file, the entry (rule id), the field, what is
wrong and how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import date as Date
from datetime import datetime
from enum import StrEnum
from typing import NoReturn, TypeVar

_E = TypeVar("_E", bound=StrEnum)
_KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class RuleFileError(ValueError):
    """A rule or closure file that cannot be used as written."""

    def __init__(self, message: str, *, entry: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.entry = entry
        self.field = field


class FieldReader:
    """Reads fields of one entry (``rule 'bia-appeal'``, ``closure #2``) from a parsed TOML table."""

    def __init__(
        self, data: Mapping[str, object], source_name: str, entry: str, *, prefix: str = ""
    ) -> None:
        self.data = data
        self.source_name = source_name
        self.entry = entry
        self.prefix = prefix

    def fail(self, name: str, problem: str, fix: str) -> NoReturn:
        field = f"{self.prefix}{name}"
        raise RuleFileError(
            f"{self.source_name}: {self.entry}, field '{field}': {problem}. To fix: {fix}",
            entry=self.entry,
            field=field,
        )

    def _required(self, name: str) -> object:
        if name not in self.data:
            self.fail(name, "missing", f"add {name} = ...")
        return self.data[name]

    def text(self, name: str) -> str:
        value = self._required(name)
        if not isinstance(value, str) or not value.strip():
            self.fail(name, "must be non-empty text", f'write {name} = "..."')
        return value.strip()

    def optional_text(self, name: str) -> str:
        return self.text(name) if name in self.data else ""

    def kebab_id(self, name: str) -> str:
        value = self.text(name)
        if not _KEBAB.match(value):
            self.fail(name, f"'{value}' is not kebab-case", "use lower-case words joined by '-'")
        return value

    def choice(self, name: str, enum: type[_E]) -> _E:
        value = self._required(name)
        allowed = [member.value for member in enum]
        if not isinstance(value, str) or value not in allowed:
            self.fail(name, f"unknown value {value!r}", f"use one of {', '.join(allowed)}")
        return enum(value)

    def choices(self, name: str, enum: type[_E]) -> list[_E]:
        if name not in self.data:
            return []
        values = self.data[name]
        allowed = [member.value for member in enum]
        if not isinstance(values, list) or not values:
            self.fail(name, "must be a non-empty list", f"write {name} = [...] or remove it")
        for value in values:
            if not isinstance(value, str) or value not in allowed:
                self.fail(name, f"unknown value {value!r}", f"use values from {', '.join(allowed)}")
        return [enum(value) for value in values]

    def optional_choice(self, name: str, allowed: Collection[str]) -> str | None:
        if name not in self.data:
            return None
        value = self.data[name]
        if not isinstance(value, str) or value not in allowed:
            self.fail(name, f"unknown value {value!r}", f"use one of {', '.join(sorted(allowed))}")
        return value

    def date(self, name: str) -> Date:
        value = self._required(name)
        if isinstance(value, str):
            try:
                value = Date.fromisoformat(value)
            except ValueError:
                self.fail(name, f"{value!r} is not a valid date", "write a real date as YYYY-MM-DD")
        if isinstance(value, datetime) or not isinstance(value, Date):
            self.fail(name, f"{value!r} is not a date", "write a date as YYYY-MM-DD (no time)")
        return value

    def optional_date(self, name: str) -> Date | None:
        return self.date(name) if name in self.data else None

    def integer(self, name: str) -> int:
        value = self._required(name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(name, f"{value!r} is not a whole number >= 0", f"write {name} = N")
        return value

    def flag(self, name: str) -> bool:
        return self.optional_bool(name) is True

    def optional_bool(self, name: str) -> bool | None:
        if name not in self.data:
            return None
        value = self.data[name]
        if not isinstance(value, bool):
            self.fail(name, f"{value!r} is not true/false", f"write {name} = true or false")
        return value

    def table(self, name: str) -> Mapping[str, object]:
        value = self.data.get(name, {})
        if not isinstance(value, dict):
            self.fail(name, "must be a table", f"write it as [rule.{name}] with key = value lines")
        return value

    def offset(self, name: str, units: list[str]) -> tuple[str, int]:
        value = self._required(name)
        example = "offset = { days = 30 }"
        if not isinstance(value, dict) or len(value) != 1:
            self.fail(name, "must name exactly one unit", f"write e.g. {example}")
        ((unit, amount),) = value.items()
        if unit not in units:
            self.fail(name, f"unknown unit {unit!r}", f"use one of {', '.join(units)}")
        if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
            self.fail(name, f"{amount!r} is not a whole number >= 0", f"write e.g. {example}")
        return unit, amount


def check_keys(data: Mapping[str, object], allowed: frozenset[str], reader: FieldReader) -> None:
    """Reject unknown fields: a misspelt key would otherwise be ignored and change nothing."""
    for key in data:
        if key not in allowed:
            reader.fail(
                key, "unknown field", f"check the spelling; allowed: {', '.join(sorted(allowed))}"
            )
