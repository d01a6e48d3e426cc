"""A table's geometry as a grid of slots, and the page's chars put into its cells.

A table finder gives cell rectangles; merged cells are rectangles that cover several grid
slots. `Grid` numbers the distinct column edges and row edges, records which cell covers
each slot, puts every char in the cell under its centre (one pass over the chars, each found
by bisection) and resolves the slots to text the way the document means it: a horizontally
merged slot is empty, a vertically merged slot repeats the merged cell's text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from chitieu.core.types import BBox, Cell
from chitieu.extract.grid import Ruled, Slot, SpanGrid
from chitieu.extract.pdf_page import text_direction, turn

EDGE_TOLERANCE = 1.5  # points: rules drawn a hair apart are the same edge
LINE_TOLERANCE = 3.0  # points: chars whose tops differ by less sit on one line
WORD_GAP_EM = 0.2  # a gap wider than this share of the font size separates words
MIN_TURNED_CHARS = 3  # fewer letters stacked in a narrow cell tell no direction
MIN_INSET = 0.5  # points: text closer than this to a cell's left side is not padded in it
TURN_FRAME = 10_000.0  # points: any frame that holds the cell will do for turning it
_x0 = itemgetter("x0")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")


@dataclass(slots=True)
class GridCell:
    """One drawn cell: its rectangle, the slots it covers (end exclusive) and its chars."""

    bbox: BBox
    row: int
    col: int
    row_end: int
    col_end: int
    chars: list[dict] = field(default_factory=list)
    text: str = ""
    bold: bool = False

    @property
    def rows_spanned(self) -> int:
        return self.row_end - self.row


def _edges(values: Iterable[float]) -> list[float]:
    """Distinct coordinates, with ones closer than the tolerance taken as one."""
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > EDGE_TOLERANCE:
            edges.append(value)
    return edges


def _index(edges: list[float], value: float) -> int:
    return bisect_right(edges, value + EDGE_TOLERANCE) - 1


class Grid(Ruled):
    """The slots of one table and the cells covering them."""

    def __init__(self, boxes: Sequence[BBox]):
        self.xs = _edges([b[0] for b in boxes] + [b[2] for b in boxes])
        self.ys = _edges([b[1] for b in boxes] + [b[3] for b in boxes])
        self.bbox: BBox = (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])
        # a slot keeps the first rectangle covering it; a duplicate rectangle is left out
        self.slots: SpanGrid[GridCell] = SpanGrid(self.n_rows, self.n_cols)
        for box in sorted(boxes, key=lambda b: (b[1], b[0])):
            row, col = _index(self.ys, box[1]), _index(self.xs, box[0])
            row_end = max(row + 1, _index(self.ys, box[3]))
            col_end = max(col + 1, _index(self.xs, box[2]))
            self.slots.place(GridCell(tuple(box), row, col, row_end, col_end), row, col,
                             row_end - row, col_end - col)
        self.cells = self.slots.cells

    def contains(self, x: float, y: float) -> bool:
        x0, top, x1, bottom = self.bbox
        return x0 <= x < x1 and top <= y < bottom

    def cell_at(self, x: float, y: float) -> GridCell | None:
        row = min(bisect_right(self.ys, y) - 1, self.n_rows - 1)
        col = min(bisect_right(self.xs, x) - 1, self.n_cols - 1)
        if row < 0 or col < 0:
            return None
        return self.slots.owner(row, col)

    def slot_bbox(self, row: int, col: int) -> BBox:
        return (self.xs[col], self.ys[row], self.xs[col + 1], self.ys[row + 1])

    def row_bbox(self, row: int) -> BBox:
        return (self.xs[0], self.ys[row], self.xs[-1], self.ys[row + 1])

    def finish(self) -> None:
        """Turn each cell's chars into its text and bold flag."""
        inset = self._inset()
        for cell in self.cells:
            chars = upright_chars(cell.chars)
            fits = inset is not None and chars is cell.chars
            room = (cell.bbox[0] + inset, cell.bbox[2] - inset) if fits else None
            cell.text = chars_to_text(chars, room)
            cell.bold = is_bold(cell.chars)

    def _inset(self) -> float | None:
        """The cell padding: the narrowest gap between a cell's left side and its text (a
        left-aligned cell starts right at the padding; centred ones start further in)."""
        gaps = [min(c["x0"] for c in cell.chars) - cell.bbox[0]
                for cell in self.cells if cell.chars]
        # text at or left of a side is not in a padded cell (a heading paragraph between two
        # tables the finder took for one band): it says nothing about the padding
        gaps = [g for g in gaps if g > MIN_INSET]
        return min(gaps) if gaps else None

    def resolve_row(self, row: int) -> list[Cell]:
        """The row's cells, one per grid column, merged slots resolved."""
        out: list[Cell] = []
        for col, (cell, slot) in enumerate(self.slots.slots(row)):
            if cell is None:
                out.append(Cell("", self.slot_bbox(row, col)))
            elif slot is Slot.RIGHT:
                out.append(Cell("", self.slot_bbox(row, col), cell.bold))
            elif slot is Slot.BELOW:
                out.append(Cell(cell.text, self.slot_bbox(row, col), cell.bold))
            else:
                out.append(Cell(cell.text, cell.bbox, cell.bold))
        return out


def upright_chars(chars: list[dict]) -> list[dict]:
    """A cell's chars, turned to read left to right when the cell's text runs up or down
    (Word's "text direction" in a narrow header cell); the same list when it reads across."""
    if sum(1 for c in chars if not c["text"].isspace()) < MIN_TURNED_CHARS:
        return chars
    direction = text_direction(chars)
    if direction == "right":
        return chars
    return [turn(c, direction, TURN_FRAME, TURN_FRAME) for c in chars]


def is_bold(chars: Sequence[dict]) -> bool:
    """Most of the visible chars are set in a bold font."""
    visible = [c for c in chars if not c["text"].isspace()]
    if not visible:
        return False
    bold = sum(1 for c in visible if "bold" in c["fontname"].lower())
    return bold * 2 > len(visible)


def split_lines(chars: Sequence[dict]) -> list[list[dict]]:
    """Chars grouped into lines, top to bottom, each line left to right. A char belongs to
    the line whose middle is within half an em of its own, so a superscript ("m²", a
    footnote mark) stays on its line."""
    lines: list[list[dict]] = []
    line_middle = None
    for char in sorted(chars, key=_middle):
        middle = _middle(char)
        if line_middle is None or middle - line_middle > max(LINE_TOLERANCE, char["size"] / 2):
            lines.append([])
            line_middle = middle
        lines[-1].append(char)
    for line in lines:
        line.sort(key=_x0)
    return lines


def _middle(char: dict) -> float:
    return (char["top"] + char["bottom"]) / 2


def line_text(line: Sequence[dict]) -> str:
    """One line's chars as text, with a space where the gap is a word space (PDFs from Word
    often draw no space glyph: a Times space is a quarter em, letters sit closer). A loose
    accent (a combining mark drawn as its own glyph) joins the letter it sits over."""
    letters = [c for c in line if not (c["text"] and unicodedata.combining(c["text"][0]))]
    texts = [c["text"] for c in letters]
    for mark in line:
        if letters and mark["text"] and unicodedata.combining(mark["text"][0]):
            centre = (mark["x0"] + mark["x1"]) / 2
            nearest = min(range(len(letters)),
                          key=lambda i: abs((letters[i]["x0"] + letters[i]["x1"]) / 2 - centre))
            texts[nearest] += mark["text"]
    parts: list[str] = []
    last_x1 = None
    last: dict | None = None
    for char, text in zip(letters, texts, strict=True):
        if last is not None and _footnote_mark(char, last):
            continue  # "2026¹", "≥ 85²": a footnote mark raised after a figure, no digit of it
        if last_x1 is not None and char["x0"] - last_x1 > char["size"] * WORD_GAP_EM:
            parts.append(" ")
        parts.append(text)
        last_x1 = char["x1"]
        last = char
    return "".join(parts)


def _footnote_mark(char: dict, before: dict) -> bool:
    """A digit or star set smaller and raised right after a figure's digit: a footnote
    mark (a unit's "m²" follows a letter)."""
    return (char["text"] in _MARKS and before["text"].isdigit()
            and char["size"] <= 0.8 * before["size"]
            and char["bottom"] < before["bottom"] - 0.15 * before["size"])


_MARKS = frozenset("0123456789*")


def chars_to_text(chars: Sequence[dict], room: tuple[float, float] | None = None) -> str:
    """A cell's text: its lines joined by one space, white space collapsed, NFC.

    `room` is the span a cell's text can fill (its sides less the padding). A word longer
    than that span is broken where the cell ends ("ST" / "T" in a narrow STT column): a line
    holding one word that fills the span, before a line whose first letter would not have
    fitted after it, continues that word on the next line without a space.
    """
    if not chars:
        return ""
    lines = split_lines(chars)
    parts: list[str] = []
    for i, line in enumerate(lines):
        text = line_text(line)
        if i and not (room is not None and _word_broken(lines[i - 1], line, room)) and not (
                _broken_after_hyphen(parts[-1], text)):
            parts.append(" ")
        parts.append(text)
    return " ".join(unicodedata.normalize("NFC", "".join(parts)).split())


# a line ending in a hyphen, dash or slash glued to the word before it ("NĐ-", "2026–",
# "người/")
_ENDS_GLUED_DASH = re.compile(r"\S[-\u2010\u2011\u2013\u2014/]\s*$")


def _broken_after_hyphen(line: str, next_line: str) -> bool:
    """Word and LibreOffice break a line after a hyphen or a slash inside a code, a range
    or a unit ("Nghị định số 45/2020/NĐ-" / "CP", "Giai đoạn 2026–" / "2030", "Triệu
    đồng/người/" / "năm"): the next line goes on without a space. A dash or slash with a
    space before it ("Văn phòng HĐND -" / "UBND") stays apart."""
    stripped = next_line.lstrip()
    return bool(stripped) and stripped[0].isalnum() and bool(_ENDS_GLUED_DASH.search(line))


def _word_broken(line: Sequence[dict], next_line: Sequence[dict],
                 room: tuple[float, float]) -> bool:
    visible = [c for c in line if not c["text"].isspace()]
    following = [c for c in next_line if not c["text"].isspace()]
    # a line of one word: words bound by non-breaking spaces ("Tháng 9/2026") are one,
    # since the line could not break between them
    if not visible or not following or " " in line_text(line).strip(" "):
        return False
    if not (visible[-1]["text"].isalnum() and following[0]["text"].isalnum()):
        return False
    left_over = room[1] - room[0] - (visible[-1]["x1"] - visible[0]["x0"])
    if left_over >= following[0]["x1"] - following[0]["x0"]:
        return False
    # a full line of one syllable before another syllable is an ordinary wrap ("Thường" /
    # "xuyên" in a narrow column): join only what reads as one syllable, a number or a code
    head = "".join(c["text"] for c in visible)
    tail = line_text(following).split(" ", 1)[0]
    if head[-1].islower() and tail[0].isupper():
        return False  # a word does not turn to capitals where it breaks ("Số" / "TT")
    return _syllables(head + tail) <= 1


def _syllables(word: str) -> int:
    """Vowel groups in a word, its accents dropped: one per Vietnamese syllable."""
    from chitieu.core.text import to_ascii

    return len(_VOWEL_GROUP.findall(to_ascii(word).lower()))
