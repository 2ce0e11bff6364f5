"""The count table reads a sheet column by column: a rectangular grid (a workbook) is
transposed by numpy, ragged rows (CSV) by zip with padding; both give the cells as
written, in order, with Python's own types."""

from __future__ import annotations

from datetime import datetime

from pcgd_cli.validation.table import _columns


def test_a_grid_and_ragged_rows_give_the_same_columns() -> None:
    grid = [["01", 1.0, "", datetime(2024, 9, 30), True],
            ["02", 2.5, None, "x", False]]
    expected = {0: ["01", "02"], 1: [1.0, 2.5], 3: [datetime(2024, 9, 30), "x"]}
    assert _columns(grid, [0, 1, 3]) == expected
    ragged = [[*grid[0], "a note"], grid[1][:4]]
    assert _columns(ragged, [0, 1, 3]) == expected
    assert [type(c) for c in _columns(grid, [1, 4])[4]] == [bool, bool]


def test_short_rows_are_padded_with_blanks() -> None:
    assert _columns([["a"], ["b", 2.0]], [1]) == {1: ["", 2.0]}
    assert _columns([], [0, 2]) == {0: [], 2: []}
