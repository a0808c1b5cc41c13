"""Part A.III of the I-589 (issue 23) by the field map's keys: the lists of
clinic/domain/background.py on the form's rows, and what its rows cannot take on Supplement B
(one line per row, in the form's English: "Residence 6: Calle 5 #12; Tegucigalpa; Francisco
Morazán; Honduras; 01/2015 to 03/2017"). Item 1 has one line for the last address before
coming to the United States and one for the last address in the country of feared
persecution: a second address of either kind goes on Supplement B too."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from clinic.domain.background import (
    AddressKind,
    AddressRow,
    Background,
    Relation,
    RelativeRow,
    SchoolRow,
    WorkRow,
)
from clinic.domain.i589_map import Value
from clinic.domain.reference_codes import country_name

RESIDENCE_ROWS = 5  # Part A.III 2
SCHOOL_ROWS = 4  # Part A.III 3
JOB_ROWS = 3  # Part A.III 4
SIBLING_ROWS = 4  # Part A.III 5: mother, father and four siblings

Values = dict[str, Value | None]
Row = TypeVar("Row")


def _month(day: date | None) -> str:
    return day.strftime("%m/%Y") if day is not None else ""


def _period(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return ""
    return f"{_month(start) or '?'} to {_month(end) or 'present'}"


def _joined(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _address(prefix: str, row: AddressRow) -> Values:
    return {
        f"{prefix}.street": row.street,
        f"{prefix}.city": row.city,
        f"{prefix}.province": row.province,
        f"{prefix}.country": country_name(row.country) if row.country else "",
        f"{prefix}.from": row.start,
        f"{prefix}.to": row.end,
    }


def _address_line(label: str, row: AddressRow) -> str:
    place = (row.street, row.city, row.province, country_name(row.country) if row.country else "")
    return f"{label}: " + _joined(*place, _period(row.start, row.end))


def _school(prefix: str, row: SchoolRow) -> Values:
    return {
        f"{prefix}.name": row.school,
        f"{prefix}.type": row.school_type,
        f"{prefix}.location": row.location,
        f"{prefix}.from": row.start,
        f"{prefix}.to": row.end,
    }


def _school_line(label: str, row: SchoolRow) -> str:
    return f"{label}: " + _joined(
        row.school, row.school_type, row.location, _period(row.start, row.end)
    )


def _job(prefix: str, row: WorkRow) -> Values:
    return {
        f"{prefix}.employer": row.employer,
        f"{prefix}.occupation": row.occupation,
        f"{prefix}.from": row.start,
        f"{prefix}.to": row.end,
    }


def _job_line(label: str, row: WorkRow) -> str:
    return f"{label}: " + _joined(row.employer, row.occupation, _period(row.start, row.end))


def _relative(prefix: str, row: RelativeRow) -> Values:
    return {
        f"{prefix}.name": row.full_name,
        f"{prefix}.birthplace": row.birthplace,
        f"{prefix}.deceased": "yes" if row.deceased else None,
        f"{prefix}.location": "" if row.deceased else row.location,
    }


def _relative_line(label: str, row: RelativeRow) -> str:
    state = "deceased" if row.deceased else row.location
    return f"{label}: " + _joined(
        row.full_name, f"born in {row.birthplace}" if row.birthplace else "", state
    )


def _rows(
    rows: Sequence[Row],
    *,
    room: int,
    prefix: str,
    to_values: Callable[[str, Row], Values],
    to_line: Callable[[str, Row], str],
    word: str,
) -> tuple[Values, list[str]]:
    values: Values = {}
    for n, row in enumerate(rows[:room], 1):
        values.update(to_values(f"{prefix}{n}", row))
    more = [to_line(f"{word} {n}", row) for n, row in enumerate(rows[room:], room + 1)]
    return values, more


def _item1(background: Background) -> tuple[Values, list[str]]:
    values: Values = {}
    more: list[str] = []
    kinds = (
        (AddressKind.BEFORE_US, "Last address before the U.S."),
        (AddressKind.FEARED_COUNTRY, "Last address in the country of feared persecution"),
    )
    for line, (kind, word) in enumerate(kinds, 1):
        rows = background.of_kind(kind)
        if rows:
            values.update(_address(f"lastaddress{line}", rows[0]))
        more += [_address_line(f"{word} ({n})", row) for n, row in enumerate(rows[1:], 2)]
    return values, more


def _parents(relatives: Sequence[RelativeRow]) -> tuple[Values, list[str]]:
    values: Values = {}
    more: list[str] = []
    for relation, key, word in (
        (Relation.MOTHER, "mother", "Mother"),
        (Relation.FATHER, "father", "Father"),
    ):
        rows = [r for r in relatives if r.relation is relation]
        if rows:
            values.update(_relative(key, rows[0]))
        more += [_relative_line(f"{word} ({n})", r) for n, r in enumerate(rows[1:], 2)]
    siblings = [r for r in relatives if r.relation is Relation.SIBLING]
    sibling_values, more_siblings = _rows(
        siblings,
        room=SIBLING_ROWS,
        prefix="sibling",
        to_values=_relative,
        to_line=_relative_line,
        word="Sibling",
    )
    return values | sibling_values, more + more_siblings


def background_values(background: Background) -> tuple[Values, list[tuple[str, str]]]:
    """Part A.III's keys, and what goes on Supplement B for each item whose rows are full:
    (item, text), one line per row."""
    item1, more1 = _item1(background)
    residences = background.of_kind(AddressKind.RESIDENCE)
    item2, more2 = _rows(
        residences,
        room=RESIDENCE_ROWS,
        prefix="address",
        to_values=_address,
        to_line=_address_line,
        word="Residence",
    )
    item3, more3 = _rows(
        background.schools,
        room=SCHOOL_ROWS,
        prefix="school",
        to_values=_school,
        to_line=_school_line,
        word="School",
    )
    item4, more4 = _rows(
        background.jobs,
        room=JOB_ROWS,
        prefix="job",
        to_values=_job,
        to_line=_job_line,
        word="Employment",
    )
    item5, more5 = _parents(background.relatives)
    continuations = [
        (item, "\n".join(lines))
        for item, lines in (("1", more1), ("2", more2), ("3", more3), ("4", more4), ("5", more5))
        if lines
    ]
    return {**item1, **item2, **item3, **item4, **item5}, continuations
