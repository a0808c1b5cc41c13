"""Office mode's security, proved against the real server with hand-written SQL (issue 21,
acceptance): a volunteer cannot read or change another volunteer's case; nobody can UPDATE or
DELETE the audit trail; a forged "who" is overwritten by the server; a plain connection is
refused; a wrong password is a clear message."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import psycopg
import pytest
from sqlalchemy.orm import Session

from clinic.services.demo.builder import fill_demo_data
from clinic.storage import postgres_server
from clinic.storage.audit_log import verify_entries
from clinic.storage.postgres import OfficeError, OfficeTarget, open_office_store, parse_target
from tests.office.pg_cluster import Cluster, create_database, drop_database, superuser_target

DATABASE = "security_office"


@dataclass
class Office:
    cluster: Cluster
    passwords: dict[str, str]
    case_of: dict[str, int]  # volunteer login -> the case assigned to them

    def conninfo(self, login: str, **extra: str) -> str:
        return self.cluster.conninfo(DATABASE, user=login, password=self.passwords[login], **extra)

    def target(self, login: str) -> OfficeTarget:
        return OfficeTarget(
            host="localhost",
            port=self.cluster.port,
            database=DATABASE,
            user=login,
            sslmode="verify-full",
            ca_file=self.cluster.ca_file,
        )


@pytest.fixture(scope="module")
def office(pg_cluster: Cluster) -> Iterator[Office]:
    drop_database(pg_cluster, DATABASE)
    create_database(pg_cluster, DATABASE)
    admin = superuser_target(pg_cluster, DATABASE)
    postgres_server.init_server(admin, pg_cluster.superuser_password)
    passwords = {}
    staff = [
        ("vol_a", "volunteer"),
        ("vol_b", "volunteer"),
        ("para", "paralegal"),
        ("boss", "admin"),
    ]
    for login, role in staff:
        made = postgres_server.add_staff(
            admin, pg_cluster.superuser_password, login=login, role=role
        )
        passwords[login] = made.first_password
    office = Office(cluster=pg_cluster, passwords=passwords, case_of={})
    store = open_office_store(office.target("boss"), passwords["boss"])  # demo adds staff too
    try:
        fill_demo_data(store=store, clients=4, seed=3, today=date(2026, 12, 1))
    finally:
        store.lock()
    with psycopg.connect(office.conninfo("para")) as connection:
        cases = [r[0] for r in connection.execute("SELECT id FROM asylum_case ORDER BY id")]
        for login, case_id in zip(("vol_a", "vol_b"), cases, strict=False):
            connection.execute(
                "UPDATE asylum_case SET paralegal_id = "
                "(SELECT staff_id FROM office_login WHERE login = %s) WHERE id = %s",
                (login, case_id),
            )
            office.case_of[login] = case_id
        connection.execute(
            "UPDATE asylum_case SET paralegal_id = NULL WHERE id <> ALL(%s)",
            (list(office.case_of.values()),),
        )
    yield office
    drop_database(pg_cluster, DATABASE)


def test_a_volunteer_sees_only_their_own_case(office: Office) -> None:
    mine, theirs = office.case_of["vol_a"], office.case_of["vol_b"]
    with psycopg.connect(office.conninfo("vol_a")) as connection:
        cases = [r[0] for r in connection.execute("SELECT id FROM asylum_case")]
        assert cases == [mine]
        assert (
            connection.execute("SELECT * FROM asylum_case WHERE id = %s", (theirs,)).fetchall()
            == []
        )
        for table in ("hearing", "deadline", "case_fact", "stage_event", "note"):
            rows = connection.execute(
                f"SELECT count(*) FROM {table} WHERE case_id = %s", (theirs,)
            ).fetchone()
            assert rows == (0,), table
        their_client = connection.execute(
            "SELECT count(*) FROM client WHERE id NOT IN (SELECT client_id FROM asylum_case)"
        ).fetchone()
        assert their_client == (0,)
        (clients,) = connection.execute("SELECT count(*) FROM client").fetchone() or (None,)
        assert clients == 1
    with psycopg.connect(office.conninfo("para")) as connection:
        (everything,) = connection.execute("SELECT count(*) FROM asylum_case").fetchone() or (0,)
        assert everything >= 2  # a paralegal sees every case


def test_a_volunteer_cannot_change_another_volunteers_case(office: Office) -> None:
    mine, theirs = office.case_of["vol_a"], office.case_of["vol_b"]
    with psycopg.connect(office.conninfo("vol_a"), autocommit=True) as connection:
        changed = connection.execute(
            "UPDATE asylum_case SET judge = 'forged' WHERE id = %s", (theirs,)
        ).rowcount
        assert changed == 0
        assert connection.execute("DELETE FROM hearing WHERE case_id = %s", (theirs,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            connection.execute(
                "INSERT INTO note (client_id, case_id, body, author, created_at) "
                "VALUES (1, %s, 'x', 'x', now())",
                (theirs,),
            )
        # Nor hand their own case over to someone else.
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            connection.execute("UPDATE asylum_case SET paralegal_id = NULL WHERE id = %s", (mine,))
    with psycopg.connect(office.conninfo("para")) as connection:
        judge = connection.execute(
            "SELECT judge FROM asylum_case WHERE id = %s", (theirs,)
        ).fetchone()
        assert judge is not None and judge[0] != "forged"


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entry SET actor = 'someone else'",
        "DELETE FROM audit_entry",
        "TRUNCATE audit_entry",
    ],
)
def test_nobody_can_change_or_remove_audit_entries(office: Office, statement: str) -> None:
    for login in ("vol_a", "para"):
        with (
            psycopg.connect(office.conninfo(login)) as connection,
            pytest.raises(psycopg.errors.InsufficientPrivilege),
        ):
            connection.execute(statement)
    # The table's owner (what migrations run as) is stopped by the trigger.
    owner = postgres_server.role_names(DATABASE).owner
    with psycopg.connect(office.cluster.conninfo(DATABASE)) as connection:
        connection.execute(f"SET ROLE {owner}")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            connection.execute(statement)


def test_a_forged_who_is_overwritten_by_the_server(office: Office) -> None:
    with psycopg.connect(office.conninfo("vol_a")) as connection:
        row = connection.execute(
            "INSERT INTO audit_entry (seq, at, at_text, actor, action, entity, entity_id, "
            "changes, prev_hash, hash) VALUES (999999, '2001-01-01', 'forged', 'para', 'update', "
            "'case', %s, '{\"judge\": [\"a\", \"b\"]}', 'forged', 'forged') "
            "RETURNING seq, actor, prev_hash, hash, at_text",
            (office.case_of["vol_a"],),
        ).fetchone()
    assert row is not None
    seq, actor, prev_hash, digest, at_text = row
    assert actor == "vol_a"
    assert seq != 999999 and "forged" not in (prev_hash, digest, at_text)
    store = open_office_store(office.target("para"), office.passwords["para"])
    try:
        with Session(store.engine) as session:
            count, breaks, hashes = verify_entries(session)
    finally:
        store.lock()
    assert breaks == ()
    assert hashes[seq] == digest and count >= seq


def test_concurrent_writers_extend_one_unbroken_chain(office: Office) -> None:
    def write(login: str) -> None:
        with psycopg.connect(office.conninfo(login), autocommit=True) as connection:
            for n in range(15):
                connection.execute(
                    "INSERT INTO audit_entry (seq, at, at_text, actor, action, entity, changes, "
                    "prev_hash, hash) VALUES (0, now(), '', '', 'update', 'store', %s, '', '')",
                    (f'{{"n": [null, {n}]}}',),
                )

    threads = [
        threading.Thread(target=write, args=(login,)) for login in ("vol_a", "vol_b", "para")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    store = open_office_store(office.target("para"), office.passwords["para"])
    try:
        with Session(store.engine) as session:
            count, breaks, hashes = verify_entries(session)
    finally:
        store.lock()
    assert breaks == ()
    assert sorted(hashes) == list(range(1, count + 1))


def test_a_plain_connection_is_refused(office: Office) -> None:
    with pytest.raises(psycopg.OperationalError, match="no encryption"):
        psycopg.connect(office.conninfo("vol_a", sslmode="disable"))
    # And the app refuses, before connecting, anything but verified TLS to another computer.
    for mode in ("disable", "prefer", "require", "verify-ca"):
        with pytest.raises(OfficeError, match="verify-full"):
            parse_target(f"postgresql://office.example:5432/clinic?sslmode={mode}", user="x")
    with pytest.raises(OfficeError, match="CA certificate"):
        parse_target("postgresql://office.example/clinic", user="x")


def test_a_wrong_password_is_a_clear_message(office: Office) -> None:
    with pytest.raises(OfficeError) as raised:
        open_office_store(office.target("vol_a"), "not the password")
    message = str(raised.value)
    assert "did not accept the user name 'vol_a' with that password" in message
    assert "FATAL" not in message and "not the password" not in message


def test_first_passwords_expire_in_seven_days(office: Office) -> None:
    with psycopg.connect(office.cluster.conninfo(DATABASE)) as connection:
        rows = connection.execute(
            "SELECT rolname, rolvaliduntil - now() FROM pg_roles WHERE rolname IN "
            "('vol_a', 'vol_b', 'para')"
        ).fetchall()
        stored = connection.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = 'vol_a'"
        ).fetchone()
    assert len(rows) == 3
    for _login, left in rows:
        assert 6.9 < left.total_seconds() / 86400 <= 7
    assert stored is not None and str(stored[0]).startswith("SCRAM-SHA-256$")
