"""Count the upright strokes of a roman number in the image: what Tesseract read as "II" may
print "III" (serif "I"s run together, one dropped), and the page tells which.

A roman "I" is a vertical stem: through the middle band of its word's box it is a run of ink
columns as wide as a stroke and filled top to bottom. The stems are counted from the word's
left edge until the first mark that is not one (the "/" of "III/2026", a letter, a digit), so
"II/2026", "III.", "IV" and a section number alone in its cell are all read alike.
"""

from __future__ import annotations

import cv2
import numpy as np
import regex

from chitieu.core.text import to_ascii

# The roman part of a word as OCR reads serif "I"s: run together ("H"), or as "l", "|", "1",
# "!", a bracket.
_ROMAN_ONES = regex.compile(r"^(?P<ones>[IlH|1!\[\]]{1,4})(?P<rest>(?:[/.):,;]\S*)?)$")
# … and after "Quý", where only a number stands, an "I" whose serifs read as a "T"'s bar
# ("Quý TI1/2026" for "II/2026", "Quý tII/2026"): the page counts its stems
_QUARTER_ONES = regex.compile(r"^(?P<ones>[IlH|1!\[\]Tt]{1,4})(?P<rest>(?:[/.):,;]\S*)?)$")
# "Quý IIL2026", "Quý II12026": a quarter's number run into its year, the slash lost; "Quý
# 1U2026": the last "I" and the slash read as one "U"
_QUARTER_YEAR = regex.compile(r"^(?P<ones>[IlH|1!\[\]]{1,4})[Ll1|/U]?(?P<year>20\d\d)$")
_YEAR = regex.compile(r"^20\d\d$")
# An appendix's label after "LỤC" read as strokes with a speck or a serif taken for a letter
# ("IT", "ïI", "iI", "I1iI"): no "V" or "X", a digit only among letters; the page says how
# many "I"s
_LABEL_STROKES = regex.compile(r"^(?!\d+$)[IlH|!\[\]iïíìîTt1]{1,4}$")
# An appendix's label glued by OCR to its number, read as strokes ("PHỤLỤCIH" for "PHỤ LỤC
# II" at 200 dpi): the page's word space before the number says where its strokes start
_GLUED_LABEL = regex.compile(r"^(?P<head>PHỤ\s?LỤC|Phụ\s?lục)(?P<ones>[IlH|!\[\]iïíìîTt1]{1,4})$")
# A word space is at least this share of the line's height, and this share of the widest
# gap in the word; the gaps between a word's letters are narrower
_WORD_SPACE = 0.3
_NEAR_WIDEST = 0.6
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
    match = (_QUARTER_ONES if after_quarter else _ROMAN_ONES).match(word)
    if match is None:
        glued = _QUARTER_YEAR.match(word) if after_quarter else None
        if glued is None:
            # "Quý 2026": the number and the slash lost into the year's box; strokes counted
            # there are the quarter's
            return (0, "/" + word) if after_quarter and _YEAR.match(word) else None
        # "IIL2026": the slash before the year read as a letter; the strokes tell the number
        return len(glued["ones"]), "/" + glued["year"]
    ones = match["ones"]
    if ones.isdigit() and not after_quarter:
        return None  # "1", "11", "11/2026": a number or a month, not a misread roman one
    return sum(2 if ch == "H" else 1 for ch in ones), match["rest"]


def count_stems(image: np.ndarray, box: tuple[int, int, int, int], lone: bool = False) -> int:
    """The vertical stems from the left of the box (left, top, right, bottom) in a binary
    image (ink 0), up to the first mark that is not a stem. `lone`: the box may hold a
    single stem, its ink box, mostly ink as a shaded box is (a lone "I" where the words
    around say a roman number stands)."""
    return len(_stems(image, box, lone)[0])


def _stems(image: np.ndarray, box: tuple[int, int, int, int], lone: bool = False,
           ) -> tuple[list[tuple[int, int]], int | None]:
    """The stems' columns (from, to) in the box, from its left up to the first other mark,
    and where that mark is a point after them ("II.1"), the column the point ends at."""
    left, top, right, bottom = box
    height = bottom - top
    if height < 6 or right <= left:
        return [], None
    y0, y1 = top + round(_BAND[0] * height), top + round(_BAND[1] * height)
    band = image[y0:y1, left:right] < 128
    one_stem = lone and right - left <= _STEM_WIDTH * height
    if band.size == 0 or (band.mean() > _MAX_INK and not one_stem):
        return [], None
    columns = band.any(axis=0)
    points = _points(image[top:bottom, left:right])
    stems: list[tuple[int, int]] = []
    start = end = None
    for x, inked in enumerate([*columns.tolist(), False]):
        if inked and start is None:
            point = [b for a, b in points if end is not None and end <= a and b <= x]
            if point:
                return stems, point[0]  # "II.1": the stems after a point are another number's
            start = x
        elif not inked and start is not None:
            if not _is_stem(band[:, start:x], height):
                break
            stems.append((start, x))
            start, end = None, x
    if len(stems) > 1 and _leans_apart(image[top:bottom, left:right], stems[0], stems[-1]):
        stems.pop()  # the slash of "II/2026", upright enough through the band
    return stems, None


# A mark leaning this much more than the first stem (a share of the box's height, from its
# top quarter to its bottom quarter) is a slash, not a stem.
_SLASH_LEAN = 0.12


def _leans_apart(box: np.ndarray, first: tuple[int, int], last: tuple[int, int]) -> bool:
    """Whether the mark at columns `last` leans much more than the stem at `first` over its
    whole height: a steep slash ("II/2026" in a sans face at 200–250 dpi) moves across the
    middle band by less than a stroke's width, yet leans from its top to its foot as no
    upright "I" does — italic "I"s lean alike, so the first stem is the measure."""
    ink = (box < 128).astype(np.uint8)
    labels = cv2.connectedComponents(ink, connectivity=8)[1]
    middle = box.shape[0] // 2
    leans = []
    for start, end in (first, last):
        found = set(labels[middle, start:end].tolist()) - {0}
        if len(found) != 1:
            return False
        ys, xs = np.nonzero(labels == found.pop())
        low, high = int(ys.min()), int(ys.max())
        if high - low < 6:
            return False
        quarter = 0.25 * (high - low)
        leans.append(float(xs[ys >= high - quarter].mean() - xs[ys <= low + quarter].mean()))
    return abs(leans[1] - leans[0]) > max(2.0, _SLASH_LEAN * box.shape[0])


# The top of a glyph, where an arabic "1" has its flag and a serif "I" its serifs.
_TOP = 0.3


def is_digit_one(image: np.ndarray, box: tuple[int, int, int, int],
                 stem: tuple[int, int]) -> bool | None:
    """Whether the stem at columns `stem` of the box is an arabic "1" (True) or a roman "I"
    (False), by the top of the glyph: a "1"'s flag reaches out to the left of its stem and
    nothing to the right, while an "I" has a serif on both sides or none; None when neither
    is clear."""
    left, top, right, bottom = box
    ink = (image[top:top + max(1, round(_TOP * (bottom - top))), left:right] < 128).any(axis=0)
    start, end = stem
    reach_left = next((start - x - 1 for x in range(start - 1, -1, -1) if not ink[x]), start)
    reach_right = next((x - end for x in range(end, len(ink)) if not ink[x]), len(ink) - end)
    if reach_left >= max(2, 0.4 * (end - start)) and reach_right <= 0.3 * reach_left:
        return True  # a flag
    if max(reach_left, reach_right) <= 1 or reach_right >= max(1, 0.5 * reach_left):
        return False  # a bare stroke (a speck beside it at most), or serifs on both sides
    return None


# A row's number as OCR reads a roman section's item ("I.1", "II.3"): strokes, a point or
# none (lost), one or two digits ("I1", "H1", "I3", "H.2", "11.2", "1.2").
_ROMAN_ITEM = regex.compile(r"^[IlH|1!\[\]]{1,4}[.,]?\d{1,2}$")
_ROMAN_HEAD = regex.compile(r"^[IlH|1!\[\]]{1,4}$")


def read_item_number(word: str, image: np.ndarray, box: tuple[int, int, int, int],
                     ) -> str | None:
    """The item number the page prints for a word OCR read as strokes, a point or none and
    one or two digits ("I1", "H1", "I3", "11.2", "1.2"): the page's upright stems, a point
    after them and as many digits as follow it, the stems roman "I"s ("II.1", an item of
    section II) or arabic "1"s ("11.2") as the first one's top shows. None when the page does
    not show that (a "12", an unclear stroke)."""
    if _ROMAN_ITEM.match(word) is None:
        return None
    stems, point = _stems(image, box)
    if not stems or point is None or len(stems) > 3:
        return None
    arabic = is_digit_one(image, box, stems[0])
    if arabic is None or (arabic and not regex.search(r"[^\d.,]", word)):
        return None  # an arabic "12" stays: a speck at its foot is no point to add
    left, top, right, bottom = box
    after = _glyphs(image[top:bottom, left + point:right])
    tail, head = word[-after:] if after else "", word[:-after].rstrip(".,") if after else ""
    if after not in (1, 2) or not tail.isdigit() or not _ROMAN_HEAD.match(head):
        return None
    return ("1" if arabic else "I") * len(stems) + "." + tail


# A word that is strokes only: "I", "l", "|", "H", "11"
_STROKES_ONLY = regex.compile(r"^[IlH|1!\[\]]{1,3}$")


def read_lone_strokes(word: str, image: np.ndarray, box: tuple[int, int, int, int],
                      after_label: bool = False) -> str | None:
    """A word of strokes only, as the page prints it when the strokes' tops say which: arabic
    "1"s when every stroke has a "1"'s flag ("I" printed "1", "H" printed "11"); after an
    appendix's "LỤC", roman "I"s when none has ("PHỤ LỤC 1" printed "I"). None otherwise —
    digits read as digits elsewhere are left to the rows' sequence."""
    if _STROKES_ONLY.match(word) is None:
        return None
    stems, point = _stems(image, box, lone=after_label)
    left, right = box[0], box[2]
    if not stems or point is not None or stems[-1][1] < right - left - _tail(box):
        return None  # no strokes, or something after them ("10", "1.")
    shapes = {is_digit_one(image, box, stem) for stem in stems}
    if shapes == {True} and not word.isdigit():
        return "1" * len(stems)
    if shapes == {False} and after_label and word.isdigit():
        return "I" * len(stems)
    return None


def _tail(box: tuple[int, int, int, int]) -> int:
    """How far past a word's last stroke its box may reach: a serif, a speck."""
    return max(2, round(0.25 * (box[3] - box[1])))


def _glyphs(box: np.ndarray) -> int:
    """How many marks as tall as a digit the box holds (its height's 0.4 or more)."""
    height = box.shape[0]
    count, _, stats, _ = cv2.connectedComponentsWithStats((box < 128).astype(np.uint8), 8)
    return sum(1 for *_, h, _area in stats[1:count] if h >= 0.4 * height)


# A point ("." or ",") sits in the lower part of the line, small beside the line's height.
_POINT_TOP = 0.55
_POINT_SIZE = 0.35


def _points(box: np.ndarray) -> list[tuple[int, int]]:
    """The columns (from, to) of the marks on their own at the foot of a word's box: the "."
    of "II.1", after which the stems are another number's, not the roman one's."""
    height = box.shape[0]
    count, _, stats, _ = cv2.connectedComponentsWithStats((box < 128).astype(np.uint8), 8)
    return [(int(x), int(x + w)) for x, y, w, h, _ in stats[1:count]
            if y >= _POINT_TOP * height and max(w, h) <= _POINT_SIZE * height]


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
        # "Quý" at the end of the line above counts too: a narrow cell wraps "Quý / III/2026"
        wrapped = previous is not None and not same_line and (
            0 <= word.top - previous.bottom < word.height)
        # "Quý" read with its mark lost or moved ("Quy", "Qúy")
        after_quarter = (same_line or wrapped) and to_ascii(previous_text).casefold() == "quy"
        # "PHỤ LỤC l": an appendix's label, where a lone stroke is a roman one — on the line
        # of "LỤC", or put by OCR on another line (the title's) though printed beside it
        beside = previous is not None and not same_line and (
            word.left >= previous.right and word.top < previous.bottom
            and previous.top < word.bottom)
        after_label = (same_line or beside) and previous_text.casefold() == "lục"
        previous = word
        box, left = (word.left, word.top, word.right, word.bottom), (
            previous_text if same_line else "")
        glued = _glued_label(word.text, image, box)
        if glued is not None:
            changes.append(Change(word.text, glued, word.conf, left))
            out.append(replace(word, text=glued, note="roman"))
            continue
        # "I1" printed "I.1", "1.2" printed "I.2"; else "I" printed "1", "LỤC 1" printed "I"
        item = read_item_number(word.text, image, box)
        lone = None
        if item is None or item == word.text:
            lone = None if after_quarter else read_lone_strokes(word.text, image, box,
                                                                after_label)
        printed = item if item is not None and item != word.text else lone
        if printed is not None and printed != word.text:
            changes.append(Change(word.text, printed, word.conf, left))
            out.append(replace(word, text=printed, note="roman"))
            continue
        reading = roman_ones(word.text, after_quarter) if item is None and lone is None else None
        if reading is None and after_label and _LABEL_STROKES.match(word.text):
            reading = len(word.text), ""
        if reading is None:
            out.append(word)
            continue
        ones, rest = reading
        stems = count_stems(image, box, lone=after_quarter or after_label)
        if _stops_at_joined_pair(word.text, stems):
            stems = ones
        fixed = "I" * stems + rest
        if 1 <= stems <= 3 and (stems != ones or not word.text.startswith(fixed)):
            changes.append(Change(word.text, fixed, word.conf, left))
            word = replace(word, text=fixed, note="roman")
        out.append(word)
    return out, changes


def _glued_label(word: str, image: np.ndarray, box: tuple[int, int, int, int]) -> str | None:
    """The label a word of an appendix's label glued to its number's strokes reads
    ("PHỤLỤCIH"), with the stems the page prints after the label's last word space ("PHỤLỤCII");
    None when the word is no such label, no word space is found, or what follows it is not
    one to three stems up to the word's end."""
    match = _GLUED_LABEL.match(word)
    number = _after_last_space(image, box) if match else None
    if number is None:
        return None
    stems, point = _stems(image, number, lone=True)
    if (not 1 <= len(stems) <= 3 or point is not None
            or stems[-1][1] < number[2] - number[0] - _tail(number)):
        return None
    fixed = match["head"] + "I" * len(stems)
    return fixed if fixed != word else None


def _after_last_space(image: np.ndarray, box: tuple[int, int, int, int],
                      ) -> tuple[int, int, int, int] | None:
    """The ink box of what the box prints after its last word space (a run of blank columns
    `_WORD_SPACE` of its height and `_NEAR_WIDEST` of its widest gap wide), or None when it
    has none."""
    left, top, right, bottom = box
    ink = image[top:bottom, left:right] < 128
    columns = ink.any(axis=0)
    inked = np.flatnonzero(columns)
    if inked.size == 0:
        return None
    steps = np.diff(inked)
    if steps.size == 0:
        return None
    # a sans face spaces its letters wide: a word space is also near the widest gap
    space = max(2.0, _WORD_SPACE * (bottom - top), _NEAR_WIDEST * float(steps.max()))
    gaps = np.flatnonzero(steps > space)
    if gaps.size == 0:
        return None
    start, end = int(inked[gaps[-1] + 1]), int(inked[-1]) + 1
    rows = np.flatnonzero(ink[:, start:end].any(axis=1))
    return left + start, top + int(rows[0]), left + end, top + int(rows[-1]) + 1


def _stops_at_joined_pair(text: str, stems: int) -> bool:
    """Whether the count stopped right where OCR read an "H": two stems run together (a bold
    or blurred serif "III" read "IH"), no stem's run of columns through the band, yet two
    "I"s as the reading says — the count before it agreeing with the reading."""
    strokes = regex.match(r"[IlH|!\[\]]*", text)[0]
    return "H" in strokes and stems == strokes.index("H")


# Bold type's strokes are this much wider than the page's ordinary text (bold serif faces run
# 1.5–1.8 times as wide at 200–300 dpi; a blurred copy of regular type stays under 1.25).
_BOLD_RATIO = 1.35
# Too few strokes to judge a box by.
_MIN_STROKES = 12


def stroke_width(image: np.ndarray, box: tuple[int, int, int, int] | None = None) -> float | None:
    """The median width (pixels) of the ink's horizontal runs in a binary image (ink 0) or a
    box of it: the width of the letters' upright strokes, which bold type makes wider."""
    if box is not None:
        left, top, right, bottom = box
        image = image[max(0, top):max(0, bottom), max(0, left):max(0, right)]
    ink = image < 128
    if ink.size == 0:
        return None
    edges = np.diff(np.pad(ink, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    starts, ends = np.nonzero(edges == 1)[1], np.nonzero(edges == -1)[1]
    if starts.size < _MIN_STROKES:
        return None
    return float(np.median(ends - starts))


def is_bold(image: np.ndarray, box: tuple[int, int, int, int] | None,
            page_width: float | None) -> bool:
    """Is the text in the box printed bold, beside the page's ordinary stroke width?"""
    if box is None or not page_width:
        return False
    width = stroke_width(image, box)
    return width is not None and width >= _BOLD_RATIO * page_width
