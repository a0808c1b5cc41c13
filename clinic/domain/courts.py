"""Immigration courts and asylum offices with their time zones: the typed form of
``resources/courts/courts.toml``.

A hearing's clock time means nothing without the zone of the place it is held: 9:00 at the
Phoenix court is 9:00 Arizona time (no daylight saving), at Honolulu 9:00 Hawaii time. The table
lets the hearing dialog take the zone from the court picked, and lets the app list stored
hearings whose zone differs from their court's. Text in, values out: the service
``clinic.services.courts`` reads the shipped file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from clinic.domain.enums import ForumKind
from clinic.domain.names import fold

CONFIDENCES = ("high", "medium", "low")


class CourtTableError(ValueError):
    """The court file is wrong; the message names the row and what to correct."""


@dataclass(frozen=True)
class Forum:
    """An immigration court or asylum office, where hearings or interviews are held."""

    name: str
    kind: ForumKind
    city: str
    state: str
    timezone: str  # IANA zone of the city
    detained: bool = False
    confidence: str = "high"  # of the row (the court's name and existence), not of the zone
    aliases: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class CourtTable:
    forums: tuple[Forum, ...]
    immigration_courts_source: str
    asylum_offices_source: str
    as_of: date
    checked_against_source: bool
    _by_key: dict[str, Forum] = field(init=False, repr=False, compare=False)
    _ordered_keys: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys: dict[str, Forum] = {}
        for forum in self.forums:
            for label in (forum.name, *forum.aliases):
                keys.setdefault(fold(label), forum)
        object.__setattr__(self, "_by_key", keys)
        # Longest first: "New York - Varick Immigration Court" before "New York Immigration Court".
        object.__setattr__(self, "_ordered_keys", tuple(sorted(keys, key=len, reverse=True)))

    def names(self, kind: ForumKind | None = None) -> tuple[str, ...]:
        """Every forum's name (not the aliases), in file order; of one kind when asked."""
        return tuple(f.name for f in self.forums if kind is None or f.kind is kind)

    def find(self, text: str) -> Forum | None:
        """The forum ``text`` names: its name or an alias, whatever the accents, case
        and punctuation ("guaynabo immigration court"), or a location that contains one
        ("Harlingen Immigration Court, courtroom 3"). None when no forum is named."""
        key = fold(text)
        if not key:
            return None
        if key in self._by_key:
            return self._by_key[key]
        padded = f" {key} "
        for candidate in self._ordered_keys:
            if f" {candidate} " in padded:
                return self._by_key[candidate]
        return None

    def zone_for(self, text: str) -> str | None:
        """The IANA zone of the forum ``text`` names, or None."""
        forum = self.find(text)
        return forum.timezone if forum is not None else None


def zone_exists(name: str) -> bool:
    """Whether ``name`` is a time zone in the zoneinfo database ("America/Phoenix")."""
    if not name or name != name.strip() or name.startswith("/") or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


_STATE = re.compile(r"^[A-Z]{2}$")


def parse_courts(text: str, *, source_name: str = "courts.toml") -> CourtTable:
    """Parse and check the court file; :class:`CourtTableError` says which row is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CourtTableError(f"{source_name}: not valid TOML ({error})") from error
    source = data.get("source")
    if not isinstance(source, dict):
        raise CourtTableError(f"{source_name}: the [source] table is missing")
    for key in ("immigration_courts", "asylum_offices"):
        if not str(source.get(key, "")).strip():
            raise CourtTableError(f"{source_name}: [source] needs {key} (the primary source)")
    as_of = source.get("as_of")
    if not isinstance(as_of, date):
        raise CourtTableError(f"{source_name}: [source] needs as_of = YYYY-MM-DD")
    rows = data.get("forum")
    if not isinstance(rows, list) or not rows:
        raise CourtTableError(f"{source_name}: no [[forum]] rows")
    forums = tuple(_forum(source_name, number, row) for number, row in enumerate(rows, start=1))
    _check_unique(source_name, forums)
    return CourtTable(
        forums=forums,
        immigration_courts_source=str(source["immigration_courts"]),
        asylum_offices_source=str(source["asylum_offices"]),
        as_of=as_of,
        checked_against_source=bool(source.get("checked_against_source", False)),
    )


def _forum(source_name: str, number: int, row: Any) -> Forum:
    where = f"{source_name}: forum {number}"
    if not isinstance(row, dict):
        raise CourtTableError(f"{where}: not a table")
    name = str(row.get("name", "")).strip()
    if not name:
        raise CourtTableError(f"{where}: name is missing")
    where = f"{where} ({name})"
    try:
        kind = ForumKind(str(row.get("kind", "")))
    except ValueError:
        choices = ", ".join(k.value for k in ForumKind)
        raise CourtTableError(f"{where}: kind must be one of {choices}") from None
    zone = str(row.get("timezone", ""))
    if not zone_exists(zone):
        raise CourtTableError(f"{where}: time zone {zone!r} is not in the zoneinfo database")
    state = str(row.get("state", ""))
    if not _STATE.match(state):
        raise CourtTableError(f"{where}: state must be a two-letter code, not {state!r}")
    confidence = str(row.get("confidence", ""))
    if confidence not in CONFIDENCES:
        raise CourtTableError(f"{where}: confidence must be one of {', '.join(CONFIDENCES)}")
    aliases = row.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise CourtTableError(f"{where}: aliases must be a list of names")
    city = str(row.get("city", "")).strip()
    if not city:
        raise CourtTableError(f"{where}: city is missing")
    return Forum(
        name=name,
        kind=kind,
        city=city,
        state=state,
        timezone=zone,
        detained=bool(row.get("detained", False)),
        confidence=confidence,
        aliases=tuple(a.strip() for a in aliases),
        note=str(row.get("note", "")),
    )


def _check_unique(source_name: str, forums: tuple[Forum, ...]) -> None:
    seen: dict[str, str] = {}
    for forum in forums:
        for label in (forum.name, *forum.aliases):
            key = fold(label)
            if key in seen and seen[key] != forum.name:
                raise CourtTableError(
                    f"{source_name}: {label!r} names both {seen[key]!r} and {forum.name!r}"
                )
            if key in seen and label == forum.name:
                raise CourtTableError(f"{source_name}: {forum.name!r} is listed twice")
            seen[key] = forum.name
