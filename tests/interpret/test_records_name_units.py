"""A unit in an indicator's closing brackets when the table prints no unit column (probe2
class 6): per head or per year, and the count nouns of commune tables."""

from chitieu import convert_text


def test_units_in_brackets_at_the_end_of_a_name() -> None:
    document = convert_text("PHỤ LỤC\nTT\tChỉ tiêu\tKế hoạch năm 2027\n"
                            "1\tThu nhập bình quân đầu người (triệu đồng/người/năm)\t72\n"
                            "2\tTốc độ tăng thu ngân sách (%/năm)\t≥ 10\n"
                            "3\tSố hộ được hỗ trợ làm nhà ở (hộ)\t25\n"
                            "4\tTổng sản phẩm trên địa bàn (GRDP)\t1.250\n", "text")
    assert [r.target.unit for r in document.records] == [
        "triệu đồng/người/năm", "%/năm", "hộ", None]
