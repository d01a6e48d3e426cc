"""Scans: PNG/JPEG/TIFF pages and image-only PDF pages, read by OCR into the neutral layer.

Each page is binarized, cleaned of specks and deskewed; its ruling lines give the table's
cells (spans included); the rules and the ≥/≤ signs Tesseract cannot read are erased, and
Tesseract reads the page once. Its words are put into the cells by position, so columns never
bleed into each other. Text outside the table (title, "(Kèm theo Kế hoạch số …)") comes out
as one-cell rows in reading order; each table row as one cell per grid column.

OCR slips the domain can recognise are repaired (`chitieu.extract.ocr.repair`), each with a warning.
The mean word confidence of every row is kept in `meta["ocr_row_confidence"]` (JSON: the row's
index in `rows` → confidence 0–100).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from typing import TYPE_CHECKING

from chitieu.core.agencies import AgencyNames
from chitieu.core.text import to_ascii
from chitieu.core.types import BBox, Cell, RawDocument, RawRow
from chitieu.errors import InputError

if TYPE_CHECKING:
    from chitieu.extract.ocr.page import PageImage

# A page read with less confidence than this is tried upside down as well.
_UPRIGHT_CONFIDENCE = 60.0
# Words read with less confidence than this on a page with no table are taken for noise.
_NOISE_CONFIDENCE = 40.0
# A declared resolution this far from what the text's size implies is not believed.
_DPI_TOLERANCE = 1.6
# A resolution the text's size implies outside these is specks or a picture taken for text.
_PLAUSIBLE_DPI = (72, 1200)
# A scan with no table and fewer readable words than this is not a document.
_MIN_WORDS = 5
# A page narrower or shorter than this (pixels) cannot hold a line of text: an icon, a pixel.
_MIN_PAGE_PIXELS = 32
# A table page is read as one block of lines (its rows stacked by `ocr.mosaic`): with
# the rules erased, Tesseract's own layout analysis (mode 3) drops the lone digits of a narrow
# number column as noise. A page without a table keeps that analysis.
_TABLE_SEGMENTATION = 6
_FREE_SEGMENTATION = 3
_PIECE_GAP_INCHES = 0.08
# A mark (no letter or digit) read with less confidence is taken for a blank's hallucination.
_MARK_CONFIDENCE = 60.0
_SIGNS = set("%≥≤<>=+")
_DASHES = {"-", "–", "—"}  # "Văn hóa – Xã hội": a dash between words, read with little confidence


def read(path: Path, audit_dir: Path | None = None, *,
         agencies: AgencyNames | None = None) -> RawDocument:
    """Read a PNG/JPEG/TIFF (every frame of a multi-page TIFF) by OCR; agency cells are
    snapped to the names `agencies` knows."""
    from chitieu.extract.ocr.page import load_image_pages

    return _read_pages(load_image_pages(Path(path)), audit_dir, agencies)


def ocr_pdf_pages(path: Path, pages: list[int] | None = None,
                  audit_dir: Path | None = None, *,
                  agencies: AgencyNames | None = None) -> RawDocument:
    """OCR the given pages (1-based; all when None) of a PDF that has no text layer there."""
    from chitieu.extract.ocr.page import render_pdf_pages

    document = _read_pages(render_pdf_pages(Path(path), pages), audit_dir, agencies)
    document.meta["ocr_pages"] = ",".join(str(p) for p in pages) if pages else "all"
    return document


@dataclass(slots=True)
class _PageResult:
    number: int
    rows: list[RawRow] = field(default_factory=list)
    confidences: list[float | None] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    has_table: bool = False
    tables: int = 0  # how many tables the page's rows are in (0, 1, … in `RawRow.table`)
    word_count: int = 0
    blank: bool = False
    # for each row of `rows` in the table: the grid rows each column's cell spans from it
    spans: dict[int, list[int]] = field(default_factory=dict)
    changes: list = field(default_factory=list)  # word repairs (`spelling.Change`)


def _read_pages(pages: Iterable[PageImage], audit_dir: Path | None,
                agencies: AgencyNames | None = None) -> RawDocument:
    from chitieu.extract.ocr.tesseract import engine_version

    engine = engine_version()
    if audit_dir is not None:
        Path(audit_dir).mkdir(parents=True, exist_ok=True)
    # pages come one at a time (a PDF's are rendered as they are asked for): each is handed
    # to a worker at once, so the next page renders while Tesseract reads this one
    workers = max(1, os.cpu_count() or 1)
    read: list[PageImage] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = []
        for page in pages:
            read.append(page)
            futures.append(pool.submit(_read_page, page, audit_dir))
        results = [future.result() for future in futures]
    return _document(results, read, engine, agencies)


def _document(results: list[_PageResult], pages: list, engine: str,
              agencies: AgencyNames | None = None) -> RawDocument:
    rows: list[RawRow] = []
    confidences: dict[str, float] = {}
    warnings: list[str] = []
    table = 0
    for previous, result in zip([None, *results[:-1]], results, strict=True):
        _continue_merges(previous, result, results)
        warnings.extend(result.warnings)
        for row, confidence in zip(result.rows, result.confidences, strict=True):
            if row.table is not None:
                row.table += table
            if confidence is not None:
                confidences[str(len(rows))] = round(confidence, 1)
                row.confidence = round(min(max(confidence / 100, 0.0), 1.0), 3)
            rows.append(row)
        table += result.tables if result.has_table else 0
    repairs = _repair(rows, warnings, agencies)
    if all(r.blank for r in results):
        if all(any("too_small" in w for w in r.warnings) for r in results):
            raise InputError("the image is too small to hold a document (under "
                             f"{_MIN_PAGE_PIXELS} pixels a side)", code="empty")
        raise InputError("the scan is blank: no page has any text", code="empty")
    if not table and sum(r.word_count for r in results) < _MIN_WORDS:
        raise InputError("no table and no readable text found in the image (a photo, not a "
                         "scanned document?)", code="no_table")
    dpis = sorted({str(p.dpi) for p in pages})
    changes = [[c.before, c.after, round(c.confidence, 1), c.left, c.right]
               for r in results for c in r.changes]
    meta = {"ocr_engine": engine, "dpi": ",".join(dpis),
            "ocr_words": str(sum(r.word_count for r in results)),
            "ocr_word_repairs": json.dumps(changes, ensure_ascii=False, separators=(",", ":")),
            "ocr_row_confidence": json.dumps(confidences, separators=(",", ":")),
            "ocr_repairs": json.dumps(repairs, ensure_ascii=False, separators=(",", ":"))}
    return RawDocument(rows=rows, format="image", pages=len(pages), ocr=True,
                       warnings=warnings, meta=meta)


# A page's leading table rows repeat the first page's header rows when they read this alike.
_HEADER_REPEAT_RATIO = 80.0


def _continue_merges(previous: _PageResult | None, result: _PageResult,
                     results: list[_PageResult]) -> None:
    """Carry a vertical merge continued over the page break into the new page, as the PDF
    reader does: Word draws the rest of a merged cell on the next page as one empty cell
    spanning the rows it still covers, and those rows take the text of the merged cell on the
    page before — except the continuation of a row cut by the break (no number), whose text
    the assembler joins to the part above."""
    from chitieu.extract.ocr.domain import is_numbering_row

    if previous is None or not previous.has_table or not result.has_table:
        return
    above = [r for r in previous.rows if r.table is not None]
    here = [i for i, r in enumerate(result.rows) if r.table is not None]
    first_table = next((r for r in results if r.has_table), None)
    if not above or not here or first_table is None:
        return
    width = len(above[-1].cells)
    if any(len(result.rows[i].cells) != width for i in here):
        return
    head = [r for r in first_table.rows if r.table is not None]
    first = 0
    while (first < len(here) and first < len(head) and head[first] is not result.rows[
            here[first]] and _alike(head[first].texts, result.rows[here[first]].texts)):
        first += 1
    if first and first < len(here) and is_numbering_row(result.rows[here[first]].texts):
        first += 1  # "(1) (2) …" under the header, read differently on this page
    if first >= len(here) or first == 0:
        return
    spans = result.spans.get(here[first])
    if spans is None:
        return
    for col in range(1, width):
        text = above[-1].cells[col].text
        if spans[col] < 2 or result.rows[here[first]].cells[col].text or not text:
            continue
        for index in here[first:first + spans[col]]:
            row = result.rows[index]
            if row.cells[0].text.strip():
                row.cells[col].text = text


def _alike(a: list[str], b: list[str]) -> bool:
    from rapidfuzz import fuzz

    return fuzz.ratio(" ".join(a), " ".join(b)) >= _HEADER_REPEAT_RATIO


def _repair(rows: list[RawRow], warnings: list[str],
            agencies: AgencyNames | None) -> list[dict[str, object]]:
    """Domain repairs, each warned as `ocr_repaired:<field>@p<page>:r<row>` (row: 1-based in
    `rows`) and listed in full (before → after) for review."""
    from chitieu.extract.ocr.domain import repair_rows

    repairs = repair_rows(rows, agencies)
    details = []
    for item in repairs:
        row = rows[item.row]
        warnings.append(f"ocr_repaired:{item.field}@p{row.page}:r{item.row + 1}")
        row.warnings.append(f"ocr_repaired:{item.field}")
        details.append({"row": item.row + 1, "column": item.column, "field": item.field,
                        "before": item.before, "after": item.after})
    return details


def _read_page(page, audit_dir: Path | None) -> _PageResult:
    from chitieu.extract.ocr import page as prep

    result = _PageResult(page.number)
    if min(page.pixels.shape[:2]) < _MIN_PAGE_PIXELS:
        result.warnings.append(f"ocr_page_too_small:p{page.number}")
        result.blank = True
        return result
    binary = prep.binarize(page.pixels)
    if prep.is_blank(binary, page.dpi):
        result.warnings.append(f"ocr_blank_page:p{page.number}")
        result.blank = True
        return result
    quarter = prep.runs_vertically(binary, page.dpi)
    if quarter:  # before the text's size is measured: turned, letters' widths pass for heights
        binary = prep.rotate90(binary)
    implied = prep.text_dpi(binary)
    if implied and _PLAUSIBLE_DPI[0] <= implied <= _PLAUSIBLE_DPI[1] and not (
            implied / _DPI_TOLERANCE <= page.dpi <= implied * _DPI_TOLERANCE):
        # a screenshot's 72 or 96 dpi, or a crop guessed as A4: the text knows better
        result.warnings.append(f"ocr_dpi_from_text:p{page.number}:{page.dpi}->{implied}")
        page.dpi = implied
    binary = prep.rotate(binary, prep.estimate_skew(binary))
    reading = _ocr(binary, page.dpi, audit_dir is not None)
    turn = 90 if quarter else 0
    if (reading.confidence or 0.0) < _UPRIGHT_CONFIDENCE:
        turned = _ocr(prep.rotate180(binary), page.dpi, audit_dir is not None)
        if (turned.confidence or 0.0) > (reading.confidence or 0.0) + 10:
            reading = turned
            turn += 180
    if turn:  # the clockwise turn that made the page upright
        result.warnings.append(f"ocr_page_rotated:p{page.number}:{turn}")
    if audit_dir is not None:
        _write_audit(Path(audit_dir), page.number, reading)
    _rows_from_reading(reading, page, result)
    return result


@dataclass(slots=True)
class _Reading:
    grid: object
    words: list
    confidence: float | None
    hocr: str | None
    text: str | None
    changes: list = field(default_factory=list)  # word repairs (`spelling.Change`)
    image: object = None  # the page the words were read on (binary, rules erased)


def _ocr(binary, dpi: int, audit: bool) -> _Reading:
    from chitieu.extract.ocr.glyphs import attach_signs, find_signs
    from chitieu.extract.ocr.grid import erase_loose_rules, erase_rules, find_grid, line_masks
    from chitieu.extract.ocr.mosaic import build_mosaic, to_page
    from chitieu.extract.ocr.page import find_marks, remove_specks
    from chitieu.extract.ocr.tesseract import recognize

    horizontal, vertical = line_masks(binary, dpi)
    grid = find_grid(binary, horizontal, vertical, dpi)
    text_only = erase_loose_rules(erase_rules(binary, grid, horizontal, vertical, dpi), grid,
                                  dpi)
    marks = find_marks(text_only)
    text_only = remove_specks(text_only, dpi, marks)
    signs, text_only = find_signs(text_only, dpi, marks)
    if grid is None:
        page_text = recognize(text_only, dpi=dpi, psm=_FREE_SEGMENTATION, audit=audit)
        words = _drop_noise(_drop_star_marks(_drop_floating_marks(
            _drop_rules_read_as_words(page_text.words))), text_only)
        words = [w for w in words if w.conf >= _NOISE_CONFIDENCE or _is_wordlike(w.text)]
        words, changes = _repair_words(words, text_only, dpi)
    else:
        mosaic, pieces = build_mosaic(text_only, grid, round(_PIECE_GAP_INCHES * dpi))
        page_text = recognize(mosaic, dpi=dpi, psm=_TABLE_SEGMENTATION, audit=audit)
        words = _drop_noise(_drop_star_marks(_drop_floating_marks(
            _drop_rules_read_as_words(page_text.words))), mosaic)
        words, changes = _repair_words(words, mosaic, dpi)
        words = to_page(words, pieces)
    words = attach_signs(words, signs)
    return _Reading(grid, words, page_text.mean_confidence(), page_text.hocr, page_text.text,
                    changes, text_only)


def _repair_words(words: list, image, dpi: int) -> tuple[list, list]:
    """Word by word, before the words go into cells, with the image and Tesseract's own
    confidence and line at hand: roman "I"s counted on the page, numbers Tesseract was unsure
    of read again, the plan's two dates made one, a "<"/">" with a bar under it on the page
    made "≤"/"≥", then diacritics
    chosen by the words around them. Returns the words and the
    changes (`spelling.Change`)."""
    from chitieu.extract.ocr.digits import reread_numbers, restore_commas
    from chitieu.extract.ocr.glyphs import restore_bars
    from chitieu.extract.ocr.national import agree_plan_dates
    from chitieu.extract.ocr.spelling import repair_words
    from chitieu.extract.ocr.strokes import restore_roman_ones

    words, recounted = restore_roman_ones(words, image)
    words, reread = reread_numbers(words, image, dpi)
    words, commas = restore_commas(words, image)
    words, dated = agree_plan_dates(words)
    words, barred = restore_bars(words, image)
    words, spelled = repair_words(words, dpi)
    return words, recounted + reread + commas + dated + barred + spelled


def _drop_noise(words: list, image) -> list:
    """Drop what Tesseract reads in blank space or in a rule's remnant: marks with no letter
    or digit that have next to no ink under them or little confidence, and lone bars."""
    kept: list = []
    for word in words:
        if any(ch.isalnum() or ch in _SIGNS for ch in word.text):
            kept.append(word)
            continue
        if set(word.text) <= {"|", "¦", "[", "]"}:
            if _labels_appendix(kept, word):
                kept.append(word)  # "PHỤ LỤC |": the label's "I" (its repair reads it so)
            continue
        box = image[word.top:word.bottom, word.left:word.right]
        ink = int((box < 128).sum()) if box.size else 0
        inked = ink >= 0.05 * max(box.size, 1)
        if inked and (word.conf >= _MARK_CONFIDENCE or word.text in _DASHES):
            kept.append(word)
    return kept


# The "*" a party committee prints under its name, read as a letter and marks of its shape
# (">»k", "»k") with little confidence on a line of its own
_STAR_LENGTH = 3
_STAR_CONFIDENCE = 70.0
_STAR_MARKS = frozenset("*«»<>'\"`^~“”‘’")


def _drop_star_marks(words: list) -> list:
    """Drop a word alone on its line, of at most `_STAR_LENGTH` characters: one letter and
    the rest marks a star is read as (`_STAR_MARKS`; not "%", ")", "-"), read with less than
    `_STAR_CONFIDENCE` — a party committee's "*" under its name read ">»k", not text, nor
    the issuer's first words."""
    lines = Counter((w.block, w.par, w.line) for w in words)
    return [w for w in words if not (
        lines[(w.block, w.par, w.line)] == 1 and len(w.text) <= _STAR_LENGTH
        and w.conf < _STAR_CONFIDENCE and sum(ch.isalpha() for ch in w.text) == 1
        and all(ch.isalpha() or ch in _STAR_MARKS for ch in w.text)
        and any(ch in _STAR_MARKS for ch in w.text))]


def _labels_appendix(kept: list, word) -> bool:
    """A bar right after "PHỤ LỤC" on its line: the appendix's roman "I", not a rule."""
    if len(kept) < 2:
        return False
    phu, luc = kept[-2:]
    line = (word.block, word.par, word.line)
    # both words ("năng lực |" ends an indicator's name before a column's rule)
    return ((phu.block, phu.par, phu.line) == line == (luc.block, luc.par, luc.line)
            and [to_ascii(w.text).casefold() for w in (phu, luc)] == ["phu", "luc"])


# A line of marks Tesseract read apart from the line under them, each much smaller than
# the word it floats over, is that line's diacritics: the accents of capitals in a large
# bold face ("CHỈ TIÊU PHÁT TRIỂN") taken for a line of their own ("~? .đ ~").
_MARK_HEIGHT = 0.7
_MARK_GAP = 0.3
_MARK_LENGTH = 3


# A rule printed outside the table (under the letterhead's issuer or its motto), or a piece
# of it, that Tesseract read as letters ("cố", "TT" on the line of "ĐẶC KHU VÂN ĐỒN"): a box
# far flatter than the page's words. No letter or digit is that flat; a dash may be.
_RULE_HEIGHT = 0.3


def _drop_rules_read_as_words(words: list) -> list:
    heights = [w.height for w in words if w.height > 0]
    if not heights:
        return words
    flat = _RULE_HEIGHT * median(heights)
    return [w for w in words if w.height > flat or not any(ch.isalnum() for ch in w.text)]


def _drop_floating_marks(words: list) -> list:
    lines: dict[tuple[int, int, int], list] = {}
    for word in words:
        lines.setdefault((word.block, word.par, word.line), []).append(word)
    dropped = set()
    for line in lines.values():
        # (short words only: measuring every word against the page's was quadratic in them)
        if not all(len(w.text) <= _MARK_LENGTH for w in line):
            continue
        sitting = [w for w in line if any(_sits_on(w, other) for other in words
                                          if other not in line)]
        # a mark Tesseract gave no confidence at all may be an accent cut into two glyphs
        # and run into the line under it (".c" over "THỐNG", DEV17): it goes with the rest
        if sitting and all(w in sitting or w.conf < _NOISE_CONFIDENCE for w in line):
            dropped.update(id(w) for w in line)
    return [w for w in words if id(w) not in dropped] if dropped else words


def _sits_on(mark, word) -> bool:
    """The mark floats just above the word, over its letters, much smaller."""
    gap = word.top - mark.bottom
    return (mark.height <= _MARK_HEIGHT * word.height
            and -0.2 * word.height <= gap <= _MARK_GAP * word.height
            and mark.left >= word.left - mark.height and mark.right <= word.right + mark.height)


def _is_wordlike(text: str) -> bool:
    letters = sum(ch.isalnum() for ch in text)
    return letters >= 3 and letters >= 0.7 * len(text)


def _write_audit(folder: Path, number: int, reading: _Reading) -> None:
    if reading.hocr is not None:
        (folder / f"page-{number}.hocr").write_text(reading.hocr, encoding="utf-8")
    if reading.text is not None:
        (folder / f"page-{number}.txt").write_text(reading.text, encoding="utf-8")


def _rows_from_reading(reading: _Reading, page, result: _PageResult) -> None:
    from chitieu.extract.ocr.grid import tables
    from chitieu.extract.ocr.layout import cell_rows, text_lines

    scale = 72 / page.dpi
    grid = reading.grid
    result.word_count = len(reading.words)
    result.changes = reading.changes
    inside: list = []
    if grid is None:
        before, table_rows, after = text_lines(reading.words), [], []
        between = []
    else:
        result.has_table = True
        inside = [w for w in reading.words if grid.locate(w.x_centre, w.y_centre) is not None]
        outside = [w for w in reading.words if grid.locate(w.x_centre, w.y_centre) is None]
        top = grid.bbox[1]
        before = text_lines([w for w in outside if w.y_centre < top])
        between = text_lines([w for w in outside if grid.between_tables(w.y_centre)])
        after = text_lines([w for w in outside if w.y_centre >= top
                            and not grid.between_tables(w.y_centre)])
        table_rows = [row for part in tables(grid) for row in cell_rows(
            part, [w for w in inside if part.ys[0] <= w.y_centre < part.ys[-1]])]
    look = _Look(reading)
    for line in before:
        _add_line(result, line, page.number, scale, reading.words, look)
    table = 0
    for row in table_rows:
        # the lines printed between two tables of the page come before the rows below them,
        # which are the next table's (its own header, or the one before's repeated)
        while between and between[0].bbox[1] < row.bbox[1]:
            _add_line(result, between.pop(0), page.number, scale, reading.words, look)
            table = result.tables
        result.tables = table + 1
        cells = [Cell(text, _points(box, scale), bold=bool(text) and look.bold(box))
                 for text, box in zip(row.texts, row.boxes, strict=True)]
        if row.spans is not None:
            result.spans[len(result.rows)] = row.spans
        raw = RawRow(cells, page=page.number, bbox=_points(row.bbox, scale), table=table)
        raw.warnings += _word_repairs(inside, row.bbox)
        result.rows.append(raw)
        result.confidences.append(row.confidence)
    for line in [*between, *after]:
        _add_line(result, line, page.number, scale, reading.words, look)


def _word_repairs(words: list, box: tuple[int, int, int, int] | None) -> list[str]:
    """`ocr_repaired:<what>` for each kind of word repair made inside the box."""
    if box is None:
        return []
    notes = {w.note for w in words if w.note and box[0] <= w.x_centre <= box[2]
             and box[1] <= w.y_centre <= box[3]}
    return [f"ocr_repaired:{note}" for note in sorted(notes)]


class _Look:
    """Whether a box of the page is printed bold: its strokes beside the page's own."""

    def __init__(self, reading: _Reading) -> None:
        from chitieu.extract.ocr.strokes import stroke_width

        self.image = reading.image
        self.page_width = stroke_width(self.image) if self.image is not None else None

    def bold(self, box: tuple[int, int, int, int] | None) -> bool:
        from chitieu.extract.ocr.strokes import is_bold

        return self.image is not None and is_bold(self.image, box, self.page_width)


def _add_line(result: _PageResult, line, page: int, scale: float, words: list,
              look: _Look) -> None:
    box = _points(line.bbox, scale)
    row = RawRow([Cell(line.text, box, bold=look.bold(line.bbox))], page=page, bbox=box)
    row.warnings += _word_repairs(words, line.bbox)
    result.rows.append(row)
    result.confidences.append(line.confidence)


def _points(box: tuple[int, int, int, int] | None, scale: float) -> BBox | None:
    if box is None:
        return None
    return tuple(round(v * scale, 2) for v in box)  # type: ignore[return-value]
