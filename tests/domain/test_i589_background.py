"""Part A.III on the I-589's rows (clinic/domain/i589_background.py): each list on its rows in
the form's order, what the rows cannot take one line each for Supplement B."""

from __future__ import annotations

from datetime import date

from clinic.domain.background import (
    AddressKind,
    AddressRow,
    Background,
    Relation,
    RelativeRow,
    SchoolRow,
    WorkRow,
)
from clinic.domain.i589_background import background_values


def test_item_1_takes_one_address_of_each_kind_and_the_rest_goes_on_supplement_b() -> None:
    before = AddressRow(AddressKind.BEFORE_US, "", "Lima", "Lima", "PE", date(2020, 1, 1))
    feared = AddressRow(AddressKind.FEARED_COUNTRY, "Jr. Puno 5", "Cusco", "", "PE")
    older = AddressRow(AddressKind.FEARED_COUNTRY, "", "Puno", "", "PE", None, date(2019, 3, 1))
    values, more = background_values(Background(addresses=(before, feared, older)))
    assert (values["lastaddress1.city"], values["lastaddress1.country"]) == ("Lima", "Peru")
    assert values["lastaddress1.from"] == date(2020, 1, 1) and values["lastaddress1.to"] is None
    assert values["lastaddress2.street"] == "Jr. Puno 5"
    assert more == [
        ("1", "Last address in the country of feared persecution (2): Puno; Peru; ? to 03/2019")
    ]


def test_schools_jobs_and_siblings_beyond_their_rows_and_a_deceased_parent() -> None:
    schools = tuple(SchoolRow(f"School {n}", "", "", date(2000 + n, 1, 1)) for n in range(5))
    jobs = tuple(WorkRow(f"Employer {n}", "Clerk", date(2010 + n, 1, 1)) for n in range(4))
    relatives = (
        RelativeRow(Relation.FATHER, "Pedro Quispe", "Puno, Peru", True, "Puno"),
        *(RelativeRow(Relation.SIBLING, f"Sibling {n}") for n in range(1, 6)),
    )
    values, more = background_values(Background((), schools, jobs, relatives))
    assert [values[f"school{n}.name"] for n in (1, 4)] == ["School 0", "School 3"]
    assert values["father.deceased"] == "yes" and values["father.location"] == ""
    assert "mother.name" not in values
    assert values["sibling4.name"] == "Sibling 4"
    assert more == [
        ("3", "School 5: School 4; 01/2004 to present"),
        ("4", "Employment 4: Employer 3; Clerk; 01/2013 to present"),
        ("5", "Sibling 5: Sibling 5"),
    ]
