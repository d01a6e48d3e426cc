"""The national header block, in every shape a reader delivers it."""

from __future__ import annotations

import pytest

from chitieu.core.letterhead import (
    is_document_kind,
    opens_body,
    read_letterhead,
    roman_heading,
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


@pytest.mark.parametrize("header", [ACROSS, COLUMNS, INTERLEAVED])
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
                                             ("Thực hiện các chỉ tiêu năm 2026", False)])
def test_opens_body(text: str, body: bool) -> None:
    assert opens_body(text) is body
