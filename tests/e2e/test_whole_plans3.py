"""Whole plans of further issuers and header shapes (tests/fixtures/whole_plans3, made by
make_whole_plans3.py): a Fatherland Front committee, a school, a department's centre,
ministries, Party and council committees, a draft, spaced dates and numbers, a letter's
two-line subject — as OCR'd and plain text, DOCX, PDF and portal HTML, scored with
../shared/tools/score.py against plan headers and records written by hand. Only dev/ is
tested here: heldout/ is scored at the start and the end of the work that reads it
(benchmarks/eval_plan_headers.py --set whole_plans3 --part heldout). whole_plans9/dev (letters
whose subject wraps above a wrapped "Kính gửi:" line, signature stamps, numbers cut at their
dash, steering committees under a Party committee, appendices after the signer's name) and
whole_plans10/dev (signature stamps whose signer's name wraps, stamps deepening the header,
a Front committee's village boards) and whole_plans11/dev (a steering committee whose name
goes on with a kind's words, a number with "&" or its year, stamps with a signing date) and
whole_plans12/dev (a number's digits spaced, the State Bank by its Governor, a place-date
printed by a former district's name or with its level) are held here the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from score_report import score_report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize("form", ["*.txt", "plain/*.txt", "*.docx", "*.pdf", "html/*.html"])
@pytest.mark.parametrize(("folder", "documents"), [("whole_plans3/dev", 10),
                                                   ("whole_plans9/dev", 23),
                                                   ("whole_plans10/dev", 30),
                                                   ("whole_plans11/dev", 19),
                                                   ("whole_plans12/dev", 6)])
def test_every_dev_plan_in_every_form_scores_full_marks(folder: str, documents: int, form: str,
                                                        tmp_path: Path,
                                                        shared_dir: Path) -> None:
    dev = FIXTURES / folder
    sources = sorted(dev.glob(form))
    assert len(sources) >= documents
    report = score_report(dev / "expected", sources, tmp_path / "out", shared_dir)
    assert float(re.search(r"^score: ([0-9.]+)", report, re.MULTILINE)[1]) == 1.0, report


@pytest.mark.parametrize(("folder", "documents"), [("whole_plans11/dev", 19),
                                                   ("whole_plans12/dev", 6)])
def test_every_dev_plan_copied_from_a_law_portal_scores_full_marks(
        folder: str, documents: int, tmp_path: Path, shared_dir: Path) -> None:
    # portal/: the page copied as text (tests/fixtures/plan_portal.py)
    dev = FIXTURES / folder
    sources = sorted(dev.glob("portal/*.txt"))
    assert len(sources) >= documents
    report = score_report(dev / "expected", sources, tmp_path / "out", shared_dir)
    assert float(re.search(r"^score: ([0-9.]+)", report, re.MULTILINE)[1]) == 1.0, report
