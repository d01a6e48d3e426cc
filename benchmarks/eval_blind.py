"""Score a blind evaluation set (tests/fixtures/blind1, blind2) form by form with score.py.

    .venv/bin/python benchmarks/eval_blind.py [--set blind1|blind2] [--score PATH/score.py]

Each set was built by an engineer no other engineer of its session saw; nobody develops
against it (tests/fixtures/<set>/README.md). So that it cannot steer work, this prints one
line per part and form only — score, records exactly right, plan headers right, extra
records — never a document's or a field's figures.

blind1 — plans/ (whole plans with their header): the DOCX, the PDF LibreOffice printed from
it, the text as a data office receives it (<stem>.txt), the plain text (plain/), the PDF's
`pdftotext -layout` text (layout/); tables/ (appendix tables): the DOCX, the PDF and its
`pdftotext -layout` text.
blind2 — plans/: DOCX, PDF, <stem>.txt, and the PDF's flagless, `-layout` and `-raw`
pdftotext texts (plain/, layout/, raw/); tables/: DOCX, PDF, layout/, raw/; scans/: PDFs
of page images (scans may be slow: run once).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
# set -> (part, form) -> where a document of that form is, from its stem
BLIND1_FORMS: dict[tuple[str, str], str] = {
    ("plans", "docx"): "{stem}.docx",
    ("plans", "pdf"): "{stem}.pdf",
    ("plans", "text"): "{stem}.txt",
    ("plans", "plain"): "plain/{stem}.txt",
    ("plans", "layout"): "layout/{stem}.txt",
    ("tables", "docx"): "{stem}.docx",
    ("tables", "pdf"): "{stem}.pdf",
    ("tables", "layout"): "{stem}.pdftotext-layout.txt",
}
BLIND2_FORMS: dict[tuple[str, str], str] = {
    ("plans", "docx"): "{stem}.docx",
    ("plans", "pdf"): "{stem}.pdf",
    ("plans", "text"): "{stem}.txt",
    ("plans", "plain"): "plain/{stem}.txt",
    ("plans", "layout"): "layout/{stem}.txt",
    ("plans", "raw"): "raw/{stem}.txt",
    ("tables", "docx"): "{stem}.docx",
    ("tables", "pdf"): "{stem}.pdf",
    ("tables", "layout"): "layout/{stem}.txt",
    ("tables", "raw"): "raw/{stem}.txt",
    ("scans", "pdf"): "{stem}.pdf",
}
FORMS: dict[str, dict[tuple[str, str], str]] = {"blind1": BLIND1_FORMS,
                                                "blind2": BLIND2_FORMS}
SET_NAMES = tuple(FORMS)


def _produced(source: Path) -> str:
    """The pipeline's JSON for `source`; a document it rejects or crashes on scores 0."""
    from chitieu import convert
    from chitieu.emit.json_out import document_to_json
    from chitieu.errors import InputError

    try:
        return document_to_json(convert(source))
    except InputError:
        return json.dumps({"plan": {}, "records": []})
    except Exception:  # a crash scores 0; the other documents go on
        return json.dumps({"plan": {}, "records": []})


def score_form(folder: Path, pattern: str, score_py: Path) -> dict[str, str] | None:
    """score.py's summary for every document of `folder` in the form `pattern`."""
    stems = sorted(p.name.removesuffix(".gold.json") for p in folder.glob("expected/*.gold.json"))
    sources = {stem: folder / pattern.format(stem=stem) for stem in stems}
    sources = {stem: path for stem, path in sources.items() if path.is_file()}
    if not sources:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        gold, out = Path(tmp) / "gold", Path(tmp) / "out"
        gold.mkdir()
        out.mkdir()
        for stem, source in sources.items():
            (gold / f"{stem}.gold.json").write_bytes(
                (folder / "expected" / f"{stem}.gold.json").read_bytes())
            (out / f"{stem}.json").write_text(_produced(source), encoding="utf-8")
        report = subprocess.run([sys.executable, str(score_py), str(gold), str(out)],
                                capture_output=True, text=True, check=False).stdout
    return {"n": str(len(sources)),
            "score": re.search(r"^score: (\S+)", report, re.MULTILINE)[1],
            "exact": re.search(r"records exactly right ([0-9.]+)", report)[1],
            "headers": re.search(r"plan headers right ([0-9.]+)", report)[1],
            "extra": re.search(r"extra records (\d+)", report)[1]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="blind1", choices=SET_NAMES)
    parser.add_argument("--score", type=Path,
                        default=ROOT.parent / "shared" / "tools" / "score.py")
    args = parser.parse_args(argv)
    for (part, form), pattern in FORMS[args.set].items():
        found = score_form(FIXTURES / args.set / part, pattern, args.score)
        if found is None:
            continue
        n = int(found["n"])
        print(f"{part:6s} {form:6s} n={n}  score {found['score']}  records exact "
              f"{float(found['exact']):.3f}  headers {round(float(found['headers']) * n)}/{n}"
              f"  extra {found['extra']}", flush=True)


if __name__ == "__main__":
    main()
