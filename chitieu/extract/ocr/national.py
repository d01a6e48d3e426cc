"""The national header's fixed words in the lines of a scan above its table, given back
where OCR read them a letter off: the motto ("Đặc lập - Tự do - Hạnh phúc"), the national
name, the words of the place-date line ("nuày 07 tháng 7 năm 2026"), the label and the "/"
of the plan's number ("Sẽ: 14/KH-UBND", "Số: 96'KH-UBND"). The header is read by what it says
(chitieu/core/letterhead.py): one wrong letter there loses the plan's date or its issuer.

Only a whole fixed line, or a date's word beside its numbers, is rewritten; the words come
from data/letterhead.yaml. Scans only: a text input is the truth as typed.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from rapidfuzz.distance import Levenshtein

from chitieu.core.lexicon import load_yaml
from chitieu.core.text import fold

# "ngày 07 tháng 7 năm 2026", its words read by OCR (letters, no digits), the year optional
# (wrapped onto the next line with or without its word)
_DATE = regex.compile(
    r"(?<!\p{L})(?P<w0>\p{L}{3,5})(?P<s0>\s+\d{1,2}\s+)(?P<w1>\p{L}{4,6})(?P<s1>\s+\d{1,2})"
    r"(?:(?P<s2>\s+)(?P<w2>\p{L}{2,4})(?=\s+(?:19|20)\d\d\b|\s*$))?")
# the label of a plan's number OCR read a letter or two off: "Sẽ: 14/KH-UBND", "Sô: 14/…"
_NUMBER_LABEL = regex.compile(
    r"(?<![\p{L}\d])S[\p{L}\d]?\s*[:;](?=\s*\d+\s*/\s*\p{Lu}{2,5}\s*[-–])")
# a plan's number whose slash OCR read as a quote or a stroke: "Số: 96'KH-UBND", "96 JKH-"
_NUMBER_SLASH = regex.compile(
    r"(?P<head>\bs[ốoóồô]\s*:?\s*\d+\s*)['’‘`|\\JlI]\s*(?=\p{Lu}{2,5}\s*[-–])",
    regex.IGNORECASE)
# a plan's number whose slash OCR lost: "Số: 96KH-UBND"
_NUMBER_NO_SLASH = regex.compile(r"(?<=\bs[ốo]\s*:?\s*\d+)(?=\p{Lu}{2,5}\s*[-–])",
                                 regex.IGNORECASE)
# the numbers of the place-date line with a letter read for a digit: "ngày l2 tháng O3 năm
# 2O26" (the words already right)
_DATE_NUMBERS = regex.compile(
    r"\b(?P<w0>ngày\s+)(?P<d>[\dOoØølI|]{1,2})(?P<w1>\s+tháng\s+)(?P<m>[\dOoØølI|]{1,2})"
    r"(?:(?P<w2>\s+năm\s+)(?P<y>[\dOoØølI|]{4}))?(?![\p{L}\d])", regex.IGNORECASE)
# a spaced date whose first slash OCR lost: "ngày 05 6 /2026" printed "ngày 05 / 6 /2026"
_LOST_SLASH = regex.compile(
    r"\b(?P<day>ngày\s*\d{1,2})\s+(?P<month>\d{1,2}\s*/\s*(?:19|20)\d\d)\b",
    regex.IGNORECASE)
_DIGITS = str.maketrans({"O": "0", "o": "0", "Ø": "0", "ø": "0", "l": "1", "I": "1", "|": "1"})


def repair_national_words(text: str) -> str:
    """`text` with the national header's fixed words a letter off put back."""
    text = _NUMBER_SLASH.sub(r"\g<head>/", _NUMBER_LABEL.sub(_number_label, text))
    text = _NUMBER_NO_SLASH.sub("/", text)
    for phrase in _printed():
        text = _fixed_line(text, phrase)
    text = _DATE_NUMBERS.sub(_date_numbers, _DATE.sub(_date_words, text))
    return _LOST_SLASH.sub(r"\g<day> / \g<month>", text)


def _number_label(match: regex.Match) -> str:
    """"Số:" for a label OCR misread; one read right ("SỐ:", "Số;") stays as printed."""
    return match.group() if match.group()[:2].casefold() == "số" else "Số:"


def _fixed_line(text: str, phrase: str) -> str:
    """A run of words with one word a letter or two off the fixed line's: that word put
    back, the others kept as read."""
    words, tokens = phrase.split(), text.split()
    size = len(words)
    for start in range(len(tokens) - size + 1):
        window = tokens[start:start + size]
        # folded: the old tone placement ("HOÀ") is the word as printed, no slip
        distances = [Levenshtein.distance(fold(a), fold(b))
                     for a, b in zip(window, words, strict=True)]
        if sum(distances) == 0 or sum(d > 0 for d in distances) > 1 or max(distances) > 2:
            continue
        at = next(i for i, d in enumerate(distances) if d)
        if len(words[at]) < 3:
            continue  # a short word a letter off is another word
        capitals = all(t.isupper() for t in window if any(c.isalpha() for c in t))
        tokens[start + at] = words[at].upper() if capitals else words[at]
        return " ".join(tokens)
    return text


def _date_words(match: regex.Match) -> str:
    """"nuày 07 tháng 7 năm" → "ngày 07 tháng 7 năm": each word a letter off its place's,
    and at least one of them right as read."""
    expected = _date_vocabulary()
    read = [match["w0"], match["w1"], match["w2"]]
    found = [(r, e) for r, e in zip(read, expected, strict=True) if r is not None]
    distances = [Levenshtein.distance(r.casefold(), e) for r, e in found]
    if 0 not in distances or max(distances) > 1 or sum(distances) == 0:
        return match.group()
    fixed = [e if r.islower() else e.capitalize() if r[0].isupper() and not r.isupper()
             else e.upper() for r, e in found]
    out = f"{fixed[0]}{match['s0']}{fixed[1]}{match['s1']}"
    if match["w2"] is not None:
        out += f"{match['s2']}{fixed[2]}"
    return out


def _date_numbers(match: regex.Match) -> str:
    """The date's numbers with their letters read as the digits they look like, when that
    makes a day, a month and a year."""
    day, month = match["d"].translate(_DIGITS), match["m"].translate(_DIGITS)
    year = match["y"].translate(_DIGITS) if match["y"] else None
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12) or (
            year is not None and not year.startswith(("19", "20"))):
        return match.group()
    out = f"{match['w0']}{day}{match['w1']}{month}"
    return out + (f"{match['w2']}{year}" if year else "")


@lru_cache(maxsize=1)
def _printed() -> tuple[str, ...]:
    return tuple(load_yaml("letterhead.yaml")["printed"])


@lru_cache(maxsize=1)
def _date_vocabulary() -> tuple[str, ...]:
    return tuple(load_yaml("letterhead.yaml")["date_words"])
