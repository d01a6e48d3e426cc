"""Markdown pipe tables (GitHub style), as PDF-to-Markdown tools and transcribers write them.

A table starts at a header line followed by a delimiter row (`|---|:---:|`), or at a run of
lines that begin with `|` even without a delimiter row; it ends at a blank line or a line
without a pipe. Each table line becomes one row of cells; every other non-blank line
becomes a one-cell row (headings, the "(Kèm theo …)" line). Markup inside cells is kept;
only the table syntax itself is resolved: `\\|` is a literal pipe, `<br>` a line break in
the cell, delimiter rows are dropped.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from chitieu.core.headers import assign_roles, first_role
from chitieu.core.numbering import (
    IN_WHICH,
    ITEM,
    ITEM_NUMBER,
    LETTER,
    ROMAN,
    ROW_LABEL,
    SECTION_NUMBER,
    number_key,
)
from chitieu.core.types import Cell, RawDocument, RawRow, rows_by_table
from chitieu.extract.unicode import decode_bytes

_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_LINE_BREAK_TAG = re.compile(r"[ \t]*<br\s*/?>[ \t]*", re.IGNORECASE)
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
# a text printed in this many cells of a row, and nothing else: one cell spanning them
_SPANNED_COPIES = 3
_MIN_SPANNED_WIDTH = 4
_LABEL_CELLS = 2  # numbering cells a spanning title may follow ("", "1" in a group row)
_LABEL_CHARS = 5
_TITLE = re.compile(r"[^\W\d_]{2}")  # a title has words; a value repeated (100 | 100) not
# page markers some converters write between pages: "<!-- page break -->", "<!-- page 3 -->"
_PAGE_MARKER = re.compile(r"^\s*<!--\s*page(?:[\s_-]*break|\s+\d+)?\s*-->\s*$", re.IGNORECASE)
# A bold section label alone in a cell ("**1**", "**II.**"): a section row's first cell
# (ITEM, not ARABIC: a bold year "**2025**" is a deadline).
BOLD_LABEL = re.compile(rf"^\*\*\s*(?:{LETTER}|{ROMAN}|{ITEM})[.)]?\s*\*\*$")
_HEADER_ROWS = 3  # a group over a group over the labels ("Phân công" / "Cơ quan" / "Chủ trì")
# columns whose cell merged down is each row's: every task has someone in charge, so an empty
# one under a printed one is the merged cell (a deadline, a support or a note may be empty)
_CARRIED_ROLES = frozenset({"lead", "monitor"})


def read(path: Path) -> RawDocument:
    return read_text(decode_bytes(Path(path).read_bytes()))


def read_text(text: str) -> RawDocument:
    reader = _Reader()
    for number, line in enumerate(text.split("\n"), start=1):
        reader.feed(number, line)
    for rows in rows_by_table(reader.rows):
        _undo_repeated_spans(rows)
        _carry_merged_leads(rows)
    return RawDocument(rows=reader.rows, format="markdown", pages=reader.page, ocr=False,
                       warnings=sorted(reader.warnings))


def _undo_repeated_spans(rows: list[RawRow]) -> None:
    """Some converters print a merged cell's text in every slot it covers: a section row
    "I | KINH TẾ | KINH TẾ | KINH TẾ", a group "Năm hiện hành 2025" in both columns over
    "Kế hoạch | Ước thực hiện", and "STT", "Chỉ tiêu" again in the header's second row. The
    copies are emptied, as other converters print them; values that merely repeat (100 |
    100) are left alone."""
    if len(rows[0].cells) < _MIN_SPANNED_WIDTH:
        return  # too narrow to tell a copied span from cells that happen to match
    for row in rows:
        _keep_one_across(row)
    if len(rows) >= 2 and _repeats_above(rows[1], rows[0]):
        above = rows[0].cells
        for c, cell in enumerate(rows[1].cells):
            if c < len(above) and cell.text and cell.text == above[c].text:
                rows[1].cells[c] = Cell("")
        for c in range(len(above) - 1, 0, -1):
            # a label printed in two columns over two different sub-labels is one group
            if above[c].text and above[c].text == above[c - 1].text and rows[1].cells[c].text:
                above[c] = Cell("")


def bold_header_labels(rows: list[RawRow], width: int,
                       most: int = _HEADER_ROWS) -> tuple[list[str], int]:
    """Each column's lowest header label, without its bold marks ("" where none is
    printed), and how many rows the header takes: the first row, then the rows under it
    printed in bold (`**`) whose every label names a column, as a group's labels do
    ("Chủ trì" / "Phối hợp" under "Cơ quan thực hiện"); a section or group row ("**I**",
    "**1**" and its title) does not."""
    labels = [""] * width
    height = 0
    for row in rows[:most]:
        cells = [c.text.strip() for c in row.cells]
        texts = [" ".join(t.replace("*", " ").split()) for t in cells]  # "**Cơ quan** **chủ trì**"
        if height and not all(t.startswith("**") and not BOLD_LABEL.match(t)
                              and first_role(label) != "unknown"
                              for t, label in zip(cells, texts, strict=True) if t):
            break  # the row holds data, or is a section or group row
        height += 1
        for c, label in enumerate(texts[:width]):
            if label:
                labels[c] = label
    return labels, height


def _carry_merged_leads(rows: list[RawRow]) -> None:
    """A converter that prints a merged cell in its first slot only leaves the rows under
    it empty there. For the lead and the monitor (every task has someone in charge; in the
    real tables an empty one never stands under a printed one) the row takes the text above,
    as the DOCX reader repeats a merged cell, and says so (`cell_placement_uncertain`):
    a row of its own (a name, and its number where the table numbers them; not "Trong đó:")
    that prints a value (a row printing only its
    number and name heads a group), under a row that prints one, never across a section or
    group row. A deadline, a support or a note may be empty indeed: left as printed, but for
    a deadline printed once for a whole section (`_carry_a_block_deadline`)."""
    width = len(rows[0].cells)
    labels, height = bold_header_labels(rows, width)
    roles = assign_roles(labels)
    carried = [c for c, role in enumerate(roles) if role in _CARRIED_ROLES]
    if "name" not in roles or not (carried or "deadline" in roles):
        return
    name, number = roles.index("name"), roles.index("number") if "number" in roles else None
    # "STT" over two columns (the second slot unlabelled, or "STT" again): the items' numbers
    # stand in the second, the first holds groups
    items = number + 1 if number is not None and number + 1 < name and (
        labels[number + 1] in ("", labels[number])) else None
    valued = [c for c, role in enumerate(roles) if role not in ("number", "name", "unknown")]
    # a column of no role before the names ("Lĩnh vực") is printed once over its group's rows;
    # not a second numbering column ("Chi tiết": "1", "a)", "b)"), which labels every row
    grouping = [c for c in range(name) if roles[c] == "unknown" and c != items
                and not _labels_rows(rows[height:], c)]
    above: RawRow | None = None
    block: list[RawRow] = []  # the rows of their own since the last section or group row
    body = rows[height:]
    for i, row in enumerate(body):
        texts = [c.text.strip() for c in row.cells]
        column = items if items is not None and not texts[number] and ITEM_NUMBER.match(
            texts[items]) else number
        if items is not None and SECTION_NUMBER.match(texts[number].strip("* ")):
            above = None  # a group row, its title in the second column: nothing reaches over
            _carry_a_block_deadline(block, roles, labels)
            block = []
            continue
        if not texts[name] or IN_WHICH.match(texts[name]) or (column is not None
                                                              and not texts[column]):
            continue  # a row adding an agency or text, "Trong đó:": neither takes nor gives
        bare = not any(texts[c] for c in valued) and not (
            column is not None and above is not None
            and _numbered_as_a_row(above, row, body[i + 1:], column))
        if all(t.startswith("**") for t in texts if t) or bare or (
                number is not None and SECTION_NUMBER.match(texts[number].strip("* "))):
            above = None  # a section or group row: a merged cell does not reach over it
            _carry_a_block_deadline(block, roles, labels)
            block = []
            continue
        if above is not None:
            for c in carried:
                if not texts[c] and above.cells[c].text.strip():
                    row.cells[c] = Cell(above.cells[c].text)
                    row.warnings.append(f"cell_placement_uncertain:{labels[c] or c + 1}")
        if any(texts[c] for c in grouping):
            _carry_a_block_deadline(block, roles, labels)  # a new group starts here
            block = []
        above = row
        block.append(row)
    _carry_a_block_deadline(block, roles, labels)


def _labels_rows(body: list[RawRow], column: int) -> bool:
    """Whether every filled cell of a column is a row's label ("1", "a)", "**2**")."""
    cells = [row.cells[column].text.strip("* ") for row in body if column < len(row.cells)]
    filled = [text for text in cells if text]
    return bool(filled) and all(ROW_LABEL.match(text) for text in filled)


def _numbered_as_a_row(above: RawRow, row: RawRow, below: list[RawRow], column: int) -> bool:
    """Whether a row printing only its number and name is a row under merged cells, not a
    group's heading: its number follows the row above's at the same level ("4" → "5") and
    the next numbered row does not go down a level under it ("5.1", "a)", "-"): it goes on
    at the same level or a higher one, or a section ("II") starts. The table's last row
    prints its own cells: left empty, they are none ("Các nhiệm vụ khác do cấp trên giao")."""
    key, previous = number_key(row.cells[column].text), number_key(above.cells[column].text)
    if key is None or previous is None or key != (*previous[:-1], previous[-1] + 1):
        return False
    for later in below:
        text = later.cells[column].text.strip("* ")
        if not text:
            continue
        following = number_key(text)
        if following is None:
            return bool(SECTION_NUMBER.match(text.split()[0]))
        return len(following) <= len(key)
    return False  # the table's last row: nothing below shows a merged cell reaching it


def _carry_a_block_deadline(block: list[RawRow], roles: list[str], labels: list[str]) -> None:
    """A deadline printed in the first row of a section (or of a table without sections, or
    of a group a column before the names prints once: "Lĩnh vực") and in none of its other
    rows is one cell merged over them all ("Quý III/2026" for the whole section): each row
    takes it, saying so (`cell_placement_uncertain`). So do empty deadlines between two
    printed ones of the block: a cell merged over the first rows of a group whose next rows
    print their own. Empty ones that end a block whose other rows print theirs may be empty
    indeed (real vn-nq03 II/42, the last task of its section: a task without one): left as
    printed; in the real Markdown tables no empty deadline stands between printed ones. A
    product printed beside that deadline is not carried with it (review r1 F5: a task's
    product is its own far more often than merged; an empty one is no product printed)."""
    if "deadline" not in roles or len(block) < 2:
        return
    column = roles.index("deadline")
    printed = [i for i, row in enumerate(block) if row.cells[column].text.strip()]
    if printed == [0]:
        printed.append(len(block))  # printed once for the whole block
    for above, below in itertools.pairwise(printed):
        for row in block[above + 1:below]:
            row.cells[column] = Cell(block[above].cells[column].text)
            row.warnings.append(f"cell_placement_uncertain:{labels[column] or column + 1}")


def _keep_one_across(row: RawRow) -> None:
    """A row whose cells from the first (or after its number, or after the two numbers of a
    group row) all hold one text is one cell spanning the table."""
    texts = row.texts
    for start in range(_LABEL_CELLS + 1):
        rest = texts[start:]
        if len(rest) >= _SPANNED_COPIES and _TITLE.search(rest[0]) and all(
                t == rest[0] for t in rest) and all(len(t) <= _LABEL_CHARS for t in texts[:start]):
            row.cells[start + 1:] = [Cell("") for _ in rest[1:]]
            return


def _repeats_above(row: RawRow, above: RawRow) -> bool:
    """The header's second row prints again at least half of its labels where the first row
    printed them (cells merged down, copied)."""
    filled = [(c, t) for c, t in enumerate(row.texts) if t]
    same = [c for c, t in filled if c < len(above.cells) and above.cells[c].text == t]
    return bool(filled) and len(same) * 2 >= len(filled) and len(same) < len(filled)


def split_row(line: str) -> list[str]:
    """The cells of one pipe-table line, outer pipes removed, `\\|` kept as a literal pipe."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    if "\\|" not in body:
        parts = body.split("|")
    else:
        parts = [part.replace("\x00", "|") for part in body.replace("\\|", "\x00").split("|")]
    return [_clean_cell(part) for part in parts]


def is_delimiter_row(line: str) -> bool:
    return "|" in line and "-" in line and _DELIMITER_ROW.match(line) is not None


def _clean_cell(text: str) -> str:
    if "<" in text:
        text = _LINE_BREAK_TAG.sub("\n", text)
    return text.strip()


def _has_pipe(line: str) -> bool:
    return "|" in line.replace("\\|", "")


def _starts_table_alone(line: str) -> bool:
    """A line that is a table row even without a delimiter row: `| a | b |`."""
    body = line.strip()
    return len(body) > 1 and body.startswith("|") and body.count("|") >= 2


@dataclass
class _Reader:
    rows: list[RawRow] = field(default_factory=list)
    warnings: set[str] = field(default_factory=set)
    page: int = 1
    tables: int = 0
    width: int | None = None  # columns of the open table; None outside a table
    pending: tuple[int, str] | None = None  # a pipe line that may be a header
    fence: str | None = None

    def feed(self, number: int, line: str) -> None:
        if "\f" in line:
            self._flush_pending()
            self._close_table()
            self.page += line.count("\f")
            line = line.replace("\f", "")
        if self.fence is not None:
            self._text_line(number, line)
            if line.strip().startswith(self.fence):
                self.fence = None
            return
        if not line.strip():
            self._flush_pending()
            self._close_table()
            return
        if _PAGE_MARKER.match(line):
            self._flush_pending()
            self._close_table()
            self.page += 1
            return
        fence = _FENCE.match(line)
        if fence:
            self._flush_pending()
            self._close_table()
            self.fence = fence.group(1)[:3]
            self._text_line(number, line)
            return
        self._table_or_text(number, line)

    def _table_or_text(self, number: int, line: str) -> None:
        if self.width is not None:
            if is_delimiter_row(line):
                return  # a repeated header's delimiter inside the table
            if _has_pipe(line):
                self._table_line(number, line)
                return
            self._close_table()
        if is_delimiter_row(line):
            self._open_table(len(split_row(line)))
            if self.pending is not None:
                header_number, header = self.pending
                self.pending = None
                self.width = max(self.width or 0, len(split_row(header)))
                self._table_line(header_number, header)
            return
        self._flush_pending()
        if _starts_table_alone(line):
            self._open_table(len(split_row(line)))
            self._table_line(number, line)
        elif _has_pipe(line):
            self.pending = (number, line)  # a header only if a delimiter row follows
        else:
            self._text_line(number, line)

    def _open_table(self, width: int) -> None:
        self.width = width
        self.tables += 1

    def _close_table(self) -> None:
        self.width = None

    def _flush_pending(self) -> None:
        if self.pending is not None:
            self._text_line(*self.pending)
            self.pending = None

    def _table_line(self, number: int, line: str) -> None:
        texts = split_row(line)
        width = self.width or len(texts)
        if len(texts) != width:
            self.warnings.add("ragged_rows")
            texts.extend([""] * (width - len(texts)))
        self.rows.append(RawRow([Cell(text) for text in texts], first_line=number,
                                last_line=number, page=self.page, table=self.tables - 1))

    def _text_line(self, number: int, line: str) -> None:
        if line.strip():
            self.rows.append(RawRow([Cell(line.rstrip())], first_line=number,
                                    last_line=number, page=self.page))
