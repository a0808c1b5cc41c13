"""Supplements A and B of the blank Rev. 08/25/20 form repeated as needed (issue 23): every copy's
fields are its own, a long answer is continued in full, and a form without a Supplement B page
says the answer was not written rather than cut it."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from clinic.domain.i589_values import Continuation
from clinic.reports.i589.fill import TOO_MUCH, fill_form
from clinic.services.i589 import known_maps
from tests.services.i589_case import BLANK

pytestmark = pytest.mark.skipif(not BLANK.is_file(), reason=f"the blank form {BLANK} is missing")


def test_nine_children_take_three_supplement_a_pages_each_with_its_own_fields() -> None:
    values: dict[str, str | date | int] = {
        f"child{n}.given_name": f"Child{n}" for n in range(1, 10)
    }
    values.update({f"child{n}.date_of_birth": date(2010, 1, n) for n in range(1, 10)})
    filled = fill_form(BLANK.read_bytes(), known_maps(), values, flatten=False)
    assert filled.supplements == (3, 0)
    placed = {(p.field.page, p.field.key): p for p in filled.placed}
    assert [placed[page, "suppa.child1.given_name"].text for page in (11, 12, 13)] == [
        "Child5",
        "Child7",
        "Child9",
    ]
    assert (12, "suppa.child2.given_name") in placed and (
        13,
        "suppa.child2.given_name",
    ) not in placed
    names = [p.field.name for p in filled.placed]
    assert len(names) == len(set(names))  # a copy's fields are new fields
    fields = PdfReader(io.BytesIO(filled.pdf)).get_fields() or {}
    for item in filled.placed:
        assert fields[item.field.name]["/V"] == item.text, item.field.name
    assert len(PdfReader(io.BytesIO(filled.pdf)).pages) == 14  # the blank Supplement B stays


def test_without_a_supplement_b_page_a_long_answer_is_reported_not_cut() -> None:
    (form_map,) = known_maps()
    no_b = replace(form_map, fields=tuple(f for f in form_map.fields if f.key != "suppb.text"))
    long = "I was threatened. " * 300
    values = {"claim.part_b1a": "yes", "claim.part_b1a_explanation": long}
    filled = fill_form(
        BLANK.read_bytes(),
        [no_b],
        values,
        flatten=False,
        continued=[Continuation("A.I", "19.C", "x")],
    )
    (problem,) = filled.not_written
    assert problem.field.key == "claim.part_b1a_explanation" and problem.why.problem == TOO_MUCH
    assert filled.supplements == (0, 0)
    assert "claim.part_b1a_explanation" not in {p.field.key for p in filled.placed}
