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


def test_a_head_noun_before_a_capitalised_role_word_is_one_label() -> None:
    # (review, round 2) "Đơn vị Chủ trì", "Cơ quan Phối hợp": the role words of the label
    # its head noun opens, not "Đơn vị" (the unit) crowded beside "Chủ trì"
    text = CAPITALS.replace("ĐƠN VỊ CHỦ TRÌ", "Đơn vị Chủ trì")
    document = convert_text(text, "layout")
    assert [(c.header, c.role) for c in document.columns][2] == ("Đơn vị Chủ trì", "lead")
    assert [[(a.role, a.raw) for a in r.agencies] for r in document.records] == [
        [("lead", "Công an xã")], [("lead", "Phòng Kinh tế")],
        [("lead", "Văn phòng HĐND và UBND")]]


def test_a_cell_spread_on_loose_evidence_is_said() -> None:
    # (review, round 2) a deadline on the middle one-line row between rows with none, one
    # other row filled: a cell merged over three rows or the middle row's alone look the
    # same; spread, the rows given it say so
    text = """\
 STT   Nội dung nhiệm vụ                    Cơ quan chủ trì            Thời hạn
  1    Rà soát, chuẩn hóa dữ liệu dân cư   Công an xã
  2    Cập nhật cơ sở dữ liệu đất đai       Phòng Kinh tế             Quý II/2026
  3    Triển khai dịch vụ công trực tuyến   Văn phòng HĐND và UBND
  4    Tổ chức hội nghị sơ kết              Văn phòng HĐND và UBND     Năm 2026
"""
    records = convert_text(text, "layout").records
    assert [r.deadline.raw for r in records] == ["Quý II/2026"] * 3 + ["Năm 2026"]
    assert ["cell_placement_uncertain:Thời hạn" in r.warnings for r in records] == [
        True, False, True, False]
