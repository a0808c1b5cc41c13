"""The applicant's background as the I-589 asks it (Part A.III; issue 23): the last address
before coming to the United States and the last one in the country of feared persecution
(item 1), the residences of the past five years, present address first (item 2), education
(item 3), employment of the past five years (item 4), and parents and siblings (item 5).

Each list is rows the interview adds and removes; the form asks months ("Mo/Yr"), so a row's
dates are the first day of their month (:func:`month_of`). A row without an end ("to") is the
present one. :func:`validate_row` says what is wrong with a row as typed, with the usual
problem codes (clinic/domain/validation.py): required words, texts that fit, a "from" not in
the future, a "to" not before the "from", a country code Clinic knows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clinic.domain.reference_codes import is_country_code
from clinic.domain.validation import FieldProblem, Problem, Problems

MAX_TEXT = 200

__all__ = [
    "AddressKind",
    "AddressRow",
    "Background",
    "BackgroundRow",
    "Relation",
    "RelativeRow",
    "SchoolRow",
    "WorkRow",
    "month_of",
    "validate_row",
]


class AddressKind(StrEnum):
    """Which of Part A.III's address questions a row answers."""

    BEFORE_US = "before_us"  # item 1: the last address before coming to the United States
    FEARED_COUNTRY = "feared_country"  # item 1: the last one in the country of feared persecution
    RESIDENCE = "residence"  # item 2: a residence of the past five years


class Relation(StrEnum):
    """Part A.III 5's rows: mother, father, then the siblings."""

    MOTHER = "mother"
    FATHER = "father"
    SIBLING = "sibling"


@dataclass(frozen=True)
class AddressRow:
    kind: AddressKind
    street: str = ""  # number and street, "if available"
    city: str = ""
    province: str = ""  # department, province or state
    country: str = ""  # ISO 3166-1 alpha-2
    start: date | None = None
    end: date | None = None  # None: still there (the present address), or not recorded
    ref: int | None = None  # the stored row's id


@dataclass(frozen=True)
class SchoolRow:
    school: str
    school_type: str = ""  # primary school, high school, university, trade school
    location: str = ""  # city and country
    start: date | None = None
    end: date | None = None
    ref: int | None = None


@dataclass(frozen=True)
class WorkRow:
    employer: str  # the employer's name and address
    occupation: str = ""
    start: date | None = None
    end: date | None = None
    ref: int | None = None


@dataclass(frozen=True)
class RelativeRow:
    relation: Relation
    full_name: str
    birthplace: str = ""  # city or town and country of birth
    deceased: bool = False
    location: str = ""  # current location, when living
    ref: int | None = None


BackgroundRow = AddressRow | SchoolRow | WorkRow | RelativeRow


@dataclass(frozen=True)
class Background:
    """A client's Part A.III lists, each in the order the form asks: addresses and jobs the
    most recent first (present first), schools the most recent first, then mother, father and
    the siblings in the order recorded."""

    addresses: tuple[AddressRow, ...] = ()
    schools: tuple[SchoolRow, ...] = ()
    jobs: tuple[WorkRow, ...] = ()
    relatives: tuple[RelativeRow, ...] = ()

    def of_kind(self, kind: AddressKind) -> tuple[AddressRow, ...]:
        return tuple(a for a in self.addresses if a.kind is kind)


def month_of(day: date) -> date:
    """The first day of ``day``'s month: the form asks months, the store keeps dates."""
    return day.replace(day=1)


def _text(field: str, value: str, *, required: bool = False) -> Problems:
    if required and not value.strip():
        return (FieldProblem(field, Problem.REQUIRED),)
    if len(value.strip()) > MAX_TEXT:
        return (FieldProblem(field, Problem.TOO_LONG),)
    if any(ord(c) < 32 for c in value):
        return (FieldProblem(field, Problem.CONTROL_CHARACTERS),)
    return ()


def _period(start: date | None, end: date | None, today: date, *, required: bool) -> Problems:
    problems: list[FieldProblem] = []
    if start is None and required:
        problems.append(FieldProblem("start", Problem.REQUIRED))
    if start is not None and month_of(start) > month_of(today):
        problems.append(FieldProblem("start", Problem.DATE_IN_FUTURE))
    if end is not None and month_of(end) > month_of(today):
        problems.append(FieldProblem("end", Problem.DATE_IN_FUTURE))
    if start is not None and end is not None and month_of(end) < month_of(start):
        problems.append(FieldProblem("end", Problem.END_BEFORE_START))
    return tuple(problems)


def _address(row: AddressRow, today: date) -> Problems:
    problems = [*_text("street", row.street), *_text("city", row.city, required=True)]
    problems += _text("province", row.province)
    if not row.country:
        problems.append(FieldProblem("country", Problem.REQUIRED))
    elif not is_country_code(row.country):
        problems.append(FieldProblem("country", Problem.UNKNOWN_COUNTRY))
    # Item 2 asks the dates of each residence; item 1's rows ask them too, but a client may
    # not remember when they moved into their last home: asked, not required.
    required = row.kind is AddressKind.RESIDENCE
    return (*problems, *_period(row.start, row.end, today, required=required))


def validate_row(row: BackgroundRow, *, today: date) -> Problems:
    """What is wrong with ``row`` as typed (nothing: ``()``)."""
    if isinstance(row, AddressRow):
        return _address(row, today)
    if isinstance(row, SchoolRow):
        texts = [
            *_text("school", row.school, required=True),
            *_text("school_type", row.school_type),
        ]
        texts += _text("location", row.location)
        return (*texts, *_period(row.start, row.end, today, required=True))
    if isinstance(row, WorkRow):
        texts = [*_text("employer", row.employer, required=True)]
        texts += _text("occupation", row.occupation, required=True)
        return (*texts, *_period(row.start, row.end, today, required=True))
    texts = [
        *_text("full_name", row.full_name, required=True),
        *_text("birthplace", row.birthplace),
    ]
    texts += _text("location", row.location)
    return tuple(texts)
