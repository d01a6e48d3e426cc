"""Printed targets ("≥ 1.000 hộ", "$\\geq 70$", "tối thiểu 80%", "70 - 80%", "Đáp ứng") → `Target`.

The words of the grammar (operators, lead words, unit stop words) live in
`chitieu/data/target_words.yaml` and `chitieu/data/units.yaml`.

Numbers follow Vietnamese print: a comma is the decimal mark ("1,5" → 1.5) and a dot before
exactly three digits groups thousands ("1.000.000"). Two cases are decided here:
"0.70" → 0.7 (a dot before one, two or four+ digits, or after a leading 0, is a decimal
point); "1,000" (a comma before exactly three digits, after a non-zero integer part, and no
other separator) → 1000, because Vietnamese decimals are printed with one or two digits and
such numbers come from spreadsheets formatted in the English way; "0,125" stays 0.125.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any, NamedTuple

from chitieu.core.cache import cached
from chitieu.core.dataclass import dataclass, replace
from chitieu.core.lexicon import data_file, load_yaml
from chitieu.core.patterns import Written, compile_regex, lazy, lazy_fields
from chitieu.core.text import cached_cell_parser, clean_text, fold, is_plain, text_cache
from chitieu.models import Target

__all__ = [
    "column_unit_differs",
    "find_embedded_target",
    "name_unit",
    "normalize_unit",
    "parse_number",
    "parse_target",
    "split_embedded_target",
]

TARGET_UNPARSED = "target_unparsed"
TARGET_MULTIPLE = "target_multiple"
UNIT_COLUMN_DIFFERS = "unit_column_differs"

_NUM = r"(?<![\w.,/])\d+(?:[.,]\d+)*(?![\w/]|[.,]\d)"
_PCT = r"[%％]"
_SYMBOLS = {
    ">=": ">=", "=>": ">=", "≥": ">=", "⩾": ">=", "≧": ">=",
    "<=": "<=", "=<": "<=", "≤": "<=", "⩽": "<=", "≦": "<=",
    ">": ">", "<": "<", "=": "=",
    "≈": "=", "~": "=",  # "≈ 80%", "~80%": about 80%, read as the level aimed at
}
_DASH_CLASS = "-–—‒−"
_THOUSANDS_DOT = lazy(re.compile, r"[1-9]\d{0,2}(?:\.\d{3})+")
_THOUSANDS_COMMA = lazy(re.compile, r"[1-9]\d{0,2}(?:,\d{3})+")
_BOUNDARY_CHARS = ",;:()[]{}|"
_YEAR = lazy(re.compile, r"(?:19|20)\d\d")
_DIGIT = lazy(re.compile, r"\d")
_WORD = lazy(re.compile, r"\S+")
_FILLER = "-–—‒−.…/ "  # a cell of only these ("---", "…") holds nothing
_LONGEST_LEAD = 48  # characters of lead and operator words a target's number can follow
_UNIT_TAIL = 64     # characters of unit words ("sản phẩm/dịch vụ trở lên") after a number
_LETTER = lazy(re.compile, r"[^\W\d_]")
_BULLET = lazy(re.compile, r"^(?:[-+•·▪*]\s+)+")
_PCT_GLUED = lazy(re.compile, r"%(?=[^\W\d_])")
_UNIT_TOKEN = lazy(re.compile, r"(\s+|/)")


def _alternation(words: list[str]) -> str:
    """A regex alternation of phrases, longest first, white space flexible, word-bounded,
    for a pattern compiled with IGNORECASE. Written as a trie ("giảm(?:\\s+còn|)|…"): the
    engine tries one branch per letter instead of every phrase at every place; it matches
    what the flat alternation matches (see `_trie`)."""
    # longest first; equal lengths in text order, so that the pattern is the same in every
    # process (a set iterates in hash order)
    return _ordered_alternation(tuple(sorted({w.strip() for w in words if w.strip()},
                                             key=lambda w: (-len(w), w))))


@lru_cache(maxsize=64)
def _ordered_alternation(ordered: tuple[str, ...]) -> str:
    trie = _trie([_tokens(w) for w in ordered])
    if trie is None:  # two branches a letter's case could both take: the flat alternation
        trie = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)
    return r"(?<!\w)(?:" + trie + r")(?!\w)"


_SPACE = " "  # the token of a run of white space between two words of a phrase


def _tokens(phrase: str) -> list[str]:
    """A phrase's characters, `_SPACE` between its words (which hold no white space)."""
    return list(" ".join(phrase.split()))


def _trie(phrases: list[list[str]]) -> str | None:
    """The alternation of `phrases` (tokens, longest first) as a trie, each node trying its
    longer continuations before ending there. Phrases that can match at one place of a text
    are each a prefix of the next (a letter's case-insensitive match is one letter, white
    space no letter), so the trie tries them in the same order as the flat alternation, and
    the rest of the pattern sees the same matches in the same order. Letters are keyed in
    lower case (IGNORECASE matches both alike); None when two sibling letters would match
    a common character (as "i" and "ı" do), where that order could differ."""
    root: dict = {}
    for tokens in phrases:
        node = root
        for token in tokens:
            lower = token.lower()
            key = lower if len(lower) == 1 else token
            child = node.get(key)
            if child is None:
                child = node[key] = {_PRINTED: token}  # the token as first printed
            node = child
        node[_END] = True
    return _written(root)


_PRINTED, _END = "printed", "end"  # (keys no token has: tokens are one character)


def _case_clash(a: str, b: str) -> bool:
    """Two letters of different lower case that IGNORECASE may still match alike: the same
    upper case or case folding ("i" and "ı", "s" and "ſ", "σ" and "ς")."""
    return a.upper() == b.upper() or a.casefold() == b.casefold()


def _written(node: dict) -> str | None:
    children = [(key, child) for key, child in node.items() if len(key) == 1]
    if len(children) > 1:
        letters = [child[_PRINTED] for key, child in children if key != _SPACE]
        for i, a in enumerate(letters):
            if any(_case_clash(a, b) for b in letters[i + 1:]):
                return None
    branches = []
    for key, child in children:
        rest = _written(child)
        if rest is None:
            return None
        branches.append((r"\s+" if key == _SPACE else re.escape(child[_PRINTED])) + rest)
    if _END in node:
        branches.append("")  # the phrase ends here: tried after every longer one
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


@dataclass(frozen=True, slots=True)
class _Grammar:
    empty: frozenset[str]
    word_ops: dict[str, str]          # folded phrase → op
    suffix_ops: dict[str, str]
    strong_ops: frozenset[str]
    split_leads: frozenset[str]
    object_leads: re.Pattern[str]     # a preposition ending the text before a number
    rate_lead: re.Pattern[str]        # ", tỷ lệ" ending the text before a number
    changes: frozenset[str]           # folded change words ("tăng", "giảm")
    all_leads: frozenset[str]         # folded lead, change and embedded lead words
    lead_phrase: re.Pattern[str]      # one lead or change phrase, longest first
    comparison: re.Pattern[str]       # "so với …" after a change
    aliases: dict[str, str]
    percent_words: frozenset[str]     # folded unit words meaning "%" ("tỷ lệ")
    preserve_case: dict[str, str]     # folded → as printed
    max_unit_words: int
    head: re.Pattern[str]             # a target at the start of a cell
    # where no lead or operator word can start (`head_start` does not match), `head` matches
    # what `number_head`, the same pattern without those words, matches (see `_parse`)
    head_start: re.Pattern[str]
    number_head: re.Pattern[str]
    embedded: re.Pattern[str]         # a target's start anywhere in a name
    # what the words before an embedded target's number can be (see `_embedded_search`):
    # the end of the last of them, and a piece of text made of them alone; None when a
    # word holds a digit, and the search is the plain one
    lead_end: re.Pattern[str] | None
    lead_piece: re.Pattern[str] | None
    any_op_number: re.Pattern[str]
    suffix: re.Pattern[str]
    stop: re.Pattern[str]
    qualifier_number: re.Pattern[str]  # "14 tuổi": whom a target counts
    glued: re.Pattern[str]            # a number with its unit glued on ("700kg", "27m2")
    fraction: re.Pattern[str]         # a count out of a total ("3/3 trường", "đạt 10/10 xã")
    upper_bound: re.Pattern[str]      # "… và ≤ 90%" closing a lower bound


def _head_pattern(leads: str, ops: str, connectors: str) -> str:
    symbols = "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True))
    return (
        rf"(?P<leads>(?:{leads}\s*)*)"
        rf"(?:(?P<op>{symbols}|{ops})\s*)?"
        rf"(?P<n1>{_NUM})(?:\s*(?P<p1>{_PCT}))?"
        rf"(?:\s*(?P<conn>{connectors})\s*(?P<n2>{_NUM})(?:\s*(?P<p2>{_PCT}))?)?"
    )


_NEVER = "(?!)"  # a pattern that matches nowhere: no lead or operator word


def _first_chars(phrases: list[str]) -> str:
    """A character a phrase of `phrases` starts with (in either case, as IGNORECASE matches a
    letter): a lead or operator word can start only where this matches."""
    return "[" + "".join(sorted({re.escape(p.strip()[0]) for p in phrases if p.strip()})) + "]"


def _first_char_gate(words: list[str], symbols: list[str]) -> str:
    """A lookahead for where a match can start: a word's first letter (a lead or operator
    word, in either case) where no letter precedes it, a symbol's first character, a digit
    where a number may start. Every match starts so (the words and numbers of the pattern
    carry the same look-behinds), so it changes no match; a `search` skips other places at
    once instead of trying each alternative there."""
    letters = {w.strip()[0] for w in words if w.strip()}
    letters |= {c.upper() for c in letters} | {c.lower() for c in letters}
    marks = {s[0] for s in symbols if s}
    return ("(?=[" + "".join(re.escape(c) for c in sorted(marks)) + "]"
            "|(?<!\\w)[" + "".join(re.escape(c) for c in sorted(letters)) + "]"
            "|(?<![\\w.,/])\\d)")


def _lead_words(phrases: list[str], symbols: list[str], flags: int
                ) -> dict[str, Written | None]:
    """`lead_end`: a lead or operator phrase's last word, or a symbol, ending a text;
    `lead_piece`: a text without white space made of their words and symbols alone."""
    words = {w for p in phrases for w in p.split()} | set(symbols)
    if any(_DIGIT.search(w) for w in words):
        return {"lead_end": None, "lead_piece": None}
    last = {p.split()[-1] for p in phrases if p.strip()} | set(symbols)

    def alternatives(found: set[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(found, key=lambda w: (-len(w), w)))
    return {"lead_end": Written(f"(?:{alternatives(last)})\\Z", flags),
            "lead_piece": Written(f"(?:{alternatives(words)})+", flags)}


@cache
def _grammar() -> _Grammar:
    # writing the tries takes ~4 ms, which every process paid: the written patterns are
    # kept in the cache folder, found by the data files (and code) they are written from
    return _compiled(cached("target-grammar", _grammar_sources,
                            [data_file("target_words.yaml"), data_file("units.yaml")]))


def _compiled(sources: dict[str, Any]) -> _Grammar:
    return _Grammar(**lazy_fields(sources, re.compile))


def _grammar_sources() -> dict[str, Any]:
    """The grammar's fields, each pattern as `Written`."""
    words, units = load_yaml("target_words.yaml"), load_yaml("units.yaml")
    changes = words["change_leads"]
    leads = [*words["lead"], *changes]
    embedded_leads = [*words["embedded_leads"], *changes]
    every_lead = [*leads, *embedded_leads]
    word_ops = {fold(w): op for op, ws in words["prefix_ops"].items() for w in ws}
    suffix_ops = {fold(w): op for op, ws in words["suffix_ops"].items() for w in ws}
    ops = _alternation(list(word_ops))
    connectors = "|".join(
        f"[{_DASH_CLASS}]" if c in _DASH_CLASS else _alternation([c]) if c.isalpha()
        else re.escape(c)
        for c in words["range_connectors"]
    )
    flags = int(re.IGNORECASE)
    symbols = "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True))
    return dict(
        empty=frozenset(words["empty"]),
        word_ops=word_ops,
        suffix_ops=suffix_ops,
        strong_ops=frozenset(fold(w) for w in words["strong_ops"]),
        split_leads=frozenset(fold(w) for w in words["split_leads"]),
        object_leads=Written(_alternation(words["object_leads"]) + r"$", flags),
        rate_lead=Written(r",\s*" + _alternation(words["rate_leads"]) + r"$", flags),
        changes=frozenset(fold(w) for w in changes),
        all_leads=frozenset(fold(w) for w in every_lead),
        lead_phrase=Written(_alternation(every_lead), flags),
        comparison=Written(r"\s*,?\s*" + _alternation(words["comparison_leads"]), flags),
        aliases={fold(k): v for k, v in units["aliases"].items()},
        percent_words=frozenset(fold(w) for w in units["percent_words"]),
        preserve_case={fold(w): w for w in units["preserve_case"]},
        max_unit_words=int(units["max_words"]),
        head=Written(_head_pattern(_alternation(leads), ops, connectors), flags),
        head_start=Written(_first_chars([*leads, *word_ops]), flags),
        number_head=Written(_head_pattern(_NEVER, _NEVER, connectors), flags),
        embedded=Written(_first_char_gate([*embedded_leads, *word_ops], list(_SYMBOLS))
                         + _head_pattern(_alternation(embedded_leads), ops, connectors), flags),
        **_lead_words([*embedded_leads, *word_ops], list(_SYMBOLS), flags),
        any_op_number=Written(
            rf"(?:{symbols}|{_alternation(words['strong_ops'])})\s*{_NUM}|{_NUM}\s*{_PCT}", flags),
        suffix=Written(r"\s*(" + _alternation(list(suffix_ops)) + ")", flags),
        stop=Written(_alternation(list(units["stop_words"])), flags),
        qualifier_number=Written(rf"{_NUM}\s*{_alternation(units['qualifier_units'])}", flags),
        glued=Written(
            r"(?<![\w.,])(\d+(?:[.,]\d+)*)(" + "|".join(
                re.escape(u) for u in sorted(units["glued"], key=len, reverse=True))
            + r")(?![^\W_])", flags),
        fraction=Written(
            rf"(?P<leads>(?:{_alternation(words['lead'])}\s*)*)"
            rf"(?:(?P<op>{symbols}|{_alternation(list(word_ops))})\s*)?"
            r"(?<![\w.,/])(?P<n>\d{1,6}(?:,\d{1,2})?)\s*/\s*(?P<m>\d{1,6})(?![\w/.,])", flags),
        upper_bound=Written(
            r"\s*(?:và|,|;|-|–)?\s*(?:≤|<=|=<|<|⩽|tối đa|không quá|không vượt quá|dưới)\s*"
            rf"(?P<n>{_NUM})\s*(?P<p>{_PCT})?\s*$", flags),
    )


# ----------------------------------------------------------------------------- numbers


@lru_cache(maxsize=4096)
def parse_number(s: str) -> int | float | None:
    """A printed number as a value: "1.000" → 1000, "1,5" → 1.5, "0.70" → 0.7."""
    s = s.strip()
    if not s or not s[0].isdigit():
        return None
    if _THOUSANDS_DOT.fullmatch(s.split(",")[0]) and s.count(",") <= 1:
        integer, _, fraction = s.partition(",")
        return _number(integer.replace(".", ""), fraction)
    if _THOUSANDS_COMMA.fullmatch(s.split(".")[0]) and s.count(".") <= 1:
        integer, _, fraction = s.partition(".")
        return _number(integer.replace(",", ""), fraction)
    parts = re.split(r"[.,]", s)
    if len(parts) > 2:
        return None
    return _number(parts[0], parts[1] if len(parts) == 2 else "")


def _number(integer: str, fraction: str) -> int | float | None:
    if not integer.isdigit() or (fraction and not fraction.isdigit()):
        return None
    if not fraction or not fraction.strip("0"):
        return int(integer)
    return float(f"{int(integer)}.{fraction}")


# ----------------------------------------------------------------------------- units


@lru_cache(maxsize=4096)
def normalize_unit(s: str | None) -> str | None:
    """A unit as the contract writes it: "Lần GRDP" → "lần GRDP", "Trang TTĐT" → "trang TTĐT"."""
    text = clean_text(s).strip(" .;:,")
    if not text or text in _grammar().empty or not text.strip(_FILLER):
        return None
    text = _grammar().aliases.get(fold(text), text)
    text = _PCT_GLUED.sub("% ", text.replace("％", "%"))
    return "".join(_unit_token(tok) for tok in _UNIT_TOKEN.split(text))


_NAME_BRACKETS = lazy(re.compile, r"\(\s*([^()]{1,24}?)\s*\)\s*$")


@cache
def _name_units() -> re.Pattern[str]:
    return re.compile("^(?:" + "|".join(load_yaml("units.yaml")["name_units"]) + ")$")


@lru_cache(maxsize=4096)
def name_unit(name: str | None) -> str | None:
    """The unit a value's name prints in its closing brackets ("… chữ ký số cá nhân (%)" →
    "%"), when it is one of units.yaml's `name_units`; else None."""
    match = _NAME_BRACKETS.search(name or "")
    if match is None or not _name_units().match(fold(match[1])):
        return None
    return normalize_unit(match[1])


def _unit_token(token: str) -> str:
    if not token or token.isspace():
        return " " if token else token
    letters = [c for c in token if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return token                       # an abbreviation: GRDP, TTĐT, (HDI)
    if any(c.isupper() for c in letters[1:]):
        return token                       # a mixed-case symbol: VNeID, kWh, MHz
    return _grammar().preserve_case.get(fold(token), token.lower())


def _pick_unit(printed: str | None, column: str | None) -> str | None:
    """The unit printed with the number, or the unit column's; the more specific of the two
    when one extends the other ("%" + "% tổng chi NSNN", "% thôn" + "%")."""
    if not printed or not column:
        return printed or column
    p, c = fold(printed), fold(column)
    if p == c or p.startswith(c + " ") or ("%" in p and "%" not in c):
        return printed
    return column


def column_unit_differs(column: str | None, target: Target | None) -> str | None:
    """`unit_column_differs:<the column's words>` when the unit printed with the target
    took the place of a unit column's that says something else ("trường" + "≥ 90%", "Tỷ
    đồng" + "Tăng 10%"): the target's unit is the printed one, the column's words would be
    lost. None when the two agree ("%" + "% ", "Tỷ lệ" + "%", "%" + "% dân số") or the
    column's unit is the target's."""
    if not column or target is None or not target.unit:
        return None
    own = normalize_unit(column)
    if own is None or fold(own) == fold(target.unit):
        return None
    p, c = fold(target.unit), fold(own)
    if p.startswith(c + " ") or c.startswith(p + " ") or set(c.split()) <= set(p.split()):
        return None  # one extends the other, or holds its words ("Hộ" + "% hộ"): none lost
    if p == "%" and " ".join(c.replace("%", " ").replace("(", " ").replace(")", " ").split()
                             ) in _grammar().percent_words:
        return None
    return f"{UNIT_COLUMN_DIFFERS}:{clean_text(column)}"


def _unit_words(text: str, pos: int) -> tuple[str, int]:
    """The short run of words at `pos` that names a unit ("hộ", "tập dữ liệu", "GRDP"),
    and where it ends; ("", pos) when the text goes on as a sentence."""
    g = _grammar()
    end, count, words = pos, 0, []
    for m in _WORD.finditer(text, pos):
        word = m.group(0)
        if word[0] in _BOUNDARY_CHARS or word[0].isdigit() or word[0] in "≥≤<>=" + _DASH_CLASS:
            break
        if g.stop.match(text, m.start()):
            break
        core = word.rstrip(_BOUNDARY_CHARS + ".")
        if not _LETTER.search(core) and not (words and core in ("%", "％")):
            break                          # but "điểm %": percentage points
        words.append(core)
        end = m.start() + len(core)
        count += 1
        if core != word:
            break
    if count == 0 or count > g.max_unit_words:
        return "", pos
    listed = _listed_after(text, end) if text.startswith(",", end) else None
    if listed is not None:
        return f"{' '.join(words)}, {listed}", len(text.rstrip(_LIST_END))
    return " ".join(words), end


_LIST_END = " \t\n.;"
_MAX_LISTED = 3


def _listed_after(text: str, comma: int) -> str | None:
    """The rest of a cell that goes on listing what a unit counts, after its first comma
    ("100% cán bộ, công chức, viên chức", "02 tin, bài/tháng", "100% thôn, tổ dân phố"):
    short runs of words and nothing else to the end of the cell — no number, no stop word
    ("và", "trong"). None when the text goes on otherwise."""
    g = _grammar()
    items = text[comma + 1:].rstrip(_LIST_END).split(",")
    if not 1 <= len(items) <= _MAX_LISTED:
        return None
    listed = []
    for item in items:
        item_words = item.split()
        if not 1 <= len(item_words) <= g.max_unit_words or any(
                not _LETTER.search(w) or any(c.isdigit() or c in _BOUNDARY_CHARS + "%≥≤<>="
                                             for c in w) for w in item_words):
            return None
        if any(g.stop.match(item, m.start()) for m in _WORD.finditer(item)):
            return None
        listed.append(" ".join(item_words))
    return ", ".join(listed)


# ----------------------------------------------------------------------------- targets


@dataclass(frozen=True, slots=True)
class _Parsed:
    op: str | None
    value: int | float | None
    upper: int | float | None
    printed_unit: str | None
    end: int                           # where the target (with its unit) ends in the text
    unit_words: bool = False           # words follow the number ("hộ", "% thôn")
    warnings: tuple[str, ...] = ()
    change_start: int | None = None    # where a change word ("tăng", "giảm") starts


def _op_of(match: re.Match[str]) -> str | None:
    op = match.group("op")
    if not op:
        return None
    return _SYMBOLS.get(op) or _grammar().word_ops.get(fold(op))


def _read_head(text: str, match: re.Match[str]) -> _Parsed | None:
    """Op, value(s) and unit from a head match, looking at the words after it."""
    value = parse_number(match.group("n1"))
    if value is None:
        return None
    op, upper = _op_of(match), None
    if match.group("n2"):
        upper = parse_number(match.group("n2"))
        if upper is None:
            return None
        op = "between"
    pct = bool(match.group("p1") or match.group("p2"))
    words, end = _unit_words(text, match.end())
    suffix = _grammar().suffix.match(text, end)
    if suffix and op != "between":
        op = _grammar().suffix_ops.get(fold(suffix.group(1)), op)
        end = suffix.end()
    glue = "" if words.startswith("/") else " "       # "%/năm"
    printed = "%" + (glue + words if words else "") if pct else (words or None)
    change = _change_start(match)
    if change is not None:
        end = _comparison_end(text, end)
    return _Parsed(op or "=", value, upper, normalize_unit(printed), end, bool(words),
                   change_start=change)


def _change_start(match: re.Match[str]) -> int | None:
    """Where a change word ("tăng", "giảm thêm") among the words before the number starts;
    None when they only lead to a level ("đạt", "giảm còn", "tăng lên")."""
    leads = match.group("leads")
    if not leads:
        return None
    g = _grammar()
    for phrase in g.lead_phrase.finditer(leads):
        if fold(phrase.group()) in g.changes:
            return match.start("leads") + phrase.start()
    return None


_MAX_COMPARISON = 48


def _comparison_end(text: str, end: int) -> int:
    """The end of the base a change is measured from ("so với năm 2025", "so với cùng kỳ")
    when it closes the text; `end` otherwise."""
    match = _grammar().comparison.match(text, end)
    if match is None:
        return end
    rest = text[match.end():].rstrip(" .;")
    if len(rest) > _MAX_COMPARISON or _another_number(rest) or any(c in rest for c in ",;:"):
        return end
    return match.end() + len(rest)


@text_cache
def _parse(text: str) -> _Parsed | None:
    """A target at the start of a cleaned cell; None when the cell has no number there."""
    g = _grammar()
    if not _DIGIT.search(text):
        return None  # no number, no target (and no pattern compiled for it)
    # The lead and operator words open `head` only where one of their first letters is: a
    # cell starting otherwise ("100%", "≥ 80%", nearly all) is read by the pattern without
    # them, which matches the same there and is far smaller to compile.
    match = (g.head if g.head_start.match(text) else g.number_head).match(text)
    if not match:
        return None
    parsed = _read_head(text, match)
    if parsed is None:
        return None
    rest = _PARENTHESES.sub(" ", text[parsed.end:])   # "(còn 7%)" explains the target
    if not _DIGIT.search(rest):
        return parsed  # an upper bound and a second number (all below) need a digit
    rest = g.qualifier_number.sub(" ", rest)              # "từ 14 tuổi": whom it counts
    if parsed.op in (">=", ">") and (upper := g.upper_bound.match(rest)):
        # "≥ 80% và ≤ 90%": both bounds of one range
        value = parse_number(upper["n"])
        if value is not None and value >= parsed.value:
            return replace(parsed, op="between", upper=value)
    if g.any_op_number.search(rest) or _another_number(rest):
        return replace(parsed, warnings=(TARGET_MULTIPLE,))
    return parsed


_BARE_NUMBER = lazy(re.compile, _NUM)


_PARENTHESES = lazy(re.compile, r"\([^()]*\)|\[[^\[\]]*\]")   # "(khoảng 2.729)", "[1]"


def _another_number(rest: str) -> bool:
    """A second number after the target ("70 80 90", "70; 80"); a year or a number in
    brackets ("(khoảng 2.729) thôn") explains the target instead."""
    rest = _PARENTHESES.sub(" ", rest)
    return any(not _YEAR.fullmatch(m.group()) for m in _BARE_NUMBER.finditer(rest))


@cached_cell_parser
def parse_target(raw: str | None, unit: str | None = None) -> tuple[Target | None, list[str]]:
    """A printed target cell (and the row's unit cell) as a `Target`, plus warning codes."""
    if raw is None or not raw.strip():
        return None, []
    printed = raw.strip()
    text = _BULLET.sub("", clean_text(printed))
    if not text or text in _grammar().empty or not text.strip(_FILLER):
        return None, []
    column_unit = normalize_unit(unit)
    fraction = _fraction(text, column_unit, printed)
    if fraction is not None:
        return fraction, []
    spaced = _grammar().glued.sub(r"\1 \2", text)   # "700kg" → "700 kg"
    if "=" in spaced:  # (the checks skip a costly sub on nearly every cell)
        spaced = _SPLIT_SYMBOL.sub(r"\1=", spaced)      # "> = 80%" (OCR, typing) → ">=80%"
    if "(" in spaced:
        spaced = _BRACKETED_PERCENT.sub(r"\1%", spaced)  # "≥ 80 (%)" → "≥ 80%"
    labelled = _YEAR_LABEL.match(spaced)
    if labelled:  # "2026: ≥ 60", "Năm 2026: 60%": the year labels the target, it is no value
        spaced = spaced[labelled.end():]
    # "1. Chương quy định … 2. Các nội dung khác …": a list of results, its item numbers
    # no target values
    parsed = None if _ENUMERATED.match(spaced) else _parse(spaced) or _parse_sentence(spaced)
    if parsed is not None:
        # A change ("tăng 10% so với năm 2025") keeps its words: the number alone would
        # read as a level.
        words = text if parsed.change_start is not None else None
        return Target(op=parsed.op, value=parsed.value, upper=parsed.upper,
                      unit=_pick_unit(parsed.printed_unit, column_unit), text=words,
                      raw=printed), list(parsed.warnings)
    warnings = [] if _is_qualitative(text) else [TARGET_UNPARSED]
    return Target(unit=column_unit, text=text, raw=printed), warnings


_SPLIT_SYMBOL = lazy(re.compile, r"([<>])\s+=(?!=)")
# a year labelling the target after it: "2026: ≥ 60", "Năm 2026: 60%", "Đến năm 2030: 100%"
_YEAR_LABEL = lazy(re.compile, r"^(?:(?:năm|đến(?: hết)?(?: năm)?|trong năm)\s+)?"
                                r"(?:19|20)\d\d\s*:\s*(?=\S)", re.IGNORECASE)
_ENUMERATED = lazy(compile_regex, r"(?:\d{1,2}|[a-zđ])[.)]\s+\p{Lu}")
_BRACKETED_PERCENT = lazy(re.compile, r"(\d)\s*\(\s*[%％]\s*\)")


def _fraction(text: str, column_unit: str | None, printed: str) -> Target | None:
    """A count out of a total filling the cell ("3/3 trường", "1/1", "Đạt 10/10 xã"): the count
    is the value (`=`), and the printed words stay in `text` so the total is not lost."""
    if "/" not in text:  # (the pattern needs one: most cells skip compiling and trying it)
        return None
    match = _grammar().fraction.match(text)
    value = parse_number(match["n"]) if match else None
    if match is None or value is None or int(match["m"]) == 0 or value > int(match["m"]):
        return None
    words, end = _unit_words(text, match.end())
    if text[end:].strip(" .;"):
        return None
    op = _op_of(match) or "="
    return Target(op=op, value=value,
                  unit=_pick_unit(normalize_unit(words or None), column_unit), text=text,
                  raw=printed)


def _parse_sentence(text: str) -> _Parsed | None:
    """A sentence in a target cell with an operator- or "đạt"-led target inside it
    ("Tỷ lệ phủ sóng 5G đạt tối thiểu 70% dân số")."""
    found = [cand for cand in _candidates(text) if cand.op_kind or cand.lead]
    if not found:
        return None
    if len(found) > 1:  # "Năm 2026 đạt 60%, năm 2027 đạt 80%": the first, and a warning
        return replace(found[0].parsed, warnings=(TARGET_MULTIPLE,))
    return found[0].parsed


def _is_qualitative(text: str) -> bool:
    return not any(c.isdigit() for c in text) and bool(_LETTER.search(text))


# ----------------------------------------------------------------------------- names


class _Candidate(NamedTuple):  # (made for every number of a name: cheaper than a dataclass)
    start: int          # where the lead-in word or operator/number starts
    raw_start: int      # where the operator/number starts
    end: int
    parsed: _Parsed
    lead: str           # the folded lead word before it: "đạt", "chiếm" … or ""
    op_kind: str        # "symbol", "strong", "word" or ""
    pct: bool


def _candidates(text: str, after_colon: bool = False) -> list[_Candidate]:
    """Every place a target starts: after an operator, a lead word ("đạt", "chiếm"), or as a
    percentage; with `after_colon`, also a number with its unit right after a colon."""
    g = _grammar()
    found: list[_Candidate] = []
    pos = 0
    # Searching from just before the next digit skips the long wordy stretches of a name.
    while (digit := _DIGIT.search(text, pos)) and (
        match := _embedded_search(text, max(pos, digit.start() - _LONGEST_LEAD))
    ):
        pos = match.start("n1") + 1
        op_text = match.group("op") or ""
        pct = bool(match.group("p1") or match.group("p2"))
        leads = match.group("leads").strip()
        # a number with no operator, percent, lead word nor colon before it ("5G", "Đề án
        # 06") starts no target: told before its number and unit are read
        if not (op_text or pct or leads or (
                after_colon and text[:match.start()].rstrip().endswith(":"))):
            continue
        parsed = _read_head(text, match)
        if parsed is None:
            continue
        if (not pct and not parsed.unit_words and not match.group("n2")
                and _YEAR.fullmatch(match.group("n1"))):
            continue                # "từ 2026", "đạt 2030": a year, not a target
        if g.qualifier_number.match(text, match.start("n1")):
            continue                # "trẻ em dưới 5 tuổi": whom it counts, not a target
        if parsed.change_start is not None:
            raw_start = parsed.change_start     # "giảm 1,5%": the direction is the target's
        else:
            raw_start = match.start("op") if op_text else match.start("n1")
        found.append(_Candidate(
            start=match.start(),
            raw_start=raw_start,
            end=parsed.end, parsed=parsed, lead=fold(leads) if leads else "",
            op_kind=_op_kind(op_text), pct=pct,
        ))
        pos = max(pos, parsed.end)  # "1% – 3% doanh thu" is one target, not two
    return found


_DIGITS = lazy(re.compile, r"\d+")


def _embedded_search(text: str, start: int) -> re.Match[str] | None:
    """`_grammar().embedded.search(text, start)`, trying only where a match can start.

    A match is lead words, an operator and white space, then its number (`n1`), none of
    them with a digit: so a match starting at `s` has its number at the first digit from
    `s` on, and that digit starts a number (nothing of `[\\w.,/]` before it). For each run
    of digits, the places whose first digit it is are those after the run before it: a
    match starts there only on the run's first digit, or on lead words ending right
    before it (white space apart), which the last word of the text before it shows. Then
    the search starts at the first of the pieces of text (between white space) made of
    such words alone, walking back from the number: a match starts at or after it."""
    g = _grammar()
    if g.lead_end is None or g.lead_piece is None:
        return g.embedded.search(text, start)
    after = start  # where the places of the next run of digits begin
    for run in _DIGITS.finditer(text, start):
        first, region = run.start(), after
        after = run.end()
        if first > 0 and ((before := text[first - 1]).isalnum() or before in "_.,/"):
            continue  # no number starts here: no match has it as its first digit
        head = text[region:first].rstrip()
        if head and g.lead_end.search(head.rsplit(None, 1)[-1]):
            while head:
                rest = head.rsplit(None, 1)
                if not g.lead_piece.fullmatch(rest[-1]):
                    region += len(head) - len(rest[-1])
                    break
                head = rest[0] if len(rest) == 2 else ""
            return g.embedded.search(text, region)
        # at this digit (no [\w.,/] before it) the gate of `embedded` holds and no lead or
        # operator word starts (none holds a digit): `embedded` matches what the pattern
        # without them matches
        match = g.number_head.match(text, first)
        if match is not None:
            return match
    return None


def _op_kind(op_text: str) -> str:
    if not op_text:
        return ""
    if op_text in _SYMBOLS:
        return "symbol"
    return "strong" if fold(op_text) in _grammar().strong_ops else "word"


@text_cache
def find_embedded_target(name: str) -> str | None:
    """The first target printed anywhere in a text ("chiếm 45% GRDP" → "45% GRDP",
    "ít nhất 20 tập dữ liệu"), as printed, from its operator or number on; None if none."""
    text = clean_text(name)
    for cand in _candidates(text):
        return text[cand.raw_start:cand.end]
    return None


_END_BRACKET = lazy(re.compile, r"^(?P<head>.*\S)\s*\((?P<inner>[^()]*\d[^()]*)\)$", re.S)


@text_cache
def split_embedded_target(name: str) -> tuple[str, str | None]:
    """Cut a target printed at the end of an indicator's text off it, with its lead-in:
    "Tỷ lệ …: ≥80%" → ("Tỷ lệ …", "≥80%"); "… đạt tối thiểu 80%" → ("…", "tối thiểu 80%").
    Names with no such target come back cleaned and otherwise unchanged."""
    text = clean_text(name)
    stripped = text.rstrip(" .;")
    if not _DIGIT.search(stripped, max(0, len(stripped) - _UNIT_TAIL)):
        return text, None           # no number near the end: nothing to cut
    # a footnote mark after the target ("≥ 90% (*)", "100%¹") is not part of it. (Each
    # pattern below ends in a character it needs at the end or in the text: looked for
    # first, as most names have none. `$` also matches before a final line break.)
    if not _FOOTNOTE_ENDS.isdisjoint(stripped[-2:]):
        stripped = _FOOTNOTE.sub("", stripped).rstrip(" .;")
    bracket_end = ")" in stripped[-2:]
    bracketed = _bracketed_end_target(stripped) if bracket_end else None
    if bracketed is not None:
        return bracketed
    if "/" in stripped and (counted := _end_fraction(stripped)) is not None:
        return counted
    in_which = _IN_WHICH.search(stripped)
    if in_which is not None and (headline := _headline_target(stripped, in_which)):
        return headline
    # "… đạt 50% (8 xã)": a bracket explaining the target goes with it
    explained = _TRAILING_BRACKET.search(stripped) if bracket_end else None
    core = stripped[:explained.start()].rstrip() if explained else stripped
    for cand in _candidates(core, after_colon=True):
        if cand.end != len(core):
            continue
        head, lead_in = _head_and_lead_in(core, cand)
        if _LETTER.search(head) and not _only_leads(head) and _is_end_target(cand, lead_in) \
                and (lead_in or not _grammar().object_leads.search(head)):
            return head, stripped[cand.raw_start:] if explained else core[cand.raw_start:]
        break
    return text, None


# "…, trong đó …": a part of the headline target, itself with a target
_IN_WHICH = lazy(re.compile, r"[,;]\s*trong\s+đó\b", re.IGNORECASE)


def _headline_target(text: str, in_which: re.Match[str]) -> tuple[str, str] | None:
    """"Tỷ lệ … đạt 72%, trong đó nông thôn đạt 30%": the target ending the text before
    "trong đó" is the row's (the part after it goes with it, a second target), not the
    last one printed."""
    if not _DIGIT.search(text, in_which.end()):
        return None  # "…, trong đó vốn ngân sách chiếm phần lớn": a sentence going on
    before = text[:in_which.start()]
    head, target = split_embedded_target(before)
    if target is None or not before.endswith(target):
        return None
    return head, target + text[in_which.start():]


_END_FRACTION = lazy(re.compile,
    r"^(?P<head>.*?\S)\s*(?::|,?\s+đạt)\s*"
    r"(?P<target>\d{1,6}\s*/\s*\d{1,6}(?:\s+[^\W\d_][\w ]{0,30})?)$", re.IGNORECASE | re.S)
# what follows the fraction's slash in `_END_FRACTION`: no slash, so it is the text's last one
_AFTER_FRACTION_SLASH = lazy(re.compile, r"\s*\d{1,6}(?:\s+[^\W\d_][\w ]{0,30})?$",
                             re.IGNORECASE | re.S)


def _end_fraction(text: str) -> tuple[str, str] | None:
    """"Tỷ lệ xã đạt chuẩn … đạt 3/3 xã", "…: 10/10 thôn": a count out of a total after "đạt"
    or a colon ends the name; it is cut off as any target is."""
    # (a name whose last slash starts no count's total, "(4G/5G): ≥80%", is not tried whole)
    if not _AFTER_FRACTION_SLASH.match(text, text.rfind("/") + 1):
        return None
    match = _END_FRACTION.match(text)
    if match is None or not _LETTER.search(match["head"]):
        return None
    target, _ = parse_target(match["target"])
    if target is None or target.value is None or target.text is None:
        return None
    return match["head"], match["target"]


_FOOTNOTE = lazy(re.compile,
                 r"(?<=[\d%％])\s*(?:\(\s*(?:\*{1,3}|\d{1,2})\s*\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3})$")
_TRAILING_BRACKET = lazy(re.compile, r"(?<=[\d%％\w])\s*\([^()]*\)$")
_FOOTNOTE_ENDS = frozenset(")*¹²³⁴⁵⁶⁷⁸⁹⁰")  # what a _FOOTNOTE match ends with


def _bracketed_end_target(text: str) -> tuple[str, str] | None:
    """"Tỷ lệ … (≥ 80%)": the whole bracket is the target, its brackets its lead-in."""
    match = _END_BRACKET.search(text)
    if match is None or not _LETTER.search(match["head"]):
        return None
    inner = match["inner"].strip()
    for cand in _candidates(inner, after_colon=True):
        whole = cand.end == len(inner) and not _LETTER.search(inner[:cand.start])
        if whole and (cand.op_kind in ("symbol", "strong") or cand.pct):
            return match["head"].rstrip(" ,;:-–"), inner[cand.raw_start:cand.end]
        break
    return None


def _head_and_lead_in(text: str, cand: _Candidate) -> tuple[str, str]:
    """The name before a target, and what introduced the target (":", "-", "đạt" …)."""
    head = text[:cand.start].rstrip()
    lead_in = "đạt" if _splits_off(cand.lead) else ""
    if rate := _grammar().rate_lead.search(head):
        lead_in, head = lead_in or ",", head[:rate.start()]
    if head and head[-1] in ":,;":
        lead_in, head = lead_in or head[-1], head[:-1]
    elif len(head) > 1 and head[-1] in _DASH_CLASS and head[-2].isspace():
        lead_in, head = lead_in or "-", head[:-1]
    return head.rstrip(), lead_in


def _splits_off(lead: str) -> bool:
    """Lead words after which a target at the end of a name is cut off with them: "đạt",
    a level ("giảm còn") or a change ("giảm")."""
    if not lead:
        return False
    g = _grammar()
    if lead in g.split_leads:
        return True
    phrases = [fold(m.group()) for m in g.lead_phrase.finditer(lead)]
    return bool(phrases) and all(p in g.split_leads or p in g.changes for p in phrases)


def _only_leads(head: str) -> bool:
    """"Phấn đấu" before "giảm 10%": lead words, not a name."""
    if is_plain(head) and _wordy_pieces(head, _most_lead_words()) > _most_lead_words():
        return False  # (a name: folding it whole to find out is most of this function's time)
    return fold(head).strip(" ,;:-") in _grammar().all_leads


_WORDY = lazy(re.compile, r"\w")


def _wordy_pieces(text: str, most: int | None = None) -> int:
    """How many of a plain text's space-separated pieces hold a letter or digit: each is at
    least one word of its fold, whatever punctuation the fold's ends lose. With `most`,
    counting stops past it (`most` + 1: more than `most`)."""
    if most is not None:
        # a name's first pieces are words: counting stops there, without splitting the rest
        first = text.split(" ", most + 1)[:most + 1]
        if len(first) == most + 1 and all(map(_WORDY.search, first)):
            return most + 1
    count = 0
    for piece in text.split(" "):
        if _WORDY.search(piece):
            count += 1
            if most is not None and count > most:
                break
    return count


@cache
def _most_lead_words() -> int:
    return max((len(lead.split()) for lead in _grammar().all_leads), default=0)


def _is_end_target(cand: _Candidate, lead_in: str) -> bool:
    if cand.op_kind == "symbol":
        return True
    if cand.pct:
        return bool(lead_in or cand.op_kind)
    if cand.op_kind == "strong" and not cand.parsed.unit_words:
        return True
    return lead_in in (":", "đạt") and (cand.parsed.unit_words or cand.op_kind != "")
