"""HTML `<table>`s, as PDF-to-HTML tools, web portals and Word's "save as HTML" write them.

Every table row becomes a row of cells laid out on the table's grid: a cell spanning
columns keeps its text in the first column and leaves "" in the others (so a section row
stays "only the first cell filled"); a cell spanning rows repeats its text in every row it
covers (a merged agency cell applies to each of them). Bold (`<b>`, `<strong>`, a bold
`font-weight` style, a class the page's <style> sheet makes bold as Google Docs writes it) is
kept as `<b>…</b>` in the text and sets `Cell.bold` when the whole
cell is bold. Text outside tables becomes one-cell rows: one per paragraph (`<p>`, a
heading, a list item: a line break in its source is a space, as a browser shows it), one per
source line or block elsewhere.
Nested tables are flattened into the cell that holds them. Only the standard library is
used: `html.parser` tolerates the missing `</td>`/`</tr>` that real exports have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from chitieu.core.types import Cell, RawDocument, RawRow
from chitieu.extract.grid import Slot, SpanGrid
from chitieu.extract.unicode import decode_bytes

_BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "section", "article", "header", "footer", "address", "center",
    "hr", "figure", "figcaption", "main", "nav", "aside", "form", "fieldset", "legend",
    "body", "html",
})
_VOID_TAGS = frozenset({
    "br", "img", "hr", "input", "meta", "link", "col", "wbr", "area", "base", "source",
    "embed", "param", "track",
})
_SKIPPED_TAGS = frozenset({"script", "style", "head", "title", "template", "noscript"})
_SECTION_TAGS = frozenset({"thead", "tbody", "tfoot"})
# Blocks of running text, whose source a word processor wraps: a line break there is a space
_PARAGRAPH_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd"})
_BOLD_TAGS = frozenset({"b", "strong"})
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b", re.IGNORECASE)
# a rule of a <style> sheet: selectors and declarations (".c1{font-weight:700}")
_STYLE_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR = re.compile(r"^[\w-]*\.([\w-]+)$")  # ".c1", "span.c4"
_PAGE_BREAK_STYLE = re.compile(r"(?:page-)?break-before\s*:\s*(?:always|page)", re.IGNORECASE)
_PAGE_BREAK_COMMENT = re.compile(r"^\s*page(?:[\s_-]*break|\s+\d+)?\s*$", re.IGNORECASE)
_EMPTY_BOLD = re.compile(r"<b>(\s*)</b>")
_BOLD_GAP = re.compile(r"</b>( ?)<b>")
_SPACE_INSIDE_BOLD = (re.compile(r"<b>( +)"), re.compile(r"( +)</b>"))
_MAX_SPAN = 1000
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
# tags that end a <caption> whose closing tag is missing
_CAPTION_ENDERS = frozenset({"tr", "td", "th", "thead", "tbody", "tfoot", "table"})


def read(path: Path) -> RawDocument:
    return read_text(decode_bytes(Path(path).read_bytes()))


def read_text(text: str) -> RawDocument:
    parser = _TableParser()
    parser.feed(text)
    parser.close()
    parser.finish()
    return RawDocument(rows=parser.rows, format="html", pages=parser.page, ocr=False,
                       warnings=sorted(parser.warnings))


@dataclass(slots=True)
class _TextRun:
    """Text being collected for one cell or one line outside tables, with its markup."""

    first_line: int | None = None
    last_line: int | None = None
    parts: list[str] = field(default_factory=list)
    bold_depth: int = 0
    has_bold_text: bool = False
    has_plain_text: bool = False

    def add(self, text: str, first: int, last: int) -> None:
        self.parts.append(text)
        if not text or text.isspace():
            return
        if self.first_line is None:
            self.first_line = first
        self.last_line = last
        if self.bold_depth:
            self.has_bold_text = True
        else:
            self.has_plain_text = True

    def open_bold(self) -> None:
        if self.bold_depth == 0:
            self.parts.append("<b>")
        self.bold_depth += 1

    def close_bold(self) -> None:
        if self.bold_depth == 0:
            return
        self.bold_depth -= 1
        if self.bold_depth == 0:
            self.parts.append("</b>")

    def break_line(self) -> None:
        self.parts.append("\n")

    def text(self) -> str:
        if self.bold_depth:
            self.parts.append("</b>")
            self.bold_depth = 0
        text = _collapse_spaces("".join(self.parts))
        if "<b>" in text:
            text = _EMPTY_BOLD.sub(r"\1", text)
            text = _BOLD_GAP.sub(r"\1", text)
            opening, closing = _SPACE_INSIDE_BOLD
            text = _collapse_spaces(closing.sub(r"</b>\1", opening.sub(r"\1<b>", text)))
        return text

    @property
    def bold(self) -> bool:
        return self.has_bold_text and not self.has_plain_text


def _list_label(number: int, kind: str) -> str:
    if kind in ("a", "A"):
        letter = chr(ord("a") + (number - 1) % 26)
        return letter.upper() if kind == "A" else letter
    if kind in ("i", "I"):
        roman, rest = "", number
        for amount, letters in _ROMAN:
            while rest >= amount:
                roman, rest = roman + letters, rest - amount
        return roman.upper() if kind == "I" else roman.lower()
    return str(number)


def _collapse_spaces(text: str) -> str:
    """Runs of spaces to one, blank lines dropped, each line stripped ("\n" kept)."""
    if "\n" not in text:
        return " ".join(text.split())
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


@dataclass(slots=True)
class _GridCell:
    run: _TextRun
    rowspan: int = 1
    colspan: int = 1


@dataclass(slots=True)
class _GridRow:
    first_line: int
    last_line: int
    page: int
    cells: list[_GridCell] = field(default_factory=list)


@dataclass(slots=True)
class _Table:
    rows: list[_GridRow] = field(default_factory=list)
    row: _GridRow | None = None
    cell: _GridCell | None = None
    open_tags: list[tuple[str, bool]] = field(default_factory=list)  # inside the open cell


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[RawRow] = []
        self.warnings: set[str] = set()
        self.page = 1
        self.tables = 0
        self.table: _Table | None = None
        self.nested = 0  # depth of tables inside the open table's cells
        self.skipping = 0
        self.outside = _TextRun()
        self.outside_tags: list[tuple[str, bool]] = []
        self.in_paragraph = False  # inside a <p> (or heading, list item) outside tables
        self.in_style_sheet = False
        self.bold_classes: set[str] = set()  # classes a <style> sheet makes bold
        self.caption: _TextRun | None = None
        # the lists open (ol / ul): [tag, the next item's number, its numbering type]
        self.lists: list[list] = []

    # -- events ------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
            self.in_style_sheet = tag == "style"
            return
        if tag == "body":
            self.skipping = 0  # a <head> left open must not swallow the document
        if self.skipping:
            return
        style = _attribute(attrs, "style")
        if self.bold_classes and self.bold_classes.intersection(
                _attribute(attrs, "class").split()):
            style += ";font-weight:bold"  # bold by its class (Google Docs' export)
        if style and _PAGE_BREAK_STYLE.search(style):
            self._page_break()
        if tag in ("ol", "ul"):
            self.lists.append([tag, _span(_attribute(attrs, "start"), zero_means=1),
                               _attribute(attrs, "type") or "1"])
        if self.table is None:
            self._start_outside(tag, style, line)
        elif self.nested:
            self._start_nested(tag, style)
        else:
            self._start_in_table(tag, attrs, style, line)
        if tag == "li" and self.lists and self.lists[-1][0] == "ol":
            self._list_number(line)

    def _list_number(self, line: int) -> None:
        """An ordered list item's number, printed before its text as a browser prints it
        ("1. ", "<ol start=\"3\">": "3. "; type "a", "A", "i", "I"): the numbers an STT
        column holds as Word's list numbering (LibreOffice exports them so)."""
        number = self.lists[-1][1]
        self.lists[-1][1] += 1
        text = f"{_list_label(number, self.lists[-1][2])}. "
        run = self.outside if self.table is None else (
            self.table.cell.run if self.table.cell is not None else None)
        if run is not None:
            run.add(text, line, line)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        line = self.getpos()[0]
        if tag in _SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
            self.in_style_sheet = False
            return
        if self.skipping:
            return
        if tag in ("ol", "ul") and self.lists and self.lists[-1][0] == tag:
            self.lists.pop()
        if self.table is None:
            self._end_outside(tag)
        elif self.nested:
            self._end_nested(tag)
        else:
            self._end_in_table(tag, line)

    def handle_data(self, data: str) -> None:
        if self.skipping:
            if self.in_style_sheet:
                self._read_style_sheet(data)
            return
        line = self.getpos()[0]
        if "\f" in data:
            for index, chunk in enumerate(data.split("\f")):
                if index:
                    self._page_break()
                self._data(chunk, line)
                line += chunk.count("\n")
            return
        self._data(data, line)

    def _read_style_sheet(self, css: str) -> None:
        """The classes a <style> sheet makes bold (".c1{font-weight:700}", "span.c4, p.c9
        {font-weight: bold}")."""
        for selectors, declarations in _STYLE_RULE.findall(css):
            if _BOLD_STYLE.search(declarations):
                self.bold_classes.update(
                    m[1] for s in selectors.split(",") if (m := _CLASS_SELECTOR.match(s.strip())))

    def handle_comment(self, data: str) -> None:
        if _PAGE_BREAK_COMMENT.match(data):
            self._page_break()

    # -- outside tables ------------------------------------------------------------------------

    def _start_outside(self, tag: str, style: str, line: int) -> None:
        if tag == "table":
            self._emit_outside()
            self.in_paragraph = False
            self.table = _Table()
            self.tables += 1
        elif tag == "br":
            self._emit_outside()
        elif tag in _BLOCK_TAGS:
            self._emit_outside()
            self.in_paragraph = tag in _PARAGRAPH_TAGS  # a block opening closes a <p>
        elif tag not in _VOID_TAGS:
            bold = tag in _BOLD_TAGS or bool(_BOLD_STYLE.search(style))
            self.outside_tags.append((tag, bold))
            if bold:
                self.outside.open_bold()

    def _end_outside(self, tag: str) -> None:
        if tag in _BLOCK_TAGS or tag in {"td", "th", "tr"}:
            self._emit_outside()
            self.in_paragraph = False
            return
        for is_bold in _pop_to(self.outside_tags, tag):
            if is_bold:
                self.outside.close_bold()

    def _outside_data(self, data: str, line: int) -> None:
        if self.in_paragraph:  # one paragraph wrapped in the source: one line
            first, last = _content_lines(data, line)
            self.outside.add(data.replace("\n", " "), first, last)
            return
        lines = data.split("\n")
        for offset, piece in enumerate(lines):
            if offset:
                self._emit_outside()
            self.outside.add(piece, line + offset, line + offset)

    def _emit_outside(self) -> None:
        """End the current line outside tables; bold still open carries over to the next."""
        run = self.outside
        depth = run.bold_depth
        text = run.text()
        if text:
            self.rows.append(RawRow([Cell(text, bold=run.bold)], first_line=run.first_line,
                                    last_line=run.last_line, page=self.page))
        self.outside = _TextRun()
        if depth:
            self.outside.open_bold()
            self.outside.bold_depth = depth

    # -- inside a table --------------------------------------------------------------------------

    def _start_in_table(self, tag: str, attrs: list[tuple[str, str | None]], style: str,
                        line: int) -> None:
        table = self.table
        if self.caption is not None and tag in _CAPTION_ENDERS:
            self._emit_caption()
        if tag == "table":
            if self._opens_a_frame():
                # a box drawn around the table (probe1 C20): the frame is no table, the table
                # inside it is, and what else the frame holds is text around it
                self.table = None
                self.tables -= 1
                self._start_outside("table", style, line)
                return
            if table.cell is not None:
                self.nested = 1
                table.cell.run.break_line()
                return
            # a <table> straight inside a table's rows starts a new table, as browsers do
            self._end_in_table("table", line)
            self._start_outside("table", style, line)
        elif tag == "caption":
            self._close_row(line)
            self.caption = _TextRun()
        elif tag == "tr":
            self._close_row(line)
            table.row = _GridRow(first_line=line, last_line=line, page=self.page)
        elif tag in ("td", "th"):
            self._open_cell(line, attrs)
        elif tag in _SECTION_TAGS:
            self._close_row(line)
        elif tag not in ("colgroup", "col"):
            self._start_inline(tag, style)

    def _opens_a_frame(self) -> bool:
        """A table starting in the first and only cell of a table, nothing printed before it
        in that cell: the outer table is a frame of one cell."""
        table = self.table
        return (table.cell is not None and not table.rows and table.row is not None
                and table.row.cells == [table.cell] and not table.cell.run.text().strip())

    def _end_in_table(self, tag: str, line: int) -> None:
        if tag == "table":
            if self.caption is not None:
                self._emit_caption()
            self._close_row(line)
            self._emit_table()
            self.table = None
        elif tag == "caption":
            if self.caption is not None:
                self._emit_caption()
        elif tag == "tr":
            self._close_row(line, explicit=True)
        elif tag in _SECTION_TAGS:
            self._close_row(line)
        elif tag in ("td", "th"):
            self._close_cell(line, explicit=True)
        else:
            self._end_inline(tag)

    def _start_inline(self, tag: str, style: str) -> None:
        run = self._run()
        if run is None:
            return
        if tag == "br" or tag in _BLOCK_TAGS:
            run.break_line()
        if tag in _VOID_TAGS:
            return
        bold = tag in _BOLD_TAGS or bool(_BOLD_STYLE.search(style))
        self.table.open_tags.append((tag, bold))
        if bold:
            run.open_bold()

    def _end_inline(self, tag: str) -> None:
        run = self._run()
        if run is None:
            return
        for is_bold in _pop_to(self.table.open_tags, tag):
            if is_bold:
                run.close_bold()
        if tag in _BLOCK_TAGS:
            run.break_line()

    def _start_nested(self, tag: str, style: str) -> None:
        """Inside a table nested in a cell: its rows become lines of the outer cell."""
        run = self.table.cell.run
        if tag == "table":
            self.nested += 1
            run.break_line()
        elif tag in ("tr", "caption"):
            run.break_line()
        elif tag in ("td", "th"):
            run.add(" ", 0, 0)
        else:
            self._start_inline(tag, style)

    def _end_nested(self, tag: str) -> None:
        if tag == "table":
            self.nested -= 1
            self.table.cell.run.break_line()
        elif tag in ("tr", "caption"):
            self.table.cell.run.break_line()
        elif tag not in ("td", "th", *_SECTION_TAGS):
            self._end_inline(tag)

    def _run(self) -> _TextRun | None:
        if self.caption is not None:
            return self.caption
        table = self.table
        return table.cell.run if table is not None and table.cell is not None else None

    def _open_cell(self, line: int, attrs: list[tuple[str, str | None]]) -> None:
        table = self.table
        self._close_cell(line)
        if table.row is None:
            table.row = _GridRow(first_line=line, last_line=line, page=self.page)
        run = _TextRun()
        run.first_line = line
        table.cell = _GridCell(run)
        if attrs:
            table.cell.rowspan = _span(_attribute(attrs, "rowspan"), zero_means=0)
            table.cell.colspan = _span(_attribute(attrs, "colspan"), zero_means=1)
        if attrs and _BOLD_STYLE.search(_attribute(attrs, "style")):
            run.open_bold()
        table.row.cells.append(table.cell)

    def _close_cell(self, line: int, explicit: bool = False) -> None:
        """End the open cell; an explicit `</td>` extends its row to that line, a closing
        implied by the next tag does not."""
        table = self.table
        if table.cell is None:
            return
        table.cell = None
        table.open_tags.clear()
        if explicit and table.row is not None:
            table.row.last_line = max(table.row.last_line, line)

    def _close_row(self, line: int, explicit: bool = False) -> None:
        table = self.table
        self._close_cell(line)
        if table.row is not None:
            if explicit:
                table.row.last_line = max(table.row.last_line, line)
            table.rows.append(table.row)
            table.row = None

    def _emit_caption(self) -> None:
        run = self.caption
        self.caption = None
        text = run.text()
        if text:
            self.rows.append(RawRow([Cell(text, bold=run.bold)], first_line=run.first_line,
                                    last_line=run.last_line, page=self.page))

    def _emit_table(self) -> None:
        grid, ragged = _lay_out(self.table.rows)
        if ragged:
            self.warnings.add("ragged_rows")
        index = self.tables - 1
        for row, cells in zip(self.table.rows, grid, strict=True):
            if cells is None:
                continue  # a <tr> with no cell and nothing spanning into it
            self.rows.append(RawRow(cells, first_line=row.first_line, last_line=row.last_line,
                                    page=row.page, table=index))

    # -- shared ------------------------------------------------------------------------------

    def _data(self, data: str, line: int) -> None:
        if self.table is None:
            self._outside_data(data, line)
            return
        run = self._run()
        if run is None:
            if not data.isspace():
                self._stray_text(data, line)
            return
        first = last = line
        if "\n" in data:
            first, last = _content_lines(data, line)
            data = data.replace("\n", " ")
        run.add(data, first, last)
        row = self.table.row
        if row is not None and last > row.last_line and run is not self.caption \
                and not data.isspace():
            row.last_line = last

    def _stray_text(self, data: str, line: int) -> None:
        """Text inside a table but outside its cells; browsers show it before the table."""
        first, last = _content_lines(data, line)
        self.warnings.add("text_outside_cells")
        self.rows.append(RawRow([Cell(_collapse_spaces(data.replace("\n", " ")))],
                                first_line=first, last_line=last, page=self.page))

    def _page_break(self) -> None:
        self.page += 1

    def finish(self) -> None:
        """Close what the document left open (a missing `</table>` at the end of the file)."""
        if self.table is not None:
            self.warnings.add("unclosed_table")
            line = self.getpos()[0]
            self.nested = 0
            if self.caption is not None:
                self._emit_caption()
            self._close_row(line)
            self._emit_table()
            self.table = None
        self._emit_outside()


def _attribute(attrs: list[tuple[str, str | None]], name: str) -> str:
    for key, value in attrs:
        if key == name:
            return value or ""
    return ""


def _content_lines(data: str, line: int) -> tuple[int, int]:
    """The source lines of the first and last visible character of `data` starting at `line`."""
    if "\n" not in data:
        return line, line
    stripped = data.strip()
    if not stripped:
        return line, line
    lead = data.index(stripped[0])
    first = line + data.count("\n", 0, lead)
    return first, first + stripped.count("\n")


def _pop_to(stack: list[tuple[str, bool]], tag: str) -> list[bool]:
    """Pop the innermost open `tag` and everything opened inside it; their bold flags."""
    for index in range(len(stack) - 1, -1, -1):
        if stack[index][0] == tag:
            popped = stack[index:]
            del stack[index:]
            return [bold for _, bold in popped]
    return []


def _span(value: str, zero_means: int) -> int:
    """A rowspan/colspan attribute; 0 is "to the end" for rows (resolved in the grid)."""
    if not value:
        return 1
    digits = re.match(r"\s*(\d+)", value)
    if digits is None:
        return 1
    number = int(digits.group(1))
    return zero_means if number == 0 else min(number, _MAX_SPAN)


def _lay_out(rows: list[_GridRow]) -> tuple[list[list[Cell] | None], bool]:
    """Place spanning cells on the table's grid (None for an empty row); True when rows had
    different widths."""
    grid: SpanGrid[Cell] = SpanGrid(n_rows=len(rows))
    for r, row in enumerate(rows):
        column = 0
        for cell in row.cells:
            column = grid.free_column(r, column)  # past the cells spanning down into the row
            placed = Cell(cell.run.text(), bold=cell.run.bold)
            # a later cell takes the slots it is given, as browsers lay out overlapping spans
            grid.place(placed, r, column, cell.rowspan or len(rows) - r, cell.colspan,
                       overwrite=True)
            column += cell.colspan
    width = grid.width()
    laid_out: list[list[Cell] | None] = []
    ragged = False
    for r in range(len(rows)):
        slots = grid.slots(r, width)
        covered = sum(1 for _, slot in slots if slot is not Slot.EMPTY)
        if not covered:
            laid_out.append(None)
            continue
        ragged = ragged or covered != width
        laid_out.append([Cell(cell.text, bold=cell.bold) if slot in (Slot.START, Slot.BELOW)
                         else Cell("") for cell, slot in slots])
    return laid_out, ragged
