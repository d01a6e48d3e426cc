"""Every agency of the gold files, from the agency cells of the seeds they were written for.

Each gold record points at its seed lines (source.lines); the gold columns give the agency
columns. The cells are read from the tab-separated seed lines (a row broken by a page break
is joined, its repeated header skipped) and must split and match exactly as the gold says.
"""

import json
from pathlib import Path

import pytest
from shared_files import MISSING, SHARED

from chitieu.core.text import clean_text
from chitieu.gazetteer.agencies import default_gazetteer

AGENCY_ROLES = ("lead", "support", "monitor")


def _gold_cells(shared: Path):
    for gold_path in sorted((shared / "gold").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        stem = gold_path.name.split(".")[0]
        lines = (shared / "seeds" / f"{stem}.txt").read_text(encoding="utf-8").split("\n")
        headers = [clean_text(c["header"]) for c in gold["columns"]]
        for record in gold["records"]:
            cells = _row_cells(lines, record["source"]["lines"], headers)
            for index, column in enumerate(gold["columns"]):
                if column["role"] in AGENCY_ROLES:
                    expected = [a for a in record["agencies"] if a["role"] == column["role"]]
                    yield f"{stem}:{record['key']}:{column['role']}", cells[index], \
                        column["role"], expected


def _row_cells(lines: list[str], span: list[int], headers: list[str]) -> list[str]:
    first, last = span
    cells = [""] * len(headers)
    for line in lines[first - 1:last]:
        parts = [clean_text(p) for p in line.split("\t")][:len(headers)]
        if not any(parts) or parts == headers:
            continue
        for i, part in enumerate(parts):
            cells[i] = f"{cells[i]} {part}".strip()
    return cells


def _cases():
    if not (SHARED / "gold").exists():
        return [pytest.param("", "lead", [], id="no-shared", marks=pytest.mark.skip(MISSING))]
    return [pytest.param(cell, role, expected, id=case_id)
            for case_id, cell, role, expected in _gold_cells(SHARED)]


@pytest.mark.parametrize(("cell", "role", "expected"), _cases())
def test_gold_agencies(cell, role, expected):
    agencies, warnings = default_gazetteer().agencies(cell, role)
    assert [(a.role, a.id, a.name, a.raw) for a in agencies] == [
        (e["role"], e["id"], e["name"], e["raw"]) for e in expected]
    for agency in agencies:
        assert agency.score == (1.0 if agency.id else 0.0)
    assert ("agency_unmatched" in warnings) == any(a.id is None for a in agencies)


def test_gold_has_the_tricky_agencies(shared_dir):
    pairs = {(agency["raw"], agency["id"])
             for _, _, _, expected in _gold_cells(shared_dir) for agency in expected}
    for pair in [("Các đoàn thể", "to-chuc-chinh-tri-xa-hoi"), ("các đơn vị", "cac-phong-don-vi"),
                 ("Các cơ quan, đơn vị liên quan", "cac-don-vi-lien-quan"),
                 ("Văn phòng HĐND và UBND xã", "van-phong-hdnd-ubnd"),
                 ("Trạm y tế", "tram-y-te"), ("UB MTTQ Việt Nam xã", "ubmttq")]:
        assert pair in pairs
