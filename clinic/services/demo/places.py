"""Where clients live, are detained, arrive and have their hearings (real places; invented
street numbers)."""

from __future__ import annotations

from dataclasses import dataclass

from clinic.domain.enums import ArrivalManner


@dataclass(frozen=True)
class City:
    name: str
    state: str
    zips: tuple[str, ...]
    area_code: str
    asylum_office: str
    receipt_prefix: str
    court: str
    timezone: str
    weight: int


CITIES = (
    City("Houston", "TX", ("77036", "77074", "77099", "77081"), "713", "Houston Asylum Office", "ZHN", "Houston Immigration Court", "America/Chicago", 10),
    City("Brownsville", "TX", ("78520", "78521", "78526"), "956", "Houston Asylum Office", "ZHN", "Harlingen Immigration Court", "America/Chicago", 8),
    City("McAllen", "TX", ("78501", "78504"), "956", "Houston Asylum Office", "ZHN", "Harlingen Immigration Court", "America/Chicago", 6),
    City("El Paso", "TX", ("79901", "79905", "79907"), "915", "Houston Asylum Office", "ZHN", "El Paso Immigration Court", "America/Denver", 8),
    City("San Antonio", "TX", ("78207", "78228"), "210", "Houston Asylum Office", "ZHN", "San Antonio Immigration Court", "America/Chicago", 6),
    City("Dallas", "TX", ("75211", "75228"), "214", "Houston Asylum Office", "ZHN", "Dallas Immigration Court", "America/Chicago", 4),
    City("Los Angeles", "CA", ("90011", "90057", "90006"), "213", "Los Angeles Asylum Office", "ZLA", "Los Angeles Immigration Court", "America/Los_Angeles", 4),
    City("San Diego", "CA", ("92105", "92113"), "619", "Los Angeles Asylum Office", "ZLA", "San Diego Immigration Court", "America/Los_Angeles", 3),
    City("Sacramento", "CA", ("95815", "95823"), "916", "San Francisco Asylum Office", "ZSF", "Sacramento Immigration Court", "America/Los_Angeles", 2),
    City("Phoenix", "AZ", ("85009", "85017"), "602", "Los Angeles Asylum Office", "ZLA", "Phoenix Immigration Court", "America/Phoenix", 2),
    City("Miami", "FL", ("33125", "33135", "33147"), "305", "Miami Asylum Office", "ZMI", "Miami Immigration Court", "America/New_York", 3),
    City("Orlando", "FL", ("32839", "32822"), "407", "Miami Asylum Office", "ZMI", "Orlando Immigration Court", "America/New_York", 2),
    City("Brooklyn", "NY", ("11235", "11220", "11214"), "718", "New York Asylum Office", "ZNY", "New York - Broadway Immigration Court", "America/New_York", 2),
    City("Flushing", "NY", ("11355", "11354"), "718", "New York Asylum Office", "ZNY", "New York - Broadway Immigration Court", "America/New_York", 1),
    City("Newark", "NJ", ("07105", "07104"), "973", "Newark Asylum Office", "ZNK", "Newark Immigration Court", "America/New_York", 2),
    City("Chicago", "IL", ("60623", "60629"), "773", "Chicago Asylum Office", "ZCH", "Chicago Immigration Court", "America/Chicago", 2),
    City("Charlotte", "NC", ("28212", "28205"), "704", "Arlington Asylum Office", "ZAR", "Charlotte Immigration Court", "America/New_York", 1),
)  # fmt: skip
CITY_BY_NAME = {c.name: c for c in CITIES}

STREETS = (
    "Bellaire Blvd", "Gessner Rd", "Main St", "Elm St", "Oak Ave", "Maple Ave", "Washington Ave",
    "Pine St", "Cedar Ln", "Lincoln Ave", "Park Pl", "Jefferson St", "Sunset Dr", "Church St",
    "Mission Rd", "Mesa St", "Alameda Ave", "Palm Blvd", "Brighton 6th St", "Roosevelt Ave",
)  # fmt: skip


@dataclass(frozen=True)
class Facility:
    name: str
    court: str
    timezone: str


FACILITIES = (
    Facility("South Texas ICE Processing Center", "Pearsall Immigration Court", "America/Chicago"),
    Facility("Montgomery Processing Center", "Conroe Immigration Court", "America/Chicago"),
    Facility("Port Isabel Service Processing Center", "Port Isabel Immigration Court", "America/Chicago"),
    Facility("El Paso Service Processing Center", "El Paso SPC Immigration Court", "America/Denver"),
    Facility("Otay Mesa Detention Center", "Otay Mesa Immigration Court", "America/Los_Angeles"),
    Facility("Krome North Service Processing Center", "Krome Immigration Court", "America/New_York"),
)  # fmt: skip

BORDER = (
    (ArrivalManner.WITHOUT_INSPECTION, "near Hidalgo, TX"),
    (ArrivalManner.WITHOUT_INSPECTION, "near Eagle Pass, TX"),
    (ArrivalManner.WITHOUT_INSPECTION, "near El Paso, TX"),
    (ArrivalManner.PAROLED, "Brownsville, TX (Gateway International Bridge)"),
    (ArrivalManner.PAROLED, "San Ysidro, CA port of entry"),
    (ArrivalManner.WITHOUT_INSPECTION, "near Lukeville, AZ"),
)
AIRPORTS = (
    (ArrivalManner.INSPECTED, "JFK International Airport, NY"),
    (ArrivalManner.INSPECTED, "Miami International Airport, FL"),
    (ArrivalManner.INSPECTED, "Los Angeles International Airport, CA"),
    (ArrivalManner.INSPECTED, "George Bush Intercontinental Airport, Houston, TX"),
)
