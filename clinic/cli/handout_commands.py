"""``clinic handout``: a client handout (hearing reminder, document request, appointment slip) as
a PDF in English, Spanish or both."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from clinic.cli.common import EXIT_OK, UsageError, open_for_command
from clinic.domain.ids import CaseId
from clinic.reports.handout_pdf import LAYOUTS
from clinic.services import handouts, language
from clinic.services.language import tr as _


def _moment(text: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise argparse.ArgumentTypeError(
            _('{text!r} is not a date and time; use "YYYY-MM-DD HH:MM"', text=text)
        ) from None


def add_parsers(commands: Any) -> None:
    handout = commands.add_parser(
        "handout",
        help="save a client handout (hearing reminder, document request, appointment slip) "
        "as a PDF in English, Spanish or both",
    )
    handout.add_argument(
        "kind", choices=handouts.KINDS, metavar="KIND", help=", ".join(handouts.KINDS)
    )
    handout.add_argument("case_id", type=int, metavar="CASE_ID")
    handout.add_argument(
        "--lang",
        dest="handout_lang",
        choices=handouts.LANGUAGE_CHOICES,
        default="en+es",
        help="the handout's language(s): en, es or en+es (default en+es)",
    )
    handout.add_argument(
        "--layout",
        choices=LAYOUTS,
        help="with en+es: two columns (side-by-side) or English then Spanish (sequential); "
        "default: the clinic's setting",
    )
    handout.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE.pdf",
        help="where to write the PDF (an existing file is never overwritten; the PDF is NOT "
        "encrypted)",
    )
    handout.add_argument(
        "--at", type=_moment, metavar='"YYYY-MM-DD HH:MM"', help="appointment-slip: when"
    )
    handout.add_argument(
        "--with", dest="with_whom", metavar="NAME", help="appointment-slip: with whom"
    )
    handout.add_argument("--where", metavar="TEXT", help="appointment-slip: where")


def cmd_handout(args: argparse.Namespace, out: TextIO) -> int:
    destination: Path = args.out
    if destination.exists():
        raise UsageError(_("{path} already exists; choose a new file name.", path=destination))
    if not destination.parent.is_dir():
        raise UsageError(_("the folder {folder} does not exist.", folder=destination.parent))
    appointment = None
    if args.kind == "appointment-slip":
        if args.at is None:
            raise UsageError(
                _(
                    'an appointment slip needs --at "YYYY-MM-DD HH:MM" (and usually --with and --where).'
                )
            )
        appointment = handouts.Appointment(args.at, args.with_whom or "", args.where or "")
    store = open_for_command(args)
    try:
        try:
            handouts.export_handout_pdf(
                store=store,
                case_id=CaseId(args.case_id),
                kind=args.kind,
                languages=handouts.languages_of(args.handout_lang),
                destination=destination,
                today=date.today(),
                layout=args.layout,
                appointment=appointment,
            )
        except handouts.HandoutUnavailable as exc:
            raise UsageError(exc.message_in(language.ui_language())) from None
        except FileExistsError:
            raise UsageError(
                _("{path} already exists; choose a new file name.", path=destination)
            ) from None
    finally:
        store.lock()
    print(
        _(
            "Saved the handout to {path}. The PDF is not encrypted and shows the client's name "
            "and A-number: print it or give it to the client, and delete stray copies.",
            path=destination,
        ),
        file=out,
    )
    return EXIT_OK
