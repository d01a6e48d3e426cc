"""Grid slots merged into cells where no rule separates them."""

from chitieu.extract.slots import merged_slots


def test_open_sides_merge_slots_into_cells() -> None:
    # 3×3 grid: row 0 is one section cell spanning all columns; column 2 of rows 1–2 is an
    # agency cell merged vertically; everything else is ruled.
    def open_right(r: int, c: int) -> bool:
        return r == 0

    def open_down(r: int, c: int) -> bool:
        return r == 1 and c == 2

    assert merged_slots(3, 3, open_right, open_down) == [
        [(0, 0), (0, 1), (0, 2)], [(1, 0)], [(1, 1)], [(1, 2), (2, 2)], [(2, 0)], [(2, 1)],
    ]


def test_a_fully_ruled_grid_keeps_every_slot() -> None:
    groups = merged_slots(2, 2, lambda r, c: False, lambda r, c: False)
    assert groups == [[(0, 0)], [(0, 1)], [(1, 0)], [(1, 1)]]
