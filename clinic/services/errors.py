"""The errors services raise: a kind, a code and parameters; words are chosen where they are shown.

A :class:`ServiceError` keeps an English ``str.format`` template (marked ``N_``, so the gettext
catalogue has it) and its values: ``str(exc)`` is the English text as before, and
:meth:`ServiceError.message_in` gives it in the user's language (the command line and the
window call it with their language; docs/decisions/0010). Its :attr:`~ServiceError.kind` says
what sort of failure it is, so the window can present each sort its own way (a thing that no
longer exists, a request refused, a busy database, a disk problem, ...).

The storage layer's own errors (``StoreError``) carry a template the same way; :func:`reason_of`
reads either (and ``OSError``) into one :class:`Reason`, so the layers above never need to import
``clinic.storage.errors`` to tell a busy database from a full disk.

A later kind (office mode: a lost connection to the server) is one more :class:`ErrorKind`
member, raised by its own :class:`ServiceError` subclass (as :class:`EditConflict` is for
``CONFLICT``, a save over someone else's newer version of a record); the window's
presentation table (clinic/ui/problems.py) must then say how it is shown, and mypy's
exhaustiveness check on that table fails until it does.
"""

from __future__ import annotations

import errno
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import ClassVar

from clinic.domain.i18n import N_, gettext, translate
from clinic.storage.errors import (
    CannotUnlock,
    ChangedMeanwhile,
    ConnectionLost,
    DamagedStore,
    DiskError,
    DiskFull,
    NotPermitted,
    OlderCopy,
    ReadOnlyStore,
    StoreBusy,
    StoreError,
)


class ErrorKind(StrEnum):
    NOT_FOUND = "not_found"  # what the request names no longer exists (deleted meanwhile)
    REJECTED = "rejected"  # the request cannot be done as asked; the message says what to change
    BUSY = "busy"  # another writer held the database; the same request may simply be retried
    STORAGE = "storage"  # the store's disk is full, read-only, failing or damaged
    LOCKED = "locked"  # the store cannot be opened (passphrase, key, keychain)
    FILE = "file"  # a file outside the store could not be read or written
    CANCELLED = "cancelled"  # the user (or locking) stopped it; nothing was kept
    CONFLICT = "conflict"  # someone else saved a newer version of the record; nothing was saved
    CONNECTION_LOST = "connection_lost"  # office mode: the server could not be reached or the
    # connection broke during the action; nothing was written, the same request may be retried
    FAILED = "failed"  # anything unexpected: a fault in Clinic, logged with its traceback


class ServiceError(Exception):
    """Base of the services' own errors. ``code`` names the reason for programs (tests, the
    window's presentation); ``exit_code`` follows the command line's documented codes."""

    kind: ClassVar[ErrorKind] = ErrorKind.REJECTED
    exit_code: ClassVar[int] = 1
    code: str = "rejected"

    def __init__(self, template: str = "", /, **values: object) -> None:
        self.template = template
        self.values = values
        super().__init__(template.format(**values) if values else template)

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` (English when the catalogue lacks it); marked words passed
        as values are translated too."""
        if not self.template:
            return str(self)
        values = {
            name: gettext(value, lang) if isinstance(value, str) else value
            for name, value in self.values.items()
        }
        return translate(self.template, lang, **values)


class Thing(StrEnum):
    CASE = "case"
    CLIENT = "client"
    HEARING = "hearing"
    DEADLINE = "deadline"
    EVIDENCE = "evidence"
    FILE = "file"


_NOT_FOUND = {
    Thing.CASE: N_("case {id} does not exist"),
    Thing.CLIENT: N_("client {id} does not exist"),
    Thing.HEARING: N_("hearing {id} does not exist"),
    Thing.DEADLINE: N_("deadline {id} does not exist"),
    Thing.EVIDENCE: N_("evidence {id} does not exist"),
    Thing.FILE: N_("file {id} does not exist"),
}


class NotFound(ServiceError, LookupError):
    """A case, client, hearing, ... that the request names is not in the store (another window
    or person deleted it, or a command line was given a wrong number). Still a ``LookupError``
    for callers that catch that."""

    kind = ErrorKind.NOT_FOUND

    def __init__(self, thing: Thing, ident: object) -> None:
        super().__init__(_NOT_FOUND[thing], id=ident)
        self.thing = thing
        self.ident = ident
        self.code = f"{thing.value}_not_found"


class NotInCase(ServiceError, LookupError):
    """An exhibit named for a case's packet belongs to another case."""

    kind = ErrorKind.NOT_FOUND
    code = "evidence_not_in_case"

    def __init__(self, evidence_id: object, case_id: object) -> None:
        super().__init__(
            N_("evidence {evidence} is not part of case {case}"),
            evidence=evidence_id,
            case=case_id,
        )


class Rejected(ServiceError, ValueError):
    """The request itself cannot be done as asked (a wrong option, an incomplete order); the
    message says what to change. Still a ``ValueError`` for callers that catch that."""

    kind = ErrorKind.REJECTED

    def __init__(self, code: str, template: str, /, **values: object) -> None:
        super().__init__(template, **values)
        self.code = code


_CHANGED = {
    Thing.CASE: N_(
        "case {id} was changed by {who} at {at} after you opened it ({fields}); nothing was saved"
    ),
    Thing.CLIENT: N_(
        "client {id} was changed by {who} at {at} after you opened it ({fields}); nothing was saved"
    ),
    Thing.HEARING: N_(
        "hearing {id} was changed by {who} at {at} after you opened it ({fields}); nothing was "
        "saved"
    ),
    Thing.DEADLINE: N_(
        "deadline {id} was changed by {who} at {at} after you opened it ({fields}); nothing was "
        "saved"
    ),
    Thing.EVIDENCE: N_(
        "evidence {id} was changed by {who} at {at} after you opened it ({fields}); nothing was "
        "saved"
    ),
    Thing.FILE: N_(
        "file {id} was changed by {who} at {at} after you opened it ({fields}); nothing was saved"
    ),
}


@dataclass(frozen=True)
class TheirChange:
    """One field someone else changed after the version the user started from: the value the
    user had (``before``), the value saved since (``theirs``, by ``who`` at ``at``, from the
    audit trail) and the value the user tried to save (``yours``; ``attempted`` False when the
    user's save did not set this field). Values are as audited (text, numbers, booleans,
    lists; dates and enums as their stored text)."""

    field: str
    before: object
    theirs: object
    who: str
    at: datetime
    yours: object = None
    attempted: bool = False


class EditConflict(ServiceError):
    """A save started from ``expected_version`` of a record whose version is now
    ``current_version``: someone else saved in between. Nothing was saved. ``changes`` say what
    they changed (oldest first), ``attempted`` what the user tried to save; saving again with
    ``expected_version=current_version`` saves the user's values over theirs (audited)."""

    kind = ErrorKind.CONFLICT
    exit_code = 5

    def __init__(
        self,
        thing: Thing,
        ident: object,
        *,
        expected_version: int,
        current_version: int,
        changes: tuple[TheirChange, ...],
        attempted: Mapping[str, object],
    ) -> None:
        last = max((c.at for c in changes), default=None)
        who = ", ".join(dict.fromkeys(c.who for c in changes)) or "?"
        at = last.astimezone().strftime("%Y-%m-%d %H:%M") if last is not None else "?"
        fields = ", ".join(dict.fromkeys(c.field.replace("_", " ") for c in changes)) or "?"
        super().__init__(_CHANGED[thing], id=ident, who=who, at=at, fields=fields)
        self.code = f"{thing.value}_changed"
        self.thing = thing
        self.ident = ident
        self.expected_version = expected_version
        self.current_version = current_version
        self.changes = changes
        self.attempted = dict(attempted)


@dataclass(frozen=True)
class Reason:
    """Why an operation failed, read from whatever it raised: its kind and code, and the
    message in a language on request."""

    kind: ErrorKind
    code: str
    error: BaseException = field(compare=False)

    def message_in(self, lang: str) -> str:
        error = self.error
        if isinstance(error, ServiceError | StoreError):
            return error.message_in(lang)
        if isinstance(error, OSError):
            return error.strerror or str(error)
        return str(error)

    @property
    def path(self) -> str:
        """The file an ``OSError`` names ("" for other errors)."""
        error = self.error
        if not isinstance(error, OSError):
            return ""
        if error.filename:
            return str(error.filename)
        if error.errno is None and len(error.args) == 1:  # FileExistsError(path), as raised here
            return str(error.args[0])
        return ""

    @property
    def errno(self) -> int | None:
        return getattr(self.error, "errno", None) if isinstance(self.error, OSError) else None


_STORE_KINDS: tuple[tuple[type[StoreError], ErrorKind, str], ...] = (
    (OlderCopy, ErrorKind.STORAGE, "older_copy"),  # open read-only: nothing can be saved
    (
        ChangedMeanwhile,
        ErrorKind.CONFLICT,
        "changed_meanwhile",
    ),  # open read-only: nothing can be saved
    (StoreBusy, ErrorKind.BUSY, "store_busy"),
    (NotPermitted, ErrorKind.REJECTED, "not_permitted"),  # office mode: the role may not
    (DiskFull, ErrorKind.STORAGE, "disk_full"),
    (ReadOnlyStore, ErrorKind.STORAGE, "read_only"),
    (DiskError, ErrorKind.STORAGE, "disk_error"),
    (DamagedStore, ErrorKind.STORAGE, "damaged"),
    (CannotUnlock, ErrorKind.LOCKED, "cannot_unlock"),
)

_OS_CODES = {
    errno.ENOENT: "no_such_file",
    errno.EACCES: "permission_denied",
    errno.EPERM: "permission_denied",
    errno.ENOSPC: "disk_full",
    errno.EROFS: "read_only",
    errno.EEXIST: "file_exists",
    errno.EISDIR: "is_a_folder",
    errno.ENOTDIR: "not_a_folder",
    errno.EIO: "disk_error",
}


def reason_of(error: BaseException) -> Reason:
    """Read any exception an operation raised into a :class:`Reason`."""
    if isinstance(error, ServiceError):
        return Reason(error.kind, error.code, error)
    if isinstance(error, ConnectionLost):  # office mode; its code says when it broke
        return Reason(ErrorKind.CONNECTION_LOST, error.code, error)
    if isinstance(error, StoreError):
        for kind_of, kind, code in _STORE_KINDS:
            if isinstance(error, kind_of):
                return Reason(kind, code, error)
        return Reason(ErrorKind.STORAGE, "store_error", error)
    if isinstance(error, OSError):
        code = "file_exists" if isinstance(error, FileExistsError) else "os_error"
        code = _OS_CODES.get(error.errno or 0, code)
        return Reason(ErrorKind.FILE, code, error)
    return Reason(ErrorKind.FAILED, type(error).__name__, error)


EXPECTED: tuple[type[Exception], ...] = (ServiceError, StoreError, OSError)
"""What an operation may raise that is not a fault in Clinic: catch these (never
``clinic.storage.errors`` directly) above the services."""
