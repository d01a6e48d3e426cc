"""Role labels opening lines of one agency cell without ";" (probe2 class 6): each label
starts a list of its own role, not more of the agency above."""

import pytest

from chitieu.gazetteer.agencies import default_gazetteer


@pytest.mark.parametrize("cell", [
    "Chủ trì: Trạm Y tế xã\nPhối hợp: Hội Liên hiệp Phụ nữ xã, Đoàn Thanh niên xã",
    "Chủ trì: Trạm Y tế xã<br/>Phối hợp: Hội Liên hiệp Phụ nữ xã, Đoàn Thanh niên xã",
    # a PDF's line break lost: the capitalised label after the lead's name
    "Chủ trì: Trạm Y tế xã Phối hợp: Hội Liên hiệp Phụ nữ xã, Đoàn Thanh niên xã",
])
def test_a_role_label_on_a_line_of_its_own_starts_its_list(cell: str) -> None:
    agencies, _ = default_gazetteer().agencies(cell, "lead")
    assert [(a.role, a.raw) for a in agencies] == [
        ("lead", "Trạm Y tế xã"), ("support", "Hội Liên hiệp Phụ nữ xã"),
        ("support", "Đoàn Thanh niên xã")]


def test_role_words_inside_a_line_are_read_as_before() -> None:
    agencies, _ = default_gazetteer().agencies("Trạm Y tế xã chủ trì, phối hợp với Hội "
                                               "Liên hiệp Phụ nữ xã", "support")
    assert [(a.role, a.raw) for a in agencies] == [
        ("lead", "Trạm Y tế xã"), ("support", "Hội Liên hiệp Phụ nữ xã")]
