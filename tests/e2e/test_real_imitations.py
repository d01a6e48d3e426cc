"""Imitations of real province and national tables (tests/fixtures/real/imitations): each
input converts to its hand-written expected records, scored 1.0 by ../shared/tools/score.py.
A DOCX and the PDF LibreOffice printed from it share one expected file (their stem)."""

import json
from pathlib import Path

import pytest
from score_report import document_stem, expected_stems, fixture_inputs
from shared_files import score_one

from chitieu import convert
from chitieu.emit.json_out import document_to_json
from chitieu.emit.schema import validate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "imitations"
EXPECTED = FIXTURES / "expected"
INPUTS = fixture_inputs(FIXTURES)


def test_every_input_has_its_expected_records() -> None:
    assert len({document_stem(p) for p in INPUTS}) >= 6
    assert {document_stem(p) for p in INPUTS} == expected_stems(FIXTURES)


# Inputs whose hand-written records the reader does not reach yet, and why: the test fails
# while it does not, and starts passing (flagging this note) once it does.
KNOWN_GAPS = {
    # the dev batch of 2026-12-06 (05:45)
    "tinh_lai_chau_nhiem_vu_ba_dong": (
        "6/7: a support merged over two rows printed from the top of the first shows nowhere "
        "as merged, and a support a row may lack is not inferred (a lead or deadline is)"),
    # the dev batch of 2026-12-06 (08:25)
    "tinh_gia_lai_chi_tieu_nam_truoc": (
        "4/5: a support merged over rows 4–5 printed from the top of row 4, row 5 naming its "
        "own monitor (the lai_chau class)"),
    "tinh_son_la_nhiem_vu_san_pham": (
        "5/6: a support merged over rows 2.1–2.2 printed from the top of 2.1, 2.2 naming its "
        "own lead (the lai_chau class)"),
    "tinh_phu_tho_chi_tieu_tung_nam": (
        "15/22: a monitor merged over a row, the next, their 'Trong đó:' and two '-' rows, "
        "printed centred on 'Trong đó:', marks the middle of rows 2 and #1 as well as that of "
        "rows 1 to #2: given to the shorter run (the text cannot tell, see test_layout.py)"),
    # the dev batch of 2026-12-07 (00:45): heldout9's and review r1c 6's classes
    "tinh_tuyen_quang_chi_tieu_co_quan_cham": (
        "5/6: the last row, printing no implementing agency, is given the one of the rows "
        "above"),
    # the dev batch of 2026-12-07 (10:10): heldout12's and the drift classes
    "tp_hai_phong_nhiem_vu_ghi_chu_sat_thoi_han": (
        "4/5: row 2's line runs its name long, pdftotext prints its deadline and note six "
        "characters left of the others', the note's first word one space after the "
        "deadline's ('Tháng Phối hợp …') and its wrapped word 'cảng' under the deadline's "
        "column: the drifting-row class (heldout10 son_la, heldout11 tuyen_quang)"),
    # the dev batch of 2026-12-07 (12:35): heldout13 hac_thanh's class, the narrow portrait
    "xa_do_luong_chi_tieu_doc_hep_sat": (
        "0/5: a narrow portrait table, margins 0.03 cm: names run up to the narrow unit "
        "column ('… được tiêm%', '… sức Người 1.200'), the label split between 'Chỉ tiêu' and "
        "'ĐVT' falls inside the names, a unit drifts into the target's place ('% Tối "
        "thiểu')"),
}


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_scorer_gives_full_marks(path: Path, tmp_path: Path, shared_dir: Path,
                                 request: pytest.FixtureRequest) -> None:
    stem = document_stem(path)
    if stem in KNOWN_GAPS:
        request.applymarker(pytest.mark.xfail(reason=KNOWN_GAPS[stem], strict=True))
    doc = json.loads(document_to_json(convert(path)))
    assert validate(doc) == []
    result = score_one(EXPECTED / f"{stem}.gold.json", doc, tmp_path)
    assert result.returncode == 0, result.stdout
