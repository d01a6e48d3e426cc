"""The pdftotext -layout reader on the classes left by the tenth layout session (issue 11,
fifteenth round), in our own typed text: a cell's wrapped rest of several lines over a next
row's cell opening in lower case (review r2 G5: read as one cell merged over both rows and
given to both, silently)."""

from chitieu import convert_text

HEAD = ("STT  Nhiệm vụ                         Cơ quan chủ trì          Cơ quan phối hợp"
        "          Thời hạn\n")
FIRST = (" 1   Rà soát hồ sơ người có công       Phòng Văn hóa - Xã hội   Công an xã"
         "                Quý I/2026\n")


def _agencies(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(r.key, [(a.role, a.raw) for a in r.agencies])
            for r in convert_text(text, "layout").records]


# the support of row 2 wraps over three lines; row 3's support opens in lower case on its
# number's line: row 2's support alone makes row 2 three lines tall, so it is row 2's own
SUPPORT_REST = HEAD + FIRST + (
    " 2   Chi trả trợ cấp ưu đãi            Phòng Văn hóa - Xã hội   Bưu điện tỉnh, Ngân"
    "       Quý II/2026\n"
    "                                                                hàng Chính sách xã\n"
    "                                                                hội\n"
    " 3   Cập nhật cơ sở dữ liệu            Phòng Văn hóa - Xã hội   các thôn, tổ dân phố"
    "      Năm 2026\n"
    " 4   Thăm hỏi gia đình chính sách      Phòng Văn hóa - Xã hội   Các đoàn thể"
    "              Năm 2026\n")


def test_a_wrapped_support_rest_stays_with_its_row_over_a_lower_case_next_cell() -> None:
    assert _agencies(SUPPORT_REST)[1:3] == [
        ("2", [("lead", "Phòng Văn hóa - Xã hội"), ("support", "Bưu điện tỉnh"),
               ("support", "Ngân hàng Chính sách xã hội")]),
        ("3", [("lead", "Phòng Văn hóa - Xã hội"), ("support", "các thôn, tổ dân phố")])]


# the same in the lead column: a two-line lead over a next lead opening in lower case
LEAD_REST = HEAD + FIRST + (
    " 2   Chi trả trợ cấp ưu đãi            Ban Chỉ huy Quân sự      Công an xã"
    "                Quý II/2026\n"
    "                                       xã\n"
    " 3   Cập nhật cơ sở dữ liệu            các thôn, tổ dân phố     Công an xã"
    "                Năm 2026\n"
    " 4   Thăm hỏi gia đình chính sách      Phòng Văn hóa - Xã hội   Các đoàn thể"
    "              Năm 2026\n")


def test_a_wrapped_lead_rest_stays_with_its_row_over_a_lower_case_next_lead() -> None:
    leads = [[raw for role, raw in agencies if role == "lead"]
             for _, agencies in _agencies(LEAD_REST)]
    assert leads[1:3] == [["Ban Chỉ huy Quân sự xã"], ["các thôn, tổ dân phố"]]


# rows centred: row 3's name on two lines, its support opening in lower case on its first
# line, above row 3's number; row 2's support wraps onto a second line of its own
CENTRED = HEAD + FIRST + (
    " 2   Chi trả trợ cấp ưu đãi            Phòng Văn hóa - Xã hội   Bưu điện tỉnh, Ngân"
    "       Quý II/2026\n"
    "                                                                hàng Chính sách\n"
    "     Cập nhật cơ sở dữ liệu người có                            các thôn, tổ dân\n"
    " 3   công trên địa bàn xã              Phòng Văn hóa - Xã hội   phố"
    "                       Năm 2026\n"
    " 4   Thăm hỏi gia đình chính sách      Phòng Văn hóa - Xã hội   Các đoàn thể"
    "              Năm 2026\n")


def test_centred_rows_keep_their_own_supports_over_a_lower_case_next_cell() -> None:
    supports = [[raw for role, raw in agencies if role == "support"]
                for _, agencies in _agencies(CENTRED)]
    assert supports[1:3] == [["Bưu điện tỉnh", "Ngân hàng Chính sách"],
                             ["các thôn, tổ dân phố"]]


# A Title Case line of a thousand capitalised words over a header (review r2 G9's closing
# note): a part of the labels crowded on a line holds a label's words at most, so the text
# read grows with the line, not with its square (before: 2.3 million characters read)
_TITLE = ("Danh Sách Các Phòng Ban Chuyên Môn Và Đơn Vị Sự Nghiệp Trực Thuộc Ủy Ban Nhân "
          "Dân Xã Tân Hiệp")
_TITLE_WORDS = _TITLE.split(" ")
LONG_TITLE_CASE = ("   " + " ".join(_TITLE_WORDS[i % len(_TITLE_WORDS)] for i in range(1000))
                   + "\n" + HEAD + FIRST
                   + " 2   Chi trả trợ cấp ưu đãi            Phòng Kinh tế            Các thôn"
                   "                  Quý III/2026\n")


def test_a_thousand_capitals_on_a_header_line_are_read_in_short_parts(monkeypatch) -> None:
    from chitieu.extract import layout

    read = []
    first_role = layout.first_role
    monkeypatch.setattr(layout, "first_role", lambda text: read.append(len(text)) or
                        first_role(text))
    document = convert_text(LONG_TITLE_CASE, "layout")
    assert [(r.key, r.deadline.raw) for r in document.records] == [
        ("1", "Quý I/2026"), ("2", "Quý III/2026")]
    assert sum(read) < 100_000


# A letter's courtesy close printed right under the table's last row (heads' finding): the
# table ends there, its words are no cell of the last row
CLOSED = """\
                                   Phụ lục
                 CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026
STT  Chỉ tiêu                                    Đơn vị tính   Chỉ tiêu 2026   Cơ quan chủ trì
 1   Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình     %            80          Văn phòng HĐND và UBND  # noqa: E501
 2   Số hộ dân có tài khoản định danh mức 2           Hộ          2.500       Công an xã

     Trân trọng./.
"""  # noqa: E501


def test_a_courtesy_close_under_the_last_row_ends_the_table() -> None:
    document = convert_text(CLOSED, "layout")
    assert [(r.key, r.name) for r in document.records] == [
        ("1", "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình"),
        ("2", "Số hộ dân có tài khoản định danh mức 2")]


# A table of one row under a plan's body heading, its narrow "STT" column's label wrapped
# ("ST" / "T"), as a plan's short task table prints (heads' finding, whole_plans11 dev): with
# one row, no gutter of the body shows the number column — its label does, read as "STT"
ONE_ROW = """\
II. NHIỆM VỤ
 ST                                          Cơ quan chủ       Cơ quan phối    Thời gian
                    Nhiệm vụ
 T                                                trì              hợp        hoàn thành
      Số hóa sổ hộ tịch lưu trữ tại          Công an xã                           Quý
 1                                                               Hội Nông dân
      bộ phận một cửa                                                           III/2026
III. TỔ CHỨC THỰC HIỆN
Công an xã theo dõi./.
"""


def test_a_one_row_table_under_a_wrapped_number_label_keeps_its_row() -> None:
    document = convert_text(ONE_ROW, "layout")
    assert [(r.key, r.name, [a.raw for a in r.agencies], r.deadline and r.deadline.raw)
            for r in document.records] == [
        ("1", "Số hóa sổ hộ tịch lưu trữ tại bộ phận một cửa",
         ["Công an xã", "Hội Nông dân"], "Quý III/2026")]


# A range target crowded one space before the monitor's name, which opens with an agency's
# head word ("75 - 78 Cục Công nghệ"): the target's cell ends on its figure
RANGE_BEFORE_MONITOR = """\
                                                Đơn vị   Kết quả     Mục tiêu        Đơn vị chủ trì
TT                    Chỉ tiêu
                                                 tính   năm 2025     năm 2026           theo dõi
 1   Tỷ lệ giao dịch thanh toán trên thiết bị di    %       71     75 - 78 Cục Công nghệ
     động                                                                   thông tin
 2   Số điểm giao dịch lưu động ở vùng sâu, vùng  Điểm     120         150      Cục Phát hành và
     xa                                                                         Kho quỹ
 3   Tỷ lệ khách hàng hài lòng với dịch vụ          %       82          90      Vụ Thanh toán
"""


def test_a_range_target_crowded_before_the_monitor_keeps_its_figures_only() -> None:
    document = convert_text(RANGE_BEFORE_MONITOR, "layout")
    assert [(r.key, r.target.raw, [a.raw for a in r.agencies]) for r in document.records] == [
        ("1", "75 - 78", ["Cục Công nghệ thông tin"]), ("2", "150", ["Cục Phát hành và Kho quỹ"]),
        ("3", "90", ["Vụ Thanh toán"])]


# A narrow target column's label stacked over three lines ("Kế hoạch" / "năm" / "2026"), its
# middle word crowded one space before the lead's label ("năm Cơ quan chủ trì"), the
# support's label a line higher: the lead and support columns are two, apart
STACKED_BESIDE_LEAD = """\
                                                Kế hoạch
                                                                           Cơ quan phối
 STT               Chỉ tiêu                ĐVT    năm Cơ quan chủ trì
                                                                                hợp
                                                  2026
  1  Số hộ dân được cấp nước sạch sinh      Hộ    1.500   Phòng Kinh tế   Các thôn
     hoạt tập trung
  2  Tỷ lệ trường học có nhà vệ sinh đạt     %     Trên 95 Phòng Văn hóa - Các trường học
     chuẩn                                                Xã hội
  3  Số lớp tập huấn kỹ năng số cho người  Lớp     12     Công an xã     Tổ công nghệ số
     dân                                                                 cộng đồng
"""


def test_a_lead_label_crowded_after_a_stacked_target_label_keeps_lead_and_support_apart(
        ) -> None:
    document = convert_text(STACKED_BESIDE_LEAD, "layout")
    assert [(r.key, [(a.role, a.raw) for a in r.agencies]) for r in document.records] == [
        ("1", [("lead", "Phòng Kinh tế"), ("support", "Các thôn")]),
        ("2", [("lead", "Phòng Văn hóa - Xã hội"), ("support", "Các trường học")]),
        ("3", [("lead", "Công an xã"), ("support", "Tổ công nghệ số cộng đồng")])]


# A row cut by the page break, its note's first line on the first page and its rest beside the
# task's last line on the second, under the repeated header: the rest is the cut row's own,
# not the next row's (heldout13 bo_dan_toc's class; worn)
NOTE_OVER_PAGE_BREAK = (
    '                                                              Cơ quan chủ    Cơ quan phối\n'
    'TT                           Nhiệm vụ                                                          Thời hạn   Ghi chú\n'  # noqa: E501
    '                                                                  trì            hợp\n'
    '1    Khảo sát nhu cầu học nghề của lao động nông thôn         Phòng Văn hóa  Hội Nông dân      Quý I/2026\n'  # noqa: E501
    '     trên địa bàn xã                                          - Xã hội\n'
    '2    Tổ chức hội chợ việc làm cho thanh niên, người lao       Phòng Văn hóa  Đoàn Thanh        Quý        Kết hợp với\n'  # noqa: E501
    '\x0c'
    '                                                              Cơ quan chủ    Cơ quan phối\n'
    'TT                           Nhiệm vụ                                                          Thời hạn   Ghi chú\n'  # noqa: E501
    '                                                                  trì            hợp\n'
    '     động trở về địa phương năm 2026                          - Xã hội       niên              II/2026    ngày hội xuân\n'  # noqa: E501
    '     Tổng kết công tác giải quyết việc làm, giảm nghèo                       Các thôn          Tháng\n'  # noqa: E501
    '3                                                             Phòng Kinh tế\n'
    '     bền vững năm 2026                                                       Ủy ban Mặt trận   12/2026\n'  # noqa: E501
)


def test_a_notes_rest_after_the_page_break_stays_with_the_cut_row() -> None:
    document = convert_text(NOTE_OVER_PAGE_BREAK, "layout")
    assert [(r.key, r.note) for r in document.records] == [
        ("1", None), ("2", "Kết hợp với ngày hội xuân"), ("3", None)]


# Two numbering columns ("STT" running on, "TT tiêu chí" heading groups "1", "2" with items
# "a)", "b)"): a note printed on one row of a group is that row's own, never the group's
# (the probe's triage C6: given to the group's other rows too)
NOTES_UNDER_GROUPS = (
    'S   TT         Tên tiêu chí                Đơn   Kết    Mục    Đơn vị chủ    Ghi chú\n'
    'T   tiêu                                    vị   quả    tiêu      trì\n'
    'T    chí                                   tính  năm    năm\n'
    '                                                 2025   2026\n'
    '     1      Văn hóa\n'
    '1   a)       Tỷ lệ thôn có nhà văn hóa      %     88     100   Phòng Văn\n'
    '            đạt chuẩn                                          hóa - Xã hội\n'
    '2   b)      Tỷ lệ hộ gia đình văn hóa       %     90    ≥ 92   Phòng Văn    Bình xét\n'
    '                                                               hóa - Xã hội hằng năm\n'
    '                                                                            tại thôn\n'
    '     2      Môi trường\n'
    '3   a)      Tỷ lệ hộ thu gom rác thải       %     75    ≥ 85   Phòng Kinh    Các thôn\n'
    '            đúng quy định                                      tế            tự quản\n'
    '4   b)      Số tuyến đường hoa            Tuyến   6      10    Phòng Kinh\n'
    '                                                               tế\n'
)


def test_a_note_on_one_row_of_a_group_is_that_rows_own() -> None:
    document = convert_text(NOTES_UNDER_GROUPS, "layout")
    assert [(r.key, r.note) for r in document.records] == [
        ("1/1", None), ("1/2", "Bình xét hằng năm tại thôn"), ("2/3", "Các thôn tự quản"),
        ("2/4", None)]


# A deadline cell merged with the note's, its date printed centred across both ("Quý
# III/2026" over "Thời hạn" and "Ghi chú"): the row's deadline, no note, and no deadline of
# the row above copied down into it (the probe's triage C18: silent)
DEADLINE_ACROSS_NOTE = (
    'STT                 Nhiệm vụ                  Cơ quan chủ trì     Cơ quan phối hợp     Thời hạn        Ghi chú\n'  # noqa: E501
    '1.    Kiểm tra an toàn thực phẩm bếp ăn       Trạm Y tế xã        Phòng Kinh tế       Tháng 4/2026     Trước mùa hè\n'  # noqa: E501
    '      tập thể trường học\n'
    '2.    Tuyên truyền phòng chống dịch bệnh mùa  Trạm Y tế xã        Các thôn                  Quý III/2026\n'  # noqa: E501
    '      mưa bão\n'
    '3.    Phun thuốc khử khuẩn tại các điểm tập   Trạm Y tế xã        Đoàn Thanh niên     Tháng 9/2026     Sau lũ\n'  # noqa: E501
    '      kết rác thải\n'
)


def test_a_deadline_printed_across_the_notes_column_is_the_rows_deadline() -> None:
    document = convert_text(DEADLINE_ACROSS_NOTE, "layout")
    assert [(r.key, r.deadline and r.deadline.raw, r.note) for r in document.records] == [
        ("1", "Tháng 4/2026", "Trước mùa hè"), ("2", "Quý III/2026", None),
        ("3", "Tháng 9/2026", "Sau lũ")]

