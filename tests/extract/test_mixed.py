"""OCR text whose pages came out in different forms: each block read by its own reader."""

from chitieu.extract import read_text
from chitieu.extract.mixed import is_mixed

HEADER = "TT\tNội dung\tĐơn vị tính\tChỉ tiêu\tĐơn vị chủ trì"
TSV = f"PHỤ LỤC I\n{HEADER}\n1\tTỷ lệ hộ có cáp quang\t%\t80\tPhòng Kinh tế\n"
HTML = ("<table><tr><th>TT</th><th>Nội dung</th><th>Đơn vị tính</th><th>Chỉ tiêu</th>"
        "<th>Đơn vị chủ trì</th></tr>\n<tr><td>2</td><td>Tỷ lệ thôn có wifi</td><td>%</td>"
        "<td>60</td><td>Phòng Kinh tế</td></tr></table>\n")
PIPES = ("| TT | Nội dung | Đơn vị tính | Chỉ tiêu | Đơn vị chủ trì |\n|---|---|---|---|---|\n"
         "| 3 | Số điểm wifi | điểm | 10 | Phòng Kinh tế |\n")


def test_tab_rows_then_an_html_table_are_both_read() -> None:
    text = f"{TSV}- 1 -\n\f{HTML}"
    assert is_mixed(text)
    doc = read_text(text)
    assert doc.format == "text" and doc.ocr
    rows = [(r.first_line, r.page, r.table, r.texts[:2]) for r in doc.rows]
    assert rows == [
        (1, 1, None, ["PHỤ LỤC I"]),
        (2, 1, 0, ["TT", "Nội dung"]),
        (3, 1, 0, ["1", "Tỷ lệ hộ có cáp quang"]),
        (4, 1, None, ["- 1 -"]),
        (5, 2, 1, ["TT", "Nội dung"]),
        (6, 2, 1, ["2", "Tỷ lệ thôn có wifi"]),
    ]


def test_tab_rows_then_a_pipe_table_are_both_read() -> None:
    doc = read_text(f"{TSV}\n{PIPES}")
    assert [(r.first_line, r.table, r.texts[0]) for r in doc.rows] == [
        (1, None, "PHỤ LỤC I"), (2, 0, "TT"), (3, 0, "1"), (5, 1, "TT"), (7, 1, "3")]


def test_a_table_alone_or_tab_rows_alone_are_not_mixed() -> None:
    assert not is_mixed(f"PHỤ LỤC I\n{HTML}")
    assert not is_mixed(f"PHỤ LỤC I\n{PIPES}")
    assert not is_mixed(TSV)
    assert read_text(f"PHỤ LỤC I\n{HTML}").format == "html"
