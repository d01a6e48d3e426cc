"""Targets listed as prose in a plan's body, when the plan has no table at all.

Many commune and ward plans print their targets as bullets under a body heading instead of a
table:

    II. CHỈ TIÊU CỤ THỂ
    1. Chính quyền số
    - Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến đạt tối thiểu 80%;
    - 100% văn bản đi được ký số, trừ văn bản mật.
    III. TỔ CHỨC THỰC HIỆN

This module turns such a block into the rows a table would have had — a synthetic "TT |
Chỉ tiêu" header, the numbered sub-headings that lead to bullets as bold section rows, each
bullet (or numbered line without bullets under it) as a row — so the assembler and the
interpreter read them like any indicator table (a target at the end of a name is cut off
there, one inside it kept whole). The block runs from a heading naming targets ("CHỈ TIÊU
…", "Mục tiêu cụ thể") to the next heading of the same or a higher level, a line of several
cells (a signature block) or "Nơi nhận:". Nothing outside such a block becomes a record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chitieu.core.dataclass import dataclass
from chitieu.core.numbering import LOWER, ROMAN, ROMAN_ONLY
from chitieu.core.patterns import DOTALL, IGNORECASE, compile_regex, lazy
from chitieu.core.text import ascii_fold, clean_text
from chitieu.core.types import Cell, RawRow

if TYPE_CHECKING:
    import regex

# a heading naming the targets, after its number: "CHỈ TIÊU CỤ THỂ", "Các chỉ tiêu chủ yếu",
# "MỤC TIÊU CỤ THỂ", "Mục tiêu, chỉ tiêu", "Mục tiêu và chỉ tiêu năm 2026"
_TARGETS_HEADING = lazy(compile_regex,
    r"^(?:(?:cac|mot so|he thong) )?(?:chi tieu|muc tieu(?: cu the| va chi tieu| chi tieu)"
    r"(?!.*\bchung\b))\b")
# a numbered line: "II. CHỈ TIÊU", "1. Chính quyền số", "1.2. …", "a) Kinh tế số", and the
# "(1)" … "(20)" a Party resolution numbers its main targets with
_NUMBERED = lazy(compile_regex,
    rf"^(?:(?P<num>{ROMAN}|\d{{1,2}}(?:\.\d{{1,2}})*|{LOWER})[.)]|\((?P<bracketed>\d{{1,2}})\))"
    r"\s+(?P<text>\S.*)$", DOTALL)
# the words leading a list of parts, left at the end of an item ("…, trong đó:")
_PARTS_LEAD = lazy(compile_regex,
    r"[,;]?\s*(?:trong đó|bao gồm|gồm|cụ thể(?: như sau)?)\s*:?$", IGNORECASE)
_BULLET = lazy(compile_regex, r"^[-–—+•*]\s*(?P<text>\S.*)$", DOTALL)
_LETTER_NUMBER = lazy(compile_regex, rf"^{LOWER}$")
_SENTENCE_END = (";", ".", ":")
HEADER = ("TT", "Chỉ tiêu")


@dataclass(slots=True)
class _Item:
    """A sub-heading or an item of the block, from the rows it was read from."""

    rows: list[RawRow]
    is_section: bool
    number: str
    text: str


@dataclass(slots=True)
class ProseTable:
    """The rows to assemble, and which synthetic row each row of the block became."""

    rows: list[RawRow]
    read_as: list[tuple[RawRow, RawRow]]  # (row as read, the table row it is part of)


def prose_targets(rows: list[RawRow]) -> ProseTable | None:
    """The rows with the first block of targets in prose laid out as a table under a
    synthetic header (the rows above it kept as they are, the rows after it left out); None
    when no heading naming targets leads to at least one item."""
    for start, row in enumerate(rows):
        text = _line(row)
        if text is None:
            continue
        level = _heading_level(text)
        if level is None or not _TARGETS_HEADING.match(ascii_fold(_title(text))):
            continue
        body = _block(rows[start + 1:], level)
        items = _items(body)
        if all(item.is_section for item in items):
            continue
        first = body[0]
        header = RawRow([Cell(h) for h in HEADER], first_line=first.first_line,
                        last_line=first.first_line, page=first.page, table=0)
        table_rows = [_table_row(item) for item in items]
        read_as = [(source, made) for item, made in zip(items, table_rows, strict=True)
                   for source in item.rows]
        return ProseTable([*rows[:start + 1], header, *table_rows], read_as)
    return None


def _line(row: RawRow) -> str | None:
    """The text of a row of one filled cell; None for an empty row or several cells."""
    filled = [c.text for c in row.cells if c.text.strip()]
    return clean_text(filled[0]).strip() if len(filled) == 1 else None


def _title(text: str) -> str:
    numbered = _NUMBERED.match(text)
    return numbered["text"] if numbered else text


def _heading_level(text: str) -> int | None:
    """1 for a roman heading or a line in capitals, 2 for "1.", 3 for "1.1.", 4 for "a)";
    None for a line that is no heading."""
    numbered = _NUMBERED.match(text)
    if numbered is None:
        letters = [c for c in text if c.isalpha()]
        return 1 if letters and all(c.isupper() for c in letters) else None
    number = _number(numbered)
    if ROMAN_ONLY.match(number):
        return 1
    if _LETTER_NUMBER.match(number):
        return 4
    return 2 + number.count(".")


def _block(rows: list[RawRow], level: int) -> list[RawRow]:
    """The rows under a heading of `level`, up to the next heading as high, a row of
    several cells or "Nơi nhận"."""
    block: list[RawRow] = []
    for row in rows:
        if row.is_blank():
            continue
        text = _line(row)
        if text is None or ascii_fold(text).startswith("noi nhan"):
            break
        heading = None if _BULLET.match(text) else _heading_level(text)
        if heading is not None and heading <= level:
            break
        block.append(row)
    return block


def _items(block: list[RawRow]) -> list[_Item]:
    """The block's sub-headings and items; a line that is neither continues the item above
    it until that item's sentence has ended, or introduces what follows (left out)."""
    items: list[_Item] = []
    open_item = False
    for i, row in enumerate(block):
        text = _line(row) or ""
        bullet = _BULLET.match(text)
        numbered = None if bullet else _NUMBERED.match(text)
        if bullet and _heads_numbered_items(bullet["text"], block[i + 1:i + 2]):
            # "- Về kinh tế:" over "(1) …", "(2) …": a sub-heading of no number
            items.append(_Item([row], True, "", bullet["text"].rstrip(":").rstrip()))
            open_item = False
            continue
        if bullet:  # a bullet in the number column: a sub-row, keyed #n
            items.append(_Item([row], False, "+" if text[0] == "+" else "-", bullet["text"]))
        elif numbered:
            # a sub-heading when bullets follow it, else an item with its number
            after = _BULLET.match(_line(block[i + 1]) or "") if i + 1 < len(block) else None
            leads = after is not None and not _heads_numbered_items(after["text"],
                                                                   block[i + 2:i + 3])
            items.append(_Item([row], leads, _number(numbered), numbered["text"]))
            if leads:
                open_item = False
                continue
        elif open_item and items:
            items[-1].rows.append(row)
            items[-1].text = f"{items[-1].text} {text}"
        else:
            continue  # an introducing sentence ("Phấn đấu đến hết năm 2026:")
        open_item = not items[-1].text.rstrip().endswith(_SENTENCE_END)
    return items


def _number(numbered: regex.Match[str]) -> str:
    return numbered["num"] or numbered["bracketed"]


def _heads_numbered_items(text: str, following: list[RawRow]) -> bool:
    """A bullet ending with ":" right over a numbered line names the items under it."""
    if not text.rstrip().endswith(":") or not following:
        return False
    line = _line(following[0]) or ""
    return not _BULLET.match(line) and bool(_NUMBERED.match(line))


def _table_row(item: _Item) -> RawRow:
    text = _PARTS_LEAD.sub("", item.text.rstrip().rstrip(";.:").rstrip()).rstrip()
    cells = ([Cell(f"**{item.number}**" if item.number else "", bold=bool(item.number)),
              Cell(f"**{text}**", bold=True)]
             if item.is_section else [Cell(item.number), Cell(text)])
    first, last = item.rows[0], item.rows[-1]
    return RawRow(cells, first_line=first.first_line, last_line=last.last_line,
                  page=first.page, bbox=first.bbox, table=0)
