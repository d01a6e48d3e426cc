"""A table in a whole plan's body: which plans it is, and where the body ends it."""

from __future__ import annotations

import pytest

from chitieu import convert_text
from chitieu.assemble.table import assemble, plan_body_heading
from chitieu.core.types import Cell, RawDocument, RawRow
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


def _marked(rows: list[tuple[int | None, list[str]]]) -> list[RawRow]:
    return [RawRow([Cell(t) for t in texts], first_line=k + 1, last_line=k + 1, table=table)
            for k, (table, texts) in enumerate(rows)]


APPENDIX_TABLE = [
    (None, ["Phụ lục"]),
    (None, ["NHIỆM VỤ PHÒNG, CHỐNG DỊCH BỆNH NĂM 2026"]),
    (0, ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"]),
    (0, ["1", "Giám sát dịch bệnh tại cửa khẩu", "Sở Y tế", "Thường xuyên"]),
    (0, ["2", "Tiêm chủng mở rộng cho trẻ em", "Trung tâm Kiểm soát bệnh tật tỉnh",
         "Hằng năm"]),
]


def test_the_plans_text_under_an_appendix_table_ends_it() -> None:
    # the plan's body heading and its numbered paragraphs printed outside the reader's
    # tables, under an appendix's table (no plan body above it): no rows (review r1c 6)
    rows = _marked([*APPENDIX_TABLE,
                    (None, ["III. TỔ CHỨC THỰC HIỆN"]),
                    (None, ["1. Sở Y tế chủ trì, hướng dẫn các đơn vị triển khai thực hiện, "
                            "tổng hợp kết quả báo cáo Ủy ban nhân dân tỉnh."]),
                    (None, ["2. Sở Tài chính bảo đảm kinh phí thực hiện theo quy định."])])
    table = assemble(RawDocument(rows=rows, format="pdf"))
    assert [r.cells[1] for r in table.rows] == ["Giám sát dịch bệnh tại cửa khẩu",
                                               "Tiêm chủng mở rộng cho trẻ em"]


def test_a_section_title_between_pieces_of_a_table_does_not_end_it() -> None:
    # the same heading shape over the table's next rows (a DOCX table cut by a paragraph)
    rows = _marked([*APPENDIX_TABLE,
                    (None, ["II. CÔNG TÁC TRUYỀN THÔNG"]),
                    (1, ["3", "Tuyên truyền phòng chống dịch trên báo, đài tỉnh",
                         "Sở Văn hóa, Thể thao và Du lịch", "Quý II/2026"])])
    table = assemble(RawDocument(rows=rows, format="docx"))
    assert [r.cells[1] for r in table.rows][-1] == (
        "Tuyên truyền phòng chống dịch trên báo, đài tỉnh")


def test_a_section_title_with_an_intro_sentence_over_the_tables_next_rows_is_a_section() -> None:
    # a section heading and an introductory sentence, both outside the reader's tables, then
    # the table's next numbered rows: the table goes on (review r2 B 1) — no row dropped
    rows = _marked([*APPENDIX_TABLE,
                    (None, ["II. CÔNG TÁC TRUYỀN THÔNG"]),
                    (None, ["Các nhiệm vụ dưới đây do các sở, ngành chủ trì thực hiện trong "
                            "năm 2026 theo chức năng được giao."]),
                    (1, ["3", "Tuyên truyền phòng chống dịch trên báo, đài tỉnh",
                         "Sở Văn hóa, Thể thao và Du lịch", "Quý II/2026"]),
                    (1, ["4", "In tờ rơi phát cho hộ gia đình", "Trung tâm Y tế các huyện",
                         "Quý III/2026"])])
    for form in ("docx", "pdf"):
        table = assemble(RawDocument(rows=rows, format=form))
        assert [r.cells[1] for r in table.rows][-2:] == [
            "Tuyên truyền phòng chống dịch trên báo, đài tỉnh",
            "In tờ rơi phát cho hộ gia đình"], form
