"""OCR words into text: lines outside the table, one text per cell inside it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from statistics import median

from chitieu.ocr.grid import Grid, GridCell
from chitieu.ocr.tesseract import Word

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
    text to its first column; a cell spanning rows gives it to each row it covers."""
    by_cell: dict[GridCell, list[Word]] = defaultdict(list)
    for word in words:
        cell = grid.locate(word.x_centre, word.y_centre)
        if cell is not None:
            by_cell[cell].append(word)
    rows = []
    for r in range(grid.n_rows):
        texts, boxes, row_words, spans = [], [], [], []
        for c in range(grid.n_cols):
            cell = grid.owner(r, c)
            spans.append(cell.row_span if cell.row == r else 0)
            if cell.col != c:
                texts.append("")
                boxes.append(None)
                continue
            texts.append(cell_text(by_cell.get(cell, [])))
            boxes.append((cell.left, cell.top, cell.right, cell.bottom))
            row_words.extend(by_cell.get(cell, []))
        if not any(texts):
            continue
        bbox = (grid.xs[0], grid.ys[r], grid.xs[-1], grid.ys[r + 1])
        rows.append(TableRow(texts, boxes, bbox, _confidence(row_words), spans))
    return rows


def cell_text(words: list[Word]) -> str:
    """A cell's words in reading order: lines by height, words by position."""
    if not words:
        return ""
    words = sorted(words, key=lambda w: w.y_centre)
    tolerance = 0.5 * median(max(w.height, 1) for w in words)
    lines: list[list[Word]] = []
    for word in words:
        if lines and abs(word.y_centre - _mean_y(lines[-1])) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return " ".join(_join(line) for line in lines)


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
