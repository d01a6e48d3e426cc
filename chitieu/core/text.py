"""Cleaning and comparison keys for printed Vietnamese text.

`clean_text` resolves what readers leave in a cell (HTML/Markdown markup, LaTeX, entities,
odd spaces) but keeps the wording as printed. `fold` and `ascii_fold` build comparison keys:
they are for matching, never for output.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

from unidecode import unidecode

from chitieu.core.patterns import compile_re, compile_regex, lazy

__all__ = [
    "ascii_fold", "clean_text", "fold", "fold_words", "is_bold_markup", "is_plain",
    "strip_trailing_dot",
]

# Anything that means the slow path is needed. Plain cells (most of them) skip all the rest.
# (two spaces in a row need work too: looked for with `in`, a regex alternation is slower)
_NEEDS_WORK_CHAR = lazy(re.compile,
    r"[<*$\\&_\u00a0\u00ad\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\uff01-\uff5e"
    r"\t\n\r\f\v]"
)


def _needs_work(s: str) -> bool:
    return "  " in s or _NEEDS_WORK_CHAR.search(s) is not None


def is_plain(s: str) -> bool:
    """No markup, entity, LaTeX, doubled space, nor any white space or control character
    but the plain space in `s`: all that `clean_text` and `fold` may still change is local
    to each space-separated word (its normalization), so `s` can be folded word by word."""
    return s.isprintable() and not _needs_work(s)


_LINE_BREAK_TAG = lazy(re.compile, r"<\s*br\s*/?\s*>|<\s*/?\s*(?:p|div|tr|li)\b[^>]*>", re.I)
_INLINE_TAG = lazy(re.compile,
    r"<\s*/?\s*(?:b|i|u|s|em|strong|sup|sub|span|font|mark|small|big|strike|del|ins)\b[^>]*>",
    re.I,
)
_ENTITY = lazy(re.compile, r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# LaTeX commands seen in OCR output of tables, longest names first where one prefixes another.
_LATEX_SYMBOLS = {
    "geqslant": "≥", "geqq": "≥", "geq": "≥", "ge": "≥", "textgreater": ">",
    "leqslant": "≤", "leqq": "≤", "leq": "≤", "le": "≤", "textless": "<",
    "neq": "≠", "ne": "≠", "approx": "≈", "sim": "~", "times": "×", "cdot": "·",
    "div": "÷", "pm": "±", "circ": "°", "degree": "°", "rightarrow": "→", "to": "→",
    "ldots": "…", "dots": "…", "cdots": "…", "infty": "∞",
    "lt": "<", "gt": ">",
}
_LATEX_SYMBOL = lazy(re.compile,
    r"\\(" + "|".join(sorted(_LATEX_SYMBOLS, key=len, reverse=True)) + r")(?![A-Za-z])"
)
_LATEX_TEXT = lazy(re.compile,
    r"\\(?:text|textbf|textit|textrm|mathrm|mathbf|mathit|operatorname|mbox)\s*\{([^{}]*)\}"
)
_LATEX_SPACING = lazy(re.compile, r"\\(?:[,;:! ]|quad|qquad)(?![A-Za-z])")
_LATEX_SIZING = lazy(re.compile, r"\\(?:left|right|big|Big|bigg|Bigg)(?![A-Za-z])")
_LATEX_SUPERSCRIPT = lazy(re.compile, r"\^\{?(°|\\circ)\}?")
# A superscript in math: a footnote mark after a word ("4G${ }^{*}$", "${ }^{(1)}$") or an
# exponent ("m^{2}"), kept as printed: "4G*", "⁽¹⁾", "m²".
_LATEX_RAISED = lazy(re.compile, r"(?:\{\s*\})?\s*\^\s*(?:\{([^{}]*)\}|([^\s{}\\]))")
_SUPERSCRIPTS = str.maketrans("0123456789()+-=", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾⁺⁻⁼")
_MATH_SPAN = lazy(re.compile, r"\$\$?([^$]*?)\$\$?")
_BRACES_IN_MATH = lazy(re.compile, r"[{}]")

# A backslash before a Markdown/LaTeX special character only escapes it.
_ESCAPED = lazy(re.compile, r"\\([|*_#%&$<>\[\](){}.\-+!`~^])")
_ESCAPED_STAR, _ESCAPED_UNDERSCORE = "\ue000", "\ue001"

_STRONG = lazy(re.compile, r"\*\*|__")
# A closing star may touch the next word when a space precedes it ("*Đơn vị: *Sở Tài chính").
_EMPHASIS_STAR = lazy(re.compile, r"(?<![\w*])\*(?=[^\s*)])([^*\n]+?)(?:(?<=\s)\*|\*(?!\w))")
_EMPHASIS_UNDERSCORE = lazy(re.compile, r"(?<![\w_])_(?=\S)([^_\n]+?)_(?![\w_])")

_FULLWIDTH = lazy(re.compile, r"[\uff01-\uff5e]")
_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_INVISIBLE = lazy(re.compile, r"[\u00ad\u200b-\u200f\u2060\ufeff]")
_SPACES = lazy(re.compile, r"\s+")

_BOLD_RUN = lazy(re.compile,
    r"\s*(?:<\s*(b|strong)\b[^>]*>(?P<h>.*?)<\s*/\s*\1\s*>|\*\*(?P<m>.*?)\*\*|__(?P<u>.*?)__)\s*",
    re.I | re.S,
)

# Old-style tone placement ("hòa", "khỏe", "thủy") moved onto the second vowel ("hoà"),
# only where the vowel pair ends the syllable: "hoàn" is the same in both styles.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OLD_TONE = lazy(compile_regex, rf"([oOuU])([{_TONES}])([aAeEyY])(?![\p{{L}}\p{{M}}])")
_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-", "‐": "-", "‑": "-", "―": "-"})
# `str.translate` with a dict visits every character in Python-level lookups: look first.
_ANY_DASH = lazy(re.compile, "[" + "".join(map(chr, _DASHES)) + "]")


def _old_tone_gate(_: str, flags: int = 0) -> re.Pattern:
    """Where `_OLD_TONE` may match, found in the composed (NFC) text without decomposing it:
    a composed o/u carrying one tone mark right before a bare a/e/y, or any combining mark
    left uncomposed. Text without either cannot change (NFC of its NFD is itself)."""
    latin = [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]  # where composed o/u live
    toned = [chr(c) for c in latin
             if (d := unicodedata.normalize("NFD", chr(c)))[:1] in "oOuU"
             and len(d) == 2 and d[1] in _TONES]
    return compile_re(f"[{''.join(toned)}][aAeEyY]|[\u0300-\u036f\u1dc0-\u1dff"
                      "\u20d0-\u20ff\ufe20-\ufe2f]", flags)


_OLD_TONE_GATE = lazy(_old_tone_gate, "")  # built and compiled on first use


_Result = TypeVar("_Result")

# Strings up to this length are mostly cells that recur across rows and documents (units,
# targets, agencies, deadlines): many are kept. Longer ones are mostly names, new in every
# row: only the latest are kept, so that a large document's cache does not grow with it.
SHORT_TEXT = 64
SHORT_CACHED, LONG_CACHED = 65536, 512


def text_cache(func: Callable[..., _Result]) -> Callable[..., _Result]:
    """`lru_cache` for a function of a text (and more arguments): short texts in a large
    cache, long ones in a small one (see SHORT_TEXT). `cache_clear` clears both."""
    short = lru_cache(maxsize=SHORT_CACHED)(func)
    long = lru_cache(maxsize=LONG_CACHED)(func)

    @wraps(func)
    def cached(text: Any, *args: Any) -> _Result:
        if text is None or len(text) <= SHORT_TEXT:
            return short(text, *args)
        return long(text, *args)

    def cache_clear() -> None:
        short.cache_clear()
        long.cache_clear()

    cached.cache_clear = cache_clear  # type: ignore[attr-defined]
    return cached


def unescape_entity(match: Any) -> str:
    """An HTML entity ("&amp;", "&#273;") matched in a text, as the character it stands for
    (`html` is imported on the first one: a "&" is mostly "Thông tin & Truyền thông")."""
    import html

    return html.unescape(match.group(0))


def _clean_text(s: str | None) -> str:
    """The text as printed, with markup, LaTeX, entities and odd white space resolved."""
    if not s:
        return ""
    if not _needs_work(s) and s == s.strip() and unicodedata.is_normalized("NFC", s):
        return s
    # An unescaped "\\*" can pair with a star next to it, so clean until nothing changes
    # (every pass that changes the text shortens it): cleaning clean text changes nothing.
    cleaned = _clean_once(s)
    while cleaned != s and _needs_work(cleaned):
        s, cleaned = cleaned, _clean_once(cleaned)
    return cleaned


class _Cleaned(dict):
    """Each text `clean_text` was asked for, cleaned once (at most SHORT_CACHED kept, then
    all let go): what it keeps is mostly the document's own strings, returned as they are."""

    def __missing__(self, s: str | None) -> str:
        cleaned = _clean_text(s)
        if len(self) >= SHORT_CACHED:
            self.clear()
        self[s] = cleaned
        return cleaned


# `clean_text(s)`: the text as printed, with markup, LaTeX, entities and odd white space
# resolved (`_clean_text`). Called most (every cell, at every stage: ~25 times a row), so
# looked up in C: no Python call, nor the bookkeeping of an lru_cache (40 % of a hit's time).
_CLEANED = _Cleaned()
clean_text: Callable[[str | None], str] = _CLEANED.__getitem__


def _clean_once(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    if _FULLWIDTH.search(s):  # OCR of East-Asian fonts: "＞ 85", "８０％", "Tháng ９/２０２６"
        s = s.translate(_HALFWIDTH)
    s = _LINE_BREAK_TAG.sub(" ", s)
    s = _INLINE_TAG.sub("", s)
    if "&" in s:
        s = _ENTITY.sub(unescape_entity, s)
    if "\\" in s or "$" in s:
        s = _resolve_latex(s)
    if "\\" in s:
        s = s.replace("\\*", _ESCAPED_STAR).replace("\\_", _ESCAPED_UNDERSCORE)
        s = _ESCAPED.sub(r"\1", s)
    if "*" in s or "_" in s:
        s = _resolve_markdown(s)
    s = s.replace(_ESCAPED_STAR, "*").replace(_ESCAPED_UNDERSCORE, "_")
    s = _INVISIBLE.sub("", s)
    s = _SPACES.sub(" ", s).strip()
    return unicodedata.normalize("NFC", s)


def _resolve_latex(s: str) -> str:
    s = s.replace("\\%", "%")
    s = _LATEX_TEXT.sub(r"\1", s)
    s = _LATEX_SUPERSCRIPT.sub("°", s)
    if "^" in s:
        s = _LATEX_RAISED.sub(_raised, s)
    s = _LATEX_SYMBOL.sub(lambda m: _LATEX_SYMBOLS[m.group(1)], s)
    s = _LATEX_SIZING.sub("", s)
    s = _LATEX_SPACING.sub(" ", s)
    if "$" in s:
        s = _MATH_SPAN.sub(lambda m: _BRACES_IN_MATH.sub("", m.group(1)), s)
    return s


def _raised(m: re.Match) -> str:
    mark = (m.group(1) if m.group(1) is not None else m.group(2)).strip()
    if mark and all(c in "0123456789()+-=" for c in mark):
        return mark.translate(_SUPERSCRIPTS)
    return _ESCAPED_STAR * len(mark) if mark.strip("*") == "" else mark


def _resolve_markdown(s: str) -> str:
    s = _STRONG.sub("", s)
    s = _EMPHASIS_STAR.sub(r"\1", s)
    return _EMPHASIS_UNDERSCORE.sub(r"\1", s)


@text_cache
def fold(s: str) -> str:
    """Comparison key: cleaned, one tone placement, case-folded, dashes unified."""
    if s.isascii():
        return clean_text(clean_text(s).casefold())
    # Dashes are unified before cleaning too, so that "\\–" cannot become an escaped "\\-".
    s = clean_text(_unify_dashes(s))
    if _OLD_TONE_GATE.search(s):  # else NFD, no match, NFC gives `s` back (it is NFC)
        moved = _OLD_TONE.sub(_tone_after_vowel, unicodedata.normalize("NFD", s))
        s = unicodedata.normalize("NFC", moved)
    return clean_text(_unify_dashes(s).casefold())


def _tone_after_vowel(m: Any) -> str:
    # `sub(r"\1\3\2")` written out: a template would make `regex` import its Python half
    return m[1] + m[3] + m[2]


def fold_words(s: str, most: int) -> str:
    """The first `most` words of `fold(s)` (all of it when it has no more). Plain text (see
    `is_plain`) with no space at either end is folded word by word and only as far as
    needed: the start of a new name, its words folded once each."""
    pieces = s.split(" ", most)
    if len(pieces) <= most or not is_plain(s) or s[0] == " " or s[-1] == " ":
        return " ".join(fold(s).split(" ")[:most])
    return " ".join(map(fold, pieces[:most]))


def _unify_dashes(s: str) -> str:
    return s.translate(_DASHES) if _ANY_DASH.search(s) else s


@text_cache
def ascii_fold(s: str) -> str:
    """`fold` without diacritics ("đ" → "d"), for fuzzy matching."""
    return to_ascii(fold(s))


class _AsciiTable(dict):
    """unidecode's reading of each character, looked up once per character: unidecode
    replaces character by character, so `str.translate` with this table gives the same text
    at C speed (unidecode itself loops in Python over every character of every string)."""

    def __missing__(self, code: int) -> str:
        self[code] = reading = unidecode(chr(code))
        return reading


_ASCII = _AsciiTable()


_ASCII_WORDS: dict[str, str] = {}  # a word's reading: names are new, their words recur
_MAX_ASCII_WORDS, _MAX_CACHED_WORD = 200_000, 40


def to_ascii(s: str) -> str:
    """`unidecode(s)`, fast: "Tỷ lệ đạt ≥ 80%" → "Ty le dat >= 80%". Per character, so
    also per space-separated word: each word is translated once and then looked up."""
    if s.isascii():
        return s
    words = _ASCII_WORDS
    known = words.get(s)
    if known is not None:  # a word (or a letter) seen before
        return known
    if len(words) > _MAX_ASCII_WORDS:
        words.clear()
    out = []
    for word in s.split(" "):
        reading = words.get(word)
        if reading is None:
            reading = word if word.isascii() else word.translate(_ASCII)
            if len(word) <= _MAX_CACHED_WORD:
                words[word] = reading
        out.append(reading)
    return " ".join(out)


def is_bold_markup(s: str | None) -> bool:
    """True when the whole cell is wrapped in bold markup (one or several bold runs)."""
    if not s or not s.strip():
        return False
    if "<" not in s and "**" not in s and "__" not in s:
        return False  # no bold run can start anywhere: most cells, decided without a regex
    pos, inner = 0, []
    while pos < len(s):
        m = _BOLD_RUN.match(s, pos)
        if not m or m.end() == pos:
            return False
        inner.append(m.group("h") or m.group("m") or m.group("u") or "")
        pos = m.end()
    return bool(clean_text(" ".join(inner)))


# "1.", "I -", "II:" but not a lone bullet "-": the mark must follow the number itself
_TRAILING_MARK = lazy(compile_regex, r"(?<=\w)\s*[.\-–—:]+\s*$")


def strip_trailing_dot(number: str) -> str:
    """A row number without its trailing dot or dash: "1." → "1", "I." → "I", "I -" → "I"."""
    return _TRAILING_MARK.sub("", number.strip())


_Parsed = TypeVar("_Parsed")


def cached_cell_parser(parse: Callable[..., tuple[_Parsed, list[str]]]
                       ) -> Callable[..., tuple[_Parsed, list[str]]]:
    """A cell grammar ((value, warning codes) from a printed cell) parsed once per argument list:
    the same cells ("≥ 70", "Năm 2026") recur across rows and documents. The value is shared
    between callers, who copy it to change it (`model_copy`); the warnings are a fresh list."""
    @lru_cache(maxsize=65536)
    def cached(*args: Any, **kwargs: Any) -> tuple[_Parsed, tuple[str, ...]]:
        value, warnings = parse(*args, **kwargs)
        return value, tuple(warnings)

    @wraps(parse)
    def parse_cell(*args: Any, **kwargs: Any) -> tuple[_Parsed, list[str]]:
        value, warnings = cached(*args, **kwargs)
        return value, list(warnings)

    return parse_cell
