"""Place names above a scanned table given back the marks OCR changed, by the unit list."""

import pytest

from chitieu.extract.ocr.domain import _title_line
from chitieu.extract.ocr.places import (
    places_named,
    repair_place_names,
    restore_capital_i_names,
    restore_place_marks,
)


@pytest.mark.parametrize(("read", "printed"), [
    ("của Ủy ban nhân dân xã Yên Thể)", "của Ủy ban nhân dân xã Yên Thế)"),
    ("ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC PHÔ", "ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC PHỔ"),
    ("Ủy ban nhân dân phuờng Ba Đình", "Ủy ban nhân dân phường Ba Đình"),
    ("của UBND xã Yên Thế, tỉnh Bắc Ninh", "của UBND xã Yên Thế, tỉnh Bắc Ninh"),
    # "phương" is a word of its own: only the name after it is the unit's
    ("địa phương Yên Thể", "địa phương Yên Thế"),
    # two units spell "Ba Dinh" without marks: nothing says which
    ("xã Ba Dinh", "xã Ba Dinh"),
    ("Yên Thể", "Yên Thể"),  # no level word before it: maybe no place at all
    # a level word read with another tone, before a unit of that level: the level word
    ("ỦY BAN NHÂN DÂN PHƯƠNG THỦ DẦU MỘT", "ỦY BAN NHÂN DÂN PHƯỜNG THỦ DẦU MỘT"),
    ("Hội đồng nhân dân phương Ba Đình", "Hội đồng nhân dân phường Ba Đình"),
    ("các địa phương Ba Đình", "các địa phương Ba Đình"),  # "địa phương": a word of its own
    ("phương Yên Thế", "phương Yên Thế"),  # Yên Thế is a commune, not a ward
    # a name as read that is a unit of another level: the one of the level named before it
    ("ĐẢNG ỦY XÃ GIA VIÊN", "ĐẢNG ỦY XÃ GIA VIỄN"),  # Gia Viên is a ward
    ("ỦY BAN NHÂN DÂN PHƯỜNG GIA VIÊN", "ỦY BAN NHÂN DÂN PHƯỜNG GIA VIÊN"),
    # a letter misread, or a vowel read twice, in a name of two or three words: the one
    # unit of the level a letter off
    ("UBND XÃ MÙ CANG CHỎI", "UBND XÃ MÙ CANG CHẢI"),
    ("Ủy ban nhân dân xã Mù Cang Chỏải)", "Ủy ban nhân dân xã Mù Cang Chải)"),
    ("xã Yên Thết", "xã Yên Thế"),
    ("xã Xyz Qwv", "xã Xyz Qwv"),  # no unit near it
    # a name's capital "I" read as a small "l" (one stroke in a sans face): the unit of the
    # level with the "I"; a word "la" after a level word that names no unit stays
    ("của Ủy ban nhân dân xã la Pa)", "của Ủy ban nhân dân xã Ia Pa)"),
    ("Ủy ban nhân dân xã la Hrung và", "Ủy ban nhân dân xã Ia Hrung và"),
    ("phường la Pa", "phường la Pa"),  # Ia Pa is a commune, no ward
    ("xã la bàn", "xã la bàn"),
    # a name that is a unit's as read stays ("La Bằng", Thái Nguyên: no "Ia Băng" by its
    # marks changed); a name in capitals gets the capital "I" in capitals
    ("Ủy ban nhân dân xã la Bằng", "Ủy ban nhân dân xã la Bằng"),
    ("ỦY BAN NHÂN DÂN XÃ lA PA", "ỦY BAN NHÂN DÂN XÃ IA PA"),
    ("UBND XÃ la HRUNG", "UBND XÃ IA HRUNG"),
    # in a name not in capitals, the rest of the word in lower case (review r2(d) 9)
    ("của Ủy ban nhân dân xã lA Pa)", "của Ủy ban nhân dân xã Ia Pa)"),
    ("UBND xã lA Hrung", "UBND xã Ia Hrung"),
    # … judged over its words of two letters or more, else its level word: a one-letter
    # word is no name in capitals (review r1(a) 8)
    ("trên địa bàn xã la O và", "trên địa bàn xã Ia O và"),
    ("UBND xã lA O", "UBND xã Ia O"),
    ("UBND XÃ lA O", "UBND XÃ IA O"),
    # … or as a mark and an "l" ("!la"), or a mark alone ("|a"), the "I" broken in a tilted
    # JPEG; a word that opens so and names no unit stays
    ("(Kèm theo Kế hoạch số 47/KH-UBND của Ủy ban nhân dân xã !la Hrung)",
     "(Kèm theo Kế hoạch số 47/KH-UBND của Ủy ban nhân dân xã Ia Hrung)"),
    ("UBND XÃ !lA HRUNG", "UBND XÃ IA HRUNG"),
    ("của UBND xã |a Pa", "của UBND xã Ia Pa"),
    ("của UBND xã !lam", "của UBND xã !lam"),
    # a letter of a name read as a digit ("Cư Jút" read "CƯ JÚ0" at 200 dpi, EVAL15 worn):
    # the one unit of the level that spells the name with a letter there; a word with a
    # digit that no unit's name fits, or fits in two ways, stays
    ("UBND XÃ CƯ JÚ0", "UBND XÃ CƯ JÚT"),
    ("của Ủy ban nhân dân xã Cư Jú0)", "của Ủy ban nhân dân xã Cư Jút)"),
    ("UBND XÃ PHÌNH H0", "UBND XÃ PHÌNH HỒ"),
    ("UBND XÃ CƯ JÚ01", "UBND XÃ CƯ JÚ01"),
    ("xã Ba Dinh2", "xã Ba Dinh2"),
    ("xã Yên Th3", "xã Yên Th3"),  # Yên Thế, Yên Thọ …: more than one fits
])
def test_place_names_after_a_level_word(read, printed):
    assert repair_place_names(read) == printed


def test_a_title_line_gets_its_body_abbreviation_and_place():
    assert _title_line("(Kèm theo Kế hoạch số 5/KH-ỦBND ngày 1/2/2026 của ỦBND xã Yên Thể)") \
        == "(Kèm theo Kế hoạch số 5/KH-UBND ngày 1/2/2026 của UBND xã Yên Thế)"


@pytest.mark.parametrize(("read", "printed"), [
    ("(Kèm theo Kế hoạch số 45/KH-DBND ngày 3/4)", "(Kèm theo Kế hoạch số 45/KH-UBND ngày 3/4)"),
    ("Số: 3/KH-ỦBND", "Số: 3/KH-UBND"), ("Số: 7/KH-HDND", "Số: 7/KH-HĐND"),
    ("Số: 15/KH-BCĐ", "Số: 15/KH-BCĐ"), ("Số: 4/KH-UBKT", "Số: 4/KH-UBKT"),  # other bodies
    # a letter read twice, or lost: "HĐDND", "UBN"; a body of five letters stays
    ("Số: 39/NQ-HĐDND", "Số: 39/NQ-HĐND"), ("Số: 8/KH-UBN", "Số: 8/KH-UBND"),
    ("Số: 915/KH-SGDĐT", "Số: 915/KH-SGDĐT"),
])
def test_the_issuers_abbreviation_in_a_plans_number(read, printed):
    assert _title_line(read) == printed


def test_braces_above_the_table_are_specks():
    assert _title_line("UBND PHƯỜNG SA PA}") == "UBND PHƯỜNG SA PA"


def test_the_places_a_line_names_after_its_level_words():
    assert places_named("ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ") == ["Huế"]
    assert places_named("(Kèm theo … của UBND phường Hương Thủy, thành phố Huế)") == [
        "Hương Thủy", "Huế"]
    assert places_named("các địa phương trên địa bàn") == []


@pytest.mark.parametrize(("read", "printed"), [
    ("Phát triển thương hiệu áo dài Huệ", "Phát triển thương hiệu áo dài Huế"),
    ("Quảng bá sen Huệ tại các hội chợ", "Quảng bá sen Huế tại các hội chợ"),
    ("DU LỊCH HUỆ", "DU LỊCH HUẾ"),
    ("Chỉnh trang bờ sông Hương Thùy,", "Chỉnh trang bờ sông Hương Thủy,"),
    ("bờ sông Hương Thuỷ", "bờ sông Hương Thuỷ"),  # the same name, its tone placed the old way
    ("trồng hoa huệ", "trồng hoa huệ"),  # a word in lower case is no place's name
    ("đường Nguyễn Huệ", "đường Nguyễn Huệ"),  # after a capitalised syllable: a person's name
    ("Hội chợ Hue", "Hội chợ Huế"),
])
def test_a_capitalised_word_spelling_the_documents_own_place_takes_its_marks(read, printed):
    assert restore_place_marks(read, ("Huế", "Hương Thủy")) == printed


@pytest.mark.parametrize(("read", "printed"), [
    ("Bảo vệ vườn cây dọc suối la Hrung", "Bảo vệ vườn cây dọc suối Ia Hrung"),
    ("Tuần tra khu vực la Hrưng", "Tuần tra khu vực Ia Hrung"),
    ("hát la hét", "hát la hét"), ("suối la hrung", "suối la hrung"),
    # the copula "là" before the name's second word: marks the name has not, no "Ia"
    ("Trọng tâm là Hrung", "Trọng tâm là Hrung"),
    ("Địa bàn trọng điểm là Hrung và Gia Lai", "Địa bàn trọng điểm là Hrung và Gia Lai"),
])
def test_the_documents_own_place_whose_capital_i_ocr_read_as_l(read, printed):
    """A row naming the document's own "Ia …" place with its "I" read as a small "l" (one
    stroke in a sans face) gets the "I" back; a word in lower case after it is no place."""
    assert restore_place_marks(read, ("Ia Hrung", "Gia Lai")) == printed


@pytest.mark.parametrize(("read", "printed"), [
    ("Số hộ trồng cà phê giáp xã la Phí", "Số hộ trồng cà phê giáp xã Ia Phí"),
    ("Số hộ được tưới từ hồ la Ly", "Số hộ được tưới từ hồ Ia Ly"),
    ("Tưới từ hồ la Ly, la Ko", "Tưới từ hồ Ia Ly, Ia Ko"),
    ("VÙNG GIÁP XÃ lA PHÍ", "VÙNG GIÁP XÃ IA PHÍ"),
    ("hát la hét", "hát la hét"), ("hồ la ly", "hồ la ly"),  # lower case: no name
    ("Trọng tâm là Ly", "Trọng tâm là Ly"),  # the copula: marks the name has not
    ("hồ la Lý", "hồ la Lý"),  # the marks as they stand must be the name's
    ("la Bàn Lớn", "la Bàn Lớn"),  # no unit is "Ia Bàn …"
    # the name's own "l" read "i" too (DEV14: "làng la Khươi"), a stroke for a stroke
    ("Rà soát vườn cao su tại làng la Khươi", "Rà soát vườn cao su tại làng Ia Khươl"),
    ("làng la Khươi, Ia Ly", "làng Ia Khươl, Ia Ly"),
    ("làng la Khươn", "làng la Khươn"),  # another letter: not the name
])
def test_any_units_ia_name_whose_capital_i_ocr_read_as_l(read, printed):
    """A row naming a neighbouring commune, a lake or a village after an "Ia …" unit (the
    Central Highlands' names: "giáp xã Ia Phí", "hồ Ia Ly"), its "I" read as a small "l"
    (one stroke in a sans face, DEV15): the "I" put back where the words with it spell a
    unit's name as the unit list does, marks as they stand; nothing else is judged."""
    assert restore_capital_i_names(read) == printed
