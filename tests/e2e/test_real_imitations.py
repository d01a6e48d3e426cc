"""Imitations of real province and national tables (tests/fixtures/real/imitations): each
input converts to its hand-written expected records, scored 1.0 by ../shared/tools/score.py.
A DOCX and the PDF LibreOffice printed from it share one expected file (their stem)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chitieu import convert
from chitieu.emit.json_out import document_to_json
from chitieu.emit.schema import validate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "imitations"
EXPECTED = FIXTURES / "expected"
INPUTS = sorted(p for p in FIXTURES.iterdir()
                if p.is_file() and p.suffix != ".py" and p.name != "README.md")


def _stem(path: Path) -> str:
    return path.name.split(".")[0]


def test_every_input_has_its_expected_records() -> None:
    assert len({_stem(p) for p in INPUTS}) >= 6
    assert {_stem(p) for p in INPUTS} == {
        p.name.removesuffix(".gold.json") for p in EXPECTED.glob("*.gold.json")}


# Inputs whose hand-written records the reader does not reach yet, and why: the test fails
# while it does not, and starts passing (flagging this note) once it does.
KNOWN_GAPS = {
    "tinh_ninh_binh_chi_tieu_nhom": (
        "a unit printed on the top line of a row numbered in its middle ('%' over '3') is "
        "read with the row above, whose own unit sits on its top line too (0.80)"),
    "tinh_dak_lak_nhiem_vu_ghep": (
        "a deadline merged over two rows whose cells print from their tops ('Trong 45 ngày') "
        "shows nowhere in the text as merged: the second row has none (0.80)"),
    # the dev set of 2026-12-06 (00:00), as first scored (main at ff8cbe4)
    "tinh_tuyen_quang_giao_chi_tieu": (
        "a support cell merged over a row and its sub-rows, centred, is cut between two of "
        "them ('Thuế tỉnh Tuyên' / 'Quang'): 6/9 right (first scored 0/9, 11 extra)"),
    "tinh_quang_ngai_chi_tiet_nhom": (
        "lead cells printed from their row's top beside numbers centred in the row: a lead "
        "read with the row above (2/6 right)"),
    "quoc_gia_de_an_nhiem_vu_doc": (
        "portrait, narrow columns, a lead cell one space after the name's longest lines: the "
        "lead read into the name (0/5 right)"),
    "tinh_can_tho_chi_tieu_don_vi": (
        "the column-letter row 'A B C 1 2 3', units on their row's top line: baseline and "
        "target columns shifted, an extra record 'B' (0/7 right)"),
}


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_scorer_gives_full_marks(path: Path, tmp_path: Path, shared_dir: Path,
                                 request: pytest.FixtureRequest) -> None:
    stem = _stem(path)
    if stem in KNOWN_GAPS:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_GAPS[stem], strict=True))
    doc = json.loads(document_to_json(convert(path)))
    assert validate(doc) == []
    (tmp_path / "gold").mkdir()
    (tmp_path / "pred").mkdir()
    (tmp_path / "gold" / f"{stem}.gold.json").write_bytes(
        (EXPECTED / f"{stem}.gold.json").read_bytes())
    (tmp_path / "pred" / f"{stem}.json").write_text(json.dumps(doc), "utf-8")
    result = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), str(tmp_path / "gold"),
         str(tmp_path / "pred"), "--min", "1.0", "--verbose"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout
