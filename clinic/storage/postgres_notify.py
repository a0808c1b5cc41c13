"""Office mode: every committed change is announced to the other windows (LISTEN/NOTIFY).

**The server announces.** ``clinic server init`` puts three statement-level triggers
(``AFTER INSERT``, ``UPDATE``, ``DELETE``, with transition tables) on every table that holds
records. Each statement that changed rows calls ``pg_notify('clinic_changes', payload)`` inside
the writer's own transaction, so PostgreSQL delivers it only if that transaction commits (a
rolled-back save announces nothing), and identical payloads of one transaction are delivered
once. The payload says *what* changed, never a value: a JSON object of entity kinds (the
services' :class:`~clinic.services.results.Entity` values) and their ids, for example
``{"case": [12], "hearing": [40]}``; a statement that touched more than :data:`MAX_IDS` rows of
a kind says ``{"case": null}`` (every case). No names, no dates, nothing typed; a volunteer's
window may learn that case 12 changed, not what it holds. Tables the window never shows (the
audit trail, the login links, the evidence blobs, Alembic's version) announce nothing.

**The window listens** on a connection of its own (:class:`ChangeListener`): psycopg 3's
``notifies()`` in a thread, never on the GUI thread, waking every :data:`POLL_S` to see whether
it was stopped. It leaves out its own window's writes (the backend pids of the store's pool
connections, :meth:`OwnConnections.pids`), reconnects after a dropped connection, and says
whether the server can be reached (``on_state``). The listener is closed when the store locks,
with the engine.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, event, text

from clinic.storage.models import Base

log = logging.getLogger(__name__)

CHANNEL = "clinic_changes"
MAX_IDS = 200  # more rows of a kind in one statement: announced as "every one of that kind"
POLL_S = 0.5  # how often the listening thread looks whether it was stopped
PROBE_S = 10.0  # a quiet connection is checked this often (a dropped network is noticed)
RETRY_S = (1.0, 2.0, 5.0, 10.0)  # waits between reconnection attempts, then every 10 s

# Tables whose changes nobody needs to hear about: the trail, logins, blobs, Alembic.
SILENT = frozenset(
    {"audit_entry", "alembic_version", "office_login", "office_blob", "office_blob_chunk"}
)

# table -> (entity kind, column) pairs announced for its rows; the column "" means id 0.
_SPECIAL: dict[str, tuple[tuple[str, str], ...]] = {
    "client": (("client", "id"),),
    "staff": (("staff", "id"),),
    "setting": (("settings", ""),),
    "asylum_case": (("case", "id"), ("client", "client_id")),
    "evidence_item": (("case", "case_id"), ("evidence", "id")),
    "evidence_file": (("evidence", "evidence_id"), ("evidence_file", "id")),
    "hearing": (("case", "case_id"), ("hearing", "id")),
    "deadline": (("case", "case_id"), ("deadline", "id")),
    "family_member": (("client", "client_id"), ("family_member", "id")),
    "client_address": (("client", "client_id"), ("client_address", "id")),
    "adverse_party": (("client", "client_id"), ("adverse_party", "id")),
}

_FUNCTION = """
CREATE OR REPLACE FUNCTION clinic_notify_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $fn$
DECLARE
    pair text;
    kind text;
    col text;
    ids jsonb;
    how_many bigint;
    payload jsonb := '{}'::jsonb;
    source text;
BEGIN
    source := CASE TG_OP
        WHEN 'UPDATE' THEN
            '(SELECT * FROM clinic_new_rows UNION ALL SELECT * FROM clinic_old_rows) AS r'
        WHEN 'DELETE' THEN 'clinic_old_rows AS r'
        ELSE 'clinic_new_rows AS r' END;
    FOREACH pair IN ARRAY TG_ARGV LOOP
        kind := split_part(pair, ':', 1);
        col := split_part(pair, ':', 2);
        IF col = '' THEN
            ids := '[0]'::jsonb;
        ELSE
            EXECUTE format(
                'SELECT count(DISTINCT %1$I), jsonb_agg(DISTINCT %1$I) FROM %2$s '
                'WHERE %1$I IS NOT NULL', col, source)
                INTO how_many, ids;
            IF how_many = 0 THEN
                CONTINUE;
            ELSIF how_many > MAX_IDS THEN
                ids := 'null'::jsonb;
            END IF;
        END IF;
        payload := payload || jsonb_build_object(kind, ids);
    END LOOP;
    IF payload <> '{}'::jsonb THEN
        PERFORM pg_notify('CHANNEL', payload::text);
    END IF;
    RETURN NULL;
END $fn$
""".replace("MAX_IDS", str(MAX_IDS)).replace("CHANNEL", CHANNEL)


def announced(table: str, columns: set[str]) -> tuple[tuple[str, str], ...]:
    """What a change of ``table``'s rows announces: (entity kind, column) pairs."""
    if table in SILENT:
        return ()
    if table in _SPECIAL:
        return _SPECIAL[table]
    pairs = [
        (name.removesuffix("_id"), name) for name in ("case_id", "client_id") if name in columns
    ]
    return tuple(pairs)


def install_change_notifications(connection: Connection) -> None:
    """The function and every table's triggers, from scratch (idempotent; run as the tables'
    owner by ``clinic server init``, after the migrations)."""
    connection.execute(text(_FUNCTION))
    for table in Base.metadata.sorted_tables:
        pairs = announced(table.name, set(table.columns.keys()))
        quoted = '"' + table.name.replace('"', '""') + '"'
        for operation, referencing in (
            ("INSERT", "NEW TABLE AS clinic_new_rows"),
            ("UPDATE", "NEW TABLE AS clinic_new_rows OLD TABLE AS clinic_old_rows"),
            ("DELETE", "OLD TABLE AS clinic_old_rows"),
        ):
            name = f"clinic_notify_{operation.lower()}"
            connection.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {quoted}"))
            if not pairs:
                continue
            arguments = ", ".join(f"'{kind}:{column}'" for kind, column in pairs)
            connection.execute(
                text(
                    f"CREATE TRIGGER {name} AFTER {operation} ON {quoted} "
                    f"REFERENCING {referencing} FOR EACH STATEMENT "
                    f"EXECUTE FUNCTION clinic_notify_change({arguments})"
                )
            )


@dataclass(frozen=True)
class Notice:
    """What one announcement says changed: (entity kind, id) pairs, and the kinds of which
    too many rows changed to list (``every``)."""

    touched: frozenset[tuple[str, int]]
    every: frozenset[str] = frozenset()


def read_payload(payload: str) -> Notice | None:
    """The announcement's payload read back; None when it is not one of ours."""
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    touched: set[tuple[str, int]] = set()
    every: set[str] = set()
    for kind, ids in data.items():
        if ids is None:
            every.add(str(kind))
        elif isinstance(ids, list):
            touched.update((str(kind), int(i)) for i in ids if isinstance(i, int))
    return Notice(frozenset(touched), frozenset(every))


class OwnConnections:
    """The server-side process ids of one engine's pooled connections: what this window
    announced itself (it refreshed already, from the service's own ``Changes``)."""

    def __init__(self, engine: Engine) -> None:
        self._pids: set[int] = set()
        self._lock = threading.Lock()
        event.listen(engine, "connect", self._connected)
        event.listen(engine, "close", self._closed)
        event.listen(engine, "close_detached", self._closed_detached)

    def _connected(self, dbapi_connection: Any, _record: Any) -> None:
        pid = _backend_pid(dbapi_connection)
        if pid is not None:
            with self._lock:
                self._pids.add(pid)

    def _closed(self, dbapi_connection: Any, _record: Any) -> None:
        self._closed_detached(dbapi_connection)

    def _closed_detached(self, dbapi_connection: Any) -> None:
        pid = _backend_pid(dbapi_connection)
        if pid is not None:
            with self._lock:
                self._pids.discard(pid)

    def pids(self) -> frozenset[int]:
        with self._lock:
            return frozenset(self._pids)


def _backend_pid(dbapi_connection: Any) -> int | None:
    with contextlib.suppress(Exception):  # a closed or broken connection has none
        return int(dbapi_connection.info.backend_pid) or None
    return None


class ChangeListener:
    """Listens for other windows' committed changes on a connection of its own, in a thread.

    ``on_notice`` and ``on_state`` are called **in the listening thread** (the window hands
    them to its own thread). ``on_state(True)`` once listening (again), ``on_state(False)``
    when the connection was lost or cannot be made; it then tries again by itself."""

    def __init__(
        self,
        engine: Engine,
        own: OwnConnections | None,
        on_notice: Callable[[Notice], None],
        on_state: Callable[[bool], None],
    ) -> None:
        self._engine = engine
        self._own = own
        self._on_notice = on_notice
        self._on_state = on_state
        self._stopped = threading.Event()
        self._probe = threading.Event()
        self._thread = threading.Thread(target=self._run, name="clinic-changes", daemon=True)
        self._connected: bool | None = None

    def start(self) -> ChangeListener:
        self._thread.start()
        return self

    def stop(self, timeout: float = 2 * POLL_S) -> None:
        """Stop listening and close the connection (waits at most ``timeout``; a thread still
        connecting closes its connection itself when it gets one)."""
        self._stopped.set()
        self._probe.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    def probe(self) -> None:
        """Check the connection now (an action just found the server unreachable)."""
        self._probe.set()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _state(self, connected: bool, *, asked: bool = False) -> None:
        """Report a change of state (and, when a probe was ``asked`` for, the state anyway)."""
        if asked or self._connected is not connected:
            self._connected = connected
            with contextlib.suppress(Exception):
                self._on_state(connected)

    def _run(self) -> None:
        attempt = 0
        while not self._stopped.is_set():
            try:
                self._listen()
                attempt = 0
            except Exception as exc:  # any failure: say so, then try again
                if self._stopped.is_set():
                    return
                log.info("the change listener lost its connection: %s", type(exc).__name__)
                self._state(False)
            wait = RETRY_S[min(attempt, len(RETRY_S) - 1)]
            attempt += 1
            self._probe.clear()
            if self._stopped.is_set():
                return
            self._probe.wait(wait)  # a probe (or stop) tries again at once

    def _listen(self) -> None:
        proxied = self._engine.raw_connection()
        try:
            connection = proxied.driver_connection  # psycopg's (read before detaching)
            proxied.detach()  # its own connection, outside the pool (closed below)
            if self._stopped.is_set() or connection is None:
                return
            connection.autocommit = True
            connection.execute(f"LISTEN {CHANNEL}")
            self._state(True)
            quiet = 0.0
            while not self._stopped.is_set():
                got = False
                for notify in connection.notifies(timeout=POLL_S):
                    got = True
                    self._deliver(notify.pid, notify.payload)
                quiet = 0.0 if got else quiet + POLL_S
                if quiet >= PROBE_S or self._probe.is_set():
                    asked = self._probe.is_set()
                    self._probe.clear()
                    connection.execute("SELECT 1")  # a dropped connection raises here
                    self._state(True, asked=asked and not self._stopped.is_set())
                    quiet = 0.0
        finally:
            with contextlib.suppress(Exception):
                proxied.close()

    def _deliver(self, pid: int, payload: str) -> None:
        if self._own is not None and pid in self._own.pids():
            return  # this window's own save: it refreshed already
        notice = read_payload(payload)
        if notice is not None:
            with contextlib.suppress(Exception):
                self._on_notice(notice)
