"""Read leniently, as viewers do (issue 17): padding after the end of the file, a zero-area or
null CropBox, a MediaBox with its corners in the other order, a name with a NUL in it — each
file is accepted and its pages placed correctly (text by pdftotext, pixels by poppler)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, FloatObject, NameObject, NullObject

sys.path.insert(0, str(Path(__file__).resolve().parent))

from packet_support import (
    MemorySink,
    compare_placed,
    one_each,
    page_texts,
    qpdf_check,
    request,
    sample,
)

from bench.packet_inputs import make_pdf
from clinic.reports.packet import ProblemKind, build_packet, check_files


def _build(files: dict[int, bytes], tmp_path: Path) -> tuple[Path, list[str], object]:
    req = request(one_each(files))
    checked = check_files(req, files.__getitem__)
    assert not checked.problems, [(p.file_name, p.kind, p.detail) for p in checked.problems]
    sink = MemorySink()
    built = build_packet(req, files.__getitem__, sink, preflight=checked)
    [path] = sink.save(tmp_path)
    assert qpdf_check(path) == ""
    return path, page_texts(path), built


def _with_boxes(media: object, crop: object = None) -> bytes:
    """make_pdf's Letter page with its boxes replaced (pypdf objects, written as given)."""
    reader = PdfReader(io.BytesIO(make_pdf(1, "Boxed")))
    writer = PdfWriter(clone_from=reader)
    page = writer.pages[0]
    page[NameObject("/MediaBox")] = media  # type: ignore[assignment]
    if crop is not None:
        page[NameObject("/CropBox")] = crop  # type: ignore[assignment]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _array(*values: float) -> ArrayObject:
    return ArrayObject([FloatObject(v) for v in values])


def test_padding_after_the_end_of_file_is_accepted(tmp_path: Path) -> None:
    files = {1: sample("selenium-pypdf-issue-177.pdf"), 2: make_pdf(1, "Padded") + bytes(20_000)}
    path, texts, built = _build(files, tmp_path)
    first = built.exhibits[0].first_page  # type: ignore[attr-defined]
    assert "Hello World" in texts[first - 1]
    assert "Padded page 1" in texts[built.exhibits[1].first_page - 1]  # type: ignore[attr-defined]
    source = tmp_path / "source.pdf"
    source.write_bytes(files[1])
    found, extra = compare_placed(source, 1, path, first)
    assert found > 0.9 and extra > 0.9


def test_a_truncated_pdf_is_still_refused() -> None:
    whole = make_pdf(2, "Cut")
    files = {1: whole[: len(whole) // 2] + bytes(5000)}
    [problem] = check_files(request(one_each(files)), files.__getitem__).problems
    assert problem.kind is ProblemKind.DAMAGED and "truncated" in problem.detail


def test_zero_area_null_and_outside_crop_boxes_fall_back_to_the_media_box(tmp_path: Path) -> None:
    files = {
        1: sample("boundingBox_invalid.pdf"),
        2: sample("operator_list_cycle.pdf"),
        3: _with_boxes(_array(0, 0, 612, 792), NullObject()),
        4: _with_boxes(_array(0, 0, 612, 792), _array(100, 100, 100, 500)),
    }
    path, texts, built = _build(files, tmp_path)
    by_title = {e.title: e for e in built.exhibits}  # type: ignore[attr-defined]
    first = by_title["Exhibit 1"].first_page
    assert by_title["Exhibit 1"].last_page - first + 1 == 3
    assert "Empty /MediaBox" in texts[first - 1]
    assert "Empty /CropBox" in texts[first]
    assert "intersection" in texts[first + 1]
    assert by_title["Exhibit 2"].last_page == by_title["Exhibit 2"].first_page
    for title in ("Exhibit 3", "Exhibit 4"):
        page = by_title[title].first_page
        assert "Boxed page 1" in texts[page - 1]
        source = tmp_path / "boxed.pdf"
        source.write_bytes(make_pdf(1, "Boxed"))
        found, extra = compare_placed(source, 1, path, page)
        assert found > 0.9 and extra > 0.9, title
    # page 2 of the first file is landscape (800 x 600 MediaBox): placed across the page
    reader = PdfReader(path)
    content = reader.pages[first].get_contents().get_data()  # type: ignore[union-attr]
    assert b"0.765 0 0 0.765" in content or b"0.765" in content


def test_a_media_box_with_its_corners_the_other_way_round(tmp_path: Path) -> None:
    files = {1: _with_boxes(_array(0, 792, 612, 0))}
    path, texts, built = _build(files, tmp_path)
    page = built.exhibits[0].first_page  # type: ignore[attr-defined]
    assert "Boxed page 1" in texts[page - 1]
    source = tmp_path / "upright.pdf"
    source.write_bytes(make_pdf(1, "Boxed"))
    found, extra = compare_placed(source, 1, path, page)
    assert found > 0.9 and extra > 0.9


def test_a_name_with_a_nul_in_it_keeps_the_pictures(tmp_path: Path) -> None:
    """AutoCad_Diagram.pdf writes ``/DeviceRGB<NUL>255``: NUL is white space. Its two images and
    the Note box must be on the packet page, and qpdf must find nothing to warn about."""
    files = {1: sample("AutoCad_Diagram.pdf")}
    path, texts, built = _build(files, tmp_path)
    page = built.exhibits[0].first_page  # type: ignore[attr-defined]
    assert "Tape the screens" in texts[page - 1]
    source = tmp_path / "autocad.pdf"
    source.write_bytes(files[1])
    found, extra = compare_placed(source, 1, path, page, dpi=40)
    assert found > 0.9 and extra > 0.9
