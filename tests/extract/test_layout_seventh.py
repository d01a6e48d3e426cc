"""The pdftotext -layout reader on the shapes of heldout5's misses (issue 11, seventh round),
in our own text: crowded columns (one space between them) under centred group titles, a
unit column a name runs into, a cell merged over a "Trong đó:" row and its sub-rows, units
of rows printed close together, an agency's first word printed a line above its row."""

from pathlib import Path

from chitieu import convert, convert_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CENTRED_NUMBERS = FIXTURES / "layout_detect" / "crowded_centred_numbers.pdftotext-layout.txt"


def _agencies(record) -> list[tuple[str, str]]:
    return [(a.role, a.raw) for a in record.agencies]


# crowded columns under centred group titles: the lead's label "Cơ quan chủ trì" runs over
# the emptiest position between it and "Cơ quan phối hợp" (where the body's lines leave a
# gap), each group title ("1   Y tế cơ sở") is centred on its number's line and the next
# row's first line, with its support, is printed between that line and the row's number
def test_crowded_columns_under_centred_group_titles() -> None:
    document = convert(CENTRED_NUMBERS)
    assert [(c.header, c.role) for c in document.columns] == [
        ("STT", "number"), ("Nhiệm vụ", "name"), ("Cơ quan chủ trì", "lead"),
        ("Cơ quan phối hợp", "support"), ("Thời hạn hoàn thành", "deadline"),
        ("Ghi chú", "note")]
    records = {r.key: r for r in document.records}
    assert sorted(records) == ["I/1/1.1", "I/1/1.2", "I/1/1.3", "II/1/1.1", "II/1/1.2"]
    assert [s.title for s in records["I/1/1.1"].section] == ["Y TẾ", "Y tế cơ sở"]
    assert [s.title for s in records["II/1/1.2"].section] == ["GIÁO DỤC", "Trường học"]
    expected = {
        "I/1/1.1": ("Khám sức khỏe định kỳ cho người cao tuổi trên địa bàn xã",
                    [("lead", "Trạm Y tế xã"), ("support", "Hội Người cao tuổi")],
                    "Quý III/2026"),
        "I/1/1.2": ("Tiêm chủng mở rộng cho trẻ em dưới 1 tuổi đạt tỷ lệ theo kế hoạch",
                    [("lead", "Trạm Y tế xã"), ("support", "Các thôn, ấp")], "Hằng năm"),
        "I/1/1.3": ("Truyền thông phòng, chống dịch bệnh mùa mưa tại các thôn, ấp",
                    [("lead", "Trạm Y tế xã"), ("support", "Đài Truyền thanh xã")],
                    "Tháng 6/2026"),
        "II/1/1.1": ("Sửa chữa phòng học xuống cấp tại điểm trường Tân Phú",
                     [("lead", "Phòng Văn hóa - Xã hội"),
                      ("support", "Trường Tiểu học Tân Phú")], "Tháng 8/2026"),
        "II/1/1.2": ("Trang bị máy tính cho phòng tin học của trường Tân Phú",
                     [("lead", "Phòng Văn hóa - Xã hội"), ("support", "Trường THCS Tân Phú"),
                      ("support", "Đoàn Thanh niên xã")], "Năm 2026"),
    }
    for key, (name, agencies, deadline) in expected.items():
        record = records[key]
        assert (record.name, _agencies(record), record.deadline.raw) == (
            name, agencies, deadline), key


# a label run over a column's edge stays whole only when its parts name nothing: two
# labels crowded on a line ("Đơn vị tính Chỉ tiêu") each head their own column
CUT_LABEL = """\
STT          Nhiệm vụ               Cơ quan chủ trì    Cơ quan phối hợp     Thời hạn
1     Lập quy hoạch chi tiết khu Sở Xây dựng      UBND các xã, phường  Quý II/2026
      dân cư mới
2     Kiểm tra an toàn công trình Công an tỉnh    Sở Xây dựng          Quý III/2026
      công cộng
3     Cải tạo hệ thống chiếu sáng  Sở Xây dựng    Công an tỉnh         Năm 2026
"""


def test_a_crowded_lead_label_cut_by_the_gutter_stays_whole() -> None:
    document = convert_text(CUT_LABEL, "layout")
    assert [(c.header, c.role) for c in document.columns] == [
        ("STT", "number"), ("Nhiệm vụ", "name"), ("Cơ quan chủ trì", "lead"),
        ("Cơ quan phối hợp", "support"), ("Thời hạn", "deadline")]
    assert [_agencies(r) for r in document.records] == [
        [("lead", "Sở Xây dựng"), ("support", "UBND các xã, phường")],
        [("lead", "Công an tỉnh"), ("support", "Sở Xây dựng")],
        [("lead", "Sở Xây dựng"), ("support", "Công an tỉnh")]]


# a task's line crowded with one space into its lead, "… mức độ chứng Bộ Giáo dục và":
# the task's next line, "chỉ số hóa …", does not make "Bộ" the task's ("Bộ Chỉ huy" is a
# known name): known names weigh in the cut of the agency columns only
CROWDED_MINISTRY = """\
STT          Nội dung nhiệm vụ                    Cơ quan chủ trì   Cơ quan phối hợp   Thời hạn
1     Rà soát chương trình đào tạo về kỹ năng số    Bộ Tư pháp       Bộ Công an        Quý II/2026
      cho cán bộ làm công tác pháp chế ở bộ, ngành
2     Xây dựng bộ tiêu chí đánh giá mức độ chứng Bộ Giáo dục và      Bộ Nội vụ         Quý III/2026
      chỉ số hóa văn bằng tại các trường học         Đào tạo
3     Tổ chức tập huấn nghiệp vụ cho đội ngũ        Bộ Nội vụ        Các địa phương    Năm 2026
      giảng viên
"""


def test_a_ministry_crowded_against_its_task_keeps_its_first_word() -> None:
    records = convert_text(CROWDED_MINISTRY, "layout").records
    assert [(r.name, _agencies(r)) for r in records] == [
        ("Rà soát chương trình đào tạo về kỹ năng số cho cán bộ làm công tác pháp chế ở bộ, "
         "ngành",
         [("lead", "Bộ Tư pháp"), ("support", "Bộ Công an")]),
        ("Xây dựng bộ tiêu chí đánh giá mức độ chứng chỉ số hóa văn bằng tại các trường học",
         [("lead", "Bộ Giáo dục và Đào tạo"), ("support", "Bộ Nội vụ")]),
        ("Tổ chức tập huấn nghiệp vụ cho đội ngũ giảng viên",
         [("lead", "Bộ Nội vụ"), ("support", "Các địa phương")])]
