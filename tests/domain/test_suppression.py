"""Small-cell suppression: no published count of 1-4, and no line with a total that hides
exactly one entry (which the total would give away)."""

from __future__ import annotations

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
