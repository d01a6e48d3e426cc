"""Kill trials at full size: SIGTERM and SIGKILL sent to the parent of a 1,000-file batch at
random moments (10 trials each by default), each followed by a re-run; prints one line per
trial and a verdict. Exit status 0 when every trial held.

    .venv/bin/python scripts/kill_trials.py [--files 1000] [--trials 10] [--seed 12]

A trial holds when the signalled parent exits 143 (SIGTERM) or dies (SIGKILL), no process
of the run is alive 5 s later, every JSON and Parquet file in OUT parses, the re-run exits 0
and its three Parquet tables hold the same rows as an uninterrupted run's.
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "batch"))

import kill_trials
from batch_helpers import write_inputs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="chitieu-kill-") as tmp:
        base = Path(tmp)
        shutil.copytree(Path(kill_trials.ROOT) / "chitieu", base / "package" / "chitieu",
                        ignore=shutil.ignore_patterns("__pycache__"))
        kill_trials.PYTHONPATH = str(base / "package")
        write_inputs(base / "in", args.files, subfolders=10)
        started = time.monotonic()
        assert kill_trials.run(base / "in", base / "reference", args.workers).returncode == 0
        full = time.monotonic() - started
        print(f"uninterrupted run: {args.files} files in {full:.1f} s")
        print("signal   sent at   exit  before orphans invalid tmp  rerun: exit conv unch  "
              "same  secs")
        trials = []
        for signum in (signal.SIGTERM, signal.SIGKILL):
            for number in range(args.trials):
                delay = rng.uniform(0.05, 0.95) * full
                out = base / f"out-{signum.name}-{number}"
                trial = kill_trials.trial(base / "in", out, base / "reference", signum,
                                          delay=delay, workers=args.workers)
                trials.append(trial)
                print(f"{trial.signal:8} {trial.after:>8} {trial.exit_code!s:>5} "
                      f"{trial.converted_before:7} {len(trial.orphans):7} "
                      f"{len(trial.invalid):7} {trial.temporary:3}  {trial.rerun_exit:11} "
                      f"{trial.rerun_converted:4} {trial.rerun_unchanged:4}  "
                      f"{'yes' if trial.same_dataset else 'NO':>4} {trial.seconds:5.1f}"
                      + ("" if trial.ok else "  <- FAILED"))
        held = sum(trial.ok for trial in trials)
        print(f"{held} of {len(trials)} trials held")
        return 0 if held == len(trials) else 1


if __name__ == "__main__":
    sys.exit(main())
