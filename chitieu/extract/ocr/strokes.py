"""Count the upright strokes of a roman number in the image: what Tesseract read as "II" may
print "III" (serif "I"s run together, one dropped), and the page tells which.

A roman "I" is a vertical stem: through the middle band of its word's box it is a run of ink
columns as wide as a stroke and filled top to bottom. The stems are counted from the word's
left edge until the first mark that is not one (the "/" of "III/2026", a letter, a digit), so
"II/2026", "III.", "IV" and a section number alone in its cell are all read alike.
"""

from __future__ import annotations

import numpy as np
import regex

# The roman part of a word as OCR reads serif "I"s: run together ("H"), or as "l", "|", "1".
_ROMAN_ONES = regex.compile(r"^(?P<ones>[IlH|1]{1,4})(?P<rest>(?:[/.):,;]\S*)?)$")
# The middle band of the box, clear of serifs, accents and a dot at the baseline.
_BAND = (0.35, 0.65)
# A stem fills most of its run of columns through the band (a stem a pixel off upright after
# deskewing still does); a slash or a curve, slanting across its run, does not.
_STEM_FILL = 0.6
# A stem's ink moves across the band by less than this share of its stroke's width.
_MAX_DRIFT = 0.4
# A box mostly ink is a shaded or inverted cell, where runs of ink are not strokes.
_MAX_INK = 0.75
# A stem is narrow beside its height; two touching letters are not.
_STEM_WIDTH = 0.3


def roman_ones(word: str, after_quarter: bool = False) -> tuple[int, str] | None:
    """(how many "I"s the word reads as, the rest after the number) for a word that is a
    roman one-to-four made of "I"s as OCR reads them, else None. Digits ("11/2026") count
    only after "Quý", where the number is roman."""
    match = _ROMAN_ONES.match(word)
    if match is None:
        return None
    ones = match["ones"]
    if ones.isdigit() and not after_quarter:
        return None  # "1", "11", "11/2026": a number or a month, not a misread roman one
    return sum(2 if ch == "H" else 1 for ch in ones), match["rest"]


def count_stems(image: np.ndarray, box: tuple[int, int, int, int]) -> int:
    """The vertical stems from the left of the box (left, top, right, bottom) in a binary
    image (ink 0), up to the first mark that is not a stem."""
    left, top, right, bottom = box
    height = bottom - top
    if height < 6 or right <= left:
        return 0
    y0, y1 = top + round(_BAND[0] * height), top + round(_BAND[1] * height)
    band = image[y0:y1, left:right] < 128
    if band.size == 0 or band.mean() > _MAX_INK:
        return 0
    columns = band.any(axis=0)
    stems = 0
    start = None
    for x, inked in enumerate([*columns.tolist(), False]):
        if inked and start is None:
            start = x
        elif not inked and start is not None:
            if not _is_stem(band[:, start:x], height):
                break
            stems += 1
            start = None
    return stems


def _is_stem(run: np.ndarray, height: int) -> bool:
    """A run of inked columns through the band is a stem when it is narrow, filled and
    upright: its ink sits at one place from the band's top to its bottom (a slash's moves
    across by its slope)."""
    width = run.shape[1]
    if width > _STEM_WIDTH * height or run.mean() < _STEM_FILL:
        return False
    rows = [np.flatnonzero(line) for line in run if line.any()]
    if len(rows) < 2:
        return False
    stroke = float(np.mean([len(r) for r in rows]))
    drift = abs(float(rows[0].mean()) - float(rows[-1].mean()))
    return drift <= max(1.0, _MAX_DRIFT * stroke)


def restore_roman_ones(words: list, image: np.ndarray) -> tuple[list, list]:
    """Words whose roman "I"s the image counts otherwise, rewritten with the count printed;
    also the changes made (`chitieu.extract.ocr.spelling.Change`)."""
    from dataclasses import replace

    from chitieu.extract.ocr.spelling import Change

    out, changes = [], []
    previous = None
    for word in words:
        same_line = previous is not None and (previous.block, previous.par, previous.line) == (
            word.block, word.par, word.line)
        previous_text = previous.text if previous is not None else ""
        after_quarter = same_line and previous_text.casefold() == "quý"
        previous = word
        reading = roman_ones(word.text, after_quarter)
        if reading is None:
            out.append(word)
            continue
        ones, rest = reading
        stems = count_stems(image, (word.left, word.top, word.right, word.bottom))
        if 1 <= stems <= 3 and stems != ones:
            fixed = "I" * stems + rest
            left = previous_text if same_line else ""
            changes.append(Change(word.text, fixed, word.conf, left))
            word = replace(word, text=fixed, note="roman")
        out.append(word)
    return out, changes
