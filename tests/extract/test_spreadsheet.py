"""The spreadsheet reader: XLSX workbooks and CSV/TSV files."""

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from shared_files import real_file

from chitieu import convert, extract
from chitieu.errors import InputError

openpyxl = pytest.importorskip("openpyxl")

HEADER = ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Chỉ tiêu"]


def _sheet(workbook, title: str, rows: list[list]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append(["Phụ lục 1\nDanh mục nhiệm vụ\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 5/3/2026 "
                  "của UBND xã Vũ Dương)"])
    sheet.merge_cells("A1:E1")
    sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    _sheet(book, "PL1", [["I", "Chuyển đổi số"], [1, "Số hóa hồ sơ", "Văn phòng HĐND và UBND",
                                                     dt.datetime(2026, 6, 30), 0.85],
                         [2, "Cập nhật dữ liệu", None, None, "100%"]])
    book["PL1"].merge_cells("B4:E4")
    book["PL1"].merge_cells("C5:C6")  # one lead for both rows
    book["PL1"]["E5"].number_format = "0%"
    _sheet(book, "PL2", [[1, "Tuyên truyền", "Phòng Văn hóa - Xã hội", "Quý II/2026", None]])
    book.create_sheet("Ghi chú").append(["Ghi chú của người lập bảng"])
    path = tmp_path / "ke-hoach.xlsx"
    book.save(path)
    return path


def test_cells_as_shown_merged_ranges_resolved_title_block_split(workbook: Path) -> None:
    doc = extract.read(workbook)
    assert doc.format == "xlsx" and doc.table_names == {0: "PL1", 1: "PL2", 2: "Ghi chú"}
    first = [r.texts for r in doc.rows if r.table == 0]
    assert first[:3] == [["Phụ lục 1"], ["Danh mục nhiệm vụ"],
                         ["(Kèm theo Kế hoạch số 12/KH-UBND ngày 5/3/2026 của UBND xã Vũ Dương)"]]
    assert first[4] == ["I", "Chuyển đổi số", "", "", ""]
    assert first[5] == ["1", "Số hóa hồ sơ", "Văn phòng HĐND và UBND", "30/6/2026", "85%"]
    assert first[6] == ["2", "Cập nhật dữ liệu", "Văn phòng HĐND và UBND", "", "100%"]


def test_each_sheet_is_a_table_and_the_outer_section_of_its_records(workbook: Path) -> None:
    doc = convert(workbook)
    assert [r.key for r in doc.records] == ["PL1/I/1", "PL1/I/2", "PL2/1"]
    assert doc.records[0].section[0].number == "PL1"
    assert doc.records[0].section[0].title == "Danh mục nhiệm vụ"
    assert doc.records[0].target.value == 85 and doc.records[0].deadline.end == "2026-06-30"
    assert doc.plan.number == "12/KH-UBND" and doc.plan.locality.code is not None
    assert doc.source.format == "xlsx"


def test_one_sheet_has_no_outer_section(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append([1, "Số hóa hồ sơ", "Văn phòng HĐND và UBND", "2026", "90%"])
    path = tmp_path / "one.xlsx"
    book.save(path)
    assert [r.key for r in convert(path).records] == ["1"]


def test_a_note_under_the_table_in_another_column_is_no_text_of_the_last_row(
        tmp_path: Path) -> None:
    """A sheet's "Ghi chú: …" or "(1) …" written in column B, under the name column, ends
    the table as it does in column A."""
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append([1, "Số hóa hồ sơ", "Văn phòng HĐND và UBND", "2026", "90%"])
    book.active.append([2, "Cập nhật dữ liệu dân cư", "Công an xã", "Quý III/2026", "100%"])
    book.active.append([])
    book.active.append([None, "Ghi chú: Chỉ tiêu 1 tính cả hồ sơ tiếp nhận qua bưu chính."])
    book.active.append([None, "(1) Số liệu năm 2025 là số ước thực hiện."])
    path = tmp_path / "notes.xlsx"
    book.save(path)
    records = convert(path).records
    assert [(r.key, r.name) for r in records] == [("1", "Số hóa hồ sơ"),
                                                  ("2", "Cập nhật dữ liệu dân cư")]
    assert records[1].warnings == []


def test_csv_with_a_sniffed_delimiter_and_quoted_multiline_cells(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text('STT;Nội dung;Đơn vị chủ trì\n1;"Số hóa\nhồ sơ";Văn phòng HĐND và UBND\n',
                    encoding="utf-8")
    doc = extract.read(path)
    assert [r.texts for r in doc.rows] == [["STT", "Nội dung", "Đơn vị chủ trì"],
                                           ["1", "Số hóa\nhồ sơ", "Văn phòng HĐND và UBND"]]
    assert (doc.rows[1].first_line, doc.rows[1].last_line) == (2, 3)


def test_a_csv_cell_longer_than_the_csv_module_allows_is_read(tmp_path: Path) -> None:
    # a cell of 200,000 characters (a pasted report): the csv module refuses fields over
    # 131,072 by default; the input's size is bounded by --max-text-mb already
    path = tmp_path / "dai.csv"
    long = "Tổ chức tuyên truyền " * 10_000
    path.write_text(f'STT,Nội dung,Đơn vị chủ trì\n1,"{long}",Công an xã\n', encoding="utf-8")
    assert extract.read(path).rows[1].texts == ["1", long.strip(), "Công an xã"]


def test_tab_separated_text_copied_from_a_spreadsheet(real_dir: Path) -> None:
    path = real_file("hn-kh38-2026-phuluc01-bang-tinh.tsv.txt", real_dir)
    doc = extract.read(path)
    assert doc.format == "csv"
    header = next(r for r in doc.rows if r.texts[0] == "STT")
    assert len(header.cells) == 11 and header.first_line == 4
    assert convert(path).plan.appendix == "Phụ lục 01"


def test_a_damaged_workbook_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError):
        extract.read(path)


def test_a_formula_whose_value_was_never_stored_is_warned_of_not_lost_in_silence(
        tmp_path: Path) -> None:
    # openpyxl (like any script) stores a formula without its value: the cell reads empty
    book = openpyxl.Workbook()
    book.remove(book.active)
    _sheet(book, "PL1", [[1, "Tỷ lệ hồ sơ trực tuyến", "Văn phòng HĐND và UBND", "Quý II/2026",
                          "=0.5+0.3"],
                         [2, "Tỷ lệ người dân có chữ ký số", "Công an xã", "Quý III/2026", "70%"]])
    path = tmp_path / "cong-thuc.xlsx"
    book.save(path)
    doc = convert(path)
    first, second = doc.records
    assert first.target is None
    assert "formula_without_value:E4" in first.warnings
    assert not any(w.startswith("formula") for w in second.warnings)
    assert second.target.value == 70
    assert "formulas_without_values:PL1:1" in doc.warnings


def test_formulas_without_values_are_counted_by_cell_on_a_sheet_with_no_other_value(
        tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Tính toán"
    book.active.append(["=1+1", "=2+2"])
    book.active.append(["=3+3"])
    path = tmp_path / "chi-cong-thuc.xlsx"
    book.save(path)
    assert "formulas_without_values:Tính toán:3" in extract.read(path).warnings


def test_a_hidden_sheet_is_not_read_and_the_document_says_so(workbook: Path) -> None:
    """A sheet hidden in the workbook (a draft, lookup lists) is not printed: none of its
    rows become records, and the document warns which sheet was left out."""
    book = openpyxl.load_workbook(workbook)
    draft = book.create_sheet("Nháp")
    draft.append(HEADER)
    draft.append([1, "Bản nháp cũ", "Văn phòng HĐND và UBND", "2025", "50%"])
    draft.sheet_state = "hidden"
    book.save(workbook)
    doc = convert(workbook)
    assert [r.key for r in doc.records] == ["PL1/I/1", "PL1/I/2", "PL2/1"]
    assert "sheet_hidden_skipped:Nháp" in doc.warnings


# a sheet with a column of working notes ("Ghi chú nội bộ") and a draft row (2)
WORKING_ROWS = (["STT", "Nội dung", "Ghi chú nội bộ", "Đơn vị chủ trì", "Thời hạn"],
                [1, "Số hóa hồ sơ", "Chưa rà soát", "Văn phòng HĐND và UBND", "Quý II/2026"],
                [2, "Bản nháp cũ", "", "Phòng Kinh tế", "2025"],
                [3, "Cập nhật dữ liệu", "Bỏ", "Công an xã", "Năm 2026"])


def test_hidden_columns_and_rows_are_not_read_and_the_document_says_so(tmp_path: Path) -> None:
    """A column or a row hidden in a sheet (last year's working, a remark, a draft row) is
    not printed: it is not read, and the document says which. A range merged from a hidden
    column shows its text in the first visible one."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Biểu"
    for row in (*WORKING_ROWS, ["II", None, "Nhiệm vụ khác", None, None],
                [4, "Tuyên truyền", None, "Phòng Văn hóa - Xã hội", "Thường xuyên"]):
        sheet.append(row)
    sheet.merge_cells("C5:E5")
    sheet.column_dimensions["C"].hidden = True
    sheet.row_dimensions[3].hidden = True
    path = tmp_path / "an.xlsx"
    book.save(path)
    raw = extract.read(path)
    assert [r.texts for r in raw.rows] == [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
        ["1", "Số hóa hồ sơ", "Văn phòng HĐND và UBND", "Quý II/2026"],
        ["3", "Cập nhật dữ liệu", "Công an xã", "Năm 2026"],
        ["II", "", "Nhiệm vụ khác", ""],
        ["4", "Tuyên truyền", "Phòng Văn hóa - Xã hội", "Thường xuyên"]]
    assert {"columns_hidden_skipped:Biểu:C", "rows_hidden_skipped:Biểu:3"} <= set(raw.warnings)


def test_a_table_starting_in_column_b_has_no_empty_first_column(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B1"] = "Phụ lục"
    for row, values in enumerate(
            [HEADER, [1, "Số hóa hồ sơ", "Văn phòng HĐND và UBND", "2026", "90%"]], start=3):
        for column, value in enumerate(values, start=2):
            sheet.cell(row, column, value)
    path = tmp_path / "offset.xlsx"
    book.save(path)
    doc = convert(path)
    assert [c.header for c in doc.columns] == HEADER
    assert doc.records[0].target.value == 90


def test_an_opendocument_spreadsheet_without_libreoffice_says_what_is_needed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # an .ods was passed over in a folder, and named alone failed as "not a Word document"
    import shutil
    import zipfile

    path = tmp_path / "chi_tieu.ods"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(InputError) as error:
        extract.read(path)
    assert error.value.code == "missing_dependency"
    assert "OpenDocument (.ods)" in str(error.value) and ".xlsx" in str(error.value)


def _ole(streams: list[str]) -> bytes:
    """An OLE container's first sector and a directory naming `streams` (UTF-16), as a
    password-protected Office file or an Excel 97-2003 workbook begins."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    return header + b"".join(name.encode("utf-16-le").ljust(128, b"\x00") for name in streams)


@pytest.mark.parametrize("name", ["chi_tieu.xlsx", "chi_tieu.xls", "ke_hoach.docx"])
def test_a_password_protected_office_file_is_a_clear_error(tmp_path: Path, name: str) -> None:
    # was read as CSV text ("binary content") or sent to LibreOffice ("damaged")
    path = tmp_path / name
    path.write_bytes(_ole(["Root Entry", "EncryptionInfo", "EncryptedPackage"]))
    with pytest.raises(InputError) as error:
        extract.read(path)
    assert error.value.code == "encrypted" and "password" in str(error.value)


def test_an_excel_97_workbook_without_libreoffice_says_what_is_needed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # an .xls was read as CSV text and failed as "binary content"
    import shutil

    path = tmp_path / "chi_tieu.xls"
    path.write_bytes(_ole(["Root Entry", "Workbook"]))
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(InputError) as error:
        extract.read(path)
    assert error.value.code == "missing_dependency" and ".xls" in str(error.value)


def _has_calc() -> bool:
    import shutil

    soffice = shutil.which("soffice")
    return soffice is not None and any(
        (Path(soffice).resolve().parent / name).exists() for name in ("libsclo.so", "sclo.dll"))


OFFICE = Path(__file__).parents[1] / "fixtures" / "office"


@pytest.mark.skipif(not _has_calc(), reason="LibreOffice's Calc part is not installed")
@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_an_older_or_opendocument_workbook_gives_the_records_of_its_xlsx(suffix: str) -> None:
    # the same workbook saved by LibreOffice as Excel 97-2003 and as OpenDocument
    # (make_office_fixtures.write_sheets): merged section and lead cells, a percentage, a date
    expected = convert(OFFICE / "commune_sheet.xlsx")
    doc = convert(OFFICE / f"commune_sheet.{suffix}")
    assert [r.model_dump(exclude={"provenance"}) for r in doc.records] == [
        r.model_dump(exclude={"provenance"}) for r in expected.records]
    assert len(doc.records) == 2 and doc.records[0].target.value == 70
    assert doc.plan.number == "21/KH-UBND"


@pytest.mark.parametrize(("value", "number_format", "shown"), [
    (12345.67, "General", "12345,67"),  # seven significant digits: all of them
    (1.0, "0%", "100%"),  # a whole 100 % stored as a decimal
    (0.123, "0.0%", "12,3%"),
    (0.85, "0%", "85%"),
    (2.5, "General", "2,5"),
    (3.0, "General", "3"),
    # a "%" quoted or escaped prints after the value as stored (was "9550%")
    (95.5, '0.0"%"', "95,5%"),
    (95.5, "0.0\\%", "95,5%"),
    (1200, '#,##0 "đ/%"', "1200"),
])
def test_a_number_is_shown_whole_and_a_percentage_as_one(tmp_path: Path, value: float,
                                                         number_format: str, shown: str) -> None:
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append([1, "Tổng thu ngân sách", "Sở Tài chính", "2026", value])
    book.active["E2"].number_format = number_format
    path = tmp_path / "so.xlsx"
    book.save(path)
    assert extract.read(path).rows[1].texts[4] == shown


def test_bold_cells_are_read_as_bold(tmp_path: Path) -> None:
    # a group row printed in bold ("2 Rà soát thủ tục", its title merged across) is a section
    # the way a bold DOCX row is; the rows under it are not bold
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append([2, "Rà soát thủ tục hành chính"])
    sheet.merge_cells("B2:E2")
    sheet.append(["a)", "Thủ tục cấp tỉnh", "Văn phòng UBND tỉnh", "Quý III/2026", None])
    for cell in (sheet["A2"], sheet["B2"]):
        cell.font = openpyxl.styles.Font(bold=True)
    path = tmp_path / "dam.xlsx"
    book.save(path)
    rows = extract.read(path).rows
    assert [c.bold for c in rows[1].cells[:2]] == [True, True]
    assert not any(c.bold for c in rows[2].cells)
    assert [(r.key, [s.number for s in r.section]) for r in convert(path).records] == [
        ("2/a)", ["2"])]


def _hidden_book(tmp_path: Path, hide) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Biểu"
    for row in WORKING_ROWS:
        sheet.append(row)
    hide(sheet)
    path = tmp_path / "an.xlsx"
    book.save(path)
    return path


def test_a_column_of_no_width_and_a_row_of_no_height_are_hidden(tmp_path: Path) -> None:
    """A column made 0 wide or a row 0 high is not printed, as a hidden one is not."""
    path = _hidden_book(tmp_path, lambda sheet: None)
    patched = tmp_path / "khong-rong.xlsx"
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(patched, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":  # openpyxl writes no 0 sizes
                data = data.replace(b"<sheetData>", b'<cols><col min="3" max="3" width="0" '
                                    b'customWidth="1"/></cols><sheetData>')
                data = data.replace(b'<row r="3">', b'<row r="3" ht="0" customHeight="1">')
            new.writestr(info, data)
    raw = extract.read(patched)
    assert [r.texts for r in raw.rows] == [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
        ["1", "Số hóa hồ sơ", "Văn phòng HĐND và UBND", "Quý II/2026"],
        ["3", "Cập nhật dữ liệu", "Công an xã", "Năm 2026"]]
    assert {"columns_hidden_skipped:Biểu:C", "rows_hidden_skipped:Biểu:3"} <= set(raw.warnings)


def test_a_range_merged_from_a_hidden_row_is_shown_and_not_called_skipped(
        tmp_path: Path) -> None:
    """A lead merged over rows 2–4 whose first row is hidden prints in rows 3 and 4: its
    text is read there, and the hidden row is named skipped only for what it alone held."""
    def hide(sheet) -> None:
        sheet["D2"] = "Phòng Văn hóa - Xã hội"
        sheet.merge_cells("D2:D4")
        sheet.row_dimensions[2].hidden = True

    raw = extract.read(_hidden_book(tmp_path, hide))
    assert [r.texts for r in raw.rows][1:] == [
        ["2", "Bản nháp cũ", "", "Phòng Văn hóa - Xã hội", "2025"],
        ["3", "Cập nhật dữ liệu", "Bỏ", "Phòng Văn hóa - Xã hội", "Năm 2026"]]
    assert "rows_hidden_skipped:Biểu:2" in raw.warnings  # "1", "Số hóa hồ sơ" … alone

    def hide_merged_only(sheet) -> None:
        for column in "ABCE":
            sheet[f"{column}2"] = None
        hide(sheet)

    raw = extract.read(_hidden_book(tmp_path, hide_merged_only))
    assert not any(w.startswith("rows_hidden_skipped") for w in raw.warnings)


def test_formulas_in_hidden_cells_are_not_counted_or_warned_of(tmp_path: Path) -> None:
    """A formula without a stored value in a hidden column or row is not printed: no record
    warns of it and the sheet's count leaves it out."""
    def hide(sheet) -> None:
        sheet["C2"] = "=1+1"  # hidden column
        sheet["E3"] = "=2+2"  # hidden row
        sheet["E4"] = "=3+3"  # printed
        sheet.column_dimensions["C"].hidden = True
        sheet.row_dimensions[3].hidden = True

    raw = extract.read(_hidden_book(tmp_path, hide))
    assert "formulas_without_values:Biểu:1" in raw.warnings
    assert [w for r in raw.rows for w in r.warnings] == ["formula_without_value:E4"]


@pytest.mark.parametrize(("number_format", "shown"), [
    ("d/m/yyyy", "30/6/2026"),
    ("[$-42A]dd/mm/yyyy", "30/6/2026"),  # a Vietnamese locale's date
    ("mm/yyyy", "6/2026"),  # "Tháng 6/2026" typed as 6/2026: Excel keeps a date, shows the month
    ("m/yy", "6/2026"),
    ("mmm-yy", "6/2026"),
    ("yyyy", "2026"),
])
def test_a_date_is_shown_to_the_part_its_format_prints(tmp_path: Path, number_format: str,
                                                       shown: str) -> None:
    """A date cell prints what its format shows: a month typed "6/2026" is a date cell
    formatted as month and year, a deadline of June, not of the 1st of June."""
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append([1, "Tổng thu ngân sách", "Sở Tài chính", dt.datetime(2026, 6, 30), 5])
    book.active["D2"].number_format = number_format
    path = tmp_path / "ngay.xlsx"
    book.save(path)
    assert extract.read(path).rows[1].texts[3] == shown


def test_a_lone_cell_on_several_lines_below_the_header_stays_in_its_column(
        tmp_path: Path) -> None:
    """A row adding two supports on two lines of one cell ("Đoàn Thanh niên⏎Hội Liên hiệp
    Phụ nữ" under "Đơn vị phối hợp") is cut into lines as a title block is, each line kept
    in its column: they were moved to the row's start and read as the task's words."""
    book = openpyxl.Workbook()
    for row in (["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"],
                [1, "Tập huấn kỹ năng số", "Phòng Văn hóa - Xã hội", "Công an xã", "2026"],
                [None, None, None, "Đoàn Thanh niên\nHội Liên hiệp Phụ nữ", None],
                [2, "Số hóa hồ sơ", "Văn phòng HĐND và UBND", "Công an xã", "2026"]):
        book.active.append(row)
    path = tmp_path / "nhieu-dong.xlsx"
    book.save(path)
    first = convert(path).records[0]
    assert first.name == "Tập huấn kỹ năng số"
    assert [a.raw for a in first.agencies if a.role == "support"] == [
        "Công an xã", "Đoàn Thanh niên", "Hội Liên hiệp Phụ nữ"]
