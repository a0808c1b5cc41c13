"""The blank form read once per process (issue 23, "under 1 s").

Reading the blank I-589 with pypdf is most of the cost of filling it: some 4,000 objects, each
decrypted (the uscis.gov file carries an owner password), parsed and looked at for its field
name. The clinic fills the same stored blank case after case, so each blank is read once, by the
SHA-256 of its bytes, and every fill clones the parsed document (a copy of the objects, not a
new parse): the filled form is the same as from a fresh read. A few blanks are kept; cloning is
serialised, as a pypdf reader is not meant to be shared between threads while it reads.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError

from clinic.reports.i589.edition import field_names, footer_of

KEPT = 2  # blanks kept parsed: the stored one, and one being tried


class FormFileProblem(Exception):
    """The file given as the blank form cannot be filled; ``kind`` says why."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(detail or kind)
        self.kind = kind  # not_pdf | password | no_fields | not_i589 | damaged
        self.detail = detail


@dataclass(frozen=True)
class ParsedBlank:
    reader: PdfReader
    footer: str | None  # page 1's "Form I-589 (Rev. MM/DD/YY)", or None
    names: frozenset[str]  # every field's full name


_kept: OrderedDict[str, ParsedBlank] = OrderedDict()
_lock = threading.Lock()


def _read(blank: bytes) -> ParsedBlank:
    try:
        reader = PdfReader(io.BytesIO(blank), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FormFileProblem("password")
        _ = len(reader.pages)
        return ParsedBlank(reader, footer_of(reader), field_names(reader))
    except FormFileProblem:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise FormFileProblem("not_pdf", str(exc)) from None


def parsed_blank(blank: bytes) -> ParsedBlank:
    """``blank`` read (or found read already); FormFileProblem when it cannot be."""
    digest = hashlib.sha256(blank).hexdigest()
    with _lock:
        found = _kept.get(digest)
        if found is not None:
            _kept.move_to_end(digest)
            return found
    parsed = _read(blank)
    with _lock:
        _kept[digest] = parsed
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return parsed


def writable_copy(parsed: ParsedBlank) -> PdfWriter:
    """A new document to fill, cloned from the parsed blank (which stays as it was)."""
    with _lock:
        return PdfWriter(clone_from=parsed.reader)


def read_ahead(blank: bytes) -> None:
    """``blank`` read and cloned once, so that the next fill finds every object parsed (the
    window does this on a background thread when its I-589 tab is first shown). What is wrong
    with the file is left for the fill to report."""
    try:
        writable_copy(parsed_blank(blank))  # the clone parses what reading the fields did not
    except FormFileProblem:
        return


def is_kept(digest: str) -> bool:
    """Whether the blank with this SHA-256 is read already."""
    with _lock:
        return digest in _kept


def forget() -> None:
    """Every parsed blank dropped (the benchmark measures a first fill with this)."""
    with _lock:
        _kept.clear()
