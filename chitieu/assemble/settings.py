"""The assembler's thresholds in one place, as pdfplumber's `TableSettings`.

Each is a length or a count that the layout of real plans sets; every check that uses one
reads it from `SETTINGS`, so a change here is a change everywhere it matters.
"""

from __future__ import annotations

from chitieu.core.dataclass import dataclass


@dataclass(frozen=True, slots=True)
class AssemblySettings:
    # a header over more rows than this is not one (group, sub-group, leaf, …)
    max_header_rows: int = 4
    # one-cell rows right above a new header that name it ("PHỤ LỤC II", its title, "(Kèm
    # theo …)")
    max_heading_rows: int = 8
    # a longer cell is a data row's sentence, not a header label
    header_cell_chars: int = 120
    # a sub-header's labels ("Chủ trì", "Quý I", "2026") are shorter than this
    subheader_cell_chars: int = 60
    # a header label's wrapped line ("tính" under "Đơn vị"), a row of labels' cells
    label_line_chars: int = 40
    # this share of a header's cells found again at their places: the header repeated
    repeated_header_share: float = 0.6
    # a unit cell ("%", "triệu đồng") is no longer than this
    unit_cell_chars: int = 12


SETTINGS = AssemblySettings()
