"""The comparison signs ≥ and ≤, found in the page image because Tesseract cannot read them.

Tesseract's Vietnamese model has no "≥": it reads "≥ 65" as ">5", "2 65" or "> 65", losing
the difference between "≥" and ">" that the targets depend on. A printed ≥ is a chevron with a
flat bar under it, two marks no letter makes, so it is found by shape, erased before OCR (which
then reads the number cleanly) and put back in front of the word that follows it.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import regex

from chitieu.extract.ocr.page import Marks, find_marks
from chitieu.extract.ocr.tesseract import Word

# A sign is about half an em wide: between 2.5 and 11 points for body text of 9 to 16 points.
_MIN_POINTS, _MAX_POINTS = 2.5, 11.0


@dataclass(frozen=True, slots=True)
class Sign:
    text: str  # "≥" or "≤"
    left: int
    top: int
    right: int
    bottom: int

    @property
    def height(self) -> int:
        return self.bottom - self.top


def find_signs(binary: np.ndarray, dpi: int, marks: Marks | None = None,
               ) -> tuple[list[Sign], np.ndarray]:
    """The ≥/≤ signs of a binary page, and the page with them erased. `marks` are the page's
    marks when already found."""
    marks = marks or find_marks(binary)
    if not len(marks.boxes):
        return [], binary
    left, top, width, height = (marks.boxes[:, i] for i in range(4))
    low, high = _MIN_POINTS * dpi / 72, _MAX_POINTS * dpi / 72
    ids = np.arange(len(marks.boxes))
    bars = ids[(width >= low) & (width <= high) & (height * 3 <= width)]
    sized = ids[(width >= low * 0.6) & (width <= high) & (height >= low * 0.6) & (height <= high)]
    chevrons = np.array([i for i in sized if cv2.contourArea(marks.contours[i])
                         <= 0.5 * width[i] * height[i]], dtype=np.int64)
    signs: list[Sign] = []
    found: list[int] = []
    for bar in bars:
        partner = _chevron_above(bar, chevrons, left, top, width, height)
        direction = None if partner is None else _direction(marks.contours[partner],
                                                            marks.boxes[partner])
        pieces = [] if partner is None else [partner]
        if direction is None:  # a faint copy's chevron broken into pieces
            pieces = _pieces_above(bar, marks, found)
            direction = _pieces_direction(pieces, marks) if pieces else None
        if direction is None:
            continue
        x0 = int(min(left[bar], *(left[i] for i in pieces)))
        x1 = int(max(left[bar] + width[bar], *(left[i] + width[i] for i in pieces)))
        signs.append(Sign("≥" if direction == ">" else "≤", x0,
                          int(min(top[i] for i in pieces)), x1, int(top[bar] + height[bar])))
        found += [int(bar), *pieces]
    return signs, (marks.erase(binary, found) if found else binary)


# A chevron's pieces lie over its bar within this many bar widths above it.
_PIECES_REACH = 1.5


def _pieces_above(bar: int, marks: Marks, taken: list[int]) -> list[int]:
    """The marks (two or more) lying wholly over the bar, within `_PIECES_REACH` of its
    width above it, when no mark reaches into that space from outside (a letter's)."""
    left, top, width, height = (marks.boxes[:, i] for i in range(4))
    x0, x1, bar_top = left[bar] - 2, left[bar] + width[bar] + 2, top[bar]
    y0 = bar_top - _PIECES_REACH * width[bar]
    right, bottom = left + width, top + height
    meets = (right > x0) & (left < x1) & (bottom > y0) & (top < bar_top)
    inside = meets & (left >= x0) & (right <= x1) & (top >= y0) & (bottom <= bar_top + 1)
    # (the bar itself is no mark above its own top: neither in `meets` nor `inside`)
    if (meets & ~inside).any():
        return []
    pieces = [int(i) for i in np.flatnonzero(inside) if int(i) not in taken]
    return pieces if len(pieces) >= 2 else []


def _pieces_direction(pieces: list[int], marks: Marks) -> str | None:
    """The direction of the chevron the pieces make together (`_direction`), None when
    they make none or are too flat or far from their bar to be one."""
    boxes = marks.boxes[pieces]
    x0, y0 = int(boxes[:, 0].min()), int(boxes[:, 1].min())
    x1 = int((boxes[:, 0] + boxes[:, 2]).max())
    y1 = int((boxes[:, 1] + boxes[:, 3]).max())
    if (y1 - y0) * 3 < (x1 - x0):
        return None
    mask = np.zeros((y1 - y0, x1 - x0), np.uint8)
    for index in pieces:
        cv2.drawContours(mask, [marks.contours[index] - np.array([x0, y0])], -1, 1,
                         cv2.FILLED)
    return _mask_direction(mask.astype(bool))


def _chevron_above(bar: int, chevrons: np.ndarray, left: np.ndarray, top: np.ndarray,
                   width: np.ndarray, height: np.ndarray) -> int | None:
    if chevrons.size == 0:
        return None
    bar_left, bar_right, bar_top = left[bar], left[bar] + width[bar], top[bar]
    ch_left, ch_right = left[chevrons], left[chevrons] + width[chevrons]
    ch_bottom = top[chevrons] + height[chevrons]
    overlap = np.minimum(bar_right, ch_right) - np.maximum(bar_left, ch_left)
    gap = bar_top - ch_bottom
    fits = ((overlap >= 0.6 * np.minimum(width[chevrons], width[bar]))
            & (gap >= -1) & (gap <= 0.6 * height[chevrons])
            & (width[bar] >= 0.6 * width[chevrons]) & (width[bar] <= 1.6 * width[chevrons]))
    found = chevrons[fits]
    if found.size == 0:
        return None
    return int(found[np.argmin(gap[fits])])


def _direction(contour: np.ndarray, box: np.ndarray) -> str | None:
    """">" when the mark's open side is on the left and its point on the right, "<" the other
    way round, None when it is not a chevron (a letter)."""
    x0, y0, w, h = (int(v) for v in box)
    mask = np.zeros((h, w), np.uint8)
    cv2.drawContours(mask, [contour - np.array([x0, y0])], -1, 1, cv2.FILLED)
    return _mask_direction(mask.astype(bool))


def _mask_direction(mask: np.ndarray) -> str | None:
    quarter = max(1, mask.shape[1] // 4)
    left_spread, left_centre = _spread(mask[:, :quarter])
    right_spread, right_centre = _spread(mask[:, -quarter:])
    if left_spread >= 0.6 and right_spread <= 0.5 and 0.25 <= right_centre <= 0.75:
        return ">"
    if right_spread >= 0.6 and left_spread <= 0.5 and 0.25 <= left_centre <= 0.75:
        return "<"
    return None


def _spread(strip: np.ndarray) -> tuple[float, float]:
    """How much of the height a vertical strip's ink covers, and where its middle is (0–1)."""
    rows = np.flatnonzero(strip.any(axis=1))
    if rows.size == 0:
        return 0.0, 0.5
    height = strip.shape[0]
    return (rows[-1] - rows[0] + 1) / height, (rows[0] + rows[-1] + 1) / 2 / height


def attach_signs(words: list[Word], signs: list[Sign]) -> list[Word]:
    """Put each sign back in front of the word it precedes on its line (or alone)."""
    if not signs:
        return words
    words = list(words)
    for sign in signs:
        index = _word_after(words, sign)
        if index is None:
            words.append(Word(sign.text, sign.left, sign.top, sign.right, sign.bottom, 100.0))
            continue
        word = words[index]
        joined = word.left - sign.right <= 0.25 * sign.height
        text = f"{sign.text}{word.text}" if joined else f"{sign.text} {word.text}"
        words[index] = Word(text, sign.left, min(sign.top, word.top), word.right,
                            max(sign.bottom, word.bottom), word.conf, word.block, word.par,
                            word.line)
    return words


def _word_after(words: list[Word], sign: Sign) -> int | None:
    best, best_gap = None, 2.0 * max(sign.height, 1)
    for index, word in enumerate(words):
        gap = word.left - sign.right
        overlap = min(word.bottom, sign.bottom) - max(word.top, sign.top)
        if -sign.height <= gap <= best_gap and overlap >= 0.3 * sign.height:
            best, best_gap = index, gap
    return best


def restore_bars(words: list[Word], image: np.ndarray) -> tuple[list[Word], list]:
    """Words Tesseract read as "<"/">" (alone or before a number) whose sign has a bar under
    it on the page: a ≤/≥ whose bar touched its chevron (a small or blurred print), so the
    shape search above saw one mark; and a "2" before digits ("≥ 97" read "297") whose first
    mark is such a sign by its shape alone (`_chevron_over_bar`). The changes are returned too
    (`chitieu.extract.ocr.spelling.Change`)."""
    from dataclasses import replace

    from chitieu.extract.ocr.spelling import Change, beside

    out, changes = list(words), []
    for index, word in enumerate(words):
        if word.note not in ("", "number") or not (  # a number read again is still its shape
                word.text[:1] in ("<", ">") or _TWO_THEN_DIGITS.match(word.text)):
            continue
        ink = image[word.top:word.bottom, word.left:word.right] < 128
        if word.text[0] == "2":  # "≥ 97" read "297": the shape alone says which it is
            pointing = _chevron_over_bar(ink)
            text = None if pointing is None else ("≤" if pointing == "<" else "≥") + word.text[1:]
        else:
            text = (("≤" if word.text[0] == "<" else "≥") + word.text[1:]) if _barred(ink) \
                else None
        if text is not None:
            out[index] = replace(word, text=text, note="sign")
            changes.append(Change(word.text, text, word.conf, beside(words, index, -1),
                                  beside(words, index, 1)))
    return out, changes


# a "2" before the digits of a number, which may be a ≥/≤ Tesseract read as a digit
_TWO_THEN_DIGITS = regex.compile(r"^2\d")


def _first_mark(ink: np.ndarray) -> np.ndarray | None:
    """The word's first mark (up to the first blank column), its blank rows cut off; None
    when it is too small to judge."""
    if ink.size == 0:
        return None
    columns = ink.any(axis=0)
    start = int(np.argmax(columns)) if columns.any() else 0
    blank = np.flatnonzero(~columns[start:])
    sign = ink[:, start:start + (int(blank[0]) if blank.size else ink.shape[1] - start)]
    rows = np.flatnonzero(sign.any(axis=1))
    if sign.shape[1] < 3 or rows.size < 4:
        return None
    return sign[rows[0]:rows[-1] + 1]


def _barred(ink: np.ndarray) -> bool:
    """The word's first mark (up to the first blank column) is a chevron over a flat bar: a
    row near its bottom inked across nearly its whole width, above rows inked much less."""
    sign = _first_mark(ink)
    if sign is None:
        return False
    cover = sign.mean(axis=1)
    height = sign.shape[0]
    bottom, middle = cover[-max(1, height // 4):], cover[height // 4: height // 2 + 1]
    return bool(bottom.max() >= 0.8 and middle.size and middle.max() <= 0.6)


# A chevron is its own mirror image about its point's height (a "2" is not): the share of
# its ink its upside-down copy covers
_MIRROR = 0.6


def _chevron_over_bar(ink: np.ndarray) -> str | None:
    """">" or "<" when the word's first mark is a chevron over a bar (`_barred`) pointing that
    way and mirror-like above and below its point; None for anything else (a "2")."""
    sign = _first_mark(ink)
    if sign is None or not _barred(ink):
        return None
    cover = sign.mean(axis=1)
    bar = len(cover)
    while bar > 0 and cover[bar - 1] >= 0.5:  # the bar's rows, from the bottom up
        bar -= 1
    chevron = sign[:bar]
    rows = np.flatnonzero(chevron.mean(axis=1) > 0)
    if rows.size < 4:
        return None
    chevron = chevron[rows[0]:rows[-1] + 1]
    mirrored = chevron[::-1]
    if (chevron & mirrored).sum() < _MIRROR * chevron.sum():
        return None
    quarter = max(1, chevron.shape[1] // 4)
    left, right = _spread(chevron[:, :quarter])[0], _spread(chevron[:, -quarter:])[0]
    if left >= 0.6 and right <= 0.5:
        return ">"
    if right >= 0.6 and left <= 0.5:
        return "<"
    return None
