"""The packet options: title, tab style, page-number prefix, part size, the certificate of
service's details; the clinic-wide defaults are kept in settings.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from clinic.domain.packet_layout import (
    DEFAULT_MAX_PART_MB,
    MAX_PART_MB,
    MIN_PART_MB,
    TabStyle,
    valid_bates_prefix,
)
from clinic.reports.packet import (
    PacketError,
)
from clinic.services.results import Result
from clinic.services.settings import get_settings, update_settings
from clinic.storage.store import Store

DEFAULT_TITLE = (
    "Respondent's documents in support of the application for asylum, withholding of removal "
    "and CAT protection"
)
DEFAULT_SERVICE_METHOD = "electronic service through ECAS"
MAX_TITLE = 300
MAX_TEXT = 1000
# Per-case packet choices (which evidence items are left out) live in the key-value setting


@dataclass(frozen=True)
class PacketOptions:
    title: str = DEFAULT_TITLE
    tab_style: TabStyle = TabStyle.LETTERS
    bates_prefix: str = ""
    max_part_mb: int = DEFAULT_MAX_PART_MB
    dhs_address: str = ""
    service_method: str = DEFAULT_SERVICE_METHOD
    signer: str = ""

    def problems(self) -> tuple[str, ...]:
        """What is wrong with these options, in words (empty when they are usable)."""
        found: list[str] = []
        if not self.title.strip():
            found.append("the packet title is empty")
        if len(self.title) > MAX_TITLE:
            found.append(f"the packet title is longer than {MAX_TITLE} characters")
        if not valid_bates_prefix(self.bates_prefix):
            found.append(
                "the page-number prefix may only hold up to 12 letters A-Z, digits, - and _"
            )
        if not MIN_PART_MB <= self.max_part_mb <= MAX_PART_MB:
            found.append(f"the part size must be {MIN_PART_MB} to {MAX_PART_MB} MB")
        for name in ("dhs_address", "service_method", "signer"):
            if len(getattr(self, name)) > MAX_TEXT:
                found.append(f"the {name.replace('_', ' ')} is too long")
        return tuple(found)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "tab_style": self.tab_style.value,
            "bates_prefix": self.bates_prefix,
            "max_part_mb": self.max_part_mb,
            "dhs_address": self.dhs_address,
            "service_method": self.service_method,
            "signer": self.signer,
        }

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> PacketOptions:
        """Stored defaults; anything missing or unusable falls back to the built-in default."""
        base = cls()
        try:
            style = TabStyle(value.get("tab_style", base.tab_style.value))
        except ValueError:
            style = base.tab_style
        try:
            size = int(value.get("max_part_mb", base.max_part_mb))
        except (TypeError, ValueError):
            size = base.max_part_mb
        texts = {
            name: str(value.get(name, getattr(base, name)))
            for name in ("title", "bates_prefix", "dhs_address", "service_method", "signer")
        }
        options = cls(tab_style=style, max_part_mb=size, **texts)
        return options if not options.problems() else base


def packet_defaults(*, store: Store) -> PacketOptions:
    return PacketOptions.from_json(get_settings(store=store).packet)


def save_packet_defaults(*, store: Store, options: PacketOptions) -> Result[PacketOptions]:
    """Keep ``options`` as the clinic-wide defaults (audited as a settings change)."""
    problems = options.problems()
    if problems:
        raise PacketError("The packet options are not valid: " + "; ".join(problems) + ".")
    settings = get_settings(store=store)
    saved = update_settings(store=store, settings=replace(settings, packet=options.to_json()))
    return Result(options, changes=saved.changes)
