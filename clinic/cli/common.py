"""Shared pieces of the command line: exit codes, secrets from stdin or a prompt, opening the store."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from clinic.services import computer_user, language, lifecycle
from clinic.services.errors import reason_of
from clinic.services.language import tr as _
from clinic.storage.public import UPGRADE_NOTE, DataDir, PassphraseRequired, Store

EXIT_OK, EXIT_OTHER, EXIT_USAGE, EXIT_UNLOCK, EXIT_DAMAGED = 0, 1, 2, 3, 4


class UsageError(Exception):
    pass


def reason(error: BaseException) -> str:
    """Why ``error`` happened, in the command line's language (the services' and the store's
    errors carry a translatable template and its values; see clinic.services.errors)."""
    return reason_of(error).message_in(language.ui_language())


def read_passphrase(args: argparse.Namespace, *, prompt: str, confirm: bool) -> str:
    if args.passphrase_stdin:
        line = sys.stdin.readline()
        if not line:
            raise UsageError(_("--passphrase-stdin was given but standard input is empty."))
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise PassphraseRequired()
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("Type it again: ")) != first:
        raise UsageError(_("The two passphrases differ; nothing was created. Try again."))
    return first


def data_dir_of(args: argparse.Namespace) -> DataDir:
    return lifecycle.resolve_data_dir(args.data_dir)


def open_for_command(args: argparse.Namespace) -> Store:
    data_dir = data_dir_of(args)
    passphrase = None
    if lifecycle.store_exists(data_dir) and lifecycle.passphrase_needed(data_dir):
        passphrase = read_passphrase(args, prompt=_("Passphrase: "), confirm=False)
    store = lifecycle.unlock_store(
        data_dir=data_dir, passphrase=passphrase, actor=lifecycle.default_actor()
    )
    if store.upgrade_note:
        copy = getattr(store, "upgrade_copy", None)
        note = _(UPGRADE_NOTE, copy=copy) if copy is not None else store.upgrade_note
        print(f"clinic: {note}", file=sys.stderr)
    if store.read_only:  # an older copy: said before every command's output; saving refused
        print(
            f"clinic: {store.older_copy_error().message_in(language.ui_language())}",
            file=sys.stderr,
        )
    return store


def add_prepared_by(parser: Any) -> None:
    parser.add_argument(
        "--prepared-by",
        metavar="NAME",
        help="the staff member preparing the PDF (a name from Settings → Staff); default: "
        "this computer's user (see 'clinic computer-user')",
    )


def act_as_preparer(store: Store, args: argparse.Namespace) -> None:
    """Act as ``--prepared-by`` or as this computer's user, for "Prepared by" and the audit
    trail; a usage error saying how to choose when neither names a staff member."""
    try:
        computer_user.prepare_as(store, getattr(args, "prepared_by", None))
    except computer_user.NoPreparer as exc:
        store.lock()
        raise UsageError(exc.message_in(language.ui_language())) from None
