"""The pdftotext -layout reader on the classes left by the ninth layout session (issue 11,
fourteenth round), in our own typed text: a year's group label over columns whose own labels
are capitalised and printed under the line naming the columns (review r2 R10)."""

from chitieu import convert_text

# "Năm 2025" over "Kế hoạch giao" and "Ước đạt": "Ước đạt" is printed under the line naming
# the columns, capitalised as a group's columns' labels are; the column numbers under them
YEAR_GROUP_BELOW = """\
                                                               Năm 2025
STT               Chỉ tiêu                  Đơn vị     Kế hoạch                  Chỉ tiêu        Cơ quan chủ trì
                                             tính                   Ước đạt      năm 2026
                                                         giao
(1)                  (2)                     (3)         (4)         (5)           (6)                (7)
 1    Sản lượng thủy sản nuôi trồng          Tấn       8.400        8.650         9.000     Sở Nông nghiệp và Môi trường
 2    Diện tích rừng trồng mới tập trung     Ha        1.150        1.210         1.300     Sở Nông nghiệp và Môi trường
 3    Tỷ lệ xã đạt chuẩn nông thôn mới       %           62           64           70       Sở Nông nghiệp và Môi trường
"""  # noqa: E501


def test_a_groups_columns_labelled_under_the_line_naming_columns_are_its_own() -> None:
    document = convert_text(YEAR_GROUP_BELOW, "layout")
    assert [(r.key, r.target.raw, r.baseline.raw, r.target.unit) for r in document.records] == [
        ("1", "9.000", "8.650", "tấn"), ("2", "1.300", "1.210", "ha"), ("3", "70", "64", "%")]


# "Năm 2026" over "Chỉ tiêu" beside the name column's own "Chỉ tiêu": that year's target
YEAR_OVER_TARGET = """\
                                                                Năm 2025          Năm 2026
TT                   Chỉ tiêu                Đơn vị       Kế hoạch                             Cơ quan theo dõi
                                                                      Thực hiện   Chỉ tiêu
                                                            giao
 A    Y TẾ CƠ SỞ
 1    Tỷ lệ trạm y tế xã có bác sĩ làm việc    %            92          93,5         96           Sở Y tế
 2    Số giường bệnh trên 10.000 dân         Giường        31,5          32          33           Sở Y tế
"""  # noqa: E501


def test_a_years_label_over_chi_tieu_heads_that_years_target() -> None:
    document = convert_text(YEAR_OVER_TARGET, "layout")
    assert [(r.key, r.name, r.target.raw, r.baseline.raw, [a.role for a in r.agencies])
            for r in document.records] == [
        ("A/1", "Tỷ lệ trạm y tế xã có bác sĩ làm việc", "96", "93,5", ["monitor"]),
        ("A/2", "Số giường bệnh trên 10.000 dân", "33", "32", ["monitor"])]
