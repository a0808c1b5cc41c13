"""The one write-then-audit helper every plaintext export uses (issue 16 § 6).

An export and its audit entry agree: the file is written under a hidden owner-only name beside
its destination, the audit entry is committed, and only then is the file given its name. If the
audit entry cannot be written (an older copy opened read-only, a full disk, a busy store) the
hidden file is removed and :class:`ExportNotSaved` says nothing was saved; the destination (and
any file the user chose to replace) is untouched.

Before any byte is written the hidden name is recorded inside the encrypted store
(``setting`` row ``export.pending``), so a crash mid-export leaves a name the next start can
remove (:func:`sweep_partial_exports`) without ever touching a file Clinic did not make.

An office database records no such name: it is every computer's, a path on one computer means
nothing on another, and only administrators write its settings (a paralegal's export failed
on it). Nor is the name written anywhere else on the computer (it may hold a client's name);
so there a crash mid-export can leave the hidden, owner-only ``.part`` file beside the
destination (docs/office.md).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from clinic.domain.i18n import N_
from clinic.services import office_mode
from clinic.services.errors import ErrorKind, ServiceError
from clinic.storage.datadir import fsync_dir, move_into_place
from clinic.storage.errors import StoreError
from clinic.storage.models import Setting
from clinic.storage.store import Store

PENDING_KEY = "export.pending"
PART_SUFFIX = ".part"


class ExportNotSaved(ServiceError):
    """The file was written but the audit trail could not record it, so it was removed."""

    kind = ErrorKind.STORAGE
    code = "export_not_audited"

    def __init__(self, destination: Path, reason: str) -> None:
        super().__init__(
            N_(
                "Nothing was saved to {destination}: the audit trail could not record the "
                "export ({reason}). Fix that (run 'clinic doctor'), then export again."
            ),
            destination=destination,
            reason=reason,
        )


def _tracked(store: Store) -> bool:
    """Whether the hidden names are recorded in the store (a laptop's, not an office's)."""
    return not office_mode.is_office(store)


def _pending(session: Session) -> list[str]:
    row = session.get(Setting, PENDING_KEY)
    files = row.value.get("files", []) if row is not None and isinstance(row.value, dict) else []
    return [str(f) for f in files if isinstance(f, str)]


def _set_pending(session: Session, files: list[str]) -> None:
    row = session.get(Setting, PENDING_KEY)
    if row is None:
        session.add(Setting(key=PENDING_KEY, value={"files": files}, version=1))
    else:
        row.value = {"files": files}


def save_export(
    store: Store,
    destination: Path,
    data: bytes,
    *,
    audit: Callable[[Session], None],
    overwrite: bool = False,
) -> None:
    """Write ``data`` to ``destination`` (never over a file unless ``overwrite``) and call
    ``audit(session)`` to record it, so that both happen or neither does."""
    write_export(
        store, destination, lambda handle: handle.write(data), audit=audit, overwrite=overwrite
    )


def write_export(
    store: Store,
    destination: Path,
    write: Callable[[Any], object],
    *,
    audit: Callable[[Session], None],
    overwrite: bool = False,
) -> None:
    """:func:`save_export` for a file written piece by piece: ``write(handle)`` fills it."""
    if not overwrite and destination.exists():
        raise FileExistsError(destination)
    part = destination.with_name(f".{destination.name}.{secrets.token_hex(6)}{PART_SUFFIX}")
    tracked = _tracked(store)
    if tracked:
        with store.unit_of_work() as session:  # before any byte: the next start may remove it
            _set_pending(session, [*_pending(session), str(part)])
    try:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            with store.unit_of_work() as session:
                audit(session)
                if tracked:
                    _set_pending(session, [f for f in _pending(session) if f != str(part)])
        except (StoreError, OSError) as exc:
            raise ExportNotSaved(destination, _reason(exc)) from exc
        if overwrite:
            os.replace(part, destination)
        else:
            move_into_place(part, destination)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        if tracked:
            with contextlib.suppress(StoreError, OSError), store.unit_of_work() as session:
                _set_pending(session, [f for f in _pending(session) if f != str(part)])
        raise
    fsync_dir(destination.parent)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def sweep_partial_exports(store: Store) -> tuple[Path, ...]:
    """Remove the hidden files of exports a crash left behind (only names this store recorded
    before writing them); returns those removed. A read-only (older) copy is left as it is."""
    if store.read_only or not _tracked(store):
        return ()
    with store.unit_of_work() as session:
        pending = _pending(session)
        if not pending:
            return ()
        removed = []
        for name in pending:
            path = Path(name)
            if path.name.startswith(".") and path.name.endswith(PART_SUFFIX):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    removed.append(path)
        _set_pending(session, [])
    return tuple(removed)
