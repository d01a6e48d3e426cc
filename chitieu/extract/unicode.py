"""Bytes to text: BOMs, UTF-16, legacy code pages, NFD → NFC."""

from __future__ import annotations

import codecs
import re
import unicodedata

from chitieu.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes) -> str:
    """Decode a text file whatever its encoding, NFC-normalized, newlines as "\\n"."""
    if not data.strip():
        raise InputError("the file is empty", code="empty")
    text = _decode(data)
    if _looks_binary(text):
        raise _binary_error()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if _looks_utf16(data):
        return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise _binary_error()
    return str(best)


def _binary_error() -> InputError:
    return InputError("this is not a text document (binary content); supported: text, "
                      "Markdown, HTML, PDF, DOCX, XLSX, CSV, PNG/JPEG/TIFF", code="binary")


def _looks_utf16(data: bytes) -> bool:
    sample = data[:200]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) // 2
    return max(zeros_even, zeros_odd) > half * 0.4


_JUNK = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def _looks_binary(text: str) -> bool:
    sample = text[:4000]
    return bool(sample) and len(_JUNK.findall(sample)) / len(sample) > 0.05
