"""One image for one Tesseract call, laid out so every text line belongs to one table row.

Read as a whole, a table page confuses Tesseract's line finder: an agency written once for
four rows sits between their lines, and the lines around it are read with the wrong baseline
("5.1" becomes "0.1"). So the page is cut at its rules into pieces — the text above the table,
each grid row (without the cells that span rows), each cell that spans rows, the text below —
and the pieces are stacked with white space between them. Tesseract still runs once per page,
and its words are mapped back to page coordinates.
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
    crops.append(((0, 0, width, y0), image[:y0]))
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
