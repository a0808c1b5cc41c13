"""Issue 16 § 5: a hostile .xlsx is refused with a clear reason, in bounded memory.

Each named bomb (bench/xlsx_bombs.py) is read in a child process, so its peak memory can be
measured (``VmHWM``); the child also runs under a 2 GB address-space cap, so a regression
fails here instead of filling the machine. Times are reported by ``python -m bench.xlsx_bombs``
(``make bench``), not asserted.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench import xlsx_bombs
from clinic.domain.importing import workbook_guard
from clinic.domain.importing.sheet import ImportFileError, read_sheet

PEAK_MB = 300
CHILD = r"""
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))
from clinic.domain.importing.sheet import ImportFileError, read_sheet
data = open(sys.argv[1], "rb").read()
try:
    read_sheet(data, file_name="bomb.xlsx")
    outcome = {"refused": False, "message": ""}
except ImportFileError as exc:
    outcome = {"refused": True, "message": str(exc)}
except BaseException as exc:
    outcome = {"refused": False, "message": "crashed: " + type(exc).__name__}
# VmHWM: this image's own peak (ru_maxrss would carry the forking test runner's size over exec)
hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:"))
outcome["peak_mb"] = int(hwm.split()[1]) / 1024
print(json.dumps(outcome))
"""


@pytest.mark.parametrize("name", sorted(xlsx_bombs.BOMBS))
def test_bomb_is_refused_with_a_reason_in_bounded_memory(tmp_path: Path, name: str) -> None:
    make, word = xlsx_bombs.BOMBS[name]
    path = tmp_path / f"{name}.xlsx"
    path.write_bytes(make())
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    outcome = json.loads(done.stdout)
    assert outcome["refused"], outcome
    assert word in outcome["message"], outcome
    assert "try again" in outcome["message"] or "split" in outcome["message"], outcome
    assert outcome["peak_mb"] <= PEAK_MB, outcome


def test_a_genuine_workbook_still_reads() -> None:
    members = xlsx_bombs.template_members()
    data = xlsx_bombs._raw_zip(
        [(name, *_deflated(text), 8) for name, text in members.items()]  # type: ignore[misc]
    )
    sheet = read_sheet(data, file_name="clients.xlsx")
    assert sheet.header[:2] == ("Family name", "Given name")
    assert sheet.rows[0].cells[0] == "Lopez Garcia"


def _deflated(text: bytes) -> tuple[bytes, int, int]:
    import zlib  # noqa: PLC0415

    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(text) + packer.flush(), len(text), zlib.crc32(text)


def test_a_cell_longer_than_the_cell_limit_is_refused_before_parsing() -> None:
    members = xlsx_bombs.template_members()
    long_text = b"B" * (workbook_guard.MAX_TEXT_CHARS + 1)
    members["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        b'2006/main"><si><t>' + long_text + b"</t></si></sst>"
    )
    data = xlsx_bombs._raw_zip(
        [(name, *_deflated(text), 8) for name, text in members.items()]  # type: ignore[misc]
    )
    with pytest.raises(ImportFileError, match="characters"):
        read_sheet(data, file_name="clients.xlsx")
