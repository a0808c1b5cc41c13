"""Shared helpers of the packet tests: a request, an in-memory sink, the sample files."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is a top-level folder beside clinic/, not installed
    sys.path.insert(0, str(ROOT))

from clinic.reports.packet import (  # noqa: E402
    CoverData,
    ExhibitSource,
    PacketRequest,
    ServiceData,
    SourceFile,
)

# The real third-party PDFs of issue 17 (shared/ sits beside the repository, in CI too).
SAMPLES = ROOT.parent / "shared" / "pdf-samples"

COVER = CoverData(
    respondent="KOVALCHUK, Olena",
    a_number="A-201-555-123",
    detained=False,
    judge="Hon. Ana Ruiz",
    court="Chicago Immigration Court",
    next_hearing="March 3, 2027 at 9:00 AM",
    title="Respondent's documents",
    preparer="Zoë Brontë",
    clinic_name="Test Clinic",
    letterhead="1 Main St",
)
SERVICE = ServiceData(
    "Respondent's documents", "KOVALCHUK, Olena", "A-201-555-123", "DHS OCC", "ECAS", "Zoë Brontë"
)


def sample(name: str) -> bytes:
    path = SAMPLES / name
    assert path.is_file(), f"the issue-17 sample {path} is missing (shared/pdf-samples)"
    return path.read_bytes()


class MemorySink:
    def __init__(self) -> None:
        self.parts: dict[str, bytes] = {}
        self.discarded = 0

    def write_part(self, name: str, data: bytes) -> None:
        assert name not in self.parts
        self.parts[name] = data

    def discard(self) -> None:
        self.parts.clear()
        self.discarded += 1

    def save(self, folder: Path) -> list[Path]:
        paths = []
        for name, data in self.parts.items():
            (folder / name).write_bytes(data)
            paths.append(folder / name)
        return sorted(paths, key=lambda p: int(re.search(r"Part(\d+)", p.name).group(1)))  # type: ignore[union-attr]


def request(exhibits: list[ExhibitSource], **kw: object) -> PacketRequest:
    return PacketRequest(
        COVER,
        SERVICE,
        tuple(exhibits),
        family_name="Kovalchuk",
        a_number="201555123",
        case_id=3,
        **kw,  # type: ignore[arg-type]
    )


def one_each(files: dict[int, bytes]) -> list[ExhibitSource]:
    """One exhibit per file, titled by its number."""
    return [ExhibitSource(i, f"Exhibit {i}", (SourceFile(i, f"file{i}.pdf"),)) for i in files]


def page_texts(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def qpdf_check(path: Path) -> str:
    """qpdf's complaints about ``path`` (empty when none: no error, no warning)."""
    run = subprocess.run(
        ["qpdf", "--check", str(path)], check=False, capture_output=True, text=True
    )
    out = run.stdout + run.stderr
    problems = [line for line in out.splitlines() if "WARNING" in line or "error" in line.lower()]
    if run.returncode != 0 and not problems:
        problems.append(out)
    return "\n".join(problems)
