"""PDFs for the attorney: a case summary, and the hearing docket of a date range."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from clinic.cli.common import (
    EXIT_OK,
    UsageError,
    act_as_preparer,
    add_prepared_by,
    open_for_command,
    reason,
)
from clinic.domain.i18n import N_
from clinic.domain.ids import CaseId
from clinic.services import attorney_reports, language
from clinic.services.language import tr as _

NOT_ENCRYPTED = N_("The PDF is not encrypted: keep it with the case file and delete stray copies.")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2027-01-12", text=text)
        ) from None


def _out_argument(parser: Any) -> None:
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE.pdf",
        help="where to write the PDF (an existing file is never overwritten; the PDF is NOT "
        "encrypted)",
    )


def add_parsers(commands: Any) -> None:
    summary = commands.add_parser(
        "summary",
        help="save a case summary PDF for the attorney (client, family, claim, history, "
        "hearings, deadlines, evidence, recent notes)",
    )
    summary.add_argument("case_id", type=int, metavar="CASE_ID")
    _out_argument(summary)
    add_prepared_by(summary)
    docket = commands.add_parser(
        "docket",
        help="save the hearing docket of a date range as a PDF, with each case's readiness",
    )
    docket.add_argument(
        "--from", dest="start", type=_day, required=True, metavar="YYYY-MM-DD", help="first day"
    )
    docket.add_argument(
        "--to", dest="end", type=_day, required=True, metavar="YYYY-MM-DD", help="last day"
    )
    docket.add_argument(
        "--paralegal", metavar="NAME", help="only the cases of this paralegal (full name)"
    )
    _out_argument(docket)
    add_prepared_by(docket)


def _check_destination(destination: Path) -> None:
    if destination.exists():
        raise UsageError(_("{path} already exists; choose a new file name.", path=destination))
    if not destination.parent.is_dir():
        raise UsageError(_("the folder {folder} does not exist.", folder=destination.parent))


def cmd_summary(args: argparse.Namespace, out: TextIO) -> int:
    destination: Path = args.out
    _check_destination(destination)
    store = open_for_command(args)
    act_as_preparer(store, args)
    try:
        try:
            attorney_reports.export_case_summary_pdf(
                store=store,
                case_id=CaseId(args.case_id),
                destination=destination,
                today=date.today(),
                lang=language.ui_language(),
            )
        except FileExistsError:
            raise UsageError(
                _("{path} already exists; choose a new file name.", path=destination)
            ) from None
        except LookupError as exc:
            raise UsageError(_("{problem}; see 'clinic cases'.", problem=reason(exc))) from None
    finally:
        store.lock()
    print(
        _("Saved the case summary to {path}.", path=destination) + " " + _(NOT_ENCRYPTED),
        file=out,
    )
    return EXIT_OK


def cmd_docket(args: argparse.Namespace, out: TextIO) -> int:
    destination: Path = args.out
    start: date = args.start
    end: date = args.end
    if start > end:
        raise UsageError(
            _(
                "--from {start} is after --to {end}; swap the dates.",
                start=start.isoformat(),
                end=end.isoformat(),
            )
        )
    _check_destination(destination)
    store = open_for_command(args)
    act_as_preparer(store, args)
    try:
        try:
            attorney_reports.export_docket_pdf(
                store=store,
                start=start,
                end=end,
                destination=destination,
                today=date.today(),
                paralegal=args.paralegal,
                lang=language.ui_language(),
            )
        except FileExistsError:
            raise UsageError(
                _("{path} already exists; choose a new file name.", path=destination)
            ) from None
        except attorney_reports.UnknownStaff as exc:
            raise UsageError(
                _("{problem}; see Settings → Staff for the names.", problem=exc)
            ) from None
    finally:
        store.lock()
    print(
        _(
            "Saved the hearing docket {start} to {end} to {path}.",
            start=start.isoformat(),
            end=end.isoformat(),
            path=destination,
        )
        + " "
        + _(NOT_ENCRYPTED),
        file=out,
    )
    return EXIT_OK
