"""The pdftotext -layout reader on shapes of real province tables (issue 11, third round):
each text is our own, laid out as LibreOffice prints such a table and pdftotext reads it."""

from chitieu import convert_text

# a plan period over its years, beside last year's estimate whose label wraps ("Ước TH" /
# "2025") so that its year stands on the line of the years under the group
PERIOD_OVER_YEARS = """\
TT                                                  Ước TH       Giai đoạn 2026 - 2030
                    Chỉ tiêu               ĐVT
                                                     2025    Năm 2026   Năm 2027   Năm 2030
 1    Số hợp tác xã nông nghiệp           HTX         42        45         48         55
 2    Tỷ lệ hộ dùng nước hợp vệ sinh       %          96        97         98         100
"""


def test_a_period_over_its_years_beside_last_years_estimate() -> None:
    document = convert_text(PERIOD_OVER_YEARS)
    assert [c.role for c in document.columns] == [
        "number", "name", "unit", "baseline", "target", "target", "target"]
    records = {r.key: r for r in document.records}
    assert sorted(records) == ["1@2026", "1@2027", "1@2030", "2@2026", "2@2027", "2@2030"]
    assert records["1@2027"].target.value == 48 and records["1@2027"].baseline.value == 42
    assert records["2@2030"].deadline.start == "2030-01-01"


# "Trong đó: …" rows printing their own unit and values, one under a row of three lines
# (its values centred between its name's lines), one above a numbered row
IN_WHICH_WITH_VALUES = """\
 STT                  Chỉ tiêu                 Đơn vị      Ước thực hiện     Kế hoạch
                                                tính         năm 2025        năm 2026
  1     Tổng vốn đầu tư phát triển toàn xã    Tỷ đồng
                                                              21.400          23.000
        hội
        Trong đó: Vốn ngân sách nhà nước      Tỷ đồng          4.100           4.600
  2     Tỷ lệ lao động có việc làm               %             96,1            96,5
        Trong đó: Lao động nữ                    %             95,2            95,6
  3     Số doanh nghiệp thành lập mới       Doanh nghiệp        520             600
"""


def test_in_which_rows_with_their_own_values_are_records_of_their_own() -> None:
    records = convert_text(IN_WHICH_WITH_VALUES).records
    assert [(r.key, r.name, r.target.raw, r.target.unit) for r in records] == [
        ("1", "Tổng vốn đầu tư phát triển toàn xã hội", "23.000", "tỷ đồng"),
        ("#1", "Trong đó: Vốn ngân sách nhà nước", "4.600", "tỷ đồng"),
        ("2", "Tỷ lệ lao động có việc làm", "96,5", "%"),
        ("#2", "Trong đó: Lao động nữ", "95,6", "%"),
        ("3", "Số doanh nghiệp thành lập mới", "600", "doanh nghiệp")]
