"""The numbering grammar: how rows and sections of a plan's table are numbered.

Plans number their rows "1", "1.2", "01", "1." or "1)"; their sections "I", "A", "B.", "PHẦN
II", "Mục 2", "Chương III"; groups inside them "I.1" or "III.1.2"; items under a row "a)",
"đ)". Every stage reads these labels — readers find a label column by them, assembly tells a
row from a section and expects the next number, interpretation builds the section path — so
the grammar is written once, here, as named parts (`ARABIC`, `ROMAN`, `PART`, …) and the
patterns built from them. tests/core/test_numbering.py holds a long table of labels as
printed in real plans with what each pattern says of them.
"""

from __future__ import annotations

import re

from chitieu.core.patterns import DOTALL, IGNORECASE, compile_regex, lazy

# ---------------------------------------------------------------- parts

ARABIC = r"\d+(?:\.\d+)*"  # "1", "01", "1.2", "2.3.1"
ITEM = r"\d{1,3}(?:\.\d{1,3})*"  # a row's number: short parts ("1.2"), never a year ("2026")
ROMAN = r"[IVXLC]+"  # "I", "IV", "XII"
LETTER = r"[A-ZĐ]"  # "A", "Đ"
LOWER = r"[a-zđ]"  # "a", "đ": items under a row, "a)"
# A part of the table named with a word: "PHẦN I", "Mục 2", "Chương II".
PART_WORDS = ("phần", "mục", "chương")
PART = rf"(?i:{'|'.join(PART_WORDS)})\s+(?:[IVXLC]+|\d+|[A-ZĐ])"

# ---------------------------------------------------------------- whole cells

# Any label a number cell may hold alone: "1", "1.2.", "a)", "II", "B.", "PHẦN I".
ROW_LABEL = lazy(compile_regex, rf"^(?:{PART}|[A-Za-zĐđ]|{ROMAN}|{ARABIC})[.)]?$")
# A section's own number: "I", "B.", "PHẦN II" (not "1": a number row may be a section only
# by its shape, which assembly and interpretation judge).
SECTION_NUMBER = lazy(compile_regex, rf"^(?:{PART}|{LETTER}|{ROMAN})\.?$")
# A row's number: "1", "12.", "2.3" ("2026" is a year, not a row number).
ITEM_NUMBER = lazy(compile_regex, rf"^{ITEM}\.?$")
# The first row's number of a table or section: "1", "01", "1.1", "I", "A".
FIRST_ROW_NUMBER = lazy(compile_regex, r"^(?:0?1\.?|1\.1\.?|[IA]\.?)$")
# A label in a label column of a text laid out in columns: "12", "a", "IV", with "." or ")".
COLUMN_LABEL = lazy(re.compile, rf"^(?:\d{{1,3}}|{LOWER}|{ROMAN})[.)]?$")
# A table row's number in a PDF's first column: "1.2", "IV", "B", with "." or ")".
ROW_NUMBER = lazy(re.compile, rf"^(?:{ARABIC}|{ROMAN}|{LETTER})[.)]?$")

# By style, as interpretation files sections: "B", "IV", "1.2", "I.1", "PHẦN II".
LETTER_ONLY = lazy(compile_regex, rf"^{LETTER}$")
ROMAN_ONLY = lazy(compile_regex, rf"^{ROMAN}$")
ARABIC_ONLY = lazy(compile_regex, rf"^{ARABIC}$")
DOTTED_GROUP = lazy(compile_regex, rf"^(?:{LETTER}|{ROMAN})(?:\.\d+)+$")  # "I.1", "III.1.2"
PART_ONLY = lazy(compile_regex, rf"^{PART}$")
# A row saying only that the rows under it are parts of the row above: "Trong đó:", "Bao gồm:".
IN_WHICH = lazy(compile_regex, r"^(?:trong\s+đó|bao\s+gồm)\s*:?$", IGNORECASE)
# A second numbering column's label: a group "1", "12", or an item "a)", "đ)" (which OCR
# reads "8)" or "C)"), or "1.1", "12.3" (the group's number, then the item's).
DETAIL_LABEL = lazy(compile_regex, rf"^(?:\d{{1,2}}(?:\.\d{{1,2}})?|{LOWER}\)?|[A-ZĐ\d]\))$")

# ---------------------------------------------------------------- a label and its text

# A number and the title after it in one cell: "II Phát triển nguồn lực", "1.2. Tỷ lệ …",
# "PHẦN I: CHỈ TIÊU", "B- Nhiệm vụ", "2.Xây dựng …" (a capital right after the dot).
SECTION_TOKEN = lazy(compile_regex,
    rf"^(?P<num>(?:{PART}|{LETTER}|{ROMAN}|{ARABIC})\.?)(?:(?<={PART})\s*[:.\-–]\s*"
    r"|\s*[\-–—:]\s+|\s+|(?<=\.)(?=\p{Lu}))(?P<title>\S.*)$",
    DOTALL,
)
# A numbered paragraph of running text: "1. Rà soát …", "a) Tổ chức …" is not one (items
# under a paragraph are), "II. NHIỆM VỤ".
NUMBERED_LINE = lazy(compile_regex,
    rf"^(?P<num>(?:{ROMAN}|{LETTER}|{ARABIC}))[.)]?\s+(?P<text>\S.*)$", DOTALL)
# A list number or item letter leading an agency cell: "1. Sở Y tế", "a) Công an xã".
LEADING_NUMBER = lazy(compile_regex, rf"^(?:{ARABIC}[.)]|{LOWER}\))\s+")
# A label in a fixed-width line, before the space that ends it: "1.2 ", "IV. ", "a) ".
SPACED_LABEL = lazy(re.compile, rf"(?:{ITEM}|[IVXLC]{{1,6}}|{LOWER})[.)]?(?= )")
# A row number glued at the end of the cell before it when a line break was lost:
# "PHÁT TRIỂN HẠ TẦNG 1", "<b>II Phát triển nguồn lực</b> 1", "Ghi chú 9".
GLUED_NUMBER = lazy(compile_regex,
    rf"^(?P<head>.*\S)\s+(?P<num>(?:<b>|\*\*)?\s*{ITEM}\.?\s*(?:</b>|\*\*)?)\s*$", DOTALL)
# The same, for the first row of a table glued after its header.
GLUED_FIRST = lazy(compile_regex,
    r"^(?P<head>.*\S)\s+(?P<num>(?:<b>|\*\*)?\s*(?:0?1\.?|1\.1\.?|[IA]\.?)\s*(?:</b>|\*\*)?)\s*$",
    DOTALL)

# ---------------------------------------------------------------- the order of numbers

_NUMBER_NOISE = lazy(compile_regex, r"</?b>|\*\*|\s+")


def number_key(text: str) -> tuple[int, ...] | None:
    """A row number as integers ("1.2." → (1, 2), "01" → (1,), "<b>3</b>" → (3,)); None for
    anything else ("I", "a)", "2026")."""
    text = _NUMBER_NOISE.sub("", text)  # "1 ." as "1."
    if not ITEM_NUMBER.match(text):
        return None
    return tuple(int(part) for part in text.rstrip(".").split("."))


def successors(number: tuple[int, ...]) -> set[tuple[int, ...]]:
    """The numbers that may follow a row's: "1.2" → "1.3", "2", "1.2.1"."""
    out = {(*number[:i], number[i] + 1) for i in range(len(number))}
    out.add((*number, 1))
    return out


_COLUMN_LETTER = lazy(re.compile, r"^\(?([A-ZĐ])\)?$")
_COLUMN_NUMBER = lazy(re.compile, r"^\(?(\d{1,2})\)?(?:\s*=.*)?$")
# Column letters run in the Latin alphabet's order or the Vietnamese one ("… D, Đ, E, G …").
_LETTER_ORDERS = ("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "ABCDĐEGHIKLMNOPQRSTUVXY")


def _next_letters(letter: str | None) -> set[str]:
    """The letters a column label may take after `letter` (after none, "A")."""
    if letter is None:
        return {"A"}
    return {order[order.index(letter) + 1] for order in _LETTER_ORDERS
            if letter in order[:-1]}


def numbers_columns(labels: list[str], in_order: bool = False) -> bool:
    """The labels number a table's columns, as the row under its header does: "(1) (2) (3)
    …", "1 2 3 …" (a figure's column may add how it is computed: "(6)=(4)/(5)"), or letters
    for the text columns and numbers for the figures, the letters one after another from "A"
    wherever they stand — before the figures, after them or both: "A B C 1 2 3", "A B C 1 2
    3=2/1 4 D" (the numbers in order too when `in_order`). At least three labels."""
    if len(labels) < 3:
        return False
    letter, values = None, []
    for label in labels:
        if (m := _COLUMN_LETTER.match(label)) and m[1] in _next_letters(letter):
            letter = m[1]
        elif m := _COLUMN_NUMBER.match(label):
            values.append(int(m[1]))
        else:
            return False
    return not in_order or not values or values == list(range(values[0],
                                                              values[0] + len(values)))
