"""The ≥ and ≤ signs found by shape; letters and a plain ">" are not taken for them."""

import cv2
import numpy as np

from chitieu.extract.ocr.glyphs import attach_signs, find_signs
from chitieu.extract.ocr.tesseract import Word

DPI = 300


def draw_sign(page, x, y, size=26, pointing="right", bar=True):
    """A chevron (and the bar under it) with its top-left corner at (x, y)."""
    tip, back = (x + size, x) if pointing == "right" else (x, x + size)
    mid = y + size * 2 // 5
    cv2.line(page, (back, y), (tip, mid), 0, 3)
    cv2.line(page, (tip, mid), (back, y + size * 4 // 5), 0, 3)
    if bar:
        cv2.line(page, (x, y + size + 6), (x + size, y + size + 6), 0, 3)


def blank():
    return np.full((200, 600), 255, np.uint8)


def test_greater_or_equal_and_less_or_equal():
    page = blank()
    draw_sign(page, 50, 50)
    draw_sign(page, 300, 50, pointing="left")
    signs, erased = find_signs(page, DPI)
    assert sorted(s.text for s in signs) == ["≤", "≥"]
    assert (erased[40:100, 40:100] == 255).all()  # erased before OCR


def test_plain_greater_and_letters_are_not_signs():
    page = blank()
    draw_sign(page, 50, 50, bar=False)  # ">" is left to Tesseract, which reads it
    cv2.putText(page, "Kx=", (250, 110), cv2.FONT_HERSHEY_SIMPLEX, 2.0, 0, 3)
    signs, erased = find_signs(page, DPI)
    assert signs == []
    assert erased is page


def test_sign_put_back_before_the_number():
    page = blank()
    draw_sign(page, 50, 50)
    signs, _ = find_signs(page, DPI)
    number = Word("70", 95, 48, 140, 85, 91.0, 1, 1, 1)
    far = Word("xã", 400, 48, 440, 85, 90.0, 1, 1, 1)
    words = attach_signs([number, far], signs)
    assert [w.text for w in words] == ["≥ 70", "xã"]
    assert words[0].left == signs[0].left


def test_sign_alone_becomes_a_word():
    page = blank()
    draw_sign(page, 50, 50)
    signs, _ = find_signs(page, DPI)
    assert [w.text for w in attach_signs([], signs)] == ["≥"]


def _printed_word(text: str, points: int = 12, dpi: int = 200):
    from pathlib import Path

    from PIL import Image, ImageDraw, ImageFont

    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    face = ImageFont.truetype(str(font), round(points * dpi / 72))
    image = Image.new("L", (300, 120), 255)
    ImageDraw.Draw(image).text((20, 20), text, font=face, fill=0)
    pixels = np.where(np.asarray(image) < 160, 0, 255).astype(np.uint8)
    rows, cols = np.nonzero(pixels < 128)
    return pixels, (int(cols.min()), int(rows.min()), int(cols.max()) + 1, int(rows.max()) + 1)


def test_a_sign_read_as_a_chevron_keeps_the_bar_printed_under_it() -> None:
    """"≤ 3" printed small, its bar touching its chevron (one mark: the shape search misses
    it), read "<3" by Tesseract: the bar on the page makes it "≤3"; a plain "<" stays."""
    from chitieu.extract.ocr.glyphs import restore_bars

    for printed, read, expected in (("≤3", "<3", "≤3"), ("≥95%", ">95%", "≥95%"),
                                    ("<3", "<3", "<3"), (">95%", ">95%", ">95%")):
        pixels, box = _printed_word(printed)
        words, changes = restore_bars([Word(read, *box, 90.0)], pixels)
        assert words[0].text == expected, printed
        assert len(changes) == (read != expected)


def test_a_sign_read_as_a_two_is_put_back_by_its_shape() -> None:
    """"≥ 97" printed in a serif face at 200 dpi, read "297" by Tesseract: the first mark is a
    chevron over a bar, mirror-like above and below its point, which a "2" is not."""
    from chitieu.extract.ocr.glyphs import restore_bars

    for printed, read, expected in (("≥ 97", "297", "≥97"), ("≤ 5", "25", "≤5"),
                                    ("297", "297", "297"), ("25%", "25%", "25%"),
                                    ("2,5", "2,5", "2,5")):
        for points in (10, 11, 12):
            pixels, box = _printed_word(printed, points)
            words, changes = restore_bars([Word(read, *box, 90.0)], pixels)
            assert words[0].text == expected, (printed, points)
            assert len(changes) == (read != expected)
    # the number read again by the English model (note "number") is still the sign's shape
    pixels, box = _printed_word("≥ 97", 11)
    words, _ = restore_bars([Word("297", *box, 56.0, note="number")], pixels)
    assert words[0].text == "≥97"


def test_a_chevron_broken_into_pieces_over_its_bar():
    """A faint 200-dpi copy breaks the thin strokes of "≥"/"≤" into pieces: the pieces
    above a bar, together a chevron, are the sign."""
    page = blank()
    for x, pointing in ((50, "right"), (300, "left")):
        draw_sign(page, x, 50, size=18, pointing=pointing)
        page[45:70, x + 6:x + 8] = 255  # two gaps across both strokes
        page[45:70, x + 12:x + 13] = 255
    signs, erased = find_signs(page, 200)
    assert sorted(s.text for s in signs) == ["≤", "≥"]
    assert (erased[45:80, 45:75] == 255).all()


def test_pieces_over_a_bar_that_make_no_chevron_are_no_sign():
    page = blank()
    cv2.line(page, (50, 60), (68, 60), 0, 2)  # "=" with its upper bar broken
    page[55:65, 58:60] = 255
    cv2.line(page, (50, 72), (68, 72), 0, 2)
    cv2.putText(page, "x", (300, 80), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 0, 1)
    cv2.line(page, (298, 86), (318, 86), 0, 2)  # an underlined letter
    signs, _ = find_signs(page, 200)
    assert signs == []
