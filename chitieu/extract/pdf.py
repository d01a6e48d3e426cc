"""Digital PDFs: ruled tables found by pdfplumber on every page, text lines around them.

Rows come out in reading order: the lines above a table (appendix label, title, "(Kèm theo
Kế hoạch số …)"), then one `RawRow` per physical table row with one `Cell` per grid column,
then the lines below. Each page's table is a new `table` index; the assembler decides that a
table continues over pages, drops its repeated header and joins a row cut by a page break.

Merged cells are resolved by geometry (see `pdf_grid`): a vertically merged cell's text is
repeated in every row it spans — also on the next page, when Word carried the merge over the
page break and drew an empty cell there. The continuation of a cut row keeps empty cells, so
that the assembler can tell it from a new row by its empty number cell.

Tables ruled only between columns are read too: where a column rule stops without meeting
a rule a row ends (a section row merged across), and a band of body rows with no rule
between them is cut into rows at the numbers of its first column (top-aligned or centred
cells). Text in a narrow cell keeps a word the cell broke ("ST" / "T") whole, and text that
runs up a header cell is turned to read across (see `pdf_grid`).

When no page has a ruled table, camelot (lattice, then stream) finds the tables if it is
installed, else pdfplumber's text strategy; `meta["table_finder"]` says which. Pages without
a text layer go to the OCR reader (`chitieu.extract.scan.ocr_pdf_pages`) when it exists.
Text typed in legacy Vietnamese fonts (TCVN3, VNI) is decoded (see `pdf_legacy`).
"""

from __future__ import annotations

import importlib
import importlib.util
import io
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from chitieu.core.agencies import AgencyNames
from chitieu.core.numbering import ROW_NUMBER
from chitieu.core.types import BBox, Cell, RawDocument, RawRow
from chitieu.errors import InputError
from chitieu.extract.pdf_grid import Grid, chars_to_text, is_bold, split_lines
from chitieu.extract.pdf_page import PageView, page_view, uncovered
from chitieu.extract.pdf_stamps import Stamping, merge_stamps
from chitieu.extract.slots import merged_slots

LINES_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
TEXT_SETTINGS = {"vertical_strategy": "text", "horizontal_strategy": "text"}
MIN_FALLBACK_COLUMNS = 3  # a text-strategy "table" of fewer columns is a paragraph
COLUMN_MATCH = 2.0  # points: fragments on consecutive pages with these column edges continue
OPEN_SIDE_MIN_WIDTH = 0.3  # a rule this share of the page wide can bound a table's side
SEGMENT_GAP_EM = 1.5  # an empty stretch this wide (in ems) on a line separates two blocks
LINE_SLACK = 1.0  # points: lines of one row start this close to the same height

CellBoxes = list[BBox]  # the cell rectangles of one table
Finder = Callable[[PageView], list[CellBoxes]]  # a page → its tables' cell rectangles


@dataclass(slots=True)
class Fragment:
    """The part of a table printed on one page."""

    grid: Grid
    rows: list[RawRow]
    head: Fragment | None = None  # the fragment on the page where this table began


@dataclass(slots=True)
class PageContent:
    lines: list[RawRow] = field(default_factory=list)
    fragments: list[Fragment] = field(default_factory=list)


def read(path: Path, *, agencies: AgencyNames | None = None) -> RawDocument:
    """Read a PDF; pages without a usable text layer are OCR'd, their agency cells snapped to
    the names `agencies` knows."""
    path = Path(path)
    with _quiet_pdf_libraries(), _damage_said():
        read_by_pdfium = _pdfium_pages(path)
        if read_by_pdfium is not None:
            pages, plumber, stamping = read_by_pdfium
            reader = _Reader(pages, path, plumber, agencies)
            for index in sorted(stamping.over_text):
                reader._warn(f"annotation_over_text:p{index + 1}")
            try:
                return reader.read()
            finally:
                if reader.plumber is not None:
                    reader.plumber.close()
    with _opened(path) as pdf:  # pdfium could not open it: pdfminer says why, or reads it
        return _Reader(pdf.pages, path, pdf, agencies).read()


def _pdfium_pages(path: Path) -> tuple[list, object, Stamping] | None:
    """Every page's chars, rules and images read by pdfium, each page closed after use —
    a page pdfium cannot read right is pdfplumber's (the open pdfplumber document comes
    back too, or None; opened on the stamped copy when stamps were merged, for every
    pdfplumber reading to see them) — and the stamps merged; None when pdfium cannot open
    the file (encrypted, damaged, no pages), for pdfminer to explain."""
    import pypdfium2

    from chitieu.extract.pdf_objects import read_page

    try:
        document = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError:
        return None
    plumber = None
    try:
        stamping = merge_stamps(document, path)
        if stamping.flattened:
            import pdfplumber

            plumber = pdfplumber.open(_flattened_copy(document))
        pages, doctop = [], 0.0
        for index in range(len(document)):
            page = read_page(document, index, doctop)
            if page is None:
                if plumber is None:
                    import pdfplumber

                    plumber = pdfplumber.open(path)
                if index >= len(plumber.pages):  # damage: pdfminer finds fewer pages
                    plumber.close()
                    raise _describe(ValueError(f"page {index + 1} of {len(document)} not "
                                               "found by pdfminer"))
                page = plumber.pages[index]
            if index in stamping.flattened:
                page = _without_stamped_blanks(page)
            doctop += float(page.height)
            pages.append(page)
    except pypdfium2.PdfiumError:
        pages = []
    finally:
        document.close()
    if not pages:
        if plumber is not None:
            plumber.close()
        return None
    return pages, plumber, stamping


def _without_stamped_blanks(page):
    """The page less the blanks a stamp was printed over (a pdfium page, or pdfplumber's
    filtered page)."""
    from chitieu.extract.pdf_objects import PdfPage

    kept = uncovered(page.chars)
    if len(kept) == len(page.chars):
        return page
    if isinstance(page, PdfPage):
        page.chars = kept
        return page
    blanks = {id(c) for c in page.chars} - {id(c) for c in kept}
    return page.filter(lambda obj: id(obj) not in blanks)


def _flattened_copy(document) -> io.BytesIO:
    """The document with its printed annotations merged, for pdfminer to read the same page
    pdfium reads."""
    copy = io.BytesIO()
    document.save(copy)
    copy.seek(0)
    return copy


# ---------------------------------------------------------------- opening, errors


def _pdf_errors() -> tuple[type[BaseException], ...]:
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    return (PdfminerException, MalformedPDFException, PSException, PDFSyntaxError,
            PDFEncryptionError)


def _describe(exc: BaseException) -> InputError:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    cause = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
        return InputError("the PDF is encrypted (password-protected); save an unprotected "
                          "copy and convert that", code="encrypted")
    detail = str(cause).strip() or type(cause).__name__
    return InputError(f"the PDF is damaged or truncated and cannot be read ({detail})",
                      code="corrupt")


def _raised_by_pdf_library(exc: BaseException) -> bool:
    """pdfminer trips over broken files in many ways (KeyError, TypeError …): an error
    raised inside the PDF libraries is the file's damage, one raised here is a bug."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    filename = tb.tb_frame.f_code.co_filename if tb is not None else ""
    return any(f"{sep}{lib}{sep}" in filename
               for lib in _PDF_LIBRARIES for sep in ("/", "\\"))


_PDF_LIBRARIES = ("pdfminer", "pdfplumber", "pypdfium2", "camelot", "playa")


@contextmanager
def _opened(path: Path) -> Iterator[object]:
    import pdfplumber

    with _quiet_pdf_libraries(), _damage_said(), pdfplumber.open(path) as pdf:
        yield pdf


@contextmanager
def _damage_said() -> Iterator[None]:
    """A PDF library's error within the block is the file's damage, said in one line: it
    may come when a file is opened or long after, when pdfplumber parses a page pdfium
    left to it (its MediaBox, its content stream)."""
    try:
        yield
    except _pdf_errors() as exc:
        raise _describe(exc) from None
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, AssertionError,
            ZeroDivisionError, OverflowError, RecursionError) as exc:
        if not _raised_by_pdf_library(exc):
            raise
        raise _describe(exc) from None


@contextmanager
def _quiet_pdf_libraries() -> Iterator[None]:
    """camelot warns per empty page: the reader reports what matters itself. (pdfminer's
    log records are left to the application's logging set-up: the CLI shows only errors;
    a library does not change other libraries' log levels.)"""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


# ---------------------------------------------------------------- the reader


class _Reader:
    """`pages` are pdfium's pages (`pdf_objects.PdfPage`) or pdfplumber's: both give chars,
    edges, images and a size in pdfplumber's frame. `plumber` is the open pdfplumber
    document when the pages are its own."""

    def __init__(self, pages: Sequence, path: Path, plumber=None,
                 agencies: AgencyNames | None = None):
        self.pages = pages
        self.path = path
        self.plumber = plumber
        self.agencies = agencies
        self.warnings: list[str] = []
        self.meta: dict[str, str] = {}

    def read(self) -> RawDocument:
        pages = self.pages
        if not pages:
            raise InputError("the PDF has no pages", code="empty")
        views = [self._view(page, n) for n, page in enumerate(pages, 1)]
        with_text = [v for v in views if v.state == "text"]
        contents, finder_name = self._read_tables(with_text)
        self.meta["table_finder"] = finder_name if with_text else "ocr"
        rows = self._ordered_rows(contents)
        if finder_name != "pdfplumber-lines" and (laid := self._laid_out(views, rows)):
            return laid
        unreadable = [v for v in views if v.state in ("scan", "unmapped")]
        ocr = self._ocr(unreadable) if unreadable else None
        if ocr:
            rows = self._merge_ocr(rows, ocr)
        if not rows:
            raise InputError("the PDF has no text on any page", code="empty")
        return RawDocument(rows=rows, format="pdf", pages=len(pages), ocr=bool(ocr),
                           warnings=self.warnings, meta=self.meta)

    def _view(self, page, number: int) -> PageView:
        view = page_view(page, number)
        for encoding in sorted(set(view.encodings.values())):
            self._warn(f"legacy_font_decoded:{encoding}")
            self.meta["legacy_encoding"] = encoding
        if view.turned:
            self._warn(f"page_turned:{number}:{view.direction}")
        if view.struck:
            self._warn(f"struck_text_dropped:p{number}")
        if view.state == "blank":
            self._warn(f"blank_page:{number}")
        return view

    def _warn(self, code: str) -> None:
        if code not in self.warnings:
            self.warnings.append(code)

    # -- OCR

    def _ocr(self, views: list[PageView]) -> RawDocument:
        scan = _scan_reader()
        numbers = [v.number for v in views]
        if scan is None:
            unmapped = [v.number for v in views if v.state == "unmapped"]
            what = ("no usable text layer (its fonts map glyphs to no letters)" if unmapped
                    else "no text layer (a scan?)")
            raise InputError(f"{_pages_phrase(numbers)} {what} — OCR it with the scan reader",
                             code="no_text")
        return scan.ocr_pdf_pages(self.path, numbers, agencies=self.agencies)

    def _merge_ocr(self, rows: list[RawRow], ocr: RawDocument) -> list[RawRow]:
        """The OCR'd pages' rows in page order among the others, their tables renumbered
        after ours and their confidences re-keyed to the merged row positions."""
        offset = 1 + max((r.table for r in rows if r.table is not None), default=-1)
        for row in ocr.rows:
            if row.table is not None:
                row.table += offset
        merged = sorted(rows + ocr.rows, key=lambda row: row.page or 0)
        self.warnings.extend(ocr.warnings)
        meta = dict(ocr.meta)
        confidences = meta.pop("ocr_row_confidence", None)
        if confidences:
            position = {id(row): i for i, row in enumerate(merged)}
            old = json.loads(confidences)
            meta["ocr_row_confidence"] = json.dumps(
                {str(position[id(ocr.rows[int(k)])]): v for k, v in old.items()},
                separators=(",", ":"))
        self.meta.update(meta)
        return merged

    # -- tables

    def _laid_out(self, views: list[PageView], found: list[RawRow]) -> RawDocument | None:
        """A PDF whose table is not ruled (no borders, rules between rows only, a box around
        it — probe2 P17), where the fallback finders cut the table into a row per printed
        line (most rows without a number): its text as poppler's `pdftotext -layout` lays it
        out, read by the layout reader, when that reading's rows carry their numbers.
        (pdfplumber's own layout text crowds neighbouring columns.) Only where every page
        has text and none is turned; None to keep the finders' reading."""
        if not views or any(v.state != "text" or v.turned for v in views):
            return None
        if not _row_per_line([r for r in found if r.table is not None]):
            return None
        from chitieu.extract import layout

        text = _pdftotext_layout(self.path)
        if text is None:
            return None
        doc = layout.read_text(text, agencies=self.agencies)
        table_rows = [r for r in doc.rows if r.table is not None]
        if not table_rows or _row_per_line(table_rows):
            return None
        self.warnings = [w for w in self.warnings if not w.startswith(
            ("table_finder_fallback:", "no_table_found"))]
        self._warn("table_finder_fallback:layout-text")
        self.meta["table_finder"] = "layout-text"
        return RawDocument(rows=doc.rows, format="pdf", pages=len(self.pages), ocr=False,
                           warnings=[*self.warnings, *doc.warnings], meta=self.meta)

    def _read_tables(self, views: list[PageView]) -> tuple[dict[int, PageContent], str]:
        contents = self._read_pages(views, _lines_finder)
        if not views or any(c.fragments for c in contents.values()):
            return contents, "pdfplumber-lines"
        heights = {n: float(page.height) for n, page in enumerate(self.pages, 1)}
        for name, finder in _fallback_finders(self.path, heights, self._plumber_page):
            contents = self._read_pages(views, finder)
            if any(c.fragments for c in contents.values()):
                self._warn(f"table_finder_fallback:{name}")
                return contents, name
        self._warn("no_table_found")
        return contents, "none"

    def _plumber_page(self, number: int):
        """pdfplumber's page `number`, for its text strategy (opened on first use)."""
        if self.plumber is None:
            import pdfplumber

            self.plumber = pdfplumber.open(self.path)
        return self.plumber.pages[number - 1]

    def _read_pages(self, views: list[PageView], finder: Finder) -> dict[int, PageContent]:
        contents: dict[int, PageContent] = {}
        previous: Fragment | None = None
        for view in views:
            content = self._read_page(view, finder)
            if content.fragments and previous is not None:
                _continue_merges(previous, content.fragments[0])
            previous = content.fragments[-1] if content.fragments else None
            contents[view.number] = content
        return contents

    def _read_page(self, view: PageView, finder: Finder) -> PageContent:
        grids = [Grid(boxes) for boxes in finder(view) if boxes]
        grids = [g for g in grids if g.n_rows >= 2 and g.n_cols >= 2]
        # ruled cells hold whole words; a guessed grid can cut through one, so place words
        pieces = [[c] for c in view.chars] if finder is _lines_finder else _words(view.chars)
        outside: list[dict] = []
        for piece in pieces:
            cell = _cell_under(grids, piece)
            if cell is None:
                outside.extend(piece)
            else:
                cell.chars.extend(piece)
        content = PageContent(lines=_text_lines(outside, view.number))
        for grid in sorted(grids, key=lambda g: g.bbox[1]):
            grid = _split_unruled_rows(grid)
            grid.finish()
            rows = [RawRow(grid.resolve_row(r), page=view.number, bbox=grid.row_bbox(r))
                    for r in range(grid.n_rows)]
            content.fragments.append(Fragment(grid, rows))
        return content

    def _ordered_rows(self, contents: dict[int, PageContent]) -> list[RawRow]:
        rows: list[RawRow] = []
        table = 0
        for content in contents.values():
            blocks: list[tuple[float, list[RawRow]]] = [(r.bbox[1], [r]) for r in content.lines]
            for fragment in content.fragments:
                kept = [r for r in fragment.rows if not r.is_blank()]
                for row in kept:
                    row.table = table
                table += 1
                blocks.append((fragment.grid.bbox[1], kept))
            for _, block in sorted(blocks, key=lambda b: b[0]):
                rows.extend(block)
        return rows


def _words(chars: list[dict]) -> list[list[dict]]:
    from pdfplumber.utils import extract_words

    return [word["chars"] for word in extract_words(chars, return_chars=True)]


def _cell_under(grids: Sequence[Grid], piece: list[dict]):
    """The cell under the centre of a char or word, if it lies in a table."""
    x = (min(c["x0"] for c in piece) + max(c["x1"] for c in piece)) / 2
    y = (min(c["top"] for c in piece) + max(c["bottom"] for c in piece)) / 2
    for grid in grids:
        if grid.contains(x, y):
            return grid.cell_at(x, y)
    return None


# ---------------------------------------------------------------- rows without rules


def _split_unruled_rows(grid: Grid) -> Grid:
    """The grid with each band of body rows that no rule separates ("inside horizontal
    border: none") cut into its rows.

    The band is one tall slot per column. A row begins where the first column starts a line
    holding a row number ("1", "2.", "II") and no line of another column runs across it.
    """
    cuts: dict[int, list[float]] = {}
    for row in range(grid.n_rows):
        found = _row_starts(grid, row)
        if found:
            cuts[row] = found
    if not cuts:
        return grid
    boxes: list[BBox] = []
    for cell in grid.cells:
        ys = cuts.get(cell.row, []) if cell.rows_spanned == 1 else []
        x0, top, x1, bottom = cell.bbox
        for y0, y1 in zip([top, *ys], [*ys, bottom], strict=True):
            boxes.append((x0, y0, x1, y1))
    split = Grid(boxes)
    for cell in grid.cells:
        for char in cell.chars:
            target = split.cell_at((char["x0"] + char["x1"]) / 2,
                                   (char["top"] + char["bottom"]) / 2)
            if target is not None:
                target.chars.append(char)
    return split


def _row_starts(grid: Grid, row: int) -> list[float]:
    """Where rows begin inside the slot band `row`, if it holds several numbered rows. The
    text above the first number, when there is any, is the tail of a row cut by a page
    break."""
    first = grid.slots.owner(row, 0)
    if first is None or first.row != row or first.rows_spanned != 1 or first.col_end != 1:
        return []
    lines = split_lines(first.chars)
    texts = [chars_to_text(line) for line in lines]
    numbered = [line for line, text in zip(lines, texts, strict=True) if ROW_NUMBER.match(text)]
    if (len(numbered) < 2 or len(numbered) != len(lines)
            or not any(text[:1].isdigit() for text in texts)):
        return []  # a letter ("A") numbers a section only among numbered rows: not "T" / "T"
    others = [line for cell in grid.cells if cell is not first and cell.row == row
              for line in split_lines(cell.chars)]
    band_top = min(min(c["top"] for c in line) for line in [*lines, *others])
    starts = []
    for line in numbered:
        top = min(c["top"] for c in line)
        if top <= band_top + LINE_SLACK:
            continue  # the band's first row: its top is the rule above
        above = [max(c["bottom"] for c in other) for other in others
                 if max(c["bottom"] for c in other) <= top + LINE_SLACK]
        if any(min(c["top"] for c in other) < top - LINE_SLACK
               and max(c["bottom"] for c in other) > top + LINE_SLACK for other in others):
            return _centred_row_starts(numbered, [*lines, *others], band_top)
        starts.append((max(above, default=top) + top) / 2 if above else top - LINE_SLACK)
    return starts


def _centred_row_starts(numbered: list[list[dict]], lines: list[list[dict]],
                        band_top: float) -> list[float]:
    """Row starts when the cells are centred vertically (a number beside the middle of its
    name): each row reaches as far below its number's middle as it began above it, and ends
    in the gap between lines nearest to that."""
    spans = sorted((min(c["top"] for c in line), max(c["bottom"] for c in line))
                   for line in lines)
    gaps = [(a_bottom + b_top) / 2 for (_, a_bottom), (b_top, _) in pairwise(spans)
            if b_top - a_bottom > -LINE_SLACK
            and not any(t < (a_bottom + b_top) / 2 < b for t, b in spans)]
    starts: list[float] = []
    row_top = band_top
    for line in numbered[:-1]:
        middle = (min(c["top"] for c in line) + max(c["bottom"] for c in line)) / 2
        below = [g for g in gaps if g > middle]
        if not below:
            return []
        cut = min(below, key=lambda g: abs(g - (2 * middle - row_top)))
        starts.append(cut)
        row_top = min((t for t, _ in spans if t > cut), default=cut)
    return starts


# ---------------------------------------------------------------- merges over a page break


def _same_columns(a: Grid, b: Grid) -> bool:
    return len(a.xs) == len(b.xs) and all(
        abs(x - y) <= COLUMN_MATCH for x, y in zip(a.xs, b.xs, strict=True))


def _continue_merges(previous: Fragment, fragment: Fragment) -> None:
    """Carry a vertical merge that Word continued over the page break into the new page.

    Word draws the rest of a merged cell on the next page as one empty cell spanning the rows
    it still covers. Those rows take the text of the merged cell on the previous page, except
    the continuation of a row cut by the break (empty first cell), whose text the assembler
    joins to the part above.
    """
    if not _same_columns(previous.grid, fragment.grid):
        return
    fragment.head = previous.head or previous
    grid, rows = fragment.grid, fragment.rows
    first = _first_body_row(fragment.head.rows, rows)
    if first >= grid.n_rows or not previous.rows:
        return
    above = previous.rows[-1].cells
    for col in range(1, grid.n_cols):
        cell = grid.slots.owner(first, col)
        if (cell is None or cell.row != first or cell.col != col or cell.text
                or cell.rows_spanned < 2 or not above[col].text):
            continue
        for r in range(cell.row, min(cell.row_end, grid.n_rows)):
            if rows[r].cells[0].text.strip():
                rows[r].cells[col].text = above[col].text
                rows[r].cells[col].bold = above[col].bold


def _first_body_row(head_rows: Sequence[RawRow], rows: Sequence[RawRow]) -> int:
    """How many leading rows repeat the header rows of the table's first page."""
    count = 0
    for head_row, row in zip(head_rows, rows, strict=False):
        if head_row.texts != row.texts:
            break
        count += 1
    return count


# ---------------------------------------------------------------- lines outside tables


def _text_lines(chars: list[dict], page: int) -> list[RawRow]:
    """Lines of text, a line split where a wide gap separates two blocks (two columns)."""
    rows = []
    for line in split_lines(chars):
        for piece in _segments(line):
            text = chars_to_text(piece)
            if text:
                bbox = (min(c["x0"] for c in piece), min(c["top"] for c in piece),
                        max(c["x1"] for c in piece), max(c["bottom"] for c in piece))
                rows.append(RawRow([Cell(text, bbox, is_bold(piece))], page=page, bbox=bbox))
    return rows


def _segments(line: list[dict]) -> list[list[dict]]:
    """A line cut where nothing at all is printed over a wide gap (space glyphs count as
    printed: a blank left for a number to be filled in is not a gap)."""
    pieces: list[list[dict]] = [[]]
    last_x1 = None
    for char in line:
        if last_x1 is not None and char["x0"] - last_x1 > SEGMENT_GAP_EM * char["size"]:
            pieces.append([])
        pieces[-1].append(char)
        last_x1 = char["x1"]
    return pieces


# ---------------------------------------------------------------- table finders


def _lines_finder(view: PageView) -> list[CellBoxes]:
    settings = dict(LINES_SETTINGS)
    sides = _open_sides(view.edges, view.width)
    if sides:
        settings["explicit_vertical_lines"] = sides
    row_ends = _open_row_ends(view.edges, view.width)
    if row_ends:
        settings["explicit_horizontal_lines"] = row_ends
    return [table.cells for table in view.find_tables(settings)]


def _open_row_ends(edges: list[dict], page_width: float) -> list[dict]:
    """Row boundaries a table leaves undrawn, as edges across the table.

    A table ruled between columns but not between rows interrupts its column rules at a
    row merged across (a section title): where a column rule stops or starts without
    meeting a horizontal rule, a row ends or begins. Without these edges the rules would
    cross nothing and the columns inside would be lost.
    """
    horizontals = [e for e in edges if e["orientation"] == "h"]
    rules = [e for e in horizontals if e["x1"] - e["x0"] >= OPEN_SIDE_MIN_WIDTH * page_width]
    added: dict[int, dict] = {}
    for v in edges:
        if v["orientation"] != "v":
            continue
        x = v["x0"]
        spans = [r for r in rules if r["x0"] + COLUMN_MATCH < x < r["x1"] - COLUMN_MATCH]
        if not spans:
            continue
        x0, x1 = min(r["x0"] for r in spans), max(r["x1"] for r in spans)
        for y in (v["top"], v["bottom"]):
            met = any(abs(h["top"] - y) <= COLUMN_MATCH
                      and h["x0"] - COLUMN_MATCH <= x <= h["x1"] + COLUMN_MATCH
                      for h in horizontals)
            if met or round(y) in added or not _spans_y(spans, y):
                continue
            added[round(y)] = {"object_type": "explicit_edge", "orientation": "h", "x0": x0,
                               "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0}
    return list(added.values())


def _spans_y(rules: list[dict], y: float) -> bool:
    """Whether `y` lies between the topmost and lowest of a table's horizontal rules."""
    tops = [r["top"] for r in rules]
    return min(tops) < y < max(tops)


def _open_sides(edges: list[dict], page_width: float) -> list[dict]:
    """Left and right borders a table leaves undrawn ("no outside borders"), as edges.

    A grid whose rows are ruled across and whose columns are ruled inside, but whose outer
    sides are not, would lose its first and last column to the lines strategy; its rules say
    where the sides are.
    """
    rules = sorted((e for e in edges if e["orientation"] == "h"
                    and e["x1"] - e["x0"] >= OPEN_SIDE_MIN_WIDTH * page_width),
                   key=lambda e: (round(e["x0"]), round(e["x1"]), e["top"]))
    verticals = [e for e in edges if e["orientation"] == "v"]
    sides: list[dict] = []
    for group in _same_extent(rules):
        if len(group) < 3:
            continue
        x0, x1 = group[0]["x0"], group[0]["x1"]
        top, bottom = min(e["top"] for e in group), max(e["top"] for e in group)
        inside = [v for v in verticals if x0 + COLUMN_MATCH < v["x0"] < x1 - COLUMN_MATCH
                  and v["top"] < bottom and v["bottom"] > top]
        if not inside:
            continue  # rows ruled, columns not: a job for the text strategy
        for x in (x0, x1):
            # a side drawn anywhere along the rules: the tables are ruled all round (two of
            # them of the same width on one page, text between them, are two tables)
            drawn = any(abs(v["x0"] - x) <= COLUMN_MATCH and v["top"] < bottom
                        and v["bottom"] > top for v in verticals)
            if not drawn:
                sides.append({"object_type": "explicit_edge", "orientation": "v", "x0": x,
                              "x1": x, "top": top, "bottom": bottom, "width": 0,
                              "height": bottom - top})
    return sides


def _same_extent(rules: list[dict]) -> list[list[dict]]:
    groups: list[list[dict]] = []
    for rule in rules:
        for group in groups:
            if (abs(group[0]["x0"] - rule["x0"]) <= COLUMN_MATCH
                    and abs(group[0]["x1"] - rule["x1"]) <= COLUMN_MATCH):
                group.append(rule)
                break
        else:
            groups.append([rule])
    return groups


def _text_finder(plumber_page: Callable[[int], object]) -> Finder:
    """Columns from the alignment of words; rows from rules when the rows are ruled."""

    def finder(view: PageView) -> list[CellBoxes]:
        if view.turned:
            return []  # the text strategy reads words in pdfplumber's frame, not ours
        rules = [e for e in view.page.edges if e["orientation"] == "h"
                 and e["x1"] - e["x0"] >= OPEN_SIDE_MIN_WIDTH * view.width]
        settings = ({**TEXT_SETTINGS, "horizontal_strategy": "lines"} if len(rules) >= 3
                    else TEXT_SETTINGS)
        tables = plumber_page(view.number).find_tables(settings)
        return [t.cells for t in tables if len(t.columns) >= MIN_FALLBACK_COLUMNS]

    return finder


_PDFTOTEXT_SECONDS = 60


def _row_per_line(rows: list[RawRow]) -> bool:
    """A table read a printed line a row: most of its rows (of three or more, or none at
    all) open with no row number — a table's wrapped cells cut into lines."""
    if not rows:
        return True
    numbered = sum(1 for r in rows if (first := next((t for t in r.texts if t.strip()), ""))
                   and ROW_NUMBER.match(first.strip()))
    return len(rows) >= 3 and numbered * 2 < len(rows)


def _pdftotext_layout(path: Path) -> str | None:
    """The PDF's text laid out by poppler's `pdftotext -layout`; None without poppler (the
    other fallbacks read the file then), or when it fails on the file."""
    import shutil
    import subprocess

    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    try:
        done = subprocess.run([exe, "-layout", "-enc", "UTF-8", str(path), "-"],
                              capture_output=True, timeout=_PDFTOTEXT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def _fallback_finders(path: Path, heights: dict[int, float],
                      plumber_page: Callable[[int], object]) -> Iterator[tuple[str, Finder]]:
    if importlib.util.find_spec("camelot") is not None:
        for flavor in ("lattice", "stream"):
            yield f"camelot-{flavor}", _camelot_finder(path, heights, flavor)
    yield "pdfplumber-text", _text_finder(plumber_page)


def _camelot_finder(path: Path, heights: dict[int, float], flavor: str) -> Finder:
    """camelot's tables as cell rectangles in pdfplumber's coordinates (top from the top)."""
    import camelot

    by_page: dict[int, list[CellBoxes]] = {}
    try:
        tables = camelot.read_pdf(str(path), flavor=flavor, pages="all")
    except Exception:  # a second opinion that fails gives no tables
        tables = []
    for table in tables:
        number = int(table.page)
        height = heights[number]
        boxes = _camelot_boxes(table.cells, height)
        if flavor == "lattice" or len(table.cells[0]) >= MIN_FALLBACK_COLUMNS:
            by_page.setdefault(number, []).append(boxes)
    return lambda view: [] if view.turned else by_page.get(view.number, [])


def _camelot_boxes(cells, height: float) -> CellBoxes:
    """One rectangle per drawn cell: slots camelot reports without a rule between them merge."""
    groups = merged_slots(len(cells), len(cells[0]),
                          open_right=lambda r, c: not cells[r][c].right,
                          open_down=lambda r, c: not cells[r][c].bottom)
    boxes = []
    for members in groups:
        parts = [cells[r][c] for r, c in members]
        boxes.append((min(p.x1 for p in parts), min(height - p.y2 for p in parts),
                      max(p.x2 for p in parts), max(height - p.y1 for p in parts)))
    return boxes


# ---------------------------------------------------------------- OCR hand-over


def _scan_reader():
    """The OCR reader when it is installed and can take PDF pages, else None."""
    if importlib.util.find_spec("chitieu.extract.scan") is None:
        return None
    try:
        module = importlib.import_module("chitieu.extract.scan")
    except ImportError:
        return None
    return module if hasattr(module, "ocr_pdf_pages") else None


def _pages_phrase(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"page {numbers[0]} has"
    spans: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        spans.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return f"pages {', '.join(spans)} have"
