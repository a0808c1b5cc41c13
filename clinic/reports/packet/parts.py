"""Splitting a packet into parts under the size limit: an over-large unit cut into runs of pages
that fit, and a part assembled and measured (trailing units that push it over come back)."""

from __future__ import annotations

from collections.abc import Callable

from pypdf import PdfWriter

from clinic.reports.packet.model import PacketError
from clinic.reports.packet.units import Unit, write_pdf

# Room left in every part for what merging adds (outline, page tree, trailer).
PART_SLACK = 64 * 1024


def split_unit(unit: Unit, limit: int, label: Callable[[int], str]) -> list[Unit]:
    """``unit`` itself, or (when it alone is over the part size ``limit``) runs of its pages
    that fit; ``label`` names a packet page in an error."""
    budget = limit - PART_SLACK
    if unit.size <= budget:
        return [unit]
    source = unit.pages()
    total = len(source)
    out: list[Unit] = []
    start = 0
    per_page = max(1, unit.size // total)
    while start < total:
        count = max(1, min(total - start, budget // per_page))
        while True:
            writer = PdfWriter()
            for page in source[start : start + count]:
                writer.add_page(page)
            size = len(write_pdf(writer))
            if size <= budget:
                break
            if count == 1:
                raise PacketError(
                    f"page {label(unit.first_page + start)} alone is larger than the "
                    "part size limit; raise the limit (--max-part-mb) and build again"
                )
            count = max(1, count * 3 // 4)
        marks = [(t, o - start, c) for t, o, c in unit.marks if start <= o < start + count]
        if start and not any(o == 0 for _, o, _ in marks) and unit.marks:
            marks.insert(0, (unit.marks[0][0] + " (continued)", 0, False))
        out.append(
            Unit(
                writer,
                size,
                unit.first_page + start,
                unit.first_page + start + count - 1,
                unit.exhibit,
                marks,
            )
        )
        start += count
    return out


def assemble(units: list[Unit]) -> bytes:
    """One part: the units' pages, with their outline entries."""
    writer = PdfWriter()
    parent = None
    for unit in units:
        offset = len(writer.pages)
        for page in unit.pages():
            writer.add_page(page)
        for title, page_offset, child in unit.marks:
            item = writer.add_outline_item(
                title=title, page_number=offset + page_offset, parent=parent if child else None
            )
            if not child:
                parent = item
    return write_pdf(writer)


def fit(units: list[Unit], limit: int) -> tuple[bytes, list[Unit]]:
    """The part's bytes, measured; trailing units that pushed it over the limit come back."""
    carry: list[Unit] = []
    kept = list(units)
    while True:
        data = assemble(kept)
        if len(data) <= limit or len(kept) == 1:
            if len(data) > limit:
                raise PacketError(
                    "an exhibit does not fit under the part size limit even alone; raise the "
                    "limit and build again"
                )
            return data, carry
        carry.insert(0, kept.pop())
