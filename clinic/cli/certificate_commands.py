"""``clinic server make-certificates``: a private CA and a TLS certificate for an office server
that has none, and the printed instructions for where each file goes. ``server_commands`` adds
it under ``clinic server`` and runs it. See docs/office.md "Certificates for the server"."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from clinic.cli.common import EXIT_OK
from clinic.services import office
from clinic.services.language import tr as _

# Where postgresql.conf lives on Debian and Ubuntu (the printed lines' folder).
CONF = "/etc/postgresql/VERSION/main"


def add_parser(sub: Any) -> None:
    """The ``make-certificates`` subcommand, under ``clinic server``'s subcommands ``sub``."""
    made = sub.add_parser(
        "make-certificates",
        help="make a private CA and a TLS certificate for the office server, for a clinic "
        "that has none (run it before 'server init')",
    )
    made.add_argument(
        "--host",
        action="append",
        default=[],
        required=True,
        metavar="NAME_OR_ADDRESS",
        help="a name or IP address the laptops use to reach the server; repeat it for each "
        "(e.g. --host office-server.local --host 192.168.1.10)",
    )
    made.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FOLDER",
        help="the folder to write ca.pem, ca.key, server.crt and server.key into (existing "
        "files are never overwritten)",
    )
    made.add_argument(
        "--days",
        type=int,
        default=office.CERTIFICATE_DAYS,
        help=f"how long the server certificate is valid (default and most: "
        f"{office.CERTIFICATE_DAYS}); the CA is valid 10 years",
    )


def cmd_make_certificates(args: argparse.Namespace, out: TextIO) -> int:
    """Make the four files, then print what each is and the server's configuration lines."""
    certificates = office.make_certificates(hosts=args.host, folder=args.out, days=args.days)
    return _print_certificates(certificates, out)


def _print_certificates(made: office.MadeCertificates, out: TextIO) -> int:
    """Each file, where it goes, and the lines to put in the server's configuration."""
    host = made.hosts.shown()[0]
    host = f"[{host}]" if ":" in host else host  # an IPv6 address in a URL
    until = made.server_not_after.strftime("%Y-%m-%d")
    for line in [*_file_lines(made, until), "", *_server_lines(host)]:
        print(line, file=out)
    return EXIT_OK


def _file_lines(made: office.MadeCertificates, until: str) -> list[str]:
    """The four files written: what each is, and who may have it."""
    return [
        _("Made in {folder}:", folder=made.folder),
        "  "
        + _(
            "{file}: the clinic's CA certificate. Give it to every laptop (clinic connect … "
            "--ca ca.pem); it is not secret.",
            file=made.ca_certificate,
        ),
        "  "
        + _(
            "{file}: the server's certificate, for {hosts}, valid until {date}.",
            file=made.server_certificate,
            hosts=", ".join(made.hosts.shown()),
            date=until,
        ),
        "  "
        + _(
            "{file}: the server's private key (only you can read it). It goes on the server only.",
            file=made.server_key,
        ),
        "  "
        + _(
            "{file}: the CA's private key (only you can read it). KEEP IT OFFLINE, off the "
            "server and off the laptops (e.g. on a USB stick in the clinic's safe): whoever "
            "has it can make a server certificate every laptop will trust. It is needed only "
            "to make the next server certificate, before {date}.",
            file=made.ca_key,
            date=until,
        ),
    ]


def _server_lines(host: str) -> list[str]:
    """The steps on the server (postgresql.conf, pg_hba.conf, restart), then on each laptop."""
    conf = CONF
    return [
        _("On the server:"),
        _(
            "1. Copy server.crt and server.key into the folder of postgresql.conf (Debian and "
            "Ubuntu: {conf}/; in psql, SHOW config_file; tells). The key must belong to the "
            "user PostgreSQL runs as and be readable by it alone:",
            conf=conf,
        ),
        f"     chown postgres:postgres {conf}/server.key && chmod 600 {conf}/server.key",
        _("2. In postgresql.conf:"),
        "     ssl = on",
        f"     ssl_cert_file = '{conf}/server.crt'",
        f"     ssl_key_file = '{conf}/server.key'",
        "     ssl_min_protocol_version = 'TLSv1.2'",
        "     password_encryption = 'scram-sha-256'",
        "     listen_addresses = '*'",
        _(
            "3. In pg_hba.conf, above every 'host' line (the first line that matches is used), "
            "so that staff log in only over TLS (narrow 0.0.0.0/0 and ::/0 to the office's "
            "network if you like, e.g. 192.168.1.0/24):"
        ),
        "     hostssl    all  all  0.0.0.0/0  scram-sha-256",
        "     hostssl    all  all  ::/0       scram-sha-256",
        "     hostnossl  all  all  0.0.0.0/0  reject",
        "     hostnossl  all  all  ::/0       reject",
        _(
            "4. Restart PostgreSQL (systemctl restart postgresql), then set up the database "
            "from any computer with ca.pem:"
        ),
        f"     clinic server init --url postgresql://ADMIN@{host}/DATABASE --ca ca.pem",
        _("On each laptop, with its copy of ca.pem:"),
        f"     clinic connect --url postgresql://{host}/DATABASE --user LOGIN --ca ca.pem",
    ]
