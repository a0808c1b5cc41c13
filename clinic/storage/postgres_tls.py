"""A private CA and TLS server certificate for a clinic's office server that has none
(``clinic server make-certificates``; see docs/office.md "Certificates for the server").

The certificates themselves are made by :func:`clinic.storage.crypto.issue_server_tls` (the one
module that uses ``cryptography``); here are the names and addresses they are for, the files
they go into and the rules for those files: private keys are owner-only (0600), and an existing
file is never overwritten (the command refuses, naming every one, before writing anything).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import os
import re
from dataclasses import dataclass
from pathlib import Path

from clinic.domain.i18n import N_
from clinic.storage import crypto
from clinic.storage.postgres_target import OfficeError

CA_CERTIFICATE = "ca.pem"
CA_KEY = "ca.key"
SERVER_CERTIFICATE = "server.crt"
SERVER_KEY = "server.key"
FILE_NAMES = (CA_CERTIFICATE, CA_KEY, SERVER_CERTIFICATE, SERVER_KEY)

CA_DAYS = 3650  # ten years: the CA is given to every laptop once
SERVER_DAYS = 825  # the longest validity clients such as Apple's accept for a TLS server
MAX_SERVER_DAYS = 825

_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")


@dataclass(frozen=True)
class Hosts:
    """The server's names and addresses, as they go into the certificate (order kept)."""

    dns_names: list[str]
    ip_addresses: list[ipaddress.IPv4Address | ipaddress.IPv6Address]

    def shown(self) -> list[str]:
        return [*self.dns_names, *(str(address) for address in self.ip_addresses)]


@dataclass(frozen=True)
class MadeCertificates:
    """Where each file was written, and until when the certificates are valid."""

    folder: Path
    ca_certificate: Path
    ca_key: Path
    server_certificate: Path
    server_key: Path
    hosts: Hosts
    ca_not_after: dt.datetime
    server_not_after: dt.datetime


def parse_hosts(values: list[str]) -> Hosts:
    """Each value a DNS name (``office-server.local``) or an IP address (``192.168.1.10``);
    anything else (a URL, a port, a wildcard, an empty value) is refused, naming it."""
    if not values:
        raise OfficeError(
            N_(
                "Give the server's name or address with --host (once for each name and each "
                "address the laptops will use, e.g. --host office-server.local --host "
                "192.168.1.10)."
            )
        )
    dns_names: list[str] = []
    addresses: list[ipaddress.IPv4Address | ipaddress.IPv6Address] = []
    for value in values:
        text = value.strip()
        address = None
        with contextlib.suppress(ValueError):
            address = ipaddress.ip_address(text.removeprefix("[").removesuffix("]"))
        if address is not None:
            if address not in addresses:
                addresses.append(address)
            continue
        name = text.rstrip(".").lower()
        if len(name) > 253 or not name or not all(_LABEL.match(p) for p in name.split(".")):
            raise OfficeError(
                N_(
                    "'{host}' is not a server name or IP address. Give only the name (such "
                    "as office-server.local) or the address (such as 192.168.1.10) the laptops "
                    "connect to: no postgresql://, no port, no * wildcard, letters, digits and "
                    "hyphens only."
                ),
                host=value,
            )
        if name not in dns_names:
            dns_names.append(name)
    return Hosts(dns_names=dns_names, ip_addresses=addresses)


def check_days(days: int) -> int:
    if not 1 <= days <= MAX_SERVER_DAYS:
        raise OfficeError(
            N_(
                "The server certificate's validity must be 1 to {most} days (--days); {days} "
                "was given."
            ),
            most=MAX_SERVER_DAYS,
            days=days,
        )
    return days


def make_certificates(
    folder: Path,
    hosts: Hosts,
    *,
    server_days: int = SERVER_DAYS,
    ca_days: int = CA_DAYS,
    now: dt.datetime | None = None,
) -> MadeCertificates:
    """Write ca.pem, ca.key (0600), server.crt and server.key (0600) into ``folder`` (made,
    owner-only, when missing). Refused, with nothing written, when any of them exists."""
    check_days(server_days)
    if folder.exists() and not folder.is_dir():
        raise OfficeError(N_("{path} is a file, not a folder."), path=folder)
    paths = {name: folder / name for name in FILE_NAMES}
    _refuse_existing(paths)
    issued = crypto.issue_server_tls(
        ca_name=f"Clinic CA for {hosts.shown()[0]}",
        dns_names=hosts.dns_names,
        ip_addresses=hosts.ip_addresses,
        ca_days=ca_days,
        server_days=server_days,
        now=now,
    )
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    contents = {
        CA_CERTIFICATE: (issued.ca_certificate, 0o644),
        CA_KEY: (issued.ca_key, 0o600),
        SERVER_CERTIFICATE: (issued.server_certificate, 0o644),
        SERVER_KEY: (issued.server_key, 0o600),
    }
    _write_all(folder, paths, contents)
    return MadeCertificates(
        folder=folder,
        ca_certificate=paths[CA_CERTIFICATE],
        ca_key=paths[CA_KEY],
        server_certificate=paths[SERVER_CERTIFICATE],
        server_key=paths[SERVER_KEY],
        hosts=hosts,
        ca_not_after=issued.ca_not_after,
        server_not_after=issued.server_not_after,
    )


def _refuse_existing(paths: dict[str, Path]) -> None:
    """Refused, naming every one, when any of the files (or a link by its name) exists."""
    existing = [str(path) for path in paths.values() if path.exists() or path.is_symlink()]
    if existing:
        raise OfficeError(
            N_(
                "Nothing was written: {files} already exist. Clinic never overwrites "
                "certificates or keys (laptops may trust them). Choose another --out folder, "
                "or move those files away first."
            ),
            files=", ".join(existing),
        )


def _write_all(
    folder: Path, paths: dict[str, Path], contents: dict[str, tuple[bytes, int]]
) -> None:
    """Each file written new with its mode; on any failure the ones already written are
    removed again."""
    written: list[Path] = []
    try:
        for name, (data, mode) in contents.items():
            _write_new(paths[name], data, mode)
            written.append(paths[name])
    except FileExistsError as exc:
        _remove(written)
        raise OfficeError(
            N_("Nothing was written: {files} appeared meanwhile. Run the command again."),
            files=exc.filename or "",
        ) from exc
    except OSError as exc:
        _remove(written)
        raise OfficeError(
            N_("The certificates could not be written in {folder}: {reason}"),
            folder=folder,
            reason=exc.strerror or str(exc),
        ) from exc


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """Created, never replaced (O_EXCL), with its mode from the start (no moment readable by
    others), then flushed to disk."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, mode)
    try:
        if hasattr(os, "fchmod"):  # the mode as given, whatever the umask
            os.fchmod(descriptor, mode)
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
