"""Clinic-wide settings: declared once, typed, versioned, stored in the database (so they are
backed up with the data). Per-machine window state lives in QSettings, not here."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from clinic.domain.enums import AuditAction
from clinic.services.auditing import field_changes, record
from clinic.services.results import Changes, Entity, Result
from clinic.storage.models import Setting
from clinic.storage.store import Store

SETTINGS_KEY = "clinic"
SETTINGS_VERSION = 1


@dataclass(frozen=True)
class ClinicSettings:
    clinic_name: str = ""
    letterhead: str = ""  # address and phone lines printed under the name on PDFs
    auto_lock_minutes: int = 10
    backup_folder: str = ""
    backups_kept: int = 14
    default_timezone: str = "America/New_York"
    individual_hearing_filing_days: int = 15  # ICPM 3.1(b); the court may order otherwise


def _upgrade(version: int, value: dict[str, Any]) -> dict[str, Any]:
    """Bring a stored settings document up to SETTINGS_VERSION (one step per version)."""
    # Version 1 is the first; later versions add steps here, e.g. renaming a key.
    return value


def get_settings(*, store: Store) -> ClinicSettings:
    with store.unit_of_work() as session:
        row = session.get(Setting, SETTINGS_KEY)
        if row is None:
            return ClinicSettings()
        value = _upgrade(row.version, dict(row.value))
    known = {f.name for f in fields(ClinicSettings)}
    return replace(ClinicSettings(), **{k: v for k, v in value.items() if k in known})


def update_settings(*, store: Store, settings: ClinicSettings) -> Result[ClinicSettings]:
    value = asdict(settings)
    with store.unit_of_work() as session:
        row = session.get(Setting, SETTINGS_KEY)
        before = dict(row.value) if row is not None else asdict(ClinicSettings())
        if row is None:
            session.add(Setting(key=SETTINGS_KEY, value=value, version=SETTINGS_VERSION))
        else:
            row.value = value
            row.version = SETTINGS_VERSION
        changes = field_changes(before, value)
        if changes:
            record(
                session,
                actor=store.actor,
                action=AuditAction.UPDATE,
                entity=Entity.SETTINGS,
                entity_id=None,
                changes=changes,
            )
    return Result(settings, changes=Changes.of((Entity.SETTINGS, 0)))
