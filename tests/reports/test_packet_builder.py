"""The exhibit packet PDF: index ranges equal the real pages, every page carries its number,
bookmarks land on the right pages, parts stay under the limit, qpdf is happy, and bad inputs are
reported, never crashed on (read back with pdftotext, qpdf and pdftoppm)."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is a top-level folder beside clinic/, not installed
    sys.path.insert(0, str(ROOT))

from bench.packet_inputs import corrupt_pdf, encrypted_pdf, make_pdf, photo  # noqa: E402
from clinic.domain.packet_layout import TabStyle  # noqa: E402
from clinic.reports.packet import (  # noqa: E402
    CoverData,
    ExhibitSource,
    FileRole,
    PacketCancelled,
    PacketError,
    PacketRequest,
    ProblemKind,
    ServiceData,
    SourceFile,
    build_packet,
    check_files,
    placement,
)
from clinic.reports.packet.sources import prepare_photo  # noqa: E402

COVER = CoverData(
    respondent="KOVALCHUK, Olena",
    a_number="A-201-555-123",
    detained=True,
    judge="Hon. Ana Ruiz",
    court="Chicago Immigration Court",
    next_hearing="March 3, 2027 at 9:00 AM",
    title="Respondent's documents in support of the application for asylum",
    preparer="Zoë Brontë",
    clinic_name="Test Clinic",
    letterhead="1 Main St",
)
SERVICE = ServiceData(
    "Respondent's documents", "KOVALCHUK, Olena", "A-201-555-123", "DHS OCC", "ECAS", "Zoë Brontë"
)


class MemorySink:
    def __init__(self) -> None:
        self.parts: dict[str, bytes] = {}

    def write_part(self, name: str, data: bytes) -> None:
        assert name not in self.parts
        self.parts[name] = data

    def discard(self) -> None:
        self.parts.clear()

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


def page_texts(path: Path, layout: bool = False) -> list[str]:
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    text = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def footers(path: Path) -> list[str]:
    """The text in each page's bottom half inch (where the number is stamped, nothing else)."""
    args = ["pdftotext", "-x", "0", "-y", "756", "-W", "612", "-H", "36", str(path), "-"]
    text = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return [t.strip() for t in text.split("\f")[:-1]]


def all_pages(paths: list[Path]) -> list[str]:
    return [t for p in paths for t in page_texts(p)]


def test_index_ranges_are_the_real_pages_with_a_long_index(tmp_path: Path) -> None:
    files: dict[int, bytes] = {}
    exhibits = []
    for i in range(1, 56):  # 55 exhibits: the index runs over two pages
        pages = 1 + i % 3
        files[i] = make_pdf(pages, f"Doc{i:03d}", size=("letter", "a4", "legal")[i % 3])
        exhibits.append(
            ExhibitSource(i, f"Exhibit document {i:03d}", (SourceFile(i, f"d{i}.pdf"),))
        )
    sink = MemorySink()
    built = build_packet(request(exhibits), files.__getitem__, sink)
    [path] = sink.save(tmp_path)
    texts = page_texts(path)
    assert len(texts) == built.total_pages == len(PdfReader(path).pages)

    index_pages = [n for n, t in enumerate(texts, 1) if "Description" in t]  # repeated header
    assert index_pages == [2, 3], "a cover page, then an index longer than one page"
    assert "INDEX OF EXHIBITS" in texts[1]
    index_text = "\n".join(page_texts(path, layout=True)[1:3])
    listed = dict(
        (m.group(2), (int(m.group(3)), int(m.group(4) or m.group(3))))
        for m in re.finditer(
            r"^\s*([A-Z]{1,2})\s+Exhibit document (\d{3})\s+(\d+)(?:–(\d+))?", index_text, re.M
        )
    )
    assert len(listed) == 55
    for i in range(1, 56):
        first, last = listed[f"{i:03d}"]
        pages = 1 + i % 3
        assert f"Doc{i:03d} page 1" in texts[first - 1]
        assert f"Doc{i:03d} page {pages}" in texts[last - 1]
        assert last - first + 1 == pages
        assert "EXHIBIT" in texts[first - 2]  # the tab page just before
    entry = built.exhibits[54]
    assert entry.label == "BC" and "EXHIBIT BC" in texts[entry.tab_page - 1]
    assert "CERTIFICATE OF SERVICE" in texts[-1]


def test_every_page_carries_its_number_and_bookmarks_point_right(tmp_path: Path) -> None:
    files = {
        1: make_pdf(3, "Alpha"),
        2: make_pdf(2, "Beta", size="landscape"),
        3: photo(),
        4: make_pdf(1, "Gamma", size="legal", rotate=90),
        5: make_pdf(1, "Cert"),
    }
    exhibits = [
        ExhibitSource(1, "Alpha", (SourceFile(1, "a.pdf"),)),
        ExhibitSource(2, "Beta", (SourceFile(2, "b.pdf"),), certificate_language="Spanish"),
        ExhibitSource(3, "Photo", (SourceFile(3, "p.jpg"),)),
        ExhibitSource(
            4,
            "Gamma",
            (
                SourceFile(4, "g.pdf"),
                SourceFile(5, "translation certificate.pdf", FileRole.CERTIFICATE),
            ),
        ),
    ]
    sink = MemorySink()
    built = build_packet(
        request(exhibits, bates_prefix="KOV", style=TabStyle.NUMBERS), files.__getitem__, sink
    )
    [path] = sink.save(tmp_path)
    texts = page_texts(path, layout=True)
    assert footers(path) == [f"KOV{n:06d}" for n in range(1, len(texts) + 1)]
    reader = PdfReader(path)
    assert all(
        (float(p.mediabox.width), float(p.mediabox.height)) == (612, 792) for p in reader.pages
    )

    marks: dict[str, int] = {}

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                marks[item.title] = reader.get_destination_page_number(item) + 1  # type: ignore[attr-defined]

    walk(reader.outline)
    by_label = {e.label: e for e in built.exhibits}
    assert marks["Cover page"] == 1 and marks["Index of exhibits"] == 2
    assert marks["Exhibit 1 — Alpha"] == by_label["1"].tab_page
    assert marks["Exhibit 4 — Gamma"] == by_label["4"].tab_page
    assert marks["Certificate of service"] == built.total_pages
    # translation certificates come right after their documents: generated for 2, attached for 4
    assert "CERTIFICATE OF TRANSLATION" in texts[by_label["2"].last_page - 1]
    assert "competent to translate from Spanish into English" in " ".join(
        texts[by_label["2"].last_page - 1].split()
    )
    assert "Spanish" in texts[by_label["2"].last_page - 1]
    assert "Cert page 1" in texts[by_label["4"].last_page - 1]
    assert (by_label["2"].certificate, by_label["4"].certificate) == ("generated", "attached")
    check = subprocess.run(
        ["qpdf", "--check", str(path)], check=False, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr


def _dark_quadrant(path: Path, page: int, tmp_path: Path, red: bool = False) -> str:
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "20",
            "-f",
            str(page),
            "-l",
            str(page),
            str(path),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    [png] = list(tmp_path.glob("p*.png"))
    image = Image.open(png).convert("RGB")
    png.unlink()
    w, h = image.size
    h -= round(h * 36 / 792)  # leave out the footer (the stamp)
    scores = {}
    for name, (x0, y0) in {
        "top-left": (0, 0),
        "top-right": (w // 2, 0),
        "bottom-left": (0, h // 2),
        "bottom-right": (w // 2, h // 2),
    }.items():
        total = 0
        for x in range(x0, x0 + w // 2):
            for y in range(y0, y0 + h // 2):
                r, g, b = image.getpixel((x, y))  # type: ignore[misc]
                total += (r > 150 and g < 90) if red else (r + g + b < 200)
        scores[name] = total
    return max(scores, key=lambda k: scores[k])


def _corner_pdf(rotate: int) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(612, 792))
    canvas.rect(0, 592, 200, 200, fill=1)  # black square in the top-left corner
    canvas.drawString(300, 300, "Corner page")
    canvas.showPage()
    canvas.save()
    data = out.getvalue()
    if rotate:
        writer = PdfWriter(clone_from=io.BytesIO(data))
        writer.pages[0].rotate(rotate)
        buf = io.BytesIO()
        writer.write(buf)
        data = buf.getvalue()
    return data


def test_rotation_and_exif_orientation_are_respected(tmp_path: Path) -> None:
    files = {
        1: _corner_pdf(0),
        2: _corner_pdf(90),
        3: _corner_pdf(270),
        4: photo(orientation=6),
        5: photo(orientation=1, fmt="PNG"),
    }
    exhibits = [ExhibitSource(1, "Pages", tuple(SourceFile(i, f"f{i}") for i in files))]
    sink = MemorySink()
    built = build_packet(request(exhibits), files.__getitem__, sink)
    [path] = sink.save(tmp_path)
    first = built.exhibits[0].first_page
    assert _dark_quadrant(path, first, tmp_path) == "top-left"
    assert _dark_quadrant(path, first + 1, tmp_path) == "top-right"  # /Rotate 90: clockwise
    assert _dark_quadrant(path, first + 2, tmp_path) == "bottom-left"
    # orientation 6: the stored landscape picture (red on the left) is shown upright: red on top
    top = _dark_quadrant(path, first + 3, tmp_path, red=True)
    assert top.startswith("top")
    assert _dark_quadrant(path, first + 4, tmp_path, red=True).endswith("left")
    texts = page_texts(path)
    assert "Corner page" in texts[first - 1], "PDF text stays searchable"


def test_parts_stay_under_the_limit_and_numbering_continues(tmp_path: Path) -> None:
    files: dict[int, bytes] = {}
    exhibits = []
    for i in range(1, 9):
        image = Image.frombytes("RGB", (500, 650), os.urandom(500 * 650 * 3))  # incompressible
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=90)
        files[i] = buf.getvalue()
        files[100 + i] = make_pdf(2, f"Text{i}")
        exhibits.append(
            ExhibitSource(
                i, f"Exhibit {i}", (SourceFile(i, f"p{i}.jpg"), SourceFile(100 + i, f"t{i}.pdf"))
            )
        )
    limit = 1024 * 1024
    sink = MemorySink()
    built = build_packet(request(exhibits, max_part_bytes=limit), files.__getitem__, sink)
    paths = sink.save(tmp_path)
    assert len(paths) >= 3
    assert [p.name for p in paths] == [
        f"Kovalchuk_A201555123_Exhibits_Part{n}.pdf" for n in range(1, len(paths) + 1)
    ]
    assert all(p.stat().st_size <= limit for p in paths)
    stamps = [f for p in paths for f in footers(p)]
    assert stamps == [str(n) for n in range(1, built.total_pages + 1)]
    for part, path in zip(built.parts, paths, strict=True):
        assert (part.first_page, part.last_page) == (int(footers(path)[0]), int(footers(path)[-1]))
        check = subprocess.run(
            ["qpdf", "--check", str(path)], check=False, capture_output=True, text=True
        )
        assert check.returncode == 0, check.stdout
    index = page_texts(paths[0], layout=True)[1]
    assert "Part" in index
    for entry in built.exhibits:
        row = re.search(
            rf"^\s*{entry.label}\s+Exhibit {entry.evidence_id}\s+\S+\s+(\S+)\s*$", index, re.M
        )
        assert row is not None and row.group(1) == "–".join(
            dict.fromkeys(str(p) for p in (entry.parts[0], entry.parts[-1]))
        )
        holder = paths[entry.parts[0] - 1]
        assert f"EXHIBIT {entry.label}" in "".join(page_texts(holder))


def test_an_exhibit_larger_than_a_part_is_split_between_pages(tmp_path: Path) -> None:
    files = {}
    for j in range(6):
        image = Image.frombytes("RGB", (500, 650), os.urandom(500 * 650 * 3))
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=90)
        files[j] = buf.getvalue()
    exhibits = [ExhibitSource(1, "Photos", tuple(SourceFile(j, f"{j}.jpg") for j in files))]
    sink = MemorySink()
    built = build_packet(request(exhibits, max_part_bytes=600 * 1024), files.__getitem__, sink)
    paths = sink.save(tmp_path)
    assert all(p.stat().st_size <= 600 * 1024 for p in paths)
    assert len(built.exhibits[0].parts) > 1
    assert sum(len(PdfReader(p).pages) for p in paths) == built.total_pages == 1 + 1 + 1 + 6 + 1
    titles = [
        item.title for p in paths for item in PdfReader(p).outline if not isinstance(item, list)
    ]
    assert "Exhibit A — Photos (continued)" in titles


def test_bad_files_are_reported_by_name_and_never_crash(tmp_path: Path) -> None:
    files = {
        1: make_pdf(2, "Good"),
        2: encrypted_pdf(),
        3: corrupt_pdf(),
        4: b"PK\x03\x04 a word file",
        5: photo()[:400],
    }
    exhibits = [
        ExhibitSource(1, "Good", (SourceFile(1, "good.pdf"),)),
        ExhibitSource(2, "Locked", (SourceFile(2, "locked.pdf"),)),
        ExhibitSource(3, "Broken", (SourceFile(3, "broken.pdf"), SourceFile(5, "half.jpg"))),
        ExhibitSource(4, "Word", (SourceFile(4, "statement.docx"),)),
    ]
    req = request(exhibits)
    checked = check_files(req, files.__getitem__)
    found = {(p.file_name, p.kind) for p in checked.problems}
    assert found == {
        ("locked.pdf", ProblemKind.PASSWORD),
        ("broken.pdf", ProblemKind.DAMAGED),
        ("statement.docx", ProblemKind.UNSUPPORTED),
        ("half.jpg", ProblemKind.DAMAGED),
    }
    assert "password" in next(p for p in checked.problems if p.file_id == 2).describe()
    sink = MemorySink()
    with pytest.raises(PacketError, match=r"locked\.pdf.*broken\.pdf|broken\.pdf.*locked\.pdf"):
        build_packet(req, files.__getitem__, sink, preflight=checked)
    assert sink.parts == {}
    built = build_packet(
        req, files.__getitem__, sink, preflight=checked, skip=frozenset({2, 3, 4, 5})
    )
    assert [e.title for e in built.exhibits] == ["Good"]
    assert {p.file_name for p in built.omitted} == {
        "locked.pdf",
        "broken.pdf",
        "statement.docx",
        "half.jpg",
    }
    [path] = sink.save(tmp_path)
    assert "Good page 2" in "".join(page_texts(path))


def test_cancel_stops_and_hands_out_nothing() -> None:
    files = {i: make_pdf(2, f"C{i}") for i in range(1, 6)}
    exhibits = [ExhibitSource(i, f"C{i}", (SourceFile(i, f"c{i}"),)) for i in files]
    sink = MemorySink()
    seen: list[tuple[int, int]] = []
    with pytest.raises(PacketCancelled):
        build_packet(
            request(exhibits),
            files.__getitem__,
            sink,
            progress=lambda d, t: seen.append((d, t)),
            cancelled=lambda: len(seen) >= 3,
        )
    assert sink.parts == {}
    assert seen and all(done <= total for done, total in seen)


def _form_pdf(value: str) -> bytes:
    """One page with a filled-in text field (its value lives only in the field's appearance)."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(612, 792))
    canvas.drawString(72, 720, "Form page")
    canvas.acroForm.textfield(name="name", x=72, y=650, width=200, height=20, value=value)
    canvas.acroForm.textfield(  # shown on screen, not printed (like a form's "Clear" button)
        name="screen", x=72, y=550, width=200, height=20, value="Screen Only", annotationFlags=""
    )
    canvas.linkURL("https://example.org", (72, 600, 200, 620))
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_filled_in_form_fields_are_printed_on_the_page(tmp_path: Path) -> None:
    """A new page carries no annotations: a form field's value would silently vanish unless its
    appearance is drawn onto the page."""
    files = {1: _form_pdf("Maria Filled-In"), 2: make_pdf(1, "Plain")}
    exhibits = [ExhibitSource(1, "Form", (SourceFile(1, "form.pdf"), SourceFile(2, "p.pdf")))]
    sink = MemorySink()
    built = build_packet(request(exhibits), files.__getitem__, sink)
    [path] = sink.save(tmp_path)
    texts = page_texts(path)
    first = built.exhibits[0].first_page
    assert "Form page" in texts[first - 1]
    assert "Maria Filled-In" in texts[first - 1]
    assert "Maria" not in texts[first]  # drawn once, on its own page only
    assert "Screen Only" not in texts[first - 1]  # as printed: no Print flag, not drawn
    assert footers(path)[first - 1] == str(first)
    result = subprocess.run(
        ["qpdf", "--check", str(path)], check=False, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_a_16_bit_grey_png_keeps_its_greys() -> None:
    image = Image.new("I;16", (40, 20), 40000)  # 61 % grey
    image.paste(0, (20, 0, 40, 20))
    out = io.BytesIO()
    image.save(out, "PNG")
    prepared = prepare_photo(out.getvalue())
    shown = Image.open(io.BytesIO(prepared.jpeg)).convert("L")
    assert 140 <= shown.getpixel((5, 10)) <= 170  # type: ignore[operator]
    assert shown.getpixel((35, 10)) < 30  # type: ignore[operator]


def test_an_empty_file_is_reported_as_empty_not_as_the_wrong_kind() -> None:
    files = {1: make_pdf(1, "Good"), 2: b""}
    exhibits = [
        ExhibitSource(1, "Good", (SourceFile(1, "good.pdf"),)),
        ExhibitSource(2, "Blank", (SourceFile(2, "scan.pdf"),)),
    ]
    [problem] = check_files(request(exhibits), files.__getitem__).problems
    assert (problem.file_name, problem.kind) == ("scan.pdf", ProblemKind.EMPTY)
    assert "empty" in problem.describe() and "convert" not in problem.describe()


def test_photos_keep_clear_of_the_paper_edges(tmp_path: Path) -> None:
    """A wide photo fills the width but leaves the quarter inch printers cannot reach."""
    image = Image.new("RGB", (1600, 800), (200, 20, 20))
    out = io.BytesIO()
    image.save(out, "PNG")
    files = {1: out.getvalue()}
    sink = MemorySink()
    built = build_packet(
        request([ExhibitSource(1, "Wide", (SourceFile(1, "w.png"),))]), files.__getitem__, sink
    )
    [path] = sink.save(tmp_path)
    page = built.exhibits[0].first_page
    args = ["pdftoppm", "-png", "-r", "72", "-f", str(page), "-l", str(page), str(path)]
    subprocess.run([*args, str(tmp_path / "w")], check=True)
    [png] = list(tmp_path.glob("w*.png"))
    shown = Image.open(png).convert("RGB")
    middle = shown.height // 2
    assert shown.getpixel((8, middle)) == (255, 255, 255)
    assert shown.getpixel((shown.width - 8, middle)) == (255, 255, 255)
    red = shown.getpixel((30, middle))
    assert red[0] > 150 and red[1] < 80  # type: ignore[index]


def test_a_picture_past_the_pixel_limit_is_reported_not_crashed_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 200-megapixel phone photo trips Pillow's decompression-bomb guard (an Exception, not an
    OSError); it must come back as a named problem, not a traceback."""
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100_000)  # stands in for ~180 megapixels
    files = {1: photo(1200, 800, orientation=1), 2: make_pdf(1, "Fine")}
    exhibits = [
        ExhibitSource(1, "Huge photo", (SourceFile(1, "huge.jpg"),)),
        ExhibitSource(2, "Fine", (SourceFile(2, "fine.pdf"),)),
    ]
    [problem] = check_files(request(exhibits), files.__getitem__).problems
    assert (problem.file_name, problem.kind) == ("huge.jpg", ProblemKind.TOO_LARGE)
    assert "smaller copy" in problem.describe()


def test_long_bates_numbers_are_never_broken_in_the_index(tmp_path: Path) -> None:
    files = {i: make_pdf(2, f"B{i}") for i in range(1, 4)}
    exhibits = [ExhibitSource(i, f"Doc {i}", (SourceFile(i, f"b{i}.pdf"),)) for i in files]
    sink = MemorySink()
    built = build_packet(request(exhibits, bates_prefix="WWWWWWWWWWWW"), files.__getitem__, sink)
    [path] = sink.save(tmp_path)
    index = page_texts(path, layout=True)[1]
    for entry in built.exhibits:
        first, last = entry.page_labels.split("–")
        assert re.search(rf"\b{first}–?(\s|$)", index), index
        assert re.search(rf"\b{last}(\s|$)", index), index
    assert "WWWWWWWWWWWW000012" in index  # the certificate of service's page, on one line


def test_a_motion_photo_with_a_video_after_the_picture_goes_in(tmp_path: Path) -> None:
    """Phones append a short video after the JPEG's end marker ("motion photos"): the picture
    is complete and must not be refused as truncated; a really truncated JPEG still is."""
    still = photo(1200, 800, orientation=6)
    files = {
        1: still + b"\x00\x00\x00\x18ftypmp42" + bytes(4000) + b"MotionPhoto_Data",
        2: still[: len(still) * 2 // 3],
    }
    exhibits = [
        ExhibitSource(1, "Motion photo", (SourceFile(1, "PXL_motion.jpg"),)),
        ExhibitSource(2, "Cut short", (SourceFile(2, "half.jpg"),)),
    ]
    req = request(exhibits)
    checked = check_files(req, files.__getitem__)
    assert [(p.file_name, p.kind) for p in checked.problems] == [("half.jpg", ProblemKind.DAMAGED)]
    sink = MemorySink()
    built = build_packet(req, files.__getitem__, sink, preflight=checked, skip=frozenset({2}))
    assert [(e.title, e.last_page - e.first_page + 1) for e in built.exhibits] == [
        ("Motion photo", 1)
    ]
    [path] = sink.save(tmp_path)
    assert _dark_quadrant(path, built.exhibits[0].first_page, tmp_path, red=True).startswith("top")


def test_a_pdf_that_fails_while_stamping_is_left_out_with_its_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pypdf's own errors (PdfReadError …) met while copying a page that passed the check leave
    that file out with its name and the reason, like any other damage (issue 17); when it was
    the only file, the build stops and names it."""
    real = placement.Stamper.add_pdf_page

    def failing(self: placement.Stamper, source: object, label: str, *, fit: bool = True) -> object:
        if fit:  # a source page (generated pages are placed 1:1)
            raise PdfReadError("Could not find object")
        return real(self, source, label, fit=fit)  # type: ignore[arg-type]

    monkeypatch.setattr(placement.Stamper, "add_pdf_page", failing)
    files = {1: make_pdf(1, "Odd"), 2: photo()}
    sink = MemorySink()
    built = build_packet(
        request(
            [
                ExhibitSource(1, "Odd", (SourceFile(1, "odd.pdf"),)),
                ExhibitSource(2, "Photo", (SourceFile(2, "p.jpg"),)),
            ]
        ),
        files.__getitem__,
        sink,
    )
    [problem] = built.omitted
    assert problem.file_name == "odd.pdf" and problem.kind is ProblemKind.DAMAGED
    assert "PdfReadError" in problem.detail
    assert [e.title for e in built.exhibits] == ["Photo"]
    sink = MemorySink()
    with pytest.raises(PacketError, match=r"odd\.pdf.*damaged"):
        build_packet(
            request([ExhibitSource(1, "Odd", (SourceFile(1, "odd.pdf"),))]),
            files.__getitem__,
            sink,
        )
    assert sink.parts == {}
