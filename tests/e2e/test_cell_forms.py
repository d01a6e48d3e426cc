"""Documents saved with a table cell per line (chitieu/extract/cells.py): the DOCX of the
whole-plan dev sets and of the three seed documents saved as text by LibreOffice ("Text
(encoded)"; tests/fixtures/cells/make_cell_forms.py, whole_plans3/make_whole_plans3.py),
scored with ../shared/tools/score.py against the same expected records as their other forms.
`pdftotext` without -layout of the same PDFs (raw/) is measured with
benchmarks/eval_plan_headers.py --form raw and held here at the level it reached (its tables
drawn column after column are a best effort). The table shapes of office_variants as
LibreOffice text are held at the level they reached (2026-12-06): its misses are a note merged
down every row (LibreOffice writes it once), a document's tracked changes (LibreOffice writes
the deleted text too) and an appendix label in a text box (not written).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from score_report import score_report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _score(report: str) -> float:
    return float(re.search(r"^score: ([0-9.]+)", report, re.MULTILINE)[1])


@pytest.mark.parametrize(("folder", "documents"), [("whole_plans2/dev", 10),
                                                   ("whole_plans3/dev", 10),
                                                   ("whole_plans6/dev", 8),
                                                   ("whole_plans7/dev", 6),
                                                   ("whole_plans8/dev", 17),
                                                   ("whole_plans9/dev", 23),
                                                   ("whole_plans11/dev", 19),
                                                   ("whole_plans12/dev", 6)])
def test_libreoffice_text_of_whole_plans_scores_full_marks(folder: str, documents: int,
                                                          tmp_path: Path,
                                                          shared_dir: Path) -> None:
    sources = sorted((FIXTURES / folder / "lotext").glob("*.txt"))
    assert len(sources) >= documents
    report = score_report(FIXTURES / folder / "expected", sources, tmp_path / "out", shared_dir)
    assert _score(report) == 1.0, report


def test_libreoffice_text_of_the_seeds_scores_full_marks(tmp_path: Path,
                                                         shared_dir: Path) -> None:
    sources = sorted((FIXTURES / "cells" / "seeds" / "lotext").glob("*.txt"))
    assert len(sources) == 3
    (tmp_path / "gold").mkdir()
    for source in sources:
        shutil.copy(shared_dir / "gold" / f"{source.stem}.gold.json", tmp_path / "gold")
    report = score_report(tmp_path / "gold", sources, tmp_path / "out", shared_dir)
    assert _score(report) == 1.0, report


def test_libreoffice_text_of_the_table_shapes(tmp_path: Path, shared_dir: Path) -> None:
    sources = sorted((FIXTURES / "cells" / "office_variants" / "lotext").glob("*.txt"))
    assert len(sources) >= 27
    report = score_report(FIXTURES / "office_variants" / "expected", sources,
                          tmp_path / "out", shared_dir)
    assert _score(report) >= 0.88, report


@pytest.mark.parametrize(("folder", "least"), [("whole_plans2/dev", 0.94),
                                              ("whole_plans3/dev", 0.92),
                                              ("whole_plans6/dev", 0.71),
                                              ("whole_plans7/dev", 0.70),
                                              ("whole_plans8/dev", 0.90)])
def test_pdftotext_raw_of_whole_plans_holds_its_level(folder: str, least: float,
                                                       tmp_path: Path, shared_dir: Path) -> None:
    # two narrow columns side by side, blocks of several cells, labels wrapped before their
    # year (2026-12-06, third session: 0.72 → 0.81 and 0.79 → 0.93); the next appendix on
    # the page, durations over two lines, labels each alone in their blocks, three columns
    # in one block, names repeated over three lines (fifth session: whole_plans2 0.83 →
    # 0.94, whole_plans6 0.50 → 0.71: what is left, a long table's cells `pdftotext` wrote
    # before the rows above them, is said on its rows, not placed); a name's line opening
    # with a capital kept where the line above left no room for it, a figure after the row
    # numbers no row, an agency's lines repeated for every row (sixth session: whole_plans7
    # 0.47 → 0.70)
    sources = sorted((FIXTURES / folder / "raw").glob("*.txt"))
    assert len(sources) >= 6
    report = score_report(FIXTURES / folder / "expected", sources, tmp_path / "out", shared_dir)
    assert _score(report) >= least, report
