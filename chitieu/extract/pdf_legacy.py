"""Legacy Vietnamese font encodings in a PDF's text layer, read back as Unicode.

Documents typed before Unicode use fonts whose code points carry Vietnamese letters: TCVN3
(ABC: ".VnTime", ".VnArial"; the "H" fonts such as ".VnTimeH" show every letter in capitals)
and VNI ("VNI-Times": a vowel followed by a separate tone-mark byte). Their PDFs extract as
Windows-1252 text, "Tû lÖ" for "Tỷ lệ". The byte tables live in chitieu/data/tcvn3.csv and
vni.csv (`bytes` in hex → `unicode`).

A font is legacy when its name says so, or — names are often generic after embedding — when
its text has many Windows-1252 accented characters and none of the letters only Unicode
Vietnamese has (ạ, ư, ơ, đ …); the table whose decoding yields the most Vietnamese wins.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

from chitieu.core.dataclass import dataclass
from chitieu.core.lexicon import read_csv
from chitieu.core.patterns import lazy

ENCODINGS = ("tcvn3", "vni")

_SUBSET_PREFIX = lazy(re.compile, r"^[A-Z]{6}\+")
_STYLE_SUFFIX = lazy(re.compile, r"[,-](bold|italic|oblique|bolditalic|regular)+$", re.IGNORECASE)
# letters Unicode Vietnamese uses that no Windows-1252 reading of a legacy font can produce
_UNICODE_ONLY_VIETNAMESE = lazy(re.compile, "[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Latin-1 letters and signs that Vietnamese never uses: a decoding that leaves them is wrong
_FOREIGN_ACCENTS = lazy(re.compile, "[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8"
                              "\u00db-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8"
                              "\u00fb-\u00ff]")
_WORD = lazy(re.compile, r"[^\W\d_]+")
# a Vietnamese syllable without its tone: initial consonant(s), vowel nucleus, final consonant
_SYLLABLE = lazy(re.compile,
    "^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    "(iêu|yêu|oai|oao|oay|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê|"
    "[aăâeêioôơuưy])"
    "(ch|ng|nh|[cmnpt])?$")
_MIN_ACCENTED = 8
_MIN_ACCENTED_SHARE = 0.05


@dataclass(frozen=True)
class LegacyCodec:
    """One legacy encoding: what its bytes read as in Windows-1252 → the Unicode letter."""

    name: str
    singles: dict[str, str]
    pairs: dict[str, str]  # VNI: a vowel and its tone-mark byte

    def decode(self, text: str) -> str:
        out: list[str] = []
        i = 0
        while i < len(text):
            pair = self.pairs.get(text[i:i + 2]) if self.pairs else None
            if pair is not None:
                out.append(pair)
                i += 2
                continue
            out.append(self.singles.get(text[i], text[i]))
            i += 1
        return unicodedata.normalize("NFC", "".join(out))


def _readings(data: bytes) -> set[str]:
    """How these bytes come out of a PDF: Windows-1252, or Latin-1 where 1252 has no glyph."""
    readings = {data.decode("latin-1")}
    readings.add("".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data))
    return readings


@cache
def codec(name: str) -> LegacyCodec:
    singles: dict[str, str] = {}
    pairs: dict[str, str] = {}
    for row in read_csv(f"{name}.csv"):
        for reading in _readings(bytes.fromhex(row["bytes"])):
            (pairs if len(reading) == 2 else singles)[reading] = row["unicode"]
    return LegacyCodec(name, singles, pairs)


@lru_cache(maxsize=256)
def encoding_of_font(fontname: str) -> str | None:
    """The legacy encoding a font's name announces (".VnTime" → "tcvn3"), else None."""
    name = _SUBSET_PREFIX.sub("", fontname.replace("#2E", ".").replace("#2e", "."))
    lowered = name.lower()
    if lowered.startswith(".vn") or lowered.startswith("vn3-"):
        return "tcvn3"
    if lowered.startswith("vni-") or lowered.startswith("vni "):
        return "vni"
    return None


def is_capitals_font(fontname: str) -> bool:
    """TCVN3's "H" fonts (".VnTimeH") print lower-case codes as capitals."""
    name = _STYLE_SUFFIX.sub("", _SUBSET_PREFIX.sub("", fontname))
    return encoding_of_font(fontname) == "tcvn3" and name.endswith("H")


def detect_encoding(text: str) -> str | None:
    """Guess the legacy encoding of text whose font name says nothing; None for Unicode."""
    if _UNICODE_ONLY_VIETNAMESE.search(text):
        return None
    letters = sum(1 for ch in text if ch.isalpha())
    accented = sum(1 for ch in text if ord(ch) > 0x7F and not ch.isspace())
    if accented < _MIN_ACCENTED or accented < _MIN_ACCENTED_SHARE * max(letters, 1):
        return None
    scores = {name: vietnamese_score(codec(name).decode(text)) for name in ENCODINGS}
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] > 0 else None


def vietnamese_score(text: str) -> int:
    """Accented words that are Vietnamese syllables, less those that are not and less the
    Windows-1252 accents a decoding left behind."""
    score = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        decomposed = unicodedata.normalize("NFD", word.lower())
        tones = sum(1 for ch in decomposed if ch in _TONE_MARKS)
        bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed
                                                    if ch not in _TONE_MARKS))
        score += 1 if tones <= 1 and _SYLLABLE.match(bare) else -1
        score -= len(_FOREIGN_ACCENTS.findall(word))
    return score


def font_encodings(chars: Iterable[dict]) -> dict[str, str]:
    """fontname → legacy encoding, for the fonts of these chars that use one."""
    texts: dict[str, list[str]] = {}
    for char in chars:
        texts.setdefault(char["fontname"], []).append(char["text"])
    found = {}
    for fontname, parts in texts.items():
        encoding = encoding_of_font(fontname) or detect_encoding("".join(parts))
        if encoding:
            found[fontname] = encoding
    return found


def decode_chars(chars: list[dict], encodings: dict[str, str]) -> list[dict]:
    """Chars with legacy-font text turned into Unicode; a VNI vowel absorbs its tone mark."""
    if not encodings:
        return chars
    out: list[dict] = []
    i = 0
    while i < len(chars):
        char = chars[i]
        encoding = encodings.get(char["fontname"])
        if encoding is None:
            out.append(char)
            i += 1
            continue
        table = codec(encoding)
        nxt = chars[i + 1] if i + 1 < len(chars) else None
        if (table.pairs and nxt is not None and nxt["fontname"] == char["fontname"]
                and char["text"] + nxt["text"] in table.pairs
                and abs(nxt["top"] - char["top"]) < char["size"] / 2):
            text = table.pairs[char["text"] + nxt["text"]]
            char = {**char, "x1": max(char["x1"], nxt["x1"])}
            i += 2
        else:
            text = table.singles.get(char["text"], char["text"])
            i += 1
        if is_capitals_font(char["fontname"]):
            text = text.upper()
        out.append({**char, "text": text})
    return out
