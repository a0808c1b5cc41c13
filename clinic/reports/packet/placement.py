"""Putting any source page on a US Letter page above a reserved footer, and stamping its number.

A source PDF page becomes a Form XObject (its content stream and resources, untouched, so its
text stays searchable) drawn scaled to fit :data:`CONTENT_BOX` with its ``/Rotate`` applied;
pages smaller than the box are centred, never enlarged. The page number is drawn in the footer
strip below the box, which no content ever reaches.

What annotations show on paper is kept too: filled-in form fields, stamps, highlights and other
annotations with a printable appearance are drawn on the page ("flattened"), clipped to the
page, since a new page carries no annotations of its own (links are not kept).
"""

from __future__ import annotations

from pypdf import PageObject, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    EncodedStreamObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
)

from clinic.reports.packet.sources import Photo

LETTER_W, LETTER_H = 612.0, 792.0
FOOTER = 36.0  # half an inch at the bottom is reserved for the number
CONTENT_BOX = (0.0, FOOTER, LETTER_W, LETTER_H)  # x0, y0, x1, y1
# Photos have no white margin of their own: they are kept a quarter inch from the paper's edges
# (which most printers cannot reach) as well as above the footer.
PHOTO_MARGIN = 18.0
PHOTO_BOX = (PHOTO_MARGIN, FOOTER, LETTER_W - PHOTO_MARGIN, LETTER_H - PHOTO_MARGIN)
STAMP_Y = 14.0
STAMP_SIZE = 10.0
HELVETICA_WIDTHS_DIGIT = 0.556  # every Helvetica digit and most capitals are about this wide

Matrix = tuple[float, float, float, float, float, float]


def multiply(first: Matrix, then: Matrix) -> Matrix:
    """The matrix that applies ``first`` and then ``then`` (PDF row-vector convention)."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def fit_matrix(
    box: tuple[float, float, float, float],
    rotate: int,
    fit: bool = True,
    enlarge: bool = False,
    into: tuple[float, float, float, float] = CONTENT_BOX,
) -> tuple[Matrix, float]:
    """Map a page box (with its /Rotate, clockwise degrees) into the content box: (matrix, scale).

    With ``fit`` False the page is placed 1:1 at the origin (generated Letter pages)."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    r = rotate % 360
    to_origin: Matrix = (1, 0, 0, 1, -x0, -y0)
    turns: dict[int, tuple[Matrix, float, float]] = {
        0: ((1, 0, 0, 1, 0, 0), w, h),
        90: ((0, -1, 1, 0, 0, w), h, w),
        180: ((-1, 0, 0, -1, w, h), w, h),
        270: ((0, 1, -1, 0, h, 0), h, w),
    }
    turn, shown_w, shown_h = turns.get(r, turns[0])
    matrix = multiply(to_origin, turn)
    if not fit:
        return matrix, 1.0
    cx0, cy0, cx1, cy1 = into
    avail_w, avail_h = cx1 - cx0, cy1 - cy0
    scale = min(avail_w / shown_w, avail_h / shown_h)
    if not enlarge:
        scale = min(scale, 1.0)
    dx = cx0 + (avail_w - shown_w * scale) / 2
    dy = cy0 + (avail_h - shown_h * scale) / 2
    return multiply(matrix, (scale, 0, 0, scale, dx, dy)), scale


def placed_rect(
    box: tuple[float, float, float, float], rotate: int
) -> tuple[float, float, float, float]:
    """Where :meth:`Stamper.add_pdf_page` puts a source page: (x0, y0, x1, y1) on the Letter
    page (points, origin at the bottom left)."""
    matrix, scale = fit_matrix(box, rotate)
    w, h = box[2] - box[0], box[3] - box[1]
    shown_w, shown_h = (h, w) if rotate % 180 else (w, h)
    xs = [
        x * matrix[0] + y * matrix[2] + matrix[4]
        for x in (box[0], box[2])
        for y in (box[1], box[3])
    ]
    ys = [
        x * matrix[1] + y * matrix[3] + matrix[5]
        for x in (box[0], box[2])
        for y in (box[1], box[3])
    ]
    x0, y0 = min(xs), min(ys)
    return (x0, y0, x0 + shown_w * scale, y0 + shown_h * scale)


def photo_rect(width: float, height: float) -> tuple[float, float, float, float]:
    """Where :meth:`Stamper.add_photo` puts an upright photo of ``width`` x ``height`` (any
    unit: only its shape counts): (x0, y0, x1, y1) on the Letter page, filling the photo box."""
    matrix, _ = fit_matrix((0, 0, width, height), 0, True, enlarge=True, into=PHOTO_BOX)
    x0, y0 = matrix[4], matrix[5]
    return (x0, y0, x0 + width * matrix[0], y0 + height * matrix[3])


def _num(value: float) -> bytes:
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return (text if text not in ("", "-0") else "0").encode("ascii")


def _pdf_string(text: str) -> bytes:
    raw = text.encode("latin-1", "replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _form_stream(source: PageObject, writer: PdfWriter) -> StreamObject:
    """The page's content as one stream: a single compressed content stream is copied as it is
    (still compressed, its filter kept); otherwise the content is joined and compressed once."""
    raw = source.get("/Contents")
    single = raw.get_object() if raw is not None else None
    if isinstance(single, StreamObject) and "/Filter" in single:
        copy = EncodedStreamObject()
        copy._data = single._data
        for key in ("/Filter", "/DecodeParms"):
            value = single[key].get_object() if key in single else None
            if value is not None:
                copy[NameObject(key)] = value.clone(writer)
        return copy
    contents = source.get_contents()
    form = DecodedStreamObject()
    form.set_data(contents.get_data() if contents is not None else b"")
    return form.flate_encode()


_HIDDEN = 2 | 32  # annotation flags Hidden and NoView
_PRINT = 4
_NOT_DRAWN = ("/Link", "/Popup")


def _printed_annotations(source: PageObject) -> list[tuple[IndirectObject, Matrix]]:
    """The page's annotations that show on paper: (their normal appearance stream, the matrix
    that puts it on its /Rect), per PDF 32000-1 12.5.5. Only those with the Print flag count, as
    when the source is printed (form buttons such as "Print" or "Clear" are usually screen-only);
    hidden ones and links never do."""
    raw = source.get("/Annots")
    annots = raw.get_object() if raw is not None else None
    if not isinstance(annots, ArrayObject):
        return []
    found: list[tuple[IndirectObject, Matrix]] = []
    for entry in annots:
        try:
            annot = entry.get_object()
            if not isinstance(annot, DictionaryObject):
                continue
            subtype = annot.get("/Subtype")
            flags = int(annot.get("/F", 0) or 0)
            if subtype in _NOT_DRAWN or flags & _HIDDEN:
                continue
            if not flags & _PRINT:
                continue
            ap = annot.get("/AP")
            ap = ap.get_object() if ap is not None else None
            if not isinstance(ap, DictionaryObject) or "/N" not in ap:
                continue
            normal = ap.raw_get("/N")
            resolved = normal.get_object()
            if isinstance(resolved, DictionaryObject) and not isinstance(resolved, StreamObject):
                state = annot.get("/AS")  # check boxes, radio buttons: the chosen state
                if state is None or state not in resolved:
                    continue
                normal = resolved.raw_get(state)
                resolved = normal.get_object()
            if not isinstance(resolved, StreamObject) or not isinstance(normal, IndirectObject):
                continue
            at = _appearance_matrix(annot, resolved)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            continue  # an unusable annotation is left out; the page itself is kept
        if at is not None:
            found.append((normal, at))
    return found


def _array(value: object) -> ArrayObject:
    resolved = value.get_object() if isinstance(value, IndirectObject) else value
    if not isinstance(resolved, ArrayObject):
        raise TypeError("expected an array")
    return resolved


def _appearance_matrix(annot: DictionaryObject, stream: StreamObject) -> Matrix | None:
    rect = [float(v) for v in _array(annot["/Rect"])]
    bbox = [float(v) for v in _array(stream["/BBox"])]
    raw_matrix = stream.get("/Matrix")
    m: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    if raw_matrix is not None:
        a, b, c, d, e, f = (float(v) for v in _array(raw_matrix))
        m = (a, b, c, d, e, f)
    corners = [
        (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
        for x in (bbox[0], bbox[2])
        for y in (bbox[1], bbox[3])
    ]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    rx0, ry0 = min(rect[0], rect[2]), min(rect[1], rect[3])
    rw, rh = abs(rect[2] - rect[0]), abs(rect[3] - rect[1])
    if width <= 0 or height <= 0 or rw <= 0 or rh <= 0:
        return None
    sx, sy = rw / width, rh / height
    return (sx, 0.0, 0.0, sy, rx0 - min(xs) * sx, ry0 - min(ys) * sy)


class Stamper:
    """Adds numbered Letter pages to one writer (shares one font object between its pages)."""

    def __init__(self, writer: PdfWriter) -> None:
        self.writer = writer
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
        self._font = writer._add_object(font)

    def _stamp_ops(self, label: str) -> bytes:
        width = len(label) * HELVETICA_WIDTHS_DIGIT * STAMP_SIZE
        x = (LETTER_W - width) / 2
        return (
            b"q 0 g BT /ClinicStamp "
            + _num(STAMP_SIZE)
            + b" Tf "
            + _num(x)
            + b" "
            + _num(STAMP_Y)
            + b" Td "
            + _pdf_string(label)
            + b" Tj ET Q\n"
        )

    def _add(
        self,
        drawing: bytes,
        xobject: IndirectObject,
        label: str,
        extra: dict[str, IndirectObject] | None = None,
    ) -> PageObject:
        page = PageObject.create_blank_page(None, LETTER_W, LETTER_H)
        xobjects = DictionaryObject({NameObject("/ClinicSrc"): xobject})
        for name, ref in (extra or {}).items():
            xobjects[NameObject(name)] = ref
        page[NameObject("/Resources")] = DictionaryObject(
            {
                NameObject("/XObject"): xobjects,
                NameObject("/Font"): DictionaryObject({NameObject("/ClinicStamp"): self._font}),
            }
        )
        content = DecodedStreamObject()
        content.set_data(drawing + self._stamp_ops(label))
        page[NameObject("/Contents")] = self.writer._add_object(content.flate_encode())
        return self.writer.add_page(page)

    def add_pdf_page(self, source: PageObject, label: str, *, fit: bool = True) -> PageObject:
        """``source`` (a page of a reader) drawn on a new stamped Letter page of the writer."""
        box = source.cropbox
        bbox = (float(box.left), float(box.bottom), float(box.right), float(box.top))
        rotate = int(source.get("/Rotate", 0) or 0)
        matrix, _ = fit_matrix(bbox, rotate, fit)
        form = _form_stream(source, self.writer)
        form[NameObject("/Type")] = NameObject("/XObject")
        form[NameObject("/Subtype")] = NameObject("/Form")
        form[NameObject("/BBox")] = ArrayObject([FloatObject(v) for v in bbox])
        resources = source.get("/Resources")
        if resources is not None:
            form[NameObject("/Resources")] = resources.get_object().clone(self.writer)
        else:
            form[NameObject("/Resources")] = DictionaryObject()
        xobject = self.writer._add_object(form)
        placed = b" ".join(_num(v) for v in matrix) + b" cm "
        drawing = b"q " + placed + b"/ClinicSrc Do Q\n"
        extra: dict[str, IndirectObject] = {}
        clip = b" ".join(_num(v) for v in (bbox[0], bbox[1], bbox[2] - bbox[0], bbox[3] - bbox[1]))
        for n, (appearance, at) in enumerate(_printed_annotations(source)):
            name = f"/ClinicAnnot{n}"
            extra[name] = appearance.clone(self.writer)
            drawing += (
                b"q "
                + placed
                + clip
                + b" re W n "
                + b" ".join(_num(v) for v in at)
                + b" cm "
                + name.encode("ascii")
                + b" Do Q\n"
            )
        return self._add(drawing, xobject, label, extra)

    def add_raster(
        self,
        jpeg: bytes,
        size: tuple[int, int],
        rect: tuple[float, float, float, float],
        label: str,
    ) -> PageObject:
        """A drawing of a source page (upright, RGB JPEG of ``size`` pixels) put exactly where
        the page itself would have been placed (``rect``, see :func:`placed_rect`)."""
        image = EncodedStreamObject()
        image[NameObject("/Type")] = NameObject("/XObject")
        image[NameObject("/Subtype")] = NameObject("/Image")
        image[NameObject("/Width")] = NumberObject(size[0])
        image[NameObject("/Height")] = NumberObject(size[1])
        image[NameObject("/ColorSpace")] = NameObject("/DeviceRGB")
        image[NameObject("/BitsPerComponent")] = NumberObject(8)
        image[NameObject("/Filter")] = NameObject("/DCTDecode")
        image._data = jpeg
        xobject = self.writer._add_object(image)
        x0, y0, x1, y1 = rect
        placed = (x1 - x0, 0.0, 0.0, y1 - y0, x0, y0)
        drawing = b"q " + b" ".join(_num(v) for v in placed) + b" cm /ClinicSrc Do Q\n"
        return self._add(drawing, xobject, label)

    def add_photo(self, photo: Photo, label: str) -> PageObject:
        image = EncodedStreamObject()
        image[NameObject("/Type")] = NameObject("/XObject")
        image[NameObject("/Subtype")] = NameObject("/Image")
        image[NameObject("/Width")] = NumberObject(photo.width)
        image[NameObject("/Height")] = NumberObject(photo.height)
        image[NameObject("/ColorSpace")] = NameObject("/DeviceGray" if photo.gray else "/DeviceRGB")
        image[NameObject("/BitsPerComponent")] = NumberObject(8)
        image[NameObject("/Filter")] = NameObject("/DCTDecode")
        image._data = photo.jpeg
        xobject = self.writer._add_object(image)
        # the photo fills the content box, keeping its shape; an image XObject is drawn into
        # the unit square, so it is first scaled to its pixel size
        x0, y0, x1, y1 = photo_rect(photo.width, photo.height)
        full = (x1 - x0, 0.0, 0.0, y1 - y0, x0, y0)
        drawing = b"q " + b" ".join(_num(v) for v in full) + b" cm /ClinicSrc Do Q\n"
        return self._add(drawing, xobject, label)
