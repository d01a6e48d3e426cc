"""CPU time a distinct indicator name costs the catalog (`Catalog._best`: reading the name,
then the candidates), with the compiled name reading (chitieu/catalog/_fastread.c) and
without it (`CHITIEU_COMPILED=0`: its Python twins).

The names are those of `bench_text.py --distinct`: each indicator name of samples/ with two
words of the samples' own vocabulary spliced in after its first two, so that none recurs.
Each mode runs in a fresh process, `--rounds` times interleaved; the best round counts.
Run: `.venv/bin/python benchmarks/bench_catalog.py [--names 20000] [--rounds 3]`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from pathlib import Path

from bench_text import sample_texts, vocabulary

ROOT = Path(__file__).resolve().parent.parent

# Times `_best` over the names (the first 1,000 once before: first-use data and imports are
# not the cost of a name), in the process this runs in.
_RUNNER = (
    "import sys, json, time; sys.path.insert(0, sys.argv[1]); "
    "from chitieu.catalog import default_catalog; from chitieu.catalog import words as W; "
    "names = json.loads(sys.stdin.read()); cat = default_catalog(); "
    "[cat._best(n, u) for n, u in names[:1000]]; cpu = time.process_time(); "
    "[cat._best(n, u) for n, u in names[1000:]]; "
    "print(json.dumps({'cpu': time.process_time() - cpu, 'names': len(names) - 1000, "
    "'compiled': W.compiled() is not None}))"
)


def distinct_names(count: int, seed: int = 7) -> list[tuple[str, str | None]]:
    """`count` names as `bench_text.py --distinct` makes them (the name cells of the samples'
    rows, two vocabulary words spliced in), each with its row's unit."""
    rng = random.Random(seed)
    texts = sample_texts()
    words = vocabulary(texts)
    rows = [cells for text in texts for line in text.split("\n")
            if line[:1].isdigit() and len(cells := line.split("\t")) >= 4]
    names = []
    while len(names) < count:
        cells = rng.choice(rows)
        head = cells[1].split(" ")
        name = " ".join([*head[:2], rng.choice(words), rng.choice(words), *head[2:]])
        unit = cells[2].strip()  # (a task row's third cell is no unit: an agency)
        names.append((name, unit if 0 < len(unit) <= 12 else None))
    return names


def measure(names: list[tuple[str, str | None]], compiled: bool) -> dict:
    env = {**os.environ, "CHITIEU_COMPILED": "1" if compiled else "0"}
    out = subprocess.run([sys.executable, "-c", _RUNNER, str(ROOT)], input=json.dumps(names),
                         capture_output=True, text=True, check=True, env=env).stdout
    return json.loads(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    names = distinct_names(args.names + 1000)
    best = {True: float("inf"), False: float("inf")}
    built = False
    for _ in range(args.rounds):
        for compiled in (True, False):
            result = measure(names, compiled)
            best[compiled] = min(best[compiled], result["cpu"] / result["names"])
            built |= result["compiled"]
    if not built:
        print("the compiled name reading is not built here (make test builds it): both "
              "rows are the Python reading")
    for compiled in (True, False):
        label = "compiled" if compiled else "Python (CHITIEU_COMPILED=0)"
        print(f"{label:28} {best[compiled] * 1e6:6.2f} µs a distinct name (best of "
              f"{args.rounds})")
    print(f"compiled / Python: {best[True] / best[False]:.2f}×")


if __name__ == "__main__":
    main()
