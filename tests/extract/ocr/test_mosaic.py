"""Rows stacked apart for one OCR call, and words mapped back to the page."""

import numpy as np

from chitieu.extract.ocr.grid import Grid, GridCell
from chitieu.extract.ocr.mosaic import build_mosaic, to_page
from chitieu.extract.ocr.tesseract import Word


def test_rows_and_tall_cells_become_pieces_and_words_go_back():
    page = np.full((400, 500), 255, np.uint8)
    xs, ys = [50, 250, 450], [100, 200, 300]
    cells = [GridCell(0, 0, 1, 1, (50, 100, 250, 200)), GridCell(1, 0, 1, 1, (50, 200, 250, 300)),
             GridCell(0, 1, 2, 1, (250, 100, 450, 300))]  # column 1 spans both rows
    grid = Grid(xs, ys, cells)
    page[20:40, 60:120] = 0  # a title above the table
    page[140:160, 60:100] = 0  # row 0, column 0
    page[240:260, 60:100] = 0  # row 1, column 0
    page[190:210, 300:400] = 0  # the tall cell's text, across the row border
    mosaic, pieces = build_mosaic(page, grid, gap=10)
    assert [p.box for p in pieces] == [(0, 0, 500, 100), (50, 100, 450, 200),
                                       (50, 200, 450, 300), (250, 100, 450, 300)]
    # the tall cell's text is not cut into the row strips
    strip = pieces[1]
    assert (mosaic[strip.top:strip.top + 100, 200:400] == 255).all()
    tall = pieces[3]
    word = Word("Phòng", 50, tall.top + 90, 150, tall.top + 110, 90.0, 1, 1, 1)
    (placed,) = to_page([word], pieces)
    assert (placed.left, placed.top) == (300, 190)
    assert grid.locate(placed.x_centre, placed.y_centre) is cells[2]


def test_a_row_whose_cells_start_at_different_heights_is_cut_into_cells():
    page = np.full((400, 500), 255, np.uint8)
    cells = [GridCell(0, 0, 1, 1, (50, 100, 250, 300)), GridCell(0, 1, 1, 1, (250, 100, 450, 300))]
    grid = Grid([50, 250, 450], [100, 300], cells)
    page[110:130, 60:200] = 0  # a name set at the top of the row
    page[190:210, 300:400] = 0  # an agency centred in it
    _, pieces = build_mosaic(page, grid, gap=10)
    assert [p.box for p in pieces] == [(50, 100, 250, 300), (250, 100, 450, 300)]
    assert pieces[0].top != pieces[1].top  # stacked, so their lines cannot mix


def test_the_national_headers_two_columns_are_pieces_of_their_own():
    """Left "ỦY BAN NHÂN DÂN / XÃ … / Số: …", right the motto and the date, half a line
    apart: two pieces, stacked; the centred title under them stays one piece."""
    page = np.full((500, 1000), 255, np.uint8)
    cells = [GridCell(0, 0, 1, 1, (50, 300, 950, 400))]
    grid = Grid([50, 950], [300, 400], cells)
    for top in (20, 60, 100):
        page[top:top + 20, 100:350] = 0  # the issuer's lines and "Số: …"
    for top in (20, 50, 120):
        page[top:top + 20, 600:900] = 0  # the national name, the motto, the date
    page[180:200, 400:600] = 0  # "PHỤ LỤC", centred
    page[220:240, 300:700] = 0  # its title
    _, pieces = build_mosaic(page, grid, gap=10)
    boxes = [p.box for p in pieces]
    gutter, bottom = boxes[0][2], boxes[0][3]
    assert 350 <= gutter <= 600 and 140 <= bottom <= 180
    assert boxes[:3] == [(0, 0, gutter, bottom), (gutter, 0, 1000, bottom), (0, bottom, 1000, 300)]
    assert len({p.top for p in pieces}) == len(pieces)


def test_a_page_without_two_columns_at_the_top_keeps_one_piece_above_the_table():
    page = np.full((500, 1000), 255, np.uint8)
    grid = Grid([50, 950], [300, 400], [GridCell(0, 0, 1, 1, (50, 300, 950, 400))])
    page[20:40, 400:600] = 0  # "PHỤ LỤC", centred
    page[60:80, 100:350] = 0  # a line on the left only
    _, pieces = build_mosaic(page, grid, gap=10)
    assert pieces[0].box == (0, 0, 1000, 300)


def test_a_title_s_marks_stay_with_its_letters():
    """The marks over a centred title's capitals, a few rows above them, are its line: the
    header's block ends above both."""
    page = np.full((500, 1000), 255, np.uint8)
    grid = Grid([50, 950], [300, 400], [GridCell(0, 0, 1, 1, (50, 300, 950, 400))])
    for top in (20, 60, 100):
        page[top:top + 20, 100:350] = 0
        page[top:top + 20, 600:900] = 0
    page[170:173, 560:570] = 0  # a mark, right of the gutter
    page[176:196, 200:800] = 0  # the title's capitals, across it
    _, pieces = build_mosaic(page, grid, gap=10)
    assert pieces[0].box[3] <= 170
