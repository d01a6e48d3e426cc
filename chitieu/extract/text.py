"""OCR'd text: one table row per line, cells separated by tabs, blank padding cells.

Markup (`<b>`, `**`, LaTeX) is left in the cells; cleaning is the normalizers' job. A form
feed starts a new page.
"""

from __future__ import annotations

from pathlib import Path

from chitieu.core.types import Cell, RawDocument, RawRow
from chitieu.extract.unicode import decode_bytes


def read(path: Path) -> RawDocument:
    return read_text(decode_bytes(Path(path).read_bytes()))


def read_text(text: str) -> RawDocument:
    rows: list[RawRow] = []
    page = 1
    for number, line in enumerate(text.split("\n"), start=1):
        if "\f" in line:
            page += line.count("\f")
            line = line.replace("\f", "")
        if not line.strip():
            continue
        # (a line of `split("\n")` holds no line break)
        rows.append(RawRow(list(map(Cell, line.split("\t"))), number, number, page))
    return RawDocument(rows=rows, format="text", pages=page, ocr=True)
