"""One grid for tables whose cells span rows and columns, shared by the readers.

A table is a grid of slots and a cell covers a rectangle of them — a PDF's drawn rectangle,
a cell between the ruling lines of a scan, an HTML cell with rowspan/colspan, a DOCX cell
with gridSpan/vMerge. Readers place their cells here and read each row back by one rule:
a cell spanning columns gives its text to its first slot and leaves the others empty; a
cell spanning rows gives its text to every row it covers (a merged deadline or agency
belongs to each row beside it). `Slot` says which case a slot is.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Generic, TypeVar

T = TypeVar("T")


class Ruled:
    """A grid drawn by rules (a PDF's, a scan's): `xs` the x of each vertical rule left to
    right, `ys` the y of each horizontal one top to bottom; slots lie between them."""

    __slots__ = ()
    xs: Sequence[float]
    ys: Sequence[float]

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1


class Slot(Enum):
    EMPTY = "empty"  # no cell covers it
    START = "start"  # the cell's own first slot: its text
    RIGHT = "right"  # right of a cell's first column: empty
    BELOW = "below"  # under a cell's first row, in its first column: its text again


class SpanGrid(Generic[T]):
    """Which cell covers each slot. Cells are any objects, known by identity."""

    def __init__(self, n_rows: int | None = None, n_cols: int | None = None) -> None:
        self.n_rows, self.n_cols = n_rows, n_cols  # None: as far as the cells reach
        self._owner: dict[tuple[int, int], T] = {}
        self._origin: dict[int, tuple[int, int]] = {}
        self.cells: list[T] = []

    def place(self, cell: T, row: int, col: int, rows: int = 1, cols: int = 1, *,
              overwrite: bool = False) -> bool:
        """Cover `rows` × `cols` slots from (row, col), clipped to the grid. A slot covered
        already keeps its cell unless `overwrite`; without it a cell whose first slot is
        covered is not placed (a duplicate rectangle) and False is returned. Placing a cell
        again extends it (a DOCX cell merged down into the next row)."""
        if not overwrite and (row, col) in self._owner:
            return False
        if id(cell) not in self._origin:
            self._origin[id(cell)] = (row, col)
            self.cells.append(cell)
        row_end = row + rows if self.n_rows is None else min(row + rows, self.n_rows)
        col_end = col + cols if self.n_cols is None else min(col + cols, self.n_cols)
        for r in range(row, row_end):
            for c in range(col, col_end):
                if overwrite or (r, c) not in self._owner:
                    self._owner[(r, c)] = cell
        return True

    def owner(self, row: int, col: int) -> T | None:
        return self._owner.get((row, col))

    def origin(self, cell: T) -> tuple[int, int]:
        """The (row, column) of the cell's first slot."""
        return self._origin[id(cell)]

    def free_column(self, row: int, col: int = 0) -> int:
        """The first column from `col` on that no cell covers in `row` (where the next cell
        of an HTML row goes, past the cells spanning down into it)."""
        while (row, col) in self._owner:
            col += 1
        return col

    def width(self, row: int | None = None) -> int:
        """The columns covered: in `row`, or in the whole grid."""
        cols = [c for (r, c) in self._owner if row is None or r == row]
        return max(cols, default=-1) + 1

    def slots(self, row: int, width: int | None = None) -> list[tuple[T | None, Slot]]:
        """The row's slots by the rule: each with the cell covering it and which case it is."""
        width = width if width is not None else self.n_cols if self.n_cols is not None \
            else self.width()
        out: list[tuple[T | None, Slot]] = []
        for col in range(width):
            cell = self._owner.get((row, col))
            if cell is None:
                out.append((None, Slot.EMPTY))
                continue
            first_row, first_col = self._origin[id(cell)]
            out.append((cell, Slot.RIGHT if first_col != col else
                        Slot.BELOW if first_row != row else Slot.START))
        return out
