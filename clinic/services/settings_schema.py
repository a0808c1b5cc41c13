"""Clinic-wide settings: declared once, typed and versioned, stored in the database (so they are
backed up with the data). Per-machine window state lives in QSettings, not here."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from sqlalchemy.orm import Session

from clinic.domain.office_address import OfficeAddress
from clinic.storage.models import Setting

SETTINGS_KEY = "clinic"
SETTINGS_VERSION = 2


@dataclass(frozen=True)
class ClinicSettings:
    clinic_name: str = ""
    letterhead: str = ""  # address and phone lines printed under the name on PDFs
    # The clinic's address and daytime telephone as forms ask them (the I-589's Part E, the
    # preparer's: clinic/domain/office_address.py); empty: not recorded.
    office_street: str = ""
    office_suite: str = ""
    office_city: str = ""
    office_state: str = ""
    office_zip_code: str = ""
    office_phone: str = ""
    auto_lock_minutes: int = 5
    backup_folder: str = ""
    backups_kept: int = 14
    # New hearings take their court's zone (resources/courts/courts.toml); without a court, this
    # one; empty: the computer's own zone (clinic.services.courts.clinic_zone).
    default_timezone: str = ""
    # Deadline rule amounts the clinic changed, e.g. {"individual-hearing-filing": 30}; each must
    # stay within the rule's min..max in resources/rules/deadlines.toml.
    rule_days: dict[str, int] = field(default_factory=dict)
    # Court closure days the clinic added (ISO date -> reason), on top of resources/rules/closures.toml.
    closure_days: dict[str, str] = field(default_factory=dict)
    # Bilingual client handouts: "side-by-side" (two columns) or "sequential" (English, then
    # Spanish); clinic.services.handouts reads it, an unknown value counts as "side-by-side".
    handout_layout: str = "side-by-side"
    # Exhibit packet defaults (title, tab_style, bates_prefix, max_part_mb, dhs_address,
    # service_method, signer); read and checked by clinic.services.packet.
    packet: dict[str, Any] = field(default_factory=dict)

    def rule_inputs(self) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, str], ...]]:
        """What the deadline rules depend on, hashable (for caching and change detection)."""
        return tuple(sorted(self.rule_days.items())), tuple(sorted(self.closure_days.items()))

    def office_address(self) -> OfficeAddress:
        return OfficeAddress(
            self.office_street,
            self.office_suite,
            self.office_city,
            self.office_state,
            self.office_zip_code,
            self.office_phone,
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _upgrade(version: int, value: dict[str, Any]) -> dict[str, Any]:
    """Bring a stored settings document up to SETTINGS_VERSION, one step per version."""
    if version < 2:
        days = value.pop("individual_hearing_filing_days", None)
        value.setdefault("rule_days", {})
        if days is not None and days != 15:
            value["rule_days"]["individual-hearing-filing"] = int(days)
    return value


def parse_settings(version: int, value: dict[str, Any]) -> ClinicSettings:
    known = {f.name for f in fields(ClinicSettings)}
    upgraded = _upgrade(version, dict(value))
    return replace(ClinicSettings(), **{k: v for k, v in upgraded.items() if k in known})


def settings_in(session: Session) -> ClinicSettings:
    row = session.get(Setting, SETTINGS_KEY)
    return ClinicSettings() if row is None else parse_settings(row.version, dict(row.value))
