"""The national header block, in every shape a reader delivers it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu.core.letterhead import (
    document_kind,
    is_document_kind,
    is_national_line,
    issuer_bodies,
    opens_body,
    place_of,
    read_letterhead,
    roman_heading,
    written_body,
)
from chitieu.core.types import Cell, RawRow


def _rows(*lines: str, bold: bool = False) -> list[RawRow]:
    return [RawRow(cells=[Cell(t, bold=bold)]) for t in lines]


ACROSS = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "XÃ TAM ĐẢO Độc lập - Tự do - Hạnh phúc",
          "Số: 17/KH-UBND Tam Đảo, ngày 09 tháng 9 năm 2026")
# a DOCX table: the left column's lines, then the right column's
COLUMNS = ("ỦY BAN NHÂN DÂN", "XÃ TAM ĐẢO", "Số: 17/KH-UBND",
           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
           "Tam Đảo, ngày 09 tháng 9 năm 2026")
# a PDF: both columns by height, the national name wrapped in a narrow column
INTERLEAVED = ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", "NAM", "XÃ TAM ĐẢO",
               "Độc lập - Tự do - Hạnh phúc", "Số: 17/KH-UBND",
               "Tam Đảo, ngày 09 tháng 9 năm 2026")


# a reader that took the right column first, rules printed under both columns
RIGHT_FIRST = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
               "---------------", "Tam Đảo, ngày 09 tháng 9 năm 2026", "ỦY BAN NHÂN DÂN",
               "XÃ TAM ĐẢO", "-------", "Số: 17/KH-UBND")

# a narrow right column wrapped the national name after "XÃ HỘI" (was the issuer "CHỦ NGHĨA
# VIỆT NAM xã HỘI": its first half read as a commune named "Hội"): columns one after the
# by rows (both cells of the first row, then the second's), read across with a tab, and a
# law portal's page copied as text, its cells ending "|"
SPLIT_NATION = ("ỦY BAN NHÂN DÂN", "XÃ TAM ĐẢO", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "Số: 17/KH-UBND",
                "Tam Đảo, ngày 09 tháng 9 năm 2026")
SPLIT_ACROSS = ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI", "XÃ TAM ĐẢO\tCHỦ NGHĨA VIỆT NAM",
                "Số: 17/KH-UBND\tĐộc lập - Tự do - Hạnh phúc",
                "Tam Đảo, ngày 09 tháng 9 năm 2026")
PORTAL_COPY = ("|", "ỦY BAN NHÂN DÂN", "XÃ TAM ĐẢO |", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM",
               "Độc lập - Tự do - Hạnh phúc |", "|", "Số: 17/KH-UBND |",
               "Tam Đảo, ngày 09 tháng 9 năm 2026 |")


@pytest.mark.parametrize("header", [ACROSS, COLUMNS, INTERLEAVED, RIGHT_FIRST, SPLIT_NATION,
                                    SPLIT_ACROSS, PORTAL_COPY])
def test_the_block_reads_the_same_in_every_shape(header: tuple[str, ...]) -> None:
    head = read_letterhead(_rows(*header, "KẾ HOẠCH", "Phát triển du lịch cộng đồng năm 2026",
                                 "Căn cứ Kế hoạch số 88/KH-UBND ngày 01/8/2026 của UBND tỉnh;"))
    assert head is not None
    assert head.issuer == ["ỦY BAN NHÂN DÂN", "XÃ TAM ĐẢO"]
    assert head.number == "Số: 17/KH-UBND"
    assert head.dated == "ngày 09 tháng 9 năm 2026"
    assert head.kind == "KẾ HOẠCH"
    assert head.title == ["Phát triển du lịch cộng đồng năm 2026"]


def test_a_tab_between_the_columns_and_a_spaced_number() -> None:
    head = read_letterhead(_rows("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                 "PHƯỜNG CAM ĐƯỜNG\tĐộc lập - Tự do - Hạnh phúc",
                                 "Số: 277 /KH-UBND\tCam Đường, ngày 14 / 7 /2026"))
    assert head is not None and head.kind is None
    assert (head.number, head.dated) == ("Số: 277 /KH-UBND", "ngày 14 / 7 /2026")


def test_title_ends_at_the_body_or_at_plain_text_under_bold() -> None:
    rows = _rows(*ACROSS) + _rows("CHƯƠNG TRÌNH", "Hành động năm 2026", bold=True)
    rows += _rows("Thực hiện Nghị quyết số 05/NQ-HĐND ngày 10/12/2025;", "I. MỤC TIÊU")
    assert read_letterhead(rows).title == ["Hành động năm 2026"]


@pytest.mark.parametrize("authority", [
    ("HỘI ĐỒNG NHÂN DÂN PHƯỜNG THỦ DẦU MỘT", "KHÓA I, KỲ HỌP THỨ 4"),
    ("HĐND XÃ TAM ĐẢO", "KHÓA I, KỲ HỌP THỨ NĂM"),
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TAM ĐẢO",),
    ("TRƯỞNG BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ XÃ TAM ĐẢO",),
])
def test_the_enacting_authority_under_the_title_ends_it(authority: tuple[str, ...]) -> None:
    """A resolution or decision prints who enacts it between its title and its body."""
    rows = _rows(*ACROSS) + _rows("NGHỊ QUYẾT", "Về kế hoạch phát triển kinh tế - xã hội năm 2026",
                                  *authority, bold=True)
    rows += _rows("Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;")
    assert read_letterhead(rows).title == ["Về kế hoạch phát triển kinh tế - xã hội năm 2026"]


def test_the_line_under_the_kind_is_the_title_even_read_as_plain() -> None:
    """A scan's bold is a guess: the kind and the enacting body read bold, the title line
    between them plain. Bold ends a title; it does not start one."""
    rows = _rows(*ACROSS) + _rows("NGHỊ QUYẾT", bold=True)
    rows += _rows("Về kế hoạch phát triển kinh tế - xã hội năm 2026")
    rows += _rows("HỘI ĐỒNG NHÂN DÂN XÃ TAM ĐẢO", bold=True)
    rows += _rows("Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;")
    assert read_letterhead(rows).title == ["Về kế hoạch phát triển kinh tế - xã hội năm 2026"]


def test_no_header_no_letterhead() -> None:
    assert read_letterhead(_rows("PHỤ LỤC I", "CHỈ TIÊU NĂM 2026")) is None
    # a letterhead without the national block nor a number is no national header
    assert read_letterhead(_rows("ỦY BAN NHÂN DÂN", "XÃ ĐÌNH LẬP", "PHỤ LỤC III")) is None


@pytest.mark.parametrize(("text", "kind"), [("KẾ HOẠCH", True), ("**Chương trình**", True),
                                             ("QUYẾT ĐỊNH", True), ("Kế hoạch số 5", False)])
def test_document_kind(text: str, kind: bool) -> None:
    assert is_document_kind(text) is kind


@pytest.mark.parametrize(("text", "value"), [("III. TỔ CHỨC THỰC HIỆN", 3), ("**IV. KINH PHÍ**", 4),
                                              ("IX. Điều khoản", 9), ("1. Mục đích", None),
                                              ("Ủy ban nhân dân", None)])
def test_roman_heading(text: str, value: int | None) -> None:
    assert roman_heading(text) == value


@pytest.mark.parametrize(("text", "body"), [("Căn cứ Luật Tổ chức chính quyền địa phương;", True),
                                             ("Thực hiện Kế hoạch số 12/KH-UBND", True),
                                             ("Thực hiện các chỉ tiêu năm 2026", False),
                                             # a decree, a circular, a law cited as the basis
                                             ("Thực hiện Nghị định số", True),
                                             ("Thực hiện Thông tư số 05/2022/TT-BNNPTNT", True)])
def test_opens_body(text: str, body: bool) -> None:
    assert opens_body(text) is body


@pytest.mark.parametrize(("lines", "bodies"), [
    (["UBND TỈNH LẠNG SƠN", "ỦY BAN NHÂN DÂN", "XÃ ĐÌNH LẬP"],
     ["UBND TỈNH LẠNG SƠN", "ỦY BAN NHÂN DÂN XÃ ĐÌNH LẬP"]),
    (["UBND TỈNH QUẢNG NINH", "SỞ Y TẾ"], ["UBND TỈNH QUẢNG NINH", "SỞ Y TẾ"]),
    (["UBND TỈNH NGHỆ AN", "SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"],
     ["UBND TỈNH NGHỆ AN", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"]),
    (["ĐẢNG BỘ TỈNH PHÚ THỌ", "ĐẢNG ỦY XÃ TAM ĐẢO"],
     ["ĐẢNG BỘ TỈNH PHÚ THỌ", "ĐẢNG ỦY XÃ TAM ĐẢO"]),
    (["UBND XÃ BÌNH MINH", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ"],
     ["UBND XÃ BÌNH MINH", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ"]),
    # a body the list does not know starts anew under one that has named its place
    (["UBND TỈNH HÀ TĨNH", "KHO BẠC NHÀ NƯỚC KHU VỰC"],
     ["UBND TỈNH HÀ TĨNH", "KHO BẠC NHÀ NƯỚC KHU VỰC"]),
    (["THỦ TƯỚNG CHÍNH PHỦ"], ["THỦ TƯỚNG CHÍNH PHỦ"]),
    # a ruled header's cell read as one line
    (["UBND TỈNH LẠNG SƠN ỦY BAN NHÂN DÂN XÃ ĐÌNH LẬP"],
     ["UBND TỈNH LẠNG SƠN", "ỦY BAN NHÂN DÂN XÃ ĐÌNH LẬP"]),
    (["UBND TỈNH QUẢNG NINH SỞ Y TẾ"], ["UBND TỈNH QUẢNG NINH", "SỞ Y TẾ"]),
    # a cell's lines joined by the reader, an office at its end (was one body, its place
    # "HOA LƯ THƯỜNG TRỰC")
    (["HỘI ĐỒNG NHÂN DÂN PHƯỜNG HOA LƯ THƯỜNG TRỰC"],
     ["HỘI ĐỒNG NHÂN DÂN PHƯỜNG HOA LƯ", "THƯỜNG TRỰC"]),
    (["UBND TỈNH LẠNG SƠN VĂN PHÒNG"], ["UBND TỈNH LẠNG SƠN", "VĂN PHÒNG"]),
    # a place's own words that fold like a body's open none
    (["ỦY BAN NHÂN DÂN PHƯỜNG YÊN SỞ"], ["ỦY BAN NHÂN DÂN PHƯỜNG YÊN SỞ"]),
    (["ỦY BAN NHÂN DÂN", "XÃ YÊN PHONG"], ["ỦY BAN NHÂN DÂN XÃ YÊN PHONG"]),
])
def test_the_left_column_is_bodies_managing_ones_first(lines: list[str], bodies: list[str]) -> None:
    assert issuer_bodies(lines) == bodies


@pytest.mark.parametrize(("body", "written", "place"), [
    ("SỞ Y TẾ", "Sở Y tế", None),
    ("UBND TỈNH QUẢNG NINH", "Ủy ban nhân dân tỉnh QUẢNG NINH", "tỉnh QUẢNG NINH"),
    ("ỦY BAN NHÂN DÂN ĐẶC KHU PHÚ QUỐC", "Ủy ban nhân dân đặc khu PHÚ QUỐC", "đặc khu PHÚ QUỐC"),
    ("UBND TP. HỒ CHÍ MINH", "Ủy ban nhân dân thành phố HỒ CHÍ MINH", "thành phố HỒ CHÍ MINH"),
    ("BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", "Ban Chỉ đạo chuyển đổi số", None),
    ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ", None),
    ("Ủy ban nhân dân xã Vũ Dương", "Ủy ban nhân dân xã Vũ Dương", "xã Vũ Dương"),
    # "XÂY" folds to "xay": no "xã" (was "Ban xâ Y DỰNG ĐẢNG", its place "Y DỰNG ĐẢNG")
    ("BAN XÂY DỰNG ĐẢNG", "Ban Xây dựng Đảng", None),
    ("BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG", "Ban Quản lý dự án đầu tư xây dựng", None),
    ("PHÒNG VĂN HÓA - XÃ HỘI", "Phòng Văn hóa - Xã hội", None),
    ("UBND TP.HỒ CHÍ MINH", "Ủy ban nhân dân thành phố HỒ CHÍ MINH", "thành phố HỒ CHÍ MINH"),
])
def test_a_body_in_capitals_as_written(body: str, written: str, place: str | None) -> None:
    assert written_body(body) == written
    assert place_of(body) == place


@pytest.mark.parametrize(("text", "kind"), [
    ("KẾ HOẠCH", ("KẾ HOẠCH", "")),
    ("KẾ HOẠCH Chuyển đổi số năm 2026", ("KẾ HOẠCH", "Chuyển đổi số năm 2026")),
    ("**CHƯƠNG TRÌNH Hành động năm 2026**", ("CHƯƠNG TRÌNH", "Hành động năm 2026")),
    ("Kế hoạch số 12/KH-UBND ngày 05/3/2026", None),  # a sentence, not the kind
    ("Kế hoạch này được triển khai", None),
    # a programme named by its number, a steering committee's name's last line (was the
    # kind "ĐỀ ÁN": the header ended there, its number and date unread)
    ("ĐỀ ÁN 06", None),
    ("ĐỀ ÁN 06\tCao Bằng, ngày 06 tháng 3 năm 2026", None),
    ("CHƯƠNG TRÌNH 135", None),
    ("CHƯƠNG TRÌNH 135 GIAI ĐOẠN III", None),
    # a title opening with a period: the number is the title's (was no kind: no title)
    ("KẾ HOẠCH 5 NĂM", ("KẾ HOẠCH", "5 NĂM")),
    ("KẾ HOẠCH 100 NGÀY CAO ĐIỂM", ("KẾ HOẠCH", "100 NGÀY CAO ĐIỂM")),
    ("BÁO CÁO 6 THÁNG ĐẦU NĂM 2026", ("BÁO CÁO", "6 THÁNG ĐẦU NĂM 2026")),
    ("KẾ HOẠCH 3 tháng cao điểm", ("KẾ HOẠCH", "3 tháng cao điểm")),
    # "NĂM" before a year is the programme's year, not a period (review r2 R11: the line
    # was a title, the committee's number and date lost); a span of years stays a title
    ("ĐỀ ÁN 06 NĂM 2026", None),
    ("ĐỀ ÁN 06 NĂM 2026\tCao Bằng, ngày 06 tháng 3 năm 2026", None),
    ("KẾ HOẠCH 5 NĂM 2026-2030", ("KẾ HOẠCH", "5 NĂM 2026-2030")),
    ("KẾ HOẠCH 5 NĂM 2026 - 2030", ("KẾ HOẠCH", "5 NĂM 2026 - 2030")),
])
def test_the_kind_and_a_title_on_its_line(text: str, kind: tuple[str, str] | None) -> None:
    assert document_kind(text) == kind


def test_a_title_on_the_kind_line_then_the_body() -> None:
    head = read_letterhead(_rows(*ACROSS, "KẾ HOẠCH Chuyển đổi số năm 2026", "",
                                 "Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh;"))
    assert (head.kind, head.title) == ("KẾ HOẠCH", ["Chuyển đổi số năm 2026"])


def test_a_kind_alone_under_the_issuer_ends_the_header_without_a_number() -> None:
    # the number lost (a scan's line unread): "KẾ HOẠCH" alone is still the kind, and a
    # kind with its title on its line after the number is one too
    head = read_letterhead(_rows("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                 "XÃ TAM ĐẢO\tĐộc lập - Tự do - Hạnh phúc", "KẾ HOẠCH",
                                 "Chuyển đổi số năm 2026", "", "I. MỤC ĐÍCH, YÊU CẦU"))
    assert (head.kind, head.title, head.issuer) == (
        "KẾ HOẠCH", ["Chuyển đổi số năm 2026"], ["ỦY BAN NHÂN DÂN", "XÃ TAM ĐẢO"])


def test_a_title_opening_with_a_period_on_the_kind_line() -> None:
    head = read_letterhead(_rows(*ACROSS, "KẾ HOẠCH 100 NGÀY CAO ĐIỂM",
                                 "Phát triển kinh tế - xã hội", "", "I. MỤC ĐÍCH, YÊU CẦU"))
    assert (head.kind, head.title) == ("KẾ HOẠCH", ["100 NGÀY CAO ĐIỂM",
                                                    "Phát triển kinh tế - xã hội"])


def test_a_title_opening_like_the_body_is_the_title() -> None:
    """"Thực hiện Nghị quyết …" right under the kind is its title; the same words after the
    title open the body."""
    head = read_letterhead(_rows(*ACROSS, "KẾ HOẠCH",
                                 "Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị",
                                 "Thực hiện Kế hoạch số 25-KH/TU của Ban Thường vụ Tỉnh ủy,"))
    assert head.title == ["Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị"]
    head = read_letterhead(_rows(*ACROSS, "KẾ HOẠCH", "Căn cứ Luật Tổ chức chính quyền;"))
    assert head.title == []


@pytest.mark.parametrize(("lines", "number", "issuer"), [
    # a Party committee: the Party's name on the right, "Số 08-KH/ĐU", a star under the body
    (("ĐẢNG BỘ TỈNH PHÚ THỌ\tĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY XÃ TAM ĐẢO",
      "*\tTam Đảo, ngày 10 tháng 3 năm 2026", "Số 08-KH/ĐU"),
     "Số 08-KH/ĐU", ["ĐẢNG BỘ TỈNH PHÚ THỌ", "ĐẢNG ỦY XÃ TAM ĐẢO"]),
    # a PDF: "Số:" and "/KH-UBND" apart, the number left blank between them
    (("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHƯỜNG LONG BIÊN", "Số:",
      "/KH-UBND", "Độc lập - Tự do - Hạnh phúc"),
     "Số: /KH-UBND", ["ỦY BAN NHÂN DÂN", "PHƯỜNG LONG BIÊN"]),
    # a scan: specks read beside the motto are not the issuer's
    (("UBND TỈNH LẠNG SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", "NAM", "ỦY BAN NHÂN DÂN",
      "x.âng ˆ Độc lập - Tự do - Hạnh phúc", "XÃ ĐÌNH LẬP", "Số: 12 /KH-UBND"),
     "Số: 12 /KH-UBND", ["UBND TỈNH LẠNG SƠN", "ỦY BAN NHÂN DÂN", "XÃ ĐÌNH LẬP"]),
    # a scan: specks read after the unit's capitals
    (("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ ĐÌNH LẬP $ciap-ˆự qanp",
      "Số: 12 /KH-UBND\tĐình Lập, ngày 05 tháng 3 năm 2026"),
     "Số: 12 /KH-UBND", ["ỦY BAN NHÂN DÂN", "XÃ ĐÌNH LẬP"]),
    # a subject line under the number is not the issuer's
    (("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "XÃ ĐÌNH LẬP\tĐộc lập - Tự do - Hạnh phúc",
      "Số: 12/UBND-VP\tĐình Lập, ngày 05 tháng 3 năm 2026", "V/v triển khai chuyển đổi số"),
     "Số: 12/UBND-VP", ["ỦY BAN NHÂN DÂN", "XÃ ĐÌNH LẬP"]),
    # a place whose level is abbreviated, after a tab and after one space
    (("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "PHƯỜNG XUÂN HÒA\tTP. Hồ Chí Minh, ngày 21 tháng 4 năm 2026", "Số: 112/KH-UBND"),
     "Số: 112/KH-UBND", ["ỦY BAN NHÂN DÂN", "PHƯỜNG XUÂN HÒA"]),
    (("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "PHƯỜNG XUÂN HÒA TP. Hồ Chí Minh, ngày 21 tháng 4 năm 2026", "Số: 112/KH-UBND"),
     "Số: 112/KH-UBND", ["ỦY BAN NHÂN DÂN", "PHƯỜNG XUÂN HÒA"]),
    # a law portal's page copied as text, a row a line, its cells apart by "|" (was the
    # issuer "| ỦY BAN NHÂN DÂN")
    (("| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
      "| XÃ ĐÌNH LẬP | Độc lập - Tự do - Hạnh phúc |",
      "| Số: 12/KH-UBND | Đình Lập, ngày 05 tháng 3 năm 2026 |"),
     "Số: 12/KH-UBND", ["ỦY BAN NHÂN DÂN", "XÃ ĐÌNH LẬP"]),
    # the number named by the document's kind, not "Số:" alone (was an issuer's line "Kế
    # hoạch": the issuer "Kế hoạch xã Đình Lập")
    (("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "XÃ ĐÌNH LẬP\tĐộc lập - Tự do - Hạnh phúc",
      "Kế hoạch số: 12/KH-UBND\tĐình Lập, ngày 05 tháng 3 năm 2026"),
     "số: 12/KH-UBND", ["ỦY BAN NHÂN DÂN", "XÃ ĐÌNH LẬP"]),
    # a steering committee's name going on with a kind's words above its number (the
    # header ended there: its number and date lost), beside the motto and alone
    (("UBND TỈNH ĐIỆN BIÊN	CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "BAN CHỈ ĐẠO CÁC	Độc lập - Tự do - Hạnh phúc",
      "CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA	Điện Biên, ngày 23 tháng 3 năm 2026",
      "Số: 15/KH-BCĐ"),
     "Số: 15/KH-BCĐ",
     ["UBND TỈNH ĐIỆN BIÊN", "BAN CHỈ ĐẠO CÁC", "CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA"]),
    (("ĐẢNG ỦY XÃ IA HRÚ\tĐẢNG CỘNG SẢN VIỆT NAM", "BAN CHỈ ĐẠO THỰC HIỆN",
      "QUY CHẾ DÂN CHỦ Ở CƠ SỞ\tIa Hrú, ngày 24 tháng 02 năm 2026", "*", "Số 03-KH/BCĐ"),
     "Số 03-KH/BCĐ", ["ĐẢNG ỦY XÃ IA HRÚ", "BAN CHỈ ĐẠO THỰC HIỆN", "QUY CHẾ DÂN CHỦ Ở CƠ SỞ"]),
    (("UBND TỈNH ĐIỆN BIÊN", "BAN CHỈ ĐẠO", "CHƯƠNG TRÌNH HÀNH ĐỘNG VỀ DỮ LIỆU",
      "Số: 15/KH-BCĐ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
     "Số: 15/KH-BCĐ",
     ["UBND TỈNH ĐIỆN BIÊN", "BAN CHỈ ĐẠO", "CHƯƠNG TRÌNH HÀNH ĐỘNG VỀ DỮ LIỆU"]),
])
def test_left_column_in_every_issuer_shape(lines: tuple[str, ...], number: str,
                                           issuer: list[str]) -> None:
    head = read_letterhead(_rows(*lines))
    assert head is not None
    assert (head.number, head.issuer) == (number, issuer)


@pytest.mark.parametrize(("text", "national"), [
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
    ("ĐẢNG CỘNG SẢN VIỆT NAM", True), ("ỦY BAN NHÂN DÂN", False),
    # the national name wrapped after "XÃ HỘI": each half
    ("CỘNG HÒA XÃ HỘI", True), ("CHỦ NGHĨA VIỆT NAM", True), ("HỘI NÔNG DÂN XÃ", False)])
def test_national_line(text: str, national: bool) -> None:
    assert is_national_line(text) is national


def test_the_rule_under_the_title_ends_it() -> None:
    head = read_letterhead(_rows(*ACROSS, "KẾ HOẠCH", "Chuyển đổi số năm 2026", "-------",
                                 "Ủy ban nhân dân xã ban hành Kế hoạch như sau"))
    assert head.title == ["Chuyển đổi số năm 2026"]


@pytest.mark.parametrize("lines", [
    # a narrow right column wrapped the year: PDF lines interleaved by height
    ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "XÃ TAM ĐẢO", "VIỆT NAM",
     "Độc lập - Tự do - Hạnh phúc", "Số: 17/KH-UBND", "Tam Đảo, ngày 09 tháng 9 năm", "2026"),
    # the same read across both columns, the year under the right one
    ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     "XÃ TAM ĐẢO\tĐộc lập - Tự do - Hạnh phúc",
     "Số: 17/KH-UBND\tTam Đảo, ngày 09 tháng 9 năm", "\t2026"),
])
def test_a_year_wrapped_onto_the_next_line_is_the_dates(lines: tuple[str, ...]) -> None:
    head = read_letterhead(_rows(*lines))
    assert head is not None
    assert head.dated == "ngày 09 tháng 9 năm 2026"
    assert head.number == "Số: 17/KH-UBND"
    assert head.issuer == ["ỦY BAN NHÂN DÂN", "XÃ TAM ĐẢO"]


def test_a_wrapped_year_under_the_left_columns_number_is_the_dates() -> None:
    """The columns read apart and interleaved by height: "Số: …" between the date and its
    year."""
    head = read_letterhead(_rows("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ỦY BAN NHÂN DÂN",
                                 "XÃ TAM ĐẢO", "Độc lập - Tự do - Hạnh phúc",
                                 "Tam Đảo, ngày 09 tháng 9 năm", "Số: 17/KH-UBND", "2026"))
    assert head is not None
    assert head.dated == "ngày 09 tháng 9 năm 2026"
    assert head.number == "Số: 17/KH-UBND"
    assert head.issuer == ["ỦY BAN NHÂN DÂN", "XÃ TAM ĐẢO"]


@pytest.mark.parametrize("lines", [
    ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     "XÃ TAM ĐẢO\tĐộc lập - Tự do - Hạnh phúc",
     "Số: 17/KH-UBND\tTam Đảo, ngày 09 tháng 9", "\tnăm 2026"),
    ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ TAM ĐẢO",
     "Độc lập - Tự do - Hạnh phúc", "Số: 17/KH-UBND", "Tam Đảo, ngày 09 tháng 9", "năm 2026"),
])
def test_a_date_wrapped_before_its_year_word_is_the_dates(lines: tuple[str, ...]) -> None:
    """A narrow right column may wrap the place-date line before "năm" as well."""
    head = read_letterhead(_rows(*lines))
    assert head is not None
    assert head.dated == "ngày 09 tháng 9 năm 2026"
    assert head.number == "Số: 17/KH-UBND"


def test_a_year_opening_the_next_line_of_prose_is_left_alone() -> None:
    head = read_letterhead(_rows(*ACROSS, "2026 là năm tăng tốc"))
    assert head is not None and head.dated == "ngày 09 tháng 9 năm 2026"


_HEADERISH = st.sampled_from(["Ủy ban nhân dân", "Đồng Hới", "½", "ﬀ", "İ", "\u0301", "‐", " "])


@given(st.lists(st.one_of(st.text(max_size=8), _HEADERISH), max_size=6).map("".join))
def test_folded_reads_each_character_as_unidecode_does(text):
    """`_folded` (one translate and a table of characters) reads each character as
    unidecode in lower case, a space where it has nothing, with the index it came from."""
    from unidecode import unidecode

    from chitieu.core import letterhead

    pieces = [unidecode(c).lower() or " " for c in text]
    where = [i for i, piece in enumerate(pieces) for _ in piece] + [len(text)]
    assert letterhead._folded(text) == ("".join(pieces), tuple(where))


def test_the_same_rows_asked_again_read_as_before_unless_their_cells_changed() -> None:
    rows = _rows(*ACROSS, "KẾ HOẠCH", "Phát triển du lịch cộng đồng năm 2026", "Căn cứ …")
    first = read_letterhead(rows)
    assert read_letterhead(rows) is first  # read once for both askers
    rows[4].cells[0].text = "Chuyển đổi số năm 2026"  # a cell changed in place: read again
    assert read_letterhead(rows).title == ["Chuyển đổi số năm 2026"]
    rows[4].cells[0].bold = True
    assert read_letterhead(rows) is not first
    assert read_letterhead(_rows("Bảng 1")) is None


def test_the_national_names_tail_beside_the_left_column_is_not_the_issuer_s() -> None:
    # `pdftotext -layout`: "VIỆT NAM" wrapped in the right column lands on the left
    # column's line (was the issuer "… XÃ DI LINH NAM", no locality)
    head = read_letterhead(_rows(
        "ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT",
        "XÃ DI LINH                                      NAM",
        "                                 Độc lập - Tự do - Hạnh phúc",
        "Số: 31/KH-UBND                    Di Linh, ngày 11 tháng 5 năm 2026", "",
        "KẾ HOẠCH", "Chuyển đổi số năm 2026"))
    assert head is not None and head.issuer == ["ỦY BAN NHÂN DÂN", "XÃ DI LINH"]
    assert (head.number, head.dated) == ("Số: 31/KH-UBND", "ngày 11 tháng 5 năm 2026")


def test_a_signature_stamp_beside_the_number_leaves_the_date() -> None:
    # the stamp's box printed between "Số:" and the place-date, each in its cell of the
    # line: only the stamp's own cells go (review r2 B 4; the date had gone with them)
    cells = ["Số: 31/KH-UBND", "Người ký: Phan Văn Bình", "Cơ quan: Tỉnh Lào Cai",
             "Cam Đường, ngày 14 tháng 7 năm 2026"]
    head = read_letterhead([*_rows("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                   "PHƯỜNG CAM ĐƯỜNG\tĐộc lập - Tự do - Hạnh phúc"),
                            RawRow(cells=[Cell(t) for t in cells])])
    assert head is not None
    assert (head.number, head.dated) == ("Số: 31/KH-UBND", "ngày 14 tháng 7 năm 2026")


@pytest.mark.parametrize("after", [
    # "Kính gửi:" wrapped by the page's width: its rest opens in lower case
    ("Kính gửi: Phòng Kinh tế; Trung tâm Phục vụ hành chính công; Ban điều",
     "hành các tổ dân phố trên địa bàn xã."),
    # "Kính gửi:" over its recipients, the first sentence wrapped after them
    ("Kính gửi:", "- các phòng chuyên môn;", "Ủy ban nhân dân xã đề nghị các đơn vị thực hiện",
     "các nội dung sau:"),
    # no "Kính gửi:": a sentence of other words after the subject, wrapped
    ("Ủy ban nhân dân xã đề nghị các đơn vị thực hiện các nội", "dung sau:"),
])
def test_a_letters_subject_takes_only_its_own_wrapped_lines(after: tuple[str, ...]) -> None:
    head = read_letterhead(_rows(
        "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ HƯƠNG KHÊ",
        "Độc lập - Tự do - Hạnh phúc", "Số: 301/UBND-VHXH",
        "Hương Khê, ngày 02 tháng 10 năm 2026", "V/v rà soát hộ nghèo", "",
        "trên phần mềm quản lý", *after))
    assert head is not None
    assert head.subject == ["rà soát hộ nghèo", "trên phần mềm quản lý"]


def test_a_subject_read_with_the_place_date_line_across_no_gap() -> None:
    # a DOCX whose columns are tab stops, read with a space between them: the place is the
    # capitalised words before the date, the subject's words before them
    head = read_letterhead(_rows(
        "BỘ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 1202/BYT-KCB Độc lập - Tự do - Hạnh phúc",
        "V/v kết nối dữ liệu khám bệnh Hà Nội, ngày 03 tháng 11 năm 2026",
        "với Cổng giám định bảo hiểm y tế"))
    assert head is not None
    assert (head.place, head.dated) == ("Hà Nội", "ngày 03 tháng 11 năm 2026")
    assert head.subject == ["kết nối dữ liệu khám bệnh", "với Cổng giám định bảo hiểm y tế"]


def test_a_number_cut_at_its_dash_keeps_waiting_over_the_right_columns_line() -> None:
    # a PDF read by height: the place-date line stands between "Số: 77/KH-" and its rest
    head = read_letterhead(_rows(
        "UBND TỈNH SƠN LA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ NỘI VỤ",
        "Độc lập - Tự do - Hạnh phúc", "Số: 77/KH-", "Sơn La, ngày 04 tháng 5 năm 2026", "SNV",
        "KẾ HOẠCH", "Số hóa hồ sơ công chức năm 2026"))
    assert head is not None
    assert head.number == "Số: 77/KH-SNV"


def test_a_kinh_gui_line_written_before_the_right_column_leaves_its_date_read() -> None:
    # `pdftotext` without -layout: the left column ("Kính gửi:" printed beside its foot)
    # before the right one; the place-date line is still the header's
    head = read_letterhead(_rows(
        "ỦY BAN NHÂN DÂN", "XÃ HƯƠNG KHÊ", "Số: 301/UBND-VHXH", "V/v rà soát hộ nghèo quý III",
        "Kính gửi:", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", "NAM", "Độc lập - Tự do - Hạnh phúc",
        "Hương Khê, ngày 02 tháng 10 năm 2026", "- các phòng chuyên môn;", "- các thôn."))
    assert head is not None
    assert (head.dated, head.subject) == ("ngày 02 tháng 10 năm 2026",
                                          ["rà soát hộ nghèo quý III"])


@pytest.mark.parametrize("quarter", ["III", "I"])
def test_a_subjects_roman_numeral_before_the_place_stays_its_own(quarter: str) -> None:
    # "quý III" then the place, the columns' gap lost (`pdftotext -layout` read into one
    # cell): a roman numeral is no word of a place's name
    head = read_letterhead(_rows(
        "ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ HƯƠNG KHÊ        Độc lập - Tự do - Hạnh phúc", "Số: 301/UBND-VHXH",
        f"V/v rà soát hộ nghèo quý {quarter}        Hương Khê, ngày 02 tháng 10 năm 2026"))
    assert head is not None
    assert (head.place, head.subject) == ("Hương Khê", [f"rà soát hộ nghèo quý {quarter}"])


def test_a_blank_days_place_date_line_wrapped_after_ngay_is_no_issuers_line() -> None:
    # `pdftotext` without -layout of a plan whose day is left blank: "Hạ Lang, ngày" ends a
    # line of the right column, its month and year under "Số: …" (was an issuer's line:
    # "Hạ Lang, ngày xã Hạ Lang")
    head = read_letterhead(_rows(
        "UBND TỈNH CAO BẰNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", "NAM", "ỦY BAN NHÂN DÂN",
        "Độc lập - Tự do - Hạnh phúc", "XÃ HẠ LANG", "Hạ Lang, ngày", "Số: 40/KH-UBND",
        "tháng 11 năm 2026", "KẾ HOẠCH", "Thu phí chợ không dùng tiền mặt"))
    assert head is not None
    assert head.issuer == ["UBND TỈNH CAO BẰNG", "ỦY BAN NHÂN DÂN", "XÃ HẠ LANG"]
    assert (head.place, head.dated) == ("Hạ Lang", "ngày tháng 11 năm 2026")


@pytest.mark.parametrize("lines", [
    # a law portal's copy: each cell's lines apart, the long place pushing the day down
    ("ỦY BAN NHÂN DÂN", "TỈNH HẢI DƯƠNG", "-------", "Số: 1914/KH-UBND",
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------",
     "Hải Dương, ngày", "05 tháng 6 năm 2026"),
    # read across: the day under the place, alone in the right column
    ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     "TỈNH HẢI DƯƠNG\tĐộc lập - Tự do - Hạnh phúc", "Số: 1914/KH-UBND\tHải Dương, ngày",
     "\t05 tháng 6 năm 2026"),
])
def test_a_place_date_line_wrapped_after_ngay_keeps_its_day(lines: tuple[str, ...]) -> None:
    # was no date at all: the line under ", ngày" was taken only without its day
    head = read_letterhead([RawRow(cells=[Cell(t) for t in text.split("\t")])
                            for text in (*lines, "KẾ HOẠCH", "Chuyển đổi số năm 2026")])
    assert head is not None
    assert (head.place, head.dated) == ("Hải Dương", "ngày 05 tháng 6 năm 2026")
    assert head.issuer == ["ỦY BAN NHÂN DÂN", "TỈNH HẢI DƯƠNG"]


@pytest.mark.parametrize(("line", "subject"), [
    # the columns apart (two cells, a reader's tab): the place is the right column's,
    # whatever capitalised words end the subject
    ("V/v triển khai ứng dụng VNeID\tLâm Đồng, ngày 16 tháng 6 năm 2026",
     "triển khai ứng dụng VNeID"),
    ("V/v giao chỉ tiêu sản phẩm OCOP\tLâm Đồng, ngày 16 tháng 6 năm 2026",
     "giao chỉ tiêu sản phẩm OCOP"),
    ("V/v báo cáo số liệu của Sở Y Tế\tLâm Đồng, ngày 16 tháng 6 năm 2026",
     "báo cáo số liệu của Sở Y Tế"),
    # the gap lost: an acronym is no place's word
    ("V/v triển khai ứng dụng VNeID Lâm Đồng, ngày 16 tháng 6 năm 2026",
     "triển khai ứng dụng VNeID"),
    ("V/v kiểm tra camera UBND Lâm Đồng, ngày 16 tháng 6 năm 2026",
     "kiểm tra camera UBND"),
])
def test_a_subjects_capitalised_last_words_stay_out_of_the_place(
        line: str, subject: str) -> None:
    lines = ("SỞ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Số: 120/SYT-KHTC\tĐộc lập - Tự do - Hạnh phúc", line, "trong khám chữa bệnh")
    head = read_letterhead([RawRow(cells=[Cell(t) for t in text.split("\t")])
                            for text in lines])
    assert head is not None
    assert (head.place, head.dated) == ("Lâm Đồng", "ngày 16 tháng 6 năm 2026")
    assert head.subject == [subject, "trong khám chữa bệnh"]


@pytest.mark.parametrize(("rest", "place"), [
    ("cấp xã trên hệ thống", "Hà Nội"), ("cấp xã qua VNeID", "Hà Nội"),
    # a rest ending with a place's name, and a place with its level (review r1 F12: were
    # the place "Lâm Đồng Hà Nội", "Hồ Chí Minh" and the subject cut)
    ("cấp xã tỉnh Lâm Đồng", "Hà Nội"), ("năm 2026", "Thành phố Hồ Chí Minh")])
def test_a_subjects_wrapped_rest_beside_the_place_date_stays_the_subjects(
        rest: str, place: str) -> None:
    # `pdftotext -layout` of a letter whose "V/v" wraps beside the place-date line, read
    # into one cell (the columns' gap lost): was the place "cấp xã trên hệ thống Hà Nội",
    # the subject cut
    head = read_letterhead(_rows(
        "BỘ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 4120/BNV-CĐS",
        "V/v báo cáo số liệu cán bộ, công chức Độc lập - Tự do - Hạnh phúc",
        f"{rest} {place}, ngày 02 tháng 11 năm 2026"))
    assert head is not None
    assert (head.place, head.subject) == (place, ["báo cáo số liệu cán bộ, công chức", rest])


# a law portal's page copied as text: each cell's words wrapped by its narrow column, its
# cells apart by "|" lines, rules under the issuer and the motto
PORTAL_WRAPPED = ("ỦY", "BAN NHÂN DÂN", "TỈNH ĐIỆN BIÊN", "-------", "|", "CỘNG",
                  "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  "---------------", "|", "Số: 215/KH-UBND", "|", "Điện",
                  "Biên, ngày 12 tháng 3 năm 2026", "|")


def test_a_word_a_narrow_cell_broke_off_its_line_is_joined_back() -> None:
    # was the issuer "CỘNG HÒA xã HỘI": "ỦY" and "CỘNG" lines of their own
    head = read_letterhead(_rows(*PORTAL_WRAPPED[:11]))
    assert head is not None
    assert head.issuer == ["ỦY BAN NHÂN DÂN", "TỈNH ĐIỆN BIÊN"]
    assert head.number == "Số: 215/KH-UBND"


def test_rules_and_cell_marks_do_not_push_the_kind_out_of_the_block() -> None:
    # six lines that print no word: the kind was read below the block, no title
    head = read_letterhead(_rows(*PORTAL_WRAPPED, "KẾ HOẠCH",
                                 "CHUYỂN ĐỔI SỐ TỈNH ĐIỆN BIÊN NĂM 2026", "I. CĂN CỨ XÂY DỰNG"))
    assert head is not None
    assert (head.kind, head.title) == ("KẾ HOẠCH", ["CHUYỂN ĐỔI SỐ TỈNH ĐIỆN BIÊN NĂM 2026"])
    assert head.dated == "ngày 12 tháng 3 năm 2026"


def test_a_basis_wrapped_under_a_two_line_title_is_no_title() -> None:
    # a law portal's copy: "Thực hiện Nghị định số" / "27/2022/NĐ-CP …" under the title's two
    # lines (was the title's third line)
    head = read_letterhead(_rows(*ACROSS, "KẾ HOẠCH", "GIÁM SÁT, ĐÁNH GIÁ THỰC HIỆN CHƯƠNG TRÌNH",
                                 "GIẢM NGHÈO BỀN VỮNG NĂM 2026", "Thực hiện Nghị định số",
                                 "27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ;"))
    assert head.title == ["GIÁM SÁT, ĐÁNH GIÁ THỰC HIỆN CHƯƠNG TRÌNH",
                          "GIẢM NGHÈO BỀN VỮNG NĂM 2026"]


@pytest.mark.parametrize("lines", [
    ("ỦY BAN NHÂN DÂN", "XÃ MƯỜNG KHƯƠNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     "Độc lập - Tự do - Hạnh phúc", "Mường Khương, ngày 05 tháng 6 năm 2026"),
    ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     "XÃ MƯỜNG KHƯƠNG\tĐộc lập - Tự do - Hạnh phúc", "\tMường Khương, ngày 05 tháng 6 năm 2026"),
    ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     "XÃ MƯỜNG KHƯƠNG\tMường Khương, ngày 05 tháng 6 năm 2026"),
])
def test_a_title_on_the_kind_line_of_a_plan_without_a_number_is_no_issuers(
        lines: tuple[str, ...]) -> None:
    # review r1 F10: no number read, the title on the kind's line under the place-date (was
    # the issuer "KẾ HOẠCH THỰC HIỆN … xã Mường Khương", no title)
    head = read_letterhead([RawRow(cells=[Cell(t) for t in text.split("\t")])
                            for text in (*lines, "KẾ HOẠCH THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2026",
                                         "", "I. MỤC ĐÍCH, YÊU CẦU")])
    assert head is not None
    assert head.issuer == ["ỦY BAN NHÂN DÂN", "XÃ MƯỜNG KHƯƠNG"]
    assert (head.kind, head.title) == ("KẾ HOẠCH", ["THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2026"])


def test_a_kinds_words_under_the_issuer_read_between_the_right_columns_lines() -> None:
    # `pdftotext` by height: the right column's lines between the issuer's, the name's last
    # line wrapped, the number after the place-date — still the issuer's name
    head = read_letterhead(_rows(
        "UBND TỈNH ĐIỆN BIÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", "NAM", "BAN CHỈ ĐẠO CÁC",
        "Độc lập - Tự do - Hạnh phúc", "CHƯƠNG TRÌNH MỤC TIÊU QUỐC", "GIA",
        "Điện Biên, ngày 23 tháng 3 năm 2026", "Số: 15/KH-BCĐ", "KẾ HOẠCH", "Giám sát năm 2026"))
    assert head is not None
    assert head.number == "Số: 15/KH-BCĐ"
    assert " ".join(head.issuer) == (
        "UBND TỈNH ĐIỆN BIÊN BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA")


NATION_LINES = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
ISSUER_LINES = ("ỦY BAN NHÂN DÂN", "XÃ MƯỜNG KHƯƠNG")


@pytest.mark.parametrize("lines", [
    # review r2 G1: a number cited under the kind's line (the body's first line, the title's
    # second) is not the plan's number line; the national name printed first, no date
    (*ISSUER_LINES, *NATION_LINES, "Mường Khương, ngày 05 tháng 6 năm 2026",
     "KẾ HOẠCH THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2026",
     "Căn cứ Kế hoạch số 45/KH-UBND ngày 02/3/2026 của UBND tỉnh Lào Cai;"),
    (*ISSUER_LINES, *NATION_LINES, "Mường Khương, ngày 05 tháng 6 năm 2026",
     "KẾ HOẠCH THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2026",
     "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"),
    (*NATION_LINES, *ISSUER_LINES, "KẾ HOẠCH THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2026", "",
     "I. MỤC ĐÍCH, YÊU CẦU"),
])
def test_a_number_cited_under_the_kinds_line_leaves_it_the_kind(lines: tuple[str, ...]) -> None:
    head = read_letterhead(_rows(*lines))
    assert head is not None
    assert (head.issuer, head.number) == (list(ISSUER_LINES), None)
    assert head.kind == "KẾ HOẠCH"


def test_a_kinds_words_under_an_issuers_line_that_cannot_end_go_on_with_it() -> None:
    # review r2 G14: no number printed, the name's line ending "CÁC": the kind's words are the
    # name's rest (was the issuer "Ủy ban nhân dân tỉnh Lào Cai", no title)
    head = read_letterhead(_rows("UBND TỈNH LÀO CAI", "BAN CHỈ ĐẠO CÁC",
                                 "CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA", *NATION_LINES,
                                 "Lào Cai, ngày 05 tháng 6 năm 2026", "KẾ HOẠCH",
                                 "Giám sát năm 2026"))
    assert head is not None
    assert head.issuer == ["UBND TỈNH LÀO CAI", "BAN CHỈ ĐẠO CÁC",
                           "CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA"]
    assert (head.kind, head.title) == ("KẾ HOẠCH", ["Giám sát năm 2026"])


@pytest.mark.parametrize(("rest", "place"), [
    # a former district's name printed on the place-date line, its last words a commune's
    # name today (review s24 r2 G10: was the place "Trà My", the subject "… cấp xã Bắc")
    ("cấp xã", "Bắc Trà My"), ("trên địa bàn", "Bắc Từ Liêm"),
    # a place printed with its level (was the place "Kiên Hải", the subject "… Đặc khu")
    ("cấp xã", "Đặc khu Kiên Hải"), ("trên địa bàn", "Phường Thanh Điền"),
    ("năm 2026", "Xã Tà Xùa")])
def test_a_places_direction_and_level_words_stay_the_places(rest: str, place: str) -> None:
    head = read_letterhead(_rows(
        "SỞ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 915/STC-NS",
        "V/v rà soát dự toán chuyển đổi số Độc lập - Tự do - Hạnh phúc",
        f"{rest} {place}, ngày 12 tháng 10 năm 2026"))
    assert head is not None
    assert (head.place, head.subject) == (place, ["rà soát dự toán chuyển đổi số", rest])


def test_the_state_banks_governor_deciding_ends_the_decisions_title() -> None:
    # was the title "Về thanh toán số năm 2026 THỐNG ĐỐC NGÂN HÀNG NHÀ NƯỚC VIỆT NAM"
    head = read_letterhead(_rows(
        "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 218/QĐ-NHNN\tĐộc lập - Tự do - Hạnh phúc", "\tHà Nội, ngày 02 tháng 4 năm 2026",
        "QUYẾT ĐỊNH", "Về thanh toán số năm 2026", "THỐNG ĐỐC NGÂN HÀNG NHÀ NƯỚC VIỆT NAM",
        "Căn cứ Luật Ngân hàng Nhà nước Việt Nam;"))
    assert head is not None
    assert (head.kind, head.title) == ("QUYẾT ĐỊNH", ["Về thanh toán số năm 2026"])


# a law portal's header copied as text, its cells one after the other and wrapped by their
# narrow width (tests/fixtures/plan_portal.py writes whole plans so)
@pytest.mark.parametrize(("issuer", "dated", "issuer_lines"), [
    # a ward whose name opens "PHƯỜNG AN …" folds like the kind "PHƯƠNG ÁN": was the kind,
    # the header ended above its number
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG AN TƯỜNG"], ["An Tường, ngày 05 tháng 3 năm 2026"],
     ["ỦY BAN NHÂN DÂN", "PHƯỜNG AN TƯỜNG"]),
    # a body whose name goes on with "VIỆT NAM" (was the national name's tail: issuer "Ngân
    # hàng Nhà nước", "Ủy ban Mặt trận tổ")
    (["NGÂN HÀNG NHÀ NƯỚC", "VIỆT NAM"], ["Hà Nội, ngày 05 tháng 3 năm 2026"],
     ["NGÂN HÀNG NHÀ NƯỚC VIỆT NAM"]),
    (["ỦY BAN MẶT TRẬN TỔ", "QUỐC VIỆT NAM", "XÃ BẢN HỒ"], ["Bản Hồ, ngày 05 tháng 3 năm 2026"],
     ["ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "XÃ BẢN HỒ"]),
    # the place-date wrapped: its "ngày" alone, its date as figures, no comma before "ngày"
    # (was no date)
    (["ỦY BAN NHÂN DÂN", "XÃ SIN SUỐI HỒ"], ["Sin Suối Hồ,", "ngày", "05 tháng 3 năm 2026"],
     ["ỦY BAN NHÂN DÂN", "XÃ SIN SUỐI HỒ"]),
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG MỘC SƠN"], ["Mộc Sơn, ngày", "05/3/2026"],
     ["ỦY BAN NHÂN DÂN", "PHƯỜNG MỘC SƠN"]),
    (["ỦY BAN NHÂN DÂN", "XÃ TÀ XÙA"], ["Tà Xùa ngày 05", "tháng 3 năm 2026"],
     ["ỦY BAN NHÂN DÂN", "XÃ TÀ XÙA"]),
])
def test_a_portal_copys_header_cells_one_after_the_other(
        issuer: list[str], dated: list[str], issuer_lines: list[str]) -> None:
    head = read_letterhead(_rows(
        *issuer, "-------", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "---------------", "Số: 88/KH-UBND", *dated,
        "KẾ HOẠCH", "Chuyển đổi số năm 2026", "Căn cứ Kế hoạch số 12/KH-UBND;"))
    assert head is not None
    assert (head.issuer, head.number) == (issuer_lines, "Số: 88/KH-UBND")
    assert head.dated in ("ngày 05 tháng 3 năm 2026", "ngày 05/3/2026")
    assert (head.kind, head.title) == ("KẾ HOẠCH", ["Chuyển đổi số năm 2026"])


def test_a_place_a_narrow_cell_wrapped_stays_its_bodys() -> None:
    # "ĐẢNG BỘ TỈNH THÁI" / "NGUYÊN": was a body "NGUYÊN" of its own, the issuer's place
    # "THÁI"
    assert issuer_bodies(["ĐẢNG BỘ TỈNH THÁI", "NGUYÊN", "ĐẢNG ỦY CÁC CƠ QUAN", "ĐẢNG TỈNH"]) == [
        "ĐẢNG BỘ TỈNH THÁI NGUYÊN", "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH"]


@pytest.mark.parametrize("years", ["2026 - 2027", "2027"])
def test_a_subjects_wrapped_years_stay_the_subjects(years: str) -> None:
    # "V/v … năm học" / "2026 - 2027", "… năm" / "2027" (was the subject cut before them)
    head = read_letterhead(_rows(
        "UBND PHƯỜNG BÌNH LONG", "TRƯỜNG THCS BÌNH LONG", "Số: 41/THCS", "V/v triển khai học bạ",
        "số năm học", years, *NATION_LINES, "Bình Long, ngày 05 tháng 9 năm 2026"))
    assert head is not None
    assert head.subject == ["triển khai học bạ", "số năm học", years]
    assert head.dated == "ngày 05 tháng 9 năm 2026"
