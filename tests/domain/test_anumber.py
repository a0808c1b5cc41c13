"""A-number rules: lenient input, strict nine-digit storage, canonical display."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinic.domain.anumber import (
    ANumberProblem,
    InvalidANumber,
    a_number_digits_for_search,
    check_a_number,
    format_a_number,
    parse_a_number,
)

NINE_DIGITS = st.text(alphabet="0123456789", min_size=9, max_size=9).filter(
    lambda digits: digits != "000000000"
)


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("A-123-456-789", "123456789"),
        ("a 123 456 789", "123456789"),
        ("A123456789", "123456789"),
        ("123.456.789", "123456789"),
        ("  123456789  ", "123456789"),
        ("A# 123-456-789", "123456789"),
        ("12345678", "012345678"),
        ("A12345678", "012345678"),
        ("A-12-345-678", "012345678"),
        ("012345678", "012345678"),
        ("١٢٣٤٥٦٧٨٩", "123456789"),  # Arabic-Indic digits
        ("１２３４５６７８９", "123456789"),  # full-width digits
    ],
)
def test_parse_accepts_common_spellings(raw: str, stored: str) -> None:
    assert parse_a_number(raw) == stored
    assert check_a_number(raw) is None


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", ANumberProblem.EMPTY),
        ("   \t", ANumberProblem.EMPTY),
        ("A12345678B", ANumberProblem.HAS_LETTERS),
        ("AA123456789", ANumberProblem.HAS_LETTERS),
        ("B123456789", ANumberProblem.HAS_LETTERS),
        ("123-45O-789", ANumberProblem.HAS_LETTERS),  # letter O typed for zero
        ("123/456/789", ANumberProblem.HAS_LETTERS),
        ("Maria", ANumberProblem.HAS_LETTERS),
        ("1234567", ANumberProblem.WRONG_LENGTH),
        ("1234567890", ANumberProblem.WRONG_LENGTH),
        ("A-123", ANumberProblem.WRONG_LENGTH),
        ("A", ANumberProblem.WRONG_LENGTH),
        ("A-", ANumberProblem.WRONG_LENGTH),
        ("000000000", ANumberProblem.ALL_ZEROS),
        ("A-000-000-000", ANumberProblem.ALL_ZEROS),
        ("00000000", ANumberProblem.ALL_ZEROS),
    ],
)
def test_each_bad_input_class_is_reported(raw: str, problem: ANumberProblem) -> None:
    assert check_a_number(raw) is problem
    with pytest.raises(InvalidANumber) as caught:
        parse_a_number(raw)
    assert caught.value.problem is problem


def test_invalid_a_number_is_a_value_error_carrying_its_code() -> None:
    error = InvalidANumber(ANumberProblem.WRONG_LENGTH)
    assert isinstance(error, ValueError)
    assert error.problem is ANumberProblem.WRONG_LENGTH
    assert "wrong_length" in str(error)


def test_problem_codes_are_stable_strings() -> None:
    assert [problem.value for problem in ANumberProblem] == [
        "empty",
        "has_letters",
        "wrong_length",
        "all_zeros",
    ]


@pytest.mark.parametrize(
    ("digits", "shown"),
    [("123456789", "A-123-456-789"), ("012345678", "A-012-345-678")],
)
def test_format_shows_canonical_form(digits: str, shown: str) -> None:
    assert format_a_number(digits) == shown


@pytest.mark.parametrize("bad", ["", "12345678", "1234567890", "A12345678", "12345678x"])
def test_format_refuses_anything_but_stored_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="invalid A-number"):
        format_a_number(bad)


@pytest.mark.parametrize(
    ("query", "digits"),
    [
        ("123", "123"),
        ("A-123", "123"),
        ("a 123 45", "12345"),
        ("A#1234", "1234"),
        ("A-123-456-789", "123456789"),
        (" 12345678 ", "12345678"),
        ("١٢٣", "123"),
    ],
)
def test_search_recognises_a_number_fragments(query: str, digits: str) -> None:
    assert a_number_digits_for_search(query) == digits


@pytest.mark.parametrize(
    "query", ["", "12", "A-1-2", "Maria", "Maria 123", "123 Maria", "1234567890", "12a", "A"]
)
def test_search_leaves_other_queries_to_name_search(query: str) -> None:
    assert a_number_digits_for_search(query) is None


@given(NINE_DIGITS)
def test_format_then_parse_round_trips(digits: str) -> None:
    assert parse_a_number(format_a_number(digits)) == digits


@given(NINE_DIGITS, st.lists(st.sampled_from(["", "-", " ", "."]), min_size=8, max_size=8))
def test_parse_ignores_separators_between_digits(digits: str, separators: list[str]) -> None:
    spaced = digits[0] + "".join(
        sep + digit for sep, digit in zip(separators, digits[1:], strict=True)
    )
    assert parse_a_number("A" + spaced) == digits
    assert parse_a_number(spaced) == digits


@given(st.text(alphabet="0123456789", min_size=8, max_size=8).filter(lambda d: d != "0" * 8))
def test_eight_digits_are_padded_with_a_leading_zero(digits: str) -> None:
    assert parse_a_number(digits) == "0" + digits


@given(st.text())
def test_check_agrees_with_parse_on_any_text(raw: str) -> None:
    problem = check_a_number(raw)
    if problem is None:
        parsed = parse_a_number(raw)
        assert len(parsed) == 9
        assert parsed.isascii()
        assert parsed.isdigit()
    else:
        with pytest.raises(InvalidANumber):
            parse_a_number(raw)


@given(NINE_DIGITS)
def test_search_finds_stored_number_from_its_display_form(digits: str) -> None:
    assert a_number_digits_for_search(format_a_number(digits)) == digits
