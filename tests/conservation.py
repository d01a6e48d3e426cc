"""Where every printed cell went: the check behind tests/test_conservation*.py.

A cell's text is *found* when its words stand, in order, in the strings of what it became:
the record its row made (any field: name, raw target, raw deadline, each agency's raw name
— agencies also read one after the other, as a cell naming several prints them —, the
note, the record's warnings), the sections, or the document's warnings. Matching is on
words (case folded, accents kept; punctuation, markup and soft hyphens dropped); a cell is
found whole, or run of words after run of words (a cell naming several agencies, a name and
the target cut from its end), with nothing between the runs but a target's lead-in.

`lost_cells` walks the rows a reader read with the trace assembly and interpretation keep
(`chitieu rows --explain`): a row that became a record is looked for in that record, a row
joined to the one above in that one's, a section row in the sections (and its other cells,
merged down over the rows below it, in the next record), a header row in the column
headers. What a row may become without its text standing anywhere is said in `_EXEMPT`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import chitieu
from chitieu import extract
from chitieu.assemble.trace import Trace
from chitieu.core.numbering import IN_WHICH
from chitieu.core.types import RawDocument, RawRow
from chitieu.emit.json_out import document_to_dict
from chitieu.pipeline import interpret

_WORD = re.compile(r"\w+")
_MARKUP = re.compile(r"</?b>|\*\*|[\u00ad\u200b\u200c\u200d\ufeff]")
_LONGEST_LEAD = 4  # words
# words joining two agencies of one cell ("HĐND và UBND" → HĐND, UBND): no value of their own
_CONNECTORS = frozenset({"và", "cùng"})
# a tick in a target or deadline column marks the row, it holds no value ("x", "✓")
_MARK = re.compile(r"^[xX✓✔•+*vV]$")

# Decisions under which a row's text need not stand in any record, and why.
_EXEMPT = {
    "preamble": "above the table: the plan header's lines (prose, read by interpret.plan)",
    "heading": "a later table's heading lines",
    "lead-in": "a bold title right above the header",
    "after": "below the table's end: closing lines, signature, footnotes",
    "resumed": "",  # noted beside a "row": the row's own decision decides
}
_DROPPED_OK = ("the header repeated", "the columns' numbering", "page furniture",
               "a continuation label")


@dataclass(frozen=True)
class Lost:
    """A printed cell found nowhere it should be."""

    where: str  # "line 12", "page 2", …
    decision: str  # what the row became
    text: str

    def __str__(self) -> str:
        return f"{self.where} ({self.decision}): {self.text[:100]!r}"


def words(text: str) -> str:
    """The text's words, folded for matching, one space apart."""
    text = _MARKUP.sub("", unicodedata.normalize("NFC", text)).casefold()
    return " ".join(_WORD.findall(text))


def strings(value: Any) -> list[str]:
    """Every string in a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def record_haystack(records: list[dict]) -> str:
    """What the records hold, to look a cell up in: each string apart, and the agencies'
    raw names in a row."""
    parts = [words(s) for r in records for s in strings(r)]
    parts += [" ".join(words(a["raw"] or "") for a in r["agencies"]) for r in records]
    return " " + " ¦ ".join(parts) + " "


def found(text: str, haystack: str) -> bool:
    """Whether the cell's words stand in `haystack`: whole, or run after run, the words
    between runs only a target's lead-in, which the name/target split drops by design
    ("… đạt 8% trở lên" → name "…", target "8% trở lên"), or a word joining two agencies
    ("và")."""
    whole = words(text)
    if not whole or f" {whole} " in haystack:
        return True
    tokens = whole.split()
    i = 0
    while i < len(tokens):
        j = next((j for j in range(len(tokens), i, -1)
                  if f" {' '.join(tokens[i:j])} " in haystack), None)
        if j is None:
            j = next((i + n for n in range(_LONGEST_LEAD, 0, -1)
                      if " ".join(tokens[i:i + n]) in _lead_ins()), None)
        if j is None and tokens[i] in _CONNECTORS:
            j = i + 1
        if j is None:
            return False
        i = j
    return True


@functools.cache
def _lead_ins() -> frozenset[str]:
    data = yaml.safe_load((Path(chitieu.__file__).parent / "data" / "target_words.yaml")
                          .read_text("utf-8"))
    return frozenset(words(w) for key in ("lead", "split_leads", "embedded_leads", "rate_leads")
                     for w in data[key])


def convert_with_trace(raw: RawDocument, name: str = "input") -> tuple[dict, Trace, list[RawRow]]:
    """The document's JSON, the trace of what became of each row, and the rows as read."""
    rows = list(raw.rows)
    trace = Trace()
    doc = interpret(raw, file=name, sha256="0" * 64, trace=trace)
    return document_to_dict(doc), trace, rows


def lost_cells(path: Path) -> list[Lost]:
    """The printed cells of `path` that stand nowhere in its document."""
    return lost_in(*convert_with_trace(extract.read(path), path.name))


def lost_in(doc: dict, trace: Trace, rows: list[RawRow]) -> list[Lost]:
    by_key = {r["key"]: r for r in doc["records"]}
    sections = " " + " ¦ ".join(
        words(f"{s['number'] or ''} {s['title'] or ''}") for r in doc["records"]
        for s in r["section"]) + " "
    warned = " " + " ¦ ".join(words(w) for w in doc["warnings"]) + " "
    headers = " " + " ¦ ".join(words(c["header"]) for c in doc["columns"]) + " "
    # a column read into no field, said by a document warning (`column_unmapped:<header>`):
    # one of no role, or a second of a role a record reads from one column ("Mã số")
    said = {w.partition(":")[2] for w in doc["warnings"] if w.startswith("column_unmapped:")}
    unmapped = {i for i, c in enumerate(doc["columns"])
                if c["role"] == "unknown" or c["header"] in said} if said else set()
    header_rows = sum("header" in [d.what for d in trace.decisions(r)] for r in rows)
    prose = "targets_from_prose" in doc["warnings"]
    lost: list[Lost] = []
    state: dict[str, Any] = {"last": "", "pending": []}

    def where(row: RawRow) -> str:
        return f"line {row.first_line}" if row.first_line else f"page {row.page}"

    def look(row: RawRow, what: str, haystack: str, skip: set[int] = frozenset()) -> None:
        for i, cell in enumerate(row.cells):
            if i not in skip and cell.text.strip() and not found(cell.text, haystack):
                lost.append(Lost(where(row), what, cell.text))

    def visit(row: RawRow) -> None:
        decisions = trace.decisions(row)
        whats = [d.what for d in decisions]
        if "split" in whats or "read" in whats:
            for part in trace.parts(row):
                visit(part)
            return
        if row.is_blank() or any(w in _EXEMPT and w != "resumed" for w in whats):
            return
        if "record" in whats:
            why = [d.why for d in decisions if d.what == "record"][-1]
            made = [by_key[k] for k in why.split(", ") if k in by_key]
            haystack = record_haystack(made) + sections + warned
            state["last"] = haystack
            for pending in state["pending"]:
                look(*pending[:2], haystack + pending[2], pending[3])
            state["pending"] = []
            look(row, "record", haystack, _ticks(row) | unmapped)
        elif "section" in whats:
            state["last"] = sections + warned
            # the title stands in the sections; cells merged down over the rows below it
            # (an agency, a deadline the DOCX reader repeats) in the next record
            inside = [i for i, c in enumerate(row.cells) if c.text.strip()
                      and i not in unmapped and not found(c.text, state["last"])]
            if inside:
                state["pending"].append((row, "section", state["last"],
                                         set(range(len(row.cells))) - set(inside)))
        elif "joined" in whats:
            look(row, "joined", state["last"] + warned, _ticks(row) | unmapped)
        elif "header" in whats:
            if header_rows == 1:  # several rows: a group label over columns is no header
                look(row, "header", headers + warned)
        elif "dropped" in whats:
            # a stray line (a caption, a footnote spanning the table) stands in a
            # document warning, table_note:<text>
            why = [d.why for d in decisions if d.what == "dropped"][-1]
            if not why.startswith(_DROPPED_OK):
                look(row, f"dropped: {why}", warned)
        elif prose:
            # the body of a plan whose targets were read from its prose: the lines not read
            # as targets are the plan's text, as the lines above a table are
            return
        else:
            # "Trong đó:" is a label (the rows under it are its parent's parts); beside it,
            # cells merged over it and its parent or parts, which the reader copied: in the
            # record above, else the next one
            label = {i for i, c in enumerate(row.cells) if IN_WHICH.match(c.text.strip())}
            if not label:
                lost.extend(Lost(where(row), "no decision: " + ",".join(whats), c.text)
                            for c in row.cells if c.text.strip())
                return
            inside = {i for i, c in enumerate(row.cells) if c.text.strip()
                      and not found(c.text, state["last"])} - label
            if inside:
                state["pending"].append((row, "in which", state["last"],
                                         set(range(len(row.cells))) - inside))

    for row in rows:
        visit(row)
    for row, what, haystack, skip in state["pending"]:
        look(row, what, haystack, skip)
    return lost


def _ticks(row: RawRow) -> set[int]:
    return {i for i, c in enumerate(row.cells) if _MARK.match(words(c.text) or c.text.strip())}

