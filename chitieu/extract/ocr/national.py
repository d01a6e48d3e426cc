"""The national header's fixed words in the lines of a scan above its table, given back
where OCR read them a letter off: the motto ("Đặc lập - Tự do - Hạnh phúc"), the national
name, the words of the place-date line ("nuày 07 tháng 7 năm 2026"), the label and the "/"
of the plan's number ("Sẽ: 14/KH-UBND", "Số: 96'KH-UBND"). The header is read by what it says
(chitieu/core/letterhead.py): one wrong letter there loses the plan's date or its issuer.

Only a whole fixed line, or a date's word beside its numbers, is rewritten; the words come
from data/letterhead.yaml. Scans only: a text input is the truth as typed.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex
from rapidfuzz.distance import Levenshtein

from chitieu.core.lexicon import load_yaml
from chitieu.core.text import fold, to_ascii

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


# ---------------------------------------------------------------- one plan, one date

# the words of a place-date line's date: "ngày", the day, "tháng", the month, "năm", the year
_DAY_WORD, _MONTH_WORD, _YEAR_WORD = "ngay", "thang", "nam"
_SMALL_NUMBER = regex.compile(r"^\d{1,2}$")
_YEAR_NUMBER = regex.compile(r"^(?:19|20)\d\d$")
# a date written with slashes in the "(Kèm theo … ngày 15/5/2026 …)" line, and a plan's number
_SLASHED_DATE = regex.compile(r"^(?P<pre>\(?)(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)"
                              r"(?P<post>[),.;]?)$")
_PLAN_NUMBER = regex.compile(r"^\d+/[\p{Lu}Đ]+(?:-[\p{Lu}Đ]+)*[,.;]?$")


def agree_plan_dates(words: list) -> tuple[list, list]:
    """OCR words (`tesseract.Word`) with the date of the "(Kèm theo Kế hoạch số N … ngày
    d/m/y …)" line and the place-date line of the same page ("…, ngày d tháng m năm y")
    made one when both name one plan (the attachment line cites the number the header's "Số:"
    prints) and they differ in one digit of one part: the reading Tesseract was surer of
    wins ("15/8/2026" under "ngày 15 tháng 5": the day's plan is dated 15 May, and every
    duration counted from it). Returns the words and the changes (`spelling.Change`)."""
    from chitieu.extract.ocr.spelling import Change, beside

    lines: dict[tuple[int, int, int], list[int]] = {}
    for index, word in enumerate(words):
        lines.setdefault((word.block, word.par, word.line), []).append(index)
    spelled = [_spelled_date(words, line) for line in lines.values()]
    spelled = [s for s in spelled if s is not None]
    numbers = {words[i].text.rstrip(",.;") for line in lines.values() for i in line
               if _PLAN_NUMBER.match(words[i].text)}
    slashed = [i for line in lines.values() for i in _cited_dates(words, line, numbers)]
    if len(spelled) != 1 or len(slashed) != 1:
        return words, []
    parts, at = spelled[0], slashed[0]
    match = _SLASHED_DATE.match(words[at].text)
    cited = [match["d"], match["m"], match["y"]]
    differ = [k for k in range(3) if parts[k] is not None
              and int(words[parts[k]].text) != int(cited[k])]
    if len(differ) != 1 or not _one_digit_apart(words[parts[differ[0]]].text, cited[differ[0]]):
        return words, []
    part = differ[0]
    out = list(words)
    spelled_word = words[parts[part]]
    if spelled_word.conf > words[at].conf:  # the cited date takes the spelled part
        cited[part] = spelled_word.text
        text = f"{match['pre']}{'/'.join(cited)}{match['post']}"
        out[at] = replace(words[at], text=text, note="number")
        changed = at
    else:  # the spelled part takes the cited one
        out[parts[part]] = replace(spelled_word, text=cited[part], note="number")
        changed = parts[part]
    return out, [Change(words[changed].text, out[changed].text, words[changed].conf,
                        beside(words, changed, -1), beside(words, changed, 1))]


def _spelled_date(words: list, line: list[int]) -> tuple[int, int, int | None] | None:
    """The word indexes of the day, month and (when printed) year of a line's "ngày d tháng
    m năm y", or None."""
    texts = [_ascii(words[i].text) for i in line]
    for k in range(len(line) - 3):
        if (texts[k] == _DAY_WORD and _SMALL_NUMBER.match(words[line[k + 1]].text)
                and texts[k + 2] == _MONTH_WORD
                and _SMALL_NUMBER.match(words[line[k + 3]].text)):
            year = None
            if (k + 5 < len(line) and texts[k + 4] == _YEAR_WORD
                    and _YEAR_NUMBER.match(words[line[k + 5]].text)):
                year = line[k + 5]
            return line[k + 1], line[k + 3], year
    return None


def _cited_dates(words: list, line: list[int], numbers: set[str]) -> list[int]:
    """The slashed dates after "ngày" on a line that cites a plan's number printed on
    another line too (the header's "Số:")."""
    cited = [words[i].text.rstrip(",.;") for i in line if _PLAN_NUMBER.match(words[i].text)]
    if not any(c in numbers and _printed_elsewhere(words, line, c) for c in cited):
        return []
    return [line[k] for k in range(1, len(line)) if _ascii(words[line[k - 1]].text) == _DAY_WORD
            and _SLASHED_DATE.match(words[line[k]].text)]


def _printed_elsewhere(words: list, line: list[int], number: str) -> bool:
    own = set(line)
    return any(i not in own and words[i].text.rstrip(",.;") == number
               for i in range(len(words)))


def _one_digit_apart(first: str, second: str) -> bool:
    """Two readings of one number, one digit misread ("5" / "8", "15" / "16")."""
    first, second = first.lstrip("0") or "0", second.lstrip("0") or "0"
    return len(first) == len(second) and sum(a != b for a, b in zip(first, second,
                                                                     strict=True)) == 1


def _ascii(text: str) -> str:
    return to_ascii(text).casefold()
