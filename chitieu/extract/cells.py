"""Text with each table cell on a line of its own, as two tools write a document's tables.

- A DOCX saved as text by LibreOffice ("Text (encoded)"): the tables row after row, every
  cell on a line (a cell of several paragraphs on several), an empty cell an empty line, a
  cell merged across a row (a section's title) one line.
- `pdftotext` without -layout of a PDF LibreOffice printed: a table drawn column after
  column, each column's label over its cells (the label and the cells wrapped over several
  lines: "Cơ quan chủ" / "trì"), or alone in its block with its cells in blocks after it,
  the first columns' cells in blocks of their own, an empty cell not written at all, the
  text printed beside the table in between (the next appendix's label and title too); two
  or three narrow columns' lines written by height in one block. (A long table's cells
  `pdftotext` may write before the rows above them: which row such a cell is of the text
  does not tell; said on its rows.)

The header's labels, read in sequence with the header vocabulary (data/header_roles.yaml),
give the number of columns. Row by row, the lines after them are grouped into rows at the
numbering column ("1", "1.1", "I", "a)"): a number starts a row once the row before has its
cells, or where a short row (a section's number and title) is followed by the next number;
a row with more lines than columns has a cell of several paragraphs, folded where a line
reads as the one above continued. Column by column, each column's lines are cut into as
many cells as there are row numbers, where a line does not read as the one above continued.
The rows come out as the other text readers give them: the lines above and below the table
one cell each, the header's labels, then a row of cells per table row, each marked with its
table's number (the text around a table none: a sentence under it is no row's). Nothing read
is dropped: text no column took, and header rows that fit no columns, come as lines of
their own, named in a document warning (`cells_text_unplaced:L<line>`,
`cells_header_rows_unplaced:L<line>`); a guess between two columns drawn side by side is
said on each row it made (`cell_placement_uncertain:<column>`).
"""

from __future__ import annotations

import functools
import heapq
from collections.abc import Callable, Iterator
from itertools import combinations, islice, pairwise
from math import comb
from pathlib import Path

from chitieu.core.agencies import COLLECTIVE_OPENERS, AgencyNames
from chitieu.core.dataclass import dataclass, field
from chitieu.core.headers import AGENCY_ROLES, header_candidates
from chitieu.core.heading import APPENDIX
from chitieu.core.letterhead import is_signing_line, names_no_body, opens_body, roman_heading
from chitieu.core.lexicon import load_yaml
from chitieu.core.lexicon import read_text as read_data
from chitieu.core.numbering import (
    LOWER,
    ROW_LABEL,
    SECTION_NUMBER,
    number_key,
    successors,
)
from chitieu.core.patterns import IGNORECASE, compile_regex, lazy
from chitieu.core.types import Cell, RawDocument, RawRow
from chitieu.extract import rawrows
from chitieu.extract.blocks import _reads_as_agency
from chitieu.extract.rawrows import agency_start as _agency_start
from chitieu.extract.rawrows import opens_agency as _opens_agency
from chitieu.extract.unicode import decode_bytes

Agencies = AgencyNames | Callable[[], AgencyNames] | None
_MIN_COLUMNS = 3
_UNNAMED_WORDS = 4  # a label the vocabulary does not know: a few words ("Chi tiết")
_LABEL_SIZE = 160  # "Đơn vị chủ trì theo dõi, hướng dẫn, đôn đốc, kiểm tra và tổng hợp …"
_NUMBER_LABEL_SIZE = 12  # "STT", "TT", "Số TT", "Số thứ tự", or its first line ("ST")
_LABEL_LINES = 3  # a label wrapped over this many lines at most ("Thời gian" / "hoàn" / "thành")
# a section's number and title in one cell merged across the row: "I Phân công …", "1. Về …"
_NUMBERED_TITLE = lazy(compile_regex,
    r"^(?P<number>\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[A-ZĐ])[.)]?\s+(?P<title>\p{Lu}.*)$")
# a line that continues the one above it in one cell: it opens in lower case or with a mark
# that never opens a cell, or the line above ends where a phrase cannot end
_CONTINUES = lazy(compile_regex, r"^(?:\p{Ll}|[,;:)\-–/&]|(?:I{1,3}|IV|V?I{0,3})/\d{4})")
# (a day, month or year after the number a line opens with ends a duration: "Trong 20" /
# "ngày" is a whole one; "Trước ngày" / "30/6/2026" and "Tháng 10 năm" / "2026" go on)
_OPEN_END = lazy(compile_regex,
    r"(?:\b(?:và|của|các|về|cho|với|trên|tại|theo|quý|trước|trong|từ)|"
    r"(?<!^(?:trong|sau|khoảng|tối đa)?\s*\d+\s*)\b(?:tháng|năm|ngày)|[,;\-–&/(])$",
    IGNORECASE)


def looks_like_cells(text: str) -> bool:
    """Whether `text` holds a table with a cell per line: a run of the header's labels, the
    first the numbering column's, then a row's number (LibreOffice's text); or the labels
    each over its own column's cells (`pdftotext` without -layout)."""
    lines = _lines(text)
    return any(_row_header(lines, i) is not None or _column_header(lines, i)
               for i, line in enumerate(lines) if line and _is_number_label_start(lines, i)
               ) or ("\t" not in text and any(_raw_header(lines, i) is not None
                                               for i in range(len(lines))))


def read(path: Path, *, agencies: Agencies = None) -> RawDocument:
    return read_text(decode_bytes(Path(path).read_bytes()), agencies=agencies)


def read_text(text: str, *, agencies: Agencies = None) -> RawDocument:
    """`agencies`: the known agency names (or a function giving them, called only when
    needed), which tell two narrow columns' cells apart where `pdftotext` wrote them side by
    side; without them, by the cells' look alone."""
    lines = _lines(text)
    printed = text.lstrip("\ufeff").replace("\f", "").split("\n")
    rows: list[RawRow] = []
    warnings: list[str] = []
    tables = 0
    known: _Known | None = None
    raw_ok = "\t" not in text  # (`pdftotext -raw` writes no tab)
    i = 0
    while i < len(lines):
        found = _row_header(lines, i) if lines[i] and _is_number_label_start(lines, i) else None
        if found is None and lines[i] and i and not lines[i - 1] and _is_number_label_start(
                lines, i):
            # a header whose first row starts with an empty cell, over several rows
            found = _grid_header(lines, i - 1)
            if found is not None and len(found[0]) == 1:
                # its upper rows not spread over the columns: their labels kept as lines
                # above the table, said in a warning
                rows.extend(_one_cell(lines[k], k) for k in range(i, found[1] - len(found[0][0]))
                            if lines[k])
                warnings.append(f"cells_header_rows_unplaced:L{i + 1}")
        raw = _raw_header(lines, i) if raw_ok and lines[i] else None
        if found is not None and raw is not None and (raw.level or rawrows.values_level(
                lines, raw.end) or rawrows.wrapped(lines, raw)):
            # labels printed level on one line, values under them, or labels and cells
            # wrapped at their columns' widths: `pdftotext -raw` text
            found = None
        # a table's rows say which table they are of (the text around it: none, so that a
        # sentence after the table is not read as its last row's)
        if found is not None:
            i = _read_rows(lines, i, found, rows, tables)
            tables += 1
            continue
        if lines[i] and _is_number_label_start(lines, i) and _column_header(lines, i):
            i = _read_columns(lines, i, rows, _Known(agencies), warnings, tables)
            tables += 1
            continue
        if raw is not None:
            # `pdftotext -raw`: a row's cells in order, neighbours' words on one line
            if known is None:
                known = _Known(agencies)
            table, i = rawrows.read_table(lines, raw, known.score, tables, i)
            rows.extend(table)
            tables += 1
            continue
        if lines[i]:
            # outside a table, a line as the text reader reads it: its tabs apart cells (a
            # header's two columns set by tab stops)
            rows.append(RawRow(list(map(Cell, printed[i].split("\t"))), i + 1, i + 1))
        i += 1
    pages = text.count("\f") + 1
    return RawDocument(rows=rows, format="text", pages=pages, ocr=False, warnings=warnings)


def _raw_header(lines: list[str], i: int) -> rawrows.Header | None:
    """A header `pdftotext -raw` wrote at line `i`: its labels' words run on, joined where
    they print level ("TT Chỉ tiêu", "Năm 2025 Năm 2026"), the numbering column's first."""
    line = lines[i]
    if not line or len(line.split(" ", 1)[0]) > _NUMBER_LABEL_SIZE:
        return None
    first = line.split(" ", 1)[0]
    for k in (1, 2):  # the label wrapped in its word: "ST" / "T", "S" / "T" / "T"
        if _role(first) == "number" or len(first) > 2 or not first.isupper() or (
                i + k >= len(lines) or len(lines[i + k]) > 2):
            break
        first += lines[i + k]
    if _role(first) != "number":
        return None
    return rawrows.header_at(lines, i, _role)


def _lines(text: str) -> list[str]:
    return [" ".join(line.replace("\f", " ").split()) for line in
            text.lstrip("\ufeff").split("\n")]


def _one_cell(text: str, at: int, last: int | None = None) -> RawRow:
    return RawRow([Cell(text)], at + 1, (at if last is None else last) + 1)


# ---------------------------------------------------------------- labels


def _role(text: str) -> str | None:
    """The role the header vocabulary gives a label; None for what is no label."""
    if (not text or len(text) > _LABEL_SIZE or text.endswith((".", ";", ":"))
            or ROW_LABEL.match(text) or _NUMBERED_TITLE.match(text)):
        return None  # a sentence, a row's number
    found = header_candidates(text)
    return found[0] if found and found[0] != "unknown" else None


def _label_at(lines: list[str], i: int) -> tuple[str, int] | None:
    """The label that starts at line `i`, wrapped over up to three lines ("Cơ quan chủ" /
    "trì", "ST" / "T"), and the line after it; None when none starts there. The longest
    wrap that reads as a label is taken while the next line continues it."""
    best = None
    text = ""
    for j in range(i, min(i + _LABEL_LINES, len(lines))):
        line = lines[j]
        if not line:
            break
        if j == i:
            text = line
        elif len(text) <= 2 and len(line) <= 2 and text.isupper() and line.isupper():
            text += line  # "ST" / "T"
        elif _CONTINUES.match(line) and not ROW_LABEL.match(line):
            text = f"{text} {line}"
        else:
            break
        if _role(text) is not None:
            best = (text, j + 1)
    return best


def _is_number_label_start(lines: list[str], i: int) -> bool:
    if len(lines[i]) > _NUMBER_LABEL_SIZE:
        return False
    label = _label_at(lines, i)
    return label is not None and _role(label[0]) == "number"


# ---------------------------------------------------------------- row after row


def _row_header(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """The header written a cell per line from line `i` and the line after it, when a
    row's number follows: its labels one after the other; under labels spanning several
    columns, a second row holding every column's cell (their own labels under the spanning
    one, the others empty: "Cơ quan thực hiện" over "Chủ trì" / "Phối hợp"); a row of column
    numbers ("1", "2", … or "(1)" …). Its rows come as the grid a table reader gives, each
    column's label in place; None when no header starts there."""
    labels: list[str] = []
    j = i
    while j < len(lines):
        label = _label_at(lines, j) or _unnamed_label(lines, j)
        if label is None:
            break
        labels.append(label[0])
        j = label[1]
    if len(labels) < _MIN_COLUMNS or j >= len(lines):
        return None
    header = [labels]
    numbered = _column_numbers(lines, j)
    if numbered == len(labels):
        header.append(lines[j:j + numbered])
        j += numbered
    elif not _starts_body(lines, j):
        spanned = _spanned(lines, j, labels)
        if spanned is None:
            return None
        header, j = spanned
    if j >= len(lines) or not _starts_body(lines, j):
        return None
    return header, j


def _unnamed_label(lines: list[str], j: int) -> tuple[str, int] | None:
    """A short label the vocabulary does not know ("Chi tiết") between two it knows."""
    text = lines[j]
    if not _short_label(text) or j + 1 >= len(lines) or _label_at(lines, j + 1) is None:
        return None
    return text, j + 1


def _short_label(text: str) -> bool:
    """A few words that may name a column: no number, no sentence's end."""
    return bool(text) and len(text.split()) <= _UNNAMED_WORDS and not any(
        c.isdigit() for c in _YEAR.sub("", text)) and not text.endswith((".", ";", ":")) and (
        not ROW_LABEL.match(text))


_YEAR = lazy(compile_regex, r"\b(?:19|20)\d\d\b")  # a year may name a column ("Năm hiện hành 2025")


def _starts_body(lines: list[str], j: int) -> bool:
    """A row's number, a section merged in one line, or an empty first cell before the
    number of a second numbering column."""
    line = lines[j]
    return bool(ROW_LABEL.match(line) or _NUMBERED_TITLE.match(line) or (
        not line and j + 1 < len(lines) and ROW_LABEL.match(lines[j + 1])))


def _column_numbers(lines: list[str], j: int) -> int:
    """How many lines from `j` number the columns ("1", "2", … or "(1)", "(2)", …), when
    at least three do."""
    count = 0
    while j + count < len(lines) and lines[j + count].strip("()") == f"{count + 1}" and (
            count or lines[j].startswith("(") or (j + 1 < len(lines) and lines[j + 1] == "2")):
        count += 1
    return count if count >= _MIN_COLUMNS else 0


def _spanned(lines: list[str], j: int, labels: list[str]
             ) -> tuple[list[list[str]], int] | None:
    """A header's second row from line `j`, every column's cell on a line (the columns a
    label of the first row spans: their own labels; the others empty), as the two rows of a
    grid, then its row of column numbers; None when the lines are no such row."""
    end = next((k for k in range(j, min(j + 3 * len(labels), len(lines)))
                if _column_numbers(lines, k) or (lines[k] and _starts_body(lines, k))), None)
    if end is None:
        return None
    second = lines[j:end]
    numbered = _column_numbers(lines, end)
    width = len(second)
    if width <= len(labels) or (numbered and numbered != width) or not any(second) or any(
            t and _role(t) is None and not _short_label(t) for t in second):
        return None
    first: list[str] = []
    own = iter(labels)
    k = 0
    while k < width:
        label = next(own, None)
        if label is None:
            return None
        if not second[k]:
            first.append(label)
            k += 1
            continue
        run = next((m for m in range(k, width) if not second[m]), width) - k
        first += [label] + [""] * (run - 1)
        k += run
    if next(own, None) is not None:
        return None
    below = [b or a for a, b in zip(first, second, strict=True)]
    header = [first, below]
    if numbered:
        header.append(lines[end:end + numbered])
    return header, end + numbered


def _grid_header(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    """A header over several rows whose first cell, and every row's, is empty (a column
    left empty before the numbering one), from line `start` (that empty cell): its rows
    told apart by the body's width — the last holds a cell for every column, each row
    under the first opens with the cells of the columns merged down from it, all empty —
    and spread over the columns as the grid a table reader gives; the line where the body
    starts. None when the lines are no such header."""
    body = next((k for k in range(start + 1, min(len(lines), start + _MAX_GRID_LINES))
                 if _lead_row_at(lines, k)), None)
    if body is None:
        return None
    width = _body_width(lines, body)
    printed = lines[start:body]
    if width is None or width < _MIN_COLUMNS or len(printed) <= width:
        return None
    rows = _header_rows(printed, width)
    return (_header_grid(rows), body) if rows is not None else None


_MAX_GRID_LINES = 80  # a header over several rows holds at most this many lines


def _lead_row_at(lines: list[str], k: int) -> bool:
    """A body row opening with an empty cell at line `k`, its number after it, then a cell."""
    return (k + 2 < len(lines) and not lines[k] and bool(ROW_LABEL.match(lines[k + 1]))
            and bool(lines[k + 2]))


def _labels_a_row(label: str) -> bool:
    """A label without an arabic number that may open a row: a section's ("A", "II") or an
    item's letter ("a)", "b"), never a tick ("x") in a value's cell."""
    return label.rstrip(".)") != "x" and bool(SECTION_NUMBER.match(label)
                                               or _ITEM_LETTER.match(label))


def _numbered_starts(lines: list[str], starts: list[int]) -> list[int]:
    """The row starts whose numbers run on: a section's label ("A", "II") or the number
    after the last row's (or a first "1"). A row's value alone in its cell after an empty
    one ("" / "5", "" / "x") looks like the next row's start, but breaks the run."""
    kept: list[int] = []
    last: tuple[int, ...] | None = None
    for k in starts:
        label = lines[k + 1]
        key = number_key(label)
        if key is None:
            if _labels_a_row(label):
                kept.append(k)
            continue
        if last is None or key == (1,) or key in successors(last):
            kept.append(k)
            last = key
    return kept


def _body_width(lines: list[str], body: int) -> int | None:
    """The number of columns: the most common distance between the first rows' starts (a
    section's row merged across is shorter, a row with a cell of two paragraphs longer)."""
    starts = _numbered_starts(lines, [k for k in range(body, min(len(lines), body + _BODY_LOOK))
                                      if _lead_row_at(lines, k)])
    sizes = [b - a for a, b in pairwise(starts)]
    if not sizes:
        return None
    return max(set(sizes), key=lambda size: (sizes.count(size), size))


_BODY_LOOK = 120  # lines of the body looked at for its width
_ITEM_LETTER = lazy(compile_regex, rf"^{LOWER}[.)]?$")


def _header_rows(printed: list[str], width: int) -> list[list[str]] | None:
    """The header's lines as its rows: the last a cell for every column, the ones above
    apart where the cells merged down from the first row begin (as many empty cells as the
    last row opens with); None when they do not part so."""
    rows = [printed[-width:]]
    rest = printed[:-width]
    merged = next((k for k, text in enumerate(rows[0]) if text), width)
    if merged == 0:
        return None
    while rest:
        cut = next((j for j in range(1, len(rest)) if len(rest) - j <= width
                    and not any(rest[j:j + merged]) and j + merged <= len(rest)), None)
        if cut is None:
            if len(rest) > width:
                return None
            cut = 0
        rows.insert(0, rest[cut:])
        rest = rest[:cut]
    return rows if len(rows) > 1 else None


def _header_grid(rows: list[list[str]]) -> list[list[str]]:
    """The header's rows spread over the columns, from the last (a cell a column) up: a
    label over a run of labels below spans them, over an empty cell (its own, merged down)
    one column. Each row as the grid a table reader gives: a label at its first column, the
    rest of its span empty, a column's empty cell taking the label above it."""
    spans = [[1] * len(rows[-1])]
    for row, below in zip(reversed(rows[:-1]), reversed(rows[1:]), strict=True):
        runs = _runs(row, below)
        if runs is None:
            return [rows[-1]]
        spans.insert(0, [sum(spans[0][k:k + run]) for k, run in _starts(runs)])
    grid: list[list[str]] = []
    for row, row_spans in zip(rows, spans, strict=True):
        spread = [cell for text, span in zip(row, row_spans, strict=True)
                  for cell in [text] + [""] * (span - 1)]
        grid.append([b or a for a, b in zip(grid[-1], spread, strict=True)] if grid
                    else spread)
    return grid


def _runs(row: list[str], below: list[str]) -> list[int] | None:
    """How many cells of the row below each cell of `row` stands over: a label over a run
    of labels spans them, over an empty cell (its own, merged down) one. Where the row's
    cells then cover fewer than the row below's, the last group label over labels spans the
    empty cells after them too (a group whose last column's label is printed lower: "Phân
    công thực hiện" over "Cơ quan thực hiện" and the empty cell over "Theo dõi"). None
    where they do not cover it."""
    runs, k = [], 0
    for j, text in enumerate(row):
        run = 1
        if text and k < len(below) and below[k]:
            run = next((m for m in range(k, len(below)) if not below[m]), len(below)) - k
            run = max(1, min(run, len(below) - k - (len(row) - j - 1)))
        runs.append(run)
        k += run
    short = len(below) - k
    if short > 0:
        groups = [j for j, (at, run) in enumerate(_starts(runs))
                  if row[j] and below[at] and at + run + short <= len(below)
                  and not any(below[at + run:at + run + short])]
        if groups:
            runs[groups[-1]] += short
            k += short
    return runs if k == len(below) else None


def _starts(runs: list[int]) -> Iterator[tuple[int, int]]:
    """Each run's first cell and its length."""
    at = 0
    for run in runs:
        yield at, run
        at += run


@dataclass
class _Row:
    first: int
    lines: list[tuple[int, str]] = field(default_factory=list)

    @property
    def number(self) -> str:
        return self.lines[0][1] if self.lines else ""


def _read_rows(lines: list[str], start: int, found: tuple[list[list[str]], int],
               rows: list[RawRow], number: int) -> int:
    """The table whose header starts at `start`, row after row, its rows marked as table
    `number`; the line after it."""
    header, i = found
    columns = len(header[-1])
    body_heading = _last_roman_heading(rows)
    rows.extend(RawRow([Cell(t) for t in labels], start + 1, i, table=number)
                for labels in header)
    table: list[_Row] = []
    row: _Row | None = None
    previous: tuple[int, ...] | None = None
    sections = False
    # a second numbering column ("STT" then "Chi tiết": "" / "1" on a group's row, "1" /
    # "a)" on an item's): a number after a row's first is its second cell
    paired = i + 1 < len(lines) and not lines[i] and bool(ROW_LABEL.match(lines[i + 1]))
    # an unlabelled first column, empty in every row ("" / "1" / …): a row shorter than
    # the table (a section's title merged across) ends where the next row's empty cell and
    # number begin
    lead = paired and not header[-1][0]
    while i < len(lines):
        line = lines[i]
        filled = len(row.lines) if row is not None else columns
        if row is None or filled >= columns or (filled <= 2 and not (paired and filled == 1)
                                                and _short_row_ends(row, lines, i, previous)) or (
                lead and filled > 2 and _lead_row_ends(row, lines, i, columns, previous)):
            # a row boundary: the next row, a new table, or the end of this one
            if line and _is_number_label_start(lines, i) and _row_header(lines, i):
                break
            start_row = _starts_row(lines, i, columns)
            if start_row and roman_heading(line) is not None and not sections and (
                    body_heading is not None and roman_heading(line) == body_heading + 1
                    and not _rows_under(lines, i, columns)):
                break  # "III. TỔ CHỨC THỰC HIỆN": the body's next heading
            if not start_row:
                if row is not None and (filled < columns or _row_follows(lines, i, columns)):
                    row.lines.append((i, line))  # an empty cell; a cell's next paragraph
                    i += 1
                    continue
                break
            if row is not None:
                table.append(row)
                previous = number_key(_number_of(row, lead)) or previous
            row = _Row(i)
            sections = sections or bool(_NUMBERED_TITLE.match(line))
        row.lines.append((i, line))
        i += 1
    if row is not None:
        table.append(row)
    while table and table[-1].lines and not table[-1].lines[-1][1]:
        table[-1].lines.pop()
    roles = [_role(label) or "unknown" for label in header[-1]]
    body = [_cells_of(r, roles, lead and r is not table[-1]) for r in table if r.lines]
    for row in body:
        row.table = number
    rows.extend(_groups_spread(body) if paired else body)
    return i


def _groups_spread(body: list[RawRow]) -> list[RawRow]:
    """Under a second numbering column, a group's row ("" / "1" / its title …) spans its
    items' rows: the cells after the name it prints (an agency, a product, a deadline
    merged down the group) are each item's where the item's own is empty — LibreOffice
    writes a merged cell once, as a table reader reads it in every row it spans."""
    group: list[str] | None = None
    for row in body:
        texts = row.texts
        if not texts[0] and len(texts) > 1 and ROW_LABEL.match(texts[1]):
            group = texts
        elif group is not None and texts[0] and not _NUMBERED_TITLE.match(texts[0]):
            for k in range(_NAME_AT + 1, min(len(texts), len(group))):
                if not texts[k] and group[k]:
                    row.cells[k] = Cell(group[k])
        else:
            group = None
    return body


_NAME_AT = 2  # under two numbering columns, the name is the third cell
_LEAD_TITLE_AT = 2  # under an unlabelled empty column, a section's title is the third cell


def _starts_row(lines: list[str], i: int, columns: int = 0) -> bool:
    """A row's number alone (or an item's dash), or a section's number and title merged in
    one line, followed by what a row holds (not prose: a section's title is followed by a
    row's number); a row with its first cell empty — the number of a second numbering column
    after it, or, as many lines as there are `columns` further, the next row's start (a row
    continuing a merged one: "" … "Viettel")."""
    line = lines[i]
    if not line:
        if i + 2 < len(lines) and ROW_LABEL.match(lines[i + 1]) and lines[i + 2]:
            return True
        after = i + columns
        return bool(columns) and after < len(lines) and any(lines[i:after]) and (
            _starts_row(lines, after) or bool(_ITEM_DASH.match(lines[after])))
    if ROW_LABEL.match(line) or _ITEM_DASH.match(line):
        return i + 1 < len(lines) and bool(lines[i + 1])
    if _NUMBERED_TITLE.match(line) and not opens_body(line.split(" ", 1)[1]):
        nxt = next((x for x in lines[i + 1:i + 3] if x), "")
        return bool(ROW_LABEL.match(nxt) or _NUMBERED_TITLE.match(nxt))
    return False


def _rows_under(lines: list[str], i: int, columns: int) -> bool:
    """Rows of the table's width under the heading at line `i` ("III. KINH TẾ SỐ" over "1",
    its cells, "2" …): a section of the table, not the body's next heading."""
    first, after = i + 1, i + 1 + columns
    return first < len(lines) and bool(ROW_LABEL.match(lines[first])) and (
        after >= len(lines) or _starts_row(lines, after, columns))


def _row_follows(lines: list[str], i: int, columns: int) -> bool:
    """Whether the line at `i` is a paragraph of the row above's cell (one of a list of
    agencies), not text after the table: a row starts a little further on, or short lines
    run on to where the table ends (the document's end, the body's next heading, the
    recipients, an appendix's caption, another table's header)."""
    for k in range(i, min(i + _OVERFLOW * columns, len(lines))):
        line = lines[k]
        if k > i and _starts_row(lines, k, columns):
            return True
        ends = (opens_body(line) or _RECIPIENTS.match(line) or _APPENDIX_LINE.match(line)
                or (len(line) <= _NUMBER_LABEL_SIZE and _is_number_label_start(lines, k)))
        if ends:
            return k > i
        words = len(line.split())
        if line.endswith("./.") or words > _CELL_LINE_WORDS or (
                line.endswith(".") and not _BULLET.match(line) and words > _UNNAMED_WORDS):
            return False  # a sentence after the table (a list's last item ends with ".")
    return len(lines) - i <= columns


# an appendix's label or attachment line, another table's caption
_APPENDIX_LINE = lazy(compile_regex, r"^\(?\s*(?:phụ\s+lục|kèm\s+theo|biểu)\b", IGNORECASE)
_CELL_LINE_WORDS = 12  # a paragraph of an agency's or a deadline's cell is short
_OVERFLOW = 3  # a row's cells hold at most this many times as many lines as it has cells


def _short_row_ends(row: _Row, lines: list[str], i: int,
                    previous: tuple[int, ...] | None) -> bool:
    """A row of a number and at most one line (a section's number and title) ends at line
    `i` where the next number starts: a number that may follow the row's, followed by a
    cell, not by another number (then it is a value of the row: "2" in "1 | … | 2")."""
    line = lines[i]
    if not row.number:
        return False  # an empty first cell: the row's number is in the next column
    if _NUMBERED_TITLE.match(line) and (_NUMBERED_TITLE.match(row.number) or (
            len(row.lines) == 2 and ROW_LABEL.match(row.number))):
        return True  # a section's title merged in one line after another section's
    if not ROW_LABEL.match(line) or i + 1 >= len(lines) or ROW_LABEL.match(lines[i + 1]):
        return False
    if not lines[i + 1]:
        return False
    key, own = number_key(line), number_key(row.number)
    if key is None or own is None:
        return True  # "I" then "1", "1" then "a)": a section's number then a row's
    return key in successors(own) or (previous is not None and key in successors(previous))


def _number_of(row: _Row, lead: bool) -> str:
    """A row's number: its first line, or its second under an unlabelled empty column."""
    return row.lines[1][1] if lead and len(row.lines) > 1 else row.number


def _lead_row_ends(row: _Row, lines: list[str], i: int, columns: int,
                   previous: tuple[int, ...] | None) -> bool:
    """Under an unlabelled empty first column, a row ends at line `i` where the next one's
    empty cell, its number and a cell follow, the number one that may follow the row's
    ("A" then "1", "1" then "2")."""
    if not _lead_row_at(lines, i):
        return False
    own = number_key(_number_of(row, True))
    if _follows(lines, row.first + columns, own, previous):
        return False  # the row at full width is followed by the next: a value looked like one
    key = number_key(lines[i + 1])
    if key is None:
        return _labels_a_row(lines[i + 1])
    if own is None:
        return True  # "A" then "1": a section's number then a row's
    return key in successors(own) or (previous is not None and key in successors(previous))


def _follows(lines: list[str], k: int, own: tuple[int, ...] | None,
             previous: tuple[int, ...] | None) -> bool:
    """Whether a row whose number comes next (after the row's own or the last one's) opens
    at line `k`."""
    if not _lead_row_at(lines, k):
        return False
    key = number_key(lines[k + 1])
    return key is not None and any(n is not None and key in successors(n)
                                   for n in (own, previous))


def _last_roman_heading(rows: list[RawRow]) -> int | None:
    """The roman number of the last body heading above the table ("II. NHIỆM VỤ" → 2)."""
    for row in reversed(rows[-12:]):
        value = roman_heading(row.cells[0].text) if len(row.cells) == 1 else None
        if value is not None:
            return value
    return None


def _cells_of(row: _Row, roles: list[str], spanned: bool = False) -> RawRow:
    """A row's lines as its cells; `spanned`: a row shorter than the table, not its last,
    under an unlabelled empty column ("" / "A" / its title / a note): its title merged
    across the columns it lacks."""
    texts = [t for _, t in row.lines]
    first, last = row.lines[0][0] + 1, row.lines[-1][0] + 1
    merged = _NUMBERED_TITLE.match(texts[0])
    if merged is not None and not any(texts[1:]):
        texts = [merged["number"], merged["title"]]  # a section's title merged across
    elif spanned and _LEAD_TITLE_AT < len(texts) < len(roles):
        gap = [""] * (len(roles) - len(texts))
        texts = [*texts[:_LEAD_TITLE_AT + 1], *gap, *texts[_LEAD_TITLE_AT + 1:]]
    elif len(texts) > len(roles):
        texts = _folded(texts, roles)
    elif 2 < len(texts) < len(roles):
        texts += [""] * (len(roles) - len(texts))  # the last row's empty cells, at the end
    return RawRow([Cell(t) for t in texts], first, last)


def _folded(texts: list[str], roles: list[str]) -> list[str]:
    """A row's lines as one cell per column of `roles`, the lines of a cell of several
    paragraphs joined: where the cells then fit their columns best (an agency under an
    agency column, a deadline under the deadline's), a line reading as the one above
    continued counting twice; the later of equals (a list of agencies grows at its end)."""
    extra = len(texts) - len(roles)
    gaps = range(2, len(texts))  # a gap k joins lines k - 1 and k; never number and name
    if extra <= 0:
        return list(texts)
    if comb(len(gaps), extra) > _MAX_FOLDS:
        return [*texts[:1], " ".join(t for t in texts[1:extra + 2] if t), *texts[extra + 2:]]
    best: tuple[int, tuple[int, ...]] | None = None
    for chosen in combinations(gaps, extra):
        cells = _joined(texts, chosen)
        score = _fit(cells, roles) + 2 * sum(_continued(texts[k - 1], texts[k]) for k in chosen)
        if best is None or (score, chosen) > best:
            best = (score, chosen)
    return _joined(texts, best[1]) if best else list(texts)


_MAX_FOLDS = 2000  # ways of joining a row's lines tried at most (else into the name)


def _joined(texts: list[str], gaps: tuple[int, ...]) -> list[str]:
    cells: list[str] = []
    for k, text in enumerate(texts):
        if k in gaps:
            cells[-1] = " ".join(t for t in (cells[-1], text) if t)
        else:
            cells.append(text)
    return cells


def _continued(above: str, text: str) -> bool:
    """A cell's next paragraph: it opens in lower case or the one above ends open; an item
    of a list ("- …", "+ …") after another item."""
    if not above or not text:
        return False
    if _BULLET.match(text):
        return bool(_BULLET.match(above))
    head = _agency_start().match(above)
    return _goes_on(above, text) or (
        head is not None and head.end() == len(above))  # "Văn phòng" / "HĐND và UBND"


_BULLET = lazy(compile_regex, r"^[-–+•]\s")
_ITEM_DASH = lazy(compile_regex, r"^[-–+•*]$")  # an item's mark in the numbering column


def _fit(cells: list[str], roles: list[str]) -> int:
    return sum(_fits(role, cell) for role, cell in zip(roles, cells, strict=False) if cell)


# ---------------------------------------------------------------- column after column


def _blocks(lines: list[str], start: int) -> Iterator[tuple[int, list[str]]]:
    """The runs of lines from `start`, apart at blank lines: (first line, lines), made as
    they are asked for (a header's check looks at the next few only)."""
    run: list[str] = []
    first = start
    for k in range(start, len(lines)):
        if lines[k]:
            if not run:
                first = k
            run.append(lines[k])
        elif run:
            yield first, run
            run = []
    if run:
        yield first, run


@dataclass
class _Column:
    label: str
    role: str
    at: int = 0  # the line of its label
    uncertain: bool = False  # its cells told from another column's by a guess
    pieces: list[int] = field(default_factory=list)  # when its cells came: blocks given
    opened: int = 0  # blocks given when its label came
    lines: list[str] = field(default_factory=list)  # lines under the label in its block
    cells: list[str] = field(default_factory=list)  # cells written in blocks of their own

    def filled(self, count: int) -> int:
        return len(self.cells) + len(_cut(self.lines, count, self.role))


def _block_label(block: list[str]) -> tuple[str, list[str]] | None:
    """The label opening a block drawn column after column and the lines under it: a few
    words wrapped in a narrow column, its cells under it not continuing it."""
    label = _label_at(block, 0)
    if label is None or len(label[0].split()) > _CELL_WORDS or is_signing_line(block[0]):
        return None  # (the signature's office: "T/M ỦY BAN KIỂM TRA" is no "kiểm tra" column)
    if label[1] < len(block) and _YEAR.fullmatch(block[label[1]]) and _role(
            f"{label[0]} {block[label[1]]}") is not None:
        label = f"{label[0]} {block[label[1]]}", label[1] + 1  # "Kế hoạch" / "2026"
    under = block[label[1]:]
    if under and _CONTINUES.match(under[0]):
        return None  # a sentence that reads like a label ("Theo thời hạn cụ thể" / "sau đây:")
    return label[0], under


def _column_header(lines: list[str], i: int) -> bool:
    """The numbering column's label at line `i` with a later label written over its own
    column's cells in one block ("Cơ quan chủ" / "trì" / "Công an xã" / …): a table
    `pdftotext` drew column after column."""
    since_number: int | None = None  # blocks of cells since a row's number
    named = False  # the names' label read before any row's number
    row_by_row = False  # a row's cells beyond its name before the next row's number
    for _, block in islice(_blocks(lines, i), 1, 40):
        if _interleaved_labels(block) is not None:
            return True  # two narrow columns' labels and cells drawn side by side
        if all(ROW_LABEL.match(t) for t in block):
            since_number = 0
            continue
        found = _block_label(block)
        if found is None:
            if since_number is not None and not row_by_row:
                since_number += 1
                row_by_row = since_number > 1 and not _beside(block)
            continue
        if _role(found[0]) == "number":
            break
        if found[1] and not all(ROW_LABEL.match(t) for t in found[1]):
            return True
        named = named or (since_number is None and _role(found[0]) == "name")
        if named and since_number and not row_by_row and not found[1] and _role(
                found[0]) != "name":
            # a label alone after the first two columns' cells, which came row by row
            # under the names' label: a table drawn column after column (read row after
            # row, as `pdftotext` reads a Word PDF, each row's cells stand between its
            # number and the next, every label before its first row's number)
            return True
    return False


# what a cell of a column of each role looks like, beyond its words: a number, a unit, a
# deadline, an agency
_TARGET_LIKE = lazy(compile_regex, r"\d|%")
_DEADLINE_LIKE = lazy(compile_regex,
    r"^(?:trước\s+|trong\s+|chậm\s+nhất\s+|từ\s+)?(?:quý|tháng|năm|ngày|\d|thường\s+xuyên"
    r"|hằng|hàng\s+năm|giai\s+đoạn)", IGNORECASE)
_MAX_UNIT_WORDS = 3
_LOOKS_LIKE = 2  # `_fits`: a cell its look tells (a number, a unit, a deadline, an agency)
_CELL_WORDS = 6  # a label longer than this, while a column's cells are awaited, is a cell
# the recipients under a document's body ("Nơi nhận:", "- Lưu: VT.")
_RECIPIENTS = lazy(compile_regex, r"^(?:nơi nhận\b|-\s*lưu\b)", IGNORECASE)


def _fits(role: str, text: str) -> int:
    """How well a cell fits a column of `role`: 2 by what it looks like, 1 as any text, 0
    not at all."""
    if role in ("name", "note", "unknown"):
        return 1
    if role in ("target", "baseline"):
        # (a unit's symbol alone, "%", is the unit column's cell)
        return 2 if _TARGET_LIKE.search(text) and text not in _unit_symbols() else 0
    if role == "unit":
        words = text.split()
        short = len(words) <= _MAX_UNIT_WORDS and not any(c.isdigit() for c in text)
        named = len(words) > 1 and all(w[:1].isupper() for w in words)  # "Nguyễn Văn An"
        return (1 if _reads_as_agency(text) or named else 2) if short else 0
    if role == "deadline":
        return 2 if _DEADLINE_LIKE.search(text) else 0
    if role in AGENCY_ROLES:
        return 2 if _reads_as_agency(text) or _agency_start().match(text) else 0
    return 0


@functools.cache
def _unit_symbols() -> frozenset[str]:
    """Units printed as a symbol or an abbreviation, whole by themselves ("%", "ha", "km"):
    the units glued to their numbers (data/units.yaml)."""
    return frozenset({"%", *load_yaml("units.yaml")["glued"]})


@functools.cache
def _unit_magnitudes() -> frozenset[str]:
    """The words a unit opens with, never a unit alone ("Nghìn", "Triệu": data/units.yaml)."""
    return frozenset(load_yaml("units.yaml")["magnitudes"])


_NAME_WORD = lazy(compile_regex, r"^\p{Lu}[\p{Ll}'’]*(?:['’]\p{Lu}\p{Ll}*)?$")
_NAME_WORDS = (2, 5)  # a person's name: "Lò Văn Pọ", "Nguyễn Thị Thu Hà"


def _signer(block: list[str], known: _Known) -> bool:
    """A line that reads as a person's name ("Lường Văn Khiêm", "Điểu K'Lưu"): a few words
    each opening in a capital, the rest small; no agency's name."""
    if len(block) != 1:
        return False
    words = block[0].split()
    return (_NAME_WORDS[0] <= len(words) <= _NAME_WORDS[1]
            and all(_NAME_WORD.match(w) for w in words)
            and not _opens_agency(block[0])
            and not known.fits("lead", block[0]))


def _appendix_label(block: list[str]) -> bool:
    """A block that is an appendix's label alone ("Phụ lục 2", "PHỤ LỤC II")."""
    found = APPENDIX.match(block[0]) if len(block) == 1 else None
    return found is not None and not found["rest"]


def _beside(block: list[str]) -> bool:
    """Text printed beside the table, not a cell: the body's next heading or sentence, the
    recipients, a signature's office."""
    first = block[0]
    return bool(opens_body(first) or first.endswith(("./.", ":")) or (
        first.isupper() and len(first.split()) > 1 and not _TARGET_LIKE.search(first)))


def _read_columns(lines: list[str], start: int, rows: list[RawRow], known: _Known,
                  warnings: list[str], number: int) -> int:
    """The table drawn column after column from `start`, its rows marked as table `number`;
    the line after what it read.
    A block of text that is no label is the next cell of the column it fits (its cells not
    all read yet): by its role's look (a number, a unit, a deadline, an agency) before any
    text; a block read before its column's label waits for it. Text printed beside the
    table in between comes after its rows; so does text no column took (a block waiting
    for a column that never came, a column's cells beyond its rows), each line named in a
    warning (`cells_text_unplaced:L<line>`) — never dropped."""
    columns: list[_Column] = []
    numbers: list[str] = []
    waiting: list[tuple[int, list[str]]] = []  # (line, lines) of a block no column took yet
    beside: list[tuple[int, list[str]]] = []
    signed = False
    addressed = False  # the recipients read ("Nơi nhận:")
    end = len(lines)
    given = 0  # blocks that gave a column (not the numbering one) cells so far
    later: list[bool] = []  # of each such block: whether it gave its column a later row's
    numbered = False  # the block before: rows' numbers
    printed_before = next((r.texts for r in rows if number and r.table == number - 1), [])
    for at, block in _blocks(lines, start):
        found = _repeated_label(block, printed_before) or _block_label(block)
        numbered, after_numbers = False, numbered
        if columns and ((found is not None and _role(found[0]) == "number") or any(
                _is_number_label_start(lines, at + k) and _column_header(lines, at + k)
                for k in range(1, len(block)))):
            # the next table's numbering label, alone or under its title and "(Kèm theo …)"
            # in one block (the next appendix on the page)
            end = at
            break
        if columns and _appendix_label(block):
            # the next appendix's label, written among this table's columns: beside it
            beside.append((at, block))
            continue
        count = len(numbers) or len(lines)
        pair = _interleaved_labels(block, {c.role for c in columns}) if columns and numbers \
            else None
        named = pair is not None and "name" not in {c.role for c in columns} and (
            _role(pair[2][-1]) == "name" and pair[3][0] in AGENCY_ROLES
            and pair[3][1] in AGENCY_ROLES)
        three = _three_deinterleaved(pair[2][:-1], len(numbers), known, _widths(
            block)) if named else None
        if pair is not None and three is not None:
            # the names' column drawn line by line with the two (its label printed last):
            # its cells and the two columns' apart, which line is whose said on every row
            # where another reading does as well
            signed = False
            columns += [_Column(label, role, at, cells=column, uncertain=not three[3])
                        for label, role, column in zip(
                            (pair[2][-1], *pair[:2]), ("name", *pair[3]), three[:3],
                            strict=True)]
            continue
        cells = _deinterleaved(pair[2], len(numbers), known, pair[3]) if pair else None
        if pair is not None and cells is not None:
            # two columns drawn line by line side by side: their labels and cells apart, a
            # cell for each row
            signed = False
            columns += [_Column(label, _role(label) or "unknown", at, cells=column,
                                uncertain=not cells[2])
                        for label, column in zip(pair[:2], cells[:2], strict=True)]
            continue
        if found is not None and (any(c.role == _role(found[0]) for c in columns) or (
                len(found[0].split()) > _CELL_WORDS and any(
                    c.role == "name" and c.filled(count) < count for c in columns)) or (
                after_numbers and not found[1] and any(
                    c.role == "name" and c.filled(count) == count - 1 for c in columns)) or (
                after_numbers and not found[1] and waiting
                and not any(c.role == "name" for c in columns)) or (
                _awaited_deadline(found, columns, count))):
            # a cell reading like a label: of a column already read ("… chỉ tiêu"), or a
            # sentence while the names are still to come ("Hoàn thành cơ sở dữ liệu …"),
            # or alone right after a row's number, the one row whose name is still to
            # come ("1" / "Kiểm tra thu chi đảng phí": the first two columns' cells come
            # row by row), or whose name waits with the rows' names above it for the names'
            # label printed after them ("2" / "Báo cáo tiến độ phủ sóng" / … / "Nhiệm vụ"),
            # or a year alone while the deadlines' column awaits its cells ("Năm 2026")
            found = None
        if found is not None:
            label, under = found
            signed = False
            column = _Column(label, _role(label) or "unknown", at, opened=given)
            columns.append(column)
            if column.role == "number":
                below = at + len(block) - len(under)
                numbers += [t for t in under if ROW_LABEL.match(t)]
                waiting += [(below + k, [t]) for k, t in enumerate(under)
                            if not ROW_LABEL.match(t)]
            else:
                column.lines = under
                if under:
                    given += 1
                    column.pieces.append(given)
                    later.append(False)
            for item in list(waiting):
                # a block read before its column's label: its cells, where the column's
                # look tells each (two deadlines), else the block as one cell
                room = count - column.filled(count)
                if room <= 0:
                    break
                parts = _cut(item[1], room, column.role) if len(item[1]) > 1 else item[1]
                if min(_fits(column.role, t) for t in parts) < _LOOKS_LIKE:
                    parts = [" ".join(item[1])]
                if _fits(column.role, parts[0]):
                    later.append(column.filled(count) > 0)
                    column.cells += parts
                    # (which rows a block of several cells read apart from its column goes
                    # to, the text does not tell: said on each row)
                    column.uncertain |= len(parts) > 1
                    given += 1
                    column.pieces.append(given)
                    waiting.remove(item)
            continue
        if all(ROW_LABEL.match(t) for t in block) and _numbering_goes_on(numbers, block[0]) \
                and not _awaited(block, columns[1:], count):
            numbers += block
            numbered = True
            continue
        recipients = any(_RECIPIENTS.match(t) for t in block)
        signed = signed or recipients
        addressed = addressed or recipients
        text = " ".join(block)
        open_columns = [c for c in columns[1:] if c.filled(count) < count]
        if recipients or _beside(block) or (signed and not any(
                _fits(c.role, text) == _LOOKS_LIKE for c in open_columns)) or (
                addressed and _signer(block, known)):
            # (a person's name once the recipients were read: the signer's, though a
            # column's label drawn after the signature came between)
            # after the recipients, only a label or a cell its column's look tells (a
            # deadline drawn after the signature) takes the table up again
            beside.append((at, block))
            continue
        # a block of several cells of a column ("Tổ chuyên môn" / "Phòng Kế hoạch" / "- Tài
        # chính", "Hợp tác xã" / "%"): cut as that column's lines are, into the cells it
        # still awaits, each fitting it
        readings = [(min(known.fits(c.role, t) for t in cells), -c.filled(count), k, cells)
                    for k, c in enumerate(open_columns)
                    for cells in [_cut(block, count - c.filled(count), c.role)
                                  if len(block) > 1 else [text]]]
        fit, _, at_column, cells = max(readings, key=lambda r: (r[0], r[1], -r[2]),
                                       default=(0, 0, 0, []))
        if fit:
            taker = open_columns[at_column]
            later.append(taker.filled(count) > 0)
            taker.cells += cells
            given += 1
            taker.pieces.append(given)
        else:
            waiting.append((at, block))
    header = [c.label for c in columns]
    above = _row_cut_by_page(rows, header, number)
    for k, column in enumerate(columns[1:], start=1):
        # under the header printed again, a column's first cell that reads as the rest of
        # the row a page break cut ("tầng và Đô thị", "Sở Công" / "Thương") — and, with row
        # numbers on this page, one cell more than its rows — goes on that row's cell
        printed = _cells(column.lines, column.role) if above is not None else []
        rest = _rest_of(above.cells[k].text, printed[0], known) if printed else None
        # (an unfinished cut joins; a lower-case opening after a finished one only where the
        # page's rows leave the column a cell over: "các phòng, ban liên quan" is a whole cell)
        if rest == "cut" or (rest == "lower" and numbers and (
                len(printed) + len(column.cells) > len(numbers))):
            above.cells[k] = Cell(f"{above.cells[k].text} {printed[0]}".strip())
            column.lines = _after_first_cell(column.lines, column.role)
            if "row_joined_across_pages" not in above.warnings:
                above.warnings.append("row_joined_across_pages")
            above.last_line = max(above.last_line or 0, column.at + 1)
    if above is not None and not numbers:
        # the header printed again over no row number: what is not a rest (whole cells of
        # unnumbered rows) is kept as lines of its own, said in a warning, never merged
        waiting += [(column.at, [t]) for column in columns[1:]
                    for t in _cells(column.lines, column.role) + column.cells]
        warnings += [f"cells_text_unplaced:L{line + 1}" for line, _ in sorted(waiting)]
        for line, texts in sorted(waiting, key=lambda item: item[0]):  # (printed order)
            rows.append(_one_cell(" ".join(texts), line))
        return end
    rows.append(RawRow([Cell(t) for t in header], start + 1, start + 1, table=number))
    count = len(numbers)
    cells = [[n] for n in numbers]
    for column in columns[1:]:
        printed = _cells(column.lines, column.role)
        # (no row number: the lines under the label kept whole, never dropped)
        written = (_joined_to(column.lines, count, column.role) if count else list(
            column.lines)) + column.cells
        # more cells than rows joined where they least read apart: which join is right, the
        # text does not tell ("Quý II/2026" / "Quý IV/2026" / "Quý I/2027" for two rows)
        column.uncertain |= len(printed) > count
        # fewer cells than rows given to the first rows: which rows are empty, the text does
        # not tell either (a support printed for the second row only)
        column.uncertain |= 0 < len(written) < count
        # as many lines as rows in an agency column, one of them no name by itself ("Các
        # đơn vị thuộc" / "Bộ", "Ban Xây dựng" / "Đảng"): one cell wrapped, or a cell each
        column.uncertain |= column.role in AGENCY_ROLES and len(written) == count and any(
            _goes_on_above(written[k - 1], written[k], known) for k in range(1, count))
        for k in range(count):
            cells[k].append(written[k] if k < len(written) else "")
        waiting += [(column.at, [t]) for t in written[count:]]  # more cells than rows
    # a guess between two columns drawn side by side, or a column whose cells came in many
    # pieces between other columns' (a long table's cells `pdftotext` ordered by height
    # across the columns: which row each is, the text no longer tells), is said on each row
    uncertain = [f"cell_placement_uncertain:{c.label}" for c in columns
                 if c.uncertain or _scattered(c.pieces) or _after_later_rows(c, later)
                 or _header_lost(waiting, columns)]
    rows.extend(RawRow([Cell(t) for t in row], start + 1, start + 1, table=number,
                       warnings=list(uncertain)) for row in cells)
    after = [(at + k, t) for at, block in beside for k, t in enumerate(block)]
    unplaced = [(line, " ".join(texts)) for line, texts in waiting]
    for line, text in sorted([*after, *unplaced], key=lambda item: item[0]):
        rows.append(_one_cell(text, line))
    warnings += [f"cells_text_unplaced:L{line + 1}" for line, _ in sorted(waiting)]
    return end


def _goes_on_above(above: str, text: str, known: _Known) -> bool:
    """Whether an agency column's line may be the rest of the line above: that line ends
    where a name cannot ("… thuộc", "… và"), or this one names no agency by itself (a head
    alone, "Bộ"; neither opening like an agency's name nor one the list knows: "Đảng",
    "Phú Quý")."""
    words = text.split()
    if not above or not words:
        return False
    if above.split()[-1].lower() in _NAME_GOES_ON_AFTER:
        return True
    if len(words) == 1 and words[0] in _HEAD_ALONE:
        return True
    return not _opens_agency(text) and known.score(text) < _KNOWN_NAME


_NAME_GOES_ON_AFTER = frozenset({"thuộc", "và", "của", "các", "với", "cho", "-"})
_HEAD_ALONE = frozenset({"Bộ", "Sở", "Cục", "Vụ", "Ban", "Phòng", "Ủy", "UBND"})


def _header_lost(waiting: list[tuple[int, list[str]]], columns: list[_Column]) -> bool:
    """Whether text the columns could not take reads as an agency's name or a deadline that
    no column of the header is for: the header lost labels (printed elsewhere in the text's
    order), so which column each row's cells are in is a guess."""
    roles = {c.role for c in columns}
    for _, texts in waiting:
        text = " ".join(texts)
        if (rawrows.opens_agency(text) and not roles & set(AGENCY_ROLES)) or (
                rawrows.reads_as_deadline(text) and "deadline" not in roles):
            return True
    return False


def _awaited_deadline(found: tuple[str, list[str]], columns: list[_Column], count: int
                      ) -> bool:
    """Whether a block read as a label and its cells ("Năm 2026" / "Quý" / "IV/2026") is the
    deadlines' column's next cells: its label read, its cells not all, the label a deadline
    by its look and no figure under it (a year's column of targets)."""
    label, under = found
    return _fits("deadline", label) == _LOOKS_LIKE and not any(
        _TARGET_LIKE.match(t) and not _DEADLINE_LIKE.search(t) for t in under) and any(
        c.role == "deadline" and c.filled(count) < count for c in columns)


def _repeated_label(block: list[str], printed_before: list[str]
                    ) -> tuple[str, list[str]] | None:
    """Where the table before printed its header and this block opens with one of its
    labels read on into a lower-case line, that label and the lines under it: the header
    printed again over the rests of a row a page break cut ("Cơ quan chủ" / "trì" /
    "nghiệp và Môi trường": the label ends at "trì", the rest is a cell's, though a label
    may go on in lower case: "Thời gian" / "hoàn thành"). None otherwise."""
    longest = _label_at(block, 0) if printed_before else None
    if longest is None or longest[0] in printed_before:
        return None
    text = ""
    for k, line in enumerate(block[:_LABEL_LINES]):
        text = f"{text}{line}" if len(text) <= 2 and len(line) <= 2 and text.isupper() \
            else f"{text} {line}".strip()
        if text in printed_before and longest[0].startswith(f"{text} "):
            return text, block[k + 1:]
    return None


def _rest_of(cut: str, text: str, known: _Known) -> str | None:
    """How `text`, first under the header printed again, reads as the rest of the cell `cut`
    a page break cut: "cut" where the cut cell is unfinished (a head alone, "Sở Nông"; a
    trailing "và", ","; the rest opening with "và"; or the two a name the known names hold
    and the cut cell alone is not: "Sở Công" / "Thương"); "lower" where only the rest's
    lower-case opening says so ("tầng và Đô thị" — or a whole cell: "các phòng, ban liên
    quan"); None otherwise."""
    if not cut or ROW_LABEL.match(text):
        return None
    if _CUT_OPEN.search(cut) or _REST_OPEN.match(text) or _head_alone(cut) or (
            known.score(f"{cut} {text}") >= _KNOWN_NAME > known.score(cut)):
        return "cut"
    return "lower" if _CONTINUES.match(text) else None


# a cell cut where it cannot end (not a date word: "… hằng năm" is whole), and a rest opening
# with a word no cell opens with
_CUT_OPEN = lazy(compile_regex, r"(?:\b(?:và|của|các|với|cho|về|tại|theo|thuộc)|[,;\-–&/(])$",
                 IGNORECASE)
_REST_OPEN = lazy(compile_regex, r"^(?:và|của|với|hoặc|thuộc)\b", IGNORECASE)


def _row_cut_by_page(rows: list[RawRow], header: list[str], number: int) -> RawRow | None:
    """The last row of the table before (`number - 1`) when its header is `header` printed
    again: the row a page break cut, whose cells' rests come under the header repeated."""
    before = [r for r in rows if number and r.table == number - 1]
    if len(before) < 2 or before[0].texts != header or len(before[-1].cells) != len(header):
        return None
    return before[-1]


def _after_later_rows(column: _Column, later: list[bool]) -> bool:
    """Whether a column with no cell under its label had its first cells written after
    another column's cell of a later row (its second or further) since the label: `pdftotext`
    wrote a lower row first, so which row each of this column's cells is, the blocks' order
    no longer tells (review r2 R4: "Công an thành phố", row 2's support, then the deadlines
    "Quý III/2026" and "Năm 2026" of rows 2 and 1)."""
    return not column.lines and bool(column.pieces) and any(
        later[column.opened:column.pieces[0] - 1])


def _numbering_goes_on(numbers: list[str], first: str) -> bool:
    """A block of row labels numbers further rows where it goes on from the rows' last number
    ("3" then "4"; "1" then "3", a number written among another column's cells left out; "1"
    then "1", a second numbering column); a figure far beyond it ("3" then "50000", a target
    column's cell) does not; nor a figure with its thousands apart ("1.200") under rows
    numbered without points."""
    if numbers and _THOUSANDS.fullmatch(first) and not any("." in n for n in numbers):
        return False
    if not numbers or not (numbers[-1].isdigit() and first.isdigit()):
        return True
    return int(first) - int(numbers[-1]) <= _NUMBERS_LEFT_OUT + 1


_THOUSANDS = lazy(compile_regex, r"\d{1,3}(?:\.\d{3})+")


_NUMBERS_LEFT_OUT = 2  # row numbers a block of row numbers may skip


def _awaited(block: list[str], columns: list[_Column], count: int) -> bool:
    """Whether a figure alone in its block is a cell a column labelled after the row numbers
    still awaits and takes by its look ("5", a commune's target, while the targets' column
    has fewer cells than rows): no next row's number, the rows above not yet complete."""
    return len(block) == 1 and any(
        c.filled(count) < count and _fits(c.role, block[0]) == _LOOKS_LIKE for c in columns)


def _scattered(pieces: list[int]) -> bool:
    """Whether a column's cells came in `_SCATTERED` pieces or more, other columns' between
    them (`pieces`: how many blocks had given columns cells when each came): `pdftotext`
    writes a long table's cells by height across the columns, a one-line cell of a taller
    row often before the cells above it, so which row each piece's cells are of is a guess
    (on the raw sets, 221 of the 241 records such columns made were wrong, 142 of 267 of the
    others)."""
    runs = sum(1 for a, b in pairwise(pieces) if b != a + 1) + 1 if pieces else 0
    return runs >= _SCATTERED


_SCATTERED = 2  # pieces: after another column's cells, a piece's rows are a guess


def _interleaved_labels(block: list[str], read: set[str] = frozenset()
                        ) -> tuple[str, str, list[str], tuple[str, str]] | None:
    """Two columns' labels and cells drawn line by line side by side in one block, as
    (first label, second label, the lines between, the two columns' roles); None when the
    block is not so: two narrow labels wrapped over two lines each, read across ("Cơ quan
    chủ" / "Cơ quan phối" / "trì" / "hợp") over their cells; or a label over the cells and
    the other column's label under them (printed lower, as a label centred in a taller cell
    is), a role not read yet (`read`)."""
    if len(block) < _PAIRED_LABEL_LINES + 1:
        return None
    first, second = f"{block[0]} {block[2]}", f"{block[1]} {block[3]}"
    roles = _role(first), _role(second)
    if (_role(block[0]) is None and _role(block[1]) is None and all(
            _CONTINUES.match(t) for t in block[2:4])
            and None not in roles and roles[0] != roles[1]):
        return first, second, block[_PAIRED_LABEL_LINES:], (roles[0], roles[1])
    found = _block_label(block)
    below = _role(block[-1]) if found is not None and len(block[-1]) <= _LABEL_SIZE else None
    if found is None or below is None or below in read or below == _role(found[0]) or (
            below == "number" or len(found[1]) < _PAIRED_LABEL_LINES
            or _fits(_role(found[0]) or "unknown", block[-1]) == _LOOKS_LIKE
            or block[-1] in found[1][:-1]):
        # a last line that looks like a cell of the column ("Năm 2026"), or that stands
        # among its cells above too (a cell's last line repeated row after row: "Các đồng
        # chí" / "Ủy viên Ủy ban" / "Kiểm tra" twice; a label is printed once)
        return None
    return found[0], block[-1], found[1][:-1], (_role(found[0]) or "unknown", below)


_PAIRED_LABEL_LINES = 4
_MAX_PAIRED_LINES = 48  # lines of two interleaved columns decoded at most
_MAX_CELL_LINES = 6  # lines of one cell of such a column at most


def _deinterleaved(texts: list[str], rows: int, known: _Known | None = None,
                   roles: tuple[str, str] = ("lead", "support"),
                   ) -> tuple[list[str], list[str], bool] | None:
    """The cells of two narrow columns side by side whose lines a PDF-to-text tool wrote by
    height: row after row, each height's line of the left cell, then of the right one (on
    the same line when they were close enough: "Trung tâm Công Phòng Hành"), the longer
    cell's last lines alone. Of the ways the lines can be cut into `rows` rows so, the one
    whose cells read best as cells (an agency's first words opening each, its next lines
    continuing it, a name the list of agencies knows); None when there is none. `roles`:
    the two columns' (the left one printed before the right one on a shared line; their
    own lines of one height in either order: a cell's text centred lower starts lower).
    The third of the result says whether the reading is sure: no other reads as well."""
    if not rows or not texts or len(texts) > _MAX_PAIRED_LINES:
        return None
    swapped = _COLUMN_ORDER.get(roles[0], 0) > _COLUMN_ORDER.get(roles[1], 0)
    # (score, the rows' cells, how many readings score as well) from (line, row) on
    memo: dict[tuple[int, int],
               tuple[float, list[tuple[list[str], list[str]]], int] | None] = {}
    readings: dict[int, list[tuple[float, list[str], list[str], int]]] = {}

    def best(at: int, row: int) -> tuple[float, list[tuple[list[str], list[str]]], int] | None:
        if row == rows:
            return (0.0, [], 1) if at == len(texts) else None
        if (at, row) in memo:
            return memo[(at, row)]
        if at not in readings:  # a row's readings from a line: the same for any row
            readings[at] = _distinct_readings(
                (_paired_score(first, second, known or _Known(None), roles), first, second,
                 after)
                for left, right, after in _row_readings(texts, at)
                for first, second in [(right, left) if swapped else (left, right)])
        found = None
        left_rows = rows - row - 1
        for score, left, right, after in readings[at]:
            if not left_rows <= len(texts) - after <= 2 * _MAX_CELL_LINES * left_rows:
                continue  # too few or too many lines left for the rows after
            rest = best(after, row + 1)
            if rest is None:
                continue
            total = score + rest[0]
            if found is None or total > found[0] + _TIE:
                found = (total, [(left, right), *rest[1]], rest[2])
            elif total >= found[0] - _TIE:
                found = (found[0], found[1], found[2] + rest[2])  # as good: a tie
        memo[(at, row)] = found
        return found

    found = best(0, 0)
    if found is None:
        return None
    return ([" ".join(left) for left, _ in found[1]], [" ".join(right) for _, right in found[1]],
            found[2] == 1)


_TIE = 1e-9  # two readings' scores this close are as good


def _widths(block: list[str]) -> tuple[int, int]:
    """How long a line of each of two narrow columns whose labels wrapped ("Cơ quan chủ" /
    "trì") may be: its label's first line and the word that did not fit, and some room (a
    cell's font is not its label's)."""
    return tuple(len(f"{block[k]} {block[k + 2].split()[0]}") + _WIDTH_ROOM
                 for k in (0, 1))  # type: ignore[return-value]


_WIDTH_ROOM = 6  # characters a narrow column's line may run beyond its label's wrap


def _three_deinterleaved(texts: list[str], rows: int, known: _Known,
                         widths: tuple[int, int] = (_LABEL_SIZE, _LABEL_SIZE),
                         ) -> tuple[list[str], list[str], list[str], bool] | None:
    """The cells of a names' column and two agency columns (lead, support) whose lines
    `pdftotext` wrote by height in one block: row after row, each height's lines of the
    three cells one after the other (the two agencies' left to right, the name's before or
    after them, two of them on one line when close: "Kết nối … với Hệ thống Phòng Quản lý"),
    a cell's next lines at the next heights. Of the ways the lines can be cut into `rows`
    rows so, the one whose cells read best (a name opening in a capital, each next line of
    a cell continuing it, the agencies as `_paired_score` reads them, a wrapped line given
    to a narrow agency column before the wide names' one, no line of an agency column longer
    than `widths` allow); None when there is none. The last of the result says whether the
    reading is sure: no other reads as well."""
    if not rows or not texts or len(texts) > _MAX_PAIRED_LINES:
        return None
    memo: dict[tuple[int, int], tuple[float, list[tuple[str, str, str]], int] | None] = {}
    readings: dict[int, list[tuple[float, tuple[str, str, str], int]]] = {}

    def best(at: int, row: int) -> tuple[float, list[tuple[str, str, str]], int] | None:
        if row == rows:
            return (0.0, [], 1) if at == len(texts) else None
        if (at, row) in memo:
            return memo[(at, row)]
        if at not in readings:
            found_readings: dict[tuple[tuple[str, str, str], int], float] = {}
            for cells, after in _three_readings(texts, at, ([], [], []), (), 0, widths):
                if not cells[0] or not cells[1]:
                    continue  # a row has its name and its lead
                score = _three_score(cells, known)
                key = (tuple(" ".join(c) for c in cells), after)
                if key not in found_readings or score > found_readings[key]:
                    found_readings[key] = score
            readings[at] = [(score, key[0], key[1]) for key, score in found_readings.items()]
        found = None
        for score, cells, after in readings[at]:
            if len(texts) - after < rows - row - 1:
                continue
            rest = best(after, row + 1)
            if rest is None:
                continue
            total = score + rest[0]
            if found is None or total > found[0] + _TIE:
                found = (total, [cells, *rest[1]], rest[2])
            elif total >= found[0] - _TIE:
                found = (found[0], found[1], found[2] + rest[2])
        memo[(at, row)] = found
        return found

    found = best(0, 0)
    if found is None:
        return None
    return ([c[0] for c in found[1]], [c[1] for c in found[1]], [c[2] for c in found[1]],
            found[2] == 1)


_THREE_ORDERS = {  # the cells with a line at one height, in the orders they are written
    (0, 1, 2): ((0, 1, 2), (1, 2, 0), (1, 0, 2)), (0, 1): ((0, 1), (1, 0)),
    (0, 2): ((0, 2), (2, 0)), (1, 2): ((1, 2),), (0,): ((0,),), (1,): ((1,),), (2,): ((2,),)}
_THREE_HEIGHTS = 4  # a cell of such a row: this many lines at most


def _three_readings(texts: list[str], at: int, cells: tuple[list[str], list[str], list[str]],
                    present: tuple[int, ...], height: int, widths: tuple[int, int]
                    ) -> Iterator[tuple[tuple[list[str], list[str], list[str]], int]]:
    """The readings of one row's lines from `at` on, its `height`-th height on (`present`:
    the cells with a line at the height before; at the first, any): (the three cells'
    lines, the line after them)."""
    if height:
        yield cells, at  # the row ends here
    if height >= _THREE_HEIGHTS or at >= len(texts):
        return
    pool = (0, 1, 2) if not height else present
    for size in range(len(pool), 0, -1):
        for chosen in combinations(pool, size):
            if not height and 0 not in chosen:
                continue  # a row's first height: its name's first line
            for order in _THREE_ORDERS[chosen]:
                for written, after in _written(texts, at, len(order)):
                    if not all(_may_take(cells[c], t, c, widths)
                               for c, t in zip(order, written, strict=True)):
                        continue
                    grown = tuple([*lines, written[order.index(c)]] if c in order else lines
                                  for c, lines in enumerate(cells))
                    yield from _three_readings(texts, after, grown, chosen, height + 1,
                                               widths)


def _may_take(lines: list[str], text: str, column: int, widths: tuple[int, int]) -> bool:
    """Whether a cell of the names' (0) or an agency's column (1, 2) may take `text` as its
    next line: a first line opening a cell, a next one going on from the one above or
    opening; an agency column's no longer than its width allows."""
    if column and len(text) > widths[column - 1]:
        return False
    return _opens(text) or (bool(lines) and _goes_on(lines[-1], text))


def _opens(text: str) -> bool:
    """A line that may open a cell: its first letter a capital or a digit."""
    return bool(text) and (text[0].isupper() or text[0].isdigit())


def _goes_on(above: str, text: str) -> bool:
    """A cell's next line by its look: it opens in lower case or with a mark that never opens
    a cell, or the line above ends where a phrase cannot end ("- Kế toán" under "Phòng Tài
    chính")."""
    return bool(_CONTINUES.match(text) or _OPEN_END.search(above))


def _written(texts: list[str], at: int, count: int) -> Iterator[tuple[list[str], int]]:
    """`count` cells' lines of one height from line `at`: each on its own line, or two
    neighbours on one line (cut before a word opening in a capital or a dash)."""
    if count == 0:
        yield [], at
        return
    if at >= len(texts):
        return
    for rest, after in _written(texts, at + 1, count - 1):
        yield [texts[at], *rest], after
    if count >= 2:
        words = texts[at].split(" ")
        for k in range(1, len(words)):
            if (words[k][:1].isupper() or words[k][:1] in "-–") and any(
                    c.isalnum() for c in words[k - 1]):
                for rest, after in _written(texts, at + 1, count - 2):
                    yield [" ".join(words[:k]), " ".join(words[k:]), *rest], after


def _three_score(cells: tuple[tuple[str, ...] | list[str], ...], known: _Known) -> float:
    """How well a row's name, lead and support read as cells (the agencies also as names
    the list knows; a next line of the name costs part of what it gains, the wide names'
    column wrapping less often than a narrow one)."""
    name, lead, support = cells
    score = _lines_score(name, agency=False) - (len(name) - 1) * _WIDE_WRAP
    for lines in (lead, support):
        if lines:
            score += _lines_score(lines, agency=True) + 2 * known.score(" ".join(lines))
    return score


def _lines_score(lines: tuple[str, ...] | list[str], *, agency: bool) -> float:
    """A cell's lines read as one cell: its first line opening an agency's name (an agency
    column's cell; a name's must not), each next one going on from the one above."""
    first = lines[0]
    looks = _opens_agency(first)
    score = (2.0 if looks else 0.0) if agency else (-2.0 if looks else 0.0)
    if not _opens(first):
        score -= 3.0
    return score + sum((1 if _goes_on(above, text) else -1) + _word_across(above, text)
                       for above, text in pairwise(lines)) - _unwrapped(lines)


def _word_across(above: str, text: str) -> float:
    """A word the line break cut in two ("trực" / "tuyến", "doanh" / "nghiệp": a pair of
    syllables the project's typed text holds, data/ocr_bigrams.tsv) counts for the two
    lines being one cell's."""
    if not above or not text:
        return 0.0
    pair = (above.rsplit(" ", 1)[-1].lower(), text.split(" ", 1)[0].lower())
    return _WORD_ACROSS if pair in _syllable_pairs() else 0.0


_WORD_ACROSS = 1.0


@functools.cache
def _syllable_pairs() -> frozenset[tuple[str, str]]:
    pairs = set()
    for line in read_data("ocr_bigrams.tsv").splitlines():
        if line and not line.startswith("#"):
            first, _, second = line.rsplit("\t", 1)[0].partition(" ")
            pairs.add((first.lower(), second.lower()))
    return frozenset(pairs)


_WIDE_WRAP = 0.5  # the names' column is wide: a next line of a name is less likely


def _distinct_readings(readings: Iterator[tuple[float, list[str], list[str], int]]
                       ) -> list[tuple[float, list[str], list[str], int]]:
    """A row's readings, one for each pair of cells they make (the best scored): lines cut
    otherwise into the same two cells are no other reading."""
    best: dict[tuple[str, str, int], tuple[float, list[str], list[str], int]] = {}
    for reading in readings:
        key = (" ".join(reading[1]), " ".join(reading[2]), reading[3])
        if key not in best or reading[0] > best[key][0]:
            best[key] = reading
    return list(best.values())


def _row_readings(texts: list[str], at: int) -> Iterator[tuple[list[str], list[str], int]]:
    """Each way one row's two cells can be written from line `at`: (left lines, right lines,
    the line after them)."""
    room = len(texts) - at
    for left_size in range(min(room, _MAX_CELL_LINES) + 1):
        for right_size in range(min(room, _MAX_CELL_LINES) + 1):  # lines may be shared
            if left_size + right_size == 0:
                continue
            yield from _emitted(texts, at, left_size, right_size, 0, [], [])


def _emitted(texts: list[str], at: int, left_size: int, right_size: int, k: int,
             left: list[str], right: list[str]) -> Iterator[tuple[list[str], list[str], int]]:
    """The readings of a row's lines from `at`, its k-th height on: the left cell's line then
    the right one's, apart or on one line, while both have lines; then the longer one's."""
    if k == max(left_size, right_size):
        yield left, right, at
        return
    both = k < left_size and k < right_size
    if not both:
        if at < len(texts):
            one = [texts[at]]
            yield from _emitted(texts, at + 1, left_size, right_size, k + 1,
                                left + one if k < left_size else left,
                                right + one if k < right_size else right)
        return
    if at + 1 < len(texts):
        yield from _emitted(texts, at + 2, left_size, right_size, k + 1,
                            [*left, texts[at]], [*right, texts[at + 1]])
        yield from _emitted(texts, at + 2, left_size, right_size, k + 1,
                            [*left, texts[at + 1]], [*right, texts[at]])
    if at < len(texts):
        for head, tail in _side_by_side(texts[at]) if " " in texts[at] else ():
            yield from _emitted(texts, at + 1, left_size, right_size, k + 1,
                                [*left, head], [*right, tail])


@functools.lru_cache(maxsize=1024)
def _side_by_side(text: str) -> tuple[tuple[str, str], ...]:
    """A line holding two cells' lines ("Trung tâm Công Phòng Hành"): each cut before a word
    opening an agency's name."""
    words = text.split(" ")
    return tuple((" ".join(words[:k]), tail) for k in range(1, len(words))
                 if words[k][:1].isupper() and not _ends_name_before_agency(words, k) and (
                     _agency_start().match(tail := " ".join(words[k:]))
                     or _reads_as_agency(tail)))


def _ends_name_before_agency(words: list[str], k: int) -> bool:
    """A body's opening word whose next word opens a collective ("Văn phòng Bộ Các đơn vị
    thuộc": "Bộ" before "Các đơn vị …"): a collective is no body's own name, so the word
    ends the name before it ("Văn phòng Bộ"), it opens none. A word opening an agency's
    name of one body after it is its own name ("Sở Tài chính Bộ Công an": "Bộ Công an")."""
    return (k + 1 < len(words) and len(words[k]) <= _HEAD_SIZE and names_no_body(words[k])
            and words[k + 1][:1].isupper() and words[k + 1].casefold() in COLLECTIVE_OPENERS
            and _opens_agency(" ".join(words[k + 1:])))



def _paired_score(first: list[str], second: list[str], known: _Known,
                  roles: tuple[str, str] = ("lead", "support")) -> float:
    """How well a row's two cells read as cells (a cell of agencies: also as a name the
    list knows); a task's or its lead's cell empty costs."""
    score = 0.0
    for cell, role in ((first, roles[0]), (second, roles[1])):
        score += _cell_score(tuple(cell))
        if role == "name" and cell and _opens_agency(cell[0]):
            score -= _NAME_AS_AGENCY  # a name: no agency's name opens it
        if role in AGENCY_ROLES:
            score += 2 * known.score(" ".join(cell))
        if not cell and role in ("name", "lead"):
            score -= _EMPTY_LEAD
    return score


# the order columns are printed in, left to right: of two drawn side by side, which is left
_COLUMN_ORDER = {"number": 0, "name": 1, "unit": 2, "baseline": 3, "target": 4, "lead": 5,
                 "monitor": 6, "support": 7, "deadline": 8, "note": 9}


_EMPTY_LEAD = 2
_NAME_AS_AGENCY = 4  # what an agency's first words opening a cell gain (2), lost twice


@functools.lru_cache(maxsize=4096)
def _cell_score(texts: tuple[str, ...]) -> float:
    """A cell's lines read as one cell by their look: its first line opening one (an
    agency's first words best), each next one continuing the one above."""
    if not texts:
        return 0.0
    first = texts[0]
    # a body's opening word alone ("Bộ", "Sở") opens no agency's name: one must follow it
    alone = len(texts) == 1 and " " not in first and _head_alone(first)
    score = 2.0 if _opens_agency(first) and not alone else 0.0 if _opens(first) else -3.0
    return score + sum((1 if _continued(above, text) else -1) + _word_across(above, text)
                       for above, text in pairwise(texts)) - _unwrapped(texts)


def _unwrapped(lines: tuple[str, ...] | list[str]) -> float:
    """What a cell's lines cost where one going on in lower case follows a line that had
    room for its first word ("VNeID" / "khu dân cư" in a cell whose lines run to "Mặt trận
    các"): `pdftotext` cuts a cell's line where its next word no longer fits, so those two
    lines are not one cell's in a row. Measured as `_printed_width` guesses ("Phòng Hành" /
    "chính - Tổng hợp" is a wrap: "Phòng Hành chính" is the wider)."""
    width = max(map(_printed_width, lines), default=0.0)
    return _UNWRAPPED * sum(
        1 for above, text in pairwise(lines)
        if not _opens(text) and _printed_width(f"{above} {text.split(' ', 1)[0]}") < width)


_UNWRAPPED = 3.0  # as much as a cell opening in lower case


@functools.lru_cache(maxsize=8192)
def _printed_width(text: str) -> float:
    """A line's width as a serif font prints it, in a lower-case letter's widths: a capital
    wider, "i", "l", "t", "f", "j", "r" narrower, a space or a mark narrower still."""
    return sum(_WIDE if c.isupper() else _THIN if c in _THIN_MARKS else
               _NARROW if c in _NARROW_LETTERS else 1.0 for c in text)


_WIDE, _NARROW, _THIN = 1.35, 0.7, 0.55
_NARROW_LETTERS = frozenset("iltfjr")
_THIN_MARKS = frozenset(" .,;:-–/()")


_KNOWN_NAME = 0.9  # a cell the list of agencies names this surely is an agency's


class _Known:
    """How surely a cell's text is an agency the known names hold (0 to 1; 0 without
    names), the names asked for once and each text matched once."""

    def __init__(self, agencies: Agencies) -> None:
        self._agencies = agencies
        self._names: AgencyNames | None = None
        self._scores: dict[str, float] = {}

    def fits(self, role: str, text: str) -> int:
        """`_fits`, and an agency's name the list holds ("Viettel") fitting an agency
        column by its look."""
        found = _fits(role, text)
        if not found and role in AGENCY_ROLES and self.score(text) >= _KNOWN_NAME:
            return _LOOKS_LIKE
        return found

    def score(self, text: str) -> float:
        if not text or self._agencies is None:
            return 0.0
        if text not in self._scores:
            if self._names is None:
                agencies = self._agencies
                self._names = agencies() if callable(agencies) else agencies
            self._scores[text] = self._names.match(text).score
        return self._scores[text]


def _cut(texts: list[str], count: int, role: str | None = None) -> list[str]:
    """A column's lines as at most `count` cells: its `_cells`, then apart where a line least
    reads as continued, until there are `count`."""
    return _joined_to(texts, count, role)


def _joined_to(texts: list[str], count: int, role: str | None = None) -> list[str]:
    """A column's lines (`texts`) as its `_cells`, joined where they least read apart until
    there are `count`."""
    if count <= 0:
        return []
    size = len(texts) // count
    if count > 1 and size > 1 and len(texts) == size * count and all(
            texts[k:k + size] == texts[:size] for k in range(size, len(texts), size)):
        # the same lines for every row ("Các tổ đại biểu" / "HĐND tỉnh" twice): one cell
        # each, its lines read as the column's cells are ("%" / "/năm" is "%/năm")
        return [" ".join(_cells(texts[:size], role))] * count
    cells, lasts = _cells_and_lasts(texts, role)
    width = max(map(_printed_width, texts), default=0.0)
    agencies = role in AGENCY_ROLES

    def room(k: int) -> float:
        # the room the line above a cell left for the cell's first word: a line of a
        # wrapped cell is cut where its next word no longer fits ("… qua ứng dụng Hà" /
        # "Tĩnh Số"), so the least room reads least apart
        return width - _printed_width(f"{lasts[above[k]]} {cells[k].split(' ', 1)[0]}")

    def wrapped(k: int) -> tuple[int, float]:
        # a first word the line above had no room for says a wrap, whatever it lacked (a
        # name filling its line lacks room too: "… trên môi trường mạng" / "Trường học …");
        # of several, the shortest cell below likeliest a name's tail ("Tĩnh Số")
        left = room(k)
        return (0, len(cells[k].split())) if left < 0 else (1, left)

    # the cells in a list linked by their first index (above[k], below[k]: the cells next
    # to cell k), each pair of neighbours under its ranking (`ranked`), the best first in
    # a heap: a join ranks again only the two pairs it changed (linear, not quadratic)
    remaining = len(cells)
    above, below = list(range(-1, remaining - 1)), list(range(1, remaining + 1))
    words = [len(cell.split()) for cell in cells]

    def ranked(k: int) -> tuple:
        # the two neighbours most likely one cell: in an agency column, the lower not
        # opening an agency's name ("Các đồng chí" / "Ủy viên Ủy ban" / "Kiểm tra"); the
        # in the names' column (wide: its lines run to its width), the one whose line above
        # had no room for its first word ("… tham quan vịnh" / "Lan Hạ"); the one
        # above the fewest words ("Quý" / "IV/2026", "Văn phòng" / "Chính phủ": a narrow
        # column's lines are all near full); of equals, the highest
        return (agencies and _opens_agency(cells[k]), wrapped(k) if role == "name" else (0, 0),
                words[above[k]], k)

    ranks = {k: ranked(k) for k in range(1, remaining)}
    heap = list(ranks.values())
    heapq.heapify(heap)
    while remaining > count:
        rank = heapq.heappop(heap)
        at = rank[-1]
        if ranks.get(at) is not rank:  # ranked again since, or joined
            continue
        top, after = above[at], below[at]
        cells[top], lasts[top] = f"{cells[top]} {cells[at]}", lasts[at]
        words[top] += words[at]
        below[top] = after
        if after < len(below):
            above[after] = top
        del ranks[at]
        remaining -= 1
        for k in (top, after):
            if k in ranks:
                ranks[k] = ranked(k)
                heapq.heappush(heap, ranks[k])
    kept, k = [], 0
    while k < len(below):
        kept.append(cells[k])
        k = below[k]
    return kept


def _cells(texts: list[str], role: str | None = None) -> list[str]:
    """A column's lines as its cells, a line continuing the one above joined to it (in a
    unit column, a unit's symbol is a cell by itself — "%" / "ha" are two — unless the unit
    goes on after it, "%" / "/năm" is "%/năm", or a magnitude opens it, "Nghìn" / "tấn" is
    "Nghìn tấn")."""
    return _cells_and_lasts(texts, role)[0]


def _cells_and_lasts(texts: list[str], role: str | None = None
                     ) -> tuple[list[str], list[str]]:
    """`_cells` and each cell's last line."""
    if not texts:
        return [], []
    cells, lasts = [texts[0]], [texts[0]]
    for text in texts[1:]:
        unit = role == "unit"
        if unit and text.startswith("/"):
            cells[-1] += text  # "%" / "/năm", "Mbps" / "/thuê bao"
        elif unit and cells[-1].lower() in _unit_magnitudes() and text[:1].isalpha():
            cells[-1] = f"{cells[-1]} {text}"  # "Nghìn" / "tấn", "Triệu" / "kWh"
        elif (unit and (cells[-1] in _unit_symbols() or text in _unit_symbols())) or not (
                _goes_on(cells[-1], text)
                or (_head_alone(cells[-1]) and not _agency_start().match(text))):
            cells.append(text)
            lasts.append(text)
            continue
        else:
            cells[-1] = f"{cells[-1]} {text}"
        lasts[-1] = text
    return cells, lasts


def _after_first_cell(texts: list[str], role: str | None = None) -> list[str]:
    """A column's lines after those of its first cell (`_cells`)."""
    for k in range(1, len(texts)):
        if len(_cells(texts[:k + 1], role)) > 1:
            return texts[k:]
    return []


def _head_alone(text: str) -> bool:
    """An agency's opening words alone, which a name of its own must follow ("Văn phòng" /
    "HĐND và UBND", "Trung tâm" / …): the name goes on, unless the next line opens a body
    of its own ("Văn phòng" / "Công an xã": two cells)."""
    return len(text) <= _HEAD_SIZE and names_no_body(text)


_HEAD_SIZE = 12  # "Trung tâm", "Văn phòng": a body's opening words alone are short
