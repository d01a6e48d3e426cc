"""Tables of legal-document portals, flattened to text (thuvienphapluat-style pages saved as
Markdown or copied from the browser).

Every cell is printed on its own line(s) and closed by a line holding only `|`; a row is closed
by one more `|` line; a table opens with a `|` line. Cells are hard-wrapped (~80 characters,
even inside an agency name), bold is `**…**`, an empty cell is a bare `|`, and a cell spanning
columns leaves the row shorter. The last row of a table often lacks its closing `|`, and a
sub-table's title may follow it directly.

A bare `|` is thus either an empty cell or the end of a row: the reader cuts the stream of
cells into rows by dynamic programming, preferring rows as wide as the table, tolerating
short rows (spanned cells) and text between tables, and penalising everything else. Text
outside tables becomes one-cell rows, one per line; a line whose bold or italic markup is
left open continues on the next line (a wrapped title). Wrapped lines inside a cell are
joined with a space, except before a bulleted line.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from chitieu.core.agencies import AgencyNames, AgencyReading
from chitieu.core.headers import (
    AGENCY_ROLES,
    assign_roles,
    first_role,
    group_names_the_kind,
    is_bare_year,
    names_no_role,
)
from chitieu.core.letterhead import is_national_line
from chitieu.core.numbering import ARABIC, IN_WHICH, ITEM, LETTER, ROMAN
from chitieu.core.types import Cell, RawDocument, RawRow, rows_by_table
from chitieu.extract.markdown import BOLD_LABEL, bold_header_labels
from chitieu.extract.unicode import decode_bytes

# the gazetteer (it reads as both), or a function giving it
Agencies = AgencyNames | AgencyReading | Callable[[], AgencyNames | AgencyReading] | None

# a row's number or label alone in a cell: "9.", "II", "1.1", "-", an item's "a)"
_LABEL = re.compile(
    rf"^(?:\*\*)?\s*(?:(?:{LETTER}|{ROMAN}|{ARABIC}|[-+•])[.)]?|[a-zđ]\))\s*(?:\*\*)?$")
# (A bold section label alone in a cell, "**1**", "**II.**": a row's first cell, never a
# value - markdown.BOLD_LABEL.)
# A bold numbered heading ("**2. Nhiệm vụ**") between two tables.
_NUMBERED_HEADING = re.compile(rf"^\*\*\s*(?:{LETTER}|{ROMAN}|{ITEM})[.)]\s+\S.*\*\*$")
# A short run of bold words: a header cell printed as two bold runs ("**Cơ quan**" / "**chủ trì**").
# an item's number in a row: "2", "2.", "10", "1.2", "a)"
_ITEM_NUMBER = re.compile(r"^(?:\d{1,3}\.?|\d{1,3}(?:\.\d{1,3})+|[a-zđ]\))$")
_SHORT_BOLD_RUN = re.compile(r"^\*\*[^*]+\*\*$")
_SHORT_RUN_WORDS = 3
# A cell that reads as a deadline ("Quý III/2026", "Tháng 12/2025", "Năm 2026", "Thường
# xuyên", "Hằng năm"): where a short row's merged cell is not.
_DEADLINE_LIKE = re.compile(r"(?i)^\W*(?:quý|quí|tháng|năm|trước|thường xuyên|hằng|hàng|định kỳ"
                            r"|(?:19|20)\d\d\b|\d{1,2}/(?:19|20)\d\d\b)")
# Columns a header group never is: the table's own number, name and unit.
_NOT_A_GROUP = frozenset({"number", "name", "unit"})
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# header roles of one kind: who does it, and which value
_KIND = {"lead": "agency", "support": "agency", "monitor": "agency", "target": "value",
         "baseline": "value", "note": "note", "deadline": "deadline"}
# past this many ways to place a short row's cells, its missing cells are the last ones
_MAX_PLACEMENTS = 2000
# how well a cell that is neither a deadline nor an agency reads under a column of a role;
# a column of no role beside the names ("Lĩnh vực") is most often printed once, merged over
# its rows, so words in a short row are rather the row's name
_WORDS_FIT = {"name": 0.5, "lead": -0.5, "support": -0.5, "monitor": -0.5, "deadline": -1.0,
              "number": -1.0, "unknown": -0.25}
# how much more a cell reads as a column's when the row above prints the same there
_SAME_AS_ABOVE = 0.25
# ... and how much more an agency cell reads as the lead's (one agency of its own) or as
# the supports' (several, or a collective): less than any other evidence
_ROLE_LEANING = 0.1
_LEAD_OR_SUPPORT = ("lead", "support")
# A cell that reads as a value ("1.250", "≥ 95", "12,5%", "-"): under a target or baseline
# column, not under the name or the unit
_VALUE_LIKE = re.compile(r"^(?:[<>≥≤=~]=?\s*)?\d[\d.,]*\s*%?$")
_VALUE_FIT = {"target": 1.0, "baseline": 1.0, "unit": 0.0, "note": 0.0, "unknown": 0.0}
_BULLET_LINE = re.compile(r"^\s*(?:[-+•▪–]\s|\d+[.)]\s)")
_STRONG = re.compile(r"\*\*")
_SINGLE_STAR = re.compile(r"(?<!\*)\*(?!\*)")

# Costs of the row segmentation (lower is more likely). A row as wide as the table is free;
# a narrower row (spanned cells) costs a little; a wider row starts a new width; a slot of
# text not in any row is a title or a paragraph between tables.
_NEW_TABLE_ROW = 0.3
_SHORT_ROW = 0.5
_WIDER_ROW = 1.2
_MISSING_ROW_END = 0.5
_LOOSE_TEXT = 1.0
_LOOSE_PARAGRAPHS = 0.2
_STRAY_BAR = 0.6
_CELL_WITH_PARAGRAPHS = 5.0
_EMPTY_CELL = 0.8
# ... refunded down to this for the empty cells a row starts with when it is exactly as wide
# as the table: its bare `|` are its empty cells (a task continued on a row that only adds an
# agency)
_EMPTY_CELL_IN_FULL_ROW = 0.2
_LABEL_AFTER_BARE = 0.6
# The portal prints a cell's text right above its `|`; text a blank line away from the bar
# is a heading or paragraph before the next table (all 7 such texts in the real portal copies
# of ../shared/real; none a cell), dearer than a few stray bars in the table below it.
_SPACED_CELL = 3.0
_TRAILING_EMPTY_CELL = 0.1
_TEXT_FIRST_CELL = 0.3
# ... and more for "Trong đó:" (the words over a row's parts, printed in the name column
# after an empty number cell): never the first cell of a row
_IN_WHICH_FIRST = 1.5
# ... and for text before a bold "STT" (the number column is a table's first)
_TEXT_BEFORE_NUMBER_HEADING = 3.0
_LOOSE_LABEL = 0.5
_LOOSE_TITLE = 0.5
_BOLD_AFTER_PLAIN = 0.6
_UNCLOSED_LAST_CELL = 0.3
_MAX_CELLS = 16
# Readings costlier than the best one at the same slot by this much are not extended.
_PRUNE_ABOVE_BEST = 3.0


@dataclass(slots=True)
class _Slot:
    """The lines between two `|` lines: one cell's text, or nothing (a bare `|`)."""

    lines: list[tuple[int, str]] = field(default_factory=list)  # (line number, text)
    closed: bool = False  # a `|` line ends it
    paragraphs: bool = False  # a blank line separates two of its lines
    spaced: bool = False  # a blank line between its text and the `|` that ends it

    @property
    def empty(self) -> bool:
        return not self.lines

    @property
    def emphasized(self) -> bool:
        """The whole text is bold or italic: a header, section or title cell."""
        if not self.lines:
            return False
        first, last = self.lines[0][1].strip(), self.lines[-1][1].strip()
        return first.startswith("*") and last.endswith("*")


def read(path: Path, *, agencies: Agencies = None) -> RawDocument:
    return read_text(decode_bytes(Path(path).read_bytes()), agencies=agencies)


def read_text(text: str, *, agencies: Agencies = None) -> RawDocument:
    """The rows of a portal text; `agencies` (the gazetteer, or a function giving it) tell an
    agency cell from a task's words where a short row's cells are placed - without it no
    cell reads as an agency's."""
    slots, pages = _slots(text)
    head = _letterhead_slots(slots)
    # the national header's cells: its lines, each a row, for the letterhead to read (a
    # two-row table of two cells each whose last "|" closes no row: read as a table's row,
    # the kind, title and body up to the first table's "|" were its fifth cell)
    rows: list[RawRow] = [row for slot in slots[:head] for row in _text_rows(slot)]
    slots = slots[head:]
    barred: set[int] = set()  # the rows (by id) a stray bare `|` follows
    table = -1
    previous_was_row = False
    for kind, group in _segment(slots):
        if kind == "loose":
            rows += _text_rows(group[0])
            previous_was_row = False
            continue
        if kind == "bar":
            if previous_was_row:
                barred.add(id(rows[-1]))
            continue
        if kind == "row":
            if not previous_was_row:
                table += 1
            rows.append(_row(group, table))
            previous_was_row = True
    names = _Names(agencies)
    rows = _rejoin_empty_cells(_join_split_group_rows(rows), names)
    tables = rows_by_table(rows)  # the passes change cells, never which rows a table has
    _drop_swallowed_number_slots(tables, barred)
    _end_rows_before_group_slots(tables, barred)
    _align_spanned_header(tables)
    adding = [_rows_adding_an_agency(table_rows, names) for table_rows in tables]
    _fill_spanned_cells(tables, adding, names)
    _place_lone_agency_cells(tables, adding, names)
    return RawDocument(rows=rows, format="portal", pages=pages, ocr=False)


# ---------------------------------------------------------------- slots

# the header's place-date line, its day, month and year wrapped over the cell's lines or not
_DATED = re.compile(r"(?is)ng[àa]y\W.*(?:n[ăa]m\s+|[/.\-]\s*)(?:19|20)\d\d\b")
_HEADER_CELLS = 4  # issuer | national name, motto | number | place-date


def _letterhead_slots(slots: list[_Slot]) -> int:
    """How many slots at the top print a document's national header, copied from a law
    portal as a table of cells ("ỦY BAN NHÂN DÂN" / "XÃ …" | "CỘNG HÒA …" / "Độc lập - …" |
    "Số: …" | "…, ngày … năm 2026"): up to the place-date's cell; 0 when none."""
    national = next((i for i, slot in enumerate(slots[:2])
                     if any(is_national_line(t) for _, t in slot.lines)), None)
    if national is None:
        return 0
    for i in range(national, min(len(slots), _HEADER_CELLS + 1)):
        if slots[i].closed and _DATED.search(" ".join(t for _, t in slots[i].lines)):
            return i + 1
    return 0



def _slots(text: str) -> tuple[list[_Slot], int]:
    slots: list[_Slot] = []
    current = _Slot()
    blank_since_text = False
    page = 1
    for number, line in enumerate(text.split("\n"), start=1):
        if "\f" in line:
            page += line.count("\f")
            line = line.replace("\f", "")
        stripped = line.strip()
        if stripped == "|":
            current.closed = True
            current.spaced = blank_since_text
            slots.append(current)
            current, blank_since_text = _Slot(), False
        elif not stripped:
            blank_since_text = bool(current.lines)
        else:
            if blank_since_text or _new_emphasis(current, stripped):
                current.paragraphs = True
            current.lines.append((number, line.rstrip()))
            blank_since_text = False
    if current.lines:
        slots.append(current)
    return slots, page


def _new_emphasis(slot: _Slot, line: str) -> bool:
    """A bold or italic line after lines whose markup is closed: a new title line (a cell's
    wrapped text keeps its markup open until its end) - unless every line is a short bold run,
    a header cell printed in two bold runs."""
    return (bool(slot.lines) and line.startswith("*")
            and not _markup_open(" ".join(t for _, t in slot.lines))
            and not all(_short_bold_run(t) for t in [*(t for _, t in slot.lines), line]))


def _short_bold_run(line: str) -> bool:
    line = line.strip()
    return bool(_SHORT_BOLD_RUN.match(line)) and len(line.split()) <= _SHORT_RUN_WORDS


# ---------------------------------------------------------------- segmentation


def _segment(slots: list[_Slot]) -> list[tuple[str, list[_Slot]]]:
    """The cheapest reading of the slots as rows, loose text and stray bars."""
    n = len(slots)
    # best[i] maps the table width in force at slot i to (cost, back pointer)
    best: list[dict[int, tuple[float, tuple | None]]] = [{} for _ in range(n + 1)]
    best[0][0] = (0.0, None)
    for i in range(n):
        floor = min(cost for cost, _ in best[i].values()) + _PRUNE_ABOVE_BEST
        states = [(w, c) for w, (c, _) in best[i].items() if c <= floor]
        slot = slots[i]
        for width, cost in states:
            if slot.empty:
                # outside a table a bare `|` opens the next one; inside, a stray bar
                stray = (_STRAY_BAR, ("bar", i, i + 1)) if width else (0.0, None)
                _relax(best, i + 1, width, cost + stray[0], (i, width, stray[1]))
            else:
                _relax(best, i + 1, 0, cost + _loose_cost(slot), (i, width, ("loose", i, i + 1)))
        for cells, nxt, step, leading_empties in _row_options(slots, i):
            for width, cost in states:
                shape, new_width = _shape_cost(cells, width)
                if cells == width:
                    shape -= leading_empties * (_EMPTY_CELL - _EMPTY_CELL_IN_FULL_ROW)
                _relax(best, nxt, new_width, cost + step + shape, (i, width, ("row", i, i + cells)))
    width = min(best[n], key=lambda w: best[n][w][0])
    items: list[tuple[str, list[_Slot]]] = []
    position = n
    while position > 0:
        _, back = best[position][width]
        position, width, item = back
        if item is not None:
            kind, first, last = item
            items.append((kind, slots[first:last]))
    items.reverse()
    return items


def _relax(best: list[dict], position: int, width: int, cost: float, back: tuple) -> None:
    held = best[position].get(width)
    if held is None or cost < held[0]:
        best[position][width] = (cost, back)


def _row_options(slots: list[_Slot], i: int) -> list[tuple[int, int, float, int]]:
    """(cells, next slot, cost before the row's shape, empty cells before its first filled
    one) for every row that starts at slot i."""
    n = len(slots)
    first = slots[i]
    penalty = 0.0 if first.empty or first.emphasized or _is_label(first) else _TEXT_FIRST_CELL
    if _is_in_which(first):
        penalty += _IN_WHICH_FIRST  # "Trong đó:" is a name cell: a row's bare `|` before it
    if not first.empty and i + 1 < n and _is_number_heading(slots[i + 1]):
        # the rows' number column is a table's first: text before its heading ("STT") is a
        # title over the table, closed by the table's first bar
        penalty += _TEXT_BEFORE_NUMBER_HEADING
    empties = leading_empties = 0
    seen_plain = seen_filled = False
    options = []
    for k in range(1, min(_MAX_CELLS, n - i) + 1):
        cell = slots[i + k - 1]
        if cell.emphasized and seen_plain:
            penalty += _BOLD_AFTER_PLAIN  # a header or title glued to the end of a row
        seen_plain = seen_plain or not (cell.empty or cell.emphasized)
        if not cell.closed:
            # only the text after the last `|` of a file cut short may be a last cell
            penalty += _UNCLOSED_LAST_CELL
        if cell.empty:
            empties += 1
        else:
            # empty cells before a filled one: an empty cell or a row end read as one
            penalty += empties * _EMPTY_CELL
            if empties and k > 1 and _is_bold_label(cell):
                penalty += _LABEL_AFTER_BARE  # the next section row's label: that `|` ended a row
            if not seen_filled:
                # a row label after them ("3"): the bare `|` ended the row above, short of a
                # merged cell and closing on an empty one - no continued task's empty cells
                leading_empties = 0 if _is_label(cell) else empties
            seen_filled = True
            empties = 0
        if cell.paragraphs:
            penalty += _CELL_WITH_PARAGRAPHS
        if cell.spaced:
            penalty += _SPACED_CELL
        cost = penalty + empties * _TRAILING_EMPTY_CELL
        end = i + k
        if end < n and slots[end].empty:
            options.append((k, end + 1, cost, leading_empties))
        else:
            missing_end = 0.0 if end == n else _MISSING_ROW_END
            options.append((k, end, cost + missing_end, leading_empties))
    return options


def _is_label(slot: _Slot) -> bool:
    """A cell holding only a row number or section label: "9.", "II", "1.1", "-"."""
    return len(slot.lines) == 1 and bool(_LABEL.match(slot.lines[0][1].strip()))


def _is_number_heading(slot: _Slot) -> bool:
    """A bold header cell naming the rows' number column: "**STT**", "**TT**"."""
    if len(slot.lines) != 1 or not slot.emphasized:
        return False
    return first_role(slot.lines[0][1].strip().strip("*").strip()) == "number"


def _is_bold_label(slot: _Slot) -> bool:
    return len(slot.lines) == 1 and bool(BOLD_LABEL.match(slot.lines[0][1].strip()))


def _is_in_which(slot: _Slot) -> bool:
    """A cell holding only "Trong đó:" (a row's name cell, not a row's end)."""
    return len(slot.lines) == 1 and bool(IN_WHICH.match(slot.lines[0][1].strip()))


def _loose_cost(slot: _Slot) -> float:
    if slot.paragraphs or not slot.closed or not any(
            ch.isalnum() for _, line in slot.lines for ch in line):
        return _LOOSE_PARAGRAPHS  # paragraphs, text after the last table, a row of dots
    if _is_label(slot):
        return _LOOSE_TEXT + _LOOSE_LABEL
    if _is_in_which(slot):
        return _LOOSE_TEXT + _IN_WHICH_FIRST  # "Trong đó:" is a row's name cell
    text = " ".join(t for _, t in slot.lines).strip()
    if text.startswith(("**", "*")) and text.endswith(("**", "*")) and len(text.split()) >= 4:
        return _LOOSE_TITLE  # a bold or italic title between two tables
    if _NUMBERED_HEADING.match(text):
        return _LOOSE_TITLE  # "**2. Nhiệm vụ**": a numbered heading between two tables
    return _LOOSE_TEXT


def _shape_cost(cells: int, width: int) -> tuple[float, int]:
    if width == 0:
        return _NEW_TABLE_ROW, cells
    if cells == width:
        return 0.0, width
    if cells < width:
        return _SHORT_ROW, width
    return _WIDER_ROW, cells


# ---------------------------------------------------------------- rows


def _cell_text(slot: _Slot) -> str:
    """A cell's lines joined: a hard wrap is a space; a bulleted line starts a new line."""
    parts: list[str] = []
    for _, line in slot.lines:
        text = line.strip()
        if parts and not _BULLET_LINE.match(text):
            parts[-1] = f"{parts[-1]} {text}"
        else:
            parts.append(text)
    return "\n".join(parts)


def _row(slots: list[_Slot], table: int) -> RawRow:
    numbers = [n for s in slots for n, _ in s.lines]
    return RawRow([Cell(_cell_text(s)) for s in slots],
                  first_line=min(numbers) if numbers else None,
                  last_line=max(numbers) if numbers else None, table=table)


def _text_rows(slot: _Slot) -> list[RawRow]:
    """Text outside tables: one row per line, a line with open markup joined to the next."""
    rows: list[RawRow] = []
    pending: list[tuple[int, str]] = []
    for number, line in slot.lines:
        pending.append((number, line.strip()))
        if not _markup_open(" ".join(t for _, t in pending)):
            rows.append(_text_row(pending))
            pending = []
    if pending:
        rows.append(_text_row(pending))
    return rows


def _text_row(lines: list[tuple[int, str]]) -> RawRow:
    return RawRow([Cell(" ".join(t for _, t in lines))], first_line=lines[0][0],
                  last_line=lines[-1][0])


def _markup_open(text: str) -> bool:
    strong = len(_STRONG.findall(text))
    single = len(_SINGLE_STAR.findall(text))
    return strong % 2 == 1 or single % 2 == 1


def _align_spanned_header(tables: list[list[RawRow]]) -> None:
    """A two-row header flattened from spanned cells: one cell of the first row spans the
    second row's cells ("GIAI ĐOẠN 2026 - 2030" over five year columns, "Cơ quan thực hiện"
    over "Chủ trì" / "Phối hợp"), the others span both rows. The second row is placed under
    its group cell and both are padded to the table's width, as a Markdown table prints them.
    A group of one cell between them ("Phân công thực hiện" over "Cơ quan thực hiện" over
    "Chủ trì" / "Phối hợp": three rows) stands over the same columns."""
    for table_rows in tables:
        if len(table_rows) < 3:
            continue
        width = _table_width(table_rows)
        first, second = table_rows[0], table_rows[1]
        middle = None
        if (len(second.cells) == 1 and len(table_rows) >= 4
                and second.cells[0].text.strip().startswith("**")):
            middle, second = second, table_rows[2]
        heads = list(first.cells)
        while heads and not heads[-1].text.strip():
            heads.pop()  # a row end read as an empty cell
        if len(heads) < width and len(heads) + len(second.cells) - 1 == width:
            group = _group_position([c.text for c in heads], [c.text for c in second.cells])
            after = width - group - len(second.cells)
            if after:
                first.cells = [*heads[:group + 1], *(Cell("") for _ in second.cells[1:]),
                               *heads[group + 1:]]
            second.cells = [*(Cell("") for _ in range(group)), *second.cells,
                            *(Cell("") for _ in range(after))]
            if middle is not None:
                middle.cells = [*(Cell("") for _ in range(group)), middle.cells[0],
                                *(Cell("") for _ in range(width - group - 1))]
        elif (middle is None and len(heads) < width
              and 1 < len(heads) + len(second.cells) - width <= len(second.cells)
              and not _LABEL.match(second.cells[0].text.strip())):
            _align_under_groups(first, second, heads, width)
        elif len(heads) == width:
            _align_years_under_their_labels(second, [c.text for c in heads])


def _align_years_under_their_labels(second: RawRow, heads: list[str]) -> None:
    """A second header row of years alone under a full first row ("Ước thực hiện" over
    "Năm 2025", "Kế hoạch" over "Năm 2026"): each year under the labels of values, in
    order, where there are as many of them as years."""
    years = [c for c in second.cells if c.text.strip()]
    values = [i for i, head in enumerate(heads) if first_role(head) in ("target", "baseline")]
    if not years or len(years) != len(second.cells) or len(values) != len(years) or not all(
            is_bare_year(c.text.strip("* ")) for c in years):
        return
    placed = dict(zip(values, years, strict=True))
    second.cells = [placed.get(i, Cell("")) for i in range(len(heads))]


def _align_under_groups(first: RawRow, second: RawRow, heads: list[Cell], width: int) -> None:
    """Several cells of the first row span the second row's ("Năm 2025" over "Kế hoạch
    giao | Thực hiện", "Năm 2026" over "Chỉ tiêu"): each group takes the run of sub-labels
    that reads best under it (`_groups_evidence`), and both rows are spread to the width."""
    subs = [c.text for c in second.cells]
    texts = [c.text for c in heads]
    count = len(heads) + len(subs) - width
    # the cell naming the rows spans them too where a sub-label names the rows ("Nhiệm vụ"
    # over "Tên nhiệm vụ | Sản phẩm")
    naming = any(first_role(s) == "name" for s in subs)
    positions = [p for p in range(1, len(heads)) if first_role(texts[p]) not in _NOT_A_GROUP
                 or (naming and first_role(texts[p]) == "name")]
    options = [(groups, spans) for groups in itertools.combinations(positions, count)
               for spans in _compositions(len(subs), count)]
    if not options or len(options) > _MAX_PLACEMENTS:
        return
    groups, spans = min(options, key=lambda o: _groups_evidence(texts, subs, *o))
    span_of = dict(zip(groups, spans, strict=True))
    top, low, taken = [], [], 0
    for position, head in enumerate(heads):
        span = span_of.get(position, 1)
        top += [head, *(Cell("") for _ in range(span - 1))]
        if position in span_of:
            low += second.cells[taken:taken + span]
            taken += span
        else:
            low.append(Cell(""))
    first.cells, second.cells = top, low


def _compositions(total: int, parts: int) -> list[tuple[int, ...]]:
    """The ways to cut `total` sub-labels, in order, into `parts` runs of one or more."""
    return [tuple(b - a for a, b in zip((0, *cuts), (*cuts, total), strict=True))
            for cuts in itertools.combinations(range(1, total), parts - 1)]


def _groups_evidence(heads: list[str], subs: list[str], groups: tuple[int, ...],
                     spans: tuple[int, ...]) -> tuple[int, int, int, int, int]:
    """How well each group reads over its run of sub-labels, as `_group_position` weighs
    one group: fewest contradictions, most agreements, fewest of another kind; then equal
    runs where the sub-labels repeat once per group ("KH giao | Thực hiện" under each of
    three years; a comparison of the values before it, "Tỷ lệ %", opening a run counts as
    another kind); then a result ("Thực hiện", alone or under its group) under the earliest
    year a group names (the earliest of those holding one: a sum would favour a placement
    putting fewer groups over a result)."""
    wrong = agree = other = 0
    years = []
    start = 0
    for position, span in zip(groups, spans, strict=True):
        head, run = heads[position], subs[start:start + span]
        start += span
        own = _own_roles(head, run)
        joined = [first_role(f"{head} {s}") for s in run]
        known = [(j, o) for j, o in zip(joined, own, strict=True) if "unknown" not in (j, o)]
        wrong += sum(j != o for j, o in known)
        agree += len(known)
        # a comparison ("Tỷ lệ %", "So sánh (%)") compares the values before it in its group:
        # it never opens a group's run
        other += _other_kind(head, own) + names_no_role(run[0])
        if "baseline" in own or "baseline" in joined:
            found = _YEAR.search(head)
            years.append(int(found[0]) if found else 9999)
    period = _repeat_period(tuple(subs), len(groups))
    uneven = int(period is not None and any(span != period for span in spans))
    return wrong, wrong - agree, other, uneven, min(years, default=0)


@functools.lru_cache(maxsize=1024)  # keyed by a document's header: bounded over a batch
def _repeat_period(subs: tuple[str, ...], groups: int) -> int | None:
    """The run of sub-labels each of `groups` groups repeats ("KH giao | Thực hiện" three
    times under three years: 2), or None when they do not repeat so."""
    if groups < 2 or len(subs) % groups:
        return None
    period = len(subs) // groups
    keys = [" ".join(s.strip(" *").lower().split()) for s in subs]
    return period if all(keys[k] == keys[k % period] for k in range(len(keys))) else None


def _group_position(heads: list[str], subs: list[str]) -> int:
    """Which header cell spans the second row's: not the table's number, name or unit column,
    and the one whose words, put before each sub-label, keep the sub-label's role ("Cơ quan
    thực hiện" + "Chủ trì" is still a lead; "Thời gian hoàn thành" + "Chủ trì" reads as a
    deadline). Fewest contradictions first, then most agreements, then the rightmost (a
    group of year columns closes the header). A second row holding the rows' name goes under
    the cell naming the rows."""
    def evidence(position: int) -> tuple[int, int, int, int, int]:
        own = _own_roles(heads[position], subs)
        joined = [first_role(f"{heads[position]} {s}") for s in subs]
        known = [(role, alone) for role, alone in zip(joined, own, strict=True)
                 if "unknown" not in (role, alone)]
        wrong = sum(role != alone for role, alone in known)
        return (wrong, wrong - len(known), _other_kind(heads[position], own),
                _estimated_year(heads[position], own), -position)

    # the rows' name under a group ("Chỉ tiêu" over "Tên chỉ tiêu | Đơn vị tính"): never under
    # a value's or an agency's group, so under the cell that names the rows too
    if any(first_role(s) == "name" for s in subs):
        named = [p for p in range(1, len(heads)) if first_role(heads[p]) == "name"]
        if named:
            return named[0]
    positions = [p for p in range(1, len(heads)) if first_role(heads[p]) not in _NOT_A_GROUP]
    return min(positions, key=evidence) if positions else len(heads) - 1


def _own_roles(head: str, subs: list[str]) -> list[str]:
    """The sub-labels' roles as they read alone, but a bare year under a group naming the
    kind of value it holds ("Thực hiện" over "Năm 2024") as it reads with its group: the
    group does not contradict the year, it completes it."""
    return [first_role(f"{head} {s}") if group_names_the_kind(head, s) or _year_of_a_time(head, s)
            else first_role(s) for s in subs]


def _year_of_a_time(head: str, label: str) -> bool:
    """A bare year under a group naming a time ("Lộ trình thực hiện", "Thời gian thực hiện"
    over "2026 | 2027 | 2028"): one of the group's years, no contradiction of it (an agency's
    column never spans years)."""
    return is_bare_year(label) and first_role(head) == "deadline"


def _other_kind(head: str, sub_roles: list[str]) -> int:
    """How many sub-labels are of another kind than the cell over them: "Sản phẩm" (a note)
    is no group of "Chủ trì" / "Phối hợp" (agencies), "Cơ quan thực hiện" is."""
    kind = _KIND.get(first_role(head))
    return 0 if kind is None else sum(_KIND.get(r, kind) != kind for r in sub_roles)


def _estimated_year(head: str, sub_roles: list[str]) -> int:
    """Where sub-labels hold an estimate or a result ("Kế hoạch" / "Ước thực hiện"), the
    year their group names: the earliest is theirs ("Năm hiện hành 2025" beside "Năm 2026",
    "Năm 2027": a plan estimates the year it is written in, the later years are its
    targets). 0 for every cell otherwise, leaving the choice to the other evidence."""
    if "baseline" not in sub_roles:
        return 0
    year = _YEAR.search(head)
    return int(year[0]) if year else 9999


def _join_split_group_rows(rows: list[RawRow]) -> list[RawRow]:
    """A group row of a table whose "STT" spans two columns ("I" | "" | "DỮ LIỆU SỐ"): the
    bare `|` of its empty second slot reads as the end of a row holding the group's label
    alone, and its title as a row of its own. A row of one bold label followed, in the same
    table, by a row opening with bold words that are no label is one row, the label then
    the title (as such a table is read where the title follows the label)."""
    kept: list[RawRow] = []
    for row in rows:
        before = kept[-1] if kept else None
        if (before is not None and row.table is not None and before.table == row.table
                and len(before.cells) == 1 and _is_bold_row_label(before.cells[0].text)
                and row.cells and _is_bold_title(row.cells[0].text)):
            before.cells += row.cells
            before.last_line = row.last_line or before.last_line
            continue
        kept.append(row)
    return kept


def _is_bold_row_label(text: str) -> bool:
    text = text.strip()
    return text.startswith("**") and bool(_LABEL.match(text))


def _is_bold_title(text: str) -> bool:
    """Bold words, no label: not "** **", a bold empty cell (its section's title follows)."""
    text = text.strip()
    return (text.startswith("**") and text.endswith("**") and any(ch.isalpha() for ch in text)
            and not _LABEL.match(text))


def _drop_swallowed_number_slots(tables: list[list[RawRow]], barred: set[int]) -> None:
    """A table whose "STT" spans two columns, read as one: most item rows print their
    number first, then their words (the empty first slot's bare `|` read as the row above's
    end, or as a stray bar after a row as wide as the table: two such bars, where a table
    whose "STT" is one column has none, say the table is so). A row under merged cells,
    shorter, keeps that slot instead (an empty cell, then
    its number, "" | "2" | …): the empty cell is dropped, so the row's cells stand where the
    other rows' do. A row whose end took the next row's slot read its own end, the bar
    before that slot, as an empty last cell: dropped too (`_ends_before_the_next_slot`).
    (Two numbering columns read whole, "" | "1" | … on most rows, or a running number beside
    items "a)", are left alone.)"""
    for table_rows in tables:
        first = [r for r in table_rows[1:] if len(r.cells) > 1
                 and _ITEM_NUMBER.match(r.cells[0].text.strip())
                 and r.cells[1].text.strip() and not _LABEL.match(r.cells[1].text.strip())]
        after_empty = [r for r in table_rows[1:] if len(r.cells) > 2
                       and not r.cells[0].text.strip()
                       and _ITEM_NUMBER.match(r.cells[1].text.strip())
                       and not _LABEL.match(r.cells[2].text.strip())]
        # the rows as wide as the table are followed by the next row's slot as a stray bar
        strays = sum(id(row) in barred for row in table_rows[1:-1])
        if (not after_empty or len(first) < len(after_empty)) and strays < 2:
            continue
        for row, after in itertools.pairwise(table_rows[1:]):
            if _ends_before_the_next_slot(row, after, barred):
                row.cells = row.cells[:-1]
        for row in after_empty:
            row.cells = row.cells[1:]


def _end_rows_before_group_slots(tables: list[list[RawRow]], barred: set[int]) -> None:
    """A table numbering its rows in two columns ("STT" running 1, 2 … beside "Chi tiết" 1.1,
    a) …; most rows label both) prints a group's label in the second, its first cell empty:
    that bare `|` reads as the end of the row above, whose own end then reads as an empty
    last cell - in the place of a cell merged over it from the row above it (a lead, a
    deadline). That empty cell is dropped (as `_ends_before_the_next_slot`)."""
    for table_rows in tables:
        both = {id(r) for r in table_rows[1:] if len(r.cells) > 2
                and _ITEM_NUMBER.match(r.cells[0].text.strip())
                and _LABEL.match(r.cells[1].text.strip())}
        if len(both) < 2:
            continue
        for row, after in itertools.pairwise(table_rows[1:]):
            if (id(row) in both and _ends_before_the_next_slot(row, after, barred)
                    and _is_bold_row_label(after.cells[0].text)):
                row.cells = row.cells[:-1]


def _ends_before_the_next_slot(row: RawRow, after: RawRow, barred: set[int]) -> bool:
    """Between a row's last words and the next row's number stand the row's end and the next
    row's empty first slot, two bare `|`. Where the next row opens with its number (its slot
    read as this row's end) and no stray bar followed this row, this row read its end as an
    empty last cell: a task under a product or deadline merged from the row above, whose
    end then stood in the merged cell's place (a real empty last cell is a third bar)."""
    return (id(row) not in barred and len(row.cells) > 2 and not row.cells[-1].text.strip()
            and bool(after.cells) and bool(_LABEL.match(after.cells[0].text.strip())))


def _rejoin_empty_cells(rows: list[RawRow], names: _Names) -> list[RawRow]:
    """A bare `|` in a short row is its empty cell, not its end, where the row read after it
    is one cell of words no row opens with: a numbered task printing no support (`|`) beside
    a deadline merged from the task above (left out) goes on with its product ("Hạ tầng
    IoT"), which is no row of its own (no number, no bold title, no agency a task's second
    row adds, no "Trong đó:"). The two are one row, with the empty cell between them, when
    that row is still no wider than the table."""
    widths = {table_rows[0].table: _table_width(table_rows) for table_rows in rows_by_table(rows)}
    kept: list[RawRow] = []
    for row in rows:
        before = kept[-1] if kept else None
        if before is not None and row.table is not None and before.table == row.table \
                and len(row.cells) == 1 and len(before.cells) + 2 <= widths[row.table] \
                and _LABEL.match(first := before.cells[0].text.strip()) \
                and not first.startswith("*") and _opens_no_row(row.cells[0].text.strip(), names):
            before.cells += [Cell(""), row.cells[0]]
            before.last_line = row.last_line or before.last_line
            continue
        kept.append(row)
    return kept


def _opens_no_row(text: str, names: _Names) -> bool:
    """Words that stand in a row's later cell only: not a row's number or bold title, not
    "Trong đó:", not an agency a task's second row adds."""
    return bool(text) and not text.startswith("*") and not _LABEL.match(text) \
        and not IN_WHICH.match(text) and not names.opens_a_name(text)


def _rows_adding_an_agency(table_rows: list[RawRow], names: _Names) -> list[RawRow]:
    """The rows holding one cell that names agencies under a task's row (or under another
    such row): the second row of a task whose other cells are merged over both, adding one
    more agency (HTML rowspan flattened; its column is lost). A task's row is any below the
    table's first whose first cell prints text that is no bold title (a number, or the
    task's words in a row whose merged number is left out)."""
    adding: list[RawRow] = []
    under_a_task = False
    for i, row in enumerate(table_rows):
        if under_a_task and _added_agency(row, names) is not None:
            adding.append(row)
            continue
        first = row.cells[0].text.strip() if row.cells else ""
        under_a_task = i > 0 and bool(first) and not first.startswith("*")
    return adding


def _place_lone_agency_cells(tables: list[list[RawRow]], adding: list[list[RawRow]],
                             names: _Names) -> None:
    """A row adding one more agency to the task above (`_rows_adding_an_agency`) goes to the
    agency column it reads best in (`_added_agency_column`), where assembly joins it to its
    task; without agency columns it stays as printed. The columns are read under each one's
    lowest label ("Chủ trì" / "Phối hợp" under "Cơ quan thực hiện", which stands over the
    lead only). Beside another agency column the text does not say which one it is:
    `cell_placement_uncertain`."""
    for table_rows, added_rows in zip(tables, adding, strict=True):
        if not added_rows:
            continue
        width = max(len(r.cells) for r in table_rows)
        labels = bold_header_labels(table_rows, width)[0]
        roles = [first_role(label) for label in labels]
        agency_columns = [i for i, role in enumerate(roles) if role in AGENCY_ROLES]
        if not agency_columns:
            continue
        adding_rows = {id(row) for row in added_rows}
        task = None
        for row in table_rows:
            if id(row) not in adding_rows:
                task = row
                continue
            added = next(c.text.strip() for c in row.cells if c.text.strip())
            column = _added_agency_column(added, task, roles, agency_columns, names)
            row.cells = [Cell(added if c == column else "") for c in range(width)]
            if len(agency_columns) > 1:
                row.warnings.append(f"cell_placement_uncertain:{labels[column] or column + 1}")


def _added_agency_column(added: str, task: RawRow | None, roles: list[str],
                         agency_columns: list[int], names: _Names) -> int:
    """The supporting agencies' column (the last agency column, where lists run on), unless
    the one body added reads as a second lead of the task above: its head word ("Sở",
    "Cục") is the lead's and not the support's. Across the imitations of real tables (the
    realdocs sets) 5 such rows add a lead and 10 a support: this sign places 3 of the leads
    and none of the supports in the lead column; a support naming a collective is no sign
    (tinh_lao_cai_portal_du_lieu adds "Công an tỉnh" to "UBND các xã, phường")."""
    last = agency_columns[-1]
    leads = [i for i in agency_columns if roles[i] == "lead"]
    supports = [i for i in agency_columns if roles[i] == "support"]
    if task is None or not leads or not supports or names.reads_as_support(added):
        return last
    lead, support = _cell_at(task, leads[0]), _cell_at(task, supports[0])
    if not lead or names.reads_as_support(lead):
        return last
    return leads[0] if _head_word(added) == _head_word(lead) != _head_word(support) else last


def _cell_at(row: RawRow, column: int) -> str:
    return row.cells[column].text.strip() if column < len(row.cells) else ""


def _head_word(text: str) -> str:
    """An agency name's first word, the kind of body it names ("Sở", "Cục", "Trung")."""
    words = text.strip("* ").split()
    return words[0].casefold() if words else ""


def _added_agency(row: RawRow, names: _Names) -> str | None:
    """The one cell a row prints, when it names agencies: a task's second row adding one."""
    texts = [c.text.strip() for c in row.cells if c.text.strip()]
    if len(texts) != 1 or not all(names.opens_a_name(part.strip())
                                  for part in texts[0].split(";") if part.strip()):
        return None
    return texts[0]


class _Names:
    """The gazetteer as this reader asks it, its answers kept for the document (a short
    row's cells are read under every column)."""

    def __init__(self, agencies: Agencies) -> None:
        self._given = agencies
        self._reading: AgencyReading | None = None
        self._opens: dict[str, bool] = {}
        self._support: dict[str, bool] = {}

    def _names(self) -> AgencyReading | None:
        if self._reading is None and self._given is not None:
            given = self._given() if callable(self._given) else self._given
            self._reading = cast(AgencyReading, given)
        return self._reading

    def opens_a_name(self, text: str) -> bool:
        """Whether a cell's text opens as an agency's name does - not as a task's words that
        open with an agency's head word ("Ban hành …", "Tổ chức …", "Phòng, chống …")."""
        found = self._opens.get(text)
        if found is None:
            names = self._names()
            found = self._opens[text] = names is not None and names.opens_a_name(text)
        return found

    def reads_as_support(self, text: str) -> bool:
        """Whether an agency cell reads as the supporting agencies rather than the lead: it
        names several agencies, or a collective ("Các sở, ban, ngành", "UBND các xã,
        phường"). In the real tables with both columns (tests/fixtures/real/expected: 439
        rows) a lead cell names one agency of its own in 323 rows, a support cell in 89; a
        collective or several agencies are a support cell's in 350 rows, a lead cell's in
        116."""
        found = self._support.get(text)
        if found is None:
            names = self._names()
            pieces = names.split(text) if names is not None else []
            found = self._support[text] = len(pieces) > 1 or any(
                names.is_collective(piece) for piece in pieces)
        return found


def _fill_spanned_cells(tables: list[list[RawRow]], adding: list[list[RawRow]],
                        names: _Names) -> None:
    """Cells merged down from the row above (HTML rowspan) are left out of the rows below them:
    the portal prints an empty cell as a bare `|`, so a missing cell is a merged one. A row
    shorter than its table takes the missing cells' text from the row above it, and the
    number when the row starts with its task's text (a second task under the same merged "TT"
    cell, whose agencies and deadline are merged with the first's). Which cells are missing
    is read from what the printed ones hold (`_placement`). Header, section and title rows
    are left alone. A "Trong đó:" row between a row and its parts says nothing of its own:
    the parts take their merged cells from the row above it, and so does the row under a
    row adding an agency to its task (`_rows_adding_an_agency`). In a table without a number
    column the first column may be the merged one too ("Lĩnh vực" over a field's tasks):
    every printed cell is placed."""
    for table_rows, added_rows in zip(tables, adding, strict=True):
        width = _table_width(table_rows)
        labels = bold_header_labels(table_rows, width)[0]
        # read together, as assembly reads them ("Lĩnh vực" beside the names is none)
        roles = assign_roles(labels)
        numbered = "number" in roles
        # a "Trong đó:" row, or a row adding an agency to the task above, between a row and
        # the next: the next takes its merged cells from the row above them
        added = {id(row) for row in added_rows}
        kept = [row for row in table_rows if not _only_in_which(row) and id(row) not in added]
        taken_from_above: dict[int, set[int]] = {}  # id(row) -> columns it was given
        for previous, row in itertools.pairwise(kept):
            if previous is table_rows[0] or not 2 <= len(row.cells) < width:
                continue
            first, above = row.cells[0].text.strip(), previous.cells[0].text.strip()
            if first.startswith("*") or not above or above.startswith("*"):
                continue  # a section, title or header row, or one under it
            if not numbered:
                taken, start = row.cells, 0
            elif _LABEL.match(first):
                taken, start = row.cells, 1
            elif _LABEL.match(above):
                taken, start = [Cell(previous.cells[0].text), *row.cells], 1
            else:
                continue
            if len(taken) >= width or len(previous.cells) < width:
                continue
            # a task of its own (it prints its number, or the table numbers none) under a
            # lead merged over a group of tasks; a task's second part (its number merged)
            # may rather share the supports (real hcm-qd2820 V/1: its own lead)
            own_task = not numbered or bool(_LABEL.match(first))
            columns, uncertain = _placement([c.text for c in taken[start:]], roles,
                                            [c.text.strip() for c in previous.cells],
                                            taken_from_above.get(id(previous), set()), start,
                                            names=names, own_task=own_task)
            placed = {0: taken[0]} if start else {}
            placed.update(zip(columns, taken[start:], strict=True))
            taken_from_above[id(row)] = set(range(start, width)) - set(columns)
            row.cells = [placed.get(c) or Cell(previous.cells[c].text) for c in range(width)]
            row.warnings += [f"cell_placement_uncertain:{labels[c] or c + 1}"
                             for c in uncertain]


def _only_in_which(row: RawRow) -> bool:
    """A row printing only "Trong đó:" (or "Bao gồm:")."""
    texts = [c.text.strip() for c in row.cells if c.text.strip()]
    return len(texts) == 1 and bool(IN_WHICH.match(texts[0]))


def _table_width(table_rows: list[RawRow]) -> int:
    """The width most body rows have (the header's first two rows may be short), the wider
    on a tie; or the header's, when it names more columns in bold: most rows may be short
    under a column merged over several rows each ("Lĩnh vực" over three tasks). (A row end
    read as an empty last cell makes a row look one wider: the header's trailing empty
    cells do not count.)"""
    every = [len(r.cells) for r in table_rows]
    widths = every[2:] or every
    mode = max(set(widths), key=lambda w: (widths.count(w), w))
    head = [c.text.strip() for c in table_rows[0].cells]
    while head and not head[-1]:
        head.pop()
    if len(head) > mode and all(t.startswith("**") for t in head if t):
        return len(head)
    return mode


def _placement(texts: list[str], roles: list[str], above: list[str] = (),
               merged_above: set[int] = frozenset(), start: int = 1, *,
               names: _Names, own_task: bool = True) -> tuple[tuple[int, ...], list[int]]:
    """The columns (from `start`: after the number, where the row prints it) a short row's
    printed cells stand in, in order: the
    placement whose cells read most like their columns (a deadline under the deadline, an
    agency under an agency column, words under the name); a cell printing what the row
    above prints in a column is rather in that column (a cell merged over both rows would
    not be printed again). Between equally good ones (one agency printed under a lead and a
    support column: which one is merged is not in the text), the missing cells are those
    the row above was missing too (a cell merged over three rows or more), then the agency
    leans as the real tables do (`_leaning`), then the missing cells are the last ones.
    Also the columns filled from the row above that another placement as good would have
    left to this row's own cells."""
    width = len(roles)
    if math.comb(width - start, len(texts)) > _MAX_PLACEMENTS:
        return tuple(range(start, len(texts) + start)), []
    # how each cell reads in each column, scored once for all the placements
    fits = [[_fit(t, roles[c], names) + (_SAME_AS_ABOVE if c < len(above) and t.strip()
                                         and t.strip() == above[c] else 0.0)
             for c in range(width)] for t in texts]
    leaning = all(role in roles for role in _LEAD_OR_SUPPORT)
    lead_above = leaning and own_task and bool(_cell_in(above, roles.index("lead")))
    leanings = [[_leaning(t, roles[c], names, lead_above) if leaning else 0.0
                 for c in range(width)] for t in texts]
    columns_from = set(range(start, width))
    scored = []
    for columns in itertools.combinations(range(start, width), len(texts)):
        fit = round(sum(row[c] for row, c in zip(fits, columns, strict=True)), 6)
        lean = sum(row[c] for row, c in zip(leanings, columns, strict=True))
        missing = columns_from - set(columns)
        # a cell the row above was missing too is merged over three rows or more: this row
        # misses it as well, whatever its agency reads like (the leaning is the weakest)
        scored.append((fit, len(missing & merged_above), lean, sum(missing), columns))
    scored.sort(reverse=True)
    best_fit, _, _, _, best = scored[0]
    # a placement better only by how an agency reads as a lead or a support, or by the
    # cells the row above was missing, is no certainty
    rivals = [columns for fit, _, _, _, columns in scored[1:] if fit >= best_fit]
    uncertain = sorted({c for columns in rivals for c in columns} - set(best))
    return best, uncertain


def _leaning(text: str, role: str, names: _Names, lead_above: bool = False) -> float:
    """Under a table's lead and support columns, how much more an agency cell reads as the
    one than the other (where the text gives nothing else). A task of its own under a row
    printing its lead: the support, a lead being what a plan merges over a group of tasks
    ("Sở Y tế" leading three, each with its own supports; so every such row of the realdocs
    imitations, 9 of 9); else as its words read (several agencies or a collective: the
    supports; one agency of its own the lead, as the second part of a task sharing its
    supports in real hcm-qd2820 V/1)."""
    if role not in _LEAD_OR_SUPPORT or not names.opens_a_name(text):
        return 0.0
    supports = lead_above or names.reads_as_support(text)
    return _ROLE_LEANING if (role == "support") == supports else 0.0


def _cell_in(cells: list[str], column: int) -> str:
    return cells[column].strip() if column < len(cells) else ""


def _fit(text: str, role: str, names: _Names) -> float:
    """How well a printed cell reads as a cell of a column of this role: 1 for a deadline
    under a deadline or an agency under an agency column, -1 for either in the other's place
    or under the number; a value ("1.250", "≥ 95") 1 under a target or baseline, -1 under the
    name, an agency, a deadline or the number; other words read best under the name, worse
    under an agency, worst under a deadline or the number."""
    if not text.strip() and role in ("lead", "monitor", "name"):
        return -1.0  # a printed empty cell: a task has someone in charge (a merged one is
        # left out, not printed empty) and a name
    if _DEADLINE_LIKE.search(text):
        return 1.0 if role == "deadline" else -1.0 if role in (*AGENCY_ROLES, "number") else 0.0
    if names.opens_a_name(text):
        return 1.0 if role in AGENCY_ROLES else -1.0 if role in ("deadline", "number") else 0.0
    if _VALUE_LIKE.match(text):
        return _VALUE_FIT.get(role, -1.0)
    return _WORDS_FIT.get(role, 0.0)
