"""Scans: the scan reader's time beside plain Tesseract's on the same pages, in one run.

    python benchmarks/bench_scan.py                       # the seed scans, TIFF and PDF
    python benchmarks/bench_scan.py --repeat 2 FILE.tif FILE.pdf …

The default set is the seeds' scans (tests/fixtures/scans/{300,200}dpi/*.tif) and the same
200-dpi pages as image-only PDFs (made here, as a scanner's "scan to PDF" makes them). Every
page is written out as a PNG at the resolution it was scanned at (a PDF page's from its
image), then timed, file by file, best of N:

- `tesseract page.png - -l vie --psm 6`: plain Tesseract, one page after another, one thread
  (OMP_THREAD_LIMIT=1);
- `chitieu.extract.read`: the reader (render a PDF page at its own resolution, prepare, find
  cells, one Tesseract call per page, repair), which reads a file's pages two at a time and
  renders the next page of a PDF while the others are read;
- `chitieu.convert`: the whole pipeline (the reader, then assembly and normalization).

The target is the reader within 1.2 × plain Tesseract's wall time.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANS = ROOT / "tests" / "fixtures" / "scans"
TARGET_RATIO = 1.2


def default_scans(folder: Path) -> list[Path]:
    """The seeds' scans, and their 200-dpi pages as image-only PDFs written in `folder`."""
    from PIL import Image, ImageSequence

    tiffs = sorted(SCANS.glob("*dpi/*.tif"))
    pdfs = []
    for tiff in sorted(SCANS.glob("200dpi/*.tif")):
        with Image.open(tiff) as image:
            frames = [f.convert("1") for f in ImageSequence.Iterator(image)]
        target = folder / f"{tiff.stem}-200dpi.pdf"
        frames[0].save(target, save_all=True, append_images=frames[1:], resolution=200)
        pdfs.append(target)
    return tiffs + pdfs


def split_pages(scan: Path, folder: Path) -> list[Path]:
    """Each page of a scan as a PNG at the resolution it was scanned at."""
    from PIL import Image

    if scan.suffix.lower() == ".pdf":
        from chitieu.extract.ocr.page import render_pdf_pages

        pages = [(p.pixels, p.dpi) for p in render_pdf_pages(scan, None)]
    else:
        from chitieu.extract.ocr.page import load_image_pages

        pages = [(p.pixels, p.dpi) for p in load_image_pages(scan)]
    paths = []
    for number, (pixels, dpi) in enumerate(pages, start=1):
        path = folder / f"{scan.stem}-{scan.suffix[1:]}-p{number}.png"
        Image.fromarray(pixels).save(path, dpi=(dpi, dpi))
        paths.append(path)
    return paths


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
    for page in pages:
        subprocess.run(["tesseract", str(page), "-", "-l", "vie", "--psm", "6"], env=env,
                       check=True, capture_output=True)


def reader(scan: Path) -> None:
    from chitieu import extract

    extract.read(scan)


def pipeline(scan: Path) -> None:
    import chitieu

    chitieu.convert(scan)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scans", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs")
    args = parser.parse_args()
    from chitieu.extract.ocr.tesseract import engine_version

    print(f"engine: {engine_version()}; cores: {os.cpu_count()}")
    names = ("tesseract", "reader", "pipeline")
    wall = dict.fromkeys(names, 0.0)
    cpu = dict.fromkeys(names, 0.0)
    count = 0
    with tempfile.TemporaryDirectory(prefix="bench-scan-") as folder:
        scans = args.scans or default_scans(Path(folder))
        if not scans:
            print("no scans: run tests/fixtures/make_scan_fixtures.py first", file=sys.stderr)
            return 2
        pipeline(scans[0])  # imports, gazetteer and caches outside the timing
        # file by file, the three in turn, best of N: other load on the machine hits all three
        for scan in scans:
            pages = split_pages(scan, Path(folder))
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
            print(f"  {scan.name:<40} {len(pages)} pages  tesseract {best['tesseract'][0]:5.2f} s"
                  f"  reader {best['reader'][0]:5.2f} s  pipeline {best['pipeline'][0]:5.2f} s")
    print(f"{count} pages from {len(scans)} files")
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
