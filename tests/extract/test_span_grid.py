"""The spanning-cell grid every table reader lays its cells on, and its one rule for reading
a row back: a column span's text in its first slot, a row span's text in every row."""

from __future__ import annotations

from chitieu.extract.grid import Slot, SpanGrid


def test_a_row_is_read_by_the_rule() -> None:
    grid: SpanGrid[str] = SpanGrid(3, 3)
    assert grid.place("deadline", 0, 2, rows=3)  # merged down the last column
    assert grid.place("group", 0, 0, cols=2)  # merged across two columns
    assert grid.place("a", 1, 0) and grid.place("b", 1, 1)
    assert grid.slots(0) == [("group", Slot.START), ("group", Slot.RIGHT),
                             ("deadline", Slot.START)]
    assert grid.slots(1) == [("a", Slot.START), ("b", Slot.START), ("deadline", Slot.BELOW)]
    assert grid.slots(2) == [(None, Slot.EMPTY), (None, Slot.EMPTY), ("deadline", Slot.BELOW)]


def test_a_slot_keeps_its_first_cell_unless_told_otherwise() -> None:
    grid: SpanGrid[str] = SpanGrid(2, 2)
    assert grid.place("wide", 0, 0, cols=2)
    assert not grid.place("duplicate", 0, 0)  # a rectangle drawn twice
    assert grid.place("tall", 0, 1, rows=2) is False  # its first slot is taken
    assert grid.place("later", 1, 0, cols=2)
    assert grid.place("over", 0, 1, overwrite=True)
    assert [c for c, _ in grid.slots(0)] == ["wide", "over"]
    assert grid.cells == ["wide", "later", "over"]


def test_cells_are_clipped_to_the_grid() -> None:
    grid: SpanGrid[str] = SpanGrid(2, 2)
    grid.place("big", 1, 1, rows=5, cols=5)
    assert grid.owner(1, 1) == "big" and grid.owner(2, 2) is None and grid.width() == 2


def test_a_flowing_row_skips_the_slots_spanned_from_above() -> None:
    grid: SpanGrid[str] = SpanGrid()  # as wide as the cells reach, as in HTML
    grid.place("number", 0, 0, rows=2)
    grid.place("name", 0, 1)
    column = grid.free_column(1)
    assert column == 1
    grid.place("next name", 1, column)
    assert grid.width(1) == 2 and grid.origin("number") == (0, 0)


def test_placing_a_cell_again_carries_it_down() -> None:
    """A DOCX cell merged down (vMerge "continue") is its first cell placed in the next row."""
    grid: SpanGrid[str] = SpanGrid()
    grid.place("merged", 0, 0, cols=2)
    grid.place("merged", 1, 0, cols=2, overwrite=True)
    assert grid.slots(1) == [("merged", Slot.BELOW), ("merged", Slot.RIGHT)]
    assert grid.cells == ["merged"]
