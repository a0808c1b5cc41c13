"""The deadline calculator and rule listing, as a user runs them."""

from __future__ import annotations

import io
import json

import pytest

from clinic import cli


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.run(cli.parse(list(argv)), out)
    return code, out.getvalue()


def test_one_year_example_from_the_fact_sheet() -> None:
    code, text = run("deadline", "one-year-filing", "--from", "2025-03-14", "--json")
    result = json.loads(text)
    assert code == 0
    assert result["rule"] == "one-year-filing"
    assert result["due"] == "2026-03-16"
    assert result["safe_due"] is None
    assert "Sat 2026-03-14" in result["explanation"] and "Mon 2026-03-16" in result["explanation"]
    assert result["source"] and result["as_of"] and result["confidence"] == "confirmed"


@pytest.mark.parametrize(
    ("argv", "due", "safe"),
    [
        (["individual-hearing-filing", "--from", "2026-07-20"], "2026-07-06", "2026-07-02"),
        (
            ["individual-hearing-filing", "--from", "2026-07-20", "--days", "30"],
            "2026-06-22",
            "2026-06-18",
        ),
        (["bia-appeal", "--from", "2026-05-01"], "2026-06-01", None),
        (["eoir-33-address-change", "--from", "2026-05-27"], "2026-06-01", None),
        (["ar-11-address-change", "--from", "2026-12-15"], "2026-12-28", None),
        (["ead-earliest-filing", "--from", "2026-01-02"], "2026-06-01", None),
    ],
)
def test_calculator_dates(argv: list[str], due: str, safe: str | None) -> None:
    code, text = run("deadline", *argv, "--json")
    result = json.loads(text)
    assert code == 0
    assert (result["due"], result["safe_due"]) == (due, safe)


def test_detained_prehearing_deadline_is_set_by_the_court() -> None:
    code, text = run("deadline", "individual-hearing-filing", "--from", "2026-07-20", "--detained")
    assert code == 0
    assert "set by the court" in text


def test_unknown_rule_and_out_of_range_days_are_usage_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run("deadline", "no-such-rule", "--from", "2026-01-01")[0] == 2
    assert "clinic rules" in capsys.readouterr().err
    assert (
        run("deadline", "individual-hearing-filing", "--from", "2026-07-20", "--days", "500")[0]
        == 2
    )


def test_rules_lists_every_rule_with_its_source() -> None:
    code, text = run("rules", "--json")
    rules = json.loads(text)
    assert code == 0
    ids = {r["id"] for r in rules}
    assert {
        "one-year-filing",
        "master-calendar-filing",
        "petition-for-review",
        "ead-earliest-grant",
    } <= ids
    assert all(
        r["source"] and r["as_of"] and r["confidence"] in {"confirmed", "secondary", "unverified"}
        for r in rules
    )


def test_rules_json_is_every_shipped_rule_primary_sources_and_verify_flag() -> None:
    """Issue 18: every rule with source, as-of date and confidence; none cites the internal fact
    sheet; the unverified ones say so."""
    from clinic.domain.deadlines.shipped import load_shipped_rulebook  # noqa: PLC0415

    code, text = run("rules", "--json")
    rules = json.loads(text)
    assert code == 0
    assert [r["id"] for r in rules] == list(load_shipped_rulebook().ids)
    for rule in rules:
        assert "fact sheet" not in f"{rule['source']} {rule['notes']}".lower(), rule["id"]
        assert "asylum-rules" not in rule["source"], rule["id"]
        assert rule["verify_with_attorney"] is (rule["confidence"] == "unverified")
    by_id = {r["id"]: r for r in rules}
    assert by_id["uscis-completeness"]["verify_with_attorney"] is True
    assert by_id["i-730-follow-to-join"]["verify_with_attorney"] is False  # C10: confirmed
