"""Shared pieces of the command line: exit codes, secrets from stdin or a prompt, opening the store."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any, cast

from clinic.services import computer_user, language, lifecycle, office_login, office_mode
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


def in_office_mode(args: argparse.Namespace) -> bool:
    """A command opens the office database when this computer is connected to one ('clinic
    connect') and no --data-dir names a laptop store."""
    return getattr(args, "data_dir", None) is None and office_mode.connected()


def open_for_command(args: argparse.Namespace, *, laptop_only: str | None = None) -> Store:
    """The store the command works on: the office database in office mode, else the laptop
    store of --data-dir (or the default folder). ``laptop_only``: the command exists only for
    a laptop store; in office mode it is refused with that text saying what to do instead."""
    if in_office_mode(args):
        if laptop_only is not None:
            raise UsageError(laptop_only)
        return _sign_in(args)
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


def _sign_in(args: argparse.Namespace) -> Store:
    """The office database as the connected staff member: the password from the keychain, or
    typed (at a terminal, or the first line of --passphrase-stdin) when the keychain has none,
    or unwrapped by the passphrase that protects it on this computer."""
    plan = office_login.login_plan()
    assert plan is not None  # connected
    if plan.asks_passphrase:
        passphrase = read_passphrase(
            args,
            prompt=_("Passphrase that protects your office password on this computer: "),
            confirm=False,
        )
        signed = office_login.sign_in(passphrase=passphrase)
    elif plan.kept:
        signed = office_login.sign_in()
    else:
        password = read_passphrase(
            args,
            prompt=_("Password of {user} on the office server: ", user=plan.user),
            confirm=False,
        )
        signed = office_login.sign_in(password=password)
    if signed.first_password_until is not None:
        signed.store.lock()
        raise UsageError(
            _(
                "This login still has the first password from the administrator: choose your "
                "own first (clinic connect --url … --user {user} --new-password), then run the "
                "command again.",
                user=plan.user,
            )
        )
    # The services work on either engine (the services suite runs on both; docs/office.md).
    return cast(Store, signed.store)


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
