"""Hostile inputs and faults, each met by `chitieu convert` run as a user would run it: in a
subprocess, under a memory cap, with two workers. Every case must end with exit 0/1 (2 for
a run that cannot start), a clear line, no traceback, the other files converted, and no
process left behind."""

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import hostile_cases as hostile
import pytest
from batch_helpers import ROOT, read_report, write_inputs
from kill_trials import session_processes

# the whole run (parent and workers) must fit here, whatever the inputs ask for
MEMORY_CAP = 3 << 30


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def chitieu(*arguments: str | Path, cwd: Path, timeout: float = 240) -> subprocess.CompletedProcess:
    """`chitieu convert …` under the memory cap, in a session of its own; asserts that no
    process of that session outlives it."""
    command = [sys.executable, "-m", "chitieu", "convert", *map(str, arguments)]
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, errors="backslashreplace", start_new_session=True,
                               preexec_fn=_capped,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        out, err = process.communicate(timeout=timeout)
    finally:
        left = session_processes(process.pid)
        if process.poll() is None or left:
            os.killpg(process.pid, signal.SIGKILL)
    assert not left, f"processes left behind: {left}"
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def assert_clean(result: subprocess.CompletedProcess, codes: tuple[int, ...] = (0, 1)) -> None:
    assert result.returncode in codes, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip(), "a run that met hostile input says something"


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory) -> tuple[Path, dict[str, Path], subprocess.CompletedProcess]:
    base = tmp_path_factory.mktemp("hostile")
    paths = hostile.build(base / "in")
    result = chitieu("in", "-o", "out", "--workers", "2", "--format", "json,parquet",
                     *hostile.QUICK.options(), cwd=base)
    return base, paths, result


def test_a_folder_of_hostile_inputs_ends_cleanly(hostile_run) -> None:
    base, _, result = hostile_run
    assert_clean(result)
    assert result.returncode == 1
    assert (base / "out" / "good.json").is_file() and (base / "out" / "good_too.json").is_file()
    assert (base / "out" / "records.parquet").is_file()
    assert not list((base / "out").rglob("*.tmp"))


@pytest.mark.parametrize("case", hostile.CASES, ids=[c.name for c in hostile.CASES])
def test_each_hostile_input_gets_its_outcome_and_a_clear_line(hostile_run, case) -> None:
    base, paths, result = hostile_run
    report = read_report(base / "out")
    shown = os.fsencode(paths[case.name]).decode("utf-8", "backslashreplace")
    failed = {f["input"]: f for f in report["failed"]}
    skipped = {s["path"].split("/")[-1]: s for s in report["skipped"]}
    name = shown.rsplit("/", 1)[-1]
    lines = [line for line in result.stderr.splitlines() if name in line]
    if case.outcome == "failed":
        assert failed[shown]["code"] == case.code
        assert any(case.says in line for line in lines), result.stderr
    elif case.outcome == "skipped":
        assert name in skipped and case.says in skipped[name]["reason"]
        assert any(case.says in line for line in lines), result.stderr
    else:
        assert shown not in failed and name not in skipped
        assert case.says in result.stderr


def test_a_name_that_is_not_utf8_is_converted_under_an_escaped_name(hostile_run) -> None:
    base, _, _ = hostile_run
    document = json.loads((base / "out" / "k_xe9_ho_xe1ch.json").read_text(encoding="utf-8"))
    assert document["source"]["file"] == "k\\xe9_ho\\xe1ch.txt"


def test_follow_links_reads_what_links_lead_to(tmp_path: Path) -> None:
    hostile.build(tmp_path / "in", [c for c in hostile.CASES if c.make is hostile.outside_link])
    result = chitieu("in", "-o", "out", "--follow-links", cwd=tmp_path)
    assert_clean(result)
    assert result.returncode == 0 and (tmp_path / "out" / "outside.json").is_file()


def test_a_malformed_gazetteer_is_one_clear_error(tmp_path: Path) -> None:
    hostile.build(tmp_path / "in", [])
    for number, text in enumerate(['id,name\nx,"unterminated\ny,z\n', "id,name,kind\nx,y\n"]):
        (tmp_path / f"bad{number}.csv").write_text(text, encoding="utf-8")
        result = chitieu("in", "-o", "out", "--gazetteer", f"bad{number}.csv", cwd=tmp_path)
        assert_clean(result, codes=(2,))
        [line] = result.stderr.strip().splitlines()
        assert line.startswith(f"chitieu: bad{number}.csv: ") or f"bad{number}.csv" in line


def test_an_input_deleted_since_the_last_run_is_reported_then_pruned(tmp_path: Path) -> None:
    written = write_inputs(tmp_path / "in", 3)
    assert chitieu("in", "-o", "out", cwd=tmp_path).returncode == 0
    written[1].unlink()

    result = chitieu("in", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0
    assert "no longer on disk (--prune drops them)" in result.stderr
    assert read_report(tmp_path / "out")["dataset"]["missing_inputs"] == [str(written[1])]
    assert (tmp_path / "out" / "plan_001.json").is_file()

    result = chitieu("in", "-o", "out", "--prune", cwd=tmp_path)
    assert result.returncode == 0 and "dropped 1 documents" in result.stderr
    dataset = read_report(tmp_path / "out")["dataset"]
    assert dataset["documents"] == 2 and dataset["pruned"] == [str(written[1])]
    assert not (tmp_path / "out" / "plan_001.json").exists()


def the_one_failure(folder: Path, make, limits: hostile.Limits, *options: str) -> dict:
    """Convert good files and one made by `make` with `options`; the report's one failure."""
    hostile.build(folder / "in", [])
    make(folder / "in", limits)
    result = chitieu("in", "-o", "out", "--workers", "2", *options, cwd=folder)
    assert_clean(result)
    [failure] = read_report(folder / "out")["failed"]
    assert (folder / "out" / "good.json").is_file() and (folder / "out" / "good_too.json").is_file()
    return failure


def test_a_file_past_the_memory_cap_fails_alone(tmp_path: Path) -> None:
    failure = the_one_failure(tmp_path, hostile.inflated_docx, hostile.Limits(inflated_mb=20),
                              "--max-inflated-mb", "100", "--max-memory-mb", "400")
    assert failure["code"] in ("out_of_memory", "worker_died")
    assert "--max-memory-mb" in failure["error"]


def test_a_file_past_the_time_limit_fails_alone(tmp_path: Path) -> None:
    # 60 MB of text takes about 10 s on an idle machine, the good files a tenth of a second
    # each: a limit of 3 s leaves a factor of three on a faster machine and of thirty on one
    # so loaded that the good files run thirty times slower (1 s failed them at load 12)
    failure = the_one_failure(tmp_path, hostile.big_text, hostile.Limits(text_mb=60),
                              "--max-text-mb", "61", "--max-seconds", "3")
    assert failure["code"] == "timeout" and "--max-seconds" in failure["error"]


def test_sigterm_stops_like_ctrl_c_and_the_rerun_resumes(tmp_path: Path) -> None:
    write_inputs(tmp_path / "in", 80, subfolders=2)
    command = [sys.executable, "-m", "chitieu", "convert", "in", "-o", "out", "--workers", "2"]
    process = subprocess.Popen(command, cwd=tmp_path, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    manifest = tmp_path / "out" / "manifest.jsonl"
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline and (
            not manifest.exists() or manifest.read_bytes().count(b"\n") < 6):
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    err = process.communicate(timeout=30)[1]
    assert process.returncode == 143, err
    assert "chitieu: terminated (SIGTERM):" in err and "run the same command again" in err
    assert "Traceback" not in err
    assert not session_processes(process.pid)

    result = chitieu("in", "-o", "out", "--workers", "2", cwd=tmp_path)
    assert result.returncode == 0
    run = read_report(tmp_path / "out")["run"]
    assert run["unchanged"] >= 5 and run["unchanged"] + run["converted"] == 80
