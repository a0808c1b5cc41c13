"""The clinic's ad hoc closure days (``resources/rules/closures.toml``) as a date -> reason mapping."""

from __future__ import annotations

import tomllib
from datetime import date

from clinic.domain.deadlines.rulefile import FieldReader, RuleFileError, check_keys

__all__ = ["parse_closures"]

_CLOSURE_KEYS = frozenset({"date", "reason", "source"})


def parse_closures(text: str, *, source_name: str) -> dict[date, str]:
    """Parse the closures file; a bad or repeated entry raises RuleFileError naming it."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = f"{source_name}: not valid TOML ({exc}). To fix: correct the syntax at that line"
        raise RuleFileError(message) from exc
    check_keys(data, frozenset({"closure"}), FieldReader(data, source_name, "file"))
    entries = data.get("closure", [])
    if not isinstance(entries, list):
        raise RuleFileError(
            f"{source_name}: 'closure' must be [[closure]] tables. To fix: use [[closure]]"
        )
    closures: dict[date, str] = {}
    for index, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise RuleFileError(
                f"{source_name}: closure #{index} is not a table. To fix: use [[closure]]"
            )
        reader = FieldReader(entry, source_name, f"closure #{index}")
        check_keys(entry, _CLOSURE_KEYS, reader)
        day = reader.date("date")
        if day in closures:
            reader.fail("date", f"{day} is listed twice", "keep one entry per day")
        reader.text("source")
        closures[day] = reader.text("reason")
    return closures
