"""Peak memory and time of `chitieu convert` on each hostile input, at chitieu's default
limits (tests/batch/test_hostile.py checks the same cases at small limits in `make test`).

Each case is converted in a fresh process, beside two good files, with two workers, under
a 3 GB address-space cap; peak memory is the largest resident set of the command and its
workers (wait4's rusage). Prints a Markdown table.

    .venv/bin/python benchmarks/bench_hostile.py
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "batch"))

import hostile_cases as hostile  # noqa: E402

CAP = 3 << 30


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))


def measure(folder: Path, *options: str) -> tuple[int, float, float, str]:
    """(exit code, seconds, peak MB, stderr) of one run over `folder`."""
    command = [sys.executable, "-m", "chitieu", "convert", str(folder), "-o",
               str(folder.parent / "out"), "--workers", "2", *options]
    started = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               preexec_fn=_capped, start_new_session=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    err = process.stderr.read().decode("utf-8", "backslashreplace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, seconds, usage.ru_maxrss / 1024, err


def _line(err: str, name: str) -> str:
    for line in err.splitlines():
        if name in line and "failed:" not in line:
            return line.replace("|", "/")[:150]
    return "—"


def main() -> None:
    runs: list[tuple[str, Path, list[str], str]] = []
    with tempfile.TemporaryDirectory(prefix="chitieu-hostile-") as tmp:
        base = Path(tmp)
        for number, case in enumerate(hostile.CASES):
            folder = base / f"c{number}" / "in"
            hostile.build(folder, [])
            path = case.make(folder, hostile.DEFAULT)
            runs.append((case.name, folder, [], os.fsencode(path.name).decode(
                "utf-8", "backslashreplace")))
        folder = base / "memory" / "in"
        hostile.build(folder, [])
        hostile.inflated_docx(folder, hostile.Limits(inflated_mb=200))
        runs.append(("docx within --max-inflated-mb, past --max-memory-mb 1024", folder,
                     ["--max-memory-mb", "1024"], "inflated.docx"))
        folder = base / "time" / "in"
        hostile.build(folder, [])
        hostile.big_text(folder, hostile.Limits(text_mb=8))
        runs.append(("8 MB text, past --max-seconds 10", folder, ["--max-seconds", "10"],
                     "big.txt"))
        print("| case | exit | seconds | peak MB | what it says |")
        print("|---|---|---|---|---|")
        for name, folder, options, shown in runs:
            code, seconds, peak, err = measure(folder, *options)
            clean = "Traceback" not in err and (folder.parent / "out" / "good.json").is_file()
            print(f"| {name} | {code}{'' if clean else ' (!)'} | {seconds:.1f} | {peak:.0f} | "
                  f"{_line(err, shown)} |", flush=True)


if __name__ == "__main__":
    main()
