"""OCR'd appendices of other communes and wards convert to their hand-written expected output.

tests/fixtures/ocr_variants/ holds tab-separated OCR text in the seeds' family, each stressing
one or two things OCR does to such tables: noisy and wrapped header rows, every spelling of a
target (LaTeX, symbols, words), targets inside a name, deadline forms, agency cells with
abbreviations and slips, section numbering and page breaks, other appendix and issuer forms.
expected/<stem>.gold.json was written by hand from each document and SCHEMA.md. Each is
scored with ../shared/tools/score.py, which must give 1.0.
"""

import json
from pathlib import Path

import pytest
from shared_files import score_one

from chitieu import convert
from chitieu.emit.json_out import document_to_json
from chitieu.emit.schema import validate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ocr_variants"
EXPECTED = FIXTURES / "expected"
INPUTS = sorted(FIXTURES.glob("*.txt"))


def _expected(path: Path) -> dict:
    return json.loads((EXPECTED / f"{path.stem}.gold.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def converted() -> dict[str, dict]:
    return {p.stem: json.loads(document_to_json(convert(p))) for p in INPUTS}


def test_every_input_has_its_expected_output() -> None:
    assert len(INPUTS) >= 6
    assert sorted(p.stem for p in INPUTS) == sorted(
        p.name.removesuffix(".gold.json") for p in EXPECTED.glob("*.gold.json"))


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_scorer_gives_full_marks(path: Path, converted: dict, tmp_path: Path) -> None:
    result = score_one(EXPECTED / f"{path.stem}.gold.json", converted[path.stem], tmp_path)
    assert result.returncode == 0, result.stdout
    assert "score: 1.0000" in result.stdout


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_output_validates_against_schema(path: Path, converted: dict) -> None:
    assert validate(converted[path.stem]) == []


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_columns_locality_and_lines_as_expected(path: Path, converted: dict) -> None:
    got, want = converted[path.stem], _expected(path)
    assert got["plan"]["locality"] == want["plan"]["locality"]
    assert got["plan"]["issued_raw"] == want["plan"]["issued_raw"]
    assert got["columns"] == want["columns"]
    assert [r["key"] for r in got["records"]] == [r["key"] for r in want["records"]]
    for record, expected in zip(got["records"], want["records"], strict=True):
        assert record["source"]["lines"] == expected["source"]["lines"], expected["key"]
        assert record["section"] == expected["section"], expected["key"]
        assert [(a["role"], a["id"], a["name"], a["raw"]) for a in record["agencies"]] == [
            (a["role"], a["id"], a["name"], a["raw"]) for a in expected["agencies"]
        ], expected["key"]
