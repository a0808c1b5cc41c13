"""A workbook (.xlsx) is untrusted: its ZIP directory and XML are checked before openpyxl sees it.

A 1.5 MB file can inflate into gigabytes (one huge shared string, a huge sheet), or nest XML so
deep, or list so many parts or cells, that parsing it naively takes gigabytes of memory or
minutes. :func:`check_workbook` refuses such a file with a plain reason, in bounded memory:

1. the ZIP's end record and central directory: at most ``MAX_MEMBERS`` parts and a directory of
   at most ``MAX_DIRECTORY_BYTES`` (read before :mod:`zipfile` builds its list of parts);
2. every part's declared sizes: at most ``MAX_MEMBER_BYTES`` inflated, ``MAX_INFLATED_BYTES``
   together, and no part over 1 MiB inflated that is more than ``MAX_RATIO`` times its
   compressed size; only stored or deflated parts;
3. every part inflated in 64 KiB pieces, counting the bytes (never more than declared: a ZIP
   that understates a size is refused as damaged) and feeding XML parts to a streaming expat
   parser that keeps no tree: no DOCTYPE or entities, nesting at most ``MAX_DEPTH``, and in the
   shared strings and worksheets no text over ``MAX_TEXT_CHARS`` characters, at most
   ``MAX_CELLS`` cells and ``MAX_STRING_CHARS`` characters of text in all.

Only then does openpyxl read the same bytes (in read-only, streaming mode).
"""

from __future__ import annotations

import io
import struct
import zipfile
from xml.parsers import expat

MiB = 1024 * 1024
MAX_MEMBERS = 1_000
MAX_DIRECTORY_BYTES = 1 * MiB
MAX_MEMBER_BYTES = 100 * MiB
MAX_INFLATED_BYTES = 200 * MiB
MAX_RATIO = 100
RATIO_FROM_BYTES = 1 * MiB
MAX_DEPTH = 64
MAX_TEXT_CHARS = 100_000  # the cell limit of the import (sheet.MAX_CELL_CHARS)
MAX_CELLS = 2_000_000
MAX_STRING_CHARS = 32_000_000
_PIECE = 64 * 1024
_EOCD = b"PK\x05\x06"
_SAVE_AGAIN = "Open it in the spreadsheet, save it again as .xlsx or CSV, and try again."


class UnsafeWorkbook(ValueError):
    """The workbook is refused; the message says why and what to do."""


def check_workbook(data: bytes) -> None:
    """Raise :class:`UnsafeWorkbook` unless ``data`` is a workbook safe to parse."""
    _check_directory_record(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError) as exc:
        raise UnsafeWorkbook(
            f"This .xlsx workbook cannot be opened ({type(exc).__name__}). {_SAVE_AGAIN}"
        ) from None
    with archive:
        infos = archive.infolist()
        _check_declared(infos)
        counter = _Counter()
        for info in infos:
            _inflate(archive, info, counter)


def _check_directory_record(data: bytes) -> None:
    at = data.rfind(_EOCD, max(0, len(data) - 22 - 65_535))
    if at < 0 or len(data) - at < 22:
        raise UnsafeWorkbook(f"This .xlsx workbook is damaged (no ZIP directory). {_SAVE_AGAIN}")
    _, _, _, here, total, size, _, _ = struct.unpack("<4s4HIIH", data[at : at + 22])
    if max(here, total) > MAX_MEMBERS:
        raise UnsafeWorkbook(_too_many_parts(max(here, total)))
    if size > MAX_DIRECTORY_BYTES:
        raise UnsafeWorkbook(
            f"This .xlsx workbook lists more parts than a spreadsheet has (its directory is "
            f"{size // 1024} KB). {_SAVE_AGAIN}"
        )


def _too_many_parts(count: int) -> str:
    return (
        f"This .xlsx workbook has {count} parts, more than {MAX_MEMBERS}; a spreadsheet has a "
        f"few dozen. {_SAVE_AGAIN}"
    )


def _check_declared(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise UnsafeWorkbook(_too_many_parts(len(infos)))
    total = 0
    for info in infos:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnsafeWorkbook(
                f"This .xlsx workbook uses a compression spreadsheets do not use. {_SAVE_AGAIN}"
            )
        size = info.file_size
        if size > MAX_MEMBER_BYTES:
            raise UnsafeWorkbook(_too_big(size, MAX_MEMBER_BYTES, info.filename))
        if size > RATIO_FROM_BYTES and size > MAX_RATIO * max(info.compress_size, 1):
            raise UnsafeWorkbook(
                f"This .xlsx workbook would unpack to {size // MiB} MB from "
                f"{max(info.compress_size, 1) // 1024} KB (more than {MAX_RATIO} times): that "
                f"is not a client list. {_SAVE_AGAIN}"
            )
        total += size
        if total > MAX_INFLATED_BYTES:
            raise UnsafeWorkbook(_too_big(total, MAX_INFLATED_BYTES))


def _too_big(size: int, limit: int, part: str = "") -> str:
    what = f"its part {part}" if part else "it"
    return (
        f"This .xlsx workbook is refused: {what} unpacks to {size // MiB} MB, more than "
        f"{limit // MiB} MB. Split it into smaller files, or save the client list as CSV, "
        "and try again."
    )


class _Counter:
    def __init__(self) -> None:
        self.inflated = 0
        self.cells = 0
        self.string_chars = 0


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, counter: _Counter) -> None:
    name = info.filename
    scan = _XmlScan(name, counter) if name.endswith((".xml", ".rels")) else None
    read = 0
    try:
        with archive.open(info) as member:
            while piece := member.read(_PIECE):
                read += len(piece)
                counter.inflated += len(piece)
                if read > info.file_size:
                    raise zipfile.BadZipFile("more bytes than declared")
                if counter.inflated > MAX_INFLATED_BYTES:
                    raise UnsafeWorkbook(_too_big(counter.inflated, MAX_INFLATED_BYTES))
                if scan is not None:
                    scan.feed(piece)
        if read != info.file_size:
            raise zipfile.BadZipFile("size differs")
        if scan is not None:
            scan.close()
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        if isinstance(exc, UnsafeWorkbook):
            raise
        raise UnsafeWorkbook(
            f"This .xlsx workbook is damaged (its part {name} is not what its directory says). "
            f"{_SAVE_AGAIN}"
        ) from None


class _XmlScan:
    """A streaming pass over one XML part that keeps counts, never the document."""

    def __init__(self, name: str, counter: _Counter) -> None:
        self.name = name
        self.counter = counter
        self.cells_part = name.startswith("xl/worksheets/") or name == "xl/sharedStrings.xml"
        self.depth = 0
        self.text = 0
        self.parser = expat.ParserCreate()
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.parser.EntityDeclHandler = self._entity
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._characters
        self.parser.buffer_text = True

    def feed(self, piece: bytes) -> None:
        try:
            self.parser.Parse(piece, False)
        except expat.ExpatError:
            raise self._damaged() from None

    def close(self) -> None:
        try:
            self.parser.Parse(b"", True)
        except expat.ExpatError:
            raise self._damaged() from None

    def _damaged(self) -> UnsafeWorkbook:
        return UnsafeWorkbook(
            f"This .xlsx workbook is damaged (its part {self.name} is not well-formed XML). "
            f"{_SAVE_AGAIN}"
        )

    def _doctype(self, *_: object) -> None:
        raise UnsafeWorkbook(
            f"This .xlsx workbook declares XML entities ({self.name}), which spreadsheets never "
            f"write; it may be built to exhaust memory. {_SAVE_AGAIN}"
        )

    _entity = _doctype

    def _start(self, tag: str, _attributes: object) -> None:
        self.depth += 1
        self.text = 0
        if self.depth > MAX_DEPTH:
            raise UnsafeWorkbook(
                f"This .xlsx workbook's XML ({self.name}) nests more than {MAX_DEPTH} levels deep; "
                f"a spreadsheet never does. {_SAVE_AGAIN}"
            )
        if self.cells_part and (tag in ("c", "si") or tag.endswith((":c", ":si"))):
            self.counter.cells += 1
            if self.counter.cells > MAX_CELLS:
                raise UnsafeWorkbook(
                    f"This .xlsx workbook has more than {MAX_CELLS:,} cells; split it into "
                    "smaller files, or save only the client list as CSV, and try again."
                )

    def _end(self, _tag: str) -> None:
        self.depth -= 1
        self.text = 0

    def _characters(self, text: str) -> None:
        if not self.cells_part:
            return
        self.text += len(text)
        self.counter.string_chars += len(text)
        if self.text > MAX_TEXT_CHARS:
            raise UnsafeWorkbook(
                f"This .xlsx workbook has a cell longer than {MAX_TEXT_CHARS:,} characters; "
                "this is not a client list. Check the file, split it, and try again."
            )
        if self.counter.string_chars > MAX_STRING_CHARS:
            raise UnsafeWorkbook(
                f"This .xlsx workbook holds more than {MAX_STRING_CHARS // 1_000_000} million "
                "characters of text; split it into smaller files and try again."
            )
