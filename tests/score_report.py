"""score.py's report on documents converted now, shared by the end-to-end sets scored by hand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from chitieu import convert
from chitieu.emit.json_out import document_to_json


def score_report(gold: Path, sources: list[Path], out: Path, shared_dir: Path) -> str:
    """score.py's verbose report on these sources' outputs against the gold files in `gold`."""
    out.mkdir()
    for source in sources:
        (out / f"{source.stem}.json").write_text(document_to_json(convert(source)), "utf-8")
    return subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), str(gold), str(out),
         "--verbose"], capture_output=True, text=True, check=False).stdout


def fixture_inputs(folder: Path) -> list[Path]:
    """A hand-scored set's inputs: the files of its folder but its builder and README."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix != ".py" and p.name != "README.md")


def document_stem(path: Path) -> str:
    """The document an input is a form of: "x.docx", "x.pdf", "x.portal.md" → "x"."""
    return path.name.split(".")[0]


def expected_stems(folder: Path) -> set[str]:
    """The documents of a set's folder with hand-written records (expected/<stem>.gold.json)."""
    return {p.name.removesuffix(".gold.json") for p in (folder / "expected").glob("*.gold.json")}
