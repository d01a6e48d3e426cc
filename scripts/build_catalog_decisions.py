"""Write tests/catalog/decisions.csv: record → indicator decisions for calibrating the matcher.

Each distinct indicator record of tests/catalog/records.csv (hand-grouped: its `indicator`
column is the catalog id a person gave it, empty when it fits none) yields
- a positive decision (name, unit, its id, same=1) when it has an id, and
- a near miss: the catalog indicator a plain fuzzy matcher (rapidfuzz WRatio on accent-folded
  names, no constraint) ranks first among the *other* indicators, with same=0.
The near misses are the pairs that look alike and must not link. Run again after the labels
or the catalog change: `.venv/bin/python scripts/build_catalog_decisions.py`.
"""

from __future__ import annotations

import csv
from pathlib import Path

from rapidfuzz import fuzz

from chitieu.catalog import default_catalog
from chitieu.catalog.evaluate import distinct, read_labelled
from chitieu.core.text import ascii_fold

ROOT = Path(__file__).resolve().parent.parent
RECORDS = ROOT / "tests" / "catalog" / "records.csv"
DECISIONS = ROOT / "tests" / "catalog" / "decisions.csv"


def main() -> None:
    catalog = default_catalog()
    phrasings = [(ascii_fold(t), ind.id) for ind in catalog.indicators.values()
                 for t in (ind.name, *ind.aliases)]
    rows, seen = [], set()
    for record in distinct(read_labelled(RECORDS)):
        if record.kind != "indicator" or (record.name, record.unit) in seen:
            continue
        seen.add((record.name, record.unit))
        if record.indicator:
            rows.append((record.name, record.unit, record.indicator, 1, 0))
        key = ascii_fold(record.name)
        scored = sorted(((fuzz.WRatio(key, text), ind_id) for text, ind_id in phrasings
                         if ind_id != record.indicator), reverse=True)
        if scored:
            rows.append((record.name, record.unit, scored[0][1], 0, 1))
    with DECISIONS.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["name", "unit", "indicator", "same", "near_miss"])
        writer.writerows((n, u or "", i, s, m) for n, u, i, s, m in rows)
    print(f"{DECISIONS}: {len(rows)} decisions, {sum(r[4] for r in rows)} near misses")


if __name__ == "__main__":
    main()
