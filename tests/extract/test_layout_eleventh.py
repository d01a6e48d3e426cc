"""The pdftotext -layout reader on the shapes of heldout9's layout misses (issue 11, eleventh
round), in our own typed text: a group label "Năm 2025" over last year's plan and estimate,
printed off their middle beside "Kế hoạch năm 2026", over figures crowded one space apart."""

from chitieu import convert_text
from chitieu.extract.layout import _NamePairs, _opens_phrase, _Word
from chitieu.gazetteer.agencies import default_gazetteer

# "Năm 2025" starts where the plan's label "Kế hoạch" ends (or one space after it) and runs
# over "Ước thực"; rows 1 and 3 print the plan and the estimate one space apart: the two are
# the group's columns, last year's plan no target, "Kế hoạch năm 2026" the target
GROUP_OFF_MIDDLE = """\
                                                         {pad}Năm 2025
                                          Đơn vị                        Kế hoạch
 TT             Chỉ tiêu                                    Ước thực                 Cơ quan chủ trì
                                           tính    Kế hoạch             năm 2026
                                                              hiện
  1   Số thuê bao băng rộng cố định       Thuê bao 410.000 425.000      460.000   Sở Công Thương
  2   Số trạm phát sóng được lắp mới        Trạm      350        370        400   Sở Công Thương
  3   Số hộ gia đình dùng cáp quang          Hộ    380.000 395.000      420.000   Sở Công Thương
"""


def test_a_group_label_off_its_columns_middle_heads_them() -> None:
    for pad in ("", " "):
        document = convert_text(GROUP_OFF_MIDDLE.format(pad=pad), "layout")
        assert [c.header for c in document.columns][3:6] == [
            "Năm 2025 Kế hoạch", "Năm 2025 Ước thực hiện", "Kế hoạch năm 2026"], pad
        assert [(r.key, r.target.raw, r.baseline.raw) for r in document.records] == [
            ("1", "460.000", "425.000"), ("2", "400", "370"), ("3", "420.000", "395.000")], pad


# a recurring deadline and the product crowded one space apart on the last row, the
# product's first word printed six characters left of its column ("Hằng năm Báo cáo tổng"):
# the deadline ends on "năm", as a date ends on its year, and the product keeps "Báo"
RECURRING_THEN_PRODUCT = """\
 TT   Nhiệm vụ                            Cơ quan chủ trì     Thời hạn      Sản phẩm
  1   Rà soát quy chế quản lý dữ liệu     Sở Tư pháp        Quý II/2026     Quy chế được
      dùng chung của tỉnh                                                   ban hành
  2   Tổng hợp số liệu thống kê ngành     Thống kê tỉnh     Tháng 9/2026    Niên giám thống
      trên địa bàn                                                          kê
  3   Đánh giá mức độ số hóa hồ sơ        Sở Nội vụ          Hằng năm Báo cáo tổng
      hành chính                                                            hợp
"""


def test_a_recurring_deadline_crowded_before_the_product_ends_on_its_last_word() -> None:
    document = convert_text(RECURRING_THEN_PRODUCT, "layout")
    assert [(r.key, r.deadline.raw, r.note) for r in document.records] == [
        ("1", "Quý II/2026", "Quy chế được ban hành"),
        ("2", "Tháng 9/2026", "Niên giám thống kê"),
        ("3", "Hằng năm", "Báo cáo tổng hợp")]


# an appendix's short table, then the plan's text going on under it: a body heading at the
# margin and numbered paragraphs naming agencies and dates (review r1c 6) — no rows, and
# the table's cells not cut by the paragraphs' words
TABLE_THEN_PROSE = """\
 STT   Nhiệm vụ                            Đơn vị chủ trì        Đơn vị phối hợp   Thời hạn
  1    Kiểm tra an toàn đập thủy lợi       Sở Nông nghiệp và     UBND các xã       Tháng 4/2026
       trước mùa lũ                        Môi trường
  2    Tập huấn kỹ năng phòng tránh        Hội Chữ thập đỏ       Các trường học    Quý II/2026
       đuối nước cho học sinh              tỉnh
  3    Dự trữ vật tư cứu hộ tại chỗ        Sở Công Thương                          Tháng 5/2026
III. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Môi trường chủ trì theo dõi, đôn đốc các đơn vị thực hiện; tổng hợp kết
quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2026.
2. Hội Chữ thập đỏ tỉnh phối hợp Sở Giáo dục và Đào tạo bố trí giáo viên hướng dẫn tại các
trường học trên địa bàn.
3. UBND các xã chủ động rà soát vật tư, phương tiện tại chỗ.
"""

# the same table with a section row numbered as a body heading is ("II. CÔNG TÁC ỨNG PHÓ")
# at the margin: rows of columns go on under it
SECTION_AT_MARGIN = """\
 STT   Nhiệm vụ                            Đơn vị chủ trì        Đơn vị phối hợp   Thời hạn
I. CÔNG TÁC PHÒNG NGỪA
  1    Kiểm tra an toàn đập thủy lợi       Sở Nông nghiệp và     UBND các xã       Tháng 4/2026
       trước mùa lũ                        Môi trường
II. CÔNG TÁC ỨNG PHÓ
  2    Dự trữ vật tư cứu hộ tại chỗ        Sở Công Thương        UBND các xã       Tháng 5/2026
"""


def test_the_plans_prose_under_a_short_table_is_no_row() -> None:
    document = convert_text(TABLE_THEN_PROSE, "layout")
    assert [(r.key, [(a.role, a.raw) for a in r.agencies], r.deadline.raw)
            for r in document.records] == [
        ("1", [("lead", "Sở Nông nghiệp và Môi trường"), ("support", "UBND các xã")],
         "Tháng 4/2026"),
        ("2", [("lead", "Hội Chữ thập đỏ tỉnh"), ("support", "Các trường học")],
         "Quý II/2026"),
        ("3", [("lead", "Sở Công Thương")], "Tháng 5/2026")]
    document = convert_text(SECTION_AT_MARGIN, "layout")
    assert [(r.key, r.name) for r in document.records] == [
        ("I/1", "Kiểm tra an toàn đập thủy lợi trước mùa lũ"),
        ("II/2", "Dự trữ vật tư cứu hộ tại chỗ")]


# narrow agency columns whose words touch: pdftotext glues the monitor's line end to the
# lead's start ("Sở Giáo dục vàUBND các xã,"), a word in lower case to an abbreviation
TOUCHING_AGENCIES = """\
                                               Chỉ tiêu Cơ quan theo      Cơ quan thực
TT               Chỉ tiêu               ĐVT
                                              năm 2026 dõi, đánh giá          hiện
     Tỷ lệ học sinh được học bơi an        %      80   Sở Giáo dục vàUBND các xã,
 1
     toàn                                              Đào tạo       phường
     Tỷ lệ trường có sân chơi đạt chuẩn    %      65   Sở Xây dựng    Sở Giáo dục và
 2
                                                                      Đào tạo
 3   Số nhà thi đấu đa năng xây mới       Nhà      4   Sở Tài chính   UBND các xã
"""


def test_agencies_glued_across_touching_columns_are_read_apart() -> None:
    document = convert_text(TOUCHING_AGENCIES, "layout")
    first = document.records[0]
    assert [(a.role, a.raw) for a in first.agencies] == [
        ("monitor", "Sở Giáo dục và Đào tạo"), ("lead", "UBND các xã, phường")]


# a monitor and a support crowded one space apart, the support opening with "Các" four
# characters left of its column ("Sở Tư pháp Các hiệp hội"), the next row's monitor
# starting "Sở" under it: "Các" opens the support ("Các" / "Sở …" is no "Các sở, ban, ngành")
CROWDED_MONITOR_SUPPORT = """\
                                          Mục tiêu
                                   Đơn vị           Lộ trình      Cơ quan chủ     Cơ quan phối
STT             Chỉ tiêu                  đến năm
                                    tính           thực hiện       trì theo dõi       hợp
                                            2030
      Tỷ lệ xã có chợ đạt chuẩn      %      Trên 60     2026 -   Sở Nông          UBND các xã,
 1                                                       2030    nghiệp và Môi    phường
                                                                 trường
      Tỷ lệ doanh nghiệp nhỏ và      %     Tối thiểu Năm 2028     Sở Tư pháp Các hiệp hội
 2
      vừa được hỗ trợ pháp lý                 50                             doanh nghiệp
      Số sản phẩm OCOP đạt 4 sao   Sản      45        Hằng năm Sở Nông            Sở Công
 3    trở lên                      phẩm                        nghiệp và Môi     Thương
                                                               trường
"""


def test_a_capitalised_cac_crowded_after_a_monitor_opens_the_support() -> None:
    document = convert_text(CROWDED_MONITOR_SUPPORT, "layout")
    second = document.records[1]
    assert [(a.role, a.raw) for a in second.agencies] == [
        ("monitor", "Sở Tư pháp"), ("support", "Các hiệp hội doanh nghiệp")]


def test_a_known_name_goes_on_across_a_line_break_as_written() -> None:
    # (khanh_hoa's shape needs both rules: a cut after a capitalised "Các" costs as a
    # phrase's opening does; the next row's "Sở" under "Các" goes on no name)
    names = _NamePairs(default_gazetteer)
    assert names.follows("Các", "sở", as_written=True)  # "Các" / "sở, ban, ngành"
    assert not names.follows("Các", "Sở", as_written=True)  # "Các" / "Sở Nông nghiệp …"
    assert names.follows("Các", "Sở") and names.follows("Sở", "Y", as_written=True)
    assert _opens_phrase(_Word(0, 5, "pháp"), _Word(6, 9, "Các"), _Word(10, 14, "hiệp"))
    assert not _opens_phrase(_Word(0, 6, "phường"), _Word(7, 10, "các"), _Word(11, 13, "xã"))


# a section row at the margin with an introductory sentence under it, then the table's
# next numbered rows (review r2 B 1): the table goes on, no row lost
SECTION_WITH_INTRO = """\
 STT   Nhiệm vụ                            Đơn vị chủ trì        Đơn vị phối hợp   Thời hạn
I. CÔNG TÁC PHÒNG NGỪA
  1    Kiểm tra an toàn đập thủy lợi       Sở Nông nghiệp và     UBND các xã       Tháng 4/2026
       trước mùa lũ                        Môi trường
II. CÔNG TÁC ỨNG PHÓ
Các nhiệm vụ dưới đây do các sở, ngành chủ trì theo chức năng được giao trong năm
  2    Dự trữ vật tư cứu hộ tại chỗ        Sở Công Thương        UBND các xã       Tháng 5/2026
  3    Tập huấn kỹ năng phòng tránh        Hội Chữ thập đỏ       Các trường học    Quý II/2026
       đuối nước cho học sinh              tỉnh
"""


def test_a_section_heading_with_an_intro_sentence_does_not_end_the_table() -> None:
    document = convert_text(SECTION_WITH_INTRO, "layout")
    assert [r.key for r in document.records] == ["I/1", "II/2", "II/3"]
    assert document.records[2].deadline.raw == "Quý II/2026"


# a note column filled twice (too few cells to show how it prints), each on its row's top
# line above the number, as every cell of the table prints: "Lũy kế" is row 4's, not a
# cell centred over rows 3–4 (row 3 prints no note)
NOTE_ON_THE_TOP_LINE = """\
 STT   Chỉ tiêu                                 Đơn vị   Kế hoạch   Cơ quan chủ trì        Ghi chú
       Tỷ lệ hộ dân dùng nước sạch theo quy      %          92      Sở Nông nghiệp và      Cả tỉnh
  1
       chuẩn kỹ thuật                                               Môi trường
       Số công trình cấp nước tập trung         Công       35      Sở Nông nghiệp và
  2
       được nâng cấp                            trình               Môi trường
       Tỷ lệ chất thải rắn được thu gom          %          90      Sở Xây dựng
  3
       tại đô thị
       Số bãi chôn lấp được cải tạo             Bãi         4      Sở Xây dựng            Lũy kế
  4
       đạt chuẩn
"""


def test_a_sparse_column_prints_from_the_top_as_the_table_does() -> None:
    document = convert_text(NOTE_ON_THE_TOP_LINE, "layout")
    assert [(r.key, r.note) for r in document.records] == [
        ("1", "Cả tỉnh"), ("2", None), ("3", None), ("4", "Lũy kế")]


# the lead's label of five words on the line above the one naming the columns, its last
# word wrapped under it ("Đơn vị, tổ chức chủ" / "trì"): the line is the header's, whose
# label names the lead with the word under it
LONG_LABEL_ABOVE = """\
TT                                          Đơn vị, tổ chức chủ
                   Nội dung                                       Đơn vị phối hợp   Thời hạn
                                                   trì
 1   Xây dựng bộ tiêu chí xã thông minh     Sở Khoa học và        UBND các xã       Quý III/2026
                                            Công nghệ
 2   Tập huấn an toàn thông tin cho cán bộ  Công an tỉnh          Sở Nội vụ         Tháng 8/2026
 3   Số hóa hồ sơ địa chính                 Sở Nông nghiệp và     UBND các xã       Năm 2026
                                            Môi trường
"""


def test_a_label_of_five_words_above_the_naming_line_completed_under_it() -> None:
    document = convert_text(LONG_LABEL_ABOVE, "layout")
    assert [(c.header, c.role) for c in document.columns] == [
        ("TT", "number"), ("Nội dung", "name"), ("Đơn vị, tổ chức chủ trì", "lead"),
        ("Đơn vị phối hợp", "support"), ("Thời hạn", "deadline")]
    assert [r.agencies[0].raw for r in document.records] == [
        "Sở Khoa học và Công nghệ", "Công an tỉnh", "Sở Nông nghiệp và Môi trường"]


# a product of three lines from its row's top line (the number's), beside a support as tall,
# ending above the next row, which prints no product: the row's own, not a cell merged
# over both rows (its middle is nearer theirs than its own number's)
PRODUCT_FROM_THE_TOP = """\
STT   Nhiệm vụ                              Đơn vị chủ trì    Đơn vị phối hợp          Sản phẩm
 1    Xây dựng sàn giao dịch nông sản       Sở Công Thương    Các hợp tác xã, doanh    Sàn giao dịch
      trực tuyến của tỉnh                                     nghiệp                   được vận hành
 2    Hỗ trợ hộ kinh doanh mở tài khoản     Sở Công Thương    Ngân hàng Nhà nước Chi   Hộ kinh doanh
      thanh toán số tại các chợ                               nhánh Khu vực 5; UBND    được hỗ trợ
                                                              các xã, phường           tài khoản
 3    Tập huấn kỹ năng số cho tiểu          Hội Liên hiệp     Sở Công Thương
      thương tại các chợ                    Phụ nữ tỉnh
 4    Tổng kết kết quả thực hiện            Sở Công Thương    Sở Tài chính             Báo cáo
"""


def test_a_cell_from_its_rows_top_ending_above_the_next_row_is_its_own() -> None:
    document = convert_text(PRODUCT_FROM_THE_TOP, "layout")
    assert [(r.key, r.note) for r in document.records] == [
        ("1", "Sàn giao dịch được vận hành"), ("2", "Hộ kinh doanh được hỗ trợ tài khoản"),
        ("3", None), ("4", "Báo cáo")]
