"""A backup or a restore in a process of its own, for its time and its peak memory (measurement 8).

    python -m bench.backup_child backup DATA_DIR DEST       # clinic.services.backup.backup_to
    python -m bench.backup_child restore DATA_DIR BACKUP TARGET   # clinic.storage.backup.restore_backup

The passphrase of the benchmark's synthetic store is read from stdin (a restore opens the store
only to take its key). Prints one JSON line: ``seconds`` and ``cpu_s`` of the backup or restore
alone (not the process start or the unlock), ``rss_before_mb`` (resident memory just before it)
and ``peak_rss_mb`` (``VmHWM``: this process's high-water mark, see bench/ui_child.py).
"""

from __future__ import annotations

import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024  # kB
    return float("nan")  # not Linux


def main(argv: list[str]) -> int:
    from clinic.services import backup  # noqa: PLC0415 - the subject, imported in the child
    from clinic.storage import keys  # noqa: PLC0415
    from clinic.storage.backup import restore_backup  # noqa: PLC0415
    from clinic.storage.datadir import DataDir  # noqa: PLC0415
    from clinic.storage.store import open_store  # noqa: PLC0415

    mode, data_dir = argv[0], Path(argv[1])
    passphrase = sys.stdin.readline().rstrip("\n")
    store = open_store(DataDir(data_dir), passphrase=passphrase, actor="bench")
    rss_before = _status_mb("VmRSS")
    wall, cpu = time.perf_counter(), time.process_time()
    if mode == "backup":
        result = backup.backup_to(store=store, path=Path(argv[2]), now=datetime.now(UTC))
        size = result.size
        store.lock()
    elif mode == "restore":
        key = store.key_copy()
        store.lock()
        rss_before = _status_mb("VmRSS")
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            restore_backup(Path(argv[2]), DataDir(Path(argv[3])), key)
        finally:
            keys.wipe(key)
        size = Path(argv[2]).stat().st_size
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    report = {
        "seconds": time.perf_counter() - wall,
        "cpu_s": time.process_time() - cpu,
        "bytes": size,
        "rss_before_mb": rss_before,
        "peak_rss_mb": _status_mb("VmHWM"),
    }
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
