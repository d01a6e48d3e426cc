"""Whole signed plans as communes and wards publish them (tests/fixtures/whole_plans, made by
make_whole_plans.py and, for the scans, make_scan_fixtures.py --whole-plans-only): national
header, kind and title, "Căn cứ …" paragraphs citing other documents, numbered body headings,
a target or task table in the body (or in a "Phụ lục" after the signature), the signature
block. Each as OCR'd text, DOCX, the PDF LibreOffice printed from it, and a 300-dpi scan of
that PDF, scored with ../shared/tools/score.py against the records and plan header written
by hand in expected/<stem>.gold.json: 1.0 for text, DOCX and PDF, at least 0.90 for a scan.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from chitieu import convert
from chitieu.emit.json_out import document_to_json

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "whole_plans"
STEMS = sorted(p.name.removesuffix(".gold.json") for p in (PLANS / "expected").glob("*.gold.json"))


def _score(stem: str, source: Path, tmp_path: Path, shared_dir: Path) -> tuple[float, str]:
    (tmp_path / "gold").mkdir()
    shutil.copy(PLANS / "expected" / f"{stem}.gold.json", tmp_path / "gold")
    (tmp_path / f"{stem}.json").write_text(document_to_json(convert(source)), "utf-8")
    result = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), str(tmp_path / "gold"),
         str(tmp_path), "--verbose"], capture_output=True, text=True, check=False)
    return float(re.search(r"^score: ([0-9.]+)", result.stdout, re.MULTILINE)[1]), result.stdout


def test_every_plan_in_every_form() -> None:
    assert len(STEMS) >= 7
    for stem in STEMS:
        for suffix in (".txt", ".docx", ".pdf"):
            assert (PLANS / f"{stem}{suffix}").exists()
        assert (PLANS / "scans" / f"{stem}.tif").exists()


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
@pytest.mark.parametrize("stem", STEMS)
def test_text_docx_pdf_score_full_marks(stem: str, suffix: str, tmp_path: Path,
                                        shared_dir: Path) -> None:
    score, report = _score(stem, PLANS / f"{stem}{suffix}", tmp_path, shared_dir)
    assert score == 1.0, report
