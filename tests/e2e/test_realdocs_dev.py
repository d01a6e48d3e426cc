"""The realdocs dev set (tests/fixtures/real/realdocs_dev): imitations of real province and
national tables, each in the forms people receive them in (DOCX, XLSX, portal HTML,
Markdown, PDF), converting to their hand-written expected records, scored 1.0 by
../shared/tools/score.py. All forms of a document share one expected file (their stem)."""

import json
import re
from pathlib import Path

import pytest
from score_report import document_stem, expected_stems, fixture_inputs
from shared_files import score_one

from chitieu import convert
from chitieu.emit.json_out import document_to_json
from chitieu.emit.schema import validate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "realdocs_dev"
EXPECTED = FIXTURES / "expected"
INPUTS = fixture_inputs(FIXTURES)


def test_every_input_has_its_expected_records() -> None:
    assert {document_stem(p) for p in INPUTS} == expected_stems(FIXTURES)


# Inputs whose hand-written records the reader does not reach, why, and the score they keep
# (a floor: a known gap must not hide a new loss): the test fails when one falls below its
# floor, and when one reaches 1.0 (then this note goes).
KNOWN_GAPS: dict[str, tuple[str, float]] = {
    "tp_hue_nhiem_vu_nhom_khong_so_thu_tu.portal.md": (
        "portal: the first group's unnumbered bold title right under the header is read as "
        "text between two tables (the header takes the title row's empty first slot as its "
        "last cell), so tasks 1-2 have no section", 0.33),
}


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_scorer_gives_full_marks(path: Path, tmp_path: Path) -> None:
    doc = json.loads(document_to_json(convert(path)))
    assert validate(doc) == []
    result = score_one(EXPECTED / f"{document_stem(path)}.gold.json", doc, tmp_path)
    if path.name in KNOWN_GAPS:
        reason, floor = KNOWN_GAPS[path.name]
        score = float(re.search(r"^score: (\S+)", result.stdout, re.MULTILINE)[1])
        assert result.returncode != 0, f"a known gap is closed, remove its note: {reason}"
        assert score >= floor, result.stdout
        pytest.xfail(reason)
    assert result.returncode == 0, result.stdout
