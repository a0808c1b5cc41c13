"""What every refresh of the rule-computed deadlines shares: the clinic's rule book and calendar,
and how a computed deadline's status follows from it (open, superseded by a judge's order, or
settled by the case's own dates).

Used by the per-case refresh (:mod:`clinic.services.deadline_refresh`) and the set-based one
(:mod:`clinic.services.deadline_bulk_plan`) alike, so both write the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from clinic.domain.deadlines import BusinessCalendar, ComputedDeadline, RuleBook
from clinic.domain.deadlines.shipped import load_shipped_closures, load_shipped_rulebook
from clinic.domain.enums import DeadlineStatus
from clinic.services.settings_schema import ClinicSettings

Key = tuple[str, str, date | None]  # rule, anchor field, anchor date
StoredKey = tuple[str, str, str | None]  # the same, with the date as stored (ISO text)
LIVE = (DeadlineStatus.OPEN, DeadlineStatus.SUPERSEDED)
LIVE_VALUES = (DeadlineStatus.OPEN.value, DeadlineStatus.SUPERSEDED.value)
# What a refresh changed in one case: rule ids "added", "moved" and "removed".
Recomputed = dict[str, list[str]]


@dataclass(frozen=True)
class RuleContext:
    book: RuleBook
    calendar: BusinessCalendar


@lru_cache(maxsize=4)
def _context(
    rule_days: tuple[tuple[str, int], ...], closure_days: tuple[tuple[str, str], ...]
) -> RuleContext:
    book = load_shipped_rulebook().with_settings(dict(rule_days))
    closures = {**load_shipped_closures(), **{date.fromisoformat(d): r for d, r in closure_days}}
    return RuleContext(book, BusinessCalendar(closures))


def rule_context(settings: ClinicSettings) -> RuleContext:
    """The rule book with the clinic's amounts and the calendar with its closures (cached)."""
    return _context(*settings.rule_inputs())


# A rule deadline closed by the case's own dates (met by a timely filing, ended by a denial)
# carries one of these flags, so the refresh reopens it when those dates change. Its status
# reason is written in the engine's explanation words (wording.explanation_in reads it in Spanish).
SETTLED_FLAGS = ("met_by:", "ended_by:", "answered_by:")
_SETTLED_STATUS = {"met": DeadlineStatus.DONE, "not_applicable": DeadlineStatus.WAIVED}


def settled_by_rule(flags: Any) -> bool:
    return any(str(flag).startswith(SETTLED_FLAGS) for flag in flags)


def rule_status(
    computed: ComputedDeadline, superseded: bool
) -> tuple[DeadlineStatus, str, date | None]:
    """(status, status reason, completed on) of a live or rule-settled row."""
    if computed.settled:
        status = _SETTLED_STATUS[computed.settled]
        return status, computed.settled_reason, computed.settled_on
    return (DeadlineStatus.SUPERSEDED if superseded else DeadlineStatus.OPEN), "", None
