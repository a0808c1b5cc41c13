"""Work on a second thread while the calling thread goes on: the backup's checks keep both cores
busy this way (SQLite, hashing and AES-GCM release the GIL)."""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

_T = TypeVar("_T")


class Running(Generic[_T]):
    """Work running on a second thread; :meth:`result` waits for it (and re-raises)."""

    def __init__(self, work: Callable[[], _T]) -> None:
        self._work = work
        self._value: list[_T] = []
        self._error: list[BaseException] = []
        self._thread = threading.Thread(target=self._run, name="clinic-backup-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value.append(self._work())
        except BaseException as exc:  # handed to the thread that waits for it
            self._error.append(exc)

    def join(self) -> None:
        self._thread.join()

    def result(self) -> _T:
        self._thread.join()
        if self._error:
            raise self._error[0]
        return self._value[0]


# While two threads share the work, the one holding the GIL (e.g. rehashing the audit chain
# in Python) gives it up after this long to the one that only needs it between two big
# GIL-free calls (reading, hashing, decrypting, writing a megabyte). Python's default, 5 ms,
# would make that thread wait up to 5 ms per call: a few times slower than either alone.
SWITCH_INTERVAL_S = 0.0002


@contextlib.contextmanager
def in_background(work: Callable[[], _T]) -> Iterator[Running[_T]]:
    """Run ``work`` on a second thread while the block runs; the block's end always waits
    for it (nothing it reads is removed under it)."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, SWITCH_INTERVAL_S))
    running = Running(work)
    try:
        yield running
    finally:
        running.join()
        sys.setswitchinterval(previous)
