"""``clinic self-test``: prove an installed copy works, end to end, on a throwaway store."""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any, TextIO

from clinic.cli.common import EXIT_OK, EXIT_OTHER
from clinic.domain.i18n import N_
from clinic.services import self_test
from clinic.services.language import tr as _
from clinic.services.language import tr_n

# a step's result as printed (the English words are the ones scripts read)
_STATUS = {"ok": N_("ok"), "FAILED": N_("FAILED")}


def add_parsers(commands: Any) -> None:
    commands.add_parser(
        "self-test",
        help="check this installation end to end in a temporary folder (your data is not touched)",
        description="Create a throwaway encrypted store in a temporary folder, intake a client, "
        "open a defensive case with a hearing, compute deadlines, render the recovery kit and a "
        "checklist PDF, store an evidence file, back up, restore, lock and unlock; print each "
        "step. "
        "Exits 0 when every step passes. Your data folder and keychain are not used.",
    )


def cmd_self_test(args: argparse.Namespace, out: TextIO) -> int:
    del args  # --data-dir is deliberately ignored: the self-test never touches real data
    started = time.monotonic()
    failed = 0
    with tempfile.TemporaryDirectory(prefix="clinic-self-test-") as work:
        steps = len(self_test.STEPS)
        print(
            tr_n(
                "Clinic self-test in {folder} ({n} step)",
                "Clinic self-test in {folder} ({n} steps)",
                steps,
                folder=work,
            ),
            file=out,
            flush=True,
        )
        for number, step in enumerate(self_test.run_self_test(work_dir=Path(work)), start=1):
            failed += step.failed
            status = _(_STATUS.get(step.status, step.status))
            print(
                f"[{number:>2}/{steps}] {status:<7} {_(step.name)}: {step.detail} "
                f"({step.seconds:.1f} s)",
                file=out,
                flush=True,
            )
    took = time.monotonic() - started
    if failed:
        print(
            tr_n(
                "Self-test FAILED: {n} step failed ({seconds} s).",
                "Self-test FAILED: {n} steps failed ({seconds} s).",
                failed,
                seconds=round(took, 1),
            ),
            file=out,
        )
        return EXIT_OTHER
    print(
        _(
            "Self-test passed ({seconds} s). The temporary folder was removed.",
            seconds=round(took, 1),
        ),
        file=out,
    )
    return EXIT_OK
