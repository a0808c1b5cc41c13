"""One bad file never breaks the build (issue 17): whatever a file raises while it is read,
decoded or placed, that file is left out with the reason and the rest of the packet is built;
decoding is bounded and a decompression bomb is refused without being inflated."""

from __future__ import annotations

import io
import sys
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.errors import DependencyError
from pypdf.generic import (
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    StreamObject,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))

from packet_support import MemorySink, one_each, page_texts, request, sample

from bench.packet_inputs import make_pdf, photo
from clinic.reports.packet import ProblemKind, build_packet, builder, check_files
from clinic.reports.packet import files as packet_files
from clinic.reports.packet import normalise as normalise_module
from clinic.reports.packet.bounds import MAX_DECODED, Bomb, check_bounds


def _with_stream(stream: StreamObject) -> bytes:
    """A one-page PDF whose page uses ``stream`` as an image XObject."""
    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    ref = writer._add_object(stream)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Im0"): ref})}
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def flate_bomb(decoded: int) -> bytes:
    stream = StreamObject()
    stream._data = zlib.compress(b"\0" * decoded, 9)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    return _with_stream(stream)


def giant_image() -> bytes:
    stream = StreamObject()
    stream._data = b"\xff\xd8\xff\xd9"  # a JPEG that says nothing; the dictionary says 40k x 40k
    for key, value in (("/Type", "/XObject"), ("/Subtype", "/Image"), ("/Filter", "/DCTDecode")):
        stream[NameObject(key)] = NameObject(value)
    stream[NameObject("/ColorSpace")] = NameObject("/DeviceRGB")
    stream[NameObject("/Width")] = NumberObject(40_000)
    stream[NameObject("/Height")] = NumberObject(40_000)
    stream[NameObject("/BitsPerComponent")] = NumberObject(8)
    return _with_stream(stream)


def test_the_jbig2_bomb_is_refused_unopened_and_the_rest_is_built(tmp_path: Path) -> None:
    files = {1: make_pdf(2, "Before"), 2: sample("bomb_giant.pdf"), 3: make_pdf(1, "After")}
    exhibits = one_each(files)
    tracemalloc.start()
    started = time.perf_counter()
    checked = check_files(request(exhibits), files.__getitem__)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    [problem] = checked.problems
    assert (problem.file_id, problem.kind) == (2, ProblemKind.BOMB)
    assert "JBIG2" in problem.detail and "decompression bomb" in problem.reason
    assert elapsed < 5 and peak < 64 * 1024 * 1024, "the bomb was refused, not inflated"
    sink = MemorySink()
    built = build_packet(request(exhibits), files.__getitem__, sink, skip=frozenset({2}))
    assert [p.file_id for p in built.omitted] == [2]
    [path] = sink.save(tmp_path)
    text = "\n".join(page_texts(path))
    assert "Before page 2" in text and "After page 1" in text and "GIANT" not in text


def test_a_flate_bomb_is_refused_by_its_inflated_size_and_ratio() -> None:
    with pytest.raises(Bomb, match="inflating past"):
        check_bounds(PdfReader(io.BytesIO(flate_bomb(64 * 1024 * 1024))))
    check_bounds(PdfReader(io.BytesIO(flate_bomb(4 * 1024 * 1024))))  # under the ratio floor
    with pytest.raises(Bomb, match="40000 x 40000"):
        check_bounds(PdfReader(io.BytesIO(giant_image())))
    assert MAX_DECODED == 256 * 1024 * 1024  # the bound docs/packet.md states


class Odd(Exception):
    """A plain Exception subclass no code knows about."""


@pytest.mark.parametrize(
    "error",
    [
        DependencyError("jbig2dec binary is not available."),
        RecursionError(),
        MemoryError(),
        Odd("x"),
    ],
    ids=["DependencyError", "RecursionError", "MemoryError", "Exception"],
)
def test_any_failure_while_checking_one_file_leaves_it_out(
    error: BaseException, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {1: make_pdf(1, "One"), 2: make_pdf(1, "Two")}
    real = packet_files.page_count

    def page_count(data: bytes) -> int:
        if data == files[2]:
            raise error
        return real(data)

    monkeypatch.setattr(packet_files, "page_count", page_count)
    [problem] = check_files(request(one_each(files)), files.__getitem__).problems
    assert (problem.file_id, problem.kind) == (2, ProblemKind.DAMAGED)
    assert type(error).__name__ in problem.detail


@pytest.mark.parametrize(
    "error",
    [
        DependencyError("jbig2dec binary is not available."),
        RecursionError(),
        MemoryError(),
        Odd("x"),
    ],
    ids=["DependencyError", "RecursionError", "MemoryError", "Exception"],
)
def test_any_failure_while_placing_one_file_leaves_it_out_and_builds_the_rest(
    error: BaseException, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The check pass accepted the file; placing it fails: the packet is laid out again without
    it (page numbers stay right), the parts already handed over are taken back."""
    files = {1: make_pdf(2, "One"), 2: make_pdf(3, "Two"), 3: make_pdf(1, "Three")}
    exhibits = one_each(files)
    preflight = check_files(request(exhibits), files.__getitem__)
    assert not preflight.problems
    real = builder.open_source

    def open_source(data: bytes, **options: bool) -> tuple[PdfReader, bytes]:
        if data == files[2]:
            raise error
        return real(data, **options)

    monkeypatch.setattr(builder, "open_source", open_source)
    sink = MemorySink()
    built = build_packet(request(exhibits), files.__getitem__, sink, preflight=preflight)
    [problem] = built.omitted
    assert (problem.file_id, problem.kind) == (2, ProblemKind.DAMAGED)
    assert type(error).__name__ in problem.detail
    [path] = sink.save(tmp_path)
    texts = page_texts(path)
    assert len(texts) == built.total_pages
    assert not any("Two page" in t for t in texts)
    assert [e.title for e in built.exhibits] == ["Exhibit 1", "Exhibit 3"]
    assert "Three page 1" in texts[built.exhibits[1].first_page - 1]


def test_the_build_does_not_check_the_bound_again_on_the_bytes_the_check_passed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The decoding bound parses every object of a file: checked once per file when the build
    reads the very bytes the check pass passed (the same SHA-256)."""
    files = {1: make_pdf(2, "One"), 2: make_pdf(3, "Two")}
    exhibits = one_each(files)
    checked: list[bytes] = []
    real = normalise_module._bounds

    def bounds(data: bytes, doc: object) -> None:
        checked.append(data)
        real(data, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(normalise_module, "_bounds", bounds)
    preflight = check_files(request(exhibits), files.__getitem__)
    assert len(checked) == 2
    built = build_packet(request(exhibits), files.__getitem__, MemorySink(), preflight=preflight)
    assert not built.omitted and len(checked) == 2


def test_a_file_changed_into_a_bomb_after_the_check_is_caught_by_the_build(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Bytes that differ from the checked ones (the file changed between the check and the
    build) are checked in full again: a bomb in their place is left out, not inflated."""
    checked_files = {1: make_pdf(2, "One"), 2: make_pdf(1, "Two"), 3: make_pdf(1, "Three")}
    exhibits = one_each(checked_files)
    preflight = check_files(request(exhibits), checked_files.__getitem__)
    assert not preflight.problems
    built_files = {**checked_files, 2: flate_bomb(64 * 1024 * 1024)}
    sink = MemorySink()
    built = build_packet(request(exhibits), built_files.__getitem__, sink, preflight=preflight)
    [problem] = built.omitted
    assert (problem.file_id, problem.kind) == (2, ProblemKind.BOMB)
    [path] = sink.save(tmp_path)
    text = "\n".join(page_texts(path))
    assert "One page 2" in text and "Three page 1" in text


def test_a_photo_that_fails_while_being_prepared_is_left_out(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    files = {1: make_pdf(1, "One"), 2: photo()}
    exhibits = one_each(files)

    def prepare_photo(data: bytes) -> None:
        raise RecursionError

    monkeypatch.setattr(packet_files, "prepare_photo", prepare_photo)
    sink = MemorySink()
    built = build_packet(request(exhibits), files.__getitem__, sink)
    assert [p.file_id for p in built.omitted] == [2]
    assert "RecursionError" in built.omitted[0].detail


def test_a_stream_decoded_for_the_page_count_is_bounded_too() -> None:
    """The bound is checked before pypdf decodes anything: a page whose content is a flate
    bomb is refused by the check pass, quickly."""
    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    content = DecodedStreamObject()
    content.set_data(b"\n" * (64 * 1024 * 1024))
    page[NameObject("/Contents")] = writer._add_object(content.flate_encode(level=9))
    out = io.BytesIO()
    writer.write(out)
    files = {1: out.getvalue()}
    [problem] = check_files(request(one_each(files)), files.__getitem__).problems
    assert problem.kind is ProblemKind.BOMB
