"""The neutral layer every reader produces: physical rows of cells with provenance.

Readers know formats, nothing about indicators. A `RawDocument` is what `chitieu rows FILE`
prints, so "read wrong" and "parsed wrong" can be told apart. Assembly turns it into the
tables of `chitieu.core.tables`.
"""

from __future__ import annotations

from chitieu.core.dataclass import dataclass, field

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points


@dataclass(slots=True)
class Cell:
    """One cell as printed. `text` keeps the reader's markup (`<b>`, `**`, LaTeX) untouched."""

    text: str
    bbox: BBox | None = None
    bold: bool = False  # the reader saw bold formatting (PDF font, DOCX run) beyond inline markup


@dataclass(slots=True)
class RawRow:
    """One physical row: a text line, a PDF table row, a DOCX table row.

    `first_line`/`last_line` are 1-based line numbers for text inputs; `page` and `bbox` for
    paged inputs. `table` numbers the tables a reader found (0 for the first), so a reader
    that sees a new table (PDF page, DOCX table, sheet) can say so; assembly decides whether
    they continue each other. Rows outside any table (title, preamble) have `table=None` and
    usually one cell.
    """

    cells: list[Cell]
    first_line: int | None = None
    last_line: int | None = None
    page: int | None = None
    bbox: BBox | None = None
    table: int | None = None
    confidence: float | None = None  # OCR: mean word confidence of the row, 0–1
    warnings: list[str] = field(default_factory=list)  # e.g. "ocr_repaired:target"

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    def is_blank(self) -> bool:
        return all(not c.text.strip() for c in self.cells)


@dataclass(slots=True)
class RawDocument:
    """Everything a reader read from one file, in reading order."""

    rows: list[RawRow]
    format: str
    pages: int | None = None
    ocr: bool = False
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # e.g. {"table_finder": "camelot-lattice"}
    # Tables that stand alone, by `RawRow.table` index, with their name: the sheets of a
    # workbook. Assembly never joins two of them, and names their records' outer section.
    table_names: dict[int, str] = field(default_factory=dict)
    # the hex SHA-256 of the file's bytes, when the reader read them whole (a text file): the
    # pipeline names the document by it without reading the file a second time
    sha256: str | None = field(default=None, repr=False, compare=False)


def rows_by_table(rows: list[RawRow]) -> list[list[RawRow]]:
    """The rows of each table (`RawRow.table`), table by table in order of first appearance;
    rows outside tables are left out."""
    by_table: dict[int, list[RawRow]] = {}
    for row in rows:
        if row.table is not None:
            by_table.setdefault(row.table, []).append(row)
    return list(by_table.values())
