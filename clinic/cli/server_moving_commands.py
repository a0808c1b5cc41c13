"""Moving records in and out of the office database from the command line: ``clinic server
import-store`` (a laptop store moved in), ``clinic server backup`` and ``clinic server restore``
(the office database as a backup file, and back). The server administrator's commands, beside
clinic.cli.server_commands; see docs/office.md."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from clinic.cli.common import EXIT_OK, read_passphrase
from clinic.services import lifecycle, office_backup, office_import
from clinic.services.language import tr as _

# Where this computer keeps a store's chain head (the storage's words, already in the catalogue).
HERE = {
    "state": "in this computer's state file",
    "keychain": "in this computer's keychain",
}


def add_parsers(addressed: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """The three commands, each with --url and --ca (``addressed``)."""
    moved = addressed(
        "import-store",
        "move a laptop store (its records, evidence files and audit trail) into the office "
        "database, all or nothing; with --passphrase-stdin: the server password, then the "
        "laptop store's passphrase",
    )
    moved.add_argument(
        "--from",
        dest="source",
        metavar="DATA_DIR",
        type=Path,
        required=True,
        help="the laptop store's data folder",
    )
    backup = addressed(
        "backup",
        "write the office database (records, evidence files, audit trail) into a new "
        "encrypted, verified backup file, protected by a passphrase you choose; with "
        "--passphrase-stdin: the server password, then the backup's passphrase",
    )
    backup.add_argument("--to", dest="destination", metavar="FILE", type=Path, required=True)
    restore = addressed(
        "restore",
        "restore a backup file (of an office database or of a laptop store) into an empty "
        "office database, all or nothing; with --passphrase-stdin: the server password, then "
        "the backup's passphrase",
    )
    restore.add_argument("--from", dest="backup", metavar="FILE", type=Path, required=True)


def _import_store(
    args: argparse.Namespace, target: office_import.OfficeTarget, password: str | None, out: TextIO
) -> int:
    """The laptop store unlocked (its passphrase after the server's password), then moved."""
    data_dir = lifecycle.resolve_data_dir(args.source)
    passphrase = None
    if lifecycle.store_exists(data_dir) and lifecycle.passphrase_needed(data_dir):
        passphrase = read_passphrase(
            args, prompt=_("Passphrase of the laptop store: "), confirm=False
        )
    report = office_import.import_laptop_store(
        target=target, password=password, data_dir=data_dir, passphrase=passphrase
    )
    if report.already:
        print(
            _(
                "This laptop store ({store}) is already in the office database, up to its audit "
                "entry {seq}: nothing was changed.",
                store=report.laptop_store,
                seq=report.head.seq,
            ),
            file=out,
        )
        return EXIT_OK
    print(
        _(
            "Moved into {database}: {clients} clients, {cases} cases, {rows} rows in all, "
            "{files} evidence files and {entries} audit entries (the trail verified, its last "
            "entry {seq} kept as it was), in {seconds:.1f} s.",
            database=target.database,
            clients=report.rows.get("client", 0),
            cases=report.rows.get("asylum_case", 0),
            rows=report.total_rows,
            files=report.files,
            entries=report.rows.get("audit_entry", 0),
            seq=report.head.seq,
            seconds=report.seconds,
        ),
        file=out,
    )
    if report.heads_missing_here:
        print(
            _(
                "This computer kept no chain head of the laptop store ({places}), as when its "
                "folder was copied here; opening it recorded that in the audit trail "
                "(anchor_missing), which was moved with the rest.",
                places=", ".join(_(HERE.get(p, p)) for p in report.heads_missing_here),
            ),
            file=out,
        )
    print(
        _(
            "The laptop store was only read. Work in office mode from now on: changes made on "
            "the laptop after this are not moved by running the command again."
        ),
        file=out,
    )
    return EXIT_OK


def _backup(
    args: argparse.Namespace, target: office_import.OfficeTarget, password: str | None, out: TextIO
) -> int:
    passphrase = read_passphrase(
        args, prompt=_("Passphrase that will protect the backup file: "), confirm=True
    )
    report = office_backup.back_up_office(
        target=target, password=password, destination=args.destination, passphrase=passphrase
    )
    manifest = report.manifest
    print(
        _(
            "Backup written and verified: {path} ({rows} rows, {files} evidence files, the "
            "audit trail up to entry {seq}). Its passphrase opens it: keep the passphrase "
            "apart from the file.",
            path=args.destination,
            rows=report.rows,
            files=report.files,
            seq=manifest.audit_head.seq,
        ),
        file=out,
    )
    return EXIT_OK


def _restore(
    args: argparse.Namespace, target: office_import.OfficeTarget, password: str | None, out: TextIO
) -> int:
    passphrase = read_passphrase(args, prompt=_("Passphrase of the backup file: "), confirm=False)
    report = office_backup.restore_into_office(
        target=target, password=password, backup=args.backup, passphrase=passphrase
    )
    if report.already:
        print(
            _(
                "This backup is already in the office database, up to its audit entry {seq}: "
                "nothing was changed.",
                seq=report.head.seq,
            ),
            file=out,
        )
        return EXIT_OK
    print(
        _(
            "Restored into {database}: {clients} clients, {cases} cases, {rows} rows in all, "
            "{files} evidence files and {entries} audit entries (the trail verified). Staff "
            "logins are not in a backup: add each person again with 'clinic server add-staff "
            "LOGIN --role ROLE --full-name NAME --existing'.",
            database=target.database,
            clients=report.rows.get("client", 0),
            cases=report.rows.get("asylum_case", 0),
            rows=report.total_rows,
            files=report.files,
            entries=report.rows.get("audit_entry", 0),
        ),
        file=out,
    )
    return EXIT_OK


COMMANDS: dict[
    str,
    Callable[[argparse.Namespace, office_import.OfficeTarget, str | None, TextIO], int],
] = {"import-store": _import_store, "backup": _backup, "restore": _restore}
