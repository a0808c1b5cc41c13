"""Reading and changing the clinic-wide settings (see settings_schema for the fields)."""

from __future__ import annotations

from clinic.domain.deadlines import RuleSettingError
from clinic.domain.enums import AuditAction
from clinic.domain.validation import FieldProblem, Problem
from clinic.services.auditing import field_changes, record
from clinic.services.deadline_refresh import refresh_all_cases, rule_context
from clinic.services.results import Changes, Entity, Result, rejected
from clinic.services.settings_schema import (
    SETTINGS_KEY,
    SETTINGS_VERSION,
    ClinicSettings,
    settings_in,
)
from clinic.storage.models import Setting
from clinic.storage.store import Store

__all__ = ["ClinicSettings", "get_settings", "update_settings"]


def get_settings(*, store: Store) -> ClinicSettings:
    with store.unit_of_work() as session:
        return settings_in(session)


def update_settings(*, store: Store, settings: ClinicSettings) -> Result[ClinicSettings]:
    """Save the settings; when deadline rule amounts or closures change, recompute every case."""
    try:
        rule_context(settings)
    except (RuleSettingError, ValueError):
        return rejected((FieldProblem("rule_days", Problem.RULE_SETTING_INVALID),))
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
        if before.rule_inputs() != settings.rule_inputs():
            session.flush()
            touched = touched | refresh_all_cases(session, settings=settings, actor=store.actor)
    return Result(settings, changes=touched)
