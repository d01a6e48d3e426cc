"""Text whose table lost its columns: blocks of lines separated by blank lines, one block
per cell, in the order a PDF's content stream drew them (`pdftotext` without `-layout`).

The columns cannot be recovered from the order, so this is a last resort that keeps what can
be read: a block holding a row label ("1", "a)") starts a row; the blocks after it are read
by what they look like — an agency (it starts like one: "Sở …", "UBND …", "Các …"), a
deadline (a date, a quarter, "Thường xuyên", "… ngày kể từ …"), or text (the first is the
row's name, the rest its note). Column labels and page numbers are skipped; blocks before
the first label are one-cell rows (the title). The document carries the warning
`table_structure_lost`.
"""

from __future__ import annotations

import functools
from pathlib import Path

import regex

from chitieu.core.headers import header_candidates
from chitieu.core.lexicon import load_yaml
from chitieu.core.numbering import COLUMN_LABEL, number_key, successors
from chitieu.core.types import Cell, RawDocument, RawRow
from chitieu.extract.unicode import decode_bytes

_DEADLINE = regex.compile(
    r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\b(?:quý|quí|tháng|năm)\s+[\dIV]|thường xuyên|hằng năm"
    r"|hàng năm|\d+\s+ngày\s+kể\s+từ|theo\s+(?:từng\s+mốc\s+)?thời\s+hạn", regex.IGNORECASE)
_HEADER = ["TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Ghi chú"]
_MAX_LABEL_WORDS = 4
_SECTION_HEAD = regex.compile(r"^(?:[A-ZĐ]|[IVXLC]+)\.?$")  # a section's number: "B", "IV"
_TITLE_LETTERS = 3


def read(path: Path) -> RawDocument:
    return read_text(decode_bytes(Path(path).read_bytes()))


def read_text(text: str) -> RawDocument:
    rows: list[RawRow] = []
    current: dict[str, list[str]] | None = None
    span = [0, 0, 1]
    started = labelled = False
    page_of_label = 0  # the page of the last row label: above it, a page repeats the header
    found = list(_blocks(text))
    taken = -1  # a section's title block, read with its number
    for at, (first, last, page, block, lines) in enumerate(found):
        if at == taken:
            continue
        after = found[at + 1] if at + 1 < len(found) else None
        if current is not None and _named(current, rows) and "deadline" not in current and (
                _DEADLINE.search(block)):
            pass  # the row's deadline ("Năm 2026"), no year column's label printed again
        elif _is_column_label(block) or (
                started and page != page_of_label and len(block.split()) <= _MAX_LABEL_WORDS
                and not COLUMN_LABEL.match(block) and not _section(block, after)):
            labelled = True
            continue
        if (started or labelled) and _section(block, after):
            # "B" then "SẢN PHẨM DU LỊCH": a section's number, its title in capitals
            if current is not None and _named(current, rows):
                rows.append(_row(current, *span))
            if not started:
                rows.append(RawRow([Cell(h) for h in _HEADER]))
                started = True
            rows.append(RawRow([Cell(block.rstrip(".")), Cell(after[3])] + [
                Cell("") for _ in _HEADER[2:]], first_line=first, last_line=after[1], page=page))
            current, taken = None, at + 1
            continue
        if COLUMN_LABEL.match(block):
            page_of_label = page
            named = current is not None and _named(current, rows)
            if named:
                rows.append(_row(current, *span))
            if not started:
                rows.append(RawRow([Cell(h) for h in _HEADER]))
                started = True
            if current is None or named:
                current, span = {"number": [block]}, [first, last, page]
            continue
        if current is None:  # the title above the table, line by line
            rows += [RawRow([Cell(t)], first_line=n, last_line=n, page=page) for n, t in lines]
            continue
        current.setdefault(_kind(block, current), []).append(block)
        span[1] = last
    if current is not None and _named(current, rows):
        rows.append(_row(current, *span))
    return RawDocument(rows=rows, format="text", pages=text.count("\f") + 1, ocr=False,
                       warnings=["table_structure_lost"])


def _section(block: str, after: tuple | None) -> bool:
    """A section's number ("A", "II") whose next block is its title in capitals."""
    if after is None or not _SECTION_HEAD.match(block):
        return False
    letters = [c for c in after[3] if c.isalpha()]
    return len(letters) >= _TITLE_LETTERS and all(c.isupper() for c in letters)


def _blocks(text: str):
    """(first line, last line, page, text, lines) of each run of non-blank lines; a page
    number on its own line at a page's top is dropped."""
    page, lines = 1, []
    for number, raw in enumerate([*text.split("\n"), ""], start=1):
        if "\f" in raw:
            if lines:
                yield _block(lines, page)
            lines = []
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        if raw.strip():
            lines.append((number, raw.strip()))
        elif lines:
            yield _block(lines, page)
            lines = []


def _block(lines: list[tuple[int, str]], page: int
           ) -> tuple[int, int, int, str, list[tuple[int, str]]]:
    if len(lines) > 1 and lines[0][1].isdigit() and _is_column_label(lines[1][1]):
        lines = lines[1:]  # "2" (the page number) above the repeated header
    return lines[0][0], lines[-1][0], page, " ".join(t for _, t in lines), lines


def _is_column_label(text: str) -> bool:
    if len(text.split()) > _MAX_LABEL_WORDS:
        return False
    candidates = header_candidates(text)
    return bool(candidates) and candidates[0] != "unknown"


def _kind(block: str, row: dict[str, list[str]]) -> str:
    if _DEADLINE.search(block) and "deadline" not in row:
        return "deadline"
    if _reads_as_agency(block):
        return "lead" if "lead" not in row else "support"
    return "name" if "name" not in row else "note"


@functools.cache
def _agency_heads() -> tuple[str, ...]:
    data = load_yaml("agency_words.yaml")
    heads = [h for h in data.get("heads", []) if h[:1].isupper() or h == "các"]
    return tuple(sorted({*heads, *data.get("capitalized_heads", []), "Các", "UBND", "Sở"},
                        key=len, reverse=True))


def _reads_as_agency(block: str) -> bool:
    return len(block.split()) <= 25 and any(
        block.startswith(head + " ") for head in _agency_heads())


def _named(cells: dict[str, list[str]], rows: list[RawRow]) -> bool:
    """Whether a row holds text of its own: a name; or, numbered on from the last row (no
    value's block taken for a number, "62"), a first block read as an agency's name."""
    if cells.get("name"):
        return True
    if not cells.get("lead"):
        return False
    key = number_key(cells["number"][0])
    last = next((number_key(r.texts[0]) for r in reversed(rows) if r.cells and number_key(
        r.texts[0]) is not None), None)
    return key is not None and (key in successors(last) if last else key == (1,))


def _row(cells: dict[str, list[str]], first: int, last: int, page: int) -> RawRow:
    number = cells.get("number", [""])[0]
    if not cells.get("name"):
        # a name opening as an agency's does ("Tổ chức Lễ hội …"): the row's first text is
        # its name, never a row dropped for want of one
        agencies = cells["lead"] + cells.get("support", [])
        cells = {**cells, "name": agencies[:1], "lead": agencies[1:2], "support": agencies[2:]}
    texts = [number, *("; ".join(cells.get(k, [])) for k in
                       ("name", "lead", "support", "deadline", "note"))]
    # each cell placed by its look alone, the columns lost: said on the row, not only on the
    # document (a value must never move silently)
    return RawRow([Cell(t) for t in texts], first_line=first, last_line=last, page=page,
                  warnings=["table_structure_lost"])
