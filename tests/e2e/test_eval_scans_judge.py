"""How benchmarks/eval_scans.py judges a word repair against what the page prints: numbers
are whole words ("98,6"), a neighbour in another cell says nothing, the letterhead is part of
the page, a change of case or of a point alone is judged on the exact forms, and a change the
page prints both ways beside its neighbour is undecided."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "eval_scans.py"


@pytest.fixture(scope="module")
def eval_scans():
    spec = importlib.util.spec_from_file_location("eval_scans_judge", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


PAGE = ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "<b>PHỤ LỤC III</b>\n"
        "<b>STT</b>\t<b>Chỉ tiêu</b>\t<b>Đơn vị tính</b>\t<b>Năm 2025</b>\t<b>Năm 2026</b>\n"
        "1\tTỷ lệ hộ gia đình dùng nước sạch\t%\t98,6\t≥ 99\n"
        "2.2\tTổ chức hội nghị\tQuý II/2026\n"
        "3\tTập huấn nuôi bò sinh sản\tQuý III/2026\n")


@pytest.mark.parametrize(("before", "after", "left", "right", "verdict"), [
    ("986", "98,6", "%", "≥", "right"),  # neighbours in other cells: the page's words decide
    (">99", "≥99", "98,6", "", "right"),
    ("BẠN", "BAN", "ỦY", "NHÂN", "right"),  # the letterhead is printed too
    ("IIi", "III", "LỤC", "", "right"),  # case alone
    ("2.2.", "2.2", "", "Tổ", "right"),  # a point alone
    ("Tố", "Tổ", "2.2", "chức", "right"),
    ("bò", "bó", "nuôi", "sinh", "wrong"),
    ("II/2026", "III/2026", "Quý", "", "undecided"),  # both printed beside "Quý"
])
def test_a_repair_is_judged_against_the_printed_page(eval_scans, before, after, left, right,
                                                     verdict) -> None:
    assert eval_scans.judge(before, after, left, right, eval_scans.Source(PAGE)) == verdict
