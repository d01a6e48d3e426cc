"""Cleaning and comparison keys for printed Vietnamese text.

`clean_text` resolves what readers leave in a cell (HTML/Markdown markup, LaTeX, entities,
odd spaces) but keeps the wording as printed. `fold` and `ascii_fold` build comparison keys:
they are for matching, never for output.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

import regex
from unidecode import unidecode

from chitieu.core.patterns import compile_re, lazy

__all__ = ["ascii_fold", "clean_text", "fold", "is_bold_markup", "strip_trailing_dot"]

# Anything that means the slow path is needed. Plain cells (most of them) skip all the rest.
_NEEDS_WORK = lazy(compile_re,
    r"[<*$\\&_\u00a0\u00ad\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\uff01-\uff5e"
    r"\t\n\r\f\v]"
    r"|  "
)

_LINE_BREAK_TAG = lazy(compile_re, r"<\s*br\s*/?\s*>|<\s*/?\s*(?:p|div|tr|li)\b[^>]*>", re.I)
_INLINE_TAG = lazy(compile_re,
    r"<\s*/?\s*(?:b|i|u|s|em|strong|sup|sub|span|font|mark|small|big|strike|del|ins)\b[^>]*>",
    re.I,
)
_ENTITY = lazy(compile_re, r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# LaTeX commands seen in OCR output of tables, longest names first where one prefixes another.
_LATEX_SYMBOLS = {
    "geqslant": "≥", "geqq": "≥", "geq": "≥", "ge": "≥", "textgreater": ">",
    "leqslant": "≤", "leqq": "≤", "leq": "≤", "le": "≤", "textless": "<",
    "neq": "≠", "ne": "≠", "approx": "≈", "sim": "~", "times": "×", "cdot": "·",
    "div": "÷", "pm": "±", "circ": "°", "degree": "°", "rightarrow": "→", "to": "→",
    "ldots": "…", "dots": "…", "cdots": "…", "infty": "∞",
    "lt": "<", "gt": ">",
}
_LATEX_SYMBOL = lazy(compile_re,
    r"\\(" + "|".join(sorted(_LATEX_SYMBOLS, key=len, reverse=True)) + r")(?![A-Za-z])"
)
_LATEX_TEXT = lazy(compile_re,
    r"\\(?:text|textbf|textit|textrm|mathrm|mathbf|mathit|operatorname|mbox)\s*\{([^{}]*)\}"
)
_LATEX_SPACING = lazy(compile_re, r"\\(?:[,;:! ]|quad|qquad)(?![A-Za-z])")
_LATEX_SIZING = lazy(compile_re, r"\\(?:left|right|big|Big|bigg|Bigg)(?![A-Za-z])")
_LATEX_SUPERSCRIPT = lazy(compile_re, r"\^\{?(°|\\circ)\}?")
# A superscript in math: a footnote mark after a word ("4G${ }^{*}$", "${ }^{(1)}$") or an
# exponent ("m^{2}"), kept as printed: "4G*", "⁽¹⁾", "m²".
_LATEX_RAISED = lazy(compile_re, r"(?:\{\s*\})?\s*\^\s*(?:\{([^{}]*)\}|([^\s{}\\]))")
_SUPERSCRIPTS = str.maketrans("0123456789()+-=", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾⁺⁻⁼")
_MATH_SPAN = lazy(compile_re, r"\$\$?([^$]*?)\$\$?")
_BRACES_IN_MATH = lazy(compile_re, r"[{}]")

# A backslash before a Markdown/LaTeX special character only escapes it.
_ESCAPED = lazy(compile_re, r"\\([|*_#%&$<>\[\](){}.\-+!`~^])")
_ESCAPED_STAR, _ESCAPED_UNDERSCORE = "\ue000", "\ue001"

_STRONG = lazy(compile_re, r"\*\*|__")
# A closing star may touch the next word when a space precedes it ("*Đơn vị: *Sở Tài chính").
_EMPHASIS_STAR = lazy(compile_re, r"(?<![\w*])\*(?=[^\s*)])([^*\n]+?)(?:(?<=\s)\*|\*(?!\w))")
_EMPHASIS_UNDERSCORE = lazy(compile_re, r"(?<![\w_])_(?=\S)([^_\n]+?)_(?![\w_])")

_FULLWIDTH = lazy(compile_re, r"[\uff01-\uff5e]")
_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_INVISIBLE = lazy(compile_re, r"[\u00ad\u200b-\u200f\u2060\ufeff]")
_SPACES = lazy(compile_re, r"\s+")

_BOLD_RUN = lazy(compile_re,
    r"\s*(?:<\s*(b|strong)\b[^>]*>(?P<h>.*?)<\s*/\s*\1\s*>|\*\*(?P<m>.*?)\*\*|__(?P<u>.*?)__)\s*",
    re.I | re.S,
)

# Old-style tone placement ("hòa", "khỏe", "thủy") moved onto the second vowel ("hoà"),
# only where the vowel pair ends the syllable: "hoàn" is the same in both styles.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OLD_TONE = lazy(regex.compile, rf"([oOuU])([{_TONES}])([aAeEyY])(?![\p{{L}}\p{{M}}])")
_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-", "‐": "-", "‑": "-", "―": "-"})


@lru_cache(maxsize=65536)
def clean_text(s: str | None) -> str:
    """The text as printed, with markup, LaTeX, entities and odd white space resolved."""
    if not s:
        return ""
    if not _NEEDS_WORK.search(s) and s == s.strip() and unicodedata.is_normalized("NFC", s):
        return s
    # An unescaped "\\*" can pair with a star next to it, so clean until nothing changes
    # (every pass that changes the text shortens it): cleaning clean text changes nothing.
    cleaned = _clean_once(s)
    while cleaned != s and _NEEDS_WORK.search(cleaned):
        s, cleaned = cleaned, _clean_once(cleaned)
    return cleaned


def _clean_once(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    if _FULLWIDTH.search(s):  # OCR of East-Asian fonts: "＞ 85", "８０％", "Tháng ９/２０２６"
        s = s.translate(_HALFWIDTH)
    s = _LINE_BREAK_TAG.sub(" ", s)
    s = _INLINE_TAG.sub("", s)
    if "&" in s:
        s = _ENTITY.sub(lambda m: html.unescape(m.group(0)), s)
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


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Comparison key: cleaned, one tone placement, case-folded, dashes unified."""
    if s.isascii():
        return clean_text(clean_text(s).casefold())
    # Dashes are unified before cleaning too, so that "\\–" cannot become an escaped "\\-".
    s = clean_text(s.translate(_DASHES))
    moved = _OLD_TONE.sub(r"\1\3\2", unicodedata.normalize("NFD", s))
    s = unicodedata.normalize("NFC", moved).translate(_DASHES)
    return clean_text(s.casefold())


@lru_cache(maxsize=65536)
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


def to_ascii(s: str) -> str:
    """`unidecode(s)`, fast: "Tỷ lệ đạt ≥ 80%" → "Ty le dat >= 80%"."""
    return s if s.isascii() else s.translate(_ASCII)


def is_bold_markup(s: str | None) -> bool:
    """True when the whole cell is wrapped in bold markup (one or several bold runs)."""
    if not s or not s.strip():
        return False
    pos, inner = 0, []
    while pos < len(s):
        m = _BOLD_RUN.match(s, pos)
        if not m or m.end() == pos:
            return False
        inner.append(m.group("h") or m.group("m") or m.group("u") or "")
        pos = m.end()
    return bool(clean_text(" ".join(inner)))


# "1.", "I -", "II:" but not a lone bullet "-": the mark must follow the number itself
_TRAILING_MARK = lazy(regex.compile, r"(?<=\w)\s*[.\-–—:]+\s*$")


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
