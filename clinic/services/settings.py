"""Reading and changing the clinic-wide settings (see settings_schema for the fields)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from clinic.domain.deadlines import RuleSettingError
from clinic.domain.enums import AuditAction
from clinic.domain.office_address import validate_office_address
from clinic.domain.validation import FieldProblem, Problem
from clinic.services.auditing import field_changes, record
from clinic.services.deadline_recompute import mark_pending, run_pending, scope_of_change
from clinic.services.deadline_refresh import RecomputeCancelled, rule_context
from clinic.services.results import Changes, Entity, Result, rejected
from clinic.services.settings_schema import (
    SETTINGS_KEY,
    SETTINGS_VERSION,
    ClinicSettings,
    settings_in,
)
from clinic.storage.models import Setting
from clinic.storage.store import Store

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "ClinicSettings",
    "RecomputeCancelled",
    "get_settings",
    "may_change_settings",
    "settings_writable",
    "update_settings",
]


def settings_writable(session: Session) -> bool:
    """Whether this login may change the clinic's settings and staff. A laptop store: always.
    An office database: only an administrator's login, asked of the server (the grant on the
    settings table) rather than guessed from the role's name."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    allowed = session.execute(text("SELECT has_table_privilege('setting', 'UPDATE')")).scalar()
    return bool(allowed)


def may_change_settings(*, store: Store) -> bool:
    """:func:`settings_writable` for the window (Settings is read-only otherwise)."""
    with store.unit_of_work() as session:
        return settings_writable(session)


def get_settings(*, store: Store) -> ClinicSettings:
    with store.unit_of_work() as session:
        return settings_in(session)


def update_settings(
    *,
    store: Store,
    settings: ClinicSettings,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Result[ClinicSettings]:
    """Save the settings; when deadline rule amounts or closures change, recompute what that
    change can touch (:mod:`clinic.services.deadline_recompute`: only those rules' deadlines,
    or those crossing the closure days), in chunks of their own short transactions after the
    settings are saved. ``progress(done, total)`` counts cases; ``cancelled()`` stops it between
    chunks with :class:`RecomputeCancelled`: the settings and the chunks done stay saved, the
    rest is kept pending and :func:`deadline_recompute.run_pending` finishes it."""
    try:
        rule_context(settings)
    except (RuleSettingError, ValueError):
        return rejected((FieldProblem("rule_days", Problem.RULE_SETTING_INVALID),))
    address = validate_office_address(settings.office_address())
    if address:
        return rejected(address)
    office = settings.office_address()
    settings = replace(
        settings,
        office_street=office.street.strip(),
        office_suite=office.suite.strip(),
        office_city=office.city.strip(),
        office_state=office.state.strip().upper(),
        office_zip_code=office.zip_code.strip(),
        office_phone=office.phone.strip(),
    )
    value = settings.to_json()
    with store.unit_of_work() as session:
        before = settings_in(session)
        row = session.get(Setting, SETTINGS_KEY)
        if row is None:
            session.add(Setting(key=SETTINGS_KEY, value=value, version=SETTINGS_VERSION))
        else:
            row.value = value
            row.version = SETTINGS_VERSION
        changes = field_changes(before.to_json(), value)
        if changes:
            record(
                session,
                actor=store.actor,
                action=AuditAction.UPDATE,
                entity=Entity.SETTINGS,
                entity_id=None,
                changes=changes,
            )
        touched = Changes.of((Entity.SETTINGS, 0))
        scope = scope_of_change(before, settings)
        mark_pending(session, scope)
    if not scope.empty:
        report = run_pending(store=store, progress=progress, cancelled=cancelled)
        touched = touched | report.changes
    return Result(settings, changes=touched)


# Spreadsheet import: the column mapping last used for files with a given header row, so the
# next file from the same spreadsheet maps itself. Keyed by the header signature (a hash of the
# folded header names); the few most recent are kept.
IMPORT_MAPPINGS_KEY = "import_mappings"
IMPORT_MAPPINGS_KEPT = 20


def saved_import_mapping(*, store: Store, signature: str) -> dict[str, Any] | None:
    with store.unit_of_work() as session:
        row = session.get(Setting, IMPORT_MAPPINGS_KEY)
        found = None if row is None else row.value.get(signature)
        return dict(found) if isinstance(found, dict) else None


def keep_import_mapping(session: Session, signature: str, document: dict[str, Any]) -> None:
    """Remember a mapping inside the caller's unit of work (the import that used it)."""
    row = session.get(Setting, IMPORT_MAPPINGS_KEY)
    kept = {} if row is None else {k: v for k, v in row.value.items() if k != signature}
    kept[signature] = document  # newest last; dicts keep insertion order through JSON
    value = dict(list(kept.items())[-IMPORT_MAPPINGS_KEPT:])
    if row is None:
        session.add(Setting(key=IMPORT_MAPPINGS_KEY, value=value, version=1))
    else:
        row.value = value
