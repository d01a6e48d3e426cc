"""A value group split into its total and a part ("Kế hoạch năm học 2026 - 2027" over "Tổng
số | Trong đó: công lập"), as education and health plans print it: the total is the group's
value, the part is no role of the contract and is said so, never dropped in silence."""

from chitieu import convert_text

SCHOOL_PLAN = """\
<table>
<tr><th rowspan="2">TT</th><th rowspan="2">Chỉ tiêu</th><th rowspan="2">ĐVT</th>
<th colspan="2">Kế hoạch năm học 2026 - 2027</th><th rowspan="2">Đơn vị chủ trì</th></tr>
<tr><th>Tổng số</th><th>Trong đó: công lập</th></tr>
<tr><td>1</td><td>Số trẻ em mẫu giáo đến trường</td><td>Trẻ</td><td>420</td><td>380</td>
<td>Phòng Văn hóa - Xã hội</td></tr>
<tr><td>2</td><td>Số học sinh tiểu học</td><td>Học sinh</td><td>1.250</td><td>1.250</td>
<td>Phòng Văn hóa - Xã hội</td></tr>
</table>
"""

SCHOOL_PLAN_MARKDOWN = """\
| TT | Chỉ tiêu | ĐVT | Kế hoạch năm 2026 | Kế hoạch năm 2026 | Đơn vị chủ trì |
|---|---|---|---|---|---|
| TT | Chỉ tiêu | ĐVT | Tổng số | Trong đó: công lập | Đơn vị chủ trì |
| 1 | Số trẻ em mẫu giáo đến trường | Trẻ | 420 | 380 | Phòng Văn hóa - Xã hội |
| 2 | Số học sinh tiểu học | Học sinh | 1.250 | 1.250 | Phòng Văn hóa - Xã hội |
"""


def test_the_total_under_a_group_is_its_value_and_the_part_is_warned() -> None:
    document = convert_text(SCHOOL_PLAN, "html")
    assert [c.role for c in document.columns] == ["number", "name", "unit", "target",
                                                  "unknown", "lead"]
    assert document.columns[4].header == "Kế hoạch năm học 2026 - 2027 Trong đó: công lập"
    assert [(r.key, r.target.raw) for r in document.records] == [("1", "420"),
                                                                  ("2", "1.250")]
    assert "column_unmapped:Kế hoạch năm học 2026 - 2027 Trong đó: công lập" in (
        document.warnings)


def test_a_sub_row_of_total_and_part_copied_under_merged_labels() -> None:
    document = convert_text(SCHOOL_PLAN_MARKDOWN, "markdown")
    assert [c.role for c in document.columns] == ["number", "name", "unit", "target",
                                                  "unknown", "lead"]
    assert [(r.key, r.target.raw) for r in document.records] == [("1", "420"),
                                                                  ("2", "1.250")]


UNLABELLED_SECOND_COLUMN = """\
<table>
<tr><th>TT</th><th>Nhiệm vụ</th><th colspan="2">Cơ quan thực hiện</th><th>Thời gian</th></tr>
<tr><td>1</td><td>Số hóa hồ sơ địa chính</td><td>Phòng Kinh tế</td><td>Công an xã</td>
<td>Quý III/2026</td></tr>
</table>
"""


def test_values_under_no_label_are_warned() -> None:
    document = convert_text(UNLABELLED_SECOND_COLUMN, "html")
    assert [c.role for c in document.columns] == ["number", "name", "lead", "unknown",
                                                  "deadline"]
    assert [r.deadline.raw for r in document.records] == ["Quý III/2026"]
    assert "column_unmapped:column 4" in document.warnings
