"""Office mode's engine: the clinic's PostgreSQL server through SQLAlchemy 2 and psycopg 3
(``postgresql+psycopg``), with the same models and services as a laptop store.

Transport rules (docs/office.md): TLS with ``sslmode=verify-full`` against the clinic's CA for
every server reached over the network. A plain or unverified connection is refused before any
packet is sent, except to a unix socket or a loopback address (a server on this computer, as in
the tests). The password is handed to libpq apart from the URL, so it is never in a URL that
might be logged, and SQLAlchemy hides statement parameters.

Identity is the database's: each staff member logs in with their own PostgreSQL role, and the
audit trail's "who" is that role, written by the server (see ``postgres_server.py``). The target
and the transport rules are :mod:`clinic.storage.postgres_target`, importable from here as before.
"""

from __future__ import annotations

import contextlib
import logging
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from clinic.domain.i18n import N_
from clinic.storage.audit_log import AuditReport, verify_entries
from clinic.storage.errors import ConnectionLost, NotPermitted, StoreBusy
from clinic.storage.postgres_notify import ChangeListener, Notice, OwnConnections
from clinic.storage.postgres_target import (
    CONNECT_TIMEOUT_S,
    OfficeError,
    OfficeTarget,
    check_transport,
    explain_connect_error,
    is_local_host,
    parse_target,
)
from clinic.storage.unit_of_work import EngineHolder, unit_of_work

__all__ = [
    "CONNECT_TIMEOUT_S",
    "DATABASE_MARK",
    "OfficeError",
    "OfficeMeta",
    "OfficeStore",
    "OfficeTarget",
    "check_transport",
    "connect_once",
    "create_office_engine",
    "explain_connect_error",
    "is_local_host",
    "open_office_store",
    "parse_target",
    "read_store_id",
]

_log = logging.getLogger(__name__)

# The office database names itself in its comment (set by 'clinic server init').
DATABASE_MARK = "clinic office database "


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
        if context.is_pre_ping:  # a dead pooled connection: the pool simply connects again
            return
        error = explain_connect_error(context.original_exception, target)
        if error is not None and context.connection is None:
            raise error from None
        sqlstate = getattr(context.original_exception, "sqlstate", None)
        if sqlstate in {"40001", "40P01", "55P03"}:
            raise StoreBusy() from None
        if sqlstate == "42501":  # insufficient_privilege: this login's role may not do it
            raise NotPermitted() from None
        if context.is_disconnect and context.connection is not None:
            # The connection broke under an action: its transaction was not committed (or,
            # broken at the commit itself, the server committed all of it or none of it). The
            # pool drops the connection (SQLAlchemy invalidates it) and connects again at the
            # next action (pre-ping).
            if context.statement is None:  # the commit (or rollback), not a statement
                raise ConnectionLost.at_commit() from None
            raise ConnectionLost() from None

    _OWN[engine] = OwnConnections(engine)  # before the first connection is made
    return engine


_OWN: weakref.WeakKeyDictionary[Engine, OwnConnections] = weakref.WeakKeyDictionary()


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


class OfficeStore(EngineHolder):
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
        self._listeners: list[ChangeListener] = []

    @contextlib.contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One user action, one transaction: committed whole or not at all."""
        with unit_of_work(self.engine, quiet_rollback=(DBAPIError, ConnectionLost)) as session:
            yield session

    def verify_server_chain(self) -> AuditReport:
        """The hash chain the server wrote, read in one statement (one snapshot). There is no
        head outside the database to compare with: the server is the one copy, and putting an
        older dump back is the server administrator's act (docs/office.md)."""
        with self.unit_of_work() as session:
            count, breaks, _hashes = verify_entries(session)
        return AuditReport(entries=count, breaks=breaks, head_problem=None)

    def listen_for_changes(
        self, on_notice: Callable[[Notice], None], on_state: Callable[[bool], None]
    ) -> ChangeListener:
        """Hear other windows' committed changes on a connection of this store's own (see
        :mod:`clinic.storage.postgres_notify`); stopped when the store locks."""
        engine = self.engine
        listener = ChangeListener(engine, _OWN.get(engine), on_notice, on_state)
        self._listeners = [kept for kept in self._listeners if kept.running]
        self._listeners.append(listener)
        return listener.start()

    def lock(self) -> None:
        """Close every connection; the password is dropped with the pool."""
        listeners, self._listeners = self._listeners, []
        for listener in listeners:  # their connection first: it is outside the pool
            listener.stop()
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
