"""Words into cells: a table ruled between its columns only is cut into its numbered rows."""

from chitieu.extract.ocr.grid import Grid, GridCell
from chitieu.extract.ocr.layout import cell_rows
from chitieu.extract.ocr.tesseract import Word

XS = [0, 100, 600, 800]
YS = [0, 60, 400]  # a header row, then one band holding every body row


def grid(ys=YS) -> Grid:
    cells = [GridCell(r, c, 1, 1, (XS[c], ys[r], XS[c + 1], ys[r + 1]))
             for r in range(len(ys) - 1) for c in range(len(XS) - 1)]
    return Grid(list(XS), list(ys), cells)


def word(text: str, x: int, y: int, height: int = 20) -> Word:
    return Word(text, x, y, x + 10 * len(text), y + height, 95.0)


HEADER = [word("TT", 20, 20), word("Nội", 120, 20), word("dung", 170, 20), word("ĐVT", 620, 20)]


def test_numbered_rows_in_one_band_are_cut_apart():
    body = [word("1", 30, 70), word("Tỷ", 120, 70), word("lệ", 150, 70), word("%", 620, 70),
            word("hộ", 120, 100),  # the name's second line: no number beside it
            word("2", 30, 140), word("Số", 120, 140), word("thôn", 160, 140),
            word("thôn", 620, 140),
            word("II", 30, 200), word("KINH", 120, 200), word("TẾ", 180, 200)]
    rows = cell_rows(grid(), HEADER + body)
    assert [r.texts for r in rows] == [["TT", "Nội dung", "ĐVT"], ["1", "Tỷ lệ hộ", "%"],
                                        ["2", "Số thôn", "thôn"], ["II", "KINH TẾ", ""]]


def test_words_above_the_first_number_are_a_row_of_their_own():
    """A section whose number OCR lost stays apart from the row under it."""
    body = [word("Y", 120, 70), word("TẾ", 140, 70),
            word("1", 30, 110), word("Tỷ", 120, 110), word("2", 30, 150), word("Số", 120, 150)]
    rows = cell_rows(grid(), HEADER + body)
    assert [r.texts[:2] for r in rows[1:]] == [["", "Y TẾ"], ["1", "Tỷ"], ["2", "Số"]]


def test_ruled_rows_and_a_header_are_not_cut():
    """A narrow "TT" read as "T" over "T" in the header, a wrapped name in a ruled row."""
    header = [word("T", 30, 10), word("T", 30, 35), word("Nội", 120, 20)]
    body = [word("1", 30, 70), word("Tỷ", 120, 70), word("lệ", 120, 100)]
    rows = cell_rows(grid([0, 60, 140]), header + body)
    assert [r.texts[:2] for r in rows] == [["T T", "Nội"], ["1", "Tỷ lệ"]]


def test_a_slot_no_cell_covers_is_an_empty_cell():
    """A damaged page's rules meeting nowhere (a byte-flipped PDF page rendered and read) can
    leave a grid slot no cell covers: it reads as an empty cell, not an internal error
    (KeyError), and the rows beside it keep their cells."""
    ys = [0, 60, 120, 180]
    cells = [GridCell(r, c, 1, 1, (XS[c], ys[r], XS[c + 1], ys[r + 1]))
             for r in range(3) for c in range(3) if (r, c) != (2, 0)]
    body = [word("1", 30, 80), word("Tỷ", 120, 80), word("%", 620, 80),
            word("Số", 120, 140), word("thôn", 620, 140)]
    rows = cell_rows(Grid(list(XS), ys, cells), HEADER + body)
    assert [r.texts for r in rows] == [["TT", "Nội dung", "ĐVT"], ["1", "Tỷ", "%"],
                                        ["", "Số", "thôn"]]
