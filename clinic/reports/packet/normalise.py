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
* an owner password (printing allowed without a password) is removed from the copy;
* a dynamic XFA form is refused (its pages are only a placeholder), before anything else is
  read from it; a static XFA form with a real AcroForm is placed from the AcroForm.

The decoding bound (:mod:`.bounds`) is checked on the file before PDFium renders anything.
"""

from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader, PdfWriter

from clinic.reports.packet.appearances import add_missing
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
    pdf: bytes  # the clean copy that is placed: what prints of annotations drawn into pages
    pages: int
    reference: bytes  # boxes fixed, annotations as the source has them (verification's source)


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


def _own_or_inherited(page: object) -> tuple[Box | None, Box | None]:
    """(MediaBox, CropBox) of a page: its own, or, when it has none, the box it inherits from
    the page tree as PDFium shows it (PDFium's box getters read only the page's own)."""
    media = _box(pdfium_c.FPDFPage_GetMediaBox, page)
    crop = _box(pdfium_c.FPDFPage_GetCropBox, page)
    if media is None:
        shown = pdfium_c.FS_RECTF()
        if pdfium_c.FPDF_GetPageBoundingBox(page, ctypes.byref(shown)):
            inherited = _box(_rectf_getter(shown), page)
            media = inherited if _area(inherited) > 1.0 else None
            if crop is None:
                crop = media
    return media, crop


def _rectf_getter(rect: object) -> object:
    def get(_page: object, left: object, bottom: object, right: object, top: object) -> bool:
        left.value, bottom.value = rect.left, rect.bottom  # type: ignore[attr-defined]
        right.value, top.value = rect.right, rect.top  # type: ignore[attr-defined]
        return True

    return get


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


def _dynamic_xfa(doc: pdfium.PdfDocument) -> bool:
    """A dynamic XFA form: its PDF pages hold only a placeholder ("please wait", "requires
    Adobe Reader"), the form itself is drawn from XML by Adobe's viewers. PDFium says so
    (FORMTYPE_XFA_FULL: the file asks to be rendered from its XFA); an XFA form whose pages
    carry no form field at all is treated the same (there is no AcroForm to place it from). A
    static XFA form (FORMTYPE_XFA_FOREGROUND) with a real AcroForm is placed from that."""
    kind = pdfium_c.FPDF_GetFormType(doc)
    if kind == pdfium_c.FORMTYPE_XFA_FULL:
        return True
    if pdfium_c.FPDF_GetXFAPacketCount(doc) <= 0:
        return False
    for index in range(len(doc)):
        page = doc[index]
        try:
            for n in range(pdfium_c.FPDFPage_GetAnnotCount(page)):
                annot = pdfium_c.FPDFPage_GetAnnot(page, n)
                try:
                    if pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_WIDGET:
                        return False
                finally:
                    pdfium_c.FPDFPage_CloseAnnot(annot)
        finally:
            page.close()
    return True


def normalise(data: bytes, *, within_bounds: bool = False) -> Normalised:
    """The clean copy of a source PDF, or :class:`NormaliseProblem` saying why there is none.

    ``within_bounds`` says that these very bytes (the same SHA-256) passed the decoding bound
    moments before, in the same operation: the bound, which parses every object of the file,
    is not checked a second time. Never set it for bytes that were not checked."""
    body = strip_padding(data)
    doc = _open(body)
    try:
        if _dynamic_xfa(doc):
            raise NormaliseProblem(ProblemKind.XFA_DYNAMIC, "dynamic XFA form")
        if not within_bounds:
            try:
                _bounds(body, doc)
            except Bomb as exc:
                raise NormaliseProblem(ProblemKind.BOMB, str(exc)) from None
        count = len(doc)
        if count == 0:
            raise NormaliseProblem(ProblemKind.EMPTY)
        marked = False
        for index in range(count):
            page = doc[index]
            try:
                media, crop = page_boxes(*_own_or_inherited(page))
                pdfium_c.FPDFPage_SetMediaBox(page, *media)
                pdfium_c.FPDFPage_SetCropBox(page, *crop)
                marked = marked or pdfium_c.FPDFPage_GetAnnotCount(page) > 0
            finally:
                page.close()
        reference = _save(doc)
    finally:
        doc.close()
    if not marked:
        return Normalised(reference, count, reference)
    return Normalised(_flatten(_with_appearances(reference)), count, reference)


def _save(doc: pdfium.PdfDocument) -> bytes:
    out = io.BytesIO()
    doc.save(out, flags=pdfium_c.FPDF_REMOVE_SECURITY)
    return out.getvalue()


def _with_appearances(data: bytes) -> bytes:
    """``data`` with an appearance for every printable markup annotation that has none
    (:mod:`.appearances`); ``data`` itself when none was missing."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data), strict=False))
    if not add_missing(writer):
        return data
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _flatten(data: bytes) -> bytes:
    """What prints of every page's annotations and form fields drawn into the page itself, as
    PDFium prints it: the form is initialised first (so fields whose file asks for new
    appearances, NeedAppearances, get them from their values), then each page is flattened for
    print (annotations without the Print flag, hidden ones and links are dropped)."""
    doc = pdfium.PdfDocument(data)
    info = pdfium_c.FPDF_FORMFILLINFO(version=2)
    form = pdfium_c.FPDFDOC_InitFormFillEnvironment(doc, info)
    try:
        for index in range(len(doc)):
            page = doc[index]
            try:
                if form:
                    pdfium_c.FORM_OnAfterLoadPage(page, form)
                # drawing the page once (4 x 4 pixels) makes PDFium generate the appearances it
                # knows how to (note icons, fields) into the document before flattening
                bitmap = pdfium_c.FPDFBitmap_Create(4, 4, 0)
                flags = pdfium_c.FPDF_ANNOT | pdfium_c.FPDF_PRINTING
                pdfium_c.FPDF_RenderPageBitmap(bitmap, page, 0, 0, 4, 4, 0, flags)
                if form:
                    pdfium_c.FPDF_FFLDraw(form, bitmap, page, 0, 0, 4, 4, 0, flags)
                pdfium_c.FPDFBitmap_Destroy(bitmap)
                if pdfium_c.FPDFPage_Flatten(page, pdfium_c.FLAT_PRINT) == pdfium_c.FLATTEN_FAIL:
                    raise NormaliseProblem(ProblemKind.DAMAGED, "PDFium could not flatten a page")
                if form:
                    pdfium_c.FORM_OnBeforeClosePage(page, form)
            finally:
                page.close()
        return _save(doc)
    finally:
        if form:
            pdfium_c.FPDFDOC_ExitFormFillEnvironment(form)
        doc.close()
