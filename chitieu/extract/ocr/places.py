"""Place names in the lines of a scan above its table (the letterhead's issuer, the title, the
"(Kèm theo …)" line), given back the marks OCR changed: "xã Yên Thể" → "xã Yên Thế",
"phường Đức Phô" → "phường Đức Phổ", "phuờng Ba Đình" → "phường Ba Đình".

A name is only rewritten after a level word ("xã", "phường", "đặc khu", "tỉnh", "thành
phố"), when it is no unit's name as read and, without its marks, spells exactly one name of
the administrative units in force (chitieu/data/admin_units.csv, provinces.csv). Scans only:
a text input is the truth as typed.
"""

from __future__ import annotations

import csv
import io
import itertools
import unicodedata
from functools import lru_cache

import regex
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from chitieu.core.lexicon import read_text
from chitieu.core.text import fold, to_ascii

_LEVELS = {"xa": "xã", "phuong": "phường", "tinh": "tỉnh", "dac khu": "đặc khu",
           "thanh pho": "thành phố"}
_TOKEN = regex.compile(r"^(?P<pre>[^\p{L}]*)(?P<core>\p{L}+)(?P<post>[^\p{L}]*)$")
_LONGEST_NAME = 3  # words


def repair_place_names(text: str) -> str:
    """`text` with each place name after a level word spelled as the unit list spells it."""
    read = text.split()
    tokens = _capital_i_read_as_l(read)
    out = list(tokens)
    index = 0
    while index < len(tokens):
        level, size = _level_at(tokens, index)
        if level is None:
            index += 1
            continue
        start = index + size
        found = _name_at(tokens, start, level)
        if found is not None:
            name, count = found
            if name is not None:
                _put(out, start, count, name)
            place = name or " ".join(_TOKEN.match(t)["core"] for t in tokens[start:start + count])
            if _misspelt(" ".join(tokens[index:index + size]), level) or _lost_its_tone(
                    tokens, index, size, level, place):
                _put(out, index, size, level)
            index = start + count
        else:
            index = start
    return " ".join(out) if out != read else text


def _capital_i_read_as_l(tokens: list[str]) -> list[str]:
    """`tokens` with a name's capital "I" that OCR read as a small "l" put back, after a
    level word: in a sans face the two are one stroke ("xã la Grai" for "xã Ia Grai", "XÃ lA
    PA" for "XÃ IA PA"). Only where the words as read are no unit's name ("xã la Bằng" is the
    commune La Bằng) and, with the "I", spell one of that level's units as they stand (not
    once their marks are changed); in a name printed in capitals the word is too, in
    another the rest of it in lower case ("xã lA Pa" → "Ia Pa")."""
    out = list(tokens)
    for index in range(len(tokens)):
        level, size = _level_at(tokens, index)
        start = index + size
        if level is None or start >= len(tokens):
            continue
        tail = _after_capital_i(tokens[start])
        if tail is None:
            continue
        trial = [*out[:start], "I" + tail, *out[start + 1:]]
        found = _name_at(trial, start, level)
        if found is None or found[0] is not None:
            continue
        count = found[1]
        cores = [_TOKEN.match(t)["core"] for t in tokens[start:start + count]]
        with_i = " ".join(_TOKEN.match(t)["core"] for t in trial[start:start + count])
        if (" ".join(cores).casefold() in _known_names()
                or with_i.casefold() not in _names_of_level().get(level, frozenset())):
            continue
        # in capitals, judged over the name's other words of two letters or more, or over
        # its level word where it has none ("xã la O" is "Ia O", "XÃ lA O" is "IA O")
        judged = [core for core in cores[1:] if len(core) > 1] or [
            _TOKEN.match(t)["core"] for t in tokens[index:start]]
        if count > 1 and all(core.isupper() for core in judged):
            trial[start] = trial[start].upper()
        else:  # "xã lA Pa": the "I" then the word's own letters in lower case ("Ia")
            trial[start] = "I" + tail.lower()
        out = trial
    return out


# A mark OCR reads for a sans "I"'s stroke, or beside it: "!la Dom", "|a Pa"
_STROKE_MARKS = ("!", "|")


def _after_capital_i(token: str) -> str | None:
    """What follows a name's capital "I" in a token that may read it as a small "l" ("la",
    "lA"), a mark and an "l" ("!la") or a mark alone ("!a"); None for a token that does not
    open so."""
    word = _TOKEN.match(token)
    if word is None or (word["pre"] and word["pre"] not in _STROKE_MARKS):
        return None
    core = word["core"]
    if regex.match(r"l\p{L}", core):
        return core[1:] + word["post"]
    if word["pre"] and regex.match(r"\p{Ll}", core):
        return core + word["post"]
    return None


def _marks_as_in(tail: str, name_tail: str) -> bool:
    """Whether the letters after an "I" read as "l" carry the name's own marks ("la" for
    "Ia"; "là", the copula, is no "Ia")."""
    word = _TOKEN.match(tail)
    return word is not None and fold(word["core"]) == fold(name_tail)


def places_named(text: str) -> list[str]:
    """The unit names `text` prints after its level words, as the unit list spells them
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ" → ["Huế"]): the document's own places."""
    tokens = text.split()
    found: list[str] = []
    index = 0
    while index < len(tokens):
        level, size = _level_at(tokens, index)
        named = _name_at(tokens, index + size, level) if level is not None else None
        if named is None:
            index += size or 1
            continue
        name, count = named
        read = " ".join(_TOKEN.match(t)["core"] for t in tokens[index + size:index + size + count])
        found.append(name or next(n for n in _unit_names() if n.casefold() == read.casefold()))
        index += size + count
    return found


def restore_place_marks(text: str, names: tuple[str, ...]) -> str:
    """`text` with a capitalised run of words that spells one of `names` (the document's own
    places, `places_named`) once its marks are removed given that name's marks ("áo dài Huệ"
    → "áo dài Huế" in a plan of Huế). A run after a capitalised Vietnamese syllable is left:
    it may be a person's name ("đường Nguyễn Huệ"); the same marks placed the old way
    ("Thuỷ") are the name as printed."""
    from chitieu.extract.ocr.repair import is_syllable

    tokens = text.split()
    out = list(tokens)
    for name in names:
        size, key = len(name.split()), " ".join(_fold(w) for w in name.split())
        for start in range(len(tokens) - size + 1):
            run = tokens[start:start + size]
            if name[:1] == "I" and run[0][:1] == "l" and (tail := _after_capital_i(run[0])):
                if not _marks_as_in(tail, name.split()[0][1:]):
                    continue  # "Trọng tâm là Pa": a word with marks the name has not
                run = ["I" + tail, *run[1:]]  # "làng la Hrung": its "I" read as an "l"
            words = [_TOKEN.match(t) for t in run]
            if any(w is None for w in words) or any(w["post"] for w in words[:-1]):
                continue
            read = " ".join(w["core"] for w in words)
            if (not all(w["core"][0].isupper() for w in words)
                    or " ".join(_fold(w["core"]) for w in words) != key):
                continue
            if fold(read) == fold(name):
                if run[0] != tokens[start]:
                    out[start] = run[0]  # its marks as printed: only the "I" to put back
                continue
            before = _TOKEN.match(tokens[start - 1]) if start else None
            if (before is not None and not before["post"] and before["core"].istitle()
                    and is_syllable(before["core"].casefold())):
                continue  # in a line of capitals every word is capitalised: no sign there
            out[start] = run[0]
            _put(out, start, size, name)
    return " ".join(out) if out != tokens else text


def restore_capital_i_names(text: str) -> str:
    """`text` with any unit's "Ia …" name whose capital "I" OCR read as a small "l" (one
    stroke in a sans face: "giáp xã la Phí", "hồ la Ly") given its "I" back, where the words
    with it spell that name as the unit list does, marks and capitals as they stand (a name
    in capitals too); nothing else of the words is judged (the document's own places are:
    `restore_place_marks`)."""
    tokens = text.split()
    out = list(tokens)
    for index, token in enumerate(tokens):
        tail = _after_capital_i(token) if token[:1] == "l" else None
        if tail is None:
            continue
        for name in _capital_i_names():
            size = len(name.split())
            words = [_TOKEN.match(t) for t in ["I" + tail, *tokens[index + 1:index + size]]]
            if len(words) != size or any(w is None for w in words) or any(
                    w["post"] for w in words[:-1]):
                continue
            cores = [w["core"] for w in words]
            spelled = " ".join(cores)
            if not (_strokes_alike(spelled, name) or (all(c.isupper() for c in cores[1:])
                                                      and spelled.upper() == name.upper())):
                continue
            out[index] = "I" + (tail.upper() if cores[1:] and cores[-1].isupper() else tail)
            if spelled != name and not cores[-1].isupper():  # "la Khươi": its "l" read "i"
                _put(out, index, size, name)
            break
    return " ".join(out) if out != tokens else text


# Letters a sans face prints as one upright stroke, which OCR reads one for another
_STROKES = str.maketrans({"l": "|", "i": "|", "I": "|"})


def _strokes_alike(read: str, name: str) -> bool:
    """`read` is `name`, marks and all, but for one stroke-letter read as another ("Ia
    Khươi" for "Ia Khươl")."""
    if len(read) != len(name) or read == name:
        return read == name
    off = [(a, b) for a, b in zip(read, name, strict=True) if a != b]
    return len(off) == 1 and read.translate(_STROKES) == name.translate(_STROKES)


@lru_cache(maxsize=1)
def _capital_i_names() -> tuple[str, ...]:
    """The units' names that open with a capital "I" (the Central Highlands' "Ia …")."""
    return tuple(name for name in _unit_names() if name[:1] == "I" and " " in name)


def _misspelt(read: str, level: str) -> bool:
    """A level word read with a letter's mark lost or changed ("phuờng"); one that differs
    only by its tone is another word ("địa phương") and stays."""
    core = regex.sub(r"[^\p{L} ]", "", read)
    return core.casefold() != level and _toneless(core) != _toneless(level)


def _lost_its_tone(tokens: list[str], index: int, size: int, level: str, place: str) -> bool:
    """"PHƯƠNG THỦ DẦU MỘT": a level word read with another tone is the level word when the
    place after it is a unit of that level in the list; "địa phương" stays a word of its own."""
    read = regex.sub(r"[^\p{L} ]", "", " ".join(tokens[index:index + size])).casefold()
    if read == level or (index > 0 and _fold(tokens[index - 1]) == "dia"):
        return False
    return place.casefold() in _names_of_level().get(level, frozenset())


def _toneless(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return unicodedata.normalize("NFC", "".join(
        ch for ch in decomposed if ch not in "\u0300\u0301\u0303\u0309\u0323"))


def _level_at(tokens: list[str], index: int) -> tuple[str | None, int]:
    for size in (2, 1):
        words = [_TOKEN.match(t) for t in tokens[index:index + size]]
        if len(words) < size or any(w is None for w in words):
            continue
        if any(w["post"] for w in words[:-1]) or words[0]["pre"]:
            continue
        key = " ".join(_fold(w["core"]) for w in words)
        if key in _LEVELS and not words[-1]["post"]:
            return _LEVELS[key], size
    return None, 0


def _name_words(tokens: list[str], start: int, count: int,
                token: regex.Pattern = _TOKEN) -> list[regex.Match] | None:
    """The `count` words at `start` as a name's words: each capitalised, nothing before
    them and nothing between them but spaces (a mark after the last); else None."""
    words = [token.match(t) for t in tokens[start:start + count]]
    if len(words) < count or any(w is None or w["pre"] for w in words):
        return None
    if any(w["post"] for w in words[:-1]) or not all(w["core"][0].isupper() for w in words):
        return None
    return words


def _name_at(tokens: list[str], start: int, level: str) -> tuple[str | None, int] | None:
    """The unit name the words at `start` spell and how many words: (None, count) when they
    are one as read; the name when they spell exactly one without their marks. Units of
    `level` first: "XÃ GIA VIÊN" is the commune Gia Viễn, Gia Viên being a ward."""
    names = _names_by_key()
    known = _known_names()
    of_level = _names_of_level().get(level, frozenset())
    for count in range(_LONGEST_NAME, 0, -1):
        words = _name_words(tokens, start, count)
        if words is None:
            continue
        read = " ".join(w["core"] for w in words)
        if read.casefold() in of_level:
            return None, count
        choices = names.get(" ".join(_fold(w["core"]) for w in words), set())
        at_level = [c for c in choices if c.casefold() in of_level]
        if len(at_level) == 1:
            return at_level[0], count
        if read.casefold() in known:
            return None, count
        if len(choices) == 1:
            return next(iter(choices)), count
    return _digit_for_a_letter(tokens, start, level) or _letter_off_name(tokens, start, level)


# A name's word as OCR reads it with one letter taken for a digit ("CƯ JÚ0" for "CƯ JÚT"):
# letters and that digit, nothing else between its edges
_WITH_DIGIT = regex.compile(r"^(?P<pre>[^\p{L}\d]*)(?P<core>[\p{L}\d]*\p{L}[\p{L}\d]*)"
                            r"(?P<post>[^\p{L}\d]*)$")


def _digit_for_a_letter(tokens: list[str], start: int, level: str) -> tuple[str, int] | None:
    """The one unit of `level` whose name the capitalised words at `start` spell with a
    letter where OCR read one digit (no name holds a digit); None when the words hold no
    digit or more than one, or when no unit or several fit."""
    units = [name for name, unit_level in _units() if unit_level == level]
    for count in range(_LONGEST_NAME, 0, -1):
        words = _name_words(tokens, start, count, _WITH_DIGIT)
        if words is None:
            continue
        read = " ".join(w["core"] for w in words)
        if sum(ch.isdigit() for ch in read) != 1:
            continue
        pattern = regex.compile(regex.escape(" ".join(_fold(w["core"]) for w in words))
                                .replace(next(ch for ch in read if ch.isdigit()), "[a-z]"))
        fits = {name for name in units
                if pattern.fullmatch(" ".join(_fold(w) for w in name.split()))}
        if len(fits) == 1:
            return fits.pop(), count
    return None


# A name of two or three words this long (letters and spaces, marks off) may be judged one
# letter misread: "MÙ CANG CHỎI" is the commune Mù Cang Chải.
_MIN_EDIT_KEY = 8


def _letter_off_name(tokens: list[str], start: int, level: str) -> tuple[str, int] | None:
    """The one unit of `level` whose name of two or three capitalised words the words at
    `start` spell with one letter misread, added or lost (marks aside); None when there is
    none or more than one."""
    keys = _level_keys_by_shape().get(level, {})
    for count in range(_LONGEST_NAME, 1, -1):
        words = _name_words(tokens, start, count)
        if words is None:
            continue
        key = " ".join(_fold(w["core"]) for w in words)
        if len(key) < _MIN_EDIT_KEY:
            continue
        # one letter off: the same number of words, one letter more or less at most
        close = [names[index] for size in (len(key) - 1, len(key), len(key) + 1)
                 for others, names in (keys.get((count - 1, size), ((), ())),)
                 for _, distance, index in process.extract(
                     key, others, scorer=Levenshtein.distance, score_cutoff=1, limit=None)
                 if distance == 1]
        if len(close) == 1:
            return close[0], count
    return None


@lru_cache(maxsize=1)
def _level_keys() -> dict[str, dict[str, str]]:
    """The names of each level's units by their key (marks off, lower case), where the key
    is one unit's alone."""
    table: dict[str, dict[str, set[str]]] = {}
    for name, level in _units():
        key = " ".join(_fold(w) for w in name.split())
        table.setdefault(level, {}).setdefault(key, set()).add(name)
    return {level: {k: next(iter(v)) for k, v in keys.items() if len(v) == 1}
            for level, keys in table.items()}


@lru_cache(maxsize=1)
def _level_keys_by_shape() -> dict[str, dict[tuple[int, int], tuple[tuple[str, ...],
                                                                    tuple[str, ...]]]]:
    """`_level_keys` indexed by each key's spaces and length (the keys, and their names in
    the same order), so a name one letter off is looked for among the keys of its own shape
    only, not among every unit of its level."""
    table: dict[str, dict[tuple[int, int], list[tuple[str, str]]]] = {}
    for level, keys in _level_keys().items():
        for key, name in keys.items():
            table.setdefault(level, {}).setdefault((key.count(" "), len(key)), []).append(
                (key, name))
    return {level: {shape: (tuple(k for k, _ in pairs), tuple(n for _, n in pairs))
                    for shape, pairs in shapes.items()}
            for level, shapes in table.items()}


def _put(out: list[str], start: int, count: int, words: str) -> None:
    """Rewrite `count` tokens from `start` as `words`, keeping their capitals (a line in
    capitals stays in capitals) and what was glued around them."""
    token = _WITH_DIGIT if any(ch.isdigit() for t in out[start:start + count] for ch in t) else (
        _TOKEN)  # a letter read as a digit is the name's, not what is glued after it
    first, last = token.match(out[start]), token.match(out[start + count - 1])
    read = " ".join(token.match(t)["core"] for t in out[start:start + count])
    if read.isupper():
        words = words.upper()
    elif read[0].islower():
        words = words[0].lower() + words[1:]
    out[start:start + count] = f"{first['pre']}{words}{last['post']}".split(" ")


def _fold(word: str) -> str:
    return to_ascii(word).casefold()


@lru_cache(maxsize=1)
def _units() -> tuple[tuple[str, str], ...]:
    """(name, level word) of every unit: communes, wards, special zones, then provinces."""
    units = [(row["name"], row["level"])
             for row in csv.DictReader(io.StringIO(read_text("admin_units.csv")))]
    units += [(row["name"], "tỉnh" if row["type"] == "tỉnh" else "thành phố")
              for row in csv.DictReader(io.StringIO(read_text("provinces.csv")))]
    return tuple(units)


@lru_cache(maxsize=1)
def _unit_names() -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for name, _ in _units()))


@lru_cache(maxsize=1)
def name_pairs() -> frozenset[tuple[str, str]]:
    """The syllables side by side in the units' names, lower case ("văn", "bàn" of "Văn
    Bàn"): a name read as printed, which no word of the language is to replace."""
    return frozenset(pair for name in _unit_names()
                     for pair in itertools.pairwise(
                         unicodedata.normalize("NFC", name).casefold().split()))


def names_a_unit(level: str, following: list[str]) -> bool:
    """Whether the words `following` a level's word ("xã", "phường", "tỉnh", lower case)
    begin with the name of a unit of that level ("xã" "quản bạ")."""
    names = _names_of_level().get(unicodedata.normalize("NFC", level).casefold())
    if not names:
        return False
    words = [unicodedata.normalize("NFC", w).casefold() for w in following[:_LONGEST_NAME]]
    return any(" ".join(words[:size]) in names for size in range(1, len(words) + 1))


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    return frozenset(name.casefold() for name in _unit_names())


@lru_cache(maxsize=1)
def _names_by_key() -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for name in _unit_names():
        table.setdefault(" ".join(_fold(w) for w in name.split()), set()).add(name)
    return table


@lru_cache(maxsize=1)
def _names_of_level() -> dict[str, frozenset[str]]:
    """Unit names by their level word ("phường": the wards' names), casefolded."""
    table: dict[str, set[str]] = {}
    for name, level in _units():
        table.setdefault(level, set()).add(name.casefold())
    return {level: frozenset(names) for level, names in table.items()}
