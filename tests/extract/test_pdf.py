"""The PDF reader on PDFs that LibreOffice printed from Word files (tests/fixtures/office,
made by tests/fixtures/make_office_fixtures.py), and on broken ones."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from chitieu.core.types import Cell, RawDocument, RawRow
from chitieu.errors import InputError
from chitieu.extract import docx, pdf
from chitieu.extract import read as read_any
from chitieu.gazetteer.agencies import default_gazetteer

OFFICE = Path(__file__).parent.parent / "fixtures" / "office"
SEEDS = ["000_68f49e6b942cac21", "002_96420e20fdffe3f0", "004_0020e8dd3583fe02"]
OWN = ["ward_tasks", "commune_indicators"]


@pytest.fixture(scope="module")
def read_pdf():
    cache: dict[str, RawDocument] = {}

    def read(stem: str) -> RawDocument:
        if stem not in cache:
            cache[stem] = pdf.read(OFFICE / f"{stem}.pdf")
        return cache[stem]

    return read


def table_rows(doc: RawDocument) -> list[RawRow]:
    return [row for row in doc.rows if row.table is not None]


def by_number(doc: RawDocument, number: str) -> list[RawRow]:
    return [row for row in table_rows(doc) if row.cells[0].text == number]


# ---------------------------------------------------------------- layout of the rows


def test_title_lines_come_first_as_one_cell_rows(read_pdf):
    doc = read_pdf("004_0020e8dd3583fe02")
    assert [(row.page, row.table, row.texts) for row in doc.rows[:3]] == [
        (1, None, ["Phụ lục I"]),
        (1, None, ["CÁC MỤC TIÊU CỤ THỂ CỦA KẾ HOẠCH"]),
        (1, None, ["(Kèm theo Kế hoạch số 130/KH-UBND ngày 28/4/2026 của Ủy ban nhân dân xã "
                   "Đình Lập)"]),
    ]
    assert doc.rows[3].table == 0


def test_document_facts(read_pdf):
    doc = read_pdf("004_0020e8dd3583fe02")
    assert (doc.format, doc.pages, doc.ocr) == ("pdf", 4, False)
    assert doc.meta == {"table_finder": "pdfplumber-lines"}
    assert doc.warnings == []


COLUMNS = {"000_68f49e6b942cac21": 7, "002_96420e20fdffe3f0": 6, "004_0020e8dd3583fe02": 6,
           "ward_tasks": 6, "commune_indicators": 7}


@pytest.mark.parametrize("stem", SEEDS + OWN)
def test_every_table_row_has_one_cell_per_grid_column(read_pdf, stem):
    assert {len(row.cells) for row in table_rows(read_pdf(stem))} == {COLUMNS[stem]}


def test_each_page_is_a_new_table_that_repeats_the_header(read_pdf):
    doc = read_pdf("004_0020e8dd3583fe02")
    header = ["Số TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá",
              "Ghi chú"]
    firsts = {}
    for row in table_rows(doc):
        firsts.setdefault(row.table, row)
    assert [(row.page, row.texts) for row in firsts.values()] == [
        (page, header) for page in (1, 2, 3, 4)]


def test_a_row_cut_by_a_page_break_continues_with_an_empty_number_cell(read_pdf):
    doc = read_pdf("004_0020e8dd3583fe02")
    rows = table_rows(doc)
    cut = by_number(doc, "25")[0]
    tail = rows[rows.index(cut) + 2]  # after the header repeated on the next page
    assert (cut.page, tail.page) == (2, 3)
    assert tail.texts[0] == "" and tail.texts[2:] == ["", "", "", ""]
    assert f"{cut.texts[1]} {tail.texts[1]}" == (
        "Tỷ lệ thông tin, giấy tờ, tài liệu trong các thủ tục hành chính liên quan đến hoạt động "
        "sản xuất, kinh doanh chỉ cung cấp một lần cho cơ quan hành chính nhà nước")


def test_multi_line_cells_are_joined_with_a_space(read_pdf):
    row = by_number(read_pdf("004_0020e8dd3583fe02"), "29")[0]
    assert row.texts[1] == (
        "Tỷ lệ hồ sơ công việc tại cấp xã được xử lý trên môi trường điện tử (đối với hồ sơ "
        "thuộc phạm vi bí mật nhà nước thì thúc đẩy việc xử lý trên hệ thống/mạng phù hợp theo "
        "quy định pháp luật về bảo vệ bí mật nhà nước) và sử dụng chữ ký số chuyên dùng công vụ "
        "(dùng cho cá nhân, tổ chức) để giải quyết công việc")


def logical_rows(doc: RawDocument) -> list[list[str]]:
    """Table rows with the header repeated on later pages dropped and each row cut by a page
    break joined back (its tail has an empty first cell)."""
    fragments: dict[int, list[RawRow]] = {}
    for row in table_rows(doc):
        fragments.setdefault(row.table, []).append(row)
    head, *rest = fragments.values()
    out = [row.texts for row in head]
    for fragment in rest:
        repeated = 0
        while repeated < len(fragment) and fragment[repeated].texts == head[repeated].texts:
            repeated += 1
        body = [row.texts for row in fragment[repeated:]]
        if body and not body[0][0]:
            out[-1] = [f"{a} {b}".strip() for a, b in zip(out[-1], body.pop(0), strict=True)]
        out.extend(body)
    return out


@pytest.mark.parametrize("stem", [*SEEDS, *OWN, "open_sides_indicators"])
def test_the_pdf_reads_as_the_word_file_it_was_printed_from(read_pdf, stem):
    """Cell for cell, word for word: no word glued to the next line's, none split, merged
    cells resolved alike, across every page break."""
    word = docx.read(OFFICE / f"{stem}.docx")
    assert logical_rows(read_pdf(stem)) == [row.texts for row in table_rows(word)]
    assert [row.texts for row in read_pdf(stem).rows if row.table is None] == [
        row.texts for row in word.rows if row.table is None]


def test_horizontally_merged_section_row_keeps_its_text_in_the_first_cells(read_pdf):
    assert by_number(read_pdf("004_0020e8dd3583fe02"), "I")[0].texts == [
        "I", "PHÁT TRIỂN HẠ TẦNG", "", "", "", ""]
    assert by_number(read_pdf("002_96420e20fdffe3f0"), "I Phân công phụ trách theo dõi, đôn "
                     "đốc, kiểm tra thực hiện các chỉ tiêu")[0].texts[1:] == [""] * 5


def test_vertically_merged_agency_is_repeated_in_every_row_it_spans(read_pdf):
    doc = read_pdf("ward_tasks")
    lead = {number: by_number(doc, number)[0].texts[2] for number in "12345"}
    assert lead == {"1": "Phòng Văn hóa - Xã hội", "2": "Phòng Văn hóa - Xã hội",
                    "3": "Phòng Văn hóa - Xã hội", "4": "Trung tâm Phục vụ hành chính công",
                    "5": "Trung tâm Phục vụ hành chính công"}
    commune = read_pdf("commune_indicators")
    assert [by_number(commune, f"{n}.")[0].texts[5] for n in "1234567"] == (
        ["Phòng Kinh tế"] * 3 + ["Phòng Văn hóa - Xã hội"] * 4)


def test_a_merge_carried_over_a_page_break_reaches_the_next_page(read_pdf):
    """Agency merged over rows 7-9, row 7 cut by the page break: on page 2 Word draws an
    empty merged cell; rows 8 and 9 take the agency, the tail of row 7 stays empty."""
    doc = read_pdf("ward_tasks")
    page2 = [row for row in table_rows(doc) if row.page == 2]
    assert [(row.texts[0], row.texts[2]) for row in page2[2:]] == [
        ("", ""), ("8", "Phòng Văn hóa - Xã hội"), ("9", "Phòng Văn hóa - Xã hội"),
        ("10", "Công an phường")]


def test_two_row_header_repeats_vertical_merges_and_blanks_horizontal_spans(read_pdf):
    rows = table_rows(read_pdf("ward_tasks"))
    assert [row.texts for row in rows[:2]] == [
        ["STT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "", "Thời gian hoàn thành",
         "Sản phẩm"],
        ["STT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Sản phẩm"],
    ]


def test_bold_comes_from_the_font(read_pdf):
    doc = read_pdf("ward_tasks")
    rows = table_rows(doc)
    assert all(cell.bold for cell in rows[0].cells)
    assert by_number(doc, "II")[0].cells[0].bold
    assert not any(cell.bold for cell in by_number(doc, "4")[0].cells)
    assert [row.cells[0].bold for row in doc.rows[:3]] == [True, True, False]


@pytest.mark.parametrize("stem", SEEDS + OWN)
def test_pages_and_boxes_locate_every_row(read_pdf, stem):
    doc = read_pdf(stem)
    width, height = 841.9, 595.3  # A4 landscape in points
    last_top = {}
    for row in doc.rows:
        assert 1 <= row.page <= doc.pages
        x0, top, x1, bottom = row.bbox
        assert 0 <= x0 < x1 <= width and 0 <= top < bottom <= height
        assert top >= last_top.get(row.page, 0)  # reading order, top to bottom
        last_top[row.page] = top
        for cell in row.cells:
            cx0, ctop, cx1, cbottom = cell.bbox
            assert x0 - 1 <= cx0 < cx1 <= x1 + 1
            assert ctop <= top + 1 and cbottom >= bottom - 1  # a merged cell may reach further
        lefts = [cell.bbox[0] for cell in row.cells]
        assert lefts == sorted(lefts)


# ---------------------------------------------------------------- finders


def test_a_table_without_rules_falls_back_and_says_so():
    doc = pdf.read(OFFICE / "unruled_indicators.pdf")
    finder = doc.meta["table_finder"]
    assert finder in {"camelot-lattice", "camelot-stream", "pdfplumber-text"}
    assert doc.warnings == [f"table_finder_fallback:{finder}"]
    # how the columns come out depends on the finder; the words and their order do not
    lines = [" ".join(t for t in row.texts if t) for row in table_rows(doc)]
    assert any("Tốc độ tăng trưởng giá trị sản xuất % 7,8 ≥ 8 Phòng Kinh tế" in line
               for line in lines)


def test_without_camelot_the_text_strategy_is_the_fallback(monkeypatch):
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *args: None if name == "camelot" else find_spec(name, *args))
    doc = pdf.read(OFFICE / "unruled_indicators.pdf")
    assert doc.meta["table_finder"] == "pdfplumber-text"
    assert doc.warnings == ["table_finder_fallback:pdfplumber-text"]
    assert any(row.texts[:2] == ["STT", ""] or row.texts[0] == "STT" for row in table_rows(doc))
    assert any("7,8" in row.texts for row in table_rows(doc))


# ---------------------------------------------------------------- legacy fonts


LEGACY_ROWS = [
    ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Cơ quan chủ trì"],
    ["A", "CHỈ TIÊU VĂN HÓA - XÃ HỘI", "", "", ""],
    ["1", "Tỷ lệ hộ nghèo theo chuẩn đa chiều", "%", "< 2,5", "Phòng Văn hóa - Xã hội"],
    ["2", "Số lao động có việc làm mới", "Lao động", "200", "Phòng Văn hóa - Xã hội"],
    ["3", "Tỷ lệ trẻ em đi học đúng độ tuổi", "%", "100", "Phòng Văn hóa - Xã hội"],
]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_font_text_is_decoded_to_unicode(encoding):
    doc = pdf.read(OFFICE / f"legacy_{encoding}.pdf")
    assert [row.texts for row in table_rows(doc)] == LEGACY_ROWS
    assert doc.rows[2].texts == ["(Kèm theo Kế hoạch số 21/KH-UBND ngày 08/01/2026 của Ủy ban "
                                 "nhân dân xã Đình Lập)"]
    assert doc.warnings == [f"legacy_font_decoded:{encoding}"]
    assert doc.meta["legacy_encoding"] == encoding


def test_unicode_text_is_not_taken_for_a_legacy_encoding(read_pdf):
    assert "legacy_encoding" not in read_pdf("002_96420e20fdffe3f0").meta


# ---------------------------------------------------------------- unreadable PDFs


def one_line_error(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_any(path)
    assert "\n" not in str(caught.value) and str(caught.value).startswith(str(path))
    return caught.value


def test_encrypted_pdf():
    error = one_line_error(OFFICE / "encrypted.pdf")
    assert error.code == "encrypted" and "password" in str(error)


def test_pdf_without_pages():
    error = one_line_error(OFFICE / "zero_pages.pdf")
    assert error.code == "empty" and "no pages" in str(error)


def test_truncated_pdf(tmp_path):
    data = (OFFICE / "ward_tasks.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 3])
    assert one_line_error(path).code == "corrupt"


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    error = one_line_error(path)
    assert error.code == "corrupt" and "damaged" in str(error)


def test_damage_inside_the_page_content_is_one_clear_error(tmp_path):
    data = bytearray((OFFICE / "004_0020e8dd3583fe02.pdf").read_bytes())
    start = data.index(b"stream\n", len(data) // 4) + 7
    data[start:start + 400] = bytes(400)  # zero a compressed page stream
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    try:
        doc = read_any(path)
    except InputError as error:
        assert error.code in {"corrupt", "empty"}
    else:
        assert doc.format == "pdf"


def image_only_pdf(path: Path) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("L", (600, 400), 255)
    ImageDraw.Draw(image).rectangle((50, 50, 550, 350), outline=0, width=3)
    image.save(path, "PDF", resolution=72)
    return path


def test_a_scanned_page_names_the_page_when_no_ocr_reader_is_there(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "_scan_reader", lambda: None)
    error = one_line_error(image_only_pdf(tmp_path / "scan.pdf"))
    assert error.code == "no_text"
    assert "page 1 has no text layer (a scan?)" in str(error)


def test_glyphs_without_letters_are_a_text_layer_to_ocr(monkeypatch):
    from types import SimpleNamespace

    monkeypatch.setattr(pdf, "_scan_reader", lambda: None)
    reader = pdf._Reader(pages=[], path=Path("x.pdf"))
    with pytest.raises(InputError) as caught:
        reader._ocr([SimpleNamespace(number=2, state="unmapped")])
    assert str(caught.value) == ("page 2 has no usable text layer (its fonts map glyphs to no "
                                 "letters) — OCR it with the scan reader")


def test_a_scanned_page_is_handed_to_the_ocr_reader(tmp_path, monkeypatch):
    calls = []

    class FakeScan:
        @staticmethod
        def ocr_pdf_pages(path, pages, agencies=None):
            calls.append((Path(path), pages, agencies))
            rows = [RawRow([Cell("Phụ lục")], page=1),
                    RawRow([Cell("TT"), Cell("Chỉ tiêu")], page=1, table=0)]
            return RawDocument(rows=rows, format="image", pages=1, ocr=True,
                               warnings=["ocr_repaired:x"],
                               meta={"ocr_pages": "1", "ocr_row_confidence": '{"1":88.5}'})

    monkeypatch.setattr(pdf, "_scan_reader", lambda: FakeScan)
    path = image_only_pdf(tmp_path / "scan.pdf")
    known = default_gazetteer()
    doc = pdf.read(path, agencies=known)
    assert calls == [(path, [1], known)]  # the agency names OCR snaps to, passed down
    assert (doc.format, doc.ocr, doc.pages) == ("pdf", True, 1)
    assert [row.texts for row in doc.rows] == [["Phụ lục"], ["TT", "Chỉ tiêu"]]
    assert doc.meta["ocr_pages"] == "1" and json.loads(doc.meta["ocr_row_confidence"]) == {
        "1": 88.5}
    assert doc.warnings == ["ocr_repaired:x"]


def test_pages_phrase_names_ranges():
    assert pdf._pages_phrase([3]) == "page 3 has"
    assert pdf._pages_phrase([1, 2, 3, 5, 7, 8]) == "pages 1-3, 5, 7-8 have"


# ---------------------------------------------------------------- end to end


def convert_folder(files: list[Path], out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "chitieu", "convert", *map(str, files), "-o", str(out),
         "--workers", "1", "--quiet"],
        capture_output=True, text=True, check=False,
    )


def score(gold_dir: Path, out: Path, shared_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), str(gold_dir), str(out),
         "--min", "1.0", "--verbose"],
        capture_output=True, text=True, check=False,
    )


def test_seed_pdfs_convert_to_their_gold(tmp_path, shared_dir):
    converted = convert_folder([OFFICE / f"{stem}.pdf" for stem in SEEDS], tmp_path)
    assert converted.returncode == 0, converted.stderr
    result = score(shared_dir / "gold", tmp_path, shared_dir)
    assert result.returncode == 0, result.stdout
    assert "score: 1.0000" in result.stdout


def test_own_appendix_pdfs_convert_to_their_expected_records(tmp_path, shared_dir):
    converted = convert_folder([OFFICE / f"{stem}.pdf" for stem in OWN], tmp_path)
    assert converted.returncode == 0, converted.stderr
    result = score(OFFICE / "expected", tmp_path, shared_dir)
    assert result.returncode == 0, result.stdout
    assert "score: 1.0000" in result.stdout


def test_a_batch_goes_on_past_unreadable_pdfs(tmp_path):
    bad = tmp_path / "in" / "truncated.pdf"
    bad.parent.mkdir()
    bad.write_bytes((OFFICE / "ward_tasks.pdf").read_bytes()[:5000])
    files = [bad, OFFICE / "encrypted.pdf", OFFICE / "zero_pages.pdf",
             OFFICE / "commune_indicators.pdf"]
    result = convert_folder(files, tmp_path / "out")
    assert result.returncode == 1
    assert (tmp_path / "out" / "commune_indicators.json").exists()
    report = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    assert len(report["failed"]) == 3, report


# ---------------------------------------------------------------- layouts of other offices

VARIANTS = Path(__file__).parent.parent / "fixtures" / "office_variants"


def test_body_rows_without_rules_between_them_are_cut_at_their_numbers():
    doc = pdf.read(VARIANTS / "column_rules_only.pdf")
    rows = table_rows(doc)
    assert [row.texts[0] for row in rows] == ["STT", "1", "2", "3", "4"]
    assert rows[2].texts[2:] == ["ha", "≥ 40", "Phòng Kinh tế", "Các doanh nghiệp, hợp tác xã"]
    assert rows[1].bbox[3] <= rows[2].bbox[1]


def test_a_number_cell_whose_lines_are_not_numbers_is_not_cut():
    rows = table_rows(pdf.read(VARIANTS / "narrow_portrait.pdf"))
    assert rows[0].texts[:3] == ["TT", "Tên chỉ tiêu", "ĐVT"]
    assert [row.texts[0] for row in rows if row.page == 1][1:] == [str(n) for n in range(1, 8)]


def test_column_rules_broken_by_section_rows_still_make_columns():
    rows = table_rows(pdf.read(VARIANTS / "rotated_header_sections.pdf"))
    assert [row.texts for row in rows[1:3]] == [
        ["I", "Y TẾ", "", "", "", ""],
        ["1", "Tỷ lệ trạm y tế có bác sĩ làm việc", "%", "100", "Trạm Y tế xã", "Năm 2026"],
    ]


def test_header_text_running_upwards_reads_left_to_right():
    rows = table_rows(pdf.read(VARIANTS / "rotated_header_sections.pdf"))
    assert rows[0].texts == ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu", "Cơ quan chủ trì",
                             "Thời hạn"]


def test_unruled_rows_centred_vertically_are_cut_between_their_lines():
    rows = table_rows(pdf.read(VARIANTS / "centred_unruled.pdf"))
    assert [row.texts[0] for row in rows] == ["STT", "1", "2", "3", "4"]
    assert rows[2].texts[1] == (
        "Diện tích đất sản xuất nông nghiệp áp dụng quy trình thực hành sản xuất nông nghiệp "
        "tốt, sản xuất hữu cơ và các tiêu chuẩn chứng nhận tương đương")
    assert rows[2].texts[5] == "Các doanh nghiệp, hợp tác xã"


def test_a_page_left_to_pdfplumber_that_it_cannot_parse_is_one_clear_error(tmp_path,
                                                                             monkeypatch):
    # pdfium opens the file and leaves each page to pdfplumber, whose page has a MediaBox
    # that is not numbers: the damage is said, not a MalformedPDFException
    from chitieu.extract import pdf_objects

    monkeypatch.setattr(pdf_objects, "read_page", lambda *args, **kwargs: None)
    data = (OFFICE / "004_0020e8dd3583fe02.pdf").read_bytes()
    box = b"/MediaBox[0 0 841.889763779528 595.303937007874]"
    path = tmp_path / "bad_box.pdf"
    path.write_bytes(data.replace(box, b"/MediaBox[0 0 84 /xx 0.889763779 595.30393700]"))
    error = one_line_error(path)
    assert error.code == "corrupt" and "damaged" in str(error)


def test_a_page_pdfminer_does_not_find_is_one_clear_error(tmp_path, monkeypatch):
    # pdfium counts more pages than pdfminer finds in a damaged file: the page left to
    # pdfplumber is not there (was an IndexError, an 'internal error')
    import pdfplumber

    from chitieu.extract import pdf_objects

    monkeypatch.setattr(pdf_objects, "read_page", lambda *args, **kwargs: None)
    monkeypatch.setattr(pdfplumber.PDF, "pages", property(lambda self: []))
    error = one_line_error(OFFICE / "ward_tasks.pdf")
    assert error.code == "corrupt" and "damaged" in str(error)
