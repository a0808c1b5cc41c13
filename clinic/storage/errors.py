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


class DiskFull(StoreError):
    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "The disk is full, so nothing was saved. Free some space (or move the data folder) "
            "and save again; what you typed is still on screen."
        )


class ReadOnlyStore(StoreError):
    """The data folder or the database cannot be written (read-only disk, permissions)."""

    def __init__(self, where: str = "The data folder") -> None:
        super().__init__(
            f"{where} is read-only, and Clinic must be able to save there. Nothing was changed. "
            "Copy the data folder to a writable disk, or fix its permissions (the folder and its "
            "files must be writable by you), then open the store again."
        )


class DiskError(StoreError):
    """The operating system reported an I/O error while the database was used."""

    exit_code = 4

    def __init__(self) -> None:
        super().__init__(
            "The disk reported an error while the database was being used, so this action did "
            "not complete. Check that the disk (or USB stick) is connected and healthy, then run "
            "'clinic doctor'. Keep your backups."
        )
