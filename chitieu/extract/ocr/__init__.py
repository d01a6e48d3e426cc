"""OCR of scanned pages: page preparation, ruling lines and cells, Tesseract, domain repair.

`chitieu.extract.scan` is the reader built from these parts; each part is a small module that
can be used and tested alone:

- `tesseract`: run Tesseract once per page and parse its words (with the audit text).
- `page`: load page images, binarize, clean specks, deskew.
- `grid`: find the table's ruling lines and its cells, spans included.
- `glyphs`: find the comparison signs (≥, ≤) Tesseract's Vietnamese model cannot read.
- `repair`: snap OCR slips to the domain's vocabulary, each repair with a warning code.

OpenCV and numpy are imported by these modules, so import them lazily from light code.
"""
