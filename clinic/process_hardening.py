"""Process-level protections applied before any client data is loaded.

A crash dump of an unlocked app would hold client data and the database key, so core dumps
are disabled (RLIMIT_CORE=0 and, on Linux, PR_SET_DUMPABLE=0, which also stops other
processes of the same user from attaching a debugger).
"""

from __future__ import annotations

import contextlib
import sys

PR_SET_DUMPABLE = 4


def disable_core_dumps() -> None:
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource  # noqa: PLC0415 - POSIX only

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes  # noqa: PLC0415

            libc = ctypes.CDLL(None)
            libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
