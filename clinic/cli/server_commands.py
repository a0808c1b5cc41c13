"""Office mode from the command line: the server administrator's ``clinic server …`` commands
and a laptop's ``clinic connect``. See docs/office.md."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any, TextIO

from clinic.cli import certificate_commands, server_moving_commands
from clinic.cli.common import EXIT_OK, EXIT_OTHER, UsageError
from clinic.services import office
from clinic.services.language import tr as _
from clinic.services.language import tr_n

ROLES = ("attorney", "paralegal", "volunteer", "admin")


def add_parsers(commands: Any) -> None:
    server = commands.add_parser(
        "server",
        help="set up the clinic's office PostgreSQL server (the server administrator's account)",
    )
    sub = server.add_subparsers(dest="server_command", metavar="SERVER_COMMAND", required=True)

    def addressed(name: str, text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = sub.add_parser(name, help=text)
        parser.add_argument(
            "--url",
            required=True,
            help="postgresql://ADMIN@SERVER:5432/DATABASE (no password: it is asked for, or "
            "read from PGPASSWORD / ~/.pgpass)",
        )
        parser.add_argument("--ca", type=Path, help="the clinic's CA certificate (PEM)")
        return parser

    certificate_commands.add_parser(sub)
    addressed(
        "init",
        "create Clinic's schema, roles, grants and row-level security in an empty database "
        "(or bring a Clinic database up to date)",
    )
    add = addressed("add-staff", "create a staff member's own login with a first password")
    add.add_argument("name", metavar="LOGIN", help="the login name, e.g. maria.lopez")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--full-name", help="the name shown in the app (default: the login)")
    add.add_argument(
        "--existing",
        action="store_true",
        help="link the login to the staff member of that --full-name and role already in the "
        "database (one moved in by import-store) instead of adding a new one",
    )
    disable = addressed("disable-staff", "stop a staff login (its open sessions end)")
    disable.add_argument("name", metavar="LOGIN")
    addressed("status", "the server's version, TLS, schema, staff and disk encryption")
    server_moving_commands.add_parsers(addressed)
    _add_connect(commands)


def _add_connect(commands: Any) -> None:
    connect = commands.add_parser(
        "connect", help="connect this computer to the clinic's office server as yourself"
    )
    connect.add_argument("--url", required=True, help="postgresql://SERVER:5432/DATABASE")
    connect.add_argument("--user", required=True, help="your login on the office server")
    connect.add_argument("--ca", type=Path, help="the clinic's CA certificate (PEM)")
    connect.add_argument(
        "--new-password",
        action="store_true",
        help="choose your own password now (required when connecting with a first password)",
    )
    connect.add_argument(
        "--password-file",
        action="store_true",
        help="keep the password in a file protected by a passphrase instead of the keychain",
    )


def _secret(args: argparse.Namespace, prompt: str, *, required: bool) -> str | None:
    if args.passphrase_stdin:
        line = sys.stdin.readline()
        if not line:
            raise UsageError(_("--passphrase-stdin was given but standard input is empty."))
        return line.rstrip("\r\n")
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    if required:
        raise UsageError(
            _("A password is needed: type it at a terminal or use --passphrase-stdin.")
        )
    return None  # libpq reads PGPASSWORD or ~/.pgpass


def cmd_server(args: argparse.Namespace, out: TextIO) -> int:
    if args.server_command == "make-certificates":
        return certificate_commands.cmd_make_certificates(args, out)
    target = office.target_of(args.url, ca_file=args.ca)
    password = _secret(
        args, _("Password of {user} on the server: ", user=target.user), required=False
    )
    command = args.server_command
    if command == "init":
        report = office.init_server(target=target, password=password)
        return _print_init(report, target.database, out)
    if command == "add-staff":
        made = office.add_staff(
            target=target,
            password=password,
            login=args.name,
            role=args.role,
            full_name=args.full_name,
            existing=args.existing,
        )
        return _print_new_staff(made, out)
    if command in server_moving_commands.COMMANDS:
        return server_moving_commands.COMMANDS[command](args, target, password, out)
    if command == "disable-staff":
        ended = office.disable_staff(target=target, password=password, login=args.name)
        print(
            tr_n(
                "Login {login} disabled; {n} open session ended.",
                "Login {login} disabled; {n} open sessions ended.",
                ended,
                login=args.name,
            ),
            file=out,
        )
        return EXIT_OK
    return _status(office.server_status(target=target, password=password), out)


def _print_init(report: office.InitReport, database: str, out: TextIO) -> int:
    """Set up or brought up to date, and the roles to add people to."""
    if report.created:
        print(
            _("Clinic's office database is set up in {database}.", database=database),
            file=out,
        )
    else:
        print(
            _("The Clinic database {database} is up to date.", database=database),
            file=out,
        )
    print(
        _(
            "Roles: {admin}, {attorney}, {paralegal}, {volunteer}. Add each person with "
            "'clinic server add-staff LOGIN --role ROLE'.",
            admin=report.roles.admin,
            attorney=report.roles.attorney,
            paralegal=report.roles.paralegal,
            volunteer=report.roles.volunteer,
        ),
        file=out,
    )
    return EXIT_OK


def _print_new_staff(made: office.NewStaff, out: TextIO) -> int:
    """The new login, its first password (shown once) and when it expires."""
    print(_("Login {login} ({role}) created.", login=made.login, role=made.role), file=out)
    print(
        _(
            "First password (shown once; give it to the person in private): {password}",
            password=made.first_password,
        ),
        file=out,
    )
    print(
        _(
            "It expires on {date}: the person connects with 'clinic connect' and chooses "
            "their own before then.",
            date=made.valid_until.strftime("%Y-%m-%d %H:%M UTC"),
        ),
        file=out,
    )
    return EXIT_OK


def _status(status: office.ServerStatus, out: TextIO) -> int:
    lines = [
        _(
            "PostgreSQL {version}, database {database}",
            version=status.version,
            database=status.database,
        ),
        _("TLS: {state}", state=_("on") if status.ssl else _("OFF")),
        _("Passwords stored as: {method}", method=status.password_encryption),
        _(
            "Schema: {revision} (this Clinic: {head})",
            revision=status.revision or _("none"),
            head=status.head,
        ),
        _(
            "Data folder: {folder}",
            folder=status.data_directory or _("(not visible to this login)"),
        ),
    ]
    disk = status.disk
    if disk.encrypted is True:
        lines.append(_("Disk: encrypted ({how}, {device})", how=disk.how, device=disk.device))
    elif disk.encrypted is False:
        lines.append(
            _(
                "WARNING: the data folder is on {device}, which is NOT encrypted ({how}). "
                "docs/office.md requires full-disk encryption for the server, any standby and "
                "every WAL archive or dump.",
                device=disk.device,
                how=disk.how,
            )
        )
    else:
        lines.append(
            _(
                "WARNING: whether the data folder is on an encrypted disk cannot be told here "
                "({how}). Check it: docs/office.md requires full-disk encryption.",
                how=disk.how,
            )
        )
    for login in status.staff:
        state = _("can log in") if login.can_login else _("disabled")
        until = (
            ""
            if login.valid_until is None
            else _(", first password until {date}", date=login.valid_until.strftime("%Y-%m-%d"))
        )
        lines.append(f"  {login.login}: {login.group}, {state}{until}")
    if status.tables_without_rls:
        lines.append(
            _(
                "WARNING: tables without row-level security: {tables}. Run 'clinic server init'.",
                tables=", ".join(status.tables_without_rls),
            )
        )
    for line in lines:
        print(line, file=out)
    bad = status.disk.encrypted is False or not status.ssl or bool(status.tables_without_rls)
    return EXIT_OTHER if bad else EXIT_OK


def cmd_connect(args: argparse.Namespace, out: TextIO) -> int:
    target = office.target_of(args.url, user=args.user, ca_file=args.ca)
    password = _secret(args, _("Your password on the office server: "), required=True)
    assert password is not None
    new_password = None
    if args.new_password:
        new_password = _secret(args, _("Your new password: "), required=True)
        if not args.passphrase_stdin and _secret(args, _("Type it again: "), required=True) != (
            new_password
        ):
            raise UsageError(_("The two passwords differ; nothing was changed. Try again."))
    passphrase = None
    if args.password_file:
        passphrase = _secret(
            args, _("A passphrase to protect it on this computer: "), required=True
        )
    done = office.connect(
        target=target, password=password, passphrase=passphrase, new_password=new_password
    )
    print(
        _("Connected as {user} to {address}.", user=target.user, address=target.display()), file=out
    )
    if done.password_file is not None:
        print(_("The password is kept encrypted in {path}.", path=done.password_file), file=out)
    else:
        print(_("The password is kept in this computer's keychain."), file=out)
    print(_("Settings saved in {path} (no password in it).", path=done.settings_file), file=out)
    return EXIT_OK
