"""Hostile ``.xlsx`` files for the spreadsheet import (issue 16 § 5), made in a second or two.

Each bomb is a small file that would inflate into gigabytes of XML, or make the parser build
something huge, if it were opened naively. Used by tests/domain/test_xlsx_bombs.py (refused,
peak memory measured in a child process) and by ``python -m bench.xlsx_bombs`` (the times).

The big ones are built without compressing gigabytes: a deflate block that ends with a full
flush does not refer to anything before it, so the same compressed block repeated N times
inflates to the block's text N times.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable

import openpyxl  # type: ignore[import-untyped]

MiB = 1024 * 1024
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def template_members() -> dict[str, bytes]:
    """The members of a genuine small client list written by openpyxl."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Family name", "Given name", "A-number", "Date of birth"])
    sheet.append(["Lopez Garcia", "Maria", "A123456789", "1990-03-14"])
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _deflate_repeated(prefix: bytes, block: bytes, times: int, suffix: bytes) -> tuple[bytes, int]:
    """Raw deflate of prefix + block*times + suffix (and its length) without inflating it."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(prefix) + packer.flush(zlib.Z_FULL_FLUSH)
    body = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    if again != body:  # the trick needs a block that compresses the same every time
        raise AssertionError("deflate blocks differ after a full flush")
    tail = packer.compress(suffix) + packer.flush()
    return head + body * times + tail, len(prefix) + len(block) * times + len(suffix)


def _crc_repeated(prefix: bytes, block: bytes, times: int, suffix: bytes) -> int:
    crc = zlib.crc32(prefix)
    for _ in range(times):
        crc = zlib.crc32(block, crc)
    return zlib.crc32(suffix, crc)


def _raw_zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A ZIP from (name, deflated bytes, declared inflated size, crc, method) without zipfile,
    so a bomb can declare the sizes it likes."""
    out = io.BytesIO()
    central = io.BytesIO()
    for name, data, size, crc, method in members:
        offset = out.tell()
        encoded = name.encode()
        fields = (20, 0, method, 0, 0, crc, len(data), size, len(encoded), 0)
        out.write(struct.pack("<4s5HIIIHH", b"PK\x03\x04", *fields) + encoded + data)
        central.write(
            struct.pack(
                "<4s6HIIIHHHHHII",
                b"PK\x01\x02",
                20,
                *fields[:9],
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    start, directory = out.tell(), central.getvalue()
    count = len(members)
    out.write(directory)
    out.write(struct.pack("<4s4HIIH", b"PK\x05\x06", 0, 0, count, count, len(directory), start, 0))
    return out.getvalue()


def _with(replaced: dict[str, tuple[bytes, int, int]]) -> bytes:
    """The template with some members replaced by (deflated, declared size, crc)."""
    members = []
    for name, text in template_members().items():
        if name in replaced:
            members.append((name, *replaced.pop(name), zipfile.ZIP_DEFLATED))
        else:
            packed = zlib.compressobj(6, zlib.DEFLATED, -15)
            data = packed.compress(text) + packed.flush()
            members.append((name, data, len(text), zlib.crc32(text), zipfile.ZIP_DEFLATED))
    for name, (data, size, crc) in replaced.items():
        members.append((name, data, size, crc, zipfile.ZIP_DEFLATED))
    return _raw_zip(members)


def _repeated_member(
    prefix: bytes, block: bytes, times: int, suffix: bytes, *, declared: int | None = None
) -> tuple[bytes, int, int]:
    data, size = _deflate_repeated(prefix, block, times, suffix)
    return data, size if declared is None else declared, _crc_repeated(prefix, block, times, suffix)


def huge_shared_string() -> bytes:
    """The review's file: one 1.5 GB shared string in a ~1.5 MB workbook."""
    prefix = f'<?xml version="1.0"?><sst {_NS} count="1" uniqueCount="1"><si><t>'.encode()
    member = _repeated_member(prefix, b"A" * MiB, 1536, b"</t></si></sst>")
    return _with({"xl/sharedStrings.xml": member})


def huge_shared_string_small_sizes() -> bytes:
    """The same string with the ZIP directory claiming 100 KB: the sizes are a lie."""
    prefix = f'<?xml version="1.0"?><sst {_NS} count="1" uniqueCount="1"><si><t>'.encode()
    member = _repeated_member(prefix, b"A" * MiB, 1536, b"</t></si></sst>", declared=100_000)
    return _with({"xl/sharedStrings.xml": member})


def huge_sheet() -> bytes:
    """A worksheet of 1 GB of rows (about 27 million cells)."""
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c>' + b'<c t="n"><v>1</v></c>' * 40 + b"</row>"
    block = row * (MiB // len(row))
    prefix = f'<?xml version="1.0"?><worksheet {_NS}><sheetData>'.encode()
    member = _repeated_member(prefix, block, 1024, b"</sheetData></worksheet>")
    return _with({"xl/worksheets/sheet1.xml": member})


def many_cells() -> bytes:
    """A worksheet within every size limit holding 2.5 million cells (each its own string)."""
    cells = b"".join(b'<c t="str"><v>%05d</v></c>' % i for i in range(250))
    rows = b"".join(b'<row r="%d">' % (r + 1) + cells + b"</row>" for r in range(10_000))
    text = f'<?xml version="1.0"?><worksheet {_NS}><sheetData>'.encode()
    text += rows + b"</sheetData></worksheet>"
    packer = zlib.compressobj(1, zlib.DEFLATED, -15)
    data = packer.compress(text) + packer.flush()
    return _with({"xl/worksheets/sheet1.xml": (data, len(text), zlib.crc32(text))})


def deep_xml() -> bytes:
    """A worksheet whose XML nests 100,000 elements deep (under a megabyte inflated)."""
    depth = 100_000
    text = f'<?xml version="1.0"?><worksheet {_NS}><sheetData>'.encode()
    text += b"<a>" * depth + b"</a>" * depth + b"</sheetData></worksheet>"
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    data = packer.compress(text) + packer.flush()
    return _with({"xl/worksheets/sheet1.xml": (data, len(text), zlib.crc32(text))})


def many_members() -> bytes:
    """A workbook with 60,000 extra members (each empty; the most a ZIP without ZIP64 lists)."""
    extra = {f"xl/media/part{i}.bin": (b"\x03\x00", 0, 0) for i in range(60_000)}
    return _with(extra)


def entity_expansion() -> bytes:
    """'Billion laughs': nested XML entities in the shared strings."""
    lines = ['<!DOCTYPE sst [<!ENTITY a0 "ha">']
    lines += [f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)]
    text = (
        '<?xml version="1.0"?>' + "".join(lines) + "]>"
        f'<sst {_NS} count="1" uniqueCount="1"><si><t>&a9;</t></si></sst>'
    ).encode()
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    data = packer.compress(text) + packer.flush()
    return _with({"xl/sharedStrings.xml": (data, len(text), zlib.crc32(text))})


# name -> (maker, a word the refusal must hold)
BOMBS: dict[str, tuple[Callable[[], bytes], str]] = {
    "huge-shared-string": (huge_shared_string, "MB"),
    "huge-shared-string-small-sizes": (huge_shared_string_small_sizes, "damaged"),
    "huge-sheet": (huge_sheet, "MB"),
    "many-cells": (many_cells, "cells"),
    "deep-xml": (deep_xml, "deep"),
    "many-members": (many_members, "parts"),
    "entity-expansion": (entity_expansion, "entit"),
}


def genuine(rows: int = 50_000) -> bytes:
    """A genuine client list at the import's row limit (20 columns), for comparison."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(
        ["Family name", "Given name", "A-number", "Date of birth"]
        + [f"Note {i}" for i in range(16)]
    )
    for r in range(rows):
        sheet.append(
            [f"Lopez{r}", "Maria", f"A{r:09d}", "1990-03-14"]
            + [f"v{r % 97}-{i}" for i in range(16)]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main() -> None:
    """Time each refusal, and the check and whole read of a genuine 50,000-row workbook
    (``python -m bench.xlsx_bombs``, run by ``make bench``); printed, never asserted."""
    import time  # noqa: PLC0415

    from clinic.domain.importing.sheet import ImportFileError, read_sheet  # noqa: PLC0415
    from clinic.domain.importing.workbook_guard import check_workbook  # noqa: PLC0415

    print(
        "xlsx import: hostile workbooks (issue 16 § 5); peak memory: tests/domain/test_xlsx_bombs.py"
    )
    for name, (make, _) in BOMBS.items():
        data = make()
        started = time.perf_counter()
        try:
            read_sheet(data, file_name=f"{name}.xlsx")
            outcome = "read (!)"
        except ImportFileError as exc:
            outcome = str(exc)[:60]
        took = time.perf_counter() - started
        print(f"  {name:32} {len(data) / MiB:6.2f} MB  {took:6.2f} s  {outcome}")
    data = genuine()
    started = time.perf_counter()
    check_workbook(data)
    checked = time.perf_counter() - started
    started = time.perf_counter()
    read_sheet(data, file_name="genuine.xlsx")
    whole = time.perf_counter() - started
    print(
        f"  genuine 50,000 rows x 20 columns {len(data) / MiB:6.2f} MB: the check {checked:.2f} s "
        f"of the whole read {whole:.2f} s"
    )


if __name__ == "__main__":
    main()
