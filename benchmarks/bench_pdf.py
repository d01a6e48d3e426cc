"""Pages per second on digital PDFs: the whole pipeline beside raw pdfplumber and camelot.

On the PDFs of tests/fixtures/office (appendices printed from Word by LibreOffice), one core,
each file read afresh every round:

- chitieu: `chitieu.convert(path)` and the JSON string — read, assemble, interpret, normalize;
- pdfplumber: `page.extract_tables()` on every page, nothing else (the floor for any reader
  built on it);
- camelot lattice: `camelot.read_pdf(path, flavor="lattice", pages="all")`, when installed.

Target (issue 15): the pipeline in ≤ 0.5× the time of raw pdfplumber and ≤ 0.2× the time of
camelot lattice — the reader takes chars and rules from pdfium, not pdfminer.
Run: `.venv/bin/python benchmarks/bench_pdf.py [--rounds N]`.
"""

from __future__ import annotations

import argparse
import importlib.util
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OFFICE = ROOT / "tests" / "fixtures" / "office"
FILES = ["000_68f49e6b942cac21", "002_96420e20fdffe3f0", "004_0020e8dd3583fe02", "ward_tasks",
         "commune_indicators"]
TARGET_RATIO = 0.5
CAMELOT_TARGET_RATIO = 0.2


def run_chitieu(path: Path) -> None:
    import chitieu
    from chitieu.emit.json_out import document_to_json

    document_to_json(chitieu.convert(path))


def run_pdfplumber(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def run_camelot(path: Path) -> None:
    import camelot

    camelot.read_pdf(str(path), flavor="lattice", pages="all")


def pages_per_second(run: Callable[[Path], None], paths: list[Path], pages: int,
                     rounds: int) -> float:
    for path in paths:  # warm-up: imports, caches of pure functions
        run(path)
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for path in paths:
            run(path)
        best = min(best, time.process_time() - start)
    return pages / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds (best is kept)")
    args = parser.parse_args()

    import pdfplumber

    paths = [OFFICE / f"{stem}.pdf" for stem in FILES]
    pages = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            pages += len(pdf.pages)
    print(f"files: {len(paths)}, pages: {pages}, rounds: {args.rounds} (best CPU time, one core)")

    rates = {"chitieu pipeline": pages_per_second(run_chitieu, paths, pages, args.rounds),
             "pdfplumber extract_tables": pages_per_second(run_pdfplumber, paths, pages,
                                                           args.rounds)}
    if importlib.util.find_spec("camelot") is not None:
        rates["camelot lattice"] = pages_per_second(run_camelot, paths, pages,
                                                    max(1, args.rounds // 2))
    else:
        print("camelot is not installed (pip install camelot-py): lattice not measured")
    for name, rate in rates.items():
        print(f"{name:28s} {rate:7.1f} pages/s")

    ratio = rates["pdfplumber extract_tables"] / rates["chitieu pipeline"]
    verdict = "ok" if ratio <= TARGET_RATIO else "MISSED"
    print(f"pipeline time / pdfplumber time: {ratio:.2f} (target ≤ {TARGET_RATIO}) {verdict}")
    if "camelot lattice" in rates:
        share = rates["camelot lattice"] / rates["chitieu pipeline"]
        verdict = "ok" if share <= CAMELOT_TARGET_RATIO else "MISSED"
        print(f"pipeline time / camelot lattice time: {share:.2f} "
              f"(target ≤ {CAMELOT_TARGET_RATIO}) {verdict}")


if __name__ == "__main__":
    main()
