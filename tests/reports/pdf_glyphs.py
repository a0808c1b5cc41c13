"""Every character a PDF prints, checked against the font it is printed in: the font must be
embedded, and each code shown must have a glyph in the embedded font's own character map (not
.notdef) and a ToUnicode entry. ``pdffonts`` only says a font is embedded; this reads every text
operator of every page (pypdf) and the ``cmap`` of the embedded TrueType program (read here:
fontTools is not a dependency)."""

from __future__ import annotations

import io
import re
import struct
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import ContentStream

_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


@dataclass
class GlyphReport:
    printed: list[str] = field(default_factory=list)  # every character shown, in order
    problems: list[str] = field(default_factory=list)


def _to_unicode(font: object) -> dict[int, str]:
    stream = font.get("/ToUnicode")  # type: ignore[attr-defined]
    if stream is None:
        return {}
    data = stream.get_object().get_data()
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in _BFCHAR.findall(block):
            hexadecimal = text.decode()
            mapping[int(code, 16)] = (
                bytes.fromhex(hexadecimal).decode("utf-16-be")
                if len(hexadecimal) % 4 == 0
                else chr(int(hexadecimal, 16))  # reportlab writes a code point beyond U+FFFF so
            )
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, start in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            first = int(start, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code] = chr(first + offset)
    return mapping


def truetype_cmap(program: bytes) -> dict[int, int]:
    """Code → glyph index from a TrueType program's ``cmap`` table (formats 0, 4, 6 and 12; the
    subsets reportlab embeds use format 6, codes 0–255)."""
    tables = struct.unpack(">H", program[4:6])[0]
    for index in range(tables):
        tag, _checksum, offset, _length = struct.unpack(
            ">4sIII", program[12 + 16 * index : 28 + 16 * index]
        )
        if tag == b"cmap":
            break
    else:
        return {}
    cmap = program[offset:]
    found: dict[int, int] = {}
    for entry in range(struct.unpack(">H", cmap[2:4])[0]):
        _platform, _encoding, at = struct.unpack(">HHI", cmap[4 + 8 * entry : 12 + 8 * entry])
        table = cmap[at:]
        kind = struct.unpack(">H", table[:2])[0]
        if kind == 0:
            found.update(enumerate(table[6 : 6 + 256]))
        elif kind == 6:
            first, count = struct.unpack(">HH", table[6:10])
            ids = struct.unpack(f">{count}H", table[10 : 10 + 2 * count])
            found.update({first + n: glyph for n, glyph in enumerate(ids)})
        elif kind == 4:
            segments = struct.unpack(">H", table[6:8])[0] // 2
            ends = struct.unpack(f">{segments}H", table[14 : 14 + 2 * segments])
            base = 16 + 2 * segments
            starts = struct.unpack(f">{segments}H", table[base : base + 2 * segments])
            deltas = struct.unpack(
                f">{segments}h", table[base + 2 * segments : base + 4 * segments]
            )
            range_at = base + 4 * segments
            offsets = struct.unpack(f">{segments}H", table[range_at : range_at + 2 * segments])
            for n in range(segments):
                for code in range(starts[n], ends[n] + 1):
                    if code == 0xFFFF:
                        continue
                    if offsets[n] == 0:
                        glyph = (code + deltas[n]) & 0xFFFF
                    else:
                        at_glyph = range_at + 2 * n + offsets[n] + 2 * (code - starts[n])
                        glyph = struct.unpack(">H", table[at_glyph : at_glyph + 2])[0]
                        glyph = (glyph + deltas[n]) & 0xFFFF if glyph else 0
                    found[code] = glyph
        elif kind == 12:
            groups = struct.unpack(">I", table[12:16])[0]
            for n in range(groups):
                start, end, glyph = struct.unpack(">III", table[16 + 12 * n : 28 + 12 * n])
                found.update({code: glyph + code - start for code in range(start, end + 1)})
    return found


def _glyphs(font: object) -> dict[int, int] | None:
    descriptor = font.get("/FontDescriptor")  # type: ignore[attr-defined]
    if descriptor is None:
        return None
    program = descriptor.get_object().get("/FontFile2")
    if program is None:
        return None
    return truetype_cmap(program.get_object().get_data())


def _codes(operand: object) -> bytes:
    original = getattr(operand, "original_bytes", None)
    if isinstance(original, bytes):
        return original
    return str(operand).encode("latin-1")


def check_glyphs(pdf: bytes) -> GlyphReport:
    report = GlyphReport()
    reader = PdfReader(io.BytesIO(pdf))
    for number, page in enumerate(reader.pages, start=1):
        fonts = page["/Resources"].get("/Font", {})
        tables = {}
        for name, ref in fonts.items():
            font = ref.get_object()
            tables[name] = (_glyphs(font), _to_unicode(font))
        current = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = str(operands[0])
                continue
            if operator in (b"Tj", b"'", b'"'):
                shown = [operands[-1]]
            elif operator == b"TJ":
                shown = [part for part in operands[0] if not isinstance(part, (int, float))]
            else:
                continue
            glyphs, unicode_map = tables.get(current, (None, {})) if current else (None, {})
            for codes in map(_codes, shown):
                if not codes:
                    continue
                if glyphs is None:
                    report.problems.append(f"page {number}: {codes!r} in {current}, not embedded")
                    continue
                for code in codes:
                    char = unicode_map.get(code)
                    if char is None:
                        report.problems.append(f"page {number}: code {code} has no ToUnicode")
                    elif glyphs.get(code, 0) == 0:
                        report.problems.append(f"page {number}: {char!r} has no glyph in {current}")
                    else:
                        report.printed.append(char)
    return report
