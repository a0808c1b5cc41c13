"""The rule file: shipped data is complete and sourced; edits change results; bad edits are refused."""

from __future__ import annotations

from datetime import date

import pytest

from clinic.domain.deadlines import (
    Anchor,
    BusinessCalendar,
    RuleFileError,
    RuleSettingError,
    compute,
    parse_closures,
    parse_rulebook,
)
from clinic.domain.deadlines.applicability import CASE_NUMBERS, TRIGGER_LABELS
from clinic.domain.deadlines.rules import CASE_OFFSET_FIELDS, CASE_PLUS_FIELDS, Trigger
from clinic.domain.deadlines.shipped import load_shipped_calendar, load_shipped_closures
from clinic.resource_files import resource_path

REQUIRED_IDS = {
    "one-year-filing", "master-calendar-filing", "individual-hearing-filing", "response-to-filing",
    "bia-appeal", "motion-to-reconsider", "motion-to-reopen", "in-absentia-motion-to-reopen",
    "petition-for-review", "voluntary-departure", "voluntary-departure-bond", "ead-earliest-filing",
    "ead-earliest-grant", "ead-renewal-reminder", "ead-termination-after-denial", "eoir-33-address-change",
    "ar-11-address-change", "biometrics-warning", "uscis-completeness", "annual-asylum-fee", "aaf-payment",
    "i-730-follow-to-join", "asylee-adjustment", "nta-first-hearing-minimum",
    "exception-reasonable-period-warning", "judge-ordered", "interview-lifo-window",
}  # fmt: skip
SHIPPED_TEXT = resource_path("rules", "deadlines.toml").read_text(encoding="utf-8")
CAL = BusinessCalendar()

VALID_RULE = """
schema_version = 1

[[rule]]
id = "test-rule"
name = "Test rule"
trigger = "decision"
offset = { days = 30 }
direction = "forward"
roll = "next_business_day"
closure_policy = "warn"
kind = "deadline"
source = "8 CFR 1003.38(b)"
as_of = 2026-06-20
confidence = "confirmed"
"""


def test_shipped_rule_file_parses_and_is_sourced() -> None:
    book = parse_rulebook(SHIPPED_TEXT, source_name="deadlines.toml")
    assert set(book.ids) >= REQUIRED_IDS
    assert len(book.ids) == len(set(book.ids))
    for rule in book.rules:
        assert rule.source and rule.name and rule.notes, rule.id
        assert isinstance(rule.as_of, date) and date(2020, 1, 1) <= rule.as_of <= date(2026, 12, 31)
        assert rule.confidence in {"confirmed", "secondary", "unverified"}


def test_shipped_values_match_the_fact_sheet() -> None:
    book = parse_rulebook(SHIPPED_TEXT, source_name="deadlines.toml")
    expected = {
        "one-year-filing": ("years", 1), "individual-hearing-filing": ("days", 15),
        "master-calendar-filing": ("days", 15), "response-to-filing": ("days", 10),
        "bia-appeal": ("days", 30), "motion-to-reconsider": ("days", 30), "motion-to-reopen": ("days", 90),
        "in-absentia-motion-to-reopen": ("days", 180), "petition-for-review": ("days", 30),
        "voluntary-departure-bond": ("business_days", 5), "ead-earliest-filing": ("days", 150),
        "ead-earliest-grant": ("days", 180), "eoir-33-address-change": ("days", 5),
        "ar-11-address-change": ("days", 10), "i-730-follow-to-join": ("years", 2),
    }  # fmt: skip
    for rule_id, (unit, amount) in expected.items():
        offset = book.get(rule_id).offset
        assert (offset.unit, offset.amount) == (unit, amount), rule_id
    individual = book.get("individual-hearing-filing")
    assert individual.settable and individual.conditions.detained is False
    assert individual.court_set_when_detained and individual.direction == "back"


def test_every_trigger_and_case_number_is_wired() -> None:
    assert set(TRIGGER_LABELS) == set(Trigger)
    assert set(CASE_NUMBERS) == CASE_OFFSET_FIELDS | CASE_PLUS_FIELDS
    with pytest.raises(KeyError, match="no rule 'nope'"):
        parse_rulebook(SHIPPED_TEXT, source_name="deadlines.toml").get("nope")


def _edit_rule(text: str, rule_id: str, old: str, new: str) -> str:
    head, sep, tail = text.partition(f'id = "{rule_id}"')
    assert sep and old in tail
    return head + sep + tail.replace(old, new, 1)


def test_editing_the_data_changes_the_result_without_code() -> None:
    hearing = Anchor("hearing", "Individual hearing", date(2026, 3, 30))
    before = parse_rulebook(SHIPPED_TEXT, source_name="deadlines.toml").get(
        "individual-hearing-filing"
    )
    edited_text = _edit_rule(
        SHIPPED_TEXT, "individual-hearing-filing", "{ days = 15 }", "{ days = 30 }"
    )
    after = parse_rulebook(edited_text, source_name="edited.toml").get("individual-hearing-filing")
    assert compute(before, hearing, CAL).due == date(2026, 3, 16)  # Sun 03-15 -> Mon 03-16
    result = compute(after, hearing, CAL)
    assert (result.due, result.safe_due) == (date(2026, 3, 2), date(2026, 2, 27))  # Sat 02-28
    assert "- 30 days" in result.explanation


def test_editing_source_and_confidence_flows_into_results() -> None:
    text = _edit_rule(
        SHIPPED_TEXT, "bia-appeal", 'confidence = "confirmed"', 'confidence = "unverified"'
    )
    rule = parse_rulebook(text, source_name="edited.toml").get("bia-appeal")
    result = compute(rule, Anchor("decision", "IJ decision", date(2026, 5, 29)), CAL)
    assert result.confidence == "unverified" and "unverified_rule" in result.flags


def test_with_settings_honours_min_and_max() -> None:
    book = parse_rulebook(SHIPPED_TEXT, source_name="deadlines.toml")
    assert (
        book.with_settings({"individual-hearing-filing": 30})
        .get("individual-hearing-filing")
        .offset.amount
        == 30
    )
    assert (
        book.with_settings({"individual-hearing-filing": 60})
        .get("individual-hearing-filing")
        .offset.amount
        == 60
    )
    assert book.get("individual-hearing-filing").offset.amount == 15  # the original is unchanged
    for bad in (0, 61):
        with pytest.raises(RuleSettingError, match=r"outside the allowed range 1\.\.60"):
            book.with_settings({"individual-hearing-filing": bad})
    with pytest.raises(RuleSettingError, match="fixed offset"):
        book.with_settings({"bia-appeal": 45})
    with pytest.raises(RuleSettingError, match="unknown rule 'typo'"):
        book.with_settings({"typo": 15})
    hearing = Anchor("hearing", "Individual hearing", date(2026, 3, 30))
    with pytest.raises(RuleSettingError):
        compute(book.get("individual-hearing-filing"), hearing, CAL, days=90)
    with pytest.raises(RuleSettingError, match="takes no added days"):
        compute(book.get("bia-appeal"), hearing, CAL, extra_days=3)


def test_a_minimal_valid_file_parses() -> None:
    book = parse_rulebook(VALID_RULE, source_name="t.toml")
    assert book.ids == ("test-rule",) and book.get("test-rule").notes == ""


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ('source = "8 CFR 1003.38(b)"\n', "", "source", "missing"),
        ('direction = "forward"', 'direction = "sideways"', "direction", "forward, back"),
        (
            'trigger = "decision"',
            'trigger = "arrival_date"',
            "trigger",
            "unknown value 'arrival_date'",
        ),
        ("as_of = 2026-06-20", 'as_of = "2026-02-30"', "as_of", "not a valid date"),
        ("as_of = 2026-06-20", "as_of = 2026-06-20T10:00:00", "as_of", "not a date"),
        ('confidence = "confirmed"', 'confidence = "sure"', "confidence", "unverified"),
        ("offset = { days = 30 }", "offset = { weeks = 4 }", "offset", "unknown unit"),
        ("offset = { days = 30 }", "offset = { days = -3 }", "offset", "whole number"),
        (
            "offset = { days = 30 }",
            "offset = { days = 3, months = 1 }",
            "offset",
            "exactly one unit",
        ),
        ('roll = "next_business_day"', 'roll = "previous"', "roll", "next_business_day, none"),
        ('kind = "deadline"', 'kind = "earliest_date"', "roll", 'roll = "none"'),
        (
            'name = "Test rule"',
            'name = "Test rule"\nroll_policy = "x"',
            "roll_policy",
            "unknown field",
        ),
        (
            'name = "Test rule"',
            'name = "Test rule"\nsettable = true\nmin = 40\nmax = 60',
            "offset",
            "outside min..max",
        ),
        ('name = "Test rule"', 'name = "Test rule"\nmin = 4', "min", "settable = true"),
        ('name = "Test rule"', 'name = "Test rule"\nsettable = true', "min", "missing"),
        (
            'name = "Test rule"',
            'name = "Test rule"\ncourt_set_when_detained = true',
            "court_set_when_detained",
            "detained = false",
        ),
        (
            'confidence = "confirmed"',
            'confidence = "confirmed"\n[rule.conditions]\nforums = ["court"]',
            "conditions.forums",
            "immigration_court",
        ),
        (
            'confidence = "confirmed"',
            'confidence = "confirmed"\n[rule.conditions]\nhearing_kinds = ["individual"]',
            "conditions.hearing_kinds",
            "trigger",
        ),
        (
            'confidence = "confirmed"',
            'confidence = "confirmed"\n[rule.conditions]\ndetained = "no"',
            "conditions.detained",
            "true/false",
        ),
    ],
)
def test_malformed_rule_names_rule_and_field(old: str, new: str, field: str, words: str) -> None:
    assert old in VALID_RULE
    with pytest.raises(RuleFileError) as caught:
        parse_rulebook(VALID_RULE.replace(old, new, 1), source_name="t.toml")
    message = str(caught.value)
    assert message.startswith("t.toml: rule 'test-rule', field ")
    assert f"'{field}'" in message and words in message and "To fix:" in message
    assert caught.value.field == field and caught.value.entry == "rule 'test-rule'"


def test_duplicate_id_is_refused() -> None:
    second = VALID_RULE.split("schema_version = 1", 1)[1]
    with pytest.raises(RuleFileError, match=r"rule 'test-rule', field 'id': duplicate id"):
        parse_rulebook(VALID_RULE + second, source_name="t.toml")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "schema_version = 1\n[[rule]]\nid = 'Not Kebab'",
            "rule #1, field 'id': 'Not Kebab' is not kebab-case",
        ),
        ("schema_version = 1\n[[rule]]\nname = 'x'", "rule #1, field 'id': missing"),
        ("schema_version = 2\n" + VALID_RULE.split("schema_version = 1", 1)[1], "schema_version"),
        ("schema_version = 1\n", "no [[rule]] tables"),
        ("schema_version = 1\n[[rule]\n", "not valid TOML"),
        (VALID_RULE + "\nextra = 1\n", "unknown field"),
    ],
)
def test_malformed_file_structure(text: str, words: str) -> None:
    with pytest.raises(RuleFileError) as caught:
        parse_rulebook(text, source_name="t.toml")
    assert words in str(caught.value)


def test_shipped_closures_and_calendar() -> None:
    closures = load_shipped_closures()
    assert {date(2025, 12, 24), date(2025, 12, 26)} <= set(closures)
    calendar = load_shipped_calendar()
    assert not calendar.is_business_day(date(2025, 12, 24))
    assert calendar.is_business_day(date(2025, 12, 24), honor_closures=False)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[[closure]]\ndate = 2025-12-24\nsource = "EO"\n', "closure #1, field 'reason': missing"),
        ('[[closure]]\ndate = "2025-13-01"\nreason = "x"\nsource = "EO"\n', "field 'date'"),
        (
            '[[closure]]\ndate = 2025-12-24\nreason = "x"\nsource = "EO"\n' * 2,
            "closure #2, field 'date': 2025-12-24 is listed twice",
        ),
        ('[[closure]]\ndate = 2025-12-24\nreason = "x"\nsource = "EO"\nwhy = 1\n', "unknown field"),
    ],
)
def test_malformed_closures(text: str, words: str) -> None:
    with pytest.raises(RuleFileError) as caught:
        parse_closures(text, source_name="closures.toml")
    assert words in str(caught.value)
