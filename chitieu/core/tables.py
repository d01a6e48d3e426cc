"""What assembly builds and interpretation reads: tables of logical rows under column roles."""

from __future__ import annotations

from chitieu.core.dataclass import dataclass, field
from chitieu.core.types import BBox, RawRow


@dataclass(slots=True)
class ColumnSpec:
    header: str
    role: str
    index: int
    unit: str | None = None  # printed in the header: "Chỉ tiêu năm 2026 (%)"


@dataclass(slots=True)
class LogicalRow:
    """One row of the table as the document means it, built from one or more physical rows."""

    cells: list[str]
    pieces: list[RawRow]
    bold: bool = False
    after_page_break: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def lines(self) -> tuple[int, int] | None:
        firsts = [p.first_line for p in self.pieces if p.first_line is not None]
        lasts = [p.last_line for p in self.pieces if p.last_line is not None]
        return (min(firsts), max(lasts)) if firsts else None

    @property
    def page(self) -> int | None:
        return self.pieces[0].page

    @property
    def bbox(self) -> BBox | None:
        """The union of the pieces on the row's first page."""
        boxes = [p.bbox for p in self.pieces if p.bbox is not None and p.page == self.page]
        if not boxes:
            return None
        return (min(b[0] for b in boxes), min(b[1] for b in boxes),
                max(b[2] for b in boxes), max(b[3] for b in boxes))


@dataclass(slots=True)
class Table:
    columns: list[ColumnSpec]
    rows: list[LogicalRow]
    preamble: list[RawRow]
    trailing: list[RawRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Later tables of the same document (another appendix, another header), in order; each
    # has the rows that name it (its appendix label and title) as its preamble.
    following: list[Table] = field(default_factory=list)
    name: str | None = None  # a sheet's name, for a table that stands alone
    by_role: dict[str, tuple[int, ...]] = field(init=False, repr=False)
    _combined: dict[tuple[str, ...], tuple[int, ...]] = field(
        init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        by_role: dict[str, list[int]] = {}
        for col in self.columns:
            by_role.setdefault(col.role, []).append(col.index)
        self.by_role = {role: tuple(indexes) for role, indexes in by_role.items()}

    def index_of(self, role: str) -> int | None:
        found = self.by_role.get(role)
        return found[0] if found else None

    def indexes_of(self, *roles: str) -> tuple[int, ...]:
        if len(roles) == 1:
            return self.by_role.get(roles[0], ())
        found = self._combined.get(roles)
        if found is None:
            found = self._combined[roles] = tuple(
                sorted(i for role in roles for i in self.by_role.get(role, ())))
        return found

    @property
    def all_tables(self) -> list[Table]:
        return [self, *self.following]
