"""Do two source trees write byte-identical outputs? Converts every input fixture, the seeds,
the samples and ../shared/real with this tree and with --against TREE (each through
`chitieu convert` with JSON, CSV and JSON Lines), then compares every file written.

    git archive main | tar -x -C /tmp/base
    python benchmarks/same_outputs.py --against /tmp/base

For changes that must not change any output (start-up and speed work). The run's own
bookkeeping (manifest.jsonl, report.json: times, paths) is left out of the comparison, and
the dataset tables' lines are compared in any order (workers finish in any order).
Exit status 1 when any file differs or exists on one side only.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "tests" / "fixtures", ROOT / "samples", ROOT.parent / "shared" / "seeds",
           ROOT.parent / "shared" / "real"]
NOT_INPUTS = {".json", ".py", ".pyc"}
BOOKKEEPING = {"manifest.jsonl", "report.json", ".chitieu.lock"}
# Runs chitieu's CLI from the tree given first, whatever the environment has installed.
_RUNNER = (
    "import sys; sys.meta_path = [f for f in sys.meta_path if 'editable' not in repr(f)]; "
    "sys.path.insert(0, sys.argv.pop(1)); from chitieu.cli import main; sys.exit(main())"
)


def gather(into: Path, skip_scans: bool) -> int:
    """Copies the inputs below `into` (one folder per source), returns how many."""
    count = 0
    for source in SOURCES:
        if not source.is_dir():
            continue
        for path in sorted(source.rglob("*")):
            if (not path.is_file() or path.suffix.lower() in NOT_INPUTS
                    or "__pycache__" in path.parts):
                continue
            if skip_scans and path.suffix.lower() in {".tif", ".tiff", ".png", ".jpg"}:
                continue
            target = into / source.name / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            count += 1
    return count


def convert(tree: Path, inputs: Path, out: Path, workers: int) -> None:
    command = [sys.executable, "-c", _RUNNER, str(tree), "convert", str(inputs), "-o", str(out),
               "--format", "json,csv,jsonl", "--workers", str(workers), "--quiet"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, env=env, check=False)


def differences(here: Path, there: Path) -> list[str]:
    names = {p.relative_to(here) for p in here.rglob("*") if p.is_file()}
    names |= {p.relative_to(there) for p in there.rglob("*") if p.is_file()}
    found = []
    for name in sorted(names):
        if name.name in BOOKKEEPING:
            continue
        a, b = here / name, there / name
        if not a.is_file() or not b.is_file():
            found.append(f"only in {'this' if a.is_file() else 'against'}: {name}")
        elif not filecmp.cmp(a, b, shallow=False) and not _same_rows(a, b):
            found.append(f"differs: {name}")
    return found


def _same_rows(a: Path, b: Path) -> bool:
    """The dataset tables list documents in the order the workers finished them: the same
    header and the same lines in any order count as the same table."""
    if a.name not in ("records.csv", "records.jsonl"):
        return False
    lines_a, lines_b = a.read_bytes().splitlines(), b.read_bytes().splitlines()
    return lines_a[:1] == lines_b[:1] and sorted(lines_a) == sorted(lines_b)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="the other source tree")
    parser.add_argument("--against-output", type=Path,
                        help="the other tree's output folder from an earlier run (--keep DIR "
                             "writes it to DIR/against), instead of converting again")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-scans", action="store_true", help="leave out image inputs (OCR)")
    parser.add_argument("--keep", type=Path, help="keep both output folders here")
    args = parser.parse_args()
    if (args.against is None) == (args.against_output is None):
        parser.error("give one of --against and --against-output")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        # one place for the inputs, run after run: an output's name carries a hash of its
        # input's path when two inputs share a stem
        inputs = Path(tempfile.gettempdir()) / "chitieu-same-outputs"
        shutil.rmtree(inputs, ignore_errors=True)
        count = gather(inputs, args.skip_scans)
        outs = {"this": work / "this", "against": args.against_output or work / "against"}
        trees = [("this", ROOT)] + ([("against", args.against.resolve())] if args.against else [])
        for name, tree in trees:
            shutil.rmtree(outs[name], ignore_errors=True)
            convert(tree, inputs, outs[name], args.workers)
        written = sum(1 for p in outs["this"].rglob("*") if p.is_file())
        found = differences(outs["this"], outs["against"])
    for line in found:
        print(line)
    print(f"{count} inputs, {written} files written here, {len(found)} differences")
    return 1 if found or written == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
