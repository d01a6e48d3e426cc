"""One image for one Tesseract call, laid out so every text line belongs to one table row.

Read as a whole, a table page confuses Tesseract's line finder: an agency written once for
four rows sits between their lines, and the lines around it are read with the wrong baseline
("5.1" becomes "0.1"). So the page is cut at its rules into pieces — the text above the table,
each grid row (without the cells that span rows), each cell that spans rows, the text below —
and the pieces are stacked with white space between them. Tesseract still runs once per page,
and its words are mapped back to page coordinates.

The national header's two columns at the top of the page are two pieces as well: their lines
sit at heights of their own ("Số: 31/KH-UBND" half a line below "Độc lập - Tự do - Hạnh
phúc"), and read across, Tesseract took the pair for one skewed line and lost both.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from chitieu.extract.ocr.grid import Grid
from chitieu.extract.ocr.tesseract import Word

PixelBox = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Piece:
    box: PixelBox  # where the piece is on the page
    top: int  # where it is in the mosaic (its left edge is at x=0)


def build_mosaic(image: np.ndarray, grid: Grid, gap: int) -> tuple[np.ndarray, list[Piece]]:
    """The stacked pieces of a page with a ruled table, and where each came from."""
    height, width = image.shape
    x0, y0, x1, y1 = grid.bbox
    tall = [c for c in grid.cells if c.row_span > 1]
    crops: list[tuple[PixelBox, np.ndarray]] = []
    columns = _two_columns(image[:y0], gap)
    if columns is None:
        crops.append(((0, 0, width, y0), image[:y0]))
    else:
        gutter, bottom = columns
        crops += [((0, 0, gutter, bottom), image[:bottom, :gutter]),
                  ((gutter, 0, width, bottom), image[:bottom, gutter:]),
                  ((0, bottom, width, y0), image[bottom:y0])]
    for r in range(grid.n_rows):
        box = (x0, grid.ys[r], x1, grid.ys[r + 1])
        strip = image[box[1]:box[3], box[0]:box[2]].copy()
        for cell in tall:
            if cell.row <= r < cell.row + cell.row_span:
                strip[:, cell.left - x0: cell.right - x0] = 255
        cells = [c for c in grid.cells if c.row == r and c.row_span == 1]
        if _lines_up(strip, cells, x0, gap):
            crops.append((box, strip))
        else:  # text centred in some cells of a tall row: each cell a piece of its own
            crops += [((c.left, c.top, c.right, c.bottom),
                       image[c.top:c.bottom, c.left:c.right]) for c in cells]
    for cell in tall:
        box = (cell.left, cell.top, cell.right, cell.bottom)
        crops.append((box, image[cell.top:cell.bottom, cell.left:cell.right]))
    crops.append(((0, y1, width, height), image[y1:]))
    crops = [(box, crop) for box, crop in crops if crop.size and (crop < 128).any()]
    if not crops:
        return np.full((gap, width), 255, np.uint8), []
    total = sum(crop.shape[0] for _, crop in crops) + gap * (len(crops) + 1)
    mosaic = np.full((total, max(crop.shape[1] for _, crop in crops)), 255, np.uint8)
    pieces = []
    top = gap
    for box, crop in crops:
        mosaic[top:top + crop.shape[0], : crop.shape[1]] = crop
        pieces.append(Piece(box, top))
        top += crop.shape[0] + gap
    return mosaic, pieces


# The gutter between the header's columns: this many piece gaps wide at least, somewhere in
# the middle of the page's width.
_GUTTER_GAPS = 3
_GUTTER_SPAN = (0.25, 0.75)


def _two_columns(region: np.ndarray, gap: int) -> tuple[int, int] | None:
    """(x of the gutter, the bottom) of a block of two columns of lines at the top of the
    region — ink on both sides of a white band down the middle, two lines or more each side
    — ended by the first line that crosses the band's middle (a centred title); None when
    the region's first lines have no such band."""
    ink = region < 128
    lines = _text_lines(ink.any(axis=1), gap // 2)
    width = region.shape[1]
    lo, hi = round(_GUTTER_SPAN[0] * width), round(_GUTTER_SPAN[1] * width)
    seen = np.zeros(width, dtype=bool)
    found = None
    for count, (top, bottom) in enumerate(lines, 1):
        line = ink[top:bottom].any(axis=0)
        if count > 1:  # the line must leave the band's middle white, or it crosses it
            half = _GUTTER_GAPS * gap // 2
            if line[max(0, (lo + hi) // 2 - half):(lo + hi) // 2 + half + 1].any():
                break
        gutter = _widest_white(seen | line, lo, hi)  # within the band the lines above left
        if gutter is None or gutter[1] - gutter[0] < _GUTTER_GAPS * gap:
            break
        seen, (lo, hi) = seen | line, gutter
        middle = (lo + hi) // 2
        sides = [ink[t:b].any(axis=0) for t, b in lines[:count]]
        if (sum(s[:middle].any() for s in sides) >= 2
                and sum(s[middle:].any() for s in sides) >= 2):
            found = (middle, bottom + (lines[count][0] - bottom) // 2
                     if count < len(lines) else region.shape[0])
    return found


def _text_lines(rows: np.ndarray, join: int) -> list[tuple[int, int]]:
    """(top, bottom) of the runs of inked rows, a run less than `join` rows below another
    joined to it: a line of capitals and the marks above them are one line."""
    lines: list[tuple[int, int]] = []
    start = None
    for y, inked in enumerate([*rows.tolist(), False]):
        if inked and start is None:
            start = y
        elif not inked and start is not None:
            if lines and start - lines[-1][1] < join:
                lines[-1] = (lines[-1][0], y)
            else:
                lines.append((start, y))
            start = None
    return lines


def _widest_white(columns: np.ndarray, lo: int, hi: int) -> tuple[int, int] | None:
    """The widest run of columns without ink between lo and hi."""
    best, start = None, None
    for x in range(lo, hi + 1):
        white = x < hi and not columns[x]
        if white and start is None:
            start = x
        elif not white and start is not None:
            if best is None or x - start > best[1] - best[0]:
                best = (start, x)
            start = None
    return best


def _lines_up(strip: np.ndarray, cells: list, x0: int, tolerance: int) -> bool:
    """Do the cells' texts start at about the same height (all set at the top, or one line
    each)? Then the row can be read as one strip."""
    starts = []
    for cell in cells:
        rows = np.flatnonzero((strip[:, cell.left - x0: cell.right - x0] < 128).any(axis=1))
        if rows.size:
            starts.append(int(rows[0]))
    return not starts or max(starts) - min(starts) <= tolerance


def to_page(words: list[Word], pieces: list[Piece]) -> list[Word]:
    """Words read on the mosaic, moved back to where they are on the page. Tesseract's line
    numbers are made unique per piece so that lines of different pieces never merge."""
    placed = []
    for word in words:
        piece = _piece_of(word, pieces)
        if piece is None:
            continue
        dx, dy = piece.box[0], piece.box[1] - piece.top
        block = pieces.index(piece) + 1
        placed.append(replace(word, left=word.left + dx, top=word.top + dy,
                              right=word.right + dx, bottom=word.bottom + dy, block=block))
    return placed


def _piece_of(word: Word, pieces: list[Piece]) -> Piece | None:
    centre = word.y_centre
    for piece in pieces:
        if piece.top <= centre < piece.top + piece.box[3] - piece.box[1]:
            return piece
    return None
