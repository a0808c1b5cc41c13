"""Child processes for measurement 10 (the command line): one process per run, as a person or a
script would start ``clinic``.

    python -m bench.cli_child unlock DATA_DIR   # the floor: import sqlcipher3 and cryptography,
                                                # then unlock the store's key (key.json)
    python -m bench.cli_child clinic ARGS...     # clinic.app.main(ARGS), what ``clinic ARGS`` runs

The passphrase is read from stdin (``clinic`` reads it itself with ``--passphrase-stdin``). The
last line on stderr is JSON: ``peak_rss_mb`` (``VmHWM``, this process's high-water mark; see
bench/ui_child.py) and, for ``clinic``, its exit code.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kB
    return float("nan")  # not Linux


def main(argv: list[str]) -> int:
    code = 0
    if argv[0] == "unlock":
        import cryptography  # noqa: F401, PLC0415 - the floor's imports
        import sqlcipher3  # noqa: F401, PLC0415

        from clinic.storage import keys  # noqa: PLC0415

        data_dir = Path(argv[1])
        store_id = json.loads((data_dir / "store.json").read_text())["store_id"]
        key = keys.unwrap_key(
            (data_dir / "key.json").read_bytes(), sys.stdin.readline().rstrip("\n"), store_id
        )
        keys.wipe(key)
    elif argv[0] == "clinic":
        from clinic.app import main as clinic_main  # noqa: PLC0415

        code = clinic_main(argv[1:])
    else:
        raise SystemExit(f"unknown mode {argv[0]!r}")
    print(json.dumps({"peak_rss_mb": _peak_rss_mb(), "exit": code}), file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
