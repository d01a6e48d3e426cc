"""The pdftotext -layout reader on shapes of real province tables (issue 11, third round):
each text is our own, laid out as LibreOffice prints such a table and pdftotext reads it."""

from pathlib import Path

from chitieu import convert_text
from chitieu.extract.detect import detect_layout

IMITATIONS = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "imitations"


def _imitation(name: str) -> str:
    """A dev imitation's `pdftotext -layout` text (tests/fixtures/real/imitations)."""
    return (IMITATIONS / f"{name}.pdftotext-layout.txt").read_text(encoding="utf-8")

# a plan period over its years, beside last year's estimate whose label wraps ("Ước TH" /
# "2025") so that its year stands on the line of the years under the group
PERIOD_OVER_YEARS = """\
TT                                                  Ước TH       Giai đoạn 2026 - 2030
                    Chỉ tiêu               ĐVT
                                                     2025    Năm 2026   Năm 2027   Năm 2030
 1    Số hợp tác xã nông nghiệp           HTX         42        45         48         55
 2    Tỷ lệ hộ dùng nước hợp vệ sinh       %          96        97         98         100
"""


def test_a_period_over_its_years_beside_last_years_estimate() -> None:
    document = convert_text(PERIOD_OVER_YEARS, "layout")
    assert [c.role for c in document.columns] == [
        "number", "name", "unit", "baseline", "target", "target", "target"]
    records = {r.key: r for r in document.records}
    assert sorted(records) == ["1@2026", "1@2027", "1@2030", "2@2026", "2@2027", "2@2030"]
    assert records["1@2027"].target.value == 48 and records["1@2027"].baseline.value == 42
    assert records["2@2030"].deadline.start == "2030-01-01"


# "Trong đó: …" rows printing their own unit and values, one under a row of three lines
# (its values centred between its name's lines), one above a numbered row
IN_WHICH_WITH_VALUES = """\
 STT                  Chỉ tiêu                 Đơn vị      Ước thực hiện     Kế hoạch
                                                tính         năm 2025        năm 2026
  1     Tổng vốn đầu tư phát triển toàn xã    Tỷ đồng
                                                              21.400          23.000
        hội
        Trong đó: Vốn ngân sách nhà nước      Tỷ đồng          4.100           4.600
  2     Tỷ lệ lao động có việc làm               %             96,1            96,5
        Trong đó: Lao động nữ                    %             95,2            95,6
  3     Số doanh nghiệp thành lập mới       Doanh nghiệp        520             600
"""


def test_in_which_rows_with_their_own_values_are_records_of_their_own() -> None:
    records = convert_text(IN_WHICH_WITH_VALUES, "layout").records
    assert [(r.key, r.name, r.target.raw, r.target.unit) for r in records] == [
        ("1", "Tổng vốn đầu tư phát triển toàn xã hội", "23.000", "tỷ đồng"),
        ("#1", "Trong đó: Vốn ngân sách nhà nước", "4.600", "tỷ đồng"),
        ("2", "Tỷ lệ lao động có việc làm", "96,5", "%"),
        ("#2", "Trong đó: Lao động nữ", "95,6", "%"),
        ("3", "Số doanh nghiệp thành lập mới", "600", "doanh nghiệp")]


# numbers on their row's top line, names and products centred in their rows (a product of
# two lines in a row of two, "Quyết định" / "UBND tỉnh"): a column with a line for each row
# leaves none of them empty, rather than centre two rows' products on one number
PRODUCTS_IN_THEIR_ROWS = """\
TT                      Nhiệm vụ                     Cơ quan chủ trì    Thời gian        Sản phẩm
1     Ban hành quy chế khai thác dữ liệu dùng          Sở Tư pháp        Quý II/2026     Quyết định
      chung của tỉnh                                                                     UBND tỉnh
2                                                    Sở Khoa học và     Quý III/2026    Báo cáo kết
      Đánh giá mức độ an toàn hệ thống thông tin
                                                     Công nghệ                          quả
      của các cơ quan nhà nước trên địa bàn tỉnh
3                                                  Trung tâm Công
      Mở rộng Trung tâm dữ liệu tỉnh               nghệ thông tin và       2026-2027     Trung tâm dữ liệu
                                                   Chuyển đổi số tỉnh
4                                                  Các doanh nghiệp          Năm 2026
      Phủ sóng 5G tại 100% khu công nghiệp, khu đô
                                                   viễn thông                                 Hạ tầng 5G
      thị
5     Hỗ trợ 40 hợp tác xã ứng dụng nền tảng số        Sở Công Thương     Hằng năm
                                                                                       Báo cáo tổng hợp
      trong sản xuất
6     Tổ chức Ngày hội chuyển đổi số cấp tỉnh          Sở Khoa học và     Tháng 10 hằng        Ngày hội
      lần thứ nhất                                     Công nghệ          năm
                                                       Sở Nông nghiệp và  Trước
      Xây dựng cơ sở dữ liệu đất trồng lúa của
7                                                      Môi trường         31/12/2026      Cơ sở dữ liệu
      tỉnh
"""  # noqa: E501


def test_a_product_in_each_row_stays_in_its_row() -> None:
    records = convert_text(PRODUCTS_IN_THEIR_ROWS, "layout").records
    assert [(r.key, r.note) for r in records] == [
        ("1", "Quyết định UBND tỉnh"), ("2", "Báo cáo kết quả"), ("3", "Trung tâm dữ liệu"),
        ("4", "Hạ tầng 5G"), ("5", "Báo cáo tổng hợp"), ("6", "Ngày hội"),
        ("7", "Cơ sở dữ liệu")]


# a portrait table's narrow columns print their labels a word a line ("S" / "T" / "T",
# "Ước" / "thực" / "hiện" / "năm" / "2025"): no line names two columns
LABELS_WORD_BY_WORD = """\
                                                           Ước
                                                                      Kế
  S                                                        thực
                                              Đơn vị               hoạch
  T                 Chỉ tiêu                               hiện
                                               tính                 năm
  T                                                        năm
                                                                    2026
                                                           2025

  1                    2                         3          4          5

  I    KINH TẾ

  1    Tốc độ tăng trưởng kinh tế                %         7,1          8

  2    Sản lượng lương thực có hạt           Nghìn tấn     215         218
"""


def test_column_labels_printed_a_word_a_line() -> None:
    document = convert_text(LABELS_WORD_BY_WORD, "layout")
    assert [c.role for c in document.columns] == ["number", "name", "unit", "baseline",
                                                  "target"]
    assert [(r.key, r.target.raw, r.baseline.raw, r.target.unit) for r in document.records] == [
        ("I/1", "8", "7,1", "%"), ("I/2", "218", "215", "nghìn tấn")]


# "III" cut by a narrow number column: "II" over "I"
NUMERAL_CUT = """\
 TT             Chỉ tiêu              Đơn vị tính    Kế hoạch năm 2026
 I    KINH TẾ
 1    Tốc độ tăng trưởng kinh tế           %                8
 II   XÃ HỘI
 2    Tỷ lệ lao động qua đào tạo           %               60
 II                            MÔI TRƯỜNG
 I
 3    Tỷ lệ che phủ rừng                   %               52
"""


def test_a_roman_numeral_cut_by_its_narrow_column_is_one_number() -> None:
    records = convert_text(NUMERAL_CUT, "layout").records
    assert [(r.key, [s.title for s in r.section]) for r in records] == [
        ("I/1", ["KINH TẾ"]), ("II/2", ["XÃ HỘI"]), ("III/3", ["MÔI TRƯỜNG"])]


# a support cell of row 3 alone between rows 2 and 4 that have none: a row's support, not
# one merged over three rows (a lead column, which every row fills, would be)
SUPPORT_OF_ITS_OWN = """\
TT          Nhiệm vụ                   Cơ quan chủ trì     Cơ quan phối hợp      Thời hạn
      Rà soát danh mục thủ tục hành
1                                     Sở Tư pháp          Các sở, ban, ngành    Quý II/2026
      chính nội bộ
      Xây dựng kho dữ liệu dùng chung     Văn phòng
2                                                                                 Năm 2026
      của tỉnh                            UBND tỉnh
      Tổ chức hội nghị sơ kết công tác    Văn phòng           Các phòng
3                                                                                 Tháng 7/2026
      chuyển đổi số 6 tháng              UBND tỉnh           chuyên môn
      Báo cáo kết quả thực hiện kế
4                                         Sở Nội vụ                              Hằng quý
      hoạch năm 2026
      Đào tạo kỹ năng số cho cán bộ,      Sở Nội vụ           Trường Chính trị
5                                                                                 Năm 2026
      công chức cấp xã                                        tỉnh
"""


def test_a_support_cell_between_rows_without_one_is_its_rows_own() -> None:
    records = convert_text(SUPPORT_OF_ITS_OWN, "layout").records
    assert [[a.raw for a in r.agencies if a.role == "support"] for r in records] == [
        ["Các sở, ban, ngành"], [], ["Các phòng chuyên môn"], [], ["Trường Chính trị tỉnh"]]


# narrow figure columns: "Ước thực" and "năm 2026" crowded on one line with one space,
# "Kế hoạch" overhanging the 2025 plan's column, "Năm 2025" over two columns its labels
# are wider than; the columns' numbers under the header keep the eight columns apart
CROWDED_LABELS = """\
                                                                  Năm 2025
                                                    Đơn vị                      Kế hoạch     Cơ quan chủ trì
TT                    Chỉ tiêu                                  Kế     Ước thực năm 2026                         Cơ quan phối hợp
                                                     tính                                       theo dõi
                                                               hoạch     hiện
1                         2                            3         4           5       6              7                     8
     Tỷ lệ hộ gia đình có tài khoản thanh toán
1                                                     %          70          72      75        Sở Tài chính     Ngân hàng Nhà nước
     điện tử
2    Số doanh nghiệp thành lập mới                  Doanh       900         950   1.000      Sở Tài chính     Thuế tỉnh Cà Mau
                                                   nghiệp
"""  # noqa: E501


def test_labels_crowded_on_a_line_and_a_group_over_narrow_columns() -> None:
    document = convert_text(CROWDED_LABELS, "layout")
    assert [c.role for c in document.columns] == [
        "number", "name", "unit", "unknown", "baseline", "target", "monitor", "support"]
    assert [(r.key, r.target.raw, r.baseline.raw) for r in document.records] == [
        ("1", "75", "72"), ("2", "1.000", "950")]


# a deadline run into the product with one space ("Năm 2026 Quy chế được"), the product's
# next line starting under "Quy"
DEADLINE_RUN_INTO_PRODUCT = """\
TT   Nhiệm vụ                            Cơ quan chủ trì   Thời gian      Sản phẩm
1    Rà soát quy định của tỉnh về khai   Sở Tư pháp        Quý II/2026    Báo cáo rà
     thác dữ liệu dân cư                                                  soát
2    Ban hành quy trình liên thông điện  Sở Tư pháp        Năm 2026 Quy chế được
     tử thủ tục đăng ký khai sinh                                   ban hành
3    Cập nhật dữ liệu hộ tịch trên địa   Công an tỉnh      Quý IV/2026    Dữ liệu được
     bàn tỉnh                                                             cập nhật
"""


def test_a_deadline_run_into_the_product_with_one_space() -> None:
    records = convert_text(DEADLINE_RUN_INTO_PRODUCT, "layout").records
    assert [(r.deadline.raw, r.note) for r in records] == [
        ("Quý II/2026", "Báo cáo rà soát"), ("Năm 2026", "Quy chế được ban hành"),
        ("Quý IV/2026", "Dữ liệu được cập nhật")]


# letter sections whose titles print centred over the figure columns (the one line printing
# into their gutters), years crowded on one line with one space ("Năm 2026 Năm 2027")
SECTIONS_CENTRED_OVER_FIGURES = """\
                                                   Đơn vị     Ước TH   Mục tiêu giai đoạn 2026 - 2030         Cơ quan chủ trì
TT                     Chỉ tiêu
                                                    tính       2025   Năm 2026 Năm 2027 Năm 2030                 theo dõi
(1)                       (2)                        (3)        (4)      (5)         (6)         (7)                (8)
 A                                                           CÔNG NGHIỆP
      Giá trị sản xuất công nghiệp tăng bình
1                                                    %           9,5       10        10,5        11         Sở Công Thương
      quân
2     Số cụm công nghiệp đi vào hoạt động           Cụm         14       16                      22         Sở Công Thương
B                                                            NÔNG NGHIỆP
3     Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao      %           45        50         55         70         Sở Xây dựng
"""  # noqa: E501


def test_section_titles_centred_over_the_figure_columns_keep_them_apart() -> None:
    document = convert_text(SECTIONS_CENTRED_OVER_FIGURES, "layout")
    assert [c.role for c in document.columns] == [
        "number", "name", "unit", "baseline", "target", "target", "target", "monitor"]
    records = {r.key: r for r in document.records}
    assert sorted(records) == ["A/1@2026", "A/1@2027", "A/1@2030", "A/2@2026", "A/2@2030",
                               "B/3@2026", "B/3@2027", "B/3@2030"]
    assert records["A/1@2027"].name == "Giá trị sản xuất công nghiệp tăng bình quân"
    assert (records["A/1@2027"].target.raw, records["A/1@2027"].baseline.raw) == ("10,5", "9,5")
    assert [a.raw for a in records["B/3@2030"].agencies] == ["Sở Xây dựng"]


def test_labels_crowded_over_the_gutters_leave_the_page_layout_text() -> None:
    # the header line "tính 2025 Năm 2026 Năm 2027 Năm 2030" crosses three gutters: with
    # them closed every line looked fuller than the page's columns (tab-separated text)
    text = _imitation("tinh_hung_yen_chi_tieu_giai_doan")
    assert detect_layout(text) == "layout"


# the target column's label "Chỉ tiêu năm 2026" starts a line above the name column's
# "Chỉ tiêu": the line naming the columns is the lower one, with "TT" and "Đơn vị tính"
TWO_LINES_NAME_COLUMNS = """\
                                                                   Năm 2025
                                                                         Ước         Chỉ tiêu   Cơ quan chủ trì
TT                   Chỉ tiêu                     Đơn vị tính    Kế                                                 Cơ quan phối hợp
                                                                         thực       năm 2026       theo dõi
                                                                hoạch
                                                                         hiện
I    KHOA HỌC, CÔNG NGHỆ
     Số doanh nghiệp khoa học và công nghệ          Doanh                                       Sở Khoa học và    Sở Tài chính
1                                                                12           14       18
     được chứng nhận                                nghiệp                                      Công nghệ
II                                                              CHUYỂN ĐỔI SỐ
     Tỷ lệ hồ sơ công việc cấp tỉnh được xử lý                                                  Văn phòng         Các sở, ban, ngành
2                                                     %          90           93      ≥ 95
     trên môi trường mạng                                                                       UBND tỉnh
"""  # noqa: E501


def test_the_line_naming_the_columns_is_the_one_that_names_the_most() -> None:
    document = convert_text(TWO_LINES_NAME_COLUMNS, "layout")
    assert [(c.header, c.role) for c in document.columns] == [
        ("TT", "number"), ("Chỉ tiêu", "name"), ("Đơn vị tính", "unit"),
        ("Năm 2025 Kế hoạch", "unknown"), ("Năm 2025 Ước thực hiện", "baseline"),
        ("Chỉ tiêu năm 2026", "target"), ("Cơ quan chủ trì theo dõi", "monitor"),
        ("Cơ quan phối hợp", "support")]
    assert [(r.key, r.name, r.target.raw, r.baseline.raw, r.target.unit)
            for r in document.records] == [
        ("I/1", "Số doanh nghiệp khoa học và công nghệ được chứng nhận", "18", "14",
         "doanh nghiệp"),
        ("II/2", "Tỷ lệ hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng", "≥ 95",
         "93", "%")]


# "Năm 2025" printed between the figures of its two narrow columns, touching the first's
# (pdftotext moves the header and the body apart a little): a group over them, no column
# of its own between them
GROUP_LABEL_BETWEEN_ITS_FIGURES = """\
                                                                   Năm 2025
                                                                         Ước         Mục tiêu
TT                   Chỉ tiêu                     Đơn vị tính    Kế                                                 Cơ quan chủ trì
                                                                         thực       năm 2026
                                                                hoạch
                                                                         hiện
1    Số doanh nghiệp khoa học và công nghệ        Doanh nghiệp   12           14       18                        Sở Tài chính
2    Số đơn đăng ký sở hữu trí tuệ                    Đơn        150          162     180                        Sở Tài chính
3    Tỷ lệ hồ sơ được xử lý trên môi trường mạng       %          90           93      ≥ 95                       Sở Tài chính
4    Tỷ lệ cơ quan kết nối mạng chuyên dùng             %          95           98      100                        Sở Tài chính
5    Tỷ lệ hộ có Internet cáp quang                     %          82           85       90                        Sở Tài chính
"""  # noqa: E501


def test_a_group_label_between_its_figures_makes_no_column() -> None:
    document = convert_text(GROUP_LABEL_BETWEEN_ITS_FIGURES, "layout")
    assert [c.header for c in document.columns] == [
        "TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025 Kế hoạch", "Năm 2025 Ước thực hiện",
        "Mục tiêu năm 2026", "Cơ quan chủ trì"]
    assert [(r.baseline.raw, r.target.raw) for r in document.records] == [
        ("14", "18"), ("162", "180"), ("93", "≥ 95"), ("98", "100"), ("85", "90")]


def test_agencies_merged_over_rows_from_the_top_go_to_each() -> None:
    # a monitor merged over rows 1–2 and 3–4, printed from the top of 1 and 3 like every
    # cell of the table: rows 2 and 4 print none; row 2's support is merged with row 1's
    # too (the row goes on row 1's block), row 4 prints its own
    text = _imitation("tinh_gia_lai_chi_tieu_nam_truoc")
    records = convert_text(text, "layout").records
    assert [[(a.role, a.raw) for a in r.agencies] for r in records[:4]] == [
        [("monitor", "Sở Khoa học và Công nghệ"), ("support", "Sở Tài chính"),
         ("support", "Các hiệp hội doanh nghiệp")],
        [("monitor", "Sở Khoa học và Công nghệ"), ("support", "Sở Tài chính"),
         ("support", "Các hiệp hội doanh nghiệp")],
        [("monitor", "Văn phòng UBND tỉnh"), ("support", "Các sở, ban, ngành")],
        [("monitor", "Văn phòng UBND tỉnh"), ("support", "Các doanh nghiệp viễn thông")]]


# monitors merged over two and three rows, printed from the top of the first like every
# cell: more rows print none than print one, each right under a row that does
MONITOR_MERGED_FROM_THE_TOP = """\
TT   Chỉ tiêu                                 Đơn vị tính   Mục tiêu năm 2026   Cơ quan chủ trì theo dõi
I    CHÍNH QUYỀN SỐ
1    Tỷ lệ hồ sơ thủ tục hành chính được xử        %              ≥ 80          Văn phòng
     lý trực tuyến                                                              UBND tỉnh
2    Tỷ lệ văn bản điện tử được ký số              %               100
     (trừ văn bản mật)
3    Tỷ lệ báo cáo định kỳ trên hệ thống           %               100
     báo cáo của tỉnh
II   KINH TẾ SỐ
4    Số doanh nghiệp công nghệ số đang        Doanh nghiệp        1.050         Sở Khoa học và
     hoạt động                                                                  Công nghệ
5    Số doanh nghiệp phần mềm                 Doanh nghiệp         370
III  XÃ HỘI SỐ
6    Tỷ lệ người dân có chữ ký số cá nhân          %              ≥ 55          Công an tỉnh
7    Tỷ lệ thuê bao điện thoại thông minh          %                95
"""  # noqa: E501


def test_monitors_merged_over_several_rows_from_the_top_go_to_each() -> None:
    records = convert_text(MONITOR_MERGED_FROM_THE_TOP, "layout").records
    assert [(r.key, [a.raw for a in r.agencies]) for r in records] == [
        ("I/1", ["Văn phòng UBND tỉnh"]), ("I/2", ["Văn phòng UBND tỉnh"]),
        ("I/3", ["Văn phòng UBND tỉnh"]), ("II/4", ["Sở Khoa học và Công nghệ"]),
        ("II/5", ["Sở Khoa học và Công nghệ"]), ("III/6", ["Công an tỉnh"]),
        ("III/7", ["Công an tỉnh"])]
    assert all("cell_placement_uncertain:Cơ quan chủ trì theo dõi" in r.warnings
               for r in records if r.key in ("I/2", "I/3", "II/5", "III/7"))


def test_a_gutter_under_an_overhanging_label_splits_the_columns() -> None:
    # "Thời gian" / "thực hiện" is wider than its column's lines: the gutter before the
    # products ("Năm 2026 Quy trình", one space) lies under its last letter
    text = _imitation("tinh_son_la_nhiem_vu_san_pham")
    records = convert_text(text, "layout").records
    assert [(r.deadline.raw, r.note) for r in records] == [
        ("Năm 2026", "Dữ liệu được số hóa"), ("Năm 2026", "Quy trình được ban hành"),
        ("Quý II/2026", "Danh mục được công bố"), ("Năm 2026", "Phần mềm được đưa vào sử dụng"),
        ("Quý III/2026", "Lớp tập huấn"), ("Tháng 12/2026", "Báo cáo đánh giá")]


def test_a_word_under_a_piece_cut_off_a_crowded_line_goes_on_it() -> None:
    # "… ngành; Thủ tục được cập" cut into support and product; two lines down "UBND các
    # xã, phường nhật" (one space) prints the product's last word right under "Thủ"
    text = _imitation("tinh_khanh_hoa_nhiem_vu_ngat_trang")
    record = next(r for r in convert_text(text, "layout").records if r.key == "5")
    assert record.note == "Thủ tục được cập nhật"
    assert [a.raw for a in record.agencies if a.role == "support"] == [
        "Các sở, ban, ngành", "UBND các xã, phường"]


def test_years_under_a_plans_group_label_are_its_target_columns() -> None:
    # "Kế hoạch các năm" centred over the bare years 2026 … 2030 (over three of them as
    # printed): a record for each year a row fills
    records = convert_text(_imitation("tinh_phu_tho_chi_tieu_tung_nam"), "layout").records
    assert [r.key for r in records if r.number == "1"] == [
        "1@2026", "1@2027", "1@2028", "1@2029", "1@2030"]
    assert records[1].target.raw == "4" and records[1].deadline.start == "2027-01-01"


def test_a_value_on_its_rows_top_line_is_not_merged_over_the_row_above() -> None:
    # the figures print from their rows' top line, row 3's two lines above its number, under
    # a "-" row that has none for 2027 - 2029: row 3's, not a cell merged over both
    records = convert_text(_imitation("tinh_phu_tho_chi_tieu_tung_nam"), "layout").records
    assert [r.key for r in records if r.name == "Sản lượng ngô"] == ["#2@2026", "#2@2030"]
    assert [r.target.raw for r in records if r.number == "3"] == ["25", "32", "40", "48", "55"]


# a support merged over rows 8 and 9, centred on what the page shows of them (row 9 goes on
# past the page break): its last line prints on row 9's number line, cut inside a known name
SUPPORT_MERGED_INTO_THE_NEXT_ROWS_LINE = """\
 TT                   Chỉ tiêu                   Đơn vị tính   Kế hoạch năm 2026   Cơ quan chủ trì theo dõi   Cơ quan phối hợp
                                                                                                            Sở Giáo dục và Đào
7     Tỷ lệ lao động qua đào tạo                       %               70                 Sở Nội vụ
                                                                                                            tạo
                                                                                          Sở Nông nghiệp    Trung tâm Khuyến
8     Tỷ lệ diện tích cây trồng hữu cơ                 %               12
                                                                                          và Môi trường     nông; UBND các
9     Số hợp tác xã nông nghiệp hoạt động hiệu quả    Hợp tác xã       85                Sở Nông nghiệp    xã, phường
                                                                                          và Môi trường
"""  # noqa: E501


def test_a_cell_cut_inside_a_known_name_between_rows_is_merged_over_both() -> None:
    records = convert_text(SUPPORT_MERGED_INTO_THE_NEXT_ROWS_LINE, "layout").records
    assert [[a.raw for a in r.agencies if a.role == "support"] for r in records] == [
        ["Sở Giáo dục và Đào tạo"], ["Trung tâm Khuyến nông", "UBND các xã, phường"],
        ["Trung tâm Khuyến nông", "UBND các xã, phường"]]


def test_a_cell_cut_after_a_lists_separator_between_rows_is_merged_over_both() -> None:
    # "Hạt Kiểm lâm;" on row 6's number line, "UBND các xã, phường" down to row 7's
    records = convert_text(_imitation("tinh_dong_thap_giao_chi_tieu_ngat_trang"),
                           "layout").records
    assert [[a.raw for a in r.agencies if a.role == "support"] for r in records[5:7]] == [
        ["Hạt Kiểm lâm", "UBND các xã, phường"], ["Hạt Kiểm lâm", "UBND các xã, phường"]]
