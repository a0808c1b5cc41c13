"""clinic i589: the official I-589 filled from the case file (issue 23)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from clinic.cli.common import (
    EXIT_OK,
    EXIT_OTHER,
    UsageError,
    act_as_preparer,
    add_prepared_by,
    open_for_command,
    reason,
)
from clinic.cli.report_commands import NOT_ENCRYPTED
from clinic.domain.i589_checks import describe
from clinic.domain.ids import CaseId
from clinic.services import i589, i589_facts, i589_forms
from clinic.services.i589_report import report_lines
from clinic.services.language import tr as _
from clinic.services.language import tr_n, ui_language
from clinic.storage.public import Store

EXIT_FINDINGS = EXIT_OTHER  # 1: something blocks printing (issue 23)


def add_parsers(commands: Any) -> None:
    fill = commands.add_parser(
        "i589",
        help="fill the official I-589 (the blank PDF from uscis.gov) from a case's file",
    )
    fill.add_argument("case_id", type=int, metavar="CASE_ID")
    fill.add_argument(
        "--check",
        action="store_true",
        help="only list what contradicts itself or is missing before printing (exit 1 when "
        "something blocks printing); no --form or --out needed",
    )
    fill.add_argument(
        "--form",
        type=Path,
        metavar="FILE",
        help="the blank I-589 downloaded from uscis.gov/i-589 (default: the one stored in "
        "Settings → Forms)",
    )
    fill.add_argument(
        "--out",
        type=Path,
        metavar="FILE.pdf",
        help="where to write the filled form (an existing file is never overwritten; the PDF "
        "is NOT encrypted)",
    )
    fill.add_argument(
        "--flatten",
        action="store_true",
        help="draw the answers into the pages (no fields left to edit); default: fillable",
    )
    add_prepared_by(fill)


def _check_paths(form: Path | None, destination: Path) -> None:
    if form is not None and not form.is_file():
        raise UsageError(_("{path} is not a file; give the blank I-589 as --form.", path=form))
    if destination.exists():
        raise UsageError(_("{path} already exists; choose a new file name.", path=destination))
    if not destination.parent.is_dir():
        raise UsageError(_("the folder {folder} does not exist.", folder=destination.parent))


def cmd_i589(args: argparse.Namespace, out: TextIO) -> int:
    if args.check:
        return _cross_checks(args, out)
    if args.out is None:
        raise UsageError(_("give the new file as --out (or --check)."))
    destination: Path = args.out
    _check_paths(args.form, destination)
    store = open_for_command(args)
    act_as_preparer(store, args)
    try:
        form = args.form or _stored_form(store)
        try:
            result = i589.export_i589(
                store=store,
                case_id=CaseId(args.case_id),
                form=form,
                destination=destination,
                flatten=args.flatten,
            )
        except FileExistsError:
            raise UsageError(
                _("{path} already exists; choose a new file name.", path=destination)
            ) from None
        except LookupError as exc:
            raise UsageError(_("{problem}; see 'clinic cases'.", problem=reason(exc))) from None
    finally:
        store.lock()
    for line in report_lines(result):
        print(line, file=out)
    print(_("Saved the I-589 to {path}.", path=destination) + " " + _(NOT_ENCRYPTED), file=out)
    return EXIT_OK


def _stored_form(store: Store) -> Path:
    stored = i589_forms.current_form(store)
    if stored is None:
        raise UsageError(
            _(
                "no blank I-589 is stored: download it from uscis.gov/i-589 and add it in the "
                "window (Settings, Forms, 'Add a form file…'), or give it as --form FILE."
            )
        )
    return stored.path


def _cross_checks(args: argparse.Namespace, out: TextIO) -> int:
    store = open_for_command(args)
    try:
        try:
            findings = i589_facts.check_i589(store=store, case_id=CaseId(args.case_id))
        except LookupError as exc:
            raise UsageError(_("{problem}; see 'clinic cases'.", problem=reason(exc))) from None
    finally:
        store.lock()
    lang = ui_language()
    blocking = [f for f in findings if f.blocks]
    for finding in findings:
        mark = _("must be put right") if finding.blocks else _("check")
        print(f"{finding.question} [{mark}]: {describe(finding, lang)}", file=out)
    print(
        tr_n(
            "{n} thing must be put right before the I-589 is printed.",
            "{n} things must be put right before the I-589 is printed.",
            len(blocking),
        )
        if blocking
        else _("Nothing blocks printing the I-589."),
        file=out,
    )
    return EXIT_FINDINGS if blocking else EXIT_OK
