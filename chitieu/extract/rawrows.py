"""Tables as `pdftotext -raw` writes them: row after row, each row's cells in the order they
are drawn, the words of neighbouring cells on one line where their lines share a height.

A PDF's text in its content-stream order keeps a table's rows and its columns' order, but
not where a cell ends: a row reads "2 GRDP bình quân đầu người Triệu đồng 68 67,2 75 Sở Tài
chính Thống kê tỉnh" when its cells hold one line each, and puts a cell wrapped over several
lines ("Sở Nông nghiệp" / "và Môi trường") on lines of its own, the next cell's first line
joined to the last line above it where they are printed level. An empty cell is not written;
a cell merged over several rows only in its first.

The header's words are cut into labels the header vocabulary knows (data/header_roles.yaml);
labels of a second header row under a group label ("Năm 2025" over "Kế hoạch" / "Ước thực
hiện") are told by the body's run of numbers or the row of column numbers. The body is cut
into rows at their numbers, read in sequence ("1", "2" …; sections "I", "A" with a title in
capitals; "-" / "+" items; "Trong đó:"); each row's words are then cut into the columns'
cells in order, the cut that best fits each column's kind (a number, a unit, an agency's
name, a deadline) and the lines' breaks. An empty agency cell of the first agency column
takes the one above (a cell merged down); such a guess is said on the row
(`cell_placement_uncertain:<column>`).
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

from chitieu.core.dataclass import dataclass, field
from chitieu.core.headers import AGENCY_ROLES, header_unit
from chitieu.core.heading import APPENDIX
from chitieu.core.lexicon import load_yaml
from chitieu.core.numbering import ROW_LABEL, SECTION_NUMBER, number_key, successors
from chitieu.core.patterns import IGNORECASE, compile_regex, escape, lazy
from chitieu.core.types import Cell, RawRow
from chitieu.extract.blocks import _reads_as_agency

if TYPE_CHECKING:
    import regex

_MAX_HEADER_LINES = 30
_MAX_LABEL_WORDS = 14
_MIN_COLUMNS = 3
_MIN_ROWS = 2

# a value's cell: a number with its sign or words ("≥ 10,5", "Trên 90", "Tối thiểu 70",
# "100%", "10 - 11", "Giảm 0,5"), never a year alone
_VALUE = lazy(compile_regex,
    r"^(?:(?:[≥≤<>=~]|trên|dưới|tối\s+thiểu|tối\s+đa|khoảng|đạt|từ|giảm|tăng|ít\s+nhất|"
    r"không\s+(?:quá|dưới)|>=|<=)\s*)?[+-]?\d[\d.,]*\s*%?"
    r"(?:\s*[-–÷]\s*\d[\d.,]*\s*%?)?$", IGNORECASE)
_DEADLINE = lazy(compile_regex,
    r"^(?:(?:trước|trong|chậm\s+nhất|từ|đến|hoàn\s+thành)\s+)?(?:"
    r"(?:quý|tháng)\s+[\dIVX]+(?:\s*[/-]\s*\d{4}|\s+năm\s+\d{4})?"
    r"|năm\s+\d{4}(?:\s*[-–]\s*\d{4})?|giai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4}"
    r"|\d{4}\s*[-–]\s*\d{4}|\d{4}"
    r"|(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}"
    r"|\d+\s+(?:ngày|tháng|tuần)(?:\s+kể\s+từ.*)?"
    r"|thường\s+xuyên|hằng\s+(?:năm|quý|tháng|tuần)|hàng\s+(?:năm|quý|tháng|tuần)"
    r"|định\s+kỳ.*|liên\s+tục)$", IGNORECASE)
_DEADLINE_OPENER = lazy(compile_regex, r"^(?:năm|quý|tháng|trước|trong|hằng|hàng|giai|từ)$",
                        IGNORECASE)
_AGENCY_WORD = lazy(compile_regex, r"^(?:Sở|Bộ|UBND|Ủy|Ban|Cục|Vụ|Văn|Trung|Công|Các|Phòng)$")
# the numbering column's label, as printed (not a word the vocabulary reads as one: "Ma")
_NUMBER_LABEL = lazy(compile_regex, r"^(?:s[ốố]\s+)?(?:stt|tt|thứ\s+tự)(?:\s+tt)?$", IGNORECASE)
_PLACEHOLDERS = frozenset({"-", "–", "—", "x", "X"})  # a cell printed as having no value
# a target in words ("Hoàn thành", "Duy trì", "Duy trì hoạt động", "Hoạt động ổn định")
_TEXT_VALUE = lazy(compile_regex,
    r"^(?:(?:hoàn\s+thành|duy\s+trì|giữ\s+ổn\s+định|đạt\s+chuẩn)(?:\s+\p{Ll}+){0,2}"
    r"|(?:hoạt\s+động\s+)?ổn\s+định)$", IGNORECASE)
_COLUMN_NUMBER = lazy(compile_regex, r"^\(?(\d{1,2})\)?$")
_TITLE_WORD = lazy(compile_regex, r"^[\p{Lu}\d(\"“,;:\-–&/]")
_SUB_ITEM = ("-", "+", "–", "*", "•")
_WHOLE_PART = lazy(compile_regex, r"^trong\s+đó\s*:?", IGNORECASE)
_PROSE_END = lazy(compile_regex, r"^(?:nơi\s+nhận|t/m\b|k/t\b|tm\.|kt\.)", IGNORECASE)
_ITEM = lazy(compile_regex, r"^[a-zđ]\)$")
_CODE = lazy(compile_regex, r"^\d{2,6}(?:\.\d{1,4})*$")  # a code column's cell: "0101"


@dataclass
class Header:
    """A header read from words: its rows as the grid a table reader gives, each leaf
    column's role, how many numbering columns open it, the line after it."""
    grid: list[list[str]]
    roles: list[str]
    numbering: int
    end: int
    lines: list[str] = field(default_factory=list)
    code: bool = False  # the second numbering column holds codes ("Mã số": "0101")
    level: bool = False  # two of its labels share a line (no other form prints them so)


# ---------------------------------------------------------------- the header


def header_at(lines: list[str], i: int, role: Callable[[str], str | None]
              ) -> Header | None:
    """The header whose first label (the numbering column's) opens line `i`, when a body
    row follows it; None otherwise."""
    words: list[tuple[str, bool]] = []  # (word, a line ends after it)
    end = None
    for j in range(i, min(len(lines), i + _MAX_HEADER_LINES)):
        if not lines[j]:
            return None  # (`pdftotext -raw` writes no empty line in a table)
        split = lines[j].split(" ")
        if j <= i + 2 and len(words) == 1 and words[0][1] and _split_label(
                words[0][0], split[0], role):
            words[0] = (words[0][0] + split.pop(0), not split)  # "ST" / "T", "S" / "T" / "T"
        elif j > i and _body_starts(lines[j]):
            end = j
            break
        words += [(w, k == len(split) - 1) for k, w in enumerate(split)]
    if end is None or not words:
        return None
    labels = _labels(words, role)
    if labels is None or len(labels) < _MIN_COLUMNS or not _NUMBER_LABEL.match(labels[0]):
        return None
    numbers = _column_numbers(lines[end])
    after = end + 1 if numbers else end
    if after >= len(lines) or not _body_starts(lines[after]):
        return None
    grid = _grid(labels, role, numbers, _value_run(lines, after))
    if grid is None:
        return None
    leaves = grid[-1]
    # a column whose label gives a unit ("Kinh phí (triệu đồng)") holds numbers
    roles = [role(text) or ("amount" if header_unit(text) else _group_role(grid, k, role))
             for k, text in enumerate(leaves)]
    numbering = 1
    if len(roles) > 1 and (roles[1] == "number" or (roles[1] == "unknown" and len(
            leaves[1].split()) <= 2)):
        numbering = 2  # "STT" then "Mã số", "Nhóm", "Chi tiết"
    if numbers:
        grid.append([f"({k + 1})" for k in range(len(leaves))])
    return Header(grid, roles, numbering, after, lines[i:end],
                  code=numbering == 2 and roles[1] == "number", level=_level(labels, words))


def _group_role(grid: list[list[str]], column: int, role: Callable[[str], str | None]
                ) -> str:
    """A column the vocabulary does not name ("2026" under "Mục tiêu từng năm"): its group
    label's role."""
    if len(grid) > 1:
        group = next((t for t in reversed(grid[0][:column + 1]) if t), "")
        if group != grid[-1][column]:
            return role(group) or "unknown"
    return "unknown"


def _level(labels: list[str], words: list[tuple[str, bool]]) -> bool:
    """Whether two labels share a line (printed level, joined by `pdftotext -raw`)."""
    at = 0
    for label, after in pairwise(labels):
        at += len(label.split(" "))
        if not words[at - 1][1] and after[:1].isupper():
            return True
    return False


def _split_label(first: str, second: str, role: Callable[[str], str | None]) -> bool:
    """The numbering column's label wrapped in the middle of its word ("ST" / "T", "S" /
    "T" / "T")."""
    return len(first) <= 2 and len(second) <= 2 and first.isupper() and second.isupper() and (
        role(first + second) == "number" or _NUMBER_LABEL.match(first + second + "T")
        is not None)


def _body_starts(line: str) -> bool:
    """A body's first line: a row's number alone or before its text, a column number row."""
    first = line.split(" ", 1)[0]
    return bool(first) and (number_key(first) is not None or (
        SECTION_NUMBER.match(first) is not None and ROW_LABEL.match(first) is not None)
        or _column_numbers(line) > 0)


def _column_numbers(line: str) -> int:
    """How many column numbers a line holds ("(1) (2) … (7)", "1 2 3 4 5"), at least three."""
    parts = line.split(" ")
    if len(parts) < _MIN_COLUMNS:
        return 0
    for k, part in enumerate(parts):
        found = _COLUMN_NUMBER.match(part)
        if found is None or int(found[1]) != k + 1:
            return 0
    return len(parts)


def _labels(words: list[tuple[str, bool]], role: Callable[[str], str | None]
            ) -> list[str] | None:
    """The header's words cut into labels: the fewest, each a label the vocabulary knows
    (an unknown short one costs more, one opening in lower case more still)."""
    n = len(words)
    best: list[tuple[float, int] | None] = [None] * (n + 1)
    best[0] = (0.0, 0)
    for b in range(1, n + 1):
        for a in range(max(0, b - _MAX_LABEL_WORDS), b):
            if best[a] is None:
                continue
            if _YEAR.fullmatch(words[b - 1][0]) and b - a > 1 and not words[b - 1][1] and (
                    _YEAR.fullmatch(words[b][0])):
                continue  # a year before another on its line: a label of its own each
            text = " ".join(w for w, _ in words[a:b])
            cost = _label_cost(text, role)
            if cost is None:
                continue
            total = best[a][0] + cost
            if best[b] is None or total < best[b][0]:
                best[b] = (total, a)
    if best[n] is None:
        return None
    out = []
    b = n
    while b:
        a = best[b][1]
        out.append(" ".join(w for w, _ in words[a:b]))
        b = a
    return out[::-1]


def _label_cost(text: str, role: Callable[[str], str | None]) -> float | None:
    """A label's cost: one the vocabulary knows gains, an unknown short one costs; none
    where a word after the first opens in a capital (two labels printed level: "TT
    Nhiệm vụ", "Năm 2025 Năm 2026"; an abbreviation in capitals may go on one: "Stt TT")."""
    words = text.split(" ")
    if any(w[:1].isupper() and not (w.isupper() and len(w) <= 4) for w in words[1:]) or len(
            _YEAR.findall(text)) > 1:
        return None  # (two years: two columns' labels, "2026 2027")
    if role(text) is not None:
        cost = -1.0
    elif len(words) > 4 or any(c.isdigit() for c in _YEAR.sub("", text)):
        return None
    else:
        cost = 1.5
    if text[:1].islower():
        cost += 3.0
    return cost


_YEAR = lazy(compile_regex, r"\b(?:19|20)\d\d\b")


_SINGLE_ROLES = frozenset({"lead", "support", "monitor", "deadline", "name", "unit"})
_GROUP_FAMILIES = ("agency", "value", "unknown")


def _family(role: str | None) -> str:
    if role in AGENCY_ROLES:
        return "agency"
    if role in ("target", "baseline"):
        return "value"
    return role or "unknown"


# a label over a group of columns, naming no column's kind of its own: "Năm 2025", "Cơ quan
# thực hiện", "Mục tiêu từng năm", "Kế hoạch các năm" (not "Kế hoạch năm 2026")
_OWN_KIND = lazy(compile_regex, r"^(?:năm|giai\s+đoạn|phân\s+công)\b|thực\s+hiện$|"
                                r"\b(?:từng|các|hằng|theo)\s+năm\b", IGNORECASE)


def _grid(labels: list[str], role: Callable[[str], str | None], numbers: int,
          values: int) -> list[list[str]] | None:
    """The labels as one header row, or as two: the first row's labels, some of them
    over a run of the second's (a group: "Năm 2025" over "Kế hoạch" / "Ước thực hiện",
    "Cơ quan thực hiện" over "Chủ trì" / "Phối hợp"). The reading whose columns the row of
    column numbers, else the body's run of numbers, counts; else the one whose groups are
    labels naming no kind of their own ("Năm 2025", "Cơ quan thực hiện")."""
    families = [_family(role(t)) for t in labels]
    # a label the vocabulary does not know may stand over others only with a year
    # ("Năm hiện hành 2025"); "Nhóm", "Chi tiết" are columns of their own
    families = ["other" if f == "unknown" and not _YEAR.search(t) else f
                for f, t in zip(families, labels, strict=True)]
    best: tuple[float, list[list[str]]] | None = None
    for split in range(len(labels), 2, -1):
        subs = labels[split:]
        for spans in _spans(families[:split], families[split:]):
            leaves = sum(1 for s in spans if s == 0) + len(subs)
            value_leaves = sum(1 for k, s in enumerate(spans) if s == 0
                               and families[k] == "value") + sum(
                1 for f in families[split:] if f == "value")
            cost = 0.0
            if numbers:
                cost += 0 if leaves == numbers else 50
            elif values:
                cost += 0 if value_leaves == values else 20
            groups = [k for k, s in enumerate(spans) if s]
            # two columns of one role are rare ("Cơ quan thực hiện" and "Chủ trì" both leads:
            # the first stands over the second)
            own = [role(t) for k, t in enumerate(labels[:split]) if not spans[k]] + [
                role(t) for t in subs]
            cost += sum(own.count(r) - 1 for r in set(own) if r in _SINGLE_ROLES)
            cost += 0.1 * split + 0.5 * sum(1 for s in spans if s)
            # (a tie: the earlier group spans more, "Năm 2025" over "Kế hoạch" / "Ước thực
            # hiện" before "Năm 2026" over "Kế hoạch")
            cost += 0.01 * sum(k * s for k, s in enumerate(spans))
            # a label with a year naming no kind ("Năm hiện hành 2025") stands over others
            cost += sum(1.0 for k, s in enumerate(spans) if not s and (
                families[k] == "unknown" or (_OWN_KIND.search(labels[k]) and not _YEAR.search(
                    labels[k]) and families[k] in _GROUP_FAMILIES)))
            # a label naming its column's year and kind ("Kế hoạch năm 2026") stands over none
            cost += sum(3 for k in groups if _YEAR.search(labels[k]) and not (
                _OWN_KIND.search(labels[k]) or families[k] == "unknown"))
            first, below = [], []
            at = split
            for k, span in enumerate(spans):
                if span == 0:
                    first.append(labels[k])
                    below.append(labels[k])
                    continue
                first += [labels[k]] + [""] * (span - 1)
                below += labels[at:at + span]
                # a year under a group's year ("Năm 2026" under "Năm hiện hành 2025") is no
                # column of that group but one of the first row merged down
                if _YEAR.search(labels[k]):
                    cost += sum(1.0 for t in labels[at:at + span] if _YEAR.search(t))
                at += span
            grid = [first, below] if subs else [first]
            if best is None or cost < best[0]:
                best = (cost, grid)
    return best[1] if best is not None else None


def _spans(first: list[str], second: list[str]) -> list[list[int]]:
    """Each way the second row's labels (their families) fall under groups of the first
    row's: how many each first-row label spans (0: a column of its own)."""
    out: list[list[int]] = []

    def walk(k: int, at: int, spans: list[int]) -> None:
        if len(out) > 200:
            return
        if k == len(first):
            if at == len(second):
                out.append(list(spans))
            return
        walk(k + 1, at, [*spans, 0])
        if first[k] in _GROUP_FAMILIES:
            for run in range(1, len(second) - at + 1):
                if any(f != first[k] and first[k] != "unknown" and not (
                        f == "unknown" and first[k] == "value") for f in second[at:at + run]):
                    break  # (a year's column under a values' group, never an agency's)
                walk(k + 1, at + run, [*spans, run])

    walk(0, 0, [])
    return out


def wrapped(lines: list[str], header: Header) -> bool:
    """Whether the header's labels and its body's cells wrap at their columns' widths, as
    a PDF prints them: a label over two lines ("Cơ quan chủ" / "trì") and body lines going
    on in lower case from the line above ("kết nối với cơ" / "sở dữ liệu …"). (A DOCX
    saved as text writes each cell whole on a line.)"""
    if len(header.lines) <= sum(1 for label in header.grid[-1] if label):
        return False
    body = lines[header.end:header.end + _WRAP_LOOK]
    return sum(1 for line in body if line[:1].islower()) >= _WRAPPED_LINES


_WRAP_LOOK = 40  # body lines looked at for wrapped cells
_WRAPPED_LINES = 3  # lines going on in lower case among them: a PDF's wrapped cells


def values_level(lines: list[str], start: int) -> bool:
    """Whether two values print level on one line in the body's first rows (two cells on a
    line: no cell-a-line text writes them so)."""
    return _value_run(lines, start, 30) >= 2


def _value_run(lines: list[str], start: int, reach: int = 60) -> int:
    """The longest run of values printed level on one line in the body's first rows (the
    number of value columns, where every one is filled)."""
    longest = 0
    for line in lines[start:start + reach]:
        run = 0
        words = line.split(" ")
        k = 0
        while k < len(words):
            step = _value_at(words, k)
            if step:
                run += 1
                longest = max(longest, run)
                k += step
            else:
                run = 0
                k += 1
    return longest


def _value_at(words: list[str], k: int) -> int:
    """How many words from `k` make one value ("≥ 10,5" two, "12,3" one); 0 for none."""
    for size in (1, 2, 3):
        text = " ".join(words[k:k + size])
        if k + size <= len(words) and _VALUE.match(text) and any(c.isdigit() for c in
                                                                   words[k + size - 1]):
            if size == 1 and len(words[k]) == 4 and words[k].isdigit() and (
                    words[k].startswith(("19", "20"))):
                return 0  # a year
            return size
    return 0


# ---------------------------------------------------------------- the body


@dataclass
class _Row:
    kind: str  # "item", "section", "group", "sub", "part"
    numbers: list[str]
    lines: list[list[str]]  # each line's words after the row's numbers
    first: int
    last: int
    # where a page break split the row (its lines before each): the cells go on under the
    # header printed again, each part of the row's cells in their columns' order
    pages: list[int] = field(default_factory=list)


def read_table(lines: list[str], header: Header, known: Callable[[str], float],
               number: int, first_line: int) -> tuple[list[RawRow], int]:
    """The table under `header`, its rows marked as table `number`; the line after it."""
    width = len(header.roles)
    out = [RawRow([Cell(t) for t in row], first_line + 1, header.end, table=number)
           for row in header.grid]
    table, end = _rows(lines, header, known)
    cut_roles = header.roles[header.numbering:]
    # of two names' columns the first groups the rows ("Lĩnh vực" before "Nhiệm vụ"): its
    # cell merged down the group, empty in the rows under the first
    names = [k for k, r in enumerate(cut_roles) if r == "name"]
    cut_roles = ["group" if k in names[:-1] else r for k, r in enumerate(cut_roles)]
    agencies = [k for k, r in enumerate(cut_roles) if r in AGENCY_ROLES]
    cuts = [None if row.kind in ("section", "group") else _cut_pages(row, cut_roles, known)
            for row in table]
    # where nearly every row fills its first two agency columns, a row filling only the
    # first has its first agency merged down from the row above (written once, in the
    # first row it spans), its own name the second's
    pairs = agencies[:2] if len(agencies) >= 2 else []
    items = [c for c, row in zip(cuts, table, strict=True) if c is not None and row.kind == "item"]
    both = sum(1 for c in items if pairs and c[pairs[0]] and c[pairs[1]])
    # (a task list's lead, merged over its group of tasks; not an indicator table's)
    shift = bool(pairs) and len(items) >= _MIN_ROWS and both >= _BOTH_SHARE * len(items) and (
        not any(_kind(r) == "value" for r in cut_roles))
    above: list[str] | None = None
    parent: list[str] | None = None
    monitor = next((k for k in agencies[1:] if cut_roles[k] == "monitor"), None)
    deadline = _merged_deadline(cut_roles, items)
    for at, (row, cut) in enumerate(zip(table, cuts, strict=True)):
        if row.kind in ("section", "group"):
            title = " ".join(" ".join(words) for words in row.lines if words)
            cells = ([""] if row.kind == "group" else []) + [row.numbers[0], title]
            out.append(RawRow([Cell(t) for t in cells + [""] * (width - len(cells))],
                              row.first + 1, row.last + 1, table=number))
            above = parent = None
            continue
        cells = list(cut)
        warnings: list[str] = []
        agency = agencies[0] if agencies else None
        if _heads_items(table, at):
            # "2 Phát triển nguồn nhân lực" over "2.1", "2.2": a group's title, no task
            out.append(RawRow([Cell(t) for t in row.numbers[:header.numbering] + [""] * (
                header.numbering - len(row.numbers[:header.numbering])) + cells],
                row.first + 1, row.last + 1, table=number))
            above = parent = None
            continue
        if shift and row.kind == "item" and above is not None and above[pairs[0]] and (
                cells[pairs[0]] and not cells[pairs[1]] and cells[pairs[0]] != above[pairs[0]]
                ) and _supports_only(cut, items, pairs):
            cells[pairs[1]], cells[pairs[0]] = cells[pairs[0]], ""
        if row.kind in ("sub", "part") and parent is not None:
            # a part naming no agency: the parent's cells merged down over it (a guess, said);
            # one naming its own keeps its empty cells empty
            if not any(cells[k] for k in agencies):
                for k in agencies:
                    if parent[k]:
                        cells[k] = parent[k]
                        warnings.append(f"cell_placement_uncertain:{cut_roles[k]}")
        elif agency is not None and not cells[agency] and above is not None and above[agency]:
            cells[agency] = above[agency]  # a cell merged down from the row above
            warnings.append(f"cell_placement_uncertain:{cut_roles[agency]}")
        if row.kind == "item" and monitor is not None and not cells[monitor] and (
                above is not None and above[monitor]):
            # a monitor column's cell merged down a group of rows (written once, in its first)
            cells[monitor] = above[monitor]
            warnings.append(f"cell_placement_uncertain:{cut_roles[monitor]}")
        elif pairs and row.kind == "item" and above is not None and above[pairs[0]] and (
                cells[pairs[0]] and not cells[pairs[1]] and both):
            # one agency under a row with a lead, in a table whose rows name two: its own
            # lead, or a support under the lead above merged down (written once) — the text
            # does not tell (review r2 R3)
            warnings.append(f"cell_placement_uncertain:{cut_roles[pairs[0]]}")
        if deadline is not None and row.kind == "item" and not cells[deadline] and (
                above is not None and above[deadline]):
            # a deadline merged down a group of rows, written once (in its first)
            cells[deadline] = above[deadline]
            warnings.append(f"cell_placement_uncertain:{cut_roles[deadline]}")
        warnings += [f"cell_placement_uncertain:{r}" for r in _values_guessed(cells, cut_roles)]
        numbers = row.numbers + [""] * (header.numbering - len(row.numbers))
        raw = RawRow([Cell(t) for t in numbers[:header.numbering] + cells], row.first + 1,
                     row.last + 1, table=number)
        if warnings:
            raw.warnings.extend(warnings)
        out.append(raw)
        if row.kind == "item":
            above = parent = cells
    return out, end


def _merged_deadline(roles: list[str], rows: list[list[str]]) -> int | None:
    """The deadline column, where nearly every row fills it: a row without one under a row
    with one has it merged down (`pdftotext -raw` writes a merged cell once, in its first
    row, and no empty cell). None where empty deadlines are common (or no column)."""
    if "deadline" not in roles or len(rows) < _MERGE_EVIDENCE_ROWS:
        return None
    column = roles.index("deadline")
    filled = sum(1 for row in rows if row[column])
    return column if filled >= _DEADLINES_SHARE * len(rows) else None


def _supports_only(cells: list[str], rows: list[list[str]], pairs: list[int]) -> bool:
    """Whether the table's other rows print the lone agency of `cells` (in the lead's
    column) as a support and never as a lead: the evidence that it is a support under a
    lead merged down. Without it the agency stays where it was printed, the lead's column
    (the text does not tell; said on the row)."""
    agency = cells[pairs[0]]
    others = [row for row in rows if row is not cells]
    return all(row[pairs[0]] != agency for row in others) and any(
        agency in row[pairs[1]].split("; ") for row in others)


def _values_guessed(cells: list[str], roles: list[str]) -> list[str]:
    """The value columns a row's cells fill after an empty one: with fewer values than value
    columns, which is the empty one `pdftotext -raw` does not write ("12 15" under "Kế hoạch
    2025", "Ước thực hiện 2025", "Kế hoạch 2026"), so where each value went is a guess."""
    out = []
    empty = False
    for text, role in zip(cells, roles, strict=True):
        if _kind(role) != "value":
            continue
        if not text:
            empty = True
        elif empty:
            out.append(role)
    return out


def _cut_pages(row: _Row, roles: list[str], known: Callable[[str], float]) -> list[str]:
    """A row's cells (`_cut`), a row split by a page break cut part by part: on the next
    page its cells go on, each column's under the header printed again ("… của các bộ," /
    the header / "ngành trung ương …"), joined to the part above column by column."""
    bounds = [0, *row.pages, len(row.lines)]
    parts = [row.lines[a:b] for a, b in pairwise(bounds) if any(row.lines[a:b])]
    if len(parts) < 2:
        return _cut(row.lines, roles, known)
    cells = _cut(parts[0], roles, known)
    for part in parts[1:]:
        cells = [" ".join(t for t in pair if t) for pair in zip(
            cells, _cut(part, roles, known), strict=True)]
    return cells


def _heads_items(table: list[_Row], at: int) -> bool:
    """Whether row `at` heads the rows after it: the next numbers its first item ("2" then
    "2.1")."""
    if at + 1 >= len(table) or table[at].kind != "item" or table[at + 1].kind != "item":
        return False
    key, after = number_key(table[at].numbers[0]), number_key(table[at + 1].numbers[0])
    return key is not None and after == (*key, 1)


def _rows(lines: list[str], header: Header, known: Callable[[str], float] | None = None
          ) -> tuple[list[_Row], int]:
    """The body's rows from the header's end, and the line after the table. (`known`: how
    surely a text is an agency the known names hold.)"""
    rows: list[_Row] = []
    last_item: tuple[int, ...] | None = None
    sections: dict[str, str] = {}  # the last section's number of each kind ("A", "I")
    last_group: tuple[int, ...] | None = None
    paired = header.numbering == 2
    i = header.end
    while i < len(lines):
        line = lines[i]
        if not line:
            i += 1
            continue
        # (the next page's number, alone over the header printed again)
        page_number = line.isdigit() and _repeated_header(lines, i + 1, header)
        repeat = _repeated_header(lines, i, header) or (page_number and page_number + 1)
        if repeat:
            if rows:
                rows[-1].pages.append(len(rows[-1].lines))
            i += repeat
            continue
        if rows and _ends_table(line, rows):
            break
        words = line.split(" ")
        head = words[0]
        started: _Row | None = None
        key = number_key(head)
        if key is None and head.isdigit() and last_item is not None and (
                (int(head),) in successors(last_item)):
            key = (int(head),)  # row 1000 and on (a number of four digits is else a year)
        if paired and key is not None and len(words) > 1 and (
                _ITEM.match(words[1]) or (header.code and _CODE.match(words[1]))) and (
                last_item is None or key in successors(last_item) or key == (1,)):
            started = _Row("item", [head, words[1]], [words[2:]], i, i)
            last_item = key
        elif paired and not header.code and key is not None and len(words) > 1 and not (
                _ITEM.match(words[1])) and (
                _TITLE_WORD.match(words[1]) and (last_group is None or key in successors(
                    last_group) or key == (1,))) and (last_item is None or key not in
                                                       successors(last_item) or _next_is_item(
                                                           lines, i)):
            started = _Row("group", [head], [words[1:]], i, i)
            last_group = key
        elif key is not None and len(head) <= 4 and (
                last_item is None or key in successors(last_item)
                or (key == (1,) and rows and rows[-1].kind == "section")) and (
                not paired or len(words) == 1):
            started = _Row("item", [head], [words[1:]], i, i)
            last_item = key
        elif SECTION_NUMBER.match(head) and (
                _title(words[1:]) if len(words) > 1 else i + 1 < len(lines)
                and _capitals(lines[i + 1].split(" "))) and _next_section(sections, head):
            # (a section's number alone, its title in capitals on the lines under it)
            started = _Row("section", [head.rstrip(".")], [words[1:]], i, i)
        elif head in _SUB_ITEM and rows and (len(words) > 1 or _opens_a_name(
                lines, i + 1)) and not _dash_goes_on(
                rows[-1], words, known) and not _bullet_in_cell(rows[-1], words):
            # (a dash alone on its line: the part's number cell, its cells on the next line)
            started = _Row("sub", [head], [words[1:]], i, i)
        elif _WHOLE_PART.match(line) and rows:
            started = _Row("part", [""], [words], i, i)
        if started is not None:
            rows.append(started)
        elif rows:
            rows[-1].lines.append(words)
            rows[-1].last = i
        else:
            break
        i += 1
    return [r for r in rows if r.kind != "part" or r.lines], i


def _dash_goes_on(row: _Row, words: list[str], known: Callable[[str], float] | None
                  ) -> bool:
    """Whether a line opening with a dash goes on an agency's name the line above opened,
    wrapped before its dash ("Phòng Văn hóa" / "- Xã hội"): the two read as a name the
    known names hold. Not a "-" part of the row (few words, the joined name known)."""
    above = row.lines[-1] if row.lines else []
    if known is None or not above or not 1 < len(words) <= _DASH_REST_WORDS:
        return False  # (a dash alone on its line goes on nothing: a part's number cell)
    return any(opens_agency(" ".join(above[k:])) and known(" ".join(above[k:] + words))
               >= _KNOWN for k in range(max(0, len(above) - _DASH_REST_WORDS), len(above)))


_DASH_REST_WORDS = 5  # an agency's name's words on either side of a dash it wraps at


def _bullet_in_cell(row: _Row, words: list[str]) -> bool:
    """Whether a "-" line is a bullet of the row's own cell: the row a numbered one whose
    last line so far ends a list's lead-in or one of its items ("Tổ chức tập huấn:" / "- Cho
    cán bộ xã;" / "- Cho Tổ công nghệ số."), the line carrying no other column's cell (no
    deadline, no agency's name after its text: then it is a "-" part, review r2 G7)."""
    if not (row.kind == "item" and row.lines and row.lines[-1]
            and row.lines[-1][-1].endswith((":", ";"))):
        return False
    return not (_DEADLINE.search(" ".join(words)) or any(
        _head_at(words, k) for k in range(2, len(words))))


def _opens_a_name(lines: list[str], i: int) -> bool:
    """Whether line `i` opens a part's name after a dash alone on the line above: a
    capitalised word that is no figure, no deadline and no agency's head ("Trạm 5G …"); a
    figure, a row's number or an agency after a dash alone say the dash is an empty cell's
    placeholder (review r2 G12)."""
    first = lines[i].split(" ") if i < len(lines) and lines[i] else []
    return bool(first) and first[0][:1].isupper() and not (
        _VALUE.match(first[0]) or _DEADLINE.match(lines[i]) or _head_at(first, 0))


def _next_is_item(lines: list[str], i: int) -> bool:
    nxt = lines[i + 1].split(" ") if i + 1 < len(lines) else []
    return len(nxt) > 1 and number_key(nxt[0]) is not None and bool(_ITEM.match(nxt[1]))


def _capitals(words: list[str]) -> bool:
    letters = [c for c in " ".join(words) if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _title(words: list[str]) -> bool:
    """A section's title after its number: in capitals, or opening in one with no value."""
    return _capitals(words) or (bool(words) and words[0][:1].isupper() and not any(
        _VALUE.match(w) for w in words))


def _next_section(sections: dict[str, str], head: str) -> bool:
    """Whether `head` numbers the next section of its kind (letters "A", "B" …; Roman "I",
    "II" …; a letter section starts its Roman ones anew), noting it."""
    from chitieu.core.letterhead import roman_heading

    head = head.rstrip(".")
    value = roman_heading(f"{head}. X") if set(head) <= set("IVXLC") else None
    letter = sections.get("letter")
    letter_next = len(head) == 1 and (ord(head) == ord(letter) + 1 if letter else True)
    roman_next = value is not None and value == (
        roman_heading(f"{sections['roman']}. X") + 1 if sections.get("roman") else 1)
    # "C" after "B": the letters' next, no Roman hundred ("I" under a letter, "V" after "IV":
    # a Roman run's own next comes first; a first "C" or "L" is a letter, no Roman 100 or 50)
    kind = "letter" if value is None or (not roman_next and (
        (letter is not None and letter_next) or (head in ("C", "L") and not sections))
    ) else "roman"
    last = sections.get(kind)
    if kind == "roman":
        ok = roman_next
        if not ok and last is None and "letter" not in sections:
            ok = True  # a table may open on a later section (its first part elsewhere)
    else:
        ok = letter_next
    if ok:
        sections[kind] = head
        if kind == "letter":
            sections.pop("roman", None)
    return ok


def _repeated_header(lines: list[str], i: int, header: Header) -> int:
    """How many lines from `i` repeat the header (printed again on a new page), with its
    row of column numbers; 0 when they do not."""
    size = len(header.lines)
    if not size or lines[i:i + size] != header.lines:
        return 0
    if i + size < len(lines) and _column_numbers(lines[i + size]):
        return size + 1
    return size


def _ends_table(line: str, rows: list[_Row]) -> bool:
    """The text after the table: the plan's next heading ("III. TỔ CHỨC THỰC HIỆN"), the
    recipients, a signature, the next appendix."""
    if _PROSE_END.match(line) or (APPENDIX.match(line) and len(line) < 40):
        return True
    head = line.split(" ", 1)[0]
    return head.endswith(".") and SECTION_NUMBER.match(head) is not None and len(
        head) > 2 and not any(r.kind == "section" for r in rows)


# ---------------------------------------------------------------- a row's cells


@functools.cache
def agency_start() -> regex.Pattern:
    """The openings of bodies' names a header's left column knows ("Văn phòng", "Trung tâm",
    "Công an" …, data/letterhead.yaml), an agency's first words in a cell."""
    heads = sorted(set(load_yaml("letterhead.yaml")["bodies"].values()), key=len, reverse=True)
    return compile_regex(r"^(?:" + "|".join(escape(h) for h in heads) + r")\b",
                         IGNORECASE)


def opens_agency(text: str) -> bool:
    """A cell's text opening as an agency's name does, by its first words or its look."""
    return bool(agency_start().match(text) or _reads_as_agency(text))




@functools.cache
def _agency_heads() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]], int]:
    """The heads an agency's name opens with (data/agency_words.yaml) as folded word
    tuples: those that are one in any case ("Kho bạc", "Công an", "UBND", "Các"), those that
    are one only with a capital ("Cục", "Vụ", "Sở"), and the most words one has."""
    data = load_yaml("agency_words.yaml")

    def folded(name: str) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(str(h).lower().split()) for h in data.get(name, []))

    heads, capitalized = folded("heads"), folded("capitalized_heads")
    return heads, capitalized, max(len(h) for h in heads | capitalized)


# words a name's phrase cannot end with
_OPEN_END_WORDS = frozenset({"của", "các", "và", "cho", "với", "về", "tại", "trên", "theo",
                             "những", "được", "để", "từ", "gửi"})
_HYPHEN_WRAPPED = lazy(compile_regex, r"\w-$")  # "HĐND-": a word its line cut at its hyphen
# one-word heads opening a name with no capital after them ("Các sở, ban, ngành"); other
# one-word heads need one ("Báo Nhân Dân", not "Báo cáo"; "Quỹ Đầu tư", "Trạm Y tế")
_OPEN_HEADS = frozenset({("các",)})
# words after which a head goes on the name it is in ("Sở Khoa học và Công nghệ", "Văn phòng
# Đoàn ĐBQH và HĐND tỉnh", "Văn phòng Điều phối nông thôn mới - Trung ương")
_NAME_GOES_ON = frozenset({"và", "của", "thuộc", "với", "về", "-", "–", "&"})


def _head_at(words: list[str], k: int) -> int:
    """How many words a head opening an agency's name at `k` takes, by the names' grammar: a
    head printed with a capital — one of several words or in capitals ("Công an tỉnh",
    "Bảo hiểm xã hội", "UBND các xã", "Các sở"), or another with a word of the name's own
    with a capital after it ("Cục Thuế", "Vụ Pháp chế", "Báo Nhân Dân"; not "Bộ đội",
    "Báo cáo"). 0 when no name opens at `k`."""
    role = _role_label(words, k)
    if role:
        return role
    if not words[k][:1].isupper():
        return 0
    heads, capitalized, most = _agency_heads()
    for size in range(min(most, len(words) - k), 0, -1):
        key = tuple(w.lower().rstrip(",;") for w in words[k:k + size])
        if key in heads and (size > 1 or words[k].isupper() or key in _OPEN_HEADS):
            return size
        if key in heads or key in capitalized:
            after = words[k + size] if k + size < len(words) else ""
            return size if after[:1].isupper() and after[:1].isalpha() else 0
    return 0


def _role_label(words: list[str], k: int) -> int:
    """How many words a role's label with its colon takes at `k` ("Chủ trì:", "phối hợp:":
    an agency cell saying who leads and who supports, data/agency_words.yaml role_marks);
    0 when none opens there."""
    for size in range(1, _ROLE_LABEL_WORDS + 1):
        if k + size <= len(words) and words[k + size - 1].endswith(":"):
            label = " ".join(words[k:k + size]).rstrip(":").lower()
            return size if label in _role_labels() else 0
    return 0


_ROLE_LABEL_WORDS = 3  # "phối hợp thực hiện:"


@functools.cache
def _role_labels() -> frozenset[str]:
    return frozenset(str(mark).lower() for mark in load_yaml("agency_words.yaml")["role_marks"])


def agency_starts(words: list[str], heads: list[int] | None = None) -> list[int]:
    """Where a name of one agency ends and the next begins among an agency cell's words
    written with no separator between ("Cục Đăng kiểm Việt Nam Cục Đường bộ Việt Nam",
    "Sở Nội vụ Sở Văn hóa, Thể thao và Du lịch"): at a head (`_head_at`; `heads`: each
    word's, when known) after a name that has words of its own past its head, not after a
    word that goes on a name ("và", "của" …) nor after a separator already printed, nor at
    the parent body named after a body's unit ("Phòng Cảnh sát giao thông Công an tỉnh")."""
    return _name_parts(words, heads)[0]


def _name_parts(words: list[str], heads: list[int] | None = None
                ) -> tuple[list[int], tuple[str, ...] | None]:
    """`agency_starts`, and the head of the last name where it is a body's unit whose parent
    body has not been named yet ("Phòng Cảnh sát giao thông": "Công an tỉnh" may follow),
    else None."""
    if heads is None:
        heads = [_head_at(words, k) for k in range(len(words))]
    units, parents, levels = _unit_heads()
    out = []
    start = _role_label(words, 0) if words else 0  # ("Chủ trì: Văn phòng …": the name after)
    own = heads[start] if start < len(words) else 0
    unit = _unit_at(words, start, units)
    for k in range(1, len(words)):
        before = words[k - 1]
        if before.endswith((";", ",")) or (k == start and start):
            start = k + _role_label(words, k)
            own = heads[start] if start < len(words) else 0
            unit = _unit_at(words, start, units)
            continue
        if k < start:
            continue
        size = heads[k]
        if unit and words[k].islower() and _opens_with(words, k, levels):
            unit = None  # named with its place ("Thanh tra tỉnh"): a body of its own
        if size and unit and _opens_parent(words, k, parents, unit):
            unit = None  # its parent body, which a unit has one of ("UBND các xã" is none)
            continue
        if size and k - start > max(own, 1) and before.lower() not in _NAME_GOES_ON:
            out.append(k)
            start, own = k, size
            unit = _unit_at(words, k, units)
    return out, unit


def _unit_at(words: list[str], k: int, units: frozenset[tuple[str, ...]]
             ) -> tuple[str, ...] | None:
    """The unit's head a name opens with at `k` ("phòng", "văn phòng"), None for none."""
    return max((h for h in units if tuple(w.lower() for w in words[k:k + len(h)]) == h),
               key=len, default=None)


@functools.cache
def _unit_heads() -> tuple[frozenset[tuple[str, ...]], ...]:
    """The heads of a body's units, of the parent bodies named after them, and the level
    words that end a body's name with its place, as folded word tuples
    (data/agency_words.yaml unit_heads, unit_parent_heads, level_words)."""
    data = load_yaml("agency_words.yaml")
    return tuple(frozenset(tuple(str(h).lower().split()) for h in data[name])
                 for name in ("unit_heads", "unit_parent_heads", "level_words"))


@functools.cache
def _province_committees() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """A province's committees and the units they have (agency_words.yaml
    province_committees, province_committee_units), as folded word tuples."""
    data = load_yaml("agency_words.yaml")
    return tuple(frozenset(tuple(str(h).lower().split()) for h in data[name])
                 for name in ("province_committees", "province_committee_units"))


_PLURALS = frozenset({("các",), ("những",), ("cấp",)})  # "UBND các xã": bodies, no parent


def _opens_parent(words: list[str], k: int,
                  parents: frozenset[tuple[str, ...]] | None = None,
                  unit: tuple[str, ...] | None = None) -> bool:
    """The words from `k` on open a unit's parent body: a parent's head not followed by a
    plural ("UBND tỉnh", not "UBND các xã" / "Ủy ban nhân dân cấp xã": bodies, none a
    unit's parent), and not a province's committee after a unit it has none of ("Phòng …
    UBND tỉnh": two agencies; "Văn phòng UBND tỉnh" one)."""
    parents = _unit_heads()[1] if parents is None else parents
    committees, offices = _province_committees()
    if unit is not None and unit not in offices and _opens_with(words, k, committees):
        return False
    return any(tuple(w.lower().rstrip(",;") for w in words[k:k + len(h)]) == h
               and not _opens_with(words, k + len(h), _PLURALS) for h in parents)


def _opens_with(words: list[str], k: int, heads: frozenset[tuple[str, ...]]) -> bool:
    """The words from `k` on open with one of `heads`."""
    return any(tuple(w.lower().rstrip(",;") for w in words[k:k + len(h)]) == h for h in heads)


def _split_agencies(text: str) -> str:
    """An agency cell's names apart (`agency_starts`), each after a "; "."""
    words = text.split(" ")
    cuts = agency_starts(words)
    if not cuts:
        return text
    parts = [" ".join(words[a:b]) for a, b in pairwise([0, *cuts, len(words)])]
    return "; ".join(parts)


@functools.cache
def _unit_words() -> frozenset[str]:
    from chitieu.core.lexicon import load_yaml

    units = load_yaml("units.yaml")
    words = {"%"} | {str(w).lower() for w in units.get("glued", [])}
    words |= {str(w).lower() for w in units.get("magnitudes", [])}
    return frozenset(words)


_SPAN = {"unit": 4, "value": 12, "deadline": 10, "agency": 24, "text": 30}
_KNOWN_WORDS = 14  # the longest agency's name the known names are asked for


class _Words:
    """A row's words, where its lines end, and which runs of them name a known agency."""

    def __init__(self, lines: list[list[str]], known: Callable[[str], float]) -> None:
        self.words: list[str] = []
        self.ends: list[bool] = []  # a line ends after the word
        for line in lines:
            line = [w for w in line if w]
            if line and self.words and self.ends[-1] and _HYPHEN_WRAPPED.search(
                    self.words[-1]) and line[0][:1].isupper():
                # a word wrapped after its hyphen ("VP HĐND-" / "UBND") is one word
                self.words[-1] += line[0]
                self.ends[-1] = len(line) == 1
                line = line[1:]
            self.words += line
            self.ends += [k == len(line) - 1 for k in range(len(line))]
        self._known = known
        self._names: dict[int, set[int]] = {}
        self._agency_lines: list[int] | None = None
        self.heads = [_head_at(self.words, k) for k in range(len(self.words))]
        # how many words before each open an agency's name by its head
        self._heads = [0]
        for size in self.heads:
            self._heads.append(self._heads[-1] + bool(size))
        # how many words before each open a deadline ("Tháng" before "9/2026")
        self._deadlines = [0]
        for k, word in enumerate(self.words):
            nxt = self.words[k + 1] if k + 1 < len(self.words) else ""
            self._deadlines.append(self._deadlines[-1] + bool(
                _DEADLINE_OPENER.match(word) and any(ch.isdigit() for ch in nxt)))
        # the positions after a word ending a name with ";"
        self.semis = [k + 1 for k, w in enumerate(self.words) if w.endswith(";")]
        self._starts: dict[int, list[int]] = {}

    def names(self, a: int, b: int) -> int:
        """How many agencies' names open by their heads among words a … b - 1."""
        return self._heads[b] - self._heads[a]

    def deadlines(self, a: int, b: int) -> int:
        """How many deadlines open among words a … b - 2 (their date within b)."""
        return self._deadlines[max(a, b - 1)] - self._deadlines[a]

    def starts(self, a: int) -> list[int]:
        """`agency_starts` of the agency cell's words from `a` on (as far as one reaches)."""
        found = self._starts.get(a)
        if found is None:
            b = min(len(self.words), a + _SPAN["agency"])
            found = [a + k for k in agency_starts(self.words[a:b], self.heads[a:b])]
            self._starts[a] = found
        return found

    def agency_lines(self, a: int, b: int) -> int:
        """How many lines opening at words a … b - 1 open an agency's name (known, or by
        its head), the line above not ending where a phrase cannot ("… gửi Bộ Y tế và" /
        "Ủy ban nhân dân tỉnh": the agency is the phrase's, the name goes on)."""
        if self._agency_lines is None:
            counts = [0]
            for k in range(len(self.words)):
                opens = k > 0 and self.ends[k - 1] and bool(
                    self.heads[k] or self.known_ends(k)) and (
                    self.words[k - 1].lower() not in _OPEN_END_WORDS)
                counts.append(counts[-1] + opens)
            self._agency_lines = counts
        return self._agency_lines[b] - self._agency_lines[a]

    def fills_line(self, a: int) -> bool:
        """Whether a known agency's name opens at word `a` mid-line and wraps past its
        line's end (the next cell's first line printed level with this one's last: "…
        đất đai Phòng Kinh tế," / "Hạ tầng và Đô thị"; not a name ending in the agency it
        reports to, "… trình Hội đồng nhân dân xã")."""
        end = next((k + 1 for k in range(a, len(self.words)) if self.ends[k]), len(self.words))
        return any(b > end for b in self.known_ends(a))

    def known_ends(self, a: int) -> set[int]:
        """The ends b of the runs from `a` that name an agency the list knows."""
        found = self._names.get(a)
        if found is None:
            found = set()
            if self.words[a][:1].isupper():
                for b in range(a + 1, min(len(self.words), a + _KNOWN_WORDS) + 1):
                    if self._known(" ".join(self.words[a:b])) >= _KNOWN:
                        found.add(b)
            self._names[a] = found
        return found


_KNOWN = 0.9


def _cut(lines: list[list[str]], roles: list[str], known: Callable[[str], float]
         ) -> list[str]:
    """A row's words cut into its columns' cells in order (each possibly empty): the cut
    whose cells best fit their columns' kinds, a cell wrapped over lines ending where its
    line ends. Lines after the last column's cell naming agencies are a row under it that
    only adds an agency (its other cells merged with this row's): the last agency column's."""
    last_agency = max((k for k, r in enumerate(roles) if r in AGENCY_ROLES), default=None)
    cells = _cut_in_order(lines, [*roles, "more"] if last_agency is not None else roles,
                          known)
    if last_agency is None:
        return cells
    more = cells.pop()
    if more:
        cells[last_agency] = f"{cells[last_agency]}; {more}" if cells[last_agency] else more
    return cells


def _cut_in_order(lines: list[list[str]], roles: list[str], known: Callable[[str], float]
                  ) -> list[str]:
    row = _Words(lines, known)
    n, m = len(row.words), len(roles)
    if n > _MOST_WORDS_CUT:  # (the search grows with the square of a row's words)
        return [" ".join(row.words)] + [""] * (m - 1)
    inf = float("inf")
    cost = [[inf] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    cost[0][0] = 0.0
    for c in range(m):
        kind = _kind(roles[c])
        reach = n if kind == "name" else _SPAN[kind]
        for a in range(n + 1):
            base = cost[c][a]
            if base == inf:
                continue
            for b in range(a, min(n, a + reach) + 1):
                if c == m - 1 and b != n:
                    continue
                if roles[c] == "more":  # (an added agency opens a line of its own)
                    total = base + (0.0 if a == b else _MORE + _agency_cost(row, a, b) if (
                        a == 0 or row.ends[a - 1]) else inf)
                else:
                    total = base + (_EMPTY_SUPPORT if a == b and roles[c] in _OFTEN_EMPTY
                                    else _cell_cost(row, a, b, kind, c == 0, roles[c]))
                if total < cost[c + 1][b]:
                    cost[c + 1][b] = total
                    back[c + 1][b] = a
    cells = []
    b = n
    if cost[m][n] == inf:  # more words than the columns' cells hold: the name takes them
        return [" ".join(row.words)] + [""] * (m - 1)
    for c in range(m, 0, -1):
        a = back[c][b]
        text = " ".join(row.words[a:b])
        cells.append(_split_agencies(text) if _kind(roles[c - 1]) == "agency" else text)
        b = a
    return cells[::-1]


# More words than a real row prints (a task's text runs to a hundred or two): a hostile
# line of 180,000 words took hours; such a row is read whole into its name, as a row of more
# words than its columns' cells hold is.
_MOST_WORDS_CUT = 600

# a name's end ("bảo hiểm y tế: ≥" / "95%"), never a unit the list does not hold
_NO_UNIT_CHARS = frozenset(":≥≤<>=")
_EMPTY = {"name": 30.0, "unit": 2.0, "value": 1.5, "agency": 3.0, "deadline": 2.0,
          "text": 1.0}
_EMPTY_SUPPORT = 2.0  # a support or a monitor left empty is commoner than a lead
_OFTEN_EMPTY = frozenset({"support", "monitor"})


_SIGNS = frozenset({"≥", "≤", ">", "<", "=", ">=", "<="})  # a comparison before its number
_YEAR_WORDS = frozenset({"năm", "đoạn"})  # "… năm 2026", "giai đoạn 2026": the name's year
_BOTH_SHARE = 0.7  # rows filling both agency columns, of a table's rows
# rows printing a deadline, of a table's rows, where an empty one is a merged one's (a
# group's deadline merged over three rows leaves two of three empty)
_DEADLINES_SHARE = 0.5
_MERGE_EVIDENCE_ROWS = 3  # rows a share of filled cells says anything about
_LIST_GOES_ON = 3.0  # an agency cell cut after its "," or ";" (the next name its own)
_NAME_TAKES_AGENCY = 2.5  # a name taking a line that opens an agency's name
_SECOND_LEAD = 1.0  # a lead cell naming two agencies
_MORE = 1.0  # a row under this one adding an agency: rarer than a cell of this row


# what a column's cells hold, by its role ("more": a row under this one adding an agency);
# any other column (a note, a product) holds text
_KINDS = {"more": "agency", "name": "name", "unit": "unit", "target": "value",
          "baseline": "value", "amount": "value", "deadline": "deadline",
          **dict.fromkeys(AGENCY_ROLES, "agency")}


def _kind(role: str) -> str:
    return _KINDS.get(role, "text")


def _cell_cost(row: _Words, a: int, b: int, kind: str, first: bool, role: str = ""
               ) -> float:
    if a == b:
        return _EMPTY[kind]
    words, ends = row.words, row.ends
    text = " ".join(words[a:b])
    lines = sum(ends[a:b - 1]) + 1
    cost = 0.0
    if b < len(words) and not ends[b - 1]:
        # a cell over several lines ends with its line, but for a next cell centred beside
        # it (merged over rows) whose first line prints level with its last: a known
        # agency's name filling the line's rest ("… lĩnh vực đất đai Phòng Kinh tế," /
        # "Hạ tầng và Đô thị")
        cost += 0.5 if lines == 1 or row.fills_line(b) else 4.0
    opens = words[a][:1]
    if not first and not (opens.isupper() or opens.isdigit() or opens in "≥≤<>%(-+\"“"):
        cost += 3.0  # a cell opens in capitals or with a number
    if kind != "value" and words[a] in _PLACEHOLDERS and b - a > 1 and a and not ends[a - 1]:
        cost += 3.0  # a dash inside a line goes on a name ("Vụ Cải cách -"), opens no cell
    if kind == "value":
        if text in _PLACEHOLDERS or _TEXT_VALUE.match(text):
            return cost + 0.5
        if _VALUE.match(text):
            return cost
        if lines == 1 and _value_with_unit(words[a:b]):
            return cost + _VALUE_UNIT  # the unit printed in the value's cell ("25 hộ")
        # words in a values' column ("Kết quả": "Quyết định phê duyệt"): costly, but less
        # than an agency's or a deadline's column taking them
        return cost + 4.0 + 0.2 * (b - a) + (6.0 if _DEADLINE.match(text) else 0.0)
    if kind == "unit":
        low = text.lower()
        if low in _unit_words() or (b - a == 1 and low.split("/")[0] in _unit_words()):
            return cost
        if text in _PLACEHOLDERS:
            return cost + 0.3
        if b - a <= 3 and not any(ch.isdigit() or ch in _NO_UNIT_CHARS for ch in text) and (
                text[:1].isalpha() and (b - a == 1 or not _AGENCY_WORD.match(words[a]))):
            # a unit the list does not hold ("Doanh nghiệp", "Hộ", "Phòng": an agency's
            # head alone names none)
            return cost + 1.0
        return cost + 12.0 + (b - a)
    if kind == "deadline":
        return cost + (0.0 if _DEADLINE.match(text) else 10.0 + (b - a))
    if b < len(words) and _DEADLINE_OPENER.match(words[b - 1]) and (
            b - a > 1 or any(ch.isdigit() for ch in words[b])):
        # a deadline's first word ("Năm" / "2026") printed level with this cell, or taken
        # alone for an empty cell before the deadline's ("Năm" as a product, "2026" the date)
        cost += 2.0
    if kind == "agency":
        if b < len(words) and (words[b - 1].endswith((";", ",")) or (
                words[b - 1].lower() in _NAME_GOES_ON) or (
                words[b].lower() in _NAME_GOES_ON and words[b] not in _PLACEHOLDERS)):
            # a list of agencies goes on after its separator, a name after "-" or before
            # "và", "của" (a "-" after it may be the next cell, a value left out)
            cost += _LIST_GOES_ON
        unit = _name_parts(words[a:b], row.heads[a:b])[1] if (
            b < len(words) and row.heads[b]) else None
        if unit is not None and _opens_parent(words, b, unit=unit):
            cost += _LIST_GOES_ON  # a unit's parent body ("Phòng …" / "Công an tỉnh")
        return cost + _agency_cost(row, a, b, lead=role == "lead")
    if kind == "name":
        # a line of the name opening an agency's name: the next cell's, a lead's
        if row.agency_lines(a + 1, b):
            cost += _NAME_TAKES_AGENCY
        last = words[b - 1]
        # (a year after "năm" ends it, or a range of years: "giai đoạn 2026 - 2030")
        year = _YEAR.fullmatch(last) and b - a > 1 and (words[b - 2].lower() in _YEAR_WORDS or (
            words[b - 2] in ("-", "–") and b - a > 2 and _YEAR.fullmatch(words[b - 3])))
        if b < len(words) and ((_VALUE.match(last) and not year) or (
                last.lower() in _unit_words()) or _AGENCY_WORD.match(last) or (
                not row.ends[b - 1] and any(row.heads[k] == b - k
                                            for k in range(max(a + 1, b - 4), b)))):
            # a name cut after the next cells' first word (a year after "năm" ends it; an
            # agency's head mid-line, "… Văn phòng" / "Bộ …", opens the next cell)
            cost += 2.5
        if b < len(words) and last.lower() in _OPEN_END_WORDS:
            # a name cut where a phrase cannot end ("… của các" / "cơ quan"); above all
            # after "và", whose second side is the name's ("… gửi Sở Tài chính và" / "Ủy ban
            # nhân dân tỉnh": not the lead)
            cost += 5.0 if last.lower() == "và" else 3.0
        if b < len(words) and last in _SIGNS:
            cost += 4.0  # a sign without its number ("…: ≥" / "95%": the name's target)
        # a number in a name goes on with words ("trên 10.000 dân", "năm 2010"); one before a
        # capital or at the name's end is a value's cell the name took
        for k in range(a + 1, b):
            if (_VALUE.match(words[k]) and not _YEAR.fullmatch(words[k]) and (
                    words[k - 1] not in _SIGNS) and (
                    k + 1 == len(words) or not words[k + 1][:1].islower())):
                cost += 3.0
        return cost
    # a note, a product: any text, but not what the columns after it take, and not cut
    # where a phrase cannot end ("Quyết định của" / "UBND tỉnh")
    if b < len(words) and words[b - 1].lower() in _OPEN_END_WORDS:
        cost += 3.0
    return cost + (2.0 if _VALUE.match(text) or _DEADLINE.match(text) else 0.0) + (
        1.5 if row.known_ends(a) or row.heads[a] else 0.0) + (
        1.0 if row.names(a + 1, b) else 0.0) + 0.3


def _value_with_unit(words: list[str]) -> bool:
    """A value and its unit in one cell, as a table with no unit column prints them ("25
    hộ", "100% người", "≥ 1.800 tấn"): a value, then one or two words in lower case."""
    for size in (1, 2, 3):
        rest = words[size:]
        if 1 <= len(rest) <= _UNIT_WORDS and _VALUE.match(" ".join(words[:size])) and all(
                w[:1].isalpha() and w[:1].islower() for w in rest):
            return True
    return False


_UNIT_WORDS = 2  # a unit's words after its value in one cell ("hộ", "lượt người")
_VALUE_UNIT = 1.0  # a value with its unit in its cell: rarer than a value alone


def _agency_cost(row: _Words, a: int, b: int, lead: bool = False) -> float:
    """An agency column's cell: one or more agencies' names ("Sở Tài chính", "Bộ Tư pháp;
    Bộ Công an"), each whole; a known name run on into the next one without a separator
    ("Sở Tài chính Thống kê tỉnh") is two cells'. Names written with no separator between
    are told apart by their heads (`agency_starts`: "Cục Thuế" / "Cục Hải quan"); more than
    one in a `lead` cell costs (two leads are rarer than two supports)."""
    words = row.words
    text = " ".join(words[a:b])
    if _VALUE.match(text) or _DEADLINE.match(text):
        return 15.0
    if b in row.known_ends(a):
        return -1.0
    cost = 0.0
    # the names' ends: after a ";", before a head opening the next name
    semis = row.semis[bisect_right(row.semis, a):bisect_left(row.semis, b)]
    starts = row.starts(a)
    starts = starts[:bisect_left(starts, b)]
    cuts = sorted({*semis, *starts}) if semis and starts else semis or starts
    if lead:
        cost += _SECOND_LEAD * len(cuts)
    p = a
    for q in [*cuts, b]:
        part = " ".join(words[p:q]).rstrip(";")
        size = q - p
        if row.deadlines(p, q):
            cost += 5.0  # a deadline inside a name ("… Tháng 9/2026"): the next cell's
        if q in row.known_ends(p) or (q - 1 in row.known_ends(p) and words[q - 1] == ";"):
            cost -= 0.5
        else:
            # (a head alone, "Cục" / "Thống kê …", names no agency)
            cost += (0.5 if (row.heads[p] or opens_agency(part)) and size > row.heads[p]
                     else 5.0) + (
                0.25 * max(0, size - 6))
            # a known name, then a capital opening the next name with no separator between
            for k in sorted(row.known_ends(p)):
                if k < q and words[k][:1].isupper() and not words[k - 1].endswith(","):
                    cost += 3.0
                    break
        p = q
    return cost
