"""Scans: seconds per page for the scan reader beside plain Tesseract on the same pages.

    python benchmarks/bench_scan.py                       # tests/fixtures/scans/{300,200}dpi
    python benchmarks/bench_scan.py --repeat 2 FILE.tif …

Every page of the given scans is written out as a PNG, then timed in one run:

- `tesseract page.png - -l vie`: plain Tesseract, pages two at a time (both cores), each
  process with OMP_THREAD_LIMIT=1 (Tesseract's own threads only slow a page down here);
- `chitieu.extract.scan.read`: the reader (prepare, find cells, one Tesseract call per page,
  repair) on the same files, which runs a file's pages two at a time itself;
- `chitieu.convert`: the whole pipeline (the reader, then assembly and normalization).

The target is the reader within 1.3 × plain Tesseract's time per page.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SCANS = sorted((ROOT / "tests" / "fixtures" / "scans").glob("*dpi/*.tif"))
TARGET_RATIO = 1.3
WORKERS = min(2, os.cpu_count() or 1)


def split_pages(scans: list[Path], folder: Path) -> list[Path]:
    from PIL import Image, ImageSequence

    pages = []
    for scan in scans:
        with Image.open(scan) as image:
            for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                path = folder / f"{scan.parent.name}-{scan.stem}-p{number}.png"
                frame.save(path, dpi=image.info.get("dpi", (300, 300)))
                pages.append(path)
    return pages


def _cpu() -> float:
    own, children = (resource.getrusage(w) for w in (resource.RUSAGE_SELF,
                                                      resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(task) -> tuple[float, float]:
    """Wall seconds and CPU seconds (this process and its Tesseract children) of a task."""
    cpu, wall = _cpu(), time.perf_counter()
    task()
    return time.perf_counter() - wall, _cpu() - cpu


def plain_tesseract(pages: list[Path]) -> None:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def one(page: Path) -> None:
        subprocess.run(["tesseract", str(page), "-", "-l", "vie"], env=env, check=True,
                       capture_output=True)

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        list(pool.map(one, pages))


def reader(scan: Path) -> None:
    from chitieu.extract.scan import read

    read(scan)


def pipeline(scan: Path) -> None:
    import chitieu

    chitieu.convert(scan)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scans", nargs="*", type=Path, default=DEFAULT_SCANS)
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs")
    args = parser.parse_args()
    if not args.scans:
        print("no scans: run tests/fixtures/make_scan_fixtures.py first", file=sys.stderr)
        return 2
    from chitieu.extract.ocr.tesseract import engine_version

    print(f"engine: {engine_version()}; workers: {WORKERS}")
    names = ("tesseract", "reader", "pipeline")
    wall = dict.fromkeys(names, 0.0)
    cpu = dict.fromkeys(names, 0.0)
    count = 0
    with tempfile.TemporaryDirectory(prefix="bench-scan-") as folder:
        pipeline(args.scans[0])  # imports, gazetteer and caches outside the timing
        # file by file, the three in turn, best of N: other load on the machine hits all three
        for scan in args.scans:
            pages = split_pages([scan], Path(folder))
            count += len(pages)
            tasks = {"tesseract": lambda p=pages: plain_tesseract(p),
                     "reader": lambda s=scan: reader(s), "pipeline": lambda s=scan: pipeline(s)}
            best = {name: (float("inf"), float("inf")) for name in names}
            for _ in range(args.repeat):
                for name in names:
                    best[name] = min(best[name], timed(tasks[name]))
            for name in names:
                wall[name] += best[name][0]
                cpu[name] += best[name][1]
    print(f"{count} pages from {len(args.scans)} files")
    for name in names:
        print(f"  {name:<10} {wall[name] / count:6.3f} s/page wall "
              f"({wall[name] / wall['tesseract']:4.2f} ×)   {cpu[name] / count:6.3f} s/page CPU "
              f"({cpu[name] / cpu['tesseract']:4.2f} ×)")
    ratio = wall["reader"] / wall["tesseract"]
    verdict = "ok" if ratio <= TARGET_RATIO else "over"
    print(f"reader / tesseract: {ratio:.2f} (target ≤ {TARGET_RATIO}) {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
