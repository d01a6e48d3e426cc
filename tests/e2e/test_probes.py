"""Small reproductions of what went wrong on documents written as a new user would
(tests/fixtures/probes/, one file per defect class, each modelled on a public 2025-2026
plan): converted and scored with ../shared/tools/score.py against records written by hand
(expected/<stem>.gold.json); each must score 1.0."""

import json
from pathlib import Path

import pytest
from shared_files import score_one

from chitieu import convert
from chitieu.emit.json_out import document_to_json

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "probes"
INPUTS = sorted(p for p in FIXTURES.iterdir() if p.is_file())


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_probe_as_expected(path: Path, tmp_path: Path) -> None:
    gold = FIXTURES / "expected" / f"{path.stem}.gold.json"
    result = score_one(gold, json.loads(document_to_json(convert(path))), tmp_path)
    assert result.returncode == 0 and "score: 1.0000" in result.stdout, result.stdout
