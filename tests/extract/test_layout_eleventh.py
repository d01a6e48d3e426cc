"""The pdftotext -layout reader on the shapes of heldout9's layout misses (issue 11, eleventh
round), in our own typed text: a group label "Năm 2025" over last year's plan and estimate,
printed off their middle beside "Kế hoạch năm 2026", over figures crowded one space apart."""

from chitieu import convert_text

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
