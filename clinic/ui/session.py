"""What every page shares while the store is unlocked: the store, "today", and change broadcasts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from clinic.services.results import Changes

if TYPE_CHECKING:
    from clinic.storage.public import Store


class UiSession(QObject):
    """Pages call services with ``session.store`` and then ``session.publish(result.changes)``;
    every open page refreshes from that one signal (Anki's operations pattern)."""

    changed = Signal(object)  # Changes (this window's own, or a colleague's: from_colleagues)
    connection_lost = Signal()  # office mode: an operation found the server unreachable
    case_requested = Signal(int)  # case id: open the case view
    locked = Signal()
    locking = Signal()  # about to lock: stop background writes (the store is still open)
    unlocked = Signal()

    def __init__(self, store: Store, *, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self._store: Store | None = store
        self.today = today
        self.from_colleagues = False  # True while a colleague's changes are being published

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the store is locked")
        return self._store

    @property
    def is_open(self) -> bool:
        return self._store is not None

    def publish(self, changes: Changes) -> None:
        if changes.touched:
            self.changed.emit(changes)

    def publish_colleagues(self, changes: Changes) -> None:
        """Office mode: what other staff members committed, heard from the server. Pages
        refresh exactly as after this window's own saves (``changed``); while it is emitted
        ``from_colleagues`` is True, so a handler can tell (the status bar does not say
        "Saved."). Pages keep what the user is typing: the I-589 answers are kept as a draft,
        Settings with unsaved edits is not reloaded, and dialogs hold their own input."""
        if not changes.touched or self._store is None:
            return
        self.from_colleagues = True
        try:
            self.changed.emit(changes)
        finally:
            self.from_colleagues = False

    def open_case(self, case_id: int) -> None:
        self.case_requested.emit(case_id)

    def attach(self, store: Store) -> None:
        """After unlocking again: pages reload from the new store."""
        self._store = store
        self.unlocked.emit()

    def close(self) -> None:
        """Lock: close connections, drop the key, tell every page to forget client data."""
        if self._store is not None:
            self.locking.emit()
            self._store.lock()
            self._store = None
        self.locked.emit()
