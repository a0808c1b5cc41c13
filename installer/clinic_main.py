"""The bundle's entry script: ``Clinic --self-test`` is ``clinic self-test``; all else as usual.

PyInstaller freezes this file (see ``clinic.spec``); from a source checkout use ``clinic``.
"""

from __future__ import annotations

import multiprocessing
import sys

from clinic.app import main


def bundle_argv(argv: list[str]) -> list[str]:
    """Map the installer-friendly ``--self-test`` flag to the ``self-test`` subcommand."""
    return ["self-test" if arg == "--self-test" else arg for arg in argv]


if __name__ == "__main__":
    # the evidence packet checks its pages in worker processes (spawned): in the frozen bundle
    # a worker starts this same executable, which must run the worker, not the app
    multiprocessing.freeze_support()
    raise SystemExit(main(bundle_argv(sys.argv[1:])))
