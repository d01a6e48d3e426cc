"""Instructions a document, counted exactly (valgrind's callgrind): the text benchmark's
measure for a loaded machine, where CPU-second rates of two runs of one tree differ by ±10 %.

Builds the folder of `bench_text.py` (distinct indicator names unless `--recurring`), then in
a fresh process under callgrind converts (read → JSON string) `--warm` documents from the
end of the folder — imports, first-use data and the memos of recurring words are not the rate
of documents — and then the first N of the folder, for N = `--docs` and N = `--docs` //
5: the difference of the two totals over the difference of N is the cost of one document,
start-up and warm-up left out. The cyclic collector runs as it does in `bench_text.py`, and
`PYTHONHASHSEED=0` makes both trees iterate their sets alike. `--against TREE` counts another
source tree (e.g. `git archive main | tar -x -C /tmp/base`) on the same folder: the ratio
compares the code, whatever else the machine runs. Needs `valgrind` (Debian package); each
tree takes ~1 CPU-minute per run at the defaults (callgrind runs Python ~50× slower).
Run: `.venv/bin/python benchmarks/bench_instructions.py [--docs 100] [--against TREE]`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_text import build_folder

ROOT = Path(__file__).resolve().parent.parent

# Converts the `--warm` last files, then the first N files of a folder, with the chitieu of
# the tree given first, whatever is installed (as bench_text.py's runner does).
_RUNNER = (
    "import sys; sys.meta_path = [f for f in sys.meta_path if 'editable' not in repr(f)]; "
    "sys.path.insert(0, sys.argv[1]); "
    "from pathlib import Path; import chitieu; "
    "from chitieu.emit.json_out import document_to_json; "
    "paths = sorted(Path(sys.argv[2]).glob('*.txt')); "
    "warm, n = int(sys.argv[3]), int(sys.argv[4]); "
    "[document_to_json(chitieu.convert(p)) for p in paths[len(paths) - warm:]]; "
    "[document_to_json(chitieu.convert(p)) for p in paths[:n]]"
)
_COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(tree: Path, folder: Path, warm: int, n: int, cache: Path) -> int:
    """Instructions callgrind counts for one process converting `warm` + `n` documents."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "CHITIEU_CACHE_DIR": str(cache)}
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         "-c", _RUNNER, str(tree), str(folder), str(warm), str(n)],
        capture_output=True, text=True, env=env, check=True)
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def per_document(tree: Path, folder: Path, docs: int, warm: int) -> float:
    """Each tree with a cache folder of its own: the shared one keeps the newest few entries
    of each kind (`chitieu.core.cache._prune`), so other trees' processes evict this one's
    and a count pays for the catalog built again. A first process writes the byte-code and
    the cache entries (compiled patterns, dataclass code, the catalog): run once uncounted."""
    with tempfile.TemporaryDirectory() as cache:
        subprocess.run([sys.executable, "-c", _RUNNER, str(tree), str(folder), str(warm),
                        str(docs)], check=True, capture_output=True,
                       env={**os.environ, "CHITIEU_CACHE_DIR": cache})
        few = max(1, docs // 5)
        return (instructions(tree, folder, warm, docs, Path(cache))
                - instructions(tree, folder, warm, few, Path(cache))) / (docs - few)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100, help="documents counted (N)")
    parser.add_argument("--warm", type=int, default=50, help="documents converted first")
    parser.add_argument("--recurring", action="store_true",
                        help="names recur (bench_text.py without --distinct)")
    parser.add_argument("--against", type=Path, help="another source tree to count too")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        build_folder(Path(tmp), args.docs + args.warm, distinct=not args.recurring)
        trees = {"this": ROOT, **({"against": args.against.resolve()} if args.against else {})}
        counts = {name: per_document(tree, Path(tmp), args.docs, args.warm)
                  for name, tree in trees.items()}
    for name, tree in trees.items():
        print(f"{name:8} {tree}: {counts[name] / 1e6:.2f} M instructions a document")
    if args.against:
        print(f"this / against: {counts['this'] / counts['against']:.3f}×")
    print(f"names: {'recurring' if args.recurring else 'distinct'}; {args.docs} documents "
          f"counted after {args.warm}")


if __name__ == "__main__":
    main()
