"""Working together in office mode, against the tests' real PostgreSQL server: one window's
committed change reaches another window's listener within 2 s (LISTEN/NOTIFY), with ids and
kinds only; a rolled-back save announces nothing; a window does not hear itself; the listener
reconnects after its connection was dropped and closes when the store locks. A connection that
breaks during a save is ConnectionLost: nothing written, and the next save works."""

from __future__ import annotations

import json
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import psycopg
import pytest
from sqlalchemy import func, select

from clinic.domain.drafts import CaseDraft, ClientDraft
from clinic.domain.enums import ClaimType
from clinic.domain.ids import CaseId, ClientId
from clinic.services import cases, clients, colleagues, notes
from clinic.services.errors import ErrorKind, reason_of
from clinic.services.results import Changes, Entity
from clinic.storage.errors import ConnectionLost
from clinic.storage.models import Note
from clinic.storage.postgres import OfficeStore, open_office_store
from clinic.storage.postgres_notify import CHANNEL
from tests.office import pg_cluster as clusters
from tests.office.pg_cluster import Cluster

TODAY = date(2026, 12, 7)
WITHIN_S = 2.0


@dataclass
class TwoWindows:
    cluster: Cluster
    database: str
    mine: OfficeStore  # the window that writes
    theirs: OfficeStore  # a colleague's window, listening

    def superuser(self) -> psycopg.Connection:
        return psycopg.connect(self.cluster.conninfo(self.database), autocommit=True)


@pytest.fixture
def windows(pg_cluster: Cluster) -> Iterator[TwoWindows]:
    template = clusters.office_template(pg_cluster)
    database = clusters.new_office_database(template)
    target = clusters.tester_target(pg_cluster, database)
    mine = open_office_store(target, template.tester_password)
    theirs = open_office_store(target, template.tester_password)
    try:
        yield TwoWindows(pg_cluster, database, mine, theirs)
    finally:
        mine.lock()
        theirs.lock()
        clusters.drop_database(pg_cluster, database)


class Heard:
    """What a listener reported, as the window's thread would receive it."""

    def __init__(self) -> None:
        self.changes: queue.Queue[Changes] = queue.Queue()
        self.states: queue.Queue[bool] = queue.Queue()

    def next_changes(self, within: float = WITHIN_S) -> Changes:
        return self.changes.get(timeout=within)

    def next_state(self, within: float) -> bool:
        return self.states.get(timeout=within)

    def until(self, *wanted: tuple[Entity, int], within: float = WITHIN_S) -> Changes:
        """Everything heard until ``wanted`` was (a save may be announced in several parts)."""
        ends = time.monotonic() + within
        got = Changes()
        while not set(wanted) <= got.touched:
            got = got | self.changes.get(timeout=max(0.0, ends - time.monotonic()))
        return got

    def nothing_for(self, seconds: float) -> bool:
        try:
            self.changes.get(timeout=seconds)
        except queue.Empty:
            return True
        return False


def listening(store: OfficeStore) -> tuple[Heard, colleagues.Listening]:
    heard = Heard()
    listener = colleagues.listen(store, heard.changes.put, heard.states.put)  # type: ignore[arg-type]
    assert listener is not None
    assert heard.next_state(10.0) is True  # listening before anything is written
    return heard, listener


def new_case(store: OfficeStore) -> tuple[ClientId, CaseId]:
    client = clients.intake_client(
        store=store,  # type: ignore[arg-type]
        client=ClientDraft("Núñez", "Ana"),
        today=TODAY,
    ).unwrap()
    case = cases.open_case(
        store=store,  # type: ignore[arg-type]
        client_id=client,
        case=CaseDraft(ClaimType.DEFENSIVE, forum_name="Court", opened_on=TODAY),
        today=TODAY,
    ).unwrap()
    return client, case


def test_a_colleagues_change_is_heard_within_two_seconds(windows: TwoWindows) -> None:
    heard, _listener = listening(windows.theirs)
    started = time.monotonic()
    client, case = new_case(windows.mine)
    heard.until((Entity.CASE, case), (Entity.CLIENT, client))
    assert time.monotonic() - started < WITHIN_S
    time.sleep(0.5)
    while not heard.changes.empty():  # the rest of the intake's announcements
        heard.changes.get()

    started = time.monotonic()
    notes.add_note(store=windows.mine, client_id=client, case_id=case, body="Called")  # type: ignore[arg-type]
    heard.until((Entity.CASE, case), (Entity.CLIENT, client))
    assert time.monotonic() - started < WITHIN_S


def test_the_payload_names_kinds_and_ids_only(windows: TwoWindows) -> None:
    with windows.superuser() as connection:
        connection.execute(f"LISTEN {CHANNEL}")
        client, case = new_case(windows.mine)
        notes.add_note(store=windows.mine, client_id=client, case_id=case, body="Secret words")  # type: ignore[arg-type]
        payloads = [n.payload for n in connection.notifies(timeout=WITHIN_S)]
    assert payloads
    kinds = {member.value for member in Entity}
    for payload in payloads:
        assert "Núñez" not in payload and "Ana" not in payload and "Secret" not in payload
        data = json.loads(payload)
        assert set(data) <= kinds
        assert all(ids is None or all(isinstance(i, int) for i in ids) for ids in data.values())


def test_a_rolled_back_save_and_the_windows_own_saves_are_not_heard(windows: TwoWindows) -> None:
    client, case = new_case(windows.mine)
    heard, _listener = listening(windows.theirs)

    class Refused(Exception):
        pass

    with pytest.raises(Refused), windows.mine.unit_of_work() as session:
        session.add(Note(client_id=client, case_id=case, body="never", author="tester"))
        session.flush()  # the trigger ran: its notification waits for a commit that never comes
        raise Refused
    notes.add_note(store=windows.theirs, client_id=client, case_id=case, body="mine")  # type: ignore[arg-type]
    assert heard.nothing_for(1.5)  # neither the rollback nor the listening window's own save


def test_the_listener_reconnects_after_its_connection_is_dropped(windows: TwoWindows) -> None:
    heard, _listener = listening(windows.theirs)
    with windows.superuser() as connection:
        killed = connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND query LIKE 'LISTEN%%' "
            "AND pid <> pg_backend_pid()"
        ).fetchall()
    assert killed == [(True,)]
    assert heard.next_state(15.0) is False  # the server cannot be heard...
    assert heard.next_state(15.0) is True  # ... and then it can again, by itself
    _client, case = new_case(windows.mine)
    heard.until((Entity.CASE, case))


def test_locking_closes_the_listeners_connection(windows: TwoWindows) -> None:
    _heard, listener = listening(windows.theirs)
    windows.theirs.lock()
    assert not listener.running  # type: ignore[attr-defined]
    with windows.superuser() as connection:
        left = connection.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND query LIKE 'LISTEN%%'"
        ).fetchone()
    assert left == (0,)


def test_a_connection_broken_during_a_save_writes_nothing_and_the_next_save_works(
    windows: TwoWindows,
) -> None:
    client, case = new_case(windows.mine)
    outcome: list[BaseException | None] = []

    def save() -> None:
        try:
            notes.add_note(store=windows.mine, client_id=client, case_id=case, body="lost")  # type: ignore[arg-type]
            outcome.append(None)
        except BaseException as exc:  # the test looks at it
            outcome.append(exc)

    with windows.superuser() as holder, windows.superuser() as admin:
        holder.execute("BEGIN")
        holder.execute("LOCK TABLE note IN ACCESS EXCLUSIVE MODE")  # the save waits here
        saving = threading.Thread(target=save)
        saving.start()
        waiting: list[tuple[int]] = []
        deadline = time.monotonic() + 10
        while not waiting and time.monotonic() < deadline:
            waiting = admin.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
            ).fetchall()
            time.sleep(0.05)
        assert len(waiting) == 1, "the save did not reach the server"
        admin.execute("SELECT pg_terminate_backend(%s)", waiting[0])  # the network drops
        saving.join(10)
        holder.execute("ROLLBACK")
    assert len(outcome) == 1 and isinstance(outcome[0], ConnectionLost)
    reason = reason_of(outcome[0])
    assert reason.kind is ErrorKind.CONNECTION_LOST and reason.code == "connection_lost"
    with windows.mine.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Note)) == 0  # nothing half-written
    assert notes.add_note(store=windows.mine, client_id=client, case_id=case, body="again").ok  # type: ignore[arg-type]
    with windows.mine.unit_of_work() as session:
        assert session.scalars(select(Note.body)).all() == ["again"]


def test_after_the_servers_connections_were_dropped_the_next_save_reconnects(
    windows: TwoWindows,
) -> None:
    """A server restart or a network change closes every connection the pool holds: the next
    save connects again by itself (pre-ping), with no error."""
    client, case = new_case(windows.mine)
    with windows.superuser() as admin:
        dropped = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchone()
    assert dropped is not None and dropped[0] >= 1
    assert notes.add_note(store=windows.mine, client_id=client, case_id=case, body="z").ok  # type: ignore[arg-type]


def test_a_server_that_is_down_is_connection_lost_and_then_it_works_again(
    windows: TwoWindows,
) -> None:
    """Every connection of the window is dropped and the server refuses new ones for a while
    (as when the office network is down): the save says so; once back, saving works."""
    client, case = new_case(windows.mine)
    with psycopg.connect(windows.cluster.conninfo(), autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{windows.database}" ALLOW_CONNECTIONS false')
        try:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (windows.database,),
            )
            with pytest.raises(ConnectionLost) as raised:
                notes.add_note(store=windows.mine, client_id=client, case_id=case, body="x")  # type: ignore[arg-type]
        finally:
            admin.execute(f'ALTER DATABASE "{windows.database}" ALLOW_CONNECTIONS true')
    assert reason_of(raised.value).kind is ErrorKind.CONNECTION_LOST
    assert notes.add_note(store=windows.mine, client_id=client, case_id=case, body="y").ok  # type: ignore[arg-type]


def test_a_connection_broken_at_the_commit_says_whether_it_was_saved_cannot_be_told(
    windows: TwoWindows,
) -> None:
    """The statements went through, then the connection broke as the COMMIT was sent: the
    server committed all of it or none of it, and the message says it cannot tell which."""
    from sqlalchemy import Connection, event  # noqa: PLC0415

    client, case = new_case(windows.mine)
    engine = windows.mine.engine

    def drop_before_the_commit(connection: Connection) -> None:
        pid = connection.connection.dbapi_connection.info.backend_pid  # type: ignore[union-attr]
        with windows.superuser() as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        time.sleep(0.3)  # the server has closed it before the COMMIT goes out

    event.listen(engine, "commit", drop_before_the_commit)
    try:
        with pytest.raises(ConnectionLost) as raised:
            notes.add_note(store=windows.mine, client_id=client, case_id=case, body="sent")  # type: ignore[arg-type]
    finally:
        event.remove(engine, "commit", drop_before_the_commit)
    assert reason_of(raised.value).code == "connection_lost_at_commit"
    with windows.mine.unit_of_work() as session:  # here it was not: all or nothing, never half
        assert session.scalar(select(func.count()).select_from(Note)) == 0
