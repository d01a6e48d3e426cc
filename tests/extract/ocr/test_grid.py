"""Ruling lines and cells on synthetic pages: spans across columns and rows, broken rules."""

import cv2
import numpy as np

from chitieu.extract.ocr.grid import Grid, GridCell, erase_rules, find_grid, line_masks, tables
from chitieu.extract.ocr.layout import cell_rows
from chitieu.extract.ocr.tesseract import Word

DPI = 200
XS = [100, 200, 700, 900, 1200]
YS = [100, 160, 220, 280, 340, 400]


def ruled_page(skip_vertical=(), skip_horizontal=(), dashed=False) -> np.ndarray:
    """A white page with a 4×5 grid; `skip_vertical` holds (row, x index) segments left out,
    `skip_horizontal` (y index, column) segments left out."""
    page = np.full((600, 1400), 255, np.uint8)
    for i, x in enumerate(XS):
        for r in range(len(YS) - 1):
            if (r, i) not in skip_vertical:
                cv2.line(page, (x, YS[r]), (x, YS[r + 1]), 0, 2)
    for j, y in enumerate(YS):
        for c in range(len(XS) - 1):
            if (j, c) not in skip_horizontal:
                cv2.line(page, (XS[c], y), (XS[c + 1], y), 0, 2)
    if dashed:  # a copier's broken rules: a 2-pixel notch every 40 pixels
        page[:, np.arange(page.shape[1]) % 40 // 2 == 6] = 255  # x = 12, 13 (mod 40)
        page[np.arange(page.shape[0]) % 40 // 2 == 6, :] = 255
    return page


def grid_of(page):
    horizontal, vertical = line_masks(page, DPI)
    return find_grid(page, horizontal, vertical, DPI)


def test_plain_grid():
    grid = grid_of(ruled_page())
    assert (grid.n_rows, grid.n_cols) == (5, 4)
    assert all(abs(a - b) <= 1 for a, b in zip(grid.xs, XS, strict=True))
    assert all(c.row_span == 1 and c.col_span == 1 for c in grid.cells)


def test_section_row_spans_all_columns():
    # row 1 has no inner vertical rules: a section title written across the table
    grid = grid_of(ruled_page(skip_vertical={(1, 1), (1, 2), (1, 3)}))
    cell = grid.owner(1, 2)
    assert (cell.row, cell.col, cell.row_span, cell.col_span) == (1, 0, 1, 4)
    assert grid.locate(800, 190) is cell


def test_agency_written_once_for_three_rows():
    # column 3 has no rules between rows 2, 3 and 4: one cell spanning them
    grid = grid_of(ruled_page(skip_horizontal={(3, 3), (4, 3)}))
    cell = grid.owner(3, 3)
    assert (cell.row, cell.col, cell.row_span, cell.col_span) == (2, 3, 3, 1)
    assert grid.owner(2, 2).row_span == 1


def test_broken_rules_still_make_the_grid():
    grid = grid_of(ruled_page(dashed=True))
    assert (grid.n_rows, grid.n_cols) == (5, 4)
    assert all(c.row_span == 1 and c.col_span == 1 for c in grid.cells)


def test_no_table_on_a_page_of_text_or_a_photo():
    page = np.full((600, 1400), 255, np.uint8)
    for y in range(80, 560, 40):  # lines of "text": short dark strokes
        for x in range(60, 1300, 30):
            cv2.rectangle(page, (x, y), (x + 18, y + 22), 0, 2)
    assert grid_of(page) is None
    photo = np.full((600, 1400), 255, np.uint8)
    cv2.ellipse(photo, (700, 450), (600, 200), 0, 0, 360, 0, -1)  # a dark hill
    assert grid_of(photo) is None


def test_erasing_rules_keeps_text():
    page = ruled_page()
    cv2.putText(page, "TT", (120, 145), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    horizontal, vertical = line_masks(page, DPI)
    grid = find_grid(page, horizontal, vertical, DPI)
    cleaned = erase_rules(page, grid, horizontal, vertical, DPI)
    assert (cleaned[:, XS[0] - 1:XS[0] + 2] == 255).all()  # the rule is gone
    letters = page[110:155, 110:190] < 128
    assert (cleaned[110:155, 110:190] < 128).sum() >= 0.9 * letters.sum()


def test_short_rule_from_column_rule_to_column_rule_closes_a_cell():
    # a rule under the first column only (100 px, too short to count by length): it cuts
    # that column's cell in two, the other cells of the row span both halves
    page = ruled_page()
    cv2.line(page, (XS[0], 130), (XS[1], 130), 0, 2)
    grid = grid_of(page)
    assert grid.n_rows == 6 and any(abs(y - 130) <= 1 for y in grid.ys)
    assert grid.owner(0, 0).row_span == 1
    assert grid.owner(0, 1).row_span == 2


def test_stroke_ending_short_of_the_column_rules_is_no_rule():
    # a header word's strokes inside a cell, 30 px short of each of its rules (the 'Chủ trì |
    # Phối hợp' header of a scan lost a row to such a stroke): no extra grid row
    page = ruled_page()
    cv2.line(page, (XS[2] + 30, 190), (XS[3] - 30, 190), 0, 2)
    grid = grid_of(page)
    assert (grid.n_rows, grid.n_cols) == (5, 4)
    assert all(c.row_span == 1 and c.col_span == 1 for c in grid.cells)


def test_bold_word_across_a_neighbours_rule_is_no_border():
    # column 0's cell spans rows 1 and 2 (no rule at y=220 there: "Năm 2026" beside a group
    # cell whose sub-columns' rule runs at that height); a bold word printed across y=220
    # inside it — stems 6 px wide, 4 px apart, which the rule mask bridges into a line — is
    # no border
    page = ruled_page(skip_horizontal={(2, 0)})
    for x in range(110, 190, 10):
        page[205:236, x:x + 6] = 0
    grid = grid_of(page)
    assert grid.owner(1, 0).row_span == 2
    assert grid.owner(1, 1).row_span == 1



def test_erasing_rules_keeps_a_bold_word_across_a_rule_its_merged_cell_spans():
    # "Nhiệm vụ" printed once for both header rows, centred on the height where the group
    # cell's sub-columns have their rule: the word's stems, which the rule mask bridges into
    # a line, are the cell's text, not the rule at that height (which is not drawn there)
    page = ruled_page(skip_horizontal={(2, 1)})
    for x in range(300, 400, 10):
        page[205:236, x:x + 6] = 0
    horizontal, vertical = line_masks(page, DPI)
    grid = find_grid(page, horizontal, vertical, DPI)
    assert grid.owner(1, 1).row_span == 2
    cleaned = erase_rules(page, grid, horizontal, vertical, DPI)
    letters = page[205:236, 300:400] < 128
    assert (cleaned[205:236, 300:400] < 128).sum() >= 0.95 * letters.sum()
    assert (cleaned[YS[2] - 1:YS[2] + 2, XS[2] + 20:XS[3] - 20] == 255).all()  # drawn: erased


def test_the_mottos_underline_over_a_letterheads_stroke_is_no_table_rule():
    # the national header above the table: the motto's underline (a third of the table's
    # width) and, in the issuer's column, a letter's stem a speck prolongs into a stroke as
    # long as a short rule; neither the underline nor the stroke is part of the grid
    page = np.full((600, 1400), 255, np.uint8)
    page[150:] = ruled_page()[:450]  # the table from y=250 down
    cv2.line(page, (750, 60), (1100, 60), 0, 2)
    page[20:70, 400:404] = 0
    grid = grid_of(page)
    assert abs(grid.ys[0] - (YS[0] + 150)) <= 1 and grid.n_rows == 5

def _box(page: np.ndarray, xs: list[int], top: int, bottom: int) -> None:
    """A ruled one-row table: its top and bottom rules, a vertical rule at each of `xs`."""
    for y in (top, bottom):
        cv2.line(page, (xs[0], y), (xs[-1], y), 0, 2)
    for x in xs:
        cv2.line(page, (x, top), (x, bottom), 0, 2)


def test_a_ruled_header_box_over_a_wider_table_is_a_table_of_its_own():
    """The national header printed with its grid on, above a table whose sides lie a few
    pixels outside it: the text between them is between two tables, not a row of one."""
    page = np.full((900, 1400), 255, np.uint8)
    _box(page, [110, 650, 1190], 100, 260)  # the header: two cells
    table_xs = [100, 200, 700, 900, 1200]
    for top in (500, 560, 620, 680):  # the table: header row and two body rows
        _box(page, table_xs, top, top + 60)
    grid = grid_of(page)
    assert grid.between_tables(380)
    assert not grid.between_tables(590)


def _framed_page(frame: str) -> np.ndarray:
    """The 4×5 grid's inner rules solid; its frame "dotted" (a faint rule a copier broke into
    dashes 11 px long, 5 px apart: too far for the masks' bridging) or "none" (an open-sided
    table: only inner rules)."""
    page = np.full((600, 1400), 255, np.uint8)
    for x in XS[1:-1]:
        cv2.line(page, (x, YS[0]), (x, YS[-1]), 0, 2)
    for y in YS[1:-1]:
        cv2.line(page, (XS[0], y), (XS[-1], y), 0, 2)
    if frame == "dotted":
        for x in (XS[0], XS[-1]):
            for y in range(YS[0], YS[-1], 16):
                page[y:y + 11, x - 1:x + 1] = 0
        for y in (YS[0], YS[-1]):
            for x in range(XS[0], XS[-1], 16):
                page[y - 1:y + 1, x:x + 11] = 0
    return page


def test_a_dotted_frame_is_found_where_the_inner_rules_end():
    grid = grid_of(_framed_page("dotted"))
    assert (grid.n_rows, grid.n_cols) == (5, 4)
    assert all(abs(a - b) <= 2 for a, b in zip(grid.xs, XS, strict=True))
    assert all(abs(a - b) <= 2 for a, b in zip(grid.ys, YS, strict=True))


def test_an_open_sided_table_gains_no_frame():
    grid = grid_of(_framed_page("none"))
    assert grid.xs == XS[1:-1] or all(abs(a - b) <= 1 for a, b in zip(grid.xs, XS[1:-1],
                                                                        strict=True))
    assert len(grid.ys) == len(YS) - 2


def test_a_rule_printed_alone_outside_the_table_is_erased():
    """The letterhead's short rule under the issuer, above the table, goes; the table's own
    rules and letters beside the rule (a "T"'s crossbar, an underlined word) stay."""
    from chitieu.extract.ocr.grid import erase_loose_rules

    page = ruled_page()
    page = np.vstack([np.full((200, 1400), 255, np.uint8), page])
    cv2.line(page, (150, 60), (330, 60), 0, 2)  # alone: the letterhead's rule
    cv2.putText(page, "TT", (600, 80), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    cv2.putText(page, "So", (900, 80), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    cv2.line(page, (895, 79), (1080, 79), 0, 2)  # an underline joined to the letters
    grid = grid_of(page)
    cleaned = erase_loose_rules(page, grid, DPI)
    assert (cleaned[55:66, 150:331] == 255).all()
    assert (cleaned[50:90, 590:660] == page[50:90, 590:660]).all()
    assert (cleaned[50:90, 890:1085] == page[50:90, 890:1085]).all()
    assert (cleaned[200:, :] == page[200:, :]).all()  # the table untouched


def test_a_cell_merged_into_the_band_between_two_tables_stays_in_its_table():
    """A damaged page: a rule under a table's last row is broken, so that row's first cell
    merges into the band between two tables. Each table keeps that cell's rows inside it:
    its cells cover its grid, and the rows read (was KeyError (1, 0))."""
    xs, ys = [0, 100, 200], [0, 50, 100, 150, 200]

    def cell(row, col, rows, cols):
        return GridCell(row, col, rows, cols, (xs[col], ys[row], xs[col + cols], ys[row + rows]))

    grid = Grid(xs, ys, [cell(0, 0, 1, 1), cell(0, 1, 1, 1), cell(1, 0, 2, 1), cell(1, 1, 1, 1),
                         cell(2, 1, 1, 1), cell(3, 0, 1, 1), cell(3, 1, 1, 1)], [], ((100, 150),))
    above, below = tables(grid)
    assert [(c.row, c.col, c.row_span, c.box) for c in above.cells] == [
        (0, 0, 1, (0, 0, 100, 50)), (0, 1, 1, (100, 0, 200, 50)),
        (1, 0, 1, (0, 50, 100, 100)), (1, 1, 1, (100, 50, 200, 100))]
    words = [Word("Tỷ", 10, 60, 30, 70, 90.0), Word("90", 110, 60, 130, 70, 90.0)]
    assert [row.texts for row in cell_rows(above, words)] == [["Tỷ", "90"]]
    assert len(below.cells) == 2
