"""Tab-separated text whose tabs became spaces: an editor's "expand tabs", a copy out of a
terminal or a web page, a tool that writes a fixed run of spaces per tab.

Unlike `pdftotext -layout` output (`layout.py`), such text is not drawn in columns: a long
cell pushes the rest of its line to the right, so no gutter runs down the page and reading
it by column positions glues the whole table into one row. Each line is one row, as in the
tab-separated text it was; its cells are the runs of text between gaps of two or more
spaces. The tabs are put back (a gap that spans several tab stops held several tabs, so
blank cells keep their column) and the text reader reads the result. The document carries
`columns_from_spaces`.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from chitieu.core.letterhead import is_national_line
from chitieu.core.numbering import SPACED_LABEL
from chitieu.core.types import RawDocument
from chitieu.extract import text as text_reader
from chitieu.extract.unicode import decode_bytes

WARNING = "columns_from_spaces"
# a run of words with single spaces between them: one cell's text
_CHUNK = re.compile(r"\S+(?: \S+)*")
_GAP = re.compile(r"\S {2,}\S")
_TAB_STOPS = (8, 4)
_MIN_CHUNKS = 10
_ON_STOPS = 0.95  # share of cell starts on tab stops that tells an editor's expanded tabs
_FIXED_RUN = 0.9  # share of gaps that are whole multiples of the shortest one
_OVERFULL = 0.5  # share of lines with more cells than the page has columns
# share of cells (but a line's first) starting where cells of two other lines start: a page
# drawn with spaces keeps its columns' starts (tab-separated tables with tabs turned into runs
# of spaces: at most 0.54; the narrow pages that look overfull: 0.66 and more)
_ALIGNED = 0.6


def read(path: Path) -> RawDocument:
    return read_text(decode_bytes(Path(path).read_bytes()))


def read_text(text: str) -> RawDocument:
    doc = text_reader.read_text(retab(text))
    doc.warnings.append(WARNING)
    return doc


def _chunks(line: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _CHUNK.finditer(line)]


def _gaps(lines: list[str]) -> list[tuple[int, int]]:
    """(end of the text before, start of the text after) of every gap of 2+ spaces, and of
    every line's indentation (end 0)."""
    gaps = []
    for line in lines:
        previous = 0
        for start, end in _chunks(line):
            if start - previous >= 2 or (previous == 0 and start > 0):
                gaps.append((previous, start))
            previous = end
    return gaps


def _tab_stop(gaps: list[tuple[int, int]]) -> int | None:
    """The tab width of an editor's expanded tabs: every cell starts on a tab stop."""
    if len(gaps) >= _MIN_CHUNKS:
        for stop in _TAB_STOPS:
            if sum(1 for _, start in gaps if start % stop == 0) >= _ON_STOPS * len(gaps):
                return stop
    return None


def _fixed_run(gaps: list[tuple[int, int]]) -> int | None:
    """The run of spaces a tool wrote per tab: every gap is a whole multiple of it."""
    widths = [start - end for end, start in gaps if end > 0]
    if len(widths) >= _MIN_CHUNKS:
        run = min(widths)
        if sum(1 for w in widths if w % run == 0) >= _FIXED_RUN * len(widths):
            return run
    return None


def _tab_rule(lines: list[str]):
    """How many tabs a gap from `end` to `start` held: by tab stops when the cells start on
    them, by a fixed run of spaces per tab when every gap is a multiple of one, else one."""
    gaps = _gaps(lines)
    stop = _tab_stop(gaps)
    if stop:
        return lambda end, start: (start - (end // stop + 1) * stop) // stop + 1
    run = _fixed_run(gaps)
    if run:
        return lambda end, start: max(1, round((start - end) / run))
    return lambda end, start: 1


def retab(text: str) -> str:
    """The text with its cells separated by tabs again."""
    lines = text.split("\n")
    tabs = _tab_rule(lines)
    stop = _tab_stop(_gaps(lines))
    out = []
    for line in lines:
        parts: list[str] = []
        previous = 0
        for start, end in _split_label(_chunks(line), line, stop):
            if start > 0:
                parts.append("\t" * max(1, tabs(previous, start)))
            parts.append(line[start:end])
            previous = end
        out.append("".join(parts))
    # form feeds (page breaks) stay where they were
    return "\n".join(("\f" if "\f" in line else "") + new
                     for line, new in zip(lines, out, strict=True))




def _split_label(chunks: list[tuple[int, int]], line: str, stop: int | None
                 ) -> list[tuple[int, int]]:
    """A row number printed one character short of a tab stop is one space from its text
    when tabs are expanded ("10. Tỷ lệ" at stops of 4): that space was the tab."""
    if not stop or not chunks or chunks[0][0] != 0:
        return chunks
    label = SPACED_LABEL.match(line, 0, chunks[0][1])
    if label is None or (label.end() + 1) % stop:
        return chunks
    return [(0, label.end()), (label.end() + 1, chunks[0][1]), *chunks[1:]]


def looks_spaced(text: str) -> bool:
    """Columns apart by runs of spaces on most lines, but not aligned the way a page drawn
    with spaces is: cells on an editor's tab stops, or lines with more cells than the
    page's gutters make columns. A plan's national header is read across its two columns
    in either: its lines tell nothing, and its long right column would hide the gutters of
    the table below it (a whole plan's `pdftotext -layout` text read as spaced)."""
    lines = [ln for ln in text.split("\n") if ln.strip() and not is_national_line(ln)]
    gapped = [ln for ln in lines if _GAP.search(ln.strip())]
    if len(gapped) < max(3, len(lines) * 0.3):
        return False
    gaps = _gaps(gapped)
    if _tab_stop(gaps) or _fixed_run(gaps):
        return True
    from chitieu.extract.layout import _chunks as layout_chunks
    from chitieu.extract.layout import _grid, _pages

    over = total = starts = aligned = 0
    for page in _pages(text):
        # the columns as the lines of several cells show them (a title's long lines, one
        # cell each, run over the gutters of the table below them)
        cut = [line for line in page.lines
               if len(layout_chunks(line)) >= 2 and not is_national_line(line.text)]
        # (a header line whose labels are crowded with one space, "Năm 2026 Năm 2027",
        # runs over the gutters it stands over: one line crossing a gutter leaves it)
        grid = _grid(cut, crossing=1)
        for line in cut:
            total += 1
            over += len(layout_chunks(line)) > len(grid.spans)
        counted, placed = _aligned_starts(cut)
        starts, aligned = starts + counted, aligned + placed
    # narrow columns whose lines run into one another with one space leave no gutter, so a
    # page's lines look overfull too: but its cells start where the column's other lines do
    return total > 0 and over >= _OVERFULL * total and aligned < _ALIGNED * starts


def _aligned_starts(lines: list) -> tuple[int, int]:
    """How many cells (but a line's first) the lines hold, and how many of them start where
    cells of at least two other lines start."""
    from chitieu.extract.layout import _chunk_words

    cells = [[chunk[0].x0 for chunk in _chunk_words(line)[1:]] for line in lines]
    lines_at = Counter(x for line in cells for x in set(line))
    return sum(map(len, cells)), sum(1 for line in cells for x in line if lines_at[x] >= 3)
