"""The DOCX reader on Word files rendered by tests/fixtures/make_office_fixtures.py and on
documents built here with python-docx."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from chitieu import convert
from chitieu.errors import InputError
from chitieu.extract import docx, pdf
from chitieu.extract import read as read_any

OFFICE = Path(__file__).parent.parent / "fixtures" / "office"
SEEDS = ["000_68f49e6b942cac21", "002_96420e20fdffe3f0", "004_0020e8dd3583fe02"]
OWN = ["ward_tasks", "commune_indicators"]


def table_rows(doc):
    return [row for row in doc.rows if row.table is not None]


@pytest.fixture(scope="module")
def ward():
    return docx.read(OFFICE / "ward_tasks.docx")


def test_paragraphs_then_table_rows_in_body_order(ward):
    assert [(row.table, row.texts) for row in ward.rows[:3]] == [
        (None, ["PHỤ LỤC II"]),
        (None, ["DANH MỤC NHIỆM VỤ TRỌNG TÂM VỀ CHUYỂN ĐỔI SỐ NĂM 2026"]),
        (None, ["(Kèm theo Kế hoạch số 58/KH-UBND ngày 12/02/2026 của UBND phường Ba Đình)"]),
    ]
    assert {row.table for row in ward.rows[3:]} == {0}
    assert (ward.format, ward.pages, ward.ocr) == ("docx", None, False)


def test_each_block_is_numbered_in_reading_order_as_its_line(ward):
    assert [(row.first_line, row.last_line) for row in ward.rows] == [
        (n, n) for n in range(1, len(ward.rows) + 1)]


def test_a_record_of_a_word_table_cites_its_block():
    from chitieu.pipeline import convert

    document = convert(OFFICE / "ward_tasks.docx")
    lines = [record.source.lines for record in document.records]
    assert all(span is not None and span[0] >= 4 for span in lines)
    assert lines == sorted(lines)


def test_header_rows_repeated_on_each_page_are_stored_once(ward):
    rows = table_rows(ward)
    assert [row.texts for row in rows[:2]] == [
        ["STT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "", "Thời gian hoàn thành",
         "Sản phẩm"],
        ["STT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Sản phẩm"],
    ]
    assert sum(1 for row in rows if row.texts[0] == "STT") == 2


def test_grid_span_puts_text_in_the_first_slot(ward):
    section = next(row for row in table_rows(ward) if row.texts[0] == "II")
    assert section.texts == ["II", "PHÁT TRIỂN CHÍNH QUYỀN SỐ", "", "", "", ""]


def test_vertical_merge_repeats_the_text_of_the_cell_it_began_with(ward):
    lead = {row.texts[0]: row.texts[2] for row in table_rows(ward)
            if row.texts[0].isdigit()}
    assert lead == {"1": "Phòng Văn hóa - Xã hội", "2": "Phòng Văn hóa - Xã hội",
                    "3": "Phòng Văn hóa - Xã hội", "4": "Trung tâm Phục vụ hành chính công",
                    "5": "Trung tâm Phục vụ hành chính công", "6": "Văn phòng HĐND và UBND",
                    "7": "Phòng Văn hóa - Xã hội", "8": "Phòng Văn hóa - Xã hội",
                    "9": "Phòng Văn hóa - Xã hội", "10": "Công an phường"}


def test_bold_comes_from_the_runs(ward):
    rows = table_rows(ward)
    assert all(cell.bold for cell in rows[0].cells)
    assert next(row for row in rows if row.texts[0] == "I").cells[1].bold
    assert not any(cell.bold for cell in rows[3].cells)
    assert [row.cells[0].bold for row in ward.rows[:3]] == [True, True, False]


@pytest.mark.parametrize("stem", SEEDS + OWN)
def test_every_row_has_one_cell_per_grid_column(stem):
    doc = docx.read(OFFICE / f"{stem}.docx")
    assert len({len(row.cells) for row in table_rows(doc)}) == 1


def test_list_numbers_are_read_as_word_prints_them():
    """The STT column of this fixture is numbered by Word lists, not typed: sections "A" …,
    rows "1." … counting on across sections (LibreOffice printed the same in the PDF)."""
    rows = table_rows(docx.read(OFFICE / "commune_indicators.docx"))
    assert [row.texts[0] for row in rows] == [
        "STT", "A", "1.", "2.", "3.", "B", "4.", "5.", "6.", "7.", "C", "8.", "9.", "10."]


def test_list_levels_formats_restarts_and_styles(tmp_path):
    document = new_document()
    for text in ("Một", "Hai", "Ba"):
        document.add_paragraph(text, style="List Number")
    table = ruled_table(document, 2, 3)
    table.cell(0, 0).paragraphs[0].style = document.styles["List Number"]
    table.cell(0, 1).text = "Bốn"
    path = tmp_path / "lists.docx"
    document.save(path)
    doc = docx.read(path)
    assert [row.texts for row in doc.rows] == [
        ["PHỤ LỤC"], ["1. Một"], ["2. Hai"], ["3. Ba"], ["4.", "Bốn", ""], ["", "", ""]]


@pytest.mark.parametrize(("value", "fmt", "label"), [
    (4, "upperRoman", "IV"), (14, "lowerRoman", "xiv"), (3, "upperLetter", "C"),
    (28, "lowerLetter", "bb"), (7, "decimalZero", "07"), (12, "decimal", "12"),
    (5, "bullet", ""),
])
def test_number_formats(value, fmt, label):
    assert docx._format_number(value, fmt) == label


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_runs_in_legacy_fonts_are_decoded(encoding):
    doc = docx.read(OFFICE / f"legacy_{encoding}.docx")
    pdf_doc = pdf.read(OFFICE / f"legacy_{encoding}.pdf")
    assert [row.texts for row in doc.rows] == [row.texts for row in pdf_doc.rows]
    assert doc.rows[3].texts == ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026",
                                 "Cơ quan chủ trì"]
    assert doc.warnings == [f"legacy_font_decoded:{encoding}"]


# ---------------------------------------------------------------- documents built here


def new_document():
    document = Document()
    document.add_paragraph("PHỤ LỤC")
    return document


def ruled_table(document, rows: int, cols: int, parent=None):
    table = (parent or document).add_table(rows=rows, cols=cols)
    table.style = document.styles["Table Grid"]
    return table


def test_bold_through_paragraph_and_character_styles_and_switched_off(tmp_path):
    document = new_document()
    style = document.styles.add_style("Tiêu đề đậm", WD_STYLE_TYPE.PARAGRAPH)
    style.font.bold = True
    derived = document.styles.add_style("Tiêu đề con", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = style
    document.add_paragraph("Bold by its style", style=style)
    document.add_paragraph("Bold by its base style", style=derived)
    plain = document.add_paragraph(style=style).add_run("Bold switched off")
    plain.bold = False
    char_style = document.styles.add_style("Nhấn", WD_STYLE_TYPE.CHARACTER)
    char_style.font.bold = True
    document.add_paragraph().add_run("Bold by a character style", style=char_style)
    ruled_table(document, 1, 2).cell(0, 0).text = "x"
    path = tmp_path / "styles.docx"
    document.save(path)
    rows = docx.read(path).rows
    assert [(row.texts[0], row.cells[0].bold) for row in rows[1:5]] == [
        ("Bold by its style", True), ("Bold by its base style", True),
        ("Bold switched off", False), ("Bold by a character style", True)]


def test_line_breaks_and_tabs_in_a_cell_become_single_spaces_its_paragraphs_lines(tmp_path):
    # a cell's paragraphs are its lines, as an HTML cell's are: two bodies printed on two
    # lines are two agencies, a name wrapped onto a lower-case line stays one
    document = new_document()
    cell = ruled_table(document, 1, 2).cell(0, 1)
    run = cell.paragraphs[0].add_run("Văn phòng")
    run.add_break()
    run.add_text("HĐND và\tUBND")
    cell.add_paragraph("xã  Vũ Dương")
    cell.add_paragraph("")
    cell.add_paragraph("Thanh tra  Bộ")
    path = tmp_path / "breaks.docx"
    document.save(path)
    assert table_rows(docx.read(path))[0].texts == [
        "", "Văn phòng HĐND và UBND\nxã Vũ Dương\nThanh tra Bộ"]


def test_nested_table_text_stays_in_its_cell(tmp_path):
    document = new_document()
    outer = ruled_table(document, 2, 2)
    outer.cell(0, 0).text = "1"
    inner = ruled_table(document, 1, 2, parent=outer.cell(0, 1))
    inner.cell(0, 0).text = "Phòng Kinh tế"
    inner.cell(0, 1).text = "Công an xã"
    outer.cell(1, 0).text = "2"
    path = tmp_path / "nested.docx"
    document.save(path)
    doc = docx.read(path)
    assert [row.texts for row in table_rows(doc)] == [["1", "Phòng Kinh tế\nCông an xã"],
                                                     ["2", ""]]
    assert {row.table for row in table_rows(doc)} == {0}


def test_grid_before_shifts_a_row_right(tmp_path):
    document = new_document()
    table = document.add_table(rows=2, cols=3)
    for c, text in enumerate(["TT", "Nội dung", "Ghi chú"]):
        table.cell(0, c).text = text
    table.cell(1, 1).text = "Nội dung hàng hai"
    row = table.rows[1]._tr
    row.remove(row.tc_lst[0])  # the row starts one grid column in
    grid_before = OxmlElement("w:gridBefore")
    grid_before.set(qn("w:val"), "1")
    row.get_or_add_trPr().append(grid_before)
    path = tmp_path / "grid_before.docx"
    document.save(path)
    assert table_rows(docx.read(path))[1].texts == ["", "Nội dung hàng hai", ""]


def test_tables_inside_content_controls_are_read(tmp_path):
    document = new_document()
    table = ruled_table(document, 1, 2)
    table.cell(0, 0).text = "1"
    table.cell(0, 1).text = "Tỷ lệ"
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt.append(content)
    table._tbl.addprevious(sdt)
    content.append(table._tbl)
    path = tmp_path / "sdt.docx"
    document.save(path)
    assert table_rows(docx.read(path))[0].texts == ["1", "Tỷ lệ"]


def test_borderless_letterhead_and_signature_tables_are_text(tmp_path):
    document = Document()
    letterhead = document.add_table(rows=1, cols=2)  # python-docx's default: no borders
    letterhead.cell(0, 0).text = "ỦY BAN NHÂN DÂN"
    letterhead.cell(0, 0).add_paragraph("XÃ ĐÌNH LẬP")
    letterhead.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    document.add_paragraph("PHỤ LỤC")
    appendix = document.add_table(rows=2, cols=3)
    for c, text in enumerate(["TT", "Nội dung", "Cơ quan chủ trì"]):
        appendix.cell(0, c).text = text
    ruled_pair = document.add_table(rows=1, cols=2)
    ruled_pair.style = document.styles["Table Grid"]
    ruled_pair.cell(0, 0).text = "1"
    ruled_pair.cell(0, 1).text = "Một bảng hai cột có kẻ"
    signature = document.add_table(rows=1, cols=2)
    signature.cell(0, 0).text = "Nơi nhận:"
    signature.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN"
    path = tmp_path / "letter.docx"
    document.save(path)
    doc = docx.read(path)
    assert [(row.table, row.texts) for row in doc.rows] == [
        (None, ["ỦY BAN NHÂN DÂN"]), (None, ["XÃ ĐÌNH LẬP"]),
        (None, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]), (None, ["PHỤ LỤC"]),
        (0, ["TT", "Nội dung", "Cơ quan chủ trì"]), (0, ["", "", ""]),
        (1, ["1", "Một bảng hai cột có kẻ"]),
        (None, ["Nơi nhận:"]), (None, ["TM. ỦY BAN NHÂN DÂN"]),
    ]


# ---------------------------------------------------------------- errors


def one_line_error(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_any(path)
    assert "\n" not in str(caught.value) and str(caught.value).startswith(str(path))
    return caught.value


def test_a_document_without_a_table():
    with pytest.raises(InputError) as caught:
        convert(OFFICE / "no_table.docx")
    error = caught.value
    assert error.code == "no_table" and "\n" not in str(error)
    assert "no table header found" in str(error) and "CHỈ TIÊU CỤ THỂ" in str(error)


def test_targets_listed_in_prose_in_a_document_without_a_table(tmp_path):
    """A whole plan whose targets are bullets under "II. CHỈ TIÊU CỤ THỂ" (no table)."""
    doc = Document()
    for text in ("ỦY BAN NHÂN DÂN XÃ CAO SƠN", "Số: 52/KH-UBND", "KẾ HOẠCH",
                 "Chuyển đổi số năm 2026", "I. MỤC ĐÍCH, YÊU CẦU",
                 "- Bảo đảm sự tham gia của cả hệ thống chính trị.", "II. CHỈ TIÊU CỤ THỂ",
                 "1. Chính quyền số",
                 "- Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến đạt tối thiểu 80%;",
                 "- 100% văn bản đi được ký số.", "III. TỔ CHỨC THỰC HIỆN",
                 "- Văn phòng HĐND và UBND xã chủ trì."):
        doc.add_paragraph(text)
    doc.save(tmp_path / "prose.docx")
    document = convert(tmp_path / "prose.docx")
    assert "targets_from_prose" in document.warnings
    assert [(r.key, r.name, r.target.raw if r.target else None) for r in document.records] == [
        ("1/#1", "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến", "tối thiểu 80%"),
        ("1/#2", "100% văn bản đi được ký số", "100% văn bản đi"),
    ]


def test_a_truncated_docx(tmp_path):
    path = tmp_path / "truncated.docx"
    path.write_bytes((OFFICE / "ward_tasks.docx").read_bytes()[:9000])
    assert one_line_error(path).code == "corrupt"


def test_a_zip_that_is_not_a_word_document(tmp_path):
    import zipfile

    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "không phải Word")
    assert "not a Word document" in str(one_line_error(path))


def test_legacy_doc_without_libreoffice_says_what_is_needed(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    error = one_line_error(OFFICE / "ward_tasks.doc")
    assert error.code == "missing_dependency" and "LibreOffice" in str(error)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_legacy_doc_is_converted_with_libreoffice(ward):
    doc = read_any(OFFICE / "ward_tasks.doc")
    assert [row.texts for row in doc.rows] == [row.texts for row in ward.rows]
    assert doc.meta == {"converted_from": "doc", "converter": "libreoffice"}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("suffix", ["odt", "rtf"])
def test_opendocument_and_rich_text_are_converted_with_libreoffice(ward, suffix):
    # the same appendix saved by LibreOffice as .odt and .rtf: were "not a Word document"
    # (.odt) and read as text (.rtf, no table found)
    doc = read_any(OFFICE / f"ward_tasks.{suffix}")
    assert [row.texts for row in doc.rows] == [row.texts for row in ward.rows]
    assert doc.meta == {"converted_from": suffix, "converter": "libreoffice"}


def test_opendocument_text_without_libreoffice_says_what_is_needed(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    error = one_line_error(OFFICE / "ward_tasks.odt")
    assert error.code == "missing_dependency" and "OpenDocument" in str(error)


# ---------------------------------------------------------------- end to end


def test_seed_and_own_docx_files_convert_to_their_gold(tmp_path, shared_dir):
    for group, stems, gold in (("seeds", SEEDS, shared_dir / "gold"),
                               ("own", OWN, OFFICE / "expected")):
        out = tmp_path / group
        converted = subprocess.run(
            [sys.executable, "-m", "chitieu", "convert",
             *(str(OFFICE / f"{stem}.docx") for stem in stems), "-o", str(out),
             "--workers", "1", "--quiet"],
            capture_output=True, text=True, check=False)
        assert converted.returncode == 0, converted.stderr
        scored = subprocess.run(
            [sys.executable, str(shared_dir / "tools" / "score.py"), str(gold), str(out),
             "--min", "1.0", "--verbose"],
            capture_output=True, text=True, check=False)
        assert scored.returncode == 0, scored.stdout
        assert "score: 1.0000" in scored.stdout


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT_BOX_RUN = (
    f'<w:r xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
    '<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Phụ lục 9'
    '</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Phụ lục 9</w:t>'
    '</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
    '</mc:AlternateContent></w:r>')


def test_text_in_a_text_box_is_read_once_before_its_paragraph(tmp_path):
    from lxml import etree

    document = Document()
    anchor = document.add_paragraph("CHỈ TIÊU NĂM 2026")
    anchor._p.append(etree.fromstring(TEXT_BOX_RUN))
    table = ruled_table(document, 2, 3)
    table.cell(0, 0).text = "STT"
    path = tmp_path / "box.docx"
    document.save(path)
    assert [row.texts for row in docx.read(path).rows[:2]] == [
        ["Phụ lục 9"], ["CHỈ TIÊU NĂM 2026"]]


def test_a_label_in_a_text_box_reads_as_in_the_printed_pdf():
    variants = OFFICE.parent / "office_variants"
    from_word = docx.read(variants / "label_in_text_box.docx")
    printed = pdf.read(variants / "label_in_text_box.pdf")
    assert [r.texts for r in from_word.rows] == [r.texts for r in printed.rows]


def test_hidden_deleted_and_moved_away_text_is_not_read(tmp_path):
    from lxml import etree

    document = new_document()
    table = ruled_table(document, 3, 2)
    table.cell(0, 0).text, table.cell(0, 1).text = "STT", "Chỉ tiêu"
    table.cell(1, 0).text = "1"
    cell = table.cell(1, 1).paragraphs[0]._p
    cell.append(etree.fromstring(
        f'<w:r xmlns:w="{W_NS}"><w:t xml:space="preserve">Tỷ lệ </w:t></w:r>'))
    cell.append(etree.fromstring(
        f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vanish/></w:rPr><w:t>ẩn </w:t></w:r>'))
    for tag in ("del", "moveFrom"):
        cell.append(etree.fromstring(
            f'<w:{tag} xmlns:w="{W_NS}" w:id="1" w:author="A"><w:r><w:t>bỏ </w:t></w:r>'
            f'</w:{tag}>'))
    cell.append(etree.fromstring(
        f'<w:ins xmlns:w="{W_NS}" w:id="2" w:author="A"><w:r><w:t>hộ nghèo</w:t></w:r>'
        '</w:ins>'))
    deleted = table.rows[2]._tr.get_or_add_trPr()
    deleted.append(etree.fromstring(f'<w:del xmlns:w="{W_NS}" w:id="3" w:author="A"/>'))
    table.cell(2, 0).text = "2"
    path = tmp_path / "tracked.docx"
    document.save(path)
    assert [row.texts for row in table_rows(docx.read(path))] == [
        ["STT", "Chỉ tiêu"], ["1", "Tỷ lệ hộ nghèo"]]


def test_a_ruled_table_inside_a_borderless_frame_is_a_table(tmp_path):
    document = Document()
    frame = document.add_table(rows=1, cols=1)  # no style: no borders
    cell = frame.cell(0, 0)
    cell.paragraphs[0].text = "PHỤ LỤC 1"
    inner = ruled_table(document, 2, 3, parent=cell)
    for c, text in enumerate(("STT", "Chỉ tiêu", "Cơ quan chủ trì")):
        inner.cell(0, c).text = text
    for c, text in enumerate(("1", "Tỷ lệ hộ nghèo", "Công an xã")):
        inner.cell(1, c).text = text
    cell.add_paragraph("Ghi chú cuối")
    path = tmp_path / "framed.docx"
    document.save(path)
    doc = docx.read(path)
    assert [(row.table, row.texts) for row in doc.rows] == [
        (None, ["PHỤ LỤC 1"]), (0, ["STT", "Chỉ tiêu", "Cơ quan chủ trì"]),
        (0, ["1", "Tỷ lệ hộ nghèo", "Công an xã"]), (None, ["Ghi chú cuối"])]


def test_a_table_boxed_in_a_one_cell_frame_is_the_table(tmp_path: Path) -> None:
    # probe1 C20: Word users box an appendix in a one-cell ruled table; the file failed
    # (no table header found), its plan header lost with it
    doc = Document()
    doc.add_paragraph("PHỤ LỤC")
    doc.add_paragraph("CHỈ TIÊU Y TẾ NĂM 2026")
    doc.add_paragraph("(Kèm theo Kế hoạch số 8/KH-UBND ngày 12/01/2026 của UBND xã Bảo Lạc)")
    frame = doc.add_table(rows=1, cols=1)
    frame.style = "Table Grid"
    inner = frame.cell(0, 0).add_table(rows=3, cols=4)
    inner.style = "Table Grid"
    cells = [["TT", "Chỉ tiêu", "Chỉ tiêu năm 2026", "Đơn vị chủ trì"],
             ["1", "Tỷ lệ trẻ em được tiêm chủng đầy đủ", "≥ 95%", "Trạm Y tế xã"],
             ["2", "Số thôn có nhân viên y tế hoạt động", "12 thôn", "Trạm Y tế xã"]]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    frame.cell(0, 0).add_paragraph("Ghi chú: số liệu thôn theo năm 2025.")
    path = tmp_path / "framed.docx"
    doc.save(path)
    document = convert(path)
    assert [(r.key, r.target.raw, [a.name for a in r.agencies]) for r in document.records] == [
        ("1", "≥ 95%", ["Trạm Y tế xã"]), ("2", "12 thôn", ["Trạm Y tế xã"])]
    assert document.plan.number == "8/KH-UBND"


def test_headings_printed_between_two_tables_are_their_sections(tmp_path: Path) -> None:
    # probe2 P27: "I. CHỈ TIÊU" + a table, "II. NHIỆM VỤ" + a table of other columns, the
    # headings plain paragraphs: every key lost its section ("1", "2", "1~2", "2~2")
    doc = Document()
    doc.add_paragraph("PHỤ LỤC")
    doc.add_paragraph("CHỈ TIÊU VÀ NHIỆM VỤ NĂM 2026")
    tables = [("I. CHỈ TIÊU", [["TT", "Chỉ tiêu", "Kế hoạch 2026", "Cơ quan chủ trì"],
                               ["1", "Tỷ lệ hộ dùng nước sạch", "98%", "Phòng Kinh tế"]]),
              ("II. NHIỆM VỤ", [["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
                                ["1", "Rà soát hồ sơ đất đai", "Phòng Kinh tế", "Quý II/2026"]])]
    for heading, cells in tables:
        doc.add_paragraph(heading)
        table = doc.add_table(rows=len(cells), cols=len(cells[0]))
        table.style = "Table Grid"
        for r, row in enumerate(cells):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    path = tmp_path / "two_tables.docx"
    doc.save(path)
    document = convert(path)
    assert [(r.key, [(s.number, s.title) for s in r.section]) for r in document.records] == [
        ("I/1", [("I", "CHỈ TIÊU")]), ("II/1", [("II", "NHIỆM VỤ")])]
    assert document.plan.title == "CHỈ TIÊU VÀ NHIỆM VỤ NĂM 2026"
