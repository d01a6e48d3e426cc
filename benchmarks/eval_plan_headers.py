"""Score the plan-header sets form by form with score.py.

    .venv/bin/python benchmarks/eval_plan_headers.py [--set plan_headers|whole_plans2|…12]
                                                     [--part dev|heldout] [--form txt ...]
                                                     [--verbose] [--score ../shared/tools/score.py]

A set is tests/fixtures/<set> (plan_headers: plans and appendices under the national header;
whole_plans2: whole plans of more kinds, each also as plain text, portal HTML and `pdftotext
-layout` text; whole_plans3: more issuers and header shapes, also with each table cell on a
line of its own — the DOCX saved as text by LibreOffice, lotext/, and `pdftotext` without
-layout, raw/; whole_plans4 … whole_plans12: held-out sets of further issuers
in those forms; whole_plans12 on also portal/, a law portal's page copied as text). For each
part and form (txt, plain, docx, pdf, html, layout, lotext, raw, portal, scan) every document
is converted and score.py is run on the outputs against the part's hand-written
expected/<stem>.gold.json (a scan is scored only against the documents that have one; a form
the set does not have is skipped). One line per part and form: the score, plan headers right,
records exactly right, extra records. `--verbose` adds score.py's misses.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
FORMS = {"txt": "*.txt", "plain": "plain/*.txt", "docx": "*.docx", "pdf": "*.pdf",
         "html": "html/*.html", "layout": "layout/*.txt", "lotext": "lotext/*.txt",
         "raw": "raw/*.txt", "portal": "portal/*.txt", "scan": "scans/*.tif"}


def score_form(folder: Path, form: str, score_py: Path, verbose: bool) -> str | None:
    """score.py's summary line for the documents of `folder` in `form`; None when the
    folder has none in that form."""
    from chitieu import convert
    from chitieu.emit.json_out import document_to_json
    from chitieu.errors import InputError

    part = folder.name
    sources = sorted(folder.glob(FORMS[form]))
    if not sources:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        gold, out = Path(tmp) / "gold", Path(tmp) / "out"
        gold.mkdir()
        out.mkdir()
        for source in sources:
            (gold / f"{source.stem}.gold.json").write_bytes(
                (folder / "expected" / f"{source.stem}.gold.json").read_bytes())
            try:
                document = convert(source)
            except InputError as error:  # scored as no output, said on stderr
                print(f"{source.name}: {error}".splitlines()[0], file=sys.stderr)
                continue
            (out / f"{source.stem}.json").write_text(document_to_json(document),
                                                     encoding="utf-8")
        result = subprocess.run([sys.executable, str(score_py), str(gold), str(out), "-v"],
                                capture_output=True, text=True, check=False)
    report = result.stdout
    summary = re.search(r"^score: .*$", report, re.MULTILINE)
    headers = re.search(r"plan headers right ([0-9.]+)", report)
    exact = re.search(r"records exactly right ([0-9.]+)", report)
    extra = re.search(r"extra records (\d+)", report)
    n = len(sources)
    line = (f"{part:8s} {form:6s} n={n:2d}  score {summary[0].split()[1]}  headers "
            f"{round(float(headers[1]) * n)}/{n}  records exact {float(exact[1]):.3f}  "
            f"extra {extra[1]}")
    if verbose:
        misses = [m for m in report.splitlines() if m.startswith("    ")]
        line += "\n" + "\n".join(misses)
    return line


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="plan_headers",
                        choices=("plan_headers", "whole_plans2", "whole_plans3",
                                 "whole_plans4", "whole_plans5", "whole_plans6",
                                 "whole_plans7", "whole_plans8", "whole_plans9",
                                 "whole_plans10", "whole_plans11", "whole_plans12"))
    parser.add_argument("--part", action="append", choices=("dev", "heldout"))
    parser.add_argument("--form", action="append", choices=tuple(FORMS))
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--score", type=Path,
                        default=ROOT.parent / "shared" / "tools" / "score.py")
    args = parser.parse_args(argv)
    for part in args.part or ["dev", "heldout"]:
        for form in args.form or list(FORMS):
            line = score_form(FIXTURES / args.set / part, form, args.score, args.verbose)
            if line is not None:
                print(line, flush=True)


if __name__ == "__main__":
    main()
