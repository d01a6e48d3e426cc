"""Target and deadline cells as real plans print them (Đề án 06, chuyển đổi số, socio-economic
and PAR/DTI plans of communes, wards and provinces), beyond the seeds: each expected value is
read from SCHEMA.md by hand. Phrasings were collected from published plans and reworded."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu import convert_text
from chitieu.normalize.deadline import parse_deadline
from chitieu.normalize.target import parse_target, split_embedded_target

Y26 = ("year", "2026-01-01", "2026-12-31", None)
YEARLY = ("recurring", None, None, "yearly")
QUARTERLY = ("recurring", None, None, "quarterly")
MONTHLY = ("recurring", None, None, "monthly")
CONTINUOUS = ("recurring", None, None, "continuous")


def _month(m: int, last: int, y: int = 2026) -> tuple:
    return ("month", f"{y}-{m:02d}-01", f"{y}-{m:02d}-{last}", None)


def _quarter(q: int, y: int = 2026) -> tuple:
    last = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}[q]
    return ("quarter", f"{y}-{3 * q - 2:02d}-01", f"{y}-{last}", None)


def _period(start: str, end: str | None) -> tuple:
    return ("period", start, end, None)


def _date(end: str) -> tuple:
    return ("date", None, end, None)


# (printed deadline cell) → (kind, start, end, recurrence)
DEADLINES = [
    ("Cuối năm 2026", Y26),
    ("Đầu năm 2026", Y26),
    ("Giữa năm 2026", Y26),
    ("Đầu quý II/2026", _quarter(2)),
    ("Trong tháng 6/2026", _month(6, 30)),
    ("Tháng 6 - 9/2026", _period("2026-06-01", "2026-09-30")),
    ("Tháng 6-7/2026", _period("2026-06-01", "2026-07-31")),
    ("Tháng 6 đến tháng 9/2026", _period("2026-06-01", "2026-09-30")),
    ("Tháng 11 - 12/2026", _period("2026-11-01", "2026-12-31")),
    ("Từ tháng 3/2026", _period("2026-03-01", None)),
    ("Từ năm 2026", _period("2026-01-01", None)),
    ("Từ năm 2026 trở đi", _period("2026-01-01", None)),
    ("Quý III, IV/2026", _period("2026-07-01", "2026-12-31")),
    ("Quý I, II, III/2026", _period("2026-01-01", "2026-09-30")),
    ("Quý II và Quý IV/2026", _period("2026-04-01", "2026-12-31")),
    ("Quý III - IV/2026", _period("2026-07-01", "2026-12-31")),
    ("Quý II - Quý III/2026", _period("2026-04-01", "2026-09-30")),
    ("Tháng 3, 6, 9, 12/2026", _period("2026-03-01", "2026-12-31")),
    ("Tháng 5 và tháng 11/2026", _period("2026-05-01", "2026-11-30")),
    ("6 tháng cuối năm 2026", _period("2026-07-01", "2026-12-31")),
    ("6 tháng đầu năm 2026", _period("2026-01-01", "2026-06-30")),
    ("9 tháng đầu năm 2026", _period("2026-01-01", "2026-09-30")),
    ("3 tháng cuối năm 2026", _period("2026-10-01", "2026-12-31")),
    ("Năm 2026 - 2027", _period("2026-01-01", "2027-12-31")),
    ("Năm 2026 - 2028", _period("2026-01-01", "2028-12-31")),
    ("2026 – 2027", _period("2026-01-01", "2027-12-31")),
    ("Năm 2026, 2027", _period("2026-01-01", "2027-12-31")),
    ("Năm 2026 và năm 2027", _period("2026-01-01", "2027-12-31")),
    ("2026, 2027, 2028", _period("2026-01-01", "2028-12-31")),
    ("Từ 01/01/2026 đến 31/12/2026", _period("2026-01-01", "2026-12-31")),
    ("01/2026 - 12/2026", _period("2026-01-01", "2026-12-31")),
    ("Tháng 9/2026 - Tháng 12/2026", _period("2026-09-01", "2026-12-31")),
    ("Từ tháng 01/2026 đến tháng 12/2026", _period("2026-01-01", "2026-12-31")),
    ("Từ năm 2026 đến năm 2030", _period("2026-01-01", "2030-12-31")),
    ("2026 - 2030 (hằng năm)", _period("2026-01-01", "2030-12-31")),
    ("2026 và các năm tiếp theo", Y26),
    ("Năm 2026 và duy trì các năm tiếp theo", Y26),
    ("Trong năm 2026", Y26),
    ("Năm 2026.", Y26),
    ("- Năm 2026", Y26),
    ("2026 (hằng năm)", Y26),
    ("Đến 2030", ("year", "2030-01-01", "2030-12-31", None)),
    ("Đến hết năm 2026", Y26),
    ("Đến tháng 6/2026", _month(6, 30)),
    ("Hết tháng 6/2026", _month(6, 30)),
    ("Tháng 6 năm 2026", _month(6, 30)),
    ("Tháng 06/2026", _month(6, 30)),
    ("Tháng 6 /2026", _month(6, 30)),
    ("Tháng 6 / 2026", _month(6, 30)),
    ("tháng 6-2026", _month(6, 30)),
    ("T6/2026", _month(6, 30)),
    ("T12/2026", _month(12, 31)),
    ("Th6/2026", _month(6, 30)),
    ("Tháng 6/2026\n(sơ kết)", _month(6, 30)),
    ("12/2026 (tổng kết)", _month(12, 31)),
    ("Tháng 12/2026 và hằng năm", _month(12, 31)),
    ("Q3/2026", _quarter(3)),
    ("Q.III/2026", _quarter(3)),
    ("Quý I năm 2026", _quarter(1)),
    ("Quý 1/2026", _quarter(1)),
    ("Quý 3 năm 2026", _quarter(3)),
    ("Qúy II/2026", _quarter(2)),
    ("Quý I/2026 và duy trì thường xuyên", _quarter(1)),
    ("Hoàn thành trong Quý II năm 2026", _quarter(2)),
    ("Trước quý III/2026", _quarter(3)),
    ("Dự kiến Quý III/2026", _quarter(3)),
    ("15/12/2026", _date("2026-12-15")),
    ("Ngày 30/6/2026", _date("2026-06-30")),
    ("Trước ngày 15/6/2026", _date("2026-06-15")),
    ("Trước 30/6/2026", _date("2026-06-30")),
    ("Trước 31/3/26", _date("2026-03-31")),
    ("Chậm nhất ngày 31/12/2026", _date("2026-12-31")),
    ("Hoàn thành trước 30/9/2026", _date("2026-09-30")),
    ("Trước ngày 31 tháng 12 năm 2026", _date("2026-12-31")),
    ("Ngày 31 tháng 12 năm 2026", _date("2026-12-31")),
    ("Trước ngày 10 tháng 10 năm 2026", _date("2026-10-10")),
    ("31-12-2026", _date("2026-12-31")),
    ("31.12.2026", _date("2026-12-31")),
    ("30/06/2026 (dự kiến)", _date("2026-06-30")),
    ("Định kỳ hằng năm", YEARLY),
    ("Trước 31/12 hằng năm", YEARLY),
    ("Trước 30/6 và 31/12 hằng năm", YEARLY),
    ("Hằng năm (trước 15/12)", YEARLY),
    ("Hằng năm (từ năm 2026)", YEARLY),
    ("Quý IV hằng năm", YEARLY),
    ("Tháng 6, tháng 12 hằng năm", YEARLY),
    ("Định kỳ hằng quý", QUARTERLY),
    ("Trước ngày 25 của tháng cuối quý", QUARTERLY),
    ("Định kỳ hàng tháng", MONTHLY),
    ("Trước ngày 20 hằng tháng", MONTHLY),
    ("Ngày 15 hằng tháng", MONTHLY),
    ("QI/2026", _quarter(1)),
    ("Q1-Q2/2026", _period("2026-01-01", "2026-06-30")),
    ("T6-T9/2026", _period("2026-06-01", "2026-09-30")),
    ("Tháng 01-03/2026", _period("2026-01-01", "2026-03-31")),
    ("Quý I đến Quý III/2026", _period("2026-01-01", "2026-09-30")),
    ("Tháng 6 năm 2026 và tháng 12 năm 2026", _period("2026-06-01", "2026-12-31")),
    ("Quý I năm 2026 và Quý III năm 2026", _period("2026-01-01", "2026-09-30")),
    ("Năm 2026 - Năm 2027", _period("2026-01-01", "2027-12-31")),
    ("2026; 2027", _period("2026-01-01", "2027-12-31")),
    ("Năm 2026 - Quý I/2027", _period("2026-01-01", "2027-03-31")),
    ("Từ ngày 01/3/2026", _period("2026-03-01", None)),
    ("Từ 01/3/2026 đến 30/6/2026", _period("2026-03-01", "2026-06-30")),
    ("Từ ngày 01/3 đến 30/6/2026", _period("2026-03-01", "2026-06-30")),
    ("01/3 - 30/6/2026", _period("2026-03-01", "2026-06-30")),
    ("10/10/2026 - 20/10/2026", _period("2026-10-10", "2026-10-20")),
    ("Trong 6 tháng đầu năm 2026", _period("2026-01-01", "2026-06-30")),
    ("06 tháng đầu năm 2026", _period("2026-01-01", "2026-06-30")),
    ("2026 - 2030, hằng năm", _period("2026-01-01", "2030-12-31")),
    ("Tuần đầu tháng 6/2026", _month(6, 30)),
    ("Đầu tháng 6/2026", _month(6, 30)),
    ("Cuối tháng 6/2026", _month(6, 30)),
    ("Tháng 12 năm 2026", _month(12, 31)),
    ("Hết 2026", Y26),
    ("Năm 2026 (Quý II)", Y26),
    ("Chậm nhất trong Quý II/2026", _quarter(2)),
    ("Quý II/2026 (đối với cấp tỉnh); Quý III/2026 (đối với cấp xã)", _quarter(2)),
    ("Trước ngày 30/6/2026 và 31/12/2026", _date("2026-06-30")),
    ("Trước ngày 15 tháng 10 năm 2026", _date("2026-10-15")),
    ("Đến ngày 31/12/2026", _date("2026-12-31")),
    ("Ngày 10/10 hằng năm", YEARLY),
    ("Thường xuyên; báo cáo trước 15/12/2026", CONTINUOUS),
    ("Năm 2026 (trước 30/11)", Y26),
    ("Trước 30/11/2026 (báo cáo năm)", _date("2026-11-30")),
    ("Quý IV/2026 (sơ kết), 2030 (tổng kết)", _quarter(4)),
    ("Tháng 6 và tháng 12 hằng năm", YEARLY),
    ("Hằng năm (Quý IV)", YEARLY),
    ("Liên tục", CONTINUOUS),
    ("Thường xuyên, liên tục", CONTINUOUS),
    ("Thường xuyên (báo cáo hằng quý)", CONTINUOUS),
    ("Hàng tuần", CONTINUOUS),
]


# "before" a quarter: by its end, with the warning that it may mean the quarter before's end
BEFORE_A_PERIOD = {"Trước quý III/2026"}


@pytest.mark.parametrize(("raw", "expected"), DEADLINES)
def test_real_deadlines(raw, expected):
    deadline, warnings = parse_deadline(raw)
    assert deadline is not None, warnings
    assert (deadline.kind, deadline.start, deadline.end, deadline.recurrence) == expected
    assert deadline.raw == raw.strip()
    assert warnings == (["deadline_before_period"] if raw in BEFORE_A_PERIOD else [])


# A day, month, quarter or part of the year printed without its year takes the plan's year
# (the one year the appendix's title names); without one it is null with a warning.
YEARLESS = [
    ("Trước 15/10", _date("2026-10-15")),
    ("Trước ngày 15/10", _date("2026-10-15")),
    ("Hoàn thành trước 15/10", _date("2026-10-15")),
    ("30/6", _date("2026-06-30")),
    ("Tháng 6", _month(6, 30)),
    ("Trong tháng 12", _month(12, 31)),
    ("Quý IV", _quarter(4)),
    ("Trong Quý I", _quarter(1)),
    ("Quý III - IV", _period("2026-07-01", "2026-12-31")),
    ("Tháng 6 - 9", _period("2026-06-01", "2026-09-30")),
    ("Từ 01/3 đến 30/6", _period("2026-03-01", "2026-06-30")),
    ("Từ ngày 01/3 đến ngày 30/6", _period("2026-03-01", "2026-06-30")),
    ("01/3 - 30/6", _period("2026-03-01", "2026-06-30")),
    ("6 tháng đầu năm", _period("2026-01-01", "2026-06-30")),
    ("Cuối năm", Y26),
    ("Trong năm", Y26),
]


@pytest.mark.parametrize(("raw", "expected"), YEARLESS)
def test_a_deadline_without_its_year_takes_the_plans(raw, expected):
    deadline, warnings = parse_deadline(raw, year=2026)
    assert deadline is not None, warnings
    assert (deadline.kind, deadline.start, deadline.end, deadline.recurrence) == expected
    assert deadline.raw == raw and warnings == []
    assert parse_deadline(raw) == (None, ["deadline_year_missing"])


@pytest.mark.parametrize("raw", ["Trước 15/10/2025", "Quý I/2027", "Hằng năm",
                                 "Trước 31/12 hằng năm"])
def test_a_printed_year_wins_over_the_plans(raw):
    assert parse_deadline(raw, year=2030) == parse_deadline(raw)


@pytest.mark.parametrize("raw", [
    "Theo kế hoạch", "Theo yêu cầu", "Khi có yêu cầu", "Theo tiến độ dự án",
    "Sau khi được phê duyệt", "Ngay sau khi Kế hoạch được ban hành", "Định kỳ 6 tháng",
    "6 tháng/lần", "2 năm một lần", "Đã hoàn thành",
    "Năm tiếp theo",
])
def test_no_calendar_deadline_is_null_with_a_warning(raw):
    assert parse_deadline(raw) == (None, ["deadline_unparsed"])
    assert parse_deadline(raw, year=2026) == (None, ["deadline_unparsed"])


@given(st.integers(1, 12), st.integers(1, 28), st.integers(2000, 2099),
       st.sampled_from(["Trước {d}/{m}", "Trước ngày {d}/{m}", "{d:02d}/{m:02d}", "Tháng {m}",
                        "Trong tháng {m}"]))
def test_yearless_points_take_the_given_year(month, day, year, form):
    deadline, warnings = parse_deadline(form.format(d=day, m=month), year=year)
    assert warnings == [] and deadline.end[:7] == f"{year}-{month:02d}"


@given(st.integers(1, 11), st.integers(2000, 2099), st.sampled_from(["đầu", "cuối"]))
def test_months_at_the_start_or_end_of_a_year(n, year, side):
    deadline, _ = parse_deadline(f"{n} tháng {side} năm {year}")
    first, last = (1, n) if side == "đầu" else (13 - n, 12)
    assert (deadline.kind, deadline.start[:7], deadline.end[:7]) == (
        "period", f"{year}-{first:02d}", f"{year}-{last:02d}")


# (printed target cell, unit column) → (op, value, upper, unit, text, warnings)
TARGETS = [
    # footnote marks after a target
    ("≥ 70% (*)", None, (">=", 70, None, "%", None, [])),
    ("100%(1)", None, ("=", 100, None, "%", None, [])),
    ("≥70%¹", None, (">=", 70, None, "%", None, [])),
    ("80%(2)", None, ("=", 80, None, "%", None, [])),
    ("≥ 80%**", None, (">=", 80, None, "%", None, [])),
    ("≥ 90%(*)", None, (">=", 90, None, "%", None, [])),
    ("> 50 % (*)", None, (">", 50, None, "%", None, [])),
    ("95%²", None, ("=", 95, None, "%", None, [])),
    ("≥ 85 %.", None, (">=", 85, None, "%", None, [])),
    ("≥ 70%;", None, (">=", 70, None, "%", None, [])),
    ("≥ 70％", None, (">=", 70, None, "%", None, [])),
    # operators, words and spacing
    ("Trên 50 %", None, (">", 50, None, "%", None, [])),
    ("Trên 5%", None, (">", 5, None, "%", None, [])),
    ("Đạt trên 95%", None, (">", 95, None, "%", None, [])),
    ("Đạt tối thiểu 70%", None, (">=", 70, None, "%", None, [])),
    ("Đạt từ 60% trở lên", None, (">=", 60, None, "%", None, [])),
    ("Từ 15% trở lên", None, (">=", 15, None, "%", None, [])),
    ("70% trở lên", None, (">=", 70, None, "%", None, [])),
    ("10,8% trở lên", None, (">=", 10.8, None, "%", None, [])),
    ("16% trở lên", None, (">=", 16, None, "%", None, [])),
    ("≥ 80% trở lên", None, (">=", 80, None, "%", None, [])),
    ("Dưới 1%", None, ("<", 1, None, "%", None, [])),
    ("Dưới 3,5%", None, ("<", 3.5, None, "%", None, [])),
    ("< 1,5%", None, ("<", 1.5, None, "%", None, [])),
    ("≤ 0,8%", None, ("<=", 0.8, None, "%", None, [])),
    ("Không quá 10%", None, ("<=", 10, None, "%", None, [])),
    ("Không quá 5 ngày làm việc", None, ("<=", 5, None, "ngày làm việc", None, [])),
    ("≤ 2 ngày", None, ("<=", 2, None, "ngày", None, [])),
    ("Khoảng 65%", None, ("=", 65, None, "%", None, [])),
    ("Bằng 100%", None, ("=", 100, None, "%", None, [])),
    ("95,2%", None, ("=", 95.2, None, "%", None, [])),
    ("≥ 0,5 điểm", None, (">=", 0.5, None, "điểm", None, [])),
    ("≥0,5", "Điểm", (">=", 0.5, None, "điểm", None, [])),
    ("0.5", "Điểm", ("=", 0.5, None, "điểm", None, [])),
    ("Hơn 110.000 căn", None, (">", 110000, None, "căn", None, [])),
    # ranges
    ("từ 70% - 80%", None, ("between", 70, 80, "%", None, [])),
    ("70%-80%", None, ("between", 70, 80, "%", None, [])),
    ("70 – 80 %", None, ("between", 70, 80, "%", None, [])),
    ("0,5 - 1%", None, ("between", 0.5, 1, "%", None, [])),
    ("1% - 1,5%/năm", None, ("between", 1, 1.5, "%/năm", None, [])),
    ("25 - 30 tỷ đồng", None, ("between", 25, 30, "tỷ đồng", None, [])),
    ("Từ 3 đến 5 mô hình", None, ("between", 3, 5, "mô hình", None, [])),
    # counts with their units
    ("Tối thiểu 01 mô hình", None, (">=", 1, None, "mô hình", None, [])),
    ("Ít nhất 01 mô hình/xã", None, (">=", 1, None, "mô hình/xã", None, [])),
    ("Tối thiểu 02 lớp/năm", None, (">=", 2, None, "lớp/năm", None, [])),
    ("01 lần/năm", None, ("=", 1, None, "lần/năm", None, [])),
    ("02 cuộc", None, ("=", 2, None, "cuộc", None, [])),
    ("45 lần/người/năm", None, ("=", 45, None, "lần/người/năm", None, [])),
    ("≥ 1.500 người", None, (">=", 1500, None, "người", None, [])),
    ("1.200 hộ", None, ("=", 1200, None, "hộ", None, [])),
    ("1,2 triệu lượt", None, ("=", 1.2, None, "triệu lượt", None, [])),
    ("≥ 3 sản phẩm OCOP", None, (">=", 3, None, "sản phẩm OCOP", None, [])),
    ("01 (một)", None, ("=", 1, None, None, None, [])),
    ("0 vụ", None, ("=", 0, None, "vụ", None, [])),
    # a unit glued to its number
    ("700kg/năm trở lên", None, (">=", 700, None, "kg/năm", None, [])),
    ("27m2 sàn/người", None, ("=", 27, None, "m2 sàn/người", None, [])),
    ("≥ 5km", None, (">=", 5, None, "km", None, [])),
    ("120ha", None, ("=", 120, None, "ha", None, [])),
    # a qualifier after the number
    ("100 % (cấp xã)", None, ("=", 100, None, "%", None, [])),
    ("100% (trừ hồ sơ mật)", None, ("=", 100, None, "%", None, [])),
    ("100% (đối với TTHC đủ điều kiện)", None, ("=", 100, None, "%", None, [])),
    ("100% (có phụ lục kèm theo)", None, ("=", 100, None, "%", None, [])),
    ("50% (8 xã)", None, ("=", 50, None, "%", None, [])),
    ("58,9% (66/112 thôn, tăng thêm 20 thôn)", None, ("=", 58.9, None, "%", None, [])),
    ("≥ 80% (năm 2026)", None, (">=", 80, None, "%", None, [])),
    ("≥ 60%\n(Năm 2026)", None, (">=", 60, None, "%", None, [])),
    ("100%; duy trì", None, ("=", 100, None, "%", None, [])),
    ("100% đúng hạn", None, ("=", 100, None, "% đúng hạn", None, [])),
    ("≥ 50 % dân số trưởng thành", None, (">=", 50, None, "% dân số trưởng thành", None, [])),
    ("100 % hồ sơ", None, ("=", 100, None, "% hồ sơ", None, [])),
    ("≥ 80% số hộ", None, (">=", 80, None, "% số hộ", None, [])),
    ("Đạt 100% kế hoạch", None, ("=", 100, None, "% kế hoạch", None, [])),
    ("Đạt 100% chỉ tiêu trở lên", None, (">=", 100, None, "% chỉ tiêu", None, [])),
    ("Mỗi xã tối thiểu 01 điểm", None, (">=", 1, None, "điểm", None, [])),
    # levels reached
    ("Giảm xuống dưới 10%", None, ("<", 10, None, "%", None, [])),
    ("Xuống dưới 10%", None, ("<", 10, None, "%", None, [])),
    ("Duy trì ở mức 45%", None, ("=", 45, None, "%", None, [])),
    # changes from a base keep their words
    ("Tăng tối thiểu 5 bậc", None, (">=", 5, None, "bậc", "Tăng tối thiểu 5 bậc", [])),
    ("Tăng 20 bậc", None, ("=", 20, None, "bậc", "Tăng 20 bậc", [])),
    ("Giảm 3% trở lên (còn 7%)", None, (">=", 3, None, "%", "Giảm 3% trở lên (còn 7%)", [])),
    ("Tăng 7,5 - 8,0%", None, ("between", 7.5, 8, "%", "Tăng 7,5 - 8,0%", [])),
    ("Tăng từ 10% trở lên", None, (">=", 10, None, "%", "Tăng từ 10% trở lên", [])),
    ("Tăng 1,5 lần so với năm 2025", None,
     ("=", 1.5, None, "lần", "Tăng 1,5 lần so với năm 2025", [])),
    ("Giảm 30% so với năm 2024", None, ("=", 30, None, "%", "Giảm 30% so với năm 2024", [])),
    ("Giảm ít nhất 20%", None, (">=", 20, None, "%", "Giảm ít nhất 20%", [])),
    ("Gấp 2,5 - 3 lần", None, ("between", 2.5, 3, "lần", "Gấp 2,5 - 3 lần", [])),
    ("Gấp 2 lần so với năm 2020", None, ("=", 2, None, "lần", "Gấp 2 lần so với năm 2020", [])),
    # a count out of a total: the count is the value, the words keep the total
    ("1/1", None, ("=", 1, None, None, "1/1", [])),
    ("3/3 trường", None, ("=", 3, None, "trường", "3/3 trường", [])),
    ("10/10 xã", None, ("=", 10, None, "xã", "10/10 xã", [])),
    ("Đạt 3/3 tiêu chí", None, ("=", 3, None, "tiêu chí", "Đạt 3/3 tiêu chí", [])),
    ("12/12", "Thôn", ("=", 12, None, "thôn", "12/12", [])),
    # symbols as typed or read by OCR
    ("> = 80%", None, (">=", 80, None, "%", None, [])),
    ("≥ 80 (%)", None, (">=", 80, None, "%", None, [])),
    ("100 (%)", None, ("=", 100, None, "%", None, [])),
    ("≥ 70% [1]", None, (">=", 70, None, "%", None, [])),
    ("≥ 70 %(*)", None, (">=", 70, None, "%", None, [])),
    ("≥ 70%(**)", None, (">=", 70, None, "%", None, [])),
    ("≥70%*", None, (">=", 70, None, "%", None, [])),
    ("≥ 85%¹ ²", None, (">=", 85, None, "%", None, [])),
    ("≥80%dân số", None, (">=", 80, None, "% dân số", None, [])),
    ("~ 80%", None, ("=", 80, None, "%", None, [])),
    ("≈ 80%", None, ("=", 80, None, "%", None, [])),
    ("70 ~ 80%", None, ("between", 70, 80, "%", None, [])),
    ("Từ 80% đến 85%", None, ("between", 80, 85, "%", None, [])),
    ("Đạt 95 - 100%", None, ("between", 95, 100, "%", None, [])),
    # both bounds printed as two operators: one range
    ("≥ 80% và ≤ 90%", None, ("between", 80, 90, "%", None, [])),
    ("> 80% và < 90%", None, ("between", 80, 90, "%", None, [])),
    ("≥ 90% và ≤ 80%", None, (">=", 90, None, "%", None, ["target_multiple"])),
    ("Tối thiểu 80%, phấn đấu 90%", None, (">=", 80, None, "%", None, ["target_multiple"])),
    ("90 % - 95 %", None, ("between", 90, 95, "%", None, [])),
    ("≥ 90 - 95%", None, ("between", 90, 95, "%", None, [])),
    ("Trên 1.000 tỷ đồng", None, (">", 1000, None, "tỷ đồng", None, [])),
    ("100%/năm", None, ("=", 100, None, "%/năm", None, [])),
    ("≥ 80 % (tính đến 31/12/2026)", None, (">=", 80, None, "%", None, [])),
    ("Đạt 100% (theo lộ trình)", None, ("=", 100, None, "%", None, [])),
    ("≥ 95% (2026); 100% (2027)", None, (">=", 95, None, "%", None, ["target_multiple"])),
    ("0 hồ sơ trễ hạn", None, ("=", 0, None, "hồ sơ trễ hạn", None, [])),
    ("Tăng 5 bậc trở lên", None, (">=", 5, None, "bậc", "Tăng 5 bậc trở lên", [])),
    ("Xếp loại Tốt trở lên", None, (None, None, None, None, "Xếp loại Tốt trở lên", [])),
    # a score out of its maximum
    ("≥ 4,5/5 điểm", None, (">=", 4.5, None, "điểm", "≥ 4,5/5 điểm", [])),
    ("≥ 90/100 điểm", None, (">=", 90, None, "điểm", "≥ 90/100 điểm", [])),
    ("Đạt 4/5 sao", None, ("=", 4, None, "sao", "Đạt 4/5 sao", [])),
    # more units
    ("≥ 2.000m2", None, (">=", 2000, None, "m2", None, [])),
    ("≥10Mbps", None, (">=", 10, None, "Mbps", None, [])),
    ("≥ 3 triệu đồng/tháng", None, (">=", 3, None, "triệu đồng/tháng", None, [])),
    ("≥ 500 lượt/tháng", None, (">=", 500, None, "lượt/tháng", None, [])),
    ("01 mô hình/xã/năm", None, ("=", 1, None, "mô hình/xã/năm", None, [])),
    ("01 Kế hoạch", None, ("=", 1, None, "kế hoạch", None, [])),
    ("≥ 80% tổng số hồ sơ", None, (">=", 80, None, "% tổng số hồ sơ", None, [])),
    ("100% (trong đó 50% trực tuyến)", None, ("=", 100, None, "%", None, [])),
    ("Năm 2026: ≥ 70%", None, (">=", 70, None, "%", None, [])),
    ("0%", None, ("=", 0, None, "%", None, [])),
    ("Giảm ≥ 10%", None, (">=", 10, None, "%", "Giảm ≥ 10%", [])),
    ("Tăng ít nhất 15%/năm", None, (">=", 15, None, "%/năm", "Tăng ít nhất 15%/năm", [])),
    ("5G", None, (None, None, None, None, "5G", ["target_unparsed"])),
    ("Hạng A", None, (None, None, None, None, "Hạng A", [])),
    # qualitative
    ("Đạt chuẩn", None, (None, None, None, None, "Đạt chuẩn", [])),
    ("Có", None, (None, None, None, None, "Có", [])),
    ("Không", None, (None, None, None, None, "Không", [])),
    ("Hoàn thành", None, (None, None, None, None, "Hoàn thành", [])),
    ("Duy trì", None, (None, None, None, None, "Duy trì", [])),
    ("Đạt yêu cầu", None, (None, None, None, None, "Đạt yêu cầu", [])),
    ("Đúng hạn", None, (None, None, None, None, "Đúng hạn", [])),
    ("Không để xảy ra", None, (None, None, None, None, "Không để xảy ra", [])),
    ("Xếp hạng trong nhóm 20 tỉnh dẫn đầu", None,
     (None, None, None, None, "Xếp hạng trong nhóm 20 tỉnh dẫn đầu", ["target_unparsed"])),
    ("Top 10", None, (None, None, None, None, "Top 10", ["target_unparsed"])),
]


@pytest.mark.parametrize(("raw", "unit", "expected"), TARGETS)
def test_real_targets(raw, unit, expected):
    target, warnings = parse_target(raw, unit)
    assert target is not None
    assert (target.op, target.value, target.upper, target.unit, target.text, warnings) == expected
    assert target.raw == raw.strip()


# indicator names with a target printed at their end → (name, target as printed)
NAMES = [
    ("Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%", "Tỷ lệ hồ sơ giải quyết đúng hạn",
     "trên 98%"),
    ("Tỷ lệ người dân hài lòng ≥ 90% (*)", "Tỷ lệ người dân hài lòng", "≥ 90%"),
    ("Tỷ lệ hồ sơ số hóa: 100%(1)", "Tỷ lệ hồ sơ số hóa", "100%"),
    ("Tỷ lệ thôn có wifi công cộng đạt 100%¹", "Tỷ lệ thôn có wifi công cộng", "100%"),
    ("Thu nhập bình quân đầu người đạt 80 triệu đồng", "Thu nhập bình quân đầu người",
     "80 triệu đồng"),
    ("Số sản phẩm OCOP đạt 3 sao trở lên: 05 sản phẩm",
     "Số sản phẩm OCOP đạt 3 sao trở lên", "05 sản phẩm"),
    ("Tỷ lệ che phủ rừng duy trì ở mức 45%", "Tỷ lệ che phủ rừng", "45%"),
    ("Tỷ lệ tăng dân số tự nhiên dưới 1%", "Tỷ lệ tăng dân số tự nhiên", "dưới 1%"),
    ("Tỷ lệ hộ gia đình sử dụng nước sạch: 98,5%", "Tỷ lệ hộ gia đình sử dụng nước sạch",
     "98,5%"),
    ("Tỷ lệ dân số tham gia BHYT đạt trên 95%", "Tỷ lệ dân số tham gia BHYT", "trên 95%"),
    ("Tỷ lệ hộ nghèo giảm 3% trở lên", "Tỷ lệ hộ nghèo", "giảm 3% trở lên"),
    ("Chỉ số DTI của tỉnh tăng tối thiểu 5 bậc", "Chỉ số DTI của tỉnh", "tăng tối thiểu 5 bậc"),
    ("Thu nhập của người dân nông thôn tăng gấp 2,5 - 3 lần so với năm 2020",
     "Thu nhập của người dân nông thôn", "tăng gấp 2,5 - 3 lần so với năm 2020"),
    ("Tỷ lệ hộ nghèo đa chiều giảm xuống dưới 10%", "Tỷ lệ hộ nghèo đa chiều", "dưới 10%"),
    ("Tỷ lệ người dân có tài khoản VNeID mức 2 đạt từ 80% trở lên",
     "Tỷ lệ người dân có tài khoản VNeID mức 2", "từ 80% trở lên"),
    ("Tỷ lệ xã đạt chuẩn nông thôn mới đạt 50% (8 xã)", "Tỷ lệ xã đạt chuẩn nông thôn mới",
     "50% (8 xã)"),
    ("Tỷ lệ hồ sơ TTHC được số hóa kết quả giải quyết đạt 100% (trừ hồ sơ mật)",
     "Tỷ lệ hồ sơ TTHC được số hóa kết quả giải quyết", "100% (trừ hồ sơ mật)"),
    ("Tỷ lệ người dân trưởng thành có chữ ký số cá nhân ≥ 50%.",
     "Tỷ lệ người dân trưởng thành có chữ ký số cá nhân", "≥ 50%"),
    ("Tỷ lệ dịch vụ công trực tuyến toàn trình/tổng số TTHC đủ điều kiện: ≥ 85% (*)",
     "Tỷ lệ dịch vụ công trực tuyến toàn trình/tổng số TTHC đủ điều kiện", "≥ 85%"),
    ("Số lượng mô hình chuyển đổi số tiêu biểu cấp xã: tối thiểu 01 mô hình",
     "Số lượng mô hình chuyển đổi số tiêu biểu cấp xã", "tối thiểu 01 mô hình"),
    ("Tỷ lệ người dân được cấp căn cước: 100% (đối với công dân đủ điều kiện)",
     "Tỷ lệ người dân được cấp căn cước", "100% (đối với công dân đủ điều kiện)"),
    ("Tỷ lệ hồ sơ giải quyết trước và đúng hạn ≥ 98 %",
     "Tỷ lệ hồ sơ giải quyết trước và đúng hạn", "≥ 98 %"),
    ("Chỉ số DTI cấp xã tăng tối thiểu 5 bậc so với năm 2025", "Chỉ số DTI cấp xã",
     "tăng tối thiểu 5 bậc so với năm 2025"),
    ("Tỷ lệ thanh toán không dùng tiền mặt đạt từ 70% - 80%",
     "Tỷ lệ thanh toán không dùng tiền mặt", "từ 70% - 80%"),
    ("Tỷ lệ người dân sử dụng VNeID (mức 2): ≥ 80%", "Tỷ lệ người dân sử dụng VNeID (mức 2)",
     "≥ 80%"),
    ("Tỷ lệ hộ nghèo giảm 0,5 - 1%/năm", "Tỷ lệ hộ nghèo", "giảm 0,5 - 1%/năm"),
    ("Số doanh nghiệp thành lập mới: 30 doanh nghiệp", "Số doanh nghiệp thành lập mới",
     "30 doanh nghiệp"),
    ("Thu ngân sách trên địa bàn đạt 12,5 tỷ đồng trở lên", "Thu ngân sách trên địa bàn",
     "12,5 tỷ đồng trở lên"),
    ("Tỷ lệ chi ngân sách cho chuyển đổi số tối thiểu 1% tổng chi ngân sách xã",
     "Tỷ lệ chi ngân sách cho chuyển đổi số", "tối thiểu 1% tổng chi ngân sách xã"),
    ("Tỷ lệ xã đạt chuẩn NTM nâng cao đạt 3/3 xã", "Tỷ lệ xã đạt chuẩn NTM nâng cao", "3/3 xã"),
    ("Tỷ lệ thôn có điểm wifi: 10/10 thôn", "Tỷ lệ thôn có điểm wifi", "10/10 thôn"),
    ("Tỷ lệ cán bộ được tập huấn kỹ năng số ~ 100%", "Tỷ lệ cán bộ được tập huấn kỹ năng số",
     "~ 100%"),
    # the rate named after a comma goes with its target, as ", đạt" does
    ("Cung cấp dịch vụ công trực tuyến toàn trình, tỷ lệ không dưới 80%",
     "Cung cấp dịch vụ công trực tuyến toàn trình", "không dưới 80%"),
    ("Cấp căn cước cho công dân đủ điều kiện, tỷ lệ đạt 100%",
     "Cấp căn cước cho công dân đủ điều kiện", "100%"),
]


@pytest.mark.parametrize("name", [
    "Tỷ lệ lao động qua đào tạo 75% (trong đó có bằng cấp 35%)",
    "Tỷ lệ người dân có bệnh án điện tử (*)",
    "Tỷ lệ thôn có wifi công cộng miễn phí (%)",
    "Xây dựng 02 mô hình điểm",
    "Phấn đấu 100% thôn có tổ công nghệ số cộng đồng",
    "Ngày chuyển đổi số quốc gia (10/10)",
    "Tỷ lệ người dân từ đủ 14 tuổi trở lên có tài khoản VNeID (1)",
    # a number after a preposition is what the task acts on
    "Kiểm tra thực tế tại tối thiểu 20% số xã, phường",
    "Cấp phát thẻ cho tối thiểu 50% hộ",
])
def test_real_names_without_an_end_target(name):
    assert split_embedded_target(name) == (name, None)


@pytest.mark.parametrize(("name", "head", "raw"), NAMES)
def test_real_names_with_targets(name, head, raw):
    assert split_embedded_target(name) == (head, raw)
    target, warnings = parse_target(raw)
    assert target.value is not None and warnings == []


_FORMS = ["{n}", "{n}%", "{n} %", "{n}%(*)", "{n}% (*)", "{n}%¹", "{n}%(1)", "{n} %."]
_SIGNS = {">=": ["≥", ">=", "≥ ", "Tối thiểu ", "Ít nhất ", "Không dưới ", "Đạt tối thiểu "],
          "<=": ["≤", "<=", "≤ ", "Tối đa ", "Không quá "]}


def _vietnamese(value: float) -> str:
    integer, _, fraction = f"{value:.2f}".rstrip("0").rstrip(".").partition(".")
    return f"{int(integer):,}".replace(",", ".") + ("," + fraction if fraction else "")


@given(st.sampled_from(sorted(_SIGNS)), st.data(),
       st.one_of(st.integers(0, 100), st.decimals(0, 100, places=2).map(float)),
       st.sampled_from(_FORMS))
def test_any_bound_in_vietnamese_print_parses_to_its_number(op, data, value, form):
    sign = data.draw(st.sampled_from(_SIGNS[op]))
    printed = sign + form.format(n=_vietnamese(value))
    target, warnings = parse_target(printed)
    assert (target.op, warnings) == (op, [])
    assert target.value == pytest.approx(value)
    assert target.unit == ("%" if "%" in form else None)


_TABLE = "STT\tNội dung\tChỉ tiêu\tCơ quan chủ trì\tThời hạn\n"
_ROWS = ("1\tTỷ lệ A\t100%\tPhòng Kinh tế\tTrước 15/10\n"
         "2\tTỷ lệ B\t90%\tPhòng Kinh tế\tQuý IV\n")


def test_a_yearless_deadline_in_a_plan_takes_the_year_of_its_title() -> None:
    doc = convert_text("PHỤ LỤC\nCÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026\n" + _TABLE + _ROWS, "text")
    assert [(r.deadline.kind, r.deadline.start, r.deadline.end, r.deadline.raw)
            for r in doc.records] == [("date", None, "2026-10-15", "Trước 15/10"),
                                      ("quarter", "2026-10-01", "2026-12-31", "Quý IV")]


def test_a_yearless_deadline_without_a_plan_year_is_null_with_a_warning() -> None:
    doc = convert_text("PHỤ LỤC\nCÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ\n" + _TABLE + _ROWS, "text")
    # "Tỷ lệ A" and "Tỷ lệ B" are no catalog indicator: unmatched too
    assert [(r.deadline, r.warnings) for r in doc.records] == [
        (None, ["deadline_year_missing:Trước 15/10", "indicator_unmatched"]),
        (None, ["deadline_year_missing:Quý IV", "indicator_unmatched"])]
