"""The rule and closure files shipped with the app: the only file reading in the deadline domain.

Kept in its own module so the rest of the package stays pure (text in, values out) and tests can
feed edited copies of the files through :func:`parse_rulebook` / :func:`parse_closures`.
"""

from __future__ import annotations

from datetime import date

from clinic.domain.deadlines.calendar import BusinessCalendar
from clinic.domain.deadlines.closures import parse_closures
from clinic.domain.deadlines.rules import RuleBook, parse_rulebook
from clinic.resource_files import resource_path

__all__ = ["load_shipped_calendar", "load_shipped_closures", "load_shipped_rulebook"]

RULES_FILE = ("rules", "deadlines.toml")
CLOSURES_FILE = ("rules", "closures.toml")


def load_shipped_rulebook() -> RuleBook:
    path = resource_path(*RULES_FILE)
    return parse_rulebook(path.read_text(encoding="utf-8"), source_name=path.name)


def load_shipped_closures() -> dict[date, str]:
    path = resource_path(*CLOSURES_FILE)
    return parse_closures(path.read_text(encoding="utf-8"), source_name=path.name)


def load_shipped_calendar() -> BusinessCalendar:
    return BusinessCalendar(load_shipped_closures())
