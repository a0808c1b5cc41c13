"""Schema changes only through Alembic: head matches the models; migrations are guarded."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from clinic.storage import migrate
from clinic.storage.datadir import DataDir
from clinic.storage.engine import create_store_engine
from clinic.storage.keys import new_key, unwrap_key
from clinic.storage.models import Base
from clinic.storage.store import create_store, open_store, read_meta

PASSPHRASE = "correct horse battery staple"


def test_empty_database_migrates_to_head_with_no_drift(tmp_path: Path) -> None:
    engine = create_store_engine(tmp_path / "empty.db", new_key())
    migrate.upgrade(engine)
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        drift = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert drift == []


def test_audit_table_is_append_only_after_migration(tmp_path: Path) -> None:
    engine = create_store_engine(tmp_path / "a.db", new_key())
    migrate.upgrade(engine)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_entry (seq, at, at_text, actor, action, entity, changes, prev_hash, hash) "
                "VALUES (1, '2026-01-01 00:00:00', 'x', 'a', 'create', 'client', '{}', 'p', 'h')"
            )
        )
    for statement in ("UPDATE audit_entry SET actor = 'b'", "DELETE FROM audit_entry"):
        with pytest.raises(Exception, match="append-only"), engine.begin() as connection:
            connection.execute(text(statement))
    engine.dispose()


def test_pending_migration_takes_an_encrypted_safety_copy_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = DataDir(tmp_path / "data")
    create_store(data_dir, passphrase=PASSPHRASE, actor="t").lock()
    upgraded: list[bool] = []
    monkeypatch.setattr(migrate, "pending", lambda engine: True)
    monkeypatch.setattr(migrate, "upgrade", lambda engine: upgraded.append(True))
    open_store(data_dir, passphrase=PASSPHRASE, actor="t").lock()
    copies = list(data_dir.safety_copies.glob("pre-migration-*.db"))
    assert upgraded == [True]
    assert len(copies) == 1
    assert copies[0].read_bytes()[:16] != b"SQLite format 3\x00"
    assert copies[0].stat().st_mode & 0o777 == 0o600


def test_database_from_a_newer_version_is_refused_unchanged(tmp_path: Path) -> None:
    data_dir = DataDir(tmp_path / "data")
    store = create_store(data_dir, passphrase=PASSPHRASE, actor="t")
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    store.lock()
    with pytest.raises(migrate.NewerSchema, match="newer version") as raised:
        open_store(data_dir, passphrase=PASSPHRASE, actor="t")
    assert raised.value.exit_code == 4


def test_store_at_the_first_schema_upgrades_with_its_data_and_a_safety_copy(tmp_path: Path) -> None:
    data_dir = DataDir(tmp_path / "data")
    store = create_store(data_dir, passphrase=PASSPHRASE, actor="t")
    store.lock()
    # Rebuild the database as the first release left it, with one hand-entered deadline.
    data_dir.database.unlink()
    for sidecar in data_dir.sidecars():
        sidecar.unlink(missing_ok=True)
    key = bytearray(_key_of(data_dir))
    engine = create_store_engine(data_dir.database, key)
    migrate.upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO client (id, family_name, given_name, other_names, nationalities, languages, interpreter_needed, phone, email, last_arrival_place, last_arrival_manner, detention, detention_facility, unaccompanied_child, notes, search_key, created_at, updated_at) VALUES (1, 'Reyes', 'Ana', '[]', '[]', '[]', 0, '', '', '', 'unknown', 'not_detained', '', 0, '', 'reyes ana', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO asylum_case (id, client_id, claim_type, relief, grounds, psg_definition, forum_kind, forum_name, judge, opened_on, receipt_number, detained, agency_hold, stage, created_at, updated_at) VALUES (1, 1, 'defensive', '[]', '[]', '', 'immigration_court', '', '', '2026-01-01', '', 0, 0, 'intake', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO deadline (case_id, kind, title, due_on, origin, rule_id, status, status_reason, notes, created_at) VALUES (1, 'manual', 'Call the client', '2026-02-01', 'manual', '', 'open', '', '', '2026-01-01 00:00:00')"
            )
        )
    engine.dispose()
    reopened = open_store(data_dir, passphrase=PASSPHRASE, actor="t")
    with reopened.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
        row = connection.execute(
            text("SELECT title, anchor_field, flags, court_sets_date FROM deadline")
        ).one()
    reopened.lock()
    assert tuple(row) == ("Call the client", "", "[]", 0)
    (copy,) = data_dir.safety_copies.glob("pre-migration-*.db")
    assert reopened.upgrade_note is not None and str(copy) in reopened.upgrade_note


def _key_of(data_dir: DataDir) -> bytes:
    return bytes(
        unwrap_key(data_dir.wrapped_key.read_bytes(), PASSPHRASE, read_meta(data_dir).store_id)
    )


def test_opening_a_store_at_head_decides_without_alembic(tmp_path: Path) -> None:
    """The start-up check reads the head from the migration files' headers; it must agree with
    Alembic, and a store at head must not be reported as pending (nor one behind as current)."""
    assert migrate.quick_head() == migrate.head_revision()
    engine = create_store_engine(tmp_path / "q.db", new_key())
    assert migrate.pending(engine)  # no alembic_version table yet
    migrate.upgrade(engine, "0001")
    assert migrate.pending(engine)  # behind head
    migrate.upgrade(engine)
    assert not migrate.pending(engine)
    engine.dispose()
