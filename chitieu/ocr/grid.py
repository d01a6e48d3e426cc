"""A table's ruling lines and the cells they enclose, on an upright binary page.

Lines are found by morphology (an opening with a long thin kernel keeps strokes longer than
any letter). Every line position makes a grid; a grid cell whose border is missing is merged
with its neighbour, so a section row drawn across the table is one cell and an agency written
once for three rows is one cell spanning them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

# Ruling strokes are longer than any glyph: 0.18 inch is more than a 12-point letter's height.
_MIN_LINE_INCHES = 0.18
# A line must run along this share of the longest line of its direction to count as a rule.
_MIN_LINE_SHARE = 0.25
# A border is present between two grid cells when a rule covers this share of their edge.
_BORDER_COVERAGE = 0.6


@dataclass(frozen=True, slots=True)
class GridCell:
    """A cell between rules; `row`/`col` index the grid, spans count grid rows/columns."""

    row: int
    col: int
    row_span: int
    col_span: int
    left: int
    top: int
    right: int
    bottom: int


@dataclass(slots=True)
class Grid:
    xs: list[int]  # x of each vertical rule, left to right
    ys: list[int]  # y of each horizontal rule, top to bottom
    cells: list[GridCell]
    _owner: dict[tuple[int, int], GridCell] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.row_span):
                for c in range(cell.col, cell.col + cell.col_span):
                    self._owner[(r, c)] = cell

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1

    @property
    def bbox(self) -> tuple[int, int, int, int]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def owner(self, row: int, col: int) -> GridCell:
        return self._owner[(row, col)]

    def locate(self, x: float, y: float) -> GridCell | None:
        """The cell holding a point, or None outside the table."""
        col = _index(self.xs, x)
        row = _index(self.ys, y)
        if col is None or row is None:
            return None
        return self._owner.get((row, col))


def _index(edges: list[int], value: float) -> int | None:
    if not edges or value < edges[0] or value >= edges[-1]:
        return None
    return int(np.searchsorted(edges, value, side="right")) - 1


def line_masks(binary: np.ndarray, dpi: int) -> tuple[np.ndarray, np.ndarray]:
    """Masks (255 = rule) of the horizontal and the vertical ruling lines."""
    ink = 255 - binary
    length = max(15, round(_MIN_LINE_INCHES * dpi))
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                                  cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                                cv2.getStructuringElement(cv2.MORPH_RECT, (1, length)))
    return horizontal, vertical


def find_grid(horizontal: np.ndarray, vertical: np.ndarray, dpi: int) -> Grid | None:
    """The table's grid, or None when the page has no ruled table (two rules each way)."""
    ys = _rule_positions(horizontal, axis=1)
    xs = _rule_positions(vertical, axis=0)
    if len(ys) < 2 or len(xs) < 2:
        return None
    ys, xs = _within(ys, vertical, axis=1), _within(xs, horizontal, axis=0)
    if len(ys) < 2 or len(xs) < 2:
        return None
    tolerance = max(2, round(dpi / 100))
    cells = _merge_cells(xs, ys, horizontal, vertical, tolerance)
    return Grid(xs, ys, cells)


def _rule_positions(mask: np.ndarray, axis: int) -> list[int]:
    """Centres of the rules in a mask: axis=1 sums rows (horizontal rules), axis=0 columns."""
    profile = np.count_nonzero(mask, axis=axis)
    if profile.max(initial=0) == 0:
        return []
    strong = profile >= profile.max() * _MIN_LINE_SHARE
    positions = []
    start = None
    for index, on in enumerate(np.append(strong, False)):
        if on and start is None:
            start = index
        elif not on and start is not None:
            weights = profile[start:index].astype(np.float64)
            positions.append(round(float(np.average(np.arange(start, index), weights=weights))))
            start = None
    return positions


def _within(positions: list[int], other: np.ndarray, axis: int) -> list[int]:
    """Keep the rules that lie within the extent of the other direction's rules, which drops
    a title's underline above the table; axis=1 measures the other mask's rows."""
    present = np.flatnonzero(np.count_nonzero(other, axis=axis))
    if present.size == 0:
        return positions
    margin = max(3, (int(present[-1]) - int(present[0])) // 200)
    return [p for p in positions if present[0] - margin <= p <= present[-1] + margin]


def _covered(mask: np.ndarray, fixed: int, start: int, stop: int, tolerance: int,
             vertical: bool) -> bool:
    """Is there a rule along x=fixed (vertical) or y=fixed between start and stop?"""
    inset = max(1, (stop - start) // 10)
    start, stop = start + inset, stop - inset
    if stop <= start:
        return True
    if vertical:
        band = mask[start:stop, max(0, fixed - tolerance): fixed + tolerance + 1]
        hits = np.count_nonzero(band.any(axis=1))
    else:
        band = mask[max(0, fixed - tolerance): fixed + tolerance + 1, start:stop]
        hits = np.count_nonzero(band.any(axis=0))
    return hits >= (stop - start) * _BORDER_COVERAGE


def _merge_cells(xs: list[int], ys: list[int], horizontal: np.ndarray, vertical: np.ndarray,
                 tolerance: int) -> list[GridCell]:
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    for r in range(n_rows):
        for c in range(n_cols):
            here = r * n_cols + c
            if c + 1 < n_cols and not _covered(vertical, xs[c + 1], ys[r], ys[r + 1],
                                               tolerance, vertical=True):
                union(here, here + 1)
            if r + 1 < n_rows and not _covered(horizontal, ys[r + 1], xs[c], xs[c + 1],
                                               tolerance, vertical=False):
                union(here, here + n_cols)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            groups.setdefault(find(r * n_cols + c), []).append((r, c))
    cells = []
    for members in groups.values():
        rows = [m[0] for m in members]
        cols = [m[1] for m in members]
        r0, r1, c0, c1 = min(rows), max(rows), min(cols), max(cols)
        cells.append(GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, xs[c0], ys[r0], xs[c1 + 1],
                              ys[r1 + 1]))
    cells.sort(key=lambda cell: (cell.row, cell.col))
    return cells
