"""Spreadsheets: XLSX workbooks (openpyxl) and CSV/TSV files (the csv module).

Cells keep their text as shown: numbers without a trailing ".0", dates as d/m/yyyy, line
breaks inside a cell kept. Merged cells are resolved like HTML spans: a range spanning
columns keeps its text in its first column; a range spanning rows repeats it in every row
(a merged agency or deadline cell applies to each row). The header need not be on the
first row: assembly finds it.

One workbook may hold one appendix per sheet. Each sheet's rows carry the sheet's index as
their `table`, and `RawDocument.table_names` names them: assembly keeps every named sheet a
table of its own (even when its header repeats the previous sheet's), and when there are
several, each record's outermost section is its sheet. Sheets with no table are skipped.

A title cell with several lines ("Phụ lục số 01⏎Danh mục …⏎(kèm theo …)") above the table
is split into one row per line, as a text document prints it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from chitieu.core.types import Cell, RawDocument, RawRow
from chitieu.errors import InputError
from chitieu.extract.unicode import decode_text

_DELIMITERS = "\t,;|"


def read(path: Path) -> RawDocument:
    path = Path(path)
    if path.suffix.lower() in {".xlsx", ".xlsm"} or _is_zip(path):
        return _read_workbook(path)
    decoded = decode_text(path.read_bytes())
    doc = read_text(decoded.text)
    doc.warnings[:0] = decoded.warnings
    return doc


def read_text(text: str) -> RawDocument:
    """CSV or TSV text: delimiter sniffed, quoted cells may span lines."""
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[RawRow] = []
    line = 1
    try:
        for values in reader:
            first, line = line, reader.line_num + 1
            rows += _rows([v.replace("\r\n", "\n").strip() for v in values], first, line - 1,
                          table=0)
    except csv.Error as exc:
        raise InputError(f"not a readable CSV file ({exc})", code="unreadable") from None
    return RawDocument(rows=rows, format="csv", pages=None, ocr=False)


def _sniff_delimiter(text: str) -> str:
    sample = text[:20000]
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in _DELIMITERS}
        return max(counts, key=counts.get) if any(counts.values()) else ","


def _is_zip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def _rows(values: list[str], first: int | None, last: int | None, *, table: int
          ) -> list[RawRow]:
    """One row of cells; a lone multi-line cell (a title block) is one row per line."""
    filled = [v for v in values if v]
    if len(filled) == 1 and "\n" in filled[0]:
        return [RawRow([Cell(part.strip())], first_line=first, last_line=last, table=table)
                for part in filled[0].split("\n") if part.strip()]
    if not filled:
        return []
    return [RawRow([Cell(v) for v in values], first_line=first, last_line=last, table=table)]


# ---------------------------------------------------------------- XLSX


def _read_workbook(path: Path) -> RawDocument:
    import openpyxl  # missing: extract.read names the extra that installs it
    try:
        workbook = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise InputError(f"not a readable XLSX workbook ({type(exc).__name__})",
                         code="unreadable") from None
    rows: list[RawRow] = []
    names: dict[int, str] = {}
    for index, sheet in enumerate(workbook.worksheets):
        sheet_rows = _sheet_rows(sheet, index)
        if sheet_rows:
            names[index] = sheet.title
            rows += sheet_rows
    workbook.close()
    doc = RawDocument(rows=rows, format="xlsx", pages=None, ocr=False)
    doc.table_names.update(names)
    return doc


def _sheet_rows(sheet, index: int) -> list[RawRow]:
    grid = [[_shown(cell) for cell in row] for row in sheet.iter_rows()]
    for merged in sheet.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        if top >= len(grid) or left >= len(grid[top]):
            continue
        value = grid[top][left]
        for r in range(top, min(merged.max_row, len(grid))):
            for c in range(left, min(merged.max_col, len(grid[r]))):
                grid[r][c] = value if c == left else ""
    rows: list[RawRow] = []
    for number, values in enumerate(grid, start=1):
        # the sheet's row number stands in for a line number
        rows += _rows(values, number, number, table=index)
    return rows


def _shown(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.day}/{value.month}/{value.year}"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        if cell.number_format and "%" in cell.number_format:
            return f"{value * 100:g}%"
        return f"{value:g}".replace(".", ",")
    if isinstance(value, int) and cell.number_format and "%" in cell.number_format:
        return f"{value * 100}%"
    return str(value).replace("\r\n", "\n").replace("_x000D_", "").strip()
