"""What records keep between rows and documents for speed changes nothing they say."""

from chitieu import convert_text
from chitieu.gazetteer.agencies import default_gazetteer
from chitieu.interpret import records as records_module

TEXT = ("STT\tNội dung\tChỉ tiêu\tCơ quan chủ trì\tĐơn vị phối hợp\tThời hạn\n"
        "I.\tHạ tầng\t\t\t\t\n"
        "1.\tTỷ lệ A\t100%\tSở KH&CN chủ trì; các sở, ngành thực hiện\tPhòng Kinh tế\t2026\n"
        "2.\tTỷ lệ B\t90%\tSở KH&CN chủ trì; các sở, ngành thực hiện\tPhòng Kinh tế\t2026\n"
        "-\tTổ chức hội nghị\t\tCông an xã (chủ trì); Đoàn Thanh niên (PH)\t\tQuý I/2026\n")


def test_agency_cells_read_again_from_the_memo_give_the_same_records() -> None:
    first = convert_text(TEXT, "text").records
    memo = records_module._agency_memo(default_gazetteer())
    assert memo  # the cells were kept …
    again = convert_text(TEXT, "text").records  # … and read from it
    memo.clear()
    fresh = convert_text(TEXT, "text").records
    assert [r.agencies for r in again] == [r.agencies for r in fresh] == [
        r.agencies for r in first]
    assert any(a.role == "support" for r in fresh for a in r.agencies)


def test_a_number_s_shape_is_what_its_patterns_say() -> None:
    for number in ["", "1", "1.2", "I", "IV", "B", "PHẦN II", "I.1", "-", "•", "a)", "12a"]:
        shape = records_module._shape(number)
        assert shape.arabic == bool(records_module.ARABIC_ONLY.match(number))
        assert shape.roman == bool(records_module.ROMAN_ONLY.match(number))
        assert shape.letter == bool(records_module.LETTER_ONLY.match(number))
        assert shape.part == bool(records_module.PART_ONLY.match(number))
        assert shape.dotted == bool(records_module.DOTTED_GROUP.match(number))
        assert shape.bullet == bool(number and records_module._BULLET.match(number))


def test_keys_repeated_in_many_appendices_take_the_next_free_suffix() -> None:
    keys = records_module._Keys()
    given = [keys.unique(base) for base in ["A/1", "A/1", "A/2", "A/1", "A/1~3", "A/1"]]
    assert given == ["A/1", "A/1~2", "A/2", "A/1~3", "A/1~3~2", "A/1~4"]
    keys.add("A/1~5")  # a key taken otherwise is skipped too
    assert keys.unique("A/1") == "A/1~6"


def test_a_name_starts_with_a_measure_as_its_phrases_say() -> None:
    nouns, exclusions, words = records_module._measure_words()
    for name in ["Tỷ lệ hộ nghèo", "Số hóa hồ sơ", "Số lượng  sản phẩm", "Tổng hợp báo cáo",
                 "tỷ lệ", "Tỷ lệ", "Xây dựng kế hoạch", " Tỷ lệ hộ"]:
        head = records_module.fold_words(name, words)
        expected = not any(head == w or head.startswith(w + " ") for w in exclusions) and any(
            head == w or head.startswith(w + " ") for w in nouns)
        assert records_module.starts_with_measure(name) is expected, name
