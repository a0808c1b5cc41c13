"""Deadline engine: rules kept as data (resources/rules/*.toml), a business-day calendar, and the
pure counting that turns a case's dates into explained deadlines. No SQL, no Qt, no file I/O except
the loaders in :mod:`clinic.domain.deadlines.shipped`.
"""

from clinic.domain.deadlines.calendar import BusinessCalendar, day_label
from clinic.domain.deadlines.closures import parse_closures
from clinic.domain.deadlines.engine import (
    DeadlineMemo,
    anchor_for,
    compute,
    court_set,
    deadlines_for_case,
)
from clinic.domain.deadlines.one_year import OneYearStatus, one_year_status
from clinic.domain.deadlines.rulefile import RuleFileError
from clinic.domain.deadlines.rules import (
    Conditions,
    Rule,
    RuleBook,
    RuleSettingError,
    parse_rulebook,
)
from clinic.domain.deadlines.values import Anchor, CaseFacts, ComputedDeadline, HearingFact

__all__ = [
    "Anchor",
    "BusinessCalendar",
    "CaseFacts",
    "ComputedDeadline",
    "Conditions",
    "DeadlineMemo",
    "HearingFact",
    "OneYearStatus",
    "Rule",
    "RuleBook",
    "RuleFileError",
    "RuleSettingError",
    "anchor_for",
    "compute",
    "court_set",
    "day_label",
    "deadlines_for_case",
    "one_year_status",
    "parse_closures",
    "parse_rulebook",
]
