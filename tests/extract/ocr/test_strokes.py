"""Roman "I"s counted on the page (chitieu.extract.ocr.strokes): the image decides between "II" and
"III" when OCR lost or added a serif "I"."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from chitieu.extract.ocr.strokes import count_stems, restore_roman_ones, roman_ones
from chitieu.extract.ocr.tesseract import Word

FONTS = [Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"),
         Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"),
         Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")]


def _printed(text: str, font: Path, dpi: int) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """The word printed in 12 points at `dpi`, binary, and its ink box."""
    face = ImageFont.truetype(str(font), round(12 * dpi / 72))
    image = Image.new("L", (40 * len(text) * dpi // 100, 3 * dpi // 10), 255)
    ImageDraw.Draw(image).text((10, 10), text, font=face, fill=0)
    pixels = np.where(np.asarray(image) < 128, 0, 255).astype(np.uint8)
    rows, cols = np.nonzero(pixels < 128)
    return pixels, (int(cols.min()), int(rows.min()), int(cols.max()) + 1, int(rows.max()) + 1)


@pytest.mark.parametrize("font", [f for f in FONTS if f.exists()], ids=lambda f: f.stem)
@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize(("text", "stems"), [("III/2026", 3), ("II/2026", 2), ("I/2026", 1),
                                             ("III.", 3), ("II", 2), ("IV", 1),
                                             ("II.1", 2), ("III.1", 3), ("I.2", 1)])
def test_stems_are_counted_up_to_the_first_other_mark(font: Path, dpi: int, text: str,
                                                      stems: int) -> None:
    pixels, box = _printed(text, font, dpi)
    assert count_stems(pixels, box) == stems


def test_a_word_read_with_one_i_too_few_takes_the_count_of_the_page() -> None:
    font = next(f for f in FONTS if f.exists())
    pixels, (left, top, right, bottom) = _printed("III/2026", font, 200)
    quarter = Word("Quý", 0, top, max(1, left - 5), bottom, 90.0)
    misread = Word("11/2026", left, top, right, bottom, 40.0)
    words, changes = restore_roman_ones([quarter, misread], pixels)
    assert [w.text for w in words] == ["Quý", "III/2026"]
    assert words[1].note == "roman"
    assert [(c.before, c.after, c.left) for c in changes] == [("11/2026", "III/2026", "Quý")]


@pytest.mark.parametrize("font", [f for f in FONTS if f.exists()], ids=lambda f: f.stem)
def test_a_lone_roman_one_after_an_appendix_word_is_counted(font: Path) -> None:
    """"PHỤ LỤC I" read "PHỤ LỤC l": the lone stroke's ink box is mostly ink, as a shaded
    box is, but after "LỤC" it is the label's one stroke."""
    pixels, (left, top, right, bottom) = _printed("I", font, 250)
    label = Word("LỤC", 0, top, max(1, left - 8), bottom, 90.0)
    misread = Word("l", left, top, right, bottom, 20.0)
    words, _ = restore_roman_ones([label, misread], pixels)
    assert [w.text for w in words] == ["LỤC", "I"]
    if right - left < 0.3 * (bottom - top):  # a sans stroke with no serif: alone, unsure
        assert count_stems(pixels, (left, top, right, bottom)) == 0



@pytest.mark.parametrize("font", [f for f in FONTS if f.exists()], ids=lambda f: f.stem)
@pytest.mark.parametrize(("printed", "read"), [("I", "IT"), ("I", "ïI"), ("II", "iI"),
                                               ("II", "IT"), ("III", "IiI")])
def test_an_appendix_label_read_as_strokes_and_letters_is_counted(font: Path, printed: str,
                                                                  read: str) -> None:
    """"PHỤ LỤC I" read "PHỤ LỤC IT" or "ïI" (a speck or a serif read as a letter): after
    "LỤC" a word of upright strokes is the label's roman number, as many "I"s as the page
    prints."""
    pixels, (left, top, right, bottom) = _printed(printed, font, 250)
    label = Word("LỤC", 0, top, max(1, left - 8), bottom, 90.0)
    misread = Word(read, left, top, right, bottom, 40.0)
    words, changes = restore_roman_ones([label, misread], pixels)
    assert [w.text for w in words] == ["LỤC", printed]
    assert [(c.before, c.after) for c in changes] == [(read, printed)]

@pytest.mark.parametrize("font", [f for f in FONTS if f.exists()], ids=lambda f: f.stem)
def test_an_appendix_label_put_on_the_title_line_is_counted(font: Path) -> None:
    """"PHỤ LỤC III" read "PHỤ LỤC" on one line and "I1iI" opening the title's (a digit
    among the strokes): printed beside "LỤC", it is the label's roman number, counted."""
    pixels, (left, top, right, bottom) = _printed("III", font, 250)
    label = Word("LỤC", 0, top, max(1, left - 8), bottom, 90.0, line=1)
    misread = Word("I1iI", left, top + 2, right, bottom + 2, 30.0, line=2)
    words, changes = restore_roman_ones([label, misread], pixels)
    assert [w.text for w in words] == ["LỤC", "III"] and changes
    # … not a word on a line of its own below "LỤC" (a title's first word)
    below = Word("I1iI", left, bottom + 20, right, 2 * bottom - top + 20, 30.0, line=2)
    assert [w.text for w in restore_roman_ones([label, below], pixels)[0]] == ["LỤC", "I1iI"]


def test_a_stroke_read_as_an_exclamation_mark_is_recounted() -> None:
    """A sans "II/2026" read "!H/2026": the page, not the reading, says how many "I"s."""
    font = FONTS[1] if FONTS[1].exists() else next(f for f in FONTS if f.exists())
    pixels, (left, top, right, bottom) = _printed("II/2026", font, 200)
    quarter = Word("Quý", 0, top, max(1, left - 5), bottom, 90.0)
    misread = Word("!H/2026", left, top, right, bottom, 40.0)
    words, _ = restore_roman_ones([quarter, misread], pixels)
    assert [w.text for w in words] == ["Quý", "II/2026"]
    assert roman_ones("!H/2026") == (3, "/2026")


def test_only_roman_ones_are_recounted() -> None:
    assert roman_ones("IH/2026") == (3, "/2026")
    assert roman_ones("HI") == (3, "")
    assert roman_ones("11/2026") is None  # a month, unless it follows "Quý"
    assert roman_ones("11/2026", after_quarter=True) == (2, "/2026")
    assert roman_ones("Ioo") is None
    assert roman_ones("IV/2026") is None


def test_a_shaded_box_is_not_counted() -> None:
    pixels = np.zeros((40, 60), np.uint8)
    pixels[:, ::6] = 255
    assert count_stems(pixels, (0, 0, 60, 40)) == 0


def test_a_quarter_run_into_its_year_is_parted_by_the_strokes() -> None:
    # "Quý III/2026" read "Quý IIL2026": the slash taken for a letter, one "I" lost
    assert roman_ones("IIL2026", after_quarter=True) == (2, "/2026")
    assert roman_ones("IIL2026") is None
    font = next(f for f in FONTS if f.exists())
    pixels, (left, top, right, bottom) = _printed("III/2026", font, 300)
    quarter = Word("Quý", 0, top - 60, max(1, left - 5), top - 20, 90.0, line=1)
    glued = Word("IIL2026", left, top, right, bottom, 40.0, line=2)  # wrapped under "Quý"
    words, _ = restore_roman_ones([quarter, glued], pixels)
    assert words[1].text == "III/2026"


@pytest.mark.parametrize("printed", ["II/2026", "I/2026"])
def test_a_stroke_and_slash_read_as_one_u_are_counted_on_the_page(printed: str) -> None:
    """"Quý II/2026" read "Quý 1U2026" (a stroke and the slash run into a "U"): the page
    says how many "I"s; the reading alone does not."""
    assert roman_ones("1U2026", after_quarter=True) == (1, "/2026")
    assert roman_ones("1U2026") is None
    font = next(f for f in FONTS if f.exists())
    pixels, (left, top, right, bottom) = _printed(printed, font, 300)
    quarter = Word("Quý", 0, top - 60, max(1, left - 5), top - 20, 90.0, line=1)
    glued = Word("1U2026", left, top, right, bottom, 78.0, line=2)
    words, _ = restore_roman_ones([quarter, glued], pixels)
    assert words[1].text == printed


ALL_FACES = [Path("/usr/share/fonts/truetype") / p for p in (
    "liberation2/LiberationSerif-Regular.ttf", "liberation2/LiberationSerif-Bold.ttf",
    "liberation2/LiberationSans-Regular.ttf", "liberation2/LiberationSans-Bold.ttf",
    "dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf", "dejavu/DejaVuSans.ttf",
    "dejavu/DejaVuSans-Bold.ttf")]


@pytest.mark.parametrize("font", [f for f in ALL_FACES if f.exists()], ids=lambda f: f.stem)
@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize(("printed", "read", "expected"), [
    # a roman section's items: the point lost, "I"s read as "1" or "H"
    ("I.1", "I1", "I.1"), ("I.1", "1.1", "I.1"), ("II.1", "H1", "II.1"),
    ("II.3", "I3", "II.3"), ("I.2", "12", "I.2"), ("II.2", "11.2", "II.2"),
    ("I.12", "I12", "I.12"),
    # arabic numbers: a "1" read "I" is a "1"; a "12" or a "1.2" read right is left alone
    ("1.1", "I.1", "1.1"), ("1.2", "l2", "1.2"), ("1.2", "1.2", "1.2"), ("12", "12", "12"),
    ("11", "11", "11"), ("10", "10", "10"),
])
def test_an_item_number_is_read_roman_or_arabic_by_its_first_stroke(
        font: Path, dpi: int, printed: str, read: str, expected: str) -> None:
    """"I.1" and "1.1" differ on the page only at the top of the first stroke: an arabic "1"
    has its flag to the left, a roman "I" serifs on both sides or none."""
    pixels, (left, top, right, bottom) = _printed(printed, font, dpi)
    words, _ = restore_roman_ones([Word(read, left, top, right, bottom, 60.0)], pixels)
    assert words[0].text == expected


@pytest.mark.parametrize("font", [f for f in ALL_FACES if f.exists()], ids=lambda f: f.stem)
@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize(("before", "printed", "read", "expected"), [
    ("", "1", "I", "1"), ("", "1", "l", "1"), ("", "11", "H", "11"),  # a "1" has its flag
    ("", "I", "I", "I"), ("", "II", "II", "II"), ("", "1", "1", "1"),
    ("LỤC", "I", "1", "I"), ("LỤC", "II", "11", "II"),  # an appendix's label is roman
    ("LỤC", "1", "1", "1"), ("", "I", "1", "1"),  # … and elsewhere a digit stays a digit
])
def test_lone_strokes_are_ones_or_roman_by_their_tops(
        font: Path, dpi: int, before: str, printed: str, read: str, expected: str) -> None:
    pixels, (left, top, right, bottom) = _printed(printed, font, dpi)
    words = [Word(read, left, top, right, bottom, 60.0)]
    if before:
        words.insert(0, Word(before, 0, top, max(1, left - 8), bottom, 90.0))
    fixed, _ = restore_roman_ones(words, pixels)
    assert fixed[-1].text == expected


@pytest.mark.parametrize("font", [f for f in FONTS if f.exists()], ids=lambda f: f.stem)
@pytest.mark.parametrize(("quarter", "printed"), [("Quy", "I/2026"), ("Qúy", "II/2026"),
                                                   ("Quý", "III/2026")])
def test_a_quarter_number_lost_into_the_years_box_is_counted(font: Path, quarter: str,
                                                            printed: str) -> None:
    """"Quý I/2026" read "Quy" and "2026", the year's box over "I/2026": its strokes are the
    quarter's number, whatever mark "Quý" was read with."""
    pixels, (left, top, right, bottom) = _printed(printed, font, 250)
    words = [Word(quarter, 0, top, max(1, left - 5), bottom, 80.0),
             Word("2026", left, top, right, bottom, 2.0)]
    fixed, _ = restore_roman_ones(words, pixels)
    assert fixed[1].text == printed


def test_a_year_alone_after_a_quarter_stays_when_no_stroke_is_in_its_box() -> None:
    font = next(f for f in FONTS if f.exists())
    pixels, (left, top, right, bottom) = _printed("2026", font, 250)
    words = [Word("Quý", 0, top, max(1, left - 5), bottom, 90.0),
             Word("2026", left, top, right, bottom, 90.0)]
    assert restore_roman_ones(words, pixels)[0][1].text == "2026"


def _bars(leans: list[float], height: int = 30) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """Bars 4 pixels wide, 10 apart, each leaning `lean` pixels to the left from its top to
    its foot (0: upright), then a wide block, no stem, as the year's digits: ink 0 on white."""
    pixels = np.full((height + 4, 16 * len(leans) + 30), 255, dtype=np.uint8)
    for index, lean in enumerate(leans):
        for y in range(height):
            x = 2 + 10 * index + round(lean * (1 - y / (height - 1)))
            pixels[2 + y, x:x + 4] = 0
    right = 16 * len(leans) + 6
    pixels[2:2 + height, right:right + 12] = 0
    return pixels, (0, 2, pixels.shape[1], 2 + height)


def test_a_steep_slash_after_the_stems_is_no_stem() -> None:
    """"II/2026" in a sans face at 220 dpi: the slash moves across the middle band by a pixel
    — upright enough for a stem there — yet leans from its top to its foot as the "I"s do
    not: two stems, not three ("Quý II" was made "Quý III"). "I"s leaning alike (italic)
    stay stems."""
    assert count_stems(*_bars([0, 0, 5]), lone=True) == 2
    assert count_stems(*_bars([0, 0, 0]), lone=True) == 3
    assert count_stems(*_bars([5, 5, 5]), lone=True) == 3


@pytest.mark.parametrize("font", [f for f in FONTS if f.exists()], ids=lambda f: f.stem)
def test_a_joined_pair_read_as_h_keeps_the_readings_count(font: Path) -> None:
    """"PHỤ LỤC III" read "IH" (two bold serif "I"s run together in a 300-dpi JPEG, scan_dev13):
    the count stops at the "H" — no stem's run there — where the reading's two "I"s are; the
    "I" before it counted as read, the label stays three (was made "I")."""
    pixels, (left, top, right, bottom) = _printed("IH", font, 300)
    label = Word("LỤC", 0, top, max(1, left - 8), bottom, 90.0)
    misread = Word("IH", left, top, right, bottom, 87.6)
    words, _ = restore_roman_ones([label, misread], pixels)
    assert [w.text for w in words] == ["LỤC", "III"]


@pytest.mark.parametrize("font", [f for f in FONTS if f.exists()], ids=lambda f: f.stem)
@pytest.mark.parametrize(("printed", "read"), [("PHỤ LỤC II", "PHỤLỤCIH"),
                                               ("PHỤ LỤC III", "PHỤLỤCIH"),
                                               ("PHỤ LỤC I", "PHỤLỤCH")])
def test_a_label_glued_to_its_number_is_counted_after_the_word_space(
        font: Path, printed: str, read: str) -> None:
    """"PHỤ LỤC II" read as one word "PHỤLỤCIH" (Liberation Serif 11 at 200 dpi, EVAL14, read
    at confidence 0): the number's stems are counted after the label's last word space, as
    they are in a word of their own."""
    pixels, (left, top, right, bottom) = _printed(printed, font, 200)
    glued = Word(read, left, top, right, bottom, 0.0)
    words, changes = restore_roman_ones([glued], pixels)
    assert [w.text for w in words] == ["PHỤLỤC" + printed.split()[-1]]
    assert words[0].note == "roman" and changes[0].before == read


def test_a_glued_label_without_a_word_space_stays() -> None:
    """No word space before the strokes (the number printed against the word, or a box of
    other marks): nothing to count, the reading stays."""
    font = next(f for f in FONTS if f.exists())
    pixels, (left, top, right, bottom) = _printed("PHỤLỤCII", font, 200)
    words, changes = restore_roman_ones([Word("PHỤLỤCIH", left, top, right, bottom, 0.0)],
                                        pixels)
    assert [w.text for w in words] == ["PHỤLỤCIH"] and not changes


@pytest.mark.parametrize("font", [f for f in FONTS if f.exists()], ids=lambda f: f.stem)
@pytest.mark.parametrize(("printed", "read"), [("II/2026", "TI1/2026"), ("I/2026", "T/2026"),
                                               ("III/2026", "TII/2026"), ("III/2026", "tII/2026")])
def test_a_quarters_first_stroke_read_as_a_t_is_counted_on_the_page(font: Path, printed: str,
                                                                   read: str) -> None:
    """"Quý II/2026" in a serif face at 290 dpi, in a deadline cell merged over two rows
    (DEV16), read "Quý TI1/2026": the first "I"'s serifs taken for a "T"'s bar. Letter by
    letter it would be "III"; the page's two stems say "II". A small "t" too ("Quý tII/2026",
    sans at 260 dpi, DEV14: the cell was left unparsed)."""
    assert roman_ones(read, after_quarter=True) == (len(read.split("/")[0]), "/2026")
    assert roman_ones(read) is None  # a "T" elsewhere is a letter
    pixels, (left, top, right, bottom) = _printed(printed, font, 290)
    words = [Word("Quý", 0, top, max(1, left - 5), bottom, 90.0),
             Word(read, left, top, right, bottom, 36.0)]
    fixed, _ = restore_roman_ones(words, pixels)
    assert fixed[1].text == printed
