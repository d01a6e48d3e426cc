"""The OCR repairs applied to a scan's rows: headers of several rows, a header repeated on
every page, column roles, agency accents; and merges carried over a page break."""

import pytest

from chitieu.core.types import Cell, RawRow
from chitieu.extract.ocr.domain import is_numbering_row, repair_rows
from chitieu.extract.scan import _continue_merges, _PageResult
from chitieu.gazetteer.agencies import default_gazetteer


def table(*rows: list[str], table: int = 0, page: int = 1) -> list[RawRow]:
    return [RawRow([Cell(t) for t in texts], page=page, table=table) for texts in rows]


HEAD = ["TT", "Nhiệm vụ", "Cơ quan thực hiện", "", "Thời hạn hoàn thành"]
SUB = ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn hoàn thành"]


def test_second_header_row_is_not_a_row_number():
    """A merged "TT" repeated in the second header row is no roman "II"; the garbled
    numbering row under it is written back as the numbers it prints."""
    rows = table(HEAD, SUB, ["q", "(2)", "@®)", "(4", ""],
                 ["1", "Rà soát dữ liệu", "Công an xã", "Các thôn, tố dân phố", "Quý H/2026"])
    repair_rows(rows, default_gazetteer())
    assert rows[1].texts == SUB
    assert rows[2].texts == ["(1)", "(2)", "(3)", "(4)", ""]
    # the sub-header's roles apply below it: "Phối hợp" is an agency column, "Quý H" a quarter
    assert rows[3].texts == ["1", "Rà soát dữ liệu", "Công an xã", "Các thôn, tổ dân phố",
                             "Quý II/2026"]


def test_a_number_lost_in_a_numbering_row_is_the_columns_own():
    """"(1)" lost under a header printed on grey: the row still numbers every column up to
    its last number read (a column after it is left as read)."""
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Cơ quan chủ trì"]
    rows = table(head, ["", "(2)", "(3)", "(4)", ""],
                 ["1", "Sản lượng khai thác hải sản", "tấn", "≥ 42.500", "Phòng Kinh tế"])
    repairs = repair_rows(rows, default_gazetteer())
    assert rows[1].texts == ["(1)", "(2)", "(3)", "(4)", ""]
    assert any(r.field == "header" and r.before == "" and r.after == "(1)" for r in repairs)
    bare = table(head, ["1", "2", "", "4", "5"], ["1", "Số chợ", "chợ", "12", "Phòng Kinh tế"])
    repair_rows(bare, default_gazetteer())
    assert bare[1].texts == ["(1)", "(2)", "(3)", "(4)", "(5)"]


def test_a_header_cell_misread_on_one_page_is_read_from_another():
    garbled = ["TT", "Nhiệm vụ", "Chủ trì", "Phãi hựp", "Thời hạn hoàn thành"]
    rows = (table(HEAD, garbled, ["1", "Việc một", "Công an xã", "Đoàn Thanh niên", "2026"])
            + table(HEAD, SUB, ["2", "Việc hai", "Công an xã", "Đoàn Thanh niên", "2026"],
                    table=1, page=2))
    repairs = repair_rows(rows)
    assert rows[1].texts == SUB
    assert any(r.field == "header" and r.after == "Phối hợp" for r in repairs)


def test_numbering_rows():
    assert is_numbering_row(["(1)", "(2)", "(3)", "(4)"])
    assert is_numbering_row(["q", "(2)", "@®)", "(4"])
    # one number read whole, the others garbled to a bracket and a letter or a lone mark (a
    # serif face at 250 dpi: "(1)" lost, "(3)" and "(5)" read "G)", "(4)" read "@")
    assert is_numbering_row(["", "(2)", "G)", "@", "G)"])
    assert is_numbering_row(["q)", "(2)", "", "4", "G)"])  # "(4)" read without brackets
    assert not is_numbering_row(["q)", "(2)", "", "7", "G)"])  # no column's number
    assert not is_numbering_row(["1", "Rà soát", "(2)", "(3)"])
    assert not is_numbering_row(["1", "2", ""])
    assert not is_numbering_row(["1", "(2)", "x", "@"])  # a number that is no column's
    assert not is_numbering_row(["", "(2)", "", "", ""])


def test_numbering_rows_printed_without_brackets_or_garbled_with_a_mark():
    # "1 2 3 4 5" printed bare, its first number read with a speck ("c1")
    assert is_numbering_row(["c1", "2", "3", "4", "5"])
    assert is_numbering_row(["1", "2", "3", "4", "5", "6"])
    # "(1)" read "q):" (a stray mark after the bracket), "(3)" and "(5)" garbled
    assert is_numbering_row(["q):", "(2)", "G)", "(4)", "G)"])
    assert is_numbering_row(["q):", "(2)", "G);", "@", "(5)."])
    # a row whose numbers are not its columns' is no numbering row
    assert not is_numbering_row(["3", "5", "7", "9"])
    assert not is_numbering_row(["1", "", "", "12", "4"])


def test_a_bare_numbering_row_under_a_group_header_is_no_record():
    rows = table(HEAD, SUB, ["c1", "2", "3", "4", "5"],
                 ["1", "Rà soát dữ liệu", "Công an xã", "Các thôn, tổ dân phố", "Quý II/2026"])
    repair_rows(rows, default_gazetteer())
    assert rows[2].texts == ["(1)", "(2)", "(3)", "(4)", "(5)"]


def test_agency_accent_slip_keeps_the_cell_whole():
    """"Các ngân hàng, tố chức tín dụng" is one agency: its accent is put back rather than
    its comma taken for a list."""
    rows = table(["TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp"],
                 ["1", "Tỷ lệ hộ", "Phòng Kinh tế", "Các ngân hàng, tố chức tín dụng"],
                 ["2", "Tỷ lệ hộ", "Phòng Văn hoá - Xã hội", "Công an xã"])
    repair_rows(rows, default_gazetteer())
    assert rows[1].texts[3] == "Các ngân hàng, tổ chức tín dụng"
    assert rows[2].texts[2] == "Phòng Văn hoá - Xã hội"  # old tone placement is no slip


def test_agency_cells_are_left_as_read_without_agency_names():
    """The reader knows agency names only when the pipeline passes them."""
    rows = table(["TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp"],
                 ["1", "Tỷ lệ hộ", "Phòng Kinh tế", "Các ngân hàng, tố chức tín dụng"])
    repair_rows(rows)
    assert rows[1].texts[3] == "Các ngân hàng, tố chức tín dụng"


def test_names_and_title_lines():
    rows = [RawRow([Cell("PHỤ LỤC H")]),
            RawRow([Cell("(Kèm theo Kế hoạch số 58/KH-UBND) ngày 12/02/2026 của UBND xã A)")]),
            *table(["TT", "Tên chỉ tiêu", "Chỉ tiêu"], ["1", "Ty lệ hộ dùng điện", "100"])]
    repair_rows(rows)
    assert rows[0].texts == ["PHỤ LỤC II"]
    assert rows[1].texts == ["(Kèm theo Kế hoạch số 58/KH-UBND ngày 12/02/2026 của UBND xã A)"]
    assert rows[3].texts[1] == "Tỷ lệ hộ dùng điện"


@pytest.mark.parametrize(("label", "title", "fixed"), [
    ("PHỤ LỤC", "III NHIỆM VỤ PHÁT TRIỂN KINH TẾ BIỂN", ["PHỤ LỤC III",
                                                      "NHIỆM VỤ PHÁT TRIỂN KINH TẾ BIỂN"]),
    ("Phụ lục số", "IV CHỈ TIÊU NĂM 2026", ["Phụ lục số IV", "CHỈ TIÊU NĂM 2026"]),
    # a label with its number, or a title that opens with no roman number, stay
    ("PHỤ LỤC II", "III NHIỆM VỤ", ["PHỤ LỤC II", "III NHIỆM VỤ"]),
    ("PHỤ LỤC", "NHIỆM VỤ NĂM 2026", ["PHỤ LỤC", "NHIỆM VỤ NĂM 2026"]),
    ("PHỤ LỤC", "I. CHỈ TIÊU KINH TẾ", ["PHỤ LỤC", "I. CHỈ TIÊU KINH TẾ"]),
])
def test_an_appendix_number_ocr_put_on_the_title_line_goes_back(label, title, fixed):
    """"PHỤ LỤC III" over the title, read "PHỤ LỤC" and "III NHIỆM VỤ …": the number printed
    beside "LỤC" was put on the title's line."""
    rows = [RawRow([Cell(label)]), RawRow([Cell(title)]),
            *table(["TT", "Nhiệm vụ", "Thời hạn"], ["1", "Rà soát hồ sơ", "Quý II/2026"])]
    repair_rows(rows)
    assert [rows[0].texts[0], rows[1].texts[0]] == fixed


def page(number: int, rows: list[RawRow], spans: dict[int, list[int]]) -> _PageResult:
    return _PageResult(number, rows, [None] * len(rows), has_table=True, spans=spans)


def test_merged_agency_cell_carried_over_the_page_break():
    """Word draws the rest of a merged cell on the next page empty: the rows it covers take
    the text above the break, except a row cut by the break (no number)."""
    first = page(1, table(HEAD, SUB, ["7", "Việc bảy", "Phòng Văn hóa - Xã hội", "Công an xã",
                                      "2026"]), {})
    second = page(2, table(HEAD, ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn hoàn "
                                                                           "thành"],
                           ["(1)", "(2)", "", "(4)", "(5)"],
                           ["", "phần còn lại", "", "", ""],
                           ["8", "Việc tám", "", "Đoàn Thanh niên", "2026"],
                           ["9", "Việc chín", "", "Hội Nông dân", "2026"],
                           ["10", "Việc mười", "Công an xã", "", "2026"], table=1, page=2),
                  {3: [1, 1, 3, 1, 1], 6: [1, 1, 1, 1, 1]})
    _continue_merges(first, second, [first, second])
    leads = [r.texts[2] for r in second.rows[3:]]
    assert leads == ["", "Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội", "Công an xã"]


def test_no_merge_carried_when_the_cell_is_not_spanning():
    first = page(1, table(HEAD, ["7", "Việc bảy", "Phòng Văn hóa - Xã hội", "", "2026"]), {})
    second = page(2, table(HEAD, ["8", "Việc tám", "", "Đoàn Thanh niên", "2026"], table=1,
                           page=2), {1: [1, 1, 1, 1, 1]})
    _continue_merges(first, second, [first, second])
    assert second.rows[1].texts[2] == ""


def test_snapped_header_keeps_its_unit():
    """"Chi tiêu năm 2026 (%)" snaps to the phrase and keeps the "(%)" the targets' unit
    comes from."""
    rows = table(["STT", "Nội dung", "Chi tiêu năm 2026 (%)", "Đơn vị chủ trì"],
                 ["1", "Tỷ lệ hộ", "95", "Phòng Kinh tế"])
    repair_rows(rows)
    assert rows[0].texts[2] == "Chỉ tiêu năm 2026 (%)"


def test_a_header_of_merged_cells_over_a_group_of_sub_columns_is_one_header() -> None:
    """"TT", "Nhiệm vụ" … merged over both header rows are read again on the second, beside
    the sub-columns "Quý I" … "Quý IV" of "Thời gian thực hiện": that row is header, and
    its "TT" is no row number; a quarter whose numeral OCR lost takes the one the run skips;
    the bold first section whose "I" OCR lost gets it back."""
    head = ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện", "", "", ""]
    sub = ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Quý I", "Quý II", "Quý III", "Quý IV"]
    read = [*sub[:4], 'Quý "', *sub[5:]]  # "II" lost in the narrow cell
    rows = table(head, read, ["", "Làm sạch dữ liệu", "", "", "", "", ""],
                 ["1", "Rà soát dữ liệu dân cư", "Công an xã", "x", "x", "", ""],
                 ["II", "Dịch vụ công trực tuyến", "", "", "", "", ""],
                 ["1", "Đánh giá mức độ hài lòng", "Văn phòng HĐND và UBND", "", "", "Xx", ""])
    for row in (rows[2], rows[4]):
        for cell in row.cells:
            cell.bold = bool(cell.text)
    repair_rows(rows, default_gazetteer())
    assert rows[1].texts == sub
    assert [r.texts[0] for r in rows[2:]] == ["I", "1", "II", "1"]
    assert rows[5].texts[5] == "x"  # a mark read twice over


def test_unit_words_take_a_units_marks():
    """A unit cell whose words OCR gave another mark ("nấm", "tố"): each word snapped to a
    unit's word with the same letters; a unit already spelled right stays."""
    rows = table(["TT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2026"],
                 ["1", "Số lượt truy cập", "lượt/nấm", "1.000"],
                 ["2", "Số tổ công nghệ số", "tố", "5"],
                 ["3", "Tỷ lệ hộ", "%", "100"],
                 ["4", "Số lao động có việc làm", "lao động", "300"])
    repair_rows(rows, default_gazetteer())
    # a word inside a longer unit is left: "động" is no "đồng" of "Tỷ đồng"
    assert [r.texts[2] for r in rows[1:]] == ["lượt/năm", "Tổ", "%", "lao động"]


def test_models_as_a_unit_read_with_another_mark():
    """"mô hình" (models, a unit the plans count by) read "mỏ hình", "mồ hình" in a unit cell
    (Liberation Serif JPEG, DEV14) is the unit."""
    rows = table(["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026"],
                 ["1", "Số mô hình sinh kế", "mỏ hình", "8"],
                 ["2", "Số mô hình kinh tế", "mồ hình", "5"])
    repair_rows(rows, default_gazetteer())
    assert [r.texts[2].casefold() for r in rows[1:]] == ["mô hình", "mô hình"]


def test_a_unit_word_with_one_letter_misread():
    """"lượt" read "lược" (its last letter): a one-word unit one letter off exactly one unit
    word is that word; a word of three letters or fewer, or near two, stays. A unit of
    several words ("lỷ đồng", "ly đồng", "bác s1"), one printed as a unit phrase's and the
    whole one letter off that phrase (marks aside), is the phrase; "bác sỹ" is "bác sĩ"
    spelled the other way and stays. Two letters off, a word no syllable spells ("f": a
    letter the alphabet lacks) is the one phrase's word it may be ("f đồng" → "tỷ đồng"); a
    syllable there ("ở đồng") stays."""
    rows = table(["TT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2026"],
                 ["1", "Tổng số lượt khách", "lược", "52.000"],
                 ["2", "Số camera", "hệ", "5"],
                 ["3", "Số người", "người", "300"],
                 ["4", "Tổng thu ngân sách", "lỷ đồng", "1.350"],
                 ["5", "Tổng vốn đầu tư", "ly đồng", "4.200"],
                 ["6", "Số bác sĩ trên một vạn dân", "bác s1", "12"],
                 ["7", "Số bác sĩ trên một vạn dân", "bác sỹ", "12"],
                 ["8", "Tổng vốn đầu tư", "f đồng", "4.200"],
                 ["9", "Tổng vốn đầu tư", "ở đồng", "4.200"],
                 # a million đồng abbreviated: letters without a vowel are no misread "tỷ"
                 # (were "tỷ đồng": a value read a thousand times too large)
                 ["10", "Thu nhập bình quân", "tr đồng", "95"],
                 ["11", "Thu nhập bình quân", "Tr. đồng", "95"])
    repair_rows(rows, default_gazetteer())
    assert [r.texts[2] for r in rows[1:]] == ["lượt", "hệ", "người", "tỷ đồng", "tỷ đồng",
                                               "bác sĩ", "bác sỹ", "tỷ đồng", "ở đồng",
                                               "tr đồng", "Tr. đồng"]


def test_a_short_unit_word_misread_is_the_one_the_rows_name_counts():
    """"hộ" read "hệ" at 200 dpi (Liberation Serif 11, EVAL14): a one-word unit cell that is
    no unit word, a letter off (marks aside) the unit word the row's name counts ("Số hộ …",
    "Tổng số lượt …", "Lượt khách …"), is that word. Without the name's word it stays (a
    short word alone is not judged: `test_a_unit_word_with_one_letter_misread`), and a unit
    word read right is never traded ("ha" beside "Số hộ trồng …" is the unit printed)."""
    rows = table(["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Kế hoạch năm 2026"],
                 ["1", "Số hộ dược vay vốn ưu đãi", "hệ", "410", "Trên 450"],
                 ["2", "Tổng số lượt khách lưu trú", "Iượt", "12.000", "15.000"],
                 ["3", "Số điểm tập kết rác thải", "điếm", "12", "15"],
                 ["4", "Số hộ trồng cà phê", "ha", "120", "150"],
                 ["5", "Số camera an ninh", "hệ", "12", "15"],
                 ["6", "Diện tích lúa", "hệ", "12", "15"])
    repair_rows(rows, default_gazetteer())
    assert [r.texts[2].casefold() for r in rows[1:]] == ["hộ", "lượt", "điểm", "ha", "hệ", "hệ"]


def test_a_speck_glued_to_a_percent_sign_in_a_unit_cell_is_dropped():
    """"%" read "%Đ" (a speck beside it, read at confidence 3.6 at 200 dpi, EVAL14): a unit
    cell of "%" and one letter glued to it is "%" (no unit is "%" and a letter); "% GRDP"
    and "%o" (a per mille sign read so) stay."""
    rows = table(["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026"],
                 ["1", "Tỷ lệ hộ nghèo", "%Đ", "33,5"],
                 ["2", "Tỷ lệ hộ cận nghèo", "%đ", "10"],
                 ["3", "Tốc độ tăng trưởng", "% GRDP", "8"],
                 ["4", "Tỷ suất", "%o", "12"])
    repair_rows(rows, default_gazetteer())
    assert [r.texts[2] for r in rows[1:]] == ["%", "%", "% GRDP", "%o"]


def test_a_unit_per_something_gets_back_the_slash_ocr_lost():
    """"tạ/ha" in a narrow unit cell read "tạha" (split "tạ ha"): the unit of ocr_vocab.yaml
    `per_units` its words spell, or one letter off exactly one of them ("lạ ha"); "tấ/ha" is
    left, a letter off both "tạ/ha" and "tấn/ha" (scan_dev13, EVAL12's miss class)."""
    rows = table(["TT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2026"],
                 ["1", "Năng suất lúa", "tạ ha", "54"],
                 ["1", "Năng suất lúa", "lạ ha", "54"],
                 ["2", "Năng suất cà phê", "Tấn ha", "3"],
                 ["3", "Năng suất ngô", "tấ/ha", "50"],
                 ["4", "Thu nhập bình quân", "triệu đồng người năm", "62"],
                 ["5", "Diện tích lúa", "ha", "320"])
    repair_rows(rows, default_gazetteer())
    assert [r.texts[2] for r in rows[1:]] == ["tạ/ha", "tạ/ha", "Tấn/ha", "tấ/ha",
                                               "triệu đồng/người/năm", "ha"]


@pytest.mark.parametrize(("read", "printed"), [
    ("t/ha", "t/ha"), ("T/ha", "T/ha"), ("tỷ/ha", "tỷ/ha"), ("Tr/ha", "Tr/ha"),
    ("tấn/h", "tấn/h"), ("tỷ ha", "tỷ ha"), ("t ha", "t ha"), ("lạ ha", "tạ/ha")])
def test_a_unit_read_with_its_slash_stays_as_read(read, printed):
    """Only a unit whose slash was lost is given one back: a unit read with its slash is no
    misread of `per_units` ("t/ha" is no "tạ/ha", a value ten times off), and a word read as
    another unit word or of one letter is left ("tỷ ha", "t ha")."""
    rows = table(["TT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2026"],
                 ["1", "Sản lượng mía", read, "60"])
    repair_rows(rows, default_gazetteer())
    assert rows[1].texts[2] == printed


def test_parts_named_with_a_word_keep_it():
    """"PHẦN I" read "HẦN I" (its "P" lost at the cell's rule) and "PHẦN II" read "II II"
    (the word read as strokes): the part's word back; the sequence of sections does not
    take "PHẦN" for a lost roman; an item's "a)" keeps its parenthesis."""
    rows = table(["TT", "Nội dung", "Đơn vị tính", "Chỉ tiêu"],
                 ["HẦN I", "CÁC CHỈ TIÊU", "", ""],
                 ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "80"],
                 ["II II", "CÁC NHIỆM VỤ", "", ""],
                 ["1", "Xây dựng bản đồ số", "", ""],
                 ["a)", "Khảo sát hiện trạng", "", ""])
    repair_rows(rows, default_gazetteer())
    assert [r.texts[0] for r in rows[1:]] == ["PHẦN I", "1", "PHẦN II", "1", "a)"]


def test_a_title_merged_across_the_table_is_a_sections_look():
    """A section row printed in italics (not bold, not capitals) whose number OCR lost: its
    title in one cell merged across the value columns (the cells it covers have no box) is
    the look of a section row, and the part above makes it the part's first section."""
    box = (0.0, 0.0, 10.0, 10.0)
    texts = [["TT", "Nội dung", "Đơn vị tính", "Chỉ tiêu"], ["PHẦN I", "CÁC CHỈ TIÊU", "", ""],
             ["", "Chính quyền số", "", ""], ["1.", "Dữ liệu số", "", ""],
             ["1.1", "Tỷ lệ hồ sơ số hóa", "%", "100"], ["1!", "Kinh tế số", "", ""],
             ["1.", "Tỷ lệ doanh nghiệp dùng hợp đồng điện tử", "%", "60"]]
    rows = [RawRow([Cell(t, None if (i in (1, 2, 3, 5) and c >= 2) else box)
                    for c, t in enumerate(row)], page=1, table=0)
            for i, row in enumerate(texts)]
    repair_rows(rows, default_gazetteer())
    assert [r.texts[0] for r in rows[1:]] == ["PHẦN I", "I", "1.", "1.1", "II", "1."]


def test_an_agency_glued_by_ocr_gets_its_spaces_back():
    """"SởY tế" is "Sở Y tế" with a space lost: the letters are a known name's."""
    rows = table(["STT", "Chỉ tiêu", "Cơ quan chủ trì"], ["1", "Số giường bệnh", "SởY tế"],
                 ["2", "Tỷ lệ hộ", "Phòng Kinh tế"])
    repair_rows(rows, default_gazetteer())
    assert rows[1].texts[2] == "Sở Y tế"
    assert rows[2].texts[2] == "Phòng Kinh tế"


def test_the_national_headers_words_read_with_a_slip_are_its_words():
    """The national header's fixed words (the motto, "ngày … tháng … năm", the "/" of
    "Số: 96/KH-UBND") a letter off as OCR reads them; other lines are left alone."""
    rows = [RawRow([Cell("ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHỈA VIỆT NAM")]),
            RawRow([Cell("ĐẶC KHU VÂN ĐỒN Đặc lập - Tự do - Hạnh phúc")]),
            RawRow([Cell("Số: 96'KH-UBND Vân Đồn, nuày 07 tháng 7 năm 2026")]),
            RawRow([Cell("Sẽ: 14/KH-UBND Độc lập - Tự do - Hạnh phúc")]),
            RawRow([Cell("Số: 12 JKH-UBND Đồng Văn, ngày l8 tháng Ø5 năm 2O26")]),
            RawRow([Cell("(Kèm theo Kế hoạch số 412 /KH-UBND ngày 05 6 /2026)")]),
            RawRow([Cell("Số: 96KH-UBND")]),
            RawRow([Cell("Đặc lập trang trại nuôi 12 con bò; Sẽ: 14 hộ")]),
            *table(["TT", "Nhiệm vụ", "Chủ trì"], ["1", "Thu gom rác thải", "Công an xã"])]
    repair_rows(rows)
    # the old tone placement ("HOÀ") is as printed: only the slip is put back
    assert rows[0].texts == ["ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert rows[1].texts == ["ĐẶC KHU VÂN ĐỒN Độc lập - Tự do - Hạnh phúc"]
    assert rows[2].texts == ["Số: 96/KH-UBND Vân Đồn, ngày 07 tháng 7 năm 2026"]
    assert rows[3].texts == ["Số: 14/KH-UBND Độc lập - Tự do - Hạnh phúc"]
    assert rows[4].texts == ["Số: 12 /KH-UBND Đồng Văn, ngày 18 tháng 05 năm 2026"]
    assert rows[5].texts == ["(Kèm theo Kế hoạch số 412 /KH-UBND ngày 05 / 6 /2026)"]
    assert rows[6].texts == ["Số: 96/KH-UBND"]
    assert rows[7].texts == ["Đặc lập trang trại nuôi 12 con bò; Sẽ: 14 hộ"]


def test_a_fraction_slash_is_a_slash():
    """OCR reads the slash of "Quý II/2026" as a fraction slash ("Quý 11⁄2026")."""
    rows = table(["TT", "Nhiệm vụ", "Thời gian hoàn thành"],
                 ["1", "Chuẩn bị vật tư", "Quý 11⁄2026"])
    repair_rows(rows)
    assert rows[1].texts[2] == "Quý II/2026"


def test_an_agency_outside_the_gazetteer_loses_the_marks_ocr_gave_its_words():
    """"Chỉ cục Kiểm lâm" is no known agency, but "Chi cục" is a phrase of the agency
    vocabulary that its words spell without their marks: the OCR's mark goes. Words that are
    a vocabulary phrase as read ("Ban Chỉ huy", old tone placement "hoá") stay."""
    rows = table(["TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp"],
                 ["1", "Trồng rừng", "Chỉ cục Kiểm lâm", "Phòng Tổ chức - Tại chính"],
                 ["2", "Diễn tập", "Ban Chỉ huy Quân sự huyện", "Phòng Văn hoá - Thông tin"],
                 ["3", "Tỷ lệ hộ", "Trạm Khuyến nông", "Hội Cựu chiến binh xã"])
    repair_rows(rows, default_gazetteer())
    assert rows[1].texts[2:] == ["Chi cục Kiểm lâm", "Phòng Tổ chức - Tài chính"]
    assert rows[2].texts[2:] == ["Ban Chỉ huy Quân sự huyện", "Phòng Văn hoá - Thông tin"]
    assert rows[3].texts[2:] == ["Trạm Khuyến nông", "Hội Cựu chiến binh xã"]


def test_an_indicators_measuring_noun_read_with_an_acute():
    """"Tổng diện tích" read "Tống diện tích" (the hook above read as an acute, no pair of
    words to tell): an indicator's name starts with a measuring noun, "tống" starts none. A
    task's name, or a word that starts a measuring noun as read, stays."""
    rows = table(["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026"],
                 ["1", "Tống diện tích rừng trồng mới", "ha", "160"],
                 ["2", "Số hộ được hỗ trợ", "hộ", "70"],
                 ["3", "Tống đạt quyết định", "", ""])
    repair_rows(rows, default_gazetteer())
    assert [r.texts[1] for r in rows[1:]] == ["Tổng diện tích rừng trồng mới",
                                              "Số hộ được hỗ trợ", "Tống đạt quyết định"]


def _line(text: str, confidence: float, page: int = 1) -> RawRow:
    return RawRow([Cell(text)], page=page, confidence=confidence)


def test_an_appendix_label_and_its_continuation_name_one_appendix():
    """"PHỤ LỤC III" read "PHỤ LỤC II" over page 1 and "PHỤ LỤC III (tiếp theo)" over page
    2: one appendix, the label of the line read with more confidence; two appendices each
    with its own label and no continuation keep theirs."""
    row = ["1", "Việc một", "Công an xã", "Đoàn Thanh niên", "Tháng 5/2026"]
    rows = [_line("PHỤ LỤC II", 0.82), *table(SUB, row),
            _line("PHỤ LỤC III (tiếp theo)", 0.885, page=2), *table(SUB, row, table=1, page=2),
            _line("PHỤ LỤC IV", 0.80, page=3), *table(SUB, row, table=2, page=3)]
    repair_rows(rows, default_gazetteer())
    assert [rows[i].texts[0] for i in (0, 3, 6)] == [
        "PHỤ LỤC III", "PHỤ LỤC III (tiếp theo)", "PHỤ LỤC IV"]


def test_a_continuation_joins_the_last_label_whatever_follows_that_label():
    """"PHỤ LỤC I", then "PHỤ LỤC II: …" (a label with its title after it), then "PHỤ LỤC II
    (tiếp theo)": the continuation is the second appendix's, which agrees with it; the first
    keeps its "I" (the titled label was not taken for one, and the continuation relabelled
    appendix I)."""
    row = ["1", "Việc một", "Công an xã", "Đoàn Thanh niên", "Tháng 5/2026"]
    rows = [_line("PHỤ LỤC I", 0.80), *table(SUB, row),
            _line("PHỤ LỤC II: CHỈ TIÊU Y TẾ", 0.82, page=2), *table(SUB, row, table=1, page=2),
            _line("PHỤ LỤC II (tiếp theo)", 0.90, page=3), *table(SUB, row, table=2, page=3)]
    repair_rows(rows, default_gazetteer())
    assert [rows[i].texts[0] for i in (0, 3, 6)] == [
        "PHỤ LỤC I", "PHỤ LỤC II: CHỈ TIÊU Y TẾ", "PHỤ LỤC II (tiếp theo)"]


def test_a_deadline_cell_with_a_speck_before_it_or_a_slash_read_twice():
    """"“Tháng 7/2026" (a speck at the cell's edge read as a quote mark) and "Quý II//2026"
    (a slash and its shadow) are the deadlines they print."""
    rows = table(SUB, ["1", "Việc một", "Công an xã", "Đoàn Thanh niên", "“Tháng 7/2026"],
                 ["2", "Việc hai", "Công an xã", "Đoàn Thanh niên", "Quý II//2026"])
    repair_rows(rows, default_gazetteer())
    assert [r.texts[4] for r in rows[1:]] == ["Tháng 7/2026", "Quý II/2026"]


def test_a_slash_read_twice_as_a_slash_and_a_fraction_slash_is_one():
    """"Quý III/2026" in a deadline cell merged over two rows, serif at 290 dpi (EVAL15, worn),
    read "ïII/⁄2026" (the cell's text "Quý iii/⁄2026"): a slash and its shadow, the shadow a
    fraction slash. One slash; the cell's two records keep their quarter."""
    rows = table(SUB, ["1", "Việc một", "Công an xã", "Đoàn Thanh niên", "Quý iii/⁄2026"],
                 ["2", "Việc hai", "Công an xã", "Đoàn Thanh niên", "Tháng 5∕/2026"])
    repair_rows(rows, default_gazetteer())
    assert [r.texts[4] for r in rows[1:]] == ["Quý III/2026", "Tháng 5/2026"]


def test_a_numbering_label_read_a_letter_off_still_numbers_the_rows():
    """"STT" read "STL" (too short for the header phrases' fuzzy match): the column is the
    numbering one all the same, so its section "Iï" under "I" is the roman "II"."""
    rows = table(["STL", "Chỉ tiêu", "Đơn vị tính", "Ước thực hiện năm 2025", "Chỉ tiêu năm 2026"],
                 ["I", "Y tế, dân số", "", "", ""],
                 ["1", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "94,6", "≥ 95"],
                 ["Iï", "Giáo dục, lao động", "", "", ""],
                 ["2", "Tỷ lệ lao động qua đào tạo", "%", "36,4", "≥ 38"])
    repair_rows(rows, default_gazetteer())
    assert [r.texts[0] for r in rows] == ["STT", "I", "1", "II", "2"]


def test_a_numbering_label_read_two_letters_off_over_row_numbers():
    """"STT" in bold serif capitals read "SƯ" or "SITU" (DEV11, EVAL10: 13-point serif,
    faint, 250 dpi): two letters off, it names the numbering column only because the column
    under it holds row numbers — and then the italic section "I" read "Lˆ" is the "I" before
    "II"; a word of two letters over other cells stays as read."""
    for label in ("SƯ", "SITU"):
        rows = table([label, "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2026", "Cơ quan chủ trì"],
                     ["Lˆ", "Kinh tế", "", "", ""],
                     ["1", "Tổng sản lượng lương thực", "tấn", "8.150", "Phòng Kinh tế"],
                     ["2", "Thu ngân sách trên địa bàn", "tỷ đồng", "36,8", "Phòng Kinh tế"],
                     ["II", "Xã hội", "", "", ""],
                     ["3", "Tỷ lệ hộ nghèo đa chiều", "%", "12,5", "Phòng Văn hóa - Xã hội"])
        repair_rows(rows, default_gazetteer())
        assert [r.texts[0] for r in rows] == ["STT", "I", "1", "2", "II", "3"]
    rows = table(["SƯ", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2026"],
                 ["Hộ nghèo", "Tỷ lệ hộ nghèo", "%", "5"], ["Việc làm", "Lao động", "người", "9"],
                 ["Y tế", "Trạm y tế", "trạm", "3"])
    repair_rows(rows, default_gazetteer())
    assert rows[0].texts[0] == "SƯ"


def test_a_magnitudes_word_and_a_unit_word_read_a_letter_off():
    """"nghìn tấn" read "nghn tấn" (the thin "ì" lost), "nghìn lượt" read "nghìn iượt"
    (DEV11: 260–270 dpi, worn 1-bit and JPEG): a magnitude's word (units.yaml) one letter
    off exactly one magnitude — of "nghìn" and "ngàn", the one a letter was lost from — or
    with its marks misread, and the unit word as a one-word unit is; a unit of other words
    stays."""
    units = ["nghn tấn", "nghìn iượt", "nghin ha", "ngàn tấn", "người dân", "nghìn lượt"]
    rows = table(["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026"],
                 *[[str(i), "Sản lượng", unit, "50"] for i, unit in enumerate(units, 1)])
    repair_rows(rows, default_gazetteer())
    assert [r.texts[2] for r in rows[1:]] == ["nghìn tấn", "nghìn lượt", "nghìn ha",
                                               "ngàn tấn", "người dân", "nghìn lượt"]


def test_a_unit_whose_first_word_is_a_word_is_no_magnitude():
    """"văn bản", "ngày công", "trạm xá", "căn hộ", "tin bài" are units of their own words,
    not a magnitude's word misread ("vạn bản", "ngàn công", "trăm xã"): only a word with no
    marks at all or no syllable is taken for a misread magnitude (review)."""
    units = ["Văn bản", "văn bản", "tin bài", "ngày công", "căn hộ", "bản tin", "trạm xá",
             "tấn thóc", "ngân hàng"]
    rows = table(["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026"],
                 *[[str(i), "Số lượng", unit, "50"] for i, unit in enumerate(units, 1)])
    repair_rows(rows, default_gazetteer())
    assert [r.texts[2] for r in rows[1:]] == units


def test_a_neighbouring_ia_commune_in_a_row_gets_its_capital_i_back():
    """Rows naming "Ia …" places other than the document's own ("giáp xã Ia Phí", "hồ Ia
    Ly"), their "I" read "l" in a sans face (DEV15, three looks): the "I" put back; the
    header is left as read."""
    rows = [RawRow([Cell("UBND XÃ IA KO")], page=1), *table(
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026"],
        ["1", "Số hộ trồng cà phê giáp xã la Phí", "hộ", "540"],
        ["2", "Số hộ được tưới từ hồ la Ly", "hộ", "≥ 380"])]
    repairs = repair_rows(rows, default_gazetteer())
    assert [r.texts[1] for r in rows[2:]] == ["Số hộ trồng cà phê giáp xã Ia Phí",
                                              "Số hộ được tưới từ hồ Ia Ly"]
    assert sum(r.field == "place" for r in repairs) == 2
