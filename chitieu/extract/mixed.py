"""OCR'd text whose pages came out in different forms: tab-separated rows on one page, an
HTML `<table>` or a Markdown pipe table on the next (VLM/OCR tools switch per page).

Each block is read by its own reader — `<table>…</table>` by the HTML reader, a pipe table
(a run of `|` lines with a delimiter row, or of lines starting with `|`) by the Markdown
reader, every other line by the tab-separated text reader — and the rows are put back in
reading order with their line numbers and pages. Each block of table rows is numbered as a
table of its own (`RawRow.table`), so assembly continues the one table across them while
lines outside any of them (page numbers, "Phụ lục I (tiếp theo)") stay outside.
"""

from __future__ import annotations

import re
from pathlib import Path

from chitieu.core.types import RawDocument, RawRow
from chitieu.extract import html, markdown
from chitieu.extract import text as tsv
from chitieu.extract.unicode import decode_bytes

_TABLE_TAG = re.compile(r"<table\b|</table\s*>", re.IGNORECASE)
_PIPE = re.compile(r"(?<!\\)\|")
_MIN_TAB_ROWS = 2  # tab-separated rows outside the tables that make a document mixed


def read(path: Path) -> RawDocument:
    return read_text(decode_bytes(Path(path).read_bytes()))


def is_mixed(text: str) -> bool:
    """HTML or pipe tables, and rows of tab-separated cells outside them."""
    kinds = _line_kinds(text.split("\n"))
    lines = text.split("\n")
    tab_rows = sum(1 for line, kind in zip(lines, kinds, strict=True)
                   if kind == "text" and line.strip().count("\t") >= 1
                   and len([c for c in line.split("\t") if c.strip()]) >= 2)
    return tab_rows >= _MIN_TAB_ROWS and any(kind != "text" for kind in kinds)


def read_text(text: str) -> RawDocument:
    lines = text.split("\n")
    kinds = _line_kinds(lines)
    rows: list[RawRow] = []
    warnings: set[str] = set()
    tables = 0
    start = 0
    for end in range(1, len(lines) + 1):
        if end < len(lines) and kinds[end] == kinds[start]:
            continue
        # blank lines ahead of the block keep the line numbers of the whole document
        segment = "\n" * start + "\n".join(lines[start:end])
        pages_before = sum(line.count("\f") for line in lines[:start])
        reader = {"html": html, "markdown": markdown}.get(kinds[start], tsv)
        doc = reader.read_text(segment)
        warnings.update(doc.warnings)
        if reader is tsv:
            _pages_of_text(doc.rows, lines)
            tables += _mark_table(doc.rows, tables)
        else:
            for row in doc.rows:
                row.page = (row.page or 1) + pages_before
            found = {row.table for row in doc.rows if row.table is not None}
            for row in doc.rows:
                if row.table is not None:
                    row.table += tables
            tables += len(found) and max(found) + 1
        rows.extend(doc.rows)
        start = end
    pages = 1 + text.count("\f")
    return RawDocument(rows=rows, format="text", pages=pages, ocr=True,
                       warnings=sorted(warnings))


def _line_kinds(lines: list[str]) -> list[str]:
    """"html", "markdown" or "text" for every line."""
    kinds = ["text"] * len(lines)
    depth, opened = 0, 0
    for number, line in enumerate(lines):
        if depth or "<" in line:
            for tag in _TABLE_TAG.finditer(line):
                if tag.group(0)[1] != "/":
                    if depth == 0:
                        opened = number
                    depth += 1
                elif depth:
                    depth -= 1
                    if depth == 0:
                        kinds[opened:number + 1] = ["html"] * (number + 1 - opened)
    if depth:  # a table never closed runs to the end
        kinds[opened:] = ["html"] * (len(lines) - opened)
    run: list[int] = []
    for number, line in enumerate([*lines, ""]):
        if number < len(lines) and kinds[number] == "text" and _PIPE.search(line):
            run.append(number)
            continue
        if run and _is_pipe_table([lines[i] for i in run]):
            for i in run:
                kinds[i] = "markdown"
        run = []
    return kinds


def _is_pipe_table(block: list[str]) -> bool:
    if any(markdown.is_delimiter_row(line) for line in block):
        return True
    return sum(1 for line in block if line.strip().startswith("|")) >= 2


def _pages_of_text(rows: list[RawRow], lines: list[str]) -> None:
    """The text reader counted form feeds in its block only: count them from the top."""
    page, feeds = 1, []
    for line in lines:
        page += line.count("\f")
        feeds.append(page)
    for row in rows:
        if row.first_line is not None:
            row.page = feeds[row.first_line - 1]


def _mark_table(rows: list[RawRow], number: int) -> int:
    """Number the rows of a tab-separated block from its first row of cells to its last as
    table `number`; returns how many tables that made (0 or 1)."""
    celled = [i for i, row in enumerate(rows) if len(row.cells) > 1]
    if not celled:
        return 0
    for row in rows[celled[0]:celled[-1] + 1]:
        row.table = number
    return 1
