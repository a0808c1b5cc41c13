"""A one-sheet .xlsx workbook built entirely in memory.

openpyxl (even in write-only mode) writes each worksheet's XML to a temporary file before
zipping it, which would put client names on disk in the clear outside the file the user chose;
so the few parts of a plain SpreadsheetML package are written here, straight into an in-memory
ZIP. Text is stored as inline strings (never as formulas: a name starting with "=" stays text),
dates as real dates (yyyy-mm-dd), numbers as numbers. The tests read the result back with openpyxl.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date
from xml.sax.saxutils import escape

Value = str | int | date | None

_EXCEL_EPOCH = date(1899, 12, 30)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>"""
_ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_PKG_REL}">
<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
_WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{_PKG_REL}">
<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>
</Relationships>"""
# Style 0: default; 1: bold (the header row); 2: a date shown as yyyy-mm-dd.
_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{_NS}">
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


_COLUMNS = [_column(i) for i in range(702)]  # A .. ZZ
_BATCH = 500


def _cell(ref: str, value: Value, bold: bool = False) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        value = "yes" if value else "no"
    if isinstance(value, date):
        return f'<c r="{ref}" s="2"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = escape(_NOT_XML.sub("", value))
    style = ' s="1"' if bold else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _row(number: int, values: Sequence[Value], *, bold: bool) -> str:
    cells = "".join(_cell(f"{_COLUMNS[i]}{number}", v, bold) for i, v in enumerate(values))
    return f'<row r="{number}">{cells}</row>'


def render_xlsx(
    headers: Sequence[str], rows: Iterable[Sequence[Value]], *, sheet_title: str = "Sheet1"
) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", _STYLES)
        title = escape(re.sub(r"[\[\]:*?/\\]", " ", sheet_title)[:31] or "Sheet1", {'"': "&quot;"})
        archive.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_NS}" '
            f'xmlns:r="{_REL}"><sheets><sheet name="{title}" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>",
        )
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_NS}">'
                '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
                'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>'.encode()
            )
            header: list[Value] = list(headers)
            batch = [_row(1, header, bold=True)]
            for number, values in enumerate(rows, start=2):
                batch.append(_row(number, values, bold=False))
                if len(batch) >= _BATCH:  # one compressed write per batch, not per row
                    sheet.write("".join(batch).encode())
                    batch.clear()
            sheet.write("".join(batch).encode())
            sheet.write(b"</sheetData></worksheet>")
    return buffer.getvalue()
