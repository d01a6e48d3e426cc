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
