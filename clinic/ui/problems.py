"""How the window words a failed operation, in the interface language.

Every error an operation raises is read into a :class:`Problem` by :func:`describe`: its kind
(from :func:`clinic.services.errors.reason_of`), a code, and the text to show. The services'
and the store's errors carry a translatable template (gettext catalogue, docs/decisions/0010);
file errors from the operating system are worded here through Qt's translator (the system's
own ``strerror`` is English). Where a problem is shown (a dialog's message line, a status
line, a message box) is the caller's choice; :mod:`clinic.ui.operation` runs the operations.

A new :class:`~clinic.services.errors.ErrorKind` must be worded in :func:`_text`: mypy's
``assert_never`` fails until it is. A lost connection to the office server (``CONNECTION_LOST``)
is worded here: the input is kept and the same save may simply be made again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import assert_never

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from clinic.services.errors import ErrorKind, Reason, reason_of
from clinic.ui.translations import current_language, read_only_words

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    """A failure as the window shows it."""

    kind: ErrorKind
    code: str
    text: str  # in the interface language
    reason: Reason = field(compare=False, repr=False)

    @property
    def error(self) -> BaseException:
        return self.reason.error


def describe(error: BaseException) -> Problem:
    """The words for ``error`` in the interface language (never raises)."""
    reason = reason_of(error)
    return Problem(reason.kind, reason.code, _text(reason), reason)


def _tr(text: object) -> str:  # each text marked QT_TRANSLATE_NOOP("Problems", …) for lupdate
    return QCoreApplication.translate("Problems", str(text))


def _text(reason: Reason) -> str:
    kind = reason.kind
    if kind is ErrorKind.FILE:
        return _file_text(reason)
    if kind is ErrorKind.CONNECTION_LOST:
        return _connection_text(reason)
    if reason.code == "older_copy":  # the store's words name the command line's commands
        return read_only_words()
    if kind is ErrorKind.FAILED:  # an error type of its own, or a fault in Clinic
        if not isinstance(reason.error, ValueError | LookupError):
            log.warning("an operation failed", exc_info=reason.error)
        return str(reason.error) or _tr(
            QT_TRANSLATE_NOOP("Problems", "Something went wrong in Clinic ({0}).")
        ).format(type(reason.error).__name__)
    if kind in (
        ErrorKind.NOT_FOUND,
        ErrorKind.REJECTED,
        ErrorKind.BUSY,
        ErrorKind.STORAGE,
        ErrorKind.LOCKED,
        ErrorKind.CANCELLED,
        ErrorKind.CONFLICT,  # its side-by-side view is the dialog's (Operation.on)
    ):
        return reason.message_in(current_language())
    assert_never(kind)


def _connection_text(reason: Reason) -> str:
    """Office mode: the server could not be reached, or the connection broke during the save."""
    if reason.code == "connection_lost_at_commit":
        return QCoreApplication.translate(  # written out, so lupdate finds the words
            "Problems",
            "The connection to the office server was lost while the save was being confirmed, "
            "so Clinic cannot tell whether it was saved (all of it or none of it: never half). "
            "What you typed is still here. Look at the record once the server is back (the "
            "status bar says so) before saving again.",
        )
    if reason.code == "connection_lost":
        return QCoreApplication.translate(
            "Problems",
            "The connection to the office server was lost, so nothing was saved. What you "
            "typed is still here. Clinic connects again by itself: save again (the status bar "
            "says when the server is back).",
        )
    return reason.message_in(current_language())  # the server cannot be reached: its words


def _file_text(reason: Reason) -> str:
    """A file outside the store could not be read or written: say so in the user's words."""
    path, code = reason.path, reason.code
    if code == "file_exists" and not path:
        return _tr(
            QT_TRANSLATE_NOOP("Problems", "A file with that name already exists; choose another.")
        )
    words = {
        "file_exists": lambda: _tr(
            QT_TRANSLATE_NOOP("Problems", "{0} already exists; choose another name.")
        ),
        "no_such_file": lambda: _tr(
            QT_TRANSLATE_NOOP("Problems", "{0} does not exist (it may have been moved or deleted).")
        ),
        "permission_denied": lambda: _tr(
            QT_TRANSLATE_NOOP(
                "Problems",
                "Clinic is not allowed to use {0}; choose another place, or ask for its permissions "
                "to be fixed.",
            )
        ),
        "disk_full": lambda: _tr(
            QT_TRANSLATE_NOOP("Problems", "The disk is full; free some space, then try again.")
        ),
        "read_only": lambda: _tr(
            QT_TRANSLATE_NOOP(
                "Problems", "{0} is on a disk that cannot be written; choose another place."
            )
        ),
        "is_a_folder": lambda: _tr(
            QT_TRANSLATE_NOOP("Problems", "{0} is a folder; choose a file.")
        ),
        "not_a_folder": lambda: _tr(
            QT_TRANSLATE_NOOP("Problems", "Part of {0} is not a folder; choose another place.")
        ),
        "disk_error": lambda: _tr(
            QT_TRANSLATE_NOOP(
                "Problems",
                "The disk reported an error while {0} was used. Check that it is connected and "
                "healthy, then try again.",
            )
        ),
    }.get(code)
    if words is not None:
        return words().format(path)
    detail = reason.message_in(current_language())  # the system's own words
    return f"{path}: {detail}" if path else detail
