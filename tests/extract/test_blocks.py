"""The last-resort reader of text whose table lost its columns (pdftotext without -layout)."""

import pytest

from chitieu import extract
from chitieu.extract.detect import detect_layout

RAW = """Phụ lục
DANH MỤC NHIỆM VỤ
Stt
TT

Tên nhiệm vụ

1

a)

Dữ liệu đầu tư công

Sở Tài chính

2

b)

Dữ liệu quy hoạch

Sở Quy hoạch Kiến trúc

30/8/2026

3

c)

Dữ liệu y tế

4

d)

Dữ liệu giáo dục

5

đ)

Dữ liệu dân cư
"""


def test_rows_start_at_labels_and_blocks_are_read_by_their_look() -> None:
    doc = extract.read_text(RAW, "blocks")
    assert doc.warnings == ["table_structure_lost"]
    rows = [r.texts for r in doc.rows]
    assert rows[:2] == [["Phụ lục"], ["DANH MỤC NHIỆM VỤ"]]
    header = rows.index(["TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn",
                         "Ghi chú"])
    data = rows[header + 1:]
    assert data[0] == ["1", "Dữ liệu đầu tư công", "Sở Tài chính", "", "", ""]
    assert data[1] == ["2", "Dữ liệu quy hoạch", "Sở Quy hoạch Kiến trúc", "", "30/8/2026", ""]
    assert [r[0] for r in data] == ["1", "2", "3", "4", "5"]


def test_such_text_is_detected() -> None:
    assert detect_layout(RAW) == "blocks"
    assert detect_layout("Phụ lục\nTT Nội dung\n1 Việc một\n") == "text"


@pytest.mark.parametrize("delimiter", ["|---|---|", "|:--:|---|", "| :-: | :- |", "|:-|-:|",
                                       "--- | ---"])
def test_a_pipe_table_with_short_aligned_delimiters_is_markdown(delimiter: str) -> None:
    assert detect_layout(f"| TT | Chỉ tiêu |\n{delimiter}\n| 1 | Tỷ lệ A |\n") == "markdown"


@pytest.mark.parametrize("line", ["- | -", "a -|- b", "--|--"])
def test_dashes_between_bars_without_alignment_are_not_a_delimiter(line: str) -> None:
    assert detect_layout(f"Phụ lục\n{line}\nTT\tNội dung\n1\tViệc một\n") != "markdown"


def test_every_row_read_by_its_look_says_its_columns_were_lost() -> None:
    # the document's warning alone leaves each record looking sure of its cells: every row
    # says the table lost its columns (a value placed by its look may be in the wrong one)
    doc = extract.read_text(RAW, "blocks")
    body = [r for r in doc.rows if len(r.texts) == 6 and r.texts[0] and r.texts[0] != "TT"]
    assert body and all(r.warnings == ["table_structure_lost"] for r in body)


SECTIONS = """Phụ lục
NHIỆM VỤ KHUYẾN NÔNG NĂM 2026
STT

Nội dung

Chủ trì

Thời gian

A

TRỒNG TRỌT

1

Chuyển giao giống lúa chịu hạn

Phòng Kinh tế

Năm 2026

2

Tập huấn bón phân cân đối

Hội Nông dân xã

Quý II/2026

B

CHĂN NUÔI

3

Tiêm phòng vắc xin cho đàn gia súc

Phòng Kinh tế

Năm 2026

4

Tổ chức hội thi chăn nuôi giỏi

Hội Nông dân xã

Tháng 8/2026

5

Kiểm tra cơ sở giết mổ

Phòng Kinh tế

Hằng quý
"""


def test_section_rows_are_read_and_a_year_deadline_is_no_column_label() -> None:
    # "A" / "TRỒNG TRỌT": a section's number and title in capitals, its own row (they were
    # taken for the title above the table or a row's note); "Năm 2026" under a row is its
    # deadline (it was dropped as a year column's label printed again); a row numbered on
    # whose first text opens like an agency's name was dropped for want of a name
    rows = [r.texts for r in extract.read_text(SECTIONS, "blocks").rows]
    header = rows.index(["TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn",
                         "Ghi chú"])
    data = rows[header + 1:]
    assert [r[:2] for r in data] == [
        ["A", "TRỒNG TRỌT"], ["1", "Chuyển giao giống lúa chịu hạn"],
        ["2", "Tập huấn bón phân cân đối"], ["B", "CHĂN NUÔI"],
        ["3", "Tiêm phòng vắc xin cho đàn gia súc"],
        ["4", "Tổ chức hội thi chăn nuôi giỏi"], ["5", "Kiểm tra cơ sở giết mổ"]]
    assert data[1][4] == "Năm 2026" and data[4][4] == "Năm 2026"
    # a name opening as an agency's ("Tổ chức …") is the row's first text, its row kept
    assert data[5][2:5] == ["Hội Nông dân xã", "", "Tháng 8/2026"]
