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
from tesseract_marks import needs_tesseract

from chitieu import convert
from chitieu.emit.json_out import document_to_json

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "whole_plans"
SCAN_FLOOR = 0.90  # what the scan path promises on unseen scans at 300 dpi
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


@pytest.fixture(scope="module")
def scan_report(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> str:
    """score.py's report on all seven scans at once (each scan read once, for both tests)."""
    out = tmp_path_factory.mktemp("scans")
    for stem in STEMS:
        document = convert(PLANS / "scans" / f"{stem}.tif")
        (out / f"{stem}.json").write_text(document_to_json(document), "utf-8")
    result = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), str(PLANS / "expected"),
         str(out), "--verbose"], capture_output=True, text=True, check=False)
    return result.stdout


def _measure(report: str, name: str) -> float:
    return float(re.search(rf"{name} ([0-9.]+)", report)[1])


@needs_tesseract
def test_scans_keep_the_structure(scan_report: str) -> None:
    """What OCR misreads cannot excuse: every plan header right, every record found, none
    made up (body headings, paragraphs, the signature)."""
    assert _measure(scan_report, "plan headers right") == 1.0, scan_report
    assert _measure(scan_report, "extra-record penalty") == 0.0, scan_report
    assert "missing record" not in scan_report, scan_report


@needs_tesseract
def test_scans_score_at_least_the_floor(scan_report: str) -> None:
    assert float(re.search(r"^score: ([0-9.]+)", scan_report, re.MULTILINE)[1]) >= SCAN_FLOOR
