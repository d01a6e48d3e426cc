"""Time and peak memory of one large text input: linear in its size.

Builds one text document of many appendices (the samples' tables one after another, every
indicator name made unique) at two sizes, converts each in a fresh process (read → JSON
file, as `chitieu convert` writes it; `--output string` builds the whole JSON text in
memory instead) and prints the time and the peak resident memory above the process's
footprint after imports. Targets (issue 15): the 8 MB input in ≤ 10× the time of the 1 MB
input, and peak memory ≤ 20× the input size.
Run: `.venv/bin/python benchmarks/bench_text_size.py [--small MB] [--large MB]`.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_text import make_variant, sample_texts, vocabulary

TIME_TARGET = 10.0
MEMORY_TARGET = 20.0

_MEASURE = """
import json, os, resource, sys, time
import chitieu
from chitieu.emit.json_out import document_to_json, write_json
def rss_mb():
    return int(open('/proc/self/statm').read().split()[1]) * resource.getpagesize() / 2**20
chitieu.convert(sys.argv[2])  # warm-up on a small file: imports, data, caches of grammars
before = rss_mb()
start = time.process_time()
doc = chitieu.convert(sys.argv[1])
if sys.argv[3] == "string":
    document_to_json(doc)
else:
    write_json(doc, sys.argv[1] + ".json")
    os.remove(sys.argv[1] + ".json")
seconds = time.process_time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "records": len(doc.records),
                  "peak_mb": peak - before}))
"""


def build(path: Path, megabytes: float, seed: int = 11) -> None:
    rng = random.Random(seed)
    texts = sample_texts()
    words = vocabulary(texts)
    parts, size, i = [], 0, 0
    while size < megabytes * 2**20:
        part = make_variant(texts[i % len(texts)], rng, words)
        parts.append(part)
        size += len(part.encode("utf-8"))
        i += 1
    path.write_text("\n\n".join(parts), encoding="utf-8")


def measure(path: Path, warm: Path, output: str = "file") -> dict:
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(path), str(warm), output],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=float, default=1.0, help="MB")
    parser.add_argument("--large", type=float, default=8.0, help="MB")
    parser.add_argument("--output", choices=("file", "string"), default="file",
                        help="write the JSON file as `chitieu convert` does (default), or "
                             "build the whole JSON text in memory (document_to_json)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.txt"
        warm.write_text(sample_texts()[0], encoding="utf-8")
        results = {}
        for megabytes in (args.small, args.large):
            path = Path(tmp) / f"doc_{megabytes}MB.txt"
            build(path, megabytes)
            size = path.stat().st_size / 2**20
            result = measure(path, warm, args.output)
            results[megabytes] = result
            print(f"{size:5.2f} MB: {result['seconds']:7.2f} s CPU, {result['records']} records, "
                  f"peak memory +{result['peak_mb']:.0f} MB ({result['peak_mb'] / size:.1f}× "
                  f"the input)")
    ratio = results[args.large]["seconds"] / results[args.small]["seconds"]
    scale = args.large / args.small
    print(f"time {args.large:g} MB / {args.small:g} MB: {ratio:.1f}× for {scale:g}× the input "
          f"(target ≤ {TIME_TARGET:g}×) {'ok' if ratio <= TIME_TARGET else 'MISSED'}")
    worst = max(r["peak_mb"] / m for m, r in results.items())
    print(f"peak memory / input size: {worst:.1f}× (target ≤ {MEMORY_TARGET:g}×) "
          f"{'ok' if worst <= MEMORY_TARGET else 'MISSED'}")


if __name__ == "__main__":
    main()
