"""Data out: the calendar (.ics), case bundles (export-case / import-case) and the funder report."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from clinic.cli.common import EXIT_OK, UsageError, open_for_command, read_passphrase, reason
from clinic.domain.i18n import N_
from clinic.domain.ids import CaseId, ClientId
from clinic.services.exports import case_bundle, funder, ics
from clinic.services.language import tr as _
from clinic.services.language import tr_n

NOT_ENCRYPTED = N_("The file is not encrypted: keep it somewhere safe and delete stray copies.")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2027-01-12", text=text)
        ) from None


def _new_file(path: Path) -> Path:
    """Refuse before unlocking anything: never overwrite, and the folder must exist."""
    if path.exists():
        raise UsageError(_("{path} already exists; choose a new file name.", path=path))
    if not path.parent.is_dir():
        raise UsageError(_("the folder {folder} does not exist.", folder=path.parent))
    return path


def add_parsers(commands: Any) -> None:
    _add_calendar_parser(commands)
    _add_case_file_parsers(commands)
    _add_report_parser(commands)


def _add_calendar_parser(commands: Any) -> None:
    cal = commands.add_parser(
        "export-ics",
        help="save hearings and open deadlines as a calendar file (.ics) for Outlook or Google "
        "Calendar; clients appear by initials unless --full-names",
    )
    cal.add_argument("--out", type=Path, required=True, metavar="FILE.ics", help="where to write")
    cal.add_argument(
        "--from", dest="start", type=_day, metavar="YYYY-MM-DD", help="first day (default: today)"
    )
    cal.add_argument(
        "--to", dest="end", type=_day, metavar="YYYY-MM-DD", help="last day (default: none)"
    )
    cal.add_argument(
        "--paralegal", metavar="NAME", default="", help="only this paralegal's cases (full name)"
    )
    cal.add_argument(
        "--full-names",
        action="store_true",
        help="put clients' full names and A-numbers in the entries (they will sync to phones "
        "and cloud calendars)",
    )


def _add_case_file_parsers(commands: Any) -> None:
    export = commands.add_parser(
        "export-case",
        help="save a case (or every case) to move it to another Clinic store; encrypted with a "
        "passphrase you choose",
    )
    export.add_argument("case_id", type=int, nargs="?", metavar="CASE_ID")
    export.add_argument("--all", action="store_true", help="every case instead of one")
    export.add_argument("--out", type=Path, required=True, metavar="FILE", help="where to write")
    export.add_argument(
        "--with-files", action="store_true", help="include the evidence files (encrypted)"
    )
    export.add_argument(
        "--plaintext",
        action="store_true",
        help="write plain, unencrypted JSON instead (anyone with the file can read it)",
    )

    importing = commands.add_parser(
        "import-case", help="add the cases of an export-case file to this store"
    )
    importing.add_argument("file", type=Path, metavar="FILE")
    target = importing.add_mutually_exclusive_group()
    target.add_argument(
        "--as-new-client",
        action="store_true",
        help="import even though a similar client exists (they are a different person)",
    )
    target.add_argument(
        "--merge-into",
        type=int,
        metavar="CLIENT_ID",
        help="add the cases to this existing client (their details here are kept as they are)",
    )


def _add_report_parser(commands: Any) -> None:
    report = commands.add_parser("report", help="reports for funders (counts only)")
    kinds = report.add_subparsers(dest="report_kind", metavar="REPORT", required=True)
    fund = kinds.add_parser(
        "funder",
        help="case counts by claim type, stage, outcome, relief, nationality and year, small "
        "cells suppressed; PDF or CSV by the file name",
    )
    fund.add_argument("--year", type=int, required=True, metavar="YYYY")
    fund.add_argument("--out", type=Path, required=True, metavar="FILE.pdf|FILE.csv")


def cmd_export_ics(args: argparse.Namespace, out: TextIO) -> int:
    destination = _new_file(args.out)
    start = args.start or date.today()
    if args.end is not None and args.end < start:
        raise UsageError(_("--to is before --from; nothing was written."))
    store = open_for_command(args)
    try:
        built = ics.export_calendar(
            store=store,
            destination=destination,
            calendar_filter=ics.CalendarFilter(start=start, end=args.end, paralegal=args.paralegal),
            full_names=args.full_names,
        ).unwrap()
    except FileExistsError:
        raise UsageError(
            _("{path} already exists; choose a new file name.", path=destination)
        ) from None
    except ics.UnknownParalegal as exc:
        raise UsageError(
            _(
                "{problem}; nothing was written. Use the full name as in Settings → Staff.",
                problem=exc,
            )
        ) from None
    finally:
        store.lock()
    names = _("full names and A-numbers") if args.full_names else _("initials only")
    print(
        tr_n(  # the same English; Spanish agrees with the hearings' number
            "Saved {hearings} and {deadlines} to {path} ({names}).",
            "Saved {hearings} and {deadlines} to {path} ({names}).",
            built.hearings,
            hearings=tr_n("{n} hearing", "{n} hearings", built.hearings),
            deadlines=tr_n("{n} deadline", "{n} deadlines", built.deadlines),
            path=destination,
            names=names,
        )
        + " "
        + _(NOT_ENCRYPTED),
        file=out,
    )
    return EXIT_OK


def cmd_export_case(args: argparse.Namespace, out: TextIO) -> int:
    if (args.case_id is None) == (not args.all):
        raise UsageError(_("name one CASE_ID, or use --all; nothing was written."))
    if args.plaintext and args.with_files:
        raise UsageError(
            _(
                "evidence files travel only in an encrypted export: drop --plaintext or "
                "--with-files."
            )
        )
    destination = _new_file(args.out)
    store = open_for_command(args)
    try:
        passphrase = _export_passphrase(args)
        try:
            summary = case_bundle.export_cases(
                store=store,
                destination=destination,
                case_ids=None if args.all else [CaseId(args.case_id)],
                passphrase=passphrase,
                with_files=args.with_files,
            ).unwrap()
        except LookupError as exc:
            raise UsageError(_("{problem}; nothing was written.", problem=reason(exc))) from None
        except FileExistsError:
            raise UsageError(
                _("{path} already exists; choose a new file name.", path=destination)
            ) from None
    finally:
        store.lock()
    saved = _saved_words(summary, destination)
    print(saved, file=out)
    return EXIT_OK


def _export_passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase for an encrypted export (asked twice), or ``None`` with --plaintext
    (after a warning on stderr)."""
    if args.plaintext:
        print(
            _(
                "clinic: warning: --plaintext writes client data unencrypted; anyone who "
                "gets the file can read it."
            ),
            file=sys.stderr,
        )
        return None
    return read_passphrase(args, prompt=_("Passphrase for the export file: "), confirm=True)


def _saved_words(summary: case_bundle.BundleSummary, destination: Path) -> str:
    """What was saved where, and whether it is encrypted."""
    values = {
        "cases": tr_n("{n} case", "{n} cases", summary.cases),
        "clients": tr_n("{n} client", "{n} clients", summary.clients),
        "files": tr_n("{n} evidence file", "{n} evidence files", summary.files),
        "path": destination,
    }
    if summary.encrypted:  # the same English twice: the Spanish verb agrees with the cases
        return tr_n(
            "Saved {cases} of {clients} and {files} to {path}, encrypted with your passphrase "
            "(send the passphrase separately).",
            "Saved {cases} of {clients} and {files} to {path}, encrypted with your passphrase "
            "(send the passphrase separately).",
            summary.cases,
            **values,
        )
    saved = tr_n(
        "Saved {cases} of {clients} and {files} to {path}.",
        "Saved {cases} of {clients} and {files} to {path}.",
        summary.cases,
        **values,
    )
    return saved + " " + _(NOT_ENCRYPTED)


def cmd_import_case(args: argparse.Namespace, out: TextIO) -> int:
    source: Path = args.file
    if not source.is_file():
        raise UsageError(_("there is no file {path}.", path=source))
    store = open_for_command(args)
    try:
        encrypted = case_bundle.needs_passphrase(source)
        passphrase = (
            read_passphrase(args, prompt=_("Passphrase of the export file: "), confirm=False)
            if encrypted
            else None
        )
        result = case_bundle.import_cases(
            store=store,
            source=source,
            passphrase=passphrase,
            as_new_client=args.as_new_client,
            merge_into=ClientId(args.merge_into) if args.merge_into is not None else None,
        ).unwrap()
    finally:
        store.lock()
    if not result.case_ids:
        print(_("The file holds no cases; nothing was imported."), file=out)
        return EXIT_OK
    cases = ", ".join(str(i) for i in result.case_ids)
    print(
        tr_n(
            "Imported case {cases} for {clients}.",
            "Imported cases {cases} for {clients}.",
            len(result.case_ids),
            cases=cases,
            clients=tr_n(
                "client {ids}",
                "clients {ids}",
                len(result.client_ids),
                ids=", ".join(map(str, result.client_ids)),
            ),
        ),
        file=out,
    )
    if result.files_not_included:
        print(
            tr_n(
                "{n} evidence file was listed but not included in the export (made without "
                "--with-files); its evidence item was imported without it.",
                "{n} evidence files were listed but not included in the export (made without "
                "--with-files); their evidence items were imported without them.",
                result.files_not_included,
            ),
            file=out,
        )
    return EXIT_OK


def cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    destination = _new_file(args.out)
    try:
        funder.ReportFormat.for_path(destination)
    except ValueError as exc:
        raise UsageError(_("{problem}; nothing was written.", problem=reason(exc))) from None
    problem = funder.year_problem(args.year, date.today())
    if problem is not None:
        raise UsageError(problem)
    store = open_for_command(args)
    try:
        funder.export_funder_report(
            store=store, year=args.year, destination=destination, today=date.today()
        )
    except FileExistsError:
        raise UsageError(
            _("{path} already exists; choose a new file name.", path=destination)
        ) from None
    finally:
        store.lock()
    print(
        _(
            "Saved the {year} funder report to {path} (counts only; cells under 5 suppressed).",
            year=args.year,
            path=destination,
        ),
        file=out,
    )
    return EXIT_OK
