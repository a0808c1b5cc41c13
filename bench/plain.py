"""A plaintext copy of a (synthetic) benchmark store, for measuring what encryption costs.

``sqlcipher_export`` writes the same pages, unencrypted, into a temporary folder; the copy is
opened with the same SQLite library (sqlcipher3, no key) and the same pragmas, and the folder
is deleted when the measurement ends. Only ever used on the benchmark's invented data.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event

from clinic.storage.engine import BUSY_TIMEOUT_MS, CACHE_SIZE_KIB
from clinic.storage.store import Store


def _plain_engine(database: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{database}", module=sqlcipher3.dbapi2, pool_size=2, max_overflow=4
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        for pragma in (
            "PRAGMA foreign_keys = ON",
            f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
            "PRAGMA secure_delete = ON",
            "PRAGMA temp_store = MEMORY",
            f"PRAGMA cache_size = -{CACHE_SIZE_KIB}",
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = FULL",
        ):
            cursor.execute(pragma)
        cursor.close()

    return engine


class PlainStore(Store):
    """A Store whose engine reads the plaintext copy (services accept it unchanged)."""

    def __init__(self, like: Store, database: Path) -> None:
        self.datadir = like.datadir
        self.meta = like.meta
        self.actor = like.actor
        self._key = bytearray(32)
        self._engine = _plain_engine(database)
        self.vault = like.vault
        self.upgrade_note = None
        self.copy_check = None
        self.read_only = False  # the copy is read by the benchmark, never saved to


@contextlib.contextmanager
def plain_copy(store: Store, root: Path) -> Iterator[Store]:
    folder = Path(tempfile.mkdtemp(prefix="plain-", dir=root))
    target = folder / "plain.db"
    try:
        connection = store.raw_connection()
        try:
            quoted = str(target).replace("'", "''")
            connection.execute(f"ATTACH DATABASE '{quoted}' AS plain KEY ''")
            connection.execute("SELECT sqlcipher_export('plain')")
            connection.execute("DETACH DATABASE plain")
        finally:
            connection.close()
        plain = PlainStore(store, target)
        try:
            yield plain
        finally:
            if not plain.locked:
                plain.lock()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
