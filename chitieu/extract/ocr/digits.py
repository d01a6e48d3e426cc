"""Numbers read again: a number Tesseract's Vietnamese model read with a letter for a digit
("S8" for "58", "s2" for "62"), or was not sure of ("95" for "9,5": the comma lost; "3/2" for
"3,2"), is read a second time out of its line, with the others of its page, by Tesseract's
English model — whose language model has no Vietnamese syllable to pull a digit toward.

The second reading replaces the first only when it is a plain number, Tesseract is surer of
it, and it keeps every digit the first read (a letter read for a digit may become any digit;
a comma or a point may come, one between digits may not go: "1.1" is no "11"). One more
Tesseract run per page that has such numbers, on a strip of their crops only.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import regex

# A word that may be a misread number: digits, the letters OCR reads for digits (the
# Vietnamese model's "0" with a hat or a horn too: "5Ô" for "50"), separators.
_NUMBERISH = regex.compile(r"[\d.,/%SsOoÔôƠơIlBZzgGq]+")
_LOOKALIKES = "SsOoÔôƠơIlBZzgGq"
_PLAIN_NUMBER = regex.compile(r"\d+(?:[.,]\d+)*%?")
_DATE = regex.compile(r"\d{1,2}/\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|/\d{4}")
# A number read with less confidence than this is read again.
_SURE = 93.0
_MIN_CONFIDENCE = 85.0
_MAX_LENGTH = 8
_LANGUAGE = "eng"


def is_suspect(word) -> bool:
    """A word worth reading again: number-like, with a digit, not a date, and either holding
    a letter OCR reads for a digit, read with little confidence, or ending on a separator."""
    text = word.text
    if (word.note or len(text) > _MAX_LENGTH or not _NUMBERISH.fullmatch(text)
            or not any(ch.isdigit() for ch in text) or _DATE.search(text)):
        return False
    # a number ending on its separator ("1.245,") lost the digits after it, however sure
    return any(ch.isalpha() for ch in text) or word.conf < _SURE or text[-1] in ".,"


def accepts(before: str, after: str, confidence_before: float,
            confidence_after: float) -> bool:
    """Whether the second reading replaces the first: a plain number, read surer, with the
    first reading's digits in place (its lookalike letters standing for any one digit) — or,
    where the first reading was doubtful (under `_DOUBTFUL`) and the second is sure (`_SURER`
    and `_GAIN` more), one digit of it changed or one too many ("62,44" for "62,4", "72,3"
    for "72,5", "1.328,4" for "1.326,4"), its separators where they were."""
    # a point (or comma) both readings end on is the page's — a speck after the number, or
    # its point — not a digit's: the number before it is judged ("g2." read again "62.")
    number = after[:-1] if before[-1:] in (".", ",") and after[-1:] == before[-1:] else after
    if after == before or not _PLAIN_NUMBER.fullmatch(number):
        return False
    if _separators(after) < _separators(before.rstrip(".,")):
        return False  # a point printed ("1.1", an item's number) is not read away
    if confidence_after < max(confidence_before, _MIN_CONFIDENCE):
        return False
    if _one_digit_off(before, after) and confidence_before < _DOUBTFUL and (
            confidence_after >= max(_SURER, confidence_before + _GAIN)):
        return True
    pattern = "".join("\\d" if ch in _LOOKALIKES else regex.escape(ch)
                      for ch in before if ch.isdigit() or ch in _LOOKALIKES)
    if before[-1:] in (".", ","):  # the digits after the separator were lost: any follow
        pattern += "\\d*"
    digits = "".join(ch for ch in after if ch.isdigit())
    if bool(pattern) and regex.fullmatch(pattern, digits) is not None:
        return True
    # a speck before the number read as a small letter ("s50" for "50"): the second reading,
    # sure of itself, has every digit of the first and nothing for the speck
    return (before[:1] in _SPECK_LETTERS and before[1:2].isdigit()
            and confidence_after >= _SURER and after == before[1:])


# Small letters a speck before a number is read as (a digit reads as a letter its height)
_SPECK_LETTERS = "so"


# A first reading this unsure of a number, and a second this sure and this much surer: the
# second's digits are taken even where one differs (changed, or one fewer).
_DOUBTFUL = 70.0
_SURER = 90.0
_GAIN = 20.0


def _one_digit_off(before: str, after: str) -> bool:
    """`after` is `before` with one digit changed or one digit less, the separators alike
    and where they stood among the digits (a digit read twice or a speck read as one)."""
    if not _PLAIN_NUMBER.fullmatch(before) or regex.sub(r"\d", "", before) != regex.sub(
            r"\d", "", after):
        return False
    if _YEAR.fullmatch(before):
        return False  # a year's digit is no speck: "2026" and "2028" are both years
    if len(before) == len(after):
        return sum(a != b for a, b in zip(before, after, strict=True)) == 1
    return len(before) == len(after) + 1 and any(
        before[:i] + before[i + 1:] == after for i in _fraction_digits(before))


_YEAR = regex.compile(r"(?:19|20)\d\d")


def _fraction_digits(number: str) -> range:
    """Where a digit may be one too many without changing the number's size: after its last
    separator, when that is a decimal one ("62,44" → "62,4"); a digit of the whole part, or
    of a thousands group ("1.000" → "1.00" is a thousandth of it), is not."""
    last = max(number.rfind(","), number.rfind("."))
    group = number[last + 1:].rstrip("%")
    if last < 0 or (number[last] == "." and len(group) == 3):
        return range(0)
    return range(last + 1, last + 1 + len(group))


def _separators(text: str) -> int:
    return sum(ch in ".," for ch in text)


# A one-digit number read as the letter that looks like it ("6" read "S" in a target cell at
# 200 dpi, DEV17): a lone letter of these, standing apart from every word of its line by
# more than `_LONE_GAP_POINTS`, is read again too. ("I", "B", "A" … are sections' numbers.)
_LONE_LOOKALIKES = frozenset("SsOoZzgq")
_LONE_GAP_POINTS = 9.0


def is_lone_lookalike(words: list, index: int, dpi: int) -> bool:
    """Whether `words[index]` is one letter that looks like a digit, alone in its cell: no
    word of its line within `_LONE_GAP_POINTS` of it on either side."""
    word = words[index]
    if word.note or word.text not in _LONE_LOOKALIKES:
        return False
    gap = _LONE_GAP_POINTS * dpi / 72
    return not any(
        other is not word and other.top < word.bottom and other.bottom > word.top
        and (0 <= word.left - other.right <= gap or 0 <= other.left - word.right <= gap)
        for other in words)


def reread_numbers(words: list, image: np.ndarray, dpi: int) -> tuple[list, list]:
    """The words with their suspect numbers replaced by a surer second reading, and the
    changes made (`chitieu.extract.ocr.spelling.Change`)."""
    from chitieu.extract.ocr.spelling import Change, beside

    suspects = [i for i, w in enumerate(words)
                if is_suspect(w) or is_lone_lookalike(words, i, dpi)]
    if not suspects or not _has_language():
        return words, []
    readings = _read_strip([_crop(words, i, image, dpi) for i in suspects], dpi)
    out, changes = list(words), []
    for index, reading in zip(suspects, readings, strict=True):
        word = words[index]
        if reading is None or not accepts(word.text, reading[0], word.conf, reading[1]):
            continue
        out[index] = replace(word, text=reading[0], note="number")
        changes.append(Change(word.text, reading[0], word.conf, beside(words, index, -1),
                              beside(words, index, 1)))
    return out, changes


def _crop(words: list, index: int, image: np.ndarray, dpi: int) -> np.ndarray:
    """The word's box with a margin, other words' ink in the margin whitened."""
    word = words[index]
    pad_x, pad_y = max(2, round(0.02 * dpi)), max(2, round(0.04 * dpi))
    top, left = max(0, word.top - pad_y), max(0, word.left - pad_x)
    bottom = min(image.shape[0], word.bottom + pad_y)
    right = min(image.shape[1], word.right + pad_x)
    crop = np.array(image[top:bottom, left:right], dtype=np.uint8)
    for other in words:
        if other is word or other.right <= left or other.left >= right or (
                other.bottom <= top or other.top >= bottom):
            continue
        crop[max(0, other.top - top):max(0, other.bottom - top),
             max(0, other.left - left):max(0, other.right - left)] = 255
    return crop


def _read_strip(crops: list[np.ndarray], dpi: int) -> list[tuple[str, float] | None]:
    """Read the crops stacked one above another, a line each: (text, confidence) per crop,
    None where the line did not read as one word."""
    from chitieu.extract.ocr.tesseract import recognize

    gap = max(8, round(0.1 * dpi))
    width = max(c.shape[1] for c in crops) + 2 * gap
    height = sum(c.shape[0] + gap for c in crops) + gap
    strip = np.full((height, width), 255, dtype=np.uint8)
    spans, y = [], gap
    for crop in crops:
        strip[y:y + crop.shape[0], gap:gap + crop.shape[1]] = crop
        spans.append((y, y + crop.shape[0]))
        y += crop.shape[0] + gap
    words = recognize(strip, dpi=dpi, language=_LANGUAGE, psm=6).words
    readings: list[tuple[str, float] | None] = []
    for y0, y1 in spans:
        inside = [w for w in words if y0 <= w.y_centre < y1]
        readings.append((inside[0].text, inside[0].conf) if len(inside) == 1 else None)
    return readings


def _has_language() -> bool:
    from chitieu.errors import InputError
    from chitieu.extract.ocr.tesseract import engine_version

    try:
        engine_version(_LANGUAGE)
    except InputError:
        return False
    return True


# ---------------------------------------------------------------- a decimal comma lost

# A number read as digits only ("124") whose comma ("12,4") Tesseract dropped: a small mark
# between two digits that hangs below their baseline, as a comma's tail does and no digit's.
# digits only, or digits either side of a "/" no date has ("1/225": the comma read as a
# slash, with or without a digit)
_DIGITS_ONLY = regex.compile(r"\d{2,7}|\d{1,3}/\d{1,3}")
_YEAR = regex.compile(r"(?:19|20)\d\d")  # a year never has a decimal comma
# a threshold's digits after its sign ("<275", "≤ 275")
_SIGNED_DIGITS = regex.compile(r"(?P<sign>[<>≤≥]) ?(?P<digits>\d{2,7})")
# a digit is at least this share of the tallest mark's height; a comma at most this share
_DIGIT_HEIGHT = 0.55
_COMMA_HEIGHT = (0.12, 0.6)
# a comma is no wider than this share of the digits' height, and its tail reaches at least
# this share of it below their baseline
_COMMA_WIDTH = 0.45
_COMMA_TAIL = 0.08


# thousands grouped by points whose last group runs past three digits ("1.2845"): no number
# is printed so; the decimal comma after the group's third digit was lost ("1.284,5")
_GROUPED_PAST_THREE = regex.compile(
    r"(?P<sign>[<>≤≥] ?)?(?P<head>[1-9]\d{0,2}(?:\.\d{3})*\.\d{3})(?P<tail>\d{1,3})")

_MONTH_YEAR = regex.compile(r"\d{1,2}\.(?:19|20)\d\d")  # "12.2026": a month, not a number


def restore_commas(words: list, image: np.ndarray) -> tuple[list, list]:
    """The words read as digits only whose page prints a comma between two of them, with
    the comma put back ("124" → "12,4"), and the changes made; a number whose thousands
    points leave a group of more than three digits ("1.2845") takes its comma after the
    group's third ("1.284,5")."""
    from chitieu.extract.ocr.spelling import Change, beside

    out, changes = list(words), []
    for index, word in enumerate(words):
        grouped = _GROUPED_PAST_THREE.fullmatch(word.text)
        if grouped and word.note in ("", "number") and not _MONTH_YEAR.fullmatch(word.text):
            text = f"{grouped['sign'] or ''}{grouped['head']},{grouped['tail']}"
            out[index] = replace(word, text=text, note="number")
            changes.append(Change(word.text, text, word.conf, beside(words, index, -1),
                                  beside(words, index, 1)))
            continue
        signed = _SIGNED_DIGITS.fullmatch(word.text)
        number = signed["digits"] if signed else word.text
        if (word.note not in ("", "number") or not _DIGITS_ONLY.fullmatch(number)
                or _YEAR.fullmatch(number)):
            continue
        place = _comma_place(replace(word, text=number), image, signed is not None)
        if place is None:
            continue
        left, right = place  # the digits printed left and right of the comma
        digits = number.replace("/", "")
        text = (word.text[:signed.start("digits")] if signed else "") + digits[:left] + "," \
            + digits[len(digits) - right:]
        out[index] = replace(word, text=text, note="number")
        changes.append(Change(word.text, text, word.conf, beside(words, index, -1),
                              beside(words, index, 1)))
    return out, changes


def _comma_place(word, image: np.ndarray, signed: bool = False) -> tuple[int, int] | None:
    """How many digits the page prints left and right of a comma between the word's digits,
    or None. When the page shows one digit fewer than the word reads, the comma itself was
    read as a digit ("1,25" read "1225"). `signed`: the word's box starts with a sign ("<",
    "≤" with its bar), which is left out."""
    import cv2

    height = max(1, word.bottom - word.top)
    bottom = min(image.shape[0], word.bottom + height // 2)
    ink = (image[word.top:bottom, word.left:word.right] < 128).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    marks = [tuple(int(v) for v in stats[i][:4]) for i in range(1, count)]  # x, y, w, h
    if signed and marks:  # the sign: the leftmost mark, and its bar under it
        first = min(marks, key=lambda m: m[0])
        marks = [m for m in marks if m[0] + m[2] / 2 > first[0] + first[2]]
    if not marks:
        return None
    tallest = max(h for _, _, _, h in marks)
    digits = [m for m in marks if m[3] >= _DIGIT_HEIGHT * tallest]
    if len(digits) < 2:
        return None
    baseline = float(np.median([y + h for _, y, _, h in digits]))
    commas = [m for m in marks if m not in digits and _is_comma(m, tallest, baseline, digits)]
    if len(commas) != 1:
        return None
    x, _, w, _ = commas[0]
    centre = x + w / 2
    size = len(word.text.replace("/", ""))
    if len(digits) in (size, size - 1):
        left = sum(1 for dx, _, dw, _ in digits if dx + dw / 2 < centre)
        right = len(digits) - left
    else:  # digits touching one another: by where the comma stands across them
        start = min(dx for dx, _, _, _ in digits)
        end = max(dx + dw for dx, _, dw, _ in digits)
        left = round((centre - start) / max(1, end - start) * size)
        right = size - left
    return (left, right) if left > 0 and right > 0 else None


def _is_comma(mark: tuple[int, int, int, int], tallest: int, baseline: float,
              digits: list[tuple[int, int, int, int]]) -> bool:
    x, y, w, h = mark
    low, high = _COMMA_HEIGHT
    if not (low * tallest <= h <= high * tallest) or w > _COMMA_WIDTH * tallest:
        return False
    if y + h < baseline + _COMMA_TAIL * tallest or y > baseline:
        return False  # no tail below the baseline (a point, a speck), or all of it below
    centre = x + w / 2
    return (any(dx + dw <= centre for dx, _, dw, _ in digits)
            and any(dx >= centre for dx, _, _, _ in digits))
