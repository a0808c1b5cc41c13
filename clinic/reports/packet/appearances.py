"""Appearances for markup annotations that have none (issue 17).

Tools such as fpdf2, or viewers that leave drawing to the next viewer, write highlights, ink,
lines and shapes with no appearance stream (/AP): what they look like is left to be generated
from the annotation's own geometry (PDF 32000-1 12.5.6). PDFium generates some of these itself
but places them by the annotation's /Rect, which such tools often write wrong (or empty), and it
generates none for lines, polygons, polylines or free text. So before PDFium flattens the page,
every printable markup annotation without an appearance gets one here, drawn from its geometry
(/QuadPoints, /InkList, /L, /Vertices, /Rect) in page space, and its /Rect is set to what it
draws. :func:`shapes` is the geometry both this module and the verification's own drawing
(:mod:`.verify`) read.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
)

GENERATED = (
    "/Highlight",
    "/Underline",
    "/StrikeOut",
    "/Squiggly",
    "/Ink",
    "/Line",
    "/Square",
    "/Circle",
    "/Polygon",
    "/PolyLine",
    "/FreeText",
)
_HIDDEN = 2 | 32
_PRINT = 4

Point = tuple[float, float]


@dataclass
class Shapes:
    """What an annotation draws, in page space."""

    subtype: str
    stroke: tuple[float, ...] | None  # colour components (1, 3 or 4), None: not stroked
    fill: tuple[float, ...] | None
    width: float
    opacity: float
    lines: list[list[Point]] = field(default_factory=list)  # open polylines
    polygons: list[list[Point]] = field(default_factory=list)  # closed (filled and/or stroked)
    ellipses: list[tuple[float, float, float, float]] = field(default_factory=list)
    text: str = ""
    text_size: float = 0.0
    text_box: tuple[float, float, float, float] | None = None

    def bbox(self) -> tuple[float, float, float, float] | None:
        points = [p for run in (*self.lines, *self.polygons) for p in run]
        for x0, y0, x1, y1 in self.ellipses:
            points += [(x0, y0), (x1, y1)]
        if self.text_box is not None:
            points += [self.text_box[:2], self.text_box[2:]]
        if not points:
            return None
        pad = self.width / 2 + 1
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)


def _numbers(value: object) -> list[float]:
    resolved = value.get_object() if hasattr(value, "get_object") else value
    if not isinstance(resolved, list):
        return []
    out = []
    for raw in resolved:
        item = raw.get_object() if hasattr(raw, "get_object") else raw
        try:
            out.append(float(item))
        except (TypeError, ValueError):
            return []
    return out


def _points(values: list[float]) -> list[Point]:
    return [(values[i], values[i + 1]) for i in range(0, len(values) - 1, 2)]


def _colour(value: object) -> tuple[float, ...] | None:
    numbers = _numbers(value)
    return tuple(numbers) if len(numbers) in (1, 3, 4) else None


def _width(annot: DictionaryObject) -> float:
    border_style = annot.get("/BS")
    border_style = border_style.get_object() if border_style is not None else None
    if isinstance(border_style, DictionaryObject) and "/W" in border_style:
        return max(0.0, float(border_style["/W"]))  # type: ignore[arg-type]
    border = _numbers(annot.get("/Border"))
    if len(border) >= 3:
        return max(0.0, border[2])
    return 1.0


def _rect(annot: DictionaryObject) -> tuple[float, float, float, float] | None:
    r = _numbers(annot.get("/Rect"))
    if len(r) != 4:
        return None
    x0, x1 = sorted((r[0], r[2]))
    y0, y1 = sorted((r[1], r[3]))
    return (x0, y0, x1, y1)


def _quads(annot: DictionaryObject) -> list[list[Point]]:
    values = _numbers(annot.get("/QuadPoints"))
    quads = []
    for i in range(0, len(values) - 7, 8):
        p = _points(values[i : i + 8])
        # the usual order is upper-left, upper-right, lower-left, lower-right
        quads.append([p[0], p[1], p[3], p[2]])
    return quads


def printable(annot: DictionaryObject) -> bool:
    flags = int(annot.get("/F", 0) or 0)
    return bool(flags & _PRINT) and not flags & _HIDDEN


def shapes(annot: DictionaryObject) -> Shapes | None:  # noqa: PLR0911, PLR0912 - one per kind
    """The geometry of a markup annotation of one of the :data:`GENERATED` kinds, or None."""
    subtype = str(annot.get("/Subtype", ""))
    if subtype not in GENERATED:
        return None
    colour = _colour(annot.get("/C"))
    opacity = float(annot.get("/CA", 1) or 1)
    width = _width(annot)
    if subtype == "/Highlight":
        quads = _quads(annot)
        return Shapes(subtype, None, colour or (1.0, 1.0, 0.0), 0.0, opacity, polygons=quads)
    if subtype in ("/Underline", "/StrikeOut", "/Squiggly"):
        return _text_lines(annot, subtype, colour, width, opacity)
    stroke = colour if colour is not None else (0.0, 0.0, 0.0)
    fill = _colour(annot.get("/IC"))
    if subtype == "/Ink":
        ink = annot.get("/InkList")
        ink = ink.get_object() if ink is not None else None
        paths = [_points(_numbers(path)) for path in (ink or [])]
        return Shapes(subtype, stroke, None, width, opacity, lines=[p for p in paths if p])
    if subtype == "/Line":
        line = _numbers(annot.get("/L"))
        if len(line) != 4:
            return None
        return Shapes(subtype, stroke, None, width, opacity, lines=[_points(line)])
    if subtype in ("/Polygon", "/PolyLine"):
        vertices = _points(_numbers(annot.get("/Vertices")))
        if len(vertices) < 2:
            return None
        if subtype == "/Polygon":
            return Shapes(subtype, stroke, fill, width, opacity, polygons=[vertices])
        return Shapes(subtype, stroke, None, width, opacity, lines=[vertices])
    rect = _rect(annot)
    if rect is None:
        return None
    inset = width / 2
    inner = (rect[0] + inset, rect[1] + inset, rect[2] - inset, rect[3] - inset)
    if inner[2] <= inner[0] or inner[3] <= inner[1]:
        return None
    if subtype == "/Square":
        x0, y0, x1, y1 = inner
        corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        return Shapes(subtype, stroke if width else None, fill, width, opacity, polygons=[corners])
    if subtype == "/Circle":
        return Shapes(subtype, stroke if width else None, fill, width, opacity, ellipses=[inner])
    # free text: /C is its background (as PDFium and poppler draw it), the border 1 point
    background = colour if colour is not None else fill
    return _free_text(annot, subtype, rect, background=background, width=width, opacity=opacity)


def _text_lines(
    annot: DictionaryObject,
    subtype: str,
    colour: tuple[float, ...] | None,
    width: float,
    opacity: float,
) -> Shapes:
    """Underline, strike-out or squiggly: a line across each quad of the marked text."""
    lines = []
    for ul, ur, lr, ll in _quads(annot):
        height = math.dist(ul, ll) or 1.0
        if subtype == "/Underline":
            t = 1 / 14
            lines.append([_mix(ll, ul, t), _mix(lr, ur, t)])
        elif subtype == "/StrikeOut":
            lines.append([_mix(ll, ul, 0.45), _mix(lr, ur, 0.45)])
        else:
            lines.append(_zigzag(_mix(ll, ul, 0.05), _mix(lr, ur, 0.05), height / 8))
        width = max(1.0, height / 14)
    return Shapes(subtype, colour or (0.0, 0.0, 0.0), None, width, opacity, lines=lines)


def _free_text(
    annot: DictionaryObject,
    subtype: str,
    rect: tuple[float, float, float, float],
    *,
    background: tuple[float, ...] | None,
    width: float,
    opacity: float,
) -> Shapes:
    """FreeText: its /Contents in the size of its default appearance, in its rectangle."""
    text = str(annot.get("/Contents", "") or "")
    size = 12.0
    match = re.search(r"([\d.]+)\s+Tf", str(annot.get("/DA", "")))
    if match:
        size = float(match.group(1)) or 12.0
    da_colour = re.search(r"([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+rg", str(annot.get("/DA", "")))
    text_colour = tuple(float(v) for v in da_colour.groups()) if da_colour else (0.0, 0.0, 0.0)
    return Shapes(
        subtype,
        text_colour,
        background,
        width,
        opacity,
        text=text,
        text_size=size,
        text_box=rect,
    )


def _mix(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _zigzag(start: Point, end: Point, amplitude: float) -> list[Point]:
    length = math.dist(start, end)
    steps = max(2, int(length / max(amplitude * 2, 1.0)))
    out = []
    nx, ny = (-(end[1] - start[1]) / (length or 1), (end[0] - start[0]) / (length or 1))
    for i in range(steps + 1):
        x, y = _mix(start, end, i / steps)
        up = amplitude if i % 2 else 0.0
        out.append((x + nx * up, y + ny * up))
    return out


def _n(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def _colour_op(colour: tuple[float, ...], stroke: bool) -> str:
    ops = {1: "g", 3: "rg", 4: "k"}[len(colour)]
    return " ".join(_n(c) for c in colour) + " " + (ops.upper() if stroke else ops)


def _wrap(text: str, size: float, width: float) -> list[str]:
    per_line = max(1, int(width / (size * 0.5)))
    lines: list[str] = []
    for paragraph in text.replace("\r", "\n").split("\n"):
        words, current = paragraph.split(" "), ""
        for word in words:
            trial = f"{current} {word}".strip()
            if len(trial) > per_line and current:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
    return lines


def _pdf_text(text: str) -> str:
    raw = text.encode("latin-1", "replace").decode("latin-1")
    return "(" + raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def content(s: Shapes) -> str:
    """The appearance stream's operators (page space)."""
    ops = ["q"]
    if s.opacity < 1 or s.subtype == "/Highlight":
        ops.append("/ClinicGS gs")
    if s.stroke is not None:
        ops.append(_colour_op(s.stroke, True))
    if s.fill is not None:
        ops.append(_colour_op(s.fill, False))
    ops.append(f"{_n(s.width)} w 1 J 1 j")
    for run in s.lines:
        ops.append(
            " ".join(f"{_n(x)} {_n(y)} {'m' if i == 0 else 'l'}" for i, (x, y) in enumerate(run))
            + " S"
        )
    for poly in s.polygons:
        path = " ".join(
            f"{_n(x)} {_n(y)} {'m' if i == 0 else 'l'}" for i, (x, y) in enumerate(poly)
        )
        if s.subtype == "/Highlight":
            ops.append(_colour_op(s.fill or (1.0, 1.0, 0.0), False) + " " + path + " h f")
        else:
            paint = "b" if s.fill is not None and s.stroke is not None else "f" if s.fill else "s"
            ops.append(path + " h " + paint)
    for x0, y0, x1, y1 in s.ellipses:
        cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
        k = 0.5523
        ops.append(
            f"{_n(cx + rx)} {_n(cy)} m "
            f"{_n(cx + rx)} {_n(cy + ry * k)} {_n(cx + rx * k)} {_n(cy + ry)} {_n(cx)} {_n(cy + ry)} c "
            f"{_n(cx - rx * k)} {_n(cy + ry)} {_n(cx - rx)} {_n(cy + ry * k)} {_n(cx - rx)} {_n(cy)} c "
            f"{_n(cx - rx)} {_n(cy - ry * k)} {_n(cx - rx * k)} {_n(cy - ry)} {_n(cx)} {_n(cy - ry)} c "
            f"{_n(cx + rx * k)} {_n(cy - ry)} {_n(cx + rx)} {_n(cy - ry * k)} {_n(cx + rx)} {_n(cy)} c "
            + ("b" if s.fill is not None and s.stroke is not None else "f" if s.fill else "s")
        )
    if s.text_box is not None:
        x0, y0, x1, y1 = s.text_box
        if s.fill is not None:
            ops.append(f"{_n(x0)} {_n(y0)} {_n(x1 - x0)} {_n(y1 - y0)} re f")
        if s.width:
            w = s.width
            ops.append(
                f"0 G {_n(w)} w {_n(x0 + w / 2)} {_n(y0 + w / 2)} {_n(x1 - x0 - w)} "
                f"{_n(y1 - y0 - w)} re S"
            )
        colour = _colour_op(s.stroke or (0.0,), False)
        ops.append(
            f"{_n(x0)} {_n(y0)} {_n(x1 - x0)} {_n(y1 - y0)} re W n BT /ClinicHelv {_n(s.text_size)} Tf {colour}"
        )
        y = y1 - 2 - s.text_size
        for line in _wrap(s.text, s.text_size, x1 - x0 - 4):
            ops.append(f"1 0 0 1 {_n(x0 + 2)} {_n(y)} Tm {_pdf_text(line)} Tj")
            y -= s.text_size * 1.15
        ops.append("ET")
    ops.append("Q")
    return "\n".join(ops)


def add_missing(writer: PdfWriter) -> int:
    """Give every printable markup annotation without an appearance one; returns how many."""
    made = 0
    for page in writer.pages:
        annots = page.get("/Annots")
        annots = annots.get_object() if annots is not None else None
        if not isinstance(annots, ArrayObject):
            continue
        for entry in annots:
            annot = entry.get_object()
            if not isinstance(annot, DictionaryObject) or not printable(annot):
                continue
            ap = annot.get("/AP")
            ap = ap.get_object() if ap is not None else None
            if isinstance(ap, DictionaryObject) and "/N" in ap:
                continue
            drawn = shapes(annot)
            box = drawn.bbox() if drawn is not None else None
            if drawn is None or box is None:
                continue
            stream = DecodedStreamObject()
            stream.set_data(content(drawn).encode("latin-1"))
            stream[NameObject("/Type")] = NameObject("/XObject")
            stream[NameObject("/Subtype")] = NameObject("/Form")
            stream[NameObject("/BBox")] = ArrayObject([FloatObject(v) for v in box])
            resources = DictionaryObject()
            state = DictionaryObject(
                {
                    NameObject("/CA"): FloatObject(drawn.opacity),
                    NameObject("/ca"): FloatObject(drawn.opacity),
                }
            )
            if drawn.subtype == "/Highlight":
                state[NameObject("/BM")] = NameObject("/Multiply")
            resources[NameObject("/ExtGState")] = DictionaryObject({NameObject("/ClinicGS"): state})
            resources[NameObject("/Font")] = DictionaryObject(
                {
                    NameObject("/ClinicHelv"): DictionaryObject(
                        {
                            NameObject("/Type"): NameObject("/Font"),
                            NameObject("/Subtype"): NameObject("/Type1"),
                            NameObject("/BaseFont"): NameObject("/Helvetica"),
                            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
                        }
                    )
                }
            )
            stream[NameObject("/Resources")] = resources
            annot[NameObject("/AP")] = DictionaryObject(
                {NameObject("/N"): writer._add_object(stream)}
            )
            annot[NameObject("/Rect")] = ArrayObject([FloatObject(v) for v in box])
            annot[NameObject("/F")] = NumberObject(int(annot.get("/F", 0) or 0))
            made += 1
    return made
