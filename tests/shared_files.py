"""The shared folder beside the repository (../shared): the seeds' gold, score.py, and the
real published documents, which tests read in place and never copy into the repository.

A clone without it still runs the suite: what needs it is skipped with one line saying so.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
REAL = SHARED / "real"
MISSING = "../shared is missing (gold, score.py and the real documents are read there)"
# the collector's note above each real document, up to and including this line
_HEADER_END = "# ---- END OF HEADER"


def require_shared() -> Path:
    """The shared folder, or skip the test that needs it."""
    if not SHARED.is_dir():
        pytest.skip(MISSING)
    return SHARED


def real_names() -> list:
    """Parameters for the real text documents (not the PDF) by file name; one skipped
    parameter when the shared folder is missing."""
    if not REAL.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=MISSING), id="no-shared")]
    return sorted(p.name for p in REAL.iterdir()
                  if p.is_file() and p.name != "README.md" and p.suffix != ".pdf")


def real_text(name: str, lines: int | None = None) -> str:
    """A real document as published: the file in ../shared/real without the collector's
    note above it (its first `lines` lines when given)."""
    require_shared()
    text = (REAL / name).read_text(encoding="utf-8")
    head, marker, body = text.partition(_HEADER_END)
    body = body.partition("\n")[2] if marker else head
    return "\n".join(body.split("\n")[:lines]) + "\n" if lines else body


def real_file(name: str, folder: Path, lines: int | None = None) -> Path:
    """The real document written under its own name into `folder` (a test's tmp_path), to be
    read as a file; a PDF is given in place."""
    if name.endswith(".pdf"):
        require_shared()
        return REAL / name
    path = folder / name
    if not path.exists():
        path.write_text(real_text(name, lines), encoding="utf-8")
    return path


def score_one(gold: Path, got: dict, work: Path) -> subprocess.CompletedProcess:
    """../shared/tools/score.py on one document: its expected `gold` file against the
    output `got`, both written under `work`, asking for 1.0."""
    shared = require_shared()
    (work / "gold").mkdir()
    (work / "pred").mkdir()
    (work / "gold" / gold.name).write_bytes(gold.read_bytes())
    stem = gold.name.removesuffix(".gold.json")
    (work / "pred" / f"{stem}.json").write_text(json.dumps(got), "utf-8")
    return subprocess.run(
        [sys.executable, str(shared / "tools" / "score.py"), str(work / "gold"),
         str(work / "pred"), "--min", "1.0", "--verbose"],
        capture_output=True, text=True, check=False)
