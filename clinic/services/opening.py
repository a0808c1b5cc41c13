"""What the window asks before anything is unlocked: which folder, whether a store lives there
to be opened (never created), and whether its key needs the passphrase.

These answers come from the store's files alone (:mod:`clinic.storage.store_files`), without
SQLAlchemy or the database, so the unlock window can be shown before the rest of the app is
loaded (issue 20 § 1); :mod:`clinic.services.lifecycle` answers the same questions for the
command line with the same functions.
"""

from __future__ import annotations

from pathlib import Path

from clinic.storage import keys
from clinic.storage.datadir import DataDir, default_data_dir
from clinic.storage.store_files import needs_passphrase, store_expected


def resolve_data_dir(path: Path | None) -> DataDir:
    return DataDir((path or default_data_dir()).expanduser().resolve())


def store_exists(data_dir: DataDir) -> bool:
    """Whether to open (never create): a first run is an empty or absent folder that this
    computer has never kept a store in."""
    return store_expected(data_dir)


def passphrase_needed(data_dir: DataDir) -> bool:
    """Whether opening needs the passphrase; a missing or damaged file is reported first (a
    :class:`~clinic.storage.errors.StoreError`), so nobody types a passphrase for a store
    that cannot open."""
    return needs_passphrase(data_dir)


def keychain_available() -> bool:
    return keys.keychain_available()
