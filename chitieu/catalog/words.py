"""How the indicator matcher reads a name: folded words, the counted object, the conditions.

Everything it knows about Vietnamese comes from match_words.yaml beside this module. A name
becomes a `Reading`: its content words (for the fuzzy score) and its signature — the counted
object, the set of conditions, the unit family — which the matcher compares exactly.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Collection
from itertools import chain, compress, count, pairwise
from pathlib import Path
from typing import NamedTuple

from chitieu.core.dataclass import dataclass, field
from chitieu.core.lexicon import parse_yaml
from chitieu.core.patterns import lazy
from chitieu.core.text import ascii_fold, is_plain

try:  # the name reading's hot loop, compiled (setup.py): words.py holds its Python twin
    from chitieu.catalog import _fastread
except ImportError:  # not built here: the Python reading, the same
    _fastread = None

WORDS_YAML = Path(__file__).resolve().parent / "match_words.yaml"

Phrase = tuple[str, ...]
_WORD = lazy(re.compile, r"[a-z0-9]+")
_BELOW = lazy(re.compile, r"<=?")
# dots grouping a number's thousands ("10.000", "1.000.000"); a number opening with 0 is a
# decimal ("0.750"), and a group of other than three digits no grouping ("1.5", "2.1.3")
_THOUSANDS = lazy(re.compile, r"(?<![0-9.])[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?![0-9.])")


class Reading(NamedTuple):
    """A name as the matcher sees it (a named tuple: one is made for every name matched)."""

    words: Phrase        # every word, abbreviations expanded
    content: str         # the words that carry meaning, joined (for the fuzzy score)
    object: str | None   # the counted object ("dossier", "officials" …), None when unsaid
    conditions: frozenset[str]
    family: str | None   # unit family implied by the measuring noun ("ty le" → percent)
    # what is said of the object: "bare" (nothing: "Tỷ lệ hộ nghèo"), "predicated" (a verb
    # follows it: "hộ nghèo sử dụng …"), None when unsaid or unknown
    said: str | None = None
    # what a verb's object is ("sử dụng dịch vụ số" → digital_services), None when unsaid
    used: str | None = None


@dataclass(frozen=True)
class Words:
    abbreviations: dict[Phrase, Phrase]
    synonyms: dict[Phrase, Phrase]
    spelling: dict[str, str]
    measuring: tuple[Phrase, ...]
    not_measuring: tuple[Phrase, ...]
    fillers: frozenset[str]
    objects: dict[Phrase, str]
    listed: dict[Phrase, str]  # places listed after another object ("thôn, trường học")
    conditions: dict[Phrase, str]
    stop_phrases: tuple[Phrase, ...]
    stop_set: frozenset[Phrase]
    unit_families: dict[str, str]
    percent_qualifiers: dict[str, str]
    count_groups: dict[str, str]
    unit_leads: tuple[str, ...]  # words a printed unit may open with, longest first
    noun_families: dict[Phrase, str]
    per_person: frozenset[Phrase]
    domains: dict[Phrase, str]
    implied: dict[str, frozenset[str]]
    predicates: dict[Phrase, str]
    bare_followers: dict[Phrase, str]
    using_verbs: dict[Phrase, str]
    used_objects: dict[Phrase, str]
    final: dict[Phrase, str]
    opening: dict[Phrase, str]
    # read by `Catalog` for a name printed with no unit and no number (`unitless_conditions`)
    unitless_opening: dict[Phrase, str]
    void: dict[str, frozenset[Phrase]]
    object_conditions: dict[str, frozenset[str]]
    # conditions a unit family says nothing more than (a change printed in percentage points)
    family_void: dict[str, frozenset[str]] = field(default_factory=dict)
    # family → (phrase a name opens with → the condition it holds printed in that family): a
    # total printed as a bare share is its growth
    family_openings: dict[str, dict[Phrase, str]] = field(default_factory=dict)
    # family → phrases that, held anywhere, say the name is a share after all ("(tỷ lệ)")
    family_not: dict[str, frozenset[Phrase]] = field(default_factory=dict)
    # each counted object that is a part of another, with the wholes it is a part of
    parts_of: dict[str, frozenset[str]] = field(default_factory=dict)
    # "của xã", "của phường" …: the locality a thing is of, read before folding
    locality: re.Pattern[str] | None = None
    # a printed unit's denominator after "/" or "trên" ("/1.000 dân", "/ha"), with the condition
    # it says (match_words.yaml `unit_denominators`; `_per_denominator`)
    denominator: re.Pattern[str] | None = None
    denominators: dict[str, str] = field(default_factory=dict)
    # the condition of a denominator whose size is unread: after a number other than 1 that
    # no phrase takes with it ("trên 10 vạn dân"; `_sized`), and the conditions so sized
    size_unread: str | None = None
    sized: frozenset[str] = frozenset()
    number_words: frozenset[str] = frozenset()  # numbers in words before one ("muoi")
    # the family a sum "bình quân đầu người" is of, by the family printed (`name_family`)
    per_person_families: dict[str, str] = field(default_factory=dict)
    # the family a count is of when its name says a condition, by the family printed
    # (match_words.yaml `condition_families`; `name_family`)
    condition_families: dict[str, dict[str, str]] = field(default_factory=dict)
    # the family a value of a counted object is of, by the family printed (match_words.yaml
    # `object_families`: points counted in "điểm" are a count, not an index's score)
    object_families: dict[str, dict[str, str]] = field(default_factory=dict)
    # a share printed in a bare "%" whose name says what it is a share of ("… trong GRDP"):
    # the qualifier of that whole (match_words.yaml `named_wholes`), and its phrases
    named_wholes: dict[Phrase, str] = field(default_factory=dict)
    # a denominator's bare word after a number no size takes with it ("trên 5.000 dân"): the
    # size is unread (`size_unread`), unless one of `bare_not_before` follows ("3 dân tộc")
    bare_denominators: frozenset[Phrase] = frozenset()
    # counted object → the words its growth is read as (`growth_readings`), and the words of
    # that object's phrases
    growth_readings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    object_words: dict[str, frozenset[str]] = field(default_factory=dict)
    bare_not_before: frozenset[str] = frozenset()
    multipliers: frozenset[str] = frozenset()
    bare_starts: frozenset[str] = frozenset()  # the first words of `bare_denominators`
    # a sum over several years ("Tổng thu ngân sách giai đoạn 2021-2025" in tỷ đồng) is not the
    # yearly figure (match_words.yaml `period_totals`; `family_conditions`)
    period_total: str | None = None
    growth_condition: str = "growth"
    period_families: frozenset[str] = frozenset()
    periods: frozenset[Phrase] = frozenset()
    yearly: frozenset[Phrase] = frozenset()
    # a count of what is added in the year against one of all there are (match_words.yaml
    # `tallies`; `family_conditions`, and `Catalog`, which reads an indicator as one or the
    # other): the families, the phrases of each, the conditions a count of additions voids
    tally_families: frozenset[str] = frozenset()
    added: frozenset[Phrase] = frozenset()
    cumulative: frozenset[Phrase] = frozenset()
    tally_replaces: frozenset[str] = frozenset()
    events: frozenset[Phrase] = frozenset()
    states: frozenset[Phrase] = frozenset()
    # letter shapes OCR reads for others (`ocr_shapes`; `_Forms`)
    ocr_shapes: tuple[tuple[str, str], ...] = ()
    # what a sub-row opens with before its measuring noun ("Trong đó, số …"; `_head`)
    openers: tuple[Phrase, ...] = ()
    # conditions whose phrase counts only within one run of the printed name, no punctuation
    # between its words (match_words.yaml `run_bound_conditions`), with their phrases
    run_bound: dict[str, frozenset[Phrase]] = field(default_factory=dict)
    # phrases saying a count is of all a whole place holds ("toàn huyện"): a stock, unless the
    # name says additions or something done in the year (`tallies` wholes, `events` and
    # `flows`; `_tallied`)
    wholes: frozenset[Phrase] = frozenset()
    happenings: frozenset[Phrase] = frozenset()
    # what follows a target printed at the end of a name ("giảm 3% trở lên"; `_target_start`),
    # longest first
    target_tails: tuple[Phrase, ...] = ()
    # what prints the level a fall goes to ("xuống dưới", "còn"; `_levelled`): anywhere in the
    # name, or (`level_ends`) as its last words, longest first
    level_frames: tuple[Phrase, ...] = ()
    level_ends: tuple[Phrase, ...] = ()
    level_verbs: tuple[Phrase, ...] = ()
    # (the frames as one set: `_holds_any` keeps its lookup table per set, by identity)
    level_frame_set: frozenset[Phrase] = frozenset()
    # conditions a name must say what of (`subjects`: satisfaction with public services, with
    # procedures settled …), and the condition a name holding one and none of them holds
    subjects: dict[str, frozenset[Phrase]] = field(default_factory=dict)
    of_nothing: str | None = None
    # conditions whose phrases hold a target printed inside them ("phủ trên 80% hộ gia đình" is
    # "phủ hộ gia đình"; `_inner_target_conditions`): the verbs that open them, the words that
    # frame such a target, and each condition with its phrases
    inner_verbs: frozenset[str] = frozenset()
    inner_frames: frozenset[str] = frozenset()
    inner_phrases: dict[str, frozenset[Phrase]] = field(default_factory=dict)
    # a name setting two targets, one per clause (`_two_targets`): the condition it holds, the
    # verbs an earlier clause says something had or done with, and the words "có" stands for
    # as a slipped "cơ" before them ("cơ quan")
    two_targets: str | None = None
    having_verbs: frozenset[Phrase] = frozenset()
    not_having_after: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path = WORDS_YAML) -> Words:
        data = parse_yaml(path.read_text(encoding="utf-8"))

        def phrase(text: str) -> Phrase:
            return tuple(_WORD.findall(str(text).replace("&", "")))

        def classes(section: str) -> dict[Phrase, str]:
            return {phrase(p): name for name, phrases in data[section].items() for p in phrases}

        def longest_first(items) -> tuple[Phrase, ...]:
            return tuple(sorted((phrase(p) for p in items), key=len, reverse=True))

        tallies = data.get("tallies") or {}

        return cls(
            abbreviations={phrase(k): phrase(v) for k, v in data["abbreviations"].items()},
            synonyms={phrase(k): phrase(v) for k, v in data["synonyms"].items()},
            spelling={str(k): str(v) for k, v in data["spelling"].items()},
            measuring=longest_first(data["measuring_nouns"]),
            not_measuring=longest_first(data["not_measuring"]),
            fillers=frozenset(data["head_fillers"]),
            openers=tuple(map(phrase, data.get("head_openers") or ())),
            objects=classes("objects"),
            listed=classes("listed_objects") if data.get("listed_objects") else {},
            conditions=classes("conditions"),
            stop_phrases=longest_first(data["stop_words"]),
            stop_set=frozenset(phrase(p) for p in data["stop_words"]),
            unit_families={str(u): family for family, units in data["unit_families"].items()
                           for u in units},
            percent_qualifiers={str(u): name for name, units in data["percent_qualifiers"].items()
                                for u in units},
            count_groups={str(u): name for name, units in data["count_groups"].items()
                          for u in units},
            unit_leads=tuple(sorted((str(w) + " " for w in data.get("unit_leading_words") or ()),
                                    key=len, reverse=True)),
            noun_families={phrase(k): v for k, v in data["noun_families"].items()},
            per_person=frozenset(phrase(p) for p in data["per_person"]),
            domains={phrase(k): str(v) for k, v in (data.get("domains") or {}).items()},
            implied={str(k): frozenset(map(str, v))
                     for k, v in (data.get("implied_conditions") or {}).items()},
            predicates={phrase(p): "predicate" for p in data.get("predicates") or ()},
            bare_followers={phrase(p): "bare" for p in data.get("bare_followers") or ()},
            using_verbs=classes("using_verbs") if data.get("using_verbs") else {},
            used_objects=classes("used_objects") if data.get("used_objects") else {},
            final=classes("final_conditions") if data.get("final_conditions") else {},
            opening=classes("opening_conditions") if data.get("opening_conditions") else {},
            unitless_opening=classes("unitless_opening_conditions")
            if data.get("unitless_opening_conditions") else {},
            void={str(k): frozenset(map(phrase, v))
                  for k, v in (data.get("void_conditions") or {}).items()},
            object_conditions={str(k): frozenset(map(str, v)) for k, v
                               in (data.get("object_conditions") or {}).items()},
            family_void={str(k): frozenset(map(str, v)) for k, v
                         in (data.get("family_void_conditions") or {}).items()},
            family_openings={str(family): {phrase(p): str(condition)
                                           for condition, phrases in table.items()
                                           if condition != "none" for p in phrases}
                             for family, table
                             in (data.get("family_opening_conditions") or {}).items()},
            family_not={str(family): frozenset(map(phrase, table.get("none") or ()))
                        for family, table
                        in (data.get("family_opening_conditions") or {}).items()},
            parts_of=_parts_of(data.get("object_parts") or {}),
            locality=_locality_pattern(data.get("localities") or {}),
            denominator=_denominator_pattern(data.get("unit_denominators") or {},
                                             data.get("unit_denominator_words") or (),
                                             data.get("denominator_number_words") or ()),
            denominators={" ".join(str(d).split()): str(condition) for condition, found
                          in (data.get("unit_denominators") or {}).items() for d in found},
            per_person_families={str(k): str(v) for k, v
                                 in (data.get("per_person_families") or {}).items()},
            size_unread=data.get("denominator_size_unread"),
            sized=frozenset(map(str, data.get("unit_denominators") or ())),
            number_words=frozenset(map(str, data.get("denominator_number_words") or ())),
            condition_families={str(c): {str(k): str(v) for k, v in (moves or {}).items()}
                                for c, moves in (data.get("condition_families") or {}).items()},
            object_families={str(o): {str(k): str(v) for k, v in (moves or {}).items()}
                             for o, moves in (data.get("object_families") or {}).items()},
            named_wholes={phrase(p): str(whole)
                          for whole, found in (data.get("named_wholes") or {}).items()
                          for p in found},
            bare_denominators=frozenset(map(phrase, data.get("denominator_bare_words") or ())),
            growth_readings={str(k): phrase(v)
                             for k, v in (data.get("growth_readings") or {}).items()},
            object_words={str(k): frozenset(w for p in v for w in phrase(p))
                          for k, v in data["objects"].items()},
            bare_not_before=frozenset(map(str, data.get("denominator_bare_not_before") or ())),
            multipliers=frozenset(map(str, data.get("denominator_multipliers") or ())),
            bare_starts=frozenset(phrase(p)[0] for p in data.get("denominator_bare_words") or ()),
            period_total=(data.get("period_totals") or {}).get("condition"),
            period_families=frozenset(map(str, (data.get("period_totals") or {}).get("families")
                                          or ())),
            periods=frozenset(map(phrase, (data.get("period_totals") or {}).get("periods") or ())),
            yearly=frozenset(map(phrase, (data.get("period_totals") or {}).get("yearly") or ())),
            tally_families=frozenset(map(str, tallies.get("families") or ())),
            added=frozenset(map(phrase, tallies.get("added") or ())),
            cumulative=frozenset(map(phrase, tallies.get("cumulative") or ())),
            tally_replaces=frozenset(map(str, tallies.get("replaces") or ())),
            events=frozenset(map(phrase, tallies.get("events") or ())),
            states=frozenset(map(phrase, tallies.get("states") or ())),
            ocr_shapes=tuple((str(k), str(v)) for k, v in (data.get("ocr_shapes") or {}).items()),
            run_bound={str(c): frozenset(map(phrase, data["conditions"][c]))
                       for c in data.get("run_bound_conditions") or ()},
            wholes=frozenset(map(phrase, tallies.get("wholes") or ())),
            target_tails=longest_first(data.get("target_tails") or ()),
            level_frames=longest_first((data.get("level_frames") or {}).get("within") or ()),
            level_ends=longest_first((data.get("level_frames") or {}).get("ending") or ()),
            level_verbs=longest_first((data.get("level_frames") or {}).get("verbs") or ()),
            level_frame_set=frozenset(map(phrase, (data.get("level_frames") or {}).get(
                "within") or ())),
            inner_phrases={str(c): frozenset(map(phrase, data["conditions"][c]))
                           for c in (data.get("inner_targets") or {}).get("conditions") or ()},
            subjects={str(c): frozenset(map(phrase, found)) for c, found
                      in ((data.get("subjects") or {}).get("of") or {}).items()},
            of_nothing=(data.get("subjects") or {}).get("condition"),
            inner_verbs=frozenset(map(str, (data.get("inner_targets") or {}).get("verbs") or ())),
            inner_frames=frozenset(map(str, (data.get("inner_targets") or {}).get("frames")
                                       or ())),
            two_targets=(data.get("two_targets") or {}).get("condition"),
            having_verbs=frozenset(map(phrase, (data.get("two_targets") or {}).get("having")
                                       or ())),
            not_having_after=frozenset(map(str, (data.get("two_targets") or {}).get(
                "not_after_co") or ())),
            happenings=frozenset(map(phrase, [*(tallies.get("events") or ()),
                                              *(tallies.get("flows") or ())])),
        )


def _denominator_pattern(denominators: dict, before: Collection[str] = (),
                         numbers: Collection[str] = ()) -> re.Pattern[str] | None:
    """match_words.yaml's `unit_denominators`: a folded unit ending in "/" or a word of
    `unit_denominator_words` ("trên"), a number or none, and one of them ("doanh nghiep/1000
    dan", "trieu dong/1 ha", "tren 1 van dan")."""
    found = sorted({" ".join(str(d).split()) for ds in denominators.values() for d in ds},
                   key=len, reverse=True)
    if not found:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, d.split())) for d in found)
    words = "".join(rf"|\s+{re.escape(str(w))}\s+" for w in before)
    # the number is taken into the denominator first ("1000 dan", "10 nghin dan"), apart
    # only where the denominator is not found with it ("1 van dan"; `_per_denominator`)
    number = "|".join([r"[0-9]+", *(rf"{re.escape(str(w))}(?=\s)" for w in numbers)])
    return re.compile(rf"(?:\s*/\s*{words})(?:({number})\s*)??({alternatives})$")


def _locality_pattern(localities: dict) -> re.Pattern[str] | None:
    """match_words.yaml's `localities`: "của" and a level's word, not opening a compound,
    nor after a phrase of `kept_after` (the index "của tỉnh" is the province's own)."""
    levels = [r"\s+".join(map(re.escape, str(level).split()))
              for level in localities.get("levels") or ()]
    if not levels:
        return None
    compounds = "|".join(map(re.escape, map(str, localities.get("compounds") or ())))
    kept = rf"(?!\s+(?:{compounds})\b)" if compounds else ""
    # one look-behind each (each of a fixed width), the phrase and one space before "của";
    # tried only where "của" starts (the look-ahead first: the look-behinds at every
    # character made a name's search 10 times slower)
    before = "".join(rf"(?<!{re.escape(str(phrase))}\s)"
                     for phrase in localities.get("kept_after") or ())
    return re.compile(rf"(?=của){before}\bcủa\s+(?:{'|'.join(levels)})\b{kept}",
                      re.IGNORECASE)


def _parts_of(wholes: dict) -> dict[str, frozenset[str]]:
    """match_words.yaml's `object_parts` (a whole → its parts), turned round."""
    found: dict[str, set[str]] = {}
    for whole, parts in wholes.items():
        for part in parts:
            found.setdefault(str(part), set()).add(str(whole))
    return {part: frozenset(w) for part, w in found.items()}


@functools.cache
def default_words() -> Words:
    return Words.load()


def tokens(text: str, words: Words) -> Phrase:
    """Folded words of `text`: no accents, lower case, "01" read as "1", "tỉ" as "tỷ",
    abbreviations expanded, synonyms made one."""
    return _tokens(text, words, _reader(words))


def _tokens(text: str, words: Words, reader: _Reader) -> Phrase:
    if reader.tokenize is not None:  # compiled, for a name of pieces read before
        found = reader.tokenize(text)
        if found is None and words.locality is not None and ("ủa" in text or "ỦA" in text):
            found = reader.tokenize(_without_locality(text, words), False)
        if found is not None:
            return found
    return _read_tokens(text, words, reader)


def _without_locality(text: str, words: Words) -> str:
    return " ".join(words.locality.sub(" ", text).split())  # type: ignore[union-attr]


def _read_tokens(text: str, words: Words, reader: _Reader) -> Phrase:
    """`_tokens` in Python (the compiled `Tokenizer.tokens` is its twin)."""
    if words.locality is not None and ("ủa" in text or "ỦA" in text):
        text = _without_locality(text, words)
    # a space never falls inside a word of ascii_fold's: a plain text is read piece by piece
    pieces = text.split(" ")
    try:  # most names: every piece one word already read (in a plain text: see `_Pieces`)
        raw = tuple(map(reader.forms.pieces.single.__getitem__, pieces))
    except KeyError:
        if is_plain(text):
            raw = tuple(chain.from_iterable(map(reader.forms.pieces.__getitem__, pieces)))
        else:
            raw = tuple(map(reader.forms.__getitem__, _folded_words(text)))
    # most names hold no phrase of either table (nor do abbreviations expand into one): a
    # name holding one holds a one-word key, a two-word key or a longer key's first three
    # words, found in C (a longer key's first two words alone are common: "hồ sơ" …)
    if reader.replaced_singles.isdisjoint(raw) and \
            reader.replaced_pairs.isdisjoint(pairwise(raw)) and \
            reader.replaced_triples.isdisjoint(zip(raw, raw[1:], raw[2:], strict=False)):
        return raw
    return _replace(_replace(raw, words.abbreviations, reader.abbreviations),
                    words.synonyms, reader.synonyms)


def _without_dots(grouped: re.Match[str]) -> str:
    # a word of its own, where a word was typed against it ("10.000dân" is "10000 dan")
    number = grouped[0].replace(".", "")
    return f"{number} " if grouped.string[grouped.end():grouped.end() + 1].isalpha() else number


def _folded_words(text: str) -> list[str]:
    """The words of `text` folded (before their forms): what `_WORD` finds in its ASCII
    folding, a number grouped in thousands by dots read as one ("10.000"). Each rule here
    reads characters that never span a space (the words of a plain text are read piece by
    piece, see `_Pieces`)."""
    folded = ascii_fold(text).replace("&", "")
    if "." in folded:  # one number, "10.000 dân", not "10" and "000"
        folded = _THOUSANDS.sub(_without_dots, folded)
    if "<" in folded:  # "trẻ em<1 tuổi", "≤ 5 tuổi": an age band printed with a sign
        folded = _BELOW.sub(" duoi ", folded)
    return _WORD.findall(folded)


class _Forms(dict):
    """Each folded word as `tokens` reads it ("01" → "1", the catalog's spelling), found
    once per word: names are new, their words recur."""

    def __init__(self, spelling: dict[str, str],
                 shapes: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__()
        self.spelling = spelling
        self.shapes = shapes
        self.pieces = _Pieces(self)

    def __missing__(self, word: str) -> str:
        form = word.lstrip("0") or "0" if word.isdigit() else word
        if self.shapes and any(shape in form for shape, _ in self.shapes):
            form = _reshaped(form, self.shapes)
        form = self.spelling.get(form, form)
        if len(self) < _MAX_FORMS:
            self[word] = form
        return form


def _reshaped(word: str, shapes: tuple[tuple[str, str], ...]) -> str:
    """A folded word with the letter shapes OCR reads for others read back (match_words.yaml
    `ocr_shapes`: "gorn" → "gom", "rirng" → "rung"), when it is one syllable (one group of
    vowels) in Vietnamese letters: no Vietnamese syllable spells those shapes, while a foreign
    word may ("internet")."""
    if not _VIETNAMESE_LETTERS.issuperset(word) or len(_VOWEL_GROUP.findall(word)) != 1:
        return word
    for shape, letters in shapes:
        word = word.replace(shape, letters)
    return word


_VIETNAMESE_LETTERS = frozenset("abcdeghiklmnopqrstuvxy")  # folded: no f, j, w, z
_VOWEL_GROUP = re.compile("[aeiouy]+")


class _Pieces(dict):
    """A plain space-free text (see `is_plain`) → the words `tokens` reads in it, read once
    and then looked up in C: a plain name's words are its pieces' words, in order. Only the
    pieces of plain texts are read here, and none is empty: a text whose pieces are all held
    here is plain itself (`is_plain` looks at characters one by one, and at doubled spaces,
    which would make an empty piece)."""

    def __init__(self, forms: _Forms) -> None:
        super().__init__()
        self.forms = forms
        # the pieces read as one word each (most are), with that word: a name made only of
        # such pieces is looked up without joining its pieces' words
        self.single: dict[str, str] = {}

    def __missing__(self, piece: str) -> tuple[str, ...]:
        found = tuple(map(self.forms.__getitem__, _folded_words(piece)))
        if len(self) >= _MAX_FORMS:
            self.clear()
            self.single.clear()
        self[piece] = found
        if len(found) == 1:
            self.single[piece] = found[0]
        return found


_MAX_FORMS = 200_000
_MAX_UNITS = 4096  # printed units kept with their family
_FORMS: dict[int, tuple[dict[str, str], _Forms]] = {}


def _forms(words: Words) -> _Forms:
    """The word forms of one `Words` (kept with its spelling table, whose id is the key)."""
    known = _FORMS.get(id(words.spelling))
    if known is None or known[0] is not words.spelling:
        if len(_FORMS) >= _MAX_SHAPES:
            _FORMS.clear()
        known = _FORMS[id(words.spelling)] = (words.spelling, _Forms(words.spelling,
                                                                    words.ocr_shapes))
    return known[1]


def _replace(seq: Phrase, table: dict[Phrase, Phrase], starts: _Starts) -> Phrase:
    """Replace the phrases of `table` (whose `_Starts` are `starts`) in `seq`, longest
    first, left to right. Where a word starts a phrase, only the phrases its first two words
    start are tried, then the word itself (a phrase cut short by the end of `seq` is in
    `table` only as the shorter phrase its words are)."""
    if starts.keys().isdisjoint(seq):  # most names hold no abbreviation: looked up in C
        return seq
    out: list[str] = []
    done = 0  # seq[:done] is in out; only where a phrase may start is there more to do
    for i in compress(count(), map(starts.__contains__, seq)):  # found in C
        if i < done:
            continue
        for n in starts.pairs.get(seq[i:i + 2], ()):
            if seq[i:i + n] in table:
                break
        else:
            if seq[i] not in starts.singles:
                continue
            n = 1
        out += seq[done:i]
        out += table[seq[i:i + n]]
        done = i + n
    if not done:  # most names: nothing replaced
        return seq
    out += seq[done:]
    return tuple(out)


def read(text: str, words: Words | None = None) -> Reading:
    """The reading of one name."""
    return read_with_content(text, words)[0]


def read_with_content(text: str, words: Words | None = None) -> tuple[Reading, list[str]]:
    """The reading of one name, with its content words (`Reading.content`, not joined)."""
    words = words or default_words()
    reader = _reader(words)
    seq = _tokens(text, words, reader)
    if reader.read is not None and seq[:1] not in reader.opener_starts:
        content, conditions, used, family, obj, said = reader.read(seq)
    else:  # (the compiled `read` is this, for a name opening with no opener)
        content, conditions, used = _scan(seq, words, reader)
        family, obj, said = _object(seq, words, reader)
    if words.run_bound and not words.run_bound.keys().isdisjoint(conditions):
        conditions -= _across_runs(text, conditions, words, reader)
    # "… giảm 3% trở lên" ends, as a name, at "giảm" (most names end in no number, no "năm"
    # and no tail's last word: they end where they end)
    ending = seq[:_target_start(seq, words)] if seq and (
        seq[-1] in reader.target_ends or seq[-1].isdigit()) else seq
    final = _final(ending, words, reader) if ending and ending[-1] in reader.final_ends \
        else None
    if final:
        conditions.add(final)
    opening = None
    if seq and seq[0] in reader.opening:  # most names open with none of these phrases
        opening = _longest_at(seq, 0, words.opening, reader.opening)
        if opening:
            conditions.add(opening)
    if not reader.level_words.isdisjoint(ending):  # most names hold no "xuống", no "còn"
        content = _levelled(seq, ending, content, conditions, words)
    if obj in words.object_conditions:
        conditions |= words.object_conditions[obj]
    if words.subjects and not words.subjects.keys().isdisjoint(conditions) and any(
            not _holds_any(seq, words.subjects[c]) for c in words.subjects.keys() & conditions):
        # ("Tỷ lệ người dân hài lòng": satisfied with what is unsaid — few names hold one)
        conditions.add(words.of_nothing)  # type: ignore[arg-type]
    if not words.inner_verbs.isdisjoint(seq) and any(map(str.isdigit, seq)):
        conditions |= _inner_target_conditions(seq, words)  # few names hold such a verb
    if words.two_targets and ("," in text or ";" in text) \
            and not reader.using_verbs.keys().isdisjoint(seq) \
            and _CLAUSE_VERB.search(ascii_fold(text)) \
            and _two_targets(text, words, reader):  # few names open a clause with such a verb
        conditions.add(words.two_targets)
    if not words.bare_starts.isdisjoint(seq) and any(map(str.isdigit, seq)) \
            and _bare_size(seq, words):
        conditions.add(words.size_unread)  # type: ignore[arg-type]
    if obj in words.growth_readings and words.growth_condition in conditions:
        content = _grown(content, words.object_words[obj], words.growth_readings[obj])
    if not words.void.keys().isdisjoint(conditions):  # few names hold such a condition
        conditions -= {c for c in words.void.keys() & conditions
                       if _holds_any(seq, words.void[c])}
    return Reading(  # by position (its fields' order), a third of the time of keywords
        seq,  # words
        " ".join(content),  # content
        obj,  # object
        _with_implied(conditions, words.implied),  # conditions
        family,  # family
        said,  # said
        used,  # used
    ), content


def _object(seq: Phrase, words: Words,
            reader: _Reader) -> tuple[str | None, str | None, str | None]:
    """The measuring noun's family (`_head`), the counted object after it, and what the
    name says of that object (`_said`)."""
    head, family = _head(seq, words, reader)
    obj, length = _longest_with_length(seq, head, words.objects, reader.objects)
    if obj:  # a list of two kinds of place ("thôn, trường học") counts neither alone
        other, more = _longest_with_length(seq, head + length, words.listed, reader.listed)
        if other and other != obj:
            obj, length = f"{obj}+{other}", length + more
    return family, obj, _said(seq, head + length, words, reader) if obj else None


def objects_agree(a: str | None, b: str | None, words: Words | None = None) -> bool:
    """Two counted objects agree when either is unsaid, they are one, or one is a part of
    the other (match_words.yaml `object_parts`: firms are a part of people and firms)."""
    if not a or not b or a == b:
        return True
    parts_of = (words or default_words()).parts_of
    return b in parts_of.get(a, ()) or a in parts_of.get(b, ())


def names_only_a_condition(reading: Reading, words: Words | None = None) -> bool:
    """Whether the name is nothing but one condition's phrase ("Chữ ký số", "Ký số", "Cáp
    quang"): a table's heading row, which counts nothing of its own."""
    return reading.words in (words or default_words()).conditions


def names_only_its_object(reading: Reading, words: Words | None = None) -> bool:
    """Whether the name opens with its counted object (no measuring noun, no verb before it)
    and says nothing it does or has after it (no predicate: "Hồ sơ thủ tục hành chính", "Dữ
    liệu chuyên ngành", "Hộ nghèo"), as a table's heading row names a thing."""
    if not reading.object:
        return False
    words = words or default_words()
    reader = _reader(words)
    seq = reading.words
    obj, length = _longest_with_length(seq, 0, words.objects, reader.objects)
    if not obj:
        return False
    return not any(_longest_at(seq, i, words.predicates, reader.predicates)
                   for i in range(length, len(seq)))


def unitless_conditions(reading: Reading, words: Words | None = None) -> frozenset[str]:
    """The conditions of a name printed with no unit: its own, and the one of the phrase of
    `unitless_opening_conditions` it opens with when it holds no number (a task)."""
    words = words or default_words()
    reader = _reader(words)
    seq = reading.words
    if not seq or seq[0] not in reader.unitless_opening:  # most names open with none
        return reading.conditions
    found = _longest_at(seq, 0, words.unitless_opening, reader.unitless_opening)
    # (a year says when, not how much: "Tổ chức đặt hàng nhiệm vụ KHCN năm 2026" is a task)
    if not found or any(word.isdigit() and not _is_year(word) for word in seq):
        return reading.conditions
    return reading.conditions | {found}


_PUNCTUATION = lazy(re.compile, r"[^\w\s]+")


def _across_runs(text: str, conditions: set[str], words: Words, reader: _Reader) -> set[str]:
    """The run-bound conditions (`Words.run_bound`) found in `text` only across punctuation:
    no run of it between two marks holds a phrase of theirs ("Tỷ lệ hộ nghèo toàn xã - nghèo
    đa chiều" holds "xã" and "nghèo", no "xã nghèo"; "… ở 2 xã nghèo" holds it)."""
    bound = words.run_bound.keys() & conditions
    runs = [_tokens(run, words, reader) for run in _PUNCTUATION.split(text) if run.strip()]
    return {c for c in bound if not any(_holds_any(run, words.run_bound[c]) for run in runs)}


def _said(seq: Phrase, after: int, words: Words, reader: _Reader) -> str | None:
    """What the name says of its object, which ends at `after`: nothing ("Tỷ lệ hộ nghèo",
    "… theo chuẩn nghèo đa chiều"), or what it does or has ("hộ nghèo sử dụng dịch vụ số",
    "hộ nghèo có nhà ở kiên cố"): a share of a population is not a share of what that
    population does."""
    if after >= len(seq) or _longest_at(seq, after, words.bare_followers,
                                        reader.bare_followers):
        return "bare"
    if _longest_at(seq, after, words.predicates, reader.predicates):
        return "predicated"
    return None


def _target_start(seq: Phrase, words: Words) -> int:
    """Where a target printed at the end of a name starts ("Hộ cận nghèo mỗi năm giảm 3% trở
    lên" → at "3"): a number, with a yearly "năm" ("%/năm") and a tail (`target_tails`: "trở
    lên") after it; `len(seq)` when the name ends with none."""
    end = len(seq)
    for tail in words.target_tails:  # longest first
        if end > len(tail) and seq[end - len(tail):] == tail:
            end -= len(tail)
            break
    if end > 1 and seq[end - 1] == "nam" and seq[end - 2].isdigit():
        end -= 1
    if not end or not seq[end - 1].isdigit():
        return len(seq)
    while end and seq[end - 1].isdigit():
        end -= 1
    return end


_CLAUSES = lazy(re.compile, r"[,;]")
# a clause opening with a verb of use or reach (match_words.yaml `using_verbs`, folded)
_CLAUSE_VERB = lazy(re.compile, r"[,;]\s*(?:su dung|truy cap|tiep can|kha nang)\b")


def _two_targets(text: str, words: Words, reader: _Reader) -> bool:
    """Whether the name sets two targets, one per clause: a later clause opens with a verb of
    use or reach and what it acts on ("…, tiếp cận được dịch vụ internet băng rộng"), after an
    earlier one saying something had or done ("Mỗi hộ gia đình đều có địa chỉ số"). Verbs
    listed after one object ("hướng dẫn cài đặt, sử dụng VNeID", "khai thác, sử dụng lại") set
    one target: the earlier clause says nothing had."""
    clauses = [_tokens(c, words, reader) for c in _CLAUSES.split(text)]
    for k in range(1, len(clauses)):
        later = clauses[k]
        verb = _longest_with_length(later, 0, words.using_verbs, reader.using_verbs)[1]
        after = verb + (verb and later[verb:verb + 1] == ("duoc",))
        if not verb or not _longest_at(later, after, words.used_objects, reader.used_objects):
            continue
        if any(_had(clause, words) for clause in clauses[:k]):
            return True
    return False


def _had(clause: Phrase, words: Words) -> bool:
    """Whether a clause says something had or done (a verb of `having_verbs` after its first
    word; "có" not a slipped "cơ" of "cơ quan", "cơ sở")."""
    for i in range(1, len(clause)):
        for verb in words.having_verbs:
            if clause[i:i + len(verb)] == verb and not (
                    verb == ("co",) and clause[i + 1:i + 2] and
                    clause[i + 1] in words.not_having_after):
                return True
    return False


def _inner_target_conditions(seq: Phrase, words: Words) -> set[str]:
    """The conditions of `inner_phrases` whose phrases the name holds once a target printed
    inside it is left out: its numbers, and the words of `inner_frames` just before them
    ("Hạ tầng cáp quang phủ trên 80% hộ gia đình" holds "phủ hộ": coverage, no households'
    lines)."""
    kept = list(seq)
    for i in range(len(seq) - 1, -1, -1):
        if seq[i].isdigit():
            del kept[i]
            j = i - 1
            while j >= 0 and seq[j] in words.inner_frames:
                del kept[j]
                j -= 1
    without = tuple(kept)
    return {c for c, phrases in words.inner_phrases.items() if _holds_any(without, phrases)}


DECREASE = "decrease"


def _levelled(seq: Phrase, ending: Phrase, content: list[str], conditions: set[str],
              words: Words) -> list[str]:
    """A fall to a level, or a level kept, prints that level (match_words.yaml
    `level_frames`): "Giảm tỷ lệ hộ nghèo xuống dưới 2%", "Giảm tỷ lệ hộ nghèo (theo chuẩn …)
    còn", "Duy trì tỷ lệ thất nghiệp ở mức thấp" are the rate, no fall of it. Where the name
    (`ending`: without a target printed at its end) holds a frame, or ends with one of
    `level_ends`, the fall (DECREASE) is left out of `conditions`, and the frame's words and
    a verb of `level_verbs` the name opens with ("Giảm", "Duy trì") out of the content words
    returned."""
    frame = next((f for f in words.level_ends if ending[-len(f):] == f), None)
    if frame is None and _holds_any(ending, words.level_frame_set):
        frame = next(f for f in words.level_frames  # longest first
                     if any(ending[i:i + len(f)] == f for i in range(len(ending))))
    if frame is None:
        return content
    conditions.discard(DECREASE)
    content = _without_run(content, frame)
    verb = next((v for v in words.level_verbs
                 if seq[:len(v)] == v and tuple(content[:len(v)]) == v), ())
    return content[len(verb):]


def _without_run(content: list[str], run: Phrase) -> list[str]:
    """`content` without the last place its words run as `run` does (itself if none)."""
    n = len(run)
    for i in range(len(content) - n, -1, -1):
        if tuple(content[i:i + n]) == run:
            return content[:i] + content[i + n:]
    return content


def _final(seq: Phrase, words: Words, reader: _Reader) -> str | None:
    """The condition of the longest phrase of `words.final` the name ends with ("nền tảng"
    ends alike and says no growth: `none`)."""
    for n in reader.final_lengths:
        found = words.final.get(seq[-n:]) if len(seq) >= n else None
        if found:
            return None if found == "none" else found
    return None


def _with_implied(found: set[str], implied: dict[str, frozenset[str]]) -> frozenset[str]:
    """The conditions found, with those they bring with them (match_words.yaml)."""
    if implied.keys().isdisjoint(found):  # most bring none
        return frozenset(found)
    todo = [c for c in found if c in implied]
    while todo:  # what they bring may bring more (data used again → digitised → signed)
        for condition in implied[todo.pop()] - found:
            found.add(condition)
            if condition in implied:
                todo.append(condition)
    return frozenset(found)


def domain_words(reading: Reading, words: Words | None = None) -> dict[str, frozenset[str]]:
    """The groups whose domain the name names ("cải cách hành chính"), each with the words
    of that phrase: compared with the group's indicators, the name is read without them."""
    words = words or default_words()
    if not words.domains:
        return {}
    starts = _reader(words).domains
    seq = reading.words
    if starts.keys().isdisjoint(seq):  # most names name no domain
        return {}
    found: dict[str, frozenset[str]] = {}
    for i, word in enumerate(seq):
        for n in starts.get(word, ()):
            if seq[i:i + n] in words.domains:
                group = words.domains[seq[i:i + n]]
                found[group] = found.get(group, frozenset()) | frozenset(seq[i:i + n])
    return found


def _head(seq: Phrase, words: Words, reader: _Reader) -> tuple[int, str | None]:
    """Where the counted object starts: after a leading number ("100% cán bộ …"), the
    measuring noun ("Tỷ lệ", "Số lượng") and fillers ("các"). Also the measuring noun's unit
    family, if it implies one."""
    # (most names open with no opener's first word: no phrase of them compared)
    i = next((len(o) for o in words.openers if seq[:len(o)] == o), 0) \
        if seq[:1] in reader.opener_starts else 0
    while i < len(seq) and seq[i].isdigit():
        i += 1
    family = None
    if i < len(seq) and not _holds_at(seq, i, reader.not_measuring_set, reader.not_measuring):
        for n in reader.measuring.get(seq[i], ()):  # the longest measuring noun there
            if seq[i:i + n] in reader.measuring_nouns and len(seq[i:i + n]) == n:
                family = words.noun_families.get(seq[i:i + n])
                i += n
                break
    while i < len(seq) and seq[i] in words.fillers:
        i += 1
    return i, family


def _longest_at(seq: Phrase, i: int, table: dict[Phrase, str],
                starts: _Starts) -> str | None:
    """The value of the longest phrase of `table` (whose `_starts` are `starts`) that `seq`
    holds at `i`."""
    return _longest_with_length(seq, i, table, starts)[0]


def _longest_with_length(seq: Phrase, i: int, table: dict[Phrase, str],
                         starts: _Starts) -> tuple[str | None, int]:
    """`_longest_at`, with the length of the phrase found (0 when none)."""
    for n in starts.get(seq[i], ()) if i < len(seq) else ():
        phrase = seq[i:i + n]
        if len(phrase) == n and phrase in table:
            return table[phrase], n
    return None, 0


_MAX_SHAPES = 64
_SHAPES: dict[int, tuple[Collection[Phrase], _Starts]] = {}


class _Starts(dict):
    """Each first word of a phrase table's keys, with the lengths of the keys it starts,
    longest first: the only phrases to try where a name holds that word. Also the words
    that are keys by themselves (`singles`), and the first two words of the longer keys
    with the lengths of the keys they start, longest first (`pairs`)."""

    def __init__(self, table: Collection[Phrase]) -> None:
        lengths: dict[str, set[int]] = {}
        for key in table:
            if key:
                lengths.setdefault(key[0], set()).add(len(key))
        super().__init__((word, tuple(sorted(ns, reverse=True))) for word, ns in lengths.items())
        self.singles = frozenset(key[0] for key in table if len(key) == 1)
        pairs: dict[Phrase, set[int]] = {}
        for key in table:
            if len(key) > 1:
                pairs.setdefault(key[:2], set()).add(len(key))
        self.pairs = {pair: tuple(sorted(ns, reverse=True)) for pair, ns in pairs.items()}


def _starts(table: Collection[Phrase]) -> _Starts:
    """The `_Starts` of a phrase table, found once per table (the tables live as long as
    their `Words`; the table itself is kept here so that its id is not reused)."""
    known = _SHAPES.get(id(table))
    if known is None or known[0] is not table:
        if len(_SHAPES) >= _MAX_SHAPES:  # tables made per call would pile up here
            _SHAPES.clear()
        known = _SHAPES[id(table)] = (table, _Starts(table))
    return known[1]


def _holds_at(seq: Phrase, i: int, phrases: Collection[Phrase], starts: _Starts) -> bool:
    """Whether one of `phrases` (whose `_Starts` are `starts`) starts at `i` in `seq`: a
    slice cut short by the end of `seq` is in `phrases` only as a shorter phrase held there."""
    for n in starts.get(seq[i], ()):
        if seq[i:i + n] in phrases:
            return True
    return () in phrases


def _holds_any(seq: Phrase, phrases: Collection[Phrase]) -> bool:
    """Whether `seq` holds one of `phrases` anywhere (compiled for the sets of `Words` read
    again and again: `Scanner.holds`, the sets a name holds found once)."""
    held = _HELD.get(id(phrases))
    if held is not None and held[0] is phrases and seq.__class__ is tuple:
        return held[1](seq, held[2])
    return _holds_anywhere(seq, phrases)


def _holds_anywhere(seq: Phrase, phrases: Collection[Phrase]) -> bool:
    """`_holds_any` in Python (`Scanner.holds` is its twin)."""
    starts = _starts(phrases)
    if starts.keys().isdisjoint(seq):  # most names start none of them: looked up in C
        return bool(seq) and () in phrases
    return any(seq[i:i + n] in phrases for i, word in enumerate(seq) if word in starts
               for n in starts[word]) or (bool(seq) and () in phrases)


def _scan(seq: Phrase, words: Words, reader: _Reader) -> tuple[list[str], set[str], str | None]:
    """`_scan_words`, compiled where chitieu.catalog._fastread was built (the same result)."""
    if reader.scan is not None:
        return reader.scan(seq)
    return _scan_words(seq, words, reader)


def _scan_words(seq: Phrase, words: Words,
                reader: _Reader) -> tuple[list[str], set[str], str | None]:
    """In one pass over the words: those left once stop phrases and bare numbers are dropped
    (stop phrases taken left to right, the longest where several start); the conditions of
    every phrase of `words.conditions` the name holds, wherever it starts; and how the
    name's first verb of use acts (using or reaching) on what it names of
    `words.used_objects` (`used`: digital services are not online public services, and using
    them is not reaching them). Each word's `_kind` there is looked up in C, with the next
    word where the two start a longer phrase, else alone; only the words that are numbers or
    start something are looked at here, the runs of other words between them kept."""
    stops, conditions, verbs = words.stop_set, words.conditions, words.using_verbs
    kinds = list(map(reader.pair_kinds.get, zip(seq, (*seq[1:], ""), strict=False),
                     map(reader.kinds.__getitem__, seq)))
    out: list[str] = []
    found: set[str] = set()
    used = None
    covered = 0  # seq[:covered] is read, stop phrases left out
    done = 0  # the plain words before seq[done] are in out (unless covered)
    for i in compress(count(), kinds):  # the others are plain where they are
        if done < i:
            out += seq[max(done, covered):i]
        done = i + 1
        kind = kinds[i]
        if kind.__class__ is int:  # a stop phrase of `kind` words, or a number: left out
            if i >= covered:
                covered = i + kind
            continue
        stops_after, is_stop, conditions_after, condition, verb_lengths = kind
        for n in conditions_after:
            if seq[i:i + n] in conditions:
                _found_at(seq, i, n, conditions[seq[i:i + n]], found, words)
        if condition:
            _found_at(seq, i, 1, condition[0], found, words)
        if used is None:
            for n in verb_lengths:
                if seq[i:i + n] in verbs:
                    found_used = _longest_at(seq, i + n, words.used_objects,
                                             reader.used_objects)
                    if found_used:
                        used = f"{verbs[seq[i:i + n]]} {found_used}"
                        break
        if i < covered:
            continue
        for n in stops_after:
            if seq[i:i + n] in stops:
                covered = i + n
                break
        else:
            if is_stop:
                covered = i + 1
            elif not seq[i].isdigit():
                out.append(seq[i])
    if done < len(seq):
        out += seq[max(done, covered):]
    if seq and () in conditions:  # an empty phrase is held everywhere
        found.add(conditions[()])
    return out, found, used


def _found_at(seq: Phrase, i: int, n: int, condition: str, found: set[str],
              words: Words) -> None:
    """Add the condition of the phrase `seq[i:i + n]` to `found`: a denominator's size
    (`unit_denominators`) after a number is read with it ("10 nghin dan", the longer phrase
    found where it starts) or left unread ("tren 10 van dan": `size_unread`); after "1" it
    is the phrase's own ("1 van dan")."""
    if i and condition in words.sized and seq[i - 1] != "1" and (
            seq[i - 1].isdigit() or seq[i - 1] in words.number_words):
        if seq[i - 1:i + n] not in words.conditions and words.size_unread:
            found.add(words.size_unread)
        return
    found.add(condition)


def _grown(content: list[str], object_words: frozenset[str], reading: Phrase) -> list[str]:
    """The content words of a name whose counted object grows, the object's words read as
    its growth's (`growth_readings`: "grdp binh quan tang" → "tang truong kinh te binh quan
    tang")."""
    at = next((i for i, w in enumerate(content) if w in object_words), None)
    if at is None:
        return content
    rest = [w for w in content[at:] if w not in object_words]
    return [*content[:at], *reading, *rest]


def _bare_size(seq: Phrase, words: Words) -> bool:
    """Whether a number is followed by a denominator's bare word ("5000 dan", "5000 nguoi
    dan") that no phrase of a size takes with it ("1000 dan" is per 1,000; "10 nghin dan" is
    read with its "nghin"): a count per so many people whose size is unread."""
    if not words.size_unread:
        return False
    for i in range(1, len(seq)):
        if not seq[i - 1].isdigit() and not (
                i > 1 and seq[i - 1] in words.multipliers and seq[i - 2].isdigit()):
            continue
        for bare in words.bare_denominators:
            n = len(bare)
            if seq[i:i + n] == bare \
                    and (i + n >= len(seq) or seq[i + n] not in words.bare_not_before) \
                    and not any(seq[max(0, i - k):i + n] in words.conditions
                                for k in range(1, 4)):  # "10 0 dan" is a size's phrase
                return True
    return False


def _kind(word: str, pair: Phrase, words: Words, verbs: _Starts) -> tuple | int | None:
    """How `_scan` reads `word` where `pair` (it and the next word) starts: None when it is
    plain there (no number, no stop phrase by itself, and starting no condition, verb of use
    nor stop phrase there); the number of words left out (a number, a stop word alone, or the
    two words of a stop phrase), when that is all it does; else what it starts — the lengths
    of the longer stop phrases (longest first) and whether it is one itself; the same of
    conditions, with its own condition; the lengths of the verbs of use. Only the longer
    phrases that start with `pair` are listed: one cut short by the end of the name is found
    as the shorter phrase it is, whose first words are the same."""
    stops_after = _starts(words.stop_set).pairs.get(pair, ())
    is_stop = (word,) in words.stop_set
    conditions_after = _starts(words.conditions).pairs.get(pair, ())
    condition = (words.conditions[word,],) if (word,) in words.conditions else ()
    verb_lengths = verbs.pairs.get(pair, ()) + ((1,) if word in verbs.singles else ())
    if conditions_after or condition or verb_lengths or stops_after not in ((), (2,)):
        return stops_after, is_stop, conditions_after, condition, verb_lengths
    if stops_after:  # the pair is a stop phrase, and starts no longer one
        return 2
    return 1 if is_stop or word.isdigit() else None


class _Kinds(dict):
    """Each word as `_scan` reads it where no longer phrase starts with it and the next word
    (`_kind` of the word alone). Found once per word (at most _MAX_FORMS kept): names are
    new, their words recur."""

    def __init__(self, words: Words, verbs: _Starts) -> None:
        self.starting = {key[0]: kind for key in (*words.stop_set, *words.conditions, *verbs)
                         if key and (kind := _kind(key[0], (), words, verbs)) is not None}
        super().__init__(self.starting)

    def __missing__(self, word: str) -> int | None:
        kind = 1 if word.isdigit() else None
        if len(self) >= _MAX_FORMS:
            self.clear()
            self.update(self.starting)
        self[word] = kind
        return kind


class _Reader:
    """What `read` looks up, made once per `Words` (`_reader`): the word forms, and for each
    phrase table the words its phrases start with (`_starts`)."""

    def __init__(self, words: Words) -> None:
        self.words = words  # kept: its id is the key of `_READERS`
        self.forms = _forms(words)
        self.abbreviations = _starts(words.abbreviations)
        self.synonyms = _starts(words.synonyms)
        # what a phrase of either table starts with (`_tokens`): a key of one word or of two,
        # or a longer key's first three words
        keys = [key for table in (words.abbreviations, words.synonyms) for key in table]
        self.replaced_singles = frozenset(key[0] for key in keys if len(key) == 1)
        self.replaced_pairs = frozenset(key for key in keys if len(key) == 2)
        self.replaced_triples = frozenset(key[:3] for key in keys if len(key) >= 3)
        self.objects = _starts(words.objects)
        self.listed = _starts(words.listed)
        self.domains = _starts(words.domains)
        self.measuring = _starts(words.measuring)
        self.measuring_nouns = frozenset(words.measuring)
        self.not_measuring = _starts(words.not_measuring)
        self.not_measuring_set = frozenset(words.not_measuring)
        self.final_lengths = sorted({len(p) for p in words.final}, reverse=True)
        self.unit_families: dict[str, str] = {}  # printed unit → its family (`unit_family`)
        # printed unit → the conditions it says (`unit_conditions`)
        self.unit_conditions: dict[str, frozenset[str]] = {}
        self.predicates = _starts(words.predicates)
        self.bare_followers = _starts(words.bare_followers)
        self.using_verbs = _starts(words.using_verbs)
        self.used_objects = _starts(words.used_objects)
        # the last words of the phrases `_final` reads: most names end with none of them
        self.final_ends = frozenset(p[-1] for p in words.final if p)
        self.opening = _starts(words.opening)  # the phrases a name may open with (`read`)
        # the last words a target printed at a name's end may end with besides a number
        # (`_target_start`): a tail's, or the "năm" of "%/năm"
        self.target_ends = frozenset(t[-1] for t in words.target_tails if t) | {"nam"}
        # the words that a level's frame holds (`_levelled`): a name holding none of them
        # prints no level
        self.level_words = frozenset(w for f in (*words.level_frames, *words.level_ends)
                                     for w in f[:1])
        # the first words of `openers` as one-word phrases (an empty opener: the empty one),
        # which `_head` tries only where a name opens with one
        self.opener_starts = frozenset(o[:1] for o in words.openers)
        self.unitless_opening = _starts(words.unitless_opening)
        # each word as `_scan` reads it: with the next word where the two start a longer
        # phrase (these pairs, from the tables), else alone
        self.kinds = _Kinds(words, self.using_verbs)
        self.pair_kinds = {pair: _kind(pair[0], pair, words, self.using_verbs)
                           for table in (words.stop_set, words.conditions, words.using_verbs)
                           for pair in _starts(table).pairs}
        # `_scan` compiled, where chitieu.catalog._fastread was built (else None: the Python
        # `_scan_words`)
        scanner = _compiled_scanner(words)
        self.scan = scanner.scan if scanner is not None else None
        # `_scan`, `_head` (a name opening with no opener), the counted object and `_said`
        # in one compiled call (`read_with_content`), else None
        self.read = scanner.read if scanner is not None else None
        # `_tokens` compiled for a name whose pieces were all read before (`_Pieces`), else
        # None
        self.tokenize = _compiled_tokenize(words, self.forms.pieces)


def compiled():
    """chitieu.catalog._fastread, the name reading's hot loops compiled, where it was built
    and is not turned off (environment variable CHITIEU_COMPILED=0); else None."""
    if os.environ.get("CHITIEU_COMPILED", "1") == "0" \
            or getattr(_fastread, "VERSION", None) != _COMPILED_VERSION:
        return None  # (a module built from older source is not used either)
    return _fastread


_COMPILED_VERSION = 6  # the interface `_fastread` builds (its VERSION)


def _compiled_scanner(words: Words):
    """`_scan_words` of `words` as compiled code (chitieu.catalog._fastread), and what
    `read_with_content` reads where the counted object starts (`_head`, the objects, `_said`):
    their phrase tables as one trie of word ids, each node saying which phrases end there.
    None where the module was not built, is turned off (CHITIEU_COMPILED=0), or a table holds
    an empty phrase (held everywhere: the Python reading keeps that case)."""
    fastread = compiled()
    if fastread is None:
        return None
    # the phrase sets `_holds_any` is asked about (each a bit of `Scanner.held`)
    asked = [table for table in (
        words.named_wholes, words.per_person, words.added, words.cumulative, words.wholes,
        words.happenings, words.events, words.states, words.periods, words.yearly,
        *words.void.values(), *words.family_not.values()) if table and () not in table][:64]
    tables = (words.stop_set, words.conditions, words.using_verbs, words.used_objects,
              words.objects, words.listed, words.measuring, words.not_measuring,
              words.predicates, words.bare_followers, *asked)
    if any(() in table for table in tables[:10]):
        return None
    ids: dict[str, int] = {}
    for phrase in chain(*tables, ((w,) for w in sorted(words.number_words | words.fillers))):
        for word in phrase:
            ids.setdefault(word, len(ids) + 1)
    edges: dict[tuple[int, int], int] = {}

    def node_of(phrase: Phrase) -> int:
        node = 0
        for word in phrase:
            node = edges.setdefault((node, ids[word]), len(edges) + 1)
        return node

    def indexed(table: dict[Phrase, str | None]) -> tuple[dict[int, int], tuple]:
        names = tuple(dict.fromkeys(sorted(table.values(), key=str)))
        at = {name: i for i, name in enumerate(names)}
        return {node_of(phrase): at[name] for phrase, name in table.items()}, names

    def flagged(table) -> set[int]:
        return {node_of(phrase) for phrase in table}

    stops = flagged(words.stop_set)
    conditions, condition_names = indexed(words.conditions)
    verbs, verb_names = indexed(words.using_verbs)
    used, used_names = indexed(words.used_objects)
    objects, object_names = indexed(words.objects)
    listed, listed_names = indexed(words.listed)
    nouns, families = indexed({noun: words.noun_families.get(noun) for noun in words.measuring})
    not_measuring = flagged(words.not_measuring)
    predicates, bare = flagged(words.predicates), flagged(words.bare_followers)
    held: dict[int, int] = {}
    for bit, table in enumerate(asked):
        for node in flagged(table):
            held[node] = held.get(node, 0) | 1 << bit
    nodes = range(len(edges) + 1)
    scanner = fastread.Scanner(
        ids, [(parent, word, child) for (parent, word), child in edges.items()], len(nodes),
        bytes(node in stops for node in nodes), tuple(conditions.get(n, -1) for n in nodes),
        tuple(verbs.get(n, -1) for n in nodes), tuple(used.get(n, -1) for n in nodes),
        condition_names, verb_names, used_names,
        bytes(name in words.sized for name in condition_names),
        bytes([0, *(word in words.number_words for word in ids)]), words.size_unread,
        tuple(objects.get(n, -1) for n in nodes), object_names,
        tuple(listed.get(n, -1) for n in nodes), listed_names,
        tuple(nouns.get(n, -1) for n in nodes), families,
        bytes(node in not_measuring for node in nodes),
        bytes(node in predicates for node in nodes), bytes(node in bare for node in nodes),
        bytes([0, *(word in words.fillers for word in ids)]),
        tuple(held.get(n, 0) for n in nodes))
    if len(_HELD) + len(asked) > _MAX_SHAPES * 64:
        _HELD.clear()
    for bit, table in enumerate(asked):
        _HELD[id(table)] = (table, scanner.holds, bit)
    return scanner


# id of a phrase set `_holds_any` is asked about → (the set, the compiled `holds`, its bit)
_HELD: dict[int, tuple[Collection[Phrase], Callable[[Phrase, int], bool], int]] = {}


def _compiled_tokenize(words: Words,
                       pieces: _Pieces) -> Callable[..., Phrase | None] | None:
    """`_tokens` as compiled code where it is plain: every piece of the text read before
    (`pieces`, which grows as names are read; a text whose pieces are all there is plain),
    a locality ("của xã") cut first (`_tokens`, with `tokens(text, False)`). The
    phrases of the abbreviations, then of the synonyms, as two tries of word ids, each node
    with what its phrase is replaced by. None where the module is not built or turned off."""
    fastread = compiled()
    if fastread is None:
        return None
    tables = (words.abbreviations, words.synonyms)
    if any(() in table for table in tables):
        return None
    ids: dict[str, int] = {}
    for phrase in chain(*tables):
        for word in phrase:
            ids.setdefault(word, len(ids) + 1)
    built = []
    for table in tables:
        edges: dict[tuple[int, int], int] = {}
        values: dict[int, Phrase] = {}
        for phrase, replacement in table.items():
            node = 0
            for word in phrase:
                node = edges.setdefault((node, ids[word]), len(edges) + 1)
            values[node] = replacement
        built += [[(parent, word, child) for (parent, word), child in edges.items()],
                  tuple(values.get(node) for node in range(len(edges) + 1))]
    locality = ("ủa", "ỦA") if words.locality is not None else ()
    return fastread.Tokenizer(pieces, ids, len(ids) + 1, *built, locality).tokens


_READERS: dict[int, _Reader] = {}


def _reader(words: Words) -> _Reader:
    """The `_Reader` of `words`, made on first use."""
    reader = _READERS.get(id(words))
    if reader is None or reader.words is not words:
        if len(_READERS) >= _MAX_SHAPES:
            _READERS.clear()
        reader = _READERS[id(words)] = _Reader(words)
    return reader


def unit_family(unit: str | None, words: Words | None = None) -> str | None:
    """The family of a printed unit: "%" → percent, "% GRDP" → percent:grdp, "tỷ đồng" →
    money, a noun such as "hộ" → count:households; None when no unit is printed."""
    if not unit or not unit.strip():
        return None
    words = words or default_words()
    known = _reader(words).unit_families  # units recur: each read once
    family = known.get(unit)
    if family is None:
        if len(known) >= _MAX_UNITS:
            known.clear()
        family = known[unit] = _unit_family(unit, words)
    return family


def _unit_key(unit: str, words: Words) -> str:
    """A printed unit as its family is looked up: folded, a number grouped in thousands one,
    without the words it may open with ("số hộ" counts what "hộ" counts)."""
    key = " ".join(ascii_fold(unit).replace("(", " ").replace(")", " ").split())
    if "." in key:  # "doanh nghiệp/1.000 dân": one number
        key = _THOUSANDS.sub(_without_dots, key)
    lead = next((w for w in words.unit_leads if key.startswith(w)), None)
    return key[len(lead):] if lead else key


def _per_denominator(key: str, words: Words) -> tuple[str, str] | None:
    """A unit key per a denominator of `unit_denominators` ("doanh nghiep/1000 dan",
    "trieu dong/ha"): its numerator's key, and the condition the denominator says."""
    found = words.denominator.search(key) if words.denominator is not None else None
    if found is None or not key[:found.start()]:
        return None
    condition = words.denominators[" ".join(found[2].split())]
    if found[1] not in (None, "1") and words.size_unread:
        # a number no denominator takes with it ("/2 van dan"): the size is unread, never
        # the bare word's ("van dan" per 10,000)
        condition = words.size_unread
    return key[:found.start()], condition


def _unit_family(unit: str, words: Words) -> str:
    """`unit_family` of a printed unit (not blank)."""
    key = _unit_key(unit, words)
    if key in words.unit_families:
        return words.unit_families[key]
    if key.startswith("%"):
        qualifier = key[1:].strip()
        if not qualifier:
            return "percent"
        return "percent:" + words.percent_qualifiers.get(qualifier, qualifier)
    # a count or a sum per so many people or per hectare ("doanh nghiệp/1000 dân", "triệu
    # đồng/ha") is of its numerator's family: the denominator is a condition
    # (`unit_conditions`), as "trên 1.000 dân", "trên 1 ha" in the name are
    per = _per_denominator(key, words)
    if per is not None:
        return _unit_family(per[0], words)
    return "count:" + words.count_groups.get(key, key)


def name_family(unit: str | None, reading: Reading, words: Words | None = None) -> str | None:
    """The unit family of a name with its printed unit: the unit's, else the measuring
    noun's; a sum of money "bình quân đầu người" is money per person whatever is printed; a
    count of people whose name says visits ("Số lượt người …" in người) is one of visits; a
    value of counted points ("Số điểm Wi-Fi …" in điểm) is a count of them; a share in a
    bare "%" that names its whole ("… trong GRDP") is a share of that whole."""
    words = words or default_words()
    family = unit_family(unit, words) or reading.family
    if reading.object is not None and reading.object in words.object_families:
        family = words.object_families[reading.object].get(family, family)
    if family == "percent" and words.named_wholes and _holds_any(reading.words,
                                                                 words.named_wholes):
        family = "percent:" + next(whole for phrase, whole in words.named_wholes.items()
                                   if _holds_any(reading.words, (phrase,)))
    if family in words.per_person_families and _holds_any(reading.words, words.per_person):
        return words.per_person_families[family]
    for condition, moves in words.condition_families.items():
        if family in moves and condition in reading.conditions:
            return moves[family]
    return family


def unit_conditions(reading: Reading, unit: str | None,
                    words: Words | None = None) -> Reading:
    """The reading with the conditions its printed unit says: a count "doanh nghiệp/1.000
    dân" is one per 1,000 people (per_1000_people) as "… trên 1.000 dân" in the name is, a sum
    "triệu đồng/ha" one per hectare (per_area) as "… trên 1 ha" is."""
    if not unit or not unit.strip():
        return reading
    words = words or default_words()
    reader = _reader(words)
    found = reader.unit_conditions.get(unit)  # units recur: each read once
    if found is None:
        if len(reader.unit_conditions) >= _MAX_UNITS:
            reader.unit_conditions.clear()
        said = _scan(_tokens(unit, words, reader), words, reader)[1]
        per = _per_denominator(_unit_key(unit, words), words)
        if per is not None:  # "/ha": per_area, as "trên 1 ha" in a name
            said.add(per[1])
        found = reader.unit_conditions[unit] = frozenset(said)
    if not found or found <= reading.conditions:
        return reading
    return reading._replace(conditions=_with_implied(set(reading.conditions | found),
                                                     words.implied))


def family_conditions(reading: Reading, family: str | None,
                      words: Words | None = None, unit: str | None = None) -> Reading:
    """The reading without the conditions its unit family already says (match_words.yaml
    `family_void_conditions`; a name with no unit is of the family `unitless` there): "Giảm
    tỷ lệ hộ nghèo" printed in "điểm %" is the change in points, as "Tỷ lệ hộ nghèo đa chiều"
    printed in "điểm %" is. With the condition a name opening so holds in its family
    (`family_opening_conditions`): "Tổng vốn đầu tư toàn xã hội" printed in % is its growth.
    And with the condition of a sum over several years (`period_totals`): an amount (money, a
    count) printed for a period ("giai đoạn 2021-2025", "5 năm") and said nowhere to be yearly
    (not "bình quân hằng năm", nor a unit "/năm") is the period's total."""
    words = words or default_words()
    if family and family.split(":")[0] in words.tally_families:
        reading = _tallied(reading, words)
    if words.period_total and family and family.split(":")[0] in words.period_families \
            and words.sized.isdisjoint(reading.conditions) \
            and _period_total(reading.words, unit, words):
        # (a count per so many people or per hectare is a rate, whatever its period)
        reading = reading._replace(conditions=reading.conditions | {words.period_total})
    openings = words.family_openings.get(family or "")
    if openings and reading.words:
        # a share said after the opening cancels it ("Tổng vốn … (tỷ lệ)"); one the opening
        # says itself does not ("Tỷ lệ cắt giảm thời gian …" in %)
        opened, length = _longest_with_length(reading.words, 0, openings, _starts(openings))
        if opened and _holds_any(reading.words[length:], words.family_not.get(
                family or "", frozenset())):
            opened = None
        if opened and opened not in reading.conditions:
            reading = reading._replace(conditions=reading.conditions | {opened})
    void = words.family_void.get(family or "unitless")
    if not void or void.isdisjoint(reading.conditions):
        return reading
    return reading._replace(conditions=reading.conditions - void)


ADDED = "added"
CUMULATIVE = "cumulative"


def _tallied(reading: Reading, words: Words) -> Reading:
    """A count's reading with what its name says it tallies (match_words.yaml `tallies`): the
    additions of the year (ADDED: "tăng thêm", "thành lập mới"; the growth its "tăng thêm"
    read is no more), or the stock so far (CUMULATIVE: "lũy kế", "đến nay"; or all a whole
    place holds, "toàn huyện", when it says nothing done in the year: `wholes`)."""
    found = set()
    if _holds_any(reading.words, words.added):
        found.add(ADDED)
    if _holds_any(reading.words, words.cumulative) \
            and not _holds_any(reading.words, words.void.get(CUMULATIVE, ())):
        # ("từ đầu năm đến nay", the year's so far, voids it: void_conditions)
        found.add(CUMULATIVE)
    if not found and words.wholes and _holds_any(reading.words, words.wholes) \
            and not _holds_any(reading.words, words.happenings):
        # all a whole place holds ("Số sản phẩm OCOP toàn huyện") is its stock
        found.add(CUMULATIVE)
    if not found:
        return reading
    conditions = reading.conditions | found
    if ADDED in found:
        conditions -= words.tally_replaces
    return reading._replace(conditions=conditions)


def counts_additions(reading: Reading, words: Words | None = None) -> bool:
    """Whether a catalog phrasing counts what is added in the year (match_words.yaml
    `tallies`): it says so ("thành lập mới": ADDED), or it counts what is done for people in
    the year ("được hỗ trợ", "được hướng dẫn": `events`)."""
    words = words or default_words()
    return ADDED in reading.conditions or _holds_any(reading.words, words.events)


def counts_a_stock(reading: Reading, words: Words | None = None) -> bool:
    """Whether a catalog phrasing counts all there are so far (match_words.yaml `tallies`):
    it says so ("lũy kế": CUMULATIVE), or it counts what is in a state ("sử dụng", "tham
    gia", "hoạt động": `states`)."""
    words = words or default_words()
    return CUMULATIVE in reading.conditions or _holds_any(reading.words, words.states)


def _period_total(seq: Phrase, unit: str | None, words: Words) -> bool:
    """Whether a name (its words `seq`) names a period of several years — a phrase of
    `periods`, or two years printed together ("2021 2025") — and says nowhere that its figure
    is a yearly one (`yearly`, or a unit per year "/năm")."""
    if unit and "/nam" in ascii_fold(unit).replace(" ", ""):
        return False
    span = any(_is_year(a) and _is_year(b) and a < b for a, b in pairwise(seq))
    if not span and not _holds_any(seq, words.periods):
        return False
    # one year printed after its word ("năm 2026 so với giai đoạn 2021-2025"), not the first
    # of two ("các năm 2021 - 2025"), is a yearly figure too
    one_year = any(a == "nam" and _is_year(b) and not _is_year(c)
                   for a, b, c in zip(seq, seq[1:], (*seq[2:], ""), strict=False))
    return not one_year and not _holds_any(seq, words.yearly)


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit()


def families_agree(a: str | None, b: str | None) -> bool:
    """Two unit families agree when either is unknown, they are equal, or one is a bare
    family and the other a qualified member of it ("percent" and "percent:grdp"). A name's
    (`a`) "index" agrees with a phrasing's (`b`) "score": an index may be valued in points
    ("Chỉ số DTI" printed in chỉ số), while a value printed in points is no index of another
    scale."""
    if not a or not b or a == b:
        return True
    if a == "index" and b == "score":
        return True
    return a.split(":")[0] == b.split(":")[0] and (":" not in a or ":" not in b) \
        and a.split(":")[0] == "percent"
