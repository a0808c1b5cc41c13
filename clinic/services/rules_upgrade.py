"""Corrected rules reach existing stores: the deadlines a store holds were computed by the rules
of the version that computed them. When a store is opened by a version whose rules differ (a
rule added, removed or corrected in ``resources/rules/deadlines.toml``, or the engine counting
differently), every case's deadlines are recomputed once, with the clinic's settings, and the
rules' version is recorded in the store (setting ``RULES_VERSION_KEY``).

The version is a fingerprint of each rule as parsed (every field: amounts, sources, as-of
dates, conditions) plus :data:`ENGINE_REVISION`, which is raised when the engine's counting or
wording changes without a rule changing. A store without the setting (written before it
existed) counts as older.

:func:`upgrade_rules` does it in one unit of work: a lock or a crash in the middle rolls it back,
version included, so the next opening does it again. The window runs it in the background when
it opens a store (clinic/ui/rules_upgrade.py). The chunked, resumable recompute
(``clinic.services.deadline_recompute``) can take it over: when :func:`rules_changed` is true,
mark every case pending there and call :func:`record_rules_version` in the same unit of work.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from clinic.domain.deadlines.rules import RuleBook
from clinic.domain.deadlines.shipped import load_shipped_rulebook
from clinic.services.deadline_refresh import refresh_all_cases
from clinic.services.results import Changes
from clinic.services.settings import settings_writable
from clinic.services.settings_schema import settings_in
from clinic.storage.models import Setting
from clinic.storage.store import Store

__all__ = [
    "ENGINE_REVISION",
    "RULES_VERSION_KEY",
    "RulesNeedAnAdministrator",
    "RulesVersion",
    "record_rules_version",
    "rules_changed",
    "rules_version",
    "upgrade_rules",
]

RULES_VERSION_KEY = "deadline_rules_version"
# Raise when the engine computes or words deadlines differently with the same rule file.
# 2: issue 18 § 2 (people's facts: family members' own deadlines, lawful status, proceedings).
ENGINE_REVISION = 2

RulesVersion = dict[str, Any]


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (frozenset, set)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def rules_version(book: RuleBook | None = None) -> RulesVersion:
    """The engine revision and one digest per rule (the shipped rule book by default)."""
    book = book or load_shipped_rulebook()
    digests = {
        rule.id: hashlib.sha256(
            json.dumps(_plain(asdict(rule)), sort_keys=True).encode("utf-8")
        ).hexdigest()[:16]
        for rule in book.rules
    }
    return {"engine": ENGINE_REVISION, "rules": digests}


def rules_changed(session: Session, current: RulesVersion | None = None) -> list[str]:
    """The rule ids added, removed or changed since the store's recorded version (every rule
    when the engine changed or nothing is recorded); empty when the store is current."""
    current = current or rules_version()
    row = session.get(Setting, RULES_VERSION_KEY)
    stored: RulesVersion = row.value if row is not None else {}
    now: dict[str, str] = current["rules"]
    if stored.get("engine") != current["engine"]:
        return sorted(now)
    before: dict[str, str] = stored.get("rules", {})
    return sorted(r for r in before.keys() | now.keys() if before.get(r) != now.get(r))


def record_rules_version(session: Session, current: RulesVersion | None = None) -> None:
    current = current or rules_version()
    row = session.get(Setting, RULES_VERSION_KEY)
    if row is None:
        session.add(Setting(key=RULES_VERSION_KEY, value=current, version=1))
    elif row.value != current:
        row.value = current


class RulesNeedAnAdministrator(Exception):
    """The office database's rules are older, and this login may not record the new version
    (only an administrator writes the clinic's settings; a volunteer sees only their own cases,
    so their recompute would not be every case's): nothing was recomputed."""

    def __init__(self, changed: list[str]) -> None:
        super().__init__(f"{len(changed)} deadline rule(s) changed; an administrator updates them")
        self.changed = changed


def upgrade_rules(
    *,
    store: Store,
    actor: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[str], Changes]:
    """When the store's rules are older: recompute every case's deadlines and record the
    version. Returns the rules that changed and what the recompute touched (nothing when the
    store was current). Raises RecomputeCancelled when ``cancelled`` says so (nothing kept)."""
    current = rules_version()
    with store.unit_of_work() as session:
        changed = rules_changed(session, current)
        if not changed:
            return [], Changes()
        if not settings_writable(session):
            raise RulesNeedAnAdministrator(changed)
        touched = refresh_all_cases(
            session,
            settings=settings_in(session),
            actor=actor,
            progress=progress,
            cancelled=cancelled,
        )
        record_rules_version(session, current)
        return changed, touched
