"""This computer's user: the staff member named as "Prepared by" on PDFs and in the audit trail."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from clinic.cli.common import EXIT_OK, UsageError, open_for_command
from clinic.services import computer_user, language
from clinic.services.language import tr as _


def add_parsers(commands: Any) -> None:
    user = commands.add_parser(
        "computer-user",
        help="show or choose the staff member who uses this computer (named as 'Prepared by' "
        "on PDFs and in the audit trail; kept for you on this computer)",
    )
    user.add_argument("name", nargs="?", metavar="NAME", help="a name from Settings → Staff")
    user.add_argument("--none", action="store_true", help="forget the choice")


def cmd_computer_user(args: argparse.Namespace, out: TextIO) -> int:
    if args.none and args.name:
        raise UsageError(_("Give a NAME or --none, not both."))
    store = open_for_command(
        args,
        laptop_only=_(
            "In office mode you are who you signed in as: the PDFs and the audit trail name "
            "your login's staff member; nobody is chosen for the computer."
        ),
    )
    try:
        if args.none:
            computer_user.choose(store, None)
            print(_("Nobody is chosen as this computer's user now."), file=out)
            return EXIT_OK
        if args.name is None:
            person = computer_user.computer_user(store)
            if person is None:
                print(
                    _(
                        "Nobody is chosen as this computer's user. Choose one with "
                        "`clinic computer-user NAME` (a name from Settings → Staff)."
                    ),
                    file=out,
                )
            else:
                print(_("This computer's user: {name}.", name=person.name), file=out)
            return EXIT_OK
        try:
            person = computer_user.prepare_as(store, args.name)
            computer_user.choose(store, int(person.id))
        except computer_user.NoPreparer as exc:
            raise UsageError(exc.message_in(language.ui_language())) from None
        print(
            _(
                "This computer's user is now {name}: PDFs say 'Prepared by {name}'.",
                name=person.name,
            ),
            file=out,
        )
        return EXIT_OK
    finally:
        store.lock()
