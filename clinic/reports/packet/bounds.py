"""The decoding bound: a source PDF whose streams would inflate past it is a bomb, refused
before anything decodes it.

The bound (stated in docs/packet.md):

* no stream may decode to more than :data:`MAX_DECODED` bytes (256 MB);
* no stream may inflate more than :data:`MAX_RATIO` times (1:1000) once it is past
  :data:`RATIO_FLOOR` bytes decoded (small streams of zeros compress that well legitimately);
* no image may declare more than :data:`MAX_DECODED` bytes of pixels (width × height ×
  components × bits per component), whatever its filter (JPEG, JPEG 2000, JBIG2, CCITT: these
  are decoded by the renderer, never by us, so the declared size is what is checked);
* a JBIG2 stream may not declare a page or region larger than that either (its segment headers
  are read: no JBIG2 decoder is run).

Flate streams are inflated with a cap (``zlib``'s ``max_length``), so checking costs at most the
bound in time and memory, never the bomb's full size. Streams with other filters are judged by
what they declare.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, StreamObject

MAX_DECODED = 256 * 1024 * 1024
MAX_RATIO = 1000
RATIO_FLOOR = 16 * 1024 * 1024
_CHUNK = 1024 * 1024

_COMPONENTS = {
    "/DeviceGray": 1,
    "/CalGray": 1,
    "/G": 1,
    "/DeviceRGB": 3,
    "/CalRGB": 3,
    "/RGB": 3,
    "/Lab": 3,
    "/DeviceCMYK": 4,
    "/CMYK": 4,
}


class Bomb(Exception):
    """A stream past the decoding bound (the message says which and how large)."""


def _filters(stream: StreamObject) -> list[str]:
    raw = stream.get("/Filter")
    raw = raw.get_object() if raw is not None else None
    if isinstance(raw, NameObject):
        return [str(raw)]
    if isinstance(raw, ArrayObject):
        return [str(f.get_object()) for f in raw]
    return []


def _number(value: object) -> int:
    try:
        resolved = value.get_object() if hasattr(value, "get_object") else value
        return max(0, int(resolved))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0


def _components(space: object) -> int:
    resolved = space.get_object() if hasattr(space, "get_object") else space
    if isinstance(resolved, NameObject):
        return _COMPONENTS.get(str(resolved), 4)
    if isinstance(resolved, ArrayObject) and resolved:
        family = str(resolved[0].get_object())
        if family in ("/Indexed", "/I", "/Separation"):
            return 1
        if family == "/ICCBased" and len(resolved) > 1:
            profile = resolved[1].get_object()
            if isinstance(profile, DictionaryObject):
                return _number(profile.get("/N", 3)) or 3
        if family == "/DeviceN" and len(resolved) > 1:
            names = resolved[1].get_object()
            return len(names) if isinstance(names, ArrayObject) else 4
        return _COMPONENTS.get(family, 4)
    return 4


def _inflated_size(data: bytes, limit: int) -> int:
    """How many bytes ``data`` inflates to, counting no further than ``limit`` + 1."""
    inflater = zlib.decompressobj()
    total = 0
    pending = data
    while pending and total <= limit:
        try:
            out = inflater.decompress(pending, _CHUNK)
        except zlib.error:
            return total  # damaged data ends where it breaks; the renderer does the same
        total += len(out)
        pending = inflater.unconsumed_tail
        if not out and not pending:
            break
    return total


def _jbig2_area_bytes(data: bytes) -> int:
    """The largest page or region a JBIG2 stream declares, in bytes of 1-bit pixels (segment
    headers only, ITU T.88 7.2 and 7.4.1/7.4.8)."""
    largest = 0
    at = 0
    for _ in range(10_000):
        if at + 11 > len(data):
            break
        number = struct.unpack_from(">I", data, at)[0]
        flags = data[at + 4]
        kind = flags & 0x3F
        at += 5
        count = data[at] >> 5
        if count == 7:
            if at + 4 > len(data):
                break
            count = struct.unpack_from(">I", data, at)[0] & 0x1FFFFFFF
            at += 4 + (count + 8) // 8
        else:
            at += 1
        ref_size = 1 if number <= 256 else 2 if number <= 65536 else 4
        at += count * ref_size
        at += 4 if flags & 0x40 else 1
        if at + 4 > len(data):
            break
        length = struct.unpack_from(">I", data, at)[0]
        at += 4
        if at + 8 <= len(data) and kind in (48, 4, 6, 7, 20, 22, 23, 36, 38, 39, 40, 42, 43):
            width, height = struct.unpack_from(">II", data, at)
            if kind == 48 and height == 0xFFFFFFFF:
                height = 1  # striped page of unknown height: its stripes are regions
            largest = max(largest, width * height // 8)
        if length == 0xFFFFFFFF:  # unknown length (immediate generic region): stop here
            break
        at += length
    return largest


def _check_stream(stream: StreamObject, where: str) -> None:
    filters = _filters(stream)
    raw = stream._data if isinstance(stream._data, bytes) else b""
    if stream.get("/Subtype") == "/Image":
        width = _number(stream.get("/Width", 0))
        height = _number(stream.get("/Height", 0))
        bits = _number(stream.get("/BitsPerComponent", 8)) or 1
        if stream.get("/ImageMask") is True:
            components, bits = 1, 1
        else:
            components = _components(stream.get("/ColorSpace", "/DeviceRGB"))
        declared = width * height * components * bits // 8
        if declared > MAX_DECODED:
            raise Bomb(f"{where}: an image of {width} x {height} pixels ({declared >> 20} MB)")
    if "/JBIG2Decode" in filters:
        area = _jbig2_area_bytes(raw)
        if area > MAX_DECODED:
            raise Bomb(f"{where}: a JBIG2 picture of {area >> 20} MB")
    if filters and filters[0] in ("/FlateDecode", "/Fl"):
        limit = min(MAX_DECODED, max(RATIO_FLOOR, len(raw) * MAX_RATIO))
        size = _inflated_size(raw, limit)
        if size > limit:
            raise Bomb(
                f"{where}: a compressed stream of {len(raw)} bytes inflating past {limit >> 20} MB"
            )


def _streams(reader: PdfReader) -> Iterator[tuple[str, StreamObject]]:
    seen: set[int] = set()
    for generation in reader.xref.values():
        for number in generation:
            if number in seen:
                continue
            seen.add(number)
            value = reader.get_object(number)
            if isinstance(value, StreamObject):
                yield f"object {number}", value


def check_bounds(reader: PdfReader) -> None:
    """:class:`Bomb` when any stream of ``reader``'s file is past the decoding bound."""
    for where, stream in _streams(reader):
        _check_stream(stream, where)
