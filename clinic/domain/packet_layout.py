"""Exhibit packet layout: tab labels, page numbers and page ranges, and part splitting decisions.

Pure: the PDF builder counts the pages of every rendered piece and asks this module where each
piece starts; nothing here knows about PDF files. The index of exhibits sits between the cover
and the first exhibit, so its own length moves every later number: :func:`stable_layout`
re-asks the index's length until it stops changing.

Page order of a packet::

    cover page(s) | index page(s) | per exhibit: tab page, document pages, translation
    certificate page(s) | certificate of service page(s)

Every page is numbered, consecutively from 1, across all parts. An exhibit's range in the index
runs from its first document page (after the tab) to its last page, translation certificate
included; the tab page carries the number just before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

DEFAULT_MAX_PART_MB = 25
MIN_PART_MB = 1
MAX_PART_MB = 1000
BATES_MAX = 12
_BATES_RE = re.compile(r"[A-Za-z0-9_\-]*")
BATES_DIGITS = 6


class TabStyle(StrEnum):
    LETTERS = "letters"  # A, B, … Z, AA, AB, …
    NUMBERS = "numbers"  # 1, 2, 3, …


def tab_label(index: int, style: TabStyle) -> str:
    """The tab label of the ``index``-th exhibit (0-based)."""
    if index < 0:
        raise ValueError("exhibit index must not be negative")
    if style is TabStyle.NUMBERS:
        return str(index + 1)
    letters = ""
    n = index + 1
    while n > 0:  # bijective base 26: A..Z, AA..AZ, BA..
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def valid_bates_prefix(prefix: str) -> bool:
    """A Bates prefix is short, plain ASCII letters, digits, ``-`` and ``_`` (printed on every
    page in a built-in PDF font)."""
    return len(prefix) <= BATES_MAX and _BATES_RE.fullmatch(prefix) is not None


def page_label(number: int, bates_prefix: str = "") -> str:
    """What is stamped on page ``number`` (1-based): ``7``, or ``SMITH000007`` with a prefix."""
    if number < 1:
        raise ValueError("page numbers start at 1")
    if bates_prefix:
        return f"{bates_prefix}{number:0{BATES_DIGITS}d}"
    return str(number)


def page_range_label(first: int, last: int, bates_prefix: str = "") -> str:
    if last < first:
        raise ValueError("a page range ends before it starts")
    if first == last:
        return page_label(first, bates_prefix)
    return f"{page_label(first, bates_prefix)}–{page_label(last, bates_prefix)}"


@dataclass(frozen=True)
class ExhibitPieces:
    """Page counts of one exhibit's rendered pieces (the tab is always one page)."""

    document_pages: int
    certificate_pages: int = 0

    def __post_init__(self) -> None:
        if self.document_pages < 1 or self.certificate_pages < 0:
            raise ValueError("an exhibit has at least one document page")


@dataclass(frozen=True)
class ExhibitPlacement:
    position: int  # 0-based, in packet order
    label: str
    tab_page: int
    first_page: int  # first document page
    last_page: int  # last page of the exhibit (certificate included)
    certificate_first: int | None  # first translation-certificate page, if any

    @property
    def pages(self) -> int:
        """Document and certificate pages (the index's range), without the tab."""
        return self.last_page - self.first_page + 1


@dataclass(frozen=True)
class PacketLayout:
    cover_pages: int
    index_pages: int
    exhibits: tuple[ExhibitPlacement, ...]
    service_first: int
    service_pages: int

    @property
    def index_first(self) -> int:
        return self.cover_pages + 1

    @property
    def total_pages(self) -> int:
        return self.service_first + self.service_pages - 1


def compute_layout(
    *,
    cover_pages: int,
    index_pages: int,
    exhibits: Sequence[ExhibitPieces],
    service_pages: int,
    style: TabStyle,
) -> PacketLayout:
    if cover_pages < 0 or index_pages < 1 or service_pages < 0:
        raise ValueError("page counts must not be negative, and the index has a page")
    page = cover_pages + index_pages + 1
    placed: list[ExhibitPlacement] = []
    for position, pieces in enumerate(exhibits):
        tab = page
        first = tab + 1
        last = first + pieces.document_pages + pieces.certificate_pages - 1
        certificate = first + pieces.document_pages if pieces.certificate_pages else None
        placed.append(
            ExhibitPlacement(position, tab_label(position, style), tab, first, last, certificate)
        )
        page = last + 1
    return PacketLayout(cover_pages, index_pages, tuple(placed), page, service_pages)


class LayoutUnstable(RuntimeError):
    """The index's length kept changing with its own page numbers (should never happen)."""


def stable_layout(
    *,
    cover_pages: int,
    exhibits: Sequence[ExhibitPieces],
    service_pages: int,
    style: TabStyle,
    index_pages_for: Callable[[PacketLayout], int],
    max_rounds: int = 12,
) -> PacketLayout:
    """Lay the packet out with an index whose length is its real length for those numbers:
    start from one index page, render the index with the resulting numbers, and repeat with the
    counted length until it no longer changes."""
    index_pages = 1
    seen: set[int] = set()
    for _ in range(max_rounds):
        layout = compute_layout(
            cover_pages=cover_pages,
            index_pages=index_pages,
            exhibits=exhibits,
            service_pages=service_pages,
            style=style,
        )
        counted = index_pages_for(layout)
        if counted == index_pages:
            return layout
        if counted in seen:  # oscillating: settle on the longer index, which then fits
            index_pages = max(counted, index_pages)
        else:
            seen.add(index_pages)
            index_pages = counted
        if index_pages < 1:
            raise LayoutUnstable("the index must have at least one page")
    raise LayoutUnstable("the index length did not settle")


# --- splitting into parts -------------------------------------------------------------------


class PartPacker:
    """Greedy packing of consecutive units (exhibits, or runs of pages of an exhibit too big for
    one part) into parts that each stay under ``limit`` bytes. Part 1 also carries
    ``first_reserve`` bytes (cover and index). Order never changes; a unit starts a new part
    exactly when adding it would pass the limit and the current part already holds something.
    A unit larger than ``limit`` goes alone into its own part, and :meth:`place` says so."""

    def __init__(self, limit: int, first_reserve: int = 0) -> None:
        if limit < 1 or first_reserve < 0:
            raise ValueError("the part size limit must be positive")
        self.limit = limit
        self.part = 1
        self.used = first_reserve
        self.units_in_part = 0

    def starts_new_part(self, size: int) -> bool:
        return self.used + size > self.limit and (self.units_in_part > 0 or self.used > 0)

    def place(self, size: int) -> tuple[int, bool]:
        """Put the next unit; returns (its part number, whether it is over the limit alone)."""
        if self.starts_new_part(size):
            self.new_part()
        self.used += size
        self.units_in_part += 1
        return self.part, size > self.limit

    def new_part(self, carried: Sequence[int] = ()) -> None:
        """Open the next part, already holding ``carried`` units (their sizes) moved over from
        the previous one after it was measured."""
        self.part += 1
        self.used = sum(carried)
        self.units_in_part = len(carried)


def assign_parts(sizes: Sequence[int], limit: int, first_reserve: int = 0) -> tuple[int, ...]:
    """The part number of every unit, in order (see :class:`PartPacker`)."""
    packer = PartPacker(limit, first_reserve)
    return tuple(packer.place(size)[0] for size in sizes)


def part_file_name(family_name: str, a_number: str | None, case_id: int, part: int) -> str:
    """``Family_A123456789_Exhibits_Part1.pdf``: the family name with anything but letters and
    digits turned into ``_``, the A-number's digits (or the case number when there is none)."""
    family = re.sub(r"[^\w]+", "_", family_name, flags=re.UNICODE).strip("_") or "Respondent"
    digits = re.sub(r"\D", "", a_number or "")
    ident = f"A{digits}" if digits else f"Case{case_id}"
    return f"{family}_{ident}_Exhibits_Part{part}.pdf"


def parts_label(parts: Sequence[int]) -> str:
    """``2`` or ``2–3`` for the index's part column."""
    if not parts:
        return ""
    low, high = min(parts), max(parts)
    return str(low) if low == high else f"{low}–{high}"
