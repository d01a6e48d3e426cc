"""Repair OCR slips the domain can recognise. Pure functions from text to text.

Each function returns the repaired text; callers compare it with the input to know whether
something was repaired (and then warn). None of them raises on odd input.

- `strip_rule_marks`: rule remnants ("_", "—", "|") left at a cell's edges.
- `split_glued_syllables`: Vietnamese writes every syllable apart, so "Trungtâm" (no valid
  syllable) is two syllables whose space OCR lost.
- `repair_number_cell` / `repair_number_column`: row numbers — letters read for digits,
  roman numerals ("IH" → "III"), and numbers that break the sequence by one confusable
  digit ("9.4" after "5.3" → "5.4").
- `repair_target_cell`: a "≥" read as "2" ("2 70" → "≥ 70"), letters inside numbers.
- `snap_phrase` / `snap_words`: headers, units and deadline words to the vocabulary.
- `snap_word_runs`: runs of words that spell a vocabulary phrase without their marks take
  the phrase's marks ("Chỉ cục" → "Chi cục").
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import regex
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from chitieu.core.lexicon import load_yaml
from chitieu.core.numbering import PART_ONLY as PART_LABEL
from chitieu.core.numbering import PART_WORDS
from chitieu.core.text import fold, to_ascii

# ---------------------------------------------------------------- rule remnants

# spacing accents ("ˆ", "˜", "´") are a diacritic OCR read apart from its letter, or a speck
_MARK_TOKEN = regex.compile(r"^[\-_|—–~=`'\"‘’“”,.:;¦ˆ˜´¨˘ˇ˙°^]+$")


def strip_rule_marks(text: str) -> str:
    """Drop tokens made only of rule-like marks at the start and end of a cell."""
    tokens = text.split()
    while tokens and _MARK_TOKEN.match(tokens[-1]):
        tokens.pop()
    while tokens and _MARK_TOKEN.match(tokens[0]) and tokens[0] not in {"-", "–"}:
        tokens.pop(0)
    if tokens and tokens[0] in {"-", "–"} and len(tokens) == 1:
        tokens = []
    return " ".join(tokens)


_GLUED_UNDERSCORE = regex.compile(r"(?<=[\p{L}\p{N}%])_+(?=\s|$)|(?<=^|\s)_+(?=[\p{L}\p{N}])")


def strip_glued_underscores(text: str) -> str:
    """A rule's remnant read as "_" stuck to a word ("ít nhất 04_ lớp"): these documents
    print no underscores in their text."""
    return _GLUED_UNDERSCORE.sub("", text)


# ---------------------------------------------------------------- glued syllables

_VOWELS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
_SYLLABLE = regex.compile(
    rf"^(?P<initial>ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?"
    rf"(?P<vowels>[{_VOWELS}]{{1,3}})(?P<final>ng|nh|ch|[cmnpt])?$")
_STOP_FINALS = {"c", "ch", "p", "t"}
_GRAVE, _HOOK, _TILDE = "\u0300", "\u0309", "\u0303"
_VIETNAMESE_ONLY = regex.compile(r"[ăâêôơưđ]|[^\x00-\x7f]", regex.IGNORECASE)
_WORD_WITH_EDGES = regex.compile(r"^(?P<pre>\W*)(?P<core>\p{L}+)(?P<post>\W*)$")


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """A well-formed Vietnamese syllable (lower or capitalised), by its spelling rules."""
    lower = unicodedata.normalize("NFC", word.casefold())
    match = _SYLLABLE.match(lower)
    if match is None:
        return False
    vowels, final = match["vowels"], match["final"] or ""
    base = unicodedata.normalize("NFD", vowels)
    if final in _STOP_FINALS and any(mark in base for mark in (_GRAVE, _HOOK, _TILDE)):
        return False  # a syllable ending in c/ch/p/t takes only the sắc or nặng tone
    # ă and â always close a syllable, never with -nh or -ch
    return not (vowels[-1] in "ăâắằẳẵặấầẩẫậ" and final in {"", "nh", "ch"})


# "Tư pháp -Hộ tịch", "Văn hóa- Xã hội": a dash between words OCR glued to one of them
_HALF_SPACED_DASH = regex.compile(r"(?<=\p{L}) ([-–])(?=\p{L})|(?<=\p{L})([-–]) (?=\p{L})")


def space_dashes(text: str) -> str:
    """A dash between two words spaced on one side only is spaced on both: OCR lost the
    other space ("Tư pháp -Hộ tịch" → "Tư pháp - Hộ tịch")."""
    return _HALF_SPACED_DASH.sub(lambda m: f" {m[1] or m[2]} ", text)


def split_glued_syllables(text: str) -> str:
    """Put back the space OCR lost between two syllables: "Trungtâm" → "Trung tâm"."""
    return " ".join(_split_token(token) for token in text.split())


# "banMTTQ", "xãUBND": a syllable glued to the abbreviation after it
_BEFORE_ABBREVIATION = regex.compile(r"^(?P<word>\p{Lu}?\p{Ll}+)(?P<abbr>\p{Lu}{2,})$")


# "thiểu05", "2ngày", "Tháng12": a number glued to a word of two letters or more
_WORD_THEN_NUMBER = regex.compile(r"^(?P<pre>\W*)(?P<a>\p{L}{2,})(?P<b>\d[\d.,]*)(?P<post>\W*)$")
_NUMBER_THEN_WORD = regex.compile(r"^(?P<pre>\W*)(?P<a>\d[\d.,]*)(?P<b>\p{Ll}{2,})(?P<post>\W*)$")


def _split_number(token: str) -> str | None:
    """The word and the number OCR glued together, parted; None when `token` is not one (an
    abbreviation with digits, "4G", "m2", "km2" stay)."""
    for pattern, word in ((_WORD_THEN_NUMBER, "a"), (_NUMBER_THEN_WORD, "b")):
        match = pattern.match(token)
        if match and is_syllable(match[word]) and not match[word].isupper():
            return f"{match['pre']}{match['a']} {match['b']}{match['post']}"
    return None


def _split_token(token: str) -> str:
    number = _split_number(token)
    if number is not None:
        return number
    parts = regex.split(r"([\-/–])", token)
    if len(parts) > 1:
        return "".join(_split_token(p) if p not in "-/–" else p for p in parts)
    match = _WORD_WITH_EDGES.match(token)
    if match is None:
        return token
    core = match["core"]
    glued = _BEFORE_ABBREVIATION.match(core)
    if glued and len(glued["word"]) >= 2 and is_syllable(glued["word"]):
        return f"{match['pre']}{glued['word']} {glued['abbr']}{match['post']}"
    if (len(core) < 4 or is_syllable(core) or core.isupper() or not _VIETNAMESE_ONLY.search(core)
            or (any(c.isupper() for c in core[1:]) and not _capital_split(core))):
        return token
    split = _best_split(core)
    return f"{match['pre']}{split}{match['post']}" if split else token


def _capital_split(core: str) -> bool:
    """"VănHóa": one capital inside, after a lower-case letter — two capitalised syllables."""
    inner = [i for i, c in enumerate(core) if c.isupper() and i > 0]
    return len(inner) == 1 and core[inner[0] - 1].islower()


def _best_split(core: str) -> str | None:
    candidates = split_candidates(core)
    if len(candidates) == 1:
        return candidates[0]
    # Prefer splits where every syllable after the first starts with a consonant.
    with_onsets = [c for c in candidates if all(w[0].casefold() not in _VOWELS
                                                for w in c.split()[1:])]
    if len(with_onsets) == 1:
        return with_onsets[0]
    capitalised = [c for c in candidates if all(w[0].isupper() for w in c.split()[1:])]
    if len(capitalised) == 1:
        return capitalised[0]
    return _longer_split(core) if not candidates else None


def split_candidates(core: str) -> list[str]:
    """The ways to spell `core` as two or three well-formed syllables."""
    candidates = []
    for i in range(1, len(core)):
        head, tail = core[:i], core[i:]
        if not is_syllable(head):
            continue
        if is_syllable(tail):
            candidates.append(f"{head} {tail}")
        else:
            rest = next((f"{tail[:j]} {tail[j:]}" for j in range(1, len(tail))
                         if is_syllable(tail[:j]) and is_syllable(tail[j:])), None)
            if rest:
                candidates.append(f"{head} {rest}")
    return candidates


# Words of four or more glued syllables ("Tylệhộgia") are split when the fewest syllables
# that spell them, each after the first with a consonant onset, are one way only.
_MAX_GLUED = 24


def _longer_split(core: str) -> str | None:
    if len(core) > _MAX_GLUED:
        return None
    best: dict[int, list[list[str]]] = {0: [[]]}
    for end in range(1, len(core) + 1):
        ways = []
        for start in range(max(0, end - 7), end):
            piece = core[start:end]
            if start in best and is_syllable(piece) and (
                    start == 0 or piece[0].casefold() not in _VOWELS):
                ways += [[*way, piece] for way in best[start]]
        if ways:
            fewest = min(len(w) for w in ways)
            best[end] = [w for w in ways if len(w) == fewest][:4]
    found = best.get(len(core), [])
    return " ".join(found[0]) if len(found) == 1 and len(found[0]) >= 4 else None


# ---------------------------------------------------------------- letters Vietnamese lacks

_VIETNAMESE_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđ" + _VOWELS)


def plain_foreign_letters(text: str) -> str:
    """Letters with marks Vietnamese never writes ("ï", "î", "ë") are a letter with a speck
    read as an accent: keep the letter ("Phụ lục ï" → "Phụ lục i"); an "Ð" (eth) is the
    "Đ" it is drawn as ("15-KH/ÐU")."""
    if text.isascii():
        return text
    return "".join(_plain(c) for c in text)


# Letters of other alphabets drawn exactly as a Vietnamese one: the Icelandic eth is "Đ"
_LOOKALIKE_LETTERS = {"Ð": "Đ", "ð": "đ"}


@lru_cache(maxsize=4096)
def _plain(char: str) -> str:
    if not char.isalpha() or char.casefold() in _VIETNAMESE_LETTERS:
        return char
    if char in _LOOKALIKE_LETTERS:
        return _LOOKALIKE_LETTERS[char]
    base = unicodedata.normalize("NFD", char)[0]
    return base if base.isascii() and base.isalpha() else char


# ---------------------------------------------------------------- row numbers

_DIGIT_LIKE = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "S": "5",
                             "B": "8"})
_ARABIC_LIKE = regex.compile(r"^[0-9OolI|SB]+(?:\.[0-9OolI|SB]+)*\.?$")
# "Í", "Ì", "Ị": a stroke with a speck above or below it read as a mark
_SPECKED_ONES = "ÍÌỈĨỊíìỉĩị"
_ROMAN_LIKE = regex.compile(rf"^[IVXLHTil1|!\[\]{_SPECKED_ONES}]+\.?$")
_AS_ROMAN_ONES = str.maketrans({"H": "II", "l": "I", "1": "I", "|": "I", "]": "I", "[": "I",
                                "L": "I", "T": "I", "i": "I", "!": "I",
                                **dict.fromkeys(_SPECKED_ONES, "I")})
_ROMAN = regex.compile(r"^[IVX]+$")
_LETTER = regex.compile(r"^[A-ZĐ]\.?$")
_CONFUSABLE_DIGITS = {"5": "96", "9": "5", "6": "58", "8": "63", "3": "8", "1": "7", "7": "1",
                      "0": "8"}
_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
           "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"]


def repair_number_cell(text: str) -> str:
    """A row number alone: rule marks dropped, a spacing accent read beside it (a speck:
    "Iˆ") too, letters read for digits in arabic numbers ("1O" → "10", "2.l" → "2.1"); a lone
    roman "I" or letter is left as it is. A letter with a mark Vietnamese never writes is
    the letter with a speck ("Iï" → "Ii": a roman "II" to the sequence)."""
    text = _strip_number_edges(_SPACING_ACCENTS.sub("", plain_foreign_letters(text)))
    head, _, rest = text.partition(" ")
    if rest and _ARABIC_LIKE.match(head) and sum(c.isalpha() for c in rest) < 3:
        text = head  # "10 s—": specks read beside the number, not a section's title
    if not text or " " in text or _roman_item(text):
        return text  # "I.1": whether a roman section's item or a misread "1.1", the rows say
    if _ARABIC_LIKE.match(text) and any(c.isdigit() for c in text):
        return text.translate(_DIGIT_LIKE)
    return text


# Accents printed apart from a letter (modifier letters "ˆ", "ˇ", "˜" …): no number has one
_SPACING_ACCENTS = regex.compile(r"[\u02B0-\u02FF]")


# An item of a roman section, numbered after it ("I.1", "II.3")
_ROMAN_ITEM = regex.compile(r"^(?P<roman>[IVX]+)\.\d+(?:\.\d+)*\.?$")


def _roman_item(text: str) -> bool:
    match = _ROMAN_ITEM.match(text)
    return match is not None and match["roman"] in _ROMANS


def _strip_number_edges(text: str) -> str:
    # Stripping an edge can expose a mark token ("A .\x1b" → "A ." → "A"): repeat until stable.
    # An item's closing parenthesis is its label's ("a)", "2)"), not a rule's remnant.
    while True:
        stripped = regex.sub(r"^[^\p{L}\p{N}]+|(?<!^(?:\p{Ll}|\d{1,2}))[^\p{L}\p{N}.]+$|"
                             r"(?<=^(?:\p{Ll}|\d{1,2}))(?:[^\p{L}\p{N}.)]+|\)[^\p{L}\p{N}.]+)$",
                             "", strip_rule_marks(_RULE_CHARS.sub(" ", text)))
        if stripped == text:
            return stripped
        text = stripped


def repair_number_column(numbers: Sequence[str],
                         section_like: Sequence[bool] | None = None) -> list[str]:
    """Row numbers of one table, in order, repaired against their sequence.

    `section_like` marks rows with nothing but a number and a title. Such a row numbered "1"
    whose next row starts again at "1" (not "1.1") is a roman "I" read as a digit, as bold
    serif "I", "II", "III" often are ("1", "H", "HT").
    """
    repaired = [repair_number_cell(n) for n in numbers]
    flags = list(section_like) if section_like is not None else [False] * len(repaired)
    _undouble(repaired, flags)
    _first_section_from_next(repaired, flags)
    _first_section_twice(repaired, flags)
    _count_back_from_a_sure_section(repaired, flags)
    state, previous = _Sequence(), ""
    for index, number in enumerate(repaired):
        if not number or " " in number:
            continue
        following = next((n for n in repaired[index + 1:] if n and " " not in n), "")
        if flags[index] and _letter_read_as_digits(state, number, following, {
                n.strip().rstrip(".") for n, flag in
                zip(repaired[index + 1:], flags[index + 1:], strict=True) if flag}):
            fixed = _step(state.letter, 1)
        elif flags[index] and _restarts(number, following):
            fixed = state.expect_roman(number) or state.expect(number)
        elif not flags[index] and _last_read_as_letter(state, number, following, previous):
            fixed = str(state.arabic[0] + 1)
        elif not flags[index] and _before(number, following):
            fixed = _before(number, following)
        elif not flags[index] and _between(state.arabic, number, following):
            fixed = _between(state.arabic, number, following)
        else:
            fixed = state.expect(number)
        repaired[index] = fixed
        state.see(fixed)
        previous = fixed
    return _fill_lost_numbers(repaired, flags)


def _undouble(numbers: list[str], section_like: list[bool]) -> None:
    """A number read as the next one ("2" read "3"): the same number on two rows in a row,
    then the one after it, with nothing above saying the first is right (no n - 1 as the
    last arabic number above them: "3, 4, 4, 5" is a number cell merged over two rows) —
    the first of the two is n - 1."""
    for index in range(len(numbers) - 2):
        number, twin, after = numbers[index:index + 3]
        if (not number.isdigit() or number != twin or after != str(int(number) + 1)
                or int(number) < 2 or section_like[index] or section_like[index + 1]):
            continue
        before = next((n.rstrip(".") for n in reversed(numbers[:index])
                       if n.rstrip(".").isdigit()), "")
        if before != str(int(number) - 1):
            numbers[index] = str(int(number) - 1)


_ARABIC_SECTION = regex.compile(r"^(?P<n>\d+)(?P<dot>\.?)$")


def _first_section_from_next(numbers: list[str], section_like: list[bool]) -> None:
    """The first arabic section of its run read as another digit together with its items
    ("1." read "4.", its "1.1", "1.2" read "4.1", "4.2": they agree, so the row numbers alone
    see nothing wrong). Sections step by one: a first section numbered n > 1, with no number
    above it in its run (the table's top, or a roman or letter section), whose next section
    is "2", is "1" — and its items' first part n is "1" too."""
    start: int | None = 0  # where the current run of arabic sections began; None: seen
    for index, number in enumerate(numbers):
        match = _ARABIC_SECTION.match(number.strip())
        if not section_like[index] or match is None:
            if section_like[index] and number.strip():
                start = index + 1  # a roman or letter section: a new run under it
            continue
        first, above, start = match["n"], start, None
        if above is None or first == "1" or any(n.strip() for n in numbers[above:index]):
            continue
        following = next((j for j in range(index + 1, len(numbers))
                          if section_like[j] and numbers[j].strip()), None)
        after = _ARABIC_SECTION.match(numbers[following].strip()) if following else None
        if after is None or after["n"] != "2":
            continue
        numbers[index] = "1" + match["dot"]
        for item in range(index + 1, following):
            if numbers[item].startswith(first + "."):
                numbers[item] = "1" + numbers[item][len(first):]


def _first_section_twice(numbers: list[str], section_like: list[bool]) -> None:
    """The first section row read as the number of the section after it ("I" read "HH" and
    counted "II", above the next section's "II"): two sections never share a number, and
    the second's reading is the one to trust — the first is the one before it when that is
    where a sequence starts ("I", "A")."""
    sections = [i for i, flag in enumerate(section_like) if flag and numbers[i].strip()]
    if len(sections) < 2:
        return
    first, second = (numbers[i].strip().rstrip(".") for i in sections[:2])
    if first != second or not _is_sequence_number(first):
        return
    item = next((n.strip() for n in numbers[sections[0] + 1:sections[1]] if n.strip()), "1")
    if regex.match(r"^\d", item) and not regex.match(r"^1(?:\D|$)", item):
        return  # its items run on from a section above this table ("5", "6"): it is "II"
    before = _step(first, -1)
    if before in _FIRST_SECTIONS:
        numbers[sections[0]] = before + (".", "")[not numbers[sections[0]].strip().endswith(".")]


# A section row's number as OCR garbles a roman one: strokes ("l", "H", "1i"), a lone
# capital of a shaded "I"'s shape ("G", "J"), or a roman number itself ("II" for "I"); no
# other letter: "A", "B", "Đ" number a lettered group, read right, and so does a lone "T" (a
# "T" among strokes, "HT", is a shaded "III"'s)
_GARBLED_SECTION = regex.compile(r"^(?!T$)(?:[IVXLHTil|!\[\]ïíìî]{1,4}|[GJ])$")


def _count_back_from_a_sure_section(numbers: list[str], section_like: list[bool]) -> None:
    """Roman sections above one read right, numbered by their count: sections step by one
    from "I", so a roman number n on the k-th section row of a run (n = k, counting from
    one) says the rows above it are "I" … n - 1 — whatever OCR read there ("II", "l", "III"
    is "I", "II", "III": a shaded "I" read "II", the next "II" read "l"; "G", "H", "III").
    Only where the rows above read otherwise, each as a roman one or a lone capital would be
    garbled, the count's reading is the last roman number of the run (its own count), and
    the first section's items start at "1" (a run continued from another table starts
    elsewhere). Arabic section rows ("1.", "2.") are another level and take no part; a part
    named with a word ("PHẦN II") starts a new run."""
    runs: list[list[int]] = [[]]
    for index, flag in enumerate(section_like):
        core = numbers[index].strip().rstrip(".")
        if not flag or not core or regex.match(r"^\d", core):
            continue
        if PART_LABEL.match(numbers[index].strip()):
            runs.append([])
            continue
        runs[-1].append(index)
    for run in runs:
        romans = [k for k, i in enumerate(run) if numbers[i].strip().rstrip(".") in _ROMANS]
        if not romans:
            continue
        last = romans[-1]
        if numbers[run[last]].strip().rstrip(".") != _ROMANS[last]:
            continue  # the last roman number read is not its own count: nothing sure
        wanted = _ROMANS[:last]
        read = [numbers[i].strip().rstrip(".") for i in run[:last]]
        if read == wanted or not all(_GARBLED_SECTION.match(r) for r in read) or (
                read[0] in _FIRST_SECTIONS - {"I"}):
            continue  # "A": a letter run's own start, letters over roman sections
        end = run[1] if len(run) > 1 else len(numbers)
        item = next((n.strip() for n in numbers[run[0] + 1:end] if n.strip()), "1")
        if regex.match(r"^\d", item) and not regex.match(r"^1(?:\D|$)", item):
            continue
        for index, number in zip(run[:last], wanted, strict=True):
            numbers[index] = number + ("." if numbers[index].strip().endswith(".") else "")

def _fill_lost_numbers(numbers: list[str], section_like: list[bool]) -> list[str]:
    """A record's number OCR lost outright (an empty cell, the first row under a header
    repeated on a new page) alone between n - 1 and n + 1 is n."""
    for index in range(1, len(numbers) - 1):
        before, after = numbers[index - 1], numbers[index + 1]
        if (numbers[index] or section_like[index] or not before.isdigit()
                or not after.isdigit() or int(after) != int(before) + 2):
            continue
        numbers[index] = str(int(before) + 1)
    return numbers


# A part's word and its number ("PHẦN II", "Mục 3"), as OCR may read the word: a letter lost
# at the cell's rule ("HẦN I"), or the word lost to marks ("II II").
_PART_NUMBER = regex.compile(r"^(?P<word>\S+)\s+(?P<number>[IVXLC]+|\d+|[A-ZĐ])\.?$")


def repair_part_word(text: str) -> str:
    """A part's word one letter off one of the words parts are named by ("HẦN I" → "PHẦN
    I", "MUC 2" → "MỤC 2"), in the printed capitals."""
    match = _PART_NUMBER.match(text.strip())
    if match is None or match["word"].casefold() in PART_WORDS or len(match["word"]) < 3:
        return text
    word = match["word"]
    close = [p for p in PART_WORDS if Levenshtein.distance(word.casefold(), p) == 1]
    if len(close) != 1:
        return text
    fixed = close[0].upper() if word.isupper() else close[0].capitalize()
    return f"{fixed} {match['number']}"


def follow_part(text: str, previous: str | None) -> str:
    """A section row's number read as a mark and the numeral after the part above ("II II"
    after "PHẦN I"): the part's word is lost, the numeral says which part it is."""
    match, above = _PART_NUMBER.match(text.strip()), _PART_NUMBER.match(previous or "")
    if match is None or above is None or above["word"].casefold() not in PART_WORDS:
        return text
    word = match["word"]
    if word.casefold() in PART_WORDS or (is_syllable(word) and not _ROMAN_LIKE.match(word)):
        return text  # a word of its own, not strokes read for the part's word
    if step_number(above["number"], 1) != match["number"]:
        return text
    return f"{above['word']} {match['number']}"


# "I.CH: TIỂU VỀ KINH TẾ": a section's number and title read without the space between
_GLUED_SECTION = regex.compile(
    r"^(?P<number>[IVX]{1,4}|[A-ZĐ])(?P<mark>[.)])(?P<title>\p{Lu}{2}\S*)")


def unglue_section_number(text: str) -> str:
    """Put back the space between a section's number and its title in capitals."""
    return _GLUED_SECTION.sub(r"\g<number>\g<mark> \g<title>", text.strip(), count=1) \
        if _GLUED_SECTION.match(text.strip()) else text


_VALID_NUMBER = regex.compile(r"^(?:[IVX]+|[A-ZĐ]|\d+(?:\.\d+)*\.?|[a-zđ]\)|\p{L}+\s.*)\.?$")


def number_sections(numbers: Sequence[str], section_like: Sequence[bool],
                    titles: Sequence[str], bold: Sequence[bool] = ()) -> list[str]:
    """Section rows whose number OCR lost or garbled ("", "n", "1v") take the number the
    sequence of sections says they print: the next roman (or letter) after the section row
    above, the one before the section row below, and where there are both they must agree.

    Only rows that look like section rows count — no values, a title — and a row with no
    number at all must have its title in capitals, as a section row prints it (an unnumbered
    group row in ordinary type stays unnumbered), or in bold (`bold`, per row) where the
    sequence places it beyond doubt: between two sections it fits, or first before the
    second section of its sequence ("Làm sạch dữ liệu" in bold above "II")."""
    out = [_SPACING_ACCENTS.sub("", n) for n in numbers]  # "Iˆ": a speck beside the "I"
    sections = [i for i, flag in enumerate(section_like) if flag]
    for position, index in enumerate(sections):
        number = out[index].strip()
        title = titles[index]
        capitals = _section_title(title, capitals=not number)
        heavy = not number and index < len(bold) and bold[index] and _section_title(
            title, capitals=False)
        if not (capitals or heavy) or (_VALID_NUMBER.match(number)
                                       and not _breaks_letter_sequence(out, sections, position)):
            continue
        above = next((out[i].rstrip(".") for i in reversed(sections[:position])
                      if _is_sequence_number(out[i])), None)
        below = next((out[i].rstrip(".") for i in sections[position + 1:]
                      if _is_sequence_number(out[i])), None)
        guesses = {g for g in (_step(above, 1), _step(below, -1)) if g is not None}
        if _first_of_level(out, sections, position) and not number and below is None and (
                _garbled_roman_next(out, sections[position + 1:])):
            guesses, below = {"I"}, "II"  # the first section, the next one's "II" garbled
        if above is not None and below is not None and _step(above, 1) != _step(below, -1):
            continue
        if not capitals and not (above is not None and below is not None) and (
                above is not None or _step(below, -1) not in _FIRST_SECTIONS):
            continue
        if len(guesses) == 1:
            out[index] = guesses.pop()
    return out


_FIRST_SECTIONS = {"I", "A"}
_LONE_LETTER = regex.compile(r"^[A-ZĐ]$")


def _breaks_letter_sequence(numbers: list[str], sections: list[int], position: int) -> bool:
    """The section row at `position` is numbered with a lone capital letter that cannot be
    a letter section where it stands: letters start at "A" and step by one, so an "M" with
    no "L" above it is a misread number ("II" read "M", "I" read "L"), to be numbered as the
    sequence around it says. Roman "I", "V", "X" are left to the roman sequence."""
    core = numbers[sections[position]].strip().rstrip(".")
    if not _LONE_LETTER.match(core) or core in _ROMANS:
        return False
    previous = next((numbers[i].strip().rstrip(".") for i in reversed(sections[:position])
                     if _LONE_LETTER.match(numbers[i].strip().rstrip("."))
                     and numbers[i].strip().rstrip(".") not in _ROMANS), None)
    return core != (_step(previous, 1) if previous is not None else "A")


def _first_of_level(numbers: list[str], sections: list[int], position: int) -> bool:
    """The section row at `position` is the first of its level: the first section row, or
    the first under a part named with a word ("PHẦN I")."""
    return position == 0 or bool(PART_LABEL.match(numbers[sections[position - 1]].strip()))


def _garbled_roman_next(numbers: list[str], following: list[int]) -> bool:
    """The next section row that is not an arabic sub-section ("1.") reads as strokes that
    are no roman number as they stand ("H", "1!", "Il")."""
    for index in following:
        core = numbers[index].strip().rstrip(".")
        if not core or core.isdigit() or regex.match(r"^\d+(?:\.\d+)+$", core):
            continue
        return bool(_ROMAN_LIKE.match(core)) and core not in _ROMANS and (
            not core.isdigit())
    return False


def _section_title(title: str, capitals: bool) -> bool:
    letters = [c for c in title if c.isalpha()]
    if len(letters) < 4:
        return False
    return not capitals or all(c.isupper() for c in letters)


def _is_sequence_number(number: str) -> bool:
    core = number.strip().rstrip(".")
    return core in _ROMANS or bool(regex.match(r"^[A-HK-UW-ZĐ]$", core))


def step_number(number: str | None, by: int) -> str | None:
    """The number `by` places after (or before) `number` in its sequence (roman, letter or
    arabic)."""
    if number is not None and number.isdigit():
        return str(int(number) + by) if int(number) + by > 0 else None
    return _step(number, by)


def _step(number: str | None, by: int) -> str | None:
    """The section number `by` places after (or before) `number` in its sequence."""
    if number is None:
        return None
    if number in _ROMANS:
        at = _ROMANS.index(number) + by
        return _ROMANS[at] if 0 <= at < len(_ROMANS) else None
    letters = "ABCDĐEGHIKLMNOPQRSTUVXY"  # the Vietnamese alphabet's capitals, as lists use
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if number not in letters else letters
    at = letters.index(number) + by if number in letters else -1
    return letters[at] if 0 <= at < len(letters) else None


# Strokes read for a "1" in a row's number ("1i", "l", "I")
_AS_ONE = str.maketrans({"I": "1", "l": "1", "i": "1", "|": "1", "!": "1"})


def _before(number: str, following: str) -> str | None:
    """A row with values whose number reads as strokes right before the arabic number of
    the next row ("1i" before "2"): the number one less, as digits."""
    core, dot = (number[:-1], ".") if number.endswith(".") else (number, "")
    digits = core.translate(_AS_ONE)
    if not digits.isdigit() or digits == core or not following.rstrip(".").isdigit():
        return None
    # each mark a "1", or all of them one "1" read in pieces (its flag apart: "1i")
    readings = {digits, "1"} if set(digits) == {"1"} else {digits}
    fits = [r for r in readings if int(r) + 1 == int(following.rstrip("."))]
    return fits[0] + dot if fits else None


def _between(previous: list[int] | None, number: str, following: str) -> str | None:
    """A row with values whose number reads as no number ("Ồ") between "2" and "4": "3"."""
    if (previous is None or len(previous) != 1 or _VALID_NUMBER.match(number)
            or len(number) > 2 or not following.rstrip(".").isdigit()):
        return None
    expected = previous[0] + 1
    return str(expected) if int(following.rstrip(".")) == expected + 1 else None


def _letter_read_as_digits(state: _Sequence, number: str, following: str,
                           later_sections: set[str]) -> bool:
    """A section row under letter sections whose number reads as the digits the next row
    prints, or one digit off them ("B" read "8" or "3" above the item "3"), where that next
    number runs on from the items above ("1", "2" | "3"): two rows never share a number, so
    this one is the next letter section, not an item (a section whose items start again at
    "1" is a roman one read as digits: `_restarts`). Not when that letter stands below as a
    section of its own: then this row is an item's number printed twice ("3" merged over two
    rows, the first holding only the item's title)."""
    core, after = number.rstrip("."), following.rstrip(".")
    if (state.letter is None or state.last_arabic is None or not core.isdigit()
            or after != str(state.last_arabic + 1)):
        return False
    letter = _step(state.letter, 1)
    if letter is None or letter in later_sections:
        return False
    return after in {core, state.expect(core)}


# Letters OCR reads for a lone digit ("5" read "o", "8" read "B")
_DIGIT_LETTERS = regex.compile(r"^[oOsSBgqzZ]$")


def _last_read_as_letter(state: _Sequence, number: str, following: str,
                         previous: str) -> bool:
    """The last numbered row of a list whose number reads as a letter OCR reads for a digit
    ("5" read "o" after "4"): no number follows to place it, the plain number above does.
    A letter after letters ("g" after "e") or the next letter section ("B" under "A") is
    printed so."""
    return (not following and bool(_DIGIT_LETTERS.match(number))
            and previous.rstrip(".").isdigit() and not state.next_letter_is(number)
            and state.arabic is not None and len(state.arabic) == 1)


def _restarts(number: str, following: str) -> bool:
    """The next row starts a list at "1" rather than numbering this row's children."""
    core = number.rstrip(".")
    return (following.rstrip(".") in {"1", "l", "I"}
            and not regex.match(rf"^{regex.escape(core)}\.\d", following))


class _Sequence:
    """What row number may come next: the last roman, letter and arabic numbers seen."""

    def __init__(self) -> None:
        self.roman: str | None = None
        self.letter: str | None = None
        self.arabic: list[int] | None = None
        self.last_arabic: int | None = None  # the last plain number, kept across sections

    def see(self, number: str) -> None:
        core = number.rstrip(".")
        if _ROMAN.match(core) and core in _ROMANS and not self._next_letter_is(core):
            self.roman, self.arabic = core, None
        elif _LETTER.match(number):
            self.letter, self.roman, self.arabic = core, None, None
        elif regex.match(r"^[0-9]+(?:\.[0-9]+)*$", core):
            self.arabic = [int(p) for p in core.split(".")]
            if core.isdigit():
                self.last_arabic = int(core)

    def _next_letter_is(self, core: str) -> bool:
        return bool(self.letter) and len(core) == 1 and ord(core) == ord(self.letter) + 1

    def next_letter_is(self, number: str) -> bool:
        """Whether `number` is the letter section after the current one."""
        return self._next_letter_is(number.rstrip("."))

    def expect(self, number: str) -> str:
        core, dot = (number[:-1], ".") if number.endswith(".") else (number, "")
        if self._next_letter_is(core):
            return number
        if _roman_item(core):
            if self.roman is not None and self.arabic is None:
                return number  # "I.1" under a roman section, before any arabic number
            arabic = core.translate(_DIGIT_LIKE)
            if set(core.split(".")[0]) != {"I"} or (
                    self.arabic is not None and arabic not in self._expected_arabic()):
                return number  # "I.1" after the items "1", "2": no "1" read "I"
            return arabic + dot  # "I.2" after "1.1": a "1" read "I"
        roman = self._roman_reading(core)
        if roman is not None:
            return roman + dot
        if regex.match(r"^[0-9]+(?:\.[0-9]+)*$", core) and self.arabic is not None:
            return self._arabic_reading(core) + dot
        # a letter read before the expected number ("Z7" after "6"): the rule on its left
        # (a letter after it may be printed: "3a", "3b")
        glued = regex.match(r"^\p{L}(?P<digits>\d+(?:\.\d+)*)$", core)
        if glued and glued["digits"] in self._expected_arabic() | self._run_on():
            return glued["digits"] + dot
        return number

    def _run_on(self) -> set[str]:
        """Under a new section: the first number of a list, or the one after the last
        (numbers that run on across sections)."""
        if self.arabic is not None or self.last_arabic is None:
            return set()
        return {"1", str(self.last_arabic + 1)}

    def _expected_arabic(self) -> set[str]:
        previous = self.arabic or []
        if not previous:
            return set()
        expected = {".".join(map(str, [*previous[:-1], previous[-1] + 1])),
                    ".".join(map(str, [*previous, 1]))}
        if len(previous) > 1:
            expected.add(".".join(map(str, [*previous[:-2], previous[-2] + 1])))
        return expected

    def expect_roman(self, number: str) -> str | None:
        """The expected roman number for a section row whose number reads as digits."""
        core, dot = (number[:-1], ".") if number.endswith(".") else (number, "")
        roman = self._roman_reading(core, digits=True)
        return roman + dot if roman is not None else None

    def _roman_reading(self, core: str, digits: bool = False) -> str | None:
        """The expected roman number when `core` is a misreading of it: a letter read for an
        "I" ("IH", "L", "Il"), or the previous number again with one "I" lost."""
        if not _ROMAN_LIKE.match(core) or (core.isdigit() and not digits):
            return None
        if _LONE_LETTER.match(core) and (
                self._next_letter_is(core) or (self.roman is None and self.letter is None)):
            return None  # a letter section, or a first section "H": nothing says otherwise
            # (a stroke with a speck for a mark, "Ì", is no letter: letters carry none)
        expected = _ROMANS[_ROMANS.index(self.roman) + 1] if self.roman in _ROMANS[:-1] else "I"
        if core == expected or (_ROMAN.match(core) and core != self.roman):
            return None
        readings = _roman_readings(core)
        readings |= {r + "I" for r in readings} | {r[:-1] for r in readings if len(r) > 1}
        return expected if expected in readings else None

    def _arabic_reading(self, core: str) -> str:
        parts = core.split(".")
        previous = self.arabic or []
        expected = {".".join(map(str, [*previous[:-1], previous[-1] + 1]))} if previous else set()
        expected |= {".".join(map(str, [*previous, 1]))}
        if len(previous) > 1:
            expected.add(".".join(map(str, [*previous[:-2], previous[-2] + 1])))
        if core in expected:
            return core
        fixes = {variant for variant in _one_digit_variants(".".join(parts))
                 if variant in expected}
        if not fixes:  # an item's point lost ("11" for "1.1" under "1.", "12" after "1.1")
            fixes = {core[:i] + "." + core[i:] for i in range(1, len(core))
                     if core[i - 1].isdigit() and core[i].isdigit()} & expected
        if not fixes:  # a speck read as one more digit ("34" between "2" and "4")
            fixes = {core[:i] + core[i + 1:] for i in range(len(core))
                     if core[i].isdigit()} & expected if len(core) > 1 else set()
        if not fixes and len(parts) > 1:
            # the parent part ("5" of "5.3") is what the rows before say it is: any one digit
            # wrong there, if that gives exactly one expected number
            parent = ".".join(parts[:-1])
            fixes = {f"{variant}.{parts[-1]}" for variant in
                     _one_digit_variants(parent, "0123456789")} & expected
        return fixes.pop() if len(fixes) == 1 else core


def _roman_readings(core: str) -> set[str]:
    """What a misread roman number may be: each "H" one or two "I"s (serif "I"s run
    together), each of l 1 | ] L T i an "I"."""
    readings = {""}
    for char in core[:8]:
        options = ("I", "II") if char == "H" else (char.translate(_AS_ROMAN_ONES),)
        readings = {r + o for r in readings for o in options}
    return readings


def _one_digit_variants(number: str, alphabet: str | None = None) -> Iterable[str]:
    """The number with one digit changed: to a digit it is often misread for, or to any of
    `alphabet`."""
    for i, char in enumerate(number):
        if not char.isdigit():
            continue
        for other in alphabet if alphabet is not None else _CONFUSABLE_DIGITS.get(char, ""):
            if other != char:
                yield number[:i] + other + number[i + 1:]


# ---------------------------------------------------------------- targets

_RULE_CHARS = regex.compile(r"[_|¦]")
_SIGN_AS_TWO = regex.compile(r"^2\s+(?=\d)")
_NUMBERISH = regex.compile(r"(?<![\p{L}])[0-9OolI|]*\d[0-9OolI|]*(?:[.,][0-9OolI|]+)*(?![\p{L}])")


# a speck read as a point or a comma before a cell's number (".84,6"): a value never opens
# with one (a fraction prints its "0,")
_SPECK_BEFORE_NUMBER = regex.compile(r"^[.,'`·]+(?=\d)")


def repair_target_cell(text: str) -> str:
    """A target or result cell: rule marks dropped; "2 70" (a "≥" read as "2") → "≥ 70";
    letters inside numbers read as digits ("1O0" → "100"); the words before the number
    given the marks of the target words they spell ("Tư 70% trở lên" → "Từ 70% trở lên")."""
    text = strip_rule_marks(_RULE_CHARS.sub("", text))
    text = _SPECK_BEFORE_NUMBER.sub("", text)
    text = _SIGN_AS_TWO.sub("≥ ", text)
    text = _NUMBERISH.sub(lambda m: m.group(0).translate(_DIGIT_LIKE), text)
    words = text.split()
    first = next((i for i, w in enumerate(words) if regex.match(r"^[\d≥≤<>]", w)), 0)
    if 0 < first <= 4:  # the whole run of words before the number is one target phrase
        lead = " ".join(words[:first])
        fixed = repair_lead_phrase(lead, [p for p in _target_leads()
                                          if len(p.split()) == first])
        if fixed == lead:
            fixed = _glued_target_lead(lead)
        if fixed == lead and first == 1:
            fixed = _letter_off_target_lead(lead)
        text = " ".join([fixed, *words[first:]]) if fixed != lead else text
    return text


def _letter_off_target_lead(lead: str) -> str:
    """One word before a target's number that spells the one target word of its length
    with a letter misread ("Tiên 65" for "Trên 65", EVAL17 worn Lạc Sơn at 200 dpi); else
    `lead`. Words of three letters or fewer are too short to judge ("Tư", "là")."""
    key = _key(lead)
    if len(key) <= 3 or lead.casefold() in {p.casefold() for p in _target_leads()}:
        return lead
    found = [p for p in _target_leads() if len(p.split()) == 1 and len(_key(p)) == len(key)
             and Levenshtein.distance(_key(p), key) == 1]
    return in_printed_case(found[0], lead) if len(found) == 1 else lead


def _glued_target_lead(lead: str) -> str:
    """The words before a target's number that spell one target phrase with its space lost
    or a vowel read twice ("Tốithiếểu" → "Tối thiểu"): compared without marks, spaces or a
    letter repeated, exactly one phrase of more words than printed; else `lead`."""
    key = _undoubled_key(lead)
    if not key or lead.casefold() in {p.casefold() for p in _target_leads()}:
        return lead
    found = [p for p in _target_leads()
             if len(p.split()) > len(lead.split()) and _undoubled_key(p) == key]
    if len(found) != 1:
        return lead
    if lead.isupper():
        return found[0].upper()
    return found[0][:1].upper() + found[0][1:] if lead[:1].isupper() else found[0]


def _undoubled_key(text: str) -> str:
    return regex.sub(r"(.)\1+", r"\1", _key(text))


@lru_cache(maxsize=1)
def _target_leads() -> tuple[str, ...]:
    """The words printed before a target's number (chitieu/data/target_words.yaml), longest
    first."""
    words = load_yaml("target_words.yaml") or {}
    phrases = [*words.get("lead", ()), *(p for ops in (words.get("prefix_ops") or {}).values()
                                         for p in ops)]
    return tuple(sorted(dict.fromkeys(phrases), key=lambda p: -len(p.split())))


def repair_lead_phrase(text: str, phrases: Sequence[str]) -> str:
    """A name whose first words spell a vocabulary phrase without its accents ("Ty lệ hộ …",
    "Tỳ lệ …") takes the phrase's accents, keeping the printed capitals."""
    words = text.split()
    for phrase in phrases:
        size = len(phrase.split())
        head = " ".join(words[:size])
        if len(words) < size or head == phrase or _key(head) != _key(phrase):
            continue
        if len(head) != len(phrase):
            continue
        return " ".join([in_printed_case(phrase, head), *words[size:]])
    return text


_APPENDIX_LABEL = regex.compile(r"^(?P<word>phụ\s+lục\s+(?:số\s+)?)(?P<label>\S+?)(?P<end>[:.]?)$",
                                regex.IGNORECASE)


_STROKES_AS_I = str.maketrans({"l": "I", "|": "I", "i": "I", **dict.fromkeys(_SPECKED_ONES, "I")})


def repair_appendix_label(text: str) -> str:
    """An appendix label whose roman number OCR misread: serif "I"s run together read as "H"
    ("PHỤ LỤC H" → "PHỤ LỤC II", "Phụ lục IH" → "Phụ lục III"), a sans "I" read as "l" or
    "|" ("PHỤ LỤC lil" → "PHỤ LỤC III"), the first of several strokes with a speck beside
    it as "t" ("PHỤ LỤC tII"), an "I" with a speck under it as "Ị" ("PHỤ LỤC ỊV"). Digits
    and letters that are labels themselves ("Phụ lục 1", "Phụ lục A") stay."""
    match = _APPENDIX_LABEL.match(text.strip())
    if match is None:
        return text
    label = match["label"]
    if regex.match(r"^T[VX]$", label):  # "PHỤ LỤC TV": the "I"'s serifs read as a "T"
        return f"{match['word']}I{label[1]}{match['end']}"
    speck = regex.match(r"^t[IVXil|]+$", label) is not None
    label = f"I{label[1:]}" if speck else label
    if not speck and (not regex.match(rf"^[IVXHil|{_SPECKED_ONES}]+$", label)
                      or not regex.search(rf"[Hl|{_SPECKED_ONES}]", label)
                      or label == "l"):  # a lone "l" may as well be a "1"
        return text
    roman = label.replace("H", "II").translate(_STROKES_AS_I)
    if roman not in _ROMANS:
        return text
    return f"{match['word']}{roman}{match['end']}"


def balance_parentheses(text: str) -> str:
    """A line in parentheses ("(Kèm theo …)") with a ")" OCR added inside it: the first
    stray ")" before the closing one goes ("… số 58/KH-UBND) ngày …)")."""
    stripped = text.strip()
    if not (stripped.startswith("(") and stripped.endswith(")")):
        return text
    if stripped.count(")") != stripped.count("(") + 1:
        return text
    depth = 0
    for index, char in enumerate(stripped[:-1]):
        depth += (char == "(") - (char == ")")
        if depth == 0:  # the line's parenthesis closed before its end
            return (stripped[:index] + stripped[index + 1:]).replace("  ", " ")
    return text


def repair_date_digits(text: str) -> str:
    """Deadlines: letters inside the digits of a date ("12/2O26" → "12/2026"), a year split
    by a space ("12/202 6"); a part with no digit at all ("Quý II/2026") is a word or a
    roman number and stays."""
    text = _SPLIT_YEAR.sub(lambda m: m[1] + m[2] if regex.fullmatch(r"20\d\d", m[1] + m[2])
                           else m[0],
                           strip_rule_marks(text))
    return _DATE_PARTS.sub(lambda m: _digits_if_numeric(m.group(0)), text)


# "202 6", "20 26"; after a slash "2 026" too ("Tháng 9/2 026"), where only a year stands
_SPLIT_YEAR = regex.compile(r"(?<![\d.,])(20\d?|(?<=/)2) (\d{1,3})(?![\d.,])")


_DATE_PARTS = regex.compile(r"(?<![\p{L}\d])[0-9OolI]+(?![\p{L}\d])")

# "Quý II/2026" as OCR reads its roman number: serif "I"s run together into "H", an "I" read
# as "1", "l", "!", "|", a sans-serif "J" or with a speck for an accent ("IĨ"); either end of
# a range of quarters ("Quý I - JI/2026").
_QUARTER_END = r"(?=\s*(?:/|năm\b|$|[,;]|[-–]\s*\S))"
_QUARTER = regex.compile(r"(?i)(?P<word>\bquý\s*)(?P<n>[^\s/,;.\-–]+)" + _QUARTER_END)
_QUARTER_RANGE = regex.compile(
    r"(?i)(?P<word>\bquý\s*[IVX]+\s*[-–]\s*)(?P<n>[^\s/,;.\-–]+)" + _QUARTER_END)
_QUARTER_SLIPS = regex.compile(rf"^[IVHTLil1|!\]J{_SPECKED_ONES}U]+$")
_QUARTERS = ("I", "II", "III", "IV")
# what a misread glyph of a quarter may print: serif "I"s run together ("H"), a "V" or an
# "I" whose serifs closed into a cup ("U")
_QUARTER_GLYPHS = {"H": ("I", "II"), "U": ("V", "I")}
_AS_QUARTER_ONES = str.maketrans(dict.fromkeys("Til1|!]LJj" + _SPECKED_ONES, "I"))


# the strokes of "Quý III/2026" read as two words ("Quý ii 1/2026"): one number
_QUARTER_SPLIT = regex.compile(
    r"(?i)(?P<word>\bquý\s*)(?P<a>[IVHTLil1|!\]J]+)\s+(?P<b>[IVHTLil1|!\]J]+)(?=\s*/)")


def repair_quarter_numeral(text: str) -> str:
    """The roman number of a quarter, misread ("Quý H/2026", "Quý IHI/2026", "Quý 11/2026",
    "Quý !/2026", "Quý I - JI/2026", "Quý ii 1/2026") → the quarter it must be; an arabic
    quarter ("Quý 2/2026") stays."""
    text = _QUARTER_SPLIT.sub(_quarter_joined, text)
    return _QUARTER_RANGE.sub(_quarter_match, _QUARTER.sub(_quarter_match, text))


def _quarter_joined(match: regex.Match) -> str:
    """Two runs of strokes before the year are one misread number, unless the first is a
    quarter as printed ("Quý I II/2026" lists two)."""
    if match["a"] in _QUARTERS:
        return match.group(0)
    return f"{match['word']}{match['a']}{match['b']}"


def _quarter_match(match: regex.Match) -> str:
    printed = match["n"]
    if printed in _QUARTERS or printed in {"1", "2", "3", "4"} or not _QUARTER_SLIPS.match(
            printed):
        return match.group(0)
    ones = printed.translate(_AS_QUARTER_ONES)
    first = ones.replace("H", "II")  # most often two serif "I"s touching
    if first in _QUARTERS:
        return match["word"] + first
    readings = {""}
    for char in ones[:6]:
        options = _QUARTER_GLYPHS.get(char, (char,))
        readings = {r + o for r in readings for o in options}
    fits = [r for r in _QUARTERS if r in readings]
    return match["word"] + fits[0] if len(fits) == 1 else match.group(0)


def _digits_if_numeric(part: str) -> str:
    return part.translate(_DIGIT_LIKE) if any(c.isdigit() for c in part) else part


# ---------------------------------------------------------------- vocabulary

def _key(text: str) -> str:
    """Compare key: no accents, case, spaces or punctuation."""
    return regex.sub(r"[^a-z0-9%]", "", to_ascii(text).casefold())


def compare_key(text: str) -> str:
    """The key two readings of one phrase are compared by: no accents, case, spaces or
    punctuation."""
    return _key(text)


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, tuple[str, ...]]:
    data = load_yaml("ocr_vocab.yaml") or {}
    return {name: tuple(str(v) for v in values or ()) for name, values in data.items()}


def snap_phrase(text: str, phrases: Sequence[str], min_ratio: float = 85.0,
                max_length_change: int | None = None) -> str:
    """The vocabulary phrase a cell is an OCR misreading of, else the cell unchanged.

    The comparison ignores accents, case, spaces and punctuation, so a phrase is chosen when
    the letters almost agree; the accents and spacing then come from the vocabulary.
    `max_length_change` bounds how many letters a snap may add or drop: a slip changes
    letters, while a fragment ("tâm Dịch vụ …" cut by a page break) lacks whole words.
    """
    stripped = text.strip()
    if not stripped or stripped in phrases:
        return text
    keys = _phrase_keys(tuple(phrases))
    key = _key(stripped)
    if not key:
        return text
    found = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=min_ratio)
    if found is None:
        return text
    # phrases as near by their letters ("Chỉ tiên": "Chi tiết", "Chỉ tiêu") are told apart
    # by the marks read too: the one nearest the cell as printed (a header lost its name
    # column to "Chi tiết", and the table with it: triage S1)
    tied = [index for _, score, index in process.extract(
        key, keys, scorer=fuzz.ratio, score_cutoff=found[1] - 0.01, limit=5)
            if abs(score - found[1]) < 1e-6]
    if len(tied) > 1:
        found = (None, found[1], min(tied, key=lambda index: Levenshtein.distance(
            unicodedata.normalize("NFC", phrases[index]).casefold(),
            unicodedata.normalize("NFC", stripped).casefold())))
    candidate = phrases[found[2]]
    if _key(candidate) == key and _accent_distance(candidate, stripped) == 0:
        return text
    known = keys[found[2]]
    if max_length_change is not None and known != key and (
            abs(len(known) - len(key)) > max_length_change or key in known or known in key):
        return text  # a part of the phrase, or the phrase with more: not a slip
    return candidate


@lru_cache(maxsize=32)
def _phrase_keys(phrases: tuple[str, ...]) -> list[str]:
    return [_key(p) for p in phrases]


def _accent_distance(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a.casefold(), b.casefold(), strict=False)) + abs(
        len(a) - len(b))


def snap_words(text: str, words: Sequence[str]) -> str:
    """Each word that, without its accents, is exactly one vocabulary word takes that word's
    accents (keeping the printed capitalisation of its first letter)."""
    table = _word_table(tuple(words))
    out = []
    for token in text.split():
        match = _WORD_WITH_EDGES.match(token)
        if match is None:
            out.append(token)
            continue
        core = match["core"]
        choices = table.get(to_ascii(core).casefold())
        if not choices or len(choices) != 1 or core.casefold() in {c.casefold() for c in choices}:
            out.append(token)
            continue
        chosen = next(iter(choices))
        chosen = chosen[0].upper() + chosen[1:] if core[0].isupper() else chosen.lower()
        if core.isupper():
            chosen = chosen.upper()
        out.append(f"{match['pre']}{chosen}{match['post']}")
    return " ".join(out)


@lru_cache(maxsize=8)
def _word_table(words: tuple[str, ...]) -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for word in words:
        table.setdefault(to_ascii(word).casefold(), set()).add(word.casefold())
    return table


def snap_word_runs(text: str, phrases: Sequence[str], longest: int = 8,
                   written: Callable[[str, str], int] | None = None) -> str:
    """Each run of two to `longest` words that, without its marks, spells a phrase of the
    vocabulary (`phrases`, cut at punctuation: "Phòng Tài chính - Kế hoạch" gives "Phòng Tài
    chính" and "Kế hoạch") of one spelling only, and is none of them as read, takes that
    spelling's marks, keeping its own capitals: "Chỉ cục Kiểm lâm" → "Chi cục Kiểm lâm" when
    "Chi cục" is a phrase. Longest runs first; a run read as a phrase ("Ban Chỉ huy") stays.
    One word alone is never rewritten: a single syllable's tone is a word of its own. With
    `written` (how often typed text writes two words side by side), a run whose words are
    written side by side as read stays too: "các chỉ tiêu" is no "chi tiêu" slip."""
    table = _run_table(tuple(phrases), longest)
    tokens = text.split()
    words = [_WORD_WITH_EDGES.match(t) for t in tokens]
    out = list(tokens)
    index = 0
    while index < len(tokens):
        index += _snap_run_at(words, out, index, table, longest, written) or 1
    return " ".join(out) if out != tokens else text


def _snap_run_at(words: list, out: list[str], start: int, table: dict[str, dict[str, str]],
                 longest: int, written: Callable[[str, str], int] | None) -> int:
    """Rewrite the longest vocabulary run at `start` in `out`; how many words it took."""
    for count in range(min(longest, len(words) - start), 1, -1):
        run = words[start:start + count]
        if any(w is None for w in run) or any(w["pre"] for w in run[1:]) or any(
                w["post"] for w in run[:-1]):
            continue  # a run is words only: punctuation between them ends it
        read = " ".join(w["core"] for w in run)
        forms = table.get(to_ascii(read).casefold())
        if forms is None:
            continue
        if fold(read) in forms or (written is not None and any(
                written(a["core"], b["core"]) for a, b in itertools.pairwise(run))):
            return count  # a phrase as read, or words typed text writes together
        if len(forms) > 1:
            continue  # spelled two ways: a shorter run may still be one spelling's
        spelled = next(iter(forms.values())).split()
        for offset, (word, form) in enumerate(zip(run, spelled, strict=True)):
            spelled_so = in_printed_case(form, word["core"])
            out[start + offset] = f"{word['pre']}{spelled_so}{word['post']}"
        return count
    return 0


def in_printed_case(form: str, read: str) -> str:
    """`form` with the capitals of `read` letter by letter (a word of as many letters);
    `form` as it is when their lengths differ."""
    if len(form) != len(read):
        return form
    return "".join(f.upper() if r.isupper() else f.lower() for f, r in zip(form, read,
                                                                           strict=True))


@lru_cache(maxsize=8)
def _run_table(phrases: tuple[str, ...], longest: int) -> dict[str, dict[str, str]]:
    """The phrases' pieces between punctuation of 2..`longest` words, by their letters without
    marks: their spellings by their folded form (one tone placement, case-folded). Whole
    pieces only: a run across a name's words ("Sở Tài" of "Sở Tài chính") is no phrase."""
    table: dict[str, dict[str, str]] = {}
    for phrase in phrases:
        for piece in regex.split(r"[^\p{L}\s]+", phrase):
            if 2 <= len(piece.split()) <= longest:
                run = " ".join(piece.split()).casefold()
                table.setdefault(to_ascii(run), {}).setdefault(fold(run), run)
    return table
