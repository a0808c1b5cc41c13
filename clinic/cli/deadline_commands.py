"""The deadline calculator, a case's deadlines, and the rules in force."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any, TextIO

from clinic.cli import words
from clinic.cli.common import EXIT_OK, UsageError, open_for_command
from clinic.domain.deadlines import ComputedDeadline, Rule, RuleSettingError
from clinic.domain.ids import CaseId
from clinic.services import deadlines
from clinic.services.dto import DeadlineView
from clinic.services.language import tr as _


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD") from None


def add_parsers(commands: Any) -> None:
    calc = commands.add_parser(
        "deadline",
        help="compute one rule's date from a date, with the arithmetic shown (shipped rules)",
    )
    calc.add_argument(
        "rule", metavar="RULE_ID", help="a rule id, e.g. one-year-filing (see 'clinic rules')"
    )
    calc.add_argument(
        "--from",
        dest="from_date",
        type=_date,
        required=True,
        metavar="YYYY-MM-DD",
        help="the date the rule counts from",
    )
    calc.add_argument(
        "--detained",
        action="store_true",
        help="the client is detained (the court sets pre-hearing deadlines)",
    )
    calc.add_argument(
        "--days",
        type=int,
        help="use this many days where the rule allows it (e.g. individual-hearing-filing)",
    )
    calc.add_argument("--json", action="store_true", help="print JSON")
    listing = commands.add_parser("deadlines", help="a case's deadlines with their reasoning")
    listing.add_argument("case_id", type=int, metavar="CASE_ID")
    listing.add_argument("--json", action="store_true", help="print JSON")
    rules = commands.add_parser(
        "rules", help="every deadline rule with its source, as-of date and confidence"
    )
    rules.add_argument("--json", action="store_true", help="print JSON")


def _computed_json(result: ComputedDeadline) -> dict[str, Any]:
    return {
        "rule": result.rule_id,
        "name": result.name,
        "kind": result.kind,
        "due": result.due.isoformat() if result.due else None,
        "safe_due": result.safe_due.isoformat() if result.safe_due else None,
        "unrolled": result.unrolled.isoformat() if result.unrolled else None,
        "anchor": {
            "field": result.anchor.field,
            "label": result.anchor.label,
            "on": result.anchor.on.isoformat(),
        },
        "explanation": result.explanation,
        "source": result.source,
        "as_of": result.as_of.isoformat(),
        "confidence": result.confidence,
        "flags": list(result.flags),
    }


def cmd_deadline(args: argparse.Namespace, out: TextIO) -> int:
    try:
        result = deadlines.calculate(
            rule_id=args.rule, from_date=args.from_date, detained=args.detained, days=args.days
        )
    except KeyError:
        raise UsageError(
            _("There is no rule {rule!r}; 'clinic rules' lists them.", rule=args.rule)
        ) from None
    except RuleSettingError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        json.dump(_computed_json(result), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    due = result.due.isoformat() if result.due else _("set by the court")
    print(f"{words.rule_name(result.name)}: {due}", file=out)
    if result.safe_due and result.safe_due != result.due:
        print(_("Safe date (file by): {date}", date=result.safe_due.isoformat()), file=out)
    print(words.explanation(result.explanation), file=out)
    print(
        _(
            "Source: {source} (as of {date}; {confidence})",
            source=result.source,
            date=result.as_of.isoformat(),
            confidence=words.confidence_word(str(result.confidence)),
        ),
        file=out,
    )
    if result.confidence == "unverified":
        print(_("UNVERIFIED rule: check it with your attorney."), file=out)
    return EXIT_OK


def _view_json(view: DeadlineView) -> dict[str, Any]:
    return {
        "id": view.id,
        "rule": view.rule_id or None,
        "title": view.title,
        "kind": view.kind,
        "origin": view.origin.value,
        "status": view.status.value,
        "due": None if view.court_sets_date else view.due_on.isoformat(),
        "safe_due": view.safe_due_on.isoformat() if view.safe_due_on else None,
        "anchor": {"field": view.anchor_field, "on": view.anchor_on.isoformat()}
        if view.anchor_on
        else None,
        "explanation": view.explanation,
        "source": view.source,
        "as_of": view.as_of.isoformat() if view.as_of else None,
        "confidence": view.confidence or None,
        "flags": list(view.flags),
        "status_reason": view.status_reason,
    }


def cmd_deadlines(args: argparse.Namespace, out: TextIO) -> int:
    store = open_for_command(args)
    try:
        rows = deadlines.case_deadlines(store=store, case_id=CaseId(args.case_id))
    finally:
        store.lock()
    if args.json:
        json.dump([_view_json(v) for v in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    if not rows:
        print(_("Case {case} has no deadlines (or does not exist).", case=args.case_id), file=out)
    dues = [_("set by the court") if v.court_sets_date else v.act_by.isoformat() for v in rows]
    statuses = [words.value_word(v.status) for v in rows]
    due_width = max((len(d) for d in dues), default=0)
    status_width = max((len(s) for s in statuses), default=0)
    for view, due, status in zip(rows, dues, statuses, strict=True):
        print(
            f"{due:>{due_width}}  {status:<{status_width}} {words.rule_name(view.title)}", file=out
        )
        if view.explanation:
            print(f"{'':>{due_width}}  {words.explanation(view.explanation)}", file=out)
    return EXIT_OK


def _rule_json(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "trigger": rule.trigger.value,
        "offset": {"unit": str(rule.offset.unit), "amount": rule.offset.amount},
        "direction": rule.direction.value,
        "roll": rule.roll.value,
        "kind": rule.kind.value,
        "source": rule.source,
        "as_of": rule.as_of.isoformat(),
        "confidence": rule.confidence.value,
        "verify_with_attorney": rule.confidence.value == "unverified",
        "applies_after_closing": rule.after_closing,
        "notes": rule.notes,
    }


def cmd_rules(args: argparse.Namespace, out: TextIO) -> int:
    rules = deadlines.rules_in_force()
    if args.json:
        json.dump([_rule_json(r) for r in rules], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    for rule in rules:
        unverified = rule.confidence.value == "unverified"
        flag = "  [" + _("verify with your attorney") + "]" if unverified else ""
        print(f"{rule.id:<38} {words.rule_name(rule.name)}{flag}", file=out)
        source = _(
            "{source} (as of {date}, {confidence})",
            source=rule.source,
            date=rule.as_of.isoformat(),
            confidence=words.confidence_word(rule.confidence.value),
        )
        print(f"{'':<38} {source}", file=out)
    return EXIT_OK
