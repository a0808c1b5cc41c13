"""clinic applicant: the applicant's I-589 details that intake does not ask (issue 23)."""

from __future__ import annotations

import argparse
from dataclasses import fields, replace
from datetime import date
from typing import Any, TextIO

from clinic.cli.common import EXIT_OK, UsageError, open_for_command, reason
from clinic.domain.applicant import ApplicantDetails
from clinic.domain.claim_answers import EXPLANATIONS, QUESTIONS
from clinic.domain.enums import MaritalStatus
from clinic.domain.ids import ClientId
from clinic.domain.problem_text import describe_all, field_label
from clinic.services import applicant
from clinic.services.language import tr as _
from clinic.services.language import ui_language

_YES_NO = {"yes": True, "no": False, "unknown": None}


def _day(text: str) -> date | None:
    if text == "":
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; use YYYY-MM-DD (or '' to clear it)"
        ) from None


def _marital(text: str) -> MaritalStatus | None:
    if text == "":
        return None
    try:
        return MaritalStatus(text)
    except ValueError:
        choices = ", ".join(m.value for m in MaritalStatus)
        raise argparse.ArgumentTypeError(f"{text!r}: choose one of {choices} (or '')") from None


def _fluent(text: str) -> bool | None:
    if text not in _YES_NO:
        raise argparse.ArgumentTypeError(f"{text!r}: answer yes, no or unknown")
    return _YES_NO[text]


def _number(name: str) -> str:
    """``part_b1a`` as the form numbers it: "Part B 1.A" (``part_c2``: "Part C 2.A and 2.B")."""
    code = name.removeprefix("part_").removesuffix("_explanation")
    item = code[1] + (f".{code[2:].upper()}" if len(code) > 2 else "")
    return f"Part {code[0].upper()} {'2.A and 2.B' if code == 'c2' else item}"


# option, field, type, help
_OPTIONS: tuple[tuple[str, str, Any, str], ...] = (
    ("--middle-name", "middle_name", str, "Part A.I 6"),
    ("--ssn", "ssn", str, "Part A.I 2: U.S. Social Security number, 9 digits"),
    ("--uscis-account", "uscis_account", str, "Part A.I 3: USCIS online account number"),
    ("--marital-status", "marital_status", _marital, "Part A.I 11: single, married, …"),
    ("--birth-city", "birth_city", str, "Part A.I 13: city of birth"),
    ("--birth-country", "birth_country", str, "Part A.I 13: country of birth (HN, VE, …)"),
    ("--nationality-at-birth", "nationality_at_birth", str, "Part A.I 15 (a country code)"),
    ("--ethnic-group", "ethnic_group", str, "Part A.I 16: race, ethnic or tribal group"),
    ("--religion", "religion", str, "Part A.I 17"),
    ("--left-country-on", "left_country_on", _day, "Part A.I 19.A: YYYY-MM-DD"),
    ("--passport-country", "passport_country", str, "Part A.I 20: issuing country code"),
    ("--passport-number", "passport_number", str, "Part A.I 21"),
    ("--travel-document-number", "travel_document_number", str, "Part A.I 21"),
    ("--passport-expires-on", "passport_expires_on", _day, "Part A.I 22: YYYY-MM-DD"),
    ("--fluent-in-english", "fluent_in_english", _fluent, "Part A.I 24: yes, no or unknown"),
    # Parts B and C: --part-b1a yes|no|unknown, --part-b1a-explanation TEXT, …
    *(
        (f"--{name.replace('_', '-')}", name, _fluent, f"{_number(name)}: yes, no or unknown")
        for name in QUESTIONS
    ),
    *(
        (f"--{name.replace('_', '-')}", name, str, f"{_number(name)}: the explanation (English)")
        for name in EXPLANATIONS
    ),
)


def add_parsers(commands: Any) -> None:
    parser = commands.add_parser(
        "applicant",
        help="show or record a client's I-589 details that intake does not ask "
        "(Social Security number, marital status, birthplace, passport, …, the yes/no questions "
        "of Parts B and C and their explanations)",
    )
    parser.add_argument("client_id", type=int, metavar="CLIENT_ID")
    for option, field, kind, text in _OPTIONS:
        parser.add_argument(option, dest=field, type=kind, default=argparse.SUPPRESS, help=text)


def _shown(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def cmd_applicant(args: argparse.Namespace, out: TextIO) -> int:
    given = {f.name: getattr(args, f.name) for f in fields(ApplicantDetails) if f.name in args}
    store = open_for_command(args)
    client_id = ClientId(args.client_id)
    try:
        try:
            details = applicant.applicant_details(store=store, client_id=client_id)
            if given:
                result = applicant.set_applicant_details(
                    store=store,
                    client_id=client_id,
                    details=replace(details, **given),
                    today=date.today(),
                )
                if not result.ok:
                    raise UsageError("; ".join(describe_all(result.problems, ui_language())))
                details = applicant.applicant_details(store=store, client_id=client_id)
        except LookupError as exc:
            raise UsageError(_("{problem}; see 'clinic cases'.", problem=reason(exc))) from None
    finally:
        store.lock()
    if given:
        print(
            _("Recorded {count} of client {id}'s I-589 details.", count=len(given), id=client_id),
            file=out,
        )
    lang = ui_language()
    for f in fields(ApplicantDetails):
        label = field_label(f.name, lang)
        print(f"{label}: {_shown(getattr(details, f.name))}", file=out)
    return EXIT_OK
