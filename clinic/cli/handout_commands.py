"""``clinic handout``: a client handout (hearing reminder, document request, appointment slip) as
a PDF in one handout language or beside English (``--lang en+ht``); without ``--lang``, the
client's recorded languages choose. A language no certified translator has reviewed yet is said
so before the PDF is written."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from clinic.cli.common import EXIT_OK, UsageError, open_for_command
from clinic.domain.handout_text import HandoutLanguage
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


def _language_choice(text: str) -> str:
    try:
        return "+".join(handouts.languages_of(text))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _(
                "{text!r} is not a handout language; use one of {choices}",
                text=text,
                choices=", ".join(handouts.language_choices()),
            )
        ) from None


def add_parsers(commands: Any) -> None:
    handout = commands.add_parser(
        "handout",
        help="save a client handout (hearing reminder, document request, appointment slip) "
        "as a PDF in English, Spanish, Haitian Creole, Portuguese, French or beside English",
    )
    handout.add_argument(
        "kind", choices=handouts.KINDS, metavar="KIND", help=", ".join(handouts.KINDS)
    )
    handout.add_argument("case_id", type=int, metavar="CASE_ID")
    handout.add_argument(
        "--lang",
        dest="handout_lang",
        type=_language_choice,
        metavar="LANG",
        help="the handout's language(s): a code (en, es, ht, pt, fr …) or two joined by + "
        "(en+ht); default: the client's recorded languages, beside English",
    )
    handout.add_argument(
        "--layout",
        choices=LAYOUTS,
        help="with two languages: two columns (side-by-side) or one after the other "
        "(sequential); default: the clinic's setting",
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


def _appointment(args: argparse.Namespace) -> handouts.Appointment | None:
    """The appointment an appointment slip shows (--at is required for one)."""
    if args.kind != "appointment-slip":
        return None
    if args.at is None:
        raise UsageError(
            _('an appointment slip needs --at "YYYY-MM-DD HH:MM" (and usually --with and --where).')
        )
    return handouts.Appointment(args.at, args.with_whom or "", args.where or "")


def _print_saved(
    out: TextIO,
    destination: Path,
    no_letterhead: tuple[HandoutLanguage, ...],
    drafts: tuple[HandoutLanguage, ...],
    staff: str,
) -> None:
    """Where the handout went, then a note per language without a letterhead and, last, per
    language whose text is still a draft."""
    print(
        _(
            "Saved the handout to {path}. The PDF is not encrypted and shows the client's name "
            "and A-number: print it or give it to the client, and delete stray copies.",
            path=destination,
        ),
        file=out,
    )
    for missing in no_letterhead:
        print(
            _(
                "Note: the clinic has no letterhead in {language} yet, so its English letterhead "
                "(address, phone, office hours) is printed; write one in Settings, Handout "
                "languages.",
                language=handouts.language_name(missing, staff),
            ),
            file=out,
        )
    for draft in drafts:  # said plainly, last, so it is the line the staff reads before printing
        print(
            _(
                "Note: the {language} text is a draft that no certified translator has reviewed "
                "yet. Have it checked before giving it to the client (record the review in "
                "Settings, Handout languages).",
                language=handouts.language_name(draft, staff),
            ),
            file=out,
        )


def cmd_handout(args: argparse.Namespace, out: TextIO) -> int:
    destination: Path = args.out
    if destination.exists():
        raise UsageError(_("{path} already exists; choose a new file name.", path=destination))
    if not destination.parent.is_dir():
        raise UsageError(_("the folder {folder} does not exist.", folder=destination.parent))
    appointment = _appointment(args)
    store = open_for_command(args)
    staff = language.ui_language()
    try:
        case_id = CaseId(args.case_id)
        choice = args.handout_lang or handouts.case_default_choice(store=store, case_id=case_id)
        languages = handouts.languages_of(choice)
        drafts = handouts.unreviewed(languages, store=store)
        no_letterhead = handouts.without_letterhead(languages, store=store)
        try:
            handouts.export_handout_pdf(
                store=store,
                case_id=case_id,
                kind=args.kind,
                languages=languages,
                destination=destination,
                today=date.today(),
                layout=args.layout,
                appointment=appointment,
            )
        except handouts.HandoutUnavailable as exc:
            raise UsageError(exc.message_in(staff)) from None
        except FileExistsError:
            raise UsageError(
                _("{path} already exists; choose a new file name.", path=destination)
            ) from None
    finally:
        store.lock()
    _print_saved(out, destination, no_letterhead, drafts, staff)
    return EXIT_OK
