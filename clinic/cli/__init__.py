"""The command line: argparse subcommands that call services only.

Exit codes: 0 ok, 2 usage, 3 cannot unlock (wrong passphrase, no key), 4 damaged or foreign
database, 1 anything else. Messages go to stderr in plain words; nothing secret is printed.
With ``--passphrase-stdin`` every secret a command needs is read from standard input, one per
line, in the order the command asks for them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

import clinic
from clinic.cli.common import EXIT_OTHER, EXIT_USAGE, UsageError
from clinic.services import language
from clinic.services.errors import ServiceError
from clinic.services.language import tr as _
from clinic.storage.public import StoreError

# The modules whose add_parsers() define more commands. A command's module is imported only
# when that command runs (or for --help): importing all of them (reportlab, pypdf, openpyxl, …)
# cost about a second of every command's start-up.
PARSER_MODULES = (
    "applicant_commands",
    "deadline_commands",
    "backup_commands",
    "checklist_commands",
    "evidence_commands",
    "export_commands",
    "handout_commands",
    "i589_commands",
    "import_commands",
    "report_commands",
    "selftest_commands",
    "server_commands",
    "staff_commands",
)


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"clinic.cli.{name}")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``command``, only what parsing that command needs (its own module)."""
    parser = argparse.ArgumentParser(
        prog="clinic",
        description="Clinic: an offline, encrypted case tracker for asylum cases. "
        "With no command, the desktop app starts.",
    )
    _add_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_store_and_case_commands(commands, command)
    _add_key_and_check_commands(commands)
    wanted = COMMANDS[command][0] if command in COMMANDS else None
    for name in PARSER_MODULES:
        if command is None or name == wanted:
            _module(name).add_parsers(commands)
    return parser


def _add_options(parser: argparse.ArgumentParser) -> None:
    """The options every command takes."""
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
    parser.add_argument(
        "--lang",
        choices=("en", "es"),
        help="language of messages and staff PDFs for this command (default: the saved setting)",
    )


def _add_store_and_case_commands(commands: Any, command: str | None) -> None:
    """init, demo, cases and search."""
    init = commands.add_parser("init", help="create the encrypted store")
    init.add_argument(
        "--use-passphrase",
        action="store_true",
        help="protect the key with a passphrase even if a keychain is available",
    )
    init.add_argument(
        "--start-afresh",
        action="store_true",
        help="the store this computer kept in the (now empty or missing) folder is gone: "
        "start a new one there, and remove the old one's key from the keychain",
    )

    demo = commands.add_parser("demo", help="fill the store with synthetic demo data")
    demo.add_argument("--clients", type=int, default=50, help="how many clients (default 50)")
    demo.add_argument(
        "--seed", type=int, default=1, help="random seed; the same seed gives the same data"
    )

    cases = commands.add_parser("cases", help="list cases")
    cases.add_argument("--json", action="store_true", help="print JSON")
    if command in (None, "cases"):
        _module("case_commands").add_list_export_arguments(cases)

    find = commands.add_parser(
        "search", help="find clients and cases by name, alias, A-number or receipt number"
    )
    find.add_argument("text")
    find.add_argument("--json", action="store_true", help="print JSON")


def _add_key_and_check_commands(commands: Any) -> None:
    """recovery-kit, unlock, doctor, verify-audit and accept-copy."""
    kit = commands.add_parser(
        "recovery-kit",
        help="save the printable recovery kit (holds the key: print it, then delete the file)",
    )
    kit.add_argument(
        "--out",
        type=Path,
        required=True,
        help="where to write the PDF (an existing file is never overwritten)",
    )

    unlock = commands.add_parser(
        "unlock", help="open the store with the recovery key and keep its key again"
    )
    unlock.add_argument(
        "--recovery-key",
        action="store_true",
        required=True,
        help="ask for the 64-character key from the recovery kit",
    )
    keep = unlock.add_mutually_exclusive_group()
    keep.add_argument(
        "--new-passphrase", action="store_true", help="protect the key with a new passphrase"
    )
    keep.add_argument(
        "--keychain", action="store_true", help="keep the key in this computer's keychain"
    )

    doctor = commands.add_parser(
        "doctor", help="versions, data folder, key source and integrity checks"
    )
    doctor.add_argument(
        "--repair",
        action="store_true",
        help="also remove encrypted vault files no record refers to (older than an hour)",
    )
    commands.add_parser("verify-audit", help="check the audit trail's hash chain")
    commands.add_parser(
        "accept-copy",
        help="accept an older copy of the store (opened read-only) as the current one; "
        "asks for the passphrase again and records the acceptance in the audit trail",
    )


# Every command: (its module, its function), imported when it runs.
COMMANDS: dict[str, tuple[str, str]] = {
    "deadline": ("deadline_commands", "cmd_deadline"),
    "checklist": ("checklist_commands", "cmd_checklist"),
    "checklists": ("checklist_commands", "cmd_checklists"),
    "evidence": ("evidence_commands", "cmd_evidence"),
    "packet": ("evidence_commands", "cmd_packet"),
    "export-ics": ("export_commands", "cmd_export_ics"),
    "export-case": ("export_commands", "cmd_export_case"),
    "import-case": ("export_commands", "cmd_import_case"),
    "report": ("export_commands", "cmd_report"),
    "handout": ("handout_commands", "cmd_handout"),
    "i589": ("i589_commands", "cmd_i589"),
    "applicant": ("applicant_commands", "cmd_applicant"),
    "import": ("import_commands", "cmd_import"),
    "summary": ("report_commands", "cmd_summary"),
    "docket": ("report_commands", "cmd_docket"),
    "self-test": ("selftest_commands", "cmd_self_test"),
    "computer-user": ("staff_commands", "cmd_computer_user"),
    "deadlines": ("deadline_commands", "cmd_deadlines"),
    "rules": ("deadline_commands", "cmd_rules"),
    "init": ("store_commands", "cmd_init"),
    "demo": ("store_commands", "cmd_demo"),
    "cases": ("case_commands", "cmd_cases"),
    "search": ("case_commands", "cmd_search"),
    "recovery-kit": ("store_commands", "cmd_recovery_kit"),
    "unlock": ("store_commands", "cmd_unlock"),
    "doctor": ("store_commands", "cmd_doctor"),
    "verify-audit": ("store_commands", "cmd_verify_audit"),
    "accept-copy": ("store_commands", "cmd_accept_copy"),
    "backup": ("backup_commands", "cmd_backup"),
    "restore": ("backup_commands", "cmd_restore"),
    "server": ("server_commands", "cmd_server"),
    "connect": ("server_commands", "cmd_connect"),
}


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    arguments = list(sys.argv[1:] if argv is None else argv)
    return build_parser(_command_in(arguments)).parse_args(arguments)


def _command_in(argv: list[str]) -> str | None:
    """The command ``argv`` names, if it is one and nothing asks for every command's help."""
    rest = iter(argv)
    for token in rest:
        if token in ("-h", "--help", "--version"):
            return None
        if token in ("--data-dir", "--lang"):
            next(rest, None)  # its value
        elif not token.startswith("-"):
            return token if token in COMMANDS else None
    return None


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run one command; turn every expected failure into a message and an exit code."""
    out = out or sys.stdout
    language.override_language(getattr(args, "lang", None))
    try:
        module, function = COMMANDS[args.command]
        command: Callable[[argparse.Namespace, TextIO], int] = getattr(_module(module), function)
        return command(args, out)
    except UsageError as exc:
        print(f"clinic: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (StoreError, ServiceError) as exc:
        print(f"clinic: {exc.message_in(language.ui_language())}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("clinic: " + _("interrupted; nothing half-saved was kept."), file=sys.stderr)
        return EXIT_OTHER
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: nothing to say, and no traceback.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit
        return EXIT_OTHER
    except OSError as exc:
        print(
            f"clinic: {exc.strerror or exc} ({getattr(exc, 'filename', '') or ''})", file=sys.stderr
        )
        return EXIT_OTHER
