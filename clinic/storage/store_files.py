"""A store's files as they lie in its folder, read before anything is unlocked: whether a
folder holds a store to open (never create), whether its key needs the passphrase, and whether
the files are whole enough to ask for it. Nothing here needs SQLAlchemy or the database: the
unlock window asks these questions before the rest of the app is loaded (issue 20 § 1)."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from typing import Any

from clinic.domain.i18n import N_
from clinic.storage import anchors, keys
from clinic.storage.datadir import DataDir, looks_like_plain_sqlite
from clinic.storage.errors import CannotUnlock, DamagedStore, KeyNotFound, NoStore, StoreGone
from clinic.storage.keys import KeySource

META_FORMAT = 1
PAGE_SIZE = 4096  # SQLCipher 4's page size: a whole database file is whole pages


@dataclass(frozen=True)
class StoreMeta:
    store_id: str
    key_source: KeySource
    key_check: str
    created_at: str
    format: int = META_FORMAT

    def to_json(self) -> bytes:
        return json.dumps(
            {
                "format": self.format,
                "store_id": self.store_id,
                "key_source": self.key_source.value,
                "key_check": self.key_check,
                "created_at": self.created_at,
            },
            indent=2,
        ).encode()


def read_meta(datadir: DataDir) -> StoreMeta:
    try:
        data: Any = json.loads(datadir.meta.read_bytes())
        meta = StoreMeta(
            store_id=str(data["store_id"]),
            key_source=KeySource(data["key_source"]),
            key_check=str(data["key_check"]),
            created_at=str(data["created_at"]),
            format=int(data["format"]),
        )
    except FileNotFoundError:
        raise KeyNotFound(
            N_(
                "The database in {folder} has no store.json beside it, so its key cannot be "
                "found. Restore store.json from a backup, or open it with the recovery key "
                "(clinic unlock --recovery-key). No new key or empty database was created."
            ),
            folder=datadir.root,
        ) from None
    except (ValueError, KeyError, TypeError):
        raise DamagedStore(
            N_("store.json in {folder} is damaged. Restore it from a backup; nothing was changed."),
            folder=datadir.root,
        ) from None
    if meta.format > META_FORMAT:
        raise DamagedStore(N_("This store was made by a newer version of Clinic; install it."))
    return meta


def needs_passphrase(datadir: DataDir) -> bool:
    """Whether opening needs the passphrase; a missing or damaged file is reported first, so
    nobody types a passphrase for a store that cannot open."""
    check_store_files(datadir)
    return read_meta(datadir).key_source is KeySource.PASSPHRASE


def store_expected(datadir: DataDir) -> bool:
    """Whether ``datadir`` must be opened rather than created: it is not empty, or this
    computer remembers a store there. A first run is an empty or absent folder only."""
    return not datadir.is_empty_or_absent() or anchors.known_in_folder(datadir.root) is not None


def check_store_files(datadir: DataDir) -> None:
    """Refuse, before any key is asked for or any file opened for writing, a folder whose
    database is absent, empty, cut short or plain SQLite while other files (or this
    computer's records) say a store lives there. Nothing is changed."""
    if datadir.is_empty_or_absent():
        _refuse_gone_store(datadir)
        raise NoStore(
            N_("There is no Clinic store in {folder}. Create one with 'clinic init'."),
            folder=datadir.root,
        )
    database = datadir.database
    if not database.is_file():
        raise DamagedStore(
            N_(
                "The database file clinic.db is missing from {folder}, but the other files "
                "there ({files}) show that a store was kept there. Nothing was changed. "
                "Restore the latest backup (clinic restore --over-current FILE keeps this "
                "folder as a safety copy)."
            ),
            folder=datadir.root,
            files=", ".join(p.name for p in datadir.store_files()),
        )
    size = database.stat().st_size
    if size == 0:
        raise DamagedStore(
            N_(
                "The database file {path} is empty (0 bytes): a failed copy, a full disk or a "
                "sync program may have left it so. Nothing was changed. Restore the latest "
                "backup (clinic restore --over-current FILE)."
            ),
            path=database,
        )
    if looks_like_plain_sqlite(database):
        raise DamagedStore(
            N_(
                "{path} is an unencrypted SQLite file, not a Clinic store. Nothing was "
                "changed; move it away and restore the store from a backup."
            ),
            path=database,
        )
    if size % PAGE_SIZE:
        raise DamagedStore(
            N_(
                "The database file {path} is cut short ({size} bytes, not whole pages). "
                "Nothing was changed. Restore the latest backup (clinic restore "
                "--over-current FILE)."
            ),
            path=database,
            size=size,
        )


def _refuse_gone_store(datadir: DataDir) -> None:
    known = anchors.known_in_folder(datadir.root)
    if known is None:
        return
    in_keychain = False
    if known.key_source == KeySource.KEYCHAIN.value:
        with contextlib.suppress(CannotUnlock):
            found = keys.load_from_keychain(known.store_id)
            in_keychain = found is not None
            if found is not None:
                keys.wipe(found)
    if in_keychain:
        raise StoreGone(
            N_(
                "The Clinic store kept in {folder} is gone, but this computer's keychain "
                "still holds its key. Restore the latest backup into that folder (clinic "
                "restore FILE), or choose another folder (--data-dir). To start afresh there "
                "instead, run 'clinic init --start-afresh', which also removes the old key "
                "from the keychain. Nothing was changed."
            ),
            folder=datadir.root,
        )
    raise StoreGone(
        N_(
            "The Clinic store kept in {folder} is gone (this computer opened it there "
            "before). Restore the latest backup into that folder (clinic restore FILE), or "
            "choose another folder (--data-dir). To start afresh there instead, run 'clinic "
            "init --start-afresh'. Nothing was changed."
        ),
        folder=datadir.root,
    )
