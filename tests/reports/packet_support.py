"""Shared helpers of the packet tests: a request, an in-memory sink, the sample files."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is a top-level folder beside clinic/, not installed
    sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from clinic.reports.packet import (  # noqa: E402
    CoverData,
    ExhibitSource,
    PacketRequest,
    ServiceData,
    SourceFile,
)
from clinic.reports.packet.normalise import normalise  # noqa: E402
from clinic.reports.packet.placement import fit_matrix  # noqa: E402

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
    problems = [line for line in out.splitlines() if "WARNING" in line or line.startswith("ERROR")]
    if run.returncode != 0 and not problems:
        problems.append(out)
    return "\n".join(problems)


def poppler_render(
    path: Path, page: int, dpi: int, *, annotations: bool = True, cropbox: bool = True
) -> Image.Image:
    """One page (1-based) as poppler's pdftoppm draws it, in RGB: poppler is the third engine
    of the tests (the packet is built with PDFium and pypdf)."""
    args = ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile"]
    if cropbox:  # the page as viewers show it (pdftoppm's default is the MediaBox)
        args.append("-cropbox")
    if not annotations:
        args.append("-hide-annotations")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([*args, str(path), f"{folder}/page"], check=True, capture_output=True)
        with Image.open(f"{folder}/page.png") as image:
            return image.convert("RGB")


def placed_region(
    packet: Path, page: int, dpi: int, box: tuple[float, ...], rotate: int
) -> Image.Image:
    """Where the packet puts a source page with ``box`` and ``rotate``, cut out of the packet
    page rendered by poppler."""
    matrix, scale = fit_matrix(tuple(box), rotate)  # type: ignore[arg-type]
    w, h = box[2] - box[0], box[3] - box[1]
    shown_w, shown_h = (h, w) if rotate % 180 else (w, h)
    # the placed rectangle in page space: its lower-left corner is the smallest x and y
    corners = [
        (x * matrix[0] + y * matrix[2] + matrix[4], x * matrix[1] + y * matrix[3] + matrix[5])
        for x in (box[0], box[2])
        for y in (box[1], box[3])
    ]
    x0, y0 = min(c[0] for c in corners), min(c[1] for c in corners)
    x1, y1 = x0 + shown_w * scale, y0 + shown_h * scale
    image = poppler_render(packet, page, dpi)
    k = dpi / 72
    return image.crop((round(x0 * k), round((792 - y1) * k), round(x1 * k), round((792 - y0) * k)))


def ink(image: Image.Image, threshold: int = 200) -> Image.Image:
    """A 1-bit mask of the pixels darker than ``threshold`` (any channel)."""
    grey = ImageChops.darker(
        ImageChops.darker(image.getchannel(0), image.getchannel(1)), image.getchannel(2)
    )
    return grey.point(lambda v: 255 if v < threshold else 0).convert("1")


def count(mask: Image.Image) -> int:
    return mask.convert("L").histogram()[255]


def covered(wanted: Image.Image, got: Image.Image, slack: int = 1) -> float:
    """Share of ``wanted``'s set pixels that are set in ``got`` within ``slack`` pixels."""
    wanted_n = count(wanted)
    if wanted_n == 0:
        return 1.0
    grown = got.convert("L").filter(ImageFilter.MaxFilter(2 * slack + 1))
    both = ImageChops.multiply(wanted.convert("L"), grown)
    return count(both.point(lambda v: 255 if v > 127 else 0)) / wanted_n


def source_geometry(data: bytes, page: int) -> tuple[tuple[float, float, float, float], int]:
    """(CropBox, /Rotate) of a source page as the packet reads it (its clean copy)."""
    read = PdfReader(io.BytesIO(normalise(data).pdf)).pages[page - 1]
    box = read.cropbox
    return (float(box.left), float(box.bottom), float(box.right), float(box.top)), int(
        read.get("/Rotate", 0) or 0
    )


def compare_placed(
    source: Path,
    source_page: int,
    packet: Path,
    packet_page: int,
    dpi: int = 50,
    *,
    reference: Image.Image | None = None,
    cropbox: bool = True,
    annotations: bool = True,
) -> tuple[float, float]:
    """(share of the source page's ink found on the packet page, share of the packet page's
    ink found on the source page), both drawn by poppler with annotations, the source scaled
    to where the packet puts it."""
    box, rotate = source_geometry(source.read_bytes(), source_page)
    got = placed_region(packet, packet_page, dpi, box, rotate)
    want = (
        reference
        if reference is not None
        else poppler_render(source, source_page, dpi, cropbox=cropbox, annotations=annotations)
    )
    want = want.resize(got.size, Image.Resampling.BILINEAR)
    # two pixels at each edge are left out: a line on the very edge of the page falls on one
    # side or the other of it depending on rounding
    inner = (2, 2, got.width - 2, got.height - 2)
    want, got = want.crop(inner), got.crop(inner)
    return covered(ink(want), ink(got), 2), covered(ink(got), ink(want), 2)


def _difference(a: Image.Image, b: Image.Image) -> Image.Image:
    """Per pixel, the largest channel difference of two RGB images (L)."""
    diff = ImageChops.difference(a, b)
    return ImageChops.lighter(
        ImageChops.lighter(diff.getchannel(0), diff.getchannel(1)), diff.getchannel(2)
    )


def marks_found(
    source: Path, source_page: int, packet: Path, packet_page: int, dpi: int = 60
) -> tuple[float, int]:
    """(share of the source page's printed marks found on the packet page, how many marked
    pixels there are). A mark is what differs between the source drawn by poppler with and
    without its annotations; it is found when the packet page (drawn by poppler, cut where the
    packet puts the source page) shows the same colour there, give or take a pixel."""
    box, rotate = source_geometry(source.read_bytes(), source_page)
    got = placed_region(packet, packet_page, dpi, box, rotate)
    with_marks = poppler_render(source, source_page, dpi).resize(
        got.size, Image.Resampling.BILINEAR
    )
    bare = poppler_render(source, source_page, dpi, annotations=False).resize(
        got.size, Image.Resampling.BILINEAR
    )
    marks = _difference(with_marks, bare).point(lambda v: 255 if v > 48 else 0)
    wanted = count(marks)
    if wanted == 0:
        return 1.0, 0
    same = _difference(with_marks, got).filter(ImageFilter.MinFilter(3))
    matched = same.point(lambda v: 255 if v <= 64 else 0)
    both = ImageChops.multiply(marks, matched)
    return count(both.point(lambda v: 255 if v > 127 else 0)) / wanted, wanted
