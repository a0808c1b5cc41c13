"""clinic i589: the official I-589 filled from the case file (issue 23)."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
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
from clinic.domain.i589_map import MappedField, question_text
from clinic.domain.ids import CaseId
from clinic.services import i589, i589_facts
from clinic.services.language import tr as _
from clinic.services.language import tr_n, ui_language

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
        help="the blank I-589 downloaded from uscis.gov/i-589",
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


def _check_paths(form: Path, destination: Path) -> None:
    if not form.is_file():
        raise UsageError(_("{path} is not a file; give the blank I-589 as --form.", path=form))
    if destination.exists():
        raise UsageError(_("{path} already exists; choose a new file name.", path=destination))
    if not destination.parent.is_dir():
        raise UsageError(_("the folder {folder} does not exist.", folder=destination.parent))


def cmd_i589(args: argparse.Namespace, out: TextIO) -> int:
    if args.check:
        return _cross_checks(args, out)
    if args.form is None or args.out is None:
        raise UsageError(
            _("give the blank I-589 as --form and the new file as --out (or --check).")
        )
    form: Path = args.form
    destination: Path = args.out
    _check_paths(form, destination)
    store = open_for_command(args)
    act_as_preparer(store, args)
    try:
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


def _edition_lines(result: i589.I589Result) -> list[str]:
    recognised = result.filled.recognised
    if recognised.known is not None:
        return [_("Form: {footer}, an edition Clinic knows.", footer=recognised.known.footer)]
    closest = recognised.closest
    assert closest is not None  # fill_form refuses a form that shares no field with a map
    return [
        _(
            "Form: {footer}; not an edition Clinic knows (its fields differ from the map's). It "
            "was filled only where its field names match the map of {known}: check every page.",
            footer=recognised.footer or _("no I-589 footer found"),
            known=closest.footer,
        )
    ]


def report_lines(result: i589.I589Result) -> list[str]:
    """What was placed and, question by question, what must be typed by hand."""
    filled = result.filled
    lines = _edition_lines(result)
    lines.append(_("Answers placed from the case file: {n}.", n=len(filled.placed)))
    if any(filled.supplements):
        pages_a, pages_b = filled.supplements
        lines.append(
            _("Pages of Supplement A filled: {a}; of Supplement B: {b}.", a=pages_a, b=pages_b)
        )
    problems = [
        _("{question}: not placed: this form has no field {name}", question=_q(f), name=f.name)
        for f in filled.unplaced
    ]
    problems += [
        _("{question}: not written: {why}", question=_q(item.field), why=_why(item.why))
        for item in filled.not_written
    ]
    problems += [_(o.template, **o.values) for o in result.overflow]
    if problems:
        lines.append(_("Not placed; type these by hand:"))
        lines += [f"  - {p}" for p in problems]
    not_kept = _questions(f for f in filled.to_type if not f.has_source)
    if not_kept:
        lines.append(_("Clinic does not record these yet; type them by hand: {q}.", q=not_kept))
    empty = _questions(f for f in filled.to_type if f.has_source)
    if empty:
        lines.append(_("Empty in this case's record (type them if they apply): {q}.", q=empty))
    return lines


def _q(field: MappedField) -> str:
    return question_text(field, _)


def _questions(fields: Iterable[MappedField]) -> str:
    """The questions of ``fields`` once each, in the map's order (the form's)."""
    return "; ".join(dict.fromkeys(_q(f) for f in fields))


def _why(formatted: Any) -> str:
    return _(formatted.problem, value=formatted.value, limit=formatted.limit)


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
