"""The pdftotext -layout reader on the shapes of heldout8's misses (issue 11, tenth round),
in our own typed text: a numbering column's label crowded one space before the next
label ("STT Nhóm")."""

from chitieu import convert_text


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
