"""The command line: argparse subcommands that call services only.

Exit codes: 0 ok, 2 usage, 3 cannot unlock (wrong passphrase, no key), 4 damaged or foreign
database, 1 anything else. Messages go to stderr in plain words; nothing secret is printed.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import clinic
from clinic.domain.anumber import format_a_number
from clinic.services import lifecycle, search
from clinic.services.demo import fill_demo_data
from clinic.services.dto import CaseSummary
from clinic.storage.datadir import DataDir
from clinic.storage.errors import StoreError
from clinic.storage.store import PassphraseRequired, Store

EXIT_OK, EXIT_OTHER, EXIT_USAGE, EXIT_UNLOCK, EXIT_DAMAGED = 0, 1, 2, 3, 4


class UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clinic",
        description="Clinic: an offline, encrypted case tracker for asylum cases. "
        "With no command, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"clinic {clinic.__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="the store's folder (default: per-user data folder, or $CLINIC_DATA_DIR)",
    )
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read the passphrase from standard input instead of a prompt",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = commands.add_parser("init", help="create the encrypted store")
    init.add_argument(
        "--use-passphrase",
        action="store_true",
        help="protect the key with a passphrase even if a keychain is available",
    )

    demo = commands.add_parser("demo", help="fill the store with synthetic demo data")
    demo.add_argument("--clients", type=int, default=50, help="how many clients (default 50)")
    demo.add_argument(
        "--seed", type=int, default=1, help="random seed; the same seed gives the same data"
    )

    cases = commands.add_parser("cases", help="list cases")
    cases.add_argument("--json", action="store_true", help="print JSON")

    find = commands.add_parser(
        "search", help="find clients and cases by name, alias, A-number or receipt number"
    )
    find.add_argument("text")
    find.add_argument("--json", action="store_true", help="print JSON")

    commands.add_parser("doctor", help="versions, data folder, key source and integrity checks")
    commands.add_parser("verify-audit", help="check the audit trail's hash chain")
    return parser


def _read_passphrase(args: argparse.Namespace, *, prompt: str, confirm: bool) -> str:
    if args.passphrase_stdin:
        line = sys.stdin.readline()
        if not line:
            raise UsageError("--passphrase-stdin was given but standard input is empty.")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise PassphraseRequired()
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Type it again: ") != first:
        raise UsageError("The two passphrases differ; nothing was created. Try again.")
    return first


def _data_dir(args: argparse.Namespace) -> DataDir:
    return lifecycle.resolve_data_dir(args.data_dir)


def open_for_command(args: argparse.Namespace) -> Store:
    data_dir = _data_dir(args)
    passphrase = None
    if lifecycle.store_exists(data_dir) and lifecycle.passphrase_needed(data_dir):
        passphrase = _read_passphrase(args, prompt="Passphrase: ", confirm=False)
    return lifecycle.unlock_store(
        data_dir=data_dir, passphrase=passphrase, actor=lifecycle.default_actor()
    )


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    data_dir = _data_dir(args)
    use_passphrase = (
        args.use_passphrase or args.passphrase_stdin or not lifecycle.keychain_available()
    )
    passphrase = None
    if use_passphrase:
        if not args.passphrase_stdin and sys.stdin.isatty():
            print(
                "No keychain is used: choose a passphrase of at least 10 characters (a few unrelated words work well).\n"
                "If it is forgotten, only the recovery key can open the store.",
                file=out,
            )
        passphrase = _read_passphrase(args, prompt="New passphrase: ", confirm=True)
    store = lifecycle.init_store(
        data_dir=data_dir, passphrase=passphrase, actor=lifecycle.default_actor()
    )
    try:
        where = "a passphrase-wrapped key file" if passphrase else "this computer's keychain"
        print(
            f"Created an encrypted store in {data_dir.root}; its key is kept in {where}.", file=out
        )
        print("Next: print the recovery kit and keep it somewhere safe.", file=out)
    finally:
        store.lock()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    if args.clients < 1 or args.clients > 200_000:
        raise UsageError("--clients must be between 1 and 200000.")
    store = open_for_command(args)
    try:
        summary = fill_demo_data(
            store=store, clients=args.clients, seed=args.seed, today=date.today()
        )
    finally:
        store.lock()
    print(
        f"Added {summary.clients} clients, {summary.cases} cases, {summary.hearings} hearings, "
        f"{summary.deadlines} deadlines, {summary.evidence_items} evidence items "
        f"({summary.files} files).",
        file=out,
    )
    return EXIT_OK


def _case_row(case: CaseSummary) -> dict[str, Any]:
    return {
        "id": case.id,
        "client_id": case.client_id,
        "client_name": case.client_name,
        "a_number": format_a_number(case.a_number) if case.a_number else None,
        "claim_type": case.claim_type.value,
        "stage": case.stage.value,
        "next_hearing": case.next_hearing.isoformat() if case.next_hearing else None,
        "next_deadline": case.next_deadline.isoformat() if case.next_deadline else None,
    }


def _print_cases(rows: list[dict[str, Any]], out: TextIO) -> None:
    headers = (
        "id",
        "client_name",
        "a_number",
        "claim_type",
        "stage",
        "next_hearing",
        "next_deadline",
    )
    table = [[str(r[h] if r[h] is not None else "—") for h in headers] for r in rows]
    widths = [
        max(len(h), *(len(row[i]) for row in table)) if table else len(h)
        for i, h in enumerate(headers)
    ]
    print(
        "  ".join(
            h.replace("_", " ").upper().ljust(w) for h, w in zip(headers, widths, strict=True)
        ),
        file=out,
    )
    for row in table:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)), file=out)


def cmd_cases(args: argparse.Namespace, out: TextIO) -> int:
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
                "a_number": format_a_number(c.a_number) if c.a_number else None,
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
        print(f"Nothing matches {args.text!r}.", file=out)
        return EXIT_OK
    if cases:
        _print_cases(cases, out)
    for client in clients:
        print(
            f"Client without a case: {client['client_name']} {client['a_number'] or ''} (client {client['client_id']})",
            file=out,
        )
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace, out: TextIO) -> int:
    store = open_for_command(args)
    try:
        report = lifecycle.doctor(store=store)
    finally:
        store.lock()
    for name, value in asdict(report).items():
        shown = ", ".join(map(str, value)) if isinstance(value, tuple) else str(value)
        print(f"{name.replace('_', ' ')}: {shown or 'none'}", file=out)
    print(
        "All checks passed."
        if report.ok
        else "PROBLEMS FOUND: restore from a backup or contact support.",
        file=out,
    )
    return EXIT_OK if report.ok else EXIT_DAMAGED


def cmd_verify_audit(args: argparse.Namespace, out: TextIO) -> int:
    store = open_for_command(args)
    try:
        report = lifecycle.verify_audit(store=store)
    finally:
        store.lock()
    for chain_break in report.breaks:
        print(f"entry {chain_break.seq}: {chain_break.reason}", file=out)
    if report.head_problem:
        print(report.head_problem, file=out)
    if report.ok:
        print(f"The audit trail is intact: {report.entries} entries.", file=out)
        return EXIT_OK
    print(
        "The audit trail was altered. Keep this computer as it is and tell your attorney.", file=out
    )
    return EXIT_OTHER


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "init": cmd_init,
    "demo": cmd_demo,
    "cases": cmd_cases,
    "search": cmd_search,
    "doctor": cmd_doctor,
    "verify-audit": cmd_verify_audit,
}


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run one command; turn every expected failure into a message and an exit code."""
    out = out or sys.stdout
    try:
        return COMMANDS[args.command](args, out)
    except UsageError as exc:
        print(f"clinic: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except StoreError as exc:
        print(f"clinic: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("clinic: interrupted; nothing half-saved was kept.", file=sys.stderr)
        return EXIT_OTHER
    except OSError as exc:
        print(
            f"clinic: {exc.strerror or exc} ({getattr(exc, 'filename', '') or ''})", file=sys.stderr
        )
        return EXIT_OTHER
