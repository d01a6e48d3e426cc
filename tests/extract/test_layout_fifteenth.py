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
 1   Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình     %            80          Văn phòng HĐND và UBND
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

