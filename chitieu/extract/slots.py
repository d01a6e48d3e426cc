"""Grid slots merged into cells: slots with no rule between them belong to one cell.

Shared by the PDF reader (camelot's cells) and the scan reader (ruling lines found on the
page image); both know, for each slot, whether its right and bottom sides are open.
"""

from __future__ import annotations

from collections.abc import Callable

Slot = tuple[int, int]  # (row, column)


def merged_slots(n_rows: int, n_cols: int, open_right: Callable[[int, int], bool],
                 open_down: Callable[[int, int], bool]) -> list[list[Slot]]:
    """The groups of slots joined through open sides, each in row-major order; the groups
    ordered by their first slot."""
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_rows):
        for c in range(n_cols):
            here = r * n_cols + c
            if c + 1 < n_cols and open_right(r, c):
                parent[find(here + 1)] = find(here)
            if r + 1 < n_rows and open_down(r, c):
                parent[find(here + n_cols)] = find(here)
    groups: dict[int, list[Slot]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            groups.setdefault(find(r * n_cols + c), []).append((r, c))
    return list(groups.values())
