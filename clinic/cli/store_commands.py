"""Commands that create, fill, check and recover the store."""

from __future__ import annotations

import argparse
import getpass
import re
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from clinic.cli import doctor_words
from clinic.cli.common import (
    EXIT_DAMAGED,
    EXIT_OK,
    EXIT_OTHER,
    UsageError,
    data_dir_of,
    open_for_command,
    read_passphrase,
)
from clinic.domain.i18n import N_
from clinic.services import lifecycle, recovery
from clinic.services.demo import fill_demo_data
from clinic.services.language import tr as _
from clinic.services.language import tr_n, ui_language
from clinic.storage.public import KeySource


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    data_dir = data_dir_of(args)
    use_passphrase = (
        args.use_passphrase or args.passphrase_stdin or not lifecycle.keychain_available()
    )
    passphrase = None
    if use_passphrase:
        if not args.passphrase_stdin and sys.stdin.isatty():
            print(
                _(
                    "No keychain is used: choose a passphrase of at least 10 characters (a few "
                    "unrelated words work well).\nIf it is forgotten, only the recovery key can "
                    "open the store."
                ),
                file=out,
            )
        passphrase = read_passphrase(args, prompt=_("New passphrase: "), confirm=True)
    store = lifecycle.init_store(
        data_dir=data_dir,
        passphrase=passphrase,
        actor=lifecycle.default_actor(),
        start_afresh=args.start_afresh,
    )
    try:
        if passphrase:
            created = _(
                "Created an encrypted store in {folder}; its key is kept in a "
                "passphrase-wrapped key file.",
                folder=data_dir.root,
            )
        else:
            created = _(
                "Created an encrypted store in {folder}; its key is kept in this computer's "
                "keychain.",
                folder=data_dir.root,
            )
        print(created, file=out)
        print(_("Next: print the recovery kit and keep it somewhere safe."), file=out)
    finally:
        store.lock()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    if args.clients < 1 or args.clients > 200_000:
        raise UsageError(_("--clients must be between 1 and 200000."))
    store = open_for_command(
        args,
        laptop_only=_(
            "'clinic demo' fills a laptop store with synthetic cases; this computer is "
            "connected to the office server, whose records are real. To try office mode with "
            "demo data: make office-demo; for a laptop demo store: --data-dir FOLDER."
        ),
    )
    try:
        summary = fill_demo_data(
            store=store,
            clients=args.clients,
            seed=args.seed,
            today=date.today(),
            language=ui_language(),  # the demo's titles and notes: global --lang or the setting
        )
    finally:
        store.lock()
    print(
        _(
            "Added {clients}, {cases}, {hearings}, {deadlines}, {evidence} ({files}).",
            clients=tr_n("{n} client", "{n} clients", summary.clients),
            cases=tr_n("{n} case", "{n} cases", summary.cases),
            hearings=tr_n("{n} hearing", "{n} hearings", summary.hearings),
            deadlines=tr_n("{n} deadline", "{n} deadlines", summary.deadlines),
            evidence=tr_n("{n} evidence item", "{n} evidence items", summary.evidence_items),
            files=tr_n("{n} file", "{n} files", summary.files),
        ),
        file=out,
    )
    return EXIT_OK


def cmd_recovery_kit(args: argparse.Namespace, out: TextIO) -> int:
    destination: Path = args.out
    if destination.exists():
        raise UsageError(_("{path} already exists; choose a new file name.", path=destination))
    store = open_for_command(
        args,
        laptop_only=_(
            "An office database has no recovery kit: it has no key on this computer; its "
            "records are on the office server, backed up there ('clinic server backup')."
        ),
    )
    try:
        recovery.save_recovery_kit(store=store, destination=destination)
    finally:
        store.lock()
    print(
        _(
            "Saved the recovery kit to {path}. Print it, keep it locked away, then delete the file.",
            path=destination,
        ),
        file=out,
    )
    return EXIT_OK


def cmd_unlock(args: argparse.Namespace, out: TextIO) -> int:
    data_dir = data_dir_of(args)
    if args.passphrase_stdin:
        key_text = sys.stdin.readline().strip()
    elif sys.stdin.isatty():
        key_text = getpass.getpass(_("Recovery key (64 characters): "))
    else:
        raise UsageError(_("Give the recovery key on standard input with --passphrase-stdin."))
    store = recovery.unlock_with_recovery_key(
        data_dir=data_dir, recovery_key=key_text, actor=lifecycle.default_actor()
    )
    try:
        use_keychain = args.keychain or (not args.new_passphrase and lifecycle.keychain_available())
        if use_keychain:
            recovery.keep_key_in_keychain(store=store)
            print(
                _(
                    "The recovery key opened the store; its key is now kept in this computer's "
                    "keychain."
                ),
                file=out,
            )
        else:
            passphrase = read_passphrase(args, prompt=_("New passphrase: "), confirm=True)
            recovery.keep_key_with_passphrase(store=store, passphrase=passphrase)
            print(
                _("The recovery key opened the store; it is now protected by the new passphrase."),
                file=out,
            )
    finally:
        store.lock()
    return EXIT_OK


def cmd_accept_copy(args: argparse.Namespace, out: TextIO) -> int:
    """Accept an older copy (opened read-only) as the current store: the passphrase (or the
    keychain) is asked for again, and the audit trail records the acceptance and the loss."""
    store = open_for_command(
        args,
        laptop_only=_(
            "'clinic accept-copy' is for a laptop store opened as an older copy; an office "
            "database has one copy, on the server. For a laptop store: --data-dir FOLDER."
        ),
    )
    try:
        if not store.read_only:
            print(_("These records are the current ones; there is nothing to accept."), file=out)
            return EXIT_OK
        passphrase = None
        if store.meta.key_source is KeySource.PASSPHRASE:
            passphrase = read_passphrase(
                args, prompt=_("Passphrase again, to accept this copy: "), confirm=False
            )
        seq = lifecycle.accept_older_copy(
            store=store, passphrase=passphrase, reason="clinic accept-copy"
        )
    finally:
        store.lock()
    print(
        _(
            "This copy is now the current store. The acceptance and the entries that were "
            "missing are recorded in the audit trail (entry {seq}).",
            seq=seq,
        ),
        file=out,
    )
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace, out: TextIO) -> int:
    store = open_for_command(
        args,
        laptop_only=_(
            "'clinic doctor' checks a laptop store's files; the office server is checked by its "
            "administrator ('clinic server status', 'clinic verify-audit' works here too). For "
            "a laptop store: --data-dir FOLDER."
        ),
    )
    try:
        if getattr(args, "repair", False):
            from clinic.services import vault_repair  # noqa: PLC0415 - only for --repair

            swept = vault_repair.sweep_orphans(store)
            print(_("orphan vault files removed: {n}", n=swept.removed), file=out)
            if swept.too_recent:
                print(
                    _(
                        "orphan vault files kept for now (under an hour old): {n}",
                        n=swept.too_recent,
                    ),
                    file=out,
                )
        report = lifecycle.doctor(store=store)
    finally:
        store.lock()
    for line in doctor_words.report_lines(report):
        print(line, file=out)
    print(
        _("All checks passed.")
        if report.ok
        else _("PROBLEMS FOUND: restore from a backup or contact support."),
        file=out,
    )
    return EXIT_OK if report.ok else EXIT_DAMAGED


# what the audit chain's check says of a broken link (clinic/domain/audit_chain.py)
_BREAKS = (
    N_("link to the previous entry does not match"),
    N_("entry content was changed after it was written"),
)
_MISSING = re.compile(r"expected entry (\d+): entries missing")


def _break_reason(reason: str) -> str:
    missing = _MISSING.fullmatch(reason)
    if missing:
        return _("expected entry {seq}: entries missing", seq=int(missing.group(1)))
    return _(reason) if reason in _BREAKS else reason


def cmd_verify_audit(args: argparse.Namespace, out: TextIO) -> int:
    store = open_for_command(args)
    try:
        report = lifecycle.verify_audit(store=store)
    finally:
        store.lock()
    if report.breaks:
        print(_("The first bad entry is entry {seq}.", seq=report.breaks[0].seq), file=out)
    for chain_break in report.breaks:
        print(
            _(
                "entry {seq}: {reason}",
                seq=chain_break.seq,
                reason=_break_reason(chain_break.reason),
            ),
            file=out,
        )
    if report.head_problem:
        print(report.head_problem, file=out)
    if report.ok:
        print(
            tr_n(
                "The audit trail is intact: {n} entry.",
                "The audit trail is intact: {n} entries.",
                report.entries,
            ),
            file=out,
        )
        return EXIT_OK
    print(
        _("The audit trail was altered. Keep this computer as it is and tell your attorney."),
        file=out,
    )
    return EXIT_OTHER
