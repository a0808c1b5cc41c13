"""Shared pieces of the command line: exit codes, secrets from stdin or a prompt, opening the store."""

from __future__ import annotations

import argparse
import getpass
import sys

from clinic.services import lifecycle
from clinic.services.language import tr as _
from clinic.storage.datadir import DataDir
from clinic.storage.store import PassphraseRequired, Store

EXIT_OK, EXIT_OTHER, EXIT_USAGE, EXIT_UNLOCK, EXIT_DAMAGED = 0, 1, 2, 3, 4


class UsageError(Exception):
    pass


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
        print(f"clinic: {store.upgrade_note}", file=sys.stderr)
    return store
