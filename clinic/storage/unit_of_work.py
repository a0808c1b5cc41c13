"""One user action, one transaction: the unit of work both kinds of store hand to services
(the laptop's SQLCipher file, :class:`clinic.storage.store_handle.Store`, and the office's
PostgreSQL database, :class:`clinic.storage.postgres.OfficeStore`), and the engine they hold
while unlocked."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from sqlalchemy import Engine
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from clinic.domain.i18n import N_
from clinic.storage.errors import CannotUnlock, ChangedMeanwhile


class EngineHolder:
    """A store's engine while it is unlocked (``_engine`` None once locked)."""

    _engine: Engine | None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise CannotUnlock(N_("The store is locked; unlock it again."))
        return self._engine

    @property
    def locked(self) -> bool:
        return self._engine is None


@contextlib.contextmanager
def unit_of_work(
    engine: Engine,
    *,
    quiet_rollback: tuple[type[BaseException], ...],
    before_commit: Callable[[Session], None] | None = None,
    explain: Callable[[BaseException], BaseException | None] | None = None,
) -> Iterator[Session]:
    """A session committed whole when the block ends, or rolled back on any error.

    ``before_commit`` may refuse the commit (it raises); ``explain`` turns an error into the
    store's own (raised in its place, the database's error left out), or gives None to raise
    the error as it is. A row whose version changed under the save (``version_id_col``: the
    UPDATE found no row of the version read) is :class:`ChangedMeanwhile`. ``quiet_rollback``: the errors a rollback may raise when the database
    has already rolled back (they would hide the error that matters)."""
    session = Session(engine, expire_on_commit=False, autoflush=True)
    try:
        yield session
        if before_commit is not None:
            before_commit(session)
        session.commit()
    except BaseException as exc:
        with contextlib.suppress(*quiet_rollback):
            session.rollback()
        if isinstance(exc, StaleDataError):  # a row's version moved on under this save
            raise ChangedMeanwhile() from None
        explained = None if explain is None else explain(exc)
        if explained is not None:
            raise explained from None
        raise
    finally:
        session.close()
