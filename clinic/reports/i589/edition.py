"""Which edition of the I-589 a PDF is: its footer and its field set.

The footer "Form I-589 (Rev. MM/DD/YY)" is read from page 1's text; the field set is every
AcroForm field that has a type, by full name. An edition is known only when both match one field
map: a known footer over a different set of fields (a form edited, or re-issued under the same
date) counts as unknown. An unknown edition is filled through the known map that shares the most
field names with it, only where the names match.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pypdf import PdfReader

from clinic.domain.i589_map import FormMap

FOOTER = re.compile(r"Form\s+I-589\s+\(Rev\.\s*(\d{2}/\d{2}/\d{2})\)")


@dataclass(frozen=True)
class Recognised:
    footer: str | None  # the footer as found on page 1, or None
    known: FormMap | None  # the map whose footer and field set both match
    closest: FormMap | None  # otherwise the map sharing the most field names (None: none shared)
    field_names: frozenset[str]

    @property
    def map(self) -> FormMap | None:
        return self.known or self.closest


def field_names(reader: PdfReader) -> frozenset[str]:
    fields = reader.get_fields() or {}
    return frozenset(name for name, value in fields.items() if "/FT" in value)


def names_digest(names: frozenset[str]) -> str:
    return hashlib.sha256("\n".join(sorted(names)).encode()).hexdigest()


def footer_of(reader: PdfReader) -> str | None:
    if not reader.pages:
        return None
    match = FOOTER.search(reader.pages[0].extract_text() or "")
    return f"Form I-589 (Rev. {match.group(1)})" if match else None


def recognise(reader: PdfReader, maps: Sequence[FormMap]) -> Recognised:
    return recognise_parts(footer_of(reader), field_names(reader), maps)


def recognise_parts(
    footer: str | None, names: frozenset[str], maps: Sequence[FormMap]
) -> Recognised:
    """The edition from page 1's footer and the field names, as read already."""
    digest = names_digest(names)
    for form_map in maps:
        if form_map.footer == footer and form_map.field_names_sha256 == digest:
            return Recognised(footer, form_map, None, names)
    shared = [(len(names & {f.name for f in m.fields}), m) for m in maps]
    best = max(shared, key=lambda pair: pair[0], default=(0, None))
    return Recognised(footer, None, best[1] if best[0] else None, names)
