"""Packet layout: labels, consecutive page numbers, a stable index length, part packing."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinic.domain.packet_layout import (
    ExhibitPieces,
    LayoutUnstable,
    PartPacker,
    TabStyle,
    assign_parts,
    compute_layout,
    page_label,
    page_range_label,
    part_file_name,
    parts_label,
    stable_layout,
    tab_label,
    valid_bates_prefix,
)

pieces = st.lists(
    st.builds(ExhibitPieces, st.integers(1, 40), st.integers(0, 3)), min_size=0, max_size=60
)


def test_tab_labels() -> None:
    letters = [tab_label(i, TabStyle.LETTERS) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)]
    assert letters == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
    assert [tab_label(i, TabStyle.NUMBERS) for i in (0, 9, 99)] == ["1", "10", "100"]


@given(st.integers(0, 5000), st.integers(0, 5000))
def test_letter_labels_are_distinct(a: int, b: int) -> None:
    assert (tab_label(a, TabStyle.LETTERS) == tab_label(b, TabStyle.LETTERS)) == (a == b)


def test_page_labels_and_bates() -> None:
    assert page_label(7) == "7"
    assert page_label(7, "SMITH") == "SMITH000007"
    assert page_range_label(4, 4) == "4"
    assert page_range_label(4, 9, "R") == "R000004–R000009"
    assert valid_bates_prefix("RESP-2") and valid_bates_prefix("")
    assert (
        not valid_bates_prefix("a b")
        and not valid_bates_prefix("Ñ")
        and not valid_bates_prefix("X" * 13)
    )
    with pytest.raises(ValueError):
        page_label(0)


@given(pieces, st.integers(0, 3), st.integers(1, 4), st.integers(0, 2))
def test_every_page_is_numbered_once_in_order(
    exhibits: list[ExhibitPieces], cover: int, index: int, service: int
) -> None:
    layout = compute_layout(
        cover_pages=cover,
        index_pages=index,
        exhibits=exhibits,
        service_pages=service,
        style=TabStyle.LETTERS,
    )
    expected = cover + index + 1
    for placed, piece in zip(layout.exhibits, exhibits, strict=True):
        assert placed.tab_page == expected
        assert placed.first_page == placed.tab_page + 1
        assert placed.pages == piece.document_pages + piece.certificate_pages
        if piece.certificate_pages:
            assert placed.certificate_first == placed.first_page + piece.document_pages
        else:
            assert placed.certificate_first is None
        expected = placed.last_page + 1
    assert layout.service_first == expected
    assert (
        layout.total_pages
        == cover
        + index
        + sum(1 + p.document_pages + p.certificate_pages for p in exhibits)
        + service
    )


@given(pieces, st.integers(1, 30))
def test_stable_layout_index_length_matches_what_it_lists(
    exhibits: list[ExhibitPieces], rows_per_page: int
) -> None:
    """The index length depends on the numbers it prints (wider numbers, fewer rows per page):
    the settled layout is one whose index really has the length it was laid out with."""

    def index_pages(layout: object) -> int:
        placed = layout.exhibits  # type: ignore[attr-defined]
        wide = sum(1 for p in placed if p.last_page >= 100)
        rows = len(placed) + wide  # a row with a 3-digit number wraps to two lines
        return max(1, -(-rows // rows_per_page))

    layout = stable_layout(
        cover_pages=1,
        exhibits=exhibits,
        service_pages=1,
        style=TabStyle.LETTERS,
        index_pages_for=index_pages,
    )
    assert index_pages(layout) == layout.index_pages


def test_stable_layout_gives_up_rather_than_lie() -> None:
    with pytest.raises(LayoutUnstable):
        stable_layout(
            cover_pages=1,
            exhibits=[ExhibitPieces(1)],
            service_pages=1,
            style=TabStyle.LETTERS,
            index_pages_for=lambda layout: layout.index_pages + 1,
        )


@given(st.lists(st.integers(1, 300), max_size=80), st.integers(1, 1000), st.integers(0, 400))
def test_parts_keep_order_and_stay_under_the_limit(
    sizes: list[int], limit: int, reserve: int
) -> None:
    parts = assign_parts(sizes, limit, reserve)
    assert list(parts) == sorted(parts)  # order kept, parts consecutive
    assert not parts or parts[0] in (1, 2)
    assert all(b - a in (0, 1) for a, b in itertools.pairwise(parts))
    totals: dict[int, int] = {}
    counts: dict[int, int] = {}
    for size, part in zip(sizes, parts, strict=True):
        totals[part] = totals.get(part, 0) + size
        counts[part] = counts.get(part, 0) + 1
    totals[1] = totals.get(1, 0) + reserve
    for part, total in totals.items():
        assert total <= limit or counts.get(part, 0) <= 1  # only a unit too big alone goes over
    # greedy: the first unit of each later part would not have fitted in the part before
    for i in range(1, len(sizes)):
        if parts[i] != parts[i - 1]:
            assert totals[parts[i - 1]] + sizes[i] > limit


def test_packer_reports_oversized_units_and_carries() -> None:
    packer = PartPacker(100, first_reserve=30)
    assert packer.place(60) == (1, False)
    assert packer.place(20) == (2, False)
    assert packer.place(150) == (3, True)
    packer.new_part([40, 40])
    assert packer.starts_new_part(30)
    assert packer.place(10) == (4, False)


def test_part_file_names_and_labels() -> None:
    assert (
        part_file_name("García López", "201555123", 3, 1)
        == "García_López_A201555123_Exhibits_Part1.pdf"
    )
    assert part_file_name("O'Brien/../x", None, 12, 2) == "O_Brien_x_Case12_Exhibits_Part2.pdf"
    assert parts_label((2,)) == "2" and parts_label((2, 3, 4)) == "2–4" and parts_label(()) == ""
