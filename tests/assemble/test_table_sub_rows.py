"""Parts of a row marked in the NAME cell ("+ …", "– …", "• …") with the number cell empty
(probe2 class 4): rows of their own under their parent, not more of its name."""

import pytest

from chitieu.assemble.table import assemble
from chitieu.extract import read_text

HEADER = "STT\tTên chỉ tiêu\tĐVT\tKế hoạch năm 2027\tĐơn vị chủ trì\n"


def _rows(text: str) -> list[list[str]]:
    table = assemble(read_text(text, "text"))
    return [[" ".join(c.split()) for c in row.cells[:4]] for row in table.rows]


@pytest.mark.parametrize("mark", ["+", "–", "•", "-"])
@pytest.mark.parametrize("in_which", ["", "\tChia ra:\t\t\t\n"])
def test_parts_marked_in_the_name_cell_are_rows(mark: str, in_which: str) -> None:
    rows = _rows(HEADER + "1\tDiện tích gieo trồng cây hằng năm\tha\t1.850\tPhòng Kinh tế\n"
                 + in_which
                 + f"\t{mark} Lúa\tha\t1.200\tPhòng Kinh tế\n"
                 f"\t{mark}Ngô và rau màu các loại\tha\t650\t\n"
                 "2\tSản lượng lương thực có hạt\ttấn\t9.300\tPhòng Kinh tế\n")
    names = [r[1] for r in rows if r[1] != "Chia ra:"]
    assert names == ["Diện tích gieo trồng cây hằng năm", "Lúa", "Ngô và rau màu các loại",
                     "Sản lượng lương thực có hạt"]
    assert [r[0] for r in rows if r[1] != "Chia ra:"] == ["1", mark, mark, "2"]


def test_a_marked_line_without_a_value_of_its_own_is_more_of_the_name() -> None:
    # a task's name printed over several lines, one "- " line each: the task's text
    rows = _rows("STT\tNhiệm vụ\tĐơn vị chủ trì\tThời hạn\n"
                 "1\tRà soát, cập nhật dữ liệu dân cư:\tCông an xã\tQuý II/2027\n"
                 "\t- Thu thập phiếu\t\t\n")
    assert len(rows) == 1
    assert rows[0][1] == "Rà soát, cập nhật dữ liệu dân cư: - Thu thập phiếu"
