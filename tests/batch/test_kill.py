"""The parent of a batch killed mid-run (SIGTERM, SIGKILL): no worker outlives it, nothing
truncated in OUT, and the re-run ends with the dataset an uninterrupted run gives. One
trial of each signal here; scripts/kill_trials.py runs 10 of each on 1,000 files."""

import os
import signal
import subprocess
from pathlib import Path

import kill_trials
import pytest
from batch_helpers import write_inputs

FILES = 80


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("kill")
    write_inputs(base / "in", FILES, subfolders=3)
    reference = base / "reference"
    assert kill_trials.run(base / "in", reference).returncode == 0
    return base, reference


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["TERM", "KILL"])
def test_a_killed_parent_leaves_no_worker_and_the_rerun_gives_the_same_dataset(
        corpus, signum) -> None:
    base, reference = corpus
    result = kill_trials.trial(base / "in", base / f"out-{signum}", reference, signum,
                               after_files=15)
    assert result.exit_code == (143 if signum == signal.SIGTERM else -signal.SIGKILL)
    assert 15 <= result.converted_before < FILES, "stopped midway"
    assert result.orphans == [] and result.invalid == []
    assert result.rerun_exit == 0 and result.rerun_unchanged >= 15
    assert result.rerun_converted + result.rerun_unchanged == FILES
    assert result.same_dataset


def test_a_killed_parent_leaves_no_dask_worker(tmp_path, corpus) -> None:
    base, _ = corpus
    out = tmp_path / "out"
    process = subprocess.Popen(
        kill_trials.command(base / "in", out, 1, "--executor", "dask"),
        env=kill_trials.environment(), cwd=tmp_path, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        kill_trials.wait_for(process, out, 5)
        assert process.poll() is None, "the run ended before it could be killed"
        os.kill(process.pid, signal.SIGKILL)  # the parent only: its workers must follow it
        process.wait(timeout=60)
        assert kill_trials.orphans(process.pid) == []
    finally:
        kill_trials.kill_session(process.pid)
