"""What assembly decided about each physical row, and why: `chitieu rows FILE --explain`.

Assembly and interpretation note their decisions on the physical rows they took (a header
row, a repeated header dropped, a row joined across a page break, a line split in two, a
section, a record); the note is keyed by the row itself, so a report can walk the rows as
read and say, for each, what became of it.
"""

from __future__ import annotations

from chitieu.core.dataclass import dataclass, field
from chitieu.core.types import RawRow


@dataclass(slots=True)
class Decision:
    what: str  # "header", "dropped", "joined", "row", "section", "record", …
    why: str = ""

    def __str__(self) -> str:
        return f"{self.what}: {self.why}" if self.why else self.what


@dataclass(slots=True)
class Trace:
    """The decisions by row (by identity: two rows may hold the same cells)."""

    _notes: dict[int, list[Decision]] = field(default_factory=dict)
    _parts: dict[int, list[RawRow]] = field(default_factory=dict)
    _kept: list[RawRow] = field(default_factory=list)  # noted rows stay alive: ids stay theirs

    def note(self, row: RawRow, what: str, why: str = "") -> None:
        self._notes.setdefault(id(row), []).append(Decision(what, why))
        self._kept.append(row)

    def split(self, row: RawRow, parts: list[RawRow] | tuple[RawRow, ...]) -> None:
        """`row` was a line holding two rows: `parts` were taken in its place."""
        self._parts[id(row)] = list(parts)
        self.note(row, "split", "two rows on one line (a lost line break): taken as the "
                                "parts below")

    def replaced(self, row: RawRow, part: RawRow, why: str) -> None:
        """`row` was read as (part of) `part`, a row made for it (targets in prose)."""
        self._parts.setdefault(id(row), []).append(part)
        self.note(row, "read", why)

    def decisions(self, row: RawRow) -> list[Decision]:
        return self._notes.get(id(row), [])

    def parts(self, row: RawRow) -> list[RawRow]:
        return self._parts.get(id(row), [])
