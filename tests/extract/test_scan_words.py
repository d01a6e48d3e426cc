"""What the scan reader does with Tesseract's words before they go into cells
(chitieu.extract.scan): marks read as a line of their own."""

from __future__ import annotations

import numpy as np

from chitieu.extract.ocr.tesseract import Word
from chitieu.extract.scan import (
    _drop_floating_marks,
    _drop_noise,
    _drop_rules_read_as_words,
    _drop_star_marks,
)


def test_the_accents_of_a_line_of_capitals_read_as_a_line_are_dropped() -> None:
    """A large bold title's accents ("CHỈ TIÊU PHÁT TRIỂN") read as a line of marks just
    above it ("~? .đ ~"), each much smaller than the word under it: not text."""
    title = [Word(t, x, 242, x + w, 283, 90.0, line=2)
             for t, x, w in (("CHI", 722, 116), ("TIEU", 859, 153), ("PHÁT", 1033, 168),
                             ("TRIỂN", 1221, 199))]
    marks = [Word("~?", 1343, 221, 1371, 239, 63.0, line=1),
             Word(".đ", 900, 218, 930, 246, 36.0, line=1)]
    assert _drop_floating_marks(marks + title) == title


def test_an_accent_line_with_a_glyph_run_into_the_title_is_dropped() -> None:
    """DEV17 (a portrait JPEG in DejaVu Serif 10): the title's accents read as a line ("^ ?
    ~ ~ — .c"), the last a tall glyph of no confidence reaching into "THÔNG" under it —
    the whole line is marks, not a title's first words."""
    title = [Word(t, x, 492, x + w, 528, 90.0, line=6)
             for t, x, w in (("NHIEM", 304, 185), ("BẢO", 598, 109), ("TRUYEN", 1054, 215),
                             ("THÔNG", 1287, 192))]
    marks = [Word("^", 417, 484, 432, 492, 64.2, line=5),
             Word("?", 646, 480, 657, 491, 78.4, line=5),
             Word("—", 1206, 479, 1226, 491, 28.4, line=5),
             Word(".c", 1375, 474, 1400, 500, 0.0, line=5)]
    assert _drop_floating_marks(marks + title) == title
    # a sure short word on a line of its own stays, whatever floats beside it
    sure = Word("01", 1375, 474, 1400, 500, 95.0, line=5)
    assert sure in _drop_floating_marks([*marks[:3], sure, *title])


def test_a_short_word_on_its_own_line_is_kept() -> None:
    """"2026" under "Năm", a lone "x" in a cell, a number over a word on a line of its own
    with words of its size: text."""
    nam = Word("Năm", 100, 100, 180, 140, 95.0, line=1)
    year = Word("2026", 95, 150, 190, 190, 95.0, line=2)
    one = Word("01", 300, 60, 330, 95, 95.0, line=1)
    words = Word("Tổ chức", 290, 100, 420, 140, 95.0, line=2)
    assert _drop_floating_marks([nam, year]) == [nam, year]
    assert _drop_floating_marks([one, words]) == [one, words]


def test_a_rule_read_as_a_word_is_dropped() -> None:
    """The rule under the letterhead's motto, on the line of the issuer's last words, read
    as "cố": a box far flatter than the page's words, many of their heights long."""
    issuer = [Word(t, x, 251, x + w, 289, 93.0, line=3)
              for t, x, w in (("ĐẶC", 472, 87), ("KHU", 574, 83), ("VÂN", 681, 82),
                              ("ĐỒN", 781, 92))]
    rule = Word("cố", 1882, 249, 2214, 253, 0.0, line=3)
    piece = Word("TT", 1495, 250, 1515, 253, 38.0, line=3)
    dash = Word("-", 1827, 213, 1839, 217, 93.0, line=2)
    assert _drop_rules_read_as_words([*issuer, rule, piece, dash]) == [*issuer, dash]


def test_a_bar_after_the_appendix_word_is_its_number() -> None:
    """"PHỤ LỤC |": the bar is the label's roman "I" (its repair reads it so), not a rule's
    remnant; a bar anywhere else is dropped."""
    page = np.full((200, 600), 255, np.uint8)
    label = [Word("PHỤ", 100, 40, 160, 70, 91.0, line=1), Word("LỤC", 170, 40, 230, 70, 91.0,
                                                                    line=1),
             Word("|", 240, 40, 246, 70, 95.0, line=1)]
    other = [Word("Tổ", 100, 120, 140, 150, 95.0, line=2), Word("|", 150, 120, 156, 150, 95.0,
                                                                  line=2)]
    assert [w.text for w in _drop_noise(label + other, page)] == ["PHỤ", "LỤC", "|", "Tổ"]


def test_a_bar_after_lực_is_a_rule_not_an_appendix_number() -> None:
    """"Nâng cao năng lực |": "lực" folds as "lục" does, but only "PHỤ LỤC |" holds a label;
    the column's rule after a name is dropped."""
    page = np.full((200, 600), 255, np.uint8)
    words = [Word("năng", 100, 40, 160, 70, 91.0, line=1),
             Word("lực", 170, 40, 230, 70, 91.0, line=1),
             Word("|", 240, 40, 246, 70, 95.0, line=1)]
    assert [w.text for w in _drop_noise(words, page)] == ["năng", "lực"]


def test_a_party_star_read_as_marks_and_a_letter_on_its_own_line_is_dropped() -> None:
    """The "*" a party committee prints under its name, read ">»k" or "»k" at confidence
    34 on a line of its own (a signed serif JPEG at 270 dpi, DEV14 and EVAL15): not text —
    it became the issuer's first words ("»k Đảng ủy xã …"). A short word read surely, or
    with words beside it on its line, or of letters or digits only, stays."""
    name = [Word("ĐẢNG", 100, 100, 180, 140, 93.0, line=1), Word("ỦY", 190, 100, 230, 140,
                                                                     96.0, line=1)]
    star = Word(">»k", 150, 150, 175, 170, 34.5, line=2)
    number = Word("Số", 100, 200, 140, 240, 93.0, line=3)
    assert _drop_star_marks([*name, star, number]) == [*name, number]
    assert _drop_star_marks([*name, Word("»k", 150, 150, 175, 170, 30.0, line=2)]) == name
    assert _drop_star_marks([*name, Word("»k", 150, 150, 175, 170, 60.4, line=2)]) == name
    # a unit's "%" with a speck, an item's letter, a tick, words beside it: text
    kept = [Word("a)", 100, 150, 120, 170, 60.0, line=2), Word("x", 100, 200, 110, 210, 20.0,
                                                                  line=3),
            Word("%Đ", 100, 300, 120, 320, 3.6, line=5), Word("-", 100, 350, 110, 360, 20.0,
                                                                 line=6),
            Word("»k", 100, 250, 120, 270, 30.0, line=4), Word("Đảng", 130, 250, 180, 270,
                                                                   90.0, line=4)]
    assert _drop_star_marks(kept) == kept


def test_lines_of_words_are_not_measured_against_the_page(monkeypatch) -> None:
    """Only a line of marks is measured against the words around it: a page of 600 words
    in lines of words was measured word by word against every other (the bench's scans
    read 1.5× slower than Tesseract)."""
    import chitieu.extract.scan as scan

    measured = []
    real = scan._sits_on
    monkeypatch.setattr(scan, "_sits_on", lambda *a: measured.append(a) or real(*a))
    words = [Word("Nhiệm", 100 + 200 * i, 40 * n, 280 + 200 * i, 40 * n + 30, 90.0, line=n)
             for n in range(60) for i in range(10)]
    assert scan._drop_floating_marks(words) == words
    assert measured == []
