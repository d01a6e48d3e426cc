"""Kill trials: a batch whose parent process is sent SIGTERM or SIGKILL mid-run, then run
again; the dataset must end as an uninterrupted run's.

Used by tests/batch/test_kill.py (one fast trial of each signal in `make test`) and by
scripts/kill_trials.py (10 trials of each at random moments of a 1,000-file batch).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from batch_helpers import ROOT

# processes the kernel has not yet reaped after a kill get this long to go
_GRACE_SECONDS = 5.0
TABLES = ("documents.parquet", "records.parquet", "assignments.parquet")
# where the runs import chitieu from: a frozen copy keeps the pipeline's fingerprint (and so
# what a re-run finds unchanged) fixed while the working tree is edited
PYTHONPATH = str(ROOT)


def command(inputs: Path, out: Path, workers: int = 2, *extra: str) -> list[str]:
    return [sys.executable, "-m", "chitieu", "convert", str(inputs), "-o", str(out),
            "--workers", str(workers), "--format", "json,parquet", "--quiet", *extra]


def environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": PYTHONPATH}


@dataclass
class Trial:
    signal: str
    after: str  # when the signal was sent
    exit_code: int | None  # of the signalled parent
    converted_before: int  # files in the manifest when it stopped
    orphans: list[int]  # processes of the run still alive after the grace time
    invalid: list[str]  # JSON or Parquet files in OUT that do not parse
    temporary: int  # hidden temporary files left by the kill (removed by the re-run)
    rerun_exit: int
    rerun_converted: int
    rerun_unchanged: int
    same_dataset: bool
    seconds: float

    @property
    def ok(self) -> bool:
        expected = {"SIGTERM": (143,), "SIGKILL": (-signal.SIGKILL,)}[self.signal]
        # a signal that arrives after the run ended finds it done: exit 0
        return (self.exit_code in (*expected, 0) and not self.orphans and not self.invalid
                and self.rerun_exit == 0 and self.same_dataset
                and self.rerun_unchanged >= self.converted_before)  # it resumed


def run(inputs: Path, out: Path, workers: int = 2) -> subprocess.CompletedProcess:
    return subprocess.run(command(inputs, out, workers), env=environment(), cwd=out.parent,
                          capture_output=True, text=True, check=False)


def trial(inputs: Path, out: Path, reference: Path, signum: int, *, delay: float | None = None,
          after_files: int | None = None, workers: int = 2) -> Trial:
    """Start a batch, signal its parent `delay` seconds in (or once the manifest names
    `after_files` files), then check OUT, run again, and compare with `reference`."""
    started = time.monotonic()
    out.parent.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(command(inputs, out, workers), env=environment(), cwd=out.parent,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        when = _wait(process, out, delay, after_files)
        if process.poll() is None:
            os.kill(process.pid, signum)  # the parent only: its workers must follow it
        exit_code = process.wait(timeout=60)
        orphans = _orphans(process.pid)
    finally:
        _kill_session(process.pid)
    converted = _manifest_entries(out)
    invalid, temporary = check_output(out)
    rerun = run(inputs, out, workers)
    report = _report(out)
    return Trial(signal.Signals(signum).name, when, exit_code, converted, orphans, invalid,
                 temporary, rerun.returncode, report["run"]["converted"],
                 report["run"]["unchanged"], same_tables(out, reference),
                 time.monotonic() - started)


def wait_for(process: subprocess.Popen, out: Path, files: int) -> str:
    """Wait until the run's manifest names `files` files (or the run ends)."""
    return _wait(process, out, None, files)


def orphans(session: int) -> list[int]:
    """The processes of session `session` still alive after the grace time."""
    return _orphans(session)


def kill_session(session: int) -> None:
    _kill_session(session)


def _wait(process: subprocess.Popen, out: Path, delay: float | None,
          after_files: int | None) -> str:
    started = time.monotonic()
    if delay is not None:
        while process.poll() is None and time.monotonic() - started < delay:
            time.sleep(0.005)
        return f"{delay:.2f} s"
    deadline = started + 120
    while process.poll() is None and time.monotonic() < deadline \
            and _manifest_entries(out) < after_files:
        time.sleep(0.005)
    return f"{after_files} files"


def _orphans(session: int) -> list[int]:
    deadline = time.monotonic() + _GRACE_SECONDS
    while (left := session_processes(session)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def session_processes(session: int) -> list[int]:
    """Live processes (not zombies) of the session `session`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == session and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _kill_session(session: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(session, signal.SIGKILL)


def _manifest_entries(out: Path) -> int:
    try:
        return max(0, (out / "manifest.jsonl").read_bytes().count(b"\n") - 1)
    except FileNotFoundError:
        return 0


def _report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def check_output(out: Path) -> tuple[list[str], int]:
    """Files of OUT that do not parse (JSON documents, the manifest's lines but a torn last
    one, Parquet tables), and how many hidden temporary files a kill left."""
    invalid, temporary = [], 0
    for path in out.rglob("*"):
        if path.name.startswith(".") and path.name.endswith(".tmp"):
            temporary += 1
        elif path.suffix == ".json":
            try:
                json.loads(path.read_bytes())
            except ValueError:
                invalid.append(str(path))
        elif path.suffix == ".parquet":
            import pyarrow.parquet as pq

            try:
                pq.read_table(path)
            except Exception:  # any Arrow error: a truncated or torn table
                invalid.append(str(path))
    return invalid, temporary


def same_tables(out: Path, reference: Path) -> bool:
    """The three Parquet tables hold the same rows as the reference run's, in any order."""
    import pyarrow.parquet as pq

    for name in TABLES:
        mine, theirs = pq.read_table(out / name), pq.read_table(reference / name)
        if mine.schema != theirs.schema or _rows(mine) != _rows(theirs):
            return False
    return True


def _rows(table) -> list[str]:
    return sorted(json.dumps(row, sort_keys=True, default=str) for row in table.to_pylist())
