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


# pdftotext without -layout of a task list whose names' label came out after its rows: no
# reader finds a table in it
OUT_OF_ORDER = "\n".join([
    "PHỤ LỤC", "NHIỆM VỤ KINH TẾ ĐỐI NGOẠI", "TT", "", "Thời gian", "thực hiện", "",
    "Đơn vị chủ trì", "", "Đơn vị phối hợp", "", "1", "",
    "Tổ chức hội nghị xúc tiến thương mại Cục Xúc tiến", "thương mại", "", "Văn phòng Bộ",
    "", "Quý III/2026", "", "2", "", "Xây dựng cơ sở dữ liệu thị trường Trung tâm Thông tin",
    "", "Năm 2026", "", "Nhiệm vụ", ""])


def test_text_no_reader_finds_a_table_in_is_read_by_its_blocks_not_lost() -> None:
    from chitieu.errors import InputError
    from chitieu.pipeline import convert_text

    with pytest.raises(InputError):
        convert_text(OUT_OF_ORDER, "text")  # (the reader named: its error stands)
    doc = convert_text(OUT_OF_ORDER)
    assert [r.number for r in doc.records] == ["1", "2"]
    assert all("table_structure_lost" in r.warnings for r in doc.records)
    assert "table_structure_lost" in doc.warnings


def test_prose_with_no_numbered_rows_is_still_no_table() -> None:
    from chitieu.errors import InputError
    from chitieu.pipeline import convert_text

    with pytest.raises(InputError) as caught:
        convert_text("Kính gửi các phòng, ban.\n\nĐề nghị báo cáo.\n\n1\n\nHết.\n")
    assert caught.value.code == "no_table"
