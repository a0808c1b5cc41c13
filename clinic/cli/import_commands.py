"""``clinic import FILE``: clients, family, cases and hearings from a spreadsheet, all or nothing.

Exit codes: 0 imported (or a clean dry run); 1 rows were rejected and --skip-invalid was not
given, or the file cannot be read (nothing stored either way); 2 usage, including a file whose
dates need --date-order.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from clinic.cli.common import EXIT_OK, EXIT_OTHER, EXIT_USAGE, UsageError, open_for_command
from clinic.domain.i18n import N_
from clinic.services import importing
from clinic.services.importing import DateOrder, ImportFileError, ImportOutcome, ImportPlan
from clinic.services.language import tr as _
from clinic.services.language import tr_n

_ENCODINGS = {
    "utf-8": "UTF-8",
    "utf-8-sig": N_("UTF-8 (with byte order mark)"),
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
    "cp1252": "Windows-1252",
    "xlsx": N_("an Excel workbook"),
}
_DELIMITERS = {
    ",": N_("separated by commas"),
    ";": N_("separated by semicolons"),
    "\t": N_("separated by tabs"),
}
_ORDERS = {
    DateOrder.MDY: N_("Dates read month first (MM/DD/YYYY)."),
    DateOrder.DMY: N_("Dates read day first (DD/MM/YYYY)."),
}
_SOURCES = {
    importing.MappingSource.AUTOMATIC: N_("Columns (automatic): {columns}"),
    importing.MappingSource.SAVED: N_("Columns (saved): {columns}"),
    importing.MappingSource.FILE: N_("Columns (file): {columns}"),
    importing.MappingSource.CHOSEN: N_("Columns (chosen): {columns}"),
}


def add_parsers(commands: Any) -> None:
    parser = commands.add_parser(
        "import",
        help="import clients, family members, cases and hearings from a CSV or .xlsx file",
        description="Import a spreadsheet: one row per person (see docs/import-format.md). "
        "Without --skip-invalid any invalid row or likely duplicate stops the import and "
        "nothing is stored.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="a .csv, .tsv, .txt or .xlsx file")
    parser.add_argument(
        "--mapping",
        type=Path,
        metavar="FILE",
        help="a JSON or TOML file saying which column holds which field",
    )
    parser.add_argument(
        "--date-order",
        choices=[o.value for o in DateOrder],
        help="how to read dates like 03/04/1990: mdy (March 4) or dmy (3 April)",
    )
    parser.add_argument("--dry-run", action="store_true", help="check everything, store nothing")
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="store the valid rows (in one transaction) and report the others",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def _read_inputs(args: argparse.Namespace) -> tuple[bytes, importing.MappingFile | None]:
    source: Path = args.file
    if not source.is_file():
        raise UsageError(_("{path} does not exist or is not a file.", path=source))
    mapping = None
    if args.mapping is not None:
        mapping_path: Path = args.mapping
        if not mapping_path.is_file():
            raise UsageError(_("The mapping file {path} does not exist.", path=mapping_path))
        try:
            text = mapping_path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise UsageError(
                _("The mapping file {path} is not UTF-8 text.", path=mapping_path)
            ) from None
        try:
            mapping = importing.read_mapping_file(text=text, name=mapping_path.name)
        except ImportFileError as exc:
            raise UsageError(str(exc)) from None
    return source.read_bytes(), mapping


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    data, mapping = _read_inputs(args)
    order = DateOrder(args.date_order) if args.date_order else None
    store = open_for_command(args)
    try:
        try:
            plan = importing.plan_import(
                store=store,
                data=data,
                file_name=args.file.name,
                today=date.today(),
                mapping_file=mapping,
                date_order=order,
            )
        except importing.DateOrderNeeded as exc:
            return _file_error(args, out, str(exc), EXIT_USAGE, needs_date_order=True)
        except ImportFileError as exc:
            return _file_error(args, out, str(exc), EXIT_OTHER)
        outcome = None
        if not args.dry_run:
            outcome = importing.commit_import(
                store=store, plan=plan, skip_invalid=args.skip_invalid
            )
    finally:
        store.lock()
    if args.json:
        json.dump(_report(args, plan, outcome), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_report(args, plan, outcome, out)
    if plan.rejected and not args.skip_invalid:
        return EXIT_OTHER
    if outcome is not None and not outcome.stored:
        # no row could be stored (all refused, even with --skip-invalid), or the stored clients
        # changed since the preview: a script must not take this for a successful import
        return EXIT_OTHER
    return EXIT_OK


def _file_error(
    args: argparse.Namespace,
    out: TextIO,
    message: str,
    code: int,
    *,
    needs_date_order: bool = False,
) -> int:
    if args.json:
        report = {
            "imported": 0,
            "rejected": [],
            "dry_run": bool(args.dry_run),
            "stored": False,
            "error": message,
            "needs_date_order": needs_date_order,
        }
        json.dump(report, out, ensure_ascii=False, indent=2)
        out.write("\n")
    print(_("clinic: {problem} Nothing was imported.", problem=message), file=sys.stderr)
    return code


def _report(
    args: argparse.Namespace, plan: ImportPlan, outcome: ImportOutcome | None
) -> dict[str, Any]:
    stored = outcome is not None and outcome.stored
    order = plan.result.date_order
    return {
        "imported": outcome.imported_rows if stored and outcome else 0,
        "would_import": plan.valid_rows,
        "clients": outcome.clients if stored and outcome else len(plan.result.clients),
        "family_members": plan.result.family_count,
        "cases": plan.result.case_count,
        "hearings": plan.result.hearing_count,
        "rejected": [{"row": r.line, "reason": r.reason} for r in plan.rejected],
        "notes": [{"row": n.line, "text": n.text} for n in plan.notes],
        "dry_run": bool(args.dry_run),
        "stored": stored,
        "reason": outcome.reason if outcome is not None else "",
        "encoding": plan.sheet.encoding,
        "delimiter": plan.sheet.delimiter,
        "date_order": order.value if order is not None else None,
        "header_row": plan.sheet.header_line,
        "mapping_source": plan.mapping_source,
        "mapping": {
            name: (field.value if field is not None else None)
            for name, field in zip(plan.sheet.header, plan.mapping, strict=True)
        },
    }


def _counts(plan: ImportPlan) -> str:
    result = plan.result
    return _(
        "{rows}: {clients}, {family}, {cases}, {hearings}",
        rows=tr_n("{n} row", "{n} rows", plan.valid_rows),
        clients=tr_n("{n} client", "{n} clients", len(result.clients)),
        family=tr_n("{n} family member", "{n} family members", result.family_count),
        cases=tr_n("{n} case", "{n} cases", result.case_count),
        hearings=tr_n("{n} hearing", "{n} hearings", result.hearing_count),
    )


def _print_report(
    args: argparse.Namespace, plan: ImportPlan, outcome: ImportOutcome | None, out: TextIO
) -> None:
    sheet = plan.sheet
    how = _(_ENCODINGS.get(sheet.encoding, sheet.encoding))
    if sheet.delimiter in _DELIMITERS:
        how += ", " + _(_DELIMITERS[sheet.delimiter])
    print(
        tr_n(
            "Read {name}: {how}; {n} row after the header.",
            "Read {name}: {how}; {n} rows after the header.",
            len(sheet.rows),
            name=args.file.name,
            how=how,
        ),
        file=out,
    )
    if sheet.header_line > 1:
        print(
            _(
                "The header is row {line}; the blank or title rows above it are passed over.",
                line=sheet.header_line,
            ),
            file=out,
        )
    if plan.result.date_order is not None:
        print(_(_ORDERS[plan.result.date_order]), file=out)
    mapped = [
        f"{name} → {field.value}"
        for name, field in zip(sheet.header, plan.mapping, strict=True)
        if field is not None
    ]
    ignored = [n for n, f in zip(sheet.header, plan.mapping, strict=True) if f is None and n]
    columns = "; ".join(mapped)
    source = _SOURCES.get(plan.mapping_source)
    print(
        _(source, columns=columns) if source else f"Columns ({plan.mapping_source}): {columns}",
        file=out,
    )
    if ignored:
        print(_("Ignored columns: {columns}", columns="; ".join(ignored)), file=out)
    if plan.rejected:
        print(_("Rows that cannot be imported ({n}):", n=len(plan.rejected)), file=out)
        for rejected in plan.rejected:
            print(
                "  " + _("row {line}: {text}", line=rejected.line, text=rejected.reason), file=out
            )
    for note in plan.notes:
        print("  " + _("row {line}: {text}", line=note.line, text=note.text), file=out)
    print(_summary(args, plan, outcome), file=out)


def _summary(args: argparse.Namespace, plan: ImportPlan, outcome: ImportOutcome | None) -> str:
    if outcome is not None and outcome.stored:
        done = tr_n(
            "Imported {counts} (audited as one import).",
            "Imported {counts} (audited as one import).",
            plan.valid_rows,
            counts=_counts(plan),
        )
        if plan.rejected:
            done += " " + tr_n(
                "Skipped {n} row listed above.",
                "Skipped {n} rows listed above.",
                len(plan.rejected),
            )
        return done
    if plan.rejected and not args.skip_invalid:
        hint = (
            tr_n(
                "Fix them and run again, or pass --skip-invalid to import the other {n} row.",
                "Fix them and run again, or pass --skip-invalid to import the other {n} rows.",
                plan.valid_rows,
            )
            if plan.valid_rows
            else _("Fix them and run again.")
        )
        refused = tr_n(
            "Nothing was stored: {n} row cannot be imported.",
            "Nothing was stored: {n} rows cannot be imported.",
            len(plan.rejected),
        )
        return f"{refused} {hint}"
    if args.dry_run:
        return tr_n(  # the same English; Spanish agrees with the number of rows
            "Dry run: would import {counts}. Nothing was stored.",
            "Dry run: would import {counts}. Nothing was stored.",
            plan.valid_rows,
            counts=_counts(plan),
        )
    reason = outcome.reason if outcome is not None else ""
    return (_("Nothing was stored.") + " " + reason).strip()
