"""The pdftotext -layout reader."""

from pathlib import Path

import pytest
from shared_files import real_file

from chitieu import convert, convert_text, extract
from chitieu.extract.detect import detect_layout
from chitieu.gazetteer.agencies import Gazetteer, default_gazetteer

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def cv6582(real_dir: Path) -> Path:
    return real_file("hn-syt-cv6582-2026-bang-ke-hoach-di-tru.pdftotext-layout.txt", real_dir)


# a cell wrapped and vertically centred, a cell merged over two rows, a page break
PAGES = """KẾ HOẠCH TRIỂN KHAI
 TT     Nội dung                    Đơn vị chủ trì     Thời hạn
        Rà soát dữ liệu dân cư
  1     trên địa bàn                Công an xã
        toàn xã                                        30/6/2026
  2     Số hóa hồ sơ                Văn phòng
                                    HĐND và UBND
\f                                 2
 TT     Nội dung                    Đơn vị chủ trì     Thời hạn
  3     Cập nhật dữ liệu đất đai    Phòng Kinh tế      Quý III/2026
"""


def test_columns_rows_wrapped_and_merged_cells() -> None:
    doc = extract.read_text(PAGES, "layout")
    assert [(r.page, r.texts) for r in doc.rows] == [
        (1, ["KẾ HOẠCH TRIỂN KHAI"]),
        (1, ["TT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"]),
        (1, ["1", "Rà soát dữ liệu dân cư trên địa bàn toàn xã", "Công an xã", "30/6/2026"]),
        (1, ["2", "Số hóa hồ sơ", "Văn phòng HĐND và UBND", "30/6/2026"]),
        (2, ["TT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"]),
        (2, ["3", "Cập nhật dữ liệu đất đai", "Phòng Kinh tế", "Quý III/2026"]),
    ]
    assert (doc.rows[2].first_line, doc.rows[2].last_line) == (3, 5)
    assert not [r.warnings for r in doc.rows if r.warnings], "every cell placed with confidence"


# a source line and the signature block under the table, printed across its columns
SIGNED = """ TT     Nội dung                    Đơn vị chủ trì     Thời hạn
  1     Rà soát dữ liệu dân cư      Công an xã         30/6/2026
  2     Số hóa hồ sơ                Văn phòng          Năm 2026
                                    HĐND và UBND
Nguồn: Phòng Kinh tế tổng hợp.
              Nơi nhận:                             KT. CHỦ TỊCH
          - UBND tỉnh (b/c);                         PHÓ CHỦ TỊCH
- Lưu: VT.
                                                   Nguyễn Văn An
"""


def test_lines_under_the_tables_end_are_no_cells_of_its_last_row() -> None:
    doc = extract.read_text(SIGNED, "layout")
    rows = [r.texts for r in doc.rows]
    assert rows[2] == ["2", "Số hóa hồ sơ", "Văn phòng HĐND và UBND", "Năm 2026"]
    assert rows[3:] == [["Nguồn: Phòng Kinh tế tổng hợp."], ["Nơi nhận: KT. CHỦ TỊCH"],
                        ["- UBND tỉnh (b/c); PHÓ CHỦ TỊCH"], ["- Lưu: VT."], ["Nguyễn Văn An"]]
    records = convert_text(SIGNED, "layout").records
    assert [r.name for r in records] == ["Rà soát dữ liệu dân cư", "Số hóa hồ sơ"]


# prose under the table blurs the number column: no row number to anchor rows on
UNANCHORED = """ TT     Nội dung                    Đơn vị chủ trì     Thời hạn
  1     Rà soát dữ liệu dân cư      Công an xã         30/6/2026
  2     Số hóa hồ sơ                Văn phòng          Năm 2026
                                    HĐND và UBND
Căn cứ vào kết quả thực hiện.
              Các đơn vị:                             GIAO VIỆC
          - UBND tỉnh (b/c);                         PHÓ BAN
- Lưu: VT.
                                                   Nguyễn Văn An
"""


def test_a_page_without_row_numbers_to_anchor_on_is_read_line_by_line_not_a_crash() -> None:
    records = convert_text(UNANCHORED, "layout").records
    assert [(r.name, [a.raw for a in r.agencies], r.deadline.raw) for r in records[:2]] == [
        ("Rà soát dữ liệu dân cư", ["Công an xã"], "30/6/2026"),
        ("Số hóa hồ sơ", ["Văn phòng HĐND và UBND"], "Năm 2026")]


# a deadline printed once between rows 2 and 3: merged over 2–3, or over 1–4? The text
# cannot tell (the PDF's rules could): every row it may belong to says so
MERGED_OR_NOT = """ TT     Nội dung                    Đơn vị chủ trì     Thời hạn
  1     Việc một                    Phòng A
  2     Việc hai                    Phòng B
                                                       30/6/2026
  3     Việc ba                     Phòng C
  4     Việc bốn                    Phòng D
  5     Việc năm                    Phòng E            31/12/2026
"""


def test_a_cell_that_cannot_be_placed_with_confidence_is_warned_not_moved_silently() -> None:
    rows = extract.read_text(MERGED_OR_NOT, "layout").rows[1:]
    assert [(r.texts[0], r.texts[3], r.warnings) for r in rows] == [
        ("1", "", ["cell_placement_uncertain:Thời hạn"]),
        ("2", "30/6/2026", ["cell_placement_uncertain:Thời hạn"]),
        ("3", "30/6/2026", ["cell_placement_uncertain:Thời hạn"]),
        ("4", "", ["cell_placement_uncertain:Thời hạn"]),
        ("5", "31/12/2026", []),
    ]


def test_merged_cells_the_layout_text_misplaces_are_warned(real_dir: Path) -> None:
    # kh277: agencies and a deadline printed once for rows 1/1–1/8 (the PDF's merged cells)
    path = real_file("hn-kh277-2026-phuluc.pdftotext-layout.txt", real_dir)
    warned = {r.key for r in convert(path).records
              if any(w.startswith("cell_placement_uncertain:") for w in r.warnings)}
    assert {f"1/{n}" for n in range(1, 9)} <= warned


def test_a_clean_layout_table_gets_no_placement_warning(cv6582: Path) -> None:
    assert not [r for r in convert(cv6582).records
                if any(w.startswith("cell_placement_uncertain:") for w in r.warnings)]


def test_narrow_columns_labels_over_three_lines_and_text_run_into_the_next_column(
        cv6582: Path) -> None:
    rows = [r.texts for r in extract.read(cv6582).rows]
    assert rows[2] == ["TT", "Công việc", "Đơn vị thực hiện", "Đơn vị phối hợp",
                       "Số ngày dự kiến"]
    assert rows[3] == ["1", "Xây dựng kế hoạch di trú dữ liệu sau khi chốt phương án",
                       "Sở Y tế", "Sở KHCN, Tập đoàn Viettel", "7"]
    eighth = next(r for r in rows if r[0] == "8")
    assert eighth[2:] == ["Sở Y tế", "Tập đoàn Viettel", "5"]
    assert [r[0] for r in rows[3:]] == [str(n) for n in range(1, 13)]  # page 2 too


def test_a_days_column_gives_durations(cv6582: Path) -> None:
    doc = convert(cv6582)
    first = doc.records[0]
    assert (first.deadline.kind, first.deadline.raw) == ("duration", "7")
    assert [c.role for c in doc.columns] == ["number", "name", "lead", "support", "deadline"]


def test_layout_text_is_detected(cv6582: Path) -> None:
    assert detect_layout(PAGES) == "layout"
    assert detect_layout(cv6582.read_text(encoding="utf-8")) == "layout"


def test_layout_text_under_a_long_title_is_detected() -> None:
    # three centred title lines run over the gutters of the table under them: the columns
    # are those the lines of several cells show
    title = ("                        (Kèm theo Quyết định số 15/QĐ-UBND ngày 18/12/2025 của "
             "Ủy ban nhân dân tỉnh)\n")
    text = title * 3 + "\n".join(
        f"{n}     Chỉ tiêu số {n} của tỉnh             %        8,{n}        ≥ 9      "
        f"   Sở Tài chính      Cục Thống kê" for n in range(1, 5))
    assert detect_layout(text) == "layout"


# A portrait page of narrow columns, cells from their tops: the name's lines run into the
# lead's with one space, so hardly a gutter runs clear down the page and most lines hold
# more cells than the gutters make columns — as tab-separated text whose tabs became spaces
# does; but here the cells start at the same positions line after line.
NARROW = """                                   Đơn vị chủ     Đơn vị phối    Thời gian    Sản phẩm
STT        Nội dung công việc
                                      trì            hợp         thực hiện     đầu ra
1.1   Xây dựng cơ sở dữ liệu đất đai Sở Nông        Sở Tài chính;       Quý       Cơ sở dữ liệu
      và kết nối với Cơ sở dữ liệu   nghiệp và      Công an tỉnh;     IV/2026     đất đai
      quốc gia về đất đai            Môi trường     Văn phòng
1.2   Xây dựng cơ sở dữ liệu văn   Sở Văn hóa,      Sở Khoa học và    Năm 2026 Cơ sở dữ liệu
      hóa, di sản của tỉnh         Thể thao và      Công nghệ                  di sản
1.3   Cập nhật cơ sở dữ liệu ngành Sở Giáo dục      Các cơ sở giáo                Dữ liệu được
      giáo dục                     và Đào tạo       dục                           cập nhật
2.1   Ban hành danh mục dữ liệu    Sở Khoa học      Các sở, ban,       Tháng      Danh mục dữ
      mở của tỉnh và kế hoạch công và Công          ngành; Viettel     9/2026     liệu mở
      bố dữ liệu mở                nghệ             Cao Bằng
3.1   Diễn tập ứng cứu sự cố an   Công an tỉnh Sở Khoa học và           Quý       Báo cáo diễn
      toàn thông tin mạng cho các              Công nghệ; Bộ          III/2026    tập
"""


def test_layout_text_of_narrow_crowded_columns_is_detected() -> None:
    assert detect_layout(NARROW) == "layout"


# Crowded columns (a name running into the lead, a support into the deadline with one
# space) under centred group titles: no gutter runs clear down the page, and the cells do
# not start where other lines' cells do often enough — as tab-separated text whose tabs
# became spaces looks. But each row number is printed alone between its row's wrapped
# lines, which only a page drawn with spaces does.
CENTRED_NUMBERS = FIXTURES / "layout_detect" / "crowded_centred_numbers.pdftotext-layout.txt"


def test_layout_text_with_row_numbers_centred_between_wrapped_lines_is_detected() -> None:
    assert detect_layout(CENTRED_NUMBERS.read_text(encoding="utf-8")) == "layout"


# A group label alone on the header's first line ("Năm 2025" over "Kế hoạch" / "Ước thực
# hiện"): without it the header names more roles ("Kế hoạch" alone reads as the target), but
# a label the other header lines label column by column under it is the header's own line.
GROUP_ABOVE = """                                                   Năm 2025
                                    Đơn vị               Ước       Kế hoạch   Cơ quan chủ trì
STT              Chỉ tiêu                        Kế
                                     tính                thực      năm 2026       theo dõi
                                                hoạch
                                                         hiện
 1    Tổng vốn đầu tư toàn xã hội    Tỷ đồng     38      39,2        43         Sở Tài chính
 2    Số lượt khách du lịch         Nghìn lượt  3.900   4.100      4.500        Sở Du lịch
 3    Tỷ lệ xã đạt chuẩn y tế           %        92      93          95         Sở Y tế
"""


def test_a_group_label_above_the_header_lines_heads_its_columns() -> None:
    doc = extract.read_text(GROUP_ABOVE, "layout")
    assert doc.rows[0].texts == ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025 Kế hoạch",
                                 "Năm 2025 Ước thực hiện", "Kế hoạch năm 2026",
                                 "Cơ quan chủ trì theo dõi"]
    assert doc.rows[1].texts[3:6] == ["38", "39,2", "43"]

# Every cell centred: the monitor and support cells merged over a row, its "Trong đó:" row
# and two "-" rows print once around the "Trong đó:" line (dropped: no row's text), so the
# monitor sits off the middle of any two neighbouring rows, and the support's first line,
# "Hải quan khu vực", nearer row 3's number than the rest of its cell.
MERGED_OVER_SUBROWS = """                                 Đơn vị    Kế hoạch    Cơ quan chủ trì
TT               Chỉ tiêu                                                 Cơ quan phối hợp
                                  tính     năm 2026       theo dõi
 2    Tổng vốn đầu tư toàn xã hội   Tỷ đồng     43        Sở Tài chính    Các sở, ban, ngành
                                   Triệu
 3    Tổng kim ngạch xuất khẩu                  350
                                   USD
                 Trong đó:                                                Hải quan khu vực
                                   Triệu                Sở Công Thương    Sơn La; Hiệp hội
 -    Xuất khẩu nông sản                        245
                                   USD                                    Doanh nghiệp tỉnh
                                   Triệu
 -    Xuất khẩu hàng chế biến                   105
                                   USD
 4    Số lượt khách du lịch         Nghìn lượt 4.500      Sở Du lịch      UBND các xã, phường
"""


def test_a_cell_merged_over_a_row_and_its_sub_rows_goes_to_each() -> None:
    rows = extract.read_text(MERGED_OVER_SUBROWS, "layout", agencies=default_gazetteer).rows
    by_number = [(r.texts[0], r.texts[4]) for r in rows[1:]]
    assert by_number == [("2", "Sở Tài chính"), ("3", "Sở Công Thương"), ("-", "Sở Công Thương"),
                         ("-", "Sở Công Thương"), ("4", "Sở Du lịch")]
    # the support cell is not cut between an agency and the province it is named after
    assert "Hải quan khu vực Sơn La; Hiệp hội" in rows[3].texts[5]

# Names and the support printed from their rows' tops, the rest centred: the task names sit
# two lines above their numbers (a row left without a name fits the numbers better, but
# every numbered row names its task); "Quý" / "III/2026" is one date; the lead merged over
# rows 1–3 prints once in row 2, centred on its number, rows 1 and 3 having no lead of their
# own while every other row has one; the deadline merged over rows 2–3 prints between them.
TOPS_AND_MERGES = """\
                                                                                     Thời gian
                                              Cơ quan chủ                                      Nguồn
TT                 Nhiệm vụ                                     Cơ quan phối hợp       hoàn
                                                  trì                                           vốn
                                                                                      thành

1                      2                            3                  4                5         6
A                                                           CẤP THÀNH PHỐ
I                                                              Nền tảng số
     Nâng cấp nền tảng tích hợp, chia sẻ dữ                   Văn phòng UBND                   Ngân
     liệu dùng chung của thành phố                            thành phố                Quý     sách
1
                                                                                     III/2026  thành
                                                                                               phố
     Triển khai hệ thống trợ lý ảo hỗ trợ cán                       Sở Nội vụ                  Ngân
     bộ, công chức                            Sở Khoa học và                                   sách
2
                                              Công nghệ                                        thành
                                                                                       Quý     phố
     Thuê dịch vụ điện toán đám mây cho                            Sở Tài chính      IV/2026   Ngân
     các hệ thống thông tin                                                                    sách
3
                                                                                               thành
                                                                                               phố
II   Ứng dụng chuyên ngành
     Xây dựng hệ thống quản lý hạ tầng kỹ                       Công an thành phố;             Ngân
     thuật đô thị                                               UBND các xã,                   sách
4                                             Sở Xây dựng                            Năm 2026
                                                                phường                         thành
                                                                                               phố
     Số hóa hồ sơ bệnh án tại các bệnh viện                     Bảo hiểm xã hội                Nguồn
                                                                                        Quý
5    công lập                                   Sở Y tế         thành phố                      thu
                                                                                      II/2026
                                                                                               nghiệp
"""


def test_names_from_the_top_and_cells_merged_over_rows_centred() -> None:
    rows = [r.texts for r in extract.read_text(TOPS_AND_MERGES, "layout",
                                               agencies=default_gazetteer).rows]
    numbered = [r for r in rows if r[0] in ("1", "2", "3") and r[1] != "2"]  # (not 1 2 3 …)
    assert [r[1].split()[0] for r in numbered] == ["Nâng", "Triển", "Thuê"]
    assert [r[2] for r in numbered] == ["Sở Khoa học và Công nghệ"] * 3
    assert [r[4] for r in numbered] == ["Quý III/2026", "Quý IV/2026", "Quý IV/2026"]

# A crowded line runs the support cell into the product cell with one space, the product's
# piece printed four characters left of its column: by position alone "lịch" ends the support
# cell ("UBND lịch"); a known agency name going on across the line break ("UBND" / "các xã",
# "Sở Du lịch": "du" / "lịch") says where the cut is.
CROWDED = """ TT   Nhiệm vụ                      Đơn vị phối hợp        Sản phẩm
  1   Lắp đặt camera giám sát tại    Công an tỉnh          Hệ thống camera tại
      các nút giao thông chính                             các nút giao chính
                                    Sở Văn hóa và Thể      Tối thiểu 10 điểm du
  2   Số hóa di tích, điểm tham       thao, UBND lịch được số hóa dữ liệu 3D
      quan trên địa bàn tỉnh          các xã, phường       và thuyết minh
  3   Tập huấn kỹ năng số cho cán    Sở Nội vụ             Lớp tập huấn cho
      bộ, công chức cấp xã                                 cán bộ cấp xã
"""


def test_known_agency_names_decide_where_a_crowded_line_is_cut() -> None:
    by_position = extract.read_text(CROWDED, "layout").rows[2].texts
    assert by_position[2:] == ["Sở Văn hóa và Thể thao, UBND lịch các xã, phường",
                               "Tối thiểu 10 điểm du được số hóa dữ liệu 3D và thuyết minh"]
    calls = []

    def names() -> Gazetteer:
        calls.append(1)
        return default_gazetteer()

    rows = extract.read_text(CROWDED, "layout", agencies=names).rows
    assert rows[2].texts[2:] == ["Sở Văn hóa và Thể thao, UBND các xã, phường",
                                 "Tối thiểu 10 điểm du lịch được số hóa dữ liệu 3D và thuyết minh"]
    assert [r.texts for r in rows[:2] + rows[3:]] == [
        r.texts for r in extract.read_text(CROWDED, "layout").rows[:2] + rows[3:]]
    assert calls == [1], "the names are asked for once, for the crowded line"


# Row 1's name interleaves with its other cells, then its last line follows at once ("… công
# nghệ" / "số, thanh toán …"): by the rows' centres alone that line would open row 2's name.
OPEN_SENTENCE = """ TT   Nội dung                                   Chủ trì            Sản phẩm
      Phát triển mô hình du lịch số gắn với                         Tối thiểu 10 điểm
                                                                    được số hóa
      tiêu thụ sản phẩm địa phương, kết hợp
  1                                                Sở Du lịch       toàn diện, kết
      quảng bá thông tin trực tuyến, đặt vé
                                                                    nối tiêu thụ
      và giới thiệu sản phẩm bằng công nghệ
      số, thanh toán trực tuyến, thăm quan từ xa.
      Triển khai mô hình thôn, tổ dân phố số      Sở Khoa học       Hoàn thành triển
  2   trên nền tảng số của Thành phố, gồm nhóm    và Công nghệ      khai tại 100%
      cộng đồng, phòng họp trực tuyến và các                        thôn, tổ dân phố
      tính năng khác phục vụ quản trị thôn.
"""


def test_a_line_going_on_an_open_sentence_stays_with_its_row() -> None:
    rows = extract.read_text(OPEN_SENTENCE, "layout").rows[1:]
    assert [r.texts[1] for r in rows] == [
        "Phát triển mô hình du lịch số gắn với tiêu thụ sản phẩm địa phương, kết hợp quảng bá "
        "thông tin trực tuyến, đặt vé và giới thiệu sản phẩm bằng công nghệ số, thanh toán "
        "trực tuyến, thăm quan từ xa.",
        "Triển khai mô hình thôn, tổ dân phố số trên nền tảng số của Thành phố, gồm nhóm cộng "
        "đồng, phòng họp trực tuyến và các tính năng khác phục vụ quản trị thôn."]


def test_converting_layout_text_held_in_a_string_uses_the_agency_names() -> None:
    from chitieu import convert_text

    record = convert_text(CROWDED).records[1]
    assert [a.raw for a in record.agencies] == ["Sở Văn hóa và Thể thao", "UBND các xã, phường"]


IMITATIONS = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "imitations"


def test_header_labels_of_five_words_and_in_which_beside_a_merged_cell() -> None:
    # "Cơ quan chủ trì theo" / "dõi" above and below the line naming the columns; "Trong
    # đó:" printed on the line of the monitor cell merged over the row and its sub-rows
    rows = extract.read(IMITATIONS / "tinh_tuyen_quang_giao_chi_tieu.pdftotext-layout.txt",
                        "layout").rows
    header = next(r for r in rows if r.texts[0] == "TT")
    assert header.texts == ["TT", "Chỉ tiêu", "Đơn vị tính", "Ước thực hiện năm 2025",
                            "Mục tiêu năm 2026", "Cơ quan chủ trì theo dõi", "Cơ quan phối hợp"]
    row = next(r for r in rows if r.texts[0] == "2")
    assert row.texts[1:6] == ["Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "6.250",
                              "6.900", "Sở Tài chính"]
    assert not any("Trong đó" in t for r in rows for t in r.texts)


def test_column_letters_and_units_printed_on_their_rows_top_line() -> None:
    # the header's last line four below the line naming columns; the columns' letters and
    # numbers "A B C 1 2 3" a row of their own; each unit printed on its row's top line while
    # the row's number and figures are centred in it; a figure pushed off its column
    rows = extract.read(IMITATIONS / "tinh_can_tho_chi_tieu_don_vi.pdftotext-layout.txt",
                        "layout").rows
    header = next(r for r in rows if r.texts[0] == "STT")
    assert header.texts == ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Kết quả năm 2025",
                            "Chỉ tiêu năm 2026", "Cơ quan chủ trì theo dõi"]
    assert rows[rows.index(header) + 1].texts == ["A", "B", "C", "1", "2", "3"]
    assert [r.texts[2:4] for r in rows if r.table == 0 and r.texts[0] not in {"I", "II"}] == [
        ["%", "78"], ["%", "62"], ["%", "70"], ["%", "55"], ["Điểm", "120"],
        ["Lượt người", "45.000"], ["%", "90"]]


def test_a_name_run_up_to_the_lead_under_labels_on_two_lines() -> None:
    # "Nhiệm vụ" on the header's third line, "Cơ quan chủ" on its second: the name's
    # longest lines run up to the lead with one space, no gutter between them
    rows = extract.read(IMITATIONS / "quoc_gia_de_an_nhiem_vu_doc.pdftotext-layout.txt",
                        "layout", agencies=default_gazetteer()).rows
    assert [r.texts[2] for r in rows if r.table == 0 and r.texts[0].isdigit()] == [
        "Bộ Công an", "Các bộ, ngành, địa phương", "Bộ Giáo dục và Đào tạo",
        "Bộ Nông nghiệp và Môi trường", "Các bộ, ngành, địa phương"]


def test_a_known_name_is_not_cut_between_rows() -> None:
    # "Thuế tỉnh Tuyên" / "Quang": a cell merged over a row and its sub-rows, centred, whose
    # second line holds a capitalised word going on a province's name
    rows = extract.read(IMITATIONS / "tinh_tuyen_quang_giao_chi_tieu.pdftotext-layout.txt",
                        "layout", agencies=default_gazetteer()).rows
    assert [r.texts[6] for r in rows if r.texts[0] in {"2", "-"}] == [
        "Thuế tỉnh Tuyên Quang"] * 3


def test_a_crowded_line_is_not_cut_after_a_phrase_opening_word() -> None:
    # "Các sở, ban, ngành; Thủ tục được cập": the support cell runs into the product cell
    # with one space; "Thủ" after ";" opens the product's phrase, it does not end the support
    rows = extract.read(IMITATIONS / "tinh_khanh_hoa_nhiem_vu_ngat_trang.pdftotext-layout.txt",
                        "layout", agencies=default_gazetteer()).rows
    row = next(r for r in rows if r.texts[0] == "5.")
    assert row.texts[3].startswith("Các sở, ban, ngành; UBND các xã, phường")
    assert row.texts[4].startswith("Thủ tục được cập")


IMITATIONS = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "imitations"


def test_a_section_title_centred_over_a_gutter_is_the_sections_name() -> None:
    # "II … ĐỀ ÁN": a short title centred across the table runs over the gutter between
    # two columns with one space: the words of one run are one title, not two cells
    text = (IMITATIONS / "quoc_gia_nhiem_vu_cap_ban_hanh.pdftotext-layout.txt").read_text()
    rows = [r.texts for r in extract.read_text(text, "layout",
                                               agencies=default_gazetteer).rows]
    section = next(r for r in rows if r[0] == "II")
    assert section == ["II", "ĐỀ ÁN", "", "", "", "", ""]


def test_a_row_cut_by_the_page_break_goes_on_under_the_repeated_header() -> None:
    # page 2 holds the header again and two lines of row 6: too few to show the narrow
    # number column, whose label "TT" then ran into "Nhiệm vụ"; the page takes the columns
    # the previous page showed, fitted to its own lines
    text = (IMITATIONS / "quoc_gia_nhiem_vu_cap_ban_hanh.pdftotext-layout.txt").read_text()
    rows = extract.read_text(text, "layout", agencies=default_gazetteer).rows
    headers = [r.texts for r in rows if r.texts[0] == "TT"]
    assert len(headers) == 2 and headers[0] == headers[1]
    assert rows[-1].texts == ["", "quốc gia", "Công nghệ", "ngang bộ, cơ quan thuộc Chính phủ",
                              "", "Chính phủ", "30/11/2026"]


def test_a_group_label_ending_where_its_second_column_starts_heads_both() -> None:
    # "Năm 2025" centred over two narrow columns ("Kế hoạch", "Ước thực hiện") ends on the
    # position where the second column's lines start
    text = (IMITATIONS / "tinh_vinh_long_chi_tieu_cat_trang.pdftotext-layout.txt").read_text()
    header = extract.read_text(text, "layout", agencies=default_gazetteer).rows[3].texts
    assert header[3:5] == ["Năm 2025 Kế hoạch", "Năm 2025 Ước thực hiện"]


# A name's last line is "trong đó:", lower case after a comma: the name's last words, not a
# "Trong đó:" row (which is no row: the one under row 3 is dropped)
NAME_ENDS_IN_WHICH = """ TT   Chỉ tiêu                          Đơn vị tính     Kế hoạch 2026
  1   Tổng vốn đầu tư toàn xã hội,      Tỷ đồng         12.000
      trong đó:
  -   Vốn ngân sách nhà nước            Tỷ đồng          3.000
  2   Tổng thu ngân sách trên địa       Tỷ đồng          6.900
      bàn, trong đó:
  -   Thu nội địa                       Tỷ đồng          6.000
  3   Số doanh nghiệp thành lập mới     Doanh nghiệp       500
      Trong đó:
  -   Doanh nghiệp công nghệ số         Doanh nghiệp        50
"""


def test_a_names_last_line_in_which_after_a_comma_is_part_of_the_name() -> None:
    rows = extract.read_text(NAME_ENDS_IN_WHICH, "layout").rows[1:]
    assert [r.texts[:2] for r in rows] == [
        ["1", "Tổng vốn đầu tư toàn xã hội, trong đó:"], ["-", "Vốn ngân sách nhà nước"],
        ["2", "Tổng thu ngân sách trên địa bàn, trong đó:"], ["-", "Thu nội địa"],
        ["3", "Số doanh nghiệp thành lập mới"], ["-", "Doanh nghiệp công nghệ số"]]
