"""Measurement 10: the command line (issue 20 #6), every figure against a floor measured in the
same run, interleaved run by run, each run a fresh process.

* ``clinic --version`` against ``python -c pass`` (target: at most 3x);
* ``clinic evidence add`` of a 1 MB file against the floor of any command that opens the store:
  starting Python, importing sqlcipher3 and cryptography and unlocking the key (target: at most
  2x). The benchmark's store uses a passphrase-wrapped key with a cheap scrypt setting, so
  unlocking costs milliseconds, as a keychain look-up does;
* ``clinic evidence add`` of a big file (200 MB; 8 MB in quick mode): the time beyond the 1 MB
  add, as throughput, against AES-GCM of the same bytes in memory in this process (target: at
  least 50 %), and the command's peak memory (target: at most 100 MB). Copying the same bytes
  with an fsync (the disk's own floor for a durable write) is reported beside it.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

ROOT = Path(__file__).resolve().parents[1]
VERSION_TARGET = 3.0
ADD_TARGET = 2.0
BIG_SHARE_TARGET = 0.5
BIG_PEAK_TARGET_MB = 100.0
MIB = 1024 * 1024


def _summary(values: list[float]) -> dict[str, float]:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "runs": len(values),
    }


def _run(args: list[str], stdin: str = "") -> tuple[float, float, dict[str, Any]]:
    """(wall seconds, CPU seconds, the child's JSON report or {}) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        check=False,
        timeout=1800,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{args} failed: {done.stderr.strip()[-2000:]}")
    lines = done.stderr.strip().splitlines()
    report: dict[str, Any] = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, report


def _random_file(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        left = size
        while left:
            chunk = min(left, MIB)
            handle.write(os.urandom(chunk))
            left -= chunk
    return path


def _gcm(path: Path) -> float:
    """AES-256-GCM of the file's bytes, 1 MiB at a time, read from the (warm) file cache."""
    aead = AESGCM(AESGCM.generate_key(bit_length=256))
    nonce = os.urandom(12)
    started = time.perf_counter()
    with path.open("rb") as handle:
        while chunk := handle.read(MIB):
            aead.encrypt(nonce, chunk, None)
    return time.perf_counter() - started


def _copy_fsync(path: Path, target: Path) -> float:
    started = time.perf_counter()
    shutil.copyfile(path, target)
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())
    seconds = time.perf_counter() - started
    target.unlink()
    return seconds


def measure_cli(
    data_dir: Path, passphrase: str, work: Path, *, case_id: int, big_mb: int, repeats: int
) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    small = _random_file(work / "scan-1mb.pdf", MIB)
    big = _random_file(work / f"scan-{big_mb}mb.pdf", big_mb * MIB)
    store = ["--data-dir", str(data_dir), "--passphrase-stdin"]

    def add(path: Path) -> tuple[float, float, dict[str, Any]]:
        return _run(
            [
                *("-m", "bench.cli_child", "clinic", *store, "evidence", "add", str(case_id)),
                *(str(path), "--title", "Benchmark scan", "--category", "identity"),
            ],
            passphrase + "\n",
        )

    _run(["-c", "pass"])  # warm the file cache for every kind of run
    _run(["-m", "clinic", "--version"])
    _run(["-m", "bench.cli_child", "unlock", str(data_dir)], passphrase + "\n")
    add(small)
    version, bare, add_s, add_cpu, floor, floor_cpu = [], [], [], [], [], []
    big_s, big_extra, gcm_s, share, peaks, copy_s = [], [], [], [], [], []
    for _ in range(repeats):
        bare.append(_run(["-c", "pass"])[0])
        version.append(_run(["-m", "clinic", "--version"])[0])
        wall, cpu, _r = _run(["-m", "bench.cli_child", "unlock", str(data_dir)], passphrase + "\n")
        floor.append(wall)
        floor_cpu.append(cpu)
        wall, cpu, _r = add(small)
        add_s.append(wall)
        add_cpu.append(cpu)
        wall, _cpu, report = add(big)
        big_s.append(wall)
        peaks.append(float(report["peak_rss_mb"]))
        big_extra.append(max(wall - add_s[-1], 1e-6))
        gcm_s.append(_gcm(big))
        share.append(gcm_s[-1] / big_extra[-1])
        copy_s.append(_copy_fsync(big, work / "copy.bin"))
    version_ratio = [v / b for v, b in zip(version, bare, strict=True)]
    add_ratio = [a / f for a, f in zip(add_s, floor, strict=True)]
    return {
        "version_s": _summary(version),
        "python_pass_s": _summary(bare),
        "version_ratio": _summary(version_ratio),
        "evidence_add_1mb_s": _summary(add_s),
        "evidence_add_1mb_cpu_s": _summary(add_cpu),
        "floor_import_and_unlock_s": _summary(floor),
        "floor_cpu_s": _summary(floor_cpu),
        "ratio": _summary(add_ratio),
        "big_file_mb": big_mb,
        "evidence_add_big_s": _summary(big_s),
        "big_beyond_1mb_add_s": _summary(big_extra),
        "big_mb_per_s": (big_mb - 1) / statistics.median(big_extra),
        "aes_gcm_same_bytes_s": _summary(gcm_s),
        "aes_gcm_mb_per_s": big_mb / statistics.median(gcm_s),
        "share_of_aes_gcm_throughput": _summary(share),
        "copy_fsync_same_bytes_s": _summary(copy_s),
        "evidence_add_big_peak_rss_mb": _summary(peaks),
        "target": f"--version <= {VERSION_TARGET:g}x python -c pass; evidence add 1 MB <= "
        f"{ADD_TARGET:g}x import+unlock; big file >= {BIG_SHARE_TARGET:.0%} of AES-GCM "
        f"throughput, peak <= {BIG_PEAK_TARGET_MB:g} MB",
        "met": statistics.median(version_ratio) <= VERSION_TARGET
        and statistics.median(add_ratio) <= ADD_TARGET
        and statistics.median(share) >= BIG_SHARE_TARGET
        and max(peaks) <= BIG_PEAK_TARGET_MB,
    }
