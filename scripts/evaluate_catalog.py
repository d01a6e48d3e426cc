"""The figures of the README's "Indicator catalog" section: how well records link.

- decisions (tests/catalog/decisions.csv): precision and recall of record → indicator links,
  with each record's own wording hidden from the catalog (held out), over the positives whose
  indicator has another phrasing, and every near miss;
- pairwise (tests/catalog/records.csv, hand-grouped records of the fixtures' localities): F1,
  precision, coverage, tasks linked; with the catalog as shipped and held out; against a
  plain fuzzy matcher;
- the threshold: the best held-out pairwise F1 whose precision is at least 0.93;
- out of sample (tests/catalog/oos_labels.csv, oos2_labels.csv … oos30_labels.csv): phrasings
  of documents the catalog was not built from, labelled by hand: precision and recall of
  their links, and each error.
Run: `.venv/bin/python scripts/evaluate_catalog.py`. A held-out batch is scored without showing
its errors: `--hide oos22_labels.csv --errors-to FILE` writes that batch's errors to FILE (read
them only after the end scoring).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from chitieu.catalog import default_catalog
from chitieu.catalog import evaluate as E

ROOT = Path(__file__).resolve().parent.parent
GRID = [x / 100 for x in range(50, 86, 5)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hide", action="append", default=[], metavar="BATCH",
                        help="an out-of-sample batch (file name) whose errors are not printed")
    parser.add_argument("--errors-to", type=Path, metavar="FILE",
                        help="where the hidden batches' errors are written")
    args = parser.parse_args()
    hidden_errors: list[str] = []
    catalog = default_catalog()
    shipped = catalog.threshold
    records = E.distinct(E.read_labelled(ROOT / "tests" / "catalog" / "records.csv"))
    print(f"records: {len(records)} distinct, "
          f"{sum(r.kind == 'indicator' for r in records)} indicator records, "
          f"{len({r.locality for r in records})} localities")
    def findable(record: E.LabelledRecord) -> bool:
        return E.has_other_phrasing(catalog, record)

    print("threshold | held-out pairwise P / R / F1 / coverage (of records whose indicator "
          "has another phrasing)")
    for threshold in GRID:
        catalog.threshold = threshold
        p = E.pairwise(records, E.catalog_linker(catalog, held_out=True), findable)
        print(f"{threshold:.2f} | {p.precision:.3f} / {p.recall:.3f} / {p.f1:.3f} / "
              f"{p.coverage:.3f}")
    catalog.threshold = shipped
    for name, link in (("catalog", E.catalog_linker(catalog)),
                       ("catalog, held out", E.catalog_linker(catalog, held_out=True)),
                       ("plain fuzzy 0.90", E.plain_fuzzy_linker(catalog, 0.90)),
                       ("plain fuzzy 0.90, held out",
                        E.plain_fuzzy_linker(catalog, 0.90, held_out=True))):
        p = E.pairwise(records, link, findable if "held out" in name else None)
        print(f"pairwise {name}: P {p.precision:.3f} R {p.recall:.3f} F1 {p.f1:.3f} "
              f"coverage {p.coverage:.3f} tasks linked {p.linked_tasks}")
    decisions = E.read_decisions(ROOT / "tests" / "catalog" / "decisions.csv")
    for held in (False, True):
        usable = [d for d in decisions if not (held and d.same)
                  or E.has_other_phrasing(catalog, d)]
        scores = E.decision_scores(catalog, usable, held_out=held)
        p, r = E.precision_recall(usable, scores, shipped)
        print(f"decisions{' held out' if held else ''}: {len(usable)} "
              f"({sum(d.near_miss for d in usable)} near misses) at {shipped}: "
              f"P {p:.3f} R {r:.3f}")
    for batch in ("oos_labels.csv", "oos2_labels.csv", "oos3_labels.csv", "oos4_labels.csv",
                  "oos5_labels.csv", "oos6_labels.csv", "oos7_labels.csv",
                  "oos8_labels.csv", "oos9_labels.csv",
                  "oos10_labels.csv", "oos11_labels.csv", "oos12_labels.csv",
                  "oos13_labels.csv", "oos14_labels.csv", "oos15_labels.csv",
                  "oos16_labels.csv", "oos17_labels.csv",
                  "oos18_labels.csv", "oos19_labels.csv", "oos20_labels.csv",
                  "oos21_labels.csv", "oos22_labels.csv", "oos23_labels.csv",
                  "oos24_labels.csv", "oos25_labels.csv", "oos26_labels.csv",
                  "oos27_labels.csv", "oos28_labels.csv", "oos29_labels.csv",
                  "oos30_labels.csv"):
        items = E.read_out_of_sample(ROOT / "tests" / "catalog" / batch)
        o = E.out_of_sample(items, E.catalog_linker(catalog))
        print(f"out of sample, {batch}: {len(items)} phrasings ({o.labelled} of a catalog "
              f"indicator): {o.right} right, {o.wrong} wrong, {o.missed} missed, "
              f"{o.unlinked} rightly unlinked: P {o.precision:.3f} R {o.recall:.3f}")
        lines = [f"  {name!r}: labelled {gold}, linked {got}" for name, gold, got in o.errors]
        if batch in args.hide:
            hidden_errors += [f"{batch}:", *lines]
            print(f"  ({len(lines)} errors not shown)")
        else:
            for line in lines:
                print(line)
    if args.errors_to is not None:
        args.errors_to.write_text("\n".join(hidden_errors) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
