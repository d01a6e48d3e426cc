"""Agency cells: split into agencies, each matched against the gazetteer.

The gazetteer is data (agencies.csv, agency_words.yaml in chitieu/data/, plus the user's
CSV files given with --gazetteer). Matching goes exact → alias/abbreviation → a branch or
place stripped from the name → fuzzy (rapidfuzz, accent-folded), each step with a score.
Splitting uses the gazetteer itself: a cell is cut where both sides are agencies, choosing
the segmentation that covers most of the text with known agencies.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from chitieu.core.agencies import COLLECTIVE_OPENERS
from chitieu.core.cache import cached
from chitieu.core.dataclass import dataclass
from chitieu.core.lexicon import data_file, load_yaml
from chitieu.core.numbering import LEADING_NUMBER
from chitieu.core.patterns import compile_regex, lazy
from chitieu.core.text import clean_text, fold, to_ascii, unescape_entity
from chitieu.errors import InputError
from chitieu.gazetteer.localities import PROVINCES_CSV, UNITS_CSV, province_names, unit_names
from chitieu.models import Agency

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    import regex

__all__ = [
    "AGENCIES_CSV", "AgencyEntry", "AgencyMatch", "Gazetteer", "Role", "default_gazetteer",
    "match_key",
]

AGENCIES_CSV = data_file("agencies.csv")
WORDS_YAML = "agency_words.yaml"

Role = Literal["lead", "support", "monitor"]
UNMATCHED = "agency_unmatched"
LOW_CONFIDENCE = "agency_low_confidence"

# An alias reached only after dropping a place or branch from the printed name.
DERIVED_SCORE = 0.98
# Fuzzy matching: minimum accent-folded similarity (0-100) to accept a candidate, and the
# score below which an accepted match is flagged as low-confidence.
FUZZY_CUTOFF = 88.0
CONFIDENT_SCORE = 0.9
# A fuzzy piece covers less than an exact one: a near miss spanning two agencies ("Bộ Khoa học
# và Công nghệ, Bộ") must not beat the exact agency it contains.
FUZZY_COVERAGE_WEIGHT = 0.8
# How much of a text `opens_a_name` reads: its opening words.
_OPENING_CHARS = 80
# A fuzzy match may differ from its candidate by this many words (a word split or merged).
MAX_EXTRA_WORDS = 1
# Letters a slip may change in one word and still be that word (accent-folded).
MAX_WORD_SLIP = 1

Key = tuple[str, ...]

# ------------------------------------------------------------------ comparison keys

_NON_WORD = lazy(compile_regex, r"[^\p{L}\p{N}\s-]+")
_DASH = lazy(compile_regex, r"\s*-+\s*")


@functools.lru_cache(maxsize=65536)
def match_key(text: str) -> Key:
    """The words of a name as compared: folded, "&" read as "và", punctuation dropped."""
    folded = fold(text).replace("&", " và ")
    folded = _DASH.sub(" - ", _NON_WORD.sub(" ", folded))
    words = folded.split()
    while words and words[0] == "-":
        words.pop(0)
    while words and words[-1] == "-":
        words.pop()
    return tuple(words)


def _plain_key(text: str) -> Key:
    return tuple(w for w in match_key(text) if w != "-")


# ------------------------------------------------------------------ word lists


@dataclass(frozen=True, slots=True)
class _Words:
    """agency_words.yaml, folded into keys."""

    abbreviations: dict[Key, Key]
    equivalents: dict[Key, Key]
    droppable_starts: _Prefixes  # leader titles, "các", "những"
    level_words: tuple[Key, ...]
    village_words: tuple[Key, ...]
    branch_words: tuple[Key, ...]
    extra_places: frozenset[Key]
    heads: _Prefixes
    capitalized_heads: _Prefixes
    role_phrases: dict[Key, Role]
    role_marks: dict[Key, str]
    support_introducers: frozenset[Key]
    description_verbs: frozenset[Key]
    qualified_collectives: frozenset[Key]
    service_phrases: _Prefixes
    managed_things: _Prefixes
    managing_bodies: _Prefixes
    lead_ins: _Prefixes
    parent_words: frozenset[Key]
    parties: _Prefixes

    @property
    def longest_phrase(self) -> int:
        phrases = [*self.role_phrases, *self.support_introducers, *self.description_verbs]
        return max(len(p) for p in phrases)


@functools.cache
def _words() -> _Words:
    # folding the words into keys took ~3 ms of every process that read an agency cell:
    # kept in the cache folder, found by the file they are read from
    return cached("agency-words", _build_words, [data_file(WORDS_YAML)])


def _build_words() -> _Words:
    data = load_yaml(WORDS_YAML)

    def keys(name: str) -> frozenset[Key]:
        return frozenset(_plain_key(w) for w in data.get(name) or ())

    def mapping(name: str) -> dict[Key, Key]:
        return {_plain_key(k): _plain_key(v or "") for k, v in (data.get(name) or {}).items()}

    roles = {_plain_key(w): role for role, words in data["role_phrases"].items() for w in words}
    unknown = set(roles.values()) - {"lead", "support", "monitor"}
    if unknown:
        raise ValueError(f"{WORDS_YAML}: role_phrases has unknown roles {sorted(unknown)}")
    return _Words(
        abbreviations=mapping("abbreviations"),
        equivalents=mapping("equivalents"),
        droppable_starts=_Prefixes(keys("leader_titles") | _COLLECTIVE_MARKERS),
        level_words=tuple(sorted(keys("level_words"), key=len, reverse=True)),
        village_words=tuple(keys("village_words")),
        branch_words=tuple(keys("branch_words")),
        extra_places=keys("extra_places"),
        heads=_Prefixes(keys("heads")),
        capitalized_heads=_Prefixes(keys("capitalized_heads")),
        role_phrases=roles,
        role_marks={_plain_key(k): str(v) for k, v in (data.get("role_marks") or {}).items()},
        support_introducers=keys("support_introducers"),
        description_verbs=keys("description_verbs"),
        qualified_collectives=keys("qualified_collectives"),
        service_phrases=_Prefixes(keys("service_phrases")),
        managed_things=_Prefixes(keys("managed_things")),
        managing_bodies=_Prefixes(keys("managing_bodies")),
        lead_ins=_Prefixes(keys("lead_ins")),
        parent_words=keys("parent_words"),
        parties=_Prefixes(keys("parties")),
    )


@functools.cache
def _by_first_word(table_name: str) -> dict[str, tuple[tuple[Key, Key], ...]]:
    """A replacement table indexed by first word, longest key first."""
    table: dict[Key, Key] = getattr(_words(), table_name)
    grouped: dict[str, list[tuple[Key, Key]]] = {}
    for key, replacement in table.items():
        if key:
            grouped.setdefault(key[0], []).append((key, replacement))
    return {w: tuple(sorted(pairs, key=lambda p: -len(p[0]))) for w, pairs in grouped.items()}


def _replace_ngrams(words: Key, table_name: str) -> Key:
    starts = _by_first_word(table_name)
    if not any(w in starts for w in words):
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        for key, replacement in starts.get(words[i], ()):
            if words[i:i + len(key)] == key:
                out.extend(replacement)
                i += len(key)
                break
        else:
            out.append(words[i])
            i += 1
    return tuple(out)


class _Prefixes:
    """Word sequences a name may start with, looked up by first word."""

    def __init__(self, keys: Iterable[Key]) -> None:
        grouped: dict[str, list[Key]] = {}
        for key in keys:
            if key:
                grouped.setdefault(key[0], []).append(key)
        self.by_first = {w: tuple(sorted(v, key=len, reverse=True)) for w, v in grouped.items()}

    def longest(self, words: Key, *, whole: bool = False) -> Key | None:
        """The longest prefix of `words`; it may be all of them only when `whole`."""
        if not words:
            return None
        for prefix in self.by_first.get(words[0], ()):
            if words[:len(prefix)] == prefix and (whole or len(prefix) < len(words)):
                return prefix
        return None

    def first_words(self) -> set[str]:
        return set(self.by_first)


_COLLECTIVE_MARKERS = frozenset((word,) for word in COLLECTIVE_OPENERS)
# ... as the fuzzy matcher compares words (accent-folded)
_COLLECTIVE_ASCII = frozenset(to_ascii(w) for (w,) in _COLLECTIVE_MARKERS)


@functools.cache
def _level_ascii() -> frozenset[str]:
    """The first words of the level words, as the fuzzy matcher compares words."""
    return frozenset(to_ascii(level[0]) for level in _words().level_words)


@functools.cache
def _villages_ascii() -> tuple[tuple[str, ...], ...]:
    """The units below a commune ("thôn", "tổ dân phố"), as the fuzzy matcher compares."""
    return tuple(tuple(to_ascii(w) for w in village) for village in _words().village_words)


@functools.cache
def _units_in_lists() -> tuple[Key, ...]:
    """The level words and the units below a commune, longest first: the kinds of unit a
    list "các xã, phường" or "các thôn, tổ dân phố" goes on with."""
    words = _words()
    return tuple(sorted({*words.level_words, *words.village_words}, key=len, reverse=True))


def _every_unit(words: list[str], i: int) -> bool:
    """Whether the accent-folded word at `i` is the "các" of "các xã", "các phường", "các
    thôn": every unit of that level (or its level was cut off as a place: "Đoàn Thanh niên
    các")."""
    if words[i] not in _COLLECTIVE_ASCII:
        return False
    rest = words[i + 1:]
    return (not rest or rest[0] in _level_ascii()
            or any(tuple(rest[:len(v)]) == v for v in _villages_ascii()))


@functools.lru_cache(maxsize=65536)
def _loose_key(key: Key) -> Key:
    """A key with abbreviations expanded, equivalents applied, dashes, "các" and a leading
    leader title ("Chủ tịch", "Giám đốc") dropped."""
    words = _words()
    loose = tuple(w for w in key if w != "-")
    loose = _replace_ngrams(loose, "abbreviations")
    loose = _replace_ngrams(loose, "equivalents")
    while True:
        prefix = words.droppable_starts.longest(loose)
        if prefix is None:
            return loose
        loose = loose[len(prefix):]


def _listed_with_commas(printed: str) -> str:
    """A collective's list with its last item joined by "và" ("Các trường mầm non, tiểu học
    và THCS") as the same list written with commas, as the list of names may hold it."""
    head, comma, rest = printed.partition(",")
    if not comma or match_key(head)[:1] not in _COLLECTIVE_MARKERS:
        return printed
    return head + comma + _AND.sub(", ", rest)


def is_collective(name: str) -> bool:
    """Whether a printed agency name names every body of a kind: "Các sở, ban, ngành",
    "UBND các xã, phường", "những đơn vị liên quan"."""
    return any((word,) in _COLLECTIVE_MARKERS for word in match_key(name))


def _names_every_body(name: str) -> bool:
    """Whether a name of the list names every body of a kind: it opens with "các" ("Các sở,
    ban, ngành") or names every unit of a level ("Ủy ban nhân dân các xã, phường"), not a
    body whose own name holds "các" ("Ban Quản lý các khu công nghiệp")."""
    key = match_key(name)
    folded = [to_ascii(w) for w in key]
    return key[:1] in _COLLECTIVE_MARKERS or any(_every_unit(folded, i)
                                                 for i in range(len(folded)))


def _without_leader_title(name: str) -> str:
    """A printed name without the leader titles it opens with ("Thủ trưởng các sở" → "các
    sở")."""
    words = name.split()
    key = match_key(name)
    for _ in range(len(words)):
        prefix = _words().droppable_starts.longest(key)
        if prefix is None or key[:1] in _COLLECTIVE_MARKERS or len(prefix) >= len(words):
            break
        words, key = words[len(prefix):], key[len(prefix):]
    return " ".join(words)


def _without_unit(kind: Key) -> Key:
    """A kind without the unit it is in, printed after it ("THCS trên địa bàn xã": the
    equivalents drop "trên địa bàn", this drops "xã" and a place after it)."""
    for i in range(1, len(kind)):
        for level in _words().level_words:
            rest = kind[i + len(level):]
            if kind[i:i + len(level)] == level and (not rest or _is_place(rest)):
                return kind[:i]
    return kind


def _ascii(words: Key) -> str:
    return to_ascii(" ".join(words))


# ------------------------------------------------------------------ places


@functools.cache
def _places() -> tuple[frozenset[Key], frozenset[Key]]:
    """(every place name, province names), as keys."""
    provinces = frozenset(_plain_key(p) for p in province_names())
    units = frozenset(_plain_key(u) for u in unit_names())
    return units | provinces | _words().extra_places, provinces


def _is_place(words: Key) -> bool:
    return words in _places()[0] or all(w.isdigit() for w in words)


# ------------------------------------------------------------------ the gazetteer


@dataclass(frozen=True, slots=True)
class AgencyEntry:
    """One row of an agencies CSV."""

    id: str
    name: str
    kind: str = ""
    scope: str = ""
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AgencyMatch:
    """What a printed agency name resolved to: id None when the gazetteer does not know it."""

    id: str | None
    name: str
    score: float
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Piece:
    """How the splitter sees a span of words: matched (id, score), an unknown name that reads
    as an agency, or neither."""

    id: str | None
    score: float
    exact: bool
    agency_like: bool
    capitalized: bool = False

    @property
    def known(self) -> bool:
        return self.id is not None


_NOT_A_PIECE = _Piece(None, 0.0, False, False)

# Priority of a key's source: a canonical name beats an alias beats an abbreviation.
_NAME, _ALIAS, _ABBREVIATION, _SHORT_FORM = 0, 1, 2, 3


class Gazetteer:
    """Agencies by id with every way of printing them; splits cells and matches names."""

    def __init__(self, entries: Sequence[AgencyEntry], sources: Sequence[int] = ()) -> None:
        self.entries: dict[str, AgencyEntry] = {}
        self._rows = tuple(entries)
        self._sources = tuple(sources) or (0,) * len(entries)
        self._exact: dict[Key, tuple[tuple[int, int, int], str]] = {}
        self._loose: dict[Key, tuple[tuple[int, int, int], str]] = {}
        for order, (entry, source) in enumerate(zip(entries, self._sources, strict=True)):
            self._add(entry, source, order)
        self._build_fuzzy_index()
        self._memos()

    def _memos(self) -> None:
        self._match_cached = functools.lru_cache(maxsize=65536)(self._match)
        self._lookup_key = functools.lru_cache(maxsize=262144)(self._lookup_key_uncached)
        self._fuzzy = functools.lru_cache(maxsize=65536)(self._fuzzy_uncached)
        self._split = functools.lru_cache(maxsize=32768)(self._split_uncached)
        self._agencies = functools.lru_cache(maxsize=32768)(self._agencies_uncached)

    def __getstate__(self) -> dict:
        # the indexes, without the memo tables (chitieu.core.cache keeps the built-in one;
        # loading them is ten times faster than building them again)
        return {k: v for k, v in self.__dict__.items()
                if not isinstance(v, functools._lru_cache_wrapper)}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._memos()

    # -------------------------------------------------------------- building

    @classmethod
    def load(cls, paths: Sequence[Path] = ()) -> Gazetteer:
        """The built-in agencies, extended with the user's CSV files (same columns).

        A user row whose id exists adds its name and aliases to that agency; a new id is a
        new agency. Later files win where two aliases collide; canonical names always win.
        """
        entries: list[AgencyEntry] = []
        sources: list[int] = []
        for source, path in enumerate([AGENCIES_CSV, *map(Path, paths)]):
            rows = read_agencies_csv(path)
            entries += rows
            sources += [source] * len(rows)
        return cls(entries, sources)

    def _add(self, entry: AgencyEntry, source: int, order: int) -> None:
        known = self.entries.get(entry.id)
        if known is None:
            self.entries[entry.id] = entry
            names = [(entry.name, _NAME)]
        else:
            self.entries[entry.id] = AgencyEntry(
                known.id, known.name, known.kind or entry.kind, known.scope or entry.scope,
                (*known.aliases, entry.name, *entry.aliases),
                known.abbreviations + entry.abbreviations)
            names = [(entry.name, _ALIAS)]
        names += [(a, _ALIAS) for a in entry.aliases]
        names += [(a, _ABBREVIATION) for a in entry.abbreviations]
        for text, kind in names:
            key = match_key(text)
            if not key:
                continue
            rank = (kind, -source, order)
            loose = _loose_key(key)
            self._claim(self._exact, key, rank, entry.id)
            self._claim(self._loose, loose, rank, entry.id)
            # National bodies are often printed without their "Việt Nam".
            for place in _words().extra_places:
                if len(loose) > len(place) and loose[-len(place):] == place:
                    self._claim(self._loose, loose[:-len(place)], (_SHORT_FORM, -source, order),
                                entry.id)

    @staticmethod
    def _claim(index: dict[Key, tuple[tuple[int, int, int], str]], key: Key,
               rank: tuple[int, int, int], agency_id: str) -> None:
        held = index.get(key)
        if held is None or rank < held[0]:
            index[key] = (rank, agency_id)

    def _build_fuzzy_index(self) -> None:
        # Candidates are grouped by their first word: a fuzzy match never changes the kind
        # of body ("Sở …" never becomes "Bộ …", "Phòng …" never "Văn phòng …").
        groups: dict[str, list[str]] = {}
        self._by_ascii: dict[str, tuple[str, str]] = {}
        for key, (_, agency_id) in self._loose.items():
            if not key:
                continue
            ascii_key = _ascii(key)
            if not ascii_key.strip() or ascii_key in self._by_ascii:
                continue
            self._by_ascii[ascii_key] = (agency_id, " ".join(key))
            groups.setdefault(ascii_key.split()[0], []).append(ascii_key)
        self._fuzzy_groups = groups
        self._known_words = frozenset(w for key in self._by_ascii for w in key.split())
        self._first_words = frozenset(key[0] for key in self._loose if key)
        # Words a printed name may start with and still match: anything else is rejected
        # before its key is built (most spans the splitter tries start mid-name).
        words = _words()
        self._possible_starts = frozenset(
            {key[0] for key in self._exact if key} | self._first_words
            | {k[0] for k in words.abbreviations if k} | words.droppable_starts.first_words()
            | {k[0] for k in words.branch_words})
        # The longest span, in words, the splitter tries as one name (with a place after it).
        self.longest_name = max(len(key) for key in self._exact) + 4

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, agency_id: object) -> bool:
        return agency_id in self.entries

    @functools.cached_property
    def _joined_names(self) -> frozenset[str]:
        """The agencies one of whose names (its name, an alias) holds "và" or "&"."""
        return frozenset(entry.id for entry in self.entries.values() if any(
            _JOINED.search(name) for name in (entry.name, *entry.aliases)))

    def name_of(self, agency_id: str) -> str:
        """The canonical name of an agency id."""
        return self.entries[agency_id].name

    # -------------------------------------------------------------- matching

    def match(self, name: str) -> AgencyMatch:
        """A printed agency name matched against the gazetteer (cached: call freely)."""
        return self._match_cached(name)

    def _match(self, name: str) -> AgencyMatch:
        printed = _tidy(clean_text(name))
        if not printed:
            return AgencyMatch(None, "", 0.0, (UNMATCHED,))
        found = self._lookup(printed)
        if found is None and (listed := _listed_with_commas(printed)) != printed:
            found = self._lookup(listed)
        if found is None:
            found = self._fuzzy(_loose_key(match_key(printed)))
        if found is None and "," in printed:
            found = self._collective_of_parts(printed)
        if found is None and ("," in printed or " và " in printed):
            found = self._collective_of_kinds(printed)
        if found is None:
            return AgencyMatch(None, printed, 0.0, (UNMATCHED,))
        agency_id, score = found
        warnings = (LOW_CONFIDENCE,) if score < CONFIDENT_SCORE else ()
        return AgencyMatch(agency_id, self.entries[agency_id].name, score, warnings)

    def _lookup(self, printed: str) -> tuple[str, float] | None:
        return self._lookup_key(match_key(printed))

    def _lookup_key_uncached(self, key: Key) -> tuple[str, float] | None:
        """Exact, alias or abbreviation match, then with a place or branch dropped."""
        if not key:
            return None
        held = self._exact.get(key)
        if held is not None:
            return held[1], 1.0
        loose = _loose_key(key)
        held = self._loose.get(loose)
        if held is not None:
            return held[1], 1.0
        # Variants shorten a name at its end (or drop a leading "chi nhánh"): a name whose
        # first word starts no known name cannot match, and most spans tried are such.
        if not loose or (loose[0] not in self._first_words and not _starts_with_branch(loose)):
            return None
        for variant in _variants(loose):
            held = self._loose.get(variant)
            if held is not None:
                return held[1], DERIVED_SCORE
        return None

    def _fuzzy_uncached(self, loose: Key) -> tuple[str, float] | None:
        best: tuple[str, float] | None = None
        for candidate in (loose, *_variants(loose)):
            found = self._fuzzy_one(candidate)
            if found is not None and (best is None or found[1] > best[1]):
                best = found
        return best

    def _fuzzy_one(self, loose: Key) -> tuple[str, float] | None:
        if not loose:
            return None
        query = _ascii(loose)
        words = query.split()
        group = self._fuzzy_groups.get(words[0]) if words else None
        if not group:
            return None
        from rapidfuzz import fuzz, process  # on first use: most documents never need it (8 ms)

        hits = process.extract(query, group, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF,
                               limit=3)
        for candidate, similarity, _ in hits:
            agency_id, accented = self._by_ascii[candidate]
            # A slip changes letters, not the number of words: "Viện Nghiên cứu A, Trường
            # Đại học B" is not "Các viện nghiên cứu, trường đại học".
            if abs(len(candidate.split()) - len(words)) > MAX_EXTRA_WORDS:
                continue
            if self._swaps_a_word(words, candidate.split()):
                continue
            # Accent-folded similarity finds the candidate; the accented one says how sure we
            # are ("Vàn" for "Văn" is an OCR slip, but not the same word).
            accented_ratio = fuzz.ratio(" ".join(loose), accented)
            return agency_id, round((similarity + accented_ratio) / 200, 3)
        return None

    def _swaps_a_word(self, printed: list[str], known: list[str]) -> bool:
        """Whether the printed name has another real word where the known one has its own:
        a slip leaves a word that names nothing ("Truyền thamh", "tarn"), but "Đài Truyền
        thanh" is not "Đài Truyền hình", nor "Truyền thông" either. Nor does a slip add or
        drop the "các" before a level word: "Công an các xã, phường" is every commune's
        police, a collective, not "Công an xã"."""
        from rapidfuzz.distance import Levenshtein

        for tag, p0, p1, k0, k1 in Levenshtein.opcodes(printed, known):
            if tag in ("insert", "delete"):
                if (any(_every_unit(printed, i) for i in range(p0, p1))
                        or any(_every_unit(known, i) for i in range(k0, k1))):
                    return True
                continue
            if tag != "replace":  # a replaced run is as long on both sides
                continue
            for ours, theirs in zip(printed[p0:p1], known[k0:k1], strict=True):
                if (ours in self._known_words
                        and Levenshtein.distance(ours, theirs) > MAX_WORD_SLIP):
                    return True
        return False

    # -------------------------------------------------------------- a text's opening

    def opens_a_name(self, text: str) -> bool:
        """Whether a text opens as an agency's name does (a cell whose column is unknown):
        with a head word in any case ("Ủy ban …", "các …", "Trung tâm …"), or with one that
        heads a name only with a capital ("Sở", "Tổ", "Hội", "Phòng", "Bộ") and then a
        capitalized word, or a lower-case one that a known name goes on with after it ("Tổ
        công nghệ số", "Hội đồng nhân dân"). A task's words that open so are no name ("Tổ
        chức tập huấn", "Hội nghị", "Phòng, chống", "Bộ chỉ số"), nor a description verb
        ("Ban hành …", "Báo cáo …")."""
        words = _words()
        tokens = [t for t in _tokenize(text[:_OPENING_CHARS]) if t.word != "-"]
        if not tokens:
            return False
        key = _span_key(tokens, 0, len(tokens))
        if any(key[:n] in words.description_verbs for n in range(1, words.longest_phrase + 1)):
            return False
        if words.heads.longest(key, whole=True) is not None:
            return True
        if not tokens[0].text[:1].isupper():
            return False
        head = words.capitalized_heads.longest(key, whole=True)
        if head is None:
            return False
        taken, after = 0, 0
        while after < len(tokens) and taken < len(head):
            taken += len(tokens[after].key)
            after += 1
        if after == len(tokens):
            return True
        nxt = tokens[after]
        if nxt.comma_before:
            return False
        if not nxt.text[:1].islower():
            return True
        return (*head, *nxt.key[:1]) in self._lower_case_openings

    def is_collective(self, name: str) -> bool:
        """Whether a printed agency name names every body of a kind (see `is_collective`):
        not a body the list names whole, "các" a word of its own name ("Ban Quản lý các khu
        công nghiệp tỉnh"), nor one no list holds whose "các" stands mid-name before no level
        word ("Ban Quản lý các dự án đầu tư xây dựng tỉnh": one board). A leader title
        before it says whose head is meant ("Thủ trưởng các cơ quan, đơn vị")."""
        if not is_collective(name):
            return False
        found = self.match(name)
        return _names_every_body(found.name if found.id is not None and found.score >= 1.0
                                 else _without_leader_title(name))

    @functools.cached_property
    def _lower_case_openings(self) -> frozenset[Key]:
        """A capitalized head word and the lower-case word after it, in the names printed
        with a capital ("Tổ công …", "Hội đồng …", "Trường mầm …")."""
        words = _words()
        openings: set[Key] = set()
        for entry in self.entries.values():
            for name in (entry.name, *entry.aliases):
                key = match_key(name)
                head = words.capitalized_heads.longest(key) if name[:1].isupper() else None
                rest = name.split()[len(head):] if head else ()
                if rest and rest[0][:1].islower():
                    openings.add(key[:len(head) + 1])
        return frozenset(openings)

    # -------------------------------------------------------------- splitting

    def split(self, cell: str) -> list[str]:
        """The agency names printed in one cell, in order, cleaned of markup and role words."""
        return [piece for piece, _ in self.split_with_roles(cell, "lead")]

    def split_with_roles(self, cell: str, default_role: Role) -> list[tuple[str, Role]]:
        """Each agency of a cell with its role: the column's, unless the text says otherwise
        ("Sở KH&CN chủ trì …; các sở, ngành phối hợp")."""
        return [(piece, role) for piece, role, _ in self._split(cell, default_role)]

    def agencies(self, cell: str, role: Role) -> tuple[list[Agency], list[str]]:
        """The cell's agencies as contract objects, plus the warning codes of their matching.

        Cached (a cell repeats row after row): the lists are new on every call, the Agency
        objects in them are shared, so treat them as read-only (`model_copy` to change one)."""
        agencies, warnings = self._agencies(cell, role)
        return list(agencies), list(warnings)

    def _agencies_uncached(self, cell: str, role: Role) -> tuple[tuple[Agency, ...],
                                                                   tuple[str, ...]]:
        agencies: list[Agency] = []
        warnings: list[str] = []
        for piece, piece_role, named in self._split(cell, role):
            found = self.match(named or piece)
            agencies.append(Agency(role=piece_role, id=found.id, name=found.name, raw=piece,
                                   score=found.score))
            warnings += found.warnings
        return tuple(agencies), tuple(dict.fromkeys(warnings))

    def _split_uncached(self, cell: str, default_role: Role
                        ) -> tuple[tuple[str, Role, str | None], ...]:
        """Each agency of a cell: its printed text, its role, and the name it is matched by
        where that is not the printed text (a body of a kind list: "Y tế" after "Các Sở:
        …" is "Sở Y tế")."""
        out: list[tuple[str, Role, str | None]] = []
        for segment in self._segments(cell):
            listed = self._kind_list(segment)
            if listed:
                out += [(printed, default_role, named) for printed, named in listed]
                continue
            found = self._lookup(segment)
            if found is not None and (found[1] >= 1.0 or not _SEPARATED.search(segment)):
                out.append((_one_line(segment), default_role, None))
                continue
            tokens = _tokenize(segment)
            for start, end, role in self._clauses(segment, tokens, default_role):
                pieces = self._pieces(segment, tokens[start:end])
                if len(pieces) > 1:
                    pieces = self._one_collective(segment, pieces)
                out += [(piece, role, None) for piece in pieces]
        return tuple(out)

    def _kind_list(self, segment: str) -> list[tuple[str, str]]:
        """"Các Sở: Tài chính, Xây dựng, Nông nghiệp và Môi trường": a kind of body, a colon,
        then the names of the bodies of that kind, each named by the kind and its name ("Sở
        Tài chính", …) and printed as its name (the first with the list's head: "Các Sở:
        Tài chính", "Xây dựng", …). Without the colon ("Các Sở Tài chính, Nội vụ") the list
        names two bodies or more. A body's own name may hold a comma ("Các Sở: Văn hóa,
        Thể thao và Du lịch, Tài chính": two bodies): neighbouring parts are one name where
        the list of names holds them together as printed (the longest such first). A name
        holding "và" is cut there only when both sides are bodies the list of names holds
        and the whole is not. A part the list of names holds as printed, not as a body of
        the kind ("Văn phòng UBND tỉnh", "UBND các xã, phường"), is that body: the list goes
        on with other bodies ("Các Sở, ngành: Tài chính, Công an tỉnh"). Empty when the
        segment is no such list, or when a piece is no body the list holds."""
        line = _one_line(segment)
        m = _KIND_LIST.match(line)
        if m is None:
            return []
        kind = m[1][:1].upper() + m[1][1:]
        parts = [part for part in (_tidy(part) for part in m[3].split(",")) if part]
        pieces = self._kind_names(kind, tuple(parts))
        if not pieces or (":" not in line[:m.start(3)] and len(pieces) < 2):
            return []
        head = line[:m.start(3)].strip()
        return [(f"{head} {printed}" if i == 0 else printed, named)
                for i, (printed, named) in enumerate(pieces)]

    def _kind_names(self, kind: str, parts: tuple[str, ...]
                    ) -> tuple[tuple[str, str], ...] | None:
        """The bodies that the comma-separated `parts` of a kind list name, each as (its
        printed name, the name it is matched by: the kind and its name, or the body's own
        name); None when some part names no body the list of names holds. Read from the
        last part back, each start's reading once: a list of a thousand parts costs a
        thousand readings, not a recursion as deep."""
        words = [len(match_key(part)) for part in parts]
        readings: list[tuple[tuple[str, str], ...] | None] = [None] * len(parts) + [()]
        for start in range(len(parts) - 1, -1, -1):
            readings[start] = self._kind_names_from(kind, parts, words, start, readings)
        return readings[0]

    def _kind_names_from(self, kind: str, parts: tuple[str, ...], words: list[int],
                         start: int, readings: list[tuple[tuple[str, str], ...] | None]
                         ) -> tuple[tuple[str, str], ...] | None:
        """The reading of `parts[start:]` whose first item joins the most parts (`readings`
        holds those of every later start)."""
        # an item joined over commas is one name or two joined by "và", each a name the
        # splitter would try: never longer than two of its longest spans
        reach = 2 * self.longest_name + 1
        end, span = start + 1, words[start]
        while end < len(parts) and span + words[end] < reach:
            span += words[end]
            end += 1
        for stop in range(end, start, -1):
            head = self._kind_item(kind, ", ".join(parts[start:stop]), joined=stop - start > 1)
            if head is not None and readings[stop] is not None:
                return head + readings[stop]
        return None

    def _kind_item(self, kind: str, item: str, *, joined: bool
                   ) -> tuple[tuple[str, str], ...] | None:
        """The bodies one item of a kind list names (see `_kind_list`): the body of the kind
        ("Tài chính"), a body named in full ("Công an tỉnh"), or two joined by "và" ("Xây
        dựng và Nông nghiệp và Môi trường", "Nội vụ và UBND các xã, phường"). Parts of a
        list `joined` by a comma are one only as names the list of names holds exactly."""
        whole = f"{kind} {item}"
        found = self._lookup(whole)
        if found is not None and (found[1] >= 1.0 or not joined):
            return ((item, whole),)
        own = self._lookup(item)
        if own is not None and own[1] >= 1.0:
            return ((item, item),)
        if found is not None or " và " not in item:
            return None
        halves = [half.strip() for half in item.split(" và ", 1)]
        named = []
        least = 1.0 if joined else 0.0  # across a comma: names the list holds exactly
        for half in halves:
            if (body := self._lookup(f"{kind} {half}")) is not None and body[1] >= least:
                named.append((half, f"{kind} {half}"))
            elif (own := self._lookup(half)) is not None and own[1] >= 1.0:
                named.append((half, half))
            else:
                return None
        return tuple(named)

    def _collective_of_parts(self, printed: str) -> tuple[str, float] | None:
        """A name listing words of one collective ("Các thôn, ấp"): that collective, as sure
        as its least sure part (see `_one_collective`)."""
        found = [self.match(part) for part in printed.split(",")]
        ids = {m.id for m in found}
        if len(ids) != 1 or None in ids:
            return None
        (same,) = ids
        if self.entries[same].kind != "collective":
            return None
        return same, min(m.score for m in found)

    def _collective_of_kinds(self, printed: str) -> tuple[str, float] | None:
        """"Các trường tiểu học, THCS": a collective's head ("các trường", the schools) over
        some of the kinds its list in the list of names spells out ("các trường Mầm non,
        Tiểu học, THCS"): that collective. Kinds it does not list ("Các phòng Kinh tế, Văn
        hóa - Xã hội": two offices) make none."""
        parts = [match_key(part) for part in _AND.sub(", ", printed).split(",")]
        first = parts[0]
        if len(parts) < 2 or first[:1] not in _COLLECTIVE_MARKERS or not all(parts):
            return None
        for length in range(2, len(first)):
            found = self._lookup_key(first[:length])
            if found is None or self.entries[found[0]].kind != "collective":
                continue
            listed = self._kinds_listed(found[0], first[1:length])
            kinds = {_without_unit(_loose_key(kind)) for kind in (first[length:], *parts[1:])}
            if listed and kinds <= listed:
                return found[0], DERIVED_SCORE
        return None

    def _kinds_listed(self, agency_id: str, head: Key) -> frozenset[Key]:
        """The kinds a collective's names list after its head ("trường" in "các trường Mầm
        non, Tiểu học, THCS": mầm non, tiểu học, trung học cơ sở)."""
        entry = self.entries[agency_id]
        kinds: set[Key] = set()
        for name in (entry.name, *entry.aliases):
            parts = [match_key(part) for part in name.split(",")]
            first = _loose_key(parts[0])
            if len(parts) > 1 and first[:len(head)] == head and len(first) > len(head):
                kinds |= {_loose_key(kind) for kind in (first[len(head):], *parts[1:])}
        return frozenset(kinds)

    def _one_collective(self, segment: str, pieces: list[str]) -> list[str]:
        """Neighbouring pieces naming the same collective are one agency, printed as one:
        "Các thôn, ấp" (the villages and hamlets), whose words the list of names may not
        hold together; so are a collective's head and the kinds after it ("Các trường tiểu
        học, THCS": see `_collective_of_kinds`)."""
        merged = [pieces[0]]
        for piece in pieces[1:]:
            before = merged[-1]
            start = segment.find(before)
            end = segment.find(piece, start + len(before)) if start >= 0 else -1
            if end >= 0 and self._one_agency(before, piece, segment[start:end + len(piece)]):
                merged[-1] = segment[start:end + len(piece)]
                continue
            merged.append(piece)
        return merged

    def _one_agency(self, before: str, piece: str, both: str) -> bool:
        same = self.match(before).id
        if same is not None and same == self.match(piece).id \
                and self.entries[same].kind == "collective":
            return True
        return (match_key(before)[:1] in _COLLECTIVE_MARKERS
                and self._collective_of_kinds(both) is not None)

    def _segments(self, cell: str) -> list[str]:
        """Hard pieces: ";" always separates; so does a parenthesis, unless the whole name
        with it is known ("Công an xã (phường)"). A line break is kept: like a comma, it
        separates only where both sides are agencies ("Văn phòng<br>HĐND – UBND" is one)."""
        segments: list[str] = []
        if "&" in cell:
            cell = _ENTITY.sub(unescape_entity, cell)
        cell = expand_role_marks(cell)
        # "[…]" is an editor's note in the cell (a redaction, a reviewer's remark), no agency
        cell = _SQUARE_BRACKETS.sub(" ", cell)
        for line in _SEMICOLON.split(_SENTENCE_END.sub(";", _join_wrapped_lines(cell))):
            text = _tidy(_clean_lines(line))
            if not text:
                continue
            if "(" in text and self._lookup(text) is None:
                segments += self._bracket_pieces(text)
            else:
                segments.append(text)
        return [s for s in (_drop_lead_in(s) for s in segments) if _has_a_name(s)]

    def _bracket_pieces(self, text: str) -> list[str]:
        """The pieces of a text with parentheses: those outside, and those inside that name
        an agency ("Bộ Công an (Trung tâm Dữ liệu quốc gia)"). A bracket naming none
        qualifies the agency before it ("Công an xã (đầu mối)", "Các trường học (MN, TH,
        THCS)", "(đối với cấp xã)"): it is no agency of its own."""
        pieces: list[str] = []
        depth = 0
        for part in _PARENTHESES_KEPT.split(text):
            if part == "(":
                depth += 1
            elif part == ")":
                depth = max(0, depth - 1)
            elif (piece := _tidy(part)) and (depth == 0 or not pieces
                                             or self._names_an_agency(piece)):
                pieces.append(piece)
        return pieces

    def _names_an_agency(self, text: str) -> bool:
        """Whether a text names an agency: a known name among its words ("bao gồm Văn
        phòng Đăng ký đất đai"), or an agency's head word in it — one that must be
        capitalized ("Sở", "Ban") may be lower-case where it opens the text or an
        alternative ("hoặc sở quản lý chuyên ngành", but not "trừ nhiệm vụ mật")."""
        tokens = [t for t in _tokenize(text) if t.word != "-"]
        words = _words()
        for i, token in enumerate(tokens):
            key = _span_key(tokens, i, len(tokens))
            opens = i == 0 or token.text[:1].isupper() or tokens[i - 1].word in _ALTERNATIVES
            if words.heads.longest(key) or (opens and words.capitalized_heads.longest(key)):
                return True
        return any(self._known_name_ends_at(tokens, end) for end in range(1, len(tokens) + 1))

    def _clauses(self, segment: str, tokens: list[_Token], default_role: Role
                 ) -> Iterator[tuple[int, int, Role]]:
        """Token ranges holding agencies, with their role, once role words and the task
        description after them are cut away."""
        words = _words()
        phrases = list(self._phrases(tokens))
        if not phrases:
            yield 0, len(tokens), default_role
            return
        start, end, kind, role = phrases[0]
        if kind == "introducer" and start == 0:
            yield end, _next_phrase_start(phrases, 1, len(tokens)), "support"
            return
        if kind == "role" and start == 0 and _is_label(segment, tokens[end - 1]):
            # "Chủ trì: Sở Tài chính" names the role before the agencies
            yield end, _next_phrase_start(phrases, 1, len(tokens)), role or default_role
            return
        yield 0, start, role if kind == "role" and role is not None else default_role
        if kind == "description":
            # "UBND các xã, phường trực tiếp triển khai tại địa bàn Sở Khoa học và Công nghệ
            # triển khai hệ thống": another body doing its part is named inside the words
            subject = self._next_subject(tokens, end, phrases)
            if subject is not None:
                for s_, e_, r_ in self._clauses(segment, tokens[subject:], default_role):
                    yield s_ + subject, e_ + subject, r_
            return
        if kind != "role":
            return
        after = end
        for introducer in sorted(words.support_introducers, key=len, reverse=True):
            if _token_words(tokens, after, after + len(introducer)) == introducer:
                stop = _next_phrase_start([p for p in phrases if p[0] > after], 0, len(tokens))
                if self._starts_an_agency(tokens, after + len(introducer), stop):
                    yield after + len(introducer), stop, "support"
                return

    def _next_subject(self, tokens: list[_Token], begin: int,
                      phrases: list[tuple[int, int, str, Role | None]]) -> int | None:
        """Where a known agency name, capitalized, starts after `begin` with a description
        verb or role words right after it: the subject of the next clause."""
        verbs_at = {start for start, _, kind, _ in phrases if kind in ("description", "role")}
        for k in range(begin, len(tokens)):
            if not tokens[k].text[:1].isupper() or tokens[k].key[0] not in self._possible_starts:
                continue
            for j in range(k + 1, min(len(tokens), k + self.longest_name) + 1):
                if j in verbs_at and self._lookup_key(_span_key(tokens, k, j)) is not None:
                    return k
        return None

    def _starts_an_agency(self, tokens: list[_Token], start: int, stop: int) -> bool:
        """Whether agencies follow a support introducer ("chủ trì, phối hợp Công an xã"),
        not a verb ("chủ trì, phối hợp thực hiện")."""
        content = [i for i in range(start, stop) if tokens[i].content]
        if not content:
            return False
        first = content[0]
        if tokens[first].text[:1].isupper():
            return True
        return any(self._lookup_key(_span_key(tokens, first, j)) is not None
                   or _reads_as_agency(_span_key(tokens, first, j), tokens[first].text)
                   for j in range(first + 1, min(stop, first + self.longest_name) + 1))

    def _phrases(self, tokens: list[_Token]) -> Iterator[tuple[int, int, str, Role | None]]:
        """Role words, support introducers and description verbs found outside known names."""
        words = _words()
        longest = words.longest_phrase
        i = 0
        while i < len(tokens):
            found = None
            for n in range(min(longest, len(tokens) - i), 0, -1):
                phrase = _token_words(tokens, i, i + n)
                if phrase in words.role_phrases:
                    found = (i, i + n, "role", words.role_phrases[phrase])
                elif phrase in words.support_introducers and i == 0:
                    found = (i, i + n, "introducer", None)
                elif phrase in words.description_verbs and i > 0:
                    found = (i, i + n, "description", None)
                if found:
                    break
            if found and self._is_role_text(tokens, found):
                yield found
                i = found[1]
            else:
                i += 1

    def _is_role_text(self, tokens: list[_Token], phrase: tuple[int, int, str, Role | None]
                      ) -> bool:
        start, end, kind, _ = phrase
        if start > 0 and not tokens[start].text[:1].islower():
            return False
        if self._inside_known_name(tokens, start, end):
            return False
        if kind == "description":
            return (self._known_name_ends_at(tokens, start)
                    and not _qualifies_a_collective(tokens, start, end)
                    and not _names_a_service(tokens, start))
        return True

    def _inside_known_name(self, tokens: list[_Token], start: int, end: int,
                           joined: bool = False) -> bool:
        """Whether the phrase is part of a known name ("Trung tâm Dịch vụ tổng hợp",
        "Sở Xây dựng", "tổ chức chính trị - xã hội"); `joined` (the phrase a "và"): a
        name read through a variant counts only where its agency's names hold one ("Kho bạc
        Nhà nước khu vực XI và Sở Tài chính" is no name with its place)."""
        longest = self.longest_name
        for i in range(max(0, start - longest), start + 1):
            if tokens[i].key[0] not in self._possible_starts:
                continue
            for j in range(end, min(len(tokens), i + longest) + 1):
                found = self._lookup_key(_span_key(tokens, i, j))
                if found is not None and (not joined or found[1] >= 1.0
                                          or found[0] in self._joined_names):
                    return True
        return False

    def _known_name_ends_at(self, tokens: list[_Token], end: int) -> bool:
        return any(self._lookup_key(_span_key(tokens, i, end)) is not None
                   for i in range(max(0, end - self.longest_name), end)
                   if tokens[i].key[0] in self._possible_starts)

    def _pieces(self, segment: str, tokens: list[_Token]) -> list[str]:
        """The best segmentation of a clause into agency names (see `_Segmenter`)."""
        while tokens and not tokens[0].content:
            tokens = tokens[1:]
        while tokens and not tokens[-1].content:
            tokens = tokens[:-1]
        if not tokens:
            return []
        return _Segmenter(self, segment, tokens).run()

    def _classify(self, key: Key, bounded: bool, first_word: str) -> _Piece:
        if not bounded and key[0] not in self._possible_starts:
            return _NOT_A_PIECE
        found = self._lookup_key(key)
        capitalized = first_word[:1].isupper()
        if found is not None:
            return _Piece(found[0], found[1], True, True, capitalized)
        if not bounded:
            # Only a known name may be cut off without a separator: nothing else matters.
            return _NOT_A_PIECE
        fuzzy = self._fuzzy(_loose_key(key))
        if fuzzy is not None:
            return _Piece(fuzzy[0], fuzzy[1], False, True, capitalized)
        return _Piece(None, 0.0, False, _reads_as_agency(key, first_word), capitalized)


# ------------------------------------------------------------------ variants of a name


@functools.lru_cache(maxsize=65536)
def _variants(loose: Key) -> tuple[Key, ...]:
    """Shorter keys naming the same agency: without its place ("… xã Vũ Dương" → "… xã",
    "VNPT Đắk Lắk" → "VNPT tỉnh"), its level word ("Bưu điện phường") or its branch."""
    seen: dict[Key, None] = {}
    frontier = [loose]
    for _ in range(3):
        found = [v for key in frontier for v in _one_step(key) if v and v not in seen
                 and v != loose]
        for v in found:
            seen[v] = None
        frontier = found
    return tuple(seen)


def _one_step(words: Key) -> Iterator[Key]:
    lexicon = _words()
    places, provinces = _places()
    cuts = _cut_words()
    for i in range(1, len(words)):
        for kind, cut in cuts.get(words[i], ()):
            if words[i:i + len(cut)] != cut:
                continue
            rest = words[i + len(cut):]
            if kind == "branch" or not rest:
                yield words[:i]
            elif _is_place(rest):
                yield words[:i + len(cut)]
                yield words[:i]
    for branch in lexicon.branch_words:
        if words[:len(branch)] == branch:
            yield words[len(branch):]
    for n in range(1, min(5, len(words))):
        tail = words[-n:]
        if tail in places and (n > 1 or tail in lexicon.extra_places) \
                and words[:-n] not in lexicon.level_words:
            # ("phường Tân Phú" is a place, no body: not read as "phường xã", every commune)
            yield (*words[:-n], "tỉnh" if tail in provinces else "xã")
            yield words[:-n]
    if words[-2:] == ("thành", "phố"):
        yield (*words[:-2], "tỉnh")


@functools.cache
def _cut_words() -> dict[str, tuple[tuple[str, Key], ...]]:
    """Level and branch words by their first word: where a name may be cut short."""
    lexicon = _words()
    found: dict[str, list[tuple[str, Key]]] = {}
    for kind, keys in (("level", lexicon.level_words), ("branch", lexicon.branch_words)):
        for key in keys:
            found.setdefault(key[0], []).append((kind, key))
    return {w: tuple(v) for w, v in found.items()}


# ------------------------------------------------------------------ tokens and segmentation


class _Token(NamedTuple):
    text: str
    start: int
    end: int
    word: str  # folded
    key: Key  # as compared (see match_key)
    comma_before: bool

    @property
    def joiner(self) -> bool:
        """ "và", "&": may join two agencies, or be part of one name."""
        return self.word in ("và", "&")

    @property
    def content(self) -> bool:
        """A word that can begin or end an agency name."""
        return not self.joiner and self.word != "-"


# Words (letters and digits, with "KH&CN", "VH-XH", "P.KT" kept whole), "&", dashes, and the
# commas and slashes that may separate two agencies.
_TOKEN = lazy(re.compile, r"[^\W_]+(?:['’.&\-][^\W_]+)*|&|-+|[,/\n]")
_SEMICOLON = lazy(compile_regex, r"\s*;\s*")
_SQUARE_BRACKETS = lazy(compile_regex, r"\[[^\[\]]*\]")
# "VP HĐND &amp; UBND": an entity's ";" is not a separator, so entities go before splitting
_ENTITY = lazy(compile_regex, r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ALTERNATIVES = frozenset({"hoặc", "và", "hay"})
_PARENTHESES_KEPT = lazy(compile_regex, r"\s*([()])\s*")
_AND = lazy(compile_regex, r"\s+và\s+")
_JOINED = lazy(compile_regex, r"\svà\s|&")
# "Các Sở: Tài chính, Xây dựng": a kind of body, a colon, the names of its bodies
# "Các Sở: Tài chính, Nội vụ", "Các Sở, ngành: …" (its bodies and others), "Các Sở Tài chính,
# Nội vụ" (no colon: a capitalised name follows)
_KIND_LIST = lazy(compile_regex, r"(?i)(?:các|những)\s+(sở|bộ|phòng|ban)((?:\s*,\s*(?:ban|ngành))*)"
                                 r"(?:\s*:\s*|\s+(?-i:(?=\p{Lu})))(\S.*)$")
# a comma or "và" inside a printed name: a name read through a variant (its place or branch
# dropped, score below 1) may have swallowed a second agency there
_SEPARATED = lazy(compile_regex, r",|\svà\s|&")
# A sentence ends and another starts: "… tại các cơ sở giáo dục theo phân cấp. Sở Khoa học và
# Công nghệ triển khai …". The word before the stop is a lower-case word, not an abbreviation
# ("TP. Hà Nội", "P. Kinh tế").
_SENTENCE_END = lazy(compile_regex, r"(?<=\b\p{Ll}{2,})\.\s+(?=\p{Lu})")
_ROLE_MARK = lazy(compile_regex, r"\s*\(([^()]{1,30})\)(\s*,)?")


def expand_role_marks(text: str) -> str:
    """A cell with its roles in parentheses ("Công an xã (chủ trì); Đoàn Thanh niên (PH)")
    written as role words after each agency ("Công an xã chủ trì; Đoàn Thanh niên phối hợp")."""
    return _ROLE_MARK.sub(_role_mark, text) if "(" in text else text


def _role_mark(m: regex.Match[str]) -> str:
    """A role in parentheses after an agency ("Công an xã (chủ trì)", "(PH)") printed as the
    role words the splitter reads ("Công an xã chủ trì"); any other parenthesis stays. The
    mark closes its agency's clause, so a comma after it separates clauses like ";"."""
    words = _words().role_marks.get(_plain_key(m[1]))
    if not words:
        return m[0]
    return f" {words};" if m[2] else f" {words}"
_EDGE_JUNK = lazy(compile_regex, r"^[\s\-–—+•*·.,:;\"'“”‘’]+|[\s\-–—+•*·,:;\"'“”‘’]+$|\.+$")
_WRAPPED = lazy(compile_regex, r"\n[ \t]*(?=[\p{Ll}])")


def _join_wrapped_lines(cell: str) -> str:
    """A line break before a lower-case word is a wrapped line, not a new agency."""
    return _WRAPPED.sub(" ", cell.replace("\r", ""))


def _clean_lines(text: str) -> str:
    """Each line of a cell cleaned, the line breaks between them kept."""
    return "\n".join(line for line in map(clean_text, text.split("\n")) if line)


def _one_line(piece: str) -> str:
    return " ".join(piece.split())


def _tidy(text: str) -> str:
    """Bullets, numbering, quotes and trailing punctuation off a piece."""
    previous = None
    while previous != text:
        previous = text
        text = LEADING_NUMBER.sub("", _EDGE_JUNK.sub("", text)).strip()
    return text


def _has_a_name(segment: str) -> bool:
    """Not empty, and not a lone mark ("x", "-") left in an agency cell."""
    key = match_key(segment)
    return bool(key) and (len(key) > 1 or len(key[0]) > 1)


def _drop_lead_in(segment: str) -> str:
    key = match_key(segment)
    if not key or key[0] not in _words().lead_ins.by_first:
        return segment
    tokens = _tokenize(segment)
    words = tuple(t.word for t in tokens)
    prefix = _words().lead_ins.longest(words)
    if prefix is None:
        return segment
    return _tidy(segment[tokens[len(prefix)].start:])


def _tokenize(segment: str) -> list[_Token]:
    tokens: list[_Token] = []
    comma = False
    for m in _TOKEN.finditer(segment):
        text = m.group(0)
        if text in (",", "/", "\n"):
            comma = True
            continue
        if text.startswith("-"):
            folded, key = "-", ("-",)
        else:
            folded, key = fold(text), match_key(text)
        tokens.append(_Token(text, m.start(), m.end(), folded, key, comma))
        comma = False
    return tokens


def _token_words(tokens: list[_Token], start: int, end: int) -> Key:
    if end > len(tokens):
        return ()
    return tuple(w for t in tokens[start:end] for w in t.key if w != "-")


def _span_key(tokens: list[_Token], start: int, end: int) -> Key:
    return tuple(w for t in tokens[start:end] for w in t.key)


_QUALIFIER_WORDS = 3


def _qualifies_a_collective(tokens: list[_Token], start: int, end: int) -> bool:
    """Whether the description verb at `start` names the bare collective before it ("Các
    đơn vị triển khai thí điểm"): one to three words after it, no number. With none ("Các
    phòng, đơn vị triển khai") the verb gives them the task."""
    if _span_key(tokens, 0, start) not in _words().qualified_collectives:
        return False
    rest = tokens[end:]
    return 0 < len(rest) <= _QUALIFIER_WORDS and not any(t.word[:1].isdigit() for t in rest)


def _names_a_service(tokens: list[_Token], start: int) -> bool:
    """Whether the description verb at `start`, after a collective ("Các doanh nghiệp …",
    opening the cell or its piece after a comma or "và": "Sở Công Thương, các doanh nghiệp
    …"), opens a phrase naming the service its bodies provide ("cung cấp dịch vụ …"): which
    bodies, not their task."""
    first = _piece_start(tokens, start)
    return (first < start and tokens[first].key in _COLLECTIVE_MARKERS
            and _words().service_phrases.longest(_span_key(tokens, start, len(tokens)))
            is not None)


def _piece_start(tokens: list[_Token], index: int) -> int:
    """The first token of the piece `index` stands in: after the last comma or joiner
    ("và", "&") before it, else the clause's first."""
    for i in range(index, 0, -1):
        if tokens[i].comma_before or tokens[i - 1].joiner:
            return i
    return 0


def _starts_with_branch(words: Key) -> bool:
    return any(words[:len(b)] == b for b in _words().branch_words)


def _is_label(segment: str, last_word: _Token) -> bool:
    return segment[last_word.end:].lstrip().startswith(":")


def _next_phrase_start(phrases: list[tuple[int, int, str, Role | None]], index: int,
                       default: int) -> int:
    return phrases[index][0] if index < len(phrases) else default


def _reads_as_agency(span: Key, first_word: str) -> bool:
    """An unknown name that starts like one: "Viện …", "Các …", "Trung tâm …"."""
    words = _words()
    key = tuple(w for w in span if w != "-")
    if words.heads.longest(key, whole=True) is not None:
        return True
    capitalized = first_word[:1].isupper()
    return capitalized and words.capitalized_heads.longest(key, whole=True) is not None


class _Segmenter:
    """Dynamic programming over the words of a clause.

    A piece is a span of words. Between two pieces there is a comma, a joiner ("và", "&"),
    a dash, or nothing (a missing separator). A comma or joiner separates only where both
    sides read as agencies (known, or an unknown name with an agency's head word); a dash or
    nothing only where both sides are known exactly. Among the allowed segmentations the
    best covers the most words with known agencies (weighted by score), then has the most
    unknown agency-like pieces (each such split was justified by a head word), then the
    fewest pieces.
    """

    def __init__(self, gazetteer: Gazetteer, segment: str, tokens: list[_Token]) -> None:
        self.gazetteer = gazetteer
        self.segment = segment
        self.tokens = tokens
        self.n = len(tokens)
        self._cache: dict[tuple[int, int], _Piece] = {}

    def run(self) -> list[str]:
        whole = self.piece(0, self.n)
        # a name read through a variant ("Kho bạc Nhà nước khu vực …": its place dropped) may
        # have swallowed a second agency after a comma ("…, Thuế tỉnh"): weigh the splits
        if whole.known and whole.exact and (whole.score >= 1.0 or not self._separated()):
            return [self.text(0, self.n)]
        # best[end] holds, per class of the last piece, (score, path)
        best: list[dict[bool | str, tuple[tuple[float, int, int], list[tuple[int, int]]]]]
        best = [{} for _ in range(self.n + 1)]
        for end in range(1, self.n + 1):
            for start in range(max(0, end - self.gazetteer.longest_name), end):
                if not self.can_be_piece(start, end):
                    continue
                self._extend(best, start, end)
        final = best[self.n]
        if not final:
            return [self.text(0, self.n)]
        _, path = max(final.values(), key=lambda item: item[0])
        return [self.text(s, e) for s, e in path]

    def _separated(self) -> bool:
        """Whether a comma or a joiner stands between two of the clause's words."""
        return any(t.comma_before or t.joiner for t in self.tokens[1:])

    def _extend(self, best: list, start: int, end: int) -> None:
        piece = self.piece(start, end)
        if self._swallows_a_joiner(piece, start, end):
            return
        gain = self._gain(piece, end - start)
        candidates = []
        if start == 0:
            candidates.append(((0.0, 0, 0), []))
        else:
            for prev_end, gap in self._gaps_before(start):
                if gap == "none" and self._in_each_unit(start):
                    continue
                if gap == "comma" and self._continues_the_units(start):
                    continue
                if gap == "joiner" and self._joins_inside_a_name(prev_end):
                    continue
                for prev_path_score, prev_path in best[prev_end].values():
                    prev = self.piece(*prev_path[-1])
                    if gap == "joiner" and self._goes_on_managing(prev_path[-1][0], start, end):
                        continue
                    if gap == "none" and self._bare_kind(*prev_path[-1]):
                        continue
                    if (self._allowed(prev, piece, gap)
                            or self._opens_after_a_level(prev, start, end, piece, gap)
                            or self._opens_a_collective(prev_path[-1][0], prev, start,
                                                        piece, gap)
                            or self._party_after_a_body(prev, start, end, gap)
                            or (gap == "none" and prev.agency_like and piece.agency_like
                                and self._parents_body_at(start))) \
                            and not self._continues_a_collective(
                            prev_path[-1][0], prev, start, end, piece, gap):
                        candidates.append((prev_path_score, prev_path))
        for (coverage, agency_like, pieces), path in candidates:
            score = (round(coverage + gain[0], 6), agency_like + gain[1], pieces - 1)
            cls = self._class(piece)
            held = best[end].get(cls)
            if held is None or score > held[0]:
                best[end][cls] = (score, [*path, (start, end)])

    def _party_after_a_body(self, left: _Piece, start: int, end: int, gap: str) -> bool:
        """"Sở Tài chính, nhà đầu tư": a body known as printed, a comma, then a party no
        gazetteer lists (investors, the people, households) are two. After an unknown name
        the party words go on with it ("Doanh nghiệp, nhà cung cấp dịch vụ IoT, nhà đầu
        tư": one collective of businesses)."""
        return (gap == "comma" and left.known and left.exact and left.score >= 1.0
                and self.tokens[start].text[:1].islower()
                and _words().parties.longest(_span_key(self.tokens, start, end),
                                             whole=True) is not None)

    def _swallows_a_joiner(self, piece: _Piece, start: int, end: int) -> bool:
        """A name read through a variant (its place or branch dropped, score below 1) over
        a "và" its agency's names do not hold ("Kho bạc Nhà nước khu vực XI và Sở Tài
        chính", "Trung tâm Y tế khu vực Tân An và các"): the words after the joiner are a
        second party's, not the name's place."""
        if not piece.known or piece.score >= 1.0 or not any(
                t.joiner for t in self.tokens[start + 1:end - 1]):
            return False
        return piece.id not in self.gazetteer._joined_names

    def _gaps_before(self, start: int) -> Iterator[tuple[int, str]]:
        token = self.tokens[start]
        if token.comma_before:
            yield start, "comma"
        else:
            yield start, "none"
        if start >= 2 and self.tokens[start - 1].joiner:
            yield start - 1, "joiner"
        if start >= 2 and self.tokens[start - 1].word == "-":
            yield start - 1, "dash"

    def _in_each_unit(self, start: int) -> bool:
        """"Trạm Y tế các xã, phường", "Văn phòng HĐND và UBND các xã": "các" in lower case
        and a level word, printed with no separator after a name, say where that agency is
        (in each commune), not a second agency."""
        token = self.tokens[start]
        if token.text != "các":
            # ("Các trạm y tế xã, phường": a lower-case level word with no "các" after a
            # collective is where its bodies are too; a new agency opens in capitals)
            here = tuple(t.word for t in self.tokens[start:start + 2])
            return self._places_a_collective(start) and any(
                here[:len(level)] == level for level in _words().level_words)
        if start + 1 >= self.n:
            return False
        rest = tuple(t.word for t in self.tokens[start + 1:start + 3])
        return any(rest[:len(level)] == level for level in _words().level_words)

    def _continues_the_units(self, start: int) -> bool:
        """"Công an các xã, phường, đặc khu": a level word after a comma, in a list of level
        words that "các" opens, is one more kind of unit the agency is in (every commune,
        ward and special zone), not an agency of its own ("phường, đặc khu"). A level word
        that opens a name ("Tỉnh đoàn", "Xã đoàn") is that agency."""
        length = self._level_length(start, forward=True)
        after = start + length
        if length == 0 or (after < self.n and not self.tokens[after].comma_before
                           and not self.tokens[after].joiner):
            return False
        end = start
        while (length := self._level_length(end, forward=False)) > 0:
            begin = end - length
            if not self.tokens[begin].comma_before:
                return begin > 0 and (self.tokens[begin - 1].key in _COLLECTIVE_MARKERS
                                      or self._places_a_collective(begin))
            end = begin
        return False

    def _places_a_collective(self, start: int) -> bool:
        """Whether a lower-case word at `start`, with no separator before it, follows a
        collective the clause opens ("Các trạm y tế xã, phường": where its bodies are)."""
        return start > 0 and self.tokens[0].text.lower() == "các" and (
            self.tokens[start].text[:1].islower()) and not self.tokens[start].comma_before

    def _level_length(self, at: int, *, forward: bool) -> int:
        """How many words a level word (or a unit below a commune: "thôn", "tổ dân phố")
        starting (forward) or ending at token `at` has, 0 when none does."""
        for level in _units_in_lists():  # longest first
            begin, end = (at, at + len(level)) if forward else (at - len(level), at)
            if begin >= 0 and end <= self.n and tuple(
                    t.word for t in self.tokens[begin:end]) == level:
                return len(level)
        return 0

    def _goes_on_managing(self, left_start: int, start: int, end: int) -> bool:
        """"Ban Quản lý Khu kinh tế … và các khu công nghiệp": after a board's name and "và",
        "các" and what a board manages (zones, projects, markets) go on with the board's
        name; no body of their own."""
        words = _words()
        key = _span_key(self.tokens, start, end)
        return (key[:1] in _COLLECTIVE_MARKERS
                and words.managed_things.longest(key[1:], whole=True) is not None
                and words.managing_bodies.longest(
                    _loose_key(_span_key(self.tokens, left_start, start))) is not None)

    def _closes_a_name(self, at: int) -> bool:
        """Whether a capitalized word at `at` follows a level word, which ends a name ("Hội
        Nông dân xã | Ban Quản lý chợ"): where a name may start with no separator."""
        return (0 < at < self.n and self.tokens[at].text[:1].isupper()
                and self._level_length(at, forward=False) > 0)

    def _opens_after_a_level(self, left: _Piece, start: int, end: int, right: _Piece,
                             gap: str) -> bool:
        """"Hội Nông dân xã Ban Quản lý chợ Đông Hà" (a cell's two lines printed as one): a
        known name closed by its level word, then a capitalized unknown name with an
        agency's head word, are two agencies. A place after the level word is the unit's
        ("Công an phường Hội An"), and without a level word a body of a unit is the unit's
        ("Đoàn Thanh niên Trường THPT …"). A place missing from the gazetteer (a former
        commune, a village: "Công an phường Sở Dầu", "UBND xã Ban Mai") prints only
        capitalized words; a second body names its kind in lower case ("Ban Quản lý chợ")."""
        return (gap == "none" and left.known and left.exact and not right.known
                and right.agency_like and right.capitalized and self._closes_a_name(start)
                and any(t.text[:1].islower() for t in self.tokens[start:end])
                and not _is_place(_span_key(self.tokens, start, end)))

    def _opens_a_collective(self, left_start: int, left: _Piece, start: int, right: _Piece,
                            gap: str) -> bool:
        """"Hiệp hội Du lịch thành phố Các doanh nghiệp, hợp tác xã" (a cell's two lines
        printed as one): "Các" with a capital inside a line opens a collective of its own
        after a name that reads as an agency; in lower case it says where the agency is
        ("Trạm Y tế các xã, phường")."""
        if not (gap == "none" and self._capital_marker(start)
                and (left.known or left.agency_like) and (right.known or right.agency_like)):
            return False
        # a name of its own left of it, known or closed by its level or its parent's word
        # ("Vụ Các vấn đề chung …", "Quỹ Hỗ trợ Các hợp tác xã" are one body's name), and
        # bodies of a kind right of it ("Các doanh nghiệp …", not "Các vấn đề …")
        closed = ((left.known and left.exact) or self._level_length(start, forward=False) > 0
                  or self._is_parent_word(start - 1))
        return (start - left_start > 1 and closed
                and (right.known or self._names_bodies(start + 1)))

    def _lists_kinds(self, left_start: int, start: int, end: int) -> bool:
        """"Các Cục, Vụ thuộc Bộ", "Các Vụ, Cục, đơn vị thuộc Bộ": after "Các" and bare kinds
        of body in capitals (no name: "Các Cục"), a kind followed by no name of its own
        ("Vụ thuộc Bộ", not "Vụ Pháp chế", "Công an các xã") is one more kind under the same
        "Các"."""
        if start - left_start < 2 or self._kind_length(left_start + 1, start) == 0:
            return False
        at = left_start + 1
        while at < start:  # "Cục" or "Vụ, Cục": kinds only, separated by commas
            length = self._kind_length(at, start)
            if length == 0 or (at > left_start + 1 and not self.tokens[at].comma_before):
                return False
            at += length
        after = start + self._kind_length(start, end)
        if after == start or after >= end:
            return after > start
        # … a kind, then what it belongs to ("thuộc Bộ", "trực thuộc Sở") or one more kind
        # in lower case ("đơn vị"); a place or a qualifier after it ("Công an các xã",
        # "Bệnh viện tuyến tỉnh", "Báo tỉnh") makes it a body of its own
        words = [t.word for t in self.tokens[after:min(end, after + 2)]]
        return (self.tokens[after].text[:1].islower()
                and (words[0] == "thuộc" or words == ["trực", "thuộc"]
                     or (self.tokens[after].key not in _COLLECTIVE_MARKERS
                         and self._names_bodies(after))))

    def _bare_kind(self, start: int, end: int) -> bool:
        """"Hiệp hội" before "Doanh nghiệp thành phố": a kind of body alone (no name after it)
        is no agency cut off the words after it when nothing separates them; they are its
        name ("Hiệp hội Doanh nghiệp thành phố")."""
        key = _span_key(self.tokens, start, end)
        words = _words()
        return key in (words.heads.longest(key, whole=True),
                       words.capitalized_heads.longest(key, whole=True))

    def _names_bodies(self, at: int) -> bool:
        """Whether the words from `at` open with a kind of body, in either case ("doanh
        nghiệp", "sở", "đơn vị"): what "Các" before them gathers."""
        words = _words()
        rest = _span_key(self.tokens, at, self.n)
        return bool(rest) and (
            words.heads.longest(rest, whole=True) is not None
            or words.capitalized_heads.longest(rest, whole=True) is not None
            or any(rest[:len(q) - 1] == q[1:] for q in words.qualified_collectives))

    def _kind_length(self, start: int, end: int) -> int:
        """How many tokens a kind of body printed with a capital ("Cục", "Thanh tra") takes
        at `start` (before `end`); 0 when none does."""
        if not self.tokens[start].text[:1].isupper():
            return 0
        words = _words()
        for stop in range(min(end, start + 3), start, -1):
            key = _span_key(self.tokens, start, stop)
            if key in (words.capitalized_heads.longest(key, whole=True),
                       words.heads.longest(key, whole=True)):
                return stop - start
        return 0

    def _joins_inside_a_name(self, joiner: int) -> bool:
        """"Văn phòng HĐND và UBND các xã, phường" (every commune's office, no known name as
        a whole): a "và" inside a known name's words joins no two agencies."""
        return self.gazetteer._inside_known_name(self.tokens, joiner, joiner + 1, joined=True)

    def _continues_a_collective(self, left_start: int, left: _Piece, start: int, end: int,
                                right: _Piece, gap: str) -> bool:
        """"Các đại học, học viện", "Các đơn vị sự nghiệp, doanh nghiệp nhà nước": after a
        collective the list of names does not hold ("Các …"), a lower-case kind it does not
        hold either is one more kind under the same "các", not an agency of its own. A known
        collective is whole as known ("Các bộ, ngành, địa phương, doanh nghiệp liên quan": the
        businesses are one more party), and a known agency after a collective is its own
        ("Các phòng chuyên môn, công an xã"). In capitals a kind goes on such a list only after
        bare kinds (`_lists_kinds`)."""
        if (gap not in ("comma", "joiner") or left.known or right.known
                or self.tokens[left_start].key not in _COLLECTIVE_MARKERS):
            return False
        if self.tokens[start].text[:1].isupper():
            return self._lists_kinds(left_start, start, end)
        return self.tokens[start].key not in _COLLECTIVE_MARKERS

    @staticmethod
    def _allowed(left: _Piece, right: _Piece, gap: str) -> bool:
        if gap in ("comma", "joiner"):
            if left.agency_like and right.agency_like:
                return True
            # A known agency, a comma, then a capitalized unknown name: two pieces
            # ("Sở Tài chính, Cơ sở công lập"); lower-case, it continues the name.
            return gap == "comma" and ((left.known and right.capitalized)
                                       or (right.known and left.capitalized))
        # with no separator, a name opening in lower case must be known as printed: read
        # through a variant ("khu vực, Thuế tỉnh" as "Thuế tỉnh") it is the words before it
        # going on ("Kho bạc Nhà nước khu vực")
        return (left.known and left.exact and right.known and right.exact
                and (right.capitalized or right.score >= 1.0))

    @staticmethod
    def _gain(piece: _Piece, words: int) -> tuple[float, int]:
        if piece.known:
            weight = 1.0 if piece.exact else FUZZY_COVERAGE_WEIGHT
            return piece.score * words * weight, 0
        return 0.0, 1 if piece.agency_like else 0

    @staticmethod
    def _class(piece: _Piece) -> str:
        if piece.known:
            return "exact" if piece.exact else "fuzzy"
        return "agency" if piece.agency_like else "other"

    def can_be_piece(self, start: int, end: int) -> bool:
        return self.tokens[start].content and self.tokens[end - 1].content

    def bounded(self, start: int, end: int) -> bool:
        left = (start == 0 or self.tokens[start].comma_before or self.tokens[start - 1].joiner
                or self._closes_a_name(start) or self._capital_marker(start)
                or self._parents_body_at(start))
        right = (end == self.n or self.tokens[end].comma_before or self.tokens[end].joiner
                 or self._capital_marker(end) or self._parents_body_at(end))
        return left and right

    def _parents_body_at(self, at: int) -> bool:
        """"Các Cục, Vụ thuộc Bộ Thanh tra Bộ" (a cell's two lines printed as one): after a
        name closed by its parent body's word ("… thuộc Bộ"), a body of that parent named by
        its kind and the same word ("Thanh tra Bộ", "Văn phòng Sở") is one of its own."""
        if not 0 < at < self.n or not self._is_parent_word(at - 1):
            return False
        kind = self._kind_length(at, self.n)
        after = at + kind + 1  # the kind, then the parent's word, then a separator or nothing
        return (kind > 0 and after <= self.n and self._is_parent_word(after - 1)
                and (after == self.n or self.tokens[after].comma_before
                     or self.tokens[after].joiner))

    def _is_parent_word(self, at: int) -> bool:
        token = self.tokens[at]
        return token.text[:1].isupper() and token.key in _words().parent_words

    def _capital_marker(self, at: int) -> bool:
        """Whether "Các" printed with a capital stands at `at`, inside the line: where a
        collective may start with no separator (`_opens_a_collective`)."""
        return (0 < at < self.n and self.tokens[at].key in _COLLECTIVE_MARKERS
                and self.tokens[at].text[:1].isupper())

    def piece(self, start: int, end: int) -> _Piece:
        cached = self._cache.get((start, end))
        if cached is None:
            cached = self.gazetteer._classify(_span_key(self.tokens, start, end),
                                              self.bounded(start, end), self.tokens[start].text)
            self._cache[(start, end)] = cached
        return cached

    def text(self, start: int, end: int) -> str:
        return _one_line(self.segment[self.tokens[start].start:self.tokens[end - 1].end])


# ------------------------------------------------------------------ CSV


REQUIRED_COLUMNS = ("id", "name")


def read_agencies_csv(path: Path | Traversable) -> list[AgencyEntry]:
    """Rows of an agencies CSV (id, name, kind, scope, aliases, abbreviations; "|" between
    aliases). Only id and name are required."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh, strict=True)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise InputError(f"{path}: not an agencies CSV (missing column "
                                 f"{', '.join(missing)}; expected id,name,kind,scope,aliases,"
                                 "abbreviations)", code="gazetteer")
            rows = [_checked_row(row, reader.line_num, path) for row in reader]
    except csv.Error as exc:  # an unterminated quote, a NUL byte
        raise InputError(f"{path}: not a valid CSV file (near line "
                         f"{reader.reader.line_num}: {exc})", code="gazetteer") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the gazetteer file ({exc.strerror})",
                         code="gazetteer") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: the gazetteer file is not UTF-8 text",
                         code="gazetteer") from exc
    return [_entry(row) for row in rows if (row.get("id") or "").strip()]


def _checked_row(row: dict, line: int, path: Path) -> dict[str, str | None]:
    """A row with as many fields as the header; any other count is one clear error (a
    missing comma shifts every field after it)."""
    if None in row or None in row.values():
        raise InputError(f"{path}: line {line} does not have the header's "
                         f"{len([k for k in row if k is not None])} fields", code="gazetteer")
    return row


def _entry(row: dict[str, str | None]) -> AgencyEntry:
    def field(name: str) -> str:
        return clean_text(row.get(name) or "")

    def listed(name: str) -> tuple[str, ...]:
        return tuple(v for v in (clean_text(p) for p in (row.get(name) or "").split("|")) if v)

    agency_id = field("id")
    return AgencyEntry(agency_id, field("name") or agency_id, field("kind"), field("scope"),
                       listed("aliases"), listed("abbreviations"))


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The built-in gazetteer, built once (and kept in the user's cache folder)."""
    return cached("agencies", Gazetteer.load,
                  [AGENCIES_CSV, data_file(WORDS_YAML), UNITS_CSV, PROVINCES_CSV])
