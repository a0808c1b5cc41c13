"""Errors the store reports to people. Messages say what happened and what to do.

No message ever includes key material, a passphrase or client data.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base class; ``exit_code`` follows the command line's documented codes."""

    exit_code = 1


class CannotUnlock(StoreError):
    exit_code = 3


class WrongPassphrase(CannotUnlock):
    def __init__(self) -> None:
        super().__init__(
            "The passphrase is not correct. Check the keyboard layout and Caps Lock, then try again. "
            "If it is lost, open the store with the recovery key from the printed recovery kit."
        )


class KeyNotFound(CannotUnlock):
    pass


class KeychainUnavailable(CannotUnlock):
    pass


class DamagedStore(StoreError):
    exit_code = 4


class StoreExists(StoreError):
    exit_code = 1


class NoStore(StoreError):
    exit_code = 1


class UnsafeSqlite(StoreError):
    """The SQLite module in use does not encrypt; refusing to write plaintext."""

    exit_code = 4
