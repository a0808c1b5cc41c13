"""Commands that list and find cases."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from clinic.cli import words
from clinic.cli.common import EXIT_OK, UsageError, open_for_command
from clinic.domain.anumber import display_a_number, format_a_number
from clinic.domain.enums import ClaimType, Stage
from clinic.domain.i18n import N_
from clinic.services import search
from clinic.services.dto import CaseSummary
from clinic.services.exports import case_list
from clinic.services.language import tr as _
from clinic.services.language import tr_n


def _case_row(case: CaseSummary) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": case.id,
        "client_id": case.client_id,
        "client_name": case.client_name,
        "a_number": (
            format_a_number(case.a_number)
            if case.a_number and "a_number" not in case.not_valid
            else None
        ),
        "claim_type": case.claim_type.value,
        "stage": case.stage.value,
        "next_hearing": case.next_hearing.isoformat() if case.next_hearing else None,
        "next_deadline": case.next_deadline.isoformat() if case.next_deadline else None,
    }
    if case.not_valid:  # a stored value Clinic would not accept: marked ('clinic doctor' lists it)
        for field, stored in zip(case.not_valid, case.stored, strict=True):
            row[field] = f"{stored} (not valid)"
        row["not_valid"] = list(case.not_valid)
    return row


_HEADERS = {
    "id": N_("ID"),
    "client_name": N_("CLIENT NAME"),
    "a_number": N_("A NUMBER"),
    "claim_type": N_("CLAIM TYPE"),
    "stage": N_("STAGE"),
    "next_hearing": N_("NEXT HEARING"),
    "next_deadline": N_("NEXT DEADLINE"),
}


def _cell(field: str, value: object) -> str:
    if value is None:
        return "—"
    if field == "claim_type":
        return words.stored_word(ClaimType, str(value))
    if field == "stage":
        return words.stored_word(Stage, str(value))
    return str(value)


def _print_cases(rows: list[dict[str, Any]], out: TextIO) -> None:
    headers = tuple(_HEADERS)
    titles = [_(_HEADERS[h]) for h in headers]
    table = [[_cell(h, r[h]) for h in headers] for r in rows]
    widths = [
        max(len(t), *(len(row[i]) for row in table)) if table else len(t)
        for i, t in enumerate(titles)
    ]
    print("  ".join(t.ljust(w) for t, w in zip(titles, widths, strict=True)), file=out)
    for row in table:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)), file=out)


def add_list_export_arguments(parser: Any) -> None:
    saved = parser.add_mutually_exclusive_group()
    for fmt in ("csv", "xlsx"):
        saved.add_argument(
            f"--{fmt}",
            type=Path,
            metavar=f"FILE.{fmt}",
            help=f"save the list as {fmt.upper()} instead of printing it (client names and "
            "A-numbers, NOT encrypted; an existing file is never overwritten)",
        )


def _save_list(args: argparse.Namespace, out: TextIO) -> int:
    destination: Path = args.csv or args.xlsx
    if destination.exists():
        raise UsageError(_("{path} already exists; choose a new file name.", path=destination))
    if not destination.parent.is_dir():
        raise UsageError(_("the folder {folder} does not exist.", folder=destination.parent))
    fmt = case_list.ListFormat.CSV if args.csv else case_list.ListFormat.XLSX
    store = open_for_command(args)
    try:
        count = case_list.export_case_list(
            store=store,
            destination=destination,
            query=case_list.ListQuery(),
            today=date.today(),
            fmt=fmt,
        ).unwrap()
    finally:
        store.lock()
    saved = tr_n("Saved {n} case to {path}.", "Saved {n} cases to {path}.", count, path=destination)
    print(
        saved
        + " "
        + _("The file is not encrypted: keep it somewhere safe and delete stray copies."),
        file=out,
    )
    return EXIT_OK


def cmd_cases(args: argparse.Namespace, out: TextIO) -> int:
    if getattr(args, "csv", None) or getattr(args, "xlsx", None):
        return _save_list(args, out)
    store = open_for_command(args)
    try:
        rows = [_case_row(c) for c in search.list_cases(store=store, today=date.today())]
    finally:
        store.lock()
    if args.json:
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_cases(rows, out)
    return EXIT_OK


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    store = open_for_command(args)
    try:
        cases = [
            _case_row(c) for c in search.list_cases(store=store, today=date.today(), text=args.text)
        ]
        with_cases = {row["client_id"] for row in cases}
        clients = [
            {
                "client_id": c.id,
                "client_name": c.name,
                "a_number": display_a_number(c.a_number) or None,
            }
            for c in search.search_clients(store=store, text=args.text)
            if c.id not in with_cases
        ]
    finally:
        store.lock()
    if args.json:
        json.dump(
            {"cases": cases, "clients_without_cases": clients}, out, ensure_ascii=False, indent=2
        )
        out.write("\n")
        return EXIT_OK
    if not cases and not clients:
        print(_("Nothing matches {text!r}.", text=args.text), file=out)
        return EXIT_OK
    if cases:
        _print_cases(cases, out)
    for client in clients:
        without = _(
            "Client without a case: {name} {a_number} (client {id})",
            name=client["client_name"],
            a_number=client["a_number"] or "",
            id=client["client_id"],
        )
        print(without, file=out)
    return EXIT_OK
