"""Composition root: parse arguments, harden the process, then run a command or the window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from clinic.process_hardening import disable_core_dumps


def main(argv: Sequence[str] | None = None) -> int:
    disable_core_dumps()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--version"]:  # what argparse would print, without importing anything
        import clinic  # noqa: PLC0415

        print(f"clinic {clinic.__version__}")
        return 0
    args = _window_arguments(arguments)
    if args is None:  # a command, --help/--version or a mistake: the command line parser
        from clinic import cli  # noqa: PLC0415 - the command's module only; the window needs none

        args = cli.parse(arguments)
        if args.command is not None:
            return cli.run(args)
    # Imported here: a command needs neither (each costs a few tenths of a second to import).
    from clinic.services.desktop_libraries import missing_window_libraries  # noqa: PLC0415
    from clinic.services.language import override_language  # noqa: PLC0415

    override_language(getattr(args, "lang", None))  # `clinic --lang es`: this run only
    missing = missing_window_libraries()
    if missing is not None:  # instead of Qt's "could not load the Qt platform plugin" abort
        print(missing.message(), file=sys.stderr)
        return 1
    from clinic.ui.application import run_gui  # noqa: PLC0415 - Qt loads only for the window

    return run_gui(data_dir=args.data_dir)


class _NotJustTheWindow(Exception):
    pass


class _WindowParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotJustTheWindow(message)


def _window_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The options when they only start the window (``--data-dir``, ``--lang``), parsed without
    importing the command line interface (every command's module: about a second and 40 MB at
    start-up); ``None`` for anything else, which the full parser then handles (and explains)."""
    parser = _WindowParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--passphrase-stdin", action="store_true")
    parser.add_argument("--lang", choices=("en", "es"))
    try:
        args, rest = parser.parse_known_args(argv)
    except (_NotJustTheWindow, argparse.ArgumentError):
        return None
    if rest:
        return None
    args.command = None
    return args
