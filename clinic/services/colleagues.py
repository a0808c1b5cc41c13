"""Office mode: what colleagues change, as the services' own :class:`Changes`, so the window
refreshes from them the same way it does after its own saves (docs/office.md, "Working
together"). The server announces every committed change (:mod:`clinic.storage.postgres_notify`);
this module listens on the office store's own connection and translates the announcements.
A laptop store has nobody else writing to it: :func:`listen` gives None.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from clinic.services.results import Changes, Entity
from clinic.storage.postgres import OfficeStore
from clinic.storage.postgres_notify import Notice
from clinic.storage.public import Store


class Listening(Protocol):
    def stop(self, timeout: float = ...) -> None: ...

    def probe(self) -> None: ...


def changes_of(notice: Notice) -> Changes:
    """An announcement as ``Changes``; kinds too many rows of which changed to list (or kinds
    this version does not know) become "the whole store", which every page reloads for."""
    touched: set[tuple[Entity, int]] = set()
    everything = bool(notice.every)
    for kind, ident in notice.touched:
        try:
            touched.add((Entity(kind), ident))
        except ValueError:
            everything = True
    if everything:
        touched.add((Entity.STORE, 0))
    return Changes(frozenset(touched))


def listen(
    store: Store | OfficeStore,
    on_changes: Callable[[Changes], None],
    on_reachable: Callable[[bool], None],
) -> Listening | None:
    """Start hearing other windows' committed changes; None for a laptop store. Both callbacks
    are called in the listening thread: ``on_changes`` with what changed (never this window's
    own saves), ``on_reachable`` with whether the server can be reached now (it reconnects by
    itself)."""
    if not isinstance(store, OfficeStore):
        return None
    return store.listen_for_changes(lambda notice: on_changes(changes_of(notice)), on_reachable)
