import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu.core.text import clean_text
from chitieu.normalize.target import (
    find_embedded_target,
    name_unit,
    normalize_unit,
    parse_number,
    parse_target,
    split_embedded_target,
)

# (printed target cell, unit column cell) → (op, value, upper, unit, text, warnings)
_REACHED_BY_CUTS = ("Phấn đấu giảm 30 triệu giờ công/năm nhờ cắt báo cáo thủ công, "
                    "giảm nhập liệu")
_REACHED_THROUGH = "giảm 5 tỷ đồng thông qua mua sắm tập trung, đấu thầu qua mạng"


TARGET_CASES = [
    # seed 000: LaTeX targets with a unit column
    ("$\\geq 70$", "%", (">=", 70, None, "%", None, [])),
    ("100", "%", ("=", 100, None, "%", None, [])),
    ("$\\geq 30$", "Sản phẩm", (">=", 30, None, "sản phẩm", None, [])),
    ("$\\geq 10$", "Bài báo", (">=", 10, None, "bài báo", None, [])),
    ("$\\leq 15$", "Thứ bậc", ("<=", 15, None, "thứ bậc", None, [])),
    ("$\\geq 0.70$", "Chỉ số", (">=", 0.7, None, "chỉ số", None, [])),
    ("$\\geq 10$", "Lần GRDP", (">=", 10, None, "lần GRDP", None, [])),
    # seed 002: targets cut from the names
    ("100%", None, ("=", 100, None, "%", None, [])),
    ("≥80%", None, (">=", 80, None, "%", None, [])),
    (">50%", None, (">", 50, None, "%", None, [])),
    # seed 004
    ("≥ 70", "%", (">=", 70, None, "%", None, [])),
    ("≥70", "%", (">=", 70, None, "%", None, [])),
    ("≥ 1,5", "%", (">=", 1.5, None, "%", None, [])),
    ("≥ 2,2", "% GRDP", (">=", 2.2, None, "% GRDP", None, [])),
    ("75", "%", ("=", 75, None, "%", None, [])),
    ("Hoạt động ổn định", "Duy trì", (None, None, None, "duy trì", "Hoạt động ổn định", [])),
    ("Hoạt động ổn định", "Trang TTĐT",
     (None, None, None, "trang TTĐT", "Hoạt động ổn định", [])),
    ("Ứng dụng", "Ứng dụng", (None, None, None, "ứng dụng", "Ứng dụng", [])),
    ("Đáp ứng", "", (None, None, None, None, "Đáp ứng", [])),
    # vn-nq03 Phụ lục I
    ("≥ 5", "Tổ chức, doanh nghiệp", (">=", 5, None, "tổ chức, doanh nghiệp", None, [])),
    (">= 30", "%", (">=", 30, None, "%", None, [])),
    ("> 0,7", "Chỉ số phát triển con người (HDI)",
     (">", 0.7, None, "chỉ số phát triển con người (HDI)", None, [])),
    ("40 - 50", "Tổ chức", ("between", 40, 50, "tổ chức", None, [])),
    ("16 - 18", "%/năm", ("between", 16, 18, "%/năm", None, [])),
    ("20% - 50%", "%", ("between", 20, 50, "%", None, [])),
    ("09", "Tuyến cáp quang biển", ("=", 9, None, "tuyến cáp quang biển", None, [])),
    ("≥ 03", "Trung tâm dữ liệu quốc gia", (">=", 3, None, "trung tâm dữ liệu quốc gia", None, [])),
    ("≥ 350", "Tbps", (">=", 350, None, "Tbps", None, [])),
    ("12", "Người/vạn dân", ("=", 12, None, "người/vạn dân", None, [])),
    ("99", "% dân số", ("=", 99, None, "% dân số", None, [])),
    ("≥ 3% và tăng dần theo yêu cầu phát triển", "% tổng chi NSNN",
     (">=", 3, None, "% tổng chi NSNN", None, [])),
    ("≤ 3 Đông Nam Á; ≤ 50 Thế giới", "Thứ bậc",
     ("<=", 3, None, "thứ bậc", None, ["target_multiple"])),
    ("Đạt mức trên trung bình của thế giới", "Thứ bậc",
     (None, None, None, "thứ bậc", "Đạt mức trên trung bình của thế giới", [])),
    # printed units and operator words
    ("≥ 1.000 hộ", None, (">=", 1000, None, "hộ", None, [])),
    ("100% thôn", None, ("=", 100, None, "% thôn", None, [])),
    ("100% thôn", "%", ("=", 100, None, "% thôn", None, [])),
    # what a target counts, listed to the end of its cell
    ("100% cán bộ, công chức", None, ("=", 100, None, "% cán bộ, công chức", None, [])),
    ("≥ 90% cán bộ, công chức, viên chức.", None,
     (">=", 90, None, "% cán bộ, công chức, viên chức", None, [])),
    ("02 tin, bài/tháng", None, ("=", 2, None, "tin, bài/tháng", None, [])),
    ("100% thôn, tổ dân phố", "%", ("=", 100, None, "% thôn, tổ dân phố", None, [])),
    # … but not a sentence or another target after the comma
    ("100% xã, phường và đặc khu", None, ("=", 100, None, "% xã", None, [])),
    ("100% hộ, trong đó 50% hộ nghèo", None,
     ("=", 100, None, "% hộ", None, ["target_multiple"])),
    # whom a target counts ends its unit; an age there is no second target
    ("Tối thiểu 85% dân số từ 14 tuổi", None, (">=", 85, None, "% dân số", None, [])),
    ("≥ 90% trẻ em dưới 5 tuổi", None, (">=", 90, None, "% trẻ em", None, [])),
    ("100% người từ đủ 14 tuổi trở lên", None, ("=", 100, None, "% người", None, [])),
    ("80% xã thuộc diện khó khăn", None, ("=", 80, None, "% xã", None, [])),
    # how a target is reached ends its unit ("nhờ …", "thông qua …", "bằng cách …")
    (_REACHED_BY_CUTS, None, ("=", 30, None, "triệu giờ công/năm", _REACHED_BY_CUTS, [])),
    (_REACHED_THROUGH, None, ("=", 5, None, "tỷ đồng", _REACHED_THROUGH, [])),
    ("80%, 90%", None, ("=", 80, None, "%", None, ["target_multiple"])),
    ("1,5% GRDP", None, ("=", 1.5, None, "% GRDP", None, [])),
    ("45% GRDP", "", ("=", 45, None, "% GRDP", None, [])),
    ("≥ 70%", "%", (">=", 70, None, "%", None, [])),
    ("70 - 80%", None, ("between", 70, 80, "%", None, [])),
    ("70–80 %", None, ("between", 70, 80, "%", None, [])),
    ("từ 70 đến 80%", None, ("between", 70, 80, "%", None, [])),
    ("50-60%", None, ("between", 50, 60, "%", None, [])),
    ("đạt 100%", None, ("=", 100, None, "%", None, [])),
    ("Đạt 100%", "%", ("=", 100, None, "%", None, [])),
    ("tối thiểu 80%", None, (">=", 80, None, "%", None, [])),
    ("Tối thiểu 2.000 sản phẩm/dịch vụ", None,
     (">=", 2000, None, "sản phẩm/dịch vụ", None, [])),
    ("ít nhất 20 tập dữ liệu", None, (">=", 20, None, "tập dữ liệu", None, [])),
    ("không dưới 90%", None, (">=", 90, None, "%", None, [])),
    ("không thấp hơn 85%", None, (">=", 85, None, "%", None, [])),
    ("từ 80% trở lên", None, (">=", 80, None, "%", None, [])),
    ("1.000 hộ trở lên", None, (">=", 1000, None, "hộ", None, [])),
    ("trên 60%", None, (">", 60, None, "%", None, [])),
    ("hơn 50%", None, (">", 50, None, "%", None, [])),
    ("vượt 10%", None, (">", 10, None, "%", None, [])),
    ("tối đa 5%", None, ("<=", 5, None, "%", None, [])),
    ("không quá 40%", None, ("<=", 40, None, "%", None, [])),
    ("không vượt quá 3 ngày", None, ("<=", 3, None, "ngày", None, [])),
    ("dưới 5%", None, ("<", 5, None, "%", None, [])),
    ("chưa đến 2%", None, ("<", 2, None, "%", None, [])),
    ("=< 10", "%", ("<=", 10, None, "%", None, [])),
    ("=> 10", "%", (">=", 10, None, "%", None, [])),
    ("$\\le 5$", "%", ("<=", 5, None, "%", None, [])),
    ("≥ 90%", "Tỷ lệ (%)", (">=", 90, None, "%", None, [])),
    ("100% (đạt chuẩn)", None, ("=", 100, None, "%", None, [])),
    ("100%\n(khoảng 2.729) thôn, tổ dân phố", None, ("=", 100, None, "%", None, [])),
    # a second number is a second target: the first is kept, with a warning
    ("70 80 90", "%", ("=", 70, None, "%", None, ["target_multiple"])),
    ("70; 80", "%", ("=", 70, None, "%", None, ["target_multiple"])),
    ("≥ 70 (năm 2026)", "%", (">=", 70, None, "%", None, [])),
    ("01", "Cơ sở", ("=", 1, None, "cơ sở", None, [])),
    ("**≥ 80**", "%", (">=", 80, None, "%", None, [])),
    # a sentence with one operator-led target inside
    ("Tỷ lệ phủ sóng 5G đạt tối thiểu 70% dân số Thủ đô", None,
     (">=", 70, None, "% dân số thủ đô", None, [])),
    ("Phấn đấu tỷ lệ nội địa hóa đạt 50-60%", None, ("between", 50, 60, "%", None, [])),
    ("- 100% cơ quan, đơn vị ban hành Kế hoạch.\n - 100% nhiệm vụ được cụ thể hóa", None,
     ("=", 100, None, "% cơ quan", None, ["target_multiple"])),
    # socio-economic plans: money, counts, levels reached ("giảm còn") and changes ("tăng",
    # "giảm"); a change keeps its words in `text` (the number alone would read as a level)
    ("8 trở lên", "%", (">=", 8, None, "%", None, [])),
    ("25,5", "Tỷ đồng", ("=", 25.5, None, "tỷ đồng", None, [])),
    ("1.250 triệu đồng", None, ("=", 1250, None, "triệu đồng", None, [])),
    ("75", "Triệu đồng/người/năm", ("=", 75, None, "triệu đồng/người/năm", None, [])),
    ("350 lao động", None, ("=", 350, None, "lao động", None, [])),
    ("01", "Trường", ("=", 1, None, "trường", None, [])),
    ("3.500 - 4.000", "Lượt", ("between", 3500, 4000, "lượt", None, [])),
    ("khoảng 70", "%", ("=", 70, None, "%", None, [])),
    ("đạt khoảng 24,96%", None, ("=", 24.96, None, "%", None, [])),
    ("bình quân khoảng 4,5%", None, ("=", 4.5, None, "%", None, [])),
    ("Phấn đấu từ 10% trở lên", None, (">=", 10, None, "%", None, [])),
    ("Hoàn thành 100%", None, ("=", 100, None, "%", None, [])),
    ("giảm còn 1,2", "%", ("=", 1.2, None, "%", None, [])),
    ("Giảm còn 1,2%", None, ("=", 1.2, None, "%", None, [])),
    ("giảm còn dưới 2%", None, ("<", 2, None, "%", None, [])),
    ("giảm xuống còn 1,5%", None, ("=", 1.5, None, "%", None, [])),
    ("nâng lên 80%", None, ("=", 80, None, "%", None, [])),
    ("Tăng 10% so với năm 2025", None,
     ("=", 10, None, "%", "Tăng 10% so với năm 2025", [])),
    ("Tăng 10% so với năm 2025", "Tỷ đồng",
     ("=", 10, None, "%", "Tăng 10% so với năm 2025", [])),
    ("giảm 1,5%", None, ("=", 1.5, None, "%", "giảm 1,5%", [])),
    ("tăng 12", "%", ("=", 12, None, "%", "tăng 12", [])),
    ("tăng trên 10%", None, (">", 10, None, "%", "tăng trên 10%", [])),
    ("Tăng 5 - 7%", None, ("between", 5, 7, "%", "Tăng 5 - 7%", [])),
    ("giảm 1 - 1,5 điểm %", None, ("between", 1, 1.5, "điểm %", "giảm 1 - 1,5 điểm %", [])),
    ("tăng thêm ít nhất 200 hộ", None, (">=", 200, None, "hộ", "tăng thêm ít nhất 200 hộ", [])),
    # a year labelling a target ("2026: ≥ 60", "Năm 2026: 60%"; targets by year in one
    # cell): the year is no value; the first year's target is kept, the next ones warned of
    ("2026: ≥ 60", "%", (">=", 60, None, "%", None, [])),
    ("2026: ≥ 60 2027: ≥ 80", "%", (">=", 60, None, "%", None, ["target_multiple"])),
    ("2026: 10; 2027: 15", "Điểm", ("=", 10, None, "điểm", None, ["target_multiple"])),
    ("Năm 2026: 60%; năm 2027: 80%", None, ("=", 60, None, "%", None, ["target_multiple"])),
    ("Đến năm 2030: 100%", None, ("=", 100, None, "%", None, [])),
    ("Năm 2026 đạt 60%, năm 2027 đạt 80%", None,
     ("=", 60, None, "%", None, ["target_multiple"])),
    # qualitative and unparseable
    ("Có", None, (None, None, None, None, "Có", [])),
    ("Hoàn thành", "", (None, None, None, None, "Hoàn thành", [])),
    ("Top 3 ASEAN", None, (None, None, None, None, "Top 3 ASEAN", ["target_unparsed"])),
    ("≥", "%", (None, None, None, "%", "≥", ["target_unparsed"])),
]


@pytest.mark.parametrize(("raw", "unit", "expected"), TARGET_CASES)
def test_parse_target(raw, unit, expected):
    target, warnings = parse_target(raw, unit)
    assert target is not None
    assert (target.op, target.value, target.upper, target.unit, target.text, warnings) == expected
    assert target.raw == raw.strip()


@pytest.mark.parametrize("raw", ["70", "100", "≥ 1.000"])
def test_integral_values_are_ints(raw):
    target, _ = parse_target(raw, "%")
    assert type(target.value) is int


@pytest.mark.parametrize(
    "raw", [None, "", "   ", "-", "—", "–", "x", "X", " - ", "<b></b>", "----", "…"]
)
def test_no_target(raw):
    assert parse_target(raw, "%") == (None, [])


def test_raw_is_the_printed_cell():
    target, _ = parse_target("  $\\geq 70$ \n", "%")
    assert target.raw == "$\\geq 70$"


@pytest.mark.parametrize(("printed", "value"), [
    ("70", 70), ("01", 1), ("1,5", 1.5), ("2,2", 2.2), ("0.70", 0.7), ("0,7", 0.7),
    ("1.000", 1000), ("27.000", 27000), ("1.000.000", 1000000), ("1.000,5", 1000.5),
    ("1.5", 1.5), ("12.34", 12.34), ("0.125", 0.125), ("100,0", 100), ("3,14159", 3.14159),
    # decided: a comma before exactly three digits (non-zero integer part, no other
    # separator) groups thousands, as spreadsheets print English-formatted numbers
    ("1,000", 1000), ("2,729", 2729), ("1,000,000", 1000000), ("1,000.5", 1000.5),
    ("0,125", 0.125),
    ("1.2.3", None), ("abc", None), ("", None),
])
def test_parse_number(printed, value):
    assert parse_number(printed) == value


@pytest.mark.parametrize(("printed", "unit"), [
    ("Sản phẩm", "sản phẩm"), ("Lần GRDP", "lần GRDP"), ("Thứ bậc", "thứ bậc"),
    ("Trang TTĐT", "trang TTĐT"), ("Duy trì", "duy trì"), ("Ứng dụng", "ứng dụng"),
    ("% GRDP", "% GRDP"), ("%", "%"), ("Chỉ số", "chỉ số"), ("Bài báo", "bài báo"),
    ("%GRDP", "% GRDP"), ("Tỷ lệ (%)", "%"), ("(%)", "%"), ("Phần trăm", "%"),
    ("Hệ thống CNTT", "hệ thống CNTT"), ("Tbps", "Tbps"), ("Gbps/s", "Gbps/s"),
    ("Tài khoản VNeID", "tài khoản VNeID"), ("Người/vạn dân", "người/vạn dân"),
    ("<b>Doanh nghiệp</b>", "doanh nghiệp"), ("  Hộ  ", "hộ"), ("% GDP", "% GDP"),
    ("", None), (None, None), ("-", None),
])
def test_normalize_unit(printed, unit):
    assert normalize_unit(printed) == unit


SPLIT_CASES = [
    ("Tỷ lệ nhiệm vụ chuyển đổi số được cụ thể hóa tại xã: 100%",
     "Tỷ lệ nhiệm vụ chuyển đổi số được cụ thể hóa tại xã", "100%"),
    ("Tỷ lệ thôn/xóm có khả năng tiếp cận mạng di động băng rộng (4G/5G): ≥80%",
     "Tỷ lệ thôn/xóm có khả năng tiếp cận mạng di động băng rộng (4G/5G)", "≥80%"),
    ("Tỷ lệ người dân có tài khoản định danh điện tử mức 2 (VNeID): >70%",
     "Tỷ lệ người dân có tài khoản định danh điện tử mức 2 (VNeID)", ">70%"),
    ("Tỷ lệ hồ sơ được số hóa, đạt tối thiểu 80%", "Tỷ lệ hồ sơ được số hóa", "tối thiểu 80%"),
    ("Tỷ lệ doanh nghiệp ứng dụng công nghệ số đạt 60%",
     "Tỷ lệ doanh nghiệp ứng dụng công nghệ số", "60%"),
    ("Tỷ lệ chi cho R&D đạt trên 60%.", "Tỷ lệ chi cho R&D", "trên 60%"),
    ("Kinh phí chi cho nghiên cứu (R&D)/GRDP tối thiểu 2%.",
     "Kinh phí chi cho nghiên cứu (R&D)/GRDP", "tối thiểu 2%"),
    ("Tỷ lệ giao dịch phi tiếp xúc - ≥ 90%", "Tỷ lệ giao dịch phi tiếp xúc", "≥ 90%"),
    ("Tỷ lệ văn bản điện tử ≥ 95%", "Tỷ lệ văn bản điện tử", "≥ 95%"),
    ("Tỷ trọng kinh tế số trong GRDP năm 2026 đạt 14,5%;",
     "Tỷ trọng kinh tế số trong GRDP năm 2026", "14,5%"),
    ("Số hộ dùng điện thoại thông minh: 1.000 hộ",
     "Số hộ dùng điện thoại thông minh", "1.000 hộ"),
    ("Số sản phẩm OCOP được chứng nhận tối thiểu 5", "Số sản phẩm OCOP được chứng nhận",
     "tối thiểu 5"),
    ("Tỷ lệ **người dân** được phủ sóng: ≥ 70%", "Tỷ lệ người dân được phủ sóng", "≥ 70%"),
    # socio-economic resolutions: levels reached, changes with their base, "điểm %"
    ("Tốc độ tăng trưởng kinh tế đạt 8% trở lên", "Tốc độ tăng trưởng kinh tế", "8% trở lên"),
    ("Tỷ lệ hộ nghèo giảm còn 1,2%", "Tỷ lệ hộ nghèo", "1,2%"),
    ("Tỷ lệ hộ cận nghèo giảm còn dưới 3%", "Tỷ lệ hộ cận nghèo", "dưới 3%"),
    ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng giảm xuống còn 12%",
     "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "12%"),
    # a name that opens with its verb brings the rate "xuống" (down to) a level
    ("Giảm tỷ lệ sinh con thứ 3 trở lên xuống dưới 10%",
     "Giảm tỷ lệ sinh con thứ 3 trở lên", "dưới 10%"),
    ("Tỷ lệ lao động qua đào tạo đạt khoảng 70%", "Tỷ lệ lao động qua đào tạo", "70%"),
    ("Thu nhập bình quân đầu người đạt 75 triệu đồng/người/năm",
     "Thu nhập bình quân đầu người", "75 triệu đồng/người/năm"),
    ("Tỷ lệ hộ nghèo giảm 1,5%", "Tỷ lệ hộ nghèo", "giảm 1,5%"),
    ("Tổng vốn đầu tư toàn xã hội tăng 10% so với năm 2025",
     "Tổng vốn đầu tư toàn xã hội", "tăng 10% so với năm 2025"),
    ("Tỷ lệ hộ nghèo đa chiều giảm 1 - 1,5 điểm %", "Tỷ lệ hộ nghèo đa chiều",
     "giảm 1 - 1,5 điểm %"),
]


@pytest.mark.parametrize(("name", "head", "raw"), SPLIT_CASES)
def test_split_embedded_target(name, head, raw):
    assert split_embedded_target(name) == (head, raw)
    target, warnings = parse_target(raw)
    assert target is not None and target.value is not None and not warnings


@pytest.mark.parametrize(("name", "head", "raw", "value"), [
    ("Tỷ lệ dân số có tài khoản thanh toán đạt 72%, trong đó nữ đạt 30%",
     "Tỷ lệ dân số có tài khoản thanh toán", "72%, trong đó nữ đạt 30%", 72),
    ("Tỷ lệ hộ đạt 80%; trong đó hộ nghèo 50%", "Tỷ lệ hộ", "80%; trong đó hộ nghèo 50%", 80),
])
def test_the_headline_target_before_trong_do_is_the_rows(name, head, raw, value):
    assert split_embedded_target(name) == (head, raw)
    target, warnings = parse_target(raw)
    assert target is not None and target.value == value and warnings == ["target_multiple"]


def test_a_part_with_the_only_target_keeps_it():
    name = "Tổng thu ngân sách, trong đó thu nội địa đạt 500 tỷ đồng"
    assert split_embedded_target(name) == ("Tổng thu ngân sách, trong đó thu nội địa",
                                           "500 tỷ đồng")


def test_split_raw_keeps_operator_words():
    _, raw = split_embedded_target("Tỷ lệ cán bộ được tập huấn, đạt tối thiểu 80%")
    target, _ = parse_target(raw)
    assert (raw, target.op, target.value, target.unit) == ("tối thiểu 80%", ">=", 80, "%")


@pytest.mark.parametrize("name", [
    "Tỷ lệ người dân từ đủ 14 tuổi trở lên có tài khoản định danh điện tử (VNeID)",
    "Mỗi thôn có ít nhất 01 người làm công tác chuyển đổi số",
    "Mỗi tổ công nghệ số có ít nhất 01 người",
    "Tỷ lệ người dân có khả năng truy cập băng thông rộng cố định với tốc độ từ 1 Gb/s trở lên",
    "Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 01 Gbps/s",
    "Tỷ lệ người dân có tài khoản định danh điện tử mức 2 (VNeID)",
    "Tỷ lệ thôn/xóm có khả năng tiếp cận mạng di động băng rộng (4G/5G)",
    "Xây dựng Kế hoạch chuyển đổi số năm 2027",
    "Xây dựng Kế hoạch tổ chức Ngày chuyển đổi số quốc gia (10/10)",
    "Tỷ lệ phủ sóng 5G trên dân số đạt",
    "Hoàn thành số hoá tài liệu lưu trữ trong 3 năm gần đây",
    "Kinh tế số chiếm 45% GRDP tỉnh.",
    "Phấn đấu giảm 10%",
    "Cắt giảm 30% thủ tục hành chính",
    "Tinh giảm 10% biên chế",
    "Tăng 10% so với năm 2025",
    "Tổng vốn đầu tư tăng 10% so với năm 2025, trong đó vốn ngân sách xã chiếm phần lớn",
    "Thu ngân sách nhà nước trên địa bàn 25,5 tỷ đồng",
    "Tạo việc làm mới cho 350 lao động",
    "Tăng cường 3 lớp bảo vệ",
    "Triển khai Nghị quyết số 57-NQ/TW",
    "Đến năm 2030: hoàn thành",
    "Tỷ lệ hài lòng: 100",
    "Doanh nghiệp có trụ sở tại Việt Nam với tỷ lệ 1% – 3% doanh thu.",
    "100%",
])
def test_no_split_inside_a_sentence(name):
    assert split_embedded_target(name) == (clean_text(name), None)


@pytest.mark.parametrize(("text", "found"), [
    ("Kinh tế số chiếm 45% GRDP tỉnh.", "45% GRDP tỉnh"),
    ("Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt tối thiểu 40%", "tối thiểu 40%"),
    ("Đến năm 2030, tỉnh Bắc Ninh có ít nhất 20 tập dữ liệu mở phục vụ phát triển",
     "ít nhất 20 tập dữ liệu mở"),
    ("Tỷ lệ doanh nghiệp vừa và nhỏ địa phương ứng dụng công nghệ số đạt 60%", "60%"),
    ("Kinh phí chi cho R&D/GRDP tối thiểu 2%.", "tối thiểu 2%"),
    ("trong đó kinh phí từ xã hội chiếm trên 60%.", "trên 60%"),
    ("Phấn đấu tỷ lệ nội địa hóa đạt 50-60%", "50-60%"),
    ("Tổ chức ít nhất 01 người", "ít nhất 01 người"),
    ("Xây dựng Kế hoạch chuyển đổi số năm 2027", None),
    ("Tỷ lệ người dân từ đủ 14 tuổi trở lên có tài khoản", None),
    # an age after an operator word says whom the indicator counts
    ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", None),
    ("Tỷ lệ lao động trên 15 tuổi qua đào tạo trên 70%", "trên 70%"),
    ("Triển khai từ năm 2026", None),
    ("Ngày chuyển đổi số quốc gia (10/10)", None),
    ("Tổng vốn đầu tư tăng 10% so với năm 2025, trong đó vốn ngân sách xã chiếm phần lớn",
     "tăng 10%"),
    ("Tỷ lệ hộ nghèo giảm còn 1,2% vào cuối năm", "1,2%"),
])
def test_find_embedded_target(text, found):
    assert find_embedded_target(text) == found


# ---------------------------------------------------------------- gold and seeds


def _gold(shared_dir, stem):
    return json.loads((shared_dir / "gold" / f"{stem}.gold.json").read_text("utf-8"))


def _seed_rows(shared_dir, stem):
    lines = (shared_dir / "seeds" / f"{stem}.txt").read_text("utf-8").splitlines()
    return [line.split("\t") for line in lines if "\t" in line]


@pytest.mark.parametrize("stem", ["000_68f49e6b942cac21", "004_0020e8dd3583fe02"])
def test_gold_targets_from_the_seed_cells(shared_dir, stem):
    by_name = {clean_text(r["name"]): r["target"] for r in _gold(shared_dir, stem)["records"]}
    checked = 0
    for cells in _seed_rows(shared_dir, stem):
        if len(cells) < 4 or clean_text(cells[1]).rstrip(".") not in by_name:
            continue
        gold = by_name[clean_text(cells[1]).rstrip(".")]
        target, _ = parse_target(cells[3], cells[2])
        if gold is None:
            assert target is None
            continue
        fields = ("op", "value", "upper", "unit", "text", "raw")
        assert {f: getattr(target, f) for f in fields} == {f: gold[f] for f in fields}
        checked += 1
    assert checked >= 25


def test_gold_names_and_targets_of_seed_002(shared_dir):
    stem = "002_96420e20fdffe3f0"
    gold = {r["number"]: r for r in _gold(shared_dir, stem)["records"]}
    checked = 0
    for cells in _seed_rows(shared_dir, stem):
        record = gold.get(cells[0].strip())
        if record is None:
            continue
        name, raw = split_embedded_target(cells[1])
        assert name == record["name"]
        if record["target"] is None:
            assert raw is None
            continue
        target, warnings = parse_target(raw)
        assert target.model_dump() == record["target"]
        assert warnings == []
        checked += 1
    assert checked >= 35


def test_gold_names_without_targets_are_unchanged(shared_dir):
    for path in sorted((shared_dir / "gold").glob("*.gold.json")):
        for record in json.loads(path.read_text("utf-8"))["records"]:
            assert split_embedded_target(record["name"]) == (record["name"], None)


# ---------------------------------------------------------------- properties

_OPS = {">=": ["≥", ">=", "tối thiểu", "ít nhất", "không dưới"], ">": [">", "trên"],
        "<=": ["≤", "<=", "tối đa", "không quá"], "<": ["<", "dưới"], "=": ["", "đạt"]}
_UNITS = ["%", "% GRDP", "hộ", "sản phẩm", "lần GRDP", "doanh nghiệp", "tập dữ liệu", None]


def _printed_number(value: int | float) -> str:
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    integer, fraction = f"{value:.2f}".rstrip("0").rstrip(".").partition(".")[::2]
    return f"{int(integer):,}".replace(",", ".") + ("," + fraction if fraction else "")


_VALUES = st.one_of(
    st.integers(min_value=0, max_value=10**7),
    st.decimals(min_value=0, max_value=10**4, places=2).map(float),
)


@given(st.sampled_from(sorted(_OPS)), st.data(), _VALUES, st.sampled_from(_UNITS),
       st.sampled_from(["", " "]))
def test_printed_targets_round_trip(op, data, value, unit, space):
    word = data.draw(st.sampled_from(_OPS[op]))
    number = _printed_number(value)
    unit_text = ("%" + unit[1:] if unit.startswith("%") else " " + unit) if unit else ""
    printed = f"{word}{space if word in '≥>=≤<' or not word else ' '}{number}{unit_text}"
    target, warnings = parse_target(printed)
    expected_value = parse_number(number)
    assert (target.op, target.value, target.unit, warnings) == (op, expected_value, unit, [])
    assert expected_value == pytest.approx(value)


@given(st.integers(0, 10**6), st.integers(0, 10**6), st.sampled_from(["-", "–", " - ", " đến "]))
def test_printed_ranges_round_trip(low, high, connector):
    target, _ = parse_target(f"{low}{connector}{high}%")
    assert (target.op, target.value, target.upper, target.unit) == ("between", low, high, "%")


_TARGET_PIECES = st.sampled_from([
    "≥", "≤", ">", "<", "=", "%", "70", "1.000", "1,5", "0.70", " ", "-", "–", "đạt", "tối thiểu",
    "từ", "đến", "trở lên", "hộ", "GRDP", "$\\geq", "$", ";", ":", "(", ")", "năm", "2026", "x",
    "Tỷ lệ", ",", ".", "\n",
])


@given(st.one_of(st.text(max_size=40), st.lists(_TARGET_PIECES, max_size=10).map("".join)),
       st.one_of(st.none(), st.text(max_size=10), st.sampled_from(["%", "Hộ", "Lần GRDP"])))
def test_parse_target_never_raises(raw, unit):
    target, warnings = parse_target(raw, unit)
    assert isinstance(warnings, list)
    if target is not None:
        assert target.raw == raw.strip()
        assert (target.value is None) == (target.op is None)


@given(st.one_of(st.text(max_size=60), st.lists(_TARGET_PIECES, max_size=14).map("".join)))
def test_split_embedded_target_never_raises_and_keeps_the_text(name):
    head, raw = split_embedded_target(name)
    cleaned = clean_text(name)
    if raw is None:
        assert head == cleaned
    else:
        assert cleaned.startswith(head) and raw in cleaned
        assert parse_target(raw)[0].value is not None
    find_embedded_target(name)


_CHANGES = ["tăng", "giảm", "Tăng", "Giảm", "tăng thêm", "giảm bình quân"]
_LEVELS = ["giảm còn", "Giảm xuống còn", "giảm xuống", "tăng lên", "nâng lên", "đạt khoảng"]
_BASES = ["", " so với năm 2025", " so với cùng kỳ", " so với năm trước"]


@given(st.sampled_from(sorted(_OPS)), st.data(), _VALUES, st.sampled_from(_UNITS),
       st.sampled_from(_CHANGES), st.sampled_from(_BASES))
def test_a_change_reads_its_number_and_keeps_its_words(op, data, value, unit, change, base):
    word = data.draw(st.sampled_from([w for w in _OPS[op] if w != "đạt"]))
    number = _printed_number(value)
    unit_text = ("%" + unit[1:] if unit.startswith("%") else " " + unit) if unit else ""
    printed = f"{change} {word}{' ' if word else ''}{number}{unit_text}{base}"
    target, warnings = parse_target(printed)
    assert (target.op, target.value, target.unit, warnings) == (op, parse_number(number), unit, [])
    assert target.text == clean_text(printed)
    # at the end of a name it is cut off with its change word, unless it is a bare number
    # (as after "đạt": "… đạt 100" keeps its words)
    head, raw = split_embedded_target(f"Tổng giá trị sản xuất {printed}")
    if unit or word:
        assert (head, raw) == ("Tổng giá trị sản xuất", clean_text(printed))


@given(st.sampled_from(sorted(_OPS)), st.data(), _VALUES, st.sampled_from(_UNITS),
       st.sampled_from(_LEVELS))
def test_a_level_reached_reads_as_its_number(op, data, value, unit, level):
    word = data.draw(st.sampled_from([w for w in _OPS[op] if w != "đạt"]))
    number = _printed_number(value)
    unit_text = ("%" + unit[1:] if unit.startswith("%") else " " + unit) if unit else ""
    bare = f"{word}{' ' if word else ''}{number}{unit_text}"
    target, warnings = parse_target(f"{level} {bare}")
    assert (target.op, target.value, target.unit, target.text, warnings) == (
        op, parse_number(number), unit, None, [])
    if unit or word:
        assert split_embedded_target(f"Tỷ lệ hộ nghèo {level} {bare}") == ("Tỷ lệ hộ nghèo", bare)


# text made of what an embedded target is made of: lead and operator words in both cases,
# symbols, digits, units, and the letters that fold in odd ways under IGNORECASE
_PIECE = st.sampled_from([
    "Tỷ lệ ", "xã ", "hộ ", "5G ", "Gb/s", "K", "\u212a", "İ", "ſ", "a", " ", "-", ".", ",", "/",
])
_LEAD = st.sampled_from(["", "đạt ", "ĐẠT ", "Đạt ", "chiếm ", "giảm ", "Tăng ", "phấn đấu đạt "])
_OP = st.sampled_from(["", "tối thiểu ", "Tối Thiểu ", "trên ", "không dưới ", "ít nhất ",
                       "Ít nhất ", "≥ ", "≥", "<=", "~", "≈ "])
_NUMBER = st.sampled_from(["80", "1,5", "3/4", "2026", "80%", "80 %", "5 - 10%", "x1"])
_TARGETISH = st.tuples(st.lists(_PIECE, max_size=6), _LEAD, _OP, _NUMBER,
                       st.lists(_PIECE, max_size=4)).map(
    lambda t: "".join(t[0]) + t[1] + t[2] + t[3] + "".join(t[4]))


@given(_TARGETISH, st.integers(min_value=0, max_value=12))
def test_the_embedded_search_gate_changes_no_match(text, start):
    """The lookahead that lets `search` skip places where no target can start finds every
    match the pattern without it finds, at the same place with the same groups."""
    import re

    from chitieu.normalize import target

    gated = target._grammar().embedded.compiled()
    pattern = gated.pattern
    plain = re.compile(pattern[pattern.index(r"\d)") + 3:], gated.flags)
    assert pattern.startswith("(?=")
    found, expected = gated.search(text, start), plain.search(text, start)
    assert (found and (found.span(), found.groupdict())) == (
        expected and (expected.span(), expected.groupdict()))


@given(st.one_of(_TARGETISH, st.lists(st.one_of(_PIECE, _LEAD, _OP, st.sampled_from(
    [" - ", " – ", ", ", ": ", " ;", "-", " "])), max_size=8).map("".join)))
def test_a_name_is_told_from_lead_words_without_folding_it_whole(head):
    """`_only_leads` skips folding a plain text with more wordy pieces than a lead phrase
    has words: the same answer as folding it."""
    from chitieu.normalize import target

    expected = target.fold(head).strip(" ,;:-") in target._grammar().all_leads
    assert target._only_leads(head) == expected


@given(st.one_of(_TARGETISH, st.lists(st.one_of(_TARGET_PIECES, st.sampled_from(
    ["(*)", "(1)", "*", "¹", "²", ")", "(", "/", " / ", "3/4", "\n", " đạt ", "(8 xã)"])),
    max_size=10).map("".join)))
def test_the_end_patterns_need_what_split_embedded_target_looks_for_first(text):
    """split_embedded_target tries its end patterns only where the character each one
    needs is there: a footnote's mark or a closing bracket at the end, a fraction's slash."""
    from chitieu.normalize import target

    if target._FOOTNOTE.search(text):
        assert not target._FOOTNOTE_ENDS.isdisjoint(text[-2:])
    if target._END_BRACKET.search(text) or target._TRAILING_BRACKET.search(text):
        assert ")" in text[-2:]
    if target._END_FRACTION.match(text):
        assert "/" in text


@pytest.mark.parametrize(("name", "unit"), [
    ("Tỷ lệ dân số trưởng thành có chữ ký số cá nhân (%)", "%"),
    ("Doanh thu thương mại điện tử (tỷ đồng)", "tỷ đồng"),
    ("Kim ngạch xuất khẩu (Triệu USD)", "triệu USD"),
    ("Thu nhập bình quân đầu người ( triệu đồng )", "triệu đồng"),
    # an acronym, a qualifier or a count's noun in brackets is no unit read from the name
    ("Tốc độ tăng trưởng kinh tế (GRDP)", None),
    ("Tổng sản phẩm trên địa bàn (giá hiện hành)", None),
    ("Số nền tảng số dùng chung (nền tảng)", None),
    ("Tỷ lệ hộ nghèo (%) của tỉnh", None),  # brackets not at the end
])
def test_the_unit_a_name_prints_in_its_closing_brackets(name: str, unit: str | None) -> None:
    assert name_unit(name) == unit
