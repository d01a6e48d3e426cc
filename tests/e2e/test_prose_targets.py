"""Plans without a table whose targets are bullets under a heading naming them
(tests/fixtures/prose_targets/): converted to their hand-checked expected output, scored with
../shared/tools/score.py (1.0) and compared on what the scorer leaves out (keys, sections,
source lines, the document's warning)."""

import json
from pathlib import Path

import pytest
from shared_files import score_one

from chitieu import convert
from chitieu.emit.json_out import document_to_json

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "prose_targets"
INPUTS = sorted(p for p in FIXTURES.iterdir() if p.is_file())


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_targets_in_prose_as_expected(path: Path, tmp_path: Path) -> None:
    got = json.loads(document_to_json(convert(path)))
    gold = FIXTURES / "expected" / f"{path.stem}.gold.json"
    want = json.loads(gold.read_text("utf-8"))
    assert "targets_from_prose" in got["warnings"]
    assert [(r["key"], r["section"], r["source"]["lines"]) for r in got["records"]] == [
        (r["key"], r["section"], r["source"]["lines"]) for r in want["records"]]
    result = score_one(gold, got, tmp_path)
    assert result.returncode == 0 and "score: 1.0000" in result.stdout, result.stdout
