"""The storage names the window and the command line may use: the only storage module they import.

Decision (issue 19 § 5, docs/architecture.md "Public storage names"): work on the data goes
through services; what the layers above still need from storage is a handle, some error types
to catch and a few facts about keys, and those are re-exported here and nowhere else. An
import-linter contract forbids ``clinic.ui`` and ``clinic.cli`` every other ``clinic.storage``
module, so opening, migrating, backing up or decrypting anything from the window or the command
line goes through ``clinic.services``.

* :class:`Store` — the open store a session holds and passes to services (type only: its
  methods are storage's, the callers pass it on). :class:`PassphraseRequired` says it needs one.
* :class:`DataDir` — where a store lives (the folder the user chose, or the default).
* Errors a caller tells apart: :class:`StoreError` (every storage failure, with an exit code and
  a message for the user), :class:`WrongPassphrase`, :class:`KeyNotFound`, :class:`OlderCopy`,
  :class:`BackupError` and :class:`DamagedBackup`.
* Keys: :class:`KeySource` (keychain or passphrase), :data:`MIN_PASSPHRASE_LENGTH` and
  :func:`passphrase_problem`, so a dialog can judge a new passphrase as it is typed.
* :class:`Manifest` — what a backup says about itself, shown before a restore.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clinic.storage.backup_format import BackupError, DamagedBackup, Manifest
from clinic.storage.datadir import DataDir
from clinic.storage.errors import (
    UPGRADE_NOTE,
    KeyNotFound,
    OlderCopy,
    StoreError,
    StoreGone,
    WrongPassphrase,
)
from clinic.storage.keys import MIN_PASSPHRASE_LENGTH, KeySource, passphrase_problem

if TYPE_CHECKING:
    from clinic.storage.store import PassphraseRequired, Store

# Store and PassphraseRequired live with SQLAlchemy and the migrations: loaded on first use, so
# the unlock window (which imports this module) is shown before them (issue 20 § 1; the
# warm-up thread imports them while the passphrase is typed).
_LAZY = {"PassphraseRequired", "Store"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from clinic.storage import store  # noqa: PLC0415

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "MIN_PASSPHRASE_LENGTH",
    "UPGRADE_NOTE",
    "BackupError",
    "DamagedBackup",
    "DataDir",
    "KeyNotFound",
    "KeySource",
    "Manifest",
    "OlderCopy",
    "PassphraseRequired",
    "Store",
    "StoreError",
    "StoreGone",
    "WrongPassphrase",
    "passphrase_problem",
]
