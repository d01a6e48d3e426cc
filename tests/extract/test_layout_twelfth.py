"""The pdftotext -layout reader on the shapes of heldout10's layout misses (issue 11, twelfth
round), in our own typed text: a code column ("Mã số") printed on each row's first line
beside a number printed lower down, four labels crowded one space apart on a one-line
header, a year's label on a line of its own over its column's label of no year."""

import re

import pytest

from chitieu import convert_text
from chitieu.extract.layout import (
    _codes_beside_numbers,
    _figures_in_order,
    _fit_to_crowded_labels,
    _Grid,
    _Line,
    _Word,
)

# "STT" centred down each row of three lines, "Mã số" printed from the row's top: each
# code one line above its number; the section rows "I" / "II" print no code
CODES_ON_TOP = """\
STT  Mã số           Tên chỉ tiêu              Đơn vị tính   Mục tiêu năm 2026   Cơ quan chủ trì
 I                  NÔNG NGHIỆP
      3101   Tỷ lệ diện tích lúa được cơ giới        %              85           Sở Nông nghiệp và
 1
             hóa khâu thu hoạch                                                  Môi trường
      3102   Số hợp tác xã nông nghiệp hoạt   Hợp tác xã        240          Sở Nông nghiệp và
 2
             động hiệu quả                                                       Môi trường
II                  CÔNG NGHIỆP
      3201   Chỉ số sản xuất công nghiệp tăng        %              9,5          Sở Công Thương
 3
             so với năm trước
"""


def test_a_code_printed_above_its_rows_number_is_a_cell_of_that_row() -> None:
    document = convert_text(CODES_ON_TOP, "layout")
    assert [(r.key, r.name, r.target.raw, [a.name for a in r.agencies])
            for r in document.records] == [
        ("I/1", "Tỷ lệ diện tích lúa được cơ giới hóa khâu thu hoạch", "85",
         ["Sở Nông nghiệp và Môi trường"]),
        ("I/2", "Số hợp tác xã nông nghiệp hoạt động hiệu quả", "240",
         ["Sở Nông nghiệp và Môi trường"]),
        ("II/3", "Chỉ số sản xuất công nghiệp tăng so với năm trước", "9,5",
         ["Sở Công Thương"])]


def _cells(*rows: tuple[str, str]) -> list[list[list[_Word]]]:
    """Rows of two numbering columns' texts ("" none) as the reader's cells."""
    return [[[_Word(0, len(a), a)] if a else [], [_Word(5, 5 + len(b), b)] if b else []]
            for a, b in rows]


def test_codes_beside_numbers_only_when_each_number_has_its_own_code() -> None:
    # a code on each numbered row's top line, sections without one
    assert _codes_beside_numbers(_cells(("I", ""), ("", "0101"), ("1", ""), ("", "0102"),
                                        ("2", "")), [0, 1])
    # groups in the first column over items in the second: several items to a group
    assert not _codes_beside_numbers(_cells(("1", ""), ("", "1.1"), ("", "1.2"), ("2", ""),
                                            ("", "2.1")), [0, 1])
    # one item to each group, numbered as the group's parts
    assert not _codes_beside_numbers(_cells(("1", ""), ("", "1.1"), ("2", ""), ("", "2.1")),
                                     [0, 1])
    # Roman groups in the first column, items in the second
    assert not _codes_beside_numbers(_cells(("I", ""), ("", "1"), ("", "2"), ("II", ""),
                                            ("", "1")), [0, 1])
    # every code on its number's line: nothing to pair
    assert not _codes_beside_numbers(_cells(("1", "0101"), ("2", "0102")), [0, 1])
    assert not _codes_beside_numbers(_cells(("1", ""), ("", "0101")), [0])


# narrow columns with cell margins of 0.05 cm: the header's last four labels printed one
# space apart on its one line, and their cells crowded alike in the body
CROWDED_ONE_LINE = """\
TT                     Nội dung                 Cơ quan chủ trì Cơ quan phối hợp Sản phẩm Thời hạn
 1  Xây dựng cơ sở dữ liệu về di sản văn hóa    Sở Văn hóa,    Sở Khoa học và    Cơ sở dữ  Quý
    vật thể của tỉnh                            Thể thao và    Công nghệ         liệu      III/2026
                                                Du lịch
 2  Tổ chức hội thảo khoa học về bảo tồn nghề   Sở Văn hóa,    UBND các xã       Kỷ yếu    Tháng
    truyền thống                                Thể thao và                                10/2026
                                                Du lịch
 3  Biên soạn tài liệu giới thiệu làng nghề     Sở Công Thương Sở Văn hóa, Thể   Tài liệu  Năm 2026
                                                               thao và Du lịch
"""


def test_four_labels_crowded_on_a_one_line_header_head_four_columns() -> None:
    document = convert_text(CROWDED_ONE_LINE, "layout")
    assert [c.header for c in document.columns] == [
        "TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời hạn"]
    assert [(r.key, r.note, r.deadline.raw) for r in document.records] == [
        ("1", "Cơ sở dữ liệu", "Quý III/2026"), ("2", "Kỷ yếu", "Tháng 10/2026"),
        ("3", "Tài liệu", "Năm 2026")]


# "Năm 2025" over last year's plan and estimate, "Năm 2026" over this year's plan, both on
# the header's first line; the labels under them crowded one space apart ("tính Kế hoạch
# Ước thực Kế hoạch"): the 2026 plan is the target, the 2025 plan no field
YEARS_OVER_CROWDED = """\
                                                Năm 2025      Năm 2026
                                      Đơn vị
TT             Chỉ tiêu                                                   Đơn vị chủ trì
                                       tính Kế hoạch Ước thực Kế hoạch
                                                     hiện
"""
# figures under their labels' middles
FIGURES_IN_PLACE = """\
 1   Số doanh nghiệp thành lập mới    Doanh   1.200   1.260   1.400       Sở Tài chính
                                      nghiệp
 2   Tỷ lệ hộ dùng nước sạch            %       62     63,5     66        Sở Nông nghiệp và
                                                                          Môi trường
"""
# figures printed a few characters left or right from row to row (the body's gutters under
# the crowded labels are none), "Năm 2026" one space after "thực": one column under each
# label, "Năm 2026" over its own
FIGURES_DRIFTING = """\
 1   Số doanh nghiệp thành lập mới     DN     12     13        15         Sở Tài chính
 2   Tỷ lệ hộ dùng nước sạch            %     62          64       66     Sở Nông nghiệp và
                                                                          Môi trường
 3   Số hợp tác xã thành lập mới       HTX    45     48        52         Sở Nông nghiệp và
                                                                          Môi trường
 4   Số chợ được cải tạo               Chợ    10          11       14     Sở Công Thương
"""


@pytest.mark.parametrize(("body", "values"), [
    (FIGURES_IN_PLACE, [("1", "1.400", "1.260"), ("2", "66", "63,5")]),
    (FIGURES_DRIFTING, [("1", "15", "13"), ("2", "66", "64"), ("3", "52", "48"),
                        ("4", "14", "11")])], ids=["in_place", "drifting"])
def test_a_years_label_over_crowded_labels_heads_its_column(
        body: str, values: list[tuple[str, str, str]]) -> None:
    document = convert_text(YEARS_OVER_CROWDED + body, "layout")
    assert [c.header for c in document.columns][3:6] == [
        "Năm 2025 Kế hoạch", "Năm 2025 Ước thực hiện", "Kế hoạch Năm 2026"]
    assert [(r.key, r.target.raw, r.baseline.raw) for r in document.records] == values


# notes on rows 1, 3 and 5 only, each printed from its row's top over two lines: row 3's
# sits where a note merged over rows 2–4 would, centred on row 3's number; the rows between
# print none, and no other column is merged over them
NOTES_ON_SOME_ROWS = """\
TT   Nội dung                              Đơn vị chủ trì      Thời hạn       Ghi chú
     Lập danh mục di tích cần tu bổ cấp     Sở Văn hóa, Thể     Quý I/2026     Theo đề nghị
1
     thiết trên địa bàn                     thao và Du lịch                    của các xã
     Số hóa hồ sơ xếp hạng di tích cấp      Sở Văn hóa, Thể     Năm 2026
2
     tỉnh                                   thao và Du lịch
     Tu bổ cấp thiết đình làng Phú          Sở Xây dựng         Quý III/2026   Vốn ngân sách
3
     Hòa                                                                       tỉnh
     Kiểm kê hiện vật tại bảo tàng          Sở Văn hóa, Thể     Tháng 9/2026
4
     tỉnh                                   thao và Du lịch
     Tổng kết công tác bảo tồn di tích      Sở Văn hóa, Thể     Tháng 12/2026  Báo cáo UBND
5
     năm 2026                               thao và Du lịch                    tỉnh
"""


def test_a_note_of_its_own_row_is_not_spread_to_rows_that_print_none() -> None:
    document = convert_text(NOTES_ON_SOME_ROWS, "layout")
    assert [(r.key, r.note) for r in document.records] == [
        ("1", "Theo đề nghị của các xã"), ("2", None), ("3", "Vốn ngân sách tỉnh"),
        ("4", None), ("5", "Báo cáo UBND tỉnh")]


# row 2 prints no lead: it shares row 1's block (the lead printed from row 1's top, as a
# cell merged over both would be), and would share a support; row 1's note stays its own
NOTE_OF_A_BLOCKS_FIRST_ROW = """\
                                       Đơn vị   Kế hoạch     Đơn vị chủ trì
STT            Chỉ tiêu                                                         Ghi chú
                                        tính    năm 2026       thực hiện
 I   KINH TẾ
     Tốc độ tăng tổng sản phẩm                              Sở Tài chính      Chỉ tiêu
 1   trên địa bàn (GRDP)                 %        8-9                         Nghị quyết
     Tỷ lệ huy động vốn đầu tư           %
 2                                                ≥ 32
     toàn xã hội so với GRDP
     Tỷ lệ giải ngân vốn đầu tư                             Sở Tài chính
 3                                       %        100
     công được giao
     Số doanh nghiệp thành lập mới    Doanh                 Sở Tài chính
 4                                                800
                                      nghiệp
"""


def test_a_row_sharing_the_block_above_takes_its_lead_not_its_note() -> None:
    document = convert_text(NOTE_OF_A_BLOCKS_FIRST_ROW, "layout")
    assert [(r.key, r.note, [a.name for a in r.agencies]) for r in document.records] == [
        ("I/1", "Chỉ tiêu Nghị quyết", ["Sở Tài chính"]), ("I/2", None, ["Sở Tài chính"]),
        ("I/3", None, ["Sở Tài chính"]), ("I/4", None, ["Sở Tài chính"])]


def _line(number: int, text: str) -> _Line:
    """A typed line as the reader's: its words at their character positions."""
    return _Line(number, 1, [_Word(m.start(), m.end(), m.group())
                             for m in re.finditer(r"\S+", text)])


def test_figures_drifting_from_row_to_row_go_to_their_columns_in_order() -> None:
    # columns: name, unit, three of figures, lead; the figures one to three characters off
    # their columns' places, one past the last into the lead's, crowded before its name
    grid = _Grid([(0, 19), (21, 26), (28, 35), (36, 43), (44, 51), (53, 70)])
    lines = [_line(1, "Số trường đạt chuẩn  Trường  120     126        131  Sở Giáo dục"),
             _line(2, "Số phòng học mới     Phòng   40           44    50   Sở Giáo dục"),
             _line(3, "Số lớp học hai buổi  Lớp     310   318             330 Sở Giáo dục"),
             _line(4, "Số giáo viên mới     Người   55      -      60       Sở Nội vụ")]
    cells = [_Grid.cells(grid, line) for line in lines]
    texts = [[" ".join(w.text for w in c) for c in row]
             for row in _figures_in_order(cells, grid, lines)]
    assert [row[2:6] for row in texts] == [
        ["120", "126", "131", "Sở Giáo dục"], ["40", "44", "50", "Sở Giáo dục"],
        ["310", "318", "330", "Sở Giáo dục"],
        # (a row printing a dash among its figures is left as printed)
        [t for t in texts[3][2:6]]]
    assert texts[3][2:5] == [c and " ".join(w.text for w in c) for c in cells[3][2:5]]


def test_crowded_labels_the_body_does_not_show_one_by_one_are_its_columns() -> None:
    header = [_line(1, "          Đơn vị"),
              _line(2, "           tính Kế hoạch Ước thực Kế hoạch   Đơn vị chủ trì"),
              _line(3, "                          hiện")]
    # the body's figures drifted: three columns under four labels, the last reaching into
    # the lead's place
    spans = _fit_to_crowded_labels([(0, 8), (10, 14), (18, 23), (27, 40), (45, 58)], header)
    assert spans == [(0, 8), (10, 15), (16, 24), (25, 33), (34, 41), (45, 58)]


# (review r2 #1) well-aligned columns; row 2 prints no 2025 figure, and its note "2027",
# printed where the notes start, three characters after a wide target
NOTE_FIGURE_AFTER_A_BLANK_FIGURE = """\
 STT   Chỉ tiêu                              Đơn vị     Thực hiện      Kế hoạch     Ghi chú
                                             tính       năm 2025       năm 2026
 1     Tổng sản phẩm trên địa bàn            Tỷ đồng    125.400.000    132.800.000  Đạt
 2     Thu ngân sách nhà nước                Tỷ đồng                   12.500.000   2027
 3     Tổng vốn đầu tư toàn xã hội           Tỷ đồng    98.000.000     99.000.000   Tiếp tục
 4     Kim ngạch xuất khẩu                   Triệu USD  11.000.000     12.000.000   Tiếp tục
"""


def test_a_figure_at_home_in_the_notes_column_does_not_fill_a_blank_figure_cell() -> None:
    document = convert_text(NOTE_FIGURE_AFTER_A_BLANK_FIGURE, "layout")
    row = next(r for r in document.records if r.key == "2")
    assert (row.target.raw, row.baseline, row.note) == ("12.500.000", None, "2027")
    assert [(r.target.raw, r.baseline.raw) for r in document.records if r.key != "2"] == [
        ("132.800.000", "125.400.000"), ("99.000.000", "98.000.000"),
        ("12.000.000", "11.000.000")]


def test_a_figure_sticking_out_of_the_next_columns_place_is_the_runs() -> None:
    # the last figure two characters left of where the lead's names start, the cell of
    # the run's last column blank: drift, given back to the run
    grid = _Grid([(0, 19), (21, 26), (28, 35), (36, 43), (44, 51), (55, 72)])
    lines = [_line(1, "Số trường đạt chuẩn  Trường  120     126     131        Sở Giáo dục"),
             _line(2, "Số lớp học hai buổi  Lớp     310     318              330   Sở Giáo dục"),
             _line(3, "Số phòng học mới     Phòng   40      44      50         Sở Nội vụ")]
    cells = [_Grid.cells(grid, line) for line in lines]
    assert [w.text for w in cells[1][5]][:1] == ["330"]
    texts = [[" ".join(w.text for w in c) for c in row]
             for row in _figures_in_order(cells, grid, lines)]
    assert [row[2:6] for row in texts] == [
        ["120", "126", "131", "Sở Giáo dục"], ["310", "318", "330", "Sở Giáo dục"],
        ["40", "44", "50", "Sở Nội vụ"]]


def test_codes_beside_numbers_down_a_long_column() -> None:
    # (review r2 #5) 3,000 numbered rows, each with its code on the next line (each number
    # is looked up once among the codes' heads; timings belong in benchmarks/, not here)
    rows = [r for k in range(1, 3001) for r in ((str(k), ""), ("", f"9{k:05d}"))]
    assert _codes_beside_numbers(_cells(*rows), [0, 1])
    # a number that heads a code after a dot still tells groups over their parts, however
    # far down the code ("300" over "300.1.2"), and a code merely starting with its digits
    # ("30001" after "3000") does not
    assert not _codes_beside_numbers(_cells(*rows[:-1], ("", "300.1.2")), [0, 1])
    assert _codes_beside_numbers(_cells(*rows[:-1], ("", "30001")), [0, 1])


# (review r2 #4) a group's label over two agency columns, printed a little right of their
# middle: it starts in the gutter one character after the lead's column ends
GROUP_LABEL_RIGHT_OF_CENTRE = """\
                                                                     Năm 2025                                  Trách nhiệm
                                                     Đơn vị                          Kế hoạch
TT                       Chỉ tiêu                                 Kế        Ước thực năm 2026
                                                      tính                                           Chủ trì           Phối hợp
                                                                 hoạch        hiện
I                                                                Y TẾ
     Số giường bệnh trên một vạn dân                               32         33        34      Sở Y tế            UBND các xã,
1                                                   Giường
                                                                                                                   phường
     Tỷ lệ trạm y tế xã có bác sĩ làm việc                         90         92        95      Sở Y tế               Sở Nội vụ
2                                                      %
3    Tỷ lệ dân số có thẻ bảo hiểm y tế                 %           93         94        95      Bảo hiểm xã hội       Sở Y tế
                                                                                                tỉnh
"""  # noqa: E501


def test_a_group_label_starting_in_the_gutter_heads_the_column_left_of_it_too() -> None:
    document = convert_text(GROUP_LABEL_RIGHT_OF_CENTRE, "layout")
    assert [(c.header, c.role) for c in document.columns][3:] == [
        ("Năm 2025 Kế hoạch", "unknown"), ("Năm 2025 Ước thực hiện", "baseline"),
        ("Kế hoạch năm 2026", "target"), ("Trách nhiệm Chủ trì", "lead"),
        ("Trách nhiệm Phối hợp", "support")]
    assert [(r.key, r.target.raw, [a.name for a in r.agencies]) for r in document.records] == [
        ("I/1", "34", ["Sở Y tế", "Ủy ban nhân dân các xã, phường"]),
        ("I/2", "95", ["Sở Y tế", "Sở Nội vụ"]), ("I/3", "95", ["Bảo hiểm xã hội", "Sở Y tế"])]
