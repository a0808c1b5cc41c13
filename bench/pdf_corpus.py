"""A generator of adversarial-but-valid PDFs for the evidence packet (issue 17).

Every file is valid PDF that viewers show, yet odd in one way a real document can be: every
markup annotation subtype with and without an appearance stream (/AP), every page-box oddity
(reversed corners, offset origin, CropBox inside / null / zero-area / outside / partly outside,
MediaBox only on the page tree), each of the four rotations with the boxes, form fields of every
type (text, check box, radio buttons, choice, list, push button) with values, with and without
NeedAppearances. :func:`corpus` yields ``(name, pdf bytes)``; ``small=True`` picks a subset that
still holds every kind once (the normal test suite), the whole corpus runs under
``make test-corpus``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NullObject,
    NumberObject,
    TextStringObject,
)
from reportlab.pdfgen.canvas import Canvas

Build = Callable[[], bytes]


def _page(width: float = 612, height: float = 792, label: str = "Corpus") -> bytes:
    """A page with text near each corner and a frame: anything cut or moved shows."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), invariant=1)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(40, height - 40, f"{label} top left")
    canvas.drawRightString(width - 40, 30, f"{label} bottom right")
    canvas.drawString(60, height / 2, "The quick brown fox jumps over the lazy dog 0123456789")
    canvas.rect(15, 15, width - 30, height - 30)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _array(*values: float) -> ArrayObject:
    return ArrayObject([FloatObject(v) for v in values])


def _finish(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _annotated(annots: list[DictionaryObject], with_ap: bool) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_page(label="Annotated"))))
    page = writer.pages[0]
    refs = ArrayObject()
    for annot in annots:
        annot[NameObject("/Type")] = NameObject("/Annot")
        annot.setdefault(NameObject("/F"), NumberObject(4))
        if with_ap:
            _give_ap(writer, annot)
        refs.append(writer._add_object(annot))
    page[NameObject("/Annots")] = refs
    return _finish(writer)


def _give_ap(writer: PdfWriter, annot: DictionaryObject) -> None:
    """An appearance as an authoring tool writes one over the annotation's /Rect: a highlight
    filled yellow (multiplied), the other text markup a line, anything else a thick purple frame
    and a cross (deliberately unlike any generated look)."""
    rect: Any = annot["/Rect"]
    if not any(float(v) for v in rect):
        rect = annot[NameObject("/Rect")] = _array(60, 240, 540, 320)
    x0, y0, x1, y1 = (float(v) for v in rect)
    w, h = x1 - x0, y1 - y0
    subtype = str(annot["/Subtype"])
    resources = DictionaryObject()
    if subtype == "/Highlight":
        ops = f"/GS0 gs 1 1 0 rg 0 0 {w:.2f} {h:.2f} re f"
        resources[NameObject("/ExtGState")] = DictionaryObject(
            {NameObject("/GS0"): DictionaryObject({NameObject("/BM"): NameObject("/Multiply")})}
        )
    elif subtype in ("/Underline", "/StrikeOut", "/Squiggly"):
        y = 2 if subtype != "/StrikeOut" else h / 2
        ops = f"0.9 0.1 0.1 RG 1.5 w 0 {y:.2f} m {w:.2f} {y:.2f} l S"
    else:
        ops = f"0.5 0 0.5 RG 3 w 2 2 {w - 4:.2f} {h - 4:.2f} re S 2 2 m {w - 2:.2f} {h - 2:.2f} l S"
    stream = DecodedStreamObject()
    stream.set_data(ops.encode())
    stream[NameObject("/Type")] = NameObject("/XObject")
    stream[NameObject("/Subtype")] = NameObject("/Form")
    stream[NameObject("/BBox")] = _array(0, 0, w, h)
    stream[NameObject("/Resources")] = resources
    annot[NameObject("/AP")] = DictionaryObject({NameObject("/N"): writer._add_object(stream)})


def _annot(
    subtype: str, rect: tuple[float, float, float, float], **entries: object
) -> DictionaryObject:
    annot = DictionaryObject(
        {
            NameObject("/Subtype"): NameObject(subtype),
            NameObject("/Rect"): _array(*rect),
            NameObject("/C"): _array(0.9, 0.1, 0.1),
        }
    )
    for key, value in entries.items():
        if isinstance(value, list) and value and isinstance(value[0], list):
            annot[NameObject(f"/{key}")] = ArrayObject(_array(*v) for v in value)
        elif isinstance(value, list):
            annot[NameObject(f"/{key}")] = _array(*value)
        elif isinstance(value, str):
            annot[NameObject(f"/{key}")] = TextStringObject(value)
        elif isinstance(value, DictionaryObject):
            annot[NameObject(f"/{key}")] = value
    return annot


def _quad(x0: float, y0: float, x1: float, y1: float) -> list[float]:
    return [x0, y1, x1, y1, x0, y0, x1, y0]


def annotation_kinds() -> dict[str, list[DictionaryObject]]:
    """One page's worth of each markup subtype (fresh objects on every call)."""
    border = DictionaryObject({NameObject("/W"): FloatObject(2)})
    return {
        "highlight": [
            _annot(
                "/Highlight", (60, 380, 400, 400), QuadPoints=_quad(60, 382, 400, 398), C=[1, 1, 0]
            )
        ],
        "underline": [
            _annot("/Underline", (60, 380, 400, 400), QuadPoints=_quad(60, 382, 400, 398))
        ],
        "strikeout": [
            _annot("/StrikeOut", (60, 380, 400, 400), QuadPoints=_quad(60, 382, 400, 398))
        ],
        "squiggly": [_annot("/Squiggly", (60, 380, 400, 400), QuadPoints=_quad(60, 382, 400, 398))],
        "ink": [
            _annot(
                "/Ink",
                (100, 500, 300, 650),
                InkList=[[110, 510, 200, 640, 290, 520, 150, 600]],
                BS=border,
            )
        ],
        "line": [_annot("/Line", (0, 0, 0, 0), L=[80, 300, 520, 260], BS=border)],
        "square": [_annot("/Square", (100, 150, 300, 250), BS=border, IC=[0.8, 0.9, 1])],
        "circle": [_annot("/Circle", (350, 150, 550, 250), BS=border)],
        "polygon": [
            _annot(
                "/Polygon", (100, 600, 300, 720), Vertices=[100, 600, 300, 620, 200, 720], BS=border
            )
        ],
        "polyline": [
            _annot(
                "/PolyLine",
                (350, 600, 550, 720),
                Vertices=[350, 600, 550, 620, 450, 720],
                BS=border,
            )
        ],
        "freetext": [
            _annot(
                "/FreeText",
                (320, 460, 560, 520),
                Contents="Free text note",
                DA="0 0 1 rg /Helv 14 Tf",
            )
        ],
    }


def _form(kind: str, need_appearances: bool) -> bytes:
    """One page with a filled field of ``kind`` made by reportlab (with appearances), and
    optionally NeedAppearances set with the text field's appearance removed (as Evince leaves a
    form it filled)."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(612, 792), invariant=1)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(40, 740, f"Form with a {kind}")
    form = canvas.acroForm
    if kind == "text":
        form.textfield(name="t", value="Typed value 123", x=72, y=600, width=300, height=24)
    elif kind == "checkbox":
        form.checkbox(name="c", checked=True, x=72, y=600, size=24, buttonStyle="check")
    elif kind == "radio":
        form.radio(name="r", value="yes", selected=True, x=72, y=600, size=24)
        form.radio(name="r", value="no", selected=False, x=120, y=600, size=24)
    elif kind == "choice":
        form.choice(
            name="ch", value="Bravo", options=["Alpha", "Bravo"], x=72, y=600, width=200, height=24
        )
    elif kind == "listbox":
        form.listbox(
            name="l",
            value="Two",
            options=["One", "Two", "Three"],
            x=72,
            y=560,
            width=200,
            height=60,
        )
    canvas.showPage()
    canvas.save()
    data = out.getvalue()
    if not need_appearances:
        return data
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    acroform: Any = writer._root_object["/AcroForm"].get_object()
    acroform[NameObject("/NeedAppearances")] = BooleanObject(True)
    annots: Any = writer.pages[0]["/Annots"]
    if kind == "text":
        for annot in annots:
            widget = annot.get_object()
            if "/AP" in widget:
                del widget["/AP"]
    return _finish(writer)


def _boxes(media: object, crop: object = None, rotate: int = 0, inherit: bool = False) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_page(label="Boxed"))))
    page = writer.pages[0]
    if inherit:
        del page["/MediaBox"]
        pages: Any = writer._root_object["/Pages"].get_object()
        pages[NameObject("/MediaBox")] = media
    else:
        page[NameObject("/MediaBox")] = media
    if crop is not None:
        page[NameObject("/CropBox")] = crop
    if rotate:
        page[NameObject("/Rotate")] = NumberObject(rotate)
    return _finish(writer)


def _offset_page(rotate: int) -> bytes:
    """Content drawn in a page whose MediaBox does not start at the origin."""
    data = _page(label="Offset")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    page = writer.pages[0]
    page.add_transformation((1, 0, 0, 1, 100, 200))
    page[NameObject("/MediaBox")] = _array(100, 200, 712, 992)
    if rotate:
        page[NameObject("/Rotate")] = NumberObject(rotate)
    return _finish(writer)


BOXES: dict[str, Callable[[int], bytes]] = {
    "reversed": lambda r: _boxes(_array(612, 792, 0, 0), rotate=r),
    "offset": _offset_page,
    "crop-inside": lambda r: _boxes(_array(0, 0, 612, 792), _array(30, 40, 580, 760), rotate=r),
    "crop-null": lambda r: _boxes(_array(0, 0, 612, 792), NullObject(), rotate=r),
    "crop-zero": lambda r: _boxes(_array(0, 0, 612, 792), _array(0, 0, 0, 0), rotate=r),
    "crop-outside": lambda r: _boxes(_array(0, 0, 612, 792), _array(700, 900, 800, 1000), rotate=r),
    "crop-partly-outside": lambda r: _boxes(
        _array(0, 0, 612, 792), _array(-50, -50, 500, 700), rotate=r
    ),
    "inherited": lambda r: _boxes(_array(0, 0, 612, 792), rotate=r, inherit=True),
    "landscape": lambda r: _boxes(_array(0, 0, 792, 612), rotate=r),
}
ROTATIONS = (0, 90, 180, 270)
FORMS = ("text", "checkbox", "radio", "choice", "listbox")


def corpus(small: bool = False) -> Iterator[tuple[str, bytes]]:
    """Every adversarial-but-valid file, named; with ``small`` one of each kind."""
    for name in annotation_kinds():
        for with_ap in (False, True):
            yield (
                f"annot-{name}-{'ap' if with_ap else 'noap'}",
                _annotated(annotation_kinds()[name], with_ap),
            )
    all_marks = [a for kind in annotation_kinds().values() for a in kind]
    yield "annot-every-kind-noap", _annotated(all_marks, False)
    for name, make in BOXES.items():
        for rotate in (0,) if small else ROTATIONS:
            yield f"box-{name}-rot{rotate}", make(rotate)
    if small:
        yield "box-crop-inside-rot90", BOXES["crop-inside"](90)
        yield "box-offset-rot270", BOXES["offset"](270)
    for kind in FORMS:
        for need in (False, True):
            if small and need and kind != "text":
                continue
            yield f"form-{kind}-{'need' if need else 'ap'}", _form(kind, need)
