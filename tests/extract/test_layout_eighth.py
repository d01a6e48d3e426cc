"""The pdftotext -layout reader on the shapes of heldout6's crowded headers (issue 11,
eighth round), in our own typed text: column labels wrapped over two header lines and
crowded one space apart on both, over a body crowded alike (no gutter) or over a body
whose columns show (the labels printed a few characters off them); a group's label over
a crowded line is no crowd; a level word at a crowded line's end; two words glued."""

from chitieu import convert_text


def _agencies(record) -> list[tuple[str, str]]:
    return [(a.role, a.raw) for a in record.agencies]


# the support's and the deadline's labels wrap and crowd on both lines ("Cơ quan Hạn" /
# "phối hợp hoàn thành"), and the body's lines crowd alike ("Công an Quý III/2026"): the
# column is cut where the labels part, each line's words stacked over their own
CROWDED_TWO_LINES = """\
                                        Cơ quan    Cơ quan Hạn
  TT             Nội dung
                                        chủ trì   phối hợp hoàn thành
   1   Cấp giấy phép xây dựng qua môi   Sở Xây    Công an Quý III/2026
       trường điện tử                   dựng      tỉnh
   2   Kiểm tra trật tự xây dựng đô     Sở Xây    Các xã, Tháng
       thị trên địa bàn                 dựng      phường  9/2026
   3   Số hóa hồ sơ cấp phép cũ         Sở Nội    Sở Xây  Năm 2026
                                        vụ        dựng
"""


def test_labels_crowded_on_two_header_lines_over_a_crowded_body() -> None:
    document = convert_text(CROWDED_TWO_LINES, "layout")
    assert [(c.header, c.role) for c in document.columns] == [
        ("TT", "number"), ("Nội dung", "name"), ("Cơ quan chủ trì", "lead"),
        ("Cơ quan phối hợp", "support"), ("Hạn hoàn thành", "deadline")]
    records = {r.key: r for r in document.records}
    assert [(records[k].name, _agencies(records[k]), records[k].deadline.raw)
            for k in ("1", "2", "3")] == [
        ("Cấp giấy phép xây dựng qua môi trường điện tử",
         [("lead", "Sở Xây dựng"), ("support", "Công an tỉnh")], "Quý III/2026"),
        ("Kiểm tra trật tự xây dựng đô thị trên địa bàn",
         [("lead", "Sở Xây dựng"), ("support", "Các xã, phường")], "Tháng 9/2026"),
        ("Số hóa hồ sơ cấp phép cũ",
         [("lead", "Sở Nội vụ"), ("support", "Sở Xây dựng")], "Năm 2026")]


# three labels crowded on two lines over three columns the body shows apart, printed a few
# characters left of them: each label goes over its own column, in order (not by where its
# words' centres fall), and "Thực hiện" over "năm 2024" is no group over bare years
CROWDED_OVER_COLUMNS = """\
                                        Thực hiện Mục tiêu Cơ quan chủ trì
 TT          Chỉ tiêu
                                        năm 2024 năm 2026     theo dõi
  1  Tỷ lệ hộ dân dùng nước sạch            88%       ≥ 92%       Sở Xây dựng
  2  Số trạm cấp nước được nâng cấp      12 trạm     20 trạm      Sở Xây dựng
  3  Tỷ lệ chất thải rắn được xử lý         75%        85%        Sở Nông nghiệp
                                                                 và Môi trường
"""


def test_labels_crowded_on_two_lines_over_columns_the_body_shows() -> None:
    document = convert_text(CROWDED_OVER_COLUMNS, "layout")
    assert [(c.header, c.role) for c in document.columns] == [
        ("TT", "number"), ("Chỉ tiêu", "name"), ("Thực hiện năm 2024", "baseline"),
        ("Mục tiêu năm 2026", "target"), ("Cơ quan chủ trì theo dõi", "monitor")]
    records = {r.key: r for r in document.records}
    assert sorted(records) == ["1", "2", "3"]
    assert [(r.baseline.raw, r.target.raw, _agencies(r)) for r in records.values()] == [
        ("88%", "≥ 92%", [("monitor", "Sở Xây dựng")]),
        ("12 trạm", "20 trạm", [("monitor", "Sở Xây dựng")]),
        ("75%", "85%", [("monitor", "Sở Nông nghiệp và Môi trường")])]


# a group's label ("Cơ quan") printed over a crowded line of its columns' labels ("Chủ trì
# theo dõi" beside "Phối hợp") reaches past that line: it is no label crowded with them
GROUP_OVER_CROWD = """\
                                                                      Cơ quan
 TT          Chỉ tiêu               Đơn vị   Năm 2026
                                                        Chủ trì theo dõi      Phối hợp
  1  Số doanh nghiệp thành lập mới  DN        1.200     Sở Tài chính          Sở Công Thương
  2  Tỷ lệ hồ sơ thuế điện tử       %         98        Thuế tỉnh             Sở Tài chính
"""


def test_a_group_label_over_a_crowded_line_is_no_crowd() -> None:
    document = convert_text(GROUP_OVER_CROWD, "layout")
    assert [c.role for c in document.columns] == [
        "number", "name", "unit", "target", "monitor", "support"]
    assert [_agencies(r) for r in document.records] == [
        [("monitor", "Sở Tài chính"), ("support", "Sở Công Thương")],
        [("monitor", "Thuế tỉnh"), ("support", "Sở Tài chính")]]


# "tỉnh" one space after the lead's last line ("và Môi trường tỉnh") is the support's ("Hội
# Nông dân" / "tỉnh"): the lead's line would be longer than its first line and the word
# that did not fit on it ("Sở Nông nghiệp" + "và"), so it cannot be one line of the cell
LEVEL_WORD = """\
 STT        Nhiệm vụ               Cơ quan chủ trì  Cơ quan phối hợp   Thời hạn
  1   Tổ chức hội thi tin học trẻ  Sở Giáo dục      Tỉnh đoàn          Quý II/2026
                                   và Đào tạo
  2   Hỗ trợ nông dân chuyển đổi   Sở Nông nghiệp Hội Nông dân         Tháng 5/2026
      số trong sản xuất            và Môi trường tỉnh
  3   Tập huấn giáo viên thể dục   Sở Y tế          Sở Giáo dục        Năm 2026
                                                    và Đào tạo
"""


def test_a_level_word_at_a_crowded_line_end_goes_on_the_next_cell() -> None:
    records = {r.key: r for r in convert_text(LEVEL_WORD, "layout").records}
    assert [_agencies(records[k]) for k in ("1", "2", "3")] == [
        [("lead", "Sở Giáo dục và Đào tạo"), ("support", "Tỉnh đoàn")],
        [("lead", "Sở Nông nghiệp và Môi trường"), ("support", "Hội Nông dân tỉnh")],
        [("lead", "Sở Y tế"), ("support", "Sở Giáo dục và Đào tạo")]]


# pdftotext glued the name's last word to the lead's first ("tiếpCông"): a word in lower
# case running into a capitalised one is two
GLUED = """\
 STT        Nhiệm vụ                     Cơ quan chủ trì    Cơ quan phối hợp
  1   Hướng dẫn người dân tiếpCông an tỉnh         Sở Tư pháp
      cận dịch vụ công trực tuyến
  2   Tuyên truyền về định danh     Công an tỉnh       Sở Văn hóa, Thể thao và Du lịch
      điện tử
"""


def test_two_words_glued_across_a_cell_edge_are_read_apart() -> None:
    records = {r.key: r for r in convert_text(GLUED, "layout").records}
    assert records["1"].name == "Hướng dẫn người dân tiếp cận dịch vụ công trực tuyến"
    assert _agencies(records["1"]) == [("lead", "Công an tỉnh"), ("support", "Sở Tư pháp")]


# a lead and a support merged over a row, its "Trong đó:" and two "-" rows print on one line
# between "Trong đó:" and the first "-" row, in a table whose agencies print from their
# rows' tops: each is the other's twin, neither shows where that row starts, so both spread
# over the row and its sub-rows
TWIN_MERGED = """\
 TT          Chỉ tiêu                      Đơn vị   Năm 2026    Chủ trì        Phối hợp
     Số khách du lịch quốc tế đến tham quan,                    Sở Du lịch     Các xã,
 1                                         Lượt     520.000
     lưu trú                                                                   phường
 2   Tổng thu từ hoạt động du lịch         Tỷ đồng    4.100
                 Trong đó:
                                                                Sở Tài chính   Sở Du lịch
 -   Thu từ dịch vụ lưu trú                Tỷ đồng    1.500
 -   Thu từ dịch vụ ăn uống, vui chơi      Tỷ đồng    1.200
     Số cơ sở lưu trú du lịch đạt chuẩn                         Sở Du lịch     Hiệp hội Du
 3                                         Cơ sở        310
     phục vụ khách                                                             lịch tỉnh
"""


def test_twin_cells_merged_over_a_row_and_its_sub_rows_spread_over_them() -> None:
    records = convert_text(TWIN_MERGED, "layout").records
    assert [(r.name, _agencies(r)) for r in records] == [
        ("Số khách du lịch quốc tế đến tham quan, lưu trú",
         [("lead", "Sở Du lịch"), ("support", "Các xã, phường")]),
        ("Tổng thu từ hoạt động du lịch", [("lead", "Sở Tài chính"), ("support", "Sở Du lịch")]),
        ("Thu từ dịch vụ lưu trú", [("lead", "Sở Tài chính"), ("support", "Sở Du lịch")]),
        ("Thu từ dịch vụ ăn uống, vui chơi",
         [("lead", "Sở Tài chính"), ("support", "Sở Du lịch")]),
        ("Số cơ sở lưu trú du lịch đạt chuẩn phục vụ khách",
         [("lead", "Sở Du lịch"), ("support", "Hiệp hội Du lịch tỉnh")])]


# the columns' numbers under the header print one over each column: "(2)" and "(3)" over
# one column of the body (names that run up to the units with one space, "… công Hợp tác")
# split it between them
NUMBERED_COLUMNS = """\
                                                           Ước thực
ST                                                Đơn vị
                       Chỉ tiêu                            hiện năm     Kế hoạch 2026     Chủ trì
T                                                  tính
                                                             2025
(1)                      (2)                    (3)           (4)           (5)             (6)
 1    Số lượt khách quốc tế đến tham quan       Lượt         8.500         9.200       Sở Du lịch
                                                khách
 2    Tỷ lệ khách quay lại                       %           21,5          24          Sở Du lịch
      Số cơ sở lưu trú được công nhận đạt tiêu Cơ sở          145           160         Sở Du lịch
 3
      chuẩn phục vụ khách
"""


def test_column_numbers_split_a_column_the_body_runs_together() -> None:
    document = convert_text(NUMBERED_COLUMNS, "layout")
    assert [c.role for c in document.columns] == [
        "number", "name", "unit", "baseline", "target", "lead"]
    assert [(r.name, r.target.raw, r.target.unit) for r in document.records] == [
        ("Số lượt khách quốc tế đến tham quan", "9.200", "lượt khách"),
        ("Tỷ lệ khách quay lại", "24", "%"),
        ("Số cơ sở lưu trú được công nhận đạt tiêu chuẩn phục vụ khách", "160", "cơ sở")]
