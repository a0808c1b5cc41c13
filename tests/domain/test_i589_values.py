"""What Clinic fills in the I-589 from the recorded facts, and what it leaves to be typed."""

from __future__ import annotations

from datetime import date

from clinic.domain.entries import EntryFact
from clinic.domain.enums import Sex
from clinic.domain.i589_values import (
    MORE_SPOUSES,
    Address,
    Continuation,
    I589Facts,
    Relative,
    form_values,
)


def facts(**changes: object) -> I589Facts:
    base: dict[str, object] = {
        "family_name": "Tum",
        "given_name": "Rigoberta",
        "other_names": (),
        "a_number": None,
        "date_of_birth": None,
        "sex": None,
        "nationalities": (),
        "languages": (),
        "phone": "",
        "address": None,
        "entries": (),
        "spouses": (),
        "children": (),
        "in_court_now": False,
        "grounds": frozenset(),
        "relief": frozenset({"asylum"}),
    }
    return I589Facts(**{**base, **changes})  # type: ignore[arg-type]


def child(ref: int, name: str, born: date | None, *, in_us: bool = True) -> Relative:
    return Relative(ref, "Tum", name, None, born, in_us, derivative=in_us)


def test_nothing_is_guessed_for_a_nearly_empty_record() -> None:
    values = form_values(facts(sex=Sex.NONBINARY))
    assert values.by_key == {
        "applicant.family_name": "Tum",
        "applicant.given_name": "Rigoberta",
        "claim.cat": "no",
        "claim.ground.race": "no",
        "claim.ground.religion": "no",
        "claim.ground.nationality": "no",
        "claim.ground.psg": "no",
        "claim.ground.political_opinion": "no",
        "suppa.applicant_name": "Rigoberta Tum",  # the supplements' heading
        "suppb.applicant_name": "Rigoberta Tum",
    }  # no sex box (the form has male and female only), no "not married", no "no children"
    assert values.overflow == ()


def test_family_rows_overflow_and_order() -> None:
    spouses = (
        Relative(1, "Tum", "Ana", "201555019", None, in_us=False, derivative=False),
        Relative(2, "Tum", "Bea", None, None, in_us=True, derivative=True),
    )
    children = (
        child(10, "Undated", None),
        *(child(10 + n, f"C{n}", date(2010 + n, 1, 1), in_us=n % 2 == 0) for n in range(1, 5)),
    )
    entries = (
        EntryFact(date(2022, 5, 1), "El Paso, TX", member_id=11),
        EntryFact(date(2023, 5, 1), "Laredo, TX", status="Parole", member_id=11),
    )
    values = form_values(facts(spouses=spouses, children=children, entries=entries))
    by_key = values.by_key
    assert by_key["spouse.given_name"] == "Ana" and by_key["spouse.in_us"] == "no"
    assert "spouse.included" not in by_key  # asked only of a spouse in the U.S.
    assert (by_key["children.any"], by_key["children.count"]) == ("yes", 5)
    assert [by_key[f"child{n}.given_name"] for n in (1, 2, 3, 4)] == ["C1", "C2", "C3", "C4"]
    assert by_key["child1.last_entry_place"] == "Laredo, TX"  # the last entry, not the first
    assert by_key["child1.last_entry_status"] == "Parole"
    assert (by_key["child2.in_us"], by_key["child2.included"]) == ("yes", "yes")
    assert [(o.template, o.values) for o in values.overflow] == [
        (MORE_SPOUSES, {"name": "Bea Tum"}),
    ]
    assert by_key["child5.given_name"] == "Undated"  # no date of birth: last (Supplement A)


def test_a_foreign_address_is_not_the_us_residence() -> None:
    abroad = Address("Calle 5", "", "Tegucigalpa", "", "11101", "HN")
    assert not any(k.startswith("residence.") for k in form_values(facts(address=abroad)).by_key)


def test_entries_beyond_the_form_s_rows_continue_on_supplement_b() -> None:
    entries = tuple(EntryFact(date(2015 + n, 1, 5), f"Port {n}", status="B-2") for n in range(5))
    values = form_values(facts(entries=entries))
    assert [values.by_key[f"entry{n}.place"] for n in (1, 2, 3)] == ["Port 4", "Port 3", "Port 2"]
    assert values.continuations == (
        Continuation(
            "A.I",
            "19.C",
            "Entry 4: 01/05/2016; Port 1; B-2\nEntry 5: 01/05/2015; Port 0; B-2",
        ),
    )
