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
import functools
import io
import re
from bisect import bisect_left, bisect_right
from pathlib import Path

from chitieu.core.types import Cell, RawDocument, RawRow
from chitieu.errors import InputError
from chitieu.extract import limits
from chitieu.extract.detect import (
    ENCRYPTED_OFFICE,
    OLE_MAGIC,
    ZIP_MAGIC,
    is_encrypted_office,
    opendocument_kind,
    starts_with,
    zip_errors,
)
from chitieu.extract.unicode import decode_text

_DELIMITERS = "\t,;|"


def read(path: Path) -> RawDocument:
    path = Path(path)
    if starts_with(path, ZIP_MAGIC) and opendocument_kind(path) == "ods":
        return _read_opendocument(path)
    if starts_with(path, OLE_MAGIC):
        # Excel 97-2003 (.xls), or a password-protected workbook: neither is a CSV text
        if is_encrypted_office(path):
            raise InputError(ENCRYPTED_OFFICE, code="encrypted")
        return _read_opendocument(path)
    if path.suffix.lower() in {".xlsx", ".xlsm"} or starts_with(path, ZIP_MAGIC):
        return _read_workbook(path)
    decoded = decode_text(path.read_bytes())
    doc = read_text(decoded.text)
    doc.warnings[:0] = decoded.warnings
    return doc


def _read_opendocument(path: Path) -> RawDocument:
    """An OpenDocument spreadsheet (.ods) or an Excel 97-2003 workbook (.xls): converted to
    XLSX by LibreOffice, then read."""
    import tempfile

    from chitieu.extract.docx import convert_with_libreoffice

    with tempfile.TemporaryDirectory(prefix="chitieu-ods-") as tmp:
        doc = _read_workbook(convert_with_libreoffice(path, Path(tmp), "xlsx"))
    doc.meta["converted_from"] = path.suffix.lower().lstrip(".") or "ods"
    doc.meta["converter"] = "libreoffice"
    return doc


def read_text(text: str) -> RawDocument:
    """CSV or TSV text: delimiter sniffed, quoted cells may span lines."""
    delimiter = _sniff_delimiter(text)
    # a cell may be as long as the text (whose size --max-text-mb bounds): the csv module
    # refuses fields over 131,072 characters by default
    if len(text) > csv.field_size_limit():
        csv.field_size_limit(len(text))
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


def _rows(values: list[str], first: int | None, last: int | None, *, table: int,
          bold: frozenset[int] = frozenset()) -> list[RawRow]:
    """One row of cells (those at the `bold` indexes printed in bold); a lone multi-line
    cell (a title block, agencies added on lines of one cell) is one row per line, each
    line in the cell's column."""
    filled = [i for i, v in enumerate(values) if v]
    if len(filled) == 1 and "\n" in values[filled[0]]:
        at = filled[0]
        return [RawRow([*[Cell("") for _ in range(at)], Cell(part.strip(), bold=at in bold)],
                       first_line=first, last_line=last, table=table)
                for part in values[at].split("\n") if part.strip()]
    if not filled:
        return []
    return [RawRow([Cell(v, bold=i in bold) for i, v in enumerate(values)], first_line=first,
                   last_line=last, table=table)]


# ---------------------------------------------------------------- XLSX

# Runs of empty columns longer than this, between or before the used ones, shrink to one:
# a stray value at column XFD must not widen every row to 16,384 cells.
_MAX_EMPTY_COLUMNS = 10


def _read_workbook(path: Path) -> RawDocument:
    import openpyxl  # missing: extract.read names the extra that installs it

    limits.check_zip(path, reads=(".xml", ".rels"))  # openpyxl opens no image, no thumbnail
    rows: list[RawRow] = []
    names: dict[int, str] = {}
    warnings: list[str] = []
    try:
        # read-only: cells are streamed from the XML, never laid out over the declared
        # dimension (a 5 KB file may declare A1:XFD1048576)
        workbook = openpyxl.load_workbook(path, data_only=True, read_only=True)
        try:
            for index, sheet in enumerate(workbook.worksheets):
                if sheet.sheet_state != "visible":
                    # a hidden sheet (a draft, lookup lists) is not printed: not read, said
                    warnings.append(f"sheet_hidden_skipped:{sheet.title}")
                    continue
                sheet_rows, uncomputed, hidden = _sheet_rows(sheet, index)
                if sheet_rows:
                    names[index] = sheet.title
                    rows += sheet_rows
                if uncomputed:
                    warnings.append(f"formulas_without_values:{sheet.title}:{uncomputed}")
                warnings += [f"{what}_hidden_skipped:{sheet.title}:{','.join(which)}"
                             for what, which in hidden if which]
        finally:
            workbook.close()
    except InputError:
        raise
    except Exception as exc:  # openpyxl raises many types for a damaged file
        if limits.ran_out_of_memory(exc):
            raise MemoryError from None  # the batch reports the memory limit, not damage
        if isinstance(exc, zip_errors()):  # its ZIP container: damaged or cut short
            raise InputError(f"the workbook is damaged or truncated and cannot be read "
                             f"({type(exc).__name__}: {' '.join(str(exc).split())})",
                             code="corrupt") from None
        raise InputError(f"not a readable XLSX workbook ({type(exc).__name__})",
                         code="unreadable") from None
    doc = RawDocument(rows=rows, format="xlsx", pages=None, ocr=False, warnings=warnings)
    doc.table_names.update(names)
    return doc


def _sheet_rows(sheet, index: int) -> tuple[list[RawRow], int, list[tuple[str, list[str]]]]:
    """The sheet's rows, how many of its cells hold a formula with no stored value, and the
    hidden columns and rows that held text ("columns", letters; "rows", numbers).

    A hidden column or row is not printed (last year's working, a remark, a draft row): it
    is not read, as a hidden sheet is not; a range merged from a hidden column shows its
    text in its first visible one."""
    from openpyxl.utils import get_column_letter

    values, merges, uncomputed, bold, hidden_columns, hidden_rows = _sheet_values(sheet)
    # a formula in a hidden cell is not printed: neither counted nor warned of
    uncomputed = {r: shown for r, cells in uncomputed.items() if r not in hidden_rows
                  if (shown := [coordinate for c, coordinate in cells
                                if c not in hidden_columns])}
    uncomputed_count = sum(map(len, uncomputed.values()))
    if not values:
        return [], uncomputed_count, []
    last_row = max(values)
    # the cells of hidden rows whose text a merged range shows in a visible row too
    carried: set[tuple[int, int]] = set()
    for min_col, min_row, max_col, max_row in merges:
        value = values.get(min_row, {}).get(min_col)
        if value is None:
            continue
        shown = next((c for c in range(min_col, max_col + 1) if c not in hidden_columns),
                     min_col)
        spanned = range(min_row, min(max_row, last_row) + 1)
        # a range spanning rows repeats its text in each row; other columns of it stay empty
        for r in spanned:
            row = values.setdefault(r, {})
            for c in [c for c in row if min_col <= c <= max_col]:
                del row[c]
            row[shown] = value
            if (min_row, min_col) in bold:
                bold.add((r, shown))
        if not hidden_rows.issuperset(spanned):
            carried.update((r, shown) for r in spanned if r in hidden_rows)
    # once, not per hidden column: "hide the unused columns" hides some 16,000
    filled_columns = set().union(*values.values())
    skipped = [("columns", [get_column_letter(c)
                            for c in sorted(hidden_columns & filled_columns)]),
               ("rows", [str(r) for r in sorted(hidden_rows)
                         if any((r, c) not in carried for c in values.get(r, ()))])]
    for r in hidden_rows:
        values.pop(r, None)
    for row in values.values():
        for c in hidden_columns.intersection(row):
            del row[c]
    values = {r: row for r, row in values.items() if row}
    if not values:
        return [], uncomputed_count, skipped
    column_of = _column_positions({c for row in values.values() for c in row}, hidden_columns)
    width = max(column_of.values()) + 1
    limits.check_cells(len(values) * width, what=f"sheet {sheet.title!r}")
    rows: list[RawRow] = []
    for number in sorted(values):
        grid = [""] * width
        for column, text in values[number].items():
            grid[column_of[column]] = text
        bold_here = frozenset(column_of[c] for c in values[number] if (number, c) in bold)
        # the sheet's row number stands in for a line number
        found = _rows(grid, number, number, table=index, bold=bold_here)
        if found and number in uncomputed:
            found[-1].warnings += [f"formula_without_value:{coordinate}"
                                   for coordinate in uncomputed[number]]
        rows += found
    return rows, uncomputed_count, skipped


def _sheet_values(sheet) -> tuple[dict[int, dict[int, str]], list[tuple[int, int, int, int]],
                                   dict[int, list[tuple[int, str]]], set[tuple[int, int]],
                                   set[int], set[int]]:
    """The sheet's non-empty cells as shown ({row: {column: text}}), its merged ranges
    (min_col, min_row, max_col, max_row), the cells holding a formula whose value was never
    stored ({row: [(column, coordinate)]}), the (row, column) of the cells printed in bold (a
    section row, a header), and its hidden columns and rows, read in one pass over the
    sheet's XML.

    A workbook written by a script (openpyxl, xlsxwriter) stores formulas without their
    values until a spreadsheet program recalculates and saves it: such a cell reads empty,
    and its record says why instead of losing the value in silence.

    openpyxl's public read-only API pads every row to the widest one and gives no merged
    ranges, so its sheet parser (the one behind `iter_rows`) is driven here directly."""
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.utils.cell import range_boundaries

    workbook = sheet.parent
    budget = limits.current().max_cells
    values: dict[int, dict[int, str]] = {}
    bold: set[tuple[int, int]] = set()
    count = 0
    with sheet._get_source() as source:
        parser = _parser_class()(source, sheet._shared_strings, data_only=True,
                                 epoch=workbook.epoch, date_formats=workbook._date_formats,
                                 timedelta_formats=workbook._timedelta_formats)
        for number, cells in parser.parse():
            for cell in cells:
                if cell["value"] is None:
                    continue
                shown = ReadOnlyCell(sheet, **cell)
                text = _shown(shown)
                if text:
                    values.setdefault(number, {})[cell["column"]] = text
                    count += 1
                    if shown.font.b:
                        bold.add((number, cell["column"]))
            if count > budget:
                limits.check_cells(count, what=f"sheet {sheet.title!r}")
        merged = parser.merged_cells
    merges = [range_boundaries(item.ref) for item in (merged.mergeCell if merged else [])]
    hidden_columns = {c for attrs in parser.column_dimensions.values()
                      if _hidden(attrs, "width")
                      for c in range(int(attrs.get("min", 0)),
                                   int(attrs.get("max", attrs.get("min", 0))) + 1)}
    hidden_rows = {int(r) for r, attrs in parser.row_dimensions.items()
                   if _hidden(attrs, "ht")}
    return (values, [m for m in merges if None not in m], parser.uncomputed, bold,
            hidden_columns, hidden_rows)


def _hidden(attrs: dict[str, str], size: str) -> bool:
    """A <col> or <row> element's attributes say it is hidden, or that it is 0 wide or high
    (`size`: "width" or "ht"), which no one sees either."""
    if attrs.get("hidden", "").lower() in ("1", "true"):
        return True
    try:
        return float(attrs.get(size, "1")) == 0
    except ValueError:
        return False


@functools.cache
def _parser_class() -> type:
    """openpyxl's sheet parser, noting each formula cell that has no stored value."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.uncomputed: dict[int, list[tuple[int, str]]] = {}

        def parse_cell(self, element):
            cell = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                self.uncomputed.setdefault(cell["row"], []).append(
                    (cell["column"], element.get("r") or f"R{cell['row']}C{cell['column']}"))
            return cell

    return Parser


def _column_positions(used: set[int], hidden: set[int] = frozenset()) -> dict[int, int]:
    """Grid index of each used column (1-based): as in the sheet from the first used one (a
    table starting in column B has no empty first column), except that a run of more than
    _MAX_EMPTY_COLUMNS empty columns counts as one, and hidden columns take no place."""
    positions: dict[int, int] = {}
    hidden_in_order = sorted(hidden)
    index, previous = -1, min(used, default=1) - 1
    for column in sorted(used):
        gap = column - previous - 1 - (bisect_left(hidden_in_order, column)
                                       - bisect_right(hidden_in_order, previous))
        index += 1 + (gap if gap <= _MAX_EMPTY_COLUMNS else 1)
        positions[column] = index
        previous = column
    return positions


def _shown(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, dt.datetime | dt.date):
        return _shown_date(value, cell.number_format)
    number_format = cell.number_format or ""
    if isinstance(value, int | float) and "%" in number_format:
        if _scales_to_percent(number_format):
            return f"{_decimal(value * 100)}%"
        if _PERCENT_LITERAL.search(number_format):
            return f"{_decimal(value)}%"  # '0.0"%"', "0.0\\%": the value as stored, then "%"
    if isinstance(value, float):
        return _decimal(value)
    return str(value).replace("\r\n", "\n").replace("_x000D_", "").strip()


def _shown_date(value: dt.date, number_format: str | None) -> str:
    """A date as its format prints it, to the day, the month or the year: "6/2026" typed in
    a cell is stored as 1 June 2026 and shown as the month it is ("mm/yyyy", "mmm-yy"); a
    year alone ("yyyy") as the year. Day, month and year in the Vietnamese order."""
    parts = _DATE_LITERALS.sub("", (number_format or "").lower())
    if "d" in parts or not ("m" in parts or "y" in parts):
        return f"{value.day}/{value.month}/{value.year}"
    if "m" in parts:
        return f"{value.month}/{value.year}"
    return str(value.year)


# what a number format prints as it is: [$-42A] [Red] sections, "quoted" text, \-escaped
_DATE_LITERALS = re.compile(r'\[[^\]]*\]|"[^"]*"|\\.')


# a "%" the format prints as text after the number, quoted or escaped
_PERCENT_LITERAL = re.compile(r'(?:"%"|\\%)$')


def _scales_to_percent(number_format: str) -> bool:
    """Whether a number format shows its value times 100 with a "%" ("0.0%"): not a "%"
    quoted or escaped as text ('0.0"%"', "0.0\\%"), which prints the value as stored."""
    return "%" in _DATE_LITERALS.sub("", number_format)


def _decimal(value: float) -> str:
    """A number as a Vietnamese sheet shows it: no trailing ".0", a decimal comma, every
    significant digit a clerk typed (12345.67, not 12345.7) and none of binary floating
    point's noise (0.123 * 100 is 12.3, not 12.299999999999999)."""
    if float(value).is_integer():
        return str(int(value))
    return format(value, ".15g").replace(".", ",")
