"""Immigration courts and asylum offices with their time zones, and the hearings whose stored
zone differs from their court's.

The hearing dialog takes a new hearing's zone from the court or office picked; without one it
uses the clinic's default zone from Settings, and without that the computer's own zone. Hearings
already stored keep their zone: those that differ from their court's are listed for staff, who
either confirm the stored zone or switch the hearing to the court's; both are audited, nothing is
changed silently.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from functools import cache
from pathlib import Path

from sqlalchemy import func, select

from clinic.domain.courts import CourtTable, Forum, parse_courts, zone_exists
from clinic.domain.enums import HearingKind
from clinic.domain.ids import CaseId, HearingId
from clinic.resource_files import resource_path
from clinic.services.auditing import record_update
from clinic.services.dto import display_name
from clinic.services.errors import NotFound, Thing
from clinic.services.results import Changes, Entity, Result
from clinic.services.settings_schema import ClinicSettings, settings_in
from clinic.storage.models import Case, Client, Hearing
from clinic.storage.store import Store

COURTS_FILE = ("courts", "courts.toml")
# Held at the case's court or asylum office; biometrics and ICE check-ins are held elsewhere.
AT_THE_FORUM = frozenset(
    {
        HearingKind.MASTER_CALENDAR,
        HearingKind.INDIVIDUAL,
        HearingKind.ASYLUM_INTERVIEW,
        HearingKind.BOND,
        HearingKind.FEAR_REVIEW,
    }
)
FALLBACK_ZONE = "UTC"


@cache
def court_table() -> CourtTable:
    """The shipped table (``resources/courts/courts.toml``), read and checked once."""
    path = resource_path(*COURTS_FILE)
    return parse_courts(path.read_text(encoding="utf-8"), source_name=path.name)


def find_forum(text: str) -> Forum | None:
    """The court or office ``text`` names (its name, an alias, or a location containing one)."""
    return court_table().find(text)


# The computer's zone -------------------------------------------------------------------------
def computer_zone(environ: dict[str, str] | None = None, etc: Path = Path("/etc")) -> str:
    """This computer's IANA zone without extra packages: ``TZ``, then ``/etc/localtime``'s link
    into the zoneinfo folder, then ``/etc/timezone``; "UTC" when none names a known zone. (The
    window asks Qt first, which also knows Windows' zones; see ``clinic/ui/time_zones.py``.)"""
    env = os.environ if environ is None else environ
    candidates = [env.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        target = str((etc / "localtime").resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    with contextlib.suppress(OSError):
        candidates.append((etc / "timezone").read_text(encoding="utf-8").strip())
    return next((zone for zone in candidates if zone_exists(zone)), FALLBACK_ZONE)


def clinic_zone(settings: ClinicSettings, computer: str | None = None) -> str:
    """The clinic's default zone from Settings, else the computer's (``computer`` when the
    caller knows it better, e.g. from Qt)."""
    if zone_exists(settings.default_timezone):
        return settings.default_timezone
    return computer if computer and zone_exists(computer) else computer_zone()


class ZoneOrigin(StrEnum):
    """Where a new hearing's time zone comes from."""

    COURT = "court"  # the court or office picked
    SETTINGS = "settings"  # the clinic's default time zone
    COMPUTER = "computer"  # neither: this computer's zone


@dataclass(frozen=True)
class ZoneChoice:
    zone: str
    origin: ZoneOrigin
    forum: Forum | None = None


def zone_for_location(*, store: Store, location: str, computer: str = "") -> ZoneChoice:
    """The zone for a hearing held at ``location``: its court's, else the clinic's default,
    else the computer's."""
    forum = find_forum(location)
    if forum is not None:
        return ZoneChoice(forum.timezone, ZoneOrigin.COURT, forum)
    with store.unit_of_work() as session:
        settings = settings_in(session)
    if zone_exists(settings.default_timezone):
        return ZoneChoice(settings.default_timezone, ZoneOrigin.SETTINGS)
    zone = computer if zone_exists(computer) else computer_zone()
    return ZoneChoice(zone, ZoneOrigin.COMPUTER)


# Stored hearings whose zone differs from their court's ------------------------------------------
@dataclass(frozen=True)
class ZoneMismatch:
    """A stored hearing whose zone is not its court's, for staff to confirm or correct."""

    hearing_id: HearingId
    case_id: CaseId
    client_name: str
    kind: HearingKind
    on: date
    at: time | None
    timezone: str  # as stored
    location: str
    forum_name: str  # the court or office the hearing is held at (from the table)
    forum_zone: str


def hearing_forum(location: str, kind: HearingKind, case_forum: str) -> Forum | None:
    """The court or office a hearing is held at: the one its location names; with no location,
    the case's, for the kinds held there (not biometrics or ICE check-ins). A location that names
    no known court (a detention center, a field office) has none: its zone is not second-guessed."""
    if location.strip():
        return find_forum(location)
    return find_forum(case_forum) if kind in AT_THE_FORUM else None


def _forum_of(
    location: str,
    kind: HearingKind,
    case_forum: str,
    cache: dict[tuple[str, HearingKind, str], Forum | None],
) -> Forum | None:
    key = (location, kind, case_forum)
    if key not in cache:
        cache[key] = hearing_forum(location, kind, case_forum)
    return cache[key]


def hearings_with_other_zone(
    *, store: Store, since: date | None = None, limit: int | None = None
) -> list[ZoneMismatch]:
    """Hearings (on or after ``since``) whose stored zone differs from their court's and has not
    been confirmed, soonest first."""
    found: list[ZoneMismatch] = []
    forums: dict[tuple[str, HearingKind, str], Forum | None] = {}
    with store.unit_of_work() as session:
        query = (
            select(
                Hearing.id,
                Hearing.case_id,
                Hearing.kind,
                Hearing.on,
                Hearing.at,
                Hearing.timezone,
                Hearing.timezone_confirmed,
                Hearing.location,
                Case.forum_name,
                Client.family_name,
                Client.given_name,
            )
            .join(Case, Case.id == Hearing.case_id)
            .join(Client, Client.id == Case.client_id)
            .where(Hearing.timezone_confirmed != Hearing.timezone)
            .order_by(Hearing.on, Hearing.at, Hearing.id)
        )
        if since is not None:
            query = query.where(Hearing.on >= since)
        for row in session.execute(query):
            forum = _forum_of(row.location, row.kind, row.forum_name, forums)
            if forum is None or forum.timezone == row.timezone:
                continue
            found.append(
                ZoneMismatch(
                    hearing_id=HearingId(row.id),
                    case_id=CaseId(row.case_id),
                    client_name=display_name(row.family_name, row.given_name),
                    kind=row.kind,
                    on=row.on,
                    at=row.at,
                    timezone=row.timezone,
                    location=row.location,
                    forum_name=forum.name,
                    forum_zone=forum.timezone,
                )
            )
            if limit is not None and len(found) >= limit:
                break
    return found


def count_hearings_with_other_zone(*, store: Store, since: date | None = None) -> int:
    """How many hearings `hearings_with_other_zone` lists; counted per distinct place and zone
    (a few hundred groups, even with 100,000 hearings), for a notice on screen."""
    forums: dict[tuple[str, HearingKind, str], Forum | None] = {}
    total = 0
    with store.unit_of_work() as session:
        query = (
            select(
                Hearing.location,
                Hearing.kind,
                Case.forum_name,
                Hearing.timezone,
                func.count(Hearing.id),
            )
            .join(Case, Case.id == Hearing.case_id)
            .where(Hearing.timezone_confirmed != Hearing.timezone)
            .group_by(Hearing.location, Hearing.kind, Case.forum_name, Hearing.timezone)
        )
        if since is not None:
            query = query.where(Hearing.on >= since)
        for location, kind, case_forum, zone, count in session.execute(query):
            forum = _forum_of(location, kind, case_forum, forums)
            if forum is not None and forum.timezone != zone:
                total += int(count)
    return total


def _change_hearing(
    store: Store,
    hearing_id: HearingId,
    expected_zone: str,
    change: Callable[[Hearing], dict[str, list[str]]],
) -> Result[HearingId]:
    with store.unit_of_work() as session:
        row = session.get(Hearing, hearing_id)
        if row is None:
            raise NotFound(Thing.HEARING, hearing_id)
        if row.timezone != expected_zone:  # changed meanwhile: leave it, the list refreshes
            return Result(hearing_id)
        changes = change(row)
        if not changes:
            return Result(hearing_id)
        record_update(session, actor=store.actor, entity=Entity.HEARING, row=row, changes=changes)
        return Result(
            hearing_id, changes=Changes.of((Entity.HEARING, row.id), (Entity.CASE, row.case_id))
        )


def confirm_hearing_zone(*, store: Store, hearing_id: HearingId, zone: str) -> Result[HearingId]:
    """Staff confirm that the hearing's stored ``zone`` is right although its court's differs;
    the zone itself is not changed. Audited; the hearing leaves the review list."""

    def confirm(row: Hearing) -> dict[str, list[str]]:
        before = row.timezone_confirmed
        row.timezone_confirmed = row.timezone
        return {"timezone_confirmed": [before, row.timezone]}

    return _change_hearing(store, hearing_id, zone, confirm)


def use_court_zone(*, store: Store, hearing_id: HearingId, zone: str) -> Result[HearingId]:
    """Staff chose to move the hearing (stored with ``zone``) to its court's zone. Audited."""

    def switch(row: Hearing) -> dict[str, list[str]]:
        forum = hearing_forum(row.location, row.kind, row.case.forum_name)
        if forum is None:
            return {}
        before = row.timezone
        row.timezone = forum.timezone
        return {"timezone": [before, forum.timezone]}

    return _change_hearing(store, hearing_id, zone, switch)
