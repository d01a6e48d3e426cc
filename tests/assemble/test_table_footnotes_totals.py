"""Lines under a table that are no indicator (probe2 class 6): footnotes numbered again from
1, and a totals row — kept in the document warning table_note, never records."""

import pytest

from chitieu.assemble.table import assemble
from chitieu.core.types import Cell, RawDocument, RawRow
from chitieu.extract import read_text

TASKS = ("TT\tNhiệm vụ\tĐơn vị chủ trì\tKinh phí (triệu đồng)\tThời hạn\n"
         "1\tLắp đặt hệ thống truyền thanh thông minh\tVăn phòng HĐND và UBND\t280\tQuý III/2027\n"
         "2\tTập huấn chuyển đổi số cho cán bộ\tPhòng Văn hóa - Xã hội\t60\tQuý II/2027\n")


def _marked(text: str, *after: str) -> RawDocument:
    """Rows a reader found in its table (DOCX, PDF), then paragraphs after it."""
    rows = read_text(text, "text").rows
    for row in rows:
        row.table = 0
    line = rows[-1].last_line
    for k, paragraph in enumerate(after, 1):
        rows.append(RawRow([Cell(paragraph)], first_line=line + k, last_line=line + k))
    return RawDocument(rows=rows, format="docx")


def test_footnotes_numbered_again_under_the_table_are_no_rows() -> None:
    table = assemble(_marked(TASKS, "1 Kinh phí từ nguồn ngân sách xã năm 2027.",
                             "2 Phối hợp với doanh nghiệp viễn thông trên địa bàn."))
    assert [row.cells[0] for row in table.rows] == ["1", "2"]
    assert "table_note:1 Kinh phí từ nguồn ngân sách xã năm 2027." in table.warnings


def test_a_row_outside_the_tables_going_on_with_the_numbering_stays_a_row() -> None:
    table = assemble(_marked(TASKS, "3 Số hóa sổ đăng ký hộ tịch Công an xã Năm 2027"))
    assert [row.cells[0] for row in table.rows] == ["1", "2", "3"]


@pytest.mark.parametrize("label", ["Cộng", "Tổng số:", "TỔNG CỘNG"])
@pytest.mark.parametrize("merged", [False, True])
def test_a_totals_row_is_no_row(label: str, merged: bool) -> None:
    number = label if merged else ""  # a cell merged over TT and the name: in both
    table = assemble(read_text(f"{TASKS}{number}\t{label}\t\t340\t\n", "text"))
    assert [row.cells[0] for row in table.rows] == ["1", "2"]
    assert any(w.startswith("table_note:") and "340" in w for w in table.warnings)


def test_a_nameless_row_of_a_sum_in_a_column_of_no_field_is_no_row() -> None:
    table = assemble(read_text(f"{TASKS}\t\t\t340\t\n", "text"))
    assert [row.cells[0] for row in table.rows] == ["1", "2"]


def test_an_indicator_named_tong_so_stays_a_row() -> None:
    table = assemble(read_text("TT\tChỉ tiêu\tĐVT\tKế hoạch năm 2027\n"
                               "1\tTổng số hộ dân cư\tHộ\t2.450\n"
                               "\tTổng số hộ nghèo\tHộ\t35\n", "text"))
    assert "Tổng số hộ nghèo" in " ".join(row.cells[1] for row in table.rows)
