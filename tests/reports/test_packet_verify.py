"""Verification after building (issue 17): every placed source page is drawn and compared with
its source; a page that lost a mark is flagged and rebuilt from a drawing of the source page,
and the build lists it. The drawings are PDFium's plus our own Pillow drawing of AP-less
markup, so a mark PDFium cannot draw is still caught."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, NameObject

sys.path.insert(0, str(Path(__file__).resolve().parent))

from packet_support import MemorySink, marks_found, one_each, request, sample

from bench.packet_inputs import make_pdf, photo
from clinic.reports.packet import build_packet, normalise, sources
from clinic.reports.packet.placement import Stamper
from clinic.reports.packet.sources import open_source
from clinic.reports.packet.verify import PageCheck, verify_unit

HIGHLIGHT = "annotation-highlight-without-appearance.pdf"
LINE = "annotation-line-without-appearance-empty-Rect.pdf"


def _without_annotation(data: bytes, index: int = 0) -> bytes:
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    page = writer.pages[0]
    annots = page["/Annots"].get_object()
    kept = ArrayObject(a for n, a in enumerate(annots) if n != index)
    page[NameObject("/Annots")] = kept
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _drop_first_annotation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Flattening loses the first annotation of every file (a placement bug, simulated)."""
    real = normalise._with_appearances
    monkeypatch.setattr(
        normalise, "_with_appearances", lambda data: real(_without_annotation(data))
    )


def test_a_packet_page_missing_one_annotation_is_flagged() -> None:
    """The annotation is deleted from the page that goes into the packet: its verdict fails."""
    data = sample(HIGHLIGHT)
    reader, reference = open_source(data)
    lost, _ = open_source(_without_annotation(data))
    verdicts = []
    for source in (reader, lost):
        writer = PdfWriter()
        Stamper(writer).add_pdf_page(source.pages[0], "1")
        out = io.BytesIO()
        writer.write(out)
        [verdict] = verify_unit(out.getvalue(), [PageCheck(0, 1, 0)], {1: reference})
        verdicts.append(verdict)
    kept, missing = verdicts
    assert kept.ok and kept.marked > 100 and kept.marks >= 0.9
    assert not missing.ok and missing.marks < 0.5
    assert "annotations and form values" in missing.reason


def test_a_failing_page_is_rebuilt_from_its_source_and_reported(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _drop_first_annotation(monkeypatch)
    files = {1: make_pdf(2, "Plain"), 2: sample(HIGHLIGHT)}
    sink = MemorySink()
    built = build_packet(request(one_each(files)), files.__getitem__, sink)
    [page] = built.rasterised
    entry = built.exhibits[1]
    assert page.label == str(entry.first_page) and page.source_page == 1
    assert page.file_name == "file2.pdf" and "annotations" in page.reason
    assert "picture of the source page" in page.describe()
    [path] = sink.save(tmp_path)
    source = tmp_path / "source.pdf"
    source.write_bytes(files[2])
    share, marked = marks_found(source, 1, path, entry.first_page)
    assert marked > 20 and share >= 0.9
    # the other exhibit's pages passed and stay vector pages (searchable)
    assert all(p.label != str(built.exhibits[0].first_page) for p in built.rasterised)


def test_without_verification_the_lost_mark_goes_unnoticed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The same simulated bug with verification off: nothing is rasterised and the packet page
    lacks the highlight — what the verification exists to catch."""
    _drop_first_annotation(monkeypatch)
    files = {1: sample(HIGHLIGHT)}
    sink = MemorySink()
    built = build_packet(request(one_each(files)), files.__getitem__, sink, verify=False)
    assert built.rasterised == ()
    [path] = sink.save(tmp_path)
    source = tmp_path / "source.pdf"
    source.write_bytes(files[1])
    share, _ = marks_found(source, 1, path, built.exhibits[0].first_page)
    assert share < 0.5


def test_a_mark_pdfium_cannot_draw_is_caught_by_the_independent_drawing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """PDFium generates no appearance for a /Line without one: were our own appearances missing,
    PDFium's drawing of the source would lack the line as well, and only the Pillow drawing
    from the annotation's /L shows that the packet page lacks it."""
    monkeypatch.setattr(normalise, "add_missing", lambda writer: 0)
    files = {1: sample(LINE)}
    sink = MemorySink()
    built = build_packet(request(one_each(files)), files.__getitem__, sink)
    [page] = built.rasterised
    assert "annotations" in page.reason and page.source_page == 1


def test_a_packet_page_with_other_content_is_flagged() -> None:
    """Content, not only marks: a packet page that shows something else than its source (a line
    of text gone) fails, within the stated tolerance (2 % of the inked pixels)."""
    whole = make_pdf(1, "Content check with a long enough line of text")
    reader, reference = open_source(whole)
    other, _ = open_source(make_pdf(1, "Content"))
    verdicts = []
    for source in (reader, other):
        writer = PdfWriter()
        Stamper(writer).add_pdf_page(source.pages[0], "1")
        out = io.BytesIO()
        writer.write(out)
        [verdict] = verify_unit(out.getvalue(), [PageCheck(0, 1, 0)], {1: reference})
        verdicts.append(verdict)
    same, changed = verdicts
    assert same.ok and same.content == 0.0
    assert not changed.ok and changed.content > 0.02 and "inked pixels differed" in changed.reason


def test_a_photo_page_is_checked_against_the_photo_as_attached() -> None:
    """Photos are exhibit pages too: each is compared with the attached file, turned upright by
    Pillow's own reading of its EXIF orientation; a faithful photo page passes."""
    files = {1: photo(orientation=6), 2: photo(orientation=1, fmt="PNG"), 3: make_pdf(1, "Text")}
    built = build_packet(request(one_each(files)), files.__getitem__, MemorySink())
    assert built.rasterised == ()


def test_a_photo_placed_the_wrong_way_round_is_flagged_and_redrawn(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The builder's orientation table loses its entries (a placement bug, simulated): the
    sideways photo page fails its check and is rebuilt from the photo, upright."""
    monkeypatch.setattr(sources, "_TURNS", {})
    files = {1: photo(orientation=6), 2: photo(orientation=1)}
    sink = MemorySink()
    built = build_packet(request(one_each(files)), files.__getitem__, sink)
    [page] = built.rasterised
    assert page.file_name == "file1.pdf" and "photo's pixels differed" in page.reason
    assert page.label == str(built.exhibits[0].first_page)
    [path] = sink.save(tmp_path)
    [again] = verify_unit(
        path.read_bytes(),
        [PageCheck(built.exhibits[0].first_page - 1, 1, 0, photo=True)],
        {1: files[1]},
    )
    assert again.ok, again.reason
