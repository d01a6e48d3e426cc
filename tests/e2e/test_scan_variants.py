"""Scans of appendices the seeds are not, printed and scanned otherwise than the seeds' scans
(tests/fixtures/scans/variants, made by make_scan_fixtures.py `VARIANTS`): a page fed a
quarter turned either way, another font, 200 dpi, a header of two or three rows (merged cells,
the column-numbering row) repeated on a second page, an agency cell merged over the page
break, rules between the columns only, a first section whose number OCR loses (the
section sequence gives it back), quarters whose roman "III" OCR reads "11" or "II" (the
strokes on the page give it back). Each is scored against its appendix's hand-written
records with ../shared/tools/score.py; the threshold is what the scan path promises on unseen
scans (SCORE_FLOOR), not what these happen to reach.

They run Tesseract (skipped without it, except under CI).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tesseract_marks import needs_tesseract

from chitieu import convert
from chitieu.emit.json_out import document_to_json

VARIANTS = Path(__file__).resolve().parents[1] / "fixtures" / "scans" / "variants"
# The floor on unseen scans: 0.90 at 300 dpi, 0.85 at 250 dpi, 0.80 at 200 dpi.
SCORE_FLOOR = {300: 0.90, 250: 0.85, 200: 0.80}
CASES = {
    "merged_header_numbering_turned_270": (300, "ocr_page_rotated:p1:270"),
    "paged_numbering_header_200dpi": (200, None),
    "bao_lac_dejavu_turned_90": (300, "ocr_page_rotated:p1:90"),
    "column_rules_only_300dpi": (300, None),
    # issue 11, classes 4 to 7 (tests/fixtures/office_variants, scanned)
    "two_numbering_groups_300dpi": (300, None),
    "header_lines_300dpi": (300, None),
    "continued_rows_300dpi": (300, None),
    "collective_names_300dpi": (300, None),
    "tan_an_section_lost_250": (250, None),
    "auto_restart_quarters_200": (200, None),
}


def test_every_variant_scan_has_its_records() -> None:
    assert sorted(p.stem for p in VARIANTS.glob("*.tif")) == sorted(CASES)
    for stem in CASES:
        assert (VARIANTS / "expected" / f"{stem}.gold.json").exists()


@needs_tesseract
@pytest.mark.parametrize("stem", sorted(CASES))
def test_variant_scan_scores(stem: str, tmp_path: Path, shared_dir: Path) -> None:
    dpi, rotated = CASES[stem]
    document = convert(VARIANTS / f"{stem}.tif")
    (tmp_path / "gold").mkdir()
    gold = VARIANTS / "expected" / f"{stem}.gold.json"
    (tmp_path / "gold" / gold.name).write_bytes(gold.read_bytes())
    (tmp_path / f"{stem}.json").write_text(document_to_json(document), "utf-8")
    result = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), str(tmp_path / "gold"),
         str(tmp_path), "--verbose"], capture_output=True, text=True, check=False)
    score = float(re.search(r"^score: ([0-9.]+)", result.stdout, re.MULTILINE)[1])
    assert score >= SCORE_FLOOR[dpi], result.stdout
    if rotated:
        assert rotated in document.warnings
    expected = json.loads(gold.read_text(encoding="utf-8"))
    assert [r.key for r in document.records] == [r["key"] for r in expected["records"]]
