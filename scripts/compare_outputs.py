"""Byte-identical outputs: convert every input the project knows with this tree and with a
reference tree (e.g. main: `git archive main | tar -x -C /tmp/base`), then compare.

Inputs: every fixture file a reader takes (tests/fixtures/**), the samples, the seeds and the
real documents of ../shared (their collector's note stripped, as the tests do), and a few
generated benchmark documents (distinct indicator names, one large multi-table text) — all
converted in ONE process per tree, so caches shared across documents are exercised too.
Per input it keeps the document JSON, its JSON Lines and the records CSV row dicts (or the
InputError a file raises). A speed change must leave every byte as it was.

Run: `.venv/bin/python scripts/compare_outputs.py --reference /tmp/base [--hashseed 1 2]`
`--keep DIR --reuse` keeps the reference outputs between runs; `--quick` leaves out images
and PDFs while developing. The script calls itself as `... dump OUT_DIR` to write one tree's
outputs.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
_HEADER_END = "# ---- END OF HEADER"
_SKIP_SUFFIXES = {".py", ".json", ".md5"}
_SKIP_NAMES = {"README.md"}
_SLOW_SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def inputs(work: Path, quick: bool = False) -> list[Path]:
    """Every input to convert, generated ones written into `work`; `quick` leaves out the
    images and PDFs (OCR and page reading dominate their time, not the code after reading)."""
    if quick:
        return [p for p in inputs(work) if p.suffix.lower() not in _SLOW_SUFFIXES]
    found = [p for base in ("tests/fixtures", "samples") for p in sorted((ROOT / base).rglob("*"))
             if p.is_file() and p.suffix not in _SKIP_SUFFIXES and p.name not in _SKIP_NAMES
             and "expected" not in p.parts]
    if (SHARED / "seeds").is_dir():
        found += sorted((SHARED / "seeds").glob("*.txt"))
    if (SHARED / "real").is_dir():
        for path in sorted((SHARED / "real").iterdir()):
            if path.name == "README.md" or not path.is_file():
                continue
            if path.suffix == ".pdf":
                found.append(path)
                continue
            text = path.read_text(encoding="utf-8")
            head, marker, body = text.partition(_HEADER_END)
            out = work / "real" / path.name
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(body.partition("\n")[2] if marker else head, encoding="utf-8")
            found.append(out)
    return found + generated(work / "bench")


def generated(folder: Path) -> list[Path]:
    """Benchmark documents: distinct names (bench_text --distinct) and a 0.3 MB multi-table
    text (bench_text_size), so that the hot paths see names they never saw before."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_text import build_folder
    from bench_text_size import build

    (folder / "recurring").mkdir(parents=True, exist_ok=True)
    paths = build_folder(folder, 60, seed=3, distinct=True)
    paths += build_folder(folder / "recurring", 12, seed=5)
    large = folder / "large.txt"
    build(large, 0.3)
    return [*paths, large]


def dump(out_dir: Path, quick: bool = False) -> None:
    """Convert every input with the chitieu this interpreter imports; one file per input."""
    import chitieu
    from chitieu.emit.json_out import document_to_json, document_to_jsonl_records
    from chitieu.errors import InputError

    print(f"chitieu from {Path(chitieu.__file__).parent}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        for path in inputs(Path(tmp), quick):
            name = _key(path, Path(tmp))
            try:
                doc = chitieu.convert(path)
                text = document_to_json(doc) + "\n".join(document_to_jsonl_records(doc))
                text += "\n" + _csv_text(doc)
            except InputError as exc:  # its message names the file: where the tree sits
                text = f"InputError {exc.code}: {exc}\n".replace(str(path), name)
            target = out_dir / (name + ".out")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")


def _csv_text(doc) -> str:
    """The records CSV rows (pyarrow-free: the row dicts the CSV writer gets)."""
    try:
        from chitieu.emit import tables
    except ModuleNotFoundError:  # base install without pyarrow: JSON and JSONL only
        return ""
    from chitieu.emit.json_out import document_to_dict

    data = document_to_dict(doc)
    doc_id = data["source"]["sha256"]
    rows = [tables._csv_row(tables._record_row(doc_id, r)) for r in data["records"]]
    return "\n".join(repr(row) for row in rows) + "\n"


def _key(path: Path, tmp: Path) -> str:
    for base, label in ((tmp, "gen"), (ROOT, "repo"), (SHARED, "shared")):
        if path.is_relative_to(base):
            return f"{label}/{path.relative_to(base)}"
    return "other/" + hashlib.sha1(str(path).encode()).hexdigest()


def run_dump(tree: Path, out_dir: Path, hashseed: str, quick: bool) -> None:
    """`dump` in a fresh process importing chitieu from `tree`."""
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": hashseed}
    mode = "dump-quick" if quick else "dump"
    subprocess.run([sys.executable, str(Path(__file__).resolve()), mode, str(out_dir)],
                   check=True, env=env, cwd=tree)


def compare(a: Path, b: Path) -> int:
    """Print the differing files (a short diff of the first few); the number that differ."""
    names = sorted({p.relative_to(a) for p in a.rglob("*.out")} |
                   {p.relative_to(b) for p in b.rglob("*.out")})
    bad = 0
    for name in names:
        fa, fb = a / name, b / name
        ta = fa.read_text(encoding="utf-8") if fa.exists() else "<missing>\n"
        tb = fb.read_text(encoding="utf-8") if fb.exists() else "<missing>\n"
        if ta != tb:
            bad += 1
            print(f"DIFFERS: {name}")
            if bad <= 3:
                diff = difflib.unified_diff(ta.splitlines(), tb.splitlines(), "reference",
                                            "this tree", n=1, lineterm="")
                print("\n".join(list(diff)[:40]))
    print(f"{len(names)} inputs compared, {bad} differ")
    return bad


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] in ("dump", "dump-quick"):
        dump(Path(sys.argv[2]), quick=sys.argv[1] == "dump-quick")
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, required=True, help="the reference tree")
    parser.add_argument("--hashseed", nargs="+", default=["0"],
                        help="PYTHONHASHSEED values: this tree runs once per value")
    parser.add_argument("--keep", type=Path, help="keep the outputs in this folder")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: reuse the reference outputs kept there before")
    parser.add_argument("--quick", action="store_true",
                        help="leave out images and PDFs (while developing; not before landing)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        reference = work / ("reference-quick" if args.quick else "reference")
        if not (args.reuse and reference.is_dir()):
            run_dump(args.reference.resolve(), reference, args.hashseed[0], args.quick)
        bad = 0
        for seed in args.hashseed:
            print(f"PYTHONHASHSEED={seed}")
            ours = work / f"this-{seed}"
            shutil.rmtree(ours, ignore_errors=True)
            run_dump(ROOT, ours, seed, args.quick)
            bad += compare(reference, ours)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
