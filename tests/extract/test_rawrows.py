"""Tables as `pdftotext -raw` writes them (chitieu/extract/rawrows.py through the cells
reader): each row's cells in order, the words of cells printed level joined on one line."""

from itertools import pairwise

from chitieu.extract import cells
from chitieu.extract.detect import detect_layout
from chitieu.extract.rawrows import agency_starts
from chitieu.gazetteer.agencies import default_gazetteer


def _table(text: str) -> list[list[str]]:
    doc = cells.read_text(text, agencies=default_gazetteer)
    return [row.texts for row in doc.rows if row.table is not None]


TARGETS = "\n".join([
    "Phụ lục II",
    "CHỈ TIÊU PHÁT TRIỂN THƯƠNG MẠI NĂM 2026",
    "TT Chỉ tiêu",
    "Đơn vị",
    "tính",
    "Năm 2025 Năm 2026",
    "Đơn vị chủ trì Đơn vị phối hợp",
    "Kế hoạch",
    "Ước thực",
    "hiện",
    "Kế hoạch",
    "I THƯƠNG MẠI NỘI ĐỊA",
    "1",
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
    "tiêu dùng trên địa bàn",
    "Tỷ đồng 41.000 41.800 45.000 Sở Công Thương Sở Tài chính",
    "2 Số chợ được cải tạo, nâng cấp % 12 13 15 Sở Công Thương UBND các xã",
    "II XUẤT KHẨU",
    "3",
    "Kim ngạch xuất khẩu nông sản qua cửa khẩu",
    "Triệu USD 520 545 600 Sở Công Thương",
])


def test_a_raw_table_under_two_header_rows_is_cut_into_its_columns() -> None:
    rows = _table(TARGETS)
    assert rows[0] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "", "Năm 2026",
                       "Đơn vị chủ trì", "Đơn vị phối hợp"]
    assert rows[1][3:6] == ["Kế hoạch", "Ước thực hiện", "Kế hoạch"]
    assert rows[2][:2] == ["I", "THƯƠNG MẠI NỘI ĐỊA"]
    assert rows[3] == ["1", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng trên địa "
                       "bàn", "Tỷ đồng", "41.000", "41.800", "45.000", "Sở Công Thương",
                       "Sở Tài chính"]
    assert rows[4] == ["2", "Số chợ được cải tạo, nâng cấp", "%", "12", "13", "15",
                       "Sở Công Thương", "UBND các xã"]
    assert rows[6] == ["3", "Kim ngạch xuất khẩu nông sản qua cửa khẩu", "Triệu USD", "520",
                       "545", "600", "Sở Công Thương", ""]


TASKS = "\n".join([
    "PHỤ LỤC",
    "NHIỆM VỤ PHÁT TRIỂN DỮ LIỆU NGÀNH",
    "TT Nhiệm vụ",
    "Cơ quan chủ",
    "trì",
    "Cơ quan phối hợp Sản phẩm Thời hạn",
    "A THỂ CHẾ",
    "1",
    "Xây dựng quy chế khai thác cơ sở dữ liệu ngành giữa các đơn vị",
    "thuộc Bộ và các địa phương",
    "Bộ Tư pháp Bộ Công an; Văn",
    "phòng Chính phủ",
    "Quy chế Quý",
    "IV/2026",
    "2",
    "Tổng kết việc chia sẻ dữ liệu",
    "Bộ Công an Các bộ, ngành, địa",
    "phương",
    "Báo cáo Hằng",
    "năm",
])


def test_a_raw_task_row_parts_agencies_products_and_deadlines_printed_level() -> None:
    rows = _table(TASKS)
    assert rows[0] == ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm",
                       "Thời hạn"]
    assert rows[2] == ["1", "Xây dựng quy chế khai thác cơ sở dữ liệu ngành giữa các đơn vị "
                       "thuộc Bộ và các địa phương", "Bộ Tư pháp",
                       "Bộ Công an; Văn phòng Chính phủ", "Quy chế", "Quý IV/2026"]
    assert rows[3] == ["2", "Tổng kết việc chia sẻ dữ liệu", "Bộ Công an",
                       "Các bộ, ngành, địa phương", "Báo cáo", "Hằng năm"]


PAIRED = "\n".join([
    "Phụ lục",
    "CHỈ TIÊU VỀ VIỆC LÀM NĂM 2026",
    "STT Nhóm Chỉ tiêu",
    "Đơn vị",
    "tính",
    "Mục tiêu",
    "năm 2026",
    "Cơ quan theo",
    "dõi",
    "1 Việc làm",
    "1 a) Số người được tư vấn việc làm Người 9.000 Sở Nội vụ",
    "2 b)",
    "Số lao động đi làm việc ở nước ngoài theo",
    "hợp đồng",
    "Người 1.100 Sở Nội vụ",
    "2 Giảm nghèo",
    "3 a) Số hộ thoát nghèo Hộ 750 Sở Nội vụ",
])


def test_a_raw_table_with_two_numbering_columns_keeps_its_groups_as_rows() -> None:
    rows = _table(PAIRED)
    assert rows[0] == ["STT", "Nhóm", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu năm 2026",
                       "Cơ quan theo dõi"]
    assert rows[1][:3] == ["", "1", "Việc làm"]
    assert rows[2] == ["1", "a)", "Số người được tư vấn việc làm", "Người", "9.000",
                       "Sở Nội vụ"]
    assert rows[3] == ["2", "b)", "Số lao động đi làm việc ở nước ngoài theo hợp đồng",
                       "Người", "1.100", "Sở Nội vụ"]
    assert rows[4][:3] == ["", "2", "Giảm nghèo"]
    assert rows[5] == ["3", "a)", "Số hộ thoát nghèo", "Hộ", "750", "Sở Nội vụ"]


def test_raw_text_is_sniffed_as_cells_and_a_label_a_line_is_not_raw() -> None:
    assert detect_layout(TASKS) == "cells"
    one_a_line = "\n".join(["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "1",
                            "Rà soát dữ liệu", "Sở Tài chính", "Quý II/2026"])
    raw = cells._raw_header(cells._lines(one_a_line), 0)
    assert raw is None or not raw.level


SECTIONS = "\n".join([
    "Phụ lục",
    "DANH MỤC NHIỆM VỤ CÓ KINH PHÍ",
    "TT Nhiệm vụ",
    "Cơ quan chủ",
    "trì",
    "Kinh",
    "phí",
    "(triệu",
    "đồng)",
    "Nguồn",
    "vốn",
    "A",
    "NHIỆM VỤ CẤP TỈNH",
    "I Hạ tầng",
    "1 Nâng cấp mạng nội bộ của các sở Sở Tài chính 1.500 Ngân sách tỉnh",
    "II Ứng dụng",
    "2 Mua sắm phần mềm kế toán dùng chung Sở Tài chính 900 Ngân sách tỉnh",
    "B NHIỆM VỤ CẤP XÃ",
    "3 Trang bị máy tính cho bộ phận một cửa UBND các xã - Xã hội hóa",
])


def test_raw_sections_alone_or_under_letters_and_an_amount_column() -> None:
    rows = _table(SECTIONS)
    assert rows[0] == ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Kinh phí (triệu đồng)",
                       "Nguồn vốn"]
    assert [r[:2] for r in rows[1:]] == [
        ["A", "NHIỆM VỤ CẤP TỈNH"], ["I", "Hạ tầng"],
        ["1", "Nâng cấp mạng nội bộ của các sở"], ["II", "Ứng dụng"],
        ["2", "Mua sắm phần mềm kế toán dùng chung"], ["B", "NHIỆM VỤ CẤP XÃ"],
        ["3", "Trang bị máy tính cho bộ phận một cửa"]]
    assert rows[3][2:] == ["Sở Tài chính", "1.500", "Ngân sách tỉnh"]
    assert rows[7][2:] == ["UBND các xã", "-", "Xã hội hóa"]


FIELDS = "\n".join([
    "STT Lĩnh vực Nhiệm vụ Cơ quan chủ trì Thời hạn",
    "1 Y tế Số hóa bệnh án tại trạm y tế Sở Y tế Quý I/2026",
    "2 Kết nối dữ liệu khám chữa bệnh với bảo hiểm",
    "Sở Y tế Quý II/2026",
    "3 Giáo dục Học bạ số cấp tiểu học Sở Giáo dục và Đào tạo Năm 2026",
])


def test_a_grouping_names_column_before_the_names_may_be_empty() -> None:
    rows = _table(FIELDS)
    assert rows[2] == ["2", "", "Kết nối dữ liệu khám chữa bệnh với bảo hiểm", "Sở Y tế",
                       "Quý II/2026"]
    assert rows[3] == ["3", "Giáo dục", "Học bạ số cấp tiểu học", "Sở Giáo dục và Đào tạo",
                       "Năm 2026"]


def test_a_long_raw_table_keeps_every_row_past_a_thousand() -> None:
    lines = ["STT Nhiệm vụ Cơ quan chủ trì Thời hạn"]
    for n in range(1, 1006):
        lines += [str(n), f"Rà soát hồ sơ đợt {n}", "Sở Nội vụ Năm 2026"]
    rows = _table("\n".join(lines))
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, 1006)]
    assert rows[-1] == ["1005", "Rà soát hồ sơ đợt 1005", "Sở Nội vụ", "Năm 2026"]


def test_a_row_of_more_words_than_any_real_row_is_read_whole_into_its_name() -> None:
    # a hostile row (the cut's search grows with the square of its words: 180,000 words
    # took hours): past 600 words its text is the name's, every word kept, nothing cut
    words = "Sở Tài chính, " * 250
    rows = _table("\n".join(["STT Nhiệm vụ Cơ quan chủ trì Thời hạn",
                              "1 Rà soát hồ sơ Sở Nội vụ Năm 2026", f"2 {words}"]))
    assert rows[1] == ["1", "Rà soát hồ sơ", "Sở Nội vụ", "Năm 2026"]
    assert rows[2][:2] == ["2", words.strip()] and rows[2][3] == ""


def test_a_tab_separated_table_is_no_raw_text() -> None:
    text = "\n".join(["KẾ HOẠCH", "Chuyển đổi số năm 2026", "I. MỤC TIÊU",
                      "Hoàn thành các nhiệm vụ sau.", "II. NHIỆM VỤ",
                      "STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn",
                      "1\tRà soát hồ sơ\tSở Nội vụ\tNăm 2026",
                      "2\tCập nhật dữ liệu\tSở Tài chính\tQuý II/2026"])
    assert detect_layout(text) != "cells"


YEARS = "\n".join([
    "Phụ lục",
    "MỤC TIÊU TỪNG NĂM",
    "TT Chỉ tiêu",
    "Đơn vị",
    "tính",
    "Ước thực",
    "hiện năm",
    "2025",
    "Mục tiêu từng năm",
    "Cơ quan chủ trì",
    "theo dõi",
    "2026 2027 2028",
    "1 2 3 4 5 6 7 8",
    "1 Tỷ lệ hộ có kết nối cáp quang % 70 75 80 85 Sở Khoa học và Công nghệ",
])
CURRENT_YEAR = "\n".join([
    "TT Chỉ tiêu",
    "Đơn vị",
    "tính",
    "Năm hiện hành 2025",
    "Năm 2026 Năm 2027",
    "Kế hoạch",
    "Ước thực",
    "hiện",
    "1 Số khách du lịch Nghìn lượt 900 950 1.000 1.100",
])


def test_raw_headers_with_years_in_their_second_row_or_merged_down() -> None:
    rows = _table(YEARS)
    assert rows[0][3:7] == ["Ước thực hiện năm 2025", "Mục tiêu từng năm", "", ""]
    assert rows[1][3:8] == ["Ước thực hiện năm 2025", "2026", "2027", "2028",
                            "Cơ quan chủ trì theo dõi"]
    assert rows[3] == ["1", "Tỷ lệ hộ có kết nối cáp quang", "%", "70", "75", "80", "85",
                       "Sở Khoa học và Công nghệ"]
    rows = _table(CURRENT_YEAR)
    assert rows[0] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Năm hiện hành 2025", "", "Năm 2026",
                       "Năm 2027"]
    assert rows[1][3:5] == ["Kế hoạch", "Ước thực hiện"]
    assert rows[2] == ["1", "Số khách du lịch", "Nghìn lượt", "900", "950", "1.000", "1.100"]


def test_a_signers_name_before_an_appendix_is_no_raw_header() -> None:
    # "Ma" reads as "Mã" (a code column's label) to the vocabulary; the numbering column's
    # label must be one as printed
    lines = cells._lines("\n".join(["PHÓ CHỦ TỊCH", "Ma Văn Tiến", "PHỤ LỤC",
                                    "NHIỆM VỤ NĂM 2026 ST", "T", "", "Nhiệm vụ", "", "1"]))
    assert all(cells._raw_header(lines, i) is None for i in range(len(lines)))


PLAN_YEARS = "\n".join([
    "TT Chỉ tiêu",
    "Đơn vị",
    "tính",
    "Ước thực",
    "hiện năm",
    "2025",
    "Kế hoạch Cơ quan thực hiện",
    "2026 2027 Chủ trì Phối hợp",
    "(1) (2) (3) (4) (5) (6) (7) (8)",
    "1 Số xã có điểm phục vụ bưu chính Xã 40 45 50 Sở Khoa học và Công nghệ Bưu điện tỉnh",
])
SHARED = "\n".join([
    "TT Chỉ tiêu",
    "Mục tiêu",
    "năm 2026",
    "Phân công",
    "Chủ trì theo dõi Phối hợp",
    "1 Tỷ lệ hồ sơ xử lý trực tuyến ≥ 70% Bộ Nội vụ Văn phòng Chính phủ",
])


def test_raw_groups_over_years_and_over_agencies_side_by_side() -> None:
    rows = _table(PLAN_YEARS)
    assert rows[0][4:] == ["Kế hoạch", "", "Cơ quan thực hiện", ""]
    assert rows[1][4:] == ["2026", "2027", "Chủ trì", "Phối hợp"]
    assert rows[3] == ["1", "Số xã có điểm phục vụ bưu chính", "Xã", "40", "45", "50",
                       "Sở Khoa học và Công nghệ", "Bưu điện tỉnh"]
    rows = _table(SHARED)
    assert rows[0] == ["TT", "Chỉ tiêu", "Mục tiêu năm 2026", "Phân công", ""]
    assert rows[1] == ["TT", "Chỉ tiêu", "Mục tiêu năm 2026", "Chủ trì theo dõi", "Phối hợp"]
    assert rows[2] == ["1", "Tỷ lệ hồ sơ xử lý trực tuyến", "≥ 70%", "Bộ Nội vụ",
                       "Văn phòng Chính phủ"]


def test_a_row_under_a_task_adding_only_a_support_is_the_tasks() -> None:
    text = "\n".join([
        "STT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời hạn",
        "1",
        "Lắp đặt trạm phát sóng tại các",
        "thôn vùng cao",
        "Sở Khoa học và Công nghệ UBND các xã",
        "Quý III/2026",
        "Viettel",
        "2 Cấp chữ ký số cho công chức Sở Nội vụ Năm 2026",
    ])
    rows = _table(text)
    assert rows[1] == ["1", "Lắp đặt trạm phát sóng tại các thôn vùng cao",
                       "Sở Khoa học và Công nghệ", "UBND các xã; Viettel", "Quý III/2026"]
    assert rows[2] == ["2", "Cấp chữ ký số cho công chức", "Sở Nội vụ", "", "Năm 2026"]


def test_a_lone_agency_under_a_lead_stays_where_printed_without_evidence() -> None:
    # -raw writes a lead merged over rows once and no empty cell: "Công an tỉnh" alone under
    # a row with a lead is its own lead or a support under the lead merged down — nothing in
    # the table tells, so it stays in the lead's column, the guess said on the row
    text = "\n".join([
        "STT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời hạn",
        "1 Nâng cấp cổng thông tin Sở Khoa học và Công nghệ VNPT tỉnh Quý II/2026",
        "2 Cấp tài khoản thư điện tử Công an tỉnh Quý III/2026",
        "3 Số hóa hồ sơ lưu trữ Sở Nội vụ UBND các xã Năm 2026",
        "4 Đánh giá chỉ số hài lòng Sở Nội vụ Bưu điện tỉnh Tháng 11/2026",
    ])
    rows = _table(text)
    assert rows[2][2:4] == ["Công an tỉnh", ""]
    assert "cell_placement_uncertain:lead" in cells.read_text(
        text, agencies=default_gazetteer).rows[2].warnings
    assert rows[3][2:4] == ["Sở Nội vụ", "UBND các xã"]


def test_a_lone_agency_the_table_prints_only_as_a_support_is_under_the_lead_above() -> None:
    # the evidence: "VNPT tỉnh" is a support in other rows and never a lead, so alone under
    # a row with a lead it is a support under that lead merged down (said on the row)
    text = "\n".join([
        "STT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời hạn",
        "1 Nâng cấp cổng thông tin Sở Khoa học và Công nghệ VNPT tỉnh Quý II/2026",
        "2 Cấp tài khoản thư điện tử VNPT tỉnh Quý III/2026",
        "3 Số hóa hồ sơ lưu trữ Sở Nội vụ UBND các xã Năm 2026",
        "4 Đánh giá chỉ số hài lòng Sở Nội vụ Bưu điện tỉnh Tháng 11/2026",
    ])
    rows = _table(text)
    assert rows[2][2:4] == ["Sở Khoa học và Công nghệ", "VNPT tỉnh"]
    assert "cell_placement_uncertain:lead" in cells.read_text(
        text, agencies=default_gazetteer).rows[2].warnings


def test_labels_a_line_each_over_values_printed_level_are_raw_text() -> None:
    text = "\n".join(["ST", "T", "Chỉ tiêu", "Đơn vị", "tính", "Năm", "2026", "Năm", "2027",
                      "I HẠ TẦNG", "1 Số trạm 5G Trạm 120 300", "2 Tỷ lệ phủ sóng % 95 99"])
    rows = _table(text)
    assert rows[0] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2027"]
    assert rows[2] == ["1", "Số trạm 5G", "Trạm", "120", "300"]
    assert rows[3] == ["2", "Tỷ lệ phủ sóng", "%", "95", "99"]


def test_a_numbered_group_over_dotted_items_and_a_code_column() -> None:
    text = "\n".join([
        "TT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời hạn",
        "1 Thể chế",
        "1.1 Ban hành quy chế dữ liệu Bộ Công an Bộ Tư pháp Quý II/2026",
        "1.2 Sửa đổi thông tư Bộ Công an Bộ Tài chính Quý III/2026",
        "2 Hạ tầng",
        "2.1 Nâng cấp trung tâm dữ liệu Bộ Công an Bộ Tài chính Năm 2026",
    ])
    rows = _table(text)
    assert rows[4] == ["2", "Hạ tầng", "", "", ""]  # no lead spread into a group's title
    assert rows[5][:3] == ["2.1", "Nâng cấp trung tâm dữ liệu", "Bộ Công an"]
    coded = "\n".join([
        "STT Mã số Tên chỉ tiêu Đơn vị tính Mục tiêu năm 2026",
        "I HẠ TẦNG SỐ",
        "1 0101 Tỷ lệ hộ có cáp quang % 85",
        "2 0102 Số trạm 5G Trạm 5.000",
    ])
    rows = _table(coded)
    assert rows[2] == ["1", "0101", "Tỷ lệ hộ có cáp quang", "%", "85"]
    assert rows[3] == ["2", "0102", "Số trạm 5G", "Trạm", "5.000"]


def test_words_in_a_results_column_are_its_cell_not_the_supports() -> None:
    text = "\n".join([
        "STT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời hạn Kết quả",
        "1",
        "Rà soát quy trình nội bộ của các cơ quan",
        "Sở Nội vụ Các sở, ban, ngành Quý II/2026 Quyết định phê",
        "duyệt quy trình mới",
    ])
    rows = _table(text)
    assert rows[1] == ["1", "Rà soát quy trình nội bộ của các cơ quan", "Sở Nội vụ",
                       "Các sở, ban, ngành", "Quý II/2026",
                       "Quyết định phê duyệt quy trình mới"]


def test_a_numbering_label_wrapped_letter_by_letter() -> None:
    text = "\n".join(["S", "T", "T", "Nhiệm vụ", "Cơ quan chủ trì Thời hạn",
                      "1 Lập kế hoạch số hóa Sở Nội vụ Quý I/2026",
                      "2 Rà soát dữ liệu Sở Tư pháp Quý II/2026"])
    rows = _table(text)
    assert rows[0] == ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"]
    assert rows[2] == ["2", "Rà soát dữ liệu", "Sở Tư pháp", "Quý II/2026"]


# a portrait task list whose narrow columns wrap every label and cell: no two labels share a
# line and no values print level, but the labels ("Cơ quan chủ" / "trì") and the cells
# ("… phục vụ việc" / "cấp phép …") wrap as only a PDF prints them
WRAPPED = "\n".join([
    "Phụ lục",
    "NHIỆM VỤ PHÁT TRIỂN NÔNG NGHIỆP SỐ NĂM 2026",
    "ST",
    "T",
    "Nội dung nhiệm vụ",
    "Cơ quan chủ",
    "trì",
    "Cơ quan phối",
    "hợp",
    "Thời gian",
    "thực hiện",
    "I SỐ HÓA DỮ LIỆU",
    "1",
    "Xây dựng cơ sở dữ liệu vùng trồng phục vụ việc",
    "cấp mã số vùng trồng và truy xuất nguồn gốc nông",
    "sản của tỉnh",
    "Sở Nông nghiệp",
    "và Môi trường",
    "Sở Khoa học và",
    "Công nghệ;",
    "UBND các xã,",
    "phường",
    "Trong 90",
    "ngày",
    "2",
    "Tập huấn cho hợp tác xã bán hàng trên sàn thương",
    "mại điện tử",
    "Sở Công Thương Bưu điện tỉnh Quý",
    "III/2026",
])


def test_a_narrow_raw_table_whose_labels_and_cells_wrap_is_read_row_by_row() -> None:
    rows = _table(WRAPPED)
    assert rows[0] == ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
                       "Thời gian thực hiện"]
    assert rows[2] == ["1", "Xây dựng cơ sở dữ liệu vùng trồng phục vụ việc cấp mã số vùng "
                       "trồng và truy xuất nguồn gốc nông sản của tỉnh",
                       "Sở Nông nghiệp và Môi trường",
                       "Sở Khoa học và Công nghệ; UBND các xã, phường", "Trong 90 ngày"]
    assert rows[3] == ["2", "Tập huấn cho hợp tác xã bán hàng trên sàn thương mại điện tử",
                       "Sở Công Thương", "Bưu điện tỉnh", "Quý III/2026"]


# a ministry's departments, which no list holds: two in one cell with no separator (its two
# paragraphs), the first printed level with the lead; the task's name not taking the line
# that opens its lead
DEPARTMENTS = "\n".join([
    "PHỤ LỤC",
    "NHIỆM VỤ CỦA CÁC ĐƠN VỊ THUỘC BỘ",
    "TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời hạn",
    "1",
    "Hướng dẫn định mức chi phí thuê dịch vụ lưu trữ",
    "dữ liệu dùng chung",
    "Cục Chuyển đổi số",
    "quốc gia",
    "Vụ Khoa học",
    "Cục Bưu điện Trung ương",
    "Quý II/2026",
    "2",
    "Tổng kết thí điểm cấp phép trực tuyến",
    "Cục Viễn thông Cục Tần số vô tuyến điện",
    "Vụ Pháp chế",
    "Tháng 11/2026",
])


def test_unknown_departments_written_together_are_told_apart_by_their_heads() -> None:
    rows = _table(DEPARTMENTS)
    assert rows[1] == ["1", "Hướng dẫn định mức chi phí thuê dịch vụ lưu trữ dữ liệu dùng "
                       "chung", "Cục Chuyển đổi số quốc gia",
                       "Vụ Khoa học; Cục Bưu điện Trung ương", "Quý II/2026"]
    assert rows[2] == ["2", "Tổng kết thí điểm cấp phép trực tuyến", "Cục Viễn thông",
                       "Cục Tần số vô tuyến điện; Vụ Pháp chế", "Tháng 11/2026"]


def test_agency_heads_part_names_only_where_a_new_one_begins() -> None:
    def parts(text: str) -> list[str]:
        words = text.split(" ")
        return [" ".join(words[a:b]) for a, b in pairwise([0, *agency_starts(words),
                                                           len(words)])]

    assert parts("Cục Thuế Cục Hải quan") == ["Cục Thuế", "Cục Hải quan"]
    assert parts("Sở Y tế Bảo hiểm xã hội tỉnh") == ["Sở Y tế", "Bảo hiểm xã hội tỉnh"]
    assert parts("Sở Tư pháp Các sở, ban, ngành") == ["Sở Tư pháp", "Các sở, ban, ngành"]
    for whole in ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Văn phòng UBND tỉnh",
                  "Trường Đại học Y Dược Cần Thơ", "Sở Khoa học và Công nghệ",
                  "Vụ Kế hoạch, Tài chính và Quản lý doanh nghiệp", "UBND các xã, phường",
                  "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Đảng ủy Công an tỉnh",
                  "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Vụ Pháp chế, Văn phòng Bộ"):
        assert parts(whole) == [whole]


def test_a_unit_named_with_its_parent_body_is_one_agency() -> None:
    def parts(text: str) -> list[str]:
        words = text.split(" ")
        return [" ".join(words[a:b]) for a, b in pairwise([0, *agency_starts(words),
                                                           len(words)])]

    for whole in ("Phòng Cảnh sát giao thông Công an tỉnh",
                  "Trung tâm Công nghệ thông tin Sở Tài chính",
                  "Chi cục Thủy lợi Sở Nông nghiệp và Môi trường",
                  "Phòng Quản lý đô thị UBND phường", "Trung tâm Dịch vụ việc làm Sở Nội vụ"):
        assert parts(whole) == [whole]
    # a unit has one parent: the next body's head after it opens another agency
    assert parts("Phòng Cảnh sát giao thông Công an tỉnh Sở Xây dựng") == [
        "Phòng Cảnh sát giao thông Công an tỉnh", "Sở Xây dựng"]
    assert parts("Văn phòng UBND tỉnh Sở Nội vụ") == ["Văn phòng UBND tỉnh", "Sở Nội vụ"]
    # a commune's police has no units: two agencies
    assert parts("Phòng Văn hóa - Xã hội Công an xã") == ["Phòng Văn hóa - Xã hội",
                                                          "Công an xã"]
    # a body named with its place is whole, and bodies under a plural are no unit's parent
    # (review r2: joined by the first version of this rule)
    for first, second in (("Thanh tra tỉnh", "Sở Nội vụ"),
                          ("Ban Quản lý Khu kinh tế tỉnh", "Sở Công Thương"),
                          ("Trung tâm Phục vụ hành chính công tỉnh", "Sở Nội vụ"),
                          ("Thanh tra tỉnh", "Công an tỉnh"),
                          ("Phòng Văn hóa - Xã hội", "UBND các xã, phường"),
                          ("Phòng Kinh tế", "UBND các thôn")):
        assert parts(f"{first} {second}") == [first, second]
    assert parts("Phòng Văn hóa - Xã hội Công an tỉnh") == [
        "Phòng Văn hóa - Xã hội Công an tỉnh"]


def test_a_lead_unit_keeps_its_parent_body_out_of_the_supports() -> None:
    rows = _table("\n".join([
        "PHỤ LỤC",
        "NHIỆM VỤ BẢO ĐẢM AN TOÀN GIAO THÔNG NĂM 2026",
        "STT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời hạn",
        "1 Kiểm soát tải trọng xe trên các tuyến tỉnh lộ",
        "Phòng Cảnh sát giao thông Công an tỉnh Sở Xây dựng Quý III/2026",
        "2 Tuyên truyền an toàn giao thông trong trường học Sở Giáo dục và Đào tạo "
        "Tỉnh đoàn Năm 2026",
    ]))
    assert rows[1][2:] == ["Phòng Cảnh sát giao thông Công an tỉnh", "Sở Xây dựng",
                           "Quý III/2026"]


def test_an_agencys_head_alone_in_the_unit_column_is_the_unit() -> None:
    rows = _table("\n".join([
        "Phụ lục",
        "CHỈ TIÊU GIÁO DỤC",
        "TT Chỉ tiêu Đơn vị tính Năm 2025 Năm 2026 Cơ quan chủ trì",
        "1 Số phòng học xây mới Phòng 180 220 Sở Giáo dục và Đào tạo",
        "2 Tỷ lệ trường đạt chuẩn % 72 75 Sở Giáo dục và Đào tạo",
    ]))
    assert rows[1] == ["1", "Số phòng học xây mới", "Phòng", "180", "220",
                       "Sở Giáo dục và Đào tạo"]


def test_fewer_values_than_value_columns_say_their_placement_is_a_guess() -> None:
    doc = cells.read_text(TARGETS.replace("41.000 41.800 45.000", "41.800 45.000"),
                          agencies=default_gazetteer)
    rows = [row for row in doc.rows if row.table is not None]
    assert rows[3].texts[3:6] == ["", "41.800", "45.000"]
    assert "cell_placement_uncertain:baseline" in rows[3].warnings
    assert not any(w.startswith("cell_placement_uncertain") for w in rows[4].warnings)


# a ministry's targets with a notes column: departments no list holds, a head alone ("Cục")
# no agency's name, a note not taking an agency's name
NOTES = "\n".join([
    "Phụ lục",
    "CHỈ TIÊU NGÀNH THỐNG KÊ NĂM 2026",
    "TT Chỉ tiêu",
    "Đơn vị",
    "tính",
    "Năm 2025",
    "Dự toán",
    "năm 2026",
    "Đơn vị chủ",
    "trì",
    "Đơn vị phối",
    "hợp Ghi chú",
    "Dự toán",
    "Ước thực",
    "hiện",
    "A CHỈ TIÊU THU",
    "1 Thu phí, lệ phí Tỷ đồng 120 131 140 Cục Thuế",
    "Cục Hải quan",
    "Vụ Ngân sách",
    "2 Thu từ dịch vụ thống kê Tỷ đồng 35 40 Cục Thống kê Gồm thu dịch",
    "vụ điều tra",
    "3",
    "Số đơn vị dự toán được kiểm",
    "soát chi điện tử",
    "Đơn vị 410 455 500 Kho bạc Nhà nước Cục Tin học",
    "và Thống kê tài",
    "chính",
    "B CHỈ TIÊU CHI",
    "4 Tỷ lệ giải ngân vốn đầu tư % 92 ≥ 95 Vụ Đầu tư Lũy kế",
])


def test_departments_beside_notes_keep_their_names_whole() -> None:
    rows = _table(NOTES)
    assert rows[3][6:] == ["Cục Thuế", "Cục Hải quan; Vụ Ngân sách", ""]
    assert rows[4][6:] == ["Cục Thống kê", "", "Gồm thu dịch vụ điều tra"]
    assert rows[5][6:] == ["Kho bạc Nhà nước", "Cục Tin học và Thống kê tài chính", ""]


# a ministry's tasks with a product column: a department's name wrapped after its "-", the
# support's and product's first lines and the deadline's first word printed level with its
# last line, a support added on a row under; a product opening as a report ("Báo cáo"), not
# a newspaper ("Báo …")
PRODUCTS = "\n".join([
    "PHỤ LỤC",
    "NHIỆM VỤ CỦA CÁC ĐƠN VỊ",
    "TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Sản phẩm Thời hạn",
    "1",
    "Hướng dẫn chấm điểm cải cách hành chính của các",
    "cơ quan trực thuộc",
    "Vụ Cải cách -",
    "Hành chính Thanh tra Bộ Hướng dẫn Tháng",
    "9/2026",
    "Văn phòng Bộ",
    "2",
    "Sơ kết việc thực hiện quy chế dân chủ",
    "Vụ Tổ chức - Cán",
    "bộ",
    "Báo cáo sơ",
    "kết",
    "Quý",
    "II/2026",
])


def test_a_department_wrapped_after_its_dash_and_a_report_beside_it() -> None:
    rows = _table(PRODUCTS)
    assert rows[1] == ["1", "Hướng dẫn chấm điểm cải cách hành chính của các cơ quan trực "
                       "thuộc", "Vụ Cải cách - Hành chính", "Thanh tra Bộ; Văn phòng Bộ",
                       "Hướng dẫn", "Tháng 9/2026"]
    assert rows[2] == ["2", "Sơ kết việc thực hiện quy chế dân chủ", "Vụ Tổ chức - Cán bộ", "",
                       "Báo cáo sơ kết", "Quý II/2026"]


def test_a_row_split_by_a_page_break_goes_on_under_the_header_printed_again() -> None:
    # the next page's number alone over the header printed again, then the rest of row 2's
    # name (its lead, support and deadline printed on the page before)
    header = ["ST", "T", "Nội dung nhiệm vụ", "Cơ quan chủ", "trì", "Cơ quan phối", "hợp",
              "Thời gian", "hoàn thành"]
    text = "\n".join([
        "Phụ lục", "NHIỆM VỤ NĂM 2026", *header,
        "1", "Số hóa hồ sơ địa chính của các xã,", "phường trong tỉnh",
        "Sở Nông nghiệp", "và Môi trường", "UBND các xã,", "phường", "Quý II/2026",
        "2", "Nâng cấp hệ thống thông tin giải quyết", "thủ tục hành chính, kết nối với",
        "Sở Khoa học và", "Công nghệ", "Sở Tư pháp Quý III/2026",
        "\f2", *header,
        "Cổng Dịch vụ công quốc gia và ứng", "dụng công dân số",
        "3", "Tổng kết thực hiện kế hoạch", "Sở Tài chính Các sở, ngành Năm 2026",
    ])
    rows = _table(text)
    assert rows[2] == ["2", "Nâng cấp hệ thống thông tin giải quyết thủ tục hành chính, kết "
                       "nối với Cổng Dịch vụ công quốc gia và ứng dụng công dân số",
                       "Sở Khoa học và Công nghệ", "Sở Tư pháp", "Quý III/2026"]
    assert rows[3] == ["3", "Tổng kết thực hiện kế hoạch", "Sở Tài chính", "Các sở, ngành",
                       "Năm 2026"]


def test_a_unit_before_bodies_under_a_plural_keeps_its_row_apart_end_to_end() -> None:
    # review r2 R2 end to end: the row's lead is a unit, its support "UBND các xã, phường"
    # bodies under a plural, no unit's parent: the cut between them costs nothing, the lead
    # never runs into the task's name
    text = "\n".join(["PHỤ LỤC", "NHIỆM VỤ BẢO ĐẢM TRẬT TỰ AN TOÀN GIAO THÔNG NĂM 2026",
                      "STT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời hạn"])
    for support in ("UBND các xã, phường", "Ủy ban nhân dân các phường", "UBND cấp xã"):
        rows = _table("\n".join([
            text, "1 Tuyên truyền an toàn giao thông trong trường học Phòng Văn hóa - Xã hội "
            f"{support} Năm 2026"]))
        assert rows[1] == ["1", "Tuyên truyền an toàn giao thông trong trường học",
                           "Phòng Văn hóa - Xã hội", support, "Năm 2026"]


def test_a_lone_agency_under_a_lead_above_says_lead_or_support_is_a_guess() -> None:
    # review r2 R3: -raw writes a lead merged over rows once, in its first row, and no empty
    # cell; a row naming one agency under a row with a lead is its own lead or a support
    # under the lead above — the text does not tell, said on the row (the lead column kept)
    doc = cells.read_text("\n".join([
        "Phụ lục II",
        "CHỈ TIÊU GIÁO DỤC NĂM 2026",
        "TT Chỉ tiêu Đơn vị tính Năm 2025 Năm 2026 Cơ quan chủ trì Cơ quan phối hợp",
        "1 Tỷ lệ trẻ em 5 tuổi học mẫu giáo % 99 99,5 Sở Giáo dục và Đào tạo",
        "2 Tỷ lệ trường đạt chuẩn quốc gia % 72 75 Sở Tài chính",
        "3 Số người được tạo việc làm Người 35.000 36.000 Sở Nội vụ Bảo hiểm xã hội thành phố",
    ]), agencies=default_gazetteer)
    body = [row for row in doc.rows if row.table is not None][1:]
    assert [r.texts[5:] for r in body] == [["Sở Giáo dục và Đào tạo", ""],
                                          ["Sở Tài chính", ""],
                                          ["Sở Nội vụ", "Bảo hiểm xã hội thành phố"]]
    assert body[0].warnings == [] and body[2].warnings == []
    assert body[1].warnings == ["cell_placement_uncertain:lead"]


def test_a_dash_line_going_on_a_known_agencys_name_is_no_sub_row() -> None:
    # "Phòng Văn hóa" / "- Xã hội": the lead wrapped before its dash, not a "-" part
    rows = _table("\n".join([
        "Phụ lục",
        "NHIỆM VỤ GIA ĐÌNH VÀ TRẺ EM NĂM 2026",
        "STT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời hạn",
        "1",
        "Tổ chức Tháng hành động vì trẻ em",
        "Phòng Văn hóa",
        "- Xã hội",
        "Trạm Y tế xã Tháng 6/2026",
        "2 Rà soát trẻ em có hoàn cảnh đặc biệt Công an xã Các thôn Quý III/2026",
    ]))
    assert rows[1:] == [
        ["1", "Tổ chức Tháng hành động vì trẻ em", "Phòng Văn hóa - Xã hội", "Trạm Y tế xã",
         "Tháng 6/2026"],
        ["2", "Rà soát trẻ em có hoàn cảnh đặc biệt", "Công an xã", "Các thôn", "Quý III/2026"]]


def test_a_name_ending_in_its_year_keeps_it_and_gives_no_agency_head() -> None:
    # "… năm 2026 Văn phòng Bộ Cục Ngoại giao": the year ends the name (a year after "năm"
    # is no value the name took), "Văn phòng" opens the lead (a name cut after an agency's
    # head took the lead's first words)
    rows = _table("\n".join([
        "PHỤ LỤC",
        "NHIỆM VỤ NĂM 2026",
        "TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời gian thực hiện",
        "1 Tổng kết công tác thanh tra năm 2026 Văn phòng Bộ Cục Kiểm tra nội",
        "bộ",
        "Tháng 12/2026",
        "2 Rà soát quy chế làm việc Thanh tra Bộ Vụ Pháp chế Quý II/2026",
    ]))
    assert rows[1] == ["1", "Tổng kết công tác thanh tra năm 2026", "Văn phòng Bộ",
                       "Cục Kiểm tra nội bộ", "Tháng 12/2026"]


def test_a_lone_agency_in_a_table_with_a_monitor_column_is_its_lead() -> None:
    # lead, support, monitor: one agency written in row 2 is its lead (a lead is rarely
    # empty, a support or monitor often), the monitor merged down from row 1 (a guess, said)
    rows = cells.read_text("\n".join([
        "PHỤ LỤC",
        "NHIỆM VỤ BẢO VỆ MÔI TRƯỜNG",
        "STT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Cơ quan theo dõi Thời gian hoàn thành",
        "1 Nạo vét kênh mương nội đồng Phòng Kinh tế Các thôn Văn phòng HĐND và UBND Quý II/2026",
        "2 Kiểm tra cơ sở chăn nuôi tập trung Phòng Văn hóa - Xã hội Quý III/2026",
    ]), agencies=default_gazetteer).rows
    body = [r for r in rows if r.table is not None][1:]
    assert body[1].texts == ["2", "Kiểm tra cơ sở chăn nuôi tập trung", "Phòng Văn hóa - Xã hội",
                             "", "Văn phòng HĐND và UBND", "Quý III/2026"]
    assert "cell_placement_uncertain:monitor" in body[1].warnings


def test_a_word_wrapped_after_its_hyphen_is_one_word() -> None:
    # "VP HĐND-" / "UBND": one word wrapped at its hyphen (no space on either side), one
    # agency, not "VP HĐND" and "UBND"
    rows = _table("\n".join([
        "Phụ lục",
        "CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH",
        "TT Chỉ tiêu ĐVT Kế hoạch 2026 Đơn vị thực hiện",
        "1 Tỷ lệ hồ sơ giải quyết đúng hạn % 98 VP HĐND-",
        "UBND",
        "2 Tỷ lệ hồ sơ trực tuyến % 80 CA xã",
    ]))
    assert rows[1] == ["1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "98", "VP HĐND-UBND"]


def test_bullet_lines_inside_a_tasks_cell_are_no_sub_rows() -> None:
    # "Tổ chức tập huấn:" / "- Cho cán bộ xã;" / "- Cho Tổ công nghệ số.": the task's
    # cell lists its parts after its colon, one per "-" line — one row, not "-" parts
    rows = _table("\n".join([
        "Phụ lục",
        "NHIỆM VỤ KỸ NĂNG SỐ",
        "STT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời hạn",
        "1",
        "Tổ chức tập huấn kỹ năng số:",
        "- Cho cán bộ, công chức xã;",
        "- Cho Tổ công nghệ số cộng đồng.",
        "Phòng Văn hóa - Xã hội Đoàn Thanh niên xã Quý II/2026",
        "2 Hướng dẫn cài đặt ứng dụng VNeID Công an xã Các thôn Thường xuyên",
    ]))
    assert rows[1:] == [
        ["1", "Tổ chức tập huấn kỹ năng số: - Cho cán bộ, công chức xã; - Cho Tổ công nghệ "
         "số cộng đồng.", "Phòng Văn hóa - Xã hội", "Đoàn Thanh niên xã", "Quý II/2026"],
        ["2", "Hướng dẫn cài đặt ứng dụng VNeID", "Công an xã", "Các thôn", "Thường xuyên"]]


def test_an_agency_cell_saying_who_leads_and_who_supports_is_the_agency_columns() -> None:
    # one column "Cơ quan thực hiện": "Chủ trì: …; phối hợp: …" opens an agency cell (its
    # role words and colon are the cell's), not the task's name going on
    rows = _table("\n".join([
        "Phụ lục",
        "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
        "TT Nội dung Cơ quan thực hiện Thời gian",
        "1",
        "Công khai thủ tục hành chính trên Cổng thông tin điện tử",
        "của xã",
        "Chủ trì: Văn phòng HĐND và UBND;",
        "phối hợp: Công an xã",
        "Quý I/2026",
    ]))
    assert rows[1] == ["1", "Công khai thủ tục hành chính trên Cổng thông tin điện tử của xã",
                       "Chủ trì: Văn phòng HĐND và UBND; phối hợp: Công an xã", "Quý I/2026"]


def test_a_name_ending_in_a_comparison_sign_keeps_its_number() -> None:
    # "…: ≥" / "95%": a target printed at the name's end, wrapped after its sign — the sign
    # and its number stay together (in the name, which interpretation takes the target out
    # of, or in the target's cell), never "≥" left in the name and "95%" the target
    rows = _table("\n".join([
        "Phụ lục",
        "CHỈ TIÊU NÔNG THÔN MỚI",
        "TT Chỉ tiêu Đơn vị tính Chỉ tiêu năm 2026 Cơ quan chủ trì",
        "1 Tỷ lệ hộ dùng nước sạch % ≥ 75 Phòng Kinh tế",
        "2",
        "Tỷ lệ người dân tham gia bảo hiểm y tế: ≥",
        "95%",
        "Trạm Y tế xã",
    ]))
    assert rows[2][4] == "Trạm Y tế xã"
    assert "≥ 95%" in (rows[2][1], rows[2][3]) or rows[2][1].endswith("≥ 95%")


def test_a_name_ending_in_a_comparison_sign_gives_no_unit_its_words() -> None:
    # the same wrapped after its sign on the row's first line, a unit column beside the name
    # (review r2 G13): the sign goes with its number, the name's last words ("y tế: ≥") are
    # no unit
    rows = _table("\n".join([
        "Phụ lục",
        "CHỈ TIÊU NÔNG THÔN MỚI NĂM 2026",
        "STT Chỉ tiêu Đơn vị tính Kế hoạch 2026 Cơ quan chủ trì",
        "1 Số xã đạt ≥ 15 tiêu chí nông thôn mới Xã 12 Phòng Kinh tế",
        "2 Tỷ lệ người dân tham gia bảo hiểm y tế: ≥", "95% Trạm Y tế xã",
        "3 Số hộ nghèo giảm so với năm 2025 Hộ ≥ 20 Phòng Văn hóa - Xã hội",
    ]))
    assert rows[2] == ["2", "Tỷ lệ người dân tham gia bảo hiểm y tế:", "", "≥ 95%",
                       "Trạm Y tế xã"]
    assert rows[3][2:4] == ["Hộ", "≥ 20"]


def test_a_dash_alone_on_its_line_opens_a_part_whose_cells_follow() -> None:
    # "Trong đó:" then "-" alone (the part's number cell) and its cells on the next line,
    # as a number alone opens its row: two parts, not one glued to "Trong đó:"
    rows = _table("\n".join([
        "Phụ lục",
        "CHỈ TIÊU HẠ TẦNG",
        "TT Chỉ tiêu Đơn vị tính Năm 2025 Năm 2030 Cơ quan chủ trì",
        "1 Số trạm phát sóng Trạm 4.200 6.000 Sở Khoa học và Công nghệ",
        "Trong đó:",
        "-",
        "Trạm 5G Trạm 900 3.500 Sở Xây dựng",
        "-",
        "Trạm dùng chung Trạm 1.100 2.000 Sở Xây dựng",
    ]))
    assert ["-", "Trạm 5G", "Trạm", "900", "3.500", "Sở Xây dựng"] in rows
    assert ["-", "Trạm dùng chung", "Trạm", "1.100", "2.000", "Sở Xây dựng"] in rows


def test_a_part_naming_its_own_lead_inherits_no_support() -> None:
    # "-" parts under "Trong đó:": one naming its own lead and no support keeps its support
    # empty (not the parent row's "Sở Xây dựng"); a part naming no agency takes the
    # parent's, merged down over it, and says so
    rows = cells.read_text("\n".join([
        "Phụ lục",
        "CHỈ TIÊU HẠ TẦNG",
        "TT Chỉ tiêu Đơn vị tính Năm 2025 Năm 2030 Cơ quan chủ trì Cơ quan phối hợp",
        "1 Số trạm phát sóng Trạm 4.200 6.000 Sở Khoa học và Công nghệ Sở Xây dựng",
        "Trong đó:",
        "- Trạm 5G Trạm 900 3.500 Các doanh nghiệp viễn thông",
        "- Trạm dùng chung Trạm 1.100 2.000",
    ]), agencies=default_gazetteer).rows
    parts = [r for r in rows if r.table is not None and r.texts[0] == "-"]
    assert [r.texts[5:] for r in parts] == [
        ["Các doanh nghiệp viễn thông", ""],
        ["Sở Khoa học và Công nghệ", "Sở Xây dựng"]]
    assert parts[0].warnings == []
    assert "cell_placement_uncertain:lead" in parts[1].warnings


def test_a_communes_unit_before_the_provinces_committee_keeps_its_row_apart() -> None:
    # review r1 F14: "Phòng Văn hóa - Xã hội" then "UBND tỉnh" — a province's committee has
    # no "Phòng …" (its office is "Văn phòng UBND tỉnh"): two agencies, the lead never run
    # into the task's name
    text = "\n".join(["PHỤ LỤC", "NHIỆM VỤ BẢO ĐẢM TRẬT TỰ AN TOÀN GIAO THÔNG NĂM 2026",
                      "STT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời hạn"])
    rows = _table("\n".join([
        text, "1 Tuyên truyền an toàn giao thông trong trường học Phòng Văn hóa - Xã hội "
        "UBND tỉnh Năm 2026"]))
    assert rows[1] == ["1", "Tuyên truyền an toàn giao thông trong trường học",
                       "Phòng Văn hóa - Xã hội", "UBND tỉnh", "Năm 2026"]
    words = ["Văn", "phòng", "UBND", "tỉnh", "Sở", "Nội", "vụ"]
    assert agency_starts(words) == [4]  # (the province's office stays one agency)


def test_dash_lines_carrying_their_own_cells_under_a_colon_are_parts() -> None:
    # review r2 G7: "… gồm:" then "-" lines each with its lead, support and deadline: parts,
    # not bullets of the task's cell
    rows = _table("\n".join([
        "Phụ lục", "NHIỆM VỤ KỸ NĂNG SỐ",
        "STT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời hạn",
        "1 Tổ chức tập huấn kỹ năng số, gồm:",
        "- Tập huấn cho cán bộ, công chức xã Văn phòng HĐND và UBND Phòng Văn hóa - Xã hội "
        "Quý II/2026",
        "- Tập huấn cho người dân tại các thôn Đoàn Thanh niên xã Các thôn Quý III/2026",
        "2 Rà soát thủ tục hành chính Văn phòng HĐND và UBND Công an xã Quý IV/2026"]))
    assert ["-", "Tập huấn cho người dân tại các thôn", "Đoàn Thanh niên xã", "Các thôn",
            "Quý III/2026"] in rows
    assert rows[1][1] == "Tổ chức tập huấn kỹ năng số, gồm:"


def test_a_dash_alone_before_a_figure_is_an_empty_cells_placeholder() -> None:
    # review r2 G12: "-" alone on its line, then "98 Sở …": the baseline's placeholder, no part
    rows = _table("\n".join([
        "Phụ lục", "CHỈ TIÊU VĂN HÓA NĂM 2026",
        "TT Chỉ tiêu", "Đơn vị", "tính", "Thực hiện", "năm 2025", "Kế hoạch", "năm 2026",
        "Cơ quan chủ trì",
        "1", "Số di tích được xếp hạng cấp quốc gia Di tích 62 65 Sở Văn hóa, Thể thao",
        "và Du lịch",
        "2", "Tỷ lệ thôn, tổ dân phố có nhà văn hóa đạt chuẩn %", "-",
        "98 Sở Văn hóa, Thể thao", "và Du lịch"]))
    assert rows[2] == ["2", "Tỷ lệ thôn, tổ dân phố có nhà văn hóa đạt chuẩn", "%", "-", "98",
                       "Sở Văn hóa, Thể thao và Du lịch"]
    assert len(rows) == 3


def test_a_lettered_section_c_after_b_is_a_letter_not_a_roman_hundred() -> None:
    # "C" is also the Roman 100: after "B" it is the next letter, its rows its own (they
    # were filed under "B", the title run into the last row's note)
    rows = _table("\n".join([
        "Phụ lục",
        "NHIỆM VỤ VỆ SINH MÔI TRƯỜNG NĂM 2026",
        "STT Nội dung Chủ trì Phối hợp Thời gian Ghi chú",
        "A THU GOM RÁC THẢI",
        "1 Bố trí điểm tập kết rác tại các thôn Phòng Kinh tế Các thôn Quý I/2026",
        "B XỬ LÝ NƯỚC THẢI",
        "2 Nạo vét cống thoát nước khu chợ Phòng Kinh tế Quý II/2026",
        "C TUYÊN TRUYỀN",
        "3 Phát động ngày chủ nhật xanh Đoàn Thanh niên xã Các thôn Hằng tháng",
        "D KIỂM TRA",
        "4 Kiểm tra cơ sở chăn nuôi Phòng Kinh tế Công an xã Quý III/2026",
    ]))
    assert [r[:2] for r in rows[1:]] == [
        ["A", "THU GOM RÁC THẢI"], ["1", "Bố trí điểm tập kết rác tại các thôn"],
        ["B", "XỬ LÝ NƯỚC THẢI"], ["2", "Nạo vét cống thoát nước khu chợ"],
        ["C", "TUYÊN TRUYỀN"], ["3", "Phát động ngày chủ nhật xanh"],
        ["D", "KIỂM TRA"], ["4", "Kiểm tra cơ sở chăn nuôi"]]
    assert rows[4][-1] == ""


def test_a_deadline_merged_over_rows_is_each_rows_and_says_so() -> None:
    # -raw writes a deadline merged over rows once, in its first row: where most rows print
    # one, a row without one under a row with one takes it, the guess said on the row
    doc = cells.read_text("\n".join([
        "Phụ lục",
        "NHIỆM VỤ PHÒNG CHÁY, CHỮA CHÁY NĂM 2026",
        "STT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời hạn",
        "1 Kiểm tra an toàn phòng cháy tại chợ Công an xã Phòng Kinh tế Quý I/2026",
        "2 Tập huấn đội dân phòng Công an xã Các thôn",
        "3 Trang bị bình chữa cháy cho nhà văn hóa Phòng Kinh tế Các thôn Quý II/2026",
        "4 Tuyên truyền phòng cháy trong khu dân cư Phòng Văn hóa - Xã hội Các thôn",
    ]), agencies=default_gazetteer)
    body = [row for row in doc.rows if row.table is not None][1:]
    assert [r.texts[-1] for r in body] == ["Quý I/2026", "Quý I/2026", "Quý II/2026",
                                          "Quý II/2026"]
    assert "cell_placement_uncertain:deadline" in body[1].warnings
    assert "cell_placement_uncertain:deadline" not in body[2].warnings


def test_a_known_agency_printed_level_with_a_names_last_line_opens_the_next_cell() -> None:
    # a lead merged over rows and centred prints its first line level with the task's
    # second: "… lĩnh vực đất đai Phòng Kinh tế," / "Hạ tầng và Đô thị" — the known name
    # filling the line's rest is the lead, not the task's words
    rows = _table("\n".join([
        "Phụ lục",
        "NHIỆM VỤ CẢI CÁCH THỦ TỤC NĂM 2026",
        "STT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời hạn",
        "1",
        "Công bố danh mục thủ tục hành chính mới",
        "Văn phòng HĐND và UBND Các phòng, đơn vị Quý I/2026",
        "2",
        "Rà soát quy trình nội bộ giải quyết hồ sơ",
        "xây dựng nhà ở riêng lẻ Phòng Kinh tế,",
        "Hạ tầng và Đô thị",
        "Trung tâm Phục vụ hành chính công",
        "Năm 2026",
    ]))
    assert rows[2] == ["2", "Rà soát quy trình nội bộ giải quyết hồ sơ xây dựng nhà ở riêng lẻ",
                       "Phòng Kinh tế, Hạ tầng và Đô thị", "Trung tâm Phục vụ hành chính công",
                       "Năm 2026"]


def test_a_value_with_its_unit_in_its_cell_is_the_targets_with_no_unit_column() -> None:
    # no unit column: the target cell prints its unit ("40 hộ", "100% trường"), and a target
    # in words may wrap ("Duy trì hoạt" / "động"); none of it is the indicator's name
    rows = _table("\n".join([
        "Phụ lục",
        "CHỈ TIÊU AN SINH XÃ HỘI NĂM 2026",
        "STT Tên chỉ tiêu Chỉ tiêu năm 2026 Đơn vị theo dõi",
        "1 Số hộ cận nghèo được hỗ trợ sinh kế 40 hộ Phòng Văn hóa - Xã hội",
        "2 Tỷ lệ trường học có bếp ăn bán trú đạt chuẩn 100% trường Trạm Y tế xã",
        "3",
        "Câu lạc bộ dưỡng sinh người cao tuổi Duy trì hoạt",
        "động",
        "Hội Người cao tuổi xã",
    ]))
    assert [r[1:] for r in rows[1:]] == [
        ["Số hộ cận nghèo được hỗ trợ sinh kế", "40 hộ", "Phòng Văn hóa - Xã hội"],
        ["Tỷ lệ trường học có bếp ăn bán trú đạt chuẩn", "100% trường", "Trạm Y tế xã"],
        ["Câu lạc bộ dưỡng sinh người cao tuổi", "Duy trì hoạt động", "Hội Người cao tuổi xã"]]


def test_a_name_ending_in_va_goes_on_with_the_agency_on_its_next_line() -> None:
    # "… gửi Sở Nội vụ và" / "Ủy ban nhân dân tỉnh": the second side of "và" is the task's
    # own words (where its report goes), not the lead; the row's lead follows on its line
    rows = _table("\n".join([
        "Phụ lục",
        "NHIỆM VỤ TUYỂN DỤNG NĂM 2026",
        "STT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời gian",
        "1 Xây dựng kế hoạch tuyển dụng công chức Phòng Văn hóa - Xã hội Văn phòng HĐND và UBND"
        " Quý I/2026",
        "2",
        "Báo cáo kết quả tuyển dụng gửi Sở Nội vụ và",
        "Ủy ban nhân dân tỉnh",
        "Phòng Văn hóa - Xã hội Quý IV/2026",
    ]))
    assert rows[2] == ["2", "Báo cáo kết quả tuyển dụng gửi Sở Nội vụ và Ủy ban nhân dân tỉnh",
                       "Phòng Văn hóa - Xã hội", "", "Quý IV/2026"]


def test_an_empty_product_before_a_year_deadline_takes_no_word_of_it() -> None:
    # "… Sở Giáo dục và Đào tạo" / "Năm 2026": the product cell is empty; "Năm" alone is no
    # product, "2026" alone no deadline
    rows = _table("\n".join([
        "PHỤ LỤC",
        "NHIỆM VỤ PHÁT TRIỂN THỂ THAO NĂM 2026",
        "TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Sản phẩm Thời hạn",
        "1 Mở lớp bơi cho học sinh Trung tâm Thể thao Sở Giáo dục và Đào tạo Lớp học Quý II/2026",
        "2",
        "Duy trì giải bóng chuyền hơi",
        "Trung tâm Thể thao Ủy ban nhân dân các xã, phường",
        "Năm 2026",
    ]))
    assert rows[2][2:] == ["Trung tâm Thể thao", "Ủy ban nhân dân các xã, phường", "",
                           "Năm 2026"]


def test_a_note_cut_where_a_phrase_cannot_end_keeps_its_last_line() -> None:
    # "Theo Quyết định của" / "UBND tỉnh": the note goes on, its last line is no support
    rows = _table("\n".join([
        "Phụ lục",
        "NHIỆM VỤ NĂM 2026",
        "STT Nhiệm vụ Chủ trì Phối hợp Thời gian Ghi chú",
        "1 Kiểm kê rừng trồng Phòng Kinh tế Hạt Kiểm lâm Quý II/2026",
        "2 Giao đất trồng rừng cho hộ dân Phòng Kinh tế Các thôn Quý III/2026 Theo Quyết định của",
        "UBND tỉnh",
    ]))
    assert rows[2][2:] == ["Phòng Kinh tế", "Các thôn", "Quý III/2026",
                           "Theo Quyết định của UBND tỉnh"]


def test_a_name_ending_in_a_range_of_years_gives_the_lead_no_words() -> None:
    # "… giai đoạn 2026 - 2030" ends the name (a range of years, no value the name took)
    rows = _table("\n".join([
        "PHỤ LỤC",
        "NHIỆM VỤ NĂM 2026",
        "TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời hạn",
        "1",
        "Xây dựng đề án phát triển du lịch",
        "giai đoạn 2026 - 2030",
        "Phòng Quản lý du",
        "lịch",
        "Sở Tài chính Quý IV/2026",
    ]))
    assert rows[1][1:4] == ["Xây dựng đề án phát triển du lịch giai đoạn 2026 - 2030",
                            "Phòng Quản lý du lịch", "Sở Tài chính"]
