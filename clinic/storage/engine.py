"""The SQLCipher engine: a plain ``sqlite://`` URL, the ``sqlcipher3`` module, and a connect
hook that keys every new connection before anything else runs on it.

Traps this guards against (see docs/security.md):
- plain SQLite ignores ``PRAGMA key`` and writes plaintext: we refuse unless
  ``cipher_version`` answers;
- ``PRAGMA key`` must be the first statement: no pool pre-ping, the hook runs first;
- the key never appears in the URL, in SQLAlchemy's logs (``hide_parameters``) or in an
  exception's text (errors inside the hook are replaced by our own messages);
- a page that fails its HMAC, a full disk, a read-only file or an I/O error surface as our
  :class:`StoreError` messages (``handle_error``), never as raw driver errors, and a connection
  that met a damaged page is replaced (SQLCipher keeps such a connection in an error state).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DisconnectionError

from clinic.domain.i18n import N_
from clinic.storage.errors import (
    DamagedStore,
    DiskError,
    DiskFull,
    ReadOnlyStore,
    StoreBusy,
    StoreError,
    UnsafeSqlite,
)

BUSY_TIMEOUT_MS = 5000
# 64 MiB of page cache (negative = KiB): decrypting pages dominates scans when the cache is small.
CACHE_SIZE_KIB = 65536

_PRAGMAS_AFTER_KEY = (
    "PRAGMA cipher_compatibility = 4",
    "PRAGMA foreign_keys = ON",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    f"PRAGMA cache_size = -{CACHE_SIZE_KIB}",
    "PRAGMA trusted_schema = OFF",
)


# Primary SQLite result codes (the low byte of the extended code the driver reports).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

_SPOILED = "clinic.spoiled"

DAMAGED_ON_OPEN = (
    "The database file is damaged or is not a Clinic database. Nothing was changed. "
    "Restore from a backup (clinic restore) or run 'clinic doctor' for details."
)
DAMAGED_ON_READ = (
    "The database is damaged: part of it failed its integrity check, so it was not read "
    "(nothing damaged is ever shown as data) and nothing was changed. Run 'clinic doctor' to see "
    "which records are affected, and restore from a backup (clinic restore)."
)


def primary_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of a driver error, if it carries one."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def store_error_for(exc: BaseException) -> StoreError | None:
    """Our message for a driver error that people must understand (damage, full or read-only
    disk, I/O error, a write lock held too long); ``None`` for every other error (constraint
    violations, bugs)."""
    code = primary_code(exc)
    if code == SQLITE_FULL:
        return DiskFull()
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DamagedStore(DAMAGED_ON_READ)
    if code == SQLITE_READONLY:
        return ReadOnlyStore(N_("The database"))
    if code == SQLITE_IOERR:
        return DiskError()
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreBusy()
    return None


def _apply_key(cursor: Any, key: bytearray) -> None:
    # The hex string exists only for this statement; it is never logged or re-raised.
    cursor.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")


def configure_connection(dbapi_connection: Any, key: bytearray) -> None:
    """Key a raw DB-API connection and apply the pragmas. Used by the engine and by backups."""
    cursor = dbapi_connection.cursor()
    try:
        _apply_key(cursor, key)
        row = cursor.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            raise UnsafeSqlite(
                N_(
                    "The SQLite library in use cannot encrypt. Reinstall Clinic; it will not "
                    "store client data without encryption."
                )
            )
        # SQLCipher logs "hmac check failed" to stderr; keep that out of logs that may be synced.
        cursor.execute("PRAGMA cipher_log_level = NONE")
        for pragma in _PRAGMAS_AFTER_KEY:
            cursor.execute(pragma)
        # The first read is where a wrong key or a damaged file shows ("file is not a database").
        cursor.execute("SELECT count(*) FROM sqlite_master").fetchone()
        mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
        cursor.execute("PRAGMA synchronous = FULL")  # NORMAL can lose the last commit in WAL
        temp_store = cursor.execute("PRAGMA temp_store").fetchone()
    except sqlcipher3.DatabaseError as exc:
        raise _open_error(exc) from None
    finally:
        cursor.close()
    if not mode or str(mode[0]).lower() != "wal":
        raise DamagedStore("The database could not be switched to write-ahead logging.")
    if not temp_store or int(temp_store[0]) != 2:
        raise UnsafeSqlite("Temporary tables would be written to disk; refusing to open.")


# Connections that read or write a whole database once (backups and their checks).
SCAN_CACHE_KIB = 8192
_SCAN_CACHE = f"PRAGMA cache_size = -{SCAN_CACHE_KIB}"


def connect_read_only(database: Path, key: bytearray) -> Any:
    """A keyed connection that cannot write to ``database`` (a backup's copy checked while it
    is archived): opened read-only, its journal mode left as it is."""
    connection = sqlcipher3.dbapi2.connect(
        f"{Path(database).absolute().as_uri()}?mode=ro", uri=True, isolation_level=None
    )
    try:
        cursor = connection.cursor()
        try:
            _apply_key(cursor, key)
            cursor.execute("PRAGMA cipher_log_level = NONE")
            for pragma in _PRAGMAS_AFTER_KEY:
                cursor.execute(pragma)
            cursor.execute(_SCAN_CACHE)  # read once, front to back: a big cache only costs memory
            cursor.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            cursor.close()
    except sqlcipher3.DatabaseError as exc:
        connection.close()
        raise _open_error(exc) from None
    except BaseException:
        connection.close()
        raise
    return connection


def connect_new_copy(database: Path, key: bytearray) -> Any:
    """A keyed connection to a new, empty scratch file that SQLite's backup API fills with a
    page copy of a store: the store's cipher settings, no journal (the file is thrown away on
    any failure)."""
    connection = sqlcipher3.dbapi2.connect(str(database), isolation_level=None)
    try:
        cursor = connection.cursor()
        try:
            _apply_key(cursor, key)
            cursor.execute("PRAGMA cipher_log_level = NONE")
            for pragma in _PRAGMAS_AFTER_KEY:
                cursor.execute(pragma)
            cursor.execute(_SCAN_CACHE)
            cursor.execute("PRAGMA journal_mode = OFF")
        finally:
            cursor.close()
    except sqlcipher3.DatabaseError as exc:
        connection.close()
        raise _open_error(exc) from None
    except BaseException:
        connection.close()
        raise
    return connection


def _open_error(exc: BaseException) -> StoreError:
    code = primary_code(exc)
    if code == SQLITE_READONLY:
        return ReadOnlyStore(N_("The database"))
    if code == SQLITE_CANTOPEN:
        return StoreError(
            "The database file could not be opened: check that the data folder and its files "
            "are there and can be read and written by you. Nothing was changed."
        )
    if code == SQLITE_FULL:
        return DiskFull("The disk is full, so the store cannot be opened. Free some space first.")
    if code == SQLITE_IOERR:
        return DiskError()
    return DamagedStore(DAMAGED_ON_OPEN)


def create_store_engine(database: Path, key: bytearray) -> Engine:
    """An engine whose every connection is keyed by ``key`` (kept by reference, not copied)."""
    engine = create_engine(
        f"sqlite:///{database}",
        module=sqlcipher3.dbapi2,
        hide_parameters=True,
        echo=False,
        pool_pre_ping=False,
        pool_size=2,
        max_overflow=4,
    )

    @event.listens_for(engine, "connect", insert=True)
    def _key_connection(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.enable_load_extension(False) if hasattr(
            dbapi_connection, "enable_load_extension"
        ) else None
        configure_connection(dbapi_connection, key)

    @event.listens_for(engine, "handle_error")
    def _explain(context: ExceptionContext) -> None:
        # Raising here replaces SQLAlchemy's wrapper; the session still rolls back (quietly:
        # after SQLITE_FULL SQLite has already rolled back).
        error = store_error_for(context.original_exception)
        if error is None:
            return
        if isinstance(error, DamagedStore | DiskError) and context.connection is not None:
            # SQLCipher leaves a connection that met a bad page in an error state: the pool
            # replaces it at its next checkout, so the undamaged rest can still be read.
            context.connection.info[_SPOILED] = True
        raise error from None

    @event.listens_for(engine, "checkout")
    def _replace_spoiled(_dbapi: Any, record: Any, _proxy: Any) -> None:
        if record.info.get(_SPOILED):
            raise DisconnectionError("replacing a connection that met a damaged page")

    return engine


def connect_raw(database: Path, key: bytearray) -> Any:
    """A keyed DB-API connection outside the pool (integrity checks on a fresh connection)."""
    connection = sqlcipher3.dbapi2.connect(str(database), isolation_level=None)
    try:
        configure_connection(connection, key)
    except BaseException:
        connection.close()
        raise
    return connection
