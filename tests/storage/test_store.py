"""Opening and creating stores: fail closed, tell wrong keys from damage, change nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text

from clinic.storage import keys
from clinic.storage.datadir import DataDir
from clinic.storage.engine import connect_raw
from clinic.storage.errors import (
    CannotUnlock,
    DamagedStore,
    KeychainUnavailable,
    KeyNotFound,
    NoStore,
    StoreExists,
    WrongPassphrase,
)
from clinic.storage.keys import KeySource
from clinic.storage.store import (
    PassphraseRequired,
    create_store,
    derive_subkey,
    export_encrypted_copy,
    open_store,
)

PASSPHRASE = "correct horse battery staple"


def fingerprint(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "data")


def make_passphrase_store(data_dir: DataDir) -> None:
    store = create_store(data_dir, passphrase=PASSPHRASE, actor="t")
    with store.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO staff (name, role, email, active) VALUES ('Zoë Ünal', 'paralegal', '', 1)"
            )
        )
    store.lock()


def test_new_store_is_encrypted_and_private(data_dir: DataDir) -> None:
    make_passphrase_store(data_dir)
    header = data_dir.database.read_bytes()[:16]
    assert header != b"SQLite format 3\x00"
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(data_dir.database).execute("SELECT * FROM staff").fetchall()
    for path in data_dir.root.rglob("*"):
        assert b"Zo\xc3\xab" not in path.read_bytes() if path.is_file() else True
        mode = path.stat().st_mode & 0o777
        assert mode == (0o700 if path.is_dir() else 0o600), path
    assert data_dir.root.stat().st_mode & 0o777 == 0o700


def test_reopen_with_passphrase_reads_the_data(data_dir: DataDir) -> None:
    make_passphrase_store(data_dir)
    store = open_store(data_dir, passphrase=PASSPHRASE, actor="t")
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM staff")).scalar() == "Zoë Ünal"
    store.lock()
    assert store.locked


def test_wrong_passphrase_is_reported_and_changes_nothing(data_dir: DataDir) -> None:
    make_passphrase_store(data_dir)
    before = fingerprint(data_dir.root)
    with pytest.raises(WrongPassphrase) as raised:
        open_store(data_dir, passphrase="not the passphrase", actor="t")
    assert raised.value.exit_code == 3
    assert "passphrase is not correct" in str(raised.value)
    assert fingerprint(data_dir.root) == before


def test_missing_passphrase_is_asked_for(data_dir: DataDir) -> None:
    make_passphrase_store(data_dir)
    with pytest.raises(PassphraseRequired):
        open_store(data_dir, passphrase=None, actor="t")


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda b: b[: len(b) // 2], id="truncated"),
        pytest.param(lambda b: b[:4096] + bytes(len(b) - 4096), id="zeroed-pages"),
        pytest.param(lambda b: b"\x00" * 17, id="tiny-garbage"),
        pytest.param(lambda b: bytes(x ^ 0x5A for x in b), id="scrambled"),
    ],
)
def test_damaged_database_is_reported_as_damage_and_left_alone(data_dir: DataDir, damage) -> None:  # type: ignore[no-untyped-def]
    make_passphrase_store(data_dir)
    data_dir.database.write_bytes(damage(data_dir.database.read_bytes()))
    before = fingerprint(data_dir.root)
    with pytest.raises(DamagedStore) as raised:
        open_store(data_dir, passphrase=PASSPHRASE, actor="t")
    assert raised.value.exit_code == 4
    assert fingerprint(data_dir.root) == before


def test_plain_sqlite_file_is_refused(data_dir: DataDir) -> None:
    make_passphrase_store(data_dir)
    data_dir.database.unlink()
    sqlite3.connect(data_dir.database).execute("CREATE TABLE t (x)").connection.commit()
    before = fingerprint(data_dir.root)
    with pytest.raises(DamagedStore, match="unencrypted SQLite"):
        open_store(data_dir, passphrase=PASSPHRASE, actor="t")
    assert fingerprint(data_dir.root) == before


def test_database_without_metadata_is_never_a_first_run(data_dir: DataDir) -> None:
    make_passphrase_store(data_dir)
    data_dir.meta.unlink()
    before = fingerprint(data_dir.root)
    with pytest.raises(KeyNotFound):
        open_store(data_dir, passphrase=PASSPHRASE, actor="t")
    with pytest.raises(StoreExists):
        create_store(data_dir, passphrase=PASSPHRASE, actor="t")
    assert fingerprint(data_dir.root) == before


def test_missing_key_file_is_reported_not_recreated(data_dir: DataDir) -> None:
    make_passphrase_store(data_dir)
    data_dir.wrapped_key.unlink()
    with pytest.raises(KeyNotFound, match=r"key\.json is missing"):
        open_store(data_dir, passphrase=PASSPHRASE, actor="t")
    assert not data_dir.wrapped_key.exists()


def test_no_store_says_how_to_create_one(data_dir: DataDir) -> None:
    with pytest.raises(NoStore, match="clinic init"):
        open_store(data_dir, passphrase=PASSPHRASE, actor="t")


def test_change_passphrase_rewraps_without_reencrypting(data_dir: DataDir) -> None:
    make_passphrase_store(data_dir)
    store = open_store(data_dir, passphrase=PASSPHRASE, actor="t")
    database_before = data_dir.database.read_bytes()
    store.wrap_with_passphrase("a brand new passphrase")
    store.lock()
    assert data_dir.database.read_bytes()[:4096] == database_before[:4096]
    with pytest.raises(WrongPassphrase):
        open_store(data_dir, passphrase=PASSPHRASE, actor="t")
    open_store(data_dir, passphrase="a brand new passphrase", actor="t").lock()


def test_keychain_store_round_trip(data_dir: DataDir, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    store = create_store(data_dir, passphrase=None, actor="t")
    store.lock()
    assert not data_dir.wrapped_key.exists()
    stored = [v for (_, user), v in memory_keyring.secrets.items() if user.startswith("database")]
    assert len(stored) == 1 and len(stored[0]) == 64
    assert stored[0] not in data_dir.meta.read_text()
    reopened = open_store(data_dir, actor="t")
    assert reopened.meta.key_source is KeySource.KEYCHAIN
    reopened.lock()


def test_keychain_losing_the_key_is_an_error_not_a_new_store(
    data_dir: DataDir, memory_keyring
) -> None:  # type: ignore[no-untyped-def]
    create_store(data_dir, passphrase=None, actor="t").lock()
    memory_keyring.secrets.clear()
    before = fingerprint(data_dir.root)
    with pytest.raises(KeyNotFound, match="recovery key"):
        open_store(data_dir, actor="t")
    assert fingerprint(data_dir.root) == before


def test_keychain_holding_another_key_is_detected(data_dir: DataDir, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    create_store(data_dir, passphrase=None, actor="t").lock()
    (slot,) = [s for s in memory_keyring.secrets if s[1].startswith("database-key:")]
    memory_keyring.secrets[slot] = "ab" * 32
    with pytest.raises(KeyNotFound, match="does not belong"):
        open_store(data_dir, actor="t")


def test_without_a_keychain_creation_needs_a_passphrase(data_dir: DataDir, no_keyring) -> None:  # type: ignore[no-untyped-def]
    assert not keys.keychain_available()
    with pytest.raises(KeychainUnavailable):
        create_store(data_dir, passphrase=None, actor="t")
    assert not data_dir.has_database()


def test_pragmas_on_every_connection(data_dir: DataDir) -> None:
    make_passphrase_store(data_dir)
    store = open_store(data_dir, passphrase=PASSPHRASE, actor="t")
    with store.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("cipher_version")
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("temp_store") == 2  # MEMORY
        assert pragma("secure_delete") == 1
    store.lock()


def test_encrypted_copy_opens_with_the_same_key(data_dir: DataDir, tmp_path: Path) -> None:
    make_passphrase_store(data_dir)
    store = open_store(data_dir, passphrase=PASSPHRASE, actor="t")
    copy_dir = DataDir(tmp_path / "copy")
    copy_dir.ensure_root()
    export_encrypted_copy(store, copy_dir.database)
    for name in ("store.json", "key.json"):
        (copy_dir.root / name).write_bytes((data_dir.root / name).read_bytes())
    store.lock()
    assert copy_dir.database.read_bytes()[:16] != b"SQLite format 3\x00"
    copy = open_store(copy_dir, passphrase=PASSPHRASE, actor="t")
    with copy.engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM staff")).scalar() == "Zoë Ünal"
    copy.lock()


def test_lock_wipes_the_key_and_refuses_work(data_dir: DataDir) -> None:
    make_passphrase_store(data_dir)
    store = open_store(data_dir, passphrase=PASSPHRASE, actor="t")
    key = store._key  # asserting the wipe itself
    store.lock()
    assert key == bytearray(32)
    with pytest.raises(Exception, match="locked"):
        store.unit_of_work().__enter__()


def test_a_locked_store_hands_out_no_key_material(data_dir: DataDir) -> None:
    make_passphrase_store(data_dir)
    store = open_store(data_dir, passphrase=PASSPHRASE, actor="t")
    key_hex = store.key_hex_for_recovery_kit()
    assert len(key_hex) == 64 and key_hex != "0" * 64
    store.lock()
    for hand_out in (
        store.key_hex_for_recovery_kit,
        store.key_copy,
        lambda: store.derive_key(b"anything"),
    ):
        with pytest.raises(CannotUnlock, match="locked"):
            hand_out()


def test_derived_keys_are_per_purpose_and_reveal_nothing(data_dir: DataDir) -> None:
    make_passphrase_store(data_dir)
    store = open_store(data_dir, passphrase=PASSPHRASE, actor="t")
    try:
        key = store.key_copy()
        first, again = store.derive_key(b"purpose one"), store.derive_key(b"purpose one")
        other = store.derive_key(b"purpose two")
        assert first == again == derive_subkey(key, b"purpose one")
        assert len(first) == 32 and first != other
        assert first != bytes(key) and bytes(key) not in (first, other)
        keys.wipe(key)
        assert store.key_copy() != key  # wiping the copy leaves the store's key alone
    finally:
        store.lock()


def test_encrypted_copy_is_removed_when_the_export_fails(
    data_dir: DataDir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_passphrase_store(data_dir)
    store = open_store(data_dir, passphrase=PASSPHRASE, actor="t")
    real = store.raw_connection

    class FailingExport:
        def __init__(self) -> None:
            self.connection = real()

        def execute(self, sql: str, *args: object) -> object:
            if "sqlcipher_export" in sql:
                self.connection.execute("CREATE TABLE safety.partial (x)")  # something written
                raise sqlcipher3.OperationalError("database or disk is full")
            return self.connection.execute(sql, *args)

        def close(self) -> None:
            self.connection.close()

    monkeypatch.setattr(store, "raw_connection", FailingExport)
    target = tmp_path / "copy.db"
    try:
        with pytest.raises(sqlcipher3.OperationalError):
            export_encrypted_copy(store, target)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
        monkeypatch.undo()
        with pytest.raises(FileExistsError):  # an existing file is never overwritten...
            target.write_bytes(b"someone else's")
            export_encrypted_copy(store, target)
        assert target.read_bytes() == b"someone else's"  # ...nor removed
    finally:
        store.lock()


def test_encrypted_copy_is_one_snapshot_while_another_connection_writes(
    data_dir: DataDir, tmp_path: Path
) -> None:
    make_passphrase_store(data_dir)
    store = open_store(data_dir, passphrase=PASSPHRASE, actor="t")
    writer = store.raw_connection()
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute(
            "INSERT INTO staff (name, role, email, active) VALUES ('x', 'paralegal', '', 1)"
        )
        export_encrypted_copy(store, tmp_path / "copy.db")  # not blocked, and not half of it
        writer.execute("COMMIT")
        key = store.key_copy()
        copy = connect_raw(tmp_path / "copy.db", key)
        keys.wipe(key)
        assert copy.execute("SELECT name FROM staff").fetchall() == [("Zoë Ünal",)]
        copy.close()
        assert (tmp_path / "copy.db").stat().st_mode & 0o777 == 0o600
    finally:
        writer.close()
        store.lock()
