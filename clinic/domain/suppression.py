"""Small-cell suppression for published counts (the funder report).

A count of 1-4 could single out a client, so it is never published: it shows as "<5"
(*primary* suppression). A table also prints totals, and a total minus the cells that are shown
gives back a lone hidden cell; so in every line (a row or a column of the table together with
its total) that would hold exactly one hidden entry, the smallest other entry is hidden as well
(*complementary* suppression, shown as "*"), preferring a non-zero cell, then a zero cell, then
the total, and this is repeated until no line has exactly one hidden entry. Several hidden
cells can still give themselves away: a reader knows each "<5" is 1-4 and each "*" is 0 or at
least 5, so hidden cells that must add up to exactly their least (two "<5" with 2 missing from
the total: both are 1) or most, or a "<5" beside a "*" that leave one way to split the
difference, pin a count down; such a line gets one more complementary cell too. Zero is
published as 0: "nobody" singles out no one. Totals are entries like any other: a total of 1-4
is hidden.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

THRESHOLD = 5  # counts 1..THRESHOLD-1 are never published


class Mark(StrEnum):
    SHOWN = "shown"
    SMALL = "small"  # primary: 1-4
    COMPLEMENT = "complement"  # hidden so that a small cell cannot be worked out


@dataclass(frozen=True)
class Cell:
    value: int
    mark: Mark

    @property
    def hidden(self) -> bool:
        return self.mark is not Mark.SHOWN

    def text(self) -> str:
        """What the report prints."""
        if self.mark is Mark.SMALL:
            return f"<{THRESHOLD}"
        if self.mark is Mark.COMPLEMENT:
            return "*"
        return str(self.value)


@dataclass(frozen=True)
class SuppressedTable:
    """``cells[r][c]``, each row's total (``row_totals[r]``), each column's total and the grand
    total, all as :class:`Cell`."""

    cells: tuple[tuple[Cell, ...], ...]
    row_totals: tuple[Cell, ...]
    column_totals: tuple[Cell, ...]
    grand_total: Cell


def is_small(value: int) -> bool:
    return 0 < value < THRESHOLD


def suppress_table(counts: Sequence[Sequence[int]]) -> SuppressedTable:
    """Suppress a table of counts with row totals, column totals and a grand total.

    A one-column table (one count per category, and its total) is the common case; it is a
    table with one column whose row totals equal the cells, and those are not published.
    """
    rows = [list(r) for r in counts]
    if any(v < 0 for r in rows for v in r):
        raise ValueError("counts cannot be negative")
    width = len(rows[0]) if rows else 0
    if any(len(r) != width for r in rows):
        raise ValueError("every row needs the same number of columns")
    # The extended grid: the last column holds row totals, the last row column totals.
    grid = [[*r, sum(r)] for r in rows]
    grid.append([sum(r[c] for r in rows) for c in range(width)] + [sum(map(sum, rows))])
    hidden = {(i, j) for i, line in enumerate(grid) for j, v in enumerate(line) if is_small(v)}
    complement: set[tuple[int, int]] = set()
    lines = _lines(len(grid), width + 1)
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(1 for p in line if p in hidden) != 1 and not _gives_away(
                line, grid, hidden, complement
            ):
                continue
            choice = min(
                (p for p in line if p not in hidden),
                key=lambda p: (grid[p[0]][p[1]] == 0, grid[p[0]][p[1]], p == line[-1], p),
                default=None,
            )
            if choice is None:  # a line of one entry: nothing else can hide it
                continue
            hidden.add(choice)
            complement.add(choice)
            changed = True

    def cell(i: int, j: int) -> Cell:
        if (i, j) in complement:
            mark = Mark.COMPLEMENT
        elif (i, j) in hidden:
            mark = Mark.SMALL
        else:
            mark = Mark.SHOWN
        return Cell(grid[i][j], mark)

    last_row, last_col = len(grid) - 1, width
    return SuppressedTable(
        cells=tuple(tuple(cell(i, j) for j in range(width)) for i in range(last_row)),
        row_totals=tuple(cell(i, last_col) for i in range(last_row)),
        column_totals=tuple(cell(last_row, j) for j in range(width)),
        # a one-column table's only line is its data column, whose last entry is the total
        grand_total=cell(last_row, 0 if width == 1 else last_col),
    )


def _gives_away(
    line: list[tuple[int, int]],
    grid: list[list[int]],
    hidden: set[tuple[int, int]],
    complement: set[tuple[int, int]],
) -> bool:
    """Whether the line's published total and shown entries pin down a hidden small count."""
    total, entries = line[-1], line[:-1]
    if total in hidden:
        return False  # no equation to work from
    missing = grid[total[0]][total[1]] - sum(grid[i][j] for i, j in entries if (i, j) not in hidden)
    small = [p for p in entries if p in hidden and p not in complement]
    starred = sum(1 for p in entries if p in complement)
    for _ in small:
        others = len(small) - 1
        feasible = [
            v
            for v in range(1, THRESHOLD)
            if others <= missing - v <= (THRESHOLD - 1) * others
            or (starred and missing - v >= others + THRESHOLD)
        ]
        if len(feasible) <= 1:
            return True
    return False


def _lines(height: int, width: int) -> list[list[tuple[int, int]]]:
    """Every row and every column of the extended grid, its total last.

    A one-column table's rows (a cell and its identical row total) are not lines: its row
    totals are never published, so only the column (categories and grand total) counts.
    """
    columns = [[(i, j) for i in range(height)] for j in range(width)]
    if width == 2:  # one data column: only the data column and its total matter
        return [columns[0]]
    rows = [[(i, j) for j in range(width)] for i in range(height)]
    return rows + columns


def suppress_counts(counts: Sequence[int]) -> tuple[tuple[Cell, ...], Cell]:
    """One count per category and their total: the cells and the total, suppressed."""
    table = suppress_table([[c] for c in counts])
    return tuple(row[0] for row in table.cells), table.grand_total


def suppress_overlapping(counts: Sequence[int]) -> tuple[Cell, ...]:
    """Counts of categories that overlap (a case may seek several kinds of relief): no total
    is published, so no cell can be worked out from one, and only small cells are hidden."""
    if any(v < 0 for v in counts):
        raise ValueError("counts cannot be negative")
    return tuple(Cell(v, Mark.SMALL if is_small(v) else Mark.SHOWN) for v in counts)
