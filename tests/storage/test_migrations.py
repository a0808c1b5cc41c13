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
from clinic.storage.keys import new_key
from clinic.storage.models import Base
from clinic.storage.store import create_store, open_store

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
