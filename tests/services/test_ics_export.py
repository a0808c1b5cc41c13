"""Calendar export: parses with icalendar and with vobject, times stay in the court's zone,
UIDs survive a re-export, and client names stay out unless asked for."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import vobject
from icalendar import Calendar

from clinic.domain.drafts import CaseDraft, ClientDraft, DeadlineDraft, HearingDraft, StaffDraft
from clinic.domain.enums import ClaimType, HearingKind, StaffRole
from clinic.domain.ids import CaseId
from clinic.services import cases, clients, schedule, staff
from clinic.services.exports.ics import (
    CalendarFilter,
    UnknownParalegal,
    build_calendar,
    export_calendar,
)
from clinic.services.exports.ics_zones import vtimezone
from clinic.storage.store import Store

LA, NY = "America/Los_Angeles", "America/New_York"


def _case(store: Store, today: date, family: str, given: str, a_number: str, para: str) -> CaseId:
    paralegal = staff.add_staff(store=store, staff=StaffDraft(para, StaffRole.PARALEGAL)).unwrap()
    client_id = clients.intake_client(
        store=store,
        client=ClientDraft(family_name=family, given_name=given, a_number=a_number),
        today=today,
    ).unwrap()
    draft = CaseDraft(
        claim_type=ClaimType.DEFENSIVE,
        forum_name="Immigration Court",
        paralegal_id=paralegal,
        opened_on=date(2026, 1, 5),
    )
    return cases.open_case(store=store, client_id=client_id, case=draft, today=today).unwrap()


@pytest.fixture
def calendar_store(store: Store, today: date) -> tuple[Store, CaseId, CaseId]:
    west = _case(store, today, "Gutiérrez López", "José", "A201555123", "Ana Ruiz")
    east = _case(store, today, "Okafor", "Chidi", "A202666234", "Ben Lee")
    schedule.schedule_hearing(
        store=store,
        case_id=west,
        hearing=HearingDraft(
            kind=HearingKind.MASTER_CALENDAR,
            on=date(2027, 3, 15),  # after the March DST change
            at=time(8, 30),
            timezone=LA,
            location="San Francisco Immigration Court",
            address="100 Montgomery St, San Francisco, CA",
        ),
    ).unwrap()
    schedule.schedule_hearing(
        store=store,
        case_id=east,
        hearing=HearingDraft(
            kind=HearingKind.INDIVIDUAL,
            on=date(2027, 1, 12),
            at=time(13, 0),
            timezone=NY,
            location="New York Broadway Immigration Court",
        ),
    ).unwrap()
    schedule.record_deadline(
        store=store,
        case_id=east,
        deadline=DeadlineDraft(kind="manual", title="Send declaration", due_on=date(2026, 12, 21)),
    ).unwrap()
    return store, west, east


def _events(ics: bytes) -> dict[str, object]:
    return {str(e["summary"]): e for e in Calendar.from_ical(ics).walk("VEVENT")}


def test_both_parsers_read_the_file_and_times_stay_in_the_court_zone(
    calendar_store: tuple[Store, CaseId, CaseId], today: date
) -> None:
    store, west, east = calendar_store
    ics = build_calendar(store=store, calendar_filter=CalendarFilter(start=today)).ics
    events = _events(ics)
    west_title = f"J.G. — master calendar hearing — case #{west}"
    east_title = f"C.O. — individual hearing — case #{east}"
    assert west_title in events and east_title in events
    start = events[west_title]["dtstart"].dt  # type: ignore[index]
    assert start == datetime(2027, 3, 15, 8, 30, tzinfo=ZoneInfo(LA))
    assert str(start.tzinfo) == LA
    assert start.utcoffset() == timedelta(hours=-7)  # PDT
    east_start = events[east_title]["dtstart"].dt  # type: ignore[index]
    assert (east_start.hour, east_start.utcoffset()) == (13, timedelta(hours=-5))
    zones = {str(tz["tzid"]) for tz in Calendar.from_ical(ics).walk("VTIMEZONE")}
    assert zones == {LA, NY}

    parsed = vobject.readOne(ics.decode("utf-8"))
    by_title = {ev.summary.value: ev for ev in parsed.vevent_list}
    other = by_title[west_title].dtstart.value
    assert other.astimezone(ZoneInfo(LA)).replace(tzinfo=None) == datetime(2027, 3, 15, 8, 30)
    assert other.utcoffset() == timedelta(hours=-7)
    assert by_title[west_title].valarm.trigger.value == timedelta(days=-1)
    deadline = next(ev for t, ev in by_title.items() if "entered by staff" in t)
    assert deadline.dtstart.value == date(2026, 12, 21)  # all-day, on the act-by day
    assert deadline.valarm.trigger.value == timedelta(hours=9)


def test_reexport_keeps_uids_and_a_changed_entry_gets_a_higher_sequence(
    calendar_store: tuple[Store, CaseId, CaseId], today: date
) -> None:
    store, west, _ = calendar_store
    first = {
        str(e["uid"]): e for e in Calendar.from_ical(build_calendar(store=store).ics).walk("VEVENT")
    }
    assert build_calendar(store=store).ics == build_calendar(store=store).ics  # deterministic
    hearing_id = cases.get_case(store=store, case_id=west).hearings[0].id
    schedule.record_hearing_outcome(store=store, hearing_id=hearing_id, outcome="Reset")
    second = {
        str(e["uid"]): e for e in Calendar.from_ical(build_calendar(store=store).ics).walk("VEVENT")
    }
    assert set(first) == set(second) and len(first) >= 3
    assert all(uid.endswith("@clinic.invalid") for uid in first)
    changed = [u for u in first if int(second[u]["sequence"]) > int(first[u]["sequence"])]
    assert len(changed) == 1 and "master calendar" in str(second[changed[0]]["summary"])


def test_privacy_by_default_and_full_names_only_when_asked(
    calendar_store: tuple[Store, CaseId, CaseId],
) -> None:
    store, _, _ = calendar_store
    private = build_calendar(store=store).ics.decode("utf-8")
    for secret in (
        "Gutiérrez",
        "GUTIÉRREZ",
        "José",
        "Okafor",
        "OKAFOR",
        "201-555-123",
        "201555123",
    ):
        assert secret not in private
    full = Calendar.from_ical(build_calendar(store=store, full_names=True).ics)
    text = " ".join(str(e["summary"]) + str(e["description"]) for e in full.walk("VEVENT"))
    assert "GUTIÉRREZ LÓPEZ, José" in text and "A-201-555-123" in text


def test_filters_by_dates_and_paralegal(calendar_store: tuple[Store, CaseId, CaseId]) -> None:
    store, west, _ = calendar_store
    only_ana = build_calendar(store=store, calendar_filter=CalendarFilter(paralegal="ana ruiz"))
    assert only_ana.hearings == 1
    assert all(title.endswith(f"case #{west}") for title in _events(only_ana.ics))
    january = build_calendar(
        store=store, calendar_filter=CalendarFilter(start=date(2027, 1, 1), end=date(2027, 1, 31))
    )
    assert (january.hearings, january.deadlines) == (1, 0)


def test_paralegal_names_match_with_accents_and_an_unknown_name_is_refused(
    store: Store, today: date
) -> None:
    case_id = _case(store, today, "Okafor", "Chidi", "A202666299", "Ángela Núñez")
    schedule.schedule_hearing(
        store=store,
        case_id=case_id,
        hearing=HearingDraft(kind=HearingKind.MASTER_CALENDAR, on=date(2027, 2, 1), at=time(9)),
    ).unwrap()
    # SQLite's lower() leaves "Á" alone: this used to give an empty calendar
    found = build_calendar(store=store, calendar_filter=CalendarFilter(paralegal="ÁNGELA NÚÑEZ"))
    assert found.hearings == 1
    # a typo used to save an empty calendar that looks like a quiet month
    with pytest.raises(UnknownParalegal, match="Angela Nunez"):
        build_calendar(store=store, calendar_filter=CalendarFilter(paralegal="Angela Nunez"))


def test_export_writes_once_and_audits(
    calendar_store: tuple[Store, CaseId, CaseId], tmp_path: Path
) -> None:
    store, _, _ = calendar_store
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "court.ics"
    export_calendar(store=store, destination=out).unwrap()
    assert Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    with pytest.raises(FileExistsError):
        export_calendar(store=store, destination=out)
    assert [p.name for p in out.parent.iterdir()] == ["court.ics"]  # no stray temp file


def test_vobject_reads_summer_time_in_every_court_zone_across_years(
    store: Store, today: date
) -> None:
    # Hearings spread over two years made icalendar's RDATE-list VTIMEZONE span four years,
    # which vobject (dateutil) read as standard time in summer: an hour off.
    case_id = _case(store, today, "Pérez", "Ana", "A203777345", "Ana Ruiz")
    zones = ("America/Chicago", LA, NY, "America/Denver", "America/Phoenix")
    days = (date(2026, 12, 14), date(2027, 3, 15), date(2027, 6, 21), date(2027, 11, 8))
    for zone in zones:
        for day in days:
            schedule.schedule_hearing(
                store=store,
                case_id=case_id,
                hearing=HearingDraft(
                    kind=HearingKind.MASTER_CALENDAR, on=day, at=time(9, 0), timezone=zone
                ),
            ).unwrap()
    ics = build_calendar(store=store, calendar_filter=CalendarFilter(start=today)).ics
    timed = [
        ev
        for ev in vobject.readOne(ics.decode("utf-8")).vevent_list
        if isinstance(ev.dtstart.value, datetime)
    ]
    assert len(timed) == len(zones) * len(days)
    zone_of = {
        str(e["uid"]): str(e.decoded("dtstart").tzinfo)
        for e in Calendar.from_ical(ics).walk("VEVENT")
        if isinstance(e.decoded("dtstart"), datetime)
    }
    assert set(zone_of.values()) >= set(zones)
    for ev in timed:
        start, zone = ev.dtstart.value, zone_of[ev.uid.value]
        expected = datetime.combine(start.date(), time(9, 0), ZoneInfo(zone))
        assert (start.time(), start.utcoffset()) == (time(9, 0), expected.utcoffset()), zone


def test_zones_are_written_as_yearly_rules_only_while_the_rule_holds() -> None:
    chicago = vtimezone("America/Chicago", date(2026, 1, 1), date(2029, 1, 1)).to_ical().decode()
    assert "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3" in chicago
    assert "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11" in chicago and "RDATE" not in chicago
    # São Paulo dropped summer time in 2019: a yearly rule would put it back every year
    sao_paulo = vtimezone("America/Sao_Paulo", date(2017, 1, 1), date(2022, 1, 1)).to_ical()
    assert b"RRULE" not in sao_paulo
    # no changes at all: one standard observance
    assert (
        b"RRULE" not in vtimezone("America/Phoenix", date(2026, 1, 1), date(2029, 1, 1)).to_ical()
    )


def test_a_deadline_title_typed_by_staff_stays_out_of_the_private_calendar(
    calendar_store: tuple[Store, CaseId, CaseId],
) -> None:
    store, _, east = calendar_store
    schedule.record_deadline(
        store=store,
        case_id=east,
        deadline=DeadlineDraft(
            kind="manual", title="Call Chidi Okafor's brother", due_on=date(2026, 12, 22)
        ),
    ).unwrap()
    private = build_calendar(store=store).ics.decode("utf-8")
    assert "Okafor" not in private and "Chidi" not in private
    assert "deadline entered by staff" in private
    full = build_calendar(store=store, full_names=True).ics.decode("utf-8")
    assert "Call Chidi Okafor's brother" in full.replace("\r\n ", "")
