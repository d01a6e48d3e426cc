"""Small reproductions of what went wrong on documents written as a new user would
(tests/fixtures/probes/, one file per defect class, each modelled on a public 2025-2026
plan): converted and scored with ../shared/tools/score.py against records written by hand
(expected/<stem>.gold.json); each must score 1.0."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chitieu import convert
from chitieu.emit.json_out import document_to_json

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "probes"
INPUTS = sorted(p for p in FIXTURES.iterdir() if p.is_file() and p.suffix != ".py")


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_probe_as_expected(path: Path, tmp_path: Path, shared_dir: Path) -> None:
    gold = FIXTURES / "expected" / f"{path.stem}.gold.json"
    (tmp_path / "gold").mkdir()
    (tmp_path / "pred").mkdir()
    (tmp_path / "gold" / gold.name).write_bytes(gold.read_bytes())
    got = json.loads(document_to_json(convert(path)))
    (tmp_path / "pred" / f"{path.stem}.json").write_text(json.dumps(got), "utf-8")
    result = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), str(tmp_path / "gold"),
         str(tmp_path / "pred"), "--min", "1.0", "--verbose"],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "score: 1.0000" in result.stdout, result.stdout
