"""Tiny, valid evidence files made by hand (no PDF or image library): each well under 4 KB."""

from __future__ import annotations

import random
import struct
import zlib
from collections.abc import Sequence

from clinic.services.demo.people import ascii_text

PDF = "application/pdf"
PNG = "image/png"
TEXT = "text/plain"


def _pdf_escape(text: str) -> str:
    return ascii_text(text).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _pdf_objects(pages: Sequence[Sequence[str]]) -> list[bytes]:
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for index, lines in enumerate(pages):
        shown = " ".join(f"({_pdf_escape(line)}) '" for line in lines)
        stream = f"BT /F1 11 Tf 14 TL 72 740 Td {shown} ET".encode()
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * index)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    return objects


def make_pdf(pages: Sequence[Sequence[str]]) -> bytes:
    """A small, valid PDF: Helvetica text, one content stream per page."""
    objects = _pdf_objects(pages)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return struct.pack(">I", len(data)) + kind + data + crc


def make_png(rng: random.Random, width: int = 32, height: int = 24) -> bytes:
    """A small, valid RGB PNG: a soft two-colour gradient standing in for a photograph."""
    start = [rng.randint(40, 200) for _ in range(3)]
    end = [rng.randint(40, 200) for _ in range(3)]
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            mix = (x + y) / (width + height - 2)
            rows += bytes(int(s + (e - s) * mix) for s, e in zip(start, end, strict=True))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _png_chunk(b"IEND", b"")
    )


def _stem(title: str) -> str:
    words = ascii_text(title).lower().replace("(", "").replace(")", "").split()[:5]
    stem = "".join(ch for ch in "_".join(words) if ch.isalnum() or ch in "_-.")
    return stem[:60] or "document"


def evidence_file(
    rng: random.Random, *, title: str, category: str, client: str, media_type: str
) -> tuple[bytes, str]:
    """(content, file name) of a made-up scan, photograph or draft for one evidence item."""
    stem = _stem(title)
    if media_type == PNG:
        return make_png(rng), f"{stem}.png"
    if media_type == TEXT:
        body = (
            f"{client}\n{title}\n\nBorrador de declaración / draft, to be translated and signed.\n"
        )
        return body.encode("utf-8"), f"{stem}_draft.txt"
    pages = [
        [
            title,
            f"Synthetic demo document - not a real record ({category}).",
            f"Client: {ascii_text(client)}",
            f"Page {page + 1}",
        ]
        for page in range(rng.randint(1, 3))
    ]
    return make_pdf(pages), f"{stem}.pdf"
