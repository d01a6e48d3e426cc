"""Plans written as prose instead of a table: numbered headings, task items, and labelled
fields ("a) Nhiệm vụ: …", "b) Cơ quan thực hiện: - Đơn vị chủ trì: …", "c) Thời gian thực
hiện: …", or italic "*Đơn vị phối hợp: *…" lines under a bulleted task).

The reader turns them into the rows a table would have had, under a synthetic header, so the
same assembler and interpreter handle them:

- a paragraph that is bold as a whole and numbered ("**1.1. Triển khai …:**") is a section
  row;
- a task item is the value of a "Nhiệm vụ" label, a bulleted paragraph ("- …"), or a numbered
  paragraph ("**1. **100% đội ngũ …"); a plain paragraph after an item continues it;
- labelled fields give the agency and deadline cells of every item since the previous set of
  fields (several bullets may share one "Cơ quan thực hiện" block);
- items with no fields at all (numbered targets in prose) go under a second synthetic header
  ("TT | Chỉ tiêu"), placed before the section rows that precede them.

Paragraphs are separated by blank lines; the hard line wraps inside them are spaces. Which
label names which column is read from the header vocabulary (`data/header_roles.yaml`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import regex

from chitieu.core.headers import header_candidates
from chitieu.core.numbering import NUMBERED_LINE
from chitieu.core.text import clean_text, is_bold_markup
from chitieu.core.types import Cell, RawDocument, RawRow
from chitieu.extract.unicode import decode_bytes

_LABELLED = regex.compile(
    r"^(?:[a-zđ]\)\s*)?(?:[-–+•]\s*)?(?P<label>\p{L}[\p{L}\s/,]{2,60}?)\s*:\s*(?P<value>.*)$",
    regex.S,
)
_BULLET = regex.compile(r"^[-–+•]\s*(?P<text>\S.*)$", regex.S)
_MAX_LABEL_WORDS = 8

# The synthetic headers: task blocks, and numbered items that carry no fields.
_COLUMNS = {"number": "TT", "name": "Nhiệm vụ", "lead": "Đơn vị chủ trì",
            "support": "Đơn vị phối hợp", "monitor": "Đơn vị theo dõi",
            "deadline": "Thời gian thực hiện", "note": "Sản phẩm"}
_PLAIN_HEADER = ["TT", "Chỉ tiêu"]
_FIELD_ROLES = ("lead", "support", "monitor", "deadline", "note")


@dataclass(slots=True)
class _Paragraph:
    raw: str  # lines joined with spaces, markup kept
    text: str  # cleaned
    first_line: int
    last_line: int


@dataclass(slots=True)
class _Item:
    number: str
    text: str
    first_line: int
    last_line: int


@dataclass(slots=True)
class _Event:
    """A section row, or a group of items with the fields they share (maybe none)."""

    section: tuple[str, str] | None = None
    items: list[_Item] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=dict)
    line: int = 0
    last_line: int = 0


def read(path: Path) -> RawDocument:
    return read_text(decode_bytes(Path(path).read_bytes()))


def read_text(text: str) -> RawDocument:
    paragraphs = _paragraphs(text)
    preamble, events = _events(paragraphs)
    rows = [_text_row(p) for p in preamble] + _rows(events)
    return RawDocument(rows=rows, format="labelled", pages=None, ocr=False)


# ---------------------------------------------------------------- paragraphs


def _paragraphs(text: str) -> list[_Paragraph]:
    paragraphs: list[_Paragraph] = []
    lines: list[tuple[int, str]] = []
    for number, line in enumerate([*text.split("\n"), ""], start=1):
        if line.strip():
            lines.append((number, line.strip()))
            continue
        if lines:
            raw = " ".join(t for _, t in lines)
            paragraphs.append(_Paragraph(raw, clean_text(raw), lines[0][0], lines[-1][0]))
            lines = []
    return paragraphs


def _text_row(paragraph: _Paragraph) -> RawRow:
    return RawRow([Cell(paragraph.raw)], first_line=paragraph.first_line,
                  last_line=paragraph.last_line)


# ---------------------------------------------------------------- events


def _label_role(text: str) -> tuple[str, str] | None:
    """(column role, value) of a labelled paragraph ("- Đơn vị chủ trì: Sở Tư pháp")."""
    match = _LABELLED.match(text)
    if not match or len(match["label"].split()) > _MAX_LABEL_WORDS:
        return None
    role = header_candidates(match["label"])[0]
    if role not in ("name", *_FIELD_ROLES):
        return None
    return role, match["value"].strip()


def _events(paragraphs: list[_Paragraph]) -> tuple[list[_Paragraph], list[_Event]]:
    preamble: list[_Paragraph] = []
    events: list[_Event] = []
    current: _Event | None = None  # items waiting for (more) fields
    last_field: str | None = None  # the role of the last labelled field read

    def open_group(line: int) -> _Event:
        nonlocal current
        if current is None or current.fields:
            current = _Event(line=line)
            events.append(current)
        return current

    for index, p in enumerate(paragraphs):
        labelled = _label_role(p.text)
        if labelled is not None:
            role, value = labelled
            if role == "name":
                group = open_group(p.first_line)
                if value:
                    group.items.append(_Item("", value, p.first_line, p.last_line))
            elif value and current is not None:
                current.fields.setdefault(role, []).append(value)
                current.last_line = p.last_line
                last_field = role
            continue
        if is_bold_markup(p.raw) and (heading := NUMBERED_LINE.match(p.text)):
            current = None
            title = heading["text"].strip().rstrip(":").strip()
            events.append(_Event(section=(heading["num"], title), line=p.first_line,
                                 last_line=p.last_line))
            continue
        item = _item(p)
        if item is None and _task_under_heading(events, current, paragraphs[index + 1:]):
            # a heading's only task printed as a plain paragraph, its fields right under it
            item = _Item("", p.text, p.first_line, p.last_line)
        if item is not None:
            open_group(p.first_line).items.append(item)
        elif (current is not None and last_field in current.fields
              and p.text[:1].islower()):
            # a field's last words after a stray blank line ("…, địa phương" / "liên quan.")
            values = current.fields[last_field]
            values[-1] = f"{values[-1]} {p.text}"
            current.last_line = p.last_line
        elif current is not None and current.items and not current.fields:
            last = current.items[-1]
            last.text = f"{last.text} {p.text}"
            last.last_line = p.last_line
        elif not events:
            preamble.append(p)
    return preamble, events


def _task_under_heading(events: list[_Event], current: _Event | None,
                        following: list[_Paragraph]) -> bool:
    """A plain paragraph right under a section heading, followed by an agency or deadline
    label ("*- Đơn vị chủ trì: *…"): the section's task, though not bulleted."""
    if current is not None or not events or events[-1].section is None or not following:
        return False
    labelled = _label_role(following[0].text)
    return labelled is not None and labelled[0] in _FIELD_ROLES


def _item(p: _Paragraph) -> _Item | None:
    bullet = _BULLET.match(p.text)
    if bullet:
        return _Item("", bullet["text"], p.first_line, p.last_line)
    numbered = NUMBERED_LINE.match(p.text)
    if numbered and p.raw.startswith("**"):  # "**1. **100% …": a bold number, plain text
        return _Item(numbered["num"], numbered["text"], p.first_line, p.last_line)
    return None


# ---------------------------------------------------------------- rows


def _rows(events: list[_Event]) -> list[RawRow]:
    roles = [r for r in _FIELD_ROLES if any(r in e.fields for e in events)]
    task_header = [_COLUMNS["number"], _COLUMNS["name"], *(_COLUMNS[r] for r in roles)]
    rows: list[RawRow] = []
    header: list[str] | None = None
    sections_since_items = 0  # section rows emitted since the last item row
    for event in events:
        if event.section is not None:
            number, title = event.section
            rows.append(RawRow([Cell(f"**{number}**"), Cell(f"**{title}**")],
                               first_line=event.line, last_line=event.last_line))
            sections_since_items += 1
            continue
        wanted = task_header if event.fields else _PLAIN_HEADER
        if wanted != header:
            # the header goes above the section rows that lead to these items
            at = len(rows) - sections_since_items
            rows.insert(at, RawRow([Cell(h) for h in wanted]))
            header = wanted
        for item in event.items:
            cells = [item.number, item.text]
            if event.fields:
                cells += ["; ".join(event.fields.get(r, [])) for r in roles]
            rows.append(RawRow([Cell(c) for c in cells], first_line=item.first_line,
                               last_line=max(item.last_line, event.last_line)))
        sections_since_items = 0
    return rows
