from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from shared_files import real_file

from chitieu.extract import markdown
from chitieu.extract import read as read_any
from chitieu.extract import read_text as read_any_text

FIXTURES = Path(__file__).parent.parent / "fixtures"


def table_rows(doc, table):
    return [row for row in doc.rows if row.table == table]


def text_rows(doc):
    return [row for row in doc.rows if row.table is None]


# the start of Phụ lục I of Nghị quyết 03/NQ-CP as transcribed on GitHub (its first 27 lines)
NQ03 = "vn-nq03-2025-phuluc-I-chitieu.md"
NQ03_LINES = 27


@pytest.fixture(scope="module")
def nq03_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return real_file(NQ03, tmp_path_factory.mktemp("nq03"), NQ03_LINES)


@pytest.fixture(scope="module")
def nq03(nq03_path: Path):
    return markdown.read(nq03_path)


@pytest.fixture(scope="module")
def features():
    return markdown.read(FIXTURES / "markdown_features.md")


def test_real_table_lines_outside_the_table_are_one_cell_rows(nq03):
    assert [(row.first_line, row.texts) for row in text_rows(nq03)] == [
        (2, ["PHỤ LỤC I"]),
        (4, ["DANH MỤC CÁC CHỈ TIÊU CỤ THỂ"]),
        (6, ["(Kèm theo Chương trình hành động tại Nghị quyết số /NQ-CP ngày 01 tháng 01 "
             "năm 2025 của Chính phủ)"]),
    ]


def test_real_table_rows_keep_markup_and_source_lines(nq03):
    rows = table_rows(nq03, 0)
    assert rows[0].texts == ["TT", "Chỉ tiêu", "Đơn vị", "Kết quả",
                             "Cơ quan chủ trì theo dõi, đánh giá"]
    assert rows[1].texts == ["**I**", "**Đến năm 2030**", "", "", ""]
    assert (rows[1].first_line, rows[1].last_line) == (11, 11)  # line 10 is the delimiter row
    assert rows[-1].texts[0] == "11.5" and rows[-1].first_line == 27
    assert {len(row.cells) for row in rows} == {5}
    assert nq03.format == "markdown" and nq03.pages == 1 and not nq03.ocr
    assert nq03.warnings == []
    assert all(row.page == 1 for row in nq03.rows)


def test_real_table_line_numbers_point_at_the_source_line(nq03, nq03_path: Path):
    lines = nq03_path.read_text(encoding="utf-8").split("\n")
    for row in table_rows(nq03, 0):
        assert row.texts[1] in lines[row.first_line - 1]


def test_table_without_outer_pipes_and_alignment_delimiter(features):
    rows = table_rows(features, 0)
    assert rows[0].texts == ["TT", "Chỉ tiêu", "Đơn vị chủ trì", "Thời gian"]
    assert rows[1].texts == ["**I**", "**Chỉ tiêu**", "", ""]
    assert all(":---" not in text for row in rows for text in row.texts)


def test_escaped_pipe_is_a_literal_pipe(features):
    rows = table_rows(features, 0)
    assert rows[2].texts[2] == "Văn phòng HĐND | UBND"
    assert rows[4].texts[1] == "Dùng `chitieu | jq` và [cổng dịch vụ](https://dichvucong.gov.vn)"


def test_br_tags_become_line_breaks_in_the_cell(features):
    row = table_rows(features, 0)[3]
    assert row.texts[1:3] == ["Số hóa hồ sơ\nđang giải quyết\nvà lưu trữ",
                              "Công an xã\nBưu điện xã"]


def test_short_rows_are_padded_long_rows_kept_and_flagged(features):
    rows = table_rows(features, 0)
    assert len(rows[4].cells) == 4 and rows[4].texts[2] == "Trung tâm PVHCC"
    # (its missing deadline, between two printed ones, is then read as merged from above)
    assert rows[4].texts[-1] == "Quý II/2026"
    assert rows[5].texts == ["4", "Hàng thừa một ô", "Phòng Kinh tế", "2026", "thừa"]
    assert features.warnings == ["ragged_rows"]


def test_headings_and_emphasis_lines_are_text_rows_with_markup(features):
    texts = [row.texts[0] for row in text_rows(features)]
    assert texts[:3] == [
        "# PHỤ LỤC 2",
        "**CHỈ TIÊU VÀ NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026**",
        "*(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND xã Tân Lập)*",
    ]
    # a prose line with a pipe but no delimiter row under it is not a table
    assert texts[3] == "Ghi chú: | không phải bảng"


def test_second_table_gets_the_next_index_and_repeated_delimiters_are_dropped(features):
    rows = table_rows(features, 1)
    assert [row.texts for row in rows] == [
        ["TT", "Nhiệm vụ", "Sản phẩm"],
        ["1", "Ban hành kế hoạch", "Kế hoạch"],
        ["2", "Tổng hợp báo cáo", "Báo cáo"],
    ]
    assert [row.first_line for row in rows] == [17, 19, 21]
    assert {row.table for row in features.rows} == {None, 0, 1}


def test_rows_in_reading_order(features):
    lines = [row.first_line for row in features.rows]
    assert lines == sorted(lines)


def test_form_feed_starts_a_new_page_and_a_new_table():
    doc = markdown.read_text("| TT | Nhiệm vụ |\n|---|---|\n| 1 | Trang một |\n"
                             "\f| 2 | Trang hai |\n")
    assert [(row.page, row.table, row.texts) for row in doc.rows] == [
        (1, 0, ["TT", "Nhiệm vụ"]), (1, 0, ["1", "Trang một"]), (2, 1, ["2", "Trang hai"]),
    ]
    assert doc.pages == 2


def test_page_break_comment_is_not_a_row():
    doc = markdown.read_text("| a | b |\n|---|---|\n| 1 | 2 |\n<!-- page break -->\n| 3 | 4 |")
    assert [(row.page, row.texts) for row in doc.rows] == [
        (1, ["a", "b"]), (1, ["1", "2"]), (2, ["3", "4"])]


def test_blank_line_ends_a_table():
    doc = markdown.read_text("a | b\n--|--\n1 | 2\n\n3 | 4\nvăn bản")
    assert [(row.table, row.texts) for row in doc.rows] == [
        (0, ["a", "b"]), (0, ["1", "2"]), (None, ["3 | 4"]), (None, ["văn bản"])]


def test_line_without_pipe_ends_a_table():
    doc = markdown.read_text("| a | b |\n|---|---|\n| 1 | 2 |\nNơi nhận:")
    assert [(row.table, row.texts) for row in doc.rows] == [
        (0, ["a", "b"]), (0, ["1", "2"]), (None, ["Nơi nhận:"])]


def test_pipe_rows_without_delimiter_are_a_table():
    doc = markdown.read_text("| 5 | Tỷ lệ | 100% |\n| 6 | Số hộ | 1.000 |")
    assert [(row.table, row.texts) for row in doc.rows] == [
        (0, ["5", "Tỷ lệ", "100%"]), (0, ["6", "Số hộ", "1.000"])]


def test_table_inside_a_code_fence_is_text():
    doc = markdown.read_text("```\n| a | b |\n|---|---|\n```\n")
    assert all(row.table is None for row in doc.rows)
    assert [row.texts[0] for row in doc.rows] == ["```", "| a | b |", "|---|---|", "```"]


def test_single_column_table():
    doc = markdown.read_text("| Nhiệm vụ |\n| --- |\n| Ban hành |")
    assert [row.texts for row in doc.rows] == [["Nhiệm vụ"], ["Ban hành"]]


@pytest.mark.parametrize(("line", "cells"), [
    ("| a | b |", ["a", "b"]),
    ("a | b", ["a", "b"]),
    ("|  | b |", ["", "b"]),
    ("| a \\| b | c |", ["a | b", "c"]),
    ("| a | b \\|", ["a", "b |"]),
    ("| x <br> y | z<br/>w |", ["x\ny", "z\nw"]),
])
def test_split_row(line, cells):
    assert markdown.split_row(line) == cells


@pytest.mark.parametrize(("line", "expected"), [
    ("|---|---|", True), ("| :--- | :---: | ---: |", True), ("--- | ---", True),
    ("| --- |", True), ("---", False), ("| a | --- |", False), ("|", False),
])
def test_is_delimiter_row(line, expected):
    assert markdown.is_delimiter_row(line) is expected


def test_read_decodes_utf16_and_bom(tmp_path):
    text = (FIXTURES / "markdown_features.md").read_text(encoding="utf-8")
    for encoding in ("utf-16", "utf-8-sig"):
        path = tmp_path / f"doc-{encoding}.md"
        path.write_text(text, encoding=encoding)
        doc = markdown.read(path)
        assert [row.texts for row in doc.rows] == [row.texts for row in
                                                   markdown.read_text(text).rows]


def test_registry_sniffs_markdown(nq03_path: Path):
    doc = read_any(nq03_path)
    assert doc.format == "markdown"
    assert read_any_text("| a | b |\n|---|---|\n| 1 | 2 |").format == "markdown"


cell_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"),
                           blacklist_characters="\\<"),
    min_size=0, max_size=12,
).map(str.strip)


def _not_a_delimiter_row(row: list[str]) -> bool:
    return not markdown.is_delimiter_row("|" + "|".join(row) + "|")


@given(st.lists(st.lists(cell_text, min_size=3, max_size=3).filter(_not_a_delimiter_row),
                min_size=1, max_size=5))
def test_cells_round_trip_through_an_escaped_pipe_table(grid):
    lines = ["| h1 | h2 | h3 |", "|---|---|---|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |"
              for row in grid]
    doc = markdown.read_text("\n".join(lines))
    assert [row.texts for row in doc.rows[1:]] == grid
    assert all(row.table == 0 for row in doc.rows)


# typed by hand or by a transcriber that left out the delimiter row under the header
PIPES_WITHOUT_DELIMITER = """PHỤ LỤC I
(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/3/2026 của UBND xã Tân Lập)
| STT | Chỉ tiêu | Đơn vị tính | Chỉ tiêu năm 2026 | Cơ quan chủ trì |
| 1 | Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến | % | ≥ 80 | Văn phòng HĐND và UBND |
| 2 | Tỷ lệ người dân trưởng thành có tài khoản thanh toán | % | ≥ 85 | Phòng Kinh tế |
"""


def test_pipe_rows_without_a_delimiter_row_are_a_markdown_table():
    from chitieu.pipeline import convert_text

    assert read_any_text(PIPES_WITHOUT_DELIMITER).format == "markdown"
    records = convert_text(PIPES_WITHOUT_DELIMITER).records
    assert [(r.key, r.target.value, r.agencies[0].id) for r in records] == [
        ("1", 80, "van-phong-hdnd-ubnd"), ("2", 85, "phong-kinh-te")]


def test_a_pipe_or_two_in_prose_is_not_a_table():
    text = "Mục tiêu | năm 2026 | đạt 80 %\nTT\tChỉ tiêu\tĐơn vị chủ trì\n1\tTỷ lệ\tPhòng Kinh tế\n"
    assert read_any_text(text).format == "text"


def test_a_merged_cell_printed_in_every_slot_it_covers_is_printed_once() -> None:
    # a converter that copies merged text: the group over "Kế hoạch | Ước thực hiện", the
    # header's "STT" again in its second row, a section title in every column; a row whose
    # values repeat (100 | 100) keeps them
    text = ("| STT | Chỉ tiêu | Năm hiện hành 2025 | Năm hiện hành 2025 | Năm 2026 |\n"
            "|---|---|---|---|---|\n"
            "| STT | Chỉ tiêu | Kế hoạch | Ước thực hiện | Năm 2026 |\n"
            "| I | KINH TẾ | KINH TẾ | KINH TẾ | KINH TẾ |\n"
            "| 1 | Tỷ lệ A | 100 | 100 | 100 |\n")
    rows = [r.texts for r in markdown.read_text(text).rows]
    assert rows == [["STT", "Chỉ tiêu", "Năm hiện hành 2025", "", "Năm 2026"],
                    ["", "", "Kế hoạch", "Ước thực hiện", ""],
                    ["I", "KINH TẾ", "", "", ""],
                    ["1", "Tỷ lệ A", "100", "100", "100"]]


FIRST_SLOT = """| **STT** | **Nhiệm vụ** | **Cơ quan thực hiện** |  | **Thời hạn** |
|---|---|---|---|---|
|  |  | **Chủ trì** | **Phối hợp** |  |
| **I** | **KINH TẾ** |  |  |  |
| 1 | Xây dựng kho dữ liệu | Sở Tài chính | Sở Xây dựng | Quý II/2026 |
| 2 | Công khai ngân sách |  | Công an tỉnh |  |
|  |  |  | Bưu điện tỉnh |  |
| 3 | Số hóa hồ sơ |  | Sở Nội vụ | Năm 2026 |
| **II** | **XÃ HỘI** |  |  |  |
| 4 | Tập huấn cán bộ |  | Sở Y tế | Năm 2026 |
"""


def test_a_lead_merged_down_and_printed_in_its_first_slot_is_each_rows() -> None:
    # a converter prints a merged cell in its first slot only: an empty lead under a row
    # that prints one is that merged lead (a task has someone in charge), as the DOCX reader
    # repeats it; the row adding an agency and the section rows are left as printed; no lead
    # is carried over a section row. The deadline of task 2, empty between two printed ones
    # of its section, is merged from task 1 (see SECTION_DEADLINE)
    rows = table_rows(markdown.read_text(FIRST_SLOT), 0)
    assert [r.texts[2] for r in rows[3:]] == [
        "Sở Tài chính", "Sở Tài chính", "", "Sở Tài chính", "", ""]
    assert [r.texts[4] for r in rows[3:]] == [
        "Quý II/2026", "Quý II/2026", "", "Năm 2026", "", "Năm 2026"]
    assert rows[4].warnings == ["cell_placement_uncertain:Chủ trì",
                                "cell_placement_uncertain:Thời hạn"]
    assert rows[3].warnings == [] and rows[7].warnings == []


SECTION_DEADLINE = """| **TT** | **Nhiệm vụ** | **Chủ trì** | **Phối hợp** | **Thời gian** |
|---|---|---|---|---|
| **A** | **VĂN HÓA** |  |  |  |
| 1 | Kiểm kê di tích | Phòng Văn hóa - Xã hội | Các thôn | Năm 2027 |
| 2 | Số hóa hiện vật | Phòng Văn hóa - Xã hội | Công an xã |  |
| 3 | Xây dựng bản đồ số di tích | Phòng Kinh tế |  |  |
| **B** | **Y TẾ** |  |  |  |
| 4 | Khám sàng lọc người cao tuổi | Trạm Y tế xã | Hội Người cao tuổi | Quý I/2027 |
| 5 | Cập nhật hồ sơ sức khỏe | Trạm Y tế xã |  |  |
| 6 | Tuyên truyền tiêm chủng | Trạm Y tế xã | Các thôn | Tháng 5/2027 |
"""


def test_a_deadline_printed_once_for_a_whole_section_is_each_rows() -> None:
    # printed in the section's first row only: one cell merged over the section (was left
    # to the first row); an empty one between two printed ones of a section is merged from
    # the one above too (was left empty: a deadline merged over the first tasks of a group
    # whose next task prints its own)
    rows = table_rows(markdown.read_text(SECTION_DEADLINE), 0)
    assert [r.texts[4] for r in rows[1:]] == [
        "", "Năm 2027", "Năm 2027", "Năm 2027", "", "Quý I/2027", "Quý I/2027", "Tháng 5/2027"]
    assert rows[3].warnings == rows[7].warnings == ["cell_placement_uncertain:Thời gian"]
    assert rows[2].warnings == [] and rows[6].warnings == []


def test_empty_deadlines_ending_a_section_whose_other_rows_print_theirs_stay_empty() -> None:
    # (real vn-nq03 II/42: the last task of its section prints no deadline, and its gold has
    # none) — a merged cell cannot be told from a missing one there
    text = """| **TT** | **Nhiệm vụ** | **Chủ trì** | **Thời hạn** |
|---|---|---|---|
| **I** | **DỮ LIỆU** |  |  |
| 1 | Làm sạch dữ liệu đất đai | Sở Nông nghiệp và Môi trường | Quý I/2027 |
| 2 | Kết nối dữ liệu thuế | Thuế tỉnh | Quý II/2027 |
| 3 | Chia sẻ dữ liệu dân cư | Công an tỉnh |  |
| **II** | **HẠ TẦNG** |  |  |
| 4 | Nâng cấp mạng truyền số liệu | Sở Khoa học và Công nghệ | Năm 2027 |
| 5 | Phủ sóng 5G khu công nghiệp | Các doanh nghiệp viễn thông |  |
| 6 | Lắp đặt camera giao thông | Công an tỉnh |  |
| 7 | Kết nối trung tâm điều hành | Văn phòng UBND tỉnh | Năm 2028 |
"""
    rows = table_rows(markdown.read_text(text), 0)
    assert [r.texts[3] for r in rows[1:]] == [
        "", "Quý I/2027", "Quý II/2027", "", "", "Năm 2027", "Năm 2027", "Năm 2027", "Năm 2028"]
    assert rows[4].warnings == []


def test_a_section_deadline_is_carried_without_an_agency_column() -> None:
    # (review) a table of tasks, deadlines and notes only: the same merged deadline (was
    # left to the first row: the pass ran only where a lead or monitor column stood)
    text = """| **TT** | **Nhiệm vụ** | **Thời gian** | **Ghi chú** |
|---|---|---|---|
| **A** | **VĂN HÓA** |  |  |
| 1 | Kiểm kê di tích | Năm 2027 | Toàn xã |
| 2 | Số hóa hiện vật |  | Nhà văn hóa |
| 3 | Xây dựng bản đồ số di tích |  | Các thôn |
"""
    rows = table_rows(markdown.read_text(text), 0)
    assert [r.texts[2] for r in rows[1:]] == ["", "Năm 2027", "Năm 2027", "Năm 2027"]


GROUP_DEADLINE = """| TT | Ngành | Nội dung | Chủ trì | Phối hợp | Thời gian |
|---|---|---|---|---|---|
| 1 | Nông nghiệp | Xây dựng bản đồ vùng trồng | Phòng Kinh tế | Hội Nông dân xã | Quý II/2026 |
| 2 |  | Cấp mã số vùng trồng | Phòng Kinh tế | Hợp tác xã | Quý III/2026 |
| 3 | Giáo dục | Số hóa học bạ | Các trường học | Phòng Văn hóa - Xã hội | Năm 2026 |
| 4 |  | Tập huấn giáo viên | Phòng Văn hóa - Xã hội | Các trường học |  |
| 5 | Y tế | Khám sức khỏe học sinh | Trạm Y tế xã | Các trường học |  |
| 6 |  | Tiêm chủng mở rộng | Trạm Y tế xã | Các thôn |  |
"""


def test_a_deadline_printed_once_for_a_group_of_a_merged_field_is_each_rows() -> None:
    # the field ("Ngành") printed once over its tasks marks the group a merged deadline
    # covers: printed in the group's first row only, it is each row's (was the first's); a
    # group printing none keeps none
    rows = table_rows(markdown.read_text(GROUP_DEADLINE), 0)
    assert [r.texts[5] for r in rows[1:]] == [
        "Quý II/2026", "Quý III/2026", "Năm 2026", "Năm 2026", "", ""]
    assert rows[4].warnings == ["cell_placement_uncertain:Thời gian"]


def test_a_lead_merged_in_a_table_whose_only_value_is_the_lead() -> None:
    # a table of indicators and their lead only: a row printing its number and name alone,
    # the next number of the rows around it, is a row under a merged lead (was read as a
    # group row: nothing carried); a group's row keeps its items' numbers apart
    text = """| **STT** | **Chỉ tiêu** | **Đơn vị chủ trì** |
|---|---|---|
| 1 | Tỷ lệ trường học có mạng Wi-Fi đạt 100% | Sở Giáo dục và Đào tạo |
| 2 | Tỷ lệ giáo viên được tập huấn kỹ năng số đạt 90% |  |
| 3 | Tỷ lệ hồ sơ bệnh án điện tử đạt 80% | Sở Y tế |
| 4 | Chăm sóc sức khỏe |  |
| 4.1 | Tỷ lệ trạm y tế kết nối dữ liệu đạt 100% | Sở Y tế |
"""
    rows = table_rows(markdown.read_text(text), 0)
    assert [r.texts[2] for r in rows[1:]] == [
        "Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", "Sở Y tế", "", "Sở Y tế"]
    assert rows[2].warnings == ["cell_placement_uncertain:Đơn vị chủ trì"]


def test_a_lead_merged_over_items_numbered_in_the_second_of_two_stt_columns() -> None:
    # "STT" over two columns: the items' numbers stand in the second, the first empty - each
    # is a row of its own, which a merged lead reaches (was read as a row adding an agency:
    # nothing carried); no lead reaches over the Roman group row
    text = """| **STT** |  | **Nhiệm vụ** | **Cơ quan chủ trì** | **Thời hạn** |
|---|---|---|---|---|
| **I** | **DỮ LIỆU** |  |  |  |
|  | 1 | Số hóa sổ hộ tịch | Sở Tư pháp | Quý III/2026 |
|  | 2 | Làm sạch dữ liệu hộ tịch |  | Quý IV/2026 |
| **II** | **DỊCH VỤ SỐ** |  |  |  |
|  | 1 | Thanh toán học phí trực tuyến |  | Năm 2026 |
|  | 2 | Thu phí chợ không dùng tiền mặt | Sở Công Thương |  |
|  | 3 | Hóa đơn điện tử | Sở Tài chính | Quý IV/2026 |
"""
    rows = table_rows(markdown.read_text(text), 0)
    assert [r.texts[3] for r in rows[1:]] == [
        "", "Sở Tư pháp", "Sở Tư pháp", "", "", "Sở Công Thương", "Sở Tài chính"]
    assert rows[3].warnings == ["cell_placement_uncertain:Cơ quan chủ trì"]
    # the items' numbers are no group column: the deadline merged over II/1–II/2 is each's
    assert [r.texts[4] for r in rows[5:]] == ["Năm 2026", "Năm 2026", "Quý IV/2026"]


def test_a_numbered_row_over_lettered_items_is_their_group() -> None:
    # the next number following the row above's, but items "a)", "b)" under it: a group
    text = """| **STT** | **Nhiệm vụ** | **Chủ trì** |
|---|---|---|
| 1 | Ban hành quy chế dữ liệu | Sở Tư pháp |
| 2 | Rà soát thủ tục hành chính |  |
| a) | Thủ tục cấp tỉnh | Văn phòng UBND tỉnh |
| b) | Thủ tục cấp xã | UBND các xã, phường |
"""
    rows = table_rows(markdown.read_text(text), 0)
    assert [r.texts[2] for r in rows[1:]] == [
        "Sở Tư pháp", "", "Văn phòng UBND tỉnh", "UBND các xã, phường"]
    assert rows[2].warnings == []


def test_the_tables_last_row_printing_its_number_and_name_alone_keeps_its_cells_empty() -> None:
    # nothing below it shows a cell merged over it: its empty cells are none
    text = """| **STT** | **Nhiệm vụ** | **Chủ trì** |
|---|---|---|
| 1 | Tổ chức hội nghị triển khai | Văn phòng HĐND và UBND |
| 2 | Kiểm tra việc thực hiện | Phòng Kinh tế |
| 3 | Các nhiệm vụ phát sinh khác |  |
"""
    rows = table_rows(markdown.read_text(text), 0)
    assert [r.texts[2] for r in rows[1:]] == ["Văn phòng HĐND và UBND", "Phòng Kinh tế", ""]
    assert rows[3].warnings == []


def test_a_deadline_merged_over_a_group_under_a_detail_column() -> None:
    # "STT" running beside "Chi tiết" (groups "1", "2", items "a)", "b)"): the item labels are
    # no field printed once over a group (every row started a block of its own, so nothing
    # was carried); the product printed beside that deadline is not carried with it (review
    # r1 F5: a task's product is its own; an empty one is none printed)
    text = ("| **STT** | **Chi tiết** | **Nội dung** | **Chủ trì** | **Sản phẩm** | **Thời hạn** "
            "| **Ghi chú** |\n|---|---|---|---|---|---|---|\n"
            "|  | **1** | **Hạ tầng số** |  |  |  |  |\n"
            "| 1 | a) | Lắp đặt camera an ninh | Công an xã | Hệ thống camera | Quý III/2026 "
            "| Vốn xã hội hóa |\n"
            "| 2 | b) | Kết nối camera với trung tâm | Phòng Kinh tế |  |  |  |\n"
            "|  | **2** | **Dữ liệu số** |  |  |  |  |\n"
            "| 3 | a) | Số hóa hộ tịch | Phòng Văn hóa - Xã hội | Dữ liệu hộ tịch | Năm 2026 |  |\n"
            "| 4 | b) | Làm sạch dữ liệu đất đai | Phòng Kinh tế | Dữ liệu đất đai | Quý IV/2026 "
            "|  |\n")
    rows = table_rows(markdown.read_text(text), 0)
    assert rows[3].texts[4:] == ["", "Quý III/2026", ""]
    assert rows[3].warnings == ["cell_placement_uncertain:Thời hạn"]
    assert rows[6].texts[4:6] == ["Dữ liệu đất đai", "Quý IV/2026"]


def test_a_product_beside_a_merged_deadline_is_not_carried() -> None:
    # review r1 F5: a deadline printed once over tasks 1-2; task 2 prints no product: none
    text = ("| **STT** | **Nhiệm vụ** | **Cơ quan chủ trì** | **Sản phẩm** | **Thời hạn** |\n"
            "|---|---|---|---|---|\n"
            "| 1 | Ban hành quy chế quản lý dữ liệu | Văn phòng UBND | Quyết định | Quý II/2026 |\n"
            "| 2 | Rà soát hạ tầng mạng nội bộ | Phòng Kinh tế |  |  |\n"
            "| 3 | Đo đạc bản đồ địa chính | Phòng Kinh tế | Bản đồ số | Năm 2027 |\n")
    rows = table_rows(markdown.read_text(text), 0)
    assert rows[2].texts[3:] == ["", "Quý II/2026"]
