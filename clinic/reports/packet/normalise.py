"""Reading a source PDF as viewers do, through PDFium (pypdfium2), before pypdf places it.

PDFium is the engine of Chrome's viewer: it opens what viewers open. Every source PDF goes
through it once and comes out as a clean copy that pypdf reads without guessing:

* trailing padding after the last ``%%EOF`` (NULs, blanks) is cut off; a file with no
  ``%%EOF`` near its end is still refused as truncated;
* a name token with a NUL in it (NUL is white space in PDF) is read as PDFium reads it and
  written back without it;
* page boxes: a MediaBox given with its corners in the other order is normalised; a MediaBox
  that is missing, null or has no area becomes US Letter (as viewers show it); a CropBox that is
  missing, null, has no area or lies outside the MediaBox falls back to the MediaBox, otherwise
  it is cut to the MediaBox. Both boxes are then written explicitly on every page;
* an owner password (printing allowed without a password) is removed from the copy.

The decoding bound (:mod:`.bounds`) is checked on the file before PDFium renders anything.
"""

from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader

from clinic.reports.packet.bounds import Bomb, check_bounds
from clinic.reports.packet.model import ProblemKind

LETTER = (0.0, 0.0, 612.0, 792.0)
_PADDING = b"\0 \t\r\n\x0c"
_EOF_WINDOW = 2048


class NormaliseProblem(Exception):
    def __init__(self, kind: ProblemKind, detail: str = "") -> None:
        super().__init__(detail or kind.value)
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class Normalised:
    pdf: bytes  # the clean copy that is placed
    pages: int


Box = tuple[float, float, float, float]


def strip_padding(data: bytes) -> bytes:
    """``data`` without what follows its last ``%%EOF`` when that is only padding; refused as
    truncated when there is no ``%%EOF`` near the end (after the padding)."""
    body = data.rstrip(_PADDING)
    if b"%%EOF" not in body[-_EOF_WINDOW:]:
        raise NormaliseProblem(ProblemKind.DAMAGED, "no end-of-file marker (truncated)")
    return body + b"\n"


def _box(getter: object, page: object) -> Box | None:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    ok = getter(page, left, bottom, right, top)  # type: ignore[operator]
    if not ok:
        return None
    x0, x1 = sorted((left.value, right.value))
    y0, y1 = sorted((bottom.value, top.value))
    return (x0, y0, x1, y1)


def _area(box: Box | None) -> float:
    if box is None:
        return 0.0
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])


def page_boxes(media: Box | None, crop: Box | None) -> tuple[Box, Box]:
    """(MediaBox, CropBox) as viewers use them (see the module's docstring)."""
    fixed_media = media if media is not None and _area(media) > 1.0 else LETTER
    if crop is None:
        return fixed_media, fixed_media
    cut = (
        max(crop[0], fixed_media[0]),
        max(crop[1], fixed_media[1]),
        min(crop[2], fixed_media[2]),
        min(crop[3], fixed_media[3]),
    )
    return fixed_media, cut if _area(cut) > 1.0 else fixed_media


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise NormaliseProblem(ProblemKind.PASSWORD) from None
        raise NormaliseProblem(ProblemKind.DAMAGED, f"PDFium: {exc}") from None


def _bounds(data: bytes, doc: pdfium.PdfDocument) -> None:
    """The decoding bound, checked on the file as it is; when pypdf cannot parse it, on PDFium's
    unchanged copy of it (which writes every stream back as it was, still encoded)."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        check_bounds(reader)
        return
    except Bomb:
        raise
    except Exception:  # noqa: S110 - pypdf could not parse it: PDFium's copy is checked instead
        pass
    copy = io.BytesIO()
    doc.save(copy, flags=pdfium_c.FPDF_REMOVE_SECURITY)
    check_bounds(PdfReader(io.BytesIO(copy.getvalue()), strict=False))


def normalise(data: bytes) -> Normalised:
    """The clean copy of a source PDF, or :class:`NormaliseProblem` saying why there is none."""
    body = strip_padding(data)
    doc = _open(body)
    try:
        try:
            _bounds(body, doc)
        except Bomb as exc:
            raise NormaliseProblem(ProblemKind.BOMB, str(exc)) from None
        count = len(doc)
        if count == 0:
            raise NormaliseProblem(ProblemKind.EMPTY)
        for index in range(count):
            page = doc[index]
            try:
                media, crop = page_boxes(
                    _box(pdfium_c.FPDFPage_GetMediaBox, page),
                    _box(pdfium_c.FPDFPage_GetCropBox, page),
                )
                pdfium_c.FPDFPage_SetMediaBox(page, *media)
                pdfium_c.FPDFPage_SetCropBox(page, *crop)
            finally:
                page.close()
        out = io.BytesIO()
        doc.save(out, flags=pdfium_c.FPDF_REMOVE_SECURITY)
        return Normalised(out.getvalue(), count)
    finally:
        doc.close()
