"""What real files undergo on their way to us, as functions from text to text (or bytes).

Used by e2e/test_robustness.py (property tests) and extract/test_encodings.py. Each mutation
takes the document's text and a `random.Random` (so hypothesis chooses where it applies) and
returns the mutated document.
"""

from __future__ import annotations

import csv
import random
import re
import unicodedata
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "chitieu" / "data"

# ---------------------------------------------------------------- byte encodings


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Windows writes it: base letters it has (â, ơ, đ …) precomposed, the
    tone marks as separate combining characters."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = [c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323"]
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        try:
            out += (base + "".join(tones)).encode("cp1258")
        except UnicodeEncodeError:
            out += _ASCII_FALLBACK.get(ch, "?").encode("ascii")
    return bytes(out)


@cache
def _legacy_table(name: str) -> dict[str, bytes]:
    table: dict[str, bytes] = {}
    with (DATA / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            table.setdefault(row["unicode"], bytes.fromhex(row["bytes"]))
    return table


def encode_legacy(text: str, name: str) -> bytes:
    """TCVN3 or VNI bytes, as a file typed in ".VnTime" or "VNI-Times" is saved. A capital
    the encoding has no code for is typed in lower case (what the "H" fonts show as capitals);
    other characters outside the table (≥, –, “) become their nearest ASCII."""
    table = _legacy_table(name)
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in table:
            out += table[ch]
        elif ch.isascii():
            out += ch.encode("ascii")
        elif ch.lower() in table:
            out += table[ch.lower()]
        else:
            out += _ASCII_FALLBACK.get(ch, "?").encode("ascii")
    return bytes(out)


_ASCII_FALLBACK = {"≥": ">=", "≤": "<=", "–": "-", "—": "-", "“": '"', "”": '"', "’": "'",
                   "…": "...", "\u00a0": " "}


def legacy_pasted(text: str, name: str) -> str:
    """Legacy-font text pasted into a Unicode file: the Windows-1252 letters its bytes show."""
    data = encode_legacy(text, name)
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


# ---------------------------------------------------------------- text mutations


def crlf(text: str, rng: random.Random) -> str:
    return text.replace("\n", "\r\n")


def cr(text: str, rng: random.Random) -> str:
    return text.replace("\n", "\r")


def bom(text: str, rng: random.Random) -> str:
    return "\ufeff" + text


def nfd(text: str, rng: random.Random) -> str:
    return unicodedata.normalize("NFD", text)


def trailing_whitespace(text: str, rng: random.Random) -> str:
    return "\n".join(line + rng.choice(["", " ", "  ", "\t ", " \u00a0"]) if line.strip()
                     else line for line in text.split("\n"))


def blank_lines(text: str, rng: random.Random) -> str:
    """Blank lines inserted between lines (an editor's double spacing, a paste)."""
    out = []
    for line in text.split("\n"):
        out.append(line)
        if rng.random() < 0.3:
            out.append(rng.choice(["", " ", "\t\t"]))
    return "\n".join(out)


def drop_trailing_padding(text: str, rng: random.Random) -> str:
    """Blank padding cells at the end of rows deleted (some tools do not write them)."""
    return "\n".join(line.rstrip("\t") if rng.random() < 0.6 else line
                     for line in text.split("\n"))


def drop_interior_blank_cell(text: str, rng: random.Random) -> str:
    """One blank cell inside a row deleted: the cells after it shift left."""
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if "\t\t" in line.strip("\t")]
    if not candidates:
        return text
    i = rng.choice(candidates)
    inner = lines[i].rstrip("\t")
    at = inner.find("\t\t")
    lines[i] = inner[:at] + inner[at + 1:] + lines[i][len(inner):]
    return "\n".join(lines)


def _header_line(lines: list[str]) -> int | None:
    return next((i for i, line in enumerate(lines)
                 if line.count("\t") >= 2 and re.match(r"^\W*(TT|STT|Số TT)\b", line.strip())),
                None)


def page_break_header(text: str, rng: random.Random) -> str:
    """The header printed again after a page break (with a form feed or without)."""
    lines = text.split("\n")
    header = _header_line(lines)
    if header is None:
        return text
    body = [i for i in range(header + 2, len(lines)) if lines[i].strip()]
    if not body:
        return text
    at = rng.choice(body)
    repeat = [lines[header]]
    if rng.random() < 0.5:
        repeat = ["\f" + lines[header]]
    return "\n".join(lines[:at] + repeat + lines[at:])


def tabs_to_spaces(text: str, rng: random.Random) -> str:
    """Tabs turned into spaces: by an editor's tab stops, or a fixed run of spaces."""
    width = rng.choice([2, 4, 8])
    if rng.random() < 0.5:
        return "\n".join(line.expandtabs(width) for line in text.split("\n"))
    return text.replace("\t", " " * max(width, 2))


def join_lines(text: str, rng: random.Random) -> str:
    """A line break lost: two lines become one, joined by a space."""
    lines = text.split("\n")
    candidates = [i for i in range(len(lines) - 1) if lines[i].strip() and lines[i + 1].strip()]
    if not candidates:
        return text
    i = rng.choice(candidates)
    joined = lines[i].rstrip() + " " + lines[i + 1].lstrip()
    return "\n".join([*lines[:i], joined, *lines[i + 2:]])


# mutations after which the document must convert to exactly the same records
PRESERVING = {
    "crlf": crlf, "cr": cr, "bom": bom, "nfd": nfd, "trailing_whitespace": trailing_whitespace,
    "blank_lines": blank_lines, "drop_trailing_padding": drop_trailing_padding,
    "page_break_header": page_break_header,
}
# mutations after which every numbered row must still be a record (or be flagged)
RESHAPING = {
    "drop_interior_blank_cell": drop_interior_blank_cell, "tabs_to_spaces": tabs_to_spaces,
    "join_lines": join_lines,
}
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "utf-16", "windows-1258",
             "tcvn3", "vni")


def representable(text: str, encoding: str) -> str:
    """The text as the encoding can hold it: what a correct decoder gives back."""
    if encoding == "windows-1258":
        return unicodedata.normalize("NFC", encode_cp1258(text).decode("cp1258"))
    if encoding in ("tcvn3", "vni"):
        table = {code: ch for ch, code in _legacy_table(encoding).items()}
        data, out, i = encode_legacy(text, encoding), [], 0
        while i < len(data):
            pair = data[i:i + 2]
            if len(pair) == 2 and pair in table:
                out.append(table[pair])
                i += 2
            else:
                out.append(table.get(data[i:i + 1], chr(data[i])))
                i += 1
        return unicodedata.normalize("NFC", "".join(out))
    return text


def encode(text: str, encoding: str) -> bytes:
    if encoding == "windows-1258":
        return encode_cp1258(text)
    if encoding in ("tcvn3", "vni"):
        return encode_legacy(text, encoding)
    return text.encode(encoding)
