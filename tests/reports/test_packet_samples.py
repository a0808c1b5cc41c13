"""Acceptance (issue 17): each of the 13 real third-party files of shared/pdf-samples goes into
a packet as its source shows it — form values in the packet's text (pdftotext), printed marks on
the packet page (poppler's drawing of the packet compared with poppler's drawing of the source,
with and without its annotations), the readable files placed, both XFA forms refused as dynamic
XFA forms, the bomb left out with a reason while the rest is built, and qpdf --check finding
nothing to warn about in any part."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from packet_support import (
    SAMPLES,
    MemorySink,
    compare_placed,
    marks_found,
    one_each,
    page_texts,
    qpdf_check,
    request,
    sample,
)

from clinic.reports.packet import PacketBuild, ProblemKind, build_packet, check_files

PLACED = {
    # file: (text that must be on its packet pages, whether it has printed marks to find)
    "AutoCad_Diagram.pdf": ("Tape the screens", False),
    "form_evince.pdf": ("foo bar", True),
    "annotation-tx.pdf": ("tx annotation", True),
    "annotated_pdf.pdf": ("Not highlighted", True),
    "annotation-highlight-without-appearance.pdf": ("Lorem ipsum", True),
    "annotation-ink-without-appearance.pdf": ("InkAnnotation", True),
    "annotation-line-without-appearance-empty-Rect.pdf": ("LineAnnotation", True),
    "selenium-pypdf-issue-177.pdf": ("Hello World", False),
    "boundingBox_invalid.pdf": ("Empty /CropBox", False),
    "operator_list_cycle.pdf": ("", False),
}
REFUSED = {
    "xfa_issue14315.pdf": ProblemKind.XFA_DYNAMIC,
    "xfa_filled_imm1344e.pdf": ProblemKind.XFA_DYNAMIC,
    "bomb_giant.pdf": ProblemKind.BOMB,
}
NAMES = sorted([*PLACED, *REFUSED])


@pytest.fixture(scope="module")
def packet(tmp_path_factory: pytest.TempPathFactory) -> tuple[PacketBuild, list[Path], Path]:
    """One packet of all 13 files, one exhibit each, built without the refused ones."""
    assert sorted(p.name for p in SAMPLES.glob("*.pdf")) == NAMES
    folder = tmp_path_factory.mktemp("samples")
    files = {n: sample(name) for n, name in enumerate(NAMES, start=1)}
    for n, data in files.items():
        (folder / f"source{n}.pdf").write_bytes(data)
    req = request(one_each(files), max_part_bytes=2 * 1024 * 1024)
    checked = check_files(req, files.__getitem__)
    skip = frozenset(p.file_id for p in checked.problems)
    sink = MemorySink()
    built = build_packet(req, files.__getitem__, sink, preflight=checked, skip=skip)
    return built, sink.save(folder), folder


def _pages(built: PacketBuild, parts: list[Path], name: str) -> list[tuple[Path, int]]:
    """(part, page within it) of each page of the file's exhibit."""
    title = f"Exhibit {NAMES.index(name) + 1}"
    [entry] = [e for e in built.exhibits if e.title == title]
    out = []
    for number in range(entry.first_page, entry.last_page + 1):
        [part] = [p for p in built.parts if p.first_page <= number <= p.last_page]
        out.append((parts[part.number - 1], number - part.first_page + 1))
    return out


def test_the_refused_files_are_refused_for_what_they_are(
    packet: tuple[PacketBuild, list[Path], Path],
) -> None:
    built, _, _ = packet
    refused = {NAMES[p.file_id - 1]: p.kind for p in built.omitted}
    assert refused == REFUSED
    assert built.rasterised == (), "every placed page passed the verification as it is"
    for problem in built.omitted:
        assert "damaged" not in problem.reason


def test_every_part_passes_qpdf_check_without_warnings(
    packet: tuple[PacketBuild, list[Path], Path],
) -> None:
    _, parts, _ = packet
    for part in parts:
        assert qpdf_check(part) == "", part.name


@pytest.mark.parametrize("name", sorted(PLACED))
def test_each_readable_file_is_placed_as_its_source_shows_it(
    name: str, packet: tuple[PacketBuild, list[Path], Path]
) -> None:
    built, parts, folder = packet
    text, has_marks = PLACED[name]
    source = folder / f"source{NAMES.index(name) + 1}.pdf"
    pages = _pages(built, parts, name)
    assert len(pages) == len(page_texts(source))
    joined = "\n".join(page_texts(part)[number - 1] for part, number in pages)
    assert text in " ".join(joined.split())
    for index, (part, number) in enumerate(pages, start=1):
        # an unusable CropBox falls back to the MediaBox: compared with poppler's MediaBox
        unusable = name in ("boundingBox_invalid.pdf", "operator_list_cycle.pdf")
        found, extra = compare_placed(source, index, part, number, cropbox=not unusable)
        assert found > 0.9 and extra > 0.85, (name, index, found, extra)
        share, marked = marks_found(source, index, part, number)
        if has_marks:
            assert marked > 20, (name, "the source shows marks")
        assert share >= 0.9, (name, index, share, marked)
