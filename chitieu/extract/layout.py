"""`pdftotext -layout` output: a table drawn with spaces.

Each page (pages are split by form feeds) is read on its own, because pdftotext places the
columns differently on every page:

1. words and their character positions;
2. the header: the lines around the first line that names columns ("TT", "Nội dung", "Đơn
   vị chủ trì" …), as many as make most columns name a role (header labels wrap over
   several lines, one or two words each);
3. the columns: runs of character positions that the body's words cover, split at the
   gutters that (almost) no line prints into; every word goes to the column nearest its
   centre;
4. the rows: a cell of a multi-line row is printed vertically centred, so its lines
   interleave with the neighbouring cells'. A row is anchored on the line of its number
   (first column, or a second narrow label column: "a)", "1"); each column's lines are
   cut into one contiguous group per row so that every group is centred on its row's
   anchor (dynamic programming). A cell merged over several rows (printed once, centred on
   the group) is given to every row of the group, which has no text of its own there.
5. what cannot be placed with confidence is warned, never moved silently: a cell printed
   off its row's number towards a neighbouring row with nothing in that column (a cell
   merged over rows that step 4 could not match), or text given to a row although it sits
   nearer another row's number, which has nothing in that column. Both rows get the
   warning `cell_placement_uncertain:<column>`.

Lines of a page before its first anchor continue the last row of the previous page; a line
holding only a page number is dropped; text above the first header is one-cell rows.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, combinations, pairwise
from pathlib import Path

from chitieu.core import lexicon
from chitieu.core.agencies import AgencyNames
from chitieu.core.headers import (
    first_role,
    group_names_the_kind,
    is_bare_year,
    line_key,
    vocabulary,
)
from chitieu.core.heading import APPENDIX, ATTACHED
from chitieu.core.letterhead import roman_heading
from chitieu.core.numbering import (
    COLUMN_LABEL,
    IN_WHICH,
    LETTER_ONLY,
    LOWER,
    ROMAN,
    ROMAN_ONLY,
    ROW_NUMBER,
    numbers_columns,
)
from chitieu.core.types import Cell, RawDocument, RawRow
from chitieu.extract.unicode import decode_bytes

Agencies = AgencyNames | Callable[[], AgencyNames] | None
_WORD = re.compile(r"\S+")
_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_BODY_HEADING = re.compile(rf"^{ROMAN}\.$")  # "III." opening a plan's body heading
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$")
_MAX_LABEL_WIDTH = 5
_BULLETS = frozenset({"-", "+", "–", "•", "*"})
_DASHES = frozenset({"-", "–"})
_LOWER_ITEM = re.compile(rf"^{LOWER}\)$")  # "a)", "đ)": an item under a group's title
_AGENCY_ROLES = frozenset({"lead", "support", "monitor"})
_EVERY_ROW_ROLES = frozenset({"lead", "monitor", "deadline"})  # what each task row names
_OPTIONAL_ROLES = frozenset({"support", "note"})  # what a row may well leave empty
# what a row sharing the block of the row above shares with it (a note is a row's own)
_BLOCK_ROLES = frozenset({"support"})
_OWN_ROLES = _OPTIONAL_ROLES - _BLOCK_ROLES  # … and what a row never shares (a note)
_FIGURE_ROLES = frozenset({"target", "baseline"})  # columns of figures
_FROM_TOP_ROWS = 3  # filled rows that show a column's cells print from their rows' tops
_GUTTER_SHARE = 0.06  # a gutter: positions printed into by at most this share of lines
_HEADER_REACH = (3, 5)  # header lines looked for above / below the line naming columns
_STACKED_REACH = (4, 5)  # … when the labels print a word a line ("S" / "T" / "T")
_STACKED_LINES = 25  # lines of a page a stacked header is looked for in
_STACKED_ROLES = 2  # roles besides the name's its labels must name
_MIN_GUTTER = 2
_MAX_LABEL_WORDS = 4  # words of a column label on one header line
_REFIT_REACH = 5
_STRAY_LINES = 2  # a column under no label must be printed into by more lines
_SHORT_PAGE = 15  # lines: fewer do not show a page's gutters reliably
# cutting a column's lines into rows (in units of one line of distance from a row's number)
_ALIGN_REACH = 3  # lines around a crowded line whose cells show where its columns sit
_LOWER_START_COST = 3.0  # a crowded line's piece starting in lower case
_NO_FIT = 1000.0
_NOTE_WORDS = 3  # a note line under the table holds a sentence, not a bare "(*)" mark
_CLOSING = "./."  # how a document's last sentence ends ("Trân trọng./."): no cell's end
_SHIFT = 4.0  # characters a crowded line's piece may sit off its column's centre
_NAME_BONUS = 3.0  # a crowded line's piece going on a known agency name across lines
_NAME_SPLIT_COST = 3.0  # a cut between two words of a known agency name
_HEAD_SPLIT_COST = 6.0  # … that leaves the name's first word alone at a piece's end ("Bộ")
_WRAP_COST = 10.0  # a crowded line's piece longer than its cell's line above lets it be
_HARD_STOPS = (";", ".")  # a word ending so ends a name
_PLACE_WORDS = 3  # words of the longest province name
_WORD_PUNCTUATION = ",;.:()[]\"“”'‘’"
_MOVE_MARGIN = 3.0  # how much better a chunk must sit in the next column to be moved there
_JOIN_COST = 4.0  # a cut between two lines of which the second plainly goes on the first
_IRREGULAR_COST = 1.0  # per gap between a cell's lines unlike its smallest
_OUTSIDE_COST = 6.0  # per line given to a row beyond its neighbours' numbers
_EMPTY_COST = 8.0  # a numbered row left without a name
_UNFILLED_COST = 1.5  # a numbered row left empty in a column with a line for every row
_CENTRED_TITLE_SHARE = 0.1  # how far off the table's middle a centred title's may be
_CENTRED_SKIP = 2  # lines of other cells a centred cell's lines skip between them, free
_REACH_LINES = 60  # lines beyond its neighbours' numbers a row's cell is looked for in
_GUESS_REACH = 2  # … in a first, quick cut whose cost bounds the search
_OUTSIDE_SPARE = 12  # lines beyond its neighbours' numbers a row's group may take at most
_MAX_PIECE_WORDS = 80  # words of a crowded line one column prints at most
_MAX_LABEL_PART_WORDS = 16  # words of one column's label crowded on a header line at most
_GLUED_NUMBERS = 3  # rows' numbers printed one space before their names that part a column
_BOUND_SLACK = 1e-6  # (costs are sums of halves: exact in floating point, this is spare)
# the rest of a capitalised label cut by a narrow column ("ST" / "T"), not a Roman number
_WRAPPED_CAPITALS = re.compile(r"^(?![IVXLCDM]+$)[A-ZĐ]{1,2}$")
_SENTENCE_ENDS = (".", ";", ":", "!", "?")
_OPEN_ENDINGS = (",", ";", "-", "–", "(", "/", "&")
_DATE_HEADS = frozenset({"quý", "tháng", "năm", "trước", "trong", "ngày", "đến", "từ"})
_RECURRING_HEADS = frozenset({"hằng", "hàng", "thường"})  # "Hằng năm", "Thường xuyên"
_CELL_START_HEADS = _DATE_HEADS | _RECURRING_HEADS  # the first words of a deadline cell
_DATE_TAIL = re.compile(r"^(?:[IVX]+|\d)")
_DATE_END = re.compile(r"(?:^|/)(?:19|20)\d\d$")  # "2026", "II/2026", "30/6/2026"
_OPEN_WORDS = frozenset({"và", "của", "các", "với", "cho", "theo", "tại", "về", "trên", "trong",
                         "hoặc", "để", "từ", "đến", "bằng", "là", "có", "được", "những", "nhóm"})


@dataclass(slots=True)
class _Word:
    x0: int
    x1: int
    text: str

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1 - 1) / 2


@dataclass(slots=True)
class _Line:
    number: int
    page: int
    words: list[_Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(slots=True)
class _Page:
    number: int
    lines: list[_Line]


@dataclass(slots=True)
class _Grid:
    """Columns of one page: (start, end) character positions."""

    spans: list[tuple[int, int]] = field(default_factory=list)

    def column_of(self, word: _Word, prefer_right: bool = False) -> int:
        """The column nearest the word's centre; between two equally near columns, the left
        one, or the right one for a header label (labels overhang a narrow column)."""
        centre = word.centre
        best, distance = 0, float("inf")
        for i, (start, end) in enumerate(self.spans):
            d = 0.0 if start <= centre <= end else min(abs(centre - start), abs(centre - end))
            if d < distance or (prefer_right and d == distance):
                best, distance = i, d
        return best

    def cells(self, line: _Line, header: bool = False) -> list[list[_Word]]:
        cells: list[list[_Word]] = [[] for _ in self.spans]
        for word in line.words:
            cells[self.column_of(word, header)].append(word)
        return cells


def read(path: Path, *, agencies: Agencies = None) -> RawDocument:
    return read_text(decode_bytes(Path(path).read_bytes()), agencies=agencies)


def read_text(text: str, *, agencies: Agencies = None) -> RawDocument:
    """`agencies`: the known agency names (or a function giving them, called only when a
    crowded line has to be cut): a cut that keeps a known name's words together across a
    line break is preferred. Without them, crowded lines are cut by position alone."""
    pages = _pages(text)
    reader = _Reader(_NamePairs(agencies))
    for page in pages:
        reader.page(page)
    return RawDocument(rows=reader.rows, format="text", pages=len(pages), ocr=False,
                       meta={"layout": "pdftotext-layout"})


def _pages(text: str) -> list[_Page]:
    pages = [_Page(1, [])]
    for number, raw in enumerate(text.split("\n"), start=1):
        if "\f" in raw:
            for _ in range(raw.count("\f")):
                pages.append(_Page(len(pages) + 1, []))
            raw = raw.replace("\f", " ")
        words = [w for m in _WORD.finditer(raw) for w in _unglued(m.start(), m.group())]
        if words:
            pages[-1].lines.append(_Line(number, pages[-1].number, words))
    return [p for p in pages if p.lines]


def _unglued(x0: int, text: str) -> list[_Word]:
    """The word at x0, or the two words pdftotext glued where a crowded line runs from one
    cell into the next without a space: a word in lower case followed by a capitalised one
    ("tiếpNgân": "… tiếp" ending a task's line, "Ngân hàng …" starting the lead's) or by an
    abbreviation in capitals ("vàUBND": "Sở Giáo dục và" / "UBND các xã,"). A word of plain
    ASCII letters is a name written so ("vnEdu", "zaloPay", "mmHg"), kept whole: a
    Vietnamese word glued to another shows a mark."""
    k = next((k for k in range(2, len(text) - 1) if text[k].isupper()), None)
    tail = "" if k is None else text[k:].rstrip(_WORD_PUNCTUATION)
    if k is None or text.isascii() or not (text[:k].isalpha() and text[:k].islower()) or not (
            text[k + 1].islower() or (tail.isalpha() and tail.isupper())):
        return [_Word(x0, x0 + len(text), text)]
    return [_Word(x0, x0 + k, text[:k]), _Word(x0 + k, x0 + len(text), text[k:])]


# ---------------------------------------------------------------- the reader


class _NamePairs:
    """Pairs of words that follow one another in a known agency name ("sở" "y", "y" "tế",
    "ubnd" "các"), folded; built when first asked for."""

    def __init__(self, agencies: Agencies) -> None:
        self.agencies = agencies
        self._names: AgencyNames | None = None
        self._pairs: frozenset[tuple[str, str]] | None = None
        self._capitalised: frozenset[tuple[str, str]] | None = None

    @property
    def names(self) -> AgencyNames | None:
        """The known names, asked for once (a function giving them is called when first
        needed)."""
        if self._names is None and self.agencies is not None:
            self._names = self.agencies() if callable(self.agencies) else self.agencies
        return self._names

    @property
    def pairs(self) -> frozenset[tuple[str, str]]:
        if self._pairs is None:
            names = self.names
            self._pairs = frozenset() if names is None else _name_pairs(names)
        return self._pairs

    def is_name(self, text: str) -> bool:
        """The text is a known agency's name, whole, as printed."""
        names = self.names
        if names is None or not text.strip():
            return False
        found = names.match(text.strip(" ,"))
        return found.id is not None and found.score >= 1.0

    def starts_place(self, words: list[_Word]) -> bool:
        """The words start with a province's name of two words or more ("Sơn La; Hiệp hội"):
        a cell's line seldom starts so; an agency named after its province goes on."""
        if self.agencies is None:
            return False
        folded = tuple(_fold_word(w.text) for w in words[:_PLACE_WORDS])
        return any(folded[:len(place)] == place for place in _place_words())

    def follows(self, first: str | None, second: str | None, as_written: bool = False
                ) -> bool:
        """`second` goes on a known name where `first` leaves it; `as_written`: capitalised
        only where a name capitalises it ("Các" / "sở, ban, ngành" goes on, "Các" / "Sở
        Nông nghiệp" starts another name)."""
        if not first or not second or first.endswith(_HARD_STOPS) or self.agencies is None:
            return False
        pair = (_fold_word(first), _fold_word(second))
        if as_written and second[:1].isupper():
            return pair in self.capitalised
        return pair in self.pairs

    @property
    def capitalised(self) -> frozenset[tuple[str, str]]:
        """The pairs whose second word a known name capitalises ("sở" "y")."""
        if self._capitalised is None:
            names = self.names
            self._capitalised = frozenset() if names is None else _name_pairs(
                names, capitalised=True)
        return self._capitalised


def _name_pairs(names: AgencyNames, capitalised: bool = False
                ) -> frozenset[tuple[str, str]]:
    """The pairs of words one after the other in the known names (folded); `capitalised`:
    only those whose second word the name capitalises."""
    pairs: set[tuple[str, str]] = set()
    # agencies are named after their province too ("Thuế tỉnh Tuyên Quang")
    for name in _province_names():
        pairs.update((_fold_word(a), _fold_word(b)) for a, b in pairwise(name.split()))
    for entry in names.entries.values():
        for name in (entry.name, *entry.aliases, *entry.abbreviations):
            words = name.split()
            pairs.update((_fold_word(a), _fold_word(b)) for a, b in pairwise(words)
                         if not a.endswith(_HARD_STOPS) and (
                             not capitalised or b[:1].isupper()))
    return frozenset(pairs)


@lru_cache(maxsize=1)
def _place_words() -> tuple[tuple[str, ...], ...]:
    names = (tuple(_fold_word(w) for w in name.split()) for name in _province_names())
    return tuple(name for name in names if len(name) >= 2)


def _province_names() -> list[str]:
    return [row["name"] for row in csv.DictReader(io.StringIO(lexicon.read_text("provinces.csv")))]


@lru_cache(maxsize=4096)  # called for every piece a crowded line may be cut into
def _fold_word(word: str) -> str:
    return unicodedata.normalize("NFC", word.strip(_WORD_PUNCTUATION)).casefold()


class _Reader:
    def __init__(self, names: _NamePairs | None = None) -> None:
        self.names = names or _NamePairs(None)
        self.rows: list[RawRow] = []
        self.header: list[str] | None = None
        self.width = 0
        self.grid: _Grid | None = None
        # the columns of the last page with a header, and that header's labels
        self.labelled: tuple[_Grid, list[tuple[int, int, str]]] | None = None
        self.gutters = _Gutters()
        self.widths: list[int] = []  # how wide each column's lines get, on the pages so far
        # the body heading the table sits under ("II. NHIỆM VỤ" of a whole plan): its value
        # and column, so that the next one ("III. TỔ CHỨC THỰC HIỆN") ends the table
        self.outline: tuple[int, int] | None = None
        # cells merged over rows that the last page break cut, by column
        self.pending: dict[str, list[_Word]] = {}
        self.table = 0  # the table being read: 0 for the first

    def page(self, page: _Page) -> None:
        lines = _join_wrapped_titles(_without_page_numbers(page.lines))
        found = _header_block(lines, first_table=self.header is None)
        # another appendix printed on the page under this one's table, with its label and
        # a header of its own: a table of its own, read as a page of its own
        while found is not None and (cut := _next_appendix(lines, found[1] + 1)) is not None:
            self.part(page, lines[:cut], found)
            self.new_table()
            lines = lines[cut:]
            found = _header_block(lines, first_table=True)
        self.part(page, lines, found)

    def new_table(self) -> None:
        """What the reader learnt of the table so far, forgotten: another table begins."""
        self.table += 1
        self.header, self.width, self.grid, self.labelled = None, 0, None, None
        self.widths, self.pending, self.outline = [], {}, None

    def part(self, page: _Page, lines: list[_Line], found: tuple[int, int] | None) -> None:
        """The page's lines of one table (`found`: its header's first and last line)."""
        if found is not None:
            first, last = found
            if self.header is not None:
                last = _repeated_header_end(
                    self.header, first, last, lambda end: _header_on(lines, first, end))
            body = lines[last + 1:]
            # the columns of the table's own lines: the prose and signature under a short
            # table carve gutters of their own
            table = _until_table_end(body, self.outline if self.header is not None
                                     else _body_heading(lines[:first]))[0] or body
            cover = _cover(table)
            grid = _refine(_grid(table), lines[first:last + 1], cover, _column_numbers(table),
                           table)
            grid = self.gutters.place(grid, lines[first:last + 1], table, cover)
            header = _header_cells(lines[first:last + 1], grid)
            labels = [c for line in lines[first:last + 1] for c in _label_chunks(line)]
            if self.labelled is not None and len(header) != self.width and (
                    len(body) < _SHORT_PAGE):
                # the header repeated over a few lines (a row cut by the page break): too
                # few to show a narrow column; the columns of the last page with a header,
                # moved with the labels printed on both
                grid = _fit_by_labels(*self.labelled, labels, lines[first:])
                header = _header_cells(lines[first:last + 1], grid)
            self.labelled = (grid, labels)
            if self.header is None:
                self.rows += [_text_row(ln) for ln in lines[:first]]
                self.outline = _body_heading(lines[:first])
                self.header, self.width = header, len(header)
            self.rows.append(RawRow([Cell(h) for h in header], first_line=lines[first].number,
                                    last_line=lines[last].number, page=page.number))
        elif self.header is None:
            self.rows += [_text_row(ln) for ln in lines]
            return
        else:
            body = lines
            grid = _grid(body)
            if self.grid is not None and len(grid.spans) != len(self.grid.spans) and (
                    len(body) < _SHORT_PAGE):
                grid = _fit_grid(body, self.grid)
        self.grid = grid
        # "Trong đó:" is no row's text (the rows under it are parts of the row above), but
        # pdftotext prints it where the next row's cells would take it, alone on its line
        # or beside another row's cell (a merged cell centred beside it)
        body = _rejoin_numerals([ln for ln in _without_in_which(body) if ln.words])
        body, below = _until_table_end(body, self.outline)
        body, after = _until_prose(body, grid)
        below = after + below
        # the columns' numbers under the header, "(1) (2) (3) …": a row of their own
        while body and _numbers_columns(body[0]):
            self.rows.append(RawRow([Cell(" ".join(w.text for w in c))
                                     for c in grid.cells(body[0])],
                                    first_line=body[0].number, last_line=body[0].number,
                                    page=page.number))
            body = body[1:]
        roles = [first_role(label) for label in self.header or []]
        if len(roles) != len(grid.spans):
            roles = []
        alignment = _Alignment(body, grid, self.widths, self.names, frozenset(
            c for c, role in enumerate(roles) if role == "name"), frozenset(
            c for c, role in enumerate(roles) if role in _AGENCY_ROLES),
            {c: role for c, role in enumerate(roles) if role not in ("number", "unknown")})
        if len(self.widths) != len(grid.spans):
            self.widths = [0] * len(grid.spans)
        self.widths = [max(a, b) for a, b in zip(self.widths, alignment.width, strict=True)]
        # the table's last row so far: a row the page break cut goes on on this page
        carried = next((row for row in reversed(self.rows) if row.table is not None), None)
        if carried is not None and carried.table != self.table:
            carried = None  # (another table's last row)
        self.rows += _body_rows(body, alignment, page.number, self.width, self.header or [],
                                carried, self.pending, self.table)
        self.rows += [_text_row(ln) for ln in below]


def _repeated_header_end(header: list[str], first: int, last: int,
                         labels: Callable[[int], list[str]]) -> int:
    """The last line of a page's header block first … last that repeats the table's
    `header` (`labels(end)`: the labels of the block's lines first … end). The header
    repeated over a row the page break cut: the row's first lines on the page go on in
    lower case ("nghiệp bán dẫn" / "phường") as a label's would; the block that repeats
    the header's labels as they were is it — compared without the columns of no label (a
    page's own: a unit printed a few characters off on one page only)."""
    wanted = [h for h in header if h]
    if [h for h in labels(last) if h] == wanted:
        return last
    return next((end for end in range(last - 1, first - 1, -1)
                 if [h for h in labels(end) if h] == wanted), last)


def _header_on(lines: list[_Line], first: int, last: int) -> list[str]:
    """The labels of header lines first … last over the columns of the body under them."""
    body = lines[last + 1:]
    header = lines[first:last + 1]
    return _header_cells(header, _refine(_grid(body), header, _cover(body),
                                         _column_numbers(body), body))


class _Gutters:
    """Where each gutter sits against the header labels on either side of it, learnt on
    the pages that show it clear (no line printed into it). pdftotext moves the columns a
    little on every page, with their labels; on a crowded page whose lines run over a
    gutter, the gutter is put where the labels say (so many characters after the left
    label's end) instead of at the emptiest position between the labels."""

    def __init__(self) -> None:
        self.offsets: dict[tuple[str, str], list[int]] = {}

    def place(self, grid: _Grid, header: list[_Line], body: list[_Line], cover: list[int]
              ) -> _Grid:
        labels = [c for line in header for c in _label_chunks(line)
                  if first_role(c[2]) != "unknown"]
        spans = list(grid.spans)
        limit = _gutter_limit(len(body))
        for i in range(len(spans) - 1):
            left = _label_over(labels, spans[i])
            right = _label_over(labels, spans[i + 1])
            if left is None or right is None or left == right:
                continue
            key = (left[2], right[2])
            gap = range(spans[i][1] + 1, spans[i + 1][0])
            if gap and all(cover[x] <= limit for x in gap if x < len(cover)):
                self.offsets.setdefault(key, []).append((gap[0] + gap[-1]) // 2 - left[1])
            elif key in self.offsets:
                at = left[1] + _median(self.offsets[key])
                if spans[i][0] < at < spans[i + 1][1]:
                    spans[i], spans[i + 1] = (spans[i][0], at - 1), (at + 1, spans[i + 1][1])
        return _Grid(spans)


def _label_over(labels: list[tuple[int, int, str]], span: tuple[int, int]
                ) -> tuple[int, int, str] | None:
    """The header label printed over a column: the one overlapping it most."""
    best, overlap = None, 0
    for label in labels:
        shared = min(label[1], span[1] + 1) - max(label[0], span[0])
        if shared > overlap:
            best, overlap = label, shared
    return best


def _next_appendix(lines: list[_Line], start: int) -> int | None:
    """The first line from `start` on that labels another appendix ("PHỤ LỤC 2", "Biểu
    03": alone on its line) with a header of its own a few lines under it, or None."""
    for i in range(start, len(lines)):
        line = lines[i]
        if len(_chunk_words(line)) != 1 or not APPENDIX.match(line.text):
            continue
        found = _header_block(lines[i:i + _HEADER_REACH[1] + _STACKED_REACH[1] + 1],
                              first_table=True)
        if found is not None and found[0] > 0:
            return i
    return None


def _without_page_numbers(lines: list[_Line]) -> list[_Line]:
    """The page's lines without its page number: a number alone on the first or last line
    (a number alone inside the page is a row's number, its text printed above and below)."""
    ends = {0, len(lines) - 1}
    return [ln for i, ln in enumerate(lines) if i not in ends or not _PAGE_NUMBER.match(ln.text)]


def _without_in_which(lines: list[_Line]) -> list[_Line]:
    """The lines without a "Trong đó:" printed as a cell of its own. A lower-case "trong
    đó:" under a cell's line ending with a comma is that cell's last words ("Tổng vốn đầu
    tư, / trong đó:"): the name goes on, it is no row of its own."""
    kept_lines, above = [], None
    for line in lines:
        chunks = _chunk_words(line)
        kept = [c for c in chunks if not IN_WHICH.match(" ".join(w.text for w in c))
                or _ends_cell_above(c, above)]
        kept_lines.append(line if len(kept) == len(chunks) else
                          _Line(line.number, line.page, [w for c in kept for w in c]))
        above = chunks
    return kept_lines


def _rejoin_numerals(lines: list[_Line]) -> list[_Line]:
    """A Roman numeral cut by a narrow number column ("II" over "I" for "III"): a line
    holding only the numeral's rest, under the line it starts, goes back onto it."""
    kept: list[_Line] = []
    for line in lines:
        above = kept[-1].words[0] if kept else None
        if (above is not None and len(line.words) == 1 and ROMAN_ONLY.match(line.text)
                and ROMAN_ONLY.match(above.text) and line.words[0].x0 <= above.x1
                and above.x0 <= line.words[0].x1 and ROMAN_ONLY.match(above.text + line.text)):
            kept[-1] = _Line(kept[-1].number, kept[-1].page,
                             [_Word(above.x0, max(above.x1, above.x0 + len(above.text)
                                                  + len(line.text)), above.text + line.text),
                              *kept[-1].words[1:]])
            continue
        kept.append(line)
    return kept


def _join_wrapped_titles(lines: list[_Line]) -> list[_Line]:
    """A section's title printed on two lines or more, in capitals, around its number (a
    cell centred vertically: "CHỈ TIÊU VỀ …" / "I" / "… GẮN VỚI CHẾ BIẾN") or under the
    line it starts ("I   CHỈ TIÊU VỀ …" / "… CHẾ BIẾN"), is one line: the number, then the
    title's words one space apart, as a title printed on one line (a wide title's lines run
    over the figure columns' gutters and would be cut into their cells)."""
    joined: list[_Line] = []
    taken: set[int] = set()
    for i, line in enumerate(lines):
        if i in taken:
            continue
        label = line.words[0]
        if len(line.words) == 1 and _is_section_label(line.words):
            above = _title_pieces(lines, i, -1, label.x1, taken)
            below = _title_pieces(lines, i, 1, label.x1, taken)
        elif _is_title_line(line) and line.text.isupper() and _is_section_label([label]):
            above, below = [], _title_pieces(lines, i, 1, line.words[1].x0 - 1, taken,
                                             at=line.words[1].x0)
        else:
            joined.append(line)
            continue
        if not above and not below:
            joined.append(line)
            continue
        if above:  # (lines above were already kept: take them back)
            del joined[len(joined) - len(above):]
        taken.update(below)
        words = [w for k in (*above, i, *below) for w in lines[k].words if w is not label]
        x = words[0].x0
        title = []
        for word in words:
            title.append(_Word(x, x + len(word.text), word.text))
            x += len(word.text) + 1
        joined.append(_Line(line.number, line.page, [label, *title]))
    return joined


def _title_pieces(lines: list[_Line], i: int, step: int, right_of: int, taken: set[int],
                  at: int | None = None) -> list[int]:
    """The lines next to line i (above: step -1, below: 1), nearest first and at most two,
    that go on a section title: one run of words in capitals right of its number (starting
    where the title starts, `at`, when given), nothing else on the line."""
    found: list[int] = []
    k = i + step
    while 0 <= k < len(lines) and k not in taken and len(found) < 2:
        chunks = _chunk_words(lines[k])
        text = lines[k].text
        if (len(chunks) != 1 or chunks[0][0].x0 <= right_of or not text.isupper()
                or sum(any(ch.isalpha() for ch in w.text) for w in chunks[0]) < 2
                or (at is not None and abs(chunks[0][0].x0 - at) > 1)):
            break
        found.append(k)
        k += step
    return sorted(found)


def _ends_cell_above(chunk: list[_Word], above: list[list[_Word]] | None) -> bool:
    """Whether the chunk, lower case, goes on a chunk of the line above that ends with a
    comma and starts where it starts (the same cell's lines are printed flush left)."""
    if above is None or not chunk[0].text[:1].islower():
        return False
    return any(c[-1].text.endswith(",") and abs(c[0].x0 - chunk[0].x0) <= 1 for c in above)


def _until_table_end(lines: list[_Line], outline: tuple[int, int] | None = None
                     ) -> tuple[list[_Line], list[_Line]]:
    """The page's body down to a line that ends the table — a source or note ("Nguồn: …",
    "Ghi chú: …", "(1) Số liệu …"), "Nơi nhận:", a signature's title, a letter's courtesy
    close ("Trân trọng./.": two words, but closed as a document is), the body heading after
    the one the table sits under (`outline`) — and the lines from it on, each a line of
    text: no row's cell (they were cut into the last row's cells)."""
    words = vocabulary()
    for i, line in enumerate(lines):
        key = line_key(line.text)
        if words.signature.search(key) or (
                (len(line.words) >= _NOTE_WORDS or line.text.rstrip().endswith(_CLOSING))
                and words.table_end.search(key)) or (
                outline is not None and _next_body_heading(lines, i, outline)) or (
                outline is None and _prose_heading(lines, i)):
            return lines[:i], lines[i:]
    return lines, []


# the most lines an introductory sentence under a section heading runs to
_INTRO_LINES = 3


def _prose_heading(lines: list[_Line], i: int) -> bool:
    """Line i, under a table that stands under no body heading (an appendix's), is a
    plan's body heading at the table's margin ("IV. KINH PHÍ THỰC HIỆN", "III. TỔ CHỨC
    THỰC HIỆN") with a paragraph under it: one run of words from the margin about as wide
    as the table. A section row of the table numbered so ("II. CHỈ TIÊU XÃ HỘI") has rows
    of columns under it, or a short group title ("1. Lĩnh vực y tế")."""
    line = lines[i]
    if i == 0 or i + 1 == len(lines) or not _BODY_HEADING.match(line.words[0].text) or (
            len(_chunks(line)) != 1 or roman_heading(line.text) is None):
        return False
    margin = min(ln.words[0].x0 for ln in lines[:i])
    width = max(ln.words[-1].x1 for ln in lines[:i]) - margin
    after = lines[i + 1]
    return line.words[0].x0 <= margin + 1 and len(_chunks(after)) == 1 and (
        len(after.words) >= _NOTE_WORDS and after.words[0].x0 <= line.words[0].x0 + 1
        and 3 * (after.words[-1].x1 - after.words[0].x0) >= 2 * width
    ) and not _rows_go_on(lines, i + 2)


def _rows_go_on(lines: list[_Line], j: int) -> bool:
    """Under a heading's paragraph (from line j on), the first line cut into columns is a
    numbered row at the table's number column: the heading is the table's next section
    and the paragraph its introductory sentence ("II. CÔNG TÁC ỨNG PHÓ" / "Các nhiệm vụ
    dưới đây …" / rows 2, 3), not the plan's text going on under the table."""
    numbers = {round(ln.words[0].x0) for ln in lines[:j] if _is_label(ln.words[0].text)
               and len(_chunks(ln)) > 1}
    for line in lines[j:j + _INTRO_LINES]:
        if len(_chunks(line)) > 1:
            return _is_label(line.words[0].text) and any(
                abs(line.words[0].x0 - x) <= 1 for x in numbers)
    return False


def _until_prose(lines: list[_Line], grid: _Grid) -> tuple[list[_Line], list[_Line]]:
    """The page's body down to a sentence printed at the margin under the table, in its
    narrow number column where the rows print only their numbers ("Đề nghị các đơn vị thực
    hiện./."), and the lines from it on: a letter's prose after its table, no row's cell."""
    first = grid.spans[0]
    if len(grid.spans) < 3 or first[1] - first[0] >= _MAX_LABEL_WIDTH:
        return lines, []
    numbered = False
    for i, line in enumerate(lines):
        word = line.words[0]
        if word.x0 > first[1]:
            continue
        if _is_label(word.text):
            numbered = True
            continue
        if (numbered and len(_chunk_words(line)) == 1 and len(line.words) >= _NOTE_WORDS
                and word.text[:1].isupper() and line.text.endswith(_SENTENCE_ENDS)):
            return lines[:i], lines[i:]
    return lines, []


def _body_heading(lines: list[_Line]) -> tuple[int, int] | None:
    """The value and column of the last body heading among the lines ("II. NHIỆM VỤ" at the
    margin → (2, 0)): a roman number with its point, then a title."""
    for line in reversed(lines):
        if _BODY_HEADING.match(line.words[0].text) and (
                value := roman_heading(line.text)) is not None:
            return value, line.words[0].x0
    return None


def _next_body_heading(lines: list[_Line], i: int, outline: tuple[int, int]) -> bool:
    """Line i is the plan's next body heading ("III. TỔ CHỨC THỰC HIỆN" after "II.
    NHIỆM VỤ", at its column) with prose under it, or nothing: a section row of the table
    numbered so ("III. MÔI TRƯỜNG") has rows of columns under it."""
    line = lines[i]
    value, column = outline
    if not (_BODY_HEADING.match(line.words[0].text) and abs(line.words[0].x0 - column) <= 1
            and roman_heading(line.text) == value + 1):
        return False
    if i + 1 == len(lines):
        return True
    after = lines[i + 1]
    return len(_chunks(after)) == 1 and after.words[0].x0 <= column + 1


def _text_row(line: _Line) -> RawRow:
    return RawRow([Cell(line.text)], first_line=line.number, last_line=line.number,
                  page=line.page)


# ---------------------------------------------------------------- header


def _chunks(line: _Line) -> list[str]:
    """The line's text cut at runs of two or more spaces."""
    chunks: list[list[str]] = []
    end = None
    for word in line.words:
        if end is None or word.x0 - end >= 2:
            chunks.append([])
        chunks[-1].append(word.text)
        end = word.x1
    return [" ".join(c) for c in chunks]


def _names_columns(line: _Line) -> bool:
    roles = [first_role(" ".join(w.text for w in part))
             for run in _chunk_words(line) for part in _number_label_apart(run)]
    known = [r for r in roles if r != "unknown"]
    return len(known) >= 2 and "name" in known


def _header_block(lines: list[_Line], first_table: bool = False) -> tuple[int, int] | None:
    """(first, last) index of the header lines, or None when the page has no header. The
    block is built around a line naming columns: the first such line or, when a wrapped
    label names a column a line above it ("Chỉ tiêu" of "Chỉ tiêu năm 2026" over the name
    column's "Chỉ tiêu"), any other within reach under it; the block naming most columns
    wins."""
    at = next((i for i, ln in enumerate(lines) if _names_columns(ln)), None)
    reach = _HEADER_REACH
    if at is not None and first_table and _stacked_above_another_appendix(lines, at):
        at = None  # the first appendix's labels, stacked, before the next one's on a line
    if at is None:
        # narrow columns' labels printed a word or two a line: no line names two columns
        at, reach = _stacked_labels(lines, anywhere=first_table), _STACKED_REACH
        anchors = [] if at is None else [at]
    else:
        anchors = [i for i in range(at, min(len(lines), at + reach[1] + 1))
                   if _names_columns(lines[i])]
    if at is None:
        return None
    best: tuple[int, int, int] | None = None  # (known roles, -lines, first), last
    choice = (at, at)
    bodies: dict[int, tuple[_Grid, list[int]]] = {}  # the body under each last line
    for anchor in anchors:
        best, choice = _best_block(lines, anchor, reach, bodies, (best, choice))
    return choice


def _stacked_above_another_appendix(lines: list[_Line], at: int) -> bool:
    """A header of labels printed a word or two a line above line `at` (which names
    columns on one line), an appendix's label between them: the first is another
    appendix's table, printed first."""
    stacked = _stacked_labels(lines[:at], anywhere=True)
    return stacked is not None and any(
        len(_chunk_words(ln)) == 1 and APPENDIX.match(ln.text) for ln in lines[stacked:at])


def _best_block(lines: list[_Line], at: int, reach: tuple[int, int],
                bodies: dict[int, tuple[_Grid, list[int]]],
                so_far: tuple[tuple[int, int, int] | None, tuple[int, int]]
                ) -> tuple[tuple[int, int, int] | None, tuple[int, int]]:
    """The best header block around line `at` (its score and (first, last)), or `so_far`
    when none beats it. `bodies`: the columns of the body under each last line, kept."""
    best, choice = so_far
    above, below = reach
    for first in range(max(0, at - above, _under_appendix_heading(lines, at, above)), at + 1):
        for last in range(at, min(len(lines), at + below + 1)):
            if any(_is_anchor_line(ln) for ln in lines[first:last + 1] if ln is not lines[at]):
                continue
            if any(_closes_earlier_line(ln) for ln in lines[first:at]):
                continue  # "phố Huế)": the title's last line, above a label of one line
            block = lines[first:last + 1]
            # the columns as the block's labels refine them (a narrow column the body's
            # lines run into shows only under its own label: "Đơn vị")
            if last not in bodies:
                body = lines[last + 1:]
                bodies[last] = (_grid(body), _cover(body))
            grid = _refine(bodies[last][0], block, bodies[last][1],
                           _column_numbers(lines[last + 1:]), lines[last + 1:])
            words = _HeaderWords(grid, block)  # (each line's words by column, once)
            if not all(_continues_labels(ln, grid, below=i > at, after=lines[i + 1:last + 1],
                                         words=words, before=lines[first:i])
                       for i, ln in enumerate(block, start=first) if i != at):
                continue
            # a column headed by a group label counts as named: "Năm 2025 Kế hoạch" names
            # no role, yet without its group "Kế hoạch" would read as the target
            cells, grouped = _read_header(block, grid, words)
            known = sum(1 for i, c in enumerate(cells)
                        if first_role(c) != "unknown" or i in grouped)
            score = (known, last - first, -first)
            if best is None or score > best:
                best, choice = score, (first, last)
    return best, choice


def _under_appendix_heading(lines: list[_Line], at: int, above: int) -> int:
    """The first line a header block around line `at` may start at: under an appendix's
    label and its title in capitals right under it ("PHỤ LỤC" / "NHIỆM VỤ …" over the
    labels, no "(Kèm theo …)" line between to close the heading, as one does); 0 without
    one."""
    for k in range(at - 1, max(0, at - above - _HEADING_LINES) - 1, -1):
        text = lines[k].text
        if ATTACHED.search(text):
            return 0  # the attachment line closes the heading (`_closes_earlier_line`)
        if APPENDIX.match(text):
            first = k + 1
            while first < at and len(_chunks(lines[first])) == 1 and (
                    lines[first].text.isupper() and len(lines[first].text.split()) > 2):
                first += 1
            return first
    return 0


_HEADING_LINES = 3  # an appendix's title over this many lines at most, above the header's reach


def _stacked_labels(lines: list[_Line], anywhere: bool = False) -> int | None:
    """The line printing the name column's label when the labels around it, within a
    stacked header's reach, name two columns or more, none of them alone on a line. Looked
    for at the top of a page, or `anywhere` on it before the first table (a whole plan's
    prose above it)."""
    above, below = _STACKED_REACH
    for i, line in enumerate(lines if anywhere else lines[:_STACKED_LINES]):
        if _is_anchor_line(line):
            continue  # "II. NHIỆM VỤ": a section's title above the table names no column
        chunks = _chunks(line)
        if len(chunks) == 1 and _is_title_over_labels(lines, i):
            continue
        # labels of a word or two each, the name column's among them (no sentence)
        if any(len(c.split()) > _MAX_LABEL_WORDS for c in chunks) or "name" not in (
                first_role(c) for c in chunks):
            continue
        near = [ln for ln in lines[_after_heading(lines, i, above):i + below + 1]
                if all(len(c.split()) <= _MAX_LABEL_WORDS for c in _chunks(ln))
                and not _numbers_columns(ln) and not _is_anchor_line(ln)]
        # each column's label words joined down the lines: "Đơn vị" / "tính"
        labels = {first_role(" ".join(w.text for w in words))
                  for words in _stacked_cells(near)}
        if len(labels - {"unknown", "name"}) >= _STACKED_ROLES:
            return i
    return None


def _after_heading(lines: list[_Line], i: int, above: int) -> int:
    """The first line labels stacked around line i may start at, `above` lines up at most:
    never above an appendix's label or its "(Kèm theo …)" line (the signer's name over
    them is no label)."""
    start = max(0, i - above)
    return next((k + 1 for k in range(i - 1, start - 1, -1)
                 if APPENDIX.match(lines[k].text) or ATTACHED.search(lines[k].text)), start)


def _is_title_over_labels(lines: list[_Line], i: int) -> bool:
    """Line i, one run of words, is a title ("NỘI DUNG BÁO CÁO") rather than the name
    column's label: no labels beside it on the lines around, or in capitals under a line
    of text (a label alone on a header's first line has the others' lines under it; a top-
    or centre-aligned header prints the others beside or above it)."""
    above = i > 0 and len(_chunks(lines[i - 1])) > 1
    below = i + 1 < len(lines) and len(_chunks(lines[i + 1])) > 1
    return not above and (not below or lines[i].text.isupper())


def _stacked_cells(lines: list[_Line]) -> list[list[_Word]]:
    """The lines' words gathered into columns by overlap, top to bottom."""
    columns: list[tuple[int, int, list[_Word]]] = []
    for line in lines:
        for chunk in _chunk_words(line):
            x0, x1 = chunk[0].x0, chunk[-1].x1
            for k, (c0, c1, words) in enumerate(columns):
                if x0 < c1 and c0 < x1:
                    columns[k] = (min(c0, x0), max(c1, x1), words + chunk)
                    break
            else:
                columns.append((x0, x1, list(chunk)))
    return [words for _, _, words in columns]


def _continues_labels(line: _Line, grid: _Grid, below: bool, after: list[_Line] = (),
                      words: _HeaderWords | None = None, before: list[_Line] = ()) -> bool:
    """A line of wrapped column labels: a few words per column; below the line naming the
    columns, each column's words go on in lower case ("thực hiện", "tiết") or name the
    number column ("TT"), where a body line starts a name ("Sở KHCN"), start a group's
    label that the block's lines `after` it complete ("Năm" / "2026"), or head a column of
    a group whose label the block's lines `before` it print over it ("Thực hiện" under
    "Năm 2025"). `words`: the lines' words by column, kept for the block."""
    by_line = words or _HeaderWords(grid)
    for col, cell in enumerate(by_line(line)):
        if not cell:
            continue
        # one word more above the line naming the columns when they name the column, alone
        # or with its words on the block's lines under it ("Cơ quan chủ trì theo" / "dõi",
        # "Cơ quan, đơn vị chủ" / "trì"; a title's words over a column name none)
        if len(cell) > _MAX_LABEL_WORDS and (below or len(cell) > _MAX_LABEL_WORDS + 1 or (
                first_role(" ".join(w.text for w in cell)) == "unknown"
                and not _wraps_to_role(cell, col, after, by_line))):
            return False
        first = cell[0].text.lstrip("(\"“'[")
        # a group cell's labels ("Chủ trì", "Phối hợp") go on capitalised: a known label
        if below and not (first[:1].islower() or _WRAPPED_CAPITALS.match(first)
                          or first_role(" ".join(w.text for w in cell)) != "unknown"
                          or first_role(" ".join(w.text for w in cell + [
                              w for other in after for w in by_line(other)[col]])) != "unknown"
                          or _under_group_label(cell, before, grid)):
            return False
    return True


def _under_group_label(cell: list[_Word], before: list[_Line], grid: _Grid) -> bool:
    """A column's label, capitalised and in words (no figure), printed under a group's
    label on a header line above: a label naming a year, or naming no role over two
    columns or more ("Năm 2025" over "Kế hoạch giao" / "Thực hiện", "Kết quả thực hiện" over
    "Năm 2024" / "Năm 2025"). A body line under a column's own label ("Sở Y tế" under "Cơ
    quan chủ trì") is none."""
    if not cell[0].text[:1].isupper() or any(ch.isdigit() for w in cell for ch in w.text):
        return False
    x0, x1 = cell[0].x0, cell[-1].x1
    for k, line in enumerate(before):
        for start, end, text in _label_chunks(line):
            if start >= x1 or end <= x0 or text[:1].islower():
                continue
            if _YEARS.search(text):
                return True
            # (a label going on in lower case under it, "Đơn vị phối" / "hợp", is a
            # column's own, however far its words reach)
            goes_on = any(s < end and e > start and t[:1].islower()
                          for below in before[k + 1:] for s, e, t in _label_chunks(below))
            if first_role(text) == "unknown" and not goes_on and len(
                    _spans_under(grid.spans, start, end)) > 1:
                return True
    return False


def _wraps_to_role(cell: list[_Word], col: int, after: list[_Line],
                   by_line: _HeaderWords) -> bool:
    """A column's label on a header line, capitalised (no title in capitals, no number or
    date), whose words the block's next line in the column goes on in lower case to name
    a role ("Cơ quan, đơn vị chủ" / "trì")."""
    text = " ".join(w.text for w in cell)
    if not cell[0].text[:1].isupper() or text.isupper() or any(ch.isdigit() for ch in text):
        return False
    under = next((by_line(line)[col] for line in after if by_line(line)[col]), None)
    return bool(under) and under[0].text[:1].islower() and first_role(
        " ".join([text, *(w.text for w in under)])) != "unknown"


class _HeaderWords:
    """Header lines' words by column (`_header_words`) on one grid, each line's worked out
    once: the header search tries many blocks of the same lines. `header`: the block's
    lines, whose labels may be crowded alike over several of them."""

    def __init__(self, grid: _Grid, header: list[_Line] = ()) -> None:
        self.grid = grid
        self.stacked = _crowded_labels(list(header)) if len(header) > 1 else frozenset()
        self._by_line: dict[int, list[list[_Word]]] = {}

    def __call__(self, line: _Line) -> list[list[_Word]]:
        found = self._by_line.get(id(line))
        if found is None:
            found = self._by_line[id(line)] = _header_words(line, self.grid, self.stacked)
        return found


def _header_words(line: _Line, grid: _Grid,
                  stacked: frozenset[tuple[int, int, tuple[int, ...], int]] = frozenset()
                  ) -> list[list[_Word]]:
    """A header line's words by column (a label overhanging its narrow column goes right),
    labels alike crowded on the line one to a column (`_alike_labels`), labels crowded alike
    over the header's lines (`stacked`: `_crowded_labels`) each over its column, in order,
    where the body shows as many columns under them."""
    cells = grid.cells(line, header=True)
    for run in _chunk_words(line):
        alike = _alike_labels(run, grid)
        for col, part in alike or _whole_label(run, grid):
            cells[col] = sorted([w for w in cells[col] if w not in run] + part,
                                key=lambda w: w.x0)
    for x0, x1, cuts, top in stacked:
        under = _spans_under(grid.spans, x0, x1)
        if len(under) != len(cuts) + 1 or line.number < top:
            continue  # (a group's label over the crowded labels is no part of them)
        inside = [w for w in line.words if x0 <= w.x0 < x1]
        cells = [[w for w in c if w not in inside] for c in cells]
        for word in inside:
            cells[under[sum(cut <= word.x0 for cut in cuts)]].append(word)
        cells = [sorted(c, key=lambda w: w.x0) for c in cells]
    return cells


def _whole_label(run: list[_Word], grid: _Grid) -> list[tuple[int, list[_Word]]]:
    """A label printed apart from the others (two spaces or more) that names a role whole
    but not in the two parts a column's edge cuts it into ("Cơ quan chủ" | "trì": crowded
    columns, whose edge is put at the emptiest position, may cut a label the body's lines
    run under) stays whole, in the column its middle stands over; else nothing."""
    columns = [grid.column_of(w, prefer_right=True) for w in run]
    if columns[0] == columns[-1] or columns[-1] - columns[0] != 1:
        return []
    cut = columns.index(columns[-1])
    text = " ".join(w.text for w in run)
    # (a title in capitals over the header, "NỘI DUNG BÁO CÁO", is no label)
    if text.isupper() or first_role(text) == "unknown" or all(
            first_role(" ".join(w.text for w in part)) != "unknown"
            for part in (run[:cut], run[cut:])):
        return []
    home = grid.column_of(_Word(run[0].x0, run[-1].x1, ""), prefer_right=True)
    return [(col, run if col == home else []) for col in (columns[0], columns[-1])]


def _alike_labels(run: list[_Word], grid: _Grid) -> list[tuple[int, list[_Word]]] | None:
    """Labels alike crowded on a line with one space, their words spread over as many
    columns side by side ("Năm 2026 Năm 2027 Năm 2030" over three year columns): each
    label and its column, in order, cut before each repeat of the first word; else None."""
    columns = sorted({grid.column_of(w, prefer_right=True) for w in run})
    head = run[0].text.casefold()
    starts = [k for k, w in enumerate(run) if w.text.casefold() == head]
    if (len(columns) < 2 or len(starts) != len(columns) or not run[0].text[:1].isupper()
            or columns[-1] - columns[0] != len(columns) - 1):
        return None
    return [(col, run[a:b]) for col, (a, b) in zip(columns, pairwise([*starts, len(run)]),
                                                   strict=True)]


def _numbers_columns(line: _Line) -> bool:
    """A line of the columns' numbers: 1, 2, 3 … or (1), (2), (3) … one after another, or
    letters first ("A B C 1 2 3")."""
    return numbers_columns([w.text for w in line.words], in_order=True)


def _closes_earlier_line(line: _Line) -> bool:
    """The line closes a bracket it did not open: it goes on a line above it."""
    text = line.text
    return text.count(")") > text.count("(")


def _is_anchor_line(line: _Line) -> bool:
    return bool(COLUMN_LABEL.match(line.words[0].text)) and len(line.words) > 1


def _header_cells(lines: list[_Line], grid: _Grid) -> list[str]:
    """Each column's label, its words from the header lines in order; a group's label
    printed over several columns that another header line labels one by one ("Năm 2025"
    over "Kế hoạch" / "Ước thực hiện") heads each of them."""
    return _read_header(lines, grid)[0]


def _read_header(lines: list[_Line], grid: _Grid, words: _HeaderWords | None = None
                 ) -> tuple[list[str], set[int]]:
    """The columns' labels (`_header_cells`) and the columns under a group label centred
    over them, right of the first column (a title's words printed over the first columns
    are no group)."""
    texts: list[list[str]] = [[] for _ in grid.spans]
    group: list[str] = ["" for _ in grid.spans]  # the group label over each column
    own: list[list[str]] = [[] for _ in grid.spans]  # each column's words but its group's
    tops: list[int] = [0 for _ in grid.spans]  # how many of its words its top line prints
    by_line = [(words or _HeaderWords(grid, lines))(line) for line in lines]
    spans = _label_spans(by_line, grid)
    centred: set[int] = set()
    wrapped: set[int] = set()  # ids of a group label's words wrapped onto the next line
    for k, line in enumerate(lines):
        cells, cuts = _label_cells(lines, line, grid, by_line[k])
        cells = [[w for w in c if id(w) not in wrapped] for c in cells]
        found = _groups(lines, line, grid, spans[k])
        found, taken = _wrapped_groups(found, lines[k + 1:k + 3])
        wrapped |= taken
        centred.update(_centred(found, grid.spans) | _centred(found, spans[k])
                       | _straddled(found, spans[k]))
        # (a run cut as two labels crowded on the line is no group label over both)
        groups = {i: text.split() for start, end, text, under in found
                  if not any(start < x < end for x in cuts) for i in under}
        for i, words in enumerate(cells):
            if i in groups:
                group[i] += " ".join(groups[i])
            else:
                own[i] += [w.text for w in words]
                if own[i] == [w.text for w in words]:
                    tops[i] = len(words)
            texts[i] += groups.get(i) or [w.text for w in words]
    return [_year_label(_glued_capitals(t).split(), g, o, top)
            for t, g, o, top in zip(texts, group, own, tops, strict=True)], centred


def _year_label(text: list[str], group: str, own: list[str], top: int) -> str:
    """A column's label from its words (`text`), its group's label and its own words (`top`
    of them on its own top line). A column naming its own year under a period ("Giai đoạn
    2026 - 2030" over "Năm 2028") is that year's: its own label, as a DOCX header's group
    is merged. A year's label on a line of its own over one column's label of no year
    ("Năm 2026" over "Kế hoạch") reads as that kind of value of that year, "Kế hoạch Năm
    2026", as a DOCX header's group is merged: "Năm 2026 Kế hoạch" names no role, and the
    column would be no one's, or last year's plan read as the target. (A group's label
    over several columns is kept before theirs: the header reader counts them as named.)"""
    if _YEARS.search(group) and _YEARS.search(" ".join(own)):
        return " ".join(own)
    if group and is_bare_year(" ".join(own)) and not group_names_the_kind(group, " ".join(own)):
        # a bare year under a group naming no kind of value ("Kế hoạch thực hiện", "Lộ
        # trình thực hiện" over "Năm 2026" | "Năm 2027"): that year's target, as a DOCX
        # header's group is read; "Kết quả thực hiện" over years names their kind
        return " ".join(own)
    whole = " ".join(text)
    year = group if _YEARS.search(group) else " ".join(own[:top])
    label = " ".join(own if group else own[top:])
    if _YEARS.search(year) and label and first_role(whole) == "name":
        # "Năm 2026" over "Chỉ tiêu" beside the name column's own "Chỉ tiêu": that year's
        # target, as a DOCX header's group is merged ("Năm 2026 Chỉ tiêu" names the name)
        return f"{label} {year}"
    if group or first_role(whole) != "unknown":
        return whole
    year, label = " ".join(own[:top]), " ".join(own[top:])
    if _YEARS.search(year) and first_role(year) != "unknown" and label and not _YEARS.search(
            label) and first_role(label) != "unknown":
        return f"{label} {year}"
    return whole


def _label_cells(lines: list[_Line], line: _Line, grid: _Grid, cells: list[list[_Word]]
                 ) -> tuple[list[list[_Word]], set[int]]:
    """The line's words by column. A run of words with one space between them crossing
    from one column into the next (a label overhanging its narrow column, "Kế hoạch"; or
    two labels crowded on the line, "Ước thực năm 2026") is cut where its parts line up
    with the labels' other lines over their columns ("Kế hoạch" over "năm 2026": the same
    start or centre), not word by word (`cells`: the line's words by column, word by
    word). Also returns where such runs were cut."""
    cells = list(cells)
    cuts: set[int] = set()
    for i in range(len(cells) - 1):
        left, right = cells[i], cells[i + 1]
        if not left or not right or right[0].x0 - left[-1].x1 >= _MIN_GUTTER or (
                i > 0 and cells[i - 1] and left[0].x0 - cells[i - 1][-1].x1 < _MIN_GUTTER) or (
                i + 2 < len(cells) and cells[i + 2]
                and cells[i + 2][0].x0 - right[-1].x1 < _MIN_GUTTER):
            continue  # (a run over three columns or more is a group's label)
        run = left + right
        stacked = [x for x in _crowded_label_cuts(lines, line)
                   if left[-1].x1 <= x <= right[0].x0]
        if stacked:  # (labels crowded on every line, stacked over their columns)
            cuts.add(stacked[0])
            continue
        # the share of the cut's parts that line up with labels over their columns
        scores = [sum(_lines_up(part, lines, line, grid, col) for part, col in parts) / len(parts)
                  for parts in ([(p, c) for p, c in ((run[:k], i), (run[k:], i + 1)) if p]
                                for k in range(len(run) + 1))]
        best = max(range(len(run) + 1), key=lambda k: (scores[k], k == len(left)))
        if scores[best] < 1:
            continue  # (a cut only where every part lines up)
        cells[i], cells[i + 1] = run[:best], run[best:]
        cuts.update([run[best].x0] if 0 < best < len(run) else [])
    return cells, cuts


def _lines_up(words: list[_Word], lines: list[_Line], line: _Line, grid: _Grid, col: int
              ) -> bool:
    """Whether another header line prints over column `col` a label starting where the
    words start or centred where they are, or a label crowded beside another that starts
    and ends where they do."""
    x0, x1 = words[0].x0, words[-1].x1
    for other in lines:
        if other is line:
            continue
        for chunk in _chunk_words(other):
            start, end = chunk[0].x0, chunk[-1].x1
            parts = [(s, e) for s, e in [*((w.x0, end) for w in chunk[1:]),
                                         *((start, w.x1) for w in chunk[:-1])]
                     if abs(s - x0) <= 1 and abs(e - x1) <= 1]
            if start == x0 or start + end == x0 + x1:  # (exactly: a cut's evidence)
                parts.append((start, end))
            if any(grid.column_of(_Word(s, e, ""), prefer_right=True) == col for s, e in parts):
                return True
    return False


def _groups(lines: list[_Line], line: _Line, grid: _Grid, spans: list[tuple[int, int]]
            ) -> list[tuple[int, int, str, list[int]]]:
    """The line's group labels: (start, end, text, the columns under it, as wide as their
    labels: `spans`)."""
    found = []
    below = lines[lines.index(line) + 1:]

    def group(words: list[_Word], centred: bool = False
              ) -> tuple[int, int, str, list[int]] | None:
        """The words as a group's label, or None; `centred`: only centred over its columns
        (tested first: it is cheap)."""
        start, end = words[0].x0, words[-1].x1
        text = " ".join(w.text for w in words)
        if text[:1].islower():
            return None  # (a label's words going on from the line above: "Ước thực" / "hiện
            # năm" / "2025", whose year under it is no column's own label)
        # (a centred label over two narrow columns may end where the second starts; one
        # starting in the gutter between two columns may start just after the first ends:
        # "Phân công" over "Chủ trì" and "Phối hợp", printed a little right of centre, while
        # a label starting in a column's place, "Năm 2026" over "Kế hoạch" beside "Ước
        # thực", is not its left neighbour's)
        reach = start if any(s <= start <= e for s, e in spans) else start - 1
        under = [i for i, (s, e) in enumerate(spans) if s <= end and e >= reach]
        if centred and (len(under) < 2 or not _centred([(start, end, text, under)], spans)):
            return None
        # (a label of a few words: a longer run is several labels crowded on one line)
        # (a group's label is printed over its columns' own: a label's last word wrapped
        # under them, "hoạch" under "Kế" beside "Ước thực", groups nothing)
        # (a label going on in lower case under it, "Chủ trì theo" / "dõi", is a column's
        # own unless centred over the columns as a group's: "Mục tiêu từng" / "năm")
        candidate = (start, end, text, under)
        if len(under) > 1 and _label_words(text) <= _MAX_LABEL_WORDS and _labelled_apart(
                below, line, grid.spans, under) and not _goes_on_below(start, below) and (
                _centred([candidate], spans) or not _wrapped_groups([candidate], below[:2])[1]):
            return candidate
        return None

    for run in _chunk_words(line):
        found_run = group(run)
        # a group's label crowded with one space beside a column's own label ("Thực hiện
        # Mục tiêu từng"): its tail centred over columns right of the head's
        for k in range(1, len(run)) if found_run is None else ():
            tail = group(run[k:], centred=True)
            if tail is not None and not any(
                    i >= tail[3][0] for w in run[:k]
                    for i, (s, e) in enumerate(spans) if s <= w.x1 - 1 and e >= w.x0):
                found_run = tail
                break
        if found_run is not None:
            found.append(found_run)
    return found


def _wrapped_groups(found: list[tuple[int, int, str, list[int]]], below: list[_Line]
                    ) -> tuple[list[tuple[int, int, str, list[int]]], set[int]]:
    """The group labels with their last words wrapped onto a header line below, centred
    under them in lower case ("Mục tiêu từng" / "năm"; the first line below printing under
    the label), and those words' ids."""
    taken: set[int] = set()
    groups = []
    for start, end, text, under in found:
        for line in below:
            inside = [c for c in _chunk_words(line) if c[0].x0 < end and c[-1].x1 > start]
            if not inside:
                continue
            chunk = inside[0]
            x0, x1 = chunk[0].x0, chunk[-1].x1
            if (len(inside) == 1 and chunk[0].text[:1].islower() and start - 1 <= x0
                    and x1 <= end + 1 and abs((x0 + x1) - (start + end)) <= 2 * _MIN_GUTTER):
                text = f"{text} {' '.join(w.text for w in chunk)}"
                taken.update(id(w) for w in chunk)
            break
        groups.append((start, end, text, under))
    return groups, taken


def _goes_on_below(start: int, below: list[_Line]) -> bool:
    """A header line below goes on a label starting at `start` in lower case, flush left
    under it ("Ước" / "thực" / "hiện"): a column's own label stacked a word a line, which a
    group's label over wide columns is not. (A word inside another label's run, "theo
    dõi" of "Chủ trì theo dõi", goes on that label, not this one.)"""
    return any(abs(run[0].x0 - start) <= 1 and run[0].text[:1].islower()
               for line in below for run in _chunk_words(line))


def _label_spans(by_line: list[list[list[_Word]]], grid: _Grid
                 ) -> list[list[tuple[int, int]]]:
    """For each header line (its words by column: `by_line`), each column as wide as the
    other lines' labels over it ("Ước thực hiện" over "7,2")."""
    extents = [[(w[0].x0, w[-1].x1 - 1) if w else None for w in cells] for cells in by_line]
    widened = []
    for k in range(len(by_line)):
        spans = list(grid.spans)
        for other, cells in enumerate(extents):
            for i, extent in enumerate(cells if other != k else ()):
                if extent is not None:
                    spans[i] = (min(spans[i][0], extent[0]), max(spans[i][1], extent[1]))
        widened.append(spans)
    return widened


def _label_words(text: str) -> int:
    """A label's words, a period's years and dash not counted ("Kế hoạch giai đoạn 2026 -
    2030" is a label of four words, as long to read as "Kế hoạch giai đoạn")."""
    return sum(1 for word in text.split() if any(ch.isalpha() for ch in word))


def _straddled(groups: list[tuple[int, int, str, list[int]]], spans: list[tuple[int, int]]
               ) -> set[int]:
    """The columns under the group labels printed over (`_touches`) both their first and
    last columns (`spans`: as wide as their figures or their own labels), right of the
    first column ("Năm 2025" from where "Kế hoạch" ends to over "Ước thực hiện": off their
    middle, as pdftotext places a centred label over columns of unlike widths)."""
    columns: set[int] = set()
    for start, end, _, under in groups:
        if under[0] > 0 and _touches(start, end, spans[under[0]]) and _touches(
                start, end, spans[under[-1]]):
            columns.update(under)
    return columns


def _centred(groups: list[tuple[int, int, str, list[int]]], spans: list[tuple[int, int]]
             ) -> set[int]:
    """The columns under the group labels centred over them (`spans`: the columns as
    their figures or their own labels print them), right of the first column."""
    columns: set[int] = set()
    for start, end, _, under in groups:
        left, right = spans[under[0]][0], spans[under[-1]][1]
        off = abs((start + end - 1) / 2 - (left + right) / 2)
        if under[0] > 0 and off <= max(_MIN_GUTTER, (right - left) / 10):
            columns.update(under)
    return columns


# ---------------------------------------------------------------- columns


def _cover(lines: list[_Line]) -> list[int]:
    """For each character position, how many lines print a character there. A section's
    title is not counted: a cell merged across the row, often centred over the figure
    columns, it prints into their gutters ("A      CÔNG NGHIỆP" over "9,5   10")."""
    width = max((w.x1 for ln in lines for w in ln.words), default=0)
    cover = [0] * (width + 2)
    titles = _title_lines(lines)
    for line in lines:
        if line.number in titles:
            continue
        for word in line.words:
            for x in range(word.x0, word.x1):
                cover[x] += 1
    return cover


def _title_lines(lines: list[_Line]) -> set[int]:
    """The numbers of the lines that print a section's title (`_is_title_line`), but rows
    whose other cells print on the lines around their number's (cells centred on their
    rows): lines numbered alike ("1", "2" at one place) where one such line reads
    otherwise ("3" beside an agency), or two or more, none in capitals, with no item
    numbered otherwise under them (a section's titles head items: "1.1", "a)")."""
    titles = {line.number for line in lines if line.words and _is_title_line(line)}
    if not titles:
        return titles
    shapes: dict[tuple[int, str], list[_Line]] = {}
    for line in lines:
        if line.words and ROW_NUMBER.match(line.words[0].text):
            shapes.setdefault(_label_shape(line.words[0]), []).append(line)
    items = (any(ln.number not in titles for same in shapes.values() for ln in same)
             or _marked_items(lines, titles))
    for same in shapes.values():
        titled = [ln for ln in same if ln.number in titles]
        if titled and (len(titled) < len(same) or (
                len(titled) > 1 and not items
                and not any(ln.text.isupper() for ln in titled))):
            titles -= {ln.number for ln in titled}
    return titles


def _marked_items(lines: list[_Line], titles: set[int]) -> bool:
    """Whether items marked with a bullet ("-", "+") or a letter ("a)") stand between the
    titles, where the titles' words start (not an agency's "- Xã hội" further right, nor
    the recipients' "- Như trên;" under the table)."""
    titled = [line for line in lines if line.number in titles and len(line.words) > 1]
    if len(titled) < 2:
        return False
    start = min(line.words[1].x0 for line in titled) + _MAX_LABEL_WIDTH
    first, last = titled[0].number, titled[-1].number
    return any(first < line.number < last and line.words and line.words[0].x0 <= start
               and (line.words[0].text in _BULLETS or _LOWER_ITEM.match(line.words[0].text))
               for line in lines)


def _label_shape(word: _Word) -> tuple[int, str]:
    """Where a row's label starts and its kind: "1" and "2" alike, "1.1", "I", "a" each
    another."""
    text = word.text.rstrip(".)")
    kind = (f"arabic{text.count('.')}" if text.replace(".", "").isdigit()
            else "roman" if ROMAN_ONLY.match(text) else "other")
    return word.x0, kind


def _is_title_line(line: _Line) -> bool:
    """A row's number, then words with single spaces between them, of which two or more
    hold letters: a title merged across the row ("II    XÃ HỘI SỐ")."""
    first, rest = line.words[0], line.words[1:]
    return (bool(ROW_NUMBER.match(first.text)) and len(rest) >= 2
            and all(b.x0 - a.x1 < _MIN_GUTTER for a, b in pairwise(rest))
            and sum(any(ch.isalpha() for ch in w.text) for w in rest) >= 2)


def _grid(lines: list[_Line], crossing: int = 0) -> _Grid:
    """Columns between the gutters: runs of two or more positions that at most a few lines
    (and at least `crossing` lines) print into (a single space is a space between words)."""
    if not lines:
        return _Grid([(0, 1)])
    cover = _cover(lines)
    limit = max(crossing, _gutter_limit(len(lines)))
    spans: list[tuple[int, int]] = []
    start, gap = None, 0
    for x, count in enumerate(cover):
        if count > limit:
            if start is None:
                start = x
            elif gap >= _MIN_GUTTER:
                spans.append((start, x - gap - 1))
                start = x
            gap = 0
        else:
            gap += 1
    if start is not None:
        spans.append((start, len(cover) - gap - 1))
    if not spans:
        return _Grid([(0, len(cover))])
    return _Grid(_split_label_column(spans, cover))


def _gutter_limit(lines: int) -> int:
    """How many lines may print into a gutter."""
    return int(lines * _GUTTER_SHARE)


def _split_label_column(spans: list[tuple[int, int]], cover: list[int]) -> list[tuple[int, int]]:
    """Row numbers sit one space from the text ("2 văn số 708 …"): a blank position within
    the first few characters of the first column sets them apart."""
    start, end = spans[0]
    for x in range(start + 1, min(end, start + _MAX_LABEL_WIDTH + 1)):
        if cover[x] == 0:
            return [(start, x - 1), (x + 1, end), *spans[1:]]
    return spans


def _label_chunks(line: _Line) -> list[tuple[int, int, str]]:
    """(start, end, text) of the line's runs of words separated by single spaces."""
    chunks: list[tuple[int, int, str]] = []
    for word in line.words:
        if chunks and word.x0 - chunks[-1][1] < 2:
            start, _, text = chunks[-1]
            chunks[-1] = (start, word.x1, f"{text} {word.text}")
        else:
            chunks.append((word.x0, word.x1, word.text))
    return chunks


def _role_chunks(line: _Line) -> list[tuple[int, int, str]]:
    """The line's label chunks (`_label_chunks`), two labels crowded one space apart taken
    apart ("Sản phẩm Thời hạn"): where the run cuts in one way only into two parts naming
    two roles, the second opening with a capital after the first's lower-case words. A
    label in capitals or with every word capitalised ("ĐƠN VỊ CHỦ TRÌ", "Đơn Vị Phối Hợp")
    tells no start, so it is one label."""
    chunks: list[tuple[int, int, str]] = []
    for whole in _chunk_words(line):
        for run in _number_label_apart(whole):
            chunks += [(part[0].x0, part[-1].x1, " ".join(w.text for w in part))
                       for part in _role_parts(run)]
    return chunks


def _completed_chunks(line: _Line, header: list[_Line]) -> list[tuple[int, int, str]]:
    """The line's label chunks (`_role_chunks`), a run of labels crowded one space apart
    that name no role until the header's lines below complete them taken apart ("Kế hoạch
    Cơ quan chủ Cơ quan phối" over "năm 2026", "trì", "hợp"; "Năm Năm Năm" over "2026 2027
    2028"): cut before capitalised words so that each part, with the lower-case words or
    years printed under it below, names a role; two parts at least, every one of them."""
    # (and the years printed under a group's stacked labels, each under its own: "Năm Năm
    # Năm" over "2026 2027 2028", narrow year columns under "Kế hoạch thực hiện")
    below = [c for other in header if other.number > line.number
             for c in _label_chunks(other) if c[2][:1].islower()] + [
        (w.x0, w.x1 - 1, w.text) for other in header if other.number > line.number
        for w in other.words if _YEARS.fullmatch(w.text)]  # (a year's middle: its own)
    chunks: list[tuple[int, int, str]] = []
    for start, end, text in _role_chunks(line):
        run = [w for w in line.words if start <= w.x0 < end]
        parts = _completed_parts(run, below) if first_role(text) == "unknown" else None
        chunks += [(part[0].x0, part[-1].x1, " ".join(w.text for w in part))
                   for part in parts] if parts else [(start, end, text)]
    return chunks


def _completed_parts(run: list[_Word], below: list[tuple[int, int, str]]
                     ) -> list[list[_Word]] | None:
    """`_completed_chunks` for one run: its parts, or None. The most parts, and among as
    many the earliest cuts; found part by part (each part's reading once), not by trying
    every set of cuts: a long Title Case line naming no role would take 2^n tries. A part
    holds `_MAX_LABEL_PART_WORDS` words at most (no column's label is longer): the readings
    grow with the run's capitals, not with their square (a crowded line of a thousand)."""
    bounds = [0, *(k for k in range(1, len(run)) if run[k].text[:1].isupper()
                   and not run[k].text.isupper()), len(run)]
    names_a_role = functools.cache(lambda a, b: first_role(_completed_text(run, a, b, below))
                                   != "unknown")
    # most[i]: the most parts the run from bounds[i] on cuts into, each naming a role
    most: list[int | None] = [None] * (len(bounds) - 1) + [0]
    for i in range(len(bounds) - 2, -1, -1):
        counts = [most[j] + 1 for j in range(i + 1, len(bounds))
                  if bounds[j] - bounds[i] <= _MAX_LABEL_PART_WORDS
                  and most[j] is not None and names_a_role(bounds[i], bounds[j])]
        most[i] = max(counts) if counts else None
    if most[0] is None or most[0] < 2:
        return None
    parts, i = [], 0
    while i < len(bounds) - 1:
        j = next(j for j in range(i + 1, len(bounds))
                 if bounds[j] - bounds[i] <= _MAX_LABEL_PART_WORDS and most[j] is not None
                 and most[j] == most[i] - 1 and names_a_role(bounds[i], bounds[j]))
        parts.append(run[bounds[i]:bounds[j]])
        i = j
    return parts


def _completed_text(run: list[_Word], a: int, b: int, below: list[tuple[int, int, str]]
                    ) -> str:
    """The words of `run[a:b]` and the lower-case words printed under them below (up to the
    part's end; the run's last part takes every word to its right)."""
    part = run[a:b]
    limit = part[-1].x1 if b < len(run) else 10 ** 6
    under = [t for s, e, t in below if part[0].x0 - 1 <= (s + e) / 2 <= limit + 1]
    return " ".join([w.text for w in part] + under)


def _role_parts(run: list[_Word]) -> list[list[_Word]]:
    """A run of words cut where it cuts one way only into two parts naming two roles (the
    second opening with a capital after the first's lower-case words), each part cut again
    so: three or four labels crowded one space apart ("Cơ quan chủ trì Cơ quan phối hợp
    Sản phẩm Thời hạn") come apart one by one."""
    cuts = [k for k in range(1, len(run)) if _case_starts_label(run, k)
            and "unknown" != first_role(" ".join(w.text for w in run[:k])) != (
                first_role(" ".join(w.text for w in run[k:]))) != "unknown"]
    if len(cuts) != 1:
        return [run]
    return [*_role_parts(run[:cuts[0]]), *_role_parts(run[cuts[0]:])]


def _number_label_apart(run: list[_Word]) -> list[list[_Word]]:
    """A run of words with a numbering column's label of one word in capitals crowded one
    space before the next label ("STT Nhóm", "TT Chỉ tiêu") taken apart: such a label is
    never the first word of a longer one."""
    if len(run) > 1 and run[0].text.isupper() and run[1].text[:1].isupper() and (
            first_role(run[0].text) == "number"):
        return [run[:1], run[1:]]
    return [run]


def _case_starts_label(run: list, k: int) -> bool:
    """Whether the word at `k` opens a second label by its case: a capital after a first
    label in sentence case ("Sản phẩm" | "Thời hạn", "Năm" | "Chủ trì") that is no head
    noun the label's role words follow ("Đơn vị Chủ trì", "Cơ quan Phối hợp": one label)."""
    first = run[:k]
    return (run[k].text[:1].isupper() and first[0].text[:1].isupper()
            and any(ch.islower() for ch in first[-1].text)
            and not any(w.text[:1].isupper() for w in first[1:])
            and not vocabulary().label_heads.search(line_key(" ".join(w.text for w in first))))


def _column_numbers(body: list[_Line]) -> list[_Line]:
    """The body's first line when it numbers the columns ("1 2 3 …", "(1) (2) …")."""
    return body[:1] if body and _numbers_columns(body[0]) else []


def _refine(grid: _Grid, header: list[_Line], cover: list[int],
            numbers: list[_Line] | None = None, body: list[_Line] | None = None) -> _Grid:
    """Columns checked against the header labels printed on one line with wide gaps: columns
    under one label ("Đơn vị phối hợp") are merged — unless the other header lines or the
    columns' numbers under the header label them one by one (two labels crowded on a line,
    "Ước thực năm 2026"); a column under two labels ("Tên nhiệm vụ", "Đơn vị chủ trì") is
    split at the emptiest position between them."""
    spans = list(grid.spans)
    apart = header + (numbers or [])
    stacked = _stacked_label_starts(header)
    parting = _crowded_labels(header)
    for line in header:
        completed = _completed_chunks(line, header)
        labels = [c for c in completed
                  if first_role(c[2]) != "unknown" or (line.number, c[0]) in stacked
                  or c not in _role_chunks(line)]
        for start, end, text in labels:
            # a column whose cells are merged over many rows prints too little to show
            # (a row-number label overhangs its narrow column instead; a label one space
            # off a column's figures is printed a little apart from them, as pdftotext
            # moves the header and the body: "Năm 2025" over two narrow columns)
            if first_role(text) != "number" and not any(_touches(start, end, span)
                                                   for span in spans):
                spans = sorted([*spans, (start, end - 1)])
        runs = {run[0].x0: run for run in _chunk_words(line)}
        for start, end, _ in labels:
            under = [i for i, (s, e) in enumerate(spans) if s <= end - 1 and e >= start]
            # (labels alike crowded on the line, "Cơ quan chủ trì Cơ quan phối hợp", one
            # over each of the columns under them, keep them apart)
            alike = _alike_labels(runs[start], _Grid(spans)) if start in runs else None
            # (nor labels crowded on the header's lines, stacked over their columns: they
            # tell the columns)
            if len(under) > 1 and all(spans[i][1] - spans[i][0] < end - start + 4 for i in under
                                      ) and not _labelled_apart(apart, line, spans, under) and (
                    alike is None or [col for col, _ in alike] != under) and not any(
                    x0 <= start and end <= x1 for x0, x1, _, _ in parting):
                spans[under[0]:under[-1] + 1] = [(spans[under[0]][0], spans[under[-1]][1])]
        for left, right in pairwise(labels):
            mid_l, mid_r = (left[0] + left[1]) / 2, (right[0] + right[1]) / 2
            for i, (s, e) in enumerate(spans):
                if s <= mid_l <= e and s <= mid_r <= e:
                    # (from the left label's middle: a label wider than its column's lines
                    # overhangs the gutter, "Thời gian" over "Năm 2026 Quy trình")
                    window = range(min(left[1], int(mid_l) + 1), right[0] + 1)
                    if not window:
                        break
                    cut = _split_at(window, cover, left, right)
                    spans[i:i + 1] = [(s, cut - 1), (cut + 1, e)]
                    break
    spans = _split_before_crowded_labels(spans, header, cover)
    spans = _split_between_lines(spans, header, cover)
    spans = _split_crowded_labels(spans, header, cover)
    spans = _merge_under_crowded_labels(spans, header)
    spans = _fit_to_crowded_labels(spans, header)
    spans = _split_by_numbers(spans, numbers or [], cover)
    spans = _split_glued_numbers(spans, header, body or [])
    # a column under no header label that hardly a line prints into is a cell pdftotext
    # pushed off its column ("45.000" a few characters left of the figures above it)
    chunks = [c for line in header for c in _label_chunks(line)]
    kept = [(s, e) for s, e in spans if max(cover[s:e + 1], default=0) > _STRAY_LINES
            or any(_touches(start, end, (s, e)) for start, end, _ in chunks)]
    return _Grid(kept if header and kept else spans)


def _split_glued_numbers(spans: list[tuple[int, int]], header: list[_Line],
                         body: list[_Line]) -> list[tuple[int, int]]:
    """A numbering column ("STT") whose rows' numbers the body prints one space before
    their names ("1 Quy hoạch vùng …", the numbers indented under the label): no gutter
    parts them, so the column under the number's label and the name's is one. Where the
    header labels a number column that no span holds alone, and the body's lines open with
    a row's label one space before a capitalised word, the labels' ends lined up, the
    column is parted after the labels."""
    labels = [(run[0].x0, run[-1].x1) for line in header for whole in _chunk_words(line)
              for run in _number_label_apart(whole)
              if first_role(" ".join(w.text for w in run)) == "number"]
    if not labels or not body:
        return spans
    start, end = labels[0]
    # (the numbers indented under the label may start where it ends)
    under = [i for i, (s, e) in enumerate(spans) if s <= end + _MIN_GUTTER and e >= start]
    if len(under) != 1 or spans[under[0]][1] - spans[under[0]][0] < 2 * (end - start) + 4:
        return spans  # (the number's own column, or none under the label)
    s, e = spans[under[0]]
    glued = [line.words[:2] for line in body if len(line.words) > 1
             and _is_label(line.words[0].text) and line.words[0].text not in _BULLETS
             and s <= line.words[0].x0 and line.words[1].x0 - line.words[0].x1 == 1
             and line.words[1].text[:1].isupper() and line.words[1].x0 <= e]
    ends = [number.x1 for number, _ in glued]
    if len(glued) < _GLUED_NUMBERS or max(ends) - min(ends) > 1:
        return spans
    # (the names start one space after the numbers: the column ends where the first does)
    names = min(name.x0 for _, name in glued)
    return [*spans[:under[0]], (min(s, min(number.x0 for number, _ in glued)), names - 1),
            (names, e), *spans[under[0] + 1:]]


def _stacked_label_starts(header: list[_Line]) -> set[tuple[int, int]]:
    """(line number, start) of the header's runs of words that begin a column's label
    wrapped over lines, the whole of which names a role where its first line alone does
    not ("Cơ quan phối" / "hợp"): a column no row fills shows only under it. A run in
    capitals or of more words than a label's is a title's, not a label's."""
    starts: set[tuple[int, int]] = set()
    line_of = {id(w): line.number for line in header for w in line.words}
    for words in _stacked_cells(header):
        first = line_of[id(words[0])]
        head = " ".join(w.text for w in words if line_of[id(w)] == first)
        if _WRAPPED_CAPITALS.match(head) and first_role(_glued_capitals(
                [w.text for w in words])) == "number":
            starts.add((first, words[0].x0))  # ("ST" / "T": the number column's "STT")
            continue
        if head.isupper() or len(head.split()) > _MAX_LABEL_WORDS:
            continue  # (a title over the header, "NỘI DUNG BÁO CÁO", is no label)
        if len({line_of[id(w)] for w in words}) > 1 and first_role(" ".join(
                w.text for w in words)) != "unknown" and first_role(" ".join(
                w.text for w in words if line_of[id(w)] == first)) == "unknown":
            starts.add((first, words[0].x0))
    return starts


def _glued_capitals(words: list[str]) -> str:
    """A label's words read top to bottom, a word in capitals broken over its narrow
    column's lines glued back ("ST" / "T", "S" / "T" / "T": "STT")."""
    parts: list[str] = []
    for word in words:
        if parts and _WRAPPED_CAPITALS.match(word) and _WRAPPED_CAPITALS.match(parts[-1]):
            parts[-1] += word
        else:
            parts.append(word)
    return " ".join(parts)


def _touches(start: int, end: int, span: tuple[int, int]) -> bool:
    """A label printed over positions start … end - 1 stands over the column `span` (its
    first and last position): they overlap, or one space at most is between them, as
    pdftotext prints the header a little apart from the body ("Ước" / "thực" ending a
    space left of the figures under it)."""
    return start <= span[1] + _MIN_GUTTER and end - 1 >= span[0] - _MIN_GUTTER


def _split_between_lines(spans: list[tuple[int, int]], header: list[_Line], cover: list[int]
                         ) -> list[tuple[int, int]]:
    """A column under two labels that start on different header lines ("Nhiệm vụ" on the
    third, "Cơ quan chủ" on the second), side by side, is split between them: a name whose
    lines run up to the next column with one space leaves no gutter."""
    grid = _Grid(spans)
    labels = [(*c, line.number) for line in header for c in _alike_chunks(line, grid, header)
              if c[2][:1].isupper()]
    # a label starting over a wider one of a line below ("Phân công" over "Chủ trì theo
    # dõi" and "Phối hợp", "Năm 2025" over "Kế hoạch" and "Ước thực hiện") is their
    # group's: its ends part no columns, and the labels under it are each other's
    # neighbours
    # (a label printed round its neighbour's, its first words on the line above it and
    # its last in lower case on the line below — "Kế hoạch" / "Đơn vị tính" / "năm 2026",
    # the labels centred down a header of three lines — is no group but that column's)
    around = {c for c in labels if _wraps_round(c, labels, header)}
    starts = sorted((c for c in labels if c in around or not _over_labels_below(c, labels)),
                    key=lambda c: c[0])
    for left, right in pairwise(starts):
        window = range(left[1], right[0] + 1)
        if (left in around or right in around) and left[3] != right[3] and (
                right[0] < left[1]):
            # (the two labels overlap: the columns part between their middles)
            cut = int((left[0] + left[1] + right[0] + right[1]) / 4)
            for i, (s, e) in enumerate(spans):
                if s < cut < e and s <= (left[0] + left[1]) / 2 and (right[0] + right[1]) / 2 <= e:
                    spans[i:i + 1] = [(s, cut - 1), (cut + 1, e)]
                    break
            continue
        if right[0] - left[1] < _MIN_GUTTER:
            # one label over another, or crowded on one line; labels of two lines one
            # space apart ("Kế hoạch" / "năm 2026" beside "Cơ quan chủ trì") are two
            # columns' when no body line prints between them ("68.000 Sở Công Thương")
            window = range(int((left[0] + left[1]) / 2) + 1, right[0] + 1)
            if left[3] == right[3] or right[0] < left[1] or min(
                    (cover[x] if x < len(cover) else 0 for x in window), default=1) > 0:
                continue
        for i, (s, e) in enumerate(spans):
            # (the right label starting over the column: a last column's label may
            # overhang its body's lines, "Ghi chú" over "tầng hoàn"; the left one ending
            # over it: crowded labels read as one run, "Kế hoạch Cơ quan chủ Cơ quan phối")
            # (or labels crowded one space apart on a line, "Mục tiêu Cơ quan chủ trì",
            # their run ending over the column, a gutter of the body's lines between its
            # end and the right label: "Ghi chú" over notes two rows fill, run into the
            # monitor's lines one space apart)
            if (s <= (left[0] + left[1]) / 2 <= e or _ends_over(left, right, (s, e), cover)
                    ) and s <= right[0] <= e:
                cut = _split_at(window, cover, left[:3], right[:3])
                if s < cut < e:
                    spans[i:i + 1] = [(s, cut - 1), (cut + 1, e)]
                break
    return spans


def _wraps_round(label: tuple[int, int, str, int], labels: list[tuple[int, int, str, int]],
                 header: list[_Line]) -> bool:
    """A header label whose line below prints another label under it and whose own
    words go on in lower case on the line after, under it ("Kế hoạch" / "Đơn vị tính" /
    "năm 2026")."""
    numbers = [line.number for line in header]
    if label[3] not in numbers or numbers.index(label[3]) + 2 >= len(numbers):
        return False
    below, after = numbers[numbers.index(label[3]) + 1], numbers[numbers.index(label[3]) + 2]
    return any(o[3] == below and o[0] < label[1] and o[1] > label[0] for o in labels) and any(
        text[:1].islower() and start < label[1] and end > label[0]
        for line in header if line.number == after for start, end, text in _label_chunks(line))


def _ends_over(left: tuple[int, int, str, int], right: tuple[int, int, str, int],
               span: tuple[int, int], cover: list[int]) -> bool:
    """A run of labels (`left`) ending well inside the column `span`, a gutter before the
    `right` label, and a position between them that one body line at most prints into (a
    line of the crowded column may end a character late)."""
    start, end = span
    window = range(left[1], right[0] + 1)
    return (start + _MIN_GUTTER < left[1] - 1 <= end and right[0] - left[1] >= _MIN_GUTTER
            and min((cover[x] if x < len(cover) else 0 for x in window), default=2) <= 1)


def _over_labels_below(label: tuple[int, int, str, int],
                       labels: list[tuple[int, int, str, int]]) -> bool:
    """Whether a header label (start, end, text, line number) is a group's over labels of
    the lines below: it starts inside one of them, or it meets two of them side by side
    ("Năm 2025" printed from where "Kế hoạch" ends, over "Ước thực")."""
    below = [o for o in labels if o[3] > label[3]]
    if any(o[0] < label[0] < o[1] for o in below):
        return True
    met = sorted((o for o in below if o[0] <= label[1] and o[1] >= label[0]),
                 key=lambda o: o[0])
    return any(left[1] <= right[0] for left, right in pairwise(met))


def _split_by_numbers(spans: list[tuple[int, int]], numbers: list[_Line], cover: list[int]
                      ) -> list[tuple[int, int]]:
    """The columns' numbers under the header ("(1) (2) (3) …") print one over each column:
    two over one column of the body (names that run up to the next column's cells with one
    space, "… ứng dụng công Hợp tác") split it at the emptiest position between them."""
    for line in numbers:
        for left, right in pairwise(line.words):
            for i, (s, e) in enumerate(spans):
                if s <= left.centre <= e and s <= right.centre <= e:
                    cut = _split_at(range(left.x1, right.x0), cover, (left.x0, left.x1, ""),
                                    (right.x0, right.x1, ""))
                    spans[i:i + 1] = [(s, cut - 1), (cut + 1, e)]
                    break
    return spans


def _split_crowded_labels(spans: list[tuple[int, int]], header: list[_Line], cover: list[int]
                          ) -> list[tuple[int, int]]:
    """Labels of several columns wrapped over the header's lines and crowded one space
    apart (`_crowded_labels`) over fewer columns of the body ("Cơ quan Thời hạn" / "phối
    hợp hoàn thành" over a body whose lines crowd alike: no gutter) split the column under
    them where they part, at the emptiest position between the left labels' ends and the
    right labels' starts — not where the body's own gutter is a few characters off."""
    for x0, x1, cuts, _ in _crowded_labels(header):
        if len(_spans_under(spans, x0, x1)) > len(cuts):
            continue  # (the body shows the columns: each label goes over its own)
        ends = [w.x1 for line in header for w in line.words if x0 <= w.x0 < x1]
        for cut in cuts:
            left = max((end for end in ends if end <= cut), default=cut)
            for i, (s, e) in enumerate(spans):
                if s + _SHIFT <= cut <= e - _SHIFT:
                    at = _split_at(range(min(left, cut - 1), cut), cover, (0, left, ""),
                                   (cut, cut, ""))
                    spans[i:i + 1] = [(s, at - 1), (at + 1, e)]
                    break
    return spans


def _merge_under_crowded_labels(spans: list[tuple[int, int]], header: list[_Line]
                                ) -> list[tuple[int, int]]:
    """Labels crowded alike over the header's lines (`_crowded_labels`) over more columns of
    the body than they are: the body's figures printed off their columns' middles, a figure
    a few characters left or right from row to row ("45       47       50" / "60          64
    75" under "Kế hoạch Ước thực Kế hoạch"), show gutters that are none. Each label's
    columns are one, when every label has one or more under it and none crosses from one
    label's place into the next."""
    for x0, x1, cuts, _ in _crowded_labels(header):
        under = _spans_under(spans, x0, x1)
        if len(under) <= len(cuts) + 1 or under != list(range(under[0], under[-1] + 1)):
            continue
        bounds = [-1, *cuts, 1 << 30]
        place = [next(k for k in range(len(cuts) + 1)
                      if bounds[k] <= (spans[i][0] + spans[i][1]) / 2 < bounds[k + 1])
                 for i in under]
        if sorted(set(place)) != list(range(len(cuts) + 1)) or any(
                spans[i][0] < bounds[k] - _SHIFT or spans[i][1] >= bounds[k + 1] + _SHIFT
                for i, k in zip(under, place, strict=True)):
            continue
        merged = [(min(spans[i][0] for i, p in zip(under, place, strict=True) if p == k),
                   max(spans[i][1] for i, p in zip(under, place, strict=True) if p == k))
                  for k in range(len(cuts) + 1)]
        spans[under[0]:under[-1] + 1] = merged
    return spans


def _fit_to_crowded_labels(spans: list[tuple[int, int]], header: list[_Line]
                           ) -> list[tuple[int, int]]:
    """Labels crowded alike over the header's lines (`_crowded_labels`) whose columns the
    body runs together — a column of the body across the place where two labels part, well
    into both — are the columns under them: the body's figures drift from row to row under
    labels printed one space apart ("62.000   63.150  65.000" / "1.200        1.260
    1.450"), and no gutter parts them. Each label's place is its column; a column reaching
    in from either side keeps what is outside."""
    for x0, x1, cuts, _ in _crowded_labels(header):
        bounds = [x0, *cuts, x1]
        under = _spans_under(spans, x0, x1)
        places = [next((k for k in range(len(cuts) + 1)
                        if bounds[k] <= (spans[i][0] + spans[i][1]) / 2 < bounds[k + 1]), None)
                  for i in under]
        # (fewer columns of the body centred under the labels than labels, one across a
        # cut well into both labels' places: two columns the drifting figures ran together;
        # a body printed a few characters right of its labels shows them all)
        inside = [i for i in under if x0 <= (spans[i][0] + spans[i][1]) / 2 < x1]
        if places == list(range(len(cuts) + 1)) or len(inside) > len(cuts) or not any(
                s + _SHIFT <= cut <= e - _SHIFT + 1 for s, e in spans for cut in cuts):
            continue
        kept = []
        for s, e in spans:
            if e < x0 or s >= x1:
                kept.append((s, e))
            elif s < x0 - _SHIFT:
                kept.append((s, x0 - 1))  # (a column reaching in from the left)
            elif e >= x1 + _SHIFT:
                kept.append((x1 + 1, e))  # (from the right: the next label's)
        spans = sorted(kept + [(bounds[k], bounds[k + 1] - 1) for k in range(len(cuts) + 1)])
    return spans


def _split_before_crowded_labels(spans: list[tuple[int, int]], header: list[_Line],
                                 cover: list[int]) -> list[tuple[int, int]]:
    """Labels crowded over the header's lines (`_crowded_labels`) start a column: another
    label's words over the same column of the body left of them ("ĐVT" beside "Thực" /
    "hiện 2025", over a body crowded alike, "Lượt 8.500.000") split it at the emptiest
    position between that label's end and their start."""
    for x0, _, _, _ in _crowded_labels(header):
        before = max((w.x1 for line in header for w in line.words if w.x1 < x0), default=None)
        for i, (s, e) in enumerate(spans):
            if before is not None and s <= before - 1 and x0 + _SHIFT <= e:
                at = _split_at(range(before, x0), cover, (0, before, ""), (x0, x0, ""))
                spans[i:i + 1] = [(s, at - 1), (at + 1, e)]
                break
    return spans


def _spans_under(spans: list[tuple[int, int]], x0: int, x1: int) -> list[int]:
    """The columns whose positions meet x0 … x1 - 1."""
    return [i for i, (s, e) in enumerate(spans) if s < x1 and e >= x0]


def _crowded_label_cuts(header: list[_Line], line: _Line | None = None) -> set[int]:
    """Every position where crowded labels stacked over the header's lines part (those
    stacked over `line`, when given: not a group's label over them)."""
    return {cut for _, _, cuts, top in _crowded_labels(header)
            if line is None or line.number >= top for cut in cuts}


def _crowded_labels(header: list[_Line]
                    ) -> frozenset[tuple[int, int, tuple[int, ...], int]]:
    """Labels of columns side by side, wrapped over two header lines or more and crowded one
    space apart on each: for each run of words crowded on a line, the words of the header
    lines over it are cut at positions no word crosses (a word's start) into two to four
    columns, each reading, top to bottom, as a label that names a role and starts with a
    capital, no two side by side naming the same; the cut into most columns, when it is
    the only one. Each as (first position, end, the starts of its columns but the
    first, the number of the top line they are stacked from: a group's label over them
    is left out when it crosses their cuts)."""
    lines = [line for line in header if not line.text.isupper()]
    return frozenset((x0, x1, cuts, lines[top].number) for x0, x1, cuts, top in
                     _crowded_labels_of(tuple(tuple((w.x0, w.x1, w.text) for w in line.words)
                                              for line in lines)))


# The words of at most four column labels crowded on a line ("Cơ quan chủ trì Cơ quan phối
# hợp Thời gian hoàn thành"): a longer run is no crowd of labels, and its cuts would be
# tried by the cube of its length.
_MAX_CROWDED_WORDS = 16
# characters a word of a crowded header line may run past the start of the next label
_LABEL_OVERHANG = 2


@lru_cache(maxsize=1024)
def _crowded_labels_of(header: tuple[tuple[tuple[int, int, str], ...], ...]
                       ) -> frozenset[tuple[int, int, tuple[int, ...], int]]:
    """`_crowded_labels` of header lines given as their words' (start, end, text), the top
    line as its index."""
    found: set[tuple[int, int, tuple[int, ...], int]] = set()
    lines = [_Line(0, 0, [_Word(*w) for w in words]) for words in header]
    for at, line in enumerate(lines):
        for run in _chunk_words(line):
            if not 2 <= len(run) <= _MAX_CROWDED_WORDS:
                continue  # (a run longer than four labels' words is a sentence)
            x0, x1 = run[0].x0, run[-1].x1
            # (a cut only where no word of any line runs across it; failing that, where a
            # word runs across it by a character or two: pdftotext prints a label's lines a
            # little wider than its column, "hiện 2025" under "Thực" running under the next
            # label's "Kế", "hợp" under "Cơ quan phối" past the run's end; failing both,
            # under the header's top lines: a group's label, "Năm 2025" over "Kế hoạch" and
            # "Ước thực hiện", runs across the cut between the columns it heads)
            found_cut: tuple[tuple[int, ...], list[_Word], int] | None = None
            for top in range(at + 1):
                for overhang in (0, _LABEL_OVERHANG):
                    # (the words of the lines printed within the run's reach: a group's
                    # label over it and its neighbour, "Cơ quan" over "Chủ trì theo dõi"
                    # and "Phối hợp", reaches past it)
                    reach = _MIN_GUTTER + overhang
                    rows = [[w for chunk in _chunk_words(other) if chunk[0].x0 >= x0 - reach
                             and chunk[-1].x1 <= x1 + reach for w in chunk]
                            for other in lines[top:]]
                    rows = [row for row in rows if row]
                    if len(rows) < 2:
                        break
                    words = [w for row in rows for w in row]
                    starts = {w.x0 for w in words if w.x0 > x0 and not any(
                        v.x0 < w.x0 < v.x1 - overhang for v in words)}
                    cut = _best_crowded_cut(rows, sorted(starts), run)
                    if cut:
                        found_cut = cut, words, top
                        break
                if found_cut or len(rows) < 2:
                    break
            if found_cut:
                cut, words, top = found_cut
                found.add((min(w.x0 for w in words), max(w.x1 for w in words), cut, top))
    return frozenset(found)


def _best_crowded_cut(rows: list[list[_Word]], starts: list[int], run: list[_Word]
                      ) -> tuple[int, ...]:
    """The cut of `_crowded_labels` for the words of some header lines (`rows`) at positions
    among `starts`, each column holding words of the crowded `run` (a label over another
    is no crowd), or ()."""
    for columns in (4, 3, 2):
        found = []
        for cut in combinations(starts, columns - 1):
            bounds = [-1, *cut, 1 << 30]
            texts = []
            for left, right in pairwise(bounds):
                if not any(left <= w.x0 < right for w in run):
                    break
                parts = [[w for w in row if left <= w.x0 < right] for row in rows]
                head = next((part for part in parts if part), None)
                if head is None or not head[0].text[:1].isupper():
                    break
                texts.append(" ".join(w.text for part in parts for w in part))
            else:
                roles = [first_role(text) for text in texts]
                # (side by side, two columns name one role only for two years: "Năm" /
                # "2026" beside "Năm" / "2027", the targets year by year)
                years = [frozenset(_YEARS.findall(text)) for text in texts]
                if "unknown" not in roles and all(
                        roles[k] != roles[k + 1] or (years[k].isdisjoint(years[k + 1]) and (
                            years[k] and years[k + 1])) for k in range(len(roles) - 1)):
                    found.append(cut)
        if found:
            return found[0] if len(found) == 1 else ()
    return ()


def _alike_chunks(line: _Line, grid: _Grid, header: list[_Line] = ()
                  ) -> list[tuple[int, int, str]]:
    """The line's label chunks (`_label_chunks`), labels crowded with one space taken
    apart: labels alike ("Cơ quan chủ trì Cơ quan phối hợp" over two columns), or parts
    over columns side by side that each name a role ("Đơn vị Kế hoạch" over a unit column
    and a figure column; "Kế hoạch" overhanging its column names one role, "Kế" none) —
    with the lower-case words the `header`'s lines below print under them ("Đơn vị Thực
    hiện Mục tiêu" over "tính", "năm 2025", "năm 2026")."""
    below = [w for other in header if other.number > line.number
             for c in _chunk_words(other) if c[0].text[:1].islower() for w in c]
    chunks = []
    for run in _chunk_words(line):
        parts = [words for _, words in _alike_labels(run, grid) or ()]
        if not parts:
            by_column: dict[int, list[_Word]] = {}
            for word in run:
                by_column.setdefault(grid.column_of(word, prefer_right=True), []).append(word)
            if len(by_column) > 1 and all(first_role(" ".join(w.text for w in [*words, *(
                    u for u in below if words[0].x0 - 1 <= u.centre <= words[-1].x1 + 1)]))
                                          != "unknown" for words in by_column.values()):
                parts = list(by_column.values())
        for part in parts or [run]:
            chunks.append((part[0].x0, part[-1].x1, " ".join(w.text for w in part)))
    return chunks


def _split_at(window: range, cover: list[int], left: tuple[int, int, str],
              right: tuple[int, int, str]) -> int:
    """Where to split a column between two labels: the emptiest position between them, the
    middle one of a clear gutter; with no clear gutter (the left column's lines run up to
    the right one's), the one nearest the right label, which a narrow column's label
    overhangs ("… hoặc  %" under "Tên chỉ tiêu" / "Đơn vị")."""
    def count(x: int) -> int:
        return cover[x] if x < len(cover) else 0

    least = min(count(x) for x in window)
    aim = (left[1] + right[0]) / 2 if least == 0 else right[0]
    return min((x for x in window if count(x) == least), key=lambda x: abs(x - aim))


def _labelled_apart(header: list[_Line], line: _Line, spans: list[tuple[int, int]],
                    under: list[int]) -> bool:
    """The other header lines label the columns under a label one by one (each has a label
    of its own, over it alone): the label is a group's ("Năm 2025" over "Kế hoạch" / "Ước
    thực hiện"), its columns stay apart."""
    own: set[int] = set()
    grid = _Grid(spans)
    # (labels crowded one space apart on each line, stacked over their columns: "tính Kế
    # hoạch Ước thực Kế hoạch" under "Đơn vị", over "hiện", each part its column's label)
    others = [other for other in header if other is not line]
    crowds = _crowded_labels(others)
    for other in others:
        cuts = {cut for _, _, parts, top in crowds if other.number >= top for cut in parts}
        for run in (part for whole in _chunk_words(other) for part in _cut_run(whole, cuts)):
            alike = _alike_labels(run, grid)
            if alike is not None:  # (labels crowded alike: each its column, wherever printed)
                own.update(col for col, _ in alike if col in under)
                continue
            # (a label one space off a column's figures stands over them: pdftotext prints
            # the header a little apart from the body)
            over = [i for i in under if _touches(run[0].x0, run[-1].x1, spans[i])]
            if len(over) == 1:
                own.add(over[0])
            elif len(over) > 1 and (nearest := _nearest_column(run, spans, over)) is not None:
                own.add(nearest)
    return own == set(under)


def _cut_run(run: list[_Word], cuts: set[int]) -> list[list[_Word]]:
    """The run of words cut before each word starting at one of `cuts`."""
    parts: list[list[_Word]] = []
    for word in run:
        if not parts or word.x0 in cuts:
            parts.append([])
        parts[-1].append(word)
    return parts


def _nearest_column(run: list[_Word], spans: list[tuple[int, int]], columns: list[int]
                    ) -> int | None:
    """The column a label overhanging its gutter stands over ("Chủ trì theo dõi" centred in
    a column wider than its agencies' lines, over the gutter into the next): the one whose
    lines its middle lies among or nearest, by a gutter's width at least; else None."""
    middle = (run[0].x0 + run[-1].x1 - 1) / 2
    away = sorted((max(spans[i][0] - middle, middle - spans[i][1], 0.0), i) for i in columns)
    return away[0][1] if away[1][0] - away[0][0] >= _MIN_GUTTER else None


def _fit_by_labels(previous: _Grid, before: list[tuple[int, int, str]],
                   labels: list[tuple[int, int, str]], lines: list[_Line]) -> _Grid:
    """The previous page's columns on this page: each boundary moved as the header labels
    printed on both pages around it moved (in proportion between the nearest two), then to
    the emptiest position a few characters around."""
    once = [t for t in {c[2] for c in labels}
            if sum(c[2] == t for c in labels) == 1 and sum(c[2] == t for c in before) == 1]
    pairs = sorted((a[k], b[k]) for t in once for a in before for b in labels
                   if a[2] == b[2] == t for k in (0, 1))
    if len(pairs) < 2:
        return _fit_grid(lines, previous)
    cover = _cover(lines)

    def moved(x: float) -> float:
        right = next((k for k, (old, _) in enumerate(pairs) if old >= x), len(pairs) - 1)
        (x0, y0), (x1, y1) = pairs[max(0, right - 1)], pairs[max(1, right)]
        return y0 + (x - x0) * (y1 - y0) / max(1, x1 - x0)

    cuts = []
    for (_, end), (start, _) in pairwise(previous.spans):
        guess = moved((end + start) / 2)
        window = range(max(0, int(guess) - _MIN_GUTTER), int(guess) + _MIN_GUTTER + 1)
        cuts.append(min(window, key=lambda x: (cover[x] if x < len(cover) else 0,
                                               abs(x - guess))))
    lo = min(w.x0 for ln in lines for w in ln.words)
    hi = max(w.x1 for ln in lines for w in ln.words) - 1
    bounds = [min(lo, cuts[0]) - 1, *cuts, max(hi, cuts[-1]) + 1]
    return _Grid([(bounds[i] + 1, bounds[i + 1] - 1) for i in range(len(bounds) - 1)])


def _fit_grid(lines: list[_Line], previous: _Grid) -> _Grid:
    """The previous page's columns on a page too short to show its own gutters: the
    boundaries scaled to this page's width, each moved to the emptiest nearby position."""
    cover = _cover(lines)
    old_lo, old_hi = previous.spans[0][0], previous.spans[-1][1]
    lo = min(w.x0 for ln in lines for w in ln.words)
    hi = max(w.x1 for ln in lines for w in ln.words) - 1
    scale = (hi - lo) / max(1, old_hi - old_lo)
    cuts = []
    for (_, end), (start, _) in pairwise(previous.spans):
        guess = lo + ((end + start) / 2 - old_lo) * scale
        window = range(max(lo, int(guess) - _REFIT_REACH), min(hi, int(guess) + _REFIT_REACH) + 1)
        cuts.append(min(window, key=lambda x: (cover[x], abs(x - guess))))
    bounds = [lo - 1, *cuts, hi + 1]
    return _Grid([(bounds[i] + 1, bounds[i + 1] - 1) for i in range(len(bounds) - 1)])


# ---------------------------------------------------------------- rows


def _body_rows(lines: list[_Line], alignment: _Alignment, page: int, width: int,
               header: list[str], carried: RawRow | None = None,
               pending: dict[str, list[_Word]] | None = None, table: int = 0
               ) -> list[RawRow]:
    """The page's rows; `carried`: the row of the table preceding the page's lines (the
    table's first page has none, its lines above the first number are the first row's);
    `pending`: the cells merged over the previous page's last rows that the page break cut,
    by column label (`_merged_over_page_break`), kept up to date for the next page."""
    continued = carried is not None
    if not lines:
        return []
    grid = alignment.grid
    # (no figure taken from a name or deadline column: "… năm 2025", "2026")
    cells = _figures_in_order([alignment.cells(i) for i in range(len(lines))], grid, lines,
                              frozenset(c for c, label in enumerate(header)
                                        if first_role(label) in ("name", "deadline")),
                              frozenset(c for c, label in enumerate(header)
                                        if first_role(label) in _FIGURE_ROLES or (
                                            first_role(label) == "unknown"
                                            and _YEARS.search(label))))
    label_cols = _label_columns(cells, frozenset(
        c for c, label in enumerate(header) if first_role(label) == "number"))
    # every numbered row names its task or indicator: the name column leaves none empty
    named = frozenset(c for c, label in enumerate(header) if first_role(label) == "name")
    # a code column ("Mã số") beside the number: the row's number anchors it, its code is a
    # cell of the row like any other (printed on the row's top line, the number lower down)
    anchor_cols = label_cols[:1] if _codes_beside_numbers(cells, label_cols) else label_cols
    anchors = [i for i, row in enumerate(cells)
               if _anchored(row, anchor_cols) or _in_which_row(row, named, label_cols)]
    # with two numbering columns, a row numbered only in the second heads a group of rows
    heads = {i for i in anchors if len(label_cols) == 2 and not cells[i][label_cols[0]]
             and cells[i][label_cols[1]]}
    # a row labelled "I", "B": a section row spanning the table, no merged cell reaches into it
    # rows of this page: a continuation of the previous page's last row, then one per anchor
    starts = anchors if not continued or (anchors and anchors[0] == 0) else [-1, *anchors]
    if not starts:
        # no row number found to anchor rows on (prose under the table blurred the number
        # column): each line a row of its cells, for the assembly to join, not a crash
        return [RawRow([Cell(" ".join(w.text for w in words)) for words in row],
                       first_line=line.number, last_line=line.number, page=page, table=table)
                for line, row in zip(lines, cells, strict=True)]
    # a row labelled "I", "B", or a numbered group's title centred across the table on its
    # number's line ("1      Y tế cơ sở"): a section row, its title merged across the
    # table, so its row holds only its own line (a crowded row's first line, printed between
    # it and the next number, is that row's)
    sections = {r for r, i in enumerate(starts)
                if i >= 0 and label_cols and (_is_section_label(cells[i][label_cols[0]]) or (
                    _heads_items(cells, starts, r, label_cols[0])
                    and _centred_title(cells[i], lines[i], label_cols, grid)))}
    groups: list[list[list[_Word]]] = [[[] for _ in grid.spans] for _ in starts]
    firsts: list[int | None] = [None] * len(starts)
    lasts: list[int | None] = [None] * len(starts)
    uncertain: list[set[int]] = [set() for _ in starts]
    # (each of the page's columns: a page may show fewer than the header names)
    roles = ([first_role(label) for label in header] + ["unknown"] * len(grid.spans))[
        :len(grid.spans)]
    agency_cols = {c for c, role in enumerate(roles) if role in _AGENCY_ROLES}
    # a known agency name goes on across lines in the agency columns (all, when none is
    # known): "Ngày hội" / "Cơ sở dữ liệu" in a product column are two rows' products
    named_by = frozenset(agency_cols or range(len(grid.spans)))
    columns = _cut_columns(cells, starts, frozenset(sections), alignment.names, named,
                           named_by)
    if _take_run_in_cells(cells, columns, starts, label_cols, alignment):
        columns = _cut_columns(cells, starts, frozenset(sections), alignment.names, named,
                               named_by)
    merged: set[frozenset[int]] = set()  # runs of rows a cell was merged over
    spread: set[tuple[int, int]] = set()  # (row, column) of those cells
    # (the columns a row may leave empty last: they spread over the others' merged runs)
    for col in sorted(range(len(columns)), key=lambda c: roles[c] in _OPTIONAL_ROLES):
        parts = columns[col]
        fragments = _fragments(cells, col)
        for row, members in enumerate(parts):
            for i, words in members:
                groups[row][col] += words
                number = lines[i].number
                firsts[row] = number if firsts[row] is None else min(firsts[row], number)
                lasts[row] = number if lasts[row] is None else max(lasts[row], number)
        if heads and col not in label_cols:
            # spread by inference: the text cannot show the merged cell's extent
            for row in _spread_over_group(groups, col, fragments, starts, heads):
                uncertain[row].add(col)
        if col not in label_cols:  # (a row's number is its own, never merged over rows)
            extents = _row_extents(columns, col)
            guessed: set[int] = set()
            runs = _spread_merged_cells(
                groups, col, fragments, starts, sections,
                only=set(merged) if roles[col] in _OPTIONAL_ROLES else None,
                # (a note's row's top told by the row's own cells: not by a cell merged
                # over it and others, centred on them, "Sở Công" a line above the middle
                # row's top; a note is a row's own, a support may be a block's)
                within=_row_extents(columns, col, spread if roles[col] in _OWN_ROLES else set())
                if _prints_from_top(columns, col, extents, starts, named) else None,
                extents=extents, at=[line.number for line in lines],
                every_row=roles[col] in _EVERY_ROW_ROLES, guessed=guessed)
            merged |= runs
            spread |= {(row, col) for run in runs for row in run}
            for row in guessed:
                uncertain[row].add(col)
            for row in _placed_without_confidence(parts, starts, groups, col):
                uncertain[row].add(col)
    # rows with a value besides number and name (a group's title row has none)
    valued = {r for r, cols in enumerate(groups)
              if any(cols[c] for c in range(len(cols)) if c not in label_cols and c not in named)}
    from_top: dict[int, set[int]] = {}  # row -> the columns it was given from the row above
    for col, role in enumerate(roles):
        if role in _EVERY_ROW_ROLES:
            for row in _spread_from_top(groups, columns, col, starts, valued - sections):
                uncertain[row].add(col)
                from_top.setdefault(row, set()).add(col)
            for row in _fill_block(groups, columns[col], col, starts, valued - sections,
                                   names_agencies=role in _AGENCY_ROLES):
                uncertain[row].add(col)
    for row, col in _shared_from_above(from_top, roles, groups, starts):
        uncertain[row].add(col)
    for row, col in _names_cut_between_rows(groups, agency_cols, starts, sections,
                                            alignment.names):
        uncertain[row].add(col)
    line_of = {id(w): i for i, line in enumerate(lines) for w in line.words}
    if pending is not None and len(header) == len(grid.spans):  # (columns as labelled)
        for col, role in enumerate(roles[:len(grid.spans)]):
            if role in _EVERY_ROW_ROLES:
                for row in _merged_over_page_break(groups, col, _column_name(header, col),
                                                   starts, sections, line_of, pending):
                    uncertain[row].add(col)
    # an agency cell's line that starts another agency after a whole known name keeps its
    # break (a row continued below its number only to add one: "Công nghệ" / "Các cơ sở
    # giáo dục"); the agency reader tells the names apart
    texts_of = [[_cell_text(words, line_of, alignment.names) if c in agency_cols
                 else _lines_joined(words, line_of) for c, words in enumerate(cols)]
                for cols in groups]
    if carried is not None and starts[0] < 0:
        _merged_over_cut_row(texts_of, groups, carried, set(label_cols) | named, line_of)
    rows = []
    cut_by_position = {lines[i].number for i in alignment.cut_by_position}
    moved = {(lines[i].number, c) for i, c in alignment.moved}
    for row, texts in enumerate(texts_of):
        if not any(texts):
            continue
        if row in sections or (starts[row] >= 0 and _centred_title(
                groups[row], lines[starts[row]], label_cols, grid)):
            texts = _title_in_name_column(_title_run(texts, lines[starts[row]], groups[row],
                                                     label_cols), label_cols)
        texts = (texts + [""] * width)[:max(width, len(texts))]
        warnings = [f"cell_placement_uncertain:{_column_name(header, c)}"
                    for c in sorted(uncertain[row])]
        if any(firsts[row] <= n <= lasts[row] for n in cut_by_position):
            warnings.append("crowded_line_cut_by_position")
        warnings += [f"cell_placement_uncertain:{_column_name(header, c)}"
                     for c in sorted({c for n, c in moved if firsts[row] <= n <= lasts[row]})
                     if c not in uncertain[row]]
        rows.append(RawRow([Cell(t) for t in texts], first_line=firsts[row],
                           last_line=lasts[row], page=page, table=table, warnings=warnings))
    return rows


_FIGURE = re.compile(r"[≥≤<>]?\d[\d.,]*%?")
_COMPARISONS = frozenset({"≥", "≤", "<", ">"})


def _figures(words: list[_Word]) -> list[list[_Word]]:
    """The words as figures ("1.260", "≥ 32": a comparison joined to its number), or [] when
    any word is none."""
    items: list[list[_Word]] = []
    for word in words:
        if items and items[-1][-1].text in _COMPARISONS:
            items[-1].append(word)
        else:
            items.append([word])
    if all(_FIGURE.fullmatch(item[-1].text) and all(w.text in _COMPARISONS for w in item[:-1])
           for item in items):
        return items
    return []


def _figures_in_order(cells: list[list[list[_Word]]], grid: _Grid, lines: list[_Line],
                      kept: frozenset[int] = frozenset(), labelled: frozenset[int] = frozenset()
                      ) -> list[list[list[_Word]]]:
    """Lines whose figures lie in the page's columns of figures (two or more side by side,
    each filled mostly by figures) as many as those columns but not one to each: each
    figure to the column of its place in the line's order. A row prints its figures in
    their columns' order, and pdftotext moves them a few characters left or right from
    row to row ("62.000   63.150  65.000" / "1.200        1.260    1.450"): where no gutter
    parts the columns, a figure lands in its neighbour's (a line holding a figure more or
    fewer, or a word that is no figure among them, is left as it is). A section's title
    printed across the figure columns does not count against them; the `kept` columns'
    words (names, deadlines) are never taken. A column `labelled` as one of figures (a
    target, a baseline) that holds no word but figures is one of them however few it holds:
    narrow year columns whose figures drift into their neighbours' places ("19     21    24"
    under "Năm 2026", "Năm 2027", "Năm 2028") leave one nearly empty."""
    width = len(grid.spans)
    numeric = [0] * width
    other = [0] * width
    for row, line in zip(cells, lines, strict=True):
        if _is_title_line(line):
            continue
        for col, words in enumerate(row):
            if words:
                if _figures(words):
                    numeric[col] += 1
                else:
                    other[col] += 1
    runs: list[list[int]] = []
    for col in range(width):
        if (numeric[col] >= 2 and other[col] * 3 <= numeric[col]) or (
                col in labelled and not other[col]):
            if runs and runs[-1][-1] == col - 1:
                runs[-1].append(col)
            else:
                runs.append([col])
    runs = [run for run in runs if len(run) > 1]
    if not runs:
        return cells
    out = []
    for row in cells:
        for run in runs:
            # (a figure of the run's last or first column may drift past it, by as much as
            # that column is wide, into the next column's place: "1.450" by the lead's "Sở
            # Giáo dục và", "102.000 Sở Giáo dục và" crowded; a word that is no figure there
            # ends the run's reach)
            lo, hi = grid.spans[run[0]][0], grid.spans[run[-1]][1]
            reach = (lo - (grid.spans[run[0]][1] - lo + 1), hi + (hi - grid.spans[run[-1]][0] + 1))
            words = sorted((w for c, col in enumerate(row) if c not in kept for w in col),
                           key=lambda w: w.x0)
            drifted = _drifted_words(row, run, grid)
            inside = [w for w in words if lo <= w.centre <= hi]
            before = [w for w in words if reach[0] <= w.centre < lo and id(w) in drifted]
            after = [w for w in words if hi < w.centre <= reach[1] and id(w) in drifted]
            while before and not _figures(before[:1]):
                before.pop(0)
            after = after[:next((k for k, w in enumerate(after) if not _figures([w])),
                                len(after))]
            items = _figures(before + inside + after)
            placed = [[id(w) for w in row[col]] for col in run]
            if len(items) != len(run) or all(
                    [id(w) for w in item] == ids for item, ids in zip(items, placed, strict=True)):
                continue
            taken = {id(w) for item in items for w in item}
            # (the words crowded one space after the last figure start the next column's
            # cell: "102.000 Sở Giáo dục và" cut off a crowded line into the wrong column)
            last = items[-1][-1]
            tail: list[_Word] = []
            for w in words[words.index(last) + 1:]:
                if w.x0 - (tail[-1] if tail else last).x1 >= _MIN_GUTTER:
                    break
                tail.append(w)
            nxt = run[-1] + 1
            moved = {id(w) for w in tail} if tail and nxt < len(row) and not any(
                id(w) not in taken for w in row[nxt] if w.centre < tail[-1].x1) else set()
            row = [[w for w in words if id(w) not in taken | moved] for words in row]
            for col, item in zip(run, items, strict=True):
                row[col] = sorted(row[col] + item, key=lambda w: w.x0)
            if moved:
                row[nxt] = sorted(row[nxt] + tail, key=lambda w: w.x0)
        out.append(row)
    return [_sparse_figures_by_place(row, runs, out) for row in out]


def _sparse_figures_by_place(row: list[list[_Word]], runs: list[list[int]],
                             rows: list[list[list[_Word]]]) -> list[list[_Word]]:
    """A row printing fewer figures than its run of figure columns (a year left empty)
    with each figure in the column whose figures, on the lines that fill every column of
    the run, sit nearest it, in order: drifting figures leave the place of a column a
    poor guide ("8" under "Năm 2027" printed where "Năm 2028" reads by the gutters)."""
    for run in runs:
        items = _figures(sorted((w for col in run for w in row[col]), key=lambda w: w.x0))
        if not items or len(items) >= len(run) or sum(len(i) for i in items) != sum(
                len(row[col]) for col in run):
            continue
        full = [r for r in rows if all(len(_figures(r[col])) == 1 and len(_figures(r[col])[0])
                                       == len(r[col]) for col in run)]
        if len(full) < 2:
            continue
        places = [_median([(r[col][0].x0 + r[col][-1].x1) / 2 for r in full]) for col in run]
        # the columns for the items in order, each nearest its place (a small search: a
        # run holds a few columns)
        best = min(combinations(range(len(run)), len(items)), key=lambda cols: sum(
            abs((item[0].x0 + item[-1].x1) / 2 - places[c]) for item, c in zip(
                items, cols, strict=True)))
        row = [list(words) if col not in run else [] for col, words in enumerate(row)]
        for item, k in zip(items, best, strict=True):
            row[run[k]] = list(item)
    return row


def _drifted_words(row: list[list[_Word]], run: list[int], grid: _Grid) -> set[int]:
    """The ids of the words beside a run of figure columns that may be a figure drifted out
    of it: every word of the run's columns, and the nearest word of another column only
    where it sticks out of that column's place towards the run ("1.450" two characters
    left of where the lead's "Sở Giáo dục và" starts). A figure at home in its own column
    ("2027" printed where the notes start) is that column's, and the figure cell it would
    fill stays blank."""
    ids = {id(w) for col in run for w in row[col]}
    for col, words in enumerate(row):
        if col in run or not words:
            continue
        start, end = grid.spans[col]
        if col > run[-1]:
            first = min(words, key=lambda w: w.x0)
            if first.x0 < start:
                ids.add(id(first))
        else:
            last = max(words, key=lambda w: w.x1)
            if last.x1 - 1 > end:
                ids.add(id(last))
    return ids


def _heads_items(cells: list[list[list[_Word]]], starts: list[int], row: int, col: int
                 ) -> bool:
    """The next row's number is an item of this row's ("1" over "1.1", "a)"): this row
    heads a group of items."""
    if row + 1 >= len(starts) or starts[row] < 0:
        return False
    label = " ".join(w.text for w in cells[starts[row]][col]).rstrip(".")
    below = " ".join(w.text for w in cells[starts[row + 1]][col])
    return bool(label) and (below.startswith(f"{label}.") or bool(
        re.match(rf"^{LOWER}\)?$", below)))


def _merged_over_page_break(groups: list[list[list[_Word]]], col: int, label: str,
                            starts: list[int], sections: set[int], line_of: dict[int, int],
                            pending: dict[str, list[_Word]]) -> set[int]:
    """A cell merged over rows that the page break cuts (a deadline, a lead: what every row
    names) prints its text in the first page's part; on the page's top line of its first
    row when the part holds more rows than one, while that row's other cells run on below.
    The page's last rows left empty in the column under such a cell, and the next page's
    first rows left empty there, have it (the rows given it are returned, to be warned:
    this is inference). `pending`: the cell each column carries over to the next page, by
    the column's label (`label`: a page may show a column more or fewer)."""
    given: set[int] = set()
    words = pending.pop(label, None)
    if words is not None:
        for row, start in enumerate(starts):
            if start < 0:
                continue  # (the previous page's last row going on: it has the cell)
            if row in sections or groups[row][col]:
                break
            groups[row][col] = list(words)
            given.add(row)
    run: list[int] = []
    row = len(starts) - 1
    while row >= 0 and starts[row] >= 0 and row not in sections and not groups[row][col]:
        run.append(row)
        row -= 1
    if row < 0 or starts[row] < 0 or row in sections or not groups[row][col]:
        return given
    cell = [line_of[id(w)] for w in groups[row][col] if id(w) in line_of]
    lines = [line_of[id(w)] for words in groups[row] for w in words if id(w) in line_of]
    if not run:
        # the last row's cell given it as merged with the row above's goes on too
        if row > 0 and [id(w) for w in groups[row][col]] == [
                id(w) for w in groups[row - 1][col]]:
            pending[label] = groups[row][col]
        return given
    if not cell or min(cell) != min(lines) or max(cell) >= max(lines):
        return given  # (a cell centred in its row, or the row's only line: no evidence)
    for empty in run:
        groups[empty][col] = list(groups[row][col])
    pending[label] = groups[row][col]
    return given | set(run)


def _merged_over_cut_row(texts: list[list[str]], groups: list[list[list[_Word]]],
                         carried: RawRow, skip: set[int], line_of: dict[int, int]) -> None:
    """A cell the page break cut (its rest on this page, the first group) that reaches
    down into the first numbered row's lines, where that row has nothing of its own, is
    merged over both rows: that row has it whole, the previous page's part with it."""
    below = [line_of[id(w)] for cols in groups[1:2] for words in cols for w in words
             if id(w) in line_of]  # (a cell carried over the page break is not this page's)
    if not below:
        return
    top = min(below)
    for col, words in enumerate(groups[0]):
        # (nothing of its own: or the same words, spread to it as a merged cell already)
        own = groups[1][col] and [id(w) for w in groups[1][col]] != [id(w) for w in words]
        if (col not in skip and words and not own and col < len(carried.cells)
                and max(line_of.get(id(w), -1) for w in words) >= top):
            texts[1][col] = f"{carried.cells[col].text} {texts[0][col]}".strip()


def _lines_joined(words: list[_Word], line_of: dict[int, int]) -> str:
    """A cell's words, one space apart, but none after a line ending in a slash: a unit
    wrapped in its narrow column ("Lít/người/" / "ngày") is one word."""
    text = ""
    for k, word in enumerate(words):
        if k and not (words[k - 1].text.endswith("/") and len(words[k - 1].text) > 1
                      and line_of.get(id(word)) != line_of.get(id(words[k - 1]))):
            text += " "
        text += word.text
    return text


def _cell_text(words: list[_Word], line_of: dict[int, int], names: _NamePairs) -> str:
    """An agency cell's words, a line break kept where a capitalised line follows a whole
    known name."""
    text, start = "", 0
    for k, word in enumerate(words):
        if k and line_of.get(id(word)) != line_of.get(id(words[k - 1])) and (
                word.text[:1].isupper() and names.is_name(text[start:])):
            text += "\n"
            start = len(text)
        elif k:
            text += " "
        text += word.text
        if word.text.endswith(";"):
            start = len(text)
    return text


def _title_run(texts: list[str], line: _Line, cols: list[list[_Word]],
               label_cols: list[int]) -> list[str]:
    """A section row whose words but its label are one run of its own line (single spaces:
    a short title centred across the table, over a gutter, "ĐỀ | ÁN") has that run as its
    one text, in the first column it reached."""
    ids = {id(w) for c, words in enumerate(cols) if c not in label_cols for w in words}
    chunks = [c for c in _chunk_words(line) if any(id(w) in ids for w in c)]
    if len(chunks) != 1 or {id(w) for w in chunks[0]} != ids:
        return texts
    filled = [c for c, t in enumerate(texts) if t and c not in label_cols]
    texts = ["" if c in filled else t for c, t in enumerate(texts)]
    texts[filled[0]] = " ".join(w.text for w in chunks[0])
    return texts


def _centred_title(cols: list[list[_Word]], line: _Line, label_cols: list[int], grid: _Grid
                   ) -> bool:
    """A numbered group's title ("1   Trồng trọt") merged across the table and printed
    centred in it: the row's words but its number are one run of its number's line, in
    words, its middle near the table's."""
    words = [w for c, ws in enumerate(cols) if c not in label_cols for w in ws]
    if not label_cols or not words:
        return False
    # (the line's words as a set: a list searched once per word was quadratic in a line's
    # length — a 34,000-character line took 4 s)
    on_line = {(w.x0, w.x1, w.text) for w in line.words}
    if any((w.x0, w.x1, w.text) not in on_line for w in words) or any(
            b.x0 - a.x1 >= _MIN_GUTTER for a, b in pairwise(words)):
        return False
    left, right = grid.spans[0][0], grid.spans[-1][1]
    middle = (words[0].x0 + words[-1].x1) / 2
    return (any(ch.isalpha() for w in words for ch in w.text)
            and abs(middle - (left + right) / 2) <= (right - left) * _CENTRED_TITLE_SHARE)


def _title_in_name_column(texts: list[str], label_cols: list[int]) -> list[str]:
    """A section row's title, printed centred across the table (over whichever column lies
    under the middle), is the text of its first column after the numbers."""
    filled = [c for c, t in enumerate(texts) if t and c not in label_cols]
    name = max(label_cols, default=-1) + 1
    if len(filled) == 1 and filled[0] > name:
        texts = list(texts)
        texts[name], texts[filled[0]] = texts[filled[0]], ""
    return texts


def _fragments(cells: list[list[list[_Word]]], col: int) -> list[tuple[int, list[_Word]]]:
    return [(i, row[col]) for i, row in enumerate(cells) if row[col]]


def _take_run_in_cells(cells: list[list[list[_Word]]],
                       columns: list[list[list[tuple[int, list[_Word]]]]], anchors: list[int],
                       label_cols: list[int], alignment: _Alignment) -> bool:
    """A row with nothing in a column that most rows fill, whose cell on its left runs
    into that column on one of its lines ("… Viettel về Sở Y tế"): that line's longest
    capitalised tail that fits the column is the row's cell there (the cells are changed,
    True when any was)."""
    changed = False
    rows = [r for r, anchor in enumerate(anchors) if anchor >= 0]
    for col in range(1, len(columns)):
        if col in label_cols or col - 1 in label_cols or alignment._narrow(col):
            continue
        filled = sum(1 for r in rows if columns[col][r])
        if filled * 2 < len(rows):
            continue
        for r in rows:
            if columns[col][r] or not columns[col - 1][r]:
                continue
            for i, _ in sorted(columns[col - 1][r], key=lambda m: abs(m[0] - anchors[r])):
                tail = _run_in_tail(cells[i][col - 1], alignment.width[col])
                if tail and alignment.sticks_out(col - 1, i, cells[i][col - 1], len(tail)):
                    cells[i][col - 1] = cells[i][col - 1][:-len(tail)]
                    cells[i][col] = tail + cells[i][col]
                    changed = True
                    break
    return changed


def _run_in_tail(words: list[_Word], width: int) -> list[_Word]:
    """The longest capitalised tail of a cell's line, run on with a single space, that fits
    a column this wide."""
    for cut in range(1, len(words)):
        tail = words[cut:]
        if (tail[0].text[:1].isupper() and tail[0].x0 - words[cut - 1].x1 < 2
                and tail[-1].x1 - tail[0].x0 <= width + 1):
            return tail
    return []


def _placed_without_confidence(parts: list[list[tuple[int, list[_Word]]]], anchors: list[int],
                               groups: list[list[list[_Word]]], col: int) -> set[int]:
    """Rows of one column whose text may belong (also) to neighbouring rows that have none
    there: text printed off its row's number towards such a row, or a run of rows holding
    one text between two such rows (a cell merged over more rows?), with every empty row
    next to it; or a line of it nearer another row's number than its own, which has
    nothing there, with that row."""
    def empty(row: int) -> bool:
        return 0 <= row < len(anchors) and anchors[row] >= 0 and not groups[row][col]

    def with_empty_neighbours(first: int, last: int) -> set[int]:
        rows = set(range(first, last + 1))
        for other, step in ((first - 1, -1), (last + 1, 1)):
            while empty(other):
                rows.add(other)
                other += step
        return rows

    found: set[int] = set()
    for first, last in _runs_of_one_text(groups, anchors, col):
        if empty(first - 1) and empty(last + 1):
            found |= with_empty_neighbours(first, last)
    numbered = [r for r in range(len(anchors)) if anchors[r] >= 0]
    heights = [anchors[r] for r in numbered]  # (rising: the nearest is one of two)
    for row, members in enumerate(parts):
        if not members or anchors[row] < 0:
            continue
        lines = [i for i, _ in members]
        offset = (min(lines) + max(lines)) / 2 - anchors[row]
        if abs(offset) >= 1 and empty(row + (1 if offset > 0 else -1)):
            found |= with_empty_neighbours(row, row)
        for i in lines:
            at = bisect_left(heights, i)
            nearest = min(numbered[max(0, at - 1):at + 1], key=lambda r: abs(anchors[r] - i))
            if nearest != row and empty(nearest) \
                    and abs(anchors[nearest] - i) < abs(anchors[row] - i):
                found |= {row, nearest}
    return found


def _runs_of_one_text(groups: list[list[list[_Word]]], anchors: list[int], col: int
                      ) -> list[tuple[int, int]]:
    """(first, last) row of each run of rows holding the same words in the column: one
    row's own text, or a merged cell given to several rows."""
    runs = []
    row = 0
    while row < len(groups):
        if anchors[row] < 0 or not groups[row][col]:
            row += 1
            continue
        last = row
        while last + 1 < len(groups) and groups[last + 1][col] == groups[row][col]:
            last += 1
        runs.append((row, last))
        row = last + 1
    return runs


def _column_name(header: list[str], col: int) -> str:
    name = header[col].strip() if col < len(header) else ""
    return name or f"column {col + 1}"


class _Alignment:
    """How each column of a page prints its lines, learnt from the chunks (words between runs
    of two or more spaces) that fall in one column: left-aligned (most start at one
    position) or centred, and how wide a line gets. pdftotext leaves a single space where
    a crowded line runs from one cell into the next ("… của Sở triển khai tại địa bàn UB
    MTTQ …"); such a line is cut where each piece sits best in its column, judged by the
    column's lines printed nearby (the same cell, as a rule)."""

    def __init__(self, lines: list[_Line], grid: _Grid, widths: list[int] | None = None,
                 names: _NamePairs | None = None,
                 name_cols: frozenset[int] = frozenset(),
                 agency_cols: frozenset[int] = frozenset(),
                 named_cols: dict[int, str] | None = None) -> None:
        self.grid = grid
        # columns whose label names what they hold (a unit, a figure, a deadline) and its
        # role: however narrow, no numbering column ("ĐVT" over "Lượt" / "khách", "Kế hoạch
        # 2026" over "3.500" in a crowded landscape table)
        self.named_cols = named_cols or {}
        self.names = names or _NamePairs(None)
        # the rows' name columns, where known names do not weigh in a cut: a task's words
        # go on in a sentence, "… mức độ chứng Bộ" / "chỉ số hóa" is no "Bộ Chỉ huy"
        self.name_cols = name_cols
        self.agency_cols = agency_cols  # (whose lines are short)
        # a column is as wide on every page: a page's own lines may not show it
        self.known_widths = widths if widths and len(widths) == len(grid.spans) else None
        self.placed: dict[tuple[int, int], int] = {}  # (line, start) of a chunk -> column
        self.cut_by_position: set[int] = set()  # lines too crowded to cut by their words
        self.moved: set[tuple[int, int]] = set()  # (line, column) given a drifted chunk
        self._learn(lines)
        # a chunk pushed over a gutter sits in the neighbouring column's span: it goes to
        # the column whose lines it is printed like ("Kế hoạch" centred under "Thời hạn")
        for i, line in enumerate(lines):
            for chunk in _chunk_words(line):
                first, last = self.reach(chunk)
                if first == last and not self._narrow(first):
                    self._replace(i, chunk, first)
        if self.placed:
            self._learn(lines)
        self._cells = [self._line_cells(i, line) for i, line in enumerate(lines)]
        crowded = [i for i, line in enumerate(lines) if self._crowded(i, line)]
        if crowded and self.names.agencies is not None:
            # again, each crowded line in view of its neighbours' cells as first cut
            first_cut = self._cells
            self._cells = list(first_cut)
            for i in crowded:
                self._cells[i] = self._line_cells(i, lines[i], first_cut)
        for i in crowded:
            pieces = _cut_off_pieces(self._cells[i])
            for j in range(i + 1, min(len(lines), i + 1 + _ALIGN_REACH)):
                self._cells[j] = self._under_piece(pieces, self._cells[j], lines[j])

    def _under_piece(self, pieces: dict[int, int], cells: list[list[_Word]], line: _Line
                     ) -> list[list[_Word]]:
        """Words in lower case starting right under a piece cut off a crowded line above
        (`pieces`: its start in each column) go on that piece's cell, with the rest of their
        chunk: "Năm 2026 Quy chế được" / "ban hành" under "Quy"; "… ngành; Thủ tục được
        cập" / "UBND các xã, phường nhật", "nhật" under "Thủ". Not a word going on a known
        agency name ("Du" / "lịch"), nor words a capitalised one follows: another cell
        starts there ("quảng bá Sở Văn hóa, Thể", the next row's crowded line)."""
        for chunk in _chunk_words(line):
            for k, word in enumerate(chunk):
                col = next((c for c, x0 in pieces.items() if abs(x0 - word.x0) <= 1), None)
                if col is None or not word.text[:1].islower() or (
                        k and self.names.follows(chunk[k - 1].text, word.text)) or any(
                        w.text[:1].isupper() for w in chunk[k + 1:]):
                    continue
                moved = {id(w) for w in chunk[k:]}
                if any(id(w) not in moved for w in cells[col]):
                    break  # (the column holds another cell's words on this line)
                cells = [[w for w in c if id(w) not in moved] for c in cells]
                cells[col] = list(chunk[k:])
                break
        return cells

    def _learn(self, lines: list[_Line]) -> None:
        self.clean: list[list[tuple[int, int, int]]] = [[] for _ in self.grid.spans]
        for i, line in enumerate(lines):
            if _is_title_line(line):
                continue  # (a title merged across the row is printed over any column)
            for chunk in _chunk_words(line):
                first, last = self.reach(chunk, i)
                if first == last:
                    self.clean[first].append((i, chunk[0].x0, chunk[-1].x1))
        self.clean_lines = [[i for i, _, _ in c] for c in self.clean]
        self.left = [self._left_aligned(c) for c in self.clean]
        self._wheres: dict[tuple[int, int], float | None] = {}
        self._whole_wheres: dict[int, float | None] = {}
        self.width = [max([e - s + 1, *(x1 - x0 for _, x0, x1 in c)])
                      for c, (s, e) in zip(self.clean, self.grid.spans, strict=True)]
        if self.known_widths:
            self.width = [max(a, b) for a, b in zip(self.width, self.known_widths, strict=True)]
        # a left-aligned column's lines reach, at most, where the next column's lines start
        starts = [min((x0 for _, x0, _ in c), default=None) for c in self.clean]
        self.rights = [max(self._right(c), (starts[i + 1] or 0) - 2 if i + 1 < len(starts) else 0)
                       for i, c in enumerate(self.clean)]

    def _replace(self, index: int, chunk: list[_Word], col: int) -> None:
        x0, x1 = chunk[0].x0, chunk[-1].x1
        own = self.cost(col, index, x0, x1)
        for other in (col - 1, col + 1):
            if 0 <= other < len(self.grid.spans) and not self._narrow(other) and (
                    self._near(other, x0, x1)
                    and self.cost(other, index, x0, x1) + _MOVE_MARGIN < own):
                self.placed[index, x0] = other
                own = self.cost(other, index, x0, x1) + _MOVE_MARGIN

    def _near(self, col: int, x0: int, x1: int) -> bool:
        """The piece reaches the column's span, or stops a few characters short of it (a
        chunk pushed over a gutter; one printed well inside another column is that one's:
        "Cấp tỉnh" centred in a left-aligned column)."""
        start, end = self.grid.spans[col]
        return x1 - 1 >= start - _SHIFT and x0 <= end + _SHIFT

    def reach(self, chunk: list[_Word], index: int | None = None) -> tuple[int, int]:
        if index is not None and (index, chunk[0].x0) in self.placed:
            col = self.placed[index, chunk[0].x0]
            return col, col
        cols = [self.grid.column_of(w) for w in chunk]
        return min(cols), max(cols)

    @staticmethod
    def _left_aligned(chunks: list[tuple[int, int, int]]) -> bool:
        if len(chunks) < 2:
            return False
        starts = [x0 for _, x0, _ in chunks]
        centres = [(x0 + x1) / 2 for _, x0, x1 in chunks]
        # lines of one length sit at one start and one centre alike: count the lines at the
        # commonest start against those at the commonest centre (pdftotext rounds a centred
        # line's start by half a character)
        # (counted, not compared pair by pair: quadratic in a column's lines, 1 s of a
        # 34,000-character line; a centre is a whole or half character, so the centres
        # within half a character of m are 2m - 1, 2m and 2m + 1 in half characters)
        at_start = max(Counter(starts).values())
        halves = Counter(round(2 * c) for c in centres)
        at_centre = max(halves[h - 1] + halves[h] + halves[h + 1] for h in halves)
        return at_start > at_centre

    def cost(self, col: int, line: int, x0: int, x1: int) -> float:
        """How badly a piece printed from x0 to x1 on this line sits in the column. A
        crowded line is shifted by a few characters either way: past a few characters off,
        a centred piece is simply off (its width then decides)."""
        where = self._where(col, line)
        if where is None:
            start, end = self.grid.spans[col]
            off = abs((x0 + x1) / 2 - (start + end + 1) / 2)
            return min(off, _SHIFT) + off / 10
        if self.left[col]:
            return abs(x0 - where) + 3 * max(0, x1 - self.rights[col] - 1)
        off = abs((x0 + x1) / 2 - where)
        return min(off, _SHIFT) + off / 10 + 2 * max(0, x1 - x0 - self.width[col] - 1)

    def _where(self, col: int, line: int) -> float | None:
        """Where the column's lines near this line start (left-aligned) or have their
        middle (centred), the column's whole lines' when none is near; None when it has
        none. Kept per line: a crowded line's cut asks for every piece of it."""
        key = (col, line)
        if key not in self._wheres:
            chunks = self.clean[col]
            # (the column's chunks are in line order: those near the line are one slice)
            at = self.clean_lines[col]
            near = [c for c in chunks[bisect_left(at, line - _ALIGN_REACH):
                                      bisect_right(at, line + _ALIGN_REACH)] if c[0] != line]
            if not near:
                self._wheres[key] = self._whole_where(col)
            elif self.left[col]:
                self._wheres[key] = _median([c[1] for c in near])
            else:
                self._wheres[key] = _median([(c[1] + c[2]) / 2 for c in near])
        return self._wheres[key]

    def _whole_where(self, col: int) -> float | None:
        """`_where` over all the column's lines (none near the line asked about)."""
        if col not in self._whole_wheres:
            chunks = self.clean[col]
            self._whole_wheres[col] = None if not chunks else _median(
                [c[1] for c in chunks] if self.left[col]
                else [(c[1] + c[2]) / 2 for c in chunks])
        return self._whole_wheres[col]

    def cells(self, index: int) -> list[list[_Word]]:
        """The words of the line in each column (lists of the caller's own)."""
        return [list(words) for words in self._cells[index]]

    def _crowded(self, index: int, line: _Line) -> bool:
        return any(len(set(self.reach(chunk, index))) > 1 for chunk in _chunk_words(line))

    def _line_cells(self, index: int, line: _Line,
                    around: list[list[list[_Word]]] | None = None) -> list[list[_Word]]:
        cells: list[list[_Word]] = [[] for _ in self.grid.spans]
        whole: list[tuple[int, list[_Word]]] = []  # chunks placed in one column, in order
        for chunk in _chunk_words(line):
            first, last = self.reach(chunk, index)
            if first == last:
                cells[first] += chunk
                whole.append((first, chunk))
                continue
            context = None if around is None else self._context(around, index, first, last)
            pieces = self._cut(index, chunk, first, last, context)
            for col, piece in zip(range(first, last + 1), pieces, strict=True):
                cells[col] += piece
        return self._in_order(index, cells, whole)

    def _in_order(self, index: int, cells: list[list[_Word]],
                  whole: list[tuple[int, list[_Word]]]) -> list[list[_Word]]:
        """Two chunks of a line (apart by two spaces or more: two cells) in one column
        beside a column the line leaves empty: the line's cells drifted off their columns
        (pdftotext prints a crowded row's cells some characters left or right of the
        others'), the chunk on that side is the empty column's, in order. The line is
        noted (`moved`: its row is warned)."""
        # (on a line of a row's cells side by side: a wrapped line, printing a column or
        # two, says nothing of the others — "Sở Tư pháp,  Công an tỉnh" is one cell's)
        if sum(1 for cell in cells if cell) < len(cells) - 2:
            return cells
        for col in sorted({c for c, _ in whole}):
            mine = [chunk for c, chunk in whole if c == col]
            if len(mine) != 2 or col in self.name_cols:
                continue
            for other, chunk in ((col - 1, mine[0]), (col + 1, mine[1])):
                if 0 <= other < len(cells) and not cells[other] and not self._narrow(other) \
                        and other not in self.name_cols:
                    cells[col] = [w for w in cells[col] if w not in chunk]
                    cells[other] = list(chunk)
                    self.moved.add((index, other))
                    break
        return cells

    def _context(self, cells: list[list[list[_Word]]], index: int, first: int, last: int
                 ) -> list[tuple[str | None, str | None, list[_Word]]]:
        """For each column first..last, the last word of its nearest line above and the first
        word of its nearest line below (within a few lines: a cell's lines interleave), and
        that line above's words in the column."""
        context = []
        for col in range(first, last + 1):
            above = next((cells[j][col] for j in range(index - 1,
                          max(-1, index - 1 - _ALIGN_REACH), -1) if cells[j][col]), [])
            below = next((cells[j][col][0].text for j in range(index + 1,
                          min(len(cells), index + 1 + _ALIGN_REACH)) if cells[j][col]), None)
            context.append((above[-1].text if above else None, below, above))
        return context

    @staticmethod
    def _right(chunks: list[tuple[int, int, int]]) -> int:
        """Where a left-aligned column's lines end at most (of the lines that start at its
        left edge: a line starting elsewhere is another column's, pushed into it)."""
        if not chunks:
            return 0
        start = _median([c[1] for c in chunks])
        return max(c[2] for c in chunks if abs(c[1] - start) <= 2)

    def sticks_out(self, col: int, line: int, words: list[_Word], tail: int) -> bool:
        """The line's cell in the column ends past where the column's lines end (left-aligned)
        or sits better centred without its last `tail` words."""
        if self.left[col]:
            return words[-1].x1 > self.rights[col] + 1
        head = words[:-tail]
        return self.cost(col, line, head[0].x0, head[-1].x1) < self.cost(
            col, line, words[0].x0, words[-1].x1)

    def _narrow(self, col: int) -> bool:
        return self._narrow_span(col) and col not in self.named_cols

    def _narrow_span(self, col: int) -> bool:
        start, end = self.grid.spans[col]
        return end - start + 1 <= _MAX_LABEL_WIDTH

    def _piece_cost(self, col: int, index: int, chunk: list[_Word], i: int, j: int, cut: bool,
                    figures: bool) -> float:
        """The cost of the piece chunk[i:j] in a column (`figures`: it holds a figure): a
        narrow numbering column takes one label and nothing else; a piece cut off a crowded
        line starts a cell as a rule (capital), not with the dash a name breaks its line at
        ("Phòng Văn hóa -" / "Xã hội")."""
        if self._narrow(col):
            return 0.0 if j - i == 1 and _is_label(chunk[i].text) else _NO_FIT
        if self._narrow_span(col) and self.named_cols.get(col) in _FIGURE_ROLES and not figures:
            # (a narrow figure column takes figures: not the last word of a title centred
            # over the figures, "Xã hội" | "số"; a note's few lines show a narrow span too)
            return _NO_FIT
        cost = self.cost(col, index, chunk[i].x0, chunk[j - 1].x1)
        if cut and (chunk[i].text[:1].islower() or chunk[i].text in _DASHES):
            cost += _LOWER_START_COST
        if cut and chunk[i].text[:1].isdigit() and self.named_cols.get(col) in _AGENCY_ROLES:
            cost += _LOWER_START_COST  # (an agency's name opens with no figure: "Tối
            # thiểu 85 Sở Giáo dục": the figure is the target's)
        return cost

    def _overflows(self, col: int, head: _Word, tail: _Word, above: list[_Word]) -> bool:
        """A piece going on its column's line above it (in lower case, from the same start)
        that is longer than that line and the piece's first word: the word would have been
        printed on the line above, so the piece cannot be that cell's whole line ("Sở Nông
        nghiệp" / "và Môi trường tỉnh": "tỉnh" is the next cell's). In an agency column
        only: pdftotext's characters are a font's widths rounded, and a long line of a
        task's name or a product may run a character or two past its room; an agency's
        short line hardly."""
        if col not in self.agency_cols or not above or not head.text[:1].islower() or abs(
                above[0].x0 - head.x0) > 1:
            return False
        width = tail.x1 - head.x0
        room = above[-1].x1 - above[0].x0 + 1 + len(head.text)
        return width > room

    def _name_cost(self, chunk: list[_Word], i: int, j: int,
                   context: tuple[str | None, str | None, list[_Word]]) -> float:
        """Known agency names across the piece chunk[i:j]'s edges: a cut inside a name
        ("Sở Y | tế") costs; a piece that goes on a name from its column's line above
        ("du" / "lịch") or into its line below ("UBND" / "các") gains."""
        above, below, _ = context
        cost = 0.0
        if i > 0 and self.names.follows(chunk[i - 1].text, chunk[i].text):
            cost += _NAME_SPLIT_COST
        # (as the name writes it: a capital opens another name, "… sự nghiệp" / "Công an
        # tỉnh" goes on no "sự nghiệp công")
        if self.names.follows(above, chunk[i].text, as_written=True):
            cost -= _NAME_BONUS
        # (a name going on into the next piece on this line does not go on below it)
        if self.names.follows(chunk[j - 1].text, below, as_written=True) and not (
                j < len(chunk) and self.names.follows(chunk[j - 1].text, chunk[j].text)):
            cost -= _NAME_BONUS
        return cost

    def _dangling_heads(self, chunk: list[_Word]) -> set[int]:
        """Where a cut would leave a known name's first word alone at a piece's end, the
        rest of the name opening the next piece: "Bộ Nông nghiệp Bộ" | "Tài chính", "…
        thủy sản Bộ" | "Công Thương" (a capitalised word that goes on no name before it
        and that the next word goes on as a name writes it), or a date's first word, the
        rest of the date opening the next piece ("… Sở Công Thương Quý" | "III/2026"), or
        a capitalised word between words in lower case, which opens a cell ("… trung học
        cơ Học" | "sinh": a name's "… cơ" and a unit's "Học sinh") unless a known name
        writes it so ("và Môi" | "tác xã": "Sở Nông nghiệp và Môi" / "trường"), or it is
        an abbreviation or follows a comma, which open an agency's name ("thao, UBND" |
        "lịch")."""
        return {p for p in range(1, len(chunk)) if chunk[p - 1].text[:1].isupper() and (
            self._name_head(chunk, p) or self._date_head(chunk, p)
            or self._capital_inside(chunk, p))}

    def _name_head(self, chunk: list[_Word], p: int) -> bool:
        return self.names.agencies is not None and self.names.follows(
            chunk[p - 1].text, chunk[p].text, as_written=True) and not (
            p >= 2 and self.names.follows(chunk[p - 2].text, chunk[p - 1].text))

    @staticmethod
    def _date_head(chunk: list[_Word], p: int) -> bool:
        return (_fold_word(chunk[p - 1].text) in _DATE_HEADS and bool(
            _DATE_TAIL.match(chunk[p].text)) and bool(_DATE_END.search(chunk[p].text)))

    def _capital_inside(self, chunk: list[_Word], p: int) -> bool:
        before, word, after = chunk[p - 2].text if p >= 2 else "", chunk[p - 1].text, \
            chunk[p].text
        return (before[:1].islower() and after[:1].islower() and after[:1].isalpha()
                and not word.isupper() and not before.endswith(_OPEN_ENDINGS + _SENTENCE_ENDS)
                and not self.names.follows(before, word, as_written=True))

    def _cut(self, index: int, chunk: list[_Word], first: int, last: int,
             context: list[tuple[str | None, str | None]] | None = None
             ) -> list[list[_Word]]:
        """The chunk cut into one piece per column first..last (pieces may be empty), the
        cut that sits best (dynamic programming over the word gaps); with the `context` of
        each column (its words on the lines around), known names weigh in. A piece holds
        `_MAX_PIECE_WORDS` words at most (no column prints more on a line), so that the
        time is linear in the chunk's words; a chunk too long for that is cut by position
        (`_cut_by_position`)."""
        m, k = len(chunk), last - first + 1
        inf = float("inf")
        # a date ends on its year, a recurring deadline on its last word: a capitalised
        # word after it starts the next cell ("Năm 2026 Quy chế", "Hằng năm Báo cáo": the
        # deadline, then the product, one space apart); dated[x]: such ends before x
        dated = list(accumulate((p < m - 1 and chunk[p + 1].text[:1].isupper()
                                 and _ends_deadline(chunk, p) for p in range(m)), initial=0))
        figured = list(accumulate((any(ch.isdigit() for ch in w.text) for w in chunk),
                                  initial=0))
        heads = self._dangling_heads(chunk)
        best = [[inf] * (m + 1) for _ in range(k + 1)]
        back = [[0] * (m + 1) for _ in range(k + 1)]
        best[0][0] = 0.0
        for c in range(1, k + 1):
            col = first + c - 1
            narrow = self._narrow(col)
            cut = c > 1 and not self._narrow(col - 1)
            named = context is not None and not narrow and col not in self.name_cols
            for j in range(m + 1):
                for i in range(max(0, j - _MAX_PIECE_WORDS), j + 1):
                    if best[c - 1][i] == inf:
                        continue
                    step = 0.0
                    if i < j:
                        step = self._piece_cost(col, index, chunk, i, j, cut and i > 0,
                                                figured[j] > figured[i])
                        if i >= 2 and _opens_phrase(chunk[i - 2], chunk[i - 1], chunk[i]):
                            step += _LOWER_START_COST
                        if dated[j - 1] > dated[i]:
                            step += _LOWER_START_COST
                        if j in heads and not narrow:
                            step += _HEAD_SPLIT_COST
                        if named:
                            step += self._name_cost(chunk, i, j, context[c - 1])
                        if context is not None and self._overflows(
                                col, chunk[i], chunk[j - 1], context[c - 1][2]):
                            step += _WRAP_COST
                    if best[c - 1][i] + step < best[c][j]:
                        best[c][j], back[c][j] = best[c - 1][i] + step, i
        if best[k][m] == inf:
            return self._cut_by_position(index, chunk, first, last)
        pieces: list[list[_Word]] = []
        j = m
        for c in range(k, 0, -1):
            i = back[c][j]
            pieces.append(chunk[i:j])
            j = i
        return pieces[::-1]

    def _cut_by_position(self, index: int, chunk: list[_Word], first: int, last: int
                         ) -> list[list[_Word]]:
        """A chunk longer than its columns can print on a line (a table's whole row run
        together): each word in the column it stands in, and the line noted
        (`cut_by_position`: its row is warned)."""
        self.cut_by_position.add(index)
        pieces: list[list[_Word]] = [[] for _ in range(first, last + 1)]
        for word in chunk:
            pieces[min(last, max(first, self.grid.column_of(word))) - first].append(word)
        return pieces


def _ends_deadline(words: list[_Word], p: int) -> bool:
    """Whether words[p] ends a date ("2026", "II/2026") or a recurring deadline ("Hằng
    năm", "thường xuyên")."""
    if _DATE_END.search(words[p].text):
        return True
    return any(len(phrase) <= p + 1 and all(
        _fold_word(w.text) == f for w, f in zip(words[p + 1 - len(phrase):p + 1], phrase,
                                                strict=True))
        for phrase in _recurring_deadlines())


@lru_cache(maxsize=1)
def _recurring_deadlines() -> tuple[tuple[str, ...], ...]:
    """The words of the recurring deadlines (deadline_words.yaml), folded as `_fold_word`
    folds a line's words."""
    recurring = lexicon.load_yaml("deadline_words.yaml")["recurring"]
    return tuple(tuple(_fold_word(w) for w in phrase.split())
                 for phrases in recurring.values() for phrase in phrases)


def _cut_off_pieces(cells: list[list[_Word]]) -> dict[int, int]:
    """Where each piece cut off a crowded line starts, by column: a cell one space after its
    left neighbour's."""
    return {c: cells[c][0].x0 for c in range(1, len(cells))
            if cells[c] and cells[c - 1] and cells[c][0].x0 - cells[c - 1][-1].x1 < _MIN_GUTTER}


def _opens_phrase(before: _Word, word: _Word, after: _Word) -> bool:
    """A capitalised word after a ";" or "." with a lower-case word after it opens a phrase
    ("…; Thủ tục được cập nhật"), as does a capitalised word that opens one wherever it
    stands ("Các", "Những": "Sở Xây dựng Các chủ đầu tư", a monitor and a support crowded):
    a crowded line is not cut between it and that word."""
    return word.text[:1].isupper() and after.text[:1].islower() and (
        before.text.endswith(_HARD_STOPS) or _fold_word(word.text) in _OPEN_WORDS)


def _median(values: list[float] | list[int]) -> float:
    return sorted(values)[len(values) // 2]


def _chunk_words(line: _Line) -> list[list[_Word]]:
    """The line's words in runs separated by two or more spaces."""
    chunks: list[list[_Word]] = []
    for word in line.words:
        if chunks and word.x0 - chunks[-1][-1].x1 < 2:
            chunks[-1].append(word)
        else:
            chunks.append([word])
    return chunks


def _label_columns(cells: list[list[list[_Word]]], numbered: frozenset[int] = frozenset()
                   ) -> list[int]:
    """The leading columns that only hold row labels ("1", "a)", "II"); in a column the
    header labels as the rows' numbers (`numbered`), items' numbers alone do ("3.3" on a
    page the break left a group's last item on)."""
    columns = []
    for col in range(min(2, len(cells[0]) if cells else 0)):
        texts = [" ".join(w.text for w in row[col]) for row in cells if row[col]]
        if texts and all(_is_label(t) for t in texts) and (col in numbered or any(
                COLUMN_LABEL.match(t) for t in texts)):
            columns.append(col)
        else:
            break
    return columns


def _codes_beside_numbers(cells: list[list[list[_Word]]], label_cols: list[int]) -> bool:
    """Two numbering columns that number the same rows: the second a code ("Mã số" "2101")
    printed on one line of its row, the first the row's number ("1") on another (a cell
    centred down the row beside one printed from its top). Each number has its one code on
    a line next to its own, so outside section rows ("I", "B", no code) numbers and codes
    alternate down the page; groups numbered in the first column over items numbered in the
    second have several items to a group, Roman groups only, or items numbered as their
    group's parts ("1" / "1.1")."""
    if len(label_cols) != 2:
        return False
    first, second = label_cols
    order: list[str] = []  # per labelled line: "a" a number, "b" a code, "|" both / a section
    texts: list[tuple[str, str]] = []
    for row in cells:
        number, code = row[first], row[second]
        if number and _is_section_label(number):
            if code:
                return False
            order.append("|")
        elif number or code:
            order.append("|" if number and code else "a" if number else "b")
            if number and code:
                continue
            texts.append((" ".join(w.text for w in number), " ".join(w.text for w in code)))
    runs = "".join(order).split("|")
    if not any(runs):
        return False  # (every code on its number's line: the rows are anchored alike)
    for run in runs:
        if len(run) % 2 or any(run[k] == run[k + 1] for k in range(len(run) - 1)):
            return False
    # (a number is a code's part when the code starts with it and a ".": every code's
    # heads before one of its dots, looked up once per number)
    heads = {b[:k] for _, b in texts for k, ch in enumerate(b) if ch == "."}
    return not any(a in heads for a, _ in texts if a)


def _is_label(text: str) -> bool:
    """A row's label in a numbering column: "1", "a)", "II", or the bullet of a sub-row
    ("-", "+") under a "Trong đó:" row."""
    return text in _BULLETS or (len(text) <= _MAX_LABEL_WIDTH and bool(
        COLUMN_LABEL.match(text) or ROW_NUMBER.match(text)))


def _anchored(row: list[list[_Word]], label_cols: list[int]) -> bool:
    """A row's number: a label in a numbering column, alone on its line or not (a tall row
    prints its number between its text's lines)."""
    return any(row[c] for c in label_cols)


def _in_which_row(row: list[list[_Word]], named: frozenset[int], label_cols: list[int]
                  ) -> bool:
    """An unnumbered row of its own: "Trong đó: Thu nội địa" starting a line of the name
    column beside values of its own (a part printed under its whole, never the whole's
    text: a whole's name going on "… trong đó:" is in lower case)."""
    words = next((row[c] for c in sorted(named) if row[c]), None)
    if not words or len(words) < 3 or not words[0].text.startswith("Trong"):
        return False
    if not IN_WHICH.match(" ".join(w.text for w in words[:2]).rstrip(":") + ":") and not (
            IN_WHICH.match(" ".join(w.text for w in words[:3]))):
        return False
    return any(cells for c, cells in enumerate(row) if c not in named and c not in label_cols)


def _partition(fragments: list[tuple[int, list[_Word]]], anchors: list[int], top: bool = False,
               middles: list[float] | None = None, sections: frozenset[int] = frozenset(),
               names: _NamePairs | None = None, required: bool = False,
               filled: bool = False, bound: float = float("inf"), reach: int = _REACH_LINES
               ) -> tuple[list[list[tuple[int, list[_Word]]]], float]:
    """Cut a column's fragments (in line order) into one contiguous group per anchor, each
    group centred on its anchor as well as possible (or, for cells printed from the top of
    their row, starting on it: `top`), within its row (a row's cell cannot reach the number
    of the row above or below it), and not cut where a line plainly goes on ("Sở Khoa học
    và" / "Công nghệ", "… dự án đầu" / "tư, doanh nghiệp"). Centred on `middles`
    instead when given (the rows' middles: their numbers printed on their top line). Also
    returns the cut's cost. A section row (`sections`) holds only what its own line prints:
    its title spans the table. A `required` column leaves a numbered row empty at a cost, a
    `filled` one (as many lines as rows: each row prints its cell) at a small one.
    A row's cell is looked for among the lines from `reach` lines above the number of the
    row above it to as many below the next row's (a page's height: on a page, anywhere).
    A cut costing more than `bound` is not looked for: without one as cheap, the cost
    returned is above `bound` (infinite, the groups then meaning nothing). Within those
    limits the cut is the cheapest (of equal ones, each row's group starting as high as it
    can, from the last row up); the time is linear in the rows, not in their square, when
    the bound is near the best cut's cost (`_cut_columns` bounds it by a cut found at a
    `_GUESS_REACH`)."""
    n, rows = len(fragments), len(anchors)
    if n == 0:
        return [[] for _ in anchors], 0.0
    inf = float("inf")
    lines = [line for line, _ in fragments]
    joins = [0.0] + [_join_cost(fragments[k - 1][1], fragments[k][1], names)
                     for k in range(1, n)]
    # apart[k]: what keeping fragments k - 1 and k in one cell costs, summed up to k
    apart = [0.0] * (n + 1)
    for k in range(1, n):
        apart[k + 1] = apart[k] + _apart_cost(fragments[k - 1][1], fragments[k][1])
    limit = bound + _BOUND_SLACK
    windows = _reach_windows(lines, anchors, reach, limit)
    # cost[r][j - windows[r][0]]: best cost with fragments[:j] given to rows[:r] (infinite:
    # none within the bound); back[r][…]: where row r's group then starts
    cost: list[list[float]] = [[0.0]]
    back: list[list[int]] = [[0]]
    # a cell printed from its row's top runs on line after line; a centred one's lines
    # interleave with its neighbours', a few lines apart at most (the same every row)
    skip = 0 if top else _CENTRED_SKIP
    irregulars: dict[int, tuple[int, list[float]]] = {}  # by j: (first i, costs from it)
    # a page's first line of the column going on in lower case ("trường đô thị; UBND")
    # goes on the cell the previous page's last row left open: that row's, on this page
    first = fragments[0][1][0].text
    carry = 2 * _JOIN_COST if anchors[0] < 0 and first[:1].islower() and not _is_label(
        first) else 0.0
    for r in range(1, rows + 1):
        anchor = anchors[r - 1] if middles is None else middles[r - 1]
        low = anchors[r - 2] if r >= 2 and anchors[r - 2] >= 0 else -inf
        high = anchors[r] if r < rows else inf
        (start, stop), (lo, hi) = windows[r - 1], windows[r]
        before = cost[r - 1]
        # least[i - start]: the least cost of fragments[:i'] to the rows above, i' <= i
        least = list(accumulate(before, min))
        section = r - 1 in sections
        empty = (_EMPTY_COST if required else _UNFILLED_COST * filled
                 ) if not section and anchors[r - 1] >= 0 else 0.0
        # outside[k - start]: fragments[start:k] printed beyond this row's reach
        outside = [0] * (max(hi, stop) - start + 1)
        for k in range(start, max(hi, stop)):
            line = lines[k]
            outside[k - start + 1] = outside[k - start] + (
                line <= low or line >= high or (section and line != anchors[r - 1]))
        # what the lines from j on cost at least: those above this row's number (`reached`)
        # are beyond the next rows' reach
        reached = bisect_right(lines, anchors[r - 1]) if anchors[r - 1] >= 0 and r < rows else 0
        row_cost, row_back = [inf] * (hi - lo + 1), [0] * (hi - lo + 1)
        for j in range(lo, hi + 1):
            if j not in irregulars:
                irregulars[j] = (start, _irregular_spacing(fragments, j, skip, start))
            offset, irregular = irregulars[j]
            none = empty + carry if r == 1 and j == 0 else empty  # the row given nothing
            best, best_i = inf, 0
            # from the longest start down, each group one line longer: of equal costs,
            # the lowest start (the one above wins); stopped where no longer group can
            # cost as little (the rows above cost at least `least`, each line outside this
            # row's reach `_OUTSIDE_COST`)
            for i in range(min(j, stop), start - 1, -1):
                if least[i - start] + _OUTSIDE_COST * (
                        outside[j - start] - outside[i - start]) > best + _BOUND_SLACK:
                    break
                if before[i - start] == inf:
                    continue
                step = none
                if i < j:
                    centre = lines[i] if top else (lines[i] + lines[j - 1]) / 2
                    step = (abs(centre - anchor) * (j - i) + joins[i] + irregular[i - offset]
                            + _OUTSIDE_COST * (outside[j - start] - outside[i - start])
                            + apart[j] - apart[i + 1])
                total = before[i - start] + step
                if total <= best:
                    best, best_i = total, i
            if best + _OUTSIDE_COST * max(0, reached - j) <= limit:
                row_cost[j - lo], row_back[j - lo] = best, best_i
        cost.append(row_cost)
        back.append(row_back)
    total = cost[rows][0]
    if total == inf:
        return [[] for _ in anchors], inf
    groups: list[list[tuple[int, list[_Word]]]] = []
    j = n
    for r in range(rows, 0, -1):
        i = back[r][j - windows[r][0]]
        groups.append(fragments[i:j])
        j = i
    groups.reverse()
    return groups, total


def _reach_windows(lines: list[int], anchors: list[int], reach: int, limit: float
                   ) -> list[tuple[int, int]]:
    """For r = 0 … len(anchors), the first and last j such that the first r rows may hold
    fragments[:j] (at lines `lines`) in a cut costing at most `limit`: fragments[:j] within
    `reach` lines of row r's reach (above the number of row r + 1), the rest within as many
    of row r + 1's (below the number of row r), and not so many lines outside them that
    `_OUTSIDE_COST` each exceeds `limit`; none before the first row, all after the last."""
    n, rows = len(lines), len(anchors)
    spare = int(limit // _OUTSIDE_COST) if limit < float("inf") else n
    # (a long table's bound grows with its rows, not so a row's reach: however costly the
    # whole cut, one row's group takes few lines beyond its neighbours' numbers)
    spare = min(spare, _OUTSIDE_SPARE)
    windows = [(0, 0)]
    for r in range(1, rows):
        above, below = anchors[r - 1], anchors[r]
        lo = max(bisect_right(lines, above - reach),
                 bisect_right(lines, above) - spare) if above >= 0 else 0
        hi = min(bisect_left(lines, below + reach), bisect_left(lines, below) + spare)
        windows.append((max(0, lo), max(lo, hi)))
    return [*windows, (n, n)]


def _cut_columns(cells: list[list[list[_Word]]], anchors: list[int],
                 sections: frozenset[int] = frozenset(), names: _NamePairs | None = None,
                 named: frozenset[int] = frozenset(), named_by: frozenset[int] | None = None
                 ) -> list[list[list[tuple[int, list[_Word]]]]]:
    """Each column's lines cut into rows, the cells taken as printed centred on their row's
    number, from its top (Word's default), or centred in a row numbered on its top line,
    whichever the column's lines fit best. The `named` columns (the rows' names) leave no
    numbered row empty when they can help it; known agency names go on across lines in the
    `named_by` columns (all when not given)."""
    columns = range(len(cells[0]))
    by = [names if named_by is None or col in named_by else None for col in columns]
    # a row numbered on its top line, its cells centred between it and the next number
    ends = [*(a - 1 for a in anchors[1:]), len(cells) - 1]
    middles = [(a + max(a, end)) / 2 for a, end in zip(anchors, ends, strict=True)]
    fragments = [_fragments(cells, col) for col in columns]
    numbered = sum(1 for r, a in enumerate(anchors) if a >= 0 and r not in sections)
    full = [len(fragments[col]) >= numbered for col in columns]
    models = ({}, {"top": True}, {"middles": middles})
    # a quick cut of each column in each model, its rows' cells near their numbers: the
    # best of them bounds the search for the column's best cut in every model
    bounds = [min(_partition(fragments[col], anchors, sections=sections, names=by[col],
                             required=col in named, filled=full[col], reach=_GUESS_REACH,
                             **model)[1] for model in models)
              for col in columns]
    cuts = [[_partition(fragments[col], anchors, sections=sections, names=by[col],
                        required=col in named, filled=full[col], bound=bounds[col], **model)
             for col in columns]
            for model in models]
    # each column its own model: offices centre some columns (numbers, units) and not others;
    # of models fitting a column alike, the one the rows' names print by (a wrapped rest
    # "đai" over a next cell opening in lower case, "các phòng, ban": printed from the top,
    # the rest is the row above's)
    costs = [[cut[col][1] for cut in cuts] for col in columns]
    by_names = [min(range(len(models)), key=costs[col].__getitem__) for col in named
                if col < len(costs)]
    chosen = [cuts[_model_of(costs[col], by_names[0] if by_names else None)][col]
              for col in columns]
    # a row numbered in its middle whose other cells print from its top (a unit over the
    # figures): its top is its first line in any column
    tops = [min([a, *(i for col in chosen for i, _ in col[0][r])]) if a >= 0 else a
            for r, a in enumerate(anchors)]
    if tops != anchors:
        for col in (c for c in columns if chosen[c][1] > 0):  # (a perfect fit stays)
            cut = _partition(fragments[col], anchors, top=True, middles=tops, sections=sections,
                             names=by[col], required=col in named, filled=full[col],
                             bound=chosen[col][1])
            if cut[1] < chosen[col][1]:
                chosen[col] = cut
    return _part_at_next_tops([cut[0] for cut in chosen], anchors, sections, named)


def _part_at_next_tops(columns: list[list[list[tuple[int, list[_Word]]]]], anchors: list[int],
                       sections: frozenset[int], named: frozenset[int]
                       ) -> list[list[list[tuple[int, list[_Word]]]]]:
    """A row's cell running on into the next row's lines, the next row empty in that
    column, is parted at the next row's top (its number's line, or its name's first line
    above it) when its lines above that top reach below every other cell of its own row:
    that cell alone made the row as tall, so it is the row's own and what follows is the next
    row's, whatever its case ("Văn phòng đăng ký đất" / "đai, Chi nhánh văn" / "phòng" over
    row 3's "các xã, phường"). A cell merged over both rows grows the last of them, never
    the first (review r2 G5)."""
    rows = len(anchors)
    for r in range(rows - 1):
        if anchors[r] < 0 or anchors[r + 1] < 0 or {r, r + 1} & sections:
            continue
        top = min([anchors[r + 1], *(i for c in named if c < len(columns)
                                      for i, _ in columns[c][r + 1])])
        if top <= anchors[r]:
            continue
        below_next = anchors[r + 2] if r + 2 < rows and anchors[r + 2] >= 0 else None
        for col, parts in enumerate(columns):
            cell = parts[r]
            if not cell or parts[r + 1] or cell[-1][0] < top or cell[0][0] >= top:
                continue
            if below_next is not None and cell[-1][0] >= below_next:
                continue
            bottom = max([anchors[r], *(i for c, other in enumerate(columns) if c != col
                                        for i, _ in other[r] if i < top)])
            if max(i for i, _ in cell if i < top) <= bottom:
                continue
            parts[r] = [(i, words) for i, words in cell if i < top]
            parts[r + 1] = [(i, words) for i, words in cell if i >= top]
    return columns


def _model_of(costs: list[float], preferred: int | None) -> int:
    """The model of least cost (the first of equal ones), or `preferred` when it costs as
    little."""
    best = min(range(len(costs)), key=costs.__getitem__)
    if preferred is not None and costs[preferred] <= costs[best] + _BOUND_SLACK:
        return preferred
    return best


def _irregular_spacing(fragments: list[tuple[int, list[_Word]]], j: int, skip: int,
                       start: int = 0) -> list[float]:
    """For each start i from `start` to j (the list's item i - `start`), the cost of the
    spacing of fragments[i:j] as one cell: a cell's lines follow one another, or every
    other line (interleaved with a neighbour's); a gap unlike the others ([0, 1, 3]) joins
    lines of two cells; and the lines skipped beyond one (and `skip` more) between two of
    them (a neighbour's line may print between a cell's lines, hardly more)."""
    costs = [0.0] * (j - start + 1)
    counts: dict[int, int] = {}
    wide = 0
    for i in range(j - 2, start - 1, -1):
        gap = fragments[i + 1][0] - fragments[i][0]
        counts[gap] = counts.get(gap, 0) + 1
        wide += max(0, gap - 2 - skip)
        costs[i - start] = _IRREGULAR_COST * (j - 1 - i - counts[min(counts)]) + wide
    return costs


def _join_cost(above: list[_Word], below: list[_Word], names: _NamePairs | None = None
               ) -> float:
    """The cost of cutting two rows' cells between these lines: a line going on the one
    above, or on a known name ("Thuế tỉnh Tuyên" / "Quang"; not a whole known name followed
    by a capitalised line, "Sở Tài chính" / "Tỉnh đoàn": no "Sở Tài chính tỉnh", another
    row's agency); twice that when it goes on a sentence left open (lower case after a line
    that does not end one: "… kết hợp công nghệ" / "số, thanh toán …")."""
    if not _goes_on(above, below) and not (names is not None and (
            _goes_on_name(above, below, names) or names.starts_place(below))):
        return 0.0
    first = below[0].text
    if first[:1].islower() and not _is_label(first) and not above[-1].text.endswith(
            _SENTENCE_ENDS):
        return 2 * _JOIN_COST
    return _JOIN_COST


def _goes_on_name(above: list[_Word], below: list[_Word], names: _NamePairs) -> bool:
    """The line below goes on a known name from the line above: not when the line above
    is a whole known name and the line below capitalised (the next cell's name)."""
    return names.follows(above[-1].text, below[0].text) and not (
        below[0].text[:1].isupper() and names.is_name(" ".join(w.text for w in above)))


def _apart_cost(above: list[_Word], below: list[_Word]) -> float:
    """The cost of keeping two lines in one cell when the first ends a date ("Quý II/2026")
    and the second starts another ("Năm 2026"): two rows' deadlines, as a rule."""
    first = below[0].text
    if (_DATE_END.search(above[-1].text) and first[:1].isupper()
            and first.casefold() in _CELL_START_HEADS):
        return _JOIN_COST
    return 0.0


def _goes_on(above: list[_Word], below: list[_Word]) -> bool:
    """The line below continues the cell of the line above: it starts in lower case, or the
    line above ends on a word that cannot end a cell ("và", "của", ",", "-"), or is a date's
    first word alone with the date's figures below ("Quý" / "IV/2026", "Trước" / "30/11")."""
    first = below[0].text
    if first[:1].islower():
        return True
    last = above[-1].text
    if len(above) == 1 and last in _DASHES:
        return False  # ("-": a cell with no value, whole; not a name broken at its dash)
    if len(above) == 1 and last.casefold() in _DATE_HEADS and _DATE_TAIL.match(first):
        return True
    return last.endswith(_OPEN_ENDINGS) or last.casefold() in _OPEN_WORDS


def _spread_over_group(groups: list[list[list[_Word]]], col: int,
                       fragments: list[tuple[int, list[_Word]]], anchors: list[int],
                       heads: set[int]) -> set[int]:
    """Under a group row, a column that only one row of the group fills, printed off that
    row's number, is a cell merged over the whole group (its product, its deadline): each
    row of the group has it (the rows given it are returned)."""
    spread: set[int] = set()
    runs: list[list[int]] = [[]]
    for row, anchor in enumerate(anchors):
        if anchor < 0 or anchor in heads:
            runs.append([])
        else:
            runs[-1].append(row)
    for run in runs:
        filled = [r for r in run if groups[r][col]]
        if len(run) < 2 or len(filled) != 1:
            continue
        own = {id(w) for w in groups[filled[0]][col]}
        lines = [i for i, words in fragments if id(words[0]) in own]
        off = abs((min(lines) + max(lines)) / 2 - anchors[filled[0]]) >= 1
        if not off and not _filled_elsewhere(groups, col, anchors, heads, set(run)):
            continue
        for row in run:
            groups[row][col] = list(groups[filled[0]][col])
        spread.update(run)
    return spread


def _spread_from_top(groups: list[list[list[_Word]]],
                     columns: list[list[list[tuple[int, list[_Word]]]]], col: int,
                     anchors: list[int], valued: set[int]) -> set[int]:
    """In a column every row has (a lead, a deadline) whose cells print from their row's top
    line, a numbered row left empty right under a filled one is under that cell merged over
    both: printed from the top, it shows nowhere as merged (the rows given it are returned,
    to be warned: this is inference)."""
    rows = [r for r, a in enumerate(anchors) if a >= 0 and r in valued]
    empty = [r for r in rows if not groups[r][col]]
    filled = [r for r in rows if columns[col][r]]
    # (a block's first row fills it, and a third of the rows at least: a column fewer
    # rows fill is one a row may leave empty)
    if not empty or len(filled) < _FROM_TOP_ROWS or len(empty) > 2 * len(filled) or len(
            filled) + len(empty) != len(rows) or any(r - 1 not in rows for r in empty):
        return set()
    for r in filled:
        top = min(parts[r][0][0] for parts in columns if parts[r])
        if columns[col][r][0][0] != top:
            return set()  # a cell printed below its row's top: merges would show
    spread = set()
    for r in empty:
        if r - 1 in rows and groups[r - 1][col]:
            groups[r][col] = list(groups[r - 1][col])
            spread.add(r)
    return spread


def _fill_block(groups: list[list[list[_Word]]], parts: list[list[tuple[int, list[_Word]]]],
                col: int, anchors: list[int], valued: set[int], *,
                names_agencies: bool) -> set[int]:
    """In a column every row has (a lead, a deadline), a block of rows one after another
    (between section rows, a group's title or the page's edges) of which one prints a cell
    and the others none is under that cell merged over the block, wherever in it the cell
    sits (a merged cell's text printed a line or two off the block's middle): when the
    other blocks' rows fill the column. A cell printed on its own row's number line alone
    is that row's: the others print none (an empty deadline is often no deadline). The rows
    given it are returned, to be warned."""
    blocks: list[list[int]] = [[]]
    for r, anchor in enumerate(anchors):
        if anchor >= 0 and r in valued:
            blocks[-1].append(r)
        elif blocks[-1]:
            blocks.append([])
    given: set[int] = set()
    for block in blocks:
        filled = [r for r in block if groups[r][col]]
        others = [r for other in blocks if other is not block for r in other]
        if not _merged_over(groups, parts, col, anchors, filled, block, others,
                            names_agencies):
            continue
        for r in block:
            if r != filled[0]:
                groups[r][col] = list(groups[filled[0]][col])
                given.add(r)
    return given


def _merged_over(groups: list[list[list[_Word]]], parts: list[list[tuple[int, list[_Word]]]],
                 col: int, anchors: list[int], filled: list[int], block: list[int],
                 others: list[int], names_agencies: bool) -> bool:
    """Whether the block's one cell in `col` reads as merged over the block (`_fill_block`)."""
    if len({id(groups[r][col][0]) for r in filled}) != 1 or len(filled) == len(block):
        return False  # (one cell: rows given it already, merged over them, share its words)
    cell = groups[filled[0]][col]
    if names_agencies and cell[0].text[:1].islower():
        return False  # the tail of a neighbour's agency ("địa phương"); a deadline may
        # open in lower case ("hằng năm")
    if {i for i, _ in parts[filled[0]]} == {anchors[filled[0]]}:
        return False  # printed on its own row's number line alone: that row's
    return bool(others) and sum(1 for r in others if groups[r][col]) * 3 >= len(others) * 2


def _shared_from_above(from_top: dict[int, set[int]], roles: list[str],
                       groups: list[list[list[_Word]]], anchors: list[int]
                       ) -> list[tuple[int, int]]:
    """A row given every column a row names (lead, monitor, deadline: those the table has)
    from the row above (`from_top`: merged cells printed from that row's top) goes on the
    block of the row above: it shares that row's support cell, printed from the top too,
    when it has none of its own. Returns the (row, column) cells so given."""
    every = {c for c, role in enumerate(roles[:len(groups[0]) if groups else 0])
             if role in _EVERY_ROW_ROLES and any(cols[c] for cols in groups)}
    given = []
    for row in sorted(from_top):
        if not every or not every <= from_top[row] or row == 0 or anchors[row - 1] < 0:
            continue
        for col, role in enumerate(roles[:len(groups[row])]):
            if role in _BLOCK_ROLES and not groups[row][col] and groups[row - 1][col]:
                groups[row][col] = list(groups[row - 1][col])
                given.append((row, col))
    return given


def _filled_elsewhere(groups: list[list[list[_Word]]], col: int, anchors: list[int],
                      heads: set[int], run: set[int]) -> bool:
    """The page's other numbered rows (at least two) fill the column, nearly all: a row of
    the group left without it has its text in a merged cell (printed centred on the group's
    middle row, its own number's line)."""
    others = [r for r, anchor in enumerate(anchors)
              if anchor >= 0 and anchor not in heads and r not in run]
    filled = sum(1 for r in others if groups[r][col])
    return len(others) >= 2 and filled * 3 >= len(others) * 2


def _is_section_label(words: list[_Word]) -> bool:
    text = " ".join(w.text for w in words).rstrip(".")
    return bool(ROMAN_ONLY.match(text) or LETTER_ONLY.match(text))


def _free(groups: list[list[list[_Word]]], anchors: list[int], sections: set[int], col: int,
          row: int) -> bool:
    """The row is a numbered row, no section, with nothing of its own in the column."""
    return (0 <= row < len(groups) and anchors[row] >= 0 and row not in sections
            and not groups[row][col])


def _spread_around(groups: list[list[list[_Word]]], col: int, anchors: list[int],
                   sections: set[int], r: int, centre: float,
                   only: set[frozenset[int]] | None = None,
                   at: list[int] | None = None, every_row: bool = False,
                   guessed: set[int] | None = None) -> frozenset[int] | None:
    """A cell centred on its row, between rows with nothing there, in a column the other
    rows fill: a cell merged over the row and as many on either side (printed once, in the
    middle row: "Sở Khoa học và Công nghệ" leading rows 1–3), when the middle of those
    rows is where it sits (and, given `only`, the run is one of those). `at`: where each
    line is printed (`_spread_merged_cells`). Rows given the cell on the looser evidence
    of a column every row fills go into `guessed` (a value of the middle row alone looks
    the same: said, not moved in silence). Returns the run."""
    k = 0
    while (_free(groups, anchors, sections, col, r - k - 1)
           and _free(groups, anchors, sections, col, r + k + 1)):
        k += 1
    if k == 0:
        return None
    run = frozenset(range(r - k, r + k + 1))
    if only is not None and run not in only:
        return None
    others = [o for o, anchor in enumerate(anchors)
              if anchor >= 0 and o not in run and o not in sections]
    filled = sum(1 for o in others if groups[o][col])
    # (in a column every row fills, one other row filled will do: a short table's)
    if len(others) < (1 if every_row else 2) or filled * 3 < len(others) * 2:
        return None
    def y(i: int) -> int:
        return i if at is None else at[i] if i >= 0 else at[0] + i

    # (in a column every row fills, the rows on either side with nothing there are under
    # the cell when it sits within half a line of their middle: pdftotext rounds the lines,
    # and a cell merged over a row of one line between two taller ones sits on that row)
    off = abs(centre - (y(anchors[r - k]) + y(anchors[r + k])) / 2)
    own = abs(centre - y(anchors[r]))
    if off > max(own, 0.5 if every_row else 0.0):
        return None
    if guessed is not None and (len(others) < 2 or off > own):
        guessed.update(run - {r})
    for other in run - {r}:
        groups[other][col] = list(groups[r][col])
    return run


def _prints_from_top(columns: list[list[list[tuple[int, list[_Word]]]]], col: int,
                     extents: list[tuple[int, int] | None], anchors: list[int],
                     named: frozenset[int]) -> bool:
    """The column prints its cells from their rows' tops (`_from_top_mostly`); a column of
    too few cells off their rows' numbers to tell (a note filled twice) prints as the
    table's name column does: a table's cells are aligned alike ("Lũy kế" on its row's top
    line, above the number, is that row's, not centred over it and the row above)."""
    mostly = _from_top_mostly(columns[col], extents, anchors)
    if mostly is not None:
        return mostly
    return any(_from_top_mostly(columns[c], _row_extents(columns, c), anchors)
               for c in named if c != col and c < len(columns))


def _from_top_mostly(parts: list[list[tuple[int, list[_Word]]]],
                     extents: list[tuple[int, int] | None], anchors: list[int]
                     ) -> bool | None:
    """Most of a column's cells (`parts`, by row) start on their row's top line (the first
    line the row's other cells print: `extents`) above its number: the column prints from
    the top. None when too few of its cells print off their rows' numbers to tell."""
    rows = [r for r, a in enumerate(anchors) if a >= 0 and parts[r]
            and extents[r] is not None and extents[r][0] != a]
    if len(rows) < _FROM_TOP_ROWS:
        return None
    at_top = sum(1 for r in rows if parts[r][0][0] == extents[r][0])
    return at_top * 3 >= len(rows) * 2


def _names_cut_between_rows(groups: list[list[list[_Word]]], agency_cols: set[int],
                            anchors: list[int], sections: set[int], names: _NamePairs
                            ) -> list[tuple[int, int]]:
    """An agency cell ending where no cell ends, the next row's cell going on it (inside a
    known name, "… UBND các" / "xã, phường"; after a list's ";" or ",", "Hạt Kiểm lâm;" /
    "UBND các xã, phường"): the rows were cut inside one cell merged over both (printed
    across the next row's number, as a page break leaves it): each row gets the whole cell.
    Returns the (row, column) cells so joined."""
    joined = []
    for col in sorted(agency_cols):
        for r in range(len(groups) - 1):
            above, below = groups[r][col], groups[r + 1][col]
            if (not above or not below or anchors[r] < 0 or anchors[r + 1] < 0
                    or {r, r + 1} & sections or not _ends_open(above, below, names)):
                continue
            groups[r][col], groups[r + 1][col] = above + below, above + below
            joined += [(r, col), (r + 1, col)]
    return joined


def _ends_open(above: list[_Word], below: list[_Word], names: _NamePairs) -> bool:
    """The cell `above` ends where no agency cell ends and `below` goes on it: inside a
    known name (lower case going on), or after a list's separator."""
    last, first = above[-1].text, below[0].text
    if first[:1].islower():
        return names.follows(last, first)
    return last.endswith((";", ","))


def _row_extents(columns: list[list[list[tuple[int, list[_Word]]]]], col: int,
                 spread: set[tuple[int, int]] = frozenset()
                 ) -> list[tuple[int, int] | None]:
    """For each row, the first and last line its cells print in the columns but `col` —
    and but those whose cell prints on the very lines `col`'s does: cells merged over the
    same rows print alike ("Sở Tài chính" beside "Thuế tỉnh", centred over a row and its
    sub-rows), neither tells where the row starts; nor does a cell found merged over the
    row and others (`spread`: (row, column)), centred on them ("Sở Công" a line above the
    top of the middle row of three it leads)."""
    extents: list[tuple[int, int] | None] = []
    for r in range(len(columns[0]) if columns else 0):
        own = {i for i, _ in columns[col][r]}
        lines = [i for c, parts in enumerate(columns) if c != col and (r, c) not in spread
                 and not (own and {i for i, _ in parts[r]} == own) for i, _ in parts[r]]
        extents.append((min(lines), max(lines)) if lines else None)
    return extents


def _top_numbered(anchors: list[int], extents: list[tuple[int, int] | None] | None,
                  first: int, last: int) -> dict[int, tuple[int, int]] | None:
    """The lines rows first … last print (`extents`), by row, when each is numbered on its
    top line; else None."""
    if extents is None:
        return None
    rows = range(first, last + 1)
    if any(anchors[x] < 0 or extents[x] is None or extents[x][0] != anchors[x] for x in rows):
        return None
    return {x: extents[x] for x in rows}


def _within_own_row(lines: list[int], r: int, anchors: list[int],
                    extents: list[tuple[int, int] | None] | None) -> bool:
    """A cell of several lines (`lines`) from its row's top line (the first its other cells
    print: `extents`) down to above the next row's lines is the row's own, printed from the
    top: a cell merged over the row and the next, centred, would reach into the next's
    ("Chợ thanh toán" / "không dùng tiền" / "mặt" beside a support as tall)."""
    if extents is None or extents[r] is None or len(set(lines)) < 2 or r + 1 >= len(anchors):
        return False
    after = [anchors[r + 1], *(extents[r + 1][:1] if extents[r + 1] is not None else ())]
    return extents[r][0] == min(lines) and max(lines) < min(after)


def _spread_merged_cells(groups: list[list[list[_Word]]], col: int,
                         fragments: list[tuple[int, list[_Word]]], anchors: list[int],
                         sections: set[int] = frozenset(),
                         only: set[frozenset[int]] | None = None,
                         within: list[tuple[int, int] | None] | None = None,
                         extents: list[tuple[int, int] | None] | None = None,
                         at: list[int] | None = None, every_row: bool = False,
                         guessed: set[int] | None = None) -> set[frozenset[int]]:
    """A cell printed once for several rows sits centred between their anchors: give it to
    each row of the run of rows, with nothing of their own in this column, whose middle it
    marks better than its own row's anchor. A cell centred on its own row between rows
    with nothing there is merged over them, in a column a row may leave empty only over
    runs of rows merged in another column (`only`): a support left out of the neighbours
    of a row is theirs to lack, unless the rows are one block ("Trong đó:" and its parts).
    A cell off its row's number that starts on the row's top line (`within`: the first
    and last line the row's other cells print, by row) is printed from that top: it is not
    centred over the row above ("32" on the top line of a row whose number is two lines
    down, under a row with nothing in that column); so is a cell starting on the line of
    its row's number when the row starts there (`extents`, as `within` for every column: a
    note of one row, "Quyết định" / "công bố", beside a field merged over the row and the
    next). Where the lines sit is measured by `at` (each line's number on the page, when
    given): a line left out of the rows ("Trong đó:", no row's text) still takes its place
    in a merged cell's height. `every_row`: the column is one every row fills (a lead, a
    deadline; see `_spread_around`, which says in `guessed` the rows it gave a cell on
    looser evidence).
    Returns the runs of rows each cell was given to."""
    def y(i: int) -> int:  # (a row going on from the last page: "line -1", above the first)
        return i if at is None else at[i] if i >= 0 else at[0] + i

    runs: set[frozenset[int]] = set()
    filled = [r for r in range(len(groups)) if groups[r][col]]
    # each word's line, by identity (equal words recur): a row's lines looked up, not
    # searched for over the page's (quadratic in a long table's rows)
    line_of = {id(w): i for i, words in fragments for w in words}
    for r in filled:
        lines = [line_of[id(w)] for w in groups[r][col] if id(w) in line_of]
        if not lines:
            continue
        centre = (y(min(lines)) + y(max(lines))) / 2
        own = abs(centre - y(anchors[r]))
        if own < 1:
            run = _spread_around(groups, col, anchors, sections, r, centre, only, at,
                                 every_row, guessed)
            runs.update([run] if run else [])
            # (a cell printed on its row's number line and on a free neighbour's: merged
            # over the two, "UBND các xã," on row 1's line and "phường" on row 2's; a row
            # grows to hold its own cell, so its cell never reaches the next number)
            reach = [o for o in (r - 1, r + 1) if not run and 0 <= o < len(anchors)
                     and anchors[o] >= 0
                     and _free(groups, anchors, sections, col, o)
                     and min(lines) <= min(anchors[o], anchors[r])
                     and max(lines) >= max(anchors[o], anchors[r])]
            if len(reach) == 1:
                groups[reach[0]][col] = list(groups[r][col])
                runs.add(frozenset((r, reach[0])))
            continue
        # of the runs of rows around it with nothing of their own there, the one whose
        # middle the cell marks best, looked for over every run, not grown a row at a time
        # (a "Trong đó:" row under a merged cell is no anchor: the cell centred over a row
        # and its sub-rows sits off the middle of the row and its first sub-row)
        if _within_own_row(lines, r, anchors, extents):
            continue
        first, last = r, r
        top = within[r][0] if within is not None and within[r] is not None else None
        if top is None and extents is not None and extents[r] is not None and (
                extents[r][0] == anchors[r] == min(lines)):
            top = anchors[r]
        while min(lines) != top and _free(groups, anchors, sections, col, first - 1):
            first -= 1
        while _free(groups, anchors, sections, col, last + 1):
            last += 1
        # (rows numbered on their top lines, the cell printed on no line of its row's: a
        # run's middle is between its first row's top and its last row's bottom — a cell
        # merged over two rows of three lines each, centred, prints on the line between
        # them, a line past their numbers' middle)
        spans = _top_numbered(anchors, extents, first, last)
        if spans is not None and any(spans[r][0] <= i <= spans[r][1] for i in lines):
            spans = None  # (printed beside its row's own lines: measured by the numbers)
        error, _, lo, hi = min((abs(centre - (
            (y(anchors[a]) + y(anchors[b])) if spans is None or a == b
            else (y(spans[a][0]) + y(spans[b][1]))) / 2), b - a, a, b)
            for a in range(first, r + 1) for b in range(r, last + 1))
        if error >= own:
            continue
        for other in range(lo, hi + 1):
            if other != r:
                groups[other][col] = list(groups[r][col])
        runs.add(frozenset(range(lo, hi + 1)))
    return runs
