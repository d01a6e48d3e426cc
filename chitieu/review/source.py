"""The source beside the records: page images for PDFs and scans, the text for text inputs.

Page images are rendered once (pypdfium2 for PDFs, Pillow for scans) into OUT's review
cache and served from there. A record's bbox is in PDF points (x0, top, x1, bottom) of the
page as read: for a scan, points = pixels × 72 / dpi, with the resolution the OCR used and
the page turned the way the OCR turned it, so the image shown is prepared the same way and
the boxes are placed as fractions of the page's size in points.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from chitieu.emit.files import atomic_path
from chitieu.models import Document

RENDER_SCALE = 1.5  # PDF points to image pixels: 108 dpi, sharp enough to read a table
_DPI_FROM_TEXT = re.compile(r"^ocr_dpi_from_text:p(\d+):\d+->(\d+)$")
_ROTATED = re.compile(r"^ocr_page_rotated:p(\d+):(\d+)$")
_TEXT_FORMATS = ("text", "markdown", "html")
_ROW_FORMATS = ("docx", "csv", "xlsx")  # shown as the reader's rows, numbered as records cite them


@dataclass(frozen=True, slots=True)
class PageSize:
    number: int
    width: float  # points
    height: float


def source_kind(doc: Document) -> str:
    """"pages" (PDF or scan: page images with boxes), "text" (lines), or "none"."""
    if doc.source.format in ("pdf", "image"):
        return "pages"
    if doc.source.format in _TEXT_FORMATS + _ROW_FORMATS:
        return "text"
    return "none"


def text_lines(path: Path, doc: Document | None = None) -> list[str]:
    """The input's lines, numbered as the readers number them (decoded the same way). A
    Word document or a spreadsheet is shown as the reader's rows, cells parted by " │ ",
    each at the number its records cite (a block number, a sheet's row number); rows of a
    workbook's later sheets that reuse a number are appended to that line after " ‖ "."""
    if doc is not None and doc.source.format in _ROW_FORMATS:
        stat = path.stat()
        return list(_row_lines(str(path), stat.st_mtime_ns, stat.st_size))
    from chitieu.extract.unicode import decode_text

    return decode_text(path.read_bytes()).text.split("\n")


@functools.lru_cache(maxsize=8)
def _row_lines(path: str, mtime_ns: int, size: int) -> tuple[str, ...]:
    """Read once per version of the file: a legacy .doc goes through LibreOffice, seconds a
    page view would otherwise wait for each time."""
    from chitieu.extract import read

    lines: list[str] = []
    for row in read(path).rows:
        if row.first_line is None:
            continue
        text = " │ ".join(c.text.replace("\n", " ") for c in row.cells if c.text.strip())
        lines += [""] * (row.first_line - len(lines))
        at = row.first_line - 1
        lines[at] = f"{lines[at]} ‖ {text}" if lines[at] else text
    return tuple(lines)


def page_sizes(doc: Document, path: Path) -> list[PageSize]:
    """Each page's size in points, as the records' boxes measure it."""
    if doc.source.format == "pdf":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
        try:
            sizes = []
            for index in range(len(pdf)):
                page = pdf[index]
                width, height = page.get_size()
                if page.get_rotation() in (90, 270):
                    width, height = height, width
                sizes.append(PageSize(index + 1, width, height))
            return _turned(sizes, doc)
        finally:
            pdf.close()
    return [PageSize(page.number, *_points(image.size, dpi))
            for page, image, dpi in _scan_pages(doc, path)]


def _turned(sizes: list[PageSize], doc: Document) -> list[PageSize]:
    turns = _turns(doc)
    return [PageSize(s.number, s.height, s.width) if turns.get(s.number, 0) in (90, 270)
            else s for s in sizes]


def _points(size: tuple[int, int], dpi: float) -> tuple[float, float]:
    return size[0] * 72 / dpi, size[1] * 72 / dpi


def page_image(doc: Document, path: Path, number: int, cache: Path) -> Path:
    """The PNG of page `number`, rendered on first use and kept in `cache`."""
    target = cache / f"page-{number}.png"
    if target.is_file():
        return target
    image = _render(doc, path, number)
    with atomic_path(target) as temporary:
        image.save(temporary, format="PNG")
    return target


def _render(doc: Document, path: Path, number: int):
    if doc.source.format != "pdf":
        for page, image, dpi in _scan_pages(doc, path):
            if page.number == number:
                # shown at the PDFs' scale: a 300 dpi scan need not travel at full size
                width = round(image.width * RENDER_SCALE * 72 / dpi)
                if width < image.width:
                    image = image.resize((width, max(1, round(image.height * width
                                                               / image.width))))
                return image.convert("L")
        raise LookupError(f"no page {number}")
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        if not 1 <= number <= len(pdf):
            raise LookupError(f"no page {number}")
        image = pdf[number - 1].render(scale=RENDER_SCALE, grayscale=True).to_pil()
    finally:
        pdf.close()
    turn = _turns(doc).get(number, 0)  # an image-only PDF page the OCR turned upright
    return image.rotate(-turn, expand=True) if turn else image.convert("L")


def _scan_pages(doc: Document, path: Path):
    """(page, the image turned as the OCR turned it, the dpi the OCR used) for each frame."""
    from PIL import Image

    from chitieu.extract.ocr.page import load_image_pages

    overrides, turns = _dpi_overrides(doc), _turns(doc)
    for page in load_image_pages(path):
        image = Image.fromarray(page.pixels)
        turn = turns.get(page.number, 0)
        if turn:
            image = image.rotate(-turn, expand=True)
        yield page, image, overrides.get(page.number, page.dpi)


def _dpi_overrides(doc: Document) -> dict[int, int]:
    found = (_DPI_FROM_TEXT.match(w) for w in doc.warnings)
    return {int(m.group(1)): int(m.group(2)) for m in found if m}


def _turns(doc: Document) -> dict[int, int]:
    found = (_ROTATED.match(w) for w in doc.warnings)
    return {int(m.group(1)): int(m.group(2)) % 360 for m in found if m}
