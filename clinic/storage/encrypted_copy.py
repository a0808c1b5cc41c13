"""Encrypted copies of the database under its own key: the safety copy before a migration."""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path

from clinic.storage.store_handle import Store

SAFETY_COPIES_KEPT = 3


def safety_copy(store: Store) -> Path:
    """An encrypted copy (same key) of the database before a migration changes it."""
    folder = store.datadir.safety_copies
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"pre-migration-{stamp}.db"
    export_encrypted_copy(store, target)
    copies = sorted(folder.glob("pre-migration-*.db"))
    for old in copies[:-SAFETY_COPIES_KEPT]:
        old.unlink()
    return target


def export_encrypted_copy(store: Store, target: Path) -> None:
    """A consistent copy under the same key via ``sqlcipher_export`` (not a file copy).

    The copy is made inside one explicit read transaction, so it is one snapshot even while
    other connections write; the attached copy takes the key from the connection (no copy of
    the key is made here). ``target`` must not exist; on any failure it is removed again.
    """
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    os.close(fd)  # ours alone from here on, owner-only from the start (SQLite opens it empty)
    try:
        connection = store.raw_connection()
        try:
            quoted = str(target).replace("'", "''")
            connection.execute(f"ATTACH DATABASE '{quoted}' AS safety")  # same key as main
            connection.execute("BEGIN")
            connection.execute("SELECT count(*) FROM main.sqlite_master").fetchone()  # snapshot
            connection.execute("SELECT sqlcipher_export('safety')")
            connection.execute("COMMIT")
            connection.execute("DETACH DATABASE safety")
        finally:
            connection.close()
        target.chmod(0o600)
    except BaseException:
        for path in (target, Path(f"{target}-journal"), Path(f"{target}-wal")):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        raise
