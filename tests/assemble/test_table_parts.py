"""Assembly of documents holding several tables, and headers as real documents repeat them."""

from chitieu import convert_text, extract
from chitieu.assemble.table import assemble

TWO_APPENDICES = """**PHỤ LỤC I**

DANH MỤC CÁC CHỈ TIÊU

| TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi, đánh giá |
|---|---|---|---|---|
| **I** | **Giai đoạn 2025-2027** | | | |
| 1 | Tỉ lệ dịch vụ công trực tuyến toàn trình | % | 100% | Văn phòng Chính phủ |

**PHỤ LỤC II**

DANH MỤC CÁC NHIỆM VỤ

*(Kèm theo Quyết định số 2629/QĐ-TTg ngày 01/12/2025 của Thủ tướng Chính phủ)*

| TT | Nhiệm vụ, giải pháp | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |
|---|---|---|---|---|
| **I** | **Hoàn thiện thể chế** | | | |
| 1 | Xây dựng Luật Chuyển đổi số | Bộ Khoa học và Công nghệ | Các bộ, ngành | Tháng 12/2025 |
"""


def test_a_different_header_starts_the_next_table_with_its_heading_as_preamble() -> None:
    table = assemble(extract.read_text(TWO_APPENDICES, "markdown"))
    assert [c.role for c in table.columns] == ["number", "name", "unit", "target", "monitor"]
    [second] = table.following
    assert [c.role for c in second.columns] == ["number", "name", "lead", "support",
                                                 "deadline"]
    assert [r.texts[0] for r in second.preamble][:2] == ["**PHỤ LỤC II**", "DANH MỤC CÁC NHIỆM VỤ"]
    assert len(table.rows) == 2 and len(second.rows) == 2


def test_records_of_several_appendices_carry_their_appendix_and_keys_stay_unique() -> None:
    doc = convert_text(TWO_APPENDICES, "markdown")
    assert [r.key for r in doc.records] == ["Phụ lục I/I/1", "Phụ lục II/I/1"]
    assert [(s.number, s.title) for s in doc.records[1].section] == [
        ("Phụ lục II", "DANH MỤC CÁC NHIỆM VỤ"), ("I", "Hoàn thiện thể chế")]
    assert doc.plan.appendix == "Phụ lục I"
    assert [c.header for c in doc.columns] == [
        "TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá",
        "Nhiệm vụ, giải pháp", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]


def test_a_header_repeated_with_a_spanned_first_label_is_dropped() -> None:
    text = ("STT\tNội dung\tĐơn vị thực hiện\tThời gian thực hiện\n"
            "1\tViệc một\tSở Tư pháp\t2026\n"
            "II\tPhát triển kinh tế số\t\t\n"
            "Nội dung\tĐơn vị thực hiện\tThời gian thực hiện\n"
            "1\tViệc hai\tSở Y tế\t2027\n")
    table = assemble(extract.read_text(text, "text"))
    assert not table.following
    assert [r.cells[1] for r in table.rows] == ["Việc một", "Phát triển kinh tế số", "Việc hai"]


def test_a_bold_numbered_title_above_the_header_is_the_first_section() -> None:
    text = ("**PHỤ LỤC I**\n*(Kèm theo Thông báo số 624/TB-VPCP ngày 16/11/2025)*\n"
            "**1. Các nhiệm vụ về chuyển đổi số quá hạn**\n|\n**STT**\n|\n**Nhiệm vụ**\n|\n"
            "**Thời hạn hoàn thành**\n|\n|\n1.\n|\nBan hành chiến lược dữ liệu\n|\n30/09/2025\n"
            "|\n|\n")
    doc = convert_text(text, "portal")
    assert [(r.key, [s.number for s in r.section]) for r in doc.records] == [("1/1", ["1"])]
    assert doc.plan.appendix == "Phụ lục I"


def test_a_later_tables_bold_numbered_title_is_its_first_section_too() -> None:
    # two tables of other columns, each under its own bold numbered title: the second's rows
    # were keyed "1", "2" with no section while the first's were "1/1", "1/2"
    text = ("**PHỤ LỤC**\n\n**1. Chỉ tiêu chủ yếu**\n\n"
            "| STT | Chỉ tiêu | Chỉ tiêu năm 2026 | Cơ quan chủ trì |\n|---|---|---|---|\n"
            "| 1 | Tỷ lệ hộ có điện | 100% | Phòng Kinh tế |\n"
            "| 2 | Tỷ lệ hộ dùng nước sạch | ≥ 95% | Phòng Kinh tế |\n"
            "\n**2. Nhiệm vụ trọng tâm**\n\n"
            "| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n|---|---|---|---|\n"
            "| 1 | Số hóa hồ sơ hộ tịch | Văn phòng HĐND và UBND | Tháng 11/2026 |\n"
            "| 2 | Tuyên truyền chuyển đổi số | Phòng Văn hóa - Xã hội | Thường xuyên |\n")
    doc = convert_text(text, "markdown")
    assert [(r.key, [s.title for s in r.section]) for r in doc.records] == [
        ("1/1", ["Chỉ tiêu chủ yếu"]), ("1/2", ["Chỉ tiêu chủ yếu"]),
        ("2/1", ["Nhiệm vụ trọng tâm"]), ("2/2", ["Nhiệm vụ trọng tâm"])]
