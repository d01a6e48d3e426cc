"""Long tables read in time linear in their rows (issues 11 / 15), checked by counting the
work done, never by timing it: the layout reader's cut of a column into rows
(`layout._partition`) and the raw cells reader's joining of a column's lines
(`cells._joined_to`)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from chitieu.extract import cells, layout, read_text

LEADS = ["Công an xã", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Hội Nông dân xã",
         "Văn phòng HĐND và UBND"]


def _layout_table(rows: int) -> str:
    """A `pdftotext -layout` table, a row a line, some cells empty."""
    lines = ["PHỤ LỤC", "NHIỆM VỤ NĂM 2026",
             " STT   Nhiệm vụ                        Cơ quan chủ trì          "
             "Cơ quan phối hợp    Thời gian hoàn thành"]
    for n in range(1, rows + 1):
        lead = "" if n % 7 == 0 else LEADS[n % len(LEADS)]
        support = "Các thôn" if n % 2 else ""
        deadline = "" if n % 3 == 0 else f"Quý {'I' * (1 + n % 3)}/2026"
        lines.append(f" {n:<6}{f'Nhiệm vụ thứ {n} của xã':<32}{lead:<25}{support:<20}"
                     f"{deadline}".rstrip())
    return "\n".join(lines) + "\n"


def _layout_work(rows: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many (row end, group start) pairs the cuts of the table's columns looked at (the
    spacing costs `_irregular_spacing` works out, one per pair)."""
    seen = [0]
    spacing = layout._irregular_spacing

    def counted(*args: object, **kwargs: object) -> list[float]:
        costs = spacing(*args, **kwargs)
        seen[0] += len(costs)
        return costs

    with monkeypatch.context() as patch:
        patch.setattr(layout, "_irregular_spacing", counted)
        doc = read_text(_layout_table(rows))
    numbered = [r for r in doc.rows if r.texts and r.texts[0].strip().isdigit()]
    assert len(numbered) == rows
    return seen[0]


def test_layout_cut_work_grows_linearly_with_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    # every split (i, j) for every row was tried: 120 rows 4× the work of 60, not 2×
    small, large = _layout_work(60, monkeypatch), _layout_work(120, monkeypatch)
    assert large <= 2.4 * small
    assert large <= 130 * 120  # (every split: 120 × 121 / 2 per column and model)


def _fragments(rng: random.Random) -> tuple[list, list[int]]:
    words = ["Sở", "Y", "tế", "Công", "an", "tỉnh;", "Quý", "II/2026", "Năm", "2026", "các",
             "xã", "Hằng", "năm", "UBND", "huyện,", "Trung", "tâm", "-", "1", "a)"]
    total = rng.randint(4, 28)
    lines = sorted(rng.sample(range(total + 6), total))
    fragments = []
    for line in lines:
        texts = rng.sample(words, rng.randint(1, 3))
        x, row = 10, []
        for text in texts:
            row.append(layout._Word(x, x + len(text), text))
            x += len(text) + 1
        fragments.append((line, row))
    anchors = sorted(rng.sample(range(total + 6), rng.randint(1, max(1, total // 2))))
    if rng.random() < 0.3:
        anchors[0] = -1  # a row the previous page left open
    return fragments, anchors


@pytest.mark.parametrize("seed", range(40))
def test_a_bound_on_the_cut_changes_nothing_within_it(seed: int) -> None:
    # the bound only leaves out cuts costing more: the cut found, and of equal costs the
    # one chosen, are those found without it
    rng = random.Random(seed)
    fragments, anchors = _fragments(rng)
    ends = [*(a - 1 for a in anchors[1:]), fragments[-1][0]]
    middles = [(a + max(a, end)) / 2 for a, end in zip(anchors, ends, strict=True)]
    sections = frozenset(r for r in range(len(anchors)) if rng.random() < 0.15)
    for model in ({}, {"top": True}, {"middles": middles}):
        options = {"sections": sections, "required": rng.random() < 0.5,
                   "filled": rng.random() < 0.5, **model}
        free = layout._partition(fragments, anchors, **options)
        guess = layout._partition(fragments, anchors, reach=layout._GUESS_REACH, **options)
        assert guess[1] >= free[1]
        for bound in (free[1], guess[1], free[1] + 6.5):
            assert layout._partition(fragments, anchors, bound=bound, **options) == free
        if free[1] >= 1:
            assert layout._partition(fragments, anchors, bound=free[1] - 1, **options)[1] > (
                free[1] - 1)


def test_raw_column_joined_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    # each join looked at every pair of neighbours again (3,000 lines down to 5 rows: 54 s);
    # now only the two pairs a join changed are ranked again
    looked = [0]
    opens = cells._opens_agency

    def counted(text: str) -> bool:
        looked[0] += 1
        return opens(text)

    # (no two rows' lines alike: the same lines for every row are one cell each at once)
    texts = [LEADS[k % len(LEADS)] + ("" if k % 4 else f" số {k}") if k % 3 else "và các thôn"
             for k in range(900)]
    monkeypatch.setattr(cells, "_opens_agency", counted)
    joined = cells._joined_to(texts, 5, "lead")
    assert len(joined) == 5
    assert " ".join(joined).split() == " ".join(texts).split()
    assert looked[0] <= 4 * len(texts)


def test_raw_column_joins_the_pair_ranked_first() -> None:
    # of the neighbours, the lower not opening an agency's name, then the one above the
    # fewest words, then the highest
    texts = ["Sở Y tế", "tỉnh", "Công an", "Phòng Kinh tế", "huyện", "Quý", "IV"]
    assert cells._joined_to(texts, 4, "lead") == [
        "Sở Y tế tỉnh", "Công an", "Phòng Kinh tế huyện", "Quý IV"]


class _Counted(list):
    """A list that counts how often it is gone through, and its items read one by one."""

    def __init__(self, items: object = ()) -> None:
        super().__init__(items)
        self.walks = 0
        self.reads = 0

    def __iter__(self) -> Iterator:
        self.walks += 1
        return super().__iter__()

    def __getitem__(self, index: int | slice) -> object:
        self.reads += 1
        return super().__getitem__(index)


def test_merged_cells_spread_without_searching_the_page_per_row() -> None:
    # each filled row's lines were searched for among all the column's lines
    words = [layout._Word(10, 14, f"ô{r}") for r in range(200)]
    groups = [[[word]] for word in words]
    fragments = _Counted((r, [word]) for r, word in enumerate(words))
    layout._spread_merged_cells(groups, 0, fragments, list(range(200)))
    assert fragments.walks <= 2


def test_placed_cells_find_their_nearest_number_without_a_scan() -> None:
    # each line looked for its nearest row number among all the page's numbers
    rows = 200
    words = [layout._Word(10, 14, f"ô{r}") for r in range(rows)]
    parts = [[(2 * r, [word])] for r, word in enumerate(words)]
    groups = [[[word]] for word in words]
    anchors = _Counted(2 * r for r in range(rows))
    assert layout._placed_without_confidence(parts, anchors, groups, 0) == set()
    assert anchors.reads + anchors.walks <= 20 * rows


def test_crowded_line_costs_look_at_nearby_lines_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # how a piece sits in its column went through all the column's lines for every piece
    learnt: list[_Counted] = []
    learn = layout._Alignment._learn

    def counted(self: layout._Alignment, lines: list) -> None:
        learn(self, lines)
        self.clean = [_Counted(column) for column in self.clean]
        learnt.extend(self.clean)

    monkeypatch.setattr(layout._Alignment, "_learn", counted)
    doc = read_text(_layout_table(120))
    assert len([r for r in doc.rows if r.texts and r.texts[0].strip().isdigit()]) == 120
    assert sum(column.walks for column in learnt) <= 40
