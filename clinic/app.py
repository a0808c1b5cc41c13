"""Composition root: parse arguments, harden the process, then run a command or the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from clinic import cli
from clinic.process_hardening import disable_core_dumps


def main(argv: Sequence[str] | None = None) -> int:
    disable_core_dumps()
    args = cli.parse(sys.argv[1:] if argv is None else argv)
    if args.command is not None:
        return cli.run(args)
    from clinic.ui.application import run_gui  # noqa: PLC0415 - Qt loads only for the window

    return run_gui(data_dir=args.data_dir)
