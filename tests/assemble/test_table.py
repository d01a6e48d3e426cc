"""Table assembly: header, two-row headers, page furniture, table ends, stray lines, joins."""

import pytest

from chitieu.assemble.table import NoTableError, assemble
from chitieu.core.headers import header_candidates, header_unit, line_key
from chitieu.core.types import Cell, RawDocument, RawRow
from chitieu.extract import read_text

HEADER = "TT\tNội dung\tĐơn vị tính\tChỉ tiêu\tCơ quan chủ trì\tThời gian hoàn thành"


def _table(text: str, layout: str = "text"):
    return assemble(read_text(text, layout))


def _names(table) -> list[str]:
    name = table.index_of("name")
    return [" ".join(row.cells[name].split()) for row in table.rows]


def test_header_found_by_its_words_below_a_preamble() -> None:
    table = _table(f"PHỤ LỤC 1\n(Kèm theo Kế hoạch số 1/KH-UBND)\n{HEADER}\n1\tA\t%\t100\tB\t2026")
    assert [c.role for c in table.columns] == [
        "number", "name", "unit", "target", "lead", "deadline"]
    assert len(table.preamble) == 2
    assert _names(table) == ["A"]


def test_no_header_is_an_error() -> None:
    with pytest.raises(NoTableError):
        _table("Một văn bản không có bảng.\nChỉ có hai dòng chữ.")


def test_two_row_header_splits_its_group_cell() -> None:
    table = _table("STT\tNhiệm vụ\tCơ quan thực hiện\t\tThời hạn\n"
                   "\t\tChủ trì\tPhối hợp\t\n"
                   "1\tViệc A\tPhòng Kinh tế\tCông an xã\tQuý I/2026")
    assert [(c.header, c.role) for c in table.columns] == [
        ("STT", "number"), ("Nhiệm vụ", "name"), ("Chủ trì", "lead"),
        ("Phối hợp", "support"), ("Thời hạn", "deadline")]
    assert len(table.rows) == 1


@pytest.mark.parametrize("plan, result", [("Kế hoạch giao", "Thực hiện"),
                                           ("KH giao", "Thực hiện")])
def test_last_years_plan_and_result_under_a_year_group(plan: str, result: str) -> None:
    # "Năm 2025" over "Kế hoạch giao | Thực hiện" beside this year's target: one header of
    # two rows (the result, known only with its group's year, is the baseline; last year's
    # plan no role, said), not two year columns making two records of each row
    table = _table(f"STT\tChỉ tiêu\tĐơn vị tính\tNăm 2025\t\tChỉ tiêu năm 2026\tCơ quan chủ trì\n"
                   f"\t\t\t{plan}\t{result}\t\t\n"
                   "1\tTỷ lệ A\t%\t90\t91\t93\tSở Xây dựng")
    assert [c.role for c in table.columns] == [
        "number", "name", "unit", "unknown", "baseline", "target", "lead"]
    assert f"column_unmapped:{plan} Năm 2025" in table.warnings
    assert len(table.rows) == 1


@pytest.mark.parametrize("share", ["Tỷ lệ %", "Tỷ lệ (%)", "Tỷ lệ đạt (%)", "So sánh (%)"])
def test_a_share_of_the_plan_under_a_year_group_is_a_sub_header(share: str) -> None:
    # review r2 R7: a year group of three sub-columns, the third the share of the plan reached
    # (no role, but a header's word): one header of two rows, not a header row and a record
    table = _table(f"TT\tChỉ tiêu\tĐơn vị\tNăm 2025\t\t\tNăm 2026\n"
                   f"\t\t\tKế hoạch giao\tThực hiện\t{share}\tChỉ tiêu\n"
                   "1\tTỷ lệ A\t%\t50\t51\t102\t60")
    assert [c.role for c in table.columns] == [
        "number", "name", "unit", "unknown", "baseline", "unknown", "target"]
    assert len(table.rows) == 1

@pytest.mark.parametrize("group, years", [("Kết quả thực hiện", ("Năm 2024", "Năm 2025")),
                                          ("Thực hiện", ("2023", "2024", "2025")),
                                          ("Ước thực hiện", ("Năm 2024", "Năm 2025"))])
def test_years_under_a_group_of_results_are_results(group: str, years: tuple[str, ...]) -> None:
    # "Kết quả thực hiện" over "Năm 2024 | Năm 2025": the years hold results (the latest the
    # baseline, the earlier no role), not a target per year making a record per year
    text = (f"STT\tChỉ tiêu\tĐVT\t{group}" + "\t" * len(years) + "Kế hoạch năm 2026\tCơ quan"
            " chủ trì\n\t\t\t" + "\t".join(years) + "\t\t\n1\tTỷ lệ A\t%\t"
            + "\t".join("8" for _ in years) + "\t93\tSở Xây dựng")
    table = _table(text)
    assert [c.role for c in table.columns] == [
        "number", "name", "unit", *["unknown"] * (len(years) - 1), "baseline", "target", "lead"]
    assert table.columns[3].header == f"{group} {years[0]}"
    assert len(table.rows) == 1


def test_years_under_a_group_of_targets_keep_their_own_labels() -> None:
    # "Mục tiêu từng năm" over "2026 | 2027": a target per year, each column its year
    table = _table("STT\tChỉ tiêu\tĐVT\tMục tiêu từng năm\t\tCơ quan chủ trì\n"
                   "\t\t\t2026\t2027\t\n1\tTỷ lệ A\t%\t90\t95\tSở Xây dựng")
    assert [(c.header, c.role) for c in table.columns][3:5] == [("2026", "target"),
                                                               ("2027", "target")]

def test_a_row_adding_an_agency_under_two_numbering_columns_joins_its_task() -> None:
    # "STT" over two columns, the item's number in the second: a task merged over two rows
    # (number, name, lead copied into both) whose second row only adds a support is one row
    table = _table("STT\t\tNội dung\tChủ trì\tPhối hợp\tThời hạn\n"
                   "I\tHẠ TẦNG\t\t\t\t\n"
                   "\t1\tKiểm tra an toàn thông tin\tCông an xã\tVăn phòng HĐND và UBND\tHằng quý\n"
                   "\t1\tKiểm tra an toàn thông tin\tCông an xã\tTrạm Y tế xã\tHằng quý\n"
                   "\t2\tSố hóa sổ hộ tịch\tCông an xã\tTrạm Y tế xã\tNăm 2026")
    assert [row.cells[1] for row in table.rows] == ["HẠ TẦNG", "1", "2"]
    assert table.rows[1].cells[4] == "Văn phòng HĐND và UBND\nTrạm Y tế xã"


def test_a_section_row_under_a_full_header_is_not_a_sub_header() -> None:
    html = ("<table><tr><th>TT</th><th>Chỉ tiêu</th><th>Đơn vị tính</th><th>Kế hoạch 2026</th>"
            "<th>Cơ quan chủ trì</th></tr>"
            "<tr><td colspan='5'><b>A. CHỈ TIÊU VỀ HẠ TẦNG SỐ</b></td></tr>"
            "<tr><td>1</td><td>Tỷ lệ X</td><td>%</td><td>100</td><td>Phòng Kinh tế</td></tr>"
            "</table>")
    table = _table(html, "html")
    assert [c.header for c in table.columns][:2] == ["TT", "Chỉ tiêu"]
    assert [row.cells[0] for row in table.rows] == ["A.", "1"]


@pytest.mark.parametrize("line", ["Trang 2/3", "Trang 2 / 3", "- 2 -", "12", "Page 3 of 4"])
def test_page_furniture_is_dropped(line: str) -> None:
    table = _table(f"{HEADER}\n1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\t2026\n{line}\n"
                   "2\tTỷ lệ B\t%\t90\tPhòng Kinh tế\t2026")
    assert _names(table) == ["Tỷ lệ A", "Tỷ lệ B"]


@pytest.mark.parametrize("footnote", [
    "Ghi chú: Số liệu năm 2025 là số ước thực hiện.",
    "*Ghi chú: chỉ tiêu thuộc Bộ chỉ số DTI.*",
    "(*) Chỉ tiêu thuộc Bộ chỉ số DTI.",
    "Nguồn số liệu năm 2025: Báo cáo của UBND xã.",
    "TM. ỦY BAN NHÂN DÂN",
    # the office written with a slash or "TUQ." (scan_dev13's signed pages)
    "T/M BAN CHẤP HÀNH",
    "K/T GIÁM ĐỐC",
    "K/T TRƯỞNG BAN",
    "T/L CHÁNH VĂN PHÒNG",
    "TUQ. CHỦ TỊCH",
])
def test_footnotes_and_signatures_end_the_table(footnote: str) -> None:
    table = _table(f"{HEADER}\n1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\t2026\n{footnote}\nCHỦ TỊCH")
    assert _names(table) == ["Tỷ lệ A"]
    assert len(table.trailing) == 2


def test_line_keys_keep_punctuation() -> None:
    assert line_key("Trang  2/3") == "trang 2/3"
    assert line_key("Ghi chú:") == "ghi chu:"


def test_a_line_before_a_repeated_header_is_not_a_continuation() -> None:
    table = _table(f"{HEADER}\n1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\t2026\n"
                   f"PHỤ LỤC 01 (tiếp theo)\n{HEADER}\n2\tTỷ lệ B\t%\t90\tPhòng Kinh tế\t2026")
    assert _names(table) == ["Tỷ lệ A", "Tỷ lệ B"]
    assert table.rows[1].after_page_break


def test_a_header_marked_tiep_theo_is_dropped() -> None:
    marked = HEADER.replace("Nội dung", "Nội dung (tiếp theo)")
    table = _table(f"{HEADER}\n1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\t2026\n{marked}\n"
                   "\tcủa xã\t\t\t\t\n2\tTỷ lệ B\t%\t90\tPhòng Kinh tế\t2026")
    assert _names(table) == ["Tỷ lệ A của xã", "Tỷ lệ B"]
    assert table.rows[0].warnings == ["row_joined_across_pages"]


def test_wrapped_lines_join_their_row_and_keep_line_breaks_between_agencies() -> None:
    table = _table(f"{HEADER}\n1\tTỷ lệ hộ dùng\t%\t100\tPhòng Kinh tế\tTrước ngày\n"
                   "\tnước sạch\t\t\tCông an xã\t30/6/2026\n"
                   "2\tTỷ lệ B\t%\t90\tPhòng Kinh tế\t2026")
    first = table.rows[0]
    assert first.cells == ["1", "Tỷ lệ hộ dùng nước sạch", "%", "100",
                           "Phòng Kinh tế\nCông an xã", "Trước ngày 30/6/2026"]
    assert first.lines == (1 + 1, 2 + 1)
    assert first.warnings == ["row_joined"]


def test_text_outside_the_tables_never_joins_a_row() -> None:
    md = ("| TT | Nội dung | Chỉ tiêu | Cơ quan chủ trì |\n|---|---|---|---|\n"
          "| 1 | Tỷ lệ A | 100% | Phòng Kinh tế |\n\n**Bảng 2. Chỉ tiêu khác**\n\n"
          "| TT | Nội dung | Chỉ tiêu | Cơ quan chủ trì |\n|---|---|---|---|\n"
          "| 2 | Tỷ lệ B | 90% | Phòng Kinh tế |\n\nỦY BAN NHÂN DÂN XÃ")
    assert _names(_table(md, "markdown")) == ["Tỷ lệ A", "Tỷ lệ B"]


def test_a_footer_row_spanning_the_table_is_not_a_continuation() -> None:
    html = ("<table><tr><th>TT</th><th>Nội dung</th><th>Chỉ tiêu</th></tr>"
            "<tr><td>1</td><td>Tỷ lệ A</td><td>100%</td></tr>"
            "<tfoot><tr><td colspan='3'>Số liệu theo báo cáo tổng kết năm 2025.</td></tr></tfoot>"
            "</table><p>Nơi nhận</p>")
    assert _names(_table(html, "html")) == ["Tỷ lệ A"]


def test_a_row_continued_in_the_next_table_after_a_page_break_is_joined() -> None:
    html = ("<table><tr><th>TT</th><th>Nội dung</th><th>Chỉ tiêu</th></tr>"
            "<tr><td>1</td><td>Vận động hộ kinh doanh</td><td>70%</td></tr></table>"
            "<p>- 1 -</p><div style='page-break-before: always'><table>"
            "<tr><td></td><td>thanh toán không dùng tiền mặt</td><td></td></tr>"
            "<tr><td>2</td><td>Tỷ lệ B</td><td>90%</td></tr></table></div>")
    table = _table(html, "html")
    assert _names(table) == ["Vận động hộ kinh doanh thanh toán không dùng tiền mặt", "Tỷ lệ B"]
    assert table.rows[0].warnings == ["row_joined_across_pages"]


def test_a_section_title_wrapped_on_its_own_line_is_kept() -> None:
    table = _table(f"{HEADER}\nII PHÁT TRIỂN NGUỒN LỰC\t\t\t\t\t\n"
                   "1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\t2026")
    assert [row.cells[:2] for row in table.rows] == [
        ["II", "PHÁT TRIỂN NGUỒN LỰC"], ["1", "Tỷ lệ A"]]


def test_a_bare_section_number_takes_the_title_on_the_next_row() -> None:
    table = _table(f"{HEADER}\n**5.1**\t\t\t\t\t\n\t**Thương mại**\t\t\t\t\n"
                   "5.1.1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\t2026")
    assert [[" ".join(c.split()) for c in row.cells[:2]] for row in table.rows] == [
        ["**5.1**", "**Thương mại**"], ["5.1.1", "Tỷ lệ A"]]


def test_a_group_row_labelled_only_in_a_second_numbering_column_is_its_own_row() -> None:
    header = "TT\tChi tiết\tTên nhiệm vụ\tĐơn vị chủ trì\tThời hạn"
    table = _table(f"{header}\n8\th)\tDữ liệu giáo dục\tSở Giáo dục và Đào tạo\t30/8/2026\n"
                   "\t2\tCao điểm về dữ liệu đất đai\tSở Nông nghiệp và Môi trường\tTheo mốc\n"
                   "9\ta)\tĐối với thửa đất đã đo đạc\tSở Nông nghiệp và Môi trường\t30/7/2026")
    assert _names(table) == ["Dữ liệu giáo dục", "Cao điểm về dữ liệu đất đai",
                             "Đối với thửa đất đã đo đạc"]


def test_rows_named_by_an_activity_with_four_digit_values_are_rows() -> None:
    # "Thu từ hoạt động …" reads like the header word "Nội dung hoạt động", and a workbook
    # keeps 2780 where paper prints "2.780": such a row under a "-" once crashed assembly,
    # and without its label it started a new table
    header = "STT\tChỉ tiêu\tĐơn vị tính\tƯớc thực hiện 2025\tKế hoạch 2026"
    table = _table(f"{header}\n1\tTổng thu ngân sách\tTỷ đồng\t13050\t14200\n"
                   "-\tThu từ hoạt động sản xuất kinh doanh\tTỷ đồng\t2780\t3100\n"
                   "\tThu từ hoạt động xuất nhập khẩu\tTỷ đồng\t1240\t1320\n"
                   "2\tTổng chi ngân sách\tTỷ đồng\t19400\t20150")
    assert _names(table) == ["Tổng thu ngân sách", "Thu từ hoạt động sản xuất kinh doanh",
                             "Thu từ hoạt động xuất nhập khẩu", "Tổng chi ngân sách"]


@pytest.mark.parametrize(("cell", "role"), [("2026", "target"), ("1240", "unknown"),
                                            ("3100", "unknown"), ("-", None)])
def test_a_bare_number_heads_a_column_only_as_a_year(cell: str, role: str | None) -> None:
    assert (header_candidates(cell) or (None,))[0] == role


def test_unknown_columns_are_reported() -> None:
    table = _table(f"{HEADER}\tMã định danh\n1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\t2026\tX1")
    assert table.warnings == ["column_unmapped:Mã định danh"]


@pytest.mark.parametrize(("header", "role"), [
    ("Kết quả thực hiện năm 2025", "baseline"),
    ("Kết quả dự kiến", "note"),
    ("Kết quả đạt được năm 2025", "baseline"),
    ("Ước thực hiện năm 2025", "baseline"),
    ("Chỉ tiêu năm 2026 (%)", "target"),
    ("Kế hoạch 2026 (triệu đồng)", "target"),
    ("Cơ quan đầu mối", "lead"),
    ("Đơn vị chủ trì", "lead"),
    ("Đơn vị phối hợp", "support"),
    ("Cơ quan chủ trì theo dõi", "monitor"),
    ("Thời hạn", "deadline"),
    ("Tiến độ thực hiện", "deadline"),
    ("Sản phẩm", "note"),
    ("Nội dung nhiệm vụ", "name"),
    ("ĐVT", "unit"),
    ("Kinh phí (triệu đồng)", "unknown"),
    # socio-economic plans: last year's result, this year's plan, and comparisons of the two
    # (neither the goal nor the baseline)
    ("Thực hiện 2025", "baseline"),
    ("TH năm 2025", "baseline"),
    ("Ước TH 2025", "baseline"),
    ("KH năm 2026", "target"),
    ("Kế hoạch năm 2026", "target"),
    ("Chỉ tiêu kế hoạch năm 2026", "target"),
    ("Chỉ tiêu Nghị quyết năm 2026", "target"),
    ("Dự kiến năm 2026", "target"),
    # a plan for a part of the year: the months done so far are the baseline
    ("Thực hiện 6 tháng đầu năm 2026", "baseline"),
    ("Ước thực hiện 9 tháng năm 2026", "baseline"),
    ("Kế hoạch 6 tháng cuối năm 2026", "target"),
    ("Chỉ tiêu quý IV năm 2026", "target"),
    ("So sánh (%)", "unknown"),
    ("So sánh KH 2026/ƯTH 2025 (%)", "unknown"),
    ("KH 2026 so với ƯTH 2025 (%)", "unknown"),
    ("Ước thực hiện 2025 so với kế hoạch (%)", "unknown"),
    ("Ước TH năm 2025 so với cùng kỳ (%)", "unknown"),
    ("Tỷ lệ KH 2026/ƯTH 2025 (%)", "unknown"),
    ("Tăng, giảm (%)", "unknown"),
    ("KH 2026/TH 2025", "unknown"),
    # Đề án 06 plans
    ("Lực lượng thực hiện", "lead"),
    ("Cơ quan tham mưu", "lead"),
    # commune layouts: an explanation column is a remark, not a second name; a person or
    # post answerable for the row leads it; a roadmap is the deadline
    ("Giải thích chỉ tiêu", "note"),
    ("Cách tính", "note"),
    ("Người thực hiện", "lead"),
    ("Công chức phụ trách", "lead"),
    ("Cán bộ phụ trách", "lead"),
    ("Người/bộ phận chịu trách nhiệm", "lead"),
    ("Lộ trình", "deadline"),
    ("Lô trình", "deadline"),
    # what a row is named by ("Tên …"), the target a level assigns or sets
    ("Tên dịch vụ công", "name"),
    ("Tên thủ tục hành chính", "name"),
    ("Tên đơn vị thực hiện", "unknown"),
    ("Chỉ tiêu tỉnh giao", "target"),
    ("Chỉ tiêu huyện giao năm 2026", "target"),
    ("Chỉ tiêu xã phấn đấu", "target"),
    # education plans count by school year ("năm học 2025-2026"), not calendar year
    ("Thực hiện năm học 2024-2025", "baseline"),
    ("Ước thực hiện năm học 2024 - 2025", "baseline"),
    ("Kế hoạch năm học 2025-2026", "target"),
    ("Chỉ tiêu năm học 2025-2026", "target"),
    # a time of assessment or report is a time, not who assesses ("theo dõi, đánh giá")
    ("Thời gian đánh giá", "deadline"),
    ("Thời hạn báo cáo kết quả kiểm tra", "deadline"),
    # what a row does, named by its activity: a plan of supervision or inspection names
    # its rows "Nội dung giám sát" / "Nhiệm vụ kiểm tra" (the rows, not who supervises)
    ("Nội dung giám sát", "name"),
    ("Nội dung kiểm tra, giám sát", "name"),
    ("Nhiệm vụ kiểm tra", "name"),
    ("Nội dung phối hợp", "name"),
    # the estimate under a group naming the year the plan is written in
    ("Năm hiện hành 2025 Ước thực hiện", "baseline"),
    # "Chỉ tiêu" under a plan's year group is the plan's target, not the indicators' names
    ("Kế hoạch năm 2026 Chỉ tiêu", "target"),
    ("KH 2026 Chỉ tiêu", "target"),
    ("Mục tiêu đến năm 2030 Chỉ tiêu", "target"),
])
def test_header_wordings(header: str, role: str) -> None:
    assert header_candidates(header)[0] == role


@pytest.mark.parametrize(("header", "unit"), [
    ("Chỉ tiêu năm 2026 (%)", "%"),
    ("Kế hoạch 2026 ( triệu đồng )", "triệu đồng"),
    ("Chỉ tiêu năm 2026", None),
    ("Chỉ tiêu (1)", None),
    ("Kết quả cần đạt (Định lượng)", None),
    ("Mục tiêu (định tính)", None),
])
def test_a_unit_printed_in_a_header(header: str, unit: str | None) -> None:
    assert header_unit(header) == unit


def test_a_part_row_is_split_into_number_and_title_and_never_joins_a_row() -> None:
    table = _table(f"{HEADER}\n- \tTổ chức hội nghị\t\tPhòng Kinh tế\t2026\n"
                   "PHẦN II. CÁC NHIỆM VỤ\t\t\t\t\t\n1.\tViệc A\t\tPhòng Kinh tế\t2026")
    assert [row.cells[:2] for row in table.rows] == [
        ["- ", "Tổ chức hội nghị"], ["PHẦN II.", "CÁC NHIỆM VỤ"], ["1.", "Việc A"]]


def test_header_words_wrapped_onto_a_second_line() -> None:
    wrapped = "TT\tNội dung\tĐơn vị\tChỉ tiêu\tĐơn vị chủ trì\n\t\ttính\tnăm 2026\tthực hiện"
    table = _table(f"{wrapped}\n1\tTỷ lệ A\t%\t≥ 80\tPhòng Kinh tế\n{wrapped}\n"
                   "2\tTỷ lệ B\t%\t≥ 90\tPhòng Kinh tế")
    assert [(c.header, c.role) for c in table.columns] == [
        ("TT", "number"), ("Nội dung", "name"), ("Đơn vị tính", "unit"),
        ("Chỉ tiêu năm 2026", "target"), ("Đơn vị chủ trì thực hiện", "lead")]
    assert _names(table) == ["Tỷ lệ A", "Tỷ lệ B"]


def test_number_and_name_printed_in_the_number_column() -> None:
    table = _table(f"{HEADER}\n2. Tỷ lệ B\t\t%\t≥ 90\tPhòng Kinh tế\t2026")
    assert table.rows[0].cells[:2] == ["2.", "Tỷ lệ B"]


def test_an_agency_line_wrapped_before_a_page_break_joins_its_row() -> None:
    table = _table(f"{HEADER}\n1\tTỷ lệ A\t%\t≥ 80\tTrung tâm Phục vụ\t2026\n"
                   f"\t\t\t\thành chính công\t\n{HEADER}\n2\tTỷ lệ B\t%\t≥ 90\tPhòng Kinh tế\t2026")
    assert [row.cells[4] for row in table.rows] == [
        "Trung tâm Phục vụ\nhành chính công", "Phòng Kinh tế"]


def test_a_numbered_line_outside_the_reader_tables_is_still_a_row() -> None:
    rows = read_text(f"{HEADER}\n1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\t2026", "text").rows
    for row in rows:
        row.table = 0
    rows.append(RawRow([Cell("2 Tỷ lệ B 90% Phòng Kinh tế 2026")], first_line=3, last_line=3))
    rows.append(RawRow([Cell("Bảng 2. Các nhiệm vụ")], first_line=4, last_line=4))
    table = assemble(RawDocument(rows=rows, format="image"))
    assert [row.cells[0] for row in table.rows] == ["1", "2"]


def test_a_header_over_three_rows_names_the_leaves() -> None:
    table = _table("TT\tChỉ tiêu\tPhân công thực hiện\t\t\n"
                   "\t\tCơ quan thực hiện\t\tCơ quan theo dõi, đánh giá\n"
                   "\t\tChủ trì\tPhối hợp\t\n"
                   "1\tTỷ lệ A\tPhòng Kinh tế\tCông an xã\tVăn phòng HĐND và UBND")
    assert [c.role for c in table.columns] == ["number", "name", "lead", "support", "monitor"]
    assert _names(table) == ["Tỷ lệ A"]


def test_the_same_header_under_another_appendix_label_starts_another_table() -> None:
    table = _table(f"PHỤ LỤC I\n{HEADER}\n1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\t2026\n"
                   f"PHỤ LỤC II\n{HEADER}\n1\tTỷ lệ B\t%\t90\tPhòng Kinh tế\t2026")
    assert [_names(t) for t in table.all_tables] == [["Tỷ lệ A"], ["Tỷ lệ B"]]


@pytest.mark.parametrize("signature", [
    "\t\t\t\tKT. CHỦ TỊCH\t",
    "Nơi nhận:\t\t\t\tTM. ỦY BAN NHÂN DÂN\t",
    "\t\t\t\t\tPHÓ CHỦ TỊCH",
    "\t\t\t\tT/M ĐẢNG ỦY\t",
])
def test_a_signature_block_in_a_right_hand_column_ends_the_table(signature: str) -> None:
    table = _table(f"{HEADER}\n1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\tThường xuyên\n\n"
                   f"{signature}\n\t\t\t\tNguyễn Văn B\t")
    assert _names(table) == ["Tỷ lệ A"]
    assert table.rows[0].cells[5] == "Thường xuyên"


def test_quarter_columns_under_a_time_group_are_deadline_columns() -> None:
    table = _table("TT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian thực hiện\t\t\t\n"
                   "\t\t\tQuý I\tQuý II\tQuý III\tQuý IV\n"
                   "1\tRà soát dữ liệu\tCông an xã\tx\tx\t\t")
    assert [c.header for c in table.columns][3:] == [
        "Thời gian thực hiện Quý I", "Thời gian thực hiện Quý II",
        "Thời gian thực hiện Quý III", "Thời gian thực hiện Quý IV"]
    assert [c.role for c in table.columns][3:] == ["deadline"] * 4
    assert _names(table) == ["Rà soát dữ liệu"]


@pytest.mark.parametrize("stamp", [
    "Ký bởi: Bộ Tài chính\nCơ quan: Bộ Tài chính\nThời gian ký: 18.08.2026 16:40:00 +07:00",
    "Người ký: Sở Y tế tỉnh Vĩnh Long\nEmail: syt@vinhlong.gov.vn",
    "\t\t\t\tKý bởi: Ủy ban Nhân dân xã Tân Lạc\t",
])
def test_a_digital_signatures_stamp_under_the_table_ends_it(stamp: str) -> None:
    # a signed PDF's stamp drawn at the document's end, under its last table (was read as
    # the last row's name going on: "Tỷ lệ A Ký bởi: Bộ Tài chính Cơ quan: …")
    table = _table(f"{HEADER}\n1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\tThường xuyên\n\n{stamp}")
    assert _names(table) == ["Tỷ lệ A"]
    assert table.rows[0].cells[4] == "Phòng Kinh tế"


@pytest.mark.parametrize("stamp", [
    "Ký bởi: Ủy ban nhân dân xã Tân Lạc\nThời gian ký: 12.03.2026 08:00:00 +07:00",
    "\t\t\t\tNgười ký: Ủy ban Nhân dân xã Tân Lạc,\t\n\t\t\t\ttỉnh Phú Thọ\t\n"
    "\t\t\t\tEmail: tanlac@phutho.gov.vn\t",
])
def test_a_digital_signatures_stamp_between_two_rows_is_skipped(stamp: str) -> None:
    # a signed page's stamp read between two rows ends no table: the rows numbered on under
    # it are the table's, and the stamp's lines are no row's words
    table = _table(f"{HEADER}\n1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\tThường xuyên\n{stamp}\n"
                   "2\tTỷ lệ B\t%\t90\tCông an xã\tQuý II/2026\n"
                   "3\tTỷ lệ C\t%\t80\tCác thôn\tQuý III/2026")
    assert _names(table) == ["Tỷ lệ A", "Tỷ lệ B", "Tỷ lệ C"]
    assert [row.cells[4] for row in table.rows] == ["Phòng Kinh tế", "Công an xã", "Các thôn"]
    assert not any(w.startswith("rows_after_table_end") for w in table.warnings)


@pytest.mark.parametrize(("after_stamp", "names"), [
    # a group row under the stamp (review r2: the table stayed ended, rows 2-3 lost)
    ("II\tNHÓM B\t\t\t\t\n2\tTỷ lệ B\t%\t90\tCông an xã\tQuý II/2026\n",
     ["Tỷ lệ A", "NHÓM B", "Tỷ lệ B", "Tỷ lệ C"]),
    # the rest of row 1's name, wrapped after the stamp (a page break)
    ("\tvà cải cách hành chính\t\t\t\t\n2\tTỷ lệ B\t%\t90\tCông an xã\tQuý II/2026\n",
     ["Tỷ lệ A và cải cách hành chính", "Tỷ lệ B", "Tỷ lệ C"]),
])
def test_a_table_goes_on_under_a_stamp_by_a_group_row_or_a_wrapped_rest(
        after_stamp: str, names: list[str]) -> None:
    table = _table(f"{HEADER}\n1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\tThường xuyên\n"
                   "Ký bởi: Ủy ban nhân dân xã Tân Lạc\n"
                   "Thời gian ký: 12.03.2026 08:00:00 +07:00\n"
                   f"{after_stamp}3\tTỷ lệ C\t%\t80\tCác thôn\tQuý III/2026")
    assert _names(table) == names
    assert not any(w.startswith("rows_after_table_end") for w in table.warnings)


@pytest.mark.parametrize("rest", [
    "\tvà cải cách hành chính\t\t\t\t",  # in the name's column
    "và cải cách hành chính",  # a line without tabs, where the stamp's line stood
])
def test_a_rows_wrapped_rest_under_a_one_line_stamp_is_the_rows(rest: str) -> None:
    # review r2 R1: with no time line under "Ký bởi: …", the row's wrapped rest was taken
    # for the rest of the stamp's name and dropped without a word
    table = _table(f"{HEADER}\n1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\tThường xuyên\n"
                   f"Ký bởi: Ủy ban nhân dân xã Tân Lạc\n{rest}\n"
                   "2\tTỷ lệ B\t%\t90\tCông an xã\tQuý II/2026")
    assert _names(table) == ["Tỷ lệ A và cải cách hành chính", "Tỷ lệ B"]


@pytest.mark.parametrize("stamp", [
    "Ký bởi: Ủy ban Nhân dân xã Tân Lạc,\ntỉnh Phú Thọ",
    "\t\t\t\tKý bởi: Ủy ban Nhân dân phường Hạ\t\n\t\t\t\tLong, tỉnh Quảng Ninh\t",
])
def test_a_one_line_stamps_wrapped_name_stays_the_stamps(stamp: str) -> None:
    table = _table(f"{HEADER}\n1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\tThường xuyên\n{stamp}\n"
                   "2\tTỷ lệ B\t%\t90\tCông an xã\tQuý II/2026")
    assert _names(table) == ["Tỷ lệ A", "Tỷ lệ B"]
    assert [row.cells[4] for row in table.rows] == ["Phòng Kinh tế", "Công an xã"]


def test_a_signature_after_a_stamp_still_ends_the_table() -> None:
    table = _table(f"{HEADER}\n1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\tThường xuyên\n"
                   "Ký bởi: Ủy ban nhân dân xã Tân Lạc\n\t\t\t\tTM. ỦY BAN NHÂN DÂN\t\n"
                   "2\tTỷ lệ B\t%\t90\tCông an xã\tQuý II/2026")
    assert _names(table) == ["Tỷ lệ A"]


def test_a_numbered_row_left_below_the_tables_end_is_warned_of() -> None:
    """A table under a header none of whose cells names the rows ("Danh sách dịch vụ") is
    not read, but its rows are not dropped in silence; a signature's lines are no such rows."""
    table = _table(f"{HEADER}\n1\tA\t%\t100\tB\t2026\n\nNơi nhận:\tCHỦ TỊCH\n"
                   "- Lưu: VT.\tNguyễn Văn A\n"
                   "STT\tDanh sách dịch vụ\tCơ quan thực hiện\tThời gian\n"
                   "1\tĐăng ký khai sinh\tCông an xã\tQuý II/2026\n"
                   "2\tĐăng ký thường trú\tCông an xã\tQuý III/2026\n")
    assert _names(table) == ["A"]
    assert table.warnings == ["rows_after_table_end:line 7"]


def test_a_header_naming_its_rows_with_ten_starts_a_table() -> None:
    """"Tên dịch vụ công", "Tên thủ tục hành chính": the name column of the next table."""
    table = _table(f"{HEADER}\n1\tA\t%\t100\tB\t2026\n\nNơi nhận:\tCHỦ TỊCH\n"
                   "STT\tTên dịch vụ công\tCơ quan thực hiện\tThời gian\n"
                   "1\tĐăng ký khai sinh\tCông an xã\tQuý II/2026\n")
    assert [_names(t) for t in (table, *table.following)] == [["A"], ["Đăng ký khai sinh"]]
    assert table.warnings == []


@pytest.mark.parametrize(("header", "roles"), [
    # beside "Chỉ tiêu" (the names), a target set by a level is no second name column: the
    # names and targets were swapped
    ("STT\tChỉ tiêu\tĐơn vị tính\tChỉ tiêu tỉnh giao\tChỉ tiêu xã phấn đấu",
     ["number", "name", "unit", "unknown", "target"]),
    ("STT\tChỉ tiêu\tĐơn vị tính\tChỉ tiêu tỉnh giao", ["number", "name", "unit", "target"]),
    # the term's goal is the target alone, no role beside this year's
    ("STT\tChỉ tiêu\tĐơn vị tính\tChỉ tiêu Nghị quyết Đại hội nhiệm kỳ 2025-2030",
     ["number", "name", "unit", "target"]),
    ("STT\tChỉ tiêu\tĐơn vị tính\tChỉ tiêu Nghị quyết Đại hội nhiệm kỳ 2025-2030\t"
     "Ước thực hiện năm 2025\tKế hoạch năm 2026",
     ["number", "name", "unit", "unknown", "baseline", "target"]),
])
def test_targets_headed_chi_tieu_beside_the_names(header: str, roles: list[str]) -> None:
    table = _table(f"{header}\n1\tTỷ lệ hồ sơ trực tuyến\t%\t80\t85\t90\n")
    assert [c.role for c in table.columns] == roles
    assert _names(table) == ["Tỷ lệ hồ sơ trực tuyến"]


def test_the_columns_lettered_then_numbered_are_no_row() -> None:
    # statistics offices letter the text columns and number the figures: "A B C 1 2 3"
    table = _table(f"{HEADER}\nA\tB\tC\t1\t2\t3\n1.\tViệc A\t%\t90\tPhòng Kinh tế\t2026")
    assert [row.cells[:2] for row in table.rows] == [["1.", "Việc A"]]


def test_the_baseline_is_the_latest_result() -> None:
    """"Thực hiện năm 2024" beside "Ước thực hiện năm 2025": last year's result is the
    baseline (the earlier year's was taken, being first)."""
    table = _table("TT\tChỉ tiêu\tĐơn vị tính\tThực hiện năm 2024\tƯớc thực hiện năm 2025\t"
                   "Kế hoạch năm 2026\n1\tTốc độ tăng trưởng GRDP\t%\t8,1\t8,7\t10\n")
    assert [c.role for c in table.columns] == [
        "number", "name", "unit", "unknown", "baseline", "target"]


def test_a_trong_do_row_under_cells_merged_over_its_parts_is_no_row() -> None:
    """DOCX, HTML, PDF and XLSX readers repeat a cell merged over a row and its parts in
    every row it spans: "Trong đó:" then repeats the agency and deadline above it and says
    nothing of its own, so it is no row (as when printed alone)."""
    agency, when = "Trung tâm Phục vụ hành chính công", "Năm 2026"
    table = _table(f"{HEADER}\n1\tTỷ lệ hồ sơ xử lý trực tuyến\t%\t≥ 80\t{agency}\t{when}\n"
                   f"\tTrong đó:\t\t\t{agency}\t{when}\n"
                   f"-\tToàn trình\t%\t≥ 60\t{agency}\t{when}\n"
                   f"2\tTỷ lệ hồ sơ số hóa\t%\t100\t{agency}\tThường xuyên")
    assert _names(table) == ["Tỷ lệ hồ sơ xử lý trực tuyến", "Toàn trình", "Tỷ lệ hồ sơ số hóa"]


def test_a_trong_do_row_with_a_value_of_its_own_stays_a_row() -> None:
    table = _table(f"{HEADER}\n1\tTổng thu ngân sách\tTỷ đồng\t7.500\tPhòng Kinh tế\t2026\n"
                   "\tTrong đó:\tTỷ đồng\t6.700\tPhòng Kinh tế\t2026\n")
    assert _names(table) == ["Tổng thu ngân sách", "Trong đó:"]


def test_in_which_under_agency_cells_merged_over_it_is_no_row() -> None:
    # the DOCX / PDF readers copy a cell merged over a row, its "Trong đó:" row and its
    # "-" rows into each: "Trong đó:" then stands beside the row's agencies, still no row
    table = _table("TT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2026\tCơ quan chủ trì theo dõi\n"
                   "3\tTổng thu ngân sách\tTỷ đồng\t11.000\tSở Tài chính\n"
                   "\tTrong đó:\t\t\tSở Tài chính\n"
                   "-\tThu nội địa\tTỷ đồng\t8.100\tSở Tài chính\n")
    assert _names(table) == ["Tổng thu ngân sách", "Thu nội địa"]


@pytest.mark.parametrize("label", ["TL", "SLUL"])
def test_a_first_column_under_a_short_unknown_label_holding_row_numbers_is_the_number(
        label: str) -> None:
    """A scan's "STT" read "SLUL": the cells under it ("I", "1", "2" …) say what it is."""
    table = _table(f"{label}\tNội dung nhiệm vụ\tChủ trì\tPhối hợp\tThời gian\n"
                   "I\tCảng biển\t\t\t\n1\tNghiên cứu A\tSở Xây dựng\tSở Tài chính\tNăm 2027\n"
                   "2\tXây dựng B\tSở Công Thương\tSở Xây dựng\tNăm 2027\n"
                   "3\tHiện đại hóa C\tSở Xây dựng\tSở Tài chính\tQuý IV/2026")
    assert table.columns[0].role == "number"


@pytest.mark.parametrize(("header", "roles"), [
    # a field the rows are grouped by, printed once in a cell merged over its rows, beside the
    # rows' own name column: no second name column (its words joined every task's name)
    ("STT\tLĩnh vực\tNhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành",
     ["number", "unknown", "name", "lead", "deadline"]),
    ("STT\tNgành, lĩnh vực\tNhiệm vụ, giải pháp\tĐơn vị chủ trì\tThời hạn hoàn thành",
     ["number", "unknown", "name", "lead", "deadline"]),
    # beside "Chỉ tiêu" (a name or a target): "Chỉ tiêu" keeps the names
    ("TT\tLĩnh vực\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2026",
     ["number", "unknown", "name", "unit", "target"]),
    # alone, the field is what the rows name
    ("STT\tLĩnh vực\tCơ quan chủ trì\tThời gian hoàn thành",
     ["number", "name", "lead", "deadline"]),
    # a group of indicators or tasks likewise
    ("STT\tNhóm chỉ tiêu\tTên chỉ tiêu\tĐơn vị tính\tKế hoạch năm 2026",
     ["number", "unknown", "name", "unit", "target"]),
    ("STT\tNhóm nhiệm vụ\tNhiệm vụ cụ thể\tCơ quan chủ trì\tThời hạn",
     ["number", "unknown", "name", "lead", "deadline"]),
    ("STT\tNhóm nhiệm vụ\tCơ quan chủ trì\tThời hạn", ["number", "name", "lead", "deadline"]),
])
def test_a_field_column_beside_the_names_is_no_name(header: str, roles: list[str]) -> None:
    table = _table(f"{header}\n1\tKinh tế số\tViệc A\tSở Công Thương\tNăm 2026\n")
    assert [c.role for c in table.columns][:len(roles)] == roles
    if roles[1] == "unknown":  # the field's values are read into no field: said, not dropped
        assert f"column_unmapped:{header.split(chr(9))[1]}" in table.warnings


def test_a_header_over_three_rows_each_group_in_its_first_slot() -> None:
    # Markdown of merged cells: "Phân công thực hiện" over "Cơ quan thực hiện" over "Chủ trì" /
    # "Phối hợp", each group printed in its first slot, the slot after it empty in both
    table = _table("| TT | Nội dung | Phân công thực hiện |  | Thời gian |\n|---|---|---|---|---|\n"
                   "|  |  | Cơ quan thực hiện |  |  |\n|  |  | Chủ trì | Phối hợp |  |\n"
                   "| 1 | Việc A | Sở Nội vụ | Sở Tư pháp | Tháng 3/2026 |\n", "markdown")
    assert [c.role for c in table.columns] == ["number", "name", "lead", "support", "deadline"]
    assert _names(table) == ["Việc A"]


def test_a_row_of_agencies_alone_joins_a_task_not_a_section_title() -> None:
    # no number column: a row of agency cells alone adds them to the task above (its merged
    # cells printed once); under a section's bold title it is a row of its own, its agency
    # kept in sight (joined to the title, it was lost with the title's cells)
    table = _table("Nội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn\n"
                   "<b>CÔNG TÁC CHỈ ĐẠO</b>\t\t\t\n"
                   "\tPhòng Kinh tế\t\t\n"
                   "Xây dựng kế hoạch\tPhòng Văn hóa - Xã hội\tCông an xã\tQuý I/2026\n"
                   "\t\tĐoàn Thanh niên\t\n")
    assert [row.cells for row in table.rows] == [
        ["<b>CÔNG TÁC CHỈ ĐẠO</b>", "", "", ""],
        ["", "Phòng Kinh tế", "", ""],
        ["Xây dựng kế hoạch", "Phòng Văn hóa - Xã hội", "Công an xã\nĐoàn Thanh niên",
         "Quý I/2026"]]
    assert table.rows[-1].warnings == ["row_joined"]


@pytest.mark.parametrize("group", [
    "T/T Mường So",  # a township's group row (thị trấn)
    "K/T hộ cá thể có đăng ký kinh doanh",
    "T/L hộ nghèo được hỗ trợ",
])
def test_a_group_row_written_with_a_slash_form_is_no_signature(group: str) -> None:
    # only "T/M", "K/T", "T/L" before an office ("ỦY BAN", "CHỦ TỊCH", …) is a signature
    table = _table(f"{HEADER}\n1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\t2026\n"
                   f"2\t{group}\t\t\t\t\n2.1\tTỷ lệ B\t%\t90\tPhòng Kinh tế\t2026\n"
                   "2.2\tSố hộ C\thộ\t40\tPhòng Kinh tế\t2026")
    assert _names(table) == ["Tỷ lệ A", group, "Tỷ lệ B", "Số hộ C"]
    assert not any(w.startswith("rows_after_table_end") for w in table.warnings)


def test_a_letters_courtesy_close_under_the_last_row_ends_the_table() -> None:
    # a letter's "Trân trọng./." printed right under its table (no blank line): was read as
    # the last row's name going on
    table = _table(f"{HEADER}\n1\tTỷ lệ A\t%\t100\tPhòng Kinh tế\tThường xuyên\nTrân trọng./.\n"
                   "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN")
    assert _names(table) == ["Tỷ lệ A"]
