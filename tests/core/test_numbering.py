"""The numbering grammar on labels as real plans print them (the seeds, ../shared/real, the
fixtures): one table per question the stages ask of a label."""

from __future__ import annotations

import pytest

from chitieu.core.numbering import (
    ARABIC_ONLY,
    COLUMN_LABEL,
    DETAIL_LABEL,
    DOTTED_GROUP,
    FIRST_ROW_NUMBER,
    GLUED_NUMBER,
    LEADING_NUMBER,
    LETTER_ONLY,
    NUMBERED_LINE,
    PART_ONLY,
    ROMAN_ONLY,
    ROW_LABEL,
    ROW_NUMBER,
    SECTION_NUMBER,
    SECTION_TOKEN,
    SPACED_LABEL,
    number_key,
    numbers_columns,
    successors,
)

# label → (a row label alone in its cell, a section's number, its order as a row number)
LABELS = [
    ("1", True, False, (1,)),
    ("01", True, False, (1,)),
    ("1.", True, False, (1,)),
    ("12", True, False, (12,)),
    ("1.1", True, False, (1, 1)),
    ("1.2.", True, False, (1, 2)),
    ("6.3", True, False, (6, 3)),
    ("2.3.1", True, False, (2, 3, 1)),
    ("5.1", True, False, (5, 1)),
    ("1)", True, False, None),  # a list item's closing bracket: a label, not an order
    ("I", True, True, None),
    ("I.", True, True, None),
    ("II", True, True, None),
    ("IV", True, True, None),
    ("VIII", True, True, None),
    ("XII", True, True, None),
    ("A", True, True, None),
    ("B.", True, True, None),
    ("Đ", True, True, None),
    ("a)", True, False, None),
    ("b", True, False, None),
    ("đ)", True, False, None),
    ("PHẦN I", True, True, None),
    ("PHẦN II", True, True, None),
    ("Phần 2", True, True, None),
    ("Mục 2", True, True, None),
    ("Chương III", True, True, None),
    ("2026", True, False, None),  # a year: a label's shape, never a row's order
    ("1234", True, False, None),
    ("I.1", False, False, None),  # a group: interpretation's DOTTED_GROUP
    ("III.2", False, False, None),
    ("-", False, False, None),
    ("+", False, False, None),
    ("", False, False, None),
    ("Mục tiêu khác", False, False, None),
    ("Chương trình", False, False, None),
    ("CHƯƠNG TRÌNH", False, False, None),
    ("Tỷ lệ", False, False, None),
    ("(1)", False, False, None),  # the columns' numbering under a header
    ("1a", False, False, None),
]


@pytest.mark.parametrize(("text", "row_label", "section", "key"), LABELS)
def test_labels(text: str, row_label: bool, section: bool, key: tuple[int, ...] | None) -> None:
    assert bool(ROW_LABEL.match(text)) is row_label
    assert bool(SECTION_NUMBER.match(text)) is section
    assert number_key(text) == key


@pytest.mark.parametrize(("text", "key"), [
    ("<b>3</b>", (3,)), ("**5.1**", (5, 1)), ("1 .", (1,)), (" 2. ", (2,)), ("<b>II</b>", None),
])
def test_a_row_numbers_markup_and_spaces_do_not_change_its_order(text: str, key) -> None:
    assert number_key(text) == key


@pytest.mark.parametrize(("number", "expected"), [
    ((1,), {(2,), (1, 1)}),
    ((1, 2), {(2,), (1, 3), (1, 2, 1)}),
    ((2, 3, 1), {(3,), (2, 4), (2, 3, 2), (2, 3, 1, 1)}),
])
def test_successors(number: tuple[int, ...], expected: set[tuple[int, ...]]) -> None:
    assert successors(number) == expected


# a cell holding a number and a title → (number, title); None when it holds no such pair
TOKENS = [
    ("II Phát triển nguồn lực", ("II", "Phát triển nguồn lực")),
    ("I. HẠ TẦNG SỐ", ("I.", "HẠ TẦNG SỐ")),
    ("III. Phát triển hệ sinh thái đổi mới sáng tạo",
     ("III.", "Phát triển hệ sinh thái đổi mới sáng tạo")),
    ("A. CHỈ TIÊU", ("A.", "CHỈ TIÊU")),
    ("B- Nhiệm vụ", ("B", "Nhiệm vụ")),
    ("1.1. Xây dựng hạ tầng số", ("1.1.", "Xây dựng hạ tầng số")),
    ("2. Tỷ lệ hồ sơ", ("2.", "Tỷ lệ hồ sơ")),
    ("2.Xây dựng kho dữ liệu", ("2.", "Xây dựng kho dữ liệu")),
    ("4 phường trên địa bàn", ("4", "phường trên địa bàn")),
    ("PHẦN I: CHỈ TIÊU", ("PHẦN I", "CHỈ TIÊU")),
    ("Mục 2. Nhiệm vụ", ("Mục 2.", "Nhiệm vụ")),
    ("PHẦN II – NHIỆM VỤ", ("PHẦN II", "NHIỆM VỤ")),
    ("V - Tổ chức thực hiện", ("V", "Tổ chức thực hiện")),
    ("Mục tiêu khác", None),
    ("Tỷ lệ người dân", None),
    ("2026", None),
    ("II", None),
    ("1.", None),
]


@pytest.mark.parametrize(("text", "expected"), TOKENS)
def test_a_number_and_its_title_in_one_cell(text: str, expected) -> None:
    match = SECTION_TOKEN.match(text)
    assert ((match["num"], match["title"]) if match else None) == expected


@pytest.mark.parametrize(("text", "first"), [
    ("1", True), ("01", True), ("1.", True), ("1.1", True), ("I", True), ("A.", True),
    ("2", False), ("II", False), ("B", False), ("1.2", False), ("a)", False),
])
def test_a_first_rows_number(text: str, first: bool) -> None:
    assert bool(FIRST_ROW_NUMBER.match(text)) is first


@pytest.mark.parametrize(("cell", "head", "number"), [
    ("PHÁT TRIỂN HẠ TẦNG 1", "PHÁT TRIỂN HẠ TẦNG", "1"),
    ("<b>II Phát triển nguồn lực</b> 1", "<b>II Phát triển nguồn lực</b>", "1"),
    ("Ghi chú 9", "Ghi chú", "9"),
    ("Phòng Kinh tế 2.1", "Phòng Kinh tế", "2.1"),
    ("Đề án 06", "Đề án", "06"),  # its shape: whether it is a row, the assembler judges
    ("năm 2026", None, None),
    ("Tỷ lệ hộ", None, None),
])
def test_a_row_number_glued_to_the_cell_before_it(cell: str, head, number) -> None:
    match = GLUED_NUMBER.match(cell)
    assert ((match["head"], match["num"].strip()) if match else (None, None)) == (head, number)


@pytest.mark.parametrize(("text", "pdf_row", "column_label", "detail"), [
    # "1.2" in a second numbering column: item 2 of group 1 (the groups "1", "2" beside it)
    ("1", True, True, True), ("12.", True, True, False), ("1.2", True, False, True),
    ("123", True, True, False), ("IV", True, True, False), ("B", True, False, False),
    ("a)", False, True, True), ("đ", False, True, True), ("2026", True, False, False),
    ("-", False, False, False), ("8)", True, True, True), ("C)", True, True, True),
])
def test_label_columns(text: str, pdf_row: bool, column_label: bool, detail: bool) -> None:
    assert bool(ROW_NUMBER.match(text)) is pdf_row
    assert bool(COLUMN_LABEL.match(text)) is column_label
    assert bool(DETAIL_LABEL.match(text)) is detail


@pytest.mark.parametrize(("text", "style"), [
    ("B", "letter"), ("Đ", "letter"), ("IV", "roman"), ("1", "arabic"), ("1.2", "arabic"),
    ("I.1", "group"), ("III.1.2", "group"), ("A.2", "group"), ("PHẦN II", "part"),
    ("Chương 3", "part"), ("a)", None), ("1.", None),
])
def test_section_styles(text: str, style: str | None) -> None:
    styles = {"letter": LETTER_ONLY, "roman": ROMAN_ONLY, "arabic": ARABIC_ONLY,
              "group": DOTTED_GROUP, "part": PART_ONLY}
    assert [name for name, pattern in styles.items() if pattern.match(text)] == (
        [style] if style else [])


@pytest.mark.parametrize(("line", "number", "text"), [
    ("1. Rà soát, cập nhật dữ liệu", "1", "Rà soát, cập nhật dữ liệu"),
    ("II. NHIỆM VỤ", "II", "NHIỆM VỤ"),
    ("2.1 Xây dựng kho dữ liệu", "2.1", "Xây dựng kho dữ liệu"),
    ("B) Các nhiệm vụ khác", "B", "Các nhiệm vụ khác"),
    ("a) Cơ quan thực hiện:", None, None),
    ("Nhiệm vụ 1", None, None),
])
def test_a_numbered_line_of_running_text(line: str, number, text) -> None:
    match = NUMBERED_LINE.match(line)
    assert ((match["num"], match["text"]) if match else (None, None)) == (number, text)


@pytest.mark.parametrize(("cell", "rest"), [
    ("1. Sở Y tế", "Sở Y tế"), ("2) Công an xã", "Công an xã"),
    ("a) Phòng Kinh tế", "Phòng Kinh tế"), ("Sở Y tế", "Sở Y tế"), ("1.Sở Y tế", "1.Sở Y tế"),
])
def test_a_list_number_leading_an_agency_cell(cell: str, rest: str) -> None:
    assert LEADING_NUMBER.sub("", cell, count=1) == rest


@pytest.mark.parametrize(("line", "label"), [
    ("1.2 Xây dựng", "1.2"), ("IV. Nhiệm vụ", "IV."), ("a) Tổ chức", "a)"), ("12 Tỷ lệ", "12"),
    ("Tỷ lệ", None), ("2026 Năm", None),
])
def test_a_label_in_a_fixed_width_line(line: str, label) -> None:
    match = SPACED_LABEL.match(line)
    assert (match.group(0) if match else None) == label


@pytest.mark.parametrize(("labels", "in_order", "expected"), [
    (["(1)", "(2)", "(3)", "(4)"], True, True),
    (["1", "2", "3", "(4)=(2)/(3)"], True, True),
    (["A", "B", "C", "1", "2", "3"], True, True),  # letters for text columns, then figures
    (["A", "B", "C"], True, True),
    (["1", "3", "2"], False, True),
    (["1", "3", "2"], True, False),
    (["A", "CHÍNH QUYỀN SỐ"], False, False),  # a letter section
    (["B", "C", "1", "2"], False, False),  # letters start at A
    # a letter after the figures, as planning templates letter the agency column
    (["A", "B", "C", "1", "2", "3=2/1", "4", "D"], True, True),
    (["(A)", "(B)", "(C)", "(1)", "(2)", "(3)=(2)-(1)", "(D)", "(E)"], True, True),
    (["A", "B", "1", "2", "C", "3"], True, True),  # letters and figures in turn
    (["A", "B", "C", "D", "Đ", "E", "G", "1"], True, True),  # the Vietnamese alphabet
    (["A", "B", "C", "1", "2", "C"], False, False),  # a letter repeated
    (["A", "B", "C", "1", "2", "E"], False, False),  # a letter skipped
    (["A", "B", "C", "1", "3", "D"], True, False),  # figures out of order
    (["A", "B", "Sở Y tế"], False, False),
    (["1", "2"], False, False),
])
def test_a_row_numbering_the_columns(labels: list[str], in_order: bool, expected: bool) -> None:
    assert numbers_columns(labels, in_order=in_order) is expected
