"""Documents per second for text appendices, whole pipeline, one core.

Builds a folder of seed-sized text appendices (variations of samples/: rows shuffled within
their section, numbers and commune names changed so no two files are alike), then converts
every file (read → JSON string) in this one process and prints the rate. With `--distinct`
every indicator name is made unique (words spliced in from the samples' own vocabulary), so
no name cell recurs across rows or documents — the realistic case, where caches of cell
readings do not help. Target: ≥ 500 documents/s with `--distinct`.
Run: `.venv/bin/python benchmarks/bench_text.py [--docs N] [--distinct]`.
`--against TREE` (another source tree, e.g. `git archive main | tar -x -C /tmp/base`) converts
the same folder with both trees, each in its own process, `--rounds` times interleaved, and
prints each tree's best CPU rate and their ratio: both runs see the same machine load.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMUNES = ["Vũ Dương", "Đình Lập", "Tân An", "Hòa Bình", "Yên Thế", "Phú Lộc", "Kim Sơn"]


def make_variant(text: str, rng: random.Random, words: list[str] | None = None) -> str:
    """A variation of a sample; with `words`, every body row's name gets two words of them
    spliced in after its first two, so that names do not recur."""
    lines = text.split("\n")
    body = [i for i, ln in enumerate(lines) if ln.count("\t") >= 3 and ln[:1].isdigit()]
    picked = [lines[i] for i in body]
    rng.shuffle(picked)
    for i, line in zip(body, picked, strict=True):
        line = line.replace("≥ 7", f"≥ {rng.randint(5, 9)}").replace("100", str(rng.choice(
            [100, 95, 90])))
        lines[i] = _distinct_name(line, rng, words) if words else line
    out = "\n".join(lines)
    for name in COMMUNES[:2]:
        out = out.replace(name, rng.choice(COMMUNES))
    return out


def _distinct_name(line: str, rng: random.Random, words: list[str]) -> str:
    cells = line.split("\t")
    head = cells[1].split(" ")
    cells[1] = " ".join([*head[:2], rng.choice(words), rng.choice(words), *head[2:]])
    return "\t".join(cells)


def vocabulary(texts: list[str]) -> list[str]:
    """The lower-case words of the samples' name cells: Vietnamese syllables to splice."""
    found = set()
    for text in texts:
        for line in text.split("\n"):
            cells = line.split("\t")
            if len(cells) >= 4 and line[:1].isdigit():
                found.update(w for w in cells[1].split(" ") if w.isalpha() and w.islower())
    return sorted(found)


def sample_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]


def build_folder(folder: Path, n_docs: int, seed: int = 7,
                 distinct: bool = False) -> list[Path]:
    rng = random.Random(seed)
    texts = sample_texts()
    words = vocabulary(texts) if distinct else None
    paths = []
    for i in range(n_docs):
        path = folder / f"doc_{i:05d}.txt"
        path.write_text(make_variant(texts[i % len(texts)], rng, words), encoding="utf-8")
        paths.append(path)
    return paths


def convert_all(paths: list[Path]) -> dict[str, float]:
    """Convert every file (read → JSON string) in this process: records, wall and CPU s.
    The first file is converted once before timing: imports and first-use data are not the
    rate of documents (benchmarks/bench_start.py measures them)."""
    import chitieu
    from chitieu.emit.json_out import document_to_json

    document_to_json(chitieu.convert(paths[0]))
    wall, cpu = time.perf_counter(), time.process_time()
    records = 0
    for path in paths:
        doc = chitieu.convert(path)
        document_to_json(doc)
        records += len(doc.records)
    return {"records": records, "wall": time.perf_counter() - wall,
            "cpu": time.process_time() - cpu}


# Converts a folder with the chitieu of the tree given first, whatever is installed.
_RUNNER = (
    "import sys, json; sys.meta_path = [f for f in sys.meta_path if 'editable' not in repr(f)]; "
    "sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[2]); "
    "from pathlib import Path; from bench_text import convert_all; "
    "print(json.dumps(convert_all(sorted(Path(sys.argv[3]).glob('*.txt')))))"
)


def measure_in(tree: Path, folder: Path) -> dict[str, float]:
    """`convert_all` over `folder` in a fresh process importing chitieu from `tree`."""
    out = subprocess.run([sys.executable, "-c", _RUNNER, str(tree), str(ROOT / "benchmarks"),
                          str(folder)], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def compare(folder: Path, n_docs: int, against: Path, rounds: int) -> None:
    trees = {"this": ROOT, "against": against.resolve()}
    best = {name: float("inf") for name in trees}
    for _ in range(rounds):
        for name, tree in trees.items():
            best[name] = min(best[name], measure_in(tree, folder)["cpu"])
    for name, tree in trees.items():
        print(f"{name:8} {tree}: {n_docs / best[name]:.0f} documents per CPU-second "
              f"(best of {rounds})")
    print(f"CPU time this / against: {best['this'] / best['against']:.2f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1500)
    parser.add_argument("--distinct", action="store_true",
                        help="no indicator name recurs (across rows or documents)")
    parser.add_argument("--against", type=Path, help="another source tree to compare with")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved runs per tree")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        paths = build_folder(Path(tmp), args.docs, distinct=args.distinct)
        if args.against:
            compare(Path(tmp), len(paths), args.against, args.rounds)
            return
        result = convert_all(paths)
    wall, cpu = result["wall"], result["cpu"]
    print(f"documents: {len(paths)}, records: {result['records']:.0f}")
    print(f"wall: {wall:.2f} s → {len(paths) / wall:.0f} documents/s")
    print(f"cpu:  {cpu:.2f} s → {len(paths) / cpu:.0f} documents per CPU-second (one core)")
    print(f"names: {'distinct' if args.distinct else 'recurring'}; target: ≥ 500 documents/s "
          "(distinct names)")


if __name__ == "__main__":
    main()
