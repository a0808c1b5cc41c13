"""Office mode's engine: the clinic's PostgreSQL server through SQLAlchemy 2 and psycopg 3
(``postgresql+psycopg``), with the same models and services as a laptop store.

Transport rules (docs/office.md): TLS with ``sslmode=verify-full`` against the clinic's CA for
every server reached over the network. A plain or unverified connection is refused before any
packet is sent, except to a unix socket or a loopback address (a server on this computer, as in
the tests). The password is handed to libpq apart from the URL, so it is never in a URL that
might be logged, and SQLAlchemy hides statement parameters.

Identity is the database's: each staff member logs in with their own PostgreSQL role, and the
audit trail's "who" is that role, written by the server (see ``postgres_server.py``).
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, ExceptionContext
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from clinic.domain.i18n import N_
from clinic.storage.audit_log import AuditReport, verify_entries
from clinic.storage.errors import CannotUnlock, StoreBusy, StoreError

_log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 10
# The office database names itself in its comment (set by 'clinic server init').
DATABASE_MARK = "clinic office database "
_UNVERIFIED_MODES = frozenset({"disable", "allow", "prefer", "require", "verify-ca"})
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


class OfficeError(StoreError):
    """Something about the office server or the connection to it, said plainly."""

    exit_code = 3


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
                "({host}) is the real one. Give it with --ca FILE (the administrator got it "
                "from 'clinic server init')."
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
    return OfficeError(
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
    if "certificate" in lowered or "ssl" in lowered:
        return OfficeError(
            N_(
                "The office server's certificate could not be checked against the clinic's CA "
                "({ca}): this may not be the clinic's server, or the CA file is the wrong one. "
                "Nothing was sent. Ask the administrator for the right CA file."
            ),
            ca=target.ca_file or "-",
        )
    if "role" in lowered and "does not exist" in lowered:
        return _wrong_login(target)
    if "connection refused" in lowered or "timeout" in lowered or "could not translate" in lowered:
        return OfficeError(
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


def create_office_engine(
    target: OfficeTarget, password: str | None, *, pool_size: int = 2, max_overflow: int = 4
) -> Engine:
    """An engine for ``target``; the password lives only in the pool's connect arguments."""
    check_transport(target)
    engine = create_engine(
        target.sqlalchemy_url(),
        connect_args=target.connect_args(password),
        hide_parameters=True,
        echo=False,
        pool_pre_ping=True,  # a server restart or a dropped network: reconnect by itself
        pool_size=pool_size,
        max_overflow=max_overflow,
    )

    @event.listens_for(engine, "handle_error")
    def _explain(context: ExceptionContext) -> None:
        error = explain_connect_error(context.original_exception, target)
        if error is not None and context.connection is None:
            raise error from None
        sqlstate = getattr(context.original_exception, "sqlstate", None)
        if sqlstate in {"40001", "40P01", "55P03"}:
            raise StoreBusy() from None

    return engine


def connect_once(target: OfficeTarget, password: str | None) -> Engine:
    """An engine that has been proved to connect (a wrong password or an untrusted server is
    reported here, in words, not at the first save)."""
    engine = create_office_engine(target, password)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OfficeError:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        explained = explain_connect_error(exc, target)
        if explained is not None:
            raise explained from None
        raise
    return engine


@dataclass(frozen=True)
class OfficeMeta:
    """What services read from ``store.meta``: the office database's own id."""

    store_id: str


class OfficeStore:
    """An office database opened as one staff member: the same ``unit_of_work`` as a laptop
    store, the actor being the login role (the server writes it into the audit trail)."""

    read_only = False
    copy_check = None
    upgrade_note: str | None = None

    def __init__(self, target: OfficeTarget, engine: Engine, store_id: str) -> None:
        self.target = target
        self.meta = OfficeMeta(store_id)
        self.actor = target.user
        self._engine: Engine | None = engine
        from clinic.storage.postgres_vault import OfficeVault  # noqa: PLC0415

        self.vault = OfficeVault(engine)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise CannotUnlock(N_("The store is locked; unlock it again."))
        return self._engine

    @property
    def locked(self) -> bool:
        return self._engine is None

    @contextlib.contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One user action, one transaction: committed whole or not at all."""
        session = Session(self.engine, expire_on_commit=False, autoflush=True)
        try:
            yield session
            session.commit()
        except BaseException:
            with contextlib.suppress(DBAPIError):
                session.rollback()
            raise
        finally:
            session.close()

    def verify_server_chain(self) -> AuditReport:
        """The hash chain the server wrote, read in one statement (one snapshot). There is no
        head outside the database to compare with: the server is the one copy, and putting an
        older dump back is the server administrator's act (docs/office.md)."""
        with self.unit_of_work() as session:
            count, breaks, _hashes = verify_entries(session)
        return AuditReport(entries=count, breaks=breaks, head_problem=None)

    def lock(self) -> None:
        """Close every connection; the password is dropped with the pool."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def read_store_id(engine: Engine) -> str | None:
    """The id 'clinic server init' wrote into the database's comment, if it is one."""
    with engine.connect() as connection:
        comment = connection.execute(
            text(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                "WHERE datname = current_database()"
            )
        ).scalar()
    if isinstance(comment, str) and comment.startswith(DATABASE_MARK):
        return comment.removeprefix(DATABASE_MARK).strip()
    return None


def open_office_store(target: OfficeTarget, password: str | None) -> OfficeStore:
    """Connect as ``target.user`` and check the database was set up by 'clinic server init'
    at this version's schema."""
    from clinic.storage import migrate  # noqa: PLC0415

    engine = connect_once(target, password)
    try:
        store_id = read_store_id(engine)
        if store_id is None:
            raise OfficeError(
                N_(
                    "The database '{database}' on {host} was not set up for Clinic. The "
                    "administrator sets it up with 'clinic server init'."
                ),
                database=target.database,
                host=target.host,
            )
        if migrate.pending(engine):
            raise OfficeError(
                N_(
                    "The office database is at an older version of Clinic's records. The "
                    "administrator brings it up to date with 'clinic server init' (it upgrades "
                    "an existing Clinic database)."
                )
            )
    except BaseException:
        engine.dispose()
        raise
    return OfficeStore(target, engine, store_id)
