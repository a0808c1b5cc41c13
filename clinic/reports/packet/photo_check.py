"""Checking a photo page against the photo as attached (decoded and turned upright by Pillow,
not by the builder's code), and the drawing a failed photo page is rebuilt from."""

from __future__ import annotations

import io
import math

from PIL import Image, ImageFilter, ImageOps

from clinic.reports.packet.pixels import (
    CONTENT_TOLERANCE,
    DPI,
    SAME,
    PageCheck,
    PageVerdict,
    count_marked,
    mask_above,
    nearest_difference,
)
from clinic.reports.packet.placement import LETTER_H, PHOTO_BOX, photo_rect


def _upright_photo(data: bytes, at_least: tuple[int, int]) -> Image.Image:
    """The photo as the user attached it, turned upright by its EXIF orientation with Pillow's
    own :func:`~PIL.ImageOps.exif_transpose` (not the builder's turn table), transparency on
    white paper, decoded at no less than ``at_least`` pixels (either way round)."""
    with Image.open(io.BytesIO(data)) as opened:
        if opened.format == "JPEG":
            side = max(at_least)
            opened.draft("RGB" if opened.mode != "L" else "L", (side, side))
        upright = ImageOps.exif_transpose(opened)
        if upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info:
            rgba = upright.convert("RGBA")
            paper = Image.new("RGB", rgba.size, (255, 255, 255))
            paper.paste(rgba, mask=rgba.getchannel("A"))
            return paper
        return upright.convert("RGB")


def check_photo(got_page: Image.Image, original: bytes, check: PageCheck) -> PageVerdict:
    """A photo page against the photo itself, drawn where the packet puts it: Pillow decodes and
    turns the original, PDFium drew the packet page. Both are softened (a photo's fine texture
    is resampled differently by the two); of the photo's pixels at most
    :data:`CONTENT_TOLERANCE` may differ by more than :data:`SAME`, give or take one pixel —
    a photo left out, cut, squeezed or turned the wrong way differs almost everywhere."""
    k = DPI / 72
    with Image.open(io.BytesIO(original)) as probe:
        width, height = probe.size
        sideways = probe.getexif().get(0x0112, 1) in (5, 6, 7, 8)
    if sideways:
        width, height = height, width
    x0, y0, x1, y1 = photo_rect(width, height)
    # whole pixels inside the photo's area (its edge pixels are part paper)
    crop = (
        max(0, math.ceil(x0 * k) + 1),
        max(0, math.ceil((LETTER_H - y1) * k) + 1),
        min(got_page.width, math.floor(x1 * k) - 1),
        min(got_page.height, math.floor((LETTER_H - y0) * k) - 1),
    )
    got = got_page.crop(crop)
    upright = _upright_photo(original, got.size)
    # the same area of the photo, in the photo's own pixels
    sx, sy = upright.width / ((x1 - x0) * k), upright.height / ((y1 - y0) * k)
    area = (
        (crop[0] - x0 * k) * sx,
        (crop[1] - (LETTER_H - y1) * k) * sy,
        (crop[2] - x0 * k) * sx,
        (crop[3] - (LETTER_H - y1) * k) * sy,
    )
    want = upright.resize(got.size, Image.Resampling.BOX, box=area)
    # a 3 x 3 box: a third of the cost of a Gaussian of radius 1 and a little less soft (so no
    # less strict); on phone photos and per-pixel noise it gave the same shares, good and bad
    # (bench/notes.md, seventh pass)
    soft = ImageFilter.BoxBlur(1)
    diff = nearest_difference(got.filter(soft), want.filter(soft), reach=1)
    total = got.width * got.height
    content = count_marked(mask_above(diff, SAME)) / total if total else 1.0
    reason = "" if content <= CONTENT_TOLERANCE else f"{content:.1%} of the photo's pixels differed"
    return PageVerdict(check.unit_page, not reason, 1.0, 0, content, reason)


def raster_photo(original: bytes, dpi: int) -> tuple[bytes, int, int]:
    """The photo as attached, upright (Pillow's EXIF turn), at most ``dpi`` at the size it is
    placed, as a JPEG: (jpeg, width, height) — what a photo page that failed is rebuilt from."""
    box_w, box_h = PHOTO_BOX[2] - PHOTO_BOX[0], PHOTO_BOX[3] - PHOTO_BOX[1]
    limit = (round(box_w / 72 * dpi), round(box_h / 72 * dpi))
    upright = _upright_photo(original, limit)
    upright.thumbnail(limit, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    upright.save(out, "JPEG", quality=85)
    return out.getvalue(), upright.width, upright.height
