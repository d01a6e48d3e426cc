"""Score the held-out imitations of real tables (tests/fixtures/real/heldout) form by form.

    .venv/bin/python benchmarks/eval_real_heldout.py [--set heldout|heldout2|heldout3|heldout4|
                                                           heldout5|heldout6|heldout7|
                                                           heldout8|heldout9|heldout10|
                                                           heldout11|heldout12|heldout13|
                                                           heldout14|
                                                           realdocs_heldout|
                                                           realdocs_heldout2|realdocs_heldout3|
                                                           realdocs_heldout4|
                                                           realdocs_heldout5|
                                                           realdocs_heldout6|
                                                           realdocs_heldout7|
                                                           realdocs_heldout8|
                                                           realdocs_heldout9|
                                                           realdocs_heldout10|
                                                           realdocs_heldout11|
                                                           raw_heldout1|raw_heldout2|
                                                           raw_heldout3]
                                                     [--form docx|pdf|layout|raw|flagless|
                                                             xlsx|html|md|portal ...]
                                                     [--score ../shared/tools/score.py]

Held out: built and scored before the code they measure was changed, then scored only at the
end (no per-record misses are printed, so they cannot steer the work). For each form (the
DOCX, the PDF LibreOffice printed from it, and that PDF's `pdftotext -layout` text) every
document is converted and score.py is run against its hand-written expected records. One line
per form — score, records exactly right, extra records — and one line per document.

`--set` picks the set: `heldout` (the first, built 2026-12-05, scored at the start and end of
two sessions: worn), `heldout2` (built 2026-12-06 02:40, scored twice, its misses read: worn),
`heldout3` (built 2026-12-06 05:40, scored twice, its misses read: worn), `heldout4` (built
2026-12-06 08:25, scored twice, its misses read: worn), `heldout5` (built 2026-12-06 11:10
before the second layout session's code changes; scored twice, its misses read: worn),
`heldout6` (built 2026-12-06 13:25 before the third layout session's code changes; scored
twice, its misses read: worn), `heldout7` (built 2026-12-06 16:10 before the fourth layout
session's code changes; scored twice, its misses read: worn), `heldout8` (built 2026-12-06
18:55 before the fifth layout session's code changes; scored twice, its misses read: worn),
`heldout9` (built 2026-12-06 21:55 before the sixth layout session's code changes;
scored twice, its misses read: worn), `heldout10` (built 2026-12-07 00:45 before the seventh
layout session's code changes; scored twice, its misses read: worn), `heldout11` (built
2026-12-07 03:35 before the eighth layout session's code changes; scored twice, its misses
read: worn), `heldout12` (built 2026-12-07 06:40 before the ninth layout session's code
changes; scored twice, its misses read: worn), `heldout13` (built 2026-12-07 09:45 before the
tenth layout session's code changes; scored twice, its misses read: worn), `heldout14` (built
2026-12-07 12:40 before the eleventh layout session's code changes),
`realdocs_heldout` (built 2026-12-06
08:30 before the realdocs session's code changes: each document in two of DOCX, XLSX, portal
HTML, Markdown and PDF; a form scores the documents that come in it), or
`realdocs_heldout2` (built 2026-12-06 11:00 before the second realdocs session's code changes:
each document as DOCX, PDF and layout text, and in one to three of XLSX, HTML and Markdown;
scored at that session's start and end, its misses read: worn), or `realdocs_heldout3` (built
2026-12-06 13:30 before the third realdocs session's code changes: each document as DOCX, PDF
and layout text, in one to three of XLSX, HTML and Markdown, two also as portal text; scored
at that session's start and end, its misses read: worn), or `realdocs_heldout4` (built
2026-12-06 16:45 before the fourth realdocs session's code changes: each document as DOCX, PDF
and layout text and in two to four of XLSX, HTML, Markdown and portal text; scored at that
session's start and end, its misses read: worn), or `realdocs_heldout5` (built 2026-12-06 19:20
before the fifth realdocs session's code changes: each document as DOCX, PDF and layout text
and in three of XLSX, HTML, Markdown and portal text; scored at that session's start and end,
its misses read: worn), or `realdocs_heldout6` (built 2026-12-06 21:50 before the sixth
realdocs session's code changes: each document as DOCX, PDF and layout text and in three of
XLSX, HTML, Markdown and portal text; scored at that session's start and end, its misses read:
worn), or `realdocs_heldout7` (built 2026-12-07 01:15 before the seventh realdocs session's
code changes: each document as DOCX, PDF and layout text and in three of XLSX, HTML, Markdown
and portal text; scored at that session's start and end, its misses read: worn), or
`realdocs_heldout8` (built 2026-12-07 04:00 before the eighth realdocs session's code changes:
each document as DOCX, PDF and layout text and in three of XLSX, HTML, Markdown and portal
text; scored at that session's start and end, its misses read: worn), or
`realdocs_heldout9` (built 2026-12-07 06:55 before the ninth realdocs session's code changes:
each document as DOCX, PDF and layout text and in three of XLSX, HTML, Markdown and portal
text; scored at that session's start and end, its misses read: worn), or
`realdocs_heldout10` (built 2026-12-07 09:35 before the tenth realdocs session's code
changes: each document as DOCX, PDF and layout text and in three of XLSX, HTML, Markdown and
portal text; scored at that session's start and end, its misses read: worn), or
`realdocs_heldout11` (built 2026-12-07 12:25 before the eleventh realdocs session's code
changes: tables of real 2025–2026 plans — a ministry, four provinces, a commune — each as DOCX,
PDF and layout text and in three or four of XLSX, HTML, Markdown and portal text), or
`raw_heldout1` (built 2026-12-07 03:50 before the raw session's code
changes: each document as DOCX, PDF and the PDF's `pdftotext -raw` text, the form it is for;
scored at that session's start and end: worn), or `raw_heldout2` (built 2026-12-07 06:50 before
the second raw session's code changes: each document as DOCX, PDF, the PDF's `pdftotext -raw`
text and its flagless `pdftotext` text; scored at that session's start and end: worn), or
`raw_heldout3` (built 2026-12-07 09:35 before the third raw session's changes to the raw
readers' rules: each document as DOCX, PDF, `pdftotext -raw` and flagless `pdftotext` text),
or `raw_heldout4` (built 2026-12-07 12:30 before the fourth raw session's changes, the same
four forms).
The `raw` form is a PDF's `pdftotext -raw -enc UTF-8` text (`<stem>.pdftotext-raw.txt`); the
`flagless` form its `pdftotext -enc UTF-8` text without -layout or -raw (`<stem>.pdftotext.txt`).
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
SETS = ROOT / "tests" / "fixtures" / "real"
FORMS = {"docx": "*.docx", "pdf": "*.pdf", "layout": "*.pdftotext-layout.txt",
         "raw": "*.pdftotext-raw.txt", "flagless": "*.pdftotext.txt",
         "xlsx": "*.xlsx", "html": "*.html", "md": "*.md", "portal": "*.portal.md"}
# a portal page saved as text is its own form, not the converter's Markdown
OTHER_FORMS = {"md": (".portal.md", ".copies.md")}
SET_NAMES = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
             "heldout7", "heldout8", "heldout9", "heldout10", "heldout11",
             "heldout12", "heldout13", "heldout14", "realdocs_heldout",
             "realdocs_heldout2", "realdocs_heldout3", "realdocs_heldout4", "realdocs_heldout5",
             "realdocs_heldout6", "realdocs_heldout7", "realdocs_heldout8",
             "realdocs_heldout9", "realdocs_heldout10", "realdocs_heldout11",
             "raw_heldout1", "raw_heldout2",
             "raw_heldout3")
SET_NAMES += ("raw_heldout4",)  # built 2026-12-07 12:30 before the fourth raw session's changes


def _score(gold: Path, out: Path, score_py: Path) -> str:
    result = subprocess.run([sys.executable, str(score_py), str(gold), str(out)],
                            capture_output=True, text=True, check=False)
    return result.stdout


def score_form(form: str, score_py: Path, held: Path) -> list[str]:
    from chitieu import convert
    from chitieu.emit.json_out import document_to_json
    from chitieu.errors import InputError

    # a document is one with an expected file (a set's README.md is not)
    sources = sorted(path for path in held.glob(FORMS[form])
                     if (held / "expected" / f"{path.name.split('.')[0]}.gold.json").is_file()
                     and not path.name.endswith(OTHER_FORMS.get(form, ())))
    if not sources:
        return []
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        gold, out = Path(tmp) / "gold", Path(tmp) / "out"
        gold.mkdir()
        out.mkdir()
        for source in sources:
            stem = source.name.split(".")[0]
            (gold / f"{stem}.gold.json").write_bytes(
                (held / "expected" / f"{stem}.gold.json").read_bytes())
            try:
                produced = document_to_json(convert(source))
            except InputError as exc:  # a document read as no table scores 0, others go on
                lines.append(f"    {stem}: failed ({exc.code})")
                produced = json.dumps({"plan": {}, "records": []})
            except Exception as exc:  # a crash scores 0 and is named; the others go on
                lines.append(f"    {stem}: crashed ({type(exc).__name__})")
                produced = json.dumps({"plan": {}, "records": []})
            (out / f"{stem}.json").write_text(produced, encoding="utf-8")
        report = _score(gold, out, score_py)
    summary = re.search(r"^score: (\S+)", report, re.MULTILINE)
    exact = re.search(r"records exactly right ([0-9.]+)", report)
    extra = re.search(r"extra records (\d+)", report)
    lines.insert(0, f"{form:7s} n={len(sources)}  score {summary[1]}  records exact "
                    f"{float(exact[1]):.3f}  extra {extra[1]}")
    for case in re.findall(r"^\S+: fields .*$", report, re.MULTILINE):
        lines.append(f"    {case}")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="heldout", choices=SET_NAMES)
    parser.add_argument("--form", action="append", choices=tuple(FORMS))
    parser.add_argument("--score", type=Path,
                        default=ROOT.parent / "shared" / "tools" / "score.py")
    args = parser.parse_args(argv)
    for form in args.form or list(FORMS):
        lines = score_form(form, args.score, SETS / args.set)
        if lines:
            print("\n".join(lines), flush=True)


if __name__ == "__main__":
    main()
