"""Interpret: logical table rows → section chain and canonical records.

A document may hold several tables (Phụ lục I and Phụ lục II, each with its own header):
their records come out in order, and when two or more of them are named by an appendix label
every record carries its appendix as its outermost section ("Phụ lục II" / its title), so
keys stay unique. A table with one target column per year ("Năm 2026" … "Năm 2030") gives
one record per row and year, keyed "<row key>@<year>", with that year as its deadline.
"""

from __future__ import annotations

import functools
import weakref
from typing import TYPE_CHECKING

from chitieu.assemble.trace import Trace
from chitieu.core.dataclass import dataclass, field
from chitieu.core.headers import (
    AGENCY_ROLES,
    PERIOD_LABEL,
    header_key,
    start_and_end_columns,
    unit_line,
)
from chitieu.core.heading import appendix_heading
from chitieu.core.lexicon import load_yaml
from chitieu.core.numbering import (
    ARABIC_ONLY,
    DETAIL_LABEL,
    DOTTED_GROUP,
    LETTER_ONLY,
    PART_ONLY,
    ROMAN_ONLY,
)
from chitieu.core.patterns import IGNORECASE, compile_regex, lazy
from chitieu.core.tables import ColumnSpec, LogicalRow, Table
from chitieu.core.text import ascii_fold, clean_text, fold, fold_words, strip_trailing_dot
from chitieu.gazetteer.agencies import Gazetteer, expand_role_marks
from chitieu.models import Agency, Deadline, Record, RecordSource, Section, Target
from chitieu.normalize.deadline import (
    DEADLINE_INVALID_DATE,
    DEADLINE_UNPARSED,
    DEADLINE_YEAR_MISSING,
    counted_from,
    parse_deadline,
)
from chitieu.normalize.target import (
    column_unit_differs,
    find_embedded_target,
    name_unit,
    normalize_unit,
    parse_target,
    split_embedded_target,
)

if TYPE_CHECKING:
    import regex

_EDITOR_NOTE = lazy(compile_regex, r"\[[^\[\]]*\]")
_BULLET = lazy(compile_regex, r"^[-–—+•*]$")
_LOWER_LABEL = lazy(compile_regex, r"^[a-zđ]\)?$")  # "a)", "đ": an item's letter
_FIRST_ITEM = lazy(compile_regex, r"^a\)$")  # the first of a list of lettered items
_DASHES = lazy(compile_regex, r"^[-–—]*$")
_MARK = lazy(compile_regex, r"^[xX✓✔✗•+*vV]$")
_YEAR = lazy(compile_regex, r"(?<!\d)(?:19|20)\d\d(?!\d)")
_CLAUSES = lazy(compile_regex, r"\s*;\s*")
_IMPLEMENTS = lazy(compile_regex, r"\bthực hiện\b")
_ROLE_WORDS = lazy(compile_regex, r"\b(?:chủ trì|phối hợp|theo dõi|thực hiện)\b")
OCR_REPAIRED_AGENCY = "ocr_repaired:agency"
OCR_REPAIR_FACTOR = 0.9  # an OCR-repaired agency cell lowers its agencies' scores by this
_BARE_COUNT = lazy(compile_regex, r"^\d{1,4}$")
# A deadline column counting days, weeks or months ("Số ngày dự kiến"): its cells are durations.
_DURATION_HEADER = lazy(compile_regex, r"^(?:s[ốo]\s+)?(ngày|tuần|tháng)\b", IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Shape:
    """What a row number's form says (each a match of its numbering pattern): found once
    per number text, as the same few numbers open every document's rows."""

    letter: bool   # "B"
    roman: bool    # "IV"
    arabic: bool   # "1", "1.2"
    part: bool     # "PHẦN II"
    dotted: bool   # "I.1"
    bullet: bool   # "-", "•"
    lower: bool    # "a)", "đ"


@functools.lru_cache(maxsize=4096)
def _shape(number: str) -> _Shape:
    return _Shape(letter=bool(LETTER_ONLY.match(number)), roman=bool(ROMAN_ONLY.match(number)),
                  arabic=bool(ARABIC_ONLY.match(number)), part=bool(PART_ONLY.match(number)),
                  dotted=bool(DOTTED_GROUP.match(number)),
                  bullet=bool(number) and bool(_BULLET.match(number)),
                  lower=bool(_LOWER_LABEL.match(number)))


@dataclass(slots=True)
class _SectionLevel:
    style: str
    section: Section
    has_dotted_items: bool = False  # section "1" holds "1.1", "1.2" …

    @property
    def number(self) -> str:
        return self.section.number


class _Keys(set):
    """The keys given so far in a document, and for each key given more than once the last
    "~n" suffix it took: a large document repeats the same keys in every appendix, and
    trying "~2", "~3" … from the start again made the n-th repeat cost n look-ups."""

    def __init__(self) -> None:
        super().__init__()
        self.suffixes: dict[str, int] = {}  # base → n: base~2 … base~n are all taken

    def unique(self, base: str) -> str:
        """`base`, or base~2, base~3 … the first not taken; taken now."""
        key = base
        if key in self:
            duplicate = self.suffixes.get(base, 1)
            while key in self:
                duplicate += 1
                key = f"{base}~{duplicate}"
            self.suffixes[base] = duplicate
        self.add(key)
        return key


@dataclass(slots=True)
class _Context:
    table: Table
    gazetteer: Gazetteer
    stack: list[_SectionLevel] = field(default_factory=list)
    keys: _Keys = field(default_factory=_Keys)
    unnumbered: int = 0
    # the last section row has no record under it yet: the same number again continues it
    section_open: bool = False
    year_targets: list[tuple[int, str]] = field(default_factory=list)  # (column, header)
    issued_on: str | None = None  # the plan's issue date: durations count from it
    level_word: str | None = None  # "tỉnh" / "thành phố": a province's or a city's plan
    national: bool = False  # a ministry's or the Government's plan
    trace: Trace | None = None
    cols: _Columns | None = None  # where the table keeps each value, found once
    # the agencies read from each (cell, role) with this gazetteer (see `_agency_memo`)
    agency_memo: dict[tuple[str, str], tuple[tuple[Agency, ...], tuple[str, ...]]] = field(
        default_factory=dict)


@dataclass(slots=True)
class _Columns:
    """Where a table keeps each kind of value, and what its header says of them: found once
    per table, read by every row (looking the roles up again for each row and each value
    was a fifth of building a record)."""

    number: int | None
    name: tuple[int, ...]
    unit: tuple[int, ...]
    note: tuple[int, ...]
    deadline: tuple[int, ...]
    target: int | None
    baseline: int | None
    agencies: tuple[tuple[int, str], ...]  # (index, role) of each agency column, in order
    values_skip: tuple[int, ...]  # the columns that hold no value of a row
    target_unit: str | None       # the unit printed in a target column's header
    baseline_unit: str | None     # … in a baseline column's, else a target column's
    # a deadline spread over one column per period: (column, its period label) of each
    periods: list[tuple[ColumnSpec, regex.Match[str]]] | None
    start_and_end: bool  # two deadline columns, a time's start and its end

    @classmethod
    def of(cls, table: Table) -> _Columns:
        return cls(
            number=table.index_of("number"), name=table.indexes_of("name"),
            unit=table.indexes_of("unit"), note=table.indexes_of("note"),
            deadline=table.indexes_of("deadline"), target=table.index_of("target"),
            baseline=table.index_of("baseline"),
            agencies=tuple((c.index, c.role) for c in table.columns if c.role in AGENCY_ROLES),
            values_skip=table.indexes_of("number", "name", "note", "unknown"),
            target_unit=_header_unit(table, "target") or _unit_line(table),
            baseline_unit=_header_unit(table, "baseline", "target") or _unit_line(table),
            periods=_period_columns(table),
            start_and_end=start_and_end_columns(
                [table.columns[i].header for i in table.indexes_of("deadline")]))


def build_records(table: Table, gazetteer: Gazetteer, issued_on: str | None = None,
                  trace: Trace | None = None, level: str | None = None,
                  national: bool = False) -> list[Record]:
    """Turn the tables' logical rows into records, tracking the section rows above them.
    `issued_on` is the plan's issue date, from which durations ("Trong 30 ngày") count;
    `trace` collects what each row became (a section, a record and its key); `level` is
    the plan's locality level (a province's bodies are named without their level);
    `national` says a national body issued the plan (its own units are named bare)."""
    keys = _Keys()
    records: list[Record] = []
    tables = table.all_tables
    memo = _agency_memo(gazetteer)
    for part, appendix in zip(tables, _appendix_sections(tables), strict=True):
        ctx = _Context(part, gazetteer, keys=keys, year_targets=_year_target_columns(part),
                       issued_on=issued_on, trace=trace, cols=_Columns.of(part),
                       agency_memo=memo,
                       level_word=level if level in _PROVINCE_LEVELS else None,
                       national=national)
        if appendix is not None:
            ctx.stack.append(_SectionLevel("appendix", appendix))
        records += _table_records(ctx)
    return records


def _table_records(ctx: _Context) -> list[Record]:
    table = ctx.table
    number_col = table.index_of("number")
    items_col = _items_column(table, number_col)
    detail_col = None if items_col is not None else _detail_column(table, number_col)
    _say_unread_columns(ctx, {number_col, items_col})
    if items_col is not None:
        _unsay_read_column(table, items_col)
    records: list[Record] = []
    # each row's number, read once (a row's is also the next number of the row above); an
    # item's in the second numbering column under a "STT" printed over two
    numbers = [_number(row, number_col) or _number(row, items_col)
               for row in table.rows] + [""]
    for position, row in enumerate(table.rows):
        number = numbers[position]
        if detail_col is not None and _group_row(ctx, row, number, detail_col):
            _keep_section_cells(ctx, position, ctx.stack[-1].section, (number_col, detail_col))
            _trace(ctx, row, "section", "a group label in the second numbering column")
            continue
        if _is_section(row, number, table, numbers[position + 1], ctx.stack, ctx.cols):
            title = _section_title(row, table, number)
            _push_section(ctx, number, title)
            _keep_section_cells(ctx, position, Section(number=number, title=title),
                                (number_col,))
            if ctx.trace is not None:
                _trace(ctx, row, "section", " / ".join(
                    f"{lv.number} {lv.section.title or ''}".strip() for lv in ctx.stack))
            continue
        _close_finished_section(ctx, number)
        ctx.section_open = False
        made = _yearly_records(ctx, row, number) if ctx.year_targets else [
            _record(ctx, row, number)]
        if ctx.trace is not None:
            _trace(ctx, row, "record", ", ".join(r.key for r in made))
        records += made
    return records


SECTION_CELL = "section_cell"
COLUMN_UNMAPPED = "column_unmapped"
# roles a record reads from one column only (the first of its role)
_ONE_COLUMN_ROLES = ("number", "target", "baseline")


def _unsay_read_column(table: Table, col: int) -> None:
    """The items' numbers under a "STT" printed over two columns stand in the records: the
    second slot, under no label of its own, is no column left unread."""
    unread = f"{COLUMN_UNMAPPED}:column {col + 1}"
    if unread in table.warnings:
        table.warnings.remove(unread)


def _say_unread_columns(ctx: _Context, numbers: set[int | None]) -> None:
    """A second column of a role a record reads from one column ("Mã số" codes beside the
    "STT", a second baseline) goes into no field: where it holds values the document says
    so (`column_unmapped:<header>`), as for a column of no role, so none vanishes silently.
    The items' numbers under a "STT" over two columns and one target column per year are
    read."""
    table, cols = ctx.table, ctx.cols
    read = {*numbers, cols.target, cols.baseline, *(i for i, _ in ctx.year_targets)}
    for col in table.columns:
        if col.role not in _ONE_COLUMN_ROLES or col.index in read:
            continue
        if any(col.index < len(row.cells) and clean_text(row.cells[col.index])
               for row in table.rows):
            header = clean_text(col.header) or f"column {col.index + 1}"
            warning = f"{COLUMN_UNMAPPED}:{header}"
            if warning not in table.warnings:
                table.warnings.append(warning)
UNIT_WITHOUT_TARGET = "unit_without_target"


def _keep_section_cells(ctx: _Context, position: int, section: Section,
                        skip: tuple[int | None, ...]) -> None:
    """A section row's cells besides its number and title — a note beside the section's
    title, an agency or a deadline printed on its line — are no field of any record: each
    stands in a document warning `section_cell:<column> (<section number>): <text>`, unless
    the row above or below repeats it (a cell merged over the rows, which a reader copies
    into each: the records carry it)."""
    table = ctx.table
    row = table.rows[position]
    near = [table.rows[p].cells for p in (position - 1, position + 1) if 0 <= p < len(table.rows)]
    for i, cell in enumerate(row.cells):
        text = clean_text(cell)
        if not text or i in skip or text in (section.title, section.number) \
                or not _EDITOR_NOTE.sub("", text).strip() \
                or any(i < len(cells) and clean_text(cells[i]) == text for cells in near):
            continue
        header = clean_text(table.columns[i].header) if i < len(table.columns) else ""
        where = f"{header or f'column {i + 1}'}" + (f" ({section.number})"
                                                      if section.number else "")
        table.warnings.append(f"{SECTION_CELL}:{where}: {text}")


def _trace(ctx: _Context, row: LogicalRow, what: str, why: str) -> None:
    if ctx.trace is not None:
        ctx.trace.note(row.pieces[0], what, why)


def _detail_column(table: Table, number_col: int | None) -> int | None:
    """A second numbering column beside the running number ("STT" 1…33, "Chi tiết" 1…12
    with items a), b) …): the column right after the number column, without a role, whose
    filled cells are all numbering labels, groups numbered in digits among them."""
    if number_col is None or number_col + 1 >= len(table.columns):
        return None
    col = number_col + 1
    if table.columns[col].role != "unknown":
        return None
    labels = [strip_trailing_dot(clean_text(row.cells[col])) for row in table.rows]
    labels = [label for label in labels if label]
    if len(labels) < 2 or not all(DETAIL_LABEL.match(label) for label in labels):
        return None
    return col if any(label.isdigit() for label in labels) else None


def _items_column(table: Table, number_col: int | None) -> int | None:
    """The items' own numbers under a "STT" printed over two columns ("I" | "" | group title,
    then "" | "1" | task …, the items numbered again in each group): the column right after
    the number column, without a role (or "STT" again), holding an arabic number on at least
    two rows whose number cell is empty and on such rows nothing else but an item's parts'
    labels ("-", "a)"), while the number column holds only group labels (Roman numerals,
    capital letters), never a row's running number. A group row's own cell there is its
    title's (merged from the second column) or empty. The column is headed by nothing or by
    the number column's own label, and its numbers count 1, 2, … in each group, again from 1
    or running on from the group above: a year column ("Năm": 2026, 2027) or codes are no
    items' numbers."""
    if number_col is None or number_col + 1 >= len(table.columns):
        return None
    col = number_col + 1
    second = table.columns[col]
    if second.role != "unknown" and not (  # "STT" copied into both slots it spans
            second.role == "number" and second.header == table.columns[number_col].header):
        return None
    header = clean_text(second.header).casefold()
    if header not in ("", "stt", "tt", clean_text(table.columns[number_col].header).casefold()):
        return None
    items, last, first, group = 0, 0, True, ""
    for row in table.rows:
        number = _number(row, number_col)
        if number:
            if not _labels_a_group(number, _number(row, col)):
                return None
            first, group = True, number  # a group: its items start again at 1 or run on
            continue
        label = _number(row, col)
        if label:
            shape = _shape(label)
            if not (shape.arabic or shape.bullet or shape.lower):
                return None
            if "." in label:  # "1.2" under the group "1"
                if label.rpartition(".")[0] != group:
                    return None
                items, first = items + 1, False
            elif shape.arabic:
                count = int(label)
                if count != last + 1 and not (first and count == 1):
                    return None
                items, last, first = items + 1, count, False
            elif shape.lower:  # "a)", "b)"
                items += 1
    return col if items >= 2 else None


def _labels_a_group(number: str, beside: str) -> bool:
    """A number cell of a table whose "STT" spans two columns labels a group: a Roman
    numeral or a capital letter, or an arabic number with no label beside it (its title, or
    nothing: the items "1.1", "a)" below it) - a running number beside an item's label ("1"
    | "a)") is a second numbering column's (`_detail_column`)."""
    shape = _shape(number)
    if shape.roman or shape.letter:
        return True
    return shape.arabic and "." not in number and not (
        beside and DETAIL_LABEL.match(beside))


def _group_row(ctx: _Context, row: LogicalRow, number: str, detail_col: int) -> bool:
    """Read a row of a table with two numbering columns. A group label ("1", "2") without a
    running number is a section; a running number beside a group label (a group of one row)
    is a record outside the groups before it. Returns whether the row was a section."""
    label = strip_trailing_dot(clean_text(row.cells[detail_col]))
    if not label.isdigit():
        return False
    del ctx.stack[next((d for d, lv in enumerate(ctx.stack) if lv.style == "detail"),
                       len(ctx.stack)):]
    if number:
        return False
    ctx.stack.append(_SectionLevel("detail", Section(
        number=label, title=clean_text(_name_cell(row, ctx.table)))))
    ctx.unnumbered = 0
    return True


def _appendix_sections(tables: list[Table]) -> list[Section | None]:
    """The outermost section of each table's records: its sheet, when a workbook has several;
    its appendix, when the document holds several appendices."""
    headings = [appendix_heading(t.preamble) for t in tables]
    if len(tables) >= 2 and any(t.name for t in tables):
        # the sheets of a workbook: each sheet is the outermost section of its records
        return [Section(number=t.name, title=title or label or t.name) if t.name else None
                for t, (label, title) in zip(tables, headings, strict=True)]
    labels = {label for label, _ in headings if label}
    if len(tables) < 2 or len(labels) < 2:
        return [None] * len(tables)
    return [Section(number=label, title=title or "") if label else None
            for label, title in headings]


def _year_target_columns(table: Table) -> list[tuple[int, str]]:
    """Target columns that each name one year ("Năm 2026" … "Năm 2030"), if there are
    several."""
    columns = [(c.index, c.header) for c in table.columns if c.role == "target"]
    if len(columns) < 2:
        return []
    years = [_YEAR.findall(header) for _, header in columns]
    if not all(len(found) == 1 for found in years) or len({y[0] for y in years}) != len(years):
        return []
    return columns


def _year_column_deadline(header: str) -> tuple[Deadline | None, list[str]]:
    """The year a target column names ("Năm 2026", "Kế hoạch năm 2026", "Dự toán 2027"), its
    header as printed the deadline's `raw`."""
    deadline, codes = parse_deadline(header)
    if deadline is not None and deadline.kind is not None:
        return deadline, codes
    year, _ = parse_deadline(_YEAR.search(header).group(0))
    return (year.model_copy(update={"raw": header}), []) if year is not None else (None, codes)


def _yearly_records(ctx: _Context, row: LogicalRow, number: str) -> list[Record]:
    """One record per year column holding a value, each with that year as its deadline."""
    base = _unique_key(ctx, number)
    filled = [(i, h) for i, h in ctx.year_targets if clean_text(row.cells[i])]
    if not filled:
        return [_record(ctx, row, number, key=base)]
    records = []
    for index, header in filled:
        key = f"{base}@{_YEAR.search(header).group(0)}"
        ctx.keys.add(key)
        records.append(_record(ctx, row, number, key=key, target_col=index,
                               deadline_raw=clean_text(header)))
    return records


def _close_finished_section(ctx: _Context, number: str) -> None:
    """An item "2" after section "1" and its items "1.1", "1.2" is not inside section "1";
    an item "c)" after sub-sections "a)", "b)" is not inside "b)"."""
    shape = _shape(number)
    if shape.lower:
        letter = number.rstrip(")")
        for depth, level in enumerate(ctx.stack):
            if level.style == "lower" and level.number.rstrip(")") != letter:
                del ctx.stack[depth:]
                return
    if not shape.arabic:
        return
    sibling = f"arabic{number.count('.')}"
    for depth, level in enumerate(ctx.stack):
        if level.style == sibling and number != (at := level.section.number) \
                and not number.startswith(at + ".") and level.has_dotted_items:
            del ctx.stack[depth:]
            return
    for level in ctx.stack:
        if level.style.startswith("arabic") and number.startswith(level.section.number + "."):
            level.has_dotted_items = True


def _number(row: LogicalRow, number_col: int | None) -> str:
    return _number_text(row.cells[number_col]) if number_col is not None else ""


@functools.lru_cache(maxsize=4096)
def _number_text(cell: str) -> str:
    """A number cell as a row number ("1." → "1"): the same few cells in every document."""
    return strip_trailing_dot(clean_text(cell))


def _name_cell(row: LogicalRow, table: Table) -> str:
    name_col = table.index_of("name")
    return row.cells[name_col] if name_col is not None else ""


def _section_title(row: LogicalRow, table: Table, number: str) -> str:
    """A section row's title: its name cell; with that empty, the first other cell that
    holds words (a title printed in a grouping column, "Lĩnh vực" beside "Tên chỉ tiêu":
    "I | KINH TẾ | |"), which would otherwise be lost — not a note, nor an editor's "[…]"."""
    title = clean_text(_name_cell(row, table))
    if title:
        return title
    skip = {table.index_of("number"), *table.indexes_of("note")}
    return next((text for i, cell in enumerate(row.cells)
                 if i not in skip and (text := clean_text(cell)) and text != number
                 and _EDITOR_NOTE.sub("", text).strip()), "")


def _has_values(row: LogicalRow, skip: tuple[int, ...]) -> bool:
    """Anything besides number and name (`skip`): a target, an agency, a deadline, a unit."""
    for i, text in enumerate(row.cells):
        if i in skip or not (text := clean_text(text)):
            continue
        # "[…]" is an editor's note (a redaction, a reviewer's remark), no value of the row
        if "[" not in text or _EDITOR_NOTE.sub("", text).strip():
            return True
    return False


def _only_stray_words(row: LogicalRow, table: Table) -> bool:
    """The row's only values are words without a digit that start in lower case, in its
    deadline column ("năm tiếp theo" spilled from the row above by a page split): no deadline
    of the row's own."""
    deadline = set(table.indexes_of("deadline"))
    skip = table.indexes_of("number", "name", "note", "unknown")
    values = [(i, clean_text(t)) for i, t in enumerate(row.cells) if i not in skip]
    filled = [(i, t) for i, t in values if t]
    return bool(filled) and all(i in deadline and t[:1].islower()
                                and not any(ch.isdigit() for ch in t) for i, t in filled)


def _is_section(row: LogicalRow, number: str, table: Table, next_number: str,
                stack: list[_SectionLevel], cols: _Columns) -> bool:
    shape = _shape(number)
    lettered = shape.letter or shape.roman
    if lettered and _only_stray_words(row, table):
        return True  # "IV. Phát triển nhân lực …" carrying a spilled "năm tiếp theo"
    if _has_values(row, cols.values_skip):
        return False
    if lettered or shape.part or shape.dotted:
        return True
    if shape.arabic:
        # "2. Kinh tế số" with nothing but a title, after a section "1. Chính quyền số", or
        # over the first of its lettered items ("a)"): bold or not (a sheet saved as text)
        sibling = f"arabic{number.count('.')}"
        return (row.bold or next_number.startswith(number + ".")
                or _FIRST_ITEM.match(next_number) is not None
                or any(level.style == sibling for level in stack))
    if shape.lower:
        # "a) Chính quyền số", bold with nothing but a title: a sub-section, as a bold "1."
        return row.bold and bool(clean_text(_name_cell(row, table)))
    return not number and row.bold and bool(clean_text(_name_cell(row, table)))


def _style(number: str, stack: list[_SectionLevel]) -> str:
    if not number:
        return "untitled"
    shape = _shape(number)
    if shape.part:
        return "part:" + fold(number.split()[0])
    if shape.roman and not _follows_letter(number, stack):
        return "roman"
    if shape.letter:
        return "letter"
    if shape.arabic:
        return f"arabic{number.count('.')}"
    if shape.dotted:
        return f"group{number.count('.')}"
    if shape.lower:
        return "lower"
    return "other"


def _follows_letter(number: str, stack: list[_SectionLevel]) -> bool:
    """"I" after a section "H" is a letter, otherwise the roman one."""
    if len(number) != 1:
        return False
    return any(lv.style == "letter" and ord(lv.number) == ord(number) - 1 for lv in stack)


def _push_section(ctx: _Context, number: str, title: str) -> None:
    top = ctx.stack[-1] if ctx.stack else None
    style = _style(number, ctx.stack)
    if ctx.section_open and top is not None and top.number == number and top.style == style:
        # one section row printed over two, its number merged over both ("I" beside "Dữ liệu"
        # and, under it, "Nhóm nhiệm vụ làm sạch dữ liệu"): one title, not the second alone
        if title and title != top.section.title:
            joined = " ".join(t for t in (top.section.title, title) if t)
            top.section = Section(number=number, title=joined)
        return
    ctx.section_open = True
    for depth, level in enumerate(ctx.stack):
        if level.style == style:
            del ctx.stack[depth:]
            break
    ctx.stack.append(_SectionLevel(style, Section(number=number, title=title)))
    ctx.unnumbered = 0


def _unique_key(ctx: _Context, number: str, bullet: bool | None = None) -> str:
    """`bullet`: whether `number` is a bullet, when the caller knows."""
    parts = [n for level in ctx.stack if (n := level.section.number)]
    if bullet is None:
        bullet = _shape(number).bullet
    if number and not bullet:
        parts.append(number)
    else:
        ctx.unnumbered += 1
        parts.append(f"#{ctx.unnumbered}")
    return ctx.keys.unique("/".join(parts))


def _joined(cells: list[str], indexes: tuple[int, ...]) -> str:
    """The cleaned texts of these cells, the filled ones joined by "; "."""
    if len(indexes) == 1:
        return clean_text(cells[indexes[0]])
    return "; ".join(t for t in [clean_text(cells[i]) for i in indexes] if t)


def _raw(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None else ""


_UNIT_LINE_ROWS = 3  # how far above the header a "ĐVT: …" line may stand


def _unit_line(table: Table) -> str | None:
    """The unit a line right over the table prints for all of it ("ĐVT: Triệu đồng")."""
    for row in table.preamble[-_UNIT_LINE_ROWS:]:
        for cell in row.cells:
            unit = unit_line(cell.text)
            if unit:
                return unit
    return None


def _header_unit(table: Table, *roles: str) -> str | None:
    """The unit a value column prints in its header ("Chỉ tiêu năm 2026 (%)")."""
    for role in roles:
        for col in table.columns:
            if col.role == role and col.unit:
                return col.unit
    return None


def _record(ctx: _Context, row: LogicalRow, number: str, *, key: str | None = None,
            target_col: int | None = None, deadline_raw: str | None = None) -> Record:
    table, cols, cells = ctx.table, ctx.cols, row.cells
    warnings = list(row.warnings)
    for piece in row.pieces:
        warnings += piece.warnings
    name = _joined(cells, cols.name)
    unit = _joined(cells, cols.unit) or None
    target_raw = _raw(cells, cols.target if target_col is None else target_col)
    if not clean_text(target_raw):
        name, target_raw = _name_and_target(name, table, cols)
    # the row's own unit (its column, else its name's brackets) before its column header's
    own_unit = unit or name_unit(name)
    target, codes = parse_target(target_raw or None, own_unit or cols.target_unit)
    warnings += codes
    baseline_raw = _raw(cells, cols.baseline)
    if baseline_raw:  # (most tables print no baseline: an empty cell is none, no warning)
        baseline, codes = parse_target(baseline_raw, own_unit or cols.baseline_unit)
        warnings += codes
    else:
        baseline = None
    if unit is not None and target is None and baseline is None:
        # a unit printed for no value ("-" says none): its words would stand nowhere
        if normalize_unit(unit) is not None:
            warnings.append(f"{UNIT_WITHOUT_TARGET}:{unit}")
    elif unit is not None:  # the unit column's words, where the printed unit took its place
        differs = column_unit_differs(unit, target) or column_unit_differs(unit, baseline)
        if differs is not None:
            warnings.append(differs)
    if deadline_raw is None:
        deadline, codes = _deadline(row, table, ctx.issued_on, cols)
    else:
        deadline, codes = _year_column_deadline(deadline_raw)
    warnings += codes
    agencies, codes = _agencies(ctx, row)
    warnings += codes
    if OCR_REPAIRED_AGENCY in warnings:
        agencies = _less_sure(agencies)
    if not name:
        warnings.append("name_missing")
    bullet = _shape(number).bullet
    return Record(
        key=key or _unique_key(ctx, number, bullet),
        number=None if bullet else number or None,
        section=[level.section for level in ctx.stack],
        kind=_kind(name, target),
        name=name,
        target=target,
        baseline=baseline,
        deadline=deadline,
        agencies=agencies,
        note=_note(row, cols) if cols.note else None,
        source=_source(row),
        warnings=_dedupe(warnings),
    )


def _note(row: LogicalRow, cols: _Columns) -> str | None:
    """The row's remark; a cell holding only a dash ("-", "—") says there is none."""
    note = _joined(row.cells, cols.note)
    return None if not note or _DASHES.match(note) else note


def _name_and_target(name: str, table: Table, cols: _Columns) -> tuple[str, str]:
    """A target printed in the name: at its end it is cut off with its lead-in. Where an
    indicator has no target column to go to, one printed anywhere in its text counts too
    ("Kinh tế số chiếm 45% GRDP tỉnh."), and the name stays whole; a task's sentence keeps
    its numbers."""
    name, embedded = split_embedded_target(name)
    if embedded is None and cols.target is None and (
            _lists_indicators(table) or starts_with_measure(name)):
        embedded = find_embedded_target(name)
    return name, embedded or ""


def _lists_indicators(table: Table) -> bool:
    """The name column is headed "Chỉ tiêu" (indicators), not "Nhiệm vụ" or "Nội dung"."""
    index = table.index_of("name")
    return index is not None and "chi tieu" in header_key(table.columns[index].header)


def _deadline(row: LogicalRow, table: Table, issued_on: str | None, cols: _Columns):
    if cols.periods is not None:
        return _marked_periods(row, table, cols.periods)
    if cols.start_and_end:
        return _start_to_end(row, table, issued_on, cols.deadline)
    raw = _joined(row.cells, cols.deadline)
    if not raw:
        return None, []
    return _kept_words(*_read_deadline(raw, table, issued_on), raw)


def _start_to_end(row: LogicalRow, table: Table, issued_on: str | None,
                  columns: tuple[int, ...]) -> tuple[Deadline | None, list[str]]:
    """A time printed as its start and its end ("Bắt đầu" "Quý I/2026" | "Hoàn thành" "Quý
    IV/2027"): from the start's first day to the end's last, one span when both are the same
    ("2026" | "2026"). A start printed alone, or one the end does not follow, says no deadline:
    null, its words kept (never the start read as the deadline)."""
    first, last = (clean_text(row.cells[i]) for i in columns)
    if not last:
        return _kept_words(None, [DEADLINE_UNPARSED], first) if first else (None, [])
    end, codes = _read_deadline(last, table, issued_on)
    if not first or end is None:
        return _kept_words(end, codes, last)
    start, start_codes = _read_deadline(first, table, issued_on)
    raw = f"{first} - {last}"
    if start is None or start.start is None or end.end is None or start.start > end.end:
        return _kept_words(None, [DEADLINE_UNPARSED], raw)
    if (start.kind, start.start, start.end) == (end.kind, end.start, end.end):
        return end, codes
    return Deadline(kind="period", start=start.start, end=end.end, raw=raw), codes + start_codes


# the codes of a deadline left null though its cell was printed
_NULL_DEADLINE = (DEADLINE_UNPARSED, DEADLINE_INVALID_DATE, DEADLINE_YEAR_MISSING)


def _kept_words(deadline: Deadline | None, codes: list[str], words: str
                ) -> tuple[Deadline | None, list[str]]:
    """A deadline cell left null keeps its printed words in its warning
    ("deadline_unparsed:Theo kế hoạch", "deadline_year_missing:Trước 15/10"): the record's
    deadline field holds nothing of them."""
    if deadline is not None or not codes:
        return deadline, codes
    return None, [f"{code}:{words}" if code in _NULL_DEADLINE else code for code in codes]


def _read_deadline(raw: str, table: Table, issued_on: str | None
                   ) -> tuple[Deadline | None, list[str]]:
    if _BARE_COUNT.match(raw):
        unit = _duration_unit(table)
        if unit is not None:
            deadline, codes = parse_deadline(f"{raw} {unit}")
            if deadline is not None:
                deadline = deadline.model_copy(update={"raw": raw})
                return counted_from(deadline, issued_on, f"{raw} {unit}"), codes
    # "Trước 15/10", "Quý IV": a deadline printed without its year is in the one year the
    # appendix's title lines name ("… NĂM 2026"); with none or several it stays null
    deadline, codes = parse_deadline(raw)
    if codes == [DEADLINE_YEAR_MISSING] and (years := _table_years(table)):
        return parse_deadline(raw, year=int(years[0]))
    if deadline is not None and deadline.kind == "duration":  # (counted_from changes no other)
        deadline = counted_from(deadline, issued_on)
    return deadline, codes


def _period_columns(table: Table) -> list[tuple[ColumnSpec, regex.Match[str]]] | None:
    """The deadline columns with the period each stands for ("Quý I" … "Quý IV" under
    "Thời gian thực hiện năm 2026"); None where they are not such a grid."""
    indexes = table.indexes_of("deadline")
    if len(indexes) < 2:
        return None
    columns = [table.columns[i] for i in indexes]
    labels = [PERIOD_LABEL.search(clean_text(c.header)) for c in columns]
    if not all(labels):
        return None
    return list(zip(columns, labels, strict=True))


def _marked_periods(row: LogicalRow, table: Table,
                    periods: list[tuple[ColumnSpec, regex.Match[str]]]
                    ) -> tuple[Deadline | None, list[str]]:
    """A deadline spread over one column per quarter or month (`periods`), the row marking
    its columns with "x": the span from the first marked period to the last, `raw` the
    marked columns' labels."""
    marked = [(col, label) for col, label in periods if clean_text(row.cells[col.index])]
    if not marked:
        return None, []
    if not all(_MARK.match(clean_text(row.cells[col.index])) for col, _ in marked):
        # words, not marks, under the periods: the deadline is null, the words kept
        printed = "; ".join(f"{clean_text(col.header)}: {clean_text(row.cells[col.index])}"
                            for col, _ in marked)
        return _kept_words(None, [DEADLINE_UNPARSED], printed)
    raw = ", ".join(f"{label[1]} {label[2]}" for _, label in marked)
    # the year printed over the grid, else the one year the appendix's title lines name
    # ("TIẾN ĐỘ … NĂM 2026"); with none or several, the marks have no date
    fallback = _table_years(table)
    years = [_YEAR.findall(clean_text(col.header)) or fallback for col, _ in marked]
    if not all(years):
        return _kept_words(None, [DEADLINE_UNPARSED], raw)
    spans = [parse_deadline(f"{label[1]} {label[2]}/{year[-1]}")[0]
             for (_, label), year in zip(marked, years, strict=True)]
    if any(span is None for span in spans):
        return _kept_words(None, [DEADLINE_UNPARSED], raw)
    if len(spans) == 1:
        return spans[0].model_copy(update={"raw": raw}), []
    return Deadline(kind="period", start=spans[0].start, end=spans[-1].end, raw=raw), []


def _table_years(table: Table) -> list[str]:
    years = {y for row in table.preamble for cell in row.cells
             for y in _YEAR.findall(clean_text(cell.text))}
    return sorted(years) if len(years) == 1 else []


def _duration_unit(table: Table) -> str | None:
    for index in table.indexes_of("deadline"):
        match = _DURATION_HEADER.match(clean_text(table.columns[index].header))
        if match:
            return match.group(1).lower()
    return None


def _agencies(ctx: _Context, row: LogicalRow) -> tuple[list[Agency], list[str]]:
    agencies: list[Agency] = []
    warnings: list[str] = []
    memo = ctx.agency_memo
    for index, role in ctx.cols.agencies:
        text = row.cells[index]
        if not clean_text(text):
            continue
        known = memo.get((text, role))
        if known is None:
            if len(memo) >= _AGENCY_MEMO_SIZE:
                memo.clear()
            found, codes = _cell_agencies(ctx.gazetteer, text, role)
            known = memo[text, role] = (tuple(found), tuple(codes))
        found, codes = known
        if ctx.level_word is not None:
            found = tuple(_province_body(ctx.gazetteer, a, ctx.level_word) for a in found)
        elif ctx.national:
            found = tuple(_national_body(ctx.gazetteer, a) for a in found)
            if any(a.id is None for a in found) and "agency_unmatched" not in codes:
                codes = (*codes, "agency_unmatched")
        agencies += found
        warnings += codes
    return agencies, warnings


_PROVINCE_LEVELS = ("tỉnh", "thành phố")
# a commune's body named with its level ("Công an xã", "Đoàn Thanh niên phường")
_COMMUNE_WORD = lazy(compile_regex, r"\b(?:xa|phuong|thi tran|dac khu|co so|thon|ap|ban)\b")


def _province_body(gazetteer: Gazetteer, agency: Agency, level_word: str) -> Agency:
    """In a province's or a city's plan, a body printed without its level ("Đoàn Thanh
    niên", "Hội Nông dân", "UBND") is the province's when the gazetteer names one ("Đoàn
    Thanh niên tỉnh" → Tỉnh đoàn), not the commune's of the same words."""
    entry = gazetteer.entries.get(agency.id) if agency.id else None
    if entry is None or entry.scope != "commune" or _COMMUNE_WORD.search(ascii_fold(agency.raw)):
        return agency
    found = gazetteer.match(f"{agency.raw} {level_word}")
    above = gazetteer.entries.get(found.id) if found.id else None
    if above is None or above.scope != "province" or found.score < 1.0:
        return agency
    return agency.model_copy(update={"id": found.id, "name": found.name})


def _national_body(gazetteer: Gazetteer, agency: Agency) -> Agency:
    """In a national body's plan, a unit printed bare ("Trung tâm Chuyển đổi số") is the
    issuer's own: a province's or a commune's body of like words, matched only with words
    the print lacks (its level dropped), is no match. Matched as printed ("Sở Tài chính",
    "Công an xã") the local body is meant."""
    entry = gazetteer.entries.get(agency.id) if agency.id else None
    if entry is None or entry.scope not in ("province", "commune") or agency.score >= 1.0:
        return agency
    return agency.model_copy(update={"id": None, "name": agency.raw, "score": 0.0})


_AGENCY_MEMOS: weakref.WeakKeyDictionary[Gazetteer, dict] = weakref.WeakKeyDictionary()
_AGENCY_MEMO_SIZE = 16384


def _agency_memo(gazetteer: Gazetteer) -> dict[tuple[str, str], tuple[tuple[Agency, ...],
                                                                       tuple[str, ...]]]:
    """The agencies already read from each (cell, role) with this gazetteer: agency cells
    recur row after row and document after document. The Agency objects are shared, as
    the gazetteer's own are (read-only: `model_copy` to change one); kept while the
    gazetteer lives."""
    memo = _AGENCY_MEMOS.get(gazetteer)
    if memo is None:
        memo = _AGENCY_MEMOS[gazetteer] = {}
    return memo


def _cell_agencies(gazetteer: Gazetteer, text: str, role: str) -> tuple[list[Agency], list[str]]:
    """The agencies of one cell. In a cell where one clause names who presides ("Sở KH&CN
    chủ trì hướng dẫn, tổng hợp; các sở, ngành, UBND cấp xã thực hiện …"), the agencies of
    the other clauses, marked lead only by the words "thực hiện" or by no role words at all
    ("Trường học (chủ trì); Tổ công nghệ số cộng đồng"), support it."""
    text = expand_role_marks(text)
    if ";" not in text or "chủ trì" not in fold(text):
        return gazetteer.agencies(text, role)
    clauses = [c for c in _CLAUSES.split(text) if clean_text(c)]
    agencies: list[Agency] = []
    warnings: list[str] = []
    for clause in clauses:
        found, codes = gazetteer.agencies(clause, role)
        if "chủ trì" not in fold(clause) and (_IMPLEMENTS.search(fold(clause))
                                              or not _ROLE_WORDS.search(fold(clause))):
            found = [a.model_copy(update={"role": "support"}) if a.role == "lead" else a
                     for a in found]
        agencies += found
        warnings += codes
    return agencies, list(dict.fromkeys(warnings))


def _less_sure(agencies: list[Agency]) -> list[Agency]:
    """Agencies of a row whose agency text OCR repair changed: their match is less certain."""
    return [a.model_copy(update={"score": round(a.score * OCR_REPAIR_FACTOR, 4)})
            for a in agencies]


def _source(row: LogicalRow) -> RecordSource:
    if len(row.pieces) == 1:  # most rows: one line of text, no box, no OCR
        piece = row.pieces[0]
        if piece.bbox is None and piece.confidence is None and piece.last_line is not None:
            return RecordSource(page=piece.page, lines=None if piece.first_line is None else
                                [piece.first_line, piece.last_line])
    lines = row.lines
    bbox = row.bbox
    confidences = [p.confidence for p in row.pieces if p.confidence is not None]
    return RecordSource(page=row.page, lines=list(lines) if lines else None,
                        bbox=[round(v, 2) for v in bbox] if bbox else None,
                        ocr_confidence=round(min(confidences), 3) if confidences else None)


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items)) if items else []


# ---------------------------------------------------------------- kind


@functools.cache
def _measure_words() -> tuple[frozenset[str], frozenset[str], int]:
    """The folded measuring nouns, the phrases that only look like one, and how many words
    of a name tell them apart (one more than the longest has)."""
    data = load_yaml("measures.yaml")
    nouns = frozenset(fold(w) for w in data["measuring_nouns"])
    exclusions = frozenset(fold(w) for w in data["not_measuring"])
    return nouns, exclusions, 1 + max(len(w.split(" ")) for w in (*nouns, *exclusions))


@functools.lru_cache(maxsize=8192)
def starts_with_measure(name: str) -> bool:
    """"Tỷ lệ …", "Số sản phẩm …", "Tổng chi …" — but not "Số hóa …", "Tổng hợp …"."""
    nouns, exclusions, words = _measure_words()
    head = fold_words(name, words)  # a phrase of fewer words starts it as it starts the name
    starts = _word_starts(head)
    return exclusions.isdisjoint(starts) and not nouns.isdisjoint(starts)


def _word_starts(text: str) -> set[str]:
    """`text` and each start of it that a space follows: the phrases `w` with `text == w or
    text.startswith(w + " ")`, looked up in a set rather than tried one by one."""
    starts = {text}
    space = text.find(" ")
    while space >= 0:
        starts.add(text[:space])
        space = text.find(" ", space + 1)
    return starts


def _kind(name: str, target: Target | None) -> str:
    return "indicator" if target is not None or starts_with_measure(name) else "task"
