"""A command imports what it needs, not every command's libraries (issue 20 #6): checked in a
fresh interpreter, where nothing else has imported them yet."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "alembic", "babel", "reportlab", "pypdf", "openpyxl", "PySide6", "PIL")


def loaded_after(code: str) -> dict[str, list[str]]:
    probe = (
        "import json, sys\n"
        f"{code}\n"
        "tops = sorted({m.split('.')[0] for m in sys.modules})\n"
        "cli = sorted(m for m in sys.modules if m.startswith('clinic.cli.'))\n"
        "print(json.dumps({'tops': tops, 'cli': cli}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    result: dict[str, list[str]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_version_imports_nothing_of_the_app() -> None:
    loaded = loaded_after(
        "import contextlib, io\n"
        "from clinic.app import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    assert main(['--version']) == 0\n"
        "assert out.getvalue().startswith('clinic ')"
    )
    assert not set(HEAVY) & set(loaded["tops"]), loaded["tops"]
    assert loaded["cli"] == []


def test_a_command_imports_only_its_own_module_and_no_unneeded_library() -> None:
    loaded = loaded_after(
        "from clinic import cli\n"
        "args = cli.parse(['evidence', 'add', '1', 'scan.pdf', '--title', 'Scan',"
        " '--category', 'identity'])\n"
        "assert args.command == 'evidence' and args.evidence_command == 'add'"
    )
    assert loaded["cli"] == ["clinic.cli.common", "clinic.cli.evidence_commands"]
    unneeded = {"alembic", "babel", "reportlab", "pypdf", "openpyxl", "PySide6", "PIL"}
    assert not unneeded & set(loaded["tops"]), loaded["tops"]


def test_help_still_lists_every_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "clinic", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    from clinic import cli  # noqa: PLC0415 - the table of commands

    for command in cli.COMMANDS:
        assert command in done.stdout, command
