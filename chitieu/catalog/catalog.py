"""The indicator catalog (indicators.csv) and the matcher that links a record to it.

A record links to an indicator only when the two can be compared side by side. So the
matcher first filters the catalog on hard constraints read from the words (words.py): the
same counted object when both name one, the same set of conditions ("ký số", "toàn trình",
"1 Gb/s" …), the same unit family. Only then does a fuzzy score (rapidfuzz, on accent-folded
words with abbreviations expanded) choose among what is left, and a link needs that score to
reach a threshold calibrated on tests/catalog/labelled.csv. A fuzzy score never overrides a
constraint. Matching is cached per distinct (name, unit).
"""

from __future__ import annotations

import csv
import functools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from pathlib import Path
from typing import NamedTuple

from chitieu.catalog.words import (
    ADDED,
    CUMULATIVE,
    WORDS_YAML,
    Reading,
    Words,
    compiled,
    counts_a_stock,
    counts_additions,
    default_words,
    domain_words,
    families_agree,
    family_conditions,
    name_family,
    names_only_a_condition,
    names_only_its_object,
    objects_agree,
    read,
    read_with_content,
    unit_conditions,
    unitless_conditions,
)
from chitieu.core.cache import cached
from chitieu.core.dataclass import dataclass, field
from chitieu.core.patterns import lazy
from chitieu.core.text import clean_text, text_cache
from chitieu.errors import InputError

HERE = Path(__file__).resolve().parent
INDICATORS_CSV = HERE / "indicators.csv"

COLUMNS = ("id", "name", "group", "unit", "counts", "direction", "aliases", "targets", "seen",
           "codes")
LIST_SEPARATOR = "|"
# Calibrated on tests/catalog/labelled.csv (see README, "Indicator catalog"): the lowest
# fuzzy score (0-1) at which a candidate that passed every hard constraint is linked.
THRESHOLD = 0.65
# Weight of the containment (one phrasing's words all found in the other) against the
# two-sided overlap: plans add qualifiers to a known phrasing more often than they drop words.
CONTAINMENT_WEIGHT = 0.35
# quanta per unit of weight in the slots that bound shared weights (`_Phrasings`): finer
# bounds let fewer phrasings through to the exact score, wider slots cost more to add
_QUANTA = 256
_MAX_SPELLED = 65536  # words of names kept with their catalog spelling
_MAX_SHARED = 2048  # sets of words in common kept with their weight: the common ones recur
SCORE_SLACK = 1e-9  # margin for the bound in _best (a running difference)
# A word of the record not in the catalog is read as the closest catalog word when their
# rapidfuzz ratio reaches this (OCR slips, typos), for words of at least MIN_FUZZY_WORD letters.
WORD_CUTOFF = 85.0
MIN_FUZZY_WORD = 4

_TARGET = lazy(re.compile, r"^(>=|<=|>|<|=)\s*([0-9]+(?:\.[0-9]+)?)\s*(.*?)\s+by\s+(\d{4})\s+"
                     r"\((.+)\)$")


@dataclass(frozen=True)
class NationalTarget:
    """A target a national document sets: ">= 80 % by 2030 (NQ 03/NQ-CP)"."""

    op: str
    value: float
    unit: str | None
    year: int
    document: str

    def __str__(self) -> str:
        value = int(self.value) if float(self.value).is_integer() else self.value
        unit = f" {self.unit}" if self.unit else ""
        return f"{self.op} {value}{unit} ({self.year}, {self.document})"


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    group: str = ""
    unit: str | None = None
    counts: str = ""
    direction: str = "higher"
    aliases: tuple[str, ...] = ()
    targets: tuple[NationalTarget, ...] = ()
    seen: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()


class IndicatorMatch(NamedTuple):  # one a name linked: cheaper to make than a dataclass
    id: str
    name: str
    score: float


@dataclass(frozen=True)
class _Entry:
    """One phrasing (a name or an alias) of an indicator, read once."""

    indicator: str
    reading: Reading
    family: str | None
    words: frozenset[str]


@dataclass
class Catalog:
    indicators: dict[str, Indicator]
    threshold: float = THRESHOLD
    words: Words = field(default_factory=default_words)

    def __post_init__(self) -> None:
        readings = {ind.id: _inherit([read(t, self.words) for t in (ind.name, *ind.aliases)])
                    for ind in self.indicators.values()}
        self._entries = []
        for ind_id, rs in readings.items():
            for r in rs:
                unit = self.indicators[ind_id].unit
                family = name_family(unit, r, self.words)
                r = unit_conditions(r, unit, self.words)
                self._entries.append(_Entry(ind_id, family_conditions(r, family, self.words,
                                                                      unit),
                                            family, frozenset(r.content.split())))
        self._entries = _tallied(self._entries, self.words)
        self._weights = _idf({ind_id: {w for r in rs for w in r.content.split()}
                              for ind_id, rs in readings.items()})
        self._vocabulary = sorted(self._weights)
        self._rare = max(self._weights.values(), default=1.0)
        self._weight_of = _Weights(self._weights, self._rare)
        # each phrasing's total weight, summed once here rather than per name matched
        self._entry_weights = [self._total(entry.words) for entry in self._entries]
        self._entry_ids = [entry.indicator for entry in self._entries]
        # words as bits (bit i = vocabulary word i): the words a name shares with a phrasing
        # are one `&` of two ints, and their weight is kept by that int (`_shared_weight`)
        self._word_bit = {word: 1 << i for i, word in enumerate(self._vocabulary)}
        self._weight_at = [self._weights[word] for word in self._vocabulary]
        self._entry_bits = [self._bits_of(entry.words) for entry in self._entries]
        # a name links only to a phrasing with its very set of conditions (`compatible`):
        # the phrasings are grouped by it, and each group bounds what a name shares with each
        # of its phrasings, all at once (`_Phrasings`)
        quanta = {word: math.ceil(weight * _QUANTA) for word, weight in self._weights.items()}
        most = max((sum(quanta[w] for w in entry.words) for entry in self._entries), default=0)
        self._slot = most.bit_length() + 1  # a slot never reaches its top bit by the sum
        members: dict[frozenset[str], list[int]] = {}
        for index, entry in enumerate(self._entries):
            members.setdefault(entry.reading.conditions, []).append(index)
        self._groups = {conditions: _Phrasings.of(indices, self._entries, quanta, self._slot,
                                                  self._word_bit)
                        for conditions, indices in members.items()}
        self._memos()

    def _memos(self) -> None:
        self._compatible_masks: dict[tuple, int] = {}  # name signature → phrasings
        self._shared: dict[int, float] = {}  # words in common (bits) → their weight
        self._spelled = _Spelled(self._spelled_uncached)  # the name's words, as spelled here
        self._cached = text_cache(self._match)  # the latest names; short ones recur more
        self._searcher = _compiled_searcher(self)


    def __getstate__(self) -> dict:
        # pickled by chitieu.core.cache: the index, without the memo tables
        return {k: v for k, v in self.__dict__.items()
                if k not in ("_spelled", "_cached", "_compatible_masks", "_shared",
                             "_searcher")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._memos()

    @classmethod
    def load(cls, paths: Sequence[str | Path] = ()) -> Catalog:
        """The built-in catalog, extended (or overridden by id) with the user's CSV files."""
        indicators: dict[str, Indicator] = {}
        for path in (INDICATORS_CSV, *[Path(p) for p in paths]):
            for ind in read_catalog_csv(Path(path)):
                indicators[ind.id] = ind
        return cls(indicators)

    def match(self, name: str, unit: str | None = None) -> IndicatorMatch | None:
        """The indicator `name` (with its target's unit) measures, or None."""
        found = self._cached(name, unit)
        return None if found is None else IndicatorMatch(*found)

    def linked(self, name: str, unit: str | None = None) -> tuple[str, str, float] | None:
        """`match` as a plain (id, name, score) tuple, as the cache keeps it: a plain tuple
        of strings and a float is left alone by the cyclic collector (a named tuple is
        not), which would otherwise go over every cached link at each full collection."""
        return self._cached(name, unit)

    def _match(self, name: str, unit: str | None) -> tuple[str, str, float] | None:
        best = self._best(name, unit)
        if best is None or best[1] < self.threshold:
            return None
        ind = self.indicators[best[0]]
        return ind.id, ind.name, _round2(best[1])

    def _read_name(self, name: str, unit: str | None):
        """The name's reading, unit family, catalog-spelled words and their total weight."""
        reading, content = read_with_content(name, self.words)
        if not unit:  # a task, when it opens with a verb of one and holds no number
            conditions = unitless_conditions(reading, self.words)
            if conditions is not reading.conditions:
                reading = reading._replace(conditions=conditions)
        family = name_family(unit, reading, self.words)
        if unit:  # (a name printed without a unit: its unit says no condition)
            reading = unit_conditions(reading, unit, self.words)
        reading = family_conditions(reading, family, self.words, unit)
        if self._searcher is not None:  # the two lines below, compiled
            return (reading, family, *self._searcher.words(content, self._spelled, self._rare))
        words = frozenset(map(self._spelled.__getitem__, content))
        return reading, family, words, math.fsum(map(self._weight_of.__getitem__, words))

    def rank(self, name: str, unit: str | None = None, *,
             skip_same_words: bool = False) -> list[tuple[str, float]]:
        """Every indicator that passes the hard constraints, with its best score, best first.
        `skip_same_words` ignores phrasings whose words equal the name's (to measure how the
        matcher does on a phrasing the catalog does not hold)."""
        reading, family, words, total = self._read_name(name, unit)
        if self._counts_nothing(reading, family):
            return []
        heading = self._heading(reading, family)
        # a name naming a group's domain is read without those words against that group
        domains = {group: (words - found, self._total(words - found))
                   for group, found in domain_words(reading, self.words).items()}
        best: dict[str, float] = {}
        for entry, entry_total in zip(self._entries, self._entry_weights, strict=True):
            if skip_same_words and entry.reading.content == reading.content:
                continue
            if not compatible(reading, family, entry.reading, entry.family, self.words):
                continue
            if heading and _continues(words, entry.reading.content):
                continue
            name_words, name_total = domains.get(self.indicators[entry.indicator].group,
                                                 (words, total))
            shared = name_words & entry.words  # most phrasings share no word: score 0
            score = _score(self._total(shared), name_total, entry_total) if shared else 0.0
            if score > best.get(entry.indicator, -1.0):
                best[entry.indicator] = score
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))

    def _best(self, name: str, unit: str | None) -> tuple[str, float] | None:
        """The first of `rank` when it reaches the threshold (else None, or one below it),
        found without scoring every phrasing. A phrasing reaches the threshold only if it
        shares enough of the name's word weight (`_needed`): the group of phrasings with the
        name's conditions bounds what each of them shares, all at once, and only the
        compatible ones whose bound reaches that are scored, exactly as `rank` scores them."""
        reading, family, words, total = self._read_name(name, unit)
        if self.threshold <= CONTAINMENT_WEIGHT or domain_words(reading, self.words):
            # few names name a domain: they are ranked in full (the bound below assumes one
            # reading of the name for every phrasing)
            return next(iter(self.rank(name, unit)), None)
        group = self._groups.get(reading.conditions)
        if group is None or self._counts_nothing(reading, family):
            # no phrasing has these conditions (none is compatible), or a heading
            return None
        heading = self._heading(reading, family)
        needed = _needed(self.threshold, total)
        if self._searcher is not None and not heading:  # the loop below, compiled
            return self._searcher.best(group.members, words, total, needed,
                                       self._compatible_mask(group, reading, family),
                                       self._slot, self.threshold)
        candidates, name_bits = group.reaching(words, needed, self._slot)
        candidates &= self._compatible_mask(group, reading, family)
        # rank's first: the highest score, the lowest id among equal scores. A phrasing
        # sharing less than `needed` of the name's weight cannot reach the threshold (nor,
        # once one has, the best score so far): it is not scored. Which is found first does
        # not matter, so the members are taken highest bit first: each found by one
        # `bit_length` and cleared by one `^` (lowest first, `c & -c` made two more integers
        # of the group's width per candidate).
        best_id: str | None = None
        best_score = -1.0
        entry_weights, entry_bits = self._entry_weights, self._entry_bits
        entry_ids, entries = self._entry_ids, self._entries
        members, slot = group.members, self._slot
        known = self._shared.get
        threshold = self.threshold
        # `_score` and `_needed`, written out here (the same operations in the same order,
        # so the same floats) rather than called for every candidate
        plain, contained = 1 - CONTAINMENT_WEIGHT, CONTAINMENT_WEIGHT
        while candidates:
            top = candidates.bit_length()
            candidates ^= 1 << top - 1
            index = members[top // slot - 1]
            if heading and _continues(words, entries[index].reading.content):
                continue
            common = name_bits & entry_bits[index]
            shared = known(common)
            if shared is None:
                shared = self._shared_weight(common)
            if shared < needed:
                continue
            weight = entry_weights[index]
            score = plain * (2 * shared / (total + weight)) \
                + contained * shared / (total if total <= weight else weight)
            if score > best_score or (score == best_score and entry_ids[index]
                                      < best_id):  # type: ignore[operator]
                best_id, best_score = entry_ids[index], score
                if score > threshold:
                    ratio = (score - contained) / plain
                    needed = max(needed, ratio / (2 - ratio) * total - SCORE_SLACK)
        return None if best_id is None else (best_id, best_score)

    def _counts_nothing(self, reading: Reading, family: str | None) -> bool:
        """Whether a name printed as a share, or with no unit, is nothing but a condition's
        phrase ("Chữ ký số" in %, "KINH TẾ SỐ" alone): a heading row, no share of anything,
        which links to no indicator."""
        return (not family or family.startswith("percent")) \
            and names_only_a_condition(reading, self.words)

    def _heading(self, reading: Reading, family: str | None) -> bool:
        """Whether a name printed as a share names only its object (`names_only_its_object`):
        a heading row ("Dữ liệu chuyên ngành" in %), which is no share of that object that a
        catalog phrasing goes on to qualify ("… được chuẩn hóa"; see `_continues`)."""
        return bool(family) and family.startswith("percent") \
            and names_only_its_object(reading, self.words)

    def _bits_of(self, words: frozenset[str]) -> int:
        """The catalog words among `words`, as a bit set (see `_word_bit`): distinct words
        are distinct bits, so their sum is their union."""
        return sum(map(self._word_bit.get, words, repeat(0)))

    def _compatible_mask(self, group: _Phrasings, reading: Reading,
                         family: str | None) -> int:
        """The members of `group` (their slots' top bits) a name with this reading and family
        may link to: the hard constraints, checked once per (name signature, phrasing
        signature)."""
        key = _signature(reading, family)
        mask = self._compatible_masks.get(key)
        if mask is None:
            mask = 0
            for (obj, other_family, said, used), members in group.by_signature.items():
                other = _SignatureOnly(obj, reading.conditions, said, used)
                if compatible(reading, family, other, other_family,  # type: ignore[arg-type]
                              self.words):
                    mask |= members
            self._compatible_masks[key] = mask
        return mask

    def _shared_weight(self, common: int) -> float:
        """The weight of the catalog words two phrasings have in `common` (a bit set of
        `_word_bit`), part of how much of their meaning they share (`_score`). fsum is exact,
        so the sum of a set of words is kept once for any name that shares that set."""
        shared = self._shared.get(common)
        if shared is None:
            if len(self._shared) >= _MAX_SHARED:
                self._shared.clear()
            weights, bits = [], common
            while bits:  # the set bits, lowest first
                low = bits & -bits
                bits ^= low
                weights.append(self._weight_at[low.bit_length() - 1])
            shared = self._shared[common] = math.fsum(weights)
        return shared

    def _weight(self, word: str) -> float:
        return self._weight_of[word]

    def _total(self, words: frozenset[str]) -> float:
        # fsum: exactly rounded, so the total does not depend on the set's iteration order
        # (which PYTHONHASHSEED changes)
        return math.fsum(map(self._weight_of.__getitem__, words))

    def _spelled_uncached(self, word: str) -> str:
        """A word as the catalog spells it, when an OCR slip or typo put it one letter off
        ("chuyên" for "chuyển" folds the same; "thong" for "thông" too; "hanh" for "hành"):
        the closest catalog word by rapidfuzz ratio, else the word itself."""
        if word in self._weights or len(word) < MIN_FUZZY_WORD:
            return word
        from rapidfuzz import fuzz, process  # on first use: most documents never need it (8 ms)

        found = process.extractOne(word, self._vocabulary, scorer=fuzz.ratio,
                                   score_cutoff=WORD_CUTOFF)
        return found[0] if found else word


def _compiled_searcher(catalog: Catalog):
    """The candidate loop of `Catalog._best` as compiled code (chitieu.catalog._fastread,
    words.py), over the phrasings' words as bit sets of the vocabulary; None where the module
    was not built or is turned off (CHITIEU_COMPILED=0): `_best` runs its own loop, the
    same."""
    fastread = compiled()
    if fastread is None or max((len(entry.words) for entry in catalog._entries),
                               default=0) > 62:
        return None
    index = {word: i for i, word in enumerate(catalog._vocabulary)}
    weights = tuple(catalog._weight_at)
    return fastread.Searcher(
        index, weights, tuple(math.ceil(weight * _QUANTA) for weight in weights),
        tuple(tuple(index[word] for word in entry.words) for entry in catalog._entries),
        tuple(catalog._entry_weights), tuple(catalog._entry_ids),
        1 - CONTAINMENT_WEIGHT, CONTAINMENT_WEIGHT, SCORE_SLACK, float(_QUANTA))


def _round2(score: float) -> float:
    """`round(score, 2)` for a score of 0-1, without its decimal conversion where the
    hundredths are clear: n/100 (n whole) divided in floating point is the float nearest to
    n/100, which is what `round` returns; a score within 1e-9 of a half hundredth (where
    the product's rounding could matter) is left to `round` itself."""
    scaled = score * 100
    whole = math.floor(scaled)
    part = scaled - whole
    if abs(part - 0.5) < 1e-9 or not 0.0 <= score <= 1.0:
        return round(score, 2)
    return (whole + (part > 0.5)) / 100


def _tallied(entries: list[_Entry], words: Words) -> list[_Entry]:
    """The phrasings with what each count indicator tallies (match_words.yaml `tallies`): an
    indicator one of whose phrasings counts additions (`counts_additions`: "thành lập mới",
    "được hỗ trợ") counts additions; else one that counts a stock (`counts_a_stock`: "lũy
    kế", "sử dụng", "hoạt động") a stock; else it may be printed either way. Each of its
    phrasings stands for a name that says nothing of it, and for one that says its kind
    ("tăng thêm" only for additions, "lũy kế" only for a stock, either for the third;
    `compatible` asks the very set of conditions)."""
    flows = {entry.indicator for entry in entries if counts_additions(entry.reading, words)}
    stocks = {entry.indicator for entry in entries if counts_a_stock(entry.reading, words)}
    tallied: list[_Entry] = []
    for entry in entries:
        if not entry.family or entry.family.split(":")[0] not in words.tally_families:
            tallied.append(entry)
            continue
        plain = entry.reading.conditions - {ADDED, CUMULATIVE}
        kinds = ((ADDED,) if entry.indicator in flows else (CUMULATIVE,)
                 if entry.indicator in stocks else (ADDED, CUMULATIVE))
        for conditions in (plain, *(plain | {kind} for kind in kinds)):
            tallied.append(_Entry(entry.indicator, entry.reading._replace(conditions=conditions),
                                  entry.family, entry.words))
    return tallied


def _continues(words: frozenset[str], content: str) -> bool:
    """Whether a phrasing (its `content`) goes on after all it shares with a name's `words`:
    each of its other words comes after the last one in common ("dữ liệu chuyên ngành" →
    "dữ liệu chuyên ngành được chuẩn hóa"), what the name, a heading, leaves unsaid."""
    phrasing = content.split()
    last = max((i for i, w in enumerate(phrasing) if w in words), default=-1)
    return last >= 0 and any(w not in words for w in phrasing[last + 1:]) \
        and all(w in words for w in phrasing[:last])


def _needed(score: float, total: float) -> float:
    """The least weight a phrasing must share with a name of weight `total` to reach
    `score` (above CONTAINMENT_WEIGHT), whatever its own weight: `_score` is at most
    (1 - c)·2s/(w + s) + c for shared weight s (a margin below, for rounding)."""
    ratio = (score - CONTAINMENT_WEIGHT) / (1 - CONTAINMENT_WEIGHT)
    return ratio / (2 - ratio) * total - SCORE_SLACK


def _score(shared: float, wa: float, wb: float) -> float:
    """0-1: how much of two phrasings' meaning they share, from the weight of the words they
    have in common and each one's total weight. Words weigh by how rare they are in the
    catalog ("hóa đơn" tells indicators apart, "sử dụng" hardly): the mean of the weighted
    Dice overlap and of the better weighted containment, so that a phrasing that adds a
    qualifier ("theo chuẩn nghèo đa chiều") stays close."""
    dice = 2 * shared / (wa + wb)
    return (1 - CONTAINMENT_WEIGHT) * dice + CONTAINMENT_WEIGHT * shared / min(wa, wb)


def _inherit(readings: list[Reading]) -> set[Reading]:
    """A phrasing that leaves the counted object unsaid ("Tỷ lệ phủ sóng 5G trên dân số")
    counts what its indicator's other phrasings name ("người dân")."""
    obj = next((r.object for r in readings if r.object), None)
    return {r if r.object or not obj else r._replace(object=obj) for r in readings}


def _idf(words_by_indicator: dict[str, set[str]]) -> dict[str, float]:
    """Inverse document frequency of each word over the indicators (not the phrasings, so
    that an indicator with many aliases does not make its words look common)."""
    counts: dict[str, int] = {}
    for words in words_by_indicator.values():
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    n = len(words_by_indicator) or 1
    return {w: math.log((n + 1) / (c + 0.5)) for w, c in counts.items()}


class _Spelled(dict):
    """Each word of a name as the catalog spells it (`Catalog._spelled_uncached`), found once
    per word and then looked up in C (a name's words are spelled at every match); at most
    _MAX_SPELLED words kept."""

    def __init__(self, spell: Callable[[str], str]) -> None:
        super().__init__()
        self._spell = spell

    def __missing__(self, word: str) -> str:
        spelled = self._spell(word)
        if len(self) >= _MAX_SPELLED:
            self.clear()
        self[word] = spelled
        return spelled


class _Weights(dict):
    """Each catalog word's weight; a word the catalog does not know weighs as the rarest
    (looked up in C: a name's words are summed at every match)."""

    def __init__(self, weights: dict[str, float], rare: float) -> None:
        super().__init__(weights)
        self._rare = rare

    def __missing__(self, word: str) -> float:
        return self._rare


@dataclass
class _Phrasings:
    """The phrasings of one set of conditions, each with a slot of `slot` bits in one int.
    Each catalog word carries its weight, rounded up to whole quanta (_QUANTA per unit), in
    the slots of the phrasings that hold it: the sum of a name's words bounds, in each slot,
    the weight that phrasing shares with the name (`reaching`)."""

    members: tuple[int, ...]  # the phrasings (indices of `Catalog._entries`), ascending
    # catalog word → its quanta in the slots of the members holding it, and above the slots
    # (from bit `above` on) its bit of `Catalog._word_bit`
    slots: dict[str, int]
    above: int
    ones: int  # 1 in every slot
    tops: int  # the top bit of every slot
    # (object, family, said, used) → the top bits of those members' slots
    by_signature: dict[tuple, int]

    @classmethod
    def of(cls, members: list[int], entries: list[_Entry], quanta: dict[str, int],
           slot: int, word_bit: dict[str, int]) -> _Phrasings:
        slots: dict[str, int] = {}
        by_signature: dict[tuple, int] = {}
        for position, index in enumerate(members):
            for word in entries[index].words:
                slots[word] = slots.get(word, 0) | quanta[word] << position * slot
            r = entries[index].reading
            key = (r.object, entries[index].family, r.said, r.used)
            by_signature[key] = by_signature.get(key, 0) | 1 << (position + 1) * slot - 1
        above = len(members) * slot
        slots = {word: bounds | word_bit[word] << above for word, bounds in slots.items()}
        ones = sum(1 << position * slot for position in range(len(members)))
        return cls(tuple(members), slots, above, ones, ones << slot - 1, by_signature)

    def reaching(self, words: frozenset[str], needed: float, slot: int) -> tuple[int, int]:
        """The members (their slots' top bits) that may share `needed` of the weight of a
        name of `words`, and some word; and the bits (`Catalog._word_bit`) of the words of
        `words` these phrasings hold, summed with the slots. Each slot of the sum holds at
        least the weight shared times _QUANTA, which is more than needed·_QUANTA - 1 (fsum
        rounds within far less than a quantum) whenever what it rounds to reaches `needed`:
        a member is kept when its slot reaches floor(needed·_QUANTA) - 1 (at least 1: every
        word weighs more than 0 quanta), found by adding the same amount to every slot and
        looking at its top bit
        (no slot overflows into the next, nor the last into the bits above: see
        `Catalog._slot`)."""
        half = 1 << slot - 1
        least = min(max(math.floor(needed * _QUANTA) - 1, 1), half)
        sums = sum(filter(None, map(self.slots.get, words)))  # other words add no big int
        return sums + (half - least) * self.ones & self.tops, sums >> self.above


@dataclass(frozen=True)
class _SignatureOnly:
    """What `compatible` reads of a phrasing's reading (see `_signature`)."""

    object: str | None
    conditions: frozenset[str]
    said: str | None
    used: str | None


def _signature(reading: Reading, family: str | None) -> tuple:
    """All that `compatible` reads of one side: the matcher checks a name once per distinct
    signature of the catalog's phrasings. A new constraint reading more of a `Reading` must
    add it here (and to `_SignatureOnly`)."""
    return reading.object, reading.conditions, family, reading.said, reading.used


def compatible(a: Reading, a_family: str | None, b: Reading, b_family: str | None,
               words: Words | None = None) -> bool:
    """The hard constraints: what two phrasings must share to be one indicator. Reads only
    what `_signature` holds (and the catalog's `words`: which objects are parts of others)."""
    if not objects_agree(a.object, b.object, words):
        return False
    if a.conditions != b.conditions:
        return False
    # a population's share (or a part's) is not the share of it that does or has something
    if (a.object == b.object or (a.object and b.object)) \
            and {a.said, b.said} == {"bare", "predicated"}:
        return False
    if a.used and b.used and a.used != b.used:
        return False
    return families_agree(a_family, b_family)


# ------------------------------------------------------------------ CSV


def read_catalog_csv(path: Path) -> list[Indicator]:
    """The indicators of a catalog CSV (columns of COLUMNS; only id and name required)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in ("id", "name") if c not in (reader.fieldnames or ())]
            if missing:
                raise InputError(f"{path}: not an indicator catalog (missing column "
                                 f"{', '.join(missing)}; expected {','.join(COLUMNS)})",
                                 code="catalog")
            rows = list(reader)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the catalog file ({exc.strerror})",
                         code="catalog") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: the catalog file is not UTF-8 text", code="catalog") from exc
    return [_indicator(row, path) for row in rows if (row.get("id") or "").strip()]


def _indicator(row: dict[str, str | None], path: Path) -> Indicator:
    def text(name: str) -> str:
        return clean_text(row.get(name) or "")

    def listed(name: str, separator: str = LIST_SEPARATOR) -> tuple[str, ...]:
        return tuple(v for v in (p.strip() for p in text(name).split(separator)) if v)

    return Indicator(
        id=text("id"), name=text("name") or text("id"), group=text("group"),
        unit=text("unit") or None, counts=text("counts"),
        direction=text("direction") or "higher", aliases=listed("aliases"),
        targets=tuple(parse_target(t, path) for t in listed("targets", ";")),
        seen=listed("seen"), codes=listed("codes", ";"),
    )


def parse_target(text: str, path: Path | str = "<catalog>") -> NationalTarget:
    """">= 80 % by 2030 (NQ 03/NQ-CP)" → NationalTarget."""
    m = _TARGET.match(text.strip())
    if not m:
        raise InputError(f"{path}: cannot read the national target {text!r} (expected e.g. "
                         "'>= 80 % by 2030 (NQ 03/NQ-CP)')", code="catalog")
    op, value, unit, year, document = m.groups()
    return NationalTarget(op, float(value), unit.strip() or None, int(year), document.strip())


@functools.cache
def default_catalog() -> Catalog:
    """The built-in catalog, built once (and kept in the user's cache folder: its readings
    take 40 ms to build, 4 ms to load)."""
    return cached("catalog", Catalog.load, [INDICATORS_CSV, WORDS_YAML])


def load_catalog(paths: Iterable[str | Path] = ()) -> Catalog:
    """The built-in catalog, extended with the user's CSV files."""
    paths = list(paths)
    return Catalog.load(paths) if paths else default_catalog()
