"""Where the office database is and how it may be reached: the target (host, port, database,
user, TLS settings; never a password), the transport rules applied to it before any packet is
sent, and our words for the errors people meet when connecting (see docs/office.md).
"""

from __future__ import annotations

import contextlib
import ipaddress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from sqlalchemy.engine import URL

from clinic.domain.i18n import N_
from clinic.storage.errors import ConnectionLost, StoreError

CONNECT_TIMEOUT_S = 10
_UNVERIFIED_MODES = frozenset({"disable", "allow", "prefer", "require", "verify-ca"})
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


class OfficeError(StoreError):
    """Something about the office server or the connection to it, said plainly."""

    exit_code = 3


class ServerUnreachable(OfficeError, ConnectionLost):
    """No connection to the office server could be made (network, server down or restarting):
    said in the server's words, and, during an action, nothing of it was written."""

    code = "server_unreachable"


# libpq's words for a server that is not there (or not taking connections just now)
_UNREACHABLE = (
    "connection refused",
    "timeout",
    "timed out",
    "could not translate",
    "no route to host",
    "network is unreachable",
    "the database system is shutting down",
    "the database system is starting up",
    "the database system is in recovery mode",
    "server closed the connection unexpectedly",
    "could not receive data from server",
    "connection reset",
    "is not currently accepting connections",
)


class WrongLogin(OfficeError):
    """The server refused the user name with that password (wrong, expired or unknown: the
    server does not say which)."""


@dataclass(frozen=True)
class OfficeTarget:
    """Where the office database is, without any password: host (or socket folder), port,
    database, user, and the TLS settings libpq will use."""

    host: str
    port: int
    database: str
    user: str
    sslmode: str
    ca_file: Path | None

    @property
    def local(self) -> bool:
        return is_local_host(self.host)

    def display(self) -> str:
        """The target as a URL without password (safe to print and to save)."""
        host = quote(self.host, safe="") if self.host.startswith("/") else self.host
        query = {"sslmode": self.sslmode}
        if self.ca_file is not None:
            query["sslrootcert"] = str(self.ca_file)
        user = f"{quote(self.user, safe='')}@" if self.user else ""
        return f"postgresql://{user}{host}:{self.port}/{self.database}?{urlencode(query)}"

    def sqlalchemy_url(self) -> URL:
        return URL.create(
            "postgresql+psycopg",
            username=self.user or None,
            host=None if self.host.startswith("/") else self.host,
            port=self.port,
            database=self.database,
        )

    def connect_args(self, password: str | None) -> dict[str, Any]:
        args: dict[str, Any] = {
            "sslmode": self.sslmode,
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": "clinic",
        }
        if self.host.startswith("/"):
            args["host"] = self.host
        if self.ca_file is not None:
            args["sslrootcert"] = str(self.ca_file)
        if password is not None:
            args["password"] = password
        # A dropped network is noticed in seconds, not at the system's TCP timeout (hours):
        # the action fails plainly and the pool connects again at the next one.
        args.update(keepalives=1, keepalives_idle=10, keepalives_interval=5, keepalives_count=3)
        args["tcp_user_timeout"] = 20_000  # ms: data sent and never acknowledged
        return args


def is_local_host(host: str) -> bool:
    """A unix socket folder, ``localhost`` or a loopback address: this computer only."""
    if host.startswith("/") or host.lower() in _LOOPBACK_NAMES:
        return True
    with contextlib.suppress(ValueError):
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    return False


def parse_target(url: str, *, user: str | None = None, ca_file: Path | None = None) -> OfficeTarget:
    """Read a ``postgresql://`` URL and apply the transport rules; a password in the URL is
    refused (it would end up in shell history and settings files)."""
    parts = urlsplit(url)
    if parts.scheme not in {"postgresql", "postgres", "postgresql+psycopg"}:
        raise OfficeError(
            N_(
                "'{url}' is not a PostgreSQL address. Give it as "
                "postgresql://SERVER:5432/DATABASE (the clinic's administrator has it)."
            ),
            url=_without_password(url),
        )
    if parts.password is not None:
        raise OfficeError(
            N_(
                "The address contains a password. Give the address without it; Clinic asks "
                "for the password and keeps it only in the keychain or a passphrase-protected "
                "file."
            )
        )
    query = dict(parse_qsl(parts.query))
    host = unquote(parts.hostname or query.get("host", "") or "")
    if not host:
        raise OfficeError(N_("The address names no server. Give postgresql://SERVER/DATABASE."))
    database = unquote(parts.path.lstrip("/")) or query.get("dbname", "")
    if not database:
        raise OfficeError(N_("The address names no database. Give postgresql://SERVER/DATABASE."))
    name = user or unquote(parts.username or "") or query.get("user", "")
    ca_text = query.get("sslrootcert")
    ca = ca_file if ca_file is not None else (Path(ca_text) if ca_text else None)
    sslmode = query.get(
        "sslmode", "verify-full" if ca is not None or not is_local_host(host) else "prefer"
    )
    target = OfficeTarget(
        host=host,
        port=int(parts.port or query.get("port") or 5432),
        database=database,
        user=name,
        sslmode=sslmode,
        ca_file=ca,
    )
    check_transport(target)
    return target


def check_transport(target: OfficeTarget) -> None:
    """Refuse, before connecting, anything but verified TLS to a server on the network."""
    if target.local:
        return
    if target.sslmode in _UNVERIFIED_MODES:
        raise OfficeError(
            N_(
                "Clinic connects to the office server only over TLS with its certificate "
                "checked (sslmode=verify-full); '{mode}' would let someone on the network read "
                "or change client records. Remove sslmode from the address and give the "
                "clinic's CA certificate with --ca."
            ),
            mode=target.sslmode,
        )
    if target.sslmode != "verify-full":
        raise OfficeError(N_("Unknown sslmode '{mode}'."), mode=target.sslmode)
    if target.ca_file is None:
        raise OfficeError(
            N_(
                "The clinic's CA certificate is needed to check the office server "
                "({host}) is the real one. Give it with --ca FILE (ca.pem from the "
                "administrator, who made it with 'clinic server make-certificates')."
            ),
            host=target.host,
        )
    if not target.ca_file.is_file():
        raise OfficeError(
            N_("The CA certificate file {path} does not exist or cannot be read."),
            path=target.ca_file,
        )


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return parts._replace(netloc=netloc).geturl()


def _wrong_login(target: OfficeTarget) -> OfficeError:
    return WrongLogin(
        N_(
            "The office server did not accept the user name '{user}' with that password. "
            "Check the password (Caps Lock, keyboard layout) and try again; if it expired "
            "or is lost, ask the clinic's administrator for a new first password."
        ),
        user=target.user,
    )


def explain_connect_error(  # noqa: PLR0911 - one answer per kind of failure
    exc: BaseException, target: OfficeTarget
) -> OfficeError | None:
    """Our words for the errors people meet when connecting; ``None`` for anything else."""
    message = str(getattr(exc, "orig", None) or exc)
    lowered = message.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return _wrong_login(target)
    refused = _tls_refusal(lowered, target)
    if refused is not None:
        return refused
    if "role" in lowered and "does not exist" in lowered:
        return _wrong_login(target)
    if any(words in lowered for words in _UNREACHABLE):
        return ServerUnreachable(
            N_(
                "The office server at {host} port {port} cannot be reached. Check the network "
                "connection (and that you are in the office or on its VPN), then try again. "
                "Nothing was changed."
            ),
            host=target.host,
            port=target.port,
        )
    if "database" in lowered and "does not exist" in lowered:
        return OfficeError(
            N_("The office server has no database named '{database}'. Check the address."),
            database=target.database,
        )
    if "permission denied for database" in lowered or "not permitted to log in" in lowered:
        return OfficeError(
            N_(
                "The user '{user}' may not use this office database (the account may have "
                "been disabled). Ask the clinic's administrator."
            ),
            user=target.user,
        )
    return None


def _tls_refusal(lowered: str, target: OfficeTarget) -> OfficeError | None:
    """Our words for a connection TLS refused: not encrypted, a certificate made out to another
    name, or one the clinic's CA did not sign; ``None`` when TLS is not the reason."""
    if "no encryption" in lowered or "ssl is not enabled" in lowered or "sslmode" in lowered:
        return OfficeError(
            N_(
                "The office server at {host} refused the connection because it was not "
                "encrypted, or the server does not offer TLS. Connect with TLS "
                "(sslmode=verify-full and the clinic's CA); ask the administrator if the "
                "server has no certificate yet."
            ),
            host=target.host,
        )
    if "does not match host name" in lowered:
        return OfficeError(
            N_(
                "The office server's certificate is not made out to {host}. Nothing was sent. "
                "Connect with a name or address the certificate holds (those given with --host "
                "to 'clinic server make-certificates'), or, if this really is the clinic's "
                "server, ask the administrator to make it a certificate that includes {host}."
            ),
            host=target.host,
        )
    if "certificate" in lowered or "ssl" in lowered:
        return OfficeError(
            N_(
                "The office server's certificate could not be checked against the clinic's CA "
                "({ca}): this may not be the clinic's server, or the CA file is the wrong one. "
                "Nothing was sent. Ask the administrator for the right CA file."
            ),
            ca=target.ca_file or "-",
        )
    return None
