"""OCR words into text: lines outside the table, one text per cell inside it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from statistics import median

import regex

from chitieu.extract.grid import Slot
from chitieu.extract.ocr.grid import Grid, GridCell
from chitieu.extract.ocr.tesseract import Word

PixelBox = tuple[int, int, int, int]


@dataclass(slots=True)
class TextLine:
    text: str
    bbox: PixelBox
    confidence: float | None


@dataclass(slots=True)
class TableRow:
    texts: list[str]
    boxes: list[PixelBox | None]
    bbox: PixelBox
    confidence: float | None
    # per column: how many grid rows the cell starting in this row spans (0: it started above)
    spans: list[int] | None = None


def text_lines(words: list[Word]) -> list[TextLine]:
    """Words outside a table as lines, top to bottom, using Tesseract's own line grouping
    (which keeps side-by-side blocks apart)."""
    groups: dict[tuple[int, int, int], list[Word]] = defaultdict(list)
    loose = []
    for word in words:
        if word.block:
            groups[(word.block, word.par, word.line)].append(word)
        else:
            loose.append(word)
    lines = list(groups.values())
    for word in loose:  # a sign put back by itself: join the line it sits on
        home = next((line for line in lines if _same_line(line, word)), None)
        if home is None:
            lines.append([word])
        else:
            home.append(word)
    lines.sort(key=lambda line: (min(w.top for w in line), min(w.left for w in line)))
    return [TextLine(_join(line), _box(line), _confidence(line)) for line in lines]


def _same_line(line: list[Word], word: Word) -> bool:
    top, bottom = min(w.top for w in line), max(w.bottom for w in line)
    return top <= word.y_centre <= bottom


def cell_rows(grid: Grid, words: list[Word]) -> list[TableRow]:
    """One row per grid row with one text per grid column. A cell spanning columns gives its
    text to its first column; a cell spanning rows gives it to each row it covers. A grid row
    holding several numbered rows (a table ruled between columns only) is one row per number
    (`split_unruled_rows`)."""
    grid = split_unruled_rows(grid, words)
    by_cell: dict[GridCell, list[Word]] = defaultdict(list)
    for word in words:
        cell = grid.locate(word.x_centre, word.y_centre)
        if cell is not None:
            by_cell[cell].append(word)
    rows = []
    for r in range(grid.n_rows):
        texts, boxes, row_words, spans = [], [], [], []
        for cell, slot in grid.slots.slots(r, grid.n_cols):
            if cell is None:  # a slot no cell covers (a damaged page's rules): an empty
                # cell; words there are no cell's and come out as lines after the table
                spans.append(1)
                texts.append("")
                boxes.append(None)
                continue
            spans.append(cell.row_span if cell.row == r else 0)
            if slot is Slot.RIGHT:
                texts.append("")
                boxes.append(None)
                continue
            texts.append(cell_text(by_cell.get(cell, [])))
            boxes.append(cell.box)
            row_words.extend(by_cell.get(cell, []))
        if not any(texts):
            continue
        bbox = (grid.xs[0], grid.ys[r], grid.xs[-1], grid.ys[r + 1])
        rows.append(TableRow(texts, boxes, bbox, _confidence(row_words), spans))
    return rows


# A row number as OCR reads it: "12", "1.2.", "IV", "a)", "B.", "HI".
_ROW_NUMBER = regex.compile(r"^(?:[0-9OolI|]+(?:\.[0-9OolI|]+)*\.?|[IVXLHT]{1,5}\.?|"
                            r"\p{L}[.)]?|[-–+•])$")
# A row starts this far (in lines) above its number's top: the number sits on its first line.
_ROW_TOP_MARGIN = 0.3


def split_unruled_rows(grid: Grid, words: list[Word]) -> Grid:
    """A table ruled between its columns but not between its rows reads as one tall grid row
    holding many: cut such a grid row above every line of its first column that is a row
    number ("1", "2", "II", "a)"), each cut a rule the page did not print. Cells are taken
    as printed at the top of their row, as Word prints them."""
    cuts: list[int] = []
    for r in range(1, grid.n_rows):  # the first is the header ("T" over "T" of a narrow "TT")
        owners = [grid.slots.owner(r, c) for c in range(grid.n_cols)]
        # a slot no cell covers (rules of a damaged page that meet nowhere) tells nothing of
        # the row's cells: it is left as ruled
        if any(o is None or o.row_span != 1 for o in owners):
            continue
        first = owners[0]
        if first.col_span != 1:
            continue
        inside = [w for w in words if grid.locate(w.x_centre, w.y_centre) is first]
        lines = _lines(inside)
        texts = [_join(line) for line in lines]
        if (len(lines) < 2 or not all(_ROW_NUMBER.match(t) for t in texts)
                or not any(c.isdigit() for t in texts for c in t)):
            continue
        band = [w for w in words if grid.ys[r] <= w.y_centre < grid.ys[r + 1]]
        for number, line in enumerate(lines):
            height = median(max(w.height, 1) for w in line)
            cut = round(min(w.top for w in line) - _ROW_TOP_MARGIN * height)
            # above the first number, words of a row with none (a section OCR lost the
            # number of, the end of a row cut by the page break) are a row of their own
            if number or any(w.bottom < cut for w in band):
                cuts.append(cut)
    if not cuts:
        return grid
    from chitieu.extract.ocr.grid import with_rules

    return with_rules(grid, sorted(cuts))


def _lines(words: list[Word]) -> list[list[Word]]:
    if not words:
        return []
    words = sorted(words, key=lambda w: w.y_centre)
    tolerance = 0.5 * median(max(w.height, 1) for w in words)
    lines: list[list[Word]] = []
    for word in words:
        if lines and abs(word.y_centre - _mean_y(lines[-1])) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def cell_text(words: list[Word]) -> str:
    """A cell's words in reading order: lines by height, words by position."""
    return " ".join(_join(line) for line in _lines(words))


def _mean_y(line: list[Word]) -> float:
    return sum(w.y_centre for w in line) / len(line)


def _join(line: list[Word]) -> str:
    return " ".join(w.text for w in sorted(line, key=lambda w: w.left))


def _box(words: list[Word]) -> PixelBox:
    return (min(w.left for w in words), min(w.top for w in words),
            max(w.right for w in words), max(w.bottom for w in words))


def _confidence(words: list[Word]) -> float | None:
    confs = [w.conf for w in words if w.conf >= 0]
    return sum(confs) / len(confs) if confs else None
