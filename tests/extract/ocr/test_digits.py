"""Numbers read again (chitieu.extract.ocr.digits): a number the Vietnamese model read with a
letter for a digit or without its comma is read again alone by the English model, and kept
only when that reading is a plain number that keeps the first reading's digits."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont
from tesseract_marks import needs_tesseract

from chitieu.extract.ocr.digits import (
    accepts,
    is_lone_lookalike,
    is_suspect,
    reread_numbers,
    restore_commas,
)
from chitieu.extract.ocr.tesseract import Word

FONT = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")


@pytest.mark.parametrize(("text", "conf", "suspect"), [
    ("S8", 96.0, True),  # a letter for a digit
    ("s2", 96.0, True),
    ("5Ô", 96.0, True),  # the Vietnamese model's "0" with a hat (scan_dev13's "50")
    ("95", 91.0, True),  # unsure: its comma may be lost
    ("95", 96.5, False),
    ("3/2", 90.0, True),
    ("12/2026", 60.0, False),  # a date
    ("31/12/2026", 60.0, False),
    ("Sở", 50.0, False),  # a word
    ("Năm", 50.0, False),
])
def test_which_words_are_read_again(text: str, conf: float, suspect: bool) -> None:
    assert is_suspect(Word(text, 0, 0, 10, 10, conf)) is suspect


@pytest.mark.parametrize(("before", "after", "right"), [
    ("S8", "58", True),
    ("s2", "62", True),
    ("5Ô", "50", True),
    ("1.2Ơ0", "1.200", True),
    ("95", "9,5", True),
    ("755", "75,5", True),
    ("3/2", "3,2", True),
    ("95", "96", False),  # a digit changed
    ("95", "9", False),  # a digit lost
    ("S8", "S8.", False),  # no plain number
    ("58", "5,8%", True),
    ("1.1", "11", False),  # an item's point printed is not read away
    ("2.417,3", "2.4173", False),
    ("1.2", "1,2", True),
])
def test_a_second_reading_must_keep_the_first_ones_digits(before: str, after: str,
                                                          right: bool) -> None:
    assert accepts(before, after, 80.0, 95.0) is right


@pytest.mark.parametrize(("before", "after", "confidences", "right"), [
    # a speck before the number read as a small "s" (DEV13: "50" read "s50", Liberation
    # Serif 280 dpi JPEG; the English model reads "50" at 96.7)
    ("s50", "50", (69.9, 96.7), True), ("o150", "150", (60.0, 95.0), True),
    ("s50", "50", (69.9, 88.0), False),  # the second not sure enough
    ("s50", "5", (69.9, 96.7), False), ("S50", "50", (69.9, 96.7), False),  # a capital: a digit
    ("s2", "62", (60.0, 95.0), True),  # the small letter a digit's
])
def test_a_speck_read_as_a_small_letter_before_a_number(
        before: str, after: str, confidences: tuple[float, float], right: bool) -> None:
    assert accepts(before, after, *confidences) is right


def test_a_second_reading_must_be_surer() -> None:
    assert not accepts("95", "9,5", 91.0, 88.0)
    assert not accepts("S8", "58", 40.0, 70.0)  # never below the floor


@pytest.mark.parametrize(("before", "after", "confidences", "right"), [
    # a doubtful first reading, a sure second one digit off (DEV11: worn 1-bit 240–280 dpi)
    ("62,44", "62,4", (38.3, 96.1), True), ("1.328,4", "1.326,4", (57.0, 92.1), True),
    ("72,3", "72,5", (63.3, 96.0), True),
    ("62,44", "62,4", (80.0, 96.1), False),  # the first was not doubtful
    ("62,44", "62,4", (60.0, 88.0), False),  # the second not sure enough
    ("62,44", "6,24", (38.3, 96.1), False),  # the separator moved
    ("62,44", "624", (38.3, 96.1), False),  # … or lost
    ("62,44", "62", (38.3, 96.1), False),  # more than one digit
    ("1.328,4", "1.826,9", (38.3, 96.1), False),
    # one digit fewer keeps the number's size: never from its whole part or a thousands
    # group (review: "1.000" → "1.00" made a thousandth of it), and a year is no speck
    ("12.500", "12.50", (50.0, 95.0), False), ("1.000", "1.00", (50.0, 95.0), False),
    ("100", "10", (50.0, 95.0), False), ("95%", "9%", (50.0, 95.0), False),
    ("2026", "2028", (50.0, 95.0), False), ("93.44", "93.4", (50.0, 95.0), True),
])
def test_a_doubtful_number_takes_a_sure_second_reading_one_digit_off(
        before: str, after: str, confidences: tuple[float, float], right: bool) -> None:
    assert accepts(before, after, *confidences) is right


def _printed(texts: list[str], dpi: int) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """The numbers printed in 12 points a line each, binary, and their ink boxes."""
    face = ImageFont.truetype(str(FONT), round(12 * dpi / 72))
    line = round(0.4 * dpi)
    image = Image.new("L", (dpi * 2, line * (len(texts) + 1)), 255)
    draw = ImageDraw.Draw(image)
    for index, text in enumerate(texts):
        draw.text((dpi // 2, line // 2 + index * line), text, font=face, fill=0)
    pixels = np.where(np.asarray(image) < 128, 0, 255).astype(np.uint8)
    boxes = []
    for index in range(len(texts)):
        band = pixels[line // 2 + index * line - 5: line // 2 + (index + 1) * line - 5]
        rows, cols = np.nonzero(band < 128)
        top = line // 2 + index * line - 5
        boxes.append((int(cols.min()), top + int(rows.min()), int(cols.max()) + 1,
                      top + int(rows.max()) + 1))
    return pixels, boxes


@needs_tesseract
@pytest.mark.skipif(not FONT.exists(), reason="Liberation Serif is not installed")
@pytest.mark.parametrize("dpi", [200, 300])
def test_misread_numbers_are_read_again_from_the_page(dpi: int) -> None:
    printed = ["9,5", "3,2", "62", "58", "75,5", "50", "12,5"]
    misread = ["95", "3/2", "s2", "S8", "755", "5Ô", "12,5"]
    pixels, boxes = _printed(printed, dpi)
    words = [Word(text, *box, conf=80.0, line=i) for i, (text, box) in
             enumerate(zip(misread, boxes, strict=True))]
    fixed, changes = reread_numbers(words, pixels, dpi)
    assert [w.text for w in fixed] == printed
    assert [w.note for w in fixed] == ["number"] * 6 + [""]
    assert [(c.before, c.after) for c in changes] == list(zip(misread, printed,
                                                              strict=True))[:6]


@needs_tesseract
@pytest.mark.skipif(not FONT.exists(), reason="Liberation Serif is not installed")
@pytest.mark.parametrize("dpi", [200, 300])
def test_a_one_digit_number_read_as_a_letter_alone_in_its_cell_is_read_again(dpi: int) -> None:
    """DEV17 (Liberation Serif 10 at 200 dpi): a target "6" read "S", alone in its cell —
    no digit in it, so no number-like word; a lone lookalike letter apart from every word of
    its line is read again. A letter beside a word ("S" of a run of text) is not."""
    pixels, boxes = _printed(["6", "8"], dpi)
    words = [Word("S", *boxes[0], conf=72.4, line=0), Word("B", *boxes[1], conf=80.0, line=1)]
    fixed, changes = reread_numbers(words, pixels, dpi)
    assert [w.text for w in fixed] == ["6", "B"] and [(c.before, c.after) for c in changes] == [
        ("S", "6")]
    beside = Word("S", boxes[0][2] + 5, boxes[0][1], boxes[0][2] + 40, boxes[0][3], 90.0)
    assert not is_lone_lookalike([words[0], beside], 0, dpi)


COMMA_FACES = [Path("/usr/share/fonts/truetype") / p for p in (
    "liberation2/LiberationSerif-Regular.ttf", "liberation2/LiberationSans-Regular.ttf",
    "dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSans-Bold.ttf")]


def _number_word(printed: str, read: str, font: Path, dpi: int) -> tuple[np.ndarray, Word]:
    """`printed` drawn at 12 points, and the word Tesseract gives for it: `read`, boxed from
    the digits' tops to their baseline (a comma's tail hangs below the box)."""
    face = ImageFont.truetype(str(font), round(12 * dpi / 72))
    image = Image.new("L", (400, 120), 255)
    ImageDraw.Draw(image).text((10, 10), printed, font=face, fill=0)
    pixels = np.where(np.asarray(image) < 128, 0, 255).astype(np.uint8)
    digits = Image.new("L", (400, 120), 255)
    ImageDraw.Draw(digits).text((10, 10), regex_digits_only(printed), font=face, fill=0)
    rows, cols = np.nonzero(np.asarray(digits) < 128)
    return pixels, Word(read, int(cols.min()), int(rows.min()), int(cols.max()) + 1,
                        int(rows.max()) + 1, 90.0)


def regex_digits_only(printed: str) -> str:
    return printed.replace(",", " ").replace(".", " ")


@pytest.mark.parametrize("font", [f for f in COMMA_FACES if f.exists()], ids=lambda f: f.stem)
@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize(("printed", "read", "expected"), [
    ("12,4", "124", "12,4"), ("96,2", "962", "96,2"),  # the comma lost
    ("1,25", "1225", "1,25"),  # the comma read as a digit
    ("1,25", "1/225", "1,25"), ("1,25", "1/25", "1,25"),  # … or as a slash
    ("1/25", "1/25", "1/25"),  # a slash the page prints stays
    ("124", "124", "124"), ("8.450", "8450", "8450"),  # no comma: a point has no tail
    ("<27,5", "<275", "<27,5"), ("≤ 27,5", "≤ 275", "≤ 27,5"),  # after a threshold's sign
])
def test_a_decimal_comma_the_page_prints_is_put_back(font: Path, dpi: int, printed: str,
                                                     read: str, expected: str) -> None:
    pixels, word = _number_word(printed, read, font, dpi)
    words, changes = restore_commas([word], pixels)
    assert words[0].text == expected
    assert bool(changes) == (expected != read)
    if changes:
        assert words[0].note == "number"


def test_a_year_keeps_its_digits() -> None:
    font = next(f for f in COMMA_FACES if f.exists())
    pixels, word = _number_word("20,26", "2026", font, 250)
    words, changes = restore_commas([word], pixels)
    assert words[0].text == "2026" and not changes



def test_a_number_ending_on_its_separator_is_read_again_and_may_gain_its_digits() -> None:
    """"1.245,8" read "1.245," (the last digit lost): read again however sure Tesseract
    was, and the second reading may add digits after the separator, not elsewhere."""
    assert is_suspect(Word("1.245,", 0, 0, 10, 10, 97.0))
    assert not is_suspect(Word("1.245", 0, 0, 10, 10, 97.0))
    assert accepts("1.245,", "1.245,8", 24.0, 90.0)
    assert not accepts("1.245", "1.2458", 24.0, 90.0)


def test_a_number_read_again_keeps_the_point_both_readings_end_on() -> None:
    """"62" read "g2." at 200 dpi (EVAL14: a speck after it read as a point): the English
    model's sure "62." keeps every digit, a letter's for a digit, and ends on the same point;
    it is taken (the point is the first reading's too, and "62." is 62). A second reading
    that gains a point the first lacks, or loses digits, is still refused."""
    assert accepts("g2.", "62.", 87.5, 96.3)
    assert accepts("S8,", "58,", 60.0, 95.0)
    assert not accepts("g2", "62.", 87.5, 96.3)
    assert not accepts("g2.", "6.", 87.5, 96.3)
    assert not accepts("g2.", "62.", 87.5, 80.0)


@pytest.mark.parametrize(("read", "expected"), [
    ("1.2845", "1.284,5"), ("12.4567", "12.456,7"), ("24.173.8456", "24.173.845,6"),
    ("≥ 4.2005", "≥ 4.200,5"),  # after a threshold's sign
    ("1.284,5", "1.284,5"), ("1.284", "1.284"), ("0.2845", "0.2845"),  # well grouped, or no
    ("12.2026", "12.2026"),  # a month and its year
])
def test_a_thousands_group_of_more_than_three_digits_lost_its_comma(read: str,
                                                                   expected: str) -> None:
    """Points group thousands by three: "1.2845" is no number as printed, the comma after the
    group's third digit was lost ("1.284,5", a baseline OCR'd without its comma)."""
    word = Word(read, 0, 0, 40 * len(read), 40, 90.0)
    words, changes = restore_commas([word], np.full((60, 40 * len(read) + 10), 255, np.uint8))
    assert words[0].text == expected
    assert bool(changes) == (expected != read)
