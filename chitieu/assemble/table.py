"""Assemble: physical rows of any reader → one table of logical rows with column roles.

Format-agnostic. Finds the header by its words (one or two rows), maps each column to a role
through `data/header_roles.yaml`, drops headers repeated at page breaks and page furniture,
joins rows broken by a page break or wrapped onto continuation lines, splits a row that a
lost line break glued onto the line above it, and keeps the provenance of every piece.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Sequence

from chitieu.assemble.prose import prose_targets
from chitieu.assemble.settings import SETTINGS
from chitieu.assemble.trace import Trace
from chitieu.core.dataclass import dataclass
from chitieu.core.headers import (
    AGENCY_ROLES,
    PERIOD_LABEL,
    assign_roles,
    first_role,
    group_names_the_kind,
    header_candidates,
    header_key,
    header_unit,
    is_bare_year,
    line_key,
    names_no_role,
    vocabulary,
)
from chitieu.core.heading import appendix_heading
from chitieu.core.letterhead import (
    is_article_heading,
    read_letterhead,
    roman_heading,
    stamp_field,
)
from chitieu.core.numbering import (
    FIRST_ROW_NUMBER,
    GLUED_FIRST,
    GLUED_NUMBER,
    IN_WHICH,
    ITEM_NUMBER,
    ROW_LABEL,
    SECTION_NUMBER,
    SECTION_TOKEN,
    number_key,
    numbers_columns,
    successors,
)
from chitieu.core.patterns import DOTALL, IGNORECASE, compile_regex, lazy
from chitieu.core.tables import ColumnSpec, LogicalRow, Table
from chitieu.core.text import ascii_fold, clean_text, is_bold_markup
from chitieu.core.types import Cell, RawDocument, RawRow

_VALUE_ROLES = frozenset({"target", "baseline"})
_HEADER_YEAR = lazy(compile_regex, r"^\(?(?:19|20)\d\d\)?$")  # "Chỉ tiêu năm" / "2026"
# a line ending in "(tiếp theo)": a label saying the table goes on, no content of its own
_CONTINUED_LABEL = lazy(compile_regex, r"(?i)(?:\btiep\s+theo|\(\s*tiep)\s*\)?\W*$")
TABLE_NOTE = "table_note"  # a line near the table read as no row: its words, kept
# a stray line's words in its warning at most: a row the table could not place is kept
# whole (no value lost), a page of prose read as one line is not copied into the dataset
_NOTE_SIZE = 2000
_CONTINUED = lazy(compile_regex, r"(?i)\btiep\s+theo\b|\(\s*tiep\s*\)")
_FOUR_DIGITS = lazy(compile_regex, r"\d{4}")
_DIGIT = lazy(compile_regex, r"\d")


class NoTableError(ValueError):
    """No header row was found."""


# ---------------------------------------------------------------- header search


def _cell_texts(row: RawRow) -> list[str]:
    return [clean_text(c.text) for c in row.cells]


def _raw_texts(row: RawRow) -> list[str]:
    return [c.text for c in row.cells]


# the last character of what GLUED_FIRST matches (its first number, a closing bold mark)
_GLUED_FIRST_ENDS = frozenset("1.IA>*")


def _is_header(texts: list[str]) -> bool:
    filled = [t for t in texts if t]
    if len(filled) < 2:
        return False
    roles = [header_candidates(t) for t in filled]
    known = [r for r in roles if r and r[0] != "unknown"]
    has_name = any("name" in r for r in known)
    return has_name and len(known) >= max(2, (len(filled) + 1) // 2) and _all_short(filled)


def _all_short(texts: list[str]) -> bool:
    # Header cells are labels; a long sentence in a cell means a data row.
    return all(len(t) <= SETTINGS.header_cell_chars for t in texts)


def _is_subheader(texts: list[str], header: list[str]) -> bool:
    differing = [
        (i, t) for i, t in enumerate(texts)
        if t and (i >= len(header) or header_key(t) != header_key(header[i]))
    ]
    # Sub-headers split a group cell spanning several columns ("Cơ quan thực hiện" over
    # "Chủ trì" / "Phối hợp"), so one of them stands under the group's empty continuation,
    # or a group of its own spans it too ("Phân công thực hiện" over "Cơ quan thực hiện",
    # each printed in its first slot); a section row ("A. CHỈ TIÊU VỀ HẠ TẦNG") under a full
    # header row does not.
    if not any(i >= len(header) or not header[i] or _group_under_group(i, texts, header)
               for i, _ in differing):
        return False
    for i, text in differing:
        cands = header_candidates(text)
        if not cands or (cands[0] == "unknown" and not _FOUR_DIGITS.fullmatch(text)
                         and not PERIOD_LABEL.fullmatch(" " + text)
                         and not _names_total_or_part(text)
                         and not names_no_role(text)
                         and not _known_under_year_group(i, text, header)):
            return False
    return all(len(t) <= SETTINGS.subheader_cell_chars for _, t in differing)


def _known_under_year_group(i: int, text: str, header: list[str]) -> bool:
    """A label the vocabulary knows only with the year of the group cell over it ("Năm
    2025" over "Thực hiện": "Năm 2025 Thực hiện", last year's result), as `_merge_header`
    joins them."""
    group = next((header[j] for j in range(min(i, len(header) - 1), -1, -1) if header[j]), "")
    return bool(_HEADER_YEARS.search(group)) and first_role(f"{group} {text}") != "unknown"


def _group_under_group(i: int, texts: list[str], header: list[str]) -> bool:
    """The cell at `i` and the header's above it both leave the next slot empty: a group
    printed under a group over the same columns."""
    return (i + 1 < len(header) and not header[i + 1] and header[i] != ""
            and i + 1 < len(texts) and not texts[i + 1])


def _names_total_or_part(text: str) -> bool:
    """"Tổng số", "Trong đó: công lập": a value group's total or a part of it."""
    key, words = header_key(text), vocabulary()
    return bool(words.group_total.match(key) or words.group_part.match(key))


_HEADER_YEARS = lazy(compile_regex, r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _merge_header(header: list[str], sub: list[str]) -> list[str]:
    width = max(len(header), len(sub))
    header = header + [""] * (width - len(header))
    sub = sub + [""] * (width - len(sub))
    merged = []
    group = ""
    for top, low in zip(header, sub, strict=True):
        group = top or group
        if low and header_key(low) != header_key(top):
            if group and vocabulary().group_total.match(header_key(low)):
                merged.append(group)  # the group's total is the group's own value
            elif header_candidates(low)[0] == "unknown":
                merged.append(f"{group} {low}".strip())
            elif _HEADER_YEARS.search(group) and not _HEADER_YEARS.search(low):
                # "Năm hiện hành 2025" over "Kế hoạch" / "Ước thực hiện": the year is the
                # group's, the kind of value the label's ("Ước thực hiện Năm hiện hành 2025")
                merged.append(f"{low} {group}")
            elif group_names_the_kind(group, low):
                merged.append(f"{group} {low}")
            else:
                merged.append(low)
        else:
            merged.append(top)
    return merged


def _find_header(rows: list[RawRow]) -> tuple[int, int, list[str]] | None:
    """(index of the first header row, number of header rows, merged header texts)."""
    for i, row in enumerate(rows):
        texts = _cell_texts(row)
        glued = _split_glued_header(row, texts) if len(texts) > 2 else None
        if glued is not None:
            rows[i:i + 1] = glued  # the header and the first row, told apart
            texts = _cell_texts(rows[i])
        elif not _is_header(texts):
            continue
        height, texts = _with_subheaders(rows, i, texts)
        while i + height < len(rows) and height < SETTINGS.max_header_rows:
            nxt = _cell_texts(rows[i + height])
            if not (_continues_header(nxt) or _completes_header(texts, nxt)
                    or _splits_header(texts, nxt)):
                break
            texts, height = _join_header_lines(texts, nxt), height + 1
        return i, height, texts
    return None


def _split_glued_header(row: RawRow, texts: list[str]) -> list[RawRow] | None:
    """The header and the table's first row on one line, a line break lost: "… Thời gian
    hoàn thành 1\tTỷ lệ …" or "… Ghi chú\t\t1\tTỷ lệ …"; None when the line is no such
    pair. The row starts with a first number ("1", "1.1", "I", "A") and a name that is a
    sentence, not one more header label ("Quý I\tQuý II")."""
    raw = _raw_texts(row)
    counts: list[tuple[int, int]] | None = None
    for k in range(2, len(raw)):
        # a glued first number ends the cell (before white space): most cells end otherwise,
        # and are not tried (the pattern backtracks over a whole long cell)
        tail = GLUED_FIRST.match(raw[k]) if texts[k] and raw[k].rstrip()[-1:] in \
            _GLUED_FIRST_ENDS else None
        if tail is not None and clean_text(tail["head"]):
            first, second = [*raw[:k], tail["head"]], [tail["num"], *raw[k + 1:]]
        elif FIRST_ROW_NUMBER.match(texts[k]):
            first, second = raw[:k], [raw[k].strip(), *raw[k + 1:]]
        else:
            continue
        counts = counts or _labels_before(texts)
        known, filled = counts[k]
        if known + 1 < max(2, (filled + 1) // 2):
            # not half of the cells before are header labels, nor would be with a glued
            # head: no header (see _is_header) — a row of numbers thousands of cells wide
            # is not tried once per cell
            continue
        first_texts = [clean_text(t) for t in first]
        if not FIRST_ROW_NUMBER.match(clean_text(second[0])) or not _is_header(first_texts):
            continue
        roles = assign_roles(first_texts)
        if "number" not in roles or "name" not in roles:
            continue
        nc, mc = roles.index("number"), roles.index("name")
        second = [""] * nc + second
        name = clean_text(second[mc]) if nc < mc < len(second) else ""
        if (name[:1].isupper() and len(name.split()) >= 2
                and not PERIOD_LABEL.search(" " + name) and not _is_labels(second)):
            return [split_piece(row, first), split_piece(row, second)]
    return None


def _labels_before(texts: list[str]) -> list[tuple[int, int]]:
    """For each k, how many of texts[:k] are header labels of a known role, and how many
    are filled."""
    counts, known, filled = [(0, 0)], 0, 0
    for text in texts:
        if text:
            filled += 1
            roles = header_candidates(text)
            known += bool(roles) and roles[0] != "unknown"
        counts.append((known, filled))
    return counts


def _glued_new_header(row: RawRow) -> list[RawRow] | None:
    """A later table's header and its first row on one line (a line break lost), as the
    two pieces; None when the line is a header of its own or no such pair."""
    texts = _cell_texts(row)
    if len(texts) <= 2 or _is_new_header(texts):
        return None
    pieces = _split_glued_header(row, texts)
    if pieces is None or not _is_new_header(_cell_texts(pieces[0])):
        return None
    return pieces


def _is_labels(cells: list[str]) -> bool:
    """More header labels ("Chủ trì\tPhối hợp"), not a row: a header of short cells."""
    texts = [clean_text(t) for t in cells]
    return _is_header(texts) and all(len(t) <= SETTINGS.label_line_chars for t in texts)


def split_piece(row: RawRow, texts: list[str]) -> RawRow:
    """A part of a line that held two rows, with the line's provenance and a warning."""
    return RawRow([Cell(t) for t in texts], first_line=row.first_line,
                  last_line=row.last_line, page=row.page, bbox=row.bbox, table=row.table,
                  confidence=row.confidence, warnings=[*row.warnings, "row_split_from_line"])


def _continues_header(texts: list[str]) -> bool:
    """A header's words wrapped onto the next line: "Đơn vị" / "tính", "Chỉ tiêu" / "năm
    2026" — short, lower-case, no row number before them."""
    filled = [t for t in texts if t]
    return bool(filled) and not texts[0] and any(not _HEADER_YEAR.match(t) for t in filled) and all(
        len(t) <= SETTINGS.label_line_chars
        and (t[0].islower() or t[0] == "(" or bool(_HEADER_YEAR.match(t)))
        and not SECTION_TOKEN.match(t)
        for t in filled)


def _completes_header(header: list[str], texts: list[str]) -> bool:
    """A label wrapped onto the next line in capitals ("Số" / "TT"): every cell of the line
    completes the label above it into one the vocabulary knows, which it was not before."""
    filled = [(i, t) for i, t in enumerate(texts) if t]
    if not filled or any(i >= len(header) or len(t) > SETTINGS.label_line_chars
                         for i, t in filled):
        return False
    if ROW_LABEL.match(texts[0]) or SECTION_TOKEN.match(texts[0]):
        return False
    return all(first_role(header[i]) == "unknown"
               and first_role(f"{header[i]} {t}") != "unknown"
               for i, t in filled)


def _splits_header(header: list[str], texts: list[str]) -> bool:
    """The second line of a header whose cells were printed on two lines, read as two rows
    where the cells spanning both ("Tên nhiệm vụ", "Thời hạn") appear in each: "Stt" / "TT",
    "" / "Chi tiết". Most cells repeat the one above; the others are short labels, none a
    row number or a sub-header naming a role of its own ("Chủ trì" under "Cơ quan")."""
    if len(texts) != len(header):
        return False
    same = sum(1 for top, low in zip(header, texts, strict=True)
               if low and header_key(low) == header_key(top))
    differing = [(top, low) for top, low in zip(header, texts, strict=True)
                 if low and header_key(low) != header_key(top)]
    if not differing or same < max(2, len(differing)):
        return False
    return all(_second_label_line(top, low) for top, low in differing)


def _second_label_line(top: str, low: str) -> bool:
    """A short label without digits: under an empty slot (the first line of its cell was
    blank), or completing the label above into one the vocabulary knows."""
    if len(low) > SETTINGS.label_line_chars or _DIGIT.search(low):
        return False
    return not top or first_role(f"{top} {low}") != "unknown"


def _join_header_lines(header: list[str], more: list[str]) -> list[str]:
    width = max(len(header), len(more))
    header = header + [""] * (width - len(header))
    more = more + [""] * (width - len(more))
    # a cell spanning both lines is printed in each: keep it once
    return [top if header_key(top) == header_key(low) else f"{top} {low}".strip()
            for top, low in zip(header, more, strict=True)]


# ---------------------------------------------------------------- assembly


def assemble(doc: RawDocument, trace: Trace | None = None) -> Table:
    """Build the tables of a RawDocument, or raise NoTableError.

    The first header starts the first table. A later header that is not a repeat of the
    current one (another appendix, another set of columns) starts the next table, in
    `Table.following`; the one-cell rows just above it (its "Phụ lục II", title, "(Kèm
    theo …)") become that table's preamble. `trace` collects what was decided about each
    row, and why.
    """
    if doc.table_names:
        return _assemble_named(doc, trace)
    found = _find_header(doc.rows)
    if found is None:
        return _assemble_prose(doc, trace)
    start, height, headers = found
    preamble = doc.rows[:start]
    # a table printed in a whole plan's body (no appendix heading between the plan's title and
    # the table): the body's headings around it are not sections of its rows
    body = plan_body_heading(preamble)
    # plain numbered headings are an appendix's parts ("PHỤ LỤC" … "I. CHỈ TIÊU" + a table,
    # "II. NHIỆM VỤ" + a table); in a plan's body text they are its headings ("II. NHIỆM VỤ"
    # over the one table of tasks) and only a bold one names the rows
    in_appendix = appendix_heading(preamble)[0] is not None
    lead_in = [] if body is not None else _section_title_above(preamble, in_appendix)
    rows = _DocumentRows(doc.rows)
    first: Table | None = None
    glued: list[RawRow] = []  # a later table's header and its first row, a line break lost
    while True:
        header_lines = glued[:1] or doc.rows[start:start + height]
        table = _new_table(headers, preamble[:len(preamble) - len(lead_in)],
                           [*glued[1:], *doc.rows[start + height:start + height + _PEEK_ROWS]])
        if trace is not None:
            _trace_header(trace, table, doc.rows[start:start + height], lead_in,
                          1 + (len(first.following) + 1 if first is not None else 0))
        assembler = _Assembler(table, [_cell_texts(r) for r in header_lines], body)
        assembler.trace = trace
        nxt = assembler.feed_until_next_table(rows, start + height, [*lead_in, *glued[1:]])
        if first is None:
            first = table
        else:
            first.following.append(table)
        if nxt is None:
            return first
        start, heading = nxt
        glued = _glued_new_header(doc.rows[start]) or []
        height, headers = (1, _cell_texts(glued[0])) if glued else _header_at(doc.rows, start)
        preamble = doc.rows[start - heading:start]
        body = _body_continued(assembler.body_heading, preamble)
        # a later table's own bold numbered title names its first rows, as the first's did
        lead_in = [] if body is not None else _section_title_above(preamble, in_appendix)


def _assemble_prose(doc: RawDocument, trace: Trace | None) -> Table:
    """A plan without a table whose targets are bullets under a heading naming them: those
    bullets as an indicator table, with the document warning `targets_from_prose`."""
    prose = prose_targets(doc.rows)
    if prose is None:
        raise NoTableError("no table header found (a row naming columns such as 'TT', "
                           "'Nội dung', 'Chỉ tiêu', 'Đơn vị chủ trì'), nor targets listed "
                           "under a heading such as 'II. CHỈ TIÊU CỤ THỂ'")
    if trace is not None:
        for source, made in prose.read_as:
            trace.replaced(source, made, "a target in prose, read as the table row below")
    table = assemble(RawDocument(rows=prose.rows, format=doc.format, pages=doc.pages,
                                 ocr=doc.ocr), trace)
    table.warnings.append("targets_from_prose")
    return table


def plan_body_heading(preamble: list[RawRow]) -> int | None:
    """When the rows above a table are a whole plan — its national header and kind ("KẾ
    HOẠCH") with no appendix label after them — the value of the last roman body heading
    among them ("II. CHỈ TIÊU …" → 2; 0 when there is none); None when the table is not in a
    plan's body."""
    # the kind right under the header, not an appendix's title that begins like one
    # ("PHỤ LỤC I" / "KẾ HOẠCH TRIỂN KHAI …")
    head = read_letterhead(preamble)
    if head is None or head.kind_at is None:
        return None
    return _body_continued(0, preamble[head.kind_at + 1:])


def _body_continued(heading: int | None, rows: list[RawRow]) -> int | None:
    """The body heading after `rows` (the heading rows of a next table) in a plan's body;
    None when they name an appendix: the next table is not in the body."""
    if heading is None:
        return None
    if appendix_heading(rows)[0] is not None:
        return None
    for row in rows:
        filled = [c.text for c in row.cells if c.text.strip()]
        if len(filled) == 1 and (value := roman_heading(filled[0])) is not None:
            heading = max(heading, value)
    return heading


def _trace_header(trace: Trace, table: Table, header: list[RawRow], lead_in: list[RawRow],
                  number: int) -> None:
    for row in table.preamble:
        trace.note(row, "preamble" if number == 1 else "heading",
                   "above the table: the plan's fields" if number == 1
                   else f"names table {number}")
    roles = ", ".join(f"{c.header or '(blank)'}={c.role}" for c in table.columns)
    for i, row in enumerate(header):
        trace.note(row, "header", f"table {number}: {roles}" if i == 0
                   else f"table {number}: more header lines, merged into the first")
    for row in lead_in:
        trace.note(row, "lead-in", "a bold numbered title right above the header: the "
                                   "first section")


def _assemble_named(doc: RawDocument, trace: Trace | None = None) -> Table:
    """Each named table (a workbook's sheet) assembled on its own; sheets without a header
    are left out. Rows outside any of them go with the first."""
    groups: dict[int | None, list[RawRow]] = {}
    for row in doc.rows:
        key = row.table if row.table in doc.table_names else None
        groups.setdefault(key, []).append(row)
    tables: list[Table] = []
    for index, name in doc.table_names.items():
        rows = groups.get(index, [])
        if _find_header(rows) is None:
            continue
        part = assemble(RawDocument(rows=rows, format=doc.format), trace)
        part.name = name
        tables.append(part)
    if not tables:
        raise NoTableError("no table header found in any sheet (a row naming columns such "
                           "as 'TT', 'Nội dung', 'Chỉ tiêu', 'Đơn vị chủ trì')")
    first = tables[0]
    first.following = [t for table in tables[1:] for t in table.all_tables]
    return first


def _header_at(rows: list[RawRow], i: int) -> tuple[int, list[str]]:
    return _with_subheaders(rows, i, _cell_texts(rows[i]))


def _with_subheaders(rows: list[RawRow], i: int, texts: list[str]) -> tuple[int, list[str]]:
    """The header row at `i` with the sub-header rows under it merged in: a group over
    sub-groups over leaves ("Phân công thực hiện" / "Cơ quan thực hiện" / "Chủ trì") takes
    three rows. Returns (rows taken, merged texts)."""
    height = 1
    while i + height < len(rows) and height < SETTINGS.max_header_rows:
        nxt = _cell_texts(rows[i + height])
        if _years_under_their_labels(nxt, texts):
            texts = [f"{top} {low}".strip() if low and header_key(low) != header_key(top)
                     else top for top, low in itertools.zip_longest(texts, nxt, fillvalue="")]
            height += 1
            continue
        if _labels_under_their_years(nxt, texts):
            # each label read with its year after it ("Thực hiện Năm 2025")
            texts = [f"{low} {top}".strip() if low and not header_key(top).endswith(
                header_key(low)) else top
                for top, low in itertools.zip_longest(texts, nxt, fillvalue="")]
            height += 1
            continue
        if not _is_subheader(nxt, texts):
            break
        texts, height = _merge_header(texts, nxt), height + 1
    return height, texts


def _years_under_their_labels(texts: list[str], header: list[str]) -> bool:
    """A second header row of years, each under a label of a value of its own ("Ước thực
    hiện" over "Năm 2025", "Kế hoạch" over "Năm 2026"): the year the label's values are of,
    one label each ("Kế hoạch Năm 2026"), not a group over several."""
    differing = [(i, t) for i, t in enumerate(texts)
                 if t and (i >= len(header) or header_key(t) != header_key(header[i]))]
    return bool(differing) and all(
        i < len(header) and header[i] and is_bare_year(t)
        and first_role(header[i]) in ("target", "baseline")
        and not (i + 1 < len(header) and not header[i + 1] and i + 1 < len(texts)
                 and texts[i + 1])  # a group over several years ("Mục tiêu từng năm")
        for i, t in differing)


def _labels_under_their_years(texts: list[str], header: list[str]) -> bool:
    """A header row of value labels, each under a year of its own ("Năm 2025" over "Thực
    hiện", "Năm 2026" over "Kế hoạch"): the kind of value each year's column holds, read
    with its year ("Năm 2025 Thực hiện": last year's result, the baseline), not dropped. A
    cell merged down from above may repeat there; it adds nothing."""
    labelled = 0
    for i, text in enumerate(texts):
        top = header[i] if i < len(header) else ""
        if not text or header_key(top).endswith(header_key(text)):
            continue
        if not (is_bare_year(top) and not _HEADER_YEARS.search(text)
                and first_role(f"{text} {top}") in ("target", "baseline")):
            return False
        labelled += 1
    return labelled >= 2


def _new_table(headers: list[str], preamble: list[RawRow], below: list[RawRow] = ()) -> Table:
    """A table of these header cells; `below` are the rows under the header."""
    headers = list(headers)
    while headers and not headers[-1]:
        headers.pop()
    unnamed = _unnamed_columns_with_values(headers, below)
    roles = assign_roles(headers)
    inferred = _numbers_below(headers, roles, below)
    if inferred:
        roles[0] = "number"
    traded = _names_among_figures(roles, below)
    if traded:
        name, target = traded
        roles[name], roles[target] = "target", "name"
    columns = [ColumnSpec(h, r, i, header_unit(h) if r in _VALUE_ROLES else None)
               for i, (h, r) in enumerate(zip(headers, roles, strict=True))]
    table = Table(columns=columns, rows=[], preamble=preamble)
    for col in columns:
        if col.role == "unknown" and col.header:
            table.warnings.append(f"column_unmapped:{col.header}")
    if inferred:
        table.warnings.append(f"column_role_from_values:{headers[0]}")
    table.warnings += [f"column_role_from_values:{headers[i]}" for i in traded or ()]
    table.warnings += [f"column_unmapped:column {i + 1}" for i in unnamed]
    return table


# a totals row's label: "Tổng cộng", "Tổng số:", "Cộng"
_TOTAL_ROW = lazy(compile_regex, r"^(?:tổng\s+cộng|tổng\s+số|tổng|cộng)\s*:?$", IGNORECASE)
# a part's mark before its name: "+ Lao động nữ", "- Thu nội địa", "• Hộ cận nghèo"
_SUB_ROW_MARK = lazy(compile_regex, r"^(?P<mark>[+\-–—•·◦▪])\s*(?P<rest>\p{L}.*)$", DOTALL)

# a value as printed in a target cell: a figure with at most two words about it ("≥ 95",
# "1.200", "Tối thiểu 02", "100% (12/12 thôn)")
_FIGURE = lazy(compile_regex, r"^(?=.*\d)(?!(?:.*?(?<!\p{L})\p{L}{2,}(?!\p{L})){3})[^\n]{1,30}$")
# what names an indicator or a task: words, three at least, before any figure
_WORDING = lazy(compile_regex, r"^\D*?(?:\p{L}{2,}\W+){2}\p{L}{2,}")


def _names_among_figures(roles: list[str], below: list[RawRow]) -> tuple[int, int] | None:
    """(name column, target column) when the column the header words gave the names holds
    figures under it and the target column the words: the column of words names the rows, so
    the two trade roles (a header wording weighed wrong, said by `column_role_from_values`).
    Only rows printing both cells count, and all but one in five must agree."""
    if "name" not in roles or "target" not in roles:
        return None
    name = roles.index("name")
    for target in (i for i, role in enumerate(roles) if role == "target"):
        pairs = [(clean_text(r.cells[name].text), clean_text(r.cells[target].text))
                 for r in below if max(name, target) < len(r.cells)
                 and r.cells[name].text.strip() and r.cells[target].text.strip()]
        swapped = sum(1 for n, t in pairs if _FIGURE.match(n) and _WORDING.match(t))
        if pairs and swapped >= 0.8 * len(pairs):
            return name, target
    return None


def _unnamed_columns_with_values(headers: list[str], below: list[RawRow]) -> list[int]:
    """The columns under no label whose rows hold values (a group's second column left
    unlabelled): what they hold is read into no field, which is said, not left unsaid.
    (Cells right of the last label go to the last column: `row_too_many_cells`.)"""
    return [i for i, h in enumerate(headers) if not h and i > 0 and any(
        i < len(r.cells) and r.cells[i].text.strip() for r in below)]


_PEEK_ROWS = 12  # the rows under a header that show what its first column holds


def _numbers_below(headers: list[str], roles: list[str], below: list[RawRow]) -> bool:
    """A first column whose header names nothing ("TL", "SLUL": a scan's "TT", "STT") but
    whose cells under it are row numbers ("1", "2", "I" …) is the number column."""
    if not roles or roles[0] != "unknown" or "number" in roles or len(
            header_key(headers[0]).replace(" ", "")) > 4:
        return False
    firsts = [clean_text(r.cells[0].text) for r in below
              if len(r.cells) > 1 and sum(1 for c in r.cells if c.text.strip()) >= 2]
    numbered = [t for t in firsts if ROW_LABEL.match(t)]
    return len(numbered) >= 3 and len(numbered) >= 0.8 * len(firsts)


def _section_title_above(preamble: list[RawRow], in_appendix: bool = False) -> list[RawRow]:
    """A numbered title right above the header ("**1. Các nhiệm vụ về …**", "II. NHIỆM VỤ")
    names the first group of rows: it is read as the table's first section row. Bold, or, in
    an appendix, printed as a part's heading is (a roman or letter number, or in capitals):
    two tables under "I. CHỈ TIÊU" and "II. NHIỆM VỤ" (probe2 P27) keep their sections."""
    if not preamble:
        return []
    last = preamble[-1]
    filled = [c for c in last.cells if c.text.strip()]
    if len(filled) != 1:
        return []
    text = clean_text(filled[0].text)
    # bold as marked up in the text, or as the reader saw it (a DOCX run, a PDF font)
    if not (is_bold_markup(filled[0].text) or filled[0].bold
            or (in_appendix and _part_heading(text))):
        return []
    return [last] if _titles_section(text) else []


def _part_heading(text: str) -> bool:
    """"II. NHIỆM VỤ", "B. Chỉ tiêu cụ thể", "1. CHỈ TIÊU": a part's heading, not a
    sentence numbered in the body."""
    match = SECTION_TOKEN.match(text)
    if match is None:
        return False
    letters = [c for c in match["title"] if c.isalpha()]
    return not match["num"][:1].isdigit() or (bool(letters) and all(c.isupper() for c in letters))


def _titles_section(text: str) -> bool:
    """A section title: a number and at least two words ("2. Các nhiệm vụ về …")."""
    match = SECTION_TOKEN.match(text)
    return bool(match) and len(match["title"].split()) >= 2




def _is_new_header(texts: list[str]) -> bool:
    """A header row strong enough to start another table: most cells name a column role and
    none is a row number."""
    if not _is_header(texts):
        return False
    filled = [t for t in texts if t]
    # a cell of no words ("-", "+") names no role: it is what a sub-row is labelled with
    roles = [first_role(t) for t in filled]
    known = [r for r in roles if r != "unknown"]
    return len(known) * 4 >= len(filled) * 3 and not any(
        ROW_LABEL.match(t) and role != "number" for t, role in zip(filled, roles, strict=True))


@dataclass(frozen=True, slots=True)
class _HeaderKeys:
    """A header row's cells folded for comparison: by position, and as a set of labels."""

    wanted: tuple[tuple[int, str], ...]
    labels: frozenset[str]

    @classmethod
    def of(cls, texts: list[str]) -> _HeaderKeys:
        wanted = tuple((i, header_key(t)) for i, t in enumerate(texts) if header_key(t))
        return cls(wanted, frozenset(k for _, k in wanted))


def _repeats_header(texts: list[str], headers: list[_HeaderKeys],
                    labels: frozenset[str] | None = None, name_col: int | None = None) -> bool:
    """The row repeats the header: cell by cell, or as the same labels shifted by a spanned
    first cell ("Nội dung" over STT and name). `labels`: every header's labels, and
    `name_col`: the name column, when the caller knows them."""
    # Either way a repeated header shares two labels with a header (two of its cells' keys
    # are labels): when no other cell holds one, one cell need not be folded at all — the
    # one in the name column (a row's new name), else the longest.
    if labels is None:
        labels = frozenset().union(*(header.labels for header in headers))
    if name_col is not None and name_col < len(texts):
        skipped: int | None = name_col
    else:
        lengths = list(map(len, texts))
        skipped = lengths.index(max(lengths)) if lengths else None
    others = texts if skipped is None else texts[:skipped] + texts[skipped + 1:]
    if labels.isdisjoint(map(header_key, others)):  # most rows hold no label ("" is none)
        return False
    keys = [header_key(t) for t in texts]
    for header in headers:
        if not header.wanted:
            continue
        same = sum(1 for i, k in header.wanted if i < len(keys) and keys[i] == k)
        if same >= max(2, len(header.wanted) * SETTINGS.repeated_header_share):
            return True
        shared = sum(1 for k in keys if k in header.labels)
        if shared < 2:
            continue
        filled = sum(1 for k in keys if k)
        if shared * 5 >= filled * 3 and all(
                k in header.labels or header_candidates(t)[0] != "unknown"
                for k, t in zip(keys, texts, strict=True) if k):
            return True
    return False



def _may_hold_space(text: str) -> bool:
    """Whether `text` may hold white space (a glued number follows some): every white space
    character but the plain space is unprintable. Most number cells ("12.") hold none, and
    this is decided without a regex."""
    return " " in text or not text.isprintable()


class _DocumentRows:
    """A document's rows with what every table's assembly asks of the rest of them, found
    once: where the non-blank rows are and the last row a reader placed in a table.
    (Filtering the rest of the document again at each new table made assembly quadratic
    in the number of tables.)"""

    def __init__(self, rows: list[RawRow]):
        self.rows = rows
        self.non_blank = [i for i, row in enumerate(rows) if not row.is_blank()]
        self.last_marked = max((i for i, row in enumerate(rows) if row.table is not None),
                               default=-1)


class _RowsFrom:
    """The `lead_in` rows, then the non-blank rows from `begin` on, as (index, row) pairs
    (index -1 for a lead-in row): a view, nothing copied."""

    def __init__(self, rows: _DocumentRows, begin: int, lead_in: Sequence[RawRow]):
        self.rows = rows
        self.lead_in = list(lead_in)
        self.offset = bisect_left(rows.non_blank, begin)

    def __len__(self) -> int:
        return len(self.lead_in) + len(self.rows.non_blank) - self.offset

    def __getitem__(self, k: int) -> tuple[int, RawRow]:
        if k < len(self.lead_in):
            return -1, self.lead_in[k]
        i = self.rows.non_blank[self.offset + k - len(self.lead_in)]
        return i, self.rows.rows[i]


# the fewest words a note line in another column than the first holds ("Ghi chú: Số liệu …")
_NOTE_WORDS = 4
# the fewest cells of a numbered row below a table's end that reads as a row left out
_DROPPED_ROW_CELLS = 3
# a body heading's roman number with its point ("III. TỔ CHỨC THỰC HIỆN"), and the fewest
# words of the paragraph line under it
_POINTED_HEADING = lazy(compile_regex, r"^[IVXLC]+\.\s")
_PARAGRAPH_WORDS = 10
# the most rows an introductory sentence under a section heading runs to
_INTRO_ROWS = 3


class _Assembler:
    def __init__(self, table: Table, header_rows: list[list[str]], body: int | None = None):
        self.table = table
        # in a plan's body, the value of the last roman body heading above the table: a
        # later one ("III. TỔ CHỨC THỰC HIỆN") ends the table; None outside a plan's body
        self.body_heading = body
        self.width = len(table.columns)
        self.header_keys = [_HeaderKeys.of(row) for row in header_rows]
        self.header_labels = frozenset().union(*(keys.labels for keys in self.header_keys))
        self.number_col = table.index_of("number")
        self.name_col = table.index_of("name")
        self.agency_cols = frozenset(table.indexes_of(*AGENCY_ROLES))
        self.pending_break = False
        self.ended = False
        # the table ended at a note line (a footnote, "Ghi chú:"), which a page's foot may
        # print before the table goes on: a row carrying the numbering on resumes it
        self.ended_by_note = False
        # the table ended at a digital signature's stamp ("Ký bởi: …", "Thời gian ký: …"),
        # which a signed page may print between two rows: "name" or "value", the field read
        # last, while the stamp's lines go on; a row carrying the numbering on resumes it
        self.ended_by_stamp: str | None = None
        self.stamp_column: int | None = None  # the column the stamp's last field was read in
        self.in_note = False  # the rows under the table are a note's, kept in table_note
        self.dropped_rows = False  # a numbered row below the table's end was warned of
        self.last_page = None
        self.marks_tables = False
        self.after_header = False  # the last row taken was a header repeated at a page break
        self._preamble_keys: frozenset[str] | None = None
        self.trace: Trace | None = None
        # the rows from the one after the next row on (where the row taken now was found)
        self._ahead: tuple[_RowsFrom, int] | None = None

    def _note(self, row: RawRow, what: str, why: str = "") -> None:
        if self.trace is not None:
            self.trace.note(row, what, why)

    def feed_until_next_table(self, rows: _DocumentRows, begin: int,
                              lead_in: list[RawRow] = ()) -> tuple[int, int] | None:
        """Take the `lead_in` rows, then rows from `begin` on until a header that starts
        another table; return its index and how many one-cell rows right above it name that
        table (those are not taken)."""
        self.marks_tables = rows.last_marked >= begin
        seq = _RowsFrom(rows, begin, lead_in)
        held: list[int] = []  # one-cell rows (positions in seq), taken once a row follows
        count = len(seq)
        following = seq[0] if count else None  # (each row looked up once, as the next one)
        for k in range(count):
            i, row = following  # type: ignore[misc]
            following = seq[k + 1] if k + 1 < count else None
            raw = _raw_texts(row)
            texts = list(map(clean_text, raw))
            filled = len(texts) - texts.count("")
            if filled == 1:
                held.append(k)
                continue
            if filled and self._starts_next_table(texts, [seq[h][1] for h in held] if held
                                                  else None, row):
                heading = min(len(held), SETTINGS.max_heading_rows)
                self._take_held(seq, held[:len(held) - heading])
                return i, heading
            if held:
                self._take_held(seq, held)
                held = []
            self._ahead = (seq, k + 2)
            self._take(row, following[1] if following is not None else None, texts, raw)
        self._take_held(seq, held)
        return None

    def _take_held(self, seq: _RowsFrom, held: list[int]) -> None:
        for k in held:
            self._ahead = (seq, k + 2)
            self._take(seq[k][1], seq[k + 1][1] if k + 1 < len(seq) else None)

    def _starts_next_table(self, texts: list[str], heading: list[RawRow] | None = None,
                           row: RawRow | None = None) -> bool:
        """A header of other columns (`row` given: also one with the new table's first row
        glued on); or this header again under the label of another appendix ("Phụ lục II"
        after "Phụ lục I", both with the same columns)."""
        if self.number_col is not None and self.number_col < len(texts):
            number = texts[self.number_col]
            if number[:1].isdigit():
                return False  # a numbered data row: the common case, decided cheaply
        if not self._is_repeated_header(texts):
            return _is_new_header(texts) or (row is not None
                                             and _glued_new_header(row) is not None)
        return bool(heading) and self._names_another_appendix(heading[-SETTINGS.max_heading_rows:])

    def _names_another_appendix(self, heading: list[RawRow]) -> bool:
        if any(_CONTINUED.search(ascii_fold(c.text)) for row in heading for c in row.cells):
            return False  # "PHỤ LỤC 01 (tiếp theo)": the same appendix, carried on
        label, _ = appendix_heading(heading)
        return label is not None and label != appendix_heading(self.table.preamble)[0]

    def _take(self, row: RawRow, next_row: RawRow | None = None,
              texts: list[str] | None = None, raw: list[str] | None = None) -> None:
        """`texts` and `raw`: the row's cells cleaned and as read, when the caller has them."""
        if raw is None:
            raw = _raw_texts(row)
            texts = list(map(clean_text, raw))
        if not any(texts):
            return
        parts = self._split_glued(row, texts, raw)
        if parts is not None:
            self.table.warnings.append(f"row_split_from_line:{self._where(row)}")
            if self.trace is not None:
                self.trace.split(row, parts)
            for part in parts:
                self._take(part, next_row)
            return
        if self.last_page is not None and row.page is not None and row.page != self.last_page:
            self.pending_break = True
        self.last_page = row.page if row.page is not None else self.last_page
        if self._is_repeated_header(texts):
            self.pending_break = True
            self.ended = False
            self.after_header = True
            self._note(row, "dropped", "the header repeated (a page break)")
            return
        after_header, self.after_header = self.after_header, False
        filled = [i for i, t in enumerate(texts) if t]
        single = len(filled) == 1
        # one cell of text at the line's start: a line without tabs, a row spanning the table
        lone = texts[0] if single and filled[0] == 0 and self.name_col != 0 else None
        if single and (self._is_furniture(texts[filled[0]]) or self._repeats_preamble(
                texts[filled[0]])) and not self._is_bare_number_row(row, texts[filled[0]]):
            self._note(row, "dropped", "page furniture or a running page header")
            return
        if self.ended_by_note and self._continues_numbering(texts, filled):
            # a footnote printed at the foot of a page ("(1) Số liệu …", "(*) …"), then the
            # table's next numbered row on the next page: the table goes on
            self.ended = self.ended_by_note = False
            self._note(row, "resumed", "the numbering goes on under a footnote")
        stamp = self._stamp_line(texts, filled)
        if self.ended_by_stamp is not None:
            if stamp is None and self._goes_on_under_stamp(texts, filled):
                self.ended = False
                self._note(row, "resumed", "the table goes on under a signature's stamp")
            self.ended_by_stamp = stamp if self.ended else None
        # (a row of more than two cells is no signature: most rows, decided without a call)
        signature = len(filled) <= 2 and self._is_signature([texts[i] for i in filled])
        if signature and stamp is not None and not self.ended:
            self.ended_by_stamp = stamp
        note = not signature and (self._is_table_end(lone) if lone is not None else
                                  single and self._is_note_sentence(texts[filled[0]]))
        if self.ended or note or signature or (single and self._is_body_heading(
                row, texts, next_row)):
            self._note(row, "after", "below the table's end (a closing line, a signature, "
                                     "the plan's next heading)")
            # how the table ended; a signature below a footnote ends it for good
            self.ended_by_note = (self.ended_by_note if self.ended else note) and not signature
            self._keep_a_note(row, texts, filled, signature)
            self.ended = True
            self.table.trailing.append(row)
            self._warn_if_a_row(row, texts, filled)
            return
        if lone is not None and self._is_stray_line(row, lone, next_row):
            if _CONTINUED_LABEL.search(ascii_fold(lone)):
                self._note(row, "dropped", "a continuation label (\"PHỤ LỤC 01 (tiếp theo)\")")
                return
            # its words in a document warning ("Bảng 2. …", a footnote spanning the table):
            # no printed line is dropped in silence
            self._keep_words(lone)
            self._note(row, "dropped", "a line outside the table's columns (a caption, a "
                                       "footnote, a label before a repeated header): kept in "
                                       "the document warning table_note")
            return
        if single and IN_WHICH.match(texts[filled[0]]):
            return  # "Trong đó:" alone: the rows under it are its parent's parts, not its text
        if self._in_which_under_merged(texts, filled):
            return  # beside cells merged over it and its parent, which the reader copied
        if (not self.table.rows or after_header) and self._is_column_numbering(texts):
            self._note(row, "dropped", "the columns' numbering, (1) (2) (3) …")
            return  # "(1) (2) (3) …" under the header, on its first page or repeated
        cells, warnings = self._fit(row, texts, raw, filled)
        bold = self._is_bold(row, cells)
        self._mark_as_number(cells)
        if self._is_total_row(cells):
            self._keep_words(" ".join(t for t in texts if t))
            self._note(row, "dropped", "a totals row (\"Tổng cộng\"): the sum of the rows "
                                       "above, no indicator; kept in the document warning "
                                       "table_note")
            return
        if self._adds_agencies(cells):
            self._join_agencies(cells)
            self._joined(row, warnings)
            self._note(row, "joined", "to the row above: it only adds an agency")
        elif self._continues_previous(cells, single) and not self._bold_after_plain(bold):
            self._join(cells)
            self._joined(row, warnings)
            self._note(row, "joined", "to the row above, across a page break"
                       if self.pending_break else "to the row above: no number of its own")
        else:
            self.table.rows.append(LogicalRow(cells, [row], bold=bold,
                                              after_page_break=self.pending_break,
                                              warnings=warnings))
            if self.trace is not None:
                self._note(row, "row", "a new row after a page break" if self.pending_break
                           else "a new row")
        self.pending_break = False

    # -- a line holding two rows

    def _split_glued(self, row: RawRow, texts: list[str], raw: list[str]
                     ) -> tuple[RawRow, RawRow] | None:
        """A numbered row glued onto the line above it by a lost line break, as (the line
        above, the row); None when the line is one row.

        The line above is a section title ("I\tPHÁT TRIỂN HẠ TẦNG 1\tTỷ lệ …", "<b>II …</b>
        1\tTỷ lệ …"), the repeated header ("… Ghi chú 9\tTỷ trọng …") or another row ("1\t…
        Phòng Kinh tế 2\tTỷ lệ …"). The row is told by its number — the one the table expects
        next — at the end of a cell or alone in one, followed by a row's cells (a name that
        starts a sentence); and by the line holding more than one row's shape: more cells than
        the table, or a title's cells followed by a row's. A title that ends in a number
        ("Đề án 06", "Mục tiêu 1") has no row after it, so it is never split.
        """
        nc, mc = self.number_col, self.name_col
        if nc is None or mc is None or mc <= nc or len(row.cells) < mc + 1:
            return None
        # A line no wider than a row, with no bold, can only be a title glued in its number
        # cell (see `_is_glued_pair`): skip the other cells, as almost every line is such.
        joined = "\0".join(raw)  # (no "__" across two cells)
        bounded = len(raw) <= self.width and not (
            "<" in joined or "*" in joined or "__" in joined)
        for k in range(nc, nc + 1 if bounded else len(raw)):
            if not texts[k]:
                continue
            tail = GLUED_NUMBER.match(raw[k]) if (
                texts[k][-1:].isdigit() or "." in texts[k][-2:]) and _may_hold_space(raw[k]) \
                else None
            if tail is not None and clean_text(tail["head"]):
                first = [*raw[:k], tail["head"]]
                second = [tail["num"], *raw[k + 1:]]
            elif k > nc and ITEM_NUMBER.match(texts[k]) and any(texts[:k]):
                first, second = raw[:k], [raw[k].strip(), *raw[k + 1:]]
            else:
                continue
            if self._is_glued_pair(row, first, [""] * nc + second, in_number_cell=k == nc):
                return (split_piece(row, first), split_piece(row, [""] * nc + second))
        return None

    def _is_glued_pair(self, row: RawRow, first: list[str], second: list[str], *,
                       in_number_cell: bool) -> bool:
        nc, mc = self.number_col, self.name_col
        printed = len(second)  # with its padding cells: a row glued whole keeps them
        while second and not clean_text(second[-1]):
            second = second[:-1]
        if len(second) <= mc:  # (longer than a row: a third row glued on, split next)
            return False
        name = clean_text(second[mc])
        if not name[:1].isupper() or len(name.split()) < 2:
            return False
        number = number_key(clean_text(second[nc]))
        first_texts = [clean_text(t) for t in first]
        filled = [i for i, t in enumerate(first_texts) if t]
        if not filled:
            return False
        wider = len(row.cells) > self.width  # the tab count of more than one row
        if self._is_repeated_header(first_texts):
            return wider and number in self._expected_after(None)
        if set(filled) <= {nc, mc} and self._is_title(first, first_texts):
            bold_apart = all(is_bold_markup(first[i]) for i in filled) and not is_bold_markup(
                second[mc])
            return (wider or in_number_cell or bold_apart) and number in self._expected_after(
                self._title_number(first_texts), restart=True)
        # a row glued to a row, or to a line continuing the row above: the second must have
        # a row's shape, not be a cell or two of overflow ("… Quý 2\tGhi chú thêm")
        full = printed >= self.width - 1 and sum(1 for t in second if clean_text(t)) >= 3
        if not (wider and full) or filled[-1] >= self.width:
            return False
        own_text = first_texts[nc] if nc < len(first_texts) else ""
        own = number_key(own_text)
        if own is not None:
            return number in successors(own)
        if own_text and not ROW_LABEL.match(own_text):
            return False
        return number in self._expected_after(None)  # after "b)", or a continuation line

    def _is_title(self, first: list[str], texts: list[str]) -> bool:
        """The cells of a section row: a section number ("I", "B", "PHẦN II") beside its
        title, one cell "II Phát triển nguồn lực", or a bold title ("<b>1 Về hạ tầng
        số</b>", an unnumbered bold group)."""
        nc, mc = self.number_col, self.name_col
        number = texts[nc] if nc < len(texts) else ""
        title = texts[mc] if mc < len(texts) else ""
        if number and title:
            return bool(SECTION_NUMBER.match(number)) or is_bold_markup(first[nc])
        only = number or title
        match = SECTION_TOKEN.match(only)
        if match and SECTION_NUMBER.match(match["num"]):
            return True
        return is_bold_markup(first[nc] if number else first[mc])

    def _title_number(self, texts: list[str]) -> str:
        number = texts[self.number_col]
        match = SECTION_TOKEN.match(number)
        return match["num"] if match else number

    def _expected_after(self, title_number: str | None, *, restart: bool = False
                        ) -> set[tuple[int, ...]]:
        """The numbers the next row may carry: the last numbered row's successors; after a
        section title, also a restarted "1" or "1.1" (and "2.1" under a section "2")."""
        expected: set[tuple[int, ...]] = set()
        for logical in reversed(self.table.rows):
            last = number_key(clean_text(logical.cells[self.number_col]))
            if last is not None and not logical.bold:
                expected |= successors(last)
                break
        else:
            restart = True
        if restart:
            expected |= {(1,), (1, 1)}
            own = number_key(title_number or "")
            if own is not None:
                expected.add((*own, 1))
        return expected

    # -- classification

    def _is_repeated_header(self, texts: list[str]) -> bool:
        return _repeats_header(texts, self.header_keys, self.header_labels, self.name_col)

    def _is_stray_line(self, row: RawRow, text: str, next_row: RawRow | None) -> bool:
        """A line of one cell outside the name column that is not table content: text the
        reader found outside any table ("Bảng 2", a caption, a signature), or a line just
        before a repeated header or the table's end ("PHỤ LỤC 01 (tiếp theo)", a footer row
        spanning the table). A wrapped line of a name sits in the name column instead."""
        if self.body_heading is not None and self.marks_tables and row.table is None:
            return True  # in a plan's body, a paragraph outside the table, numbered or not
        below_tables = next_row is None or next_row.table is None
        if self.marks_tables and row.table is None and below_tables and self._numbered_again(
                text):
            return True  # a footnote under the table: "1 Chỉ tiêu theo Nghị quyết …"
        if SECTION_TOKEN.match(text) or ROW_LABEL.match(text):
            return False  # a numbered line is a row, wherever the reader found it
        if self.marks_tables and row.table is None:
            return True
        if next_row is None:
            return bool(self.table.rows)
        if self.marks_tables and next_row.table != row.table:
            return True
        return self._is_repeated_header(_cell_texts(next_row))

    def _numbered_again(self, text: str) -> bool:
        """A sentence outside the reader's tables (with no table row after it) opening with
        a number a row of the table already took and closed by a full stop ("1 Chỉ tiêu theo
        Nghị quyết số 57-NQ/TW.", the rows numbered 1 to 3): a footnote under the table, not
        a row (a row outside them goes on with the next number)."""
        match = SECTION_TOKEN.match(text)
        number = number_key(match["num"]) if match else None
        if number is None or len(match["title"].split()) < _NOTE_WORDS or not text.endswith("."):
            return False  # a heading before the next table ("2. Các nhiệm vụ về …") is none
        return any(number_key(clean_text(r.cells[self.number_col])) == number
                   for r in self.table.rows) if self.number_col is not None else False

    def _is_body_heading(self, row: RawRow, texts: list[str], next_row: RawRow | None = None
                         ) -> bool:
        """In a plan's body, a heading of the body after the table's own ("III. TỔ CHỨC
        THỰC HIỆN" after "II. CHỈ TIÊU"), printed outside the table: a line of its own, not a
        row of the table spanning its width. Under a table outside a plan's body (an
        appendix's), one with a paragraph under it (`next_row`), both outside the tables."""
        if not self.table.rows:
            return False
        if self.body_heading is None:
            return next_row is not None and self._heads_prose(row, texts, next_row)
        outside = row.table is None if self.marks_tables else len(row.cells) == 1
        text = next(t for t in texts if t)
        if outside and is_article_heading(text):
            return True  # "Điều 2. Giao …" under a table in a decision's or resolution's body
        value = roman_heading(text) if outside else None
        # where the reader marks its tables, any body heading outside them ends the table
        # (OCR may misread "III" as "II"); in plain text, only one later than the body's
        if value is None or (value <= self.body_heading and not self.marks_tables):
            return False
        self.body_heading = max(value, self.body_heading)
        return True

    def _heads_prose(self, row: RawRow, texts: list[str], next_row: RawRow) -> bool:
        """A plan's body heading with its point ("IV. KINH PHÍ THỰC HIỆN", "III. TỔ CHỨC
        THỰC HIỆN") printed outside the tables the reader marks, over a paragraph (a line
        of a sentence's length, outside them too, numbered or not): the plan's text goes on
        under an appendix's short table. A section title between two pieces of a table has
        the table's rows under it."""
        if not self.marks_tables or row.table is not None or next_row.table is not None:
            return False
        text = next(t for t in texts if t)
        below = [clean_text(c.text) for c in next_row.cells if c.text.strip()]
        return bool(_POINTED_HEADING.match(text)) and roman_heading(text) is not None and len(
            below) == 1 and len(below[0].split()) >= _PARAGRAPH_WORDS and not self._rows_go_on()

    def _rows_go_on(self) -> bool:
        """Under the paragraph(s) below a heading, the first row of cells is a numbered row
        inside a table the reader marks: the heading is the table's next section and its
        paragraph an introductory sentence ("II. CÔNG TÁC TRUYỀN THÔNG" / "Các nhiệm vụ dưới
        đây …" / rows 3, 4), not the plan's text going on under the table."""
        if self._ahead is None:
            return False
        seq, k = self._ahead
        for j in range(k, min(k + _INTRO_ROWS, len(seq))):
            row = seq[j][1]
            texts = [clean_text(c.text) for c in row.cells if c.text.strip()]
            if len(texts) > 1:
                return row.table is not None and bool(ROW_LABEL.match(texts[0]))
            if row.table is not None:
                return False
        return False

    def _is_bare_number_row(self, row: RawRow, text: str) -> bool:
        """A numbered row whose other cells are empty ("5\t\t\t"), not a page number: it
        has cells to fill, and the reader put it inside a table."""
        inside = row.table is not None or not self.marks_tables
        return len(row.cells) > 1 and inside and bool(ROW_LABEL.match(text))

    def _repeats_preamble(self, text: str) -> bool:
        """A running page header: a line above the table ("Phụ lục I") printed again at the
        top of a later page, without the table's header under it."""
        if self._preamble_keys is None:
            self._preamble_keys = frozenset(
                line_key(t) for row in self.table.preamble
                for t in [clean_text(c.text) for c in row.cells] if t)
        return line_key(text) in self._preamble_keys

    def _is_furniture(self, text: str) -> bool:
        return bool(vocabulary().furniture.search(line_key(text)))

    def _goes_on_under_stamp(self, texts: list[str], filled: list[int]) -> bool:
        """A row after a stamp read between two rows that is the table's: its next numbered
        row, a group row (a label in the number column, its title beside it), or a row's
        wrapped rest (lower case in the name column, nothing else)."""
        if self._continues_numbering(texts, filled):
            return True
        col, name = self.number_col, self.name_col
        if (col is not None and len(filled) >= 2 and filled[0] == col
                and ROW_LABEL.match(texts[col]) and not texts[col].rstrip(".)").isdigit()):
            return True
        # in the name's column, or on a line without tabs (a text form that keeps none)
        return (filled in ([name], [0]) and name is not None and name != 0
                and texts[filled[0]][:1].islower())

    def _continues_numbering(self, texts: list[str], filled: list[int]) -> bool:
        """A row with cells beside its number, numbered next after the last numbered row."""
        col = self.number_col
        # the number in its column, or one cell to the right (a row shifted by a stray cell)
        if col is None or len(filled) < 2 or filled[0] not in (col, col + 1):
            return False
        number = number_key(texts[filled[0]])
        if number is None:
            return False
        for row in reversed(self.table.rows):
            last = number_key(clean_text(row.cells[col]))
            if last is not None:
                return number in successors(last)
        return False

    def _warn_if_a_row(self, row: RawRow, texts: list[str], filled: list[int]) -> None:
        """A numbered row of several cells below the table's end (a table under a header
        no column of which reads as a name) is left out: the document says so, once."""
        if self.dropped_rows or len(filled) < _DROPPED_ROW_CELLS or not ROW_LABEL.match(
                texts[filled[0]]):
            return
        self.dropped_rows = True
        self.table.warnings.append(f"rows_after_table_end:{self._where(row)}")

    def _keep_a_note(self, row: RawRow, texts: list[str], filled: list[int],
                     signature: bool) -> None:
        """A note on the table under it ("Ghi chú: …", "(1) Số liệu …", "Nguồn: …") and the
        lines it goes on over, up to a closing sentence, a signature or the plan's next
        heading: its words in the document warning table_note (a note ends the table; no
        printed line is dropped in silence)."""
        text = " ".join(texts[i] for i in filled)
        key = line_key(text)
        if vocabulary().table_notes.search(key):
            self.in_note = True
        elif (signature or not text or vocabulary().table_end.search(key)
              or (len(filled) == 1 and self._is_body_heading(row, texts))):
            self.in_note = False
        if self.in_note:
            self._keep_words(text)

    def _keep_words(self, text: str) -> None:
        """A line read as no row, in the document warning table_note (a page of prose cut
        at `_NOTE_SIZE` characters)."""
        if len(text) > _NOTE_SIZE:
            text = text[:_NOTE_SIZE - 1].rstrip() + "…"
        self.table.warnings.append(f"{TABLE_NOTE}:{text}")

    def _is_note_sentence(self, text: str) -> bool:
        """A note under the table written in another column than the first ("Ghi chú: Chỉ
        tiêu 1 tính …" in a sheet's column B): a closing line with words after its mark, not
        a bare "(*)" carrying a name on."""
        return len(text.split()) >= _NOTE_WORDS and self._is_table_end(text)

    def _is_table_end(self, text: str) -> bool:
        return bool(self.table.rows) and bool(vocabulary().table_end.search(line_key(text)))

    def _stamp_line(self, texts: list[str], filled: list[int]) -> str | None:
        """A line of a digital signature's stamp: what its field holds ("name", "value"), or
        under a name's field the name's wrapped rest ("Tân Lạc, tỉnh Phú Thọ") — "rest": in
        the field's column and naming a place or body (a capital), so that a row's wrapped
        rest ("và cải cách hành chính") stays the row's."""
        if not filled or len(filled) > 2:
            return None
        text = texts[filled[0]]
        field = stamp_field(text)
        if field is not None:
            self.stamp_column = filled[0]
        elif (self.ended_by_stamp == "name" and filled == [self.stamp_column]
              and any(word[:1].isupper() for word in text.split()) and not (
                ROW_LABEL.match(text) or vocabulary().signature.search(line_key(text)))):
            return "rest"
        return field

    def _is_signature(self, filled: list[str]) -> bool:
        """The signature block under the table, which OCR often puts in a right-hand column
        ("\t\t\t\tKT. CHỦ TỊCH", "Nơi nhận:\t\t\tTM. ỦY BAN NHÂN DÂN"): a row of one or two
        cells, one of them a signature line, ends the table wherever it sits."""
        if not self.table.rows or len(filled) > 2:
            return False
        return any(vocabulary().signature.search(line_key(t)) for t in filled)

    def _is_column_numbering(self, texts: list[str]) -> bool:
        return numbers_columns([t for t in texts if t])

    def _is_bold(self, row: RawRow, cells: list[str]) -> bool:
        # its first two cells, those filled, all bold (and one of them filled)
        filled = False
        for cell in row.cells[:2]:
            if cell.text.strip():
                if not (cell.bold or is_bold_markup(cell.text)):
                    return False
                filled = True
        return filled

    # -- shaping

    def _fit(self, row: RawRow, texts: list[str], raw: list[str], filled: list[int]
             ) -> tuple[list[str], list[str]]:
        """Raw cell texts aligned to the columns (a section written in one cell is split),
        and the row's warnings. `filled`: the indexes of the row's filled cells."""
        raw = list(raw)  # (the caller's list stays as read)
        warnings = []
        shifted = self._shifted_right(texts)
        if shifted:
            raw, texts = raw[1:], texts[1:]
            warnings.append("row_cells_shifted")
        if len(raw) > self.width:
            extra = [t for t in texts[self.width:] if t]
            if extra:
                self.table.warnings.append(f"row_too_many_cells:{self._where(row)}")
                warnings.append("row_too_many_cells")
                raw = [*raw[:self.width - 1], " ".join([raw[self.width - 1], *extra])]
            else:
                raw = raw[:self.width]
        raw = raw + [""] * (self.width - len(raw))
        if shifted or filled[-1:] >= [self.width]:
            filled = [i for i, t in enumerate(texts[:self.width]) if t]
        if len(filled) == 1 and self.name_col is not None:
            self._split_lone_cell(raw, filled[0])
        elif self._merged_number_and_name(raw):
            match = SECTION_TOKEN.match(clean_text(raw[self.number_col]))
            raw[self.number_col], raw[self.name_col] = match["num"], match["title"]
        return raw, warnings

    def _shifted_right(self, texts: list[str]) -> bool:
        """A row OCR put one column right: an empty first cell, then its number where the
        name belongs and its name in the next column ("\t4\tTỷ lệ hồ sơ …")."""
        nc, mc = self.number_col, self.name_col
        if nc != 0 or mc != 1 or len(texts) < 3 or texts[0]:
            return False
        number, name = texts[1], texts[2]
        return (bool(ITEM_NUMBER.match(number) or SECTION_NUMBER.match(number))
                and name[:1].isupper() and len(name.split()) >= 3)

    def _merged_number_and_name(self, raw: list[str]) -> bool:
        """"2. Tỷ lệ B" printed in the number column, the name column empty."""
        if self.number_col is None or self.name_col is None or clean_text(raw[self.name_col]):
            return False
        return bool(SECTION_TOKEN.match(clean_text(raw[self.number_col])))

    def _split_lone_cell(self, raw: list[str], only: int) -> None:
        """A row with one filled cell: "II Phát triển nguồn lực" → number + name."""
        if only not in (self.number_col, self.name_col):
            return
        match = SECTION_TOKEN.match(clean_text(raw[only]))
        if match and only == self.name_col and not (
            is_bold_markup(raw[only]) or SECTION_NUMBER.match(match["num"])
        ):
            match = None  # "4 phường trên địa bàn" wrapped onto a line of its own
        if match and self.number_col is not None:
            raw[only] = ""
            raw[self.number_col] = match["num"]
            raw[self.name_col] = match["title"]
        elif only == self.number_col and not ROW_LABEL.match(clean_text(raw[only])):
            raw[self.name_col], raw[only] = raw[only], ""

    def _bold_after_plain(self, bold: bool) -> bool:
        """A bold row under a plain one is no more of its text (a row carried on keeps its
        style): an unnumbered bold group title between two groups' tasks."""
        return bold and bool(self.table.rows) and not self.table.rows[-1].bold

    def _continues_previous(self, cells: list[str], single: bool) -> bool:
        if not self.table.rows or self.number_col is None:
            return False
        if clean_text(cells[self.number_col]):
            return False
        seconds = [*self.table.indexes_of("unknown"),
                   *(i for i in self.table.indexes_of("number") if i != self.number_col)]
        if any(ROW_LABEL.match(clean_text(cells[i])) for i in seconds if i < len(cells)):
            # its own label in a second numbering column ("Chi tiết": "2", "a)"; "STT" copied
            # into both slots it spans: "1.1"): an item or a group row without a running
            # number, not the row above carried on
            return False
        previous = self.table.rows[-1]
        number = clean_text(previous.cells[self.number_col])
        if not number:
            return single
        if single and self._bare_number(previous) and self.name_col is not None and clean_text(
                cells[self.name_col]):
            return True  # "**5.1**" on a row of its own, its title alone on the next one
        if previous.bold or SECTION_NUMBER.match(number):
            return False
        return not self._is_whole_row(cells, previous)

    def _is_total_row(self, cells: list[str]) -> bool:
        """An unnumbered row named only "Tổng cộng" / "Tổng số" / "Cộng" (in the name cell,
        or in a cell merged over the number and the name) under rows of the table: the sum of
        the rows above. Nameless, with figures only in columns of no field ("Kinh phí"), it
        is one too (its label lost in a merged cell)."""
        nc, mc = self.number_col, self.name_col
        if nc is None or mc is None or not self.table.rows:
            return False
        number, name = clean_text(cells[nc]), clean_text(cells[mc])
        label = name or number
        if not label:
            filled = [i for i, c in enumerate(cells) if clean_text(c)]
            unknown = self.table.indexes_of("unknown")
            return bool(filled) and all(i in unknown and _FIGURE.match(clean_text(cells[i]))
                                        for i in filled)
        return bool(_TOTAL_ROW.match(label)) and number in ("", label)

    def _mark_as_number(self, cells: list[str]) -> None:
        """"+ Lao động nữ" in the name cell, the number cell empty, a value of its own beside
        it: a part of the row above, marked where many appendices print the mark (leaving TT
        empty); the mark goes to the number cell, as when printed there — a row of its own,
        not more of the row above's name."""
        nc, mc = self.number_col, self.name_col
        if nc is None or mc is None or not self.table.rows or clean_text(cells[nc]):
            return
        match = _SUB_ROW_MARK.match(clean_text(cells[mc]))
        if match and any(clean_text(cells[i]) for i in self.table.indexes_of(
                "target", "baseline") if i < len(cells)):
            cells[nc], cells[mc] = match["mark"], match["rest"]

    def _in_which_under_merged(self, texts: list[str], filled: list[int]) -> bool:
        """ "Trong đó:" whose every other cell repeats the row above's: cells merged over the
        parent row, this one and the parts under it (printed once, copied into each row)."""
        if not self.table.rows or len(filled) < 2:
            return False
        previous = self.table.rows[-1].cells
        # a row's cells differ from the row above's in two or more (its number and name):
        # only one cell may differ here, so that is decided at the second that differs,
        # before any cell is matched (`texts` are cleaned already)
        differing: list[int] = []
        for i in filled:
            if i >= len(previous) or texts[i] != clean_text(previous[i]):
                if differing:
                    return False
                differing.append(i)
        heads = [i for i in filled if IN_WHICH.match(texts[i])]
        return len(heads) == 1 and all(i == heads[0] for i in differing)

    def _adds_agencies(self, cells: list[str]) -> bool:
        """A row merged over two (number, name and values in cells spanning both, which the
        reader repeats in each) whose second row only names another agency: every cell
        repeats the row above or is empty, except agency cells. (A table without a number
        column: the name repeated says it, or a row of agency cells alone.)"""
        if not self.table.rows or self.name_col is None:
            return False
        previous = self.table.rows[-1].cells
        name = clean_text(cells[self.name_col])
        if not name and self.number_col is None:
            # no numbers, and the merged cells printed once (Markdown): agency cells only —
            # under a task, not under a section's bold title
            if self.table.rows[-1].bold:
                return False
            filled = [i for i, text in enumerate(cells) if clean_text(text)]
            return bool(filled) and all(i in self.agency_cols for i in filled)
        if not name or name != clean_text(previous[self.name_col]):
            return False
        if self.number_col is not None:
            # (both empty: the items' numbers stand in a second numbering column, "STT"
            # printed over two, whose number repeats below like every other merged cell)
            number = clean_text(cells[self.number_col])
            if number != clean_text(previous[self.number_col]) or not (
                    number or self._numbered_beside(cells, previous)):
                return False
        added = False
        for i, text in enumerate(cells):
            text = clean_text(text)
            if not text or text == clean_text(previous[i]):
                continue
            if i not in self.agency_cols:
                return False
            added = True
        return added

    def _numbered_beside(self, cells: list[str], previous: list[str]) -> bool:
        """The row and the row above print the same item number right of the empty number
        column (a second numbering column, "STT" printed over both)."""
        col = self.number_col + 1
        if col >= len(cells) or col == self.name_col or col >= len(previous):
            return False
        number = clean_text(cells[col])
        return bool(number) and number == clean_text(previous[col]) and bool(
            ROW_LABEL.match(number))

    def _join_agencies(self, cells: list[str]) -> None:
        previous = self.table.rows[-1]
        for i in self.agency_cols:
            text = clean_text(cells[i])
            if text and text != clean_text(previous.cells[i]):
                previous.cells[i] = f"{previous.cells[i]}\n{cells[i].strip()}".strip()

    def _joined(self, row: RawRow, warnings: list[str]) -> None:
        """The row above holds `row` now: its piece, the join's code, the row's warnings."""
        previous = self.table.rows[-1]
        previous.pieces.append(row)
        code = "row_joined_across_pages" if self.pending_break else "row_joined"
        previous.warnings.extend(w for w in (code, *warnings) if w not in previous.warnings)

    def _bare_number(self, row: LogicalRow) -> bool:
        """A row printing its number and nothing else."""
        return all(not clean_text(c) for i, c in enumerate(row.cells) if i != self.number_col)

    def _is_whole_row(self, cells: list[str], previous: LogicalRow) -> bool:
        """A row without a number that is a row of its own: its name starts a sentence and
        it prints its own unit or target where the row above has one already ("Tỷ lệ B …",
        "%", "90": OCR lost its number), or its own agency and deadline cells where the
        row above has them (a parent task printed without a number, with its own lead and
        deadline, above its numbered sub-tasks)."""
        name_col = self.table.index_of("name")
        if name_col is None or not clean_text(cells[name_col])[:1].isupper():
            return False

        def both(*roles: str) -> list[int]:
            return [i for i in self.table.indexes_of(*roles)
                    if clean_text(cells[i]) and clean_text(previous.cells[i])]
        return bool(both("unit", "target")) or len(both("deadline", "lead", "support",
                                                        "monitor")) >= 2

    def _join(self, cells: list[str]) -> None:
        previous = self.table.rows[-1]
        self._move_name_from_unit(cells, previous)
        for i, text in enumerate(cells):
            if text.strip():
                # In an agency cell a new line may start a new agency; the splitter decides.
                glue = "\n" if i in self.agency_cols else " "
                previous.cells[i] = f"{previous.cells[i]}{glue}{text}".strip()

    def _move_name_from_unit(self, cells: list[str], previous: LogicalRow) -> None:
        """A name's wrapped words that OCR padded into the unit column ("\t\txử lý trực
        tuyến" under "%"): words of a sentence, not of a unit, go back to the name."""
        unit, name = self.table.index_of("unit"), self.name_col
        if unit is None or name is None:
            return
        filled = [i for i, t in enumerate(cells) if clean_text(t)]
        if filled != [unit]:
            return
        text, above = clean_text(cells[unit]), clean_text(previous.cells[unit])
        if (text[:1].islower() and len(text.split()) >= 2 and not any(c.isdigit() for c in text)
                and above and len(above) <= SETTINGS.unit_cell_chars and above[-1] not in "/-(,:"):
            cells[name], cells[unit] = cells[unit], ""
            if "row_cells_shifted" not in previous.warnings:
                previous.warnings.append("row_cells_shifted")

    @staticmethod
    def _where(row: RawRow) -> str:
        if row.first_line is not None:
            return f"line {row.first_line}"
        return f"page {row.page}"
