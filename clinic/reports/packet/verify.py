"""Verifying every exhibit page of a built packet against its source page (issue 17).

Each placed source page is drawn at :data:`DPI` and compared with the source page scaled to
where the packet puts it (the footer strip is outside that region, so it is never compared):

* **marks** — what the source page prints of its annotations and form fields: the pixels that
  differ between the source drawn *with* and *without* them — plus, for every printable markup
  annotation that has no appearance stream of its own, its geometry drawn here with Pillow from
  the annotation's dictionary. The packet page was flattened by PDFium; PDFium's drawing of the
  source alone could not vouch for it (if PDFium cannot draw a mark, it is missing from both
  drawings and would pass), so the second, independent drawing is what catches PDFium's blind
  spot. At least :data:`MARKS_FOUND` (90 %) of the marked pixels must show on the packet page
  (the same colour within :data:`SAME`, or, for the independent drawing, anything drawn there),
  give or take one pixel;
* **content** — of the pixels inked on either page (darker than :data:`INK`), at most
  :data:`CONTENT_TOLERANCE` (2 %) may differ by more than :data:`SAME` grey levels in any
  channel, again give or take one pixel.

A photo page is compared with the attached photo itself (decoded and turned upright by Pillow,
not by the builder's code), content only: :mod:`clinic.reports.packet.photo_check`.

A page that fails is rebuilt by the builder from a drawing of the source page (with its marks)
at :func:`raster_page`'s resolution, a photo page from
:func:`~clinic.reports.packet.photo_check.raster_photo`. This module runs in worker processes
(both cores): PDFium is not thread-safe, and a page that crashes the renderer takes down a
worker, not the app. The thresholds and pixel comparisons are :mod:`clinic.reports.packet.pixels`.
"""

from __future__ import annotations

import ctypes
import io
import math
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageChops, ImageDraw, ImageFilter
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from clinic.reports.packet.appearances import printable, shapes
from clinic.reports.packet.photo_check import check_photo
from clinic.reports.packet.pixels import (
    CONTENT_TOLERANCE,
    DPI,
    INK,
    MARK,
    MARKS_FOUND,
    MIN_MARKED,
    SAME,
    SLACK,
    PageCheck,
    PageVerdict,
    count_marked,
    inked_count,
    largest_difference,
    mask_above,
    nearest_difference,
)
from clinic.reports.packet.placement import LETTER_H, fit_matrix, placed_rect

__all__ = ["PageCheck", "PageVerdict", "compare", "raster_page", "verify_unit"]


def _geometry(page: PdfReader, index: int) -> tuple[tuple[float, float, float, float], int]:
    read = page.pages[index]
    box = read.cropbox
    rotate = int(read.get("/Rotate", 0) or 0)
    return (float(box.left), float(box.bottom), float(box.right), float(box.top)), rotate


def _independent_marks(
    reference: PdfReader,
    index: int,
    size: tuple[int, int],
    box: tuple[float, float, float, float],
    rotate: int,
) -> Image.Image:
    """The printable AP-less markup of the source page drawn with Pillow from the annotation
    dictionaries (1 = marked), in the pixel grid of the source drawing."""
    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    annots = reference.pages[index].get("/Annots")
    annots = annots.get_object() if annots is not None else None
    if not isinstance(annots, ArrayObject):
        return mask
    matrix, _ = fit_matrix(box, rotate, fit=False)
    shown_h = (box[2] - box[0]) if rotate % 180 else (box[3] - box[1])
    k_x = size[0] / ((box[3] - box[1]) if rotate % 180 else (box[2] - box[0]))
    k_y = size[1] / shown_h

    def pixel(point: tuple[float, float]) -> tuple[float, float]:
        x, y = point
        px = x * matrix[0] + y * matrix[2] + matrix[4]
        py = x * matrix[1] + y * matrix[3] + matrix[5]
        return px * k_x, (shown_h - py) * k_y

    for entry in annots:
        annot = entry.get_object()
        if not isinstance(annot, DictionaryObject) or not printable(annot):
            continue
        ap = annot.get("/AP")
        ap = ap.get_object() if ap is not None else None
        if isinstance(ap, DictionaryObject) and "/N" in ap:
            continue  # drawn by its own appearance: the PDFium drawing covers it
        drawn = shapes(annot)
        if drawn is None or drawn.subtype == "/FreeText":
            continue  # free text's glyphs are not geometry; PDFium's drawing covers the box
        width = max(1, round(drawn.width * k_x))
        for run in drawn.lines:
            draw.line([pixel(p) for p in run], fill=255, width=width)
        for poly in drawn.polygons:
            points = [pixel(p) for p in poly]
            if drawn.fill is not None or drawn.subtype == "/Highlight":
                draw.polygon(points, fill=255)
            else:
                draw.polygon(points, outline=255, width=width)
        for x0, y0, x1, y1 in drawn.ellipses:
            (ax, ay), (bx, by) = pixel((x0, y0)), pixel((x1, y1))
            corners = (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
            if drawn.fill is not None:
                draw.ellipse(corners, fill=255)
            else:
                draw.ellipse(corners, outline=255, width=width)
    return mask


def compare(
    with_marks: Image.Image,
    bare: Image.Image,
    independent: Image.Image,
    got: Image.Image,
) -> tuple[float, int, float]:
    """(share of marks found, marked pixels, share of inked pixels that differ)."""
    from_pdfium = mask_above(largest_difference(with_marks, bare), MARK)
    marked = ImageChops.lighter(from_pdfium, independent)
    total = count_marked(marked)
    # differences to the best-matching pixel within :data:`SLACK` // 2 pixels (two drawings of
    # the same page are rarely aligned to the pixel; a thin line must still count as drawn)
    # where the source shows a colour, the packet shows that colour there or near there
    near_same = mask_above(nearest_difference(with_marks, got), SAME).point(
        lambda v: 0 if v else 255
    )
    drawn = mask_above(nearest_difference(got, bare, 1), MARK)
    drawn_near = drawn.filter(ImageFilter.MaxFilter(SLACK))
    # PDFium's marks count when the packet shows the same colour there; the independently
    # drawn ones when anything is drawn there (matching PDFium's drawing proves nothing where
    # PDFium may be blind)
    found = ImageChops.lighter(
        ImageChops.multiply(from_pdfium, ImageChops.lighter(near_same, drawn_near)),
        ImageChops.multiply(independent, drawn_near),
    )
    share = count_marked(found) / total if total >= MIN_MARKED else 1.0

    def inked(image: Image.Image) -> Image.Image:
        r, g, b = image.split()
        darkest = ImageChops.darker(ImageChops.darker(r, g), b)
        return darkest.point(lambda v: 255 if v < INK else 0)

    ink = ImageChops.lighter(inked(with_marks), inked(got))
    ink_total = count_marked(ink)
    # both ways (what the source shows is missing, or the packet shows what the source does
    # not), on slightly blurred drawings: a hairline drawn one pixel dark by one drawing and two
    # pixels grey by the other is the same line
    soft_got = got.filter(ImageFilter.GaussianBlur(1))
    soft_want = with_marks.filter(ImageFilter.GaussianBlur(1))
    missing = mask_above(nearest_difference(soft_want, soft_got), SAME)
    extra = mask_above(nearest_difference(soft_got, soft_want), SAME)
    differs = ImageChops.multiply(ink, ImageChops.lighter(missing, extra))
    # the marks are judged above (two engines may draw a field's text or an icon differently):
    # the content is the rest of the page
    around_marks = marked.filter(ImageFilter.MaxFilter(SLACK))
    differs = ImageChops.multiply(differs, around_marks.point(lambda v: 0 if v else 255))
    content = count_marked(differs) / ink_total if ink_total else 0.0
    return share, total, content


def _placed_box(
    box: tuple[float, float, float, float], rotate: int, k: float
) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = placed_rect(box, rotate)
    return (round(x0 * k), round((LETTER_H - y1) * k), round(x1 * k), round((LETTER_H - y0) * k))


class _Reference:
    """A source's reference copy opened in PDFium with its form initialised (fields whose file
    asks for new appearances, NeedAppearances, get them as pages load)."""

    def __init__(self, data: bytes) -> None:
        self.doc = pdfium.PdfDocument(data)
        self.info = pdfium_c.FPDF_FORMFILLINFO(version=2)
        self.form = pdfium_c.FPDFDOC_InitFormFillEnvironment(self.doc, self.info)

    def close(self) -> None:
        if self.form:
            pdfium_c.FPDFDOC_ExitFormFillEnvironment(self.form)
        self.doc.close()

    def drawings(self, index: int, scale: float) -> tuple[Image.Image, Image.Image]:
        """(the page as it prints, with its annotations and fields; the page without them)."""
        page = self.doc[index]
        try:
            bare = page.render(scale=scale, draw_annots=False, may_draw_forms=False)
            _drop_unprinted(page)
            if self.form:
                pdfium_c.FORM_OnAfterLoadPage(page, self.form)
            flags = pdfium_c.FPDF_ANNOT | pdfium_c.FPDF_PRINTING
            with_marks = page.render(
                scale=scale, draw_annots=True, may_draw_forms=False, extra_flags=flags
            )
            if self.form:  # widgets are drawn by the form, over the page
                image = with_marks.to_pil()
                pdfium_c.FPDF_FFLDraw(
                    self.form, with_marks.raw, page, 0, 0, image.width, image.height, 0, flags
                )
                pdfium_c.FORM_OnBeforeClosePage(page, self.form)
            return with_marks.to_pil().convert("RGB"), bare.to_pil().convert("RGB")
        finally:
            page.close()

    def placed(
        self, index: int, matrix: tuple[float, ...], size: tuple[int, int], marks: bool
    ) -> tuple[Image.Image, Image.Image]:
        """(with marks, without) drawn into a ``size`` bitmap (the packet page's pixel grid)
        through ``matrix`` (PDFium's page-to-device matrix), so that the source lands on
        exactly the pixels where the packet page shows it; without ``marks`` both are the same
        drawing (the page has no annotations)."""
        page = self.doc[index]
        try:
            bare = _render_matrix(page, matrix, size, 0)
            if not marks:
                return bare, bare
            _drop_unprinted(page)
            if self.form:
                pdfium_c.FORM_OnAfterLoadPage(page, self.form)
            flags = pdfium_c.FPDF_ANNOT | pdfium_c.FPDF_PRINTING

            def widgets(bitmap: Any) -> None:
                if self.form:  # widgets are drawn by the form (whole pixels only)
                    a, _b, _c, d, e, f = matrix
                    width = round(pdfium_c.FPDF_GetPageWidthF(page) * a)
                    height = round(pdfium_c.FPDF_GetPageHeightF(page) * d)
                    pdfium_c.FPDF_FFLDraw(
                        self.form, bitmap, page, round(e), round(f), width, height, 0, flags
                    )

            with_marks = _render_matrix(page, matrix, size, flags, widgets)
            if self.form:
                pdfium_c.FORM_OnBeforeClosePage(page, self.form)
            return with_marks, bare
        finally:
            page.close()


def _render_matrix(
    page: pdfium.PdfPage,
    matrix: tuple[float, ...],
    size: tuple[int, int],
    flags: int,
    then: Any = None,
) -> Image.Image:
    width, height = size
    bitmap = pdfium_c.FPDFBitmap_Create(width, height, 0)
    try:
        pdfium_c.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xFFFFFFFF)
        transform = pdfium_c.FS_MATRIX(*matrix)
        clip = pdfium_c.FS_RECTF(0, 0, width, height)
        pdfium_c.FPDF_RenderPageBitmapWithMatrix(
            bitmap, page, ctypes.byref(transform), ctypes.byref(clip), flags
        )
        if then is not None:
            then(bitmap)
        stride = pdfium_c.FPDFBitmap_GetStride(bitmap)
        data = ctypes.string_at(pdfium_c.FPDFBitmap_GetBuffer(bitmap), stride * height)
        return Image.frombuffer("RGB", size, data, "raw", "BGRX", stride, 1).copy()
    finally:
        pdfium_c.FPDFBitmap_Destroy(bitmap)


def _drop_unprinted(page: pdfium.PdfPage) -> None:
    """Remove the annotations that do not print (no Print flag, or Hidden / NoView): the form's
    drawing of widgets would show them."""
    for n in reversed(range(pdfium_c.FPDFPage_GetAnnotCount(page))):
        annot = pdfium_c.FPDFPage_GetAnnot(page, n)
        flags = pdfium_c.FPDFAnnot_GetFlags(annot)
        pdfium_c.FPDFPage_CloseAnnot(annot)
        if not flags & pdfium_c.FPDF_ANNOT_FLAG_PRINT or flags & (
            pdfium_c.FPDF_ANNOT_FLAG_HIDDEN | pdfium_c.FPDF_ANNOT_FLAG_NOVIEW
        ):
            pdfium_c.FPDFPage_RemoveAnnot(page, n)


def _has_annotations(reader: PdfReader, index: int) -> bool:
    annots = reader.pages[index].get("/Annots")
    annots = annots.get_object() if annots is not None else None
    return isinstance(annots, ArrayObject) and len(annots) > 0


def _check_page(
    got_page: Image.Image, doc: _Reference, reader: PdfReader, check: PageCheck
) -> PageVerdict:
    k = DPI / 72
    box, rotate = _geometry(reader, check.source_page)
    x0, y0, x1, y1 = placed_rect(box, rotate)
    _, scale = fit_matrix(box, rotate)
    matrix = (scale * k, 0.0, 0.0, scale * k, x0 * k, (LETTER_H - y1) * k)
    marks = _has_annotations(reader, check.source_page)
    with_marks, bare = doc.placed(check.source_page, matrix, got_page.size, marks)
    crop = (
        max(0, math.floor(x0 * k)),
        max(0, math.floor((LETTER_H - y1) * k)),
        min(got_page.width, math.ceil(x1 * k)),
        min(got_page.height, math.ceil((LETTER_H - y0) * k)),
    )
    got, with_marks, bare = (i.crop(crop) for i in (got_page, with_marks, bare))
    size = got.size
    if marks:
        independent = _independent_marks(reader, check.source_page, size, box, rotate)
        share, marked, content = compare(with_marks, bare, independent, got)
    else:
        # drawn through the same matrix, a faithful page matches its source to the pixel:
        # only where they differ is the neighbourhood search needed
        share, marked = 1.0, 0
        differing = mask_above(largest_difference(got, with_marks), SAME).getbbox()
        content = 0.0
        if differing is not None:
            margin = SLACK + 4
            part = (
                max(0, differing[0] - margin),
                max(0, differing[1] - margin),
                min(size[0], differing[2] + margin),
                min(size[1], differing[3] + margin),
            )
            sub_got, sub_want = got.crop(part), with_marks.crop(part)
            blank = Image.new("L", sub_got.size, 0)
            _, _, sub_content = compare(sub_want, sub_want, blank, sub_got)
            sub_ink = max(inked_count(sub_want), inked_count(sub_got))
            ink = max(inked_count(with_marks), inked_count(got))
            content = sub_content * sub_ink / ink if ink else 0.0
    reasons = []
    if share < MARKS_FOUND:
        reasons.append(
            f"only {share:.0%} of the annotations and form values it prints were on the packet page"
        )
    if content > CONTENT_TOLERANCE:
        reasons.append(f"{content:.1%} of the page's inked pixels differed")
    return PageVerdict(check.unit_page, not reasons, share, marked, content, "; ".join(reasons))


def verify_unit(
    unit_pdf: bytes, checks: list[PageCheck], references: dict[int, bytes]
) -> list[PageVerdict]:
    """Verdicts for the listed pages of one exhibit's built PDF (run in a worker process)."""
    if not checks:  # nothing to check (``Verifier.start``: the worker has imported this module)
        return []
    k = DPI / 72
    packet = pdfium.PdfDocument(unit_pdf)
    opened: dict[int, tuple[_Reference, PdfReader]] = {}
    verdicts = []
    try:
        for check in checks:
            if check.photo:
                page = packet[check.unit_page]
                try:
                    got = page.render(scale=k, draw_annots=False).to_pil().convert("RGB")
                finally:
                    page.close()
                verdicts.append(check_photo(got, references[check.source], check))
                continue
            if check.source not in opened:
                reader = PdfReader(io.BytesIO(references[check.source]), strict=False)
                opened[check.source] = (_Reference(references[check.source]), reader)
            doc, reader = opened[check.source]
            page = packet[check.unit_page]
            try:
                got = page.render(scale=k, draw_annots=False).to_pil().convert("RGB")
            finally:
                page.close()
            verdicts.append(_check_page(got, doc, reader, check))
    finally:
        for doc, _reader in opened.values():
            doc.close()
        packet.close()
    return verdicts


def raster_page(reference: bytes, index: int, dpi: int) -> tuple[bytes, int, int]:
    """The source page as it prints (annotations and form values drawn), upright, as a JPEG at
    ``dpi`` of its size: (jpeg, width, height)."""
    doc = _Reference(reference)
    try:
        with_marks, _ = doc.drawings(index, dpi / 72)
    finally:
        doc.close()
    out = io.BytesIO()
    with_marks.save(out, "JPEG", quality=85)
    return out.getvalue(), with_marks.width, with_marks.height
