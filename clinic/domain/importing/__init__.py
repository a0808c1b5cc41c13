"""Spreadsheet import, the pure part: bytes in, rows with their spreadsheet row numbers out.

``sheet`` decodes CSV (any encoding and delimiter Excel writes) and XLSX into a `Sheet`;
``headers`` maps column headers to Clinic's fields (synonyms are data, in
``resources/import/headers.toml``); ``dates`` reads dates and settles day/month order per file;
``rows`` turns one row into drafts or plain-words reasons. Services do the database part.
"""

from clinic.domain.importing.sheet import ImportFileError, Sheet, SheetRow, read_sheet

__all__ = ["ImportFileError", "Sheet", "SheetRow", "read_sheet"]
