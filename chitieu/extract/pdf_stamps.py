"""Text a page's annotations print, merged into the page where it falls on blank paper.

Signing systems stamp a plan's number, day and month at issue inside signature widgets, over
the blanks the typist left ("Số:      /KH-UBND", "ngày    tháng    năm 2026"); pdfium's
text page and pdfminer leave annotations out, though they are on the printed page. Pages
holding annotations that can print text (widgets, free text, stamps) are flattened in
memory (pdfium's `FLAT_PRINT`: what prints), except:

- a page without a text layer of its own: a scan's stamps are in its picture, where OCR reads
  them, and a signature's words must not make it pass for a page of text;
- an annotation whose text would fall on the page's own glyphs (a signature stamped over a
  table's cells: merged, the two texts would interleave glyph by glyph and corrupt both) or
  inside a ruled table's cell (its words would join the cell's): it is left out (its text
  stays unread, as before stamps were read) and the page is named in a warning.

Where that is decided, a second copy of the document is flattened to see where the stamped
glyphs fall; the document read is changed only by what is kept.
"""

from __future__ import annotations

import ctypes
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF user space
Glyph = tuple[str, Box]
GRID_CELLS = 64  # a page is cut into at most this many cells a side to find glyphs near a box
MIN_CELL = 24.0  # points
MAX_STAMPS = 100  # a signed plan's page carries a few; a page of more is left as it reads


@dataclass(slots=True)
class Stamping:
    flattened: set[int] = field(default_factory=set)  # pages (from 0) whose stamps were merged
    over_text: set[int] = field(default_factory=set)  # pages with a stamp left out


def merge_stamps(document, source: Path | BinaryIO) -> Stamping:
    """Merge into `document` (a pypdfium2 `PdfDocument` opened from `source`) the printed
    annotations that fall on blank paper; which pages changed, and which kept a stamp out."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    from chitieu.extract.pdf_page import SCAN_MAX_CHARS

    done = Stamping()
    probe = None
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                stamps = _text_annotations(page.raw)
                if (not stamps or len(stamps) > MAX_STAMPS
                        or _visible_chars(page) <= SCAN_MAX_CHARS):
                    continue
                if probe is None:
                    probe = pypdfium2.PdfDocument(source)
                over = _stamps_over_text(probe, index, stamps)
                for annotation in sorted(over, reverse=True):
                    pdfium_c.FPDFPage_RemoveAnnot(page.raw, annotation)
                if over:
                    done.over_text.add(index)
                if (len(over) < len(stamps) and pdfium_c.FPDFPage_Flatten(
                        page.raw, pdfium_c.FLAT_PRINT) == pdfium_c.FLATTEN_SUCCESS):
                    done.flattened.add(index)
            finally:
                page.close()
    finally:
        if probe is not None:
            probe.close()
    return done


def _text_annotations(page) -> dict[int, Box]:
    """The page's annotations that can print text, by index, with their boxes."""
    import pypdfium2.raw as pdfium_c

    kinds = (pdfium_c.FPDF_ANNOT_FREETEXT, pdfium_c.FPDF_ANNOT_STAMP,
             pdfium_c.FPDF_ANNOT_WIDGET)
    found = {}
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page)):
        annotation = pdfium_c.FPDFPage_GetAnnot(page, i)
        rect = pdfium_c.FS_RECTF()
        if (pdfium_c.FPDFAnnot_GetSubtype(annotation) in kinds
                and pdfium_c.FPDFAnnot_GetRect(annotation, rect)):
            found[i] = (min(rect.left, rect.right), min(rect.bottom, rect.top),
                        max(rect.left, rect.right), max(rect.bottom, rect.top))
        pdfium_c.FPDFPage_CloseAnnot(annotation)
    return found


def _visible_chars(page) -> int:
    textpage = page.get_textpage()
    try:
        return len("".join(textpage.get_text_range().split()))
    finally:
        textpage.close()


def _stamps_over_text(probe, index: int, stamps: dict[int, Box]) -> set[int]:
    """The annotations of `stamps` whose text, merged, would cover glyphs of the page's own:
    a glyph's centre inside the box of all the annotation's stamped glyphs (flattened on
    the probe's copy to see where they fall; blanks under them are no glyphs)."""
    import pypdfium2.raw as pdfium_c

    page = probe[index]
    try:
        own = _glyphs(page)
        width, height = page.get_size()
        rules = _rules(page)
        pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_PRINT)
    finally:
        page.close()
    page = probe[index]
    try:
        stamped = Counter(_glyphs(page)) - Counter(own)
    finally:
        page.close()
    by_annotation: dict[int, list[Box]] = {}
    for _, box in stamped:
        middle = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        annotation = next((i for i, rect in stamps.items() if _inside(middle, rect)), None)
        if annotation is not None:
            by_annotation.setdefault(annotation, []).append(box)
    centres = _Centres([box for _, box in own], width, height)
    return {i for i, boxes in by_annotation.items()
            if any(centres.any_inside(run) or _ruled_around(run, rules)
                   for run in _runs(boxes))}


def _rules(page) -> list[dict]:
    """The page's own rules, as pdfplumber's edges but in PDF user space (y up: `top` the
    higher end), where pdfium's glyph and annotation boxes are."""
    from chitieu.extract.pdf_objects import IDENTITY, PageFrame, collect_objects

    width, height = page.get_size()
    frame = PageFrame((0.0, 0.0, width, height), 0)  # user space, y measured down
    edges: list[dict] = []
    collect_objects(page.raw, frame, edges, [], {}, IDENTITY)
    return [{**e, "top": height - e["top"], "bottom": height - e["bottom"]} for e in edges]


def _ruled_around(run: Box, rules: list[dict]) -> bool:
    """A rule above, below, left and right of the run, each reaching across it: the run
    falls inside a ruled table's cell, where a stamp's words would join the cell's."""
    left, bottom, right, top = run
    across = [e for e in rules if e["orientation"] == "h"
              and e["x0"] <= right and e["x1"] >= left]
    down = [e for e in rules if e["orientation"] == "v"
            and e["bottom"] <= top and e["top"] >= bottom]
    return (any(e["top"] >= top for e in across) and any(e["top"] <= bottom for e in across)
            and any(e["x0"] <= left for e in down) and any(e["x0"] >= right for e in down))


def _runs(boxes: list[Box]) -> list[Box]:
    """The boxes of the runs of text the glyphs make: on one line, each glyph less than a
    glyph's height from the one before ("14" and "7" stamped either side of a printed "/"
    are two runs)."""
    runs: list[Box] = []
    for box in sorted(boxes, key=lambda b: (round(b[1]), b[0])):
        last = runs[-1] if runs else None
        size = box[3] - box[1]
        if (last is not None and abs(last[1] - box[1]) < size / 2
                and box[0] - last[2] < size):
            runs[-1] = _union(last, box)
        else:
            runs.append(box)
    return runs


def _union(a: Box, b: Box) -> Box:
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def _glyphs(page) -> list[Glyph]:
    """The page's glyphs that are not spaces, with their boxes (a tenth of a point)."""
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    try:
        found = []
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        for i in range(pdfium_c.FPDFText_CountChars(textpage.raw)):
            text = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i))
            if text.isspace() or not pdfium_c.FPDFText_GetCharBox(
                    textpage.raw, i, left, right, bottom, top):
                continue
            found.append((text, (round(left.value, 1), round(bottom.value, 1),
                                 round(right.value, 1), round(top.value, 1))))
        return found
    finally:
        textpage.close()


def _inside(point: tuple[float, float], box: Box) -> bool:
    return box[0] < point[0] < box[2] and box[1] < point[1] < box[3]


class _Centres:
    """Glyph centres in a grid of cells over the page: the centres inside a box are looked
    for in the cells the box covers only, however many glyphs the page holds."""

    def __init__(self, boxes: list[Box], width: float, height: float) -> None:
        self.cell = max(MIN_CELL, width / GRID_CELLS, height / GRID_CELLS)
        self.cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
        for left, bottom, right, top in boxes:
            centre = ((left + right) / 2, (bottom + top) / 2)
            self.cells.setdefault(self._cell(centre), []).append(centre)
        self.bounds = (0.0, 0.0, width, height)

    def _cell(self, point: tuple[float, float]) -> tuple[int, int]:
        return int(point[0] // self.cell), int(point[1] // self.cell)

    def any_inside(self, box: Box) -> bool:
        left, bottom = max(box[0], self.bounds[0]), max(box[1], self.bounds[1])
        right, top = min(box[2], self.bounds[2]), min(box[3], self.bounds[3])
        if left >= right or bottom >= top:
            return False
        (x0, y0), (x1, y1) = self._cell((left, bottom)), self._cell((right, top))
        return any(_inside(centre, box)
                   for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)
                   for centre in self.cells.get((x, y), ()))
