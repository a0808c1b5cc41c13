"""What a page check measures, and the pixel comparisons it is made of: the thresholds, a
page's check and verdict, and differences between two drawings given or taken a pixel (see
:mod:`clinic.reports.packet.verify`)."""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageChops

DPI = 50
MARKS_FOUND = 0.90
CONTENT_TOLERANCE = 0.02
SAME = 64  # grey levels (of 255) within which two pixels count as the same
MARK = 48  # a pixel is marked when drawing the annotations changes it by more than this
INK = 224  # a pixel is inked when some channel is darker than this
SLACK = 5  # pixels (at DPI): two engines' drawings of one mark may differ by two pixels
MIN_MARKED = 8  # fewer marked pixels than this are antialiasing noise, not a mark


@dataclass(frozen=True)
class PageCheck:
    unit_page: int  # index of the packet page within the exhibit's own PDF
    source: int  # key of the source file's reference PDF (or, for a photo, its file)
    source_page: int  # index of the page within the source (0 for a photo)
    photo: bool = False  # the source is a photo, as the user attached it


@dataclass(frozen=True)
class PageVerdict:
    unit_page: int
    ok: bool
    marks: float  # share of marked pixels found (1.0 when the page has no marks)
    marked: int
    content: float  # share of inked pixels that differ
    reason: str = ""


def largest_difference(a: Image.Image, b: Image.Image) -> Image.Image:
    diff = ImageChops.difference(a, b)
    return ImageChops.lighter(
        ImageChops.lighter(diff.getchannel(0), diff.getchannel(1)), diff.getchannel(2)
    )


def nearest_difference(got: Image.Image, want: Image.Image, reach: int = SLACK // 2) -> Image.Image:
    """Per pixel of ``got``, its smallest largest-channel difference to a pixel of ``want``
    within ``reach`` pixels."""
    best: Image.Image | None = None
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            shifted = ImageChops.offset(want, dx, dy) if dx or dy else want
            diff = largest_difference(got, shifted)
            best = diff if best is None else ImageChops.darker(best, diff)
    assert best is not None
    return best


def mask_above(image: Image.Image, above: int) -> Image.Image:
    return image.point(lambda v: 255 if v > above else 0)


def count_marked(mask: Image.Image) -> int:
    return mask.histogram()[255]


def inked_count(image: Image.Image) -> int:
    r, g, b = image.split()
    darkest = ImageChops.darker(ImageChops.darker(r, g), b)
    return darkest.point(lambda v: 255 if v < INK else 0).histogram()[255]
