"""A numbered row glued onto the line above it by a lost line break is split back out.

The line above is a section title, the repeated header or another row; the row is told by
the number the table expects next, followed by a row's cells. Titles that end in a number
("Đề án 06", "Mục tiêu 1", "năm 2026") are never split.
"""

import pytest

from chitieu.assemble.table import assemble
from chitieu.core.text import clean_text
from chitieu.extract import read_text

HEADER = "TT\tNội dung\tĐơn vị tính\tChỉ tiêu\tCơ quan chủ trì\tThời gian hoàn thành"
TASKS = "TT\tNhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành"
ROW1 = "1\tTỷ lệ hộ gia đình có cáp quang\t%\t80\tPhòng Kinh tế\tNăm 2026"
ROW2 = "2\tTỷ lệ thôn có điểm phát wifi công cộng\t%\t60\tPhòng Kinh tế\tNăm 2026"
ROW3 = "3\tSố hộ kinh doanh dùng hóa đơn điện tử\thộ\t120\tPhòng Kinh tế\tQuý IV/2026"


def _rows(text: str) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """(number, name) of each logical row, the split rows' warnings, the table's warnings."""
    table = assemble(read_text(text, "text"))
    number, name = table.index_of("number"), table.index_of("name")
    rows = [(clean_text(r.cells[number]), clean_text(r.cells[name])) for r in table.rows]
    split = [f"{clean_text(r.cells[number])}" for r in table.rows
             if any("row_split_from_line" in p.warnings for p in r.pieces)]
    return rows, split, table.warnings


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param(  # the title's padding lost, the row's number after a space: a cell too many
        "I\tPHÁT TRIỂN HẠ TẦNG 1\tTỷ lệ hộ gia đình có cáp quang\t%\t80\tPhòng Kinh tế\t"
        f"Năm 2026\n{ROW2}",
        [("I", "PHÁT TRIỂN HẠ TẦNG"), ("1", "Tỷ lệ hộ gia đình có cáp quang"),
         ("2", "Tỷ lệ thôn có điểm phát wifi công cộng")],
        id="title-in-name-cell"),
    pytest.param(  # a title in one bold cell, the row's number glued after its closing tag
        f"<b>I Hạ tầng số</b>\n{ROW1}\n{ROW2}\n"
        "<b>II Phát triển nguồn lực</b> 1\tTỷ lệ cán bộ được tập huấn kỹ năng số\t%\t100\t"
        "Phòng Văn hóa - Xã hội\tNăm 2026",
        [("I", "Hạ tầng số"), ("1", "Tỷ lệ hộ gia đình có cáp quang"),
         ("2", "Tỷ lệ thôn có điểm phát wifi công cộng"), ("II", "Phát triển nguồn lực"),
         ("1", "Tỷ lệ cán bộ được tập huấn kỹ năng số")],
        id="bold-title-in-number-cell"),
    pytest.param(  # the title's padding kept: the extra cells are a whole row
        "<b>II Phát triển nguồn lực</b>\t\t\t\t\t\t1\tTỷ lệ cán bộ được tập huấn kỹ năng số\t"
        "%\t100\tPhòng Văn hóa - Xã hội\tNăm 2026",
        [("II", "Phát triển nguồn lực"), ("1", "Tỷ lệ cán bộ được tập huấn kỹ năng số")],
        id="title-then-padding-then-row"),
    pytest.param(  # bold title cells, the plain row after them, no cell too many
        "<b>I</b>\t<b>HẠ TẦNG SỐ</b> 1\tTỷ lệ hộ gia đình có cáp quang\t%\t80\tPhòng Kinh tế",
        [("I", "HẠ TẦNG SỐ"), ("1", "Tỷ lệ hộ gia đình có cáp quang")],
        id="bold-title-cells"),
    pytest.param(  # numbering that runs on across sections (1 … 2, then 3 under II)
        f"I\tHẠ TẦNG SỐ\n{ROW1}\n{ROW2}\nII\tNGUỒN LỰC 3\tSố hộ kinh doanh dùng hóa đơn điện"
        " tử\thộ\t120\tPhòng Kinh tế\tQuý IV/2026",
        [("I", "HẠ TẦNG SỐ"), ("1", "Tỷ lệ hộ gia đình có cáp quang"),
         ("2", "Tỷ lệ thôn có điểm phát wifi công cộng"), ("II", "NGUỒN LỰC"),
         ("3", "Số hộ kinh doanh dùng hóa đơn điện tử")],
        id="numbering-runs-on"),
    pytest.param(  # the header repeated at a page break, the next row glued after it
        f"{ROW1}\n{ROW2}\n{HEADER} 3\tSố hộ kinh doanh dùng hóa đơn điện tử\thộ\t120\t"
        "Phòng Kinh tế\tQuý IV/2026",
        [("1", "Tỷ lệ hộ gia đình có cáp quang"), ("2", "Tỷ lệ thôn có điểm phát wifi công cộng"),
         ("3", "Số hộ kinh doanh dùng hóa đơn điện tử")],
        id="repeated-header"),
    pytest.param(  # two rows on one line: the tab count of two rows
        f"{ROW1} {ROW2}\n{ROW3}",
        [("1", "Tỷ lệ hộ gia đình có cáp quang"), ("2", "Tỷ lệ thôn có điểm phát wifi công cộng"),
         ("3", "Số hộ kinh doanh dùng hóa đơn điện tử")],
        id="row-after-row"),
    pytest.param(  # three rows on one line
        f"{ROW1} {ROW2} {ROW3}",
        [("1", "Tỷ lệ hộ gia đình có cáp quang"), ("2", "Tỷ lệ thôn có điểm phát wifi công cộng"),
         ("3", "Số hộ kinh doanh dùng hóa đơn điện tử")],
        id="three-rows"),
    pytest.param(  # two rows on one line, the tab between them kept
        f"{ROW1}\t{ROW2}",
        [("1", "Tỷ lệ hộ gia đình có cáp quang"), ("2", "Tỷ lệ thôn có điểm phát wifi công cộng")],
        id="row-then-tab-then-row"),
    pytest.param(  # sub-numbered rows
        "1\tHạ tầng số\n1.1\tTỷ lệ hộ gia đình có cáp quang\t%\t80\tPhòng Kinh tế\tNăm 2026"
        " 1.2\tTỷ lệ thôn có điểm phát wifi\t%\t60\tPhòng Kinh tế\tNăm 2026",
        [("1", "Hạ tầng số"), ("1.1", "Tỷ lệ hộ gia đình có cáp quang"),
         ("1.2", "Tỷ lệ thôn có điểm phát wifi")],
        id="sub-numbers"),
])
def test_a_glued_row_is_split_out(body: str, expected: list[tuple[str, str]]) -> None:
    rows, split, warnings = _rows(f"{HEADER}\n{body}\n")
    assert rows == expected
    assert split  # the record says its row was cut out of another line
    assert any(w.startswith("row_split_from_line:line ") for w in warnings)


@pytest.mark.parametrize(("header", "body", "expected"), [
    pytest.param(HEADER, "III\tThực hiện Đề án 06\t\t\t\t",
                 [("III", "Thực hiện Đề án 06")], id="de-an-06"),
    pytest.param(HEADER, "<b>A</b>\t<b>Mục tiêu 1</b>\t\t\t\t",
                 [("A", "Mục tiêu 1")], id="muc-tieu-1"),
    pytest.param(HEADER, "<b>B. Các chỉ tiêu năm 2026</b>",
                 [("B.", "Các chỉ tiêu năm 2026")], id="nam-2026"),
    pytest.param(HEADER, "<b>II Chương trình 1</b>\t\t\t\t\tPhòng Kinh tế",
                 [("II", "Chương trình 1")], id="title-with-an-agency"),
    pytest.param(  # a row of the table's width whose name ends in the next number
        TASKS, "3\tTriển khai Mục tiêu 4\tPhòng Kinh tế\tNăm 2026\n"
        "4\tTổ chức tập huấn\tPhòng Văn hóa - Xã hội\tQuý II/2026",
        [("3", "Triển khai Mục tiêu 4"), ("4", "Tổ chức tập huấn")], id="row-of-the-width"),
    pytest.param(  # a section title ending in a number beside an agency: one row's cells
        TASKS, "I\tThực hiện Chương trình 1\tPhòng Kinh tế\tNăm 2026",
        [("I", "Thực hiện Chương trình 1")], id="title-of-the-width"),
    pytest.param(  # an overflowing cell after a deadline that ends in the next number
        HEADER, "1\tTỷ lệ hộ có cáp quang\t%\t80\tPhòng Kinh tế\tQuý 2\tTheo lộ trình chung",
        [("1", "Tỷ lệ hộ có cáp quang")], id="overflow-after-quy-2"),
    pytest.param(  # a number that is not the next one
        HEADER, f"{ROW1}\nII\tNGUỒN LỰC 5\tSố hộ kinh doanh dùng hóa đơn điện tử\thộ\t120\t"
        "Phòng Kinh tế\tQuý IV/2026",
        [("1", "Tỷ lệ hộ gia đình có cáp quang"), ("II", "NGUỒN LỰC 5")], id="not-next"),
    pytest.param(  # the cell after the number is not a name
        HEADER, "I\tHẠ TẦNG 1\t%\t80\tPhòng Kinh tế\tNăm 2026\t",
        [("I", "HẠ TẦNG 1")], id="no-name-after"),
])
def test_a_title_or_row_ending_in_a_number_is_not_split(
        header: str, body: str, expected: list[tuple[str, str]]) -> None:
    rows, split, warnings = _rows(f"{header}\n{body}\n")
    assert rows == expected
    assert not split
    assert not any(w.startswith("row_split_from_line") for w in warnings)


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param(f"{HEADER} 1\tTỷ lệ hộ gia đình có cáp quang\t%\t80\tPhòng Kinh tế\tNăm 2026",
                 [("1", "Tỷ lệ hộ gia đình có cáp quang")], id="space"),
    pytest.param(f"{HEADER}\t\t1\tTỷ lệ hộ gia đình có cáp quang\t%\t80\tPhòng Kinh tế",
                 [("1", "Tỷ lệ hộ gia đình có cáp quang")], id="tabs"),
    pytest.param(f"{HEADER} I\tHẠ TẦNG SỐ\t\t\t\t\n{ROW1}",
                 [("I", "HẠ TẦNG SỐ"), ("1", "Tỷ lệ hộ gia đình có cáp quang")], id="section"),
])
def test_the_first_row_glued_to_the_header_is_split_out(
        body: str, expected: list[tuple[str, str]]) -> None:
    table = assemble(read_text(f"PHỤ LỤC I\n{body}\n", "text"))
    assert [c.header for c in table.columns][-1] == "Thời gian hoàn thành"
    number, name = table.index_of("number"), table.index_of("name")
    assert [(clean_text(r.cells[number]), clean_text(r.cells[name])) for r in table.rows] == \
        expected
    assert "row_split_from_line" in table.rows[0].pieces[0].warnings


@pytest.mark.parametrize("glue", [" ", "\t", "\t\t"], ids=["space", "tab", "tabs"])
def test_the_first_row_glued_to_a_later_tables_header_is_split_out(glue: str) -> None:
    # the second table's header (other columns) and its first row on one line: both rows
    # are the second table's, none is dropped or left below the first table's end
    text = (f"PHỤ LỤC I\n{HEADER}\n{ROW1}\n\nPHỤ LỤC II\n"
            f"{TASKS}{glue}1\tTuyên truyền về chuyển đổi số\tPhòng Văn hóa - Xã hội\tQuý II/2026\n"
            "2\tXây dựng cơ sở dữ liệu đất đai\tPhòng Kinh tế\tQuý III/2026\n")
    table = assemble(read_text(text, "text"))
    second = table.following[0]
    assert [c.header for c in second.columns] == TASKS.split("\t")
    number, name = second.index_of("number"), second.index_of("name")
    assert [(clean_text(r.cells[number]), clean_text(r.cells[name])) for r in second.rows] == [
        ("1", "Tuyên truyền về chuyển đổi số"), ("2", "Xây dựng cơ sở dữ liệu đất đai")]
    assert "row_split_from_line" in second.rows[0].pieces[0].warnings
    assert not second.rows[1].after_page_break
    assert not any(w.startswith("rows_after_table_end") for t in table.all_tables
                   for w in t.warnings)


def test_quarter_columns_are_not_a_row_glued_to_the_header() -> None:
    header = "TT\tNội dung\tĐơn vị chủ trì\tThời gian thực hiện Quý I\tQuý II\tQuý III\tQuý IV"
    table = assemble(read_text(f"{header}\n1\tTập huấn kỹ năng số\tPhòng Kinh tế\tx\t\t\t\n",
                               "text"))
    assert [c.header for c in table.columns][4:] == ["Quý II", "Quý III", "Quý IV"]
    assert len(table.rows) == 1


def test_a_row_shifted_one_column_right_is_put_back() -> None:
    rows, _, _ = _rows(f"{HEADER}\n\tI\tHẠ TẦNG SỐ\t\t\t\t\n{ROW1}\n\t2\tTỷ lệ thôn có điểm phát "
                       "wifi công cộng\t%\t60\tPhòng Kinh tế\tNăm 2026\n")
    assert rows == [("I", "HẠ TẦNG SỐ"), ("1", "Tỷ lệ hộ gia đình có cáp quang"),
                    ("2", "Tỷ lệ thôn có điểm phát wifi công cộng")]
    table = assemble(read_text(f"{HEADER}\n\t2\tTỷ lệ thôn có wifi\t%\t60\tPhòng Kinh tế\n",
                               "text"))
    assert table.rows[0].cells[2:5] == ["%", "60", "Phòng Kinh tế"]
    assert "row_cells_shifted" in table.rows[0].warnings


def test_a_name_wrapped_into_the_unit_column_goes_back_to_the_name() -> None:
    table = assemble(read_text(
        f"{HEADER}\n1\tTỷ lệ hồ sơ được giải quyết\t%\t85\tPhòng Kinh tế\tNăm 2026\n"
        "\t\ttrực tuyến toàn trình\t\t\t\n"
        "2\tThu nhập bình quân\ttriệu đồng/\t75\tPhòng Kinh tế\tNăm 2026\n"
        "\t\tngười/năm\t\t\t\n", "text"))
    assert [(r.cells[1], r.cells[2]) for r in table.rows] == [
        ("Tỷ lệ hồ sơ được giải quyết trực tuyến toàn trình", "%"),
        ("Thu nhập bình quân", "triệu đồng/ người/năm")]


@pytest.mark.parametrize("between", [
    "Phụ lục I", "3\nPhụ lục I", "\fPhụ lục I", "Trang 2/3\nPHỤ LỤC I", f"Phụ lục I\n{HEADER}"])
def test_a_running_page_header_is_not_part_of_a_row(between: str) -> None:
    table = assemble(read_text(f"PHỤ LỤC I\n{HEADER}\n{ROW1}\n{between}\n{ROW2}\n", "text"))
    assert [r.cells[1] for r in table.rows] == [
        "Tỷ lệ hộ gia đình có cáp quang", "Tỷ lệ thôn có điểm phát wifi công cộng"]
