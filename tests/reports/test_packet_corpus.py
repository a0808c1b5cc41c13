"""The packet on a corpus of adversarial-but-valid PDFs (bench/pdf_corpus.py): every markup
annotation subtype with and without an appearance, every page-box oddity, rotations with boxes,
form fields of every type with and without NeedAppearances. One packet is built from them with
verification on; then every placed page is checked again with a third engine (poppler): the
source's ink is where the packet puts it and every printed mark is there.

The normal suite builds the small corpus (one of each kind); ``make test-corpus`` sets
CLINIC_CORPUS=full for all of them (rotations × boxes, every form with NeedAppearances)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parent))

from packet_support import (
    MemorySink,
    compare_placed,
    count,
    page_texts,
    placed_region,
    poppler_render,
    qpdf_check,
    request,
    source_geometry,
)

from bench.pdf_corpus import corpus
from clinic.reports.packet import ExhibitSource, PacketBuild, SourceFile, build_packet

FULL = os.environ.get("CLINIC_CORPUS") == "full"
FILES = dict(enumerate(corpus(small=not FULL), start=1))


def _marks_present(source: Path, packet: Path, page: int, dpi: int = 60) -> tuple[float, int]:
    """(share of the source's printed-mark pixels with something drawn at or next to them on the
    packet page, how many there are); poppler draws both. Presence, not colour: poppler and
    PDFium generate the look of an appearance-less mark each in their own way."""
    box, rotate = source_geometry(source.read_bytes(), 1)
    got = placed_region(packet, page, dpi, box, rotate)
    want = poppler_render(source, 1, dpi).resize(got.size, Image.Resampling.BILINEAR)
    bare = poppler_render(source, 1, dpi, annotations=False).resize(
        got.size, Image.Resampling.BILINEAR
    )

    def largest(a: Image.Image, b: Image.Image) -> Image.Image:
        d = ImageChops.difference(a, b)
        return ImageChops.lighter(
            ImageChops.lighter(d.getchannel(0), d.getchannel(1)), d.getchannel(2)
        )

    marks = largest(want, bare).point(lambda v: 255 if v > 48 else 0)
    drawn = (
        largest(got, bare).point(lambda v: 255 if v > 48 else 0).filter(ImageFilter.MaxFilter(5))
    )
    total = count(marks)
    if total == 0:
        return 1.0, 0
    return count(
        ImageChops.multiply(marks, drawn).point(lambda v: 255 if v > 127 else 0)
    ) / total, total


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[PacketBuild, list[Path], Path]:
    folder = tmp_path_factory.mktemp("corpus")
    exhibits = []
    data = {}
    for n, (name, pdf) in FILES.items():
        data[n] = pdf
        (folder / f"{name}.pdf").write_bytes(pdf)
        exhibits.append(ExhibitSource(n, name, (SourceFile(n, f"{name}.pdf"),)))
    sink = MemorySink()
    result = build_packet(request(exhibits), data.__getitem__, sink)
    return result, sink.save(folder), folder


def test_every_corpus_file_goes_in_verified_without_rasterising(
    built: tuple[PacketBuild, list[Path], Path],
) -> None:
    result, parts, _ = built
    assert result.omitted == ()
    assert [e.title for e in result.exhibits] == [name for name, _ in FILES.values()]
    assert result.rasterised == (), [p.describe() for p in result.rasterised]
    for part in parts:
        assert qpdf_check(part) == ""


@pytest.mark.parametrize("n", sorted(FILES), ids=[name for name, _ in FILES.values()])
def test_each_corpus_page_shows_what_its_source_shows(
    n: int, built: tuple[PacketBuild, list[Path], Path]
) -> None:
    result, parts, folder = built
    name = FILES[n][0]
    entry = result.exhibits[n - 1]
    [part_info] = [p for p in result.parts if p.first_page <= entry.first_page <= p.last_page]
    part = parts[part_info.number - 1]
    page = entry.first_page - part_info.first_page + 1
    source = folder / f"{name}.pdf"
    # an unusable CropBox falls back to the MediaBox (as pdf.js and PDFium show it; poppler
    # would show nothing), so that page is compared with poppler's drawing of the MediaBox
    unusable = name.startswith(("box-crop-outside", "box-crop-zero", "box-crop-null"))
    # fields given new appearances (NeedAppearances) look as each engine draws them: there the
    # page's own content is compared, and the fields are judged as marks below
    regenerated = name.endswith("-need")
    found, extra = compare_placed(
        source, 1, part, page, cropbox=not unusable, annotations=not regenerated
    )
    assert found > 0.9 and (regenerated or extra > 0.8), (name, found, extra)
    share, marked = _marks_present(source, part, page)
    if name.startswith("annot-"):
        assert marked > 20, (name, "the corpus file shows a mark")
    assert share >= 0.9, (name, share, marked)
    if name.startswith("form-text"):
        assert "Typed value 123" in page_texts(part)[page - 1]
