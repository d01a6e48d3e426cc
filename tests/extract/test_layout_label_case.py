"""A header label in capitals or with every word capitalised is one label: its case tells no
second label's start (review: "ĐƠN VỊ CHỦ TRÌ" was cut into a unit and a lead column, the
leads went to the unit column and were lost)."""

from chitieu import convert_text

CAPITALS = """\
 STT          NỘI DUNG NHIỆM VỤ             ĐƠN VỊ CHỦ TRÌ        THỜI GIAN HOÀN THÀNH
  1    Rà soát, chuẩn hóa dữ liệu dân cư   Công an xã                 Quý II/2026
  2    Cập nhật cơ sở dữ liệu đất đai       Phòng Kinh tế              Tháng 6/2026
  3    Triển khai dịch vụ công trực tuyến   Văn phòng HĐND và UBND     Năm 2026
"""


def test_a_label_in_capitals_is_one_label() -> None:
    document = convert_text(CAPITALS, "layout")
    assert [(c.header, c.role) for c in document.columns][2] == ("ĐƠN VỊ CHỦ TRÌ", "lead")
    assert [[(a.role, a.raw) for a in r.agencies] for r in document.records] == [
        [("lead", "Công an xã")], [("lead", "Phòng Kinh tế")],
        [("lead", "Văn phòng HĐND và UBND")]]


def test_a_label_with_every_word_capitalised_is_one_label() -> None:
    text = CAPITALS.replace("ĐƠN VỊ CHỦ TRÌ", "Đơn Vị Chủ Trì")
    document = convert_text(text, "layout")
    assert [[a.raw for a in r.agencies] for r in document.records] == [
        ["Công an xã"], ["Phòng Kinh tế"], ["Văn phòng HĐND và UBND"]]
