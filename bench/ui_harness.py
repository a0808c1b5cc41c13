"""The real Cases page (offscreen Qt) on a store, without a main window or an unlock dialog."""

from __future__ import annotations

import contextlib
import importlib
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

from PySide6.QtWidgets import QApplication

from clinic.services.dto import CaseSummary
from clinic.storage.store import Store

# The app's Qt modules by name: they are what is measured, not typed bench code (mypy checks
# bench/ but not clinic/ui, and following these imports would pull all of clinic/ui in).
CasesPage: Any = importlib.import_module("clinic.ui.cases_page").CasesPage
UiSession: Any = importlib.import_module("clinic.ui.session").UiSession


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication(["clinic-bench"])


@contextlib.contextmanager
def cases_page(store: Store, today: date) -> Iterator[Any]:
    application()
    session = UiSession(store, today=lambda: today)
    page = CasesPage(session)
    try:
        yield page
    finally:
        page.clear()
        page.deleteLater()


class _Unlocked(Store):
    """A second handle on the same open store, so locking it leaves the original usable."""

    def __init__(self, like: Store) -> None:
        super().__init__(like.datadir, like.meta, like.key_copy(), like.actor)


def lock_with_rows(store: Store, rows: list[CaseSummary]) -> float:
    """Seconds from lock (the app's order: close the session, then clear the page) until every
    connection is closed and the model is empty, with ``rows`` loaded in the page's model."""
    application()
    handle = _Unlocked(store)
    session = UiSession(handle)
    page = CasesPage(session)
    with handle.unit_of_work() as uow:  # open pooled connections, as a used app has
        uow.connection()
    page.model.reset(lambda offset, limit: rows[offset : offset + limit])
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.rowCount() == len(rows)
    started = time.perf_counter()
    session.close()
    page.clear()
    elapsed = time.perf_counter() - started
    assert handle.locked and page.model.rowCount() == 0
    page.deleteLater()
    return elapsed
