"""What `clinic doctor` prints, in the command line's language: one line per finding, its label
from one table (a script may read the English labels; they are kept as they were)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from clinic.domain.i18n import N_
from clinic.services import backup as backups
from clinic.services import lifecycle
from clinic.services.language import tr as _
from clinic.services.language import tr_n

LABELS: dict[str, str] = {
    "clinic_version": N_("clinic version"),
    "python_version": N_("python version"),
    "sqlcipher_version": N_("sqlcipher version"),
    "sqlite_version": N_("sqlite version"),
    "data_dir": N_("data dir"),
    "store_id": N_("store id"),
    "key_source": N_("key source"),
    "schema_revision": N_("schema revision"),
    "schema_head": N_("schema head"),
    "integrity": N_("integrity"),
    "cipher_integrity": N_("cipher integrity"),
    "clients": N_("clients"),
    "cases": N_("cases"),
    "files": N_("files"),
    "files_missing": N_("files missing"),
    "files_orphaned": N_("files orphaned"),
    "damaged_records": N_("damaged records"),
    "files_damaged": N_("files damaged"),
    "audit_heads": N_("audit heads"),
    "invalid_records": N_("invalid records"),
}
_BACKUP_FIELDS = ("backup_folder", "last_backup", "backup_old")
_COUNTED_FIELDS = ("clients", "cases", "files")


def _shown(name: str, value: Any) -> str:
    if value is None and name in _COUNTED_FIELDS:
        return _("cannot be read (the database is damaged)")
    if value is None:
        return _("none")  # e.g. the audit heads: no problem found
    if isinstance(value, tuple):
        shown = ("; " if name == "damaged_records" else ", ").join(map(str, value))
    else:
        shown = str(value)
    return shown or _("none")


def report_lines(report: lifecycle.DoctorReport) -> list[str]:
    lines = [
        f"{_(LABELS[name]) if name in LABELS else name.replace('_', ' ')}: {_shown(name, value)}"
        for name, value in asdict(report).items()
        if name not in _BACKUP_FIELDS
    ]
    return lines + _backup_lines(report)


def _backup_lines(report: lifecycle.DoctorReport) -> list[str]:
    """The backup folder and the last backup's time; an old or missing one is a warning only."""
    if report.backup_folder is None:
        return [
            _("backup folder: none set (choose one in Settings, or run 'clinic backup --to FILE')"),
            _("WARNING: no backup folder is set, so no automatic backups are made."),
        ]
    lines = [_("backup folder: {folder}", folder=report.backup_folder)]
    if report.last_backup is None:
        lines.append(_("last backup: none found in that folder"))
    else:
        days = (datetime.now(UTC) - report.last_backup).days
        ago = _("today") if days < 1 else tr_n("{n} day ago", "{n} days ago", days)
        when = f"{report.last_backup:%Y-%m-%d %H:%M}"
        lines.append(_("last backup: {when} UTC ({ago})", when=when, ago=ago))
    if report.backup_old:
        lines.append(
            _(
                "WARNING: the last backup is older than {days} days, or there is none: run "
                "'clinic backup' (and keep the file away from this laptop).",
                days=backups.OLD_AFTER_DAYS,
            )
        )
    return lines
