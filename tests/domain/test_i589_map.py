"""The I-589 field map as data: how values are written, and maps that cannot be used."""

from __future__ import annotations

from datetime import date

import pytest

from clinic.domain.i18n import translate
from clinic.domain.i589_map import (
    NOT_A_PHONE,
    NOT_A_ZIP,
    NOT_AN_A_NUMBER,
    NOT_PRINTABLE,
    TOO_LONG,
    FormMapError,
    MappedField,
    format_value,
    parse_form_map,
    question_text,
)
from clinic.resource_files import resource_path


def field(fmt: str, key: str = "x.y", max_length: int = 0, **more: str) -> MappedField:
    return MappedField(
        name="f[0]", key=key, question="Q", page=1, box=(0, 0, 10, 10), label="",
        format=fmt, source="s", max_length=max_length, **more,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("fmt", "value", "text"),
    [
        ("date", date(2023, 6, 8), "06/08/2023"),
        ("a_number", "A-201-555-018", "201555018"),
        ("a_number", "20155501", "020155501"),  # eight digits: the form wants nine
        ("zip", "60625-1204", "60625"),
        ("phone_area", "+1 (312) 555-0147", "312"),
        ("phone_number", "312.555.0147", "555-0147"),
        ("text", "  Hidalgo, TX ", "Hidalgo, TX"),
    ],
)
def test_values_are_written_as_the_form_asks(fmt: str, value: object, text: str) -> None:
    written = format_value(field(fmt), value)  # type: ignore[arg-type]
    assert (written.text, written.problem) == (text, "")


def test_apartment_without_its_prefix_and_boxes_by_their_when() -> None:
    assert format_value(field("text", key="residence.apartment"), "Apt. 3B").text == "3B"
    male = field("check", on="M", when="male")
    assert format_value(male, "male").text == "M"
    assert format_value(male, "female").text == ""
    assert format_value(male, None).text == ""


@pytest.mark.parametrize(
    ("fmt", "value", "problem"),
    [
        ("a_number", "none yet", NOT_AN_A_NUMBER),
        ("a_number", "1234567890", NOT_AN_A_NUMBER),
        ("zip", "K1A 0B1", NOT_A_ZIP),
        ("phone_area", "+52 55 1234 5678", NOT_A_PHONE),
    ],
)
def test_what_the_form_cannot_take_is_reported_not_guessed(
    fmt: str, value: str, problem: str
) -> None:
    written = format_value(field(fmt), value)
    assert (written.text, written.problem, written.value) == ("", problem, value)


@pytest.mark.parametrize("name", ["Ковальчук", "Łukasz", "王小明"])
def test_letters_the_forms_fonts_cannot_print_are_reported(name: str) -> None:
    written = format_value(field("text"), name)
    assert (written.text, written.problem, written.value) == ("", NOT_PRINTABLE, name)
    assert format_value(field("text"), "Peña Muñoz, Çağ").problem == NOT_PRINTABLE  # ğ
    assert format_value(field("text"), "Peña Muñoz, Ötzi").text == "Peña Muñoz, Ötzi"


def test_a_value_longer_than_its_box_is_reported_never_cut() -> None:
    written = format_value(field("text", max_length=6), "Unit 1204-B")
    assert (written.text, written.problem, written.limit) == ("", TOO_LONG, 6)
    assert format_value(field("text", max_length=6), "1204-B").text == "1204-B"


def test_the_shipped_map_parses_and_maps_each_field_once() -> None:
    path = resource_path("forms", "i-589", "rev-08-25-20.toml")
    form_map = parse_form_map(path.read_text(encoding="utf-8"), str(path))
    assert form_map.footer == "Form I-589 (Rev. 08/25/20)" and form_map.pages == 12
    # 298 before Part A.III and Parts D and E (migration 0011), 399 before Part E's address
    # and telephone (the clinic's, from Settings)
    assert len(form_map.fields) == 406
    assert sum(f.has_source for f in form_map.fields) == 304  # 196 before migration 0011
    assert {f.page for f in form_map.fields} == {1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12}
    for key in (
        "applicant.a_number",
        "applicant.date_of_birth",
        "child4.given_name",
        "preparer.zip",
        "preparer.phone_number",
    ):
        assert key in {f.key for f in form_map.fields}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("not = [toml", "not TOML"),
        ('[[field]]\nname = "a"', "no [edition] table"),
        ("[edition]\nform = 'I-589'", "no [[field]]"),
        (
            "[edition]\n[[field]]\nname='a'\nkey='k'\nquestion='q'\npage=1\nbox=[0,0,1]\n"
            "format='text'",
            "field 1: 'box' must be four numbers",
        ),
        (
            "[edition]\n[[field]]\nname='a'\nkey='k'\nquestion='q'\npage=1\nbox=[0,0,1,1]\n"
            "format='check'",
            "field 1: a check box needs 'on' and 'when'",
        ),
        (
            "[edition]\n[[field]]\nname='a'\nkey='k'\nquestion='q'\npage=1\nbox=[0,0,1,1]\n"
            "format='money'",
            "field 1: unknown format 'money'",
        ),
    ],
)
def test_a_map_that_cannot_be_used_says_what_is_wrong(text: str, words: str) -> None:
    with pytest.raises(FormMapError) as caught:
        parse_form_map(text, "bad.toml")
    assert str(caught.value).startswith("bad.toml: ") and words in str(caught.value)


def test_questions_read_in_the_language_of_the_person_preparing_the_form() -> None:
    path = resource_path("forms", "i-589", "rev-08-25-20.toml")
    form_map = parse_form_map(path.read_text(encoding="utf-8"), str(path))
    by_key = {(f.key, f.when): f for f in form_map.fields}

    def english(template: str, **values: object) -> str:
        return translate(template, "en", **values)

    def spanish(template: str, **values: object) -> str:
        return translate(template, "es", **values)

    cases = {
        ("applicant.religion", ""): ("Part A.I, 17", "Parte A.I, 17"),
        ("mailing.zip", ""): ("Part A.I, 9: ZIP code", "Parte A.I, 9: código postal (ZIP)"),
        ("entry2.place", ""): (
            "Part A.I, 19.C: entry 2, place",
            "Parte A.I, 19.C: entrada 2, lugar",
        ),
        ("spouse.sex", "male"): ("Part A.II, spouse, 14", "Parte A.II, cónyuge, 14"),
        ("child3.location", ""): (
            "Part A.II, child 3, 13: location, if not in the U.S.",
            "Parte A.II, hijo/a 3, 13: ubicación, si no está en EE. UU.",
        ),
        ("applicant.not_married", "yes"): (
            "Part A.II: I am not married",
            "Parte A.II: no estoy casado/a",
        ),
    }
    for key, (en, es) in cases.items():
        field_ = by_key[key]
        assert (question_text(field_, english), question_text(field_, spanish)) == (en, es)
