"""Input files for packet tests, made in memory: PDFs of several page sizes and rotations, a
password-protected one, a truncated one, photos with an EXIF orientation."""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, LEGAL, LETTER, landscape
from reportlab.pdfgen.canvas import Canvas

SIZES = {"letter": LETTER, "a4": A4, "legal": LEGAL, "landscape": landscape(LETTER)}


def make_pdf(pages: int, marker: str, size: str = "letter", rotate: int = 0) -> bytes:
    """``pages`` pages, each saying ``{marker} page {n}`` at its top-left and bottom-right."""
    out = io.BytesIO()
    width, height = SIZES[size]
    canvas = Canvas(out, pagesize=(width, height), invariant=1)
    for n in range(1, pages + 1):
        canvas.setFont("Helvetica", 12)
        canvas.drawString(40, height - 50, f"{marker} page {n}")
        canvas.drawRightString(width - 40, 30, f"{marker} end {n}")
        canvas.rect(20, 20, width - 40, height - 40)
        canvas.showPage()
    canvas.save()
    data = out.getvalue()
    if rotate:
        reader = PdfReader(io.BytesIO(data))
        writer = PdfWriter()
        for page in reader.pages:
            writer.add_page(page)
            writer.pages[-1].rotate(rotate)
        buf = io.BytesIO()
        writer.write(buf)
        data = buf.getvalue()
    return data


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf(1, "Secret")))
    writer.encrypt(user_password="open sesame", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def corrupt_pdf() -> bytes:
    data = make_pdf(3, "Broken")
    return data[: len(data) // 2]


def photo(width: int = 1200, height: int = 800, orientation: int = 6, fmt: str = "JPEG") -> bytes:
    """A landscape picture, red on the left half; EXIF orientation 6 means 'turn 90° clockwise
    to view', so the upright photo is portrait with red on top."""
    image = Image.new("RGB", (width, height), (255, 255, 255))
    image.paste((220, 30, 30), (0, 0, width // 2, height))
    out = io.BytesIO()
    if fmt == "JPEG":
        exif = Image.Exif()
        exif[0x0112] = orientation
        image.save(out, "JPEG", quality=85, exif=exif.tobytes())
    else:
        image.save(out, fmt)
    return out.getvalue()
