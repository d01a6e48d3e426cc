"""Bytes to text: BOMs, UTF-16, Windows-1258, legacy font encodings, NFD → NFC.

Vietnamese text files come from many Windows tools: UTF-8 (with or without BOM), UTF-16
(Notepad's "Unicode", sometimes without BOM), Windows-1258 (which writes tone marks as
separate combining characters), and text typed in legacy fonts — TCVN3 (".VnTime") or VNI
— saved as bytes, or pasted into a UTF-8 file as the Windows-1252 letters those fonts show
("Tû lÖ" for "Tỷ lệ"). Each is decoded to Unicode with a document warning naming what was
decoded; bytes no candidate reads as Vietnamese are a clear error, never silent mojibake.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from chitieu.core.dataclass import dataclass, field
from chitieu.core.patterns import lazy
from chitieu.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# UTF-8 with a few broken bytes (a truncated download, one character typed in another code
# page) is still UTF-8: at most this share of its non-ASCII characters may be broken
_MAX_BROKEN_UTF8 = 0.05


@dataclass(slots=True)
class Decoded:
    """Decoded text (NFC, newlines "\\n") and warnings saying how it was decoded."""

    text: str
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes) -> str:
    """Decode a text file whatever its encoding, NFC-normalized, newlines as "\\n"."""
    return decode_text(data).text


def decode_text(data: bytes) -> Decoded:
    """Decode a text file whatever its encoding; the warnings name any encoding other than
    UTF-8/UTF-16 with BOM ("encoding_decoded:windows-1258", "legacy_font_decoded:tcvn3")."""
    if not data.strip():
        raise InputError("the file is empty", code="empty")
    decoded = _decode(data)
    if _looks_binary(decoded.text):
        raise _binary_error()
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    decoded.text = unicodedata.normalize("NFC", text)
    return decoded


def _decode(data: bytes) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding, errors="replace"))
    if _looks_utf16(data):
        # ASCII's zero byte is the high one: second in little-endian (the first character
        # may be a Vietnamese letter, with no zero byte at all)
        sample = data[:200]
        encoding = "utf-16-le" if sample[1::2].count(0) >= sample[0::2].count(0) else "utf-16-be"
        return Decoded(data.decode(encoding, errors="replace"), [f"encoding_decoded:{encoding}"])
    try:
        return _unlegacy(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    utf8 = data.decode("utf-8", errors="replace")
    broken = utf8.count("\ufffd")
    if broken <= _MAX_BROKEN_UTF8 * sum(1 for ch in utf8 if ord(ch) > 0x7F):
        return _unlegacy(utf8, [f"encoding_invalid_bytes:{broken}"])
    legacy = _legacy_code_page(data)
    if legacy is not None:
        return legacy
    return _guessed(data)


# UTF-8 of a Vietnamese letter read as Windows-1252: a lead byte's letter ("Ã", "Ä", "Æ",
# "á") before a continuation byte's ("¡", "»", "‘", "º"); Vietnamese text never prints these
# pairs ("XÃ " is followed by a space or a letter)
_DOUBLE_ENCODED = lazy(re.compile, "[\u00c2-\u00c6\u00e1][\u0080-\u00bf\u0152\u0153\u0160"
                       "\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")
_MIN_DOUBLE_ENCODED = 5


def _undouble(text: str) -> str | None:
    """UTF-8 read once as Windows-1252 and saved again as UTF-8 ("Tá»· lá»‡" for "Tỷ lệ", a
    page's text copied through a tool that took it for Windows-1252): read back with ftfy;
    None when the text is not that."""
    if len(_DOUBLE_ENCODED.findall(text[:20_000])) < _MIN_DOUBLE_ENCODED:
        return None
    if "\ufffd" in text:
        # the tool dropped the bytes Windows-1252 leaves undefined ("ề", "ọ", "ờ" …)
        raise InputError("this text is UTF-8 that was read as Windows-1252 and saved again "
                         "(\"Tá»· lá»‡\" for \"Tỷ lệ\"), and some of its letters were lost "
                         "on the way; convert the original file", code="encoding")
    import ftfy  # only for text that needs it

    fixed = ftfy.fix_encoding(text)
    return fixed if fixed != text else None


def _unlegacy(text: str, warnings: list[str] | None = None) -> Decoded:
    """Text typed in a legacy font and pasted into a Unicode file reads as Windows-1252
    letters ("Tû lÖ"); turn it into Vietnamese when that is what it is. UTF-8 read as
    Windows-1252 and saved again is read back too."""
    from chitieu.extract.pdf_legacy import codec, detect_encoding

    warnings = list(warnings or [])
    # every letter of U+1EA0-U+1EFF ("ả", "ệ", "ỷ") shows as "áº…" or "á»…": looked for first
    undone = _undouble(text) if "\u00e1\u00ba" in text or "\u00e1\u00bb" in text else None
    if undone is not None:
        return Decoded(undone, [*warnings, "encoding_repaired:utf-8-read-as-windows-1252"])
    encoding = detect_encoding(text[:200_000])
    if encoding is None:
        return Decoded(text, warnings)
    return Decoded(codec(encoding).decode(text), [*warnings, f"legacy_font_decoded:{encoding}"])


def _legacy_code_page(data: bytes) -> Decoded | None:
    """Windows-1258, or TCVN3/VNI bytes: the reading that gives the most Vietnamese words."""
    from chitieu.extract.pdf_legacy import ENCODINGS, codec, vietnamese_score

    sample = data[:200_000]
    candidates: dict[str, tuple[str, str]] = {}
    cp1258 = sample.decode("cp1258", errors="replace")
    candidates["windows-1258"] = (unicodedata.normalize("NFC", cp1258),
                                  "encoding_decoded:windows-1258")
    latin = sample.decode("latin-1")
    for name in ENCODINGS:
        candidates[name] = (codec(name).decode(latin), f"legacy_font_decoded:{name}")
    scores = {name: vietnamese_score(text) - 5 * text.count("\ufffd")
              for name, (text, _) in candidates.items()}
    best = max(scores, key=scores.__getitem__)
    if scores[best] <= 0:
        return None
    if best == "windows-1258":
        return Decoded(data.decode("cp1258", errors="replace"), [candidates[best][1]])
    return Decoded(codec(best).decode(data.decode("latin-1")), [candidates[best][1]])


def _guessed(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    from chitieu.extract.pdf_legacy import vietnamese_score

    odd = sum(1 for b in data if b > 0x7F)
    if odd <= max(8, 0.01 * len(data)):
        # ASCII text with a few stray bytes (a no-break space, a "©"): keep the text whole,
        # the stray bytes read as Windows-1258
        return Decoded(data.decode("cp1258", errors="replace"),
                       ["encoding_guessed:windows-1258"])
    best = from_bytes(data).best()
    if best is None:
        raise _binary_error()
    text = str(best)
    if not _looks_binary(text) and vietnamese_score(text) < 0:
        raise InputError(
            f"the text encoding is not recognised (not UTF-8, UTF-16, Windows-1258, TCVN3 or "
            f"VNI; the closest guess, {best.encoding}, gives no Vietnamese); save the file "
            "as UTF-8 and convert that", code="encoding")
    return Decoded(text, [f"encoding_guessed:{best.encoding}"])


def _binary_error() -> InputError:
    return InputError("this is not a text document (binary content); supported: text, "
                      "Markdown, HTML, PDF, DOCX, DOC, ODT, RTF, XLSX, XLS, ODS, CSV, "
                      "PNG/JPEG/TIFF", code="binary")


def _looks_utf16(data: bytes) -> bool:
    sample = data[:200]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) // 2
    return max(zeros_even, zeros_odd) > half * 0.4


_JUNK = lazy(re.compile, r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def _looks_binary(text: str) -> bool:
    sample = text[:4000]
    return bool(sample) and len(_JUNK.findall(sample)) / len(sample) > 0.05
