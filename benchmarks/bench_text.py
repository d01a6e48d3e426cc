"""Documents per second for text appendices, whole pipeline, one core.

Builds a folder of seed-sized text appendices (variations of samples/: rows shuffled within
their section, numbers and commune names changed so no two files are alike), then converts
every file (read → JSON string) in this one process and prints the rate. Target: ≥ 300
documents/s. Run: `.venv/bin/python benchmarks/bench_text.py [--docs N]`.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMUNES = ["Vũ Dương", "Đình Lập", "Tân An", "Hòa Bình", "Yên Thế", "Phú Lộc", "Kim Sơn"]


def make_variant(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    body = [i for i, ln in enumerate(lines) if ln.count("\t") >= 3 and ln[:1].isdigit()]
    picked = [lines[i] for i in body]
    rng.shuffle(picked)
    for i, line in zip(body, picked, strict=True):
        lines[i] = line.replace("≥ 7", f"≥ {rng.randint(5, 9)}").replace("100", str(rng.choice(
            [100, 95, 90])))
    out = "\n".join(lines)
    for name in COMMUNES[:2]:
        out = out.replace(name, rng.choice(COMMUNES))
    return out


def build_folder(folder: Path, n_docs: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    samples = sorted((ROOT / "samples").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in samples]
    paths = []
    for i in range(n_docs):
        path = folder / f"doc_{i:05d}.txt"
        path.write_text(make_variant(texts[i % len(texts)], rng), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1500)
    args = parser.parse_args()

    import chitieu
    from chitieu.emit.json_out import document_to_json

    with tempfile.TemporaryDirectory() as tmp:
        paths = build_folder(Path(tmp), args.docs)
        wall, cpu = time.perf_counter(), time.process_time()
        records = 0
        for path in paths:
            doc = chitieu.convert(path)
            document_to_json(doc)
            records += len(doc.records)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"documents: {len(paths)}, records: {records}")
    print(f"wall: {wall:.2f} s → {len(paths) / wall:.0f} documents/s")
    print(f"cpu:  {cpu:.2f} s → {len(paths) / cpu:.0f} documents per CPU-second (one core)")
    print("target: ≥ 300 documents/s")


if __name__ == "__main__":
    main()
