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

from chitieu.extract.grid import Ruled, SpanGrid
from chitieu.extract.slots import merged_slots

# Ruling strokes are longer than any glyph: 0.25 inch is wider than any letter, and 0.18 inch
# taller than a 12-point letter (a vertical rule may only be as long as a one-line row).
_MIN_RULE_INCHES = (0.25, 0.18)  # horizontal, vertical
# A copier breaks thin rules into dashes; gaps up to this are bridged along the rule first
# (less in height, where an accent floats that far above its letter).
_GAP_INCHES = (0.02, 0.01)
# A rule is a thin line: a scanned 1-point rule with its blur is well under 0.03 inch thick.
_MAX_RULE_INCHES = 0.03
# A rule may end this far short of the rules it meets (a copier broke its end off).
_RULE_REACH_INCHES = 0.15
# A line must run along this share of the longest line of its direction to count as a rule.
_MIN_LINE_SHARE = 0.25
# A shorter line counts only where it runs from one column rule to another (`_short_rules`).
_SHORT_LINE_SHARE = 0.08
# A border is present between two grid cells when the rule masks cover this share of their
# edge, or plain ink the larger share (a rule too broken, or too short, for the masks).
_BORDER_COVERAGE = 0.5
_BORDER_INK_COVERAGE = 0.8
# … and the mask only where plain ink runs along as a line on this share of the edge.
_BORDER_LINE_INK = 0.6


@dataclass(frozen=True, slots=True)
class GridCell:
    """A cell between rules; `row`/`col` index the grid, spans count grid rows/columns, and
    `box` is its (left, top, right, bottom) in pixels, on the rules."""

    row: int
    col: int
    row_span: int
    col_span: int
    box: tuple[int, int, int, int]

    left = property(lambda self: self.box[0])
    top = property(lambda self: self.box[1])
    right = property(lambda self: self.box[2])
    bottom = property(lambda self: self.box[3])


@dataclass(slots=True)
class Grid(Ruled):
    xs: list[int]  # x of each vertical rule, left to right
    ys: list[int]  # y of each horizontal rule, top to bottom
    cells: list[GridCell]
    # the borders found between grid cells, as (x0, y0, x1, y1) on the rule's centre line
    borders: list[tuple[int, int, int, int]] = field(default_factory=list)
    # (top, bottom) of the bands between two tables ruled on one page, which no vertical rule
    # crosses, not even the tables' sides: a heading or paragraphs between them, outside both
    gaps: tuple[tuple[int, int], ...] = ()
    slots: SpanGrid[GridCell] = field(default_factory=SpanGrid, repr=False)

    def __post_init__(self) -> None:
        for cell in self.cells:
            self.slots.place(cell, cell.row, cell.col, cell.row_span, cell.col_span,
                             overwrite=True)

    @property
    def bbox(self) -> tuple[int, int, int, int]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def owner(self, row: int, col: int) -> GridCell:
        cell = self.slots.owner(row, col)
        if cell is None:
            raise KeyError((row, col))  # the cells cover the whole grid
        return cell

    def locate(self, x: float, y: float) -> GridCell | None:
        """The cell holding a point, or None outside the table."""
        col = _index(self.xs, x)
        row = _index(self.ys, y)
        if col is None or row is None or self.between_tables(y):
            return None
        return self.slots.owner(row, col)

    def between_tables(self, y: float) -> bool:
        return any(top <= y < bottom for top, bottom in self.gaps)


def _index(edges: list[int], value: float) -> int | None:
    if not edges or value < edges[0] or value >= edges[-1]:
        return None
    return int(np.searchsorted(edges, value, side="right")) - 1


def line_masks(binary: np.ndarray, dpi: int) -> tuple[np.ndarray, np.ndarray]:
    """Masks (255 = rule) of the horizontal and the vertical ruling lines."""
    ink = 255 - binary
    lengths = [max(15, round(inches * dpi)) for inches in _MIN_RULE_INCHES]
    gaps = [max(2, round(inches * dpi)) + 1 for inches in _GAP_INCHES]  # closes gaps < kernel
    masks = []
    for shape, bridge in (((lengths[0], 1), (gaps[0], 1)), ((1, lengths[1]), (1, gaps[1]))):
        closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE,
                                  cv2.getStructuringElement(cv2.MORPH_RECT, bridge))
        masks.append(cv2.morphologyEx(closed, cv2.MORPH_OPEN,
                                      cv2.getStructuringElement(cv2.MORPH_RECT, shape)))
    return masks[0], masks[1]


def find_grid(binary: np.ndarray, horizontal: np.ndarray, vertical: np.ndarray,
              dpi: int) -> Grid | None:
    """The table's grid, or None when the page has no ruled table (two rules each way)."""
    thickest = max(4, round(_MAX_RULE_INCHES * dpi))
    ys = _rule_positions(horizontal, axis=1, thickest=thickest)
    xs = _rule_positions(vertical, axis=0, thickest=thickest)
    if len(ys) < 2 or len(xs) < 2:
        return None
    reach = max(3, round(_RULE_REACH_INCHES * dpi))
    ys, xs = (_within(ys, _near(vertical, xs, 0, thickest), 1, reach),
              _within(xs, _near(horizontal, ys, 1, thickest), 0, reach))
    if len(ys) < 2 or len(xs) < 2:
        return None
    tolerance = max(2, round(dpi / 100))
    xs, ys = _frame(xs, ys, (horizontal, vertical, binary == 0), thickest)
    ys = sorted(ys + _short_rules(horizontal, xs, ys, thickest, reach))
    gaps = _gaps(xs, ys, vertical, binary == 0, tolerance)
    if gaps:
        # several tables on the page: each table's own column rules, which beside a longer
        # table's are too short to count on the whole page's profile
        xs = _each_tables_rules(xs, ys, gaps, vertical, thickest, tolerance)
    cells, borders = _merge_cells(xs, ys, (horizontal, vertical, binary == 0), tolerance)
    return Grid(xs, ys, cells, borders, gaps)


def _frame(xs: list[int], ys: list[int], sources: tuple[np.ndarray, np.ndarray, np.ndarray],
           thickest: int) -> tuple[list[int], list[int]]:
    """The table's frame where the masks lost it: a faint outer rule a copier broke into dots
    (the inner rules, drawn where two cells meet, print darker). The inner rules all end on
    the frame: where most horizontal rules end beyond the outermost vertical one (or the
    vertical rules beyond the outermost horizontal one) and ink runs along that line, the
    frame is there. An open-sided table has no ink along its rules' ends."""
    horizontal, vertical, ink = sources
    h_ends = [_ends(horizontal[max(0, y - thickest):y + thickest + 1].any(axis=0)) for y in ys]
    v_ends = [_ends(vertical[:, max(0, x - thickest):x + thickest + 1].any(axis=1)) for x in xs]
    lefts, rights = (_agreed([e[i] for e in h_ends], thickest) for i in (0, 1))
    tops, bottoms = (_agreed([e[i] for e in v_ends], thickest) for i in (0, 1))
    span_y = (min(tops or ys[0], ys[0]), max(bottoms or ys[-1], ys[-1]))
    span_x = (min(lefts or xs[0], xs[0]), max(rights or xs[-1], xs[-1]))
    new_xs, new_ys = list(xs), list(ys)
    for end, outer, side in ((lefts, xs[0], -1), (rights, xs[-1], 1)):
        if end is not None and (end - outer) * side > 2 * thickest:
            x = _inked_line(ink.T, end, span_y, thickest)
            if x is not None:
                new_xs.append(x)
    for end, outer, side in ((tops, ys[0], -1), (bottoms, ys[-1], 1)):
        if end is not None and (end - outer) * side > 2 * thickest:
            y = _inked_line(ink, end, span_x, thickest)
            if y is not None:
                new_ys.append(y)
    return sorted(new_xs), sorted(new_ys)


def _ends(band: np.ndarray) -> tuple[int, int] | tuple[None, None]:
    present = np.flatnonzero(band)
    return (int(present[0]), int(present[-1])) if present.size else (None, None)


def _agreed(ends: list[int | None], slack: int) -> int | None:
    """Where most rules end (the median, when at least two and most end within `slack`)."""
    known = [e for e in ends if e is not None]
    if len(known) < 2:
        return None
    middle = int(np.median(known))
    near = sum(abs(e - middle) <= slack for e in known)
    return middle if near >= max(2, 0.6 * len(ends)) else None


# … and ink runs along it on this share of its length (a dotted rule's dots, on a band a rule's
# thickness wide; text beside the table leaves gaps between its lines and rows).
_FRAME_INK = 0.6


def _inked_line(ink: np.ndarray, near: int, span: tuple[int, int], thickest: int) -> int | None:
    """The row of `ink` within `thickest` of `near` whose band (of half that width) is inked
    along most of `span`; None when none is."""
    half = max(1, thickest // 3)
    best, best_share = None, _FRAME_INK
    for y in range(max(half, near - thickest), min(ink.shape[0] - half, near + thickest + 1)):
        share = float(ink[y - half:y + half + 1, span[0]:span[1]].any(axis=0).mean())
        if share >= best_share:
            best, best_share = y, share
    return best


def _each_tables_rules(xs: list[int], ys: list[int], gaps: tuple[tuple[int, int], ...],
                       vertical: np.ndarray, thickest: int, tolerance: int) -> list[int]:
    bounds = [ys[0], *(y for gap in gaps for y in gap), ys[-1]]
    found = list(xs)
    for top, bottom in zip(bounds[::2], bounds[1::2], strict=True):
        found += _rule_positions(vertical[top:bottom], axis=0, thickest=thickest)
    merged: list[int] = []
    for x in sorted(found):
        if merged and x - merged[-1] <= tolerance:
            continue  # the same rule, its centre measured on another stretch
        merged.append(x)
    return merged


def _short_rules(horizontal: np.ndarray, xs: list[int], ys: list[int], thickest: int,
                 reach: int) -> list[int]:
    """Rules too short to count by length alone that close a cell merged over a few columns
    ("Năm hiện hành 2025" over "Kế hoạch" / "Ước thực hiện" in a table of nine columns): a
    line that runs from one column rule to another, inside the table."""
    found = []
    for y in _rule_positions(horizontal, axis=1, thickest=thickest, share=_SHORT_LINE_SHARE):
        if not ys[0] < y < ys[-1] or min(abs(y - known) for known in ys) <= thickest:
            continue
        band = horizontal[max(0, y - thickest):y + thickest + 1].any(axis=0)
        if any(_spans_columns(band, xs[a], xs[b], thickest, reach)
               for a in range(len(xs)) for b in range(a + 1, len(xs))):
            found.append(y)
    return found


def _spans_columns(band: np.ndarray, left: int, right: int, slack: int, reach: int) -> bool:
    """The line covers the stretch between two column rules, meeting both (within a rule's
    thickness), not running past them. Only that short a slack: a header word's strokes
    inside a narrow cell, or two words side by side, end a fifth of an inch short of the
    cell's rules and would otherwise cut the header's merged cells."""
    inner = band[left + slack:right - slack]
    if inner.size == 0 or np.count_nonzero(inner) < 0.9 * inner.size:
        return False
    outside = band[max(0, left - 2 * reach):left - reach], band[right + reach:right + 2 * reach]
    return all(np.count_nonzero(side) < 0.5 * max(side.size, 1) for side in outside)


def _gaps(xs: list[int], ys: list[int], vertical: np.ndarray, ink: np.ndarray,
          tolerance: int) -> tuple[tuple[int, int], ...]:
    """Grid rows inside the rules' extent that no vertical rule crosses, sides included, in
    a table whose sides are ruled: the space between two tables on one page. (A section row
    merged across keeps its sides; a table without sides has no gaps.)"""
    def crossed(r: int, x: int) -> bool:
        return _covered(vertical, ink, x, ys[r], ys[r + 1], tolerance, vertical=True)

    rules = [frozenset(x for x in xs if crossed(r, x)) for r in range(len(ys) - 1)]
    sides = xs[0] in rules[0]

    def apart(r: int) -> bool:
        """The nearest crossed rows above and below are crossed by other rules: the sides
        of two tables differ (a ruled header box above a wider table)."""
        above = next((rules[a] for a in range(r - 1, -1, -1) if rules[a]), None)
        below = next((rules[b] for b in range(r + 1, len(rules)) if rules[b]), None)
        return bool(above and below and above != below)

    return tuple((ys[r], ys[r + 1]) for r in range(1, len(ys) - 2)
                 if not rules[r] and (sides or apart(r)))


def _rule_positions(mask: np.ndarray, axis: int, thickest: int,
                    share: float = _MIN_LINE_SHARE) -> list[int]:
    """Centres of the rules in a mask: axis=1 sums rows (horizontal rules), axis=0 columns.
    A band thicker than a rule is a filled shape (a photo's dark area), not a rule."""
    profile = np.count_nonzero(mask, axis=axis)
    if profile.max(initial=0) == 0:
        return []
    strong = profile >= profile.max() * share
    positions = []
    start = None
    for index, on in enumerate(np.append(strong, False)):
        if on and start is None:
            start = index
        elif not on and start is not None:
            if index - start <= thickest:
                weights = profile[start:index].astype(np.float64)
                centre = np.average(np.arange(start, index), weights=weights)
                positions.append(round(float(centre)))
            start = None
    return positions


def _within(positions: list[int], other: np.ndarray, axis: int, reach: int) -> list[int]:
    """Keep the rules that lie within the extent of the other direction's rules (give or take
    a broken end), which drops a title's underline above the table; axis=1 measures the
    other mask's rows."""
    present = np.flatnonzero(np.count_nonzero(other, axis=axis))
    if present.size == 0:
        return positions
    return [p for p in positions if present[0] - reach <= p <= present[-1] + reach]


def _near(mask: np.ndarray, positions: list[int], axis: int, thickest: int) -> np.ndarray:
    """`mask` only along the rules at `positions` (columns, axis=0; rows, axis=1): where the
    table's own rules run, not a letterhead's stroke a speck prolonged (which would stretch
    the rules' extent over the motto's underline)."""
    kept = np.zeros_like(mask)
    for p in positions:
        band = (slice(None), slice(max(0, p - thickest), p + thickest + 1))
        band = band if axis == 0 else band[::-1]
        kept[band] = mask[band]
    return kept


def _covered(mask: np.ndarray, ink: np.ndarray, fixed: int, start: int, stop: int,
             tolerance: int, vertical: bool) -> bool:
    """Is there a rule along x=fixed (vertical) or y=fixed between start and stop?"""
    inset = max(1, (stop - start) // 10)
    start, stop = start + inset, stop - inset
    if stop <= start:
        return True
    low, high = max(0, fixed - tolerance), fixed + tolerance + 1
    width = stop - start
    if vertical:
        mask, ink = mask.T, ink.T
    along = _line_ink(ink, low, high, start, stop)
    hits = np.count_nonzero(mask[low:high, start:stop].any(axis=0))
    if hits >= width * _BORDER_COVERAGE and along >= width * _BORDER_LINE_INK:
        return True
    return along >= width * _BORDER_INK_COVERAGE


def _line_ink(ink: np.ndarray, low: int, high: int, start: int, stop: int) -> int:
    """How many columns have ink in the band of rows `low:high` that does not run on through
    the rows just above and below it, as a letter's stem does. A bold word printed across
    the band (a merged header cell's "Năm" where its neighbour's rule runs) inks half its
    columns there, many of them stems; the rule mask bridges its letters into a line."""
    reach = high - low
    along = ink[low:high, start:stop].any(axis=0)
    if low < reach:
        return int(np.count_nonzero(along))
    through = ink[low - reach // 2:low, start:stop].all(axis=0) & ink[
        high:high + reach // 2, start:stop].all(axis=0)
    return int(np.count_nonzero(along & ~through))


def _merge_cells(xs: list[int], ys: list[int],
                 sources: tuple[np.ndarray, np.ndarray, np.ndarray],
                 tolerance: int) -> tuple[list[GridCell], list[tuple[int, int, int, int]]]:
    horizontal, vertical, ink = sources
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    borders = [(x, ys[0], x, ys[-1]) for x in (xs[0], xs[-1])]
    borders += [(xs[0], y, xs[-1], y) for y in (ys[0], ys[-1])]
    ruled_right: set[tuple[int, int]] = set()
    ruled_below: set[tuple[int, int]] = set()
    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and _covered(vertical, ink, xs[c + 1], ys[r], ys[r + 1],
                                           tolerance, vertical=True):
                ruled_right.add((r, c))
                borders.append((xs[c + 1], ys[r], xs[c + 1], ys[r + 1]))
            if r + 1 < n_rows and _covered(horizontal, ink, ys[r + 1], xs[c], xs[c + 1],
                                           tolerance, vertical=False):
                ruled_below.add((r, c))
                borders.append((xs[c], ys[r + 1], xs[c + 1], ys[r + 1]))
    groups = merged_slots(n_rows, n_cols, open_right=lambda r, c: (r, c) not in ruled_right,
                          open_down=lambda r, c: (r, c) not in ruled_below)
    cells = []
    for members in groups:
        rows = [m[0] for m in members]
        cols = [m[1] for m in members]
        r0, r1, c0, c1 = min(rows), max(rows), min(cols), max(cols)
        cells.append(GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1,
                              (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])))
    cells.sort(key=lambda cell: (cell.row, cell.col))
    return cells, borders


def tables(grid: Grid) -> list[Grid]:
    """The grid cut at its gaps into the tables ruled on the page, each with only the columns
    its own rules draw (a column rule of the table above is no column of the one below)."""
    if not grid.gaps:
        return [grid]
    bounds = [grid.ys[0], *(y for gap in grid.gaps for y in gap), grid.ys[-1]]
    parts = []
    for top, bottom in zip(bounds[::2], bounds[1::2], strict=True):
        first, last = grid.ys.index(top), grid.ys.index(bottom)
        cells = [_clipped(c, grid.ys, first, last) for c in grid.cells
                 if c.row < last and c.row + c.row_span > first]
        if not cells:
            continue
        xs = sorted({c.left for c in cells} | {c.right for c in cells})
        col = {x: i for i, x in enumerate(xs)}
        parts.append(Grid(xs, grid.ys[first:last + 1], [
            GridCell(c.row - first, col[c.left], c.row_span, col[c.right] - col[c.left],
                     c.box) for c in cells],
            [b for b in grid.borders if top <= b[1] <= bottom and top <= b[3] <= bottom]))
    return parts


def _clipped(cell: GridCell, ys: list[int], first: int, last: int) -> GridCell:
    """`cell` cut to the grid rows `first`..`last` (a table's): a cell a broken rule merged
    into the band between two tables (a damaged or faint page) keeps its rows inside the
    table, so that the table's cells still cover its grid."""
    start, end = max(cell.row, first), min(cell.row + cell.row_span, last)
    if (start, end) == (cell.row, cell.row + cell.row_span):
        return cell
    return GridCell(start, cell.col, end - start, cell.col_span,
                    (cell.left, ys[start], cell.right, ys[end]))


def with_rules(grid: Grid, ys: list[int]) -> Grid:
    """The grid with more horizontal rules (y positions inside single-row grid rows): each
    cut row becomes several rows of the same cells, side by side."""
    new_ys = sorted(set(grid.ys) | {y for y in ys if grid.ys[0] < y < grid.ys[-1]})
    index = {y: i for i, y in enumerate(new_ys)}
    cells = []
    for cell in grid.cells:
        top, bottom = index[grid.ys[cell.row]], index[grid.ys[cell.row + cell.row_span]]
        if cell.row_span == 1:
            cells += [GridCell(r, cell.col, 1, cell.col_span,
                               (cell.left, new_ys[r], cell.right, new_ys[r + 1]))
                      for r in range(top, bottom)]
        else:  # only single-row grid rows are cut; a merged cell keeps its extent
            cells.append(GridCell(top, cell.col, bottom - top, cell.col_span, cell.box))
    borders = grid.borders + [(grid.xs[0], y, grid.xs[-1], y) for y in new_ys
                              if y not in grid.ys]
    cells.sort(key=lambda cell: (cell.row, cell.col))
    return Grid(list(grid.xs), new_ys, cells, borders, grid.gaps)


def erase_rules(binary: np.ndarray, grid: Grid | None, horizontal: np.ndarray,
                vertical: np.ndarray, dpi: int) -> np.ndarray:
    """The page without its rules: along every border the grid found, a band as wide as a
    rule's ragged edge (a copier breaks thin rules into dashes too short for the masks), and
    what the masks found near the rules' lines (a thick or wavy rule). Elsewhere the masks
    are not trusted: the crossbars of "TT" or a run of serifs can look like a short rule."""
    if grid is None:
        return binary
    half = max(2, round(dpi / 100)) + 1
    reach = 3 * half
    near = np.zeros(binary.shape, dtype=bool)
    x0, y0, x1, y1 = grid.bbox
    for y in grid.ys:
        near[max(0, y - reach): y + reach + 1, max(0, x0 - reach): x1 + reach + 1] = True
    for x in grid.xs:
        near[max(0, y0 - reach): y1 + reach + 1, max(0, x - reach): x + reach + 1] = True
    for cell in grid.cells:  # a merged cell has no rule inside it, only its text: a bold
        # word centred on its rows ("Nhiệm vụ" beside a group's sub-columns) whose stems
        # the masks bridge into a line at the height of its neighbours' rule
        if cell.row_span > 1 or cell.col_span > 1:
            left, top, right, bottom = cell.box
            near[top + reach: bottom - reach, left + reach: right - reach] = False
    rules = cv2.dilate(horizontal | vertical, np.ones((3, 3), np.uint8)) > 0
    cleaned = binary.copy()
    cleaned[rules & near] = 255
    for bx0, by0, bx1, by1 in grid.borders:
        cleaned[max(0, by0 - half): by1 + half + 1, max(0, bx0 - half): bx1 + half + 1] = 255
    return cleaned


# A rule printed alone outside the table — under the letterhead's issuer or its motto, under
# a title — is a thin stroke this long (inches) with no letter joined to it.
_LOOSE_RULE_INCHES = 0.3


def erase_loose_rules(binary: np.ndarray, grid: Grid | None, dpi: int) -> np.ndarray:
    """The page without the rules printed alone outside the table's box: each a piece of ink
    of its own, long and no thicker than a rule. Tesseract reads such a rule as letters
    ("cố"), or loses the line of text it runs along (the letterhead's "Số: …" and motto)."""
    ink = (binary < 128).astype(np.uint8)
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    longest, thickest = round(_LOOSE_RULE_INCHES * dpi), max(4, round(_MAX_RULE_INCHES * dpi))
    cleaned = None
    for left, top, width, height, _area in stats[1:count]:
        if width < longest or height > thickest or _inside(grid, left, top, width, height):
            continue
        cleaned = binary.copy() if cleaned is None else cleaned
        cleaned[top:top + height, left:left + width] = 255
    return binary if cleaned is None else cleaned


def _inside(grid: Grid | None, left: int, top: int, width: int, height: int) -> bool:
    if grid is None:
        return False
    x0, y0, x1, y1 = grid.bbox
    return left + width > x0 and left < x1 and top + height > y0 and top < y1
