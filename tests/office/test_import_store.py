"""`clinic server import-store`: a demo-filled laptop store moved into an office database on the
real throwaway PostgreSQL server, compared table by table and file by file; a second run changes
nothing; a failure half way, a collision, a wrong passphrase and a tampered audit trail leave the
office database exactly as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from clinic.domain.background import AddressKind, Relation
from clinic.domain.enums import ArrivalManner, ChecklistState, StatusKind
from clinic.domain.ids import ClientId
from clinic.services import lifecycle, notes, office_import, search
from clinic.services import office as office_service
from clinic.services.demo import fill_demo_data
from clinic.storage import anchors, keys, postgres_import, postgres_server
from clinic.storage.audit_log import verify_entries
from clinic.storage.datadir import DataDir
from clinic.storage.errors import WrongPassphrase
from clinic.storage.models import (
    BackgroundAddress,
    BackgroundJob,
    BackgroundRelative,
    BackgroundSchool,
    Base,
    Case,
    ChecklistItemState,
    Client,
    Entry,
    EvidenceFile,
    LawfulStatus,
)
from clinic.storage.postgres import (
    OfficeError,
    OfficeTarget,
    create_office_engine,
    open_office_store,
)
from clinic.storage.postgres_vault import OfficeVault
from clinic.storage.store import Store
from tests.office.pg_cluster import (
    SUPERUSER,
    Cluster,
    create_database,
    drop_database,
    new_office_database,
    office_template,
    superuser_target,
)
from tests.office.pg_cluster import tester_target as staff_target

pytestmark = pytest.mark.slow

PASSPHRASE = "an import passphrase of the laptop"
TODAY = date(2026, 11, 28)
CLIENTS = 12
OFFICE_TABLES = ("office_blob", "office_blob_chunk")


@pytest.fixture(scope="module")
def laptop(tmp_path_factory: pytest.TempPathFactory) -> DataDir:
    """A laptop store filled with the demo clinic (every kind of row, evidence files)."""
    data_dir = lifecycle.resolve_data_dir(tmp_path_factory.mktemp("laptop") / "data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keys, "SCRYPT_N", 2**12)
        store = lifecycle.init_store(data_dir=data_dir, passphrase=PASSPHRASE, actor="maria")
    try:
        summary = fill_demo_data(store=store, clients=CLIENTS, seed=3, today=TODAY)
        assert summary.files > 0 and summary.hearings > 0 and summary.deadlines > 0
        with store.unit_of_work() as session:
            fill_what_the_demo_leaves_empty(session)
    finally:
        store.lock()
    return data_dir


def fill_what_the_demo_leaves_empty(session: Session) -> None:
    """An entry into the United States, a lawful status that began with it, a checklist item's
    state and the I-589's Part A.III lists (an address, a school, a job, a parent), so that
    every table has rows to compare."""
    client = session.scalars(select(Client).order_by(Client.id)).first()
    case = session.scalars(select(Case).order_by(Case.id)).first()
    assert client is not None and case is not None
    entry = Entry(
        client_id=client.id,
        entered_on=date(2019, 3, 2),
        place="Hidalgo, TX",
        manner=ArrivalManner.INSPECTED,
        status="B-2",
        status_expires_on=date(2019, 9, 1),
        i94_number="12345678901",
    )
    session.add(entry)
    session.flush()
    session.add(
        LawfulStatus(
            client_id=client.id,
            entry_id=entry.id,
            kind=StatusKind.NONIMMIGRANT,
            detail="B-2",
            from_on=date(2019, 3, 2),
            until_on=date(2019, 9, 1),
        )
    )
    session.add_all(
        [
            BackgroundAddress(
                client_id=client.id,
                kind=AddressKind.FEARED_COUNTRY,
                street="Calle 5, casa 12",
                city="San Pedro Sula",
                province="Cortés",
                country="HN",
                from_on=date(2012, 1, 1),
                to_on=date(2019, 2, 1),
            ),
            BackgroundSchool(
                client_id=client.id,
                school="Instituto José Trinidad Reyes",
                school_type="high school",
                location="San Pedro Sula, Honduras",
                from_on=date(2006, 2, 1),
                to_on=date(2011, 11, 1),
            ),
            BackgroundJob(
                client_id=client.id,
                employer="Taller Núñez, San Pedro Sula",
                occupation="mechanic",
                from_on=date(2013, 3, 1),
                to_on=date(2019, 1, 1),
            ),
            BackgroundRelative(
                client_id=client.id,
                relation=Relation.MOTHER,
                full_name="Ana María López",
                birthplace="Choloma, Honduras",
                location="San Pedro Sula, Honduras",
            ),
        ]
    )
    session.add(
        ChecklistItemState(
            case_id=case.id,
            template_id="i589",
            item_id="photos",
            state=ChecklistState.DONE,
            reason="dos fotos, ñandú",
            updated_by="maria",
        )
    )


@pytest.fixture
def office(pg_cluster: Cluster) -> Iterator[str]:
    """A new office database as 'clinic server init' leaves it (plus the tests' admin login)."""
    database = new_office_database(office_template(pg_cluster))
    yield database
    drop_database(pg_cluster, database)


@pytest.fixture
def admin_engine(pg_cluster: Cluster, office: str) -> Iterator[Engine]:
    engine = create_office_engine(
        superuser_target(pg_cluster, office), pg_cluster.superuser_password
    )
    yield engine
    engine.dispose()


def move(cluster: Cluster, database: str, data_dir: DataDir, passphrase: str = PASSPHRASE) -> Any:
    return office_import.import_laptop_store(
        target=superuser_target(cluster, database),
        password=cluster.superuser_password,
        data_dir=data_dir,
        passphrase=passphrase,
    )


def unlocked(data_dir: DataDir) -> Store:
    return lifecycle.unlock_store(data_dir=data_dir, passphrase=PASSPHRASE, actor="reader")


def table_rows(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """Every model table's rows, in primary-key order, as the app reads them."""
    rows: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            query = select(table).order_by(*table.primary_key.columns)
            rows[table.name] = [dict(r) for r in connection.execute(query).mappings()]
    return rows


def snapshot(engine: Engine) -> dict[str, Any]:
    """What the office database holds: every row of every table (the blobs' too)."""
    state: dict[str, Any] = table_rows(engine)
    with engine.connect() as connection:
        for name in (*OFFICE_TABLES, "office_login"):
            state[name] = connection.execute(text(f"SELECT * FROM {name} ORDER BY 1")).all()
        state["triggers"] = connection.execute(
            text(
                "SELECT tgname, tgenabled FROM pg_trigger "
                "WHERE tgrelid = 'audit_entry'::regclass ORDER BY 1"
            )
        ).all()
    return state


def test_a_demo_store_moves_whole_and_a_second_run_changes_nothing(
    pg_cluster: Cluster, office: str, admin_engine: Engine, laptop: DataDir
) -> None:
    report = move(pg_cluster, office, laptop)
    assert not report.already
    store = unlocked(laptop)
    try:
        laptop_rows = table_rows(store.engine)
        laptop_cases = search.list_cases(store=store, today=TODAY)
        files = [(f.vault_name, f.file_key, f.sha256) for f in _files(store.engine)]
        plaintext = {name: store.vault.read_bytes(name, key) for name, key, _sha in files}
    finally:
        store.lock()
    office_rows = table_rows(admin_engine)

    # Every table, row for row and value for value, ids kept; the audit trail plus one entry.
    imported = office_rows.pop("audit_entry")
    assert imported[:-1] == laptop_rows.pop("audit_entry")
    assert office_rows == laptop_rows
    assert report.rows == {name: len(rows) for name, rows in table_rows(admin_engine).items()} | {
        "audit_entry": len(imported) - 1
    }
    assert all(laptop_rows.values()), [name for name, rows in laptop_rows.items() if not rows]

    # The chain verifies on the server; the laptop's head is an entry of it, hash for hash, and
    # the server chained the import's own entry after it.
    last = imported[-1]
    assert (last["action"], last["entity"], last["actor"]) == ("import", "store", SUPERUSER)
    assert last["prev_hash"] == imported[-2]["hash"] == report.head.hash
    assert last["changes"]["laptop_store"] == [None, report.laptop_store]
    with admin_engine.connect() as connection, Session(bind=connection) as session:
        count, breaks, _hashes = verify_entries(session)
    assert (count, breaks) == (len(imported), ())

    # Every evidence file: the same bytes, read back through office mode's own vault.
    vault = OfficeVault(admin_engine)
    assert vault.names() == {name for name, _key, _sha in files}
    for name, key, sha in files:
        assert vault.read_bytes(name, key, expected_sha256=sha) == plaintext[name]
    assert report.files == len(files)

    # The Cases list a staff member sees in office mode is the laptop's, case for case.
    staff = open_office_store(
        staff_target(pg_cluster, office), office_template(pg_cluster).tester_password
    )
    try:
        assert search.list_cases(store=staff, today=TODAY) == laptop_cases  # type: ignore[arg-type]
        # The sequences were moved on: a new row gets a new id.
        with staff.unit_of_work() as session:
            new_id = session.execute(
                text(
                    "INSERT INTO staff (name, role, email, active) "
                    "VALUES ('Nueva', 'volunteer', '', true) RETURNING id"
                )
            ).scalar()
        assert new_id == max(r["id"] for r in laptop_rows["staff"]) + 1
    finally:
        staff.lock()

    # A second run: said so, nothing changed.
    before = snapshot(admin_engine)
    again = move(pg_cluster, office, laptop)
    assert again.already and again.head == report.head
    assert snapshot(admin_engine) == before


def _files(engine: Engine) -> list[Any]:
    with engine.connect() as connection:
        return list(connection.execute(select(EvidenceFile).order_by(EvidenceFile.id)).all())


def test_a_failure_half_way_leaves_nothing_and_the_command_can_run_again(
    pg_cluster: Cluster, office: str, admin_engine: Engine, laptop: DataDir
) -> None:
    before = snapshot(admin_engine)
    # The server refuses notes (copied after clients, cases, hearings, deadlines…).
    with admin_engine.begin() as connection:
        connection.execute(
            text(
                "CREATE FUNCTION refuse_note() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'injected failure'; END $$"
            )
        )
        connection.execute(
            text(
                "CREATE TRIGGER refuse_note BEFORE INSERT ON note "
                "FOR EACH ROW EXECUTE FUNCTION refuse_note()"
            )
        )
    with pytest.raises(office_import.ImportFailed, match=r"error P0001\), so nothing was changed"):
        move(pg_cluster, office, laptop)
    assert snapshot(admin_engine) == before  # no row, no blob, the chain trigger on again
    with admin_engine.begin() as connection:
        connection.execute(text("DROP TRIGGER refuse_note ON note"))
        connection.execute(text("DROP FUNCTION refuse_note()"))

    report = move(pg_cluster, office, laptop)
    assert not report.already and report.rows["note"] > 0


@pytest.fixture
def set_up(pg_cluster: Cluster) -> Iterator[str]:
    """A database set up by 'clinic server init' itself (its own roles, for add-staff)."""
    database = "import_set_up"
    drop_database(pg_cluster, database)
    create_database(pg_cluster, database)
    office_service.init_server(
        target=superuser_target(pg_cluster, database), password=pg_cluster.superuser_password
    )
    yield database
    drop_database(pg_cluster, database)


def test_a_folder_copied_to_the_server_then_the_laptop_itself(
    pg_cluster: Cluster, office: str, admin_engine: Engine, tmp_path: Path
) -> None:
    """The administrator imports a copy of the laptop's folder on another computer (which
    records that it kept no chain head: anchor_missing, one entry more), then someone runs it
    again from the laptop: its whole trail is already there, so nothing changes."""
    data_dir = small_store(tmp_path / "laptop")
    copy = lifecycle.resolve_data_dir(tmp_path / "server" / "data")
    shutil.copytree(data_dir.root, copy.root)
    with anchors.isolated_state(tmp_path / "server-state"):
        moved = move(pg_cluster, office, copy)
    assert moved.heads_missing_here == ("state",) and not moved.already
    with admin_engine.connect() as connection:
        assert (
            connection.execute(
                text("SELECT action FROM audit_entry WHERE seq = :s"), {"s": moved.head.seq}
            ).scalar()
            == "anchor_missing"
        )
    before = snapshot(admin_engine)
    again = move(pg_cluster, office, data_dir)
    assert again.already and again.head.seq == moved.head.seq - 1
    assert snapshot(admin_engine) == before


def test_a_store_that_went_on_after_its_import_is_refused(
    pg_cluster: Cluster, office: str, admin_engine: Engine, tmp_path: Path
) -> None:
    data_dir = small_store(tmp_path)
    first = move(pg_cluster, office, data_dir)
    store = unlocked(data_dir)
    try:
        with store.unit_of_work() as session:
            client = session.scalars(select(Client)).first()
            assert client is not None
            client_id = client.id
        notes.add_note(store=store, client_id=ClientId(client_id), body="después").unwrap()
    finally:
        store.lock()
    before = snapshot(admin_engine)
    with pytest.raises(
        postgres_import.ImportRefused,
        match=rf"trail ended at entry {first.head.seq}\); the laptop's trail now ends at entry",
    ):
        move(pg_cluster, office, data_dir)
    assert snapshot(admin_engine) == before


def test_a_busy_office_database_is_said_and_nothing_changes(
    pg_cluster: Cluster,
    office: str,
    admin_engine: Engine,
    laptop: DataDir,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(postgres_import, "LOCK_WAIT", "200ms")
    before = snapshot(admin_engine)
    with admin_engine.connect() as saving:  # a staff member's save, holding the audit table
        saving.execute(text("LOCK TABLE audit_entry IN ROW EXCLUSIVE MODE"))
        with pytest.raises(postgres_import.ImportRefused, match="is in use"):
            move(pg_cluster, office, laptop)
        saving.rollback()
    assert snapshot(admin_engine) == before


def test_an_office_database_with_records_is_refused(
    pg_cluster: Cluster, set_up: str, laptop: DataDir
) -> None:
    target = superuser_target(pg_cluster, set_up)
    postgres_server.add_staff(
        target, pg_cluster.superuser_password, login="ana.ruiz", role="paralegal"
    )
    engine = create_office_engine(target, pg_cluster.superuser_password)
    try:
        before = snapshot(engine)
        with pytest.raises(
            postgres_import.ImportRefused,
            match=r"already holds records \(audit_entry 1, staff 1\)",
        ):
            move(pg_cluster, set_up, laptop)
        assert snapshot(engine) == before
    finally:
        engine.dispose()


def test_a_volunteers_login_is_linked_to_their_imported_staff_row(
    pg_cluster: Cluster, set_up: str, laptop: DataDir
) -> None:
    """After the move, 'add-staff --existing' gives the volunteer of the laptop's staff list
    their own login: row-level security then shows them the cases the laptop assigned them."""
    target = superuser_target(pg_cluster, set_up)
    move(pg_cluster, set_up, laptop)
    engine = create_office_engine(target, pg_cluster.superuser_password)
    try:
        with engine.connect() as connection:
            volunteer_id, name = connection.execute(
                text("SELECT id, name FROM staff WHERE role = 'volunteer' ORDER BY id LIMIT 1")
            ).one()
            theirs = set(
                connection.execute(
                    text("SELECT id FROM asylum_case WHERE paralegal_id = :id"),
                    {"id": volunteer_id},
                ).scalars()
            )
            staff_rows = connection.execute(text("SELECT count(*) FROM staff")).scalar()
    finally:
        engine.dispose()
    assert theirs, "the demo assigns the volunteer some cases"
    with pytest.raises(OfficeError, match=r"no single staff member named 'Nadie' .*\(0 found\)"):
        postgres_server.add_staff(
            target,
            pg_cluster.superuser_password,
            login="nadie",
            role="volunteer",
            full_name="Nadie",
            existing=True,
        )
    made = postgres_server.add_staff(
        target,
        pg_cluster.superuser_password,
        login="vol.one",
        role="volunteer",
        full_name=name,
        existing=True,
    )
    volunteer = open_office_store(
        OfficeTarget(
            host="localhost",
            port=pg_cluster.port,
            database=set_up,
            user="vol.one",
            sslmode="verify-full",
            ca_file=pg_cluster.ca_file,
        ),
        made.first_password,
    )
    try:
        seen = {case.id for case in search.list_cases(store=volunteer, today=TODAY)}  # type: ignore[arg-type]
        with volunteer.unit_of_work() as session:
            linked = session.execute(text("SELECT staff_id FROM office_login")).scalars().all()
    finally:
        volunteer.lock()
    assert seen == theirs
    assert linked == [volunteer_id]
    engine = create_office_engine(target, pg_cluster.superuser_password)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM staff")).scalar() == staff_rows
    finally:
        engine.dispose()


def test_a_laptop_store_that_cannot_be_unlocked_is_refused(
    pg_cluster: Cluster, office: str, admin_engine: Engine, laptop: DataDir
) -> None:
    before = snapshot(admin_engine)
    with pytest.raises(WrongPassphrase):
        move(pg_cluster, office, laptop, passphrase="not the passphrase at all")
    assert snapshot(admin_engine) == before


def small_store(folder: Path) -> DataDir:
    data_dir = lifecycle.resolve_data_dir(folder / "data")
    store = lifecycle.init_store(data_dir=data_dir, passphrase=PASSPHRASE, actor="maria")
    try:
        fill_demo_data(store=store, clients=2, seed=5, today=TODAY)
    finally:
        store.lock()
    return data_dir


def tamper(data_dir: DataDir, sql: str) -> None:
    store = unlocked(data_dir)
    connection = store.raw_connection()
    try:
        connection.execute("DROP TRIGGER audit_entry_no_update")
        connection.execute("DROP TRIGGER audit_entry_no_delete")
        connection.execute(sql)
    finally:
        connection.close()
        store.lock()


def test_a_tampered_audit_trail_is_refused(
    pg_cluster: Cluster, office: str, admin_engine: Engine, tmp_path: Path
) -> None:
    before = snapshot(admin_engine)
    changed = small_store(tmp_path / "changed")
    tamper(changed, "UPDATE audit_entry SET actor = 'someone else' WHERE seq = 3")
    with pytest.raises(
        office_import.AuditChainBroken, match=r"at entry 3 \(its content was changed"
    ):
        move(pg_cluster, office, changed)
    assert snapshot(admin_engine) == before

    removed = small_store(tmp_path / "removed")
    tamper(removed, "DELETE FROM audit_entry WHERE seq = 5")
    with pytest.raises(office_import.AuditChainBroken, match=r"at entry 6 \(entries are missing"):
        move(pg_cluster, office, removed)
    assert snapshot(admin_engine) == before


def test_a_damaged_evidence_file_is_refused(
    pg_cluster: Cluster, office: str, admin_engine: Engine, tmp_path: Path
) -> None:
    data_dir = small_store(tmp_path)
    store = unlocked(data_dir)
    try:
        name = _files(store.engine)[0].vault_name
        path = store.vault.path_of(name)
    finally:
        store.lock()
    damaged = bytearray(path.read_bytes())
    damaged[-5] ^= 0xFF
    path.write_bytes(bytes(damaged))
    before = snapshot(admin_engine)
    with pytest.raises(office_import.EvidenceUnreadable, match="damaged"):
        move(pg_cluster, office, data_dir)
    assert snapshot(admin_engine) == before


def test_the_command_in_spanish(pg_cluster: Cluster, office: str, tmp_path: Path) -> None:
    data_dir = small_store(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLINIC_", "PG"))}
    env["CLINIC_CONFIG_DIR"] = str(tmp_path / "config")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    url = f"postgresql://{SUPERUSER}@localhost:{pg_cluster.port}/{office}"

    flags = ["--passphrase-stdin", "--lang", "es"]
    command = ["import-store", "--url", url, "--ca", str(pg_cluster.ca_file)]

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "clinic",
                *flags,
                "server",
                *command,
                "--from",
                str(data_dir.root),
            ],
            input=f"{pg_cluster.superuser_password}\n{PASSPHRASE}\n",
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )

    first = run()
    assert first.returncode == 0, first.stderr
    assert "Trasladado a" in first.stdout and "2 clientes" in first.stdout
    # The subprocess's state folder never saw this store: said, and recorded in the trail.
    assert "anchor_missing" in first.stdout
    second = run()
    assert second.returncode == 0, second.stderr
    assert "no se cambió nada" in second.stdout
    with psycopg.connect(pg_cluster.conninfo(office)) as connection:
        imports = connection.execute(
            "SELECT count(*) FROM audit_entry WHERE action = 'import'"
        ).fetchone()
    assert imports == (1,)
