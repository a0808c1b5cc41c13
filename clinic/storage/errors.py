"""Errors the store reports to people. Messages say what happened and what to do.

No message ever includes key material, a passphrase or client data.
"""

from __future__ import annotations

from clinic.domain.i18n import N_, gettext, translate

# Said once after opening migrated the schema (not an error: the command goes on)
UPGRADE_NOTE = N_(
    "Clinic was updated, so the records were brought up to date. A copy from before the "
    "update is kept (encrypted) in {copy}."
)


class StoreError(Exception):
    """Base class; ``exit_code`` follows the command line's documented codes.

    A message may be a ``str.format`` template with ``values`` (``NoStore(N_("No store in
    {folder}."), folder=path)``): ``str(exc)`` is the English text, and :meth:`message_in`
    translates the template before filling it in."""

    exit_code = 1

    def __init__(self, message: str = "", /, **values: object) -> None:
        self.template = message
        self.values = values
        super().__init__(message.format(**values) if values else message)

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` (English when the catalogue lacks it)."""
        if not self.template:
            return str(self)
        values = {  # marked words passed as values ("The database") are translated too
            name: gettext(value, lang) if isinstance(value, str) else value
            for name, value in self.values.items()
        }
        return translate(self.template, lang, **values)


class CannotUnlock(StoreError):
    exit_code = 3


class WrongPassphrase(CannotUnlock):
    def __init__(self) -> None:
        super().__init__(
            N_(
                "The passphrase is not correct. Check the keyboard layout and Caps Lock, then try "
                "again. If it is lost, open the store with the recovery key from the printed "
                "recovery kit."
            )
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
            or N_(
                "The disk is full, so nothing was saved. Free some space (or move the data "
                "folder) and save again; what you typed is still on screen."
            )
        )


class StoreBusy(StoreError):
    """Another part of Clinic held the database's write lock past the busy timeout (for example
    while every case's deadlines are recalculated after a rule change)."""

    def __init__(self) -> None:
        super().__init__(
            N_(
                "Clinic is busy saving something else (for example recalculating every case's "
                "deadlines), so nothing was saved. Wait a moment and save again; what you typed "
                "is still on screen."
            )
        )


class ChangedMeanwhile(StoreError):
    """Someone else saved a newer version of a row between this save's read and its write (the
    ORM's version check found the row's version moved on: ``StaleDataError``). Nothing was
    saved; the same edit may be looked at again and saved over theirs."""

    exit_code = 5

    def __init__(self) -> None:
        super().__init__(
            N_(
                "Someone else saved a change to the same record at the same moment, so nothing "
                "was saved. Open it again to see their change, then save yours again; what you "
                "typed is still on screen."
            )
        )


class ReadOnlyStore(StoreError):
    """The data folder or the database cannot be written (read-only disk, permissions)."""

    def __init__(self, where: str = N_("The data folder"), *, path: object = "") -> None:
        if path:
            template = N_(
                "{where} ({path}) is read-only, and Clinic must be able to save there. Nothing "
                "was changed. Copy the data folder to a writable disk, or fix its permissions "
                "(the folder and its files must be writable by you), then open the store again."
            )
        else:
            template = N_(
                "{where} is read-only, and Clinic must be able to save there. Nothing was "
                "changed. Copy the data folder to a writable disk, or fix its permissions (the "
                "folder and its files must be writable by you), then open the store again."
            )
        super().__init__(template, where=where, path=path)


class DiskError(StoreError):
    """The operating system reported an I/O error while the database was used."""

    exit_code = 4

    def __init__(self) -> None:
        super().__init__(
            N_(
                "The disk reported an error while the database was being used, so this action did "
                "not complete. Check that the disk (or USB stick) is connected and healthy, then "
                "run 'clinic doctor'. Keep your backups."
            )
        )


class ConnectionLost(StoreError):
    """Office mode: the connection to the office server broke (or the server cannot be reached)
    while an action ran. The action's one transaction was not committed, so nothing of it was
    written; the pool connects again by itself at the next action. ``code`` tells the cases
    apart for the window's words: ``connection_lost`` (broke before the commit: nothing was
    written), ``connection_lost_at_commit`` (broke while the commit was being confirmed: the
    server either committed all of it or none of it, and could not say which) and
    ``server_unreachable`` (no connection could be made; see ``postgres_target``)."""

    exit_code = 3
    code = "connection_lost"

    def __init__(self, message: str = "", /, **values: object) -> None:
        super().__init__(
            message
            or N_(
                "The connection to the office server was lost, so nothing of this action was "
                "saved. Clinic connects again by itself: try again once the network is back."
            ),
            **values,
        )

    @classmethod
    def at_commit(cls) -> ConnectionLost:
        lost = cls(
            N_(
                "The connection to the office server was lost while the save was being "
                "confirmed, so Clinic cannot tell whether it was saved (all of it or none of "
                "it). Look at the record again once the server is back before saving again."
            )
        )
        lost.code = "connection_lost_at_commit"
        return lost


class NotPermitted(StoreError):
    """Office mode: the server refused the action because the login's staff role may not do it
    (PostgreSQL's insufficient_privilege, SQLSTATE 42501: the clinic's settings are written by
    administrators only, a volunteer changes only their own cases). The transaction was rolled
    back, so nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            N_(
                "The office server does not let your login make this change, so nothing was "
                "saved. The clinic's settings are changed by an administrator, and a volunteer "
                "changes only the cases assigned to them: ask an administrator to make it."
            )
        )


class StoreGone(DamagedStore):
    """The data folder is empty or gone, but this computer knows a store lived there."""


class OlderCopy(StoreError):
    """The database ends before a chain head kept outside it: an older copy was put back (or
    another copy of the store was changed separately). It opens read-only."""

    exit_code = 4
