"""Filing checklists: list the templates, and save a case's checklist PDF for the attorney."""

from __future__ import annotations

import argparse
import json
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
from clinic.domain.ids import CaseId
from clinic.services import checklists, language
from clinic.services.language import tr as _


def add_parsers(commands: Any) -> None:
    export = commands.add_parser(
        "checklist", help="save a case's filing checklist as a PDF for the attorney to sign off"
    )
    export.add_argument("case_id", type=int, metavar="CASE_ID")
    export.add_argument(
        "--template",
        metavar="ID",
        help="a checklist template id (see 'clinic checklists'); default: the one for the "
        "case's claim type and stage",
    )
    export.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE.pdf",
        help="where to write the PDF (an existing file is never overwritten; the PDF is NOT "
        "encrypted)",
    )
    export.add_argument(
        "--lang",
        choices=("en", "es"),
        default=argparse.SUPPRESS,  # absent: the global --lang or the saved setting decides
        help="the PDF's language (and this command's messages): en or es",
    )
    add_prepared_by(export)
    listing = commands.add_parser("checklists", help="the filing checklist templates")
    listing.add_argument("--json", action="store_true", help="print JSON")


def cmd_checklists(args: argparse.Namespace, out: TextIO) -> int:
    templates = checklists.list_templates()
    if args.json:
        rows: list[dict[str, Any]] = [
            {
                "id": t.id,
                "title": t.title,
                "items": len(t.items),
                "source": t.source,
                "as_of": t.as_of.isoformat(),
                "default_for": {
                    "claim_types": sorted(c.value for c in t.default_claim_types),
                    "stages": sorted(s.value for s in t.default_stages),
                },
            }
            for t in templates
        ]
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    width = max(len(t.id) for t in templates)
    for t in templates:
        counted = _("{n} items; as of {as_of}", n=len(t.items), as_of=t.as_of)
        print(f"{t.id:<{width}}  {t.title_in(language.ui_language())} ({counted})", file=out)
    return EXIT_OK


def cmd_checklist(args: argparse.Namespace, out: TextIO) -> int:
    destination: Path = args.out
    if destination.exists():
        raise UsageError(_("{path} already exists; choose a new file name.", path=destination))
    if not destination.parent.is_dir():
        raise UsageError(_("the folder {folder} does not exist.", folder=destination.parent))
    if args.template is not None:
        try:
            checklists.get_template(args.template)
        except checklists.UnknownTemplate as exc:
            raise UsageError(_("{problem}; see 'clinic checklists'.", problem=exc)) from None
    store = open_for_command(args)
    act_as_preparer(store, args)
    try:
        try:
            checklists.export_checklist_pdf(
                store=store,
                case_id=CaseId(args.case_id),
                destination=destination,
                today=date.today(),
                template_id=args.template,
                lang=language.ui_language(),
            )
        except FileExistsError:
            raise UsageError(
                _("{path} already exists; choose a new file name.", path=destination)
            ) from None
        except LookupError as exc:
            raise UsageError(reason(exc)) from None
    finally:
        store.lock()
    print(
        _(
            "Saved the checklist to {path}. The PDF is not encrypted: keep it with the case "
            "file and delete stray copies.",
            path=destination,
        ),
        file=out,
    )
    return EXIT_OK
