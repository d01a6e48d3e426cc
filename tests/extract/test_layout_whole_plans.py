"""A whole plan printed by `pdftotext -layout`: letterhead, prose, then a small table in
columns. Most of its lines are prose, yet it is layout text, and the table's header may
follow a section's title."""

from chitieu import convert_text
from chitieu.extract.detect import detect_layout

# a commune's plan whose only table has two rows; "TT" and the plan's year column print on
# the header's first line, "Chỉ tiêu" and "ĐVT" centred on the second
PLAN_WITH_SMALL_TABLE = """\
         ỦY BAN NHÂN DÂN                        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
           XÃ TAM ĐẢO                                Độc lập - Tự do - Hạnh phúc
        Số: 14/KH-UBND
                                                   Tam Đảo, ngày 03 tháng 3 năm 2026

                                   KẾ HOẠCH
                     Phát triển du lịch cộng đồng năm 2026
Căn cứ Nghị quyết của Đảng ủy xã về phát triển du lịch giai đoạn 2025 - 2030;
Ủy ban nhân dân xã ban hành Kế hoạch phát triển du lịch cộng đồng năm 2026 như sau:
I. MỤC TIÊU
Phát triển du lịch cộng đồng gắn với bảo tồn bản sắc văn hóa dân tộc.
II. CHỈ TIÊU
            TT                                                          Kế hoạch
                                   Chỉ tiêu                     ĐVT
                                                                          2026
             1    Số lượt khách du lịch đến xã                  Lượt       45.000
             2    Số homestay đạt chuẩn                         Cơ sở          12
III. TỔ CHỨC THỰC HIỆN
Các thôn, cơ sở kinh doanh du lịch triển khai thực hiện Kế hoạch này./.
"""

# the header's labels wrap in narrow columns ("ST" / "T", "Cơ quan chủ" / "trì") right under
# the section's title, which names the table's column ("NHIỆM VỤ")
TASKS_UNDER_SECTION_TITLE = """\
I. MỤC TIÊU
Hoàn thành các nhiệm vụ chuyển đổi số của xã năm 2026.
II. NHIỆM VỤ
 ST                                           Cơ quan chủ       Cơ quan phối    Thời gian
                     Nhiệm vụ
 T                                                 trì              hợp        hoàn thành
 1    Số hóa hồ sơ địa chính                  Phòng Kinh tế     Công an xã     Quý III/2026
 2    Lắp đặt camera an ninh tại các thôn     Công an xã        Các thôn       Quý IV/2026
"""


def test_a_whole_plan_with_a_small_table_in_columns_is_layout_text() -> None:
    assert detect_layout(PLAN_WITH_SMALL_TABLE) == "layout"
    document = convert_text(PLAN_WITH_SMALL_TABLE)
    assert [(r.name, r.target.raw, r.target.unit) for r in document.records] == [
        ("Số lượt khách du lịch đến xã", "45.000", "lượt"),
        ("Số homestay đạt chuẩn", "12", "cơ sở")]
    assert document.plan.number == "14/KH-UBND"
    assert document.plan.issuer == "Ủy ban nhân dân xã Tam Đảo"


def test_prose_with_a_few_spaced_lines_stays_text() -> None:
    prose = ("Nơi nhận:                                 CHỦ TỊCH\n"
             "- Như trên;\n- Lưu: VT.                         Nguyễn Văn An\n"
             "Ủy ban nhân dân xã giao các thôn triển khai thực hiện./.\n")
    assert detect_layout(prose) != "layout"


def test_a_section_title_above_wrapped_labels_is_not_the_header() -> None:
    document = convert_text(TASKS_UNDER_SECTION_TITLE, "layout")
    assert [c.role for c in document.columns] == ["number", "name", "lead", "support",
                                                  "deadline"]
    assert [(r.key, r.name, r.deadline.raw) for r in document.records] == [
        ("1", "Số hóa hồ sơ địa chính", "Quý III/2026"),
        ("2", "Lắp đặt camera an ninh tại các thôn", "Quý IV/2026")]


def _letter_with_report_table() -> str:
    """A letter whose appendix, after more than a page top's worth of prose, has a header
    whose first line names one column ("Thời gian") and whose title names another."""
    prose = "".join(f"{k}. Các phòng, đơn vị rà soát số liệu của lĩnh vực được giao.\n"
                    for k in range(1, 28))
    return prose + """\
                                    PHỤ LỤC
                                 NỘI DUNG BÁO CÁO
 ST                                              Cơ quan chủ     Cơ quan phối     Thời gian
                     Nhiệm vụ
 T                                                    trì            hợp         hoàn thành
 1    Báo cáo kết quả số hóa hồ sơ                Văn phòng       Các thôn        Quý III/2026
 2    Cập nhật số liệu dân cư                     Công an xã      Các thôn        Quý IV/2026
"""


def test_wrapped_labels_deep_in_a_letter_under_a_title_naming_a_column() -> None:
    text = _letter_with_report_table()
    assert detect_layout(text) == "layout"
    document = convert_text(text)
    assert [c.role for c in document.columns] == ["number", "name", "lead", "support",
                                                  "deadline"]
    assert [(r.name, r.deadline.raw) for r in document.records] == [
        ("Báo cáo kết quả số hóa hồ sơ", "Quý III/2026"),
        ("Cập nhật số liệu dân cư", "Quý IV/2026")]


# a Party committee's plan whose tasks are in an appendix after its signature, the appendix
# printed with its label and title and no "(Kèm theo …)" line right over the table's header
PLAN_THEN_APPENDIX_WITHOUT_ATTACHMENT_LINE = """\
       ĐẢNG BỘ TỈNH NGHỆ AN                         ĐẢNG CỘNG SẢN VIỆT NAM

      ĐẢNG ỦY XÃ YÊN THÀNH                        Yên Thành, ngày 09 tháng 3 năm 2026

                      *

                Số 19-KH/ĐU

                                         KẾ HOẠCH
                          Chuyển đổi số trong công tác đảng năm 2026
Thực hiện Kế hoạch số 80-KH/TU,
I. MỤC ĐÍCH, YÊU CẦU
Đảng viên số.
II. NHIỆM VỤ
Các nhiệm vụ tại Phụ lục kèm theo.
III. TỔ CHỨC THỰC HIỆN
Văn phòng Đảng ủy theo dõi./.
                 Nơi nhận:                             T/M BAN THƯỜNG VỤ

                 - Như trên;                                   BÍ THƯ

                 - Lưu: VT.

                                                             Trần Văn Sơn

                                          PHỤ LỤC
                NHIỆM VỤ CHUYỂN ĐỔI SỐ TRONG CÔNG TÁC ĐẢNG
 ST                                            Cơ quan chủ     Cơ quan phối     Thời gian
                     Nhiệm vụ
 T                                                  trì            hợp         hoàn thành
                                              Văn phòng         Các chi bộ
 1    Cập nhật dữ liệu đảng viên                                              Quý II/2026
                                              Đảng ủy
                                              Ban Xây dựng                        Quý
 2    Sinh hoạt chi bộ trực tuyến
                                              Đảng                              III/2026
"""


def test_an_appendix_without_its_attachment_line_keeps_its_label_and_title() -> None:
    # the label, the title and the signer's name over the stacked labels were read as the
    # header's first lines ("PHỤ LỤC SỐ NĂM 2026 Cơ quan chủ trì"): the plan lost its
    # appendix and its title, the lead column's label its words
    doc = convert_text(PLAN_THEN_APPENDIX_WITHOUT_ATTACHMENT_LINE, "layout")
    assert (doc.plan.appendix, doc.plan.title) == (
        "Phụ lục", "NHIỆM VỤ CHUYỂN ĐỔI SỐ TRONG CÔNG TÁC ĐẢNG")
    assert [(r.name, [a.raw for a in r.agencies], r.deadline.raw) for r in doc.records] == [
        ("Cập nhật dữ liệu đảng viên", ["Văn phòng Đảng ủy", "Các chi bộ"], "Quý II/2026"),
        ("Sinh hoạt chi bộ trực tuyến", ["Ban Xây dựng Đảng"], "Quý III/2026")]


def test_a_letters_national_header_does_not_make_its_layout_text_spaced() -> None:
    # a ward's letter (no signature block in its text) with two appendices of wrapped rows:
    # its header's lines, read across the national name's long column, hid the tables'
    # gutters and the page was read as spaced text (20 records of fragments)
    from pathlib import Path

    letter = (Path(__file__).resolve().parents[1] / "fixtures" / "whole_plans8" / "dev"
              / "layout" / "dev_phuong_bac_lieu_hai_phu_luc.txt").read_text(encoding="utf-8")
    assert detect_layout(letter) == "layout"
    document = convert_text(letter)
    assert [r.key for r in document.records] == ["Phụ lục I/1", "Phụ lục I/2",
                                                 "Phụ lục II/1", "Phụ lục II/2"]
    assert document.plan.number == "412/UBND-KT"


# the signer's name printed across two columns' labels under it (a narrow page: "Cơ quan
# chủ" and "Cơ quan phối" both under "Hoàng Thị Minh Thư"), the appendix without its
# "(Kèm theo …)" line
SIGNER_OVER_TWO_LABELS = """\
     ĐẢNG BỘ TỈNH HÀ TĨNH              ĐẢNG CỘNG SẢN VIỆT NAM
     ĐẢNG ỦY XÃ HƯƠNG KHÊ        Hương Khê, ngày 12 tháng 5 năm 2026
                    *
              Số 33-KH/ĐU
                              KẾ HOẠCH
         Số hóa tài liệu sinh hoạt chi bộ của Đảng bộ xã năm 2026
Thực hiện Kế hoạch số 41-KH/TU ngày 20/4/2026 của Ban Thường vụ Tỉnh ủy,
I. MỤC ĐÍCH, YÊU CẦU
Tài liệu sinh hoạt chi bộ trên môi trường số.
II. NHIỆM VỤ
Các nhiệm vụ tại Phụ lục kèm theo.
III. TỔ CHỨC THỰC HIỆN
Văn phòng Đảng ủy theo dõi./.
                  Nơi nhận:                              T/M BAN THƯỜNG VỤ

                  - Như trên;                                    BÍ THƯ

                  - Lưu: VT.

                                                         Hoàng Thị Minh Thư

                                           PHỤ LỤC
                  NHIỆM VỤ SỐ HÓA TÀI LIỆU SINH HOẠT CHI BỘ
 ST                                               Cơ quan chủ    Cơ quan phối      Thời gian
                     Nhiệm vụ
 T                                                     trì            hợp         hoàn thành
       Đưa tài liệu sinh hoạt chi bộ lên ứng    Văn phòng      Ban Xây dựng      Quý III/2026
 1
       dụng sổ tay đảng viên                    Đảng ủy        Đảng
       Hướng dẫn bí thư chi bộ dùng tài liệu     Ban Xây dựng      Các chi bộ       Tháng
 2
       số trong sinh hoạt                       Đảng                               10/2026
"""


def test_a_signers_name_over_two_labels_is_no_part_of_the_appendixs_header() -> None:
    # the name, two lines above the labels, was stacked with them ("… Minh Thư Cơ quan chủ
    # Cơ quan phối trì hợp" one column): no header was found and the whole plan was lost
    doc = convert_text(SIGNER_OVER_TWO_LABELS, "layout")
    assert (doc.plan.appendix, doc.plan.number) == ("Phụ lục", "33-KH/ĐU")
    assert [(r.name, [a.raw for a in r.agencies], r.deadline.raw) for r in doc.records] == [
        ("Đưa tài liệu sinh hoạt chi bộ lên ứng dụng sổ tay đảng viên",
         ["Văn phòng Đảng ủy", "Ban Xây dựng Đảng"], "Quý III/2026"),
        ("Hướng dẫn bí thư chi bộ dùng tài liệu số trong sinh hoạt",
         ["Ban Xây dựng Đảng", "Các chi bộ"], "Tháng 10/2026")]


def test_a_first_appendix_with_stacked_labels_is_read_before_the_next_ones() -> None:
    # a resolution's tasks in "Phụ lục I" (labels a word or two a line: "ST" / "T", "Cơ quan
    # chủ" / "trì") over its targets in "Phụ lục II" (labels on one line): the second's
    # header was taken for the page's first, the first appendix lost with its records
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "fixtures" / "whole_plans9" / "dev"
            / "layout" / "dev_hdnd_tinh_tay_ninh_nghi_quyet.txt").read_text(encoding="utf-8")
    document = convert_text(text, "layout")
    assert (document.plan.appendix, document.plan.title) == (
        "Phụ lục I", "NHIỆM VỤ TRỌNG TÂM NĂM 2026")
    assert [r.key for r in document.records] == ["Phụ lục I/1", "Phụ lục I/2",
                                                 "Phụ lục II/1", "Phụ lục II/2"]
