"""Corrections through `chitieu convert`: applied by every later run of the same content,
reported (not applied) once the content changed, a malformed log one clear error; and the
DuckDB file written beside the Parquet tables."""

import json
import shutil
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from chitieu.cli import main
from chitieu.corrections import CORRECTIONS_NAME, Correction, append_correction

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "002_96420e20fdffe3f0.txt"


def _convert(inputs: Path, out: Path) -> int:
    return main(["convert", str(inputs), "-o", str(out), "--format", "json,parquet",
                 "--workers", "1", "--quiet"])


@pytest.fixture
def converted(tmp_path):
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    shutil.copy(SAMPLE, inputs / SAMPLE.name)
    assert _convert(inputs, out) == 0
    return inputs, out


def _document(out: Path) -> dict:
    return json.loads((out / "002_96420e20fdffe3f0.json").read_text(encoding="utf-8"))


def _correct_first_target(out: Path, new: float) -> dict:
    doc = _document(out)
    record = doc["records"][0]
    append_correction(out / CORRECTIONS_NAME, Correction(
        document=doc["source"]["sha256"], key=record["key"], action="edit",
        field="target.value", old=record["target"]["value"], new=new,
        time="2026-01-01T00:00:00+00:00", reviewer="test"))
    return record


def test_a_correction_reaches_the_dataset_on_the_next_run(converted):
    inputs, out = converted
    record = _correct_first_target(out, 42.5)
    assert _convert(inputs, out) == 0, "the corrected document is converted again"
    corrected = _document(out)["records"][0]
    assert corrected["target"]["value"] == 42.5
    assert "corrected:target.value" in corrected["warnings"]
    table = pq.read_table(out / "records.parquet").to_pylist()
    assert table[0]["key"] == record["key"] and table[0]["target_value"] == 42.5
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["corrections"] == {"applied": 1, "not_applied": []}
    # a later run with nothing new keeps it (and converts nothing)
    assert _convert(inputs, out) == 0
    assert _document(out)["records"][0]["target"]["value"] == 42.5
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["run"]["unchanged"] == 1


def test_a_correction_of_changed_content_is_reported_not_applied(converted):
    inputs, out = converted
    record = _correct_first_target(out, 42.5)
    path = inputs / SAMPLE.name
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert _convert(inputs, out) == 0
    assert _document(out)["records"][0]["target"]["value"] == record["target"]["value"]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    [stale] = report["corrections"]["not_applied"]
    assert stale["key"] == record["key"] and "content changed" in stale["reason"]


def test_a_malformed_corrections_file_is_one_clear_error(converted, capsys):
    inputs, out = converted
    (out / CORRECTIONS_NAME).write_text('{"document": 1}\nnot json\n', encoding="utf-8")
    capsys.readouterr()
    assert _convert(inputs, out) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "corrections.jsonl: line 1 is not a correction" in err[0]


def test_the_duckdb_file_has_the_tables_as_views(converted, tmp_path, monkeypatch):
    _, out = converted
    monkeypatch.chdir(tmp_path)  # the views name their files absolutely
    connection = duckdb.connect(str(out / "chitieu.duckdb"), read_only=True)
    try:
        views = {row[0] for row in connection.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
        assert views == {"documents", "records", "assignments", "indicators"}
        count = connection.execute("SELECT count(*) FROM records").fetchone()[0]
    finally:
        connection.close()
    assert count == pq.read_metadata(out / "records.parquet").num_rows == 45
