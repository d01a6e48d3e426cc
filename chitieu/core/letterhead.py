"""The national header of a Vietnamese administrative document and the title under it.

The header (Nghị định 30/2020 form) is a borderless two-column block: on the left the issuing
body, its unit and "Số: 52/KH-UBND"; on the right "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
"Độc lập - Tự do - Hạnh phúc" and the place-date line ("Lạc Dương, ngày 10 tháng 3 năm
2026"). Then the document's kind ("KẾ HOẠCH", "CHƯƠNG TRÌNH" …) and its title, then the body.

Readers deliver the block in several shapes: each line read across both columns ("ỦY BAN
NHÂN DÂN CỘNG HÒA XÃ HỘI …", OCR and DOCX tab stops), the left column's lines then the right
column's (a DOCX table), the two columns' lines interleaved by height (PDF, scans). The right
column's parts are told by what they say, not by where they sit, so every shape reads the
same. Assembly uses this module to know a table printed inside a plan's body; interpretation
to read the plan's number, date, issuer and title. The words live in data/letterhead.yaml.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex

from chitieu.core.lexicon import load_yaml
from chitieu.core.numbering import ROMAN
from chitieu.core.text import clean_text, is_bold_markup, to_ascii
from chitieu.core.types import RawRow

MAX_HEADER_LINES = 14  # the block is at the top of the document: never deeper than this
_TITLE_LINES = 4
NUMBER = regex.compile(
    r"\bs[ốo]\s*:?\s*(?P<num>\d*)\s*/\s*(?P<suffix>[\p{L}\d]+(?:[\-–][\p{L}\d]+)*(?:/[\p{L}\d\-]+)*)",
    regex.IGNORECASE,
)
# "ngày 10 tháng 3 năm 2026", "ngày 14 / 7 /2026", "ngày    tháng 5 năm 2026" (unsigned)
_DATED = regex.compile(
    r"\bngay\W*(?:\d{1,2})?\W*(?:thang\W*(?:\d{1,2})?\W*nam\W*|\W*(?:\d{1,2})?\W*[/.\-]\W*)"
    r"(?:19|20)\d\d\b")
_ROMAN = regex.compile(rf"^(?P<num>{ROMAN})[.)]?\s+\S")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass(frozen=True, slots=True)
class _Words:
    motto: regex.Pattern
    motto_tail: regex.Pattern
    rule: regex.Pattern
    kinds: frozenset[str]
    body: regex.Pattern
    authority: regex.Pattern


@functools.cache
def _words() -> _Words:
    data = load_yaml("letterhead.yaml")
    return _Words(
        motto=regex.compile("|".join(f"(?:{p})" for p in data["motto"])),
        motto_tail=regex.compile(data["motto_tail"]),
        rule=regex.compile(data["rule"]),
        kinds=frozenset(data["kinds"]),
        body=regex.compile("|".join(f"(?:{p})" for p in data["body_openings"])),
        authority=regex.compile(data["authority"]),
    )


def _folded(text: str) -> tuple[str, list[int]]:
    """`text` in lower-case ASCII, and for each folded character the index it came from, so
    that a match in the folded text cuts the printed one."""
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        folded = to_ascii(char).lower() or " "
        out.append(folded)
        where.extend([i] * len(folded))
    where.append(len(text))
    return "".join(out), where


def _key(text: str) -> str:
    return " ".join(regex.sub(r"[^\w]+", " ", to_ascii(text).lower()).split())


def is_document_kind(text: str) -> bool:
    """"KẾ HOẠCH", "CHƯƠNG TRÌNH", "QUYẾT ĐỊNH" printed alone above a title."""
    return _key(text) in _words().kinds


def opens_body(text: str) -> bool:
    """"Căn cứ …", "Thực hiện Kế hoạch số …", "I. MỤC ĐÍCH": the body has begun."""
    folded, _ = _folded(clean_text(text).strip(" *"))
    return bool(_words().body.match(folded))


def roman_heading(text: str) -> int | None:
    """The value of a body heading's roman number ("III. TỔ CHỨC THỰC HIỆN" → 3)."""
    match = _ROMAN.match(clean_text(text).strip(" *"))
    if match is None:
        return None
    values = [_ROMAN_VALUES[c] for c in match["num"]]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v
               for i, v in enumerate(values))


@dataclass(slots=True)
class Letterhead:
    """What the header block and the lines under it print, as printed."""

    issuer: list[str] = field(default_factory=list)  # the left column above "Số:"
    number: str | None = None  # "Số: 52/KH-UBND"
    dated: str | None = None  # "ngày 10 tháng 3 năm 2026"
    national: bool = False  # the national name or motto was seen
    kind: str | None = None  # "KẾ HOẠCH"
    kind_at: int | None = None  # its index among the rows read
    title: list[str] = field(default_factory=list)


def _line(row: RawRow) -> str:
    return clean_text(" ".join(c.text for c in row.cells if c.text.strip())).strip(" *#")


def read_letterhead(rows: list[RawRow]) -> Letterhead | None:
    """The national header at the top of `rows` and the kind and title under it; None when
    the rows do not start with one."""
    head = Letterhead()
    texts = [_line(r) for r in rows]
    end = len(texts)
    for i, text in enumerate(texts[:MAX_HEADER_LINES]):
        if not text:
            continue
        if is_document_kind(text) or _starts_heading(text):
            end = i
            break
        _read_header_line(head, text)
    else:
        end = min(len(texts), MAX_HEADER_LINES)
    if not head.national and not (head.number and head.issuer):
        return None
    if end < len(texts) and is_document_kind(texts[end]):
        head.kind, head.kind_at = texts[end], end
        head.title = _title(rows[end + 1:], texts[end + 1:])
    return head


def _starts_heading(text: str) -> bool:
    """A line that ends the header block without being part of it: an appendix label, an
    attachment line, the body."""
    key = _key(text)
    return key.startswith(("phu luc", "kem theo", "bieu")) or opens_body(text)


def _read_header_line(head: Letterhead, text: str) -> None:
    """One line of the block: the right column's parts taken out, the rest is the left's."""
    words = _words()
    folded, where = _folded(text)
    if words.motto_tail.match(folded):
        head.national = True
        return
    head.national = head.national or bool(words.motto.search(folded))
    left = text
    dated = _DATED.search(folded)
    if dated is not None:
        head.dated = head.dated or text[where[dated.start()]:where[dated.end()]]
        left = text[:_place_start(text, where[dated.start()])]
    left = " ".join(_strip_motto(left).split()).strip(" -_")
    number = NUMBER.search(left)
    if number is not None:
        head.number = head.number or number.group()
    elif left and not words.rule.match(left):
        head.issuer.append(left)


def _strip_motto(text: str) -> str:
    folded, where = _folded(text)
    pieces, last = [], 0
    for match in _words().motto.finditer(folded):
        pieces.append(text[last:where[match.start()]])
        last = where[match.end()]
    pieces.append(text[last:])
    return " ".join(pieces)


def _place_start(text: str, date_at: int) -> int:
    """Where the place before ", ngày …" begins: after "Số: …" when the line carries it, else
    after the issuer's capitals read across on the same line."""
    before = text[:date_at]
    number = NUMBER.search(before)
    if number is not None:
        return number.end()
    words = before.split()
    kept = 0
    for word in words:
        if not (word.isupper() and any(c.isalpha() for c in word)):
            break
        kept += 1
    if kept == 0:
        return 0
    return before.find(words[kept - 1]) + len(words[kept - 1])


def _title(rows: list[RawRow], texts: list[str]) -> list[str]:
    """The title under the kind: the lines up to the body, bold ones when the reader tells."""
    bold_known = any(_bold(r) for r in rows[:_TITLE_LINES + 1])
    title: list[str] = []
    for row, text in zip(rows, texts, strict=True):
        if not text:
            if title:
                break
            continue
        if (opens_body(text) or _starts_heading(text) or len(title) == _TITLE_LINES
                or _words().authority.match(_folded(text)[0])
                or (bold_known and not _bold(row)) or text.endswith((";", ":"))):
            break
        title.append(text)
    return title


def _bold(row: RawRow) -> bool:
    filled = [c for c in row.cells if c.text.strip()]
    return bool(filled) and all(c.bold or is_bold_markup(c.text) for c in filled)
