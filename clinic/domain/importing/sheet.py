"""Reading a spreadsheet file into rows, numbered as the spreadsheet program shows them.

Files arrive as Excel and its cousins really write them: CSV in UTF-8 with or without a byte
order mark, UTF-16 ("Unicode text"), or Windows-1252 ("CSV" on a Windows laptop); separated by
commas, semicolons (European locales) or tabs; with line breaks inside quoted cells and empty
rows at the end; or an .xlsx workbook. Everything here works on bytes in memory: nothing is
written to disk.

Row numbers are what the user sees in the spreadsheet's row headers: the first record is row
1 (normally the header). A cell holding a line break is still one row, so records are counted,
not physical lines of the file. Blank rows are skipped but still counted, so a reason given for
"row 7" points at row 7 in Excel.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time

from clinic.domain.importing.workbook_guard import MAX_TEXT_CHARS, UnsafeWorkbook, check_workbook

Cell = str | date | time  # CSV cells are text; workbook cells may be dates and times

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = MAX_TEXT_CHARS
DELIMITERS = (",", ";", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_QUOTED = re.compile(r'"[^"]*"')
_TITLE_ROWS = 5  # title lines above the header row that are passed over


class ImportFileError(ValueError):
    """The file as a whole cannot be read; nothing was imported. The message says what to do."""


@dataclass(frozen=True)
class SheetRow:
    line: int  # the row number shown by the spreadsheet program (header = 1)
    cells: tuple[Cell, ...]  # padded to the header's width
    extra_cells: int = 0  # non-empty cells beyond the header's last column


@dataclass(frozen=True)
class Sheet:
    header: tuple[str, ...]
    header_line: int
    rows: tuple[SheetRow, ...]  # non-blank rows after the header, in file order
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "cp1252", or "xlsx"
    delimiter: str  # "" for a workbook

    def preview(self, count: int = 5) -> tuple[SheetRow, ...]:
        return self.rows[:count]


def read_sheet(data: bytes, *, file_name: str = "") -> Sheet:
    """Decode ``data`` (CSV or XLSX) or raise `ImportFileError` saying why it cannot be read."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB; split it into smaller files."
        )
    if not data.strip():
        raise ImportFileError("The file is empty.")
    if data.startswith(_ZIP_MAGIC) or file_name.lower().endswith((".xlsx", ".xlsm")):
        return _from_records(_workbook_records(data), encoding="xlsx", delimiter="")
    text, encoding = decode_text(data)
    delimiter = sniff_delimiter(text)
    return _from_records(_csv_records(text, delimiter), encoding=encoding, delimiter=delimiter)


def decode_text(data: bytes) -> tuple[str, str]:
    """The file's text and the encoding it was read with.

    A byte order mark decides; otherwise UTF-16 without a mark is recognised by its zero
    bytes, then strict UTF-8 is tried (it almost never decodes text written in another
    encoding), then Windows-1252, which is what Excel on Windows calls plain "CSV".
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data, encoding), encoding
    unmarked_utf16 = _unmarked_utf16(data)
    if unmarked_utf16 is not None:
        return _decode(data, unmarked_utf16), unmarked_utf16
    for encoding in ("utf-8", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _checked_text(text), encoding
    raise ImportFileError(
        "The file's characters cannot be read (neither UTF-8 nor Windows-1252). "
        "Save it from the spreadsheet as 'CSV UTF-8' and try again."
    )


def _unmarked_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > half * 0.6 and even_zeros == 0:
        return "utf-16-le"
    if even_zeros > half * 0.6 and odd_zeros == 0:
        return "utf-16-be"
    return None


def _decode(data: bytes, encoding: str) -> str:
    try:
        return _checked_text(data.decode(encoding))
    except UnicodeDecodeError:
        raise ImportFileError(
            f"The file says it is {encoding.upper()} but holds characters that are not. "
            "Save it again from the spreadsheet as 'CSV UTF-8'."
        ) from None


def _checked_text(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise ImportFileError(
            "This does not look like a spreadsheet saved as CSV or .xlsx (it holds binary data)."
        )
    return text


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one the header row uses most.

    Counting in the header (outside quotes) is reliable because headers hold no numbers with
    decimal commas and no free text; csv.Sniffer, which looks at many lines, settles ties.
    """
    header = _QUOTED.sub("", _first_line(text))
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts.values())
    winners = [d for d, n in counts.items() if n == best]
    if best > 0 and len(winners) == 1:
        return winners[0]
    try:
        sniffed = csv.Sniffer().sniff(text[:65536], delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        return ","
    return sniffed if sniffed in DELIMITERS else ","


def _csv_records(text: str, delimiter: str) -> list[tuple[int, tuple[Cell, ...]]]:
    """Every record with its row number; a quoted line break stays inside its cell."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[tuple[int, tuple[Cell, ...]]] = []
    line = 0
    try:
        for line, cells in enumerate(reader, start=1):
            if line > MAX_ROWS + 1:
                raise ImportFileError(
                    f"The file has more than {MAX_ROWS} rows; split it into smaller files."
                )
            records.append((line, tuple(cells)))
    except csv.Error as exc:
        raise ImportFileError(
            f"Row {line + 1} cannot be read as CSV ({exc}). Check its quotes, then try again."
        ) from None
    return records


def _workbook_records(data: bytes) -> list[tuple[int, tuple[Cell, ...]]]:
    # Imported here: openpyxl costs 0.14 s and 8 MB at every start-up of the window otherwise.
    import openpyxl  # type: ignore[import-untyped]  # noqa: PLC0415

    try:  # untrusted: sizes, ratios, XML depth and counts checked while streaming, first
        check_workbook(data)
    except UnsafeWorkbook as exc:
        raise ImportFileError(str(exc)) from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
        raise ImportFileError(
            f"This .xlsx workbook cannot be opened ({type(exc).__name__}). Open it in the "
            "spreadsheet, save it again as .xlsx or CSV, and try again."
        ) from None
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise ImportFileError(
            f"This .xlsx workbook cannot be read ({type(exc).__name__}). Save it again as "
            ".xlsx or CSV and try again."
        ) from None
    try:
        sheet = book.worksheets[0]
        records: list[tuple[int, tuple[Cell, ...]]] = []
        for row in sheet.iter_rows():
            cells = tuple(row)
            line = next((c.row for c in cells if getattr(c, "row", None)), None)
            if line is None:
                continue  # an empty row: nothing to read, and its number is not needed
            if line > MAX_ROWS + 1:
                raise ImportFileError(
                    f"The workbook has more than {MAX_ROWS} rows; split it into smaller files."
                )
            records.append((int(line), tuple(_workbook_cell(c.value) for c in cells)))
        return records
    except ImportFileError:
        raise
    except Exception as exc:  # damaged sheet XML surfaces while iterating
        raise ImportFileError(
            f"This .xlsx workbook cannot be read ({type(exc).__name__}). Save it again as "
            ".xlsx or CSV and try again."
        ) from None
    finally:
        book.close()


def _workbook_cell(value: object) -> Cell:  # noqa: PLR0911
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.date() == date(1899, 12, 30):
            return value.time()
        # a date cell with a time of day ("3/14/2027 9:30") keeps it: a hearing takes its time
        # from there when the row has no hearing time
        return value.replace(tzinfo=None) if value.time() != time(0) else value.date()
    if isinstance(value, date | time):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # A-numbers typed as numbers come back as floats or ints
    return str(value)


def _blank(cells: tuple[Cell, ...]) -> bool:
    return all(isinstance(c, str) and not c.strip() for c in cells)


def _from_records(
    records: list[tuple[int, tuple[Cell, ...]]], *, encoding: str, delimiter: str
) -> Sheet:
    filled = [(line, cells) for line, cells in records if not _blank(cells)]
    if not filled:
        raise ImportFileError("The file has no rows: not even a header row.")
    start = _header_index(filled)
    header_line, header_cells = filled[start]
    header = _header(header_cells)
    width = len(header)
    rows: list[SheetRow] = []
    for line, cells in filled[start + 1 :]:
        if any(isinstance(c, str) and len(c) > MAX_CELL_CHARS for c in cells):
            raise ImportFileError(
                f"Row {line} has a cell longer than {MAX_CELL_CHARS} characters; "
                "this is not a client list. Check the file."
            )
        extra = sum(1 for c in cells[width:] if not (isinstance(c, str) and not c.strip()))
        padded = (*cells[:width], *("",) * (width - len(cells)))
        rows.append(SheetRow(line, padded, extra))
    return Sheet(header, header_line, tuple(rows), encoding, delimiter)


def _filled_cells(cells: tuple[Cell, ...]) -> int:
    return sum(1 for c in cells if not (isinstance(c, str) and not c.strip()))


def _header_index(filled: list[tuple[int, tuple[Cell, ...]]]) -> int:
    """Which of the first non-blank rows is the header: a title typed above the table ("Client
    list 2026", one cell) is passed over when a row with several cells follows it; a one-column
    file keeps its first row."""
    for index, (_, cells) in enumerate(filled[: _TITLE_ROWS + 1]):
        if _filled_cells(cells) > 1:
            return index if all(isinstance(c, str) for c in cells) else 0
    return 0


def _header(cells: tuple[Cell, ...]) -> tuple[str, ...]:
    names = [c.isoformat() if not isinstance(c, str) else " ".join(c.split()) for c in cells]
    while names and not names[-1]:
        names.pop()  # Excel leaves empty cells after the last column
    if len(names) > MAX_COLUMNS:
        raise ImportFileError(
            f"The header row has {len(names)} columns, more than {MAX_COLUMNS}; "
            "is the first row really the header?"
        )
    return tuple(names)
