"""Start-up: wall time of `chitieu --help` and of `chitieu convert` on one text file, each a
fresh process (the median of --repeat runs, into a fresh output folder each time): wall time
and the process's CPU time (user + system), the steadier figure on a loaded machine.

    python benchmarks/bench_start.py
    python benchmarks/bench_start.py --against /tmp/old_checkout   # ratio, in one run

--against runs the same commands on another source tree (e.g. `git archive main | tar -x`)
with this interpreter, interleaved with this tree's runs, so that both see the same load.
Byte-code is written (PYTHONDONTWRITEBYTECODE is unset) and one warm-up run precedes the
timed ones: the figures are those of an installed chitieu, not of a first run (the data kept
by chitieu.core.cache is in the cache folder after it, as after any first run).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "002_96420e20fdffe3f0.txt"
TARGETS = {"help": 0.05, "convert": 0.12}

# Runs chitieu's CLI from the tree given first, whatever the environment has installed, as
# its console script does: through the entry point the tree's pyproject.toml names.
_RUNNER = (
    "import sys; sys.meta_path = [f for f in sys.meta_path if 'editable' not in repr(f)]; "
    "sys.path.insert(0, sys.argv.pop(1)); from {module} import {function}; "
    "sys.exit({function}())"
)
_ENTRY_POINT = re.compile(r'^chitieu\s*=\s*"([\w.]+):(\w+)"', re.MULTILINE)


def _command(tree: Path, args: list[str]) -> list[str]:
    module, function = _ENTRY_POINT.search((tree / "pyproject.toml").read_text()).groups()
    runner = _RUNNER.format(module=module, function=function)
    return [sys.executable, "-c", runner, str(tree), *args]


def _time(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run: on a loaded machine the CPU time
    is the steadier figure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _cases(out: Path) -> dict[str, list[str]]:
    return {"help": ["--help"],
            "convert": ["convert", str(SAMPLE), "-o", str(out), "--format", "json"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--against", type=Path, help="another source tree to compare with")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    trees = {"this": ROOT} | ({"against": args.against.resolve()} if args.against else {})
    times: dict[tuple[str, str], list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.repeat + 1):  # run 0 warms up (byte-code, file cache)
            for name, tree in trees.items():
                for case, argv in _cases(Path(tmp) / f"{name}{run}").items():
                    spent = _time(_command(tree, argv), env)
                    if run:
                        times.setdefault((name, case), []).append(spent)
    for case, target in TARGETS.items():
        here = _medians(times["this", case])
        line = (f"{case:8} {here[0] * 1000:6.1f} ms wall, {here[1] * 1000:6.1f} ms CPU "
                f"(target ≤ {target * 1000:.0f} ms)")
        if args.against:
            there = _medians(times["against", case])
            line += (f"; against {there[0] * 1000:6.1f} ms wall, {there[1] * 1000:6.1f} ms CPU: "
                     f"{here[0] / there[0]:.2f}× wall, {here[1] / there[1]:.2f}× CPU")
        print(line)


def _medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


if __name__ == "__main__":
    main()
