"""Small-cell suppression: no published count of 1-4, and no line with a total that hides
exactly one entry (which the total would give away)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from clinic.domain.suppression import (
    Cell,
    Mark,
    suppress_counts,
    suppress_overlapping,
    suppress_table,
)

small_or_big = st.one_of(st.integers(0, 6), st.integers(0, 400))
tables = st.integers(1, 5).flatmap(
    lambda width: st.lists(
        st.lists(small_or_big, min_size=width, max_size=width), min_size=1, max_size=6
    )
)


def _lines(table: object, width: int) -> list[list[Cell]]:
    t = table  # SuppressedTable
    rows = [[*cells, total] for cells, total in zip(t.cells, t.row_totals, strict=True)]  # type: ignore[attr-defined]
    rows.append([*t.column_totals, t.grand_total])  # type: ignore[attr-defined]
    columns = [[row[j] for row in rows] for j in range(width + 1)]
    if width == 1:  # a one-column table publishes no row totals
        return [columns[0]]
    return rows + columns


@settings(max_examples=300, deadline=None)
@given(tables)
def test_no_small_count_is_published_and_no_line_hides_exactly_one(counts: list[list[int]]) -> None:
    table = suppress_table(counts)
    width = len(counts[0])
    for line in _lines(table, width):
        for cell in line:
            assert not (0 < cell.value < 5 and not cell.hidden)
            if cell.value == 0 and cell.mark is Mark.SHOWN:
                assert cell.text() == "0"
        assert sum(1 for cell in line if cell.hidden) != 1
    # the numbers themselves are right: totals add up
    assert table.grand_total.value == sum(map(sum, counts))


def test_one_column_example_with_complementary_cell() -> None:
    cells, total = suppress_counts([12, 3, 0, 7, 40])
    assert [c.text() for c in cells] == ["12", "<5", "0", "*", "40"]
    assert total.text() == "62"


def test_a_small_total_hides_everything_that_would_give_it_away() -> None:
    cells, total = suppress_counts([3, 0, 0])
    assert [c.text() for c in cells] == ["<5", "0", "0"]
    assert total.text() == "<5"


def test_two_small_cells_need_no_complement() -> None:
    cells, total = suppress_counts([2, 4, 30])
    assert [c.text() for c in cells] == ["<5", "<5", "30"] and total.text() == "36"


def test_overlapping_categories_hide_only_small_cells() -> None:
    assert [c.text() for c in suppress_overlapping([9, 1, 0])] == ["9", "<5", "0"]


def _values_a_reader_could_infer(cells: tuple[Cell, ...], total: Cell) -> list[set[int]]:
    """Brute force: for each hidden cell, every value consistent with what is published
    ("<5" is 1-4, "*" is 0 or 5 and up, shown cells and a shown total are exact)."""
    hidden = [i for i, c in enumerate(cells) if c.hidden]
    shown = sum(c.value for c in cells if not c.hidden)
    top = total.value + 5
    domains = [range(1, 5) if cells[i].mark is Mark.SMALL else [0, *range(5, top)] for i in hidden]
    seen: list[set[int]] = [set() for _ in hidden]
    for combo in itertools.product(*domains):
        if total.hidden or shown + sum(combo) == total.value:
            for k, v in enumerate(combo):
                seen[k].add(v)
    return [seen[k] for k, i in enumerate(hidden) if cells[i].mark is Mark.SMALL]


def test_small_cells_that_add_up_to_their_least_are_not_given_away() -> None:
    # 32 - 30 = 2 for two "<5" cells: both would be 1 unless a third cell is hidden
    cells, total = suppress_counts([1, 1, 30])
    assert [c.text() for c in cells] == ["<5", "<5", "*"] and total.text() == "32"
    cells, total = suppress_counts([4, 4, 30])  # … or their most (4 + 4)
    assert [c.text() for c in cells] == ["<5", "<5", "*"]
    # one "<5" and one "*" that must add to 6 can only be 1 and 5
    cells, total = suppress_counts([1, 5, 30])
    assert [c.text() for c in cells] == ["<5", "*", "*"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.integers(0, 6), st.integers(0, 30)), min_size=1, max_size=5))
def test_no_small_count_can_be_worked_out_from_a_one_column_table(counts: list[int]) -> None:
    cells, total = suppress_counts(counts)
    for possible in _values_a_reader_could_infer(cells, total):
        assert len(possible) >= 2
