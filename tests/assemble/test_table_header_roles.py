"""Which column names the rows and which holds their values, decided by the weight of a
header's words and, when those mislead, by the cells under it (probe2 class 1 and the header
wordings of class 6; the wordings here are other than probe2's)."""

import pytest

from chitieu.assemble.table import assemble
from chitieu.core.headers import header_candidates, header_unit
from chitieu.extract import read_text

ROWS = ("1\tTỷ lệ trường học đạt chuẩn quốc gia\t%\t≥ 90\tPhòng Văn hóa - Xã hội\n"
        "2\tSố thôn có nhà văn hóa đạt chuẩn\tThôn\t12\tPhòng Văn hóa - Xã hội\n")


def _table(text: str):
    return assemble(read_text(text, "text"))


def _column(table, role: str) -> list[str]:
    i = table.index_of(role)
    return [" ".join(row.cells[i].split()) for row in table.rows]


@pytest.mark.parametrize(("header", "role"), [
    # the indicator's word with a word of its value: a level, a value, who assigned it, a
    # year (its digits with a footnote mark glued after them too)
    ("Mức chỉ tiêu đề ra", "target"),
    ("Giá trị chỉ tiêu năm 2027", "target"),
    ("Chỉ tiêu Đảng ủy giao", "target"),
    ("Chỉ tiêu UBND tỉnh giao năm 2027", "target"),
    ("Chỉ tiêu năm 2027 (theo NQ)", "target"),
    ("Chỉ tiêu năm 20273", "target"),
    # a label of a value no rule names
    ("Mức cần đạt", "target"),
    ("Giá trị phấn đấu", "target"),
    ("Nghị quyết giao 2027", "target"),
    ("Năm 2027 (dự kiến)", "target"),
    ("Ước tính cả năm 2026", "baseline"),
    ("Đ.V tính", "unit"),
    ("ĐV đo", "unit"),
    # words naming the rows keep the names; a row's name, a budget, an agency stay no value
    ("Nội dung chỉ tiêu năm 2027", "name"),
    ("Các chỉ tiêu chủ yếu", "name"),
    ("Chỉ tiêu văn hóa - xã hội", "name"),
    ("Tên đơn vị thực hiện", "unknown"),
    ("Kinh phí thực hiện năm 2027", "unknown"),
    ("Mức tăng trưởng kinh tế", "unknown"),
    ("Thực hiện", "unknown"),
    # "Mục" (an item's column) folds like "Mức": a word alone is weighed as nothing
    ("Mục", "unknown"),
    # a reader's join of a cell and a label under it (portal, layout) is not weighed: two
    # years, a year first, or "Chỉ tiêu" before a label a rule knows
    ("Chỉ tiêu năm 2026 Năm 2024", "name"),
    ("Chỉ tiêu năm 2026 Kế hoạch giao", "name"),
    ("Năm 2025 KH giao", "unknown"),
])
def test_a_headers_words_are_weighed(header: str, role: str) -> None:
    assert header_candidates(header)[0] == role


@pytest.mark.parametrize(("header", "unit"), [
    ("Chỉ tiêu năm 2027 (theo NQ)", None),
    ("Chỉ tiêu năm 2027 (HĐND xã giao)", None),
    ("Kế hoạch năm 2027 (tấn)", "tấn"),
])
def test_who_set_a_value_in_a_headers_brackets_is_no_unit(header: str, unit: str | None) -> None:
    assert header_unit(header) == unit


@pytest.mark.parametrize("target", ["Mức chỉ tiêu đề ra", "Giá trị chỉ tiêu năm 2027",
                                    "Chỉ tiêu Đảng ủy giao", "Chỉ tiêu năm 20273",
                                    "Chỉ tiêu năm 2027 (theo NQ)", "Mức cần đạt"])
def test_a_target_headed_with_the_indicators_word_is_no_name(target: str) -> None:
    # beside "Chỉ tiêu" (the names) such a header was taken for the names and "Chỉ tiêu" for
    # the targets: every record named "≥ 90", its target the indicator's text, unwarned
    table = _table(f"TT\tChỉ tiêu\tĐVT\t{target}\tCơ quan chủ trì\n{ROWS}")
    assert [c.role for c in table.columns] == ["number", "name", "unit", "target", "lead"]
    assert _column(table, "name") == ["Tỷ lệ trường học đạt chuẩn quốc gia",
                                      "Số thôn có nhà văn hóa đạt chuẩn"]
    assert _column(table, "target") == ["≥ 90", "12"]
    assert table.warnings == []


@pytest.mark.parametrize("target", ["Chỉ tiêu của xã", "Chỉ tiêu chung"])
def test_the_column_of_words_names_the_rows_not_a_column_of_figures(target: str) -> None:
    # a wording the vocabulary takes for the names: the cells under it are figures, those
    # under "Chỉ tiêu" words, so the two trade roles — and say so
    table = _table(f"TT\tChỉ tiêu\tĐVT\t{target}\tCơ quan chủ trì\n{ROWS}")
    assert [c.role for c in table.columns] == ["number", "name", "unit", "target", "lead"]
    assert _column(table, "name")[0] == "Tỷ lệ trường học đạt chuẩn quốc gia"
    assert sorted(table.warnings) == ["column_role_from_values:Chỉ tiêu",
                                      f"column_role_from_values:{target}"]


def test_names_beside_word_targets_keep_their_roles() -> None:
    table = _table("TT\tChỉ tiêu\tKết quả cần đạt\n1\tXây dựng xã đạt chuẩn nông thôn mới\t"
                   "Đạt chuẩn\n2\tSố hóa hồ sơ hộ tịch\t100%\n")
    assert [c.role for c in table.columns] == ["number", "name", "target"]
    assert table.warnings == []


def test_a_lone_column_of_rates_holds_the_targets() -> None:
    table = _table("TT\tChỉ tiêu\tTỷ lệ (%)\tCơ quan chủ trì\n"
                   "1\tTỷ lệ hộ dân dùng nước sạch\t98\tPhòng Kinh tế\n")
    assert [(c.role, c.unit) for c in table.columns][2] == ("target", "%")
    assert _column(table, "target") == ["98"]


@pytest.mark.parametrize(("low_done", "low_goal"), [("Ước đạt", "Dự kiến"),
                                                    ("Kết quả", "Mục tiêu"),
                                                    ("Thực hiện", "Phấn đấu")])
@pytest.mark.parametrize("repeated", [False, True])
def test_a_year_over_the_kind_of_its_value(low_done: str, low_goal: str, repeated: bool) -> None:
    # probe2 class 3: "Năm 2025" over "Ước đạt" (last year's result: the baseline), "Năm 2026"
    # over "Dự kiến" (the target), under a group cell; the merged cells down the side
    # printed once (text) or in every row (DOCX, PDF) — the kinds were dropped, each year a
    # target of its own with its year as the deadline
    side = ("STT", "Tên chỉ tiêu", "ĐVT") if repeated else ("", "", "")
    agency = "Cơ quan chủ trì" if repeated else ""
    table = _table("STT\tTên chỉ tiêu\tĐVT\tSố liệu theo năm\t\tCơ quan chủ trì\n"
                   + "\t".join([*side, "Năm 2025", "Năm 2026", agency]) + "\n"
                   + "\t".join([*side, low_done, low_goal, agency]) + "\n"
                   "1\tSố doanh nghiệp thành lập mới\tDoanh nghiệp\t45\t50\tPhòng Kinh tế\n")
    assert [c.role for c in table.columns] == [
        "number", "name", "unit", "baseline", "target", "lead"]
    assert len(table.rows) == 1
