"""A table's cell rectangles as a grid of slots; chars into cells; merged slots resolved."""

from __future__ import annotations

from chitieu.extract.pdf_grid import Grid, chars_to_text, is_bold, upright_chars


def chars(text: str, x0: float, top: float, fontname: str = "Times", width: float = 5.0):
    out = []
    for i, ch in enumerate(text):
        out.append({"text": ch, "x0": x0 + i * width, "x1": x0 + (i + 1) * width, "top": top,
                    "bottom": top + 10, "size": 12.0, "fontname": fontname})
    return out


# 3 columns (0-20-60-100) × 4 rows (0-10-30-50-70): a section row merged across the last two
# columns, and the last column merged down over rows 2 and 3
BOXES = [
    (0, 0, 20, 10), (20, 0, 60, 10), (60, 0, 100, 10),
    (0, 10, 20, 30), (20, 10, 100, 30),
    (0, 30, 20, 50), (20, 30, 60, 50), (60, 30, 100, 70),
    (0, 50, 20, 70), (20, 50, 60, 70),
]


def filled_grid() -> Grid:
    grid = Grid(BOXES)
    texts = {(1, 1): "TT", (21, 1): "Chỉ tiêu", (61, 1): "Chủ trì", (1, 12): "I",
             (21, 12): "Hạ tầng", (1, 32): "1", (21, 32): "Tỷ lệ", (61, 40): "Phòng KT",
             (1, 52): "2", (21, 52): "Số"}
    for (x, y), text in texts.items():
        for char in chars(text, x, y, width=2.0):
            cell = grid.cell_at((char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2)
            cell.chars.append(char)
    grid.finish()
    return grid


def test_grid_has_the_distinct_edges_as_slots():
    grid = Grid(BOXES)
    assert (grid.n_rows, grid.n_cols) == (4, 3)
    assert grid.xs == [0, 20, 60, 100] and grid.ys == [0, 10, 30, 50, 70]
    assert grid.bbox == (0, 0, 100, 70)


def test_edges_a_hair_apart_are_one_edge():
    grid = Grid([(0, 0, 10, 10), (10.4, 0, 20, 10), (0, 10.3, 10, 20), (10, 10, 20, 20)])
    assert (grid.n_rows, grid.n_cols) == (2, 2)


def test_horizontal_span_leaves_empty_slots_and_vertical_span_repeats_text():
    grid = filled_grid()
    assert [[c.text for c in grid.resolve_row(r)] for r in range(4)] == [
        ["TT", "Chỉ tiêu", "Chủ trì"],
        ["I", "Hạ tầng", ""],
        ["1", "Tỷ lệ", "Phòng KT"],
        ["2", "Số", "Phòng KT"],
    ]


def test_resolved_cells_carry_boxes():
    grid = filled_grid()
    row = grid.resolve_row(3)
    assert row[2].bbox == (60, 50, 100, 70)  # the slot, not the whole merged cell
    assert grid.resolve_row(2)[2].bbox == (60, 30, 100, 70)  # the merged cell where it starts
    assert grid.row_bbox(1) == (0, 10, 100, 30)


def test_a_slot_no_rectangle_covers_is_empty():
    grid = Grid([(0, 0, 10, 10), (10, 0, 20, 10), (0, 10, 10, 20)])
    assert [c.text for c in grid.resolve_row(1)] == ["", ""]
    assert grid.cell_at(15, 15) is None


def test_lines_of_a_cell_are_joined_by_one_space():
    text = chars("hành", 0, 0) + chars("chính", 0, 14)
    assert chars_to_text(text) == "hành chính"


def test_a_line_broken_after_a_hyphen_goes_on_without_a_space():
    """Word breaks "NĐ-CP" and "2026–2030" after their hyphen; a spaced dash stays apart."""
    assert chars_to_text(chars("45/2020/NĐ-", 0, 0) + chars("CP", 0, 14)) == "45/2020/NĐ-CP"
    assert chars_to_text(chars("đoạn 2026–", 0, 0) + chars("2030", 0, 14)) == "đoạn 2026–2030"
    assert chars_to_text(chars("HĐND -", 0, 0) + chars("UBND", 0, 14)) == "HĐND - UBND"
    assert chars_to_text(chars("Quý II-", 0, 0) + chars("(tiếp)", 0, 14)) == "Quý II- (tiếp)"


def test_a_line_broken_after_a_slash_goes_on_without_a_space():
    """LibreOffice breaks a unit "Triệu đồng/người/năm" after a slash (a PDF printed the
    unit "triệu đồng/người/ năm"); a slash with a space before it stays apart."""
    assert chars_to_text(chars("Triệu đồng/người/", 0, 0) + chars("năm", 0, 14)) == \
        "Triệu đồng/người/năm"
    assert chars_to_text(chars("Số 12/", 0, 0) + chars("KH-UBND", 0, 14)) == "Số 12/KH-UBND"
    assert chars_to_text(chars("Chủ trì /", 0, 0) + chars("phối hợp", 0, 14)) == \
        "Chủ trì / phối hợp"


def test_a_superscript_stays_on_its_line():
    raised = {"text": "2", "x0": 12, "x1": 15, "top": -3, "bottom": 4, "size": 7.0,
              "fontname": "Times"}
    text = [*chars("m", 6, 0), raised, *chars("đất", 30, 0), *chars("ở", 0, 14)]
    assert chars_to_text(text) == "m2 đất ở"


def test_a_word_gap_without_a_space_glyph_is_a_space():
    text = chars("Phòng", 0, 0) + chars("Kinh", 29, 0) + chars("tế", 52, 0)
    assert chars_to_text(text) == "Phòng Kinh tế"


def test_chars_out_of_order_and_loose_accents_read_right():
    circumflex = {"text": "\u0302", "x0": 19, "x1": 24, "top": 0, "bottom": 10, "size": 12.0,
                  "fontname": "T"}
    text = [*chars("Tỷ", 0, 0)[::-1], *chars("e", 20, 0), circumflex]
    assert chars_to_text(text) == "Tỷ ê"
    assert chars_to_text([]) == ""


def test_bold_is_the_majority_of_visible_chars():
    assert is_bold(chars("Phụ lục", 0, 0, "ABCDEF+TimesNewRomanPS-BoldMT"))
    assert not is_bold(chars("Phụ", 0, 0, "Times-Bold") + chars("lục số", 20, 0, "Times"))
    assert not is_bold([])


# a 20-point wide column with 2 points of padding: 16 points of room, chars 5 points wide
ROOM = (2.0, 18.0)


def test_a_word_longer_than_its_narrow_cell_is_joined_back():
    # "ST" fills its 10 points of room: no room was left for the third letter
    assert chars_to_text(chars("ST", 2, 0) + chars("T", 2, 12), (2.0, 12.0)) == "STT"
    assert chars_to_text(chars("Điể", 2, 0) + chars("m", 2, 12), ROOM) == "Điểm"


def test_an_ordinary_wrap_keeps_its_space():
    # the line had room for more: the next word did not fit whole
    assert chars_to_text(chars("Số", 2, 0) + chars("hộ", 2, 12), ROOM) == "Số hộ"
    # a full line of one syllable before another is a wrap between syllables
    assert chars_to_text(chars("Thườ", 2, 0) + chars("xuyên", 2, 12), (2.0, 22.0)) == (
        "Thườ xuyên")
    # a line of several words is never a broken word
    assert chars_to_text(chars("a b", 2, 0) + chars("c", 2, 12), (2.0, 17.0)) == "a b c"
    # without the cell's room nothing is joined
    assert chars_to_text(chars("ST", 2, 0) + chars("T", 2, 12)) == "ST T"


def test_grid_measures_its_padding_from_the_leftmost_text():
    grid = Grid([(0, 0, 14, 20), (14, 0, 60, 20), (0, 20, 14, 40), (14, 20, 60, 40)])
    for char in chars("ST", 2, 1) + chars("T", 2, 11) + chars("Tên", 16, 1):
        grid.cell_at(char["x0"] + 1, char["top"] + 5).chars.append(char)
    grid.finish()
    assert [c.text for c in grid.resolve_row(0)] == ["STT", "Tên"]


def test_chars_running_up_a_cell_are_turned_to_read_across():
    up = [{"text": ch, "x0": 10.0, "x1": 20.0, "top": 100.0 - 6 * (i + 1),
           "bottom": 100.0 - 6 * i, "size": 12.0, "fontname": "Times"}
          for i, ch in enumerate("ĐVT")]
    assert chars_to_text(upright_chars(up)) == "ĐVT"
    two = up[:2]
    assert upright_chars(two) is two  # too few letters to tell a direction


def test_a_band_of_unruled_rows_is_cut_at_its_numbers_below_a_cut_rows_tail():
    from chitieu.extract.pdf import _split_unruled_rows

    grid = Grid([(0, 0, 20, 100), (20, 0, 100, 100)])
    texts = [(1, 12, "5"), (1, 36, "6"), (21, 0, "đuôi hàng"), (21, 12, "Tỷ lệ một"),
             (21, 24, "dòng hai"), (21, 36, "Số ba")]
    for x, y, text in texts:
        for char in chars(text, x, y, width=2.0):
            grid.cell_at(char["x0"] + 1, y + 5).chars.append(char)
    split = _split_unruled_rows(grid)
    split.finish()
    assert [[c.text for c in split.resolve_row(r)] for r in range(split.n_rows)] == [
        ["", "đuôi hàng"], ["5", "Tỷ lệ một dòng hai"], ["6", "Số ba"]]


def test_a_section_letter_among_numbered_rows_starts_a_row_but_letters_alone_do_not():
    from chitieu.extract.pdf import _split_unruled_rows

    def band(lines: list[tuple[int, str, str]]) -> list[list[str]]:
        grid = Grid([(0, 0, 20, 100), (20, 0, 100, 100)])
        for y, number, name in lines:
            for x, text in ((1, number), (21, name)):
                for char in chars(text, x, y, width=2.0):
                    grid.cell_at(char["x0"] + 1, y + 5).chars.append(char)
        split = _split_unruled_rows(grid)
        split.finish()
        return [[c.text for c in split.resolve_row(r)] for r in range(split.n_rows)]

    assert band([(1, "A", "KINH TẾ"), (13, "1", "Tỷ lệ"), (25, "2", "Số")]) == [
        ["A", "KINH TẾ"], ["1", "Tỷ lệ"], ["2", "Số"]]
    assert band([(1, "T", "Tên chỉ"), (13, "T", "tiêu")]) == [["T T", "Tên chỉ tiêu"]]


def test_a_grid_whose_text_starts_at_every_cell_side_is_read() -> None:
    # no cell padding to measure (each text at or left of its cell's side): read unpadded,
    # not a TypeError (a damaged PDF's chars; a heading band taken for a table)
    grid = Grid([(0, 0, 20, 10), (20, 0, 60, 10)])
    for x, text in ((0, "TT"), (20.2, "Chỉ tiêu")):
        for char in chars(text, x, 1, width=2.0):
            grid.cell_at(char["x0"] + 0.1, 5).chars.append(char)
    grid.finish()
    assert [cell.text for cell in grid.cells] == ["TT", "Chỉ tiêu"]
