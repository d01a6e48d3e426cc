"""The seeds in samples/ convert to exactly their gold (../shared/gold), field by field."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chitieu import convert
from chitieu.emit.json_out import document_to_json
from chitieu.emit.schema import validate

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_sample_matches_gold_field_by_field(sample: Path, shared_dir: Path) -> None:
    gold = json.loads((shared_dir / "gold" / f"{sample.stem}.gold.json").read_text("utf-8"))
    doc = json.loads(document_to_json(convert(sample)))
    assert doc["plan"] == gold["plan"]
    assert doc["columns"] == gold["columns"]
    assert [r["key"] for r in doc["records"]] == [r["key"] for r in gold["records"]]
    for got, want in zip(doc["records"], gold["records"], strict=True):
        for field in ("number", "section", "kind", "name", "target", "deadline", "note"):
            assert got[field] == want[field], (want["key"], field)
        assert [(a["role"], a["id"], a["name"], a["raw"]) for a in got["agencies"]] == [
            (a["role"], a["id"], a["name"], a["raw"]) for a in want["agencies"]
        ], want["key"]
        assert got["source"]["lines"] == want["source"]["lines"], want["key"]


def test_scorer_gives_full_marks(tmp_path: Path, shared_dir: Path) -> None:
    for sample in SAMPLES:
        (tmp_path / f"{sample.stem}.json").write_text(document_to_json(convert(sample)), "utf-8")
    result = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), str(shared_dir / "gold"),
         str(tmp_path), "--min", "1.0"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout
    assert "score: 1.0000" in result.stdout


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_output_validates_against_schema(sample: Path) -> None:
    assert validate(json.loads(document_to_json(convert(sample)))) == []


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_output_is_deterministic(sample: Path) -> None:
    assert document_to_json(convert(sample)) == document_to_json(convert(sample))
