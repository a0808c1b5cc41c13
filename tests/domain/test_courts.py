"""The court and asylum office table: every row's zone exists, names are unique, and the places
without daylight saving time or in another zone than their state's neighbours are right."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from clinic.domain.courts import CourtTable, CourtTableError, parse_courts, zone_exists
from clinic.domain.enums import ForumKind
from clinic.resource_files import resource_path

SHIPPED = resource_path("courts", "courts.toml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def table() -> CourtTable:
    return parse_courts(SHIPPED)


def test_the_shipped_table_names_its_sources_and_as_of_date(table: CourtTable) -> None:
    assert "justice.gov/eoir" in table.immigration_courts_source
    assert "uscis.gov" in table.asylum_offices_source
    assert table.as_of == date(2024, 7, 9)
    assert table.checked_against_source is False  # said plainly in the file's header


def test_about_seventy_immigration_courts_and_the_asylum_offices(table: CourtTable) -> None:
    assert len(table.names(ForumKind.IMMIGRATION_COURT)) >= 70
    offices = set(table.names(ForumKind.ASYLUM_OFFICE))
    for city in ("Arlington", "Boston", "Chicago", "Houston", "Los Angeles", "Miami"):
        assert f"{city} Asylum Office" in offices
    for city in ("New Orleans", "New York", "Newark", "San Francisco"):
        assert f"{city} Asylum Office" in offices


def test_every_row_has_a_real_zone_state_and_confidence(table: CourtTable) -> None:
    for forum in table.forums:
        assert ZoneInfo(forum.timezone).key == forum.timezone, forum.name
        assert len(forum.state) == 2 and forum.state.isupper(), forum.name
        assert forum.confidence in ("high", "medium", "low"), forum.name
        assert forum.city, forum.name
        assert table.find(forum.name) == forum
        for alias in forum.aliases:
            assert table.find(alias) == forum, alias


def test_rows_we_are_unsure_of_say_why(table: CourtTable) -> None:
    unsure = [f for f in table.forums if f.confidence != "high"]
    assert unsure  # the file admits what it does not know
    assert all(f.note for f in unsure)


@pytest.mark.parametrize(
    ("name", "zone"),
    [
        ("Phoenix Immigration Court", "America/Phoenix"),
        ("Tucson Immigration Court", "America/Phoenix"),
        ("Honolulu Immigration Court", "Pacific/Honolulu"),
        ("San Juan Immigration Court", "America/Puerto_Rico"),
        ("Guaynabo Immigration Court", "America/Puerto_Rico"),
        ("Saipan Immigration Court", "Pacific/Saipan"),
        ("El Paso Immigration Court", "America/Denver"),
        ("Otero Immigration Court", "America/Denver"),
        ("Detroit Immigration Court", "America/Detroit"),
        ("Harlingen Immigration Court", "America/Chicago"),
        ("Los Angeles Immigration Court", "America/Los_Angeles"),
        ("New York - Varick Immigration Court", "America/New_York"),
        ("Atlanta - Ted Turner Drive Immigration Court", "America/New_York"),
        ("Houston Asylum Office", "America/Chicago"),
    ],
)
def test_known_courts_have_their_citys_zone(table: CourtTable, name: str, zone: str) -> None:
    assert table.zone_for(name) == zone


def test_no_daylight_saving_in_arizona_hawaii_and_puerto_rico(table: CourtTable) -> None:
    for name in (
        "Phoenix Immigration Court",
        "Honolulu Immigration Court",
        "Guaynabo Immigration Court",
    ):
        zone = ZoneInfo(table.zone_for(name) or "")
        january = datetime(2027, 1, 15, 9, tzinfo=zone).utcoffset()
        july = datetime(2027, 7, 15, 9, tzinfo=zone).utcoffset()
        assert january == july, name


def test_finding_forgives_case_accents_and_a_courtroom_after_the_name(table: CourtTable) -> None:
    assert table.zone_for("phoenix immigration court") == "America/Phoenix"
    assert table.zone_for("Harlingen Immigration Court, courtroom 3") == "America/Chicago"
    assert table.find("Lowell Immigration Court") == table.find("Chelmsford Immigration Court")
    assert table.find("Houston") is None  # a city alone could be the court or the office
    assert table.find("") is None


HEADER = """
[source]
immigration_courts = "EOIR"
asylum_offices = "USCIS"
as_of = 2024-07-09
"""


def row(**fields: str) -> str:
    values = {
        "name": "Test Immigration Court",
        "kind": "immigration_court",
        "city": "Test",
        "state": "TX",
        "timezone": "America/Chicago",
        "confidence": "high",
    } | fields
    return "[[forum]]\n" + "".join(f'{key} = "{value}"\n' for key, value in values.items())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEADER + row(timezone="America/Houston"), "'America/Houston' is not in the zoneinfo"),
        (HEADER + row(timezone="EST5EDT "), "is not in the zoneinfo"),
        (HEADER + row(kind="court"), "kind must be one of"),
        (HEADER + row(state="Texas"), "two-letter code"),
        (HEADER + row(confidence="sure"), "confidence must be one of"),
        (HEADER + row() + row(), "listed twice"),
        (HEADER + row() + row(name="Other", aliases="x"), "aliases must be a list"),
        (HEADER.replace('asylum_offices = "USCIS"', ""), "needs asylum_offices"),
        (HEADER.replace("as_of = 2024-07-09", ""), "needs as_of"),
        (HEADER, "no [[forum]] rows"),
        ("[source", "not valid TOML"),
    ],
)
def test_a_wrong_file_is_refused_with_what_to_correct(text: str, message: str) -> None:
    with pytest.raises(CourtTableError, match=message.replace("[", r"\[")):
        parse_courts(text, source_name="courts.toml")


def test_an_alias_naming_two_forums_is_refused() -> None:
    text = (
        HEADER
        + row()
        + row(name="Other Court").replace(
            'confidence = "high"\n', 'confidence = "high"\naliases = ["Test Immigration Court"]\n'
        )
    )
    with pytest.raises(CourtTableError, match="names both"):
        parse_courts(text)


def test_zone_exists_refuses_paths_and_blanks() -> None:
    assert zone_exists("America/Phoenix")
    assert not zone_exists("")
    assert not zone_exists("../etc/passwd")
    assert not zone_exists("America/Nowhere")
