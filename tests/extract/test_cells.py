"""Text with a cell per line: a DOCX saved as text by LibreOffice, `pdftotext` without
-layout of a PDF LibreOffice printed (chitieu/extract/cells.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.extract import read_text
from chitieu.extract.detect import detect_layout
from chitieu.gazetteer.agencies import default_gazetteer

# LibreOffice's text of a whole plan: the header's two columns set by tab stops, the table
# row after row, an empty cell an empty line, a section's title merged across its row, a
# cell of two paragraphs, the body's next heading after the table
LOTEXT = "\n".join([
    "\ufeff\tỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "\tXÃ ĐÌNH LẬP\tĐộc lập - Tự do - Hạnh phúc",
    "\tSố: 45/KH-UBND\tĐình Lập, ngày 05 tháng 3 năm 2026",
    "KẾ HOẠCH", "Chuyển đổi số năm 2026", "I. MỤC TIÊU", "Chính quyền số.", "II. NHIỆM VỤ",
    "STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
    "I Phát triển hạ tầng số",
    "1", "Số hóa hồ sơ", "Văn phòng HĐND và UBND", "Các phòng, đơn vị;", "các thôn",
    "Thường xuyên",
    "2", "Phủ sóng 4G toàn xã", "Phòng Kinh tế", "", "Quý III/2026",
    "III. TỔ CHỨC THỰC HIỆN", "Phòng Kinh tế theo dõi./.",
])

# pdftotext without -layout: the table column after column, labels and cells wrapped, the
# first two columns' cells in blocks of their own, an empty cell not written
RAW = "\n".join([
    "II. NHIỆM VỤ", "ST", "T", "", "Nhiệm vụ", "", "1", "", "Phủ sóng 4G toàn xã", "", "2", "",
    "Số hóa hồ sơ hộ tịch của", "xã", "", "Cơ quan chủ", "trì", "Phòng Kinh tế",
    "Văn phòng HĐND và", "UBND", "", "Cơ quan phối", "hợp", "Các thôn", "Các phòng", "",
    "III. TỔ CHỨC THỰC HIỆN", "", "Thời gian", "hoàn thành", "Quý", "III/2026", "Thường",
    "xuyên", "", "Phòng Kinh tế theo dõi./.",
])


def test_libreoffice_text_is_read_row_after_row() -> None:
    assert detect_layout(LOTEXT) == "cells"
    rows = [r.texts for r in read_text(LOTEXT).rows]
    assert ["", "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"] in rows
    assert ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
            "Thời gian hoàn thành"] in rows
    assert ["I", "Phát triển hạ tầng số"] in rows
    assert ["1", "Số hóa hồ sơ", "Văn phòng HĐND và UBND", "Các phòng, đơn vị; các thôn",
            "Thường xuyên"] in rows
    assert ["2", "Phủ sóng 4G toàn xã", "Phòng Kinh tế", "", "Quý III/2026"] in rows
    assert rows[-2:] == [["III. TỔ CHỨC THỰC HIỆN"], ["Phòng Kinh tế theo dõi./."]]


def test_pdftotext_without_layout_is_read_column_after_column() -> None:
    assert detect_layout(RAW) == "cells"
    rows = [r.texts for r in read_text(RAW).rows]
    assert ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
            "Thời gian hoàn thành"] in rows
    assert ["1", "Phủ sóng 4G toàn xã", "Phòng Kinh tế", "Các thôn", "Quý III/2026"] in rows
    assert ["2", "Số hóa hồ sơ hộ tịch của xã", "Văn phòng HĐND và UBND", "Các phòng",
            "Thường xuyên"] in rows
    assert ["III. TỔ CHỨC THỰC HIỆN"] in rows


def test_tab_separated_text_and_one_line_prose_are_not_cells() -> None:
    tabbed = "STT\tNhiệm vụ\tCơ quan chủ trì\n1\tPhủ sóng 4G\tPhòng Kinh tế\n2\tSố hóa\tVP\n"
    assert detect_layout(tabbed) == "text"
    prose = "STT\nNhiệm vụ\nCơ quan chủ trì là Phòng Kinh tế, phối hợp các thôn.\n"
    assert detect_layout(prose) != "cells"

# pdftotext of other tables LibreOffice printed: the names before their column's label, the
# later columns' cells in blocks of their own row after row (a unit missing from a row), a
# name reading like a label ("… chỉ tiêu"), the recipients after the table
RAW_ORDERS = "\n".join([
    "ST", "T", "1", "", "Báo cáo kết quả thực hiện chỉ tiêu", "chuyển đổi số", "", "2", "",
    "Tỷ lệ hồ sơ trực tuyến", "", "Chỉ tiêu", "", "Đơn vị", "tính", "%", "",
    "Chỉ tiêu", "năm 2026", "", "Cơ quan chủ trì", "", "≥ 90", "", "Sở Tài chính", "",
    "Đơn vị", "", "≥ 500", "", "Sở Nội vụ", "", "Các phòng thực hiện./.", "Nơi nhận:", "",
    "GIÁM ĐỐC", "", "- Như trên;", "- Lưu: VT.", "", "Nguyễn Văn An",
])


def test_pdftotext_cells_are_given_to_the_column_they_fit() -> None:
    rows = [r.texts for r in read_text(RAW_ORDERS, "cells").rows]
    assert ["1", "Báo cáo kết quả thực hiện chỉ tiêu chuyển đổi số", "%", "≥ 90",
            "Sở Tài chính"] in rows
    assert ["2", "Tỷ lệ hồ sơ trực tuyến", "Đơn vị", "≥ 500", "Sở Nội vụ"] in rows
    assert ["Nguyễn Văn An"] in rows


def test_pdftotext_of_a_word_pdf_stays_with_the_last_resort_reader() -> None:
    # long cells reading like labels ("Theo thời hạn cụ thể" / "sau đây:") are no labels
    text = "\n".join(["Stt", "TT", "", "Tên nhiệm vụ", "", "Đơn vị chủ trì", "", "1", "",
                      "Làm sạch dữ liệu", "", "Sở Tài chính", "", "Theo thời hạn cụ thể",
                      "sau đây:", "", "2", "", "Dữ liệu quy hoạch", "", "3", "", "Dữ liệu y tế",
                      "", "4", "", "Dữ liệu giáo dục", "", "5", "", "Dữ liệu đất đai"])
    assert detect_layout(text) == "blocks"


def _rows(lines: list[str]) -> list[list[str]]:
    return [r.texts for r in read_text("\n".join(lines), "cells").rows]


def test_a_two_row_header_and_its_column_numbers_give_every_column() -> None:
    # "Cơ quan thực hiện" over "Chủ trì" / "Phối hợp": LibreOffice writes the second row's
    # every cell (the others empty), then the column numbers
    rows = _rows(["STT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "Thời gian hoàn thành",
                  "", "", "Chủ trì", "Phối hợp", "", "(1)", "(2)", "(3)", "(4)", "(5)",
                  "1", "Rà soát văn bản", "Văn phòng HĐND và UBND", "Các phòng, đơn vị",
                  "Quý II/2026"])
    assert rows[0] == ["STT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "",
                       "Thời gian hoàn thành"]
    assert rows[1] == ["STT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp",
                       "Thời gian hoàn thành"]
    assert rows[3] == ["1", "Rà soát văn bản", "Văn phòng HĐND và UBND", "Các phòng, đơn vị",
                       "Quý II/2026"]


def test_merged_rows_lists_and_a_second_numbering_column() -> None:
    # a row continuing a merged one ("" … "Viettel"); a list of agencies over several
    # paragraphs ("…;" / "…;" / "- …"); a body heading with rows under it is a section
    rows = _rows(["STT", "Chỉ tiêu", "Cơ quan chủ trì", "Cơ quan phối hợp",
                  "1", "Số điểm Internet miễn phí", "Phòng Văn hóa - Xã hội", "VNPT",
                  "", "", "", "Viettel",
                  "2", "Tỷ lệ hộ có cáp quang", "Văn phòng", "HĐND và UBND", "Phòng Kinh tế;",
                  "Các thôn, tổ dân phố",
                  "3", "Tỷ lệ người dân có chữ ký số", "Công an xã", "- Đoàn Thanh niên;",
                  "- Hội Liên hiệp Phụ nữ."])
    assert ["", "", "", "Viettel"] in rows
    assert ["2", "Tỷ lệ hộ có cáp quang", "Văn phòng HĐND và UBND",
            "Phòng Kinh tế; Các thôn, tổ dân phố"] in rows
    assert ["3", "Tỷ lệ người dân có chữ ký số", "Công an xã",
            "- Đoàn Thanh niên; - Hội Liên hiệp Phụ nữ."] in rows
    paired = _rows(["STT", "Chi tiết", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời hạn",
                    "", "1", "Số hóa dữ liệu, bao gồm:", "", "30/9/2026",
                    "1", "a)", "Dữ liệu hộ tịch", "Phòng Văn hóa - Xã hội", "",
                    "2", "b)", "Dữ liệu đất đai", "Phòng Kinh tế", ""])
    # a group's deadline merged down its items: each item's
    assert ["1", "a)", "Dữ liệu hộ tịch", "Phòng Văn hóa - Xã hội", "30/9/2026"] in paired
    assert ["2", "b)", "Dữ liệu đất đai", "Phòng Kinh tế", "30/9/2026"] in paired


def test_pdftotext_a_deadline_drawn_after_the_signature_is_its_rows() -> None:
    text = "\n".join([
        "ST", "T", "", "Nhiệm vụ", "", "1", "", "Đưa vải thiều lên sàn", "", "2", "",
        "Cấp mã số vùng trồng", "", "Cơ quan chủ", "trì", "Phòng Kinh tế", "Phòng Kinh tế", "",
        "Thời gian", "hoàn thành", "Quý II/2026", "", "Phòng Kinh tế theo dõi./.", "Nơi nhận:",
        "", "CHỦ TỊCH", "", "- Như trên;", "- Lưu: VT.", "", "Quý III/2026", "",
        "Nguyễn Văn An"])
    rows = [r.texts for r in read_text(text, "cells").rows]
    assert ["2", "Cấp mã số vùng trồng", "Phòng Kinh tế", "Quý III/2026"] in rows
    assert ["Nguyễn Văn An"] in rows


# pdftotext without -layout: two narrow agency columns written line by line side by side —
# their labels ("Cơ quan chủ" / "Cơ quan phối" / "trì" / "hợp"), then each height's line of
# the lead cell then of the support one, on one line where they stood close ("Trung tâm Công
# Sở Khoa học và"), the longer cell's last lines alone (a row without support)
RAW_SIDE_BY_SIDE = "\n".join([
    "II. NHIỆM VỤ", "ST", "T", "", "Nhiệm vụ", "", "1", "", "Vận hành Trung tâm dữ liệu", "",
    "2", "", "Bảo đảm an toàn thông tin", "", "3", "", "Ký số văn bản đi", "",
    "III. TỔ CHỨC THỰC HIỆN", "",
    "Cơ quan chủ", "Cơ quan phối", "trì", "hợp",
    "Trung tâm Công", "nghệ thông tin", "và Chuyển đổi", "số tỉnh",
    "Trung tâm Công Sở Khoa học và", "nghệ thông tin", "Công nghệ", "và Chuyển đổi",
    "số tỉnh",
    "Trung tâm Công Phòng Hành", "nghệ thông tin", "chính - Tổng hợp", "và Chuyển đổi",
    "số tỉnh", "",
    "Thời gian", "hoàn thành", "Thường", "xuyên", "Quý", "III/2026", "Quý II/2026", "",
    "Phòng Hành chính theo dõi./.",
])


def test_pdftotext_two_narrow_columns_drawn_side_by_side_are_told_apart() -> None:
    # was "no table header found" (the labels read as one block of text) or every line in
    # the lead column
    from chitieu.gazetteer.agencies import default_gazetteer

    assert detect_layout(RAW_SIDE_BY_SIDE) == "cells"
    # the known agency names tell a whole name ("… và Chuyển đổi số tỉnh") from a cut one
    rows = [r.texts for r in read_text(RAW_SIDE_BY_SIDE, "cells",
                                       agencies=default_gazetteer).rows]
    lead = "Trung tâm Công nghệ thông tin và Chuyển đổi số tỉnh"
    assert ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
            "Thời gian hoàn thành"] in rows
    assert ["1", "Vận hành Trung tâm dữ liệu", lead, "", "Thường xuyên"] in rows
    assert ["2", "Bảo đảm an toàn thông tin", lead, "Sở Khoa học và Công nghệ",
            "Quý III/2026"] in rows
    assert ["3", "Ký số văn bản đi", lead, "Phòng Hành chính - Tổng hợp",
            "Quý II/2026"] in rows


def test_pdftotext_a_block_of_several_cells_and_a_label_wrapped_before_its_year() -> None:
    # the lead column's cells in one block after both agency labels ("Tổ chuyên môn" /
    # "Phòng Kế hoạch" / "- Tài chính": was one cell, the second row's lead lost); a target
    # label wrapped before its year ("Kế hoạch" / "2026": was a cell, the first row's target
    # 2026)
    rows = _rows([
        "TT", "", "Nội dung nhiệm vụ", "", "1", "", "Quản lý trẻ trên cơ sở dữ liệu", "", "2",
        "", "Thu học phí không dùng tiền mặt", "", "Đơn vị chủ trì", "", "Đơn vị phối hợp", "",
        "Tổ chuyên môn", "Phòng Kế hoạch", "- Tài chính", "", "Thời gian", "thực hiện", "Quý",
        "III/2026", "Thường", "xuyên", "",
    ])
    assert ["1", "Quản lý trẻ trên cơ sở dữ liệu", "Tổ chuyên môn", "", "Quý III/2026"] in rows
    assert ["2", "Thu học phí không dùng tiền mặt", "Phòng Kế hoạch - Tài chính", "",
            "Thường xuyên"] in rows
    rows = _rows(["TT", "", "Chỉ tiêu", "", "1", "", "Tổng thu ngân sách", "", "2", "",
                  "Tỷ lệ lao động qua đào tạo", "", "ĐVT", "Triệu", "đồng", "%", "",
                  "Kế hoạch", "2026", "15.500", "≥ 72", ""])
    assert ["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch 2026"] in rows
    assert ["1", "Tổng thu ngân sách", "Triệu đồng", "15.500"] in rows
    assert ["2", "Tỷ lệ lao động qua đào tạo", "%", "≥ 72"] in rows


def test_libreoffice_a_three_row_header_opening_with_an_empty_cell() -> None:
    # an empty column before the numbering one, a hair-thin empty column, a group over
    # sub-groups over leaves (LibreOffice writes a cell merged across once, one merged down
    # empty in the rows under it), a section's title merged across with a note after it
    # (was "no table header found")
    rows = _rows([
        "PHỤ LỤC 14", "",
        "", "Số TT", "Chỉ tiêu", "Đơn vị tính", "", "Kế hoạch năm 2026",
        "Phân công thực hiện", "Ghi chú",
        "", "", "", "", "", "", "Cơ quan thực hiện", "Cơ quan theo dõi, đánh giá", "",
        "", "", "", "", "", "", "Chủ trì", "Phối hợp", "", "",
        "", "A", "GIẢM NGHÈO, VIỆC LÀM", "Chỉ tiêu của phường",
        "", "1", "Tỷ lệ hộ nghèo", "%", "", "< 0,5", "Phòng Văn hóa - Xã hội",
        "Ngân hàng Chính sách xã hội", "Văn phòng HĐND và UBND", "",
        "", "2", "Số lao động có việc làm mới", "Người", "", "≥ 450", "Phòng Văn hóa - Xã hội",
        "Đoàn Thanh niên", "Văn phòng HĐND và UBND", "",
    ])
    assert ["", "Số TT", "Chỉ tiêu", "Đơn vị tính", "", "Kế hoạch năm 2026", "Chủ trì",
            "Phối hợp", "Cơ quan theo dõi, đánh giá", "Ghi chú"] in rows
    assert ["", "A", "GIẢM NGHÈO, VIỆC LÀM", "", "", "", "", "", "",
            "Chỉ tiêu của phường"] in rows
    assert ["", "1", "Tỷ lệ hộ nghèo", "%", "", "< 0,5", "Phòng Văn hóa - Xã hội",
            "Ngân hàng Chính sách xã hội", "Văn phòng HĐND và UBND", ""] in rows
    assert rows[-1] == ["", "2", "Số lao động có việc làm mới", "Người", "", "≥ 450",
                        "Phòng Văn hóa - Xã hội", "Đoàn Thanh niên", "Văn phòng HĐND và UBND",
                        ""]


@pytest.mark.parametrize("target", ["5", "x"])
def test_libreoffice_a_value_alone_after_an_empty_cell_starts_no_row(target: str) -> None:
    # under an unlabelled empty first column a row starts with "" then its number; a target
    # "5" (or a tick "x") after the empty column before it looks alike, but breaks the
    # numbering and the row's width (the whole table was lost, or a row made of its cells)
    rows = _rows([
        "", "Số TT", "Chỉ tiêu", "Đơn vị tính", "", "Kế hoạch năm 2026",
        "Phân công thực hiện", "Ghi chú",
        "", "", "", "", "", "", "Cơ quan thực hiện", "Cơ quan theo dõi, đánh giá", "",
        "", "", "", "", "", "", "Chủ trì", "Phối hợp", "", "",
        "", "A", "GIẢM NGHÈO, VIỆC LÀM", "Chỉ tiêu của phường",
        "", "1", "Số hộ thoát nghèo", "Hộ", "", target, "Phòng Văn hóa - Xã hội",
        "Ngân hàng Chính sách xã hội", "Văn phòng HĐND và UBND", "",
        "", "2", "Số lao động có việc làm mới", "Người", "", "≥ 450", "Phòng Văn hóa - Xã hội",
        "Đoàn Thanh niên", "Văn phòng HĐND và UBND", "",
    ])
    assert ["", "1", "Số hộ thoát nghèo", "Hộ", "", target, "Phòng Văn hóa - Xã hội",
            "Ngân hàng Chính sách xã hội", "Văn phòng HĐND và UBND", ""] in rows
    assert rows[-1] == ["", "2", "Số lao động có việc làm mới", "Người", "", "≥ 450",
                        "Phòng Văn hóa - Xã hội", "Đoàn Thanh niên", "Văn phòng HĐND và UBND",
                        ""]


def test_pdftotext_units_in_blocks_are_cells_of_the_unit_column() -> None:
    # a block of units ("%" / "ha": was one cell "% ha"); a block whose lines each fit the
    # unit column ("Hợp tác xã" / "%": was given whole to the target column, "%" looking like
    # a target)
    rows = _rows([
        "STT", "1", "2", "3", "4", "", "Tên chỉ tiêu", "Tốc độ tăng giá trị sản xuất",
        "Diện tích đất sản xuất hữu cơ", "Số hợp tác xã hoạt động hiệu quả",
        "Tỷ lệ hộ có chuồng trại hợp vệ sinh", "", "Đơn vị tính", "", "Cơ quan chủ trì", "",
        "%", "ha", "", "Chỉ tiêu năm", "2026", "≥ 3,5", "≥ 40", "", "Phòng Kinh tế",
        "Phòng Kinh tế", "", "Hợp tác xã", "%", "", "5", "≥ 85", "", "Phòng Kinh tế",
        "Phòng Kinh tế", "",
    ])
    assert ["1", "Tốc độ tăng giá trị sản xuất", "%", "Phòng Kinh tế", "≥ 3,5"] in rows
    assert ["2", "Diện tích đất sản xuất hữu cơ", "ha", "Phòng Kinh tế", "≥ 40"] in rows
    assert ["3", "Số hợp tác xã hoạt động hiệu quả", "Hợp tác xã", "Phòng Kinh tế",
            "5"] in rows
    assert ["4", "Tỷ lệ hộ có chuồng trại hợp vệ sinh", "%", "Phòng Kinh tế", "≥ 85"] in rows


def test_pdftotext_a_label_under_its_cells_drawn_side_by_side_with_another_column() -> None:
    # the lead's label over a block whose lines are the lead's and the tasks' cells by
    # height (a lead centred lower starts higher; a task's line and a lead's on one line
    # where they stood level), the tasks' label under them (was "no table header found")
    text = "\n".join([
        "II. NHIỆM VỤ", "ST", "T", "1", "2", "", "Cơ quan chủ", "trì", "Trung tâm Phục",
        "Niêm yết công khai thủ tục hành chính", "vụ hành chính",
        "tại Trung tâm Phục vụ hành chính công", "công",
        "Kiểm tra công tác cải cách hành chính tại Phòng Văn hóa", "các phòng, đơn vị",
        "- Xã hội", "Nhiệm vụ", "", "III. TỔ CHỨC THỰC HIỆN", "", "Thời gian", "hoàn thành",
        "Quý II/2026", "Quý IV/2026", "", "Văn phòng theo dõi./.",
    ])
    from chitieu.gazetteer.agencies import default_gazetteer

    assert detect_layout(text) == "cells"
    rows = [r.texts for r in read_text(text, "cells", agencies=default_gazetteer).rows]
    assert ["1", "Trung tâm Phục vụ hành chính công",
            "Niêm yết công khai thủ tục hành chính tại Trung tâm Phục vụ hành chính công",
            "Quý II/2026"] in rows
    assert ["2", "Phòng Văn hóa - Xã hội",
            "Kiểm tra công tác cải cách hành chính tại các phòng, đơn vị",
            "Quý IV/2026"] in rows


_EMPTY_FIRST_HEADER = [
    "", "Số TT", "Chỉ tiêu", "Đơn vị tính", "", "Kế hoạch năm 2026", "Phân công thực hiện",
    "Ghi chú",
    "", "", "", "", "", "", "Cơ quan thực hiện", "Cơ quan theo dõi, đánh giá", "",
    "", "", "", "", "", "", "Chủ trì", "Phối hợp", "", ""]
_POOR_HOUSEHOLDS = ["", "1", "Tỷ lệ hộ nghèo", "%", "", "≥ 5", "Phòng Văn hóa - Xã hội",
                    "Ngân hàng Chính sách xã hội", "Văn phòng HĐND và UBND", ""]


def test_libreoffice_lettered_items_under_an_empty_first_column_open_their_rows() -> None:
    # "a)", "b)" number no arabic sequence, but open rows as a section's letter does (they
    # were dropped from the body's width, or swallowed by the group row above them)
    rows = _rows([
        *_EMPTY_FIRST_HEADER, "", "A", "VIỆC LÀM", "Chỉ tiêu của phường", *_POOR_HOUSEHOLDS,
        "", "2", "Lao động việc làm",
        "", "a)", "Số lao động có việc làm mới", "Người", "", "≥ 450",
        "Phòng Văn hóa - Xã hội", "Đoàn Thanh niên", "Văn phòng HĐND và UBND", "",
        "", "b)", "Số lao động đi làm việc ở nước ngoài", "Người", "", "≥ 20",
        "Phòng Văn hóa - Xã hội", "Công an xã", "Văn phòng HĐND và UBND", ""])
    assert rows[-3:] == [
        ["", "2", "Lao động việc làm", "", "", "", "", "", "", ""],
        ["", "a)", "Số lao động có việc làm mới", "Người", "", "≥ 450", "Phòng Văn hóa - Xã hội",
         "Đoàn Thanh niên", "Văn phòng HĐND và UBND", ""],
        ["", "b)", "Số lao động đi làm việc ở nước ngoài", "Người", "", "≥ 20",
         "Phòng Văn hóa - Xã hội", "Công an xã", "Văn phòng HĐND và UBND", ""]]


def test_libreoffice_a_table_ending_on_section_rows_under_an_empty_first_column() -> None:
    # the look past a short row's end must stop at the text's end (it raised IndexError)
    rows = _rows([*_EMPTY_FIRST_HEADER, "", "A", "GIẢM NGHÈO", "Chỉ tiêu của phường",
                  *_POOR_HOUSEHOLDS, "", "B", "VĂN HÓA", "", "C", "Y TẾ"])
    assert rows[-3:] == [_POOR_HOUSEHOLDS, ["", "B", "VĂN HÓA", *[""] * 7],
                         ["", "C", "Y TẾ", *[""] * 7]]


def test_pdftotext_a_unit_after_a_symbol_may_go_on_in_its_cell() -> None:
    # a unit's symbol followed by the rest of its unit ("%" / "/năm", "Mbps" / "/thuê bao")
    # is one cell, a symbol after a unit a cell of its own (were "% /năm ha", "Mbps",
    # "/thuê bao": the rows' units moved)
    rows = _rows([
        "STT", "1", "2", "3", "", "Tên chỉ tiêu", "Tốc độ tăng năng suất lao động",
        "Diện tích rừng trồng mới", "Tốc độ truyền dữ liệu trung bình", "",
        "Đơn vị tính", "%", "/năm", "ha", "Mbps", "/thuê bao", "", "Chỉ tiêu năm", "2026",
        "≥ 6", "≥ 120", "≥ 100", "",
    ])
    assert ["1", "Tốc độ tăng năng suất lao động", "%/năm", "≥ 6"] in rows
    assert ["2", "Diện tích rừng trồng mới", "ha", "≥ 120"] in rows
    assert ["3", "Tốc độ truyền dữ liệu trung bình", "Mbps/thuê bao", "≥ 100"] in rows


def test_pdftotext_a_unit_its_magnitude_opens_is_one_cell() -> None:
    # a unit wrapped after its magnitude ("Nghìn" / "tấn", "Triệu" / "kWh") is one cell, the
    # last row's unit left empty (were "Nghìn", "tấn", "%": every unit below moved a row)
    rows = _rows([
        "STT", "1", "2", "3", "", "Tên chỉ tiêu", "Sản lượng lương thực", "Tỷ lệ che phủ rừng",
        "Điện thương phẩm", "", "Đơn vị tính", "Nghìn", "tấn", "%", "Triệu", "kWh", "",
        "Chỉ tiêu năm", "2026", "≥ 60", "≥ 45", "≥ 900", "",
    ])
    assert ["1", "Sản lượng lương thực", "Nghìn tấn", "≥ 60"] in rows
    assert ["2", "Tỷ lệ che phủ rừng", "%", "≥ 45"] in rows
    assert ["3", "Điện thương phẩm", "Triệu kWh", "≥ 900"] in rows


def test_pdftotext_a_block_read_before_its_label_and_cut_into_rows_is_said() -> None:
    # two supports printed before their column's label (after the signature): cut one a
    # row, a guess said on each row (both may be the first row's)
    rows = read_text("\n".join([
        "II. NHIỆM VỤ", "TT", "", "Nội dung nhiệm vụ", "", "1", "",
        "Cập nhật hồ sơ học sinh trên phần mềm", "", "2", "", "Tổ chức họp phụ huynh trực tuyến",
        "", "Đơn vị chủ trì", "Tổ chuyên môn", "Tổ Văn phòng", "", "Công an xã",
        "Đoàn Thanh niên", "", "III. TỔ CHỨC THỰC HIỆN", "Tổ Văn phòng theo dõi./.",
        "Nơi nhận:", "", "HIỆU TRƯỞNG", "", "- Như trên;", "- Lưu: VT.", "", "Đơn vị",
        "phối hợp", ""]), "cells").rows
    assert [r.texts[3] for r in rows[2:4]] == ["Công an xã", "Đoàn Thanh niên"]
    assert all(r.warnings == ["cell_placement_uncertain:Đơn vị phối hợp"] for r in rows[2:4])


def test_pdftotext_more_cells_than_rows_joined_by_a_guess_is_said() -> None:
    # three deadlines for two rows: which two are one cell the text does not tell, so the
    # join is said on each row (it was made without a word)
    rows = read_text("\n".join([
        "STT", "1", "2", "", "Nhiệm vụ", "Lắp camera tại chợ", "Phủ sóng 5G", "",
        "Thời gian", "hoàn thành", "Quý II/2026", "Quý IV/2026", "Quý I/2027", "",
    ]), "cells").rows
    assert [r.texts[2] for r in rows[1:3]] == ["Quý II/2026 Quý IV/2026", "Quý I/2027"]
    assert all(r.warnings == ["cell_placement_uncertain:Thời gian hoàn thành"]
               for r in rows[1:3])
    # as many cells as rows: no guess
    rows = read_text("\n".join([
        "STT", "1", "2", "", "Nhiệm vụ", "Lắp camera tại chợ", "Phủ sóng 5G", "",
        "Thời gian", "hoàn thành", "Quý II/2026", "Quý I/2027", "",
    ]), "cells").rows
    assert not any(r.warnings for r in rows)


def test_pdftotext_a_guess_between_two_columns_drawn_side_by_side_is_said() -> None:
    # three agencies' lines for two rows of two narrow columns: "Công an xã" may be the
    # first row's support or the second row's lead — the reading is a guess, said on each
    # row (it was given without a word); a reading the known names settle says nothing
    from chitieu.gazetteer.agencies import default_gazetteer

    text = "\n".join([
        "STT", "1", "2", "", "Nhiệm vụ", "Lắp camera tại chợ", "Phủ sóng 5G", "",
        "Cơ quan chủ", "Cơ quan phối", "trì", "hợp", "Phòng Kinh tế", "Công an xã",
        "Ban quản lý chợ", "", "Thời gian", "hoàn thành", "Quý II/2026", "Quý IV/2026", "",
        "Phòng Kinh tế theo dõi./."])
    body = [r for r in read_text(text, "cells", agencies=default_gazetteer).rows
            if r.table is not None][1:]
    assert len(body) == 2
    assert all(r.warnings == ["cell_placement_uncertain:Cơ quan chủ trì",
                              "cell_placement_uncertain:Cơ quan phối hợp"] for r in body)
    settled = [r for r in read_text(RAW_SIDE_BY_SIDE, "cells",
                                     agencies=default_gazetteer).rows if r.table is not None]
    assert len(settled) == 4 and not any(r.warnings for r in settled)


def test_pdftotext_text_no_column_takes_is_kept_and_said() -> None:
    # a block printed among the columns that fits none of them (all read): it was dropped
    # without a word; now a line after the table, named in a warning. The table's rows say
    # their table, the text after it none (the closing sentence is no row's)
    text = "\n".join([
        "II. NHIỆM VỤ", "ST", "T", "", "Nhiệm vụ", "", "1", "", "Phủ sóng 4G toàn xã", "",
        "2", "", "Số hóa hồ sơ hộ tịch của", "xã", "", "Cơ quan chủ", "trì", "Phòng Kinh tế",
        "Văn phòng HĐND và", "UBND", "", "Thời gian", "hoàn thành", "Quý", "III/2026",
        "Thường", "xuyên", "", "Kinh phí thực hiện từ ngân sách xã năm 2026", "",
        "Phòng Kinh tế theo dõi./."])
    doc = read_text(text, "cells")
    assert [(r.texts, r.table) for r in doc.rows[-2:]] == [
        (["Kinh phí thực hiện từ ngân sách xã năm 2026"], None),
        (["Phòng Kinh tế theo dõi./."], None)]
    assert doc.warnings == ["cells_text_unplaced:L29"]
    assert {r.table for r in doc.rows[1:-2]} == {0}


def test_pdftotext_a_cell_the_known_names_hold_fits_its_agency_column() -> None:
    # "Viettel" drawn after the deadline column, the support column one cell short: no
    # agency's first words, but a name the list of agencies holds (it waited for a column
    # and was dropped)
    from chitieu.gazetteer.agencies import default_gazetteer

    text = "\n".join([
        "STT", "1", "2", "", "Nhiệm vụ", "Số hóa hồ sơ địa chính", "Lắp đặt wifi miễn phí",
        "", "Cơ quan chủ", "trì", "Phòng Kinh tế", "Phòng Kinh tế", "", "Cơ quan phối", "hợp",
        "Các tổ dân phố", "", "Thời gian", "hoàn thành", "Quý II/2026", "Quý IV/2026", "",
        "Viettel", "", "Phòng Kinh tế theo dõi./."])
    doc = read_text(text, "cells", agencies=default_gazetteer)
    rows = [r.texts for r in doc.rows]
    assert ["2", "Lắp đặt wifi miễn phí", "Phòng Kinh tế", "Viettel", "Quý IV/2026"] in rows
    assert not doc.warnings


def test_libreoffice_a_group_label_over_a_label_printed_lower_spans_it() -> None:
    # "Phân công thực hiện" over "Cơ quan thực hiện" (over "Chủ trì" / "Phối hợp") and over
    # the empty cell above "Theo dõi", printed a row lower: the group spans all three
    # (the header's upper rows were dropped, leaving "Chủ trì", "Phối hợp", "Theo dõi")
    rows = _rows([
        "", "Số TT", "Chỉ tiêu", "Đơn vị tính", "", "Kế hoạch năm 2026",
        "Phân công thực hiện", "Ghi chú",
        "", "", "", "", "", "", "Cơ quan thực hiện", "", "",
        "", "", "", "", "", "", "Chủ trì", "Phối hợp", "Theo dõi", "",
        *_POOR_HOUSEHOLDS, "", "2", "Số lao động có việc làm mới", "Người", "", "≥ 450",
        "Phòng Văn hóa - Xã hội", "Đoàn Thanh niên", "Văn phòng HĐND và UBND", ""])
    assert rows[:3] == [
        ["", "Số TT", "Chỉ tiêu", "Đơn vị tính", "", "Kế hoạch năm 2026",
         "Phân công thực hiện", "", "", "Ghi chú"],
        ["", "Số TT", "Chỉ tiêu", "Đơn vị tính", "", "Kế hoạch năm 2026",
         "Cơ quan thực hiện", "", "", "Ghi chú"],
        ["", "Số TT", "Chỉ tiêu", "Đơn vị tính", "", "Kế hoạch năm 2026", "Chủ trì",
         "Phối hợp", "Theo dõi", "Ghi chú"]]
    assert rows[3] == _POOR_HOUSEHOLDS


def test_libreoffice_header_rows_that_fit_no_columns_are_kept_and_said() -> None:
    # more labels in the first row than the rows under it hold: the rows are not spread
    # (the columns from the last row alone, as before), but their labels are kept as lines
    # above the table and the document says so (they were dropped without a word)
    doc = read_text("\n".join([
        "", "Số TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Phân công thực hiện",
        "Nguồn vốn", "Ghi chú", "Tiến độ",
        "", "", "", "", "", "Cơ quan thực hiện", "", "",
        "", "", "", "", "", "Chủ trì", "Phối hợp", "", "",
        "", "1", "Tỷ lệ hộ nghèo", "%", "< 0,5", "Phòng Văn hóa - Xã hội",
        "Ngân hàng Chính sách xã hội", "Ngân sách xã", "",
        "", "2", "Số lao động có việc làm mới", "Người", "≥ 450", "Phòng Văn hóa - Xã hội",
        "Đoàn Thanh niên", "Ngân sách xã", ""]), "cells")
    texts = [r.texts for r in doc.rows]
    assert texts[:10] == [[t] for t in (
        "Số TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Phân công thực hiện",
        "Nguồn vốn", "Ghi chú", "Tiến độ", "Cơ quan thực hiện")] + [
        ["", "", "", "", "", "Chủ trì", "Phối hợp", "", ""]]
    assert doc.warnings == ["cells_header_rows_unplaced:L2"]
    assert [r.first_line for r in doc.rows[:2]] == [2, 3]


def test_pdftotext_a_column_whose_cells_come_in_pieces_between_others_is_said() -> None:
    # a long table: `pdftotext` writes a one-line row's target ("≥ 12", the second row's)
    # before the first row's, between the unit column's pieces; which row a piece's cells
    # are of is a guess, said on every row (it was given as read: the two targets swapped)
    rows = read_text("\n".join([
        "ST", "T", "", "Chỉ tiêu", "", "1", "", "Tỷ lệ dịch vụ công trực tuyến toàn trình", "",
        "2", "", "Tỷ trọng kinh tế số trong GRDP", "", "3", "", "Số doanh nghiệp công nghệ số",
        "", "4", "5", "", "Tỷ lệ hồ sơ được số hóa", "Tỷ lệ người dân có tài khoản thanh toán",
        "", "6", "", "Tỷ lệ hộ gia đình có cáp quang", "", "7", "", "Số điểm Wi-Fi công cộng",
        "", "Đơn vị", "tính", "%", "", "Chỉ tiêu", "năm 2026", "", "%", "Doanh", "nghiệp", "%",
        "%", "%", "", "≥ 12", "", "Điểm", "", "≥ 80", "800", "100", "≥ 85", "≥ 90", "300", "",
        "Cơ quan chủ trì", "Sở Khoa học và Công", "nghệ", "Sở Tài chính", "Sở Khoa học và Công",
        "nghệ", "Sở Nội vụ", "Sở Tài chính", "Sở Khoa học và Công", "nghệ", "Sở Khoa học và",
        "Công nghệ", ""]), "cells").rows
    body = [r for r in rows if r.table is not None][1:]
    assert len(body) == 7
    assert all("cell_placement_uncertain:Chỉ tiêu năm 2026" in r.warnings for r in body)
    assert not any("cell_placement_uncertain:Cơ quan chủ trì" in r.warnings for r in body)


def test_pdftotext_a_block_read_before_its_label_is_cut_into_its_rows_cells() -> None:
    # the deadlines of two rows in one block before their label, drawn after the signature:
    # cut into the two rows' cells as the column's own lines are (was one cell "Quý I/2026
    # Quý IV/2026" in the first row, none in the second)
    text = "\n".join([
        "II. NHIỆM VỤ", "TT", "", "Nội dung nhiệm vụ", "", "1", "",
        "Cập nhật hồ sơ học sinh trên phần mềm", "", "2", "", "Tổ chức họp phụ huynh trực tuyến",
        "", "Đơn vị chủ trì", "Tổ chuyên môn", "Tổ Văn phòng", "", "Quý I/2026", "Quý IV/2026",
        "", "III. TỔ CHỨC THỰC HIỆN", "Tổ Văn phòng theo dõi./.", "Nơi nhận:", "",
        "HIỆU TRƯỞNG", "", "- Như trên;", "- Lưu: VT.", "", "Thời gian", "thực hiện", ""])
    rows = [r.texts for r in read_text(text, "cells").rows]
    assert rows[1:4] == [
        ["TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện"],
        ["1", "Cập nhật hồ sơ học sinh trên phần mềm", "Tổ chuyên môn", "Quý I/2026"],
        ["2", "Tổ chức họp phụ huynh trực tuyến", "Tổ Văn phòng", "Quý IV/2026"]]


def test_pdftotext_a_duration_wrapped_before_the_next_rows_deadline_ends_its_cell() -> None:
    # "Trong 20" / "ngày" is a whole deadline: the next line ("Trong 03", "Tháng") opens the
    # next row's cell (a day, month or year after its number ends no phrase open; the three
    # deadlines were one cell in the first row)
    text = "\n".join([
        "II. NHIỆM VỤ", "ST", "T", "", "Nhiệm vụ", "", "1", "", "Kiểm kê tài sản công", "",
        "2", "", "Cập nhật phần mềm quản lý tài sản", "", "3", "", "Báo cáo kết quả kiểm kê",
        "", "III. TỔ CHỨC THỰC HIỆN", "", "Cơ quan chủ", "trì", "Phòng Kinh tế", "",
        "Thời gian", "hoàn thành", "Trong 20", "ngày", "Trong 03", "tháng", "Tháng", "9/2026",
        "", "Phòng Kinh tế theo dõi./."])
    rows = [r.texts for r in read_text(text, "cells").rows if r.table is not None]
    assert [r[-1] for r in rows[1:]] == ["Trong 20 ngày", "Trong 03 tháng", "Tháng 9/2026"]


def test_pdftotext_a_date_in_words_wrapped_goes_on() -> None:
    # (review) only a duration ends at its day, month or year: "Tháng 10 năm" / "2026" and
    # "Trước ngày 30 tháng" / "6 năm 2026" go on (were cut, the deadlines moved up a row)
    text = "\n".join([
        "II. NHIỆM VỤ", "ST", "T", "", "Nhiệm vụ", "", "1", "", "Kiểm kê tài sản công", "",
        "2", "", "Cập nhật phần mềm quản lý tài sản", "", "3", "", "Báo cáo kết quả kiểm kê",
        "", "III. TỔ CHỨC THỰC HIỆN", "", "Cơ quan chủ", "trì", "Phòng Kinh tế", "",
        "Thời gian", "hoàn thành", "Tháng 10 năm", "2026", "Trước ngày 30 tháng", "6 năm 2026",
        "Trong 15 ngày", "kể từ ngày ban hành", "", "Phòng Kinh tế theo dõi./."])
    rows = [r.texts for r in read_text(text, "cells").rows if r.table is not None]
    assert [r[-1] for r in rows[1:]] == ["Tháng 10 năm 2026", "Trước ngày 30 tháng 6 năm 2026",
                                         "Trong 15 ngày kể từ ngày ban hành"]


def test_pdftotext_a_body_s_opening_words_alone_above_another_body_are_a_cell() -> None:
    # (review) "Văn phòng" above "Công an xã": two rows' leads (was one, "Văn phòng Công an
    # xã", and the last row had none)
    text = "\n".join([
        "II. NHIỆM VỤ", "ST", "T", "", "Nhiệm vụ", "", "1", "", "Kiểm kê tài sản công", "",
        "2", "", "Cập nhật phần mềm quản lý văn bản", "", "3", "", "Báo cáo kết quả kiểm kê",
        "", "III. TỔ CHỨC THỰC HIỆN", "", "Cơ quan chủ", "trì", "Phòng Kinh tế", "Văn phòng",
        "Công an xã", "", "Thời gian", "hoàn thành", "Quý II/2026", "Tháng 9/2026", "Năm 2026",
        "", "Phòng Kinh tế theo dõi./."])
    rows = [r.texts for r in read_text(text, "cells").rows if r.table is not None]
    assert [r[-2] for r in rows[1:]] == ["Phòng Kinh tế", "Văn phòng", "Công an xã"]


def test_pdftotext_the_next_appendix_on_the_page_is_no_cell_of_the_table_above() -> None:
    # two appendices on one page: `pdftotext` writes the second's label ("Phụ lục 2") among
    # the first table's columns, its title, "(Kèm theo …)" and numbering label in one block
    # after them; the label is text beside the first table and the block starts the second
    # (its columns were taken into the first table, its rows had no cells)
    text = "\n".join([
        "Phụ lục 1", "CHỈ TIÊU AN SINH SỐ", "(Kèm theo Kế hoạch số 12/KH-UBND ngày 02/3/2026)",
        "ST", "T", "1", "", "Đơn vị", "tính", "%", "", "Chỉ tiêu",
        "Tỷ lệ người hưởng trợ cấp qua tài khoản", "", "2", "", "%", "",
        "Tỷ lệ hộ nghèo có điện thoại thông minh", "", "Chỉ tiêu", "năm 2026", "≥ 90", "≥ 60",
        "", "Phụ lục 2", "", "Cơ quan chủ trì", "Phòng Văn hóa - Xã", "hội", "Hội Liên hiệp",
        "Phụ nữ xã", "", "NHIỆM VỤ AN SINH SỐ",
        "(Kèm theo Kế hoạch số 12/KH-UBND ngày 02/3/2026)", "ST", "T", "", "Nhiệm vụ", "", "1",
        "", "Mở tài khoản cho người hưởng trợ cấp", "", "2", "", "Tập huấn sử dụng điện thoại",
        "", "Cơ quan chủ", "trì", "Phòng Văn hóa - Xã", "hội", "Đoàn Thanh niên", "",
        "Thời gian", "hoàn thành", "Quý II/2026", "Quý", "III/2026", ""])
    rows = read_text(text, "cells").rows
    tables = [[r.texts for r in rows if r.table == n] for n in (0, 1)]
    assert tables[0] == [
        ["STT", "Đơn vị tính", "Chỉ tiêu", "Chỉ tiêu năm 2026", "Cơ quan chủ trì"],
        ["1", "%", "Tỷ lệ người hưởng trợ cấp qua tài khoản", "≥ 90", "Phòng Văn hóa - Xã hội"],
        ["2", "%", "Tỷ lệ hộ nghèo có điện thoại thông minh", "≥ 60", "Hội Liên hiệp Phụ nữ xã"]]
    assert tables[1] == [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        ["1", "Mở tài khoản cho người hưởng trợ cấp", "Phòng Văn hóa - Xã hội", "Quý II/2026"],
        ["2", "Tập huấn sử dụng điện thoại", "Đoàn Thanh niên", "Quý III/2026"]]
    between = [r.texts for r in rows if r.table is None]
    assert between[-3:] == [["Phụ lục 2"], ["NHIỆM VỤ AN SINH SỐ"],
                            ["(Kèm theo Kế hoạch số 12/KH-UBND ngày 02/3/2026)"]]


def test_pdftotext_a_signers_name_after_a_label_drawn_after_the_signature_is_beside() -> None:
    # the deadline column's label and cells drawn after the recipients, the signer's name
    # after them: the name is text beside the table, not text no column took (it was said
    # in `cells_text_unplaced` while the support column still awaited a row's cell)
    text = "\n".join([
        "II. NHIỆM VỤ", "ST", "T", "1", "2", "", "Nhiệm vụ", "Số hóa hồ sơ người có công",
        "Chi trả trợ cấp qua tài khoản", "", "Cơ quan chủ", "trì", "Phòng Văn hóa - Xã",
        "hội", "Phòng Văn hóa - Xã", "hội", "", "Cơ quan phối", "hợp", "Bưu điện xã", "",
        "III. TỔ CHỨC THỰC HIỆN", "", "Phòng Văn hóa - Xã hội theo dõi./.", "Nơi nhận:", "",
        "CHỦ TỊCH", "", "- Như trên;", "- Lưu: VT.", "", "Thời gian", "hoàn thành",
        "Quý III/2026", "Quý IV/2026", "", "Lường Văn Khiêm", ""])
    document = read_text(text, "cells")
    assert not document.warnings
    rows = [r.texts for r in document.rows]
    assert ["2", "Chi trả trợ cấp qua tài khoản", "Phòng Văn hóa - Xã hội", "",
            "Quý IV/2026"] in rows
    assert rows[-1] == ["Lường Văn Khiêm"]


def test_pdftotext_the_signatures_office_is_no_columns_label() -> None:
    # "T/M ỦY BAN KIỂM TRA" reads like a monitoring column's label ("kiểm tra"): drawn after
    # the table as the signature's office, it is text beside it (it was a sixth column, the
    # recipients' "- Như trên;" its awaited cell, said unplaced)
    text = "\n".join([
        "II. NHIỆM VỤ", "ST", "T", "", "Nhiệm vụ", "", "1", "", "Kiểm tra thu chi đảng phí",
        "", "2", "", "Giám sát kê khai tài sản", "", "III. TỔ CHỨC THỰC HIỆN", "",
        "Cơ quan chủ", "trì", "Ủy ban Kiểm", "tra Đảng ủy", "Ủy ban Kiểm", "tra Đảng ủy", "",
        "Thời gian", "hoàn thành", "Quý II/2026", "Quý IV/2026", "",
        "Văn phòng Đảng ủy theo dõi./.", "Nơi nhận:", "", "T/M ỦY BAN KIỂM TRA", "",
        "- Như trên;", "", "CHỦ NHIỆM", "", "- Lưu: VT.", "Hà Văn Bình", ""])
    document = read_text(text, "cells")
    assert not document.warnings
    rows = [r.texts for r in document.rows]
    assert rows[1] == ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"]
    assert ["T/M ỦY BAN KIỂM TRA"] in rows and ["- Như trên;"] in rows


# `pdftotext` without -layout of a table whose labels are each alone in their blocks: the
# numbering label, the names' label, the first two columns' cells row by row, then the other
# labels alone, each column's cells in blocks of their own, the last label after the
# signature
LABELS_ALONE = [
    "II. NHIỆM VỤ", "TT", "", "Nội dung công việc", "", "1", "",
    "Rà soát thiết bị dạy học trực tuyến", "", "2", "", "Bồi dưỡng giáo viên soạn bài giảng số",
    "", "3", "", "Công khai thu chi trên cổng thông tin", "", "Đơn vị chủ trì", "",
    "Đơn vị phối hợp", "", "Tổ Tin học", "Tổ chuyên môn", "Tổ Văn phòng", "", "Quý I/2026",
    "Tháng", "10/2026", "Thường", "xuyên", "", "III. TỔ CHỨC THỰC HIỆN",
    "Tổ Văn phòng theo dõi./.", "Nơi nhận:", "", "HIỆU TRƯỞNG", "", "- Như trên;",
    "- Lưu: VT.", "", "Thời gian", "thực hiện", "", "Vi Thị Hoa", ""]


def test_pdftotext_labels_each_alone_in_their_blocks_make_a_table() -> None:
    # (it was read as text: no table header found, no record)
    text = "\n".join(LABELS_ALONE)
    assert detect_layout(text) == "cells"
    rows = [r.texts for r in read_text(text, "cells").rows if r.table is not None]
    assert rows == [
        ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"],
        ["1", "Rà soát thiết bị dạy học trực tuyến", "Tổ Tin học", "", "Quý I/2026"],
        ["2", "Bồi dưỡng giáo viên soạn bài giảng số", "Tổ chuyên môn", "", "Tháng 10/2026"],
        ["3", "Công khai thu chi trên cổng thông tin", "Tổ Văn phòng", "", "Thường xuyên"]]


def test_pdftotext_a_word_pdfs_rows_under_labels_alone_are_no_column_drawn_table() -> None:
    # the same labels alone over a table `pdftotext` read row after row (a Word PDF: each
    # row's cells before the next row's number, every label before the first number): no
    # table drawn column after column (it stays with the last-resort reader)
    text = "\n".join([
        "II. NHIỆM VỤ", "TT", "", "Nội dung công việc", "", "Đơn vị chủ trì", "",
        "Thời gian thực hiện", "", "1", "", "Rà soát thiết bị dạy học trực tuyến", "",
        "Tổ Tin học", "", "Quý I/2026", "", "2", "", "Bồi dưỡng giáo viên soạn bài giảng số",
        "", "Tổ chuyên môn", "", "Tháng 10/2026", ""])
    assert detect_layout(text) != "cells"


def test_pdftotext_three_columns_drawn_line_by_line_in_one_block() -> None:
    # the two agency columns' labels read across over their cells, the names' cells in
    # between line by line (a line of two cells on one line: "… với Hệ thống Phòng Quản
    # lý"), the names' label printed last: each column's cells apart (it was no table)
    text = "\n".join([
        "II. NHIỆM VỤ", "ST", "T", "1", "2", "", "Cơ quan chủ", "Cơ quan phối", "trì", "hợp",
        "Phòng Đăng ký Các ngân hàng", "Mở tài khoản an sinh cho người có công", "đất đai",
        "Kết nối dữ liệu thuế đất với Hệ thống Phòng Quản lý", "Thuế cơ sở",
        "thông tin đất đai quốc gia", "- Chỉnh lý", "Nhiệm vụ", "", "III. TỔ CHỨC THỰC HIỆN",
        "", "Thời gian", "hoàn thành", "Quý", "II/2026", "Quý", "IV/2026", ""])
    assert detect_layout(text) == "cells"
    rows = [r.texts for r in read_text(text, "cells").rows if r.table is not None]
    assert rows[0] == ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
                       "Thời gian hoàn thành"]
    assert rows[1:] == [
        ["1", "Mở tài khoản an sinh cho người có công", "Phòng Đăng ký đất đai",
         "Các ngân hàng", "Quý II/2026"],
        ["2", "Kết nối dữ liệu thuế đất với Hệ thống thông tin đất đai quốc gia",
         "Phòng Quản lý - Chỉnh lý", "Thuế cơ sở", "Quý IV/2026"]]


def test_pdftotext_an_agency_name_over_three_lines_repeated_row_after_row() -> None:
    # the lead's name wrapped over three lines in both rows, its last line ("Thanh tra")
    # reading like a label: a line that stands among the cells above too is a cell, not the
    # label of another column drawn beside it; the lines are joined where the next does not
    # open an agency's name (it was cut "Các đồng chí" / "Thanh tra viên … Thanh tra", a
    # monitoring column "Thanh tra" beside it)
    text = "\n".join([
        "II. NHIỆM VỤ", "ST", "T", "", "Nhiệm vụ", "", "1", "",
        "Thanh tra việc quản lý quỹ đất công", "", "2", "", "Thanh tra việc cấp phép xây dựng",
        "", "III. TỔ CHỨC THỰC HIỆN", "",
        "Cơ quan chủ", "trì", "Các đồng chí", "Thanh tra viên", "Thanh tra", "Các đồng chí",
        "Thanh tra viên", "Thanh tra", "", "Thời gian", "hoàn thành", "Quý II/2026",
        "Quý III/2026", ""])
    rows = [r.texts for r in read_text(text, "cells").rows if r.table is not None]
    assert rows == [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        ["1", "Thanh tra việc quản lý quỹ đất công", "Các đồng chí Thanh tra viên Thanh tra",
         "Quý II/2026"],
        ["2", "Thanh tra việc cấp phép xây dựng", "Các đồng chí Thanh tra viên Thanh tra",
         "Quý III/2026"]]


def test_pdftotext_a_bodys_opening_words_alone_go_on_in_the_next_line() -> None:
    # "Văn phòng" alone on its line, the rest of its name on the next ("HĐND và UBND"): one
    # cell, the second row's support empty (it was two cells, "HĐND và UBND" the second
    # row's)
    text = "\n".join([
        "II. NHIỆM VỤ", "ST", "T", "", "Nhiệm vụ", "", "1", "", "Tiêm chủng trên phần mềm", "",
        "2", "", "Khám sức khỏe học sinh", "", "III. TỔ CHỨC THỰC HIỆN", "", "Cơ quan chủ",
        "trì", "Trạm Y tế xã", "Trạm Y tế xã", "", "Cơ quan phối", "hợp", "Văn phòng",
        "HĐND và UBND", "", "Thời gian", "hoàn thành", "Quý II/2026", "Quý III/2026", ""])
    rows = [r.texts for r in read_text(text, "cells").rows if r.table is not None]
    assert [r[3] for r in rows[1:]] == ["Văn phòng HĐND và UBND", ""]


def test_pdftotext_a_word_cut_by_the_line_break_keeps_its_cell_side_by_side() -> None:
    # the lead's label over a block of the leads' and the tasks' lines by height, the
    # tasks' label under it: a line whose first syllable ends the word the line above cut
    # ("… hồ sơ điện" / "tử") goes on in that cell, and no task opens with an office's
    # name (the tasks' and leads' lines were crossed: "Phòng Tư pháp tử", a task "Phòng Tư
    # pháp hộ tịch")
    text = "\n".join([
        "II. NHIỆM VỤ", "ST", "T", "1", "2", "", "Cơ quan chủ", "trì",
        "Tiếp nhận hồ sơ điện Phòng Tư pháp", "tử", "hộ tịch", "Phòng Tư pháp",
        "Số hóa sổ hộ tịch lưu trữ tại", "hộ tịch", "xã", "Nhiệm vụ", "",
        "III. TỔ CHỨC THỰC HIỆN", "", "Thời gian", "hoàn thành", "Quý II/2026", "Quý IV/2026",
        ""])
    rows = [r.texts for r in read_text(text, "cells").rows if r.table is not None]
    assert rows[1:] == [
        ["1", "Phòng Tư pháp hộ tịch", "Tiếp nhận hồ sơ điện tử", "Quý II/2026"],
        ["2", "Phòng Tư pháp hộ tịch", "Số hóa sổ hộ tịch lưu trữ tại xã", "Quý IV/2026"]]


def test_pdftotext_a_names_last_line_opening_with_a_capital_stays_in_its_cell() -> None:
    # four names' lines for three rows, two opening with a capital after a line: the wrapped
    # one is where the line above left no room for its first word ("… dịch vụ trên Cổng" /
    # "Dịch vụ công": a wrap), not after a short last line ("dữ liệu" / "Số hộ kinh doanh":
    # a new name). The join was the one after the fewest words, a name's tail given to the
    # next row
    rows = read_text("\n".join([
        "II. CHỈ TIÊU", "STT", "1", "2", "3", "", "Chỉ tiêu",
        "Tỷ lệ hồ sơ đất đai được số hóa trong kho",
        "dữ liệu",
        "Số hộ kinh doanh thanh toán qua ứng dụng",
        "Viettel Money",
        "Tỷ lệ thủ tục nộp trực tuyến", "", "Đơn vị", "tính", "%", "Hộ", "%", "",
    ]), "cells").rows
    assert [r.texts[1] for r in rows[2:5]] == [
        "Tỷ lệ hồ sơ đất đai được số hóa trong kho dữ liệu",
        "Số hộ kinh doanh thanh toán qua ứng dụng Viettel Money",
        "Tỷ lệ thủ tục nộp trực tuyến"]


def test_pdftotext_a_figure_after_the_row_numbers_is_no_row_number() -> None:
    # a target alone in its block ("12000") after three rows' numbers: a cell of its column,
    # not a fourth row (it made a row of its own, the targets one row off)
    rows = read_text("\n".join([
        "STT", "1", "2", "3", "", "Chỉ tiêu", "Số lượt truy cập cổng thông tin",
        "Số hồ sơ trực tuyến", "Số camera kết nối", "", "Chỉ tiêu", "năm 2026", "",
        "Cơ quan chủ trì", "", "85000", "", "Văn phòng", "", "12000", "", "Bộ phận Một cửa",
        "", "150", "", "Công an xã", "",
    ]), "cells").rows
    assert len([r for r in rows if r.table is not None]) == 4
    assert [r.texts[2] for r in rows[1:4]] == ["85000", "12000", "150"]


def test_pdftotext_the_same_agencys_lines_for_every_row_are_one_cell_each() -> None:
    # "Các tổ đại biểu" / "HĐND xã" printed for each of two rows: a cell each (joined after
    # the fewest words, "HĐND xã Các tổ đại biểu" was one row's)
    rows = read_text("\n".join([
        "STT", "1", "2", "", "Nhiệm vụ", "Giám sát bộ phận một cửa", "Giám sát chợ", "",
        "Cơ quan chủ", "trì", "Các tổ đại biểu", "HĐND xã", "Các tổ đại biểu", "HĐND xã", "",
    ]), "cells").rows
    assert [r.texts[2] for r in rows[1:3]] == ["Các tổ đại biểu HĐND xã"] * 2


def test_pdftotext_a_line_with_room_for_the_next_is_no_wrap_of_one_cell() -> None:
    # a task's last line ("Zalo") written between two lines of the agency beside it: in the
    # agency's cell, "thôn, bản" would have fitted after "Zalo" on its line, so the two are
    # not one cell's in a row — the name's (it was the agency's, after "số của các")
    text = "\n".join([
        "II. NHIỆM VỤ", "ST", "T", "1", "2", "", "Cơ quan chủ", "trì", "Tổ công nghệ",
        "Hướng dẫn người dân cài đặt ứng dụng", "số của các", "Zalo", "thôn, bản",
        "Mở lớp kỹ năng số cho người cao tuổi Đoàn Thanh", "tại nhà văn hóa", "niên",
        "Nhiệm vụ", "", "III. TỔ CHỨC THỰC HIỆN", "", "Thời gian", "hoàn thành", "Quý",
        "III/2026", "Quý", "IV/2026", ""])
    rows = [r.texts for r in read_text(text, "cells").rows if r.table is not None]
    assert rows[1:] == [
        ["1", "Tổ công nghệ số của các thôn, bản", "Hướng dẫn người dân cài đặt ứng dụng Zalo",
         "Quý III/2026"],
        ["2", "Đoàn Thanh niên", "Mở lớp kỹ năng số cho người cao tuổi tại nhà văn hóa",
         "Quý IV/2026"]]


def test_pdftotext_fewer_cells_than_rows_given_to_the_first_rows_is_said() -> None:
    # one support for two rows: it goes to the first row, but it may be the second's (the
    # text keeps no trace of an empty cell) — said on each row; every row's lead: no word
    text = "\n".join([
        "STT", "1", "2", "", "Nhiệm vụ", "Lắp camera tại chợ", "Phủ sóng 5G", "",
        "Cơ quan chủ", "trì", "Phòng Kinh tế", "Văn phòng", "", "Cơ quan phối", "hợp",
        "Viettel", "", "Thời gian", "hoàn thành", "Quý II/2026", "Quý IV/2026", ""])
    body = [r for r in read_text(text, "cells").rows if r.table is not None][1:]
    assert [r.texts[3] for r in body] == ["Viettel", ""]
    assert all(r.warnings == ["cell_placement_uncertain:Cơ quan phối hợp"] for r in body)


def test_pdftotext_a_units_symbol_alone_is_no_target() -> None:
    # a "%" alone in its block after the targets' label, the unit column awaiting its second
    # cell: the unit's, not the first target (the targets were one row off, the last lost)
    text = "\n".join([
        "PHỤ LỤC", "CHỈ TIÊU NĂM 2026", "STT", "", "Đơn vị", "tính", "%", "", "Chỉ tiêu", "",
        "1", "", "Tỷ lệ hộ dùng nước sạch", "", "2", "", "Tỷ lệ trường có Internet", "",
        "Chỉ tiêu", "năm 2026", "", "%", "", "Cơ quan chủ trì", "", "≥ 95", "",
        "Phòng Kinh tế", "", "100", "", "Phòng Văn hóa - Xã hội", ""])
    rows = [r.texts for r in read_text(text, "cells").rows if r.table is not None]
    assert rows[1:] == [["1", "%", "Tỷ lệ hộ dùng nước sạch", "≥ 95", "Phòng Kinh tế"],
                        ["2", "%", "Tỷ lệ trường có Internet", "100", "Phòng Văn hóa - Xã hội"]]


def test_pdftotext_a_figure_with_its_thousands_apart_is_no_row_number() -> None:
    # "1.500" alone in its block under rows numbered "1", "2": a target, not a row "1.500"
    # (it made a row of its own, the target lost)
    rows = read_text("\n".join([
        "STT", "1", "2", "", "Chỉ tiêu", "Số doanh nghiệp số", "Tỷ lệ hộ có cáp quang", "",
        "Đơn vị", "tính", "Doanh nghiệp", "%", "", "Chỉ tiêu", "năm 2026", "", "1.500", "",
        "≥ 80", "", "Cơ quan chủ trì", "Sở Tài chính", "Sở Khoa học và", "Công nghệ", "",
    ]), "cells").rows
    body = [r.texts for r in rows if r.table is not None][1:]
    assert [r[3] for r in body] == ["1.500", "≥ 80"]


@pytest.mark.parametrize("rows_units", [1, 2])
def test_pdftotext_a_unit_wrapped_the_same_for_every_row_stays_one_unit(rows_units: int) -> None:
    # "%" / "/năm" for each row (and for a table of one row): the unit "%/năm", its lines
    # read as a unit column's are (was "% /năm", the lines joined as they came)
    names = ["Tăng thu ngân sách trên địa bàn", "Tăng tổng giá trị sản xuất"][:rows_units]
    rows = read_text("\n".join([
        "STT", *[str(k) for k in range(1, rows_units + 1)], "", "Chỉ tiêu", *names, "",
        "Đơn vị", "tính", *["Mbps", "/thuê bao"] * rows_units, "", "Chỉ tiêu", "năm 2026", "",
        "Cơ quan chủ trì", "", *["≥ 12", "", "Phòng Kinh tế", ""] * rows_units,
    ]), "cells").rows
    assert [r.texts[2] for r in rows[1:1 + rows_units]] == ["Mbps/thuê bao"] * rows_units


def test_pdftotext_a_name_filling_the_widest_line_is_no_wrap_before_a_long_first_word() -> None:
    # a one-line name as wide as the column's widest line, then a name opening with a long
    # word, then a name wrapped before its last word ("… Côn Sơn Kiếp" / "Bạc"): the wrap is
    # the join (the widest line's room was the most below zero, its next row's name taken)
    rows = read_text("\n".join([
        "II. CHỈ TIÊU", "STT", "1", "2", "3", "", "Chỉ tiêu",
        "Tỷ lệ văn bản đi được ký số trên hệ thống điều hành",
        "Doanh nghiệp nhỏ và vừa dùng hóa đơn điện tử",
        "Số lượt khách tham quan khu di tích Côn Sơn Kiếp", "Bạc", "",
        "Đơn vị", "tính", "%", "DN", "Lượt", "",
    ]), "cells").rows
    assert [r.texts[1] for r in rows[2:5]] == [
        "Tỷ lệ văn bản đi được ký số trên hệ thống điều hành",
        "Doanh nghiệp nhỏ và vừa dùng hóa đơn điện tử",
        "Số lượt khách tham quan khu di tích Côn Sơn Kiếp Bạc"]


def test_pdftotext_a_small_target_alone_in_its_block_is_no_row_number() -> None:
    # targets "4" / "6" / "8,5", each alone in its block between the leads, after three rows'
    # numbers: "4" and "6" are no fourth and fifth rows while the targets' column awaits its
    # cells (were rows "4" and "6", the targets and leads moved)
    rows = read_text("\n".join([
        "II. CHỈ TIÊU", "STT", "1", "2", "3", "", "Chỉ tiêu",
        "Số nhà văn hóa thôn được sửa chữa", "Số km kênh mương được kiên cố hóa",
        "Tỷ lệ trẻ em suy dinh dưỡng", "", "Đơn vị", "tính", "Nhà", "km", "%", "",
        "Chỉ tiêu", "năm 2026", "", "Cơ quan chủ trì", "", "4", "", "Phòng Văn hóa", "", "6",
        "", "Phòng Kinh tế", "", "8,5", "", "Trạm Y tế", "", "III. TỔ CHỨC THỰC HIỆN", "x",
    ]), "cells").rows
    table = [r.texts for r in rows if r.table is not None]
    assert [r[0] for r in table[1:]] == ["1", "2", "3"]
    assert [r[3] for r in table[1:]] == ["4", "6", "8,5"]


def test_pdftotext_a_bodys_word_alone_ends_the_name_before_an_agency() -> None:
    # two narrow agency columns side by side, their lines written by height: "Văn phòng Bộ
    # Các đơn vị thuộc" / "Bộ" is "Văn phòng Bộ" beside "Các đơn vị thuộc Bộ" ("Bộ" alone
    # opens no ministry's name; it was cut before "Bộ": "Văn phòng" + "Bộ", "Bộ Các đơn vị
    # thuộc")
    text = "\n".join([
        "STT", "1", "2", "", "Nhiệm vụ", "Vận hành hệ thống thông tin về nhà ở",
        "Số hóa hồ sơ cấp phép xây dựng", "", "Cơ quan chủ", "Cơ quan phối", "trì", "hợp",
        "Trung tâm Công Các cục, vụ", "nghệ thông tin", "thuộc Bộ",
        "Văn phòng Bộ Các đơn vị thuộc", "Bộ", "", "Thời gian", "hoàn thành", "Quý III/2026",
        "Quý IV/2026", ""])
    body = [r.texts for r in read_text(text, "cells").rows if r.table is not None][1:]
    assert [(r[2], r[3]) for r in body] == [
        ("Trung tâm Công nghệ thông tin", "Các cục, vụ thuộc Bộ"),
        ("Văn phòng Bộ", "Các đơn vị thuộc Bộ")]


def test_pdftotext_a_ministry_whose_own_name_opens_an_agency_is_one_name() -> None:
    # "Bộ" before "Công an": its own name ("Bộ Công an"), not a name ending in "Bộ" beside
    # "Công an" — only a collective after it ("Các đơn vị …") opens no name of its own
    # (review r2 B 2)
    text = "\n".join([
        "STT", "1", "2", "", "Nhiệm vụ", "Cập nhật cơ sở dữ liệu hộ tịch",
        "Cấp căn cước cho công dân lưu động", "", "Cơ quan chủ", "Cơ quan phối", "trì", "hợp",
        "Sở Nội vụ Công an tỉnh", "Sở Xây dựng Bộ Công an", "", "Thời gian", "hoàn thành",
        "Quý II/2026", "Quý III/2026", ""])
    body = [r.texts for r in read_text(text, "cells").rows if r.table is not None][1:]
    assert [(r[2], r[3]) for r in body] == [
        ("Sở Nội vụ", "Công an tỉnh"), ("Sở Xây dựng", "Bộ Công an")]


def test_pdftotext_a_name_after_its_number_waiting_for_the_names_label_is_no_label() -> None:
    # each row's number then its name, the names' label printed after them: "Báo cáo tiến độ
    # phủ sóng" (its "tiến độ" a deadline label's word) right after "2" is the second row's
    # name, not a column (the deadlines went into the second row's name)
    text = "\n".join([
        "ST", "T", "1", "", "Lắp trạm phát sóng tại đảo Trần", "", "2", "",
        "Báo cáo tiến độ phủ sóng", "", "Nhiệm vụ", "", "Cơ quan chủ", "trì", "Phòng Kinh tế",
        "Văn phòng", "HĐND và", "UBND", "", "Cơ quan phối", "hợp", "Viettel", "", "Thời gian",
        "hoàn thành", "Quý I/2027", "Thường", "xuyên", ""])
    rows = [r.texts for r in read_text(text, "cells").rows if r.table is not None]
    assert rows[0] == ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
                       "Thời gian hoàn thành"]
    assert [(r[1], r[4]) for r in rows[1:]] == [
        ("Lắp trạm phát sóng tại đảo Trần", "Quý I/2027"),
        ("Báo cáo tiến độ phủ sóng", "Thường xuyên")]


def test_pdftotext_a_year_block_while_the_deadlines_await_their_cells_is_theirs() -> None:
    # "Năm 2026" reads as a year column's label; after the deadlines' label, with their
    # cells not all read and no figure under it, it is their next cell, not a sixth column
    # (row 3's support printed after it, as pdftotext writes a cell lower in its row)
    rows = _rows([
        "TT", "1", "", "2", "", "3", "", "Nhiệm vụ", "", "Cơ quan chủ trì", "",
        "Cơ quan phối hợp", "", "Lập quy hoạch chung đô thị", "", "Cục Quy hoạch", "",
        "Vụ Pháp chế", "", "Hướng dẫn định mức dự toán", "", "Cục Kinh tế", "",
        "Vụ Tài chính", "", "Tổng kết cấp phép trực tuyến", "", "Cục Quản lý xây dựng", "",
        "Thời hạn", "Quý II/2026", "Tháng", "8/2026", "", "Năm 2026", "", "Văn phòng Bộ",
    ])
    assert rows[0] == ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]
    assert ["3", "Tổng kết cấp phép trực tuyến", "Cục Quản lý xây dựng", "Văn phòng Bộ",
            "Năm 2026"] in rows


def test_pdftotext_a_year_block_after_another_columns_cell_says_its_row_is_a_guess() -> None:
    # review r2 R4: the deadlines' label with no cell under it, then row 2's support, then
    # the deadlines "Quý" / "III/2026" and "Năm 2026" (printed for row 1): which row each
    # is, the blocks' order after another column's cell does not tell — said on each row,
    # never a silent placement
    text = "\n".join([
        "Phụ lục III", "", "NHIỆM VỤ PHÁT TRIỂN DỮ LIỆU SỐ", "ST", "T", "1", "2", "",
        "Nhiệm vụ", "Xây dựng kho dữ liệu dùng chung của", "Thành phố",
        "Kết nối dữ liệu đất đai với Cơ sở dữ liệu", "quốc gia về dân cư", "",
        "Cơ quan chủ", "trì", "Sở Khoa học và", "Công nghệ", "Sở Nông nghiệp",
        "và Môi trường", "", "Cơ quan phối", "hợp", "Các sở, ngành", "", "Thời gian",
        "hoàn thành", "", "Công an thành", "phố", "", "Quý", "III/2026", "", "Năm 2026", ""])
    body = [r for r in read_text(text).rows if r.texts and r.texts[0] in {"1", "2"}]
    assert len(body) == 2
    assert all("cell_placement_uncertain:Thời gian hoàn thành" in r.warnings for r in body)


def test_pdftotext_a_columns_cells_after_another_columns_later_row_say_their_rows_are_a_guess(
        ) -> None:
    # the targets' label alone, then row 2's unit, then the two targets: pdftotext wrote a
    # lower row's cell before them, so which row each target is the order does not prove
    text = "\n".join([
        "Phụ lục II", "", "CHỈ TIÊU CHỦ YẾU NĂM 2026", "ST", "T", "", "Chỉ tiêu", "", "1",
        "", "Tỷ lệ hồ sơ trực tuyến toàn trình", "", "2", "",
        "Tỷ lệ người dân dùng ví điện tử", "", "Đơn vị", "tính", "%", "", "Chỉ tiêu",
        "năm 2026", "", "%", "", "≥ 60", "", "≥ 70", "", "Cơ quan chủ trì",
        "Sở Khoa học và Công", "nghệ", "Sở Công Thương", ""])
    body = [r for r in read_text(text).rows if r.texts and r.texts[0] in {"1", "2"}]
    assert [r.texts[3] for r in body] == ["≥ 60", "≥ 70"]
    assert all("cell_placement_uncertain:Chỉ tiêu năm 2026" in r.warnings for r in body)
    assert not any("cell_placement_uncertain:Đơn vị tính" in r.warnings for r in body)


def test_pdftotext_a_rows_rest_under_the_header_printed_again_is_joined_to_it() -> None:
    # a page break cut the last row's agencies ("Sở Nông" / "nghiệp và Môi trường"): the next
    # page prints the header again with only the rest of those cells under it, no row number
    # — each rest goes on its column's cell of the row above, never dropped
    text = "\n".join([
        "Phụ lục II", "NHIỆM VỤ CHUYỂN ĐỔI SỐ NÔNG NGHIỆP", "ST", "T", "", "Nhiệm vụ", "",
        "1", "", "Xây dựng bản đồ số vùng trồng", "", "2", "", "Truy xuất nguồn gốc nông sản",
        "", "Cơ quan chủ", "trì", "Sở Khoa học và", "Công nghệ", "Sở Nông", "",
        "Cơ quan phối", "hợp", "Sở Tài chính", "Sở Công", "", "Thời gian", "hoàn thành",
        "Quý III/2026", "Năm 2026", "", "ST", "T", "", "Nhiệm vụ", "", "Cơ quan chủ", "trì",
        "nghiệp và Môi trường", "", "Cơ quan phối", "hợp", "Thương", "", "Thời gian",
        "hoàn thành", ""])
    rows = read_text(text, agencies=default_gazetteer).rows
    body = [r for r in rows if r.table is not None and r.texts[0] in {"1", "2"}]
    assert [r.texts for r in body] == [
        ["1", "Xây dựng bản đồ số vùng trồng", "Sở Khoa học và Công nghệ", "Sở Tài chính",
         "Quý III/2026"],
        ["2", "Truy xuất nguồn gốc nông sản", "Sở Nông nghiệp và Môi trường", "Sở Công Thương",
         "Năm 2026"]]
    assert "row_joined_across_pages" in body[1].warnings
    assert sum(r.texts[0] == "STT" for r in rows) == 1


def test_pdftotext_a_cells_rest_over_the_next_rows_cell_under_the_header_again() -> None:
    # the next page's header printed again, under its lead label the rest of the cut row's
    # lead ("Trung tâm Phục vụ" / "hành chính công") before row 2's own lead
    text = "\n".join([
        "ST", "T", "1", "", "Chỉ tiêu", "Tỷ lệ hồ sơ được số hóa", "", "Đơn vị", "tính", "%",
        "", "Chỉ tiêu", "năm 2026", "100", "", "Cơ quan chủ trì", "Trung tâm Phục vụ", "",
        "ST", "T", "2", "", "Chỉ tiêu", "Số thủ tục cắt giảm", "", "Đơn vị", "tính", "Thủ tục",
        "", "Chỉ tiêu", "năm 2026", "15", "", "Cơ quan chủ trì", "hành chính công",
        "Văn phòng HĐND và", "UBND", ""])
    rows = [r for r in read_text(text).rows if r.table is not None]
    body = [r for r in rows if r.texts[0] in {"1", "2"}]
    assert [r.texts[-1] for r in body] == ["Trung tâm Phục vụ hành chính công",
                                          "Văn phòng HĐND và UBND"]
    assert body[0].warnings == ["row_joined_across_pages"]


def test_pdftotext_a_header_over_no_row_number_keeps_its_cells() -> None:
    # no row number under the labels and no table before: the cells are kept as lines of
    # their own and named in a warning, never dropped
    text = "\n".join(["ST", "T", "", "Nhiệm vụ", "", "Cơ quan chủ", "trì", "Sở Tài chính",
                      "", "Cơ quan phối", "hợp", "Kho bạc Nhà nước", "", "Thời gian",
                      "hoàn thành", "Năm 2026", ""])
    doc = read_text(text)
    printed = " ".join(" ".join(r.texts) for r in doc.rows)
    assert all(t in printed for t in ("Sở Tài chính", "Kho bạc Nhà nước", "Năm 2026"))


def test_pdftotext_a_whole_lower_case_cell_under_the_header_again_stays_its_rows() -> None:
    # review r1 F1: row 1 complete on page 1; row 2's own support opens in lower case ("các
    # phòng, ban liên quan"): one cell for one row is no cut row's rest — it stays row 2's
    text = "\n".join([
        "ST", "T", "1", "", "Nhiệm vụ", "Tỷ lệ hồ sơ được số hóa", "",
        "Cơ quan chủ trì", "Văn phòng UBND", "", "Cơ quan phối hợp", "Sở Tư pháp", "",
        "ST", "T", "2", "", "Nhiệm vụ", "Số thủ tục cắt giảm", "",
        "Cơ quan chủ trì", "Trung tâm Phục vụ hành chính công", "",
        "Cơ quan phối hợp", "các phòng, ban liên quan", ""])
    body = [r for r in read_text(text).rows if r.table is not None and r.texts[0] in "12"]
    assert [r.texts[3] for r in body] == ["Sở Tư pháp", "các phòng, ban liên quan"]
    assert not any("row_joined_across_pages" in r.warnings for r in body)


def test_pdftotext_whole_rows_under_the_header_again_are_not_glued_to_the_row_above() -> None:
    # review r1 F4: page 2 repeats the header over two unnumbered whole rows — capitalised
    # whole cells, dates: none a cut row's rest; row 2 stays as printed, page 2's cells are
    # kept as lines of their own (warned), never merged into it
    text = "\n".join([
        "ST", "T", "1", "", "2", "", "Nhiệm vụ", "Số hóa hồ sơ hộ tịch", "",
        "Cập nhật dữ liệu đất đai", "", "Cơ quan chủ", "trì", "Phòng Văn hóa - Xã hội", "",
        "Phòng Kinh tế", "", "Thời gian", "hoàn thành", "Quý II/2026", "Quý III/2026", "",
        "ST", "T", "", "Nhiệm vụ", "Đo đạc bản đồ địa chính", "",
        "Cấp giấy chứng nhận quyền sử dụng đất", "", "Cơ quan chủ", "trì",
        "Văn phòng đăng ký đất đai", "", "Phòng Kinh tế", "", "Thời gian", "hoàn thành",
        "Quý IV/2026", "Năm 2027", ""])
    doc = read_text(text)
    body = [r for r in doc.rows if r.table is not None and r.texts[0] in {"1", "2"}]
    assert body[1].texts == ["2", "Cập nhật dữ liệu đất đai", "Phòng Kinh tế", "Quý III/2026"]
    printed = " ".join(" ".join(r.texts) for r in doc.rows)
    assert all(t in printed for t in ("Đo đạc bản đồ địa chính", "Năm 2027",
                                      "Văn phòng đăng ký đất đai"))
    assert any(w.startswith("cells_text_unplaced") for w in doc.warnings)


_PAGE1 = ["ST", "T", "1", "", "Nhiệm vụ", "Tỷ lệ hồ sơ được số hóa", "", "Cơ quan chủ trì",
          "Văn phòng UBND", "", "Cơ quan phối hợp", "Sở Tư pháp", ""]


def test_pdftotext_a_lower_case_whole_cell_over_no_row_number_is_no_rest() -> None:
    # review r2 G2: page 2's row unnumbered, its support "các phòng, ban liên quan" under a
    # finished "Sở Tư pháp": not joined to row 1, kept among page 2's unplaced cells
    doc = read_text("\n".join([
        *_PAGE1, "ST", "T", "", "Nhiệm vụ", "Số thủ tục cắt giảm", "", "Cơ quan chủ trì",
        "Trung tâm Phục vụ hành chính công", "", "Cơ quan phối hợp",
        "các phòng, ban liên quan", ""]), agencies=default_gazetteer)
    body = [r for r in doc.rows if r.table is not None and r.texts[0] == "1"]
    assert body[0].texts[3] == "Sở Tư pháp"
    assert "các phòng, ban liên quan" in [" ".join(r.texts) for r in doc.rows]


def test_pdftotext_a_finished_cell_ending_in_a_date_word_takes_no_rest() -> None:
    # review r2 G2 addendum: "… hằng năm" / "Hằng năm" end in a word a phrase may end with:
    # page 2's unnumbered row is not glued to row 2
    doc = read_text("\n".join([
        "ST", "T", "1", "", "2", "", "Nhiệm vụ", "Số hóa hồ sơ hộ tịch", "",
        "Tổng kết công tác chuyển đổi số hằng năm", "", "Cơ quan chủ", "trì",
        "Phòng Văn hóa - Xã hội", "", "Văn phòng HĐND và UBND", "", "Thời gian", "hoàn thành",
        "Quý II/2026", "Hằng năm", "", "ST", "T", "", "Nhiệm vụ", "Đo đạc bản đồ địa chính", "",
        "", "Cơ quan chủ", "trì", "Phòng Kinh tế", "", "Thời gian", "hoàn thành",
        "Quý IV/2026", ""]), agencies=default_gazetteer)
    row2 = next(r for r in doc.rows if r.table is not None and r.texts[0] == "2")
    assert row2.texts[1:] == ["Tổng kết công tác chuyển đổi số hằng năm",
                              "Văn phòng HĐND và UBND", "Hằng năm"]


def test_pdftotext_a_cut_rest_over_a_page_with_an_empty_cell_is_joined_and_said() -> None:
    # review r2 G6: "Sở Nông nghiệp" / "và Môi trường" (a cell never opens with "và") on a
    # page whose row 3 has no support: joined to row 1; the page's one support for two rows
    # said uncertain, no value shifted silently
    doc = read_text("\n".join([
        "ST", "T", "1", "", "Nhiệm vụ", "Tỷ lệ hồ sơ được số hóa", "", "Cơ quan chủ trì",
        "Văn phòng UBND", "", "Cơ quan phối hợp", "Sở Nông nghiệp", "", "ST", "T", "2", "",
        "3", "", "Nhiệm vụ", "Số thủ tục cắt giảm", "", "Cập nhật dữ liệu dân cư", "",
        "Cơ quan chủ trì", "Trung tâm Phục vụ hành chính công", "", "Công an xã", "",
        "Cơ quan phối hợp", "và Môi trường", "", "Sở Tư pháp", ""]), agencies=default_gazetteer)
    body = {r.texts[0]: r for r in doc.rows if r.table is not None and r.texts[0] in "123"}
    assert body["1"].texts[3] == "Sở Nông nghiệp và Môi trường"
    assert "row_joined_across_pages" in body["1"].warnings
    assert all("cell_placement_uncertain:Cơ quan phối hợp" in body[k].warnings
               for k in ("2", "3"))


def test_pdftotext_one_wrapped_agency_line_per_row_says_its_rows_are_a_guess() -> None:
    # a support cell wrapped over two lines ("Các phòng thuộc" / "Sở") for two rows, the
    # second empty: as many lines as rows, one naming no agency by itself — one cell
    # wrapped or a cell each, the text does not tell (it was a cell each, silently)
    doc = read_text("\n".join([
        "Phụ lục", "", "STT", "", "Nhiệm vụ", "", "1", "", "Chuẩn hóa dữ liệu đất đai", "",
        "2", "", "Rà soát thủ tục đăng ký đất đai", "", "Cơ quan chủ", "trì",
        "Văn phòng Đăng ký đất đai", "Thanh tra Sở", "", "Cơ quan phối", "hợp",
        "Các phòng thuộc", "Sở", "", "Thời gian", "hoàn thành", "Quý III/2026",
        "Trước ngày 30/9/2026", ""]), agencies=default_gazetteer)
    body = [r for r in doc.rows if r.table is not None and r.texts[0] in ("1", "2")]
    assert len(body) == 2
    assert all("cell_placement_uncertain:Cơ quan phối hợp" in r.warnings for r in body)


def test_pdftotext_agency_cells_no_column_took_say_the_header_lost_labels() -> None:
    # raw_dev7's city department table in flagless text: the agency and progress labels
    # printed above the number's label, the header holding "Số TT", "Tên nhiệm vụ", "Kết quả
    # đầu ra" only; the agencies and dates no column took make every row a guess (the rows'
    # cells were shifted silently: a row named "Quý II/2026")
    path = (Path(__file__).resolve().parents[1] / "fixtures" / "real" / "raw_dev7"
            / "so_xay_dung_tp_can_tho_nhiem_vu_dai.pdftotext.txt")
    doc = read_text(path.read_text(encoding="utf-8"), agencies=default_gazetteer)
    body = [r for r in doc.rows if r.table is not None and r.texts[0] in ("1", "2", "3")]
    assert len(body) == 3
    assert all(any(w.startswith("cell_placement_uncertain") for w in r.warnings)
               for r in body)
