"""The pdftotext -layout reader on the shapes of heldout8's misses (issue 11, tenth round),
in our own typed text: a numbering column's label crowded one space before the next
label ("STT Nhóm")."""

from pathlib import Path

from chitieu import convert, convert_text

TWO_APPENDICES = (Path(__file__).resolve().parents[1] / "fixtures" / "whole_plans6" / "dev"
                  / "layout" / "dev_phuong_hai_phu_luc_mot_trang.txt")


def _agencies(record) -> list[tuple[str, str]]:
    return [(a.role, a.raw) for a in record.agencies]


# two numbering columns, "STT" running on, "Nhóm" numbering the groups and their items,
# their labels one space apart on the line naming the name column
NUMBER_LABEL_CROWDED = """\
                                             Đơn vị Kế hoạch Cơ quan theo        Cơ quan phối
STT Nhóm                Chỉ tiêu
                                              tính  năm 2026     dõi                 hợp
       1    Giáo dục
            Số trường đạt chuẩn quốc gia     Trường     15      Sở Giáo dục và  UBND các xã,
 1     a)
            được công nhận mới                                  Đào tạo         phường
 2     b)   Tỷ lệ phòng học kiên cố            %        92      Sở Tài chính    Sở Xây dựng
       2    Y tế
 3     a)   Số trạm y tế được sửa chữa       Trạm       20      Sở Y tế         Sở Tài chính
"""


def test_a_numbering_label_crowded_before_the_next_label_is_its_own() -> None:
    document = convert_text(NUMBER_LABEL_CROWDED, "layout")
    records = {r.key: r for r in document.records}
    assert [(k, r.name, r.target.raw, r.target.unit) for k, r in records.items()] == [
        ("1/1", "Số trường đạt chuẩn quốc gia được công nhận mới", "15", "trường"),
        ("1/2", "Tỷ lệ phòng học kiên cố", "92", "%"),
        ("2/3", "Số trạm y tế được sửa chữa", "20", "trạm")]
    assert _agencies(records["1/1"]) == [("monitor", "Sở Giáo dục và Đào tạo"),
                                       ("support", "UBND các xã, phường")]



# a task list over two pages, the header repeated: the second page holds a group's last
# items only ("2.2", "2.3": no number a simple label), the first of them numbered on its
# second line, and the cut row's last lines go on in lower case right under the header
HEADER = """\
                                         Cơ quan          Cơ quan             Thời
TT                  Nhiệm vụ                                                              Sản phẩm
                                         chủ trì          phối hợp            hạn
"""
ITEMS_AFTER_THE_BREAK = HEADER + """\
1     Hoàn thiện thể chế
1.1   Sửa quy chế quản lý chợ đầu mối    Sở Công Thương   Sở Tài chính        Quý II/2026 Quy chế
2     Phát triển thương mại
2.1   Xây dựng sàn giao dịch nông sản    Sở Công Thương   Các sở, ngành, địa  Năm 2026    Sàn giao
      của tỉnh kết nối vùng nguyên liệu
\f""" + HEADER + """\
      trọng điểm                                          phương                          dịch
      Tổ chức hội chợ hàng Việt tại các  Sở Công Thương   UBND các xã,        Tháng       Hội chợ
2.2   xã miền núi                                         phường              9/2026
      Báo cáo kết quả thực hiện          Sở Công Thương   Các sở, ngành       Tháng       Báo cáo
2.3
                                                                              12/2026
"""


def test_a_row_cut_by_the_page_break_and_items_alone_on_the_next_page() -> None:
    records = {r.number: r for r in convert_text(ITEMS_AFTER_THE_BREAK, "layout").records}
    assert [n for n in records if "." in n] == ["1.1", "2.1", "2.2", "2.3"]
    cut = records["2.1"]
    assert cut.name == ("Xây dựng sàn giao dịch nông sản của tỉnh kết nối vùng nguyên liệu "
                        "trọng điểm")
    assert _agencies(cut) == [("lead", "Sở Công Thương"),
                              ("support", "Các sở, ngành, địa phương")]
    assert cut.note == "Sàn giao dịch"
    assert _agencies(records["2.2"]) == [("lead", "Sở Công Thương"),
                                         ("support", "UBND các xã, phường")]
    assert [records[k].deadline.raw for k in ("2.2", "2.3")] == [
        "Tháng 9/2026", "Tháng 12/2026"]


# a whole plan's short table: each row's number printed on its name's line, its other cells
# centred on the lines around it (no row prints a cell beside its number but the last),
# and the plan's prose and signature under the table
SHORT_TABLE_ROWS_CENTRED = """\
II. NHIỆM VỤ
 STT                                        Cơ quan chủ      Cơ quan phối        Thời gian
                     Nhiệm vụ
                                                 trì              hợp           hoàn thành
                                           Phòng Văn hóa -   Các trường học      Quý III/2026
 1    Rà soát thư viện của các trường học
                                           Xã hội
                                           Trạm Y tế xã                          Trong 02
 2    Khám sức khỏe cho học sinh tiểu học
                                                                                 tháng
 3                                         Văn phòng
      Tổng hợp kết quả thực hiện           HĐND và                                 Tháng
                                           UBND                                   12/2026
III. TỔ CHỨC THỰC HIỆN
Phòng Văn hóa - Xã hội theo dõi, đôn đốc việc thực hiện./.
                 Nơi nhận:                             TM. ỦY BAN NHÂN DÂN
                 - Như trên;                                   CHỦ TỊCH
"""


def test_rows_numbered_on_their_names_line_under_prose_free_columns() -> None:
    records = {r.number: r for r in convert_text(SHORT_TABLE_ROWS_CENTRED, "layout").records}
    assert [(n, r.name) for n, r in records.items()] == [
        ("1", "Rà soát thư viện của các trường học"),
        ("2", "Khám sức khỏe cho học sinh tiểu học"),
        ("3", "Tổng hợp kết quả thực hiện")]
    assert _agencies(records["1"]) == [("lead", "Phòng Văn hóa - Xã hội"),
                                       ("support", "Các trường học")]
    assert _agencies(records["3"]) == [("lead", "Văn phòng HĐND và UBND")]
    assert [r.deadline.raw for r in records.values()] == [
        "Quý III/2026", "Trong 02 tháng", "Tháng 12/2026"]


def test_two_appendices_on_a_page_the_second_with_rows_centred_on_their_numbers() -> None:
    # (the second appendix's rows print their number on their name's line alone, as a
    # section's title would: read as titles, their name column showed no line)
    records = convert(TWO_APPENDICES).records
    assert [(r.key, r.name) for r in records] == [
        ("Phụ lục 1/1", "Tỷ lệ người hưởng trợ cấp nhận qua tài khoản"),
        ("Phụ lục 1/2", "Tỷ lệ hộ nghèo có điện thoại thông minh"),
        ("Phụ lục 2/1", "Mở tài khoản cho người hưởng trợ cấp"),
        ("Phụ lục 2/2", "Tập huấn sử dụng điện thoại thông minh")]
    assert _agencies(records[3]) == [("lead", "Đoàn Thanh niên")]


# a support merged over two rows of one line each, printed once across them: its first
# line on row 1's, its second on row 2's
MERGED_OVER_TWO_ONE_LINE_ROWS = """\
STT   Chỉ tiêu                           ĐVT    Kế hoạch 2026   Chủ trì        Phối hợp
 1    Số km đường giao thông nông thôn   Km          40         Sở Xây dựng    UBND các xã,
 2    Số cầu dân sinh được xây mới       Cầu         12         Sở Xây dựng    phường
 3    Số bến xe đạt chuẩn                Bến          3         Sở Xây dựng    Công an tỉnh
"""


def test_a_cell_printed_on_two_one_line_rows_is_merged_over_both() -> None:
    records = {r.key: r for r in convert_text(MERGED_OVER_TWO_ONE_LINE_ROWS, "layout").records}
    assert [_agencies(r)[1:] for r in records.values()] == [
        [("support", "UBND các xã, phường")], [("support", "UBND các xã, phường")],
        [("support", "Công an tỉnh")]]


# a lead merged over a section's three rows, printed once a line under their middle (on
# row 2's last line): the section's other rows print none, every other row its own
LEAD_OFF_THE_BLOCKS_MIDDLE = """\
TT   Chỉ tiêu                                  ĐVT     Kế hoạch 2026   Chủ trì
I    MÔI TRƯỜNG
     Tỷ lệ rác thải sinh hoạt được thu gom,                 95         Sở Nông nghiệp
1                                               %
     xử lý                                                             và Môi trường
II   ĐÔ THỊ
     Tỷ lệ đô thị hóa toàn tỉnh                             46
2                                               %

     Số căn nhà ở xã hội hoàn thành                       4.200
3                                              Căn
                                                                       Sở Xây dựng
     Tỷ lệ dân số đô thị được dùng nước                    99,5
4                                               %
     sạch
"""


def test_a_lead_merged_over_a_block_printed_off_its_middle_reaches_each_row() -> None:
    records = convert_text(LEAD_OFF_THE_BLOCKS_MIDDLE, "layout").records
    assert [(r.key, _agencies(r)) for r in records] == [
        ("I/1", [("lead", "Sở Nông nghiệp và Môi trường")]),
        ("II/2", [("lead", "Sở Xây dựng")]), ("II/3", [("lead", "Sở Xây dựng")]),
        ("II/4", [("lead", "Sở Xây dựng")])]


def test_a_lower_case_piece_alone_in_a_block_is_no_merged_cell() -> None:
    # the tail of a support that ran into the lead column ("địa phương") is not given to
    # the block's rows as their lead
    text = LEAD_OFF_THE_BLOCKS_MIDDLE.replace("Sở Xây dựng", "địa phương")
    records = convert_text(text, "layout").records
    given = [r.key for r in records if any(a.raw == "địa phương" for a in r.agencies)]
    assert "II/3" in given and "II/2" not in given


# one-line rows; in section II rows 4 and 5 print no deadline and row 6 its own, on its
# number's line: no cell merged over the block (an empty deadline is often none)
OWN_CELL_ON_ITS_NUMBER_LINE = """\
 STT   Nhiệm vụ                                  Cơ quan chủ trì          Thời gian hoàn thành
 I     HẠ TẦNG SỐ
 1     Phủ sóng 4G toàn bộ các thôn              Văn phòng HĐND và UBND   Quý II/2026
 2     Lắp đặt camera an ninh tại trung tâm xã   Công an xã               Quý III/2026
 3     Nâng cấp hệ thống truyền thanh            Phòng Văn hóa - Xã hội   Quý IV/2026
 II    CHÍNH QUYỀN SỐ
 4     Duy trì hoạt động Tổ công nghệ số         Phòng Văn hóa - Xã hội
 5     Số hóa hồ sơ hộ tịch                      Văn phòng HĐND và UBND
 6     Tuyên truyền về dịch vụ công trực tuyến   Công an xã               Tháng 12/2026
 III   XÃ HỘI SỐ
 7     Mở lớp kỹ năng số cho người cao tuổi      Hội Người cao tuổi xã    Quý III/2026
 8     Hướng dẫn cài đặt VNeID                   Công an xã               Quý IV/2026
"""


def test_a_cell_on_its_own_rows_number_line_is_not_merged_over_the_block() -> None:
    records = {r.key: r for r in convert_text(OWN_CELL_ON_ITS_NUMBER_LINE, "layout").records}
    assert [records[k].deadline is None for k in ("II/4", "II/5", "II/6")] == [
        True, True, False]
    assert records["II/6"].deadline.raw == "Tháng 12/2026"
    # the lead column likewise: rows 4 and 5 print none, row 6 its own
    text = OWN_CELL_ON_ITS_NUMBER_LINE.replace("Phòng Văn hóa - Xã hội\n", "\n").replace(
        "Văn phòng HĐND và UBND\n", "\n")
    records = {r.key: r for r in convert_text(text, "layout").records}
    assert [_agencies(records[k]) for k in ("II/4", "II/5", "II/6")] == [
        [], [], [("lead", "Công an xã")]]


# numbered group titles in sentence case over items marked "-" (or "a)"): the titles are
# sections, each item a record with its own cells
TITLES_OVER_MARKED_ITEMS = """\
 STT   Nhiệm vụ                                  Cơ quan chủ trì          Thời gian hoàn thành
 1     Lĩnh vực y tế cơ sở
       - Cập nhật hồ sơ sức khỏe điện tử         Trạm Y tế xã             Quý II/2026
       - Khám sàng lọc cho người cao tuổi        Trạm Y tế xã             Quý III/2026
 2     Lĩnh vực giáo dục
       - Lắp đặt màn hình tương tác              Trường Tiểu học xã       Tháng 8/2026
       - Tập huấn giáo viên dùng học liệu số     Phòng Văn hóa - Xã hội   Tháng 9/2026
"""


def test_numbered_titles_over_marked_items_stay_sections() -> None:
    for text in (TITLES_OVER_MARKED_ITEMS, TITLES_OVER_MARKED_ITEMS.replace(
            "       - Cập", "       a) Cập").replace("       - Khám", "       b) Khám").replace(
            "       - Lắp", "       a) Lắp").replace("       - Tập", "       b) Tập")):
        records = [r for r in convert_text(text, "layout").records if r.deadline]
        assert [(r.name, r.deadline.raw) for r in records] == [
            ("Cập nhật hồ sơ sức khỏe điện tử", "Quý II/2026"),
            ("Khám sàng lọc cho người cao tuổi", "Quý III/2026"),
            ("Lắp đặt màn hình tương tác", "Tháng 8/2026"),
            ("Tập huấn giáo viên dùng học liệu số", "Tháng 9/2026")]


def test_a_deadline_in_lower_case_merged_over_a_block_reaches_each_row() -> None:
    # a deadline may open in lower case ("hằng năm"): no agency's tail
    text = LEAD_OFF_THE_BLOCKS_MIDDLE.replace("Chủ trì", "Thời hạn").replace(
        "Sở Nông nghiệp", "Quý IV/2026").replace("và Môi trường", "").replace(
        "Sở Xây dựng", "hằng năm")
    records = convert_text(text, "layout").records
    assert [(r.key, r.deadline and r.deadline.raw) for r in records] == [
        ("I/1", "Quý IV/2026"), ("II/2", "hằng năm"), ("II/3", "hằng năm"),
        ("II/4", "hằng năm")]
