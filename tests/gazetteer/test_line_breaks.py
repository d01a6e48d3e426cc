"""A line break in an agency cell (Markdown/HTML `<br>`, a wrapped OCR line) works like a
comma: it separates only where both sides are agencies."""

import pytest

from chitieu.gazetteer.agencies import default_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


@pytest.mark.parametrize(("cell", "pieces"), [
    # one agency printed over two lines
    ("Văn phòng\nHĐND – UBND", ["Văn phòng HĐND – UBND"]),
    ("Văn phòng\nHĐND và UBND", ["Văn phòng HĐND và UBND"]),
    ("Trung tâm Phục vụ\nhành chính công", ["Trung tâm Phục vụ hành chính công"]),
    ("Các doanh nghiệp, hợp tác xã, hộ\nkinh doanh",
     ["Các doanh nghiệp, hợp tác xã, hộ kinh doanh"]),
    # one agency per line
    ("Phòng Văn hóa - Xã hội\nCông an phường", ["Phòng Văn hóa - Xã hội", "Công an phường"]),
    ("Các ngân hàng, tổ chức tín dụng\nCác doanh nghiệp viễn thông",
     ["Các ngân hàng, tổ chức tín dụng", "Các doanh nghiệp viễn thông"]),
    ("Hội Liên hiệp Phụ nữ phường;\nHội Cựu chiến binh phường",
     ["Hội Liên hiệp Phụ nữ phường", "Hội Cựu chiến binh phường"]),
    ("Phòng Kinh tế\n\nCông an xã", ["Phòng Kinh tế", "Công an xã"]),
])
def test_line_breaks_separate_only_between_agencies(gazetteer, cell: str,
                                                    pieces: list[str]) -> None:
    assert gazetteer.split(cell) == pieces


def test_agencies_over_two_lines_match_with_their_printed_text_on_one_line(gazetteer) -> None:
    agencies, warnings = gazetteer.agencies("Văn phòng\nHĐND – UBND\nCông an phường", "support")
    assert [(a.id, a.raw) for a in agencies] == [
        ("van-phong-hdnd-ubnd", "Văn phòng HĐND – UBND"), ("cong-an-xa", "Công an phường")]
    assert warnings == []


@pytest.mark.parametrize(("printed", "agency_id"), [
    ("Công an đặc khu", "cong-an-xa"),
    ("Ủy ban nhân dân đặc khu Côn Đảo", "ubnd-xa"),
    ("Các ngân hàng thương mại trên địa bàn", "to-chuc-tin-dung"),
    ("Các doanh nghiệp viễn thông trên địa bàn phường", "doanh-nghiep-vien-thong"),
    ("Các phòng, đơn vị liên quan", "cac-don-vi-lien-quan"),
])
def test_special_zone_and_local_qualifiers(gazetteer, printed: str, agency_id: str) -> None:
    assert gazetteer.match(printed).id == agency_id
