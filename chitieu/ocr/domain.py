"""Apply the OCR repairs to a scan's rows, column by column, and say what was repaired.

The columns' roles come from the header row, read with the assembler's own header words
(`chitieu.extract.table`), after the header itself has been snapped to the vocabulary. Every
repaired cell is reported (`Repair`) so the reader can warn about it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex

from chitieu.extract.types import RawRow
from chitieu.ocr import repair as fix

_AGENCY_ROLES = {"lead", "support", "monitor"}
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


def repair_rows(rows: list[RawRow]) -> list[Repair]:
    """Repair the cells of `rows` in place; return what was changed."""
    repairs: list[Repair] = []
    for index, row in enumerate(rows):
        for column, cell in enumerate(row.cells):
            _apply(repairs, index, column, cell, "text", _generic)
    roles_by_table, headers = _roles(rows, repairs)
    _repair_numbers(rows, roles_by_table, headers, repairs)
    for index, row in enumerate(rows):
        roles = roles_by_table.get(row.table) if row.table is not None else None
        if not roles or index in headers:
            continue
        for column, cell in enumerate(row.cells[: len(roles)]):
            repairer = _COLUMN_REPAIRS.get(roles[column])
            if repairer is not None:
                _apply(repairs, index, column, cell, _FIELD[roles[column]], repairer)
    return repairs


def _generic(text: str) -> str:
    return fix.split_glued_syllables(fix.plain_foreign_letters(fix.strip_rule_marks(text)))


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
    from chitieu.extract.table import assign_roles

    roles_by_table: dict[int, list[str]] = {}
    headers: set[int] = set()
    previous: list[str] | None = None
    for table in sorted({r.table for r in rows if r.table is not None}):
        members = [i for i, r in enumerate(rows) if r.table == table]
        header = None
        for index in members[:_HEADER_SEARCH_ROWS]:
            if _snap_header(rows, index, repairs):
                header = index
                break
        if header is not None:
            previous = assign_roles([c.text for c in rows[header].cells])
            headers.add(header)
        if previous is not None and len(previous) == len(rows[members[0]].cells):
            roles_by_table[table] = previous
    return roles_by_table, headers


def _snap_header(rows: list[RawRow], index: int, repairs: list[Repair]) -> bool:
    """Snap a row's cells to header phrases; True when the row then reads as a header."""
    from chitieu.extract.table import header_candidates

    row = rows[index]
    snapped = [_snap_header_cell(c.text) for c in row.cells]
    known = [h for h in snapped if h and header_candidates(h)[:1] not in ((), ("unknown",))]
    if len(known) < 2 or not any("name" in header_candidates(h) for h in known):
        return False
    for column, (cell, text) in enumerate(zip(row.cells, snapped, strict=True)):
        if text != cell.text:
            repairs.append(Repair(index, column, "header", cell.text, text))
            cell.text = text
    return True


def _snap_header_cell(text: str) -> str:
    vocab = fix.vocabulary()
    if not text.strip() or len(text) > 120:
        return text
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
    for index, row in enumerate(rows):
        roles = roles_by_table.get(row.table) if row.table is not None else None
        if not roles or "number" not in roles or index in headers:
            continue
        column = roles.index("number")
        text = row.cells[column].text
        head = _SECTION_HEAD.match(text)
        places.append((index, column, head["number"] if head else text))
        others = [c.text for i, c in enumerate(row.cells)
                  if i < len(roles) and roles[i] not in ("number", "name")]
        section_like.append(not any(t.strip() for t in others))
    fixed = fix.repair_number_column([p[2] for p in places], section_like)
    for (index, column, number), new in zip(places, fixed, strict=True):
        if new == number:
            continue
        cell = rows[index].cells[column]
        head = _SECTION_HEAD.match(cell.text)
        after = new + head["rest"] if head else new
        _apply(repairs, index, column, cell, "number", lambda _text, after=after: after)


# ---------------------------------------------------------------- other columns

def _unit(text: str) -> str:
    return fix.snap_phrase(text, fix.vocabulary()["unit_phrases"])


def _deadline(text: str) -> str:
    return fix.snap_words(fix.repair_date_digits(text), fix.vocabulary()["words"])


def _agencies(text: str) -> str:
    gazetteer = _gazetteer()
    if gazetteer is None or not text.strip():
        return text
    parts = [p.strip() for p in text.split(";")]
    return "; ".join(_snap_agency(p, gazetteer) for p in parts)


def _snap_agency(part: str, gazetteer) -> str:
    if not part or gazetteer.match(part).id is not None:
        return part
    names = _agency_surface_forms()
    snapped = fix.snap_phrase(part, names, _AGENCY_MIN_RATIO, _AGENCY_MAX_LENGTH_CHANGE)
    if snapped != part:
        return snapped
    pieces = [p.strip() for p in part.split(",")]
    if len(pieces) == 1:
        return part
    return ", ".join(p if gazetteer.match(p).id is not None else
                     fix.snap_phrase(p, names, _AGENCY_MIN_RATIO, _AGENCY_MAX_LENGTH_CHANGE)
                     for p in pieces)


@lru_cache(maxsize=1)
def _gazetteer():
    try:
        from chitieu.gazetteer.agencies import default_gazetteer
    except ImportError:  # a build without the gazetteer: agencies are left as read
        return None
    return default_gazetteer()


@lru_cache(maxsize=1)
def _agency_surface_forms() -> tuple[str, ...]:
    gazetteer = _gazetteer()
    forms: list[str] = []
    for entry in gazetteer.entries.values():
        forms += [entry.name, *entry.aliases, *entry.abbreviations]
    return tuple(dict.fromkeys(f for f in forms if len(f) >= 6))


_COLUMN_REPAIRS: dict[str, Callable[[str], str]] = {
    "target": fix.repair_target_cell,
    "baseline": fix.repair_target_cell,
    "unit": _unit,
    "deadline": _deadline,
    "lead": _agencies,
    "support": _agencies,
    "monitor": _agencies,
}
_FIELD = {"target": "target", "baseline": "target", "unit": "unit", "deadline": "deadline",
          "lead": "agency", "support": "agency", "monitor": "agency"}
