"""Apply the OCR repairs to a scan's rows, column by column, and say what was repaired.

The columns' roles come from the header row, read with the header vocabulary
(`chitieu.core.headers`), after the header itself has been snapped to the vocabulary. Every
repaired cell is reported (`Repair`) so the reader can warn about it.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from chitieu.core.agencies import AgencyNames, NameMatch
from chitieu.core.headers import AGENCY_ROLES, first_role, header_candidates
from chitieu.core.lexicon import load_yaml
from chitieu.core.numbering import PART_ONLY
from chitieu.core.types import RawRow
from chitieu.extract.ocr import repair as fix
from chitieu.extract.ocr.national import repair_national_words
from chitieu.extract.ocr.places import (
    places_named,
    repair_place_names,
    restore_capital_i_names,
    restore_place_marks,
)
from chitieu.extract.ocr.spelling import pair_count, split_glued

_AGENCY_MIN_RATIO = 88.0
_AGENCY_MAX_LENGTH_CHANGE = 1
_HEADER_SEARCH_ROWS = 3


@dataclass(frozen=True, slots=True)
class Repair:
    row: int  # index in the rows given
    column: int
    field: str  # text (spacing, letters), header, number, target, unit, deadline, agency
    before: str
    after: str


def repair_rows(rows: list[RawRow], agencies: AgencyNames | None = None) -> list[Repair]:
    """Repair the cells of `rows` in place; return what was changed. Agency cells are
    snapped to the names `agencies` knows, and left as read without it."""
    repairs: list[Repair] = []
    for index, row in enumerate(rows):
        for column, cell in enumerate(row.cells):
            _apply(repairs, index, column, cell, "text", _generic)
        if row.table is None and len(row.cells) == 1:  # a title line above the table
            _apply(repairs, index, 0, row.cells[0], "text", _title_line)
    _label_from_the_line_below(rows, repairs)
    _agree_appendix_labels(rows, repairs)
    roles_by_table, headers = _roles(rows, repairs)
    _repair_numbers(rows, roles_by_table, headers, repairs)
    _restore_own_places(rows, headers, repairs)
    _restore_capital_i_places(rows, headers, repairs)
    snap_agencies = functools.partial(_agencies, gazetteer=agencies)
    column_repairs = {**_COLUMN_REPAIRS, **dict.fromkeys(AGENCY_ROLES, snap_agencies)}
    for index, row in enumerate(rows):
        roles = roles_by_table.get(row.table) if row.table is not None else None
        if not roles or index in headers:
            continue
        for column, cell in enumerate(row.cells[: len(roles)]):
            repairer = column_repairs.get(roles[column])
            if repairer is not None:
                _apply(repairs, index, column, cell, _FIELD[roles[column]], repairer)
            if roles[column] == "name" and _has_target(row.cells, roles):
                _apply(repairs, index, column, cell, "name", _measuring_hook)
        if "unit" in roles and "name" in roles[: len(row.cells)]:
            name = row.cells[roles.index("name")].text
            _apply(repairs, index, roles.index("unit"), row.cells[roles.index("unit")], "unit",
                   functools.partial(_unit_the_name_counts, name=name))
    return repairs


# "PHỤ LỤC III" (or "PHỤ LỤC III: …", "PHỤ LỤC III - …") and its continuation "PHỤ LỤC III
# (tiếp theo)" on a later page
_ROMAN_LABEL = regex.compile(r"^(?P<word>phụ\s+lục\s+(?:số\s+)?)(?P<roman>[IVX]+)(?![\p{L}\d])"
                             r"(?P<rest>.*)$", regex.IGNORECASE)
_CONTINUED = regex.compile(r"^\s*\(tiếp\s+theo\)\s*$", regex.IGNORECASE)


_BARE_LABEL = regex.compile(r"^phụ\s+lục(?:\s+số)?$", regex.IGNORECASE)
# the line under it opening with a roman number, then the title ("III NHIỆM VỤ …")
_ROMAN_OPENING = regex.compile(r"^(?P<roman>[IVX]{1,4})\s+(?P<title>\p{Lu}.*)$")


def _label_from_the_line_below(rows: list[RawRow], repairs: list[Repair]) -> None:
    """An appendix's word with no number ("PHỤ LỤC") over a line that opens with a roman
    number and goes on with the title ("III NHIỆM VỤ CẢI CÁCH …"): OCR put the label's
    number, printed beside "LỤC", on the title's line; it goes back to the label's."""
    for index in range(len(rows) - 1):
        row, below = rows[index], rows[index + 1]
        if (row.table is not None or below.table is not None or len(row.cells) != 1
                or len(below.cells) != 1 or not _BARE_LABEL.match(row.cells[0].text.strip())):
            continue
        match = _ROMAN_OPENING.match(below.cells[0].text.strip())
        if match is None:
            continue
        _apply(repairs, index, 0, row.cells[0], "text",
               lambda text, roman=match["roman"]: f"{text.strip()} {roman}")
        _apply(repairs, index + 1, 0, below.cells[0], "text",
               lambda _text, title=match["title"]: title)


def _agree_appendix_labels(rows: list[RawRow], repairs: list[Repair]) -> None:
    """An appendix label and its continuation on the next pages name one appendix: when OCR
    read their roman numbers apart ("PHỤ LỤC II" over page 1, "PHỤ LỤC III (tiếp theo)"
    over page 2), each takes the reading of the line Tesseract was surer of."""
    groups: list[list[tuple[int, regex.Match]]] = []
    for index, row in enumerate(rows):
        if row.table is not None or len(row.cells) != 1:
            continue
        match = _ROMAN_LABEL.match(row.cells[0].text.strip())
        if match is None:
            continue
        if _CONTINUED.match(match["rest"]):
            if groups:
                groups[-1].append((index, match))
        else:  # a label, whatever its title after it: the next continuation is its own
            groups.append([(index, match)])
    for group in groups:
        if len({m["roman"].upper() for _, m in group}) < 2:
            continue
        surest = max(group, key=lambda g: rows[g[0]].confidence or 0.0)[1]["roman"]
        for at, found in group:
            _apply(repairs, at, 0, rows[at].cells[0], "text",
                   lambda _t, m=found, r=surest: f"{m['word']}{r}{m['rest']}")


def _has_target(cells: list, roles: list[str]) -> bool:
    return any(role == "target" and regex.search(r"\d", cell.text)
               for role, cell in zip(roles, cells, strict=False))


_ACUTE, _HOOK = "\u0301", "\u0309"


def _measuring_hook(text: str) -> str:
    """An indicator's name (its row has a target) whose first word, read with an acute, is
    the first word of a measuring noun with the hook above (SCHEMA `kind`: "Tổng", "Tỷ",
    "Chỉ"), and starts none as read: Tesseract reads the hook as an acute ("Tống diện tích"),
    and a measuring noun is what an indicator's name starts with. A task's name is left
    ("Tống đạt quyết định")."""
    match = regex.match(r"^(\p{L}+)(?=\s)", text)
    if match is None:
        return text
    word = unicodedata.normalize("NFD", match[1].casefold())
    if _ACUTE not in word:
        return text
    hooked = unicodedata.normalize("NFC", word.replace(_ACUTE, _HOOK))
    firsts = _measuring_firsts()
    if unicodedata.normalize("NFC", word) in firsts or hooked not in firsts:
        return text
    return fix.in_printed_case(hooked, match[1]) + text[match.end():]


@lru_cache(maxsize=1)
def _measuring_firsts() -> frozenset[str]:
    nouns = (load_yaml("measures.yaml") or {}).get("measuring_nouns", ())
    return frozenset(unicodedata.normalize("NFC", str(n).split()[0].casefold()) for n in nouns)


def _restore_own_places(rows: list[RawRow], headers: set[int], repairs: list[Repair]) -> None:
    """The places the lines above the table name (the issuer's, its province's) are the
    document's own: a cell that prints one of them without their marks or with others
    ("áo dài Huệ" in a plan of Huế) is given them back (`places.restore_place_marks`)."""
    titles = [r.cells[0].text for r in rows if r.table is None and len(r.cells) == 1]
    names = tuple(dict.fromkeys(n for text in titles for n in places_named(text)))
    if not names:
        return
    restore = functools.partial(restore_place_marks, names=names)
    for index, row in enumerate(rows):
        if index not in headers:
            for column, cell in enumerate(row.cells):
                _apply(repairs, index, column, cell, "place", restore)


def _restore_capital_i_places(rows: list[RawRow], headers: set[int],
                              repairs: list[Repair]) -> None:
    """Any unit's "Ia …" name a table cell prints with its "I" read as a small "l" ("giáp xã
    la Phí", "hồ la Ly": places beside the document's own) gets the "I" back
    (`places.restore_capital_i_names`)."""
    for index, row in enumerate(rows):
        if row.table is not None and index not in headers:
            for column, cell in enumerate(row.cells):
                if "l" in cell.text:
                    _apply(repairs, index, column, cell, "place", restore_capital_i_names)


# A cell's "x" mark (a quarter, a month ticked) read twice over: "Xx", "xX", "xx" (not "XX",
# a roman twenty)
_DOUBLED_MARK = regex.compile(r"^(?:Xx|xX|xx)$")
# Tesseract reads a tilted "/" as a fraction or division slash ("Quý 11⁄2026"): documents
# print the plain one
_SLASHES = str.maketrans({"⁄": "/", "∕": "/"})


def _generic(text: str) -> str:
    if _DOUBLED_MARK.match(text.strip()):
        return "x"
    text = fix.strip_glued_underscores(fix.strip_rule_marks(text.translate(_SLASHES)))
    return fix.space_dashes(split_glued(fix.plain_foreign_letters(text)))


# abbreviations of the issuing bodies, as OCR reads them with a speck for a mark ("ỦBND")
_BODY_ABBREVIATIONS = ("UBND", "HĐND")


# a plan's number and its issuer's abbreviation: "45/KH-UBND", "12/KH-HĐND"
# (the issuer's part read a letter short or long too: "39/NQ-HĐDND")
_PLAN_NUMBER_BODY = regex.compile(
    r"(?<=\d\s*/\s*[\p{Lu}Đ]{2,4}\s*-\s*)(?P<body>[\p{Lu}Đ]{3,5})\b")


# Braces no plan prints above its table: a rule's or a speck's remnant glued to a word
_BRACES = str.maketrans("", "", "{}")


def _title_line(text: str) -> str:
    text = fix.balance_parentheses(fix.repair_appendix_label(text.translate(_BRACES)))
    if any(fix.compare_key(t) in {"ubnd", "hdnd"} for t in text.split()):
        text = fix.snap_words(text, _BODY_ABBREVIATIONS)
    text = _PLAN_NUMBER_BODY.sub(_body_abbreviation, repair_national_words(text))
    return repair_place_names(text)


def _body_abbreviation(match: regex.Match) -> str:
    """The issuer's abbreviation in a plan's number, a letter or a mark off "UBND" or "HĐND"
    as OCR reads it ("45/KH-DBND" → "45/KH-UBND", "ỦBND")."""
    body = match["body"]
    close = [b for b in _BODY_ABBREVIATIONS
             if Levenshtein.distance(fix.compare_key(b), fix.compare_key(body)) <= 1]
    if body in _BODY_ABBREVIATIONS or len(close) != 1:
        return body
    return close[0]


def _apply(repairs: list[Repair], index: int, column: int, cell,
           field: str, repairer: Callable[[str], str]) -> None:
    before = cell.text
    after = repairer(before)
    if after == before:
        return
    cell.text = after
    if _meaningful(before, after):
        repairs.append(Repair(index, column, field, before, after))


def _meaningful(before: str, after: str) -> bool:
    """Dropping rule marks is cleaning, not a reading to review."""
    return fix.strip_rule_marks(before) != after


# ---------------------------------------------------------------- header and roles

def _roles(rows: list[RawRow], repairs: list[Repair]) -> tuple[dict[int, list[str]], set[int]]:
    """Each table's column roles (a table without a header row takes the previous table's,
    as a page continuing a table does), and the indexes of the header rows."""
    from chitieu.core.headers import assign_roles

    roles_by_table: dict[int, list[str]] = {}
    headers: set[int] = set()
    previous: list[str] | None = None
    header_rows: dict[int, list[int]] = {}
    for table in sorted({r.table for r in rows if r.table is not None}):
        members = [i for i, r in enumerate(rows) if r.table == table]
        for index in members[:_HEADER_SEARCH_ROWS]:
            if _snap_header(rows, index, repairs):
                tail = _header_tail(rows, members[members.index(index) + 1:], index, repairs)
                header_rows[table] = [index, *tail]
                headers.update(header_rows[table])
                for member in header_rows[table]:
                    _fill_period_gap(rows, member, repairs)
                break
    _agree_repeated_headers(rows, list(header_rows.values()), repairs)
    for table in sorted({r.table for r in rows if r.table is not None}):
        members = [i for i, r in enumerate(rows) if r.table == table]
        if table in header_rows:
            previous = assign_roles(_header_texts(rows, header_rows[table]))
        if previous is not None and len(previous) == len(rows[members[0]].cells):
            roles_by_table[table] = previous
    return roles_by_table, headers


_PERIOD_WORD = regex.compile(r"^(?P<word>quý|quí|tháng)\b", regex.IGNORECASE)


def _fill_period_gap(rows: list[RawRow], index: int, repairs: list[Repair]) -> None:
    """A header cell of a run of periods ("Quý I", "Quý", "Quý III", "Quý IV") whose numeral
    OCR lost in a narrow cell ("Quý "") takes the one the run skips."""
    from chitieu.core.headers import PERIOD_LABEL
    from chitieu.extract.ocr.repair import step_number

    cells = rows[index].cells
    labels = [PERIOD_LABEL.search(c.text.strip()) for c in cells]
    for column in range(1, len(cells) - 1):
        word = _PERIOD_WORD.match(cells[column].text.strip())
        left, right = labels[column - 1], labels[column + 1]
        if labels[column] or not word or not left or not right:
            continue
        between = step_number(left[2].upper(), 1)
        if between is not None and step_number(right[2].upper(), -1) == between:
            _apply(repairs, index, column, cells[column], "header",
                   lambda _t, w=word["word"], n=between: f"{w} {n}")


def _header_texts(rows: list[RawRow], indexes: list[int]) -> list[str]:
    """A column's header: its lowest header row's own text (a sub-column's "Phối hợp" under
    "Cơ quan thực hiện"), or the text above it; the numbering row does not count."""
    texts = [c.text for c in rows[indexes[0]].cells]
    for index in indexes[1:]:
        cells = [c.text for c in rows[index].cells]
        if is_numbering_row(cells):
            break
        texts = [low if low.strip() else high for high, low in zip(texts, cells, strict=False)]
    return texts


# A header cell read as no known phrase takes another page's reading of the same header when
# the two agree this much (compared without accents): "Phãi hựp" is that page's "Phối hợp".
_HEADER_AGREEMENT = 60.0


def _agree_repeated_headers(rows: list[RawRow], groups: list[list[int]],
                            repairs: list[Repair]) -> None:
    """A header repeated on every page is read once per page: a cell one reading got wrong
    is taken from a page where it reads as a known header phrase."""
    for group in groups:
        for offset, index in enumerate(group):
            for column, cell in enumerate(rows[index].cells):
                text = cell.text.strip()
                if not text or first_role(text) != "unknown":
                    continue
                readings = [rows[other[offset]].cells[column].text for other in groups
                            if other is not group and len(other) > offset
                            and len(rows[other[offset]].cells) == len(rows[index].cells)]
                better = [r for r in readings if first_role(r) != "unknown" and fuzz.ratio(
                    fix.compare_key(r), fix.compare_key(text)) >= _HEADER_AGREEMENT]
                if better:
                    _apply(repairs, index, column, cell, "header", lambda _t, b=better[0]: b)


def _snap_header(rows: list[RawRow], index: int, repairs: list[Repair]) -> bool:
    """Snap a row's cells to header phrases; True when the row then reads as a header."""
    row = rows[index]
    snapped = [_snap_header_cell(c.text) for c in row.cells]
    if snapped:
        below = [r.cells[0].text for r in rows[index + 1:] if r.table == row.table and r.cells]
        snapped[0] = _numbering_label(snapped[0], below)
    known = [h for h in snapped if h and first_role(h) != "unknown"]
    if len(known) < 2 or not any("name" in header_candidates(h) for h in known):
        return False
    for column, (cell, text) in enumerate(zip(row.cells, snapped, strict=True)):
        if text != cell.text:
            repairs.append(Repair(index, column, "header", cell.text, text))
            cell.text = text
    return True


def _numbering_label(text: str, below: list[str] = ()) -> str:
    """The first column's label "STT" read a letter off in capitals ("STL", "SIT", "ST1"):
    too short for the phrases' fuzzy match, it still names the numbering column. Read two
    letters off ("SƯ", "SITU": bold serif capitals run together) it is "STT" only over a
    column of row numbers (`below`: the column's cells under it)."""
    core = text.strip()
    if core == "STT" or core.upper() != core or core[:1] != "S":
        return text
    if len(core) == 3 and Levenshtein.distance(core, "STT") == 1:
        return "STT"
    if (2 <= len(core) <= 4 and Levenshtein.distance(core, "STT") <= 2
            and first_role(core) == "unknown" and _row_numbers(below)):
        return "STT"
    return text


# A column of row numbers: this many of its cells at least, and this share of its filled ones
_NUMBERED_CELLS = 3
_NUMBERED_SHARE = 0.6
_ROW_NUMBER = regex.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.?|[A-ZĐ]\.?)$")


def _row_numbers(cells: list[str]) -> bool:
    filled = [c.strip() for c in cells if c.strip()]
    numbered = sum(bool(_ROW_NUMBER.match(c)) for c in filled)
    return numbered >= _NUMBERED_CELLS and numbered >= _NUMBERED_SHARE * len(filled)


def _header_tail(rows: list[RawRow], following: list[int], header: int,
                 repairs: list[Repair]) -> list[int]:
    """The rows under a header row that belong to it: a second header row (its merged cells
    repeat the first row's text, the others name sub-columns: "Chủ trì", "Phối hợp") and the
    column-numbering row "(1) (2) (3) …". They are kept out of the row-number repairs, which
    would take a merged "TT" for a roman "II"; a numbering row OCR garbled ("q | (2) | @®) |
    (4") is written back as the numbers it prints, so the assembler knows it."""
    tail: list[int] = []
    above = [c.text for c in rows[header].cells]
    for index in following[:2]:
        cells = rows[index].cells
        if is_numbering_row([c.text for c in cells]):
            # the row numbers every column: a cell OCR left empty before its last number
            # ("(1)" lost beside a grey header) prints its number too, or the row reads as
            # the header's second line and every column's name takes a number
            last = max(column for column, cell in enumerate(cells) if cell.text.strip())
            for column, cell in enumerate(cells[:last + 1]):
                _apply(repairs, index, column, cell, "header",
                       lambda _t, n=column + 1: f"({n})")
            tail.append(index)
            break
        if not _continues_header(cells, above):
            break
        for column, cell in enumerate(cells):
            _apply(repairs, index, column, cell, "header", _snap_header_cell)
        tail.append(index)
    return tail


_NUMBERING_CELL = regex.compile(r"^\(\d{1,2}\)?$|^\(?\d{1,2}\)$")
# "(3)" garbled to a bracket beside a letter ("G)") or to one mark ("@")
_GARBLED_NUMBER = regex.compile(r"^(?:[(\[{]\S{0,2}|\S{0,2}[)\]}]|[^\p{L}\p{N}\s])$")


def is_numbering_row(texts: list[str]) -> bool:
    """"(1) (2) (3) …" under a header, as OCR reads it ("q | (2) | @®) | (4"): two numbers
    read whole, or one and every other cell a garbled "(n)" ("G)", "@") or its column's
    number without brackets; or "1 2 3 …" printed bare, three cells or more reading their
    own column's number ("c1 | 2 | 3 | 4"). A mark read after a cell ("q):") is left off."""
    filled = [(i, t.strip().rstrip(_AFTER_MARKS)) for i, t in enumerate(texts) if t.strip()]
    if len(filled) < 3 or not all(len(t) <= 5 and not regex.search(r"\p{L}\p{L}", t)
                                  for _, t in filled):
        return False
    whole = sum(bool(_NUMBERING_CELL.match(t)) for _, t in filled)
    own = sum(t.strip("()") == str(i + 1) for i, t in filled)
    return whole >= 2 or own >= 3 or (whole == 1 and all(
        _NUMBERING_CELL.match(t) or _GARBLED_NUMBER.match(t) or t == str(i + 1)
        for i, t in filled))


# marks OCR reads after a cell's last character ("(1)" read "q):")
_AFTER_MARKS = ":;.,'`’"


def _continues_header(cells, above: list[str]) -> bool:
    filled = [(i, c.text.strip()) for i, c in enumerate(cells) if c.text.strip()]
    if not filled:
        return False
    repeated = [i for i, t in filled if i < len(above) and t == above[i].strip()]
    if len(repeated) >= 2:
        # the merged cells of the header read again on its second row ("TT", "Nhiệm vụ" …):
        # the rest are sub-columns of a group ("Quý I" … under "Thời gian thực hiện")
        return True
    named = [t for i, t in filled if i not in repeated
             and first_role(_snap_header_cell(t)) != "unknown"]
    return bool(repeated) and len(repeated) + len(named) >= len(filled) - 1 and (
        len(named) >= 1 or len(repeated) == len(filled))


_UNIT_AT_END = regex.compile(r"^(?P<head>.*\S)\s*(?P<unit>\([^()]{1,24}\))$")


def _snap_header_cell(text: str) -> str:
    vocab = fix.vocabulary()
    if not text.strip() or len(text) > 120:
        return text
    unit = _UNIT_AT_END.match(text.strip())
    if unit is not None:  # "Chỉ tiêu năm 2026 (%)": the phrase is snapped, its unit kept
        head = _snap_header_cell(unit["head"])
        return text if head == unit["head"] else f"{head} {unit['unit']}"
    snapped = fix.snap_phrase(text, vocab["header_phrases"])
    return snapped if snapped != text else fix.snap_words(text, vocab["words"])


# ---------------------------------------------------------------- numbers

_SECTION_HEAD = regex.compile(r"^(?P<number>\S+)(?P<rest>\s+\S.*)$")


def _repair_numbers(rows: list[RawRow], roles_by_table: dict[int, list[str]],
                    headers: set[int], repairs: list[Repair]) -> None:
    """Row numbers run in sequence across the whole document, so they are repaired together;
    a section written across the row ("II Phát triển …") takes part with its first word."""
    places: list[tuple[int, int, str]] = []
    section_like: list[bool] = []
    part: str | None = None  # the last part named with a word ("PHẦN I")
    inside = _between_tables(rows)
    for index, row in enumerate(rows):
        if index in inside and _HEADING.match(row.cells[0].text):
            # "II. CHÍNH QUYỀN SỐ" printed above its own table: a section row of the sequence
            places.append((index, 0, _SECTION_HEAD.match(row.cells[0].text)["number"]))
            section_like.append(True)
            continue
        roles = roles_by_table.get(row.table) if row.table is not None else None
        if not roles or "number" not in roles or index in headers:
            continue
        column = roles.index("number")
        cell = row.cells[column]
        _apply(repairs, index, column, cell, "number", fix.unglue_section_number)
        _apply(repairs, index, column, cell, "number", fix.repair_part_word)
        others = [c.text for i, c in enumerate(row.cells)
                  if i < len(roles) and roles[i] not in ("number", "name")]
        section_like.append(not any(t.strip() for t in others))
        if section_like[-1]:
            _apply(repairs, index, column, cell, "number",
                   functools.partial(fix.follow_part, previous=part))
            part = cell.text.strip() if PART_ONLY.match(cell.text.strip()) else part
        head = None if PART_ONLY.match(cell.text.strip()) else _SECTION_HEAD.match(cell.text)
        places.append((index, column, head["number"] if head else cell.text))
    titles = [_title_of(rows[index], roles_by_table.get(rows[index].table), column)
              for index, column, _ in places]
    # a section row's look: its title in bold, or in one cell merged across the value columns
    bold = [_title_bold(rows[index]) or _title_spans(rows[index], roles_by_table.get(
        rows[index].table)) for index, _, _ in places]
    # sections first where the number is lost outright: the first section's "I" lost would
    # otherwise make the next section's "II" look like "I" read with a stroke too many
    fixed = fix.number_sections([p[2] for p in places], section_like, titles, bold)
    fixed = fix.repair_number_column(fixed, section_like)
    fixed = fix.number_sections(fixed, section_like, titles, bold)
    for (index, column, number), new in zip(places, fixed, strict=True):
        if new == number:
            continue
        cell = rows[index].cells[column]
        head = None if PART_ONLY.match(cell.text.strip()) else _SECTION_HEAD.match(cell.text)
        after = new + head["rest"] if head else new
        if not number.strip():  # a number the page prints and OCR lost
            after = new + (" " + cell.text.strip() if cell.text.strip() else "")
        _apply(repairs, index, column, cell, "number", lambda _text, after=after: after)


# a heading line: a roman number as OCR reads it, a dot, a title in capitals
_HEADING = regex.compile(r"^[IVXHl1|\[\]]{1,5}\.\s+\p{Lu}\p{Lu}")


def _between_tables(rows: list[RawRow]) -> set[int]:
    """The lines outside the tables that come after a table row and before another, and the
    heading just above the first table (the first of the sections printed above tables)."""
    tabled = [i for i, r in enumerate(rows) if r.table is not None]
    if not tabled:
        return set()
    lines = {i for i in range(tabled[0], tabled[-1]) if rows[i].table is None
             and len(rows[i].cells) == 1}
    above = tabled[0] - 1
    if lines and above >= 0 and len(rows[above].cells) == 1:
        lines.add(above)
    return lines


def _title_spans(row: RawRow, roles: list[str] | None) -> bool:
    """The row's title is one cell merged across every column after it (the cells it covers
    have no box of their own), as a section row is printed."""
    if not roles or "name" not in roles:
        return False
    at = roles.index("name")
    title, rest = row.cells[at] if at < len(row.cells) else None, row.cells[at + 1:]
    return (title is not None and title.bbox is not None and bool(title.text.strip())
            and len(rest) >= 2 and all(c.bbox is None and not c.text.strip() for c in rest))


def _title_bold(row: RawRow) -> bool:
    """Whether the row's filled cells are all printed bold."""
    filled = [c for c in row.cells if c.text.strip()]
    return bool(filled) and all(c.bold for c in filled)


def _title_of(row: RawRow, roles: list[str] | None, column: int) -> str:
    """A section row's title: the name cell, or what follows the number in its own cell (a
    title written across the row from the number column)."""
    if roles and "name" in roles and roles.index("name") < len(row.cells):
        name = row.cells[roles.index("name")].text.strip()
        if name:
            return name
    head = _SECTION_HEAD.match(row.cells[column].text)
    return head["rest"].strip() if head else ""


# ---------------------------------------------------------------- other columns

def _name(text: str) -> str:
    return fix.repair_lead_phrase(text, fix.vocabulary()["name_leads"])


def _unit(text: str) -> str:
    """A unit cell: the unit phrase it misreads, else a one-word unit, alone or after "/",
    given a unit word's marks ("tố" → "tổ", "lượt/nấm" → "lượt/năm"); a word inside a longer
    unit is left ("lao động" is no "lao đồng")."""
    phrases = fix.vocabulary()["unit_phrases"]
    if _PERCENT_SPECK.match(text.strip()):
        return "%"
    snapped = _unit_slash_lost(text, fix.vocabulary()["per_units"])
    if snapped != text:
        return snapped
    snapped = fix.snap_phrase(text, phrases)
    if snapped != text:
        return snapped
    snapped = _unit_phrase_letter_off(text, phrases)
    if snapped != text:
        return snapped
    snapped = _unit_phrase_non_word(text, phrases)
    if snapped != text:
        return snapped
    snapped = _magnitude_unit(text, _unit_words(phrases))
    if snapped != text:
        return snapped
    parts = text.split("/")
    fixed = [_unit_word(p, _unit_words(phrases)) if len(p.split()) == 1 else p
             for p in parts]
    return "/".join(fixed) if fixed != parts else text


# A unit cell of "%" with one letter glued to it: a speck read beside the sign ("%Đ"); "o" is
# left (a per mille sign read "%o")
_PERCENT_SPECK = regex.compile(r"^%[^\W\d_oO]$")


def _unit_the_name_counts(text: str, name: str) -> str:
    """A one-word unit cell that is no unit word, a letter off (marks aside) the unit word
    the row's name counts ("Số hộ …", "Tổng số lượt …", "Lượt khách …"): that word, in the
    cell's case ("hệ" beside "Số hộ được vay vốn" → "hộ"); else `text`. A word this short
    is judged only so: alone, "hệ" may be what was printed."""
    core = text.strip()
    known = _one_word_units()
    if not regex.fullmatch(r"\p{L}+", core) or core.casefold() in known:
        return text
    counted = _counted_word(name)
    if counted is None or counted.casefold() not in known or Levenshtein.distance(
            fix.compare_key(core), fix.compare_key(counted)) > 1:
        return text
    counted = counted.casefold()
    return counted[0].upper() + counted[1:] if core[0].isupper() else counted


# The words a name opens with before the noun it counts ("Số hộ", "Tổng số lượt", "Số lượng
# điểm")
_COUNTING = regex.compile(r"^(?:tổng\s+)?số(?:\s+lượng)?\s+(?P<noun>\p{L}+)", regex.IGNORECASE)


def _counted_word(name: str) -> str | None:
    """The noun a name counts: after "Số" ("Tổng số", "Số lượng"), or its first word when
    that is a unit's ("Lượt khách …"); None otherwise."""
    name = unicodedata.normalize("NFC", name.strip())
    match = _COUNTING.match(name)
    if match is not None:
        return match["noun"]
    first = name.split(maxsplit=1)[0] if name else ""
    return first if first.casefold() in _one_word_units() else None


@lru_cache(maxsize=1)
def _one_word_units() -> frozenset[str]:
    """The units of one word (ocr_vocab.yaml `unit_phrases`: "hộ", "lượt", "ha"), folded."""
    return frozenset(p.casefold() for p in fix.vocabulary()["unit_phrases"]
                     if regex.fullmatch(r"\p{L}+", p))


def _unit_slash_lost(text: str, phrases: tuple[str, ...]) -> str:
    """A unit "per" something (`phrases`, ocr_vocab.yaml `per_units`) whose slash OCR lost,
    its words as printed ("tạ ha", "tạha" split: Tesseract reads the "/" of a narrow cell's
    "tạ/ha" as nothing): the unit, in the cell's case; else `text`. A unit read with its
    slash is left as read ("t/ha", "tỷ/ha" are no misread "tạ/ha")."""
    words = [unicodedata.normalize("NFC", w).casefold() for w in text.split()]
    if len(words) < 2 or "/" in text:
        return text
    spelled, known = _per_unit_spellings(phrases, fix.vocabulary()["unit_phrases"])
    same = [p for p, parts in spelled.items() if parts == words]
    # … or a letter misread too, where that leaves one unit ("lạ ha" → "tạ/ha"; "tấ ha" is
    # a letter off both "tạ/ha" and "tấn/ha"): in one word of two letters or more that is
    # no unit word itself ("tỷ ha", "t ha" are left)
    close = same or [p for p, parts in spelled.items() if _a_letter_off(parts, words, known)]
    if len(close) != 1:
        return text
    phrase = close[0]
    return phrase[0].upper() + phrase[1:] if text.strip()[0].isupper() else phrase


@lru_cache(maxsize=1)
def _per_unit_spellings(phrases: tuple[str, ...], unit_phrases: tuple[str, ...]
                        ) -> tuple[dict[str, list[str]], frozenset[str]]:
    """Each per-unit phrase's words as OCR's words are compared ("tạ/ha": "tạ", "ha"), and
    every word of a unit (theirs and `unit_phrases`'), found once, not for every cell."""
    spelled = {phrase: [unicodedata.normalize("NFC", w).casefold()
                        for w in regex.split(r"[/\s]+", phrase)] for phrase in phrases}
    known = {w for parts in spelled.values() for w in parts} | {
        w.casefold() for w in _unit_words(unit_phrases)}
    return spelled, frozenset(known)


def _a_letter_off(parts: list[str], words: list[str], known: frozenset[str]) -> bool:
    """`words` are `parts` but for one letter of one word, a word of two letters or more
    that is no word of a unit (`known`)."""
    if len(parts) != len(words):
        return False
    off = [(p, w) for p, w in zip(parts, words, strict=True) if p != w]
    return (len(off) == 1 and min(len(off[0][0]), len(off[0][1])) >= 2
            and off[0][1] not in known and Levenshtein.distance(*off[0]) == 1)


# A unit word this long or longer may be judged one letter misread ("lược" for "lượt").
_UNIT_EDIT_LETTERS = 4


def _unit_word(text: str, words: tuple[str, ...]) -> str:
    """A one-word unit given a unit word's marks (`fix.snap_words`), or, when it is no unit
    word at all, the one unit word it is a letter off."""
    snapped = fix.snap_words(text, words)
    core = text.strip()
    if snapped != text or len(core) < _UNIT_EDIT_LETTERS or not regex.fullmatch(r"\p{L}+", core):
        return snapped
    folded = core.casefold()
    if folded in {w.casefold() for w in words}:
        return text
    close = [w for w in words if len(w) >= _UNIT_EDIT_LETTERS
             and Levenshtein.distance(folded, w.casefold()) == 1]
    if len(close) != 1:
        return text
    return close[0] if core[0].isupper() else close[0].casefold()


@lru_cache(maxsize=1)
def _magnitudes() -> tuple[str, ...]:
    return tuple(load_yaml("units.yaml")["magnitudes"])


def _magnitude_unit(text: str, words: tuple[str, ...]) -> str:
    """A unit of a magnitude's word and a unit word ("nghìn tấn", "nghìn lượt"), either read
    a letter off: the magnitude's word (units.yaml `magnitudes`) one letter off exactly one
    of them or its marks misread ("nghn", "nghin" → "nghìn"), the unit word as a one-word
    unit is (`_unit_word`: "iượt" → "lượt"); else `text`."""
    parts = text.split()
    if len(parts) != 2 or not all(regex.fullmatch(r"\p{L}+", p) for p in parts):
        return text
    first, second = parts
    magnitudes = _magnitudes()
    if first.casefold() not in magnitudes:
        close = _magnitude_misread(first, magnitudes)
        if close is None:
            return text
        first = close.capitalize() if first[0].isupper() else close
    return f"{first} {_unit_word(second, words)}"


def _magnitude_misread(word: str, magnitudes: tuple[str, ...]) -> str | None:
    """The magnitude's word `word` misreads: its marks all lost ("nghin"), or one letter lost
    from a word that is no syllable ("nghn": the thin "ì" of "nghìn"). A word with marks of
    its own or a syllable is a word ("văn bản", "ngày công", "trạm xá", "căn hộ" stay)."""
    key = fix.compare_key(word)
    close = [m for m in magnitudes if fix.compare_key(m) == key] if word.isascii() else []
    if not close and len(key) >= 3 and not fix.is_syllable(word):
        close = [m for m in magnitudes if len(fix.compare_key(m)) == len(key) + 1
                 and Levenshtein.distance(key, fix.compare_key(m)) == 1]
    return close[0] if len(close) == 1 else None


def _unit_phrase_letter_off(text: str, phrases: tuple[str, ...]) -> str:
    """A unit of several words one letter (marks aside) off exactly one unit phrase of as many
    words, one of its words printed as the phrase's ("lỷ đồng", "ly đồng" → "tỷ đồng",
    "bác s1" → "bác sĩ"); else `text`. Too short a phrase for a letter to be judged, or
    a unit that is a phrase itself, stays."""
    words = text.split()
    if len(words) < 2:
        return text
    key = _unit_key(words)
    if len(key.replace(" ", "")) < _UNIT_EDIT_LETTERS:
        return text
    folded = {w.casefold() for w in words}
    close = [p for p in phrases if len(p.split()) == len(words)
             and folded & {w.casefold() for w in p.split()}
             and Levenshtein.distance(key, _unit_key(p.split())) == 1
             and not _abbreviation_read(words, p.split())]
    if len(close) != 1:
        return text
    return close[0] if text.strip()[0].isupper() else close[0][0].lower() + close[0][1:]


def _abbreviation_read(words: list[str], phrase: list[str]) -> bool:
    """Whether a word `words` print where `phrase` differs is letters without a vowel: an
    abbreviation ("tr đồng", "ng đồng": triệu, nghìn đồng), not a misread of the phrase's
    word ("tỷ")."""
    return any(w.casefold() != q.casefold() and regex.fullmatch(r"\p{L}+\.?", w)
               and not _VOWELS.search(fix.compare_key(w))
               for w, q in zip(words, phrase, strict=True))


_VOWELS = regex.compile(r"[aeiouy]")


# A word no Vietnamese syllable spells may be this many letters off a unit phrase's word.
_NON_WORD_EDITS = 2


# Letters the Vietnamese alphabet lacks: a word holding one is a misreading, where a word
# of its letters that is no syllable may be an abbreviation ("tr đồng", "ng đồng": triệu,
# nghìn đồng — never "tỷ đồng").
_FOREIGN_LETTERS = regex.compile(r"[fjwzFJWZ]")


def _unit_phrase_non_word(text: str, phrases: tuple[str, ...]) -> str:
    """A unit of several words, each printed as a unit phrase's but one that is no syllable
    at all, with a letter the alphabet lacks ("f" of "f đồng", "tỷ" read in a stroke) and two
    letters or fewer off that phrase's word, where exactly one phrase fits: the phrase
    ("tỷ đồng"); else `text`. A real syllable there ("ở đồng") stays."""
    words = text.split()
    odd = [i for i, w in enumerate(words) if not fix.is_syllable(w)]
    if len(words) < 2 or len(odd) != 1 or not _FOREIGN_LETTERS.search(words[odd[0]]) or (
            not regex.fullmatch(r"\p{L}+", words[odd[0]])):
        return text
    at = odd[0]
    keys = _unit_key(words).split()
    close = [p for p in phrases if len(p.split()) == len(words)
             and all(k == q for i, (k, q) in enumerate(zip(keys, _unit_key(p.split()).split(),
                                                           strict=True)) if i != at)
             and Levenshtein.distance(keys[at], _unit_key([p.split()[at]])) <= _NON_WORD_EDITS]
    if len(close) != 1:
        return text
    return close[0] if text.strip()[0].isupper() else close[0][0].lower() + close[0][1:]


def _unit_key(words: list[str]) -> str:
    """Words without marks, "y" written "i": "bác sỹ" is "bác sĩ" spelled the other way,
    no letter misread."""
    return " ".join(fix.compare_key(w).replace("y", "i") for w in words)


@lru_cache(maxsize=1)
def _unit_words(phrases: tuple[str, ...]) -> tuple[str, ...]:
    words = (w for p in phrases for w in p.split() if regex.match(r"^\p{L}+$", w))
    return tuple(dict.fromkeys(words))


# no deadline starts with a quote mark or a point ("“Tháng 7/2026": a speck at the cell's
# edge) or writes a slash twice ("Quý II//2026": a slash read with its shadow, the shadow as a
# fraction slash too — "Quý iii/⁄2026" — its "I"s not yet put back in capitals)
_DEADLINE_SPECKS = regex.compile(r"^[“”\"'‘’`´.,:;]+\s*(?=\p{L}|\d)")
_SLASH_TWICE = regex.compile(r"(?i)(?<=[\dIVX])\s*/\s*/\s*(?=\d)")


def _deadline(text: str) -> str:
    text = _SLASH_TWICE.sub("/", _DEADLINE_SPECKS.sub("", text.translate(_SLASHES)))
    text = fix.repair_quarter_numeral(fix.repair_date_digits(text))
    snapped = fix.snap_phrase(text, fix.vocabulary()["deadline_phrases"], 90.0, 0)
    return snapped if snapped != text else fix.snap_words(text, fix.vocabulary()["words"])


def _agencies(text: str, gazetteer: AgencyNames | None = None) -> str:
    if gazetteer is None or not text.strip():
        return text
    parts = [p.strip() for p in text.split(";")]
    return "; ".join(_snap_agency(p, gazetteer) for p in parts)


def _snap_agency(part: str, gazetteer: AgencyNames) -> str:
    if not part:
        return part
    match = gazetteer.match(part)
    snapped = _snap_agency_name(part, match, gazetteer)
    if snapped != part or (match.id is not None and match.score >= 1.0):
        return snapped
    # no known name, or one it only resembles: its words may still spell phrases of the
    # agency vocabulary but for a mark OCR added or changed ("Chỉ cục Kiểm lâm")
    return fix.snap_word_runs(part, _agency_phrases(gazetteer), written=pair_count)


def _snap_agency_name(part: str, match: NameMatch, gazetteer: AgencyNames) -> str:
    if match.id is not None and match.score >= 1.0:
        return part  # a known name as printed (old tone placement "hoá" included)
    accented = _accents_of_known_name(part, gazetteer)
    if accented != part:
        # only an accent differs from a known name ("Các thôn, tố dân phố"): the fuzzy match
        # would find it too, but the cell would then be split at its comma
        return accented
    if match.id is not None:
        return part
    names = _agency_surface_forms(gazetteer)
    snapped = fix.snap_phrase(part, names, _AGENCY_MIN_RATIO, _AGENCY_MAX_LENGTH_CHANGE)
    if snapped != part:
        return snapped
    pieces = [p.strip() for p in part.split(",")]
    if len(pieces) == 1:
        return part
    return ", ".join(p if gazetteer.match(p).id is not None else
                     fix.snap_phrase(p, names, _AGENCY_MIN_RATIO, _AGENCY_MAX_LENGTH_CHANGE)
                     for p in pieces)


# cached per gazetteer (by identity): a batch passes the same one for every file
@lru_cache(maxsize=4)
def _agency_surface_forms(gazetteer: AgencyNames) -> tuple[str, ...]:
    forms: list[str] = []
    for entry in gazetteer.entries.values():
        forms += [entry.name, *entry.aliases, *entry.abbreviations]
    return tuple(dict.fromkeys(f for f in forms if len(f) >= 6))


@lru_cache(maxsize=4)
def _agency_phrases(gazetteer: AgencyNames) -> tuple[str, ...]:
    """The agency vocabulary: the names the gazetteer knows, the same without their head
    word, and the words of agency_words.yaml (heads, titles, level words, abbreviations'
    expansions …)."""
    forms = [form for entry in gazetteer.entries.values()
             for form in (entry.name, *entry.aliases)]
    phrases = [*forms, *_agency_words()]
    # a name without its head is the agency's field, printed after other heads too
    # ("Tài chính" of "Sở Tài chính" in "Phòng Kế hoạch - Tài chính")
    phrases += [_without_head(form) for form in forms]
    return tuple(dict.fromkeys(phrases))


def _without_head(name: str) -> str:
    for head in _agency_heads():
        if name.casefold().startswith(head.casefold() + " "):
            return name[len(head) + 1:]
    return name


@lru_cache(maxsize=1)
def _agency_vocabulary() -> dict:
    return load_yaml("agency_words.yaml") or {}


@lru_cache(maxsize=1)
def _agency_heads() -> tuple[str, ...]:
    data = _agency_vocabulary()
    heads = [*data.get("heads", ()), *data.get("capitalized_heads", ())]
    return tuple(sorted(heads, key=len, reverse=True))


@lru_cache(maxsize=1)
def _agency_words() -> tuple[str, ...]:
    words: list[str] = []
    for section in _agency_vocabulary().values():
        items = section.items() if isinstance(section, dict) else enumerate(section or ())
        for key, value in items:
            words += [str(v) for v in (key, value) if isinstance(v, str)]
            if isinstance(value, list):  # role phrases by role
                words += [str(v) for v in value]
    return tuple(words)


def _accents_of_known_name(part: str, gazetteer: AgencyNames) -> str:
    """`part` with the accents of the one known agency name it spells without accents,
    keeping its own capitals; else `part` unchanged."""
    form = _agency_forms_by_key(gazetteer).get(fix.compare_key(part))
    if form is None or len(form) != len(part) or form.casefold() == part.casefold():
        return part
    return fix.in_printed_case(form, part)


@lru_cache(maxsize=4)
def _agency_forms_by_key(gazetteer: AgencyNames) -> dict[str, str]:
    """Surface forms by their letters without accents, where those letters name one agency."""
    owners: dict[str, set[str]] = {}
    forms: dict[str, str] = {}
    for entry in gazetteer.entries.values():
        for form in (entry.name, *entry.aliases):
            key = fix.compare_key(form)
            if len(key) >= 6:
                owners.setdefault(key, set()).add(entry.id)
                forms.setdefault(key, form)
    return {key: form for key, form in forms.items() if len(owners[key]) == 1}


_COLUMN_REPAIRS: dict[str, Callable[[str], str]] = {
    "name": _name,
    "target": fix.repair_target_cell,
    "baseline": fix.repair_target_cell,
    "unit": _unit,
    "deadline": _deadline,
}
_FIELD = {"name": "name", "target": "target", "baseline": "target", "unit": "unit",
          "deadline": "deadline", "lead": "agency", "support": "agency", "monitor": "agency"}
