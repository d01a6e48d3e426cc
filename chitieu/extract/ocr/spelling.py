"""Put back the diacritics our OCR misreads, by the words around them.

Tesseract's Vietnamese model confuses marks that look alike at scan resolution: the hook
above and the acute ("Tổ chức" read "Tố chức", "Chuyển đổi số" read "Chuyến đối số", "ổn
định" read "ốn định"), and a circumflex or breve lost ("Múc độ" for "Mức độ"). Both readings
are often real syllables ("tống", "số"), so a dictionary alone cannot choose: the words beside
them do. A word is rewritten to another syllable spelled with the same letters (a tone
changed, or more rarely a letter's own mark) when

- that syllable is a Vietnamese word (Debian's hunspell-vi syllable list, when installed,
  and the spelling rules of `chitieu.extract.ocr.repair.is_syllable`),
- the words on either side, in the same text line, follow or precede it in the domain's
  own typed text (chitieu/data/ocr_bigrams.tsv, built by scripts/build_ocr_bigrams.py) at
  least `_MIN_SUPPORT` times, and several times more often than they do the word as read;
  two syllables that spell a word of a Vietnamese dictionary (underthesea's Viet74K word
  list, when installed: "tu bổ", "tiêm chủng", "vùng biển") count as written
  `_DICTIONARY_SUPPORT` times more,
- and Tesseract was not sure of the word as read (`_MAX_CONFIDENCE`), unless the reading is
  no syllable at all.

Only words of scans go through this: a text input is the truth as typed.
"""

from __future__ import annotations

import itertools
import os
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import regex
from rapidfuzz.distance import Levenshtein

from chitieu.core.logs import get_logger
from chitieu.core.numbering import PART_WORDS
from chitieu.core.text import fold
from chitieu.extract.ocr.repair import is_syllable, split_candidates, split_glued_syllables

logger = get_logger(__name__)
BIGRAMS = "ocr_bigrams.tsv"  # a data file of the package (chitieu.core.lexicon)
PHRASES = "ocr_phrases.txt"  # the plans' words the dictionary lacks, counted as its words
PHRASES_VARIABLE = "CHITIEU_OCR_PHRASES"  # the user's own lists of them (`phrase_files`)
HUNSPELL_PATHS = (Path("/usr/share/hunspell/vi_VN.dic"), Path("/usr/share/myspell/vi_VN.dic"))
# A word list of the language's words of one to four syllables, read in place from the
# installed package (the `scan` extra), never imported: its words' syllable pairs.
DICTIONARY = ("underthesea", "corpus/data/Viet74K.txt")

# The neighbours must back the new reading this often in the typed text …
_MIN_SUPPORT = 2
# … this often when the new reading changes a letter's mark (ư for u, â for a), not a tone …
_LETTER_SUPPORT = 5
# … and this many times more often than the reading as printed (plus one).
_SUPPORT_RATIO = 3
# A syllable Tesseract read this surely is replaced only where the neighbours back the new
# reading this many times more than the reading ("các bản" read at 96 stays: "các ban" is
# typed 8 times, "các bản" once; "Ủy bạn" → "Ủy ban", typed hundreds of times, still goes)
_SURE_READ = 95.0
_SURE_RATIO = 5
# A syllable the typed text writes this many times more often than another, read in its
# place, is the one printed (`_syllables_outvoted`).
_WRITTEN_RATIO = 10
# Two syllables that spell a dictionary word count as a pair written this often: alone it is
# backing enough for a tone (`_MIN_SUPPORT`) and for a hook read as an acute however sure
# Tesseract is (`_LETTER_SUPPORT`), never more than the domain's own text writes twice.
_DICTIONARY_SUPPORT = _LETTER_SUPPORT
# Tesseract's confidence (0–100) above which a word that is a syllable is left as read.
_MAX_CONFIDENCE = 96.0
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD = regex.compile(r"^(?P<pre>[^\p{L}]*)(?P<core>\p{L}+)(?P<post>[^\p{L}]*)$")


@dataclass(frozen=True, slots=True)
class Change:
    before: str
    after: str
    confidence: float
    left: str = ""  # the words beside it on its line, as repaired, for review
    right: str = ""


@dataclass(slots=True)
class _Model:
    pairs: Counter[tuple[str, str]]  # the typed text's pairs, the dictionary's words added
    typed: Counter[tuple[str, str]]  # the typed text's pairs alone
    words: frozenset[tuple[str, str]]  # two syllables side by side in a dictionary word
    # three syllables side by side in a saying of the dictionary ("lở mồm long"), two or
    # three in a longer phrase of the plans ("ăn quả"): backing for a word as read, never
    # for a repair
    kept: frozenset[tuple[str, ...]]
    names: frozenset[tuple[str, str]]  # … in a proper name of the dictionary ("Bó Sinh")
    # three syllables side by side in a phrase of the plans (`PHRASES`, the user's lists):
    # backing for a tone that makes them whole (`_phrase_made_whole`); the dictionary's
    # sayings back words as read only ("tháng trồng cây" is no "ba tháng trông cây")
    phrases: frozenset[tuple[str, ...]]
    # pairs only the dictionary's words of three syllables write, those words, and the words
    # of two syllables (the dictionary's and the plans' phrases): `_partial_words`
    partial: frozenset[tuple[str, ...]]
    threes: frozenset[tuple[str, ...]]
    whole: frozenset[tuple[str, ...]]
    syllables: frozenset[str]
    by_tone_skeleton: dict[str, tuple[str, ...]]
    by_plain_skeleton: dict[str, tuple[str, ...]]
    written: Counter[str]  # how often the typed text writes each syllable
    # each syllable under its plain skeleton and under that skeleton less any one letter
    by_deletion: dict[str, tuple[str, ...]]
    # syllables the typed text writes (nearly) only as the second of a dictionary word
    # ("dụng" of "sử dụng", "ứng dụng"): `_bound`
    bound: frozenset[str]


def _strip(word: str, marks: set[str] | None) -> str:
    """`word` without its tone marks (`marks`), or without every mark and with "đ" as "d"
    (None): OCR reads "dân" as "đân" too."""
    decomposed = unicodedata.normalize("NFD", word)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch)
                   or (marks is not None and ch not in marks))
    if marks is None:
        kept = kept.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", kept)


def _hunspell_syllables() -> set[str]:
    for path in HUNSPELL_PATHS:
        if path.exists():
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
            return {unicodedata.normalize("NFC", line.split("/")[0].strip()).casefold()
                    for line in lines if line.strip()}
    return set()


def _dictionary_path() -> Path | None:
    """The dictionary's word list (`DICTIONARY`), or None when the package is not installed."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(DICTIONARY[0])
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / DICTIONARY[1]
    return path if path.is_file() else None


def _dictionary_pairs() -> tuple[set[tuple[str, ...]], ...]:
    """The pairs of syllables side by side in the words of the dictionary (`DICTIONARY`;
    none when the package is not installed), the threes in its sayings, the pairs in its
    proper names, its words of three syllables, and its words of two."""
    path = _dictionary_path()
    if path is None:
        return set(), set(), set(), set(), set()
    pairs: set[tuple[str, str]] = set()
    kept: set[tuple[str, ...]] = set()
    names: set[tuple[str, str]] = set()
    threes: set[tuple[str, ...]] = set()
    two: set[tuple[str, ...]] = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        printed = unicodedata.normalize("NFC", line).split()
        if not all(w.isalpha() for w in printed):
            continue
        words = [w.casefold() for w in printed]
        named = any(w[:1].isupper() for w in printed)
        if named:
            names.update(itertools.pairwise(words))
        elif len(words) > _DICTIONARY_WORD_SYLLABLES:
            kept.update(zip(words, words[1:], words[2:], strict=False))
        else:
            pairs.update(itertools.pairwise(words))
            if len(words) == _DICTIONARY_WORD_SYLLABLES:
                threes.add(tuple(words))
            elif len(words) == 2:
                two.add(tuple(words))
    return pairs, kept, names, threes, two


def phrase_files() -> list[Path]:
    """The user's own phrase lists, as `PHRASES` is written: the files named in
    `$CHITIEU_OCR_PHRASES` (separated as PATH is; `chitieu convert --ocr-phrases FILE`)."""
    chosen = os.environ.get(PHRASES_VARIABLE, "")
    return [Path(part) for part in chosen.split(os.pathsep) if part.strip()]


def readable_phrase_files() -> list[Path]:
    """`phrase_files` that are files; each other one named is said in the log once a process
    (`_model`), not passed over in silence: the CLI refuses a missing `--ocr-phrases`, but
    the variable is the user's to set."""
    readable = []
    for path in phrase_files():
        if path.is_file():
            readable.append(path)
        else:
            logger.warning("$%s names %s, which is no file: left out", PHRASES_VARIABLE, path)
    return readable


def _phrases() -> tuple[set[tuple[str, str]], set[tuple[str, ...]]]:
    """The plans' words the dictionary lacks (`PHRASES`, then the user's `phrase_files`): a
    word of two syllables as a pair of the dictionary's words; a longer phrase as its threes
    and its pairs side by side, backing for the words as read ("cây ăn quả" keeps "quả",
    a cell's "ăn quả" too), never for a repair by a pair — its pairs as words would cross
    the words it is made of ("cấp sổ" is no word: "cấp số" is not made "cấp sổ"); only a
    tone that makes three of its syllables whole with both neighbours (`_phrase_made_whole`)."""
    from chitieu.core.lexicon import read_text

    texts = [read_text(PHRASES)] + [path.read_text(encoding="utf-8", errors="replace")
                                    for path in phrase_files() if path.is_file()]
    pairs: set[tuple[str, str]] = set()
    kept: set[tuple[str, ...]] = set()
    for line in (line for text in texts for line in text.splitlines()):
        if line.strip() and not line.startswith("#"):
            words = unicodedata.normalize("NFC", line).casefold().split()
            if len(words) == 2:
                pairs.add((words[0], words[1]))
            else:
                kept.update(itertools.pairwise(words))
            kept.update(zip(words, words[1:], words[2:], strict=False))
    return pairs, kept


# Entries of more syllables are sayings ("nói trời nói đất"), not words: their pairs cross
# the words they are made of ("trôi nổi" is no "trời nói"). Entries in capitals are proper
# names ("Bó Sinh", "Cẩm Xá"): "nuôi bò sinh sản" is no "bó sinh". Three words of a saying
# back a word as read ("lở mồm long móng" keeps "lở", however "lỡ mồm" is a word; two would
# make "vùng trông cây" a "ba tháng trông cây"); names keep a name printed in capitals
# (`_named`).
_DICTIONARY_WORD_SYLLABLES = 3


@lru_cache(maxsize=1)
def _model() -> _Model:
    """The model, built once and kept in the cache folder (`chitieu.core.cache`): a new
    process loads it instead of reading the dictionary and the pairs again (~1 s)."""
    from chitieu.core.cache import cached
    from chitieu.core.lexicon import data_file

    sources = [data_file(BIGRAMS), data_file(PHRASES), _dictionary_path(),
               next((p for p in HUNSPELL_PATHS if p.exists()), None),
               *readable_phrase_files()]
    return cached("ocr-spelling-model", _build_model, [p for p in sources if p is not None])


def _build_model() -> _Model:
    pairs: Counter[tuple[str, str]] = Counter()
    from chitieu.core.lexicon import read_text

    for line in read_text(BIGRAMS).splitlines():
        if not line or line.startswith("#"):
            continue
        words, count = line.rsplit("\t", 1)
        first, second = words.split(" ")
        pairs[first, second] = int(count)
    typed = Counter(pairs)
    found, kept, names, threes, two = _dictionary_pairs()
    phrase_pairs, phrase_kept = _phrases()
    words = frozenset(found | phrase_pairs)
    # a pair no entry of two syllables (nor a phrase of the plans) writes, only a word of
    # three: part of that word ("trống cà" of "trống cà rùng")
    partial = frozenset(found - two - phrase_pairs)
    kept |= phrase_kept
    for pair in words:
        pairs[pair] += _DICTIONARY_SUPPORT
    known = {w for pair in typed for w in pair}
    dictionary = _hunspell_syllables()
    # without the dictionary, the syllables of the typed text are all the language known
    syllables = frozenset(w for w in (dictionary | known) if is_syllable(w))
    by_tone: dict[str, list[str]] = {}
    by_plain: dict[str, list[str]] = {}
    by_deletion: dict[str, set[str]] = {}
    for word in syllables:
        by_tone.setdefault(_strip(word, _TONES), []).append(word)
        plain = _strip(word, None)
        by_plain.setdefault(plain, []).append(word)
        for key in _deletions(plain):
            by_deletion.setdefault(key, set()).add(word)
    written: Counter[str] = Counter()
    for (first, second), count in typed.items():
        written[first] += count
        written[second] += count
    return _Model(pairs, typed, words, frozenset(kept), frozenset(names),
                  frozenset(t for t in phrase_kept if len(t) == 3), partial, frozenset(threes),
                  frozenset(two | phrase_pairs), syllables,
                  {k: tuple(v) for k, v in by_tone.items()},
                  {k: tuple(v) for k, v in by_plain.items()}, written,
                  {k: tuple(v) for k, v in by_deletion.items()}, _bound_syllables(typed, words))


# A syllable typed this often after another, and at least this share of those times as the
# second of a dictionary word with it, is bound to the word before it (`_Model.bound`).
_BOUND_TYPED = 10
_BOUND_SHARE = 0.9


def _bound_syllables(typed: Counter[tuple[str, str]],
                     words: frozenset[tuple[str, str]]) -> frozenset[str]:
    after: Counter[str] = Counter()
    in_word: Counter[str] = Counter()
    for (first, second), count in typed.items():
        after[second] += count
        if (first, second) in words:
            in_word[second] += count
    return frozenset(w for w, count in after.items()
                     if count >= _BOUND_TYPED and in_word[w] >= _BOUND_SHARE * count)


def _deletions(plain: str) -> set[str]:
    """The skeleton itself and each skeleton with one letter left out."""
    return {plain} | {plain[:i] + plain[i + 1:] for i in range(len(plain))}


# A skeleton shorter than this is too short for a letter of it to be judged misread
# ("và" / "vì" / "và"): only its marks are.
_MIN_EDIT_LETTERS = 3


def _one_letter_off(model: _Model, lower: str) -> set[str]:
    """The syllables whose letters (marks aside) differ from `lower`'s by one letter
    misread, lost or added ("nghào" / "nghèo", "đêm" / "điểm")."""
    plain = _strip(lower, None)
    if len(plain) < _MIN_EDIT_LETTERS:
        return set()
    found = {w for key in _deletions(plain) for w in model.by_deletion.get(key, ())}
    return {w for w in found if Levenshtein.distance(_strip(w, None), plain) == 1}


# Vowels a faint or small print makes look alike under the same marks ("hộ" read "hệ"):
# a word too short for `_one_letter_off` may still be its twin, both neighbours backing it
# (`_backed_both_sides`).
_VOWEL_TWINS = {"e": "o", "o": "e"}


def _vowel_twins(model: _Model, lower: str) -> set[str]:
    """The syllables `lower` spells with one vowel swapped for its look-alike, its marks
    kept (`_VOWEL_TWINS`), for the words too short for `_one_letter_off`."""
    if len(_strip(lower, None)) >= _MIN_EDIT_LETTERS:
        return set()
    decomposed = unicodedata.normalize("NFD", lower)
    twins = set()
    for index, letter in enumerate(decomposed):
        if letter in _VOWEL_TWINS:
            twin = unicodedata.normalize(
                "NFC", decomposed[:index] + _VOWEL_TWINS[letter] + decomposed[index + 1:])
            if twin in model.syllables:
                twins.add(twin)
    return twins


def split_glued(text: str) -> str:
    """Put back the spaces OCR lost between words (`repair.split_glued_syllables`), and
    where the spelling rules alone cannot: around an abbreviation ("phòngHĐNDvà"), and
    between syllables that spell two ways ("cônganxã") by the words the domain writes."""
    return " ".join(_split_glued_token(t) for t in text.split())


_EDGES = regex.compile(r"^(?P<pre>\W*)(?P<core>\p{L}+)(?P<post>\W*)$")


def _split_glued_token(token: str) -> str:
    parted = split_glued_syllables(token)
    match = _EDGES.match(token)
    if parted != token or match is None:
        return parted
    core = match["core"]
    found = _case_runs(core)
    if found is None and not is_syllable(core) and len(core) >= 4:
        found = _most_written(split_candidates(core))
    return f"{match['pre']}{found}{match['post']}" if found else token


def _most_written(candidates: list[str]) -> str | None:
    """Of several ways to part glued syllables ("cônganxã": "công an xã", "cô ngan xã"), the
    one whose every pair of syllables the domain's typed text writes, if only one is."""
    written = [c for c in candidates
               if all(pair_count(a, b) for a, b in itertools.pairwise(c.split()))]
    return written[0] if len(written) == 1 else None


_CASE_RUN = regex.compile(r"\p{Lu}+|\p{Ll}+")


def _case_runs(core: str) -> str | None:
    """Words OCR glued around an abbreviation, parted where the case changes: "phòngHĐNDvà"
    → "phòng HĐND và", "VNPTNinh" → "VNPT Ninh". Every piece must be a known syllable (the
    dictionary's, not only well spelled: "VNPay", "VNeID" stay) or an abbreviation of two
    capitals or more, one of them at least; None when `core` is not such a word."""
    runs = _CASE_RUN.findall(core)
    if len(runs) < 2 or not any(len(r) >= 2 and r.isupper() for r in runs):
        return None
    words: list[str] = []
    for index, run in enumerate(runs):
        if run.isupper():
            words.append(run)
            continue
        capital = words.pop() if words and words[-1].isupper() else ""
        if len(capital) == 1 or (capital and known_syllable(capital[-1] + run) and (
                len(capital) >= 3 or not known_syllable(run))):
            words += [capital[:-1], capital[-1] + run] if len(capital) > 1 else [capital + run]
        else:
            words += [capital, run] if capital else [run]
        if index == 0 and len(run) < 2:
            return None
    words = [w for w in words if w]
    abbreviations = [w for w in words if w.isupper() and len(w) >= 2]
    syllables = [w for w in words if not (w.isupper() and len(w) >= 2)]
    if not abbreviations or not syllables or not all(
            len(w) >= 2 and known_syllable(w) for w in syllables):
        return None
    return " ".join(words)


def known_syllable(word: str) -> bool:
    """A syllable of the dictionary (or of the domain's typed text), any case."""
    return unicodedata.normalize("NFC", word.casefold()) in _model().syllables


def pair_count(left: str, right: str) -> int:
    """How often the domain's typed text writes the two words side by side."""
    fold = lambda w: unicodedata.normalize("NFC", w.casefold())  # noqa: E731
    return _model().typed.get((fold(left), fold(right)), 0)


def _core(text: str) -> tuple[str, str, str] | None:
    match = _WORD.match(text)
    if match is None:
        return None
    return match["pre"], match["core"], match["post"]


def _support(model: _Model, left: str | None, word: str, right: str | None,
             dictionary: bool = True) -> int:
    """How often the neighbours stand beside `word`: in the typed text, and (`dictionary`)
    in the dictionary's words."""
    pairs = model.pairs if dictionary else model.typed
    return ((pairs.get((left, word), 0) if left else 0)
            + (pairs.get((word, right), 0) if right else 0))


def _with_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def best_reading(left: str | None, word: str, right: str | None, confidence: float,
                 outer: tuple[str | None, str | None] = (None, None),
                 named: tuple[bool, bool] = (False, False), proper: bool = False) -> str:
    """The syllable `word` (as OCR read it, any case) should be, given the lower-case words
    on either side (None at a line's edge) and the words beyond them (`outer`); `word`
    itself when nothing says otherwise. `named`: the word and its left (right) neighbour are
    both printed capitalised, as a name is — a name's pair backs a tone there ("Vạn Nính"
    → "Vạn Ninh"). `proper`: the word is printed capitalised after a word in lower case, as
    a proper noun is ("Điều lệ Đảng"): a syllable so printed keeps its letters (the plans'
    "tỷ lệ dân số" makes no "lệ Dân" of it); only its marks are judged."""
    model = _model()
    lower = unicodedata.normalize("NFC", word).casefold()
    valid = lower in model.syllables
    if valid and confidence > _MAX_CONFIDENCE:
        hooked = _hook_for_acute(model, left, lower, right, word, outer)
        if hooked != word:
            return hooked
        marked = _mark_lost_however_sure(model, left, lower, right, word, outer)
        if marked != word:
            return marked
        return _twin_however_sure(model, left, lower, right, word)
    once = lower if valid else _vowel_once(lower, model.syllables)
    if once != lower:  # "Căắm": a vowel read twice
        return _with_case(once, word)
    if (left is None and right is None) or (word.isupper() and len(word) > 1 and not valid
                                             and len(word) <= 3):
        return word  # nothing to judge by; or an abbreviation ("UBND" parts, "CĐS")
    tones = set(model.by_tone_skeleton.get(_strip(lower, _TONES), ()))
    candidates = tones | set(model.by_plain_skeleton.get(_strip(lower, None), ()))
    edits = set() if valid and proper else (
        _one_letter_off(model, lower) | _vowel_twins(model, lower)) - candidates
    # the same syllable with its tone placed the other way ("toả" / "tỏa") is the word as
    # printed, no repair
    candidates = {c for c in candidates | edits if fold(c) != fold(lower)}
    if not candidates:
        return word
    whole = _phrase_made_whole(model, left, lower, right, tones & candidates, outer)
    if whole is not None:
        return _with_case(whole, word)
    # a tone that spells a dictionary word with a neighbour first ("tu bổ hệ" over "tu bộ
    # hệ", which only the typed text's "toàn bộ hệ thống" writes), then the most backed; a
    # letter's own mark changed or a letter misread is backed by the typed text alone ("lao
    # động có việc" is no "động cơ")
    rivals = candidates | {lower}
    formed = {c: _words_formed(model, left, c, right, named, rivals, lower) if c in tones else 0
              for c in candidates}
    titles = _title_pairs() if word[:1].islower() else frozenset()
    scored = sorted(((formed[c], sum(model.typed.get(pair, 0) for pair in ((left, c), (c, right))
                                     if None not in pair and pair not in titles)
                      + _DICTIONARY_SUPPORT * formed[c], c) for c in candidates), reverse=True)
    scored = [(support, c) for _, support, c in scored]
    support, chosen = scored[0]
    if not valid and support < _MIN_SUPPORT:  # "chôt", "Sõ": no word, the pairs silent
        # no other tone of these letters is a syllable ("suõi"): the letters with other
        # marks ("suối", "sưởi")
        return _most_written_tone(model, tones or candidates - edits, word)
    if chosen in edits and (not _letter_backed(model, left, chosen, lower, right, valid,
                                               support)
                            or any(c not in edits and count >= _MIN_SUPPORT
                                   for count, c in scored)):
        # a letter changed lacks the backing it needs, or the letters as read spell a word
        # the neighbours back with other marks ("học câp trung" is "cấp", not "tập")
        # a letter changed lacks the backing it needs ("tảng số" for "Tống số" at a line's
        # start): the letters as read are judged by their marks alone
        scored = [(count, c) for count, c in scored if c not in edits]
        if not scored:
            return word
        support, chosen = scored[0]
    if (chosen in model.bound and left is not None and (left, chosen) not in model.words
            and not model.typed.get((left, chosen), 0) and (chosen, right) not in model.words):
        # a syllable the plans write only as a word's second ("dụng" of "sử dụng") is not
        # made of one after another word ("học sinh dùng sổ điểm": "dụng sổ" is typed, of
        # "sử dụng sổ", but "sinh dụng" never)
        return word
    # a letter's own mark changed too ("Múc" → "Mức") needs more backing than a tone alone,
    # unless the reading is no syllable at all; a letter misread or lost always does (a
    # chosen edit has `_LETTER_SUPPORT` already: `_letter_backed`)
    needed = _MIN_SUPPORT if chosen in tones or not valid else _LETTER_SUPPORT
    if support < needed or (len(scored) > 1 and scored[1][0] == support):
        return word
    ratio = _SURE_RATIO if valid and confidence >= _SURE_READ else _SUPPORT_RATIO
    if support < ratio * (_read_support(model, left, lower, right, outer) + 1):
        return word
    if valid and _contradicted(model, left, chosen, lower, right):
        return word
    if valid and chosen in tones and 0 < _words_formed(model, left, lower, right, named) >= (
            _words_formed(model, left, chosen, right, named)):
        # the word as read spells a dictionary word with a neighbour, as the repair would:
        # how often the plans type the other ("truyền thông" over "truyền thống") says
        # nothing of what this page prints
        return word
    if valid and _neighbour_may_be_misread(model, (left, right), chosen, lower, tones, outer):
        return word
    if valid and _read_spells_word_with_neighbour_reread(model, (left, right), chosen, lower,
                                                         outer):
        return word
    if chosen in tones and _partial_words(model, left, chosen, right, outer):
        # its backing is part of a three-syllable word across a two-syllable one ("trống cà"
        # before "phê"): it stops the repair, never chooses another (review r1 F2)
        return word
    return _with_case(chosen, word)


def _neighbour_may_be_misread(model: _Model, sides: tuple[str | None, str | None],
                              chosen: str, read: str, tones: set[str],
                              outer: tuple[str | None, str | None]) -> bool:
    """Whether the repair rests on a dictionary word with a neighbour (the typed text never
    writing the pair) that the neighbour itself, read with other marks, spells with the word
    as read or with another of its tones: "tinh dầu" read "tỉnh đầu" is made no "tình đầu"
    — the neighbour may be the misread one ("đầu" for "dầu"), and a reading of one syllable
    cannot tell which of the two words is printed. A neighbour its own other neighbour backs
    as read ("trông cây công nghiệp": "cây công") is read right: "trồng" stands."""
    left, right = sides
    for neighbour, pair, beyond in ((left, lambda w, n: (n, w), (outer[0], left)),
                                    (right, lambda w, n: (w, n), (right, outer[1]))):
        if (neighbour is None or pair(chosen, neighbour) not in model.words
                or model.typed.get(pair(chosen, neighbour), 0) or _backs(model, beyond)):
            continue
        others = (set(model.by_tone_skeleton.get(_strip(neighbour, _TONES), ()))
                  | set(model.by_plain_skeleton.get(_strip(neighbour, None), ()))) - {neighbour}
        if any(pair(word, other) in model.words
               for word in (tones | {read}) - {chosen} for other in others):
            return True
    return False


def _read_spells_word_with_neighbour_reread(model: _Model,
                                            sides: tuple[str | None, str | None],
                                            chosen: str, read: str,
                                            outer: tuple[str | None, str | None]) -> bool:
    """Whether the word as read spells a dictionary word with a neighbour read with other
    marks, where neither the word as read nor the repair stands beside that neighbour as
    read, nor does the neighbour's own other neighbour back it: the neighbour is the
    misread one, and the repair rests on the other side alone ("VÀ DÂU TẮM NĂM": "dâu tằm"
    — no "và đầu", however often the plans type it; "đội công chiêng" is "cồng", "đội"
    standing with the word before it; a repair that spells a dictionary word itself,
    "Khôi phục đội công chiêng" → "cồng chiêng", rests on more than the plans' pairs)."""
    left, right = sides
    if (left, chosen) in model.words or (chosen, right) in model.words:
        return False
    for neighbour, pair, beyond in ((left, lambda w, n: (n, w), (outer[0], left)),
                                    (right, lambda w, n: (w, n), (right, outer[1]))):
        if neighbour is None or _backs(model, pair(chosen, neighbour)) or _backs(
                model, pair(read, neighbour)) or _backs(model, beyond):
            continue
        others = (set(model.by_tone_skeleton.get(_strip(neighbour, _TONES), ()))
                  | set(model.by_plain_skeleton.get(_strip(neighbour, None), ()))) - {neighbour}
        if any(pair(read, other) in model.words for other in others):
            return True
    return False


def _phrase_made_whole(model: _Model, left: str | None, read: str, right: str | None,
                       tones: set[str], outer: tuple[str | None, str | None] = (None, None),
                       ) -> str | None:
    """The one tone that makes the word and two words beside it — its neighbours, or the two
    on one side — three syllables of a phrase of the plans (`_Model.phrases`: "đường băng
    cản" of "đường băng cản lửa", where "đường bằng" is a word too; "biển quảng cáo") when
    the reading makes none with a phrase or a saying; else None. Two words as read must
    agree: one alone is a pair, and a phrase's pairs cross words."""
    def threes(word: str) -> list[tuple[str | None, ...]]:
        return [t for t in ((outer[0], left, word), (left, word, right), (word, right, outer[1]))
                if None not in t]

    if any(t in model.kept for t in threes(read)):
        return None
    # a phrase on one side yields to the reading's own word on the other ("cây có mùi thơm":
    # "mùi thơm" — no "cây có múi", review r2 G3 addendum)
    opposite = {(outer[0], left): (read, right), (right, outer[1]): (left, read)}
    whole = [c for c in tones if (left, c, right) in model.phrases or any(
        (t[:2] if t[2] == c else t[1:]) in opposite and t in model.phrases
        and not _backs(model, opposite[t[:2] if t[2] == c else t[1:]])
        for t in threes(c) if t != (left, c, right))]
    return whole[0] if len(whole) == 1 else None


def _partial_words(model: _Model, left: str | None, word: str, right: str | None,
                   outer: tuple[str | None, str | None]) -> int:
    """How many of its neighbours `word` spells only part of a dictionary word of three
    syllables with, where that neighbour spells a word of two with the syllable beyond it
    (0–2): "trống cà" of "trống cà rùng" before "phê" is no word — "cà phê" is, and a
    syllable is one word's. ("trồng cây công nghiệp": "cây công" is part of a word of three
    too; "trồng cây" stands.)"""
    return sum(None not in pair and None not in other and pair in model.partial
               and other in model.whole and three not in model.threes
               for pair, other, three in (((left, word), (outer[0], left), (outer[0], left, word)),
                                          ((word, right), (right, outer[1]),
                                           (word, right, outer[1]))))


def _words_formed(model: _Model, left: str | None, word: str, right: str | None,
                  named: tuple[bool, bool] = (False, False),
                  rivals: set[str] | frozenset[str] = frozenset(),
                  read: str | None = None) -> int:
    """How many of its neighbours `word` spells a dictionary word or (`named`) a name with
    (0–2). A dictionary word the typed text never writes, where it writes one of `rivals`
    (the other readings, `read` the one printed) beside that neighbour, is not counted:
    "Sô người" is "Số người" (typed), not the dictionary's "sổ người"."""
    def formed(pair: tuple[str | None, str | None], rival) -> bool:
        # (where the typed text writes the reading itself there, the dictionary's other
        # readings still speak against a change: "phí không dừng" is no "không dùng")
        return pair in model.words and (model.typed.get(pair, 0) > 0 or not any(
            model.typed.get(rival(other), 0) >= _MIN_SUPPORT for other in rivals - {word})
            or (read is not None and model.typed.get(rival(read), 0) > 0))

    return (formed((left, word), lambda other: (left, other))
            + formed((word, right), lambda other: (other, right))
            + _names_formed(left, word, right, named))


def _names_formed(left: str | None, word: str, right: str | None,
                  named: tuple[bool, bool]) -> int:
    """How many of its capitalised neighbours (`named`) `word` spells a name with."""
    pairs = _name_pairs()
    return (named[0] and (left, word) in pairs) + (named[1] and (word, right) in pairs)


@lru_cache(maxsize=1)
def _title_pairs() -> frozenset[tuple[str, str]]:
    """Two words printed capitalised side by side in an agency's name or alias ("Ban Xây" of
    "Ban Xây dựng Đảng", "Bộ Tài" of "Bộ Tài chính"), lower case: the typed text writes
    them as a name's words, no backing for a word printed in lower case ("Hỗ trợ các bản xây
    dựng" is no "ban xây")."""
    import csv
    import io

    from chitieu.core.lexicon import read_text

    pairs: set[tuple[str, str]] = set()
    for row in csv.DictReader(io.StringIO(read_text("agencies.csv"))):
        for name in [row["name"], *row.get("aliases", "").split("|")]:
            words = unicodedata.normalize("NFC", name).split()
            pairs.update((a.casefold(), b.casefold()) for a, b in itertools.pairwise(words)
                         if a[:1].isupper() and b[:1].isupper() and a.isalpha() and b.isalpha()
                         and not (a.isupper() and len(a) > 1) and not (b.isupper() and len(b) > 1))
    return frozenset(pairs)


@lru_cache(maxsize=1)
def _name_pairs() -> frozenset[tuple[str, str]]:
    """Two syllables side by side in a unit's name (`chitieu.extract.ocr.places`) or a
    proper name of the dictionary, lower case."""
    from chitieu.extract.ocr.places import name_pairs

    return name_pairs() | _model().names


def _backs(model: _Model, pair: tuple[str | None, str | None]) -> bool:
    return None not in pair and (pair in model.words or model.typed.get(pair, 0) >= _MIN_SUPPORT)


def _read_support(model: _Model, left: str | None, read: str, right: str | None,
                  outer: tuple[str | None, str | None] = (None, None)) -> int:
    """How often the neighbours stand beside the word as read (`_support`), three words of a
    saying of the dictionary with the next neighbours (`outer`) counted as a word's."""
    threes = ((outer[0], left, read), (left, read, right), (read, right, outer[1]),
              (left, read), (read, right))
    return _support(model, left, read, right) + _DICTIONARY_SUPPORT * sum(
        three in model.kept for three in threes)


def _contradicted(model: _Model, left: str | None, chosen: str, read: str,
                  right: str | None) -> bool:
    """A syllable as read that a neighbour backs (a dictionary word with it, or a pair the
    typed text writes) where that neighbour never stands beside `chosen`: "trong độ tuổi"
    stays, however often "trong đó" is written, for "đó tuổi" never is."""
    sides = (((left, read), (left, chosen)), ((read, right), (chosen, right)))
    return any(_backs(model, pair_read) and pair_chosen not in model.words
               and not model.typed.get(pair_chosen, 0) for pair_read, pair_chosen in sides)


_ACUTE, _HOOK = "\u0301", "\u0309"


def _hook_for_acute(model: _Model, left: str | None, lower: str, right: str | None,
                    word: str, outer: tuple[str | None, str | None] = (None, None)) -> str:
    """A syllable read with an acute however sure Tesseract is: its model reads the hook
    above as an acute with full confidence ("Tổng số" read "Tống số" at 97). The hook is
    put back when the neighbours back it `_LETTER_SUPPORT` times and far more than the
    reading; else `word`."""
    decomposed = unicodedata.normalize("NFD", lower)
    if _ACUTE not in decomposed:
        return word
    twin = unicodedata.normalize("NFC", decomposed.replace(_ACUTE, _HOOK))
    if twin not in model.syllables:
        return word
    if _phrase_made_whole(model, left, lower, right, {twin}, outer) == twin:
        return _with_case(twin, word)  # "biến quảng cáo": the plans' "biển quảng cáo"
    support = _support(model, left, twin, right)
    if support < _LETTER_SUPPORT or support < _SUPPORT_RATIO * (
            _read_support(model, left, lower, right, outer) + 1):
        return word
    return _with_case(twin, word)


# A letter's own mark (the horn, breve or circumflex) lost in a reading Tesseract is sure of
# is put back only where the typed text writes the other letter beside a neighbour this
# often, and never the reading ("Tổ chúc lễ hội" read at 97: "tổ chức" typed 182 times).
_SURE_TYPED = 20


def _mark_lost_however_sure(model: _Model, left: str | None, lower: str, right: str | None,
                            word: str, outer: tuple[str | None, str | None]) -> str:
    """A syllable read with full confidence but lacking a letter's own mark ("chúc" for
    "chức"): the one syllable of the same letters and tone with that mark, which the typed
    text writes beside a neighbour `_SURE_TYPED` times where neither neighbour nor the
    dictionary backs the reading ("chúc mừng" stays); else `word`."""
    if _read_support(model, left, lower, right, outer):
        return word
    tone = _tone(lower)
    marked = [c for c in model.by_plain_skeleton.get(_strip(lower, None), ())
              if c != lower and _tone(c) == tone and _marks_added(lower, c)
              and max(model.typed.get((left, c), 0), model.typed.get((c, right), 0))
              >= _SURE_TYPED]
    return _with_case(marked[0], word) if len(marked) == 1 else word


def _twin_however_sure(model: _Model, left: str | None, lower: str, right: str | None,
                       word: str) -> str:
    """A short syllable read with full confidence as its vowel's look-alike ("Tỷ lệ hệ
    nghèo" read at 96.5: `_vowel_twins`): the one twin both neighbours back far more than
    the reading (`_backed_both_sides`), one of them `_SURE_TYPED` times; else `word`."""
    twins = [c for c in _vowel_twins(model, lower)
             if _backed_both_sides(model, left, c, lower, right)
             and max(model.typed.get((left, c), 0), model.typed.get((c, right), 0))
             >= _SURE_TYPED]
    return _with_case(twins[0], word) if len(twins) == 1 else word


def _tone(syllable: str) -> set[str]:
    return {ch for ch in unicodedata.normalize("NFD", syllable) if ch in _TONES}


def _marks_added(read: str, chosen: str) -> bool:
    """Whether `chosen` is `read` with one or more letters' own marks added, none taken
    away (a mark lost is what a sure misreading does; "đ" counts as "d" marked)."""
    def marks(text: str) -> list[set[str]]:
        out = []
        for ch in unicodedata.normalize("NFD", text.replace("đ", "d\u0335")):
            if unicodedata.combining(ch):
                out[-1].add(ch)
            else:
                out.append(set())
        return out

    return all(a <= b for a, b in zip(marks(read), marks(chosen), strict=False))


def _letter_backed(model: _Model, left: str | None, chosen: str, read: str,
                   right: str | None, valid: bool, support: int) -> bool:
    """A letter misread or lost is put back only with `_LETTER_SUPPORT`, and, when the
    word as read is a syllable, with both neighbours' backing (`_backed_both_sides`)."""
    return support >= _LETTER_SUPPORT and (
        not valid or _backed_both_sides(model, left, chosen, read, right))


def _backed_both_sides(model: _Model, left: str | None, chosen: str, read: str,
                       right: str | None) -> bool:
    """A syllable as read, a letter off `chosen`: replaced only when the words on both
    sides write `chosen` beside them, each `_SURE_RATIO` times more than the word as read
    ("các đêm du" → "các điểm du"; "cán bộ" is written, whatever "các bộ" is). A reading the
    typed text writes once beside a neighbour is outvoted there ("Tỷ lệ hệ nghèo": "lệ hộ"
    40 times, "lệ hệ" once, of "tỷ lệ hệ thống"); one it writes more stands ("tại cấp xã")."""
    if left is None or right is None:
        return False
    def outvoted(pair_chosen: tuple[str, str], pair_read: tuple[str, str]) -> bool:
        read_count = model.pairs.get(pair_read, 0)
        if read_count >= _MIN_SUPPORT:  # "tại cấp xã": "cấp xã" typed 63 times stands
            return False
        return model.pairs.get(pair_chosen, 0) >= (
            _SURE_RATIO * (read_count + 1) if read_count else _MIN_SUPPORT)

    return (outvoted((left, chosen), (left, read))
            and outvoted((chosen, right), (read, right)))


_VOWELS = frozenset("aăâeêioôơuưy")


def _vowel_once(word: str, syllables: frozenset[str]) -> str:
    """`word` with a vowel OCR read twice side by side (the same letter, marks but the tone
    alike: "ăắ" in "căắm", "ưứ" in "ưứớc") read once, when that leaves a syllable (the copy
    with a tone kept first); `word` when there is none."""
    for index in range(len(word) - 1):
        first, second = word[index], word[index + 1]
        base = _strip(first, _TONES)
        if base not in _VOWELS or base != _strip(second, _TONES):
            continue
        plain_first = first == base
        for dropped in ((index, index + 1) if plain_first else (index + 1, index)):
            once = word[:dropped] + word[dropped + 1:]
            if once in syllables:
                return once
    return word


# A reading that is no syllable, beside words the pairs know nothing of, takes the tone the
# typed text writes that syllable with this often, and this many times more than any other.
_MIN_WRITTEN = 3
_WRITTEN_RATIO = 3


def _most_written_tone(model: _Model, tones: set[str], word: str) -> str:
    """The tone of the letters `word` spells (or, given no such tone, the marks) that the
    typed text writes most, when it writes it far more than the others ("chôt" → "chốt",
    "Sõ" → "Số", "suõi" → "suối"); else `word`."""
    counts = sorted(((model.written[t], t) for t in tones), reverse=True)
    if not counts or counts[0][0] < _MIN_WRITTEN:
        return word
    if len(counts) > 1 and counts[0][0] < _WRITTEN_RATIO * counts[1][0]:
        return word
    return _with_case(counts[0][1], word)


# Two neighbours both misread ("Chuyến đối số"): the second pass judges each by the other's
# repaired reading ("đối" → "đổi" before "số", then "Chuyến" → "Chuyển" before "đổi").
_PASSES = 2


def repair_words(words: list, dpi: int | None = None) -> tuple[list, list[Change]]:
    """OCR words (`chitieu.extract.ocr.tesseract.Word`, in Tesseract's reading order) with their
    misread diacritics put back, and the changes made. With the page's `dpi`, words farther
    apart on a line than `_NEIGHBOUR_GAP_POINTS` are not each other's context: they stand in
    two cells of a table row ("thôn Lùng Khúy" | "Phòng Kinh tế")."""
    gap = None if dpi is None else _NEIGHBOUR_GAP_POINTS * dpi / 72
    original = list(words)
    words = list(words)
    read = [_core(w.text) for w in original]
    named = _named(original, read, gap) | _numerals(original, read, gap)
    for _ in range(_PASSES):
        # each word judged as read, by its neighbours as the pass before left them: a word
        # changed beside a neighbour not yet repaired ("trong độ tuối" → "đó") is judged
        # again beside the repair ("trong độ tuổi")
        cores = [_core(w.text) for w in words]
        for index, word in enumerate(original):
            core = read[index]
            if (core is None or len(core[1]) > 7 or index in named
                    or not _spellable(core, word)):
                continue
            left = _neighbour(words, cores, index, -1, gap)
            right = _neighbour(words, cores, index, 1, gap)
            fixed = best_reading(left, core[1], right, word.conf,
                                 _outer(words, cores, index, left, right, gap),
                                 _capitalised(words, index, left, right),
                                 _proper(words, index, left))
            text = core[0] + fixed + core[2]
            words[index] = word if fixed == core[1] else replace(word, text=text,
                                                                 note="spelling")
            cores[index] = _core(words[index].text)
    words = _repair_glued(words, gap, named)
    words = _repair_pairs(words, original, gap, named)
    words = _hooks_the_page_prints(words, original, gap)
    # a word that came back to its own syllable with the tone placed the other way ("tỏa"
    # → "tòa" → "toả") is the word as printed
    words = [before if word is not before and fold(word.text) == fold(before.text) else word
             for word, before in zip(words, original, strict=True)]
    changes = [Change(before.text, words[i].text, before.conf, beside(words, i, -1),
                      beside(words, i, 1))
               for i, before in enumerate(original) if before.text != words[i].text]
    return words, changes


def _repair_glued(words: list, gap: float | None, named: set[int]) -> list:
    """Words OCR ran together ("Sốhộnghẻo" for "Số hộ nghèo" at 200 dpi) spelled part by
    part, each syllable judged by the parts beside it and, at the word's ends, by its
    neighbours on the line — as if the spaces were printed. The word stays glued: the cells'
    text parts it later (`split_glued`), and a word whose parts are not all syllables is
    left as read."""
    words = list(words)
    cores = [_core(w.text) for w in words]
    for index, word in enumerate(words):
        core = cores[index]
        if (core is None or len(core[1]) < 4 or index in named or known_syllable(core[1])
                or _CAMEL_CASE.search(core[1]) or not _spellable(core, word)):
            # a syllable (most words) is no glued word; nor a name printed in camel case
            # ("iHanoi", "DaNangSmartCity": a capital after a small letter; review r1 F8)
            continue
        sides = (_neighbour(words, cores, index, -1, gap), _neighbour(words, cores, index, 1, gap))
        readings = [(parts, _spelled_parts(parts, sides, word.conf))
                    for parts in _glued_parts(core[1])]
        if not readings:  # "bảotn": "bảo tồn" run together, its vowel lost
            found = _vowel_lost_after_syllable(core[1])
            readings = [(found, found)] if found else []
        if len(readings) > 1:  # "hộnghẻo": "hộ nghèo", "hộn ghẻo" … — the one the plans write
            readings = [(parts, fixed) for parts, fixed in readings
                        if all(pair_count(a, b) for a, b in itertools.pairwise(fixed))]
        if len(readings) == 1 and "".join(readings[0][1]) != core[1]:
            words[index] = replace(word, text=core[0] + "".join(readings[0][1]) + core[2],
                                   note="spelling")
            cores[index] = _core(words[index].text)
    return words


_CAMEL_CASE = regex.compile(r"\p{Ll}\p{Lu}")


def _vowel_lost_after_syllable(core: str) -> list[str] | None:
    """A syllable run together with letters that hold no vowel ("bảotn" for "bảo tồn" at
    250 dpi JPEG): the one syllable those letters spell with a vowel put back that makes a
    dictionary word with the syllable before it, as two parts; else None."""
    model = _model()
    lower = unicodedata.normalize("NFC", core).casefold()
    for cut in range(2, len(lower) - 1):
        head, tail = lower[:cut], lower[cut:]
        if head not in model.syllables or set(_strip(tail, None)) & _VOWELS:
            continue
        found = {w for w in model.by_deletion.get(_strip(tail, None), ())
                 if len(_strip(w, None)) == len(tail) + 1 and (head, w) in model.words}
        if len(found) == 1:
            return [core[:cut], _with_case(found.pop(), core[cut:])]
    return None


def _glued_parts(core: str) -> list[list[str]]:
    """The ways a word OCR ran together parts into syllables: the one `split_glued` finds,
    else each of `split_candidates`; none for a syllable or a word too short to part."""
    parted = split_glued(core)
    if parted != core:
        ways = [parted.split()]
    elif len(core) < 4 or known_syllable(core):
        return []
    else:
        ways = [c.split() for c in split_candidates(core)]
    return [parts for parts in ways if len(parts) > 1 and "".join(parts) == core
            and all(map(known_syllable, parts))]


def _spelled_parts(parts: list[str], sides: tuple[str | None, str | None],
                   confidence: float) -> list[str]:
    """Each part of a glued word as `best_reading` reads it beside the parts around it and,
    at the ends, the word's neighbours (`sides`)."""
    context = [sides[0], *(unicodedata.normalize("NFC", p).casefold() for p in parts),
               sides[1]]
    return [best_reading(context[i], part, context[i + 2], confidence,
                         (context[i - 1] if i else None,
                          context[i + 3] if i + 3 < len(context) else None))
            for i, part in enumerate(parts)]


# The page must print the hook's reading this many times elsewhere to lend it to a word.
_PAGE_TIMES = 2


def _hooks_the_page_prints(words: list, original: list, gap: float | None) -> list:
    """A word still read with an acute whose twin with the hook above (or with a hook no plan
    writes, whose twin with the grave: `_page_twin`) is a syllable the page itself prints
    elsewhere, at least `_PAGE_TIMES` and more often than the acute reading
    stands unbacked, takes the hook when nothing beside it backs the acute: "du lịch biến"
    at a cell's end on a page of "KINH TẾ BIỂN", "ven biển" (Tesseract's model reads the hook
    as an acute, the other way round seldom); "biến đổi" keeps its acute, the dictionary
    writes it. A word alone on its line ("Giá", "Tổng" / "số" wrapped in a narrow cell)
    keeps its reading: nothing there tells which syllable it is."""
    model = _model()
    cores = [_core(w.text) for w in words]
    lowered = [unicodedata.normalize("NFC", c[1]).casefold() if c else "" for c in cores]
    printed = Counter(lowered)
    backed = _in_phrases_on_the_page(words, cores, lowered, gap)
    candidates: dict[int, str] = {}
    for index, word in enumerate(words):
        core = cores[index]
        if core is None or word.text != original[index].text or not _spellable(core, word):
            continue
        twin = _page_twin(model, lowered[index])
        if twin is None:
            continue
        left = _neighbour(words, cores, index, -1, gap)
        right = _neighbour(words, cores, index, 1, gap)
        if left is None and right is None:
            continue  # a word alone ("Giá", "số." wrapped from "Tổng"): no phrase to judge
        outer = _outer(words, cores, index, left, right, gap)
        if twin in model.syllables and not (
                _read_support(model, left, lowered[index], right, outer)
                or _backs(model, (left, lowered[index])) or _backs(model, (lowered[index],
                                                                            right))):
            candidates[index] = twin
    unbacked = Counter(lowered[i] for i in candidates)
    out = list(words)
    for index, twin in candidates.items():
        if (printed[twin] < _PAGE_TIMES or printed[twin] <= unbacked[lowered[index]]
                or twin not in backed):
            continue
        core = cores[index]
        out[index] = replace(words[index], text=core[0] + _with_case(twin, core[1]) + core[2],
                             note="spelling")
    return out


def _in_phrases_on_the_page(words: list, cores: list, lowered: list[str],
                            gap: float | None) -> set[str]:
    """The syllables the page prints somewhere inside a phrase, a word beside them on their
    line ("môi trường biển", "ven biển"): only those lend their marks — a syllable printed
    alone after a comma, at a cell's end ("Các thôn, bản" in every agency cell) may be any
    word. (A neighbour backing it in the typed text is not asked: the typed pairs are few —
    "kinh tế biển" is not among them.)"""
    return {lower for index, lower in enumerate(lowered)
            if lower and (_neighbour(words, cores, index, -1, gap) is not None
                          or _neighbour(words, cores, index, 1, gap) is not None)}


_GRAVE = "\u0300"


def _page_twin(model: _Model, lower: str) -> str | None:
    """The reading the page's own words may lend a word: the hook for an acute (Tesseract's
    model reads the hook as an acute, seldom the other way round), and the grave for a hook
    on a syllable no plan's typed text writes ("nghẻo": the two marks look alike in small
    type at 200 dpi); None for another word."""
    decomposed = unicodedata.normalize("NFD", lower)
    if _ACUTE in decomposed:
        return unicodedata.normalize("NFC", decomposed.replace(_ACUTE, _HOOK))
    if _HOOK in decomposed and not model.written[lower]:
        return unicodedata.normalize("NFC", decomposed.replace(_HOOK, _GRAVE))
    return None


def _spellable(core: tuple[str, str, str], read) -> bool:
    """A word to spell again: not one another repair read on the page (a roman number
    counted, a number read again), no letters run into digits ("IIU/2026", "2a"), and no
    syllable with a roman number glued to it ("PHỤ LỤCI": the label "I", not a letter too
    many of "LỤC")."""
    if read.note and read.note != "spelling":
        return False
    if any(ch.isdigit() for ch in core[0] + core[2]):
        return False
    glued = _GLUED_ROMAN.match(core[1])
    return glued is None or known_syllable(core[1]) or not known_syllable(glued["head"])


_GLUED_ROMAN = regex.compile(r"^(?P<head>\p{L}+?)(?P<roman>[IVX]+)$")


def _named(words: list, cores: list, gap: float | None) -> set[int]:
    """The words that, with a neighbour, spell a name as printed — both capitalised ("Văn
    Bàn", "VĂN BÀN"), side by side as a unit's name (`chitieu.extract.ocr.places.name_pairs`)
    or a proper name of the dictionary has them: no word of the language replaces them
    ("văn bản") — and a level's word as read before the name of a unit of that level
    ("UBND XÃ QUẢN BẠ": the dictionary's "xá quản" made it "XÁ")."""
    from chitieu.extract.ocr.places import names_a_unit

    pairs = _name_pairs()
    found: set[int] = set()
    for index in range(len(words) - 1):
        following = []
        for step in range(1, 4):
            word = _neighbour(words, cores, index + step - 1, 1, gap)
            if word is None:
                break
            following.append(word)
        if cores[index] is not None and following and names_a_unit(cores[index][1], following):
            found.add(index)
        second = _neighbour(words, cores, index, 1, gap)
        if second is None or not all(cores[i][1][:1].isupper() for i in (index, index + 1)):
            continue
        first = unicodedata.normalize("NFC", cores[index][1]).casefold()
        if (first, second) in pairs:
            found |= {index, index + 1}
    return found | _full_names(words, cores, gap)


@lru_cache(maxsize=1)
def _family_names() -> frozenset[str]:
    from chitieu.extract.ocr.repair import vocabulary

    return frozenset(unicodedata.normalize("NFC", n) for n in vocabulary().get(
        "family_names", ()))


# A person's full name: a family name, a middle name or two, a given name
_FULL_NAME_WORDS = range(3, 5)


def _full_names(words: list, cores: list, gap: float | None) -> set[int]:
    """The words of a run that is a person's full name as printed: three or four words, each
    a capital and then small letters, the first a family name (ocr_vocab.yaml
    `family_names`: "Quàng Văn Thành", "Y Khuê Niê"), nothing else beside them on the line
    (a signer's name under the signature). A family name is no word of the language to
    repair ("Quàng" is no "Quảng")."""
    families = _family_names()
    found: set[int] = set()
    index = 0
    while index < len(words):
        if _neighbour(words, cores, index, -1, gap) is not None:
            index += 1
            continue
        run = [index]
        while (len(run) <= _FULL_NAME_WORDS[-1]
               and _neighbour(words, cores, run[-1], 1, gap) is not None):
            run.append(run[-1] + 1)
        if len(run) in _FULL_NAME_WORDS and all(
                cores[i] is not None and not cores[i][0] and not cores[i][2]
                and cores[i][1].istitle() for i in run) and unicodedata.normalize(
                    "NFC", cores[index][1]) in families and not _spells_a_word(
                        cores[index][1], cores[index + 1][1]):
            found.update(run)
        index = run[-1] + 1
    return found


def _spells_a_word(first: str, second: str) -> bool:
    """Whether a family name that is a word of the language too ("Văn", "Công", "Hà",
    "Hồ") spells a word of the dictionary, or a name it has, with the next word as read or
    with its marks read otherwise ("Văn Phỏng" / "văn phòng", "Công An", "Hồ Chỉ" / "Hồ
    Chí"): no person's name, words to repair."""
    model = _model()
    fold = lambda w: unicodedata.normalize("NFC", w.casefold())  # noqa: E731
    left, right = fold(first), fold(second)
    readings = {right, *model.by_tone_skeleton.get(_strip(right, _TONES), ()),
                *model.by_plain_skeleton.get(_strip(right, None), ())}
    return any((left, r) in model.words or (left, r) in model.names for r in readings)


# The words a roman numeral follows as a label's number ("PHỤ LỤC VI", "PHẦN II", "Quý IV")
_NUMBERED_BY = frozenset({"lục", *PART_WORDS, "quý", "quí"})
_ROMAN_NUMERAL = regex.compile(r"^[IVX]+$")


def _numerals(words: list, cores: list, gap: float | None) -> set[int]:
    """The roman numerals in capitals that a label's word numbers ("PHỤ LỤC VI", "PHẦN II"),
    and that word as read: a number, not a syllable missing its tone ("VI" is no "VỊ"
    there), and the label's own word ("PHẦN" is no "PHÂN" before it)."""
    found: set[int] = set()
    for index, core in enumerate(cores):
        if core is None or not _ROMAN_NUMERAL.match(core[1]) or index == 0:
            continue
        left = _neighbour(words, cores, index, -1, gap)
        if left is not None and unicodedata.normalize("NFC", left) in _NUMBERED_BY:
            found |= {index - 1, index}
    return found


def _repair_pairs(words: list, original: list, gap: float | None = None,
                  named: set[int] = frozenset()) -> list:
    """Two neighbours both misread where neither backs the other's repair ("CHI TIEU" for
    "CHỈ TIÊU": "chi tieu" is written a few times, "chỉ tieu" never): the two readings are
    chosen together, as the pair the typed text writes most, far more than the pair read."""
    model = _model()
    words = list(words)
    cores = [_core(w.text) for w in words]
    for index in range(len(words) - 1):
        if cores[index] is None or cores[index + 1] is None or _neighbour(
                words, cores, index, 1, gap) is None or {words[index].note, words[
                    index + 1].note} - {"", "spelling"}:
            continue
        if min(original[index].conf, original[index + 1].conf) > _MAX_CONFIDENCE or (
                {index, index + 1} & named):
            continue
        first, second = (unicodedata.normalize("NFC", cores[i][1]).casefold()
                         for i in (index, index + 1))
        printed = [_core(w.text) for w in original[index:index + 2]]
        if None not in printed and tuple(unicodedata.normalize("NFC", c[1]).casefold()
                                         for c in printed) in model.words:
            continue  # the two as printed spell a word of the dictionary ("truyền thống")
        outer = (_neighbour(words, cores, index, -1, gap),
                 _neighbour(words, cores, index + 1, 1, gap))
        titles = (_title_pairs() if any(c is not None and c[1][:1].islower() for c in printed)
                  else frozenset())
        best = _best_pair(model, first, second, outer, titles)
        if best is None or _syllables_outvoted(model, best, printed) or any(
                chosen != read and read in model.syllables and before.conf >= _SURE_READ
                for chosen, read, before in zip(best, (first, second),
                                                original[index:index + 2], strict=True)):
            # a syllable Tesseract was sure of (≥ 95) is not one of two neighbours both
            # misread ("Số chợ được": "chợ" at 97 stays, however often "số cho" is typed;
            # "các bản, làng" at 96 is no "các ban", review r2 G3)
            continue
        for offset, (core, chosen) in enumerate(zip((cores[index], cores[index + 1]), best,
                                                   strict=True)):
            if chosen != core[1].casefold():
                words[index + offset] = replace(
                    words[index + offset], text=core[0] + _with_case(chosen, core[1]) + core[2],
                    note="spelling")
        cores[index], cores[index + 1] = _core(words[index].text), _core(words[index + 1].text)
    return words


def _syllables_outvoted(model: _Model, best: tuple[str, str],
                        printed: list[tuple[str, str, str] | None]) -> bool:
    """Two syllables as read are a pair of the language however rarely the plans write it
    ("vùng trồng cói", a crop): another pair the dictionary alone backs ("trông coi") does
    not replace them — only one the typed text writes. (Back to the letters as read, "giải
    toả" for "Giải tỏa", is no replacement.) Nor where the typed text writes every syllable
    the pair changes, each far more often than the syllable as read (`_WRITTEN_RATIO`:
    "thiếu sổ" is "thiểu số", "thiểu" and "số" written, "thiếu" never and "sổ" a hundredth
    as often; "trông" never is, "trồng" is)."""
    if None in printed:
        return False
    read = tuple(unicodedata.normalize("NFC", c[1]).casefold() for c in printed)
    changed = [(was, now) for was, now in zip(read, best, strict=True) if was != now]
    return (all(w in model.syllables for w in read)
            and tuple(map(fold, best)) != tuple(map(fold, read))
            and model.typed.get(best, 0) < _MIN_SUPPORT
            and not all(model.written[now] >= _MIN_SUPPORT
                        and model.written[now] > _WRITTEN_RATIO * model.written[was]
                        for was, now in changed))


def _best_pair(model: _Model, first: str, second: str,
               outer: tuple[str | None, str | None],
               titles: frozenset[tuple[str, str]] = frozenset()) -> tuple[str, str] | None:
    """The two readings the typed text backs most, with the words outside them on their
    line (`outer`, None at an edge): the pair itself written often, far more than as read.
    `titles`: pairs that back nothing here (a name's words, `_title_pairs`, beside a word
    printed in lower case)."""
    def readings(word: str) -> set[str]:
        found = set(model.by_tone_skeleton.get(_strip(word, _TONES), ()))
        found |= set(model.by_plain_skeleton.get(_strip(word, None), ()))
        return {r for r in found if fold(r) != fold(word)} | {word}

    def backing(a: str, b: str) -> int:
        pairs = _pairs_for(model, (a, b), (first, second))
        return sum(pairs.get(pair, 0) for pair in ((a, b), (outer[0], a), (b, outer[1]))
                   if pair not in titles)

    scored = sorted(((backing(a, b), (a, b)) for a in readings(first)
                     for b in readings(second)), reverse=True)
    count, best = scored[0]
    if best == (first, second) or (len(scored) > 1 and scored[1][0] == count):
        return None
    as_read = backing(first, second) + _DICTIONARY_SUPPORT * (
        (outer[0], first, second) in model.kept or (first, second, outer[1]) in model.kept
        or (first, second) in model.kept)
    if (best in titles
            or _pairs_for(model, best, (first, second)).get(best, 0) < _LETTER_SUPPORT
            or count < _SUPPORT_RATIO * (as_read + 1)):
        return None
    # a syllable as read that the word outside it backs, and the repair not: as read
    if (first in model.syllables and _contradicted(model, outer[0], best[0], first, None)) or (
            second in model.syllables and _contradicted(model, None, best[1], second, outer[1])):
        return None
    return best


def _pairs_for(model: _Model, pair: tuple[str, str],
               read: tuple[str, str]) -> Counter[tuple[str, str]]:
    """The pairs that may back `pair` read as `read`: the dictionary's too when only tones
    changed; the typed text's alone when a letter's own mark did ("đền Cờn" → "đèn cồn",
    "cân ở" → "cắn ổ": words of the dictionary, not of the plans)."""
    tones = all(_strip(a, _TONES) == _strip(b, _TONES) for a, b in zip(pair, read, strict=True))
    return model.pairs if tones else model.typed


def _capitalised(words: list, index: int, left: str | None, right: str | None,
                 ) -> tuple[bool, bool]:
    """Whether the word and its left (right) neighbour both open with a capital."""
    here = words[index].text.lstrip("([\"'“")[:1].isupper()
    return (here and left is not None and words[index - 1].text[:1].isupper(),
            here and right is not None and words[index + 1].text[:1].isupper())


def _proper(words: list, index: int, left: str | None) -> bool:
    """Whether the word is printed capitalised ("Đảng", not "ĐẢNG") after a word of its line
    in lower case: a proper noun inside a sentence."""
    text = words[index].text.lstrip("([\"'“")
    return (left is not None and text[:1].isupper() and text[1:] == text[1:].lower()
            and words[index - 1].text.lstrip("([\"'“")[:1].islower())


def _outer(words: list, cores: list, index: int, left: str | None, right: str | None,
           gap: float | None) -> tuple[str | None, str | None]:
    """The words beyond the word's neighbours on its line (None past an edge)."""
    return (None if left is None else _neighbour(words, cores, index - 1, -1, gap),
            None if right is None else _neighbour(words, cores, index + 1, 1, gap))


def beside(words: list, index: int, step: int) -> str:
    """The text of the word beside `index` on its line, or ""."""
    other = index + step
    if not 0 <= other < len(words):
        return ""
    here, there = words[index], words[other]
    same = (here.block, here.par, here.line) == (there.block, there.par, there.line)
    return there.text if same else ""


# Words of a line farther apart than this (points) are in two cells of a table row: a space
# between words is 2–5 points, two cells' padding and their rule 15 or more.
_NEIGHBOUR_GAP_POINTS = 9.0


def _neighbour(words: list, cores: list, index: int, step: int,
               gap: float | None = None) -> str | None:
    """The lower-case letters of the next word on the same line, when nothing but a space
    parts them (a comma or a bracket ends the phrase; a gap wider than `gap` pixels, a cell's
    edge)."""
    other = index + step
    if not 0 <= other < len(words):
        return None
    here, there = words[index], words[other]
    if (here.block, here.par, here.line) != (there.block, there.par, there.line):
        return None
    first, second = (here, there) if step > 0 else (there, here)
    if gap is not None and second.left - first.right > gap:
        return None
    core, near = cores[other], cores[index]
    if core is None or near is None:
        return None
    if (step < 0 and (core[2] or near[0])) or (step > 0 and (near[2] or core[0])):
        return None
    return unicodedata.normalize("NFC", core[1]).casefold()
