"""The per-file limits' values (`chitieu.extract.limits` enforces them).

Apart from the readers so that `chitieu --help` can print their defaults without importing
them (the extract package costs ~10 ms to import).
"""

from __future__ import annotations

from chitieu.core.dataclass import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-file limits. Defaults are far above any real appendix (a 300-page scanned PDF is
    ~60 MB, a Word appendix's XML a few MB, an A3 page at 600 dpi 70 megapixels)."""

    max_input_mb: float = 200.0  # any input file, on disk
    max_text_mb: float = 20.0  # a text-like input (text, Markdown, HTML, CSV), on disk
    max_inflated_mb: float = 256.0  # a DOCX/XLSX's members once inflated, together
    max_megapixels: float = 150.0  # one image frame or rendered PDF page (A2 at 600 dpi: 140)
    max_cells: int = 5_000_000  # the grid of one spreadsheet sheet (rows × columns used)
    max_memory_mb: int = 4096  # address space of a worker converting one file (batch only)
    max_seconds: float = 1800.0  # wall time for one file (batch only)
