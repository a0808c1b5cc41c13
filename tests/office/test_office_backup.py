"""Backups in office mode (issue 21) against the tests' real PostgreSQL server: ``clinic server
backup`` writes the office database as a laptop backup file, which restores into a laptop store
and into an empty office database, row for row and file for file; every refusal changes
nothing and leaves nothing behind."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from clinic.services import backup_restore, lifecycle, notes, office_backup, search
from clinic.services import office as office_service
from clinic.services.backup_keys import WrongBackupPassphrase
from clinic.storage import keys
from clinic.storage.audit_log import verify_entries
from clinic.storage.backup import BackupCheckFailed, BackupError
from clinic.storage.datadir import DataDir
from clinic.storage.postgres import create_office_engine, open_office_store
from clinic.storage.postgres_import import ImportRefused
from clinic.storage.postgres_vault import OfficeVault
from tests.office import test_import_store as import_tests
from tests.office.pg_cluster import (
    Cluster,
    create_database,
    drop_database,
    office_template,
    superuser_target,
)
from tests.office.pg_cluster import tester_target as staff_target
from tests.office.test_import_store import TODAY, _files, move, snapshot, table_rows

# The import tests' fixtures: a demo laptop store, an office database, its superuser engine.
laptop = import_tests.laptop
office = import_tests.office
admin_engine = import_tests.admin_engine

pytestmark = pytest.mark.slow

BACKUP_PASSPHRASE = "the office backup passphrase, kept in the safe"


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keys, "SCRYPT_N", 2**12)


@pytest.fixture
def filled(pg_cluster: Cluster, office: str, laptop: DataDir) -> str:
    """An office database holding the demo clinic (moved in from a laptop store), plus a note a
    staff member saved in office mode afterwards (an entry the server chained itself)."""
    move(pg_cluster, office, laptop)
    staff = open_office_store(
        staff_target(pg_cluster, office), office_template(pg_cluster).tester_password
    )
    try:
        case = search.list_cases(store=staff, today=TODAY)[0]  # type: ignore[arg-type]
        notes.add_note(
            store=staff,  # type: ignore[arg-type]
            client_id=case.client_id,
            case_id=case.id,
            body="Llamó la clienta; ñandú.",
        ).unwrap()
    finally:
        staff.lock()
    return office


@pytest.fixture
def empty_office(pg_cluster: Cluster) -> Iterator[str]:
    database = "restore_target"
    drop_database(pg_cluster, database)
    create_database(pg_cluster, database)
    office_service.init_server(
        target=superuser_target(pg_cluster, database), password=pg_cluster.superuser_password
    )
    yield database
    drop_database(pg_cluster, database)


def back_up(cluster: Cluster, database: str, path: Path) -> office_backup.OfficeBackupReport:
    return office_backup.back_up_office(
        target=superuser_target(cluster, database),
        password=cluster.superuser_password,
        destination=path,
        passphrase=BACKUP_PASSPHRASE,
    )


def restore(
    cluster: Cluster, database: str, path: Path, passphrase: str = BACKUP_PASSPHRASE
) -> Any:
    return office_backup.restore_into_office(
        target=superuser_target(cluster, database),
        password=cluster.superuser_password,
        backup=path,
        passphrase=passphrase,
    )


def plaintexts(engine: Engine) -> dict[str, bytes]:
    vault = OfficeVault(engine)
    return {
        f.vault_name: vault.read_bytes(f.vault_name, f.file_key, expected_sha256=f.sha256)
        for f in _files(engine)
    }


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_the_office_backup_restores_into_a_laptop_store_and_into_an_empty_office_database(
    pg_cluster: Cluster, filled: str, admin_engine: Engine, empty_office: str, tmp_path: Path
) -> None:
    original = table_rows(admin_engine)
    files = plaintexts(admin_engine)
    assert original["note"] and files
    path = tmp_path / "office.clinicbackup"
    report = back_up(pg_cluster, filled, path)
    assert report.files == len(files)
    assert report.rows == sum(len(rows) for rows in original.values())
    assert report.manifest.audit_head.hash == original["audit_entry"][-1]["hash"]
    assert leftovers(tmp_path) == []  # no .partial, no scratch folder

    # 1. A laptop store: every table as the office holds it; the restore's own entry after.
    data_dir = DataDir(tmp_path / "laptop-copy")
    backup_restore.restore(
        backup=path, data_dir=data_dir, passphrase=BACKUP_PASSPHRASE, keychain=False
    )
    store = lifecycle.unlock_store(data_dir=data_dir, passphrase=BACKUP_PASSPHRASE, actor="reader")
    try:
        copied = table_rows(store.engine)
        trail = copied.pop("audit_entry")
        assert trail[: len(original["audit_entry"])] == original["audit_entry"]
        assert copied == {k: v for k, v in original.items() if k != "audit_entry"}
        for f in _files(store.engine):
            assert store.vault.read_bytes(f.vault_name, f.file_key) == files[f.vault_name]
        with store.unit_of_work() as session:
            assert verify_entries(session)[1] == ()
    finally:
        store.lock()

    # 2. An empty office database: the same rows and files; the trail verifies on the server.
    moved = restore(pg_cluster, empty_office, path)
    assert not moved.already and moved.files == len(files)
    engine = create_office_engine(
        superuser_target(pg_cluster, empty_office), pg_cluster.superuser_password
    )
    try:
        restored = table_rows(engine)
        trail = restored.pop("audit_entry")
        assert trail[: len(original["audit_entry"])] == original["audit_entry"]
        assert [e["action"] for e in trail[len(original["audit_entry"]) :]][-1] == "import"
        assert restored == {k: v for k, v in original.items() if k != "audit_entry"}
        assert plaintexts(engine) == files
        with engine.connect() as connection, Session(bind=connection) as session:
            assert verify_entries(session)[1] == ()
        # A second run: said so, nothing changed.
        before = snapshot(engine)
        assert restore(pg_cluster, empty_office, path).already
        assert snapshot(engine) == before
    finally:
        engine.dispose()
    assert leftovers(tmp_path) == []


def test_refusals_change_nothing_and_leave_nothing(
    pg_cluster: Cluster, filled: str, admin_engine: Engine, empty_office: str, tmp_path: Path
) -> None:
    path = tmp_path / "office.clinicbackup"
    # A name that exists is never overwritten.
    path.write_bytes(b"an older backup")
    with pytest.raises(BackupError, match="never overwrite"):
        back_up(pg_cluster, filled, path)
    assert path.read_bytes() == b"an older backup"
    path.unlink()
    # A weak passphrase is refused before anything is read.
    with pytest.raises(lifecycle.WeakPassphrase):
        office_backup.back_up_office(
            target=superuser_target(pg_cluster, filled),
            password=pg_cluster.superuser_password,
            destination=path,
            passphrase="short",
        )
    assert not path.exists()

    back_up(pg_cluster, filled, path)
    target_engine = create_office_engine(
        superuser_target(pg_cluster, empty_office), pg_cluster.superuser_password
    )
    try:
        before = snapshot(target_engine)
        with pytest.raises(WrongBackupPassphrase):
            restore(pg_cluster, empty_office, path, passphrase="not the backup's passphrase")
        assert snapshot(target_engine) == before
        # The database the backup came from holds records: moving it there is refused.
        with pytest.raises(ImportRefused, match="already holds records"):
            restore(pg_cluster, filled, path)
    finally:
        target_engine.dispose()
    assert leftovers(tmp_path) == []

    # A damaged evidence file in the office database: no backup is written.
    with admin_engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE office_blob_chunk SET data = overlay(data placing '\\x00'::bytea "
                "from 40 for 1) WHERE (name, idx) = (SELECT name, idx FROM office_blob_chunk "
                "ORDER BY name, idx LIMIT 1)"
            )
        )
    damaged = tmp_path / "damaged.clinicbackup"
    with pytest.raises(BackupCheckFailed, match="cannot be decrypted"):
        back_up(pg_cluster, filled, damaged)
    assert not damaged.exists()
    assert leftovers(tmp_path) == []


def test_the_commands(pg_cluster: Cluster, filled: str, empty_office: str, tmp_path: Path) -> None:
    """``clinic server backup`` and ``clinic server restore`` in a subprocess, as an
    administrator types them (the server's password, then the backup's passphrase)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLINIC_", "PG"))}
    env["CLINIC_CONFIG_DIR"] = str(tmp_path / "config")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    path = tmp_path / "office.clinicbackup"

    def clinic(command: str, database: str, *extra: str) -> subprocess.CompletedProcess[str]:
        url = f"postgresql://clinic_superuser@localhost:{pg_cluster.port}/{database}"
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "clinic",
                "--passphrase-stdin",
                "server",
                command,
                "--url",
                url,
                "--ca",
                str(pg_cluster.ca_file),
                *extra,
            ],
            input=f"{pg_cluster.superuser_password}\n{BACKUP_PASSPHRASE}\n",
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )

    made = clinic("backup", filled, "--to", str(path))
    assert made.returncode == 0, made.stderr
    assert "Backup written and verified" in made.stdout and path.exists()
    again = clinic("backup", filled, "--to", str(path))
    assert again.returncode != 0 and "never overwrite" in again.stderr
    restored = clinic("restore", empty_office, "--from", str(path))
    assert restored.returncode == 0, restored.stderr
    assert "Restored into restore_target" in restored.stdout
    assert "add-staff" in restored.stdout
