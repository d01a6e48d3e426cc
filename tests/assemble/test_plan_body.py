"""A table in a whole plan's body: which plans it is, and where the body ends it."""

from __future__ import annotations

import pytest

from chitieu import convert_text
from chitieu.assemble.table import plan_body_heading
from chitieu.extract import read_text

HEADER = ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "XÃ ĐÌNH LẬP\tĐộc lập - Tự do - Hạnh phúc",
          "Số: 12/KH-UBND\tĐình Lập, ngày 05 tháng 3 năm 2026", "")


@pytest.mark.parametrize(("lines", "heading"), [
    ((*HEADER, "KẾ HOẠCH", "Chuyển đổi số năm 2026", "I. MỤC ĐÍCH", "II. NHIỆM VỤ"), 2),
    # the kind and the title on one OCR line
    ((*HEADER, "KẾ HOẠCH Chuyển đổi số năm 2026", "I. MỤC ĐÍCH", "II. NHIỆM VỤ"), 2),
    # an appendix whose title begins like a kind is no plan's body
    ((*HEADER, "PHỤ LỤC I", "KẾ HOẠCH TRIỂN KHAI NĂM 2026", "I. HẠ TẦNG SỐ"), None),
    (("KẾ HOẠCH", "Chuyển đổi số năm 2026", "II. NHIỆM VỤ"), None),  # no national header
])
def test_the_body_of_a_whole_plan(lines: tuple[str, ...], heading: int | None) -> None:
    assert plan_body_heading(read_text("\n".join(lines), "text").rows) == heading


@pytest.mark.parametrize("closing", [
    "Trên đây là Kế hoạch chuyển đổi số năm 2026 của Ủy ban nhân dân xã Đình Lập./.",
    "Quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan báo cáo Ủy ban nhân dân xã.",
    # a notice's closing sentence (was joined to the last row's task)
    "Văn phòng Ủy ban nhân dân xã thông báo để các cơ quan, đơn vị liên quan biết, thực "
    "hiện./.",
    "Ủy ban nhân dân xã thông báo ý kiến kết luận của Chủ tịch để các phòng biết, thực hiện.",
    "Văn phòng HĐND và UBND xin thông báo để các thôn biết và triển khai thực hiện./.",
])
def test_the_closing_sentence_under_a_text_table_is_not_the_last_row(closing: str) -> None:
    text = "\n".join([*HEADER, "KẾ HOẠCH", "Chuyển đổi số năm 2026", "II. NHIỆM VỤ", "",
                      "STT\tNhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành",
                      "1\tRà soát dữ liệu dân cư\tCông an xã\tQuý II/2026",
                      "2\tDuy trì Trang thông tin điện tử xã\tVăn phòng HĐND và UBND\tNăm 2026",
                      "", closing, "", "Nơi nhận:\tTL. CHỦ TỊCH", "- Như trên;\tCHÁNH VĂN PHÒNG",
                      "- Lưu: VT."])
    records = convert_text(text, "text").records
    assert [r.name for r in records] == ["Rà soát dữ liệu dân cư",
                                         "Duy trì Trang thông tin điện tử xã"]
