"""Opening evidence files for a packet, in memory: PDFs (never rasterised) and photos.

A file is recognised by its first bytes, not its name. Photos are turned upright from their EXIF
orientation, downscaled to at most :data:`PHOTO_DPI` at the size they are printed, and re-encoded
as JPEG; nothing is written to disk.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from enum import StrEnum

from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader

from clinic.reports.packet.model import ProblemKind
from clinic.reports.packet.normalise import NormaliseProblem, normalise

PHOTO_DPI = 150
JPEG_QUALITY = 80
# The printable area photos are fitted into (points); see placement.CONTENT_BOX.
PHOTO_BOX_POINTS = (612.0, 756.0)

logging.getLogger("pypdf").setLevel(logging.ERROR)  # recoverable-file chatter; problems are ours


class Kind(StrEnum):
    PDF = "pdf"
    JPEG = "jpeg"
    PNG = "png"
    OTHER = "other"


def sniff(data: bytes) -> Kind:
    head = data[:1024]
    if b"%PDF-" in head:
        return Kind.PDF
    if data.startswith(b"\xff\xd8\xff"):
        return Kind.JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return Kind.PNG
    return Kind.OTHER


class SourceProblem(Exception):
    def __init__(self, kind: ProblemKind, detail: str = "") -> None:
        super().__init__(detail or kind.value)
        self.kind = kind
        self.detail = detail


def open_pdf(data: bytes) -> PdfReader:
    """A reader over every page of the file's clean copy (see :func:`open_source`)."""
    return open_source(data)[0]


def open_source(data: bytes, *, within_bounds: bool = False) -> tuple[PdfReader, bytes]:
    """A reader over every page of the file's clean copy (:mod:`.normalise`: read leniently by
    PDFium, as viewers read it, marks flattened) and the verification's reference copy (boxes
    fixed, annotations kept), or :class:`SourceProblem` saying why not.

    A PDF without its end-of-file marker (padding after it aside) is treated as truncated
    (pages could otherwise go missing without anyone noticing). Any failure while reading it,
    whatever its type (pypdf raises its own errors, ``DependencyError`` for a filter it cannot
    decode, ``RecursionError`` on cyclic structures, ``MemoryError``), is a damaged file; a
    stream past the decoding bound (:mod:`.bounds`) is a bomb and is not decoded.
    ``within_bounds``: these bytes passed that bound moments before (see :func:`.normalise`)."""
    try:
        clean = normalise(data, within_bounds=within_bounds)
    except NormaliseProblem as exc:
        raise SourceProblem(exc.kind, exc.detail) from None
    except Exception as exc:
        raise SourceProblem(ProblemKind.DAMAGED, _failure(exc)) from None
    try:
        reader = PdfReader(io.BytesIO(clean.pdf), strict=False)
        count = len(reader.pages)
        for page in reader.pages:  # every page object must be reachable and have a size
            box = page.cropbox
            if float(box.width) <= 0 or float(box.height) <= 0:
                raise SourceProblem(ProblemKind.DAMAGED, "a page has no size")
    except SourceProblem:
        raise
    except Exception as exc:
        raise SourceProblem(ProblemKind.DAMAGED, _failure(exc)) from None
    if count == 0:
        raise SourceProblem(ProblemKind.EMPTY)
    return reader, clean.reference


def _failure(exc: BaseException) -> str:
    """A short technical note of what failed (kept with the problem, for support)."""
    text = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# A PNG's last chunk: IEND with its fixed CRC.
_PNG_END = b"IEND\xaeB`\x82"


def check_image(data: bytes) -> None:
    """A photo is readable: its header parses and it is complete. A JPEG is decoded at 1/8 of
    its size (quick), which finds a truncated or damaged one; data after its end is allowed
    (phones append a video to "motion photos"). A PNG must hold its IEND chunk; damage inside
    its compressed data is only found while building, which then stops and names the file."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width < 1 or image.height < 1:
                raise SourceProblem(ProblemKind.DAMAGED, "no picture size")
            kind = image.format
            if kind == "JPEG":
                image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
    except Image.DecompressionBombError:
        raise SourceProblem(ProblemKind.TOO_LARGE) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise SourceProblem(ProblemKind.DAMAGED, type(exc).__name__) from None
    if kind == "PNG" and _PNG_END not in data:
        raise SourceProblem(ProblemKind.DAMAGED, "incomplete PNG (truncated)")


def page_count(data: bytes) -> int:
    """How many packet pages the file makes, or :class:`SourceProblem`."""
    if not data.strip(b"\0\t\r\n "):
        raise SourceProblem(ProblemKind.EMPTY, "0 bytes")
    kind = sniff(data)
    if kind is Kind.PDF:
        return len(open_pdf(data).pages)
    if kind in (Kind.JPEG, Kind.PNG):
        try:
            check_image(data)
        except SourceProblem:
            raise
        except Exception as exc:
            raise SourceProblem(ProblemKind.DAMAGED, _failure(exc)) from None
        return 1
    raise SourceProblem(ProblemKind.UNSUPPORTED)


@dataclass(frozen=True)
class Photo:
    jpeg: bytes
    width: int  # pixels
    height: int
    gray: bool


_TURNS = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def prepare_photo(data: bytes, dpi: int = PHOTO_DPI) -> Photo:
    """The photo upright, no larger than ``dpi`` at the size it prints, as a JPEG in memory.

    Large JPEGs are decoded at 1/2 to 1/8 of their size when that is still enough (Pillow's
    draft mode), scaled down, and only then turned upright by their EXIF orientation (the same
    turn as :func:`PIL.ImageOps.exif_transpose`, on far fewer pixels)."""
    box_w, box_h = PHOTO_BOX_POINTS
    max_w, max_h = box_w / 72 * dpi, box_h / 72 * dpi
    try:
        with Image.open(io.BytesIO(data)) as opened:
            orientation = opened.getexif().get(0x0112, 1)
            turn = _TURNS.get(orientation)
            sideways = orientation in (5, 6, 7, 8)
            shown_w, shown_h = (opened.height, opened.width) if sideways else opened.size
            scale = min(max_w / shown_w, max_h / shown_h, 1.0)
            stored = (max(1, round(opened.width * scale)), max(1, round(opened.height * scale)))
            if opened.format == "JPEG":
                opened.draft("RGB" if opened.mode != "L" else "L", stored)
            image = _flatten(opened)
            # draft decoding already gave a size near the target (at most ~25 % above it): keep
            # it rather than resample again
            if image.width > stored[0] * 1.25 or image.height > stored[1] * 1.25:
                image = image.resize(stored, Image.Resampling.BICUBIC, reducing_gap=2.0)
            if turn is not None:
                image = image.transpose(turn)
            out = io.BytesIO()
            image.save(out, "JPEG", quality=JPEG_QUALITY)
            return Photo(out.getvalue(), image.width, image.height, image.mode == "L")
    except Image.DecompressionBombError:
        raise SourceProblem(ProblemKind.TOO_LARGE) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise SourceProblem(ProblemKind.DAMAGED, type(exc).__name__) from None


def _flatten(image: Image.Image) -> Image.Image:
    """RGB or L, with any transparency put on white paper."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, (255, 255, 255))
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    if image.mode in ("L", "RGB"):
        return image
    if image.mode.startswith("I;16") or image.mode == "I":
        # 16-bit grey (PNG): 0..65535 brought to 0..255; a plain convert("L") would clip every
        # value above 255 to white
        wide = image.convert("I")
        extrema = wide.getextrema()
        high = extrema[1] if isinstance(extrema[1], int | float) else 0
        if image.mode.startswith("I;16") or high > 255:
            wide = wide.point(lambda v: v / 256)
        return wide.convert("L")
    if image.mode in ("1", "F"):
        return image.convert("L")
    return image.convert("RGB")
