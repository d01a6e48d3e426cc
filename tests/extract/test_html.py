import html as html_lib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu.extract import html
from chitieu.extract import read as read_any

FIXTURES = Path(__file__).parent.parent / "fixtures"


def table_rows(doc, table):
    return [row for row in doc.rows if row.table == table]


def texts(doc, table):
    return [row.texts for row in table_rows(doc, table)]


@pytest.fixture(scope="module")
def features():
    return html.read(FIXTURES / "html_features.html")


@pytest.fixture(scope="module")
def word():
    return html.read(FIXTURES / "html_word_export.html")


def test_text_outside_tables_is_one_cell_rows_per_line(features):
    outside = [(row.first_line, row.texts) for row in features.rows if row.table is None]
    assert outside == [
        (5, ["PHỤ LỤC 1"]),
        (6, ["<b>Phân công theo dõi thực hiện chỉ tiêu</b>"]),
        # one paragraph over two source lines: a line break in HTML source is a space
        (7, ["(Kèm theo Kế hoạch số 46/KH-UBND ngày 26/3/2026 của UBND xã Vũ Dương)"]),
        (10, ["Bảng chỉ tiêu"]),  # the caption, before its table's rows
        (29, ["Bảng 2"]),
    ]


def test_a_paragraph_wrapped_in_the_source_is_one_line():
    """Word processors saving as HTML (LibreOffice, Word) wrap a paragraph's source every
    80 characters or so: inside <p> a line break is a space, as a browser shows it; bare
    text lines outside any paragraph stay one row each."""
    doc = html.read_text(
        '<body><p align="center"><b>Phụ\nlục</b></p>\n<p><i>(Kèm\ntheo Kế hoạch số 28/KH-SNV '
        "ngày 22/01/2026 của Sở Nội vụ\ntỉnh Gia Lai)</i></p>\nDòng một\nDòng hai</body>")
    assert [(row.first_line, row.last_line, row.texts) for row in doc.rows] == [
        (1, 2, ["<b>Phụ lục</b>"]),
        (3, 5, ["(Kèm theo Kế hoạch số 28/KH-SNV ngày 22/01/2026 của Sở Nội vụ tỉnh Gia Lai)"]),
        (6, 6, ["Dòng một"]),
        (7, 7, ["Dòng hai"]),
    ]


def test_bold_given_by_a_style_sheet_class():
    """Google Docs ("Download → Web page") and other exports make text bold with a class of
    their <style> sheet (".c1{font-weight:700}"), not <b> or an inline style."""
    doc = html.read_text(
        '<html><head><style type="text/css">.c1{font-weight:700}.c3{text-align:center}'
        "p.c9, span.c4 { color: #000; font-weight: bold }</style></head><body>"
        '<p class="c3"><span class="c1">PHỤ LỤC</span></p><table>'
        '<tr><td><p><span class="c1">1</span></p></td>'
        '<td><p><span class="c1 c3">Hạ tầng số</span></p></td></tr>'
        '<tr><td><p><span>1.1</span></p></td><td><p><span class="c4">Mạng</span> 5G</p></td></tr>'
        "</table></body></html>")
    assert doc.rows[0].texts == ["<b>PHỤ LỤC</b>"] and doc.rows[0].cells[0].bold
    first, second = [row for row in doc.rows if row.table is not None]
    assert all(cell.bold for cell in first.cells)
    assert second.texts == ["1.1", "<b>Mạng</b> 5G"] and not second.cells[1].bold


def test_head_title_and_style_are_not_text(features):
    assert not any(row.texts[0] == "Phụ lục" or "border" in row.texts[0]
                   for row in features.rows)


def test_colspan_leaves_the_other_slots_empty_and_rowspan_repeats(features):
    assert texts(features, 0) == [
        ["TT", "Chỉ tiêu", "Đơn vị", ""],
        ["TT", "Chỉ tiêu", "Chủ trì theo dõi", "Phối hợp"],
        ["<b>I. Về chính quyền số</b>", "", "", ""],
        ["1", "Tỷ lệ hồ sơ & thủ tục\nxử lý trực tuyến ≥ 85%", "Văn phòng\nHĐND – UBND",
         "Trung tâm PVHCC"],
        ["2", "Số hóa <b>hồ sơ</b> lưu trữ đến năm 2026", "Văn phòng\nHĐND – UBND",
         "Công an xã"],
        ["3", "Tỷ lệ người dân có tài khoản <VNeID>", "Công an xã", ""],
        ["Ghi chú: số liệu ước tính", "", "", ""],
    ]
    assert features.warnings == []


def test_bold_is_kept_as_markup_and_as_a_flag(features):
    section = table_rows(features, 0)[2]
    assert section.cells[0].bold and not section.cells[1].bold
    partly_bold = table_rows(features, 0)[4].cells[1]
    assert "<b>hồ sơ</b>" in partly_bold.text and not partly_bold.bold


def test_rows_span_the_lines_of_their_tr(features):
    spans = [(row.first_line, row.last_line) for row in table_rows(features, 0)]
    # row 2 has neither </td> nor </tr>: it ends with its last text, not at the next tag
    assert spans == [(12, 12), (13, 13), (16, 16), (17, 22), (23, 24), (25, 25), (27, 27)]


def test_second_table_and_document_fields(features):
    assert texts(features, 1) == [["TT", "Nhiệm vụ"], ["1", "Ban hành kế hoạch"]]
    assert features.format == "html" and features.pages == 1 and not features.ocr
    lines = [row.first_line for row in features.rows]
    assert lines == sorted(lines)


def test_word_export_paragraphs_spans_and_page_break(word):
    assert word.rows[0].texts == ["<b>PHỤ LỤC</b>"] and word.rows[0].table is None
    assert texts(word, 0) == [
        ["<b>TT</b>", "<b>Nhiệm vụ</b>", "<b>Thời gian</b>"],
        ["1", "Triển khai nền tảng\nhọp trực tuyến", "Quý II/2026"],
    ]
    assert all(cell.bold for cell in table_rows(word, 0)[0].cells)
    assert texts(word, 1) == [["2", "Đào tạo kỹ năng số", "Năm 2026"]]
    assert [row.page for row in word.rows if row.table is not None] == [1, 1, 2]
    assert word.pages == 2


def test_rowspan_zero_runs_to_the_end_of_the_table():
    doc = html.read_text("<table><tr><td rowspan=0>A</td><td>1</td></tr>"
                         "<tr><td>2</td></tr><tr><td>3</td></tr></table>")
    assert texts(doc, 0) == [["A", "1"], ["A", "2"], ["A", "3"]]


def test_rowspan_and_colspan_together():
    doc = html.read_text("<table><tr><td rowspan=2 colspan=2>X</td><td>a</td></tr>"
                         "<tr><td>b</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>")
    assert texts(doc, 0) == [["X", "", "a"], ["X", "", "b"], ["1", "2", "3"]]


def test_rowspan_past_the_last_row_is_cut():
    doc = html.read_text("<table><tr><td rowspan=9>A</td><td>1</td></tr></table>")
    assert texts(doc, 0) == [["A", "1"]]


def test_ragged_rows_are_padded_and_flagged():
    doc = html.read_text("<table><tr><td>1</td><td>2</td><td>3</td></tr>"
                         "<tr><td>4</td></tr></table>")
    assert texts(doc, 0) == [["1", "2", "3"], ["4", "", ""]]
    assert doc.warnings == ["ragged_rows"]


def test_cells_without_a_row_and_an_unclosed_table():
    doc = html.read_text("<p>Tiêu đề</p><table><td>1<td>Nhiệm vụ")
    assert [(row.table, row.texts) for row in doc.rows] == [
        (None, ["Tiêu đề"]), (0, ["1", "Nhiệm vụ"])]
    assert doc.warnings == ["unclosed_table"]


def test_nested_table_is_flattened_into_its_cell():
    doc = html.read_text("<table><tr><td>x<table><tr><td>n1</td><td>n2</td></tr>"
                         "<tr><td>n3</td></tr></table></td><td>y</td></tr></table>")
    assert texts(doc, 0) == [["x\nn1 n2\nn3", "y"]]
    assert {row.table for row in doc.rows} == {0}


def test_table_start_inside_rows_starts_a_new_table():
    doc = html.read_text("<table><tr><td>a</td></tr><table><tr><td>b</td></tr></table>")
    assert [(row.table, row.texts) for row in doc.rows] == [(0, ["a"]), (1, ["b"])]


def test_entities_and_spaces():
    doc = html.read_text("<table><tr><td>  Tỷ&nbsp;lệ &ge;&#32;80&#37; &amp; "
                         "&quot;đạt&quot;\n  chuẩn  </td></tr></table>")
    assert texts(doc, 0) == [["Tỷ lệ ≥ 80% & \"đạt\" chuẩn"]]


def test_empty_bold_and_adjacent_bold_runs_are_tidied():
    doc = html.read_text("<table><tr><td><b> </b>A<b>B</b> <strong>C</strong></td>"
                         "<td><b> D </b></td></tr></table>")
    assert texts(doc, 0) == [["A<b>B C</b>", "<b>D</b>"]]
    assert [cell.bold for cell in table_rows(doc, 0)[0].cells] == [False, True]


def test_text_between_rows_is_kept_and_flagged():
    doc = html.read_text("<table><tr><td>1</td></tr>lạc<tr><td>2</td></tr></table>")
    assert (None, ["lạc"]) in [(row.table, row.texts) for row in doc.rows]
    assert "text_outside_cells" in doc.warnings


def test_page_break_comment_and_form_feed():
    doc = html.read_text("<table><tr><td>1</td></tr></table><!-- page break -->"
                         "<table><tr><td>2</td></tr></table>\f<p>cuối</p>")
    assert [(row.page, row.texts) for row in doc.rows] == [
        (1, ["1"]), (2, ["2"]), (3, ["cuối"])]
    assert doc.pages == 3


def test_unclosed_head_does_not_swallow_the_body():
    doc = html.read_text("<html><head><meta charset=utf-8><body><p>Phụ lục</p>"
                         "<table><tr><td>1</td></tr></table>")
    assert [row.texts for row in doc.rows] == [["Phụ lục"], ["1"]]


def test_markdown_lines_around_an_html_table_stay_separate():
    doc = html.read_text("# PHỤ LỤC\n\n**(Kèm theo Kế hoạch số 1/KH-UBND)**\n\n"
                         "<table><tr><td>1</td></tr></table>\n")
    assert [row.texts for row in doc.rows] == [
        ["# PHỤ LỤC"], ["**(Kèm theo Kế hoạch số 1/KH-UBND)**"], ["1"]]
    assert [row.first_line for row in doc.rows] == [1, 3, 5]


def test_registry_sniffs_html():
    assert read_any(FIXTURES / "html_features.html").format == "html"


cell_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
    min_size=1, max_size=12,
)


@given(st.lists(st.lists(cell_text, min_size=3, max_size=3), min_size=1, max_size=5))
def test_escaped_cells_round_trip(grid):
    body = "".join("<tr>" + "".join(f"<td>{html_lib.escape(cell)}</td>" for cell in row)
                   + "</tr>\n" for row in grid)
    doc = html.read_text(f"<table>\n{body}</table>")
    assert texts(doc, 0) == grid
    assert [row.first_line for row in doc.rows] == list(range(2, 2 + len(grid)))


def test_ordered_list_numbers_are_printed_as_a_browser_prints_them():
    # probe1 C21: LibreOffice exports Word's list numbering in an STT column as <ol start=n>
    # holding an empty item; the number is the item's marker, not text (keys lost before)
    doc = html.read_text(
        "<table><tr><td>STT</td><td>Nhiệm vụ</td></tr>"
        "<tr><td><ol><li><p></p></ol></td><td>Số hóa hồ sơ</td></tr>"
        "<tr><td><ol start='2'><li><p></p></ol></td><td>Cập nhật dữ liệu</td></tr>"
        "<tr><td><ol type='I' start='3'><li></ol></td><td>TỔ CHỨC THỰC HIỆN</td></tr>"
        "</table><ol type='a'><li>Mục tiêu</li><li>Chỉ tiêu</li></ol><ul><li>Ghi chú</li></ul>")
    assert texts(doc, 0) == [["STT", "Nhiệm vụ"], ["1.", "Số hóa hồ sơ"],
                             ["2.", "Cập nhật dữ liệu"], ["III.", "TỔ CHỨC THỰC HIỆN"]]
    assert [row.texts for row in doc.rows if row.table is None] == [
        ["a. Mục tiêu"], ["b. Chỉ tiêu"], ["Ghi chú"]]


def test_a_table_boxed_in_a_one_cell_frame_is_the_table():
    # probe1 C20 (LibreOffice's HTML of the boxed DOCX): the inner table was read as lines of
    # the frame's one cell, and the file had no table
    doc = html.read_text(
        "<p>PHỤ LỤC</p><table><tr><td><p><br/></p>"
        "<table><tr><td>TT</td><td>Chỉ tiêu</td></tr><tr><td>1</td><td>Tỷ lệ A</td></tr>"
        "</table><p>Ghi chú: số liệu năm 2025.</p></td></tr></table><p>Hết</p>")
    assert texts(doc, 0) == [["TT", "Chỉ tiêu"], ["1", "Tỷ lệ A"]]
    assert [row.texts for row in doc.rows if row.table is None] == [
        ["PHỤ LỤC"], ["Ghi chú: số liệu năm 2025."], ["Hết"]]
