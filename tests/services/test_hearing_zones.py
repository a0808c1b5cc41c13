"""Hearing time zones: from the court, else the clinic's setting, else the computer's; stored
hearings keep theirs, and those that differ from their court's are listed until staff confirm
or correct them (audited)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select

from clinic.domain.drafts import CaseDraft, ClientDraft, HearingDraft
from clinic.domain.enums import ClaimType, HearingKind
from clinic.services import cases, clients, courts, lifecycle, schedule, settings
from clinic.services.courts import ZoneOrigin
from clinic.services.demo.places import CITIES, FACILITIES
from clinic.storage.models import AuditEntry, Hearing
from clinic.storage.store import Store

TODAY = date(2026, 12, 7)
OPENED = date(2026, 11, 2)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(tmp_path / "d"),
        passphrase="correct horse battery staple",
        actor="ana",
    )
    yield opened
    opened.lock()


def set_default_zone(store: Store, zone: str) -> None:
    current = settings.get_settings(store=store)
    settings.update_settings(store=store, settings=replace(current, default_timezone=zone)).unwrap()


def new_case(store: Store, forum: str = "Phoenix Immigration Court") -> int:
    client_id = clients.intake_client(
        store=store, client=ClientDraft("Reyes", "Ana"), today=TODAY
    ).unwrap()
    return int(
        cases.open_case(
            store=store,
            client_id=client_id,
            case=CaseDraft(ClaimType.DEFENSIVE, opened_on=OPENED, forum_name=forum),
            today=TODAY,
        ).unwrap()
    )


def hearing(
    store: Store,
    case_id: int,
    zone: str,
    *,
    location: str = "",
    kind: HearingKind = HearingKind.MASTER_CALENDAR,
    on: date = date(2027, 2, 10),
) -> int:
    draft = HearingDraft(kind, on, time(9), timezone=zone, location=location)
    return int(schedule.schedule_hearing(store=store, case_id=case_id, hearing=draft).unwrap())  # type: ignore[arg-type]


def stored_zones(store: Store) -> dict[int, str]:
    with store.unit_of_work() as session:
        return {
            row.id: row.timezone for row in session.execute(select(Hearing.id, Hearing.timezone))
        }


def test_the_computers_zone_comes_from_tz_then_localtime_then_utc(tmp_path: Path) -> None:
    assert courts.computer_zone({"TZ": "America/Phoenix"}, tmp_path) == "America/Phoenix"
    assert courts.computer_zone({"TZ": ":Pacific/Honolulu"}, tmp_path) == "Pacific/Honolulu"
    zoneinfo = tmp_path / "usr/share/zoneinfo/America"
    zoneinfo.mkdir(parents=True)
    (zoneinfo / "Chicago").write_bytes(b"TZif")
    (tmp_path / "localtime").symlink_to(zoneinfo / "Chicago")
    assert courts.computer_zone({}, tmp_path) == "America/Chicago"
    (tmp_path / "localtime").unlink()
    (tmp_path / "timezone").write_text("America/Denver\n")
    assert courts.computer_zone({"TZ": "Nowhere/Else"}, tmp_path) == "America/Denver"
    (tmp_path / "timezone").unlink()
    assert courts.computer_zone({}, tmp_path) == "UTC"


def test_a_new_hearing_takes_the_court_then_settings_then_the_computer(store: Store) -> None:
    court = courts.zone_for_location(store=store, location="Phoenix Immigration Court")
    assert (court.zone, court.origin) == ("America/Phoenix", ZoneOrigin.COURT)
    assert court.forum is not None and court.forum.name == "Phoenix Immigration Court"
    computer = courts.zone_for_location(store=store, location="", computer="Pacific/Honolulu")
    assert (computer.zone, computer.origin) == ("Pacific/Honolulu", ZoneOrigin.COMPUTER)
    set_default_zone(store, "America/Denver")
    clinic = courts.zone_for_location(store=store, location="Room 4", computer="Pacific/Honolulu")
    assert (clinic.zone, clinic.origin) == ("America/Denver", ZoneOrigin.SETTINGS)
    assert courts.clinic_zone(settings.get_settings(store=store)) == "America/Denver"


def test_a_fresh_clinic_has_no_default_zone_and_uses_the_computers() -> None:
    fresh = settings.ClinicSettings()
    assert fresh.default_timezone == ""
    assert courts.clinic_zone(fresh, "America/Chicago") == "America/Chicago"


def test_hearings_in_another_zone_than_their_court_are_listed_and_never_changed(
    store: Store,
) -> None:
    phoenix = new_case(store)
    wrong = hearing(store, phoenix, "America/New_York")  # as every hearing was stored before
    right = hearing(store, phoenix, "America/Phoenix")
    at_other_court = hearing(
        store, phoenix, "America/New_York", location="Honolulu Immigration Court, courtroom 2"
    )
    past = hearing(store, phoenix, "America/New_York", on=date(2026, 12, 1))
    biometrics = hearing(
        store, phoenix, "America/New_York", kind=HearingKind.BIOMETRICS, location="ASC Tampa"
    )
    before = stored_zones(store)

    listed = courts.hearings_with_other_zone(store=store, since=TODAY)

    assert [(m.hearing_id, m.forum_name, m.forum_zone) for m in listed] == [
        (wrong, "Phoenix Immigration Court", "America/Phoenix"),
        (at_other_court, "Honolulu Immigration Court", "Pacific/Honolulu"),
    ]
    assert listed[0].timezone == "America/New_York" and listed[0].client_name == "REYES, Ana"
    assert courts.count_hearings_with_other_zone(store=store, since=TODAY) == 2
    assert past in {m.hearing_id for m in courts.hearings_with_other_zone(store=store)}
    assert right not in {m.hearing_id for m in courts.hearings_with_other_zone(store=store)}
    assert biometrics not in {m.hearing_id for m in courts.hearings_with_other_zone(store=store)}
    assert stored_zones(store) == before  # listing changes nothing


def test_confirming_keeps_the_zone_audits_and_leaves_the_list(store: Store) -> None:
    case_id = new_case(store)
    wrong = hearing(store, case_id, "America/New_York")
    courts.confirm_hearing_zone(store=store, hearing_id=wrong, zone="America/New_York").unwrap()  # type: ignore[arg-type]
    assert stored_zones(store)[wrong] == "America/New_York"
    assert courts.hearings_with_other_zone(store=store) == []
    with store.unit_of_work() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry is not None
        assert (entry.actor, entry.action, entry.entity, entry.entity_id) == (
            "ana",
            "update",
            "hearing",
            wrong,
        )
        assert entry.changes == {"timezone_confirmed": ["", "America/New_York"], "_version": 2}


def test_using_the_courts_zone_is_an_audited_change(store: Store) -> None:
    case_id = new_case(store)
    wrong = hearing(store, case_id, "America/New_York")
    courts.use_court_zone(store=store, hearing_id=wrong, zone="America/New_York").unwrap()  # type: ignore[arg-type]
    assert stored_zones(store)[wrong] == "America/Phoenix"
    assert courts.hearings_with_other_zone(store=store) == []
    with store.unit_of_work() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry is not None and entry.entity_id == wrong
        assert entry.changes == {"timezone": ["America/New_York", "America/Phoenix"], "_version": 2}


def test_a_hearing_changed_meanwhile_is_left_alone(store: Store) -> None:
    case_id = new_case(store)
    wrong = hearing(store, case_id, "America/New_York")
    courts.use_court_zone(store=store, hearing_id=wrong, zone="America/Chicago").unwrap()  # type: ignore[arg-type]
    assert stored_zones(store)[wrong] == "America/New_York"


def test_the_demo_data_places_are_all_on_the_list() -> None:
    for city in CITIES:
        assert courts.find_forum(city.court) is not None, city.court
        assert courts.find_forum(city.asylum_office) is not None, city.asylum_office
        assert courts.find_forum(city.court).timezone == city.timezone, city.court  # type: ignore[union-attr]
    for facility in FACILITIES:
        forum = courts.find_forum(facility.court)
        assert forum is not None and forum.timezone == facility.timezone, facility.court
